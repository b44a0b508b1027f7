/*
 * Deciding what a showcase's site shows (publish.h): the family view of
 * the report at the commit published says what is not private and what
 * the chosen items link (its goals, its standards, its profile), the
 * showcase says what is chosen and in which order, and the family view
 * at HEAD says what has been made private since.  The attachments are read from the same
 * commit, never from the working tree.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <git2.h>
#define CMARK_NO_SHORT_NAMES
#include <cmark.h>

#include "pl/base/json.h"
#include "pl/base/slug.h"
#include "pl/entries/showcase.h"
#include "pl/entries/visibility.h"
#include "pl/report/publish.h"
#include "base/thumb.h"
#include "report/publish-build.h"

static void
left_out(struct pl_publish *p, const char *id, const char *reason)
{
	p->left = pl_xrealloc(p->left, (p->nleft + 1) * sizeof *p->left);
	p->left[p->nleft].id = pl_xstrdup(id != NULL ? id : "");
	p->left[p->nleft++].reason = reason;
}

/* "Ms Rivera <rivera@school.example>" as a page names a rater. */
static char *
name_only(const char *by)
{
	size_t	n;

	if (by == NULL)
		return NULL;
	n = strcspn(by, "<");
	while (n > 0 && (by[n - 1] == ' ' || by[n - 1] == '\t'))
		n--;
	return n > 0 ? pl_xstrndup(by, n) : NULL;
}

static void
add_ratings(struct item *it)
{
	struct pl_node *const	*v;
	size_t			 i, n;

	if (pl_doc_get_maps(it->e->doc, it->e->path, "ratings", &v, &n) !=
	    PL_OK) {
		pl_error_clear();
		return;
	}
	it->ratings = pl_xcalloc(n + 1, sizeof *it->ratings);
	for (i = 0; i < n; i++) {
		if (pl_node_get(v[i], "standard") == NULL ||
		    pl_node_get(v[i], "level") == NULL)
			continue;
		it->ratings[it->nratings].standard = pl_node_get(v[i],
		    "standard");
		it->ratings[it->nratings].level = pl_node_get(v[i], "level");
		it->ratings[it->nratings].by = name_only(pl_node_get(v[i],
		    "by"));
		it->ratings[it->nratings].date = pl_node_get(v[i], "date");
		it->ratings[it->nratings++].note = pl_node_get(v[i], "note");
	}
}

/*
 * Why the chosen item si is left out, or NULL when it is shown: what the
 * family view leaves out at the commit published or at HEAD (made
 * private since, linked only to what was) is never published, nor what
 * HEAD no longer has under its id.
 */
static const char *
left_why(const struct site *s, struct pl_portfolio *head,
    const struct pl_showcase_item *si)
{
	const char	*why = pl_showcase_left_name(si->left);
	char		*path;
	int		 ev = si->e != NULL && si->e->kind == PL_KIND_EVIDENCE;
	int		 there;

	if (why != NULL)
		return why;
	if (ev ? pl_report_evidence_find(s->r, si->id) == NULL :
	    pl_report_reflection_find(s->r, si->id) == NULL)
		return "private";
	if (ev ? pl_report_evidence_find(s->now, si->id) != NULL :
	    pl_report_reflection_find(s->now, si->id) != NULL)
		return NULL;
	path = pl_entry_path(si->e->kind, si->id);
	there = pl_portfolio_exists(head, path);
	free(path);
	return there ? "private" : "missing";
}

/* The chosen item it, shown or left out (and said why). */
static void
choose(struct site *s, struct pl_portfolio *head, struct pl_showcase_item *si)
{
	struct item	*it;
	const char	*why = left_why(s, head, si);

	if (why != NULL) {
		left_out(s->p, si->id, why);
		return;
	}
	it = &s->items[s->nitems++];
	it->id = si->id;
	it->note = si->note;
	it->e = si->e;
	si->e = NULL;
	it->page = pl_xasprintf("items/%s.html", it->id);
	if (it->e->kind == PL_KIND_EVIDENCE) {
		it->ev = pl_report_evidence_find(s->r, it->id);
		if (s->ratings)
			add_ratings(it);
	} else
		it->refl = pl_report_reflection_find(s->r, it->id);
}

/*
 * Files that a browser would run if opened from the site (HTML, SVG,
 * XML): published as text, never as pages.
 */
