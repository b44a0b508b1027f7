#!/bin/sh
test_description='t0276-publish-again'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"
test_done
