/*
 * A portfolio's settings file, .plconfig (lib/store/portfolio.c and the
 * settings read from it: the mastery scale, the lock's timeout, the
 * stalled days), committed in place of pl init's and opened as any
 * command opens a portfolio.
 */
#include "gitobj.h"
#include "store/portfolio.h"
#include "pl/progress/mastery.h"

int
LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	static git_oid		 head, tree;
	struct pl_portfolio	*pf = NULL;
	git_treebuilder		*tb = NULL;
	git_tree		*t = NULL;
	git_oid			 blob, nt, id;
	struct pl_buf		 raw = PL_BUF_INIT;
	struct pl_scale		 scale;
	char			 hex[GIT_OID_HEXSZ + 1], *v = NULL;
	unsigned		 ms;

	if (git_oid_is_zero(&head))
		fuzz_head(&head, &tree);
	fuzz_object(&blob, (const char *)d, n, GIT_OBJECT_BLOB);
	if (git_tree_lookup(&t, fuzz_repo(), &tree) < 0 ||
	    git_treebuilder_new(&tb, fuzz_repo(), t) < 0 ||
	    git_treebuilder_insert(NULL, tb, ".plconfig", &blob,
	    GIT_FILEMODE_BLOB) < 0 || git_treebuilder_write(&nt, tb) < 0)
		abort();
	if (!git_oid_equal(&nt, &tree) && fuzz_nmade < 8)
		fuzz_made[fuzz_nmade++] = nt;
	git_oid_tostr(hex, sizeof hex, &nt);
	pl_buf_printf(&raw, "tree %s\n", hex);
	git_oid_tostr(hex, sizeof hex, &head);
	pl_buf_printf(&raw, "parent %s\nauthor Fuzz <fuzz@pl.example> "
	    "1700000000 +0000\ncommitter Fuzz <fuzz@pl.example> 1700000000 "
	    "+0000\n\nsettings\n", hex);
	fuzz_object(&id, raw.ptr, raw.len, GIT_OBJECT_COMMIT);
	git_oid_tostr(hex, sizeof hex, &id);
	if (pl_portfolio_open(&pf, fuzz_portfolio(), hex) == PL_OK) {
		/* released whatever it returns, as its callers do */
		(void)pl_scale_load(&scale, pf);
		pl_scale_release(&scale);
		(void)pl_portfolio_lock_timeout(&ms, pf);
		if (pl_portfolio_setting(&v, pf, "report.stalledDays") ==
		    PL_OK)
			free(v);
	}
	pl_portfolio_free(pf);
	git_treebuilder_free(tb);
	git_tree_free(t);
	fuzz_objects_clear();
	pl_buf_release(&raw);
	return 0;
}
