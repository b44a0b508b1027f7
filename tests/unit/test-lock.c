/*
 * The write lock seen from inside one process: threads that write to the
 * same portfolio at once (as pl roster sync's do for repeated rows) each
 * take it in turn, a lock that names this process's pid is told from one
 * this process holds, and a lock held across two transactions leaves
 * the next writer the second's journal alone.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pl/store/portfolio.h"
#include "pl/store/tx.h"
#include "tap.h"
#include "testrepo.h"

#define WRITERS	4
#define WRITES	25

struct writer {
	const char	*dir;
	int		 n;
	int		 done;		/* commits made */
	char		*error;		/* the first failure's message */
};



/* This program, run again under the fault injector. */
static const char *self;
/* PL_TEST_LONG=1: every point rather than a sample (tests/README.md). */
static int
long_run(void)
{
	const char	*v = getenv("PL_TEST_LONG");

	return v != NULL && strcmp(v, "1") == 0;
}

static void *
write_many(void *arg)
{
	struct writer		*w = arg;
	struct pl_portfolio	*p = NULL;
	char			*path, *text;
	int			 i, err;

	for (i = 0; i < WRITES && w->error == NULL; i++) {
		/* each change opens the portfolio, as each row of a sync */
		if ((err = pl_portfolio_open(&p, w->dir, NULL)) == 0) {
			path = pl_xasprintf("goals/w%d-%d.md", w->n, i);
			text = pl_xasprintf("---\ntitle: W%d %d\n---\n",
			    w->n, i);
			err = commit_file(p, path, text);
			free(path);
			free(text);
		}
		if (err == 0)
			w->done++;
		else
			w->error = pl_xasprintf("%d: %s", err,
			    pl_error_last());
		pl_portfolio_free(p);
		p = NULL;
	}
	return NULL;
}

static void
test_threads(void)
{
	struct writer	 w[WRITERS];
	pthread_t	 t[WRITERS];
	char		*d = new_portfolio();
	int		 i;

	/* the threads wait for each other, never for a timeout */
	run("cd %s && git config -f .plconfig portfolio.lockTimeout 600 && "
	    "git commit -q -am wait", d);
	for (i = 0; i < WRITERS; i++) {
		w[i] = (struct writer){ d, i, 0, NULL };
		pthread_create(&t[i], NULL, write_many, &w[i]);
	}
	for (i = 0; i < WRITERS; i++)
		pthread_join(t[i], NULL);
	for (i = 0; i < WRITERS; i++) {
		is_str(w[i].error, NULL, "writer %d: no failure", i);
		is_int(w[i].done, WRITES, "writer %d: every change committed",
		    i);
		free(w[i].error);
	}
	is_out("100", "git sees each change once",
	    "git -C %s ls-tree --name-only HEAD goals/ | wc -l", d);
	is_out("", "nothing left uncommitted", "git -C %s status --porcelain",
	    d);
	is_out("", "no lock or private name left",
	    "cd %s/.git && ls -a | grep -E '^pl[.-]|lock$' || :", d);
	run("rm -rf %s", d);
	free(d);
}

static char *
host(void)
{
	char	h[256];

	gethostname(h, sizeof h);
	h[sizeof h - 1] = '\0';
	return pl_xstrdup(h);
}

/*
 * A lock naming this process's pid, as one left by a pl killed in a PID
 * namespace names the next one's: body its lines after "pid" and "host".
 * Returns what a commit then returns.
 */
static int
commit_under(const char *d, const char *body)
{
	struct pl_portfolio	*p = open_at(d);
	char			*lock = pl_xasprintf("%s/.git/pl.lock", d);
	char			*h = host();
	char			*text = pl_xasprintf("pid %ld\nhost %s\n%s",
				    (long)getpid(), h, body);
	int			 err;

	write_text(lock, text);
	err = commit_file(p, "goals/taken.md", "---\ntitle: T\n---\n");
	pl_portfolio_free(p);
	unlink(lock);
	free(lock);
	free(text);
	free(h);
	return err;
}

