/*
 * Showcases.  A showcase is the learner's own writing as much as pl's
 * (an introduction, a note per item, comments in between), so pl
 * rewrites only the lines of the items it adds, takes out or moves: each
 * item keeps the lines the person wrote for it, and the result must read
 * back as the re-emitted file would, or that file is written.  The body
 * is never touched.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <git2.h>

#include "store/portfolio.h"
#include "pl/entries/showcase.h"
#include "pl/entries/visibility.h"
#include "pl/base/slug.h"
#include "pl/base/text.h"

static const char *const show_words[] = { "strengths", "interests",
	"ratings", NULL };

int
pl_showcase_check_name(const char *name)
{
	if (!pl_id_valid(name))
		return pl_error_set(PL_EINVAL, "invalid showcase name '%s' "
		    "(use lower-case letters, digits and '-')", name);
	return PL_OK;
}

static char *
showcase_path(const char *name)
{
	return pl_xasprintf("%s/%s.md", PL_SHOWCASE_DIR, name);
}

void
pl_showcase_free(struct pl_showcase *s)
{
	if (s == NULL)
		return;
	free(s->name);
	free(s->path);
	pl_doc_free(s->doc);
	pl_buf_release(&s->text);
	free(s);
}

/* Reads and parses the committed file of showcase name, unchecked. */
static int
showcase_read(struct pl_showcase **out, struct pl_portfolio *pf,
    const char *name)
{
	struct pl_showcase	*s;
	int			 err;

	*out = NULL;
	if ((err = pl_showcase_check_name(name)) != PL_OK)
		return err;
	s = pl_xcalloc(1, sizeof *s);
	s->name = pl_xstrdup(name);
	s->path = showcase_path(name);
	if ((err = pl_portfolio_read(&s->text, pf, s->path)) == PL_ENOTFOUND)
		err = pl_error_set(PL_ENOTFOUND, "unknown showcase '%s'", name);
	if (err == PL_OK)
		err = pl_doc_parse(&s->doc, s->path, s->text.ptr, s->text.len);
	if (err != PL_OK) {
		pl_showcase_free(s);
		return err;
	}
	*out = s;
	return PL_OK;
}

int
pl_showcase_load(struct pl_showcase **out, struct pl_portfolio *pf,
    const char *name)
{
	int	err;

	if ((err = showcase_read(out, pf, name)) != PL_OK ||
	    (err = pl_showcase_check(*out)) == PL_OK)
		return err;
	pl_showcase_free(*out);
	*out = NULL;
	return err;
}

/* 1 when w is one of what "show" takes. */
static int
show_word(const char *w)
{
	size_t	i;

	for (i = 0; show_words[i] != NULL; i++)
		if (strcmp(w, show_words[i]) == 0)
			return 1;
	return 0;
}

/* The items: a list of mappings, each with a valid id, no id twice. */
static int
check_items(const struct pl_showcase *s)
{
	struct pl_node *const	*v;
	const struct pl_node	*m;
	struct pl_strlist	 seen = PL_STRLIST_INIT;
	const char		*id;
	size_t			 i, k, n;
	int			 err;

	if ((err = pl_doc_get_maps(s->doc, s->path, "items", &v, &n)) != PL_OK)
		return err;
	for (i = 0; i < n && err == PL_OK; i++) {
		m = v[i];
		id = pl_node_get(m, "id");
		if (id == NULL || !pl_id_valid(id))
			err = pl_error_set(PL_EINVAL, "%s:%d: item %zu needs an "
			    "'id' of evidence or a reflection", s->path,
			    m->line, i + 1);
		else if (pl_strlist_find(&seen, id) >= 0)
			err = pl_error_set(PL_EINVAL, "%s:%d: '%s' is in the "
			    "items twice", s->path, m->line, id);
		for (k = 0; k < m->n && err == PL_OK; k++)
			if (strcmp(m->keys[k], "note") == 0 &&
			    m->items[k]->kind != PL_NODE_SCALAR)
				err = pl_error_set(PL_EINVAL, "%s:%d: the note "
				    "of '%s' must be text", s->path,
				    m->items[k]->line, id);
		pl_strlist_push(&seen, id != NULL ? id : "");
	}
	pl_strlist_release(&seen);
	return err;
}

int
pl_showcase_check(const struct pl_showcase *s)
{
	struct pl_strlist	 l = PL_STRLIST_INIT;
	const char		*title = pl_doc_get(s->doc, "title");
	const char		*created = pl_doc_get(s->doc, "created");
	char			*what;
	size_t			 i;
	int			 err;

	if (title == NULL || *title == '\0')
		return pl_error_set(PL_EINVAL, "%s: 'title' is missing",
		    s->path);
	what = pl_xasprintf("%s: 'title'", s->path);
	err = pl_text_check_line(what, title);
	free(what);
	if (err != PL_OK)
		return err;
	if (created == NULL || !pl_date_valid(created))
		return pl_error_set(PL_EINVAL, "%s: 'created' must be a date "
		    "(YYYY-MM-DD)", s->path);
	if ((err = pl_doc_get_list(s->doc, s->path, "show", &l)) == PL_OK)
		for (i = 0; i < l.n && err == PL_OK; i++)
			if (!show_word(l.v[i]))
				err = pl_error_set(PL_EINVAL, "%s: 'show' "
				    "takes strengths, interests and ratings, "
				    "not '%s'", s->path, l.v[i]);
	pl_strlist_release(&l);
	if (err == PL_OK)
		err = check_items(s);
	return err;
}

