#!/bin/sh
test_description='pl sync pushing over a path or file://: the remote branch moved by another clone while the push is under way is never overwritten; a branch that follows another remote branch is named as it is'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# The learner's clone has a piece of evidence the remote lacks; the other
# clone has a step the remote lacks.  The remote logs its refs' updates.
test_expect_success 'setup: a bare remote, two clones, each with a change' '
	pl init --name "Ana Lima" ana >/dev/null &&
	pl -C ana goal add --id fr --step One Fractions >/dev/null &&
	git clone -q --bare ana ana.git &&
	git -C ana.git config core.logAllRefUpdates true &&
	git clone -q ana.git learner &&
	git clone -q ana.git other &&
	pl -C other goal step fr Two &&
	pl -C learner evidence add --id quiz --goal fr -m "Quiz." Quiz \
		>/dev/null &&
	cp -a ana.git ana.git.before
'

# The learner's clone t syncs with the remote at URL $1 (branch $2,
# default master, which the other clone o is on too).  It is paused at
# the first write of its push: it has fetched, merged and connected to
# the remote, and has not moved the remote's branch.  Meanwhile o syncs
# and pushes its step.  Then t goes on.
race () {
	b=${2:-master} &&
	rm -rf ana.git t o count &&
	cp -a ana.git.before ana.git &&
	cp -a learner t && cp -a other o &&
	git -C t remote set-url origin "$1" &&
	cp -a t counted &&
	PL_FAULT_COUNT="$TRASH_DIRECTORY/count" faulty -C counted sync \
		--no-push >/dev/null &&
	rm -rf counted &&
	rm -f ready go &&
	mkfifo ready go &&
	# a sync that ends without pausing says so through ready, opened
	# for reading and writing so as not to wait for a reader
	{ (
		PL_FAULT_AT=$(($(cat count) + 1)) \
			PL_FAULT_PAUSE="$TRASH_DIRECTORY" \
			faulty -C t sync >out 2>err
		echo $? >rc
		echo exited 1<>ready
	) & } &&
	# a check that fails before "go" must not leave the paused pl
	test_when_finished "exec 9<>go 9>&-; wait $! || :" &&
	read x <ready &&
	test "$x" = ready &&
	{ git -C ana.git rev-parse --verify -q "refs/heads/$b" \
		>before.remote || :; } &&
	{ git -C ana.git.before rev-parse --verify -q "refs/heads/$b" \
		>before.want || :; } &&
	test_cmp before.want before.remote &&
	(cd o && pl sync >/dev/null) &&
	git -C o rev-parse HEAD >moved &&
	echo go >go &&
	wait $! &&
	echo 0 >expect &&
	test_cmp expect rc
}

# Nothing is lost: the remote's branch is t's, and holds o's commit and
# t's change; t's remote-tracking branch is where it pushed.
nothing_lost () {
	b=${1:-master} &&
	test_must_be_empty err &&
	git -C t rev-parse HEAD >want &&
	git -C ana.git rev-parse "$b" >got &&
	test_cmp want got &&
	git -C t rev-parse "origin/$b" >got &&
	test_cmp want got &&
	{
		git -C ana.git merge-base --is-ancestor "$(cat moved)" "$b" ||
		{ echo "the other clone's commit is lost" && return 1; }
	} &&
	git -C ana.git show "$b:goals/fr.md" >fr.md &&
	grep -- "- \\[ \\] Two" fr.md &&
	git -C ana.git cat-file -e "$b:evidence/quiz.md" &&
	git -C ana.git fsck --no-dangling >fsck 2>&1 &&
	test_must_be_empty fsck
}

test_expect_success 'over a path: another clone pushes while the push is under way; fetched, merged, pushed, its commit kept' '
	race "$TRASH_DIRECTORY/ana.git" &&
	nothing_lost &&
	cat >expect <<-\EOF &&
	Merged origin/master into master: 1 commit in, 1 out.
	Pushed master to origin.
	EOF
	test_cmp expect out &&
	# the remote logs the push as git receive-pack does
	git -C ana.git reflog -1 --format=%gs master >got &&
	echo push >expect &&
	test_cmp expect got &&
	git -C ana.git for-each-ref refs/pl >left &&
	test_must_be_empty left
