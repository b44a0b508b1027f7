/*
 * Internal: where the scalars under one key of a file's front matter
 * stand, in bytes of the file, as libyaml's marks say.  A rewrite can
 * then change a value's own bytes and keep every other byte a person
 * wrote, comments above, inside and after a list included, which the
 * front matter tree (pl/base/doc.h) cannot hold.
 */
#ifndef PL_FMSPAN_H
#define PL_FMSPAN_H

#include <stddef.h>

/* One scalar: its bytes, quotes included, and where it is. */
struct pl_span {
	size_t	start;
	size_t	end;
	int	style;		/* libyaml's scalar style */
	size_t	item;		/* index in the key's list (0 for a scalar) */
};

struct pl_spans {
	struct pl_span	*v;
	size_t		 n;
	int		 seq;	/* libyaml's sequence style, 0: a scalar */
};

/*
 * Fills out with the scalars of text (len bytes, the whole file, whose
 * body starts at byte body) under the top-level key: its value when a
 * scalar, else each scalar item of its list, or, with sub, the scalar
 * value of sub in each mapping of its list.  -1 (out empty) when the
 * front matter cannot be read or a scalar there has an anchor, a tag or
 * is an alias: the caller rewrites by value then.  Release out with
 * pl_spans_release().
 */
int	 pl_spans_find(struct pl_spans *out, const char *text, size_t len,
	    size_t body, const char *key, const char *sub);

void	 pl_spans_release(struct pl_spans *);

#endif
