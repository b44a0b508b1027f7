/*
 * Sharing a portfolio through a git remote: fetch, bring the branch up
 * to date (a fast-forward, or a merge commit whose portfolio files are
 * merged by structure, pl/base/merge.h), push.  Everything goes through the
 * one write path (pl/store/tx.h): a sync that cannot finish leaves HEAD, the
 * index and the working tree as they were.  No branch is ever
 * force-pushed.
 */
#ifndef PL_SYNC_H
#define PL_SYNC_H

#include "pl/base/error.h"
#include "pl/store/portfolio.h"
#include "pl/base/util.h"

/*
 * How many times a sync pushes when the remote's branch moves between
 * its fetch and its push (another clone pushed), fetching and merging
 * again before each.
 */
#define PL_SYNC_TRIES 3

struct pl_sync_options {
	const char	*remote;	/* a remote's name or a URL; NULL:
					   the branch's, else "origin" */
	int		 push;		/* push what the remote lacks */
	int		 dry_run;	/* fetch, and say what would happen */
};

enum pl_sync_action {
	PL_SYNC_UP_TO_DATE,	/* nothing to bring in */
	PL_SYNC_FAST_FORWARD,	/* only the remote had changes */
	PL_SYNC_MERGE,		/* both had: a merge commit */
	PL_SYNC_NEW_REMOTE	/* the remote has no such branch yet */
};

struct pl_sync_result {
	enum pl_sync_action	 action;
	char			*remote;	/* its name or URL */
	char			*branch;	/* "main" */
	char			*remote_branch;	/* the remote's it syncs
						   with: branch.<b>.merge,
						   else the same name */
	char			 before[41];	/* HEAD before, and after */
	char			 after[41];
	size_t			 in;		/* commits brought in */
	size_t			 out;		/* commits the remote lacked */
	struct pl_strlist	 merged;	/* files both sides changed,
						   merged by structure */
	int			 pushed;
};

/*
 * Syncs the portfolio's current branch with the remote.  Fails, changing
 * nothing but the remote-tracking refs fetched, with PL_ENOTFOUND for no
 * such remote, PL_ERROR when the remote cannot be reached (the message
 * says why: "authentication failed for URL", git's message), PL_EHEAD
 * for a detached HEAD or a merge in progress, PL_EDIRTY when a file the
 * sync would change has uncommitted edits, PL_ECONFLICT when both sides
 * changed a file in a way pl cannot merge, or one took out a file the
 * other changed (the message names each file and key, the value each
 * side gave a key, and the command that makes this clone say what the
 * remote says); PL_ELOCKED when the remote refused the push: its branch
 * moved PL_SYNC_TRIES times between the fetch and the push (each time
 * the sync fetched and merged again), or the server said no ("ORIGIN
 * refused the push (why); nothing was pushed; run pl sync again"),
 * PL_EUNSAFE for a symbolic link or submodule the remote's branch would
 * bring.  The caller releases out with pl_sync_result_release().
 */
int	 pl_sync(struct pl_sync_result *out, struct pl_portfolio *,
	    const struct pl_sync_options *) PL_WUR;

void	 pl_sync_result_release(struct pl_sync_result *);

#endif
