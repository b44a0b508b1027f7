/*
 * Internal: the standards of the learner's HTML page
 * (report-html-standards.c).
 */
#ifndef PL_REPORT_HTML_STANDARDS_H
#define PL_REPORT_HTML_STANDARDS_H

#include "report/html-page.h"

/* The standards' table and mastery charts, and the shares of the scope. */
void	 pl_page_standards(struct page *p);

#endif
