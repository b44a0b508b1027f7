#!/bin/sh
test_description='pl log and report: merges of commits made in one second, commits without a sentence, caches with a record twice or of a failed walk'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# pl log's commits, newest first, as commit ids.
log_commits () {
	pl -C "$1" log --format json >log.json &&
	python3 -c "import json; print(\"\\n\".join(c[\"commit\"] \
		for c in json.load(open(\"log.json\"))))"
}

# Every commit in one second: base, then three on a branch and one on
# the main line, merged.  A walk by time alone, ties in the order
# queued, lists base between the branch's commits (git log does).
# Its changes: kind, action, id and what it says, one a line.
log_lines () {
	pl -C "$1" log --format json >log.json &&
	python3 -c "import json; print(\"\\n\".join(\" \".join((c[\"kind\"], \
		c[\"action\"], c[\"id\"], c[\"detail\"])) \
		for c in json.load(open(\"log.json\"))))"
}

test_expect_success 'setup: a branch merged, every commit in the same second' '
	pl init --name "Ana" p >/dev/null &&
	pl -C p goal add --id base Base >/dev/null &&
	git -C p checkout -q -b side &&
	for i in 1 2 3
	do
		pl -C p evidence add --id t$i -m "T$i." T$i >/dev/null || return 1
	done &&
	git -C p checkout -q master &&
	pl -C p goal add --id ours Ours >/dev/null &&
	git -C p merge -q --no-edit side &&
	git -C p log --format=%ct >times &&
	sort -u times >one &&
	test_line_count = 1 one
'

test_expect_success 'pl log: each commit before its parents, as git log --date-order' '
	git -C p log --date-order --no-merges --format=%H >expect &&
	log_commits p >actual &&
	test_cmp expect actual &&
	log_lines p >actual &&
	cat >expect <<-\EOF &&
	goal add ours Set a short-term goal: Ours.
	evidence add t3 Added artifact evidence from 2026-11-26: T3.
	evidence add t2 Added artifact evidence from 2026-11-26: T2.
	evidence add t1 Added artifact evidence from 2026-11-26: T1.
	goal add base Set a short-term goal: Base.
	portfolio init ana Started the portfolio of Ana.
	EOF
	test_cmp expect actual
'

test_expect_success 'pl report: the window in that order too' '
	pl -C p report --since 2026-11-26 >out &&
	sed -n "/^In the window$/,/^$/p" out >actual &&
	cat >expect <<-\EOF &&
	In the window
	  2026-11-26  goal set    Set a short-term goal: Ours. - Test Teacher
	  2026-11-26  evidence    Added artifact evidence from 2026-11-26: T3. - Test Teacher
	  2026-11-26  evidence    Added artifact evidence from 2026-11-26: T2. - Test Teacher
	  2026-11-26  evidence    Added artifact evidence from 2026-11-26: T1. - Test Teacher
	  2026-11-26  goal set    Set a short-term goal: Base. - Test Teacher

	EOF
	test_cmp expect actual
'

# The merge's two parents made in one second, a minute after their base.
test_expect_success 'a merge of two parents of one time: the first parent first, each time' '
	pl init --name "Bea" q >/dev/null &&
	pl -C q goal add --id base Base >/dev/null &&
	test_tick &&
	git -C q checkout -q -b side &&
	pl -C q goal add --id theirs Theirs >/dev/null &&
	git -C q checkout -q master &&
	pl -C q goal add --id ours Ours >/dev/null &&
	test_tick &&
	git -C q merge -q --no-edit side &&
	git -C q log --date-order --no-merges --format=%H >expect &&
	log_commits q >actual &&
	test_cmp expect actual &&
	log_commits q >again &&
	test_cmp actual again &&
	log_lines q >actual &&
	cat >expect <<-\EOF &&
	goal add ours Set a short-term goal: Ours.
	goal add theirs Set a short-term goal: Theirs.
	goal add base Set a short-term goal: Base.
	portfolio init bea Started the portfolio of Bea.
	EOF
	test_cmp expect actual
'