static void
test_own_pid(void)
{
	char	*d = new_portfolio(), *ours;

	run("cd %s && git config -f .plconfig portfolio.lockTimeout 0.2 && "
	    "git commit -q -am wait", d);
	is_int(commit_under(d, ""), 0, "an older pl's lock with this "
	    "process's pid: taken over, not waited for");
	run("cd %s && git rm -q goals/taken.md && git commit -q -m rm", d);
	is_int(commit_under(d, "nonce 00000000\nflock\n"), 0,
	    "a gone process's lock with this pid and another nonce: taken");
	run("cd %s && git rm -q goals/taken.md && git commit -q -m rm", d);
	ours = pl_xasprintf("nonce %08lx\nflock\n", pl_process_nonce());
	is_int(commit_under(d, ours), PL_ELOCKED, "a lock this process "
	    "holds (another thread's): waited for");
	is_out("", "and nothing written", "git -C %s status --porcelain", d);
	free(ours);
	run("rm -rf %s", d);
	free(d);
}

/*
 * What the child of test_two_under_hold() does: under one held lock,
 * transactions (1 or 2), each a commit of its own file.  Returns the
 * exit status.
 */
static int
under_hold(const char *d, const char *tag, int transactions)
{
	struct pl_portfolio	*p = NULL;
	char			*one = pl_xasprintf("goals/one-%s.md", tag);
	char			*two = pl_xasprintf("goals/two-%s.md", tag);
	int			 err;

	/* each file new, so that each run writes as many objects */
	if ((err = pl_portfolio_open(&p, d, NULL)) == 0 &&
	    (err = pl_portfolio_hold(p)) == 0 &&
	    (err = commit_file(p, one, one)) == 0 && transactions > 1)
		err = commit_file(p, two, two);
	if (err != 0)
		fprintf(stderr, "%s\n", pl_error_last());
	pl_portfolio_free(p);
	free(one);
	free(two);
	return err == 0 ? 0 : 1;
}

/*
 * Runs under_hold() in a child of this program under the fault injector,
 * killed at its write n (0: never); its wait status.  With count, the
 * number of writes is written there.
 */
