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

#include "pl/doc.h"
#include "pl/merge.h"

/* A key's block or a section: key "" is the text before the first. */
struct part {
	char		*key;
	const char	*s;
	size_t		 len;
};

struct parts {
	struct part	*v;
	size_t		 n, cap;
};

/* A file split: byte-order mark, front matter and body. */
struct split {
	int		 bom;
	int		 has_fm;
	const char	*open;		/* the "---" line */
	size_t		 open_len;
	const char	*fm;		/* between the lines */
	size_t		 fm_len;
	const char	*close;		/* the closing line */
	size_t		 close_len;
	const char	*body;
	size_t		 body_len;
	struct parts	 keys, sections;
};

/* What one merge works with, and what it found it could not merge. */
struct merge {
	struct pl_strlist	*conflicts;
};

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

static void
parts_add(struct parts *p, char *key, const char *s, size_t len)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 16;
		p->v = pl_xrealloc(p->v, p->cap * sizeof *p->v);
	}
	p->v[p->n++] = (struct part){ key, s, len };
}

static void
parts_release(struct parts *p)
{
	size_t	i;

	for (i = 0; i < p->n; i++)
		free(p->v[i].key);
	free(p->v);
	memset(p, 0, sizeof *p);
}

static const struct part *
parts_find(const struct parts *p, const char *key)
{
	size_t	i;

	for (i = 0; i < p->n; i++)
		if (strcmp(p->v[i].key, key) == 0)
			return &p->v[i];
	return NULL;
}

/* 0, or -1 when two parts have one key (they could not be told apart). */
static int
parts_unique(const struct parts *p)
{
	size_t	i, j;

	for (i = 0; i < p->n; i++)
		for (j = i + 1; j < p->n; j++)
			if (strcmp(p->v[i].key, p->v[j].key) == 0)
				return -1;
	return 0;
}

