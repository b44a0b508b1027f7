#!/bin/sh
test_description='pl sync through a bare remote on this machine: a file both sides changed among many, a file taken out on one side and changed on the other, a remote deletion, a file pl does not merge, two syncs at once'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# A portfolio with a goal, a piece of evidence and a profile, shared as
# remote.git; "here" and "there" are two clones of it, made again for
# each test from the copy kept in start.git.
test_expect_success 'setup: a portfolio on a bare remote' '
	pl init --name "Ana Lima" ana >/dev/null &&
	pl -C ana goal add --id fr --step One --step Two Fractions >/dev/null &&
	pl -C ana evidence add --id a --goal fr -m "A." A >/dev/null &&
	echo "first notes" >ana/notes.txt &&
	git -C ana add notes.txt &&
	git -C ana commit -q -m "notes" &&
	git clone -q --bare ana start.git &&
	echo "a drawing" >drawing.txt &&
	echo "a poem" >poem.txt
'

fresh () {
	rm -rf remote.git here there &&
	cp -a start.git remote.git &&
	git clone -q remote.git here &&
	git clone -q remote.git there
}

# HEAD and the status of clone $1, to compare after a sync that stops.
note () {
	git -C $1 rev-parse HEAD >$1.head &&
	git -C $1 status --porcelain >$1.status &&
	git -C remote.git rev-parse HEAD >remote.head
}

unmoved () {
	git -C $1 rev-parse HEAD >now.head &&
	test_cmp $1.head now.head &&
	git -C $1 status --porcelain >now.status &&
	test_cmp $1.status now.status &&
	git -C remote.git rev-parse HEAD >now.head &&
	test_cmp remote.head now.head
}

# Ours changes many files (so the files both sides changed are found in
# ours' changes only after several probes of the search by path, at
# either end of the list), over several commits; theirs changes three
# of them otherwise.
test_expect_success 'files both sides changed, among many ours changed: each merged by structure, nothing lost' '
	fresh &&
	pl -C there goal step fr Three &&
	pl -C there evidence attach a ../drawing.txt >/dev/null &&
	pl -C there profile add strength Drawing &&
	(cd there && pl sync >/dev/null) &&
	for i in 01 02 03 04 05 06 07 08 09 10 11 12
	do
		pl -C here evidence add --id e$i -m "E$i." "E$i" >/dev/null ||
		return 1
	done &&
	pl -C here goal done fr 1 &&
	pl -C here evidence attach a ../poem.txt >/dev/null &&
	pl -C here profile set grade 7 &&
	(cd here && pl sync >../out) &&
	cat >expect <<-\EOF &&
	Merged origin/master into master: 3 commits in, 15 out.
	Merged by structure: evidence/a.md, goals/fr.md, profile.md
	Pushed master to origin.
	EOF
	test_cmp expect out &&
	sed -n "/^## Steps/,\$p" here/goals/fr.md >steps &&
	printf "%s\n" "## Steps" "" "- [x] One" "- [ ] Two" "- [ ] Three" >expect &&
	test_cmp expect steps &&
	grep "^grade: \"7\"\$" here/profile.md &&
	grep "^- Drawing\$" here/profile.md &&
	grep "^files: \[evidence/a/poem.txt, evidence/a/drawing.txt\]\$" here/evidence/a.md &&
	test_cmp drawing.txt here/evidence/a/drawing.txt &&
	test_cmp poem.txt here/evidence/a/poem.txt
'

# Git's rule (a modify/delete conflict): nothing is lost, so a sync
# that would have to drop one side's change stops.
test_expect_success 'taken out here, changed on the remote: a conflict naming the file, nothing changed' '
	fresh &&
	pl -C there evidence attach a ../drawing.txt >/dev/null &&
	(cd there && pl sync >/dev/null) &&
	pl -C here evidence rm a &&
	note here &&
	(cd here && test_expect_code 8 pl sync >../out 2>../err) &&
	echo "pl: cannot merge origin/master: evidence/a.md (taken out on one side, changed on the other); nothing was changed; to settle it, make this clone say what origin/master says (git checkout origin/master -- evidence/a.md && git commit), run pl sync, then change again what should differ" >expect &&
	test_cmp expect err &&
	test_must_be_empty out &&
	unmoved here &&
	test_path_is_missing here/evidence/a.md
'

test_expect_success 'changed here, taken out on the remote: the same' '
	fresh &&
	pl -C there evidence rm a &&
	(cd there && pl sync >/dev/null) &&
	pl -C here evidence attach a ../drawing.txt >/dev/null &&
	note here &&
	cp here/evidence/a.md a.before &&
	(cd here && test_expect_code 8 pl sync >../out 2>../err) &&
	echo "pl: cannot merge origin/master: evidence/a.md (taken out on one side, changed on the other); nothing was changed; to settle it, make this clone say what origin/master says (pl evidence rm a), run pl sync, then change again what should differ" >expect &&
	test_cmp expect err &&
	unmoved here &&
	test_cmp a.before here/evidence/a.md
'

test_expect_success 'taken out on both sides: no conflict' '
	fresh &&
	pl -C there evidence rm a &&
	(cd there && pl sync >/dev/null) &&
	test_tick &&
	pl -C here evidence rm a &&
	pl -C here goal step fr Three &&
	(cd here && pl sync >../out) &&
	grep "^Merged origin/master into master: 1 commit in, 2 out\\.\$" out &&
	test_path_is_missing here/evidence/a.md
'

