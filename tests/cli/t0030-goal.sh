#!/bin/sh
test_description='pl goal: add, list, show, step, done, status, edit'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# The trailers of a commit, as git reads them.
trailers () {
	git -C p log -1 --format=%B "${1:-HEAD}" | git interpret-trailers --parse
}

test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	write_script ed-tick.sh <<-\EOF &&
	sed -e "s/^- \[ \] Read chapter 2/- [x] Read chapter 2/" "$1" >"$1.new" &&
	mv "$1.new" "$1"
	EOF
	write_script ed-term.sh <<-\EOF
	sed -e "s/^term: .*/term: medium/" "$1" >"$1.new" && mv "$1.new" "$1"
	EOF
'

test_expect_success 'goal add with a title alone' '
	pl -C p goal add "Read more books" >out 2>err &&
	echo read-more-books >expect &&
	test_cmp expect out &&
	test_must_be_empty err &&
	cat >expect <<-\EOF &&
	---
	title: Read more books
	term: short
	status: active
	created: 2026-11-26
	standards: []
	---

	## Why

	## Steps
	EOF
	test_cmp expect p/goals/read-more-books.md
'

test_expect_success 'its commit: message, trailers, one file' '
	cat >expect <<-\EOF &&
	goal: add read-more-books

	Set a short-term goal: Read more books.

	Pl-Kind: goal
	Pl-Action: add
	Pl-Id: read-more-books
	Pl-Status: active
	Pl-Progress: 0/0
	EOF
	(cd p && commit_message) >actual &&
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	Pl-Kind: goal
	Pl-Action: add
	Pl-Id: read-more-books
	Pl-Status: active
	Pl-Progress: 0/0
	EOF
	trailers >actual &&
	test_cmp expect actual &&
	echo goals/read-more-books.md >expect &&
	git -C p show --format= --name-only HEAD >actual &&
	test_cmp expect actual &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'a long-term goal with --why' '
	test_tick &&
	pl -C p goal add --term long --why "Reading opens every subject." \
		"Become a confident reader" >out &&
	echo become-a-confident-reader >expect &&
	test_cmp expect out &&
	cat >expect <<-\EOF &&
	---
	title: Become a confident reader
	term: long
	status: active
	created: 2026-11-26
	standards: []
	---

	## Why

	Reading opens every subject.

	## Steps
	EOF
	test_cmp expect p/goals/become-a-confident-reader.md &&
	echo "Set a long-term goal: Become a confident reader." >expect &&
	(cd p && commit_message) | sed -n 3p >actual &&
	test_cmp expect actual
'

test_expect_success 'goal add with every option' '
	test_tick &&
	pl -C p goal add --id charlotte --term short --due 2026-12-20 \
		--parent become-a-confident-reader --why "It is a good story." \
		--step "Read chapter 1" --step "Read chapter 2" \
		--author "Ana Lima <ana@example.com>" \
		"Finish Charlotte${SQ}s Web" >out &&
	echo charlotte >expect &&
	test_cmp expect out &&
	cat >expect <<-EOF &&
	---
	title: Finish Charlotte${SQ}s Web
	term: short
	status: active
	created: 2026-11-26
	due: 2026-12-20
	parent: become-a-confident-reader
	standards: []
	---

	## Why

	It is a good story.

	## Steps

	- [ ] Read chapter 1
	- [ ] Read chapter 2
	EOF
	test_cmp expect p/goals/charlotte.md &&
	echo "Pl-Progress: 0/2" >expect &&
	trailers | grep Pl-Progress >actual &&
	test_cmp expect actual &&
	echo "Ana Lima <ana@example.com>" >expect &&
	git -C p log -1 --format="%an <%ae>" >actual &&
	test_cmp expect actual
'

test_expect_success 'short options: -t -d -p -w -s' '
	pl -C p goal add -t short -d 2027-01-31 -p become-a-confident-reader \
		-w "Practice." -s "One" "Short options" >out &&
	echo short-options >expect &&
	test_cmp expect out &&
	grep "^due: 2027-01-31\$" p/goals/short-options.md &&
	grep "^parent: become-a-confident-reader\$" p/goals/short-options.md &&
	grep "^- \[ \] One\$" p/goals/short-options.md
'

