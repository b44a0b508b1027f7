#!/bin/sh
test_description='the HTML report in a real browser: it loads, asks nothing of the network, logs no error, fits a phone'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

. "$TEST_DIRECTORY/lib-page.sh"
sample_writer test-report-html

test_expect_success 'the check sees a request and a console message' '
	cat >bad.html <<-\EOF &&
	<!DOCTYPE html><title>bad</title>
	<img src="http://127.0.0.1:9/x.png"><script>console.log("hi")</script>
	EOF
	page_check bad.html 390 844 >out &&
	grep "^request http://127.0.0.1:9/x.png$" out &&
	grep "^console hi$" out &&
	grep "^loaded$" out
'

# Chromium reports a refused request too (requestWillBeSent, then
# loadingFailed): our pages must not even ask.
test_expect_success 'a refusal by the CSP is seen' '
	cat >csp.html <<-\EOF &&
	<!DOCTYPE html><meta http-equiv="Content-Security-Policy"
	content="default-src '"'none'"'"><title>csp</title>
	<img src="http://127.0.0.1:9/x.png">
	EOF
	page_check csp.html 390 844 >out &&
	grep "^log error .*Content Security Policy" out &&
	grep "^request http://127.0.0.1:9/x.png$" out
'

for view in learner teacher family family-codes empty hostile; do
	test_expect_success "sample $view page: loads alone at phone and desktop widths" '
		"$sample" --write $view.html $view &&
		page_loads $view.html
	'
done

test_expect_success 'a real portfolio: pl report --format html' '
	sh "$PL_SOURCE_ROOT/tests/demo.sh" "$PL" demo >/dev/null 2>&1 &&
	for view in learner teacher family; do
		pl -C demo report --for $view --format html \
			-o "$TRASH_DIRECTORY/demo-$view.html" &&
		page_check demo-$view.html 390 844 >out &&
		test_cmp loaded out &&
		shot demo-$view.html 390 844 &&
		shot demo-$view.html 1280 900 || return 1
	done
'

test_expect_success 'it prints on A4 and on Letter, nothing wider than the paper' '
	cat >expect <<-\EOF &&
	print A4 ok
	print Letter ok
	loaded
	EOF
	for view in learner teacher family
	do
		page_check demo-$view.html 1280 900 PRINT >out &&
		test_cmp expect out || return 1
	done &&
	"$sample" --write sample-teacher.html teacher &&
	page_check sample-teacher.html 1280 900 PRINT >out &&
	test_cmp expect out
'

test_done
