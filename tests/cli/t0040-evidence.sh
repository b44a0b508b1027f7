#!/bin/sh
test_description='pl evidence: add with files, list, show'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	pl -C p goal add --term long "Become a confident reader" >/dev/null &&
	pl -C p goal add --id poems "Write poems" >/dev/null &&
	printf "Roses are red,\nhorses are brown.\n" >poem.txt &&
	printf "\000\001\002binary\377" >drawing.png &&
	printf "Wrote a poem\nabout horses.\n" >description.txt &&
	mkdir folder &&
	write_script ed-describe.sh <<-\EOF &&
	echo "Typed in the editor." >>"$1"
	EOF
	write_script ed-fail.sh <<-\EOF &&
	echo "Half a description" >>"$1" &&
	exit 1
	EOF
	write_script ed-hint.sh <<-\EOF
	cat "$1" >"$TRASH_DIRECTORY/template" &&
	echo "Kept the hint." >>"$1"
	EOF
'

test_expect_success 'evidence add -m' '
	test_tick &&
	pl -C p evidence add -m "I read the whole book." \
		--goal become-a-confident-reader "Reading log" >out 2>err &&
	echo 2026-11-26-reading-log >expect &&
	test_cmp expect out &&
	test_must_be_empty err &&
	cat >expect <<-\EOF &&
	---
	title: Reading log
	date: 2026-11-26
	kind: artifact
	goals: [become-a-confident-reader]
	standards: []
	files: []
	---

	I read the whole book.
	EOF
	test_cmp expect p/evidence/2026-11-26-reading-log.md &&
	cat >expect <<-\EOF &&
	evidence: add 2026-11-26-reading-log

	Added artifact evidence from 2026-11-26: Reading log.

	Pl-Kind: evidence
	Pl-Action: add
	Pl-Id: 2026-11-26-reading-log
	Pl-Goal: become-a-confident-reader
	EOF
	(cd p && commit_message) >actual &&
	test_cmp expect actual &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'evidence add -F FILE, --kind, --date, --file' '
	test_tick &&
	pl -C p evidence add -F ../description.txt --kind project \
		--date 2026-11-20 --file ../poem.txt --file ../drawing.png \
		--goal poems "Horse poem" >out &&
	echo 2026-11-20-horse-poem >expect &&
	test_cmp expect out &&
	cat >expect <<-\EOF &&
	---
	title: Horse poem
	date: 2026-11-20
	kind: project
	goals: [poems]
	standards: []
	files: [evidence/2026-11-20-horse-poem/poem.txt, evidence/2026-11-20-horse-poem/drawing.png]
	---

	Wrote a poem
	about horses.
	EOF
	test_cmp expect p/evidence/2026-11-20-horse-poem.md
'

test_expect_success 'the attached files are copies, in the same commit' '
	test_cmp poem.txt p/evidence/2026-11-20-horse-poem/poem.txt &&
	cmp drawing.png p/evidence/2026-11-20-horse-poem/drawing.png &&
	cat >expect <<-\EOF &&
	evidence/2026-11-20-horse-poem.md
	evidence/2026-11-20-horse-poem/drawing.png
	evidence/2026-11-20-horse-poem/poem.txt
	EOF
	git -C p show --format= --name-only HEAD | sort >actual &&
	test_cmp expect actual &&
	git -C p show --stat --format= HEAD >stat &&
	grep "3 files changed" stat &&
	git -C p show HEAD:evidence/2026-11-20-horse-poem/poem.txt >actual &&
	test_cmp poem.txt actual &&
	git -C p cat-file blob HEAD:evidence/2026-11-20-horse-poem/drawing.png \
		>actual &&
	cmp drawing.png actual &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual &&
	echo "evidence: add 2026-11-20-horse-poem" >expect &&
	git -C p log -1 --format=%s >actual &&
	test_cmp expect actual
'

test_expect_success 'an executable file stays executable' '
	printf "#!/bin/sh\necho hi\n" >script.sh &&
	chmod +x script.sh &&
	pl -C p evidence add -m "A script." -f ../script.sh "Script" >out &&
	id=$(cat out) &&
	git -C p ls-tree HEAD "evidence/$id/script.sh" >actual &&
	grep "^100755 blob " actual &&
	test -x "p/evidence/$id/script.sh"
'

test_expect_success 'two files with one name get -2' '
	mkdir other &&
	echo "another" >other/poem.txt &&
	pl -C p evidence add -m x -f ../poem.txt -f ../other/poem.txt "Two poems" \
		>out &&
	id=$(cat out) &&
	grep "^files: \[evidence/$id/poem.txt, evidence/$id/poem-2.txt\]\$" \
		"p/evidence/$id.md" &&
	test_cmp other/poem.txt "p/evidence/$id/poem-2.txt"
