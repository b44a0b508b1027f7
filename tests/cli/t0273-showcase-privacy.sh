#!/bin/sh
test_description='pl showcase: a private or removed entry is never shown'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

test_expect_success 'setup: two showcases choosing the same entries' '
	pl init --name "Ana Lima" p >/dev/null &&
	pl -C p evidence add --id log -m "I read." "Reading log" >/dev/null &&
	pl -C p evidence add --id poem -m "Roses." "Horse poem" >/dev/null &&
	pl -C p evidence add --id quiz -m "Ten of ten." "Quiz" >/dev/null &&
	pl -C p reflect add -m "I learned to read slowly." >/dev/null &&
	pl -C p showcase new a >/dev/null &&
	pl -C p showcase new b >/dev/null &&
	pl -C p showcase new c >/dev/null &&
	pl -C p showcase add a log poem quiz &&
	pl -C p showcase add b poem log 2026-11-26-i-learned-to-read-slowly &&
	pl -C p showcase add c quiz &&
	write_script private.sh <<-\EOF
	sed -i "s/^title:/private: true\ntitle:/" "$1"
	EOF
'

test_expect_success 'made private through pl: out of every showcase, same commit' '
	test_tick &&
	n=$(cd p && commit_count) &&
	EDITOR="$TRASH_DIRECTORY/private.sh" pl -C p evidence edit poem &&
	test $(cd p && commit_count) = $((n + 1)) &&
	git -C p show --name-only --format= HEAD >actual &&
	cat >expect <<-\EOF &&
	evidence/poem.md
	showcase/a.md
	showcase/b.md
	EOF
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	evidence: edit poem

	Edited evidence/poem.md by hand.

	Pl-Kind: evidence
	Pl-Action: edit
	Pl-Id: poem
	Pl-Showcase: a
	Pl-Showcase: b
	EOF
	(cd p && commit_message) >actual &&
	test_cmp expect actual &&
	! grep poem p/showcase/a.md p/showcase/b.md &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'and it cannot be added again' '
	test_expect_code 5 pl -C p showcase add a poem 2>err &&
	echo "pl: evidence ${SQ}poem${SQ} is private; a showcase never shows a private entry" >expect &&
	test_cmp expect err
'

test_expect_success 'a showcase with uncommitted edits holds the change back (9)' '
	test_when_finished "git -C p checkout -q showcase/c.md" &&
	echo "# mine" >>p/showcase/c.md &&
	before &&
	test_expect_code 9 env EDITOR="$TRASH_DIRECTORY/private.sh" \
		pl -C p evidence edit quiz 2>err &&
	head -n 1 err >first &&
	echo "pl: ${SQ}showcase/c.md${SQ} has uncommitted changes; commit or stash them first; your edit is kept in ${SQ}$TRASH_DIRECTORY/p/.git/pl/EDIT-evidence-quiz.md${SQ}; resume it with: pl -C p evidence edit quiz" >expect &&
	test_cmp expect first &&
	same_as_before &&
	rm p/.git/pl/EDIT-evidence-quiz.md
'

test_expect_success 'removed through pl: out of every showcase, same commit' '
	test_tick &&
	pl -C p reflect rm 2026-11-26-i-learned-to-read-slowly &&
	git -C p show --name-only --format= HEAD >actual &&
	cat >expect <<-\EOF &&
	reflections/2026-11-26-i-learned-to-read-slowly.md
	showcase/b.md
	EOF
	test_cmp expect actual &&
	pl -C p evidence rm log &&
	git -C p show --name-only --format= HEAD >actual &&
	cat >expect <<-\EOF &&
	evidence/log.md
	showcase/a.md
	showcase/b.md
	EOF
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	evidence: rm log

	Removed the evidence "Reading log", and its references in showcase/a.md (items) and showcase/b.md (items).

	Pl-Kind: evidence
	Pl-Action: rm
	Pl-Id: log
	EOF
	(cd p && commit_message) >actual &&
	test_cmp expect actual &&
	! grep "id: log" p/showcase/a.md p/showcase/b.md
'

test_expect_success 'renamed through pl: followed in the same commit' '
	pl -C p evidence mv quiz maths-quiz &&
	git -C p show --name-only --format= HEAD >actual &&
	cat >expect <<-\EOF &&
	evidence/maths-quiz.md
	showcase/a.md
	showcase/c.md
	EOF
	test_cmp expect actual &&
	grep "id: maths-quiz" p/showcase/a.md p/showcase/c.md
'

test_expect_success 'made private by hand: left out, with the reason, never its content' '
	pl -C p evidence add --id song -m "La la." "Secret song title" >/dev/null &&
	pl -C p showcase add --note "Sing it" c song &&
	sed -i "s/^title:/private: true\ntitle:/" p/evidence/song.md &&
	git -C p commit -q -am "Private by hand" &&
	cat >expect <<-\EOF &&
	c

	name:      c
	created:   2026-11-26
	show:      none

	Items:
	  1. Quiz  (evidence maths-quiz)
	  2. left out: song (private)
	EOF
	pl -C p showcase show c >actual &&
	test_cmp expect actual &&
	pl -C p showcase show --format json c >actual &&
	! grep -e "Secret" -e "La la" -e "Sing it" actual &&
	grep "\"left_out\": \"private\"" actual
'

test_expect_success 'removed by hand: left out as missing' '
	git -C p rm -q evidence/maths-quiz.md &&
	git -C p commit -q -m "Removed by hand" &&
	pl -C p showcase show c >actual &&
	cat >expect <<-\EOF &&
	Items:
	  1. left out: maths-quiz (missing)
	  2. left out: song (private)
	EOF
	sed -n "/^Items:/,\$p" actual >items &&
	test_cmp expect items
'

test_expect_success 'a pl write of the hand-private entry takes it out too' '
	printf "x\n" >f.txt &&
	pl -C p evidence attach song ../f.txt &&
	git -C p show --name-only --format= HEAD >actual &&
	grep showcase/c.md actual &&
	! grep "id: song" p/showcase/c.md
'

test_expect_success 'a broken showcase does not stop an entry going private' '
	pl -C p evidence add --id art -m "Paint." "Art" >/dev/null &&
	pl -C p showcase add b art &&
	printf -- "---\ntitle: [x\n---\n" >p/showcase/c.md &&
	git -C p commit -q -am "Broken by hand" &&
	EDITOR="$TRASH_DIRECTORY/private.sh" pl -C p evidence edit art 2>err &&
	grep "^pl: warning: showcase/c.md:" err &&
	git -C p show --name-only --format= HEAD >actual &&
	cat >expect <<-\EOF &&
	evidence/art.md
	showcase/b.md
	EOF
	test_cmp expect actual
'

test_done
