#!/bin/sh
test_description='pl reflect: write, list and show reflections'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	pl -C p goal add --id fractions "Fractions" >/dev/null &&
	pl -C p evidence add -m "Bars." --id fraction-bars "Fraction bars" \
		>/dev/null &&
	write_script ed-answer.sh <<-\EOF &&
	cp "$1" "$TRASH_DIRECTORY/template" &&
	echo "$1" >"$TRASH_DIRECTORY/template-path" &&
	sed -e "/^## What I learned\$/{
	n
	a\\
	Fractions are parts of a whole.
	}" "$1" >"$1.new" &&
	mv "$1.new" "$1"
	EOF
	write_script ed-replace.sh <<-\EOF &&
	printf "Halves and quarters are easy now.\n" >"$1"
	EOF
	write_script ed-fail.sh <<-\EOF
	echo "Some typing" >>"$1" &&
	exit 3
	EOF
'

test_expect_success 'reflect -m writes a reflection and prints its id' '
	test_tick &&
	pl -C p reflect -m "I learned that re-reading helps." >out 2>err &&
	echo 2026-11-26-i-learned-that-re-reading-helps >expect &&
	test_cmp expect out &&
	test_must_be_empty err &&
	cat >expect <<-\EOF &&
	---
	date: 2026-11-26
	goals: []
	evidence: []
	---

	I learned that re-reading helps.
	EOF
	test_cmp expect p/reflections/2026-11-26-i-learned-that-re-reading-helps.md &&
	cat >expect <<-\EOF &&
	reflection: add 2026-11-26-i-learned-that-re-reading-helps

	Reflected on 2026-11-26: I learned that re-reading helps.

	Pl-Kind: reflection
	Pl-Action: add
	Pl-Id: 2026-11-26-i-learned-that-re-reading-helps
	EOF
	(cd p && commit_message) >actual &&
	test_cmp expect actual &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'reflect add is the same as reflect' '
	pl -C p reflect add -m "Second thoughts" >out &&
	echo 2026-11-26-second-thoughts >expect &&
	test_cmp expect out &&
	echo "Reflected on 2026-11-26: Second thoughts." >expect &&
	(cd p && commit_message) | sed -n 3p >actual &&
	test_cmp expect actual
'

test_expect_success '--goal and --evidence go to front matter and trailers' '
	test_tick &&
	pl -C p reflect --goal fractions --evidence fraction-bars \
		--date 2026-11-24 -m "Drawing bars made it click." >out &&
	echo 2026-11-24-drawing-bars-made-it-click >expect &&
	test_cmp expect out &&
	cat >expect <<-\EOF &&
	---
	date: 2026-11-24
	goals: [fractions]
	evidence: [fraction-bars]
	---

	Drawing bars made it click.
	EOF
	test_cmp expect p/reflections/2026-11-24-drawing-bars-made-it-click.md &&
	cat >expect <<-\EOF &&
	Pl-Kind: reflection
	Pl-Action: add
	Pl-Id: 2026-11-24-drawing-bars-made-it-click
	Pl-Goal: fractions
	Pl-Evidence: fraction-bars
	EOF
	git -C p log -1 --format=%B | git interpret-trailers --parse >actual &&
	test_cmp expect actual
'

test_expect_success 'evidence ids that look like dates are quoted' '
	pl -C p evidence add -m x "Dated" >ev &&
	pl -C p reflect --evidence "$(cat ev)" -m "About dated evidence" >out &&
	grep "^evidence: \[\"2026-11-26-dated\"\]\$" "p/reflections/$(cat out).md"
'

test_expect_success 'reflect -F FILE and -F -' '
	printf "Written in a file.\n\nWith two paragraphs.\n" >refl.txt &&
	pl -C p reflect -F ../refl.txt >out &&
	printf "\nWritten in a file.\n\nWith two paragraphs.\n" >expect &&
	body_of "p/reflections/$(cat out).md" >actual &&
	test_cmp expect actual &&
	echo "From standard input." | pl -C p reflect -F - --date yesterday \
		>out &&
	echo 2026-11-25-from-standard-input >expect &&
	test_cmp expect out
'

test_expect_success 'the editor opens on the prompts' '
	test_tick &&
	EDITOR="$TRASH_DIRECTORY/ed-answer.sh" pl -C p reflect >out 2>err &&
	echo 2026-11-26-fractions-are-parts-of-a-whole >expect &&
	test_cmp expect out &&
	test_must_be_empty err &&
	printf "## What I learned\n\n\n## What was hard\n\n\n## What I will try next\n\n" \
		>expect &&
	test_cmp expect template &&
	echo "$TRASH_DIRECTORY/p/.git/pl/REFLECTION.md" >expect &&
	test_cmp expect template-path &&
	cat >expect <<-\EOF &&

	## What I learned

	Fractions are parts of a whole.

	## What was hard


	## What I will try next
	EOF
	body_of p/reflections/2026-11-26-fractions-are-parts-of-a-whole.md \
		>actual &&
	test_cmp expect actual &&
	test_path_is_missing p/.git/pl/REFLECTION.md &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'what the editor leaves is the reflection' '
	EDITOR="$TRASH_DIRECTORY/ed-replace.sh" pl -C p reflect >out &&
	echo 2026-11-26-halves-and-quarters-are-easy-now >expect &&
	test_cmp expect out
