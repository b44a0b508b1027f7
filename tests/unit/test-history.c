/*
 * The history walk (pl log, reports as of a day) over histories made with
 * plain git: commits at one second (a script's, a merge's), many branches
 * merged at once, files that are not pl's entries, messages without a
 * sentence, and more commits than the walk's first tables hold.  The
 * order is checked against git log --no-merges --date-order, which never
 * lists a parent before its children (plain git log does, when their
 * times are equal).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pl/progress/history.h"
#include "tap.h"
#include "testrepo.h"

/* Each change from rev, one line each: "commit kind action id path|detail". */
static char *
walk(struct pl_portfolio *p, const char *rev, int ids_only)
{
	struct pl_history	*h = NULL;
	const struct pl_change	*c;
	struct pl_buf		 b = PL_BUF_INIT;
	char			 last[41] = "";
	int			 err;

	if ((err = pl_history_new(&h, p, rev)) != 0)
		return pl_xasprintf("error %d: %s", err, pl_error_last());
	while ((err = pl_history_next(&c, h)) == 0 && c != NULL) {
		if (ids_only) {
			/* a commit made by hand is one change per file */
			if (strcmp(last, c->commit) != 0)
				pl_buf_printf(&b, "%s%s", b.len > 0 ? "\n" : "",
				    c->commit);
			memcpy(last, c->commit, sizeof last);
			continue;
		}
		pl_buf_printf(&b, "%s%s %s %s%s%s|%s", b.len > 0 ? "\n" : "",
		    c->kind, c->action, c->id, c->path != NULL ? " " : "",
		    c->path != NULL ? c->path : "", c->detail);
	}
	if (err != 0)
		pl_buf_printf(&b, "\nerror %d: %s", err, pl_error_last());
	pl_history_free(h);
	return pl_buf_detach(&b);
}

/* Files in a portfolio's folders, committed by hand in one commit each. */
static void
test_hand_commits(void)
{
	char			*d = new_portfolio(), *s;
	struct pl_portfolio	*p;

	run("cd %s && mkdir -p goals/sub evidence/a standards && "
	    "echo g >goals/.md && echo g >goals/README && echo g >goals/sub/x && "
	    "echo e >evidence/a/pic.png && echo s >standards/m.csv && "
	    "echo s >standards/.csv && echo s >standards/notes.txt && "
	    "git add -A && git commit -q -m 'by hand'", d);
	run("cd %s && echo more >>profile.md && "
	    "git commit -q -a --allow-empty-message -m ''", d);
	run("cd %s && git rm -q -r goals/sub && echo f >goals/sub && "
	    "git add goals/sub && git commit -q -m 'a folder made a file'", d);
	/* a pl commit without the sentence paragraph */
	run("cd %s && printf 'goal: add y\\n\\nPl-Kind: goal\\n"
	    "Pl-Action: add\\nPl-Id: y\\n' | git commit -q --allow-empty -F -",
	    d);
	p = open_at(d);
	s = walk(p, NULL, 0);
	is_str(s,
	    "goal add y|goal: add y\n"
	    "goal rm sub goals/sub/x|a folder made a file\n"
	    "goal add sub goals/sub|a folder made a file\n"
	    "profile edit  profile.md|\n"
	    "goal add .md goals/.md|by hand\n"
	    "goal add README goals/README|by hand\n"
	    "goal add sub goals/sub/x|by hand\n"
	    "evidence add a evidence/a/pic.png|by hand\n"
	    "align add .csv standards/.csv|by hand\n"
	    "align add m standards/m.csv|by hand\n"
	    "align add notes.txt standards/notes.txt|by hand\n"
	    "portfolio init ada-lovelace|Started the portfolio of Ada Lovelace.",
	    "hand commits: one change per file, ids from names; a message "
	    "without a sentence or empty gives its subject");
	free(s);
	pl_portfolio_free(p);
	run("rm -rf %s", d);
	free(d);
}

/*
 * The changes of the first commit listed from rev, "A path" a line, in
 * the walk's order; with sorted, sorted as git diff-tree sorts them.
 */
