/*
 * Internal to lib/progress/history.c: what the walk reads from each
 * commit, kept by commit id in <gitdir>/pl/commit-cache (see
 * lib/store/commitcache.c), so a walk over history already read does not
 * read and inflate every commit object again.
 */
#ifndef PL_COMMITCACHE_H
#define PL_COMMITCACHE_H

#include <stddef.h>
#include <stdint.h>

#include <git2.h>

/*
 * One commit as the walk reads it.  Strings and parents are borrowed:
 * from the mapped file (until close) for a record got, from the caller
 * for one put (copied by pl_commitcache_put()).
 */
struct pl_commitrec {
	git_oid			 tree;
	size_t			 nparents;
	const unsigned char	*parents;	/* raw ids, GIT_OID_RAWSZ each */
	int64_t			 author_time;
	int			 author_offset;	/* minutes east of UTC */
	int64_t			 commit_time;	/* the committer's */
	int			 commit_offset;
	const char		*author;	/* name */
	const char		*email;
	const char		*summary;	/* git_commit_summary() */
	const char		*sentence;	/* the walk's, "" for none */
	const char		*trailers;	/* trailers_len bytes: a key
						   and a value each ended by a
						   NUL, pair after pair */
	size_t			 trailers_len;
};

struct pl_commitcache;

/*
 * Maps the cache of repo; a missing, short, other-version file is
 * empty.  Never fails.
 */
struct pl_commitcache *pl_commitcache_open(git_repository *repo);

/*
 * 1 with *out filled (borrowed until close) when commit id has a sound
 * record (its checksum right), else 0: read it from git.  Counts the
 * record as used.
 */
int	 pl_commitcache_get(struct pl_commitcache *, const git_oid *id,
	    struct pl_commitrec *out);

/*
 * 1 with the pair of rec's trailers at *at (0 for the first) borrowed in
 * *key and *value, *at moved past it; 0 after the last.
 */
int	 pl_commitrec_trailer(const struct pl_commitrec *rec, size_t *at,
	    const char **key, const char **value);

/*
 * Records commit id (copied), to be written at close.  rec's trailers
 * must be whole pairs.
 */
void	 pl_commitcache_put(struct pl_commitcache *, const git_oid *id,
	    const struct pl_commitrec *rec);

/*
 * Says the walk read all of a history: the file is then rewritten at
 * close with the records used and put alone when any other was in it
 * (a commit no longer reachable, its message with it).
 */
void	 pl_commitcache_whole(struct pl_commitcache *);

/*
 * Writes the file when records were put, or (after _whole) when one was
 * not used; a failure is ignored.  Frees.
 */
void	 pl_commitcache_close(struct pl_commitcache *);

#endif
