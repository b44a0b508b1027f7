/*
 * Caches in the git folder (see cache.h).  The text cache of a folder:
 *
 *	"pl text cache 1\n"
 *	records sorted by blob id, each: the id (20 bytes), the text's
 *	length (4 bytes, little-endian), the text
 *	the CRC-32 of everything before it (4 bytes, little-endian)
 *
 * Blob ids name their contents, so a record is never stale; what goes
 * out of date is which records the folder needs, and the file is
 * rewritten with exactly those when that changes, so the text of a file
 * removed from the portfolio does not linger here.
 *
 * The summary cache of a folder, beside it, kept the same way:
 *
 *	"pl summary cache 2\n"
 *	the stamp of its writer: its length (4 bytes), its bytes
 *	the seal of the text cache it goes with (8 bytes)
 *	the folder's listing: the id of its tree (20 bytes, zeros for
 *	none), the suffix listed (its length, 4 bytes, its bytes), the
 *	number of files and the bytes of their records (4 bytes each),
 *	the records in the listing's order, each: the blob id (20 bytes),
 *	the mode and the name's length (4 bytes each), the name
 *	the number of records (4 bytes)
 *	an index sorted by blob id, each: the id (20 bytes), where the
 *	summary starts after the index and its length (4 bytes each)
 *	the summaries
 *	the checksum of everything before it (4 bytes, sum_checksum())
 *
 * all numbers little-endian.  The index is searched where it lies in the
 * mapped file, so a command that wants a few summaries reads no others.
 * The seal ties the summaries to the texts they were made from: a text
 * cache rewritten or changed by hand since (its checksum) leaves every
 * summary unused, to be made again from the text that is there.  The
 * listing is named by its tree's id, which names every file in it: a
 * folder changed in any way, by pl or by plain git, has another.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#include "store/cache.h"
#include "store/portfolio.h"

#define TEXT_HEADER	"pl text cache 1\n"
#define TEXT_MAX	((size_t)512 * 1024 * 1024)
#define SUM_HEADER	"pl summary cache 2\n"
#define SUM_MAX		((size_t)512 * 1024 * 1024)
#define SUM_INDEX	(GIT_OID_RAWSZ + 8)	/* bytes an index entry */
#define SEALED		((uint64_t)1 << 32)	/* a seal: this | CRC */

int
pl_cache_read(struct pl_buf *out, const char *path, size_t max)
{
	struct stat	st;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (uintmax_t)st.st_size > max || pl_read_file(out, path) != 0) {
		pl_buf_release(out);
		return -1;
	}
	return 0;
}

/* pl_cache_save(): 0 when the file was written, else -1. */
static int
save_file(const char *path, const char *data, size_t len)
{
	const char	*slash = strrchr(path, '/');
	char		*dir, *msg;
	int		 code = pl_error_code(), ok = -1;

	if (slash == NULL)
		return -1;
	/* saved at the end of a command, which may be failing */
	msg = pl_xstrdup(pl_error_last());
	dir = pl_xstrndup(path, (size_t)(slash - path));
	if ((mkdir(dir, 0777) == 0 || errno == EEXIST) &&
	    pl_write_file(path, data, len, 0666) == 0)
		ok = 0;
	pl_error_clear();
	if (code != PL_OK)
		(void)pl_error_set(code, "%s", msg);
	free(msg);
	free(dir);
	return ok;
}

void
pl_cache_save(const char *path, const char *data, size_t len)
{
	(void)save_file(path, data, len);
}

/*
 * Maps path read-only: 0 with *out and *len when it is a regular file of
 * 1 to max bytes, else -1.  Nothing is read that is not used, and pl
 * replaces a cache by a rename, so the mapped file never changes under
 * a reader.
 */
int
pl_cache_map(const char **out, size_t *len, const char *path, size_t max)
{
	struct stat	 st;
	void		*p;
	int		 fd;

	*out = NULL;
	*len = 0;
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
	    (uintmax_t)st.st_size > max) {
		close(fd);
		return -1;
	}
	p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return -1;
	*out = p;
	*len = (size_t)st.st_size;
	return 0;
}

