#!/bin/sh
test_description='signing and verifying through the programs git names (stand-ins for gpg, gpgsm)'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# A signing program as git runs it: the commit on standard input, a
# detached signature (header $1) on standard output, gpg's status line
# on standard error unless $2 is "quiet".
signer() {
	write_script "$1" <<-EOF
	cat >/dev/null
	test "$3" = quiet || echo "[GNUPG:] SIG_CREATED D 22 8 00 1 ABC" >&2
	printf -- "-----BEGIN $2-----\n\n$1\n-----END $2-----\n"
	EOF
}

# pl goal add ID signs with program NAME, whose header is HEADER.
signed_by() {
	pl -C p goal add --id "$1" "$1" >/dev/null &&
	git -C p cat-file commit HEAD >commit &&
	grep "^gpgsig -----BEGIN $3-----$" commit &&
	grep "^ $2$" commit
}

# A checking program named gpg or gpgsm in bin/, first on PATH, that
# prints the status lines given.
checker() {
	mkdir -p bin &&
	write_script "bin/$1" <<-EOF
	cat >/dev/null
	printf "$2"
	exit ${3:-0}
	EOF
}

# A goal add that signing refuses: exit $1, "cannot sign the commit: $2",
# nothing committed.
refused() {
	before &&
	test_expect_code "$1" pl -C p goal add --id c "C" >out 2>err &&
	echo "pl: cannot sign the commit: $2; nothing was committed" >expect &&
	test_cmp expect err &&
	test_must_be_empty out &&
	same_as_before
}

test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	git -C p config commit.gpgsign true &&
	signer pgp "PGP SIGNATURE" &&
	signer pgp2 "PGP SIGNATURE" &&
	signer quiet "PGP SIGNATURE" quiet &&
	signer sm "SIGNED MESSAGE"
'

test_expect_success 'an unknown gpg.format: exit 5, nothing committed' '
	git -C p config gpg.format weird &&
	refused 5 "unknown gpg.format ${SQ}weird${SQ}"
'

test_expect_success 'openpgp: gpg.openpgp.program before gpg.program, as git' '
	git -C p config gpg.format openpgp &&
	git -C p config gpg.program "$TRASH_DIRECTORY/nowhere" &&
	git -C p config gpg.openpgp.program "$TRASH_DIRECTORY/pgp" &&
	signed_by a pgp "PGP SIGNATURE" &&
	git -C p config --unset gpg.openpgp.program &&
	git -C p config gpg.program "$TRASH_DIRECTORY/pgp2" &&
	signed_by b pgp2 "PGP SIGNATURE"
'

test_expect_success 'a signature without gpg'"'"'s SIG_CREATED is refused' '
	git -C p config gpg.program "$TRASH_DIRECTORY/quiet" &&
	refused 1 "$TRASH_DIRECTORY/quiet failed"
'

test_expect_success 'x509: gpg.x509.program, never gpg.program' '
	git -C p config gpg.format x509 &&
	git -C p config gpg.program "$TRASH_DIRECTORY/pgp" &&
	git -C p config gpg.x509.program "$TRASH_DIRECTORY/sm" &&
	signed_by x sm "SIGNED MESSAGE" &&
	git -C p config commit.gpgsign false
'

test_expect_success 'verify: no gpgsm, no gpg: signed, unknown key' '
	mkdir nogpg &&
	ln -s "$(command -v git)" nogpg/git &&
	PATH="$TRASH_DIRECTORY/nogpg" "$PL" -C p verify --format json >out &&
	python3 -c "import json; print([(o[\"id\"], o[\"format\"], o[\"signature\"]) for o in json.load(open(\"out\"))[\"others\"]])" >actual &&
	echo "[(${SQ}x${SQ}, ${SQ}x509${SQ}, ${SQ}unknown_key${SQ}), (${SQ}b${SQ}, ${SQ}openpgp${SQ}, ${SQ}unknown_key${SQ}), (${SQ}a${SQ}, ${SQ}openpgp${SQ}, ${SQ}unknown_key${SQ})]" >expect &&
	test_cmp expect actual
'

test_expect_success 'verify: gpg says GOODSIG and VALIDSIG: verified by its key' '
	checker gpg "[GNUPG:] NEWSIG\n[GNUPG:] GOODSIG 00AB Ms Rivera\n[GNUPG:] VALIDSIG FPR123 2026-11-26\n" &&
	checker gpgsm "[GNUPG:] GOODSIG 00CD Ms Rivera\n" 1 &&
	PATH="$TRASH_DIRECTORY/bin:$PATH" pl -C p verify --format json >out &&
	python3 -c "import json; print([(o[\"id\"], o[\"signature\"], o[\"signer\"]) for o in json.load(open(\"out\"))[\"others\"]])" >actual &&
	echo "[(${SQ}x${SQ}, ${SQ}unknown_key${SQ}, None), (${SQ}b${SQ}, ${SQ}verified${SQ}, ${SQ}FPR123${SQ}), (${SQ}a${SQ}, ${SQ}verified${SQ}, ${SQ}FPR123${SQ})]" >expect &&
	test_cmp expect actual
'

test_expect_success 'verify: gpg says BADSIG: bad signature, exit 14, never cached' '
	checker gpg "[GNUPG:] BADSIG 00AB Ms Rivera\n" 1 &&
	PATH="$TRASH_DIRECTORY/bin:$PATH" test_expect_code 14 pl -C p verify >out 2>err &&
	echo "pl: 2 commits have a bad signature" >expect &&
	test_cmp expect err &&
	grep -c "  bad signature$" out >actual &&
	echo 2 >expect &&
	test_cmp expect actual
'

test_expect_success 'verify: a cache of another version or with broken lines is read past' '
	pl -C p verify >/dev/null &&
	test_path_is_file p/.git/pl/verify-cache &&
	{ echo "pl verify cache 2" && cat p/.git/pl/verify-cache; } >old &&
	cp old p/.git/pl/verify-cache &&
	pl -C p verify >out &&
	head -n 1 p/.git/pl/verify-cache >actual &&
	echo "pl verify cache 3" >expect &&
	test_cmp expect actual &&
	c=$(git -C p rev-parse HEAD~1) &&
	{
		echo "pl verify cache 3" &&
		echo "short" &&
		echo "$c:- Z ssh - - - -" &&
		echo "$c:- GX"
	} >p/.git/pl/verify-cache &&
	pl -C p verify >out2 &&
	test_cmp out out2
'

test_done
