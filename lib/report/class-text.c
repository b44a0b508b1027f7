/*
 * The class report as text, for a teacher's terminal or a pipe: one line
 * per learner, those who need attention first with why in words, then
 * one line per standard of the class, where most are stuck first.
 * Columns are as wide as their widest value on a terminal (render.h),
 * so the output is the same whatever the locale or the window's width;
 * values from rosters and portfolios have their control characters made
 * spaces, so the only escapes are the colours asked for.
 */
#include <stdio.h>
#include <string.h>

#include "pl/report/roster.h"
#include "base/render.h"

#define DAYS(n)		DAYS_(n)
#define DAYS_(n)	#n "D"

/* The counts of a learner read, right-aligned under these heads. */
static const char *const count_head[] = { "ACTIVE", "MET", "OVERDUE",
	"STALLED", "BEHIND", "EV " DAYS(PL_ROSTER_RECENT_SHORT),
	"EV " DAYS(PL_ROSTER_RECENT_LONG) };
#define NCOUNT	(sizeof count_head / sizeof count_head[0])

static const char *const window_head[] = { "EVIDENCE", "STEPS", "MET",
	"RATINGS", "MOVED" };
#define NWINDOW	(sizeof window_head / sizeof window_head[0])

#define LAST_HEAD	"LAST ACTIVITY"

struct out {
	struct pl_buf			*b;
	const struct pl_roster_report	*r;
	int				 colour;
	size_t				 name_w;	/* learner column */
	size_t				 group_w;	/* 0: no groups */
};

static void
header(struct out *o)
{
	const struct pl_roster_report	*r = o->r;
	struct pl_buf			 t = PL_BUF_INIT;

	pl_sgr_on(o->b, o->colour, PL_SGR_BOLD);
	pl_buf_puts(o->b, "Class report for ");
	pl_text_put(o->b, r->roster);
	pl_sgr_off(o->b, o->colour);
	pl_buf_printf(o->b, "\nAs of %s", r->as_of);
	if (r->since != NULL) {
		pl_buf_puts(o->b, ", changes from ");
		pl_text_put(o->b, r->since);
		pl_buf_puts(o->b, " to ");
		pl_text_put(o->b, r->until != NULL ? r->until : r->as_of);
	}
	if (r->group != NULL) {
		pl_buf_puts(o->b, ", group ");
		pl_text_put(o->b, r->group);
	}
	pl_buf_printf(o->b, "\n%zu learner%s, %zu need%s attention, %zu could "
	    "not be read\n", r->n, r->n == 1 ? "" : "s", r->attention,
	    r->attention == 1 ? "s" : "", r->failed);
	pl_roster_scope_words(&t, r);
	pl_text_put(o->b, pl_buf_cstr(&t));
	pl_buf_putc(o->b, '\n');
	pl_buf_release(&t);
}

/* The learner and group columns, as wide as their widest value. */
static void
widths(struct out *o)
{
	const struct pl_roster_report	*r = o->r;
	const struct pl_roster_row	*row;
	size_t				 i, w;

	o->name_w = strlen("LEARNER");
	o->group_w = 0;
	for (i = 0; i < r->n; i++) {
		row = r->learners[i].row;
		if ((w = pl_text_width(row->learner)) > o->name_w)
			o->name_w = w;
		if ((w = pl_text_width(row->group)) > o->group_w)
			o->group_w = w;
	}
	if (o->group_w > 0 && o->group_w < strlen("GROUP"))
		o->group_w = strlen("GROUP");
}

/* The learner and group of a line. */
static void
who(struct out *o, const char *name, const char *group)
{
	pl_buf_puts(o->b, "  ");
	pl_text_pad(o->b, name, o->name_w);
	if (o->group_w > 0) {
		pl_buf_puts(o->b, "  ");
		pl_text_pad(o->b, group, o->group_w);
	}
}

/* "  " then n right-aligned under head. */
static void
num(struct out *o, size_t n, const char *head)
{
	pl_buf_printf(o->b, "  %*zu", (int)strlen(head), n);
}

static void
table_head(struct out *o)
{
	size_t	i, at;

	if (o->r->since != NULL) {
		/* "IN THE WINDOW" over the window's columns */
		at = 2 + o->name_w + (o->group_w > 0 ? 2 + o->group_w : 0);
		for (i = 0; i < NCOUNT; i++)
			at += 2 + strlen(count_head[i]);
		at += 2 + strlen(LAST_HEAD) + 2 + strlen("MASTERED") + 2 +
		    strlen("COVERED") + 2;
		pl_buf_printf(o->b, "%*sIN THE WINDOW\n", (int)at, "");
	}
	who(o, "LEARNER", "GROUP");
	for (i = 0; i < NCOUNT; i++)
		pl_buf_printf(o->b, "  %s", count_head[i]);
	pl_buf_puts(o->b, "  " LAST_HEAD "  MASTERED  COVERED");
	for (i = 0; o->r->since != NULL && i < NWINDOW; i++)
		pl_buf_printf(o->b, "  %s", window_head[i]);
	pl_buf_puts(o->b, "  NEEDS ATTENTION\n");
}

