#!/bin/sh
test_description='the family page shows the attached work: copied beside it (--out-dir) or embedded (-o), never a private file'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"
. "$TEST_DIRECTORY/lib-family.sh"

# Besides lib-family.sh's portfolio, the poster's file list names by
# hand what must never be shown: the private diary's photo, a path
# through "..", a path outside the portfolio, a goal's file, and a
# symbolic link committed in the poster's folder that points at the
# diary's photo.
test_expect_success 'setup' '
	family_portfolio p &&
	ln -s ../diary/secret-photo.png p/evidence/ratio-poster/link.png &&
	sed -i "s|^files: \[\(.*\)\]\$|files: [\1, evidence/diary/secret-photo.png, evidence/ratio-poster/../diary/diary-notes.txt, ../files/secret-photo.png, goals/ratios.md, evidence/ratio-poster/link.png]|" \
		p/evidence/ratio-poster.md &&
	grep "^files: .*link.png\]\$" p/evidence/ratio-poster.md &&
	git -C p add -A &&
	git -C p commit -q -m "By hand" &&
	git -C p ls-files -s evidence/ratio-poster/link.png >mode &&
	grep "^120000 " mode &&
	git -C p ls-files evidence/diary >diary &&
	test_line_count = 2 diary
'

# No byte, name or title of the private work, anywhere in DIR or FILE.
nothing_private () {
	! grep -r -e SECRETBYTES -e "Secret diary" -e "Dear diary" "$@" &&
	! find "$@" -name "*secret*" -o -name "*diary*" | grep .
}

test_expect_success '--out-dir: the page and a copy of each file it may show' '
	pl -C p report --for family --out-dir "$TRASH_DIRECTORY/family" &&
	(cd family && find . -type f -o -type l | sort) >actual &&
	cat >expect <<-\EOF &&
	./files/.made-by-pl
	./files/fraction-quiz/bar-model.png
	./files/fraction-quiz/quiz-notes.txt
	./files/ratio-poster/drawing.gif
	./files/ratio-poster/poster.png
	./index.html
	EOF
	test_cmp expect actual &&
	cmp files/bar-model.png family/files/fraction-quiz/bar-model.png &&
	cmp files/quiz-notes.txt family/files/fraction-quiz/quiz-notes.txt &&
	cmp files/drawing.gif family/files/ratio-poster/drawing.gif &&
	cmp files/poster.png family/files/ratio-poster/poster.png &&
	nothing_private family
'

test_expect_success '--out-dir: images are thumbnails that open the file, other files links' '
	html=family/index.html &&
	grep -F "<li><a href=\"files/ratio-poster/poster.png\"><img src=\"files/ratio-poster/poster.png\" alt=\"Ratio poster\" loading=\"lazy\">poster.png</a></li>" $html &&
	grep -F "<li><a href=\"files/ratio-poster/drawing.gif\"><img src=\"files/ratio-poster/drawing.gif\" alt=\"Ratio poster\" loading=\"lazy\">drawing.gif</a></li>" $html &&
	grep -F "<li><a href=\"files/fraction-quiz/bar-model.png\"><img src=\"files/fraction-quiz/bar-model.png\"" $html &&
	grep -F "<li><a href=\"files/fraction-quiz/quiz-notes.txt\">quiz-notes.txt</a></li>" $html &&
	grep -F "<li class=\"fam-nofile\">link.png (not included)</li>" $html &&
	grep -c "<img " $html >n &&
	echo 3 >expect &&
	test_cmp expect n &&
	grep -F "img-src data: ${SQ}self${SQ}\">" $html &&
	! grep -e "goals/ratios" -e "\.\./" $html
'

test_expect_success 'every format of the view names only the files the page may show' '
	for f in text md json csv
	do
		pl -C p report --for family --format $f >view.$f || return 1
	done &&
	nothing_private view.text view.md view.json view.csv &&
	! grep -e "goals/ratios" -e "\.\./" -e "link\.png.*diary" view.* &&
	python3 -c "import json, sys
