#!/bin/sh
test_description='pl report --since: mastery that moved, read at the commit before the window and at the report'"'"'s'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"
. "$TEST_DIRECTORY/lib-standards.sh"

# One change a day from 2026-11-27; the window starts on 2026-12-03.
# Four standards, each moved (or not) in the window in its own way:
#   A.1 a rating committed in the window but dated before it: 3 -> 2.3
#   A.2 a rating in the window that leaves the score at 3: no move
#   A.3 its only evidence removed with pl: 2 -> not rated
#   A.4 one of its two pieces of evidence removed by hand: 2.95 -> 4
rate () {
	pl -C p align rate --by "Ms Rivera <rivera@school.example>" "$@" \
		>/dev/null
}

test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	next_day &&
	commit_standards p math <<-\EOF &&
	code,parent,grade,subject,description
	A.1,,6,Math,One
	A.2,,6,Math,Two
	A.3,,6,Math,Three
	A.4,,6,Math,Four
	A.5,,6,Math,Five
	EOF
	next_day &&
	pl -C p goal add --id g "Ratios" >/dev/null &&
	next_day &&
	pl -C p evidence add -m "x" --goal g --id e1 --date 2026-11-29 \
		"Quiz" >/dev/null &&
	rate e1 A.1 3 &&
	rate e1 A.2 3 &&
	pl -C p evidence add -m "x" --goal g --id e4 --date 2026-11-29 \
		"Talk" >/dev/null &&
	rate e4 A.3 2 &&
	next_day &&
	pl -C p evidence add -m "x" --goal g --id e2 --date 2026-11-30 \
		"Poster" >/dev/null &&
	rate e2 A.4 1 &&
	next_day &&
	pl -C p evidence add -m "x" --goal g --id e3 --date 2026-12-01 \
		"Essay" >/dev/null &&
	rate e3 A.4 4 &&
	rate e3 A.5 2 &&
	next_day &&
	next_day &&
	rate --date 2026-11-28 e1 A.1 1 &&
	next_day &&
	rate e1 A.2 3 &&
	next_day &&
	pl -C p evidence rm e4 >/dev/null &&
	next_day &&
	git -C p rm -q evidence/e2.md &&
	git -C p commit -q -m "Remove the poster" &&
	git -C p log --format=%cd --date=short >dates &&
	test "$(head -n 1 dates)" = 2026-12-06
'

# The moves of a JSON report, one line each: code, from, to, mastered.
moves () {
	python3 -c "
import json, sys
for m in json.load(sys.stdin)[\"moves\"]:
    print(m[\"code\"], m[\"from\"], m[\"to\"], m[\"was_mastered\"], m[\"mastered\"])
"
}

test_expect_success 'a standard moves when its score differs between the two commits' '
	pl -C p report --as-of 2026-12-06 --since 2026-12-03 --format json \
		>report.json &&
	moves <report.json >out &&
	cat >expect <<-\EOF &&
	A.1 3.0 2.3 True False
	A.3 2.0 None False False
	A.4 2.95 4.0 False True
	EOF
	test_cmp expect out
'

test_expect_success 'the same standards move in the text, Markdown and HTML reports' '
	pl -C p report --as-of 2026-12-06 --since 2026-12-03 >out &&
	sed -n "/^Mastery that moved/,/^\$/p" out | sed "/^\$/d" >moved &&
	cat >expect <<-\EOF &&
	Mastery that moved
	  A.1  3.00 -> 2.30  One
	  A.3  2.00 -> not rated  Three
	  A.4  2.95 -> 4.00 (mastered)  Four
	EOF
	test_cmp expect moved &&
	pl -C p report --as-of 2026-12-06 --since 2026-12-03 --format md \
		>out.md &&
	sed -n "/^Mastery that moved:/,/^## /p" out.md >moved &&
	cat >expect <<-\EOF &&
	Mastery that moved:

	| Code | Description | From | To | Mastered |
	|---|---|---|---|---|
	| A.1 | One | proficient (3.00) | developing (2.30) | no |
	| A.3 | Three | developing (2.00) | — | no |
	| A.4 | Four | developing (2.95) | advanced (4.00) | yes, new |

	## Evidence
	EOF
	test_cmp expect moved &&
	echo 3 >expect &&
	pl -C p report --as-of 2026-12-06 --since 2026-12-03 --format html \
		>out.html &&
	grep -c "<li><code>A\.[0-9]</code>" out.html >n &&
	test_cmp expect n
'

test_expect_success 'the moves are the mastery of each commit, as pl report --as-of gives it' '
	pl -C p report --as-of 2026-12-02 --format json >then.json &&
	pl -C p report --as-of 2026-12-06 --format json >now.json &&
	python3 -c "
import json
def scores(f):
    return {s[\"code\"]: s[\"score\"] if s[\"ratings\"] else None
            for s in json.load(open(f))[\"standards\"]}
a, b = scores(\"then.json\"), scores(\"now.json\")
for c in sorted(set(a) | set(b)):
    if a.get(c) != b.get(c):
        print(c, a.get(c), b.get(c))
" >out &&
	moves <report.json | cut -d" " -f1-3 >expect &&
	test_cmp expect out
'

test_expect_success 'a window before which nothing was rated: every rated standard is new' '
	pl -C p report --as-of 2026-12-06 --since 2026-11-20 --format json |
	moves >out &&
	cat >expect <<-\EOF &&
	A.1 None 2.3 False False
	A.2 None 3.0 False True
	A.4 None 4.0 False True
	A.5 None 2.0 False False
	EOF
	test_cmp expect out
'

test_expect_success 'the class report counts the same moves' '
	printf "learner,portfolio\nAna,p\n" >roster.csv &&
	pl report --roster roster.csv --as-of 2026-12-06 --since 2026-12-03 \
		--format json >class.json &&
	python3 -c "
import json
print(json.load(open(\"class.json\"))[\"learners\"][0][\"window\"][\"moved\"])
" >out &&
	echo 3 >expect &&
	test_cmp expect out
'

test_expect_success 'reading an older commit leaves the text caches as they were' '
	pl -C p evidence list >/dev/null &&
	cp p/.git/pl/evidence-cache before &&
	pl -C p report --as-of 2026-12-06 --since 2026-12-03 >/dev/null &&
	cmp before p/.git/pl/evidence-cache &&
	pl -C p report --as-of 2026-12-02 >/dev/null &&
	cmp before p/.git/pl/evidence-cache
'

test_done
