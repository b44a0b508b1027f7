#!/bin/sh
test_description='pl report: the days at the edges (stalled at the limit, the recent evidence, the window, evidence dated ahead) and a paused goal'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# One goal g created with its evidence e1 on 2026-11-01: 21 days later,
# on 11-22, it has gone report.stalledDays (21 by default) without
# evidence.
test_expect_success 'setup' '
	on 2026-11-01 &&
	pl init --name "Ana" p >/dev/null &&
	pl -C p goal add --id g --due 2027-06-01 Goal >/dev/null &&
	pl -C p evidence add --id e1 --goal g --date 2026-11-01 -m "E." E1 \
		>/dev/null
'

attention () {
	sed -n "/^Needs attention$/,/^$/p" out >actual &&
	printf "Needs attention\n  %s\n\n" "$1" >expect &&
	test_cmp expect actual
}

test_expect_success 'stalled at exactly 21 days without evidence, not at 20' '
	pl -C p report --for teacher --as-of 2026-11-21 >out &&
	attention "Nothing: no goal is overdue, stalled or behind pace." &&
	pl -C p report --for teacher --as-of 2026-11-22 >out &&
	attention "g   stalled: no evidence for 21 days" &&
	for d in 21 22
	do
		pl -C p report --format json --as-of 2026-11-$d >out.json &&
		python3 -c "import json; r = json.load(open(\"out.json\")); \
			print(r[\"stalled_days\"], r[\"goals\"][0][\"stalled\"])" \
			>>actual.json || return 1
	done &&
	printf "21 False\n21 True\n" >expect &&
	test_cmp expect actual.json
'

test_expect_success 'report.stalledDays = 5: stalled at exactly 5 days, not at 4' '
	git clone -q p q &&
	on 2026-11-01 &&
	printf "[report]\n\tstalledDays = 5\n" >>q/.plconfig &&
	git -C q commit -q -am "Stall sooner" &&
	pl -C q report --for teacher --as-of 2026-11-05 >out &&
	attention "Nothing: no goal is overdue, stalled or behind pace." &&
	pl -C q report --for teacher --as-of 2026-11-06 >out &&
	attention "g   stalled: no evidence for 5 days"
'

test_expect_success 'evidence dated after the as-of day is listed, not its last evidence' '
	on 2026-11-10 &&
	pl -C p evidence add --id ahead --goal g --date 2026-12-31 -m "F." \
		Ahead >/dev/null &&
	pl -C p report --for teacher --as-of 2026-11-22 >out &&
	attention "g   stalled: no evidence for 21 days" &&
	grep "^  g   short  active   0/0    2027-06-01  2026-11-01    21  -        2     0$" out &&
	sed -n "/^Evidence$/,/^$/p" out >actual &&
	cat >expect <<-\EOF &&
	Evidence
	  2026-12-31  artifact     Ahead (ahead)
	  2026-11-01  artifact     E1 (e1)

	EOF
	test_cmp expect actual &&
	pl -C p report --for teacher --as-of 2027-01-21 >out &&
	attention "g   stalled: no evidence for 21 days" &&
	grep "^  g   short  active   0/0    2027-06-01  2026-12-31    21  -        2     0$" out
'

# h paused and k met on 11-13, each set the day before.
test_expect_success 'a goal paused in the window is not met' '
	on 2026-11-12 &&
	pl -C p goal add --id h --due 2027-06-01 Paused >/dev/null &&
	pl -C p goal add --id k Met >/dev/null &&
	on 2026-11-13 &&
	pl -C p goal status h paused >/dev/null &&
	pl -C p goal status k met >/dev/null &&
	pl -C p report --for teacher --since 2026-11-13 --until 2026-11-13 \
		>out &&
	sed -n "/^In the window$/,/^$/p" out >actual &&
	cat >expect <<-\EOF &&
	In the window
	  2026-11-13  goal met    Marked "Met" as met. - Test Teacher

	EOF
	test_cmp expect actual &&
	grep "^  h   short  paused   0/0    2027-06-01  -              1  -        0     0$" out &&
	pl -C p report --format json --since 2026-11-13 --until 2026-11-13 \
		>out &&
	python3 -c "import json; r = json.load(open(\"out\")); \
		print([(e[\"type\"], e[\"id\"]) for e in r[\"events\"]])" \
		>actual &&
	echo "[(${SQ}goal-met${SQ}, ${SQ}k${SQ})]" >expect &&
	test_cmp expect actual
'

