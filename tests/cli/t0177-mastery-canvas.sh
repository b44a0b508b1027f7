#!/bin/sh
test_description='mastery as Canvas computes it: scores rounded to two places before they are compared, n-times without a score before N ratings at mastery, and where pl differs on purpose'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# Portfolio $1 with a framework of the codes $2..., committed by hand.
portfolio () {
	pl init --name "Ana Lima" "$1" >/dev/null &&
	mkdir "$1/standards" &&
	dir=$1 &&
	shift &&
	echo "code,parent,grade,subject,description" >"$dir/standards/math.csv" &&
	for c in "$@"; do
		echo "$c,,6,Math,Skill $c" >>"$dir/standards/math.csv" ||
			return 1
	done &&
	git -C "$dir" add standards &&
	git -C "$dir" commit -q -m "standards: math"
}

# Evidence $2 of portfolio $1, done on day $3, rated $5 against $4.
work () {
	pl -C "$1" evidence add -m x --date "$3" --id "$2" "Work $2" \
		>/dev/null &&
	pl -C "$1" align rate --by "Ms Rivera <rivera@school.example>" \
		"$2" "$4" "$5" >/dev/null
}

# "code,state,score,ratings" of each standard in pl align status's CSV
# of portfolio $1 (options $2...): the columns this script is about.
scores () {
	dir=$1 &&
	shift &&
	pl -C "$dir" align status --format csv "$@" >status.csv &&
	tr -d "\r" <status.csv | sed 1d | cut -d, -f2,5,6,8
}

# A standard's keys in the JSON report $1, one "key value" a line.
standard_keys () {
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
for s in d["standards"]:
    if s["code"] != sys.argv[2]:
        continue
    for k in ("score", "score_unrounded", "at_mastery", "level",
              "mastered"):
        print(k, json.dumps(s[k]))
    print("points", json.dumps([p["score"] for p in s["points"]]))
' "$@"
}

# The default scale (mastery 3, decaying 0.65).  D.1: 1, 4, 3, 3, 3 by
# the decaying average is s = 1, 2.95, 2.9825, 2.993875, 2.99785625:
# 3.00 to two places, mastered.
test_expect_success 'setup: the default scale' '
	on 2026-02-01 &&
	portfolio d D.1 D.2 &&
	work d a1 2026-01-01 D.1 1 &&
	work d a2 2026-01-02 D.1 4 &&
	work d a3 2026-01-03 D.1 3 &&
	work d a4 2026-01-04 D.1 3 &&
	work d a5 2026-01-05 D.1 3 &&
	work d b1 2026-01-01 D.2 2
'

test_expect_success 'align status: 2.99785625 is 3.00, and mastered' '
	pl -C d align status --all >actual &&
	cat >expect <<-\EOF &&
	standard  state     score  ratings    goals  evidence
	D.1       mastered  3.00   1 4 3 3 3  -      a1, a2, a3, a4, a5
	D.2       not yet   2.00   2          -      b1

	covered 2 of 2 (100.0%), mastered 1 of 2 (50.0%)
	EOF
	test_cmp expect actual &&
	pl -C d align status --all --format md >actual &&
	grep "^| D.1 | mastered | 3.00 | 1 4 3 3 3 |" actual &&
	scores d >actual &&
	cat >expect <<-\EOF &&
	D.1,mastered,3,1 4 3 3 3
	D.2,not yet,2,2
	EOF
	test_cmp expect actual &&
	pl -C d align status --all --format json >json &&
	python3 -c "
