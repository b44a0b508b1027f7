#!/bin/sh
test_description='pl publish: attachments shown by kind, names made safe, links and outsiders refused, thumbnails, --as-of (issue 26)'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# big_png FILE W H: a valid PNG of W x H pixels, grey, made by python3.
big_png () {
	python3 -c 'import struct, sys, zlib
w, h = int(sys.argv[2]), int(sys.argv[3])
def chunk(t, d):
	return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
raw = b"".join(b"\0" + bytes([(x * 7 + y) % 256 for x in range(w)]) for y in range(h))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))' "$@"
}

test_expect_success 'setup: evidence with a PDF, audio, video, a page, odd names' '
	pl init --name "Ana Lima" p >/dev/null &&
	printf "%%PDF-1.4\n%%%%EOF\n" >"Essay Final.PDF" &&
	printf "ID3" >song.mp3 &&
	printf "x" >clip.webm &&
	printf "<script>alert(1)</script>" >page.html &&
	printf "data" >"Über notes (v2).TXT" &&
	pl -C p evidence add --id work --file "../Essay Final.PDF" \
		--file ../song.mp3 --file ../clip.webm --file ../page.html \
		--file "../Über notes (v2).TXT" -m "Files." "Work" >/dev/null &&
	pl -C p showcase new conference &&
	pl -C p showcase add conference work &&
	pl -C p publish --out-dir ../site conference >/dev/null
'

test_expect_success 'names made safe, a page a browser would run published as text' '
	(cd site/items/work && ls) >actual &&
	cat >expect <<-\EOF &&
	clip.webm
	essay-final.pdf
	page-html.txt
	song.mp3
	uber-notes-v2.txt
	EOF
	test_cmp expect actual
'

test_expect_success 'a PDF in an object with a link, audio and video with controls and a link, the rest linked' '
	sed -n "/<section aria-labelledby=\"files\">/,/<\/section>/p" site/items/work.html >actual &&
	cat >expect <<-\EOF &&
	<section aria-labelledby="files">
	<h2 id="files">Files</h2>
	<figure>
	<object data="work/essay-final.pdf" type="application/pdf" title="Essay Final.PDF"><p><a href="work/essay-final.pdf">Essay Final.PDF</a></p></object>
	<figcaption><a href="work/essay-final.pdf">Essay Final.PDF</a></figcaption>
	</figure>
	<figure>
	<audio controls preload="metadata" aria-label="song.mp3" src="work/song.mp3"><a href="work/song.mp3">song.mp3</a></audio>
	<figcaption><a href="work/song.mp3">song.mp3</a></figcaption>
	</figure>
	<figure>
	<video controls preload="metadata" aria-label="clip.webm" src="work/clip.webm"><a href="work/clip.webm">clip.webm</a></video>
	<figcaption><a href="work/clip.webm">clip.webm</a></figcaption>
	</figure>
	<ul class="plain">
	<li><a href="work/page-html.txt">page.html</a></li>
	<li><a href="work/uber-notes-v2.txt">Über notes (v2).TXT</a></li>
	</ul>
	</section>
	EOF
	test_cmp expect actual
'

test_expect_success 'an attachment that is a link, committed by plain git, is refused with nothing published' '
	ln -s /etc/passwd p/evidence/work/passwd &&
	sed -i "s|^files: \[|files: [evidence/work/passwd, |" p/evidence/work.md &&
	git -C p add evidence &&
	git -C p commit -q -m "a link" &&
	test_expect_code 7 pl -C p publish --out-dir ../linked conference 2>err &&
	test_stderr_starts_pl err &&
	grep "evidence/work/passwd" err &&
	test_path_is_missing linked/index.html &&
	git -C p reset -q --hard HEAD^
'

test_expect_success 'an attachment outside its evidence folder is refused' '
	sed -i "s|^files: \[|files: [.plconfig, |" p/evidence/work.md &&
	git -C p commit -q -am "outside" &&
	test_expect_code 7 pl -C p publish --out-dir ../outside conference 2>err &&
	echo "pl: evidence/work.md: the attachment ${SQ}.plconfig${SQ} is not in evidence/work/; nothing published" >expect &&
	test_cmp expect err &&
	test_path_is_missing outside &&
	sed -i "s|^files: \[.plconfig, |files: [evidence/work/../../.plconfig, |" p/evidence/work.md &&
	git -C p commit -q -am "dot dot" &&
	test_expect_code 7 pl -C p publish --out-dir ../outside conference &&
	test_path_is_missing outside &&
	git -C p reset -q --hard HEAD~2
'

test_expect_success 'a large PNG: a thumbnail linking to it, or the full image and one warning' '
	big_png big.png 2000 100 &&
	pl -C p evidence add --id big --file ../big.png -m "![A long grey strip](big.png)" "Big" >/dev/null &&
	pl -C p showcase add conference big &&
	pl -C p publish --out-dir ../site conference >/dev/null 2>err &&
	test_cmp big.png site/items/big/big.png &&
	if test -f site/items/big/big.thumb.png
	then
		test_must_be_empty err &&
		python3 -c "import struct, sys
