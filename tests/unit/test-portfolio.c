/*
 * Opening, reading and making portfolios, and the identity commits get.
 * Each case works in its own temporary repository with a private HOME;
 * the git command line checks what the library wrote.
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
test_init(void)
{
	struct pl_portfolio	*p = NULL;
	struct pl_doc		*doc = NULL;
	struct pl_buf		 b = PL_BUF_INIT;
	char			*d = tmpdir(), *dir, *id = NULL;
	int			 err;

	dir = pl_xasprintf("%s/new/learner", d);
	err = pl_profile_init(&id, dir, "  Ada Lovelace ", NULL, "5", NULL);
	is_int(err, 0, "init makes a portfolio in a new folder (%s)",
	    pl_error_last());
	is_str(id, "ada-lovelace", "the id is made from the name");
	is_out("1", "one commit", "git -C %s rev-list --count HEAD", dir);
	is_out("portfolio: init ada-lovelace\n\n"
	    "Started the portfolio of Ada Lovelace.\n\n"
	    "Pl-Kind: portfolio\nPl-Action: init\nPl-Id: ada-lovelace",
	    "the commit message", "git -C %s log -1 --format=%%B", dir);
	is_out("Pl-Kind: portfolio\nPl-Action: init\nPl-Id: ada-lovelace",
	    "git reads the trailers back",
	    "git -C %s log -1 --format=%%B | git interpret-trailers --parse",
	    dir);
	is_out("A U Thor <author@example.com> 1112911993 +0200|"
	    "C O Mitter <committer@example.com> 1112912053 +0200",
	    "author and committer from the environment",
	    "git -C %s log -1 --format='%%an <%%ae> %%ad|%%cn <%%ce> %%cd' "
	    "--date=raw", dir);
	is_out(".gitattributes\n.plconfig\nprofile.md",
	    "the three files committed",
	    "git -C %s ls-tree -r --name-only HEAD", dir);
	is_out("", "clean status", "git -C %s status --porcelain --ignored",
	    dir);
	is_out("commit (initial): portfolio: init ada-lovelace",
	    "reflog as git writes it", "git -C %s reflog -1 --format=%%gs",
	    dir);
	is_int(run("git -C %s fsck --strict --no-progress 2>&1", dir), 0,
	    "git fsck");
	is_out("1", ".plconfig is git-config with portfolio.version 1",
	    "git -C %s config -f .plconfig portfolio.version", dir);

	err = pl_portfolio_open(&p, dir, NULL);
	is_int(err, 0, "the new portfolio opens (%s)", pl_error_last());
	if (p != NULL && pl_portfolio_read(&b, p, "profile.md") == 0 &&
	    pl_doc_parse(&doc, "profile.md", b.ptr, b.len) == 0) {
		is_str(pl_doc_get(doc, "name"), "Ada Lovelace", "profile name");
		is_str(pl_doc_get(doc, "id"), "ada-lovelace", "profile id");
		is_str(pl_doc_get(doc, "grade"), "5", "profile grade");
		/* 22:13:13 UTC is past midnight in the date's own +0200 */
		is_str(pl_doc_get(doc, "started"), "2005-04-08",
		    "started is the author date in its own offset");
		is_str(doc->body, "\n# Ada Lovelace\n\n## Strengths\n\n"
		    "## Needs\n\n## Interests\n\n## How I learn best\n",
		    "profile body");
		ok(strstr(b.ptr, "grade: 5") == NULL, "grade kept a string");
	} else
		ok(0, "profile.md parses (%s)", pl_error_last());
	pl_doc_free(doc);
	pl_buf_release(&b);
	pl_portfolio_free(p);
	free(id);
	free(dir);
	run("rm -rf %s", d);
	free(d);
}

static void
test_init_options(void)
{
	struct pl_portfolio	*p = NULL;
	struct pl_buf		 b = PL_BUF_INIT;
	char			*d = tmpdir(), *dir, *id = NULL, *cfg;
	int			 err;

	/* init.defaultBranch in the user's config, as git init honours it */
	cfg = pl_xasprintf("%s/.gitconfig", home);
	write_text(cfg, "[init]\n\tdefaultBranch = trunk\n");
	dir = pl_xasprintf("%s/p", d);
	err = pl_profile_init(&id, dir, "Grace", "g-1", NULL,
	    "Teach Er <teacher@example.com>");
	is_int(err, 0, "init with id, no grade, --author");
	is_str(id, "g-1", "the given id");
	is_out("refs/heads/trunk", "init.defaultBranch honoured",
	    "git -C %s symbolic-ref HEAD", dir);
	is_out("Teach Er <teacher@example.com>|C O Mitter",
	    "--author is the author, not the committer",
	    "git -C %s log -1 --format='%%an <%%ae>|%%cn'", dir);
	if (pl_portfolio_open(&p, dir, NULL) == 0 &&
	    pl_portfolio_read(&b, p, "profile.md") == 0)
		ok(strstr(b.ptr, "grade") == NULL, "no grade key");
	else
		ok(0, "reads profile.md");
	pl_portfolio_free(p);
	pl_buf_release(&b);
	unlink(cfg);
	free(cfg);
	free(dir);
	free(id);
	run("rm -rf %s", d);
	free(d);
}

