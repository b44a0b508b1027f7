#!/bin/sh
test_description='the commit cache: pl log, pl report and pl verify read .git/pl/commit-cache as they read git, after new commits and after a rebase that removes one'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# Runs "pl ARGS" in p, with its caches as they are, and in a copy of p
# without the commit cache (every commit read from git): the outputs and
# exit codes must be the same.  Leaves the output in out.
same_as_git () {
	rm -rf q &&
	cp -R p q &&
	rm -f q/.git/pl/commit-cache &&
	{ pl -C p "$@" >out 2>err; echo "exit $?" >>out; } &&
	{ pl -C q "$@" >expect 2>err.q; echo "exit $?" >>expect; } &&
	test_cmp expect out &&
	test_cmp err.q err
}

# Every output the walk makes: log in each format, report in each view
# and format, verify.
all_same_as_git () {
	for f in text csv json
	do
		same_as_git log --format $f || return 1
	done &&
	for v in learner teacher family
	do
		for f in text json
		do
			same_as_git report --for $v --format $f || return 1
		done
	done &&
	same_as_git log -n 2 &&
	same_as_git verify
}

test_expect_success 'setup: commits made with pl and with git, a merge' '
	pl init --name "Ana Lima" p >/dev/null &&
	test_tick &&
	pl -C p goal add --id fractions --step "Halves" "Fractions" >/dev/null &&
	test_tick &&
	git -C p checkout -q -b side &&
	pl -C p reflect -m "Halves are easy." --goal fractions >/dev/null &&
	test_tick &&
	git -C p checkout -q - &&
	echo "More." >>p/goals/fractions.md &&
	git -C p commit -q -am "Tidy the goal" &&
	test_tick &&
	git -C p merge -q --no-edit side &&
	test_tick &&
	pl -C p goal done fractions 1 >/dev/null
'

test_expect_success 'the first walk writes the cache; the next ones read it' '
	test_path_is_missing p/.git/pl/commit-cache &&
	pl -C p log >first &&
	test_path_is_file p/.git/pl/commit-cache &&
	grep -q "Tidy the goal" p/.git/pl/commit-cache &&
	all_same_as_git &&
	pl -C p log >again &&
	test_cmp first again
'

test_expect_success 'after new commits (pl and plain git): what git has' '
	test_tick &&
	pl -C p goal add --id ratios "Ratios" >/dev/null &&
	test_tick &&
	echo "Notes." >>p/goals/ratios.md &&
	git -C p commit -q -am "Notes on ratios" &&
	all_same_as_git &&
	pl -C p log -n 1 --format json >out &&
	grep "\"commit\": *\"$(git -C p rev-parse HEAD)\"" out &&
	grep -q "Notes on ratios" p/.git/pl/commit-cache
'

test_expect_success 'a rebase that removes a commit: gone from pl and from the cache' '
	test_tick &&
	echo "Private." >>p/goals/ratios.md &&
	git -C p commit -q -am "Secret xyzzy plan" &&
	test_tick &&
	pl -C p evidence add -m x --goal ratios --id quiz "Quiz" >/dev/null &&
	pl -C p log >out &&
	grep "xyzzy" out &&
	grep -q "xyzzy" p/.git/pl/commit-cache &&
	git -C p rebase -q --onto HEAD~2 HEAD~1 &&
	pl -C p log >out &&
	! grep "xyzzy" out &&
	! grep "xyzzy" p/.git/pl/commit-cache &&
	all_same_as_git &&
	pl -C p report >/dev/null &&
	! grep "xyzzy" p/.git/pl/commit-cache
'

test_expect_success 'a walk that stops early keeps every record' '
	git -C p branch -q old HEAD~1 &&
	git -C p reset -q --hard HEAD~1 &&
	test_tick &&
	git -C p commit -q --allow-empty -m "Later" &&
	pl -C p log -n 1 >/dev/null &&
	git -C p log --format=%s old -1 >subject &&
	grep -q -f subject p/.git/pl/commit-cache &&
	pl -C p log --rev old >/dev/null &&
	grep -q -f subject p/.git/pl/commit-cache
