#!/bin/sh
test_description='pl and git: one commit per change, and nothing else touched'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	pl -C p goal add --id maths --step "Learn the 7s" --step "Learn the 8s" \
		"Times tables" >/dev/null &&
	echo "A read-me" >p/README.md &&
	git -C p add README.md &&
	git -C p commit -q -m "Add a read-me" &&
	test_tick
'

test_expect_success 'a file the user staged stays staged and out of the commit' '
	test_when_finished "git -C p rm -q --cached notes.txt; rm -f p/notes.txt" &&
	echo "my notes" >p/notes.txt &&
	git -C p add notes.txt &&
	pl -C p goal step maths "Learn the 9s" &&
	echo goals/maths.md >expect &&
	git -C p show --format= --name-only HEAD >actual &&
	test_cmp expect actual &&
	echo "A  notes.txt" >expect &&
	git -C p status --porcelain >actual &&
	test_cmp expect actual &&
	git -C p diff --cached --name-only >actual &&
	echo notes.txt >expect &&
	test_cmp expect actual &&
	test_must_fail git -C p cat-file -e HEAD:notes.txt
'

test_expect_success 'an unrelated modified file stays modified' '
	test_when_finished "git -C p checkout -q README.md" &&
	echo "more" >>p/README.md &&
	cp p/README.md readme-edited &&
	pl -C p goal done maths 1 &&
	echo " M README.md" >expect &&
	git -C p status --porcelain >actual &&
	test_cmp expect actual &&
	test_cmp readme-edited p/README.md &&
	echo goals/maths.md >expect &&
	git -C p show --format= --name-only HEAD >actual &&
	test_cmp expect actual &&
	echo "A read-me" >expect &&
	git -C p show HEAD:README.md >actual &&
	test_cmp expect actual
'

test_expect_success 'the index entry pl wrote matches the commit' '
	git -C p diff --cached --exit-code &&
	git -C p diff --exit-code &&
	git -C p ls-files -s goals/maths.md >index &&
	git -C p rev-parse HEAD:goals/maths.md >blob &&
	grep "$(cat blob)" index
'

test_expect_success 'uncommitted edits to a goal: exit 9, nothing committed' '
	test_when_finished "git -C p checkout -q goals/maths.md" &&
	echo "My own line." >>p/goals/maths.md &&
	cp p/goals/maths.md edited &&
	git -C p rev-parse HEAD >before &&
	test_expect_code 9 pl -C p goal step maths "Learn the 10s" >out 2>err &&
	test_must_be_empty out &&
	echo "pl: ${SQ}goals/maths.md${SQ} has uncommitted changes; commit or stash them first" >expect &&
	test_cmp expect err &&
	test_expect_code 9 pl -C p goal done maths 2 2>err &&
	test_expect_code 9 pl -C p goal status maths met 2>err &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after &&
	test_cmp edited p/goals/maths.md
'

test_expect_success 'staged but uncommitted edits to a goal: exit 9 too' '
	test_when_finished "git -C p reset -q goals/maths.md && git -C p checkout -q goals/maths.md" &&
	echo "Staged line." >>p/goals/maths.md &&
	git -C p add goals/maths.md &&
	git -C p rev-parse HEAD >before &&
	test_expect_code 9 pl -C p goal step maths "Learn the 10s" 2>err &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after &&
	echo "M  goals/maths.md" >expect &&
	git -C p status --porcelain >actual &&
	test_cmp expect actual
'

test_expect_success 'an untracked file where a new goal would go is left alone' '
	test_when_finished "rm -f p/goals/reading.md" &&
	echo "not pl${SQ}s" >p/goals/reading.md &&
	pl -C p goal add "Reading" >out &&
	echo reading-2 >expect &&
	test_cmp expect out &&
	echo "not pl${SQ}s" >expect &&
	test_cmp expect p/goals/reading.md &&
	test_expect_code 12 pl -C p goal add --id reading "Reading" 2>err &&
	test_cmp expect p/goals/reading.md
