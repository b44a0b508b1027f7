#!/bin/sh
test_description='pl sync against real servers: git daemon and smart HTTP, two clones diverging, merged by structure, nothing lost'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

command -v python3 >/dev/null || test_skip_all 'no python3'
test -x "$(git --exec-path)/git-daemon" || test_skip_all "no git daemon"

# The servers, each on a free port it prints once it listens (so reading
# the port is waiting for them to be ready), stopped when the script ends.
mkdir base &&
mkfifo daemon.fifo http.fifo auth.fifo || exit 1
python3 "$TEST_DIRECTORY/git-server.py" daemon base >daemon.fifo 2>daemon.err &
daemon_pid=$!
python3 "$TEST_DIRECTORY/git-server.py" http base >http.fifo 2>http.err &
http_pid=$!
python3 "$TEST_DIRECTORY/git-server.py" http base ana:s3cret >auth.fifo 2>auth.err &
auth_pid=$!
read daemon_port <daemon.fifo
read http_port <http.fifo
read auth_port <auth.fifo

# OpenSSH's server, run by git-server.py for each connection (sshd -i):
# as root it wants its privilege separation folder.  The learner's key
# in an ssh-agent, the server's host key in known_hosts, as a person
# who has connected once has them.
if test "$(id -u)" = 0 && test -x /usr/sbin/sshd &&
	command -v ssh-agent >/dev/null && command -v ssh-keygen >/dev/null
then
	mkdir -p /run/sshd ssh "$HOME/.ssh" &&
	ssh-keygen -q -t ed25519 -N "" -f ssh/host_key &&
	ssh-keygen -q -t ed25519 -N "" -f ssh/learner &&
	cp ssh/learner.pub ssh/authorized_keys &&
	cat >ssh/config <<-EOF &&
	HostKey $TRASH_DIRECTORY/ssh/host_key
	AuthorizedKeysFile $TRASH_DIRECTORY/ssh/authorized_keys
	StrictModes no
	PasswordAuthentication no
	KbdInteractiveAuthentication no
	UsePAM no
	PidFile none
	PermitRootLogin prohibit-password
	EOF
	mkfifo ssh.fifo &&
	have_sshd=t
fi
if test -n "${have_sshd:-}"
then
	python3 "$TEST_DIRECTORY/git-server.py" ssh "$TRASH_DIRECTORY/ssh/config" \
		>ssh.fifo 2>ssh.err &
	ssh_pid=$!
	read ssh_port <ssh.fifo
	eval "$(ssh-agent -s)" >/dev/null
	ssh-add -q ssh/learner &&
	echo "[127.0.0.1]:$ssh_port $(cat ssh/host_key.pub)" >"$HOME/.ssh/known_hosts" &&
	test_set_prereq SSH
fi
trap 'kill $daemon_pid $http_pid $auth_pid ${ssh_pid:-} ${SSH_AGENT_PID:-} 2>/dev/null; test_exit_trap_' EXIT

# A portfolio with a goal and a piece of evidence, shared as base/ana.git.
test_expect_success 'setup: a portfolio on the server, a learner'"'"'s and a teacher'"'"'s clones' '
	pl init --name "Ana Lima" ana >/dev/null &&
	mkdir ana/standards &&
	printf "code,parent,grade,subject,description\nM.1,,6,Math,Add\nM.2,,6,Math,Compare\n" \
		>ana/standards/math.csv &&
	git -C ana add standards &&
	git -C ana commit -q -m "standards: math" &&
	pl -C ana goal add --id fr --step One --step Two --standard M.1 \
		Fractions >/dev/null &&
	pl -C ana evidence add --id quiz --goal fr -m "Quiz." Quiz >/dev/null &&
	git clone -q --bare ana base/ana.git &&
	git clone -q "git://127.0.0.1:$daemon_port/ana.git" learner &&
	git clone -q "http://127.0.0.1:$http_port/ana.git" teacher
'