static int
runs_in_browser(const char *ext)
{
	static const char *const exts[] = { "html", "htm", "xhtml", "shtml",
	    "svg", "svgz", "xml", "xsl", "js", "mjs", "php", NULL };
	size_t	i;

	for (i = 0; exts[i] != NULL; i++)
		if (strcmp(ext, exts[i]) == 0)
			return 1;
	return 0;
}

/*
 * An attachment's name on the site: the slug of its base name's stem
 * ("file" when that has none), a '.', and its extension in lower case
 * ASCII letters and digits (at most 8), "-2", "-3"... before it when an
 * earlier attachment of the item has the name.  A file a browser would
 * run gets ".txt" after its name instead.
 */
static char *
site_name(const struct item *it, const char *src)
{
	const char	*base = strrchr(src, '/'), *dot;
	struct pl_buf	 ext = PL_BUF_INIT;
	char		*stem, *slug, *name = NULL;
	size_t		 i, k, n;

	base = base != NULL ? base + 1 : src;
	dot = strrchr(base, '.');
	if (dot == base)
		dot = NULL;
	for (i = 1; dot != NULL && dot[i] != '\0' && ext.len < 8; i++)
		if ((dot[i] >= 'a' && dot[i] <= 'z') || (dot[i] >= '0' &&
		    dot[i] <= '9'))
			pl_buf_putc(&ext, dot[i]);
		else if (dot[i] >= 'A' && dot[i] <= 'Z')
			pl_buf_putc(&ext, (char)(dot[i] - 'A' + 'a'));
	stem = pl_xstrndup(base, dot != NULL ? (size_t)(dot - base) :
	    strlen(base));
	if (ext.len > 0 && runs_in_browser(pl_buf_cstr(&ext))) {
		free(stem);
		stem = pl_xstrdup(base);
		pl_buf_clear(&ext);
		pl_buf_puts(&ext, "txt");
	}
	slug = pl_slug_make(stem);
	for (n = 1; name == NULL || k < it->natts; n++) {
		free(name);
		name = n == 1 ? pl_xasprintf("%s%s%s", *slug != '\0' ? slug :
		    "file", ext.len > 0 ? "." : "", pl_buf_cstr(&ext)) :
		    pl_xasprintf("%s-%zu%s%s", *slug != '\0' ? slug : "file",
		    n, ext.len > 0 ? "." : "", pl_buf_cstr(&ext));
		for (k = 0; k < it->natts; k++)
			if (strcmp(it->atts[k].name, name) == 0)
				break;
	}
	free(stem);
	free(slug);
	pl_buf_release(&ext);
	return name;
}

/* 1 when path is evidence/<id>/..., every segment a plain name. */
static int
in_folder(const char *path, const char *id)
{
	size_t		 n = strlen(id), k;
	const char	*p;

	if (strncmp(path, "evidence/", 9) != 0 ||
	    strncmp(path + 9, id, n) != 0 || path[9 + n] != '/')
		return 0;
	for (p = path + 10 + n; ; p += k + 1) {
		k = strcspn(p, "/");
		if (k == 0 || (k == 1 && p[0] == '.') || (k == 2 &&
		    strncmp(p, "..", 2) == 0) || memchr(p, '\\', k) != NULL)
			return 0;
		if (p[k] == '\0')
			return 1;
	}
}

static const char *const audio_exts[] = { "mp3", "ogg", "oga", "opus",
	"wav", "m4a", "flac", "aac", NULL };
static const char *const audio_types[] = { "audio/mpeg", "audio/ogg",
	"audio/ogg", "audio/ogg", "audio/wav", "audio/mp4", "audio/flac",
	"audio/aac" };
static const char *const video_exts[] = { "mp4", "m4v", "webm", "ogv",
	"mov", NULL };
static const char *const video_types[] = { "video/mp4", "video/mp4",
	"video/webm", "video/ogg", "video/quicktime" };

static const char *
by_ext(const char *const *exts, const char *const *types, const char *ext)
{
	size_t	i;

	for (i = 0; exts[i] != NULL; i++)
		if (strcmp(exts[i], ext) == 0)
			return types[i];
	return NULL;
}

