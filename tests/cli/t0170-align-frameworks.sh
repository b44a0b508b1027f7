#!/bin/sh
test_description='align import: frameworks from pl CSV, Moodle and CASE, messy files, updates'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

DATA="$PL_SOURCE_ROOT/tests/data/standards"

# Rows of a framework file: its lines but the header (no line breaks in
# pl's own files).
rows () {
	echo $(($(wc -l <"$1") - 1))
}

test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null
'

test_expect_success 'import Common Core Math (pl CSV): every row, one commit' '
	pl -C p align import "$DATA/ccss_math.csv" >out 2>err &&
	echo "imported ccss-math: 517 standards" >expect &&
	test_cmp expect out &&
	echo "pl: warning: $DATA/ccss_math.csv:2: parent ${SQ}CCSS.Math.Content.K.CC.A${SQ} of ${SQ}CCSS.Math.Content.K.CC.A.1${SQ} is not in the framework (nor are the parents of 384 more)" >expect &&
	test_cmp expect err &&
	test_cmp "$DATA/ccss_math.csv" p/standards/ccss-math.csv &&
	test "$(rows p/standards/ccss-math.csv)" = 517 &&
	grep "^CCSS.Math.Content.6.RP.A.1,CCSS.Math.Content.6.RP.A,6,Mathematics,\"Understand the concept of a ratio" p/standards/ccss-math.csv &&
	(cd p && commit_message) >msg &&
	cat >expect <<-\EOT &&
	align: import ccss-math

	Imported framework ccss-math: 517 standards.

	Pl-Kind: align
	Pl-Action: import
	Pl-Id: ccss-math
	EOT
	test_cmp expect msg &&
	test "$(git -C p rev-list --count HEAD)" = 2 &&
	git -C p status --porcelain >status &&
	test_must_be_empty status
'

test_expect_success 'import a Moodle competency framework as Moodle exports it' '
	pl -C p align import --framework oecd \
		"$DATA/oecd_core_competencies_moodle_lpimportcsv.csv" >out &&
	echo "imported oecd: 64 standards" >expect &&
	test_cmp expect out &&
	test_cmp "$DATA/oecd_core_competencies.csv" p/standards/oecd.csv &&
	grep "^level-3,levels,,OECD,\"Level 3 is typically associated with jobs such as Economists/Policy Analysts, IT Analysts and HR Advisers.\"\$" p/standards/oecd.csv
'

test_expect_success 'Moodle: the Shortname is kept beside the Description' '
	grep -e "^levels," -e "^level-1," -e "^competencies," \
		-e "^delivery," -e "^DR-AT1," -e "^S-SN-1," \
		p/standards/oecd.csv >actual &&
	cat >expect <<-\EOT &&
	levels,,,OECD,Levels: Each level of the Core Competencies has behavioural indicators that highlight how an individual can demonstrate that competency. Behavioural indicators are designed to show the requirements for successful performance.
	level-1,levels,,OECD,"Level 1 is typically associated with jobs such as Assistants, Secretaries and Operators."
	competencies,,,OECD,Competencies
	delivery,competencies,,OECD,Delivery-related: Achieving Results
	DR-AT1,analytical-thinking,,OECD,Distinguishes between critical and irrelevant pieces of information
	S-SN-1,strategic-networking,,OECD,"Actively nurtures both formal and informal contacts to facilitate the progress of work by proactively sharing information, best practices, respective interests and areas of expertise."
	EOT
	test_cmp expect actual &&
	pl -C p align show delivery >actual &&
	tail -1 actual >last &&
	echo "Delivery-related: Achieving Results" >expect &&
	test_cmp expect last
'

test_expect_success 'import an IMS CASE package' '
	pl -C p align import -f act \
		"$DATA/act_holistic_framework_math_fragment_cfpackage.json" >out &&
	echo "imported act: 28 standards" >expect &&
	test_cmp expect out &&
	test_cmp "$DATA/act_holistic_framework_math_fragment.csv" \
		p/standards/act.csv &&
	grep "^H.A.MATH.GM.PF.2DFP.L1,H.A.MATH.GM.PF.2DFP,,,Recognize attributes of and name basic 2-D figures\$" p/standards/act.csv
