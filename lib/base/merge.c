/*
 * Three-way merge of one portfolio file by its structure (see merge.h).
 * A file is split into parts, as text: the front matter into one block
 * per top-level key (its line and the indented, list, comment and blank
 * lines after it), the body into the text before the first "## "
 * heading and one part per section.  Parts are matched by key or
 * heading and merged three ways; only where both sides changed a part
 * is its content read as data.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "pl/base/doc.h"
#include "pl/base/merge.h"

#define NONE	((size_t)-1)

/* A key's block or a section: key "" is the text before the first. */
struct part {
	char		*key;
	const char	*s;
	size_t		 len;
};

/*
 * Strings sorted (a merge sort, n log n comparisons whatever the input,
 * which a hash a remote could aim collisions at is not), so that finding
 * one costs log n: key[at[0]], key[at[1]]... in order.
 */
struct index {
	const char	**key;
	size_t		 *at;
	size_t		  n;
	int		  dup;		/* two keys are the same */
};

struct parts {
	struct part	*v;
	size_t		 n, cap;
	struct index	 idx;
};

/* A file split: byte-order mark, front matter and body. */
struct split {
	int		 has_fm;
	int		 bad_keys;	/* front matter not split into keys */
	const char	*open;		/* the "---" line */
	size_t		 open_len;
	const char	*fm;		/* between the lines */
	size_t		 fm_len;
	const char	*close;		/* the closing line */
	size_t		 close_len;
	const char	*head;		/* the text up to the body */
	size_t		 head_len;
	const char	*body;
	size_t		 body_len;
	struct parts	 keys, sections;
};

/* What one merge works with, and what it found it could not merge. */
struct merge {
	struct pl_strlist	*conflicts;
	struct pl_merge_stats	*stats;
	const char		*too_many;	/* the parts over the limit */
};

static int
cmp(struct merge *m, const char *a, const char *b)
{
	m->stats->compares++;
	return strcmp(a, b);
}

static void
index_init(struct index *x, size_t n)
{
	memset(x, 0, sizeof *x);
	x->n = n;
	x->key = pl_xcalloc(n + 1, sizeof *x->key);
	x->at = pl_xcalloc(n + 1, sizeof *x->at);
}

static void
index_release(struct index *x)
{
	free(x->key);
	free(x->at);
	memset(x, 0, sizeof *x);
}

static void
sort_at(struct merge *m, struct index *x, size_t *tmp, size_t lo, size_t hi)
{
	size_t	mid = lo + (hi - lo) / 2, i = lo, j = mid, k = lo;
	int	c;

	if (hi - lo < 2)
		return;
	sort_at(m, x, tmp, lo, mid);
	sort_at(m, x, tmp, mid, hi);
	while (i < mid && j < hi) {
		/* two equal keys end up side by side, so are compared */
		if ((c = cmp(m, x->key[x->at[i]], x->key[x->at[j]])) == 0)
			x->dup = 1;
		tmp[k++] = c <= 0 ? x->at[i++] : x->at[j++];
	}
	while (i < mid)
		tmp[k++] = x->at[i++];
	while (j < hi)
		tmp[k++] = x->at[j++];
	memcpy(x->at + lo, tmp + lo, (hi - lo) * sizeof *tmp);
}

/* Sorts the n keys the caller put in x->key. */
static void
index_sort(struct merge *m, struct index *x)
{
	size_t	*tmp = pl_xcalloc(x->n + 1, sizeof *tmp);
	size_t	 i;

	for (i = 0; i < x->n; i++)
		x->at[i] = i;
	sort_at(m, x, tmp, 0, x->n);
	free(tmp);
}

/* The position of the first key equal to s, or NONE. */
static size_t
index_find(struct merge *m, const struct index *x, const char *s)
{
	size_t	lo = 0, hi = x->n, mid;

	if (x->key == NULL)
		return NONE;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cmp(m, x->key[x->at[mid]], s) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < x->n && cmp(m, x->key[x->at[lo]], s) == 0 ?
	    x->at[lo] : NONE;
}

/* An index of a list of strings (borrowed). */
static void
index_list(struct merge *m, struct index *x, const struct pl_strlist *l)
{
	size_t	i;

	index_init(x, l->n);
	for (i = 0; i < l->n; i++)
		x->key[i] = l->v[i];
	index_sort(m, x);
}

static size_t
line_len(const char *s, const char *end)
{
	const char	*nl = memchr(s, '\n', (size_t)(end - s));

	return nl != NULL ? (size_t)(nl - s) + 1 : (size_t)(end - s);
}

/* 1 when the line (without its end) is word, alone. */
static int
line_is(const char *s, size_t n, const char *word)
{
	size_t	w = strlen(word);

	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	return n == w && memcmp(s, word, w) == 0;
}

/* 1 when the line holds only blanks. */
static int
blank(const char *s, size_t n)
{
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	return n == 0;
}

static size_t
indent_of(const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n && s[i] == ' '; i++)
		;
	return i;
}

static int
same_text(const char *a, size_t alen, const char *b, size_t blen)
{
	return alen == blen && (alen == 0 || memcmp(a, b, alen) == 0);
}

