#!/bin/sh
test_description='files a person edited by hand keep everything pl did not change'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

test_expect_success 'setup: a goal written by hand' '
	pl init --name "Ana Lima" p >/dev/null &&
	mkdir p/goals &&
	cat >p/goals/fractions.md <<-\EOF &&
	---
	# The teacher keeps notes here.
	title: "Fractions: add and subtract"
	term: short
	status: active   # pl sets this
	created: 2026-11-01
	due: 2026-12-15   # before the break
	standards: [MA.5.NF.1, MA.5.NF.2]
	owner: Ms Rivera
	tags:
	  - maths
	  - '"'"'term 2'"'"'
	review:
	  when: weekly
	  with: parent
	notes: |
	  Line one of a note.
	  Line two.
	---

	Intro paragraph the learner wrote,
	over two lines.

	## Why

	Because recipes use fractions.

	<!-- teacher: check in on Friday -->

	## Steps

	- [ ] Add fractions with like denominators
	- [x] Draw fraction bars
	* [ ] Subtract mixed numbers

	## My notes

	A custom section with *emphasis*.

	Another paragraph.
	EOF
	git -C p add goals &&
	git -C p commit -q -m "A goal written by hand" &&
	cp p/goals/fractions.md original
'

test_expect_success 'goal show reads the hand-written goal' '
	pl -C p goal show --format json fractions >json &&
	grep "\"title\": \"Fractions: add and subtract\"" json &&
	grep "\"due\": \"2026-12-15\"" json &&
	grep -A3 "\"progress\"" json >progress &&
	grep "\"done\": 1," progress &&
	grep "\"total\": 3" progress
'

test_expect_success 'goal done changes the one box, nothing else' '
	pl -C p goal done fractions 1 &&
	sed -e "s/^- \[ \] Add fractions/- [x] Add fractions/" original >expect &&
	test_cmp expect p/goals/fractions.md &&
	cp expect after-done &&
	git -C p diff --stat HEAD~1 HEAD >stat &&
	grep "1 insertion(+), 1 deletion(-)" stat
'

test_expect_success 'goal step adds one line, in the list'"'"'s own style' '
	pl -C p goal step fractions "Practise with recipes" &&
	sed -e "/^\* \[ \] Subtract mixed numbers\$/a\\
* [ ] Practise with recipes" after-done >expect &&
	test_cmp expect p/goals/fractions.md &&
	cp expect after-step
'

test_expect_success 'goal done --undo gives back the same bytes' '
	pl -C p goal done --undo fractions 1 &&
	pl -C p goal done fractions 1 &&
	test_cmp after-step p/goals/fractions.md
'

test_expect_success 'goal status changes only the status line' '
	pl -C p goal status fractions met &&
	sed -e "s/^status: active   # pl sets this\$/status: met/" after-step \
		>expect &&
	test_cmp expect p/goals/fractions.md &&
	git -C p diff HEAD~1 HEAD >diff &&
	grep "^-status: active   # pl sets this\$" diff &&
	grep "^+status: met\$" diff &&
	test $(grep -c "^[-+][^-+]" diff) = 2
'

test_expect_success 'the Pl- trailers count the hand-written steps' '
	git -C p log -1 --format=%B | git interpret-trailers --parse >actual &&
	grep "^Pl-Status: met\$" actual &&
	grep "^Pl-Progress: 2/4\$" actual
'

test_expect_success 'setup: a profile edited by hand' '
	cat >p/profile.md <<-\EOF &&
	---
	name: Ana Lima   # as she writes it
	id: ana-lima
	grade: "5"
	started: 2026-11-26
	languages:
	  - Portuguese
	  - English
	---

	# Ana Lima

	A few words about Ana, written by her teacher.

	## Strengths

	- Asks good questions

	## Needs

	## Interests

	## How I learn best

	## Family notes

	Talk to her dad on Thursdays.
	EOF
	git -C p commit -q -m "Profile by hand" profile.md &&
	cp p/profile.md profile-original
'

test_expect_success 'profile add keeps the rest of the profile' '
	pl -C p profile add strength "Patient" &&
	sed -e "/^- Asks good questions\$/a\\
- Patient" profile-original >expect &&
	test_cmp expect p/profile.md &&
	cp expect profile-after-add
'

test_expect_success 'profile set changes only its line' '
	pl -C p profile set grade 6 &&
	sed -e "s/^grade: \"5\"\$/grade: \"6\"/" profile-after-add >expect &&
	test_cmp expect p/profile.md &&
	cp expect profile-after-set
'

test_expect_success 'profile set of a new key adds one line at the end' '
	pl -C p profile set pronouns she/her &&
	sed -e "9i\\
pronouns: she/her" profile-after-set >expect &&
	test_cmp expect p/profile.md
'

