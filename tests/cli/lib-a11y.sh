# Sourced after test-lib.sh by the scripts that run the accessibility
# check (tests/a11y/check: axe-core in headless Chromium) over pages:
# t0280 and t0281.  Skips the script without node or Chromium, or when
# the check's packages cannot be installed (npm ci), except under CI,
# which must have them (.ci/setup test installs them): there a missing
# one fails.
a11y_check=$PL_SOURCE_ROOT/tests/a11y/check
a11y_missing=
command -v node >/dev/null || command -v nodejs >/dev/null ||
	a11y_missing='no node (Debian: apt-get install nodejs npm)'
test -n "$a11y_missing" ||
	command -v chromium >/dev/null || command -v chromium-browser >/dev/null ||
	a11y_missing='no chromium (Debian: apt-get install chromium)'
test -n "$a11y_missing" || "$a11y_check" --install 2>a11y-install.err ||
	a11y_missing="the check's packages are not installed: $(tail -n 1 a11y-install.err)"
if test -n "$a11y_missing"; then
	test -z "${CI:-}" || {
		echo "Bail out! CI must run the accessibility check: $a11y_missing"
		exit 1
	}
	test_skip_all "$a11y_missing"
fi

# a11y_check [--screenshots DIR] PAGE.html...: the check, its report in
# a11y.out (one line per page and violation, then "N pages, N
# violations"), kept in $PL_A11Y_PNG_DIR's screenshots when that is set.
a11y_check () {
	if test -n "${PL_A11Y_PNG_DIR:-}"; then
		set -- --screenshots "$PL_A11Y_PNG_DIR" "$@"
	fi
	"$a11y_check" "$@" >a11y.out
}
