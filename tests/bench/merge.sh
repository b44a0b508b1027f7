#!/bin/sh
# The merge benchmark: pl merge-file (the merge by structure that git's
# merge driver and pl sync run) against git merge-file, the merge of
# the texts, on the same three files.
#
# Usage: tests/bench/merge.sh [SECTIONS...]     (default: 6000 60000)
# Environment: PL (default build/pl), PL_BENCH_RUNS (default 5), TMPDIR.
#
# Each file is a goal of N "## Part I" sections: ours changes the status
# and part 100, theirs part N*5/6 and adds a section before part N/2,
# so both sides changed the body and every section is matched by its
# heading.  Both commands write the merge to a copy of ours, made
# afresh before each run.  Interleaved runs; the medians, in ms, and
# their ratio.  The merge compared every section with every other at
# first: about 90 s at 40,000 sections.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
PL=${PL:-$top/build/pl}
sizes=${*:-6000 60000}
export LC_ALL=C

. "$top/tests/bench/lib.sh"

# sections N STATUS CHANGED ADDED: a goal of N sections.
sections() {
	awk -v n="$1" -v st="$2" -v changed="$3" -v added="$4" 'BEGIN {
		printf "---\ntitle: Long\nstatus: %s\n---\n", st
		for (i = 0; i < n; i++) {
			if (i == added)
				printf "## Added\n\nBy them.\n\n"
			c = i == changed ? " changed" : ""
			printf "## Part %d\n\nText %d%s.\n\n", i, i, c
		}
	}'
}

names="pl git"
run() {
	cp "$work/ours" "$work/out"
	case $1 in
	pl)	"$PL" merge-file "$work/base" "$work/out" "$work/theirs" \
		    goals/long.md ;;
	git)	git merge-file "$work/out" "$work/base" "$work/theirs" ;;
	esac >/dev/null 2>&1
}

scratch pl-bench-merge
runs=${PL_BENCH_RUNS:-5}
echo "pl merge-file against git merge-file, both sides changed the body."
echo "Medians of $runs runs, ms."
echo
printf '%9s %10s %9s %9s %7s\n' sections "file KiB" "pl" "git" "pl/git"
for n in $sizes; do
	sections "$n" active -1 -1 >"$work/base"
	sections "$n" met 100 -1 >"$work/ours"
	sections "$n" active $((n * 5 / 6)) $((n / 2)) >"$work/theirs"
	measure
	kib=$(($(wc -c <"$work/base") / 1024))
	awk -v n="$n" -v k="$kib" -v p="$(median pl)" -v g="$(median git)" '
	BEGIN {
		printf "%9d %10d %9.1f %9.1f %7.2f\n", n, k, p / 1e6,
		    g / 1e6, p / g
	}'
done
