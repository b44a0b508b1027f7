#!/bin/sh
# The framework benchmark: commands that name a few codes of a framework
# of N rows, against the git CLI reading the same framework.
#
# Usage: tests/bench/framework.sh [ROWS...]        (default: 1000000)
# Environment: PL (default build/pl), PL_BENCH_RUNS (default 5), TMPDIR.
#
# A framework of ROWS standards ("S<i>,d", awk; 1,000,000 fit the 16 MiB
# a file may have) is imported
# into a fresh portfolio; one untimed goal add builds the index
# (.git/pl/standards-BLOB), as the first command after an import does.
# Then, interleaved, medians, output to /dev/null:
#   pl goal add --standard S<ROWS/2>        one code named
#   pl report --format json                 the standards of the work
#   git cat-file -p HEAD:standards/big.csv  the framework read once
#   git grep -F S<ROWS/2> HEAD -- standards the code found by git
# with the ratios and the peak RSS (GNU time's %M) of each; and the time
# and RSS of the import and of the first read, which builds the index.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
PL=${PL:-$top/build/pl}
sizes=${*:-1000000}
runs=${PL_BENCH_RUNS:-5}
. "$top/tests/bench/lib.sh"
need_gnu_time
scratch pl-bench-framework
export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example.com

names="goal report cat grep"
n=0
run() {
	case $1 in
	goal)	n=$((n + 1)); "$PL" -C "$dir" goal add --id "g$n" \
		    --standard "$code" "Goal $n" >/dev/null ;;
	report)	"$PL" -C "$dir" report --format json >/dev/null ;;
	cat)	git -C "$dir" cat-file -p HEAD:standards/big.csv >/dev/null ;;
	grep)	git -C "$dir" grep -F -q "$code" HEAD -- standards ;;
	esac
}

# secs NS: NS nanoseconds in seconds, 3 decimals
secs() { awk -v t="$1" 'BEGIN { printf "%.3f", t / 1e9 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

for rows in $sizes; do
	dir=$work/p$rows
	code=S$((rows / 2))
	awk -v n="$rows" 'BEGIN { print "code,description";
		for (i = 0; i < n; i++) printf "S%d,d\n", i }' \
	    >"$work/fw.csv"
	"$PL" init --name Bench "$dir" >/dev/null
	s=$(now)
	imp=$(rss "$PL" -C "$dir" align import --framework big "$work/fw.csv")
	e=$(now)
	echo "$rows rows ($(wc -c <"$work/fw.csv") bytes)"
	echo "  import: $(secs $((e - s))) s, $imp KiB"
	s=$(now)
	first=$(rss "$PL" -C "$dir" goal add --id first --standard "$code" F)
	e=$(now)
	echo "  first read (builds the index): $(secs $((e - s))) s, $first KiB"
	"$PL" -C "$dir" evidence add -m x --id e --standard "$code" E >/dev/null
	"$PL" -C "$dir" align rate e "$code" 3
	measure
	for c in $names; do
		eval "t_$c=\$(median $c)"
	done
	for c in $names; do
		eval "t=\$t_$c"
		case $c in
		goal)	r=$(rss "$PL" -C "$dir" goal add --id r --standard "$code" R)
			git -C "$dir" reset -q --hard HEAD~1 ;;
		report)	r=$(rss "$PL" -C "$dir" report --format json) ;;
		cat)	r=$(rss git -C "$dir" cat-file -p HEAD:standards/big.csv) ;;
		grep)	r=$(rss git -C "$dir" grep -F -q "$code" HEAD -- standards) ;;
		esac
		echo "  $c: $(secs "$t") s, $r KiB"
	done
	echo "  goal add / git cat-file: $(ratio "$t_goal" "$t_cat")"
	echo "  goal add / git grep: $(ratio "$t_goal" "$t_grep")"
	echo "  report / git cat-file: $(ratio "$t_report" "$t_cat")"
done
