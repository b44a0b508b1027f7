/*
 * The one write path.  Every change to a portfolio is a transaction that
 * takes the locks (.git/pl.lock, then git's .git/index.lock, waiting for
 * them up to portfolio.lockTimeout), stages whole files, and becomes
 * exactly one commit on the current branch, made from HEAD's tree plus
 * these files only: whatever else the person has staged or edited stays
 * as it was.
 *
 * What is guaranteed: everything that can fail (blobs, tree, commit; the
 * working files under temporary names in the git folder; the new index
 * beside the old one; all fsynced) is done before the branch moves, with
 * a compare-and-swap on its old value; after that only renames remain.  A
 * failure or a signal (INT, TERM, HUP, QUIT) before the branch moves
 * leaves HEAD, the index and the working tree exactly as they were and
 * removes every temporary file.  After a SIGKILL the next transaction on
 * the same host finishes or undoes the dead one from the journal in
 * pl.lock.  PL_ELOCKED ("busy") and PL_ECONFLICT ("try again") are never
 * returned for a change that was committed.
 */
#ifndef PL_TX_H
#define PL_TX_H

#include <stddef.h>

#include "pl/base/error.h"
#include "pl/store/portfolio.h"
#include "pl/base/util.h"

struct pl_tx;

/*
 * Begins a transaction: the portfolio must have a working tree and a
 * branch checked out (PL_EHEAD for a detached HEAD or a merge, rebase,
 * cherry-pick, revert or am in progress; PL_ENOTPORTFOLIO for a bare
 * repository).  Takes the locks, waiting: PL_ELOCKED ("busy") when they
 * are still held after portfolio.lockTimeout.  When HEAD has moved since
 * the portfolio was read, the portfolio moves to it if no file it read
 * has changed meanwhile, and PL_ECONFLICT otherwise (nothing done: the
 * command may run again).  The caller frees with
 * pl_tx_free(), which releases the locks.
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

/* As pl_tx_put(), the file executable when executable is set. */
int	 pl_tx_put_mode(struct pl_tx *, const char *path, const char *data,
	    size_t len, int executable) PL_WUR;

/*
 * Makes the commit a merge, with the commit other (a hex id) as its
 * second parent; with fast_forward no commit is made: the branch moves to
 * other, whose tree must be HEAD's with the staged files (the files that
 * differ between them).  PL_EINVAL for a bad id.
 */
int	 pl_tx_merge(struct pl_tx *, const char *other, int fast_forward)
	    PL_WUR;

/*
 * Stages path with the contents of the file src (any path the user
 * named), streamed: it is copied to its working-tree place under a
 * temporary name and stored as git would store it at path (see
 * lib/store/blob.c for .gitattributes).  PL_ENOTFOUND when src does not exist,
 * PL_EINVAL when it is not a regular file, PL_ERROR when a filter fails;
 * else as pl_tx_put().
 */
int	 pl_tx_put_file(struct pl_tx *, const char *path, const char *src)
	    PL_WUR;

/*
 * Stages the removal of path: the commit leaves it out, and its working
 * file and index entry go once the branch has moved (with the folders
 * that leaves empty).  PL_ENOTFOUND when HEAD has no such file; else
 * fails, staging nothing, as pl_tx_put() does (a working file or index
 * entry with uncommitted edits is PL_EDIRTY, never lost).
 */
int	 pl_tx_remove(struct pl_tx *, const char *path) PL_WUR;

/*
 * A commit message: "<kind>: <subject>", a sentence, trailers.  The
 * subject says what changed ("done step 2 of fractions-fluency"); when
 * it is NULL it is "<action> <id>".
 */
struct pl_msg {
	const char		*kind;		/* "goal" */
	const char		*action;	/* "add" */
	const char		*id;		/* "fractions-fluency" */
	const char		*subject;	/* after "<kind>: ", or NULL */
	const char		*sentence;	/* one human sentence */
	struct pl_strlist	 trailers;	/* more "Pl-Key: value" lines */
};

/*
 * Formats msg as the full commit message into out: "<kind>: " and the
 * subject (or "<action> <id>"), blank line,
 * sentence, blank line, "Pl-Kind:", "Pl-Action:", "Pl-Id:" and the extra
 * trailers, each line ending in "\n".
 */
void	 pl_msg_format(struct pl_buf *out, const struct pl_msg *);

/*
 * Commits what was staged as one commit and updates the working tree and
 * index for those files.  PL_EIDENTITY without an author identity,
 * PL_ECONFLICT when the branch moved meanwhile, PL_ERROR for a full disk or
 * a signal; nothing is changed on failure, and the message says so.
 * Staging nothing is PL_ENOCHANGE.  Should a rename fail after the branch
 * moved, the change is committed and a note (pl_portfolio_notes()) says
 * how to mend the file.
 */
int	 pl_tx_commit(struct pl_tx *, const struct pl_msg *) PL_WUR;

/* Releases the lock; a transaction not committed leaves no trace. */
void	 pl_tx_free(struct pl_tx *);

#endif