for e in json.load(sys.stdin)[\"evidence\"]:
    if e[\"id\"] == \"ratio-poster\":
        print(\"\\n\".join(e[\"files\"]))" <view.json >listed &&
	cat >expect <<-\EOF &&
	evidence/ratio-poster/poster.png
	evidence/ratio-poster/drawing.gif
	evidence/ratio-poster/link.png
	EOF
	test_cmp expect listed
'

test_expect_success '-o: small images embedded, the rest named only, nothing private' '
	pl -C p report --for family --format html \
		-o "$TRASH_DIRECTORY/embed.html" &&
	grep -F "img-src data:\">" embed.html &&
	grep -F "<li class=\"fam-nofile\">poster.png (not included)</li>" \
		embed.html &&
	grep -F "<li class=\"fam-nofile\">quiz-notes.txt (not included)</li>" \
		embed.html &&
	python3 -c "
import base64, re, sys
for m in re.findall(r\"src=\\\"data:(image/[a-z]+);base64,([A-Za-z0-9+/=]+)\\\"\",
        open(\"embed.html\").read()):
    data = base64.b64decode(m[1])
    for f in (\"bar-model.png\", \"drawing.gif\", \"poster.png\",
              \"secret-photo.png\"):
        if open(\"files/\" + f, \"rb\").read() == data:
            print(m[0], f)
" >actual &&
	cat >expect <<-\EOF &&
	image/gif drawing.gif
	image/png bar-model.png
	EOF
	test_cmp expect actual &&
	nothing_private embed.html &&
	pl -C p report --for family --format html >stdout.html &&
	test_cmp embed.html stdout.html
'

test_expect_success 'the learner and teacher pages are as before: paths, nothing copied' '
	pl -C p report --for learner --format html \
		-o "$TRASH_DIRECTORY/learner.html" &&
	grep -F "<code>evidence/ratio-poster/poster.png</code>" learner.html &&
	! grep "data:image" learner.html
'

test_expect_success 'work made private since: its files leave the folder' '
	cp -R p q &&
	EDITOR="$TRASH_DIRECTORY/private.sh" \
		pl -C q evidence edit fraction-quiz &&
	pl -C q report --for family --out-dir "$TRASH_DIRECTORY/family" &&
	(cd family && find . -type f | sort) >actual &&
	cat >expect <<-\EOF &&
	./files/.made-by-pl
	./files/ratio-poster/drawing.gif
	./files/ratio-poster/poster.png
	./index.html
	EOF
	test_cmp expect actual &&
	! grep -r -e "Fractions quiz" -e bar-model family
'

test_expect_success 'the files come from the report'"'"'s commit, not the working tree' '
	cp files/secret-photo.png p/evidence/ratio-poster/drawing.gif &&
	pl -C p report --for family --out-dir "$TRASH_DIRECTORY/family" &&
	cmp files/drawing.gif family/files/ratio-poster/drawing.gif &&
	pl -C p report --for family --as-of 2026-11-28 \
		--out-dir "$TRASH_DIRECTORY/old" &&
	test_path_is_file old/files/ratio-poster/poster.png &&
	git -C p checkout -q -- evidence
'

test_expect_success 'a files folder that is not pl'"'"'s is left alone' '
	mkdir -p mine/files &&
	echo mine >mine/files/keep.txt &&
	test_expect_code 12 pl -C p report --for family \
		--out-dir "$TRASH_DIRECTORY/mine" 2>err &&
	echo "pl: ${SQ}$TRASH_DIRECTORY/mine/files${SQ} is in the way: pl keeps a page${SQ}s files there (move it away)" >expect &&
	test_cmp expect err &&
	test_path_is_missing mine/index.html &&
	echo mine >expect &&
	test_cmp expect mine/files/keep.txt
'

test_expect_success '--out-dir alone goes with --for family and HTML only' '
	test_expect_code 2 pl -C p report --out-dir d 2>err &&
	echo "pl: --out-dir goes with --roster or --for family" >expect &&
	test_cmp expect err &&
	test_expect_code 2 pl -C p report --for family --out-dir d \
		--format md 2>err &&
	echo "pl: --out-dir writes HTML pages; it goes without -o and --format" \
		>expect &&
	test_cmp expect err &&
	test_expect_code 2 pl -C p report --for family --out-dir d -o x 2>err &&
	test_cmp expect err &&
	test_path_is_missing p/d
'

test_expect_success 'the class report'"'"'s family pages bring their files too' '
	printf "learner,portfolio\nMaya Okafor,p\nAna,a\n" >roster.csv &&
	pl init --name Ana a >/dev/null &&
	pl report --roster roster.csv --for family --out-dir pages &&
	(cd pages && find . -type f | sort) >actual &&
	cat >expect <<-\EOF &&
	./ana.html
	./files/.made-by-pl
	./files/maya-okafor/fraction-quiz/bar-model.png
	./files/maya-okafor/fraction-quiz/quiz-notes.txt
	./files/maya-okafor/ratio-poster/drawing.gif
	./files/maya-okafor/ratio-poster/poster.png
	./maya-okafor.html
	EOF
	test_cmp expect actual &&
	grep -F "<a href=\"files/maya-okafor/ratio-poster/poster.png\"><img" \
		pages/maya-okafor.html &&
	nothing_private pages
'

test_done
