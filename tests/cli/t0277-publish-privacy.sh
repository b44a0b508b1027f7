#!/bin/sh
test_description='t0277-publish-privacy'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"
test_done
