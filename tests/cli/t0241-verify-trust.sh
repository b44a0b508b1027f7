#!/bin/sh
test_description='pl verify: a learner cannot forge a verified rating'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

command -v ssh-keygen >/dev/null || test_skip_all 'ssh-keygen is missing'

# Ms Rivera and Mr Lee are teachers, Ana the learner.  Each portfolio is
# a copy of base, where Ms Rivera committed the first list (her key) and
# rated quiz, signed.  A learner commits to the portfolio as she likes:
# every forge below is a commit she can make, with her own key, under
# any name and email she likes.
teacher () {
	env GIT_AUTHOR_NAME="Ms Rivera" \
		GIT_AUTHOR_EMAIL=rivera@school.example \
		GIT_COMMITTER_NAME="Ms Rivera" \
		GIT_COMMITTER_EMAIL=rivera@school.example "$@"
}

lee () {
	env GIT_AUTHOR_NAME="Mr Lee" GIT_AUTHOR_EMAIL=lee@school.example \
		GIT_COMMITTER_NAME="Mr Lee" \
		GIT_COMMITTER_EMAIL=lee@school.example "$@"
}

learner () {
	env GIT_AUTHOR_NAME="Ana Lima" GIT_AUTHOR_EMAIL=ana@example.org \
		GIT_COMMITTER_NAME="Ana Lima" \
		GIT_COMMITTER_EMAIL=ana@example.org "$@"
}

# signing DIR KEY: DIR's commits signed with KEY; signing DIR: unsigned.
signing () {
	if test $# -eq 1
	then
		git -C "$1" config commit.gpgsign false
	else
		git -C "$1" config commit.gpgsign true &&
		git -C "$1" config gpg.format ssh &&
		git -C "$1" config user.signingkey "$TRASH_DIRECTORY/$2"
	fi
}

line () {
	echo "$1@school.example $(cut -d" " -f1,2 "$2.pub")"
}

# A rating of poster that claims to be Ms Rivera's, signed with Ana's key
# as the committer rivera@school.example.
forged_rating () {
	signing "$1" ana &&
	env GIT_COMMITTER_NAME="Ms Rivera" \
		GIT_COMMITTER_EMAIL=rivera@school.example \
		pl -C "$1" align rate --by "Ms Rivera <rivera@school.example>" \
		poster 6.RP.A.1 4 >/dev/null
}

short () {
	git -C "$1" rev-parse --short "$2"
}

HEAD_LINE='trusting the first .pl/allowed_signers, from FIRST by Ms Rivera <rivera@school.example> (not pinned)'
QUIZ='2026-11-26  Ms Rivera  CCSS.Math.Content.6.RP.A.1  3  quiz  verified (rivera@school.example)'
RATED_QUIZ='Ms Rivera <rivera@school.example> rated quiz against CCSS.Math.Content.6.RP.A.1: 3. (verified)'
RATED_POSTER='Ms Rivera <rivera@school.example> rated poster against CCSS.Math.Content.6.RP.A.1: 4.'

# expect_verify DIR CODE: pl verify's exit status, then its output is
# compared with the file expect (FIRST replaced by the first list's id).
expect_verify () {
	sed "s/FIRST/$(cat first)/" expect >expect.out &&
	test_expect_code "$2" pl -C "$1" verify >out 2>err &&
	test_cmp expect.out out
}

# expect_forged DIR X [WHY [AUTHOR]]: after the one untrusted change X
# (by Ana, not signed, unless said), the forged rating of poster is not
# verified, Ms Rivera's of quiz still is, and pl verify exits 14.
expect_forged () {
	cat >expect <<-EOF &&
	$HEAD_LINE
	2026-11-26  ${4:-Ana Lima <ana@example.org>}  untrusted change to .pl/allowed_signers  $2  ${3:-not signed}
	2026-11-26  Ms Rivera  CCSS.Math.Content.6.RP.A.1  4  poster  signed, unknown key; keys untrusted since $2
	$QUIZ
	2 ratings: 1 verified, 1 signed with an unknown key, 0 unsigned, 0 bad
	1 untrusted change to .pl/allowed_signers
	EOF
	expect_verify "$1" 14
}

