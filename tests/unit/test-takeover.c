/*
 * What a pl finds under a dead pl's lock (lib/store/lock.c): the journal's
 * lines that are cut short, not pl's own or no longer true are left
 * alone, a git command's index.lock is waited for, and a signal that
 * comes while the lock is held fails the change and is raised again
 * once the lock is released.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pl/store/portfolio.h"
#include "pl/store/tx.h"
#include "tap.h"
#include "testrepo.h"

static char	*d, *gd;		/* the portfolio, its git folder */
static int	 taken;			/* files committed so far */

/* Makes the file gd/name (or d/name for "wd:name"). */
static char *
made(const char *name)
{
	char	*path = strncmp(name, "wd:", 3) == 0 ?
		    pl_xasprintf("%s/%s", d, name + 3) :
		    pl_xasprintf("%s%s", gd, name);

	write_text(path, "made\n");
	return path;
}

static int
exists(const char *path)
{
	return access(path, F_OK) == 0;
}

/*
 * Commits a new file under the lock of a dead pl (one with this
 * process's pid, as after a PID namespace) whose journal is body.
 * Returns what the commit returns; the notes, one a line, in *notes.
 */
static int
take_over(const char *body, char **notes)
{
	struct pl_portfolio	*p = open_at(d);
	struct pl_buf		 b = PL_BUF_INIT;
	char			*lock = pl_xasprintf("%spl.lock", gd);
	char			*h = out("uname -n");
	char			*text = pl_xasprintf("pid %ld\nhost %s\n%s",
				    (long)getpid(), h, body);
	char			*path = pl_xasprintf("goals/t%d.md", ++taken);
	int			 err;

	write_text(lock, text);
	err = commit_file(p, path, "---\ntitle: T\n---\n");
	pl_strlist_join(&b, pl_portfolio_notes(p), "\n");
	pl_buf_put(&b, "", 0);
	*notes = pl_buf_detach(&b);
	pl_portfolio_free(p);
	unlink(lock);
	free(lock);
	free(text);
	free(path);
	free(h);
	return err;
}

static char *
took_over(const char *how)
{
	return pl_xasprintf("took over '%spl.lock' from pl (pid %ld), which is "
	    "no longer running, and %s", gd, (long)getpid(), how);
}

/* tmp and ilock lines of files not pl's own: those files are kept. */
static void
test_not_ours(void)
{
	char	*keep_tmp = made("keep-tmp"), *keep_ilock = made("keep-ilock");
	char	*dead_tmp = made("pl-tmp-dead"), *body, *notes, *want;

	body = pl_xasprintf("tmp %s\nilock %s\ntmp %s\n", keep_tmp,
	    keep_ilock, dead_tmp);
	is_int(take_over(body, &notes), 0, "a journal naming files not pl's: "
	    "taken over");
	want = took_over("removed what it left");
	is_str(notes, want, "and said so");
	ok(exists(keep_tmp) && exists(keep_ilock), "the files not pl's kept");
	ok(!exists(dead_tmp), "pl's own temporary file removed");
	unlink(keep_tmp);
	unlink(keep_ilock);
	free(want);
	free(notes);
	free(body);
	free(keep_tmp);
	free(keep_ilock);
	free(dead_tmp);
}

/*
 * The journal names private index.lock names that are not the
 * index.lock there: that one is a git command's, waited for.
 */
static void
test_index_of_git(void)
{
	char	*ilock = made("index.lock"), *other = made("pl-index-lock.x");
	char	*body, *notes, *want;

	body = pl_xasprintf("ilock %spl-index-lock.gone\nilock %s\n", gd,
	    other);
	is_int(take_over(body, &notes), PL_ELOCKED, "a git command's "
	    "index.lock under a dead pl's journal: busy");
	want = pl_xasprintf("portfolio is busy: '%sindex.lock' still exists "
	    "after 0.2 s (a git command is running?); if none is, remove the "
	    "file", gd);
	is_str(pl_error_last(), want, "said so");
	ok(exists(ilock), "the git command's index.lock kept");
	ok(!exists(other), "the dead pl's private name removed");
	is_out("", "nothing staged", "git -C %s status --porcelain", d);
	unlink(ilock);
	free(want);
	free(notes);
	free(body);
	free(ilock);
	free(other);
}

/*
 * A dead pl that moved its branch: its renames and removals finished,
 * but none that its journal gives wrong, none of a file that is not
 * pl's, and no branch lock that holds another pl's commit.
 */
