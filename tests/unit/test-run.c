/*
 * Running a program as sign and verify run gpg and ssh-keygen (lib/base/run.h,
 * internal): its output and error collected while its input is written,
 * whatever order it does things in, and pl's own signal state left as it
 * was.  The programs are small shell scripts.
 */
#include <sys/resource.h>
#include <sys/time.h>

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/run.h"
#include "tap.h"

#define BIG	(1 << 20)	/* far more than a pipe holds */

static int
sh(struct pl_run *r, const char *script, const char *in, size_t len)
{
	const char	*argv[] = { "sh", "-c", script, NULL };

	return pl_run(r, argv, in, len);
}

static void
test_exchange(void)
{
	struct pl_run	 r;
	char		*in = malloc(BIG);

	memset(in, 'x', BIG);
	/* Output before it reads: pl must read while it cannot write yet. */
	is_int(sh(&r, "echo first; echo oops >&2; wc -c", in, BIG), 0,
	    "a program that speaks before it reads runs");
	is_str(r.out.ptr, "first\n1048576\n", "all of its input reached it");
	is_str(r.err.ptr, "oops\n", "its standard error is kept apart");
	is_int(r.status, 0, "its exit status");
	pl_run_release(&r);

	/* It never reads: pl's write fails (EPIPE), SIGPIPE stays blocked. */
	is_int(sh(&r, "exec 0<&-; echo done; exit 3", in, BIG), 0,
	    "a program that does not read its input runs");
	is_str(r.out.ptr, "done\n", "its output is kept");
	is_int(r.status, 3, "its exit status");
	pl_run_release(&r);

	/* Its output closed while its input is still unread. */
	is_int(sh(&r, "exec >&- 2>&-; sleep 0.1", in, BIG), 0,
	    "a program that closes its output first runs");
	is_int(r.status, 0, "and ends well");
	pl_run_release(&r);

	/* Its standard output closed before its standard error. */
	is_int(sh(&r, "exec >&-; sleep 0.05; echo bye >&2", NULL, 0),
	    0, "a program that closes its standard output first runs");
	is_str(r.err.ptr, "bye\n", "what it said after is kept");
	pl_run_release(&r);
	free(in);
}

/*
 * A process the program leaves running, its 0, 1 and 2 elsewhere, holds
 * no copy of the pipes: pl is done when the program is, not when that
 * process ends (30 s later).
 */
static void
test_left_behind(void)
{
	struct pl_run	r;
	long		pid;

	is_int(sh(&r, "sleep 30 </dev/null >/dev/null 2>&1 & echo $!", NULL,
	    0), 0, "a program that leaves a process running");
	pid = strtol(r.out.ptr != NULL ? r.out.ptr : "0", NULL, 10);
	ok(pid > 0 && kill((pid_t)pid, 0) == 0, "pl is done while that "
	    "process still runs");
	if (pid > 0)
		kill((pid_t)pid, SIGKILL);
	pl_run_release(&r);
}

static void
test_killed(void)
{
	struct pl_run	r;

	is_int(sh(&r, "kill -9 $$", NULL, 0), 0, "a killed program ran");
	is_int(r.status, -1, "its status says it was killed");
	pl_run_release(&r);
}

/*
 * A SIGPIPE pending before pl_run stays pending (it is someone else's);
 * the one pl's own write raises is taken away.
 */
static void
test_sigpipe(void)
{
	struct pl_run	 r;
	sigset_t	 set, old, now;
	char		*in = calloc(1, BIG);

	sigemptyset(&set);
	sigaddset(&set, SIGPIPE);
	sigprocmask(SIG_BLOCK, &set, &old);
	raise(SIGPIPE);
	is_int(sh(&r, "exec 0<&-", in, BIG), 0, "ran with SIGPIPE pending");
	sigpending(&now);
	ok(sigismember(&now, SIGPIPE), "the pending SIGPIPE is still there");
	pl_run_release(&r);
	sigtimedwait(&set, NULL, &(struct timespec){ 0, 0 });
	sigprocmask(SIG_SETMASK, &old, NULL);

	is_int(sh(&r, "exec 0<&-", in, BIG), 0, "ran, its input refused");
	sigpending(&now);
	ok(!sigismember(&now, SIGPIPE), "no SIGPIPE left behind");
	pl_run_release(&r);
	free(in);
}

static void
on_alarm(int sig)
{
	(void)sig;
}