d = open(sys.argv[1], \"rb\").read(24)
print(*struct.unpack(\">II\", d[16:24]))" site/items/big/big.thumb.png >actual &&
		echo "800 40" >expect &&
		test_cmp expect actual &&
		grep "<a href=\"big/big.png\"><img src=\"big/big.thumb.png\" alt=\"A long grey strip\" width=\"800\" height=\"40\"></a>" site/items/big.html
	else
		grep "^pl: warning: .*thumbnail" err &&
		test_line_count = 1 err &&
		grep "<img src=\"big/big.png\" alt=\"A long grey strip\" width=\"2000\" height=\"100\">" site/items/big.html
	fi
'

test_expect_success 'a JPEG wider than 1600 pixels: a JPEG thumbnail, or the full image and one warning' '
	cp "$PL_SOURCE_ROOT/tests/data/publish/wide.jpg" wide.jpg &&
	pl -C p evidence add --id wide --file ../wide.jpg -m "Wide." "A wide photo" >/dev/null &&
	pl -C p showcase add conference wide &&
	pl -C p publish --out-dir ../site conference >/dev/null 2>err &&
	test_cmp wide.jpg site/items/wide/wide.jpg &&
	if test -f site/items/wide/wide.thumb.jpg
	then
		test_must_be_empty err &&
		grep "<a href=\"wide/wide.jpg\"><img src=\"wide/wide.thumb.jpg\" alt=\"A wide photo\" width=\"800\" height=\"19\"></a>" site/items/wide.html &&
		head -c 3 site/items/wide/wide.thumb.jpg | od -An -tx1 >actual &&
		echo " ff d8 ff" >expect &&
		test_cmp expect actual
	else
		grep "^pl: warning: .*thumbnail" err &&
		grep "<img src=\"wide/wide.jpg\" alt=\"A wide photo\" width=\"1700\" height=\"40\">" site/items/wide.html
	fi &&
	pl -C p showcase rm conference wide
'

test_expect_success 'a small image has no thumbnail; its alt is the title unless the learner wrote one' '
	big_png small.png 20 10 &&
	pl -C p evidence add --id small --file ../small.png -m "Tiny." "Tiny square" >/dev/null &&
	pl -C p showcase add conference small &&
	pl -C p publish --out-dir ../site conference >/dev/null &&
	test_path_is_missing site/items/small/small.thumb.png &&
	grep "<img src=\"small/small.png\" alt=\"Tiny square\" width=\"20\" height=\"10\">" site/items/small.html
'

test_expect_success '--as-of: the site as the portfolio stood then, naming that commit' '
	old=$(git -C p rev-parse HEAD~7) &&
	pl -C p publish --as-of $old --out-dir ../then conference >/dev/null &&
	test_path_is_missing then/items/small.html &&
	test_path_is_missing then/items/big.html &&
	test_path_is_file then/items/work.html &&
	grep "from commit <code>$(echo $old | cut -c1-7)</code>" then/index.html &&
	pl -C p publish --as-of 2026-11-26 --format json conference >json &&
	grep "\"commit\": \"$(git -C p rev-parse HEAD)\"" json &&
	test_expect_code 4 pl -C p publish --as-of nope --format json conference &&
	test_expect_code 4 pl -C p publish --as-of 1999-01-01 --format json conference
'

test_expect_success 'uncommitted edits are not published, and pl says so once' '
	pl -C p showcase rm conference big &&
	echo "more" >>p/evidence/work.md &&
	echo "more" >>p/showcase/conference.md &&
	pl -C p publish --out-dir ../site conference >/dev/null 2>err &&
	echo "pl: warning: uncommitted changes are not published: evidence/work.md, showcase/conference.md" >expect &&
	test_cmp expect err &&
	! grep more site/items/work.html &&
	git -C p checkout -q -- .
'

test_expect_success 'a text attachment has its addresses masked; a PDF or binary file that seems to hold one is copied as it is, with a warning' '
	printf "%%PDF-1.4\n/Author (ana@example.org)\n%%%%EOF\n" >mailed.pdf &&
	printf "a\000b ana@example.org\n" >data.bin &&
	printf "Hi ana@example.org, and bob%%40example.org.\n" >hi.txt &&
	big_png mail.png 20 10 &&
	printf "ana@example.org" >>mail.png &&
	pl -C p evidence add --id mailed --file ../mailed.pdf --file ../data.bin \
		--file ../hi.txt --file ../mail.png -m "Mail." "Mailed" >/dev/null &&
	pl -C p showcase add conference mailed &&
	pl -C p publish --out-dir ../site conference >/dev/null 2>err &&
	cat >expect <<-\EOF &&
	pl: warning: evidence/mailed.md: the attachment '"'"'evidence/mailed/mailed.pdf'"'"' seems to hold an email address; published as it is
	pl: warning: evidence/mailed.md: the attachment '"'"'evidence/mailed/data.bin'"'"' seems to hold an email address; published as it is
	EOF
	test_cmp expect err &&
	test_cmp mailed.pdf site/items/mailed/mailed.pdf &&
	test_cmp data.bin site/items/mailed/data.bin &&
	test_cmp mail.png site/items/mailed/mail.png &&
	echo "Hi [email hidden], and [email hidden]." >expect &&
	test_cmp expect site/items/mailed/hi.txt &&
	pl -C p publish --format json conference >json &&
	grep -c "seems to hold an email address" json >n &&
	echo 2 >expect &&
	test_cmp expect n
'

test_done
