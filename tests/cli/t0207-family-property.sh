#!/bin/sh
test_description='the family view is the learner view of the portfolio rewritten without what it leaves out'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# For portfolios made at random (tests/cli/family-model.py: private
# goals, evidence and reflections, renamed, removed and re-linked over
# time, by pl and by hand), the family view of each as-of day and window
# must equal, field by field, the learner view of the same portfolio
# rewritten without the entries the rule of pl-report(1) leaves out
# (worked out by the model, not by pl) and without the links to them.
# The model rewrites the history as git filter-branch --prune-empty
# --tree-filter would, through git fast-export and fast-import.
model="$TEST_DIRECTORY/family-model.py"

# rewrite SEED DAY: rw-SEED-DAY, the portfolio up to DAY's commit without
# what the model says the family view leaves out as of DAY.
rewrite () {
	python3 "$model" hidden p$1.model $2 >hidden-$1-$2 &&
	git -C p$1 log --format="%H %cd" --date=short >log-$1 &&
	at=$(awk -v d=$2 "\$2 <= d { print \$1; exit }" log-$1) &&
	python3 "$model" rewrite hidden-$1-$2 p$1 $at rw-$1-$2
}

# check SEED DAY [SINCE]: the family view against the rewritten learner's.
check () {
	name=$1-$2-${3:-all} &&
	window= &&
	if test -n "${3:-}"; then window="--since $3"; fi &&
	pl -C p$1 report --as-of $2 $window --for family --format json \
		>family-$name.json &&
	pl -C rw-$1-$2 report --as-of $2 $window --for learner \
		--format json >rewritten-$name.json &&
	python3 "$model" compare family-$name.json rewritten-$name.json
}

# Three portfolios with PL_TEST_LONG=1, one by default.
seeds=1
if test "${PL_TEST_LONG:-0}" = 1
then
	seeds="1 2 3"
fi
for seed in $seeds; do
	test_expect_success "portfolio $seed: made at random" '
		python3 "$model" build p'$seed' '$seed' &&
		git -C p'$seed' log --format=%cd --date=short >days &&
		test $(wc -l <days) -gt 40
	'

	test_expect_success "portfolio $seed: the family view of each day and window is the learner view without what is left out" '
		git -C p'$seed' log --reverse --format=%cd --date=short |
		uniq >days &&
		n=$(wc -l <days) &&
		last=$(sed -n "${n}p" days) &&
		mid=$(sed -n "$((n / 2))p" days) &&
		early=$(sed -n "$((n / 4))p" days) &&
		rewrite '$seed' $last &&
		test -s hidden-'$seed'-$last &&
		rewrite '$seed' $mid &&
		check '$seed' $last &&
		check '$seed' $last $mid &&
		check '$seed' $mid &&
		check '$seed' $mid $early &&
		check '$seed' $last $last
	'
done

test_done
