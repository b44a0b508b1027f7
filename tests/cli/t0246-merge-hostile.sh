#!/bin/sh
test_description='the merge by structure on hostile and reformatted input (pl merge-file)'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# sections N CHANGED... : a goal of N "## Part I" sections, those named
# changed; ADDED=I puts a section "## Added" before part I (N: at the end).
sections () {
	awk -v n="$1" -v changed=" $2 " -v added="${ADDED:--1}" 'BEGIN {
		printf "---\ntitle: Long\nstatus: active\n---\n"
		for (i = 0; i < n; i++) {
			if (i == added)
				printf "## Added\n\nBy them.\n\n"
			c = index(changed, " " i " ") ? " changed" : ""
			printf "## Part %d\n\nText %d%s.\n\n", i, i, c
		}
		if (added == n)
			printf "## Added\n\nBy them.\n\n"
	}'
}

test_expect_success '60,000 sections changed on both sides: merged, in a time far from quadratic' '
	sections 60000 "" >base &&
	sections 60000 100 >ours &&
	ADDED=30000 sections 60000 50000 >theirs &&
	ADDED=60000 sections 60000 "100 50000" >expect &&
	timeout 30 pl merge-file base ours theirs goals/long.md >out 2>err &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	test_cmp expect ours
'

test_expect_success 'more than 100,000 sections: a conflict (exit 1), left to git'"'"'s merge of the texts' '
	sections 100001 "" >base &&
	sections 100001 1 >ours &&
	sections 100001 2 >theirs &&
	git merge-file -p -L ours -L base -L theirs ours base theirs >expect &&
	test_expect_code 1 timeout 60 pl merge-file base ours theirs goals/long.md \
		>out 2>err &&
	echo "pl: goals/long.md: cannot merge more than 100,000 sections by structure" >expect.err &&
	test_cmp expect.err err &&
	test_cmp expect ours
'

test_expect_success 'a flow list both sides changed keeps the comment under it and a key theirs added' '
	printf -- "---\ntitle: T\nstandards: [A]\n# picked with Ms Rivera\n---\nBody.\n" >base &&
	sed "s/\[A\]/[A, B]/" base >ours &&
	sed -e "s/\[A\]/[A, C]/" -e "s/^# picked.*/&\n-x: 1/" base >theirs &&
	printf -- "---\ntitle: T\nstandards: [A, B, C]\n# picked with Ms Rivera\n-x: 1\n---\nBody.\n" >expect &&
	pl merge-file base ours theirs goals/t.md &&
	test_cmp expect ours
'

test_expect_success 'a block list both sides changed: the comment after it once' '
	printf -- "---\ntitle: T\nstandards:\n  - A\n# picked with Ms Rivera\n---\n" >base &&
	sed "s/  - A/&\n  - B/" base >ours &&
	sed "s/  - A/&\n  - C/" base >theirs &&
	printf -- "---\ntitle: T\nstandards:\n  - A\n  - B\n  - C\n# picked with Ms Rivera\n---\n" >expect &&
	pl merge-file base ours theirs goals/t.md &&
	test_cmp expect ours
'

test_expect_success 'a comment on the line of a flow list both changed: a conflict, not lost' '
	printf -- "---\ntitle: T\nstandards: [A]\n---\n" >base &&
	printf -- "---\ntitle: T\nstandards: [A, B]  # B is new\n---\n" >ours &&
	printf -- "---\ntitle: T\nstandards: [A, C]\n---\n" >theirs &&
	test_expect_code 1 pl merge-file base ours theirs goals/t.md 2>err &&
	echo "pl: goals/t.md: cannot merge ${SQ}standards${SQ}: both sides changed it differently" >expect &&
	test_cmp expect err
'

test_expect_success 'theirs alone changed the body: its sections in its order' '
	printf -- "---\ntitle: F\nstatus: active\n---\n\n## Why\n\nTo cook.\n\n## Steps\n\n- [ ] One\n" >base &&
	sed "s/active/met/" base >ours &&
	sed "s/^## Steps/## Feedback\n\nGood start.\n\n&/" base >theirs &&
	sed "s/active/met/" theirs >expect &&
	pl merge-file base ours theirs goals/f.md &&
	test_cmp expect ours
'

test_expect_success 'a rating and a standard taken out stay out when the other side only reformatted (CRLF, indents, quotes)' '
	printf -- "---\ntitle: Quiz\nstandards:\n- A.1\n- A.2\nratings:\n- standard: A.1\n  level: 2\n- standard: A.2\n  level: 3\n---\nIt.\n" >base &&
	printf -- "---\ntitle: Quiz\nstandards:\n- A.1\nratings:\n- standard: A.1\n  level: 2\n---\nIt.\n" >ours &&
	printf -- "---\ntitle: Quiz\nstandards:\n  - \"A.1\"\n  - \"A.2\"\nratings:\n  - standard: A.1\n    level: 2\n  - level: 3  # checked\n    standard: A.2\n---\nIt.\n" |
		sed "s/\$/\r/" >theirs &&
	printf -- "---\ntitle: Quiz\nstandards:\n  - \"A.1\"\nratings:\n  - standard: A.1\n    level: 2\n---\nIt.\n" |
		sed "s/\$/\r/" >expect &&
	pl merge-file base ours theirs evidence/quiz.md &&
	test_cmp expect ours
'

test_done