int
pl_showcase_names(struct pl_strlist *out, struct pl_portfolio *pf)
{
	return pl_portfolio_list(out, pf, PL_SHOWCASE_DIR, ".md");
}

size_t
pl_showcase_count(const struct pl_showcase *s)
{
	struct pl_node *const	*v;
	size_t			 n;

	if (pl_doc_get_maps(s->doc, s->path, "items", &v, &n) != PL_OK) {
		pl_error_clear();
		return 0;
	}
	return n;
}

const char *
pl_showcase_left_name(enum pl_showcase_left l)
{
	static const char *const names[] = { NULL, "private", "missing",
		"unreadable" };

	return names[l];
}

/*
 * The evidence or reflection id: PL_ENOTFOUND "unknown evidence or
 * reflection 'x'", PL_EINVAL for a goal's id or one both kinds have,
 * PL_EPARSE for a file that does not parse.
 */
static int
find_entry(struct pl_entry **out, struct pl_portfolio *pf, const char *id)
{
	char	*other;
	int	 err, both;

	if ((err = pl_entry_load(out, pf, PL_KIND_EVIDENCE, id)) == PL_OK) {
		other = pl_entry_path(PL_KIND_REFLECTION, id);
		both = pl_portfolio_exists(pf, other);
		free(other);
		if (!both)
			return PL_OK;
		pl_entry_free(*out);
		*out = NULL;
		return pl_error_set(PL_EINVAL, "'%s' is both evidence and a "
		    "reflection; rename one (pl evidence mv)", id);
	}
	if (err != PL_ENOTFOUND ||
	    (err = pl_entry_load(out, pf, PL_KIND_REFLECTION, id)) !=
	    PL_ENOTFOUND)
		return err;
	other = pl_entry_path(PL_KIND_GOAL, id);
	both = pl_portfolio_exists(pf, other);
	free(other);
	if (both)
		return pl_error_set(PL_EINVAL, "'%s' is a goal; a showcase "
		    "holds evidence and reflections", id);
	return pl_error_set(PL_ENOTFOUND, "unknown evidence or reflection "
	    "'%s'", id);
}

/* find_entry(), and never a private entry: what adding one checks. */
static int
check_entry(struct pl_portfolio *pf, const char *id)
{
	struct pl_entry	*e;
	int		 err;

	if ((err = find_entry(&e, pf, id)) != PL_OK)
		return err;
	if (pl_doc_private(e->doc))
		err = pl_error_set(PL_EINVAL, "%s '%s' is private; a showcase "
		    "never shows a private entry", pl_kind_name(e->kind), id);
	pl_entry_free(e);
	return err;
}

int
pl_showcase_resolve(struct pl_showcase_item **out, size_t *n,
    struct pl_portfolio *pf, const struct pl_showcase *s)
{
	struct pl_node *const	*v;
	struct pl_showcase_item	*it;
	size_t			 i;
	int			 err;

	*out = NULL;
	if ((err = pl_doc_get_maps(s->doc, s->path, "items", &v, n)) != PL_OK)
		return err;
	*out = it = pl_xcalloc(*n + 1, sizeof *it);
	for (i = 0; i < *n; i++) {
		it[i].id = pl_node_get(v[i], "id");
		it[i].note = pl_node_get(v[i], "note");
		err = find_entry(&it[i].e, pf, it[i].id);
		if (err == PL_ENOTFOUND || err == PL_EINVAL)
			it[i].left = PL_SHOWCASE_GONE;
		else if (err != PL_OK)
			it[i].left = PL_SHOWCASE_UNREADABLE;
		else if (pl_doc_private(it[i].e->doc))
			it[i].left = PL_SHOWCASE_PRIVATE;
		/* what is left out is never read further */
		if (it[i].left != PL_SHOWCASE_IN) {
			pl_entry_free(it[i].e);
			it[i].e = NULL;
		}
	}
	pl_error_clear();
	return PL_OK;
}

void
pl_showcase_items_free(struct pl_showcase_item *it, size_t n)
{
	size_t	i;

	for (i = 0; it != NULL && i < n; i++)
		pl_entry_free(it[i].e);
	free(it);
}

/*
 * Rewriting the items.  A plan is the new list of items in order, each
 * the node it will be and the old item it was (-1: made by pl).
 */
struct plan {
	struct pl_doc	*doc;		/* the new file, items installed */
	struct pl_node	**v;		/* the items, owned until installed */
	long		*src;
	size_t		 n;
};

/* The list node under "items" of doc, or NULL when it holds none. */
static struct pl_node *
items_of(const struct pl_doc *doc)
{
	size_t	i;

	for (i = 0; i < doc->fm->n; i++)
		if (strcmp(doc->fm->keys[i], "items") == 0)
			return doc->fm->items[i]->kind == PL_NODE_SEQ ?
			    doc->fm->items[i] : NULL;
	return NULL;
}

