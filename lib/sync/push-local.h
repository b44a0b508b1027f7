/*
 * A push to a bare repository on this machine (lib/sync/push-local.c),
 * for sync.c.
 */
#ifndef PL_SYNC_PUSH_LOCAL_H
#define PL_SYNC_PUSH_LOCAL_H

#include <git2.h>

#include "pl/base/error.h"

/*
 * Pushes tip to ref ("refs/heads/main") of the bare repository at path
 * (lib/sync/push-local.c) as a compare-and-swap: the ref moves from old (NULL:
 * it must not exist) to tip, or not at all.  0 when pushed, 1 when the
 * ref was not at old (another push moved it), else libgit2's error
 * (git_error_last() says why).  The objects sent may stay unreachable
 * in the remote's packs when the ref does not move.
 */
int	 pl_push_local(git_repository *repo, const char *path,
	    const char *ref, const git_oid *tip, const git_oid *old) PL_WUR;

#endif
