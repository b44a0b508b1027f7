/*
 * Object ids to numbers (oidmap.h).  An id's first bytes are already
 * uniform, so they are its hash.
 */
#include <stdlib.h>
#include <string.h>

#include "pl/base/util.h"
#include "store/oidmap.h"

/* Where id is, or the free slot where it would go. */
static size_t
slot(const struct pl_oidmap *m, const git_oid *id)
{
	size_t	i;

	memcpy(&i, id->id, sizeof i);
	for (i &= m->cap - 1; m->v[i].value != 0 &&
	    !git_oid_equal(&m->v[i].id, id); i = (i + 1) & (m->cap - 1))
		;
	return i;
}

static void
grow(struct pl_oidmap *m)
{
	struct pl_oidmap_slot	*old = m->v;
	size_t			 i, n = m->cap;

	m->cap = n == 0 ? 128 : 2 * n;
	m->v = pl_xcalloc(m->cap, sizeof *m->v);
	for (i = 0; i < n; i++)
		if (old[i].value != 0)
			m->v[slot(m, &old[i].id)] = old[i];
	free(old);
}

void
pl_oidmap_release(struct pl_oidmap *m)
{
	free(m->v);
	m->v = NULL;
	m->n = m->cap = 0;
}

int
pl_oidmap_put(struct pl_oidmap *m, const git_oid *id, size_t value)
{
	size_t	i;

	if (2 * (m->n + 1) > m->cap)
		grow(m);
	i = slot(m, id);
	if (m->v[i].value != 0)
		return 0;
	git_oid_cpy(&m->v[i].id, id);
	m->v[i].value = value + 1;
	m->n++;
	return 1;
}

int
pl_oidmap_get(size_t *out, const struct pl_oidmap *m, const git_oid *id)
{
	size_t	i;

	*out = 0;
	if (m->n == 0)
		return 0;
	i = slot(m, id);
	if (m->v[i].value == 0)
		return 0;
	*out = m->v[i].value - 1;
	return 1;
}
