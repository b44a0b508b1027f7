/*
 * The three-way merge of a portfolio file (lib/base/merge.c), as pl sync and
 * git's merge driver run it on what a remote sent: the input is base,
 * ours and theirs, cut at NUL bytes.  Oracles: merge(A, A, B) and
 * merge(A, B, A) are B; a clean merge of files that parse parses and
 * keeps every line that base has once and both sides still have.
 *
 * Only a line base has once: of a line base has twice, each side may
 * remove a different copy, and the merge rightly keeps neither (a
 * profile whose body repeats its front matter's "---", one side
 * removing the first and the other the third).
 */
#include "fuzz.h"
#include "pl/base/doc.h"
#include "pl/base/merge.h"

/* The lines of s, sorted, for counting. */
static void
lines(struct pl_strlist *out, const char *s)
{
	const char	*nl;

	for (; *s != '\0'; s = *nl != '\0' ? nl + 1 : nl) {
		nl = s + strcspn(s, "\n");
		pl_strlist_push_owned(out, pl_xstrndup(s, nl - s));
	}
	pl_strlist_sort(out);
}

/* The times line is in the sorted list l. */
static size_t
count(const struct pl_strlist *l, const char *line)
{
	size_t	lo = 0, hi = l->n, mid, n = 0;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(l->v[mid], line) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	while (lo + n < l->n && strcmp(l->v[lo + n], line) == 0)
		n++;
	return n;
}

static int
blank(const char *s)
{
	return s[strspn(s, " \t\r")] == '\0';
}

static void
kept(const char *base, const char *ours, const char *theirs,
    const char *merged)
{
	struct pl_strlist	 b = PL_STRLIST_INIT, o = PL_STRLIST_INIT;
	struct pl_strlist	 t = PL_STRLIST_INIT, m = PL_STRLIST_INIT;
	size_t			 i;

	lines(&b, base);
	lines(&o, ours);
	lines(&t, theirs);
	lines(&m, merged);
	for (i = 0; i < b.n; i++) {
		if (blank(b.v[i]) || count(&b, b.v[i]) != 1)
			continue;
		FUZZ_CHECK(count(&o, b.v[i]) == 0 || count(&t, b.v[i]) == 0 ||
		    count(&m, b.v[i]) > 0, "the line '%s', kept by both "
		    "sides, is lost", b.v[i]);
	}
	pl_strlist_release(&b);
	pl_strlist_release(&o);
	pl_strlist_release(&t);
	pl_strlist_release(&m);
}

/* 1 when s is a portfolio file pl reads. */
static int
parses(const char *s)
{
	struct pl_doc	*doc = NULL;
	int		 ok = pl_doc_parse(&doc, "f.md", s, strlen(s)) == PL_OK;

	pl_doc_free(doc);
	return ok;
}

/* out: merge(base, ours, theirs); PL_OK or PL_ECONFLICT. */
static int
merge(struct pl_buf *out, const char *base, const char *ours,
    const char *theirs)
{
	struct pl_strlist	c = PL_STRLIST_INIT;
	int			err;

	pl_buf_clear(out);
	err = pl_merge_file(out, &c, "f.md", base, ours, theirs);
	FUZZ_CHECK(err == PL_OK || err == PL_ECONFLICT, "error %d: %s", err,
	    pl_error_last());
	FUZZ_CHECK((err == PL_OK) == (c.n == 0), "%zu conflicts, error %d",
	    c.n, err);
	pl_strlist_release(&c);
	return err;
}

int
LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	char		*p[3] = { NULL, NULL, NULL };
	struct pl_buf	 out = PL_BUF_INIT;
	struct pl_doc	*doc = NULL;

	if (fuzz_split(p, 3, d, n, '\0') < 3)
		goto done;
	FUZZ_CHECK(merge(&out, p[0], p[0], p[1]) == PL_OK &&
	    strcmp(out.ptr != NULL ? out.ptr : "", p[1]) == 0,
	    "merge(A, A, B) is not B");
	FUZZ_CHECK(merge(&out, p[0], p[1], p[0]) == PL_OK &&
	    strcmp(out.ptr != NULL ? out.ptr : "", p[1]) == 0,
	    "merge(A, B, A) is not B");
	if (merge(&out, p[0], p[1], p[2]) == PL_OK && parses(p[0]) &&
	    parses(p[1]) && parses(p[2])) {
		FUZZ_CHECK(pl_doc_parse(&doc, "f.md", pl_buf_cstr(&out),
		    out.len) == PL_OK, "the merge does not parse: %s",
		    pl_error_last());
		kept(p[0], p[1], p[2], pl_buf_cstr(&out));
	}
done:
	pl_doc_free(doc);
	pl_buf_release(&out);
	free(p[0]);
	free(p[1]);
	free(p[2]);
	return 0;
}