/* Over the limit: what is then named in the message. */
static int
too_many(struct merge *m, const char *what)
{
	m->too_many = what;
	return -1;
}

/* Adds a part; -1 (what) past the limit, and key is freed. */
static int
parts_add(struct merge *m, struct parts *p, char *key, const char *s,
    size_t len, const char *what)
{
	/* one more for the text before the first heading or key */
	if (p->n > PL_MERGE_PARTS_MAX) {
		free(key);
		return too_many(m, what);
	}
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 16;
		p->v = pl_xrealloc(p->v, p->cap * sizeof *p->v);
	}
	p->v[p->n++] = (struct part){ key, s, len };
	m->stats->parts++;
	return 0;
}

static void
parts_release(struct parts *p)
{
	size_t	i;

	for (i = 0; i < p->n; i++)
		free(p->v[i].key);
	free(p->v);
	index_release(&p->idx);
	memset(p, 0, sizeof *p);
}

/* Sorts the keys; -1 when two parts have one (they could not be told apart). */
static int
parts_index(struct merge *m, struct parts *p)
{
	size_t	i;

	index_init(&p->idx, p->n);
	for (i = 0; i < p->n; i++)
		p->idx.key[i] = p->v[i].key;
	index_sort(m, &p->idx);
	return p->idx.dup ? -1 : 0;
}

static const struct part *
parts_find(struct merge *m, const struct parts *p, const char *key)
{
	size_t	i = index_find(m, &p->idx, key);

	return i == NONE ? NULL : &p->v[i];
}

/*
 * The key a top-level front matter line starts, or NULL for none.  A
 * "-" followed by a blank is a list item; "-x: 1" is the key "-x".
 */
static char *
key_of(const char *s, size_t n)
{
	const char	*colon;
	size_t		 k;

	if (n == 0 || strchr(" \t#\r\n", s[0]) != NULL)
		return NULL;
	if (s[0] == '-' && (n == 1 || isspace((unsigned char)s[1])))
		return NULL;
	if ((colon = memchr(s, ':', n)) == NULL)
		return pl_xstrdup("");		/* not a key: cannot split */
	k = (size_t)(colon - s);
	while (k > 0 && isspace((unsigned char)s[k - 1]))
		k--;
	if (k >= 2 && (s[0] == '"' || s[0] == '\'') && s[k - 1] == s[0]) {
		s++;
		k -= 2;
	}
	return pl_xstrndup(s, k);
}

static int
split_keys(struct merge *m, struct parts *out, const char *fm, size_t len)
{
	const char	*p, *end, *start;
	char		*key, *cur;
	size_t		 n;

	if (fm == NULL)		/* no front matter: nothing to split */
		fm = "";
	p = start = fm;
	end = fm + len;
	cur = pl_xstrdup("");

	for (; p < end; p += n) {
		n = line_len(p, end);
		if ((key = key_of(p, n)) == NULL)
			continue;
		if (*key == '\0') {
			free(key);
			free(cur);
			return -1;
		}
		if (p > start || *cur != '\0') {
			if (parts_add(m, out, cur, start, (size_t)(p - start),
			    "keys") != 0) {
				free(key);
				return -1;
			}
		} else
			free(cur);
		cur = key;
		start = p;
	}
	if (parts_add(m, out, cur, start, (size_t)(end - start), "keys") != 0)
		return -1;
	return parts_index(m, out);
}

/* The heading a "## " line starts, or NULL. */
static char *
heading_of(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r' ||
	    s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n < 3 || strncmp(s, "## ", 3) != 0)
		return NULL;
	return pl_xstrndup(s + 3, n - 3);
}

static int
split_sections(struct merge *m, struct parts *out, const char *body,
    size_t len)
{
	const char	*p = body, *end = body + len, *start = body;
	char		*key, *cur = pl_xstrdup("");
	size_t		 n;

	for (; p < end; p += n) {
		n = line_len(p, end);
		if ((key = heading_of(p, n)) == NULL)
			continue;
		if (parts_add(m, out, cur, start, (size_t)(p - start),
		    "sections") != 0) {
			free(key);
			return -1;
		}
		cur = key;
		start = p;
	}
	if (parts_add(m, out, cur, start, (size_t)(end - start),
	    "sections") != 0)
		return -1;
	return parts_index(m, out);
}

/*
 * Finds the front matter and the body; -1 when the front matter is never
 * closed.  The keys and sections are split when they must be merged.
 */
static int
split(struct split *sp, const char *text)
{
	const char	*p = text, *end = text + strlen(text);
	size_t		 n;

	memset(sp, 0, sizeof *sp);
	sp->head = text;
	if (strncmp(p, PL_DOC_BOM, 3) == 0)
		p += 3;
	n = line_len(p, end);
	if (line_is(p, n, "---")) {
		sp->has_fm = 1;
		sp->open = p;
		sp->open_len = n;
		sp->fm = p + n;
		for (p += n; p < end; p += n) {
			n = line_len(p, end);
			if (line_is(p, n, "---") || line_is(p, n, "..."))
				break;
		}
		if (p == end)
			return -1;
		sp->fm_len = (size_t)(p - sp->fm);
		sp->close = p;
		sp->close_len = n;
		p += n;
	}
	sp->head_len = (size_t)(p - text);
	sp->body = p;
	sp->body_len = (size_t)(end - p);
	return 0;
}

