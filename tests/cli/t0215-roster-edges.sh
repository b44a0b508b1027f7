#!/bin/sh
test_description='pl report --roster at its edges: ties among who needs attention, rows without a name or repeated exactly, the window'"'"'s header, bad window dates, pages that cannot be written'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# Zed began on 10-01, Bea on 10-15 and Amy on 11-01, none with goals or
# evidence: on 12-10 all need attention for the same two reasons, Zed
# for 70 days, Bea for 56 and Amy for 39.  Line 5 has no learner; line
# 6 repeats line 2 exactly.  Odd is Zed with a setting no report takes.
test_expect_success 'setup' '
	on 2026-10-01 &&
	pl init --name Zed zed >/dev/null &&
	cp -R zed odd &&
	printf "[report]\n\tstalledDays = 0\n" >>odd/.plconfig &&
	git -C odd commit -q -am "Stalled days: 0" &&
	on 2026-10-15 &&
	pl init --name Bea bea >/dev/null &&
	on 2026-11-01 &&
	pl init --name Amy amy >/dev/null &&
	cat >roster.csv <<-\EOF
	learner,portfolio
	Amy,amy
	Zed,zed
	Bea,bea
	,amy
	Amy,amy
	EOF
'

test_expect_success 'as many reasons: the longer without evidence first, whatever the name; rows without a name or repeated exactly' '
	on 2026-12-10 &&
	test_expect_code 13 pl report --roster roster.csv >out 2>err &&
	sed -n "8,12p" out >actual &&
	cat >expect <<-EOF &&
	           bad-row: line 5: no learner name
	  Amy      bad-row: line 6: ${SQ}Amy${SQ} is listed already (line 2)
	  Zed           0    0        0        0       0       0       0  2026-10-01            -        -  no evidence in the 70 days since the portfolio began; no active goals
	  Bea           0    0        0        0       0       0       0  2026-10-15            -        -  no evidence in the 56 days since the portfolio began; no active goals
	  Amy           0    0        0        0       0       0       0  2026-11-01            -        -  no evidence in the 39 days since the portfolio began; no active goals
	EOF
	test_cmp expect actual &&
	echo "pl: 2 of 5 portfolios could not be read (their rows say why)" >expect &&
	test_cmp expect err
'

test_expect_success 'as of a day before a portfolio began: missing; a setting no report takes: broken' '
	printf "learner,portfolio\nAmy,amy\nOdd,odd\n" >early.csv &&
	test_expect_code 13 pl report --roster early.csv --as-of 2026-10-10 \
		>out &&
	sed -n "8,9p" out >actual &&
	cat >expect <<-EOF &&
	  Amy      missing: no commit on or before 2026-10-10
	  Odd      broken: .plconfig: ${SQ}report.stalledDays${SQ} must be a number of days from 1 to 36500, not ${SQ}0${SQ}
	EOF
	test_cmp expect actual
'

test_expect_success 'a today that is no date: refused before any portfolio is read' '
	GIT_AUTHOR_DATE=soon test_expect_code 5 pl report --roster roster.csv \
		>out 2>err &&
	echo "pl: invalid date in GIT_AUTHOR_DATE: ${SQ}soon${SQ}" >expect &&
	test_cmp expect err &&
	test_must_be_empty out
'

# Each learner's report is as of --until when --as-of is not given
# (pl-report(1)); so is the class's header.
test_expect_success '--until without --as-of: the class as of that day, as its rows' '
	on 2026-12-10 &&
	test_expect_code 13 pl report --roster roster.csv --since 2026-11-10 \
		--until 2026-11-20 >out &&
	head -n 2 out >actual &&
	cat >expect <<-\EOF &&
	Class report for roster.csv
	As of 2026-11-20, changes from 2026-11-10 to 2026-11-20
	EOF
	test_cmp expect actual &&
	grep "^  Zed .* no evidence in the 50 days since the portfolio began; no active goals\$" out
'

test_expect_success 'a bad --since or --until: one error naming it, no row' '
	on 2026-12-10 &&
	test_expect_code 5 pl report --roster roster.csv --since 2026-02-30 \
		>out 2>err &&
	echo "pl: invalid --since date ${SQ}2026-02-30${SQ} (use YYYY-MM-DD, today or yesterday)" >expect &&
	test_cmp expect err &&
	test_must_be_empty out &&
	test_expect_code 5 pl report --roster roster.csv --since 2026-11-01 \
		--until soon >out 2>err &&
	echo "pl: invalid --until date ${SQ}soon${SQ} (use YYYY-MM-DD, today or yesterday)" >expect &&
	test_cmp expect err &&
	test_must_be_empty out
'

