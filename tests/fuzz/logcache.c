/*
 * The cache of what hand-made commits changed, <gitdir>/pl/log-cache
 * (lib/store/logcache.c).  Oracles: every commit id the cache gives changes
 * for gives "A", "M" or "D" lines; a record put is read back after the
 * cache is written.
 */
#include "gitobj.h"
#include "store/logcache.h"

/* Asks the cache for each id at the start of a line of d. */
static void
lookups(struct pl_logcache *c, const char *s)
{
	struct pl_strlist	 l = PL_STRLIST_INIT;
	git_oid			 id;
	size_t			 i;

	for (; *s != '\0'; s += strcspn(s, "\n"), s += *s == '\n') {
		if (git_oid_fromstrn(&id, s, GIT_OID_HEXSZ) < 0 ||
		    !pl_logcache_get(c, &id, &l))
			continue;
		for (i = 0; i < l.n; i++)
			FUZZ_CHECK(strchr("AMD", l.v[i][0]) != NULL &&
			    l.v[i][0] != '\0', "a change '%s'", l.v[i]);
		pl_strlist_release(&l);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	static char		*path;
	struct pl_logcache	*c;
	struct pl_strlist	 files = PL_STRLIST_INIT, got = PL_STRLIST_INIT;
	char			*s = fuzz_cstr(d, n);
	git_oid			 id;

	if (path == NULL)
		path = pl_xasprintf("%spl/log-cache",
		    git_repository_path(fuzz_repo()));
	fuzz_write(path, d, n);
	c = pl_logcache_open(fuzz_repo());
	lookups(c, s);
	memset(id.id, 0xcd, sizeof id.id);
	/* a commit the file has keeps its changes: commits never change */
	if (pl_logcache_get(c, &id, &got)) {
		pl_logcache_close(c);
		goto done;
	}
	pl_strlist_push(&files, "Agoals/fuzz.md");
	pl_logcache_put(c, &id, &files);
	pl_logcache_close(c);
	c = pl_logcache_open(fuzz_repo());
	FUZZ_CHECK(pl_logcache_get(c, &id, &got) && got.n == 1 &&
	    strcmp(got.v[0], "Agoals/fuzz.md") == 0, "the record put is not "
	    "read back");
	pl_logcache_close(c);
done:
	pl_strlist_release(&files);
	pl_strlist_release(&got);
	free(s);
	return 0;
}