/* What a's page shows it as: by its bytes, else its extension. */
static void
att_kind(struct att *a, const struct pl_buf *data)
{
	const unsigned char	*d = (const unsigned char *)data->ptr;
	const char		*ext = strrchr(a->name, '.');

	ext = ext != NULL ? ext + 1 : "";
	if ((a->type = pl_image_type(d, data->len)) != NULL) {
		a->kind = ATT_IMAGE;
		(void)pl_image_size(&a->w, &a->h, d, data->len);
	} else if (data->len >= 5 && memcmp(d, "%PDF-", 5) == 0) {
		a->kind = ATT_PDF;
		a->type = "application/pdf";
	} else if ((a->type = by_ext(audio_exts, audio_types, ext)) != NULL)
		a->kind = ATT_AUDIO;
	else if ((a->type = by_ext(video_exts, video_types, ext)) != NULL)
		a->kind = ATT_VIDEO;
	else
		a->kind = ATT_OTHER;
}

/*
 * A thumbnail beside a large PNG or JPEG, "<name>.thumb.<ext>" (no
 * attachment's name has two dots); without the library, the full image
 * and one warning.
 */
static void
thumbnail(struct site *s, const struct item *it, struct att *a,
    const struct pl_buf *data)
{
	struct pl_buf	 t = PL_BUF_INIT;
	const char	*ext = strrchr(a->name, '.');
	char		*stem, *path;
	int		 err;

	if (a->kind != ATT_IMAGE || (strcmp(a->type, "image/png") != 0 &&
	    strcmp(a->type, "image/jpeg") != 0) ||
	    (a->w <= PL_PUBLISH_THUMB_SIDE && a->h <= PL_PUBLISH_THUMB_SIDE &&
	    data->len <= PL_PUBLISH_THUMB_BYTES))
		return;
	err = pl_thumb_make(&t, &a->tw, &a->th, (const unsigned char *)
	    data->ptr, data->len, PL_PUBLISH_THUMB_MAX);
	if (err != PL_OK) {
		if (pl_strlist_find(&s->p->warnings, pl_error_last()) < 0)
			pl_strlist_push(&s->p->warnings, pl_error_last());
		pl_error_clear();
		pl_buf_release(&t);
		return;
	}
	stem = pl_xstrndup(a->name, ext != NULL ? (size_t)(ext - a->name) :
	    strlen(a->name));
	a->thumb = pl_xasprintf("%s/%s.thumb%s", it->id, stem,
	    ext != NULL ? ext : "");
	path = pl_xasprintf("items/%s", a->thumb);
	pl_publish_add(s->p, path, "thumbnail", it->id, &t);
	free(stem);
	free(path);
}

/* The text of an image's children: its alt text. */
static void
alt_of(struct pl_buf *out, cmark_node *img)
{
	cmark_iter	 *it = cmark_iter_new(img);
	cmark_event_type  ev;
	cmark_node	 *n;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER && (cmark_node_get_type(n) ==
		    CMARK_NODE_TEXT || cmark_node_get_type(n) ==
		    CMARK_NODE_CODE))
			pl_buf_puts(out, cmark_node_get_literal(n));
	}
	cmark_iter_free(it);
}

/*
 * The alt text the learner wrote for attachment a, in the body's
 * Markdown: the first image "![alt](NAME)" whose URL is the file's name,
 * its path from the top, or "<id>/NAME"; NULL when none or empty.
 */
static char *
learner_alt(const struct item *it, const struct att *a)
{
	const char	 *body = it->e->doc->body;
	cmark_node	 *doc, *n;
	cmark_iter	 *iter;
	cmark_event_type  ev;
	struct pl_buf	  alt = PL_BUF_INIT;

	if (body == NULL || *body == '\0')
		return NULL;
	doc = cmark_parse_document(body, strlen(body), CMARK_OPT_VALIDATE_UTF8);
	iter = cmark_iter_new(doc);
	while (alt.len == 0 && (ev = cmark_iter_next(iter)) !=
	    CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(iter);
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) ==
		    CMARK_NODE_IMAGE && cmark_node_get_url(n) != NULL &&
		    pl_publish_names_file(cmark_node_get_url(n), a->src,
		    it->id))
			alt_of(&alt, n);
	}
	cmark_iter_free(iter);
	cmark_node_free(doc);
	if (alt.len == 0) {
		pl_buf_release(&alt);
		return NULL;
	}
	return pl_buf_detach(&alt);
}

