/*
 * The write path: one commit from HEAD's tree plus the staged files,
 * whatever else the person has staged or edited left as it was.  Each
 * case works in its own temporary portfolio with a private HOME; the git
 * command line checks what pl wrote.
 */
#include <sys/stat.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pl/base/doc.h"
#include "pl/store/portfolio.h"
#include "pl/store/tx.h"
#include "tap.h"
#include "testrepo.h"

static void
test_msg_format(void)
{
	struct pl_msg	 msg = { "goal", "add", "fractions", NULL,
			    "Added a goal.", PL_STRLIST_INIT };
	struct pl_buf	 b = PL_BUF_INIT;
	char		*f;

	pl_strlist_push(&msg.trailers, "Pl-Due: 2024-06-01");
	pl_strlist_push(&msg.trailers, "Pl-Title: Fractions fluency");
	pl_msg_format(&b, &msg);
	is_str(b.ptr, "goal: add fractions\n\nAdded a goal.\n\n"
	    "Pl-Kind: goal\nPl-Action: add\nPl-Id: fractions\n"
	    "Pl-Due: 2024-06-01\nPl-Title: Fractions fluency\n",
	    "message text");
	f = pl_xasprintf("%s/msg", home);
	write_text(f, b.ptr);
	is_out("Pl-Kind: goal\nPl-Action: add\nPl-Id: fractions\n"
	    "Pl-Due: 2024-06-01\nPl-Title: Fractions fluency",
	    "git interpret-trailers reads every trailer",
	    "git interpret-trailers --parse <%s", f);
	unlink(f);
	free(f);
	pl_strlist_release(&msg.trailers);
	pl_buf_release(&b);
}

/* Values are checked where they come in; the message never breaks a line. */
static void
test_msg_one_line(void)
{
	struct pl_msg	msg = { "goal", "status", "x", NULL,
			    "Marked \"Evil\n\nPl-Id: victim\r\x1b[2J\" as met.",
			    PL_STRLIST_INIT };
	struct pl_buf	b = PL_BUF_INIT;

	pl_msg_format(&b, &msg);
	is_str(b.ptr, "goal: status x\n\n"
	    "Marked \"Evil  Pl-Id: victim  [2J\" as met.\n\n"
	    "Pl-Kind: goal\nPl-Action: status\nPl-Id: x\n",
	    "no line break or control character in the sentence");
	pl_buf_clear(&b);
	msg.subject = "status x\nPl-Id: victim";
	msg.sentence = NULL;
	pl_msg_format(&b, &msg);
	is_str(b.ptr, "goal: status x Pl-Id: victim\n\n"
	    "Pl-Kind: goal\nPl-Action: status\nPl-Id: x\n",
	    "nor in the subject");
	pl_buf_release(&b);
}

/* The subject says what changed; the trailers stay as they were. */
static void
test_msg_subject(void)
{
	struct pl_msg	msg = { "goal", "done", "fractions",
			    "done step 2 of fractions", "Did step 2.",
			    PL_STRLIST_INIT };
	struct pl_buf	b = PL_BUF_INIT;

	pl_msg_format(&b, &msg);
	is_str(b.ptr, "goal: done step 2 of fractions\n\nDid step 2.\n\n"
	    "Pl-Kind: goal\nPl-Action: done\nPl-Id: fractions\n",
	    "the subject replaces action and id");
	pl_buf_release(&b);
}

