#!/bin/sh
test_description='pl verify: a long history with a merge, the trust cache broken, a list that is a folder, the temporary folder, odd revisions'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

command -v ssh-keygen >/dev/null || test_skip_all 'ssh-keygen is missing'

# The teacher (the test identity, teacher@example.com) lists her key
# first, then rates quiz, signed.
test_expect_success 'setup: the first list, a signed rating' '
	ssh-keygen -q -t ed25519 -N "" -C t -f key &&
	pl init --name "Ana Lima" p >/dev/null &&
	mkdir p/standards p/.pl &&
	printf "%s\n" "code,parent,grade,subject,description" \
		"CCSS.Math.Content.6.RP.A.1,,6,Math,Ratios" >p/standards/math.csv &&
	echo "teacher@example.com $(cut -d" " -f1,2 key.pub)" \
		>p/.pl/allowed_signers &&
	git -C p add standards .pl &&
	git -C p commit -q -m "standards, the first list" &&
	pl -C p evidence add -m x --id quiz "Quiz" >/dev/null &&
	git -C p config commit.gpgsign true &&
	git -C p config gpg.format ssh &&
	git -C p config user.signingkey "$TRASH_DIRECTORY/key" &&
	pl -C p align rate quiz 6.RP.A.1 3 >/dev/null &&
	git -C p config commit.gpgsign false &&
	first=$(git -C p rev-parse --short HEAD~2) &&
	cat >expect <<-EOF &&
	trusting the first .pl/allowed_signers, from $first by Test Teacher <teacher@example.com> (not pinned)
	2026-11-26  Test Teacher  CCSS.Math.Content.6.RP.A.1  3  quiz  verified (teacher@example.com)
	1 rating: 1 verified, 0 signed with an unknown key, 0 unsigned, 0 bad
	EOF
	pl -C p verify >out &&
	test_cmp expect out
'

# 70 commits on a side branch and 70 on the main one, merged: more
# commits than the walk's first tables hold, and a commit with two
# parents.  Made by git fast-import, in one process.
test_expect_success 'a long history with a merge: the same verdict, from the walk and from its cache' '
	{
		i=1 &&
		while test $i -le 70
		do
			for b in side master
			do
				echo "commit refs/heads/$b" &&
				echo "committer T <t@example.com> $((1795687200 + i)) +0000" &&
				echo "data <<X" && echo "$b $i" && echo X &&
				if test $i = 1
				then
					echo "from refs/heads/master^0"
				fi &&
				echo "M 644 inline notes-$b.txt" &&
				echo "data <<X" && echo "$i" && echo X || return 1
			done &&
			i=$((i + 1)) || return 1
		done
	} >stream &&
	git -C p fast-import --quiet <stream &&
	git -C p reset -q --hard &&
	git -C p merge -q --no-ff -m "merge side" side &&
	rm -f p/.git/pl/trust-cache &&
	pl -C p verify >out &&
	test_cmp expect out &&
	test_path_is_file p/.git/pl/trust-cache &&
	pl -C p verify >out &&
	test_cmp expect out
'

test_expect_success 'a trust cache cut short, with a wrong checksum or header, with a record that runs past its end, or a record twice: read past' '
	cp p/.git/pl/trust-cache cache.whole &&
	head -c 10 cache.whole >p/.git/pl/trust-cache &&
	pl -C p verify >out &&
	test_cmp expect out &&
	cmp cache.whole p/.git/pl/trust-cache &&
	python3 -c "
