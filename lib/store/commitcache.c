/*
 * What the history walk reads from each commit, by commit id, in
 * <gitdir>/pl/commit-cache: reading and inflating each commit object was
 * most of a walk over history already read (205 M of pl report's 423 M
 * instructions at 5,000 commits).  A file of records by key (recfile.c)
 * under the header "pl commit cache 2\n", each record after its
 * checksum: the tree id (20 bytes), the number of parents (4), their
 * ids (20 each), the author's time (8) and zone (4), the committer's
 * time (8) and zone (4), then the author's name and email, the
 * message's summary and its sentence (see lib/progress/history.c; empty
 * for none), each ended by a NUL, then to the record's end the trailers
 * the walk reads, a key and a value each ended by a NUL, in the
 * message's order; numbers little-endian.  A record that is not right
 * is read from git again, never an error.  A commit id names its
 * contents, so a record is never stale; a walk that reads all of
 * history rewrites the file with its commits alone
 * (pl_commitcache_whole()), so the message of a commit removed by a
 * rebase or a forced push does not stay here.
 *
 * Version 2 keeps the trailers parsed instead of the message: parsing
 * them again on each walk was 27.8 M of the 63.4 M instructions of a
 * walk over 5,000 commits all read from here.
 */
#include <stdlib.h>
#include <string.h>

#include "store/cache.h"
#include "store/commitcache.h"
#include "store/recfile.h"
#include "pl/base/util.h"

#define HEADER		"pl commit cache 2\n"
#define MAX_SIZE	((size_t)512 * 1024 * 1024)
#define FIXED		(GIT_OID_RAWSZ + 4 + 12 + 12)	/* and parents */
#define MAX_PARENTS	100000

struct pl_commitcache {
	struct pl_recfile	*f;
	struct pl_buf		 rec;		/* the record being put */
};

static void
put64(struct pl_buf *b, int64_t v)
{
	pl_cache_put32(b, (uint32_t)((uint64_t)v & 0xffffffff));
	pl_cache_put32(b, (uint32_t)((uint64_t)v >> 32));
}

static int64_t
get64(const unsigned char *p)
{
	return (int64_t)((uint64_t)pl_cache_get32(p) |
	    (uint64_t)pl_cache_get32(p + 4) << 32);
}

struct pl_commitcache *
pl_commitcache_open(git_repository *repo)
{
	struct pl_commitcache	*c = pl_xcalloc(1, sizeof *c);
	char			*path;

	path = pl_xasprintf("%spl/commit-cache", git_repository_path(repo));
	c->f = pl_recfile_open(path, HEADER, MAX_SIZE);
	free(path);
	return c;
}

/* The next of the record's strings, or NULL when none ends before end. */
static const char *
string(const char **p, const char *end)
{
	const char	*s = *p, *nul;

	if (s >= end || (nul = memchr(s, '\0', (size_t)(end - s))) == NULL)
		return NULL;
	*p = nul + 1;
	return s;
}

/* 1 when [p, end) is whole pairs of strings, each ended by a NUL. */
static int
pairs(const char *p, const char *end)
{
	size_t	n = 0;

	while (string(&p, end) != NULL)
		n++;
	return p == end && n % 2 == 0;
}

/* Fills out from record r (len bytes after its checksum); 0 when not
   right. */
static int
decode(struct pl_commitrec *out, const char *r, size_t len)
{
	const unsigned char	*u = (const unsigned char *)r;
	const char		*p, *end = r + len;

	if (len < FIXED)
		return 0;
	memcpy(out->tree.id, u, GIT_OID_RAWSZ);
	out->nparents = pl_cache_get32(u + GIT_OID_RAWSZ);
	if (out->nparents > MAX_PARENTS ||
	    out->nparents > (len - FIXED) / GIT_OID_RAWSZ)
		return 0;
	out->parents = u + GIT_OID_RAWSZ + 4;
	u = out->parents + out->nparents * GIT_OID_RAWSZ;
	out->author_time = get64(u);
	out->author_offset = (int)(int32_t)pl_cache_get32(u + 8);
	out->commit_time = get64(u + 12);
	out->commit_offset = (int)(int32_t)pl_cache_get32(u + 20);
	p = (const char *)u + 24;
	return (out->author = string(&p, end)) != NULL &&
	    (out->email = string(&p, end)) != NULL &&
	    (out->summary = string(&p, end)) != NULL &&
	    (out->sentence = string(&p, end)) != NULL &&
	    (out->trailers = p, out->trailers_len = (size_t)(end - p),
	    pairs(p, end));
}

int
pl_commitrec_trailer(const struct pl_commitrec *r, size_t *at,
    const char **key, const char **value)
{
	const char	*p = r->trailers + *at;

	if (*at >= r->trailers_len)
		return 0;
	*key = p;
	*value = p + strlen(p) + 1;
	*at = (size_t)(*value + strlen(*value) + 1 - r->trailers);
	return 1;
}

int
pl_commitcache_get(struct pl_commitcache *c, const git_oid *id,
    struct pl_commitrec *out)
{
	const char	*r;
	size_t		 len;

	return c != NULL && (r = pl_recfile_get(c->f, id->id, &len)) !=
	    NULL && decode(out, r, len);
}

void
pl_commitcache_put(struct pl_commitcache *c, const git_oid *id,
    const struct pl_commitrec *rec)
{
	struct pl_buf	*b;

	if (c == NULL)
		return;
	b = &c->rec;
	pl_buf_clear(b);
	pl_buf_put(b, (const char *)rec->tree.id, GIT_OID_RAWSZ);
	pl_cache_put32(b, (uint32_t)rec->nparents);
	pl_buf_put(b, (const char *)rec->parents,
	    rec->nparents * GIT_OID_RAWSZ);
	put64(b, rec->author_time);
	pl_cache_put32(b, (uint32_t)rec->author_offset);
	put64(b, rec->commit_time);
	pl_cache_put32(b, (uint32_t)rec->commit_offset);
	pl_buf_put(b, rec->author, strlen(rec->author) + 1);
	pl_buf_put(b, rec->email, strlen(rec->email) + 1);
	pl_buf_put(b, rec->summary, strlen(rec->summary) + 1);
	pl_buf_put(b, rec->sentence, strlen(rec->sentence) + 1);
	pl_buf_put(b, rec->trailers, rec->trailers_len);
	pl_recfile_put(c->f, id->id, b->ptr, b->len);
}

void
pl_commitcache_whole(struct pl_commitcache *c)
{
	if (c != NULL)
		pl_recfile_whole(c->f);
}

void
pl_commitcache_close(struct pl_commitcache *c)
{
	if (c == NULL)
		return;
	pl_recfile_close(c->f);
	pl_buf_release(&c->rec);
	free(c);
}
