#!/bin/sh
test_description='bytes pl does not understand are never dropped; size limits'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# refuses N MESSAGE ARGS...: "pl -C p ARGS" exits N with MESSAGE as its
# whole standard error and commits nothing: HEAD and every file stay.
refuses () {
	refuses_code_=$1 &&
	refuses_msg_=$2 &&
	shift 2 &&
	git -C p rev-parse HEAD >head-before &&
	{
		test_expect_code "$refuses_code_" pl -C p "$@" 2>err ||
		{ cat err >&2 && return 1; }
	} &&
	printf "%s\n" "$refuses_msg_" >expect-err &&
	test_cmp expect-err err &&
	git -C p rev-parse HEAD >head-after &&
	test_cmp head-before head-after &&
	git -C p status --porcelain >status &&
	test_must_be_empty status
}

# goal_fm TITLE [LINES]: the front matter of a goal written by hand.
goal_fm () {
	printf -- "---\ntitle: %s\nterm: short\nstatus: active\n" "$1" &&
	printf "created: 2026-11-01\n%s---\n" "${2:-}"
}

test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	pl -C p goal add --id plain "A plain goal" >/dev/null &&
	{ goal_fm "With a NUL" && printf "\n## Steps\n\n- [ ] a\000b\n- [ ] c\n"; } \
		>p/goals/nul.md &&
	printf "\377\376-\000-\000-\000\n\000t\000i\000t\000l\000e\000:\000" \
		>p/goals/utf16.md &&
	printf " \000U\000\n\000-\000-\000-\000\n\000" >>p/goals/utf16.md &&
	git -C p add goals &&
	git -C p commit -q -m "Goals written by hand"
'

test_expect_success 'goal step refuses a goal with a NUL byte' '
	refuses 6 "pl: goals/nul.md:10: contains a NUL byte (binary or UTF-16?)" \
		goal step nul "new step"
'

test_expect_success 'goal show refuses it too' '
	refuses 6 "pl: goals/nul.md:10: contains a NUL byte (binary or UTF-16?)" \
		goal show nul
'

test_expect_success 'a UTF-16 goal is refused, not cut short' '
	refuses 6 "pl: goals/utf16.md:1: contains a NUL byte (binary or UTF-16?)" \
		goal status utf16 met
'

test_expect_success 'goal list warns about both and lists the rest' '
	pl -C p goal list >out 2>err &&
	grep "^plain " out &&
	test_line_count = 1 out &&
	cat >expect <<-\EOF &&
	pl: warning: goals/nul.md:10: contains a NUL byte (binary or UTF-16?)
	pl: warning: goals/utf16.md:1: contains a NUL byte (binary or UTF-16?)
	EOF
	test_cmp expect err
'

test_expect_success 'profile add refuses a profile with a NUL byte' '
	test_when_finished "git -C p reset -q --hard HEAD~1" &&
	printf "Notes\000more\n" >>p/profile.md &&
	git -C p commit -q -a -m "A NUL in the profile" &&
	lines=$(wc -l <p/profile.md) &&
	refuses 6 "pl: profile.md:$lines: contains a NUL byte (binary or UTF-16?)" \
		profile add strength "Drawing"
'

test_expect_success 'a quoted NUL in a value is refused, not cut short' '
	test_when_finished "git -C p reset -q --hard HEAD~1" &&
	goal_fm "Quoted" "note: \"a\\0b\"
" >p/goals/plain.md &&
	git -C p commit -q -a -m "A quoted NUL" &&
	refuses 6 "pl: goals/plain.md:6: a value holds a NUL character (\\0)" \
		goal status plain met
'

test_expect_success '-F with a NUL byte: exit 5, nothing committed' '
	printf "first\000second\n" >desc &&
	refuses 5 "pl: ${SQ}../desc${SQ} contains a NUL byte (binary or UTF-16?)" \
		evidence add -F ../desc "Evidence" &&
	refuses 5 "pl: ${SQ}../desc${SQ} contains a NUL byte (binary or UTF-16?)" \
		reflect -F ../desc
'

test_expect_success '-F with a UTF-16 file: exit 5' '
	printf "\377\376h\000i\000\n\000" >desc16 &&
	refuses 5 "pl: ${SQ}../desc16${SQ} contains a NUL byte (binary or UTF-16?)" \
		reflect -F ../desc16
'

test_expect_success 'editor text with a NUL byte: exit 5, nothing committed' '
	write_script ed-nul.sh <<-\EOF &&
	printf "typed\000more\n" >>"$1"
	EOF
	git -C p rev-parse HEAD >head-before &&
	test_expect_code 5 env EDITOR="$TRASH_DIRECTORY/ed-nul.sh" \
		pl -C p reflect 2>err &&
	echo "pl: ${SQ}$TRASH_DIRECTORY/p/.git/pl/REFLECTION.md${SQ} contains a NUL byte (binary or UTF-16?); your reflection is kept; resume it with: pl -C p reflect -F .git/pl/REFLECTION.md" >expect &&
	test_cmp expect err &&
	git -C p rev-parse HEAD >head-after &&
	test_cmp head-before head-after &&
	rm p/.git/pl/REFLECTION.md
'

