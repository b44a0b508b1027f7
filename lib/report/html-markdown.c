/*
 * Markdown from the portfolio as HTML, for the learner's page and the
 * family's: through cmark without CMARK_OPT_UNSAFE (raw HTML is dropped,
 * javascript: and the like become empty links), its headings moved
 * under the page's, and after a walk that turns outside images into
 * links, so a page never fetches anything.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CMARK_NO_SHORT_NAMES
#include <cmark.h>

#include "base/render.h"
#include "report/html-markdown.h"

static const char *
or_empty(const char *s)
{
	return s != NULL ? s : "";
}

/* Remote images would be fetched as the page opens: these are inline. */
static int
inline_image(const char *url)
{
	static const char *const ok[] = { "data:image/png",
	    "data:image/gif", "data:image/jpeg", "data:image/webp" };
	size_t	i;

	for (i = 0; i < sizeof ok / sizeof ok[0]; i++)
		if (strncasecmp(url, ok[i], strlen(ok[i])) == 0)
			return 1;
	return 0;
}

static int
in_link(cmark_node *n)
{
	for (n = cmark_node_parent(n); n != NULL; n = cmark_node_parent(n))
		if (cmark_node_get_type(n) == CMARK_NODE_LINK)
			return 1;
	return 0;
}

/*
 * An image becomes a link to it, "image: alt text", which a reader may
 * follow but the page never fetches; inside a link (a badge) it becomes
 * its alt text, as links cannot nest.
 */
static void
image_to_link(cmark_node *img)
{
	cmark_node	*link, *c, *t;

	if (in_link(img)) {
		while ((c = cmark_node_first_child(img)) != NULL)
			cmark_node_insert_before(img, c);
	} else {
		link = cmark_node_new(CMARK_NODE_LINK);
		cmark_node_set_url(link, cmark_node_get_url(img));
		cmark_node_set_title(link, cmark_node_get_title(img));
		t = cmark_node_new(CMARK_NODE_TEXT);
		cmark_node_set_literal(t, cmark_node_first_child(img) != NULL ?
		    "image: " : "image");
		cmark_node_append_child(link, t);
		while ((c = cmark_node_first_child(img)) != NULL)
			cmark_node_append_child(link, c);
		cmark_node_insert_before(img, link);
	}
	cmark_node_free(img);
}

/* A link or image whose URL the caller refused becomes its text. */
static void
unwrap(cmark_node *n)
{
	cmark_node	*c;

	while ((c = cmark_node_first_child(n)) != NULL)
		cmark_node_insert_before(n, c);
	cmark_node_free(n);
}

/*
 * Every link and image of doc given the URL urls->map says, or made its
 * text when it says NULL; gathered first, as unwrapping moves nodes
 * under the iterator.
 */
static void
map_urls(cmark_node *doc, const struct pl_html_urls *urls)
{
	cmark_iter	 *it = cmark_iter_new(doc);
	cmark_event_type  ev;
	cmark_node	 *n, **drop = NULL;
	size_t		  ndrop = 0, cap = 0, i;
	const char	 *url;
	int		  type;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		type = cmark_node_get_type(n);
		if (ev != CMARK_EVENT_ENTER || (type != CMARK_NODE_LINK &&
		    type != CMARK_NODE_IMAGE))
			continue;
		if ((url = urls->map(urls->arg, or_empty(cmark_node_get_url(n)),
		    type == CMARK_NODE_IMAGE)) != NULL) {
			cmark_node_set_url(n, url);
			continue;
		}
		if (ndrop == cap) {
			cap = cap ? cap * 2 : 8;
			drop = pl_xrealloc(drop, cap * sizeof *drop);
		}
		drop[ndrop++] = n;
	}
	cmark_iter_free(it);
	for (i = ndrop; i-- > 0;)
		unwrap(drop[i]);
	free(drop);
}