static void
split_release(struct split *sp)
{
	parts_release(&sp->keys);
	parts_release(&sp->sections);
}

static int
same(const struct part *a, const struct part *b)
{
	return same_text(a->s, a->len, b->s, b->len);
}

/* 1 when out holds a byte order mark alone: no line to end. */
static int
bom_alone(const struct pl_buf *out, size_t len)
{
	return len == 3 && memcmp(out->ptr, PL_DOC_BOM, 3) == 0;
}

/* Appends a part, ending the line before it when the last did not. */
static void
emit(struct pl_buf *out, const char *s, size_t len)
{
	if (len == 0)
		return;
	if (out->len > 0 && out->ptr[out->len - 1] != '\n' &&
	    !bom_alone(out, out->len))
		pl_buf_putc(out, '\n');
	pl_buf_put(out, s, len);
}

/* A front matter block alone, parsed as a file of one key. */
static struct pl_doc *
block_doc(const struct part *p)
{
	struct pl_buf	 b = PL_BUF_INIT;
	struct pl_doc	*doc = NULL;

	pl_buf_puts(&b, "---\n");
	pl_buf_put(&b, p->s, p->len);
	if (p->len == 0 || p->s[p->len - 1] != '\n')
		pl_buf_putc(&b, '\n');
	pl_buf_puts(&b, "---\n");
	if (pl_doc_parse(&doc, "merge", b.ptr, b.len) != PL_OK) {
		pl_error_clear();
		doc = NULL;
	}
	pl_buf_release(&b);
	return doc;
}

/*
 * A list under a key as text and as what it means: the key's line and
 * the lines before the first item (head), each item's lines (raw), the
 * comment and blank lines after the last (tail), and each item's value
 * (meaning), which tells items apart whatever their layout.
 */
struct items {
	struct pl_buf		 head, tail;
	struct pl_strlist	 raw, meaning;
	size_t			 indent;	/* of the items' "-" */
	struct index		 idx;		/* of meaning */
};

static void
items_release(struct items *it)
{
	pl_buf_release(&it->head);
	pl_buf_release(&it->tail);
	pl_strlist_release(&it->raw);
	pl_strlist_release(&it->meaning);
	index_release(&it->idx);
}

/* A scalar, list or mapping as one string, the same for the same value. */
static void
canon(struct pl_buf *b, const struct pl_node *n)
{
	struct pl_strlist	 keys = PL_STRLIST_INIT;
	size_t			 i, j;

	switch (n->kind) {
	case PL_NODE_SCALAR:
		pl_buf_printf(b, "s%zu:", strlen(n->value));
		pl_buf_puts(b, n->value);
		break;
	case PL_NODE_SEQ:
		pl_buf_printf(b, "l%zu[", n->n);
		for (i = 0; i < n->n; i++)
			canon(b, n->items[i]);
		pl_buf_putc(b, ']');
		break;
	case PL_NODE_MAP:
		/* a mapping's keys in any order */
		for (i = 0; i < n->n; i++)
			pl_strlist_push(&keys, n->keys[i]);
		pl_strlist_sort(&keys);
		pl_buf_printf(b, "m%zu{", n->n);
		for (i = 0; i < keys.n; i++) {
			for (j = 0; strcmp(n->keys[j], keys.v[i]) != 0; j++)
				;
			pl_buf_printf(b, "%zu:%s", strlen(keys.v[i]),
			    keys.v[i]);
			canon(b, n->items[j]);
		}
		pl_buf_putc(b, '}');
		break;
	}
	pl_strlist_release(&keys);
}

/* The value of each item of the list under key in p; -1 if not a list. */
static int
meanings(struct pl_strlist *out, const struct part *p, const char *key,
    int maps)
{
	struct pl_doc		 *doc;
	struct pl_node *const	 *v;
	struct pl_buf		  b = PL_BUF_INIT;
	size_t			  n, i;
	int			  err;

	if ((doc = block_doc(p)) == NULL)
		return -1;
	if (!maps)
		err = pl_doc_get_list(doc, "merge", key, out);
	else if ((err = pl_doc_get_maps(doc, "merge", key, &v, &n)) == PL_OK)
		for (i = 0; i < n; i++) {
			pl_buf_clear(&b);
			canon(&b, v[i]);
			pl_strlist_push(out, pl_buf_cstr(&b));
		}
	pl_buf_release(&b);
	pl_doc_free(doc);
	pl_error_clear();
	return err == PL_OK ? 0 : -1;
}

static void
items_index(struct merge *m, struct items *it)
{
	index_list(m, &it->idx, &it->meaning);
}

/* A comment or blank line that belongs to no item of indent first. */
static int
between(const char *s, size_t n, size_t first)
{
	size_t	ind = indent_of(s, n);

	return blank(s, n) || (ind <= first && s[ind] == '#');
}