'

test_expect_success 'import NGSS, named from the file' '
	pl -C p align import "$DATA/ngss.csv" >out &&
	echo "imported ngss: 269 standards" >expect &&
	test_cmp expect out &&
	test "$(rows p/standards/ngss.csv)" = 269 &&
	grep "^K-PS2-1,K-PS2,K,Science,Plan and conduct an investigation" p/standards/ngss.csv &&
	git -C p log --format=%s >log &&
	cat >expect <<-\EOT &&
	align: import ngss
	align: import act
	align: import oecd
	align: import ccss-math
	portfolio: init ana-lima
	EOT
	test_cmp expect log
'

test_expect_success 'a messy file: BOM, CRLF, quotes, blank lines, spaces, any language' '
	printf "\357\273\277Description , CODE,Grade,notes\r\n\r\n" >messy.csv &&
	printf "\"Add, subtract\r\nand  multiply  \",M.1  ,3,x\r\n" >>messy.csv &&
	printf "   \r\n\r\n" >>messy.csv &&
	printf "Le théorème de Pythagore,M.2,8,\"said \"\"so\"\"\"\r\n" >>messy.csv &&
	printf "Ἀριθμός,M.3,,\r\n" >>messy.csv &&
	pl -C p align import --framework messy "$TRASH_DIRECTORY/messy.csv" \
		>out 2>err &&
	echo "imported messy: 3 standards" >expect &&
	test_cmp expect out &&
	test_must_be_empty err &&
	cat >expect <<-\EOT &&
	code,parent,grade,subject,description,notes
	M.1,,3,,"Add, subtract and multiply",x
	M.2,,8,,Le théorème de Pythagore,"said ""so"""
	M.3,,,,Ἀριθμός,
	EOT
	test_cmp expect p/standards/messy.csv
'

test_expect_success 'a duplicate code is an error naming both lines; nothing committed' '
	before &&
	printf "code,description\nA.1,one\n\nB,two\na.1,three\n" >dup.csv &&
	test_expect_code 6 pl -C p align import "$TRASH_DIRECTORY/dup.csv" \
		>out 2>err &&
	echo "pl: $TRASH_DIRECTORY/dup.csv:5: duplicate code ${SQ}a.1${SQ} (also on line 2)" >expect &&
	test_cmp expect err &&
	test_must_be_empty out &&
	same_as_before
'

test_expect_success 'a parent not in the file is a warning' '
	printf "code,parent,description\nP,,top\nC,Q,child\n" >orphan.csv &&
	pl -C p align import "$TRASH_DIRECTORY/orphan.csv" >out 2>err &&
	echo "pl: warning: $TRASH_DIRECTORY/orphan.csv:3: parent ${SQ}Q${SQ} of ${SQ}C${SQ} is not in the framework" >expect &&
	test_cmp expect err &&
	echo "imported orphan: 2 standards" >expect &&
	test_cmp expect out
'

test_expect_success 'not a framework, a missing file, a bad name: nothing committed' '
	before &&
	printf "id,text\nA,x\n" >bad.csv &&
	test_expect_code 6 pl -C p align import "$TRASH_DIRECTORY/bad.csv" \
		2>err &&
	echo "pl: $TRASH_DIRECTORY/bad.csv:1: not a framework: the header needs ${SQ}code${SQ} and ${SQ}description${SQ} columns (pl${SQ}s is code,parent,grade,subject,description)" >expect &&
	test_cmp expect err &&
	printf "code,description\n" >empty.csv &&
	test_expect_code 6 pl -C p align import "$TRASH_DIRECTORY/empty.csv" \
		2>err &&
	echo "pl: $TRASH_DIRECTORY/empty.csv: not a framework: no standards in it" >expect &&
	test_cmp expect err &&
	printf "{\"CFItems\": [" >broken.json &&
	test_expect_code 6 pl -C p align import "$TRASH_DIRECTORY/broken.json" \
		2>err &&
	test_stderr_starts_pl err &&
	test_expect_code 4 pl -C p align import "$TRASH_DIRECTORY/none.csv" \
		2>err &&
	test_stderr_starts_pl err &&
	test_expect_code 5 pl -C p align import --framework "Bad Name" \
		"$TRASH_DIRECTORY/orphan.csv" 2>err &&
	echo "pl: invalid framework id ${SQ}Bad Name${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 2 pl -C p align import 2>err &&
	test_stderr_starts_pl err &&
	same_as_before
