#!/bin/sh
test_description='a dead pl'"'"'s lock: another host'"'"'s is never taken over; a commit finished over a file the person edited since keeps the edit'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

left_in_git () {
	(cd p/.git && ls -a | grep -E "^pl[.-]|\.lock\$" || :)
}

test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	git -C p config -f .plconfig portfolio.lockTimeout 0.2 &&
	git -C p commit -q -am "Wait briefly" &&
	pl -C p goal add --id maths --step "One" "Maths" >/dev/null &&
	git -C p symbolic-ref HEAD >branch &&
	# a pid no process has: a child started here and reaped
	sh -c "echo \$\$" >dead &&
	! kill -0 $(cat dead) 2>/dev/null &&
	uname -n >host
'

# The lock a pl of host $1 left, with pid $2 and lines $3 after them
# (the journal names a temporary file it made, which exists).
lock_of () {
	printf "pid %s\nhost %s\n%s" "$2" "$1" "$3" >p/.git/pl.lock &&
	echo "its draft" >p/.git/pl-tmp-$2-0 &&
	echo "tmp $TRASH_DIRECTORY/p/.git/pl-tmp-$2-0" >>p/.git/pl.lock
}

busy_with () {
	cp p/.git/pl.lock lock.before &&
	git -C p rev-parse HEAD >head.before &&
	test_expect_code 8 pl -C p goal add "Busy" >out 2>err &&
	echo "pl: portfolio is busy: $1 after 0.2 s; try again" >expect &&
	test_cmp expect err &&
	test_must_be_empty out &&
	test_cmp lock.before p/.git/pl.lock &&
	test_path_is_file p/.git/pl-tmp-$(cat dead)-0 &&
	git -C p rev-parse HEAD >head.after &&
	test_cmp head.before head.after &&
	test_path_is_missing p/goals/busy.md
}

test_expect_success 'another host'"'"'s lock with a dead pid, as an older pl left it: waited for, untouched' '
	dead=$(cat dead) &&
	lock_of elsewhere.example $dead "" &&
	busy_with "pl (pid $dead on elsewhere.example) still holds ${SQ}$TRASH_DIRECTORY/p/.git/pl.lock${SQ}"
'

test_expect_success 'another host'"'"'s lock with a dead pid and flock: waited for, untouched' '
	dead=$(cat dead) &&
	lock_of elsewhere.example $dead "nonce 00000000
flock
" &&
	busy_with "pl (pid $dead on elsewhere.example) still holds ${SQ}$TRASH_DIRECTORY/p/.git/pl.lock${SQ}"
'

test_expect_success 'a lock with no host (pl 0.1'"'"'s bare pid): waited for, untouched' '
	dead=$(cat dead) &&
	echo $dead >p/.git/pl.lock &&
	echo "its draft" >p/.git/pl-tmp-$dead-0 &&
	busy_with "pl (pid $dead) still holds ${SQ}$TRASH_DIRECTORY/p/.git/pl.lock${SQ}"
'

test_expect_success 'a lock that names no process: waited for, and the message says to remove it' '
	dead=$(cat dead) &&
	echo "scribbled" >p/.git/pl.lock &&
	cp p/.git/pl.lock lock.before &&
	test_expect_code 8 pl -C p goal add "Busy" 2>err &&
	echo "pl: portfolio is busy: ${SQ}$TRASH_DIRECTORY/p/.git/pl.lock${SQ} exists and names no process; if no pl is running, remove it" >expect &&
	test_cmp expect err &&
	test_cmp lock.before p/.git/pl.lock &&
	rm p/.git/pl.lock
'

test_expect_success 'the same dead pid on this host: taken over, what it left removed' '
	dead=$(cat dead) &&
	lock_of "$(cat host)" $dead "nonce 00000000
flock
" &&
	pl -C p goal add "Taken" >out 2>err &&
	echo taken >expect &&
	test_cmp expect out &&
	echo "pl: warning: took over ${SQ}$TRASH_DIRECTORY/p/.git/pl.lock${SQ} from pl (pid $dead), which is no longer running, and removed what it left" >expect &&
	test_cmp expect err &&
	left_in_git >left &&
	test_must_be_empty left
'

test_expect_success 'a dead pl'"'"'s private lock names: this host'"'"'s removed, another host'"'"'s kept' '
	dead=$(cat dead) &&
	mine=pl-lock.$(cat host).$dead-00000000-0 &&
	theirs=pl-lock.elsewhere.example.$dead-00000000-0 &&
	printf "pid %s\nhost %s\n" $dead "$(cat host)" >p/.git/$mine &&
	printf "pid %s\nhost elsewhere.example\n" $dead >p/.git/$theirs &&
	pl -C p goal add "Orphans" >out 2>err &&
	test_must_be_empty err &&
	test_path_is_missing p/.git/$mine &&
	test_path_is_file p/.git/$theirs &&
	rm p/.git/$theirs &&
	rm -f p/.git/pl-tmp-*
