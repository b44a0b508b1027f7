/*
 * Internal: caches pl keeps in the repository's git folder (<gitdir>/pl/)
 * to avoid work it has done before.  Each is only a cache: a file pl
 * cannot read or trust is ignored whole, one it cannot write is not
 * written, and removing any of them loses nothing.
 */
#ifndef PL_CACHE_H
#define PL_CACHE_H

#include <stddef.h>
#include <stdint.h>

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
 * Maps path read-only: 0 with *out and *len when it is a regular file of
 * 1 to max bytes, else -1.  pl_cache_unmap() undoes it (NULL: nothing).
 */
int	 pl_cache_map(const char **out, size_t *len, const char *path,
	    size_t max);
void	 pl_cache_unmap(const char *p, size_t len);

/* Four bytes little-endian, as every cache file's numbers. */
uint32_t pl_cache_get32(const unsigned char *p);
void	 pl_cache_put32(struct pl_buf *b, uint32_t v);

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

/*
 * Writes the cache when it changed (see above) and frees.  Returns the
 * cache's seal as it now stands on disk (see pl_textcache_seal()).
 */
uint64_t pl_textcache_close(struct pl_textcache *);

/*
 * Which text cache a summary cache goes with: 0 for none (missing,
 * broken, not written), else a value that changes whenever the file's
 * contents do (its checksum).  _seal is the open cache's; _seal_of reads
 * it from the file's last bytes without reading the texts, for a command
 * that needs the summaries alone.
 */
uint64_t pl_textcache_seal(const struct pl_textcache *);
uint64_t pl_textcache_seal_of(git_repository *repo, const char *dir);

/*
 * Keeps the cache as it is at close: for a listing of an older commit,
 * whose files would otherwise replace the newest ones (and bring back
 * the text of an entry removed since, a private one among them).
 */
void	 pl_textcache_readonly(struct pl_textcache *);

/*
 * The summaries of the files of one portfolio folder, by blob id:
 * <gitdir>/pl/<dir>-summary, beside the folder's text cache and written
 * with the same records.  What a summary holds is its writer's (entries
 * keep the parsed front matter and what lists derive from the body);
 * here it is bytes.  The file is read with one mmap and trusted only
 * whole: a stamp that is not the writer's (another format, another
 * parser), a seal that is not the text cache's (pl_textcache_seal()), a
 * wrong checksum, a short file: every summary is missing, never an error.
 */
struct pl_sumcache;

/*
 * Maps the summaries of folder dir written with stamp (a string naming
 * what made them) for the text cache of seal; a missing or broken file,
 * another stamp or seal: none.
 */
struct pl_sumcache *pl_sumcache_open(git_repository *repo, const char *dir,
	    const char *stamp, uint64_t seal);

/*
 * The summary of blob id (borrowed, *len bytes, valid until close), or
 * NULL.  A record may be empty: its writer put nothing to keep.
 */
const char *pl_sumcache_get(struct pl_sumcache *, const git_oid *id,
	    size_t *len);

/*
 * pl_sumcache_get() and pl_sumcache_put() of id with no summary, with
 * one search of the index.
 */
const char *pl_sumcache_take(struct pl_sumcache *, const git_oid *id,
	    size_t *len);

/*
 * Records blob id as one of the folder's, with summary sum (len bytes;
 * borrowed until close), or with the summary the cache has when sum is
 * NULL.  Call it for every file of the folder: the file is rewritten,
 * with these alone, when one was new or changed, a record was not used,
 * or the text cache's seal is not the one it was written for.
 */
void	 pl_sumcache_put(struct pl_sumcache *, const git_oid *id,
	    const char *sum, size_t len);

struct pl_folder;

/*
 * The listing of the folder kept with the summaries, when it is the
 * listing of the tree whose id is tree with suffix: 1 with *out filled
 * (the caller releases it with pl_folder_release()), else 0 with *out
 * empty.
 */
int	 pl_sumcache_folder(struct pl_folder *out,
	    const struct pl_sumcache *, const git_oid *tree,
	    const char *suffix);

/*
 * The object and mode of file name (without suffix) in the listing kept
 * when it is tree's with suffix: 1, else 0.
 */
int	 pl_sumcache_folder_find(git_oid *id, git_filemode_t *mode,
	    const struct pl_sumcache *, const git_oid *tree,
	    const char *suffix, const char *name);

/*
 * Keeps f, the listing of tree with suffix (copied), with the summaries:
 * the file is written at close.
 */
void	 pl_sumcache_put_folder(struct pl_sumcache *, const git_oid *tree,
	    const char *suffix, const struct pl_folder *f);

/*
 * 1 when every record of the file was put: no file of the folder left
 * since it was written.
 */
int	 pl_sumcache_whole(const struct pl_sumcache *);

/* Keeps the file as it is at close (an older commit's listing). */
void	 pl_sumcache_readonly(struct pl_sumcache *);

/*
 * Writes the file when it changed (see above), for the text cache of
 * seal as it stands now (pl_textcache_close()'s), and frees.
 */
void	 pl_sumcache_close(struct pl_sumcache *, uint64_t seal);

#endif
