#!/bin/sh
test_description='the whole life of an entry: rm, mv, attach and detach'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

head_message () {
	(cd p && commit_message)
}

test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	pl -C p goal add --term long --id reading "Read well" >/dev/null &&
	pl -C p goal add --parent reading --id poems --step "Read ten" \
		"Read poems" >/dev/null &&
	pl -C p goal add --id spare "Spare goal" >/dev/null &&
	echo "Roses are red." >poem.txt &&
	printf "\000binary\377" >drawing.png &&
	mkdir folder &&
	pl -C p evidence add --id log --goal reading --goal poems \
		--file "$TRASH_DIRECTORY/poem.txt" -m "Read it." "Reading log" \
		>/dev/null &&
	pl -C p reflect --goal poems --evidence log -m "Poems are short." \
		>/dev/null &&
	echo "A note." >p/README.md &&
	git -C p add README.md &&
	git -C p commit -q -m "A read-me"
'

test_expect_success 'goal rm: a goal others name is kept, and they are named' '
	before &&
	test_expect_code 12 pl -C p goal rm reading >out 2>err &&
	echo "pl: goal ${SQ}reading${SQ} is named by goals/poems.md (parent) and evidence/log.md (goals); nothing removed (--force removes those references too)" >expect &&
	test_cmp expect err &&
	test_must_be_empty out &&
	same_as_before
'

test_expect_success 'goal rm: unknown or malformed ids, nothing committed' '
	before &&
	test_expect_code 4 pl -C p goal rm nothing 2>err &&
	echo "pl: unknown goal ${SQ}nothing${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p goal rm "Read well" 2>err &&
	echo "pl: invalid goal id ${SQ}Read well${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 2 pl -C p goal rm 2>err &&
	test_stderr_starts_pl err &&
	same_as_before
'

test_expect_success 'goal rm: uncommitted edits to the file are not lost' '
	echo "Mine." >>p/goals/spare.md &&
	before &&
	test_expect_code 9 pl -C p goal rm spare 2>err &&
	echo "pl: ${SQ}goals/spare.md${SQ} has uncommitted changes; commit or stash them first" >expect &&
	test_cmp expect err &&
	same_as_before &&
	grep "^Mine.\$" p/goals/spare.md &&
	git -C p checkout -- goals/spare.md
'

test_expect_success 'goal rm: one commit, the file gone' '
	test_tick &&
	pl -C p goal rm spare >out 2>err &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	cat >expect <<-\EOF &&
	goal: rm spare

	Removed the goal "Spare goal".

	Pl-Kind: goal
	Pl-Action: rm
	Pl-Id: spare
	EOF
	head_message >actual &&
	test_cmp expect actual &&
	echo "D	goals/spare.md" >expect &&
	git -C p show --format= --name-status HEAD >actual &&
	test_cmp expect actual &&
	test_path_is_missing p/goals/spare.md &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'goal mv: renamed, references rewritten, history followed' '
	test_tick &&
	pl -C p goal mv poems poetry >out 2>err &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	cat >expect <<-\EOF &&
	goal: mv poetry

	Renamed the goal "Read poems" from poems to poetry, and its references in evidence/log.md (goals) and reflections/2026-11-26-poems-are-short.md (goals).

	Pl-Kind: goal
	Pl-Action: mv
	Pl-Id: poetry
	Pl-Old-Id: poems
	EOF
	head_message >actual &&
	test_cmp expect actual &&
	git -C p show --format= --name-status -M HEAD |
		sed "s/^R[0-9]*/R/" >actual &&
	cat >expect <<-\EOF &&
	M	evidence/log.md
	R	goals/poems.md	goals/poetry.md
	M	reflections/2026-11-26-poems-are-short.md
	EOF
	test_cmp expect actual &&
	git -C p log --follow --format=%s -- goals/poetry.md | head -n 2 >actual &&
	printf "%s\n" "goal: mv poetry" "goal: add poems" >expect &&
	test_cmp expect actual &&
	grep "^goals: \[reading, poetry\]\$" p/evidence/log.md &&
	grep "^goals: \[poetry\]\$" p/reflections/2026-11-26-poems-are-short.md &&
	test_path_is_missing p/goals/poems.md &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual &&
	pl -C p goal show poetry >/dev/null
'

