#!/bin/sh
test_description='the family report with .git/pl/version-cache warm prints what it prints without it: after an entry made private by a plain-git commit, a rebase, a cache corrupted, cut short or of another version'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# Every format of the family report in p, with its caches as they are,
# must be byte for byte the one computed in a copy without .git/pl.
same_as_fresh () {
	rm -rf q &&
	cp -R p q &&
	rm -rf q/.git/pl &&
	for f in text md html json csv
	do
		pl -C p report --for family --format $f >out.$f 2>err &&
		pl -C q report --for family --format $f >expect.$f 2>err.q &&
		test_cmp expect.$f out.$f &&
		test_cmp err.q err || return 1
	done
}

# Sets or clears "private: true" in a file's front matter.
make_private () {
	sed -i "0,/^---\$/s//---\nprivate: true/" "$1"
}
make_public () {
	sed -i "/^private: true\$/d" "$1"
}

# The goal "health" was private once, in a version only the walk reads
# (made private with pl goal edit, public again by a plain-git commit);
# the reflection "gone" was made private by a plain-git commit and then
# removed; "run" is evidence for health alone.
test_expect_success 'setup' '
	write_script private.sh <<-\EOF &&
	sed -i "0,/^---\$/s//---\nprivate: true/" "$1"
	EOF
	pl init --name "Ana Lima" p >/dev/null &&
	next_day &&
	pl -C p goal add --id maths "Maths" >/dev/null &&
	pl -C p goal add --id health "Health" >/dev/null &&
	EDITOR="$TRASH_DIRECTORY/private.sh" pl -C p goal edit health &&
	next_day &&
	pl -C p evidence add -m x --goal health --id run "Run" >/dev/null &&
	pl -C p evidence add -m x --goal maths --id quiz "Quiz" >/dev/null &&
	next_day &&
	make_public p/goals/health.md &&
	git -C p commit -q -am "Health is fine to share" &&
	next_day &&
	pl -C p reflect --goal maths -m "Gone tomorrow." >/dev/null &&
	gone=$(cd p/reflections && ls *-gone-tomorrow.md) &&
	make_private p/reflections/$gone &&
	git -C p commit -q -am "Keep it to myself" &&
	next_day &&
	pl -C p reflect rm ${gone%.md} >/dev/null &&
	next_day &&
	pl -C p goal add --id ratios "Ratios" >/dev/null
'

test_expect_success 'the first report writes the cache; a warm one prints the same' '
	test_path_is_missing p/.git/pl/version-cache &&
	pl -C p report --for family >first &&
	test_path_is_file p/.git/pl/version-cache &&
	grep -q "goals/health.md" p/.git/pl/version-cache &&
	! grep -e Health -e Run -e "Gone tomorrow" first &&
	grep Quiz first &&
	same_as_fresh &&
	pl -C p report --for family >again &&
	test_cmp first again
'

test_expect_success 'an entry made private by a plain-git commit, then public: left out' '
	next_day &&
	make_private p/goals/ratios.md &&
	git -C p commit -q -am "Ratios are mine" &&
	next_day &&
	make_public p/goals/ratios.md &&
	git -C p commit -q -am "Ratios again" &&
	same_as_fresh &&
	! grep Ratios out.text
'

test_expect_success 'history rewritten: a rebase that drops the commit that made it private' '
	git -C p rebase -q --onto "$(git -C p rev-parse ":/Ratios are mine")^" \
		":/Ratios are mine" &&
	! git -C p log --format=%s | grep "Ratios are mine" &&
	same_as_fresh &&
	grep Ratios out.text
'

# The bytes of each record of path in the cache that says "private",
# made to say "not private": a cache that trusted its records without
# their checksum would show what was private.
flip_private () {
	python3 - "$1" "$2" <<-\EOF
	import sys
	path, name = sys.argv[1], sys.argv[2].encode() + b"\0"
	data = bytearray(open(path, "rb").read())
	i, n = 0, 0
	while True:
	    i = data.find(name, i)
	    if i < 0:
	        break
	    i += len(name)
	    if data[i] == 2:
	        data[i] = 1
	        n += 1
	open(path, "wb").write(data)
	sys.exit(n == 0)
	EOF
}

test_expect_success 'a record changed on disk is read from git again' '
	pl -C p report --for family >/dev/null &&
	flip_private p/.git/pl/version-cache goals/health.md &&
	same_as_fresh &&
	! grep Health out.text out.json out.html
'

test_expect_success 'a cache cut short, of another version or not a file: as without it' '
	pl -C p report --for family >/dev/null &&
	size=$(wc -c <p/.git/pl/version-cache) &&
	head -c $((size / 2)) p/.git/pl/version-cache >short &&
	mv short p/.git/pl/version-cache &&
	same_as_fresh &&
	sed -i "1s/^pl version cache 1/pl version cache 9/" \
		p/.git/pl/version-cache &&
	same_as_fresh &&
	rm -f p/.git/pl/version-cache &&
	mkdir p/.git/pl/version-cache &&
	same_as_fresh &&
	rmdir p/.git/pl/version-cache
'

test_expect_success 'a walk of all history keeps the versions history still has alone' '
	pl -C p report --for family >/dev/null &&
	cp p/.git/pl/version-cache before &&
	grep -q gone-tomorrow before &&
	git -C p reset -q --hard ":/evidence: add quiz" &&
	pl -C p report --for family >/dev/null &&
	test "$(wc -c <p/.git/pl/version-cache)" -lt "$(wc -c <before)" &&
	! grep gone-tomorrow p/.git/pl/version-cache &&
	same_as_fresh
'

test_done
