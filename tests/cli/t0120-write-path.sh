#!/bin/sh
test_description='the write path: a full disk, kills and signals at every write, writers that wait, git beside pl'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# The fault injector (tests/fault/fault.c, run by faulty) counts pl's
# and libgit2's writes and fails, kills or pauses at the Nth.  The loops
# try one write of each kind (test_fault_points), every write with
# PL_TEST_LONG=1.

# What a person sees after a change that must not have happened: HEAD,
# index and working tree as they were, no lock, no temporary file.
snapshot () {
	{
		echo "# HEAD" && git -C p rev-parse HEAD &&
		echo "# index" && git -C p ls-files -s &&
		echo "# status" &&
		git -C p status --porcelain --untracked-files=all &&
		echo "# files" &&
		(cd p && find . -path ./.git -prune -o -type f -print | sort) &&
		echo "# locks and temporaries in .git" &&
		(cd p/.git && ls -a | grep -E "^(pl[.-]|index\.lock|.*\.lock$)" || :) &&
		echo "# empty folders" &&
		(cd p && find . -path ./.git -prune -o -type d -empty -print)
	} >"$1.state"
}

untouched () {
	snapshot now &&
	test_cmp before.state now.state &&
	! sed -n "/^# locks/,/^# empty/p" now.state | grep -v "^# " &&
	git -C p fsck --strict --no-progress 2>fsck.err &&
	test_must_be_empty fsck.err
}

test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	pl -C p goal add --id maths --step "Learn the 7s" "Times tables" \
		>/dev/null &&
	printf "line one\r\nline two\r\n" >notes.txt &&
	echo "A user file." >p/README.md &&
	git -C p add README.md &&
	git -C p commit -q -m "A read-me"
'

# A run that succeeded: its commit is whole; it is undone.
undo_commit () {
	git -C p status --porcelain >actual &&
	test_must_be_empty actual &&
	git -C p reset -q --hard HEAD~1 &&
	rm -rf p/.git/pl &&
	untouched
}

# Runs "$@" (pl's arguments) once to list its writes, then with each
# point failing (test_fault_points), then once more to succeed.  Each
# failure must be exit 1 with one line on stderr, and leave things
# untouched; a success (a fallback absorbed the fault) is undone.
each_write_fails () {
	rm -rf p/.git/pl kinds &&
	PL_FAULT_KINDS="$TRASH_DIRECTORY/kinds" faulty "$@" >/dev/null &&
	undo_commit &&
	test $(test_fault_count kinds) -gt 20 &&
	for n in $(test_fault_points kinds)
	do
		rm -rf p/.git/pl &&
		st=0 &&
		PL_FAULT_AT=$n faulty "$@" >out 2>err || st=$? &&
		if test $st = 0
		then
			undo_commit &&
			continue
		fi &&
		test $st = 1 &&
		test_stderr_starts_pl err &&
		test_line_count = 1 err &&
		test_must_be_empty out &&
		rm -rf p/.git/pl &&
		untouched || return 1
	done &&
	pl "$@" >out
}

test_expect_success 'a full disk at any write: nothing committed, nothing left' '
	snapshot before &&
	each_write_fails -C p evidence add --goal maths \
		--file "$TRASH_DIRECTORY/notes.txt" -m "Done." "Quiz" &&
	echo 2026-11-26-quiz >expect &&
	test_cmp expect out &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual &&
	git -C p show HEAD:evidence/2026-11-26-quiz/notes.txt >blob &&
	test_cmp notes.txt blob
'

# A real full disk, as root: a small tmpfs.
if test "$(id -u)" = 0 && mkdir "$TRASH_DIRECTORY/probe" &&
	mount -t tmpfs -o size=64k tmpfs "$TRASH_DIRECTORY/probe" 2>/dev/null
then
	umount "$TRASH_DIRECTORY/probe"
	test_set_prereq TMPFS
fi

