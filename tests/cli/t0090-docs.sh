#!/bin/sh
test_description='the man pages agree with --help, and their examples run'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

. "$TEST_DIRECTORY/lib-docs.sh"

docs=$PL_SOURCE_ROOT/docs

for page in "$docs"/pl.1 "$docs"/pl-*.1; do
	name=$(basename "$page" .1)
	cmd=$(echo "$name" | sed -e 's/^pl-*//')
	# the examples run in a portfolio, but those that make one outside
	# (where pl init does not warn of a nested one)
	inside="pl init --name 'Maya Okafor' --grade 6 >/dev/null"
	case $name in
	pl-init|pl-clone) inside=: ;;
	esac
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
		$inside &&
		examples '$page' >script &&
		run_examples <script
	"
done

command -v man >/dev/null && test_set_prereq MAN

test_expect_success MAN 'man -l renders every page at 80 columns, with no warning' '
	for page in "$docs"/pl.1 "$docs"/pl-*.1
	do
		MANWIDTH=80 man --warnings -l "$page" >out 2>err &&
		test_must_be_empty err &&
		grep -q "^NAME" out || return 1
	done
'

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
