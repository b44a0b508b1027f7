/*
 * The report as one HTML page that needs nothing else: inline CSS and
 * SVG, no script, and a Content-Security-Policy that forbids every
 * request, so a page mailed to a family or kept for years opens the same
 * and tells no one it was opened.  Every string from the portfolio goes
 * through pl_html_esc(); the Markdown bodies through pl_html_markdown()
 * (html-markdown.c), which keeps raw HTML, scripts and outside images
 * off the page.  Numbers are formatted here, in the C locale pl runs
 * in, so the same report gives the same bytes.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pl/base/date.h"
#include "pl/report/report.h"
#include "base/render.h"
#include "report/html-markdown.h"
#include "report/report-family.h"

/* SVG labels longer than this many characters end in an ellipsis. */
#define LABEL_MAX	48

struct page {
	struct pl_buf		*out;
	const struct pl_report	*r;
	unsigned		 nchart;	/* for unique SVG title ids */
};

static const char *
or_empty(const char *s)
{
	return s != NULL ? s : "";
}

static const char *const view_words[] = { "Learner report",
    "Teacher report", "Family report" };

static const char *
view_word(const struct pl_report *r)
{
	return (size_t)r->view < sizeof view_words / sizeof view_words[0] ?
	    view_words[r->view] : view_words[0];
}

/* The goal with id, or NULL: goals come sorted by id. */
static int
goal_cmp(const void *key, const void *g)
{
	return strcmp(key, or_empty(((const struct pl_report_goal *)g)->id));
}

static const struct pl_report_goal *
goal_find(const struct pl_report *r, const char *id)
{
	if (id == NULL || r->ngoals == 0)
		return NULL;
	return bsearch(id, r->goals, r->ngoals, sizeof *r->goals, goal_cmp);
}

/* The name of the level a score has reached ("developing" for 2.8). */
static const char *
level_name(const struct pl_report *r, double score)
{
	long	i = (long)floor(score + 1e-9) - 1;

	if (r->scale.names.n == 0)
		return "";
	if (i < 0)
		i = 0;
	if ((size_t)i >= r->scale.names.n)
		i = (long)r->scale.names.n - 1;
	return r->scale.names.v[i];
}

static size_t
scale_top(const struct pl_report *r)
{
	return r->scale.names.n > 0 ? r->scale.names.n : 4;
}

/* A goal's title, or its id for a goal not in the report. */
static void
goal_name(struct page *p, const char *id)
{
	const struct pl_report_goal *g = goal_find(p->r, id);

	pl_html_esc(p->out, g != NULL && g->title != NULL ? g->title : id);
}

/* A piece of evidence's title, or its id for one not in the report. */
static void
evidence_name(struct page *p, const char *id)
{
	size_t	i;

	for (i = 0; i < p->r->nevidence; i++)
		if (strcmp(or_empty(p->r->evidence[i].id), id) == 0 &&
		    p->r->evidence[i].title != NULL) {
			pl_html_esc(p->out, p->r->evidence[i].title);
			return;
		}
	pl_html_esc(p->out, id);
}

/* A standard as these views name it: its code. */
static void
standard_name(struct page *p, const char *code)
{
	pl_buf_puts(p->out, "<code>");
	pl_html_esc(p->out, code);
	pl_buf_puts(p->out, "</code>");
}

/* "a, b and c" of goal titles or standards. */
static void
name_list(struct page *p, const struct pl_strlist *l, int goals)
{
	size_t	i;

	for (i = 0; i < l->n; i++) {
		if (i > 0)
			pl_buf_puts(p->out, i + 1 == l->n ? " and " : ", ");
		if (goals)
			goal_name(p, l->v[i]);
		else
			standard_name(p, l->v[i]);
	}
}

/* A paragraph "<p>lead a, b and c</p>", when the list has anything. */
static void
name_para(struct page *p, const char *lead, const struct pl_strlist *l,
    int goals)
{
	if (l->n == 0)
		return;
	pl_buf_puts(p->out, lead);
	name_list(p, l, goals);
	pl_buf_puts(p->out, "</p>\n");
}

/* Opens an entry's card, data-id its id, with its heading's tag open. */
static void
card_open(struct page *p, const char *id, int level)
{
	pl_buf_puts(p->out, "<article class=\"card\" data-id=\"");
	pl_html_esc(p->out, id);
	pl_buf_printf(p->out, "\">\n<h%d>", level);
}

static void
chart_open(struct page *p, unsigned w, unsigned h, const char *label)
{
	p->nchart++;
	pl_buf_printf(p->out, "<svg role=\"img\" aria-labelledby=\"c%u\" "
	    "viewBox=\"0 0 %u %u\" width=\"%u\" height=\"%u\">"
	    "<title id=\"c%u\">", p->nchart, w, h, w, h, p->nchart);
	pl_html_esc(p->out, label);
	pl_buf_puts(p->out, "</title>\n");
}

static void
header(struct page *p)
{
	const struct pl_report *r = p->r;

	pl_buf_puts(p->out, "<header>\n<h1>");
	pl_html_esc(p->out, pl_report_learner_name(r));
	pl_buf_puts(p->out, "</h1>\n<p>");
	if (pl_report_grade(r) != NULL) {
		pl_buf_puts(p->out, "Grade ");
		pl_html_esc(p->out, r->grade);
		pl_buf_puts(p->out, " &middot; ");
	}
	pl_html_esc(p->out, view_word(r));
	pl_buf_puts(p->out, " as of <time>");
	pl_html_esc(p->out, r->as_of);
	pl_buf_puts(p->out, "</time>");
	if (r->since != NULL) {
		pl_buf_puts(p->out, " &middot; changes since ");
		pl_html_esc(p->out, r->since);
		if (r->until != NULL) {
			pl_buf_puts(p->out, " until ");
			pl_html_esc(p->out, r->until);
		}
	}
	pl_buf_puts(p->out, "</p>\n<p class=\"src\" data-commit=\"");
	pl_html_esc(p->out, r->commit);
	pl_buf_puts(p->out, "\">Made from commit <code>");
	pl_html_esc_len(p->out, r->commit, strnlen(r->commit, 7));
	pl_buf_puts(p->out, "</code> of ");
	pl_html_esc(p->out, r->commit_date);
	pl_buf_puts(p->out, ".</p>\n</header>\n");
}

