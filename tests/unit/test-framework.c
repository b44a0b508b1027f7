/*
 * Importing a framework (pl/entries/framework.h): its name from the file's, what
 * an update changed, and the codes it will not drop while the learner's
 * work names them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pl/entries/framework.h"
#include "tap.h"
#include "testrepo.h"

static char	*dir;		/* where the files to import are */

/* dir/name with text in it; caller frees the path. */
static char *
file(const char *name, const char *text)
{
	char	*path = pl_xasprintf("%s/%s", dir, name);

	write_text(path, text);
	return path;
}

/* "added A; removed B, C; reworded -": what d says changed. */
static char *
diff_text(const struct pl_framework_diff *d)
{
	const struct pl_strlist	*l[] = { &d->added, &d->removed,
				    &d->reworded };
	const char		*what[] = { "added", "removed", "reworded" };
	struct pl_buf		 b = PL_BUF_INIT;
	size_t			 i, k;

	pl_buf_printf(&b, "%s %s, %zu:", d->name ? d->name : "(null)",
	    d->updated ? "updated" : "new", d->n);
	for (k = 0; k < 3; k++) {
		pl_buf_printf(&b, " %s", what[k]);
		for (i = 0; i < l[k]->n; i++)
			pl_buf_printf(&b, "%s%s", i ? "," : " ", l[k]->v[i]);
		if (l[k]->n == 0)
			pl_buf_puts(&b, " -");
		if (k < 2)
			pl_buf_putc(&b, ';');
	}
	return pl_buf_detach(&b);
}

/* Imports path; checks what it returns and what it says changed. */
static void
import(struct pl_portfolio *p, const char *path, const char *name,
    int force, int want_err, const char *want_diff, const char *what)
{
	struct pl_framework_diff d;
	struct pl_strlist	 w = PL_STRLIST_INIT;
	char			*got;
	int			 err;

	err = pl_framework_import(&d, p, path, name, force, &w);
	is_int(err, want_err, "%s: returns %d (%s)", what, want_err,
	    err ? pl_error_last() : "");
	got = diff_text(&d);
	if (want_diff != NULL)
		is_str(got, want_diff, "%s: what changed", what);
	free(got);
	pl_framework_diff_release(&d);
	pl_strlist_release(&w);
}

/* A file named name with text in it is no framework: why. */
static void
not_framework(struct pl_portfolio *p, const char *name, const char *text,
    const char *why)
{
	struct pl_framework_diff d;
	struct pl_strlist	 w = PL_STRLIST_INIT;
	char			*f = file(name, text), *want;

	is_int(pl_framework_import(&d, p, f, NULL, 0, &w), PL_EPARSE,
	    "%s: refused", name);
	want = pl_xasprintf("%s: not a framework: %s", f, why);
	is_str(pl_error_last(), want, "%s: says why", name);
	is_int(w.n, 0, "%s: no warning", name);
	pl_framework_diff_release(&d);
	pl_strlist_release(&w);
	free(want);
	free(f);
}

