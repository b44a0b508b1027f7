#!/bin/sh
test_description='bytes pl does not understand are never dropped; size limits'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# refuses N MESSAGE ARGS...: "pl -C p ARGS" exits N with MESSAGE as its
# whole standard error and commits nothing: HEAD and every file stay.
refuses () {
	refuses_code_=$1 &&
	refuses_msg_=$2 &&
	shift 2 &&
	git -C p rev-parse HEAD >head-before &&
	{
		test_expect_code "$refuses_code_" pl -C p "$@" 2>err ||
		{ cat err >&2 && return 1; }
	} &&
	printf "%s\n" "$refuses_msg_" >expect-err &&
	test_cmp expect-err err &&
	git -C p rev-parse HEAD >head-after &&
	test_cmp head-before head-after &&
	git -C p status --porcelain >status &&
	test_must_be_empty status
}

# goal_fm TITLE [LINES]: the front matter of a goal written by hand.
goal_fm () {
	printf -- "---\ntitle: %s\nterm: short\nstatus: active\n" "$1" &&
	printf "created: 2026-11-01\n%s---\n" "${2:-}"
}

test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	pl -C p goal add --id plain "A plain goal" >/dev/null
'

test_expect_success 'front matter over 1 MiB is refused' '
	test_when_finished "git -C p reset -q --hard HEAD~1" &&
	{
		printf -- "---\ntitle: Big\n" &&
		dd if=/dev/zero bs=1024 count=1100 2>/dev/null |
			tr "\000" x | fold -w 64 | sed -e "s/^/# /" &&
		printf "\n---\n"
	} >p/goals/big.md &&
	git -C p add goals/big.md &&
	git -C p commit -q -m "A big front matter" &&
	refuses 6 "pl: goals/big.md:1: front matter is larger than 1 MiB" \
		goal show big
'

test_expect_success 'front matter with 60,000 keys is refused' '
	test_when_finished "git -C p reset -q --hard HEAD~1" &&
	{
		printf -- "---\ntitle: Keys\n" &&
		i=0 &&
		while test $i -lt 60000
		do
			echo "k$i: v" &&
			i=$((i + 1)) || return 1
		done &&
		echo ---
	} >p/goals/keys.md &&
	git -C p add goals/keys.md &&
	git -C p commit -q -m "Many keys" &&
	refuses 6 "pl: goals/keys.md:50001: front matter is too large" \
		goal show keys
'

test_done
