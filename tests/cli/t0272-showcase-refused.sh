#!/bin/sh
test_description='pl showcase: what is refused, with nothing written'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	pl -C p goal add --id poems "Write poems" >/dev/null &&
	pl -C p evidence add --id log -m "I read." "Reading log" >/dev/null &&
	pl -C p evidence add --id secret -m "Mine." "Diary" >/dev/null &&
	sed -i "s/^title: Diary/title: Diary\nprivate: true/" \
		p/evidence/secret.md &&
	git -C p commit -q -am "A private diary" &&
	pl -C p showcase new s >/dev/null &&
	pl -C p showcase add s log
'

test_expect_success 'a bad NAME is refused (5), nothing written' '
	before &&
	for name in ../x a/b "" Big "-x" "a b" .hidden
	do
		test_expect_code 5 pl -C p showcase new -- "$name" 2>err &&
		echo "pl: invalid showcase name ${SQ}$name${SQ} (use lower-case letters, digits and ${SQ}-${SQ})" >expect &&
		test_cmp expect err || return 1
	done &&
	test_expect_code 5 pl -C p showcase add ../x log 2>err &&
	test_expect_code 5 pl -C p showcase show ../x 2>err &&
	test_expect_code 5 pl -C p showcase delete ../x 2>err &&
	test_expect_code 5 pl -C p showcase edit ../x 2>err &&
	test_path_is_missing x.md &&
	same_as_before
'

test_expect_success 'an unknown showcase (4), one that exists (12)' '
	before &&
	test_expect_code 4 pl -C p showcase add nope log 2>err &&
	echo "pl: unknown showcase ${SQ}nope${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 4 pl -C p showcase show nope 2>err &&
	test_cmp expect err &&
	test_expect_code 4 pl -C p showcase delete nope 2>err &&
	test_cmp expect err &&
	test_expect_code 12 pl -C p showcase new s 2>err &&
	echo "pl: showcase ${SQ}s${SQ} exists already" >expect &&
	test_cmp expect err &&
	same_as_before
'

test_expect_success 'an unknown id (4), a goal (5), a private entry (5)' '
	before &&
	test_expect_code 4 pl -C p showcase add s nothing 2>err &&
	echo "pl: unknown evidence or reflection ${SQ}nothing${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p showcase add s poems 2>err &&
	echo "pl: ${SQ}poems${SQ} is a goal; a showcase holds evidence and reflections" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p showcase add s secret 2>err &&
	echo "pl: evidence ${SQ}secret${SQ} is private; a showcase never shows a private entry" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p showcase add s ../log 2>err &&
	echo "pl: invalid evidence or reflection id ${SQ}../log${SQ}" >expect &&
	test_cmp expect err &&
	same_as_before
'

test_expect_success 'a duplicate (12), even among the ids given' '
	pl -C p evidence add --id poem -m "Roses." "Poem" >/dev/null &&
	before &&
	test_expect_code 12 pl -C p showcase add s log 2>err &&
	echo "pl: ${SQ}log${SQ} is in the showcase ${SQ}s${SQ} already" >expect &&
	test_cmp expect err &&
	test_expect_code 12 pl -C p showcase add s poem poem 2>err &&
	echo "pl: ${SQ}poem${SQ} is in the showcase ${SQ}s${SQ} already" >expect &&
	test_cmp expect err &&
	same_as_before
'

test_expect_success 'one bad id among good ones: none is added' '
	before &&
	test_expect_code 5 pl -C p showcase add s poem secret 2>err &&
	same_as_before
'

test_expect_success 'usage: --note with several ids, --before with --after, --show' '
	before &&
	test_expect_code 2 pl -C p showcase add --note x s poem log 2>err &&
	echo "pl: --note goes with one ID" >expect &&
	test_cmp expect err &&
	test_expect_code 2 pl -C p showcase add --before log --after log s poem 2>err &&
	echo "pl: --before and --after cannot be used together" >expect &&
	test_cmp expect err &&
	test_expect_code 4 pl -C p showcase add --before nope s poem 2>err &&
	echo "pl: ${SQ}nope${SQ} is not in the showcase ${SQ}s${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p showcase new --show strengths,email t 2>err &&
	echo "pl: --show takes strengths, interests and ratings, not ${SQ}email${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p showcase new --title "" t 2>err &&
	echo "pl: empty --title" >expect &&
	test_cmp expect err &&
	test_expect_code 2 pl -C p showcase new --intro x --edit t 2>err &&
	echo "pl: --intro cannot be used with --edit or -F" >expect &&
	test_cmp expect err &&
	test_expect_code 2 pl -C p showcase add s 2>err &&
	same_as_before
'

