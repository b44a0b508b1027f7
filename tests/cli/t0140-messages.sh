#!/bin/sh
test_description='one pl: line per error, about what was typed, with its exit status'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

test_expect_success 'setup: a portfolio whose writers do not wait' '
	pl init --name "Maya Okafor" p >/dev/null &&
	pl -C p goal add --id maths "Times tables" >/dev/null &&
	git -C p config -f .plconfig portfolio.lockTimeout 0 &&
	git -C p commit -q -am "Writers do not wait" &&
	git -C p rev-parse HEAD >head
'

# The portfolio is as it was: HEAD, the files and the index.
unchanged() {
	git -C p rev-parse HEAD >head.now &&
	test_cmp head head.now &&
	git -C p status --porcelain >status &&
	test_must_be_empty status
}

test_expect_success 'pl -C with no folder: exit 2, says what is missing' '
	test_expect_code 2 pl -C >out 2>err &&
	test_must_be_empty out &&
	echo "pl: missing folder for option ${SQ}-C${SQ}; see ${SQ}pl --help${SQ}" >expect &&
	test_cmp expect err
'

test_expect_success 'an unknown global option is still unknown' '
	test_expect_code 2 pl -x goal list 2>err &&
	echo "pl: unknown option ${SQ}-x${SQ}; see ${SQ}pl --help${SQ}" >expect &&
	test_cmp expect err
'

test_expect_success 'pl goal --bogus names the command typed, not goal list' '
	test_expect_code 2 pl -C p goal --bogus >out 2>err &&
	test_must_be_empty out &&
	echo "pl: goal: unknown option ${SQ}--bogus${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 2 pl -C p profile --bogus 2>err &&
	echo "pl: profile: unknown option ${SQ}--bogus${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 2 pl -C p goal list --bogus 2>err &&
	echo "pl: goal list: unknown option ${SQ}--bogus${SQ}" >expect &&
	test_cmp expect err
'

test_expect_success 'typed text kept after a failed commit: one line' '
	write_script busy-editor <<-\EOF &&
	echo "Halves are easy now." >>"$1" &&
	touch "$(git rev-parse --git-dir)/index.lock"
	EOF
	test_when_finished "rm -f p/.git/index.lock" &&
	(
		cd p &&
		EDITOR=../busy-editor test_expect_code 8 pl reflect >../out \
			2>../err
	) &&
	test_must_be_empty out &&
	echo "pl: portfolio is busy: ${SQ}$TRASH_DIRECTORY/p/.git/index.lock${SQ} still exists after 0 s (a git command is running?); if none is, remove the file; your reflection is kept; resume it with: pl reflect -F .git/pl/REFLECTION.md" >expect &&
	test_cmp expect err &&
	grep "^Halves are easy now.$" p/.git/pl/REFLECTION.md &&
	rm p/.git/index.lock &&
	unchanged
'

test_expect_success 'evidence: the same, one line' '
	test_when_finished "rm -f p/.git/index.lock" &&
	(
		cd p &&
		EDITOR=../busy-editor test_expect_code 8 \
			pl evidence add "Fraction wall" >../out 2>../err
	) &&
	test_must_be_empty out &&
	echo "pl: portfolio is busy: ${SQ}$TRASH_DIRECTORY/p/.git/index.lock${SQ} still exists after 0 s (a git command is running?); if none is, remove the file; your description is kept; resume it with: pl evidence add -F .git/pl/EVIDENCE.md ${SQ}Fraction wall${SQ}" >expect &&
	test_cmp expect err &&
	rm p/.git/index.lock &&
	unchanged
'

test_expect_success '--rev naming a tree: not a commit (exit 4)' '
	test_expect_code 4 pl -C p goal list --rev HEAD:goals >out 2>err &&
	test_must_be_empty out &&
	echo "pl: ${SQ}HEAD:goals${SQ} is not a commit" >expect &&
	test_cmp expect err &&
	test_expect_code 4 pl -C p goal show --rev "HEAD^{tree}" maths 2>err &&
	echo "pl: ${SQ}HEAD^{tree}${SQ} is not a commit" >expect &&
	test_cmp expect err &&
	test_expect_code 4 pl -C p goal list --rev HEAD:goals/maths.md 2>err &&
	echo "pl: ${SQ}HEAD:goals/maths.md${SQ} is not a commit" >expect &&
	test_cmp expect err
'

test_expect_success '--rev naming an annotated tag reads its commit' '
	git -C p tag -a -m "Term 1" term1 &&
	pl -C p goal list --rev term1 >actual &&
	pl -C p goal list >expect &&
	test_cmp expect actual
'

test_done
