#!/bin/sh
test_description='the summaries of entries in .git/pl: what lists and goal show read for a file seen before, made again whenever its blob changes, never kept for a file gone'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

test_expect_success 'setup: goals, evidence and reflections, listed once' '
	pl init --name "Summary" p >/dev/null &&
	pl -C p goal add "Learn fractions" --id fractions --step "Add" \
		--step "Subtract" >/dev/null &&
	pl -C p goal add "Read more" --id reading --term long >/dev/null &&
	pl -C p evidence add "Fraction quiz" --id quiz --date 2026-11-20 \
		--goal fractions -m "Quiz." >/dev/null &&
	pl -C p evidence add "Book report" --id report --date 2026-11-21 \
		--goal reading -m "Report." >/dev/null &&
	pl -C p reflect add -m "Fractions make sense now." --date 2026-11-22 \
		--goal fractions >/dev/null &&
	pl -C p goal list >/dev/null &&
	pl -C p evidence list >/dev/null &&
	pl -C p reflect list >/dev/null &&
	for f in goals evidence reflections
	do
		test_path_is_file p/.git/pl/$f-summary || return 1
	done
'

test_expect_success 'a goal edited with plain git: list and show follow its new blob' '
	pl -C p goal show fractions >before &&
	grep "^steps: *0/2" before &&
	sed -e "s/^title: .*/title: Master fractions/" \
		-e "s/^status: active/status: paused/" \
		-e "s/- \[ \] Add/- [x] Add/" \
		p/goals/fractions.md >edited &&
	mv edited p/goals/fractions.md &&
	git -C p commit -q -a -m "Edited by hand" &&
	pl -C p goal list --status all >out &&
	grep "^fractions  *paused  *short  *1/2 .* Master fractions\$" out &&
	pl -C p goal show fractions >show &&
	head -n 1 show >title &&
	echo "Master fractions" >want &&
	test_cmp want title &&
	grep "^status: *paused\$" show &&
	grep "^steps: *1/2\$" show &&
	grep "^ *1\. \[x\] Add\$" show
'

test_expect_success 'a link added and one taken out by hand: goal show follows' '
	pl -C p goal show fractions >show &&
	grep "Fraction quiz  (quiz)" show &&
	sed "s/^goals: .*/goals: [reading]/" p/evidence/quiz.md >q &&
	mv q p/evidence/quiz.md &&
	sed "s/^goals: .*/goals: [fractions]/" p/evidence/report.md >r &&
	mv r p/evidence/report.md &&
	git -C p commit -q -a -m "Links moved by hand" &&
	pl -C p goal show fractions >show &&
	grep "Book report  (report)" show &&
	! grep "Fraction quiz" show &&
	pl -C p goal show --format json reading >json &&
	grep "\"title\": \"Fraction quiz\"" json
'

test_expect_success 'goal show sees what a full listing sees, reflections too' '
	pl -C p reflect list --goal fractions >want &&
	grep "Fractions make sense now." want &&
	pl -C p goal show fractions >show &&
	grep "Fractions make sense now.  (2026-11-22-" show &&
	sed "s/^goals: .*/goals: []/" p/reflections/*.md >x &&
	mv x p/reflections/2026-11-22-*.md &&
	git -C p commit -q -a -m "Unlinked by hand" &&
	pl -C p goal show fractions >show &&
	! grep "Fractions make sense" show
'

test_expect_success 'broken front matter warns on every read, the summaries do not hide it' '
	printf -- "---\ntitle: [broken\ngoals: [fractions]\n---\n" \
		>p/evidence/bad.md &&
	git -C p add evidence &&
	git -C p commit -q -m "Broken by hand" &&
	for i in 1 2
	do
		pl -C p goal show fractions >out 2>err &&
		test_must_be_empty err &&
		! grep bad out &&
		pl -C p evidence list >/dev/null 2>err &&
		grep "^pl: warning: evidence/bad.md:3: " err || return 1
	done &&
	git -C p rm -q evidence/bad.md &&
	git -C p commit -q -m "Gone"
'

test_expect_success 'an entry removed by hand leaves both caches at the next goal show' '
	pl -C p evidence add "Private notebook" --id notebook --goal reading \
		--date 2026-11-23 -m "Mine." >/dev/null &&
	pl -C p evidence list >/dev/null &&
	grep -c "Private notebook" p/.git/pl/evidence-summary &&
	grep -c "Private notebook" p/.git/pl/evidence-cache &&
	git -C p rm -q evidence/notebook.md &&
	git -C p commit -q -m "Removed by hand" &&
	pl -C p goal show fractions >/dev/null &&
	! grep "Private notebook" p/.git/pl/evidence-summary &&
	! grep "Private notebook" p/.git/pl/evidence-cache
'

# Each record of a text cache (lib/store/cache.c) is its blob's text.
texts_are_blobs () {
	python3 - "$1" <<-\PY
	import struct, subprocess, sys
	data = open(sys.argv[1], "rb").read()[:-4]
	p = len(b"pl text cache 1\n")
	while p < len(data):
	    oid, n = data[p:p + 20].hex(), struct.unpack("<I", data[p + 20:p + 24])[0]
	    blob = subprocess.run(["git", "-C", "p", "cat-file", "blob", oid],
	                          capture_output=True, check=True).stdout
	    assert blob == data[p + 24:p + 24 + n], oid
	    p += 24 + n
	PY
}

test_expect_success 'goal show parsing files it leaves out caches their texts right' '
	for i in 1 2 3 4 5 6
	do
		pl -C p evidence add "More $i" --goal reading -m "Text $i." \
			>/dev/null || return 1
	done &&
	rm -f p/.git/pl/evidence-* &&
	pl -C p goal show fractions >/dev/null &&
	texts_are_blobs p/.git/pl/evidence-cache &&
	pl -C p evidence list >out &&
	grep "More 6" out
'

test_expect_success 'a summary cache that cannot be trusted is made again, never an error' '
	pl -C p goal list --status all >expect &&
	cp p/.git/pl/goals-summary good &&
	for how in flip truncate header empty folder
	do
		rm -rf p/.git/pl/goals-summary &&
		cp good p/.git/pl/goals-summary &&
		case $how in
		flip)	printf "X" | dd of=p/.git/pl/goals-summary bs=1 \
				seek=60 conv=notrunc 2>/dev/null ;;
		truncate) head -c 100 good >p/.git/pl/goals-summary ;;
		header)	sed "1s/cache 1/cache 9/" good \
				>p/.git/pl/goals-summary ;;
		empty)	: >p/.git/pl/goals-summary ;;
		folder)	rm p/.git/pl/goals-summary &&
			mkdir p/.git/pl/goals-summary ;;
		esac &&
		pl -C p goal list --status all >out 2>err &&
		test_cmp expect out &&
		test_must_be_empty err &&
		pl -C p goal show fractions >/dev/null 2>err &&
		test_must_be_empty err || return 1
		test $how = folder || test_cmp good p/.git/pl/goals-summary ||
		return 1
	done &&
	rm -rf p/.git/pl/goals-summary
'

test_done
