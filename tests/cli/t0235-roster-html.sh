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

test_expect_success 'a real class: pl report --roster --out-dir, the class page and a learner'"'"'s' '
	sh "$PL_SOURCE_ROOT/tests/demo.sh" "$PL" class/maya >/dev/null 2>&1 &&
	pl init --name "Ben Ortiz" class/ben >/dev/null &&
	printf "learner,portfolio,group\nMaya Okafor,maya,6A\nBen Ortiz,ben,6A\nZoe,zoe,6B\n" \
		>class/roster.csv &&
	test_expect_code 13 pl report --roster class/roster.csv --out-dir site &&
	page_loads site/index.html &&
	page_check site/index.html 1280 900 PRINT >out &&
	test_cmp printed out &&
	page_loads site/maya-okafor.html
'

test_done
