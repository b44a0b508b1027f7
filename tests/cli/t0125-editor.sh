#!/bin/sh
test_description='the editor opens last; -m paragraphs; kept texts resumed'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	git -C p symbolic-ref --short HEAD >branch &&
	pl -C p goal add --id fractions "Fractions" >/dev/null &&
	pl -C p evidence add -m "Bars." --id bars "Fraction bars" >/dev/null &&
	mkdir folder &&
	write_script ed-marker.sh <<-\EOF &&
	echo ran >"$TRASH_DIRECTORY/editor-ran"
	EOF
	write_script ed-fail.sh <<-\EOF &&
	echo "Typed before the crash." >>"$1" &&
	exit 1
	EOF
	write_script ed-true.sh <<-\EOF
	cp "$1" "$TRASH_DIRECTORY/seen"
	EOF
'

# refused STATUS MESSAGE ARGS...: pl -C p ARGS fails with STATUS and
# MESSAGE before the editor starts, and commits and keeps nothing.
refused () {
	status=$1 message=$2 &&
	shift 2 &&
	rm -f editor-ran &&
	git -C p rev-parse HEAD >head-before &&
	test_expect_code $status env EDITOR="$TRASH_DIRECTORY/ed-marker.sh" \
		pl -C p "$@" >out 2>err &&
	test_must_be_empty out &&
	echo "pl: $message" >expect &&
	test_cmp expect err &&
	test_path_is_missing editor-ran &&
	git -C p rev-parse HEAD >head-after &&
	test_cmp head-before head-after &&
	ls -A p/.git/pl >kept 2>/dev/null || : &&
	test_must_be_empty kept
}

test_expect_success 'evidence add: bad arguments are refused before the editor' '
	refused 5 "invalid kind ${SQ}essay${SQ} (use artifact, observation, assessment, project or other)" \
		evidence add --kind essay "T" &&
	refused 4 "unknown goal ${SQ}nope${SQ}" evidence add --goal nope "T" &&
	refused 4 "${SQ}missing.pdf${SQ} does not exist" \
		evidence add --file missing.pdf "T" &&
	refused 5 "${SQ}../folder${SQ} is a directory; attach files one by one" \
		evidence add --file ../folder "T" &&
	refused 5 "invalid date ${SQ}2026-02-30${SQ} (expected YYYY-MM-DD)" \
		evidence add --date 2026-02-30 "T" &&
	refused 12 "evidence ${SQ}bars${SQ} exists already" \
		evidence add --id bars "T" &&
	refused 5 "empty evidence title" evidence add " "
'

test_expect_success 'reflect: bad arguments are refused before the editor' '
	refused 4 "unknown goal ${SQ}nope${SQ}" reflect --goal nope &&
	refused 4 "unknown evidence ${SQ}nope${SQ}" reflect --evidence nope &&
	refused 5 "invalid date ${SQ}yesterday-ish${SQ} (expected YYYY-MM-DD)" \
		reflect --date yesterday-ish &&
	refused 4 "unknown goal ${SQ}nope${SQ}" reflect add --goal fractions \
		--goal nope
'

test_expect_success 'a commit that cannot be made is refused before the editor' '
	test_when_finished "git -C p checkout -q $(cat branch)" &&
	git -C p checkout -q --detach &&
	refused 10 "HEAD is detached; check out a branch first" reflect &&
	refused 10 "HEAD is detached; check out a branch first" \
		evidence add "T" &&
	git -C p checkout -q "$(cat branch)" &&
	(
		unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME \
			GIT_COMMITTER_EMAIL &&
		test_expect_code 11 env EDITOR="$TRASH_DIRECTORY/ed-marker.sh" \
			pl -C p reflect 2>err &&
		grep "^pl: no identity: " err
	) &&
	test_path_is_missing editor-ran &&
	test_path_is_missing p/.git/pl/REFLECTION.md
'

test_expect_success 'repeated -m are paragraphs; other options: the last wins' '
	pl -C p reflect -m "First thought." -m "Second thought." >out &&
	printf "\nFirst thought.\n\nSecond thought.\n" >expect &&
	body_of "p/reflections/$(cat out).md" >actual &&
	test_cmp expect actual &&
	pl -C p evidence add --kind project --kind observation \
		--date 2026-11-01 --date 2026-11-02 -m "One." -m "Two." "Twice" \
		>out &&
	echo 2026-11-02-twice >expect &&
	test_cmp expect out &&
	grep "^kind: observation\$" p/evidence/2026-11-02-twice.md &&
	printf "\nOne.\n\nTwo.\n" >expect &&
	body_of p/evidence/2026-11-02-twice.md >actual &&
	test_cmp expect actual
'

test_expect_success 'a kept description: the message is the command that resumes it' '
	test_expect_code 1 env EDITOR="$TRASH_DIRECTORY/ed-fail.sh" \
		pl -C p evidence add --goal fractions --kind project \
		--date 2026-11-20 "Number line, drawn" >out 2>err &&
	test_must_be_empty out &&
	echo "pl: editor ${SQ}$TRASH_DIRECTORY/ed-fail.sh${SQ} failed; your description is kept; resume it with: pl -C p evidence add --goal fractions --kind project --date 2026-11-20 -F .git/pl/EVIDENCE.md ${SQ}Number line, drawn${SQ}" >expect &&
	test_cmp expect err &&
	cmd=$(sed -e "s/.*resume it with: //" err) &&
	eval "$cmd" >out &&
	echo 2026-11-20-number-line-drawn >expect &&
	test_cmp expect out &&
	grep "^Typed before the crash\\.\$" p/evidence/2026-11-20-number-line-drawn.md &&
	grep "^goals: \\[fractions\\]\$" p/evidence/2026-11-20-number-line-drawn.md &&
	grep "^kind: project\$" p/evidence/2026-11-20-number-line-drawn.md &&
	test_path_is_missing p/.git/pl/EVIDENCE.md
