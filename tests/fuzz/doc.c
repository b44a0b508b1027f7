/*
 * A portfolio file, front matter and body (lib/base/doc.c): what a learner, a
 * teacher or a remote wrote.  Oracle: what pl writes back parses, and
 * writing that again gives the same bytes.
 */
#include "fuzz.h"
#include "pl/base/doc.h"

static void
lists(const struct pl_doc *doc)
{
	static const char *const keys[] = { "standards", "goals", "evidence",
	    "files", "title" };
	struct pl_strlist	 l = PL_STRLIST_INIT;
	struct pl_node *const	*maps;
	size_t			 i, n;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		(void)pl_doc_get(doc, keys[i]);
		(void)pl_doc_get_list(doc, "f.md", keys[i], &l);
		pl_strlist_release(&l);
	}
	if (pl_doc_get_maps(doc, "f.md", "ratings", &maps, &n) == PL_OK)
		for (i = 0; i < n; i++)
			(void)pl_node_get(maps[i], "level");
}

int
LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	struct pl_doc	*doc = NULL, *again = NULL;
	struct pl_buf	 a = PL_BUF_INIT, b = PL_BUF_INIT;

	if (pl_doc_parse(&doc, "f.md", (const char *)d, n) != PL_OK)
		return 0;
	lists(doc);
	pl_doc_serialize(doc, &a);
	FUZZ_CHECK(pl_doc_parse(&again, "f.md", a.ptr, a.len) == PL_OK,
	    "pl's own file does not parse: %s", pl_error_last());
	pl_doc_serialize(again, &b);
	FUZZ_CHECK(a.len == b.len && memcmp(a.ptr, b.ptr, a.len) == 0,
	    "writing a file pl wrote changes it");
	pl_doc_set(again, "status", "met", PL_SCALAR_STR);
	pl_buf_clear(&b);
	pl_doc_serialize(again, &b);
	pl_doc_free(doc);
	pl_doc_free(again);
	pl_buf_release(&a);
	pl_buf_release(&b);
	return 0;
}
