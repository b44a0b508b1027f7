#!/bin/sh
test_description='a folder of many entries, read on several threads, lists as one read in turn'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# 300 goals, more than pl_entry_list() reads on one thread; the broken
# ones sit in the first and the last share, so each thread has warnings.
test_expect_success 'setup: 300 goals, two broken, one misnamed' '
	pl init --name "Many Goals" p >/dev/null &&
	mkdir p/goals &&
	for i in $(seq 100 399)
	do
		printf -- "---\ntitle: Goal %s\nstatus: active\n---\n" $i \
			>p/goals/g$i.md || return 1
	done &&
	printf -- "---\ntitle: [unclosed\n---\n" >p/goals/g110.md &&
	printf -- "---\ntitle: [unclosed\n---\n" >p/goals/g390.md &&
	cp p/goals/g100.md "p/goals/Bad Name.md" &&
	git -C p add goals &&
	git -C p commit -q -m "Many goals" &&
	seq 100 399 | sed -e "/^110\$/d" -e "/^390\$/d" -e "s/^/g/" >expect.ids &&
	cat >expect.err <<-\EOF
	pl: warning: goals/Bad Name.md: not a valid id; skipped
	pl: warning: goals/g110.md:2: did not find expected '"','"' or '"']'"' while parsing a flow sequence
	pl: warning: goals/g390.md:2: did not find expected '"','"' or '"']'"' while parsing a flow sequence
	EOF
'

check_list() {
	pl -C "$1" goal list >out 2>err &&
	cut -d" " -f1 out >ids &&
	test_cmp expect.ids ids &&
	test_cmp expect.err err &&
	grep "^g399  active .* Goal 399\$" out
}

test_expect_success 'goal list: every goal in id order, warnings in order' '
	check_list p
'

test_expect_success 'the same from packed objects' '
	git -C p gc -q &&
	git -C p count-objects -v >count &&
	grep "^count: 0\$" count &&
	rm -rf p/.git/pl &&
	check_list p
'

test_expect_success 'the same from the text cache the last listing wrote' '
	test_path_is_file p/.git/pl/goals-cache &&
	check_list p
'

test_expect_success 'the same in a linked worktree' '
	git -C p worktree add -q ../w &&
	check_list w
'

test_expect_success SYMLINKS 'a link among them is a warning in its place' '
	ln -s g100.md p/goals/g250-link.md &&
	git -C p add goals &&
	git -C p commit -q -m "A link" &&
	pl -C p goal list >out 2>err &&
	sed -n 3p err >actual &&
	echo "pl: warning: unsafe path ${SQ}goals/g250-link.md${SQ}: it is a symbolic link" >expect &&
	test_cmp expect actual &&
	test_line_count = 4 err
'

test_done