/*
 * An attachment's bytes as the site has them.  Text (no NUL in its first
 * 8,000 bytes, git's rule) has its email addresses masked as the pages
 * have; a PDF or another file that seems to hold one is copied as it is,
 * pl not knowing how to rewrite it, with a warning.  Images, audio and
 * video are not searched: any run of their bytes may look like one.
 */
static void
att_emails(struct site *s, const struct item *it, const struct att *a,
    struct pl_buf *data)
{
	struct pl_buf	masked = PL_BUF_INIT;

	if ((a->kind != ATT_OTHER && a->kind != ATT_PDF) ||
	    !pl_publish_has_email(data->ptr, data->len))
		return;
	if (a->kind == ATT_OTHER && memchr(data->ptr, '\0', data->len < 8000 ?
	    data->len : 8000) == NULL) {
		pl_publish_mask_emails(&masked, data->ptr, data->len);
		pl_buf_release(data);
		*data = masked;
		return;
	}
	pl_strlist_push_owned(&s->p->warnings, pl_xasprintf("%s: the "
	    "attachment '%s' seems to hold an email address; published as "
	    "it is", it->e->path, a->src));
}

/*
 * The attachments of evidence item it, read from the commit: each must
 * be a file in evidence/<id>/ (PL_EUNSAFE else, for a link or a
 * submodule too); one the commit does not have is a warning.
 */
static int
add_attachments(struct site *s, struct pl_portfolio *pf, struct item *it,
    struct pl_strlist *files)
{
	struct pl_buf	 data = PL_BUF_INIT;
	struct att	*a;
	char		*path;
	size_t		 i;
	int		 err = PL_OK;

	it->atts = pl_xcalloc(files->n + 1, sizeof *it->atts);
	for (i = 0; i < files->n && err == PL_OK; i++) {
		if (!in_folder(files->v[i], it->id)) {
			err = pl_error_set(PL_EUNSAFE, "%s: the attachment "
			    "'%s' is not in evidence/%s/; nothing published",
			    it->e->path, files->v[i], it->id);
			break;
		}
		pl_buf_clear(&data);
		if ((err = pl_portfolio_read(&data, pf, files->v[i])) ==
		    PL_ENOTFOUND) {
			pl_strlist_push_owned(&s->p->warnings, pl_xasprintf(
			    "%s: the attachment '%s' is not in the commit; "
			    "left out", it->e->path, files->v[i]));
			pl_error_clear();
			err = PL_OK;
			continue;
		}
		if (err != PL_OK) {
			err = pl_error_set(err, "%s: the attachment '%s' "
			    "cannot be published: %s; nothing published",
			    it->e->path, files->v[i], pl_error_last());
			break;
		}
		a = &it->atts[it->natts];
		a->src = files->v[i];
		a->name = site_name(it, a->src);
		it->natts++;
		a->href = pl_xasprintf("%s/%s", it->id, a->name);
		a->alt = learner_alt(it, a);
		att_kind(a, &data);
		att_emails(s, it, a, &data);
		thumbnail(s, it, a, &data);
		path = pl_xasprintf("items/%s", a->href);
		pl_publish_add(s->p, path, "attachment", it->id, &data);
		free(path);
	}
	pl_buf_release(&data);
	return err;
}


static int
in_list(const void *const *v, size_t n, const void *x)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (v[i] == x)
			return 1;
	return 0;
}

/*
 * The goals the shown items link, in the order first linked: those the
 * family view shows at the commit published and at HEAD.
 */
static void
add_goals(struct site *s, const struct pl_strlist *ids)
{
	const struct pl_report_goal	*g;
	size_t				 i;

	for (i = 0; i < ids->n; i++) {
		g = pl_report_goal_find(s->r, ids->v[i]);
		if (g == NULL || in_list((const void *const *)s->goals,
		    s->ngoals, g) || pl_report_goal_find(s->now, g->id) ==
		    NULL)
			continue;
		s->goals = pl_xrealloc(s->goals, (s->ngoals + 1) *
		    sizeof *s->goals);
		s->goals[s->ngoals++] = g;
	}
}

static void
add_standards(struct site *s, const struct pl_strlist *codes)
{
	const struct pl_report_standard	*st;
	size_t				 i;

	for (i = 0; i < codes->n; i++) {
		st = pl_report_standard_find(s->r, codes->v[i]);
		if (st == NULL || in_list((const void *const *)s->standards,
		    s->nstandards, st))
			continue;
		s->standards = pl_xrealloc(s->standards, (s->nstandards + 1) *
		    sizeof *s->standards);
		s->standards[s->nstandards++] = st;
	}
}

