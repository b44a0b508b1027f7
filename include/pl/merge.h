/*
 * Merging a portfolio file by its structure, three ways: the text both
 * sides came from (base) and what each made of it.  Front matter is
 * merged key by key and the body section by section ("## " headings),
 * as text, so what a person wrote (comments, layout, quoting) stays as
 * it was wherever only one side changed it.  Where both sides changed
 * the same key or section:
 *   - lists of ids (standards, goals, evidence, files) are merged as
 *     sets: what either side added is kept, what either side removed
 *     is removed;
 *   - ratings (a list of mappings) likewise, each rating one item;
 *   - the Steps section's task list: a step added on either side is
 *     kept, a step ticked (or unticked) on one side is so in the
 *     result, a step ticked on both stays ticked;
 * anything else changed differently on both sides (a scalar such as
 * status, a section of prose) is a conflict.
 */
#ifndef PL_MERGE_H
#define PL_MERGE_H

#include "pl/error.h"
#include "pl/util.h"

/*
 * Merges ours and theirs (NUL-terminated texts of one file) from base
 * ("" when the file is new on both sides).  PL_OK: the merged text is
 * appended to out.  PL_ECONFLICT: nothing usable in out, and conflicts
 * names each key ("status") or section ("## Why") both sides changed
 * differently ("the front matter" when it cannot be split into keys);
 * the message says "path: cannot merge ..." with the first ones.
 */
int	 pl_merge_file(struct pl_buf *out, struct pl_strlist *conflicts,
	    const char *path, const char *base, const char *ours,
	    const char *theirs) PL_WUR;

#endif