static void
test_commit(void)
{
	struct pl_msg		 msg = { "goal", "add", "a", NULL, "Added a.",
				    PL_STRLIST_INIT };
	struct pl_portfolio	*p;
	struct pl_tx		*tx = NULL;
	struct pl_buf		 b = PL_BUF_INIT;
	struct stat		 st;
	char			*d = new_portfolio(), *s, *old, *f;

	old = out("git -C %s rev-parse HEAD", d);
	p = open_at(d);
	pl_strlist_push(&msg.trailers, "Pl-Due: 2024-06-01");
	is_int(pl_tx_begin(&tx, p), 0, "begin");
	s = pl_xasprintf("%s/.git/pl.lock", d);
	ok(access(s, F_OK) == 0, "pl.lock held");
	is_int(pl_tx_put(tx, "goals/a.md", "a\n", 2), 0, "put a new file");
	is_int(pl_tx_put(tx, "goals/b.md", "first\n", 6), 0, "put another");
	is_int(pl_tx_put(tx, "goals/b.md", "b\n", 2), 0, "put it again");
	is_int(pl_tx_commit(tx, &msg), 0, "commit (%s)", pl_error_last());
	pl_tx_free(tx);
	ok(access(s, F_OK) != 0, "pl.lock released");
	free(s);

	is_out(old, "one commit on top of HEAD", "git -C %s rev-parse HEAD~1",
	    d);
	is_out("A\tgoals/a.md\nA\tgoals/b.md", "only the staged files",
	    "git -C %s show --format= --name-status HEAD", d);
	is_out("b", "the last put wins", "git -C %s show HEAD:goals/b.md", d);
	is_out("Pl-Kind: goal\nPl-Action: add\nPl-Id: a\nPl-Due: 2024-06-01",
	    "trailers",
	    "git -C %s log -1 --format=%%B | git interpret-trailers --parse",
	    d);
	is_out("commit: goal: add a", "reflog",
	    "git -C %s reflog -1 --format=%%gs", d);
	is_out("", "clean status: working files and index agree",
	    "git -C %s status --porcelain --ignored", d);
	is_int(run("git -C %s diff --quiet && git -C %s diff --cached --quiet",
	    d, d), 0, "no diff against index nor HEAD");
	s = out("git -C %s ls-files -s goals/a.md | cut -d' ' -f2", d);
	f = out("git -C %s rev-parse HEAD:goals/a.md", d);
	is_str(s, f, "index entry is the committed blob");
	free(s);
	free(f);
	f = pl_xasprintf("%s/goals/a.md", d);
	is_int(pl_read_file(&b, f), 0, "working file written");
	is_str(b.ptr, "a\n", "with the text");
	ok(stat(f, &st) == 0 && (st.st_mode & 0777) == 0644,
	    "mode 0666 less umask");
	free(f);
	f = pl_xasprintf("%s/goals", d);
	ok(stat(f, &st) == 0 && (st.st_mode & 0777) == 0755,
	    "folder 0777 less umask");
	free(f);
	pl_buf_clear(&b);
	is_int(pl_portfolio_read(&b, p, "goals/a.md"), 0,
	    "the portfolio reads the new commit");
	pl_buf_release(&b);
	is_int(run("git -C %s fsck --strict --no-progress 2>&1", d), 0, "fsck");

	is_int(pl_tx_begin(&tx, p), 0, "a second transaction on it");
	is_int(pl_tx_put(tx, "goals/a.md", "a2\n", 3), 0, "change a file");
	is_int(pl_tx_commit(tx, &msg), 0, "commit");
	is_int(pl_tx_put(tx, "goals/c.md", "c\n", 2), 0, "and another");
	is_int(pl_tx_commit(tx, &msg), 0, "commit again in the same tx");
	pl_tx_free(tx);
	is_out("4", "four commits", "git -C %s rev-list --count HEAD", d);
	is_out("", "still clean", "git -C %s status --porcelain --ignored", d);

	pl_strlist_release(&msg.trailers);
	pl_portfolio_free(p);
	free(old);
	run("rm -rf %s", d);
	free(d);
}

/* The person's own staged and unstaged work must survive pl's commit. */
static void
test_user_changes_kept(void)
{
	struct pl_portfolio	*p;
	char			*d = new_portfolio();
	char			*diff, *staged, *f;

	run("cd %s && echo notes >notes.txt && git add notes.txt && "
	    "echo more >>profile.md && printf '[pl]\\n' >>.plconfig && "
	    "git add .plconfig && echo again >>.plconfig", d);
	diff = out("git -C %s diff", d);
	staged = out("git -C %s diff --cached", d);
	p = open_at(d);
	is_int(commit_file(p, "goals/c.md", "c\n"), 0, "commit (%s)",
	    pl_error_last());
	is_out("goals/c.md", "commit has only pl's file",
	    "git -C %s show --format= --name-only HEAD", d);
	is_out("MM .plconfig\nA  notes.txt\n M profile.md",
	    "the user's changes are as they were",
	    "git -C %s status --porcelain", d);
	is_out(diff, "unstaged changes unchanged", "git -C %s diff", d);
	is_out(staged, "staged changes unchanged", "git -C %s diff --cached",
	    d);
	f = pl_xasprintf("%s/goals/c.md", d);
	ok(access(f, F_OK) == 0, "working file written");
	free(f);
	pl_portfolio_free(p);
	free(diff);
	free(staged);
	run("rm -rf %s", d);
	free(d);
}

