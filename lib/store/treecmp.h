/*
 * Internal to lib/progress/history.c: the files that differ between two
 * commits' trees, read from the raw tree objects (see treecmp.c).
 */
#ifndef PL_STORE_TREECMP_H
#define PL_STORE_TREECMP_H

#include <git2.h>

#include "pl/base/error.h"
#include "pl/base/util.h"

struct pl_treecmp;

/*
 * A comparer of repo's trees; PL_ERROR when its object database cannot
 * be opened.  The caller frees with pl_treecmp_free().
 */
int	 pl_treecmp_new(struct pl_treecmp **out, git_repository *repo) PL_WUR;

void	 pl_treecmp_free(struct pl_treecmp *);

/*
 * Compares root trees a (NULL: the empty tree) and b from now on.  The
 * trees read for the last pair are kept for this one (a commit's parent
 * is often the commit compared before it), the others freed.  PL_ERROR
 * "cannot read a commit's tree" when a root cannot be read.
 */
int	 pl_treecmp_start(struct pl_treecmp *, const git_oid *a,
	    const git_oid *b) PL_WUR;

/*
 * Appends to out a line per file that differs under the entry named name
 * of the two roots (a file or a folder, either side missing): 'A', 'M' or
 * 'D', then its path.  In a folder, changes and deletions come in the old
 * folder's order, then additions in the new one's; an entry whose type
 * changed (a file that became a folder) is all of the old deleted, then
 * all of the new added.  Folders whose ids are equal are not read.
 * PL_ERROR "cannot read a tree" when git fails.
 */
int	 pl_treecmp_entry(struct pl_treecmp *, const char *name,
	    struct pl_strlist *out) PL_WUR;

/*
 * The id of the file at path ("folder/name") in the tree root: PL_OK,
 * PL_ENOTFOUND when there is no file there (nothing, a folder, a
 * submodule, a folder on the way that cannot be read); PL_ERROR "cannot
 * read a commit's tree" when root cannot be read.  The trees of the pair
 * compared last are used when they are root's; those read here are kept
 * until a find in another root.
 */
int	 pl_treecmp_find(git_oid *out, struct pl_treecmp *, const git_oid *root,
	    const char *path) PL_WUR;

#endif
