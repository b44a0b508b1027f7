#!/bin/sh
test_description='signing: the programs'"'"' odd answers, ssh keys given by path or as key::, the key file'"'"'s folder'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# Stand-ins for the signing programs, as t0243's: what each writes is
# what pl must make of it.
test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	git -C p config commit.gpgsign true &&
	write_script pgp-late <<-\EOF &&
	cat >/dev/null
	echo "[GNUPG:] KEY_CONSIDERED ABC 0" >&2
	echo "[GNUPG:] SIG_CREATED D 22 8 00 1 ABC" >&2
	printf -- "-----BEGIN PGP SIGNATURE-----\n\nlate\n-----END PGP SIGNATURE-----\n"
	EOF
	write_script pgp-empty <<-\EOF &&
	cat >/dev/null
	echo "[GNUPG:] SIG_CREATED D 22 8 00 1 ABC" >&2
	EOF
	mkdir bin &&
	write_script bin/gpgsm <<-\EOF &&
	cat >/dev/null
	echo "[GNUPG:] SIG_CREATED D 22 8 00 1 ABC" >&2
	printf -- "-----BEGIN SIGNED MESSAGE-----\n\n$*\n-----END SIGNED MESSAGE-----\n"
	EOF
	# ssh-keygen -Y sign as git runs it: the key file (with -U, a
	# public key whose secret half ssh-agent holds) must be there
	write_script fake-ssh <<-\EOF &&
	cat >/dev/null
	shift 5
	test -f "$1" || { echo "no key file $1" >&2; exit 1; }
	cp "$1" "$TRASH_DIRECTORY/key.seen"
	echo "$1 $2" >"$TRASH_DIRECTORY/args"
	printf -- "-----BEGIN SSH SIGNATURE-----\r\nsigned\r\n-----END SSH SIGNATURE-----\r\n"
	EOF
	write_script ssh-says-nothing <<-\EOF
	cat >/dev/null
	echo "just words"
	EOF
'

# pl goal add ID: committed, signed with a signature whose body is LINE.
signed() {
	pl -C p goal add --id "$1" "$1" >/dev/null &&
	git -C p cat-file commit HEAD >commit &&
	grep "^ $2$(printf "\r*")$" commit
}

# A goal add refused with exit $1 and "cannot sign the commit: $2".
refused() {
	before &&
	test_expect_code "$1" pl -C p goal add --id c "C" >out 2>err &&
	echo "pl: cannot sign the commit: $2; nothing was committed" >expect &&
	test_cmp expect err &&
	test_must_be_empty out &&
	same_as_before
}

test_expect_success 'gpg: SIG_CREATED after another status line is signed' '
	git -C p config gpg.program "$TRASH_DIRECTORY/pgp-late" &&
	signed late late
'

test_expect_success 'gpg: SIG_CREATED but no signature is refused' '
	git -C p config gpg.program "$TRASH_DIRECTORY/pgp-empty" &&
	refused 1 "$TRASH_DIRECTORY/pgp-empty failed"
'

test_expect_success 'gpg: a gpg.program that is missing is refused' '
	git -C p config gpg.program "$TRASH_DIRECTORY/nowhere" &&
	refused 1 "cannot run ${SQ}$TRASH_DIRECTORY/nowhere${SQ}: No such file or directory"
'

test_expect_success 'x509 without gpg.x509.program runs gpgsm from PATH, with the committer as key' '
	git -C p config gpg.format x509 &&
	PATH="$TRASH_DIRECTORY/bin:$PATH" signed sm "--status-fd=2 -bsau Test Teacher <teacher@example.com>"
'

test_expect_success 'ssh: an empty user.signingkey is refused' '
	git -C p config gpg.format ssh &&
	git -C p config gpg.ssh.program "$TRASH_DIRECTORY/fake-ssh" &&
	git -C p config user.signingkey "" &&
	refused 1 "user.signingkey needs to be set for ssh signing"
'

test_expect_success 'ssh: a key path git cannot expand is passed as it is' '
	git -C p config user.signingkey "~nobody-here/id" &&
	before &&
	test_expect_code 1 pl -C p goal add --id c "C" >out 2>err &&
	echo "pl: cannot sign the commit: no key file ~nobody-here/id; nothing was committed" >expect &&
	test_cmp expect err &&
	same_as_before
'

test_expect_success 'ssh: a key path with ~/ is the home folder'"'"'s, and the last CRLF is dropped' '
	echo "secret" >"$HOME/id" &&
	git -C p config user.signingkey "~/id" &&
	signed tilde "signed" &&
	echo "$HOME/id " >expect &&
	test_cmp expect args &&
	sed -n "/^gpgsig/,/^\$/p" commit >sig &&
	printf "gpgsig -----BEGIN SSH SIGNATURE-----\r\n signed\r\n -----END SSH SIGNATURE-----\n\n" >expect &&
	test_cmp expect sig
'

test_expect_success 'ssh: key:: is written to a file in TMPDIR, or /tmp when TMPDIR is empty, then removed' '
	git -C p config user.signingkey "key::ssh-ed25519 AAAA test" &&
	mkdir tmp &&
	TMPDIR="$TRASH_DIRECTORY/tmp" signed agent "signed" &&
	printf "ssh-ed25519 AAAA test" >expect &&
	test_cmp expect key.seen &&
	grep "^$TRASH_DIRECTORY/tmp/pl-key-[A-Za-z0-9]* -U$" args &&
	ls tmp >left &&
	test_must_be_empty left &&
	TMPDIR= signed agent2 "signed" &&
	grep "^/tmp/pl-key-[A-Za-z0-9]* -U$" args &&
	test_path_is_missing "$(cut -d" " -f1 args)"
'

test_expect_success 'ssh: key:: with a TMPDIR that is not there is refused' '
	before &&
	TMPDIR="$TRASH_DIRECTORY/nowhere" test_expect_code 1 pl -C p goal add --id c "C" >out 2>err &&
	sed "s/pl-key-[A-Za-z0-9]*/pl-key-N/" err >actual &&
	echo "pl: cannot sign the commit: cannot write the key to ${SQ}$TRASH_DIRECTORY/nowhere/pl-key-N${SQ}; nothing was committed" >expect &&
	test_cmp expect actual &&
	same_as_before
'

test_expect_success 'ssh: a program that exits 0 without a signature is refused' '
	git -C p config gpg.ssh.program "$TRASH_DIRECTORY/ssh-says-nothing" &&
	git -C p config user.signingkey "$HOME/id" &&
	refused 1 "$TRASH_DIRECTORY/ssh-says-nothing failed"
'

test_done