/*
 * An item's lines, from its "-" line up to end.  Comment and blank
 * lines after the last are the tail; between two items, blank lines
 * stay with the first, and a comment there is -1 (it could not be kept
 * in its place once items come and go).
 */
static int
item_add(struct merge *m, struct items *it, const char *start,
    const char *end, size_t first, int last)
{
	const char	*s, *cut = end;
	size_t		 n;
	int		 comment = 0;

	if (it->raw.n >= PL_MERGE_PARTS_MAX)
		return too_many(m, "list items");
	m->stats->parts++;
	for (s = start + line_len(start, end); s < end; s += n) {
		n = line_len(s, end);
		if (!between(s, n, first)) {
			cut = end;
			comment = 0;
		} else {
			if (cut == end)
				cut = s;
			comment |= !blank(s, n);
		}
	}
	if (!last && comment)
		return -1;
	if (!last)
		cut = end;
	pl_strlist_push_owned(&it->raw, pl_xstrndup(start,
	    (size_t)(cut - start)));
	pl_buf_put(&it->tail, cut, (size_t)(end - cut));
	return 0;
}

/* A block list under a key line; -1 for anything else (flow, scalar). */
static int
block_items(struct merge *m, struct items *it, const struct part *p,
    const char *key, int maps)
{
	const char	*s, *end, *start = NULL;
	size_t		 n, ind, first = NONE;

	if (p == NULL)
		return 0;
	s = p->s;
	end = p->s + p->len;
	n = line_len(s, end);
	/* "ratings:" and nothing after it but a comment */
	if (memchr(s, ':', n) == NULL)
		return -1;
	for (s = (const char *)memchr(s, ':', n) + 1; s < end &&
	    (*s == ' ' || *s == '\t'); s++)
		;
	if (s < end && *s != '\n' && *s != '\r' && *s != '#')
		return -1;
	pl_buf_put(&it->head, p->s, n);
	for (s = p->s + n; s < end; s += n) {
		n = line_len(s, end);
		ind = indent_of(s, n);
		if (ind < n && s[ind] == '-' && (ind + 1 == n ||
		    isspace((unsigned char)s[ind + 1])) && (first == NONE ||
		    ind == first)) {
			if (start != NULL && item_add(m, it, start, s, first,
			    0) != 0)
				return -1;
			first = ind;
			start = s;
		} else if (start == NULL)
			pl_buf_put(&it->head, s, n);
	}
	if (start != NULL && item_add(m, it, start, end, first, 1) != 0)
		return -1;
	it->indent = first;
	if (meanings(&it->meaning, p, key, maps) != 0 ||
	    it->meaning.n != it->raw.n)
		return -1;
	items_index(m, it);
	return 0;
}

/*
 * A flow list on the key's line ("standards: [A, B]"), nothing after it
 * on that line but blanks, and only comment and blank lines (the tail)
 * after it; -1 for anything else.
 */
static int
flow_items(struct merge *m, struct items *it, const struct part *p,
    const char *key)
{
	const char	*s, *end;
	size_t		 n, e;
	struct part	 line;

	if (p == NULL)
		return 0;
	end = p->s + p->len;
	n = line_len(p->s, end);
	for (e = n; e > 0 && isspace((unsigned char)p->s[e - 1]); e--)
		;
	if (e == 0 || p->s[e - 1] != ']' || memchr(p->s, '[', e) == NULL)
		return -1;
	for (s = p->s; s + 1 < p->s + e; s++)
		if (s[1] == '#' && isspace((unsigned char)s[0]))
			return -1;	/* a comment, which would be lost */
	for (s = p->s + n; s < end; s += line_len(s, end))
		if (!between(s, line_len(s, end), (size_t)-2))
			return -1;
	pl_buf_put(&it->head, p->s, n);
	pl_buf_put(&it->tail, p->s + n, (size_t)(end - p->s - n));
	line = (struct part){ NULL, p->s, n };
	if (meanings(&it->meaning, &line, key, 0) != 0)
		return -1;
	items_index(m, it);
	return 0;
}

/* Which of three texts a merge takes: the one side that changed it. */
static const struct pl_buf *
pick3(const struct pl_buf *b, const struct pl_buf *o, const struct pl_buf *t)
{
	if (same_text(o->ptr, o->len, t->ptr, t->len) ||
	    same_text(t->ptr, t->len, b->ptr, b->len))
		return o;
	if (same_text(o->ptr, o->len, b->ptr, b->len))
		return t;
	return NULL;
}

/* An item merged: from ours or theirs, which item, its text's side. */
struct pick {
	const struct items	*from;
	size_t			 i;
};

/*
 * What a set merge keeps, in order: ours' items that theirs has too or
 * that ours added (with theirs' text when only theirs re-wrote one),
 * then those theirs added.  Returns how many; the caller frees *out.
 */
