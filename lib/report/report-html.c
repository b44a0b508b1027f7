/*
 * The report as one HTML page that needs nothing else: inline CSS and
 * SVG, no script, and a Content-Security-Policy that forbids every
 * request, so a page mailed to a family or kept for years opens the same
 * and tells no one it was opened.  Every string from the portfolio goes
 * through pl_html_esc(); the Markdown bodies through pl_html_markdown()
 * (html-markdown.c), which keeps raw HTML, scripts and outside images
 * off the page.  Numbers are formatted here, in the C locale pl runs
 * in, so the same report gives the same bytes.  This file writes the
 * page, its header, the goals, evidence and reflections, the teacher's
 * flags and the profile; the standards are report-html-standards.c's,
 * what happened report-html-activity.c's, the pieces they share
 * html-page.c's.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pl/report/report.h"
#include "base/render.h"
#include "report/html-markdown.h"
#include "report/html-page.h"
#include "report/report-family.h"
#include "report/report-html-activity.h"
#include "report/report-html-standards.h"

static const char *const view_words[] = { "Learner report",
    "Teacher report", "Family report" };

static const char *
view_word(const struct pl_report *r)
{
	return (size_t)r->view < sizeof view_words / sizeof view_words[0] ?
	    view_words[r->view] : view_words[0];
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
	char	gone[16];

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
		pl_text_share(gone, sizeof gone, g->time_share);
		pl_buf_printf(p->out, "Behind schedule: %zu of %zu steps done "
		    "with %s%% of the time gone.", g->done, g->total, gone);
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
	pl_page_chart_open(p, 300, 14, label);
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
	const struct pl_report_goal *parent = pl_page_goal_find(p->r, g->parent);

	pl_buf_drain(p->out);
	pl_page_card_open(p, g->id, top);
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
	pl_page_name_para(p, "<p>Standards: ", &g->standards, 0);
	if (g->why != NULL) {
		pl_buf_printf(p->out, "<h%d>Why</h%d>\n", top + 1, top + 1);
		pl_html_markdown(p->out, g->why, top + 2);
	}
	pl_buf_puts(p->out, "</article>\n");
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
	pl_page_chart_open(p, 400, (unsigned)(n * 34 + 4), "Steps done per goal");
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
		if (pl_page_is_active(&r->goals[i]) != active)
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

		pl_buf_drain(p->out);
		pl_page_card_open(p, e->id, 3);
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
		pl_page_name_para(p, "<p>For ", &e->goals, 1);
		pl_page_name_para(p, "<p>Standards: ", &e->standards, 0);
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

		pl_buf_drain(p->out);
		pl_page_card_open(p, f->id, 3);
		pl_buf_puts(p->out, "Reflection of <time>");
		pl_html_esc(p->out, f->date);
		pl_buf_puts(p->out, "</time></h3>\n");
		pl_page_name_para(p, "<p class=\"meta\">On ", &f->goals, 1);
		if (f->evidence.n > 0) {
			pl_buf_puts(p->out, "<p class=\"meta\">About ");
			for (j = 0; j < f->evidence.n; j++) {
				if (j > 0)
					pl_buf_puts(p->out, ", ");
				pl_page_evidence_name(p, f->evidence.v[j]);
			}
			pl_buf_puts(p->out, "</p>\n");
		}
		pl_html_markdown(p->out, f->body, 4);
		pl_buf_puts(p->out, "</article>\n");
	}
	pl_buf_puts(p->out, "</section>\n");
}

/* The teacher's first table: every active goal and what is wrong. */
static void
flags_section(struct page *p)
{
	const struct pl_report *r = p->r;
	size_t	i, n = 0, active = pl_page_active_goals(r);

	pl_buf_puts(p->out, "<section>\n<h2>Flags</h2>\n");
	for (i = 0; i < r->ngoals; i++) {
		const struct pl_report_goal *g = &r->goals[i];

		n += pl_page_is_active(g) && (g->overdue || g->stalled ||
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

		if (!pl_page_is_active(g))
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
		pl_page_standards(&p);
		pl_page_since(&p);
		pl_page_activity(&p);
		pl_page_people(&p);
		goals_section(&p, 1);
		goals_section(&p, 0);
		evidence_section(&p);
		reflections_section(&p);
		profile(&p);
		warnings_section(&p);
		break;
	default:
		goals_section(&p, 1);
		pl_page_since(&p);
		evidence_section(&p);
		reflections_section(&p);
		pl_page_standards(&p);
		pl_page_activity(&p);
		pl_page_people(&p);
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