static char *
changes(struct pl_portfolio *p, const char *rev, int sorted)
{
	struct pl_history	*h = NULL;
	const struct pl_change	*c;
	struct pl_strlist	 l = { 0 };
	struct pl_buf		 b = PL_BUF_INIT;
	char			 first[41] = "";
	int			 err;

	if ((err = pl_history_new(&h, p, rev)) != 0)
		return pl_xasprintf("error %d: %s", err, pl_error_last());
	while ((err = pl_history_next(&c, h)) == 0 && c != NULL) {
		if (*first == '\0')
			memcpy(first, c->commit, sizeof first);
		if (strcmp(first, c->commit) != 0)
			break;
		if (c->path != NULL)
			pl_strlist_push_owned(&l, pl_xasprintf("%c %s",
			    *c->action == 'a' ? 'A' : *c->action == 'e' ? 'M' :
			    'D', c->path));
	}
	if (sorted)
		pl_strlist_sort(&l);
	pl_strlist_join(&b, &l, "\n");
	if (err != 0)
		pl_buf_printf(&b, "\nerror %d: %s", err, pl_error_last());
	pl_strlist_release(&l);
	pl_history_free(h);
	return pl_buf_detach(&b);
}

/* What git diff-tree says commit rev changed in pl's folders, sorted. */
static char *
git_changes(const char *d, const char *rev)
{
	return out("git -C %s diff-tree --root --no-renames -r --name-status "
	    "%s -- goals evidence reflections standards profile.md | "
	    "sed 1d | tr '\\t' ' ' | LC_ALL=C sort", d, rev);
}

/* The walk's changes of rev are want, and git's, sorted. */
static void
check_commit(struct pl_portfolio *p, const char *d, const char *rev,
    const char *want, const char *what)
{
	char	*s = changes(p, rev, 0), *g, *mine;

	is_str(s, want, "%s", what);
	free(s);
	g = git_changes(d, rev);
	mine = changes(p, rev, 1);
	is_str(mine, g, "%s: as git diff-tree says", what);
	free(mine);
	free(g);
}

/*
 * Hand commits compared tree against tree: files added, removed and
 * changed among hundreds in one folder (first, middle, last), a file that
 * became a folder and back beside names that sort between the two
 * ("a" < "a.md" < "a/"), nested folders, a folder emptied, a root commit,
 * an empty tree, and a commit brought in by a merge.  Each description
 * is the one the walk gave before it read raw trees, and git diff-tree's.
 */