'

test_expect_success 'setup: a portfolio whose writers do not wait' '
	pl init --name "Lee Wong" q >/dev/null &&
	pl -C q goal add --id maths --step "Learn the 7s" "Times tables" \
		>/dev/null &&
	git -C q config -f .plconfig portfolio.lockTimeout 0 &&
	git -C q commit -q -am "Writers do not wait"
'

test_expect_success 'git index.lock: exit 8, nothing committed' '
	test_when_finished "rm -f q/.git/index.lock" &&
	touch q/.git/index.lock &&
	git -C q rev-parse HEAD >before &&
	test_expect_code 8 pl -C q goal step maths "Locked" >out 2>err &&
	test_must_be_empty out &&
	echo "pl: portfolio is busy: ${SQ}$TRASH_DIRECTORY/q/.git/index.lock${SQ} still exists after 0 s (a git command is running?); if none is, remove the file" >expect &&
	test_cmp expect err &&
	git -C q rev-parse HEAD >after &&
	test_cmp before after &&
	test_path_is_file q/.git/index.lock &&
	test_path_is_missing q/.git/pl.lock &&
	! grep Locked q/goals/maths.md &&
	rm q/.git/index.lock &&
	git -C q status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'pl.lock of another pl: exit 8, and it is left there' '
	test_when_finished "rm -f q/.git/pl.lock" &&
	echo 99999 >q/.git/pl.lock &&
	git -C q rev-parse HEAD >before &&
	test_expect_code 8 pl -C q goal step maths "Locked" 2>err &&
	echo "pl: portfolio is busy: pl (pid 99999) still holds ${SQ}$TRASH_DIRECTORY/q/.git/pl.lock${SQ} after 0 s; try again" >expect &&
	test_cmp expect err &&
	git -C q rev-parse HEAD >after &&
	test_cmp before after &&
	echo 99999 >expect &&
	test_cmp expect q/.git/pl.lock
'

test_expect_success 'reading needs no lock' '
	test_when_finished "rm -f p/.git/pl.lock p/.git/index.lock" &&
	touch p/.git/pl.lock p/.git/index.lock &&
	pl -C p goal list >out &&
	grep "^maths " out
'

test_expect_success 'a detached HEAD: exit 10 for writes, reads work' '
	test_when_finished "git -C p checkout -q -" &&
	git -C p checkout -q --detach &&
	git -C p rev-parse HEAD >before &&
	test_expect_code 10 pl -C p goal step maths "Detached" >out 2>err &&
	test_must_be_empty out &&
	echo "pl: HEAD is detached; check out a branch first" >expect &&
	test_cmp expect err &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after &&
	pl -C p goal show maths >out &&
	head -n 1 out >actual &&
	echo "Times tables" >expect &&
	test_cmp expect actual
'

test_expect_success 'an unborn branch is not a portfolio yet (3)' '
	test_when_finished "git -C p checkout -q -f - && git -C p branch -q -D orphan 2>/dev/null; :" &&
	git -C p checkout -q --orphan orphan &&
	test_expect_code 3 pl -C p goal list 2>err &&
	test_stderr_starts_pl err &&
	grep "no commits yet" err
'

test_expect_success 'pl commits on the branch that is checked out' '
	test_when_finished "git -C p checkout -q master" &&
	git -C p checkout -q -b feature &&
	git -C p rev-parse master >master-before &&
	pl -C p goal step maths "On a branch" &&
	git -C p rev-parse master >master-after &&
	test_cmp master-before master-after &&
	echo "goal: add step 4 to maths" >expect &&
	git -C p log -1 --format=%s feature >actual &&
	test_cmp expect actual &&
	echo "commit: goal: add step 4 to maths" >expect &&
	git -C p reflog -1 --format=%gs feature >actual &&
	test_cmp expect actual &&
	git -C p reflog -1 --format=%gs HEAD >actual &&
	test_cmp expect actual &&
	git -C p checkout -q master &&
	git -C p merge -q --ff-only feature &&
	git -C p branch -q -d feature
