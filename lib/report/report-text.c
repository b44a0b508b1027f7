/*
 * The report as text, for a terminal or a pipe.  Three views of the same
 * data: the learner's leads with goals and what to do next, the
 * teacher's with what needs attention, in dense tables, the family's
 * says it in sentences.  Every value from the portfolio is put on one
 * line with its control characters made spaces, so the only escapes in
 * the output are the colours asked for.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pl/report/report.h"
#include "pl/base/text.h"
#include "base/render.h"
#include "report/report-family.h"

#define BAR	20		/* the width of a progress bar */

struct out {
	struct pl_buf		*b;
	const struct pl_report	*r;
	int			 colour;
};

static void
on(struct out *o, enum pl_sgr c)
{
	pl_sgr_on(o->b, o->colour, c);
}

static void
off(struct out *o)
{
	pl_sgr_off(o->b, o->colour);
}

/* A value from the portfolio, on one line. */
static void
val(struct out *o, const char *s)
{
	pl_text_put(o->b, s);
}

/* s, then spaces to w columns. */
static void
cell(struct out *o, const char *s, size_t w)
{
	pl_text_pad(o->b, s, w);
}

static void
heading(struct out *o, const char *title)
{
	pl_text_heading(o->b, o->colour, title);
}

/* "[#######-------------]" for done of total. */
static void
bar(struct out *o, double done, double total)
{
	size_t	i, n = total > 0 ? (size_t)(done / total * BAR + 0.5) : 0;

	if (n > BAR)
		n = BAR;
	pl_buf_putc(o->b, '[');
	on(o, PL_SGR_GREEN);
	for (i = 0; i < n; i++)
		pl_buf_putc(o->b, '#');
	off(o);
	for (; i < BAR; i++)
		pl_buf_putc(o->b, '-');
	pl_buf_putc(o->b, ']');
}

/* The flags of g in words, "; " between, or "" (the caller frees). */
static char *
flags(const struct pl_report_goal *g)
{
	struct pl_buf	b = PL_BUF_INIT;
	const char	*sep = "";
	char		 gone[16];

	pl_buf_puts(&b, "");
	if (g->overdue) {
		pl_buf_printf(&b, "overdue by %ld day%s", -g->due_in,
		    g->due_in == -1 ? "" : "s");
		sep = "; ";
	}
	if (g->stalled) {
		pl_buf_printf(&b, "%sstalled: no evidence for %ld days", sep,
		    g->days_since);
		sep = "; ";
	}
	if (g->pace == PL_PACE_BEHIND) {
		pl_text_share(gone, sizeof gone, g->time_share);
		pl_buf_printf(&b, "%sbehind pace: %zu of %zu steps, %s%% of "
		    "the time gone", sep, g->done, g->total, gone);
	}
	return pl_buf_detach(&b);
}

static int
flagged(const struct pl_report_goal *g)
{
	return g->overdue || g->stalled || g->pace == PL_PACE_BEHIND;
}

static const char *
pace_words(const struct pl_report_goal *g)
{
	switch (g->pace) {
	case PL_PACE_BEHIND:
		return "behind pace";
	case PL_PACE_ON:
		return "on pace";
	case PL_PACE_AHEAD:
		return "ahead of pace";
	default:
		return NULL;
	}
}

static void
header(struct out *o)
{
	const struct pl_report	*r = o->r;

	on(o, PL_SGR_BOLD);
	pl_buf_puts(o->b, "Report for ");
	val(o, pl_report_learner_name(r));
	off(o);
	if (pl_report_grade(r) != NULL) {
		pl_buf_puts(o->b, ", grade ");
		val(o, r->grade);
	}
	pl_buf_printf(o->b, "\nAs of %s, from commit %.12s of %s\n", r->as_of,
	    r->commit, r->commit_date);
	if (r->since != NULL)
		pl_buf_printf(o->b, "Changes from %s to %s\n", r->since,
		    r->until);
}

static void
profile_list(struct out *o, const char *what, const struct pl_strlist *l)
{
	size_t	i;

	if (l->n == 0)
		return;
	pl_buf_printf(o->b, "  %-17s", what);
	for (i = 0; i < l->n; i++) {
		pl_buf_puts(o->b, i > 0 ? "; " : "");
		val(o, l->v[i]);
	}
	pl_buf_putc(o->b, '\n');
}