/* The key a top-level front matter line starts, or NULL for none. */
static char *
key_of(const char *s, size_t n)
{
	const char	*colon;
	size_t		 k;

	if (n == 0 || strchr(" \t#-\r\n", s[0]) != NULL)
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
split_keys(struct parts *out, const char *fm, size_t len)
{
	const char	*p = fm, *end = fm + len, *start = fm;
	char		*key, *cur = pl_xstrdup("");
	size_t		 n;

	for (; p < end; p += n) {
		n = line_len(p, end);
		if ((key = key_of(p, n)) == NULL)
			continue;
		if (*key == '\0') {
			free(key);
			free(cur);
			return -1;
		}
		if (p > start || *cur != '\0')
			parts_add(out, cur, start, (size_t)(p - start));
		else
			free(cur);
		cur = key;
		start = p;
	}
	parts_add(out, cur, start, (size_t)(end - start));
	return parts_unique(out);
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
split_sections(struct parts *out, const char *body, size_t len)
{
	const char	*p = body, *end = body + len, *start = body;
	char		*key, *cur = pl_xstrdup("");
	size_t		 n;

	for (; p < end; p += n) {
		n = line_len(p, end);
		if ((key = heading_of(p, n)) == NULL)
			continue;
		parts_add(out, cur, start, (size_t)(p - start));
		cur = key;
		start = p;
	}
	parts_add(out, cur, start, (size_t)(end - start));
	return parts_unique(out);
}

/* Splits text; -1 when its front matter is never closed or not keys. */
static int
split(struct split *sp, const char *text)
{
	const char	*p = text, *end = text + strlen(text);
	size_t		 n;

	memset(sp, 0, sizeof *sp);
	if (strncmp(p, PL_DOC_BOM, 3) == 0) {
		sp->bom = 1;
		p += 3;
	}
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
		if (split_keys(&sp->keys, sp->fm, sp->fm_len) != 0)
			return -1;
	}
	sp->body = p;
	sp->body_len = (size_t)(end - p);
	return split_sections(&sp->sections, sp->body, sp->body_len);
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
	return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

/* Appends a part, ending the line before it when the last did not. */
static void
emit(struct pl_buf *out, const char *s, size_t len)
{
	if (len == 0)
		return;
	if (out->len > 0 && out->ptr[out->len - 1] != '\n')
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

static int
block_list(struct pl_strlist *out, const struct part *p, const char *key)
{
	struct pl_doc	*doc;
	int		 err;

	if (p == NULL)
		return 0;
	if ((doc = block_doc(p)) == NULL)
		return -1;
	err = pl_doc_get_list(doc, "merge", key, out);
	pl_doc_free(doc);
	pl_error_clear();
	return err == PL_OK ? 0 : -1;
}

/*
 * What a set merge keeps, in order: ours' items that theirs has too or
 * that ours added, then those theirs added.
 */
static void
set_merge(struct pl_strlist *out, const struct pl_strlist *b,
    const struct pl_strlist *o, const struct pl_strlist *t)
{
	size_t	i;

	for (i = 0; i < o->n; i++)
		if (pl_strlist_find(t, o->v[i]) >= 0 ||
		    pl_strlist_find(b, o->v[i]) < 0)
			pl_strlist_push(out, o->v[i]);
	for (i = 0; i < t->n; i++)
		if (pl_strlist_find(o, t->v[i]) < 0 &&
		    pl_strlist_find(b, t->v[i]) < 0)
			pl_strlist_push(out, t->v[i]);
}

/* A list of ids changed on both sides: ours' block with the union. */
static int
merge_list(struct pl_buf *out, const char *key, const struct part *b,
    const struct part *o, const struct part *t)
{
	struct pl_strlist	 lb = PL_STRLIST_INIT, lo = PL_STRLIST_INIT;
	struct pl_strlist	 lt = PL_STRLIST_INIT, m = PL_STRLIST_INIT;
	struct pl_buf		 text = PL_BUF_INIT;
	struct pl_doc		*doc = NULL;
	int			 err = -1;

	if (block_list(&lb, b, key) != 0 || block_list(&lo, o, key) != 0 ||
	    block_list(&lt, t, key) != 0 || (doc = block_doc(o)) == NULL)
		goto done;
	set_merge(&m, &lb, &lo, &lt);
	pl_doc_set_list(doc, key, &m);
	pl_doc_serialize(doc, &text);
	/* the block alone, without the "---" lines around it */
	emit(out, text.ptr + 4, text.len - 8);
	err = 0;
done:
	pl_doc_free(doc);
	pl_buf_release(&text);
	pl_strlist_release(&lb);
	pl_strlist_release(&lo);
	pl_strlist_release(&lt);
	pl_strlist_release(&m);
	return err;
}

/*
 * The items of a block list under a key line, as text: each from its
 * "- " line to the next at the same indent.  What comes before the first
 * is head.  -1 for anything but a block list (a flow list, a scalar).
 */
static int
block_items(struct pl_strlist *items, struct pl_buf *head,
    const struct part *p)
{
	const char	*s, *end, *start = NULL;
	size_t		 n, ind, first = (size_t)-1;

	if (p == NULL)
		return 0;
	s = p->s;
	end = p->s + p->len;
	n = line_len(s, end);
	/* "ratings:" and nothing after it but a comment */
	if (memchr(s, ':', n) == NULL)
		return -1;
	for (s = memchr(s, ':', n) + 1; *s == ' ' || *s == '\t'; s++)
		;
	if (*s != '\n' && *s != '\r' && *s != '#' && s < end)
		return -1;
	for (s = p->s + n; s < end; s += n) {
		n = line_len(s, end);
		for (ind = 0; ind < n && s[ind] == ' '; ind++)
			;
		if (ind < n && s[ind] == '-' && (ind + 1 == n ||
		    isspace((unsigned char)s[ind + 1])) && (first ==
		    (size_t)-1 || ind == first)) {
			if (start != NULL)
				pl_strlist_push_owned(items, pl_xstrndup(start,
				    (size_t)(s - start)));
			first = ind;
			start = s;
		} else if (start == NULL && head != NULL)
			pl_buf_put(head, s, n);
	}
	if (start != NULL)
		pl_strlist_push_owned(items, pl_xstrndup(start,
		    (size_t)(end - start)));
	return 0;
}

/* Ratings changed on both sides: each rating an item of a set. */
static int
merge_items(struct pl_buf *out, const struct part *b, const struct part *o,
    const struct part *t)
{
	struct pl_strlist	 ib = PL_STRLIST_INIT, io = PL_STRLIST_INIT;
	struct pl_strlist	 it = PL_STRLIST_INIT, m = PL_STRLIST_INIT;
	struct pl_buf		 head = PL_BUF_INIT;
	size_t			 i;
	int			 err = -1;

	if (block_items(&ib, NULL, b) != 0 ||
	    block_items(&io, &head, o) != 0 ||
	    block_items(&it, NULL, t) != 0)
		goto done;
	set_merge(&m, &ib, &io, &it);
	emit(out, o->s, line_len(o->s, o->s + o->len));
	pl_buf_put(out, head.ptr, head.len);
	for (i = 0; i < m.n; i++)
		emit(out, m.v[i], strlen(m.v[i]));
	err = 0;
done:
	pl_buf_release(&head);
	pl_strlist_release(&ib);
	pl_strlist_release(&io);
	pl_strlist_release(&it);
	pl_strlist_release(&m);
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
merge_key(struct pl_buf *out, const char *key, const struct part *b,
    const struct part *o, const struct part *t)
{
	/* a block list item by item, as written; a flow list as data */
	if (id_list(key))
		return merge_items(out, b, o, t) == 0 ? 0 :
		    merge_list(out, key, b, o, t);
	if (strcmp(key, "ratings") == 0)
		return merge_items(out, b, o, t);
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
	size_t		 n;
	struct pl_buf	 other;		/* every other line, in order */
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
}

/* The steps of a section; -1 when two steps have one text. */
static int
steps_of(struct steps *l, const struct part *p)
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
		for (i = 0; i < l->n; i++)
			if (strcmp(l->v[i].text, st.text) == 0) {
				free(st.text);
				return -1;
			}
		l->v = pl_xrealloc(l->v, (l->n + 1) * sizeof *l->v);
		l->v[l->n++] = st;
	}
	return 0;
}

static const struct step *
step_find(const struct steps *l, const char *text)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].text, text) == 0)
			return &l->v[i];
	return NULL;
}

