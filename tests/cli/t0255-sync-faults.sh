#!/bin/sh
test_description='pl sync on a full disk or killed at every write: the clone is as it was, or the next sync completes it; nothing is lost'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# A learner and a teacher change one goal; the learner has pushed; the
# teacher's sync must fetch, merge the goal by structure and commit.
test_expect_success 'setup: two clones of one portfolio diverging on a goal' '
	pl init --name "Ana Lima" ana >/dev/null &&
	pl -C ana goal add --id fr --step One --step Two Fractions >/dev/null &&
	git clone -q --bare ana r.git &&
	git clone -q r.git learner &&
	git clone -q r.git teacher &&
	pl -C learner goal done fr 1 &&
	pl -C learner evidence add --id quiz --goal fr -m "Quiz." Quiz \
		>/dev/null &&
	(cd learner && pl sync >/dev/null) &&
	pl -C teacher goal step fr Three &&
	echo "A note of the teacher, not committed." >teacher/notes.txt &&
	cp -a teacher done &&
	(cd done && pl sync --no-push >/dev/null) &&
	git -C done rev-parse HEAD^{tree} >want.tree &&
	git -C done rev-parse HEAD^2 >want.theirs
'

# The clone t, as a person sees it: HEAD, index, files, status.
state () {
	git -C t rev-parse HEAD >"$1.head" &&
	git -C t ls-files -s >"$1.index" &&
	git -C t status --porcelain --untracked-files=all >"$1.status" &&
	(cd t && find . -path ./.git -prune -o -type f -print | sort |
		xargs cat) >"$1.files"
}

# t holds the merge: the tree the sync makes, both parents, a clean tree
# but for the note, which is still there.
merged () {
	git -C t rev-parse HEAD^{tree} >got.tree &&
	test_cmp want.tree got.tree &&
	git -C t rev-parse HEAD^2 >got.theirs &&
	test_cmp want.theirs got.theirs &&
	git -C t status --porcelain --untracked-files=all >got.status &&
	echo "?? notes.txt" >want.status &&
	test_cmp want.status got.status &&
	(cd t/.git && ls -a | grep -E "^(pl[.-]|index\\.lock)" || :) >left &&
	test_must_be_empty left &&
	# (a pack a killed fetch was writing may stay in objects/pack, as
	# with git: garbage nothing reads, not a lock in the way)
	(cd t/.git && find . -path ./objects -prune -o \( -name "*.lock" -o \
		-name "*.pl-tmp-*" -o -name "sync.*" \) -print) >left &&
	test_must_be_empty left
}

test_expect_success 'the writes of a sync, counted' '
	rm -rf t && cp -a teacher t &&
	PL_FAULT_KINDS="$TRASH_DIRECTORY/kinds" faulty -C t sync --no-push \
		>/dev/null &&
	merged &&
	test $(test_fault_count kinds) -gt 10 &&
	test_fault_points kinds >points &&
	test_fault_points --stages kinds >stages
'

test_expect_success 'a full disk at each write: as it was (or done), and the next sync does it' '
	for i in $(cat points)
	do
		rm -rf t && cp -a teacher t &&
		state before &&
		if PL_FAULT_AT=$i faulty -C t sync --no-push >out 2>err
		then
			merged || return 1
		else
			test_line_count = 1 err &&
			grep "^pl: " err &&
			state after &&
			test_cmp before.head after.head &&
			test_cmp before.index after.index &&
			test_cmp before.status after.status &&
			test_cmp before.files after.files &&
			pl -C t sync --no-push >/dev/null &&
			merged || return 1
		fi
	done
'

test_expect_success 'killed at each write: the next sync finishes or starts again, and nothing is lost' '
	for i in $(cat stages)
	do
		rm -rf t && cp -a teacher t &&
		test_expect_code 137 env PL_FAULT_AT=$i PL_FAULT_SIGNAL=9 \
			LD_PRELOAD="$PL_FAULT_LIB" \
			ASAN_OPTIONS="$ASAN_OPTIONS:verify_asan_link_order=0" \
			"$PL" -C t sync --no-push >/dev/null 2>&1 &&
		pl -C t sync --no-push >/dev/null 2>err &&
		merged &&
		grep "A note of the teacher" t/notes.txt || return 1
	done
'

test_done
