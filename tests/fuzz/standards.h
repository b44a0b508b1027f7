/*
 * What the three framework targets share: a framework parsed as pl
 * imports one.  Oracle: the standards/<name>.csv pl writes from it
 * parses again to the same codes, parents and descriptions.
 */
#ifndef PL_FUZZ_STANDARDS_H
#define PL_FUZZ_STANDARDS_H

#include "fuzz.h"
#include "pl/entries/standards.h"

static inline void
fuzz_standards(const char *name, const char *text, size_t len)
{
	struct pl_standards	 l, again;
	struct pl_strlist	 w = PL_STRLIST_INIT;
	const struct pl_standard *s;
	struct pl_buf		 b = PL_BUF_INIT;
	size_t			 i;

	if (pl_standards_parse(&l, "fw", name, text, len, &w) != PL_OK)
		goto done;
	if (l.n > 0)
		(void)pl_standards_find(&s, &l, l.v[l.n - 1].code);
	(void)pl_standards_find(&s, &l, "A.1");
	pl_standards_write(&l, &b);
	FUZZ_CHECK(pl_standards_parse(&again, "fw", "fw.csv", b.ptr, b.len,
	    &w) == PL_OK, "pl's own CSV does not parse: %s",
	    pl_error_last());
	FUZZ_CHECK(again.n == l.n, "%zu standards written, %zu read",
	    l.n, again.n);
	for (i = 0; i < l.n; i++) {
		FUZZ_CHECK(strcmp(l.v[i].code, again.v[i].code) == 0 &&
		    strcmp(l.v[i].parent, again.v[i].parent) == 0 &&
		    strcmp(l.v[i].description, again.v[i].description) == 0,
		    "standard %zu '%s' read back as '%s'", i, l.v[i].code,
		    again.v[i].code);
	}
	pl_standards_release(&again);
	pl_standards_release(&l);
done:
	pl_buf_release(&b);
	pl_strlist_release(&w);
}

#endif