static int
killed_at(const char *d, int transactions, long n, const char *count)
{
	const char	*asan = getenv("ASAN_OPTIONS");
	char		*tag = pl_xasprintf("%d-%ld", transactions, n);
	char		*at, *opts;
	pid_t		 pid;
	int		 st = -1;

	fflush(stdout);
	if ((pid = fork()) == 0) {
		at = pl_xasprintf("%ld", n);
		opts = pl_xasprintf("%s%sverify_asan_link_order=0",
		    asan != NULL ? asan : "", asan != NULL ? ":" : "");
		setenv("LD_PRELOAD", getenv("PL_FAULT_LIB"), 1);
		setenv("ASAN_OPTIONS", opts, 1);
		setenv("PL_FAULT_AT", at, 1);
		setenv("PL_FAULT_SIGNAL", "9", 1);
		if (count != NULL)
			setenv("PL_FAULT_COUNT", count, 1);
		/* not /proc/self/exe: under valgrind that is valgrind */
		execl(self, "test-lock", "--under-hold", d, tag,
		    transactions > 1 ? "2" : "1", (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		waitpid(pid, &st, 0);
	free(tag);
	return st;
}

/* The number of writes of under_hold() with so many transactions. */
static long
writes_of(const char *d, int transactions)
{
	char	*count = pl_xasprintf("%s/count", home);
	long	 n = -1;
	FILE	*f;

	unlink(count);
	is_int(killed_at(d, transactions, 0, count), 0, "%d transaction(s) "
	    "under one lock, not killed", transactions);
	if ((f = fopen(count, "r")) != NULL) {
		if (fscanf(f, "%ld", &n) != 1)
			n = -1;
		fclose(f);
	}
	unlink(count);
	free(count);
	return n;
}

/*
 * What the next writer finds after kill n, the branch at before when the
 * child began: NULL when all is well, else what it sees.  The dead one's
 * commits are none, the first or both, each whole, and nothing is left
 * staged, written or in the git folder that is not committed.
 */
static char *
recovered(const char *d, long n, const char *before)
{
	struct pl_portfolio	*p = open_at(d);
	char			*path = pl_xasprintf("goals/next-%ld.md", n);
	char			*s, *want[3];
	int			 err, i, found = 0;

	err = commit_file(p, path, "next\n");
	pl_portfolio_free(p);
	free(path);
	if (err != 0)
		return pl_xasprintf("the next commit: %d: %s", err,
		    pl_error_last());
	want[0] = pl_xasprintf("1 goals/next-%ld.md", n);
	want[1] = pl_xasprintf("2 goals/next-%ld.md goals/one-2-%ld.md", n,
	    n);
	want[2] = pl_xasprintf("3 goals/next-%ld.md goals/one-2-%ld.md "
	    "goals/two-2-%ld.md", n, n, n);
	s = out("cd %s && echo $(git rev-list --count %s..HEAD) "
	    "$(git log --format= --name-only %s..HEAD | sort) && "
	    "git status --porcelain --untracked-files=all && "
	    "cd .git && ls -a | grep -E '^pl[.-]|lock$' || :", d, before,
	    before);
	for (i = 0; i < 3; i++) {
		found |= strcmp(s, want[i]) == 0;
		free(want[i]);
	}
	if (found) {
		free(s);
		return NULL;
	}
	return s;
}

/*
 * Two transactions under one held lock (a command run again after a
 * conflict), the process killed at the writes of the second: the next
 * writer finds the second's journal alone, finishes or undoes it, and
 * leaves nothing staged or written that is not committed.
 */
static void
test_two_under_hold(void)
{
	char	*d = new_portfolio(), *first = NULL, *s, *before;
	long	 n, from, total;
	int	 st = -1, killed = 0;

	if (getenv("PL_FAULT_LIB") == NULL) {
		ok(1, "# SKIP PL_FAULT_LIB is not set (meson sets it)");
		free(d);
		return;
	}
	/* from the last writes of the first on (its end, its cleaning) */
	from = writes_of(d, 1) - 2;
	total = writes_of(d, 2);
	ok(from > 10 && total - from > 10, "writes %ld to %ld to try", from,
	    total);
	/*
	 * Until a kill comes after the last write: a run that succeeds.
	 * Every write of the second's last twenty (its journal of renames,
	 * the branch moving, the cleaning), one in five before them;
	 * PL_TEST_LONG=1, every one.
	 */
	for (n = from; n <= total + 10 && first == NULL; n++) {
		if (n < total - 20 && (n - from) % 5 != 0 && !long_run())
			continue;
		before = out("git -C %s rev-parse HEAD", d);
		st = killed_at(d, 2, n, NULL);
		if ((s = recovered(d, n, before)) != NULL) {
			first = pl_xasprintf("killed at write %ld: %s", n, s);
			free(s);
		}
		free(before);
		if (!WIFSIGNALED(st) || WTERMSIG(st) != SIGKILL)
			break;
		killed++;
	}
	is_int(st, 0, "then one that ran to its end (killed at %d writes)",
	    killed);
	ok(killed > 15, "killed at the writes of the second");
	is_str(first, NULL, "the next writer finds all well after each");
	is_out("", "git fsck finds nothing amiss",
	    "git -C %s fsck --strict --no-progress --no-dangling 2>&1", d);
	free(first);
	run("rm -rf %s", d);
	free(d);
}

int
main(int argc, char **argv)
{
	self = argv[0];
	if (argc == 5 && strcmp(argv[1], "--under-hold") == 0)
		return under_hold(argv[2], argv[3], atoi(argv[4]));
	env_setup();
	test_threads();
	test_own_pid();
	test_two_under_hold();
	run("rm -rf %s", home);
	free(home);
	return done_testing();
}