test_expect_success 'a locked portfolio (8): nothing written' '
	git -C p config -f .plconfig portfolio.lockTimeout 0.1 &&
	git -C p commit -q -am "Wait briefly" &&
	printf "pid %s\nhost %s\n" $$ "$(uname -n)" >p/.git/pl.lock &&
	test_when_finished "rm -f p/.git/pl.lock" &&
	before &&
	test_expect_code 8 pl -C p showcase add s poem 2>err &&
	echo "pl: portfolio is busy: pl (pid $$ on $(uname -n)) still holds ${SQ}$TRASH_DIRECTORY/p/.git/pl.lock${SQ} after 0.1 s; try again" >expect &&
	test_cmp expect err &&
	test_expect_code 8 pl -C p showcase new t 2>err &&
	test_cmp expect err &&
	test_expect_code 8 pl -C p showcase rm s log 2>err &&
	test_expect_code 8 pl -C p showcase delete s 2>err &&
	test_expect_code 8 env EDITOR=false pl -C p showcase edit s 2>err &&
	test_cmp expect err &&
	same_as_before
'

test_expect_success 'uncommitted edits in the showcase file (9): kept, nothing committed' '
	test_when_finished "git -C p checkout -q showcase/s.md" &&
	echo "My own line." >>p/showcase/s.md &&
	cp p/showcase/s.md edited &&
	before &&
	test_expect_code 9 pl -C p showcase add s poem 2>err &&
	echo "pl: ${SQ}showcase/s.md${SQ} has uncommitted changes; commit or stash them first" >expect &&
	test_cmp expect err &&
	test_expect_code 9 pl -C p showcase rm s log 2>err &&
	test_cmp expect err &&
	test_expect_code 9 pl -C p showcase delete s 2>err &&
	test_cmp expect err &&
	write_script ed-ran.sh <<-\EOF &&
	touch "$TRASH_DIRECTORY/editor-ran"
	EOF
	test_expect_code 9 env EDITOR="$TRASH_DIRECTORY/ed-ran.sh" \
		pl -C p showcase edit s 2>err &&
	test_cmp expect err &&
	test_path_is_missing editor-ran &&
	test_cmp edited p/showcase/s.md &&
	same_as_before
'

test_expect_success 'hand-broken YAML: one pl: line (6), nothing committed' '
	cp p/showcase/s.md good.md &&
	printf -- "---\ntitle: [unclosed\nitems:\n- id: log\n---\n\nHi.\n" \
		>p/showcase/s.md &&
	git -C p commit -q -am "Broken by hand" &&
	before &&
	for cmd in "add s poem" "rm s log" "move s log --before log" "show s"
	do
		test_expect_code 6 pl -C p showcase $cmd 2>err &&
		test_line_count = 1 err &&
		grep "^pl: showcase/s.md:[0-9]*: " err || return 1
	done &&
	pl -C p showcase list >out 2>err &&
	test_must_be_empty out &&
	grep "^pl: warning: showcase/s.md:[0-9]*: " err &&
	same_as_before &&
	cp good.md p/showcase/s.md &&
	git -C p commit -q -am "Mended by hand"
'

test_expect_success 'hand-made values that do not hold: said, nothing committed' '
	cp p/showcase/s.md good.md &&
	test_when_finished "cp good.md p/showcase/s.md && git -C p commit -q -am Mended" &&
	sed -i "s/^created: .*/created: soon/" p/showcase/s.md &&
	git -C p commit -q -am "No date" &&
	before &&
	test_expect_code 5 pl -C p showcase add s poem 2>err &&
	echo "pl: showcase/s.md: ${SQ}created${SQ} must be a date (YYYY-MM-DD)" >expect &&
	test_cmp expect err &&
	cat >p/showcase/s.md <<-\EOF &&
	---
	title: s
	created: 2026-11-26
	show: [email]
	items:
	- id: log
	---
	EOF
	git -C p commit -q -am "Email" &&
	test_expect_code 5 pl -C p showcase add s poem 2>err &&
	echo "pl: showcase/s.md: ${SQ}show${SQ} takes strengths, interests and ratings, not ${SQ}email${SQ}" >expect &&
	test_cmp expect err &&
	cat >p/showcase/s.md <<-\EOF &&
	---
	title: s
	created: 2026-11-26
	show: []
	items:
	- id: log
	- id: log
	---
	EOF
	git -C p commit -q -am "Twice" &&
	before &&
	test_expect_code 5 pl -C p showcase add s poem 2>err &&
	echo "pl: showcase/s.md:7: ${SQ}log${SQ} is in the items twice" >expect &&
	test_cmp expect err &&
	same_as_before
'

test_done
