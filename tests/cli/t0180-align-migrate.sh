#!/bin/sh
test_description='align migrate: old codes to new ones, in one commit'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

DATA="$PL_SOURCE_ROOT/tests/data/standards"

test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	printf "code,description\nM.1,Add\nM.2,Subtract\nN.1,Add and subtract\nN.2,Subtract within 100\nRP.6.1,Ratios\nRP.6.2,Rates\nR.1,Old ratios\nR.2,Old rates\n" \
		>fw.csv &&
	pl -C p align import --framework math "$TRASH_DIRECTORY/fw.csv" \
		>/dev/null &&
	pl -C p goal add --id sums --standard M.1 "Sums" >/dev/null &&
	pl -C p evidence add -m x --date 2026-01-10 --id quiz \
		--standard M.1 --standard M.2 "Quiz" >/dev/null &&
	pl -C p align rate --date 2026-01-11 quiz m.2 3 &&
	pl -C p align rate --date 2026-01-12 quiz M.1 2 &&
	cat >p/evidence/hand.md <<-\EOT &&
	---
	# written by hand
	title: By hand
	date: 2026-01-02
	kind: artifact
	extra: {keep: [1, 2]}  # kept
	standards:
	  - m.2   # lower case
	  - R.1
	ratings:
	  - standard: M.2
	    level: 2
	    by: Self <me@x>
	    date: 2026-01-03
	    mood: happy
	---
	Body
	EOT
	git -C p add evidence/hand.md &&
	git -C p commit -q -m "by hand" &&
	printf "\357\273\277old,new\r\n\r\nM.1 , n.1\r\nm.2,N.2\r\nX.9,N.1\r\n" \
		>map.csv
'

test_expect_success '--dry-run prints each entry it would change, commits nothing' '
	before &&
	pl -C p align migrate --dry-run "$TRASH_DIRECTORY/map.csv" >out 2>err &&
	cat >expect <<-\EOT &&
	goal sums: M.1 -> N.1
	evidence hand: m.2 -> N.2
	evidence quiz: M.1 -> N.1, m.2 -> N.2
	would migrate 2 codes in 3 files; nothing committed
	EOT
	test_cmp expect out &&
	test_must_be_empty err &&
	same_as_before
'

test_expect_success 'an unknown new code is refused with the nearest codes' '
	printf "M.1,N.3\n" >bad.csv &&
	before &&
	test_expect_code 4 pl -C p align migrate "$TRASH_DIRECTORY/bad.csv" \
		>out 2>err &&
	echo "pl: $TRASH_DIRECTORY/bad.csv:1: unknown standard ${SQ}N.3${SQ} (did you mean ${SQ}N.1${SQ}, ${SQ}N.2${SQ}, ${SQ}M.1${SQ}?)" >expect &&
	test_cmp expect err &&
	test_must_be_empty out &&
	same_as_before
'

test_expect_success 'a file that is not a mapping is refused' '
	printf "M.1,N.1,N.2\n" >three.csv &&
	before &&
	test_expect_code 6 pl -C p align migrate "$TRASH_DIRECTORY/three.csv" \
		2>err &&
	echo "pl: $TRASH_DIRECTORY/three.csv:1: not a mapping: a row is an old code, a comma and the new code" >expect &&
	test_cmp expect err &&
	printf "M.1,N.1\nm.1,N.2\n" >twice.csv &&
	test_expect_code 6 pl -C p align migrate "$TRASH_DIRECTORY/twice.csv" \
		2>err &&
	echo "pl: $TRASH_DIRECTORY/twice.csv:2: code ${SQ}m.1${SQ} is replaced twice (also at $TRASH_DIRECTORY/twice.csv:1)" >expect &&
	test_cmp expect err &&
	test_expect_code 4 pl -C p align migrate "$TRASH_DIRECTORY/none.csv" \
		2>err &&
	test_stderr_starts_pl err &&
	test_expect_code 2 pl -C p align migrate 2>err &&
	test_stderr_starts_pl err &&
	same_as_before
'

test_expect_success 'uncommitted edits to an entry: refused, nothing committed' '
	echo "more" >>p/evidence/quiz.md &&
	before &&
	test_expect_code 9 pl -C p align migrate "$TRASH_DIRECTORY/map.csv" \
		>out 2>err &&
	test_stderr_starts_pl err &&
	same_as_before &&
	git -C p checkout -q evidence/quiz.md
'

