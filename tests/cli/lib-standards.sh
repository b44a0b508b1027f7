# Sourced after test-lib.sh by the scripts whose portfolios need standards
# committed before the work that is aligned to them.

# commit_standards DIR NAME: standard input as DIR/standards/NAME.csv,
# committed on its own as "standards: NAME", as a teacher would add a
# framework by hand.
commit_standards () {
	mkdir -p "$1/standards" &&
	cat >"$1/standards/$2.csv" &&
	git -C "$1" add standards &&
	git -C "$1" commit -q -m "standards: $2"
}

# The K-12 CCSS math framework (517 standards).
DATA="$PL_SOURCE_ROOT/tests/data/standards"

# ccss_learner DIR NAME [INIT-OPTION...]: a portfolio made by
# "pl init --name NAME INIT-OPTION... DIR" on the K-12 CCSS math
# framework, with the work t0173 counts by hand: a goal on 7.RP.A.1 and
# 8.EE.A.1, and evidence for it (2026-01-10) rated 4 on 7.RP.A.1 and
# aligned to 6.NS.A.1 too.
ccss_learner () {
	ccss_dir=$1 ccss_name=$2 &&
	shift 2 &&
	pl init --name "$ccss_name" "$@" "$ccss_dir" >/dev/null &&
	commit_standards "$ccss_dir" ccss-math <"$DATA/ccss_math.csv" &&
	pl -C "$ccss_dir" goal add --id ratios --standard 7.RP.A.1 \
		--standard 8.EE.A.1 "Ratios" >/dev/null &&
	pl -C "$ccss_dir" evidence add -m x --date 2026-01-10 --goal ratios \
		--id quiz "Quiz" >/dev/null &&
	pl -C "$ccss_dir" align rate quiz 7.RP.A.1 4 &&
	pl -C "$ccss_dir" align evidence quiz 6.NS.A.1
}
