/*
 * A cache file of records by 20-byte key (recfile.h):
 *
 *	the header (its writer's, e.g. "pl commit cache 1\n")
 *	the number of records (4 bytes)
 *	an index sorted by key, each: the key (20 bytes), where the
 *	record starts after the index and its length (4 bytes each)
 *	the records, each: the CRC-32 of the key and the rest of the
 *	record (4 bytes), then its writer's bytes
 *
 * all numbers little-endian.  The file is mapped and the index searched
 * where it lies, so a reader that wants a few records reads no others,
 * and each record is checked when used.  The keys name what the records
 * say (a commit id, a hash of a tree id and a path), so a record is never
 * stale; what goes out of date is which keys history still has: a reader
 * that asked for all it wants rewrites the file with those alone
 * (pl_recfile_whole()), so nothing of a commit removed by a rebase or a
 * forced push stays here.
 */
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "store/cache.h"
#include "store/recfile.h"
#include "pl/base/util.h"

#define KEY		GIT_OID_RAWSZ
#define INDEX		(KEY + 8)	/* bytes an index entry */

/* A record for the new file: from the old one, or put. */
struct rec {
	const unsigned char	*key;
	const char		*data;		/* from its checksum on */
	size_t			 len;
};

struct pl_recfile {
	char			*path;
	char			*header;
	size_t			 max;
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
		unsigned char	 key[KEY];
		size_t		 off, len;	/* in added */
	}			*put;
	size_t			 nput, cap;
	int			 whole;
};

/*
 * Indexes f->map; 0 when its header or index is not right (an index
 * out of order would hide records from the search, and from the file
 * written at close).
 */
static int
parse(struct pl_recfile *f)
{
	const unsigned char	*p = (const unsigned char *)f->map;
	size_t			 hlen = strlen(f->header), left, i;

	if (f->maplen < hlen + 4 || memcmp(p, f->header, hlen) != 0)
		return 0;
	left = f->maplen - hlen - 4;
	f->n = pl_cache_get32(p + hlen);
	if (f->n > left / INDEX) {
		f->n = 0;
		return 0;
	}
	f->index = p + hlen + 4;
	for (i = 1; i < f->n; i++)
		if (memcmp(f->index + (i - 1) * INDEX, f->index + i * INDEX,
		    KEY) >= 0) {
			f->n = 0;
			return 0;
		}
	f->data = (const char *)f->index + f->n * INDEX;
	f->datalen = left - f->n * INDEX;
	return 1;
}

struct pl_recfile *
pl_recfile_open(const char *path, const char *header, size_t max)
{
	struct pl_recfile	*f = pl_xcalloc(1, sizeof *f);

	f->path = pl_xstrdup(path);
	f->header = pl_xstrdup(header);
	f->max = max;
	if (pl_cache_map(&f->map, &f->maplen, f->path, max) == 0 &&
	    !parse(f)) {
		pl_cache_unmap(f->map, f->maplen);
		f->map = NULL;
	}
	f->used = pl_xcalloc(f->n + 1, 1);
	return f;
}

static int
by_key(const void *key, const void *e)
{
	return memcmp(key, e, KEY);
}

/* Record i's bytes, or NULL when its index entry points outside. */
static const char *
record_at(const struct pl_recfile *f, size_t i, size_t *len)
{
	const unsigned char	*e = f->index + i * INDEX;
	size_t			 off = pl_cache_get32(e + KEY);

	*len = pl_cache_get32(e + KEY + 4);
	if (off > f->datalen || *len > f->datalen - off)
		return NULL;
	return f->data + off;
}

/* The CRC-32 of key and the record after its own checksum. */
static uint32_t
record_crc(const unsigned char *key, const char *r, size_t len)
{
	uLong	crc = crc32(0L, key, KEY);

	/* a record is at most the file's size, within uInt */
	return (uint32_t)crc32(crc, (const Bytef *)r + 4, (uInt)(len - 4));
}

const char *
pl_recfile_get(struct pl_recfile *f, const unsigned char *key, size_t *len)
{
	const unsigned char	*e;
	const char		*r;
	size_t			 i;

	*len = 0;
	if (f == NULL || f->n == 0 || (e = bsearch(key, f->index, f->n,
	    INDEX, by_key)) == NULL)
		return NULL;
	i = (size_t)(e - f->index) / INDEX;
	if ((r = record_at(f, i, len)) == NULL || *len < 4 ||
	    pl_cache_get32((const unsigned char *)r) != record_crc(key, r,
	    *len)) {
		*len = 0;
		return NULL;
	}
	f->nused += !f->used[i];
	f->used[i] = 1;
	*len -= 4;
	return r + 4;
}

