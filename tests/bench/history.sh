#!/bin/sh
# The history benchmark: pl log (and pl report, when this build has it)
# against the git CLI on the same generated portfolios, in one run.
#
# Usage: tests/bench/history.sh [SIZES...]     (default: 300 5000 50000)
# Environment: PL (default build/pl), PL_BENCH_RUNS (default 5; 3 at
# 20,000 commits and more, where one run of git log --name-only takes
# seconds), TMPDIR.
#
# Each portfolio is made once by tests/bench/gen-history (pl's real
# format: goals, steps, evidence, two teachers' ratings, reflections,
# hand commits, merges) and kept in ${TMPDIR:-/tmp}/pl-bench-history/N
# for the next run; delete that folder after changing the generator.
# For each size the commands run interleaved (one run of each in turn,
# so a slow moment of the machine falls on all of them), output to
# /dev/null, and the median of the runs is printed:
#   pl log                   the whole timeline
#   pl report --since DATE   four weeks before the last commit (only
#                            when this build has pl report)
#   git log --name-only      history with the files each commit changed:
#                            what pl would cost if it diffed trees
#   git log --format=%B      the floor: reading every message once
# and the targets of /work/shared/PERFORMANCE.md as ratios:
#   pl/name-only  <= 0.2     pl reads trailers, not trees
#   pl/%B         <= 1.3     pl costs little more than reading messages
# with the peak RSS (GNU time's %M) of pl log and pl report, which should
# not grow with history.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
PL=${PL:-$top/build/pl}
sizes=${*:-300 5000 50000}
cache=${TMPDIR:-/tmp}/pl-bench-history
export HOME="$cache" GIT_CONFIG_NOSYSTEM=1 LC_ALL=C TZ=UTC

. "$top/tests/bench/lib.sh"
need_gnu_time
have_report=0
"$PL" report --help >/dev/null 2>&1 && have_report=1

# The portfolio of n commits, made once.
portfolio() {
	n=$1
	if ! [ -f "$cache/$n/.done" ]; then
		rm -rf "$cache/$n"
		mkdir -p "$cache"
		PL=$PL "$top/tests/bench/gen-history" "$n" "$cache/$n" >&2
		: >"$cache/$n/.done"
	fi
	echo "$cache/$n"
}

# The commands, by number: their names, and how each is run.
names="pl_log pl_report git_names git_msgs"
[ $have_report = 1 ] || names="pl_log git_names git_msgs"
run() {
	case $1 in
	pl_log)		"$PL" -C "$dir" log ;;
	pl_report)	"$PL" -C "$dir" report --since "$since" ;;
	git_names)	git -C "$dir" log --name-only ;;
	git_msgs)	git -C "$dir" log --format=%B ;;
	esac >/dev/null 2>&1
}

scratch pl-bench-history

echo "Targets (PERFORMANCE.md): pl log and pl report at most 0.2x git log"
echo "--name-only and at most 1.3x git log --format=%B; peak RSS flat as"
echo "history grows.  Medians of the runs, ms; RSS in MiB."
[ $have_report = 1 ] || echo "(this pl has no report command: pl report not measured)"
echo
printf '%7s %4s %9s %9s %9s %9s %8s %8s %8s %8s %7s %7s\n' \
    commits runs "pl log" "report" "name-only" "%B" \
    "log/nm" "log/%B" "rep/nm" "rep/%B" "log RSS" "rep RSS"
for n in $sizes; do
	dir=$(portfolio "$n")
	runs=${PL_BENCH_RUNS:-5}
	[ "$n" -ge 20000 ] && runs=${PL_BENCH_RUNS:-3}
	last=$(git -C "$dir" log -1 --format=%cd --date=short)
	since=$(date -u -d "$last -28 days" +%Y-%m-%d)
	measure
	log=$(median pl_log) names_t=$(median git_names) msgs=$(median git_msgs)
	rep=$(median pl_report)
	log_rss=$(rss "$PL" -C "$dir" log)
	rep_rss=
	[ $have_report = 1 ] && rep_rss=$(rss "$PL" -C "$dir" report \
	    --since "$since")
	awk -v n="$n" -v r="$runs" -v l="$log" -v p="${rep:-}" \
	    -v g="$names_t" -v m="$msgs" -v lr="$log_rss" -v pr="${rep_rss:-}" '
	function ms(x) { return x == "" ? "-" : sprintf("%.1f", x / 1e6) }
	function ratio(a, b) { return a == "" ? "-" : sprintf("%.2f", a / b) }
	function mib(x) { return x == "" ? "-" : sprintf("%.1f", x / 1024) }
	BEGIN {
		printf "%7d %4d %9s %9s %9s %9s %8s %8s %8s %8s %7s %7s\n",
		    n, r, ms(l), ms(p), ms(g), ms(m), ratio(l, g), ratio(l, m),
		    ratio(p, g), ratio(p, m), mib(lr), mib(pr)
	}'
done
