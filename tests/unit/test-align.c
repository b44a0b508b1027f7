/*
 * Aligning goals and evidence to standards (pl/progress/align.h): codes resolved
 * and removed as a person types them, ratings that are not whole, the
 * coverage of files a person broke, the scale written to .plconfig.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pl/progress/align.h"
#include "tap.h"
#include "testrepo.h"

static const char	*fw = "code,grade,subject,description\n"
			    "M.1,5,Math,one\nM.2,5,Math,two\n"
			    "X.A.1,5,Math,three\nY.A.1,5,Math,four\n"
			    "E.1,5,English,five\n";

static struct pl_strlist
list2(const char *a, const char *b)
{
	struct pl_strlist	l = PL_STRLIST_INIT;

	pl_strlist_push(&l, a);
	if (b != NULL)
		pl_strlist_push(&l, b);
	return l;
}

static char *
joined(const struct pl_strlist *l)
{
	const char	*sep = l->n > 0 && strchr(l->v[0], ' ') ? "\n" : ",";
	struct pl_buf	b = PL_BUF_INIT;
	size_t		i;

	for (i = 0; i < l->n; i++)
		pl_buf_printf(&b, "%s%s", i ? sep : "", l->v[i]);
	return pl_buf_detach(&b);
}

static void
test_resolve(struct pl_portfolio *p)
{
	struct pl_strlist	codes = list2("m.1", "M.1"), full =
				    PL_STRLIST_INIT;
	char			*s;

	is_int(pl_align_resolve(&full, p, &codes), PL_ENOTFOUND,
	    "no framework yet");
	is_str(pl_error_last(), "no standards in the portfolio; import a "
	    "framework with 'pl align import'", "says to import one");
	is_int(commit_file(p, "standards/fw.csv", fw), 0, "a framework");
	is_int(pl_align_resolve(&full, p, &codes), 0, "one code twice (%s)",
	    pl_error_last());
	s = joined(&full);
	is_str(s, "M.1", "is resolved once");
	free(s);
	pl_strlist_release(&codes);
	pl_strlist_release(&full);
}

static void
test_entry(struct pl_portfolio *p, const char *d)
{
	struct pl_strlist	codes = list2("M.1", "M.2");

	is_int(pl_align_entry(p, PL_KIND_GOAL, "nope", &codes, 0),
	    PL_ENOTFOUND, "an unknown goal");
	is_int(commit_file(p, "goals/map.md", "---\ntitle: Map\n"
	    "standards: {M.1: x}\n---\n"), 0, "a goal whose standards are "
	    "a mapping");
	is_int(pl_align_entry(p, PL_KIND_GOAL, "map", &codes, 0), PL_EPARSE,
	    "is not aligned");
	is_str(pl_error_last(), "goals/map.md:3: 'standards' must be a list "
	    "of strings", "says why");

	is_int(commit_file(p, "goals/g.md", "---\ntitle: G\nstandards: [M.1, "
	    "M.2, X.A.1, Y.A.1]\n---\n"), 0, "a goal with four codes");
	is_int(pl_align_entry(p, PL_KIND_GOAL, "g", &codes, 0), PL_ENOCHANGE,
	    "aligned to two it has");
	is_str(pl_error_last(), "goal 'g' is aligned to them already",
	    "says so, in the plural");
	pl_strlist_release(&codes);

	codes = list2("A.1", NULL);
	is_int(pl_align_entry(p, PL_KIND_GOAL, "g", &codes, 1), PL_EINVAL,
	    "removing a code two of its codes end in");
	is_str(pl_error_last(), "standard 'A.1' is ambiguous: 'X.A.1', "
	    "'Y.A.1'", "names both");
	pl_strlist_release(&codes);

	codes = list2("M.2", NULL);
	is_int(pl_align_entry(p, PL_KIND_GOAL, "g", &codes, 1), 0,
	    "removing a code by its full name (%s)", pl_error_last());
	is_out("goal: unalign g from M.2", "committed",
	    "git -C %s log -1 --format=%%s", d);
	is_out("standards: [M.1, X.A.1, Y.A.1]", "the others kept",
	    "git -C %s show HEAD:goals/g.md | grep standards", d);
	pl_strlist_release(&codes);
}

static void
ratings(struct pl_portfolio *p, const char *id, const char *text,
    int want, const char *msg)
{
	struct pl_scale		 scale;
	struct pl_entry		*e = NULL;
	struct pl_rating	*v = NULL;
	size_t			 n = 0;
	char			*path = pl_xasprintf("evidence/%s.md", id);

	pl_scale_default(&scale);
	if (commit_file(p, path, text) != 0 ||
	    pl_entry_load(&e, p, PL_KIND_EVIDENCE, id) != 0)
		printf("Bail out! %s: %s\n", path, pl_error_last());
	is_int(pl_ratings_read(&v, &n, e, &scale), want, "%s: read", id);
	is_str(want ? pl_error_last() : NULL, msg, "%s: its message", id);
	ok(v == NULL && n == 0, "%s: no ratings", id);
	pl_entry_free(e);
	pl_scale_release(&scale);
	free(path);
}

static void
test_ratings(struct pl_portfolio *p)
{
	ratings(p, "nostd", "---\ntitle: T\nratings:\n  - level: 3\n---\n",
	    PL_EPARSE, "evidence/nostd.md:4: rating 1: 'standard' is missing");
	ratings(p, "nolevel", "---\ntitle: T\nratings:\n  - standard: M.1\n"
	    "    level: 3\n  - standard: M.1\n---\n", PL_EPARSE,
	    "evidence/nolevel.md:6: rating 2: 'level' is missing");
}

/* st's rows are the codes rows, and w the warnings warned (released). */
static void
rows_are(const struct pl_align_status *st, struct pl_strlist *w,
    const char *rows, const char *warned, const char *what)
{
	struct pl_strlist	 l = PL_STRLIST_INIT;
	size_t			 i;
	char			*s;

	for (i = 0; i < st->n; i++)
		pl_strlist_push(&l, st->rows[i].std->code);
	s = joined(&l);
	is_str(s, rows, "%s: the rows", what);
	free(s);
	s = joined(w);
	is_str(s, warned, "%s: each file left out, and why", what);
	free(s);
	pl_strlist_release(&l);
	pl_strlist_release(w);
}

