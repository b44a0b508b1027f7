/*
 * Which commit and day a report speaks of (pl_report_build()'s as_of,
 * since and until) at their edges: today and yesterday as words, a
 * revision that is all digits or empty, a window that ends before it
 * starts with no --until, a today that is no date; and pl_report_date()
 * as the class report reads its window with it.  Then entries edited by
 * hand down to nothing: a profile, evidence and a goal with no field, a
 * private profile, a profile that does not parse or is gone; which
 * files listed by hand the family view may show.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pl/base/error.h"
#include "pl/report/report.h"
#include "tap.h"
#include "testrepo.h"

/* The portfolio began on 2005-04-07 (identity_env()); today is 04-11. */
#define TODAY	"1113220000 +0000"

/* pl_report_build() of p with as_of, since and until; its error. */
static int
build(struct pl_report **r, struct pl_portfolio *p, const char *as_of,
    const char *since, const char *until)
{
	struct pl_report_options	o;

	memset(&o, 0, sizeof o);
	o.as_of = as_of;
	o.since = since;
	o.until = until;
	o.view = PL_VIEW_TEACHER;
	*r = NULL;
	return pl_report_build(r, p, &o);
}

static void
test_as_of_words(struct pl_portfolio *p, const char *d)
{
	struct pl_report	*r;

	is_int(build(&r, p, "today", NULL, NULL), PL_OK, "as of today (%s)",
	    pl_error_last());
	is_str(r != NULL ? r->as_of : NULL, "2005-04-11", "today's date");
	is_out(r != NULL ? r->commit : "", "from HEAD",
	    "git -C %s rev-parse HEAD", d);
	pl_report_free(r);
	is_int(build(&r, p, "yesterday", NULL, NULL), PL_OK,
	    "as of yesterday (%s)", pl_error_last());
	is_str(r != NULL ? r->as_of : NULL, "2005-04-10", "yesterday's date");
	pl_report_free(r);
}

static void
test_as_of_revisions(struct pl_portfolio *p)
{
	struct pl_report	*r;

	is_int(build(&r, p, "2005", NULL, NULL), PL_ENOTFOUND,
	    "digits without a dash: a revision");
	is_str(pl_error_last(), "unknown revision '2005'", "named as one");
	ok(r == NULL, "no report");
	is_int(build(&r, p, "", NULL, NULL), PL_ENOTFOUND,
	    "nothing: no date, no revision");
	is_str(pl_error_last(), "unknown revision ''", "named as a revision");
	ok(r == NULL, "no report");
	pl_error_clear();
}

static void
test_window(struct pl_portfolio *p)
{
	struct pl_report	*r;

	is_int(build(&r, p, "2005-04-09", "2005-04-10", NULL), PL_EINVAL,
	    "since after the as-of day, no until");
	is_str(pl_error_last(), "the window ends (as of) before it starts "
	    "(2005-04-10)", "the end named as the as-of day");
	ok(r == NULL, "no report");
	is_int(build(&r, p, NULL, "yesterday", NULL), PL_OK,
	    "since yesterday (%s)", pl_error_last());
	is_str(r != NULL ? r->since : NULL, "2005-04-10", "from yesterday");
	is_str(r != NULL ? r->until : NULL, "2005-04-11", "to today");
	pl_report_free(r);
	pl_error_clear();
}

/* A portfolio reads today once: this one is opened with today wrong. */
static void
test_bad_today(const char *d)
{
	struct pl_portfolio	*p;
	struct pl_report	*r;

	setenv("GIT_AUTHOR_DATE", "soon", 1);
	p = open_at(d);
	is_int(build(&r, p, NULL, NULL, NULL), PL_EINVAL,
	    "a today that is no date");
	is_str(pl_error_last(), "invalid date in GIT_AUTHOR_DATE: 'soon'",
	    "named");
	ok(r == NULL, "no report");
	pl_portfolio_free(p);
	setenv("GIT_AUTHOR_DATE", TODAY, 1);
	pl_error_clear();
}

