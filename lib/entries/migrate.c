/*
 * Migration: when a state revises its standards, the codes a learner's
 * goals, evidence and ratings name move to the new ones in one commit,
 * so the history of the work is kept and nothing is aligned twice.
 * Only the codes' own bytes change, where libyaml's marks say they
 * stand (fmspan.h), so comments and layout survive; when that cannot be
 * done (an anchor, a code in a block scalar) the values are migrated and
 * pl_entry_commit_all() writes them as it writes any change.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <yaml.h>

#include "pl/entries/entry.h"
#include "pl/entries/migrate.h"
#include "pl/entries/standards.h"

#include "base/fmspan.h"

struct job {
	struct pl_code_map	 map;
	struct pl_strlist	 fw;	/* per pair: the new code's framework */
	char			*used;	/* per pair: some entry names it */
	struct pl_migration	*out;
	struct pl_strlist	*warnings;
};

/* What becomes of a standards item: NULL kept, drop removed, else new. */
static const char	drop[] = "";

/* Bytes of the file to replace: [start, end) by with ("" removes). */
struct cut {
	size_t		 start;
	size_t		 end;
	char		*with;
};

struct cuts {
	struct cut	*v;
	size_t		 n;
};

void
pl_migration_release(struct pl_migration *m)
{
	pl_strlist_release(&m->entries);
	pl_strlist_release(&m->changes);
	pl_strlist_release(&m->used);
}

/* The pair whose old code is code, case aside, or -1. */
static long
pair_of(const struct pl_code_map *m, const char *code)
{
	size_t	i;

	for (i = 0; code != NULL && i < m->old.n; i++)
		if (strcasecmp(m->old.v[i], code) == 0)
			return (long)i;
	return -1;
}

/*
 * If scalar n names an old code: counts the edit, notes the pair, and
 * returns the new code.
 */
static const char *
note(struct job *j, size_t *edits, char *seen, const struct pl_node *n)
{
	long	k;

	if (n->kind != PL_NODE_SCALAR || (k = pair_of(&j->map,
	    n->value)) < 0)
		return NULL;
	++*edits;
	seen[k] = 1;
	return j->map.new.v[k];
}

/* 1 when list has code, case aside. */
static int
has_code(const struct pl_strlist *list, const char *code)
{
	size_t	i;

	for (i = 0; i < list->n; i++)
		if (strcasecmp(list->v[i], code) == 0)
			return 1;
	return 0;
}

/*
 * The codes of the standards list after the migration, and in act what
 * becomes of each item.  An item whose new code the list names already
 * (an item not migrated, or one migrated before it) is removed, so no
 * code is named twice and the items a person wrote stay where they are.
 */
static size_t
new_list(struct job *j, size_t *edits, char *seen, const struct pl_node *std,
    struct pl_strlist *out, const char **act)
{
	struct pl_strlist	 kept = PL_STRLIST_INIT;
	const struct pl_node	*item;
	const char		*code;
	size_t			 i, n = std->kind == PL_NODE_SEQ ? std->n : 1;
	size_t			 before = *edits;

	for (i = 0; i < n; i++) {
		item = std->kind == PL_NODE_SEQ ? std->items[i] : std;
		if (item->kind == PL_NODE_SCALAR && item->value[0] != '\0' &&
		    pair_of(&j->map, item->value) < 0)
			pl_strlist_push(&kept, item->value);
	}
	for (i = 0; i < n; i++) {
		item = std->kind == PL_NODE_SEQ ? std->items[i] : std;
		if (item->value == NULL || item->value[0] == '\0')
			continue;
		if ((code = note(j, edits, seen, item)) == NULL)
			pl_strlist_push(out, item->value);
		else if (has_code(&kept, code) || has_code(out, code))
			act[i] = drop;
		else {
			act[i] = code;
			pl_strlist_push(out, code);
		}
	}
	pl_strlist_release(&kept);
	return *edits - before;
}

/* Notes the ratings' codes to rewrite; rewrites them after. */
static void
note_ratings(struct job *j, size_t *edits, char *seen,
    struct pl_node *const *maps, size_t n, int apply)
{
	size_t	i, k;
	long	p;

