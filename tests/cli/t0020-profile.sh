#!/bin/sh
test_description='pl profile: show, set, add, edit'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

test_expect_success 'setup' '
	pl init --name "Ana Lima" --grade 5 p >/dev/null &&
	write_script ed-grade.sh <<-\EOF &&
	sed -e "s/^grade: .*/grade: \"7\"/" "$1" >"$1.new" && mv "$1.new" "$1"
	EOF
	write_script ed-broken.sh <<-\EOF &&
	sed -e "s/^grade: .*/grade: [7/" "$1" >"$1.new" && mv "$1.new" "$1"
	EOF
	write_script ed-noname.sh <<-\EOF &&
	sed -e "/^name: /d" "$1" >"$1.new" && mv "$1.new" "$1"
	EOF
	write_script ed-marker.sh <<-\EOF
	echo ran >"$TRASH_DIRECTORY/editor-ran"
	EOF
'

test_expect_success 'profile show, as text' '
	cat >expect <<-\EOF &&
	Ana Lima

	id:        ana-lima
	grade:     5
	started:   2026-11-26

	Strengths:
	  (none yet)

	Needs:
	  (none yet)

	Interests:
	  (none yet)

	How I learn best:
	  (none yet)
	EOF
	pl -C p profile show >actual 2>err &&
	test_cmp expect actual &&
	test_must_be_empty err
'

test_expect_success 'pl profile alone is profile show' '
	pl -C p profile show >expect &&
	pl -C p profile >actual &&
	test_cmp expect actual
'

test_expect_success 'profile show, as JSON' '
	cat >expect <<-\EOF &&
	{
	  "name": "Ana Lima",
	  "id": "ana-lima",
	  "grade": "5",
	  "started": "2026-11-26",
	  "strengths": [],
	  "needs": [],
	  "interests": [],
	  "preferences": [],
	  "body": "\n# Ana Lima\n\n## Strengths\n\n## Needs\n\n## Interests\n\n## How I learn best\n"
	}
	EOF
	pl -C p profile show --format json >actual &&
	test_cmp expect actual &&
	pl -C p profile --format=json >actual &&
	test_cmp expect actual
'

test_expect_success 'profile set changes one line and commits' '
	cp p/profile.md before &&
	test_tick &&
	pl -C p profile set grade 6 >out 2>err &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	sed -e "s/^grade: \"5\"\$/grade: \"6\"/" before >expect &&
	test_cmp expect p/profile.md &&
	cat >expect <<-\EOF &&
	profile: set grade "6"

	Set grade to "6".

	Pl-Kind: profile
	Pl-Action: set
	Pl-Id: ana-lima
	Pl-Key: grade
	EOF
	(cd p && commit_message) >actual &&
	test_cmp expect actual &&
	echo 2 >expect &&
	git -C p rev-list --count HEAD >actual &&
	test_cmp expect actual &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'the same value again: exit 0, no commit' '
	git -C p rev-parse HEAD >before &&
	pl -C p profile set grade 6 >out 2>err &&
	test_must_be_empty out &&
	echo "pl: ${SQ}grade${SQ} is already ${SQ}6${SQ}" >expect &&
	test_cmp expect err &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after
'

test_expect_success 'set started to a date; a bad date is refused (5)' '
	pl -C p profile set started 2026-09-01 &&
	grep "^started: 2026-09-01\$" p/profile.md &&
	git -C p rev-parse HEAD >before &&
	test_expect_code 5 pl -C p profile set started soon 2>err &&
	echo "pl: invalid date ${SQ}soon${SQ} (expected YYYY-MM-DD)" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p profile set started 2026-02-30 2>err &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after
'

test_expect_success 'an empty name, a bad key or a bad id is refused (5)' '
	git -C p rev-parse HEAD >before &&
	test_expect_code 5 pl -C p profile set name "" 2>err &&
	echo "pl: empty value" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p profile set "bad key" x 2>err &&
	echo "pl: invalid profile key ${SQ}bad key${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p profile set id "A B" 2>err &&
	echo "pl: invalid learner id ${SQ}A B${SQ}" >expect &&
	test_cmp expect err &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'a key of ones own is added at the end' '
	pl -C p profile set pronouns she/her &&
	cat >expect <<-\EOF &&
	---
	name: Ana Lima
	id: ana-lima
	grade: "6"
	started: 2026-09-01
	pronouns: she/her
	---
	EOF
	head -n 7 p/profile.md >actual &&
	test_cmp expect actual &&
	echo "Pl-Key: pronouns" >expect &&
	git -C p log -1 --format=%B | git interpret-trailers --parse >trailers &&
	grep "^Pl-Key: " trailers >actual &&
	test_cmp expect actual
'

