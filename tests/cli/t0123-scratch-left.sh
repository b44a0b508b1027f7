#!/bin/sh
test_description='a scratch text a killed pl was writing in .git/pl is removed by the next writer, a live one'"'"'s never'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

left () {
	(cd p/.git/pl 2>/dev/null && ls -A | grep "\.pl-tmp-" || :)
}

test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	pl -C p goal add --id maths --step "Learn the 7s" "Times tables" \
		>/dev/null &&
	write_script ed.sh <<-\EOF &&
	echo "Edited by hand." >>"$1"
	EOF
	test_path_is_file ed.sh
'
EDITOR="$TRASH_DIRECTORY/ed.sh"
export EDITOR

# pl goal edit writes the text to edit as .git/pl/EDIT-goal-maths.md,
# through a temporary file: killed at each write, then the next writer
# (goal edit again, or a list that saves its cache there) runs.
test_expect_success 'killed writing the text to edit: the next writer removes what it left' '
	rm -rf p/.git/pl &&
	PL_FAULT_KINDS="$TRASH_DIRECTORY/kinds" faulty -C p goal edit maths \
		>/dev/null &&
	seen=0 && k=0 &&
	for n in $(test_fault_points kinds)
	do
		k=$((k + 1)) &&
		rm -rf p/.git/pl count &&
		st=0 &&
		PL_FAULT_AT=$n PL_FAULT_SIGNAL=9 \
			PL_FAULT_COUNT="$TRASH_DIRECTORY/count" \
			faulty -C p goal edit maths >out 2>err || st=$? &&
		if test $st = 0 && test_fault_missed count $n
		then
			continue
		fi &&
		test $st = 137 &&
		left >before &&
		if test -s before
		then
			seen=$((seen + 1)) &&
			echo $n >at
		fi &&
		# (a kill while committing leaves the lock: taken over)
		if test $((k % 2)) = 1
		then
			pl -C p goal edit maths >/dev/null 2>&1
		else
			pl -C p goal list >/dev/null
		fi &&
		left >after &&
		test_must_be_empty after &&
		git -C p status --porcelain >actual &&
		test_must_be_empty actual || return 1
	done &&
	echo "$seen left a temporary file" &&
	test $seen -gt 0
'

# Stopped at the same write, alive: its file is left alone, and it goes
# on to finish.
test_expect_success 'a live writer'"'"'s temporary file stays' '
	rm -rf p/.git/pl &&
	mkfifo ready go &&
	{ PL_FAULT_AT=$(cat at) PL_FAULT_PAUSE="$TRASH_DIRECTORY" faulty -C p \
		goal edit maths >out 2>err & } &&
	live=$! &&
	test_when_finished "exec 9<>go 9>&-; wait $live || :" &&
	read x <ready &&
	left >before &&
	test_line_count = 1 before &&
	pl -C p goal list >/dev/null &&
	left >after &&
	test_cmp before after &&
	echo go >go &&
	wait $live &&
	test_must_be_empty err &&
	grep "^Edited by hand.\$" p/goals/maths.md &&
	left >after &&
	test_must_be_empty after &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

# The first process of a PID namespace is 1 each time: the pid in the
# name is the next pl's own, and the file is still a dead one's.
if test "$(id -u)" = 0 &&
	unshare --pid --fork --mount-proc true 2>/dev/null
then
	test_set_prereq UNSHARE
fi

test_expect_success UNSHARE 'killed as process 1 of a namespace: the next process 1 removes it' '
	rm -rf p/.git/pl &&
	{ PL_FAULT_AT=$(cat at) PL_FAULT_PAUSE="$TRASH_DIRECTORY" \
		unshare --pid --fork --mount-proc env \
		LD_PRELOAD="$PL_FAULT_LIB" \
		ASAN_OPTIONS="$ASAN_OPTIONS:verify_asan_link_order=0" \
		"$PL" -C p goal edit maths \
		>out 2>err & } &&
	ns=$! &&
	test_when_finished "exec 9<>go 9>&-; wait $ns || :" &&
	read x <ready &&
	left >before &&
	grep "\.pl-tmp-1-" before &&
	kill -9 $(cat /proc/$ns/task/$ns/children) &&
	{ wait $ns || :; } &&
	left >after &&
	test_cmp before after &&
	unshare --pid --fork --mount-proc "$PL" -C p goal list >/dev/null &&
	left >after &&
	test_must_be_empty after
'

test_done
