#!/bin/sh
test_description='t0278-publish-files'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"
test_done
