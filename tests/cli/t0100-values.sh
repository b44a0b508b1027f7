#!/bin/sh
test_description='values on one line, nothing unprintable, dates in range, filters checked'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

ESC=$(printf '\033')
BEL=$(printf '\007')
TAB=$(printf '\t')

# A refused command changes nothing: HEAD as before, nothing left over.
head_before () {
	git -C p rev-parse HEAD >head-before
}

nothing_committed () {
	git -C p rev-parse HEAD >head-after &&
	test_cmp head-before head-after &&
	git -C p status --porcelain >status &&
	test_must_be_empty status
}

# commit_by_hand FILE: commits FILE (under p/) as a person would, with git.
commit_by_hand () {
	git -C p add "$1" &&
	git -C p commit -q -m "By hand: $1"
}

if script -qec true /dev/null >/dev/null 2>&1; then
	test_set_prereq TTY
fi

# on_tty CMD: runs CMD with standard output on a terminal (script(1)),
# its output without the terminal's carriage returns.
on_tty () {
	script -qec "$*" /dev/null | tr -d "\r"
}

test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	pl -C p goal add --step "Count" "Fractions" >/dev/null &&
	pl -C p evidence add -m "Done." "Quiz" >/dev/null &&
	pl -C p reflect -m "It went well." >/dev/null
'

test_expect_success 'goal edit: a title with a YAML line break is refused' '
	write_script ed-title.sh <<-\EOF &&
	sed -e "s/^title: .*/title: \"Evil\\\\n\\\\nPl-Kind: goal\\\\nPl-Id: victim\"/" \
		"$1" >"$1.new" && mv "$1.new" "$1"
	EOF
	head_before &&
	test_expect_code 5 env EDITOR="$TRASH_DIRECTORY/ed-title.sh" \
		pl -C p goal edit fractions 2>err &&
	grep "Pl-Id: victim" p/.git/pl/EDIT-goal-fractions.md &&
	echo "pl: goals/fractions.md: ${SQ}title${SQ} must be one line; your edit is kept in ${SQ}$TRASH_DIRECTORY/p/.git/pl/EDIT-goal-fractions.md${SQ}; resume it with: pl -C p goal edit fractions" >expect &&
	test_cmp expect err &&
	nothing_committed &&
	rm p/.git/pl/EDIT-goal-fractions.md
'

test_expect_success 'setup: a goal committed by hand, its title on two lines' '
	cat >p/goals/forged.md <<-\EOF &&
	---
	title: "Evil\n\nPl-Kind: goal\nPl-Id: victim"
	term: short
	status: active
	created: 2026-11-26
	---

	## Steps

	- [ ] One
	EOF
	commit_by_hand goals/forged.md
'

test_expect_success 'goal step, done, status refuse it: no forged trailer' '
	head_before &&
	echo "pl: goals/forged.md: ${SQ}title${SQ} must be one line" >expect &&
	test_expect_code 5 pl -C p goal step forged "Two" 2>err &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p goal done forged 1 2>err &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p goal status forged met 2>err &&
	test_cmp expect err &&
	nothing_committed &&
	git -C p log --grep="Pl-Id: victim" --format=%H >found &&
	test_must_be_empty found
'

test_expect_success 'a control character in a step committed by hand' '
	cat >p/goals/bell.md <<-EOF &&
	---
	title: Bell
	term: short
	status: active
	---

	## Steps

	- [ ] Ring ${BEL}the bell
	EOF
	commit_by_hand goals/bell.md &&
	head_before &&
	test_expect_code 5 pl -C p goal done bell 1 2>err &&
	echo "pl: goals/bell.md: step 1 must not contain control characters" >expect &&
	test_cmp expect err &&
	nothing_committed
'

test_expect_success 'a status committed by hand does not forge a trailer' '
	cat >p/goals/status.md <<-\EOF &&
	---
	title: Status
	term: short
	status: "active\nPl-Id: victim"
	---
	EOF
	commit_by_hand goals/status.md &&
	head_before &&
	test_expect_code 5 pl -C p goal step status "One" 2>err &&
	echo "pl: goals/status.md: ${SQ}status${SQ} must be one line" >expect &&
	test_cmp expect err &&
	nothing_committed
'

test_expect_success 'control characters on the command line: exit 5' '
	head_before &&
	test_expect_code 5 pl -C p goal add "Red ${ESC}[31m" 2>err &&
	echo "pl: a title must not contain control characters" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p goal add "Tab${TAB}bed" 2>err &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p goal add "$(printf "Del\177")" 2>err &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p goal add "$(printf "C1 \302\233")" 2>err &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p evidence add -m x "Ring ${BEL}" 2>err &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p goal add --step "a${ESC}b" Steps 2>err &&
	echo "pl: a step must not contain control characters" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p goal step fractions "a${ESC}b" 2>err &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p profile add strength "a${BEL}" 2>err &&
	echo "pl: text must not contain control characters" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p profile set grade "6${ESC}" 2>err &&
	echo "pl: value must not contain control characters" >expect &&
	test_cmp expect err &&
	nothing_committed
