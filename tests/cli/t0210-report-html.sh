#!/bin/sh
test_description='the HTML report in a real browser: it loads, asks nothing of the network, logs no error, fits a phone'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# Headless Chromium, driven over its DevTools pipe by page-check.py,
# which prints each request other than the page, each console message,
# log entry and exception, and "loaded".  A page passes when that is
# "loaded" alone.  Set PL_REPORT_PNG_DIR to keep the screenshots.
chromium=$(command -v chromium || command -v chromium-browser) ||
	test_skip_all 'no chromium (Debian: apt-get install chromium)'
command -v python3 >/dev/null || test_skip_all 'no python3'
sample=$(dirname "$PL")/tests/test-report-html
test -x "$sample" ||
	test_skip_all "no $sample to write the sample pages (build the tests)"
check=$TEST_DIRECTORY/page-check.py

# page-check FILE.html W H [PRINT]: the report of the page at W x H
# (and, with PRINT, of printing it on A4 and on Letter).
page_check () {
	timeout 120 python3 "$check" "$chromium" "file://$PWD/$1" "$2" "$3" ${4:-}
}

# shot FILE.html W H: a screenshot as the issue asks, FILE-W.png; its
# width must be W (the PNG's IHDR says so).
shot () {
	timeout 120 "$chromium" --headless --no-sandbox --disable-gpu \
		--hide-scrollbars --screenshot="$PWD/${1%.html}-$2.png" \
		--window-size="$2,$3" "file://$PWD/$1" >/dev/null 2>&1 &&
	python3 -c 'import struct, sys
d = open(sys.argv[1], "rb").read(24)
assert d[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
print(struct.unpack(">I", d[16:20])[0])' "${1%.html}-$2.png" >width &&
	echo "$2" >expect &&
	test_cmp expect width &&
	if test -n "${PL_REPORT_PNG_DIR:-}"; then
		cp "${1%.html}-$2.png" "$PL_REPORT_PNG_DIR/"
	fi
}

echo loaded >loaded

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
		page_check $view.html 390 844 >out &&
		test_cmp loaded out &&
		page_check $view.html 1280 900 >out &&
		test_cmp loaded out &&
		shot $view.html 390 844 &&
		shot $view.html 1280 900
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