'

test_expect_success 'over file://, the same' '
	race "file://$TRASH_DIRECTORY/ana.git" &&
	grep "^Merged origin/master into master: 1 commit in, 1 out\\.\$" out &&
	grep "^Pushed master to origin\\.\$" out &&
	nothing_lost
'

test_expect_success 'a branch the remote has not: another clone makes it while the push is under way; fetched, merged, pushed' '
	rm -rf l2 o2 &&
	cp -a learner l2 && cp -a other o2 &&
	git -C learner checkout -q -b topic &&
	git -C other checkout -q -b topic &&
	git -C learner config branch.topic.remote origin &&
	git -C other config branch.topic.remote origin &&
	race "$TRASH_DIRECTORY/ana.git" topic &&
	grep "^Merged origin/topic into topic: 1 commit in, 1 out\\.\$" out &&
	grep "^Pushed topic to origin\\.\$" out &&
	nothing_lost topic &&
	rm -rf learner other &&
	mv l2 learner && mv o2 other
'

test_expect_success 'a remote on this machine that is not bare: nothing pushed, exit 1, said so' '
	rm -rf t &&
	cp -a learner t &&
	git clone -q ana.git.before checkout &&
	git -C t remote set-url origin "$TRASH_DIRECTORY/checkout" &&
	git -C checkout rev-parse HEAD >want &&
	(cd t && test_expect_code 1 pl sync >../out 2>../err) &&
	echo "pl: cannot push to $TRASH_DIRECTORY/checkout: not a bare repository" >expect &&
	test_cmp expect err &&
	git -C checkout rev-parse HEAD >got &&
	test_cmp want got
'

# A teacher's branch desk follows the remote's master.
test_expect_success 'setup: a branch that follows another remote branch' '
	rm -rf ana.git &&
	cp -a ana.git.before ana.git &&
	git clone -q ana.git teacher &&
	git -C teacher checkout -q -b desk &&
	git -C teacher config branch.desk.remote origin &&
	git -C teacher config branch.desk.merge refs/heads/master &&
	(cd learner && pl sync >/dev/null)
'

test_expect_success 'sync of desk names origin/master, the branch it fetched and pushed to' '
	before=$(git -C teacher rev-parse --short=7 HEAD) &&
	(cd teacher && pl sync >../out) &&
	after=$(git -C teacher rev-parse --short=7 HEAD) &&
	echo "Fast-forwarded desk to origin/master: 1 commit in ($before..$after)." >expect &&
	test_cmp expect out &&
	(cd teacher && pl sync >../out) &&
	echo "desk is up to date with origin/master." >expect &&
	test_cmp expect out &&
	pl -C teacher goal step fr Three &&
	(cd teacher && pl sync --dry-run >../out) &&
	cat >expect <<-\EOF &&
	Nothing new on origin/master.
	Would push desk to origin/master.
	EOF
	test_cmp expect out &&
	(cd teacher && pl sync >../out) &&
	cat >expect <<-\EOF &&
	Nothing new on origin/master.
	Pushed desk to origin/master.
	EOF
	test_cmp expect out &&
	git -C teacher rev-parse HEAD >want &&
	git -C ana.git rev-parse master >got &&
	test_cmp want got &&
	test_must_fail git -C ana.git rev-parse --verify -q refs/heads/desk
'

test_expect_success 'a merge of desk names origin/master' '
	pl -C learner goal step fr Four &&
	(cd learner && pl sync >/dev/null) &&
	pl -C teacher evidence add --id poster --goal fr -m "A poster." \
		Poster >/dev/null &&
	(cd teacher && pl sync >../out) &&
	cat >expect <<-\EOF &&
	Merged origin/master into desk: 2 commits in, 1 out.
	Pushed desk to origin/master.
	EOF
	test_cmp expect out &&
	git -C teacher log -1 --format=%s >got &&
	echo "sync: merge origin/master" >expect &&
	test_cmp expect got
'

test_expect_success 'a remote without the branch desk follows: named as such' '
	git -C teacher config branch.desk.merge refs/heads/gone &&
	(cd teacher && pl sync --no-push >../out) &&
	echo "origin has no branch gone yet." >expect &&
	test_cmp expect out
'

test_done