'

test_expect_success 'a broken cache is read from git, then written again' '
	printf "pl commit cache 1\n\377\377" >p/.git/pl/commit-cache &&
	all_same_as_git &&
	grep -q "Later" p/.git/pl/commit-cache &&
	printf "pl commit cache 9\n" >p/.git/pl/commit-cache &&
	same_as_git log &&
	test_path_is_file p/.git/pl/commit-cache &&
	pl -C p log >out &&
	grep -q "Tidy the goal" p/.git/pl/commit-cache
'


# What the trailers give: pl log in each format, pl report.
trailers_same_as_git () {
	for f in text csv json
	do
		same_as_git log --format $f || return 1
	done &&
	same_as_git report --format json
}

# A commit made with git in tr/p whose message is tr/msg.
commit_msg () {
	test_tick &&
	git -C tr/p commit -q --allow-empty -F ../msg
}

test_expect_success 'setup: trailers in every form git reads (version 2 keeps them parsed)' '
	mkdir tr &&
	pl init --name "Ana Lima" tr/p >/dev/null &&
	test_tick &&
	pl -C tr/p goal add --id fractions --step "Halves" "Fractions" >/dev/null &&
	for m in \
		"goal: edit fractions\n\nFirst line of the sentence.\nsecond line\n\nPl-Kind: goal\nPl-Action: edit\nPl-Id: first\nPl-Id: fractions\nPl-Goal: a\nSigned-off-by: X <x@example>\nPl-Goal: b\nPl-Standard: S.1\nPl-Standard: S.2\n" \
		"evidence: rate\n\nPl-Kind: evidence\nPl-Action: rate\nPl-Id: quiz\nPl-Standard: MATH.1\nPl-Level: 3\nPl-Rater: Mr Chen\n  <chen@school.example>\n" \
		"no blank line before\nPl-Kind: goal\nPl-Action: add\nPl-Id: lost\n" \
		"goal: status\n\nPl-Kind:goal\nPl-Action:  status  \nPl-Id: fractions\nPl-Status: done\nPl-Old-Id: old-fractions\n" \
		"reflection\n\n\n\nSentence after blank lines.\n\nPl-Kind: reflection\nPl-Action: add\nPl-Id: r1\nPl-Goal: fractions\n" \
		"kind empty\n\nPl-Kind:\nPl-Id: x\n" \
		"Only a subject, no trailers"
	do
		printf "$m" >tr/msg &&
		commit_msg || return 1
	done
'

test_expect_success 'trailers: pl log and pl report print from the cache what git has' '
	(
		cd tr &&
		pl -C p log >/dev/null &&
		head -c 18 p/.git/pl/commit-cache >header &&
		printf "pl commit cache 2\n" >expect &&
		test_cmp expect header &&
		trailers_same_as_git &&
		pl -C p log --format json >out &&
		grep "\"id\":\"fractions\",\"old_id\":\"old-fractions\"" out &&
		grep "\"goals\":\[\"a\",\"b\"\],\"standards\":\[\"S.1\",\"S.2\"\]" out &&
		grep "First line of the sentence" out &&
		grep "Sentence after blank lines" out
	)
'

test_expect_success 'a file of the version before: read from git, written again' '
	(
		cd tr &&
		pl -C p log >expect &&
		{ printf "pl commit cache 1\n" &&
		  tail -c +19 p/.git/pl/commit-cache; } >old &&
		cp old p/.git/pl/commit-cache &&
		pl -C p log >out &&
		test_cmp expect out &&
		head -c 18 p/.git/pl/commit-cache >header &&
		printf "pl commit cache 2\n" >expect &&
		test_cmp expect header &&
		trailers_same_as_git
	)
'

test_done