static void
test_tree_changes(void)
{
	char			*d = new_portfolio(), *s;
	struct pl_portfolio	*p;

	run("cd %s && mkdir -p evidence goals && for i in $(seq 100 399); do "
	    "echo $i >evidence/e$i.md; done && echo a >goals/a && "
	    "echo m >goals/a.md && echo z >goals/a0 && git add -A && "
	    "git commit -q -m many", d);
	run("cd %s && echo x >evidence/e250.md && rm evidence/e100.md && "
	    "echo n >evidence/e400.md && echo f >evidence/e0.md && "
	    "echo y >evidence/e399.md && git add -A && "
	    "git commit -q -m 'edges and middle'", d);
	run("cd %s && git rm -q goals/a && mkdir goals/a && echo in "
	    ">goals/a/x.md && mkdir -p goals/a/deep/er && echo d "
	    ">goals/a/deep/er/y.md && git add -A && "
	    "git commit -q -m 'a file made a folder'", d);
	run("cd %s && echo changed >goals/a/deep/er/y.md && echo new "
	    ">goals/a/deep/z.md && git rm -q goals/a/x.md && git add -A && "
	    "git commit -q -m nested", d);
	run("cd %s && git rm -q -r goals/a && echo back >goals/a && "
	    "git add -A && git commit -q -m 'and back'", d);
	run("cd %s && git rm -q -r goals && git commit -q -m 'no goals'", d);
	p = open_at(d);
	check_commit(p, d, "HEAD~4", "D evidence/e100.md\n"
	    "M evidence/e250.md\nM evidence/e399.md\nA evidence/e0.md\n"
	    "A evidence/e400.md", "one folder of 300: first, middle, last");
	check_commit(p, d, "HEAD~3", "D goals/a\nA goals/a/deep/er/y.md\n"
	    "A goals/a/x.md", "a file made a folder, a.md beside it");
	check_commit(p, d, "HEAD~2", "M goals/a/deep/er/y.md\n"
	    "A goals/a/deep/z.md\nD goals/a/x.md", "nested folders");
	check_commit(p, d, "HEAD~1", "D goals/a/deep/er/y.md\n"
	    "D goals/a/deep/z.md\nA goals/a", "a folder made a file");
	check_commit(p, d, "HEAD", "D goals/a\nD goals/a.md\nD goals/a0",
	    "a folder removed");
	pl_portfolio_free(p);

	/* a root commit of an empty tree, then files, then a merge */
	run("cd %s && git checkout -q --orphan other && git rm -q -r -f . && "
	    "git commit -q --allow-empty -m empty && mkdir reflections && "
	    "echo r >reflections/r.md && echo p >profile.md && git add -A && "
	    "git commit -q -m files && git checkout -q master 2>/dev/null || "
	    "git checkout -q main", d);
	run("cd %s && git merge -q --allow-unrelated-histories -m merged "
	    "other >/dev/null 2>&1; git checkout -q other -- . && git commit "
	    "-q -m merged", d);
	p = open_at(d);
	check_commit(p, d, "other~1", "", "a root commit of the empty tree");
	check_commit(p, d, "other", "A reflections/r.md\nA profile.md",
	    "files added to an empty tree");
	s = changes(p, "HEAD", 0);
	is_str(s, "D goals/a\nD goals/a.md\nD goals/a0",
	    "a merge records no change of its own: the walk goes on to its "
	    "parents");
	free(s);
	pl_portfolio_free(p);
	run("rm -rf %s", d);
	free(d);
}

/*
 * A submodule's commit where a file was (no type in common: removed,
 * added), and hand commits one after another, whose trees the next
 * comparison reuses.
 */
static void
test_tree_kinds(void)
{
	char			*d = new_portfolio(), *s;
	struct pl_portfolio	*p;

	run("cd %s && mkdir evidence && echo s >evidence/s.md && git add -A && "
	    "git commit -q -m one && echo t >evidence/s.md && git commit -q "
	    "-a -m two && git rm -q --cached evidence/s.md && git "
	    "update-index --add --cacheinfo 160000,$(git rev-parse HEAD),"
	    "evidence/s.md && git commit -q -m three && git rm -q --cached "
	    "evidence/s.md && git commit -q -m four", d);
	p = open_at(d);
	s = changes(p, "HEAD", 0);
	is_str(s, "D evidence/s.md", "a submodule removed");
	free(s);
	s = changes(p, "HEAD~1", 0);
	is_str(s, "D evidence/s.md\nA evidence/s.md",
	    "a file made a submodule: removed, then added");
	free(s);
	check_commit(p, d, "HEAD~2", "M evidence/s.md", "the commit before");
	check_commit(p, d, "HEAD~3", "A evidence/s.md", "and before it");
	s = walk(p, NULL, 0);
	is_str(s, "evidence rm s evidence/s.md|four\n"
	    "evidence rm s evidence/s.md|three\n"
	    "evidence add s evidence/s.md|three\n"
	    "evidence edit s evidence/s.md|two\n"
	    "evidence add s evidence/s.md|one\n"
	    "portfolio init ada-lovelace|Started the portfolio of Ada Lovelace.",
	    "hand commits one after another, in one walk");
	free(s);
	pl_portfolio_free(p);
	run("rm -rf %s", d);
	free(d);
}

/*
 * Twenty branches of one commit each from the start, merged at once,
 * then 600 commits: every commit at the same second (identity_env()).
 */