# log_ratings DIR: the ends of pl log's rating lines, newest first.
log_ratings () {
	pl -C "$1" log --kind evidence >log.out 2>log.err &&
	grep "  rate  " log.out | sed "s/.*  rate     [a-z]*  //"
}

test_expect_success 'setup: the first list is Ms Rivera’s, her rating verifies' '
	for k in rivera lee ana; do
		ssh-keygen -q -t ed25519 -N "" -C $k -f $k || return 1
	done &&
	pl init --name "Ana Lima" base >/dev/null &&
	mkdir base/standards &&
	printf "%s\n" "code,parent,grade,subject,description" \
		"CCSS.Math.Content.6.RP.A.1,,6,Math,Ratios" \
		>base/standards/math.csv &&
	git -C base add standards &&
	git -C base commit -q -m "standards: math" &&
	for e in quiz poster essay; do
		pl -C base evidence add -m x --id $e "$e" >/dev/null || return 1
	done &&
	mkdir base/.pl &&
	line rivera rivera >base/.pl/allowed_signers &&
	git -C base add .pl &&
	teacher git -C base commit -q -m "Trust Ms Rivera" &&
	short base HEAD >first &&
	signing base rivera &&
	teacher pl -C base align rate --by "Ms Rivera <rivera@school.example>" \
		quiz 6.RP.A.1 3 >/dev/null &&
	cat >expect <<-EOF &&
	$HEAD_LINE
	$QUIZ
	1 rating: 1 verified, 0 signed with an unknown key, 0 unsigned, 0 bad
	EOF
	expect_verify base 0 &&
	test_must_be_empty err
'

test_expect_success 'forge: the learner’s key under the teacher’s email, unsigned' '
	cp -R base f1 &&
	line rivera ana >>f1/.pl/allowed_signers &&
	signing f1 &&
	learner git -C f1 commit -q -a -m "notes" &&
	X=$(short f1 HEAD) &&
	forged_rating f1 &&
	expect_forged f1 "$X" &&
	echo "pl: 1 untrusted change to .pl/allowed_signers" >expect &&
	test_cmp expect err &&
	log_ratings f1 >actual &&
	cat >expect <<-EOF &&
	$RATED_POSTER (not verified: keys untrusted since $X)
	$RATED_QUIZ
	EOF
	test_cmp expect actual &&
	echo "pl: warning: untrusted change to .pl/allowed_signers in $X by Ana Lima <ana@example.org>: not signed; no rating after it is verified" >expect &&
	test_cmp expect log.err &&
	pl -C f1 log --kind evidence --format csv -n 1 >out 2>/dev/null &&
	tail -n 1 out | grep ",false.$" &&
	test_expect_code 14 pl -C f1 verify --format json >out 2>/dev/null &&
	python3 - "$(git -C f1 rev-parse HEAD~1)" <<-\EOF
	import json, sys
	d = json.load(open("out"))
	assert d["trust"] == {"source": "list", "file": None,
	    "first": open("first").read().strip(),
	    "first_by": "Ms Rivera <rivera@school.example>",
	    "pinned": False, "shallow": False}, d["trust"]
	assert d["untrusted"] == [{"commit": sys.argv[1],
	    "date": "2026-11-26", "author": "Ana Lima <ana@example.org>",
	    "why": "not signed"}], d["untrusted"]
	r = d["ratings"][0]
	assert r["signature"] == "unknown_key" and r["untrusted_since"], r
	assert d["summary"]["untrusted"] == 1, d["summary"]
	EOF
'

test_expect_success 'forge: the list changed in a commit signed with the learner’s own key' '
	cp -R base f2 &&
	{ line rivera ana && line ana ana; } >>f2/.pl/allowed_signers &&
	signing f2 ana &&
	learner git -C f2 commit -q -a -m "my key" &&
	X=$(short f2 HEAD) &&
	forged_rating f2 &&
	expect_forged f2 "$X" "signed, unknown key"
