#!/bin/sh
test_description='signed commits (commit.gpgsign) and pl verify'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"
. "$TEST_DIRECTORY/lib-standards.sh"

command -v ssh-keygen >/dev/null || test_skip_all 'ssh-keygen is missing'

# Keys: the teacher's is trusted, the learner's is not.  Each signs as
# git would, from the portfolio's own config (ssh_as sets it).
ssh_as () {
	git -C p config commit.gpgsign true &&
	git -C p config gpg.format ssh &&
	git -C p config user.signingkey "$TRASH_DIRECTORY/$1"
}

fingerprint () {
	ssh-keygen -l -f "$1.pub" | cut -d" " -f2
}

test_expect_success 'setup' '
	ssh-keygen -q -t ed25519 -N "" -C rivera -f rivera &&
	ssh-keygen -q -t ed25519 -N "" -C ana -f ana &&
	echo "rivera@school.example $(cut -d" " -f1,2 rivera.pub)" \
		>allowed &&
	pl init --name "Ana Lima" p >/dev/null &&
	commit_standards p math <<-\EOF &&
	code,parent,grade,subject,description
	CCSS.Math.Content.6.RP.A.1,,6,Math,Ratios
	EOF
	test_tick &&
	pl -C p evidence add -m x --id quiz "Quiz" >/dev/null &&
	pl -C p evidence add -m x --id poster "Poster" >/dev/null
'

test_expect_success 'commit.gpgsign with gpg.format ssh: pl signs, git verifies' '
	ssh_as ana &&
	test_tick &&
	pl -C p goal add --id fractions "Fractions" >/dev/null &&
	git -C p cat-file commit HEAD >commit &&
	grep "^gpgsig -----BEGIN SSH SIGNATURE-----$" commit &&
	echo "teacher@example.com $(cut -d" " -f1,2 ana.pub)" >mine &&
	git -C p -c gpg.ssh.allowedSignersFile="$TRASH_DIRECTORY/mine" \
		verify-commit HEAD 2>err &&
	grep "^Good \"git\" signature for teacher@example.com with ED25519 key $(fingerprint ana)$" err &&
	git -C p -c gpg.ssh.allowedSignersFile="$TRASH_DIRECTORY/mine" \
		log -1 --show-signature >out &&
	grep "^Good \"git\" signature for teacher@example.com" out &&
	# signed with the committer key even with --author
	pl -C p goal add --author "Ana Lima <ana@example.org>" \
		--id ratios "Ratios" >/dev/null &&
	git -C p -c gpg.ssh.allowedSignersFile="$TRASH_DIRECTORY/mine" \
		log -1 --format="%an <%ae> by %ce: %G?" >actual &&
	echo "Ana Lima <ana@example.org> by teacher@example.com: G" >expect &&
	test_cmp expect actual
'

command -v ssh-agent >/dev/null && command -v ssh-add >/dev/null &&
	test_set_prereq AGENT

test_expect_success AGENT 'user.signingkey key::<public key>: the key in ssh-agent' '
	eval "$(ssh-agent -s)" >/dev/null &&
	test_when_finished "kill $SSH_AGENT_PID" &&
	ssh-add -q ana 2>/dev/null &&
	git -C p config user.signingkey "key::$(cat ana.pub)" &&
	mv ana ana.away &&
	test_when_finished "mv ana.away ana" &&
	pl -C p goal add --id agent "Agent" >/dev/null &&
	git -C p -c gpg.ssh.allowedSignersFile="$TRASH_DIRECTORY/mine" \
		verify-commit HEAD 2>err &&
	grep "^Good \"git\" signature for teacher@example.com" err &&
	ls "${TMPDIR:-/tmp}" >tmp.after &&
	! grep "^pl-key-" tmp.after &&
	ssh_as ana
'

test_expect_success 'a signing program that fails: nothing committed, exit 1' '
	write_script no-sign <<-\EOF &&
	cat >/dev/null
	echo "no key here" >&2
	exit 1
	EOF
	git -C p config gpg.ssh.program "$TRASH_DIRECTORY/no-sign" &&
	echo "edited" >>p/evidence/quiz.md &&
	echo "staged" >p/notes.txt &&
	git -C p add notes.txt &&
	before &&
	git -C p ls-files -s >index.before &&
	cp p/evidence/quiz.md quiz.before &&
	test_expect_code 1 pl -C p goal add --id decimals "Decimals" \
		>out 2>err &&
	test_must_be_empty out &&
	echo "pl: cannot sign the commit: no key here; nothing was committed" >expect &&
	test_cmp expect err &&
	same_as_before &&
	git -C p ls-files -s >index.now &&
	test_cmp index.before index.now &&
	test_cmp quiz.before p/evidence/quiz.md &&
	test_path_is_missing p/goals/decimals.md &&
	ls p/.git >gitdir &&
	! grep lock gitdir
