#!/bin/sh
test_description='pl sync in a race: the remote moves between its fetch and its push (a path, file://, smart HTTP), a sync killed in a linked worktree, the leftovers of a dead sync with this pid'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

command -v python3 >/dev/null || test_skip_all 'no python3'

# Smart HTTP (git http-backend runs the server's hooks), on a free port
# it prints once it listens; stopped when the script ends.
mkdir base &&
mkfifo http.fifo || exit 1
python3 "$TEST_DIRECTORY/git-server.py" http base >http.fifo 2>http.err &
http_pid=$!
read http_port <http.fifo
trap 'kill $http_pid 2>/dev/null; test_exit_trap_' EXIT
if command -v unshare >/dev/null && unshare --pid --fork --mount-proc true
then
	test_set_prereq PIDNS
fi

# The learner has a piece of evidence the remote lacks; the remote has
# a step the other clone pushed, which the learner lacks.
test_expect_success 'setup: a portfolio on a server, two clones, each with a change' '
	pl init --name "Ana Lima" ana >/dev/null &&
	pl -C ana goal add --id fr --step One Fractions >/dev/null &&
	git clone -q --bare ana base/ana.git &&
	git -C base/ana.git config http.receivepack true &&
	git clone -q base/ana.git learner &&
	git clone -q base/ana.git other &&
	pl -C other goal step fr Two &&
	(cd other && pl sync >/dev/null) &&
	pl -C learner evidence add --id quiz --goal fr -m "Quiz." Quiz \
		>/dev/null &&
	cp -a base/ana.git ana.git.before
'

# The learner's clone t syncs with the remote at URL $1; paused after its
# fetch, once its merge is written and before its push, the other clone
# pushes a step.  The sync fetches and merges again, and pushes.
race () {
	rm -rf base/ana.git t o count &&
	cp -a ana.git.before base/ana.git &&
	cp -a learner t && cp -a other o &&
	git -C t remote set-url origin "$1" &&
	# the writes of the sync before its push: those of one that does not
	cp -a t counted &&
	PL_FAULT_COUNT="$TRASH_DIRECTORY/count" faulty -C counted sync \
		--no-push >/dev/null &&
	rm -rf counted &&
	rm -f ready go &&
	mkfifo ready go &&
	{ PL_FAULT_AT=$(cat count) PL_FAULT_PAUSE="$TRASH_DIRECTORY" \
		faulty -C t sync >out 2>err & } &&
	read x <ready &&
	# the fetch is done: the remote-tracking branch has the other's step
	git -C t rev-parse origin/master >fetched &&
	git -C base/ana.git rev-parse master >remote &&
	test_cmp remote fetched &&
	pl -C o goal step fr Three &&
	(cd o && pl sync >/dev/null) &&
	git -C o rev-parse HEAD >moved &&
	echo go >go &&
	wait $! &&
	test_must_be_empty err &&
	grep "^Merged origin/master into master: 2 commits in, 2 out\\.\$" out &&
	grep "^Pushed master to origin\\.\$" out &&
	git -C t rev-parse HEAD >want &&
	git -C base/ana.git rev-parse master >got &&
	test_cmp want got &&
	git -C base/ana.git merge-base --is-ancestor "$(cat moved)" master &&
	grep -- "- \\[ \\] Three" t/goals/fr.md &&
	grep -- "- \\[ \\] Two" t/goals/fr.md &&
	test_path_is_file t/evidence/quiz.md
}

test_expect_success 'over a path, the remote moved between fetch and push: fetched and merged again, pushed' '
	race "$TRASH_DIRECTORY/base/ana.git"
'

test_expect_success 'over file://, the same' '
	race "file://$TRASH_DIRECTORY/base/ana.git"
'

# A server whose branch another clone moves while it receives the push,
# as many times as the file moves says: the hook pushes a commit of the
# clone mover into the same repository (its own hook, run again for that
# push, sees the file moving and does nothing).
test_expect_success 'setup: a server whose branch moves under a push' '
	git clone -q base/ana.git mover &&
	cat >base/ana.git/hooks/pre-receive <<-EOF &&
	#!/bin/sh
	test ! -e "$TRASH_DIRECTORY/moving" || exit 0
	n=\$(cat "$TRASH_DIRECTORY/moves")
	test "\$n" -gt 0 || exit 0
	echo \$((n - 1)) >"$TRASH_DIRECTORY/moves"
	unset GIT_DIR GIT_QUARANTINE_PATH GIT_OBJECT_DIRECTORY \
		GIT_ALTERNATE_OBJECT_DIRECTORIES GIT_PUSH_OPTION_COUNT
	cd "$TRASH_DIRECTORY/mover" &&
	git pull -q --no-rebase origin master &&
	echo "\$n" >>moved.txt &&
	git add moved.txt &&
	git commit -q -m "Moved \$n" &&
	: >"$TRASH_DIRECTORY/moving" &&
	git push -q origin HEAD:master >/dev/null 2>&1
	rm "$TRASH_DIRECTORY/moving"
	EOF
	chmod +x base/ana.git/hooks/pre-receive &&
	git clone -q "http://127.0.0.1:$http_port/ana.git" h &&
	echo 1 >moves
