#!/bin/sh
test_description='the write lock across PID namespaces: a dead pl whose pid the next one has is taken over, a live one in another namespace is waited for'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# The first process of a new PID namespace is 1, its first child 2, as
# in every container: a dead pl's pid is the next pl's own.
if test "$(id -u)" = 0 &&
	unshare --pid --fork --mount-proc true 2>/dev/null
then
	test_set_prereq UNSHARE
fi

# in_ns N CMD...: runs CMD in a new PID namespace as its process N
# (1, 2 or 3); exits as CMD does (128 + the signal when killed).
in_ns () {
	in_ns_n_=$1 &&
	shift &&
	case $in_ns_n_ in
	1)	unshare --pid --fork --mount-proc "$@" ;;
	2)	unshare --pid --fork --mount-proc sh -c '"$@"; exit $?' sh "$@" ;;
	3)	unshare --pid --fork --mount-proc \
			sh -c 'sleep 0; "$@"; exit $?' sh "$@" ;;
	esac
}

# in_ns N pl ARGS under the fault injector (PL_FAULT_* from the caller).
in_ns_faulty () {
	in_ns_n_=$1 &&
	shift &&
	in_ns $in_ns_n_ env LD_PRELOAD="$PL_FAULT_LIB" \
		ASAN_OPTIONS="$ASAN_OPTIONS:verify_asan_link_order=0" \
		"$PL" "$@"
}