'

test_expect_success 'forge: the teacher’s key replaced, in a commit made out as hers' '
	cp -R base f3 &&
	line rivera ana >f3/.pl/allowed_signers &&
	signing f3 &&
	teacher git -C f3 commit -q -a -m "New key" &&
	X=$(short f3 HEAD) &&
	forged_rating f3 &&
	test_tick &&
	signing f3 rivera &&
	teacher pl -C f3 align rate --by "Ms Rivera <rivera@school.example>" \
		essay 6.RP.A.1 2 >/dev/null &&
	cat >expect <<-EOF &&
	$HEAD_LINE
	2026-11-26  Ms Rivera <rivera@school.example>  untrusted change to .pl/allowed_signers  $X  not signed
	2026-11-26  Ms Rivera  CCSS.Math.Content.6.RP.A.1  2  essay  signed, unknown key; keys untrusted since $X
	2026-11-26  Ms Rivera  CCSS.Math.Content.6.RP.A.1  4  poster  signed, unknown key; keys untrusted since $X
	$QUIZ
	3 ratings: 1 verified, 2 signed with an unknown key, 0 unsigned, 0 bad
	1 untrusted change to .pl/allowed_signers
	EOF
	expect_verify f3 14
'

test_expect_success 'forge: a branch changes the list, a merge brings it' '
	cp -R base f4 &&
	signing f4 &&
	git -C f4 checkout -q -b side &&
	line rivera ana >>f4/.pl/allowed_signers &&
	learner git -C f4 commit -q -a -m "keys" &&
	X=$(short f4 HEAD) &&
	git -C f4 checkout -q - &&
	learner pl -C f4 evidence add -m x --id video "video" >/dev/null &&
	learner git -C f4 merge -q --no-ff -m "Merge side" side &&
	forged_rating f4 &&
	expect_forged f4 "$X"
'

test_expect_success 'forge: the merge commit itself changes the list' '
	cp -R base f5 &&
	signing f5 &&
	git -C f5 checkout -q -b side &&
	learner pl -C f5 evidence add -m x --id video "video" >/dev/null &&
	git -C f5 checkout -q - &&
	learner git -C f5 merge -q --no-ff --no-commit side &&
	line rivera ana >>f5/.pl/allowed_signers &&
	git -C f5 add .pl &&
	learner git -C f5 commit -q -m "Merge side" &&
	X=$(short f5 HEAD) &&
	forged_rating f5 &&
	expect_forged f5 "$X"
'

test_expect_success 'forge: a teacher’s signed merge of an untrusted list does not vouch for it' '
	cp -R base f10 &&
	signing f10 rivera &&
	git -C f10 checkout -q -b teacher &&
	line lee lee >>f10/.pl/allowed_signers &&
	teacher git -C f10 commit -q -a -m "Trust Mr Lee" &&
	git -C f10 checkout -q - &&
	signing f10 &&
	{ line rivera ana && cat f10/.pl/allowed_signers; } >list &&
	cp list f10/.pl/allowed_signers &&
	learner git -C f10 commit -q -a -m "keys" &&
	X=$(short f10 HEAD) &&
	signing f10 rivera &&
	teacher git -C f10 merge -q --no-ff -m "Merge teacher" teacher &&
	git -C f10 cat-file commit HEAD | grep "^gpgsig " &&
	test_line_count = 3 f10/.pl/allowed_signers &&
	forged_rating f10 &&
	expect_forged f10 "$X"
'

