/*
 * The files a commit made with plain git changed, from its tree and its
 * parent's, read as raw objects: each tree's entries are found where they
 * lie in the object's bytes, and two sorted lists walked side by side,
 * descending only into folders whose ids differ.  git_tree_lookup()
 * would parse every entry of a folder of thousands of files into its own
 * table, and a comparison through its accessors costs a call per byte
 * compared; on a long history those were most of a cold pl log.
 *
 * A raw tree is "<octal mode> <name>\0<20-byte id>" per entry, sorted as
 * git sorts: by name, a folder's as if it ended in '/'.
 */
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

struct tree {
	git_odb_object		*obj;
	struct entry		*v;
	size_t			 n;
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
	struct tree		*a;		/* roots: a NULL when empty */
	struct tree		*b;
	struct pl_buf		 prefix;	/* the folder compared, "x/y/" */
};

static void
tree_free(struct tree *t)
{
	if (t == NULL)
		return;
	git_odb_object_free(t->obj);
	free(t->v);
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

/* Finds t's entries in its object; 0 when it is not a well-formed tree. */
static int
parse(struct tree *t)
{
	const char	*p = git_odb_object_data(t->obj), *end, *nul;
	unsigned long	 mode;
	size_t		 cap = 0;

	end = p + git_odb_object_size(t->obj);
	while (p < end) {
		for (mode = 0; p < end && *p >= '0' && *p <= '7' &&
		    mode <= 0xffff; p++)
			mode = mode * 8 + (unsigned long)(*p - '0');
		if (p >= end || *p++ != ' ' || mode > 0xffff ||
		    (nul = memchr(p, '\0', (size_t)(end - p))) == NULL ||
		    nul == p || end - (nul + 1) < GIT_OID_RAWSZ)
			return 0;
		if (t->n == cap) {
			cap = cap ? cap * 2 : 64;
			t->v = pl_xrealloc(t->v, cap * sizeof *t->v);
		}
		t->v[t->n].name = p;
		t->v[t->n].len = (size_t)(nul - p);
		t->v[t->n].id = (const unsigned char *)nul + 1;
		t->v[t->n++].type = type_of(mode);
		p = nul + 1 + GIT_OID_RAWSZ;
	}
	return 1;
}

/* Reads tree id into *out (this pair's, or the last pair's, kept). */
static int
tree_read(struct tree **out, struct pl_treecmp *c, const git_oid *id,
    const char *what)
{
	struct tree	*t;
	size_t		 i;

	if (pl_oidmap_get(&i, &c->cur.ids, id)) {
		*out = c->cur.v[i];
		return PL_OK;
	}
	if (pl_oidmap_get(&i, &c->prev.ids, id) && c->prev.v[i] != NULL) {
		t = c->prev.v[i];
		c->prev.v[i] = NULL;
	} else {
		t = pl_xcalloc(1, sizeof *t);
		if (git_odb_read(&t->obj, c->odb, id) < 0) {
			tree_free(t);
			return pl_error_git(-1, what);
		}
		if (git_odb_object_type(t->obj) != GIT_OBJECT_TREE ||
		    !parse(t)) {
			tree_free(t);
			return pl_error_set(PL_ERROR, "%s: object %s is not a "
			    "well-formed tree", what, git_oid_tostr_s(id));
		}
	}
	gen_add(&c->cur, id, t);
	*out = t;
	return PL_OK;
}

/* The tree entry e names. */
static int
subtree(struct tree **out, struct pl_treecmp *c, const struct entry *e)
{
	git_oid	id;

	git_oid_fromraw(&id, e->id);
	return tree_read(out, c, &id, "cannot read a tree");
}

int
pl_treecmp_start(struct pl_treecmp *c, const git_oid *a, const git_oid *b)
{
	int	err;

	gen_release(&c->prev);
	c->prev = c->cur;
	memset(&c->cur, 0, sizeof c->cur);
	c->a = c->b = NULL;
	if (a != NULL && (err = tree_read(&c->a, c, a,
	    "cannot read a commit's tree")) != PL_OK)
		return err;
	return tree_read(&c->b, c, b, "cannot read a commit's tree");
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
search(const struct tree *t, const struct entry *key)
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
by_name(const struct tree *t, const char *name, size_t len)
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
same_name(const struct tree *t, size_t *k, const struct entry *e)
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

/*
 * Queues the files that differ between trees a and b (either NULL):
 * changes and deletions in a's order, then additions in b's.
 */
static int
compare(struct pl_treecmp *c, const struct tree *a, const struct tree *b,
    struct pl_strlist *out)
{
	const struct entry	*o;
	size_t			 i, k = 0;
	int			 err = PL_OK;

	for (i = 0; a != NULL && err == PL_OK && i < a->n; i++) {
		o = b != NULL ? same_name(b, &k, &a->v[i]) : NULL;
		err = change(c, &a->v[i], o, out);
	}
	k = 0;
	for (i = 0; b != NULL && err == PL_OK && i < b->n; i++)
		if (a == NULL || same_name(a, &k, &b->v[i]) == NULL)
			err = change(c, NULL, &b->v[i], out);
	return err;
}

int
pl_treecmp_entry(struct pl_treecmp *c, const char *name,
    struct pl_strlist *out)
{
	size_t	len = strlen(name);

	pl_buf_clear(&c->prefix);
	return change(c, c->a != NULL ? by_name(c->a, name, len) : NULL,
	    by_name(c->b, name, len), out);
}