'

test_expect_success 'a dot file gets a visible name' '
	echo secret >.hidden &&
	pl -C p evidence add -m x -f ../.hidden "Dot file" >out &&
	id=$(cat out) &&
	test_path_is_file "p/evidence/$id/_hidden" &&
	grep "^files: \[evidence/$id/_hidden\]\$" "p/evidence/$id.md"
'

test_expect_success 'evidence add -F - reads standard input' '
	printf "From standard input.\n" |
	pl -C p evidence add -F - --date yesterday --kind observation \
		"Observed" >out &&
	echo 2026-11-25-observed >expect &&
	test_cmp expect out &&
	cat >expect <<-\EOF &&

	From standard input.
	EOF
	body_of p/evidence/2026-11-25-observed.md >actual &&
	test_cmp expect actual &&
	grep "^kind: observation\$" p/evidence/2026-11-25-observed.md
'

test_expect_success 'blank lines around a description are dropped' '
	printf "\n\n  First line.\n\nSecond paragraph.\n\n\n" >blanky.txt &&
	pl -C p evidence add -F ../blanky.txt "Blank lines" >out &&
	printf "\n  First line.\n\nSecond paragraph.\n" >expect &&
	body_of "p/evidence/$(cat out).md" >actual &&
	test_cmp expect actual
'

test_expect_success 'evidence add with the editor' '
	EDITOR="$TRASH_DIRECTORY/ed-describe.sh" pl -C p evidence add \
		--kind assessment "Editor typed" >out 2>err &&
	echo 2026-11-26-editor-typed >expect &&
	test_cmp expect out &&
	test_must_be_empty err &&
	printf "\nTyped in the editor.\n" >expect &&
	body_of p/evidence/2026-11-26-editor-typed.md >actual &&
	test_cmp expect actual &&
	test_path_is_missing p/.git/pl/EVIDENCE.md &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'the editor template hint is removed' '
	EDITOR="$TRASH_DIRECTORY/ed-hint.sh" pl -C p evidence add "Hinted" \
		>out &&
	grep "^<!-- Describe what you did" template &&
	printf "\nKept the hint.\n" >expect &&
	body_of "p/evidence/$(cat out).md" >actual &&
	test_cmp expect actual
'

test_expect_success 'a failing editor: exit 1, typing kept, nothing committed' '
	git -C p rev-parse HEAD >before &&
	test_expect_code 1 env EDITOR="$TRASH_DIRECTORY/ed-fail.sh" \
		pl -C p evidence add "Failed" >out 2>err &&
	test_must_be_empty out &&
	test_stderr_starts_pl err &&
	echo "pl: editor ${SQ}$TRASH_DIRECTORY/ed-fail.sh${SQ} failed; your description is kept; resume it with: pl -C p evidence add -F .git/pl/EVIDENCE.md Failed" >expect &&
	test_cmp expect err &&
	grep "^Half a description\$" p/.git/pl/EVIDENCE.md &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after &&
	test_path_is_missing p/evidence/2026-11-26-failed.md
'

test_expect_success '-m and -F together: exit 2' '
	test_expect_code 2 pl -C p evidence add -m x -F ../description.txt T 2>err &&
	echo "pl: -m and -F cannot be used together" >expect &&
	test_cmp expect err
'

test_expect_success 'a missing file: exit 4, nothing committed' '
	git -C p rev-parse HEAD >before &&
	test_expect_code 4 pl -C p evidence add -m x -f no-such-file "Missing" \
		2>err &&
	echo "pl: ${SQ}no-such-file${SQ} does not exist" >expect &&
	test_cmp expect err &&
	test_expect_code 4 pl -C p evidence add -F no-such-file "Missing" \
		2>err &&
	test_stderr_starts_pl err &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after &&
	test_path_is_missing p/evidence/2026-11-26-missing.md &&
	test_path_is_missing p/evidence/2026-11-26-missing
'

test_expect_success 'a folder: exit 5, nothing committed' '
	git -C p rev-parse HEAD >before &&
	test_expect_code 5 pl -C p evidence add -m x -f ../folder "Folder" 2>err &&
	echo "pl: ${SQ}../folder${SQ} is a directory; attach files one by one" \
		>expect &&
	test_cmp expect err &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after &&
	test_path_is_missing p/evidence/2026-11-26-folder
'

