#!/bin/sh
test_description='pl showcase rm and move: every line a person wrote is kept'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

test_expect_success 'setup: a showcase written by hand' '
	pl init --name "Ana Lima" p >/dev/null &&
	for id in a b c d
	do
		pl -C p evidence add --id $id -m "Piece $id." "Piece $id" \
			>/dev/null || return 1
	done &&
	pl -C p showcase new s >/dev/null &&
	cat >p/showcase/s.md <<-\EOF &&
	---
	title: My   best   work  # said twice
	created: 2026-11-26
	show: [ratings]
	# the order matters
	items:
	  - id: a   # first!
	    note: '"'"'It rhymes,   really'"'"'
	  - id: b
	    note: |
	      Two lines
	        kept as typed.
	  # between b and c
	  - {id: c, note: "flow, quoted"}
	# after the items
	---

	Hello,   I am Ana.
	  Indented	tab.
	EOF
	git -C p commit -q -am "My showcase, by hand" &&
	cp p/showcase/s.md hand.md
'

test_expect_success 'showcase move: only the moved item changes place' '
	test_tick &&
	pl -C p showcase move s c --before a &&
	cat >expect <<-\EOF &&
	---
	title: My   best   work  # said twice
	created: 2026-11-26
	show: [ratings]
	# the order matters
	items:
	  # between b and c
	  - {id: c, note: "flow, quoted"}
	  - id: a   # first!
	    note: '"'"'It rhymes,   really'"'"'
	  - id: b
	    note: |
	      Two lines
	        kept as typed.
	# after the items
	---

	Hello,   I am Ana.
	  Indented	tab.
	EOF
	test_cmp expect p/showcase/s.md &&
	cat >expect <<-\EOF &&
	showcase: move s

	Moved the evidence "Piece c" before the evidence "Piece a" in the showcase "My   best   work".

	Pl-Kind: showcase
	Pl-Action: move
	Pl-Id: s
	Pl-Evidence: c
	EOF
	(cd p && commit_message) >actual &&
	test_cmp expect actual
'

test_expect_success 'showcase move --after, and to where it is: nothing' '
	pl -C p showcase move s c --after b &&
	git -C p rev-parse HEAD >before &&
	pl -C p showcase move s c --after b 2>err &&
	echo "pl: ${SQ}c${SQ} is after ${SQ}b${SQ} already; nothing committed" >expect &&
	test_cmp expect err &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after &&
	pl -C p showcase move s c --before a &&
	git -C p diff --exit-code HEAD~2 HEAD -- showcase/s.md
'

test_expect_success 'showcase add then rm: the file is the hand-written one again' '
	pl -C p showcase move s c --after b &&
	test_cmp hand.md p/showcase/s.md &&
	pl -C p showcase add --after a --note "New,  here" s d &&
	cat >expect <<-\EOF &&
	items:
	  - id: a   # first!
	    note: '"'"'It rhymes,   really'"'"'
	  - id: d
	    note: New,  here
	  - id: b
	EOF
	sed -n "/^items:/,/^  - id: b/p" p/showcase/s.md >actual &&
	test_cmp expect actual &&
	test_tick &&
	pl -C p showcase rm s d &&
	test_cmp hand.md p/showcase/s.md &&
	cat >expect <<-\EOF &&
	showcase: rm s

	Took the evidence "Piece d" out of the showcase "My   best   work".

	Pl-Kind: showcase
	Pl-Action: rm
	Pl-Id: s
	Pl-Evidence: d
	EOF
	(cd p && commit_message) >actual &&
	test_cmp expect actual
'

test_expect_success 'showcase rm of every item leaves "items: []" and the rest' '
	pl -C p showcase rm s a b c &&
	cat >expect <<-\EOF &&
	---
	title: My   best   work  # said twice
	created: 2026-11-26
	show: [ratings]
	# the order matters
	items: []
	# after the items
	---

	Hello,   I am Ana.
	  Indented	tab.
	EOF
	test_cmp expect p/showcase/s.md &&
	pl -C p showcase add s b &&
	cat >expect <<-\EOF &&
	# the order matters
	items:
	- id: b
	# after the items
	EOF
	sed -n "/^# the/,/^# after/p" p/showcase/s.md >actual &&
	test_cmp expect actual &&
	body_of p/showcase/s.md >actual &&
	body_of hand.md >expect &&
	test_cmp expect actual
'

test_expect_success 'showcase rm: an id not in it is refused, nothing taken out' '
	before &&
	test_expect_code 4 pl -C p showcase rm s b zz 2>err &&
	echo "pl: ${SQ}zz${SQ} is not in the showcase ${SQ}s${SQ}" >expect &&
	test_cmp expect err &&
	same_as_before
'

test_expect_success 'showcase move: refusals' '
	pl -C p showcase add s a &&
	before &&
	test_expect_code 2 pl -C p showcase move s a 2>err &&
	echo "pl: say where: --before ID or --after ID" >expect &&
	test_cmp expect err &&
	test_expect_code 2 pl -C p showcase move s a --before b --after b 2>err &&
	echo "pl: --before and --after cannot be used together" >expect &&
	test_cmp expect err &&
	test_expect_code 4 pl -C p showcase move s zz --before a 2>err &&
	echo "pl: ${SQ}zz${SQ} is not in the showcase ${SQ}s${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 4 pl -C p showcase move s a --before zz 2>err &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p showcase move s a --before a 2>err &&
	echo "pl: cannot move ${SQ}a${SQ} before itself" >expect &&
	test_cmp expect err &&
	same_as_before
'

test_done
