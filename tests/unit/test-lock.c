/*
 * The write lock seen from inside one process: threads that write to the
 * same portfolio at once (as pl roster sync's do for repeated rows) each
 * take it in turn, and a lock that names this process's pid is told
 * from one this process holds.
 */
#include <sys/stat.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pl/portfolio.h"
#include "pl/tx.h"
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

int
main(void)
{
	env_setup();
	test_threads();
	test_own_pid();
	run("rm -rf %s", home);
	free(home);
	return done_testing();
}