/* A plan that keeps s's items as they are, on a copy of its file. */
static int
plan_begin(struct plan *p, const struct pl_showcase *s)
{
	struct pl_node	*seq;
	size_t		 i;
	int		 err;

	memset(p, 0, sizeof *p);
	if ((err = pl_doc_parse(&p->doc, s->path, s->text.ptr, s->text.len)) !=
	    PL_OK)
		return err;
	if ((seq = items_of(p->doc)) == NULL)
		return PL_OK;
	p->n = seq->n;
	p->v = pl_xcalloc(p->n + 1, sizeof *p->v);
	p->src = pl_xcalloc(p->n + 1, sizeof *p->src);
	for (i = 0; i < p->n; i++) {
		p->v[i] = seq->items[i];
		p->src[i] = (long)i;
	}
	seq->n = 0;	/* the plan owns them now */
	return PL_OK;
}

static void
plan_release(struct plan *p)
{
	size_t	i;

	for (i = 0; p->v != NULL && i < p->n; i++)
		pl_node_free(p->v[i]);
	free(p->v);
	free(p->src);
	pl_doc_free(p->doc);
}

/* The index of the item of id in the plan, or -1. */
static long
plan_find(const struct plan *p, const char *id)
{
	size_t	i;

	for (i = 0; i < p->n; i++)
		if (strcmp(pl_node_get(p->v[i], "id") != NULL ?
		    pl_node_get(p->v[i], "id") : "", id) == 0)
			return (long)i;
	return -1;
}

/* Puts node, from old item src, at index at. */
static void
plan_insert(struct plan *p, size_t at, struct pl_node *node, long src)
{
	p->v = pl_xrealloc(p->v, (p->n + 2) * sizeof *p->v);
	p->src = pl_xrealloc(p->src, (p->n + 2) * sizeof *p->src);
	memmove(p->v + at + 1, p->v + at, (p->n - at) * sizeof *p->v);
	memmove(p->src + at + 1, p->src + at, (p->n - at) * sizeof *p->src);
	p->v[at] = node;
	p->src[at] = src;
	p->n++;
}

/* Takes item i out of the plan; the caller owns its node. */
static struct pl_node *
plan_take(struct plan *p, size_t i)
{
	struct pl_node	*node = p->v[i];

	memmove(p->v + i, p->v + i + 1, (p->n - i - 1) * sizeof *p->v);
	memmove(p->src + i, p->src + i + 1, (p->n - i - 1) * sizeof *p->src);
	p->n--;
	return node;
}

/* Puts the plan's items under "items" of its doc, which then owns them. */
static void
plan_install(struct plan *p)
{
	struct pl_strlist	none = PL_STRLIST_INIT;
	size_t			i;

	pl_doc_set(p->doc, "items", NULL, PL_SCALAR_STR);
	if (p->n == 0)
		pl_doc_set_list(p->doc, "items", &none);
	for (i = 0; i < p->n; i++)
		pl_doc_append(p->doc, "items", p->v[i]);
	free(p->v);
	p->v = NULL;
}

/* The start of line n (1-based) of s, or NULL. */
static const char *
line_at(const char *s, int n)
{
	while (--n > 0 && s != NULL)
		if ((s = strchr(s, '\n')) != NULL)
			s++;
	return s;
}

static const char *
next_line(const char *s)
{
	const char	*nl = strchr(s, '\n');

	return nl != NULL ? nl + 1 : s + strlen(s);
}

/* The emitter's lines for item, a block list item, after indent spaces. */
static void
emit_item(struct pl_buf *out, struct pl_node *item, size_t indent)
{
	struct pl_doc	*d = pl_doc_new();
	struct pl_buf	 b = PL_BUF_INIT;
	const char	*p, *e;
	size_t		 i;

	pl_doc_append(d, "items", item);
	pl_doc_serialize(d, &b);
	items_of(d)->n = 0;	/* item is the plan's */
	pl_doc_free(d);
	p = strstr(b.ptr, "\nitems:\n");
	for (p = p != NULL ? p + 8 : b.ptr + b.len; *p != '\0' &&
	    strncmp(p, "---", 3) != 0; p = e) {
		e = next_line(p);
		for (i = 0; i < indent; i++)
			pl_buf_putc(out, ' ');
		pl_buf_put(out, p, (size_t)(e - p));
	}
	pl_buf_release(&b);
}

/*
 * Where old's items are written in its text, line by line.  An item's
 * lines are its own (from its "-" on while they are indented under it)
 * and the comment lines just above it, which go where it goes.
 */
struct spans {
	const char	*key;		/* the "items:" line, or NULL */
	const char	*close;		/* the closing "---" line */
	const char	**start;	/* each item's lines, comments first */
	const char	*end;		/* the line after the last item's */
	size_t		 indent;	/* of each item's "-" */
	size_t		 n;
};

/* The line after item's own lines: those indented more than indent. */
static const char *
item_end(const char *item, const char *close, size_t indent)
{
	const char	*p;
	size_t		 ind;

	for (p = next_line(item); p < close; p = next_line(p)) {
		ind = strspn(p, " ");
		if (ind <= indent || p[ind] == '\n' || p[ind] == '#')
			break;
	}
	return p;
}

