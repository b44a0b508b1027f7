# test-lib.sh: the harness every tests/cli/tNNNN-*.sh script sources, in
# the style of git's t/test-lib.sh.  It prints TAP for meson.
#
# A script sets test_description, sources this file, runs tests and ends
# with test_done:
#
#	test_description='what these tests cover'
#	. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"
#
#	test_expect_success 'goal add prints the id' '
#		pl goal add "Read more" >actual &&
#		echo read-more >expect &&
#		test_cmp expect actual
#	'
#	test_done
#
# Environment (set by tests/meson.build): PL, the pl binary;
# TEST_DIRECTORY, this folder; PL_SOURCE_ROOT, the source tree.
# Optional: PL_WRAPPER, a command the pl on PATH runs pl under;
# PL_TEST_LONG=1, every point of the fault loops (test_fault_points).
# Options: -v prints each test's output; -x traces its commands too.
#
# Each script gets a fresh directory from mktemp -d, its "trash"
# directory, and every test body runs there, in a subshell (so a cd or a
# variable set in one test does not reach the next; files do), with
# set -e, its output kept in a log that is printed ("# " lines, on
# stderr, which meson --print-errorlogs shows) when the test fails.
# Write bodies as git does, every command joined by &&: a body is first
# run as "(exit 117) && BODY", and a test whose &&-chain is broken fails
# with "broken &&-chain" (git's old chain lint).  Use "|| return 1" in
# loops, and wrap a top-level "a || b" in { }.
#
# The trash directory is removed when every test passed and kept, its
# path printed as a TAP comment, when one failed.
#
# Functions for test bodies:
#   pl ARGS...			runs $PL (a wrapper in $TRASH_DIRECTORY/.bin,
#				first on PATH)
#   test_expect_code N CMD...	CMD must exit with status N
#				(git's form: a command inside a body)
#   test_must_fail CMD...	CMD must fail normally: status 1-125,
#				not 126/127 (not run) nor >128 (a signal,
#				e.g. a sanitizer's abort)
#   test_might_fail CMD...	as test_must_fail, but success is fine
#   test_cmp EXPECT ACTUAL	diff -u
#   test_must_be_empty FILE
#   test_line_count OP N FILE	e.g. test_line_count = 3 actual
#   test_path_is_file / test_path_is_dir / test_path_is_missing PATH
#   test_stderr_starts_pl FILE	FILE's first line starts with "pl: "
#   test_tick			advances the author and committer dates
#				by 60 s, as git's test_tick
#   next_day			advances them to the next day (a minute
#				earlier than test_tick's time of day)
#   on DAY			sets them to DAY (YYYY-MM-DD), 10:00 UTC
#   test_when_finished CMD	runs CMD when the test ends, pass or fail
#   write_script FILE <BODY	an executable sh script (for EDITOR)
#   body_of FILE		the Markdown after a file's front matter
#   front_matter_of FILE	the YAML between a file's "---" lines
#   commit_count		git rev-list --count HEAD
#   commit_message [REV]	the commit's message, exactly as stored
#   before / same_as_before	record HEAD and the status of the
#				portfolio p, then check that nothing moved
#   $SQ			a single quote, for messages that quote
#				("pl: unknown goal ${SQ}x${SQ}")
#   faulty ARGS...		runs $PL under the fault injector
#				(tests/fault/fault.c; PL_FAULT_AT=N fails
#				the Nth write, PL_FAULT_SIGNAL=S kills there)
#   test_fault_points [--stages] FILE
#				the write points to try, one number a
#				line, from FILE, the PL_FAULT_KINDS list
#				of a run without a fault (its first
#				process's writes): every point
#				when PL_TEST_LONG=1 (sh .ci/setup test
#				long), else a sample: the first point of
#				each kind (the call and the file it
#				writes, its numbers and hashes left out)
#				and the last point; --stages: each write
#				of pl's journal (.git/pl.lock, which says
#				how far a change got) is a kind of its own,
#				for the tests that kill pl
#   test_fault_count FILE	the number of writes in FILE (of its first
#				process), as above
#   test_fault_missed FILE N	true when the run that wrote FILE
#				(PL_FAULT_COUNT) made fewer than N writes:
#				the fault at N never came (the number of
#				writes varies a little from run to run:
#				git makes a folder for an object's first
#				two hex digits only once)
#   test_cache_faults CACHE ARGS...
#				pl ARGS writes .git/pl/CACHE of portfolio
#				p (CACHE: one name, or several separated
#				by spaces): with a full disk, or killed, at
#				each write of a cache, the output is whole
#				and nothing is left but the caches
#
# Functions for scripts:
#   test_expect_success [PREREQ] DESC BODY
#   test_expect_failure [PREREQ] DESC BODY   a known breakage (TAP TODO;
#				.ci/setup counts it as a failure, and
#				fails the run, whether it fails or
#				passes: fix the bug instead)
#   test_set_prereq NAME, test_have_prereq NAME
#   test_skip_all REASON	(before any test) skips the whole script
#   test_done
#
# Run one script by hand: PL=/path/to/pl sh tests/cli/t0001-basics.sh [-v]
# (-v copies each body's output to stderr once it has run).