static size_t
set_merge(struct merge *m, struct pick **out, const struct items *b,
    const struct items *o, const struct items *t)
{
	size_t	i, x, y, n = 0;

	*out = pl_xcalloc(o->meaning.n + t->meaning.n + 1, sizeof **out);
	for (i = 0; i < o->meaning.n; i++) {
		x = index_find(m, &b->idx, o->meaning.v[i]);
		y = index_find(m, &t->idx, o->meaning.v[i]);
		if (x != NONE && y == NONE)
			continue;		/* taken out on their side */
		(*out)[n++] = x != NONE && i < o->raw.n &&
		    strcmp(o->raw.v[i], b->raw.v[x]) == 0 ?
		    (struct pick){ t, y } : (struct pick){ o, i };
	}
	for (i = 0; i < t->meaning.n; i++)
		if (index_find(m, &o->idx, t->meaning.v[i]) == NONE &&
		    index_find(m, &b->idx, t->meaning.v[i]) == NONE)
			(*out)[n++] = (struct pick){ t, i };
	return n;
}

/* An item's lines, moved from indent from to indent to. */
static void
put_item(struct pl_buf *out, const char *s, size_t from, size_t to)
{
	const char	*end = s + strlen(s);
	size_t		 n, k;

	if (out->len > 0 && out->ptr[out->len - 1] != '\n')
		pl_buf_putc(out, '\n');
	for (; s < end; s += n) {
		n = line_len(s, end);
		k = 0;
		if (to > from && !blank(s, n))
			for (; k < to - from; k++)
				pl_buf_putc(out, ' ');
		k = to < from ? indent_of(s, n) : 0;
		if (k > from - to)
			k = from - to;
		pl_buf_put(out, s + k, n - k);
	}
}

/* Block lists on both sides: head, the items of the set, tail. */
static int
merge_block(struct merge *m, struct pl_buf *out, const struct items *b,
    const struct items *o, const struct items *t)
{
	const struct pl_buf	*head = pick3(&b->head, &o->head, &t->head);
	const struct pl_buf	*tail = pick3(&b->tail, &o->tail, &t->tail);
	struct pick		*v;
	size_t			 n, i, to;

	if (head == NULL || tail == NULL)
		return -1;
	/* the items' indent as the side that changed it has it */
	to = o->raw.n > 0 && (b->raw.n == 0 || o->indent != b->indent) ?
	    o->indent : t->raw.n > 0 ? t->indent : o->indent;
	emit(out, head->ptr, head->len);
	n = set_merge(m, &v, b, o, t);
	for (i = 0; i < n; i++)
		put_item(out, v[i].from->raw.v[v[i].i], v[i].from->indent, to);
	emit(out, tail->ptr, tail->len);
	free(v);
	return 0;
}

/* Flow lists on both sides: ours' key line with the set, the tail. */
static int
merge_flow(struct merge *m, struct pl_buf *out, const char *key,
    const struct items *b, const struct items *o, const struct items *t)
{
	const struct pl_buf	*tail = pick3(&b->tail, &o->tail, &t->tail);
	struct pl_strlist	 list = PL_STRLIST_INIT;
	struct pl_buf		 text = PL_BUF_INIT;
	struct pl_doc		*doc;
	struct pick		*v;
	size_t			 n, i;
	struct part		 line = { NULL, o->head.ptr, o->head.len };

	if (tail == NULL || (doc = block_doc(&line)) == NULL)
		return -1;
	n = set_merge(m, &v, b, o, t);
	for (i = 0; i < n; i++)
		pl_strlist_push(&list, v[i].from->meaning.v[v[i].i]);
	pl_doc_set_list(doc, key, &list);
	pl_doc_serialize(doc, &text);
	/* the line alone, without the "---" lines, with ours' line end */
	emit(out, text.ptr + 4, text.len - 9);
	if (o->head.len >= 2 && o->head.ptr[o->head.len - 2] == '\r')
		pl_buf_putc(out, '\r');
	if (o->head.ptr[o->head.len - 1] == '\n')
		pl_buf_putc(out, '\n');
	emit(out, tail->ptr, tail->len);
	free(v);
	pl_doc_free(doc);
	pl_buf_release(&text);
	pl_strlist_release(&list);
	return 0;
}

/*
 * A list of ids or the ratings, changed on both sides: item by item as
 * written when all are block lists, else (ids) as flow lists.
 */
static int
merge_set(struct merge *m, struct pl_buf *out, const char *key,
    const struct part *b, const struct part *o, const struct part *t)
{
	struct items	it[3];
	int		maps = strcmp(key, "ratings") == 0, err, i;

	memset(it, 0, sizeof it);
	if ((err = block_items(m, &it[0], b, key, maps)) == 0 &&
	    (err = block_items(m, &it[1], o, key, maps)) == 0 &&
	    (err = block_items(m, &it[2], t, key, maps)) == 0)
		err = merge_block(m, out, &it[0], &it[1], &it[2]);
	else if (!maps && m->too_many == NULL) {
		for (i = 0; i < 3; i++) {
			items_release(&it[i]);
			memset(&it[i], 0, sizeof it[i]);
		}
		if ((err = flow_items(m, &it[0], b, key)) == 0 &&
		    (err = flow_items(m, &it[1], o, key)) == 0 &&
		    (err = flow_items(m, &it[2], t, key)) == 0)
			err = merge_flow(m, out, key, &it[0], &it[1], &it[2]);
	}
	for (i = 0; i < 3; i++)
		items_release(&it[i]);
	return err;
}

