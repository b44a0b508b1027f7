/*
 * Who makes a commit and when (lib/store/identity.c), for the write path
 * and the commands that sign with the same identity.
 */
#ifndef PL_STORE_IDENTITY_H
#define PL_STORE_IDENTITY_H

#include <git2.h>

#include "pl/store/portfolio.h"

/*
 * The author and committer a commit made now gets (see
 * pl_portfolio_set_author()); with no committer configured at all, the
 * committer is the author.  PL_EIDENTITY without a name or email,
 * PL_EINVAL for a bad GIT_*_DATE or a name git refuses.  The caller frees
 * both with git_signature_free().
 */
int	 pl_portfolio_signatures(git_signature **author,
	    git_signature **committer, struct pl_portfolio *) PL_WUR;

#endif
