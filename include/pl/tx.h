/*
 * The one write path.  Every change to a portfolio is a transaction that
 * takes the repository's lock, stages whole files, and becomes exactly one
 * commit on the current branch, made from HEAD's tree plus these files
 * only: whatever else the person has staged or edited stays as it was.
 *
 * Order of work, for crash safety: objects (blobs, tree, commit) first;
 * then the branch moves, only if it still points where it did; then the
 * working files are written (temporary file and rename) and their index
 * entries updated.  A crash leaves either no commit or a commit whose
 * files are complete in git.
 */
#ifndef PL_TX_H
#define PL_TX_H

#include <stddef.h>

#include "pl/error.h"
#include "pl/portfolio.h"
#include "pl/util.h"

struct pl_tx;

/*
 * Begins a transaction: the portfolio must have a working tree and a
 * branch checked out (PL_EHEAD for a detached HEAD, PL_ENOTPORTFOLIO for a
 * bare repository), and HEAD must still be the commit the portfolio was
 * opened at (PL_ELOCKED otherwise: someone committed meanwhile).  Takes
 * the lock: PL_ELOCKED when git's index.lock or pl's own lock exists.
 * The caller frees with pl_tx_free(), which releases the lock.
 */
int	 pl_tx_begin(struct pl_tx **out, struct pl_portfolio *) PL_WUR;

/*
 * Stages path with contents data.  Fails, staging nothing, with
 * PL_EUNSAFE when path is not a plain relative path inside the portfolio
 * or any of its folders in the working tree is a symbolic link, and with
 * PL_EDIRTY when the working file or its index entry differs from HEAD
 * (uncommitted edits pl must not overwrite) or the file is new and
 * untracked.
 */
int	 pl_tx_put(struct pl_tx *, const char *path, const char *data,
	    size_t len) PL_WUR;

/*
 * Stages path with the contents of the file src (any path the user
 * named).  PL_ENOTFOUND when src does not exist, PL_EINVAL when it is not
 * a regular file; else as pl_tx_put().
 */
int	 pl_tx_put_file(struct pl_tx *, const char *path, const char *src)
	    PL_WUR;

/* A commit message: "<kind>: <action> <id>", a sentence, trailers. */
struct pl_msg {
	const char		*kind;		/* "goal" */
	const char		*action;	/* "add" */
	const char		*id;		/* "fractions-fluency" */
	const char		*sentence;	/* one human sentence */
	struct pl_strlist	 trailers;	/* more "Pl-Key: value" lines */
};

/*
 * Formats msg as the full commit message into out: subject, blank line,
 * sentence, blank line, "Pl-Kind:", "Pl-Action:", "Pl-Id:" and the extra
 * trailers, each line ending in "\n".
 */
void	 pl_msg_format(struct pl_buf *out, const struct pl_msg *);

/*
 * Commits what was staged as one commit and updates the working tree and
 * index for those files.  PL_EIDENTITY without an author identity,
 * PL_ELOCKED when the branch moved meanwhile; nothing is changed on
 * failure.  Staging nothing is PL_ENOCHANGE.
 */
int	 pl_tx_commit(struct pl_tx *, const struct pl_msg *) PL_WUR;

/* Releases the lock; a transaction not committed leaves no trace. */
void	 pl_tx_free(struct pl_tx *);

#endif