static void
test_init_refuses(void)
{
	char	*d = tmpdir(), *dir, *id = NULL, *s;
	int	 err;

	dir = pl_xasprintf("%s/p", d);
	err = pl_profile_init(NULL, dir, "Ada", NULL, NULL, NULL);
	is_int(err, 0, "first init");
	err = pl_profile_init(NULL, dir, "Ada", NULL, NULL, NULL);
	is_int(err, PL_EEXISTS, "again: refused");
	s = pl_xasprintf("'%s' already has commits", dir);
	is_str(pl_error_last(), s, "says it has commits");
	free(s);
	free(dir);

	dir = pl_xasprintf("%s/full", d);
	run("mkdir %s && touch %s/notes.txt", dir, dir);
	err = pl_profile_init(NULL, dir, "Ada", NULL, NULL, NULL);
	is_int(err, PL_EEXISTS, "a folder with files: refused");
	s = pl_xasprintf("'%s' is not empty", dir);
	is_str(pl_error_last(), s, "says not empty");
	free(s);
	is_out("notes.txt", "nothing was added", "ls -A %s", dir);
	free(dir);

	dir = pl_xasprintf("%s/empty-repo", d);
	run("git init -q %s", dir);
	err = pl_profile_init(&id, dir, "Ada", NULL, NULL, NULL);
	is_int(err, 0, "an empty repository is fine (%s)", pl_error_last());
	is_out("1", "and gets its first commit",
	    "git -C %s rev-list --count HEAD", dir);
	free(id);
	free(dir);

	dir = pl_xasprintf("%s/x", d);
	is_int(pl_profile_init(NULL, dir, "  ", NULL, NULL, NULL), PL_EINVAL,
	    "blank name");
	is_str(pl_error_last(), "empty name", "says empty name");
	is_int(pl_profile_init(NULL, dir, NULL, NULL, NULL, NULL), PL_EINVAL,
	    "no name");
	is_int(pl_profile_init(NULL, dir, "Ada", "Not An Id", NULL, NULL),
	    PL_EINVAL, "bad id");
	is_int(pl_profile_init(NULL, dir, "\xf0\x9f\x8e\xaf !!!", NULL,
	    NULL, NULL), PL_EINVAL, "a name that makes no id");
	is_int(pl_profile_init(NULL, dir, "Ada", NULL, NULL, "Ada"),
	    PL_EINVAL, "malformed --author");
	ok(access(dir, F_OK) != 0, "nothing made for refused inits");

	identity_unset();
	is_int(pl_profile_init(NULL, dir, "Ada", NULL, NULL, NULL),
	    PL_EIDENTITY, "init without an identity");
	ok(strncmp(pl_error_last(), "no identity: the author has no name",
	    35) == 0, "says so (%s)", pl_error_last());
	ok(access(dir, F_OK) != 0, "and made nothing");
	identity_env();
	free(dir);
	run("rm -rf %s", d);
	free(d);
}

static void
test_open(void)
{
	struct pl_portfolio	*p = NULL;
	char			*d = new_portfolio();
	char			*sub, *real, *want, *e;
	int			 err;

	sub = pl_xasprintf("%s/goals/deeper", d);
	run("mkdir -p %s", sub);
	err = pl_portfolio_open(&p, sub, NULL);
	is_int(err, 0, "opens from a subfolder");
	real = out("cd %s && pwd -P", d);
	want = pl_xasprintf("%s/", real);
	is_str(p != NULL ? pl_portfolio_workdir(p) : NULL, want,
	    "workdir is the top with a slash");
	pl_portfolio_free(p);
	p = NULL;

	e = pl_xasprintf("%s/.git", d);
	setenv("GIT_DIR", e, 1);
	free(e);
	err = pl_portfolio_open(&p, "/", NULL);
	is_int(err, 0, "GIT_DIR overrides the search");
	pl_portfolio_free(p);
	p = NULL;
	unsetenv("GIT_DIR");

	run("git -C %s commit -q --allow-empty -m second", d);
	err = pl_portfolio_open(&p, d, "HEAD~1");
	is_int(err, 0, "opens at a revision");
	pl_portfolio_free(p);
	p = NULL;
	err = pl_portfolio_open(&p, d, "no-such-branch");
	is_int(err, PL_ENOTFOUND, "unknown revision");
	is_str(pl_error_last(), "unknown revision 'no-such-branch'", "message");

	free(sub);
	sub = pl_xasprintf("%s/wt", home);
	run("git -C %s worktree add -q -b side %s", d, sub);
	err = pl_portfolio_open(&p, sub, NULL);
	is_int(err, 0, "opens a linked worktree (%s)", pl_error_last());
	pl_portfolio_free(p);
	p = NULL;
	run("git -C %s worktree remove --force %s", d, sub);

	free(real);
	free(want);
	free(sub);
	run("rm -rf %s", d);
	free(d);
}