'

# pl "$@" killed just after its branch moved, before any file is in
# place: the commit is made, the working tree and index are as before.
killed_after_move () {
	git -C p rev-parse HEAD >head.before &&
	git -C p ls-files -s >index.before &&
	(
		PL_FAULT_AFTER="/$(cat branch)" &&
		export PL_FAULT_AFTER &&
		test_expect_code 137 faulty -C p "$@" >/dev/null 2>&1
	) &&
	git -C p rev-parse HEAD~1 >head.parent &&
	test_cmp head.before head.parent &&
	git -C p ls-files -s >index.now &&
	test_cmp index.before index.now &&
	test_path_is_file p/.git/pl.lock
}

# The next pl takes over and says it finished the dead one's commit;
# with $3, it says it kept that file as the person left it.
next_finishes () {
	pl -C p goal add "$1" >out 2>err &&
	echo "$2" >expect &&
	test_cmp expect out &&
	echo "pl: warning: took over ${SQ}$TRASH_DIRECTORY/p/.git/pl.lock${SQ} from pl (pid PID), which is no longer running, and finished the commit it had made" >expect &&
	if test -n "$3"
	then
		echo "pl: warning: kept ${SQ}$3${SQ} as it is, changed after that pl stopped: ${SQ}git diff -- $3${SQ} shows how it differs from the commit" >>expect
	fi &&
	sed "s/(pid [0-9]*)/(pid PID)/" err >actual &&
	test_cmp expect actual &&
	left_in_git >left &&
	test_must_be_empty left
}

test_expect_success 'killed after the branch moved: the next pl puts the files in place' '
	cp p/goals/maths.md maths.before &&
	killed_after_move goal step maths "Two" &&
	test_cmp maths.before p/goals/maths.md &&
	next_finishes "After" after &&
	git -C p show HEAD~1:goals/maths.md >maths.committed &&
	grep "^- \[ \] Two\$" maths.committed &&
	test_cmp maths.committed p/goals/maths.md &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'a file the person edited after the kill: the edit is kept, never overwritten' '
	killed_after_move goal step maths "Three" &&
	echo "By hand, after the kill." >>p/goals/maths.md &&
	cp p/goals/maths.md maths.edited &&
	next_finishes "After edit" after-edit goals/maths.md &&
	test_cmp maths.edited p/goals/maths.md &&
	# the commit is whole; the edit shows as a change to it
	git -C p show HEAD~1:goals/maths.md >maths.committed &&
	grep "^- \[ \] Three\$" maths.committed &&
	git -C p diff --cached --quiet &&
	echo " M goals/maths.md" >expect &&
	git -C p status --porcelain >actual &&
	test_cmp expect actual &&
	# and the next change to that file refuses rather than lose it
	test_expect_code 9 pl -C p goal step maths "Four" 2>err &&
	echo "pl: ${SQ}goals/maths.md${SQ} has uncommitted changes; commit or stash them first" >expect &&
	test_cmp expect err &&
	test_cmp maths.edited p/goals/maths.md &&
	git -C p checkout -- goals/maths.md
'

test_expect_success 'a file the person made where the dead pl'"'"'s new file goes: kept' '
	killed_after_move goal add --id fresh "Fresh" &&
	test_path_is_missing p/goals/fresh.md &&
	echo "Mine, written by hand." >p/goals/fresh.md &&
	next_finishes "After fresh" after-fresh goals/fresh.md &&
	echo "Mine, written by hand." >expect &&
	test_cmp expect p/goals/fresh.md &&
	git -C p show HEAD~1:goals/fresh.md >fresh.committed &&
	grep "^title: Fresh\$" fresh.committed &&
	echo " M goals/fresh.md" >expect &&
	git -C p status --porcelain >actual &&
	test_cmp expect actual &&
	git -C p checkout -- goals/fresh.md
'

test_expect_success 'a file the dead pl'"'"'s commit removes, edited after the kill: kept, untracked' '
	pl -C p goal add --id gone "Gone" >/dev/null &&
	killed_after_move goal rm gone &&
	echo "By hand, after the kill." >>p/goals/gone.md &&
	cp p/goals/gone.md gone.edited &&
	pl -C p goal add "After gone" >out 2>err &&
	echo after-gone >expect &&
	test_cmp expect out &&
	cat >expect <<-EOF &&
	pl: warning: took over ${SQ}$TRASH_DIRECTORY/p/.git/pl.lock${SQ} from pl (pid PID), which is no longer running, and finished the commit it had made
	pl: warning: kept ${SQ}goals/gone.md${SQ}, changed after that pl stopped, which the commit removes: it is now untracked
	EOF
	sed "s/(pid [0-9]*)/(pid PID)/" err >actual &&
	test_cmp expect actual &&
	test_cmp gone.edited p/goals/gone.md &&
	echo "?? goals/gone.md" >expect &&
	git -C p status --porcelain >actual &&
	test_cmp expect actual
'

test_done
