# Sourced after test-lib.sh by the scripts that look at an HTML page in
# headless Chromium (t0210, t0235, t0236); skips the script without
# Chromium or python3.  page-check.py drives ONE Chromium over its
# DevTools pipe for all the pages of a run (starting Chromium was most
# of the time a page took) and says of each page every request other
# than the page, each console message, log entry and exception, what
# does not fit the viewport ("layout ..." lines), and "loaded": a page
# passes when that is "loaded" alone.  Set PL_REPORT_PNG_DIR to keep
# the screenshots (each a whole page, as wide as the page is).
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

# page_add FILE.html [print]: pages_check looks at the page at a
# phone's width (390 x 844) and a desktop's (1280 x 900), writing
# FILE-390.out and FILE-1280.out and the screenshots FILE-390.png and
# FILE-1280.png; with print, it prints the page too (FILE-print.out).
page_add () {
	echo "${1%.html}-390.out file://$PWD/$1 390 844" \
		"$PWD/${1%.html}-390.png" >>pages.jobs &&
	echo "${1%.html}-1280.out file://$PWD/$1 1280 900" \
		"$PWD/${1%.html}-1280.png" \
		${2:+"$PWD/${1%.html}-print.out"} >>pages.jobs
}

# page_add_at FILE.html W H: only at W x H, into FILE-W.out, no
# screenshot.
page_add_at () {
	echo "${1%.html}-$2.out file://$PWD/$1 $2 $3" >>pages.jobs
}

# pages_check: looks at every page added, in one Chromium.
pages_check () {
	timeout 600 python3 "$check" "$chromium" pages.jobs &&
	rm pages.jobs
}

# page_fits FILE.html: at a phone's width and a desktop's the page
# loaded alone, nothing out of sight, and its screenshots are as wide as
# the screen (a page that scrolls sideways makes a wider one).
page_fits () {
	test_cmp loaded "${1%.html}-390.out" &&
	test_cmp loaded "${1%.html}-1280.out" &&
	png_width "${1%.html}-390.png" 390 &&
	png_width "${1%.html}-1280.png" 1280
}

# png_width FILE.png W: the PNG's IHDR says it is W pixels wide.
png_width () {
	python3 -c 'import struct, sys
d = open(sys.argv[1], "rb").read(24)
assert d[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
print(struct.unpack(">I", d[16:20])[0])' "$1" >width &&
	echo "$2" >expect &&
	test_cmp expect width &&
	if test -n "${PL_REPORT_PNG_DIR:-}"; then
		cp "$1" "$PL_REPORT_PNG_DIR/$(echo "$1" | tr / -)"
	fi
}

# What page-check.py says of a page that loads alone, and prints too.
echo loaded >loaded
printf '%s\n' 'print A4 ok' 'print Letter ok' loaded >printed
