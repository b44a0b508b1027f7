#!/bin/sh
test_description='pl publish again: only what changed, what left removed, never a file pl did not write (issue 26)'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# stamps DIR: each file's inode, change time and path.
stamps () {
	(cd "$1" && find . -type f -exec stat -c "%i %Z.%z %n" {} + | sort -k3)
}

test_expect_success 'setup: a showcase of two pieces of evidence with files' '
	pl init --name "Ana Lima" p >/dev/null &&
	echo one >one.txt &&
	echo two >two.txt &&
	pl -C p evidence add --id one --file ../one.txt -m "First." "One" >/dev/null &&
	pl -C p evidence add --id two --file ../two.txt -m "Second." "Two" >/dev/null &&
	pl -C p showcase new --title "Show" conference &&
	pl -C p showcase add conference one two &&
	pl -C p publish --out-dir ../site conference >out &&
	echo "../site/index.html: 5 written, 0 unchanged, 0 removed" >expect &&
	test_cmp expect out
'

test_expect_success 'publishing again unchanged writes nothing' '
	stamps site >before &&
	sleep 1 &&
	pl -C p publish --out-dir ../site conference >out &&
	echo "../site/index.html: 0 written, 5 unchanged, 0 removed" >expect &&
	test_cmp expect out &&
	stamps site >after &&
	test_cmp before after
'

test_expect_success 'an item taken out: its page and files go, the other files are not rewritten, the person'"'"'s stay' '
	echo mine >site/README.txt &&
	echo mine >site/items/notes.txt &&
	stamps site >before &&
	pl -C p showcase rm conference two &&
	pl -C p publish --out-dir ../site conference >out &&
	echo "../site/index.html: 2 written, 1 unchanged, 2 removed" >expect &&
	test_cmp expect out &&
	(cd site && find . | sort) >actual &&
	cat >expect <<-\EOF &&
	.
	./.pl-publish
	./README.txt
	./index.html
	./items
	./items/notes.txt
	./items/one
	./items/one.html
	./items/one/one.txt
	EOF
	test_cmp expect actual &&
	stamps site >after &&
	grep "one/one.txt\|README\|notes" before >expect &&
	grep "one/one.txt\|README\|notes" after >actual &&
	test_cmp expect actual &&
	echo mine >expect &&
	test_cmp expect site/README.txt
'

test_expect_success 'a file in the way that pl did not write: 12, nothing written' '
	mkdir -p other/items &&
	echo mine >other/items/one.html &&
	test_expect_code 12 pl -C p publish --out-dir ../other conference 2>err &&
	echo "pl: ${SQ}../other/items/one.html${SQ} is in the way: pl publish did not write it (move it away, or publish to another folder)" >expect &&
	test_cmp expect err &&
	(cd other && find . | sort) >actual &&
	printf "%s\n" . ./items ./items/one.html >expect &&
	test_cmp expect actual
'

test_expect_success 'a folder on the way that is a link is never written through' '
	mkdir -p linked elsewhere &&
	ln -s ../elsewhere linked/items &&
	test_expect_code 12 pl -C p publish --out-dir ../linked conference 2>err &&
	test_stderr_starts_pl err &&
	test -z "$(ls -A elsewhere)"
'

test_expect_success 'a manifest pl did not write is in the way' '
	mkdir -p odd &&
	echo "index.html" >odd/.pl-publish &&
	test_expect_code 12 pl -C p publish --out-dir ../odd conference 2>err &&
	test_stderr_starts_pl err &&
	test_path_is_missing odd/index.html
'

test_expect_success 'a manifest naming a path outside the folder is not followed' '
	cp -R site site2 &&
	echo precious >precious.txt &&
	printf "0000000000000000000000000000000000000000 9 ../precious.txt\n" \
		>>site2/.pl-publish &&
	pl -C p publish --out-dir ../site2 conference >out &&
	echo precious >expect &&
	test_cmp expect precious.txt
'

test_expect_success 'the folder inside the portfolio or its .git is refused (7), nothing made' '
	test_expect_code 7 pl -C p publish --out-dir site conference 2>err &&
	echo "pl: ${SQ}site${SQ} is inside the portfolio: the site would be committed with it (publish to a folder outside it)" >expect &&
	test_cmp expect err &&
	test_path_is_missing p/site &&
	test_expect_code 7 pl -C p publish --out-dir .git/site conference 2>err &&
	test_stderr_starts_pl err &&
	test_path_is_missing p/.git/site &&
	test_expect_code 7 pl -C p publish --out-dir "$PWD/p/deep/er" conference &&
	test_path_is_missing p/deep &&
	ln -s p plink &&
	test_expect_code 7 pl -C p publish --out-dir ../plink/x conference &&
	test_path_is_missing p/x
'

test_expect_success 'a full disk or a kill at any write leaves a site that works, and the next run mends it' '
	pl -C p publish --out-dir ../v1 conference >/dev/null &&
	pl -C p showcase add conference two &&
	pl -C p publish --out-dir ../v2 conference >/dev/null &&
	cp -R v1 f &&
	rm -f count &&
	PL_FAULT_COUNT="$TRASH_DIRECTORY/count" faulty -C p publish --out-dir ../f conference >/dev/null &&
	n=$(cat count) &&
	test "$n" -gt 3 &&
	# every fifth point and the last; every point in the long run
	step=5 &&
	if test "${PL_TEST_LONG:-0}" = 1; then step=1; fi &&
	for sig in "" 9
	do
		i=1 &&
		while test $i -le $n
		do
			rm -rf f && cp -R v1 f &&
			{
				PL_FAULT_AT=$i PL_FAULT_SIGNAL=$sig faulty -C p publish --out-dir ../f conference >/dev/null 2>&1 || :
			} &&
			{ cmp -s v1/index.html f/index.html || cmp v2/index.html f/index.html; } &&
			for page in f/items/*.html
			do
				b=${page#f/} &&
				{ cmp -s v1/$b $page || cmp v2/$b $page; } || return 1
			done &&
			grep -o "href=\"items/[^\"]*\"" f/index.html | sed "s/^href=\"//; s/\"\$//" >links &&
			while read -r l; do test -f "f/$l" || return 1; done <links &&
			pl -C p publish --out-dir ../f conference >/dev/null &&
			diff -r v2 f &&
			if test $i -lt $n && test $((i + step)) -gt $n
			then
				i=$n
			else
				i=$((i + step))
			fi || return 1
		done || return 1
	done
'

test_done
