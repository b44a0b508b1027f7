/*
 * Internal: what the renderers of a learner's report (report-*.c) and
 * of a class (class-*.c) share, so both look alike and escape alike:
 * aligned text with optional colour (render.c), Markdown tables
 * (render.c), and the HTML page's head, style and escaping
 * (render-html.c).
 */
#ifndef PL_RENDER_H
#define PL_RENDER_H

#include <stddef.h>

#include <jansson.h>

#include "pl/base/percent.h"	/* pl_text_pct(): every renderer's per cent */
#include "pl/base/util.h"

struct pl_report_scope;

/*
 * The shares of a report's scope as JSON, for the learner's report and
 * the class's: {"asked", "used", "grade", "standards", "covered",
 * "covered_pct", "mastered", "mastered_pct"}.  The caller owns it.
 */
json_t	*pl_report_scope_json(const struct pl_report_scope *);

struct pl_report;

/* Text. */

/* The colours (SGR) a text report uses. */
enum pl_sgr {
	PL_SGR_BOLD,
	PL_SGR_DIM,
	PL_SGR_RED,
	PL_SGR_GREEN,
	PL_SGR_YELLOW
};

/* Starts colour c, when colour is set; pl_sgr_off() ends it. */
void	 pl_sgr_on(struct pl_buf *, int colour, enum pl_sgr c);
void	 pl_sgr_off(struct pl_buf *, int colour);

/*
 * The columns s takes on a terminal, whatever its locale: wide and
 * full-width characters (East Asian Width W or F) two, combining marks
 * and format characters none, every other character (a byte that is
 * not UTF-8 too) one.  NULL takes none.
 */
size_t	 pl_text_width(const char *s);

/* s (NULL: nothing) on one line, as pl_text_put_line() puts it. */
void	 pl_text_put(struct pl_buf *, const char *s);

/* pl_text_put() of s, then spaces up to w columns. */
void	 pl_text_pad(struct pl_buf *, const char *s, size_t w);

/* spaces, then s, to w columns: s right-aligned. */
void	 pl_text_rpad(struct pl_buf *, const char *s, size_t w);

/* A blank line, then title in bold (when colour) on its own line. */
void	 pl_text_heading(struct pl_buf *, int colour, const char *title);

/* Markdown tables; every cell goes through pl_md_escape(). */

/* A table's head: names separated by " | ", then the rule. */
void	 pl_md_head(struct pl_buf *, const char *names);

/* Adds a cell to cells: s (NULL: empty, which shows a dash). */
void	 pl_md_cell(struct pl_strlist *cells, const char *s);
void	 pl_md_cellf(struct pl_strlist *cells, const char *fmt, ...)
	    PL_PRINTF(2, 3);

/* Appends the row of cells, escaped, and empties cells. */
void	 pl_md_row(struct pl_buf *, struct pl_strlist *cells);

/* HTML (render-html.c). */

/*
 * The one escaping function: text and attribute values alike (quotes
 * too), len bytes of s.  Control characters, which HTML calls parse
 * errors, become U+FFFD; tab and line breaks stay.
 */
void	 pl_html_esc_len(struct pl_buf *, const char *s, size_t len);

/* pl_html_esc_len() of all of s; NULL: nothing. */
void	 pl_html_esc(struct pl_buf *, const char *s);

/* pl_html_esc() of s cut to max characters (not bytes), "…" if cut. */
void	 pl_html_esc_cut(struct pl_buf *, const char *s, size_t max);

/* <tag>s</tag>, s escaped. */
void	 pl_html_el(struct pl_buf *, const char *tag, const char *s);

/* A table cell of class cls (d: a date, c: a code, n: a number). */
void	 pl_html_td(struct pl_buf *, const char *cls, const char *s);

/*
 * A table cell as pl_html_td(), labelled for the cards a phone shows
 * a table.cards as (label: a column's name, not escaped).
 */
void	 pl_html_cell(struct pl_buf *, const char *cls, const char *label,
	    const char *s);

/* A number's cell (class n) so labelled. */
void	 pl_html_num(struct pl_buf *, const char *label, size_t n);

/*
 * The codes of a page are shown without the words they all begin with
 * ("CCSS.Math.Content." of "CCSS.Math.Content.6.RP.A.1"): how many bytes
 * of each code to leave out, of n codes, the char * at offset off (its
 * offsetof) in each of n structs of size bytes from items (a page's
 * standards, the learner's or the class's).  The prefix is made of
 * whole segments ending in '.', each of three characters or more and no
 * digit, every code going on after it; 0 without codes.
 */
size_t	 pl_html_code_cut(const void *items, size_t n, size_t size,
	    size_t off);

/*
 * A chart's legend entry: a square of colour (a CSS colour, not escaped)
 * and word, kept on one line so that a square never ends a line away
 * from its word.
 */
void	 pl_html_key(struct pl_buf *, const char *colour, const char *word);

/* "1 goal", "3 goals". */
void	 pl_html_count(struct pl_buf *, size_t n, const char *one,
	    const char *many);

/*
 * The page up to its title's text: doctype, charset, a CSP that allows
 * no request, no referrer, the viewport.  The caller writes the title,
 * escaped, then calls pl_html_style().
 */
void	 pl_html_begin(struct pl_buf *);

/*
 * pl_html_begin(), but when self is set the page may show images from
 * beside it (its CSP allows 'self' for images): the family page with
 * its files copied next to it.
 */
void	 pl_html_begin_images(struct pl_buf *, int self);

/*
 * pl_html_begin() with the Content-Security-Policy policy: a site whose
 * pages show files beside them (pl publish) allows 'self' for them.
 */
void	 pl_html_begin_policy(struct pl_buf *, const char *policy);

/*
 * Ends the title and the head with the style every page shares, then
 * more (NULL: none), and opens the body.
 */
void	 pl_html_style(struct pl_buf *, const char *more);

#endif
