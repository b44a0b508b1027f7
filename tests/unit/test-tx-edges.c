/*
 * The write path's refusals and odd repositories: HEAD not on a branch or
 * unreadable, a damaged index, a path that is not a plain file, an index
 * entry that is not HEAD's, a git folder on another file system, and
 * renames after the branch moved that fail (the commit stands and a note
 * says how to mend it).  git checks what pl wrote.
 */
#include <sys/stat.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pl/store/portfolio.h"
#include "pl/store/tx.h"
#include "tap.h"
#include "testrepo.h"

static struct pl_msg	msg = { "goal", "add", "x", NULL, "Added x.",
			    PL_STRLIST_INIT };

/* Done with the portfolio p at d: both go. */
static void
drop(struct pl_portfolio *p, char *d)
{
	pl_portfolio_free(p);
	run("rm -rf %s", d);
	free(d);
}

/* The portfolio at d is opened, then HEAD's file rewritten. */
static void
head_case(const char *head, int want, const char *said)
{
	char			*d = new_portfolio(), *f;
	struct pl_portfolio	*p = open_at(d);
	struct pl_tx		*tx = NULL;

	f = pl_xasprintf("%s/.git/HEAD", d);
	write_text(f, head);
	is_int(pl_tx_begin(&tx, p), want, "HEAD %.*s", (int)strcspn(head,
	    "\n"), head);
	ok(strncmp(pl_error_last(), said, strlen(said)) == 0, "says '%s' (%s)",
	    said, pl_error_last());
	ok(tx == NULL, "no transaction");
	drop(p, d);
	free(f);
}

static void
test_head(void)
{
	head_case("ref: refs/tags/v1\n", PL_EHEAD,
	    "HEAD is detached; check out a branch first");
	head_case("ref: refs/heads/other\n", PL_EHEAD,
	    "HEAD is an unborn branch ('other' has no commits)");
}

/* A branch file that is not a commit id. */
static void
test_branch_unreadable(void)
{
	char			*d = new_portfolio(), *f;
	struct pl_portfolio	*p = open_at(d);
	struct pl_tx		*tx = NULL;

	f = out("echo %s/.git/$(git -C %s symbolic-ref HEAD)", d, d);
	write_text(f, "not a commit id\n");
	is_int(pl_tx_begin(&tx, p), PL_ERROR, "a damaged branch file");
	ok(strncmp(pl_error_last(), "cannot read HEAD: ", 18) == 0,
	    "cannot read HEAD (%s)", pl_error_last());
	drop(p, d);
	free(f);
}

static void
test_index_damaged(void)
{
	char			*d = new_portfolio(), *f;
	struct pl_portfolio	*p = open_at(d);
	struct pl_tx		*tx = NULL;

	f = pl_xasprintf("%s/.git/index", d);
	write_text(f, "DIRC but not an index\n");
	is_int(pl_tx_begin(&tx, p), 0, "begun");
	is_int(pl_tx_put(tx, "a.md", "a\n", 2), PL_ERROR, "a damaged index");
	ok(strncmp(pl_error_last(), "cannot read the index: ", 23) == 0,
	    "cannot read the index (%s)", pl_error_last());
	pl_tx_free(tx);
	is_out("DIRC but not an index", "the index is left as it was, "
	    "nothing beside it", "cat %s/.git/index; ls %s/.git | grep pl- "
	    "|| :", d, d);
	drop(p, d);
	free(f);
}