static void
test_not_portfolio(void)
{
	struct pl_portfolio	*p = NULL;
	char			*d = tmpdir(), *s;
	int			 err;

	err = pl_portfolio_open(&p, d, NULL);
	is_int(err, PL_ENOTPORTFOLIO, "no repository");
	s = pl_xasprintf("not a portfolio (or any of the parent directories): "
	    "%s", d);
	is_str(pl_error_last(), s, "git's wording");
	free(s);

	run("git init -q %s", d);
	err = pl_portfolio_open(&p, d, NULL);
	is_int(err, PL_ENOTPORTFOLIO, "no commits");
	ok(strstr(pl_error_last(), "no commits yet") != NULL, "says so (%s)",
	    pl_error_last());

	run("cd %s && echo hi >x && git add x && git commit -q -m x", d);
	err = pl_portfolio_open(&p, d, NULL);
	is_int(err, PL_ENOTPORTFOLIO, "no .plconfig");
	s = pl_xasprintf("not a portfolio: '%s' has no .plconfig", d);
	is_str(pl_error_last(), s, "says so");
	free(s);

	run("cd %s && printf '[portfolio]\\n\\tversion = 2\\n' >.plconfig && "
	    "git add .plconfig && git commit -q -m v2", d);
	err = pl_portfolio_open(&p, d, NULL);
	is_int(err, PL_EPARSE, "a newer version");
	is_str(pl_error_last(), ".plconfig: unsupported portfolio.version '2'",
	    "says so");

	run("cd %s && printf '[portfolio]\\n\\tversion = x\\n' >.plconfig && "
	    "git commit -q -am vx", d);
	is_int(pl_portfolio_open(&p, d, NULL), PL_EPARSE, "a version not a "
	    "number");
	is_str(pl_error_last(), ".plconfig: unsupported portfolio.version 'x'",
	    "says so");

	run("cd %s && printf '[portfolio\\n\\tversion = 1\\n' >.plconfig && "
	    "git commit -q -am broken", d);
	is_int(pl_portfolio_open(&p, d, NULL), PL_EPARSE, "broken syntax");
	ok(strncmp(pl_error_last(), ".plconfig:1: ", 13) == 0, "names file "
	    "and line (%s)", pl_error_last());
	ok(strstr(pl_error_last(), "/tmp") == NULL, "not the temporary file");
	is_out("", "no temporary file left",
	    "find %s/.git -maxdepth 1 -name 'pl-config*'", d);

	run("cd %s && printf '[portfolio]\\n\\tversion = 1\\n"
	    "[pl]\\n\\tx = y\\n' >.plconfig && git commit -q -am ok", d);
	p = open_at(d);
	s = NULL;
	is_int(pl_portfolio_setting(&s, p, "portfolio.version"), 0, "setting");
	is_str(s, "1", "portfolio.version");
	free(s);
	is_int(pl_portfolio_setting(&s, p, "pl.x"), 0, "setting");
	is_str(s, "y", "pl.x");
	free(s);
	is_int(pl_portfolio_setting(&s, p, "pl.none"), 0, "unset");
	ok(s == NULL, "unset is NULL");
	pl_portfolio_free(p);
	run("rm -rf %s", d);
	free(d);
}

static void
test_read(void)
{
	struct pl_portfolio	*p = NULL;
	struct pl_strlist	 l = PL_STRLIST_INIT;
	struct pl_buf		 b = PL_BUF_INIT;
	char			*d = new_portfolio(), *s, *j;
	static const char	*const unsafe[] = { "../x", "/etc/passwd",
				    "a/../b", "./x", "a//b", "a/", "",
				    ".git/config", "a\\b", ".GIT/x" };
	size_t			 i;

	run("cd %s && mkdir -p goals/sub && echo a >goals/a.md && "
	    "echo b >goals/b.md && echo c >goals/b-c.md && echo t "
	    ">goals/x.txt && echo s >goals/sub/s.md && echo m >goals/.md && "
	    "ln -s ../profile.md goals/link.md && ln -s ../profile.md link && "
	    "git add . && git commit -q -m goals", d);
	if (pl_portfolio_open(&p, d, NULL) != 0) {
		ok(0, "open: %s", pl_error_last());
		return;
	}
	is_int(pl_portfolio_read(&b, p, "goals/a.md"), 0, "read a file");
	is_str(b.ptr, "a\n", "its committed text");
	pl_buf_clear(&b);
	write_text(j = pl_xasprintf("%s/goals/a.md", d), "edited\n");
	free(j);
	is_int(pl_portfolio_read(&b, p, "goals/a.md"), 0, "read again");
	is_str(b.ptr, "a\n", "working edits are not seen");
	pl_buf_release(&b);
	is_int(pl_portfolio_read(&b, p, "nope.md"), PL_ENOTFOUND, "missing");
	is_str(pl_error_last(), "'nope.md' not found", "message");
	is_int(pl_portfolio_read(&b, p, "goals"), PL_ENOTFOUND, "a folder");
	for (i = 0; i < sizeof unsafe / sizeof *unsafe; i++) {
		is_int(pl_portfolio_read(&b, p, unsafe[i]), PL_EUNSAFE,
		    "unsafe '%s'", unsafe[i]);
		s = pl_xasprintf("unsafe path '%s'", unsafe[i]);
		is_str(pl_error_last(), s, "message for '%s'", unsafe[i]);
		free(s);
	}
	is_int(pl_portfolio_read(&b, p, "link"), PL_EUNSAFE, "symlink entry");
	is_int(pl_portfolio_read(&b, p, "link/x"), PL_ENOTFOUND,
	    "no way through a symlink");
	pl_buf_release(&b);

	is_int(pl_portfolio_list(&l, p, "goals", ".md"), 0, "list");
	s = l.n == 4 ? pl_xasprintf("%s %s %s %s", l.v[0], l.v[1], l.v[2],
	    l.v[3]) : pl_xasprintf("%zu items", l.n);
	is_str(s, "a b b-c link", "files and links ending in .md, sorted, "
	    "suffix removed, no folders");
	free(s);
	pl_strlist_release(&l);
	pl_strlist_push(&l, "first");
	is_int(pl_portfolio_list(&l, p, "missing", ".md"), 0, "missing dir");
	is_int(l.n, 1, "adds nothing, keeps what was there");
	is_int(pl_portfolio_list(&l, p, "", ".md"), 0, "top folder");
	is_int(l.n, 2, "profile.md");
	is_str(l.v[1], "profile", "its name");
	is_int(pl_portfolio_list(&l, p, "../x", ".md"), PL_EUNSAFE,
	    "unsafe dir");
	pl_strlist_release(&l);

	ok(pl_portfolio_exists(p, "goals/a.md"), "exists in the tree");
	write_text(j = pl_xasprintf("%s/untracked.md", d), "u\n");
	free(j);
	ok(pl_portfolio_exists(p, "untracked.md"), "exists in the worktree");
	ok(!pl_portfolio_exists(p, "nothing.md"), "does not exist");
	ok(!pl_portfolio_exists(p, "../etc"), "unsafe never exists");
	pl_portfolio_free(p);
	run("rm -rf %s", d);
	free(d);
}