test_expect_success 'goal mv: a parent renamed is renamed in its children' '
	test_tick &&
	pl -C p goal mv reading books &&
	grep "^parent: books\$" p/goals/poetry.md &&
	grep "^goals: \[books, poetry\]\$" p/evidence/log.md &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'goal mv: a taken or malformed new id, an unknown old one' '
	before &&
	test_expect_code 12 pl -C p goal mv poetry books 2>err &&
	echo "pl: goal ${SQ}books${SQ} exists already" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p goal mv poetry "New Name" 2>err &&
	echo "pl: invalid goal id ${SQ}New Name${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 4 pl -C p goal mv nothing else 2>err &&
	echo "pl: unknown goal ${SQ}nothing${SQ}" >expect &&
	test_cmp expect err &&
	same_as_before
'

test_expect_success 'goal mv: a referrer with uncommitted edits stops it all' '
	echo "Mine." >>p/evidence/log.md &&
	before &&
	test_expect_code 9 pl -C p goal mv poetry verse 2>err &&
	echo "pl: ${SQ}evidence/log.md${SQ} has uncommitted changes; commit or stash them first" >expect &&
	test_cmp expect err &&
	same_as_before &&
	test_path_is_missing p/goals/verse.md &&
	git -C p checkout -- evidence/log.md
'

test_expect_success 'evidence attach: files copied, listed, committed together' '
	test_tick &&
	pl -C p evidence attach log "$TRASH_DIRECTORY/poem.txt" \
		"$TRASH_DIRECTORY/drawing.png" >out 2>err &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	cat >expect <<-\EOF &&
	evidence: attach log

	Attached poem-2.txt and drawing.png to "Reading log".

	Pl-Kind: evidence
	Pl-Action: attach
	Pl-Id: log
	Pl-File: evidence/log/poem-2.txt
	Pl-File: evidence/log/drawing.png
	EOF
	head_message >actual &&
	test_cmp expect actual &&
	grep "^files: \[evidence/log/poem.txt, evidence/log/poem-2.txt, evidence/log/drawing.png\]\$" \
		p/evidence/log.md &&
	test_cmp drawing.png p/evidence/log/drawing.png &&
	git -C p show HEAD:evidence/log/poem-2.txt >blob &&
	test_cmp poem.txt blob &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'evidence attach: a missing file or a folder, nothing committed' '
	before &&
	test_expect_code 4 pl -C p evidence attach log "$TRASH_DIRECTORY/poem.txt" \
		"$TRASH_DIRECTORY/none.txt" 2>err &&
	echo "pl: ${SQ}$TRASH_DIRECTORY/none.txt${SQ} does not exist" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p evidence attach log "$TRASH_DIRECTORY/folder" 2>err &&
	test_stderr_starts_pl err &&
	test_expect_code 4 pl -C p evidence attach nothing "$TRASH_DIRECTORY/poem.txt" 2>err &&
	echo "pl: unknown evidence ${SQ}nothing${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 2 pl -C p evidence attach log 2>err &&
	test_stderr_starts_pl err &&
	same_as_before
'

test_expect_success 'evidence detach: by name or by path' '
	test_tick &&
	pl -C p evidence detach log poem-2.txt &&
	cat >expect <<-\EOF &&
	evidence: detach log

	Detached poem-2.txt from "Reading log".

	Pl-Kind: evidence
	Pl-Action: detach
	Pl-Id: log
	Pl-File: evidence/log/poem-2.txt
	EOF
	head_message >actual &&
	test_cmp expect actual &&
	printf "M\tevidence/log.md\nD\tevidence/log/poem-2.txt\n" >expect &&
	git -C p show --format= --name-status HEAD >actual &&
	test_cmp expect actual &&
	test_path_is_missing p/evidence/log/poem-2.txt &&
	pl -C p evidence detach log evidence/log/drawing.png &&
	grep "^files: \[evidence/log/poem.txt\]\$" p/evidence/log.md &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'evidence detach: a file it does not have' '
	before &&
	test_expect_code 4 pl -C p evidence detach log nope.txt 2>err &&
	echo "pl: evidence ${SQ}log${SQ} has no file ${SQ}nope.txt${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 4 pl -C p evidence detach log ../../README.md 2>err &&
	echo "pl: evidence ${SQ}log${SQ} has no file ${SQ}../../README.md${SQ}" >expect &&
	test_cmp expect err &&
	same_as_before
'