# A change on each day from 11-09 to 11-14: the window 11-10..11-13
# takes the four from its first day to its last, both included.
test_expect_success 'the window takes its first and last days, not the days around' '
	on 2026-11-09 &&
	pl init --name "Wen" w >/dev/null &&
	for d in 09 10 11 12 13 14
	do
		on 2026-11-$d &&
		pl -C w evidence add --id day$d --date 2026-11-$d -m "On $d." \
			"Day $d" >/dev/null || return 1
	done &&
	pl -C w report --since 2026-11-10 --until 2026-11-13 >out &&
	sed -n "/^In the window$/,/^$/p" out >actual &&
	cat >expect <<-\EOF &&
	In the window
	  2026-11-13  evidence    Added artifact evidence from 2026-11-13: Day 13. - Test Teacher
	  2026-11-12  evidence    Added artifact evidence from 2026-11-12: Day 12. - Test Teacher
	  2026-11-11  evidence    Added artifact evidence from 2026-11-11: Day 11. - Test Teacher
	  2026-11-10  evidence    Added artifact evidence from 2026-11-10: Day 10. - Test Teacher

	EOF
	test_cmp expect actual
'

# The class as of 2026-11-30: ana's last evidence 21 days before, bea's
# 20; cai began 21 days before with no evidence, dan 20; eve has
# evidence 30, 29, 14, 13 and 0 days before and one dated the day after.
test_expect_success 'setup: a class' '
	mkdir class &&
	for l in ana bea cai dan eve
	do
		case $l in
		ana|cai|eve) on 2026-11-09 ;;
		*) on 2026-11-10 ;;
		esac &&
		pl init --name "$l" class/$l >/dev/null &&
		pl -C class/$l goal add --id g --due 2027-06-01 Goal \
			>/dev/null || return 1
	done &&
	pl -C class/ana evidence add --date 2026-11-09 -m "A." A >/dev/null &&
	on 2026-11-10 &&
	pl -C class/bea evidence add --date 2026-11-10 -m "B." B >/dev/null &&
	for d in 2026-10-31 2026-11-01 2026-11-16 2026-11-17 2026-11-30 \
		2026-12-01
	do
		pl -C class/eve evidence add --goal g --date $d -m "On $d." \
			"On $d" \
			>/dev/null || return 1
	done &&
	printf "learner,portfolio\n" >class/roster.csv &&
	for l in ana bea cai dan eve
	do
		echo "$l,$l" >>class/roster.csv || return 1
	done
'

test_expect_success 'the class: no evidence for exactly 21 days needs attention, 20 does not' '
	pl report --roster class/roster.csv --as-of 2026-11-30 >out &&
	sed -n "/^  LEARNER/,/^$/p" out >actual &&
	cat >expect <<-\EOF &&
	  LEARNER  ACTIVE  MET  OVERDUE  STALLED  BEHIND  EV 14D  EV 30D  LAST ACTIVITY  MASTERED  COVERED  NEEDS ATTENTION
	  ana           1    0        0        1       0       0       1  2026-11-09            -        -  no evidence for 21 days; 1 goal stalled
	  cai           1    0        0        1       0       0       0  2026-11-09            -        -  no evidence in the 21 days since the portfolio began; 1 goal stalled
	  bea           1    0        0        0       0       0       1  2026-11-10            -        -
	  dan           1    0        0        0       0       0       0  2026-11-10            -        -
	  eve           1    0        0        0       0       2       4  2026-11-10            -        -

	EOF
	test_cmp expect actual
'

test_expect_success 'the class: evidence 13 and 29 days old is recent, 14 and 30 not, the day after not at all' '
	pl report --roster class/roster.csv --as-of 2026-11-30 --format csv \
		>out &&
	grep "^eve,.*,1,1,0,0,0,0,2,4,2026-11-10,2026-11-30,0," out
'

test_expect_success 'learners named Index: their pages beside index.html, the class page' '
	printf "learner,portfolio\nIndex,ana\nIndex!,bea\nIndex 2,cai\n" \
		>class/index.csv &&
	pl report --roster class/index.csv --as-of 2026-11-30 --out-dir site &&
	(cd site && ls) >files &&
	printf "%s\n" index-2-2.html index-2.html index-3.html index.html \
		>expect &&
	test_cmp expect files &&
	grep "<title>Class report" site/index.html &&
	grep -o "href=\"[a-z0-9-]*\.html\"" site/index.html | sort >links &&
	printf "href=\"%s.html\"\n" index-2-2 index-2 index-3 >expect &&
	test_cmp expect links &&
	grep "<title>ana &ndash; Teacher report" site/index-2.html &&
	grep "<title>bea &ndash; Teacher report" site/index-3.html &&
	grep "<title>cai &ndash; Teacher report" site/index-2-2.html
'

test_done
