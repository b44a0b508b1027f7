#!/bin/sh
test_description='pl sync: files pl does not merge by structure (nested, top-level, short names, not text), the profile taken out, a value cut short, a symbolic link, an unknown remote'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# A portfolio with a goal, and files beside the ones pl merges, shared
# as start.git; "here" and "there" are two clones of a copy of it.
test_expect_success 'setup: a portfolio on a bare remote' '
	pl init --name "Ana Lima" ana >/dev/null &&
	pl -C ana goal add --id fr --step One Fractions >/dev/null &&
	mkdir ana/goals/sub &&
	echo x >ana/goals/sub/x.md &&
	echo n >ana/notes.md &&
	echo a >ana/ab &&
	git -C ana add goals notes.md ab &&
	git -C ana commit -q -m "notes" &&
	git clone -q --bare ana start.git
'

fresh () {
	rm -rf remote.git here there &&
	cp -a start.git remote.git &&
	git clone -q remote.git here &&
	git clone -q remote.git there
}

# Commits what there changed and syncs it; commits here's change and
# syncs here, which must stop with exit 8, nothing changed.
stops () {
	git -C there commit -q -am "there" &&
	(cd there && pl sync >/dev/null) &&
	git -C here commit -q -am "here" &&
	git -C here rev-parse HEAD >head.before &&
	(cd here && test_expect_code 8 pl sync >../out 2>../err) &&
	test_must_be_empty out &&
	git -C here rev-parse HEAD >head.after &&
	test_cmp head.before head.after &&
	git -C here status --porcelain >status &&
	test_must_be_empty status
}

test_expect_success 'changed on both sides: a nested .md, a top-level .md, a short name, each a conflict with its git command' '
	fresh &&
	for f in goals/sub/x.md notes.md ab
	do
		echo theirs >>there/$f &&
		echo ours >>here/$f || return 1
	done &&
	stops &&
	not="(changed on both sides; pl merges goals, evidence, reflections and the profile)" &&
	echo "pl: cannot merge origin/master: ab $not; goals/sub/x.md $not; notes.md $not; nothing was changed; to settle it, make this clone say what origin/master says (git checkout origin/master -- ab && git commit; git checkout origin/master -- goals/sub/x.md && git commit; git checkout origin/master -- notes.md && git commit), run pl sync, then change again what should differ" >expect &&
	test_cmp expect err
'

test_expect_success 'a goal that is not text on one side, changed on both: a conflict that says so' '
	fresh &&
	printf "bin\000ary\n" >>there/goals/fr.md &&
	echo "more" >>here/goals/fr.md &&
	stops &&
	echo "pl: cannot merge origin/master: goals/fr.md (changed on both sides, and not text: pl merges text only); nothing was changed; to settle it, make this clone say what origin/master says (pl goal edit fr), run pl sync, then change again what should differ" >expect &&
	test_cmp expect err
'

test_expect_success 'the profile taken out there, changed here: git rm settles it' '
	fresh &&
	git -C there rm -q profile.md &&
	sed -i "s/^name: .*/name: Ana L./" here/profile.md &&
	stops &&
	echo "pl: cannot merge origin/master: profile.md (taken out on one side, changed on the other); nothing was changed; to settle it, make this clone say what origin/master says (git rm profile.md && git commit), run pl sync, then change again what should differ" >expect &&
	test_cmp expect err
'

test_expect_success 'a key taken out here, changed there to two lines: its first line shown, then ...' '
	fresh &&
	sed -i "s/^title: .*/title: \"Fractions\\\\nand more\"/" there/goals/fr.md &&
	sed -i "/^title: /d" here/goals/fr.md &&
	stops &&
	echo "pl: cannot merge origin/master: goals/fr.md (${SQ}title${SQ}); nothing was changed; goals/fr.md title: ${SQ}${SQ} here, ${SQ}Fractions${SQ}... on origin/master; to settle it, make this clone say what origin/master says (pl goal edit fr), run pl sync, then change again what should differ" >expect &&
	test_cmp expect err
'

test_expect_success 'a symbolic link on the remote: refused (exit 7), nothing changed' '
	fresh &&
	ln -s /etc/passwd there/link &&
	git -C there add link &&
	git -C there commit -q -m "a link" &&
	git -C there push -q origin master &&
	pl -C here goal step fr Two &&
	git -C here rev-parse HEAD >head.before &&
	(cd here && test_expect_code 7 pl sync >../out 2>../err) &&
	echo "pl: unsafe path ${SQ}link${SQ}: the remote has a symbolic link there" >expect &&
	test_cmp expect err &&
	test_must_be_empty out &&
	git -C here rev-parse HEAD >head.after &&
	test_cmp head.before head.after &&
	test_path_is_missing here/link
'

test_expect_success 'a remote name that is not one: exit 4, how to add it' '
	(cd here && test_expect_code 4 pl sync nosuch >../out 2>../err) &&
	echo "pl: no remote ${SQ}nosuch${SQ} (add one with: git remote add nosuch URL)" >expect &&
	test_cmp expect err &&
	test_must_be_empty out
'

test_expect_success 'pl roster sync: a clone folder that is not a portfolio fails its line, exit 13' '
	printf "learner,portfolio\nEve,file://%s/remote.git\n" \
		"$TRASH_DIRECTORY" >one.csv &&
	dir="clones/file$TRASH_DIRECTORY/remote" &&
	mkdir -p "$dir" &&
	echo "not a portfolio" >"$dir/x" &&
	test_expect_code 13 pl roster sync --clones clones one.csv >out 2>err &&
	cat >expect <<-EOF &&
	Eve: failed: ${SQ}$dir${SQ} is not a portfolio (no git repository)
	1 portfolio: 0 cloned, 0 synced, 0 left as they are, 1 failed
	EOF
	test_cmp expect out &&
	echo "pl: 1 of 1 portfolios failed (their lines say why)" >expect &&
	test_cmp expect err &&
	ls "$dir" >left &&
	echo x >expect &&
	test_cmp expect left
'

test_done