test_expect_success 'a title YAML would misread is quoted' '
	pl -C p goal add "Times tables: 7s" >out &&
	echo times-tables-7s >expect &&
	test_cmp expect out &&
	grep "^title: ${SQ}Times tables: 7s${SQ}\$" p/goals/times-tables-7s.md &&
	pl -C p goal show --format json times-tables-7s >json &&
	grep "\"title\": \"Times tables: 7s\"" json
'

test_expect_success 'the same title again gets a new id' '
	pl -C p goal add "Read more books" >out &&
	echo read-more-books-2 >expect &&
	test_cmp expect out &&
	pl -C p goal add "Read more books" >out &&
	echo read-more-books-3 >expect &&
	test_cmp expect out
'

test_expect_success '--due today and yesterday are dates' '
	pl -C p goal add --due today "Due today" &&
	grep "^due: 2026-11-26\$" p/goals/due-today.md &&
	pl -C p goal add --due yesterday "Due yesterday" &&
	grep "^due: 2026-11-25\$" p/goals/due-yesterday.md
'

test_expect_success 'a bad due date: exit 5, nothing committed' '
	git -C p rev-parse HEAD >before &&
	for d in 2026-02-30 tomorrow 26/11/2026 2026-1-5 ""
	do
		test_expect_code 5 pl -C p goal add --due "$d" "Bad date" \
			2>err &&
		echo "pl: invalid date ${SQ}$d${SQ} (expected YYYY-MM-DD)" \
			>expect &&
		test_cmp expect err || return 1
	done &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after &&
	test_path_is_missing p/goals/bad-date.md
'

test_expect_success 'an empty title: exit 5' '
	test_expect_code 5 pl -C p goal add "" 2>err &&
	echo "pl: empty goal title" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p goal add "   " 2>err &&
	test_cmp expect err
'

test_expect_success 'a title on two lines, an empty step: exit 5' '
	test_expect_code 5 pl -C p goal add "Two
lines" 2>err &&
	echo "pl: a title must be one line" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p goal add --step "" "No step" 2>err &&
	echo "pl: a step must be one non-empty line" >expect &&
	test_cmp expect err
'

test_expect_success 'a bad term: exit 5' '
	test_expect_code 5 pl -C p goal add --term medium "Bad term" 2>err &&
	echo "pl: invalid term ${SQ}medium${SQ} (use short or long)" >expect &&
	test_cmp expect err
'

test_expect_success 'the parent must be a long-term goal (5)' '
	git -C p rev-parse HEAD >before &&
	test_expect_code 5 pl -C p goal add --parent read-more-books Child \
		2>err &&
	echo "pl: goal ${SQ}read-more-books${SQ} is not a long-term goal" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p goal add --term long \
		--parent become-a-confident-reader Child 2>err &&
	echo "pl: only a short-term goal can have a parent" >expect &&
	test_cmp expect err &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after
'

test_expect_success 'an unknown parent: exit 4' '
	test_expect_code 4 pl -C p goal add --parent no-such-goal Child 2>err &&
	echo "pl: unknown goal ${SQ}no-such-goal${SQ}" >expect &&
	test_cmp expect err
'

test_expect_success 'a taken --id: exit 12' '
	test_expect_code 12 pl -C p goal add --id charlotte "Again" 2>err &&
	echo "pl: goal ${SQ}charlotte${SQ} exists already" >expect &&
	test_cmp expect err
'

test_expect_success 'a bad --id: exit 5, nothing written anywhere' '
	git -C p rev-parse HEAD >before &&
	for id in ../x ../../escape /tmp/x "A b" -x x/y ""
	do
		test_expect_code 5 pl -C p goal add --id "$id" "Bad id" 2>err &&
		echo "pl: invalid goal id ${SQ}$id${SQ}" >expect &&
		test_cmp expect err || return 1
	done &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after &&
	test_path_is_missing x.md &&
	test_path_is_missing p/x.md &&
	test_path_is_missing escape.md &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'goal list, as text' '
	cat >expect <<-\EOF &&
	become-a-confident-reader  active   long     0/3  -                    Become a confident reader
	  charlotte                active   short    0/2  2026-12-20           Finish Charlotte'"'"'s Web
	  short-options            active   short    0/1  2027-01-31           Short options
	due-today                  active   short    0/0  2026-11-26           Due today
	due-yesterday              active   short    0/0  2026-11-25  overdue  Due yesterday
	read-more-books            active   short    0/0  -                    Read more books
	read-more-books-2          active   short    0/0  -                    Read more books
	read-more-books-3          active   short    0/0  -                    Read more books
	times-tables-7s            active   short    0/0  -                    Times tables: 7s
	EOF
	pl -C p goal list >actual 2>err &&
	test_cmp expect actual &&
	test_must_be_empty err &&
	pl -C p goal >actual &&
	test_cmp expect actual &&
	pl -C p goal list --status all >actual &&
	test_cmp expect actual
