#!/bin/sh
test_description='the limits pl(1) LIMITS lists, each refused with its message
and exit status, and inputs the fuzz targets found (tests/fuzz/regress)'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# goal_fm [LINES]: the front matter of a goal written by hand.
goal_fm () {
	printf -- "---\ntitle: A goal\nterm: short\nstatus: active\n" &&
	printf "created: 2026-11-01\n%s---\n" "${1:-}"
}

# commit_goal ID: commits p/goals/ID.md, written by hand.
commit_goal () {
	git -C p add "goals/$1.md" &&
	git -C p commit -q -m "$1 by hand"
}

# refused N MESSAGE ARGS...: pl -C p ARGS exits N, MESSAGE its stderr.
refused () {
	refused_code_=$1 &&
	refused_msg_=$2 &&
	shift 2 &&
	test_expect_code "$refused_code_" pl -C p "$@" >out 2>err &&
	printf "%s\n" "$refused_msg_" >expect &&
	test_cmp expect err
}

test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	mkdir p/goals
'

test_expect_success 'a file over 16 MiB is refused (exit 6)' '
	mkdir -p p/goals &&
	{ goal_fm && head -c 16777216 /dev/zero | tr "\000" "x"; } \
		>p/goals/big.md &&
	commit_goal big &&
	refused 6 "pl: ${SQ}goals/big.md${SQ} is larger than 16 MiB" \
		goal show big &&
	git -C p rm -q goals/big.md &&
	git -C p commit -q -m "big gone"
'

test_expect_success 'front matter over 1 MiB is refused (exit 6)' '
	mkdir -p p/goals &&
	{
		printf -- "---\ntitle: x\n" &&
		awk "BEGIN { for (i = 0; i < 40000; i++)
			printf \"k%d: %s\\n\", i, \"vvvvvvvvvvvvvvvvvvvv\" }" &&
		printf -- "---\n"
	} >p/goals/wide.md &&
	commit_goal wide &&
	refused 6 "pl: goals/wide.md:1: front matter is larger than 1 MiB" \
		goal show wide
'

test_expect_success 'YAML aliases: a billion laughs is refused (exit 6)' '
	mkdir -p p/goals &&
	{
		goal_fm "$(printf "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
" | sed "\$d" &&
		prev=a &&
		for k in b c d e f g h i; do
			printf "%s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n" \
				$k $k $prev $prev $prev $prev $prev $prev $prev \
				$prev $prev || return 1
			prev=$k
		done &&
		printf -- "---\nbody\n"
	} >p/goals/laugh.md &&
	commit_goal laugh &&
	refused 6 "pl: goals/laugh.md:11: front matter is too large" \
		goal show laugh
'

test_expect_success 'YAML nested more than 64 deep is refused (exit 6)' '
	mkdir -p p/goals &&
	{
		goal_fm "x: $(awk "BEGIN { for (i = 0; i < 100000; i++) printf \"[\";
			for (i = 0; i < 100000; i++) printf \"]\" }")
" && printf "body\n"
	} >p/goals/deep.md &&
	commit_goal deep &&
	refused 6 "pl: goals/deep.md:6: front matter is nested too deeply" \
		goal show deep &&
	git -C p rm -q goals/deep.md goals/laugh.md goals/wide.md &&
	git -C p commit -q -m "gone"
'

# Found by hand after tests/fuzz html: emphasis nested 300,000 deep in a
# heading overflowed the stack (md.c's plain text was recursive).
test_expect_success 'Markdown nested 300,000 deep: goal show reads it' '
	mkdir -p p/goals &&
	{
		goal_fm &&
		printf "\n# " &&
		awk "BEGIN { for (i = 0; i < 300000; i++) printf \"*a \";
			printf \"b\"; for (i = 0; i < 300000; i++) printf \" c*\" }" &&
		printf "\n\n## Steps\n\n- [ ] one step\n"
	} >p/goals/emph.md &&
	commit_goal emph &&
	pl -C p goal show emph >out &&
	grep "^1\. \[ \] one step\$" out &&
	git -C p rm -q goals/emph.md &&
	git -C p commit -q -m "gone"
'