static void
profile_list(struct page *p, const char *what, const struct pl_strlist *l)
{
	size_t	i;

	if (l->n == 0)
		return;
	pl_buf_puts(p->out, "<h3>");
	pl_buf_puts(p->out, what);
	pl_buf_puts(p->out, "</h3>\n<ul class=\"plain\">\n");
	for (i = 0; i < l->n; i++) {
		pl_html_el(p->out, "li", l->v[i]);
		pl_buf_putc(p->out, '\n');
	}
	pl_buf_puts(p->out, "</ul>\n");
}

static void
profile(struct page *p)
{
	const struct pl_report *r = p->r;

	if (r->strengths.n + r->needs.n + r->interests.n +
	    r->learns_best.n == 0)
		return;
	pl_buf_puts(p->out, "<section>\n<h2>About ");
	pl_html_esc(p->out, pl_report_learner_name(r));
	pl_buf_puts(p->out, "</h2>\n");
	profile_list(p, "Strengths", &r->strengths);
	profile_list(p, "Needs", &r->needs);
	profile_list(p, "Interests", &r->interests);
	profile_list(p, "Learns best", &r->learns_best);
	pl_buf_puts(p->out, "</section>\n");
}

/* The flags of a goal in words, each a labelled badge. */
static int
flags(struct page *p, const struct pl_report_goal *g)
{
	int	n = 0;

	if (g->overdue) {
		pl_buf_printf(p->out, "<span class=\"flag overdue\">Overdue "
		    "by %ld %s</span>", -g->due_in,
		    g->due_in == -1 ? "day" : "days");
		n++;
	}
	if (g->stalled) {
		pl_buf_printf(p->out, "<span class=\"flag stalled\">Stalled: "
		    "no new evidence for %ld days</span>", g->days_since);
		n++;
	}
	if (g->pace == PL_PACE_BEHIND) {
		pl_buf_puts(p->out, "<span class=\"flag behind\">Behind "
		    "schedule</span>");
		n++;
	}
	return n;
}

/* The due date and pace in a sentence. */
static void
pace(struct page *p, const struct pl_report_goal *g)
{
	if (g->due == NULL)
		return;
	pl_buf_puts(p->out, "<p>Due <time>");
	pl_html_esc(p->out, g->due);
	pl_buf_puts(p->out, "</time>");
	if (g->due_in > 0)
		pl_buf_printf(p->out, ", in %ld %s", g->due_in,
		    g->due_in == 1 ? "day" : "days");
	else if (g->due_in == 0)
		pl_buf_puts(p->out, ", today");
	else
		pl_buf_printf(p->out, ", %ld %s ago", -g->due_in,
		    g->due_in == -1 ? "day" : "days");
	pl_buf_puts(p->out, ". ");
	switch (g->pace) {
	case PL_PACE_BEHIND:
		pl_buf_printf(p->out, "Behind schedule: %zu of %zu steps done "
		    "with %.0f%% of the time gone.", g->done, g->total,
		    g->time_share * 100);
		break;
	case PL_PACE_ON:
		pl_buf_puts(p->out, "On schedule.");
		break;
	case PL_PACE_AHEAD:
		pl_buf_puts(p->out, "Ahead of schedule.");
		break;
	default:
		break;
	}
	pl_buf_puts(p->out, "</p>\n");
}

/* A goal's progress as a bar, its numbers in the label and beside it. */
static void
progress_bar(struct page *p, const struct pl_report_goal *g)
{
	double	w = g->total > 0 ? 300.0 * g->done / g->total : 0;
	char	*label;

	if (g->total == 0) {
		pl_buf_puts(p->out, "<p>No steps yet.</p>\n");
		return;
	}
	label = pl_xasprintf("%zu of %zu steps done", g->done, g->total);
	chart_open(p, 300, 14, label);
	pl_buf_printf(p->out, "<rect width=\"300\" height=\"14\" rx=\"3\" "
	    "fill=\"#eaeef2\" stroke=\"#8c959f\"/>"
	    "<rect width=\"%.1f\" height=\"14\" rx=\"3\" fill=\"#2da44e\"/>"
	    "</svg>\n<p>", w);
	pl_html_esc(p->out, label);
	pl_buf_puts(p->out, ".</p>\n");
	free(label);
}

