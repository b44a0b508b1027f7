/*
 * The family report's version cache, <gitdir>/pl/version-cache
 * (lib/store/verscache.c on lib/store/recfile.c), and the bytes of its
 * records as the visibility reads them (lib/entries/visibility.c).  The
 * input is the file after its header; each record's key and checksum
 * that lie inside it are made right, so the records are read.  Oracles:
 * a record given is the one of the tree and path asked for; its bytes,
 * read as a version, leave the visibility sound; a record put is read
 * back after the cache is written.
 */
#include <zlib.h>

#include "gitobj.h"
#include "pl/entries/visibility.h"
#include "store/verscache.h"

#define STAMP	"fuzz"
#define HEAD	"pl version cache 1; " STAMP "\n"
#define INDEX	(GIT_OID_RAWSZ + 8)

static uint32_t
get32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static void
put32(uint8_t *p, uint32_t v)
{
	p[0] = v & 0xff;
	p[1] = v >> 8 & 0xff;
	p[2] = v >> 16 & 0xff;
	p[3] = v >> 24 & 0xff;
}

/*
 * Record k of file f (n bytes, after the header) when it lies inside:
 * its bytes after the checksum, *tree and *path from them.
 */
static const uint8_t *
record(const uint8_t *f, size_t n, size_t k, size_t count, size_t *len,
    git_oid *tree, const char **path)
{
	const uint8_t	*e = f + 4 + k * INDEX, *data = f + 4 + count * INDEX;
	size_t		 off = get32(e + GIT_OID_RAWSZ);

	*len = get32(e + GIT_OID_RAWSZ + 4);
	if (off > n - (size_t)(data - f) || *len > n - (size_t)(data - f) - off ||
	    *len < 4 + GIT_OID_RAWSZ + 1 ||
	    memchr(data + off + 4 + GIT_OID_RAWSZ, '\0',
	    *len - 4 - GIT_OID_RAWSZ) == NULL)
		return NULL;
	memcpy(tree->id, data + off + 4, GIT_OID_RAWSZ);
	*path = (const char *)data + off + 4 + GIT_OID_RAWSZ;
	return data + off;
}

/* Makes each record's key and checksum right, where they lie inside. */
static void
repair(uint8_t *f, size_t n)
{
	size_t		 k, count, len;
	const char	*path;
	uint8_t		*r;
	git_oid		 tree, key;
	uLong		 crc;

	if (n < 4)
		return;
	count = get32(f);
	for (k = 0; count <= (n - 4) / INDEX && k < count; k++) {
		if ((r = (uint8_t *)record(f, n, k, count, &len, &tree,
		    &path)) == NULL)
			continue;
		if (git_odb_hash(&key, r + 4, GIT_OID_RAWSZ + strlen(path) +
		    1, GIT_OBJECT_BLOB) < 0)
			continue;
		memcpy(f + 4 + k * INDEX, key.id, GIT_OID_RAWSZ);
		crc = crc32(crc32(0L, key.id, GIT_OID_RAWSZ), r + 4,
		    (uInt)(len - 4));
		put32(r, (uint32_t)crc);
	}
}

/* Asks for each record's tree and path; what comes back is its own. */
static void
lookups(struct pl_verscache *c, const uint8_t *f, size_t n)
{
	struct pl_visibility	*vis;
	const uint8_t		*r;
	const char		*path, *got;
	size_t			 k, count, len, glen, head;
	git_oid			 tree;

	if (n < 4 || (count = get32(f)) > (n - 4) / INDEX)
		return;
	for (k = 0; k < count; k++) {
		if ((r = record(f, n, k, count, &len, &tree, &path)) == NULL ||
		    (got = pl_verscache_get(c, &tree, path, &glen)) == NULL)
			continue;
		head = 4 + GIT_OID_RAWSZ + strlen(path) + 1;
		/* two records of one key: the one found is either */
		if (glen != len - head || memcmp(got, r + head, glen) != 0)
			continue;
		vis = pl_visibility_new();
		(void)pl_visibility_version_packed(vis,
		    pl_visibility_lineage(vis, "evidence", "fuzz"), got, glen);
		pl_visibility_settle(vis);
		/* only the lineage a version was read of can be private */
		FUZZ_CHECK(pl_visibility_count(vis) ==
		    (size_t)pl_visibility_hidden(vis, 0), "a lineage left out "
		    "that no version said was private");
		pl_visibility_free(vis);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	static char		*path;
	static const char	 packed[] = "\002\000\001\006maths\000";
	struct pl_verscache	*c;
	uint8_t			*f = pl_xcalloc(strlen(HEAD) + n + 1, 1);
	const char		*got;
	git_oid			 tree;
	size_t			 len;

	if (path == NULL)
		path = pl_xasprintf("%spl/version-cache",
		    git_repository_path(fuzz_repo()));
	memcpy(f, HEAD, strlen(HEAD));
	memcpy(f + strlen(HEAD), d, n);
	repair(f + strlen(HEAD), n);
	fuzz_write(path, f, strlen(HEAD) + n);
	c = pl_verscache_open(fuzz_repo(), STAMP);
	lookups(c, f + strlen(HEAD), n);
	memset(tree.id, 0xcd, sizeof tree.id);
	pl_verscache_put(c, &tree, "goals/fuzz.md", packed, sizeof packed - 1);
	pl_verscache_close(c);
	c = pl_verscache_open(fuzz_repo(), STAMP);
	got = pl_verscache_get(c, &tree, "goals/fuzz.md", &len);
	FUZZ_CHECK(got != NULL && len == sizeof packed - 1 &&
	    memcmp(got, packed, len) == 0, "the record put is not read back");
	pl_verscache_close(c);
	free(f);
	return 0;
}