/* A put in a transaction of its own: git cannot write while pl holds one. */
static int
put_alone(struct pl_portfolio *p, const char *path)
{
	struct pl_tx	*tx = NULL;
	int		 err;

	if ((err = pl_tx_begin(&tx, p)) == 0)
		err = pl_tx_put(tx, path, "x\n", 2);
	pl_tx_free(tx);
	return err;
}

static void
test_dirty(void)
{
	struct pl_portfolio	*p;
	struct pl_tx		*tx = NULL;
	struct pl_msg		 msg = { "goal", "add", "x", NULL, "x.",
				    PL_STRLIST_INIT };
	char			*d = new_portfolio();

	run("cd %s && mkdir goals && echo a >goals/a.md && git add goals && "
	    "git commit -q -m a", d);
	p = open_at(d);

	run("echo edited >>%s/goals/a.md", d);
	is_int(put_alone(p, "goals/a.md"), PL_EDIRTY, "a modified file");
	is_str(pl_error_last(), "'goals/a.md' has uncommitted changes; commit "
	    "or stash them first", "message");
	run("cd %s && git add goals/a.md && git show HEAD:goals/a.md "
	    ">goals/a.md", d);
	is_int(put_alone(p, "goals/a.md"), PL_EDIRTY, "a change staged only");
	run("cd %s && git reset -q && rm goals/a.md", d);
	is_int(put_alone(p, "goals/a.md"), PL_EDIRTY, "a deleted file");
	run("cd %s && git checkout -q goals/a.md", d);

	run("echo new >%s/goals/new.md", d);
	is_int(put_alone(p, "goals/new.md"), PL_EDIRTY, "an untracked file");
	is_str(pl_error_last(), "'goals/new.md' exists but is not committed; "
	    "move it away first", "message");
	run("cd %s && echo secret.md >>.git/info/exclude && echo s "
	    ">secret.md", d);
	is_int(put_alone(p, "secret.md"), PL_EDIRTY, "an ignored file");
	run("cd %s && echo n >staged.md && git add staged.md && rm staged.md",
	    d);
	is_int(put_alone(p, "staged.md"), PL_EDIRTY,
	    "a file staged but gone from the working tree");
	run("mkdir %s/folder", d);
	is_int(put_alone(p, "folder"), PL_EEXISTS, "a folder");
	is_int(put_alone(p, "goals/a.md/x"), PL_EEXISTS, "a file as a folder");
	is_int(pl_tx_begin(&tx, p), 0, "begin");
	is_int(pl_tx_commit(tx, &msg), PL_ENOCHANGE, "nothing was staged");
	is_str(pl_error_last(), "nothing to commit", "message");
	is_int(pl_tx_put(tx, "goals/a.md", "a\n", 2), 0, "the same text");
	is_int(pl_tx_commit(tx, &msg), PL_ENOCHANGE, "changes nothing");
	pl_tx_free(tx);
	is_out("2", "no commit made", "git -C %s rev-list --count HEAD", d);
	is_out("AD staged.md\n?? goals/new.md", "nothing touched",
	    "git -C %s status --porcelain", d);
	pl_portfolio_free(p);
	run("rm -rf %s", d);
	free(d);
}

