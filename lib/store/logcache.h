/*
 * Internal to lib/progress/history.c: what hand-made commits changed, cached in
 * the repository's git folder (see lib/store/logcache.c).
 */
#ifndef PL_LOGCACHE_H
#define PL_LOGCACHE_H

#include <git2.h>

#include "pl/base/util.h"

struct pl_logcache;

/* Reads the cache of repo; an unreadable one is empty.  Never fails. */
struct pl_logcache *pl_logcache_open(git_repository *repo);

/* 1, with the changes ("Apath") appended to out, when id is cached. */
int	 pl_logcache_get(struct pl_logcache *, const git_oid *id,
	    struct pl_strlist *out);

/* Records what commit id changed, to be written at close. */
void	 pl_logcache_put(struct pl_logcache *, const git_oid *id,
	    const struct pl_strlist *files);

/* Writes what was recorded (a failure is ignored) and frees. */
void	 pl_logcache_close(struct pl_logcache *);

#endif
