/*
 * Internal: the learner's HTML page being written, and the pieces its
 * sections share (html-page.c): report-html.c writes the page and its
 * entries, report-html-standards.c and report-html-activity.c the rest.
 */
#ifndef PL_HTML_PAGE_H
#define PL_HTML_PAGE_H

#include <stddef.h>

#include "pl/base/util.h"

struct pl_report;
struct pl_report_goal;

/* SVG labels longer than this many characters end in an ellipsis. */
#define LABEL_MAX	48

struct page {
	struct pl_buf		*out;
	const struct pl_report	*r;
	unsigned		 nchart;	/* for unique SVG title ids */
};

/* s, or "" for NULL. */
const char *pl_page_or_empty(const char *s);

/* The goal with id, or NULL: goals come sorted by id. */
const struct pl_report_goal *pl_page_goal_find(const struct pl_report *r,
	    const char *id);

/* The name of the level a score has reached ("developing" for 2.8). */
const char *pl_page_level_name(const struct pl_report *r, double score);

/* The top of r's scale, the charts' highest level. */
size_t	 pl_page_scale_top(const struct pl_report *r);

/* A piece of evidence's title, or its id for one not in the report. */
void	 pl_page_evidence_name(struct page *p, const char *id);

/* A standard as these views name it: its code. */
void	 pl_page_standard_name(struct page *p, const char *code);

/* A paragraph "<p>lead a, b and c</p>", when the list has anything. */
void	 pl_page_name_para(struct page *p, const char *lead,
	    const struct pl_strlist *l, int goals);

/* Opens an entry's card, data-id its id, with its heading's tag open. */
void	 pl_page_card_open(struct page *p, const char *id, int level);

/* Opens an SVG chart of w by h, titled label. */
void	 pl_page_chart_open(struct page *p, unsigned w, unsigned h,
	    const char *label);

/* A score to two places. */
void	 pl_page_score(struct pl_buf *out, double s);

int	 pl_page_is_active(const struct pl_report_goal *g);
size_t	 pl_page_active_goals(const struct pl_report *r);

#endif