static void
test_paths(void)
{
	char			*d = new_portfolio(), *name, *e;
	struct pl_portfolio	*p = open_at(d);
	struct pl_tx		*tx = NULL;

	run("mkfifo %s/pipe", d);
	is_int(commit_file(p, "goals/a.md", "a\n"), 0, "committed");
	is_int(pl_tx_begin(&tx, p), 0, "begun");
	is_int(pl_tx_put(tx, "pipe", "a\n", 2), PL_EUNSAFE, "a named pipe");
	is_str(pl_error_last(), "unsafe path 'pipe': not a regular file",
	    "is not a regular file");
	name = malloc(300);
	memset(name, 'n', 299);
	name[299] = '\0';
	is_int(pl_tx_put(tx, name, "a\n", 2), PL_ERROR, "a name too long");
	e = pl_xasprintf("cannot read '%s/%s': File name too long", d, name);
	is_str(pl_error_last(), e, "the system's reason");
	is_int(pl_tx_remove(tx, "goals"), PL_ENOTFOUND, "removing a folder");
	is_str(pl_error_last(), "'goals' is not a committed file",
	    "is not removing a file");
	pl_tx_free(tx);
	drop(p, d);
	free(name);
	free(e);
}

/* The index entry is not HEAD's: gone from the index, or its mode. */
static void
test_index_not_head(void)
{
	char			*d = new_portfolio();
	struct pl_portfolio	*p;
	struct pl_tx		*tx = NULL;

	run("git -C %s rm -q --cached profile.md", d);
	p = open_at(d);
	is_int(pl_tx_begin(&tx, p), 0, "begun");
	is_int(pl_tx_put(tx, "profile.md", "a\n", 2), PL_EDIRTY,
	    "a file removed from the index only");
	is_str(pl_error_last(), "'profile.md' has uncommitted changes; "
	    "commit or stash them first", "has uncommitted changes");
	pl_tx_free(tx);
	pl_portfolio_free(p);

	run("git -C %s reset -q && git -C %s update-index --chmod=+x "
	    "profile.md", d, d);
	p = open_at(d);
	is_int(pl_tx_begin(&tx, p), 0, "begun");
	is_int(pl_tx_put(tx, "profile.md", "a\n", 2), PL_EDIRTY,
	    "a file made executable in the index only");
	pl_tx_free(tx);
	drop(p, d);
}

/*
 * Staged twice, the second wins; the same contents made executable is a
 * change.
 */
static void
test_restage_and_mode(void)
{
	char			*d = new_portfolio(), *src;
	struct pl_portfolio	*p = open_at(d);
	struct pl_tx		*tx = NULL;
	int			 err;

	src = pl_xasprintf("%s/src", home);
	write_text(src, "first\n");
	is_int(commit_file(p, "run.sh", "echo hi\n"), 0, "committed");
	if ((err = pl_tx_begin(&tx, p)) == 0 &&
	    (err = pl_tx_put_file(tx, "notes.txt", src)) == 0 &&
	    (err = pl_tx_put(tx, "notes.txt", "second\n", 7)) == 0 &&
	    (err = pl_tx_put_mode(tx, "run.sh", "echo hi\n", 8, 1)) == 0)
		err = pl_tx_commit(tx, &msg);
	is_int(err, 0, "a file staged twice, a mode changed");
	pl_tx_free(tx);
	is_out("100644 notes.txt second\n100755 run.sh echo hi",
	    "the second staging, the new mode",
	    "cd %s && for f in notes.txt run.sh; do "
	    "echo \"$(git ls-tree HEAD $f | cut -c1-6) $f $(cat $f)\"; done",
	    d);
	is_out("", "nothing left behind", "cd %s && git status --porcelain "
	    "--ignored; ls .git | grep pl- || :", d);
	drop(p, d);
	unlink(src);
	free(src);
}

/*
 * The git folder on another file system than the working tree (a
 * gitfile, as "git init --separate-git-dir" makes): a rename cannot
 * cross, so the temporary files go beside their places.
 */
static void
test_gitdir_elsewhere(void)
{
	char			*d = new_portfolio(), *g;
	struct pl_portfolio	*p;

	g = pl_xstrdup("/dev/shm/pl-test-XXXXXX");
	if (access("/dev/shm", W_OK) != 0 || mkdtemp(g) == NULL) {
		free(g);
		g = tmpdir();
	}
	run("mv %s/.git %s/git && echo 'gitdir: %s/git' >%s/.git", d, g, g,
	    d);
	p = open_at(d);
	is_int(commit_file(p, "goals/deep/a.md", "a\n"), 0,
	    "committed with the git folder elsewhere");
	is_out("a", "in place and committed", "cd %s && cat goals/deep/a.md "
	    "&& git status --porcelain --ignored", d);
	is_out("", "no temporary file left", "find %s %s -name '*pl-tmp*'",
	    d, g);
	run("rm -rf %s", g);
	free(g);
	drop(p, d);
}

