#!/bin/sh
test_description='pl showcase: new, add, list, show (issue 26, choosing)'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	pl -C p goal add --id poems "Write poems" >/dev/null &&
	pl -C p evidence add --id log -m "I read the whole book." \
		"Reading log" >/dev/null &&
	pl -C p evidence add --id poem --date 2026-11-20 -m "Roses." \
		"Horse poem" >/dev/null &&
	pl -C p reflect add -m "I learned to read slowly." >/dev/null
'

test_expect_success 'showcase new: the file, one commit' '
	test_tick &&
	n=$(cd p && commit_count) &&
	pl -C p showcase new --title "Spring conference" \
		--intro "Hello, I am Ana." --show strengths,interests \
		conference >out 2>err &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	test $(cd p && commit_count) = $((n + 1)) &&
	cat >expect <<-\EOF &&
	---
	title: Spring conference
	created: 2026-11-26
	show: [strengths, interests]
	items: []
	---

	Hello, I am Ana.
	EOF
	test_cmp expect p/showcase/conference.md &&
	cat >expect <<-\EOF &&
	showcase: new conference

	Started the showcase "Spring conference".

	Pl-Kind: showcase
	Pl-Action: new
	Pl-Id: conference
	EOF
	(cd p && commit_message) >actual &&
	test_cmp expect actual &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'showcase new without options: the name is the title' '
	pl -C p showcase new family &&
	cat >expect <<-\EOF &&
	---
	title: family
	created: 2026-11-26
	show: []
	items: []
	---
	EOF
	test_cmp expect p/showcase/family.md
'

test_expect_success 'showcase add: evidence with a note, at the end' '
	test_tick &&
	pl -C p showcase add --note "My best work" conference log >out &&
	test_must_be_empty out &&
	cat >expect <<-\EOF &&
	---
	title: Spring conference
	created: 2026-11-26
	show: [strengths, interests]
	items:
	- id: log
	  note: My best work
	---

	Hello, I am Ana.
	EOF
	test_cmp expect p/showcase/conference.md &&
	cat >expect <<-\EOF &&
	showcase: add conference

	Added the evidence "Reading log" to the showcase "Spring conference".

	Pl-Kind: showcase
	Pl-Action: add
	Pl-Id: conference
	Pl-Evidence: log
	EOF
	(cd p && commit_message) >actual &&
	test_cmp expect actual &&
	git -C p show --name-only --format= HEAD >actual &&
	echo showcase/conference.md >expect &&
	test_cmp expect actual
'

test_expect_success 'showcase add: several ids, --before, a reflection' '
	test_tick &&
	pl -C p showcase add --before log conference poem \
		2026-11-26-i-learned-to-read-slowly &&
	cat >expect <<-\EOF &&
	items:
	- id: poem
	- id: "2026-11-26-i-learned-to-read-slowly"
	- id: log
	  note: My best work
	EOF
	front_matter_of p/showcase/conference.md | sed -n "/^items:/,\$p" >actual &&
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	showcase: add conference

	Added 2 entries to the showcase "Spring conference": the evidence "Horse poem", the reflection 2026-11-26-i-learned-to-read-slowly.

	Pl-Kind: showcase
	Pl-Action: add
	Pl-Id: conference
	Pl-Evidence: poem
	Pl-Reflection: 2026-11-26-i-learned-to-read-slowly
	EOF
	(cd p && commit_message) >actual &&
	test_cmp expect actual
'

test_expect_success 'showcase add --after' '
	pl -C p showcase add family log 2026-11-26-i-learned-to-read-slowly &&
	pl -C p showcase add --after log family poem &&
	front_matter_of p/showcase/family.md | sed -n "/^items:/,\$p" >actual &&
	cat >expect <<-\EOF &&
	items:
	- id: log
	- id: poem
	- id: "2026-11-26-i-learned-to-read-slowly"
	EOF
	test_cmp expect actual
'