'

test_expect_success 'goal list --term long' '
	cat >expect <<-\EOF &&
	become-a-confident-reader  active   long     0/3  -           Become a confident reader
	EOF
	pl -C p goal list --term long >actual &&
	test_cmp expect actual &&
	pl -C p goal list -t long >actual &&
	test_cmp expect actual
'

test_expect_success 'goal list --term long --format json' '
	cat >expect <<-\EOF &&
	[
	  {
	    "id": "become-a-confident-reader",
	    "title": "Become a confident reader",
	    "term": "long",
	    "status": "active",
	    "created": "2026-11-26",
	    "due": null,
	    "overdue": false,
	    "parent": null,
	    "children": [
	      "charlotte",
	      "short-options"
	    ],
	    "standards": [],
	    "progress": {
	      "done": 0,
	      "total": 3
	    }
	  }
	]
	EOF
	pl -C p goal list --term long --format json >actual &&
	test_cmp expect actual
'

test_expect_success 'goal list with nothing to show' '
	pl -C p goal list --status met >actual 2>err &&
	test_must_be_empty actual &&
	test_must_be_empty err &&
	echo "[]" >expect &&
	pl -C p goal list --status met --format json >actual &&
	test_cmp expect actual
'

test_expect_success 'goal list refuses unknown filters (5)' '
	test_expect_code 5 pl -C p goal list --status done 2>err &&
	echo "pl: invalid status ${SQ}done${SQ} (use active, met, paused, dropped or all)" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p goal list --term medium 2>err &&
	echo "pl: invalid term ${SQ}medium${SQ} (use short or long)" >expect &&
	test_cmp expect err
'

test_expect_success 'goal show, as text' '
	cat >expect <<-EOF &&
	Finish Charlotte${SQ}s Web

	id:        charlotte
	status:    active
	term:      short
	created:   2026-11-26
	due:       2026-12-20
	parent:    become-a-confident-reader
	steps:     0/2

	## Why

	It is a good story.

	## Steps

	1. [ ] Read chapter 1
	2. [ ] Read chapter 2
	EOF
	pl -C p goal show charlotte >actual 2>err &&
	test_cmp expect actual &&
	test_must_be_empty err
'

test_expect_success 'goal show, as JSON' '
	cat >expect <<-EOF &&
	{
	  "id": "charlotte",
	  "title": "Finish Charlotte${SQ}s Web",
	  "term": "short",
	  "status": "active",
	  "created": "2026-11-26",
	  "due": "2026-12-20",
	  "overdue": false,
	  "parent": "become-a-confident-reader",
	  "children": [],
	  "standards": [],
	  "progress": {
	    "done": 0,
	    "total": 2
	  },
	  "steps": [
	    {
	      "n": 1,
	      "text": "Read chapter 1",
	      "done": false
	    },
	    {
	      "n": 2,
	      "text": "Read chapter 2",
	      "done": false
	    }
	  ],
	  "body": "\\n## Why\\n\\nIt is a good story.\\n\\n## Steps\\n\\n- [ ] Read chapter 1\\n- [ ] Read chapter 2\\n",
	  "evidence": [],
	  "reflections": []
	}
	EOF
	pl -C p goal show --format json charlotte >actual &&
	test_cmp expect actual
'

test_expect_success 'an unknown id: exit 4 for every command' '
	git -C p rev-parse HEAD >before &&
	echo "pl: unknown goal ${SQ}nope${SQ}" >expect &&
	test_expect_code 4 pl -C p goal show nope >out 2>err &&
	test_must_be_empty out &&
	test_cmp expect err &&
	test_expect_code 4 pl -C p goal step nope "A step" 2>err &&
	test_cmp expect err &&
	test_expect_code 4 pl -C p goal done nope 1 2>err &&
	test_cmp expect err &&
	test_expect_code 4 pl -C p goal status nope met 2>err &&
	test_cmp expect err &&
	test_expect_code 4 env EDITOR=true pl -C p goal edit nope 2>err &&
	test_cmp expect err &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after
'