static void
test_report_date(void)
{
	struct pl_date	today, d;
	char		s[PL_DATE_LEN];

	memset(&today, 0, sizeof today);
	is_int(pl_date_parse(&today, "2005-04-11", today), PL_OK, "a day");
	is_int(pl_report_date(&d, "yesterday", today, "--since"), PL_OK,
	    "yesterday");
	pl_date_format(s, d);
	is_str(s, "2005-04-10", "the day before today");
	is_int(pl_report_date(&d, "2005-02-30", today, "--until"), PL_EINVAL,
	    "no such day");
	is_str(pl_error_last(), "invalid --until date '2005-02-30' (use "
	    "YYYY-MM-DD, today or yesterday)", "the option and the date named");
	pl_error_clear();
}

/* The report of the portfolio at d, in view; NULL when it fails. */
static struct pl_report *
report_of(const char *d, enum pl_report_view view)
{
	struct pl_report_options	 o;
	struct pl_portfolio		*p = open_at(d);
	struct pl_report		*r = NULL;

	memset(&o, 0, sizeof o);
	o.view = view;
	if (pl_report_build(&r, p, &o) != PL_OK)
		printf("# report failed: %s\n", pl_error_last());
	pl_portfolio_free(p);
	return r;
}

/* Commits path with text in the portfolio at d. */
static void
put(const char *d, const char *path, const char *text)
{
	struct pl_portfolio	*p = open_at(d);

	is_int(commit_file(p, path, text), PL_OK, "%s committed (%s)", path,
	    pl_error_last());
	pl_portfolio_free(p);
}

/* 1 when one of r's warnings has s in it. */
static int
warned(const struct pl_report *r, const char *s)
{
	size_t	i;

	for (i = 0; r != NULL && i < r->warnings.n; i++)
		if (strstr(r->warnings.v[i], s) != NULL)
			return 1;
	return 0;
}

static void
test_bare_entries(const char *d)
{
	const struct pl_report_evidence	*e;
	const struct pl_report_goal	*g;
	struct pl_report		*r;

	put(d, "profile.md", "---\ngrade: 5\n---\n");
	put(d, "evidence/bare.md", "---\n---\n");
	put(d, "goals/bare.md", "---\n---\n");
	r = report_of(d, PL_VIEW_TEACHER);
	is_str(r != NULL ? r->name : NULL, "", "a profile without a name: "
	    "none");
	is_str(r != NULL ? r->learner_id : NULL, "", "nor an id");
	ok(r != NULL && r->started == NULL, "nor a start");
	is_str(r != NULL ? r->grade : NULL, "5", "its grade read");
	e = r != NULL ? pl_report_evidence_find(r, "bare") : NULL;
	is_str(e != NULL ? e->title : NULL, "", "evidence without a title");
	ok(e != NULL && e->date == NULL && e->kind == NULL &&
	    e->description == NULL, "nor a date, a kind, a body");
	g = r != NULL ? pl_report_goal_find(r, "bare") : NULL;
	is_str(g != NULL ? g->title : NULL, "", "a goal without a title");
	is_str(g != NULL ? g->status : NULL, "active", "nor a status: "
	    "active");
	pl_report_free(r);
}

/*
 * A start that is no date is unknown: no days since it (null in JSON,
 * never stalled, as the class report says of a profile's), no share of
 * the time gone and no pace.
 */
static void
test_no_date(const char *d)
{
	const struct pl_report_goal	*g;
	struct pl_report		*r;

	put(d, "goals/soon.md", "---\ntitle: Soon\ncreated: soon\n"
	    "due: 2999-01-01\n---\n\n## Steps\n\n- [ ] One\n");
	r = report_of(d, PL_VIEW_TEACHER);
	g = r != NULL ? pl_report_goal_find(r, "soon") : NULL;
	ok(g != NULL, "a goal started 'soon' is read");
	is_int(g != NULL ? g->days_since : 0, -1, "its days since: unknown");
	ok(g != NULL && !g->stalled, "so it is not stalled");
	ok(g != NULL && g->pace == PL_PACE_NONE && g->time_share == 0,
	    "nor on any pace");
	pl_report_free(r);
}

