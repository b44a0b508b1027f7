#!/bin/sh
test_description='signed commits (commit.gpgsign) and pl verify'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

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
	mkdir p/standards &&
	cat >p/standards/math.csv <<-\EOF &&
	code,parent,grade,subject,description
	CCSS.Math.Content.6.RP.A.1,,6,Math,Ratios
	EOF
	git -C p add standards &&
	git -C p commit -q -m "standards: math" &&
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
	git -C p log -1 --format="%an %ae %cn %ce %G?" \
		-c gpg.ssh.allowedSignersFile="$TRASH_DIRECTORY/mine" >actual &&
	git -C p -c gpg.ssh.allowedSignersFile="$TRASH_DIRECTORY/mine" \
		log -1 --format="%an <%ae> by %ce: %G?" >actual &&
	echo "Ana Lima <ana@example.org> by teacher@example.com: G" >expect &&
	test_cmp expect actual
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
	cat >expect <<-\EOF &&
	2026-11-26  Ms Rivera  CCSS.Math.Content.6.RP.A.1  3  quiz  not signed
	EOF
	test_cmp expect out
'

test_done
