#!/bin/sh
test_description='a framework of 200,000 rows: commands pay for the codes they name'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# Work is bounded by peak memory, not time: pl before the index read
# every row into memory for each command (164 MB here); through the
# index a command stays near a small portfolio's (about 20 MB).
if test -x /usr/bin/time && /usr/bin/time -f %M true 2>/dev/null
then
	test_set_prereq GNU_TIME
fi
BOUND=100000	# KiB

# peak FILE CMD...: runs CMD, its peak RSS (KiB) in FILE
peak () {
	out=$1 &&
	shift &&
	/usr/bin/time -f %M -o "$out" "$@" >/dev/null
}

test_expect_success 'setup: 200,000 standards import' '
	awk "BEGIN { print \"code,description\";
		for (i = 0; i < 200000; i++)
			printf \"S.%d,Standard %d\n\", i, i }" >fw.csv &&
	pl init --name "Ana Lima" p >/dev/null &&
	pl -C p align import --framework big "$TRASH_DIRECTORY/fw.csv" >out &&
	echo "imported big: 200000 standards" >expect &&
	test_cmp expect out &&
	pl -C p goal add --id first --standard S.1 First >/dev/null
'

test_expect_success 'the index is named by the framework blob' '
	blob=$(git -C p rev-parse HEAD:standards/big.csv) &&
	test_path_is_file "p/.git/pl/standards-$blob"
'

test_expect_success GNU_TIME 'goal add, evidence add, align rate, report: bounded' '
	peak goal pl -C p goal add --id sums --standard s.5 Sums &&
	peak ev pl -C p evidence add -m x --id quiz --standard S.199999 Quiz &&
	peak rate pl -C p align rate --date 2026-01-10 quiz S.199999 3 &&
	peak report pl -C p report --format json &&
	for f in goal ev rate report
	do
		test "$(tail -n 1 $f)" -lt $BOUND ||
		{ echo "$f: $(tail -n 1 $f) KiB" && return 1; }
	done
'

test_expect_success 'codes are found as before; the class counts every standard' '
	grep "^standards: \[S.5\]$" p/goals/sums.md &&
	test_expect_code 4 pl -C p goal add --standard S.2000000 X 2>err &&
	echo "pl: unknown standard ${SQ}S.2000000${SQ} (did you mean ${SQ}S.20000${SQ}, ${SQ}S.100000${SQ}, ${SQ}S.2000${SQ}?)" >expect &&
	test_cmp expect err &&
	printf "learner,portfolio\nAna,p\n" >roster.csv &&
	pl report --roster roster.csv --format csv >class.csv &&
	awk -F, "NR == 1 { for (i = 1; i <= NF; i++)
			if (\$i == \"standards_in_scope\") c = i }
		NR == 2 { print \$c }" class.csv >actual &&
	echo 200000 >expect &&
	test_cmp expect actual
'

test_expect_success 'a broken index is rebuilt' '
	blob=$(git -C p rev-parse HEAD:standards/big.csv) &&
	echo garbage >"p/.git/pl/standards-$blob" &&
	pl -C p goal add --id again --standard S.77 Again >/dev/null &&
	grep "^standards: \[S.77\]$" p/goals/again.md &&
	test $(wc -c <"p/.git/pl/standards-$blob") -gt 1000
'

test_expect_success 'over 1,000,000 rows: refused, nothing imported' '
	awk "BEGIN { print \"code,description\";
		for (i = 0; i <= 1000000; i++) printf \"C%d,d\n\", i }" \
		>over.csv &&
	before &&
	test_expect_code 6 pl -C p align import --framework over \
		"$TRASH_DIRECTORY/over.csv" 2>err &&
	echo "pl: $TRASH_DIRECTORY/over.csv:1000002: more than 1000000 standards (the most a framework may have)" >expect &&
	test_cmp expect err &&
	same_as_before
'

test_expect_success 'a field over 65536 bytes: refused' '
	awk "BEGIN { printf \"code,description\nA,\";
		for (i = 0; i < 65537; i++) printf \"x\"; print \"\" }" \
		>long.csv &&
	test_expect_code 6 pl -C p align import --framework long \
		"$TRASH_DIRECTORY/long.csv" 2>err &&
	echo "pl: $TRASH_DIRECTORY/long.csv:2: a field longer than 65536 bytes" >expect &&
	test_cmp expect err
'

test_done
