#!/bin/sh
test_description='the family page'"'"'s files at their edges: WebP and JPEG told apart, base64 padding, escaped names, the size cap, a files folder in the way, a full disk'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# Files of a few bytes, known only by their first bytes as pl knows
# them: a WebP of 12 bytes (base64 without padding), a GIF87a of 7 (one
# byte left over: "=="), a JPEG of 5 (two left over: "="), a RIFF file
# that is no WebP (a WAVE), text of 0, 3 and 18 bytes, and names to
# escape in a link.  A second work has no file at all.
test_expect_success 'setup' '
	mkdir files &&
	printf "RIFF\004\000\000\000WEBP" >files/pic.webp &&
	printf "\377\330\377\340\000" >files/photo.jpg &&
	printf "GIF87a;" >files/old.gif &&
	printf "RIFF\004\000\000\000WAVE" >files/sound.wav &&
	printf "Fractions, week 1\n" >"files/my notes (1) é~.txt" &&
	printf "hi\n" >files/hi.txt &&
	: >files/empty.txt &&
	cp files/old.gif "files/100% done!.gif" &&
	pl init --name Ana p >/dev/null &&
	pl -C p evidence add --id work --file "$TRASH_DIRECTORY/files/empty.txt" \
		--file "$TRASH_DIRECTORY/files/pic.webp" \
		--file "$TRASH_DIRECTORY/files/photo.jpg" \
		--file "$TRASH_DIRECTORY/files/old.gif" \
		--file "$TRASH_DIRECTORY/files/sound.wav" \
		--file "$TRASH_DIRECTORY/files/my notes (1) é~.txt" \
		--file "$TRASH_DIRECTORY/files/100% done!.gif" \
		--file "$TRASH_DIRECTORY/files/hi.txt" \
		-m "Work." Work >/dev/null &&
	pl -C p evidence add --id talk -m "A talk." Talk >/dev/null
'

test_expect_success '-o: WebP, JPEG and GIF87a embedded with their padding, the rest named' '
	pl -C p report --for family --format html >page.html &&
	grep -e "^<li><a href" -e "^<li class=.fam-nofile" page.html >actual &&
	cat >expect <<-\EOF &&
	<li class="fam-nofile">empty.txt (not included)</li>
	<li><a href="data:image/webp;base64,UklGRgQAAABXRUJQ"><img src="data:image/webp;base64,UklGRgQAAABXRUJQ" alt="Work" loading="lazy">pic.webp</a></li>
	<li><a href="data:image/jpeg;base64,/9j/4AA="><img src="data:image/jpeg;base64,/9j/4AA=" alt="Work" loading="lazy">photo.jpg</a></li>
	<li><a href="data:image/gif;base64,R0lGODdhOw=="><img src="data:image/gif;base64,R0lGODdhOw==" alt="Work" loading="lazy">old.gif</a></li>
	<li class="fam-nofile">sound.wav (not included)</li>
	<li class="fam-nofile">my notes (1) é~.txt (not included)</li>
	<li><a href="data:image/gif;base64,R0lGODdhOw=="><img src="data:image/gif;base64,R0lGODdhOw==" alt="Work" loading="lazy">100% done!.gif</a></li>
	<li class="fam-nofile">hi.txt (not included)</li>
	EOF
	test_cmp expect actual
'

test_expect_success '--out-dir: each byte of a name outside A-Z a-z 0-9 - . _ ~ / escaped in its link' '
	pl -C p report --for family --out-dir "$TRASH_DIRECTORY/out" &&
	grep -e "^<li><a href" -e "^<li class=.fam-nofile" out/index.html >actual &&
	cat >expect <<-\EOF &&
	<li><a href="files/work/empty.txt">empty.txt</a></li>
	<li><a href="files/work/pic.webp"><img src="files/work/pic.webp" alt="Work" loading="lazy">pic.webp</a></li>
	<li><a href="files/work/photo.jpg"><img src="files/work/photo.jpg" alt="Work" loading="lazy">photo.jpg</a></li>
	<li><a href="files/work/old.gif"><img src="files/work/old.gif" alt="Work" loading="lazy">old.gif</a></li>
	<li><a href="files/work/sound.wav">sound.wav</a></li>
	<li><a href="files/work/my%20notes%20%281%29%20%C3%A9~.txt">my notes (1) é~.txt</a></li>
	<li><a href="files/work/100%25%20done%21.gif"><img src="files/work/100%25%20done%21.gif" alt="Work" loading="lazy">100% done!.gif</a></li>
	<li><a href="files/work/hi.txt">hi.txt</a></li>
	EOF
	test_cmp expect actual &&
	for f in pic.webp photo.jpg old.gif sound.wav "my notes (1) é~.txt" \
		"100% done!.gif" hi.txt empty.txt
	do
		cmp "files/$f" "out/files/work/$f" || return 1
	done