import json
for s in json.load(open(\"json\"))[\"standards\"]:
    print(s[\"code\"], s[\"state\"], s[\"score\"], s[\"score_unrounded\"],
          s[\"mastered\"], s[\"at_mastery\"])
" >actual &&
	cat >expect <<-\EOF &&
	D.1 mastered 3.0 2.99785625 True 4
	D.2 not yet 2.0 2.0 False 0
	EOF
	test_cmp expect actual &&
	pl -C d align show D.1 >out &&
	grep "^mastery: *3.00 by decaying: mastered$" out
'

test_expect_success 'report: the score shown is the score compared, in every format' '
	pl -C d report --format json >json &&
	standard_keys json D.1 >actual &&
	cat >expect <<-\EOF &&
	score 3.0
	score_unrounded 2.99785625
	at_mastery 4
	level "proficient"
	mastered true
	points [1.0, 2.95, 2.98, 2.99, 3.0]
	EOF
	test_cmp expect actual &&
	python3 -c "import json; print(json.load(open(\"json\"))[\"coverage\"])" >actual &&
	echo "{${SQ}standards${SQ}: 2, ${SQ}covered${SQ}: 2, ${SQ}mastered${SQ}: 1}" >expect &&
	test_cmp expect actual &&
	pl -C d report --format csv --standards >actual &&
	grep "^D.1,math,6,Math,Skill D.1,0,5,5,3,proficient,true,1 4 3 3 3" actual &&
	pl -C d report --for teacher >actual &&
	grep "^  D.1   3.00  proficient    5 ratings  mastered  Skill D.1$" actual &&
	pl -C d report --for teacher --format md >actual &&
	grep "^| D.1 | Skill D.1 | 0 | 5 | 1, 4, 3, 3, 3 | proficient | 3.00 | yes |$" actual &&
	pl -C d report --format html >page.html &&
	grep "<td class=\"line\">Skill D.1</td><td data-label=\"Level\">proficient, mastered</td><td class=\"n\" data-label=\"Mastery\">3.00</td>" page.html
'

# Five levels, mastery 3: Canvas's examples 1, 2, 3, 4, 5 at 65 %.  C.1
# rated in the order the work was done, C.2 newest work first.
test_expect_success 'setup: five levels' '
	on 2026-02-01 &&
	portfolio c C.1 C.2 &&
	pl -C c align scale --levels "one, two, three, four, five" &&
	for i in 1 2 3 4 5; do
		work c b$i 2026-01-0$i C.1 $i || return 1
	done &&
	for i in 5 4 3 2 1; do
		work c c$i 2026-01-0$i C.2 $i || return 1
	done
'

test_expect_success 'decaying 1..5 at 0.65 is 4.47' '
	scores c >actual &&
	grep "^C.1,mastered,4.47,1 2 3 4 5$" actual &&
	pl -C c report --format json >json &&
	standard_keys json C.1 >actual &&
	grep "^score 4.47$" actual &&
	grep "^score_unrounded 4.46961875$" actual
'

test_expect_success 'weighted 1..5 at 0.65 is 4.125: 4.13, rounded up' '
	scores c --method weighted >actual &&
	grep "^C.1,mastered,4.13,1 2 3 4 5$" actual &&
	pl -C c report --method weighted --format json >json &&
	standard_keys json C.1 >actual &&
	grep "^score 4.13$" actual &&
	grep "^score_unrounded 4.125$" actual
'

# Canvas writes its weight in per cent, from 50 (decaying) or 1
# (weighted) to 99; pl as a fraction, any in (0, 1].  A weight set in
# portfolio c by hand, committed (pl reads what is committed).
weight () {
	git -C c config -f .plconfig align.weight "$1" &&
	git -C c commit -q -m "weight $1" .plconfig
}

test_expect_success 'the weight: a fraction in (0, 1]; 65 is refused with 0.65' '
	git -C c rev-parse HEAD >head &&
	test_expect_code 5 pl -C c align scale --weight 65 2>err &&
	echo "pl: ${SQ}align.weight${SQ} must be more than 0 and at most 1: a fraction, so 65 % is 0.65" >expect &&
	test_cmp expect err &&
	test_when_finished "git -C c reset -q --hard $(cat head)" &&
	weight 65 &&
	test_expect_code 6 pl -C c align status 2>err &&
	grep "^pl: .plconfig: .* must be more than 0 and at most 1: a fraction, so 65 % is 0.65$" err &&
	weight 1 &&
	scores c >actual &&
	grep "^C.1,mastered,5,1 2 3 4 5$" actual &&
	weight 0.3 &&
	scores c >actual &&
	grep "^C.1,mastered,3.23,1 2 3 4 5$" actual
'

# The work is read in the order it was done, whenever it was rated:
# by the rating's date, Canvas's fallback, C.2 would be 5, 4, 3, 2, 1.
test_expect_success 'the order: 1..5 rated newest work first is still 4.47' '
	scores c >actual &&
	grep "^C.2,mastered,4.47,1 2 3 4 5$" actual
'

# Six levels, mastery 3, n-times with N 3: Canvas's example 1, 4, 2, 3,
# 5, 3, 6.  After 1, 4, 2 one rating is at mastery: no score.  Rated
# from February (1, 4, 2) and in March (the rest).
test_expect_success 'setup: n-times' '
	on 2026-02-01 &&
	portfolio n N.1 &&
	pl -C n align scale --levels "one, two, three, four, five, six" \
		--mastery 3 --method n-times --ntimes 3 &&
	work n e1 2026-01-01 N.1 1 &&
	work n e2 2026-01-02 N.1 4 &&
	work n e3 2026-01-03 N.1 2 &&
	git -C n tag three &&
	on 2026-03-01 &&
	work n e4 2026-01-04 N.1 3 &&
	work n e5 2026-01-05 N.1 5 &&
	work n e6 2026-01-06 N.1 3 &&
	work n e7 2026-01-07 N.1 6
'

test_expect_success 'n-times before N at mastery: no score, how many are' '
	pl -C n align status --all --rev three >actual &&
	cat >expect <<-\EOF &&
	standard  state                        score  ratings  goals  evidence
	N.1       not yet (1 of 3 at mastery)  -      1 4 2    -      e1, e2, e3

	covered 1 of 1 (100.0%), mastered 0 of 1 (0.0%)
	EOF
	test_cmp expect actual &&
	scores n --rev three >actual &&
	echo "N.1,not yet,,1 4 2" >expect &&
	test_cmp expect actual &&
	pl -C n align status --all --rev three --format json >json &&
	python3 -c "
import json
s = json.load(open(\"json\"))[\"standards\"][0]
print(s[\"state\"], s[\"score\"], s[\"score_unrounded\"], s[\"at_mastery\"], s[\"mastered\"])
" >actual &&
	echo "not yet None None 1 False" >expect &&
	test_cmp expect actual &&
	pl -C n align show --rev three N.1 >out &&
	grep "^mastery: *- by n-times: not yet (1 of 3 at mastery)$" out
'

test_expect_success 'n-times: the mean of the ratings at mastery, 4.2' '
	scores n >actual &&
	echo "N.1,mastered,4.2,1 4 2 3 5 3 6" >expect &&
	test_cmp expect actual &&
	pl -C n align status --all >actual &&
	grep "^N.1       mastered  4.20   1 4 2 3 5 3 6" actual
'

test_expect_success 'report before N at mastery: rated, no score, no level' '
	pl -C n report --as-of three --format json >json &&
	standard_keys json N.1 >actual &&
	cat >expect <<-\EOF &&
	score null
	score_unrounded null
	at_mastery 1
	level null
	mastered false
	points [null, null, null]
	EOF
	test_cmp expect actual &&
	pl -C n report --as-of three --for teacher >actual &&
	grep "^  N.1      -  not yet (1 of 3 at mastery)    3 ratings            Skill N.1$" actual &&
	pl -C n report --as-of three --for teacher --format md >actual &&
	grep "^| N.1 | Skill N.1 | 0 | 3 | 1, 4, 2 | not yet (1 of 3 at mastery) | — | no |$" actual &&
	pl -C n report --as-of three --for family --format md >actual &&
	grep "^- Skill N.1: getting there$" actual &&
	pl -C n report --as-of three --format csv --standards >actual &&
	grep "^N.1,math,6,Math,Skill N.1,0,3,3,,,false,1 4 2" actual
'

test_expect_success 'report html before N at mastery: no line on the chart' '
	pl -C n report --as-of three --format html >page.html &&
	grep "<td class=\"line\">Skill N.1</td><td data-label=\"Level\">not yet (1 of 3 at mastery)</td><td class=\"n\" data-label=\"Mastery\">&ndash;</td>" page.html &&
	! grep "<polyline" page.html &&
	test $(grep -c "<circle" page.html) = 3 &&
	grep "<td>not yet (0 of 3 at mastery)</td>" page.html &&
	grep "<figcaption>.*: not yet (1 of 3 at mastery)</figcaption>" page.html
'

test_expect_success 'report after: 4.2, its points, and the move from no score' '
	pl -C n report --since 2026-02-15 --format json >json &&
	standard_keys json N.1 >actual &&
	cat >expect <<-\EOF &&
	score 4.2
	score_unrounded 4.2
	at_mastery 5
	level "four"
	mastered true
	points [null, null, null, null, 4.0, 3.75, 4.2]
	EOF
	test_cmp expect actual &&
	python3 -c "import json; print(json.load(open(\"json\"))[\"moves\"])" >actual &&
	echo "[{${SQ}code${SQ}: ${SQ}N.1${SQ}, ${SQ}description${SQ}: ${SQ}Skill N.1${SQ}, ${SQ}from${SQ}: None, ${SQ}to${SQ}: 4.2, ${SQ}was_mastered${SQ}: False, ${SQ}mastered${SQ}: True}]" >expect &&
	test_cmp expect actual &&
	pl -C n report --since 2026-02-15 --for teacher >actual &&
	grep "^  N.1  - -> 4.20 (mastered)  Skill N.1$" actual &&
	pl -C n report --format html >page.html &&
	grep -c "<polyline" page.html >count &&
	echo 1 >expect &&
	test_cmp expect count &&
	sed -n "s/.*<polyline [^>]*points=\"\([^\"]*\)\".*/\1/p" page.html >points &&
	test $(wc -w <points) = 3
'

test_expect_success 'the class report: developing, with no score' '
	cat >roster.csv <<-\EOF &&
	learner,portfolio
	Ana,n
	EOF
	pl report --roster roster.csv --as-of 2026-02-15 --format json >json &&
	python3 -c "import json; print(json.load(open(\"json\"))[\"learners\"][0][\"marks\"])" >actual &&
	echo "[{${SQ}code${SQ}: ${SQ}N.1${SQ}, ${SQ}state${SQ}: ${SQ}developing${SQ}, ${SQ}score${SQ}: None}]" >expect &&
	test_cmp expect actual &&
	pl report --roster roster.csv --format json >json &&
	python3 -c "import json; print(json.load(open(\"json\"))[\"learners\"][0][\"marks\"])" >actual &&
	echo "[{${SQ}code${SQ}: ${SQ}N.1${SQ}, ${SQ}state${SQ}: ${SQ}mastered${SQ}, ${SQ}score${SQ}: 4.2}]" >expect &&
	test_cmp expect actual &&
	pl report --roster roster.csv --as-of 2026-02-15 --format html >class.html &&
	grep "<title>Ana: N.1 developing</title>" class.html
'

test_done