# The pid, as seen here, of the pl below process $1 (a namespace's).
pl_below () {
	for pl_below_p_ in $(cat /proc/$1/task/*/children)
	do
		if test "$(cat /proc/$pl_below_p_/comm)" = pl
		then
			echo $pl_below_p_
		else
			pl_below $pl_below_p_
		fi
	done
}

left_in_git () {
	(cd p/.git && ls -a | grep -E "^pl[.-]|\.lock\$" || :)
}

test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	git -C p config -f .plconfig portfolio.lockTimeout 0.3 &&
	git -C p commit -q -am "Wait briefly" &&
	mkfifo ready go
'

# At each write of "goal add", pl is killed as process 2 of a namespace;
# the next pl, process 2 of the next namespace, finds the lock naming
# its own pid: it must take it over, say so, clean git's index.lock, and
# commit.  Before, it waited on itself and exited 8 every time.
test_expect_success UNSHARE 'killed as process 2: the next process 2 takes over' '
	n=0 && locks=0 &&
	while :
	do
		n=$((n + 1)) &&
		git -C p rev-parse HEAD >head.before &&
		st=0 &&
		PL_FAULT_AT=$n PL_FAULT_SIGNAL=9 in_ns_faulty 2 -C p goal add \
			"Killed at $n" >out 2>err || st=$? &&
		if test $st = 0
		then
			break
		fi &&
		test $st = 137 &&
		if test -f p/.git/pl.lock && test -f p/.git/index.lock
		then
			locks=$((locks + 1))
		fi &&
		st=0 &&
		in_ns 2 "$PL" -C p goal add "After $n" >out 2>err || st=$? &&
		test $st = 0 &&
		echo after-$n >expect &&
		test_cmp expect out &&
		if test -s err
		then
			echo "pl: warning: took over ${SQ}$TRASH_DIRECTORY/p/.git/pl.lock${SQ} from pl (pid 2), which is no longer running, and removed what it left" >expect &&
			test_cmp expect err
		fi &&
		git -C p status --porcelain --untracked-files=all >actual &&
		test_must_be_empty actual &&
		left_in_git >left &&
		test_must_be_empty left || return 1
	done &&
	echo "$n writes tried, $locks with pl.lock and index.lock left" &&
	test $locks -gt 5 &&
	git -C p fsck --strict --no-progress
'

# Process 1 ignores a signal it sends itself: it is stopped at a write
# holding both locks and killed from outside.
test_expect_success UNSHARE 'killed as process 1: the next process 1 takes over' '
	git -C p rev-parse HEAD >head.before &&
	{ PL_FAULT_AT=12 PL_FAULT_PAUSE="$TRASH_DIRECTORY" in_ns_faulty 1 \
		-C p goal add "Paused" >out 2>err & } &&
	ns=$! &&
	test_when_finished "exec 9<>go 9>&-; wait $ns || :" &&
	read x <ready &&
	test_path_is_file p/.git/pl.lock &&
	test_path_is_file p/.git/index.lock &&
	grep "^pid 1\$" p/.git/pl.lock &&
	kill -9 $(pl_below $ns) &&
	# (unshare says so its own way: exit 1, or 137)
	st=0 &&
	{ wait $ns || st=$?; } &&
	test $st != 0 &&
	test_path_is_file p/.git/pl.lock &&
	in_ns 1 "$PL" -C p goal add "Next" >out 2>err &&
	echo next >expect &&
	test_cmp expect out &&
	echo "pl: warning: took over ${SQ}$TRASH_DIRECTORY/p/.git/pl.lock${SQ} from pl (pid 1), which is no longer running, and removed what it left" >expect &&
	test_cmp expect err &&
	git -C p log -1 --format=%s >actual &&
	echo "goal: add next" >expect &&
	test_cmp expect actual &&
	git -C p rev-parse HEAD~1 >actual &&
	test_cmp head.before actual &&
	git -C p status --porcelain --untracked-files=all >actual &&
	test_must_be_empty actual &&
	left_in_git >left &&
	test_must_be_empty left
'

# A live pl in another namespace: its pid is not one here (before, pl
# took the lock of a live writer for a dead one's), or is this pl's own.
# The lock is held all the same.
for pids in "3 2" "2 2" "3 1"
do
	set -- $pids
	test_expect_success UNSHARE "a live pl, process $1 of another namespace, is waited for by process $2" '
		git -C p rev-parse HEAD >head.before &&
		{ PL_FAULT_AT=12 PL_FAULT_PAUSE="$TRASH_DIRECTORY" \
			in_ns_faulty '$1' -C p goal add "Holder" >holder.out \
			2>holder.err & } &&
		ns=$! &&
		# a failure below must not leave the holder waiting
		test_when_finished "exec 9<>go 9>&-; wait $ns || :" &&
		read x <ready &&
		grep "^pid '$1'\$" p/.git/pl.lock &&
		test_expect_code 8 in_ns '$2' "$PL" -C p goal add "Waiter" \
			>out 2>err &&
		echo "pl: portfolio is busy: pl (pid '$1' on $(uname -n)) still holds ${SQ}$TRASH_DIRECTORY/p/.git/pl.lock${SQ} after 0.3 s; try again" >expect &&
		test_cmp expect err &&
		test_path_is_file p/.git/index.lock &&
		echo go >go &&
		wait $ns &&
		echo holder >expect &&
		test_cmp expect holder.out &&
		test_must_be_empty holder.err &&
		git -C p log -1 --format=%s >actual &&
		echo "goal: add holder" >expect &&
		test_cmp expect actual &&
		git -C p status --porcelain --untracked-files=all >actual &&
		test_must_be_empty actual &&
		git -C p rm -q goals/holder.md &&
		git -C p commit -q -m "No holder" &&
		left_in_git >left &&
		test_must_be_empty left
	'
done

# The same in a linked worktree (git worktree add), whose index and
# locks are in .git/worktrees/NAME and whose branch is in the common
# folder.
left_anywhere () {
	(cd p/.git && find . -name "*.lock" -o -name "pl-*" -o -name "*.pl-tmp-*")
}

test_expect_success 'setup a linked worktree' '
	git -C p worktree add -q ../w -b side &&
	git -C p rev-parse HEAD >main.before
'

test_expect_success 'killed at any write in a linked worktree: the next pl takes over' '
	n=0 &&
	while :
	do
		n=$((n + 1)) &&
		git -C w rev-parse HEAD >head.before &&
		st=0 &&
		PL_FAULT_AT=$n PL_FAULT_SIGNAL=9 faulty -C w goal add \
			"Worktree killed at $n" >out 2>err || st=$? &&
		if test $st = 0
		then
			break
		fi &&
		test $st = 137 &&
		pl -C w goal add "Worktree after $n" >out 2>err &&
		echo worktree-after-$n >expect &&
		test_cmp expect out &&
		git -C w status --porcelain --untracked-files=all >actual &&
		test_must_be_empty actual &&
		git -C p status --porcelain --untracked-files=all >actual &&
		test_must_be_empty actual &&
		left_anywhere >left &&
		test_must_be_empty left || return 1
	done &&
	echo "$n writes tried" &&
	git -C p fsck --strict --no-progress &&
	git -C p rev-parse HEAD >actual &&
	test_cmp main.before actual
'

test_expect_success UNSHARE 'killed as process 2 in a linked worktree: the next process 2 takes over' '
	(
		PL_FAULT_AT=12 PL_FAULT_SIGNAL=9 &&
		export PL_FAULT_AT PL_FAULT_SIGNAL &&
		test_expect_code 137 in_ns_faulty 2 -C w goal add "Killed" \
			>out 2>err
	) &&
	test -f p/.git/worktrees/w/pl.lock &&
	test -f p/.git/worktrees/w/index.lock &&
	in_ns 2 "$PL" -C w goal add "Then" >out 2>err &&
	echo then >expect &&
	test_cmp expect out &&
	echo "pl: warning: took over ${SQ}$TRASH_DIRECTORY/p/.git/worktrees/w/pl.lock${SQ} from pl (pid 2), which is no longer running, and removed what it left" >expect &&
	test_cmp expect err &&
	git -C w status --porcelain --untracked-files=all >actual &&
	test_must_be_empty actual &&
	left_anywhere >left &&
	test_must_be_empty left
'

test_done