	for (i = 0; i < n; i++)
		for (k = 0; k < maps[i]->n; k++) {
			if (strcmp(maps[i]->keys[k], "standard") != 0)
				continue;
			if (!apply) {
				note(j, edits, seen, maps[i]->items[k]);
				continue;
			}
			p = pair_of(&j->map, maps[i]->items[k]->value);
			if (p >= 0)
				pl_node_set(maps[i], "standard",
				    j->map.new.v[p], PL_SCALAR_STR);
		}
}

/*
 * Sets doc's standards to list (one code stays a scalar) and its
 * ratings' old codes to new ones: the migration as values.
 */
static void
migrate_doc(struct job *j, struct pl_doc *doc, const struct pl_strlist *list,
    size_t nstd, int ratings)
{
	const struct pl_node	*std = pl_doc_node(doc, "standards");
	struct pl_node *const	*maps = NULL;
	size_t			 nmaps = 0, edits = 0;

	if (nstd > 0 && std->kind == PL_NODE_SCALAR && list->n == 1)
		pl_doc_set(doc, "standards", list->v[0], PL_SCALAR_STR);
	else if (nstd > 0)
		pl_doc_set_list(doc, "standards", list);
	if (ratings && pl_doc_get_maps(doc, "", "ratings", &maps,
	    &nmaps) != PL_OK)
		pl_error_clear();
	note_ratings(j, &edits, NULL, maps, nmaps, 1);
}

static void
cut(struct cuts *c, size_t start, size_t end, char *with)
{
	c->v = pl_xrealloc(c->v, (c->n + 1) * sizeof *c->v);
	c->v[c->n].start = start;
	c->v[c->n].end = end;
	c->v[c->n++].with = with != NULL ? with : pl_xstrdup("");
}

/* How pl writes code as an item of a flow list: plain, or quoted. */
static char *
flow_item(const char *code)
{
	struct pl_doc		*doc = pl_doc_new();
	struct pl_strlist	 one = PL_STRLIST_INIT;
	struct pl_buf		 b = PL_BUF_INIT;
	char			*item;

	pl_strlist_push(&one, code);
	pl_doc_set_list(doc, "x", &one);
	pl_doc_serialize(doc, &b);
	/* "---\nx: [ITEM]\n---\n" */
	item = pl_xstrndup(b.ptr + 8, b.len - 8 - 6);
	pl_buf_release(&b);
	pl_strlist_release(&one);
	pl_doc_free(doc);
	return item;
}

/* code written in the style of the scalar it replaces, or NULL. */
static char *
scalar_text(const char *code, int style)
{
	struct pl_buf	 b = PL_BUF_INIT;
	const char	*p;

	if (style == YAML_PLAIN_SCALAR_STYLE)
		return flow_item(code);
	if (style != YAML_SINGLE_QUOTED_SCALAR_STYLE &&
	    style != YAML_DOUBLE_QUOTED_SCALAR_STYLE)
		return NULL;
	pl_buf_putc(&b, style == YAML_SINGLE_QUOTED_SCALAR_STYLE ? '\'' : '"');
	for (p = code; *p != '\0'; p++) {
		if (style == YAML_SINGLE_QUOTED_SCALAR_STYLE && *p == '\'')
			pl_buf_putc(&b, '\'');
		else if (style == YAML_DOUBLE_QUOTED_SCALAR_STYLE &&
		    (*p == '"' || *p == '\\'))
			pl_buf_putc(&b, '\\');
		pl_buf_putc(&b, *p);
	}
	pl_buf_putc(&b, style == YAML_SINGLE_QUOTED_SCALAR_STYLE ? '\'' : '"');
	return pl_buf_detach(&b);
}

static int
replace(struct cuts *c, const struct pl_span *s, const char *code)
{
	char	*with = scalar_text(code, s->style);

	if (with == NULL)
		return -1;
	cut(c, s->start, s->end, with);
	return 0;
}

static size_t
blanks(const char *t, size_t i, size_t end)
{
	while (i < end && (t[i] == ' ' || t[i] == '\t'))
		i++;
	return i;
}

/* The comma between two items of a flow list (comments aside), or end. */
static size_t
comma(const char *t, size_t i, size_t end)
{
	for (; i < end && t[i] != ','; i++)
		if (t[i] == '#')
			while (i < end && t[i] != '\n')
				i++;
	return i;
}

/*
 * Removes item i of a flow list with one comma: the one after it when
 * an item after it stays, else the one before it.  Blanks go with the
 * comma; a line break or a comment between them stays.
 */