/* 0 when the items are not written as pl can follow: a block list. */
static int
spans_find(struct spans *sp, const char *text, const struct pl_doc *old)
{
	const struct pl_node	*seq = items_of(old);
	const char		*p, *fm_end;
	size_t			 i, ind;

	memset(sp, 0, sizeof *sp);
	if (strncmp(text, PL_DOC_BOM, 3) == 0 || strncmp(text, "---\n", 4) != 0)
		return 0;
	fm_end = line_at(text, old->body_line);
	for (p = next_line(text); p < fm_end && *p != '\0'; p = next_line(p)) {
		if (strncmp(p, "items:", 6) == 0 && sp->key == NULL)
			sp->key = p;
		if (strncmp(p, "---", 3) == 0)
			sp->close = p;
	}
	if (sp->close == NULL)
		return 0;
	sp->n = seq != NULL ? seq->n : 0;
	if (sp->n == 0)
		return sp->key != NULL || pl_doc_node(old, "items") == NULL;
	sp->start = pl_xcalloc(sp->n, sizeof *sp->start);
	for (i = 0; i < sp->n; i++) {
		p = line_at(text, seq->items[i]->line);
		if (p == NULL || sp->key == NULL || p <= sp->key ||
		    p >= sp->close || (i > 0 && p < sp->end))
			return 0;
		ind = strspn(p, " ");
		if (p[ind] != '-' || (i > 0 && ind != sp->indent))
			return 0;
		sp->indent = ind;
		/* from the end of the item before: comments above it */
		sp->start[i] = i > 0 ? sp->end : next_line(sp->key);
		sp->end = item_end(p, sp->close, ind);
	}
	return 1;
}

/* The text of item i of the plan: the person's lines, or made. */
static void
put_item(struct pl_buf *out, const struct plan *p, size_t i,
    const struct spans *sp)
{
	long	j = p->src[i];

	if (j < 0)
		emit_item(out, p->v[i], sp->indent);
	else
		pl_buf_put(out, sp->start[j], (size_t)((size_t)j + 1 < sp->n ?
		    sp->start[j + 1] - sp->start[j] : sp->end - sp->start[j]));
}

/*
 * Into out, s's text with its items as the plan has them: the lines
 * between and around them as written, each kept item's own lines, the
 * new ones made.  0 when the text cannot be made so.
 */
static int
patch_items(struct pl_buf *out, const struct pl_showcase *s,
    const struct plan *p)
{
	struct spans	 sp;
	const char	*text = s->text.ptr, *from, *to;
	size_t		 i;
	int		 ok;

	if (!(ok = spans_find(&sp, text, s->doc)))
		goto done;
	if (sp.n > 0 && p->n > 0) {
		from = sp.start[0];
		to = sp.end;
	} else if (sp.n > 0) {
		from = sp.key;
		to = sp.end;
	} else {
		from = sp.key != NULL ? sp.key : sp.close;
		to = sp.key != NULL ? next_line(sp.key) : sp.close;
	}
	pl_buf_put(out, text, (size_t)(from - text));
	if (p->n == 0)
		pl_buf_puts(out, "items: []\n");
	else if (sp.n == 0)
		pl_buf_puts(out, "items:\n");
	for (i = 0; i < p->n; i++)
		put_item(out, p, i, &sp);
	pl_buf_puts(out, to);
done:
	free(sp.start);
	return ok;
}

/*
 * The new text of s once the plan is done: patched when that reads back
 * as the re-emitted file, else re-emitted (the body as it was, always).
 */
static void
plan_text(struct pl_buf *out, const struct pl_showcase *s, struct plan *p)
{
	struct pl_buf	 patched = PL_BUF_INIT, emitted = PL_BUF_INIT;
	struct pl_buf	 check = PL_BUF_INIT;
	struct pl_doc	*back = NULL;
	int		 ok;

	ok = patch_items(&patched, s, p);
	plan_install(p);
	pl_doc_serialize(p->doc, &emitted);
	if (ok && pl_doc_parse(&back, s->path, patched.ptr, patched.len) ==
	    PL_OK) {
		pl_doc_serialize(back, &check);
		ok = check.len == emitted.len && memcmp(check.ptr, emitted.ptr,
		    emitted.len) == 0;
	} else
		ok = 0;
	pl_error_clear();
	pl_buf_put(out, ok ? patched.ptr : emitted.ptr, ok ? patched.len :
	    emitted.len);
	pl_doc_free(back);
	pl_buf_release(&patched);
	pl_buf_release(&emitted);
	pl_buf_release(&check);
}

/* Commits text as s's file (NULL: removes it) with msg. */
static int
commit_showcase(struct pl_portfolio *pf, const struct pl_showcase *s,
    const struct pl_buf *text, struct pl_msg *msg)
{
	struct pl_tx	*tx = NULL;
	int		 err;

	msg->kind = "showcase";
	msg->id = s->name;
	if ((err = pl_tx_begin(&tx, pf)) == PL_OK) {
		if (text != NULL)
			err = pl_tx_put(tx, s->path, text->ptr, text->len);
		else
			err = pl_tx_remove(tx, s->path);
	}
	if (err == PL_OK)
		err = pl_tx_commit(tx, msg);
	pl_tx_free(tx);
	return err;
}

