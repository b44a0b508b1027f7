#!/bin/sh
test_description='pl report --roster: a class read from a roster, who needs attention first, the class per standard'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# A framework of two standards, committed by hand in portfolio $1.
framework () {
	mkdir "$1/standards" &&
	cat >"$1/standards/math.csv" <<-\EOF &&
	code,parent,grade,subject,description
	MATH.1,,6,Math,Add fractions
	MATH.2,,6,Math,Compare ratios
	EOF
	git -C "$1" add standards &&
	git -C "$1" commit -q -m "standards: math"
}

rate () {
	pl -C "$1" align rate --by "Ms Rivera <rivera@school.example>" \
		"$2" "$3" "$4" >/dev/null
}

# The class, checked by hand as of 2026-12-10 (stalled after 21 days):
#   ana  fractions due 2026-12-20, 1 of 2 steps (created 11-01: 39 of
#        49 days gone, so 1.6 steps due and 1 done: behind by more than
#        half a step); evidence on 12-08 and 11-20, MATH.1 rated 3 then
#        4 (mastered), MATH.2 once 2 (developing); a private reflection
#        -> reasons: 1 goal behind pace
#   ben  reading due 2026-11-20, no steps done of 1, no evidence since
#        the portfolio began on 10-01 (70 days) -> no evidence, overdue,
#        stalled (70 days), behind pace: four reasons
#   cai  a goal due 2027-06-01 with no steps, evidence on 11-30 (10
#        days ago) aligned to MATH.2, not rated -> no reasons
#   dee  no goals; evidence on 11-15 (25 days) -> no evidence for 25
#        days; no active goals
#   eve  a folder that is not a portfolio; fay a folder that is missing;
#        a second "Ana"; a row with no portfolio; gus by URL, cloned
#        into the clones folder (a copy of cai's)
test_expect_success 'setup' '
	mkdir class &&
	on 2026-10-01 &&
	for p in ana ben cai dee
	do
		pl init --name "$p" class/$p >/dev/null &&
		framework class/$p || return 1
	done &&
	on 2026-11-01 &&
	pl -C class/ana goal add --id fractions --due 2026-12-20 \
		--step Halves --step Thirds --standard MATH.1 Fractions \
		>/dev/null &&
	pl -C class/ben goal add --id reading --due 2026-11-20 \
		--step "A book" Reading >/dev/null &&
	pl -C class/cai goal add --id ratios --due 2027-06-01 Ratios \
		>/dev/null &&
	on 2026-11-15 &&
	pl -C class/dee evidence add --id poster -m "A poster." Poster \
		>/dev/null &&
	on 2026-11-20 &&
	pl -C class/ana evidence add --id quiz --goal fractions \
		--standard MATH.2 -m "Quiz." Quiz >/dev/null &&
	rate class/ana quiz MATH.1 3 &&
	rate class/ana quiz MATH.2 2 &&
	pl -C class/ana goal done fractions 1 >/dev/null &&
	on 2026-11-30 &&
	pl -C class/cai evidence add --id table --goal ratios \
		--standard MATH.2 -m "A table." Table >/dev/null &&
	on 2026-12-08 &&
	pl -C class/ana evidence add --id test --goal fractions -m "Test." \
		Test >/dev/null &&
	rate class/ana test MATH.1 4 &&
	pl -C class/ana reflect --goal fractions \
		-m "Dear diary, fractions are hard." >/dev/null &&
	sed -i "s/^date:/private: true\ndate:/" class/ana/reflections/*.md &&
	git -C class/ana commit -q -am "Keep the diary private" &&
	mkdir class/eve &&
	git clone -q class/cai clones/git.school.example/7c/gus &&
	cat >class/roster.csv <<-\EOF &&
	learner,portfolio,group,notes
	Ana,ana,7A,first
	Ben,ben,7A,
	Cai,cai,7B,"quiet, careful"
	Dee,dee,7B,
	Eve,eve,7A,
	Fay,fay,7B,
	ana,ben,7C,again
	Hal,,7C,
	Gus,https://teacher@git.school.example/7c/gus.git,7C,by URL
	EOF
	test_line_count = 10 class/roster.csv
'

# The reports are made on 2026-12-10.
roster () {
	on 2026-12-10 &&
	pl report --roster class/roster.csv --clones clones "$@"
}

test_expect_success 'text: those not read in roster order, then who needs attention, then the rest' '
	test_expect_code 13 roster --scope all >out 2>err &&
	cat >expect <<-\EOF &&
	Class report for class/roster.csv
	As of 2026-12-10
	9 learners, 3 need attention, 4 could not be read
	Mastered and covered: of every standard of each learner${SQ}s frameworks

	Learners, who needs attention first
	  LEARNER  GROUP  ACTIVE  MET  OVERDUE  STALLED  BEHIND  EV 14D  EV 30D  LAST ACTIVITY  MASTERED  COVERED  NEEDS ATTENTION
	  Eve      7A     not-portfolio: ${SQ}class/eve${SQ} is not a portfolio (no git repository)
	  Fay      7B     missing: no folder ${SQ}class/fay${SQ}
	  ana      7C     bad-row: line 8: ${SQ}ana${SQ} is listed already (line 2)
	  Hal      7C     bad-row: line 9: no portfolio for ${SQ}Hal${SQ}
	  Ben      7A          1    0        1        1       1       0       0  2026-11-01         0.0%     0.0%  no evidence in the 70 days since the portfolio began; 1 goal overdue; 1 goal stalled; 1 goal behind pace
	  Dee      7B          0    0        0        0       0       0       1  2026-11-15         0.0%     0.0%  no evidence for 25 days; no active goals
	  Ana      7A          1    0        0        0       1       1       2  2026-12-08        50.0%   100.0%  1 goal behind pace
	  Cai      7B          1    0        0        0       0       1       1  2026-11-30         0.0%    50.0%
	  Gus      7C          1    0        0        0       0       1       1  2026-11-30         0.0%    50.0%

	Standards of the class, where most are stuck first
	  CODE    MASTERED  DEVELOPING  EVIDENCE  NONE  DESCRIPTION
	  MATH.2         0           1         2     2  Compare ratios
	  MATH.1         1           0         0     4  Add fractions
	  (EVIDENCE: evidence not rated yet; NONE: no evidence)
	EOF
	sed "s/\${SQ}/$SQ/g" expect >want &&
	test_cmp want out &&
	echo "pl: 4 of 9 portfolios could not be read (their rows say why)" >expect &&
	test_cmp expect err
'

test_expect_success 'one thread or two: the same bytes' '
	test_expect_code 13 roster --format json -j 1 >one &&
	test_expect_code 13 roster --format json --jobs 2 >two &&
	test_cmp one two
'

test_expect_success 'a group alone (in any case), as CSV with the extra columns last' '
	test_expect_code 13 roster --group 7a --format csv >out &&
	cat >expect <<-\EOF &&
	learner,group,teacher,state,problem,reasons,name,goals,active,met,overdue,stalled,behind,evidence_14d,evidence_30d,last_activity,last_evidence,days_since_evidence,standards_in_scope,covered,covered_pct,mastered,mastered_pct,window_evidence,window_steps,window_met,window_ratings,window_moved,warnings,commit,commit_date,portfolio,left_out_files,left_out_ratings,left_out_links,scope,scope_grade,scope_standards,scope_covered,scope_covered_pct,scope_mastered,scope_mastered_pct,notes
	Eve,7A,,not-portfolio,${SQ}class/eve${SQ} is not a portfolio (no git repository),,,,,,,,,,,,,,,,,,,,,,,,,,,eve,,,,,,,,,,,
	Ben,7A,,read,,no evidence in the 70 days since the portfolio began; 1 goal overdue; 1 goal stalled; 1 goal behind pace,ben,1,1,0,1,1,1,0,0,2026-11-01,,70,2,0,0.0,0,0.0,,,,,,0,BEN,2026-11-01,ben,0,0,0,aligned,,0,0,,0,,
	Ana,7A,,read,,1 goal behind pace,ana,1,1,0,0,0,1,1,2,2026-12-08,2026-12-08,2,2,2,100.0,1,50.0,,,,,,0,ANA,2026-12-08,ana,0,0,0,aligned,,2,2,100.0,1,50.0,first
	EOF
	sed -e "s/\${SQ}/$SQ/g" -e "s/BEN/$(git -C class/ben rev-parse HEAD)/" \
		-e "s/ANA/$(git -C class/ana rev-parse HEAD)/" expect |
		sed "s/\$/$(printf "\\r")/" >want &&
	test_cmp want out
'

test_expect_success 'the class per standard as CSV' '
	test_expect_code 13 roster --format csv --standards >out &&
	printf "%s\r\n" "code,framework,description,mastered,developing,evidence,none,learners" \
		"MATH.2,math,Compare ratios,0,1,2,2,5" \
		"MATH.1,math,Add fractions,1,0,0,4,5" >expect &&
	test_cmp expect out
'

test_expect_success 'a window: what each learner did in it' '
	test_expect_code 13 roster --since 2026-11-25 --group 7A --format csv >out &&
	cut -d, -f1,24-28 out >cols &&
	printf "%s\r\n" "learner,window_evidence,window_steps,window_met,window_ratings,window_moved" \
		"Eve,,,,," "Ben,0,0,0,0,0" "Ana,1,0,0,1,1" >expect &&
	tr -d "\r" <expect >want &&
	tr -d "\r" <cols >got &&
	test_cmp want got
'

test_expect_success 'as of a day: the class as it stood then' '
	test_expect_code 13 roster --as-of 2026-11-10 --group 7A --scope all >out &&
	sed -n "2p;9,10p" out >got &&
	cat >expect <<-\EOF &&
	As of 2026-11-10, group 7A
	  Ana      7A          1    0        0        0       0       0       0  2026-11-01         0.0%     0.0%  no evidence in the 40 days since the portfolio began
	  Ben      7A          1    0        0        0       0       0       0  2026-11-01         0.0%     0.0%  no evidence in the 40 days since the portfolio began
	EOF
	test_cmp expect got
'

test_expect_success '-o FILE, --color, the other formats' '
	test_expect_code 13 roster --group 7B >expect &&
	test_expect_code 13 roster --group 7B -o file.txt &&
	test_cmp expect file.txt &&
	test_expect_code 13 roster --group 7B --color=always >out &&
	grep -q "$(printf "\033")\[" out &&
	test_expect_code 13 roster --group 7B --format md >out &&
	grep "^| Cai " out &&
	test_expect_code 13 roster --group 7B --format html >out &&
	grep -c "<svg" out &&
	! grep "href=\"cai.html\"" out
'

test_expect_success '--method and --until reach every learner'"'"'s report' '
	test_expect_code 13 roster --method latest --group 7A --format csv >out &&
	grep "^Ana,.*,2,2,100.0,1,50.0," out &&
	test_expect_code 13 roster --method average --group 7A --format csv \
		--standards >out &&
	grep "^MATH.1,math,Add fractions,1,0,0,1,2" out &&
	test_expect_code 13 roster --since 2026-11-01 --until 2026-11-25 \
		--group 7A --format csv >out &&
	cut -d, -f1,24,27 out | tr -d "\r" >got &&
	printf "%s\n" learner,window_evidence,window_ratings Eve,, Ben,0,0 \
		Ana,1,2 >expect &&
	test_cmp expect got
'

test_expect_success 'a group where every portfolio reads: exit 0' '
	printf "learner,portfolio\nCai,cai\n" >class/one.csv &&
	pl report --roster class/one.csv --format json >out &&
	python3 -c "import json,sys; d=json.load(open(\"out\")); print(d[\"counts\"], d[\"learners\"][0][\"state\"])" >got &&
	echo "{${SQ}learners${SQ}: 1, ${SQ}read${SQ}: 1, ${SQ}attention${SQ}: 0, ${SQ}failed${SQ}: 0} read" >expect &&
	test_cmp expect got
'

test_expect_success 'the roster from standard input: its paths from here' '
	(
		cd class &&
		printf "learner,portfolio\nDee,dee\n" |
		pl report --roster - --format csv >../out
	) &&
	grep "^Dee,,,read," out
'

test_expect_success 'a spreadsheet'"'"'s roster: byte-order mark, CRLF, columns in another order and case' '
	printf "\357\273\277Notes,Portfolio,LEARNER\r\nhi,cai,Cai\r\n" >class/excel.csv &&
	pl report --roster class/excel.csv --format csv >out &&
	head -n 1 out | tr -d "\r" | tr , "\n" | tail -n 1 >last &&
	echo Notes >expect &&
	test_cmp expect last &&
	grep "^Cai,,,read,.*,cai,0,0,0,aligned,,1,1,100.0,0,0.0,hi" out
'

test_expect_success 'a URL that would leave the clones folder is a bad row' '
	printf "learner,portfolio\nZed,https://host/../../etc\n" >class/bad.csv &&
	test_expect_code 13 pl report --roster class/bad.csv --clones clones \
		--format csv >out &&
	grep "^Zed,,,bad-row,line 2: ${SQ}https://host/../../etc${SQ}: no folder can be made of this URL," out
'

test_expect_success 'a URL not cloned yet: the command that clones it, as the roster was given' '
	printf "learner,portfolio\nIvy,https://git.school.example/7c/ivy.git\n" \
		>"class/new roster.csv" &&
	test_expect_code 13 pl report --roster "class/new roster.csv" \
		--clones clones >out &&
	echo "  Ivy      missing: not cloned yet: no folder ${SQ}clones/git.school.example/7c/ivy${SQ} (clone it with: pl roster sync --clones clones ${SQ}class/new roster.csv${SQ})" >expect &&
	grep "^  Ivy " out >got &&
	test_cmp expect got &&
	(
		cd class &&
		PL_CLONES=../clones &&
		export PL_CLONES &&
		test_expect_code 13 pl -C .. report --roster "class/new roster.csv" \
			--format csv >../out
	) &&
	grep "^Ivy,,,missing,not cloned yet: no folder ${SQ}../clones/git.school.example/7c/ivy${SQ} (clone it with: pl -C .. roster sync ${SQ}class/new roster.csv${SQ})," out
'

test_expect_success 'a portfolio with a broken file: the file is a reason, the rest is read' '
	git clone -q class/cai class/kim &&
	printf -- "---\ntitle: [broken\n---\n" >class/kim/goals/broken.md &&
	git -C class/kim add goals &&
	git -C class/kim commit -q -m "A broken goal" &&
	printf "learner,portfolio\nKim,kim\n" >class/kim.csv &&
	on 2026-12-10 &&
	pl report --roster class/kim.csv >out 2>err &&
	grep "^  Kim .*  1 file could not be read\$" out &&
	test_must_be_empty err
'

test_expect_success 'errors: the roster itself, the options' '
	test_expect_code 4 pl report --roster class/none.csv 2>err &&
	echo "pl: ${SQ}class/none.csv${SQ} does not exist" >expect &&
	test_cmp expect err &&
	printf "name,path\nAna,ana\n" >class/cols.csv &&
	test_expect_code 6 pl report --roster class/cols.csv 2>err &&
	echo "pl: class/cols.csv:1: no ${SQ}learner${SQ} column (a roster${SQ}s first line names its columns: learner,portfolio and any of group,teacher,family)" >expect &&
	test_cmp expect err &&
	: >class/empty.csv &&
	test_expect_code 6 pl report --roster class/empty.csv 2>err &&
	echo "pl: class/empty.csv: empty (a roster${SQ}s first line names its columns: learner,portfolio)" >expect &&
	test_cmp expect err &&
	printf "learner,portfolio\n\"Ana,ana\n" >class/quote.csv &&
	test_expect_code 6 pl report --roster class/quote.csv 2>err &&
	grep "^pl: class/quote.csv:2: " err &&
	test_expect_code 4 roster --group 9Z 2>err &&
	echo "pl: no learner in group ${SQ}9Z${SQ} in class/roster.csv" >expect &&
	test_cmp expect err &&
	test_expect_code 5 roster --as-of HEAD 2>err &&
	echo "pl: with --roster, --as-of takes a date (YYYY-MM-DD, today, yesterday), not ${SQ}HEAD${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 2 pl report --group 7A 2>err &&
	echo "pl: --group goes with --roster" >expect &&
	test_cmp expect err &&
	test_expect_code 2 roster -j 0 2>err &&
	echo "pl: --jobs takes a number from 1 to 256, not ${SQ}0${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 2 roster --for family 2>err &&
	echo "pl: --roster --for family writes one page per learner: give --out-dir DIR" >expect &&
	test_cmp expect err &&
	test_expect_code 2 roster --out-dir site -o x.html 2>err &&
	echo "pl: --out-dir writes HTML pages; it goes without -o and --format" >expect &&
	test_cmp expect err &&
	test_path_is_missing site
'

test_expect_success '--out-dir: the class page links each learner read to their own page' '
	test_expect_code 13 roster --out-dir site &&
	(cd site && ls) >files &&
	printf "%s\n" ana.html ben.html cai.html dee.html gus.html index.html >expect &&
	test_cmp expect files &&
	grep -o "href=\"[a-z]*\.html\"" site/index.html | sort >links &&
	printf "href=\"%s.html\"\n" ana ben cai dee gus >expect &&
	test_cmp expect links &&
	grep "Dear diary" site/ana.html &&
	grep "<title>ana &ndash; Teacher report, 2026-12-10" site/ana.html
'

test_expect_success '--for family: one page per learner, nothing private, no class page' '
	test_expect_code 13 roster --for family --out-dir fam &&
	(cd fam && ls) >files &&
	printf "%s\n" ana.html ben.html cai.html dee.html gus.html >expect &&
	test_cmp expect files &&
	! grep "Dear diary" fam/ana.html &&
	! grep -l "Ben\|Cai\|Dee" fam/ana.html
'

test_expect_success 'a folder in the way of --out-dir' '
	: >afile &&
	test_expect_code 12 roster --out-dir afile 2>err &&
	echo "pl: cannot make the folder ${SQ}afile${SQ}: a file is in the way" >expect &&
	test_cmp expect err
'

test_expect_success 'on a terminal, a line counts the portfolios read' '
	script -qfec "$PL report --roster class/one.csv --format csv >/dev/null" \
		/dev/null >tty 2>&1 &&
	grep "pl: reading portfolios: 1/1" tty &&
	pl report --roster class/one.csv --format csv >/dev/null 2>err &&
	test_must_be_empty err
'

test_done