import sys, zlib, struct
b = open(\"cache.whole\", \"rb\").read()
body = bytearray(b[:-4])
body[-1] ^= 1
open(\"crc\", \"wb\").write(bytes(body) + b[-4:])
body = bytearray(b[:-4])
h = body.index(b\"\\n\") + 1
body[h + 40:h + 44] = struct.pack(\"<I\", 1000000)
open(\"long\", \"wb\").write(bytes(body) + struct.pack(\"<I\", zlib.crc32(bytes(body))))
body = b[:-4]
n = struct.unpack(\"<I\", body[h + 40:h + 44])[0]
body = body + body[h:h + 44 + 20 * n]
open(\"twice\", \"wb\").write(body + struct.pack(\"<I\", zlib.crc32(body)))
open(\"header\", \"wb\").write(b\"x\" * 100)
" &&
	for c in crc long header
	do
		cp $c p/.git/pl/trust-cache &&
		pl -C p verify >out &&
		test_cmp expect out &&
		cmp cache.whole p/.git/pl/trust-cache || return 1
	done &&
	cp twice p/.git/pl/trust-cache &&
	pl -C p verify >out &&
	test_cmp expect out
'

# Two first lists, on two branches merged: neither is trusted, unless
# one is pinned (--trust-from).
test_expect_success 'two first lists merged: none trusted; the pinned one trusted, the other said' '
	pl init --name "Ana Lima" two >/dev/null &&
	mkdir two/standards two/.pl &&
	cp p/standards/math.csv two/standards/ &&
	git -C two add standards &&
	git -C two commit -q -m "standards" &&
	pl -C two evidence add -m x --id quiz "Quiz" >/dev/null &&
	ssh-keygen -q -t ed25519 -N "" -C o -f other &&
	git -C two checkout -q -b side &&
	echo "teacher@example.com $(cut -d" " -f1,2 other.pub)" \
		>two/.pl/allowed_signers &&
	git -C two add .pl &&
	git -C two commit -q -m "a list on a side branch" &&
	git -C two checkout -q master &&
	mkdir -p two/.pl &&
	echo "teacher@example.com $(cut -d" " -f1,2 key.pub)" \
		>two/.pl/allowed_signers &&
	git -C two add .pl &&
	git -C two commit -q -m "the list" &&
	git -C two merge -q -s ours --no-edit side &&
	git -C two config commit.gpgsign true &&
	git -C two config gpg.format ssh &&
	git -C two config user.signingkey "$TRASH_DIRECTORY/key" &&
	pl -C two align rate quiz 6.RP.A.1 3 >/dev/null &&
	mine=$(git -C two rev-parse --short master~2) &&
	theirs=$(git -C two rev-parse --short side) &&
	test_expect_code 14 pl -C two verify >out 2>err &&
	sort >expect2 <<-EOF &&
	2026-11-26  Test Teacher <teacher@example.com>  untrusted change to .pl/allowed_signers  $mine  one of several first lists
	2026-11-26  Test Teacher <teacher@example.com>  untrusted change to .pl/allowed_signers  $theirs  one of several first lists
	EOF
	grep "  untrusted change to" out | sort >actual &&
	test_cmp expect2 actual &&
	head -n 1 out >actual &&
	echo "trusting no .pl/allowed_signers: several first lists, none pinned" >expect2 &&
	test_cmp expect2 actual &&
	grep "^2026-11-26  Test Teacher  CCSS.Math.Content.6.RP.A.1  3  quiz  signed, unknown key; keys untrusted since " out &&
	echo "pl: 2 untrusted changes to .pl/allowed_signers" >expect2 &&
	test_cmp expect2 err &&
	test_expect_code 14 pl -C two verify --trust-from master~2 >out 2>err &&
	cat >expect2 <<-EOF &&
	trusting .pl/allowed_signers, from $mine by Test Teacher <teacher@example.com> (pinned)
	2026-11-26  Test Teacher <teacher@example.com>  untrusted change to .pl/allowed_signers  $theirs  not the pinned first list
	2026-11-26  Test Teacher  CCSS.Math.Content.6.RP.A.1  3  quiz  verified (teacher@example.com)
	1 rating: 1 verified, 0 signed with an unknown key, 0 unsigned, 0 bad
	1 untrusted change to .pl/allowed_signers
	EOF
	test_cmp expect2 out
'

# A list made a folder, in a change the trusted key signs: trusted, but
# it lists no key, so a rating after it is signed with an unknown key.
test_expect_success '.pl/allowed_signers made a folder: no keys after it' '
	cp -R two folder &&
	git -C folder rm -q .pl/allowed_signers &&
	mkdir -p folder/.pl/allowed_signers &&
	cp two/.pl/allowed_signers folder/.pl/allowed_signers/k &&
	git -C folder add .pl &&
	git -C folder commit -q -m "a folder" &&
	pl -C folder align rate quiz 6.RP.A.1 4 >/dev/null &&
	test_expect_code 14 pl -C folder verify --trust-from master~4 >out &&
	grep "^2026-11-26  Test Teacher  CCSS.Math.Content.6.RP.A.1  4  quiz  signed, unknown key\$" out &&
	grep "^2026-11-26  Test Teacher  CCSS.Math.Content.6.RP.A.1  3  quiz  verified (teacher@example.com)\$" out
'

# A shallow clone lacks its oldest commits' parents: pl log and pl
# verify read its history to that end (they stopped there with "cannot
# read a commit").
test_expect_success 'a shallow clone: pl log and pl verify read its history to its end' '
	git clone -q --depth 2 "file://$TRASH_DIRECTORY/two" shallow &&
	pl -C shallow log >out 2>err &&
	test_must_be_empty err &&
	grep "  evidence    rate     quiz  Test Teacher <teacher@example.com> rated quiz against CCSS.Math.Content.6.RP.A.1: 3\\. (verified)\$" out &&
	pl -C shallow verify >out 2>err &&
	test_must_be_empty err &&
	grep "^2026-11-26  Test Teacher  CCSS.Math.Content.6.RP.A.1  3  quiz  verified (teacher@example.com)\$" out &&
	# its first list may not be the portfolio'"'"'s: said
	head -n 1 out >first &&
	grep "^trusting the first .pl/allowed_signers, from [0-9a-f]* by .* (not pinned, and this shallow clone may lack the portfolio${SQ}s first list: git fetch --unshallow)\$" first &&
	pl -C shallow verify --format json >out.json &&
	grep "\"shallow\": true" out.json
'

test_expect_success 'the temporary folder: TMPDIR empty is /tmp; TMPDIR not there is said' '
	rm -f p/.git/pl/verify-cache &&
	TMPDIR= pl -C p verify >out &&
	test_cmp expect out &&
	rm -f p/.git/pl/verify-cache &&
	TMPDIR="$TRASH_DIRECTORY/nowhere" test_expect_code 1 pl -C p verify \
		>out 2>err &&
	sed "s/pl-verify-[A-Za-z0-9]*/pl-verify-N/" err >actual &&
	echo "pl: cannot make a temporary folder ${SQ}$TRASH_DIRECTORY/nowhere/pl-verify-N${SQ}: No such file or directory" >expect.err &&
	test_cmp expect.err actual
'

test_expect_success 'TMPDIR unset is /tmp; with --allowed-signers, TMPDIR not there is said' '
	rm -f p/.git/pl/verify-cache &&
	env -u TMPDIR "$PL" -C p verify >out &&
	test_cmp expect out &&
	echo "teacher@example.com $(cut -d" " -f1,2 key.pub)" >mine &&
	rm -f p/.git/pl/verify-cache &&
	TMPDIR="$TRASH_DIRECTORY/nowhere" test_expect_code 1 pl -C p verify \
		--allowed-signers "$TRASH_DIRECTORY/mine" >out 2>err &&
	sed "s/pl-verify-[A-Za-z0-9]*/pl-verify-N/" err >actual &&
	test_cmp expect.err actual
'

test_expect_success 'revisions that are no commit: a search of messages (:/), a tree' '
	test_expect_code 4 pl -C p verify ":/merge" >out 2>err &&
	echo "pl: unknown revision ${SQ}:/merge${SQ}" >expect.err &&
	test_cmp expect.err err &&
	test_expect_code 4 pl -C p verify "HEAD^{tree}" >out 2>err &&
	echo "pl: unknown revision ${SQ}HEAD^{tree}${SQ}" >expect.err &&
	test_cmp expect.err err
'

test_expect_success 'gpg.ssh.allowedSignersFile set empty is not set; a cache line not of a commit is read past' '
	git -C p config gpg.ssh.allowedSignersFile "" &&
	test_when_finished "git -C p config --unset gpg.ssh.allowedSignersFile" &&
	pl -C p verify >out &&
	test_cmp expect out &&
	printf "%060d\n" 0 >>p/.git/pl/verify-cache &&
	pl -C p verify >out &&
	test_cmp expect out
'

# Stand-ins for ssh-keygen, first on PATH: none at all (nothing can be
# told), or one that finds no signature good for the committer but
# knows the key, listed (with a blank line) for two others.
test_expect_success 'no ssh-keygen: signed, unknown key' '
	mkdir nossh &&
	ln -s "$(command -v git)" nossh/git &&
	rm -f p/.git/pl/verify-cache p/.git/pl/trust-cache &&
	PATH="$TRASH_DIRECTORY/nossh" "$PL" -C p verify >out &&
	grep "^2026-11-26  Test Teacher  CCSS.Math.Content.6.RP.A.1  3  quiz  signed, unknown key\$" out
'

test_expect_success 'ssh-keygen finds the key listed for others: both named' '
	mkdir fake &&
	write_script fake/ssh-keygen <<-\EOF &&
	cat >/dev/null
	case "$2" in
	verify) exit 1 ;;
	check-novalidate) echo "Good \"git\" signature with ED25519 no fingerprint" ;;
	find-principals)
		test -z "$NOBODY" || exit 1
		printf "ms@school.example\n\nlee@school.example\n" ;;
	esac
	EOF
	rm -f p/.git/pl/verify-cache p/.git/pl/trust-cache &&
	PATH="$TRASH_DIRECTORY/fake:$PATH" pl -C p verify >out &&
	grep "^2026-11-26  Test Teacher  CCSS.Math.Content.6.RP.A.1  3  quiz  signed by a key listed for ms@school.example,lee@school.example, committed as teacher@example.com\$" out &&
	rm -f p/.git/pl/verify-cache p/.git/pl/trust-cache &&
	NOBODY=1 && export NOBODY &&
	PATH="$TRASH_DIRECTORY/fake:$PATH" pl -C p verify >out &&
	grep "^2026-11-26  Test Teacher  CCSS.Math.Content.6.RP.A.1  3  quiz  signed, unknown key\$" out
'

test_expect_success 'ssh-keygen finds every signature bad: a signed change to the list is untrusted, a bad signature' '
	write_script fake/ssh-keygen <<-\EOF &&
	cat >/dev/null
	exit 1
	EOF
	rm -f folder/.git/pl/verify-cache folder/.git/pl/trust-cache &&
	PATH="$TRASH_DIRECTORY/fake:$PATH" test_expect_code 14 \
		pl -C folder verify --trust-from master~4 >out 2>err &&
	change=$(git -C folder rev-parse --short master~1) &&
	cat >expect2 <<-EOF &&
	trusting .pl/allowed_signers, from $(git -C folder rev-parse --short master~4) by Test Teacher <teacher@example.com> (pinned)
	2026-11-26  Test Teacher <teacher@example.com>  untrusted change to .pl/allowed_signers  $change  bad signature
	2026-11-26  Test Teacher <teacher@example.com>  untrusted change to .pl/allowed_signers  $(git -C folder rev-parse --short side)  not the pinned first list
	2026-11-26  Test Teacher  CCSS.Math.Content.6.RP.A.1  4  quiz  bad signature; keys untrusted since $change
	2026-11-26  Test Teacher  CCSS.Math.Content.6.RP.A.1  3  quiz  bad signature
	2 ratings: 0 verified, 0 signed with an unknown key, 0 unsigned, 2 bad
	2 untrusted changes to .pl/allowed_signers
	EOF
	test_cmp expect2 out
'

# A rating signed with a PGP signature (a stand-in signer, as t0243's),
# checked by a stand-in gpg: GOODSIG without VALIDSIG names no signer;
# a BADSIG not at a line's start is no status line.
test_expect_success 'gpg: GOODSIG alone is verified by an unnamed key; BADSIG inside a line is not read' '
	write_script pgp <<-\EOF &&
	cat >/dev/null
	echo "[GNUPG:] SIG_CREATED D 22 8 00 1 ABC" >&2
	printf -- "-----BEGIN PGP SIGNATURE-----\n\nsig\n-----END PGP SIGNATURE-----\n"
	EOF
	git -C p config commit.gpgsign true &&
	git -C p config gpg.format openpgp &&
	git -C p config gpg.program "$TRASH_DIRECTORY/pgp" &&
	pl -C p align rate quiz 6.RP.A.1 4 >/dev/null &&
	git -C p config commit.gpgsign false &&
	mkdir gpgbin &&
	write_script gpgbin/gpg <<-\EOF &&
	cat >/dev/null
	printf "noise [GNUPG:] BADSIG 00AB x\n[GNUPG:] GOODSIG 00AB Ms Rivera\n"
	EOF
	PATH="$TRASH_DIRECTORY/gpgbin:$PATH" pl -C p verify >out &&
	grep "^2026-11-26  Test Teacher  CCSS.Math.Content.6.RP.A.1  4  quiz  verified (openpgp ?)\$" out &&
	PATH="$TRASH_DIRECTORY/gpgbin:$PATH" TMPDIR="$TRASH_DIRECTORY/nowhere" \
		test_expect_code 1 pl -C p verify >out 2>err &&
	sed "s/pl-verify-[A-Za-z0-9]*/pl-verify-N/" err >actual &&
	echo "pl: cannot make a temporary folder ${SQ}$TRASH_DIRECTORY/nowhere/pl-verify-N${SQ}: No such file or directory" >expect.err &&
	test_cmp expect.err actual
'

test_done