test_expect_success 'forge: the list removed, then added again as the learner’s' '
	cp -R base f6 &&
	signing f6 &&
	git -C f6 rm -q .pl/allowed_signers &&
	learner git -C f6 commit -q -m "tidy" &&
	X=$(short f6 HEAD) &&
	mkdir f6/.pl &&
	line rivera ana >f6/.pl/allowed_signers &&
	git -C f6 add .pl &&
	learner git -C f6 commit -q -m "keys" &&
	Y=$(short f6 HEAD) &&
	forged_rating f6 &&
	cat >expect <<-EOF &&
	$HEAD_LINE
	2026-11-26  Ana Lima <ana@example.org>  untrusted change to .pl/allowed_signers  $Y  not signed
	2026-11-26  Ana Lima <ana@example.org>  untrusted change to .pl/allowed_signers  $X  not signed
	2026-11-26  Ms Rivera  CCSS.Math.Content.6.RP.A.1  4  poster  signed, unknown key; keys untrusted since $Y
	$QUIZ
	2 ratings: 1 verified, 1 signed with an unknown key, 0 unsigned, 0 bad
	2 untrusted changes to .pl/allowed_signers
	EOF
	expect_verify f6 14 &&
	echo "pl: 2 untrusted changes to .pl/allowed_signers" >expect &&
	test_cmp expect err
'

test_expect_success 'forge: another file renamed over the list' '
	cp -R base f7 &&
	signing f7 &&
	{ line rivera rivera && line rivera ana; } >f7/.pl/keys &&
	git -C f7 add .pl/keys &&
	learner git -C f7 commit -q -m "keys" &&
	git -C f7 mv -f .pl/keys .pl/allowed_signers &&
	learner git -C f7 commit -q -m "rename" &&
	X=$(short f7 HEAD) &&
	forged_rating f7 &&
	expect_forged f7 "$X"
'

test_expect_success 'forge: the list edited in the working tree only' '
	cp -R base f8 &&
	line rivera ana >>f8/.pl/allowed_signers &&
	forged_rating f8 &&
	git -C f8 status --porcelain >actual &&
	echo " M .pl/allowed_signers" >expect &&
	test_cmp expect actual &&
	cat >expect <<-EOF &&
	$HEAD_LINE
	2026-11-26  Ms Rivera  CCSS.Math.Content.6.RP.A.1  4  poster  signed, unknown key
	$QUIZ
	2 ratings: 1 verified, 1 signed with an unknown key, 0 unsigned, 0 bad
	EOF
	expect_verify f8 0 &&
	log_ratings f8 >actual &&
	printf "%s\n" "$RATED_POSTER" "$RATED_QUIZ" >expect &&
	test_cmp expect actual &&
	test_must_be_empty log.err
'

test_expect_success 'forge: history rewritten with a new first list; a pin catches it' '
	cp -R base f9 &&
	git -C f9 config pl.trustFrom "$(git -C f9 rev-parse HEAD~1)" &&
	signing f9 &&
	FILTER_BRANCH_SQUELCH_WARNING=1 learner git -C f9 filter-branch \
		--tree-filter "test ! -f .pl/allowed_signers || echo \"$(line rivera ana)\" >>.pl/allowed_signers" \
		HEAD >/dev/null 2>&1 &&
	rm -rf f9/.git/refs/original &&
	forged_rating f9 &&
	NEW=$(git -C f9 rev-parse --short HEAD~2) &&
	test_expect_code 14 pl -C f9 verify >out 2>err &&
	test_must_be_empty out &&
	echo "pl: the pinned commit $(git -C base rev-parse HEAD~1) is not in the history: was it rewritten?" >expect &&
	test_cmp expect err &&
	test_expect_code 14 pl -C f9 log >out 2>err &&
	test_cmp expect err &&
	# without the pin, the first list is the rewritten one: the line
	# that names it is what the verifier has to go on
	git -C f9 config --unset pl.trustFrom &&
	pl -C f9 verify >out &&
	echo "trusting the first .pl/allowed_signers, from $NEW by Ms Rivera <rivera@school.example> (not pinned)" >expect &&
	head -n 1 out >actual &&
	test_cmp expect actual
'