static void
test_identity(void)
{
	struct pl_portfolio	*p = NULL;
	char			*d = new_portfolio(), *before;
	static const char	*const bad[] = { "Grace", "Grace <g@x",
				    "<g@x>", "Grace <>", "Grace <a> b",
				    "G <a<b>" };
	size_t			 i;

	if (pl_portfolio_open(&p, d, NULL) != 0) {
		ok(0, "open: %s", pl_error_last());
		return;
	}
	for (i = 0; i < sizeof bad / sizeof *bad; i++)
		is_int(pl_portfolio_set_author(p, bad[i]), PL_EINVAL,
		    "malformed author '%s'", bad[i]);
	is_int(pl_portfolio_set_author(p,
	    " Grace  Hopper <grace@example.com> "), 0, "author set");
	is_int(commit_file(p, "a.md", "a\n"), 0, "commit with --author");
	is_out("Grace  Hopper <grace@example.com>|"
	    "C O Mitter <committer@example.com>", "author from --author, "
	    "committer from the environment",
	    "git -C %s log -1 --format='%%an <%%ae>|%%cn <%%ce>'", d);
	pl_portfolio_free(p);
	p = NULL;

	/* From the repository's config alone. */
	identity_unset();
	run("git -C %s config user.name 'Con Fig'", d);
	run("git -C %s config user.email 'config@example.com'", d);
	p = open_at(d);
	is_int(commit_file(p, "b.md", "b\n"), 0, "commit from config");
	is_out("Con Fig <config@example.com>|Con Fig <config@example.com>",
	    "both from user.*",
	    "git -C %s log -1 --format='%%an <%%ae>|%%cn <%%ce>'", d);
	pl_portfolio_free(p);
	p = NULL;

	/* EMAIL after user.email, as git. */
	run("git -C %s config --unset user.email", d);
	setenv("EMAIL", "env@example.com", 1);
	p = open_at(d);
	is_int(commit_file(p, "c.md", "c\n"), 0, "commit with EMAIL");
	is_out("env@example.com", "email from EMAIL",
	    "git -C %s log -1 --format='%%ae'", d);
	pl_portfolio_free(p);
	p = NULL;

	/* No identity: refused before anything is written. */
	unsetenv("EMAIL");
	run("git -C %s config --unset user.name", d);
	before = out("git -C %s rev-parse HEAD", d);
	p = open_at(d);
	is_int(commit_file(p, "d.md", "d\n"), PL_EIDENTITY,
	    "commit without identity");
	is_str(pl_error_last(), "no identity: the author has no name nor "
	    "email; tell git who you are with 'git config --global user.name "
	    "\"Your Name\"' and 'git config --global user.email "
	    "you@example.com'", "says who lacks what, and how to set it");
	setenv("GIT_AUTHOR_NAME", "A U Thor", 1);
	is_int(commit_file(p, "d.md", "d\n"), PL_EIDENTITY, "no email");
	is_str(pl_error_last(), "no identity: the author has no email; tell "
	    "git with 'git config --global user.email you@example.com'",
	    "the author's email");
	setenv("GIT_AUTHOR_EMAIL", "author@example.com", 1);
	setenv("GIT_COMMITTER_EMAIL", "committer@example.com", 1);
	is_int(commit_file(p, "d.md", "d\n"), PL_EIDENTITY,
	    "a committer half configured");
	is_str(pl_error_last(), "no identity: the committer has no name; tell "
	    "git with 'git config --global user.name \"Your Name\"'",
	    "the committer's name");
	identity_unset();
	setenv("GIT_COMMITTER_NAME", "C O Mitter", 1);
	setenv("GIT_COMMITTER_EMAIL", "committer@example.com", 1);
	is_int(commit_file(p, "d.md", "d\n"), PL_EIDENTITY,
	    "a committer is not an author");
	is_str(pl_error_last(), "no identity: the author has no name nor "
	    "email; tell git who you are with 'git config --global user.name "
	    "\"Your Name\"' and 'git config --global user.email "
	    "you@example.com'", "the author");
	is_out(before, "nothing committed", "git -C %s rev-parse HEAD", d);
	is_out("", "nothing written", "git -C %s status --porcelain --ignored",
	    d);
	ok(!pl_portfolio_exists(p, "d.md"), "no d.md");
	is_out("", "lock released", "find %s/.git -maxdepth 1 -name '*lock*'",
	    d);
	free(before);

	/* No committer configured: the author commits. */
	identity_unset();
	setenv("GIT_AUTHOR_NAME", "A U Thor", 1);
	setenv("GIT_AUTHOR_EMAIL", "author@example.com", 1);
	is_int(commit_file(p, "e.md", "e\n"), 0, "GIT_AUTHOR_* is enough");
	is_out("A U Thor <author@example.com>|A U Thor <author@example.com>",
	    "the author is the committer",
	    "git -C %s log -1 --format='%%an <%%ae>|%%cn <%%ce>'", d);
	unsetenv("GIT_AUTHOR_NAME");
	unsetenv("GIT_AUTHOR_EMAIL");
	is_int(pl_portfolio_set_author(p, "Grace <grace@example.com>"), 0,
	    "author set");
	is_int(commit_file(p, "f.md", "f\n"), 0, "--author is enough");
	is_out("Grace <grace@example.com>|Grace <grace@example.com>",
	    "--author's is the committer",
	    "git -C %s log -1 --format='%%an <%%ae>|%%cn <%%ce>'", d);
	pl_portfolio_free(p);
	identity_env();
	run("rm -rf %s", d);
	free(d);
}