/* The showcase's title for sentences: its title, else its name. */
static const char *
title_of(const struct pl_showcase *s)
{
	const char	*t = pl_doc_get(s->doc, "title");

	return t != NULL && *t != '\0' ? t : s->name;
}

/*
 * "the evidence "Title"", "the reflection <id>" or "the item <id>" into
 * b, and its "Pl-Evidence: id" trailer into msg.
 */
static void
describe(struct pl_buf *b, struct pl_msg *msg, struct pl_portfolio *pf,
    const char *id)
{
	struct pl_entry	*e = NULL;
	const char	*t;

	if (find_entry(&e, pf, id) != PL_OK) {
		pl_error_clear();
		pl_buf_printf(b, "the item %s", id);
		return;
	}
	t = pl_doc_get(e->doc, "title");
	pl_buf_printf(b, "the %s ", pl_kind_name(e->kind));
	if (t != NULL && *t != '\0')
		pl_buf_printf(b, "\"%s\"", t);
	else
		pl_buf_puts(b, id);
	if (msg != NULL)
		pl_strlist_push_owned(&msg->trailers, pl_xasprintf("Pl-%s: %s",
		    e->kind == PL_KIND_EVIDENCE ? "Evidence" : "Reflection",
		    id));
	pl_entry_free(e);
}

/*
 * "<Verb> the evidence "A" <rest>." for one id; for more, "<Verb> N
 * entries <rest>: the evidence "A", the reflection b."
 */
static char *
sentence(struct pl_msg *msg, struct pl_portfolio *pf, const char *verb,
    const struct pl_strlist *ids, const char *rest)
{
	struct pl_buf	b = PL_BUF_INIT;
	size_t		i;

	pl_buf_printf(&b, "%s ", verb);
	if (ids->n == 1) {
		describe(&b, msg, pf, ids->v[0]);
		pl_buf_printf(&b, " %s.", rest);
		return pl_buf_detach(&b);
	}
	pl_buf_printf(&b, "%zu entries %s: ", ids->n, rest);
	for (i = 0; i < ids->n; i++) {
		if (i > 0)
			pl_buf_puts(&b, ", ");
		describe(&b, msg, pf, ids->v[i]);
	}
	pl_buf_putc(&b, '.');
	return pl_buf_detach(&b);
}

/* Commits the plan as s's new file. */
static int
plan_commit(struct plan *p, struct pl_portfolio *pf,
    const struct pl_showcase *s, struct pl_msg *msg)
{
	struct pl_buf	text = PL_BUF_INIT;
	int		err;

	plan_text(&text, s, p);
	err = commit_showcase(pf, s, &text, msg);
	pl_buf_release(&text);
	return err;
}

/* Reads "a,b" of --show into l, checked. */
static int
show_list(struct pl_strlist *l, const char *show)
{
	const char	*p = show, *e;
	char		*w;

	while (p != NULL && *p != '\0') {
		e = p + strcspn(p, ",");
		w = pl_xstrndup(p, (size_t)(e - p));
		if (!show_word(w)) {
			pl_error_set(PL_EINVAL, "--show takes strengths, "
			    "interests and ratings, not '%s'", w);
			free(w);
			return PL_EINVAL;
		}
		if (pl_strlist_find(l, w) < 0)
			pl_strlist_push(l, w);
		free(w);
		p = e + (*e == ',');
	}
	return PL_OK;
}

int
pl_showcase_check_spec(struct pl_portfolio *pf,
    const struct pl_showcase_spec *sp)
{
	struct pl_strlist	 l = PL_STRLIST_INIT;
	char			*path;
	int			 err;

	if ((err = pl_showcase_check_name(sp->name)) != PL_OK)
		return err;
	if (sp->title != NULL && (err = pl_text_check_line("--title",
	    sp->title)) != PL_OK)
		return err;
	if (sp->title != NULL && *sp->title == '\0')
		return pl_error_set(PL_EINVAL, "empty --title");
	if ((err = show_list(&l, sp->show)) != PL_OK)
		goto done;
	path = showcase_path(sp->name);
	if (pl_portfolio_exists(pf, path))
		err = pl_error_set(PL_EEXISTS, "showcase '%s' exists already",
		    sp->name);
	free(path);
done:
	pl_strlist_release(&l);
	return err;
}

int
pl_showcase_new(struct pl_portfolio *pf, const struct pl_showcase_spec *sp)
{
	struct pl_showcase	 s = { 0 };
	struct pl_strlist	 show = PL_STRLIST_INIT, none = PL_STRLIST_INIT;
	struct pl_date		 today;
	struct pl_msg		 msg = { 0 };
	struct pl_buf		 text = PL_BUF_INIT;
	char			 day[PL_DATE_LEN], *body = NULL;
	int			 err;

	if ((err = pl_showcase_check_spec(pf, sp)) != PL_OK ||
	    (err = show_list(&show, sp->show)) != PL_OK ||
	    (err = pl_portfolio_today(&today, pf)) != PL_OK)
		goto done;
	pl_date_format(day, today);
	s.name = (char *)sp->name;
	s.path = showcase_path(sp->name);
	s.doc = pl_doc_new();
	pl_doc_set(s.doc, "title", sp->title != NULL ? sp->title : sp->name,
	    PL_SCALAR_STR);
	pl_doc_set(s.doc, "created", day, PL_SCALAR_PLAIN);
	pl_doc_set_list(s.doc, "show", &show);
	pl_doc_set_list(s.doc, "items", &none);
	body = pl_entry_body(sp->intro);
	pl_doc_set_body(s.doc, body);
	pl_doc_serialize(s.doc, &text);
	msg.action = "new";
	msg.sentence = pl_xasprintf("Started the showcase \"%s\".",
	    title_of(&s));
	err = commit_showcase(pf, &s, &text, &msg);
done:
	free((char *)msg.sentence);
	free(s.path);
	pl_doc_free(s.doc);
	free(body);
	pl_buf_release(&text);
	pl_strlist_release(&show);
	return err;
}