static int
cut_flow(struct cuts *c, const char *t, const struct pl_spans *sp, size_t i,
    const char **act)
{
	const struct pl_span	*s = &sp->v[i];
	size_t			 k, at, end;

	for (k = i + 1; k < sp->n && act[k] == drop; k++)
		;
	if (k < sp->n) {
		at = comma(t, s->end, sp->v[i + 1].start);
		if (at == sp->v[i + 1].start)
			return -1;
		end = blanks(t, at + 1, sp->v[i + 1].start);
		if (end < sp->v[i + 1].start && t[end] == '#')
			end = at + 1;
		if (blanks(t, s->end, at) == at)
			cut(c, s->start, end, NULL);
		else {
			cut(c, s->start, s->end, NULL);
			cut(c, at, end, NULL);
		}
		return 0;
	}
	if (i == 0)
		return -1;
	at = comma(t, sp->v[i - 1].end, s->start);
	if (at == s->start)
		return -1;
	if (blanks(t, at + 1, s->start) == s->start)
		cut(c, blanks(t, sp->v[i - 1].end, at) == at ?
		    sp->v[i - 1].end : at, s->end, NULL);
	else {
		cut(c, at, at + 1, NULL);
		for (k = s->start; k > 0 && (t[k - 1] == ' ' ||
		    t[k - 1] == '\t'); k--)
			;
		cut(c, k, s->end, NULL);
	}
	return 0;
}

/*
 * Removes item i of a block list: its line, or "- CODE" alone when a
 * comment follows on the line, which stays.
 */
static int
cut_block(struct cuts *c, const char *t, size_t len, const struct pl_span *s)
{
	size_t	ls = s->start, dash, eol;

	while (ls > 0 && t[ls - 1] != '\n')
		ls--;
	dash = blanks(t, ls, s->start);
	if (t[dash] != '-' || dash + 1 == s->start ||
	    blanks(t, dash + 1, s->start) != s->start)
		return -1;
	eol = blanks(t, s->end, len);
	if (eol < len && t[eol] == '#') {
		cut(c, dash, eol, NULL);
		return 0;
	}
	if (eol < len && t[eol] == '\r')
		eol++;
	if (eol < len && t[eol] != '\n')
		return -1;
	cut(c, ls, eol + (eol < len), NULL);
	return 0;
}

/* The cuts of the standards list, as act says. */
static int
cut_standards(struct cuts *c, const struct pl_entry *e, size_t body,
    const struct pl_node *std, const char **act)
{
	struct pl_spans	sp;
	size_t		i, n = std->kind == PL_NODE_SEQ ? std->n : 1;
	int		err = 0;

	if (pl_spans_find(&sp, e->text.ptr, e->text.len, body, "standards",
	    NULL) < 0)
		return -1;
	if (sp.n != n)
		err = -1;
	for (i = 0; err == 0 && i < n; i++) {
		if (act[i] == NULL)
			continue;
		if (act[i] != drop)
			err = replace(c, &sp.v[i], act[i]);
		else if (sp.seq == YAML_FLOW_SEQUENCE_STYLE)
			err = cut_flow(c, e->text.ptr, &sp, i, act);
		else if (sp.seq == YAML_BLOCK_SEQUENCE_STYLE)
			err = cut_block(c, e->text.ptr, e->text.len, &sp.v[i]);
		else
			err = -1;
	}
	pl_spans_release(&sp);
	return err;
}

/* The cuts of the ratings' codes. */
static int
cut_ratings(struct cuts *c, struct job *j, const struct pl_entry *e,
    size_t body, struct pl_node *const *maps, size_t nmaps)
{
	struct pl_spans	 sp;
	const char	*code;
	size_t		 i;
	long		 p;
	int		 err = 0;

	if (nmaps == 0)
		return 0;
	if (pl_spans_find(&sp, e->text.ptr, e->text.len, body, "ratings",
	    "standard") < 0)
		return -1;
	for (i = 0; err == 0 && i < sp.n; i++) {
		if (sp.v[i].item >= nmaps)
			err = -1;
		else if ((code = pl_node_get(maps[sp.v[i].item],
		    "standard")) != NULL &&
		    (p = pair_of(&j->map, code)) >= 0)
			err = replace(c, &sp.v[i], j->map.new.v[p]);
	}
	pl_spans_release(&sp);
	return err;
}