test_expect_success 'both sides change the same goal and evidence; both sync; both end with every change' '
	pl -C learner goal done fr 1 &&
	pl -C learner evidence add --id poster --goal fr -m "A poster." \
		Poster >/dev/null &&
	pl -C learner align goal fr M.2 >/dev/null &&
	pl -C teacher goal step fr Three &&
	pl -C teacher align rate --by "Ms Rivera <rivera@school.example>" \
		quiz M.1 3 >/dev/null &&
	(cd learner && pl sync >../out) &&
	cat >expect <<-\EOF &&
	Nothing new on origin/master.
	Pushed master to origin.
	EOF
	test_cmp expect out &&
	(cd teacher && pl sync >../out) &&
	cat >expect <<-\EOF &&
	Merged origin/master into master: 3 commits in, 2 out.
	Merged by structure: goals/fr.md
	Pushed master to origin.
	EOF
	test_cmp expect out &&
	(cd learner && pl sync >../out) &&
	grep "^Fast-forwarded master to origin/master: 3 commits in" out &&
	for who in learner teacher
	do
		git -C $who rev-parse HEAD >$who.head &&
		git -C $who status --porcelain >$who.status &&
		test_must_be_empty $who.status || return 1
	done &&
	test_cmp learner.head teacher.head &&
	git -C base/ana.git rev-parse HEAD >server.head &&
	test_cmp learner.head server.head &&
	sed -n "/^## Steps/,\$p" learner/goals/fr.md >steps &&
	printf "%s\n" "## Steps" "" "- [x] One" "- [ ] Two" "- [ ] Three" >expect &&
	test_cmp expect steps &&
	grep "^standards: \[M.1, M.2\]\$" learner/goals/fr.md &&
	test_path_is_file learner/evidence/poster.md &&
	grep "standard: M.1" learner/evidence/quiz.md &&
	git -C learner log --format=%s -1 >subject &&
	echo "sync: merge origin/master" >expect &&
	test_cmp expect subject &&
	git -C learner log --format=%P -1 | wc -w >parents &&
	echo 2 >expect &&
	test_cmp expect parents
'

test_expect_success 'a change pl cannot merge: it stops, and nothing changes on either side' '
	pl -C learner goal status fr met &&
	pl -C teacher goal status fr paused &&
	(cd learner && pl sync >/dev/null) &&
	git -C base/ana.git rev-parse HEAD >server.before &&
	git -C teacher rev-parse HEAD >head.before &&
	git -C teacher status --porcelain >status.before &&
	cp teacher/goals/fr.md fr.before &&
	(cd teacher && test_expect_code 8 pl sync >../out 2>../err) &&
	echo "pl: cannot merge origin/master: goals/fr.md (${SQ}status${SQ}); nothing was changed; goals/fr.md status: ${SQ}paused${SQ} here, ${SQ}met${SQ} on origin/master; to settle it, make this clone say what origin/master says (pl goal edit fr), run pl sync, then change again what should differ" >expect &&
	test_cmp expect err &&
	test_must_be_empty out &&
	git -C teacher rev-parse HEAD >head.after &&
	test_cmp head.before head.after &&
	git -C teacher status --porcelain >status.after &&
	test_cmp status.before status.after &&
	test_cmp fr.before teacher/goals/fr.md &&
	git -C base/ana.git rev-parse HEAD >server.after &&
	test_cmp server.before server.after
'

test_expect_success 'the teacher gives way by hand; then sync goes through' '
	pl -C teacher goal status fr met &&
	(cd teacher && pl sync >../out) &&
	grep "^Merged origin/master into master" out
'

# The teacher pushed a step the learner lacks: the dry run would merge.
test_expect_success '--dry-run says what would happen and changes nothing; --no-push pushes nothing' '
	(cd learner && pl sync >/dev/null) &&
	pl -C teacher goal step fr Teach &&
	(cd teacher && pl sync >/dev/null) &&
	pl -C learner goal step fr Four &&
	git -C learner rev-parse HEAD >head.before &&
	git -C learner status --porcelain >status.before &&
	cp learner/goals/fr.md fr.before &&
	git -C base/ana.git rev-parse HEAD >server.before &&
	(cd learner && pl sync --dry-run >../out) &&
	cat >expect <<-\EOF &&
	Would merge origin/master into master: 1 commit in, 1 out.
	Merged by structure: goals/fr.md
	Would push master to origin.
	EOF
	test_cmp expect out &&
	git -C learner rev-parse HEAD >head.after &&
	test_cmp head.before head.after &&
	git -C learner status --porcelain >status.after &&
	test_cmp status.before status.after &&
	test_cmp fr.before learner/goals/fr.md &&
	git -C base/ana.git rev-parse HEAD >server.after &&
	test_cmp server.before server.after &&
	(cd learner && pl sync --no-push >../out) &&
	cat >expect <<-\EOF &&
	Merged origin/master into master: 1 commit in, 1 out.
	Merged by structure: goals/fr.md
	EOF
	test_cmp expect out &&
	git -C learner rev-parse HEAD^1 HEAD^2 >parents &&
	git -C base/ana.git rev-parse HEAD >>head.before &&
	test_cmp head.before parents &&
	git -C base/ana.git rev-parse HEAD >server.after &&
	test_cmp server.before server.after &&
	(cd learner && pl sync >../out) &&
	cat >expect <<-\EOF &&
	Nothing new on origin/master.
	Pushed master to origin.
	EOF
	test_cmp expect out &&
	git -C learner rev-parse HEAD >want &&
	git -C base/ana.git rev-parse HEAD >got &&
	test_cmp want got
