#!/bin/sh
test_description='pl publish: the site of a small showcase, its links, its JSON (issue 26, publishing)'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

data=$PL_SOURCE_ROOT/tests/data/publish
walls=2026-11-26-drawing-a-wall-helps-me-see-equal

# body_from FILE: the page from its <body> on (the head is the report's).
body_from () {
	sed -n '/^<body>$/,$p' "$1"
}

# golden NAME: tests/data/publish/NAME with this pl's version.
golden () {
	version=$(pl --version | sed "s/^pl //") &&
	sed "s/@VERSION@/$version/" "$data/$1"
}

test_expect_success 'setup: a showcase of evidence with files, a reflection, a rating' '
	pl init --name "Ana Lima" p >/dev/null &&
	pl -C p profile add strength "Drawing models" &&
	pl -C p profile add interest "Chess" &&
	pl -C p goal add --id fractions "Fractions fluency" >/dev/null &&
	printf "1/2 + 1/4 = 3/4\n" >quiz.txt &&
	printf "\211PNG\r\n\032\n\0\0\0\rIHDR\0\0\0\040\0\0\0\020" >wall.png &&
	pl -C p evidence add --id quiz --kind assessment --goal fractions \
		--file ../quiz.txt --file ../wall.png \
		-m "I got **9 of 10**. ![My fraction wall](wall.png)" \
		"Fractions quiz" >/dev/null &&
	pl -C p reflect add --evidence quiz --goal fractions \
		-m "Drawing a wall helps me see equal fractions." >id &&
	echo $walls >expect &&
	test_cmp expect id &&
	printf "code,grade,description\n6.NS.A.1,6,Divide fractions by fractions.\n" \
		>fractions.csv &&
	pl -C p align import ../fractions.csv >/dev/null &&
	pl -C p align rate --by "Ms Rivera <rivera@school.example>" \
		--note "clear steps" quiz 6.NS.A.1 3 &&
	pl -C p showcase new --title "Spring conference" --show strengths,ratings \
		--intro "The work I am **proudest** of." conference &&
	pl -C p showcase add --note "My best score yet." conference quiz &&
	pl -C p showcase add conference $walls
'

test_expect_success 'publish writes the index, a page per item, its files and the manifest' '
	pl -C p publish --out-dir ../site conference >out 2>err &&
	echo "../site/index.html: 5 written, 0 unchanged, 0 removed" >expect &&
	test_cmp expect out &&
	test_must_be_empty err &&
	(cd site && find . -type f | sort) >actual &&
	cat >expect <<-\EOF &&
	./.pl-publish
	./index.html
	./items/2026-11-26-drawing-a-wall-helps-me-see-equal.html
	./items/quiz.html
	./items/quiz/quiz.txt
	./items/quiz/wall.png
	EOF
	test_cmp expect actual &&
	test_cmp quiz.txt site/items/quiz/quiz.txt &&
	test_cmp wall.png site/items/quiz/wall.png
'

test_expect_success 'the index and the pages, exactly' '
	golden index.html >expect &&
	body_from site/index.html >actual &&
	test_cmp expect actual &&
	golden quiz.html >expect &&
	body_from site/items/quiz.html >actual &&
	test_cmp expect actual &&
	golden walls.html >expect &&
	body_from site/items/$walls.html >actual &&
	test_cmp expect actual
'

test_expect_success 'each page: lang, a policy that allows no script and no request elsewhere, one h1' '
	for f in index.html items/quiz.html items/$walls.html
	do
		grep -c "^<html lang=\"en\">$" site/$f >n &&
		echo 1 >expect && test_cmp expect n &&
		grep -c "content=\"default-src ${SQ}none${SQ}; style-src ${SQ}unsafe-inline${SQ}; img-src ${SQ}self${SQ} data:; media-src ${SQ}self${SQ}; object-src ${SQ}self${SQ}; frame-src ${SQ}self${SQ}\"" site/$f >n &&
		test_cmp expect n &&
		grep -o "<h1[ >]" site/$f | wc -l >n &&
		test_cmp expect n &&
		! grep -i "<script\|<iframe\|<link\|@import\|url(" site/$f || return 1
	done
'