/* The words of doc's "show" list that allow something beyond the items. */
static unsigned
show_of(const struct pl_doc *doc)
{
	static const char *const words[] = { "strengths", "interests",
	    "ratings" };
	struct pl_strlist	 l = PL_STRLIST_INIT;
	unsigned		 bits = 0, i;

	if (doc != NULL && pl_doc_get_list(doc, "showcase", "show", &l) !=
	    PL_OK)
		pl_error_clear();
	for (i = 0; i < 3; i++)
		if (pl_strlist_find(&l, words[i]) >= 0)
			bits |= 1u << i;
	pl_strlist_release(&l);
	return bits;
}

/*
 * What "show" allows beyond the items: what the showcase allowed at the
 * commit published and still allows at HEAD (a permission taken back is
 * taken back from an older site too).
 */
static void
read_show(struct site *s)
{
	unsigned	bits = show_of(s->doc) & show_of(s->now_doc);

	s->strengths = (bits & 1) != 0;
	s->interests = (bits & 2) != 0;
	s->ratings = (bits & 4) != 0;
}

static int
gather(struct site *s, struct pl_portfolio *head, struct pl_portfolio *pf,
    struct pl_showcase_item *si, size_t n)
{
	struct item	*it;
	size_t		 i;
	int		 err = PL_OK;

	read_show(s);
	s->profile_shown = !s->r->profile_hidden && !s->now->profile_hidden;
	s->items = pl_xcalloc(n + 1, sizeof *s->items);
	for (i = 0; i < n; i++)
		choose(s, head, &si[i]);
	for (i = 0; i < s->nitems && err == PL_OK; i++) {
		it = &s->items[i];
		if (it->refl != NULL) {
			add_goals(s, &it->refl->goals);
			continue;
		}
		add_goals(s, &it->ev->goals);
		add_standards(s, &it->ev->standards);
		if (pl_doc_get_list(it->e->doc, it->e->path, "files",
		    &it->files) != PL_OK)
			pl_error_clear();
		err = add_attachments(s, pf, it, &it->files);
	}
	return err;
}

static void
site_release(struct site *s)
{
	struct item	*it;
	size_t		 i, k;

	for (i = 0; i < s->nitems; i++) {
		it = &s->items[i];
		for (k = 0; k < it->natts; k++) {
			free(it->atts[k].name);
			free(it->atts[k].href);
			free(it->atts[k].thumb);
			free(it->atts[k].alt);
		}
		for (k = 0; k < it->nratings; k++)
			free(it->ratings[k].by);
		free(it->atts);
		free(it->ratings);
		free(it->page);
		pl_strlist_release(&it->files);
		pl_entry_free(it->e);
	}
	free(s->items);
	free(s->goals);
	free(s->standards);
}

static int
file_cmp(const void *a, const void *b)
{
	return strcmp(((const struct pl_publish_file *)a)->path,
	    ((const struct pl_publish_file *)b)->path);
}

/* The portfolio at the commit r was made from, through head's repository. */
static int
open_commit(struct pl_portfolio **out, struct pl_portfolio *head,
    const struct pl_report *r)
{
	return pl_portfolio_open(out,
	    git_repository_path(pl_portfolio_repo(head)), r->commit);
}

/*
 * With --as-of, the family view at HEAD as well (*out NULL without):
 * what it leaves out was made private after the commit published.
 */
static int
build_now(struct pl_report **out, struct pl_portfolio *head,
    const struct pl_report_options *as_of)
{
	struct pl_report_options	ro = *as_of;

	*out = NULL;
	if (as_of->as_of == NULL)
		return PL_OK;
	ro.as_of = NULL;
	return pl_report_build(out, head, &ro);
}

/*
 * The showcase's front matter at HEAD: sc's without --as-of, else HEAD's
 * own (into *now), NULL when HEAD has none that parses (nothing allowed).
 */
static const struct pl_doc *
now_showcase(struct pl_showcase **now, struct pl_portfolio *head,
    const char *name, const struct pl_publish_options *o,
    const struct pl_showcase *sc)
{
	if (o->as_of == NULL)
		return sc->doc;
	if (pl_showcase_load(now, head, name) != PL_OK) {
		pl_error_clear();
		*now = NULL;
		return NULL;
	}
	return (*now)->doc;
}