test_expect_success 'a hand edit that adds a NUL byte: exit 5, edit kept' '
	git -C p rev-parse HEAD >head-before &&
	test_expect_code 5 env EDITOR="$TRASH_DIRECTORY/ed-nul.sh" \
		pl -C p goal edit plain 2>err &&
	echo "pl: ${SQ}$TRASH_DIRECTORY/p/.git/pl/EDIT-goal-plain.md${SQ} contains a NUL byte (binary or UTF-16?); your edit is kept in ${SQ}$TRASH_DIRECTORY/p/.git/pl/EDIT-goal-plain.md${SQ}; resume it with: pl -C p goal edit plain" >expect &&
	test_cmp expect err &&
	git -C p rev-parse HEAD >head-after &&
	test_cmp head-before head-after &&
	git -C p status --porcelain >status &&
	test_must_be_empty status &&
	rm p/.git/pl/EDIT-goal-plain.md
'

test_expect_success '-F /dev/zero: exit 5, not out of memory' '
	refuses 5 "pl: ${SQ}/dev/zero${SQ} is larger than 16 MiB" \
		evidence add -F /dev/zero "Zeros"
'

test_expect_success '-F with a file over 16 MiB: exit 5' '
	dd if=/dev/zero bs=1048576 count=17 2>/dev/null | tr "\000" x >huge &&
	refuses 5 "pl: ${SQ}../huge${SQ} is larger than 16 MiB" \
		reflect -F ../huge
'

test_expect_success 'a committed file over 16 MiB is refused before it is read' '
	test_when_finished "git -C p reset -q --hard HEAD~1" &&
	{ goal_fm "Huge" && cat huge; } >p/goals/huge.md &&
	git -C p add goals/huge.md &&
	git -C p commit -q -m "A huge goal" &&
	refuses 6 "pl: ${SQ}goals/huge.md${SQ} is larger than 16 MiB" \
		goal show huge &&
	pl -C p goal list >out 2>err &&
	echo "pl: warning: ${SQ}goals/huge.md${SQ} is larger than 16 MiB" >expect &&
	grep -v NUL err >actual &&
	test_cmp expect actual
'

test_expect_success 'setup: a goal and a profile that begin with a BOM' '
	{ printf "\357\273\277" && goal_fm "With a BOM" &&
		printf "\n## Steps\n\n- [ ] first\n"; } >p/goals/bom.md &&
	git -C p add goals &&
	git -C p commit -q -m "A goal with a BOM" &&
	cp p/goals/bom.md bom-original
'

test_expect_success 'front matter after a BOM is read' '
	pl -C p goal show --format json bom >json &&
	grep "\"title\": \"With a BOM\"" json &&
	grep "\"status\": \"active\"" json &&
	pl -C p goal list 2>/dev/null >out &&
	grep "^bom .*With a BOM" out
'

test_expect_success 'goal step keeps the BOM and the front matter' '
	pl -C p goal step bom "second" &&
	{ cat bom-original && echo "- [ ] second"; } >expect &&
	test_cmp expect p/goals/bom.md
'

test_expect_success 'goal status keeps the BOM' '
	pl -C p goal status bom met &&
	sed -e "s/^status: active/status: met/" expect >expect-met &&
	test_cmp expect-met p/goals/bom.md
'

# commit_profile MESSAGE: commits standard input as p/profile.md.
commit_profile () {
	cat >profile &&
	mv profile p/profile.md &&
	git -C p commit -q -a -m "$1"
}

# has_bom FILE: FILE begins with the byte-order mark, then "---".
has_bom () {
	printf "\357\273\277---\n" >expect-bom &&
	head -c 7 "$1" >actual-bom &&
	test_cmp expect-bom actual-bom
}

test_expect_success 'a profile key added keeps the BOM' '
	{ printf "\357\273\277" && cat p/profile.md; } |
		commit_profile "A BOM in the profile" &&
	pl -C p profile set school "Hillside" &&
	has_bom p/profile.md &&
	grep "^school: Hillside\$" p/profile.md &&
	pl -C p profile show --format json >json &&
	grep "\"name\": \"Ana Lima\"" json
'

test_expect_success 'a front matter written out again keeps the BOM' '
	sed -e "s/^school: .*/school: [a, b]/" p/profile.md |
		commit_profile "A list" &&
	pl -C p profile set school "Hillside Primary" &&
	has_bom p/profile.md &&
	grep "^school: Hillside Primary\$" p/profile.md
'

test_expect_success 'front matter over 1 MiB is refused' '
	test_when_finished "git -C p reset -q --hard HEAD~1" &&
	{
		printf -- "---\ntitle: Big\n" &&
		dd if=/dev/zero bs=1024 count=1100 2>/dev/null |
			tr "\000" x | fold -w 64 | sed -e "s/^/# /" &&
		printf "\n---\n"
	} >p/goals/big.md &&
	git -C p add goals/big.md &&
	git -C p commit -q -m "A big front matter" &&
	refuses 6 "pl: goals/big.md:1: front matter is larger than 1 MiB" \
		goal show big
'

test_expect_success 'front matter with 60,000 keys is refused' '
	test_when_finished "git -C p reset -q --hard HEAD~1" &&
	{
		printf -- "---\ntitle: Keys\n" &&
		i=0 &&
		while test $i -lt 60000
		do
			echo "k$i: v" &&
			i=$((i + 1)) || return 1
		done &&
		echo ---
	} >p/goals/keys.md &&
	git -C p add goals/keys.md &&
	git -C p commit -q -m "Many keys" &&
	refuses 6 "pl: goals/keys.md:50001: front matter is too large" \
		goal show keys
'

test_done