test_expect_success 'a file taken out on the remote only goes here too: by a fast-forward, and by a merge' '
	fresh &&
	cp -a here ff &&
	pl -C there evidence rm a &&
	git -C there rm -q notes.txt &&
	git -C there commit -q -m "no notes" &&
	(cd there && pl sync >/dev/null) &&
	(cd ff && pl sync >../out) &&
	grep "^Fast-forwarded master to origin/master: 2 commits in" out &&
	test_path_is_missing ff/evidence/a.md &&
	test_path_is_missing ff/notes.txt &&
	pl -C here goal step fr Three &&
	(cd here && pl sync >../out) &&
	grep "^Merged origin/master into master: 2 commits in, 1 out\\.\$" out &&
	test_path_is_missing here/evidence/a.md &&
	test_path_is_missing here/notes.txt &&
	git -C here ls-files >files &&
	! grep "notes.txt\\|evidence/a.md" files &&
	git -C here status --porcelain >status &&
	test_must_be_empty status &&
	grep -- "- \\[ \\] Three" here/goals/fr.md
'

test_expect_success 'a file pl does not merge, changed on both sides: a conflict (exit 8), nothing lost' '
	fresh &&
	echo "their notes" >>there/notes.txt &&
	git -C there commit -q -am "their notes" &&
	(cd there && pl sync >/dev/null) &&
	echo "our notes" >>here/notes.txt &&
	git -C here commit -q -am "our notes" &&
	note here &&
	cp here/notes.txt notes.before &&
	(cd here && test_expect_code 8 pl sync >../out 2>../err) &&
	echo "pl: cannot merge origin/master: notes.txt (changed on both sides; pl merges goals, evidence, reflections and the profile); nothing was changed; to settle it, make this clone say what origin/master says (git checkout origin/master -- notes.txt && git commit), run pl sync, then change again what should differ" >expect &&
	test_cmp expect err &&
	test_must_be_empty out &&
	unmoved here &&
	test_cmp notes.before here/notes.txt &&
	git -C here show origin/master:notes.txt >theirs &&
	printf "first notes\ntheir notes\n" >expect &&
	test_cmp expect theirs
'

test_expect_success 'a file pl does not merge, changed alike on both sides or on one: merged' '
	fresh &&
	echo "more notes" >>there/notes.txt &&
	echo "plan" >there/plan.txt &&
	git -C there add plan.txt &&
	git -C there commit -q -am "notes, a plan" &&
	(cd there && pl sync >/dev/null) &&
	echo "more notes" >>here/notes.txt &&
	git -C here commit -q -am "the same notes" &&
	(cd here && pl sync >../out) &&
	grep "^Merged origin/master into master: 1 commit in, 1 out\\.\$" out &&
	printf "first notes\nmore notes\n" >expect &&
	test_cmp expect here/notes.txt &&
	echo plan >expect &&
	test_cmp expect here/plan.txt
'

# Sync A is paused in its fetch, holding FETCH_HEAD.lock, which its
# list in .git/pl names (the writes of a dry run end with the fetch's
# last); sync B, from a linked worktree, clears the list of a sync that
# died and leaves A's alone.  A then finishes.
test_expect_success 'two syncs at once: the second clears a dead one'"'"'s locks and keeps the live one'"'"'s' '
	fresh &&
	pl -C there goal step fr Three &&
	(cd there && pl sync >/dev/null) &&
	pl -C here evidence add --id b -m "B." B >/dev/null &&
	git -C here worktree add -q -b desk ../wt origin/master &&
	git -C here config branch.desk.remote origin &&
	git -C here config branch.desk.merge refs/heads/master &&
	cp -a here counted &&
	PL_FAULT_COUNT="$TRASH_DIRECTORY/count" faulty -C counted sync \
		--dry-run >/dev/null &&
	rm -rf counted &&
	test -s count &&
	dead=$(sh -c "echo \$\$") &&
	mkdir -p here/.git/pl &&
	echo "$TRASH_DIRECTORY/here/.git/packed-refs.lock" \
		>here/.git/pl/sync.$dead &&
	: >here/.git/packed-refs.lock &&
	rm -f ready go &&
	mkfifo ready go &&
	{ PL_FAULT_AT=$(cat count) PL_FAULT_PAUSE="$TRASH_DIRECTORY" \
		LD_PRELOAD="$PL_FAULT_LIB" \
		ASAN_OPTIONS="$ASAN_OPTIONS:verify_asan_link_order=0" \
		"$PL" -C here sync >out 2>err & } &&
	a=$! &&
	test_when_finished "kill $a 2>/dev/null || :" &&
	read x <ready &&
	test_path_is_file here/.git/FETCH_HEAD.lock &&
	(cd here/.git/pl && ls) >lists &&
	grep -v "^sync\\.$dead\$" lists >live &&
	test_line_count = 1 live &&
	(cd wt && pl sync --no-push >../wt.out) &&
	echo "Fast-forwarded desk to origin/master: 1 commit in ($(git -C here rev-parse --short=7 origin/master~1)..$(git -C here rev-parse --short=7 origin/master))." >expect &&
	test_cmp expect wt.out &&
	test_path_is_missing here/.git/pl/sync.$dead &&
	test_path_is_missing here/.git/packed-refs.lock &&
	test_path_is_file here/.git/pl/$(cat live) &&
	test_path_is_file here/.git/FETCH_HEAD.lock &&
	echo go >go &&
	wait $a &&
	test_must_be_empty err &&
	cat >expect <<-\EOF &&
	Merged origin/master into master: 1 commit in, 1 out.
	Pushed master to origin.
	EOF
	test_cmp expect out &&
	test_path_is_missing here/.git/pl/$(cat live) &&
	test_path_is_missing here/.git/FETCH_HEAD.lock &&
	grep -- "- \\[ \\] Three" here/goals/fr.md
'

test_done
