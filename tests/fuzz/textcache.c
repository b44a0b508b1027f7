/*
 * The text cache of a folder, <gitdir>/pl/goals-cache (lib/store/cache.c):
 * the input is the file without its last four bytes, the checksum,
 * which is added so the records are read.  Oracles: a text found is the
 * bytes its record holds; a text put is found after the cache is
 * written and read again.
 */
#include <zlib.h>

#include "gitobj.h"
#include "store/cache.h"

#define HEAD	"pl text cache 1\n"

static const unsigned char mine[GIT_OID_RAWSZ] = { 0xab, 0xab, 0xab, 0xab,
    0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab, 0xab,
    0xab, 0xab, 0xab, 0xab };

/*
 * Each text the cache gives is what its record in d..end holds.  The
 * ids put are in ids, which the cache borrows until it is closed.
 */
static void
records(struct pl_textcache *c, git_oid *ids, const uint8_t *d,
    const uint8_t *end)
{
	const char	*text;
	git_oid		*id;
	uint32_t	 len;
	size_t		 got;
	const uint8_t	*start = d + strlen(HEAD);

	for (d = start; end - d >= GIT_OID_RAWSZ + 4;
	    d += GIT_OID_RAWSZ + 4 + len) {
		id = &ids[(d - start) / (GIT_OID_RAWSZ + 4)];
		memcpy(id->id, d, GIT_OID_RAWSZ);
		len = (uint32_t)d[20] | (uint32_t)d[21] << 8 |
		    (uint32_t)d[22] << 16 | (uint32_t)d[23] << 24;
		if ((size_t)(end - d) - GIT_OID_RAWSZ - 4 < len)
			break;
		if ((text = pl_textcache_get(c, id, &got)) != NULL)
			FUZZ_CHECK(got == len && memcmp(text, d + 24, len) == 0,
			    "a record of %u bytes read as %zu", len, got);
		/* the id of the text put below is left to it */
		if (memcmp(id->id, mine, GIT_OID_RAWSZ) != 0)
			pl_textcache_put(c, id, (const char *)d + 24, len);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	static char		*path;
	struct pl_textcache	*c;
	uint8_t			*file = pl_xmalloc(n + 4);
	git_oid			*ids = pl_xcalloc(n / 24 + 1, sizeof *ids);
	uLong			 crc = crc32(crc32(0L, Z_NULL, 0), d, n);
	git_oid			 id;
	const char		*text;
	size_t			 len;
	int			 had, head = n >= strlen(HEAD) &&
				    memcmp(d, HEAD, strlen(HEAD)) == 0;

	if (path == NULL)
		path = pl_xasprintf("%spl/goals-cache",
		    git_repository_path(fuzz_repo()));
	memcpy(file, d, n);
	file[n] = crc & 0xff;
	file[n + 1] = crc >> 8 & 0xff;
	file[n + 2] = crc >> 16 & 0xff;
	file[n + 3] = crc >> 24 & 0xff;
	fuzz_write(path, head ? file : d, head ? n + 4 : n);
	c = pl_textcache_open(fuzz_repo(), "goals");
	if (head)
		records(c, ids, d, d + n);
	memcpy(id.id, mine, sizeof id.id);
	/* an id the file has keeps its text: ids name their texts */
	had = pl_textcache_get(c, &id, &len) != NULL;
	pl_textcache_put(c, &id, "fuzz", 4);
	pl_textcache_close(c);
	c = pl_textcache_open(fuzz_repo(), "goals");
	text = pl_textcache_get(c, &id, &len);
	FUZZ_CHECK(had || (text != NULL && len == 4 &&
	    memcmp(text, "fuzz", 4) == 0), "the text put is not read back");
	pl_textcache_readonly(c);
	pl_textcache_close(c);
	free(ids);
	free(file);
	return 0;
}