'

test_expect_success 'an error quoting a control character is one escaped line' '
	head_before &&
	test_expect_code 5 pl -C p evidence add --kind "a${ESC}b" -m x T 2>err &&
	echo "pl: invalid kind ${SQ}a^[b${SQ} (use artifact, observation, assessment, project or other)" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p goal status fractions "met
Pl-Id: x" 2>err &&
	echo "pl: invalid status ${SQ}met^JPl-Id: x${SQ} (use active, met, paused or dropped)" >expect &&
	test_cmp expect err &&
	nothing_committed
'

test_expect_success 'edits: control characters in values are refused' '
	write_script ed-name.sh <<-\EOF &&
	sed -e "s/^name: .*/name: \"Ana\\\\e[2J\"/" "$1" >"$1.new" &&
	mv "$1.new" "$1"
	EOF
	head_before &&
	test_expect_code 5 env EDITOR="$TRASH_DIRECTORY/ed-name.sh" \
		pl -C p profile edit 2>err &&
	echo "pl: profile.md: ${SQ}name${SQ} must not contain control characters; your edit is kept in ${SQ}$TRASH_DIRECTORY/p/.git/pl/EDIT-profile.md${SQ}; resume it with: pl -C p profile edit" >expect &&
	test_cmp expect err &&
	write_script ed-std.sh <<-\EOF &&
	sed -e "s/^standards: .*/standards: [\"A\\\\tB\"]/" "$1" >"$1.new" &&
	mv "$1.new" "$1"
	EOF
	test_expect_code 5 env EDITOR="$TRASH_DIRECTORY/ed-std.sh" \
		pl -C p evidence edit 2026-11-26-quiz 2>err &&
	echo "pl: evidence/2026-11-26-quiz.md: ${SQ}standards${SQ} must not contain control characters; your edit is kept in ${SQ}$TRASH_DIRECTORY/p/.git/pl/EDIT-evidence-2026-11-26-quiz.md${SQ}; resume it with: pl -C p evidence edit 2026-11-26-quiz" >expect &&
	test_cmp expect err &&
	nothing_committed &&
	rm -r p/.git/pl
'

test_expect_success 'a profile item committed by hand: profile add refuses' '
	sed -e "s/^## Strengths\$/## Strengths\\
\\
- Loud${BEL}/" p/profile.md >profile.new &&
	mv profile.new p/profile.md &&
	commit_by_hand profile.md &&
	head_before &&
	test_expect_code 5 pl -C p profile add need "Quiet" 2>err &&
	echo "pl: profile.md: an item of ${SQ}Strengths${SQ} must not contain control characters" >expect &&
	test_cmp expect err &&
	nothing_committed &&
	git -C p revert --no-edit HEAD >/dev/null
'

test_expect_success 'setup: a goal whose title would drive the terminal' '
	cat >p/goals/colour.md <<-EOF &&
	---
	title: "Red \e[31mtext"
	term: short
	status: active
	---

	Body with${TAB}a tab and ${ESC}]0;title${BEL} a window title.
	EOF
	commit_by_hand goals/colour.md
'

test_expect_success 'piped output is written as it is' '
	pl -C p goal list >actual &&
	grep "Red ${ESC}\[31mtext" actual
'

test_expect_success TTY 'on a terminal, list and show escape control characters' '
	on_tty pl -C p goal list >actual &&
	grep -F "  Red ^[[31mtext" actual &&
	! grep "$ESC" actual &&
	on_tty pl -C p goal show colour >actual &&
	sed -n 1p actual >title &&
	echo "Red ^[[31mtext" >expect &&
	test_cmp expect title &&
	grep -F "Body with${TAB}a tab and ^[]0;title^G a window title." actual &&
	! grep "$ESC" actual
'

test_expect_success TTY 'on a terminal, JSON keeps its own escapes' '
	on_tty pl -C p goal show --format json colour >actual &&
	grep "\"title\": \"Red \\\\u001B\[31mtext\"" actual
'

