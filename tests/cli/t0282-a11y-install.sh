#!/bin/sh
test_description='tests/a11y/check installs its packages again after an install cut short, and for a new lock'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# The check in a folder of its own, with the folders a cut-short npm ci
# leaves, and a node and an npm that only say they ran (no network).
test_expect_success 'setup' '
	mkdir -p a11y/node_modules/axe-core a11y/node_modules/puppeteer-core \
		bin &&
	cp "$PL_SOURCE_ROOT/tests/a11y/check" \
		"$PL_SOURCE_ROOT/tests/a11y/package.json" \
		"$PL_SOURCE_ROOT/tests/a11y/package-lock.json" a11y/ &&
	printf "#!/bin/sh\nexit 0\n" >bin/node &&
	cat >bin/npm <<-\EOF &&
	#!/bin/sh
	echo "npm $1" >>"$TRASH_DIRECTORY/npm.log"
	test -z "${NPM_FAILS:-}"
	EOF
	chmod +x bin/node bin/npm
'

test_expect_success 'folders without the stamp: npm ci runs, once' '
	PATH="$TRASH_DIRECTORY/bin:$PATH" sh a11y/check --install &&
	PATH="$TRASH_DIRECTORY/bin:$PATH" sh a11y/check --install &&
	echo "npm ci" >expect &&
	test_cmp expect npm.log
'

test_expect_success 'a new lock: npm ci runs again' '
	echo >>a11y/package-lock.json &&
	PATH="$TRASH_DIRECTORY/bin:$PATH" sh a11y/check --install &&
	printf "npm ci\nnpm ci\n" >expect &&
	test_cmp expect npm.log
'

test_expect_success 'npm ci failing: exit 2, said, and tried again next time' '
	echo " " >>a11y/package-lock.json &&
	test_expect_code 2 env NPM_FAILS=1 PATH="$TRASH_DIRECTORY/bin:$PATH" \
		sh a11y/check --install 2>err &&
	grep "^check: npm ci failed in " err &&
	PATH="$TRASH_DIRECTORY/bin:$PATH" sh a11y/check --install &&
	printf "npm ci\nnpm ci\nnpm ci\nnpm ci\n" >expect &&
	test_cmp expect npm.log
'

test_done
