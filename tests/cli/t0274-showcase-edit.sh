#!/bin/sh
test_description='pl showcase: edit, delete, an introduction from the editor or a file'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	pl -C p evidence add --id log -m "I read." "Reading log" >/dev/null &&
	pl -C p evidence add --id secret -m "Mine." "Diary" >/dev/null &&
	sed -i "s/^title: Diary/title: Diary\nprivate: true/" \
		p/evidence/secret.md &&
	git -C p commit -q -am "A private diary" &&
	write_script ed-intro.sh <<-\EOF
	printf "Dear   family,\n\n\tthis is my year.\n" >>"$1"
	EOF
'

test_expect_success 'showcase new --edit: the introduction as typed, hint gone' '
	EDITOR="$TRASH_DIRECTORY/ed-intro.sh" pl -C p showcase new --edit \
		--title "My year" year &&
	printf "\nDear   family,\n\n\tthis is my year.\n" >expect &&
	body_of p/showcase/year.md >actual &&
	test_cmp expect actual &&
	ls p/.git/pl >left &&
	! grep SHOWCASE left
'

test_expect_success 'showcase new -F FILE' '
	printf "From a file.\n" >intro.txt &&
	pl -C p showcase new -F ../intro.txt filed &&
	printf "\nFrom a file.\n" >expect &&
	body_of p/showcase/filed.md >actual &&
	test_cmp expect actual
'

test_expect_success 'showcase new --edit, the editor fails: the text is kept' '
	write_script ed-fail.sh <<-\EOF &&
	echo "Half an intro" >>"$1" &&
	exit 1
	EOF
	before &&
	test_expect_code 1 env EDITOR="$TRASH_DIRECTORY/ed-fail.sh" \
		pl -C p showcase new --edit half 2>err &&
	grep "your introduction is kept; resume it with: pl -C p showcase new --edit -F .*SHOWCASE.md half" err &&
	same_as_before &&
	rm p/.git/pl/SHOWCASE.md
'

test_expect_success 'showcase edit: committed as typed, one commit' '
	pl -C p showcase add year log &&
	write_script ed-note.sh <<-\EOF &&
	sed -i "s/^- id: log/- id: log  # the one\n  note: \"Read   twice\"/" "$1"
	EOF
	test_tick &&
	EDITOR="$TRASH_DIRECTORY/ed-note.sh" pl -C p showcase edit year &&
	cat >expect <<-\EOF &&
	---
	title: My year
	created: 2026-11-26
	show: []
	items:
	- id: log  # the one
	  note: "Read   twice"
	---
	EOF
	printf "\nDear   family,\n\n\tthis is my year.\n" >>expect &&
	test_cmp expect p/showcase/year.md &&
	cat >expect <<-\EOF &&
	showcase: edit year

	Edited showcase/year.md by hand.

	Pl-Kind: showcase
	Pl-Action: edit
	Pl-Id: year
	EOF
	(cd p && commit_message) >actual &&
	test_cmp expect actual &&
	test_path_is_missing p/.git/pl/EDIT-showcase-year.md
'

test_expect_success 'hand-written intro and notes survive add, move and rm byte for byte' '
	cp p/showcase/year.md typed.md &&
	pl -C p evidence add --id poem -m "Roses." "Poem" >/dev/null &&
	pl -C p showcase add year poem &&
	pl -C p showcase move year poem --before log &&
	pl -C p showcase rm year poem &&
	test_cmp typed.md p/showcase/year.md
'

test_expect_success 'showcase edit checks as add does: a private entry, kept edit' '
	write_script ed-secret.sh <<-\EOF &&
	echo "- id: secret" >"$1.items" &&
	sed -i "/^  note:/r $1.items" "$1" &&
	rm "$1.items"
	EOF
	before &&
	test_expect_code 5 env EDITOR="$TRASH_DIRECTORY/ed-secret.sh" \
		pl -C p showcase edit year 2>err &&
	echo "pl: showcase/year.md:8: evidence ${SQ}secret${SQ} is private; a showcase never shows a private entry; your edit is kept in ${SQ}$TRASH_DIRECTORY/p/.git/pl/EDIT-showcase-year.md${SQ}; resume it with: pl -C p showcase edit year" >expect &&
	test_cmp expect err &&
	same_as_before &&
	write_script ed-fix.sh <<-\EOF &&
	sed -i "/^- id: secret/d" "$1"
	EOF
	EDITOR="$TRASH_DIRECTORY/ed-fix.sh" pl -C p showcase edit year 2>err &&
	cat >expect <<-EOF &&
	pl: resuming your edit of showcase/year.md kept in ${SQ}$TRASH_DIRECTORY/p/.git/pl/EDIT-showcase-year.md${SQ}
	pl: showcase/year.md unchanged; nothing committed
	EOF
	test_cmp expect err &&
	test_path_is_missing p/.git/pl/EDIT-showcase-year.md &&
	same_as_before
'

test_expect_success 'showcase edit: broken YAML is refused and kept; unchanged is nothing' '
	write_script ed-break.sh <<-\EOF &&
	sed -i "s/^title: .*/title: [x/" "$1"
	EOF
	before &&
	test_expect_code 6 env EDITOR="$TRASH_DIRECTORY/ed-break.sh" \
		pl -C p showcase edit year 2>err &&
	test_line_count = 1 err &&
	grep "^pl: showcase/year.md:[0-9]*: .*your edit is kept" err &&
	same_as_before &&
	rm p/.git/pl/EDIT-showcase-year.md &&
	EDITOR=true pl -C p showcase edit year 2>err &&
	echo "pl: showcase/year.md unchanged; nothing committed" >expect &&
	test_cmp expect err &&
	same_as_before
'

test_expect_success 'showcase edit repairs a file broken by hand' '
	printf -- "---\ntitle: [x\n---\n" >p/showcase/filed.md &&
	git -C p commit -q -am "Broken by hand" &&
	write_script ed-mend.sh <<-\EOF &&
	printf -- "---\ntitle: Mended\ncreated: 2026-11-26\n---\n" >"$1"
	EOF
	EDITOR="$TRASH_DIRECTORY/ed-mend.sh" pl -C p showcase edit filed &&
	pl -C p showcase list >actual &&
	grep "^filed  *0 items  Mended" actual
'

test_expect_success 'showcase delete: one commit, the entries stay' '
	test_tick &&
	pl -C p showcase delete year &&
	test_path_is_missing p/showcase/year.md &&
	test_path_is_file p/evidence/log.md &&
	cat >expect <<-\EOF &&
	showcase: delete year

	Deleted the showcase "My year".

	Pl-Kind: showcase
	Pl-Action: delete
	Pl-Id: year
	EOF
	(cd p && commit_message) >actual &&
	test_cmp expect actual &&
	git -C p show --name-status --format= HEAD >actual &&
	printf "D\tshowcase/year.md\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'showcase delete of a file broken by hand' '
	printf -- "---\ntitle: [x\n---\n" >p/showcase/filed.md &&
	git -C p commit -q -am "Broken again" &&
	pl -C p showcase delete filed &&
	test_path_is_missing p/showcase/filed.md
'

test_done