'

test_expect_success 'running from a subdirectory' '
	mkdir -p p/goals/sub &&
	(
		cd p/goals/sub &&
		pl goal step maths "From a subdirectory" &&
		pl goal show maths >../../../out
	) &&
	grep "^- \[ \] From a subdirectory\$" p/goals/maths.md &&
	grep "From a subdirectory" out &&
	test_path_is_missing p/goals/sub/goals &&
	echo goals/maths.md >expect &&
	git -C p show --format= --name-only HEAD >actual &&
	test_cmp expect actual
'

test_expect_success '-C DIR, also given twice, as git does' '
	pl -C p goal list >expect &&
	pl -C p/goals goal list >actual &&
	test_cmp expect actual &&
	pl -C p -C goals goal list >actual &&
	test_cmp expect actual
'

test_expect_success 'GIT_DIR is honoured' '
	pl -C p goal list >expect &&
	GIT_DIR="$TRASH_DIRECTORY/p/.git" pl goal list >actual &&
	test_cmp expect actual
'

test_expect_success 'GIT_DIR and GIT_WORK_TREE: a git folder kept apart' '
	git clone -q --no-checkout p apart-src &&
	mv apart-src/.git apart.git &&
	mkdir apart-wt &&
	git --git-dir=apart.git --work-tree=apart-wt checkout -q master &&
	mkdir elsewhere &&
	(
		cd elsewhere &&
		GIT_DIR=../apart.git GIT_WORK_TREE=../apart-wt &&
		export GIT_DIR GIT_WORK_TREE &&
		pl goal step maths "Kept apart" &&
		pl goal list >../actual
	) &&
	ls -A elsewhere >out &&
	test_must_be_empty out &&
	grep "^- \[ \] Kept apart\$" apart-wt/goals/maths.md &&
	git --git-dir=apart.git --work-tree=apart-wt status --porcelain >out &&
	test_must_be_empty out &&
	echo "goal: add step 6 to maths" >expect &&
	git --git-dir=apart.git log -1 --format=%s >log &&
	test_cmp expect log &&
	grep "^maths " actual
'

test_expect_success 'a linked worktree commits on its own branch' '
	git -C p worktree add -q ../wt -b side &&
	git -C p rev-parse master >master-before &&
	pl -C wt goal step maths "In the worktree" &&
	git -C p rev-parse master >master-after &&
	test_cmp master-before master-after &&
	echo "goal: add step 6 to maths" >expect &&
	git -C p log -1 --format=%s side >actual &&
	test_cmp expect actual &&
	grep "^- \[ \] In the worktree\$" wt/goals/maths.md &&
	! grep "In the worktree" p/goals/maths.md &&
	git -C wt status --porcelain >actual &&
	test_must_be_empty actual &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'a worktree lock is its own' '
	test_when_finished "rm -f p/.git/worktrees/wt/index.lock" &&
	touch p/.git/worktrees/wt/index.lock &&
	git -C p rev-parse side >before &&
	test_expect_code 8 pl -C wt goal step maths "Locked" >out 2>err &&
	test_must_be_empty out &&
	echo "pl: portfolio is busy: ${SQ}$TRASH_DIRECTORY/p/.git/worktrees/wt/index.lock${SQ} still exists after 5 s (a git command is running?); if none is, remove the file" >expect &&
	test_cmp expect err &&
	git -C p rev-parse side >after &&
	test_cmp before after &&
	! grep "Locked" wt/goals/maths.md &&
	grep "In the worktree" wt/goals/maths.md &&
	pl -C p goal step maths "Main is free"
'