test_expect_success 'an unknown goal: exit 4' '
	test_expect_code 4 pl -C p evidence add -m x --goal nope "No goal" 2>err &&
	echo "pl: unknown goal ${SQ}nope${SQ}" >expect &&
	test_cmp expect err
'

test_expect_success 'a bad kind, date or title: exit 5' '
	git -C p rev-parse HEAD >before &&
	test_expect_code 5 pl -C p evidence add -m x --kind essay T 2>err &&
	echo "pl: invalid kind ${SQ}essay${SQ} (use artifact, observation, assessment, project or other)" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p evidence add -m x --date 2026-13-01 T 2>err &&
	echo "pl: invalid date ${SQ}2026-13-01${SQ} (expected YYYY-MM-DD)" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p evidence add -m x "" 2>err &&
	echo "pl: empty evidence title" >expect &&
	test_cmp expect err &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after
'

test_expect_success '--id, and a taken id (12)' '
	pl -C p evidence add -m x --id my-evidence "Custom id" >out &&
	echo my-evidence >expect &&
	test_cmp expect out &&
	test_path_is_file p/evidence/my-evidence.md &&
	test_expect_code 12 pl -C p evidence add -m x --id my-evidence T 2>err &&
	echo "pl: evidence ${SQ}my-evidence${SQ} exists already" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p evidence add -m x --id ../x T 2>err &&
	echo "pl: invalid evidence id ${SQ}../x${SQ}" >expect &&
	test_cmp expect err
'

test_expect_success 'the same title on the same day gets -2' '
	pl -C p evidence add -m x "Reading log" >out &&
	echo 2026-11-26-reading-log-2 >expect &&
	test_cmp expect out
'

test_expect_success 'evidence list, as text' '
	cat >expect <<-\EOF &&
	2026-11-20  project      Horse poem  (2026-11-20-horse-poem)
	2026-11-25  observation  Observed  (2026-11-25-observed)
	2026-11-26  artifact     Blank lines  (2026-11-26-blank-lines)
	2026-11-26  artifact     Dot file  (2026-11-26-dot-file)
	2026-11-26  assessment   Editor typed  (2026-11-26-editor-typed)
	2026-11-26  artifact     Hinted  (2026-11-26-hinted)
	2026-11-26  artifact     Reading log  (2026-11-26-reading-log)
	2026-11-26  artifact     Reading log  (2026-11-26-reading-log-2)
	2026-11-26  artifact     Script  (2026-11-26-script)
	2026-11-26  artifact     Two poems  (2026-11-26-two-poems)
	2026-11-26  artifact     Custom id  (my-evidence)
	EOF
	pl -C p evidence list >actual 2>err &&
	test_cmp expect actual &&
	test_must_be_empty err &&
	pl -C p evidence >actual &&
	test_cmp expect actual
'

test_expect_success 'evidence list --goal' '
	cat >expect <<-\EOF &&
	2026-11-20  project      Horse poem  (2026-11-20-horse-poem)
	EOF
	pl -C p evidence list --goal poems >actual &&
	test_cmp expect actual &&
	pl -C p evidence list -g become-a-confident-reader >actual &&
	grep "(2026-11-26-reading-log)\$" actual &&
	test_line_count = 1 actual
'

test_expect_success 'evidence list --since and --until' '
	cat >expect <<-\EOF &&
	2026-11-20  project      Horse poem  (2026-11-20-horse-poem)
	2026-11-25  observation  Observed  (2026-11-25-observed)
	EOF
	pl -C p evidence list --until 2026-11-25 >actual &&
	test_cmp expect actual &&
	pl -C p evidence list --until yesterday >actual &&
	test_cmp expect actual &&
	pl -C p evidence list --since 2026-11-21 --until 2026-11-25 >actual &&
	grep "(2026-11-25-observed)\$" actual &&
	test_line_count = 1 actual &&
	pl -C p evidence list --since today >actual &&
	test_line_count = 9 actual
'

test_expect_success 'evidence list --kind' '
	echo "2026-11-26  assessment   Editor typed  (2026-11-26-editor-typed)" \
		>expect &&
	pl -C p evidence list --kind assessment >actual &&
	test_cmp expect actual
'

test_expect_success 'evidence list with a bad date: exit 5' '
	test_expect_code 5 pl -C p evidence list --since soon 2>err &&
	echo "pl: invalid date ${SQ}soon${SQ} (expected YYYY-MM-DD)" >expect &&
	test_cmp expect err
'