'

test_expect_success 'importing the same framework again changes nothing' '
	before &&
	pl -C p align import --framework messy "$TRASH_DIRECTORY/messy.csv" \
		>out &&
	echo "messy is up to date: 3 standards" >expect &&
	test_cmp expect out &&
	same_as_before
'

test_expect_success 'an update prints the codes added, removed and reworded' '
	printf "code,grade,description,notes\nM.1,3,Add and subtract,x\n" >v2.csv &&
	printf "M.3,,Ἀριθμός,\nM.4,4,Divide,\nM.5,5,Powers,\n" >>v2.csv &&
	pl -C p align import --framework messy "$TRASH_DIRECTORY/v2.csv" \
		>out &&
	cat >expect <<-\EOT &&
	added     M.4
	added     M.5
	removed   M.2
	reworded  M.1
	updated messy: 2 added, 1 removed, 1 reworded; 4 standards
	EOT
	test_cmp expect out &&
	(cd p && commit_message) >msg &&
	cat >expect <<-\EOT &&
	align: import messy

	Updated framework messy: 2 added, 1 removed, 1 reworded; 4 standards.

	Pl-Kind: align
	Pl-Action: import
	Pl-Id: messy
	EOT
	test_cmp expect msg
'

test_expect_success 'an update will not drop a code goals or evidence name' '
	pl -C p goal add --id sums "Do sums" >/dev/null &&
	sed -e "s/^standards: \\[\\]/standards: [m.4]/" p/goals/sums.md >sums &&
	cp sums p/goals/sums.md &&
	pl -C p evidence add --id quiz -m "Done." "Quiz" >/dev/null &&
	sed -e "s/^standards: \\[\\]/standards: [M.5]/" p/evidence/quiz.md >quiz &&
	cp quiz p/evidence/quiz.md &&
	git -C p commit -q -a -m "align by hand" &&
	grep "^standards: \\[m.4\\]" p/goals/sums.md &&
	before &&
	printf "code,description\nM.1,Add\n" >v3.csv &&
	test_expect_code 12 pl -C p align import --framework messy \
		"$TRASH_DIRECTORY/v3.csv" >out 2>err &&
	echo "pl: standard ${SQ}M.4${SQ} is named by goal sums; nothing imported (--force drops it anyway; then ${SQ}pl align migrate${SQ} moves the work to new codes)" >expect &&
	test_cmp expect err &&
	test_must_be_empty out &&
	same_as_before &&
	pl -C p align import --force --framework messy \
		"$TRASH_DIRECTORY/v3.csv" >out 2>err &&
	tail -n 1 out >last &&
	echo "updated messy: 0 added, 3 removed, 1 reworded; 1 standard" >expect &&
	test_cmp expect last &&
	echo "pl: warning: goals or evidence still name M.4, M.5; ${SQ}pl align migrate${SQ} moves them to new codes" >expect &&
	test_cmp expect err &&
	git -C p show --stat --format= HEAD >stat &&
	grep "standards/messy.csv" stat &&
	test_line_count = 2 stat
'

test_expect_success 'uncommitted edits to the framework file are kept' '
	echo "x" >>p/standards/orphan.csv &&
	before &&
	printf "code,description\nP,top\n" >orphan2.csv &&
	test_expect_code 9 pl -C p align import --framework orphan \
		"$TRASH_DIRECTORY/orphan2.csv" >out 2>err &&
	test_stderr_starts_pl err &&
	same_as_before &&
	git -C p checkout -q standards/orphan.csv