test_expect_success 'evidence mv: the file, its folder and the references' '
	test_tick &&
	pl -C p evidence mv log reading-log &&
	git -C p show --format= --name-status -M HEAD |
		sed "s/^R[0-9]*/R/" >actual &&
	cat >expect <<-\EOF &&
	R	evidence/log.md	evidence/reading-log.md
	R	evidence/log/poem.txt	evidence/reading-log/poem.txt
	M	reflections/2026-11-26-poems-are-short.md
	EOF
	test_cmp expect actual &&
	grep "^files: \[evidence/reading-log/poem.txt\]\$" p/evidence/reading-log.md &&
	grep "^evidence: \[reading-log\]\$" p/reflections/2026-11-26-poems-are-short.md &&
	test_path_is_missing p/evidence/log &&
	test_path_is_missing p/evidence/log.md &&
	test_cmp poem.txt p/evidence/reading-log/poem.txt &&
	git -C p log --follow --format=%s -- evidence/reading-log.md |
		sed -n "1p;\$p" >actual &&
	printf "%s\n" "evidence: mv reading-log" "evidence: add log" >expect &&
	test_cmp expect actual &&
	git -C p log --follow --format=%s -- evidence/reading-log/poem.txt >actual &&
	printf "%s\n" "evidence: mv reading-log" "evidence: add log" >expect &&
	test_cmp expect actual &&
	head_message | grep "^Pl-Old-Id: log\$" &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'evidence rm: named by a reflection, then forced' '
	before &&
	test_expect_code 12 pl -C p evidence rm reading-log 2>err &&
	echo "pl: evidence ${SQ}reading-log${SQ} is named by reflections/2026-11-26-poems-are-short.md (evidence); nothing removed (--force removes those references too)" >expect &&
	test_cmp expect err &&
	same_as_before &&
	echo "Not committed." >p/evidence/reading-log/mine.txt &&
	test_tick &&
	pl -C p evidence rm --force reading-log &&
	cat >expect <<-\EOF &&
	D	evidence/reading-log.md
	D	evidence/reading-log/poem.txt
	M	reflections/2026-11-26-poems-are-short.md
	EOF
	git -C p show --format= --name-status HEAD >actual &&
	test_cmp expect actual &&
	grep "^evidence: \[\]\$" p/reflections/2026-11-26-poems-are-short.md &&
	test_path_is_missing p/evidence/reading-log.md &&
	test_path_is_missing p/evidence/reading-log/poem.txt &&
	test_path_is_file p/evidence/reading-log/mine.txt &&
	echo "?? evidence/reading-log/mine.txt" >expect &&
	git -C p status --porcelain --untracked-files=all >actual &&
	test_cmp expect actual &&
	rm -r p/evidence/reading-log
'

test_expect_success 'goal rm --force: a parent left empty, a list item dropped' '
	test_tick &&
	pl -C p goal rm --force books &&
	grep "^parent:\$" p/goals/poetry.md &&
	head_message | sed -n 3p >actual &&
	echo "Removed the goal \"Read well\", and its references in goals/poetry.md (parent)." >expect &&
	test_cmp expect actual &&
	pl -C p goal show poetry >out &&
	! grep "^parent:" out &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'reflect mv and rm' '
	test_tick &&
	pl -C p reflect mv 2026-11-26-poems-are-short short-poems &&
	git -C p show --format= --name-status -M HEAD |
		sed "s/^R[0-9]*/R/" >actual &&
	echo "R	reflections/2026-11-26-poems-are-short.md	reflections/short-poems.md" >expect &&
	test_cmp expect actual &&
	head_message | sed -n 3p >actual &&
	echo "Renamed the reflection short-poems from 2026-11-26-poems-are-short to short-poems." >expect &&
	test_cmp expect actual &&
	test_tick &&
	pl -C p reflect rm short-poems &&
	git -C p log -1 --format=%s >actual &&
	echo "reflection: rm short-poems" >expect &&
	test_cmp expect actual &&
	test_path_is_missing p/reflections &&
	test_expect_code 2 pl -C p reflect rm --force short-poems 2>err &&
	test_stderr_starts_pl err &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'a referrer pl cannot read is warned about and left alone' '
	pl -C p goal add --id kept "Kept" >/dev/null &&
	printf -- "---\ntitle: [broken\n---\n" >p/evidence/broken.md &&
	git -C p add evidence/broken.md &&
	git -C p commit -q -m "A broken file" &&
	pl -C p goal mv kept still 2>err &&
	echo "pl: warning: evidence/broken.md:2: did not find expected ${SQ},${SQ} or ${SQ}]${SQ} while parsing a flow sequence; references in it are left as they are" >expect &&
	test_cmp expect err &&
	test_path_is_file p/goals/still.md
'

test_expect_success 'a bare repository: refused' '
	git clone -q --bare p bare.git &&
	test_expect_code 3 pl -C bare.git goal rm still 2>err &&
	test_stderr_starts_pl err
'

test_done