static void
goal_card(struct page *p, const struct pl_report_goal *g, int top)
{
	const struct pl_report_goal *parent = goal_find(p->r, g->parent);

	card_open(p, g->id, top);
	pl_html_esc(p->out, g->title);
	pl_buf_printf(p->out, "</h%d>\n<p class=\"meta\">", top);
	pl_html_esc(p->out, g->id);
	pl_buf_puts(p->out, " &middot; ");
	pl_html_esc(p->out, g->term != NULL && strcmp(g->term, "long") == 0 ?
	    "Long-term goal" : "Goal");
	if (g->status != NULL && strcmp(g->status, "active") != 0) {
		pl_buf_puts(p->out, ", ");
		pl_html_esc(p->out, g->status);
	}
	if (g->parent != NULL) {
		pl_buf_puts(p->out, " &middot; part of ");
		pl_html_esc(p->out, parent != NULL ? parent->title : g->parent);
	}
	pl_buf_puts(p->out, "</p>\n");
	if (g->overdue || g->stalled || g->pace == PL_PACE_BEHIND) {
		pl_buf_puts(p->out, "<p>");
		flags(p, g);
		pl_buf_puts(p->out, "</p>\n");
	}
	if (g->next.n > 0) {
		pl_buf_puts(p->out, "<p class=\"next\">Next step: ");
		pl_html_esc(p->out, g->next.v[0]);
		pl_buf_puts(p->out, "</p>\n");
	}
	progress_bar(p, g);
	pace(p, g);
	name_para(p, "<p>Standards: ", &g->standards, 0);
	if (g->why != NULL) {
		pl_buf_printf(p->out, "<h%d>Why</h%d>\n", top + 1, top + 1);
		pl_html_markdown(p->out, g->why, top + 2);
	}
	pl_buf_puts(p->out, "</article>\n");
}

static int
is_active(const struct pl_report_goal *g)
{
	return g->status == NULL || strcmp(g->status, "active") == 0;
}

static size_t
active_goals(const struct pl_report *r)
{
	size_t	i, n = 0;

	for (i = 0; i < r->ngoals; i++)
		n += is_active(&r->goals[i]);
	return n;
}

/* Steps done per goal: one bar each, the numbers in a table for all. */
static void
progress_chart(struct page *p)
{
	const struct pl_report *r = p->r;
	size_t	i, n = 0, row = 0;

	for (i = 0; i < r->ngoals; i++)
		n += r->goals[i].total > 0;
	if (n == 0)
		return;
	pl_buf_puts(p->out, "<figure>\n");
	chart_open(p, 400, (unsigned)(n * 34 + 4), "Steps done per goal");
	for (i = 0; i < r->ngoals; i++) {
		const struct pl_report_goal *g = &r->goals[i];
		double y = row * 34.0;

		if (g->total == 0)
			continue;
		row++;
		pl_buf_printf(p->out, "<g><title>");
		pl_html_esc(p->out, g->title);
		pl_buf_printf(p->out, ": %zu of %zu steps done</title>"
		    "<text x=\"0\" y=\"%.0f\">", g->done, g->total, y + 13);
		pl_html_esc_cut(p->out, g->title, LABEL_MAX);
		pl_buf_printf(p->out, "</text><rect x=\"0\" y=\"%.0f\" "
		    "width=\"340\" height=\"12\" fill=\"#eaeef2\" "
		    "stroke=\"#8c959f\"/><rect x=\"0\" y=\"%.0f\" "
		    "width=\"%.1f\" height=\"12\" fill=\"#2da44e\"/>"
		    "<text x=\"400\" y=\"%.0f\" text-anchor=\"end\">"
		    "%zu/%zu</text></g>\n", y + 18, y + 18,
		    340.0 * g->done / g->total, y + 29, g->done, g->total);
	}
	pl_buf_puts(p->out, "</svg>\n<figcaption>Steps done per goal"
	    "</figcaption>\n</figure>\n");
}

static void
goals_section(struct page *p, int active)
{
	const struct pl_report *r = p->r;
	size_t	i, n = 0;

	pl_buf_printf(p->out, "<section>\n<h2>%s</h2>\n", active ?
	    "Goals and next steps" : "Other goals");
	for (i = 0; i < r->ngoals; i++) {
		if (is_active(&r->goals[i]) != active)
			continue;
		goal_card(p, &r->goals[i], 3);
		n++;
	}
	if (n == 0)
		pl_buf_puts(p->out, active ? "<p>No active goals yet.</p>\n" :
		    "<p>No goals met, paused or dropped yet.</p>\n");
	/* the teacher has it under Flags, first */
	if (active && p->r->view != PL_VIEW_TEACHER)
		progress_chart(p);
	pl_buf_puts(p->out, "</section>\n");
}

static void
evidence_section(struct page *p)
{
	const struct pl_report *r = p->r;
	size_t	i, j;

	pl_buf_puts(p->out, "<section>\n<h2>Evidence</h2>\n");
	if (r->nevidence == 0)
		pl_buf_puts(p->out, "<p>No evidence yet.</p>\n");
	for (i = 0; i < r->nevidence; i++) {
		const struct pl_report_evidence *e = &r->evidence[i];

		card_open(p, e->id, 3);
		pl_html_esc(p->out, e->title);
		pl_buf_puts(p->out, "</h3>\n<p class=\"meta\"><time>");
		pl_html_esc(p->out, e->date);
		pl_buf_puts(p->out, "</time>");
		if (e->kind != NULL) {
			pl_buf_puts(p->out, " &middot; ");
			pl_html_esc(p->out, e->kind);
		}
		pl_buf_puts(p->out, " &middot; ");
		pl_html_esc(p->out, e->id);
		pl_buf_puts(p->out, "</p>\n");
		name_para(p, "<p>For ", &e->goals, 1);
		name_para(p, "<p>Standards: ", &e->standards, 0);
		pl_html_markdown(p->out, e->description, 4);
		if (e->files.n > 0) {
			pl_buf_puts(p->out, "<p>Files:");
			for (j = 0; j < e->files.n; j++) {
				pl_buf_puts(p->out, j > 0 ? ", " : " ");
				pl_buf_puts(p->out, "<code>");
				pl_html_esc(p->out, e->files.v[j]);
				pl_buf_puts(p->out, "</code>");
			}
			pl_buf_puts(p->out, "</p>\n");
		}
		pl_buf_puts(p->out, "</article>\n");
	}
	pl_buf_puts(p->out, "</section>\n");
}