'

test_expect_success 'a signing program that is missing: nothing committed, exit 1' '
	git -C p config gpg.ssh.program "$TRASH_DIRECTORY/nowhere" &&
	before &&
	test_expect_code 1 pl -C p goal add --id decimals "Decimals" \
		>out 2>err &&
	echo "pl: cannot sign the commit: cannot run '"'$TRASH_DIRECTORY/nowhere'"': No such file or directory; nothing was committed" >expect &&
	test_cmp expect err &&
	same_as_before &&
	git -C p config --unset gpg.ssh.program &&
	git -C p checkout -q evidence/quiz.md &&
	git -C p rm -q --cached notes.txt &&
	rm p/notes.txt
'

test_expect_success 'ssh signing without user.signingkey is refused' '
	git -C p config --unset user.signingkey &&
	before &&
	test_expect_code 1 pl -C p goal add --id decimals "Decimals" 2>err &&
	echo "pl: cannot sign the commit: user.signingkey needs to be set for ssh signing; nothing was committed" >expect &&
	test_cmp expect err &&
	same_as_before
'

test_expect_success 'a teacher rates, signed; allowed_signers committed' '
	mkdir p/.pl &&
	cp allowed p/.pl/allowed_signers &&
	git -C p add .pl &&
	git -C p -c commit.gpgsign=false commit -q -m "Trust Ms Rivera" &&
	git -C p rev-parse --short HEAD >trust.commit &&
	ssh_as rivera &&
	test_tick &&
	GIT_COMMITTER_NAME="Ms Rivera" \
	GIT_COMMITTER_EMAIL=rivera@school.example \
		pl -C p align rate --by "Ms Rivera <rivera@school.example>" \
		quiz 6.RP.A.1 3 >/dev/null &&
	git -C p rev-parse HEAD >teacher.commit
'

test_expect_success 'a learner forges a rating: own key, then unsigned' '
	ssh_as ana &&
	test_tick &&
	GIT_COMMITTER_EMAIL=rivera@school.example \
		pl -C p align rate --by "Ms Rivera <rivera@school.example>" \
		poster 6.RP.A.1 4 >/dev/null &&
	test_tick &&
	git -C p config commit.gpgsign false &&
	pl -C p align rate --by "Ms Rivera <rivera@school.example>" \
		quiz 6.RP.A.1 4 >/dev/null
'

test_expect_success 'pl verify: one line per rating, then the summary' '
	pl -C p verify >out 2>err &&
	test_must_be_empty err &&
	cat >expect <<-EOF &&
	trusting the first .pl/allowed_signers, from $(cat trust.commit) by Test Teacher <teacher@example.com> (not pinned)
	2026-11-26  Ms Rivera  CCSS.Math.Content.6.RP.A.1  4  quiz  not signed
	2026-11-26  Ms Rivera  CCSS.Math.Content.6.RP.A.1  4  poster  signed, unknown key
	2026-11-26  Ms Rivera  CCSS.Math.Content.6.RP.A.1  3  quiz  verified (rivera@school.example)
	3 ratings: 1 verified, 1 signed with an unknown key, 1 unsigned, 0 bad
	3 other signed commits: 0 bad
	EOF
	test_cmp expect out
'

test_expect_success 'pl verify --format json: each rating, the signer and key' '
	pl -C p verify --format json >out &&
	python3 - "$(fingerprint rivera)" "$(fingerprint ana)" \
		"$(cat teacher.commit)" <<-\EOF
	import json, sys
	d = json.load(open("out"))
	rivera, ana, commit = sys.argv[1:]
	r = d["ratings"]
	assert [x["signature"] for x in r] == ["unsigned", "unknown_key",
	    "verified"], r
	assert r[2] == {"commit": commit, "date": "2026-11-26",
	    "rater": "Ms Rivera <rivera@school.example>",
	    "standard": "CCSS.Math.Content.6.RP.A.1", "level": "3",
	    "evidence": "quiz", "signature": "verified", "format": "ssh",
	    "signer": "rivera@school.example", "key": rivera,
	    "untrusted_since": None, "listed_for": None}, r[2]
	assert r[1]["key"] == ana and r[1]["signer"] is None, r[1]
	assert r[0]["format"] is None and r[0]["key"] is None, r[0]
	assert [(o["kind"], o["action"], o["id"], o["signature"])
	    for o in d["others"]] == [("goal", "add", "agent",
	    "unknown_key"), ("goal", "add", "ratios",
	    "unknown_key"), ("goal", "add", "fractions", "unknown_key")], d
	assert d["summary"] == {"ratings": 3, "verified": 1,
	    "unknown_key": 1, "unsigned": 1, "bad": 0, "others": 3,
	    "others_bad": 0, "untrusted": 0}, d["summary"]
	assert d["trust"]["source"] == "list" and d["untrusted"] == [], d
	EOF