void
pl_cache_unmap(const char *p, size_t len)
{
	if (p != NULL)
		munmap((void *)(uintptr_t)p, len);
}

struct record {
	const unsigned char	*id;		/* raw, GIT_OID_RAWSZ bytes */
	const char		*text;
	size_t			 len;
	int			 used;
};

struct pl_textcache {
	char		*path;
	const char	*map;		/* the file, mapped */
	size_t		 maplen;
	uint64_t	 seal;		/* its seal, or 0 */
	struct record	*v;		/* the file's, sorted by id */
	size_t		 n, used;
	struct record	*added;		/* put, not in the file */
	size_t		 nadded, cap;
	int		 readonly;	/* never written */
};

uint32_t
pl_cache_get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

void
pl_cache_put32(struct pl_buf *b, uint32_t v)
{
	unsigned char	p[4] = { v & 0xff, v >> 8 & 0xff, v >> 16 & 0xff,
			    v >> 24 & 0xff };

	pl_buf_put(b, (const char *)p, sizeof p);
}

static uint32_t
checksum(const char *p, size_t len)
{
	uLong	crc = crc32(0L, Z_NULL, 0);

	while (len > 0) {
		uInt	chunk = len > 1U << 30 ? 1U << 30 : (uInt)len;

		crc = crc32(crc, (const Bytef *)p, chunk);
		p += chunk;
		len -= chunk;
	}
	return (uint32_t)crc;
}

/* Indexes c->map; 0 when anything in it is not right. */
static int
parse(struct pl_textcache *c)
{
	const unsigned char	*p = (const unsigned char *)c->map;
	const unsigned char	*end = p + c->maplen;
	size_t			 hlen = strlen(TEXT_HEADER), len, cap = 0;

	if (c->maplen < hlen + 4 || memcmp(p, TEXT_HEADER, hlen) != 0 ||
	    checksum(c->map, c->maplen - 4) != pl_cache_get32(end - 4))
		return 0;
	end -= 4;
	for (p += hlen; p < end; p += GIT_OID_RAWSZ + 4 + len) {
		if (end - p < GIT_OID_RAWSZ + 4)
			return 0;
		len = pl_cache_get32(p + GIT_OID_RAWSZ);
		if (len > PL_READ_MAX || (size_t)(end - p) - GIT_OID_RAWSZ -
		    4 < len || (c->n > 0 && memcmp(c->v[c->n - 1].id, p,
		    GIT_OID_RAWSZ) >= 0))
			return 0;
		if (c->n == cap) {
			cap = cap ? cap * 2 : 256;
			c->v = pl_xrealloc(c->v, cap * sizeof *c->v);
		}
		c->v[c->n++] = (struct record){ p,
		    (const char *)p + GIT_OID_RAWSZ + 4, len, 0 };
	}
	return 1;
}

struct pl_textcache *
pl_textcache_open(git_repository *repo, const char *dir)
{
	struct pl_textcache	*c = pl_xcalloc(1, sizeof *c);

	c->path = pl_xasprintf("%spl/%s-cache", git_repository_path(repo),
	    dir);
	if (pl_cache_map(&c->map, &c->maplen, c->path, TEXT_MAX) == 0 &&
	    parse(c)) {
		c->seal = SEALED | pl_cache_get32((const unsigned char *)c->map +
		    c->maplen - 4);
		return c;
	}
	pl_cache_unmap(c->map, c->maplen);
	c->map = NULL;
	free(c->v);
	c->v = NULL;
	c->n = 0;
	return c;
}

uint64_t
pl_textcache_seal(const struct pl_textcache *c)
{
	return c->seal;
}

uint64_t
pl_textcache_seal_of(git_repository *repo, const char *dir)
{
	unsigned char	 b[4];
	struct stat	 st;
	char		*path;
	int		 fd;
	uint64_t	 seal = 0;

	path = pl_xasprintf("%spl/%s-cache", git_repository_path(repo), dir);
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) >= 0) {
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
		    (uintmax_t)st.st_size >= strlen(TEXT_HEADER) + 4 &&
		    pread(fd, b, 4, st.st_size - 4) == 4)
			seal = SEALED | pl_cache_get32(b);
		close(fd);
	}
	free(path);
	return seal;
}

