/*
 * A map from object ids to numbers, each the index of an item in the
 * caller's array, or a set of ids whose numbers go unused: the walk's
 * commits ever queued (history.c), the chain of trust's nodes by commit
 * (trust.c).  libgit2 keeps its own oidmap private.
 */
#ifndef PL_STORE_OIDMAP_H
#define PL_STORE_OIDMAP_H

#include <stddef.h>

#include <git2.h>

/* Embed it; PL_OIDMAP_INIT.  Open addressing, never more than half full. */
struct pl_oidmap {
	struct pl_oidmap_slot {
		git_oid	 id;
		size_t	 value;		/* the number + 1; 0: a free slot */
	}		*v;
	size_t		 n;
	size_t		 cap;		/* a power of two, or 0 */
};
#define PL_OIDMAP_INIT { NULL, 0, 0 }

/* Frees what the map holds; it is empty and usable again. */
void	 pl_oidmap_release(struct pl_oidmap *);

/* Adds id with value: 1, or 0 when id was there already (its value kept). */
int	 pl_oidmap_put(struct pl_oidmap *, const git_oid *id, size_t value);

/* 1 and id's value in *out, or 0 when id is not in the map. */
int	 pl_oidmap_get(size_t *out, const struct pl_oidmap *,
	    const git_oid *id);

#endif
