#!/bin/sh
test_description='pl sync: files pl does not merge by structure, a goal added or a key taken out on one side, many files in, a symbolic link or submodule, remotes named oddly, a detached HEAD; pl roster sync into a folder that is not a portfolio'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# A portfolio with a goal, and files beside the ones pl merges, shared
# as start.git; "here" and "there" are two clones of a copy of it,
# remote.git.
test_expect_success 'setup: a portfolio on a bare remote' '
	pl init --name "Ana Lima" ana >/dev/null &&
	pl -C ana goal add --id fr --step One Fractions >/dev/null &&
	mkdir ana/goals/sub &&
	echo x >ana/goals/sub/x.md &&
	echo n >ana/notes.md &&
	echo a >ana/ab &&
	git -C ana add goals notes.md ab &&
	git -C ana commit -q -m "notes" &&
	git clone -q --bare --template= ana start.git &&
	git clone -q --template= start.git start-here &&
	git -C start-here remote set-url origin "$TRASH_DIRECTORY/remote.git"
'

# (copies, not clones: cheaper, and the same)
fresh () {
	rm -rf remote.git here there &&
	cp -a start.git remote.git &&
	cp -a start-here here &&
	cp -a start-here there
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

test_expect_success 'changed on both sides: a nested .md, a top-level .md, goals/.md (no entry), a short name with the same text but executable on one: each a conflict with its git command' '
	fresh &&
	for f in goals/sub/x.md notes.md
	do
		echo theirs >>there/$f &&
		echo ours >>here/$f || return 1
	done &&
	echo theirs >there/goals/.md &&
	git -C there add goals/.md &&
	echo ours >here/goals/.md &&
	git -C here add goals/.md &&
	echo same >>here/ab &&
	echo same >>there/ab &&
	chmod +x there/ab &&
	stops &&
	not="(changed on both sides; pl merges goals, evidence, reflections and the profile)" &&
	co="git checkout origin/master --" &&
	echo "pl: cannot merge origin/master: ab $not; goals/.md (the text before the first heading); goals/sub/x.md $not; notes.md $not; nothing was changed; to settle it, make this clone say what origin/master says ($co ab && git commit; $co goals/.md && git commit; $co goals/sub/x.md && git commit; $co notes.md && git commit), run pl sync, then change again what should differ" >expect &&
	test_cmp expect err
'

test_expect_success 'a goal not text there, the profile not text here, each changed on both sides: conflicts that say so' '
	fresh &&
	printf "bin\000ary\n" >>there/goals/fr.md &&
	echo "more" >>here/goals/fr.md &&
	echo "more" >>there/profile.md &&
	printf "bin\000ary\n" >>here/profile.md &&
	stops &&
	not="(changed on both sides, and not text: pl merges text only)" &&
	echo "pl: cannot merge origin/master: goals/fr.md $not; profile.md $not; nothing was changed; to settle it, make this clone say what origin/master says (pl goal edit fr; pl profile edit), run pl sync, then change again what should differ" >expect &&
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

test_expect_success 'values that cannot be shown: a front matter that does not parse, on either side' '
	fresh &&
	sed -i "s/^title: .*/title: [Fractions/" here/goals/fr.md &&
	sed -i "s/^title: .*/title: Ratios/" there/goals/fr.md &&
	sed -i "s/^name: .*/name: Ana B./" here/profile.md &&
	sed -i "s/^name: .*/name: [Ana/" there/profile.md &&
	stops &&
	echo "pl: cannot merge origin/master: goals/fr.md (${SQ}title${SQ}); profile.md (${SQ}name${SQ}); nothing was changed; to settle it, make this clone say what origin/master says (pl goal edit fr; pl profile edit), run pl sync, then change again what should differ" >expect &&
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

test_expect_success 'a goal added on both sides: merged by structure from an empty base' '
	fresh &&
	pl -C there goal add --id new --step A "New" >/dev/null &&
	(cd there && pl sync >/dev/null) &&
	pl -C here goal add --id new --step B "New" >/dev/null &&
	(cd here && pl sync >../out) &&
	cat >expect <<-\EOF &&
	Merged origin/master into master: 1 commit in, 1 out.
	Merged by structure: goals/new.md
	Pushed master to origin.
	EOF
	test_cmp expect out &&
	sed -n "/^## Steps/,\$p" here/goals/new.md >steps &&
	printf "%s\n" "## Steps" "" "- [ ] B" "- [ ] A" >expect &&
	test_cmp expect steps
'

test_expect_success 'a key changed here, taken out there: shown as empty there; a map and a section: not shown' '
	fresh &&
	sed -i "/^status: /d" there/goals/fr.md &&
	sed -i "s/^status: .*/status: paused/" here/goals/fr.md &&
	sed -i "s/^term: .*/term: short\nextra:\n  a: 1/; s/^## Why/## Why\n\nTheirs./" there/goals/fr.md &&
	sed -i "s/^term: .*/term: short\nextra:\n  a: 2/; s/^## Why/## Why\n\nOurs./" here/goals/fr.md &&
	stops &&
	echo "pl: cannot merge origin/master: goals/fr.md (${SQ}extra${SQ}, ${SQ}status${SQ}, ${SQ}## Why${SQ}); nothing was changed; goals/fr.md status: ${SQ}paused${SQ} here, ${SQ}${SQ} on origin/master; to settle it, make this clone say what origin/master says (pl goal edit fr), run pl sync, then change again what should differ" >expect &&
	test_cmp expect err
'

test_expect_success 'seventeen files in (more than a plan first holds), branch.master.merge without refs/heads/: fast-forwarded, each there' '
	fresh &&
	git -C here config branch.master.merge master &&
	mkdir there/notes &&
	for i in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17
	do
		echo "note $i" >there/notes/n$i.txt || return 1
	done &&
	git -C there add notes &&
	git -C there commit -q -m "notes" &&
	git -C there push -q origin master &&
	(cd here && pl sync >../out) &&
	grep "^Fast-forwarded master to origin/master: 1 commit in " out &&
	git -C here ls-files notes >files &&
	test_line_count = 17 files &&
	git -C here status --porcelain >status &&
	test_must_be_empty status &&
	echo "note 17" >expect &&
	test_cmp expect here/notes/n17.txt
'

test_expect_success 'a submodule on the remote: refused (exit 7)' '
	fresh &&
	git -C there update-index --add --cacheinfo \
		160000,$(git -C there rev-parse HEAD),sub &&
	git -C there commit -q -m "a submodule" &&
	git -C there push -q origin master &&
	(cd here && test_expect_code 7 pl sync >out 2>../err) &&
	echo "pl: unsafe path ${SQ}sub${SQ}: the remote has a submodule there" >expect &&
	test_cmp expect err
'

test_expect_success 'no branch.master.remote: origin, pushed to its pushurl' '
	pl init --name "Solo" solo >/dev/null &&
	git init -q --bare fetched.git &&
	git init -q --bare pushed.git &&
	git -C solo remote add origin "$TRASH_DIRECTORY/fetched.git" &&
	git -C solo config remote.origin.pushurl "$TRASH_DIRECTORY/pushed.git" &&
	(cd solo && pl sync >../out) &&
	cat >expect <<-\EOF &&
	origin has no branch master yet.
	Pushed master to origin.
	EOF
	test_cmp expect out &&
	git -C solo rev-parse HEAD >expect &&
	git -C pushed.git rev-parse master >actual &&
	test_cmp expect actual &&
	test_must_fail git -C fetched.git rev-parse --verify -q master
'

test_expect_success 'a remote with no history in common: exit 4, nothing changed' '
	fresh &&
	git -C here rev-parse HEAD >head.before &&
	(cd here && test_expect_code 4 pl sync "$TRASH_DIRECTORY/pushed.git" >../out 2>../err) &&
	echo "pl: no history in common with the remote: no merge base found" >expect &&
	test_cmp expect err &&
	git -C here rev-parse HEAD >head.after &&
	test_cmp head.before head.after
'

test_expect_success 'branch.master.remote naming a remote that is not there: exit 4' '
	git -C here config branch.master.remote gone &&
	(cd here && test_expect_code 4 pl sync >out 2>../err) &&
	echo "pl: no remote ${SQ}gone${SQ} (add one with: git remote add gone URL)" >expect &&
	test_cmp expect err &&
	git -C here config branch.master.remote origin
'

test_expect_success 'a detached HEAD: exit 10, check out a branch' '
	git -C here checkout -q --detach &&
	(cd here && test_expect_code 10 pl sync >out 2>../err) &&
	echo "pl: HEAD is not on a branch; check one out to sync it" >expect &&
	test_cmp expect err &&
	git -C here checkout -q master
'

test_expect_success 'a path as the remote: pushed there, no remote-tracking branch moved' '
	fresh &&
	pl -C here goal step fr Two &&
	git -C here rev-parse origin/master >tracking.before &&
	(cd here && pl sync "$TRASH_DIRECTORY/remote.git" >../out) &&
	cat >expect <<-EOF &&
	Nothing new on $TRASH_DIRECTORY/remote.git/master.
	Pushed master to $TRASH_DIRECTORY/remote.git.
	EOF
	test_cmp expect out &&
	git -C here rev-parse HEAD >expect &&
	git -C remote.git rev-parse master >actual &&
	test_cmp expect actual &&
	git -C here rev-parse origin/master >tracking.after &&
	test_cmp tracking.before tracking.after
'

# The merge's first git object: a full disk there
# (the fault injector's ENOSPC at that write, the first object written
# once pl holds its lock) stops the sync before anything moves.
test_expect_success 'a full disk at the merge'"'"'s first object: exit 1, nothing changed, no lock left' '
	fresh &&
	pl -C there goal step fr Three &&
	(cd there && pl sync >/dev/null) &&
	pl -C here goal step fr Four &&
	cp -a here counted &&
	PL_FAULT_KINDS="$TRASH_DIRECTORY/kinds" faulty -C counted sync \
		--no-push >/dev/null &&
	at=$(sed -n "/ link .*\/pl\.lock\$/,\$p" kinds |
		grep -m1 " write .*/objects/tmp_object_git2_" | cut -d" " -f1) &&
	test -n "$at" &&
	git -C here rev-parse HEAD >head.before &&
	test_expect_code 1 env PL_FAULT_AT=$at LD_PRELOAD="$PL_FAULT_LIB" \
		ASAN_OPTIONS="$ASAN_OPTIONS:verify_asan_link_order=0" \
		"$PL" -C here sync --no-push >out 2>err &&
	echo "pl: cannot write a file: failed to write out file: No space left on device; nothing was committed" >expect &&
	test_cmp expect err &&
	git -C here rev-parse HEAD >head.after &&
	test_cmp head.before head.after &&
	git -C here status --porcelain >status &&
	test_must_be_empty status &&
	! ls here/.git | grep lock
'

# A dead sync's list (its pid gone) names the locks to remove, one a
# line: a last line without its newline was never written whole, so it
# is left.  Names that are no list of pl's, a folder, and a list being
# written by a live process (pid 1), are left alone.
test_expect_success 'lists of dead syncs: what they name whole is removed, anything else left' '
	fresh &&
	dead=$(sh -c "echo \$\$") &&
	mkdir here/.git/pl &&
	: >here/.git/stale.lock &&
	: >here/.git/half &&
	printf "%s\n%s" "$TRASH_DIRECTORY/here/.git/stale.lock" \
		"$TRASH_DIRECTORY/here/.git/half" >here/.git/pl/sync.$dead &&
	: >here/.git/pl/sync.12x &&
	dead2=$(sh -c "echo \$\$") &&
	mkdir here/.git/pl/sync.$dead2 &&
	: >here/.git/pl/sync.$dead.pl-tmp-1 &&
	: >here/.git/pl/sync.$dead.pl-tmp-$dead &&
	(cd here && pl sync >../out) &&
	echo "master is up to date with origin/master." >expect &&
	test_cmp expect out &&
	test_path_is_missing here/.git/stale.lock &&
	test_path_is_file here/.git/half &&
	(cd here/.git/pl && ls) | sort >left &&
	printf "%s\n" "sync.12x" "sync.$dead.pl-tmp-1" "sync.$dead2" |
		sort >expect &&
	test_cmp expect left
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
