#!/bin/sh
test_description='the HTML report in a real browser: it loads, asks nothing of the network, logs no error, fits a phone and a desktop'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

. "$TEST_DIRECTORY/lib-page.sh"
sample_writer test-report-html

# Every page of the script in one Chromium (lib-page.sh): two that the
# check must find fault with, the sample pages, a real portfolio's.
test_expect_success 'the pages, looked at in one browser' '
	cat >bad.html <<-\EOF &&
	<!DOCTYPE html><title>bad</title>
	<img src="http://127.0.0.1:9/x.png"><script>console.log("hi")</script>
	EOF
	page_add_at bad.html 390 844 &&
	cat >csp.html <<-\EOF &&
	<!DOCTYPE html><meta http-equiv="Content-Security-Policy"
	content="default-src '"'none'"'"><title>csp</title>
	<img src="http://127.0.0.1:9/x.png">
	EOF
	page_add_at csp.html 390 844 &&
	for view in learner family family-codes empty hostile
	do
		"$sample" --write $view.html $view &&
		page_add $view.html || return 1
	done &&
	"$sample" --write teacher.html teacher &&
	page_add teacher.html print &&
	sh "$PL_SOURCE_ROOT/tests/demo.sh" "$PL" demo >/dev/null 2>&1 &&
	for view in learner teacher family
	do
		pl -C demo report --for $view --format html \
			-o "$TRASH_DIRECTORY/demo-$view.html" &&
		page_add demo-$view.html print || return 1
	done &&
	pages_check
'

test_expect_success 'the check sees a request and a console message' '
	grep "^request http://127.0.0.1:9/x.png$" bad-390.out &&
	grep "^console hi$" bad-390.out &&
	grep "^loaded$" bad-390.out
'

# Chromium reports a refused request too (requestWillBeSent, then
# loadingFailed): our pages must not even ask.
test_expect_success 'a refusal by the CSP is seen' '
	grep "^log error .*Content Security Policy" csp-390.out &&
	grep "^request http://127.0.0.1:9/x.png$" csp-390.out
'

# Fitting means: no request, message nor error, and at 390 and 1,280
# px every table cell on screen (a phone shows rows as cards), nothing
# wider than the screen but in a box that scrolls, no heading twice,
# every label cut short whole in its title (page-check.py).
for view in learner teacher family family-codes empty hostile
do
	test_expect_success "sample $view page: fits a phone and a desktop" '
		page_fits $view.html
	'
done

test_expect_success 'a real portfolio: pl report --format html fits' '
	for view in learner teacher family
	do
		page_fits demo-$view.html || return 1
	done
'

test_expect_success 'it prints on A4 and on Letter, nothing wider than the paper' '
	for view in learner teacher family
	do
		test_cmp printed demo-$view-print.out || return 1
	done &&
	test_cmp printed teacher-print.out
'

test_done
