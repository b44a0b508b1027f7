/*
 * The pages of a showcase's site (publish.h): the index and one page per
 * item, accessible by construction (one h1, headings in order, labelled
 * landmarks, alt on every image, visible focus), on the report's head,
 * style and escaping (render-html.c) and its Markdown (html-markdown.c).
 * Each page is masked for email addresses as a whole, last.
 */
#include <stdlib.h>
#include <string.h>

#include "pl/report/publish-files.h"
#include "base/render.h"
#include "report/html-markdown.h"
#include "report/publish-build.h"

/*
 * Images, PDFs, audio and video from beside the page, and nothing else:
 * no script, no request elsewhere.
 */
#define POLICY "default-src 'none'; style-src 'unsafe-inline'; " \
	"img-src 'self' data:; media-src 'self'; object-src 'self'; " \
	"frame-src 'self'"

/* The site's own style, on top of the report's. */
static const char css[] =
".skip:not(:focus){position:absolute;width:1px;height:1px;"
"overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}\n"
"a{color:#0645ad}\n"
"a:visited{color:#5a3696}\n"
"a:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}\n"
"header nav{margin-bottom:.5rem}\n"
".note{font-style:italic}\n"
".items{padding-left:1.4rem}\n"
".items>li{margin:.7rem 0}\n"
".items p{margin:.2rem 0}\n"
"img,video{max-width:100%;height:auto}\n"
"figure img{border:1px solid #d0d7de}\n"
"audio{width:100%;max-width:30rem}\n"
"object{display:block;width:100%;height:36rem;border:1px solid #d0d7de}\n"
"nav.pages{display:flex;justify-content:space-between;gap:1rem;"
"margin-top:2rem}\n"
"@page{size:A4;margin:15mm 12mm}\n"
"@media print{nav,.skip,audio,video,object{display:none}"
"img{max-height:20cm}}\n";

static const struct item *
chosen(const struct site *s, const char *id)
{
	size_t	i;

	for (i = 0; i < s->nitems; i++)
		if (strcmp(s->items[i].id, id) == 0)
			return &s->items[i];
	return NULL;
}

static void
lit(struct pl_buf *b, const char *s)
{
	pl_buf_puts(b, s);
}

static void
esc(struct pl_buf *b, const char *s)
{
	pl_html_esc(b, s);
}

/* The page's head, its title "what – showcase" and the skip link. */
static void
page_begin(struct pl_buf *b, const struct site *s, const char *what)
{
	pl_html_begin_policy(b, POLICY);
	if (what != NULL) {
		esc(b, what);
		lit(b, " &ndash; ");
	}
	esc(b, s->p->title);
	pl_html_style(b, css);
	lit(b, "<a class=\"skip\" href=\"#main\">Skip to the content</a>\n");
}

static void
page_end(struct pl_buf *b, const struct site *s)
{
	pl_buf_printf(b, "</main>\n<footer>\n<p>Made with pl %s from commit "
	    "<code>%.7s</code> of %s.</p>\n</footer>\n</body>\n</html>\n",
	    s->version, s->p->commit, s->p->commit_date);
}

/* Masks the page and adds it to the site. */
static void
page_add(struct site *s, struct pl_buf *b, const char *path,
    const char *item)
{
	struct pl_buf	masked = PL_BUF_INIT;

	pl_publish_mask_emails(&masked, b->ptr, b->len);
	pl_buf_release(b);
	pl_publish_add(s->p, path, "page", item, &masked);
}

/* "Artifact", "Reflection": an item's kind as a page says it. */
static void
kind_words(struct pl_buf *b, const struct item *it)
{
	const char	*k = it->ev != NULL ? it->ev->kind : "reflection";

	if (k == NULL || *k == '\0')
		return;
	if (*k >= 'a' && *k <= 'z')
		pl_buf_putc(b, (char)(*k - 'a' + 'A'));
	else
		pl_buf_putc(b, *k);
	esc(b, k + 1);
}

static const char *
item_title(const struct item *it)
{
	return it->ev != NULL ? it->ev->title : it->refl->summary;
}

static const char *
item_date(const struct item *it)
{
	return it->ev != NULL ? it->ev->date : it->refl->date;
}

/* "Artifact · <time>2026-11-26</time>" */
static void
meta(struct pl_buf *b, const struct item *it)
{
	lit(b, "<p class=\"meta\">");
	kind_words(b, it);
	if (item_date(it) != NULL) {
		lit(b, " &middot; <time datetime=\"");
		esc(b, item_date(it));
		lit(b, "\">");
		esc(b, item_date(it));
		lit(b, "</time>");
	}
	lit(b, "</p>\n");
}

