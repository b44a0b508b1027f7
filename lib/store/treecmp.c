/*
 * The files a commit made with plain git changed, from its tree and its
 * parent's, read as raw objects: two sorted lists of entries walked side
 * by side, descending only into folders whose ids differ.  Two versions
 * of a folder of thousands of files differ in a few entries, so their
 * bytes are compared first and only the entries between the common start
 * and the common end are read.  git_tree_lookup() would parse every
 * entry of both into tables, and a comparison through its accessors
 * costs a call per byte compared: on a long history those were most of a
 * cold pl log.
 *
 * A raw tree is "<octal mode> <name>\0<20-byte id>" per entry, sorted as
 * git sorts: by name, a folder's as if it ended in '/'.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "store/git.h"
#include "store/oidmap.h"
#include "store/treecmp.h"

#define MODE_TYPE	0170000
#define MODE_TREE	0040000
#define MODE_LINK	0160000		/* a submodule's commit */

enum type { BLOB, TREE, COMMIT };

struct entry {
	const char		*name;		/* NUL-terminated, in the object */
	size_t			 len;
	const unsigned char	*id;		/* GIT_OID_RAWSZ bytes */
	enum type		 type;
};

/* A raw tree object. */
struct tree {
	git_odb_object		*obj;
	const char		*p;
	size_t			 len;
};

/* Entries of part of a tree, in its order. */
struct list {
	struct entry		*v;
	size_t			 n;
	size_t			 cap;
};

/* The trees read while comparing one pair of roots, by id. */
struct gen {
	struct tree		**v;
	size_t			  n;
	size_t			  cap;
	struct pl_oidmap	  ids;		/* to indexes in v */
};

struct pl_treecmp {
	git_odb			*odb;
	struct gen		 cur;		/* this pair's */
	struct gen		 prev;		/* the last pair's */
	struct gen		 look;		/* read by the last find */
	git_oid			 look_root;
	struct list		 a;		/* the roots' entries */
	struct list		 b;
	struct pl_buf		 prefix;	/* the folder compared, "x/y/" */
};

static void
tree_free(struct tree *t)
{
	if (t == NULL)
		return;
	git_odb_object_free(t->obj);
	free(t);
}

static void
gen_release(struct gen *g)
{
	size_t	i;

	for (i = 0; i < g->n; i++)
		tree_free(g->v[i]);
	free(g->v);
	pl_oidmap_release(&g->ids);
	memset(g, 0, sizeof *g);
}

static void
gen_add(struct gen *g, const git_oid *id, struct tree *t)
{
	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 8;
		g->v = pl_xrealloc(g->v, g->cap * sizeof *g->v);
	}
	(void)pl_oidmap_put(&g->ids, id, g->n);
	g->v[g->n++] = t;
}

int
pl_treecmp_new(struct pl_treecmp **out, git_repository *repo)
{
	struct pl_treecmp	*c;
	git_odb			*odb;

	*out = NULL;
	if (git_repository_odb(&odb, repo) < 0)
		return pl_error_git(-1, "cannot open the object database");
	c = pl_xcalloc(1, sizeof *c);
	c->odb = odb;
	*out = c;
	return PL_OK;
}

void
pl_treecmp_free(struct pl_treecmp *c)
{
	if (c == NULL)
		return;
	gen_release(&c->cur);
	gen_release(&c->prev);
	gen_release(&c->look);
	free(c->a.v);
	free(c->b.v);
	pl_buf_release(&c->prefix);
	git_odb_free(c->odb);
	free(c);
}

static enum type
type_of(unsigned long mode)
{
	if ((mode & MODE_TYPE) == MODE_LINK)
		return COMMIT;
	return (mode & MODE_TYPE) == MODE_TREE ? TREE : BLOB;
}

/*
 * Appends to l the entries from p that start before stop (at most end);
 * the first entry after them, or NULL when they are not well-formed.
 */
static const char *
parse(struct list *l, const char *p, const char *stop, const char *end)
{
	const char	*nul;
	unsigned long	 mode;

	while (p < stop) {
		for (mode = 0; p < end && *p >= '0' && *p <= '7' &&
		    mode <= 0xffff; p++)
			mode = mode * 8 + (unsigned long)(*p - '0');
		if (p >= end || *p++ != ' ' || mode > 0xffff ||
		    (nul = memchr(p, '\0', (size_t)(end - p))) == NULL ||
		    nul == p || end - (nul + 1) < GIT_OID_RAWSZ)
			return NULL;
		if (l->n == l->cap) {
			l->cap = l->cap ? l->cap * 2 : 64;
			l->v = pl_xrealloc(l->v, l->cap * sizeof *l->v);
		}
		l->v[l->n].name = p;
		l->v[l->n].len = (size_t)(nul - p);
		l->v[l->n].id = (const unsigned char *)nul + 1;
		l->v[l->n++].type = type_of(mode);
		p = nul + 1 + GIT_OID_RAWSZ;
	}
	return p;
}