static void
test_locks(void)
{
	struct pl_portfolio	*p;
	struct pl_tx		*tx = NULL, *tx2 = NULL;
	char			*d = new_portfolio(), *s, *head, *want;

	/* Writers wait this long for each other, here a short while. */
	run("cd %s && git config -f .plconfig portfolio.lockTimeout 0.2 && "
	    "git commit -q -am timeout", d);
	head = out("git -C %s rev-parse HEAD", d);
	p = open_at(d);
	run("touch %s/.git/index.lock", d);
	is_int(pl_tx_begin(&tx, p), PL_ELOCKED, "index.lock refused");
	want = pl_xasprintf("portfolio is busy: '%s/.git/index.lock' still "
	    "exists after 0.2 s (a git command is running?); if none is, "
	    "remove the file", d);
	is_str(pl_error_last(), want, "message");
	free(want);
	ok(tx == NULL, "no transaction");
	is_out("", "pl.lock not left behind",
	    "find %s/.git -maxdepth 1 -name pl.lock", d);
	run("rm %s/.git/index.lock", d);

	is_int(pl_tx_begin(&tx, p), 0, "begin");
	is_int(pl_tx_begin(&tx2, p), PL_ELOCKED, "a second pl is refused");
	s = out("uname -n");
	want = pl_xasprintf("portfolio is busy: pl (pid %ld on %s) still "
	    "holds '%s/.git/pl.lock' after 0.2 s; try again", (long)getpid(),
	    s, d);
	is_str(pl_error_last(), want, "message");
	free(want);
	free(s);
	s = out("head -n 1 %s/.git/pl.lock", d);
	want = pl_xasprintf("pid %ld", (long)getpid());
	is_str(s, want, "pl.lock holds the pid");
	free(want);
	free(s);
	pl_tx_free(tx);
	tx = NULL;
	is_int(pl_tx_begin(&tx2, p), 0, "free() released the lock");
	pl_tx_free(tx2);

	/* index.lock appearing after begin: git's index is not ours. */
	is_out(head, "nothing committed", "git -C %s rev-parse HEAD", d);
	pl_portfolio_free(p);
	free(head);
	run("rm -rf %s", d);
	free(d);
}

static void
test_head(void)
{
	struct pl_portfolio	*p;
	struct pl_tx		*tx = NULL;
	struct pl_msg		 msg = { "goal", "add", "x", NULL, "x.",
				    PL_STRLIST_INIT };
	struct pl_buf		 b = PL_BUF_INIT;
	char			*d = new_portfolio();
	char			*s, *branch, *f, *want;

	branch = out("git -C %s symbolic-ref --short HEAD", d);
	run("git -C %s checkout -q --detach", d);
	p = open_at(d);
	is_int(pl_tx_begin(&tx, p), PL_EHEAD, "detached HEAD");
	is_str(pl_error_last(), "HEAD is detached; check out a branch first",
	    "message");
	pl_portfolio_free(p);
	run("git -C %s checkout -q %s", d, branch);

	/* A commit that changed nothing pl read: pl goes on top of it. */
	p = open_at(d);
	is_int(pl_portfolio_read(&b, p, "profile.md"), 0, "read profile.md");
	run("git -C %s commit -q --allow-empty -m meanwhile", d);
	is_int(pl_tx_begin(&tx, p), 0, "HEAD moved since open: begin");
	is_int(pl_tx_put(tx, "first.md", "x\n", 2), 0, "put");
	is_int(pl_tx_commit(tx, &msg), 0, "commit on top");
	pl_tx_free(tx);
	is_out("goal: add x\nmeanwhile", "both commits, pl's last",
	    "git -C %s log -2 --format=%%s", d);
	pl_portfolio_free(p);

	/* One that changed a file pl read: nothing is committed. */
	p = open_at(d);
	pl_buf_clear(&b);
	is_int(pl_portfolio_read(&b, p, "profile.md"), 0, "read profile.md");
	run("cd %s && echo more >>profile.md && git commit -q -am changed",
	    d);
	is_int(pl_tx_begin(&tx, p), PL_ECONFLICT, "a file read changed");
	is_str(pl_error_last(), "'profile.md' changed meanwhile (another "
	    "commit was made); nothing was committed; try again", "message");
	pl_portfolio_free(p);
	pl_buf_release(&b);

	p = open_at(d);
	is_int(pl_tx_begin(&tx, p), 0, "begin");
	is_int(pl_tx_put(tx, "late.md", "x\n", 2), 0, "put");
	/* git commit waits for index.lock; plumbing does not */
	run("cd %s && git update-ref HEAD $(git commit-tree -p HEAD "
	    "-m meanwhile2 HEAD^{tree})", d);
	is_int(pl_tx_commit(tx, &msg), PL_ECONFLICT, "branch moved before "
	    "commit");
	pl_tx_free(tx);
	is_out("meanwhile2", "their commit stays",
	    "git -C %s log -1 --format=%%s", d);
	f = pl_xasprintf("%s/late.md", d);
	ok(access(f, F_OK) != 0, "no working file written");
	free(f);
	is_out("", "clean", "git -C %s status --porcelain", d);
	pl_portfolio_free(p);

	is_int(pl_portfolio_open(&p, d, "HEAD~1"), 0, "open at HEAD~1");
	is_int(pl_tx_begin(&tx, p), PL_EINVAL, "no writes on another "
	    "revision");
	pl_portfolio_free(p);
	is_int(pl_portfolio_open(&p, d, branch), 0, "open at the branch");
	is_int(pl_tx_begin(&tx, p), 0, "which is HEAD: fine");
	pl_tx_free(tx);
	pl_portfolio_free(p);

	s = pl_xasprintf("%s/bare.git", home);
	run("git clone -q --bare %s %s", d, s);
	is_int(pl_portfolio_open(&p, s, NULL), 0, "a bare portfolio opens");
	is_int(pl_portfolio_exists(p, "profile.md"), 1, "and reads");
	ok(pl_portfolio_workdir(p) == NULL, "no workdir");
	is_int(pl_tx_begin(&tx, p), PL_ENOTPORTFOLIO, "but takes no writes");
	want = pl_xasprintf("'%s' is a bare repository; this command needs "
	    "a working tree", s);
	is_str(pl_error_last(), want, "message");
	free(want);
	pl_portfolio_free(p);
	run("rm -rf %s", s);
	free(s);

	free(branch);
	run("rm -rf %s", d);
	free(d);
}

