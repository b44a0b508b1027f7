#!/bin/sh
test_description='pl roster sync killed while it clones: the clone is whole or not there, and the next run clones it; a portfolio named twice is fetched once'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

url="file://$TRASH_DIRECTORY/base/ana.git"
clone="clones/file$TRASH_DIRECTORY/base/ana"
if command -v unshare >/dev/null && unshare --pid --fork --mount-proc true
then
	test_set_prereq PIDNS
fi

test_expect_success 'setup: a learner'"'"'s portfolio on a server, a roster naming it by URL' '
	pl init --name "Ana Lima" ana >/dev/null &&
	pl -C ana goal add --id fr --step One --step Two Fractions >/dev/null &&
	pl -C ana evidence add --id quiz --goal fr -m "Quiz." Quiz >/dev/null &&
	git clone -q --bare ana base/ana.git &&
	git -C base/ana.git rev-parse HEAD >want.head &&
	printf "learner,portfolio\nAna,%s\n" "$url" >class.csv
'

# The clone is there, whole: at the server's commit, clean; nothing else
# is in its folder.
whole () {
	git -C "$clone" rev-parse HEAD >got.head &&
	test_cmp want.head got.head &&
	git -C "$clone" status --porcelain >got.status &&
	test_must_be_empty got.status &&
	ls -A "$(dirname "$clone")" >got.left &&
	echo ana >want.left &&
	test_cmp want.left got.left
}

test_expect_success 'the writes of a roster sync that clones, counted' '
	PL_FAULT_KINDS="$TRASH_DIRECTORY/kinds" faulty roster sync \
		--clones clones -j 1 class.csv >out &&
	echo "Ana: cloned into $clone" >expect &&
	head -n 1 out >first &&
	test_cmp expect first &&
	whole &&
	pl report --roster class.csv --clones clones --format csv >/dev/null &&
	test $(test_fault_count kinds) -gt 10 &&
	test_fault_points kinds >points
'

# Killed (SIGKILL: a cron timeout, a power cut; SIGTERM: a shutdown) at
# each write (test_fault_points): the learner's folder is never half a
# clone, and the next roster sync clones it (or finds it whole) and
# leaves nothing behind.
for sig in 9 15
do
	test_expect_success "killed by signal $sig at each write of the clone: the next run clones it" '
		k=0 &&
		for i in $(cat points)
		do
			# SIGTERM ends pl as SIGKILL does: by default at
			# every other point
			k=$((k + 1)) &&
			if test $sig = 15 && test $((k % 2)) = 0 &&
				test "${PL_TEST_LONG:-0}" != 1
			then
				continue
			fi &&
			rm -rf clones &&
			test_expect_code $((128 + sig)) env PL_FAULT_AT=$i \
				PL_FAULT_SIGNAL=$sig LD_PRELOAD="$PL_FAULT_LIB" \
				ASAN_OPTIONS="$ASAN_OPTIONS:verify_asan_link_order=0" \
				"$PL" roster sync --clones clones -j 1 class.csv \
				>/dev/null 2>&1 &&
			if test -e "$clone"
			then
				whole || return 1
			fi &&
			pl roster sync --clones clones -j 1 class.csv >out 2>err &&
			test_must_be_empty err &&
			grep -E "^Ana: (cloned into $clone|up to date)\$" out &&
			whole || return 1
		done &&
		pl report --roster class.csv --clones clones >/dev/null
	'
done

test_expect_success 'pl clone: killed at each write, the folder is whole or not there; the next clone makes it' '
	rm -rf mine &&
	PL_FAULT_KINDS="$TRASH_DIRECTORY/clone.kinds" faulty clone "$url" mine \
		>/dev/null &&
	for i in $(test_fault_points clone.kinds)
	do
		rm -rf mine mine.pl-tmp-* &&
		if env PL_FAULT_AT=$i PL_FAULT_SIGNAL=9 \
			LD_PRELOAD="$PL_FAULT_LIB" \
			ASAN_OPTIONS="$ASAN_OPTIONS:verify_asan_link_order=0" \
			"$PL" clone "$url" mine >/dev/null 2>&1
		then
			rc=0
		else
			rc=$?
		fi &&
		{ test $rc = 0 || test $rc = 137; } &&
		if test -e mine
		then
			git -C mine rev-parse HEAD >got.head &&
			test_cmp want.head got.head
		else
			pl clone "$url" mine >out &&
			echo mine >expect &&
			test_cmp expect out
		fi &&
		ls -d mine* >got.left &&
		echo mine >want.left &&
		test_cmp want.left got.left || return 1
	done
'

test_expect_success PIDNS 'what a pl of another container left, named with this pl'"'"'s pid, goes; a live one'"'"'s stays' '
	rm -rf clones &&
	c=$clone &&
	mkdir -p "$c.pl-tmp-1/.git" &&
	echo "half a clone" >"$c.pl-tmp-1/.git/HEAD" &&
	mkdir "$c.pl-tmp-x" "$c.pl-tmp-1x" "$c.pl-tmp-2" &&
	# a live pl of another namespace: its pid is none here, its lock held
	mkfifo locked hold &&
	{ flock "$c.pl-tmp-2" sh -c "echo >locked; cat hold" & } &&
	read x <locked &&
	unshare --pid --fork --mount-proc "$PL" roster sync --clones clones \
		class.csv >out &&
	echo >hold &&
	wait $! &&
	grep "^Ana: cloned into $c\$" out &&
	ls -A "$(dirname "$c")" >got.left &&
	printf "ana\nana.pl-tmp-1x\nana.pl-tmp-2\nana.pl-tmp-x\n" >want.left &&
	test_cmp want.left got.left
'

test_expect_success 'a portfolio named on two rows is fetched once; the other row says why, in the class report'"'"'s words' '
	rm -rf clones &&
	cat >twice.csv <<-EOF &&
	learner,portfolio
	Ana,$url
	Ana L.,$url/
	Ben,ana
	ben,ana
	EOF
	test_expect_code 13 pl roster sync --clones clones twice.csv >out 2>err &&
	cat >expect <<-EOF &&
	Ana: cloned into $clone
	Ana L.: failed: line 3: the same portfolio as ${SQ}Ana${SQ} (line 2)
	Ben: a folder, left as it is
	ben: failed: line 5: ${SQ}ben${SQ} is listed already (line 4)
	4 portfolios: 1 cloned, 0 synced, 1 left as they are, 2 failed
	EOF
	test_cmp expect out &&
	echo "pl: 2 of 4 portfolios failed (their lines say why)" >expect &&
	test_cmp expect err &&
	test_expect_code 13 pl report --roster twice.csv --clones clones \
		--format csv >report.csv &&
	grep -F "line 3: the same portfolio as ${SQ}Ana${SQ} (line 2)" report.csv &&
	grep -F "line 5: ${SQ}ben${SQ} is listed already (line 4)" report.csv &&
	test_expect_code 13 pl roster sync --clones clones -j 4 twice.csv >out &&
	grep "^Ana: up to date\$" out &&
	grep "^Ana L.: failed: line 3: " out
'

test_done