/* The front matter keys whose values are sets of ids. */
static int
id_list(const char *key)
{
	static const char *const keys[] = { "standards", "goals",
		"evidence", "files", NULL };
	size_t			 i;

	for (i = 0; keys[i] != NULL; i++)
		if (strcmp(keys[i], key) == 0)
			return 1;
	return 0;
}

static int
merge_key(struct merge *m, struct pl_buf *out, const char *key,
    const struct part *b, const struct part *o, const struct part *t)
{
	if (id_list(key) || strcmp(key, "ratings") == 0)
		return merge_set(m, out, key, b, o, t);
	return -1;
}

/* A step: "- [ ] text" or "- [x] text" (also "*" and "+"). */
struct step {
	const char	*line;
	size_t		 len;
	size_t		 box;		/* offset of the ' ' or 'x' */
	char		*text;
	int		 done;
};

struct steps {
	struct step	*v;
	size_t		 n, cap;
	struct pl_buf	 other;		/* every other line, in order */
	struct index	 idx;		/* of the texts */
};

static int
step_of(struct step *st, const char *s, size_t n)
{
	size_t	e = n;

	if (n < 6 || strchr("-*+", s[0]) == NULL || s[1] != ' ' ||
	    s[2] != '[' || strchr(" xX", s[3]) == NULL || s[4] != ']')
		return 0;
	while (e > 5 && (s[e - 1] == '\n' || s[e - 1] == '\r'))
		e--;
	st->line = s;
	st->len = n;
	st->box = 3;
	st->done = s[3] != ' ';
	st->text = pl_xstrndup(s + 5, e - 5);
	return 1;
}

static void
steps_release(struct steps *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].text);
	free(l->v);
	pl_buf_release(&l->other);
	index_release(&l->idx);
}

/* The steps of a section; -1 when two steps have one text. */
static int
steps_of(struct merge *m, struct steps *l, const struct part *p)
{
	const char	*s, *end;
	struct step	 st;
	size_t		 n, i;

	memset(l, 0, sizeof *l);
	if (p == NULL)
		return 0;
	end = p->s + p->len;
	for (s = p->s; s < end; s += n) {
		n = line_len(s, end);
		if (!step_of(&st, s, n)) {
			pl_buf_put(&l->other, s, n);
			continue;
		}
		if (l->n == l->cap) {
			if (l->n >= PL_MERGE_PARTS_MAX) {
				free(st.text);
				return too_many(m, "steps");
			}
			l->cap = l->cap ? l->cap * 2 : 16;
			l->v = pl_xrealloc(l->v, l->cap * sizeof *l->v);
		}
		l->v[l->n++] = st;
		m->stats->parts++;
	}
	index_init(&l->idx, l->n);
	for (i = 0; i < l->n; i++)
		l->idx.key[i] = l->v[i].text;
	index_sort(m, &l->idx);
	return l->idx.dup ? -1 : 0;
}

static const struct step *
step_find(struct merge *m, const struct steps *l, const char *text)
{
	size_t	i = index_find(m, &l->idx, text);

	return i == NONE ? NULL : &l->v[i];
}

static int
same_other(const struct steps *a, const struct steps *b)
{
	return same_text(a->other.ptr, a->other.len, b->other.ptr,
	    b->other.len);
}

/* Appends a step's line with its box as box (' ', 'x' or 'X'). */
static void
put_step(struct pl_buf *out, const struct step *st, char box)
{
	emit(out, st->line, st->len);
	out->ptr[out->len - st->len + st->box] = box;
}

/*
 * Steps changed on both sides, when every other line of the section is
 * the same on all three: each step merged by its text.
 */