'

test_expect_success 'pl log marks the verified rating, only with allowed_signers' '
	pl -C p log --kind evidence >out &&
	cat >expect <<-\EOF &&
	2026-11-26  Ms Rivera  evidence    rate     quiz  Ms Rivera <rivera@school.example> rated quiz against CCSS.Math.Content.6.RP.A.1: 4.
	2026-11-26  Ms Rivera  evidence    rate     poster  Ms Rivera <rivera@school.example> rated poster against CCSS.Math.Content.6.RP.A.1: 4.
	2026-11-26  Ms Rivera  evidence    rate     quiz  Ms Rivera <rivera@school.example> rated quiz against CCSS.Math.Content.6.RP.A.1: 3. (verified)
	2026-11-26  Test Teacher  evidence    add      poster  Added artifact evidence from 2026-11-26: Poster.
	2026-11-26  Test Teacher  evidence    add      quiz  Added artifact evidence from 2026-11-26: Quiz.
	EOF
	test_cmp expect out &&
	pl -C p log --kind evidence --format csv >out &&
	head -n 1 out | grep ",path,verified.$" &&
	sed -n 2,6p out | sed "s/.*,//" | tr -d "\r" >actual &&
	printf "%s\n" false false true "" "" >expect &&
	test_cmp expect actual &&
	pl -C p log --kind evidence --format json >out &&
	python3 -c "import json; print([c[\"verified\"] for c in json.load(open(\"out\"))])" >actual &&
	echo "[False, False, True, None, None]" >expect &&
	test_cmp expect actual &&
	# a portfolio that never had .pl/allowed_signers: the log as always
	pl init --name "Ben Ortiz" q >/dev/null &&
	pl -C q evidence add -m x --id essay "Essay" >/dev/null &&
	pl -C q log --kind evidence --format csv >out &&
	head -n 1 out | grep ",path.$" &&
	pl -C q log --kind evidence --format json >out &&
	! grep verified out &&
	pl -C q log --kind evidence >out 2>err &&
	! grep "(verified)" out &&
	test_must_be_empty err
'

test_expect_success 'pl report --since marks each rating of the window, as pl log does' '
	pl -C p report --for teacher --since 2026-11-20 >out &&
	sed -n "/^In the window/,/^\$/p" out | grep "Rated" >ratings &&
	cat >expect <<-\EOF &&
	  2026-11-26  rating      Rated quiz: 4 (advanced) - Ms Rivera (not verified)
	  2026-11-26  rating      Rated poster: 4 (advanced) - Ms Rivera (not verified)
	  2026-11-26  rating      Rated quiz: 3 (proficient) - Ms Rivera (verified)
	EOF
	test_cmp expect ratings &&
	pl -C p report --since 2026-11-20 --format json >out &&
	python3 -c "import json; print([e[\"signature\"] for e in json.load(open(\"out\"))[\"events\"] if e[\"type\"] == \"rating\"])" >actual &&
	echo "[${SQ}unverified${SQ}, ${SQ}unverified${SQ}, ${SQ}verified${SQ}]" >expect &&
	test_cmp expect actual
'

test_expect_success 'the results are cached by commit and the keys that judged it' '
	test_path_is_file p/.git/pl/verify-cache &&
	head -n 1 p/.git/pl/verify-cache >actual &&
	echo "pl verify cache 3" >expect &&
	test_cmp expect actual &&
	grep "^$(cat teacher.commit):$(git -C p rev-parse HEAD:.pl/allowed_signers) G ssh rivera@school.example $(fingerprint rivera) - -$" p/.git/pl/verify-cache &&
	# a cached answer needs no ssh-keygen
	mkdir nokeygen &&
	for t in git sed cat; do ln -s "$(command -v $t)" nokeygen/$t; done &&
	ln -s "$(command -v pl)" nokeygen/pl &&
	PATH="$TRASH_DIRECTORY/nokeygen" pl -C p verify >out2 &&
	pl -C p verify >out &&
	test_cmp out out2
'