static void
test_unsafe(void)
{
	struct pl_portfolio	*p;
	struct pl_tx		*tx = NULL;
	char			*d = new_portfolio(), *s;
	static const char	*const bad[] = { "../x", "/etc/passwd",
				    "a/../b", ".git/hooks/pre-commit",
				    "./x", "" };
	size_t			 i;

	run("mkdir %s/outside && echo y >%s/y.md", home, home);
	run("cd %s && mkdir real && ln -s %s/outside linked && "
	    "ln -s %s/outside real/link && ln -s %s/outside/f.md f.md", d,
	    home, home, home);
	p = open_at(d);
	is_int(pl_tx_begin(&tx, p), 0, "begin");
	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		is_int(pl_tx_put(tx, bad[i], "x", 1), PL_EUNSAFE, "'%s'",
		    bad[i]);
	}
	is_int(pl_tx_put(tx, "linked/x.md", "x", 1), PL_EUNSAFE,
	    "a symlinked folder");
	is_str(pl_error_last(), "unsafe path 'linked/x.md': 'linked' is a "
	    "symbolic link", "message");
	is_int(pl_tx_put(tx, "real/link/deeper/x.md", "x", 1), PL_EUNSAFE,
	    "a symlinked folder deeper down");
	is_str(pl_error_last(), "unsafe path 'real/link/deeper/x.md': "
	    "'real/link' is a symbolic link", "message");
	is_int(pl_tx_put(tx, "f.md", "x", 1), PL_EUNSAFE, "a symlinked file");
	is_str(pl_error_last(), "unsafe path 'f.md': it is a symbolic link",
	    "message");
	s = pl_xasprintf("%s/y.md", home);
	is_int(pl_tx_put_file(tx, "linked/y.md", s), PL_EUNSAFE,
	    "put_file checks the same");
	free(s);
	pl_tx_free(tx);
	is_out("", "nothing written outside", "ls -A %s/outside", home);
	pl_portfolio_free(p);
	run("rm -rf %s %s/outside %s/y.md", d, home, home);
	free(d);
}