test_expect_success 'showcase list, and pl showcase alone' '
	cat >expect <<-\EOF &&
	conference          3 items  Spring conference
	family              3 items  family
	EOF
	pl -C p showcase list >actual &&
	test_cmp expect actual &&
	pl -C p showcase >actual &&
	test_cmp expect actual
'

test_expect_success 'showcase list --format json' '
	cat >expect <<-\EOF &&
	[
	  {
	    "name": "conference",
	    "title": "Spring conference",
	    "created": "2026-11-26",
	    "items": 3
	  },
	  {
	    "name": "family",
	    "title": "family",
	    "created": "2026-11-26",
	    "items": 3
	  }
	]
	EOF
	pl -C p showcase list --format json >actual &&
	test_cmp expect actual
'

test_expect_success 'showcase show: intro, items in order, notes' '
	cat >expect <<-\EOF &&
	Spring conference

	name:      conference
	created:   2026-11-26
	show:      strengths, interests

	Hello, I am Ana.

	Items:
	  1. Horse poem  (evidence poem)
	  2. I learned to read slowly.  (reflection 2026-11-26-i-learned-to-read-slowly)
	  3. Reading log  (evidence log)
	     My best work
	EOF
	pl -C p showcase show conference >actual &&
	test_cmp expect actual
'

test_expect_success 'showcase show --format json' '
	cat >expect <<-\EOF &&
	{
	  "name": "conference",
	  "title": "Spring conference",
	  "created": "2026-11-26",
	  "show": [
	    "strengths",
	    "interests"
	  ],
	  "intro": "\nHello, I am Ana.\n",
	  "items": [
	    {
	      "id": "poem",
	      "kind": "evidence",
	      "title": "Horse poem",
	      "date": "2026-11-20",
	      "note": null,
	      "left_out": null
	    },
	    {
	      "id": "2026-11-26-i-learned-to-read-slowly",
	      "kind": "reflection",
	      "title": "I learned to read slowly.",
	      "date": "2026-11-26",
	      "note": null,
	      "left_out": null
	    },
	    {
	      "id": "log",
	      "kind": "evidence",
	      "title": "Reading log",
	      "date": "2026-11-26",
	      "note": "My best work",
	      "left_out": null
	    }
	  ]
	}
	EOF
	pl -C p showcase show --format json conference >actual &&
	test_cmp expect actual
'

test_expect_success 'showcase show of one with no items says how to add' '
	pl -C p showcase new empty &&
	cat >expect <<-\EOF &&
	empty

	name:      empty
	created:   2026-11-26
	show:      none

	Items:
	  none yet: pl showcase add empty ID
	EOF
	pl -C p showcase show empty >actual &&
	test_cmp expect actual
'

test_expect_success 'showcase show --rev reads an older commit' '
	pl -C p showcase show --rev HEAD~2 --format json family >actual &&
	grep "\"id\"" actual >ids &&
	test_line_count = 2 ids
'

test_expect_success 'completion: showcase names, and the ids a showcase chose, in order' '
	(cd p && pl __complete showcase show "") >actual &&
	printf "%s\n" conference empty family >expect &&
	test_cmp expect actual &&
	(cd p && pl __complete showcase rm conference "") >actual &&
	printf "%s\n" poem 2026-11-26-i-learned-to-read-slowly log >expect &&
	test_cmp expect actual &&
	(cd p && pl __complete showcase move conference log --after "") >actual &&
	test_cmp expect actual &&
	(cd p && pl __complete showcase add conference "") >actual &&
	printf "%s\n" log poem 2026-11-26-i-learned-to-read-slowly >expect &&
	test_cmp expect actual
'

test_expect_success 'the commits, seen by git' '
	git -C p log --format=%s -n 8 >actual &&
	cat >expect <<-\EOF &&
	showcase: new empty
	showcase: add family
	showcase: add family
	showcase: add conference
	showcase: add conference
	showcase: new family
	showcase: new conference
	reflection: add 2026-11-26-i-learned-to-read-slowly
	EOF
	test_cmp expect actual &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual
'

test_done