static void
reflections_section(struct page *p)
{
	const struct pl_report *r = p->r;
	size_t	i, j;

	pl_buf_puts(p->out, "<section>\n<h2>Reflections</h2>\n");
	if (r->nreflections == 0)
		pl_buf_puts(p->out, "<p>No reflections yet.</p>\n");
	for (i = 0; i < r->nreflections; i++) {
		const struct pl_report_reflection *f = &r->reflections[i];

		card_open(p, f->id, 3);
		pl_buf_puts(p->out, "Reflection of <time>");
		pl_html_esc(p->out, f->date);
		pl_buf_puts(p->out, "</time></h3>\n");
		name_para(p, "<p class=\"meta\">On ", &f->goals, 1);
		if (f->evidence.n > 0) {
			pl_buf_puts(p->out, "<p class=\"meta\">About ");
			for (j = 0; j < f->evidence.n; j++) {
				if (j > 0)
					pl_buf_puts(p->out, ", ");
				evidence_name(p, f->evidence.v[j]);
			}
			pl_buf_puts(p->out, "</p>\n");
		}
		pl_html_markdown(p->out, f->body, 4);
		pl_buf_puts(p->out, "</article>\n");
	}
	pl_buf_puts(p->out, "</section>\n");
}

static void
score(struct pl_buf *out, double s)
{
	pl_buf_printf(out, "%.2f", s);
}

/* A standard's level, how near n-times is without a score, or unrated. */
static void
standard_level(struct page *p, const struct pl_report_standard *s)
{
	struct pl_buf	b = PL_BUF_INIT;

	if (s->level == NULL && s->scored)
		pl_buf_puts(&b, level_name(p->r, s->score));
	else
		pl_report_level_words(&b, p->r, s, "Not yet rated");
	pl_html_esc(p->out, pl_buf_cstr(&b));
	pl_buf_release(&b);
}

/* How many bytes of each code the tables leave out (render.h). */
static size_t
code_prefix(const struct pl_report *r)
{
	return pl_html_code_cut(r->standards, r->nstandards,
	    sizeof *r->standards, offsetof(struct pl_report_standard, code));
}

static void
standards_table(struct page *p)
{
	const struct pl_report *r = p->r;
	size_t	i, cut = code_prefix(r);

	pl_buf_puts(p->out, "<div class=\"scroll\" role=\"region\" "
	    "aria-label=\"Standards\" tabindex=\"0\">\n<table class=\"cards\">"
	    "\n<thead><tr>");
	pl_buf_puts(p->out, "<th>Code</th><th>Standard</th><th>Level</th>"
	    "<th class=\"n\">Mastery</th><th class=\"n\">Ratings</th>"
	    "<th class=\"n\">Evidence</th><th class=\"n\">Goals</th>");
	pl_buf_puts(p->out, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < r->nstandards; i++) {
		const struct pl_report_standard *s = &r->standards[i];

		pl_buf_puts(p->out, "<tr><td class=\"c\" title=\"");
		pl_html_esc(p->out, s->code);
		pl_buf_puts(p->out, "\">");
		pl_html_esc(p->out, s->code + cut);
		pl_buf_puts(p->out, "</td><td class=\"line\">");
		pl_html_esc(p->out, s->description);
		pl_buf_puts(p->out, "</td><td data-label=\"Level\">");
		standard_level(p, s);
		if (s->mastered)
			pl_buf_puts(p->out, ", mastered");
		pl_buf_puts(p->out, "</td>");
		pl_buf_puts(p->out, "<td class=\"n\" data-label=\"Mastery\">");
		if (s->scored)
			score(p->out, s->score);
		else
			pl_buf_puts(p->out, "&ndash;");
		pl_buf_puts(p->out, "</td>");
		pl_html_num(p->out, "Ratings", s->ratings);
		pl_html_num(p->out, "Evidence", s->evidence);
		pl_html_num(p->out, "Goals", s->goals);
		pl_buf_puts(p->out, "</tr>\n");
	}
	pl_buf_puts(p->out, "</tbody>\n</table>\n</div>\n");
}

/* Days since 1970 of "YYYY-MM-DD", or 0 for anything else. */
static long
day_number(const char *s)
{
	struct pl_date	d;

	if (!pl_date_valid(s) || sscanf(s, "%4d-%2d-%2d", &d.y, &d.m,
	    &d.d) != 3)
		return 0;
	return pl_date_days(d);
}

/* The geometry of a mastery chart: levels 1..top up the left. */
struct mchart {
	size_t	top;
	long	d0, d1;		/* first and last day of the work */
	size_t	n;
};

#define MC_LEFT		100.0
#define MC_WIDTH	290.0
#define MC_ROW		24.0

static double
mc_y(const struct mchart *c, double level)
{
	return 14 + (c->top - level) * MC_ROW;
}

/* By date of the work; all on one day, evenly; one alone, centred. */
static double
mc_x(const struct mchart *c, const struct pl_report_standard *s, size_t i)
{
	double	span = MC_WIDTH - 20;

	if (c->d1 > c->d0)
		return MC_LEFT + 10 + span *
		    (day_number(s->points[i].date) - c->d0) / (c->d1 - c->d0);
	if (c->n > 1)
		return MC_LEFT + 10 + span * i / (c->n - 1);
	return MC_LEFT + MC_WIDTH / 2;
}

/*
 * The mastery after each rating, a line through the ratings that have
 * a score (n-times has none before N ratings at mastery): none without.
 */
