#!/bin/sh
test_description='the man pages agree with --help, and their examples run'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

docs=$PL_SOURCE_ROOT/docs

# Roff text as a reader sees it: the escapes the pages use undone.
unroff() {
	sed -e 's/\\-/-/g' -e 's/\\(em/--/g' -e 's/\\&//g' -e 's/\\e/\\/g' \
	    -e "s/\\\\(aq/'/g" -e 's/\\f[BIRP]//g'
}

# The SYNOPSIS lines of a page, one usage line each.
synopsis() {
	awk '/^\.SH/ { on = ($2 == "SYNOPSIS") ; next }
	    on && !/^\./ { print }' "$1" | unroff
}

# The usage lines --help prints.
help_usage() {
	sed -n -e 's/^usage: //p' -e 's/^   or: //p'
}

# The EXAMPLES section as "$ command" lines, each followed by the output
# the page shows for it.
examples() {
	awk '/^\.SH/ { on = ($2 == "EXAMPLES"); next }
	    on && /^\.(EX|nf)/ { ex = 1; next }
	    on && /^\.(EE|fi)/ { ex = 0; print "$$END"; next }
	    on && ex { print }' "$1" | unroff
}

# The tour in README.md in the same form: its indented lines, a command
# continued with "\\" joined into one line.
readme_tour() {
	awk -v section="${1:-A short tour}" '$0 == "## " section { on = 1; next }
	    on && /^(- |##)/ { exit }
	    on && /^$/ { blank += inblock; next }
	    on && !/^    / { blank = inblock = 0 }
	    on && /^    / {
		# a blank line between two indented ones is output too
		for (; blank > 0; blank--)
			print ""
		inblock = 1
		sub(/^    /, "")
		if (cont != "") { sub(/^ +/, ""); $0 = cont " " $0; cont = "" }
		if (/\\$/) { sub(/ *\\$/, ""); cont = $0; next }
		print
	    }
	    END { print "$$END" }' "$PL_SOURCE_ROOT/README.md"
}

# Runs the examples read on standard input in the current folder: each
# command must succeed and print what the page shows (nothing when it
# shows nothing), or, when the page shows "pl: ..." for it, fail with
# that message.  The work files are kept out of the way, in
# $TRASH_DIRECTORY/.ex, since an example may cd.
run_examples() {
	ex=$TRASH_DIRECTORY/.ex
	mkdir -p "$ex"
	cmd=
	: >"$ex/want"
	while IFS= read -r line || test -n "$line"; do
		case $line in
		'$ '*|'$$END')
			if test -n "$cmd"; then
				check_example "$cmd" || return 1
			fi
			cmd=
			: >"$ex/want"
			case $line in
			'$ '*) cmd=${line#'$ '} ;;
			esac
			;;
		*)
			printf '%s\n' "$line" >>"$ex/want" ;;
		esac
	done
	if test -n "$cmd"; then
		check_example "$cmd" || return 1
	fi
}

check_example() {
	echo "example: $1"
	if grep -q '^pl: ' "$ex/want"; then
		if eval "$1" >"$ex/out" 2>"$ex/err"; then
			echo "expected a failure"; return 1
		fi
		test_cmp "$ex/want" "$ex/err" || return 1
		test_must_be_empty "$ex/out" || return 1
	else
		eval "$1" >"$ex/out" 2>"$ex/err" || {
			cat "$ex/err"; return 1
		}
		test_must_be_empty "$ex/err" || return 1
		shown_output "$ex/want" "$ex/out" || return 1
	fi
}

# The output matches what a page shows, where a line "…" stands for any
# lines that follow, and "… " at the start of a line for a commit id.
shown_output() {
	if ! test -s "$1"; then
		test_must_be_empty "$2"
		return
	fi
	awk 'NR == FNR { w[++nw] = $0; next }
	    { a[++na] = $0 }
	    END {
		for (i = 1; i <= nw; i++) {
			if (w[i] == "…")
				exit 0
			if (i > na)
				exit 1
			if (w[i] ~ /^… /) {
				sub(/^… /, "", w[i])
				if (a[i] !~ /^[0-9a-f]+ /)
					exit 1
				sub(/^[0-9a-f]+ /, "", a[i])
			}
			if (w[i] != a[i])
				exit 1
		}
		exit na != nw
	    }' "$1" "$2" || {
		diff -u "$1" "$2"
		return 1
	}
}

for page in "$docs"/pl.1 "$docs"/pl-*.1; do
	name=$(basename "$page" .1)
	cmd=$(echo "$name" | sed -e 's/^pl-*//')
	test_expect_success "$name: SYNOPSIS is what --help prints" "
		synopsis '$page' >expect &&
		if test -z '$cmd'; then
			pl --help | help_usage >actual
		else
			pl $cmd --help | help_usage >actual
		fi &&
		test_cmp expect actual
	"
	test_expect_success "$name: the examples run as shown" "
		mkdir '$name' && cd '$name' &&
		pl init --name 'Maya Okafor' --grade 6 >/dev/null &&
		examples '$page' >script &&
		run_examples <script
	"
done

test_expect_success 'README: the tour runs as written, on no identity' '
	mkdir tour tour/home &&
	cd tour &&
	readme_tour >script &&
	grep -q "^\\$ pl init" script &&
	sed -e "s/2026-11-26/$(date +%F)/g" script >today &&
	(
		unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_AUTHOR_DATE \
			GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL \
			GIT_COMMITTER_DATE EMAIL &&
		HOME=$PWD/home &&
		export HOME &&
		test_must_fail git config user.name &&
		run_examples <today
	)
'

test_expect_success 'README: the teacher'"'"'s section runs as written' '
	mkdir teacher &&
	cd teacher &&
	readme_tour "For a teacher" >script &&
	grep -q "^\\$ pl report --roster" script &&
	sed -e "s/2026-11-26/$(date +%F)/g" script >today &&
	(
		unset GIT_AUTHOR_DATE GIT_COMMITTER_DATE &&
		run_examples <today
	)
'

test_done