static int
by_id(const void *key, const void *r)
{
	return memcmp(key, ((const struct record *)r)->id, GIT_OID_RAWSZ);
}

static struct record *
find(struct pl_textcache *c, const git_oid *id)
{
	if (c->n == 0)
		return NULL;
	return bsearch(id->id, c->v, c->n, sizeof *c->v, by_id);
}

const char *
pl_textcache_get(struct pl_textcache *c, const git_oid *id, size_t *len)
{
	struct record	*r = find(c, id);

	if (r == NULL)
		return NULL;
	*len = r->len;
	return r->text;
}

void
pl_textcache_put(struct pl_textcache *c, const git_oid *id,
    const char *text, size_t len)
{
	struct record	*r = find(c, id);

	if (r != NULL) {
		c->used += !r->used;
		r->used = 1;
		return;
	}
	if (c->nadded == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->added = pl_xrealloc(c->added, c->cap * sizeof *c->added);
	}
	c->added[c->nadded++] = (struct record){ id->id,
	    text != NULL ? text : "", len, 1 };
}

static int
record_cmp(const void *a, const void *b)
{
	return memcmp(((const struct record *)a)->id,
	    ((const struct record *)b)->id, GIT_OID_RAWSZ);
}

/*
 * The records used and added, sorted and each once, as the new file: its
 * seal, or 0 when it could not be written.
 */
static uint64_t
save(struct pl_textcache *c)
{
	struct pl_buf	 out = PL_BUF_INIT;
	struct record	*all, *r;
	size_t		 i, n = 0;
	uint64_t	 seal = 0;
	uint32_t	 crc;

	all = pl_xcalloc(c->used + c->nadded + 1, sizeof *all);
	for (i = 0; i < c->n; i++)
		if (c->v[i].used)
			all[n++] = c->v[i];
	for (i = 0; i < c->nadded; i++)
		all[n++] = c->added[i];
	qsort(all, n, sizeof *all, record_cmp);
	pl_buf_puts(&out, TEXT_HEADER);
	for (i = 0; i < n; i++) {
		r = &all[i];
		if ((i > 0 && record_cmp(r, &all[i - 1]) == 0) ||
		    r->len > PL_READ_MAX)
			continue;
		pl_buf_put(&out, (const char *)r->id, GIT_OID_RAWSZ);
		pl_cache_put32(&out, (uint32_t)r->len);
		pl_buf_put(&out, r->text, r->len);
		if (out.len > TEXT_MAX)
			goto done;
	}
	crc = checksum(out.ptr, out.len);
	pl_cache_put32(&out, crc);
	if (save_file(c->path, out.ptr, out.len) == 0)
		seal = SEALED | crc;
done:
	free(all);
	pl_buf_release(&out);
	return seal;
}

void
pl_textcache_readonly(struct pl_textcache *c)
{
	if (c != NULL)
		c->readonly = 1;
}

uint64_t
pl_textcache_close(struct pl_textcache *c)
{
	uint64_t	seal;

	if (c == NULL)
		return 0;
	seal = c->seal;
	if (!c->readonly && (c->nadded > 0 || c->used != c->n))
		seal = save(c);
	free(c->path);
	pl_cache_unmap(c->map, c->maplen);
	free(c->v);
	free(c->added);
	free(c);
	return seal;
}

/* A summary put for the new file. */
struct sumrec {
	const unsigned char	*id;		/* raw */
	const char		*sum;
	size_t			 len;
	int			 file;		/* kept from the file */
};

struct pl_sumcache {
	char		*path;
	const char	*stamp;		/* borrowed */
	const char	*map;		/* the file, mapped, or NULL */
	size_t		 maplen;
	uint64_t	 seal;		/* the text cache's it was written for */
	const unsigned char *index;	/* n entries of SUM_INDEX bytes */
	size_t		 n;
	const char	*data;		/* the summaries */
	size_t		 datalen;
	unsigned char	*used;		/* n flags */
	size_t		 nused;
	struct sumrec	*added;		/* put, new or changed */
	size_t		 nadded, cap;
	const unsigned char *folder;	/* the listing in the file */
	size_t		 folderlen;
	struct pl_buf	 newfolder;	/* the listing put, as written */
	int		 readonly;
};