test_expect_success '--rev reads an older state' '
	pl -C p goal show --rev HEAD~1 --format json maths >older &&
	pl -C p goal show --format json maths >newer &&
	grep "\"text\": \"Main is free\"" newer &&
	! grep "Main is free" older &&
	pl -C p goal list --rev side >out &&
	grep "^maths " out &&
	git -C p tag v1 HEAD~2 &&
	pl -C p goal show --rev v1 maths >out &&
	! grep "Main is free" out
'

# The library refuses to write a portfolio read at another revision
# (tests/unit/test-tx.c); on the command line, no write takes --rev.
test_expect_success 'write commands take no --rev: exit 2, nothing changed' '
	git -C p rev-parse HEAD >before &&
	for cmd in "goal add" "goal step maths" "goal done maths" \
		"goal status maths" "goal edit maths" "evidence add" \
		"evidence edit x" "reflect" "reflect add" "reflect edit x" \
		"profile set" "profile add" "profile edit" "init"
	do
		test_expect_code 2 pl -C p $cmd --rev HEAD~1 x >out 2>err &&
		test_must_be_empty out &&
		echo "pl: $(echo "$cmd" | cut -d" " -f1-2 |
			sed "s/ maths\$//; s/ x\$//"): unknown option ${SQ}--rev${SQ}" >expect &&
		test_cmp expect err || return 1
	done &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after &&
	git -C p status --porcelain >out &&
	test_must_be_empty out
'

test_expect_success 'read commands work in a bare clone' '
	pl -C p evidence add --id quiz --date 2026-03-02 -m "Nine out of ten." \
		"Tables quiz" >/dev/null &&
	pl -C p reflect add --date 2026-03-03 -m "Sevens are hard." >id &&
	git clone -q --bare p bare.git &&
	pl -C p goal list >expect &&
	pl -C bare.git goal list >actual &&
	test_cmp expect actual &&
	pl -C p goal show --format json maths >expect &&
	pl -C bare.git goal show --format json maths >actual &&
	test_cmp expect actual &&
	pl -C p profile >expect &&
	pl -C bare.git profile >actual &&
	test_cmp expect actual &&
	pl -C p evidence list >expect &&
	grep "^2026-03-02  artifact .*Tables quiz  (quiz)$" expect &&
	pl -C bare.git evidence list >actual &&
	test_cmp expect actual &&
	pl -C p evidence show quiz >expect &&
	pl -C bare.git evidence show quiz >actual &&
	test_cmp expect actual &&
	pl -C p reflect list >expect &&
	grep "^2026-03-03  Sevens are hard.  ($(cat id))$" expect &&
	pl -C bare.git reflect list >actual &&
	test_cmp expect actual
'

test_expect_success 'writes in a bare clone: exit 3, nothing changed' '
	git -C bare.git rev-parse HEAD >before &&
	test_expect_code 3 pl -C bare.git goal step maths "Bare" 2>err &&
	echo "pl: ${SQ}$TRASH_DIRECTORY/bare.git${SQ} is a bare repository; this command needs a working tree" >expect &&
	test_cmp expect err &&
	git -C bare.git rev-parse HEAD >after &&
	test_cmp before after
'

test_expect_success SYMLINKS 'a goals folder that links outside: exit 7' '
	pl init --name "Sym Link" s >/dev/null &&
	mkdir outside &&
	ln -s ../outside s/goals &&
	git -C s rev-parse HEAD >before &&
	test_expect_code 7 pl -C s goal add "Escape" >out 2>err &&
	test_must_be_empty out &&
	echo "pl: unsafe path ${SQ}goals/escape.md${SQ}: ${SQ}goals${SQ} is a symbolic link" >expect &&
	test_cmp expect err &&
	ls -A outside >actual &&
	test_must_be_empty actual &&
	git -C s rev-parse HEAD >after &&
	test_cmp before after
'