test_expect_success 'pinned: --trust-from and pl.trustFrom say so' '
	F=$(git -C base rev-parse HEAD~1) &&
	cat >expect <<-EOF &&
	trusting .pl/allowed_signers, from $(cat first) by Ms Rivera <rivera@school.example> (pinned)
	$QUIZ
	1 rating: 1 verified, 0 signed with an unknown key, 0 unsigned, 0 bad
	EOF
	pl -C base verify --trust-from "$F" >out &&
	test_cmp expect out &&
	cp -R base pinned &&
	git -C pinned config pl.trustFrom "$F" &&
	pl -C pinned verify >out &&
	test_cmp expect out &&
	# a walk from before the pin: no list judges it, nothing is wrong
	pl -C pinned log --rev HEAD~2 >out 2>err &&
	test_must_be_empty err &&
	pl -C pinned verify HEAD~1 >out &&
	tail -n 1 out >actual &&
	echo "0 ratings: 0 verified, 0 signed with an unknown key, 0 unsigned, 0 bad" >expect &&
	test_cmp expect actual &&
	test_expect_code 5 pl -C base verify --trust-from HEAD~2 2>err &&
	echo "pl: the pinned commit $(git -C base rev-parse HEAD~2) has no .pl/allowed_signers" >expect &&
	test_cmp expect err &&
	test_expect_code 4 pl -C base verify --trust-from nowhere 2>err &&
	echo "pl: unknown revision ${SQ}nowhere${SQ}" >expect &&
	test_cmp expect err
'

test_expect_success 'a pin on a later commit: what came before it is not reported' '
	cp -R f1 later &&
	signing later rivera &&
	line rivera rivera >later/.pl/allowed_signers &&
	teacher git -C later commit -q -a -m "Only Ms Rivera" &&
	R=$(short later HEAD) &&
	X=$(short later HEAD~2) &&
	# the repair is signed by the last key trusted: the chain holds again,
	# but the change it repairs is still reported
	test_expect_code 14 pl -C later verify >out 2>err &&
	grep "^2026-11-26  Ana Lima <ana@example.org>  untrusted change to .pl/allowed_signers  $X  not signed$" out &&
	teacher pl -C later align rate --by "Ms Rivera <rivera@school.example>" \
		essay 6.RP.A.1 2 >/dev/null &&
	pl -C later verify --trust-from "$R" >out &&
	cat >expect <<-EOF &&
	trusting .pl/allowed_signers, from $R by Ms Rivera <rivera@school.example> (pinned)
	2026-11-26  Ms Rivera  CCSS.Math.Content.6.RP.A.1  2  essay  verified (rivera@school.example)
	2026-11-26  Ms Rivera  CCSS.Math.Content.6.RP.A.1  4  poster  signed, unknown key
	2026-11-26  Ms Rivera  CCSS.Math.Content.6.RP.A.1  3  quiz  signed, unknown key
	3 ratings: 1 verified, 2 signed with an unknown key, 0 unsigned, 0 bad
	EOF
	test_cmp expect out
'

test_expect_success 'a teacher adds a key, signed: the new teacher’s ratings verify' '
	cp -R base t1 &&
	line lee lee >>t1/.pl/allowed_signers &&
	teacher git -C t1 commit -q -a -m "Trust Mr Lee" &&
	signing t1 lee &&
	lee pl -C t1 align rate --by "Mr Lee <lee@school.example>" \
		essay 6.RP.A.1 2 >/dev/null &&
	cat >expect <<-EOF &&
	$HEAD_LINE
	2026-11-26  Mr Lee  CCSS.Math.Content.6.RP.A.1  2  essay  verified (lee@school.example)
	$QUIZ
	2 ratings: 2 verified, 0 signed with an unknown key, 0 unsigned, 0 bad
	EOF
	expect_verify t1 0
'

