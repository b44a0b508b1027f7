/*
 * Internal: caches pl keeps in the repository's git folder (<gitdir>/pl/)
 * to avoid work it has done before.  Each is only a cache: a file pl
 * cannot read or trust is ignored whole, one it cannot write is not
 * written, and removing any of them loses nothing.
 */
#ifndef PL_CACHE_H
#define PL_CACHE_H

#include <stddef.h>

#include <git2.h>

#include "pl/base/util.h"

/*
 * Reads the cache file path into out (appended): 0 when it is a regular
 * file of at most max bytes that could be read, else -1 with out empty.
 */
int	 pl_cache_read(struct pl_buf *out, const char *path, size_t max);

/*
 * Replaces the cache file path (in a folder of the git folder, made when
 * missing) by len bytes of data, through a temporary file and a rename,
 * after removing the temporary files of writers that were killed.
 * A failure is ignored: the cache is only slower without it; the last
 * error set (pl_error_last()) stays as it was.
 */
void	 pl_cache_save(const char *path, const char *data, size_t len);

/*
 * The texts of the files of one portfolio folder, by blob id, as they
 * stood when the folder was last listed: <gitdir>/pl/<dir>-cache.
 * Reading a text from it skips libgit2's inflating and delta chains, and
 * the lock that threads reading one pack file meet on.
 */
struct pl_textcache;

/* Reads the cache of folder dir; a missing or broken one is empty. */
struct pl_textcache *pl_textcache_open(git_repository *repo,
	    const char *dir);

/*
 * The cached text of blob id (borrowed, len bytes, valid until close),
 * or NULL.  Counts the record as used.
 */
const char *pl_textcache_get(struct pl_textcache *, const git_oid *id,
	    size_t *len);

/*
 * Records the text of blob id as one of the folder's, for the cache to
 * be written at close.  Call it for each file of the folder, cached or
 * not: the cache is rewritten, with these alone, when any was not
 * cached or a record was not used (a file removed or changed since).
 * id and text are borrowed until close.
 */
void	 pl_textcache_put(struct pl_textcache *, const git_oid *id,
	    const char *text, size_t len);

/* Writes the cache when it changed (see above) and frees. */
void	 pl_textcache_close(struct pl_textcache *);

/*
 * Keeps the cache as it is at close: for a listing of an older commit,
 * whose files would otherwise replace the newest ones (and bring back
 * the text of an entry removed since, a private one among them).
 */
void	 pl_textcache_readonly(struct pl_textcache *);

#endif