'

test_expect_success 'a file with uncommitted edits the sync would change: refused, nothing changed' '
	pl -C learner goal step fr Five &&
	(cd learner && pl sync >/dev/null) &&
	echo "my notes" >>teacher/goals/fr.md &&
	git -C teacher rev-parse HEAD >head.before &&
	(cd teacher && test_expect_code 9 pl sync >/dev/null 2>../err) &&
	grep "^pl: .*goals/fr.md" err &&
	git -C teacher rev-parse HEAD >head.after &&
	test_cmp head.before head.after &&
	grep "my notes" teacher/goals/fr.md &&
	git -C teacher checkout -q goals/fr.md
'

test_expect_success 'no such remote, an unreachable server: one line, exit status' '
	(cd teacher && test_expect_code 4 pl sync nosuch 2>../err) &&
	echo "pl: no remote ${SQ}nosuch${SQ} (add one with: git remote add nosuch URL)" >expect &&
	test_cmp expect err &&
	git -C teacher remote add gone "git://127.0.0.1:1/ana.git" &&
	(cd teacher && test_expect_code 1 pl sync gone 2>../err) &&
	grep "^pl: cannot fetch from git://127.0.0.1:1/ana.git: " err
'

test_expect_success 'a server that asks for a login: the URL'"'"'s user and password, or one line' '
	git -C teacher remote add login "http://ana:s3cret@127.0.0.1:$auth_port/ana.git" &&
	git -C teacher remote add nologin "http://ana:wrong@127.0.0.1:$auth_port/ana.git" &&
	# the teacher is behind the server: the learner pushed since
	git -C base/ana.git rev-parse HEAD >server.head &&
	git -C teacher merge-base --is-ancestor HEAD "$(cat server.head)" &&
	echo "Fast-forwarded master to login/master: $(git -C base/ana.git rev-list --count "$(git -C teacher rev-parse HEAD)..HEAD") commits in ($(git -C teacher rev-parse --short=7 HEAD)..$(cut -c1-7 server.head))." >expect &&
	(cd teacher && pl sync --no-push login >../out) &&
	test_cmp expect out &&
	git -C teacher rev-parse HEAD >teacher.head &&
	test_cmp server.head teacher.head &&
	(cd teacher && test_expect_code 1 pl sync --no-push nologin 2>../err) &&
	echo "pl: authentication failed for http://ana@127.0.0.1:$auth_port/ana.git" >expect &&
	test_cmp expect err &&
	! grep -r wrong err teacher/.git/pl 2>/dev/null
'

test_expect_success SSH 'over ssh: a clone, a change, a sync; a host key not known, no key in the agent: said' '
	# libgit2 1.5 never frees the known-hosts list its ssh transport
	# reads (libssh2_knownhost_init): not pl'"'"'s memory to free
	LSAN_OPTIONS="$LSAN_OPTIONS:detect_leaks=0" &&
	export LSAN_OPTIONS &&
	url="ssh://root@127.0.0.1:$ssh_port$TRASH_DIRECTORY/base/ana.git" &&
	pl clone "$url" viassh >out &&
	echo viassh >expect &&
	test_cmp expect out &&
	pl -C viassh goal step fr "By ssh" &&
	(cd viassh && pl sync >../out) &&
	grep "^Pushed master to origin.\$" out &&
	git -C viassh rev-parse HEAD >want &&
	git -C base/ana.git rev-parse HEAD >got &&
	test_cmp want got &&
	mv "$HOME/.ssh/known_hosts" known_hosts &&
	(cd viassh && test_expect_code 1 pl sync 2>../err) &&
	echo "pl: cannot fetch from $url: the server${SQ}s ssh host key is not in ~/.ssh/known_hosts (check it, then connect once with ssh to add it)" >expect &&
	test_cmp expect err &&
	mv known_hosts "$HOME/.ssh/known_hosts" &&
	(cd viassh && SSH_AUTH_SOCK= test_expect_code 1 pl sync 2>../err) &&
	echo "pl: authentication failed for $url" >expect &&
	test_cmp expect err
