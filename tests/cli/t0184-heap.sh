#!/bin/sh
test_description='the heap pl reserves at start-up (cmd/main.c): asked for in huge pages, and a reserve that does not fit changes nothing'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# ASan's allocator takes no heap from the break: nothing to see there.
if ldd "$PL" 2>/dev/null | grep -q libasan
then
	test_skip_all 'an ASan build allocates beside the break'
fi
if strace -f -o /dev/null true 2>/dev/null
then
	test_set_prereq STRACE
fi
if (ulimit -d 131072 && "$PL" --version) >/dev/null 2>&1
then
	test_set_prereq DATALIMIT
fi

test_expect_success 'setup: a portfolio' '
	pl init --name "Ana Lima" p >/dev/null &&
	pl -C p goal add --id fractions --step "Halves" Fractions >/dev/null &&
	pl -C p evidence add -m "Did it." --goal fractions Quiz >/dev/null &&
	pl -C p report >expect
'

test_expect_success STRACE 'the heap is asked for in huge pages, 256 MiB of it' '
	strace -qq -e trace=madvise -o trace pl -C p report >out &&
	test_cmp expect out &&
	grep "madvise(0x[0-9a-f]*00000, 268435456, MADV_HUGEPAGE) = 0" trace
'

test_expect_success DATALIMIT 'a data limit below the reserve: the same report' '
	(ulimit -d 131072 && pl -C p report >out) &&
	test_cmp expect out &&
	(ulimit -d 131072 && pl -C p log >out) &&
	pl -C p log >expect.log &&
	test_cmp expect.log out
'

test_done
