/*
 * The family view's rule, kept apart from the report so that every part
 * of a report (lists, counts, weeks, events, moves, mastery) asks the
 * same question of the same answer.  Lineages are found by "kind/id" in
 * a small open-addressing table: a walk through a long history asks for
 * one per change.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pl/entries/entry.h"
#include "pl/base/error.h"
#include "pl/base/node.h"
#include "pl/base/util.h"
#include "pl/entries/visibility.h"

/* Which keys of a kind link to which kind. */
static const struct {
	enum pl_kind	 from;
	const char	*key;
	enum pl_kind	 to;
} link_keys[] = {
	{ PL_KIND_GOAL, "parent", PL_KIND_GOAL },
	{ PL_KIND_EVIDENCE, "goals", PL_KIND_GOAL },
	{ PL_KIND_REFLECTION, "goals", PL_KIND_GOAL },
	{ PL_KIND_REFLECTION, "evidence", PL_KIND_EVIDENCE },
};

struct lineage {
	enum pl_kind	 kind;
	int		 private;
	int		 read;		/* a version gave its links */
	int		 hidden;
	size_t		*links;
	size_t		 nlinks;
};

struct slot {
	char		*key;		/* "kind/id", or NULL: empty */
	size_t		 lineage;
};

struct pl_visibility {
	struct slot	*slots;
	size_t		 nslots;	/* a power of two */
	size_t		 used;
	struct lineage	*v;
	size_t		 n, cap;
	int		 settled;
	struct pl_buf	 key;		/* the one looked up */
};

int
pl_doc_private(const struct pl_doc *doc)
{
	const char	*v = doc != NULL ? pl_doc_get(doc, "private") : NULL;

	return v != NULL && (strcmp(v, "true") == 0 ||
	    strcmp(v, "True") == 0 || strcmp(v, "TRUE") == 0);
}

struct pl_visibility *
pl_visibility_new(void)
{
	struct pl_visibility	*vis = pl_xcalloc(1, sizeof *vis);

	vis->nslots = 64;
	vis->slots = pl_xcalloc(vis->nslots, sizeof *vis->slots);
	return vis;
}

void
pl_visibility_free(struct pl_visibility *vis)
{
	size_t	i;

	if (vis == NULL)
		return;
	for (i = 0; i < vis->nslots; i++)
		free(vis->slots[i].key);
	free(vis->slots);
	for (i = 0; i < vis->n; i++)
		free(vis->v[i].links);
	free(vis->v);
	pl_buf_release(&vis->key);
	free(vis);
}

/* FNV-1a. */
static size_t
hash(const char *s)
{
	uint64_t	h = 14695981039346656037ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (size_t)h;
}

static struct slot *
find_slot(struct slot *slots, size_t nslots, const char *key)
{
	size_t	i = hash(key) & (nslots - 1);

	while (slots[i].key != NULL && strcmp(slots[i].key, key) != 0)
		i = (i + 1) & (nslots - 1);
	return &slots[i];
}

static void
grow(struct pl_visibility *vis)
{
	struct slot	*old = vis->slots, *s;
	size_t		 i, n = vis->nslots;

	vis->nslots *= 2;
	vis->slots = pl_xcalloc(vis->nslots, sizeof *vis->slots);
	for (i = 0; i < n; i++)
		if (old[i].key != NULL) {
			s = find_slot(vis->slots, vis->nslots, old[i].key);
			*s = old[i];
		}
	free(old);
}

/* The slot of kind k's id, made when missing. */
static struct slot *
slot_of(struct pl_visibility *vis, enum pl_kind k, const char *id)
{
	struct slot	*s;

	/* the profile is one entry, whatever its id says */
	pl_buf_clear(&vis->key);
	pl_buf_puts(&vis->key, pl_kind_name(k));
	pl_buf_putc(&vis->key, '/');
	pl_buf_puts(&vis->key, k == PL_KIND_PROFILE || id == NULL ? "" : id);
	if (2 * (vis->used + 1) > vis->nslots)
		grow(vis);
	s = find_slot(vis->slots, vis->nslots, pl_buf_cstr(&vis->key));
	if (s->key != NULL)
		return s;
	s->key = pl_xstrdup(pl_buf_cstr(&vis->key));
	s->lineage = PL_NO_LINEAGE;
	vis->used++;
	return s;
}

static size_t
new_lineage(struct pl_visibility *vis, enum pl_kind k)
{
	if (vis->n == vis->cap) {
		vis->cap = vis->cap ? vis->cap * 2 : 64;
		vis->v = pl_xrealloc(vis->v, vis->cap * sizeof *vis->v);
	}
	memset(&vis->v[vis->n], 0, sizeof vis->v[vis->n]);
	vis->v[vis->n].kind = k;
	return vis->n++;
}

size_t
pl_visibility_lineage(struct pl_visibility *vis, const char *kind,
    const char *id)
{
	struct slot	*s;
	enum pl_kind	 k;

	if (!pl_kind_parse(&k, kind))
		return PL_NO_LINEAGE;
	s = slot_of(vis, k, id);
	if (s->lineage == PL_NO_LINEAGE)
		s->lineage = new_lineage(vis, k);
	return s->lineage;
}

void
pl_visibility_renamed(struct pl_visibility *vis, const char *kind,
    const char *old_id, const char *new_id)
{
	size_t		l = pl_visibility_lineage(vis, kind, new_id);
	enum pl_kind	k;

	if (l != PL_NO_LINEAGE && old_id != NULL && pl_kind_parse(&k, kind))
		slot_of(vis, k, old_id)->lineage = l;
}