static void
mastery_line(struct page *p, const struct mchart *c,
    const struct pl_report_standard *s)
{
	size_t	i, n = 0;

	for (i = 0; i < c->n; i++) {
		if (!s->points[i].scored)
			continue;
		pl_buf_printf(p->out, "%s%.1f,%.1f", n++ > 0 ? " " :
		    "<polyline fill=\"none\" stroke=\"#0969da\" "
		    "stroke-width=\"2\" points=\"", mc_x(c, s, i),
		    mc_y(c, s->points[i].score));
	}
	if (n > 0)
		pl_buf_puts(p->out, "\"/>\n");
}

/* The mastery after a rating in words, and its score. */
static void
point_mastery(struct page *p, const struct pl_report_point *pt)
{
	struct pl_buf	b = PL_BUF_INIT;

	if (!pt->scored) {
		pl_mastery_pending(&b, &p->r->scale, pt->at_mastery);
		pl_html_esc(p->out, pl_buf_cstr(&b));
		pl_buf_release(&b);
		return;
	}
	pl_html_esc(p->out, level_name(p->r, pt->score));
	pl_buf_puts(p->out, " ");
	score(p->out, pt->score);
}

/*
 * One standard's mastery over time: each rating a circle, the mastery
 * after it a line, the mastery level dashed; x is the date of the work.
 * The numbers follow in a table for screen readers.
 */
static void
mastery_chart(struct page *p, const struct pl_report_standard *s)
{
	const struct pl_report *r = p->r;
	struct pl_buf	 label = PL_BUF_INIT;
	struct mchart	 c;
	size_t		 i;
	double		 y, bottom;
	int		 mastery;

	if (s->npoints == 0)
		return;
	c.top = scale_top(r);
	c.n = s->npoints;
	c.d0 = day_number(s->points[0].date);
	c.d1 = day_number(s->points[c.n - 1].date);
	bottom = mc_y(&c, 1);
	pl_buf_puts(&label, "Mastery over time of ");
	pl_buf_puts(&label, or_empty(s->code));
	pl_buf_puts(p->out, "<figure>\n");
	chart_open(p, 400, (unsigned)bottom + 30, label.ptr);
	for (i = 1; i <= c.top; i++) {
		y = mc_y(&c, i);
		mastery = i == (size_t)r->scale.mastery;
		pl_buf_printf(p->out, "<line x1=\"%.0f\" x2=\"%.0f\" "
		    "y1=\"%.0f\" y2=\"%.0f\" stroke=\"%s\"%s/>"
		    "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\">",
		    MC_LEFT, MC_LEFT + MC_WIDTH, y, y,
		    mastery ? "#1a7f37" : "#d0d7de", mastery ?
		    " stroke-dasharray=\"6 4\" stroke-width=\"2\"" : "",
		    MC_LEFT - 6, y + 4);
		pl_buf_printf(p->out, "%zu ", i);
		if (i <= r->scale.names.n)
			pl_html_esc_cut(p->out, r->scale.names.v[i - 1], 12);
		pl_buf_puts(p->out, "</text>\n");
	}
	mastery_line(p, &c, s);
	for (i = 0; i < c.n; i++) {
		pl_buf_printf(p->out, "<circle cx=\"%.1f\" cy=\"%.1f\" "
		    "r=\"4\" fill=\"#fff\" stroke=\"#1a1a1a\"><title>",
		    mc_x(&c, s, i), mc_y(&c, s->points[i].level));
		pl_html_esc(p->out, s->points[i].date);
		pl_buf_puts(p->out, ": rated ");
		pl_html_esc(p->out, level_name(r, s->points[i].level));
		pl_buf_puts(p->out, "</title></circle>\n");
	}
	y = bottom + 24;
	if (c.d1 > c.d0) {
		pl_buf_printf(p->out, "<text x=\"%.0f\" y=\"%.0f\">",
		    MC_LEFT, y);
		pl_html_esc(p->out, s->points[0].date);
		pl_buf_printf(p->out, "</text><text x=\"%.0f\" y=\"%.0f\" "
		    "text-anchor=\"end\">", MC_LEFT + MC_WIDTH, y);
		pl_html_esc(p->out, s->points[c.n - 1].date);
	} else {
		pl_buf_printf(p->out, "<text x=\"%.0f\" y=\"%.0f\" "
		    "text-anchor=\"middle\">", MC_LEFT + MC_WIDTH / 2, y);
		pl_html_esc(p->out, s->points[0].date);
	}
	pl_buf_puts(p->out, "</text>\n</svg>\n<figcaption>");
	standard_name(p, s->code);
	pl_buf_puts(p->out, ": ");
	standard_level(p, s);
	if (s->mastered)
		pl_buf_puts(p->out, ", mastered");
	pl_buf_puts(p->out, "</figcaption>\n<div class=\"sr\"><table><caption>");
	pl_html_esc(p->out, label.ptr);
	pl_buf_puts(p->out, "</caption><thead><tr><th>Date of the work</th>"
	    "<th>Rating</th><th>Mastery after it</th></tr></thead><tbody>");
	for (i = 0; i < c.n; i++) {
		pl_buf_puts(p->out, "<tr>");
		pl_html_td(p->out, "d", s->points[i].date);
		pl_html_el(p->out, "td", level_name(r, s->points[i].level));
		pl_buf_puts(p->out, "<td>");
		point_mastery(p, &s->points[i]);
		pl_buf_puts(p->out, "</td></tr>");
	}
	pl_buf_puts(p->out, "</tbody></table></div>\n</figure>\n");
	pl_buf_release(&label);
}