'

test_expect_success 'list: by framework, in file order' '
	pl -C p align list --framework act >out &&
	test_line_count = 28 out &&
	head -n 2 out >first &&
	cat >expect <<-\EOT &&
	H.A.MATH.GM                -      Properties and measurements of and relationships among two?- and three-dimensional shapes
	H.A.MATH.GM.PF             -      Understanding properties of and relationships among shapes that are contained in a plane
	EOT
	test_cmp expect first &&
	pl -C p align list >all &&
	test_line_count = $((517 + 64 + 28 + 269 + 1 + 2)) all
'

test_expect_success 'list: by grade (spans too), subject and text' '
	printf "code,grade,subject,description\nS.1,K-2,Art,Draw a line\nS.2,3,Art,Draw a face\nS.3,1,Music,Sing a line\n" >span.csv &&
	pl -C p align import "$TRASH_DIRECTORY/span.csv" >/dev/null &&
	pl -C p align list -f span --grade 1 >out &&
	cat >expect <<-\EOT &&
	S.1  K-2    Draw a line
	S.3  1      Sing a line
	EOT
	test_cmp expect out &&
	pl -C p align list -f span --subject art LINE >out &&
	echo "S.1  K-2    Draw a line" >expect &&
	test_cmp expect out &&
	pl -C p align list --grade 6 --subject mathematics "unit rate" >out &&
	cut -c1-26 out >codes &&
	cat >expect <<-\EOT &&
	CCSS.Math.Content.6.RP.A.2
	CCSS.Math.Content.6.RP.A.3
	EOT
	test_cmp expect codes
'

test_expect_success 'list --format json' '
	pl -C p align list -f span --grade 3 --format json >out &&
	cat >expect <<-\EOT &&
	[
	  {
	    "code": "S.2",
	    "framework": "span",
	    "parent": "",
	    "grade": "3",
	    "subject": "Art",
	    "description": "Draw a face"
	  }
	]
	EOT
	test_cmp expect out
'

test_expect_success 'list: an unknown framework' '
	test_expect_code 4 pl -C p align list -f nope >out 2>err &&
	echo "pl: unknown framework ${SQ}nope${SQ}" >expect &&
	test_cmp expect err &&
	test_must_be_empty out
'

test_expect_success 'show: a short code, its parents, children and the work that names it' '
	sed -e "s/^standards: .*/standards: [CCSS.Math.Content.6.RP.A.1]/" \
		p/goals/sums.md >sums &&
	cp sums p/goals/sums.md &&
	sed -e "s/^standards: .*/standards: [ccss.math.content.6.rp.a.1]/" \
		p/evidence/quiz.md >quiz &&
	cp quiz p/evidence/quiz.md &&
	git -C p commit -q -a -m "align by hand" &&
	pl -C p align show 6.rp.a.1 >out &&
	cat >expect <<-\EOT &&
	CCSS.Math.Content.6.RP.A.1

	framework: ccss-math
	grade:     6
	subject:   Mathematics
	parents:   CCSS.Math.Content.6.RP.A
	goals:     sums
	evidence:  quiz

	Understand the concept of a ratio and use ratio language to describe a ratio relationship between two quantities. For example, "The ratio of wings to beaks in the bird house at the zoo was 2:1, because for every 2 wings there was 1 beak." "For every vote candidate A received, candidate C received nearly three votes."
	EOT
	test_cmp expect out &&
	pl -C p align show H.A.MATH.GM.PF.2DFP >out &&
	sed -n -e "/^parents/,/^\$/p" out >rel &&
	cat >expect <<-\EOT &&
	parents:   H.A.MATH.GM.PF
	           H.A.MATH.GM
	children:  H.A.MATH.GM.PF.2DFP.L1

	EOT
	test_cmp expect rel