static uint64_t
get64(const unsigned char *p)
{
	return (uint64_t)pl_cache_get32(p) | (uint64_t)pl_cache_get32(p + 4) << 32;
}

/*
 * The summary cache's checksum: four 64-bit lanes, each word xored in
 * and multiplied by an odd constant (a change to one word changes its
 * lane whatever follows), mixed and folded to 32 bits.  zlib's crc32()
 * took 3.4 instructions a byte and the file is read whole by every
 * listing; this takes well under one.  Words are read in the machine's
 * order: a file moved to a machine of the other order is made again.
 */
static uint32_t
sum_checksum(const char *p, size_t len)
{
	static const uint64_t	 mul = 0x9e3779b97f4a7c15ULL;
	uint64_t		 h[4] = { 1, 2, 3, 4 }, w[4], x;
	size_t			 i, k;

	for (i = 0; i + 32 <= len; i += 32) {
		memcpy(w, p + i, 32);
		h[0] = (h[0] ^ w[0]) * mul;
		h[1] = (h[1] ^ w[1]) * mul;
		h[2] = (h[2] ^ w[2]) * mul;
		h[3] = (h[3] ^ w[3]) * mul;
	}
	for (; i < len; i++)
		h[0] = (h[0] ^ (unsigned char)p[i]) * mul;
	x = (uint64_t)len;
	for (k = 0; k < 4; k++) {
		x = (x ^ h[k]) * mul;
		x ^= x >> 29;
	}
	x ^= x >> 32;
	return (uint32_t)x;
}

/*
 * The listing's part of the file at p (left bytes on): its length, or 0
 * when it does not fit.
 */
static size_t
folder_span(const unsigned char *p, size_t left)
{
	size_t	slen, blen;

	if (left < GIT_OID_RAWSZ + 4)
		return 0;
	slen = pl_cache_get32(p + GIT_OID_RAWSZ);
	if (left - GIT_OID_RAWSZ - 4 < slen ||
	    left - GIT_OID_RAWSZ - 4 - slen < 8)
		return 0;
	blen = pl_cache_get32(p + GIT_OID_RAWSZ + 4 + slen + 4);
	if (left - GIT_OID_RAWSZ - 4 - slen - 8 < blen)
		return 0;
	return GIT_OID_RAWSZ + 4 + slen + 8 + blen;
}

/* Indexes c->map; 0 when anything in it is not right or not stamp's. */
static int
sum_parse(struct pl_sumcache *c, uint64_t seal)
{
	const unsigned char	*p = (const unsigned char *)c->map;
	size_t			 hlen = strlen(SUM_HEADER), slen, left;

	if (c->maplen < hlen + 4 + 8 + 4 + 4 || memcmp(p, SUM_HEADER,
	    hlen) != 0)
		return 0;
	left = c->maplen - hlen - 4;
	p += hlen;
	slen = pl_cache_get32(p);
	if (slen != strlen(c->stamp) || left < slen + 8 + 4 + 4 ||
	    memcmp(p + 4, c->stamp, slen) != 0 || get64(p + 4 + slen) !=
	    seal || sum_checksum(c->map, c->maplen - 4) !=
	    pl_cache_get32((const unsigned char *)c->map + c->maplen - 4))
		return 0;
	left -= slen + 8 + 4;
	p += 4 + slen + 8;
	if ((c->folderlen = folder_span(p, left)) == 0 ||
	    left - c->folderlen < 4)
		return 0;
	c->folder = p;
	left -= c->folderlen + 4;
	p += c->folderlen;
	c->n = pl_cache_get32(p);
	if (c->n > left / SUM_INDEX) {
		c->n = 0;
		return 0;
	}
	c->index = p + 4;
	c->data = (const char *)c->index + c->n * SUM_INDEX;
	c->datalen = left - c->n * SUM_INDEX;
	return 1;
}