test_expect_success SYMLINKS 'a committed goals link is still refused (7)' '
	git -C s add goals &&
	git -C s commit -q -m "a link" &&
	git -C s rev-parse HEAD >before &&
	test_expect_code 7 pl -C s goal add --id escape "Escape" >out 2>err &&
	test_must_be_empty out &&
	echo "pl: unsafe path ${SQ}goals/escape.md${SQ}: ${SQ}goals${SQ} is a symbolic link" >expect &&
	test_cmp expect err &&
	git -C s rev-parse HEAD >after &&
	test_cmp before after &&
	ls -A outside >actual &&
	test_must_be_empty actual &&
	pl -C s goal list >out 2>err &&
	test_must_be_empty out &&
	test_must_be_empty err
'

test_expect_success SYMLINKS 'a goal file that is a link: show 7, list warns' '
	pl init --name "Link File" lf >/dev/null &&
	pl -C lf goal add --id real "Real" >/dev/null &&
	echo "secret" >secret.md &&
	ln -s ../../secret.md lf/goals/evil.md &&
	git -C lf add goals/evil.md &&
	git -C lf commit -q -m "a link" &&
	test_expect_code 7 pl -C lf goal show evil >out 2>err &&
	test_must_be_empty out &&
	echo "pl: unsafe path ${SQ}goals/evil.md${SQ}: it is a symbolic link" >expect &&
	test_cmp expect err &&
	test_expect_code 7 pl -C lf goal step evil "x" 2>err &&
	echo secret >expect &&
	test_cmp expect secret.md &&
	pl -C lf goal list >out 2>err &&
	grep "^real " out &&
	test_line_count = 1 out &&
	echo "pl: warning: unsafe path ${SQ}goals/evil.md${SQ}: it is a symbolic link" >expect &&
	test_cmp expect err
'

test_expect_success 'the author from --author' '
	pl -C p goal step --author "Ana Lima <ana@example.com>" maths "By Ana" &&
	echo "Ana Lima <ana@example.com>|Test Teacher <teacher@example.com>" >expect &&
	git -C p log -1 --format="%an <%ae>|%cn <%ce>" >actual &&
	test_cmp expect actual
'

test_expect_success 'no committer configured: --author commits' '
	(
		unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME \
			GIT_COMMITTER_EMAIL &&
		pl -C p goal step --author "Ana Lima <ana@example.com>" maths \
			"By Ana alone"
	) &&
	echo "Ana Lima <ana@example.com>|Ana Lima <ana@example.com>" >expect &&
	git -C p log -1 --format="%an <%ae>|%cn <%ce>" >actual &&
	test_cmp expect actual
'

test_expect_success 'a malformed --author: exit 5' '
	git -C p rev-parse HEAD >before &&
	test_expect_code 5 pl -C p goal step --author "Ana Lima" maths x 2>err &&
	echo "pl: malformed author ${SQ}Ana Lima${SQ}: expected ${SQ}Name <email>${SQ}" >expect &&
	test_cmp expect err &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after
'

test_expect_success 'the author from GIT_AUTHOR_NAME and _EMAIL' '
	GIT_AUTHOR_NAME="Env Author" GIT_AUTHOR_EMAIL=env@example.com \
		pl -C p goal step maths "By env" &&
	echo "Env Author <env@example.com>|Test Teacher <teacher@example.com>" >expect &&
	git -C p log -1 --format="%an <%ae>|%cn <%ce>" >actual &&
	test_cmp expect actual
'

test_expect_success 'the author from git config user.name' '
	test_when_finished "git -C p config --unset user.name; git -C p config --unset user.email" &&
	git -C p config user.name "Config Person" &&
	git -C p config user.email config@example.com &&
	(
		unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME \
			GIT_COMMITTER_EMAIL &&
		pl -C p goal step maths "By config"
	) &&
	echo "Config Person <config@example.com>|Config Person <config@example.com>" >expect &&
	git -C p log -1 --format="%an <%ae>|%cn <%ce>" >actual &&
	test_cmp expect actual
'

