#!/bin/sh
# The roster benchmark: pl report --roster on a class of N portfolios, on
# all cores and on one, against the git CLI reading the same portfolios.
#
# Usage: tests/bench/roster.sh [SIZES...]        (default: 200 2000)
# Environment: PL (default build/pl), PL_BENCH_RUNS (default 5; 3 for
# 1,000 learners and more), PL_BENCH_COMMITS (default 300), TMPDIR.
#
# Each class is made once by tests/bench/gen-roster (roster.csv and N
# portfolios of about 300 commits in pl's real format, every one
# distinct) and kept in ${TMPDIR:-/tmp}/pl-bench-roster/N for the next
# run; delete that folder after changing a generator.  One untimed run of
# pl report --roster first writes each portfolio's caches (.git/pl/), as
# the first report of a school's day would.  Then, interleaved, output
# to /dev/null, medians of the runs:
#   pl report --roster roster.csv --format csv            every core
#   pl report --roster roster.csv --format csv --jobs 1   one core
#   git -C P log --format=%B, for every portfolio P in one loop: the
#     floor of reading each history once, one process after another
# with the cost per portfolio, the speed-up of all cores over one, the
# peak RSS (GNU time's %M) of both pl runs, and what 50,000 learners
# would take: linear from the cost per portfolio at the largest size
# measured, on this machine's cores and in core-seconds (one core's time;
# divide by the cores of the machine that runs it).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
PL=${PL:-$top/build/pl}
sizes=${*:-200 2000}
commits=${PL_BENCH_COMMITS:-300}
cache=${TMPDIR:-/tmp}/pl-bench-roster
export HOME="$cache" GIT_CONFIG_NOSYSTEM=1 LC_ALL=C TZ=UTC

. "$top/tests/bench/lib.sh"
need_gnu_time
# The option table is --help: a pl without the roster report does not
# list --roster (running it would tell only a usage error from others).
have_roster=0
"$PL" report --help 2>/dev/null | grep -q -e '--roster' && have_roster=1
cores=$(getconf _NPROCESSORS_ONLN)

# The class of n learners, made once; gen-roster writes roster.csv last.
class() {
	n=$1
	if ! [ -f "$cache/$n/roster.csv" ]; then
		rm -rf "$cache/$n"
		mkdir -p "$cache"
		"$top/tests/bench/gen-roster" "$n" "$cache/$n" "$commits" >&2
	fi
	echo "$cache/$n"
}

names="pl_all pl_one git_loop"
[ $have_roster = 1 ] || names=git_loop
run() {
	case $1 in
	pl_all)	(cd "$dir" && "$PL" report --roster roster.csv --format csv) ;;
	pl_one)	(cd "$dir" && "$PL" report --roster roster.csv --format csv \
		    --jobs 1) ;;
	git_loop)
		for p in "$dir"/portfolios/*; do
			git -C "$p" log --format=%B || return 1
		done ;;
	esac >/dev/null 2>&1
}

scratch pl-bench-roster

echo "pl report --roster ROSTER --format csv on all $cores cores and with"
echo "--jobs 1, against git log --format=%B on each portfolio in turn."
echo "Medians of the runs: s in all, ms per portfolio; RSS in MiB."
[ $have_roster = 1 ] ||
	echo "(this pl has no pl report --roster: git alone measured)"
echo
printf '%8s %4s %7s %7s %7s %7s %7s %7s %8s %6s %7s %7s\n' \
    learners runs "pl" "pl -j1" "git" "pl/p" "-j1/p" "git/p" \
    "speed-up" "pl/git" "RSS" "RSS -j1"
for n in $sizes; do
	dir=$(class "$n")
	runs=${PL_BENCH_RUNS:-5}
	[ "$n" -ge 1000 ] && runs=${PL_BENCH_RUNS:-3}
	if [ $have_roster = 1 ] && ! run pl_all; then
		echo "roster.sh: pl report --roster failed in $dir" >&2
		exit 1
	fi
	measure
	all=$(median pl_all) one=$(median pl_one) git=$(median git_loop)
	rss_all= rss_one=
	if [ $have_roster = 1 ]; then
		cd "$dir"
		rss_all=$(rss "$PL" report --roster roster.csv --format csv)
		rss_one=$(rss "$PL" report --roster roster.csv --format csv \
		    --jobs 1)
		cd "$top"
	fi
	awk -v n="$n" -v r="$runs" -v a="$all" -v o="$one" -v g="$git" \
	    -v ra="$rss_all" -v ro="$rss_one" '
	function s(x) { return x == "" ? "-" : sprintf("%.2f", x / 1e9) }
	function per(x) { return x == "" ? "-" : sprintf("%.2f", x / 1e6 / n) }
	function ratio(x, y) { return x == "" ? "-" : sprintf("%.2f", x / y) }
	function mib(x) { return x == "" ? "-" : sprintf("%.1f", x / 1024) }
	BEGIN {
		printf "%8d %4d %7s %7s %7s %7s %7s %7s %8s %6s %7s %7s\n",
		    n, r, s(a), s(o), s(g), per(a), per(o), per(g),
		    ratio(o, a), ratio(a, g), mib(ra), mib(ro)
	}'
	last_n=$n last_all=$all last_one=$one
done
[ $have_roster = 1 ] || exit 0
echo
awk -v n="$last_n" -v a="$last_all" -v o="$last_one" -v c="$cores" '
function t(x) {
	return x < 120 ? sprintf("%.0f s", x) : sprintf("%.1f min", x / 60)
}
BEGIN {
	printf "50,000 learners, from %d: %s on these %d cores; " \
	    "%s of one core\n", n, t(a / 1e9 / n * 50000), c,
	    t(o / 1e9 / n * 50000)
	printf "(%.0f core-seconds: divide by the cores of the machine " \
	    "that runs it)\n", o / 1e9 / n * 50000
}'