test_expect_success 'migrate: a BOM and CRLF mapping, in one commit' '
	pl -C p align migrate "$TRASH_DIRECTORY/map.csv" >out 2>err &&
	cat >expect <<-\EOT &&
	goal sums: M.1 -> N.1
	evidence hand: m.2 -> N.2
	evidence quiz: M.1 -> N.1, m.2 -> N.2
	migrated 2 codes in 3 files
	EOT
	test_cmp expect out &&
	test_must_be_empty err &&
	git -C p log -1 --format=%B >actual &&
	cat >expect <<-\EOT &&
	align: migrate 2 codes

	Migrated 2 codes in 3 files.

	Pl-Kind: align
	Pl-Action: migrate
	Pl-Id: math
	Pl-Migrate: M.1 -> N.1
	Pl-Migrate: m.2 -> N.2

	EOT
	test_cmp expect actual &&
	git -C p show --stat --format= HEAD >stat &&
	test_line_count = 4 stat &&
	git -C p status --porcelain >status &&
	test_must_be_empty status
'

test_expect_success 'standards and ratings rewritten, all else kept' '
	grep "^standards: \[N.1\]$" p/goals/sums.md &&
	sed -n "/^standards:/,/^---/p" p/evidence/quiz.md >actual &&
	cat >expect <<-\EOT &&
	standards: [N.1, N.2]
	files: []
	ratings:
	- standard: N.2
	  level: 3
	  by: Test Teacher <teacher@example.com>
	  date: 2026-01-11
	- standard: N.1
	  level: 2
	  by: Test Teacher <teacher@example.com>
	  date: 2026-01-12
	---
	EOT
	test_cmp expect actual &&
	cat >expect <<-\EOT &&
	---
	# written by hand
	title: By hand
	date: 2026-01-02
	kind: artifact
	extra: {keep: [1, 2]}  # kept
	standards:
	  - N.2   # lower case
	  - R.1
	ratings:
	  - standard: N.2
	    level: 2
	    by: Self <me@x>
	    date: 2026-01-03
	    mood: happy
	---
	Body
	EOT
	test_cmp expect p/evidence/hand.md
'

test_expect_success 'codes nobody names: nothing to migrate' '
	before &&
	pl -C p align migrate "$TRASH_DIRECTORY/map.csv" >out 2>err &&
	echo "pl: nothing to migrate: no goal or evidence names a code that $TRASH_DIRECTORY/map.csv replaces" >expect &&
	test_cmp expect err &&
	test_must_be_empty out &&
	same_as_before
'

test_expect_success 'a CASE package: isReplacedBy and replacedBy' '
	pl -C p align rate --date 2026-01-13 hand R.2 4 &&
	pl -C p align migrate "$DATA/case_replaced_cfpackage.json" >out &&
	cat >expect <<-\EOT &&
	evidence hand: R.1 -> RP.6.1, R.2 -> RP.6.2
	migrated 2 codes in 1 file
	EOT
	test_cmp expect out &&
	git -C p log -1 --format="%s|%(trailers:key=Pl-Migrate,separator=;)" >actual &&
	echo "align: migrate 2 codes|Pl-Migrate: R.1 -> RP.6.1;Pl-Migrate: R.2 -> RP.6.2" >expect &&
	test_cmp expect actual &&
	sed -n "/^standards:/,/^ratings/p" p/evidence/hand.md >actual &&
	cat >expect <<-\EOT &&
	standards:
	- N.2
	- RP.6.1
	- RP.6.2
	ratings:
	EOT
	test_cmp expect actual &&
	grep "^- standard: RP.6.2$" p/evidence/hand.md
'

test_expect_success 'an import that drops a code in use suggests migrate' '
	printf "code,description\nN.1,Add and subtract\nN.2,Subtract\nRP.6.1,Ratios\nRP.6.2,Rates\n" \
		>v2.csv &&
	pl -C p align goal sums M.1 &&
	test_expect_code 12 pl -C p align import --framework math \
		"$TRASH_DIRECTORY/v2.csv" 2>err &&
	echo "pl: standard ${SQ}M.1${SQ} is named by goal sums; nothing imported (--force drops it anyway; then ${SQ}pl align migrate${SQ} moves the work to new codes)" >expect &&
	test_cmp expect err &&
	pl -C p align import --force --framework math \
		"$TRASH_DIRECTORY/v2.csv" >out 2>err &&
	echo "pl: warning: goals or evidence still name M.1; ${SQ}pl align migrate${SQ} moves them to new codes" >expect &&
	test_cmp expect err
'

test_expect_success 'importing a CASE package that replaces codes says so' '
	pl -C p align import --framework revised \
		"$DATA/case_replaced_cfpackage.json" >out 2>err &&
	echo "pl: warning: $DATA/case_replaced_cfpackage.json replaces 2 codes; ${SQ}pl align migrate $DATA/case_replaced_cfpackage.json${SQ} moves the work to the new ones" >expect &&
	test_cmp expect err
'

test_done
