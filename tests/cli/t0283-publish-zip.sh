#!/bin/sh
test_description='pl publish --format zip: the site in one archive, the same bytes for the same commit, written whole or not at all (issue 26)'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# unzip_to ZIP DIR: the archive's files into DIR, by Python's zipfile;
# prints each entry's "path mode date time".
unzip_to () {
	python3 -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
for i in z.infolist():
	d = i.date_time
	print(i.filename, oct(i.external_attr >> 16),
	      "%04d-%02d-%02d %02d:%02d" % d[:5])
z.extractall(sys.argv[2])' "$1" "$2"
}

test_expect_success 'setup: a showcase with a file, published to a folder' '
	pl init --name "Ana Lima" p >/dev/null &&
	echo "my notes" >notes.txt &&
	pl -C p evidence add --id one --file ../notes.txt -m "First." "One" \
		>/dev/null &&
	pl -C p reflect add --evidence one -m "I learnt a lot." >/dev/null &&
	pl -C p showcase new --title "Show" conference &&
	pl -C p showcase add conference one &&
	pl -C p publish --out-dir ../site conference >/dev/null
'

test_expect_success 'the archive holds the folder'"'"'s files, byte for byte, dated the commit'"'"'s day' '
	pl -C p publish --format zip -o ../site.zip conference >out &&
	echo "../site.zip: 3 files" >expect &&
	test_cmp expect out &&
	day=$(git -C p log -1 --format=%cs) &&
	unzip_to site.zip unzipped >entries &&
	(cd site && find . -type f ! -name .pl-publish | sort |
		sed "s|^\./||; s|\$| 0o100644 $day 00:00|") >expect &&
	sort entries >actual &&
	test_cmp expect actual &&
	rm site/.pl-publish &&
	diff -r site unzipped
'

test_expect_success 'the same commit gives the same bytes, in any time zone' '
	TZ=Pacific/Auckland pl -C p publish --format zip -o ../again.zip \
		conference >/dev/null &&
	cmp site.zip again.zip
'

test_expect_success '--as-of: the archive of the site as it stood then' '
	pl -C p publish --as-of HEAD~1 --format zip -o ../then.zip \
		conference >out &&
	echo "../then.zip: 1 file" >expect &&
	test_cmp expect out &&
	unzip_to then.zip then >/dev/null &&
	grep "from commit <code>$(git -C p rev-parse --short=7 HEAD~1)</code>" \
		then/index.html
'

test_expect_success 'where the archive goes: -o, only with zip; never inside the portfolio' '
	test_expect_code 2 pl -C p publish --format zip conference 2>err &&
	echo "pl: --format zip writes one archive: give -o FILE, without --out-dir" >expect &&
	test_cmp expect err &&
	test_expect_code 2 pl -C p publish --format zip -o ../x.zip \
		--out-dir ../x conference 2>err &&
	test_cmp expect err &&
	test_expect_code 2 pl -C p publish -o ../x.zip conference 2>err &&
	echo "pl: -o FILE is for --format zip (the site goes to --out-dir DIR)" >expect &&
	test_cmp expect err &&
	test_expect_code 2 pl -C p publish --format json -o ../x.zip \
		conference 2>err &&
	echo "pl: --format json prints what would be published: it goes without --out-dir and -o" >expect &&
	test_cmp expect err &&
	test_expect_code 2 pl -C p publish --format tar -o ../x.zip \
		conference 2>err &&
	echo "pl: unknown format ${SQ}tar${SQ} (use html, json or zip)" >expect &&
	test_cmp expect err &&
	test_expect_code 7 pl -C p publish --format zip -o site.zip \
		conference 2>err &&
	echo "pl: ${SQ}site.zip${SQ} is inside the portfolio: the site would be committed with it (publish to a folder outside it)" >expect &&
	test_cmp expect err &&
	test_path_is_missing x.zip &&
	test_path_is_missing p/site.zip
'

test_expect_success 'without libzip: one line, exit 1, nothing written' '
	PL_FAULT_NO_LIB=libzip.so.4 test_expect_code 1 faulty -C p publish \
		--format zip -o ../nolib.zip conference >out 2>err &&
	test_must_be_empty out &&
	grep "^pl: libzip.so.4 cannot be loaded (Debian${SQ}s libzip4 has it): " err &&
	test_line_count = 1 err &&
	test_path_is_missing nolib.zip
'

test_expect_success 'a full disk or SIGKILL at any write leaves the old archive whole, with its mode' '
	cp site.zip new.zip &&
	echo old >old &&
	rm -f count &&
	echo old >out.zip &&
	chmod 640 out.zip &&
	PL_FAULT_COUNT="$TRASH_DIRECTORY/count" faulty -C p publish \
		--format zip -o ../out.zip conference >/dev/null &&
	cmp new.zip out.zip &&
	n=$(cat count) &&
	test "$n" -gt 0 &&
	for sig in "" 9
	do
		i=1 &&
		while test $i -le $n
		do
			echo old >out.zip &&
			{
				PL_FAULT_AT=$i PL_FAULT_SIGNAL=$sig faulty -C p \
					publish --format zip -o ../out.zip \
					conference >/dev/null 2>&1 || :
			} &&
			{ cmp -s old out.zip || cmp new.zip out.zip; } &&
			test "$(stat -c %a out.zip)" = 640 &&
			rm -f out.zip.pl-tmp-* &&
			i=$((i + 1)) || return 1
		done || return 1
	done
'

test_done