test_expect_success 'a key removed, signed: ratings before stay verified, after do not' '
	cp -R t1 t2 &&
	line lee lee >t2/.pl/allowed_signers &&
	lee git -C t2 commit -q -a -m "Ms Rivera left" &&
	test_tick &&
	signing t2 rivera &&
	teacher pl -C t2 align rate --by "Ms Rivera <rivera@school.example>" \
		poster 6.RP.A.1 1 >/dev/null &&
	cat >expect <<-EOF &&
	$HEAD_LINE
	2026-11-26  Ms Rivera  CCSS.Math.Content.6.RP.A.1  1  poster  signed, unknown key
	2026-11-26  Mr Lee  CCSS.Math.Content.6.RP.A.1  2  essay  verified (lee@school.example)
	$QUIZ
	3 ratings: 2 verified, 1 signed with an unknown key, 0 unsigned, 0 bad
	EOF
	expect_verify t2 0 &&
	log_ratings t2 >actual &&
	printf "%s\n" \
		"Ms Rivera <rivera@school.example> rated poster against CCSS.Math.Content.6.RP.A.1: 1." \
		"Mr Lee <lee@school.example> rated essay against CCSS.Math.Content.6.RP.A.1: 2. (verified)" \
		"$RATED_QUIZ" >expect &&
	test_cmp expect actual &&
	test_must_be_empty log.err
'

test_expect_success 'a signed change merged by the learner’s unsigned merge holds' '
	cp -R base t3 &&
	git -C t3 checkout -q -b teacher &&
	line lee lee >>t3/.pl/allowed_signers &&
	teacher git -C t3 commit -q -a -m "Trust Mr Lee" &&
	git -C t3 checkout -q - &&
	signing t3 &&
	learner pl -C t3 evidence add -m x --id video "video" >/dev/null &&
	learner git -C t3 merge -q --no-ff -m "Merge teacher" teacher &&
	signing t3 lee &&
	lee pl -C t3 align rate --by "Mr Lee <lee@school.example>" \
		essay 6.RP.A.1 2 >/dev/null &&
	pl -C t3 verify >out &&
	grep "^2026-11-26  Mr Lee  CCSS.Math.Content.6.RP.A.1  2  essay  verified (lee@school.example)$" out &&
	grep "^2 ratings: 2 verified, 0 signed with an unknown key, 0 unsigned, 0 bad$" out
'

test_expect_success 'the verifier’s own file: the list in the portfolio is not read' '
	line rivera rivera >mine &&
	cat >expect <<-EOF &&
	trusting the keys in $TRASH_DIRECTORY/mine
	2026-11-26  Ms Rivera  CCSS.Math.Content.6.RP.A.1  4  poster  signed, unknown key
	$QUIZ
	2 ratings: 1 verified, 1 signed with an unknown key, 0 unsigned, 0 bad
	EOF
	pl -C f1 verify --allowed-signers "$TRASH_DIRECTORY/mine" >out 2>err &&
	test_cmp expect out &&
	test_must_be_empty err &&
	git -C f1 config gpg.ssh.allowedSignersFile "$TRASH_DIRECTORY/mine" &&
	pl -C f1 verify >out &&
	test_cmp expect out &&
	log_ratings f1 >actual &&
	printf "%s\n" "$RATED_POSTER" "$RATED_QUIZ" >expect &&
	test_cmp expect actual &&
	test_must_be_empty log.err &&
	# git agrees
	git -C f1 verify-commit HEAD~2 2>/dev/null &&
	test_must_fail git -C f1 verify-commit HEAD 2>/dev/null &&
	# a file with Mr Lee only: Ms Rivera is not trusted at all
	line lee lee >lee-only &&
	pl -C base verify --allowed-signers ../lee-only >out &&
	grep "  quiz  signed, unknown key$" out &&
	test_expect_code 4 pl -C base verify --allowed-signers nowhere 2>err &&
	echo "pl: ${SQ}nowhere${SQ} does not exist" >expect &&
	test_cmp expect err
'

test_expect_success 'the options are in --help and the completions' '
	pl verify --help >out &&
	grep "^    --allowed-signers FILE  " out &&
	grep "^    --trust-from COMMIT  " out &&
	pl log --help >out &&
	grep "^    --allowed-signers FILE  " out &&
	grep "^    --trust-from COMMIT  " out &&
	for c in verify log; do
		pl -C base __complete $c -- >out &&
		grep "^--allowed-signers$" out &&
		grep "^--trust-from$" out &&
		pl -C base __complete $c --allowed-signers "" >out &&
		echo @file >expect &&
		test_cmp expect out || return 1
	done
'

test_done
