#!/bin/sh
test_description='align migrate changes only the codes: comments, quotes and layout stay'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# Each file is committed as written, migrated with A.1 -> B.1 and
# A.2 -> 1.5 (a code YAML would read as a number), and compared byte for
# byte with what it must become.

test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	printf "code,description\nA.1,a\nA.2,b\nB.1,c\nC.1,d\n1.5,e\n" >fw.csv &&
	pl -C p align import --framework m "$TRASH_DIRECTORY/fw.csv" \
		>/dev/null &&
	printf "A.1,B.1\nA.2,1.5\n" >map.csv &&
	mkdir p/goals p/evidence
'

# put NAME: the file goals/NAME.md (or evidence/NAME.md) from stdin
put () {
	cat >"p/$1.md" && git -C p add "$1.md"
}

test_expect_success 'the files as a person wrote them' '
	put goals/quoted <<-\EOT &&
	---
	# above the list
	title: Quoted
	standards: ["A.1", "A.2", "C.1"]  # after the list
	# under the list
	---
	Body
	EOT
	sed "s/@/$SQ/g" <<-\EOT | put goals/single &&
	---
	title: Single
	standards: [@A.1@, C.1]
	---
	EOT
	put goals/plain <<-\EOT &&
	---
	title: Plain
	standards: [A.1, A.2, C.1]   # after
	---
	Body
	EOT
	put goals/block <<-\EOT &&
	---
	title: Block
	# above the list
	standards:   # on the key
	  # inside the list
	  - A.1   # on the item
	  - "A.2"
	  - C.1
	# after the list
	status: active
	---
	Body
	EOT
	put goals/scalar <<-\EOT &&
	---
	title: Scalar
	standards: A.1  # one code
	---
	EOT
	put goals/has-new <<-\EOT &&
	---
	title: Has new
	standards: [A.1, C.1, B.1]  # B.1 was there
	# kept
	---
	EOT
	put goals/has-new-first <<-\EOT &&
	---
	title: Has new first
	standards: [B.1, A.1]  # B.1 first
	---
	EOT
	put goals/has-new-block <<-\EOT &&
	---
	title: Has new, block
	standards:
	  # inside
	  - A.1   # the old one
	  - B.1
	  - a.1
	# after
	---
	EOT
	put goals/flow-lines <<-\EOT &&
	---
	title: Flow on lines
	standards: [   # codes
	  A.1,   # first
	  C.1,
	  B.1    # last
	]   # end
	---
	EOT
	put goals/wide <<-\EOT &&
	---
	title: "Café — naïve ☕"   # not ASCII before the list
	standards: [C.1, "A.1"]  # é
	---
	EOT
	put evidence/rated <<-\EOT &&
	---
	# by hand
	title: Rated
	date: 2026-01-02
	kind: artifact
	standards: [A.1]
	ratings:
	  # first
	  - standard: "A.1"   # quoted
	    level: 2
	    by: Self <me@x>
	    date: 2026-01-03
	  - {standard: A.2, level: 3, by: Self <me@x>, date: 2026-01-04}  # flow
	---
	EOT
	git -C p commit -q -m "by hand"
'

test_expect_success 'migrate rewrites every file' '
	pl -C p align migrate "$TRASH_DIRECTORY/map.csv" >out 2>err &&
	test_must_be_empty err &&
	cat >expect <<-\EOT &&
	goal block: A.1 -> B.1, A.2 -> 1.5
	goal flow-lines: A.1 -> B.1
	goal has-new: A.1 -> B.1
	goal has-new-block: A.1 -> B.1
	goal has-new-first: A.1 -> B.1
	goal plain: A.1 -> B.1, A.2 -> 1.5
	goal quoted: A.1 -> B.1, A.2 -> 1.5
	goal scalar: A.1 -> B.1
	goal single: A.1 -> B.1
	goal wide: A.1 -> B.1
	evidence rated: A.1 -> B.1, A.2 -> 1.5
	migrated 2 codes in 11 files
	EOT
	test_cmp expect out &&
	git -C p status --porcelain >status &&
	test_must_be_empty status
'

test_expect_success 'a quoted flow list keeps its quotes and comments' '
	cat >expect <<-\EOT &&
	---
	# above the list
	title: Quoted
	standards: ["B.1", "1.5", "C.1"]  # after the list
	# under the list
	---
	Body
	EOT
	test_cmp expect p/goals/quoted.md &&
	sed "s/@/$SQ/g" >expect <<-\EOT &&
	---
	title: Single
	standards: [@B.1@, C.1]
	---
	EOT
	test_cmp expect p/goals/single.md
'

test_expect_success 'a plain flow list: a code YAML reads as a number is quoted' '
	cat >expect <<-\EOT &&
	---
	title: Plain
	standards: [B.1, "1.5", C.1]   # after
	---
	Body
	EOT
	test_cmp expect p/goals/plain.md
'

test_expect_success 'a block list keeps every comment and its indent' '
	cat >expect <<-\EOT &&
	---
	title: Block
	# above the list
	standards:   # on the key
	  # inside the list
	  - B.1   # on the item
	  - "1.5"
	  - C.1
	# after the list
	status: active
	---
	Body
	EOT
	test_cmp expect p/goals/block.md &&
	cat >expect <<-\EOT &&
	---
	title: Scalar
	standards: B.1  # one code
	---
	EOT
	test_cmp expect p/goals/scalar.md
'

test_expect_success 'the new code there already: the old item alone goes' '
	cat >expect <<-\EOT &&
	---
	title: Has new
	standards: [C.1, B.1]  # B.1 was there
	# kept
	---
	EOT
	test_cmp expect p/goals/has-new.md &&
	cat >expect <<-\EOT &&
	---
	title: Has new first
	standards: [B.1]  # B.1 first
	---
	EOT
	test_cmp expect p/goals/has-new-first.md &&
	cat >expect <<-\EOT &&
	---
	title: Has new, block
	standards:
	  # inside
	  # the old one
	  - B.1
	# after
	---
	EOT
	test_cmp expect p/goals/has-new-block.md &&
	cat >expect <<-\EOT &&
	---
	title: Flow on lines
	standards: [   # codes
	     # first
	  C.1,
	  B.1    # last
	]   # end
	---
	EOT
	test_cmp expect p/goals/flow-lines.md
'

test_expect_success 'text that is not ASCII before a code' '
	cat >expect <<-\EOT &&
	---
	title: "Café — naïve ☕"   # not ASCII before the list
	standards: [C.1, "B.1"]  # é
	---
	EOT
	test_cmp expect p/goals/wide.md
'

test_expect_success 'ratings: block and flow mappings, comments kept' '
	cat >expect <<-\EOT &&
	---
	# by hand
	title: Rated
	date: 2026-01-02
	kind: artifact
	standards: [B.1]
	ratings:
	  # first
	  - standard: "B.1"   # quoted
	    level: 2
	    by: Self <me@x>
	    date: 2026-01-03
	  - {standard: "1.5", level: 3, by: Self <me@x>, date: 2026-01-04}  # flow
	---
	EOT
	test_cmp expect p/evidence/rated.md
'

test_expect_success 'pl reads the migrated files as git has them' '
	pl -C p goal show has-new-block >out &&
	grep "B.1" out &&
	git -C p show --stat --format= HEAD >stat &&
	test_line_count = 12 stat
'

test_done
