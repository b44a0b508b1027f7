#!/bin/sh
test_description='align: every align.* setting of .plconfig that is not valid said in one line (exit 6), and the values at the edges taken'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"
. "$TEST_DIRECTORY/lib-standards.sh"

# M.1 rated 1 for the work of 01-10, then 4 for that of 01-11.
test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	printf "code,parent,grade,subject,description\nM.1,,6,Math,Ratios\n" |
		commit_standards p math &&
	pl -C p evidence add -m x --date 2026-01-10 --id one One >/dev/null &&
	pl -C p evidence add -m x --date 2026-01-11 --id two Two >/dev/null &&
	pl -C p align rate one M.1 1 &&
	pl -C p align rate two M.1 4 &&
	git -C p rev-parse HEAD >base
'

# set_align KEY VALUE...: back to the setup's commit, then commits
# .plconfig with align.KEY = VALUE for each KEY VALUE pair.
set_align () {
	git -C p reset -q --hard "$(cat base)" &&
	while test $# -gt 1
	do
		git -C p config -f .plconfig "align.$1" "$2" &&
		shift 2 || return 1
	done &&
	git -C p commit -q -a -m "by hand: a setting"
}

# Each line: key|value|why, the message after "pl: .plconfig: ".
test_expect_success 'each bad setting: exit 6, one line naming it, for status, rate and report' '
	cat >cases <<-\EOF &&
	scale|one|${SQ}align.scale${SQ} needs at least two levels
	scale|a,,b|${SQ}align.scale${SQ}: level 2 has no name
	scale|a, b, A|${SQ}align.scale${SQ}: ${SQ}A${SQ} names two levels
	scale|a, b, B|${SQ}align.scale${SQ}: ${SQ}B${SQ} names two levels
	mastery|0|${SQ}align.mastery${SQ} must be a level of the scale (1-4)
	mastery|5|${SQ}align.mastery${SQ} must be a level of the scale (1-4)
	mastery|2.5|${SQ}align.mastery${SQ} must be a level of the scale (1-4)
	mastery|three|invalid ${SQ}align.mastery${SQ} value ${SQ}three${SQ}
	mastery|-1|invalid ${SQ}align.mastery${SQ} value ${SQ}-1${SQ}
	mastery||invalid ${SQ}align.mastery${SQ} value ${SQ}${SQ}
	halves|maybe|invalid ${SQ}align.halves${SQ} value ${SQ}maybe${SQ}
	halves|2|invalid ${SQ}align.halves${SQ} value ${SQ}2${SQ}
	method|median|invalid ${SQ}align.method${SQ} value ${SQ}median${SQ}
	weight|0|${SQ}align.weight${SQ} must be more than 0 and at most 1
	weight|101|${SQ}align.weight${SQ} must be more than 0 and at most 1
	weight|65|${SQ}align.weight${SQ} must be more than 0 and at most 1: a fraction, so 65 % is 0.65
	weight|1.01|${SQ}align.weight${SQ} must be more than 0 and at most 1: a fraction, so 1.01 % is 0.0101
	weight|-0.5|invalid ${SQ}align.weight${SQ} value ${SQ}-0.5${SQ}
	weight|nan|invalid ${SQ}align.weight${SQ} value ${SQ}nan${SQ}
	weight|65%|invalid ${SQ}align.weight${SQ} value ${SQ}65%${SQ}
	ntimes|0|${SQ}align.ntimes${SQ} must be at least 1
	ntimes|1.5|invalid ${SQ}align.ntimes${SQ} value ${SQ}1.5${SQ}
	ntimes|1001|invalid ${SQ}align.ntimes${SQ} value ${SQ}1001${SQ}
	ntimes|x|invalid ${SQ}align.ntimes${SQ} value ${SQ}x${SQ}
	EOF
	while IFS="|" read -r key value why
	do
		(
			set_align "$key" "$value" &&
			echo "pl: .plconfig: $why" | sed "s/\${SQ}/$SQ/g" >expect &&
			test_expect_code 6 pl -C p align status >out 2>err &&
			test_must_be_empty out &&
			test_cmp expect err
		) || return 1
	done <cases &&
	(
		set_align weight 0 &&
		echo "pl: .plconfig: ${SQ}align.weight${SQ} must be more than 0 and at most 1" >expect &&
		before &&
		test_expect_code 6 pl -C p align rate one M.1 2 2>err &&
		test_cmp expect err &&
		same_as_before &&
		test_expect_code 6 pl -C p report >out 2>err &&
		test_must_be_empty out &&
		test_cmp expect err
	)
'

status_line () {
	pl -C p align status --all >out &&
	echo "$1" >expect &&
	sed -n 2p out >actual &&
	test_cmp expect actual
}

test_expect_success 'weight 1: taken, decaying and weighted are the latest rating alone' '
	set_align weight 1 &&
	status_line "M.1       mastered  4.00   1 4      -      one, two" &&
	git -C p config -f .plconfig align.method weighted &&
	git -C p commit -q -a -m "weighted" &&
	status_line "M.1       mastered  4.00   1 4      -      one, two"
'

test_expect_success 'weight 0.99, just under: the earlier rating counts a little' '
	set_align weight 0.99 &&
	status_line "M.1       mastered  3.97   1 4      -      one, two"
'

test_expect_success 'mastery at the top and the bottom of the scale, and a half with halves' '
	set_align mastery 4 &&
	status_line "M.1       not yet  2.95   1 4      -      one, two" &&
	set_align mastery 1 method latest &&
	status_line "M.1       mastered  4.00   1 4      -      one, two" &&
	set_align halves yes mastery 2.5 &&
	status_line "M.1       mastered  2.95   1 4      -      one, two"
'

test_expect_success 'ntimes 1 and 1000 are taken' '
	set_align method n-times ntimes 1 &&
	status_line "M.1       mastered  4.00   1 4      -      one, two" &&
	git -C p config -f .plconfig align.ntimes 1000 &&
	git -C p commit -q -a -m "a thousand" &&
	status_line "M.1       not yet (1 of 1000 at mastery)  -      1 4      -      one, two"
'

test_expect_success 'halves as git reads a boolean: yes, on, 1, true; no, off, 0, false' '
	>actual &&
	for v in yes On 1 TRUE no off 0 false
	do
		(
			set_align halves "$v" &&
			pl -C p align scale >out &&
			grep "^halves " out
		) >>actual || return 1
	done &&
	cat >expect <<-\EOF &&
	halves   yes
	halves   yes
	halves   yes
	halves   yes
	halves   no
	halves   no
	halves   no
	halves   no
	EOF
	test_cmp expect actual
'

test_done
