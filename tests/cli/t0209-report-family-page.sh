#!/bin/sh
test_description='the family view is written for a parent: achieved first, goals with their next step, standards as short phrases, no method words, a page of sensible height'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"
. "$TEST_DIRECTORY/lib-family.sh"

if chromium=$(command -v chromium || command -v chromium-browser); then
	test_set_prereq CHROMIUM
fi

test_expect_success 'setup' '
	family_portfolio p &&
	for f in text md html; do
		pl -C p report --for family --since 2026-11-27 --format $f \
			-o "$TRASH_DIRECTORY/family.$f" || return 1
	done
'

test_expect_success 'the sections, in the same order in text, Markdown and HTML' '
	cat >expect <<-\EOF &&
	In short
	Achieved
	Goals and next steps
	Since 2026-11-27
	Work
	Reflections
	What is being learned
	Who took part
	About Maya Okafor
	EOF
	sed -n "/^[A-Z]/p" family.text | sed 1,2d >text &&
	test_cmp expect text &&
	sed -n "s/^## //p" family.md >md &&
	test_cmp expect md &&
	sed -n "s/^<h2>\(.*\)<\/h2>\$/\1/p" family.html >html &&
	test_cmp expect html
'

test_expect_success 'what was achieved comes first: the goal met, the skill secure' '
	sed -n "/^Achieved\$/,/^\$/p" family.text >actual &&
	cat >expect <<-\EOF &&
	Achieved
	  - Goal met: Understand ratios
	  - Secure: Understand the concept of a ratio and use ratio language to…

	EOF
	test_cmp expect actual &&
	grep -F "<li>Goal met: Understand ratios</li>" family.html
'

test_expect_success 'each goal under way with its next step, what might need a hand in words' '
	sed -n "/^Goals and next steps\$/,/^\$/p" family.text >actual &&
	cat >expect <<-\EOF &&
	Goals and next steps
	  - Show data in plots: 0 of 2 steps done.
	    Next step: Collect class data
	  - Divide fractions (part of Become confident with fractions): 1 of 3 steps done, due 2026-12-04 (in 5 days), on schedule.
	    Next step: Word problems
	  - Become confident with fractions: 1 of 3 steps done.
	  - Chess club: paused for now.

	EOF
	test_cmp expect actual &&
	pl -C p report --for family --as-of 2026-12-30 --format md >late.md &&
	grep -A2 "^- Divide fractions" late.md >actual &&
	cat >expect <<-\EOF &&
	- Divide fractions (part of Become confident with fractions): 1 of 3 steps done, due 2026-12-04 (26 days ago).  
	  Next step: Word problems  
	  Could use some help: behind schedule; past its due date; nothing new for 32 days.
	EOF
	test_cmp expect actual
'

test_expect_success 'standards as short phrases, secure first; the whole statement on demand' '
	sed -n "/^## What is being learned\$/,/^## /p" family.md >actual &&
	cat >expect <<-\EOF &&
	## What is being learned

	5 skills in the goals: 1 secure, work to show in 2.

	- Understand the concept of a ratio and use ratio language to…: secure
	- Interpret and compute quotients of fractions, and solve word…: getting there (developing)
	- Display numerical data in plots on a number line: not assessed yet
	- Summarize numerical data sets in relation to their context: not assessed yet
	- Write and evaluate numerical expressions involving whole-number…: not assessed yet

	## Who took part
	EOF
	test_cmp expect actual &&
	grep -F "<li><details><summary>Summarize numerical data sets in relation to their context: not assessed yet</summary><p>Summarize numerical data sets in relation to their context, such as by: reporting the number of observations; describing the nature of the attribute under investigation.</p></details></li>" family.html &&
	grep -c "<details><summary>" family.html >n &&
	echo 7 >expect &&
	test_cmp expect n
'

# The words a parent reads: the text, the Markdown, the page without its
# style sheet and tags.
words () {
	cat family.text family.md late.md &&
	python3 -c "
import html, re
t = re.sub(r\"(?s)<style>.*?</style>\", \"\", open(\"family.html\").read())
print(html.unescape(re.sub(r\"<[^>]*>\", \" \", t)))
"
}

test_expect_success 'no scores, no method names, no stray punctuation between standards' '
	words >all &&
	grep "Understand ratios" all &&
	! grep -i -E "decaying|aligned|n-times|weighted|average|mastery|score" all &&
	! grep -E "[0-9]\.[0-9]" all &&
	! grep -E "[a-z]\.(,| and) [A-Z]" all &&
	! grep -E "\(M\.6|M\.6\." all
'

# One Chromium for both tests: the pages at both widths, their heights
# (page-check.py's jobs.sizes), screenshots and requests.
test_expect_success CHROMIUM 'the page fits 390 and 1,280 px, no sideways scrolling, and is short' '
	pl -C p report --for family --since 2026-11-27 \
		--out-dir "$TRASH_DIRECTORY/page" &&
	cp family.html page/single.html &&
	for p in index single
	do
		for w in 390 1280
		do
			echo "$p-$w.out file://$TRASH_DIRECTORY/page/$p.html $w 900" \
				"$TRASH_DIRECTORY/page/$p-$w.png" || return 1
		done
	done >jobs &&
	timeout 120 python3 "$TEST_DIRECTORY/page-check.py" "$chromium" jobs &&
	cat jobs.sizes &&
	awk "{ print \$1, \$6 }" jobs.sizes >scroll &&
	cat >expect <<-\EOF &&
	index-390.out 0
	index-1280.out 0
	single-390.out 0
	single-1280.out 0
	EOF
	test_cmp expect scroll &&
	awk "\$2 == 390 && \$4 > 4500 || \$2 == 1280 && \$4 > 3000 { print; bad = 1 }
	    END { exit bad }" jobs.sizes &&
	if test -n "${PL_REPORT_PNG_DIR:-}"; then
		cp page/*.png "$PL_REPORT_PNG_DIR/"
	fi
'

test_expect_success CHROMIUM 'it loads with nothing but its own files' '
	grep -c "^request data:image/" single-390.out >n &&
	echo 2 >expect &&
	test_cmp expect n &&
	grep -v "^request data:image/" single-390.out >rest &&
	echo loaded >expect &&
	test_cmp expect rest &&
	grep -v "^request file://$TRASH_DIRECTORY/page/files/" index-390.out >rest &&
	test_cmp expect rest &&
	grep "^request .*/files/ratio-poster/poster.png\$" index-390.out
'

test_done