/*
 * Where the items go: at the end, or before or after the item of before
 * or after (PL_ENOTFOUND when it is not one).
 */
static int
place(size_t *at, const struct plan *p, const struct pl_showcase *s,
    const char *before, const char *after)
{
	const char	*ref = before != NULL ? before : after;
	long		 i;

	*at = p->n;
	if (ref == NULL)
		return PL_OK;
	if ((i = plan_find(p, ref)) < 0)
		return pl_error_set(PL_ENOTFOUND, "'%s' is not in the showcase "
		    "'%s'", ref, s->name);
	*at = (size_t)i + (before == NULL);
	return PL_OK;
}

/* The entries ids may be added to the plan: known, shown, not in it. */
static int
check_new_ids(struct pl_portfolio *pf, const struct plan *p,
    const struct pl_showcase *s, const struct pl_strlist *ids)
{
	size_t	i;
	int	err;

	for (i = 0; i < ids->n; i++) {
		if ((err = pl_id_check("evidence or reflection", ids->v[i])) !=
		    PL_OK || (err = check_entry(pf, ids->v[i])) != PL_OK)
			return err;
		if (plan_find(p, ids->v[i]) >= 0 ||
		    pl_strlist_find(ids, ids->v[i]) < (int)i)
			return pl_error_set(PL_EEXISTS, "'%s' is in the "
			    "showcase '%s' already", ids->v[i], s->name);
	}
	return PL_OK;
}

/* What add, rm and move read, change and commit. */
struct change {
	struct pl_showcase	*s;
	struct plan		 p;
	struct pl_msg		 msg;
};

static int
change_begin(struct change *c, struct pl_portfolio *pf, const char *name)
{
	int	err;

	memset(c, 0, sizeof *c);
	if ((err = pl_showcase_load(&c->s, pf, name)) != PL_OK)
		return err;
	return plan_begin(&c->p, c->s);
}

/*
 * Commits "showcase: <action> <name>", its sentence "<verb> <the ids>
 * <where> the showcase "<title>"."
 */
static int
change_commit(struct change *c, struct pl_portfolio *pf, const char *action,
    const char *verb, const struct pl_strlist *ids, const char *where)
{
	char	*rest = pl_xasprintf("%s the showcase \"%s\"", where,
		    title_of(c->s));
	int	 err;

	c->msg.action = action;
	c->msg.sentence = sentence(&c->msg, pf, verb, ids, rest);
	err = plan_commit(&c->p, pf, c->s, &c->msg);
	free(rest);
	return err;
}

static void
change_release(struct change *c)
{
	free((char *)c->msg.sentence);
	pl_strlist_release(&c->msg.trailers);
	plan_release(&c->p);
	pl_showcase_free(c->s);
}

/* The index of id in the change's plan; PL_ENOTFOUND when not there. */
static int
change_find(long *at, const struct change *c, const char *id)
{
	if ((*at = plan_find(&c->p, id)) < 0)
		return pl_error_set(PL_ENOTFOUND, "'%s' is not in the showcase "
		    "'%s'", id, c->s->name);
	return PL_OK;
}

int
pl_showcase_add(struct pl_portfolio *pf, const char *name,
    const struct pl_strlist *ids, const char *note, const char *before,
    const char *after)
{
	struct change	 c;
	struct pl_node	*m;
	size_t		 at, i;
	int		 err;

	if ((err = change_begin(&c, pf, name)) != PL_OK ||
	    (err = place(&at, &c.p, c.s, before, after)) != PL_OK ||
	    (err = check_new_ids(pf, &c.p, c.s, ids)) != PL_OK)
		goto done;
	for (i = 0; i < ids->n; i++) {
		m = pl_node_map();
		pl_node_set(m, "id", ids->v[i], PL_SCALAR_STR);
		if (note != NULL)
			pl_node_set(m, "note", note, PL_SCALAR_STR);
		plan_insert(&c.p, at + i, m, -1);
	}
	err = change_commit(&c, pf, "add", "Added", ids, "to");
done:
	change_release(&c);
	return err;
}

