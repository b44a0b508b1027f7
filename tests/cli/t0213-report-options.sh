#!/bin/sh
test_description='pl report: a bad --since or --until, each named; report.stalledDays out of range or empty'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

test_expect_success 'setup' '
	on 2026-11-01 &&
	pl init --name "Ana" p >/dev/null &&
	pl -C p goal add --id g --due 2027-06-01 Goal >/dev/null
'

test_expect_success 'a bad --since or --until: the option and the date named' '
	test_expect_code 5 pl -C p report --since 2026-02-30 2>err &&
	echo "pl: invalid --since date ${SQ}2026-02-30${SQ} (use YYYY-MM-DD, today or yesterday)" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p report --since 2026-11-01 --until soon \
		2>err &&
	echo "pl: invalid --until date ${SQ}soon${SQ} (use YYYY-MM-DD, today or yesterday)" >expect &&
	test_cmp expect err
'

stalled_days_refused () {
	cp -R p q &&
	printf "[report]\n\tstalledDays = %s\n" "$1" >>q/.plconfig &&
	git -C q commit -q -am "Stalled days: $1" &&
	test_expect_code 6 pl -C q report 2>err &&
	echo "pl: .plconfig: ${SQ}report.stalledDays${SQ} must be a number of days from 1 to 36500, not ${SQ}$2${SQ}" >expect &&
	test_cmp expect err &&
	rm -rf q
}

test_expect_success 'report.stalledDays: 1 to 36500, nothing else' '
	stalled_days_refused 0 0 &&
	stalled_days_refused 36501 36501 &&
	stalled_days_refused 5d 5d &&
	stalled_days_refused "\"\"" "" &&
	cp -R p q &&
	printf "[report]\n\tstalledDays = 36500\n" >>q/.plconfig &&
	git -C q commit -q -am "Stalled days: 36500" &&
	pl -C q report --for teacher >out &&
	rm -rf q
'

test_done