static void
test_many_at_one_second(void)
{
	char			*d = new_portfolio(), *s, *want, *until;
	char			 id[41];
	struct pl_portfolio	*p;
	struct pl_date		 day = { 2005, 4, 8 }, before = { 2005, 4, 7 };
	int			 i;
	FILE			*f;
	char			*path = pl_xasprintf("%s/.git/stream", d);

	if ((f = fopen(path, "w")) == NULL) {
		perror(path);
		exit(2);
	}
	for (i = 0; i < 20; i++)
		fprintf(f, "commit refs/heads/b%d\ncommitter C <c@example.com> "
		    "1112912053 +0200\ndata <<X\nb%d\nX\nfrom refs/heads/master"
		    "^0\nM 644 inline goals/b%d.md\ndata <<X\nb%d\nX\n", i, i,
		    i, i);
	fprintf(f, "commit refs/heads/master\ncommitter C <c@example.com> "
	    "1112912053 +0200\ndata <<X\nmerge\nX\nfrom refs/heads/master^0\n");
	for (i = 0; i < 20; i++)
		fprintf(f, "merge refs/heads/b%d\n", i);
	for (i = 0; i < 600; i++)
		fprintf(f, "commit refs/heads/master\ncommitter C "
		    "<c@example.com> 1112912053 +0200\ndata <<X\nc%d\nX\n"
		    "M 644 inline goals/c.md\ndata <<X\n%d\nX\n", i, i);
	fclose(f);
	run("cd %s && git fast-import --quiet <.git/stream && "
	    "git reset -q --hard", d);
	p = open_at(d);
	s = walk(p, NULL, 1);
	want = out("git -C %s log --no-merges --date-order --format=%%H", d);
	is_str(s, want, "621 commits at one second, 20 merged at once: "
	    "git log --date-order's order, each branch's commit before their "
	    "start");
	free(s);
	free(want);

	is_int(pl_history_until(id, p, NULL, day), 0, "until the day");
	until = out("git -C %s rev-parse HEAD", d);
	is_str(id, until, "the newest commit");
	free(until);
	is_int(pl_history_before(id, p, NULL, day), PL_ENOTFOUND,
	    "nothing before the day");
	is_str(pl_error_last(), "no commit before 2005-04-08", "said so");
	is_int(pl_history_until(id, p, NULL, before), PL_ENOTFOUND,
	    "nothing on or before the day before");
	is_str(pl_error_last(), "no commit on or before 2005-04-07", "said so");
	is_int(pl_history_until(id, p, "nosuch", day), PL_ENOTFOUND,
	    "an unknown revision");
	is_str(pl_error_last(), "unknown revision 'nosuch'", "named");
	pl_portfolio_free(p);
	free(path);
	run("rm -rf %s", d);
	free(d);
}

