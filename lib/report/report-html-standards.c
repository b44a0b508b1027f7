/*
 * The standards of the learner's HTML page: the table of each standard's
 * level, and a mastery chart per standard (inline SVG, the numbers in a
 * table beside it), then the shares of the report's scope.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pl/base/date.h"
#include "pl/report/report.h"
#include "base/render.h"
#include "report/html-page.h"
#include "report/report-html-standards.h"

/* A standard's level, how near n-times is without a score, or unrated. */
static void
standard_level(struct page *p, const struct pl_report_standard *s)
{
	struct pl_buf	b = PL_BUF_INIT;

	if (s->level == NULL && s->scored)
		pl_buf_puts(&b, pl_page_level_name(p->r, s->score));
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

		pl_buf_drain(p->out);
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
			pl_page_score(p->out, s->score);
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
	pl_html_esc(p->out, pl_page_level_name(p->r, pt->score));
	pl_buf_puts(p->out, " ");
	pl_page_score(p->out, pt->score);
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
	c.top = pl_page_scale_top(r);
	c.n = s->npoints;
	c.d0 = day_number(s->points[0].date);
	c.d1 = day_number(s->points[c.n - 1].date);
	bottom = mc_y(&c, 1);
	pl_buf_puts(&label, "Mastery over time of ");
	pl_buf_puts(&label, pl_page_or_empty(s->code));
	pl_buf_puts(p->out, "<figure>\n");
	pl_page_chart_open(p, 400, (unsigned)bottom + 30, label.ptr);
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
		pl_html_esc(p->out, pl_page_level_name(r, s->points[i].level));
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
	pl_page_standard_name(p, s->code);
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
		pl_html_el(p->out, "td",
		    pl_page_level_name(r, s->points[i].level));
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

void
pl_page_standards(struct page *p)
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
