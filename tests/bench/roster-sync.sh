#!/bin/sh
# The roster sync benchmark: pl roster sync cloning a class of N
# portfolios named by file:// URLs into an empty folder, on all cores and
# on one, against a loop of git clone of the same portfolios.
#
# Usage: tests/bench/roster-sync.sh [SIZES...]        (default: 100)
# Environment: PL (default build/pl), PL_BENCH_RUNS (default 5),
# PL_BENCH_COMMITS (default 300), TMPDIR.
#
# The class is gen-roster's, kept in ${TMPDIR:-/tmp}/pl-bench-roster/N as
# for roster.sh (its roster names folders, which pl roster sync leaves
# as they are: this one names each by file:// URL).  Interleaved, each
# run into a folder emptied first (not timed), medians of the runs:
#   pl_all     pl roster sync --clones DIR ROSTER            every core
#   pl_one     pl roster sync --clones DIR ROSTER --jobs 1   one core
#   git_url    git clone -q file://P, for every portfolio in one loop:
#              the same URL through git's transport (upload-pack,
#              index-pack)
#   git_path   git clone -q P: git's --local, hard links to the files
#   git_nohl   git clone -q --no-hardlinks P: --local, the files copied
# Wall time and CPU time (user+sys of the command and its children, GNU
# time), then pl's ratios to each git loop and the speed-up of all
# cores over one.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
PL=${PL:-$top/build/pl}
sizes=${*:-100}
commits=${PL_BENCH_COMMITS:-300}
cache=${TMPDIR:-/tmp}/pl-bench-roster
export HOME="$cache" GIT_CONFIG_NOSYSTEM=1 LC_ALL=C TZ=UTC

. "$top/tests/bench/lib.sh"
need_gnu_time
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

names="pl_all pl_one git_url git_path git_nohl"
run() {
	case $1 in
	pl_all)	"$PL" roster sync --clones "$work/to" "$work/urls.csv" ;;
	pl_one)	"$PL" roster sync --clones "$work/to" --jobs 1 \
		    "$work/urls.csv" ;;
	git_url|git_path|git_nohl)
		for p in "$dir"/portfolios/*; do
			case $1 in
			git_url) git clone -q "file://$p" \
			    "$work/to/${p##*/}" ;;
			git_path) git clone -q "$p" "$work/to/${p##*/}" ;;
			git_nohl) git clone -q --no-hardlinks "$p" \
			    "$work/to/${p##*/}" ;;
			esac || return 1
		done ;;
	esac >/dev/null 2>&1
}

# Interleaved runs, each into an empty folder: "name wall-ns cpu-ns"
# lines in $work/times.
measure_cpu() {
	i=0
	: >"$work/times"
	while [ $i -lt "$runs" ]; do
		for c in $names; do
			rm -rf "$work/to"
			mkdir "$work/to"
			s=$(now)
			/usr/bin/time -f "%U %S" -o "$work/cpu" \
			    sh -c '. "$1"; dir=$2 work=$3 PL=$4; run $5' sh \
			    "$work/run.sh" "$dir" "$work" "$PL" "$c" ||
				{ echo "${0##*/}: $c failed in $dir" >&2; exit 1; }
			e=$(now)
			awk -v c="$c" -v w=$((e - s)) '
			    { printf "%s %.0f %.0f\n", c, w, ($1 + $2) * 1e9 }' \
			    "$work/cpu" >>"$work/times"
		done
		i=$((i + 1))
	done
}

# The median of column $2 (2 wall, 3 CPU) of the command named $1, in ns.
median_of() {
	awk -v c="$1" -v k="$2" '$1 == c { print $k }' "$work/times" |
	    sort -n | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)] }'
}

scratch pl-bench-roster-sync
# run(), for the timed shell
{
	echo 'set -eu'
	sed -n '/^run() {$/,/^}$/p' "$0"
} >"$work/run.sh"

echo "pl roster sync of N file:// URLs into an empty folder, on all $cores"
echo "cores and with --jobs 1, against loops of git clone -q of the same"
echo "portfolios (file://P; P: hard links; --no-hardlinks P).  Medians:"
echo "wall and CPU (user+sys) in s; ratios pl / git."
for n in $sizes; do
	dir=$(class "$n")
	runs=${PL_BENCH_RUNS:-5}
	printf 'learner,portfolio\n' >"$work/urls.csv"
	for p in "$dir"/portfolios/*; do
		printf '%s,file://%s\n' "${p##*/}" "$p" >>"$work/urls.csv"
	done
	measure_cpu
	echo
	echo "$n learners, $runs runs"
	printf '%-10s %7s %7s\n' "" wall cpu
	for c in $names; do
		printf '%-10s %7.2f %7.2f\n' "$c" \
		    "$(median_of $c 2 | awk '{ print $1 / 1e9 }')" \
		    "$(median_of $c 3 | awk '{ print $1 / 1e9 }')"
	done
	for g in git_url git_path git_nohl; do
		for p in pl_all pl_one; do
			awk -v p="$p" -v g="$g" -v pw="$(median_of $p 2)" \
			    -v gw="$(median_of $g 2)" -v pc="$(median_of $p 3)" \
			    -v gc="$(median_of $g 3)" 'BEGIN {
				printf "%s / %s: wall %.2f, cpu %.2f\n", p, g,
				    pw / gw, pc / gc }'
		done
	done
	awk -v a="$(median_of pl_all 2)" -v o="$(median_of pl_one 2)" 'BEGIN {
		printf "speed-up of all cores over one (wall): %.2f\n", o / a }'
done
