#!/bin/sh
test_description='the class page in a real browser: it loads, asks nothing of the network, logs no error, fits a phone and the paper'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# As t0210 does for a learner's page: headless Chromium driven by
# page-check.py, on sample pages the unit test writes.  Set
# PL_REPORT_PNG_DIR to keep the screenshots.
chromium=$(command -v chromium || command -v chromium-browser) ||
	test_skip_all 'no chromium (Debian: apt-get install chromium)'
command -v python3 >/dev/null || test_skip_all 'no python3'
sample=$(dirname "$PL")/tests/test-roster-formats
test -x "$sample" ||
	test_skip_all "no $sample to write the sample pages (build the tests)"
check=$TEST_DIRECTORY/page-check.py

page_check () {
	timeout 120 python3 "$check" "$chromium" "file://$PWD/$1" "$2" "$3" ${4:-}
}

# shot FILE.html W H: FILE-W.png, whose width must be W.
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
cat >printed <<-\EOF
print A4 ok
print Letter ok
loaded
EOF

# sample: five learners, one hostile, one missing; big: 40 learners with
# long names by 30 standards with long codes; empty: no learner at all.
for view in sample nolinks big empty; do
	test_expect_success "class page $view: loads alone at phone and desktop widths" '
		"$sample" --write $view.html $view &&
		page_check $view.html 390 844 >out &&
		test_cmp loaded out &&
		page_check $view.html 1280 900 >out &&
		test_cmp loaded out &&
		shot $view.html 390 844 &&
		shot $view.html 1280 900
	'
done

for view in sample big; do
	test_expect_success "class page $view: prints on A4 and Letter, nothing wider than the paper" '
		page_check $view.html 1280 900 PRINT >out &&
		test_cmp printed out
	'
done

test_done