static void
test_status(struct pl_portfolio *p)
{
	struct pl_align_scope	 sc = { 0 };
	struct pl_align_status	 st;
	struct pl_entries	 goals = { 0 }, evidence = { 0 };
	struct pl_strlist	 w = PL_STRLIST_INIT;
	struct pl_scale		 scale;
	const char		*warned;

	warned = "goals/map.md:3: 'standards' must be a list of strings\n"
	    "goals/z.md: unknown standard 'Z.9' (did you mean 'M.1', 'M.2', "
	    "'X.A.1'?)\n"
	    "evidence/e.md:9: rating 2: 'standard' is missing\n"
	    "evidence/nolevel.md:6: rating 2: 'level' is missing\n"
	    "evidence/nostd.md:4: rating 1: 'standard' is missing\n"
	    "evidence/s.md:4: 'standards' must be a list of strings\n"
	    "evidence/s.md:3: 'ratings' must be a list of mappings";

	pl_scale_default(&scale);
	is_int(commit_file(p, "goals/z.md", "---\ntitle: Z\nstandards: "
	    "[M.1, Z.9, E.1]\n---\n"), 0, "a goal naming a code no one has");
	is_int(commit_file(p, "evidence/e.md", "---\ntitle: E\ndate: "
	    "2026-01-02\ngoals: {g: x}\nstandards: [M.2]\nratings:\n"
	    "  - standard: M.2\n    level: 3\n  - level: 2\n---\n"), 0,
	    "evidence whose goals are no list");
	is_int(commit_file(p, "evidence/s.md", "---\ntitle: S\nratings: x\n"
	    "standards: {a: b}\n---\n"), 0, "and evidence of other shapes");

	sc.subject = "math";
	is_int(pl_align_status(&st, p, &scale, scale.method, &sc, &w), 0,
	    "the status of math (%s)", pl_error_last());
	rows_are(&st, &w, "M.1,M.2,X.A.1,Y.A.1", warned,
	    "math, case aside: English left out");
	is_int(st.left_links, 3, "links left out: 2 lists, 1 code");
	is_int(st.left_ratings, 4, "ratings left out: one a warning");
	pl_align_status_release(&st);

	if (pl_entry_list(&goals, p, PL_KIND_GOAL, &w) != 0 ||
	    pl_entry_list(&evidence, p, PL_KIND_EVIDENCE, &w) != 0)
		printf("Bail out! %s\n", pl_error_last());
	sc.subject = NULL;
	is_int(pl_align_status_of(&st, p, &scale, scale.method, &sc, &goals,
	    &evidence, &w), 0, "the status of the codes they name (%s)",
	    pl_error_last());
	rows_are(&st, &w, "M.1,M.2,X.A.1,Y.A.1,E.1", warned,
	    "the codes named");
	pl_align_status_release(&st);
	pl_entries_release(&goals);
	pl_entries_release(&evidence);
	pl_scale_release(&scale);
}

