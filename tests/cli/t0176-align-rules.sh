#!/bin/sh
test_description='align: a level off the scale said plainly, status CSV as every CSV of pl, shares with no standards in scope'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"
. "$TEST_DIRECTORY/lib-standards.sh"

test_expect_success 'setup: a rating edited by hand to a level off the scale' '
	pl init --name "Ana Lima" p >/dev/null &&
	printf "code,parent,grade,subject,description\nM.1,,6,Math,Ratios\n" |
		commit_standards p math &&
	pl -C p evidence add -m x --date 2026-01-10 --id quiz "Quiz" \
		>/dev/null &&
	pl -C p align rate quiz M.1 3 &&
	sed -e "s/^  level: 3$/  level: 5/" p/evidence/quiz.md >quiz.md &&
	mv quiz.md p/evidence/quiz.md &&
	grep "^  level: 5$" p/evidence/quiz.md &&
	git -C p commit -q -a -m "by hand: level 5" &&
	echo "evidence/quiz.md:9: rating 1: invalid level ${SQ}5${SQ} (use 1-4 or beginning, developing, proficient, advanced)" >why
'

test_expect_success 'level 5: align status warns, in words, and goes on' '
	pl -C p align status >out 2>err &&
	sed "s/^/pl: warning: /" why >expect &&
	test_cmp expect err &&
	cat >expect <<-\EOF &&
	In scope: the standards aligned (the profile has no grade); --all for every standard

	standard  state    score  ratings  goals  evidence
	M.1       unrated  -      -        -      quiz

	covered 1 of 1 (100.0%), mastered 0 of 1 (0.0%)
	EOF
	test_cmp expect out &&
	pl -C p align status --format json >out 2>err &&
	sed "s/^/pl: warning: /" why >expect &&
	test_cmp expect err
'

test_expect_success 'level 5: align show warns the same' '
	pl -C p align show M.1 >out 2>err &&
	sed "s/^/pl: warning: /" why >expect &&
	test_cmp expect err
'

test_expect_success 'level 5: report warns and lists the file under Left out' '
	pl -C p report >out 2>err &&
	sed "s/^/pl: warning: /" why >expect &&
	test_cmp expect err &&
	sed -n "/^Left out$/,\$p" out >actual &&
	{ echo "Left out" && sed "s/^/  /" why; } >expect &&
	test_cmp expect actual &&
	pl -C p report --format json >out 2>err &&
	sed "s/^/pl: warning: /" why >expect &&
	test_cmp expect err
'

test_expect_success 'level 5: align rate on that evidence fails with exit 6' '
	before &&
	test_expect_code 6 pl -C p align rate quiz M.1 2 >out 2>err &&
	test_must_be_empty out &&
	sed "s/^/pl: /" why >expect &&
	test_cmp expect err &&
	same_as_before
'

test_expect_success 'level 5: a scale setting off the scale is said once too' '
	git -C p config -f .plconfig align.mastery 7 &&
	git -C p commit -q -a -m "by hand: mastery 7" &&
	test_expect_code 6 pl -C p align status >out 2>err &&
	echo "pl: .plconfig: ${SQ}align.mastery${SQ} must be a level of the scale (1-4)" >expect &&
	test_cmp expect err
'

