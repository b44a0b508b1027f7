#!/bin/sh
test_description='pl publish: the pages in Chromium from file://, at 390 and 1,280 px and on paper (issue 26)'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"
. "$TEST_DIRECTORY/lib-page.sh"

test_expect_success 'setup: a site with an image, a PDF, audio and a long word' '
	pl init --name "Ana Lima" p >/dev/null &&
	python3 -c "import struct, zlib
w, h = 1200, 300
def chunk(t, d):
	return struct.pack(\">I\", len(d)) + t + d + struct.pack(\">I\", zlib.crc32(t + d))
raw = b\"\".join(b\"\\0\" + bytes([(x + y) % 256 for x in range(w)]) for y in range(h))
open(\"wall.png\", \"wb\").write(b\"\\x89PNG\\r\\n\\x1a\\n\" + chunk(b\"IHDR\", struct.pack(\">IIBBBBB\", w, h, 8, 0, 0, 0, 0)) + chunk(b\"IDAT\", zlib.compress(raw)) + chunk(b\"IEND\", b\"\"))" &&
	printf "%%PDF-1.4\n%%%%EOF\n" >essay.pdf &&
	printf "ID3" >song.mp3 &&
	pl -C p profile add strength "Drawing models" &&
	pl -C p evidence add --id wall --file ../wall.png --file ../essay.pdf \
		--file ../song.mp3 -m "## How I did it

Supercalifragilisticexpialidociousandsomemorewordsthatdonotbreak at all." \
		"Fraction wall" >/dev/null &&
	pl -C p reflect add --evidence wall -m "I see equal fractions now." >/dev/null &&
	pl -C p showcase new --title "Spring conference" --show strengths \
		--intro "Hello." conference &&
	pl -C p showcase add --note "My best." conference wall &&
	pl -C p showcase add conference 2026-11-26-i-see-equal-fractions-now &&
	pl -C p publish --out-dir ../site conference >/dev/null
'

# The item's page may ask for the files beside it and the browser for
# its own (the icons of its media controls, its PDF viewer): nothing else.
test_expect_success 'each page loads with nothing but its own files, fits both widths, prints on A4' '
	page_add site/index.html print &&
	page_add site/items/wall.html print &&
	page_add site/items/2026-11-26-i-see-equal-fractions-now.html print &&
	pages_check &&
	for f in index items/2026-11-26-i-see-equal-fractions-now
	do
		page_fits site/$f.html &&
		test_cmp printed site/$f-print.out || return 1
	done &&
	own=file://$PWD/site/items/wall &&
	for w in 390 1280
	do
		grep "^request $own/wall.png\$" site/items/wall-$w.out &&
		grep "^request $own/essay.pdf\$" site/items/wall-$w.out &&
		grep -v "^request $own/\|^request data:image/svg+xml;\|^request chrome-extension://" site/items/wall-$w.out >actual &&
		test_cmp loaded actual &&
		png_width site/items/wall-$w.png $w || return 1
	done &&
	test_cmp printed site/items/wall-print.out
'

test_done