void
pl_recfile_put(struct pl_recfile *f, const unsigned char *key,
    const char *data, size_t len)
{
	struct pl_buf	*b;
	size_t		 start;
	uint32_t	 crc;

	if (f == NULL)
		return;
	b = &f->added;
	start = b->len;
	pl_cache_put32(b, 0);		/* the checksum, below */
	pl_buf_put(b, data, len);
	crc = record_crc(key, b->ptr + start, b->len - start);
	memcpy(b->ptr + start, (unsigned char[4]){ crc & 0xff,
	    crc >> 8 & 0xff, crc >> 16 & 0xff, crc >> 24 & 0xff }, 4);
	if (f->nput == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 64;
		f->put = pl_xrealloc(f->put, f->cap * sizeof *f->put);
	}
	memcpy(f->put[f->nput].key, key, KEY);
	f->put[f->nput].off = start;
	f->put[f->nput++].len = b->len - start;
}

void
pl_recfile_whole(struct pl_recfile *f)
{
	if (f != NULL)
		f->whole = 1;
}

static int
rec_cmp(const void *a, const void *b)
{
	return memcmp(((const struct rec *)a)->key,
	    ((const struct rec *)b)->key, KEY);
}

/*
 * The records put, sorted, merged with the file's (each already in
 * order; those used alone after _whole), each key once, the one put
 * first among equals.
 */
static struct rec *
merged(struct pl_recfile *f, size_t *n)
{
	struct rec	*put, *all;
	size_t		 i, k = 0, j = 0, len;
	const char	*r;
	int		 cmp;

	put = pl_xcalloc(f->nput + 1, sizeof *put);
	for (i = 0; i < f->nput; i++)
		put[i] = (struct rec){ f->put[i].key,
		    f->added.ptr + f->put[i].off, f->put[i].len };
	if (f->nput > 1)
		qsort(put, f->nput, sizeof *put, rec_cmp);
	all = pl_xcalloc(f->n + f->nput + 1, sizeof *all);
	*n = 0;
	while (k < f->n || j < f->nput) {
		if (k < f->n && (f->whole && !f->used[k])) {
			k++;
			continue;
		}
		cmp = k == f->n ? 1 : j == f->nput ? -1 :
		    memcmp(f->index + k * INDEX, put[j].key, KEY);
		if (cmp < 0 && (r = record_at(f, k, &len)) != NULL)
			all[(*n)++] = (struct rec){ f->index + k * INDEX, r,
			    len };
		else if (cmp >= 0 && (*n == 0 || memcmp(all[*n - 1].key,
		    put[j].key, KEY) != 0))
			all[(*n)++] = put[j];
		k += cmp <= 0;
		j += cmp >= 0;
	}
	free(put);
	return all;
}

static void
save(struct pl_recfile *f)
{
	struct pl_buf	 out = PL_BUF_INIT;
	struct rec	*all;
	size_t		 i, n, off = 0, size;

	all = merged(f, &n);
	size = strlen(f->header) + 4 + n * INDEX;
	for (i = 0; i < n; i++)
		size += all[i].len;
	if (size > f->max || n > UINT32_MAX)
		goto done;
	pl_buf_puts(&out, f->header);
	pl_cache_put32(&out, (uint32_t)n);
	for (i = 0; i < n; i++) {
		pl_buf_put(&out, (const char *)all[i].key, KEY);
		pl_cache_put32(&out, (uint32_t)off);
		pl_cache_put32(&out, (uint32_t)all[i].len);
		off += all[i].len;
	}
	for (i = 0; i < n; i++)
		pl_buf_put(&out, all[i].data, all[i].len);
	pl_cache_save(f->path, out.ptr, out.len);
done:
	free(all);
	pl_buf_release(&out);
}

void
pl_recfile_close(struct pl_recfile *f)
{
	if (f == NULL)
		return;
	if (f->nput > 0 || (f->whole && f->nused != f->n))
		save(f);
	free(f->path);
	free(f->header);
	pl_cache_unmap(f->map, f->maplen);
	free(f->used);
	free(f->put);
	pl_buf_release(&f->added);
	free(f);
}