static int
same_other(const struct steps *a, const struct steps *b)
{
	return a->other.len == b->other.len && (a->other.len == 0 ||
	    memcmp(a->other.ptr, b->other.ptr, a->other.len) == 0);
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
merge_steps(struct pl_buf *out, const struct part *b, const struct part *o,
    const struct part *t)
{
	struct steps		 sb, so, st;
	const struct step	*x, *y, *z, *from;
	const char		*s, *end;
	size_t			 n, i, k = 0, last = 0;
	int			 err = -1;

	memset(&so, 0, sizeof so);
	memset(&st, 0, sizeof st);
	if (steps_of(&sb, b) != 0 || steps_of(&so, o) != 0 ||
	    steps_of(&st, t) != 0 || !same_other(&so, &st) ||
	    (b != NULL && !same_other(&so, &sb)))
		goto done;
	/* a step one side took out that the other changed */
	for (i = 0; i < sb.n; i++)
		if (((x = step_find(&so, sb.v[i].text)) == NULL) !=
		    ((y = step_find(&st, sb.v[i].text)) == NULL) &&
		    ((x != NULL && x->done != sb.v[i].done) ||
		    (y != NULL && y->done != sb.v[i].done)))
			goto done;
	end = o->s + o->len;
	for (s = o->s; s < end; s += n) {
		n = line_len(s, end);
		if (k < so.n && s == so.v[k].line) {
			x = &so.v[k++];
			y = step_find(&st, x->text);
			if (y == NULL && step_find(&sb, x->text) != NULL)
				continue;	/* taken out on their side */
			z = step_find(&sb, x->text);
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
	/* the steps they added, after ours */
	for (i = 0; i < st.n; i++) {
		if (step_find(&so, st.v[i].text) != NULL ||
		    step_find(&sb, st.v[i].text) != NULL)
			continue;
		if (last == 0) {
			emit(out, st.v[i].line, st.v[i].len);
			continue;
		}
		/* inserted at last, after the last step written */
		{
			struct pl_buf	tail = PL_BUF_INIT;

			pl_buf_put(&tail, out->ptr + last, out->len - last);
			out->len = last;
			emit(out, st.v[i].line, st.v[i].len);
			last = out->len;
			pl_buf_put(out, tail.ptr, tail.len);
			pl_buf_release(&tail);
		}
	}
	err = 0;
done:
	steps_release(&sb);
	steps_release(&so);
	steps_release(&st);
	return err;
}

static int
merge_section(struct pl_buf *out, const char *key, const struct part *b,
    const struct part *o, const struct part *t)
{
	if (strcmp(key, "Steps") == 0)
		return merge_steps(out, b, o, t);
	return -1;
}

typedef int (*merge_fn)(struct pl_buf *, const char *, const struct part *,
    const struct part *, const struct part *);

static void
conflict(struct merge *m, const char *what, const char *key)
{
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
	else if (fn(out, o->key, b, o, t) != 0)
		conflict(m, what, o->key);
}

static void
merge_parts(struct merge *m, struct pl_buf *out, const char *what,
    const struct parts *b, const struct parts *o, const struct parts *t,
    merge_fn fn)
{
	const struct part	*x;
	size_t			 i;

	for (i = 0; i < o->n; i++)
		merge_part(m, out, what, parts_find(b, o->v[i].key), &o->v[i],
		    parts_find(t, o->v[i].key), fn);
	for (i = 0; i < t->n; i++)
		if ((x = parts_find(o, t->v[i].key)) == NULL)
			merge_part(m, out, what, parts_find(b, t->v[i].key),
			    NULL, &t->v[i], fn);
}

/* Both sides changed the file: merged part by part. */
static void
merge_split(struct merge *m, struct pl_buf *out, const struct split *b,
    const struct split *o, const struct split *t)
{
	if (o->bom)
		pl_buf_puts(out, PL_DOC_BOM);
	if (o->has_fm != t->has_fm) {
		pl_strlist_push(m->conflicts, "the front matter");
		return;
	}
	if (o->has_fm) {
		pl_buf_put(out, o->open, o->open_len);
		merge_parts(m, out, "", &b->keys, &o->keys, &t->keys,
		    merge_key);
		emit(out, o->close, o->close_len);
	}
	merge_parts(m, out, "##", &b->sections, &o->sections, &t->sections,
	    merge_section);
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
	struct merge	 m = { conflicts };
	struct split	 sb, so, st;
	struct pl_buf	 b = PL_BUF_INIT;
	struct pl_doc	*doc = NULL;
	size_t		 had = conflicts->n;
	int		 err = PL_OK;

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
	if (conflicts->n == had && pl_doc_parse(&doc, path, pl_buf_cstr(&b),
	    b.len) != PL_OK)
		pl_strlist_push(conflicts, "the front matter");
	pl_doc_free(doc);
	if (conflicts->n > had)
		err = conflicted(path, conflicts);
	else
		pl_buf_put(out, b.ptr, b.len);
	split_release(&sb);
	split_release(&so);
	split_release(&st);
	pl_buf_release(&b);
	return err;
}
