/*
 * The report as Markdown, for a git host's wiki or an email.  All text
 * from the portfolio goes through pl_md_escape(), so a title cannot
 * become a heading, a link, raw HTML or a new table cell.  Markdown
 * bodies (a goal's why, a reflection) are shown only in the learner
 * view, quoted line by line and escaped the same way: they read as
 * written, and nothing in them renders.
 */
#include <stdlib.h>
#include <string.h>

#include "pl/base/md.h"
#include "pl/report/report.h"
#include "base/render.h"
#include "report/report-family.h"

static const char *const event_words[] = { "goal set", "step done",
	"goal met", "evidence", "reflection", "rating" };

static void
esc(struct pl_buf *b, const char *s)
{
	if (s != NULL)
		pl_md_escape(b, s, strlen(s));
}

static const char *
plural(unsigned long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void
cell_list(struct pl_strlist *c, const struct pl_strlist *l)
{
	struct pl_buf	b = PL_BUF_INIT;

	pl_strlist_join(&b, l, ", ");
	pl_strlist_push_owned(c, pl_buf_detach(&b));
}

/* A Markdown body as a quote, each line escaped. */
static void
quote(struct pl_buf *b, const char *body)
{
	const char	*nl;
	size_t		 len;

	while (*body != '\0') {
		nl = strchr(body, '\n');
		len = nl != NULL ? (size_t)(nl - body) : strlen(body);
		if (len > 0 && body[len - 1] == '\r')
			len--;
		pl_buf_puts(b, len > 0 ? "> " : ">");
		pl_md_escape(b, body, len);
		pl_buf_putc(b, '\n');
		if (nl == NULL)
			break;
		body = nl + 1;
	}
}

static const char *
goal_title(const struct pl_report *r, const char *id)
{
	const struct pl_report_goal	*g = pl_report_goal_find(r, id);

	return g != NULL && g->title != NULL ? g->title : id;
}

static void
put_progress(struct pl_buf *b, const struct pl_report_goal *g)
{
	if (g->total == 0)
		pl_buf_puts(b, "no steps");
	else
		pl_buf_printf(b, "%zu/%zu steps", g->done, g->total);
}

/* "2024-06-01 (in 12 days)", "2024-05-10 (10 days ago)". */
static void
put_due(struct pl_buf *b, const struct pl_report_goal *g)
{
	long	n = g->due_in < 0 ? -g->due_in : g->due_in;

	if (g->due == NULL)
		return;
	pl_buf_puts(b, g->due);
	if (strcmp(g->status, "active") != 0)
		return;
	if (g->due_in == 0)
		pl_buf_puts(b, " (today)");
	else
		pl_buf_printf(b, g->due_in > 0 ? " (in %ld %s)" :
		    " (%ld %s ago)", n, plural(n, "day", "days"));
}

static const char *
pace_words(enum pl_pace p)
{
	static const char *const w[] = { "", "behind pace", "on pace",
		"ahead of pace" };

	return w[p];
}

/* "overdue, stalled: 30 days without evidence". */
static void
put_flags(struct pl_buf *b, const struct pl_report_goal *g)
{
	if (g->overdue)
		pl_buf_puts(b, "overdue");
	if (g->stalled)
		pl_buf_printf(b, "%sstalled: %ld days without evidence",
		    g->overdue ? ", " : "", g->days_since);
}

static void
put_score(struct pl_buf *b, double score)
{
	pl_buf_printf(b, "%.2f", score);
}

/* A section's heading, then its sentence when it has nothing: 0 then. */
static int
section(struct pl_buf *b, const char *title, size_t n, const char *none)
{
	pl_buf_printf(b, "\n## %s\n\n", title);
	if (n == 0)
		pl_buf_printf(b, "%s\n", none);
	return n > 0;
}

static void
title(struct pl_buf *b, const struct pl_report *r)
{
	pl_buf_puts(b, "# Learning report: ");
	esc(b, pl_report_learner_name(r));
	pl_buf_printf(b, "\n\nAs of %s · made from commit %.7s (%s)\n",
	    r->as_of, r->commit, r->commit_date);
}

static void
profile_item(struct pl_buf *b, const char *label, const struct pl_strlist *l)
{
	size_t	i;

	if (l->n == 0)
		return;
	pl_buf_printf(b, "- %s: ", label);
	for (i = 0; i < l->n; i++) {
		if (i > 0)
			pl_buf_puts(b, "; ");
		esc(b, l->v[i]);
	}
	pl_buf_putc(b, '\n');
}

static void
profile(struct pl_buf *b, const struct pl_report *r)
{
	pl_buf_puts(b, "\n## Profile\n\n");
	if (r->learner_id != NULL) {
		pl_buf_puts(b, "- Learner: ");
		esc(b, r->learner_id);
		pl_buf_putc(b, '\n');
	}
	if (pl_report_grade(r) != NULL) {
		pl_buf_puts(b, "- Grade: ");
		esc(b, r->grade);
		pl_buf_putc(b, '\n');
	}
	if (r->started != NULL)
		pl_buf_printf(b, "- Started: %s\n", r->started);
	profile_item(b, "Strengths", &r->strengths);
	profile_item(b, "Needs", &r->needs);
	profile_item(b, "Interests", &r->interests);
	profile_item(b, "Learns best", &r->learns_best);
}

static void
goals_learner(struct pl_buf *b, const struct pl_report *r)
{
	struct pl_strlist		 c = PL_STRLIST_INIT;
	struct pl_buf			 t = PL_BUF_INIT;
	const struct pl_report_goal	*g;
	size_t				 i;

	if (!section(b, "Goals", r->ngoals, "No goals yet."))
		return;
	pl_md_head(b, "Goal | Part of | Status | Progress | Due | Pace | "
	    "Flags");
	for (i = 0; i < r->ngoals; i++) {
		pl_buf_drain(b);
		g = &r->goals[i];
		pl_md_cell(&c, g->title);
		pl_md_cell(&c, g->parent != NULL ? goal_title(r, g->parent) :
		    NULL);
		pl_md_cell(&c, g->status);
		pl_buf_clear(&t);
		put_progress(&t, g);
		pl_md_cell(&c, t.ptr);
		pl_buf_clear(&t);
		put_due(&t, g);
		pl_md_cell(&c, t.ptr);
		pl_md_cell(&c, pace_words(g->pace));
		pl_buf_clear(&t);
		put_flags(&t, g);
		pl_md_cell(&c, t.ptr);
		pl_md_row(b, &c);
	}
	pl_buf_release(&t);
}

static void
next_steps(struct pl_buf *b, const struct pl_report *r)
{
	const struct pl_report_goal	*g;
	size_t				 i, j, n = 0;

	pl_buf_puts(b, "\n## Next steps\n");
	for (i = 0; i < r->ngoals; i++) {
		g = &r->goals[i];
		if (strcmp(g->status, "active") != 0 ||
		    (g->next.n == 0 && g->why == NULL))
			continue;
		n++;
		pl_buf_puts(b, "\n### ");
		esc(b, g->title);
		pl_buf_puts(b, "\n\n");
		if (g->why != NULL) {
			quote(b, g->why);
			pl_buf_putc(b, '\n');
		}
		for (j = 0; j < g->next.n; j++) {
			pl_buf_puts(b, "- [ ] ");
			esc(b, g->next.v[j]);
			pl_buf_putc(b, '\n');
		}
	}
	if (n == 0)
		pl_buf_puts(b, "\nNothing left to do on an active goal.\n");
}

static void
flags_teacher(struct pl_buf *b, const struct pl_report *r)
{
	struct pl_strlist		 c = PL_STRLIST_INIT;
	struct pl_buf			 t = PL_BUF_INIT;
	const struct pl_report_goal	*g;
	size_t				 i, n = 0;

	pl_buf_puts(b, "\n## Flags\n\n");
	for (i = 0; i < r->ngoals; i++) {
		g = &r->goals[i];
		if (!g->overdue && !g->stalled && g->pace != PL_PACE_BEHIND)
			continue;
		if (n++ == 0)
			pl_md_head(b, "Goal | Title | Overdue | Stalled | "
			    "Pace | Due | Last evidence");
		pl_md_cell(&c, g->id);
		pl_md_cell(&c, g->title);
		pl_md_cell(&c, g->overdue ? "yes" : "no");
		if (g->stalled)
			pl_md_cellf(&c, "%ld days", g->days_since);
		else
			pl_md_cell(&c, "no");
		pl_md_cell(&c, pl_pace_names[g->pace]);
		pl_buf_clear(&t);
		put_due(&t, g);
		pl_md_cell(&c, t.ptr);
		pl_md_cell(&c, g->last_evidence);
		pl_md_row(b, &c);
	}
	if (n == 0)
		pl_buf_puts(b, "No goal is overdue, stalled or behind pace.\n");
	pl_buf_release(&t);
}

static void
goals_teacher(struct pl_buf *b, const struct pl_report *r)
{
	struct pl_strlist		 c = PL_STRLIST_INIT;
	struct pl_buf			 t = PL_BUF_INIT;
	const struct pl_report_goal	*g;
	size_t				 i;

	if (!section(b, "Goals", r->ngoals, "No goals."))
		return;
	pl_md_head(b, "Goal | Title | Term | Status | Parent | Steps | Due | "
	    "Pace | Evidence | Last | Standards");
	for (i = 0; i < r->ngoals; i++) {
		pl_buf_drain(b);
		g = &r->goals[i];
		pl_md_cell(&c, g->id);
		pl_md_cell(&c, g->title);
		pl_md_cell(&c, g->term);
		pl_md_cell(&c, g->status);
		pl_md_cell(&c, g->parent);
		pl_md_cellf(&c, "%zu/%zu", g->done, g->total);
		pl_buf_clear(&t);
		put_due(&t, g);
		pl_md_cell(&c, t.ptr);
		pl_md_cell(&c, pl_pace_names[g->pace]);
		pl_md_cellf(&c, "%zu", g->evidence.n);
		pl_md_cell(&c, g->last_evidence);
		cell_list(&c, &g->standards);
		pl_md_row(b, &c);
	}
	pl_buf_release(&t);
}

/* The shares of the report's scope, a paragraph of their own. */
static void
scope_line(struct pl_buf *b, const struct pl_report *r)
{
	struct pl_buf	t = PL_BUF_INIT;

	pl_report_scope_words(&t, &r->scope);
	pl_buf_putc(b, '\n');
	esc(b, pl_buf_cstr(&t));
	pl_buf_puts(b, ".\n");
	pl_buf_release(&t);
}

static void
coverage(struct pl_buf *b, const struct pl_report *r)
{
	if (r->nstandards == 0) {
		pl_buf_puts(b, "No standards aligned yet.\n");
		return;
	}
	pl_buf_printf(b, "%zu %s: %zu with evidence, %zu mastered.\n",
	    r->nstandards, plural(r->nstandards, "standard", "standards"),
	    r->covered, r->mastered);
	scope_line(b, r);
}

static void
standards_table(struct pl_buf *b, const struct pl_report *r)
{
	struct pl_strlist		 c = PL_STRLIST_INIT;
	struct pl_buf			 t = PL_BUF_INIT;
	const struct pl_report_standard	*s;
	size_t				 i, j;

	pl_buf_puts(b, "\n## Standards\n\n");
	coverage(b, r);
	if (r->nstandards == 0)
		return;
	pl_buf_putc(b, '\n');
	pl_md_head(b, "Code | Description | Goals | Evidence | Ratings | "
	    "Level | Score | Mastered");
	for (i = 0; i < r->nstandards; i++) {
		pl_buf_drain(b);
		s = &r->standards[i];
		pl_md_cell(&c, s->code);
		pl_md_cell(&c, s->description);
		pl_md_cellf(&c, "%zu", s->goals);
		pl_md_cellf(&c, "%zu", s->evidence);
		pl_buf_clear(&t);
		pl_buf_puts(&t, "");
		for (j = 0; j < s->npoints; j++) {
			if (j > 0)
				pl_buf_puts(&t, ", ");
			pl_level_format(&t, s->points[j].level);
		}
		pl_md_cell(&c, t.ptr);
		pl_buf_clear(&t);
		pl_report_level_words(&t, r, s, "");
		pl_md_cell(&c, t.ptr);
		pl_buf_clear(&t);
		pl_buf_puts(&t, "");
		if (s->scored)
			put_score(&t, s->score);
		pl_md_cell(&c, t.ptr);
		pl_md_cell(&c, s->mastered ? "yes" : "no");
		pl_md_row(b, &c);
	}
	pl_buf_release(&t);
}

static void
evidence_list(struct pl_buf *b, const struct pl_report *r)
{
	const struct pl_report_evidence	*e;
	size_t				 i;

	pl_buf_puts(b, "\n## Evidence\n\n");
	if (r->nevidence == 0)
		pl_buf_puts(b, "No evidence yet.\n");
	for (i = 0; i < r->nevidence; i++) {
		pl_buf_drain(b);
		e = &r->evidence[i];
		pl_buf_printf(b, "- %s · ", e->date);
		esc(b, e->title);
		if (e->kind != NULL) {
			pl_buf_puts(b, " (");
			esc(b, e->kind);
			pl_buf_putc(b, ')');
		}
		pl_buf_putc(b, '\n');
	}
}

static void
evidence_teacher(struct pl_buf *b, const struct pl_report *r)
{
	struct pl_strlist		 c = PL_STRLIST_INIT;
	const struct pl_report_evidence	*e;
	size_t				 i;

	if (!section(b, "Evidence", r->nevidence, "No evidence."))
		return;
	pl_md_head(b, "Date | Evidence | Kind | Title | Goals | Standards | "
	    "Files");
	for (i = 0; i < r->nevidence; i++) {
		pl_buf_drain(b);
		e = &r->evidence[i];
		pl_md_cell(&c, e->date);
		pl_md_cell(&c, e->id);
		pl_md_cell(&c, e->kind);
		pl_md_cell(&c, e->title);
		cell_list(&c, &e->goals);
		cell_list(&c, &e->standards);
		pl_md_cellf(&c, "%zu", e->files.n);
		pl_md_row(b, &c);
	}
}

static void
reflections(struct pl_buf *b, const struct pl_report *r)
{
	struct pl_strlist			 c = PL_STRLIST_INIT;
	const struct pl_report_reflection	*f;
	size_t					 i;

	if (!section(b, "Reflections", r->nreflections, "No reflections yet."))
		return;
	if (r->view == PL_VIEW_TEACHER)
		pl_md_head(b, "Date | Reflection | Summary | Goals | Evidence");
	for (i = 0; i < r->nreflections; i++) {
		pl_buf_drain(b);
		f = &r->reflections[i];
		if (r->view == PL_VIEW_TEACHER) {
			pl_md_cell(&c, f->date);
			pl_md_cell(&c, f->id);
			pl_md_cell(&c, f->summary);
			cell_list(&c, &f->goals);
			cell_list(&c, &f->evidence);
			pl_md_row(b, &c);
		} else {
			pl_buf_printf(b, "%s### %s · ", i > 0 ? "\n" : "",
			    f->date);
			esc(b, f->summary);
			pl_buf_putc(b, '\n');
			if (f->body != NULL) {
				pl_buf_putc(b, '\n');
				quote(b, f->body);
			}
		}
	}
}

static void
weeks(struct pl_buf *b, const struct pl_report *r)
{
	struct pl_strlist		 c = PL_STRLIST_INIT;
	const struct pl_report_week	*w;
	size_t				 i;

	pl_buf_puts(b, "\n## Activity\n\n");
	if (r->nweeks > 0)
		pl_md_head(b, "Week of | Evidence | Reflections | Steps | "
		    "Ratings | Other");
	for (i = 0; i < r->nweeks; i++) {
		w = &r->weeks[i];
		pl_md_cell(&c, w->monday);
		pl_md_cellf(&c, "%u", w->evidence);
		pl_md_cellf(&c, "%u", w->reflections);
		pl_md_cellf(&c, "%u", w->steps);
		pl_md_cellf(&c, "%u", w->ratings);
		pl_md_cellf(&c, "%u", w->other);
		pl_md_row(b, &c);
	}
	if (r->nweeks == 0)
		pl_buf_printf(b, "Nothing new in the weeks from %s.\n",
		    r->week_from);
}

static void
people(struct pl_buf *b, const struct pl_report *r)
{
	struct pl_strlist		 c = PL_STRLIST_INIT;
	const struct pl_report_person	*p;
	size_t				 i;

	pl_buf_puts(b, "\n## Contributors\n\n");
	if (r->npeople == 0) {
		pl_buf_puts(b, "Nobody yet.\n");
		return;
	}
	pl_md_head(b, "Name | Email | Changes | Goals | Steps | "
	    "Evidence | Reflections | Ratings | First | Last");
	for (i = 0; i < r->npeople; i++) {
		p = &r->people[i];
		pl_md_cell(&c, p->name);
		pl_md_cell(&c, p->email);
		pl_md_cellf(&c, "%u", p->changes);
		pl_md_cellf(&c, "%u", p->goals);
		pl_md_cellf(&c, "%u", p->steps);
		pl_md_cellf(&c, "%u", p->evidence);
		pl_md_cellf(&c, "%u", p->reflections);
		pl_md_cellf(&c, "%u", p->ratings);
		pl_md_cell(&c, p->first);
		pl_md_cell(&c, p->last);
		pl_md_row(b, &c);
	}
}

/* "developing (2.35)", or "no score yet". */
static void
put_move_end(struct pl_buf *b, const struct pl_report *r, int scored,
    double score)
{
	const char	*name = pl_scale_name(&r->scale, score);

	if (!scored) {
		pl_buf_puts(b, "no score yet");
		return;
	}
	esc(b, name != NULL ? name : "not yet a level");
	pl_buf_puts(b, " (");
	put_score(b, score);
	pl_buf_putc(b, ')');
}

static void
since(struct pl_buf *b, const struct pl_report *r)
{
	struct pl_strlist		 c = PL_STRLIST_INIT;
	struct pl_buf			 t = PL_BUF_INIT;
	const struct pl_report_event	*e;
	const struct pl_report_move	*m;
	size_t				 i;

	if (r->since == NULL)
		return;
	pl_buf_printf(b, "\n## Since %s", r->since);
	if (r->until != NULL)
		pl_buf_printf(b, " (until %s)", r->until);
	pl_buf_puts(b, "\n\n");
	if (r->nevents == 0)
		pl_buf_puts(b, "Nothing changed.\n");
	else
		pl_md_head(b, "Date | What | Entry | By | Detail");
	for (i = 0; i < r->nevents; i++) {
		e = &r->events[i];
		pl_md_cell(&c, e->date);
		pl_md_cell(&c, event_words[e->type]);
		pl_md_cell(&c, e->id);
		pl_md_cell(&c, e->author);
		pl_buf_clear(&t);
		pl_report_event_words(&t, r, e);
		if (e->standard != NULL && e->level != NULL)
			pl_buf_printf(&t, "%s%s: %s", t.len > 0 ? " · " : "",
			    e->standard, e->level);
		pl_buf_puts(&t, pl_report_signature_words(r, e));
		pl_md_cell(&c, t.ptr);
		pl_md_row(b, &c);
	}
	pl_buf_release(&t);
	if (r->nmoves == 0)
		return;
	pl_buf_puts(b, "\nMastery that moved:\n\n");
	pl_md_head(b, "Code | Description | From | To | Mastered");
	for (i = 0; i < r->nmoves; i++) {
		m = &r->moves[i];
		pl_md_cell(&c, m->code);
		pl_md_cell(&c, m->description);
		pl_buf_clear(&t);
		pl_buf_puts(&t, "");
		if (m->had)
			put_move_end(&t, r, m->from_scored, m->from);
		pl_md_cell(&c, t.ptr);
		pl_buf_clear(&t);
		pl_buf_puts(&t, "");
		if (m->has)
			put_move_end(&t, r, m->to_scored, m->to);
		pl_md_cell(&c, t.ptr);
		pl_md_cell(&c, m->mastered && !m->was_mastered ?
		    "yes, new" : m->mastered ? "yes" : "no");
		pl_md_row(b, &c);
		pl_buf_release(&t);
	}
}

static void
warnings(struct pl_buf *b, const struct pl_report *r)
{
	size_t	i;

	if (r->warnings.n == 0)
		return;
	pl_buf_puts(b, "\n## Warnings\n\n");
	for (i = 0; i < r->warnings.n; i++) {
		pl_buf_puts(b, "- ");
		esc(b, r->warnings.v[i]);
		pl_buf_putc(b, '\n');
	}
}

void
pl_report_md(struct pl_buf *b, const struct pl_report *r)
{
	if (r->view == PL_VIEW_FAMILY) {
		pl_report_family_md(b, r);
		return;
	}
	title(b, r);
	switch (r->view) {
	case PL_VIEW_TEACHER:
		flags_teacher(b, r);
		goals_teacher(b, r);
		standards_table(b, r);
		since(b, r);
		evidence_teacher(b, r);
		reflections(b, r);
		weeks(b, r);
		people(b, r);
		profile(b, r);
		warnings(b, r);
		break;
	default:
		profile(b, r);
		goals_learner(b, r);
		next_steps(b, r);
		standards_table(b, r);
		since(b, r);
		evidence_list(b, r);
		reflections(b, r);
		weeks(b, r);
		people(b, r);
		warnings(b, r);
		break;
	}
}