test_expect_success 'evidence list --format json' '
	cat >expect <<-\EOF &&
	[
	  {
	    "id": "2026-11-20-horse-poem",
	    "title": "Horse poem",
	    "date": "2026-11-20",
	    "kind": "project",
	    "goals": [
	      "poems"
	    ],
	    "standards": [],
	    "files": [
	      "evidence/2026-11-20-horse-poem/poem.txt",
	      "evidence/2026-11-20-horse-poem/drawing.png"
	    ]
	  }
	]
	EOF
	pl -C p evidence list --kind project --format json >actual &&
	test_cmp expect actual
'

test_expect_success 'evidence show, as text' '
	cat >expect <<-\EOF &&
	Horse poem

	id:        2026-11-20-horse-poem
	date:      2026-11-20
	kind:      project
	goals:     poems
	files:     evidence/2026-11-20-horse-poem/poem.txt
	           evidence/2026-11-20-horse-poem/drawing.png

	Wrote a poem
	about horses.
	EOF
	pl -C p evidence show 2026-11-20-horse-poem >actual 2>err &&
	test_cmp expect actual &&
	test_must_be_empty err
'

test_expect_success 'evidence show, as JSON' '
	cat >expect <<-\EOF &&
	{
	  "id": "2026-11-26-reading-log",
	  "title": "Reading log",
	  "date": "2026-11-26",
	  "kind": "artifact",
	  "goals": [
	    "become-a-confident-reader"
	  ],
	  "standards": [],
	  "files": [],
	  "ratings": [],
	  "body": "\nI read the whole book.\n"
	}
	EOF
	pl -C p evidence show --format json 2026-11-26-reading-log >actual &&
	test_cmp expect actual
'

test_expect_success 'evidence show: unknown id 4, bad id 5' '
	test_expect_code 4 pl -C p evidence show nope 2>err &&
	echo "pl: unknown evidence ${SQ}nope${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p evidence show ../x 2>err &&
	echo "pl: invalid evidence id ${SQ}../x${SQ}" >expect &&
	test_cmp expect err
'

test_expect_success 'evidence edit commits the hand edit' '
	write_script ed-append.sh <<-\EOF &&
	echo "Added by hand." >>"$1"
	EOF
	cp p/evidence/2026-11-26-reading-log.md before &&
	EDITOR="$TRASH_DIRECTORY/ed-append.sh" \
		pl -C p evidence edit 2026-11-26-reading-log >out 2>err &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	{ cat before && echo "Added by hand."; } >expect &&
	test_cmp expect p/evidence/2026-11-26-reading-log.md &&
	cat >expect <<-\EOF &&
	evidence: edit 2026-11-26-reading-log

	Edited evidence/2026-11-26-reading-log.md by hand.

	Pl-Kind: evidence
	Pl-Action: edit
	Pl-Id: 2026-11-26-reading-log
	EOF
	(cd p && commit_message) >actual &&
	test_cmp expect actual &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'evidence edit with a bad kind: exit 5, edit kept' '
	write_script ed-kind.sh <<-\EOF &&
	sed -e "s/^kind: .*/kind: essay/" "$1" >"$1.new" && mv "$1.new" "$1"
	EOF
	git -C p rev-parse HEAD >before &&
	test_expect_code 5 env EDITOR="$TRASH_DIRECTORY/ed-kind.sh" \
		pl -C p evidence edit 2026-11-26-reading-log 2>err &&
	echo "pl: evidence/2026-11-26-reading-log.md: ${SQ}kind${SQ} must be artifact, observation, assessment, project or other; your edit is kept in ${SQ}$TRASH_DIRECTORY/p/.git/pl/EDIT-evidence-2026-11-26-reading-log.md${SQ}; resume it with: pl -C p evidence edit 2026-11-26-reading-log" >expect &&
	test_cmp expect err &&
	grep "^kind: essay\$" p/.git/pl/EDIT-evidence-2026-11-26-reading-log.md &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after
'

test_expect_success 'evidence edit: unknown id 4, bad id 5' '
	test_expect_code 4 env EDITOR=true pl -C p evidence edit nope 2>err &&
	echo "pl: unknown evidence ${SQ}nope${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 5 env EDITOR=true pl -C p evidence edit ../x 2>err &&
	echo "pl: invalid evidence id ${SQ}../x${SQ}" >expect &&
	test_cmp expect err
'

test_expect_success 'one commit per evidence added' '
	git -C p log --format=%s -- evidence >subjects &&
	grep -c "^evidence: add " subjects >actual &&
	echo 11 >expect &&
	test_cmp expect actual &&
	git -C p fsck --strict >out 2>&1 &&
	test_must_be_empty out
'

test_done