test_expect_success 'values YAML would misread are quoted' '
	pl -C p profile set note yes &&
	pl -C p profile set since 2026-01-01 &&
	grep "^note: \"yes\"\$" p/profile.md &&
	grep "^since: \"2026-01-01\"\$" p/profile.md
'

test_expect_success 'profile add, for each list' '
	pl -C p profile add strength "Asks good questions" &&
	pl -C p profile add need "Time to plan" &&
	pl -C p profile add interest "Horses" &&
	pl -C p profile add preference "Drawing it first" &&
	pl -C p profile add preferences "Working with a partner" &&
	cat >expect <<-\EOF &&

	# Ana Lima

	## Strengths

	- Asks good questions

	## Needs

	- Time to plan

	## Interests

	- Horses

	## How I learn best

	- Drawing it first
	- Working with a partner
	EOF
	body_of p/profile.md >actual &&
	test_cmp expect actual &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'profile add commits name the section' '
	cat >expect <<-\EOF &&
	profile: add preference "Drawing it first"

	Added to How I learn best: Drawing it first.

	Pl-Kind: profile
	Pl-Action: add
	Pl-Id: ana-lima
	Pl-Key: How I learn best
	EOF
	(cd p && commit_message HEAD~1) >actual &&
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	profile: add preference "Working with a partner"
	profile: add preference "Drawing it first"
	profile: add interest "Horses"
	profile: add need "Time to plan"
	profile: add strength "Asks good questions"
	EOF
	git -C p log -5 --format=%s >actual &&
	test_cmp expect actual
'

test_expect_success 'profile show lists what was added' '
	cat >expect <<-\EOF &&
	Ana Lima

	id:        ana-lima
	grade:     6
	started:   2026-09-01

	Strengths:
	  - Asks good questions

	Needs:
	  - Time to plan

	Interests:
	  - Horses

	How I learn best:
	  - Drawing it first
	  - Working with a partner
	EOF
	pl -C p profile >actual &&
	test_cmp expect actual
'

test_expect_success 'profile show --format json has the lists' '
	cat >expect <<-\EOF &&
	  "strengths": [
	    "Asks good questions"
	  ],
	  "needs": [
	    "Time to plan"
	  ],
	  "interests": [
	    "Horses"
	  ],
	  "preferences": [
	    "Drawing it first",
	    "Working with a partner"
	  ],
	EOF
	pl -C p profile --format json >json &&
	sed -n -e "/\"strengths\"/,/^  \],\$/p" json >actual &&
	sed -n -e "/\"needs\"/,/^  \],\$/p" json >>actual &&
	sed -n -e "/\"interests\"/,/^  \],\$/p" json >>actual &&
	sed -n -e "/\"preferences\"/,/^  \],\$/p" json >>actual &&
	test_cmp expect actual
'

test_expect_success 'profile add refuses an unknown list or empty text (5)' '
	git -C p rev-parse HEAD >before &&
	test_expect_code 5 pl -C p profile add hobby "Chess" 2>err &&
	echo "pl: unknown profile list ${SQ}hobby${SQ} (use strength, need, interest or preference)" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p profile add strength "  " 2>err &&
	echo "pl: empty text" >expect &&
	test_cmp expect err &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after
'

test_expect_success 'profile edit commits what the editor changed' '
	cp p/profile.md before &&
	git -C p rev-list --count HEAD >count-before &&
	test_tick &&
	EDITOR="$TRASH_DIRECTORY/ed-grade.sh" pl -C p profile edit >out 2>err &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	sed -e "s/^grade: .*/grade: \"7\"/" before >expect &&
	test_cmp expect p/profile.md &&
	cat >expect <<-\EOF &&
	profile: edit ana-lima

	Edited profile.md by hand.

	Pl-Kind: profile
	Pl-Action: edit
	Pl-Id: ana-lima
	EOF
	(cd p && commit_message) >actual &&
	test_cmp expect actual &&
	echo $(($(cat count-before) + 1)) >expect &&
	git -C p rev-list --count HEAD >actual &&
	test_cmp expect actual &&
	echo profile.md >expect &&
	git -C p show --format= --name-only HEAD >actual &&
	test_cmp expect actual &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual &&
	test_path_is_missing p/.git/pl/EDIT-profile.md
'

test_expect_success 'VISUAL wins over EDITOR' '
	test_when_finished "rm -f editor-ran" &&
	git -C p rev-parse HEAD >before &&
	VISUAL="$TRASH_DIRECTORY/ed-marker.sh" \
	EDITOR="$TRASH_DIRECTORY/ed-broken.sh" pl -C p profile edit 2>err &&
	test_path_is_file editor-ran &&
	echo "pl: profile.md unchanged; nothing committed" >expect &&
	test_cmp expect err &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after
'

