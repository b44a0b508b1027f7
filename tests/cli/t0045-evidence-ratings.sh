#!/bin/sh
test_description='pl evidence show: the ratings, with rater, level, date and note'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

test_expect_success 'setup: a quiz rated twice, by two raters' '
	pl init --name "Ana Lima" p >/dev/null &&
	printf "code,grade,description\n6.NS.A.1,6,Divide fractions.\n6.NS.A.2,6,Divide numbers.\n" \
		>math.csv &&
	pl -C p align import ../math.csv >/dev/null &&
	pl -C p evidence add -m "Nine of ten." --id quiz "Quiz" >/dev/null &&
	test_tick &&
	pl -C p align rate quiz 6.NS.A.1 proficient &&
	next_day &&
	pl -C p align rate --by "Ms Rivera <rivera@school.example>" \
		--note "Explains each step" quiz 6.NS.A.2 4 &&
	pl -C p evidence add -m x --id poster "Poster" >/dev/null
'

test_expect_success 'as text: a line per rating, in the order given' '
	cat >expect <<-\EOF &&
	Quiz

	id:        quiz
	date:      2026-11-26
	kind:      artifact
	standards: 6.NS.A.1
	           6.NS.A.2
	ratings:   2026-11-26  6.NS.A.1  3 (proficient)  Test Teacher <teacher@example.com>
	           2026-11-27  6.NS.A.2  4 (advanced)  Ms Rivera <rivera@school.example>  "Explains each step"

	Nine of ten.
	EOF
	pl -C p evidence show quiz >actual 2>err &&
	test_cmp expect actual &&
	test_must_be_empty err &&
	pl -C p evidence show poster >actual &&
	! grep ratings: actual
'

test_expect_success 'as JSON: ratings before the body' '
	pl -C p evidence show --format json quiz >out &&
	python3 - <<-\EOF &&
	import json
	d = json.load(open("out"))
	assert list(d) == ["id", "title", "date", "kind", "goals",
	    "standards", "files", "ratings", "body"], list(d)
	assert d["ratings"] == [
	    {"standard": "6.NS.A.1", "level": 3.0,
	     "by": "Test Teacher <teacher@example.com>",
	     "date": "2026-11-26", "note": None},
	    {"standard": "6.NS.A.2", "level": 4.0,
	     "by": "Ms Rivera <rivera@school.example>",
	     "date": "2026-11-27", "note": "Explains each step"}], d
	EOF
	pl -C p evidence show --format json poster >out &&
	python3 -c "import json; print(json.load(open(\"out\"))[\"ratings\"])" >actual &&
	echo "[]" >expect &&
	test_cmp expect actual
'

test_expect_success 'a level by name, a level of the portfolio'"'"'s own scale' '
	pl -C p align scale --levels "novice, apprentice, practitioner, expert, master" \
		>/dev/null &&
	sed "s/^standards: \[\]$/standards: [6.NS.A.1]\nratings:\n- standard: 6.NS.A.1\n  level: Expert/" \
		p/evidence/poster.md >p/evidence/poster.md.tmp &&
	mv p/evidence/poster.md.tmp p/evidence/poster.md &&
	git -C p commit -q -a -m "a rating by hand" &&
	pl -C p evidence show poster >out &&
	grep "^ratings:   -  6.NS.A.1  4 (expert)  -$" out
'

test_expect_success 'a rating with a level off the scale: exit 6, file and line' '
	sed "s/^  level: Expert$/  level: 9/" p/evidence/poster.md >x &&
	mv x p/evidence/poster.md &&
	git -C p commit -q -a -m "level 9" &&
	test_expect_code 6 pl -C p evidence show poster >out 2>err &&
	test_must_be_empty out &&
	grep "^pl: evidence/poster.md:[0-9]*: rating 1: " err
'

test_expect_success 'an unknown evidence id suggests the nearest' '
	test_expect_code 4 pl -C p evidence show quis 2>err &&
	echo "pl: unknown evidence ${SQ}quis${SQ} (did you mean ${SQ}quiz${SQ}?)" >expect &&
	test_cmp expect err &&
	test_expect_code 4 pl -C p align rate postr 6.NS.A.1 3 2>err &&
	echo "pl: unknown evidence ${SQ}postr${SQ} (did you mean ${SQ}poster${SQ}?)" >expect &&
	test_cmp expect err &&
	test_expect_code 4 pl -C p evidence show essay 2>err &&
	echo "pl: unknown evidence ${SQ}essay${SQ}" >expect &&
	test_cmp expect err
'

test_done
