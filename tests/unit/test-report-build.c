/*
 * Which commit and day a report speaks of (pl_report_build()'s as_of,
 * since and until) at their edges: today and yesterday as words, a
 * revision that is all digits or empty, a window that ends before it
 * starts with no --until, a today that is no date; and pl_report_date()
 * as the class report reads its window with it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pl/error.h"
#include "pl/report.h"
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
	run("rm -rf %s %s", d, home);
	free(d);
	free(home);
	return done_testing();
}
