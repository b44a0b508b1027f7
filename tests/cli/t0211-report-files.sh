#!/bin/sh
test_description='the files a report writes: -o FILE and --out-dir keep a file'"'"'s mode, write through a link, never replace what is not a file'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# Every report below is made on 2026-12-10.
GIT_AUTHOR_DATE="2026-12-10T10:00:00+00:00"
GIT_COMMITTER_DATE="2026-12-10T10:00:00+00:00"
export GIT_AUTHOR_DATE GIT_COMMITTER_DATE
umask 022

# The permission bits of FILE, as chmod takes them ("600").
mode_of () {
	stat -c %a "$1"
}

# No temporary file left in FOLDER by a write.
no_temporary () {
	(cd "$1" && ls -a | grep "\.pl-tmp-" || :) >left &&
	test_must_be_empty left
}

if test "$(id -u)" = 0; then
	test_set_prereq ROOT
fi
# A folder pl may not add a file to: read-only for anyone, or immutable
# for root, who may write in any folder (chattr needs ext4 or the like).
mkdir "$TRASH_DIRECTORY/probe"
if test_have_prereq SANITY ||
	{ chattr +i "$TRASH_DIRECTORY/probe" 2>/dev/null &&
	! touch "$TRASH_DIRECTORY/probe/x" 2>/dev/null &&
	chattr -i "$TRASH_DIRECTORY/probe"; }
then
	test_set_prereq LOCKED_FOLDER
fi
rmdir "$TRASH_DIRECTORY/probe"

lock_folder () {
	if test_have_prereq SANITY
	then
		chmod a-w "$1"
	else
		chattr +i "$1"
	fi
}

unlock_folder () {
	if test_have_prereq SANITY
	then
		chmod u+w "$1"
	else
		chattr -i "$1"
	fi
}

# FILE, of mode MODE, holds "old"; `pl -C DIR report ARGS -o ../FILE`
# fails at each of its write points in turn, by a full disk and then by
# SIGKILL: FILE must hold the old report or the new one (WANT) whole,
# and keep its mode.
faults_keep_old () {
	fko_file=$1 fko_want=$2 fko_mode=$3 fko_dir=$4 &&
	shift 4 &&
	echo old >expect.old &&
	echo old >"$fko_file" &&
	chmod "$fko_mode" "$fko_file" &&
	rm -f count &&
	PL_FAULT_COUNT="$TRASH_DIRECTORY/count" faulty -C "$fko_dir" report \
		"$@" -o "../$fko_file" &&
	fko_n=$(cat count) &&
	echo "$fko_mode" >expect.mode &&
	for sig in "" 9
	do
		i=1 &&
		while test $i -le $fko_n
		do
			echo old >"$fko_file" &&
			{
				PL_FAULT_AT=$i PL_FAULT_SIGNAL=$sig \
					faulty -C "$fko_dir" report "$@" \
					-o "../$fko_file" 2>err || :
			} &&
			{ test_cmp expect.old "$fko_file" >/dev/null ||
				test_cmp "$fko_want" "$fko_file"; } &&
			mode_of "$fko_file" >actual &&
			test_cmp expect.mode actual &&
			rm -f "$fko_file".pl-tmp-* &&
			i=$((i + 1)) || return 1
		done || return 1
	done
}

test_expect_success 'setup' '
	pl init --name "Ana Lima" ana >/dev/null &&
	pl -C ana goal add --id fractions --step Halves Fractions >/dev/null &&
	pl init --name "Ben Ortiz" ben >/dev/null &&
	printf "learner,portfolio\nAna Lima,ana\nBen Ortiz,ben\n" >roster.csv &&
	pl -C ana report >expect &&
	grep "^Report for Ana Lima" expect
'

test_expect_success 'a new file gets 0666 less the umask' '
	(umask 027 && pl -C ana report -o r027.txt) &&
	(umask 077 && pl -C ana report -o r077.txt) &&
	pl -C ana report -o r022.txt &&
	echo 640 600 644 >expect.modes &&
	echo $(mode_of ana/r027.txt) $(mode_of ana/r077.txt) \
		$(mode_of ana/r022.txt) >actual &&
	test_cmp expect.modes actual &&
	test_cmp expect ana/r027.txt &&
	no_temporary ana
'

