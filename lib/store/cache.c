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
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#include "store/cache.h"

#define TEXT_HEADER	"pl text cache 1\n"
#define TEXT_MAX	((size_t)512 * 1024 * 1024)

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

void
pl_cache_save(const char *path, const char *data, size_t len)
{
	const char	*slash = strrchr(path, '/');
	char		*dir, *msg;
	int		 code = pl_error_code();

	if (slash == NULL)
		return;
	/* saved at the end of a command, which may be failing */
	msg = pl_xstrdup(pl_error_last());
	dir = pl_xstrndup(path, (size_t)(slash - path));
	if (mkdir(dir, 0777) == 0 || errno == EEXIST)
		(void)!pl_write_file(path, data, len, 0666);
	pl_error_clear();
	if (code != PL_OK)
		(void)pl_error_set(code, "%s", msg);
	free(msg);
	free(dir);
}

struct record {
	const unsigned char	*id;		/* raw, GIT_OID_RAWSZ bytes */
	const char		*text;
	size_t			 len;
	int			 used;
};

struct pl_textcache {
	char		*path;
	struct pl_buf	 file;
	struct record	*v;		/* the file's, sorted by id */
	size_t		 n, used;
	struct record	*added;		/* put, not in the file */
	size_t		 nadded, cap;
	int		 readonly;	/* never written */
};

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static void
put32(struct pl_buf *b, uint32_t v)
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

/* Indexes c->file; 0 when anything in it is not right. */
static int
parse(struct pl_textcache *c)
{
	const unsigned char	*p = (const unsigned char *)c->file.ptr;
	const unsigned char	*end = p + c->file.len;
	size_t			 hlen = strlen(TEXT_HEADER), len, cap = 0;

	if (c->file.len < hlen + 4 || memcmp(p, TEXT_HEADER, hlen) != 0 ||
	    checksum(c->file.ptr, c->file.len - 4) != get32(end - 4))
		return 0;
	end -= 4;
	for (p += hlen; p < end; p += GIT_OID_RAWSZ + 4 + len) {
		if (end - p < GIT_OID_RAWSZ + 4)
			return 0;
		len = get32(p + GIT_OID_RAWSZ);
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
	if (pl_cache_read(&c->file, c->path, TEXT_MAX) != 0 || !parse(c)) {
		pl_buf_release(&c->file);
		free(c->v);
		c->v = NULL;
		c->n = 0;
	}
	return c;
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

/* The records used and added, sorted and each once, as the new file. */
static void
save(struct pl_textcache *c)
{
	struct pl_buf	 out = PL_BUF_INIT;
	struct record	*all, *r;
	size_t		 i, n = 0;

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
		put32(&out, (uint32_t)r->len);
		pl_buf_put(&out, r->text, r->len);
		if (out.len > TEXT_MAX)
			goto done;
	}
	put32(&out, checksum(out.ptr, out.len));
	pl_cache_save(c->path, out.ptr, out.len);
done:
	free(all);
	pl_buf_release(&out);
}

void
pl_textcache_readonly(struct pl_textcache *c)
{
	if (c != NULL)
		c->readonly = 1;
}

void
pl_textcache_close(struct pl_textcache *c)
{
	if (c == NULL)
		return;
	if (!c->readonly && (c->nadded > 0 || c->used != c->n))
		save(c);
	free(c->path);
	pl_buf_release(&c->file);
	free(c->v);
	free(c->added);
	free(c);
}