/* The shares of the report's scope, a paragraph of their own. */
static void
scope_para(struct page *p)
{
	struct pl_buf	t = PL_BUF_INIT;

	pl_report_scope_words(&t, &p->r->scope);
	pl_buf_puts(p->out, "<p>");
	pl_html_esc(p->out, pl_buf_cstr(&t));
	pl_buf_puts(p->out, ".</p>\n");
	pl_buf_release(&t);
}

static void
standards_section(struct page *p)
{
	const struct pl_report *r = p->r;
	size_t	i, rated = 0;

	pl_buf_puts(p->out, "<section>\n<h2>Standards</h2>\n");
	if (r->nstandards == 0) {
		pl_buf_puts(p->out, "<p>No standards aligned yet.</p>\n"
		    "</section>\n");
		return;
	}
	pl_buf_puts(p->out, "<p>");
	pl_html_count(p->out, r->nstandards, "standard", "standards");
	pl_buf_printf(p->out, ", %zu with evidence, %zu mastered.</p>\n",
	    r->covered, r->mastered);
	scope_para(p);
	standards_table(p);
	for (i = 0; i < r->nstandards; i++)
		rated += r->standards[i].npoints > 0;
	if (rated > 0)
		pl_buf_puts(p->out, "<h3>Mastery over time</h3>\n<p>Each circle "
		    "is a rating, the blue line the mastery after it, the "
		    "dashed line the level of mastery.</p>\n"
		    "<div class=\"grid\">\n");
	for (i = 0; i < r->nstandards; i++)
		mastery_chart(p, &r->standards[i]);
	if (rated > 0)
		pl_buf_puts(p->out, "</div>\n");
	pl_buf_puts(p->out, "</section>\n");
}

static const struct {
	const char	*word;
	const char	*colour;
} kinds[] = {
	{ "evidence", "#0969da" },
	{ "reflections", "#8250df" },
	{ "steps done", "#2da44e" },
	{ "ratings", "#bf8700" },
	{ "other changes", "#8c959f" },
};

static unsigned
week_count(const struct pl_report_week *w, size_t k)
{
	const unsigned v[] = { w->evidence, w->reflections, w->steps,
	    w->ratings, w->other };

	return v[k];
}

/* Activity per week: stacked bars, a key in words, and the table. */
static void
activity_section(struct page *p)
{
	const struct pl_report *r = p->r;
	size_t		 i, k, nk = sizeof kinds / sizeof kinds[0];
	unsigned	 max = 0, sum;
	size_t		 step;
	double		 bw, x, y;

	pl_buf_puts(p->out, "<section>\n<h2>Activity</h2>\n");
	for (i = 0; i < r->nweeks; i++) {
		for (sum = 0, k = 0; k < nk; k++)
			sum += week_count(&r->weeks[i], k);
		if (sum > max)
			max = sum;
	}
	if (r->nweeks == 0 || max == 0) {
		pl_buf_puts(p->out, "<p>No activity in these weeks.</p>\n"
		    "</section>\n");
		return;
	}
	bw = 362.0 / r->nweeks;
	step = r->nweeks > 12 ? (r->nweeks + 5) / 6 : 2;
	pl_buf_puts(p->out, "<figure>\n");
	chart_open(p, 400, 190, "Changes per week");
	pl_buf_printf(p->out, "<line x1=\"34\" x2=\"400\" y1=\"160\" "
	    "y2=\"160\" stroke=\"#8c959f\"/><text x=\"30\" y=\"164\" "
	    "text-anchor=\"end\">0</text><text x=\"30\" y=\"24\" "
	    "text-anchor=\"end\">%u</text>\n", max);
	for (i = 0; i < r->nweeks; i++) {
		const struct pl_report_week *w = &r->weeks[i];

		x = 38 + i * bw;
		y = 160;
		pl_buf_puts(p->out, "<g><title>Week of ");
		pl_html_esc(p->out, w->monday);
		for (k = 0; k < nk; k++)
			pl_buf_printf(p->out, "%s %u %s", k ? "," : ":",
			    week_count(w, k), kinds[k].word);
		pl_buf_puts(p->out, "</title>");
		for (k = 0; k < nk; k++) {
			double hh = 140.0 * week_count(w, k) / max;

			if (hh <= 0)
				continue;
			y -= hh;
			pl_buf_printf(p->out, "<rect x=\"%.1f\" y=\"%.1f\" "
			    "width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
			    x, y, bw * 0.7, hh, kinds[k].colour);
		}
		/* Every other week at most, or the labels run together. */
		if (i % step == 0) {
			pl_buf_printf(p->out, "<text x=\"%.1f\" y=\"180\" "
			    "text-anchor=\"middle\">", x + bw * 0.35);
			pl_html_esc(p->out, w->monday +
			    (strlen(w->monday) > 5 ? 5 : 0));
			pl_buf_puts(p->out, "</text>");
		}
		pl_buf_puts(p->out, "</g>\n");
	}
	pl_buf_puts(p->out, "</svg>\n<figcaption>Changes per week (weeks "
	    "start on Monday):");
	for (k = 0; k < nk; k++)
		pl_buf_printf(p->out, "<span class=\"key\" style=\"background:"
		    "%s\"></span>%s", kinds[k].colour, kinds[k].word);
	pl_buf_puts(p->out, "</figcaption>\n</figure>\n"
	    "<div class=\"scroll\" role=\"region\" aria-label=\"Activity per "
	    "week\" tabindex=\"0\">\n<table class=\"cards\">\n<thead><tr>"
	    "<th>Week of</th>");
	for (k = 0; k < nk; k++)
		pl_buf_printf(p->out, "<th class=\"n\">%c%s</th>",
		    kinds[k].word[0] - 'a' + 'A', kinds[k].word + 1);
	pl_buf_puts(p->out, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < r->nweeks; i++) {
		pl_buf_puts(p->out, "<tr>");
		pl_html_td(p->out, "d", r->weeks[i].monday);
		for (k = 0; k < nk; k++)
			pl_buf_printf(p->out, "<td class=\"n\" data-label=\"%s\">"
			    "%u</td>", kinds[k].word, week_count(&r->weeks[i], k));
		pl_buf_puts(p->out, "</tr>\n");
	}
	pl_buf_puts(p->out, "</tbody>\n</table>\n</div>\n</section>\n");
}