static void
test_put_file(void)
{
	struct pl_portfolio	*p;
	struct pl_tx		*tx = NULL;
	struct pl_msg		 msg = { "evidence", "add", "e", NULL,
				    "Added e.", PL_STRLIST_INIT };
	struct stat		 st;
	char			*d = new_portfolio(), *s, *src, *want;

	src = pl_xasprintf("%s/src", home);
	run("mkdir -p %s/dir && printf 'plain' >%s/plain.txt && "
	    "printf '#!/bin/sh\\n' >%s/run.sh && chmod 755 %s/run.sh", src,
	    src, src, src);
	p = open_at(d);
	is_int(pl_tx_begin(&tx, p), 0, "begin");
	s = pl_xasprintf("%s/none", src);
	is_int(pl_tx_put_file(tx, "e/none", s), PL_ENOTFOUND, "missing src");
	want = pl_xasprintf("'%s' does not exist", s);
	is_str(pl_error_last(), want, "message");
	free(want);
	free(s);
	s = pl_xasprintf("%s/dir", src);
	is_int(pl_tx_put_file(tx, "e/dir", s), PL_EINVAL, "a directory");
	want = pl_xasprintf("'%s' is a directory", s);
	is_str(pl_error_last(), want, "message");
	free(want);
	free(s);
	is_int(pl_tx_put_file(tx, "e/null", "/dev/null"), PL_EINVAL,
	    "not a regular file");
	is_str(pl_error_last(), "'/dev/null' is not a regular file", "message");
	s = pl_xasprintf("%s/plain.txt", src);
	is_int(pl_tx_put_file(tx, "e/plain.txt", s), 0, "a file");
	free(s);
	s = pl_xasprintf("%s/run.sh", src);
	is_int(pl_tx_put_file(tx, "e/run.sh", s), 0, "an executable file");
	free(s);
	is_int(pl_tx_commit(tx, &msg), 0, "commit");
	pl_tx_free(tx);
	is_out("100644\n100755", "modes as git records them",
	    "git -C %s ls-tree -r HEAD e | cut -d' ' -f1", d);
	s = pl_xasprintf("%s/e/run.sh", d);
	ok(stat(s, &st) == 0 && (st.st_mode & 0777) == 0755,
	    "working file executable");
	free(s);
	is_out("", "clean", "git -C %s status --porcelain --ignored", d);
	pl_portfolio_free(p);
	run("rm -rf %s %s", d, src);
	free(src);
	free(d);
}

static void
test_worktree(void)
{
	struct pl_portfolio	*p;
	char			*d = new_portfolio(), *wt, *main_head;

	wt = pl_xasprintf("%s/wt", home);
	run("git -C %s worktree add -q -b side %s", d, wt);
	main_head = out("git -C %s rev-parse HEAD", d);
	p = open_at(wt);
	is_int(commit_file(p, "goals/w.md", "w\n"), 0, "commit in a linked "
	    "worktree (%s)", pl_error_last());
	is_out("goal: add x", "its branch moved",
	    "git -C %s log -1 --format=%%s side", d);
	is_out(main_head, "the main worktree's did not",
	    "git -C %s rev-parse HEAD", d);
	is_out("", "worktree clean", "git -C %s status --porcelain --ignored",
	    wt);
	is_out("", "main worktree clean",
	    "git -C %s status --porcelain --ignored", d);
	is_out("", "no lock left", "find %s/.git -name pl.lock", d);
	pl_portfolio_free(p);
	run("git -C %s worktree remove --force %s", d, wt);
	free(main_head);
	free(wt);
	run("rm -rf %s", d);
	free(d);
}

static void
test_identity(void)
{
	struct pl_portfolio	*p;
	char			*d = new_portfolio(), *head;

	head = out("git -C %s rev-parse HEAD", d);
	identity_unset();
	p = open_at(d);
	is_int(commit_file(p, "goals/i.md", "i\n"), PL_EIDENTITY,
	    "no identity, no commit");
	identity_env();
	is_out(head, "HEAD unchanged", "git -C %s rev-parse HEAD", d);
	is_out("", "nothing written", "git -C %s status --porcelain --ignored",
	    d);
	setenv("GIT_COMMITTER_DATE", "yesterday-ish", 1);
	is_int(commit_file(p, "goals/i.md", "i\n"), PL_EINVAL,
	    "a bad committer date");
	is_str(pl_error_last(), "invalid date in GIT_COMMITTER_DATE: "
	    "'yesterday-ish'", "message");
	identity_env();
	setenv("GIT_AUTHOR_NAME", "Bad <Name>", 1);
	is_int(commit_file(p, "goals/i.md", "i\n"), PL_EINVAL,
	    "a name git refuses");
	identity_env();
	is_int(commit_file(p, "goals/i.md", "i\n"), 0, "with an identity");
	pl_portfolio_free(p);
	free(head);
	run("rm -rf %s", d);
	free(d);
}

