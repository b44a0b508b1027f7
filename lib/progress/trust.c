/*
 * The chain of trust in .pl/allowed_signers (see trust.h), worked out
 * once per history: a walk from the tip, every parent before its
 * children, one node per commit, and a table from commit to node.  A
 * commit that does not change the list takes its parent's state, so only
 * the changes to the list have their signatures checked here.
 *
 * What a commit holds (its list's blob, its parents) never changes, so
 * it is kept in <gitdir>/pl/trust-cache and a later walk reads no commit
 * it has seen:
 *
 *	"pl trust cache 1\n"
 *	records: the commit (20 bytes), its list (20 bytes: all 0 for none,
 *	all 0xff for one that is not a file), the number of parents (4
 *	bytes, little-endian), the parents (20 bytes each)
 *	the CRC-32 of everything before it (4 bytes, little-endian)
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "store/cache.h"
#include "progress/trust.h"
#include "store/git.h"
#include "store/oidmap.h"

#define NO_NODE		((size_t)-1)
#define CACHE_HEADER	"pl trust cache 1\n"
#define CACHE_MAX	((size_t)64 * 1024 * 1024)

struct node {
	git_oid		 id;
	git_oid		 list;		/* the list's blob in its tree */
	git_oid		 trusted;	/* the last list trusted here */
	size_t		 parent, nparents; /* into pl_trust.pids */
	size_t		 broken;	/* the break in force, or NO_NODE */
	unsigned	 has_list : 1;
	unsigned	 walked : 1;	/* in the history, its state set */
	unsigned	 ever : 1;	/* it or an ancestor has a list */
	unsigned	 has_trusted : 1;
};

struct frame {
	size_t	node;
	size_t	next;			/* the next parent to visit */
};

struct pl_trust {
	git_repository		*repo;
	struct node		*v;
	size_t			 n, cap;
	git_oid			*pids;		/* the nodes' parents */
	size_t			 np, pcap;
	struct pl_oidmap	 index;		/* commit id to node */
	size_t			*order;		/* walked, parents first */
	size_t			 norder;
	size_t			 cached;	/* nodes read from the cache */
	char			*cache_path;
	git_oid			 first;		/* the first list trusted */
	int			 has_first, pinned;
	struct pl_trust_break	*breaks;
	size_t			 nbreaks;
	pl_trust_check_fn	 check;
	void			*arg;
};

/* A list that is not a file (a link, a folder) trusts no key. */
static const git_oid not_a_file = { { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff } };
static const git_oid no_list;

static size_t
find(const struct pl_trust *t, const git_oid *id)
{
	size_t	i;

	return pl_oidmap_get(&i, &t->index, id) ? i : NO_NODE;
}

/* A node for id, which has none yet, its list and parents to be set. */
static struct node *
node_new(struct pl_trust *t, const git_oid *id)
{
	if (t->n == t->cap) {
		t->cap = t->cap == 0 ? 64 : t->cap * 2;
		t->v = pl_xrealloc(t->v, t->cap * sizeof *t->v);
	}
	memset(&t->v[t->n], 0, sizeof t->v[t->n]);
	t->v[t->n].id = *id;
	t->v[t->n].broken = NO_NODE;
	t->v[t->n].parent = t->np;
	(void)pl_oidmap_put(&t->index, id, t->n);
	return &t->v[t->n++];
}

static void
parent_put(struct pl_trust *t, const git_oid *id)
{
	if (t->np == t->pcap) {
		t->pcap = t->pcap == 0 ? 64 : t->pcap * 2;
		t->pids = pl_xrealloc(t->pids, t->pcap * sizeof *t->pids);
	}
	t->pids[t->np++] = *id;
}

/* The list in commit c's tree into node d. */
static int
list_read(struct node *d, git_commit *c)
{
	git_tree	*tree = NULL;
	git_tree_entry	*e = NULL;
	int		 rc;

	if ((rc = git_commit_tree(&tree, c)) < 0)
		return pl_error_git(rc, "cannot read a commit's tree");
	rc = git_tree_entry_bypath(&e, tree, PL_ALLOWED_SIGNERS);
	if (rc == 0) {
		d->has_list = 1;
		d->list = git_tree_entry_type(e) == GIT_OBJECT_BLOB &&
		    git_tree_entry_filemode(e) != GIT_FILEMODE_LINK ?
		    *git_tree_entry_id(e) : not_a_file;
	}
	git_tree_entry_free(e);
	git_tree_free(tree);
	if (rc < 0 && rc != GIT_ENOTFOUND)
		return pl_error_git(rc, PL_ALLOWED_SIGNERS);
	return 0;
}

/*
 * The node of commit id into *out, read from git when it is not one yet;
 * NO_NODE for a commit the repository lacks (past a shallow clone's
 * end).
 */