struct pl_sumcache *
pl_sumcache_open(git_repository *repo, const char *dir, const char *stamp,
    uint64_t seal)
{
	struct pl_sumcache	*c = pl_xcalloc(1, sizeof *c);

	c->path = pl_xasprintf("%spl/%s-summary", git_repository_path(repo),
	    dir);
	c->stamp = stamp;
	c->seal = seal;
	if (pl_cache_map(&c->map, &c->maplen, c->path, SUM_MAX) == 0 &&
	    !sum_parse(c, seal)) {
		pl_cache_unmap(c->map, c->maplen);
		c->map = NULL;
		c->folder = NULL;
		c->folderlen = 0;
	}
	c->used = pl_xcalloc(c->n + 1, 1);
	return c;
}

static int
by_index_id(const void *key, const void *e)
{
	return memcmp(key, e, GIT_OID_RAWSZ);
}

/* The first four bytes of an id, as a number that sorts as they do. */
static uint32_t
id_head(const unsigned char *id)
{
	return (uint32_t)id[0] << 24 | (uint32_t)id[1] << 16 |
	    (uint32_t)id[2] << 8 | id[3];
}

/*
 * The index of id's record in the file, or -1.  Asked for every file of
 * every listing: ids differ in their first bytes but near the end of a
 * search, so those are compared as a number before memcmp().
 */