test_expect_success 'no identity at all: exit 11, nothing committed' '
	git -C p rev-parse HEAD >before &&
	cp p/goals/maths.md maths-before &&
	(
		unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME \
			GIT_COMMITTER_EMAIL &&
		test_expect_code 11 pl -C p goal step maths "By nobody" 2>err &&
		echo "pl: no identity: the author has no name nor email; tell git who you are with ${SQ}git config --global user.name \"Your Name\"${SQ} and ${SQ}git config --global user.email you@example.com${SQ}" >expect &&
		test_cmp expect err &&
		test_expect_code 11 env GIT_AUTHOR_NAME=Ana \
			pl -C p goal step maths "By Ana" 2>err &&
		echo "pl: no identity: the author has no email; tell git with ${SQ}git config --global user.email you@example.com${SQ}" >expect &&
		test_cmp expect err &&
		test_expect_code 11 env GIT_AUTHOR_NAME=Ana \
			GIT_AUTHOR_EMAIL=ana@example.com \
			GIT_COMMITTER_NAME=Robot \
			pl -C p goal step maths "By Ana" 2>err &&
		echo "pl: no identity: the committer has no email; tell git with ${SQ}git config --global user.email you@example.com${SQ}" >expect &&
		test_cmp expect err
	) &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after &&
	test_cmp maths-before p/goals/maths.md &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'a commit made while the editor is open: the edit goes on top' '
	test_when_finished "git -C p reset -q --hard HEAD~2" &&
	write_script ed-meanwhile.sh <<-\EOF &&
	sed -e "s/^- \[ \] Learn the 8s/- [x] Learn the 8s/" "$1" >"$1.new" &&
	mv "$1.new" "$1" &&
	git -C "$TRASH_DIRECTORY/p" commit -q --allow-empty -m "Meanwhile"
	EOF
	EDITOR="$TRASH_DIRECTORY/ed-meanwhile.sh" pl -C p goal edit maths \
		>out 2>err &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	printf "%s\n" "goal: edit maths" Meanwhile >expect &&
	git -C p log -2 --format=%s >actual &&
	test_cmp expect actual &&
	grep "^- \[x\] Learn the 8s\$" p/goals/maths.md &&
	test_path_is_missing p/.git/pl/EDIT-goal-maths.md &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'a commit that changed the file meanwhile: exit 8, edit kept' '
	write_script ed-clash.sh <<-\EOF &&
	sed -e "s/^- \[ \] Learn the 8s/- [x] Learn the 8s/" "$1" >"$1.new" &&
	mv "$1.new" "$1" &&
	cd "$TRASH_DIRECTORY/p" &&
	echo "Their line." >>goals/maths.md &&
	git commit -q -am "Meanwhile"
	EOF
	git -C p show HEAD:goals/maths.md >maths-before &&
	echo "Their line." >>maths-before &&
	test_expect_code 8 env EDITOR="$TRASH_DIRECTORY/ed-clash.sh" \
		pl -C p goal edit maths >out 2>err &&
	test_must_be_empty out &&
	echo "pl: ${SQ}goals/maths.md${SQ} changed meanwhile (another commit was made); nothing was committed; try again; your edit is kept in ${SQ}$TRASH_DIRECTORY/p/.git/pl/EDIT-goal-maths.md${SQ}; resume it with: pl -C p goal edit maths" >expect &&
	test_cmp expect err &&
	grep "^- \[x\] Learn the 8s\$" p/.git/pl/EDIT-goal-maths.md &&
	echo Meanwhile >expect &&
	git -C p log -1 --format=%s >actual &&
	test_cmp expect actual &&
	test_cmp maths-before p/goals/maths.md &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual &&
	git -C p reset -q --hard HEAD~1 &&
	rm p/.git/pl/EDIT-goal-maths.md
'