static void
note(struct pl_buf *b, const char *note)
{
	if (note == NULL || *note == '\0')
		return;
	lit(b, "<p class=\"note\">");
	esc(b, note);
	lit(b, "</p>\n");
}

static void
section(struct pl_buf *b, const char *id, const char *title)
{
	pl_buf_printf(b, "<section aria-labelledby=\"%s\">\n<h2 id=\"%s\">",
	    id, id);
	esc(b, title);
	lit(b, "</h2>\n");
}

static void
list(struct pl_buf *b, const char *title, const struct pl_strlist *l)
{
	size_t	i;

	if (l->n == 0)
		return;
	lit(b, "<h3>");
	esc(b, title);
	lit(b, "</h3>\n<ul>\n");
	for (i = 0; i < l->n; i++) {
		lit(b, "<li>");
		esc(b, l->v[i]);
		lit(b, "</li>\n");
	}
	lit(b, "</ul>\n");
}

static void
about(struct pl_buf *b, const struct site *s)
{
	const struct pl_strlist	*st = &s->r->strengths, *in = &s->r->interests;
	int			 shown = s->profile_shown &&
				    ((s->strengths && st->n > 0) ||
				    (s->interests && in->n > 0));

	if (!shown)
		return;
	section(b, "about", "About me");
	if (s->strengths)
		list(b, "Strengths", st);
	if (s->interests)
		list(b, "Interests", in);
	lit(b, "</section>\n");
}

static void
work(struct pl_buf *b, const struct site *s)
{
	const struct item	*it;
	size_t			 i;

	section(b, "work", "My work");
	if (s->nitems == 0)
		lit(b, "<p>Nothing is shown yet.</p>\n");
	else
		lit(b, "<ol class=\"items\">\n");
	for (i = 0; i < s->nitems; i++) {
		it = &s->items[i];
		lit(b, "<li><p><a href=\"");
		esc(b, it->page);
		lit(b, "\">");
		esc(b, item_title(it));
		lit(b, "</a></p>\n");
		meta(b, it);
		note(b, it->note);
		lit(b, "</li>\n");
	}
	if (s->nitems > 0)
		lit(b, "</ol>\n");
	lit(b, "</section>\n");
}

static void
goals(struct pl_buf *b, const struct site *s)
{
	size_t	i;

	if (s->ngoals == 0)
		return;
	section(b, "goals", "Goals");
	lit(b, "<ul class=\"plain\">\n");
	for (i = 0; i < s->ngoals; i++) {
		lit(b, "<li>");
		esc(b, s->goals[i]->title);
		if (s->goals[i]->status != NULL) {
			lit(b, " <span class=\"meta\">(");
			esc(b, s->goals[i]->status);
			lit(b, ")</span>");
		}
		lit(b, "</li>\n");
	}
	lit(b, "</ul>\n</section>\n");
}

static void
standards(struct pl_buf *b, const struct site *s)
{
	size_t	i;

	if (s->nstandards == 0)
		return;
	section(b, "standards", "Standards");
	lit(b, "<ul class=\"plain\">\n");
	for (i = 0; i < s->nstandards; i++) {
		lit(b, "<li><code>");
		esc(b, s->standards[i]->code);
		lit(b, "</code>");
		if (s->standards[i]->description != NULL) {
			lit(b, " ");
			esc(b, s->standards[i]->description);
		}
		lit(b, "</li>\n");
	}
	lit(b, "</ul>\n</section>\n");
}

/* No link of the introduction leads into the portfolio. */
static const char *
intro_url(void *arg, const char *url, int image)
{
	(void)arg;
	(void)image;
	return pl_publish_url_outside(url) ? url : NULL;
}

static void
index_page(struct site *s)
{
	struct pl_buf		b = PL_BUF_INIT;
	struct pl_html_urls	urls = { intro_url, NULL };

	page_begin(&b, s, NULL);
	lit(&b, "<header>\n<h1>");
	esc(&b, s->p->title);
	lit(&b, "</h1>\n");
	if (s->r->name != NULL && *s->r->name != '\0') {
		lit(&b, "<p class=\"meta\">");
		esc(&b, s->r->name);
		lit(&b, "</p>\n");
	}
	lit(&b, "</header>\n<main id=\"main\">\n");
	pl_html_markdown_urls(&b, s->doc->body, 2, &urls);
	about(&b, s);
	work(&b, s);
	goals(&b, s);
	standards(&b, s);
	page_end(&b, s);
	page_add(s, &b, "index.html", NULL);
}

