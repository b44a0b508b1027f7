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

# Runs the examples read on standard input in the current folder: each
# command must succeed (or, when the page shows "pl: ..." for it, fail
# with that message), and print what the page shows, when it shows
# anything.
run_examples() {
	n=0
	cmd=
	: >want
	while IFS= read -r line || test -n "$line"; do
		case $line in
		'$ '*|'$$END')
			if test -n "$cmd"; then
				check_example "$cmd" || return 1
			fi
			cmd=
			: >want
			case $line in
			'$ '*) cmd=${line#'$ '} ;;
			esac
			;;
		*)
			printf '%s\n' "$line" >>want ;;
		esac
	done
	if test -n "$cmd"; then
		check_example "$cmd" || return 1
	fi
}

check_example() {
	echo "example: $1"
	if grep -q '^pl: ' want; then
		if eval "$1" >out 2>err; then
			echo "expected a failure"; return 1
		fi
		test_cmp want err || return 1
	else
		eval "$1" >out 2>err || { cat err; return 1; }
		if test -s want; then
			test_cmp want out || return 1
		fi
	fi
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

test_done