test_expect_success 'a bad id: exit 5 for every command' '
	for id in ../x ../../etc/passwd A .hidden
	do
		echo "pl: invalid goal id ${SQ}$id${SQ}" >expect &&
		test_expect_code 5 pl -C p goal show "$id" 2>err &&
		test_cmp expect err &&
		test_expect_code 5 pl -C p goal step "$id" "A step" 2>err &&
		test_cmp expect err &&
		test_expect_code 5 pl -C p goal done "$id" 1 2>err &&
		test_cmp expect err &&
		test_expect_code 5 pl -C p goal status "$id" met 2>err &&
		test_cmp expect err || return 1
	done &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'goal step adds a step and commits' '
	cp p/goals/charlotte.md before &&
	test_tick &&
	pl -C p goal step charlotte "Write a review" >out 2>err &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	{ cat before && echo "- [ ] Write a review"; } >expect &&
	test_cmp expect p/goals/charlotte.md &&
	cat >expect <<-EOF &&
	goal: add step 3 to charlotte

	Added step 3 to "Finish Charlotte${SQ}s Web": Write a review.

	Pl-Kind: goal
	Pl-Action: step
	Pl-Id: charlotte
	Pl-Status: active
	Pl-Progress: 0/3
	EOF
	(cd p && commit_message) >actual &&
	test_cmp expect actual
'

test_expect_success 'goal step to a goal with no steps yet' '
	pl -C p goal step read-more-books "Join the library" &&
	cat >expect <<-\EOF &&

	## Why

	## Steps

	- [ ] Join the library
	EOF
	body_of p/goals/read-more-books.md >actual &&
	test_cmp expect actual
'

test_expect_success 'goal step refuses an empty or two-line step (5)' '
	git -C p rev-parse HEAD >before &&
	test_expect_code 5 pl -C p goal step charlotte "  " 2>err &&
	echo "pl: a step must be one non-empty line" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p goal step charlotte "a
b" 2>err &&
	test_cmp expect err &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after
'

test_expect_success 'goal done ticks one box and commits' '
	cp p/goals/charlotte.md before &&
	test_tick &&
	pl -C p goal done charlotte 2 >out 2>err &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	sed -e "s/^- \[ \] Read chapter 2\$/- [x] Read chapter 2/" before >expect &&
	test_cmp expect p/goals/charlotte.md &&
	cat >expect <<-EOF &&
	goal: done step 2 of charlotte

	Did step 2 of "Finish Charlotte${SQ}s Web": Read chapter 2.

	Pl-Kind: goal
	Pl-Action: done
	Pl-Id: charlotte
	Pl-Status: active
	Pl-Progress: 1/3
	EOF
	(cd p && commit_message) >actual &&
	test_cmp expect actual &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'goal done on a done step: exit 0, no commit' '
	git -C p rev-parse HEAD >before &&
	pl -C p goal done charlotte 2 >out 2>err &&
	test_must_be_empty out &&
	echo "pl: step 2 of goal ${SQ}charlotte${SQ} is already done" >expect &&
	test_cmp expect err &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after
'

test_expect_success 'goal done --undo unticks it' '
	test_tick &&
	pl -C p goal done --undo charlotte 2 &&
	grep "^- \[ \] Read chapter 2\$" p/goals/charlotte.md &&
	cat >expect <<-EOF &&
	goal: undo step 2 of charlotte

	Reopened step 2 of "Finish Charlotte${SQ}s Web": Read chapter 2.

	Pl-Kind: goal
	Pl-Action: undo
	Pl-Id: charlotte
	Pl-Status: active
	Pl-Progress: 0/3
	EOF
	(cd p && commit_message) >actual &&
	test_cmp expect actual &&
	pl -C p goal done -u charlotte 2 2>err &&
	echo "pl: step 2 of goal ${SQ}charlotte${SQ} is already not done" >expect &&
	test_cmp expect err
'

test_expect_success 'goal done with a step it does not have: exit 5' '
	git -C p rev-parse HEAD >before &&
	test_expect_code 5 pl -C p goal done charlotte 4 2>err &&
	echo "pl: goal ${SQ}charlotte${SQ} has no step 4 (it has 3)" >expect &&
	test_cmp expect err &&
	test_expect_code 2 pl -C p goal done charlotte -1 2>err &&
	echo "pl: goal done: unknown option ${SQ}-1${SQ}" >expect &&
	test_cmp expect err &&
	for n in 0 -1 x 1x ""
	do
		test_expect_code 5 pl -C p goal done charlotte -- "$n" 2>err &&
		echo "pl: invalid step number ${SQ}$n${SQ}" >expect &&
		test_cmp expect err || return 1
	done &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after