struct date_case {
	const char	*tz;
	const char	*in;
	const char	*raw;	/* --date=raw, or NULL: refused */
	const char	*today;
};

static void
test_dates(void)
{
	static const struct date_case	cases[] = {
		{ "UTC", "@1112911993 +0200", "1112911993 +0200",
		    "2005-04-08" },
		{ "UTC", "1112911993 +0200", "1112911993 +0200", "2005-04-08" },
		{ "UTC", "@1112911993", "1112911993 +0000", "2005-04-07" },
		{ "UTC", "Thu, 07 Apr 2005 22:13:13 +0200",
		    "1112904793 +0200", "2005-04-07" },
		{ "UTC", "07 Apr 2005 22:13:13 -0700", "1112937193 -0700",
		    "2005-04-07" },
		{ "UTC", "2005-04-07T22:13:13", "1112911993 +0000",
		    "2005-04-07" },
		{ "UTC", "2005-04-07 22:13:13 +0200", "1112904793 +0200",
		    "2005-04-07" },
		{ "UTC", "2005-04-07T22:13:13Z", "1112911993 +0000",
		    "2005-04-07" },
		{ "UTC", "2005-04-07T22:13:13+02:00", "1112904793 +0200",
		    "2005-04-07" },
		{ "UTC", "2005-04-07T23:30:00-0500", "1112934600 -0500",
		    "2005-04-07" },
		{ "UTC", "2005-04-07T22:13:13.5Z", "1112911993 +0000",
		    "2005-04-07" },
		{ "XYZ-03:30", "2005-04-07T22:13:13", "1112899393 +0330",
		    "2005-04-07" },
		{ "EST5EDT", "2005-04-07 22:13:13", "1112926393 -0400",
		    "2005-04-07" },
		{ "XYZ-03:30", "@1112911993", "1112911993 +0330",
		    "2005-04-08" },
		{ "UTC", "garbage", NULL, NULL },
		{ "UTC", "2005-13-01T00:00:00", NULL, NULL },
		{ "UTC", "2005-02-29 10:00", NULL, NULL },
		{ "UTC", "2005-04-07", NULL, NULL },
		{ "UTC", "12345", NULL, NULL },
		{ "UTC", "Thu, 07 Foo 2005 22:13:13 +0200", NULL, NULL },
		/* tabs, zone names, a month spelt out */
		{ "UTC", "\t2005-04-07 \t22:13:13\tGMT", "1112911993 +0000",
		    "2005-04-07" },
		{ "UTC", "2005-04-07 22:13:13 utc", "1112911993 +0000",
		    "2005-04-07" },
		{ "UTC", "Thu,\t07\tApril\t2005\t22:13:13\t+0200",
		    "1112904793 +0200", "2005-04-07" },
		/* each field out of range or cut short */
		{ "UTC", "2005-04-07T22:13:13+24", NULL, NULL },
		{ "UTC", "2005-04-07T22:13:13+02:60", NULL, NULL },
		{ "UTC", "2005-04-07T24:13", NULL, NULL },
		{ "UTC", "2005-04-07T22-13", NULL, NULL },
		{ "UTC", "2005-04-07T22:60", NULL, NULL },
		{ "UTC", "2005-04-07T22:13:61", NULL, NULL },
		{ "UTC", "2005-04-07T22:13:13.Z", NULL, NULL },
		{ "UTC", "2005-04-07T22:13:13Z and more", NULL, NULL },
		{ "UTC", "2005-00-07T22:13:13", NULL, NULL },
		{ "UTC", "2005-04+07T22:13:13", NULL, NULL },
		{ "UTC", "07 Apr 1969 22:13:13 +0200", NULL, NULL },
		{ "UTC", "07 Apr 2005 24:13:13 +0200", NULL, NULL },
		{ "UTC", "07 Apr 2005 22:13:13 +2400", NULL, NULL },
		{ "UTC", "07 Apr 2005 22:13:13 +0200 and more", NULL, NULL },
		{ "UTC", "@1112911993x", NULL, NULL },
		{ "UTC", "@1112911993 +2400", NULL, NULL },
		{ "UTC", "@1112911993 +0200 and more", NULL, NULL },
	};
	struct pl_portfolio	*p = NULL;
	struct pl_date		 today;
	char			*d = new_portfolio(), *s, *msg;
	char			 day[PL_DATE_LEN], want[PL_DATE_LEN];
	time_t			 now;
	size_t			 i;
	int			 err;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		setenv("TZ", cases[i].tz, 1);
		tzset();
		setenv("GIT_AUTHOR_DATE", cases[i].in, 1);
		if (pl_portfolio_open(&p, d, NULL) != 0) {
			ok(0, "open: %s", pl_error_last());
			continue;
		}
		err = pl_portfolio_today(&today, p);
		if (cases[i].raw == NULL) {
			is_int(err, PL_EINVAL, "'%s' refused", cases[i].in);
			msg = pl_xasprintf("invalid date in GIT_AUTHOR_DATE: "
			    "'%s'", cases[i].in);
			is_str(pl_error_last(), msg, "message");
			free(msg);
			is_int(commit_file(p, "x.md", cases[i].in), PL_EINVAL,
			    "and no commit");
		} else {
			is_int(err, 0, "'%s' (TZ=%s)", cases[i].in,
			    cases[i].tz);
			pl_date_format(day, today);
			is_str(day, cases[i].today, "today for '%s'",
			    cases[i].in);
			is_int(commit_file(p, "x.md", cases[i].in), 0,
			    "commit");
			s = out("git -C %s log -1 --format=%%ad --date=raw", d);
			is_str(s, cases[i].raw, "author date for '%s'",
			    cases[i].in);
			free(s);
		}
		pl_portfolio_free(p);
		p = NULL;
	}
	setenv("TZ", "UTC", 1);
	tzset();
	identity_env();

	/* Without GIT_AUTHOR_DATE: now, and today in the local zone. */
	unsetenv("GIT_AUTHOR_DATE");
	p = open_at(d);
	now = time(NULL);
	strftime(want, sizeof want, "%Y-%m-%d", gmtime(&now));
	is_int(pl_portfolio_today(&today, p), 0, "today from now");
	pl_date_format(day, today);
	is_str(day, want, "is today");
	pl_portfolio_free(p);
	identity_env();
	run("rm -rf %s", d);
	free(d);
}

