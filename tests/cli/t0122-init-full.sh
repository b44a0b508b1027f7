#!/bin/sh
test_description='pl init on a full disk, or killed: nothing half made is left, and init again works'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# A real full disk, as root: a small tmpfs.
if test "$(id -u)" = 0 && mkdir "$TRASH_DIRECTORY/probe" &&
	mount -t tmpfs -o size=64k tmpfs "$TRASH_DIRECTORY/probe" 2>/dev/null
then
	umount "$TRASH_DIRECTORY/probe"
	test_set_prereq TMPFS
fi

# A portfolio made whole: its first commit, its files, nothing else.
whole () {
	git -C "$1" log --format=%s >actual &&
	echo "portfolio: init ana-lima" >expect &&
	test_cmp expect actual &&
	git -C "$1" status --porcelain --untracked-files=all --ignored >actual &&
	test_must_be_empty actual &&
	ls -A "$1" >actual &&
	printf "%s\n" .git .gitattributes .plconfig profile.md >expect &&
	test_cmp expect actual &&
	git -C "$1" fsck --strict --no-progress 2>fsck.err &&
	test_must_be_empty fsck.err
}

test_expect_success TMPFS 'a real full disk: init fails, leaves nothing, and works once there is room' '
	mkdir full &&
	mount -t tmpfs -o size=256k tmpfs full &&
	test_when_finished "umount \"$TRASH_DIRECTORY/full\"" &&
	{ head -c 300000 /dev/zero >full/fill 2>/dev/null || :; } &&
	test_expect_code 1 pl init --name "Ana Lima" full/new/p >out 2>err &&
	test_must_be_empty out &&
	test_line_count = 1 err &&
	grep "^pl: cannot make a repository: .*No space left on device\$" err &&
	mkdir full/empty &&
	test_expect_code 1 pl init --name "Ana Lima" full/empty >out 2>err &&
	ls -A full >actual &&
	printf "%s\n" empty fill >expect &&
	test_cmp expect actual &&
	ls -A full/empty >actual &&
	test_must_be_empty actual &&
	rm full/fill &&
	pl init --name "Ana Lima" full/new/p >out &&
	echo ana-lima >expect &&
	test_cmp expect out &&
	whole full/new/p &&
	pl init --name "Ana Lima" full/empty >out &&
	whole full/empty
'

# Each kind of write is tried (every write under PL_TEST_LONG=1): one
# libgit2 goes on without (a fallback) must still give a whole
# portfolio.
test_expect_success 'the writes of init' '
	PL_FAULT_KINDS="$TRASH_DIRECTORY/kinds" faulty init --name "Ana Lima" \
		new/p >/dev/null &&
	rm -rf new &&
	test_fault_points kinds >points &&
	test $(test_fault_count kinds) -gt 80 &&
	PL_FAULT_KINDS="$TRASH_DIRECTORY/k.kinds" faulty init --name "Ana Lima" \
		k >/dev/null &&
	rm -rf k &&
	test_fault_points k.kinds >k.points
'

test_expect_success 'a full disk at any write of init: exit 1, nothing left' '
	failed=0 &&
	for n in $(cat points)
	do
		st=0 &&
		PL_FAULT_AT=$n faulty init --name "Ana Lima" new/p >out 2>err ||
			st=$? &&
		if test $st = 0
		then
			whole new/p
		else
			failed=$((failed + 1)) &&
			test $st = 1 &&
			test_line_count = 1 err &&
			test_stderr_starts_pl err &&
			test_path_is_missing new
		fi &&
		rm -rf new || return 1
	done &&
	echo "$(wc -l <points) writes tried, $failed failed the init" &&
	test $failed -gt 20
'

test_expect_success 'killed at any write of init: init again makes it whole' '
	completed= &&
	for n in $(cat k.points) $(($(test_fault_count k.kinds) + 1))
	do
		rm -rf k &&
		st=0 &&
		PL_FAULT_AT=$n PL_FAULT_SIGNAL=9 faulty init --name "Ana Lima" k \
			>out 2>err || st=$? &&
		if test $st = 0
		then
			# no Nth write: the last point is past the end
			test $n -gt $(test_fault_count k.kinds) &&
			whole k &&
			completed=$n &&
			break
		fi &&
		test $st = 137 &&
		st=0 &&
		pl init --name "Ana Lima" k >out 2>err || st=$? &&
		# killed writing the config of a repository git can use: its
		# lock stays, as git'"'"'s own would, and is named
		if test $st = 8
		then
			echo "pl: cannot write git config: failed to lock file ${SQ}$TRASH_DIRECTORY/k/.git/config.lock${SQ} for writing: " >expect &&
			test_cmp expect err &&
			rm k/.git/config.lock &&
			st=0 &&
			pl init --name "Ana Lima" k >out 2>err || st=$?
		fi &&
		# killed after its commit: the portfolio is made, and the
		# next change finishes what the dead pl left
		if test $st = 12
		then
			echo "pl: ${SQ}k${SQ} already has commits" >expect &&
			test_cmp expect err &&
			pl -C k goal add "Then" >out 2>err &&
			echo then >expect &&
			test_cmp expect out &&
			git -C k status --porcelain --untracked-files=all >actual &&
			test_must_be_empty actual &&
			ls -A k >actual &&
			printf "%s\n" .git .gitattributes .plconfig goals \
				profile.md >expect &&
			test_cmp expect actual
		else
			test $st = 0 &&
			whole k
		fi || return 1
	done &&
	echo "$(wc -l <k.points) writes tried" &&
	test "$completed" = $n
'

# What pl init left before when the disk filled up: git's folders, no
# HEAD, no config, no object, no ref.
test_expect_success 'the half repository an older pl left: init completes it' '
	mkdir -p old/.git/hooks old/.git/info old/.git/refs/heads \
		old/.git/refs/tags old/.git/objects/info old/.git/objects/pack &&
	echo "Unnamed repository" >old/.git/description &&
	echo "# exclude" >old/.git/info/exclude &&
	echo "# hooks" >old/.git/hooks/README.sample &&
	pl init --name "Ana Lima" old >out &&
	echo ana-lima >expect &&
	test_cmp expect out &&
	whole old
'

test_expect_success 'a .git without HEAD that holds objects: refused, named, kept' '
	mkdir -p held/.git/objects/ab held/.git/refs/heads &&
	echo "not lost" >held/.git/objects/ab/cdef &&
	test_expect_code 12 pl init --name "Ana Lima" held >out 2>err &&
	echo "pl: ${SQ}held/.git${SQ} exists and is not a repository git can open; move it away or repair it" >expect &&
	test_cmp expect err &&
	echo "not lost" >expect &&
	test_cmp expect held/.git/objects/ab/cdef
'

test_done
