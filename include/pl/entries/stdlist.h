/*
 * The list of standards a framework is read into: one standard (a row of
 * a framework), code replacements, and the list with its private lookup
 * fields.  Kept apart from standards.h, which reads and finds them, so
 * that the index of a framework (lib/entries/stdindex.h), which
 * standards.c uses, stores and gives back rows without including it.
 */
#ifndef PL_STDLIST_H
#define PL_STDLIST_H

#include <stddef.h>

#include "pl/base/util.h"

/* One standard (a row of a framework).  Strings are owned by the list. */
struct pl_standard {
	char	*framework;	/* "ccss-math": standards/<framework>.csv */
	char	*code;		/* "CCSS.Math.Content.6.RP.A.1" */
	char	*parent;	/* a code or "" */
	char	*grade;		/* "6", "K-2" or "" */
	char	*subject;
	char	*description;
};

/*
 * Code replacements: old[i] is replaced by new[i], read at where[i]
 * ("map.csv:3", "pkg.json: CFAssociations[4]").
 */
struct pl_code_map {
	struct pl_strlist	old;
	struct pl_strlist	new;
	struct pl_strlist	where;
};

struct pl_stdix;

struct pl_standards {
	struct pl_standard	*v;
	size_t			 n;
	/* private: an index for lookups */
	size_t			 cap;
	size_t			*byfold;	/* v's indexes by folded code */
	int			*line;		/* where each row was read */
	struct pl_strlist	 cols;		/* extra columns' names */
	struct pl_strlist	 extra;		/* n * cols.n values */
	struct pl_code_map	 replaced;	/* CASE isReplacedBy */
	struct pl_stdix		**ix;		/* load_codes: the indexes */
	size_t			 nix;
	size_t			 total;		/* their standards */
};

#endif
