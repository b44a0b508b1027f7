# Sourced after test-lib.sh by the scripts that look at an HTML page in
# headless Chromium (t0210, t0235); skips the script without Chromium or
# python3.  page-check.py drives Chromium over its DevTools pipe and
# prints each request other than the page, each console message, log
# entry and exception, and "loaded": a page passes when that is
# "loaded" alone.  Set PL_REPORT_PNG_DIR to keep the screenshots.
chromium=$(command -v chromium || command -v chromium-browser) ||
	test_skip_all 'no chromium (Debian: apt-get install chromium)'
command -v python3 >/dev/null || test_skip_all 'no python3'
check=$TEST_DIRECTORY/page-check.py

# sample_writer NAME: $sample, the unit test NAME that writes sample
# pages with --write FILE VIEW; skips the script when it is not built.
sample_writer () {
	sample=$(dirname "$PL")/tests/$1
	test -x "$sample" ||
		test_skip_all "no $sample to write the sample pages (build the tests)"
}

# page_check FILE.html W H [PRINT]: the report of the page at W x H
# (and, with PRINT, of printing it on A4 and on Letter).
page_check () {
	timeout 120 python3 "$check" "$chromium" "file://$PWD/$1" "$2" "$3" ${4:-}
}

# shot FILE.html W H: a screenshot, FILE-W.png; its width must be W
# (the PNG's IHDR says so).
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

# page_loads FILE.html: it loads alone at a phone's width and a
# desktop's, and the screenshots are that wide.
page_loads () {
	page_check "$1" 390 844 >out &&
	test_cmp loaded out &&
	page_check "$1" 1280 900 >out &&
	test_cmp loaded out &&
	shot "$1" 390 844 &&
	shot "$1" 1280 900
}

# What page_check says of a page that loads alone, and prints too.
echo loaded >loaded
printf '%s\n' 'print A4 ok' 'print Letter ok' loaded >printed