test_expect_success 'setup: a file with CRLF line ends' '
	printf -- "---\r\ntitle: Windows goal   # typed on Windows\r\nterm: short\r\nstatus: active\r\ncreated: 2026-11-01\r\n---\r\n\r\n## Steps\r\n\r\n- [ ] One\r\n- [ ] Two\r\n" \
		>p/goals/crlf.md &&
	git -C p add goals/crlf.md &&
	git -C p commit -q -m "CRLF" &&
	cp p/goals/crlf.md crlf-original
'

test_expect_success 'CRLF files stay CRLF; only the changed lines change' '
	pl -C p goal done crlf 2 &&
	pl -C p goal status crlf paused &&
	sed -e "s/^- \[ \] Two/- [x] Two/" -e "s/^status: active/status: paused/" \
		crlf-original >expect &&
	cmp expect p/goals/crlf.md
'

test_expect_success 'setup: broken front matter in one goal' '
	pl -C p goal add --id good "A good goal" >/dev/null &&
	printf -- "---\ntitle: Broken\nterm: [short\nstatus: active\n---\n\nBody.\n" \
		>p/goals/broken.md &&
	git -C p add goals/broken.md &&
	git -C p commit -q -m "Broken by hand"
'

test_expect_success 'goal list lists the others, warns, and exits 0' '
	cat >expect <<-\EOF &&
	crlf       paused   short    1/2  -           Windows goal
	fractions  met      short    2/4  2026-12-15  Fractions: add and subtract
	good       active   short    0/0  -           A good goal
	EOF
	pl -C p goal list >actual 2>err &&
	test_cmp expect actual &&
	test_line_count = 1 err &&
	grep "^pl: warning: goals/broken.md:[34]: " err
'

test_expect_success 'goal list --format json also warns and lists the others' '
	pl -C p goal list --format json >json 2>err &&
	grep "^pl: warning: goals/broken.md:[34]: " err &&
	grep -c "\"id\": " json >count &&
	echo 3 >expect &&
	test_cmp expect count
'

test_expect_success 'other files in goals/ are not goals' '
	mkdir p/goals/archive &&
	echo "notes" >p/goals/README.txt &&
	cp p/goals/good.md p/goals/archive/old.md &&
	cp p/goals/good.md "p/goals/Bad Name.md" &&
	git -C p add goals &&
	git -C p commit -q -m "Odd files" &&
	pl -C p goal list >out 2>err &&
	cut -d" " -f1 out >actual &&
	printf "crlf\nfractions\ngood\n" >expect &&
	test_cmp expect actual &&
	grep "^pl: warning: goals/Bad Name.md: not a valid id; skipped\$" err &&
	grep "^pl: warning: goals/broken.md:" err &&
	test_line_count = 2 err
'

test_expect_success 'goal show of the broken goal: exit 6 with file:line' '
	test_expect_code 6 pl -C p goal show broken >out 2>err &&
	test_must_be_empty out &&
	test_line_count = 1 err &&
	grep "^pl: goals/broken.md:[34]: " err
'

test_expect_success 'writing to the broken goal: exit 6, the file untouched' '
	cp p/goals/broken.md broken-before &&
	git -C p rev-parse HEAD >before &&
	test_expect_code 6 pl -C p goal done broken 1 2>err &&
	test_expect_code 6 pl -C p goal status broken met 2>err &&
	test_expect_code 6 pl -C p goal step broken "x" 2>err &&
	grep "^pl: goals/broken.md:[34]: " err &&
	test_cmp broken-before p/goals/broken.md &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after
'

test_expect_success 'the other goals can still be changed' '
	pl -C p goal step good "First step" &&
	pl -C p goal done good 1 &&
	grep "^- \[x\] First step\$" p/goals/good.md
'

test_expect_success 'front matter that is not a mapping: exit 6' '
	printf -- "---\n- a list\n- not a map\n---\n" >p/goals/listy.md &&
	git -C p add goals/listy.md &&
	git -C p commit -q -m "Listy" &&
	test_expect_code 6 pl -C p goal show listy 2>err &&
	grep "^pl: goals/listy.md:" err
'

test_expect_success 'an unterminated front matter block: exit 6' '
	printf -- "---\ntitle: Open\nterm: short\n\nNo closing line.\n" \
		>p/goals/open.md &&
	git -C p add goals/open.md &&
	git -C p commit -q -m "Open" &&
	test_expect_code 6 pl -C p goal show open 2>err &&
	grep "^pl: goals/open.md:" err
'

test_expect_success 'standards that are not a list: show still exits 0' '
	printf -- "---\ntitle: Odd\nterm: short\nstatus: active\nstandards: {a: b}\n---\n" \
		>p/goals/odd.md &&
	git -C p add goals/odd.md &&
	git -C p commit -q -m "Odd" &&
	pl -C p goal show odd >out &&
	head -n 1 out >actual &&
	echo Odd >expect &&
	test_cmp expect actual
'

test_done