test_expect_success 'an edit that changes nothing: exit 0, no commit' '
	git -C p rev-parse HEAD >before &&
	EDITOR=true pl -C p profile edit >out 2>err &&
	test_must_be_empty out &&
	echo "pl: profile.md unchanged; nothing committed" >expect &&
	test_cmp expect err &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after &&
	test_path_is_missing p/.git/pl/EDIT-profile.md
'

test_expect_success 'broken YAML typed in the editor: exit 6, edit kept' '
	test_when_finished "rm -f p/.git/pl/EDIT-profile.md" &&
	git -C p rev-parse HEAD >before &&
	cp p/profile.md committed &&
	test_expect_code 6 env EDITOR="$TRASH_DIRECTORY/ed-broken.sh" \
		pl -C p profile edit >out 2>err &&
	test_must_be_empty out &&
	test_stderr_starts_pl err &&
	test_line_count = 1 err &&
	grep "^pl: profile.md:[45]: " err &&
	grep "; your edit is kept in ${SQ}$TRASH_DIRECTORY/p/.git/pl/EDIT-profile.md${SQ}; resume it with: pl -C p profile edit\$" err &&
	grep "^grade: \[7\$" p/.git/pl/EDIT-profile.md &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after &&
	test_cmp committed p/profile.md &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'an edit that removes the name: exit 5, edit kept' '
	git -C p rev-parse HEAD >before &&
	test_expect_code 5 env EDITOR="$TRASH_DIRECTORY/ed-noname.sh" \
		pl -C p profile edit 2>err &&
	echo "pl: profile.md: ${SQ}name${SQ} is missing; your edit is kept in ${SQ}$TRASH_DIRECTORY/p/.git/pl/EDIT-profile.md${SQ}; resume it with: pl -C p profile edit" >expect &&
	test_cmp expect err &&
	! grep "^name:" p/.git/pl/EDIT-profile.md &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after
'

test_expect_success 'an editor that fails: exit 1, nothing committed' '
	test_when_finished "rm -f p/.git/pl/EDIT-profile.md" &&
	git -C p rev-parse HEAD >before &&
	test_expect_code 1 env EDITOR=false pl -C p profile edit 2>err &&
	cat >expect <<-EOF &&
	pl: resuming your edit of profile.md kept in ${SQ}$TRASH_DIRECTORY/p/.git/pl/EDIT-profile.md${SQ}
	pl: editor ${SQ}false${SQ} failed; your edit is kept in ${SQ}$TRASH_DIRECTORY/p/.git/pl/EDIT-profile.md${SQ}; resume it with: pl -C p profile edit
	EOF
	test_cmp expect err &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after
'

test_expect_success 'profile edit refuses uncommitted edits before the editor (9)' '
	test_when_finished "git -C p checkout -q profile.md; rm -f editor-ran" &&
	echo "extra line" >>p/profile.md &&
	git -C p rev-parse HEAD >before &&
	test_expect_code 9 env EDITOR="$TRASH_DIRECTORY/ed-marker.sh" \
		pl -C p profile edit 2>err &&
	echo "pl: ${SQ}profile.md${SQ} has uncommitted changes; commit or stash them first" >expect &&
	test_cmp expect err &&
	test_path_is_missing editor-ran &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after &&
	tail -n 1 p/profile.md >actual &&
	echo "extra line" >expect &&
	test_cmp expect actual
'

test_expect_success 'profile set refuses uncommitted edits too (9)' '
	test_when_finished "git -C p checkout -q profile.md" &&
	echo "extra line" >>p/profile.md &&
	git -C p rev-parse HEAD >before &&
	test_expect_code 9 pl -C p profile set grade 8 2>err &&
	echo "pl: ${SQ}profile.md${SQ} has uncommitted changes; commit or stash them first" >expect &&
	test_cmp expect err &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after &&
	tail -n 1 p/profile.md >actual &&
	echo "extra line" >expect &&
	test_cmp expect actual
'

test_expect_success 'profile show --rev reads an older state' '
	pl -C p profile show --rev HEAD~1 >out &&
	grep "^grade:     6\$" out &&
	pl -C p profile show >out &&
	grep "^grade:     7\$" out &&
	first=$(git -C p rev-list --max-parents=0 HEAD) &&
	pl -C p profile show --rev "$first" --format json >out &&
	grep "\"grade\": \"5\"" out
'

test_expect_success 'profile show with an unknown --rev: exit 4' '
	test_expect_code 4 pl -C p profile show --rev no-such-rev 2>err &&
	echo "pl: unknown revision ${SQ}no-such-rev${SQ}" >expect &&
	test_cmp expect err
'

test_expect_success 'profile show reads the commit, not the working file' '
	test_when_finished "git -C p checkout -q profile.md" &&
	pl -C p profile >expect &&
	sed -e "s/^name: .*/name: Someone Else/" p/profile.md >tmp &&
	mv tmp p/profile.md &&
	pl -C p profile >actual &&
	test_cmp expect actual
'

test_done
