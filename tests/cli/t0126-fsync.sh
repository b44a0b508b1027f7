#!/bin/sh
test_description='every file a commit puts in place (the working files, the new index) is flushed to disk before the branch moves'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# The fault injector's log (PL_FAULT_LOG) lists each fsync and each name
# given, in order.  For every name pl gives once its branch has moved,
# one line: the path, and whether its file was flushed before the move
# (a file flushed under an earlier name counts; a name given anew, as
# libgit2 does writing the index under ".lock", must be flushed again).
flushed_before_move () {
	awk -v ref="$TRASH_DIRECTORY/$1/.git/$(git -C "$1" symbolic-ref HEAD)" \
		-v top="$TRASH_DIRECTORY/$1/" '
	function rel(f) {
		return index(f, top) == 1 ? substr(f, length(top) + 1) : f
	}
	($1 == "rename" || $1 == "link") && $3 == ref { moved = 1; next }
	!moved && ($1 == "fsync" || $1 == "fdatasync") { synced[$2] = 1; next }
	!moved && ($1 == "rename" || $1 == "link") { synced[$3] = synced[$2]; next }
	moved && $1 == "rename" {
		print rel($3) ": " (synced[$2] ? "flushed" : "NOT flushed")
	}' log
}

logged () {
	rm -f log &&
	(
		PL_FAULT_LOG="$TRASH_DIRECTORY/log" &&
		export PL_FAULT_LOG &&
		faulty "$@" >/dev/null
	)
}

test_expect_success 'init: the first commit'"'"'s files and index' '
	logged init --name "Ana Lima" p &&
	flushed_before_move p | sort >actual &&
	cat >expect <<-\EOF &&
	.git/index: flushed
	.gitattributes: flushed
	.plconfig: flushed
	profile.md: flushed
	EOF
	test_cmp expect actual &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'a new file and a changed file' '
	cat >expect <<-\EOF &&
	.git/index: flushed
	goals/maths.md: flushed
	EOF
	logged -C p goal add --id maths --step "One" "Maths" &&
	flushed_before_move p >actual &&
	test_cmp expect actual &&
	logged -C p goal step maths "Two" &&
	flushed_before_move p >actual &&
	test_cmp expect actual
'

test_expect_success 'an attachment, copied as it is stored' '
	echo "My notes." >notes.txt &&
	logged -C p evidence add --id quiz --goal maths \
		--file "$TRASH_DIRECTORY/notes.txt" -m "Done." "Quiz" &&
	flushed_before_move p | sort >actual &&
	cat >expect <<-\EOF &&
	.git/index: flushed
	evidence/quiz.md: flushed
	evidence/quiz/notes.txt: flushed
	EOF
	test_cmp expect actual
'

test_expect_success 'a removal: the index' '
	logged -C p evidence rm quiz &&
	flushed_before_move p >actual &&
	echo ".git/index: flushed" >expect &&
	test_cmp expect actual &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_done