static int
by_start(const void *a, const void *b)
{
	const struct cut	*x = a, *y = b;

	return (x->start > y->start) - (x->start < y->start);
}

/* The file's text with the cuts made, or -1 when two overlap. */
static int
apply_cuts(struct pl_buf *out, const struct pl_buf *text, struct cuts *c)
{
	size_t	i, at = 0;

	qsort(c->v, c->n, sizeof *c->v, by_start);
	for (i = 0; i < c->n; i++) {
		if (c->v[i].start < at)
			return -1;
		pl_buf_put(out, text->ptr + at, c->v[i].start - at);
		pl_buf_puts(out, c->v[i].with);
		at = c->v[i].end;
	}
	pl_buf_put(out, text->ptr + at, text->len - at);
	return 0;
}

/*
 * The person's text with only the codes' bytes changed (and the items
 * removed that would name a code twice), or 0 when that cannot be done.
 */
static int
patched_text(struct pl_buf *out, struct job *j, const struct pl_entry *e,
    const struct pl_node *std, const char **act,
    struct pl_node *const *maps, size_t nmaps)
{
	struct cuts	c = { NULL, 0 };
	size_t		i, body;
	int		ok = 0;

	if (e->text.len == 0 || !e->doc->has_fm)
		return 0;
	body = e->text.len - strlen(e->doc->body);
	if ((std == NULL || cut_standards(&c, e, body, std, act) == 0) &&
	    cut_ratings(&c, j, e, body, maps, nmaps) == 0 &&
	    apply_cuts(out, &e->text, &c) == 0)
		ok = 1;
	for (i = 0; i < c.n; i++)
		free(c.v[i].with);
	free(c.v);
	return ok;
}

/* 1 when doc's standards and ratings' codes are want's. */
static int
same_codes(const struct pl_doc *doc, const struct pl_doc *want)
{
	struct pl_strlist	 a = PL_STRLIST_INIT, b = PL_STRLIST_INIT;
	struct pl_node *const	*x = NULL, *const *y = NULL;
	const char		*p, *q;
	size_t			 i, nx = 0, ny = 0;
	int			 same = 0;

	if (pl_doc_get_list(doc, "", "standards", &a) != PL_OK ||
	    pl_doc_get_list(want, "", "standards", &b) != PL_OK ||
	    pl_doc_get_maps(doc, "", "ratings", &x, &nx) != PL_OK ||
	    pl_doc_get_maps(want, "", "ratings", &y, &ny) != PL_OK ||
	    a.n != b.n || nx != ny)
		goto done;
	for (i = 0; i < a.n; i++)
		if (strcmp(a.v[i], b.v[i]) != 0)
			goto done;
	for (i = 0; i < nx; i++) {
		p = pl_node_get(x[i], "standard");
		q = pl_node_get(y[i], "standard");
		if ((p == NULL) != (q == NULL) || (p && strcmp(p, q) != 0))
			goto done;
	}
	same = 1;
done:
	pl_error_clear();
	pl_strlist_release(&a);
	pl_strlist_release(&b);
	return same;
}

/*
 * text's doc with its codes written as pl writes them, whatever their
 * quotes, for comparing the rest; NULL when text does not parse.
 */
static struct pl_doc *
without_styles(const char *path, const char *text, size_t len)
{
	struct pl_strlist	 list = PL_STRLIST_INIT;
	struct pl_node *const	*maps = NULL;
	struct pl_doc		*doc = NULL;
	const char		*code;
	size_t			 i, n = 0;

	if (pl_doc_parse(&doc, path, text, len) != PL_OK ||
	    pl_doc_get_list(doc, path, "standards", &list) != PL_OK ||
	    pl_doc_get_maps(doc, path, "ratings", &maps, &n) != PL_OK) {
		pl_error_clear();
		pl_strlist_release(&list);
		pl_doc_free(doc);
		return NULL;
	}
	if (pl_doc_node(doc, "standards") != NULL)
		pl_doc_set_list(doc, "standards", &list);
	for (i = 0; i < n; i++)
		if ((code = pl_node_get(maps[i], "standard")) != NULL) {
			code = pl_xstrdup(code);
			pl_node_set(maps[i], "standard", code, PL_SCALAR_STR);
			free((char *)code);
		}
	pl_strlist_release(&list);
	return doc;
}

/*
 * Keeps text as e's file when it reads as e's doc (migrated) does: the
 * same codes, and all else the same but for the codes' quotes.  The
 * commit then writes it as it is, comments and all.
 */
