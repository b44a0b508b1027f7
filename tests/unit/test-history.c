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
	test_many_at_one_second();
	test_read();
	test_shallow();
	run("rm -rf %s", home);
	free(home);
	return done_testing();
}