/* A signal (pl's handlers do not restart calls) while it waits. */
static void
test_interrupted(void)
{
	struct sigaction	 sa, old;
	struct itimerval	 t = { { 0, 20000 }, { 0, 20000 } };
	struct itimerval	 off = { { 0, 0 }, { 0, 0 } };
	struct pl_run		 r;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, &old);
	setitimer(ITIMER_REAL, &t, NULL);
	is_int(sh(&r, "sleep 0.1; echo late; exec >&- 2>&-; sleep 0.1",
	    NULL, 0), 0, "interrupted while it waits, pl waits on");
	setitimer(ITIMER_REAL, &off, NULL);
	sigaction(SIGALRM, &old, NULL);
	is_str(r.out.ptr, "late\n", "all its output");
	is_int(r.status, 0, "its exit status");
	pl_run_release(&r);
}

/* Under valgrind, whose preloaded library is in LD_PRELOAD. */
static int
valgrind(void)
{
	const char	*p = getenv("LD_PRELOAD");

	return p != NULL && strstr(p, "vgpreload") != NULL;
}

static void
test_cannot_run(void)
{
	const char	*argv[] = { "pl-no-such-program", NULL };
	struct rlimit	 lim, low;
	struct pl_run	 r;
	int		 fd, last, n;

	/*
	 * valgrind runs posix_spawn as a fork and an exec, and an exec
	 * that fails is then the child's exit 127 (as a shell says it).
	 */
	if (valgrind()) {
		is_int(pl_run(&r, argv, NULL, 0), PL_OK, "a missing program "
		    "(valgrind)");
		is_int(r.status, 127, "exits 127 (valgrind)");
	} else {
		is_int(pl_run(&r, argv, NULL, 0), PL_ERROR,
		    "a missing program");
		is_str(pl_error_last(), "cannot run 'pl-no-such-program': "
		    "No such file or directory", "says it cannot run it");
		is_int(r.status, -1, "no status");
	}
	pl_run_release(&r);

	/* Room for no pipe, for one, then for two. */
	fd = dup(0);
	close(fd);
	getrlimit(RLIMIT_NOFILE, &lim);
	low = lim;
	for (n = 0; n <= 2; n++) {
		low.rlim_cur = (rlim_t)(fd + 2 * n + 1);
		setrlimit(RLIMIT_NOFILE, &low);
		is_int(sh(&r, "true", NULL, 0), PL_ERROR,
		    "room for %d pipe(s) of 3", n);
		setrlimit(RLIMIT_NOFILE, &lim);
		is_str(pl_error_last(), "cannot run 'sh': Too many open files",
		    "says it cannot run it");
		pl_run_release(&r);
		last = dup(0);
		close(last);
		is_int(last, fd, "no pipe left open");
	}

	/*
	 * A parent that ignores SIGCHLD makes the kernel reap the program:
	 * its status is lost, and pl says so rather than guess (as git).
	 */
	signal(SIGCHLD, SIG_IGN);
	is_int(sh(&r, "true", NULL, 0), PL_ERROR, "SIGCHLD ignored");
	signal(SIGCHLD, SIG_DFL);
	is_str(pl_error_last(), "cannot run 'sh': No child processes",
	    "says the program's status is lost");
	pl_run_release(&r);
}

static void
test_message(void)
{
	struct pl_run	 r;
	char		*m;

	is_int(sh(&r, "printf 'gpg: bad \\r\\n\\n[GNUPG:] ERR 1\\n"
	    "  \\nno key  \\n' >&2; exit 2", NULL, 0), 0, "ran");
	m = pl_run_message(&r, "gpg");
	is_str(m, "gpg: bad; no key",
	    "one line, blank and status lines left out");
	free(m);
	pl_run_release(&r);

	is_int(sh(&r, "printf 'last line, no newline' >&2", NULL, 0), 0,
	    "ran");
	m = pl_run_message(&r, "gpg");
	is_str(m, "last line, no newline", "the last line, unended");
	free(m);
	pl_run_release(&r);

	is_int(sh(&r, "exit 1", NULL, 0), 0, "ran");
	m = pl_run_message(&r, "ssh-keygen");
	is_str(m, "ssh-keygen failed", "said nothing: the program failed");
	free(m);
	pl_run_release(&r);
}

int
main(void)
{
	test_exchange();
	test_left_behind();
	test_killed();
	test_sigpipe();
	test_interrupted();
	test_cannot_run();
	test_message();
	return done_testing();
}