static void
keep_text(struct pl_entry *e, struct pl_buf *text)
{
	struct pl_buf	 a = PL_BUF_INIT, b = PL_BUF_INIT;
	struct pl_doc	*doc = NULL, *x = NULL, *y = NULL;

	pl_doc_serialize(e->doc, &b);
	if (pl_doc_parse(&doc, e->path, text->ptr, text->len) != PL_OK ||
	    !same_codes(doc, e->doc) ||
	    (x = without_styles(e->path, text->ptr, text->len)) == NULL ||
	    (y = without_styles(e->path, b.ptr, b.len)) == NULL)
		goto done;
	pl_buf_clear(&b);
	pl_doc_serialize(x, &a);
	pl_doc_serialize(y, &b);
	if (a.len == b.len && memcmp(a.ptr, b.ptr, a.len) == 0) {
		pl_buf_release(&e->text);
		e->text = *text;
		memset(text, 0, sizeof *text);
		pl_doc_free(e->doc);
		e->doc = doc;
		doc = NULL;
	}
done:
	pl_error_clear();
	pl_doc_free(doc);
	pl_doc_free(x);
	pl_doc_free(y);
	pl_buf_release(&a);
	pl_buf_release(&b);
}

/* "A -> B, C -> D": the pairs seen, in the file's order. */
static char *
changes_text(struct job *j, const char *seen)
{
	struct pl_buf	b = PL_BUF_INIT;
	size_t		i;

	for (i = 0; i < j->map.old.n; i++)
		if (seen[i]) {
			j->used[i] = 1;
			pl_buf_printf(&b, "%s%s -> %s", b.len ? ", " : "",
			    j->map.old.v[i], j->map.new.v[i]);
		}
	return pl_buf_detach(&b);
}

/*
 * Rewrites e's old codes; 1 when it named any.  An entry whose lists
 * cannot be read is left as it is, with a warning.
 */
static int
migrate_entry(struct job *j, struct pl_entry *e)
{
	const struct pl_node	*std = pl_doc_node(e->doc, "standards");
	struct pl_node *const	*maps = NULL;
	struct pl_strlist	 list = PL_STRLIST_INIT;
	struct pl_buf		 text = PL_BUF_INIT;
	size_t			 nmaps = 0, nstd = 0, edits = 0;
	char			*seen = pl_xcalloc(j->map.old.n + 1, 1);
	const char		**act = NULL;
	int			 patched;

	if (pl_doc_get_list(e->doc, e->path, "standards", &list) != PL_OK ||
	    (e->kind == PL_KIND_EVIDENCE && pl_doc_get_maps(e->doc, e->path,
	    "ratings", &maps, &nmaps) != PL_OK)) {
		pl_strlist_push(j->warnings, pl_error_last());
		pl_error_clear();
		goto done;
	}
	act = pl_xcalloc(std != NULL && std->kind == PL_NODE_SEQ ? std->n + 1 :
	    1, sizeof *act);
	pl_strlist_release(&list);
	if (std != NULL)
		nstd = new_list(j, &edits, seen, std, &list, act);
	note_ratings(j, &edits, seen, maps, nmaps, 0);
	if (edits == 0)
		goto done;
	patched = patched_text(&text, j, e, std, act, maps, nmaps);
	migrate_doc(j, e->doc, &list, nstd, e->kind == PL_KIND_EVIDENCE);
	if (patched)
		keep_text(e, &text);
	pl_strlist_push_owned(&j->out->entries, pl_xasprintf("%s %s",
	    pl_kind_name(e->kind), e->id));
	pl_strlist_push_owned(&j->out->changes, changes_text(j, seen));
done:
	pl_strlist_release(&list);
	pl_buf_release(&text);
	free(act);
	free(seen);
	return edits > 0;
}

/* Each new code as a committed framework has it, in full. */
static int
resolve(struct job *j, struct pl_portfolio *pf)
{
	struct pl_standards		 stds = { 0 };
	const struct pl_standard	*s;
	char				*why;
	size_t				 i;
	int				 err;

	if ((err = pl_standards_load_codes(&stds, pf, &j->map.new,
	    j->warnings)) != PL_OK)
		goto done;
	for (i = 0; i < j->map.new.n; i++) {
		if ((err = pl_standards_find(&s, &stds,
		    j->map.new.v[i])) != PL_OK) {
			why = pl_xstrdup(pl_error_last());
			err = pl_error_set(err, "%s: %s", j->map.where.v[i],
			    why);
			free(why);
			goto done;
		}
		free(j->map.new.v[i]);
		j->map.new.v[i] = pl_xstrdup(s->code);
		pl_strlist_push(&j->fw, s->framework);
	}
done:
	pl_standards_release(&stds);
	return err;
}

