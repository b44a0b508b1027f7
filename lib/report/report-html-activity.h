/*
 * Internal: what happened, on the learner's HTML page
 * (report-html-activity.c).
 */
#ifndef PL_REPORT_HTML_ACTIVITY_H
#define PL_REPORT_HTML_ACTIVITY_H

#include "report/html-page.h"

/* Activity per week: stacked bars, a key in words, and the table. */
void	 pl_page_activity(struct page *p);

/* Who took part, and what each did. */
void	 pl_page_people(struct page *p);

/* The window: its events and the mastery that moved in it. */
void	 pl_page_since(struct page *p);

#endif