/* Notes of the portfolio, one a line. */
static char *
notes(struct pl_portfolio *p)
{
	const struct pl_strlist	*n = pl_portfolio_notes(p);
	struct pl_buf		 b = PL_BUF_INIT;
	size_t			 i;

	for (i = 0; i < n->n; i++)
		pl_buf_printf(&b, "%s\n", n->v[i]);
	return b.ptr != NULL ? pl_buf_detach(&b) : pl_xstrdup("");
}

/*
 * Between staging and committing, a folder (with a file in it) takes the
 * place of a file pl writes, one it removes, and the index: the commit
 * is made, and the notes say how to mend each.
 */
static void
test_renames_fail(void)
{
	char			*d = new_portfolio(), *s;
	struct pl_portfolio	*p = open_at(d);
	struct pl_tx		*tx = NULL;
	int			 err;

	is_int(commit_file(p, "old.md", "old\n"), 0, "committed");
	if ((err = pl_tx_begin(&tx, p)) == 0 &&
	    (err = pl_tx_put(tx, "new.md", "new\n", 4)) == 0 &&
	    (err = pl_tx_remove(tx, "old.md")) == 0) {
		run("cd %s && rm old.md && mkdir -p new.md old.md && "
		    "touch new.md/x old.md/x && mv .git/index index.keep && "
		    "mkdir .git/index && touch .git/index/x", d);
		err = pl_tx_commit(tx, &msg);
	}
	is_int(err, 0, "committed all the same");
	pl_tx_free(tx);
	is_out("goal: add x\nnew.md\nprofile.md", "git has the commit",
	    "git -C %s log -1 --format=%%s && git -C %s ls-tree --name-only "
	    "HEAD | grep -v '^[.]'", d, d);
	s = notes(p);
	is_str(s, "committed, but the index could not be put in place (Is a "
	    "directory); 'git reset' mends it\n"
	    "committed, but 'new.md' could not be put in place (Is a "
	    "directory); 'git checkout -- new.md' restores it\n"
	    "committed, but 'old.md' could not be removed (Is a directory); "
	    "remove it by hand\n", "a note for each, saying how to mend it");
	free(s);
	drop(p, d);
}

static void
test_msg_sentences(void)
{
	struct pl_msg	m = { "goal", "add", "x", NULL, "", PL_STRLIST_INIT };
	struct pl_buf	b = PL_BUF_INIT;

	pl_msg_format(&b, &m);
	is_str(b.ptr, "goal: add x\n\nPl-Kind: goal\nPl-Action: add\n"
	    "Pl-Id: x\n", "an empty sentence: no paragraph");
	pl_buf_clear(&b);
	m.sentence = ".";
	pl_msg_format(&b, &m);
	is_str(b.ptr, "goal: add x\n\n.\n\nPl-Kind: goal\nPl-Action: add\n"
	    "Pl-Id: x\n", "a lone full stop stays");
	pl_buf_clear(&b);
	m.sentence = "Read it.).";
	pl_msg_format(&b, &m);
	is_str(b.ptr, "goal: add x\n\nRead it.).\n\nPl-Kind: goal\n"
	    "Pl-Action: add\nPl-Id: x\n", "a stop after a bracket stays");
	pl_buf_release(&b);
}

int
main(void)
{
	env_setup();
	test_head();
	test_branch_unreadable();
	test_index_damaged();
	test_paths();
	test_index_not_head();
	test_restage_and_mode();
	test_gitdir_elsewhere();
	test_renames_fail();
	test_msg_sentences();
	run("rm -rf %s", home);
	return done_testing();
}
