#!/bin/sh
test_description='every HTML page pl writes passes the accessibility check (axe-core, WCAG 2.1 AA) at 390 and 1,280 px and prints on A4'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"
. "$TEST_DIRECTORY/lib-standards.sh"
. "$TEST_DIRECTORY/lib-a11y.sh"

# An orange PNG of 1,200 x 800 pixels, wider than a phone, written by
# python3 (zlib for its IDAT): a picture the family page shows.
write_png () {
	python3 -c 'import struct, sys, zlib
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
raw = b"".join(b"\0" + b"\xff\x80\x00" * 1200 for _ in range(800))
sys.stdout.buffer.write(b"\x89PNG\r\n\x1a\n" +
    chunk(b"IHDR", struct.pack(">IIBBBBB", 1200, 800, 8, 2, 0, 0, 0)) +
    chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))' >"$1"
}

# Two learners of a class: Ana with all a page can show (a profile,
# goals with steps and standards, evidence with a picture and a heading
# of its own, reflections, a teacher's ratings), Ben with one goal.
test_expect_success 'setup' '
	write_png poster.png &&
	pl init --name "Ana Lima" --grade 6 class/ana >/dev/null &&
	next_day &&
	commit_standards class/ana math <<-\EOF &&
	code,parent,grade,subject,description
	CCSS.Math.Content.6.RP.A.1,,6,Math,Understand ratios
	CCSS.Math.Content.6.RP.A.2,,6,Math,Understand unit rates
	CCSS.Math.Content.6.NS.A.1,,6,Math,Divide fractions by fractions
	EOF
	pl -C class/ana profile add strength "Explains her thinking" &&
	pl -C class/ana profile add interest "Astronomy" &&
	pl -C class/ana profile add need "Longer written answers" &&
	next_day &&
	pl -C class/ana goal add --id fractions --due 2026-12-20 \
		--why "Fractions are everywhere in science." --step One \
		--step Two --step Three --step Four --standard 6.RP.A.1 \
		--standard 6.NS.A.1 "Fractions" >/dev/null &&
	pl -C class/ana goal add --id reading "Read three books" >/dev/null &&
	next_day &&
	pl -C class/ana evidence add \
		-m "$(printf "I made a **poster** of ratios.\n\n## How\n\nWith a ruler.")" \
		--goal fractions --id poster --kind artifact \
		--file "$TRASH_DIRECTORY/poster.png" "Ratio poster" >/dev/null &&
	pl -C class/ana align rate --by "Ms Rivera <rivera@school.example>" \
		poster 6.RP.A.1 3 >/dev/null &&
	next_day &&
	pl -C class/ana evidence add -m "I did it." --goal fractions \
		--id quiz --kind assessment "Quiz" >/dev/null &&
	pl -C class/ana align rate --by "Ms Rivera <rivera@school.example>" \
		quiz 6.NS.A.1 2 >/dev/null &&
	pl -C class/ana reflect -m "Halves are easy; thirds are not." \
		--goal fractions --evidence quiz >/dev/null &&
	pl -C class/ana goal done fractions 1 >/dev/null &&
	next_day &&
	pl -C class/ana evidence add -m "Dear diary." --goal reading \
		--id diary "Diary" >/dev/null &&
	next_day &&
	pl init --name "Ben Ortiz" --grade 6 class/ben >/dev/null &&
	pl -C class/ben goal add --id spelling "Spelling" >/dev/null &&
	printf "learner,portfolio,group\nAna Lima,ana,6A\nBen Ortiz,ben,6A\n" \
		>class/roster.csv
'

# Every page pl writes today: a learner's report in each view, the
# family's page with its files beside it, the class page, alone and
# with a page per learner, and a showcase published.
test_expect_success 'the pages pl writes' '
	for view in learner teacher family
	do
		pl -C class/ana report --for $view --format html \
			-o "$TRASH_DIRECTORY/$view.html" || return 1
	done &&
	pl -C class/ana report --for family --out-dir "$TRASH_DIRECTORY/family" &&
	test_path_is_file family/files/poster/poster.png &&
	pl report --roster class/roster.csv --format html >class.html &&
	pl report --roster class/roster.csv --out-dir site &&
	ls site/*.html >site.list &&
	cat >expect <<-\EOF &&
	site/ana-lima.html
	site/ben-ortiz.html
	site/index.html
	EOF
	test_cmp expect site.list &&
	pl -C class/ana showcase new --show strengths,interests,ratings \
		--intro "The work I am proudest of." conference >/dev/null &&
	pl -C class/ana showcase add --note "My best poster." conference \
		poster >/dev/null &&
	pl -C class/ana showcase add conference quiz >/dev/null &&
	pl -C class/ana publish conference --out-dir "$TRASH_DIRECTORY/show" \
		>/dev/null &&
	(cd show && ls index.html items/*.html) >show.list &&
	cat >expect <<-\EOF &&
	index.html
	items/poster.html
	items/quiz.html
	EOF
	test_cmp expect show.list
'

# One Chromium for all of them; "N pages, 0 violations" alone when each
# passes, else a line per page and violation, which test_cmp shows.
test_expect_success 'each passes the accessibility check' '
	{
		a11y_check learner.html teacher.html family.html \
			family/index.html class.html site/index.html \
			site/ana-lima.html site/ben-ortiz.html \
			show/index.html show/items/poster.html \
			show/items/quiz.html || :
	} &&
	echo "11 pages, 0 violations" >expect &&
	test_cmp expect a11y.out
'

test_done
