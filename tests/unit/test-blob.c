/*
 * Attached files (pl_tx_put_file(), lib/store/blob.c): stored as "git add"
 * stores them, through the clean command .gitattributes names, and
 * refused with nothing committed when they cannot be read whole.  Each
 * case commits in a fresh portfolio and asks git what it holds.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pl/store/portfolio.h"
#include "pl/store/tx.h"
#include "tap.h"
#include "testrepo.h"

static char	*dir;

/* Puts src at path and commits; the error code, the message in err. */
static int
attach(const char *path, const char *src)
{
	struct pl_msg		 msg = { "evidence", "add", "x", NULL,
				    "Added x.", PL_STRLIST_INIT };
	struct pl_portfolio	*p = open_at(dir);
	struct pl_tx		*tx = NULL;
	int			 err;

	if ((err = pl_tx_begin(&tx, p)) == 0 &&
	    (err = pl_tx_put_file(tx, path, src)) == 0)
		err = pl_tx_commit(tx, &msg);
	pl_tx_free(tx);
	pl_portfolio_free(p);
	return err;
}

static void
fresh(const char *attributes)
{
	dir = new_portfolio();
	if (attributes != NULL) {
		char	*f = pl_xasprintf("%s/.gitattributes", dir);

		write_text(f, attributes);
		free(f);
		run("git -C %s add .gitattributes && git -C %s commit -qm attr",
		    dir, dir);
	}
}

static void
gone(void)
{
	run("rm -rf %s", dir);
	free(dir);
}

/* Nothing committed, nothing left in the working tree or the git folder. */
static void
nothing_left(const char *what)
{
	is_out("attr", what, "git -C %s log -1 --format=%%s; "
	    "git -C %s status --porcelain --ignored; "
	    "ls -a %s/.git | grep pl- || :", dir, dir, dir);
}

static void
test_unreadable(void)
{
	fresh(".gitattributes -text\n");
	/* A regular file whose read fails (no offset 0 in the memory map). */
	is_int(attach("evidence/mem.bin", "/proc/self/mem"), PL_ERROR,
	    "a file that cannot be read");
	is_str(pl_error_last(), "cannot read '/proc/self/mem': Input/output "
	    "error; nothing was committed", "says so");
	nothing_left("nothing committed or left");

	/* Says it is empty, then reads as more: it changed meanwhile. */
	is_int(attach("evidence/status.txt", "/proc/self/status"), PL_ERROR,
	    "a file whose size is not what it reads");
	is_str(pl_error_last(), "'/proc/self/status' changed while pl was "
	    "reading it; nothing was committed", "says it changed");
	nothing_left("nothing committed or left");

	is_int(attach("evidence/x.txt", "/dev/null/x"), PL_ERROR,
	    "a file below a file");
	is_str(pl_error_last(), "cannot read '/dev/null/x': Not a "
	    "directory", "says why it cannot be read");
	gone();
}

/* %f is the path, quoted for the shell as git quotes it; %% is a %. */
static void
test_clean_command(void)
{
	char	*src;

	fresh("*.txt filter=tag\n");
	run("git -C %s config filter.tag.clean "
	    "\"printf '%%%%s|100%%%%%%%%|' %%f; tr a-z A-Z\"", dir);
	src = pl_xasprintf("%s/in", home);
	write_text(src, "notes\n");
	is_int(attach("evidence/it's here.txt", src), 0,
	    "a path with a quote and a space");
	is_out("evidence/it's here.txt|100%|NOTES",
	    "the clean command got the path and the file",
	    "git -C %s show \"HEAD:evidence/it's here.txt\"", dir);
	is_out("notes", "the working file is as it was given",
	    "cat \"%s/evidence/it's here.txt\"", dir);
	gone();

	/* An empty clean command is none: the file is stored as it is. */
	fresh("*.txt filter=none\n");
	run("git -C %s config filter.none.clean ''", dir);
	run("git -C %s config filter.none.required maybe", dir);
	is_int(attach("evidence/a.txt", src), 0, "an empty clean command");
	is_out("notes", "the file is stored as it is",
	    "git -C %s show HEAD:evidence/a.txt", dir);
	gone();
	unlink(src);
	free(src);
}

static void
test_clean_fails(void)
{
	char	*src = pl_xasprintf("%s/in", home);

	write_text(src, "notes\n");
	fresh("*.txt filter=die\n");
	run("git -C %s config filter.die.clean 'kill -9 $$'", dir);
	is_int(attach("evidence/a.txt", src), PL_ERROR,
	    "a clean command killed by a signal");
	is_str(pl_error_last(), "the clean command of filter 'die' failed; "
	    "nothing was committed", "says it failed");
	nothing_left("nothing committed or left");
	gone();

	/* It stops before reading all its input, and fails. */
	fresh("*.txt filter=early\n");
	run("git -C %s config filter.early.clean 'head -c 1; exit 4'", dir);
	is_int(attach("evidence/a.txt", src), PL_ERROR,
	    "a clean command that fails after some output");
	is_str(pl_error_last(), "the clean command of filter 'early' failed; "
	    "nothing was committed", "says it failed");
	nothing_left("nothing committed or left");
	gone();

	fresh("*.txt filter=need\n");
	run("git -C %s config filter.need.required true", dir);
	is_int(attach("evidence/a.txt", src), PL_ERROR,
	    "a required filter with no clean command");
	is_str(pl_error_last(), "'evidence/a.txt' needs filter 'need', and "
	    "pl runs only a clean command (filter.need.clean), which is not "
	    "set; nothing was committed", "says what is missing");
	nothing_left("nothing committed or left");
	gone();
	unlink(src);
	free(src);
}

static volatile sig_atomic_t	hups;

static void
on_hup(int sig)
{
	(void)sig;
	hups++;
}

/*
 * A signal while pl waits on the clean command: pl stops the command
 * and commits nothing, and the signal reaches its handler once the
 * portfolio is left as it was.
 */
static void
test_clean_interrupted(void)
{
	struct sigaction	 sa, old;
	char			*src = pl_xasprintf("%s/in", home);

	write_text(src, "notes\n");
	fresh("*.txt filter=slow\n");
	run("git -C %s config filter.slow.clean 'echo $$ >%s/filter.pid; "
	    "sleep 0.1; kill -HUP $PPID; exec sleep 5'", dir, home);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_hup;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, &old);
	is_int(attach("evidence/a.txt", src), PL_ERROR,
	    "interrupted while the clean command runs");
	is_str(pl_error_last(), "interrupted by signal 1; nothing was "
	    "committed", "says so");
	is_int(hups, 1, "the signal is passed on afterwards");
	sigaction(SIGHUP, &old, NULL);
	nothing_left("nothing committed or left");
	is_out("gone", "the clean command was stopped",
	    "kill -0 $(cat %s/filter.pid) 2>/dev/null || echo gone", home);
	gone();
	unlink(src);
	free(src);
}

int
main(void)
{
	env_setup();
	test_unreadable();
	test_clean_command();
	test_clean_fails();
	test_clean_interrupted();
	run("rm -rf %s", home);
	return done_testing();
}