'

test_expect_success 'options may follow the arguments; -- ends them' '
	pl -C p goal add "Options last" --term long --why "Because." >out &&
	echo options-last >expect &&
	test_cmp expect out &&
	grep "^term: long\$" p/goals/options-last.md &&
	grep "^Because.\$" p/goals/options-last.md &&
	pl -C p goal add --id dash -- "-5 degrees" >out &&
	echo dash >expect &&
	test_cmp expect out &&
	grep "^title: -5 degrees\$" p/goals/dash.md &&
	pl -C p goal show options-last --format json >json &&
	grep "\"term\": \"long\"" json
'

test_expect_success 'goal status marks it met and commits' '
	pl -C p goal done charlotte 1 &&
	cp p/goals/charlotte.md before &&
	test_tick &&
	pl -C p goal status charlotte met >out 2>err &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	sed -e "s/^status: active\$/status: met/" before >expect &&
	test_cmp expect p/goals/charlotte.md &&
	cat >expect <<-EOF &&
	goal: status charlotte met

	Marked "Finish Charlotte${SQ}s Web" as met.

	Pl-Kind: goal
	Pl-Action: status
	Pl-Id: charlotte
	Pl-Status: met
	Pl-Progress: 1/3
	EOF
	(cd p && commit_message) >actual &&
	test_cmp expect actual
'

test_expect_success 'the same status again: exit 0, no commit' '
	git -C p rev-parse HEAD >before &&
	pl -C p goal status charlotte met 2>err &&
	echo "pl: goal ${SQ}charlotte${SQ} is already met" >expect &&
	test_cmp expect err &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after
'

test_expect_success 'an unknown status: exit 5' '
	test_expect_code 5 pl -C p goal status charlotte done 2>err &&
	echo "pl: invalid status ${SQ}done${SQ} (use active, met, paused or dropped)" >expect &&
	test_cmp expect err
'

test_expect_success 'paused and dropped, and list --status' '
	pl -C p goal status due-today paused &&
	pl -C p goal status due-yesterday dropped &&
	echo charlotte >expect &&
	pl -C p goal list --status met >out &&
	cut -d" " -f1 out >actual &&
	test_cmp expect actual &&
	echo due-today >expect &&
	pl -C p goal list -s paused | cut -d" " -f1 >actual &&
	test_cmp expect actual &&
	echo due-yesterday >expect &&
	pl -C p goal list --status dropped --format json >json &&
	sed -n -e "s/^    \"id\": \"\(.*\)\",\$/\1/p" json >actual &&
	test_cmp expect actual &&
	pl -C p goal list --status active --flat >out &&
	cut -d" " -f1 out >actual &&
	(cd p/goals && grep -l "^status: active\$" *.md) |
		sed -e "s/\.md\$//" | LC_ALL=C sort >expect &&
	test_cmp expect actual &&
	test_line_count -gt 1 actual
'

test_expect_success 'every commit so far has Pl-Status and Pl-Progress' '
	git -C p log --format=%H -- goals >commits &&
	while read c
	do
		trailers $c >t &&
		grep "^Pl-Kind: goal\$" t &&
		grep -E "^Pl-Status: (active|met|paused|dropped)\$" t &&
		grep "^Pl-Progress: [0-9][0-9]*/[0-9][0-9]*\$" t || return 1
	done <commits
'

test_expect_success 'goal edit commits the hand edit, progress follows' '
	cp p/goals/charlotte.md before &&
	test_tick &&
	EDITOR="$TRASH_DIRECTORY/ed-tick.sh" pl -C p goal edit charlotte \
		>out 2>err &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	sed -e "s/^- \[ \] Read chapter 2/- [x] Read chapter 2/" before >expect &&
	test_cmp expect p/goals/charlotte.md &&
	cat >expect <<-\EOF &&
	goal: edit charlotte

	Edited goals/charlotte.md by hand.

	Pl-Kind: goal
	Pl-Action: edit
	Pl-Id: charlotte
	Pl-Status: met
	Pl-Progress: 2/3
	EOF
	(cd p && commit_message) >actual &&
	test_cmp expect actual &&
	test_path_is_missing p/.git/pl/EDIT-goal-charlotte.md &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'goal edit with a bad term: exit 5, edit kept' '
	test_when_finished "rm -f p/.git/pl/EDIT-goal-charlotte.md" &&
	git -C p rev-parse HEAD >before &&
	test_expect_code 5 env EDITOR="$TRASH_DIRECTORY/ed-term.sh" \
		pl -C p goal edit charlotte 2>err &&
	echo "pl: goals/charlotte.md: ${SQ}term${SQ} must be short or long; your edit is kept in ${SQ}$TRASH_DIRECTORY/p/.git/pl/EDIT-goal-charlotte.md${SQ}; resume it with: pl -C p goal edit charlotte" >expect &&
	test_cmp expect err &&
	grep "^term: medium\$" p/.git/pl/EDIT-goal-charlotte.md &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after &&
	grep "^term: short\$" p/goals/charlotte.md
