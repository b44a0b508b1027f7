/*
 * The cache of the commits the history walk read, <gitdir>/pl/commit-cache
 * (lib/store/commitcache.c): the input is the file, each record's
 * checksum made right where its index entry points inside the file, so
 * the records are decoded.  Oracles: a record got has whole trailers, and
 * put again it is read back the same after the cache is written; a
 * record put is read back.
 */
#include <zlib.h>

#include "gitobj.h"
#include "store/commitcache.h"

#define HEAD	"pl commit cache 2\n"
#define INDEX	(GIT_OID_RAWSZ + 8)

static uint32_t
get32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

/*
 * Makes right the checksum of each record of file (n bytes) that its
 * index entry puts inside it; the number of index entries, at most
 * max, their ids in ids.
 */
static size_t
seal(uint8_t *file, size_t n, git_oid *ids, size_t max)
{
	size_t		 hlen = strlen(HEAD), count, i, off, len, data;
	const uint8_t	*e;
	uLong		 crc;

	if (n < hlen + 4 || memcmp(file, HEAD, hlen) != 0)
		return 0;
	count = get32(file + hlen);
	if (count > (n - hlen - 4) / INDEX)
		return 0;
	data = hlen + 4 + count * INDEX;
	for (i = 0; i < count && i < max; i++) {
		e = file + hlen + 4 + i * INDEX;
		memcpy(ids[i].id, e, GIT_OID_RAWSZ);
		off = get32(e + GIT_OID_RAWSZ);
		len = get32(e + GIT_OID_RAWSZ + 4);
		if (len < 4 || off > n - data || len > n - data - off)
			continue;
		crc = crc32(crc32(0L, e, GIT_OID_RAWSZ),
		    file + data + off + 4, (uInt)(len - 4));
		file[data + off] = crc & 0xff;
		file[data + off + 1] = crc >> 8 & 0xff;
		file[data + off + 2] = crc >> 16 & 0xff;
		file[data + off + 3] = crc >> 24 & 0xff;
	}
	return i;
}

/* Record id of c as one string, "" for none; the caller frees. */
static char *
show(struct pl_commitcache *c, const git_oid *id)
{
	struct pl_commitrec	 r;
	struct pl_buf		 b = PL_BUF_INIT;
	const char		*k, *v;
	size_t			 at = 0;

	if (!pl_commitcache_get(c, id, &r))
		return pl_xstrdup("");
	pl_buf_printf(&b, "%s %zu ", git_oid_tostr_s(&r.tree), r.nparents);
	pl_buf_put(&b, (const char *)r.parents, r.nparents * GIT_OID_RAWSZ);
	pl_buf_printf(&b, " %lld %d %lld %d %s|%s|%s|%s",
	    (long long)r.author_time, r.author_offset,
	    (long long)r.commit_time, r.commit_offset, r.author, r.email,
	    r.summary, r.sentence);
	while (pl_commitrec_trailer(&r, &at, &k, &v)) {
		FUZZ_CHECK(at <= r.trailers_len, "a trailer past the record");
		pl_buf_printf(&b, "|%s=%s", k, v);
	}
	FUZZ_CHECK(at == r.trailers_len, "trailers of %zu bytes read as %zu",
	    r.trailers_len, at);
	pl_buf_putc(&b, '\0');
	return pl_buf_detach(&b);
}

/* Puts a copy of record id of c into c. */
static void
again(struct pl_commitcache *c, const git_oid *id)
{
	struct pl_commitrec	r;

	if (pl_commitcache_get(c, id, &r))
		pl_commitcache_put(c, id, &r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	static char		*path;
	struct pl_commitcache	*c;
	uint8_t			*file = pl_xmalloc(n + 1);
	git_oid			 ids[64], mine;
	char			*before[64], *after;
	struct pl_commitrec	 r = { .author = "Fuzz", .email = "f@x",
				    .summary = "s", .sentence = "",
				    .trailers = "Pl-Kind\0goal\0",
				    .trailers_len = 13 };
	size_t			 i, k;
	int			 had;

	if (path == NULL)
		path = pl_xasprintf("%spl/commit-cache",
		    git_repository_path(fuzz_repo()));
	memcpy(file, d, n);
	k = seal(file, n, ids, sizeof ids / sizeof ids[0]);
	fuzz_write(path, file, n);
	memset(mine.id, 0xcd, sizeof mine.id);
	c = pl_commitcache_open(fuzz_repo());
	for (i = 0; i < k; i++) {
		before[i] = show(c, &ids[i]);
		again(c, &ids[i]);
	}
	/* a commit the file has keeps its record: commits never change */
	had = pl_commitcache_get(c, &mine, &(struct pl_commitrec){ 0 });
	pl_commitcache_put(c, &mine, &r);
	pl_commitcache_close(c);
	c = pl_commitcache_open(fuzz_repo());
	for (i = 0; i < k; i++) {
		after = show(c, &ids[i]);
		FUZZ_CHECK(*before[i] == '\0' || strcmp(after, before[i]) == 0,
		    "record %zu got, put again and read back as another", i);
		free(after);
		free(before[i]);
	}
	after = show(c, &mine);
	FUZZ_CHECK(had || strcmp(after, "") != 0, "the record put is not read "
	    "back");
	free(after);
	pl_commitcache_close(c);
	free(file);
	return 0;
}
