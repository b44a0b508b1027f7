#!/bin/sh
test_description='a sync conflict says both values and the command that settles it, and the steps it says settle it'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

test_expect_success 'setup: a portfolio on a bare remote' '
	pl init --name "Ana Lima" ana >/dev/null &&
	pl -C ana goal add --id fr --step One Fractions >/dev/null &&
	on 2026-11-01 &&
	pl -C ana reflect -m "First." >/dev/null &&
	git clone -q --bare ana start.git
'

fresh () {
	rm -rf remote.git here there &&
	cp -a start.git remote.git &&
	git clone -q remote.git here &&
	git clone -q remote.git there
}

test_expect_success 'two keys of a goal, the profile: each value on both sides, the commands that settle them' '
	fresh &&
	pl -C there goal status fr paused &&
	sed -i "s/^term: short/term: long/" there/goals/fr.md &&
	pl -C there profile set grade 6 &&
	git -C there commit -q -am "there" &&
	(cd there && pl sync >/dev/null) &&
	pl -C here goal status fr met &&
	sed -i "s/^term: short/term: medium, for a while now and then some more/" here/goals/fr.md &&
	pl -C here profile set grade 7 &&
	git -C here commit -q -am "here" &&
	(cd here && test_expect_code 8 pl sync 2>../err) &&
	echo "pl: cannot merge origin/master: goals/fr.md (${SQ}term${SQ}, ${SQ}status${SQ}); profile.md (${SQ}grade${SQ}); nothing was changed; goals/fr.md term: ${SQ}medium, for a while now and then some...${SQ} here, ${SQ}long${SQ} on origin/master; goals/fr.md status: ${SQ}met${SQ} here, ${SQ}paused${SQ} on origin/master; profile.md grade: ${SQ}7${SQ} here, ${SQ}6${SQ} on origin/master; to settle it, make this clone say what origin/master says (pl goal edit fr; pl profile edit), run pl sync, then change again what should differ" >expect &&
	test_cmp expect err
'

test_expect_success 'the steps it says settle it: this clone takes their values, syncs, then changes one back' '
	cp there/goals/fr.md here/goals/fr.md &&
	cp there/profile.md here/profile.md &&
	git -C here commit -q -am "as origin/master says" &&
	(cd here && pl sync >../out) &&
	grep "^Merged origin/master into master: 3 commits in, 4 out\\.\$" out &&
	pl -C here goal status fr met &&
	(cd here && pl sync >/dev/null) &&
	(cd there && pl sync >/dev/null) &&
	grep "^status: met\$" there/goals/fr.md &&
	grep "^grade: \"6\"\$" there/profile.md
'

test_expect_success 'a section and a reflection, over a URL: no values, the URL named' '
	fresh &&
	sed -i "s/^First\\./Theirs./" there/reflections/2026-11-01-first.md &&
	git -C there commit -q -am "there" &&
	(cd there && pl sync >/dev/null) &&
	sed -i "s/^First\\./Ours./" here/reflections/2026-11-01-first.md &&
	git -C here commit -q -am "here" &&
	(cd here && test_expect_code 8 pl sync "$TRASH_DIRECTORY/remote.git" 2>../err) &&
	echo "pl: cannot merge $TRASH_DIRECTORY/remote.git/master: reflections/2026-11-01-first.md (the text before the first heading); nothing was changed; to settle it, make this clone say what $TRASH_DIRECTORY/remote.git/master says (pl reflect edit 2026-11-01-first), run pl sync, then change again what should differ" >expect &&
	test_cmp expect err
'

test_expect_success 'taken out here, changed there: the steps it says bring theirs back' '
	fresh &&
	echo more >>there/goals/fr.md &&
	git -C there commit -q -am "there" &&
	(cd there && pl sync >/dev/null) &&
	git -C here rm -q goals/fr.md &&
	git -C here commit -q -m "here" &&
	(cd here && test_expect_code 8 pl sync 2>../err) &&
	grep "(git checkout origin/master -- goals/fr.md && git commit)" err &&
	(cd here && git checkout origin/master -- goals/fr.md &&
		git commit -q -m "back" && pl sync >../out) &&
	grep "^Merged origin/master into master" out &&
	git -C here show HEAD:goals/fr.md >fr &&
	test_cmp there/goals/fr.md fr
'

test_done