int
pl_showcase_remove(struct pl_portfolio *pf, const char *name,
    const struct pl_strlist *ids)
{
	struct change	c;
	size_t		i;
	long		k;
	int		err;

	if ((err = change_begin(&c, pf, name)) != PL_OK)
		goto done;
	for (i = 0; i < ids->n; i++) {
		if ((err = change_find(&k, &c, ids->v[i])) != PL_OK)
			goto done;
		pl_node_free(plan_take(&c.p, (size_t)k));
	}
	err = change_commit(&c, pf, "rm", "Took", ids, "out of");
done:
	change_release(&c);
	return err;
}

int
pl_showcase_move(struct pl_portfolio *pf, const char *name, const char *id,
    const char *before, const char *after)
{
	const char		*ref = before != NULL ? before : after;
	const char		*how = before != NULL ? "before" : "after";
	struct change		 c;
	struct pl_strlist	 one = PL_STRLIST_INIT;
	struct pl_buf		 where = PL_BUF_INIT;
	struct pl_node		*m;
	size_t			 at;
	long			 k, src;
	int			 err;

	if ((err = change_begin(&c, pf, name)) != PL_OK ||
	    (err = change_find(&k, &c, id)) != PL_OK)
		goto done;
	if (strcmp(ref, id) == 0) {
		err = pl_error_set(PL_EINVAL, "cannot move '%s' %s itself", id,
		    how);
		goto done;
	}
	src = c.p.src[k];
	m = plan_take(&c.p, (size_t)k);
	/* back in place first, so that the plan owns it whatever happens */
	err = place(&at, &c.p, c.s, before, after);
	plan_insert(&c.p, err == PL_OK ? at : (size_t)k, m, src);
	if (err != PL_OK)
		goto done;
	if (at == (size_t)k) {
		err = pl_error_set(PL_ENOCHANGE, "'%s' is %s '%s' already; "
		    "nothing committed", id, how, ref);
		goto done;
	}
	pl_strlist_push(&one, id);
	pl_buf_printf(&where, "%s ", how);
	describe(&where, NULL, pf, ref);
	pl_buf_puts(&where, " in");
	err = change_commit(&c, pf, "move", "Moved", &one, where.ptr);
done:
	pl_buf_release(&where);
	pl_strlist_release(&one);
	change_release(&c);
	return err;
}

int
pl_showcase_delete(struct pl_portfolio *pf, const char *name)
{
	struct pl_showcase	*s = NULL;
	struct pl_msg		 msg = { 0 };
	int			 err;

	/* a file that does not parse can go too: it is named, not read */
	if ((err = showcase_read(&s, pf, name)) == PL_EPARSE) {
		pl_error_clear();
		s = pl_xcalloc(1, sizeof *s);
		s->name = pl_xstrdup(name);
		s->path = showcase_path(name);
		s->doc = pl_doc_new();
	} else if (err != PL_OK)
		return err;
	msg.action = "delete";
	msg.sentence = pl_xasprintf("Deleted the showcase \"%s\".",
	    title_of(s));
	err = commit_showcase(pf, s, NULL, &msg);
	free((char *)msg.sentence);
	pl_showcase_free(s);
	return err;
}

/* <gitdir>/pl/EDIT-showcase-<name>.md, its folder made. */
static int
edit_path(char **out, struct pl_portfolio *pf, const char *name)
{
	const char	*gitdir = git_repository_path(pl_portfolio_repo(pf));
	char		*dir = pl_xasprintf("%spl", gitdir);

	*out = NULL;
	if (mkdir(dir, 0777) == -1 && errno != EEXIST) {
		pl_error_set(PL_ERROR, "cannot make '%s': %s", dir,
		    strerror(errno));
		free(dir);
		return PL_ERROR;
	}
	*out = pl_xasprintf("%s/EDIT-showcase-%s.md", dir, name);
	free(dir);
	return PL_OK;
}

/* Refuses now what committing path would refuse, whatever is typed. */
static int
dry_run(struct pl_portfolio *pf, const char *path, const struct pl_buf *text)
{
	struct pl_tx	*tx = NULL;
	int		 err;

	if ((err = pl_tx_begin(&tx, pf)) == PL_OK)
		err = pl_tx_put(tx, path, text->ptr, text->len);
	pl_tx_free(tx);
	if (err == PL_OK)
		err = pl_entry_check_commit(pf);
	return err;
}

int
pl_showcase_edit_begin(char **out, int *resumed, struct pl_portfolio *pf,
    const char *name)
{
	struct pl_buf	 text = PL_BUF_INIT;
	char		*path = NULL;
	int		 err;

	*out = NULL;
	*resumed = 0;
	if ((err = pl_showcase_check_name(name)) != PL_OK)
		return err;
	path = showcase_path(name);
	/* a file that does not parse is what an edit repairs */
	if ((err = pl_portfolio_read(&text, pf, path)) == PL_ENOTFOUND)
		err = pl_error_set(PL_ENOTFOUND, "unknown showcase '%s'", name);
	if (err != PL_OK || (err = dry_run(pf, path, &text)) != PL_OK ||
	    (err = edit_path(out, pf, name)) != PL_OK)
		goto done;
	if (access(*out, F_OK) == 0)
		*resumed = 1;
	else if ((err = pl_write_file(*out, text.ptr, text.len, 0600)) !=
	    PL_OK) {
		free(*out);
		*out = NULL;
	}
done:
	free(path);
	pl_buf_release(&text);
	return err;
}