test_expect_success 'written again, a file keeps its mode, whatever the umask' '
	for m in 600 640 664 755
	do
		echo old >r$m.txt &&
		chmod $m r$m.txt &&
		pl -C ana report -o ../r$m.txt &&
		test_cmp expect r$m.txt &&
		echo $m >expect.mode &&
		mode_of r$m.txt >actual &&
		test_cmp expect.mode actual || return 1
	done &&
	(umask 077 && pl -C ana report -o ../r664.txt) &&
	echo 664 >expect.mode &&
	mode_of r664.txt >actual &&
	test_cmp expect.mode actual &&
	no_temporary .
'

test_expect_success 'a full disk or SIGKILL at any write: the old report whole, or the new one, and the mode kept' '
	faults_keep_old whole.txt expect 600 ana &&
	test "$fko_n" -gt 2
'

# A report longer than pl_buf_drain()'s 64 KiB goes to the file as it is
# made, in several writes: each may fail, and the old file must stay.
test_expect_success 'a long report goes to -o FILE in several writes: the same bytes as on standard output; a full disk or SIGKILL at any write keeps the old file' '
	PL="$PL" python3 "$PL_SOURCE_ROOT/tests/bench/gen-history" 300 long \
		>/dev/null &&
	pl -C long report --format html >expect.long &&
	test $(wc -c <expect.long) -gt 131072 &&
	pl -C long report --format html -o ../long.html &&
	test_cmp expect.long long.html &&
	no_temporary . &&
	rm -f count.short &&
	PL_FAULT_COUNT="$TRASH_DIRECTORY/count.short" faulty -C long report \
		-o ../short.txt &&
	faults_keep_old long.html expect.long 640 long --format html &&
	test "$fko_n" -gt "$(cat count.short)"
'

test_expect_success ROOT 'as root, a file keeps its owner and group' '
	echo old >owned.txt &&
	chown 1234:5678 owned.txt &&
	chmod 600 owned.txt &&
	pl -C ana report -o ../owned.txt &&
	test_cmp expect owned.txt &&
	echo 1234:5678 600 >expect.owner &&
	stat -c "%u:%g %a" owned.txt >actual &&
	test_cmp expect.owner actual
'

test_expect_success SYMLINKS 'a symbolic link is written through: the link stays, its target gets the report and keeps its mode' '
	mkdir -p out/private &&
	echo old >out/private/family.txt &&
	chmod 600 out/private/family.txt &&
	ln -s private/family.txt out/latest.txt &&
	ln -s out/latest.txt chain.txt &&
	pl -C ana report -o ../chain.txt &&
	test -h chain.txt &&
	test -h out/latest.txt &&
	echo out/latest.txt private/family.txt >expect.links &&
	echo $(readlink chain.txt) $(readlink out/latest.txt) >actual &&
	test_cmp expect.links actual &&
	test_cmp expect out/private/family.txt &&
	echo 600 >expect.mode &&
	mode_of out/private/family.txt >actual &&
	test_cmp expect.mode actual &&
	no_temporary . &&
	no_temporary out &&
	no_temporary out/private
'

test_expect_success SYMLINKS 'a link to nothing is refused: no file is made where it points' '
	ln -s gone/report.txt dangling.txt &&
	test_expect_code 4 pl -C ana report -o ../dangling.txt 2>err &&
	echo "pl: cannot write ${SQ}../dangling.txt${SQ}: it is a symbolic link to ${SQ}gone/report.txt${SQ}, which does not exist" >expect.err &&
	test_cmp expect.err err &&
	test -h dangling.txt &&
	test_path_is_missing gone &&
	ln -s nothing.txt dangling2.txt &&
	test_expect_code 4 pl -C ana report -o ../dangling2.txt 2>err &&
	test -h dangling2.txt &&
	test_path_is_missing nothing.txt &&
	no_temporary .
'

test_expect_success SYMLINKS 'a folder, or a link to one, is refused and left as it was' '
	mkdir folder &&
	ln -s folder folder-link &&
	test_expect_code 1 pl -C ana report -o ../folder-link 2>err &&
	echo "pl: cannot write ${SQ}../folder-link${SQ}: Is a directory" >expect.err &&
	test_cmp expect.err err &&
	test -h folder-link &&
	test_expect_code 1 pl -C ana report -o ../folder 2>err &&
	echo "pl: cannot write ${SQ}../folder${SQ}: Is a directory" >expect.err &&
	test_cmp expect.err err &&
	(cd folder && ls -a) >actual &&
	printf ".\n..\n" >expect.ls &&
	test_cmp expect.ls actual
'

