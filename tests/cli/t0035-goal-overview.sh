#!/bin/sh
test_description='pl goal show and list: numbered steps, goals under a goal, links, overdue'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

test_expect_success 'setup: a long-term goal, goals under it, links' '
	pl init --name "Ana Lima" p >/dev/null &&
	pl -C p goal add --term long --due 2026-12-31 "Confident with numbers" &&
	pl -C p goal add --parent confident-with-numbers --due 2026-11-20 \
		--step "Halves" --step "Quarters" "Fractions" &&
	pl -C p goal add --parent confident-with-numbers \
		--step "Sevens" --step "Eights" --step "Nines" "Tables" &&
	pl -C p goal add --parent confident-with-numbers --step "Clocks" \
		"Time" &&
	pl -C p goal add --due 2026-11-01 "Read a novel" &&
	pl -C p goal done fractions 1 &&
	pl -C p goal done tables 2 &&
	pl -C p goal status time dropped &&
	pl -C p evidence add --date 2026-11-02 --goal fractions \
		-m "Older." "Fraction wall" &&
	pl -C p evidence add --date 2026-11-24 --goal fractions --goal tables \
		-m "Newer." "Fraction quiz" &&
	pl -C p evidence add --date 2026-11-25 -m "Other." "Unlinked" &&
	pl -C p reflect --date 2026-11-10 --goal fractions \
		-m "Halves are easy." &&
	pl -C p reflect --date 2026-11-21 --goal fractions \
		-m "Quarters are halves of halves."
'

test_expect_success 'a long-term goal without steps counts its goals (dropped ones not)' '
	cat >expect <<-\EOF &&
	confident-with-numbers  active   long     2/5  2026-12-31           Confident with numbers
	  fractions             active   short    1/2  2026-11-20  overdue  Fractions
	  tables                active   short    1/3  -                    Tables
	  time                  dropped  short    0/1  -                    Time
	read-a-novel            active   short    0/0  2026-11-01  overdue  Read a novel
	EOF
	pl -C p goal list >actual 2>err &&
	test_cmp expect actual &&
	test_must_be_empty err
'

test_expect_success 'goal list --flat does not indent' '
	cat >expect <<-\EOF &&
	confident-with-numbers  active   long     2/5  2026-12-31           Confident with numbers
	fractions               active   short    1/2  2026-11-20  overdue  Fractions
	read-a-novel            active   short    0/0  2026-11-01  overdue  Read a novel
	tables                  active   short    1/3  -                    Tables
	time                    dropped  short    0/1  -                    Time
	EOF
	pl -C p goal list --flat >actual &&
	test_cmp expect actual
'

test_expect_success 'goal list --overdue: active goals past their due date' '
	cat >expect <<-\EOF &&
	fractions     active   short    1/2  2026-11-20  overdue  Fractions
	read-a-novel  active   short    0/0  2026-11-01  overdue  Read a novel
	EOF
	pl -C p goal list --overdue >actual &&
	test_cmp expect actual &&
	pl -C p goal list --overdue --status met >actual &&
	test_must_be_empty actual
'

test_expect_success 'a met goal is not overdue; no overdue, no column' '
	pl -C p goal status read-a-novel met &&
	pl -C p goal status fractions paused &&
	cat >expect <<-\EOF &&
	confident-with-numbers  active   long     2/5  2026-12-31  Confident with numbers
	  fractions             paused   short    1/2  2026-11-20  Fractions
	  tables                active   short    1/3  -           Tables
	  time                  dropped  short    0/1  -           Time
	read-a-novel            met      short    0/0  2026-11-01  Read a novel
	EOF
	pl -C p goal list >actual &&
	test_cmp expect actual &&
	pl -C p goal list --overdue >actual &&
	test_must_be_empty actual &&
	pl -C p goal status fractions active
'

test_expect_success 'goal list JSON: overdue and children' '
	pl -C p goal list --format json >json &&
	python3 - json >actual <<-\EOF &&
	import json, sys
	for g in json.load(open(sys.argv[1])):
	    print(g["id"], g["overdue"], ",".join(g["children"]),
	          "%d/%d" % (g["progress"]["done"], g["progress"]["total"]))
	EOF
	cat >expect <<-\EOF &&
	confident-with-numbers False fractions,tables,time 2/5
	fractions True  1/2
	read-a-novel False  0/0
	tables False  1/3
	time False  0/1
	EOF
	test_cmp expect actual
'