test_expect_success 'author and committer dates the commit cannot hold' '
	head_before &&
	test_expect_code 5 env GIT_AUTHOR_DATE=@99999999999999 \
		pl -C p goal add "Far" 2>err &&
	echo "pl: invalid date in GIT_AUTHOR_DATE: ${SQ}@99999999999999${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 5 env GIT_COMMITTER_DATE=@99999999999999 \
		pl -C p goal add "Far" 2>err &&
	echo "pl: invalid date in GIT_COMMITTER_DATE: ${SQ}@99999999999999${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 5 env GIT_AUTHOR_DATE="@253402300800 +0000" \
		pl -C p goal add "Far" 2>err &&
	test_expect_code 5 env GIT_AUTHOR_DATE="@4294967296 +0000" \
		pl -C p goal add "Far" 2>err &&
	echo "pl: invalid date in GIT_AUTHOR_DATE: ${SQ}@4294967296 +0000${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 5 env GIT_COMMITTER_DATE="2106-02-07T06:28:16Z" \
		pl -C p goal add "Far" 2>err &&
	echo "pl: invalid date in GIT_COMMITTER_DATE: ${SQ}2106-02-07T06:28:16Z${SQ}" >expect &&
	test_cmp expect err &&
	nothing_committed
'

test_expect_success 'the last second the commit header holds' '
	GIT_AUTHOR_DATE="@4294967295 +0000" \
	GIT_COMMITTER_DATE="2106-02-07T06:28:15Z" \
		pl -C p goal add "Last" >id &&
	grep "^created: 2106-02-07\$" p/goals/last.md &&
	git -C p log -1 --format="%at %ct" >at &&
	echo "4294967295 4294967295" >expect &&
	test_cmp expect at
'

test_expect_success '--due, --date and front matter dates are years 1000 to 9999' '
	head_before &&
	test_expect_code 5 pl -C p goal add --due 0999-12-31 "Old" 2>err &&
	echo "pl: invalid date ${SQ}0999-12-31${SQ} (expected YYYY-MM-DD)" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p evidence add --date 10000-01-01 -m x "New" &&
	write_script ed-due.sh <<-\EOF &&
	sed -e "s/^created: .*/created: 0999-01-01/" "$1" >"$1.new" &&
	mv "$1.new" "$1"
	EOF
	test_expect_code 5 env EDITOR="$TRASH_DIRECTORY/ed-due.sh" \
		pl -C p goal edit fractions 2>err &&
	nothing_committed &&
	rm -r p/.git/pl
'

# filter_checked KIND CMD...: CMD ID refuses a malformed and an unknown id
# of KIND as add does, and prints nothing.
filter_checked () {
	filter_kind_=$1 &&
	shift &&
	test_expect_code 5 "$@" ../x >out 2>err &&
	test_must_be_empty out &&
	echo "pl: invalid $filter_kind_ id ${SQ}../x${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 4 "$@" x >out 2>err &&
	test_must_be_empty out &&
	echo "pl: unknown $filter_kind_ ${SQ}x${SQ}" >expect &&
	test_cmp expect err
}

test_expect_success 'list filters check their ids as add does' '
	filter_checked goal pl -C p evidence list --goal &&
	filter_checked goal pl -C p reflect list --goal &&
	filter_checked evidence pl -C p reflect list --evidence &&
	pl -C p evidence list --goal fractions >out &&
	test_must_be_empty out
'

test_expect_success 'init: a value on two lines or with a control character' '
	test_expect_code 5 pl init --name Bo --grade "6
7" q 2>err &&
	echo "pl: the grade must be one line" >expect &&
	test_cmp expect err &&
	test_path_is_missing q &&
	test_expect_code 5 pl init --name "Bo${ESC}[2J" q 2>err &&
	echo "pl: the name must not contain control characters" >expect &&
	test_cmp expect err &&
	test_path_is_missing q &&
	test_expect_code 5 pl init --name Bo --grade "6${TAB}" q 2>err &&
	test_path_is_missing q &&
	test_expect_code 5 pl init --name Bo --author "Evil
X <x@example.com>" q 2>err &&
	echo "pl: an author must be one line" >expect &&
	test_cmp expect err &&
	test_path_is_missing q
'

test_expect_success '--author on two lines: no forged commit header' '
	head_before &&
	test_expect_code 5 pl -C p goal add --author "Evil
committer X <x@example.com>" "Forged" 2>err &&
	echo "pl: an author must be one line" >expect &&
	test_cmp expect err &&
	nothing_committed
'

test_expect_success 'an identity on two lines from the environment or config: exit 5' '
	head_before &&
	test_expect_code 5 env GIT_AUTHOR_NAME="Evil
Pl-Id: victim" pl -C p goal add "Forged" 2>err &&
	echo "pl: invalid identity ${SQ}Evil^JPl-Id: victim <teacher@example.com>${SQ}: the name must be one line" >expect &&
	test_cmp expect err &&
	nothing_committed &&
	test_expect_code 5 env GIT_COMMITTER_EMAIL="x@example.com
y" pl -C p goal add "Forged" 2>err &&
	echo "pl: invalid identity ${SQ}Test Teacher <x@example.com^Jy>${SQ}: the email must be one line" >expect &&
	test_cmp expect err &&
	nothing_committed
'

test_done
