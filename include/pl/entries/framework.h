/*
 * Importing a curriculum framework into a portfolio, as
 * standards/<name>.csv, and updating one already there.
 */
#ifndef PL_FRAMEWORK_H
#define PL_FRAMEWORK_H

#include "pl/entries/entry.h"
#include "pl/base/error.h"
#include "pl/store/portfolio.h"
#include "pl/entries/standards.h"
#include "pl/base/util.h"

/* What an import changed. */
struct pl_framework_diff {
	char			*name;		/* the framework */
	int			 updated;	/* it was there before */
	size_t			 n;		/* standards it has now */
	struct pl_strlist	 added;		/* codes, in file order */
	struct pl_strlist	 removed;
	struct pl_strlist	 reworded;	/* a new description */
};

void	 pl_framework_diff_release(struct pl_framework_diff *);

/*
 * Imports the framework in file (see pl_standards_parse() for the
 * formats) as standards/<name>.csv in one commit, "align: import
 * <name>".  name NULL: made from file's name without its extension.
 * Over a framework already there it is an update, and *out says what
 * changed; dropping a code that a goal's or evidence's "standards" (or
 * an evidence's "ratings") names is PL_EEXISTS, naming them, unless
 * force.  A file that gives the framework pl already has commits
 * nothing.  PL_EINVAL for a bad name, PL_ENOTFOUND for a missing file,
 * PL_EPARSE for a file that is not a framework; warnings (parents not in
 * the file) are appended to warnings.  Release *out with
 * pl_framework_diff_release(), whatever is returned.
 */
int	 pl_framework_import(struct pl_framework_diff *out,
	    struct pl_portfolio *, const char *file, const char *name,
	    int force, struct pl_strlist *warnings) PL_WUR;

/*
 * Appends to out the id of each entry of kind (goals, evidence) that
 * names one of codes (case aside) in its standards or, for evidence, its
 * ratings.  Entries that cannot be read are left out and their messages
 * appended to warnings.
 */
int	 pl_framework_users(struct pl_strlist *out, struct pl_portfolio *,
	    enum pl_kind, const struct pl_strlist *codes,
	    struct pl_strlist *warnings) PL_WUR;

#endif
