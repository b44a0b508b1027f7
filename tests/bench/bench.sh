#!/bin/sh
# Benchmarks pl against the git CLI on generated portfolios, in one run,
# and prints each ratio on its own line (PERFORMANCE.md's targets):
#   one change  (pl goal add vs git add + git commit of the same file)
#   attachment  (pl evidence add --file of 256 KiB vs git add + git
#               commit of the same file)
#   start-up    (pl goal list on a small portfolio vs git log -1)
#   listing     (pl goal list of every goal vs git reading every goal
#               file: ls-tree piped to cat-file --batch)
#   framework   (pl align import of a generated 10,000-row framework, a
#               new one each run; its time, which should be well under a
#               second)
#   status      (pl align status on 1,000 pieces of evidence with 2,000
#               ratings of 500 standards, aligned through 50 goals too;
#               its time, which should be well under a second)
#   history     (pl log of the whole history vs git log --format=%B, the
#               floor: reading every message once)
# Usage: tests/bench/bench.sh [PL] [COMMITS...]   (default 300 5000)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
PL=${1:-$top/build/pl}
[ $# -gt 0 ] && shift
sizes=${*:-300 5000}
work=$(mktemp -d "${TMPDIR:-/tmp}/pl-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example.com
export HOME=$work GIT_CONFIG_NOSYSTEM=1
runs=${PL_BENCH_RUNS:-15}

now() { date +%s%N; }

# A portfolio of n commits, one goal or evidence file added or changed in
# each, with pl's trailers, made with git fast-import.
generate() {
	n=$1 dir=$2
	git init -q "$dir"
	awk -v n="$n" 'BEGIN {
		t = 1700000000
		print "commit refs/heads/main"
		print "committer Bench <bench@example.com> " t " +0000"
		msg = "portfolio: init bench\n\nStarted.\n\nPl-Kind: portfolio\nPl-Action: init\nPl-Id: bench\n"
		printf "data %d\n%s\n", length(msg), msg
		cfg = "[portfolio]\n\tversion = 1\n"
		printf "M 100644 inline .plconfig\ndata %d\n%s\n", length(cfg), cfg
		prof = "---\nname: Bench\nid: bench\nstarted: 2024-01-01\n---\n"
		printf "M 100644 inline profile.md\ndata %d\n%s\n", length(prof), prof
		for (i = 1; i < n; i++) {
			kind = (i % 3 == 0) ? "evidence" : "goal"
			dir = (kind == "goal") ? "goals" : "evidence"
			id = kind "-" (i % 2000)
			msg = kind ": add " id "\n\nAdded.\n\nPl-Kind: " kind "\nPl-Action: add\nPl-Id: " id "\n"
			print "commit refs/heads/main"
			print "committer Bench <bench@example.com> " (t + i) " +0000"
			printf "data %d\n%s\n", length(msg), msg
			body = "---\ntitle: Item " i "\nterm: short\nstatus: active\ncreated: 2024-01-01\nstandards: []\n---\n\n## Steps\n\n- [ ] one\n- [x] two\n"
			printf "M 100644 inline %s/%s.md\ndata %d\n%s\n", dir, id, length(body), body
		}
	}' | git -C "$dir" fast-import --quiet
	git -C "$dir" checkout -q main
}

# Median of the times (ns) of running "$@" $runs times.
median() {
	i=0
	while [ $i -lt "$runs" ]; do
		s=$(now); "$@" >/dev/null 2>&1; e=$(now)
		echo $((e - s))
		i=$((i + 1))
	done | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

pl_add() { "$PL" -C "$dir" goal add "Bench goal $(now)"; }
git_add() {
	f=goals/git-$(now).md
	printf -- '---\ntitle: x\n---\n' >"$dir/$f"
	git -C "$dir" add "$f" && git -C "$dir" commit -q -m "goal: add x"
}
pl_attach() {
	"$PL" -C "$dir" evidence add --file "$work/attach.bin" -m x "B $(now)"
}
git_attach() {
	f=att-$(now).bin
	cp "$work/attach.bin" "$dir/$f"
	git -C "$dir" add "$f" && git -C "$dir" commit -q -m "evidence: add x"
}
pl_list() { "$PL" -C "$dir" goal list; }
git_log1() { git -C "$dir" log -1 --format=%B; }
pl_log() { "$PL" -C "$dir" log; }
git_log_messages() { git -C "$dir" log --format=%B; }
git_read_goals() {
	git -C "$dir" ls-tree --name-only HEAD goals/ | sed 's/^/HEAD:/' |
	    git -C "$dir" cat-file --batch
}

ratio() { awk -v a="$2" -v b="$3" -v what="$1" \
	'BEGIN { printf "%-44s %8.1f ms  git %8.1f ms  ratio %.2f\n", what, a / 1e6, b / 1e6, a / b }'; }

head -c 262144 /dev/urandom >"$work/attach.bin"
dir=$work/small
generate 20 "$dir"
ratio "start-up, 20 commits (pl goal list)" \
    "$(median pl_list)" "$(median git_log1)"
for n in $sizes; do
	dir=$work/p$n
	generate "$n" "$dir"
	ratio "history, $n commits (pl log)" \
	    "$(median pl_log)" "$(median git_log_messages)"
	ratio "one change, $n commits (pl goal add)" \
	    "$(median pl_add)" "$(median git_add)"
	ratio "attachment, $n commits (pl evidence add)" \
	    "$(median pl_attach)" "$(median git_attach)"
	ratio "listing, $n commits (pl goal list, all)" \
	    "$(median pl_list)" "$(median git_read_goals)"
done

# A framework of 10,000 standards: 100 domains of 99 standards, with
# quoted statements holding commas, as real ones do.
awk 'BEGIN {
	print "code,parent,grade,subject,description"
	for (d = 1; d <= 100; d++) {
		print "B." d ",," (d % 12 + 1) ",Bench,Domain " d
		for (k = 1; k < 100; k++)
			print "B." d "." k ",B." d "," (d % 12 + 1) ",Bench,\"Do " \
			    k " things, in domain " d ", and explain why.\""
	}
}' >"$work/framework.csv"
dir=$work/small
pl_import() {
	"$PL" -C "$dir" align import --framework "f$(now)" "$work/framework.csv"
}
median pl_import | awk '{ printf "%-44s %8.1f ms\n", \
    "framework, 10,000 rows (pl align import)", $1 / 1e6 }'

# 1,000 pieces of evidence, each aligned to a standard and serving a goal,
# rated twice: 2,000 ratings of 500 standards, in one commit.
rated() {
	dir=$1
	git init -q "$dir"
	awk 'BEGIN {
		print "commit refs/heads/main"
		print "committer Bench <bench@example.com> 1700000000 +0000"
		msg = "bench: rated portfolio\n"
		printf "data %d\n%s\n", length(msg), msg
		cfg = "[portfolio]\n\tversion = 1\n"
		printf "M 100644 inline .plconfig\ndata %d\n%s\n", length(cfg), cfg
		prof = "---\nname: Bench\nid: bench\nstarted: 2024-01-01\n---\n"
		printf "M 100644 inline profile.md\ndata %d\n%s\n", length(prof), prof
		csv = "code,parent,grade,subject,description\n"
		for (k = 0; k < 500; k++)
			csv = csv "S." k ",," (k % 12 + 1) ",Bench,Standard " k "\n"
		printf "M 100644 inline standards/bench.csv\ndata %d\n%s\n", length(csv), csv
		for (g = 0; g < 50; g++) {
			body = "---\ntitle: Goal " g "\nterm: short\nstatus: active\ncreated: 2024-01-01\nstandards: [S." (g * 10) ", S." (g * 10 + 1) "]\n---\n"
			printf "M 100644 inline goals/g%d.md\ndata %d\n%s\n", g, length(body), body
		}
		for (i = 0; i < 1000; i++) {
			body = sprintf("---\ntitle: Work %d\ndate: 2024-%02d-%02d\nkind: artifact\ngoals: [g%d]\nstandards: [S.%d]\nfiles: []\nratings:\n", i, i % 12 + 1, i % 28 + 1, i % 50, i % 500)
			for (r = 0; r < 2; r++)
				body = body sprintf("- standard: S.%d\n  level: %d\n  by: T <t@x>\n  date: 2024-12-%02d\n", (i + r * 250) % 500, (i + r) % 4 + 1, r + 1)
			body = body "---\n\nDid it.\n"
			printf "M 100644 inline evidence/e%d.md\ndata %d\n%s\n", i, length(body), body
		}
	}' | git -C "$dir" fast-import --quiet
	git -C "$dir" checkout -q main
}
rated "$work/rated"
pl_status() { "$PL" -C "$work/rated" align status; }
pl_status >/dev/null
median pl_status | awk '{ printf "%-44s %8.1f ms\n", \
    "status, 1,000 evidence, 2,000 ratings", $1 / 1e6 }'