'

test_expect_success 'a push the server refuses: said, nothing pushed, never forced; the next sync pushes' '
	write_script base/ana.git/hooks/pre-receive <<-\EOF &&
	echo "closed for the holidays" >&2
	exit 1
	EOF
	pl -C learner goal step fr Six &&
	git -C base/ana.git rev-parse HEAD >server.before &&
	(cd learner && test_expect_code 8 pl sync >/dev/null 2>../err) &&
	grep "^pl: origin refused the push (.*); nothing was pushed; run pl sync again\$" err &&
	git -C base/ana.git rev-parse HEAD >server.after &&
	test_cmp server.before server.after &&
	rm base/ana.git/hooks/pre-receive &&
	(cd learner && pl sync >../out) &&
	grep "^Pushed master to origin.\$" out &&
	git -C learner rev-parse HEAD >learner.head &&
	git -C base/ana.git rev-parse HEAD >server.head &&
	test_cmp learner.head server.head
'

test_expect_success 'pl roster sync: clones a class, then syncs it; one failing stops no other' '
	git clone -q --bare ana base/ben.git &&
	cat >class.csv <<-EOF &&
	learner,portfolio
	Ana,git://127.0.0.1:$daemon_port/ana.git
	Ben,http://127.0.0.1:$http_port/ben.git
	Cy,git://127.0.0.1:$daemon_port/nosuch.git
	Dee,ana
	EOF
	test_expect_code 13 pl roster sync --clones clones class.csv >out 2>err &&
	grep "^Ana: cloned into clones/127.0.0.1:$daemon_port/ana\$" out &&
	grep "^Ben: cloned into clones/127.0.0.1:$http_port/ben\$" out &&
	grep "^Cy: failed: " out &&
	grep "^Dee: a folder, left as it is\$" out &&
	echo "4 portfolios: 2 cloned, 0 synced, 1 left as they are, 1 failed" >expect &&
	tail -n 1 out >last &&
	test_cmp expect last &&
	echo "pl: 1 of 4 portfolios failed (their lines say why)" >expect &&
	test_cmp expect err &&
	git -C base/ana.git rev-parse HEAD >want &&
	git -C "clones/127.0.0.1:$daemon_port/ana" rev-parse HEAD >got &&
	test_cmp want got &&
	pl -C learner goal step fr Eight &&
	(cd learner && pl sync >/dev/null) &&
	test_expect_code 13 pl roster sync --clones clones -j 1 class.csv >out &&
	grep "^Ana: fast-forwarded, 1 commit in\$" out &&
	grep "^Ben: up to date\$" out &&
	git -C base/ana.git rev-parse HEAD >want &&
	git -C "clones/127.0.0.1:$daemon_port/ana" rev-parse HEAD >got &&
	test_cmp want got &&
	grep -- "- \[ \] Eight" "clones/127.0.0.1:$daemon_port/ana/goals/fr.md"
'

test_expect_success 'pl roster sync: a file:// URL, and the progress line on a terminal' '
	printf "learner,portfolio\nEve,file://%s/base/ana.git\n" \
		"$TRASH_DIRECTORY" >one.csv &&
	script -qec "$PL roster sync --clones clones one.csv" /dev/null \
		</dev/null >tty &&
	grep "pl: syncing portfolios: 1/1" tty &&
	grep "Eve: cloned into clones/file$TRASH_DIRECTORY/base/ana" tty &&
	pl roster sync --clones clones one.csv >out 2>err &&
	echo "Eve: up to date" >expect &&
	head -n 1 out >first &&
	test_cmp expect first &&
	test_must_be_empty err
'

test_done
