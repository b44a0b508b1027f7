/*
 * Internal: the names nearest to one a person typed that is not known,
 * for "unknown standard 'x' (did you mean 'a', 'b'?)" and the same of
 * goal, evidence and reflection ids.  Nearness is the edit distance, case
 * aside, from a name or from any part of it after a '.' (a standard's
 * short form), within a third of the typed length, plus one.
 */
#ifndef PL_NEAR_H
#define PL_NEAR_H

#include <stddef.h>

#include "pl/base/util.h"

#define PL_NEAR_MAX	3

struct pl_near {
	const char	*typed;
	size_t		 limit;
	const char	*best[PL_NEAR_MAX];	/* borrowed, nearest first */
	size_t		 dist[PL_NEAR_MAX];
	size_t		 n;
};

void	 pl_near_init(struct pl_near *, const char *typed);

/*
 * Weighs name, unless it is one of the best already (void * for the
 * iterators that call back with each name; name must outlive nr).
 */
void	 pl_near_consider(void *nr, const char *name);

/* Appends " (did you mean 'a', 'b'?)", or nothing when none is near. */
void	 pl_near_words(struct pl_buf *out, const struct pl_near *);

#endif
