/*
 * What the history walk reads from each commit, by commit id, in
 * <gitdir>/pl/commit-cache: reading and inflating each commit object was
 * most of a walk over history already read (205 M of pl report's 423 M
 * instructions at 5,000 commits).
 *
 *	"pl commit cache 1\n"
 *	the number of records (4 bytes)
 *	an index sorted by commit id, each: the id (20 bytes), where the
 *	record starts after the index and its length (4 bytes each)
 *	the records, each: the CRC-32 of the commit id and the rest of the
 *	record (4 bytes), the tree id (20), the number of parents (4),
 *	their ids (20 each), the author's time (8) and zone (4), the
 *	committer's time (8) and zone (4), then the author's name and
 *	email, the message's summary and its sentence (see
 *	lib/progress/history.c; empty for none), each ended by a NUL, then
 *	to the record's end the trailers the walk reads, a key and a value
 *	each ended by a NUL, in the message's order
 *
 * all numbers little-endian.  The file is mapped and the index searched
 * where it lies, so a walk that stops early reads only the records it
 * uses, and each record is checked when used: one that is not right is
 * read from git again, never an error.  A commit id names its contents,
 * so a record is never stale; what goes out of date is which commits
 * history still has: a walk that reads all of it rewrites the file with
 * those alone (pl_commitcache_whole()), so the message of a commit
 * removed by a rebase or a forced push does not stay here.
 *
 * Version 2 keeps the trailers parsed instead of the message: parsing
 * them again on each walk was 27.8 M of the 63.4 M instructions of a
 * walk over 5,000 commits all read from here.
 */
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "store/cache.h"
#include "store/commitcache.h"
#include "pl/base/util.h"

#define HEADER		"pl commit cache 2\n"
#define MAX_SIZE	((size_t)512 * 1024 * 1024)
#define INDEX		(GIT_OID_RAWSZ + 8)	/* bytes an index entry */
#define FIXED		(4 + GIT_OID_RAWSZ + 4 + 12 + 12)	/* and parents */
#define MAX_PARENTS	100000

/* A record for the new file: from the old one, or put. */
struct rec {
	const unsigned char	*id;		/* raw */
	const char		*data;
	size_t			 len;
};