/* Reset d to its first commit, for the next case of a corrupt repository. */
static void
reset_first(const char *d)
{
	run("cd %s && git reset -q --hard $(git rev-list --max-parents=0 "
	    "HEAD)", d);
}

/* Removes the loose object of the blob at rev:path. */
static void
drop_object(const char *d, const char *revpath)
{
	char	*id = out("git -C %s rev-parse %s", d, revpath);

	run("rm -f %s/.git/objects/%.2s/%s", d, id, id + 2);
	free(id);
}

static void
test_corrupt(void)
{
	struct pl_portfolio	*p = NULL;
	struct pl_buf		 b = PL_BUF_INIT;
	char			*d = new_portfolio(), *branch;

	run("cd %s && printf '[portfolio]\\n\\tx = 1\\n' >.plconfig && "
	    "git commit -q -am nover", d);
	is_int(pl_portfolio_open(&p, d, NULL), PL_EPARSE, "no version");
	is_str(pl_error_last(), ".plconfig: portfolio.version is missing",
	    "says so");

	reset_first(d);
	run("cd %s && rm .plconfig && ln -s profile.md .plconfig && "
	    "git add .plconfig && git commit -q -m link", d);
	is_int(pl_portfolio_open(&p, d, NULL), PL_EPARSE, "settings a link");
	is_str(pl_error_last(), ".plconfig: not a regular file", "says so");

	reset_first(d);
	run("cd %s && chmod +x .plconfig && git commit -q -am exec", d);
	is_out("100755", "committed executable",
	    "git -C %s ls-tree HEAD .plconfig | cut -c1-6", d);
	is_int(pl_portfolio_open(&p, d, NULL), 0, "executable settings read "
	    "(%s)", pl_error_last());
	pl_portfolio_free(p);
	p = NULL;

	/* A blob git lost: the settings, then a file read later. */
	reset_first(d);
	run("cd %s && printf '[portfolio]\\n\\tversion = 1\\n\\tlost = 1\\n' "
	    ">.plconfig && git commit -q -am lost", d);
	drop_object(d, "HEAD:.plconfig");
	is_int(pl_portfolio_open(&p, d, NULL), PL_ENOTFOUND, "settings blob "
	    "missing");
	ok(strncmp(pl_error_last(), ".plconfig: object not found", 27) == 0,
	    "says which file (%s)", pl_error_last());

	reset_first(d);
	run("cd %s && mkdir goals && echo lost >goals/x.md && "
	    "git add goals && git commit -q -m x", d);
	drop_object(d, "HEAD:goals/x.md");
	p = open_at(d);
	is_int(pl_portfolio_read(&b, p, "goals/x.md"), PL_ENOTFOUND,
	    "file blob missing");
	ok(strncmp(pl_error_last(), "goals/x.md: object not found", 28) == 0,
	    "says which file (%s)", pl_error_last());
	is_int(b.len, 0, "nothing read");
	pl_portfolio_free(p);
	p = NULL;

	/* The branch names a commit git does not have, or is garbage. */
	reset_first(d);
	branch = out("git -C %s symbolic-ref HEAD", d);
	run("echo 0123456789012345678901234567890123456789 >%s/.git/%s", d,
	    branch);
	is_int(pl_portfolio_open(&p, d, NULL), PL_ERROR, "HEAD's commit "
	    "missing");
	ok(strncmp(pl_error_last(), "cannot read HEAD: ", 18) == 0,
	    "says so (%s)", pl_error_last());
	run("echo garbage >%s/.git/%s", d, branch);
	is_int(pl_portfolio_open(&p, d, NULL), PL_ERROR, "HEAD garbage");
	ok(strncmp(pl_error_last(), "cannot read HEAD: ", 18) == 0,
	    "says so (%s)", pl_error_last());

	pl_buf_release(&b);
	free(branch);
	run("rm -rf %s", d);
	free(d);
}