'

test_expect_success 'an untouched template is an empty reflection (5)' '
	git -C p rev-parse HEAD >before &&
	test_expect_code 5 env EDITOR=true pl -C p reflect >out 2>err &&
	test_must_be_empty out &&
	echo "pl: empty reflection; nothing committed" >expect &&
	test_cmp expect err &&
	test_path_is_missing p/.git/pl/REFLECTION.md &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after
'

test_expect_success 'blank -m or -F text is refused (5)' '
	git -C p rev-parse HEAD >before &&
	test_expect_code 5 pl -C p reflect -m "   " 2>err &&
	echo "pl: empty reflection; nothing committed" >expect &&
	test_cmp expect err &&
	printf "\n\n" | test_expect_code 5 pl -C p reflect -F - 2>err &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p reflect -m "" 2>err &&
	test_cmp expect err &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after
'

test_expect_success 'a failing editor keeps what was typed (1)' '
	git -C p rev-parse HEAD >before &&
	test_expect_code 1 env EDITOR="$TRASH_DIRECTORY/ed-fail.sh" \
		pl -C p reflect >out 2>err &&
	test_must_be_empty out &&
	test_stderr_starts_pl err &&
	echo "pl: editor ${SQ}$TRASH_DIRECTORY/ed-fail.sh${SQ} failed; your reflection is kept; resume it with: pl -C p reflect -F .git/pl/REFLECTION.md" >expect &&
	test_cmp expect err &&
	grep "^Some typing\$" p/.git/pl/REFLECTION.md &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after
'

test_expect_success 'unknown goal or evidence: exit 4' '
	git -C p rev-parse HEAD >before &&
	test_expect_code 4 pl -C p reflect --goal nope -m x 2>err &&
	echo "pl: unknown goal ${SQ}nope${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 4 pl -C p reflect --evidence nope -m x 2>err &&
	echo "pl: unknown evidence ${SQ}nope${SQ}" >expect &&
	test_cmp expect err &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after
'

test_expect_success 'a bad date or id: exit 5' '
	test_expect_code 5 pl -C p reflect --date 2026-11-31 -m x 2>err &&
	echo "pl: invalid date ${SQ}2026-11-31${SQ} (expected YYYY-MM-DD)" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p reflect --goal ../x -m x 2>err &&
	echo "pl: invalid goal id ${SQ}../x${SQ}" >expect &&
	test_cmp expect err
'

test_expect_success '-m and -F together: exit 2' '
	test_expect_code 2 pl -C p reflect -m x -F ../refl.txt 2>err &&
	echo "pl: -m and -F cannot be used together" >expect &&
	test_cmp expect err
'

test_expect_success 'the same first words on the same day get -2' '
	pl -C p reflect -m "Second thoughts" >out &&
	echo 2026-11-26-second-thoughts-2 >expect &&
	test_cmp expect out
'

test_expect_success 'reflect list, as text' '
	cat >expect <<-\EOF &&
	2026-11-24  Drawing bars made it click.  (2026-11-24-drawing-bars-made-it-click)
	2026-11-25  From standard input.  (2026-11-25-from-standard-input)
	2026-11-26  About dated evidence  (2026-11-26-about-dated-evidence)
	2026-11-26  Fractions are parts of a whole.  (2026-11-26-fractions-are-parts-of-a-whole)
	2026-11-26  Halves and quarters are easy now.  (2026-11-26-halves-and-quarters-are-easy-now)
	2026-11-26  I learned that re-reading helps.  (2026-11-26-i-learned-that-re-reading-helps)
	2026-11-26  Second thoughts  (2026-11-26-second-thoughts)
	2026-11-26  Second thoughts  (2026-11-26-second-thoughts-2)
	2026-11-26  Written in a file.  (2026-11-26-written-in-a-file)
	EOF
	pl -C p reflect list >actual 2>err &&
	test_cmp expect actual &&
	test_must_be_empty err
'

test_expect_success 'reflect list --goal and --evidence' '
	echo "2026-11-24  Drawing bars made it click.  (2026-11-24-drawing-bars-made-it-click)" >expect &&
	pl -C p reflect list --goal fractions >actual &&
	test_cmp expect actual &&
	pl -C p reflect list -e fraction-bars >actual &&
	test_cmp expect actual &&
	test_expect_code 4 pl -C p reflect list --goal nope >actual 2>err &&
	test_must_be_empty actual &&
	echo "pl: unknown goal ${SQ}nope${SQ}" >expect &&
	test_cmp expect err
