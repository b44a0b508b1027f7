/*
 * The chain of trust in .pl/allowed_signers (see trust.h), worked out
 * once per history: a walk oldest first, every parent before its
 * children, one node per commit, and a table from commit to node.  A
 * commit that does not change the list takes its parent's state, so only
 * the changes to the list have their signatures checked here.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "trust.h"

#define NO_NODE	((size_t)-1)

struct node {
	git_oid		 id;
	git_oid		 list;		/* the list's blob in its tree */
	git_oid		 trusted;	/* the last list trusted here */
	size_t		 parent, nparents; /* into pl_trust.parents */
	size_t		 broken;	/* the break in force, or NO_NODE */
	unsigned	 has_list : 1;
	unsigned	 ever : 1;	/* it or an ancestor has a list */
	unsigned	 has_trusted : 1;
};

struct pl_trust {
	git_repository		*repo;
	struct node		*v;
	size_t			 n, cap;
	size_t			*parents;	/* node indices or NO_NODE */
	size_t			 np, pcap;
	size_t			*slots;		/* node index + 1, 0: free */
	size_t			 nslots;
	git_oid			*tips;		/* walked from so far */
	size_t			 ntips;
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

static size_t
slot_of(const struct pl_trust *t, const git_oid *id)
{
	size_t	h;

	memcpy(&h, id->id, sizeof h);
	return h & (t->nslots - 1);
}

static size_t
find(const struct pl_trust *t, const git_oid *id)
{
	size_t	i, s;

	if (t->nslots == 0)
		return NO_NODE;
	for (i = slot_of(t, id); (s = t->slots[i]) != 0;
	    i = (i + 1) & (t->nslots - 1))
		if (git_oid_equal(&t->v[s - 1].id, id))
			return s - 1;
	return NO_NODE;
}

static void
slot_put(struct pl_trust *t, size_t node)
{
	size_t	i;

	for (i = slot_of(t, &t->v[node].id); t->slots[i] != 0;
	    i = (i + 1) & (t->nslots - 1))
		;
	t->slots[i] = node + 1;
}

/* Room for one more node, the table kept at most half full. */
static struct node *
node_new(struct pl_trust *t, const git_oid *id)
{
	size_t	i;

	if (t->n == t->cap) {
		t->cap = t->cap == 0 ? 64 : t->cap * 2;
		t->v = pl_xrealloc(t->v, t->cap * sizeof *t->v);
	}
	if (2 * (t->n + 1) > t->nslots) {
		free(t->slots);
		t->nslots = t->nslots == 0 ? 128 : t->nslots * 2;
		t->slots = pl_xcalloc(t->nslots, sizeof *t->slots);
		for (i = 0; i < t->n; i++)
			slot_put(t, i);
	}
	memset(&t->v[t->n], 0, sizeof t->v[t->n]);
	t->v[t->n].id = *id;
	t->v[t->n].broken = NO_NODE;
	slot_put(t, t->n);
	return &t->v[t->n++];
}

static void
parent_put(struct pl_trust *t, size_t node)
{
	if (t->np == t->pcap) {
		t->pcap = t->pcap == 0 ? 64 : t->pcap * 2;
		t->parents = pl_xrealloc(t->parents, t->pcap *
		    sizeof *t->parents);
	}
	t->parents[t->np++] = node;
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

/* One commit of the walk: its list and its parents, already nodes. */
static int
node_add(struct pl_trust *t, const git_oid *id)
{
	git_commit	*c = NULL;
	struct node	*d;
	size_t		 i, p;
	int		 rc, err;

	if ((rc = git_commit_lookup(&c, t->repo, id)) < 0)
		return pl_error_git(rc, "cannot read a commit");
	d = node_new(t, id);
	d->parent = t->np;
	d->nparents = git_commit_parentcount(c);
	for (i = 0; i < d->nparents; i++) {
		/* a parent a shallow clone lacks is not a node */
		p = find(t, git_commit_parent_id(c, (unsigned)i));
		parent_put(t, p);
		if (p != NO_NODE && t->v[p].ever)
			d->ever = 1;
	}
	err = list_read(d, c);
	d->ever |= d->has_list;
	git_commit_free(c);
	return err;
}

/* Adds the commits of tip's history not yet nodes, oldest first. */
static int
walk(struct pl_trust *t, const git_oid *tip)
{
	git_revwalk	*w = NULL;
	git_oid		 id;
	size_t		 i;
	int		 rc, err = 0;

	if ((rc = git_revwalk_new(&w, t->repo)) < 0 ||
	    (rc = git_revwalk_sorting(w, GIT_SORT_TOPOLOGICAL |
	    GIT_SORT_REVERSE)) < 0 || (rc = git_revwalk_push(w, tip)) < 0) {
		err = pl_error_git(rc, "cannot walk the history");
		goto done;
	}
	for (i = 0; i < t->ntips; i++)
		if ((rc = git_revwalk_hide(w, &t->tips[i])) < 0) {
			err = pl_error_git(rc, "cannot walk the history");
			goto done;
		}
	while (err == 0 && (rc = git_revwalk_next(&id, w)) == 0)
		if (find(t, &id) == NO_NODE)
			err = node_add(t, &id);
	if (err == 0 && rc != GIT_ITEROVER)
		err = pl_error_git(rc, "cannot walk the history");
	t->tips = pl_xrealloc(t->tips, (t->ntips + 1) * sizeof *t->tips);
	t->tips[t->ntips++] = *tip;
done:
	git_revwalk_free(w);
	return err;
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
 * The parent a commit is judged by (an unbroken one first), and the one
 * whose list it keeps unchanged, if any (again an unbroken one first).
 */
static void
parents_of(size_t *judge, size_t *same, const struct pl_trust *t,
    const struct node *d)
{
	const struct node	*p;
	size_t			 i, k;

	*judge = *same = NO_NODE;
	for (i = 0; i < d->nparents; i++) {
		if ((k = t->parents[d->parent + i]) == NO_NODE ||
		    !(p = &t->v[k])->ever)
			continue;
		if (*judge == NO_NODE || (t->v[*judge].broken != NO_NODE &&
		    p->broken == NO_NODE))
			*judge = k;
		if (same_list(d, p) && (*same == NO_NODE ||
		    (t->v[*same].broken != NO_NODE && p->broken == NO_NODE)))
			*same = k;
	}
}

/* The state of node i, whose parents have theirs. */
static int
settle(struct pl_trust *t, size_t i)
{
	struct node		*d = &t->v[i];
	const struct node	*j;
	enum pl_sig_state	 state;
	size_t			 judge, same;
	int			 err;

	if (!d->ever)
		return 0;
	if (t->pinned && git_oid_equal(&d->id, &t->first)) {
		trust_own(d);
		return 0;
	}
	parents_of(&judge, &same, t, d);
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
		d->trusted = t->v[same].trusted;
		d->has_trusted = t->v[same].has_trusted;
		d->broken = t->v[same].broken;
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

static int
settle_from(struct pl_trust *t, size_t from)
{
	int	err = 0;

	for (; err == 0 && from < t->n; from++)
		err = settle(t, from);
	return err;
}

/* Without a pin, the one first list of the history, if there is one. */
static void
first_find(struct pl_trust *t)
{
	const struct node	*d;
	size_t			 i, k, n = 0;

	for (i = 0; i < t->n; i++) {
		d = &t->v[i];
		for (k = 0; d->has_list && k < d->nparents; k++)
			if (t->parents[d->parent + k] != NO_NODE &&
			    t->v[t->parents[d->parent + k]].ever)
				break;
		if (d->has_list && k == d->nparents && n++ == 0)
			t->first = d->id;
	}
	t->has_first = n == 1;
}

static int
pin_check(struct pl_trust *t)
{
	char	hex[GIT_OID_HEXSZ + 1];
	size_t	i = find(t, &t->first);

	git_oid_tostr(hex, sizeof hex, &t->first);
	if (i == NO_NODE)
		return pl_error_set(PL_EBADSIG, "the pinned commit %s is not "
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
	if ((err = walk(t, tip)) != 0)
		goto done;
	if (pin != NULL) {
		t->first = *pin;
		t->has_first = t->pinned = 1;
		err = pin_check(t);
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
	size_t			 i = find(t, commit), n = t->n, k;
	int			 err;

	*list = NULL;
	*brk = NULL;
	if (i == NO_NODE) {
		if ((err = walk(t, commit)) != 0 ||
		    (err = settle_from(t, n)) != 0)
			return err;
		if ((i = find(t, commit)) == NO_NODE)
			return 0;
	}
	d = &t->v[i];
	if (d->nparents == 0 || (k = t->parents[d->parent]) == NO_NODE ||
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

	for (i = 0; i < t->n; i++)
		if (t->v[i].ever)
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
	free(t->v);
	free(t->parents);
	free(t->slots);
	free(t->tips);
	free(t->breaks);
	free(t);
}
