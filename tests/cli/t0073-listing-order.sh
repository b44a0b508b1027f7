#!/bin/sh
test_description='a folder listed in the order of its ids, not git'"'"'s tree order (a-b.md sorts before a.md in a tree), from one reading of the folder'"'"'s tree: its links, submodules, sub-folders and invalid names as before, a commit by plain git seen at once, the working tree never'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

test_expect_success 'setup: goals whose names start one another, added by plain git' '
	pl init --name "Order" p >/dev/null &&
	pl -C p goal add "Alpha" --id a --term long >/dev/null &&
	pl -C p goal add "Alpha B" --id a-b --parent a >/dev/null &&
	sed "s/Alpha B/Alpha zero/" p/goals/a-b.md >p/goals/a0.md &&
	sed "s/Alpha/Alpha dash/" p/goals/a.md >p/goals/a-.md &&
	cp p/goals/a.md "p/goals/a b.md" &&
	cp p/goals/a.md p/goals/a+.md &&
	mkdir p/goals/a &&
	cp p/goals/a.md p/goals/a/x.md &&
	ln -s a.md p/goals/l.md &&
	git -C p add -A &&
	git -C p commit -q -m "Goals by hand" &&
	git -C p ls-tree --name-only HEAD goals/ >tree &&
	cat >want <<-\EOF &&
	goals/a b.md
	goals/a+.md
	goals/a-.md
	goals/a-b.md
	goals/a.md
	goals/a
	goals/a0.md
	goals/l.md
	EOF
	test_cmp want tree
'

test_expect_success 'goal list: the ids in byte order, the warnings in the same order' '
	pl -C p goal list --status all >out 2>err &&
	cat >want <<-\EOF &&
	a      active   long     0/0  -           Alpha
	  a-b  active   short    0/0  -           Alpha B
	  a0   active   short    0/0  -           Alpha zero
	a-     active   long     0/0  -           Alpha dash
	EOF
	test_cmp want out &&
	cat >want <<-EOF &&
	pl: warning: goals/a b.md: not a valid id; skipped
	pl: warning: goals/a+.md: not a valid id; skipped
	pl: warning: unsafe path ${SQ}goals/l.md${SQ}: it is a symbolic link
	EOF
	test_cmp want err &&
	pl -C p goal list --format json 2>/dev/null >json &&
	sed -n "s/^    \"id\": \"\(.*\)\",\$/\1/p" json >ids &&
	printf "%s\n" a a- a-b a0 >want &&
	test_cmp want ids
'

test_expect_success 'goal show: the goals under it in the same order' '
	pl -C p goal show a >out 2>/dev/null &&
	sed -n "/^Goals under it:/,\$p" out >under &&
	cat >want <<-\EOF &&
	Goals under it:
	  a-b  active   short    0/0  -           Alpha B
	  a0   active   short    0/0  -           Alpha zero
	EOF
	test_cmp want under
'

test_expect_success 'a commit by plain git is seen at once; an edit not committed is not' '
	pl -C p goal list --status all >/dev/null 2>&1 &&
	sed "s/Alpha zero/Alpha nought/" p/goals/a0.md >edited &&
	mv edited p/goals/a0.md &&
	git -C p rm -q goals/a-.md &&
	git -C p commit -q -a -m "Edited by hand" &&
	sed "s/Alpha B/Alpha uncommitted/" p/goals/a-b.md >edited &&
	mv edited p/goals/a-b.md &&
	pl -C p goal list --status all >out 2>/dev/null &&
	cat >want <<-\EOF &&
	a      active   long     0/0  -           Alpha
	  a-b  active   short    0/0  -           Alpha B
	  a0   active   short    0/0  -           Alpha nought
	EOF
	test_cmp want out
'

test_expect_success 'goal show after a listing: a file changed or removed by plain git is seen at once' '
	pl -C p goal list --status all >/dev/null 2>&1 &&
	pl -C p goal show a0 >out 2>/dev/null &&
	head -n 1 out >title &&
	echo "Alpha nought" >want &&
	test_cmp want title &&
	sed "s/Alpha nought/Alpha none/" p/goals/a0.md >edited &&
	mv edited p/goals/a0.md &&
	git -C p commit -q -a -m "Edited by hand" &&
	pl -C p goal show a0 >out 2>/dev/null &&
	head -n 1 out >title &&
	echo "Alpha none" >want &&
	test_cmp want title &&
	pl -C p goal list --status all >/dev/null 2>&1 &&
	git -C p rm -q goals/a0.md &&
	git -C p commit -q -m "Removed by hand" &&
	test_expect_code 4 pl -C p goal show a0 >out 2>err &&
	echo "pl: unknown goal ${SQ}a0${SQ} (did you mean ${SQ}a${SQ}, ${SQ}a+${SQ}?)" >want &&
	test_cmp want err
'

test_expect_success 'a goal found in the kept listing is written as before' '
	pl -C p goal list --status all >/dev/null 2>&1 &&
	pl -C p goal status a-b met >/dev/null &&
	git -C p show --format=%s --name-only HEAD >log &&
	grep "^goals/a-b.md\$" log &&
	pl -C p goal show a-b >out 2>/dev/null &&
	grep "^status: *met\$" out
'

test_done
