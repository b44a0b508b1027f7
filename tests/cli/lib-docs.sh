# lib-docs.sh: reading the examples the documentation shows (README.md's
# indented blocks, the man pages' EXAMPLES) and running them as written.
# Sourced after test-lib.sh by t0090-docs.sh and t0242-sign-readme.sh.

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
# lines that follow, and "…" in a line for a commit id.
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
			if (index(w[i], "…") > 0) {
				re = w[i]
				gsub(/[][\\.^$*+?(){}|\/]/, "\\\\&", re)
				gsub(/…/, "[0-9a-f]+", re)
				if (a[i] !~ "^" re "$")
					exit 1
			} else if (w[i] != a[i])
				exit 1
		}
		exit na != nw
	    }' "$1" "$2" || {
		diff -u "$1" "$2"
		return 1
	}
}