static void
test_open_edges(void)
{
	struct pl_portfolio	*p = NULL;
	struct pl_buf		 b = PL_BUF_INIT;
	char			*d = new_portfolio(), *bare, *s, *cwd;

	p = open_at(d);
	is_int(pl_portfolio_read(&b, p, NULL), PL_EUNSAFE, "no path is "
	    "unsafe");
	is_str(pl_error_last(), "unsafe path ''", "says so");
	pl_portfolio_free(p);
	p = NULL;

	cwd = getcwd(NULL, 0);
	if (chdir(d) != 0)
		perror(d);
	is_int(pl_portfolio_open(&p, NULL, NULL), 0, "no path: here");
	pl_portfolio_free(p);
	p = NULL;
	setenv("GIT_WORK_TREE", "", 1);
	is_int(pl_portfolio_open(&p, NULL, NULL), 0, "empty GIT_WORK_TREE "
	    "is none");
	pl_portfolio_free(p);
	p = NULL;
	unsetenv("GIT_WORK_TREE");
	if (chdir(cwd) != 0)
		perror(cwd);
	free(cwd);

	is_int(pl_portfolio_open(&p, d, "HEAD^{/Started}"), PL_ENOTFOUND,
	    "a message search");
	is_str(pl_error_last(), "unknown revision 'HEAD^{/Started}' (pl does "
	    "not search commit messages; name a commit, branch or tag)",
	    "says why");

	bare = pl_xasprintf("%s/bare.git", home);
	run("git init -q --bare %s", bare);
	is_int(pl_portfolio_open(&p, bare, NULL), PL_ENOTPORTFOLIO,
	    "a bare repository without commits");
	s = pl_xasprintf("'%s' is not a portfolio (no commits yet)", bare);
	is_str(pl_error_last(), s, "names the git folder, no slash");
	free(s);
	run("rm -rf %s", bare);
	free(bare);

	run("rm -rf %s", d);
	free(d);
}

/* Commits settings text to d with git, as a person would. */
static void
commit_settings(const char *d, const char *text)
{
	char	*path = pl_xasprintf("%s/.plconfig", d);

	write_text(path, text);
	run("git -C %s commit -q -am settings", d);
	free(path);
}