test_expect_success 'a signed commit changed afterwards: bad signature, exit 14' '
	git -C p cat-file commit "$(cat teacher.commit)" |
		sed "s/^Pl-Level: 3$/Pl-Level: 4/" >forged &&
	grep "^gpgsig " forged &&
	forged=$(git -C p hash-object -t commit -w --stdin <forged) &&
	git -C p update-ref refs/heads/forged "$forged" &&
	test_expect_code 14 pl -C p verify forged >out 2>err &&
	echo "pl: 1 commit has a bad signature" >expect &&
	test_cmp expect err &&
	cat >expect <<-EOF &&
	trusting the first .pl/allowed_signers, from $(cat trust.commit) by Test Teacher <teacher@example.com> (not pinned)
	2026-11-26  Ms Rivera  CCSS.Math.Content.6.RP.A.1  4  quiz  bad signature
	1 rating: 0 verified, 0 signed with an unknown key, 0 unsigned, 1 bad
	3 other signed commits: 0 bad
	EOF
	test_cmp expect out &&
	pl -C p log --rev forged --kind evidence -n 1 >out &&
	grep "against CCSS.Math.Content.6.RP.A.1: 3. (bad signature)$" out &&
	test_must_fail git -C p \
		-c gpg.ssh.allowedSignersFile="$TRASH_DIRECTORY/allowed" \
		verify-commit forged 2>err &&
	! grep "^Good" err
'

test_expect_success 'a bad signature on a commit that is not a rating' '
	git -C p cat-file commit "$(git -C p rev-parse ":/goal: add ratios")" |
		sed "s/^Pl-Status: active$/Pl-Status: done/" >forged &&
	forged=$(git -C p hash-object -t commit -w --stdin <forged) &&
	git -C p update-ref refs/heads/forged2 "$forged" &&
	test_expect_code 14 pl -C p verify forged2 >out 2>err &&
	cat >expect <<-\EOF &&
	2026-11-26  Ana Lima  goal add ratios  bad signature
	0 ratings: 0 verified, 0 signed with an unknown key, 0 unsigned, 0 bad
	2 other signed commits: 1 bad
	EOF
	test_cmp expect out
'

test_expect_success 'pl verify: usage' '
	test_expect_code 2 pl -C p verify a b 2>err &&
	test_stderr_starts_pl err &&
	test_expect_code 4 pl -C p verify nowhere 2>err &&
	echo "pl: unknown revision '"'nowhere'"'" >expect &&
	test_cmp expect err
'

command -v gpg >/dev/null && test_set_prereq GPG

test_expect_success GPG 'openpgp: signed with gpg, checked against its keyring' '
	GNUPGHOME=$TRASH_DIRECTORY/gnupg &&
	export GNUPGHOME &&
	mkdir -m 700 "$GNUPGHOME" &&
	gpg --batch --passphrase "" --quick-gen-key \
		"Ms Rivera <rivera@school.example>" ed25519 sign never \
		2>/dev/null &&
	git -C p config --unset gpg.format &&
	git -C p config --unset user.signingkey &&
	git -C p config commit.gpgsign true &&
	test_tick &&
	GIT_COMMITTER_NAME="Ms Rivera" \
	GIT_COMMITTER_EMAIL=rivera@school.example \
		pl -C p align rate --by "Ms Rivera <rivera@school.example>" \
		poster 6.RP.A.1 2 >/dev/null &&
	git -C p cat-file commit HEAD >commit &&
	grep "^gpgsig -----BEGIN PGP SIGNATURE-----$" commit &&
	git -C p verify-commit HEAD 2>/dev/null &&
	fpr=$(gpg --with-colons --fingerprint rivera@school.example |
		sed -n "s/^fpr:*\([0-9A-F]*\):$/\1/p" | head -n 1) &&
	pl -C p verify >out &&
	sed -n 2p out >actual &&
	echo "2026-11-26  Ms Rivera  CCSS.Math.Content.6.RP.A.1  2  poster  verified (openpgp $fpr)" >expect &&
	test_cmp expect actual &&
	# the same signature, its key unknown to this keyring
	GNUPGHOME=$TRASH_DIRECTORY/empty &&
	mkdir -m 700 "$GNUPGHOME" &&
	pl -C p verify >out &&
	sed -n 2p out >actual &&
	echo "2026-11-26  Ms Rivera  CCSS.Math.Content.6.RP.A.1  2  poster  signed, unknown key" >expect &&
	test_cmp expect actual &&
	# a gpg that cannot sign: nothing committed
	GNUPGHOME=$TRASH_DIRECTORY/gnupg &&
	git -C p config user.signingkey nobody@nowhere.example &&
	before &&
	test_expect_code 1 pl -C p goal add --id decimals "Decimals" 2>err &&
	grep "^pl: cannot sign the commit: gpg: skipped \"nobody@nowhere.example\": No secret key" err &&
	test_line_count = 1 err &&
	same_as_before
'

test_done