static void
add_link(struct lineage *l, size_t to)
{
	size_t	i;

	for (i = 0; i < l->nlinks; i++)
		if (l->links[i] == to)
			return;
	l->links = pl_xrealloc(l->links, (l->nlinks + 1) * sizeof *l->links);
	l->links[l->nlinks++] = to;
}

/* What a version says: whether there is one, if it is private, and
   the lists under the keys that link (link_names), as doc.h reads them. */
static const char *const link_names[] = { "parent", "goals", "evidence" };
#define NNAMES	(sizeof link_names / sizeof link_names[0])

struct version {
	int			 doc;
	int			 private;
	struct pl_strlist	 links[NNAMES];
};

static void
version_release(struct version *v)
{
	size_t	i;

	for (i = 0; i < NNAMES; i++)
		pl_strlist_release(&v->links[i]);
}

static void
version_of(struct version *v, const struct pl_doc *doc)
{
	size_t	i;

	memset(v, 0, sizeof *v);
	if ((v->doc = doc != NULL) == 0)
		return;
	v->private = pl_doc_private(doc);
	/* a malformed list links to nothing; the report says so */
	for (i = 0; i < NNAMES; i++)
		if (pl_doc_get_list(doc, "", link_names[i], &v->links[i]) !=
		    PL_OK)
			pl_error_clear();
}

static const struct pl_strlist *
links_under(const struct version *v, const char *key)
{
	size_t	i;

	for (i = 0; strcmp(link_names[i], key) != 0; i++)
		;
	return &v->links[i];
}

static void
apply(struct pl_visibility *vis, size_t l, const struct version *v)
{
	const struct pl_strlist	*ids;
	size_t			 i, k, to;
	enum pl_kind		 kind;

	if (l >= vis->n || vis->settled)
		return;
	if (v->private)
		vis->v[l].private = 1;
	if (vis->v[l].read || !v->doc)
		return;
	vis->v[l].read = 1;
	kind = vis->v[l].kind;
	for (i = 0; i < sizeof link_keys / sizeof link_keys[0]; i++) {
		if (link_keys[i].from != kind)
			continue;
		ids = links_under(v, link_keys[i].key);
		for (k = 0; k < ids->n; k++) {
			/* a new lineage may move vis->v: index it after */
			to = pl_visibility_lineage(vis,
			    pl_kind_name(link_keys[i].to), ids->v[k]);
			add_link(&vis->v[l], to);
		}
	}
}

void
pl_visibility_version(struct pl_visibility *vis, size_t l,
    const struct pl_doc *doc)
{
	struct version	v;

	if (l >= vis->n || vis->settled)
		return;
	version_of(&v, doc);
	apply(vis, l, &v);
	version_release(&v);
}

void
pl_visibility_pack(struct pl_buf *out, const struct pl_doc *doc)
{
	struct version	v;
	size_t		i, k;

	version_of(&v, doc);
	pl_pack_num(out, v.doc ? 1 + (size_t)v.private : 0);
	for (i = 0; v.doc && i < NNAMES; i++) {
		pl_pack_num(out, v.links[i].n);
		for (k = 0; k < v.links[i].n; k++)
			pl_pack_str(out, v.links[i].v[k]);
	}
	version_release(&v);
}

/* v from p's len bytes (pl_visibility_pack()'s); -1 when not right. */
static int
unpack(struct version *v, const char *p, size_t len)
{
	const char	*end = p + len;
	size_t		 i, k, n, what;
	char		*s;

	memset(v, 0, sizeof *v);
	if (pl_unpack_num(&what, &p, end) != 0 || what > 2)
		return -1;
	v->doc = what > 0;
	v->private = what == 2;
	for (i = 0; v->doc && i < NNAMES; i++) {
		if (pl_unpack_num(&n, &p, end) != 0 || n > len)
			return -1;
		for (k = 0; k < n; k++) {
			if (pl_unpack_str(&s, &p, end) != 0 || s == NULL)
				return -1;
			pl_strlist_push_owned(&v->links[i], s);
		}
	}
	return p == end ? 0 : -1;
}

int
pl_visibility_version_packed(struct pl_visibility *vis, size_t l,
    const char *p, size_t len)
{
	struct version	v;
	int		rc;

	if ((rc = unpack(&v, p, len)) == 0)
		apply(vis, l, &v);
	version_release(&v);
	return rc;
}

void
pl_visibility_private(struct pl_visibility *vis, size_t l)
{
	if (l < vis->n && !vis->settled)
		vis->v[l].private = 1;
}

/* 1 when every link of l leads to a left-out lineage (and it has one). */
static int
links_hidden(const struct pl_visibility *vis, const struct lineage *l)
{
	size_t	i;

	if (l->nlinks == 0)
		return 0;
	for (i = 0; i < l->nlinks; i++)
		if (!vis->v[l->links[i]].hidden)
			return 0;
	return 1;
}

void
pl_visibility_settle(struct pl_visibility *vis)
{
	size_t	i;
	int	changed = 1;

	for (i = 0; i < vis->n; i++)
		vis->v[i].hidden = vis->v[i].private;
	while (changed) {
		changed = 0;
		for (i = 0; i < vis->n; i++)
			if (!vis->v[i].hidden && links_hidden(vis, &vis->v[i])) {
				vis->v[i].hidden = 1;
				changed = 1;
			}
	}
	vis->settled = 1;
}

int
pl_visibility_hidden(const struct pl_visibility *vis, size_t l)
{
	return vis != NULL && l < vis->n && vis->v[l].hidden;
}

size_t
pl_visibility_count(const struct pl_visibility *vis)
{
	size_t	i, n = 0;

	for (i = 0; vis != NULL && i < vis->n; i++)
		n += vis->v[i].hidden != 0;
	return n;
}