static void
people_section(struct page *p)
{
	const struct pl_report *r = p->r;
	size_t	i;

	pl_buf_puts(p->out, "<section>\n<h2>Contributors</h2>\n");
	if (r->npeople == 0) {
		pl_buf_puts(p->out, "<p>No one has made a change yet.</p>\n"
		    "</section>\n");
		return;
	}
	pl_buf_puts(p->out, "<div class=\"scroll\" role=\"region\" "
	    "aria-label=\"Contributors\" tabindex=\"0\">\n<table class=\"cards\">\n"
	    "<thead><tr><th>Name</th><th>Email</th>");
	pl_buf_puts(p->out, "<th class=\"n\">Changes</th><th class=\"n\">"
	    "Goals set</th><th class=\"n\">Steps done</th><th class=\"n\">"
	    "Evidence</th><th class=\"n\">Reflections</th><th class=\"n\">"
	    "Ratings</th><th>First</th><th>Last</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < r->npeople; i++) {
		const struct pl_report_person *h = &r->people[i];

		pl_buf_puts(p->out, "<tr>");
		pl_html_el(p->out, "td", h->name);
		pl_html_cell(p->out, "wrap mail", "Email", h->email);
		pl_html_num(p->out, "Changes", h->changes);
		pl_html_num(p->out, "Goals set", h->goals);
		pl_html_num(p->out, "Steps done", h->steps);
		pl_html_num(p->out, "Evidence", h->evidence);
		pl_html_num(p->out, "Reflections", h->reflections);
		pl_html_num(p->out, "Ratings", h->ratings);
		pl_html_cell(p->out, "d", "First", h->first);
		pl_html_cell(p->out, "d", "Last", h->last);
		pl_buf_puts(p->out, "</tr>\n");
	}
	pl_buf_puts(p->out, "</tbody>\n</table>\n</div>\n</section>\n");
}

static const char *const event_words[] = { "Goal set", "Step done",
    "Goal met", "Evidence added", "Reflection written", "Rating" };

/*
 * "developing (2.40)"; "no score yet" when rated without one (n-times
 * before N at mastery).
 */
static void
move_level(struct page *p, int had, int scored, double s)
{
	if (!had || !scored) {
		pl_buf_puts(p->out, had ? "no score yet" : "not rated");
		return;
	}
	pl_html_esc(p->out, level_name(p->r, s));
	pl_buf_puts(p->out, " (");
	score(p->out, s);
	pl_buf_puts(p->out, ")");
}

static void
since_section(struct page *p)
{
	const struct pl_report *r = p->r;
	struct pl_buf	words = PL_BUF_INIT;
	size_t	i;

	if (r->since == NULL)
		return;
	pl_buf_puts(p->out, "<section>\n<h2>Since ");
	pl_html_esc(p->out, r->since);
	pl_buf_puts(p->out, "</h2>\n");
	if (r->nevents == 0)
		pl_buf_puts(p->out, "<p>No changes in this time.</p>\n");
	else {
		pl_buf_puts(p->out, "<div class=\"scroll\" role=\"region\" "
		    "aria-label=\"Changes\" tabindex=\"0\">\n<table class=\"cards\">\n"
		    "<thead><tr><th>Date</th><th>What</th><th>By</th>"
		    "<th>Detail</th></tr></thead>\n<tbody>\n");
	}
	for (i = 0; i < r->nevents; i++) {
		const struct pl_report_event *e = &r->events[i];

		pl_buf_puts(p->out, "<tr>");
		pl_html_td(p->out, "d", e->date);
		pl_html_el(p->out, "td", (size_t)e->type < sizeof event_words /
		    sizeof event_words[0] ? event_words[e->type] : "Change");
		pl_buf_puts(p->out, "<td data-label=\"By\">");
		pl_html_esc(p->out, e->author);
		pl_buf_puts(p->out, "</td><td class=\"line\">");
		pl_buf_clear(&words);
		pl_report_event_words(&words, r, e);
		pl_html_esc(p->out, pl_buf_cstr(&words));
		if (e->type == PL_EVENT_RATING && e->standard != NULL) {
			double lv = e->level != NULL ? atof(e->level) : 0;

			pl_buf_puts(p->out, " (");
			standard_name(p, e->standard);
			if (e->level != NULL) {
				pl_buf_puts(p->out, ": ");
				pl_html_esc(p->out, level_name(r, lv));
			}
			pl_buf_putc(p->out, ')');
		}
		pl_html_esc(p->out, pl_report_signature_words(r, e));
		pl_buf_puts(p->out, "</td></tr>\n");
	}
	pl_buf_release(&words);
	if (r->nevents > 0)
		pl_buf_puts(p->out, "</tbody>\n</table>\n</div>\n");
	pl_buf_puts(p->out, "<h3>Mastery moves</h3>\n");
	if (r->nmoves == 0)
		pl_buf_puts(p->out, "<p>No mastery moved in this time.</p>\n");
	else
		pl_buf_puts(p->out, "<ul class=\"plain\">\n");
	for (i = 0; i < r->nmoves; i++) {
		const struct pl_report_move *m = &r->moves[i];

		pl_buf_puts(p->out, "<li><code>");
		pl_html_esc(p->out, m->code);
		pl_buf_puts(p->out, "</code> ");
		pl_html_esc(p->out, m->description);
		pl_buf_puts(p->out, ": from ");
		move_level(p, m->had, m->from_scored, m->from);
		pl_buf_puts(p->out, " to ");
		move_level(p, m->has, m->to_scored, m->to);
		if (m->mastered && !m->was_mastered)
			pl_buf_puts(p->out, ", <strong>now mastered</strong>");
		else if (!m->mastered && m->was_mastered)
			pl_buf_puts(p->out, ", no longer mastered");
		pl_buf_puts(p->out, "</li>\n");
	}
	if (r->nmoves > 0)
		pl_buf_puts(p->out, "</ul>\n");
	pl_buf_puts(p->out, "</section>\n");
}