static long
sum_find(const struct pl_sumcache *c, const unsigned char *id)
{
	const unsigned char	*e;
	size_t			 lo = 0, hi = c->n, mid;
	uint32_t		 want = id_head(id), have;
	int			 cmp;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		e = c->index + mid * SUM_INDEX;
		have = id_head(e);
		cmp = want != have ? (want < have ? -1 : 1) :
		    by_index_id(id, e);
		if (cmp == 0)
			return (long)mid;
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

/* The summary of record i, or NULL when the index points outside. */
static const char *
sum_at(const struct pl_sumcache *c, size_t i, size_t *len)
{
	const unsigned char	*e = c->index + i * SUM_INDEX;
	size_t			 off = pl_cache_get32(e + GIT_OID_RAWSZ);

	*len = pl_cache_get32(e + GIT_OID_RAWSZ + 4);
	if (off > c->datalen || *len > c->datalen - off)
		return NULL;
	return c->data + off;
}

const char *
pl_sumcache_get(struct pl_sumcache *c, const git_oid *id, size_t *len)
{
	long	i = sum_find(c, id->id);

	*len = 0;
	return i < 0 ? NULL : sum_at(c, (size_t)i, len);
}

const char *
pl_sumcache_take(struct pl_sumcache *c, const git_oid *id, size_t *len)
{
	const char	*sum;
	long		 i = sum_find(c, id->id);

	*len = 0;
	if (i < 0 || (sum = sum_at(c, (size_t)i, len)) == NULL)
		return NULL;
	c->nused += !c->used[i];
	c->used[i] = 1;
	return sum;
}

void
pl_sumcache_put(struct pl_sumcache *c, const git_oid *id, const char *sum,
    size_t len)
{
	const char	*had = NULL;
	size_t		 hadlen = 0;
	long		 i = sum_find(c, id->id);

	if (i >= 0)
		had = sum_at(c, (size_t)i, &hadlen);
	if (had != NULL && (sum == NULL || (len == hadlen &&
	    memcmp(sum, had, len) == 0))) {
		c->nused += !c->used[i];
		c->used[i] = 1;
		return;
	}
	if (sum == NULL)
		return;		/* nothing to keep: made again next time */
	if (c->nadded == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->added = pl_xrealloc(c->added, c->cap * sizeof *c->added);
	}
	c->added[c->nadded++] = (struct sumrec){ id->id, sum, len, 0 };
}

/* The listing's records (n of them, len bytes at p) into out: 0 if bad. */
static int
folder_records(struct pl_folder *out, const unsigned char *p, size_t len,
    size_t n)
{
	const unsigned char	*end = p + len;
	size_t			 i, nlen, used = 0;

	if (n > len / (GIT_OID_RAWSZ + 8))
		return 0;
	out->v = pl_xcalloc(n + 1, sizeof *out->v);
	out->names = pl_xmalloc(len + 1);
	for (i = 0; i < n; i++) {
		if ((size_t)(end - p) < GIT_OID_RAWSZ + 8)
			return 0;
		nlen = pl_cache_get32(p + GIT_OID_RAWSZ + 4);
		if ((size_t)(end - p) - GIT_OID_RAWSZ - 8 < nlen ||
		    memchr(p + GIT_OID_RAWSZ + 8, '\0', nlen) != NULL)
			return 0;
		git_oid_fromraw(&out->v[i].id, p);
		out->v[i].mode = (git_filemode_t)pl_cache_get32(p +
		    GIT_OID_RAWSZ);
		memcpy(out->names + used, p + GIT_OID_RAWSZ + 8, nlen);
		out->names[used + nlen] = '\0';
		out->v[i].name = out->names + used;
		used += nlen + 1;
		p += GIT_OID_RAWSZ + 8 + nlen;
		out->n++;
	}
	return p == end;
}

/*
 * The number of records of the listing kept when it is tree's with
 * suffix, their bytes in *len from *p; else -1.
 */
static long
folder_at(const unsigned char **p, size_t *len, const struct pl_sumcache *c,
    const git_oid *tree, const char *suffix)
{
	const unsigned char	*f = c->folder;
	size_t			 slen;

	if (f == NULL || memcmp(f, tree->id, GIT_OID_RAWSZ) != 0)
		return -1;
	slen = pl_cache_get32(f + GIT_OID_RAWSZ);
	f += GIT_OID_RAWSZ + 4;
	if (slen != strlen(suffix) || memcmp(f, suffix, slen) != 0)
		return -1;
	f += slen;
	*len = pl_cache_get32(f + 4);
	*p = f + 8;
	return (long)pl_cache_get32(f);
}

int
pl_sumcache_folder(struct pl_folder *out, const struct pl_sumcache *c,
    const git_oid *tree, const char *suffix)
{
	const unsigned char	*p;
	size_t			 len;
	long			 n;

	memset(out, 0, sizeof *out);
	if ((n = folder_at(&p, &len, c, tree, suffix)) < 0)
		return 0;
	if (folder_records(out, p, len, (size_t)n))
		return 1;
	pl_folder_release(out);
	return 0;
}

int
pl_sumcache_folder_find(git_oid *id, git_filemode_t *mode,
    const struct pl_sumcache *c, const git_oid *tree, const char *suffix,
    const char *name)
{
	const unsigned char	*p, *end;
	size_t			 len, nlen, want = strlen(name);
	long			 n, i;

	if ((n = folder_at(&p, &len, c, tree, suffix)) < 0)
		return 0;
	for (end = p + len, i = 0; i < n; i++, p += GIT_OID_RAWSZ + 8 + nlen) {
		if ((size_t)(end - p) < GIT_OID_RAWSZ + 8 ||
		    (nlen = pl_cache_get32(p + GIT_OID_RAWSZ + 4)) >
		    (size_t)(end - p) - GIT_OID_RAWSZ - 8)
			return 0;
		if (nlen == want && memcmp(p + GIT_OID_RAWSZ + 8, name,
		    nlen) == 0) {
			git_oid_fromraw(id, p);
			*mode = (git_filemode_t)pl_cache_get32(p +
			    GIT_OID_RAWSZ);
			return 1;
		}
	}
	return 0;
}

void
pl_sumcache_put_folder(struct pl_sumcache *c, const git_oid *tree,
    const char *suffix, const struct pl_folder *f)
{
	struct pl_buf	 rec = PL_BUF_INIT;
	size_t		 i, n;

	pl_buf_clear(&c->newfolder);
	pl_buf_put(&c->newfolder, (const char *)tree->id, GIT_OID_RAWSZ);
	pl_cache_put32(&c->newfolder, (uint32_t)strlen(suffix));
	pl_buf_puts(&c->newfolder, suffix);
	for (i = 0; i < f->n; i++) {
		n = strlen(f->v[i].name);
		pl_buf_put(&rec, (const char *)f->v[i].id.id, GIT_OID_RAWSZ);
		pl_cache_put32(&rec, (uint32_t)f->v[i].mode);
		pl_cache_put32(&rec, (uint32_t)n);
		pl_buf_put(&rec, f->v[i].name, n);
	}
	pl_cache_put32(&c->newfolder, (uint32_t)f->n);
	pl_cache_put32(&c->newfolder, (uint32_t)rec.len);
	pl_buf_put(&c->newfolder, rec.ptr, rec.len);
	pl_buf_release(&rec);
}

int
pl_sumcache_whole(const struct pl_sumcache *c)
{
	return c->nused == c->n;
}

void
pl_sumcache_readonly(struct pl_sumcache *c)
{
	if (c != NULL)
		c->readonly = 1;
}

/* By id, and a summary put before the file's of the same id. */
static int
sumrec_cmp(const void *a, const void *b)
{
	const struct sumrec	*x = a, *y = b;
	int			 c = memcmp(x->id, y->id, GIT_OID_RAWSZ);

	return c != 0 ? c : x->file - y->file;
}

/* The listing put, else the file's, else none (a zero tree id). */
static void
folder_save(struct pl_buf *out, const struct pl_sumcache *c)
{
	static const char	none[GIT_OID_RAWSZ + 12];

	if (c->newfolder.len > 0)
		pl_buf_put(out, c->newfolder.ptr, c->newfolder.len);
	else if (c->folder != NULL)
		pl_buf_put(out, (const char *)c->folder, c->folderlen);
	else
		pl_buf_put(out, none, sizeof none);
}

/*
 * The records used and put, sorted and each once, for the text cache of
 * seal.
 */
static void
sum_save(struct pl_sumcache *c, uint64_t seal)
{
	struct pl_buf	 out = PL_BUF_INIT, data = PL_BUF_INIT;
	struct sumrec	*all;
	size_t		 i, n = 0, k = 0, slen = strlen(c->stamp);

	all = pl_xcalloc(c->nused + c->nadded + 1, sizeof *all);
	for (i = 0; i < c->nadded; i++)
		all[n++] = c->added[i];
	for (i = 0; i < c->n; i++)
		if (c->used[i]) {
			all[n].id = c->index + i * SUM_INDEX;
			all[n].sum = sum_at(c, i, &all[n].len);
			all[n++].file = 1;
		}
	qsort(all, n, sizeof *all, sumrec_cmp);
	for (i = 0; i < n; i++)
		if (k == 0 || memcmp(all[i].id, all[k - 1].id,
		    GIT_OID_RAWSZ) != 0)
			all[k++] = all[i];
	pl_buf_puts(&out, SUM_HEADER);
	pl_cache_put32(&out, (uint32_t)slen);
	pl_buf_put(&out, c->stamp, slen);
	pl_cache_put32(&out, (uint32_t)seal);
	pl_cache_put32(&out, (uint32_t)(seal >> 32));
	folder_save(&out, c);
	pl_cache_put32(&out, (uint32_t)k);
	for (i = 0; i < k; i++) {
		pl_buf_put(&out, (const char *)all[i].id, GIT_OID_RAWSZ);
		pl_cache_put32(&out, (uint32_t)data.len);
		pl_cache_put32(&out, (uint32_t)all[i].len);
		pl_buf_put(&data, all[i].sum, all[i].len);
	}
	if (out.len + data.len <= SUM_MAX) {
		pl_buf_put(&out, data.ptr, data.len);
		pl_cache_put32(&out, sum_checksum(out.ptr, out.len));
		pl_cache_save(c->path, out.ptr, out.len);
	}
	free(all);
	pl_buf_release(&data);
	pl_buf_release(&out);
}

void
pl_sumcache_close(struct pl_sumcache *c, uint64_t seal)
{
	if (c == NULL)
		return;
	if (!c->readonly && (c->nadded > 0 || c->nused != c->n ||
	    seal != c->seal || (c->map == NULL && seal != 0) ||
	    c->newfolder.len > 0))
		sum_save(c, seal);
	pl_buf_release(&c->newfolder);
	free(c->path);
	pl_cache_unmap(c->map, c->maplen);
	free(c->used);
	free(c->added);
	free(c);
}
