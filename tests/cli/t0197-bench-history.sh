#!/bin/sh
test_description='tests/bench/gen-history makes a portfolio pl reads'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# The generator of the history benchmark: if its portfolios stopped being
# valid, the benchmark would time pl failing.  60 commits hold every kind
# of change, a hand commit and a merge.
command -v python3 >/dev/null 2>&1 ||
	test_skip_all 'python3 is missing'
GEN=$PL_SOURCE_ROOT/tests/bench/gen-history

test_expect_success 'gen-history 60 makes 60 commits, a clean main' '
	PL="$PL" python3 "$GEN" 60 p &&
	git -C p rev-list --count HEAD >actual &&
	echo 60 >expect &&
	test_cmp expect actual &&
	git -C p status --porcelain >actual &&
	test_must_be_empty actual &&
	git -C p rev-parse --abbrev-ref HEAD >actual &&
	echo main >expect &&
	test_cmp expect actual
'

test_expect_success 'the same N gives the same commits' '
	python3 "$GEN" --stream 60 >one &&
	python3 "$GEN" --stream 60 >two &&
	test_cmp one two
'

test_expect_success 'every kind of change, a merge, and a hand commit' '
	git -C p log --format=%s >subjects &&
	for s in "portfolio: init" "align: import" "goal: add" \
	    "goal: add step" "goal: done step" "goal: status" \
	    "evidence: add" "evidence: rate" "reflection: add" \
	    "Merge branch"; do
		grep -q "^$s" subjects || { echo "no $s" && return 1; }
	done &&
	git -C p log --format=%an --no-merges >authors &&
	sort -u authors >actual &&
	printf "%s\n" "Maya Okafor" "Mr Chen" "Ms Rivera" >expect &&
	test_cmp expect actual &&
	git -C p log --no-merges --format="%s|%(trailers:key=Pl-Kind)" \
		>kinds &&
	grep -v "|Pl-Kind" kinds >hand &&
	test_line_count -ge 1 hand
'

test_expect_success 'pl reads it: lists, status and the log' '
	pl -C p goal list >goals &&
	test_line_count -gt 3 goals &&
	pl -C p evidence list >evidence &&
	test_line_count -gt 3 evidence &&
	pl -C p reflect list >/dev/null &&
	pl -C p align status --format csv >status &&
	grep -q ",mastered,\|,not yet," status &&
	pl -C p log >log &&
	git -C p log --no-merges --format=%H >commits &&
	test_line_count -ge $(wc -l <commits) log
'

test_expect_success 'a file pl rewrites changes only where pl changes it' '
	f=$(grep -l "^ratings:" p/evidence/*.md | head -n 1) &&
	id=$(basename "$f" .md) &&
	code=$(sed -n "s/^standards: \[\([^],]*\).*/\1/p" "$f") &&
	pl -C p align rate --by "Ms Rivera <rivera@school.example>" \
		--date 2026-01-05 "$id" "$code" 2 &&
	git -C p diff HEAD^ HEAD >diff &&
	grep "^[-+]" diff >actual &&
	cat >expect <<-EOF &&
	--- a/evidence/$id.md
	+++ b/evidence/$id.md
	+- standard: $code
	+  level: 2
	+  by: Ms Rivera <rivera@school.example>
	+  date: 2026-01-05
	EOF
	test_cmp expect actual
'

test_done
