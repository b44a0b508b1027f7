/*
 * A commit as pl log, pl report and pl verify read one a remote sent
 * (lib/progress/history.c): the input is its author line, then its message, its
 * trailers (Pl-Kind, Pl-Id...) among them.  The commit is written on top
 * of a portfolio's first and the history walked from it.
 */
#include "gitobj.h"
#include "pl/progress/history.h"

int
LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	static git_oid			 head, tree;
	struct pl_history		*h = NULL;
	const struct pl_change		*c;
	struct pl_buf			 raw = PL_BUF_INIT, text = PL_BUF_INIT;
	char				 hex[GIT_OID_HEXSZ + 1], *cache;
	const uint8_t			*nl = memchr(d, '\n', n);
	git_oid				 id;
	int				 i;

	if (memchr(d, '\0', n) != NULL || nl == NULL)
		return 0;	/* git_commit_message() ends at a NUL */
	if (fuzz_pf == NULL) {
		fuzz_head(&head, &tree);
		if (pl_portfolio_open(&fuzz_pf, fuzz_portfolio(), NULL) !=
		    PL_OK)
			abort();
	}
	git_oid_tostr(hex, sizeof hex, &tree);
	pl_buf_printf(&raw, "tree %s\n", hex);
	git_oid_tostr(hex, sizeof hex, &head);
	pl_buf_printf(&raw, "parent %s\nauthor %.*s\ncommitter Fuzz "
	    "<fuzz@pl.example> 1700000000 +0000\n\n", hex, (int)(nl - d), d);
	pl_buf_put(&raw, (const char *)nl + 1, n - (nl + 1 - d));
	fuzz_object(&id, raw.ptr, raw.len, GIT_OBJECT_COMMIT);
	git_oid_tostr(hex, sizeof hex, &id);
	if (pl_history_new(&h, fuzz_pf, hex) == PL_OK)
		for (i = 0; i < 8 && pl_history_next(&c, h) == PL_OK &&
		    c != NULL; i++)
			if (c->path != NULL)
				(void)pl_history_read(&text, h, c->path, 1);
	pl_history_free(h);
	/* what the walk learned of hand-made commits: not for the next */
	cache = pl_xasprintf("%s/pl/log-cache",
	    git_repository_path(fuzz_repo()));
	unlink(cache);
	free(cache);
	fuzz_objects_clear();
	pl_buf_release(&raw);
	pl_buf_release(&text);
	return 0;
}
