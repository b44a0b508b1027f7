/*
 * What lib/portfolio.c and lib/tx.c share and nothing outside lib/ may
 * use: the path rule both apply, the identity a commit gets, and the
 * transaction pl_portfolio_init() makes on a repository with no commits.
 */
#ifndef PL_INTERNAL_H
#define PL_INTERNAL_H

#include <git2.h>

#include "pl/portfolio.h"
#include "pl/tx.h"

/*
 * 0 when path is a plain relative path ("goals/x.md"); else PL_EUNSAFE
 * with "unsafe path '<path>'": empty, absolute, "." or ".." or ".git" or
 * empty components, backslashes or control characters.
 */
int	 pl_path_check(const char *path) PL_WUR;

/* HEAD's commit when the portfolio was read, or NULL when unborn. */
const git_oid *pl_portfolio_head(const struct pl_portfolio *);

/* 1 when the portfolio was read at HEAD rather than another revision. */
int	 pl_portfolio_at_head(const struct pl_portfolio *);

/*
 * The author and committer a commit made now gets (see
 * pl_portfolio_set_author()).  PL_EIDENTITY without a name or email,
 * PL_EINVAL for a bad GIT_*_DATE or a name git refuses.  The caller frees
 * both with git_signature_free().
 */
int	 pl_portfolio_signatures(git_signature **author,
	    git_signature **committer, struct pl_portfolio *) PL_WUR;

/*
 * Moves the portfolio to commit id, just made on its branch, so reads and
 * a further transaction see it.
 */
int	 pl_portfolio_advance(struct pl_portfolio *, const git_oid *id)
	    PL_WUR;

/*
 * pl_tx_begin() for pl_portfolio_init(): HEAD must be an unborn branch,
 * which the commit creates.
 */
int	 pl_tx_begin_init(struct pl_tx **out, struct pl_portfolio *) PL_WUR;

/*
 * Parses a date as git takes it in GIT_AUTHOR_DATE: "[@]<unix> [+hhmm]",
 * RFC 2822, ISO 8601 (lib/gitdate.c).  A date without a zone is in the
 * local zone.  0, or -1 for text git would refuse and for a time the
 * commit header cannot hold: before 1970 or after 2106-02-07T06:28:15Z
 * (libgit2 writes 32 bits), so never a year outside 1000 to 9999.
 */
int	 pl_git_date_parse(git_time_t *t, int *off, const char *s);

/* The local zone's UTC offset at t, in minutes (tm_gmtoff is not POSIX). */
int	 pl_local_offset(time_t t);

#endif