static int
merge_steps(struct merge *m, struct pl_buf *out, const struct part *b,
    const struct part *o, const struct part *t)
{
	struct steps		 sb, so, st;
	const struct step	*x, *y, *z, *from;
	struct pl_buf		 tail = PL_BUF_INIT;
	const char		*s, *end;
	size_t			 n, i, k = 0, last = 0;
	int			 err = -1;

	memset(&so, 0, sizeof so);
	memset(&st, 0, sizeof st);
	if (steps_of(m, &sb, b) != 0 || steps_of(m, &so, o) != 0 ||
	    steps_of(m, &st, t) != 0 || !same_other(&so, &st) ||
	    (b != NULL && !same_other(&so, &sb)))
		goto done;
	/* a step one side took out that the other changed */
	for (i = 0; i < sb.n; i++)
		if (((x = step_find(m, &so, sb.v[i].text)) == NULL) !=
		    ((y = step_find(m, &st, sb.v[i].text)) == NULL) &&
		    ((x != NULL && x->done != sb.v[i].done) ||
		    (y != NULL && y->done != sb.v[i].done)))
			goto done;
	end = o->s + o->len;
	for (s = o->s; s < end; s += n) {
		n = line_len(s, end);
		if (k < so.n && s == so.v[k].line) {
			x = &so.v[k++];
			y = step_find(m, &st, x->text);
			z = step_find(m, &sb, x->text);
			if (y == NULL && z != NULL)
				continue;	/* taken out on their side */
			/* theirs when only they changed it, ticked when
			   either ticked a step both added */
			from = x;
			if (y != NULL && ((z != NULL && x->done == z->done) ||
			    (z == NULL && !x->done)))
				from = y;
			put_step(out, x, from->line[from->box]);
			last = out->len;
			continue;
		}
		emit(out, s, n);
	}
	/* the steps they added, after the last step written */
	if (last > 0) {
		pl_buf_put(&tail, out->ptr + last, out->len - last);
		out->len = last;
	}
	for (i = 0; i < st.n; i++)
		if (step_find(m, &so, st.v[i].text) == NULL &&
		    step_find(m, &sb, st.v[i].text) == NULL)
			emit(out, st.v[i].line, st.v[i].len);
	pl_buf_put(out, tail.ptr, tail.len);
	err = 0;
done:
	pl_buf_release(&tail);
	steps_release(&sb);
	steps_release(&so);
	steps_release(&st);
	return err;
}

static int
merge_section(struct merge *m, struct pl_buf *out, const char *key,
    const struct part *b, const struct part *o, const struct part *t)
{
	if (strcmp(key, "Steps") == 0)
		return merge_steps(m, out, b, o, t);
	return -1;
}

typedef int (*merge_fn)(struct merge *, struct pl_buf *, const char *,
    const struct part *, const struct part *, const struct part *);

static void
conflict(struct merge *m, const char *what, const char *key)
{
	if (m->too_many != NULL)
		return;		/* named once, at the end */
	if (*key == '\0')
		pl_strlist_push(m->conflicts, strcmp(what, "##") == 0 ?
		    "the text before the first heading" :
		    "the front matter before its first key");
	else if (strcmp(what, "##") == 0)
		pl_strlist_push_owned(m->conflicts, pl_xasprintf("'## %s'",
		    key));
	else
		pl_strlist_push_owned(m->conflicts, pl_xasprintf("'%s'", key));
}

/* One part, matched in the others by key, merged three ways. */
static void
merge_part(struct merge *m, struct pl_buf *out, const char *what,
    const struct part *b, const struct part *o, const struct part *t,
    merge_fn fn)
{
	const struct part	*one = o != NULL ? o : t;

	if (o == NULL || t == NULL) {
		/* on one side only: added there, or taken out here */
		if (b == NULL)
			emit(out, one->s, one->len);
		else if (!same(one, b))
			conflict(m, what, one->key);
		return;
	}
	if (same(o, t) || (b != NULL && same(t, b)))
		emit(out, o->s, o->len);
	else if (b != NULL && same(o, b))
		emit(out, t->s, t->len);
	else if (fn(m, out, o->key, b, o, t) != 0)
		conflict(m, what, o->key);
}

static void
merge_parts(struct merge *m, struct pl_buf *out, const char *what,
    const struct parts *b, const struct parts *o, const struct parts *t,
    merge_fn fn)
{
	size_t	i;

	for (i = 0; i < o->n; i++)
		merge_part(m, out, what, parts_find(m, b, o->v[i].key),
		    &o->v[i], parts_find(m, t, o->v[i].key), fn);
	for (i = 0; i < t->n; i++)
		if (parts_find(m, o, t->v[i].key) == NULL)
			merge_part(m, out, what, parts_find(m, b, t->v[i].key),
			    NULL, &t->v[i], fn);
}

/* A "---" line: theirs when only theirs changed it (to CRLF, say). */
static void
line3(struct pl_buf *out, const char *b, size_t blen, const char *o,
    size_t olen, const char *t, size_t tlen)
{
	if (b != NULL && same_text(o, olen, b, blen))
		emit(out, t, tlen);
	else
		emit(out, o, olen);
}

/* The front matter changed on both sides: merged key by key. */
static void
merge_keys(struct merge *m, struct pl_buf *out, struct split *b,
    struct split *o, struct split *t)
{
	if (o->has_fm != t->has_fm || (b->has_fm && split_keys(m, &b->keys,
	    b->fm, b->fm_len) != 0) || split_keys(m, &o->keys, o->fm,
	    o->fm_len) != 0 || split_keys(m, &t->keys, t->fm, t->fm_len) != 0) {
		if (m->too_many == NULL)
			pl_strlist_push(m->conflicts, "the front matter");
		return;
	}
	if (o->head != o->open)
		pl_buf_puts(out, PL_DOC_BOM);
	line3(out, b->open, b->open_len, o->open, o->open_len, t->open,
	    t->open_len);
	merge_parts(m, out, "", &b->keys, &o->keys, &t->keys, merge_key);
	line3(out, b->close, b->close_len, o->close, o->close_len, t->close,
	    t->close_len);
}