test_expect_success TMPFS 'a real full disk (a 2 MB tmpfs): nothing committed, room given back' '
	mkdir full &&
	mount -t tmpfs -o size=2m tmpfs full &&
	test_when_finished "umount \"$TRASH_DIRECTORY/full\"" &&
	pl -C full init --name Full p >/dev/null &&
	pl -C full/p goal add --step a G >/dev/null &&
	head -c 1200000 /dev/urandom >r1200k &&
	head -c 300000 /dev/urandom >r300k &&
	git -C full/p rev-parse HEAD >before &&
	df -k full | tail -n 1 | awk "{ print \$3 }" >used.before &&
	test_expect_code 1 pl -C full/p evidence add -m x \
		--file "$TRASH_DIRECTORY/r1200k" first >out 2>err &&
	test_line_count = 1 err &&
	grep "^pl: .*No space left on device; nothing was committed\$" err &&
	git -C full/p rev-parse HEAD >after &&
	test_cmp before after &&
	df -k full | tail -n 1 | awk "{ print \$3 }" >used.after &&
	test_cmp used.before used.after &&
	git -C full/p status --porcelain --untracked-files=all >actual &&
	test_must_be_empty actual &&
	(cd full/p/.git && ls -a | grep -E "^pl[.-]|\.lock\$" || :) >left &&
	test_must_be_empty left &&
	git -C full/p fsck --strict --no-progress &&
	pl -C full/p evidence add -m x --file "$TRASH_DIRECTORY/r300k" second \
		>out &&
	git -C full/p show HEAD:evidence/2026-11-26-second/r300k >blob &&
	test_cmp r300k blob &&
	git -C full/p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'a full disk at any write of an edit: the edit is kept' '
	snapshot before &&
	write_script ed.sh <<-\EOF &&
	echo "Edited by hand." >>"$1"
	EOF
	EDITOR="$TRASH_DIRECTORY/ed.sh" each_write_fails -C p goal edit maths &&
	grep "^Edited by hand.\$" p/goals/maths.md &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'a full disk at any write of a removal: nothing removed' '
	pl -C p goal add --id gone --step "One" "To go" >/dev/null &&
	pl -C p evidence add --id tied --goal gone \
		--file "$TRASH_DIRECTORY/notes.txt" -m "Tied." "Tied" >/dev/null &&
	snapshot before &&
	each_write_fails -C p goal rm --force gone &&
	test_must_be_empty out &&
	test_path_is_missing p/goals/gone.md &&
	grep "^goals: \[\]\$" p/evidence/tied.md &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual &&
	snapshot before &&
	each_write_fails -C p evidence rm tied &&
	test_path_is_missing p/evidence/tied &&
	test_path_is_missing p/evidence/tied.md &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