# A pl commit is read by its trailers; its sentence is the paragraph
# after the subject.  Without one, the subject says what happened.
test_expect_success 'a pl commit with no sentence, a subject alone, a subject and blank lines' '
	pl init --name "Cai" c >/dev/null &&
	mkdir c/goals &&
	printf -- "---\ntitle: Read\nstatus: active\n---\n" >c/goals/read.md &&
	git -C c add goals &&
	printf "goal: add read\n\nPl-Kind: goal\nPl-Action: add\nPl-Id: read\n" |
	git -C c commit -q -F - &&
	mkdir c/evidence &&
	printf -- "---\ntitle: Poster\ndate: 2026-11-26\n---\nA poster.\n" \
		>c/evidence/poster.md &&
	git -C c add evidence &&
	git -C c commit -q -m "Add a poster" &&
	printf -- "---\ntitle: Sing\nstatus: active\n---\n" >c/goals/sing.md &&
	git -C c add goals &&
	printf "goal: add sing\n\n\n\n" |
	git -C c commit -q --cleanup=verbatim -F - &&
	log_lines c >actual &&
	cat >expect <<-\EOF &&
	goal add sing goal: add sing
	evidence add poster Add a poster
	goal add read goal: add read
	portfolio init cai Started the portfolio of Cai.
	EOF
	test_cmp expect actual &&
	pl -C c report --since 2026-11-26 >out &&
	sed -n "/^In the window$/,/^$/p" out >actual &&
	cat >expect <<-\EOF &&
	In the window
	  2026-11-26  goal set    goal: add sing - Test Teacher
	  2026-11-26  evidence    Add a poster - Test Teacher
	  2026-11-26  goal set    goal: add read - Test Teacher

	EOF
	test_cmp expect actual
'

# c's log cache holds its two hand commits: the goal sing, the poster.
test_expect_success 'a log cache with a commit twice, or a change twice in one: ignored whole, written again' '
	cp c/.git/pl/log-cache good &&
	poster=$(git -C c rev-parse HEAD~1) &&
	grep "^$poster 1\$" good &&
	log_lines c >expect &&
	{ cat good && printf "%s 1\nAgoals/fake.md\n" $poster; } \
		>c/.git/pl/log-cache &&
	log_lines c >actual &&
	test_cmp expect actual &&
	sort good >want &&
	sort c/.git/pl/log-cache >now &&
	test_cmp want now &&
	{ sed "s/^$poster 1\$/$poster 2\nAevidence\/poster.md/" good; } \
		>c/.git/pl/log-cache &&
	grep -c "^Aevidence/poster.md\$" c/.git/pl/log-cache >n &&
	echo 2 >two &&
	test_cmp two n &&
	pl -C c report --since 2026-11-26 --format json >out.json &&
	python3 -c "import json; print(len(json.load(open(\"out.json\"))[\"events\"]))" \
		>n &&
	echo 3 >three &&
	test_cmp three n &&
	sort c/.git/pl/log-cache >now &&
	test_cmp want now
'

test_expect_success 'a text cache with a record twice, its checksum right: ignored whole' '
	pl -C c goal list >expect &&
	python3 - c/.git/pl/goals-cache <<-\PY &&
	import struct, sys, zlib
	path = sys.argv[1]
	data = open(path, "rb").read()
	head, body = b"pl text cache 1\n", data[16:-4]
	recs, p = [], 0
	while p < len(body):
	    n = struct.unpack("<I", body[p + 20:p + 24])[0]
	    recs.append(body[p:p + 24 + n])
	    p += 24 + n
	fake = [r.replace(b"title: Sing", b"title: Fake") for r in recs]
	dup = [r for r in fake if b"Fake" in r]
	assert len(dup) == 1
	out = head + b"".join(sorted(fake + dup))
	open(path, "wb").write(out + struct.pack("<I", zlib.crc32(out)))
	PY
	pl -C c goal list >actual &&
	test_cmp expect actual &&
	! grep Fake c/.git/pl/goals-cache
'

# A hand commit whose evidence folder cannot be read: the walk fails
# after it read the goals folder, and must not keep that half.
test_expect_success 'a walk that fails keeps no record of the commit it failed on' '
	pl init --name "Dee" d >/dev/null &&
	mkdir d/goals d/evidence &&
	printf -- "---\ntitle: Aim\nstatus: active\n---\n" >d/goals/aim.md &&
	printf -- "---\ntitle: Work\ndate: 2026-11-26\n---\nIt.\n" \
		>d/evidence/work.md &&
	git -C d add goals evidence &&
	git -C d commit -q -m "Aim and work" &&
	tree=$(git -C d rev-parse HEAD:evidence) &&
	obj=d/.git/objects/$(echo $tree | cut -c1-2)/$(echo $tree | cut -c3-) &&
	test_path_is_file $obj &&
	mv $obj saved &&
	test_must_fail pl -C d log >out 2>err &&
	test_stderr_starts_pl err &&
	{
		test_path_is_missing d/.git/pl/log-cache ||
		! grep "$(git -C d rev-parse HEAD)" d/.git/pl/log-cache
	} &&
	mv saved $obj &&
	log_lines d >actual &&
	cat >expect <<-\EOF &&
	goal add aim Aim and work
	evidence add work Aim and work
	portfolio init dee Started the portfolio of Dee.
	EOF
	test_cmp expect actual
'

test_done