/* The body changed on both sides: merged section by section. */
static void
merge_sections(struct merge *m, struct pl_buf *out, struct split *b,
    struct split *o, struct split *t)
{
	if (split_sections(m, &b->sections, b->body, b->body_len) != 0 ||
	    split_sections(m, &o->sections, o->body, o->body_len) != 0 ||
	    split_sections(m, &t->sections, t->body, t->body_len) != 0) {
		if (m->too_many == NULL)
			pl_strlist_push(m->conflicts, "the body (two sections "
			    "with one heading)");
		return;
	}
	merge_parts(m, out, "##", &b->sections, &o->sections, &t->sections,
	    merge_section);
}

/*
 * Both sides changed the file.  Where one alone changed the front
 * matter or the body, that side's text of it is taken as it is; only
 * what both changed is merged part by part.
 */
static void
merge_split(struct merge *m, struct pl_buf *out, struct split *b,
    struct split *o, struct split *t)
{
	size_t	at;

	if (same_text(o->head, o->head_len, t->head, t->head_len) ||
	    same_text(t->head, t->head_len, b->head, b->head_len))
		pl_buf_put(out, o->head, o->head_len);
	else if (same_text(o->head, o->head_len, b->head, b->head_len))
		pl_buf_put(out, t->head, t->head_len);
	else
		merge_keys(m, out, b, o, t);
	/* a closing line without its line end, before a body */
	at = out->len;
	if (same_text(o->body, o->body_len, t->body, t->body_len) ||
	    same_text(t->body, t->body_len, b->body, b->body_len))
		pl_buf_put(out, o->body, o->body_len);
	else if (same_text(o->body, o->body_len, b->body, b->body_len))
		pl_buf_put(out, t->body, t->body_len);
	else
		merge_sections(m, out, b, o, t);
	if (at > 0 && out->len > at && out->ptr[at - 1] != '\n' &&
	    !bom_alone(out, at)) {
		pl_buf_putc(out, '\n');
		memmove(out->ptr + at + 1, out->ptr + at, out->len - at - 1);
		out->ptr[at] = '\n';
	}
}

static int
conflicted(const char *path, const struct pl_strlist *c)
{
	struct pl_buf	b = PL_BUF_INIT;
	int		err;

	pl_strlist_join(&b, c, ", ");
	err = pl_error_set(PL_ECONFLICT, "%s: cannot merge %s: both sides "
	    "changed %s differently", path, pl_buf_cstr(&b), c->n == 1 ?
	    "it" : "them");
	pl_buf_release(&b);
	return err;
}

int
pl_merge_file(struct pl_buf *out, struct pl_strlist *conflicts,
    const char *path, const char *base, const char *ours,
    const char *theirs)
{
	return pl_merge_file_stats(out, conflicts, NULL, path, base, ours,
	    theirs);
}

int
pl_merge_file_stats(struct pl_buf *out, struct pl_strlist *conflicts,
    struct pl_merge_stats *stats, const char *path, const char *base,
    const char *ours, const char *theirs)
{
	struct pl_merge_stats	 own = { 0, 0 };
	struct merge		 m = { conflicts, stats ? stats : &own, NULL };
	struct split		 sb, so, st;
	struct pl_buf		 b = PL_BUF_INIT;
	struct pl_doc		*doc = NULL;
	size_t			 had = conflicts->n;
	int			 err = PL_OK;

	memset(&sb, 0, sizeof sb);
	memset(&so, 0, sizeof so);
	memset(&st, 0, sizeof st);

	if (strcmp(ours, theirs) == 0 || strcmp(theirs, base) == 0) {
		pl_buf_puts(out, ours);
		return PL_OK;
	}
	if (strcmp(ours, base) == 0) {
		pl_buf_puts(out, theirs);
		return PL_OK;
	}
	if (split(&sb, base) != 0 || split(&so, ours) != 0 ||
	    split(&st, theirs) != 0)
		pl_strlist_push(conflicts, "the front matter");
	else
		merge_split(&m, &b, &sb, &so, &st);
	/* what was merged must still be a portfolio file */
	if (conflicts->n == had && m.too_many == NULL &&
	    pl_doc_parse(&doc, path, pl_buf_cstr(&b), b.len) != PL_OK)
		pl_strlist_push(conflicts, "the front matter");
	pl_doc_free(doc);
	if (m.too_many != NULL) {
		pl_strlist_push_owned(conflicts, pl_xasprintf("more than "
		    "%d,%03d %s", PL_MERGE_PARTS_MAX / 1000,
		    PL_MERGE_PARTS_MAX % 1000, m.too_many));
		err = pl_error_set(PL_ECONFLICT, "%s: cannot merge more than "
		    "%d,%03d %s by structure", path, PL_MERGE_PARTS_MAX / 1000,
		    PL_MERGE_PARTS_MAX % 1000, m.too_many);
	} else if (conflicts->n > had)
		err = conflicted(path, conflicts);
	else
		pl_buf_put(out, b.ptr, b.len);
	split_release(&sb);
	split_release(&so);
	split_release(&st);
	pl_buf_release(&b);
	return err;
}
