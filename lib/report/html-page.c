/*
 * The pieces every section of the learner's HTML page shares: the names
 * of goals, evidence and standards as the page writes them, a card and
 * a chart opened, a score and a level in words.
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pl/report/report.h"
#include "base/render.h"
#include "report/html-page.h"

const char *
pl_page_or_empty(const char *s)
{
	return s != NULL ? s : "";
}

/* The goal with id, or NULL: goals come sorted by id. */
static int
goal_cmp(const void *key, const void *g)
{
	return strcmp(key,
	    pl_page_or_empty(((const struct pl_report_goal *)g)->id));
}

const struct pl_report_goal *
pl_page_goal_find(const struct pl_report *r, const char *id)
{
	if (id == NULL || r->ngoals == 0)
		return NULL;
	return bsearch(id, r->goals, r->ngoals, sizeof *r->goals, goal_cmp);
}

/* The name of the level a score has reached ("developing" for 2.8). */
const char *
pl_page_level_name(const struct pl_report *r, double score)
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

size_t
pl_page_scale_top(const struct pl_report *r)
{
	return r->scale.names.n > 0 ? r->scale.names.n : 4;
}

/* A goal's title, or its id for a goal not in the report. */
static void
goal_name(struct page *p, const char *id)
{
	const struct pl_report_goal *g = pl_page_goal_find(p->r, id);

	pl_html_esc(p->out, g != NULL && g->title != NULL ? g->title : id);
}

/* A piece of evidence's title, or its id for one not in the report. */
void
pl_page_evidence_name(struct page *p, const char *id)
{
	size_t	i;

	for (i = 0; i < p->r->nevidence; i++)
		if (strcmp(pl_page_or_empty(p->r->evidence[i].id), id) == 0 &&
		    p->r->evidence[i].title != NULL) {
			pl_html_esc(p->out, p->r->evidence[i].title);
			return;
		}
	pl_html_esc(p->out, id);
}

/* A standard as these views name it: its code. */
void
pl_page_standard_name(struct page *p, const char *code)
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
			pl_page_standard_name(p, l->v[i]);
	}
}

/* A paragraph "<p>lead a, b and c</p>", when the list has anything. */
void
pl_page_name_para(struct page *p, const char *lead, const struct pl_strlist *l,
    int goals)
{
	if (l->n == 0)
		return;
	pl_buf_puts(p->out, lead);
	name_list(p, l, goals);
	pl_buf_puts(p->out, "</p>\n");
}

/* Opens an entry's card, data-id its id, with its heading's tag open. */
void
pl_page_card_open(struct page *p, const char *id, int level)
{
	pl_buf_puts(p->out, "<article class=\"card\" data-id=\"");
	pl_html_esc(p->out, id);
	pl_buf_printf(p->out, "\">\n<h%d>", level);
}

void
pl_page_chart_open(struct page *p, unsigned w, unsigned h, const char *label)
{
	p->nchart++;
	pl_buf_printf(p->out, "<svg role=\"img\" aria-labelledby=\"c%u\" "
	    "viewBox=\"0 0 %u %u\" width=\"%u\" height=\"%u\">"
	    "<title id=\"c%u\">", p->nchart, w, h, w, h, p->nchart);
	pl_html_esc(p->out, label);
	pl_buf_puts(p->out, "</title>\n");
}

void
pl_page_score(struct pl_buf *out, double s)
{
	pl_buf_printf(out, "%.2f", s);
}

int
pl_page_is_active(const struct pl_report_goal *g)
{
	return g->status == NULL || strcmp(g->status, "active") == 0;
}

size_t
pl_page_active_goals(const struct pl_report *r)
{
	size_t	i, n = 0;

	for (i = 0; i < r->ngoals; i++)
		n += pl_page_is_active(&r->goals[i]);
	return n;
}
