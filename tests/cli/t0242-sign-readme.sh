#!/bin/sh
test_description='README: signed ratings as written, and a key listed for another email'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"
. "$TEST_DIRECTORY/lib-docs.sh"

command -v ssh-keygen >/dev/null || test_skip_all 'ssh-keygen is missing'

# The README's commands, its date made today's.
readme_part() {
	readme_tour "$1" | sed -e "s/2026-11-26/$(date +%F)/g"
}

test_expect_success 'README: the tour, then its signing steps, run as written' '
	mkdir sam &&
	readme_part "A short tour" >tour &&
	readme_part "Ratings a learner cannot forge" >signing &&
	grep -q "^\\$ pl verify$" signing &&
	(
		unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_AUTHOR_DATE \
			GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL \
			GIT_COMMITTER_DATE EMAIL &&
		HOME=$TRASH_DIRECTORY/sam &&
		export HOME &&
		run_examples <tour &&
		# "ssh-keygen -t ed25519 makes one in ~/.ssh/id_ed25519"
		mkdir -m 700 "$HOME/.ssh" &&
		ssh-keygen -q -t ed25519 -N "" -f "$HOME/.ssh/id_ed25519" &&
		run_examples <"$TRASH_DIRECTORY/signing"
	) &&
	git -C maya cat-file commit HEAD >commit &&
	grep "^gpgsig -----BEGIN SSH SIGNATURE-----$" commit
'

# The newest rating's signature in pl verify's output, as keys FILE judge
# it, is what the rest of the arguments say.
newest_says() {
	pl -C maya verify --allowed-signers "../$1" >out &&
	shift &&
	sed -n 2p out | sed "s/^.*fractions-quiz  //" >actual &&
	echo "$*" >expect &&
	test_cmp expect actual
}

test_expect_success 'a key listed for another email: what did not match' '
	echo "rivera@school.example $(cat sam/.ssh/id_ed25519.pub)" >elsewhere &&
	newest_says elsewhere "signed by a key listed for" \
		"rivera@school.example, committed as sam.rivera@example.com" &&
	tail -n 1 out >actual &&
	echo "2 ratings: 0 verified, 1 signed with an unknown key, 1 unsigned, 0 bad" >expect &&
	test_cmp expect actual &&
	pl -C maya verify --allowed-signers ../elsewhere --format json >out &&
	python3 -c "import json; r = json.load(open(\"out\"))[\"ratings\"]; print(r[0][\"signature\"], r[0][\"listed_for\"], r[0][\"signer\"], r[1][\"listed_for\"])" >actual &&
	echo "unknown_key rivera@school.example None None" >expect &&
	test_cmp expect actual
'

test_expect_success 'listed for several principals, once in the cache' '
	echo "rivera@school.example,lee@school.example $(cat sam/.ssh/id_ed25519.pub)" >two &&
	newest_says two "signed by a key listed for" \
		"rivera@school.example,lee@school.example, committed as" \
		"sam.rivera@example.com" &&
	grep " U ssh - SHA256:[^ ]* rivera@school.example,lee@school.example sam.rivera@example.com$" maya/.git/pl/verify-cache &&
	# read back from the cache, with no ssh-keygen to ask
	mkdir nokeygen &&
	for t in git sed cat; do ln -s "$(command -v $t)" nokeygen/$t || return 1; done &&
	ln -s "$(command -v pl)" nokeygen/pl &&
	PATH="$TRASH_DIRECTORY/nokeygen" pl -C maya verify --allowed-signers ../two >out2 &&
	test_cmp out out2
'

test_done