static void
test_names(void)
{
	struct pl_framework_diff d;
	struct pl_strlist	 w = PL_STRLIST_INIT;
	struct pl_portfolio	*p;
	char			*pf = new_portfolio(), *f, *want;

	p = open_at(pf);
	f = file(".algebra", "code,description\nA.1,one\n");
	import(p, f, NULL, 0, 0, "algebra new, 1: added -; removed -; "
	    "reworded -", "a dot file without an extension");
	is_out("align: import algebra\n\nImported framework algebra: 1 "
	    "standard.\n\nPl-Kind: align\nPl-Action: import\n"
	    "Pl-Id: algebra", "its commit", "git -C %s log -1 --format=%%B",
	    pf);
	is_out("code,parent,grade,subject,description\nA.1,,,,one",
	    "as pl's own CSV", "git -C %s show HEAD:standards/algebra.csv",
	    pf);
	free(f);

	f = file("---.csv", "code,description\nA.1,one\n");
	is_int(pl_framework_import(&d, p, f, NULL, 0, &w), PL_EINVAL,
	    "a file name without a letter or digit");
	want = pl_xasprintf("cannot make a framework name from '%s'; give "
	    "one with --framework", f);
	is_str(pl_error_last(), want, "says to give one");
	pl_framework_diff_release(&d);
	free(want);
	free(f);

	not_framework(p, "empty.csv", "", "the file is empty");
	not_framework(p, "header.csv", "code,description\n",
	    "no standards in it");

	f = file("case.json", "{\"CFDocument\": {\"identifier\": \"d1\", "
	    "\"title\": \"R\"}, \"CFItems\": ["
	    "{\"identifier\": \"i1\", \"humanCodingScheme\": \"R.1\", "
	    "\"fullStatement\": \"old\"}, "
	    "{\"identifier\": \"i2\", \"humanCodingScheme\": \"R.2\", "
	    "\"fullStatement\": \"new\"}], \"CFAssociations\": ["
	    "{\"identifier\": \"a1\", \"associationType\": \"isReplacedBy\", "
	    "\"originNodeURI\": {\"title\": \"R.1\", \"identifier\": \"i1\"}, "
	    "\"destinationNodeURI\": {\"title\": \"R.2\", "
	    "\"identifier\": \"i2\"}}]}");
	is_int(pl_framework_import(&d, p, f, "r", 0, &w), 0,
	    "a CASE package replacing one code (%s)", pl_error_last());
	want = pl_xasprintf("%s replaces 1 code; 'pl align migrate %s' moves "
	    "the work to the new ones", f, f);
	is_str(w.n ? w.v[w.n - 1] : NULL, want, "says so, in the singular");
	pl_framework_diff_release(&d);
	free(want);
	free(f);

	pl_strlist_release(&w);
	pl_portfolio_free(p);
	run("rm -rf %s", pf);
	free(pf);
}

static void
test_update(void)
{
	struct pl_portfolio	*p;
	char			*pf = new_portfolio(), *f, *head;

	p = open_at(pf);
	f = file("fw.csv", "code,description\nA.1,one\nA.2,two\n");
	import(p, f, NULL, 0, 0, NULL, "a framework");
	head = out("git -C %s rev-parse HEAD", pf);
	import(p, f, NULL, 0, 0, "fw updated, 2: added -; removed -; "
	    "reworded -", "the same again");
	is_out(head, "commits nothing", "git -C %s rev-parse HEAD", pf);
	free(head);

	/* As many bytes as before, but not the same ones */
	write_text(f, "code,description\nA.1,uno\nA.2,two\n");
	import(p, f, NULL, 0, 0, "fw updated, 2: added -; removed -; "
	    "reworded A.1", "one description changed, not its length");
	is_out("align: import fw\n\nUpdated framework fw: 0 added, 0 removed, "
	    "1 reworded; 2 standards.\n\nPl-Kind: align\nPl-Action: import\n"
	    "Pl-Id: fw", "committed", "git -C %s log -1 --format=%%B", pf);
	free(f);

	/* pl's own file broken by hand: replaced, nothing to compare */
	is_int(commit_file(p, "standards/bad.csv", "code,description\nY,y\n"
	    "Y,z\n"), 0, "a framework file broken by hand");
	f = file("bad.csv", "code,description\nY,y\n");
	import(p, f, NULL, 0, 0, "bad updated, 1: added -; removed -; "
	    "reworded -", "imported over it");
	is_out("code,parent,grade,subject,description\nY,,,,y", "replaces it",
	    "git -C %s show HEAD:standards/bad.csv", pf);
	free(f);

	/* Where the file would go is a folder */
	is_int(commit_file(p, "standards/tree.csv/x", "x\n"), 0,
	    "a folder named as a framework file");
	head = out("git -C %s rev-parse HEAD", pf);
	f = file("tree.csv", "code,description\nT,t\n");
	import(p, f, NULL, 0, PL_EEXISTS, NULL, "imported over it");
	is_str(pl_error_last(), "'standards/tree.csv' is a folder",
	    "says why");
	is_out(head, "commits nothing", "git -C %s rev-parse HEAD", pf);
	free(head);
	free(f);

	pl_portfolio_free(p);
	run("rm -rf %s", pf);
	free(pf);
}

