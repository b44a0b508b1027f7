#!/bin/sh
test_description='the class page in a real browser: it loads, asks nothing of the network, logs no error, fits a phone and the paper'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# As t0210 does for a learner's page (lib-page.sh), on sample pages the
# unit test writes.
. "$TEST_DIRECTORY/lib-page.sh"
sample_writer test-roster-formats

# sample: five learners, one hostile, one missing; big: 40 learners with
# long names by 30 standards with long codes; empty: no learner at all.
for view in sample nolinks big empty; do
	test_expect_success "class page $view: loads alone at phone and desktop widths" '
		"$sample" --write $view.html $view &&
		page_loads $view.html
	'
done

for view in sample big; do
	test_expect_success "class page $view: prints on A4 and Letter, nothing wider than the paper" '
		page_check $view.html 1280 900 PRINT >out &&
		test_cmp printed out
	'
done

test_done