/* A body's links: outside ones, and its own attachments, mapped. */
static const char *
item_url(void *arg, const char *url, int image)
{
	const struct item	*it = arg;
	size_t			 i;

	(void)image;
	if (pl_publish_url_outside(url))
		return url;
	for (i = 0; i < it->natts; i++)
		if (pl_publish_names_file(url, it->atts[i].src, it->id))
			return it->atts[i].href;
	return NULL;
}

static const char *
base_name(const char *path)
{
	const char	*s = strrchr(path, '/');

	return s != NULL ? s + 1 : path;
}

static void
link_to(struct pl_buf *b, const char *href, const char *text)
{
	lit(b, "<a href=\"");
	esc(b, href);
	lit(b, "\">");
	esc(b, text);
	lit(b, "</a>");
}

static void
image(struct pl_buf *b, const struct item *it, const struct att *a)
{
	const char	*alt = a->alt != NULL ? a->alt : item_title(it);

	lit(b, "<figure>\n");
	if (a->thumb != NULL) {
		lit(b, "<a href=\"");
		esc(b, a->href);
		lit(b, "\">");
	}
	lit(b, "<img src=\"");
	esc(b, a->thumb != NULL ? a->thumb : a->href);
	lit(b, "\" alt=\"");
	esc(b, alt);
	lit(b, "\"");
	if (a->thumb != NULL)
		pl_buf_printf(b, " width=\"%u\" height=\"%u\"", a->tw, a->th);
	else if (a->w > 0)
		pl_buf_printf(b, " width=\"%u\" height=\"%u\"", a->w, a->h);
	lit(b, ">");
	if (a->thumb != NULL)
		lit(b, "</a>");
	lit(b, "\n<figcaption>");
	link_to(b, a->href, base_name(a->src));
	if (a->thumb != NULL)
		pl_buf_printf(b, " (full size, %u &times; %u)", a->w, a->h);
	lit(b, "</figcaption>\n</figure>\n");
}

/* A PDF, audio or video in the browser's own viewer, and a link. */
static void
viewer(struct pl_buf *b, const struct att *a)
{
	const char	*name = base_name(a->src);

	lit(b, "<figure>\n");
	if (a->kind == ATT_PDF) {
		lit(b, "<object data=\"");
		esc(b, a->href);
		lit(b, "\" type=\"application/pdf\" title=\"");
		esc(b, name);
		lit(b, "\"><p>");
		link_to(b, a->href, name);
		lit(b, "</p></object>\n");
	} else {
		lit(b, a->kind == ATT_AUDIO ? "<audio" : "<video");
		lit(b, " controls preload=\"metadata\" aria-label=\"");
		esc(b, name);
		lit(b, "\" src=\"");
		esc(b, a->href);
		lit(b, "\">");
		link_to(b, a->href, name);
		lit(b, a->kind == ATT_AUDIO ? "</audio>\n" : "</video>\n");
	}
	lit(b, "<figcaption>");
	link_to(b, a->href, name);
	lit(b, "</figcaption>\n</figure>\n");
}

static void
files(struct pl_buf *b, const struct item *it)
{
	size_t	i, others = 0;

	if (it->natts == 0)
		return;
	section(b, "files", "Files");
	for (i = 0; i < it->natts; i++)
		if (it->atts[i].kind == ATT_IMAGE)
			image(b, it, &it->atts[i]);
		else if (it->atts[i].kind != ATT_OTHER)
			viewer(b, &it->atts[i]);
		else
			others++;
	if (others > 0)
		lit(b, "<ul class=\"plain\">\n");
	for (i = 0; i < it->natts; i++)
		if (it->atts[i].kind == ATT_OTHER) {
			lit(b, "<li>");
			link_to(b, it->atts[i].href,
			    base_name(it->atts[i].src));
			lit(b, "</li>\n");
		}
	if (others > 0)
		lit(b, "</ul>\n");
	lit(b, "</section>\n");
}