test_expect_success SYMLINKS 'a loop of links is refused' '
	ln -s loop-b loop-a &&
	ln -s loop-a loop-b &&
	test_expect_code 1 pl -C ana report -o ../loop-a 2>err &&
	echo "pl: cannot write ${SQ}../loop-a${SQ}: Too many levels of symbolic links" >expect.err &&
	test_cmp expect.err err &&
	test -h loop-a && test -h loop-b
'

test_expect_success 'a pipe is written to, not replaced by a file' '
	mkfifo pipe &&
	{ timeout 20 cat pipe >got & } &&
	pl -C ana report -o ../pipe &&
	wait $! &&
	test -p pipe &&
	test_cmp expect got
'

test_expect_success ROOT 'a device is written to, not replaced by a file (-o /dev/null as root)' '
	mknod null c 1 3 &&
	chmod 666 null &&
	pl -C ana report -o ../null &&
	test -c null &&
	echo 666 >expect.mode &&
	mode_of null >actual &&
	test_cmp expect.mode actual
'

test_expect_success LOCKED_FOLDER 'a file in a folder pl cannot add to is refused and left as it was' '
	mkdir locked &&
	echo old >locked/r.txt &&
	chmod 644 locked/r.txt &&
	lock_folder locked &&
	test_when_finished "unlock_folder \"$TRASH_DIRECTORY/locked\"" &&
	test_expect_code 1 pl -C ana report -o ../locked/r.txt 2>err &&
	sed "s/: [^:]*\$//" err >actual &&
	echo "pl: cannot write ${SQ}../locked/r.txt${SQ}: cannot make a new file in ${SQ}../locked${SQ}" >expect.err &&
	test_cmp expect.err actual &&
	echo old >expect.old &&
	test_cmp expect.old locked/r.txt &&
	no_temporary locked
'

test_expect_success SANITY 'a file pl may not write is refused, as the shell'"'"'s > refuses it' '
	echo old >readonly.txt &&
	chmod 444 readonly.txt &&
	test_expect_code 1 pl -C ana report -o ../readonly.txt 2>err &&
	echo "pl: cannot write ${SQ}../readonly.txt${SQ}: Permission denied" >expect.err &&
	test_cmp expect.err err &&
	echo old >expect.old &&
	test_cmp expect.old readonly.txt
'

test_expect_success '--out-dir: pages made anew get 0666 less the umask' '
	(umask 027 && pl report --roster roster.csv --out-dir site) &&
	(cd site && ls) >actual &&
	printf "%s\n" ana-lima.html ben-ortiz.html index.html >expect.ls &&
	test_cmp expect.ls actual &&
	echo 640 640 640 >expect.modes &&
	echo $(mode_of site/ana-lima.html) $(mode_of site/ben-ortiz.html) \
		$(mode_of site/index.html) >actual &&
	test_cmp expect.modes actual
'

test_expect_success '--out-dir: written again, each page keeps its mode' '
	chmod 600 site/ana-lima.html &&
	chmod 664 site/index.html &&
	cp site/index.html index.before &&
	pl -C ana goal add Reading >/dev/null &&
	pl report --roster roster.csv --out-dir site &&
	! test_cmp index.before site/index.html >/dev/null &&
	grep Reading site/ana-lima.html &&
	echo 600 640 664 >expect.modes &&
	echo $(mode_of site/ana-lima.html) $(mode_of site/ben-ortiz.html) \
		$(mode_of site/index.html) >actual &&
	test_cmp expect.modes actual &&
	no_temporary site
'

test_expect_success '--for family --out-dir: a page restricted to 0600 stays so' '
	pl report --roster roster.csv --for family --out-dir fam &&
	chmod 600 fam/ana-lima.html fam/ben-ortiz.html &&
	pl report --roster roster.csv --for family --out-dir fam &&
	echo 600 600 >expect.modes &&
	echo $(mode_of fam/ana-lima.html) $(mode_of fam/ben-ortiz.html) \
		>actual &&
	test_cmp expect.modes actual
'

test_expect_success SYMLINKS '--out-dir: a page that is a link is written through' '
	mkdir public &&
	echo old >public/ana.html &&
	chmod 640 public/ana.html &&
	rm site/ana-lima.html &&
	ln -s ../public/ana.html site/ana-lima.html &&
	pl report --roster roster.csv --out-dir site &&
	test -h site/ana-lima.html &&
	grep "Ana Lima" public/ana.html &&
	echo 640 >expect.mode &&
	mode_of public/ana.html >actual &&
	test_cmp expect.mode actual &&
	no_temporary public
'

test_done
