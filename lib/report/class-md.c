/*
 * The class report as Markdown, for a school's wiki or an email: the
 * learners in one table, those who need attention first with why in
 * words, then the standards of the class.  Every value from the roster
 * or a portfolio goes through pl_md_escape() (render.h's tables do it
 * for each cell), so a name cannot add a cell, a link or raw HTML.
 */
#include <string.h>

#include "pl/base/md.h"
#include "pl/report/roster.h"
#include "base/render.h"

static void
esc(struct pl_buf *b, const char *s)
{
	pl_md_escape(b, s, strlen(s));
}

static void
title(struct pl_buf *b, const struct pl_roster_report *r)
{
	struct pl_buf	t = PL_BUF_INIT;

	pl_buf_puts(b, "# Class report: ");
	esc(b, r->roster);
	pl_buf_printf(b, "\n\nAs of %s", r->as_of);
	if (r->since != NULL) {
		pl_buf_puts(b, " · changes from ");
		esc(b, r->since);
		pl_buf_puts(b, " to ");
		esc(b, r->until != NULL ? r->until : r->as_of);
	}
	if (r->group != NULL) {
		pl_buf_puts(b, " · group ");
		esc(b, r->group);
	}
	pl_buf_printf(b, "\n\n%zu %s, %zu need%s attention, %zu could not be "
	    "read.\n\n", r->n, r->n == 1 ? "learner" : "learners",
	    r->attention, r->attention == 1 ? "s" : "", r->failed);
	pl_roster_scope_words(&t, r);
	esc(b, pl_buf_cstr(&t));
	pl_buf_puts(b, ".\n");
	pl_buf_release(&t);
}

static int
has_groups(const struct pl_roster_report *r)
{
	size_t	i;

	for (i = 0; i < r->n; i++)
		if (*r->learners[i].row->group != '\0')
			return 1;
	return 0;
}

static void
pct(struct pl_strlist *c, size_t part, size_t whole)
{
	char	s[16];

	pl_text_pct_sign(s, sizeof s, part, whole);
	pl_md_cell(c, s);
}

/* A learner's numbers, or empty cells for one not read. */
static void
numbers(struct pl_strlist *c, const struct pl_roster_report *r,
    const struct pl_roster_learner *l)
{
	const size_t	 v[] = { l->active, l->met, l->overdue, l->stalled,
	    l->behind, l->evidence_short, l->evidence_long };
	const size_t	 w[] = { l->window_evidence, l->window_steps,
	    l->window_met, l->window_ratings, l->window_moved };
	size_t		 i, n = sizeof v / sizeof v[0] + 3 +
			    (r->since != NULL ? sizeof w / sizeof w[0] : 0);

	if (l->state != PL_ROSTER_READ) {
		for (i = 0; i < n; i++)
			pl_md_cell(c, NULL);
		return;
	}
	for (i = 0; i < sizeof v / sizeof v[0]; i++)
		pl_md_cellf(c, "%zu", v[i]);
	pl_md_cell(c, l->last_activity);
	pct(c, l->scope.mastered, l->scope.standards);
	pct(c, l->scope.covered, l->scope.standards);
	for (i = 0; r->since != NULL && i < sizeof w / sizeof w[0]; i++)
		pl_md_cellf(c, "%zu", w[i]);
}

static void
learners(struct pl_buf *b, const struct pl_roster_report *r)
{
	struct pl_strlist		 c = PL_STRLIST_INIT;
	struct pl_buf			 h = PL_BUF_INIT;
	const struct pl_roster_learner	*l;
	int				 groups = has_groups(r);
	size_t				 i;

	pl_buf_puts(b, "\n## Learners\n\n");
	if (r->n == 0) {
		pl_buf_puts(b, "No learners.\n");
		return;
	}
	pl_buf_puts(b, "Who needs attention first.");
	if (r->since != NULL) {
		pl_buf_puts(b, " New evidence, steps done, goals met, ratings "
		    "and standards moved are counted from ");
		esc(b, r->since);
		pl_buf_puts(b, " to ");
		esc(b, r->until != NULL ? r->until : r->as_of);
		pl_buf_putc(b, '.');
	}
	pl_buf_puts(b, "\n\n");
	pl_buf_puts(&h, groups ? "Learner | Group" : "Learner");
	pl_buf_printf(&h, " | Active | Met | Overdue | Stalled | Behind | "
	    "Evidence (%d days) | Evidence (%d days) | Last activity | "
	    "Mastered | Covered", PL_ROSTER_RECENT_SHORT,
	    PL_ROSTER_RECENT_LONG);
	if (r->since != NULL)
		pl_buf_puts(&h, " | New evidence | Steps done | Goals met | "
		    "Ratings | Standards moved");
	pl_buf_puts(&h, " | Needs attention");
	pl_md_head(b, h.ptr);
	pl_buf_release(&h);
	for (i = 0; i < r->n; i++) {
		l = &r->learners[i];
		pl_md_cell(&c, l->row->learner);
		if (groups)
			pl_md_cell(&c, l->row->group);
		numbers(&c, r, l);
		if (l->state != PL_ROSTER_READ)
			pl_md_cellf(&c, "%s: %s",
			    pl_roster_state_names[l->state],
			    l->problem != NULL ? l->problem : "");
		else
			pl_md_cell(&c, l->reasons);
		pl_md_row(b, &c);
		pl_buf_drain(b);
	}
}

static void
standards(struct pl_buf *b, const struct pl_roster_report *r)
{
	struct pl_strlist		 c = PL_STRLIST_INIT;
	const struct pl_roster_standard	*s;
	size_t				 i;

	pl_buf_puts(b, "\n## Standards of the class\n\n");
	if (r->nstandards == 0) {
		pl_buf_puts(b, "No standard is aligned in a portfolio read.\n");
		return;
	}
	pl_buf_puts(b, "Where most learners are stuck first.  Evidence: "
	    "learners with evidence not rated yet; none: learners with no "
	    "evidence.\n\n");
	pl_md_head(b, "Code | Description | Mastered | Developing | Evidence "
	    "| None");
	for (i = 0; i < r->nstandards; i++) {
		s = &r->standards[i];
		pl_md_cell(&c, s->code);
		pl_md_cell(&c, s->description);
		pl_md_cellf(&c, "%zu", s->mastered);
		pl_md_cellf(&c, "%zu", s->developing);
		pl_md_cellf(&c, "%zu", s->evidence);
		pl_md_cellf(&c, "%zu", s->none);
		pl_md_row(b, &c);
	}
}

void
pl_roster_md(struct pl_buf *b, const struct pl_roster_report *r)
{
	title(b, r);
	learners(b, r);
	standards(b, r);
}
