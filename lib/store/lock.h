/*
 * The locks a write holds (lib/store/lock.c), for the write path: tx.c
 * takes them, and a portfolio held by a command keeps one.
 */
#ifndef PL_STORE_LOCK_H
#define PL_STORE_LOCK_H

#include <git2.h>

#include "pl/base/util.h"

/*
 * The lock a transaction holds (lib/store/lock.c): pl.lock, with its journal of
 * temporary files, and git's index.lock, both taken waiting at most
 * timeout_ms; PL_ELOCKED ("busy") after that.  A lock left by a pl that
 * died on this host is taken over, a line for notes saying so.  While it
 * is held, INT, TERM, HUP and QUIT are caught (see pl_lock_check()).
 */
struct pl_lock;
int	 pl_lock_take(struct pl_lock **out, git_repository *repo,
	    unsigned timeout_ms, struct pl_strlist *notes) PL_WUR;

/*
 * Records path, about to be made, for removal on release or takeover;
 * PL_ERROR when the record cannot be written (then nothing may be made).
 */
int	 pl_lock_temp(struct pl_lock *, const char *path) PL_WUR;

/* Records a folder about to be made, removed on release when empty. */
int	 pl_lock_dir(struct pl_lock *, const char *path) PL_WUR;

/*
 * Journals, just before the branch moves, what finishing the commit will
 * rename: from (a temporary file) to its place, whose blob was old (hex,
 * "-" for no file, "index" for the index).  Then pl_lock_commit() says
 * which commit on which branch: a pl that finds this journal of a dead
 * process and the branch at that commit does the renames itself.
 */
int	 pl_lock_move(struct pl_lock *, const char *from, const char *to,
	    const char *old) PL_WUR;
int	 pl_lock_commit(struct pl_lock *, const char *branch,
	    const git_oid *id) PL_WUR;

/*
 * Journals, as pl_lock_move() does, that finishing the commit will remove
 * the working file path, whose blob is old (hex): a pl that finishes a
 * dead one's commit removes it only if it still has that blob.
 */
int	 pl_lock_remove(struct pl_lock *, const char *path, const char *old)
	    PL_WUR;

/*
 * Removes the working file full and the folders that leaves empty, up to
 * the working tree's top.  0, or -1 with errno when the file stays; a
 * file already gone is removed.
 */
int	 pl_lock_unlink(git_repository *repo, const char *full);

/* PL_ERROR ("interrupted") once a signal was caught, else 0. */
int	 pl_lock_check(void) PL_WUR;

/* Takes index.lock again (a held lock's next transaction), waiting. */
int	 pl_lock_index(struct pl_lock *, unsigned timeout_ms) PL_WUR;

/*
 * Ends a transaction under a lock that stays held: removes what it
 * recorded, releases index.lock, and starts the journal anew.
 */
void	 pl_lock_clean(struct pl_lock *);

/* Releases index.lock, once the new index is in place. */
void	 pl_lock_index_done(struct pl_lock *);

/*
 * Removes every temporary file and folder recorded, then the locks, and
 * puts the signal handlers back; a signal caught meanwhile is raised
 * again unless committed (a change made is finished, not undone).
 */
void	 pl_lock_release(struct pl_lock *, int committed);

#endif