'

test_expect_success 'goal edit that changes nothing: exit 0, no commit' '
	git -C p rev-parse HEAD >before &&
	EDITOR=true pl -C p goal edit charlotte 2>err &&
	echo "pl: goals/charlotte.md unchanged; nothing committed" >expect &&
	test_cmp expect err &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after
'

test_expect_success 'goal show --rev reads an older state' '
	pl -C p goal show --rev HEAD~1 charlotte >out &&
	grep "^steps:     1/3\$" out &&
	pl -C p goal show charlotte >out &&
	grep "^steps:     2/3\$" out &&
	test_expect_code 4 pl -C p goal show --rev HEAD~1 nope 2>err &&
	test_expect_code 4 pl -C p goal show --rev no-such-rev charlotte 2>err &&
	echo "pl: unknown revision ${SQ}no-such-rev${SQ}" >expect &&
	test_cmp expect err
'

test_expect_success 'a goal added in an older revision is unknown there' '
	first=$(git -C p rev-list --max-parents=0 HEAD) &&
	test_expect_code 4 pl -C p goal show --rev "$first" charlotte 2>err &&
	pl -C p goal list --rev "$first" >out &&
	test_must_be_empty out
'

test_expect_success 'ids for titles in other scripts are transliterated' '
	pl init --name "Νίκος Παπαδόπουλος" scripts >out &&
	echo nikos-papadopoulos >expect &&
	test_cmp expect out &&
	for title in "Παράδειγμα" "Пример" "日本 太郎" "مثال"
	do
		pl -C scripts goal add "$title" || return 1
	done >actual &&
	cat >expect <<-\EOF &&
	paradeigma
	primer
	ri-ben-tai-lang
	mthal
	EOF
	test_cmp expect actual &&
	grep "^title: Пример\$" scripts/goals/primer.md
'

test_expect_success 'a title that makes no id asks for --id (5)' '
	git -C scripts rev-parse HEAD >before &&
	test_expect_code 5 pl -C scripts goal add "!!! ???" >out 2>err &&
	test_must_be_empty out &&
	echo "pl: cannot make a goal id from ${SQ}!!! ???${SQ}; give one with --id" >expect &&
	test_cmp expect err &&
	git -C scripts rev-parse HEAD >after &&
	test_cmp before after &&
	test_path_is_missing scripts/goals/goal.md &&
	pl -C scripts goal add --id cheer "!!! ???" >out &&
	echo cheer >expect &&
	test_cmp expect out
'

test_expect_success 'an unknown goal suggests the nearest ids, nearest first' '
	test_expect_code 4 pl -C p goal show read-more-book 2>err &&
	echo "pl: unknown goal ${SQ}read-more-book${SQ} (did you mean ${SQ}read-more-books${SQ}, ${SQ}read-more-books-2${SQ}, ${SQ}read-more-books-3${SQ}?)" >expect &&
	test_cmp expect err &&
	test_expect_code 4 pl -C p goal done charlote 1 2>err &&
	echo "pl: unknown goal ${SQ}charlote${SQ} (did you mean ${SQ}charlotte${SQ}?)" >expect &&
	test_cmp expect err &&
	test_expect_code 4 pl -C p evidence add --goal charlote -m x E 2>err &&
	echo "pl: unknown goal ${SQ}charlote${SQ} (did you mean ${SQ}charlotte${SQ}?)" >expect &&
	test_cmp expect err &&
	# nothing near: the message as before
	test_expect_code 4 pl -C p goal show zzz 2>err &&
	echo "pl: unknown goal ${SQ}zzz${SQ}" >expect &&
	test_cmp expect err
'

test_done