test_expect_success 'Markdown nested over 100 deep is shown as its text in HTML' '
	mkdir -p p/goals &&
	{
		goal_fm &&
		printf "\n## Why\n\n" &&
		awk "BEGIN { for (i = 0; i < 101; i++) printf \"> \";
			printf \"x\\n![](http://img.example/a.png)\\n\" }"
	} >p/goals/quotes.md &&
	{
		goal_fm &&
		printf "\n## Why\n\n" &&
		awk "BEGIN { for (i = 0; i < 99; i++) printf \"> \";
			printf \"y\\n\" }"
	} >p/goals/fewer.md &&
	git -C p add goals &&
	git -C p commit -q -m "quotes by hand" &&
	pl -C p report --format html >page.html &&
	grep -q "<pre>&gt; &gt; &gt; " page.html &&
	grep -q "^<p>y</p>" page.html &&
	! grep -q "<img " page.html &&
	grep -c "<blockquote>" page.html >count &&
	echo 99 >expect &&
	test_cmp expect count &&
	git -C p rm -q goals/quotes.md goals/fewer.md &&
	git -C p commit -q -m "gone"
'

test_expect_success 'a roster of more than 1,000,000 learners is refused' '
	awk "BEGIN { print \"learner,portfolio\";
		for (i = 0; i <= 1000000; i++) print \"a,b\" }" >big.csv &&
	test_expect_code 6 pl report --roster big.csv >out 2>err &&
	echo "pl: big.csv: more than 1000000 learners" >expect &&
	test_cmp expect err
'

# 5,000 rows of one name took minutes: page names were found by a cubic
# search.  Every row after the first is a bad row (exit 13).
test_expect_success 'a roster of 5,000 rows with one name is read at once' '
	awk "BEGIN { print \"learner,portfolio\";
		for (i = 0; i < 5000; i++) print \"Ana,p\" }" >same.csv &&
	test_expect_code 13 timeout 120 pl report --roster same.csv \
		--format csv >out 2>err &&
	grep -c "is listed already" out >count &&
	echo 4999 >expect &&
	test_cmp expect count
'

# tests/fuzz/regress/date: 20 digits of a second's fraction overflowed a
# long long (an abort under UBSan, the CI's second run).
test_expect_success 'GIT_AUTHOR_DATE with a long fraction of a second' '
	GIT_AUTHOR_DATE="2010-04-07 11:13:05,55555555555555555555" \
		pl init --name "Ben Ortiz" q >/dev/null &&
	git -C q log -1 --format=%ai >actual &&
	echo "2010-04-07 11:13:05 +0000" >expect &&
	test_cmp expect actual
'

# tests/fuzz/regress/body: a heading indented by 3 spaces right after the
# new step became part of it, and its section part of Steps.
test_expect_success 'goal step before an indented heading keeps the section' '
	mkdir -p p/goals &&
	{
		goal_fm &&
		printf "\n## Steps\n\nFirst the plan.\n   ## Notes\n\nA note.\n"
	} >p/goals/plan.md &&
	commit_goal plan &&
	pl -C p goal step plan "Read the notes" &&
	{
		goal_fm &&
		printf "\n## Steps\n\nFirst the plan.\n\n- [ ] Read the notes\n" &&
		printf "## Notes\n\nA note.\n"
	} >expect &&
	test_cmp expect p/goals/plan.md &&
	pl -C p goal step plan "Ask" &&
	pl -C p goal show --format json plan >json &&
	grep -c "\"text\": " json >count &&
	echo 2 >expect &&
	test_cmp expect count
'

# tests/fuzz/regress/logcache: a change "\0..." in .git/pl/log-cache was
# taken (strchr finds the NUL), and pl log read past its empty path.
test_expect_success 'a log cache with a NUL for a change is not used' '
	echo "by hand" >p/notes.txt &&
	git -C p add notes.txt &&
	git -C p commit -q -m "Notes by hand" &&
	pl -C p log >expect &&
	test_path_is_file p/.git/pl/log-cache &&
	{
		printf "pl log cache 1\n%s 1\n" "$(git -C p rev-parse HEAD)" &&
		printf "\000\000\000\000\000\000\000\000notes.txt\n"
	} >p/.git/pl/log-cache &&
	pl -C p log >actual &&
	test_cmp expect actual
'

# tests/fuzz/regress/logcache: a cache of no records sorted NULL (an
# abort under UBSan, the CI's second run).
test_expect_success 'a log cache with no records is read' '
	pl -C p log >expect &&
	printf "pl log cache 1\n" >p/.git/pl/log-cache &&
	pl -C p log >actual &&
	test_cmp expect actual
'

test_done
