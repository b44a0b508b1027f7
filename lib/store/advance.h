/*
 * A portfolio moved to the commit a transaction just made
 * (lib/store/advance.c).
 */
#ifndef PL_STORE_ADVANCE_H
#define PL_STORE_ADVANCE_H

#include <git2.h>

#include "pl/store/portfolio.h"

/*
 * What moving the portfolio to a commit just made needs, read before the
 * branch moves so that the move itself cannot fail.
 */
struct pl_advance {
	git_oid		 id;
	git_tree	*tree;
	git_config	*settings;	/* NULL: unchanged */
	git_oid		 settings_id;
};

/* Reads the commit id and its settings into a; PL_EPARSE for bad ones. */
int	 pl_portfolio_advance_prepare(struct pl_advance *a,
	    struct pl_portfolio *, const git_oid *id) PL_WUR;

/* Moves the portfolio to a's commit, taking what a holds.  Cannot fail. */
void	 pl_portfolio_advance(struct pl_portfolio *, struct pl_advance *a);

/* Frees what a holds, when the move did not happen. */
void	 pl_advance_release(struct pl_advance *a);

#endif