/* What a transaction refuses before anything is written. */
static void
test_refusals(void)
{
	struct pl_msg		 msg = { "goal", "rm", "x", NULL, NULL,
				    PL_STRLIST_INIT };
	struct pl_portfolio	*p, *old = NULL;
	struct pl_tx		*tx = NULL;
	char			*d = new_portfolio(), *head, *s;

	run("cd %s && git commit -q --allow-empty -m second", d);
	head = out("git -C %s rev-parse HEAD", d);
	if (pl_portfolio_open(&old, d, "HEAD~1") != 0) {
		printf("Bail out! cannot open %s at HEAD~1: %s\n", d,
		    pl_error_last());
		exit(2);
	}
	is_int(pl_tx_begin(&tx, old), PL_EINVAL, "read at another revision");
	is_str(pl_error_last(), "the portfolio was read at another revision "
	    "than HEAD; changes go on HEAD only", "message");
	pl_portfolio_free(old);

	p = open_at(d);
	is_int(pl_tx_begin(&tx, p), 0, "begin");
	is_int(pl_tx_remove(tx, "goals/none.md"), PL_ENOTFOUND,
	    "removing a file HEAD does not have");
	is_str(pl_error_last(), "'goals/none.md' is not a committed file",
	    "message");
	is_int(pl_tx_remove(tx, "../profile.md"), PL_EUNSAFE,
	    "removing outside the portfolio");
	is_int(pl_tx_put(tx, "profile.md/x.md", "x\n", 2), PL_EEXISTS,
	    "a file where a folder goes");
	is_str(pl_error_last(), "'profile.md' exists and is not a folder",
	    "message");
	run("mkdir %s/notes", d);
	is_int(pl_tx_put(tx, "notes", "x\n", 2), PL_EEXISTS,
	    "a folder where the file goes");
	is_str(pl_error_last(), "'notes' is a folder", "message");
	/* the file as HEAD has it (out() drops its last line break) */
	s = out("git -C %s show HEAD:profile.md && echo .", d);
	s[strlen(s) - 1] = '\0';
	is_int(pl_tx_put(tx, "profile.md", "", 0), 0, "a put");
	is_int(pl_tx_put(tx, "profile.md", s, strlen(s)), 0,
	    "then the file as it is");
	is_int(pl_tx_commit(tx, &msg), PL_ENOCHANGE, "nothing changed");
	is_str(pl_error_last(), "nothing changed", "message");
	pl_tx_free(tx);
	tx = NULL;
	is_int(pl_tx_begin(&tx, p), 0, "begin again");
	is_int(pl_tx_remove(tx, "profile.md"), 0, "a removal");
	is_int(pl_tx_put(tx, "profile.md", s, strlen(s)), 0,
	    "then the file put back as it is");
	is_int(pl_tx_commit(tx, &msg), PL_ENOCHANGE, "nothing changed");
	pl_tx_free(tx);
	free(s);
	is_out(head, "HEAD has not moved", "git -C %s rev-parse HEAD", d);
	is_out("", "nothing written",
	    "git -C %s status --porcelain", d);
	pl_portfolio_free(p);
	free(head);
	run("rm -rf %s", d);
	free(d);
}

/* A transaction that fast-forwards to other, staging path as text. */
static int
fast_forward(struct pl_portfolio *p, const char *other, const char *path,
    const char *text)
{
	struct pl_msg	 msg = { "sync", "merge", "origin/main", NULL,
			    "Brought in the changes made elsewhere.",
			    PL_STRLIST_INIT };
	struct pl_tx	*tx = NULL;
	int		 err;

	if ((err = pl_tx_begin(&tx, p)) == 0 && path != NULL)
		err = pl_tx_put(tx, path, text, strlen(text));
	if (err == 0)
		err = pl_tx_merge(tx, other, 1);
	if (err == 0)
		err = pl_tx_commit(tx, &msg);
	pl_tx_free(tx);
	return err;
}