test_expect_success 'goal show: numbered steps, evidence and reflections newest first' '
	cat >expect <<-\EOF &&
	Fractions

	id:        fractions
	status:    active
	term:      short
	created:   2026-11-26
	due:       2026-11-20 (overdue)
	parent:    confident-with-numbers
	steps:     1/2

	## Why

	## Steps

	1. [x] Halves
	2. [ ] Quarters

	Evidence:
	  2026-11-24  Fraction quiz  (2026-11-24-fraction-quiz)
	  2026-11-02  Fraction wall  (2026-11-02-fraction-wall)

	Reflections:
	  2026-11-21  Quarters are halves of halves.  (2026-11-21-quarters-are-halves-of-halves)
	  2026-11-10  Halves are easy.  (2026-11-10-halves-are-easy)
	EOF
	pl -C p goal show fractions >actual 2>err &&
	test_cmp expect actual &&
	test_must_be_empty err
'

test_expect_success 'goal show of a long-term goal lists the goals under it' '
	cat >expect <<-\EOF &&
	Confident with numbers

	id:        confident-with-numbers
	status:    active
	term:      long
	created:   2026-11-26
	due:       2026-12-31
	steps:     2/5

	## Why

	## Steps

	Goals under it:
	  fractions  active   short    1/2  2026-11-20  overdue  Fractions
	  tables     active   short    1/3  -                    Tables
	  time       dropped  short    0/1  -                    Time
	EOF
	pl -C p goal show confident-with-numbers >actual &&
	test_cmp expect actual
'

test_expect_success 'goal show JSON: children, evidence and reflections' '
	pl -C p goal show --format json fractions >json &&
	python3 - json >actual <<-\EOF &&
	import json, sys
	g = json.load(open(sys.argv[1]))
	print(g["overdue"], g["children"])
	for e in g["evidence"]:
	    print(e["date"], e["id"], e["title"])
	for r in g["reflections"]:
	    print(r["date"], r["id"], r["summary"])
	EOF
	cat >expect <<-\EOF &&
	True []
	2026-11-24 2026-11-24-fraction-quiz Fraction quiz
	2026-11-02 2026-11-02-fraction-wall Fraction wall
	2026-11-21 2026-11-21-quarters-are-halves-of-halves Quarters are halves of halves.
	2026-11-10 2026-11-10-halves-are-easy Halves are easy.
	EOF
	test_cmp expect actual
'

test_expect_success 'nested steps: show numbers them as goal done takes them' '
	cat >p/goals/nested.md <<-\EOF &&
	---
	title: Nested
	term: short
	status: active
	---

	## Steps

	- [ ] Plan
	  - [ ] Find a book
	  - [ ] Ask Ms Reyes
	- [ ] Read it
	EOF
	git -C p add goals/nested.md &&
	git -C p commit -q -m "nested by hand" &&
	cat >expect <<-\EOF &&
	## Steps

	1. [ ] Plan
	  2. [ ] Find a book
	  3. [ ] Ask Ms Reyes
	4. [ ] Read it
	EOF
	pl -C p goal show nested | sed -n "/^## Steps/,\$p" >actual &&
	test_cmp expect actual &&
	pl -C p goal done nested 3 &&
	grep "^  - \[x\] Ask Ms Reyes\$" p/goals/nested.md &&
	echo "goal: done step 3 of nested" >expect &&
	git -C p log -1 --format=%s >actual &&
	test_cmp expect actual
'

test_expect_success 'a long-term goal with steps of its own keeps them' '
	pl -C p goal step confident-with-numbers "Explain my thinking" &&
	pl -C p goal list >out &&
	grep "^confident-with-numbers  active   long     0/1 " out &&
	grep "^  fractions  " out
'

test_expect_success 'a parent that is itself under a goal: no loop, listed flat' '
	cat >p/goals/loop-a.md <<-\EOF &&
	---
	title: Loop A
	term: long
	status: active
	parent: loop-b
	---
	EOF
	sed -e "s/Loop A/Loop B/" -e "s/loop-b/loop-a/" p/goals/loop-a.md \
		>p/goals/loop-b.md &&
	git -C p add goals &&
	git -C p commit -q -m "a loop by hand" &&
	pl -C p goal list >out &&
	grep "^loop-a " out &&
	grep "^loop-b " out &&
	pl -C p goal show --format json loop-a >json &&
	python3 -c "import json, sys; print(json.load(open(sys.argv[1]))[\"children\"])" \
		json >actual &&
	echo "[]" >expect &&
	test_cmp expect actual
'

test_done