static void
profile(struct out *o)
{
	const struct pl_report	*r = o->r;

	if (r->strengths.n + r->needs.n + r->interests.n +
	    r->learns_best.n == 0)
		return;
	heading(o, "Profile");
	profile_list(o, "Strengths:", &r->strengths);
	profile_list(o, "Needs:", &r->needs);
	profile_list(o, "Interests:", &r->interests);
	profile_list(o, "Learns best:", &r->learns_best);
}

/* One goal as the learner reads it: title, bar, due, pace, next step. */
static void
goal_card(struct out *o, const struct pl_report_goal *g, int nested)
{
	const char	*p;
	char		*f;

	pl_buf_drain(o->b);
	pl_buf_puts(o->b, nested ? "    " : "  ");
	on(o, PL_SGR_BOLD);
	val(o, g->title);
	off(o);
	if (o->r->codes) {
		pl_buf_puts(o->b, " (");
		val(o, g->id);
		pl_buf_putc(o->b, ')');
	}
	if (strcmp(g->status, "active") != 0) {
		pl_buf_puts(o->b, " - ");
		val(o, g->status);
	}
	pl_buf_puts(o->b, nested ? "\n      " : "\n    ");
	if (g->total > 0) {
		bar(o, (double)g->done, (double)g->total);
		pl_buf_printf(o->b, " %zu/%zu steps", g->done, g->total);
	} else
		pl_buf_puts(o->b, "no steps yet");
	if (g->due != NULL) {
		pl_buf_puts(o->b, ", due ");
		val(o, g->due);
	}
	if ((p = pace_words(g)) != NULL)
		pl_buf_printf(o->b, ", %s", p);
	pl_buf_putc(o->b, '\n');
	f = flags(g);
	if (*f != '\0') {
		pl_buf_puts(o->b, nested ? "      " : "    ");
		on(o, PL_SGR_RED);
		pl_buf_puts(o->b, f);
		off(o);
		pl_buf_putc(o->b, '\n');
	}
	free(f);
	if (g->next.n > 0 && strcmp(g->status, "active") == 0) {
		pl_buf_puts(o->b, nested ? "      Next: " :
		    "    Next: ");
		val(o, g->next.v[0]);
		pl_buf_putc(o->b, '\n');
	}
}

static int
goal_cmp(const void *id, const void *g)
{
	return strcmp(id, ((const struct pl_report_goal *)g)->id);
}

/* The index of goal id in r (its goals are sorted by id), or -1. */
static long
goal_at(const struct pl_report *r, const char *id)
{
	const struct pl_report_goal	*g;

	if (id == NULL || r->ngoals == 0 || (g = bsearch(id, r->goals,
	    r->ngoals, sizeof *r->goals, goal_cmp)) == NULL)
		return -1;
	return (long)(g - r->goals);
}

/*
 * The index of goal i's parent when it sits under it, or -1: goals nest
 * one level, as pl goal list shows them, so a parent that has a parent
 * of its own does not count.
 */
static long
parent_at(const struct pl_report *r, size_t i)
{
	long	up = goal_at(r, r->goals[i].parent);

	return up >= 0 && up != (long)i && r->goals[up].parent == NULL ?
	    up : -1;
}

/*
 * Goals in the order a person reads them: each parent, then its own (a
 * child whose parent is not here stands alone).  Children are chained
 * to their parent first, so a thousand goals cost a thousand steps.
 */
static void
goal_cards(struct out *o)
{
	const struct pl_report	*r = o->r;
	long			*first, *next, *last, up;
	size_t			 i;
	long			 k;

	heading(o, "Goals");
	if (r->ngoals == 0) {
		pl_buf_puts(o->b, "  No goals yet.\n");
		return;
	}
	first = pl_xcalloc(r->ngoals, sizeof *first);
	next = pl_xcalloc(r->ngoals, sizeof *next);
	last = pl_xcalloc(r->ngoals, sizeof *last);
	for (i = 0; i < r->ngoals; i++)
		first[i] = next[i] = last[i] = -1;
	for (i = 0; i < r->ngoals; i++) {
		if ((up = parent_at(r, i)) < 0)
			continue;
		if (last[up] < 0)
			first[up] = (long)i;
		else
			next[last[up]] = (long)i;
		last[up] = (long)i;
	}
	for (i = 0; i < r->ngoals; i++) {
		if (parent_at(r, i) >= 0)
			continue;
		goal_card(o, &r->goals[i], 0);
		for (k = first[i]; k >= 0; k = next[k])
			goal_card(o, &r->goals[k], 1);
	}
	free(first);
	free(next);
	free(last);
}