'

# h syncs, and its branch is the server's.
h_pushes () {
	(cd h && pl sync >../out 2>../err) &&
	test_must_be_empty err &&
	grep "^Pushed master to origin\\.\$" out &&
	git -C h rev-parse HEAD >want &&
	git -C base/ana.git rev-parse master >got &&
	test_cmp want got
}

test_expect_success 'over HTTP, the branch moved as the server took the push: fetched and merged again, pushed' '
	pl -C h goal step fr Four &&
	h_pushes &&
	echo 0 >expect &&
	test_cmp expect moves &&
	echo 1 >expect &&
	test_cmp expect h/moved.txt
'

test_expect_success 'a branch that moves at every try: three tries, exit 8, nothing pushed, run pl sync again' '
	echo 5 >moves &&
	pl -C h goal step fr Five &&
	(cd h && test_expect_code 8 pl sync >../out 2>../err) &&
	test_line_count = 1 err &&
	grep "^pl: origin refused the push (.*, 3 times); nothing was pushed; run pl sync again\$" err &&
	echo 2 >expect &&
	test_cmp expect moves &&
	git -C mover rev-parse HEAD >want &&
	git -C base/ana.git rev-parse master >got &&
	test_cmp want got &&
	echo 0 >moves &&
	h_pushes
'

# A linked worktree (git worktree add) of the teacher's clone, on master;
# the main checkout's branch follows origin/master too.  The remote has
# the learner's evidence the teacher lacks.
test_expect_success 'setup: a teacher with a linked worktree' '
	rm -rf base/ana.git &&
	cp -a ana.git.before base/ana.git &&
	git clone -q base/ana.git teacher &&
	git -C teacher checkout -q -b desk &&
	git -C teacher config branch.desk.remote origin &&
	git -C teacher config branch.desk.merge refs/heads/master &&
	(cd learner && pl sync >/dev/null) &&
	git -C learner rev-parse HEAD >want.head
'

worktree () {
	rm -rf main wt &&
	cp -a teacher main &&
	git -C main worktree add -q ../wt master
}

# wt and the main checkout have both brought in the learner's commits;
# nothing is locked.
both_synced () {
	git -C wt rev-parse HEAD >got.head &&
	test_cmp want.head got.head &&
	git -C main rev-parse HEAD >got.head &&
	test_cmp want.head got.head &&
	(cd main/.git && find . -path ./objects -prune -o \( -name "*.lock" \
		-o -name "sync.*" \) -print) >left &&
	test_must_be_empty left
}

test_expect_success 'sync in a linked worktree, counted' '
	worktree &&
	PL_FAULT_KINDS="$TRASH_DIRECTORY/wt.kinds" faulty -C wt sync \
		--no-push >out &&
	echo "Fast-forwarded master to origin/master: 2 commits in ($(git -C teacher rev-parse --short=7 master)..$(cut -c1-7 want.head))." >expect &&
	test_cmp expect out &&
	pl -C main sync --no-push >/dev/null &&
	both_synced &&
	test_fault_points wt.kinds >wt.points
'

test_expect_success 'killed at each write of a sync in a linked worktree: the next sync of either checkout goes through' '
	for i in $(cat wt.points)
	do
		worktree &&
		test_expect_code 137 env PL_FAULT_AT=$i PL_FAULT_SIGNAL=9 \
			LD_PRELOAD="$PL_FAULT_LIB" \
			ASAN_OPTIONS="$ASAN_OPTIONS:verify_asan_link_order=0" \
			"$PL" -C wt sync --no-push >/dev/null 2>&1 &&
		pl -C main sync --no-push >/dev/null &&
		pl -C wt sync --no-push >/dev/null &&
		both_synced || return 1
	done
'

test_expect_success PIDNS 'a dead sync of another container with this pl'"'"'s pid: its locks go; a live one'"'"'s stay' '
	worktree &&
	mkdir -p main/.git/pl main/.git/refs/remotes/origin &&
	echo "$TRASH_DIRECTORY/main/.git/refs/remotes/origin/master.lock" \
		>main/.git/pl/sync.1 &&
	: >main/.git/refs/remotes/origin/master.lock &&
	# a live sync of another namespace: its pid is none here, its list
	# held
	echo "$TRASH_DIRECTORY/main/.git/its.lock" >main/.git/pl/sync.2 &&
	: >main/.git/its.lock &&
	mkfifo locked hold &&
	{ flock main/.git/pl/sync.2 sh -c "echo >locked; cat hold" & } &&
	read x <locked &&
	unshare --pid --fork --mount-proc "$PL" -C wt sync --no-push >out &&
	echo >hold &&
	wait $! &&
	grep "^Fast-forwarded master to origin/master" out &&
	test_path_is_file main/.git/its.lock &&
	test_path_is_file main/.git/pl/sync.2 &&
	rm main/.git/its.lock main/.git/pl/sync.2 &&
	pl -C main sync --no-push >/dev/null &&
	both_synced
'

test_done