static void
test_scope_words(void)
{
	struct pl_buf	b = PL_BUF_INIT;

	pl_scope_words(&b, PL_SCOPE_GRADE, PL_SCOPE_ALIGNED, NULL);
	is_str(b.ptr, "the standards aligned (the profile has no grade)",
	    "grade asked, none in the profile");
	pl_buf_clear(&b);
	pl_scope_words(&b, PL_SCOPE_GRADE, PL_SCOPE_ALIGNED, "");
	is_str(b.ptr, "the standards aligned (the profile has no grade)",
	    "an empty grade is none");
	pl_buf_clear(&b);
	pl_scope_words(&b, PL_SCOPE_GRADE, PL_SCOPE_ALIGNED, "12");
	is_str(b.ptr, "the standards aligned (no standard is of grade 12)",
	    "a grade no standard has");
	pl_buf_release(&b);
}

static void
test_scale(struct pl_portfolio *p, const char *d)
{
	struct pl_scale	scale;

	pl_scale_default(&scale);
	is_int(commit_file(p, ".plconfig", "[portfolio]\n\tversion = 1\n"
	    "  [Align]\n\tscale = a, b\n[other]\n\tx = 1"), 0,
	    "an [align] section, and no newline at the end");
	is_int(pl_scale_save(p, &scale), 0, "the default scale saved (%s)",
	    pl_error_last());
	is_out("[portfolio]\n\tversion = 1\n[other]\n\tx = 1\n[align]\n"
	    "\tscale = beginning, developing, proficient, advanced\n"
	    "\tmastery = 3\n\thalves = false\n\tmethod = decaying\n"
	    "\tweight = 0.65\n\tntimes = 3", "the old section replaced",
	    "git -C %s show HEAD:.plconfig", d);
	is_int(pl_scale_save(p, &scale), PL_ENOCHANGE, "saved again");
	is_str(pl_error_last(), "the scale is so already", "is no change");

	scale.mastery = 9;
	is_int(pl_scale_save(p, &scale), PL_EINVAL, "a mastery off the scale");
	scale.mastery = 2;
	pl_portfolio_free(p);
	run("cd %s && git config -f .plconfig portfolio.lockTimeout 0 && "
	    "git commit -q -am timeout && touch .git/index.lock", d);
	p = open_at(d);
	is_int(pl_scale_save(p, &scale), PL_ELOCKED, "a git command running");
	pl_portfolio_free(p);
	pl_scale_release(&scale);
}

int
main(void)
{
	struct pl_portfolio	*p;
	char			*d;

	env_setup();
	d = new_portfolio();
	p = open_at(d);
	test_resolve(p);
	test_entry(p, d);
	test_ratings(p);
	test_status(p);
	test_scope_words();
	pl_portfolio_free(p);
	p = open_at(d);
	test_scale(p, d);
	run("rm -rf %s %s", d, home);
	free(d);
	free(home);
	return done_testing();
}