'

# 16 images of PL_REPORT_EMBED_MAX (256 KiB) fill PL_REPORT_EMBED_TOTAL
# (4 MiB) exactly; a PNG of 8 bytes after them is one byte too many.
test_expect_success '-o: images embedded up to 4 MiB in all, exactly, then named only' '
	python3 -c "
for i in range(1, 17):
    open(\"files/big-%02d.png\" % i, \"wb\").write(
        b\"\\x89PNG\\r\\n\\x1a\\n\" + bytes([i]) * (256 * 1024 - 8))
open(\"files/tiny.png\", \"wb\").write(b\"\\x89PNG\\r\\n\\x1a\\n\")
" &&
	pl init --name Bo big >/dev/null &&
	set -- &&
	for f in files/big-*.png files/tiny.png
	do
		set -- "$@" --file "$TRASH_DIRECTORY/$f"
	done &&
	pl -C big evidence add --id lots "$@" -m "Lots." Lots >/dev/null &&
	pl -C big report --for family --format html >big.html &&
	python3 -c "
import base64, re
page = open(\"big.html\").read()
for n in re.findall(r\"<img src=\\\"data:image/png;base64,([^\\\"]*)\\\" alt=\\\"Lots\\\" loading=\\\"lazy\\\">([^<]*)</a>\", page):
    same = base64.b64decode(n[0]) == open(\"files/\" + n[1], \"rb\").read()
    print(n[1], \"same\" if same else \"differs\")
" >actual &&
	for i in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16
	do
		echo "big-$i.png same" || return 1
	done >expect &&
	test_cmp expect actual &&
	grep -F "<li class=\"fam-nofile\">tiny.png (not included)</li>" big.html
'

test_expect_success 'a plain file named files where the page'"'"'s files go: refused, left alone' '
	mkdir plain &&
	echo mine >plain/files &&
	test_expect_code 12 pl -C p report --for family \
		--out-dir "$TRASH_DIRECTORY/plain" 2>err &&
	echo "pl: ${SQ}$TRASH_DIRECTORY/plain/files${SQ} is in the way: pl keeps a page${SQ}s files there (move it away)" >expect &&
	test_cmp expect err &&
	echo mine >expect &&
	test_cmp expect plain/files &&
	test_path_is_missing plain/index.html
'

# full_disk_at N: the family page to full/ with the Nth write failing.
full_disk_at () {
	PL_FAULT_AT=$1 faulty -C p report --for family \
		--out-dir "$TRASH_DIRECTORY/full"
}

# fault_at KIND PATH: the number of the first write of KIND (mkdir,
# write...) to $TRASH_DIRECTORY/PATH in the run that wrote kinds.
fault_at () {
	awk -v k="$1" -v p="$TRASH_DIRECTORY/$2" \
		'$3 == k && $4 == p { print $1; exit }' kinds
}

# A full disk at the files folder, at the evidence's folder in it, at a
# copy: the one error, and no page.
test_expect_success 'a full disk while the files are copied: the folder or file named, no page' '
	PL_FAULT_KINDS="$TRASH_DIRECTORY/kinds" faulty -C p report \
		--for family --out-dir "$TRASH_DIRECTORY/full" &&
	n=$(fault_at mkdir full/files) && test -n "$n" &&
	rm -rf full &&
	test_expect_code 1 full_disk_at $n 2>err &&
	echo "pl: cannot make the folder ${SQ}$TRASH_DIRECTORY/full/files${SQ}: No space left on device" >expect &&
	test_cmp expect err &&
	test_path_is_missing full/index.html &&
	n=$(fault_at mkdir full/files/work) && test -n "$n" &&
	rm -rf full &&
	test_expect_code 1 full_disk_at $n 2>err &&
	echo "pl: cannot make the folder ${SQ}$TRASH_DIRECTORY/full/files/work${SQ}: No space left on device" >expect &&
	test_cmp expect err &&
	test_path_is_missing full/index.html &&
	n=$(awk "\$3 == \"write\" && \$4 ~ /full\\/files\\/work\\/photo/ { print \$1; exit }" kinds) &&
	test -n "$n" &&
	rm -rf full &&
	test_expect_code 1 full_disk_at $n 2>err &&
	echo "pl: cannot write ${SQ}$TRASH_DIRECTORY/full/files/work/photo.jpg${SQ}: No space left on device" >expect &&
	test_cmp expect err &&
	test_path_is_missing full/index.html &&
	test_path_is_missing full/files/work/photo.jpg
'

test_done
