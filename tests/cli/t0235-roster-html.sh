#!/bin/sh
test_description='the class page in a real browser: it loads, asks nothing of the network, logs no error, fits a phone, a desktop and the paper'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# As t0210 does for a learner's page (lib-page.sh), on sample pages the
# unit test writes and a real class's, all in one Chromium.
. "$TEST_DIRECTORY/lib-page.sh"
sample_writer test-roster-formats

# sample: five learners, one hostile, one missing, changes since a date;
# big: 40 learners with long names by 30 standards with long codes;
# empty: no learner at all.
test_expect_success 'the pages, looked at in one browser' '
	for view in sample big
	do
		"$sample" --write $view.html $view &&
		page_add $view.html print || return 1
	done &&
	for view in nolinks empty
	do
		"$sample" --write $view.html $view &&
		page_add $view.html || return 1
	done &&
	sh "$PL_SOURCE_ROOT/tests/demo.sh" "$PL" class/maya >/dev/null 2>&1 &&
	pl init --name "Ben Ortiz" class/ben >/dev/null &&
	printf "learner,portfolio,group\nMaya Okafor,maya,6A\nBen Ortiz,ben,6A\nZoe,zoe,6B\n" \
		>class/roster.csv &&
	test_expect_code 13 pl report --roster class/roster.csv --out-dir site &&
	page_add site/index.html print &&
	page_add site/maya-okafor.html &&
	pages_check
'

# Fitting means: no request, message nor error, and at 390 and 1,280
# px every table cell on screen (a phone shows rows as cards), nothing
# wider than the screen but in a box that scrolls (the mastery map), no
# heading twice, every label cut short whole in its title.
for view in sample nolinks big empty
do
	test_expect_success "class page $view: fits a phone and a desktop" '
		page_fits $view.html
	'
done

for view in sample big
do
	test_expect_success "class page $view: prints on A4 and Letter, nothing wider than the paper" '
		test_cmp printed $view-print.out
	'
done

test_expect_success 'a real class: the class page and a learner'"'"'s fit, the class page prints' '
	page_fits site/index.html &&
	test_cmp printed site/index-print.out &&
	page_fits site/maya-okafor.html
'

test_done
