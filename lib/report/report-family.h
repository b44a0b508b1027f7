/*
 * Internal: the family's report (report-family.c), which
 * pl_report_text(), pl_report_md() and pl_report_html() hand the family
 * view to.
 */
#ifndef PL_REPORT_FAMILY_H
#define PL_REPORT_FAMILY_H

#include "pl/report/report.h"

void	 pl_report_family_text(struct pl_buf *out, const struct pl_report *r,
	    int colour);
void	 pl_report_family_md(struct pl_buf *out, const struct pl_report *r);
void	 pl_report_family_html(struct pl_buf *out, const struct pl_report *r);

/*
 * A standard's statement as a short phrase for the family: its first
 * clause without the full stop, cut at a word past 64 characters with
 * "…".  The caller frees.
 */
char	*pl_report_phrase(const char *statement);

#endif