/* The teacher's first section: every flagged goal, one per line. */
static void
attention(struct out *o)
{
	const struct pl_report	*r = o->r;
	size_t			 i, w = 2, n = 0;
	char			*f;

	for (i = 0; i < r->ngoals; i++)
		if (flagged(&r->goals[i]) && pl_text_width(r->goals[i].id) > w)
			w = pl_text_width(r->goals[i].id);
	heading(o, "Needs attention");
	for (i = 0; i < r->ngoals; i++) {
		if (!flagged(&r->goals[i]))
			continue;
		n++;
		pl_buf_puts(o->b, "  ");
		cell(o, r->goals[i].id, w + 2);
		f = flags(&r->goals[i]);
		on(o, PL_SGR_RED);
		pl_buf_puts(o->b, f);
		off(o);
		pl_buf_putc(o->b, '\n');
		free(f);
	}
	if (n == 0)
		pl_buf_puts(o->b, "  Nothing: no goal is overdue, stalled or "
		    "behind pace.\n");
}

static void
goal_table(struct out *o)
{
	const struct pl_report	*r = o->r;
	const struct pl_report_goal *g;
	size_t			 i, n, w = 2;
	char			 steps[48], since[24];

	for (i = 0; i < r->ngoals; i++) {
		n = pl_text_width(r->goals[i].id) +
		    (r->goals[i].parent != NULL ? 2 : 0);
		if (n > w)
			w = n;
	}
	heading(o, "Goals");
	if (r->ngoals == 0) {
		pl_buf_puts(o->b, "  No goals yet.\n");
		return;
	}
	pl_buf_puts(o->b, "  ");
	cell(o, "ID", w + 2);
	pl_buf_puts(o->b, "TERM   STATUS   STEPS  DUE         LAST EV.    "
	    "DAYS  PACE    EV  REFL\n");
	for (i = 0; i < r->ngoals; i++) {
		pl_buf_drain(o->b);
		g = &r->goals[i];
		pl_buf_puts(o->b, g->parent != NULL ? "    " : "  ");
		cell(o, g->id, w + 2 - (g->parent != NULL ? 2 : 0));
		snprintf(steps, sizeof steps, "%zu/%zu", g->done, g->total);
		snprintf(since, sizeof since, "%ld", g->days_since);
		cell(o, g->term, 7);
		cell(o, g->status, 9);
		cell(o, steps, 7);
		cell(o, g->due != NULL ? g->due : "-", 12);
		cell(o, g->last_evidence != NULL ? g->last_evidence : "-", 12);
		pl_buf_printf(o->b, "%4s  ", g->days_since >= 0 ? since : "-");
		cell(o, g->pace != PL_PACE_NONE ? pl_pace_names[g->pace] : "-",
		    6);
		pl_buf_printf(o->b, "%4zu  %4zu\n", g->evidence.n,
		    g->reflections.n);
	}
}

static void
evidence_list(struct out *o, size_t max)
{
	const struct pl_report	*r = o->r;
	size_t			 i;

	heading(o, "Evidence");
	if (r->nevidence == 0)
		pl_buf_puts(o->b, "  No evidence yet.\n");
	for (i = 0; i < r->nevidence && i < max; i++) {
		pl_buf_puts(o->b, "  ");
		cell(o, r->evidence[i].date != NULL ? r->evidence[i].date :
		    "-", 12);
		cell(o, r->evidence[i].kind != NULL ? r->evidence[i].kind :
		    "-", 13);
		val(o, r->evidence[i].title);
		if (r->codes) {
			pl_buf_puts(o->b, " (");
			val(o, r->evidence[i].id);
			pl_buf_putc(o->b, ')');
		}
		pl_buf_putc(o->b, '\n');
	}
	if (r->nevidence > max)
		pl_buf_printf(o->b, "  ... and %zu more\n", r->nevidence - max);
}