'

test_expect_success 'a second kept reflection gets its own file and command' '
	test_when_finished "rm -rf p/.git/pl" &&
	test_expect_code 1 env EDITOR="$TRASH_DIRECTORY/ed-fail.sh" \
		pl -C p reflect 2>err &&
	test_expect_code 1 env EDITOR="$TRASH_DIRECTORY/ed-fail.sh" \
		pl -C p reflect --goal fractions 2>err &&
	echo "pl: editor ${SQ}$TRASH_DIRECTORY/ed-fail.sh${SQ} failed; your reflection is kept; resume it with: pl -C p reflect --goal fractions -F .git/pl/REFLECTION-2.md" >expect &&
	test_cmp expect err &&
	(cd p && pl reflect add --goal fractions -F .git/pl/REFLECTION-2.md) &&
	test_path_is_missing p/.git/pl/REFLECTION-2.md &&
	test_path_is_file p/.git/pl/REFLECTION.md
'

test_expect_success 'a title starting with a dash is resumed after --' '
	test_when_finished "rm -rf p/.git/pl" &&
	test_expect_code 1 env EDITOR="$TRASH_DIRECTORY/ed-fail.sh" \
		pl -C p evidence add -- "-5 to 5" 2>err &&
	echo "pl: editor ${SQ}$TRASH_DIRECTORY/ed-fail.sh${SQ} failed; your description is kept; resume it with: pl -C p evidence add -F .git/pl/EVIDENCE.md -- ${SQ}-5 to 5${SQ}" >expect &&
	test_cmp expect err
'

test_expect_success 'the next edit that can be made resumes a kept edit' '
	write_script ed-term.sh <<-\EOF &&
	sed -e "s/^term: .*/term: medium/" -e "s/^title: .*/title: Fractions, kept/" \
		"$1" >"$1.new" && mv "$1.new" "$1"
	EOF
	write_script ed-fix.sh <<-\EOF &&
	cp "$1" "$TRASH_DIRECTORY/seen" &&
	sed -e "s/^term: .*/term: short/" "$1" >"$1.new" && mv "$1.new" "$1"
	EOF
	test_expect_code 5 env EDITOR="$TRASH_DIRECTORY/ed-term.sh" \
		pl -C p goal edit fractions 2>err &&
	echo "pl: goals/fractions.md: ${SQ}term${SQ} must be short or long; your edit is kept in ${SQ}$TRASH_DIRECTORY/p/.git/pl/EDIT-goal-fractions.md${SQ}; resume it with: pl -C p goal edit fractions" >expect &&
	test_cmp expect err &&
	git -C p checkout -q --detach &&
	test_expect_code 10 env EDITOR="$TRASH_DIRECTORY/ed-fix.sh" \
		pl -C p goal edit fractions 2>err &&
	git -C p checkout -q "$(cat branch)" &&
	echo "pl: HEAD is detached; check out a branch first" >expect &&
	test_cmp expect err &&
	EDITOR="$TRASH_DIRECTORY/ed-fix.sh" pl -C p goal edit fractions 2>err &&
	echo "pl: resuming your edit of goals/fractions.md kept in ${SQ}$TRASH_DIRECTORY/p/.git/pl/EDIT-goal-fractions.md${SQ}" >expect &&
	test_cmp expect err &&
	grep "^term: medium\$" seen &&
	grep "^title: Fractions, kept\$" p/goals/fractions.md &&
	grep "^term: short\$" p/goals/fractions.md &&
	echo "goal: edit fractions" >expect &&
	git -C p log -1 --format=%s >actual &&
	test_cmp expect actual &&
	test_path_is_missing p/.git/pl/EDIT-goal-fractions.md
'

test_expect_success 'kept edits of a goal and evidence with the same id stay apart' '
	test_when_finished "rm -rf p/.git/pl" &&
	pl -C p goal add --id bars "Bars goal" >/dev/null &&
	write_script ed-break.sh <<-\EOF &&
	printf -- "---\ntitle: [\n---\n" >"$1"
	EOF
	test_expect_code 6 env EDITOR="$TRASH_DIRECTORY/ed-break.sh" \
		pl -C p goal edit bars 2>/dev/null &&
	EDITOR="$TRASH_DIRECTORY/ed-true.sh" pl -C p evidence edit bars \
		2>err &&
	echo "pl: evidence/bars.md unchanged; nothing committed" >expect &&
	test_cmp expect err &&
	grep "^title: Fraction bars\$" seen &&
	test_path_is_file p/.git/pl/EDIT-goal-bars.md
'

# script(1) gives pl a terminal, so it asks
if script -qec true /dev/null >/dev/null 2>&1 </dev/null; then
	test_set_prereq TTY
fi

test_expect_success TTY 'on a terminal, pl asks; n discards the kept edit' '
	test_when_finished "rm -rf p/.git/pl" &&
	test_expect_code 6 env EDITOR="$TRASH_DIRECTORY/ed-break.sh" \
		pl -C p goal edit bars 2>/dev/null &&
	git -C p rev-parse HEAD >before &&
	printf "n\n" | EDITOR="$TRASH_DIRECTORY/ed-true.sh" \
		script -qec "$PL -C p goal edit bars" /dev/null >out &&
	grep "pl: your edit of goals/bars.md is kept in ${SQ}$TRASH_DIRECTORY/p/.git/pl/EDIT-goal-bars.md${SQ}; resume it (n: discard it)? \[Y/n\] " out &&
	grep "^title: Bars goal\$" seen &&
	test_path_is_missing p/.git/pl/EDIT-goal-bars.md &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after
'

test_done
