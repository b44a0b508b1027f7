#!/bin/sh
test_description='the system CA certificates are read only by a clone, fetch or push that may reach another machine, not at every start-up (lib/store/netinit.c)'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# libgit2 with mbedTLS reads them in git_libgit2_init(); with another
# TLS back end pl changes nothing.  strace says which files pl opens.
if ! ldd "$PL" 2>/dev/null | grep -q libmbedtls
then
	test_skip_all 'libgit2 does not use mbedTLS'
fi
if ! strace -f -o /dev/null true 2>/dev/null
then
	test_skip_all 'strace cannot trace here'
fi

# The files "pl ARGS" opens, one a line, whatever it exits with.
opened () {
	strace -f -qq -e trace=open,openat -o trace pl "$@" >/dev/null \
		2>pl.err
	sed -n 's/^[0-9]* *open[at]*(.*"\([^"]*\)".*= [0-9][0-9]*$/\1/p' \
		trace | sort -u
}

test_expect_success 'setup: a portfolio, a bare remote, the CA file a fetch of an https URL reads' '
	pl init --name "Ana Lima" ana >/dev/null &&
	pl -C ana goal add --id fr Fractions >/dev/null &&
	git clone -q --bare ana ana.git &&
	git -C ana remote add origin ../ana.git &&
	(cd ana && opened sync https://127.0.0.1:1/ana.git) >opens &&
	grep "failed to connect to 127.0.0.1" ana/pl.err &&
	grep -i "cert" opens >ca &&
	test_line_count = 1 ca
'

test_expect_success 'commands that open no connection never read it' '
	for c in "--version" "goal list" "goal show fr" "log -n 1" \
		"goal add Swim" "sync --no-push" "sync"
	do
		(cd ana && opened $c) >opens &&
		{ ! grep -F -x -f ca opens || return 1; }
	done &&
	opened clone ana.git local >opens &&
	! grep -F -x -f ca opens &&
	test_path_is_file local/goals/fr.md
'

test_expect_success 'a clone or a fetch of a URL reads it before connecting' '
	opened clone https://127.0.0.1:1/ana.git remote >opens &&
	grep -F -x -f ca opens &&
	grep "failed to connect to 127.0.0.1" pl.err &&
	test_path_is_missing remote &&
	(cd ana && opened sync http://127.0.0.1:1/ana.git) >opens &&
	grep -F -x -f ca opens &&
	(cd ana && git remote set-url origin https://127.0.0.1:1/ana.git &&
		opened sync) >opens &&
	grep -F -x -f ca opens
'

test_done