/*
 * A fast-forward makes no commit: the branch moves to the other commit,
 * whose tree must be HEAD's with the staged files.  What the person
 * staged by hand is neither committed nor dropped.
 */
static void
test_fast_forward(void)
{
	struct pl_portfolio	*p;
	struct pl_tx		*tx = NULL;
	char			*d = new_portfolio(), *head, *theirs, *same;

	/* theirs: HEAD and goals/ff.md, made elsewhere (not checked out) */
	theirs = out("cd %s && git read-tree --index-output=.git/ff-index "
	    "HEAD && blob=$(echo ff | git hash-object -w --stdin) && "
	    "GIT_INDEX_FILE=.git/ff-index git update-index --add "
	    "--cacheinfo 100644,$blob,goals/ff.md && "
	    "tree=$(GIT_INDEX_FILE=.git/ff-index git write-tree) && "
	    "rm .git/ff-index && git commit-tree -p HEAD -m theirs $tree", d);
	run("cd %s && echo mine >mine.txt && git add mine.txt", d);
	head = out("git -C %s rev-parse HEAD", d);
	p = open_at(d);

	is_int(fast_forward(p, theirs, "goals/ff.md", "not theirs\n"),
	    PL_ERROR, "staged files that do not make its tree: refused");
	is_str(pl_error_last(), "the files staged do not make the tree of "
	    "the commit to move to; nothing was committed", "message");
	is_int(fast_forward(p, theirs, NULL, NULL), PL_ERROR,
	    "nothing staged, and its tree has more: refused");
	is_out(head, "the branch has not moved", "git -C %s rev-parse HEAD",
	    d);
	is_out("A  mine.txt", "the person's staged file, alone, as it was",
	    "git -C %s status --porcelain --untracked-files=all", d);
	is_out("", "nothing left in the git folder",
	    "cd %s/.git && ls -a | grep -E '^pl[.-]|lock$' || :", d);

	is_int(fast_forward(p, theirs, "goals/ff.md", "ff\n"), 0,
	    "the files that make its tree: moved");
	is_out(theirs, "the branch is theirs, no commit of pl's own",
	    "git -C %s rev-parse HEAD", d);
	is_out("ff", "the working file is theirs", "cat %s/goals/ff.md", d);
	is_out("A  mine.txt", "the person's file still staged, not committed",
	    "git -C %s status --porcelain --untracked-files=all", d);
	is_out("mine", "and its staged contents kept",
	    "git -C %s show :mine.txt", d);

	/* a commit that changes no file: moved to, nothing staged */
	same = out("git -C %s commit-tree -p HEAD -m empty 'HEAD^{tree}'", d);
	is_int(fast_forward(p, same, NULL, NULL), 0,
	    "a commit with HEAD's tree, nothing staged: moved");
	is_out(same, "the branch is there", "git -C %s rev-parse HEAD", d);
	is_int(fast_forward(p, head, NULL, NULL), PL_ERROR,
	    "back to an older tree with nothing staged: refused");

	is_int(pl_tx_begin(&tx, p), 0, "begin");
	is_int(pl_tx_merge(tx, "tip-of-theirs", 1), PL_EINVAL, "not an id");
	is_str(pl_error_last(), "'tip-of-theirs' is not a commit id",
	    "message");
	is_int(pl_tx_merge(tx, "0123456789012345678901234567890123456789", 1),
	    0, "an id of no commit");
	is_int(pl_tx_commit(tx, &(struct pl_msg){ "sync", "merge", "x", NULL,
	    NULL, PL_STRLIST_INIT }), PL_ENOTFOUND,
	    "refused when it is to move there");
	pl_tx_free(tx);
	is_out(same, "and the branch stays", "git -C %s rev-parse HEAD", d);
	pl_portfolio_free(p);
	free(head);
	free(theirs);
	free(same);
	run("rm -rf %s", d);
	free(d);
}

int
main(void)
{
	env_setup();
	umask(022);
	test_msg_format();
	test_msg_one_line();
	test_msg_subject();
	test_commit();
	test_user_changes_kept();
	test_dirty();
	test_locks();
	test_head();
	test_unsafe();
	test_put_file();
	test_worktree();
	test_identity();
	test_refusals();
	test_fast_forward();
	run("rm -rf %s", home);
	free(home);
	return done_testing();
}