/* What add checks of an id, for every item of s. */
static int
check_all_entries(struct pl_portfolio *pf, const struct pl_showcase *s)
{
	struct pl_node *const	*v;
	size_t			 i, n;
	int			 err;

	if ((err = pl_doc_get_maps(s->doc, s->path, "items", &v, &n)) != PL_OK)
		return err;
	for (i = 0; i < n; i++)
		if ((err = check_entry(pf, pl_node_get(v[i], "id"))) != PL_OK)
			return pl_error_set(err, "%s:%d: %s", s->path,
			    v[i]->line, pl_error_last());
	return PL_OK;
}

int
pl_showcase_edit_finish(struct pl_portfolio *pf, const char *name,
    const char *edited)
{
	struct pl_showcase	 s = { 0 };
	struct pl_buf		 old = PL_BUF_INIT;
	struct pl_msg		 msg = { 0 };
	int			 err;

	s.name = (char *)name;
	s.path = showcase_path(name);
	if ((err = pl_read_text(&s.text, edited)) != PL_OK ||
	    (err = pl_portfolio_read(&old, pf, s.path)) != PL_OK)
		goto done;
	if (s.text.len == old.len && memcmp(s.text.ptr, old.ptr, old.len) ==
	    0) {
		unlink(edited);
		err = pl_error_set(PL_ENOCHANGE, "%s unchanged; nothing "
		    "committed", s.path);
		goto done;
	}
	if ((err = pl_doc_parse(&s.doc, s.path, s.text.ptr, s.text.len)) !=
	    PL_OK || (err = pl_showcase_check(&s)) != PL_OK ||
	    (err = check_all_entries(pf, &s)) != PL_OK)
		goto done;
	msg.action = "edit";
	msg.sentence = pl_xasprintf("Edited %s by hand.", s.path);
	/* the text as typed, not as re-emitted: it is theirs */
	if ((err = commit_showcase(pf, &s, &s.text, &msg)) == PL_OK)
		unlink(edited);
done:
	free((char *)msg.sentence);
	free(s.path);
	pl_doc_free(s.doc);
	pl_buf_release(&s.text);
	pl_buf_release(&old);
	return err;
}

/*
 * Showcase name's new text when entry id leaves it (to NULL) or is
 * renamed to: 1 with out set, 0 when it does not name id.
 */
static int
follow_one(struct pl_buf *out, struct pl_portfolio *pf, const char *name,
    const char *id, const char *to)
{
	struct pl_showcase	*s = NULL;
	struct plan		 p = { 0 };
	struct pl_node		*m;
	long			 k;
	int			 found = 0;

	if (showcase_read(&s, pf, name) != PL_OK) {
		pl_strlist_push_owned(pl_portfolio_notes_list(pf),
		    pl_xasprintf("%s; left as it is (pl showcase show leaves "
		    "out what is private or gone)", pl_error_last()));
		pl_error_clear();
		return 0;
	}
	if (plan_begin(&p, s) != PL_OK || (k = plan_find(&p, id)) < 0)
		goto done;
	found = 1;
	m = plan_take(&p, (size_t)k);
	/* renamed onto an id it holds already: one item is enough */
	if (to != NULL && plan_find(&p, to) < 0) {
		pl_node_set(m, "id", to, PL_SCALAR_STR);
		plan_insert(&p, (size_t)k, m, -1);
	} else
		pl_node_free(m);
	plan_text(out, s, &p);
done:
	pl_error_clear();
	plan_release(&p);
	pl_showcase_free(s);
	return found;
}

int
pl_showcase_follow(struct pl_portfolio *pf, const char *id, const char *to,
    struct pl_strlist *paths, struct pl_strlist *texts,
    struct pl_strlist *where, struct pl_strlist *trailers)
{
	struct pl_strlist	 names = PL_STRLIST_INIT;
	struct pl_buf		 text = PL_BUF_INIT;
	size_t			 i;
	int			 err;

	if ((err = pl_showcase_names(&names, pf)) != PL_OK)
		goto done;
	for (i = 0; i < names.n; i++) {
		pl_buf_clear(&text);
		if (!follow_one(&text, pf, names.v[i], id, to))
			continue;
		pl_strlist_push_owned(paths, showcase_path(names.v[i]));
		pl_strlist_push(texts, pl_buf_cstr(&text));
		if (where != NULL)
			pl_strlist_push_owned(where, pl_xasprintf("%s/%s.md "
			    "(items)", PL_SHOWCASE_DIR, names.v[i]));
		if (trailers != NULL)
			pl_strlist_push_owned(trailers, pl_xasprintf(
			    "Pl-Showcase: %s", names.v[i]));
	}
done:
	pl_buf_release(&text);
	pl_strlist_release(&names);
	return err;
}

int
pl_showcase_leave(struct pl_portfolio *pf, const struct pl_entry *e,
    struct pl_strlist *paths, struct pl_strlist *texts,
    struct pl_strlist *trailers)
{
	if ((e->kind != PL_KIND_EVIDENCE && e->kind != PL_KIND_REFLECTION) ||
	    !pl_doc_private(e->doc))
		return PL_OK;
	return pl_showcase_follow(pf, e->id, NULL, paths, texts, NULL,
	    trailers);
}
