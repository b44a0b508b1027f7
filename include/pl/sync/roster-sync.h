/*
 * pl roster sync: the portfolios a roster file names by URL
 * (pl/report/roster.h) cloned into the clones folder (pl/sync/clone.h),
 * or synced when they are there (pl/sync/sync.h), so that the class
 * report reads them where pl_roster_locate() says.
 */
#ifndef PL_ROSTER_SYNC_H
#define PL_ROSTER_SYNC_H

#include <stddef.h>

#include "pl/base/error.h"
#include "pl/report/roster.h"
#include "pl/sync/sync.h"

/* What pl roster sync did for one learner. */
enum pl_roster_fetch {
	PL_FETCH_CLONED,	/* cloned into the clones folder */
	PL_FETCH_SYNCED,	/* its clone synced (see sync) */
	PL_FETCH_LOCAL,		/* a folder, not a URL: left alone */
	PL_FETCH_FAILED		/* problem says why */
};

struct pl_roster_fetched {
	const struct pl_roster_row *row;	/* in the roster read */
	char			*path;		/* the clone, or NULL */
	enum pl_roster_fetch	 state;
	struct pl_sync_result	 sync;		/* PL_FETCH_SYNCED */
	char			*problem;	/* PL_FETCH_FAILED */
};

struct pl_roster_fetch_options {
	const char		*clones;	/* where URLs are cloned */
	unsigned		 jobs;		/* 0: one per core */
	int			 push;		/* push what a clone has
						   that its remote lacks */
	void			(*progress)(size_t done, size_t total,
				    void *arg);
	void			*arg;
};

/*
 * Clones each learner's portfolio named by URL into the clones folder
 * (pl_roster_locate()) or, when it is there, syncs it (pl/sync/sync.h), on
 * jobs threads; one that fails does not stop the others.  *out gets one
 * entry per row of l, in roster order (free with
 * pl_roster_fetched_free()), *failed how many failed.  Fails only when
 * libgit2 cannot start.
 */
int	 pl_roster_fetch(struct pl_roster_fetched **out, size_t *failed,
	    const struct pl_roster *l, const struct pl_roster_fetch_options *)
	    PL_WUR;

void	 pl_roster_fetched_free(struct pl_roster_fetched *, size_t n);

#endif