struct pl_commitcache {
	char			*path;
	const char		*map;		/* the file, or NULL */
	size_t			 maplen;
	const unsigned char	*index;		/* n entries of INDEX bytes */
	size_t			 n;
	const char		*data;		/* the records */
	size_t			 datalen;
	unsigned char		*used;		/* n flags */
	size_t			 nused;
	struct pl_buf		 added;		/* records put, back to back */
	struct {
		git_oid		 id;
		size_t		 off, len;	/* in added */
	}			*put;
	size_t			 nput, cap;
	int			 whole;
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

/*
 * Indexes c->map; 0 when its header or index is not right (an index
 * out of order would hide records from the search, and from the file
 * written at close).
 */
static int
parse(struct pl_commitcache *c)
{
	const unsigned char	*p = (const unsigned char *)c->map;
	size_t			 hlen = strlen(HEADER), left, i;

	if (c->maplen < hlen + 4 || memcmp(p, HEADER, hlen) != 0)
		return 0;
	left = c->maplen - hlen - 4;
	c->n = pl_cache_get32(p + hlen);
	if (c->n > left / INDEX) {
		c->n = 0;
		return 0;
	}
	c->index = p + hlen + 4;
	for (i = 1; i < c->n; i++)
		if (memcmp(c->index + (i - 1) * INDEX, c->index + i * INDEX,
		    GIT_OID_RAWSZ) >= 0) {
			c->n = 0;
			return 0;
		}
	c->data = (const char *)c->index + c->n * INDEX;
	c->datalen = left - c->n * INDEX;
	return 1;
}

struct pl_commitcache *
pl_commitcache_open(git_repository *repo)
{
	struct pl_commitcache	*c = pl_xcalloc(1, sizeof *c);

	c->path = pl_xasprintf("%spl/commit-cache",
	    git_repository_path(repo));
	if (pl_cache_map(&c->map, &c->maplen, c->path, MAX_SIZE) == 0 &&
	    !parse(c)) {
		pl_cache_unmap(c->map, c->maplen);
		c->map = NULL;
	}
	c->used = pl_xcalloc(c->n + 1, 1);
	return c;
}

static int
by_id(const void *key, const void *e)
{
	return memcmp(key, e, GIT_OID_RAWSZ);
}

/* Record i's bytes, or NULL when its index entry points outside. */
static const char *
record_at(const struct pl_commitcache *c, size_t i, size_t *len)
{
	const unsigned char	*e = c->index + i * INDEX;
	size_t			 off = pl_cache_get32(e + GIT_OID_RAWSZ);

	*len = pl_cache_get32(e + GIT_OID_RAWSZ + 4);
	if (off > c->datalen || *len > c->datalen - off)
		return NULL;
	return c->data + off;
}

/* The CRC-32 of id and the record after its own checksum. */
static uint32_t
record_crc(const unsigned char *id, const char *r, size_t len)
{
	uLong	crc = crc32(0L, id, GIT_OID_RAWSZ);

	/* a record is at most MAX_SIZE bytes, within uInt */
	return (uint32_t)crc32(crc, (const Bytef *)r + 4, (uInt)(len - 4));
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

/* Fills out from record r (len bytes of commit id); 0 when not right. */
static int
decode(struct pl_commitrec *out, const unsigned char *id, const char *r,
    size_t len)
{
	const unsigned char	*u = (const unsigned char *)r;
	const char		*p, *end = r + len;

	if (len < FIXED || pl_cache_get32(u) != record_crc(id, r, len))
		return 0;
	memcpy(out->tree.id, u + 4, GIT_OID_RAWSZ);
	out->nparents = pl_cache_get32(u + 4 + GIT_OID_RAWSZ);
	if (out->nparents > MAX_PARENTS ||
	    out->nparents > (len - FIXED) / GIT_OID_RAWSZ)
		return 0;
	out->parents = u + 4 + GIT_OID_RAWSZ + 4;
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
	const unsigned char	*e;
	const char		*r;
	size_t			 i, len;

	if (c == NULL || c->n == 0 || (e = bsearch(id->id, c->index, c->n,
	    INDEX, by_id)) == NULL)
		return 0;
	i = (size_t)(e - c->index) / INDEX;
	if ((r = record_at(c, i, &len)) == NULL || !decode(out, id->id, r,
	    len))
		return 0;
	c->nused += !c->used[i];
	c->used[i] = 1;
	return 1;
}

void
pl_commitcache_put(struct pl_commitcache *c, const git_oid *id,
    const struct pl_commitrec *rec)
{
	struct pl_buf	*b;
	size_t		 start;
	uint32_t	 crc;

	if (c == NULL)
		return;
	b = &c->added;
	start = b->len;
	pl_cache_put32(b, 0);		/* the checksum, below */
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
	crc = record_crc(id->id, b->ptr + start, b->len - start);
	memcpy(b->ptr + start, (unsigned char[4]){ crc & 0xff,
	    crc >> 8 & 0xff, crc >> 16 & 0xff, crc >> 24 & 0xff }, 4);
	if (c->nput == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->put = pl_xrealloc(c->put, c->cap * sizeof *c->put);
	}
	git_oid_cpy(&c->put[c->nput].id, id);
	c->put[c->nput].off = start;
	c->put[c->nput++].len = b->len - start;
}

void
pl_commitcache_whole(struct pl_commitcache *c)
{
	if (c != NULL)
		c->whole = 1;
}

static int
rec_cmp(const void *a, const void *b)
{
	return memcmp(((const struct rec *)a)->id,
	    ((const struct rec *)b)->id, GIT_OID_RAWSZ);
}

/*
 * The records put, sorted, merged with the file's (each already in
 * order; those used alone after a whole walk), each id once.
 */
static struct rec *
merged(struct pl_commitcache *c, size_t *n)
{
	struct rec	*put, *all;
	size_t		 i, k = 0, j = 0, len;
	const char	*r;
	int		 cmp;

	put = pl_xcalloc(c->nput + 1, sizeof *put);
	for (i = 0; i < c->nput; i++)
		put[i] = (struct rec){ c->put[i].id.id,
		    c->added.ptr + c->put[i].off, c->put[i].len };
	if (c->nput > 1)
		qsort(put, c->nput, sizeof *put, rec_cmp);
	all = pl_xcalloc(c->n + c->nput + 1, sizeof *all);
	*n = 0;
	while (k < c->n || j < c->nput) {
		if (k < c->n && (c->whole && !c->used[k])) {
			k++;
			continue;
		}
		cmp = k == c->n ? 1 : j == c->nput ? -1 :
		    memcmp(c->index + k * INDEX, put[j].id, GIT_OID_RAWSZ);
		if (cmp < 0 && (r = record_at(c, k, &len)) != NULL)
			all[(*n)++] = (struct rec){ c->index + k * INDEX, r,
			    len };
		else if (cmp >= 0 && (*n == 0 || memcmp(all[*n - 1].id,
		    put[j].id, GIT_OID_RAWSZ) != 0))
			all[(*n)++] = put[j];
		k += cmp <= 0;
		j += cmp >= 0;
	}
	free(put);
	return all;
}

static void
save(struct pl_commitcache *c)
{
	struct pl_buf	 out = PL_BUF_INIT;
	struct rec	*all;
	size_t		 i, n, off = 0, size;

	all = merged(c, &n);
	size = strlen(HEADER) + 4 + n * INDEX;
	for (i = 0; i < n; i++)
		size += all[i].len;
	if (size > MAX_SIZE || n > UINT32_MAX)
		goto done;
	pl_buf_puts(&out, HEADER);
	pl_cache_put32(&out, (uint32_t)n);
	for (i = 0; i < n; i++) {
		pl_buf_put(&out, (const char *)all[i].id, GIT_OID_RAWSZ);
		pl_cache_put32(&out, (uint32_t)off);
		pl_cache_put32(&out, (uint32_t)all[i].len);
		off += all[i].len;
	}
	for (i = 0; i < n; i++)
		pl_buf_put(&out, all[i].data, all[i].len);
	pl_cache_save(c->path, out.ptr, out.len);
done:
	free(all);
	pl_buf_release(&out);
}

void
pl_commitcache_close(struct pl_commitcache *c)
{
	if (c == NULL)
		return;
	if (c->nput > 0 || (c->whole && c->nused != c->n))
		save(c);
	free(c->path);
	pl_cache_unmap(c->map, c->maplen);
	free(c->used);
	free(c->put);
	pl_buf_release(&c->added);
	free(c);
}