static void
test_read(void)
{
	char			*d = new_portfolio(), *s;
	struct pl_portfolio	*p;
	struct pl_history	*h = NULL;
	const struct pl_change	*c;
	struct pl_buf		 b = PL_BUF_INIT;

	run("cd %s && echo more >>profile.md && mkdir goals && "
	    "echo g >goals/x.md && git add -A && git commit -q -m edit", d);
	p = open_at(d);
	is_int(pl_history_new(&h, p, "HEAD^{tree}"), PL_ENOTFOUND,
	    "a tree is no revision to walk from");
	is_str(pl_error_last(), "unknown revision 'HEAD^{tree}'", "named");
	is_int(pl_history_new(&h, p, NULL), 0, "from HEAD");
	is_int(pl_history_read(&b, h, "profile.md", 0), PL_ENOTFOUND,
	    "no commit read yet");
	is_str(pl_error_last(), "no commit read yet", "said so");
	is_int(pl_history_next(&c, h), 0, "the first change");
	is_int(pl_history_read(&b, h, "goals", 0), PL_ENOTFOUND,
	    "a folder is not a file");
	is_str(pl_error_last(), "'goals' is not there", "said so");
	is_int(pl_history_read(&b, h, "goals/", 0), PL_ENOTFOUND,
	    "nor is a folder named with its slash");
	is_int(pl_history_read(&b, h, "goals//x.md", 0), PL_ENOTFOUND,
	    "an empty name on the way");
	is_int(pl_history_read(&b, h, "profile.md/x", 0), PL_ENOTFOUND,
	    "a file on the way");
	is_int(pl_history_read(&b, h, "goals/x.md/", 0), PL_ENOTFOUND,
	    "a file named as a folder");
	is_int(pl_history_read(&b, h, "goals/x.m", 0), PL_ENOTFOUND,
	    "a name that only starts another");
	is_str(pl_error_last(), "'goals/x.m' is not there", "said so");
	is_int(pl_history_read(&b, h, "goals/x.md", 0), 0, "a file in a folder");
	is_str(pl_buf_cstr(&b), "g\n", "its bytes");
	pl_buf_clear(&b);
	s = out("git -C %s show HEAD:profile.md", d);
	is_int(pl_history_read(&b, h, "profile.md", 0), 0, "a file");
	while (b.len > 0 && b.ptr[b.len - 1] == '\n')
		b.ptr[--b.len] = '\0';
	is_str(pl_buf_cstr(&b), s, "as git has it");
	free(s);
	pl_buf_clear(&b);
	s = out("git -C %s show HEAD~1:profile.md", d);
	is_int(pl_history_read(&b, h, "profile.md", 1), 0, "the file before");
	while (b.len > 0 && b.ptr[b.len - 1] == '\n')
		b.ptr[--b.len] = '\0';
	is_str(pl_buf_cstr(&b), s, "as the parent has it");
	free(s);
	while (pl_history_next(&c, h) == 0 && c != NULL &&
	    strcmp(c->kind, "portfolio") != 0)
		;
	ok(c != NULL, "the root commit");
	is_int(pl_history_read(&b, h, "profile.md", 1), PL_ENOTFOUND,
	    "before the root commit");
	is_str(pl_error_last(), "'profile.md' is not there", "said so");
	pl_buf_release(&b);
	pl_history_free(h);
	pl_portfolio_free(p);
	run("rm -rf %s", d);
	free(d);
}

/*
 * A shallow clone (git clone --depth) lacks the parents of its oldest
 * commits: its history ends there, as git log's does, and a commit there
 * made by hand is told from its own tree alone, as git log -p tells it.
 */
static void
test_shallow(void)
{
	char			*d = new_portfolio(), *top = tmpdir(), *c, *s;
	struct pl_portfolio	*p;
	struct pl_history	*h = NULL;
	const struct pl_change	*ch;
	struct pl_buf		 b = PL_BUF_INIT;

	run("cd %s && mkdir goals && echo a >goals/a.md && git add goals && "
	    "git commit -q -m 'a goal by hand' && echo b >goals/b.md && "
	    "git add goals && git commit -q -m 'another'", d);
	c = pl_xasprintf("%s/s", top);
	run("git clone -q --depth 2 file://%s %s", d, c);
	p = open_at(c);
	s = walk(p, NULL, 0);
	is_str(s, "goal add b goals/b.md|another\n"
	    "goal add a goals/a.md|a goal by hand\n"
	    "profile add  profile.md|a goal by hand",
	    "a shallow clone: its history ends at its oldest commit");
	free(s);
	is_int(pl_history_new(&h, p, NULL), 0, "a walk");
	while (pl_history_next(&ch, h) == 0 && ch != NULL &&
	    strcmp(ch->detail, "a goal by hand") != 0)
		;
	is_int(pl_history_read(&b, h, "goals/a.md", 1), PL_ENOTFOUND,
	    "nothing before the oldest commit");
	is_str(pl_error_last(), "'goals/a.md' is not there", "said so");
	pl_history_free(h);
	pl_buf_release(&b);
	pl_portfolio_free(p);
	run("rm -rf %s %s", d, top);
	free(top);
	free(c);
	free(d);
}

int
main(void)
{
	env_setup();
	test_hand_commits();
	test_tree_changes();
	test_tree_kinds();
	test_many_at_one_second();
	test_read();
	test_shallow();
	run("rm -rf %s", home);
	free(home);
	return done_testing();
}
