# Helpers shared by the benchmarks (history.sh, roster.sh), sourced.  The
# caller makes $work with scratch, sets names (the commands, in the order
# they run), runs (rounds), and defines run NAME, which runs one command
# with its output thrown away.

# The clock, in ns.
now() { date +%s%N; }

# Interleaved runs: one of each command in turn, so that a slow moment of
# the machine falls on all of them.  Leaves "name ns" lines in
# $work/times; a command that fails stops the benchmark.
measure() {
	i=0
	: >"$work/times"
	while [ $i -lt "$runs" ]; do
		for c in $names; do
			s=$(now)
			run $c || { echo "${0##*/}: $c failed${dir:+ in $dir}" >&2; \
			    exit 1; }
			e=$(now)
			echo "$c $((e - s))" >>"$work/times"
		done
		i=$((i + 1))
	done
}

# The median time of the command named $1, in ns.
median() {
	awk -v c="$1" '$1 == c { print $2 }' "$work/times" | sort -n |
	    awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)] }'
}

# Peak resident set, in KiB, of one run of the command line given.
rss() {
	/usr/bin/time -f %M -o "$work/rss" sh -c 'exec "$@" >/dev/null 2>&1' \
	    sh "$@" && tail -n 1 "$work/rss"
}

# GNU time measures the peak RSS.
need_gnu_time() {
	if ! [ -x /usr/bin/time ]; then
		echo "${0##*/}: GNU time (/usr/bin/time) is needed" >&2
		exit 1
	fi
}

# The scratch folder $work, named after $1, removed on exit.
scratch() {
	work=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
	trap 'rm -rf "$work"' EXIT
}