'

test_expect_success 'show --format json' '
	pl -C p align show --format json S.3 >out &&
	cat >expect <<-\EOT &&
	{
	  "code": "S.3",
	  "framework": "span",
	  "parent": "",
	  "grade": "1",
	  "subject": "Music",
	  "description": "Sing a line",
	  "parents": [],
	  "children": [],
	  "goals": [],
	  "evidence": [],
	  "ratings": [],
	  "mastery": {
	    "method": "decaying",
	    "score": null,
	    "at_mastery": 0,
	    "mastered": false
	  }
	}
	EOT
	test_cmp expect out
'

test_expect_success 'show: unknown and ambiguous codes' '
	test_expect_code 4 pl -C p align show 6.RP.A.9 >out 2>err &&
	echo "pl: unknown standard ${SQ}6.RP.A.9${SQ} (did you mean ${SQ}CCSS.Math.Content.6.RP.A.1${SQ}, ${SQ}CCSS.Math.Content.6.RP.A.2${SQ}, ${SQ}CCSS.Math.Content.6.RP.A.3${SQ}?)" >expect &&
	test_cmp expect err &&
	test_must_be_empty out &&
	test_expect_code 5 pl -C p align show RP.A.1 >out 2>err &&
	echo "pl: standard ${SQ}RP.A.1${SQ} is ambiguous: ${SQ}CCSS.Math.Content.6.RP.A.1${SQ}, ${SQ}CCSS.Math.Content.7.RP.A.1${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 2 pl -C p align show 2>err &&
	test_stderr_starts_pl err
'

test_expect_success 'import Common Core ELA (pl CSV): every row as published' '
	pl init --name "Bo Chen" q >/dev/null &&
	pl -C q align import "$DATA/ccss_ela.csv" >out 2>/dev/null &&
	echo "imported ccss-ela: 989 standards" >expect &&
	test_cmp expect out &&
	test_cmp "$DATA/ccss_ela.csv" q/standards/ccss-ela.csv &&
	pl -C q align show --format json RL.6.1 >json &&
	python3 -c "import json; d = json.load(open(\"json\")); print(d[\"code\"], d[\"grade\"]); print(d[\"description\"])" >actual &&
	grep "^CCSS.ELA-Literacy.RL.6.1," "$DATA/ccss_ela.csv" |
		python3 -c "import csv, sys; r = next(csv.reader(sys.stdin)); print(r[0], r[2]); print(r[4])" >expect &&
	test_cmp expect actual
'

# The largest CASE package (1.8 MB) stays in the shared data beside the
# source, where CI has it; the suite does not carry it.
SHARED="$PL_SOURCE_ROOT/../shared/data"
if test -f "$SHARED/case/ccss_math_cfpackage_opensalt.json"
then
	test_set_prereq SHARED_DATA
fi

test_expect_success SHARED_DATA 'import the Common Core Math CASE package: 703 items' '
	pl -C q align import --framework ccss-case \
		"$SHARED/case/ccss_math_cfpackage_opensalt.json" >out 2>/dev/null &&
	echo "imported ccss-case: 703 standards" >expect &&
	test_cmp expect out &&
	for code in CCSS.Math.Content.6.RP.A.1 CCSS.Math.Content.K.CC.A.1 \
		CCSS.Math.Content.HSG-CO.A.1
	do
		grep "^$code," "$SHARED/case/ccss_math_case.csv" |
			cut -d, -f1,3 >expect &&
		grep "^$code," q/standards/ccss-case.csv | cut -d, -f1,3 >actual &&
		test_cmp expect actual &&
		pl -C q align show --format json "$code" >json &&
		python3 -c "import json; print(json.load(open(\"json\"))[\"description\"])" >actual &&
		grep "^$code," "$SHARED/case/ccss_math_case.csv" |
			python3 -c "import csv, sys; print(next(csv.reader(sys.stdin))[4])" >expect &&
		test_cmp expect actual || return 1
	done
'

test_done
