#!/bin/sh
test_description='pl report: covered and mastered of what the learner works on (--scope)'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"
. "$TEST_DIRECTORY/lib-standards.sh"

# As t0173: grade 7, the K-12 CCSS math framework (517 standards).
test_expect_success 'setup' '
	ccss_learner k "Kim Sato" --grade 7
'

# By hand: grade 7 has 43 standards and the 8 practices are K-12, with
# 8.EE.A.1 and 6.NS.A.1 aligned 53; 3 covered (5.66%), 1 mastered (1.89%).
# The whole framework: 3 of 517 (0.58%), 1 of 517 (0.19%).
test_expect_success 'text: the shares of grade 7 and the standards aligned' '
	pl -C k report >out &&
	sed -n "/^Standards/,/^  CCSS/p" out | sed -n "2,3p" >actual &&
	cat >expect <<-\EOF &&
	  3 aligned, 3 with evidence, 1 mastered (decaying)
	  Of the standards of grade 7 and those aligned: 3 of 53 covered (5.7%), 1 mastered (1.9%)
	EOF
	test_cmp expect actual &&
	pl -C k report --for teacher >out &&
	grep "^  Of the standards of grade 7 and those aligned: 3 of 53 covered (5.7%), 1 mastered (1.9%)\$" out
'

test_expect_success '--scope all: the old whole, --scope aligned: the standards aligned' '
	pl -C k report --scope all >out &&
	grep "^  Of " out >actual &&
	echo "  Of every standard of the frameworks: 3 of 517 covered (0.6%), 1 mastered (0.2%)" >expect &&
	test_cmp expect actual &&
	pl -C k report --scope aligned >out &&
	grep "^  Of " out >actual &&
	echo "  Of the standards aligned: 3 of 3 covered (100.0%), 1 mastered (33.3%)" >expect &&
	test_cmp expect actual &&
	test_expect_code 5 pl -C k report --scope class 2>err &&
	echo "pl: unknown scope ${SQ}class${SQ} (use grade, aligned or all)" >expect &&
	test_cmp expect err
'

test_expect_success 'Markdown, HTML and JSON say the same' '
	pl -C k report --format md >out &&
	grep -x "Of the standards of grade 7 and those aligned: 3 of 53 covered (5.7%), 1 mastered (1.9%)." out &&
	pl -C k report --format html >out &&
	grep -x "<p>Of the standards of grade 7 and those aligned: 3 of 53 covered (5.7%), 1 mastered (1.9%).</p>" out &&
	pl -C k report --format json >out &&
	sed -n "/^  \"scope\": {/,/^  }/p" out >actual &&
	cat >expect <<-\EOF &&
	  "scope": {
	    "asked": "grade",
	    "used": "grade",
	    "grade": "7",
	    "standards": 53,
	    "covered": 3,
	    "covered_pct": 5.7,
	    "mastered": 1,
	    "mastered_pct": 1.9
	  },
	EOF
	test_cmp expect actual &&
	sed -n "/^  \"coverage\": {/,/^  }/p" out >actual &&
	cat >expect <<-\EOF &&
	  "coverage": {
	    "standards": 3,
	    "covered": 3,
	    "mastered": 1
	  },
	EOF
	test_cmp expect actual
'

test_expect_success 'the family view leaves the shares out' '
	pl -C k report --for family >out &&
	! grep "Of the standards" out
'

test_expect_success 'a profile without a grade: the standards aligned, and it says so' '
	sed "/^grade:/d" k/profile.md >p.md && mv p.md k/profile.md &&
	git -C k commit -q -a -m "no grade" &&
	pl -C k report >out &&
	grep "^  Of " out >actual &&
	echo "  Of the standards aligned (the profile has no grade): 3 of 3 covered (100.0%), 1 mastered (33.3%)" >expect &&
	test_cmp expect actual &&
	pl -C k report --format json >out &&
	grep -A3 "^  \"scope\": {" out >actual &&
	cat >expect <<-\EOF &&
	  "scope": {
	    "asked": "grade",
	    "used": "aligned",
	    "grade": null,
	EOF
	test_cmp expect actual
'

test_done