# Fixed identity, dates, locale, zone and configuration, so that commits
# and their ids are the same on every run.
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY \
	GIT_ALTERNATE_OBJECT_DIRECTORIES GIT_COMMON_DIR GIT_NAMESPACE \
	GIT_CONFIG GIT_CONFIG_PARAMETERS GIT_CONFIG_COUNT GIT_CONFIG_GLOBAL \
	GIT_CONFIG_SYSTEM GIT_EDITOR GIT_SEQUENCE_EDITOR GIT_TRACE \
	GIT_PREFIX GIT_REFLOG_ACTION GIT_TEMPLATE_DIR \
	EDITOR VISUAL EMAIL XDG_CONFIG_HOME CDPATH
GIT_CONFIG_NOSYSTEM=1
GIT_AUTHOR_NAME='Test Teacher'
GIT_AUTHOR_EMAIL='teacher@example.com'
GIT_COMMITTER_NAME='Test Teacher'
GIT_COMMITTER_EMAIL='teacher@example.com'
# 2026-11-26T10:00:00+00:00
test_tick_=1795687200
GIT_AUTHOR_DATE='2026-11-26T10:00:00+00:00'
GIT_COMMITTER_DATE='2026-11-26T10:00:00+00:00'
# git's chores, which no test looks at: no "git maintenance run --auto"
# after each git commit, no commit-graph and multi-pack-index checks (two
# more processes) in each git fsck.  pl does not read these variables.
GIT_CONFIG_COUNT=3
GIT_CONFIG_KEY_0=maintenance.auto
GIT_CONFIG_VALUE_0=false
GIT_CONFIG_KEY_1=core.commitGraph
GIT_CONFIG_VALUE_1=false
GIT_CONFIG_KEY_2=core.multiPackIndex
GIT_CONFIG_VALUE_2=false
GIT_PAGER=cat
PAGER=cat
GIT_TERMINAL_PROMPT=0
TZ=UTC
LC_ALL=C.UTF-8
LANG=C.UTF-8
# Under -Db_sanitize, a sanitizer's report must not pass for one of
# pl's own exit statuses (ASan and LSan exit 1 by default): abort, so
# test_must_fail and test_expect_code see a signal.  Later options win.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}abort_on_error=1"
UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}halt_on_error=1:abort_on_error=1"
export ASAN_OPTIONS UBSAN_OPTIONS
export GIT_CONFIG_COUNT GIT_CONFIG_KEY_0 GIT_CONFIG_VALUE_0 GIT_CONFIG_KEY_1 \
	GIT_CONFIG_VALUE_1 GIT_CONFIG_KEY_2 GIT_CONFIG_VALUE_2
export GIT_CONFIG_NOSYSTEM GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL \
	GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL GIT_AUTHOR_DATE \
	GIT_COMMITTER_DATE GIT_PAGER PAGER GIT_TERMINAL_PROMPT TZ LC_ALL LANG

test_verbose_=
test_trace_=
for test_arg_ in "$@"; do
	case $test_arg_ in
	-v|--verbose)
		test_verbose_=t ;;
	-x|--trace)
		test_trace_=t ;;
	esac