static void
test_private_profile(const char *d)
{
	struct pl_report	*r;

	put(d, "profile.md", "---\nname: Ada\nprivate: true\n---\n\n"
	    "## Strengths\n\n- Chess\n");
	r = report_of(d, PL_VIEW_TEACHER);
	is_int(r != NULL ? r->strengths.n : 0, 1, "the teacher sees the "
	    "strengths");
	pl_report_free(r);
	r = report_of(d, PL_VIEW_FAMILY);
	ok(r != NULL && r->strengths.n == 0, "the family, of a private "
	    "profile, not");
	is_str(r != NULL ? r->name : NULL, "Ada", "but its name");
	pl_report_free(r);
}

static void
test_profile_unread(const char *d)
{
	struct pl_report	*r;

	put(d, "profile.md", "---\nname: [\n---\n");
	r = report_of(d, PL_VIEW_TEACHER);
	ok(r != NULL, "a profile that does not parse: a report still");
	is_str(r != NULL ? r->name : NULL, "", "without a name");
	ok(warned(r, "profile.md"), "and a warning naming the file");
	pl_report_free(r);
	is_int(run("git -C %s rm -q profile.md && git -C %s commit -q -m "
	    "gone", d, d), 0, "the profile removed");
	r = report_of(d, PL_VIEW_TEACHER);
	ok(r != NULL, "no profile: a report still");
	is_str(r != NULL ? r->learner_id : NULL, "", "without an id");
	ok(warned(r, "profile.md"), "and a warning naming the file");
	pl_report_free(r);
	pl_error_clear();
}

static void
test_files_shown(const char *d)
{
	static const struct {
		const char	*path;
		int		 may;
	} want[] = {
		{ "evidence//a", 0 },		/* an empty segment */
		{ "evidence/w/./a", 0 },
		{ "evidence/w/../w/a", 0 },
		{ "evidence/w/a\\b", 0 },	/* a backslash */
		{ "evidence/a.png", 0 },	/* in no evidence's folder */
		{ "evidence/gone/a", 0 },	/* of evidence not there */
		{ "goals/w/a", 0 },
		{ "evidence/w/a", 1 },
		{ "evidence/w/ab/c", 1 },
	};
	const struct pl_report_evidence	*e;
	struct pl_report		*r;
	size_t				 i, k = 0, n = sizeof want / sizeof want[0];

	put(d, "evidence/w.md", "---\ntitle: W\nfiles: ['evidence//a', "
	    "'evidence/w/./a', 'evidence/w/../w/a', 'evidence/w/a\\b', "
	    "'evidence/a.png', 'evidence/gone/a', 'goals/w/a', "
	    "'evidence/w/a', 'evidence/w/ab/c']\n---\n");
	r = report_of(d, PL_VIEW_FAMILY);
	e = r != NULL ? pl_report_evidence_find(r, "w") : NULL;
	ok(e != NULL && e->shown != NULL, "the family view's shown list");
	/* a file the view may not show is not in it at all (any format) */
	for (i = 0; i < n; i++) {
		if (!want[i].may) {
			ok(e == NULL || pl_strlist_find(&e->files,
			    want[i].path) < 0, "%s: never listed",
			    want[i].path);
			continue;
		}
		is_str(e != NULL && k < e->files.n ? e->files.v[k] : NULL,
		    want[i].path, "file %zu", k);
		is_int(e != NULL && e->shown != NULL && k < e->files.n ?
		    e->shown[k].may_show : 0, 1, "%s: may be shown",
		    want[i].path);
		k++;
	}
	is_int(e != NULL ? e->files.n : 0, k, "only those listed");
	pl_report_free(r);
}

int
main(void)
{
	struct pl_portfolio	*p;
	char			*d;

	env_setup();
	d = new_portfolio();
	setenv("GIT_AUTHOR_DATE", TODAY, 1);
	p = open_at(d);
	test_as_of_words(p, d);
	test_as_of_revisions(p);
	test_window(p);
	test_bad_today(d);
	test_report_date();
	pl_portfolio_free(p);
	run("rm -rf %s", d);
	free(d);
	d = new_portfolio();
	test_bare_entries(d);
	test_no_date(d);
	test_private_profile(d);
	test_profile_unread(d);
	test_files_shown(d);
	run("rm -rf %s %s", d, home);
	free(d);
	free(home);
	return done_testing();
}