/*
 * The levels headings of a Markdown body move by, so that its highest
 * is level top and the page's outline stays in order.
 */
static int
heading_shift(cmark_node *doc, int top)
{
	cmark_iter	 *it = cmark_iter_new(doc);
	cmark_event_type  ev;
	cmark_node	 *n;
	int		  min = 7;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(n) == CMARK_NODE_HEADING &&
		    cmark_node_get_heading_level(n) < min)
			min = cmark_node_get_heading_level(n);
	}
	cmark_iter_free(it);
	return top - min;
}

/*
 * How deep the blocks and inlines of doc nest: "> > x" is 3 (two
 * quotes and a paragraph).  cmark's leaves (text, code, breaks, raw
 * HTML, rules) have no exit event and count none.
 */
static size_t
nesting(cmark_node *doc)
{
	cmark_iter	 *it = cmark_iter_new(doc);
	cmark_event_type  ev;
	size_t		  depth = 0, max = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		switch (cmark_node_get_type(cmark_iter_get_node(it))) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_THEMATIC_BREAK:
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_DOCUMENT:
			break;
		default:
			if (ev == CMARK_EVENT_EXIT)
				depth--;
			else if (++depth > max)
				max = depth;
			break;
		}
	}
	cmark_iter_free(it);
	return max;
}

/*
 * Markdown from the portfolio, its headings moved under the page's, and
 * images that are not inline data made links.  cmark's default drops
 * raw HTML and empties javascript:, vbscript:, file: and data: links.
 * Nested deeper than PL_MD_DEPTH_MAX, it is shown as its text: cmark
 * checks each node moved (an image made a link) against all the nodes
 * above it, and 40,000 images under 40,000 quotes took 24 s.
 */
static void
markdown(struct pl_buf *out, const char *text, int top,
    const struct pl_html_urls *urls)
{
	cmark_node	 *doc, *n, **imgs = NULL;
	cmark_iter	 *it;
	cmark_event_type  ev;
	size_t		  nimg = 0, cap = 0, i;
	char		 *html;
	int		  shift, level;

	if (text == NULL || text[strspn(text, " \t\r\n")] == '\0')
		return;
	doc = cmark_parse_document(text, strlen(text),
	    CMARK_OPT_VALIDATE_UTF8);
	if (nesting(doc) > PL_MD_DEPTH_MAX) {
		pl_buf_puts(out, "<div class=\"md\"><pre>");
		pl_html_esc(out, text);
		pl_buf_puts(out, "</pre></div>\n");
		cmark_node_free(doc);
		return;
	}
	shift = heading_shift(doc, top);
	if (urls != NULL)
		map_urls(doc, urls);
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		n = cmark_iter_get_node(it);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_HEADING:
			level = cmark_node_get_heading_level(n) + shift;
			cmark_node_set_heading_level(n, level > 6 ? 6 : level);
			break;
		case CMARK_NODE_IMAGE:
			if (inline_image(or_empty(cmark_node_get_url(n))))
				break;
			if (nimg == cap) {
				cap = cap ? cap * 2 : 8;
				imgs = pl_xrealloc(imgs, cap * sizeof *imgs);
			}
			imgs[nimg++] = n;
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	/* Outer images first, so an inner one finds the outer's link. */
	for (i = 0; i < nimg; i++)
		image_to_link(imgs[i]);
	free(imgs);
	html = cmark_render_html(doc, CMARK_OPT_DEFAULT);
	pl_buf_puts(out, "<div class=\"md\">\n");
	pl_buf_puts(out, html);
	pl_buf_puts(out, "</div>\n");
	free(html);
	cmark_node_free(doc);
}

void
pl_html_markdown(struct pl_buf *out, const char *text, int top)
{
	markdown(out, text, top, NULL);
}

void
pl_html_markdown_urls(struct pl_buf *out, const char *text, int top,
    const struct pl_html_urls *urls)
{
	markdown(out, text, top, urls);
}
