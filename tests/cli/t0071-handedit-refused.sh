#!/bin/sh
test_description='edits that break a kind'"'"'s rules: pl names the file and the rule, commits nothing'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# edit_refused KIND ID MESSAGE: "pl KIND edit ID" with an editor that
# writes stdin as the file is refused with "pl: MESSAGE; your edit is
# kept ..." (exit 5), and nothing is committed
edit_refused () {
	cat >text &&
	write_script ed.sh <<-EOF &&
	cp "$TRASH_DIRECTORY/text" "\$1"
	EOF
	git -C p rev-parse HEAD >head.before &&
	test_expect_code 5 env EDITOR="$TRASH_DIRECTORY/ed.sh" \
		pl -C p $1 edit $2 2>err &&
	sed "s/; your edit is kept.*//" err >actual &&
	echo "pl: $3" >expect &&
	test_cmp expect actual &&
	git -C p rev-parse HEAD >head.after &&
	test_cmp head.before head.after &&
	rm -f p/.git/pl/EDIT-*
}

test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	pl -C p goal add "Read more" >/dev/null &&
	pl -C p evidence add --date 2026-01-02 -m "A text." Essay >/dev/null
'

test_expect_success 'a goal: empty title, bad status, due and parent' '
	printf -- "---\ntitle: \"\"\n---\n" |
	edit_refused goal read-more "goals/read-more.md: ${SQ}title${SQ} is missing" &&
	printf -- "---\ntitle: T\nterm: short\nstatus: someday\n---\n" |
	edit_refused goal read-more "goals/read-more.md: ${SQ}status${SQ} must be active, met, paused or dropped" &&
	printf -- "---\ntitle: T\nterm: short\nstatus: active\ndue: 2026-02-30\n---\n" |
	edit_refused goal read-more "goals/read-more.md: ${SQ}due${SQ} is not a date (YYYY-MM-DD): ${SQ}2026-02-30${SQ}" &&
	printf -- "---\ntitle: T\nterm: short\nstatus: active\nparent: Not An Id\n---\n" |
	edit_refused goal read-more "invalid goal id ${SQ}Not An Id${SQ}"
'

test_expect_success 'evidence: empty title, bad date, no date' '
	printf -- "---\ntitle: \"\"\ndate: 2026-01-02\nkind: other\n---\n" |
	edit_refused evidence 2026-01-02-essay "evidence/2026-01-02-essay.md: ${SQ}title${SQ} is missing" &&
	printf -- "---\ntitle: T\ndate: 2026-1-2\nkind: other\n---\n" |
	edit_refused evidence 2026-01-02-essay "evidence/2026-01-02-essay.md: ${SQ}date${SQ} is not a date (YYYY-MM-DD): ${SQ}2026-1-2${SQ}" &&
	printf -- "---\ntitle: T\nkind: other\n---\n" |
	edit_refused evidence 2026-01-02-essay "evidence/2026-01-02-essay.md: ${SQ}date${SQ} is missing"
'

test_expect_success 'the profile: no name, no id, a bad id' '
	git -C p show HEAD:profile.md >profile.md &&
	sed "/^name:/d" profile.md |
	edit_refused profile "" "profile.md: ${SQ}name${SQ} is missing" &&
	sed "/^id:/d" profile.md |
	edit_refused profile "" "profile.md: ${SQ}id${SQ} is missing" &&
	sed "s/^id:.*/id: Not An Id/" profile.md |
	edit_refused profile "" "invalid learner id ${SQ}Not An Id${SQ}"
'

test_expect_success 'a goal without status gets one; step 0 is no step' '
	printf -- "---\ntitle: No status\n---\n\n## Steps\n\n- [ ] one\n" \
		>p/goals/nostatus.md &&
	git -C p add goals/nostatus.md &&
	git -C p commit -q -m "by hand" &&
	pl -C p goal status nostatus met >out &&
	git -C p show HEAD:goals/nostatus.md >actual &&
	printf -- "---\ntitle: No status\nstatus: met\n---\n\n## Steps\n\n- [ ] one\n" >expect &&
	test_cmp expect actual &&
	test_expect_code 5 pl -C p goal done nostatus 0 2>err &&
	echo "pl: invalid step number ${SQ}0${SQ}" >expect &&
	test_cmp expect err
'

test_expect_success 'evidence add: a title of blanks, a fifo for a file' '
	test_expect_code 5 pl -C p evidence add -m x "  	" 2>err &&
	echo "pl: empty evidence title" >expect &&
	test_cmp expect err &&
	mkfifo fifo &&
	test_expect_code 5 pl -C p evidence add -m x --file "$TRASH_DIRECTORY/fifo" Fifo 2>err &&
	echo "pl: ${SQ}$TRASH_DIRECTORY/fifo${SQ} is not a regular file" >expect &&
	test_cmp expect err
'

test_expect_success 'evidence attach: a backslash in a name is made safe' '
	printf "x" >"a\\b.txt" &&
	pl -C p evidence attach 2026-01-02-essay "$TRASH_DIRECTORY/a\\b.txt" >out &&
	git -C p ls-tree -r --name-only HEAD evidence/2026-01-02-essay >actual &&
	echo evidence/2026-01-02-essay/a-b.txt >expect &&
	test_cmp expect actual
'

test_expect_success 'profile set: keys pl refuses, and a new id' '
	test_expect_code 5 pl -C p profile set 1st x 2>err &&
	echo "pl: invalid profile key ${SQ}1st${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p profile set a.b x 2>err &&
	echo "pl: invalid profile key ${SQ}a.b${SQ}" >expect &&
	test_cmp expect err &&
	pl -C p profile set id ana-l >out &&
	git -C p show HEAD:profile.md >actual &&
	grep "^id: ana-l$" actual
'

test_done