static int
node_get(size_t *out, struct pl_trust *t, const git_oid *id)
{
	git_commit	*c = NULL;
	struct node	*d;
	unsigned	 i;
	int		 rc, err;

	if ((*out = find(t, id)) != NO_NODE)
		return 0;
	if ((rc = git_commit_lookup(&c, t->repo, id)) == GIT_ENOTFOUND)
		return 0;
	if (rc < 0)
		return pl_error_git(rc, "cannot read a commit");
	d = node_new(t, id);
	d->nparents = git_commit_parentcount(c);
	for (i = 0; i < d->nparents; i++)
		parent_put(t, git_commit_parent_id(c, i));
	err = list_read(d, c);
	*out = t->n - 1;
	git_commit_free(c);
	return err;
}

static void
order_put(struct pl_trust *t, size_t node)
{
	t->order = pl_xrealloc(t->order, (t->norder + 1) * sizeof *t->order);
	t->order[t->norder++] = node;
	t->v[node].walked = 1;
}

/*
 * Puts the commits of tip's history not walked before in t->order,
 * every parent before its children: a depth-first walk, each commit
 * placed when its parents are.
 */
static int
walk(struct pl_trust *t, const git_oid *tip)
{
	struct frame	*stack = NULL, *f;
	size_t		 n = 0, cap = 0, k;
	int		 err;

	if ((err = node_get(&k, t, tip)) != 0 || k == NO_NODE ||
	    t->v[k].walked)
		return err;
	t->v[k].walked = 1;	/* on the stack: not pushed twice */
	stack = pl_xrealloc(stack, (cap = 64) * sizeof *stack);
	stack[n++] = (struct frame){ k, 0 };
	while (err == 0 && n > 0) {
		f = &stack[n - 1];
		if (f->next == t->v[f->node].nparents) {
			order_put(t, f->node);
			n--;
			continue;
		}
		if ((err = node_get(&k, t, &t->pids[t->v[f->node].parent +
		    f->next++])) != 0 || k == NO_NODE || t->v[k].walked)
			continue;
		t->v[k].walked = 1;
		if (n == cap)
			stack = pl_xrealloc(stack, (cap *= 2) * sizeof *stack);
		stack[n++] = (struct frame){ k, 0 };
	}
	free(stack);
	return err;
}

/* The node of a parent, or NO_NODE when the repository lacks it. */
static size_t
parent_of(const struct pl_trust *t, const struct node *d, size_t i)
{
	return find(t, &t->pids[d->parent + i]);
}

/* Reads the cache: nodes whose list and parents are known. */
static void
cache_load(struct pl_trust *t)
{
	struct pl_buf	 b = PL_BUF_INIT;
	const unsigned char *p, *end;
	struct node	*d;
	uint32_t	 np, crc;
	size_t		 h = strlen(CACHE_HEADER), i;

	if (pl_cache_read(&b, t->cache_path, CACHE_MAX) != 0)
		return;
	p = (const unsigned char *)b.ptr;
	end = p + b.len - 4;
	if (b.len < h + 4 || memcmp(p, CACHE_HEADER, h) != 0)
		goto done;
	memcpy(&crc, end, 4);
	if (crc != (uint32_t)crc32(0, p, (uInt)(b.len - 4)))
		goto done;
	for (p += h; p + 44 <= end; p += 44 + 20 * (size_t)np) {
		memcpy(&np, p + 40, 4);
		if ((size_t)(end - p - 44) / 20 < np)
			break;
		if (find(t, (const git_oid *)p) != NO_NODE)
			continue;
		d = node_new(t, (const git_oid *)p);
		memcpy(&d->list, p + 20, 20);
		d->has_list = !git_oid_equal(&d->list, &no_list);
		d->nparents = np;
		for (i = 0; i < np; i++)
			parent_put(t, (const git_oid *)(p + 44 + 20 * i));
	}
	t->cached = t->n;
done:
	pl_buf_release(&b);
}

/* Writes the cache when the walk read commits it did not hold. */
static void
cache_save(struct pl_trust *t)
{
	struct pl_buf		 b = PL_BUF_INIT;
	const struct node	*d;
	uint32_t		 np, crc;
	size_t			 i;

	if (t->n == t->cached)
		return;
	pl_buf_puts(&b, CACHE_HEADER);
	for (i = 0; i < t->n; i++) {
		d = &t->v[i];
		np = (uint32_t)d->nparents;
		pl_buf_put(&b, (const char *)d->id.id, 20);
		pl_buf_put(&b, (const char *)(d->has_list ? &d->list :
		    &no_list)->id, 20);
		pl_buf_put(&b, (const char *)&np, 4);
		if (np > 0)	/* a root commit's parent is nothing */
			pl_buf_put(&b, (const char *)t->pids[d->parent].id,
			    20 * d->nparents);
	}
	crc = (uint32_t)crc32(0, (const unsigned char *)b.ptr, (uInt)b.len);
	pl_buf_put(&b, (const char *)&crc, 4);
	if (b.len <= CACHE_MAX)
		pl_cache_save(t->cache_path, b.ptr, b.len);
	pl_buf_release(&b);
}