static void
reflection_list(struct out *o, size_t max)
{
	const struct pl_report	*r = o->r;
	size_t			 i;

	heading(o, "Reflections");
	if (r->nreflections == 0)
		pl_buf_puts(o->b, "  No reflections yet.\n");
	for (i = 0; i < r->nreflections && i < max; i++) {
		pl_buf_puts(o->b, "  ");
		cell(o, r->reflections[i].date != NULL ?
		    r->reflections[i].date : "-", 12);
		val(o, r->reflections[i].summary);
		pl_buf_putc(o->b, '\n');
	}
	if (r->nreflections > max)
		pl_buf_printf(o->b, "  ... and %zu more\n",
		    r->nreflections - max);
}

/* A score to two places, or "-" without one, right-aligned to w. */
static void
score(struct out *o, int scored, double s, int w)
{
	if (!scored)
		pl_buf_printf(o->b, "%*s", w, "-");
	else
		pl_buf_printf(o->b, "%*.2f", w, s);
}

static void
standards(struct out *o)
{
	const struct pl_report	*r = o->r;
	const struct pl_report_standard *s;
	struct pl_buf		 lv = PL_BUF_INIT;
	size_t			 i, w = 4, lw = 10;

	if (r->nstandards == 0)
		return;
	heading(o, "Standards");
	pl_buf_printf(o->b, "  %zu aligned, %zu with evidence, %zu mastered "
	    "(%s)\n", r->nstandards, r->covered, r->mastered,
	    pl_method_names[r->method]);
	pl_buf_puts(o->b, "  ");
	pl_report_scope_words(o->b, &r->scope);
	pl_buf_putc(o->b, '\n');
	for (i = 0; i < r->nstandards; i++) {
		if (pl_text_width(r->standards[i].code) > w)
			w = pl_text_width(r->standards[i].code);
		pl_buf_clear(&lv);
		pl_report_level_words(&lv, r, &r->standards[i], "not rated");
		if (pl_text_width(pl_buf_cstr(&lv)) > lw)
			lw = pl_text_width(pl_buf_cstr(&lv));
	}
	for (i = 0; i < r->nstandards; i++) {
		pl_buf_drain(o->b);
		s = &r->standards[i];
		pl_buf_puts(o->b, "  ");
		if (r->codes)
			cell(o, s->code, w + 2);
		score(o, s->scored, s->score, 4);
		pl_buf_puts(o->b, "  ");
		pl_buf_clear(&lv);
		pl_report_level_words(&lv, r, s, "not rated");
		cell(o, pl_buf_cstr(&lv), lw + 2);
		pl_buf_printf(o->b, "%3zu rating%s  ", s->ratings,
		    s->ratings == 1 ? " " : "s");
		if (s->mastered) {
			on(o, PL_SGR_GREEN);
			pl_buf_puts(o->b, "mastered  ");
			off(o);
		} else
			pl_buf_puts(o->b, "          ");
		val(o, s->description);
		pl_buf_putc(o->b, '\n');
	}
	pl_buf_release(&lv);
}

static void
activity(struct out *o)
{
	const struct pl_report	*r = o->r;
	const struct pl_report_week *w;
	unsigned		 max = 0, n;
	size_t			 i;

	for (i = 0; i < r->nweeks; i++) {
		w = &r->weeks[i];
		n = w->evidence + w->reflections + w->steps + w->ratings;
		if (n > max)
			max = n;
	}
	heading(o, "Activity per week");
	pl_buf_puts(o->b, "  WEEK OF     EVIDENCE  REFLECTIONS  STEPS  "
	    "RATINGS\n");
	for (i = 0; i < r->nweeks; i++) {
		w = &r->weeks[i];
		n = w->evidence + w->reflections + w->steps + w->ratings;
		pl_buf_printf(o->b, "  %s  %8u  %11u  %5u  %7u%s", w->monday,
		    w->evidence, w->reflections, w->steps, w->ratings,
		    n > 0 ? "  " : "");
		/* one mark per change, scaled down to fit a bar */
		if (max > BAR)
			n = (n * BAR + max - 1) / max;
		on(o, PL_SGR_GREEN);
		for (; n > 0; n--)
			pl_buf_putc(o->b, '#');
		off(o);
		pl_buf_putc(o->b, '\n');
	}
}