/* "  " then part of whole in per cent under head, "-" without whole. */
static void
pct(struct out *o, size_t part, size_t whole, const char *head)
{
	char	s[16];

	if (!pl_text_pct_sign(s, sizeof s, part, whole))
		strcpy(s, "-");
	pl_buf_puts(o->b, "  ");
	pl_text_rpad(o->b, s, strlen(head));
}

/* The numbers of a learner whose portfolio was read. */
static void
numbers(struct out *o, const struct pl_roster_learner *l)
{
	const size_t	 c[NCOUNT] = { l->active, l->met, l->overdue,
	    l->stalled, l->behind, l->evidence_short, l->evidence_long };
	const size_t	 w[NWINDOW] = { l->window_evidence, l->window_steps,
	    l->window_met, l->window_ratings, l->window_moved };
	size_t		 i;

	for (i = 0; i < NCOUNT; i++)
		num(o, c[i], count_head[i]);
	pl_buf_puts(o->b, "  ");
	pl_text_pad(o->b, *l->last_activity != '\0' ? l->last_activity : "-",
	    strlen(LAST_HEAD));
	pct(o, l->scope.mastered, l->scope.standards, "MASTERED");
	pct(o, l->scope.covered, l->scope.standards, "COVERED");
	for (i = 0; o->r->since != NULL && i < NWINDOW; i++)
		num(o, w[i], window_head[i]);
}

static void
learners(struct out *o)
{
	const struct pl_roster_report	*r = o->r;
	const struct pl_roster_learner	*l;
	size_t				 i;

	pl_text_heading(o->b, o->colour, "Learners, who needs attention "
	    "first");
	if (r->n == 0) {
		pl_buf_puts(o->b, "  No learners.\n");
		return;
	}
	widths(o);
	table_head(o);
	for (i = 0; i < r->n; i++) {
		l = &r->learners[i];
		who(o, l->row->learner, l->row->group);
		if (l->state == PL_ROSTER_READ)
			numbers(o, l);
		if (l->state != PL_ROSTER_READ || *l->reasons != '\0') {
			pl_buf_puts(o->b, "  ");
			pl_sgr_on(o->b, o->colour, PL_SGR_RED);
			if (l->state != PL_ROSTER_READ) {
				pl_buf_printf(o->b, "%s: ",
				    pl_roster_state_names[l->state]);
				pl_text_put(o->b, l->problem);
			} else
				pl_text_put(o->b, l->reasons);
			pl_sgr_off(o->b, o->colour);
		}
		pl_buf_putc(o->b, '\n');
		pl_buf_drain(o->b);
	}
}

static void
standards(struct out *o)
{
	const struct pl_roster_report	*r = o->r;
	const struct pl_roster_standard	*s;
	size_t				 i, w = strlen("CODE");

	pl_text_heading(o->b, o->colour, "Standards of the class, where most "
	    "are stuck first");
	if (r->nstandards == 0) {
		pl_buf_puts(o->b, "  No standard is aligned in a portfolio "
		    "read.\n");
		return;
	}
	for (i = 0; i < r->nstandards; i++)
		if (pl_text_width(r->standards[i].code) > w)
			w = pl_text_width(r->standards[i].code);
	pl_buf_puts(o->b, "  ");
	pl_text_pad(o->b, "CODE", w);
	pl_buf_puts(o->b, "  MASTERED  DEVELOPING  EVIDENCE  NONE  "
	    "DESCRIPTION\n");
	for (i = 0; i < r->nstandards; i++) {
		s = &r->standards[i];
		pl_buf_puts(o->b, "  ");
		pl_text_pad(o->b, s->code, w);
		num(o, s->mastered, "MASTERED");
		num(o, s->developing, "DEVELOPING");
		num(o, s->evidence, "EVIDENCE");
		num(o, s->none, "NONE");
		if (s->description != NULL && *s->description != '\0') {
			pl_buf_puts(o->b, "  ");
			pl_text_put(o->b, s->description);
		}
		pl_buf_putc(o->b, '\n');
	}
	pl_buf_puts(o->b, "  (EVIDENCE: evidence not rated yet; NONE: no "
	    "evidence)\n");
}

void
pl_roster_text(struct pl_buf *out, const struct pl_roster_report *r,
    int colour)
{
	struct out	o = { out, r, colour, 0, 0 };

	header(&o);
	learners(&o);
	standards(&o);
}