int
pl_publish_build(struct pl_publish **out, struct pl_portfolio *head,
    const char *name, const struct pl_publish_options *o)
{
	struct pl_report_options	 ro;
	struct pl_report		*r = NULL, *now = NULL;
	struct pl_portfolio		*pf = NULL;
	struct pl_showcase		*sc = NULL, *now_sc = NULL;
	struct pl_showcase_item		*si = NULL;
	struct site			 s;
	size_t				 n = 0;
	int				 err;

	*out = NULL;
	memset(&s, 0, sizeof s);
	memset(&ro, 0, sizeof ro);
	ro.as_of = o->as_of;
	ro.view = PL_VIEW_FAMILY;
	ro.codes = 1;
	ro.scope = PL_SCOPE_GRADE;
	s.p = pl_xcalloc(1, sizeof *s.p);
	s.version = o->version;
	if ((err = pl_showcase_check_name(name)) != PL_OK ||
	    (err = pl_report_build(&r, head, &ro)) != PL_OK ||
	    (err = build_now(&now, head, &ro)) != PL_OK ||
	    (err = open_commit(&pf, head, r)) != PL_OK ||
	    (err = pl_showcase_load(&sc, pf, name)) != PL_OK ||
	    (err = pl_showcase_resolve(&si, &n, pf, sc)) != PL_OK)
		goto done;
	s.r = r;
	s.now = now != NULL ? now : r;
	s.doc = sc->doc;
	s.now_doc = now_showcase(&now_sc, head, name, o, sc);
	memcpy(s.p->commit, r->commit, sizeof s.p->commit);
	memcpy(s.p->commit_date, r->commit_date, sizeof s.p->commit_date);
	s.p->name = pl_xstrdup(name);
	s.p->title = pl_xstrdup(pl_doc_get(sc->doc, "title") != NULL ?
	    pl_doc_get(sc->doc, "title") : name);
	if ((err = gather(&s, head, pf, si, n)) != PL_OK)
		goto done;
	pl_publish_pages(&s);
	qsort(s.p->files, s.p->nfiles, sizeof *s.p->files, file_cmp);
	*out = s.p;
	s.p = NULL;
done:
	site_release(&s);
	pl_showcase_items_free(si, n);
	pl_showcase_free(now_sc);
	pl_showcase_free(sc);
	pl_portfolio_free(pf);
	pl_report_free(now);
	pl_report_free(r);
	pl_publish_free(s.p);
	return err;
}

void
pl_publish_json(struct pl_buf *out, const struct pl_publish *p)
{
	struct pl_buf	 title = PL_BUF_INIT;
	struct pl_jw	 w;
	size_t		 i;

	pl_publish_mask_emails(&title, p->title, strlen(p->title));
	pl_jw_init(&w, out);
	pl_jw_open(&w, NULL, '{');
	pl_jw_str(&w, "showcase", p->name);
	pl_jw_str(&w, "title", pl_buf_cstr(&title));
	pl_jw_str(&w, "commit", p->commit);
	pl_jw_str(&w, "commit_date", p->commit_date);
	pl_jw_open(&w, "files", '[');
	for (i = 0; i < p->nfiles; i++) {
		pl_jw_open(&w, NULL, '{');
		pl_jw_str(&w, "path", p->files[i].path);
		pl_jw_str(&w, "role", p->files[i].role);
		pl_jw_str(&w, "item", p->files[i].item);
		pl_jw_int(&w, "bytes", (long long)p->files[i].data.len);
		pl_jw_str(&w, "sha1", p->files[i].sha1);
		pl_jw_close(&w, '}');
	}
	pl_jw_close(&w, ']');
	pl_jw_open(&w, "left_out", '[');
	for (i = 0; i < p->nleft; i++) {
		pl_jw_open(&w, NULL, '{');
		pl_jw_str(&w, "id", p->left[i].id);
		pl_jw_str(&w, "reason", p->left[i].reason);
		pl_jw_close(&w, '}');
	}
	pl_jw_close(&w, ']');
	pl_jw_strlist(&w, "warnings", &p->warnings);
	pl_jw_close(&w, '}');
	pl_jw_end(&w);
	pl_buf_release(&title);
}
