/*
 * The rest of an entry's life after it is added: removed or renamed, each
 * as one commit that also keeps true what other entries say of it (a
 * child goal's parent, the goals of evidence and reflections, the
 * evidence of reflections).
 */
#ifndef PL_LIFE_H
#define PL_LIFE_H

#include "pl/entries/entry.h"

/*
 * Removes the entry id of kind (a goal, evidence with the files of its
 * folder, or a reflection) and commits "<kind>: rm <id>".  When other
 * entries name it, PL_EEXISTS with them named ("goals/x.md (parent)"),
 * unless force: then their references go in the same commit (a parent
 * is left empty, an item is dropped from its list).  PL_EINVAL for a
 * malformed id, PL_ENOTFOUND for an unknown one; else as pl_tx_commit().
 */
int	 pl_life_remove(struct pl_portfolio *, enum pl_kind, const char *id,
	    int force) PL_WUR;

/*
 * Renames the entry old of kind to new (its file, and an evidence's
 * folder and the paths of its files), rewrites every reference to it,
 * and commits "<kind>: mv <new>" with "Pl-Old-Id: <old>".  The file's
 * text changes only where it named its own folder, so git sees a rename.
 * PL_EINVAL for a malformed id, PL_ENOTFOUND for an unknown old,
 * PL_EEXISTS when new is taken.
 */
int	 pl_life_rename(struct pl_portfolio *, enum pl_kind, const char *old,
	    const char *new) PL_WUR;

#endif
