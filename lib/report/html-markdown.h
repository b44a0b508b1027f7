/*
 * Internal: Markdown from the portfolio (a goal's why, evidence,
 * reflections) as the HTML pages show it, one function for the
 * learner's page (report-html.c) and the family's (report-family.c).
 */
#ifndef PL_HTML_MARKDOWN_H
#define PL_HTML_MARKDOWN_H

#include "pl/base/util.h"

/* The deepest Markdown the HTML report formats (pl(1), LIMITS). */
#define PL_MD_DEPTH_MAX	100

/*
 * Markdown from the portfolio (text, NUL-terminated) as the HTML report
 * shows it: its headings moved so the highest is level top, images not
 * inline made links, raw HTML dropped; nested deeper than
 * PL_MD_DEPTH_MAX, its text in a <pre>.  The learner's page and the
 * family's call it, as does the fuzz target.
 */
void	 pl_html_markdown(struct pl_buf *out, const char *text, int top);

/*
 * Where the links and images of a Markdown text go: map gives the URL
 * to use for url (image set for an image), or NULL to show the link or
 * image as its text alone.  What it returns lives until the next call.
 */
struct pl_html_urls {
	const char	*(*map)(void *arg, const char *url, int image);
	void		*arg;
};

/* pl_html_markdown(), each link's and image's URL mapped by urls. */
void	 pl_html_markdown_urls(struct pl_buf *out, const char *text, int top,
	    const struct pl_html_urls *urls);

#endif
