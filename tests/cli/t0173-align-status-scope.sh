#!/bin/sh
test_description='pl align status: the learner'"'"'s grade and the standards aligned by default, --all for every one'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"
. "$TEST_DIRECTORY/lib-standards.sh"

# A grade-7 learner on the whole K-12 CCSS math framework (517 rows): a
# goal on a grade-7 and a grade-8 standard, evidence for it rated on the
# grade-7 one, and aligned to a grade-6 standard too.
test_expect_success 'setup' '
	ccss_learner k "Kim Sato" --grade 7
'

# By hand: grade 7 has 43 standards, and the 8 practices are K-12; with
# 8.EE.A.1 and 6.NS.A.1, aligned, that is 53.  Covered: 7.RP.A.1,
# 8.EE.A.1 (the quiz serves the goal) and 6.NS.A.1, 3 of 53 = 5.66%;
# mastered: 7.RP.A.1, 1 of 53 = 1.89%.
test_expect_success 'the framework is as counted' '
	awk -F, "\$3 == \"7\"" "$DATA/ccss_math.csv" | wc -l >n7 &&
	awk -F, "\$3 == \"K-12\"" "$DATA/ccss_math.csv" | wc -l >nk12 &&
	echo 43 >expect && test_cmp expect n7 &&
	echo 8 >expect && test_cmp expect nk12
'

test_expect_success 'no options: the grade and the standards aligned' '
	pl -C k align status >out 2>err &&
	test_must_be_empty err &&
	head -n 2 out >actual &&
	printf "%s\n" "In scope: the standards of grade 7 and those aligned; --all for every standard" "" >expect &&
	test_cmp expect actual &&
	sed -n "4,\$p" out | sed "/^\$/,\$d" | cut -d" " -f1 >rows &&
	wc -l <rows >n &&
	echo 53 >expect && test_cmp expect n &&
	grep -v -e "\.7\." -e "Practice\.MP[1-8]\$" rows >others &&
	printf "%s\n" CCSS.Math.Content.6.NS.A.1 CCSS.Math.Content.8.EE.A.1 >expect &&
	test_cmp expect others &&
	grep "^covered" out >actual &&
	echo "covered 3 of 53 (5.7%), mastered 1 of 53 (1.9%)" >expect &&
	test_cmp expect actual &&
	grep "^gaps: " out | tr , "\n" | wc -l >n &&
	echo 50 >expect && test_cmp expect n
'

test_expect_success '--all: every standard, as before, with no scope line' '
	pl -C k align status --all >out &&
	grep -c "^CCSS" out >n &&
	echo 517 >expect && test_cmp expect n &&
	head -n 1 out | cut -d" " -f1 >actual &&
	echo standard >expect &&
	test_cmp expect actual &&
	grep "^covered" out >actual &&
	echo "covered 3 of 517 (0.6%), mastered 1 of 517 (0.2%)" >expect &&
	test_cmp expect actual &&
	pl -C k align status --scope all >same &&
	test_cmp out same
'

test_expect_success '--scope aligned, and JSON says the scope' '
	pl -C k align status --scope aligned --format md >out &&
	cat >expect <<-\EOF &&
	**In scope:** the standards aligned; --all for every standard

	| standard | state | score | ratings | goals | evidence |
	| --- | --- | --- | --- | --- | --- |
	| CCSS.Math.Content.6.NS.A.1 | unrated | - | - | - | quiz |
	| CCSS.Math.Content.7.RP.A.1 | mastered | 4.00 | 4 | ratios | quiz |
	| CCSS.Math.Content.8.EE.A.1 | unrated | - | - | ratios | quiz |

	**Totals:** covered 3 of 3 (100.0%), mastered 1 of 3 (33.3%)
	EOF
	test_cmp expect out &&
	pl -C k align status --format json >json &&
	grep -e "^  \"scope" -e "^  \"total\"" -e "_percent" json >actual &&
	cat >expect <<-\EOF &&
	  "scope": "grade",
	  "scope_grade": "7",
	  "total": 53,
	  "covered_percent": 5.7,
	  "mastered_percent": 1.9,
	EOF
	test_cmp expect actual
'

# Grade 8: its 36 standards and the 8 K-12 practices, 1 of 44 = 2.27%.
test_expect_success '--grade and --goal choose the standards themselves' '
	pl -C k align status --grade 8 >out &&
	grep "^covered" out >actual &&
	echo "covered 1 of 44 (2.3%), mastered 0 of 44 (0.0%)" >expect &&
	test_cmp expect actual &&
	! grep "In scope" out &&
	pl -C k align status --goal ratios >out &&
	grep "^covered" out >actual &&
	echo "covered 2 of 2 (100.0%), mastered 1 of 2 (50.0%)" >expect &&
	test_cmp expect actual &&
	test_expect_code 2 pl -C k align status --all --scope grade 2>err &&
	echo "pl: --all is --scope all: give one of them" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C k align status --scope class 2>err &&
	echo "pl: unknown scope ${SQ}class${SQ} (use grade, aligned or all)" >expect &&
	test_cmp expect err
'

test_expect_success 'a profile without a grade: the standards aligned alone, and it says so' '
	sed "/^grade:/d" k/profile.md >p.md && mv p.md k/profile.md &&
	git -C k commit -q -a -m "no grade" &&
	pl -C k align status >out &&
	head -n 1 out >actual &&
	echo "In scope: the standards aligned (the profile has no grade); --all for every standard" >expect &&
	test_cmp expect actual &&
	grep "^covered" out >actual &&
	echo "covered 3 of 3 (100.0%), mastered 1 of 3 (33.3%)" >expect &&
	test_cmp expect actual &&
	pl -C k profile set grade CE2 &&
	pl -C k align status >out &&
	head -n 1 out >actual &&
	echo "In scope: the standards aligned (no standard is of grade CE2); --all for every standard" >expect &&
	test_cmp expect actual
'

test_done