/* The teacher's first table: every active goal and what is wrong. */
static void
flags_section(struct page *p)
{
	const struct pl_report *r = p->r;
	size_t	i, n = 0, active = active_goals(r);

	pl_buf_puts(p->out, "<section>\n<h2>Flags</h2>\n");
	for (i = 0; i < r->ngoals; i++) {
		const struct pl_report_goal *g = &r->goals[i];

		n += is_active(g) && (g->overdue || g->stalled ||
		    g->pace == PL_PACE_BEHIND);
	}
	if (active == 0) {
		pl_buf_puts(p->out, "<p>No active goals.</p>\n</section>\n");
		return;
	}
	pl_buf_printf(p->out, "<p>%zu of ", n);
	pl_html_count(p->out, active, "active goal", "active goals");
	pl_buf_printf(p->out, " %s flagged.</p>\n", n == 1 ? "is" : "are");
	pl_buf_puts(p->out, "<div class=\"scroll\" role=\"region\" "
	    "aria-label=\"Flags\" tabindex=\"0\">\n<table class=\"cards\">\n"
	    "<thead><tr>"
	    "<th>Goal</th><th>Title</th><th class=\"n\">Steps</th><th>Due</th>"
	    "<th>Last evidence</th><th>Flags</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < r->ngoals; i++) {
		const struct pl_report_goal *g = &r->goals[i];

		if (!is_active(g))
			continue;
		pl_buf_puts(p->out, "<tr>");
		pl_html_td(p->out, "c", g->id);
		pl_html_td(p->out, "line", g->title);
		pl_buf_printf(p->out, "<td class=\"n\" data-label=\"Steps\">"
		    "%zu/%zu</td>", g->done, g->total);
		pl_html_cell(p->out, "d", "Due", g->due != NULL ? g->due :
		    "none");
		pl_buf_puts(p->out, "<td data-label=\"Last evidence\">");
		if (g->last_evidence != NULL)
			pl_html_esc(p->out, g->last_evidence);
		else
			pl_buf_puts(p->out, "none");
		if (g->days_since >= 0)
			pl_buf_printf(p->out, " (%ld days ago)", g->days_since);
		pl_buf_puts(p->out, "</td><td class=\"line\">");
		if (flags(p, g) == 0)
			pl_buf_puts(p->out, "<span class=\"flag ok\">None"
			    "</span>");
		pl_buf_puts(p->out, "</td></tr>\n");
	}
	pl_buf_puts(p->out, "</tbody>\n</table>\n</div>\n");
	progress_chart(p);
	pl_buf_puts(p->out, "</section>\n");
}

static void
warnings_section(struct page *p)
{
	size_t	i;

	if (p->r->warnings.n == 0)
		return;
	pl_buf_puts(p->out, "<section>\n<h2>Left out</h2>\n<p>These files "
	    "could not be read:</p>\n<ul>\n");
	for (i = 0; i < p->r->warnings.n; i++) {
		pl_html_el(p->out, "li", p->r->warnings.v[i]);
		pl_buf_putc(p->out, '\n');
	}
	pl_buf_puts(p->out, "</ul>\n</section>\n");
}

void
pl_report_html(struct pl_buf *out, const struct pl_report *r)
{
	struct page	p = { out, r, 0 };

	if (r->view == PL_VIEW_FAMILY) {
		pl_report_family_html(out, r);
		return;
	}
	pl_html_begin(out);
	pl_html_esc(out, pl_report_learner_name(r));
	pl_buf_puts(out, " &ndash; ");
	pl_html_esc(out, view_word(r));
	pl_buf_puts(out, ", ");
	pl_html_esc(out, r->as_of);
	pl_html_style(out, NULL);
	header(&p);
	pl_buf_puts(out, "<main>\n");
	switch (r->view) {
	case PL_VIEW_TEACHER:
		flags_section(&p);
		standards_section(&p);
		since_section(&p);
		activity_section(&p);
		people_section(&p);
		goals_section(&p, 1);
		goals_section(&p, 0);
		evidence_section(&p);
		reflections_section(&p);
		profile(&p);
		warnings_section(&p);
		break;
	default:
		goals_section(&p, 1);
		since_section(&p);
		evidence_section(&p);
		reflections_section(&p);
		standards_section(&p);
		activity_section(&p);
		people_section(&p);
		goals_section(&p, 0);
		profile(&p);
		warnings_section(&p);
		break;
	}
	pl_buf_puts(out, "</main>\n<footer>\n<p>Made by pl from commit <code>");
	pl_html_esc(out, r->commit);
	pl_buf_puts(out, "</code> of ");
	pl_html_esc(out, r->commit_date);
	pl_buf_puts(out, ". The same commit gives the same report.</p>\n"
	    "</footer>\n</body>\n</html>\n");
}