done

SQ="'"
test_count_=0
test_failed_=0
test_fixed_=0
test_broken_=0
test_prereqs_=' '
test_done_called_=

if test -z "${PL:-}"; then
	echo "Bail out! PL is not set (the pl binary; meson sets it)"
	exit 1
fi
case $PL in
/*)	;;
*)	PL=$(pwd)/$PL ;;
esac
if ! test -x "$PL"; then
	echo "Bail out! PL='$PL' is not an executable"
	exit 1
fi
export PL
TEST_DIRECTORY=${TEST_DIRECTORY:-$(cd "$(dirname "$0")" && pwd)}
# What libgit2 itself leaks (see lsan.supp).
LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$TEST_DIRECTORY/lsan.supp:print_suppressions=0"
export LSAN_OPTIONS
export TEST_DIRECTORY

test_name_=$(basename "$0" .sh)
TRASH_DIRECTORY=$(mktemp -d "${TMPDIR:-/tmp}/pl-$test_name_.XXXXXX") || {
	echo "Bail out! cannot make a temporary directory"
	exit 1
}
TRASH_DIRECTORY=$(cd "$TRASH_DIRECTORY" && pwd -P)
export TRASH_DIRECTORY
HOME=$TRASH_DIRECTORY/home
export HOME
mkdir "$HOME" "$TRASH_DIRECTORY/.log" || exit 1
# Repository discovery stops at the trash directory: nothing above it
# can be taken for the portfolio.
GIT_CEILING_DIRECTORIES=$(dirname "$TRASH_DIRECTORY")
export GIT_CEILING_DIRECTORIES
cd "$TRASH_DIRECTORY" || exit 1
# "pl" is a command on PATH, not a function, so that "EDITOR=x pl ..."
# passes EDITOR on and scripts run by pl (editors) can call it too.
# PL_WRAPPER, when set, is a command that runs pl (.ci/run sets it to
# tests/valgrind.sh).
# Without a wrapper it is a link, not a script: a suite runs pl some
# 10,000 times, and a shell before each is seconds.
mkdir "$TRASH_DIRECTORY/.bin" || exit 1
if test -n "${PL_WRAPPER:-}"
then
	printf '#!/bin/sh\nexec %s %s "$@"\n' "'$PL_WRAPPER'" "'$PL'" \
	    >"$TRASH_DIRECTORY/.bin/pl" &&
	chmod +x "$TRASH_DIRECTORY/.bin/pl"
else
	ln -s "$PL" "$TRASH_DIRECTORY/.bin/pl"
fi || exit 1
# PL_PYTHON (meson sets it: the Python that runs meson, Debian's with
# python3-yaml) is the tests' python3.  A python3 found first on PATH may
# be a version manager's shim that costs half a second a call.
if test -n "${PL_PYTHON:-}" && test -x "$PL_PYTHON"
then
	ln -s "$PL_PYTHON" "$TRASH_DIRECTORY/.bin/python3" || exit 1
fi
PATH=$TRASH_DIRECTORY/.bin:$PATH
export PATH

test_exit_trap_ () {
	if test -z "$test_done_called_"; then
		echo "Bail out! $test_name_ ended before test_done"
		echo "# trash directory kept: $TRASH_DIRECTORY"
	fi
}
trap 'test_exit_trap_' EXIT

# Prints a file as TAP comments.
test_comment_file_ () {
	sed -e 's/^/# /' "$1"
}


test_tick () {
	test_tick_=$((test_tick_ + 60))
	GIT_AUTHOR_DATE="$test_tick_ +0000"
	GIT_COMMITTER_DATE="$test_tick_ +0000"
	export GIT_AUTHOR_DATE GIT_COMMITTER_DATE
}

# next_day: the next day, a minute earlier (test_tick by 23 h 59 min).
next_day () {
	test_tick_=$((test_tick_ + 86340)) &&
	test_tick
}

on () {
	GIT_AUTHOR_DATE="$1T10:00:00+00:00" &&
	GIT_COMMITTER_DATE="$1T10:00:00+00:00" &&
	export GIT_AUTHOR_DATE GIT_COMMITTER_DATE
}

test_set_prereq () {
	test_prereqs_="$test_prereqs_$1 "
}

test_have_prereq () {
	case $test_prereqs_ in
	*" $1 "*)
		return 0 ;;
	esac
	return 1
}

# Cleanups run last registered first; one that fails fails the test.
test_when_finished () {
	test_cleanup_="{ $*
	} || { test \"\$test_exit_\" != 0 || test_exit_=1; }
	$test_cleanup_"
}

# test_expect_code N CMD...: CMD must exit with status N.
test_expect_code () {
	test_want_=$1
	shift
	test_got_=0
	"$@" || test_got_=$?
	if test "$test_got_" = "$test_want_"; then
		return 0
	fi
	echo >&2 "test_expect_code: '$*' exited with $test_got_, not" \
	    "$test_want_"
	return 1
}

test_must_fail_ () {
	test_ok_=$1
	shift
	test_got_=0
	"$@" || test_got_=$?
	if test "$test_got_" = 0; then
		test "$test_ok_" = success && return 0
		echo >&2 "test_must_fail: '$*' succeeded"
		return 1
	elif test "$test_got_" -gt 128; then
		echo >&2 "test_must_fail: '$*' died of signal" \
		    "$((test_got_ - 128))"
		return 1
	elif test "$test_got_" = 126 || test "$test_got_" = 127; then
		echo >&2 "test_must_fail: '$*' could not be run"
		return 1
	fi
	return 0
}

test_must_fail () {
	test_must_fail_ failure "$@"
}

test_might_fail () {
	test_must_fail_ success "$@"
}

test_cmp () {
	diff -u "$1" "$2"
}

# ASan wants to be the first library; the injector only wraps libc, so
# it is let load after.  The signals the injector raises act as they do
# by default whatever this shell was started with: a suite run with & or
# nohup has SIGINT or SIGHUP ignored, and pl leaves an ignored signal
# ignored, as nohup asks.
faulty () {
	env --default-signal=HUP,INT,QUIT,TERM LD_PRELOAD="$PL_FAULT_LIB" \
		ASAN_OPTIONS="$ASAN_OPTIONS:verify_asan_link_order=0" "$PL" "$@"
}

test_fault_points () {
	test_fp_stages_=0
	if test "$1" = --stages
	then
		test_fp_stages_=1
		shift
	fi
	# the first process's writes (an editor it runs counts its own)
	awk 'NR == 1 { pid = $2 } $2 == pid' "$1" >"$1.main" &&
	if test "${PL_TEST_LONG:-0}" = 1
	then
		cut -d" " -f1 "$1.main"
		return
	fi
	cut -d" " -f3- "$1.main" |
	sed "s|$TRASH_DIRECTORY/||; s| (deleted)\$||
		s#objects/[0-9a-f][0-9a-f]\(/\|\$\)#objects/HH\1#
		s|[0-9a-f]\{6,\}|H|g; s|[0-9]\{1,\}|N|g" >"$1.kinds" &&
	cut -d" " -f1 "$1.main" | paste - "$1.kinds" |
	awk -F "\t" -v stages=$test_fp_stages_ '{ k = $2 }
		stages && k ~ /^write .*pl-lock/ { k = k " " ++journal[k] }
		!(k in seen) { seen[k] = 1; print $1 }
		END { if (NR > 0) print $1 }' |
	sort -nu
}

test_fault_count () {
	awk 'NR == 1 { pid = $2 } $2 == pid { n++ } END { print n + 0 }' "$1"
}

test_fault_missed () {
	# the last line: pl outlives the editors it runs
	test -s "$1" && test "$(tail -n 1 "$1")" -lt "$2"
}

test_cache_faults () {
	test_cf_cache_=$1 &&
	shift &&
	pl "$@" >tcf-expect &&
	# the writes with the cache there, then with it to write: the
	# points to try are those in between
	rm -f tcf-count &&
	PL_FAULT_COUNT="$TRASH_DIRECTORY/tcf-count" faulty "$@" >/dev/null &&
	rm -rf p/.git/pl &&
	PL_FAULT_COUNT="$TRASH_DIRECTORY/tcf-count" faulty "$@" >/dev/null &&
	test_cf_m_=$(sed -n 1p tcf-count) &&
	test_cf_n_=$(sed -n 2p tcf-count) &&
	test "$test_cf_n_" -gt "$test_cf_m_" &&
	test_cf_i_=$((test_cf_m_ + 1)) &&
	printf "%s\n" $test_cf_cache_ >tcf-want &&
	while test $test_cf_i_ -le $test_cf_n_
	do
		rm -rf p/.git/pl &&
		(
			PL_FAULT_AT=$test_cf_i_ &&
			export PL_FAULT_AT &&
			faulty "$@" >tcf-out 2>tcf-err
		) &&
		test_cmp tcf-expect tcf-out &&
		test_must_be_empty tcf-err &&
		rm -rf p/.git/pl &&
		(
			PL_FAULT_AT=$test_cf_i_ PL_FAULT_SIGNAL=9 &&
			export PL_FAULT_AT PL_FAULT_SIGNAL &&
			test_expect_code 137 faulty "$@" >/dev/null 2>&1
		) &&
		pl "$@" >tcf-out 2>tcf-err &&
		test_cmp tcf-expect tcf-out &&
		test_must_be_empty tcf-err &&
		ls -A p/.git/pl >tcf-left &&
		test_cmp tcf-want tcf-left || return 1
		test_cf_i_=$((test_cf_i_ + 1))
	done
}

test_must_be_empty () {
	if ! test -f "$1"; then
		echo >&2 "'$1' is missing"
		return 1
	fi
	if test -s "$1"; then
		echo >&2 "'$1' is not empty; it holds:"
		cat >&2 "$1"
		return 1
	fi
}

test_line_count () {
	test_n_=$(($(wc -l <"$3")))
	if ! test "$test_n_" "$1" "$2"; then
		echo >&2 "test_line_count: $3 has $test_n_ lines, not $1 $2:"
		cat >&2 "$3"
		return 1
	fi
}

test_path_is_file () {
	if ! test -f "$1"; then
		echo >&2 "file '$1' does not exist"
		return 1
	fi
}

test_path_is_dir () {
	if ! test -d "$1"; then
		echo >&2 "folder '$1' does not exist"
		return 1
	fi
}

test_path_is_missing () {
	if test -e "$1" || test -L "$1"; then
		echo >&2 "'$1' exists and should not"
		ls -ld "$1" >&2
		return 1
	fi
}

# The first line of an error message is "pl: ...".
test_stderr_starts_pl () {
	if test "$(head -n 1 "$1" | cut -c1-4)" != "pl: "; then
		echo >&2 "stderr does not start with 'pl: ':"
		cat >&2 "$1"
		return 1
	fi
}

commit_count () {
	git rev-list --count HEAD
}

# write_script FILE <BODY: an executable sh script (for $EDITOR).
write_script () {
	{
		echo "#!/bin/sh" &&
		cat
	} >"$1" &&
	chmod +x "$1"
}

# The Markdown body of a portfolio file: what follows the front matter.
body_of () {
	sed -e '1,/^---$/d' "$1"
}

# The front matter of a portfolio file, without its "---" lines.
front_matter_of () {
	sed -n -e '2,/^---$/p' "$1" | sed -e '$d'
}

# HEAD, the index and the working tree of the portfolio p as they were:
# nothing committed, nothing written.
before () {
	git -C p rev-parse HEAD >head.before &&
	git -C p status --porcelain --untracked-files=all >status.before
}

same_as_before () {
	git -C p rev-parse HEAD >head.now &&
	test_cmp head.before head.now &&
	git -C p status --porcelain --untracked-files=all >status.now &&
	test_cmp status.before status.now
}

# The message of a commit exactly as stored (git log adds a newline).
commit_message () {
	git cat-file commit "${1:-HEAD}" | sed -e '1,/^$/d'
}

test_body_ () {
	eval "$1"
}

# Runs a body in a subshell with set -e and test_when_finished's
# cleanups; the subshell's status is the test's.
test_run_ () {
	(
		test_cleanup_=:
		trap 'test_exit_=$?; set +e; eval "$test_cleanup_";
		    exit "$test_exit_"' EXIT
		set -e
		if test -n "$test_trace_"; then
			set -x
		fi
		test_body_ "$1"
	)
}

test_log_ () {
	echo "$TRASH_DIRECTORY/.log/$test_count_"
}

# 0 when the body passes, after checking its &&-chain.
test_eval_ () {
	test_log_=$(test_log_)
	(
		set +e
		test_body_ "(exit 117) && $1"
	) >"$test_log_.lint" 2>&1 </dev/null
	test_lint_=$?
	if test "$test_lint_" != 117; then
		{
			echo "broken &&-chain in the test body (status" \
			    "$test_lint_ instead of 117):"
			cat "$test_log_.lint"
		} >"$test_log_"
		return 1
	fi
	# Not in an if or || list: set -e would be ignored in the body.
	test_run_ "$1" >"$test_log_" 2>&1 </dev/null
	test_rc_=$?
	if test -n "$test_verbose_"; then
		cat "$test_log_" >&2
	fi
	return "$test_rc_"
}

# test_expect_success [PREREQ] DESC BODY (and test_expect_failure)
test_expect_ () {
	test_want_ok_=$1
	shift
	test_prereq_=
	if test $# = 3; then
		test_prereq_=$1
		shift
	fi
	test_count_=$((test_count_ + 1))
	if test -n "$test_prereq_" && ! test_have_prereq "$test_prereq_"; then
		echo "ok $test_count_ # skip $1 (missing $test_prereq_)"
		return 0
	fi
	test_eval_ "$2"
	test_ok_=$?
	if test "$test_ok_" = 0; then
		if test "$test_want_ok_" = yes; then
			echo "ok $test_count_ - $1"
		else
			test_fixed_=$((test_fixed_ + 1))
			echo "ok $test_count_ - $1 # TODO known breakage vanished"
		fi
	elif test "$test_want_ok_" = yes; then
		test_failed_=$((test_failed_ + 1))
		echo "not ok $test_count_ - $1"
		# on stderr: meson drops TAP comments, but shows stderr
		echo >&2 "# not ok $test_count_ - $1"
		test_comment_file_ "$(test_log_)" >&2
	else
		test_broken_=$((test_broken_ + 1))
		echo "not ok $test_count_ - $1 # TODO known breakage"
	fi
	cd "$TRASH_DIRECTORY" || exit 1
}

test_expect_success () {
	test $# = 2 || test $# = 3 || {
		echo "Bail out! bug in the test script: test_expect_success" \
		    "takes [PREREQ] DESC BODY"
		exit 1
	}
	test_expect_ yes "$@"
}

test_expect_failure () {
	test $# = 2 || test $# = 3 || {
		echo "Bail out! bug in the test script: test_expect_failure" \
		    "takes [PREREQ] DESC BODY"
		exit 1
	}
	test_expect_ no "$@"
}

test_remove_trash_ () {
	chmod -R u+w "$TRASH_DIRECTORY" 2>/dev/null
	rm -rf "$TRASH_DIRECTORY"
}

test_skip_all () {
	echo "1..0 # SKIP $1"
	test_done_called_=t
	cd / && test_remove_trash_
	exit 0
}

test_done () {
	test_done_called_=t
	echo "1..$test_count_"
	if test "$test_broken_" != 0; then
		echo "# still have $test_broken_ known breakage(s)"
	fi
	if test "$test_failed_" != 0; then
		echo "# failed $test_failed_ among $test_count_ test(s)"
		echo "# trash directory kept: $TRASH_DIRECTORY"
		echo >&2 "# trash directory kept: $TRASH_DIRECTORY"
		exit 1
	fi
	cd / && test_remove_trash_
	exit 0
}

# Prerequisites the scripts may ask for.
if python3 -c 'import yaml' >/dev/null 2>&1; then
	test_set_prereq PYYAML
fi
if ln -s x "$TRASH_DIRECTORY/.symlink-probe" 2>/dev/null; then
	rm -f "$TRASH_DIRECTORY/.symlink-probe"
	test_set_prereq SYMLINKS
fi
if test "$(id -u)" != 0; then
	test_set_prereq SANITY
fi
