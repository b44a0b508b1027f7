#!/bin/sh
test_description='pl publish: nothing private, nothing not chosen, no email address, searched in every byte (issue 26)'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# Every marker below is a word only an entry that must not be published
# holds (in its id, title, body, file names and files), or an address.
markers='zqprivev zqprivtitle zqprivbody zqprivfile zqprivbytes
zqunchosen zqunchtitle zqunchbody zqunchfile zqunchbytes
zqreflunch zqlatepriv zqprivgoal zqonlyprivgoal zqotherg zqinterest
zqneed zqrater zqteacher zqstudent zqratingnote'

# hand_private FILE: "private: true" committed by hand, as git would.
hand_private () {
	sed -i "1a private: true" "p/$1" &&
	git -C p commit -q -m "make it private by hand" -- "$1"
}

# left_out_of FILE: each "id reason" of the JSON's left_out.
left_out_of () {
	python3 -c "import json, sys
for l in json.load(open(sys.argv[1]))[\"left_out\"]:
	print(l[\"id\"], l[\"reason\"])" "$1"
}

test_expect_success 'setup: a portfolio full of private and unchosen entries' '
	pl init --name "Ana Lima" p >/dev/null &&
	git -C p config user.name "Zqteacher Rivera" &&
	git -C p config user.email zqteacher@school.example &&
	pl -C p profile add strength "Drawing models" &&
	pl -C p profile add interest "zqinterest chess" &&
	pl -C p profile add need "zqneed more sleep" &&
	pl -C p goal add --id shown-goal "Fractions fluency" >/dev/null &&
	pl -C p goal add --id zqprivgoal "Zqprivgoal secret goal" >/dev/null &&
	pl -C p goal add --id zqotherg "Zqotherg unrelated goal" >/dev/null &&
	echo zqprivbytes >zqprivfile.txt &&
	echo zqunchbytes >zqunchfile.txt &&
	echo "fine bytes" >ok.txt &&
	printf "Notes.\nAsk zqstudent@example.org or me%%40school.example.\n" \
		>notes.md &&
	pl -C p evidence add --id shown --goal shown-goal --goal zqprivgoal \
		--file ../ok.txt --file ../notes.md -m "Write to me: ana.lima@example.org or [mail](mailto:ana%40example.org). See [secret](../evidence/zqunchosen.md) and ![x](../zqunchosen/zqunchfile.txt)." \
		"Shown work" >/dev/null &&
	pl -C p evidence add --id zqprivev --file ../zqprivfile.txt \
		-m "zqprivbody" "Zqprivtitle" >/dev/null &&
	pl -C p evidence add --id zqunchosen --file ../zqunchfile.txt \
		--goal shown-goal -m "zqunchbody" "Zqunchtitle" >/dev/null &&
	pl -C p evidence add --id zqonlyprivgoal --goal zqprivgoal \
		-m "zqonlyprivgoal body" "Zqonlyprivgoal work" >/dev/null &&
	pl -C p reflect add --evidence shown -m "zqreflunch words" >/dev/null &&
	pl -C p reflect add --evidence shown --date 2026-11-20 \
		-m "zqlatepriv words" >/dev/null &&
	printf "code,grade,description\n6.NS.A.1,6,Divide fractions.\n" >s.csv &&
	pl -C p align import ../s.csv >/dev/null &&
	pl -C p align rate --by "Zqrater Jones <zqrater@school.example>" \
		--note "zqratingnote" shown 6.NS.A.1 3 &&
	pl -C p showcase new --title "Conference" --show strengths \
		--intro "Hello from ana@example.org, zqstudent%40example.org." \
		conference &&
	pl -C p showcase add conference shown zqprivev zqonlyprivgoal \
		2026-11-20-zqlatepriv-words &&
	hand_private evidence/zqprivev.md &&
	hand_private goals/zqprivgoal.md &&
	git -C p tag before-late &&
	hand_private reflections/2026-11-20-zqlatepriv-words.md &&
	pl -C p publish --out-dir ../site conference >out 2>err &&
	pl -C p publish --as-of before-late --out-dir ../site-then conference \
		>out 2>err
'

test_expect_success 'the site has the chosen work (the test looks at a real site)' '
	test_path_is_file site/index.html &&
	test_path_is_file site/items/shown.html &&
	test_path_is_file site/items/shown/ok.txt &&
	grep "Shown work" site/index.html &&
	grep "Drawing models" site/index.html
'

test_expect_success 'no marker in any byte of any file, nor in any name' '
	for d in site site-then
	do
		test -f $d/index.html &&
		(cd $d && find . >../names) &&
		for m in $markers
		do
			! grep -ril "$m" $d || { echo "$m in $d"; return 1; }
			! grep -i "$m" names || { echo "$m named in $d"; return 1; }
		done || return 1
	done
'

test_expect_success 'no email address anywhere: "@" only in the style sheet' '
	for d in site site-then
	do
		! grep -rIn "[A-Za-z0-9._%+-]\(@\|%40\)[A-Za-z0-9-]" $d ||
		return 1
	done &&
	grep -c "\[email hidden\]" site/items/shown.html >n &&
	echo 1 >expect &&
	test_cmp expect n &&
	grep "Write to me: \[email hidden\] or <a href=\"mailto:\[email hidden\]\">mail</a>" site/items/shown.html &&
	grep "Hello from \[email hidden\], \[email hidden\]\." site/index.html &&
	printf "Notes.\nAsk [email hidden] or [email hidden].\n" >expect &&
	test_cmp expect site/items/shown/notes.md
'

test_expect_success 'links into the portfolio are text: no other id in an href' '
	grep "See secret and x\.</p>" site/items/shown.html
'

test_expect_success 'private at HEAD is left out of a site as of a commit before it' '
	test_path_is_missing site-then/items/2026-11-20-zqlatepriv-words.html &&
	test_path_is_missing site/items/2026-11-20-zqlatepriv-words.html
'

test_expect_success 'the JSON says what was left out and why, and names no title' '
	pl -C p publish --format json conference >json &&
	left_out_of json >actual &&
	cat >expect <<-\EOF &&
	zqprivev private
	zqonlyprivgoal private
	2026-11-20-zqlatepriv-words private
	EOF
	test_cmp expect actual &&
	! grep -i "zqprivtitle\|zqprivbody\|zqunch" json
'

test_expect_success 'made private after the commit published: a goal, the profile' '
	pl -C p goal add --id zqlategoal "Zqlategoal goal" >/dev/null &&
	pl -C p evidence add --id zqlateev --goal zqlategoal \
		-m "zqlateev body" "Zqlateev work" >/dev/null &&
	pl -C p evidence add --id zqgoneev --goal shown-goal \
		-m "zqgoneev body" "Zqgoneev work" >/dev/null &&
	pl -C p showcase add conference zqlateev zqgoneev &&
	git -C p tag goal-shown &&
	pl -C p publish --as-of goal-shown --out-dir ../late-then conference \
		>/dev/null &&
	grep "Zqlateev work" late-then/index.html &&
	grep "Zqlategoal goal" late-then/index.html &&
	grep "Zqgoneev work" late-then/index.html &&
	grep "Drawing models" late-then/index.html &&
	hand_private goals/zqlategoal.md &&
	hand_private profile.md &&
	pl -C p evidence rm zqgoneev >/dev/null &&
	pl -C p publish --as-of goal-shown --out-dir ../late conference \
		>/dev/null &&
	grep "Shown work" late/index.html &&
	(cd late && find .) >names &&
	for m in zqlate zqgone "Drawing models" Strengths
	do
		! grep -ril "$m" late || { echo "$m in late"; return 1; }
		! grep -i "$m" names || { echo "$m named in late"; return 1; }
	done &&
	pl -C p publish --as-of goal-shown --format json conference >json &&
	left_out_of json >actual &&
	cat >expect <<-\EOF &&
	zqprivev private
	zqonlyprivgoal private
	2026-11-20-zqlatepriv-words private
	zqlateev private
	zqgoneev missing
	EOF
	test_cmp expect actual
'

test_done
