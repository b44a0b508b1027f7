/*
 * What happened, on the learner's HTML page: activity per week (stacked
 * bars in inline SVG, the numbers in a table), who took part, the
 * window's events and the mastery that moved.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pl/report/report.h"
#include "base/render.h"
#include "report/html-page.h"
#include "report/report-html-activity.h"

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
void
pl_page_activity(struct page *p)
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
	pl_page_chart_open(p, 400, 190, "Changes per week");
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
		pl_html_key(p->out, kinds[k].colour, kinds[k].word);
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

void
pl_page_people(struct page *p)
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
	pl_html_esc(p->out, pl_page_level_name(p->r, s));
	pl_buf_puts(p->out, " (");
	pl_page_score(p->out, s);
	pl_buf_puts(p->out, ")");
}

void
pl_page_since(struct page *p)
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
			pl_page_standard_name(p, e->standard);
			if (e->level != NULL) {
				pl_buf_puts(p->out, ": ");
				pl_html_esc(p->out, pl_page_level_name(r, lv));
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