static void
test_forward_odd(void)
{
	char	*kept = made("wd:goals/kept.md"), *from1 = made("pl-from-1");
	char	*keep_from = made("keep-from"), *from3 = made("pl-from-3");
	char	*lock1 = made("refs/heads/one.lock");
	char	*lock2 = made("refs/heads/two.lock");
	char	*head = out("git -C %s rev-parse HEAD", d);
	char	*branch = out("git -C %s symbolic-ref HEAD", d);
	char	*outside = pl_xasprintf("%s/outside.md", home);
	char	*took;
	char	*body, *notes, *want, *x = pl_xasprintf("%s/goals/x.md", d);

	write_text(lock2, "3333333333333333333333333333333333333333\n");
	run("mkdir %srefs/heads/three.lock", gd);
	body = pl_xasprintf(
	    "move /nowhere\n"
	    "move /nowhere\tgoals\n"
	    "move %s\t%s\tzz\n"
	    "move %spl-from-2\t%s/goals/missing.md\t%s\n"
	    "move %s\t%s\t-\n"
	    "move %s\t%s\tzz\n"
	    "move %s\t%s/sub\t-\n"
	    "remove /nowhere\n"
	    "remove %s\tzz\n"
	    "remove %s/goals/gone.md\t%s\n"
	    "commit main\n"
	    "commit %s zz\n"
	    "commit refs/heads/one %s\n"
	    "commit refs/heads/two %s\n"
	    "commit refs/heads/three %s\n"
	    "commit %s %s\n",
	    from1, kept, gd, d, head, keep_from, x, from3, outside, from1,
	    kept, kept, d, head, branch, head, head, head, branch, head);
	is_int(take_over(body, &notes), 0, "a journal with odd lines: taken "
	    "over");
	took = took_over("finished the commit it had made");
	want = pl_xasprintf("%s\nkept 'goals/kept.md' as it is, changed after "
	    "that pl stopped: 'git diff -- goals/kept.md' shows how it differs "
	    "from the commit\nkept '%s' as it is, changed after that pl "
	    "stopped: 'git diff -- %s' shows how it differs from the commit\n"
	    "kept 'goals/kept.md/sub' as it is, changed after that pl stopped: "
	    "'git diff -- goals/kept.md/sub' shows how it differs from the "
	    "commit", took, outside, outside);
	free(took);
	is_str(notes, want, "the files whose old blob is not right kept, "
	    "and said so");
	ok(exists(kept) && exists(from1) && exists(from3) && !exists(outside),
	    "nothing moved onto them");
	ok(exists(keep_from) && !exists(x), "a file not pl's not moved");
	is_out("one.lock three.lock two.lock", "branch locks holding other "
	    "commits, or none that can be read, kept",
	    "cd %srefs/heads && echo *.lock", gd);
	unlink(lock1);
	unlink(lock2);
	run("rmdir %srefs/heads/three.lock", gd);
	run("rm -f %s %s %s %s", kept, from1, from3, keep_from);
	free(want);
	free(notes);
	free(body);
	free(kept);
	free(from1);
	free(keep_from);
	free(from3);
	free(lock1);
	free(lock2);
	free(head);
	free(branch);
	free(outside);
	free(x);
}

static volatile sig_atomic_t terms;

static void
on_term(int sig)
{
	(void)sig;
	terms++;
}

/*
 * The portfolio at d, its lock held and one change committed under it,
 * after which a git command takes index.lock (path *ilock).
 */
static struct pl_portfolio *
held(char **ilock)
{
	struct pl_portfolio	*p = open_at(d);
	char			*path = pl_xasprintf("goals/t%d.md", ++taken);

	is_int(pl_portfolio_hold(p), 0, "the lock held");
	is_int(commit_file(p, path, "held\n"), 0, "a change committed");
	*ilock = made("index.lock");
	free(path);
	return p;
}

/*
 * Under a held lock, index.lock is a git command's: the next change
 * waits for it, until the timeout, or until a signal, which comes back
 * to this process once the lock is released.
 */
static void
test_hold_waits(void)
{
	struct pl_msg		 msg = { "goal", "add", "x", NULL, "Added x.",
				    PL_STRLIST_INIT };
	struct pl_portfolio	*p;
	struct pl_tx		*tx = NULL;
	struct sigaction	 sa, old;
	char			*ilock, *want;

	p = held(&ilock);
	is_int(commit_file(p, "goals/held.md", "held\n"), PL_ELOCKED,
	    "index.lock there: busy after the timeout");
	want = pl_xasprintf("portfolio is busy: '%sindex.lock' still exists "
	    "after 0.2 s (a git command is running?); if none is, remove the "
	    "file", gd);
	is_str(pl_error_last(), want, "said so");
	free(want);
	pl_portfolio_free(p);
	unlink(ilock);
	free(ilock);

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_term;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, &old);
	p = held(&ilock);
	raise(SIGTERM);
	is_int(terms, 0, "a signal while it is held: kept for later");
	is_int(commit_file(p, "goals/held.md", "held\n"), PL_ERROR,
	    "the change waiting for index.lock fails");
	is_str(pl_error_last(), "interrupted by signal 15; nothing was "
	    "committed", "said so");
	pl_portfolio_free(p);
	is_int(terms, 0, "a change committed under the lock: the signal "
	    "not raised again");
	unlink(ilock);
	free(ilock);

	p = open_at(d);
	is_int(pl_tx_begin(&tx, p), 0, "a change begun");
	raise(SIGTERM);
	is_int(pl_tx_put(tx, "goals/sig.md", "sig\n", 4), 0, "a file put");
	is_int(pl_tx_commit(tx, &msg), PL_ERROR, "a signal while it is "
	    "under way: not committed");
	is_str(pl_error_last(), "interrupted by signal 15; nothing was "
	    "committed", "said so");
	is_int(terms, 0, "the signal kept for later");
	pl_tx_free(tx);
	is_int(terms, 1, "and raised once the lock is released");
	pl_portfolio_free(p);
	sigaction(SIGTERM, &old, NULL);
	is_out("", "nothing staged, no lock left", "git -C %s status "
	    "--porcelain && ls %s | grep -E '^pl[.-]|lock$' || :", d, gd);
	is_out("", "nor a file of the signalled change", "git -C %s log "
	    "--format= --name-only | grep -E 'held|sig' || :", d);
}

int
main(void)
{
	env_setup();
	d = new_portfolio();
	gd = pl_xasprintf("%s/.git/", d);
	run("cd %s && git config -f .plconfig portfolio.lockTimeout 0.2 && "
	    "git commit -q -am wait", d);
	test_not_ours();
	test_index_of_git();
	test_forward_odd();
	test_hold_waits();
	is_out("", "git fsck finds nothing amiss",
	    "git -C %s fsck --strict --no-progress --no-dangling 2>&1", d);
	run("rm -rf %s %s", d, home);
	free(d);
	free(gd);
	free(home);
	return done_testing();
}