test_expect_success 'pl holds no lock while the editor is open' '
	write_script ed-nested.sh <<-\EOF &&
	pl -C "$TRASH_DIRECTORY/p" goal step maths "From the editor"
	EOF
	EDITOR="$TRASH_DIRECTORY/ed-nested.sh" pl -C p goal edit maths 2>err &&
	echo "pl: goals/maths.md unchanged; nothing committed" >expect &&
	test_cmp expect err &&
	echo "goal: add step 11 to maths" >expect &&
	git -C p log -1 --format=%s >actual &&
	test_cmp expect actual &&
	grep "^- \[ \] From the editor\$" p/goals/maths.md
'

test_expect_success 'GIT_AUTHOR_DATE and GIT_COMMITTER_DATE are used' '
	GIT_AUTHOR_DATE="2026-12-01T08:30:00+01:00" \
	GIT_COMMITTER_DATE="2026-12-02T09:00:00+00:00" \
		pl -C p goal add "Dated goal" >out &&
	echo "2026-12-01T08:30:00+01:00 2026-12-02T09:00:00+00:00" >expect &&
	git -C p log -1 --format="%aI %cI" >actual &&
	test_cmp expect actual &&
	grep "^created: 2026-12-01\$" p/goals/dated-goal.md
'

# A whole session, one commit per change.
test_expect_success 'a session: every change is one commit' '
	pl init --name "Sam Taylor" --grade 6 session >/dev/null &&
	(
		cd session &&
		test_tick &&
		pl profile set pronouns they/them &&
		test_tick &&
		pl profile add strength "Curious" &&
		test_tick &&
		pl goal add --term long --why "To read anything." "Read well" &&
		test_tick &&
		pl goal add --parent read-well --due 2026-12-20 \
			--step "Chapter 1" --step "Chapter 2" "Finish a novel" &&
		test_tick &&
		pl goal add --id fractions --step "Halves" "Fractions" &&
		test_tick &&
		pl goal done finish-a-novel 1 &&
		test_tick &&
		pl goal done finish-a-novel 2 &&
		test_tick &&
		pl goal done fractions 1 &&
		echo "Chapter notes" >../notes.txt &&
		test_tick &&
		pl evidence add --goal finish-a-novel --file ../notes.txt \
			-m "My notes." "Novel notes" &&
		test_tick &&
		pl reflect --goal finish-a-novel -m "I can read long books." &&
		test_tick &&
		pl goal status finish-a-novel met
	) >session.out &&
	echo 12 >expect &&
	git -C session rev-list --count HEAD >actual &&
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	goal: status finish-a-novel met
	reflection: add 2026-11-26-i-can-read-long-books
	evidence: add 2026-11-26-novel-notes
	goal: done step 1 of fractions
	goal: done step 2 of finish-a-novel
	goal: done step 1 of finish-a-novel
	goal: add fractions
	goal: add finish-a-novel
	goal: add read-well
	profile: add strength "Curious"
	profile: set pronouns "they/them"
	portfolio: init sam-taylor
	EOF
	git -C session log --format=%s >actual &&
	test_cmp expect actual
'

test_expect_success 'every commit has Pl-Kind, Pl-Action and Pl-Id trailers' '
	git -C session rev-list HEAD >commits &&
	while read c
	do
		git -C session log -1 --format=%B $c |
		git interpret-trailers --parse >t &&
		subject=$(git -C session log -1 --format=%s $c) &&
		kind=$(sed -n "s/^Pl-Kind: //p" t) &&
		action=$(sed -n "s/^Pl-Action: //p" t) &&
		id=$(sed -n "s/^Pl-Id: //p" t) &&
		test -n "$kind" && test -n "$action" && test -n "$id" &&
		case "$subject" in
		"$kind: "*) ;;
		*) return 1 ;;
		esac || return 1
	done <commits
'