static const git_oid *
keys(const struct node *d)
{
	if (!d->has_trusted || git_oid_equal(&d->trusted, &not_a_file))
		return NULL;
	return &d->trusted;
}

static int
same_list(const struct node *a, const struct node *b)
{
	if (!a->has_list || !b->has_list)
		return a->has_list == b->has_list;
	return git_oid_equal(&a->list, &b->list);
}

static void
broken(struct pl_trust *t, struct node *d, enum pl_trust_why why,
    enum pl_sig_state state)
{
	t->breaks = pl_xrealloc(t->breaks, (t->nbreaks + 1) *
	    sizeof *t->breaks);
	t->breaks[t->nbreaks].commit = d->id;
	t->breaks[t->nbreaks].why = why;
	t->breaks[t->nbreaks].state = state;
	d->broken = t->nbreaks++;
}

/* Its own list trusted as it is: the first list, or the pinned one. */
static void
trust_own(struct node *d)
{
	d->trusted = d->list;
	d->has_trusted = d->has_list;
	d->broken = NO_NODE;
}

/*
 * The parent a commit is judged by (an unbroken one first), the one
 * whose list it keeps unchanged, if any (again an unbroken one first),
 * and a parent whose chain is broken, if any.
 */
static void
parents_of(size_t *judge, size_t *same, size_t *brk,
    const struct pl_trust *t, const struct node *d)
{
	const struct node	*p;
	size_t			 i, k;

	*judge = *same = *brk = NO_NODE;
	for (i = 0; i < d->nparents; i++) {
		if ((k = parent_of(t, d, i)) == NO_NODE ||
		    !(p = &t->v[k])->ever)
			continue;
		if (p->broken != NO_NODE && *brk == NO_NODE)
			*brk = k;
		if (*judge == NO_NODE || (t->v[*judge].broken != NO_NODE &&
		    p->broken == NO_NODE))
			*judge = k;
		if (same_list(d, p) && (*same == NO_NODE ||
		    (t->v[*same].broken != NO_NODE && p->broken == NO_NODE)))
			*same = k;
	}
}

static void
state_copy(struct node *d, const struct node *from)
{
	d->trusted = from->trusted;
	d->has_trusted = from->has_trusted;
	d->broken = from->broken;
}

/* The state of node i, whose parents have theirs. */
static int
settle(struct pl_trust *t, size_t i)
{
	struct node		*d = &t->v[i];
	const struct node	*j;
	enum pl_sig_state	 state;
	size_t			 judge, same, brk;
	int			 err;

	if (!d->ever)
		return 0;
	if (t->pinned && git_oid_equal(&d->id, &t->first)) {
		trust_own(d);
		return 0;
	}
	parents_of(&judge, &same, &brk, t, d);
	if (judge == NO_NODE) {
		/* a first list: trusted only as the one first list */
		if (t->has_first && git_oid_equal(&d->id, &t->first))
			trust_own(d);
		else
			broken(t, d, t->pinned ? PL_TRUST_NOT_PINNED :
			    PL_TRUST_AMBIGUOUS, PL_SIG_NONE);
		return 0;
	}
	if (same != NO_NODE) {
		state_copy(d, &t->v[same]);
		return 0;
	}
	/*
	 * A merge's own list mixes what its parents had: from a broken
	 * chain, untrusted lines, whoever signs the merge (pl sync signs
	 * its merges with the teacher's key, whatever they bring).
	 */
	if (d->nparents > 1 && brk != NO_NODE) {
		state_copy(d, &t->v[brk]);
		return 0;
	}
	j = &t->v[judge];
	if ((err = t->check(&state, t->arg, &d->id, keys(j))) != 0)
		return err;
	if (state == PL_SIG_GOOD) {
		trust_own(d);
		return 0;
	}
	d->trusted = j->trusted;
	d->has_trusted = j->has_trusted;
	broken(t, d, PL_TRUST_SIGNATURE, state);
	return 0;
}

/*
 * Whether the commits walked from the from'th have a list or an ancestor
 * with one, parents first; those without one are before any list.
 */