/* Appends all of t's entries to l; 0 when they are not well-formed. */
static int
parse_all(struct list *l, const struct tree *t)
{
	return parse(l, t->p, t->p + t->len, t->p + t->len) != NULL;
}

static int
corrupt(const char *what)
{
	return pl_error_set(PL_ERROR, "%s: a tree is not well-formed", what);
}

/* Takes tree id out of g, or NULL. */
static struct tree *
take(struct gen *g, const git_oid *id)
{
	struct tree	*t = NULL;
	size_t		 i;

	if (pl_oidmap_get(&i, &g->ids, id)) {
		t = g->v[i];
		g->v[i] = NULL;
	}
	return t;
}

/*
 * Reads tree id into *out, kept in g until g is released: this pair's
 * trees are found in cur (and stay there), the others taken from the
 * last pair's or the last find's.
 */
static int
tree_read(struct tree **out, struct pl_treecmp *c, struct gen *g,
    const git_oid *id, const char *what)
{
	struct tree	*t;
	size_t		 i;

	if (pl_oidmap_get(&i, &c->cur.ids, id) && c->cur.v[i] != NULL) {
		*out = c->cur.v[i];
		return PL_OK;
	}
	if (pl_oidmap_get(&i, &g->ids, id) && g->v[i] != NULL) {
		*out = g->v[i];
		return PL_OK;
	}
	if ((t = take(&c->prev, id)) == NULL && (t = take(&c->look,
	    id)) == NULL) {
		t = pl_xcalloc(1, sizeof *t);
		if (git_odb_read(&t->obj, c->odb, id) < 0) {
			tree_free(t);
			return pl_error_git(-1, what);
		}
		if (git_odb_object_type(t->obj) != GIT_OBJECT_TREE) {
			tree_free(t);
			return corrupt(what);
		}
		t->p = git_odb_object_data(t->obj);
		t->len = git_odb_object_size(t->obj);
	}
	gen_add(g, id, t);
	*out = t;
	return PL_OK;
}

/* The tree entry e names. */
static int
subtree(struct tree **out, struct pl_treecmp *c, const struct entry *e)
{
	git_oid	id;

	git_oid_fromraw(&id, e->id);
	return tree_read(out, c, &c->cur, &id, "cannot read a tree");
}

int
pl_treecmp_start(struct pl_treecmp *c, const git_oid *a, const git_oid *b)
{
	static const char	*what = "cannot read a commit's tree";
	struct tree		*ta = NULL, *tb;
	int			 err;

	gen_release(&c->prev);
	c->prev = c->cur;
	memset(&c->cur, 0, sizeof c->cur);
	c->a.n = c->b.n = 0;
	if ((a != NULL && (err = tree_read(&ta, c, &c->cur, a, what)) !=
	    PL_OK) || (err = tree_read(&tb, c, &c->cur, b, what)) != PL_OK)
		return err;
	if ((ta != NULL && !parse_all(&c->a, ta)) || !parse_all(&c->b, tb))
		return corrupt(what);
	return PL_OK;
}

/* git's order: by name, a folder's as if it ended in '/'. */
static int
order(const struct entry *x, const struct entry *y)
{
	size_t		n = x->len < y->len ? x->len : y->len;
	int		d = memcmp(x->name, y->name, n);
	unsigned char	cx, cy;

	if (d != 0)
		return d;
	cx = n < x->len ? (unsigned char)x->name[n] : x->type == TREE ? '/' :
	    '\0';
	cy = n < y->len ? (unsigned char)y->name[n] : y->type == TREE ? '/' :
	    '\0';
	return (int)cx - (int)cy;
}