static void
test_hold(void)
{
	struct pl_portfolio	*p = NULL, *q = NULL;
	char			*d = new_portfolio();

	commit_settings(d, "[portfolio]\n\tversion = 1\n\tlockTimeout = "
	    "3601\n");
	p = open_at(d);
	is_int(pl_portfolio_hold(p), PL_EPARSE, "a timeout over an hour");
	is_str(pl_error_last(), ".plconfig: portfolio.lockTimeout must be a "
	    "number of seconds from 0 to 3600, not '3601'", "says so");
	pl_portfolio_free(p);

	commit_settings(d, "[portfolio]\n\tversion = 1\n\tlockTimeout = 0\n");
	p = open_at(d);
	q = open_at(d);
	is_int(pl_portfolio_hold(p), 0, "holds");
	is_int(pl_portfolio_hold(p), 0, "holds again: nothing to do");
	is_int(pl_portfolio_hold(q), PL_ELOCKED, "another cannot");
	pl_portfolio_free(p);
	pl_portfolio_free(q);

	/* Settings broken by a commit made after the open. */
	p = open_at(d);
	commit_settings(d, "[portfolio]\n\tversion = 9\n");
	is_int(pl_portfolio_hold(p), PL_EPARSE, "the new settings read");
	is_str(pl_error_last(), ".plconfig: unsupported portfolio.version '9'",
	    "says so");
	pl_portfolio_free(p);

	run("rm -rf %s", d);
	free(d);
}

/* The list joined by commas; the caller frees. */
static char *
joined(const struct pl_strlist *l)
{
	struct pl_buf	b = PL_BUF_INIT;

	pl_strlist_join(&b, l, ",");
	return pl_buf_detach(&b);
}

static void
test_lists(void)
{
	struct pl_portfolio	*p = NULL;
	struct pl_strlist	 l = PL_STRLIST_INIT;
	char			*d = new_portfolio(), *s, *branch, *want;

	run("cd %s && git tag v1 && git update-ref refs/remotes/origin/main "
	    "HEAD && git symbolic-ref refs/remotes/origin/HEAD "
	    "refs/remotes/origin/main && git update-ref refs/notes/x HEAD", d);
	p = open_at(d);
	is_int(pl_portfolio_refs(&l, p), 0, "refs");
	s = joined(&l);
	branch = out("git -C %s symbolic-ref --short HEAD", d);
	want = pl_xasprintf("%s,origin/main,v1", branch);
	is_str(s, want, "branches, tags, remotes; not origin/HEAD nor notes");
	free(s);
	free(want);
	free(branch);
	pl_strlist_release(&l);

	is_int(pl_portfolio_list(&l, p, ".", NULL), 0, "list the top");
	s = joined(&l);
	is_str(s, ".gitattributes,.plconfig,profile.md", "every file, no "
	    "suffix");
	free(s);
	pl_strlist_release(&l);
	is_int(pl_portfolio_list_files(&l, p, "profile.md"), 0, "files of a "
	    "file");
	is_int(l.n, 0, "none");

	is_int(pl_portfolio_setting(&s, p, "nodot"), PL_EINVAL, "a setting "
	    "name without a section");
	is_str(pl_error_last(), "invalid setting name 'nodot'", "says so");

	run("git config --global pl.test yes");
	is_int(pl_portfolio_git_config_string(&s, p, "pl.test"), 0,
	    "the user's config through a portfolio");
	is_str(s, "yes", "read");
	free(s);
	is_int(pl_portfolio_git_config_string(&s, NULL, "pl.test"), 0,
	    "the user's config without a portfolio");
	is_str(s, "yes", "read");
	free(s);
	pl_portfolio_free(p);
	is_int(pl_portfolio_git_config_string(&s, NULL, "pl.test"), 0,
	    "no portfolio open at all");
	is_str(s, "yes", "read");
	free(s);
	run("git config --global --unset pl.test");

	run("rm -rf %s", d);
	free(d);
}

static void
test_init_edges(void)
{
	char	*d = tmpdir(), *cwd = getcwd(NULL, 0), *s, *id = NULL;

	if (chdir(d) != 0)
		perror(d);
	is_int(pl_profile_init(&id, NULL, "Ada Here", NULL, NULL, NULL), 0,
	    "init with no folder: here");
	is_str(id, "ada-here", "the id");
	free(id);
	id = NULL;
	if (chdir(cwd) != 0)
		perror(cwd);
	is_out("profile.md", "committed here", "git -C %s ls-files "
	    "profile.md", d);

	s = pl_xasprintf("%s/profile.md/sub", d);
	is_int(pl_profile_init(&id, s, "Ada", NULL, NULL, NULL), PL_ERROR,
	    "init under a file");
	free(s);
	s = pl_xasprintf("cannot read '%s/profile.md/sub': Not a directory",
	    d);
	is_str(pl_error_last(), s, "says why");
	free(s);

	/* A name of blanks is no name: the author has none. */
	setenv("GIT_AUTHOR_NAME", "  ", 1);
	s = pl_xasprintf("%s/blank", d);
	is_int(pl_profile_init(&id, s, "Ada", NULL, NULL, NULL),
	    PL_EIDENTITY, "a blank author name");
	ok(strncmp(pl_error_last(), "no identity: the author has no name;",
	    36) == 0, "says so (%s)", pl_error_last());
	identity_env();
	free(s);

	free(cwd);
	run("rm -rf %s", d);
	free(d);
}

int
main(void)
{
	env_setup();
	test_init();
	test_init_options();
	test_init_refuses();
	test_open();
	test_not_portfolio();
	test_read();
	test_identity();
	test_dates();
	test_corrupt();
	test_open_edges();
	test_hold();
	test_lists();
	test_init_edges();
	run("rm -rf %s", home);
	free(home);
	return done_testing();
}
