#!/bin/sh
# Runs a program under valgrind's memcheck for .ci/run: as a test
# program (meson test --wrapper) and as the pl that the cli tests call
# (PL_WRAPPER).  An invalid read or write, a use of an uninitialised
# value or a definite leak exits 199: above 128, so test_must_fail and
# test_expect_code take it for a crash, never for one of pl's statuses.
# What libgit2 and its libraries keep until exit is "still reachable"
# and not counted.
exec valgrind --quiet --error-exitcode=199 --leak-check=full \
    --errors-for-leak-kinds=definite --show-leak-kinds=definite \
    --track-origins=no --num-callers=30 \
    --suppressions="$(dirname "$0")/valgrind.supp" "$@"