/* The entry of t that sorts as key does, or NULL. */
static const struct entry *
search(const struct list *t, const struct entry *key)
{
	size_t	lo = 0, hi = t->n, mid;
	int	d;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((d = order(&t->v[mid], key)) == 0)
			return &t->v[mid];
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The entry of t named name, a folder or not, or NULL. */
static const struct entry *
by_name(const struct list *t, const char *name, size_t len)
{
	struct entry		 key = { name, len, NULL, BLOB };
	const struct entry	*e;

	if ((e = search(t, &key)) != NULL)
		return e;
	key.type = TREE;
	return search(t, &key);
}

/*
 * The entry of t named as e, or NULL.  Both trees are sorted, so the
 * walk goes forward from *k: comparing two folders of thousands of files
 * costs their length, not a search per entry.  A name whose type changed
 * sorts elsewhere, and is searched for.
 */
static const struct entry *
same_name(const struct list *t, size_t *k, const struct entry *e)
{
	int	d = -1;

	while (*k < t->n && (d = order(&t->v[*k], e)) < 0)
		(*k)++;
	if (*k < t->n && d == 0)
		return &t->v[*k];
	return by_name(t, e->name, e->len);
}

static void
queue(struct pl_treecmp *c, char action, const struct entry *e,
    struct pl_strlist *out)
{
	pl_strlist_push_owned(out, pl_xasprintf("%c%s%s", action,
	    pl_buf_cstr(&c->prefix), e->name));
}

static int	compare(struct pl_treecmp *, const struct tree *,
		    const struct tree *, struct pl_strlist *);

/*
 * Compares a and b (either NULL) as the folder named e, under the
 * current prefix.
 */
static int
folder(struct pl_treecmp *c, const struct entry *e, const struct tree *a,
    const struct tree *b, struct pl_strlist *out)
{
	size_t	len = c->prefix.len;
	int	err;

	pl_buf_put(&c->prefix, e->name, e->len);
	pl_buf_putc(&c->prefix, '/');
	err = compare(c, a, b, out);
	c->prefix.len = len;
	c->prefix.ptr[len] = '\0';
	return err;
}

/* Queues every file under entry e (a file, or a folder walked whole). */
static int
whole(struct pl_treecmp *c, const struct entry *e, char action,
    struct pl_strlist *out)
{
	struct tree	*t;
	int		 err;

	if (e->type != TREE) {
		queue(c, action, e, out);
		return PL_OK;
	}
	if ((err = subtree(&t, c, e)) != PL_OK)
		return err;
	return action == 'A' ? folder(c, e, NULL, t, out) : folder(c, e, t,
	    NULL, out);
}

/* Queues how entry a (old) became b (new); either may be NULL. */
static int
change(struct pl_treecmp *c, const struct entry *a, const struct entry *b,
    struct pl_strlist *out)
{
	struct tree	*ta, *tb;
	int		 err;

	if (a != NULL && b != NULL && memcmp(a->id, b->id,
	    GIT_OID_RAWSZ) == 0)
		return PL_OK;
	if (a == NULL || b == NULL || a->type != b->type) {
		err = a != NULL ? whole(c, a, 'D', out) : PL_OK;
		if (err == PL_OK && b != NULL)
			err = whole(c, b, 'A', out);
		return err;
	}
	if (a->type != TREE) {
		queue(c, 'M', a, out);
		return PL_OK;
	}
	if ((err = subtree(&ta, c, a)) != PL_OK ||
	    (err = subtree(&tb, c, b)) != PL_OK)
		return err;
	return folder(c, a, ta, tb, out);
}

/* The length of the bytes x and y start with alike, at most n. */
static size_t
same_start(const char *x, const char *y, size_t n)
{
	size_t	i = 0;

	while (i + 1024 <= n && memcmp(x + i, y + i, 1024) == 0)
		i += 1024;
	while (i < n && x[i] == y[i])
		i++;
	return i;
}

/* The length of the bytes before xe and ye that are alike, at most n. */
static size_t
same_end(const char *xe, const char *ye, size_t n)
{
	size_t	i = 0;

	while (i + 1024 <= n && memcmp(xe - i - 1024, ye - i - 1024,
	    1024) == 0)
		i += 1024;
	while (i < n && xe[-(ptrdiff_t)i - 1] == ye[-(ptrdiff_t)i - 1])
		i++;
	return i;
}

/* The first entry of p that does not end in its first n bytes. */
static const char *
past_whole_entries(const char *p, size_t n)
{
	const char	*q = p, *end = p + n, *nul;

	while ((nul = memchr(q, '\0', (size_t)(end - q))) != NULL &&
	    end - (nul + 1) >= GIT_OID_RAWSZ)
		q = nul + 1 + GIT_OID_RAWSZ;
	return q;
}

/*
 * The entries of a and b that are not in the bytes both start and end
 * with, in la and lb.  Entries wholly in a common start are at the same
 * places in both; the common end is cut where it starts an entry in
 * both, else read whole.  Names are unique in a tree, so an entry of one
 * middle is never named as one outside the other's.
 */
static int
middles(struct list *la, struct list *lb, const struct tree *a,
    const struct tree *b)
{
	const char	*ea = a->p + a->len, *eb = b->p + b->len, *pa, *pb;
	size_t		 n = a->len < b->len ? a->len : b->len, head, tail;

	head = same_start(a->p, b->p, n);
	tail = same_end(ea, eb, n - head);
	pa = past_whole_entries(a->p, head);
	pb = b->p + (pa - a->p);
	if ((pa = parse(la, pa, ea - tail, ea)) == NULL ||
	    (pb = parse(lb, pb, eb - (ea - pa), eb)) == NULL)
		return 0;
	if (eb - pb == ea - pa)
		return 1;
	return parse(la, pa, ea, ea) != NULL && parse(lb, pb, eb, eb) != NULL;
}

/*
 * Queues the files that differ between trees a and b (either NULL):
 * changes and deletions in a's order, then additions in b's.
 */
static int
compare(struct pl_treecmp *c, const struct tree *a, const struct tree *b,
    struct pl_strlist *out)
{
	struct list		 la = { 0 }, lb = { 0 };
	const struct entry	*o;
	size_t			 i, k = 0;
	int			 err = PL_OK;

	if (a != NULL && b != NULL ? !middles(&la, &lb, a, b) :
	    a != NULL ? !parse_all(&la, a) : !parse_all(&lb, b)) {
		err = corrupt("cannot read a tree");
		goto done;
	}
	for (i = 0; err == PL_OK && i < la.n; i++) {
		o = b != NULL ? same_name(&lb, &k, &la.v[i]) : NULL;
		err = change(c, &la.v[i], o, out);
	}
	k = 0;
	for (i = 0; err == PL_OK && i < lb.n; i++)
		if (a == NULL || same_name(&la, &k, &lb.v[i]) == NULL)
			err = change(c, NULL, &lb.v[i], out);
done:
	free(la.v);
	free(lb.v);
	return err;
}

int
pl_treecmp_entry(struct pl_treecmp *c, const char *name,
    struct pl_strlist *out)
{
	size_t	len = strlen(name);

	pl_buf_clear(&c->prefix);
	return change(c, by_name(&c->a, name, len), by_name(&c->b, name, len),
	    out);
}

/* The entry of raw tree t named name (len bytes), or 0. */
static int
find_entry(struct entry *out, const struct tree *t, const char *name,
    size_t len)
{
	struct list	l = { 0 };
	const char	*p = t->p, *end = t->p + t->len;
	int		 found = 0;

	/* one entry at a time: a file is looked up once, not searched */
	while (!found && p < end) {
		l.n = 0;
		if ((p = parse(&l, p, p + 1, end)) == NULL)
			break;
		if (l.v[0].len == len && memcmp(l.v[0].name, name, len) == 0) {
			*out = l.v[0];
			found = 1;
		}
	}
	free(l.v);
	return found;
}

int
pl_treecmp_find(git_oid *out, struct pl_treecmp *c, const git_oid *root,
    const char *path)
{
	struct tree	*t;
	struct entry	 e;
	git_oid		 id;
	size_t		 len;
	int		 err;

	if (!git_oid_equal(root, &c->look_root)) {
		gen_release(&c->look);
		git_oid_cpy(&c->look_root, root);
	}
	if ((err = tree_read(&t, c, &c->look, root,
	    "cannot read a commit's tree")) != PL_OK)
		return err;
	for (;;) {
		len = strcspn(path, "/");
		if (len == 0 || !find_entry(&e, t, path, len))
			return PL_ENOTFOUND;
		git_oid_fromraw(&id, e.id);
		if (path[len] == '\0' || (path[len] == '/' &&
		    path[len + 1] == '\0' && e.type == TREE))
			break;
		if (e.type != TREE || tree_read(&t, c, &c->look, &id,
		    "cannot read a tree") != PL_OK)
			return PL_ENOTFOUND;
		path += len + 1;
	}
	if (e.type != BLOB)
		return PL_ENOTFOUND;
	git_oid_cpy(out, &id);
	return PL_OK;
}
