/*
 * A file's summary (lib/entries/summary.c, pl_node_pack() and
 * pl_node_unpack() in base/node.c), as the summary caches
 * <gitdir>/pl/<dir>-summary keep it.  The input is read twice: as a
 * portfolio file, whose summary must stand for it exactly (the same
 * bytes written back, the same steps, first words and links), and as a
 * summary of itself, which is either refused or read into a front
 * matter that packs to bytes read back the same.
 */
#include "fuzz.h"
#include "pl/base/doc.h"
#include "pl/base/node.h"
#include "entries/summary.h"

static const char *const links[] = { "goals", "evidence" };

static int
same(const struct pl_buf *a, const struct pl_buf *b)
{
	return a->len == b->len && (a->len == 0 || memcmp(a->ptr, b->ptr,
	    a->len) == 0);
}

/* Each id of doc's link lists is named by sum, and "no such id" is not. */
static void
names(const struct pl_doc *doc, const char *sum, size_t len)
{
	struct pl_strlist	l = PL_STRLIST_INIT;
	size_t			i, k;

	for (k = 0; k < sizeof links / sizeof links[0]; k++) {
		if (pl_doc_get_list(doc, "", links[k], &l) != PL_OK) {
			pl_error_clear();
			FUZZ_CHECK(pl_summary_names(sum, len, links[k], "") ==
			    0, "a %s list that is not one names ''", links[k]);
			continue;
		}
		for (i = 0; i < l.n; i++)
			FUZZ_CHECK(pl_summary_names(sum, len, links[k],
			    l.v[i]) == 1, "%s '%s' is not named", links[k],
			    l.v[i]);
		FUZZ_CHECK(pl_summary_names(sum, len, links[k], "no such id")
		    == (pl_strlist_find(&l, "no such id") >= 0),
		    "%s names an id it does not have", links[k]);
		pl_strlist_release(&l);
	}
}

/* The summary of the file text stands for it. */
static void
as_file(const char *text, size_t n)
{
	struct pl_doc	*doc = NULL, *back = NULL;
	struct pl_buf	 sum = PL_BUF_INIT, a = PL_BUF_INIT, b = PL_BUF_INIT;

	if (pl_doc_parse(&doc, "f.md", text, n) != PL_OK) {
		pl_error_clear();
		return;
	}
	pl_summary_derive(doc, "Steps", 1);
	pl_summary_make(&sum, doc);
	FUZZ_CHECK(pl_summary_doc(&back, sum.ptr, sum.len, text, n) == 0,
	    "a summary pl made is refused");
	pl_doc_serialize(doc, &a);
	pl_doc_serialize(back, &b);
	FUZZ_CHECK(same(&a, &b), "the file written from its summary differs");
	FUZZ_CHECK(back->memo.tasks && back->memo.tasks_done ==
	    doc->memo.tasks_done && back->memo.tasks_total ==
	    doc->memo.tasks_total, "the steps differ");
	FUZZ_CHECK(back->memo.words && (back->memo.first_words == NULL) ==
	    (doc->memo.first_words == NULL) && (doc->memo.first_words == NULL ||
	    strcmp(back->memo.first_words, doc->memo.first_words) == 0),
	    "the first words differ");
	names(doc, sum.ptr, sum.len);
	pl_doc_free(doc);
	pl_doc_free(back);
	pl_buf_release(&sum);
	pl_buf_release(&a);
	pl_buf_release(&b);
}

/* Bytes read as a summary: refused, or read whole and packed back. */
static void
as_summary(const char *d, size_t n)
{
	struct pl_doc	*doc = NULL;
	struct pl_node	*node = NULL;
	struct pl_buf	 a = PL_BUF_INIT, b = PL_BUF_INIT;
	const char	*p = d;

	(void)pl_summary_names(d, n, "goals", "g");
	(void)pl_summary_names(d, n, "evidence", "e");
	if (pl_summary_doc(&doc, d, n, d, n) == 0) {
		pl_doc_serialize(doc, &a);
		pl_summary_make(&b, doc);
		pl_doc_free(doc);
		pl_buf_clear(&a);
		pl_buf_clear(&b);
	}
	if (pl_node_unpack(&node, &p, d + n) == 0) {
		/* a number may be written longer than pl writes it */
		pl_node_pack(&a, node);
		pl_node_free(node);
		p = a.ptr;
		FUZZ_CHECK(pl_node_unpack(&node, &p, a.ptr + a.len) == 0 &&
		    p == a.ptr + a.len, "a packed tree is refused");
		pl_node_pack(&b, node);
		FUZZ_CHECK(same(&a, &b), "a tree packs to other bytes once "
		    "read back");
		pl_node_free(node);
	}
	pl_buf_release(&a);
	pl_buf_release(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	char	*s = fuzz_cstr(d, n);

	as_file(s, strlen(s));
	as_summary((const char *)d, n);
	free(s);
	return 0;
}
