/*
 * Which commit a report is made from and which days it speaks of:
 * --as-of (a date or a revision), --since and --until read and checked
 * against each other, the same way for a learner's report and a class's
 * (pl_report_window()).
 */
#include <string.h>

#include <git2.h>

#include "pl/progress/history.h"
#include "pl/report/report.h"
#include "report/report-build.h"

static int
looks_like_date(const char *s)
{
	size_t	i;

	if (strcmp(s, "today") == 0 || strcmp(s, "yesterday") == 0)
		return 1;
	for (i = 0; s[i] != '\0'; i++)
		if (!(s[i] >= '0' && s[i] <= '9') && s[i] != '-')
			return 0;
	return i > 0 && strchr(s, '-') != NULL;
}

int
pl_report_date(struct pl_date *out, const char *s, struct pl_date today,
    const char *what)
{
	if (pl_date_parse(out, s, today) != PL_OK)
		return pl_error_set(PL_EINVAL, "invalid %s date '%s' (use "
		    "YYYY-MM-DD, today or yesterday)", what, s);
	return PL_OK;
}

/*
 * Opens in b->own the portfolio at commit id, unless it is the one head
 * reads; b->p is whichever it reads.  Found again by its git folder.
 */
static int
read_at(struct build *b, struct pl_portfolio *head, const char *id)
{
	struct pl_date	d;
	char		now[41];
	int		err;

	pl_portfolio_commit(now, &d, head);
	b->p = head;
	if (strcmp(now, id) == 0)
		return PL_OK;
	if ((err = pl_portfolio_open(&b->own, git_repository_path(
	    pl_portfolio_repo(head)), id)) != PL_OK)
		return err;
	b->p = b->own;
	return PL_OK;
}

/*
 * Which commit the report is made from and which day it speaks of:
 * --as-of's date or revision, else --until's date, else HEAD today.
 */
int
pl_report_pick_commit(struct build *b, struct pl_portfolio *head)
{
	const struct pl_report_options	*o = b->o;
	struct pl_date			 today, d;
	const char			*as_of = o->as_of;
	char				 id[41];
	int				 err;

	if ((err = pl_portfolio_today(&today, head)) != PL_OK)
		return err;
	if (o->since != NULL && (err = pl_report_date(&b->since, o->since,
	    today, "--since")) != PL_OK)
		return err;
	if (o->until != NULL && (err = pl_report_date(&b->until, o->until,
	    today, "--until")) != PL_OK)
		return err;
	if (as_of == NULL && o->until != NULL)
		as_of = o->until;
	if (as_of == NULL) {
		/* a clock behind the last commit cannot date the report */
		pl_portfolio_commit(id, &d, head);
		b->day = pl_date_cmp(today, d) < 0 ? d : today;
		b->p = head;
	} else if (looks_like_date(as_of)) {
		if ((err = pl_report_date(&b->day, as_of, today, "--as-of")) !=
		    PL_OK || (err = pl_history_until(id, head, NULL, b->day)) !=
		    PL_OK || (err = read_at(b, head, id)) != PL_OK)
			return err;
	} else {
		if ((err = pl_portfolio_open(&b->own, git_repository_path(
		    pl_portfolio_repo(head)), as_of)) != PL_OK)
			return err;
		b->p = b->own;
		pl_portfolio_commit(id, &b->day, b->p);
	}
	if (o->until == NULL)
		b->until = b->day;
	b->window = o->since != NULL;
	return pl_report_window(o, b->since, b->until, b->day, as_of);
}

int
pl_report_window(const struct pl_report_options *o, struct pl_date since,
    struct pl_date until, struct pl_date day, const char *as_of)
{
	if (o->until != NULL && pl_date_cmp(until, day) > 0)
		return pl_error_set(PL_EINVAL, "--until %s is after --as-of "
		    "%s", o->until, as_of);
	if (o->since != NULL && pl_date_cmp(since, o->until != NULL ? until :
	    day) > 0)
		return pl_error_set(PL_EINVAL, "the window ends (%s) before "
		    "it starts (%s)", o->until != NULL ? o->until : "as of",
		    o->since);
	return PL_OK;
}