static void
ratings(struct pl_buf *b, const struct item *it)
{
	const struct rating	*r;
	size_t			 i;

	if (it->nratings == 0)
		return;
	section(b, "ratings", "Ratings");
	lit(b, "<ul class=\"plain\">\n");
	for (i = 0; i < it->nratings; i++) {
		r = &it->ratings[i];
		lit(b, "<li><code>");
		esc(b, r->standard);
		lit(b, "</code>: level ");
		esc(b, r->level);
		if (r->by != NULL) {
			lit(b, ", by ");
			esc(b, r->by);
		}
		if (r->date != NULL) {
			lit(b, ", <time>");
			esc(b, r->date);
			lit(b, "</time>");
		}
		if (r->note != NULL) {
			lit(b, ": ");
			esc(b, r->note);
		}
		lit(b, "</li>\n");
	}
	lit(b, "</ul>\n</section>\n");
}

/* 1 when l has id. */
static int
has(const struct pl_strlist *l, const char *id)
{
	return pl_strlist_find(l, id) >= 0;
}

/* The chosen reflections that link evidence it, in full. */
static void
reflections(struct pl_buf *b, const struct site *s, const struct item *it)
{
	struct pl_html_urls	 urls = { intro_url, NULL };
	const struct item	*r;
	size_t			 i, n = 0;

	for (i = 0; i < s->nitems; i++) {
		r = &s->items[i];
		if (r->refl == NULL || !has(&r->refl->evidence, it->id))
			continue;
		if (n++ == 0)
			section(b, "reflections", "Reflections");
		lit(b, "<article>\n<h3>");
		link_to(b, r->page + strlen("items/"), r->refl->summary);
		lit(b, "</h3>\n");
		meta(b, r);
		pl_html_markdown_urls(b, r->refl->body, 4, &urls);
		lit(b, "</article>\n");
	}
	if (n > 0)
		lit(b, "</section>\n");
}

/* A reflection's chosen evidence, linked. */
static void
work_of(struct pl_buf *b, const struct site *s, const struct item *it)
{
	const struct item	*e;
	size_t			 i, n = 0;

	for (i = 0; i < it->refl->evidence.n; i++) {
		if ((e = chosen(s, it->refl->evidence.v[i])) == NULL ||
		    e->ev == NULL)
			continue;
		if (n++ == 0) {
			section(b, "work", "About this work");
			lit(b, "<ul class=\"plain\">\n");
		}
		lit(b, "<li>");
		link_to(b, e->page + strlen("items/"), e->ev->title);
		lit(b, "</li>\n");
	}
	if (n > 0)
		lit(b, "</ul>\n</section>\n");
}

/* Previous and next in the showcase's order. */
static void
pages_nav(struct pl_buf *b, const struct site *s, size_t i)
{
	lit(b, "<nav class=\"pages\" aria-label=\"Previous and next\">\n");
	if (i > 0) {
		lit(b, "<p>Previous: ");
		link_to(b, s->items[i - 1].page + strlen("items/"),
		    item_title(&s->items[i - 1]));
		lit(b, "</p>\n");
	}
	if (i + 1 < s->nitems) {
		lit(b, "<p>Next: ");
		link_to(b, s->items[i + 1].page + strlen("items/"),
		    item_title(&s->items[i + 1]));
		lit(b, "</p>\n");
	}
	lit(b, "</nav>\n");
}

static void
item_page(struct site *s, size_t i)
{
	const struct item	*it = &s->items[i];
	struct pl_buf		 b = PL_BUF_INIT;
	struct pl_html_urls	 urls = { item_url, (void *)it };

	page_begin(&b, s, item_title(it));
	lit(&b, "<header>\n<nav aria-label=\"Showcase\"><a href=\""
	    "../index.html\">");
	esc(&b, s->p->title);
	lit(&b, "</a></nav>\n<h1>");
	esc(&b, item_title(it));
	lit(&b, "</h1>\n");
	meta(&b, it);
	lit(&b, "</header>\n<main id=\"main\">\n");
	note(&b, it->note);
	if (it->ev != NULL) {
		pl_html_markdown_urls(&b, it->ev->description, 2, &urls);
		files(&b, it);
		ratings(&b, it);
		reflections(&b, s, it);
	} else {
		pl_html_markdown_urls(&b, it->refl->body, 2, &urls);
		work_of(&b, s, it);
	}
	pages_nav(&b, s, i);
	page_end(&b, s);
	page_add(s, &b, it->page, it->id);
}

void
pl_publish_pages(struct site *s)
{
	size_t	i;

	index_page(s);
	for (i = 0; i < s->nitems; i++)
		item_page(s, i);
}