static void
ever_set(struct pl_trust *t, size_t from)
{
	struct node	*d;
	size_t		 i, k, p;

	for (i = from; i < t->norder; i++) {
		d = &t->v[t->order[i]];
		d->ever = d->has_list;
		for (k = 0; k < d->nparents && !d->ever; k++)
			d->ever = (p = parent_of(t, d, k)) != NO_NODE &&
			    t->v[p].ever;
	}
}

static int
settle_from(struct pl_trust *t, size_t from)
{
	int	err = 0;

	ever_set(t, from);
	for (; err == 0 && from < t->norder; from++)
		err = settle(t, t->order[from]);
	return err;
}

/* A list whose parents have none: the first list of its line. */
static int
first_list(const struct pl_trust *t, const struct node *d)
{
	size_t	k, p;

	for (k = 0; d->has_list && k < d->nparents; k++)
		if ((p = parent_of(t, d, k)) != NO_NODE && t->v[p].ever)
			return 0;
	return d->has_list;
}

/* Without a pin, the one first list of the history, if there is one. */
static void
first_find(struct pl_trust *t)
{
	const struct node	*d;
	size_t			 i, n = 0;

	ever_set(t, 0);
	for (i = 0; i < t->norder; i++) {
		d = &t->v[t->order[i]];
		if (first_list(t, d) && n++ == 0)
			t->first = d->id;
	}
	t->has_first = n == 1;
}

/*
 * The pinned commit must be in the history, or after it (a walk from an
 * older commit, which no list judges then): a history without it was
 * rewritten.
 */
static int
pin_check(struct pl_trust *t, const git_oid *tip)
{
	char	hex[GIT_OID_HEXSZ + 1];
	size_t	i = find(t, &t->first);

	git_oid_tostr(hex, sizeof hex, &t->first);
	if (i == NO_NODE || !t->v[i].walked)
		return git_graph_descendant_of(t->repo, &t->first, tip) == 1 ?
		    0 : pl_error_set(PL_EBADSIG, "the pinned commit %s is not "
		    "in the history: was it rewritten?", hex);
	if (!t->v[i].has_list)
		return pl_error_set(PL_EINVAL, "the pinned commit %s has no "
		    "%s", hex, PL_ALLOWED_SIGNERS);
	return 0;
}

int
pl_trust_new(struct pl_trust **out, git_repository *repo, const git_oid *tip,
    const git_oid *pin, pl_trust_check_fn check, void *arg)
{
	struct pl_trust	*t = pl_xcalloc(1, sizeof *t);
	int		 err;

	*out = NULL;
	t->repo = repo;
	t->check = check;
	t->arg = arg;
	t->cache_path = pl_xasprintf("%spl/trust-cache",
	    git_repository_path(repo));
	cache_load(t);
	if ((err = walk(t, tip)) != 0)
		goto done;
	cache_save(t);
	if (pin != NULL) {
		t->first = *pin;
		t->has_first = t->pinned = 1;
		err = pin_check(t, tip);
	} else
		first_find(t);
	if (err == 0)
		err = settle_from(t, 0);
done:
	if (err != 0)
		pl_trust_free(t);
	else
		*out = t;
	return err;
}

int
pl_trust_judge(const git_oid **list, const struct pl_trust_break **brk,
    struct pl_trust *t, const git_oid *commit)
{
	const struct node	*d, *p;
	size_t			 i = find(t, commit), n = t->norder, k;
	int			 err;

	*list = NULL;
	*brk = NULL;
	if (i == NO_NODE || !t->v[i].walked) {
		if ((err = walk(t, commit)) != 0 ||
		    (err = settle_from(t, n)) != 0)
			return err;
		if ((i = find(t, commit)) == NO_NODE)
			return 0;
	}
	d = &t->v[i];
	if (d->nparents == 0 || (k = parent_of(t, d, 0)) == NO_NODE ||
	    !(p = &t->v[k])->ever)
		return 0;
	if (p->broken != NO_NODE)
		*brk = &t->breaks[p->broken];
	else
		*list = keys(p);
	return 0;
}

int
pl_trust_any(const struct pl_trust *t)
{
	size_t	i;

	for (i = 0; i < t->norder; i++)
		if (t->v[t->order[i]].ever)
			return 1;
	return 0;
}

const git_oid *
pl_trust_first(const struct pl_trust *t)
{
	return t->has_first ? &t->first : NULL;
}

size_t
pl_trust_breaks(const struct pl_trust *t)
{
	return t->nbreaks;
}

const struct pl_trust_break *
pl_trust_break(const struct pl_trust *t, size_t i)
{
	return &t->breaks[i];
}

void
pl_trust_free(struct pl_trust *t)
{
	if (t == NULL)
		return;
	pl_oidmap_release(&t->index);
	free(t->v);
	free(t->pids);
	free(t->order);
	free(t->cache_path);
	free(t->breaks);
	free(t);
}
