#!/bin/sh
test_description='tests/bench/gen-roster makes a class of portfolios pl reads'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# The generator of the roster benchmark: if its roster or portfolios were
# wrong, the benchmark would time pl reporting errors.  3 learners of
# about 20 commits each keep it quick.
command -v python3 >/dev/null 2>&1 ||
	test_skip_all 'python3 is missing'
GEN=$PL_SOURCE_ROOT/tests/bench/gen-roster
HIST=$PL_SOURCE_ROOT/tests/bench/gen-history

test_expect_success 'gen-roster 3 makes the roster, groups in turn' '
	python3 "$GEN" 3 c 20 &&
	cat >expect <<-\EOF &&
	learner,portfolio,group,teacher,notes
	Daniel Jensen,portfolios/daniel-jensen,7A,Ms Rivera,
	Lara Evans,portfolios/lara-evans,7B,Mr Chen,
	Ruby Novak,portfolios/ruby-novak,7C,Ms Adeyemi,
	EOF
	test_cmp expect c/roster.csv &&
	ls c c/portfolios >actual &&
	cat >expect <<-\EOF &&
	c:
	portfolios
	roster.csv

	c/portfolios:
	daniel-jensen
	lara-evans
	ruby-novak
	EOF
	test_cmp expect actual
'

test_expect_success 'each portfolio is its learner, and pl reads it' '
	for p in daniel-jensen:"Daniel Jensen" lara-evans:"Lara Evans" \
	    ruby-novak:"Ruby Novak"; do
		id=${p%%:*} name=${p#*:} dir=c/portfolios/${p%%:*} &&
		pl -C "$dir" goal list >goals &&
		test_line_count -ge 1 goals &&
		pl -C "$dir" evidence list >/dev/null &&
		pl -C "$dir" profile show >profile &&
		sed -n "1p;/^id:/p" profile >actual &&
		printf "%s\nid:        %s\n" "$name" "$id" >expect &&
		test_cmp expect actual &&
		git -C "$dir" log --no-merges --format=%an >authors &&
		grep -v "^M[rs] " authors | sort -u >actual &&
		echo "$name" >expect &&
		test_cmp expect actual &&
		n=$(git -C "$dir" rev-list --count HEAD) &&
		test "$n" -ge 16 && test "$n" -le 24 &&
		git -C "$dir" status --porcelain >actual &&
		test_must_be_empty actual || return 1
	done
'

test_expect_success 'the same N and COMMITS give the same commits' '
	python3 "$GEN" 3 d 20 &&
	test_cmp c/roster.csv d/roster.csv &&
	for c in c d; do
		for p in $c/portfolios/*; do
			git -C "$p" rev-parse HEAD || return 1
		done >$c.heads || return 1
	done &&
	test_cmp c.heads d.heads &&
	PL_GEN_SEED=15 python3 "$GEN" 3 e 20 &&
	! cmp -s c/roster.csv e/roster.csv
'

test_expect_success 'notes with a comma are quoted; COMMITS at least 10' '
	python3 "$GEN" 14 f 10 &&
	sed -n "15p" f/roster.csv >actual &&
	cat >expect <<-\EOF &&
	Elif Da Silva,portfolios/elif-da-silva,7B,Mr Chen,"EAL, second year"
	EOF
	test_cmp expect actual &&
	sed 1d f/roster.csv | cut -d, -f3 | uniq -c | sort -u >actual &&
	printf "%7d 7A\n%7d 7B\n%7d 7C\n" 1 1 1 >expect &&
	test_cmp expect actual &&
	for p in f/portfolios/*; do
		git -C "$p" rev-list --count HEAD || return 1
	done | sort -n | sed -n "1p;\$p" >actual &&
	test "$(sed -n 1p actual)" -ge 10 && test "$(sed -n 2p actual)" -le 12
'

test_expect_success 'usage errors and a folder in use' '
	test_expect_code 2 python3 "$GEN" 2>err &&
	grep "^usage: gen-roster N DIR \[COMMITS\]" err &&
	test_expect_code 2 python3 "$GEN" 3 g 9 &&
	test_expect_code 2 python3 "$GEN" 0 g &&
	test_path_is_missing g &&
	test_expect_code 1 python3 "$GEN" 3 c 20 2>err &&
	echo "gen-roster: c is not empty" >expect &&
	test_cmp expect err
'

test_expect_success 'gen-history --learner: default learner, default stream' '
	python3 "$HIST" --stream 60 >default &&
	python3 "$HIST" --learner "Maya Okafor <maya.okafor@student.example>" \
		--stream 60 >named &&
	test_cmp default named &&
	python3 "$HIST" --learner "Ana Lopez <ana@student.example>" \
		--stream 60 >ana &&
	! grep -i maya ana &&
	grep "^Pl-Id: ana-lopez$" ana &&
	test_expect_code 2 python3 "$HIST" --learner "no email" --stream 60
'

test_done
