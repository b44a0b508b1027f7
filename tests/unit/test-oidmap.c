/*
 * The map from object ids to numbers (lib/store/oidmap.h) behind the
 * walk's commits ever queued and the chain of trust's nodes: each id
 * once, its first number kept, found after every growth, even when ids
 * share the bytes that place them.
 */
#include <stdio.h>
#include <string.h>

#include <git2.h>

#include "store/oidmap.h"
#include "tap.h"

#define N	5000

/* The i-th id; with same, its first bytes (its place) are all alike. */
static git_oid
oid(size_t i, int same)
{
	git_oid	id;

	memset(&id, 0, sizeof id);
	if (!same)
		memcpy(id.id, &i, sizeof i);
	memcpy(id.id + 12, &i, sizeof i);
	id.id[19] = 0x5a;
	return id;
}

/* Puts N ids (i with number 3 * i), then puts each again and finds it. */
static void
fill(int same)
{
	struct pl_oidmap	m = PL_OIDMAP_INIT;
	git_oid			id;
	size_t			i, v, added = 0, kept = 0, found = 0;
	const size_t		n = same ? 300 : N;

	for (i = 0; i < n; i++) {
		id = oid(i, same);
		added += pl_oidmap_put(&m, &id, 3 * i);
	}
	for (i = 0; i < n; i++) {
		id = oid(i, same);
		kept += !pl_oidmap_put(&m, &id, 7);
		found += pl_oidmap_get(&v, &m, &id) && v == 3 * i;
	}
	is_int(added, n, "%s: %zu ids put, each once",
	    same ? "one place" : "many places", n);
	is_int(kept, n, "putting one again says it was there");
	is_int(found, n, "each is found with its first number");
	is_int(m.n, n, "and counted once");
	id = oid(n, same);
	ok(!pl_oidmap_get(&v, &m, &id) && v == 0, "one never put is not");
	pl_oidmap_release(&m);
	ok(!pl_oidmap_get(&v, &m, &id), "a released map holds nothing");
	ok(pl_oidmap_put(&m, &id, 0) && pl_oidmap_get(&v, &m, &id) && v == 0,
	    "and takes ids again (0 is a number like any)");
	pl_oidmap_release(&m);
}

int
main(void)
{
	struct pl_oidmap	m = PL_OIDMAP_INIT;
	git_oid			zero, id = oid(1, 0);
	size_t			v = 9;

	memset(&zero, 0, sizeof zero);
	ok(!pl_oidmap_get(&v, &m, &id) && v == 0, "an empty map has nothing");
	ok(pl_oidmap_put(&m, &zero, 4) && pl_oidmap_get(&v, &m, &zero) &&
	    v == 4, "the zero id is a key like any");
	ok(!pl_oidmap_get(&v, &m, &id), "and no other id matches it");
	pl_oidmap_release(&m);
	fill(0);
	fill(1);
	return done_testing();
}