/* Goals, then evidence: the entries that named an old code go to put. */
static int
migrate_all(struct job *j, struct pl_portfolio *pf, struct pl_entries *all,
    struct pl_entries *put)
{
	static const enum pl_kind	kinds[] = { PL_KIND_GOAL,
					    PL_KIND_EVIDENCE };
	size_t				k, i;
	int				err;

	for (k = 0; k < 2; k++) {
		if ((err = pl_entry_list(&all[k], pf, kinds[k],
		    j->warnings)) != PL_OK)
			return err;
		put->v = pl_xrealloc(put->v, (put->n + all[k].n + 1) *
		    sizeof *put->v);
		for (i = 0; i < all[k].n; i++)
			if (migrate_entry(j, all[k].v[i]))
				put->v[put->n++] = all[k].v[i];
	}
	return PL_OK;
}

static int
commit(struct job *j, struct pl_portfolio *pf, const struct pl_entries *put)
{
	struct pl_msg	 msg = { "align", "migrate", NULL, NULL, NULL,
			    PL_STRLIST_INIT };
	size_t		 i, n = j->out->used.n;
	char		*subject, *sentence;
	int		 err;

	for (i = 0; i < j->map.old.n && !j->used[i]; i++)
		;
	/* The framework the work moves to names the change */
	msg.id = j->fw.v[i];
	subject = pl_xasprintf("migrate %zu code%s", n, n == 1 ? "" : "s");
	sentence = pl_xasprintf("Migrated %zu code%s in %zu file%s.", n,
	    n == 1 ? "" : "s", put->n, put->n == 1 ? "" : "s");
	msg.subject = subject;
	msg.sentence = sentence;
	for (i = 0; i < n; i++)
		pl_strlist_push_owned(&msg.trailers, pl_xasprintf(
		    "Pl-Migrate: %s", j->out->used.v[i]));
	err = pl_entry_commit_all(pf, &msg, put, NULL, NULL, NULL, NULL, NULL);
	pl_strlist_release(&msg.trailers);
	free(subject);
	free(sentence);
	return err;
}

int
pl_align_migrate(struct pl_migration *out, struct pl_portfolio *pf,
    const char *file, int dry, struct pl_strlist *warnings)
{
	struct job		 j = { .out = out, .warnings = warnings };
	struct pl_entries	 all[2] = { { 0 }, { 0 } }, put = { 0 };
	struct pl_buf		 in = PL_BUF_INIT;
	size_t			 i;
	int			 err;

	memset(out, 0, sizeof *out);
	if ((err = pl_read_text(&in, file)) != PL_OK ||
	    (err = pl_code_map_read(&j.map, file, in.ptr ? in.ptr : "",
	    in.len)) != PL_OK)
		goto done;
	if (j.map.old.n == 0) {
		err = pl_error_set(PL_EPARSE, "%s: no codes to migrate (a "
		    "row is an old code, a comma and the new code)", file);
		goto done;
	}
	j.used = pl_xcalloc(j.map.old.n, 1);
	if ((err = resolve(&j, pf)) != PL_OK ||
	    (err = migrate_all(&j, pf, all, &put)) != PL_OK)
		goto done;
	for (i = 0; i < j.map.old.n; i++)
		if (j.used[i])
			pl_strlist_push_owned(&out->used, pl_xasprintf(
			    "%s -> %s", j.map.old.v[i], j.map.new.v[i]));
	if (put.n == 0)
		err = pl_error_set(PL_ENOCHANGE, "nothing to migrate: no goal "
		    "or evidence names a code that %s replaces", file);
	else if (!dry)
		err = commit(&j, pf, &put);
done:
	pl_code_map_release(&j.map);
	pl_strlist_release(&j.fw);
	free(j.used);
	free(put.v);
	pl_entries_release(&all[0]);
	pl_entries_release(&all[1]);
	pl_buf_release(&in);
	return err;
}