static void
test_users(void)
{
	struct pl_framework_diff d;
	struct pl_strlist	 w = PL_STRLIST_INIT, ids = PL_STRLIST_INIT;
	struct pl_strlist	 codes = PL_STRLIST_INIT;
	struct pl_portfolio	*p;
	char			*pf = new_portfolio(), *f, *head;

	p = open_at(pf);
	f = file("fw.csv", "code,description\nA.1,one\nA.2,two\nA.3,three\n");
	import(p, f, NULL, 0, 0, NULL, "a framework");
	commit_file(p, "goals/g1.md", "---\ntitle: G1\nstandards: [A.2]\n"
	    "---\n");
	commit_file(p, "goals/g2.md", "---\ntitle: G2\nstandards: [a.2]\n"
	    "---\n");
	commit_file(p, "goals/g3.md", "---\ntitle: G3\nstandards: {A.2: x}\n"
	    "---\n");
	commit_file(p, "goals/broken.md", "---\ntitle: [\n---\n");
	commit_file(p, "evidence/e1.md", "---\ntitle: E1\nratings:\n"
	    "  - standard: A.2\n    level: 3\n  - A.3\n"
	    "  - standard: [A.3]\n---\n");
	commit_file(p, "evidence/e2.md", "---\ntitle: E2\nratings: A.3\n"
	    "---\n");
	commit_file(p, "evidence/e3.md", "---\ntitle: E3\n---\n");

	pl_strlist_push(&codes, "A.2");
	is_int(pl_framework_users(&ids, p, PL_KIND_GOAL, &codes, &w), 0,
	    "the goals naming A.2");
	is_str(ids.n == 2 ? ids.v[1] : NULL, "g2", "g1 and g2, case aside");
	is_int(w.n, 1, "the goal that cannot be read is a warning");
	pl_strlist_release(&ids);
	pl_strlist_release(&w);
	codes.v[0][0] = 'x';
	is_int(pl_framework_users(&ids, p, PL_KIND_EVIDENCE, &codes, &w), 0,
	    "the evidence naming a code no one names");
	is_int(ids.n, 0, "none");
	pl_strlist_release(&ids);
	pl_strlist_release(&codes);

	/* A.2 and A.3 dropped: A.2 is named, A.3 only where it is no code */
	head = out("git -C %s rev-parse HEAD", pf);
	write_text(f, "code,description\nA.1,one\n");
	pl_strlist_release(&w);
	is_int(pl_framework_import(&d, p, f, NULL, 0, &w), PL_EEXISTS,
	    "dropping a code goals and evidence name");
	is_str(pl_error_last(), "standard 'A.2' is named by goal g1, goal g2, "
	    "evidence e1; nothing imported (--force drops it anyway; then "
	    "'pl align migrate' moves the work to new codes)", "names them");
	pl_framework_diff_release(&d);
	is_out(head, "commits nothing", "git -C %s rev-parse HEAD", pf);
	free(head);

	pl_strlist_release(&w);
	is_int(pl_framework_import(&d, p, f, NULL, 1, &w), 0,
	    "forced (%s)", pl_error_last());
	is_int(w.n, 2, "two warnings");
	is_str(w.n ? w.v[0] : NULL, "goals/broken.md:3: did not find "
	    "expected node content while parsing a flow node",
	    "the file that cannot be read, once");
	is_str(w.n > 1 ? w.v[1] : NULL, "goals or evidence still name A.2; "
	    "'pl align migrate' moves them to new codes",
	    "the code still named");
	is_out("align: import fw\n\nUpdated framework fw: 0 added, 2 removed, "
	    "0 reworded; 1 standard.\n\nPl-Kind: align\nPl-Action: import\n"
	    "Pl-Id: fw", "committed", "git -C %s log -1 --format=%%B", pf);
	pl_framework_diff_release(&d);
	pl_strlist_release(&w);
	free(f);

	pl_portfolio_free(p);
	run("rm -rf %s", pf);
	free(pf);
}

static void
test_locked(void)
{
	struct pl_portfolio	*p;
	char			*pf = new_portfolio(), *f;

	run("cd %s && git config -f .plconfig portfolio.lockTimeout 0 && "
	    "git commit -q -am timeout && touch .git/index.lock", pf);
	p = open_at(pf);
	f = file("fw.csv", "code,description\nA.1,one\n");
	import(p, f, NULL, 0, PL_ELOCKED, NULL, "a git command running");
	is_out("", "nothing written", "git -C %s ls-tree HEAD standards/",
	    pf);
	free(f);
	pl_portfolio_free(p);
	run("rm -rf %s", pf);
	free(pf);
}

int
main(void)
{
	env_setup();
	dir = tmpdir();
	test_names();
	test_update();
	test_users();
	test_locked();
	run("rm -rf %s %s", dir, home);
	free(dir);
	free(home);
	return done_testing();
}