test_expect_success 'every href and src is relative and names a file of the site' '
	for f in index.html items/quiz.html items/$walls.html
	do
		test -f site/$f &&
		d=$(dirname site/$f) &&
		grep -o "\(href\|src\|data\)=\"[^\"]*\"" site/$f |
		sed "s/^[a-z]*=\"//; s/\"\$//" >links &&
		while read -r l
		do
			case $l in
			"#main") ;;
			*:*|/*|"") echo "not relative: $f: $l"; return 1 ;;
			*) test -f "$d/$l" || { echo "no file: $f: $l"; return 1; } ;;
			esac
		done <links || return 1
	done
'

test_expect_success 'headings go down one level at a time' '
	for f in index.html items/quiz.html items/$walls.html
	do
		test -f site/$f &&
		grep -o "<h[1-6][ >]" site/$f | tr -dc "1-6\n" >levels &&
		awk "NR == 1 && \$1 != 1 { exit 1 }
			NR > 1 && \$1 > prev + 1 { exit 1 } { prev = \$1 }" levels ||
		{ echo "$f: headings out of order"; cat levels; return 1; }
	done
'

test_expect_success '--format json: the commit, each file, nothing left out' '
	pl -C p publish --format json conference >actual &&
	commit=$(git -C p rev-parse HEAD) &&
	sed "s/@COMMIT@/$commit/" "$data/conference.json" >expect &&
	for f in index.html items/quiz.html items/$walls.html items/quiz/quiz.txt items/quiz/wall.png
	do
		sha=$(git hash-object site/$f) &&
		size=$(wc -c <site/$f) &&
		sed "s|@SHA:$f@|$sha|; s|@SIZE:$f@|$size|" expect >expect.new &&
		mv expect.new expect || return 1
	done &&
	test_cmp expect actual
'

test_expect_success 'usage: --out-dir, --format zip or --format json, one of them; a name' '
	test_expect_code 2 pl -C p publish conference 2>err &&
	echo "pl: say where: --out-dir DIR (or --format zip -o FILE, or --format json)" >expect &&
	test_cmp expect err &&
	test_expect_code 2 pl -C p publish --format json --out-dir x conference 2>err &&
	test_stderr_starts_pl err &&
	test_expect_code 2 pl -C p publish --format csv conference 2>err &&
	echo "pl: unknown format ${SQ}csv${SQ} (use html, json or zip)" >expect &&
	test_cmp expect err &&
	test_expect_code 2 pl -C p publish --out-dir x 2>err &&
	test_path_is_missing x
'

test_expect_success 'an unknown showcase is 4, a bad name 5, outside a portfolio 3; nothing written' '
	test_expect_code 4 pl -C p publish --out-dir ../nope nope 2>err &&
	echo "pl: unknown showcase ${SQ}nope${SQ}" >expect &&
	test_cmp expect err &&
	test_path_is_missing nope &&
	test_expect_code 5 pl -C p publish --out-dir ../nope "Bad Name" 2>err &&
	test_stderr_starts_pl err &&
	test_path_is_missing nope &&
	mkdir empty &&
	test_expect_code 3 pl -C empty publish --out-dir ../nope conference 2>err &&
	test_path_is_missing nope
'

test_expect_success '--as-of: what show allowed then and no longer allows is not shown' '
	git -C p tag allowed &&
	pl -C p publish --as-of allowed --out-dir ../then-allowed conference \
		>/dev/null &&
	grep "Drawing models" then-allowed/index.html &&
	grep "Ms Rivera" then-allowed/items/quiz.html &&
	sed -i "s/^show: .*/show: [strengths]/" p/showcase/conference.md &&
	git -C p commit -q -am "no ratings shown" &&
	pl -C p publish --as-of allowed --out-dir ../then-strengths conference \
		>/dev/null &&
	grep "Drawing models" then-strengths/index.html &&
	! grep -r "Rivera" then-strengths &&
	git -C p rm -q showcase/conference.md &&
	git -C p commit -q -m "no showcase" &&
	pl -C p publish --as-of allowed --out-dir ../then-none conference \
		>/dev/null &&
	grep "Fractions quiz" then-none/index.html &&
	! grep -r "Drawing models\|Rivera" then-none
'

test_done