# A framework is outside input: what a spreadsheet would run must reach
# it as text.
test_expect_success 'status csv: formula cells neutralised, CR LF, true and false' '
	pl init --name "Ben Ortiz" f >/dev/null &&
	cat >evil.csv <<-\EOF &&
	code,parent,grade,subject,description
	"=HYPERLINK(""http://x"",""y"")",,"=HYPERLINK(""http://x"",""y"")","=HYPERLINK(""http://x"",""y"")",A link
	@SUM(1),,+7,-2,A sum
	EOF
	pl -C f align import --framework evil "$PWD/evil.csv" >/dev/null &&
	pl -C f evidence add -m x --date 2026-01-10 --id quiz "Quiz" \
		>/dev/null &&
	pl -C f align rate quiz "@SUM(1)" 3 &&
	pl -C f align status --all --format csv >actual &&
	printf "%s\r\n" \
		"framework,code,grade,subject,state,score,mastered,ratings,goals,evidence" \
		"evil,\"${SQ}=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"${SQ}=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"${SQ}=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",gap,,false,,," \
		"evil,${SQ}@SUM(1),${SQ}+7,-2,mastered,3,true,3,,quiz" >expect &&
	test_cmp expect actual &&
	python3 -c "import csv, sys; print(list(csv.reader(open(sys.argv[1], newline=\"\")))[1][1])" actual >cell &&
	echo "${SQ}=HYPERLINK(\"http://x\",\"y\")" >expect &&
	test_cmp expect cell
'

# The report lists the standards work is aligned to; each of those
# must read the same in both, through a strict CSV reader.
test_expect_success 'status csv: the same cells as the report'"'"'s CSV' '
	pl -C f report --format csv --standards >report &&
	cat >cells.py <<-\EOF &&
	import csv, sys
	def rows(name):
	    with open(name, newline="") as f:
	        return {r["code"]: r for r in csv.DictReader(f, strict=True)}
	report, status = rows(sys.argv[1]), rows(sys.argv[2])
	for code in report:
	    for k in ("code", "framework", "grade", "subject", "mastered"):
	        print(k, report[code][k], status[code][k])
	EOF
	python3 cells.py report actual >both &&
	cat >expect <<-EOF &&
	code ${SQ}@SUM(1) ${SQ}@SUM(1)
	framework evil evil
	grade ${SQ}+7 ${SQ}+7
	subject -2 -2
	mastered true true
	EOF
	test_cmp expect both
'

# No standards in scope: no per cent, rather than a 0.0 that reads as
# "none covered".
test_expect_success 'no framework: status says there is nothing in scope' '
	pl init --name "Cy Dane" e >/dev/null &&
	pl -C e align status >actual 2>err &&
	test_must_be_empty err &&
	cat >expect <<-\EOF &&
	In scope: the standards aligned (the profile has no grade); --all for every standard

	standard  state  score  ratings  goals  evidence

	covered 0 of 0, mastered 0 of 0 (no standards in scope)
	EOF
	test_cmp expect actual &&
	pl -C e align status --format md >actual &&
	tail -1 actual >last &&
	echo "**Totals:** covered 0 of 0, mastered 0 of 0 (no standards in scope)" >expect &&
	test_cmp expect last
'

test_expect_success 'no framework: status JSON has null per cents' '
	pl -C e align status --format json >actual &&
	cat >expect <<-\EOF &&
	{
	  "method": "decaying",
	  "scope": "aligned",
	  "scope_grade": null,
	  "standards": [],
	  "total": 0,
	  "covered": 0,
	  "mastered": 0,
	  "covered_percent": null,
	  "mastered_percent": null,
	  "gaps": []
	}
	EOF
	test_cmp expect actual
'

test_expect_success 'a scope with no standards: the same, and per cents otherwise' '
	pl -C f align status --grade 12 --format json >json &&
	grep -e "^  \"total\"" -e "_percent" json >actual &&
	cat >expect <<-\EOF &&
	  "total": 0,
	  "covered_percent": null,
	  "mastered_percent": null,
	EOF
	test_cmp expect actual &&
	pl -C f align status --all --format json >json &&
	grep -e "^  \"total\"" -e "_percent" json >actual &&
	cat >expect <<-\EOF &&
	  "total": 2,
	  "covered_percent": 50.0,
	  "mastered_percent": 50.0,
	EOF
	test_cmp expect actual &&
	pl -C f align status --all >out &&
	grep "^covered" out >actual &&
	echo "covered 1 of 2 (50.0%), mastered 1 of 2 (50.0%)" >expect &&
	test_cmp expect actual
'

test_done