'

test_expect_success 'reflect list --format json' '
	cat >expect <<-\EOF &&
	[
	  {
	    "id": "2026-11-24-drawing-bars-made-it-click",
	    "date": "2026-11-24",
	    "goals": [
	      "fractions"
	    ],
	    "evidence": [
	      "fraction-bars"
	    ],
	    "summary": "Drawing bars made it click."
	  }
	]
	EOF
	pl -C p reflect list --goal fractions --format json >actual &&
	test_cmp expect actual
'

test_expect_success 'reflect show, as text' '
	cat >expect <<-\EOF &&
	id:        2026-11-24-drawing-bars-made-it-click
	date:      2026-11-24
	goals:     fractions
	evidence:  fraction-bars

	Drawing bars made it click.
	EOF
	pl -C p reflect show 2026-11-24-drawing-bars-made-it-click >actual &&
	test_cmp expect actual
'

test_expect_success 'reflect show, as JSON' '
	cat >expect <<-\EOF &&
	{
	  "id": "2026-11-26-fractions-are-parts-of-a-whole",
	  "date": "2026-11-26",
	  "goals": [],
	  "evidence": [],
	  "summary": "Fractions are parts of a whole.",
	  "body": "\n## What I learned\n\nFractions are parts of a whole.\n\n## What was hard\n\n\n## What I will try next\n"
	}
	EOF
	pl -C p reflect show --format json \
		2026-11-26-fractions-are-parts-of-a-whole >actual &&
	test_cmp expect actual
'

test_expect_success 'reflect show: unknown id 4, bad id 5' '
	test_expect_code 4 pl -C p reflect show 2026-01-01-nope 2>err &&
	echo "pl: unknown reflection ${SQ}2026-01-01-nope${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p reflect show ../../x 2>err &&
	echo "pl: invalid reflection id ${SQ}../../x${SQ}" >expect &&
	test_cmp expect err
'

test_expect_success 'reflect edit commits the hand edit' '
	write_script ed-append.sh <<-\EOF &&
	echo "Added later." >>"$1"
	EOF
	id=2026-11-24-drawing-bars-made-it-click &&
	cp p/reflections/$id.md before &&
	EDITOR="$TRASH_DIRECTORY/ed-append.sh" pl -C p reflect edit $id \
		>out 2>err &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	{ cat before && echo "Added later."; } >expect &&
	test_cmp expect p/reflections/$id.md &&
	cat >expect <<-EOF &&
	reflection: edit $id

	Edited reflections/$id.md by hand.

	Pl-Kind: reflection
	Pl-Action: edit
	Pl-Id: $id
	EOF
	(cd p && commit_message) >actual &&
	test_cmp expect actual
'

test_expect_success 'reflect edit that drops the date: exit 5, edit kept' '
	write_script ed-nodate.sh <<-\EOF &&
	sed -e "/^date: /d" "$1" >"$1.new" && mv "$1.new" "$1"
	EOF
	id=2026-11-24-drawing-bars-made-it-click &&
	git -C p rev-parse HEAD >before &&
	test_expect_code 5 env EDITOR="$TRASH_DIRECTORY/ed-nodate.sh" \
		pl -C p reflect edit $id 2>err &&
	echo "pl: reflections/$id.md: ${SQ}date${SQ} is missing; your edit is kept in ${SQ}$TRASH_DIRECTORY/p/.git/pl/EDIT-reflection-$id.md${SQ}; resume it with: pl -C p reflect edit $id" >expect &&
	test_cmp expect err &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after
'

test_expect_success 'one commit per reflection' '
	git -C p log --format=%s -- reflections >subjects &&
	grep -c "^reflection: add " subjects >actual &&
	echo 9 >expect &&
	test_cmp expect actual &&
	git -C p log --format=%s -- reflections | grep -c "^reflection: edit " >actual &&
	echo 1 >expect &&
	test_cmp expect actual &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'prompts answered with lists: id and summary from the first words' '
	write_script ed-lists.sh <<-\EOF &&
	cat >"$1" <<-\END
	## What I learned

	- *Thirds* are smaller
	  than halves
	- Twelfths too

	## What was hard

	Adding them.
	END
	EOF
	EDITOR="$TRASH_DIRECTORY/ed-lists.sh" pl -C p reflect --date 2026-11-20 \
		>out &&
	echo 2026-11-20-thirds-are-smaller-than-halves >expect &&
	test_cmp expect out &&
	echo "2026-11-20  Thirds are smaller than halves  (2026-11-20-thirds-are-smaller-than-halves)" >expect &&
	pl -C p reflect list >actual &&
	head -n 1 actual >first &&
	test_cmp expect first &&
	echo "Reflected on 2026-11-20: Thirds are smaller than halves." >expect &&
	(cd p && commit_message) | sed -n 3p >actual &&
	test_cmp expect actual
'

test_done
