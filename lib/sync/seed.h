/*
 * A clone from a repository on this machine seeded with its objects
 * (lib/sync/seed.c), for clone.c.
 */
#ifndef PL_SYNC_SEED_H
#define PL_SYNC_SEED_H

#include <git2.h>

/*
 * Copies the packs and loose objects of the repository at path into the
 * new, empty repository repo, and checks that each object's id is the
 * hash of what it holds, as the transport's indexer would: the fetch
 * that follows then finds every branch's objects there and brings
 * nothing.  Anything that keeps a copy from being the whole of what the
 * transport would send (alternates, a shallow or partial repository, a
 * file that cannot be read, an object that does not hash to its id)
 * leaves repo's objects as they were, and the transport sends them all.
 * Copies, never hard links: the clone shares no file with the source,
 * whose owner could otherwise rewrite the clone's objects.  1 when
 * seeded, else 0; it cannot fail.
 */
int	 pl_seed_objects(git_repository *repo, const char *path);

#endif
