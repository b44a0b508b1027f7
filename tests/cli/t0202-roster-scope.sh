#!/bin/sh
test_description='pl report --roster: MASTERED and COVERED of each learner'"'"'s scope, said in the header'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"
. "$TEST_DIRECTORY/lib-standards.sh"

# Kim is in grade 7, Lee has no grade; both on the K-12 CCSS math
# framework, with the same work as in t0173 (ccss_learner).
test_expect_success 'setup' '
	mkdir class &&
	ccss_learner class/kim "Kim Sato" --grade 7 &&
	ccss_learner class/lee "Lee Park" &&
	printf "learner,portfolio\nKim Sato,kim\nLee Park,lee\n" >class/roster.csv
'

# The two percentages of a learner's row: MASTERED, then COVERED.
shares() {
	grep "^  $1 " out | grep -o "[0-9.]*%"
}

# By hand, Kim: grade 7's 43 standards, the 8 K-12 practices, 8.EE.A.1
# and 6.NS.A.1 aligned: 53; mastered 1 (1.89%), covered 3 (5.66%).  Lee:
# the 3 standards aligned; 1 (33.33%) and 3 (100%).  The whole framework:
# 1 and 3 of 517 (0.19%, 0.58%).
test_expect_success 'text: each learner'"'"'s scope, and the header says which' '
	pl report --roster class/roster.csv >out &&
	sed -n 4p out >actual &&
	echo "Mastered and covered: of the standards of each learner${SQ}s grade and those aligned; 1 learner has no grade the frameworks have: of those aligned alone" >expect &&
	test_cmp expect actual &&
	shares Kim >actual &&
	printf "%s\n" 1.9% 5.7% >expect &&
	test_cmp expect actual &&
	shares Lee >actual &&
	printf "%s\n" 33.3% 100.0% >expect &&
	test_cmp expect actual
'

test_expect_success '--scope all: the whole framework, as before' '
	pl report --roster class/roster.csv --scope all >out &&
	sed -n 4p out >actual &&
	echo "Mastered and covered: of every standard of each learner${SQ}s frameworks" >expect &&
	test_cmp expect actual &&
	shares Kim >actual &&
	printf "%s\n" 0.2% 0.6% >expect &&
	test_cmp expect actual &&
	pl report --roster class/roster.csv --format md >out &&
	grep -x "Mastered and covered: of the standards of each learner${SQ}s grade and those aligned; 1 learner has no grade the frameworks have: of those aligned alone." out
'

test_expect_success 'CSV: the whole framework as before, the scope in columns of its own' '
	pl report --roster class/roster.csv --format csv >out &&
	tr -d "\r" <out >csv &&
	head -n 1 csv | tr , "\n" | grep -n -e "^standards_in_scope\$" \
		-e "_pct\$" -e "^scope" >cols &&
	cat >expect <<-\EOF &&
	19:standards_in_scope
	21:covered_pct
	23:mastered_pct
	36:scope
	37:scope_grade
	38:scope_standards
	39:scope_covered
	40:scope_covered_pct
	41:scope_mastered
	42:scope_mastered_pct
	EOF
	test_cmp expect cols &&
	cut -d, -f1,19-23,36-42 csv >actual &&
	cat >expect <<-\EOF &&
	learner,standards_in_scope,covered,covered_pct,mastered,mastered_pct,scope,scope_grade,scope_standards,scope_covered,scope_covered_pct,scope_mastered,scope_mastered_pct
	Kim Sato,517,3,0.6,1,0.2,grade,7,53,3,5.7,1,1.9
	Lee Park,517,3,0.6,1,0.2,aligned,,3,3,100.0,1,33.3
	EOF
	test_cmp expect actual
'

test_expect_success 'JSON: the scope asked for, and each learner'"'"'s' '
	pl report --roster class/roster.csv --scope aligned --format json >out &&
	grep "^  \"scope\"" out >actual &&
	echo "  \"scope\": \"aligned\"," >expect &&
	test_cmp expect actual &&
	grep -A8 "^      \"scope\": {" out | head -n 9 >actual &&
	cat >expect <<-\EOF &&
	      "scope": {
	        "asked": "aligned",
	        "used": "aligned",
	        "grade": "7",
	        "standards": 3,
	        "covered": 3,
	        "covered_pct": 100.0,
	        "mastered": 1,
	        "mastered_pct": 33.3
	EOF
	test_cmp expect actual
'

test_done
