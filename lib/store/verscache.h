/*
 * Internal to lib/report/report-history.c: what a version of a file says
 * to a reader that reads old versions (the family view: was it private,
 * what it linked to), kept by the tree it was read from and its path in
 * <gitdir>/pl/version-cache (see lib/store/verscache.c), so that a walk
 * over history already read does not look each version up in its tree
 * again.
 */
#ifndef PL_VERSCACHE_H
#define PL_VERSCACHE_H

#include <stddef.h>

#include <git2.h>

struct pl_verscache;

/*
 * Maps repo's cache of what readers stamped stamp (a string naming what
 * made the records: their format, the parser's version) put there; a
 * missing, short, broken or other-stamp file is empty.  Never fails.
 */
struct pl_verscache *pl_verscache_open(git_repository *repo,
	    const char *stamp);

/*
 * The bytes put for path in tree (borrowed until close, *len long) when
 * a sound record has them, else NULL: read the version from git.
 */
const char *pl_verscache_get(struct pl_verscache *, const git_oid *tree,
	    const char *path, size_t *len);

/* Records len bytes for path in tree (copied), written at close. */
void	 pl_verscache_put(struct pl_verscache *, const git_oid *tree,
	    const char *path, const char *data, size_t len);

/*
 * Says the reader asked for every version history still has: the file
 * is rewritten at close with those alone (see pl_recfile_whole()).
 */
void	 pl_verscache_whole(struct pl_verscache *);

/* Writes what changed (a failure is ignored) and frees; NULL: nothing. */
void	 pl_verscache_close(struct pl_verscache *);

#endif
