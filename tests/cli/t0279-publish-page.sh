#!/bin/sh
test_description='t0279-publish-page'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"
test_done