test_expect_success 'a window that ends before it starts, or --until after --as-of: one error, no row' '
	on 2026-12-10 &&
	test_expect_code 5 pl report --roster roster.csv --as-of 2026-11-01 \
		--since 2026-11-20 >out 2>err &&
	echo "pl: the window ends (as of) before it starts (2026-11-20)" >expect &&
	test_cmp expect err &&
	test_must_be_empty out &&
	test_expect_code 5 pl report --roster roster.csv --since 2026-11-20 \
		--until 2026-11-10 >out 2>err &&
	echo "pl: the window ends (2026-11-10) before it starts (2026-11-20)" >expect &&
	test_cmp expect err &&
	test_must_be_empty out &&
	test_expect_code 5 pl report --roster roster.csv --as-of 2026-11-01 \
		--until 2026-11-10 >out 2>err &&
	echo "pl: --until 2026-11-10 is after --as-of 2026-11-01" >expect &&
	test_cmp expect err &&
	test_must_be_empty out
'

test_expect_success 'pages that cannot be written: the first named' '
	on 2026-12-10 &&
	mkdir -p pages/amy.html pages/zed.html &&
	test_expect_code 1 pl report --roster roster.csv -j 1 \
		--out-dir pages 2>err &&
	echo "pl: cannot write ${SQ}pages/amy.html${SQ}: Is a directory" >expect &&
	test_cmp expect err &&
	test_path_is_missing pages/index.html
'

# kit_pages_at N: Kit's family page to fam/ with the Nth write failing
# (the same writes as the run before: pl's caches in kit are made).
kit_pages_at () {
	PL_FAULT_AT=$1 faulty report --roster kit.csv --for family \
		--out-dir fam
}

# Kit's evidence is aligned to a standard: the class had begun to
# gather the standards when the page failed.
test_expect_success 'a family page whose files cannot be copied: not written' '
	on 2026-12-10 &&
	printf "Fractions, week 1\n" >notes.txt &&
	pl init --name Kit kit >/dev/null &&
	mkdir kit/standards &&
	printf "code,parent,grade,subject,description\nM.1,,6,Math,Add\n" \
		>kit/standards/math.csv &&
	git -C kit add standards &&
	git -C kit commit -q -m "standards: math" &&
	pl -C kit evidence add --id quiz --file "$TRASH_DIRECTORY/notes.txt" \
		--standard M.1 -m "A quiz." Quiz >/dev/null &&
	printf "learner,portfolio\nKit,kit\n" >kit.csv &&
	pl report --roster kit.csv >/dev/null &&
	PL_FAULT_KINDS="$TRASH_DIRECTORY/kinds" faulty report --roster kit.csv \
		--for family --out-dir fam >/dev/null &&
	n=$(awk "\$3 == \"mkdir\" && \$4 == \"fam/files\" { print \$1; exit }" kinds) &&
	test -n "$n" &&
	rm -rf fam &&
	test_expect_code 1 kit_pages_at $n 2>err >/dev/null &&
	echo "pl: cannot make the folder ${SQ}fam/files${SQ}: No space left on device" >expect &&
	test_cmp expect err &&
	test_path_is_missing fam/kit.html
'

# Portfolios may word one code differently.  The first learner in the
# roster's order has 400 works, so with two jobs the others are read
# before it: the class still takes its text, as one job does.
test_expect_success 'a code worded two ways: the first learner'"'"'s text, with any number of jobs' '
	on 2026-12-10 &&
	word () {
		pl init --name "$1" "$1" >/dev/null &&
		mkdir "$1/standards" &&
		printf "code,parent,grade,subject,description\nM.1,,6,Math,%s\n" \
			"$2" >"$1/standards/math.csv" &&
		git -C "$1" add standards &&
		git -C "$1" commit -q -m "standards: math" &&
		pl -C "$1" evidence add --standard M.1 -m "A quiz." Quiz >/dev/null
	} &&
	word first "Add fractions" &&
	for i in $(seq 1 400)
	do
		printf -- "---\ntitle: W$i\ndate: 2026-11-01\nstandards: [M.1]\n---\n" \
			>first/evidence/w$i.md || return 1
	done &&
	git -C first add -A &&
	git -C first commit -q -m "Works" &&
	word second Add && word third Add && word fourth Add &&
	printf "learner,portfolio\nA,first\nB,second\nC,third\nD,fourth\n" \
		>worded.csv &&
	printf "M.1,math,Add fractions,0,0,4,0,4\r\n" >expect &&
	for j in 1 2 4 2 2
	do
		pl report --roster worded.csv --format csv --standards -j $j \
			>out &&
		sed -n 2p out >actual &&
		test_cmp expect actual || return 1
	done
'

test_done