test_expect_success 'each commit changes only its own files' '
	git -C session log --format=%s --name-only >log &&
	cat >expect <<-\EOF &&
	goal: status finish-a-novel met

	goals/finish-a-novel.md
	reflection: add 2026-11-26-i-can-read-long-books

	reflections/2026-11-26-i-can-read-long-books.md
	evidence: add 2026-11-26-novel-notes

	evidence/2026-11-26-novel-notes.md
	evidence/2026-11-26-novel-notes/notes.txt
	goal: done step 1 of fractions

	goals/fractions.md
	goal: done step 2 of finish-a-novel

	goals/finish-a-novel.md
	goal: done step 1 of finish-a-novel

	goals/finish-a-novel.md
	goal: add fractions

	goals/fractions.md
	goal: add finish-a-novel

	goals/finish-a-novel.md
	goal: add read-well

	goals/read-well.md
	profile: add strength "Curious"

	profile.md
	profile: set pronouns "they/them"

	profile.md
	portfolio: init sam-taylor

	.gitattributes
	.plconfig
	profile.md
	EOF
	test_cmp expect log
'

test_expect_success 'the goal trailers follow progress and status' '
	git -C session log --format="%(trailers:key=Pl-Status,valueonly,separator=%x2C)/%(trailers:key=Pl-Progress,valueonly,separator=%x2C)" \
		-- goals/finish-a-novel.md >actual &&
	cat >expect <<-\EOF &&
	met/2/2
	active/2/2
	active/1/2
	active/0/2
	EOF
	test_cmp expect actual
'

test_expect_success 'fsck --strict is clean and nothing is left over' '
	git -C session fsck --strict >out 2>&1 &&
	test_must_be_empty out &&
	git -C session status --porcelain --ignored >actual &&
	test_must_be_empty actual &&
	test_path_is_missing session/.git/pl.lock &&
	test_path_is_missing session/.git/index.lock
'

test_expect_success 'the working files are what was committed' '
	git -C session ls-files >files &&
	while read f
	do
		git -C session show "HEAD:$f" >committed &&
		cmp committed "session/$f" || return 1
	done <files
'

test_expect_success PYYAML 'front matter read by PyYAML agrees with pl --format json' '
	pl -C session goal list --format json >goals.json &&
	pl -C session evidence list --format json >evidence.json &&
	pl -C session reflect list --format json >reflections.json &&
	pl -C session profile --format json >profile.json &&
	cat >check.py <<-\EOF &&
	import datetime, json, os, sys, yaml

	def front_matter(path):
	    text = open(path, encoding="utf-8").read()
	    assert text.startswith("---\n"), path
	    end = text.index("\n---\n", 3)
	    return yaml.safe_load(text[4:end + 1])

	def plain(v):
	    if isinstance(v, datetime.date):
	        return v.isoformat()
	    if isinstance(v, list):
	        return [plain(x) for x in v]
	    return v

	bad = 0
	def same(what, key, got, want):
	    global bad
	    if plain(got) != want:
	        print("%s: %s: yaml %r, pl %r" % (what, key, got, want))
	        bad += 1

	root = sys.argv[1]
	checks = [
	    ("goals.json", "goals", ["title", "term", "status", "created",
	                             "due", "parent", "standards"]),
	    ("evidence.json", "evidence", ["title", "date", "kind", "goals",
	                                   "standards", "files"]),
	    ("reflections.json", "reflections", ["date", "goals", "evidence"]),
	]
	n = 0
	for listing, folder, keys in checks:
	    for entry in json.load(open(listing)):
	        fm = front_matter(os.path.join(root, folder, entry["id"] + ".md"))
	        for k in keys:
	            same(entry["id"], k, fm.get(k), entry[k])
	        n += 1
	profile = json.load(open("profile.json"))
	fm = front_matter(os.path.join(root, "profile.md"))
	for k in ["name", "id", "grade", "started"]:
	    same("profile", k, fm.get(k), profile[k])
	same("profile", "pronouns", fm.get("pronouns"), "they/them")
	if n != 5:
	    print("checked %d entries, not 5" % n)
	    bad += 1
	sys.exit(1 if bad else 0)
	EOF
	python3 check.py session
'

test_done