# Once the new index is on disk, pl holds the signals back until the
# branch has moved and the files are in place: a signal there ends in a
# whole commit (exit 0).  Before, it must kill pl with nothing left.
# The three signals share one handler: by default each point gets one
# of them in turn, every point all three with PL_TEST_LONG=1.
test_expect_success 'SIGTERM, SIGINT, SIGHUP at any write: nothing left behind' '
	snapshot before &&
	rm -f kinds &&
	PL_FAULT_KINDS="$TRASH_DIRECTORY/kinds" faulty -C p goal add \
		"Signal dry run" >/dev/null &&
	undo_commit &&
	ready=$(awk "\$3 == \"fsync\" && \$4 ~ /pl-index/ { n = \$1 }
		END { print n }" kinds) &&
	test -n "$ready" &&
	test_fault_points --stages kinds >points &&
	for sig in 15 2 1
	do
		late= && k=0 &&
		for n in $(cat points)
		do
			k=$((k + 1)) &&
			if test "${PL_TEST_LONG:-0}" != 1 &&
				test $(( (k + sig) % 3)) != 0 &&
				test $n != $(tail -n 1 points)
			then
				continue
			fi &&
			snapshot before &&
			st=0 &&
			PL_FAULT_AT=$n PL_FAULT_SIGNAL=$sig faulty -C p goal add \
				"Signal $sig at $n" >out 2>err || st=$? &&
			if test $st = 0
			then
				# held back: only once the index is ready, and
				# the commit is whole
				test $n -gt $ready &&
				late=$n &&
				git -C p log -1 --format=%s >subject &&
				grep "goal: add signal-$sig-at-$n" subject &&
				git -C p status --porcelain >actual &&
				test_must_be_empty actual &&
				(cd p/.git && ls -a | grep -E "^pl[.-]|\.lock\$" || :) >left &&
				test_must_be_empty left &&
				continue
			fi &&
			# no kill once one was held back
			test -z "$late" &&
			test $st = $((128 + sig)) &&
			# the shell says how its child died; pl says nothing
			sed "/^\(Terminated\|Interrupt\|Hangup\)\$/d" err >err.pl &&
			test_must_be_empty err.pl &&
			untouched || return 1
		done &&
		# the last point is after the index was ready
		test -n "$late" || return 1
	done
'

test_expect_success 'SIGKILL at any write: the next pl takes over and says so' '
	for n in $(cat points)
	do
		git -C p rev-parse HEAD >head.before &&
		st=0 && rm -f count &&
		PL_FAULT_AT=$n PL_FAULT_SIGNAL=9 \
			PL_FAULT_COUNT="$TRASH_DIRECTORY/count" faulty -C p goal add \
			"Killed at $n" >out 2>err || st=$? &&
		if test $st = 0 && test_fault_missed count $n
		then
			continue
		fi &&
		test $st = 137 &&
		git -C p fsck --strict --no-progress 2>fsck.err &&
		test_must_be_empty fsck.err &&
		# killed before the branch moved: nothing committed; after:
		# the commit is whole, and the next pl puts its files in place
		if git -C p rev-parse HEAD | test_cmp head.before -
		then
			git -C p status --porcelain >actual &&
			test_must_be_empty actual &&
			done="removed what it left"
		else
			echo "goal: add killed-at-$n" >expect &&
			git -C p log -1 --format=%s >actual &&
			test_cmp expect actual &&
			git -C p rev-parse HEAD~1 >head.parent &&
			test_cmp head.before head.parent &&
			done="finished the commit it had made"
		fi &&
		pl -C p goal add "After $n" >out 2>err &&
		echo after-$n >expect &&
		test_cmp expect out &&
		if test -s err
		then
			echo "pl: warning: took over ${SQ}$TRASH_DIRECTORY/p/.git/pl.lock${SQ} from pl (pid PID), which is no longer running, and $done" >expect &&
			sed "s/pid [0-9]*/pid PID/" err >actual &&
			test_cmp expect actual
		fi &&
		git -C p status --porcelain >actual &&
		test_must_be_empty actual &&
		(cd p/.git && ls -a | grep -E "^pl[.-]|\.lock\$" || :) >left &&
		test_must_be_empty left || return 1
	done &&
	git -C p fsck --strict --no-progress
'

# --foreground: timeout kills pl alone and reaps it before it exits, so
# no zombie that still looks alive is left for the next pl to wait on.
# A kill may land after the branch moved and before the files are in
# place: the next pl finishes that commit, so the status is checked
# after it.
test_expect_success 'SIGKILL at random moments of a hundred writes' '
	i=0 &&
	rounds=10 &&
	if test "${PL_TEST_LONG:-0}" = 1
	then
		rounds=100
	fi &&
	while test $i -lt $rounds
	do
		i=$((i + 1)) &&
		ms=$(( (i * 7919) % 60 + 1 )) &&
		{ timeout --foreground -s KILL $(printf 0.%03d $ms)s "$PL" -C p \
			evidence add --file "$TRASH_DIRECTORY/notes.txt" \
			-m "Try $i" "Random $i" >/dev/null 2>&1 || :; } &&
		git -C p fsck --strict --no-progress 2>fsck.err &&
		test_must_be_empty fsck.err &&
		pl -C p goal add "Then $i" >out 2>err &&
		echo then-$i >expect &&
		test_cmp expect out &&
		git -C p status --porcelain >actual &&
		test_must_be_empty actual &&
		(cd p/.git && ls -a | grep -E "^pl[.-]|\.lock\$" || :) >left &&
		test_must_be_empty left || return 1
	done
'

test_expect_success 'a dead pl killed after its branch moved: the next finishes it' '
	git -C p rev-parse HEAD >before &&
	cat >p/.git/pl-tmp-1-0 <<-\EOF &&
	---
	title: Finished by another
	status: active
	term: short
	created: 2026-11-26
	---
	EOF
	git -C p hash-object -w .git/pl-tmp-1-0 >blob &&
	git -C p read-tree --index-output=.git/pl-index.1 HEAD &&
	GIT_INDEX_FILE=.git/pl-index.1 git -C p update-index --add \
		--cacheinfo 100644,$(cat blob),goals/finished.md &&
	tree=$(GIT_INDEX_FILE=.git/pl-index.1 git -C p write-tree) &&
	commit=$(git -C p commit-tree -p HEAD -m "goal: add finished" $tree) &&
	branch=$(git -C p symbolic-ref HEAD) &&
	pid=$(sh -c "echo \$\$") &&
	cat >p/.git/pl.lock <<-EOF &&
	pid $pid
	host $(uname -n)
	tmp $TRASH_DIRECTORY/p/.git/pl-tmp-1-0
	move $TRASH_DIRECTORY/p/.git/pl-tmp-1-0	$TRASH_DIRECTORY/p/goals/finished.md	-
	move $TRASH_DIRECTORY/p/.git/pl-index.1	$TRASH_DIRECTORY/p/.git/index	index
	commit $branch $commit
	EOF
	git -C p update-ref HEAD $commit &&
	pl -C p goal add "Next" >out 2>err &&
	echo "pl: warning: took over ${SQ}$TRASH_DIRECTORY/p/.git/pl.lock${SQ} from pl (pid $pid), which is no longer running, and finished the commit it had made" >expect &&
	test_cmp expect err &&
	test_path_is_file p/goals/finished.md &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual &&
	printf "%s\n" "goal: add next" "goal: add finished" >expect &&
	git -C p log -2 --format=%s >actual &&
	test_cmp expect actual
'

test_expect_success 'SIGKILL at any write of a removal: finished or undone by the next pl' '
	pl -C p evidence add --id kill-0 -m x \
		--file "$TRASH_DIRECTORY/notes.txt" "Kill 0" >/dev/null &&
	rm -f rm.kinds &&
	PL_FAULT_KINDS="$TRASH_DIRECTORY/rm.kinds" faulty -C p evidence rm \
		kill-0 >/dev/null &&
	for n in $(test_fault_points --stages rm.kinds)
	do
		pl -C p evidence add --id "kill-$n" -m x \
			--file "$TRASH_DIRECTORY/notes.txt" "Kill $n" >/dev/null &&
		st=0 && rm -f count &&
		PL_FAULT_AT=$n PL_FAULT_SIGNAL=9 \
			PL_FAULT_COUNT="$TRASH_DIRECTORY/count" faulty -C p \
			evidence rm "kill-$n" >out 2>err || st=$? &&
		pl -C p goal add "After removal $n" >/dev/null 2>&1 &&
		git -C p status --porcelain --untracked-files=all >actual &&
		test_must_be_empty actual &&
		(cd p/.git && ls -a | grep -E "^pl[.-]|\.lock\$" || :) >left &&
		test_must_be_empty left &&
		if git -C p log -2 --format=%s | grep -q "^evidence: rm kill-$n\$"
		then
			test_path_is_missing p/evidence/kill-$n &&
			test_path_is_missing p/evidence/kill-$n.md
		else
			test_path_is_file p/evidence/kill-$n/notes.txt
		fi &&
		if test $st = 0
		then
			test_fault_missed count $n
		else
			test $st = 137
		fi || return 1
	done
'

# A journal as a pl killed after its branch moved leaves it: the commit
# removes goals/$1.md, which the next pl removes if it still holds what
# was committed.
dead_remove () {
	pl -C p goal add --id "$1" "$1" >/dev/null &&
	blob=$(git -C p rev-parse HEAD:goals/$1.md) &&
	git -C p read-tree --index-output=.git/pl-index.1 HEAD &&
	GIT_INDEX_FILE=.git/pl-index.1 git -C p update-index --force-remove \
		goals/$1.md &&
	tree=$(GIT_INDEX_FILE=.git/pl-index.1 git -C p write-tree) &&
	commit=$(git -C p commit-tree -p HEAD -m "goal: rm $1" $tree) &&
	pid=$(sh -c "echo \$\$") &&
	cat >p/.git/pl.lock <<-EOF &&
	pid $pid
	host $(uname -n)
	move $TRASH_DIRECTORY/p/.git/pl-index.1	$TRASH_DIRECTORY/p/.git/index	index
	remove $TRASH_DIRECTORY/p/goals/$1.md	$blob
	commit $(git -C p symbolic-ref HEAD) $commit
	EOF
	git -C p update-ref HEAD $commit
}

# The next pl, "$@" its arguments, finishes the dead one's commit.
next_finishes () {
	pl -C p "$@" >out 2>err &&
	grep "finished the commit it had made\$" err
}

test_expect_success 'a dead pl killed after a removal was committed: the next finishes it' '
	dead_remove removed &&
	next_finishes goal add "Next remove" &&
	test_path_is_missing p/goals/removed.md &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual &&
	printf "%s\n" "goal: add next-remove" "goal: rm removed" >expect &&
	git -C p log -2 --format=%s >actual &&
	test_cmp expect actual
'

test_expect_success 'a dead pl'"'"'s removal: a file edited since is kept' '
	dead_remove edited &&
	echo "Edited since." >>p/goals/edited.md &&
	next_finishes goal add "After edit" &&
	grep "^Edited since.\$" p/goals/edited.md &&
	echo "?? goals/edited.md" >expect &&
	git -C p status --porcelain >actual &&
	test_cmp expect actual &&
	rm p/goals/edited.md
'

# Eight writers at once, each running "$2 W I" $1 times (W the writer,
# I the try): every run must succeed and print nothing on stderr.
eight_writers () {
	n=$1 fn=$2 pids= &&
	for w in 1 2 3 4 5 6 7 8
	do
		(
			i=0 &&
			while test $i -lt $n
			do
				i=$((i + 1)) &&
				$fn $w $i >/dev/null 2>>err.$fn.$w || exit 1
			done
		) &
		pids="$pids $!"
	done &&
	fails=0 &&
	for pid in $pids
	do
		wait $pid || fails=$((fails + 1))
	done &&
	cat err.$fn.* >errs &&
	test_must_be_empty errs &&
	test $fails = 0
}

add_goal () { "$PL" -C p goal add "Writer $1 goal $2"; }
add_step () { "$PL" -C p goal step shared "Writer $1 step $2"; }

test_expect_success 'eight writers at once: every change committed, once' '
	git -C p config -f .plconfig portfolio.lockTimeout 300 &&
	git -C p commit -q -am "Writers wait up to 300 s" &&
	git -C p rev-list --count HEAD >count.before &&
	eight_writers 20 add_goal &&
	echo $(( $(cat count.before) + 160 )) >expect &&
	git -C p rev-list --count HEAD >actual &&
	test_cmp expect actual &&
	git -C p log -160 --format=%s | sort -u | wc -l >actual &&
	echo 160 >expect &&
	test_cmp expect actual &&
	for w in 1 2 3 4 5 6 7 8
	do
		ls p/goals | grep -c "^writer-$w-goal-" >actual &&
		echo 20 >expect &&
		test_cmp expect actual || return 1
	done &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual &&
	git -C p fsck --strict --no-progress
'

test_expect_success 'eight writers on one goal: each runs again on the new HEAD' '
	pl -C p goal add --id shared "Shared goal" >/dev/null &&
	eight_writers 5 add_step &&
	grep -c "^- \[ \] Writer [1-8] step [1-5]\$" p/goals/shared.md >actual &&
	echo 40 >expect &&
	test_cmp expect actual &&
	git -C p log -40 --format=%s | grep -c "^goal: add step [0-9]* to shared\$" >actual &&
	test_cmp expect actual &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'a conflict after typing in the editor is not run again' '
	write_script ed-clash.sh <<-\EOF &&
	echo "By hand." >>"$1" &&
	cd "$TRASH_DIRECTORY/p" &&
	echo "- [ ] Theirs" >>goals/shared.md &&
	git commit -q -am "Theirs"
	EOF
	test_expect_code 8 env EDITOR="$TRASH_DIRECTORY/ed-clash.sh" \
		pl -C p goal edit shared 2>err &&
	grep "^pl: ${SQ}goals/shared.md${SQ} changed meanwhile" err &&
	test_line_count = 1 err &&
	echo Theirs >expect &&
	git -C p log -1 --format=%s >actual &&
	test_cmp expect actual &&
	rm -f p/.git/pl/EDIT-goal-shared.md
'

test_expect_success 'git add beside a pl write fails instead of being lost' '
	mkfifo ready go &&
	echo "a note" >p/note.txt &&
	# a pl that ends without pausing says so through ready (opened for
	# reading and writing: no wait for a reader); a test that fails
	# before "go" lets the paused pl go, so nothing is left running
	{ (
		PL_FAULT_AT=12 PL_FAULT_PAUSE="$TRASH_DIRECTORY" faulty -C p \
			evidence add --file "$TRASH_DIRECTORY/notes.txt" \
			-m "Beside git." "Beside" >pl.out 2>pl.err
		echo $? >pl.rc
		echo exited 1<>ready
	) & } &&
	test_when_finished "exec 9<>go 9>&-; wait $! || :" &&
	read x <ready &&
	test "$x" = ready &&
	test_must_fail git -C p add note.txt 2>git.err &&
	grep "index.lock${SQ}: File exists" git.err &&
	test_must_fail git -C p commit -q -m "Beside" 2>git.err &&
	grep "index.lock${SQ}: File exists" git.err &&
	echo go >go &&
	wait $! &&
	echo 0 >expect &&
	test_cmp expect pl.rc &&
	test_must_be_empty pl.err &&
	git -C p add note.txt &&
	git -C p commit -q -m "The note" &&
	git -C p show --format= --name-only HEAD >actual &&
	echo note.txt >expect &&
	test_cmp expect actual &&
	git -C p show --format= --name-only HEAD~1 | sort >actual &&
	printf "%s\n" evidence/2026-11-26-beside.md \
		evidence/2026-11-26-beside/notes.txt >expect &&
	test_cmp expect actual &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'a merge in progress: exit 10, nothing committed' '
	test_when_finished "git -C p merge --abort && git -C p branch -D side" &&
	git -C p checkout -q -b side &&
	echo "Side." >p/README.md &&
	git -C p commit -q -am "Side" &&
	git -C p checkout -q - &&
	echo "Main." >p/README.md &&
	git -C p commit -q -am "Main" &&
	test_must_fail git -C p merge -q side >/dev/null 2>&1 &&
	git -C p rev-parse HEAD >before &&
	test_expect_code 10 pl -C p goal add "In a merge" >out 2>err &&
	echo "pl: a merge (${SQ}git merge --abort${SQ} or ${SQ}git commit${SQ}) is in progress; finish or abort it first" >expect &&
	test_cmp expect err &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after &&
	test_path_is_missing p/goals/in-a-merge.md
'

test_expect_success 'a cherry-pick in progress: exit 10' '
	test_when_finished "git -C p cherry-pick --abort && git -C p branch -D side2" &&
	git -C p checkout -q -b side2 &&
	echo "Side two." >p/README.md &&
	git -C p commit -q -am "Side two" &&
	git -C p checkout -q - &&
	echo "Main two." >p/README.md &&
	git -C p commit -q -am "Main two" &&
	test_must_fail git -C p cherry-pick side2 >/dev/null 2>&1 &&
	test_expect_code 10 pl -C p goal add "In a pick" 2>err &&
	echo "pl: a cherry-pick is in progress; finish or abort it first" >expect &&
	test_cmp expect err
'

test_expect_success 'line endings: an attachment is stored as git add stores it' '
	echo "*.crlf text" >p/.gitattributes &&
	git -C p add .gitattributes &&
	git -C p commit -q -m "Text files" &&
	cp notes.txt notes.crlf &&
	pl -C p evidence add --file "$TRASH_DIRECTORY/notes.crlf" -m x "Crlf" \
		>/dev/null &&
	git -C p show HEAD:evidence/2026-11-26-crlf/notes.crlf >blob &&
	printf "line one\nline two\n" >expect &&
	test_cmp expect blob &&
	test_cmp notes.crlf p/evidence/2026-11-26-crlf/notes.crlf &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'a filter driver: its clean command is run as git runs it' '
	echo "*.up filter=upper" >>p/.gitattributes &&
	git -C p commit -q -am "Upper" &&
	git -C p config filter.upper.clean "tr a-z A-Z" &&
	git -C p config filter.upper.smudge cat &&
	echo "quiet words" >shout.up &&
	pl -C p evidence add --file "$TRASH_DIRECTORY/shout.up" -m x "Shout" \
		>/dev/null &&
	echo "QUIET WORDS" >expect &&
	git -C p show HEAD:evidence/2026-11-26-shout/shout.up >blob &&
	test_cmp expect blob &&
	test_cmp shout.up p/evidence/2026-11-26-shout/shout.up &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

# git status would run the broken filter too: check what pl left alone.
nothing_left () {
	git -C p rev-parse HEAD >now.head &&
	test_cmp before.head now.head &&
	(cd p/.git && ls -a | grep -E "^pl[.-]|\.lock\$" || :) >left &&
	test_must_be_empty left &&
	test_path_is_missing "p/evidence/$1"
}

test_expect_success 'a filter whose clean command fails: refused, nothing committed' '
	git -C p rev-parse HEAD >before.head &&
	git -C p config filter.upper.clean false &&
	test_expect_code 1 pl -C p evidence add --file "$TRASH_DIRECTORY/shout.up" \
		-m x "Fails" >out 2>err &&
	echo "pl: the clean command of filter ${SQ}upper${SQ} failed; nothing was committed" >expect &&
	test_cmp expect err &&
	nothing_left 2026-11-26-fails
'

test_expect_success 'a required filter pl cannot run: refused, nothing committed' '
	git -C p rev-parse HEAD >before.head &&
	git -C p config --unset filter.upper.clean &&
	git -C p config filter.upper.process "upper-process" &&
	git -C p config filter.upper.required true &&
	test_expect_code 1 pl -C p evidence add --file "$TRASH_DIRECTORY/shout.up" \
		-m x "Process" >out 2>err &&
	echo "pl: ${SQ}evidence/2026-11-26-process/shout.up${SQ} needs filter ${SQ}upper${SQ}, and pl runs only a clean command (filter.upper.clean), which is not set; nothing was committed" >expect &&
	test_cmp expect err &&
	nothing_left 2026-11-26-process &&
	git -C p config --remove-section filter.upper &&
	git -C p rm -q -r -f .gitattributes evidence/2026-11-26-shout \
		evidence/2026-11-26-shout.md evidence/2026-11-26-crlf \
		evidence/2026-11-26-crlf.md &&
	git -C p commit -q -m "No filters" &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

if test -x /usr/bin/time
then
	test_set_prereq TIME
fi

test_expect_success TIME 'a large attachment is streamed, not read into memory' '
	test_when_finished "rm -f big.bin" &&
	truncate -s 200M big.bin &&
	/usr/bin/time -f %M -o rss "$PL" -C p evidence add --file "$TRASH_DIRECTORY/big.bin" \
		-m "Big." "Big" >/dev/null &&
	echo "peak RSS $(cat rss) KiB" &&
	test $(cat rss) -lt 102400 &&
	git -C p cat-file -s HEAD:evidence/2026-11-26-big/big.bin >actual &&
	echo 209715200 >expect &&
	test_cmp expect actual &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual &&
	git -C p rm -q -r evidence/2026-11-26-big evidence/2026-11-26-big.md &&
	git -C p commit -q -m "Too big"
'

test_expect_success '--rev searching commit messages: exit 4, one line' '
	test_expect_code 4 pl -C p goal list --rev ":/nomatch" >out 2>err &&
	echo "pl: unknown revision ${SQ}:/nomatch${SQ} (pl does not search commit messages; name a commit, branch or tag)" >expect &&
	test_cmp expect err &&
	test_must_be_empty out
'

test_expect_success 'a lock of a live process on this host, or of another host, is waited for' '
	git -C p config -f .plconfig portfolio.lockTimeout 0.1 &&
	git -C p commit -q -am "Wait briefly" &&
	printf "pid %s\nhost %s\n" $$ "$(uname -n)" >p/.git/pl.lock &&
	test_expect_code 8 pl -C p goal add "Busy" 2>err &&
	echo "pl: portfolio is busy: pl (pid $$ on $(uname -n)) still holds ${SQ}$TRASH_DIRECTORY/p/.git/pl.lock${SQ} after 0.1 s; try again" >expect &&
	test_cmp expect err &&
	# a pid no process has here: another host'"'"'s are not seen
	dead=$(sh -c "echo \$\$") &&
	printf "pid %s\nhost elsewhere.example\nnonce 00000000\nflock\n" \
		$dead >p/.git/pl.lock &&
	test_expect_code 8 pl -C p goal add "Busy" 2>err &&
	echo "pl: portfolio is busy: pl (pid $dead on elsewhere.example) still holds ${SQ}$TRASH_DIRECTORY/p/.git/pl.lock${SQ} after 0.1 s; try again" >expect &&
	test_cmp expect err &&
	rm p/.git/pl.lock &&
	test_path_is_missing p/goals/busy.md
'

test_expect_success 'a bad lockTimeout: exit 6, named' '
	git -C p config -f .plconfig portfolio.lockTimeout soon &&
	git -C p commit -q -am "A bad timeout" &&
	test_expect_code 6 pl -C p goal add "Never" 2>err &&
	echo "pl: .plconfig: portfolio.lockTimeout must be a number of seconds from 0 to 3600, not ${SQ}soon${SQ}" >expect &&
	test_cmp expect err &&
	git -C p config -f .plconfig --unset portfolio.lockTimeout &&
	git -C p commit -q -am "Default timeout"
'

test_done