static void
people(struct out *o)
{
	const struct pl_report	*r = o->r;
	const struct pl_report_person *p;
	size_t			 i, w = 4;

	if (r->npeople == 0)
		return;
	heading(o, r->since != NULL ? "Who contributed in the window" :
	    "Who contributed");
	for (i = 0; i < r->npeople; i++)
		if (pl_text_width(r->people[i].name) > w)
			w = pl_text_width(r->people[i].name);
	for (i = 0; i < r->npeople; i++) {
		p = &r->people[i];
		pl_buf_puts(o->b, "  ");
		cell(o, p->name, w + 2);
		pl_buf_printf(o->b, "%u change%s: %u goal%s, %u step%s, "
		    "%u evidence, %u reflection%s, %u rating%s (%s to %s)\n",
		    p->changes, p->changes == 1 ? "" : "s", p->goals,
		    p->goals == 1 ? "" : "s", p->steps, p->steps == 1 ?
		    "" : "s", p->evidence, p->reflections, p->reflections ==
		    1 ? "" : "s", p->ratings, p->ratings == 1 ? "" : "s",
		    p->first, p->last);
	}
}

static const char *const event_words[] = { "goal set", "step done",
	"goal met", "evidence", "reflection", "rating" };

static void
window(struct out *o)
{
	const struct pl_report	*r = o->r;
	const struct pl_report_event *e;
	const struct pl_report_move *m;
	struct pl_buf		 words = PL_BUF_INIT;
	size_t			 i;

	if (r->since == NULL)
		return;
	heading(o, "In the window");
	if (r->nevents == 0)
		pl_buf_puts(o->b, "  Nothing changed.\n");
	for (i = 0; i < r->nevents; i++) {
		e = &r->events[i];
		pl_buf_printf(o->b, "  %s  ", e->date);
		cell(o, event_words[e->type], 12);
		pl_buf_clear(&words);
		pl_report_event_words(&words, r, e);
		val(o, pl_buf_cstr(&words));
		pl_buf_puts(o->b, " - ");
		val(o, e->author);
		pl_buf_puts(o->b, pl_report_signature_words(r, e));
		pl_buf_putc(o->b, '\n');
	}
	pl_buf_release(&words);
	if (r->nmoves == 0)
		return;
	heading(o, "Mastery that moved");
	for (i = 0; i < r->nmoves; i++) {
		m = &r->moves[i];
		pl_buf_puts(o->b, "  ");
		if (r->codes) {
			val(o, m->code);
			pl_buf_puts(o->b, "  ");
		}
		if (!m->had)
			pl_buf_puts(o->b, "new");
		else
			score(o, m->from_scored, m->from, 0);
		pl_buf_puts(o->b, " -> ");
		if (m->has)
			score(o, m->to_scored, m->to, 0);
		else
			pl_buf_puts(o->b, "not rated");
		pl_buf_printf(o->b, "%s  ", m->mastered && !m->was_mastered ?
		    " (mastered)" : "");
		val(o, m->description);
		pl_buf_putc(o->b, '\n');
	}
}

static void
warnings(struct out *o)
{
	size_t	i;

	if (o->r->warnings.n == 0)
		return;
	heading(o, "Left out");
	for (i = 0; i < o->r->warnings.n; i++) {
		pl_buf_puts(o->b, "  ");
		val(o, o->r->warnings.v[i]);
		pl_buf_putc(o->b, '\n');
	}
}

void
pl_report_text(struct pl_buf *out, const struct pl_report *r, int colour)
{
	struct out	o = { out, r, colour };

	if (r->view == PL_VIEW_FAMILY) {
		pl_report_family_text(out, r, colour);
		return;
	}
	header(&o);
	switch (r->view) {
	case PL_VIEW_TEACHER:
		attention(&o);
		goal_table(&o);
		window(&o);
		standards(&o);
		activity(&o);
		people(&o);
		profile(&o);
		evidence_list(&o, 10);
		reflection_list(&o, 5);
		break;
	default:
		goal_cards(&o);
		window(&o);
		evidence_list(&o, 10);
		reflection_list(&o, 5);
		standards(&o);
		activity(&o);
		profile(&o);
		people(&o);
	}
	warnings(&o);
}
