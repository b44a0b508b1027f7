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
 * status, a section of prose) is a conflict.  Where one side alone
 * changed the front matter, or the body, the result has that side's
 * bytes.  Items of lists and ratings are told apart by what they mean
 * (their parsed values), not by their text, so a side that only
 * reformatted a list (line ends, indents, quotes, comments) added and
 * removed nothing.  A merge never drops a line both sides kept: what it
 * cannot merge so is a conflict.
 *
 * The cost is n log n in the parts of a file, and it takes at most
 * PL_MERGE_PARTS_MAX of each kind (see pl_merge_file()).
 */
#ifndef PL_MERGE_H
#define PL_MERGE_H

#include "pl/base/error.h"
#include "pl/base/util.h"

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

/*
 * The most sections a file, keys a front matter, steps a section or
 * items a list may have on one side of a merge by structure: a file
 * with more is a conflict (PL_ECONFLICT, conflicts naming "more than
 * 100,000 sections", the message "path: cannot merge more than 100,000
 * sections by structure"), which git's merge driver leaves to git's
 * merge of the texts.
 */
#define PL_MERGE_PARTS_MAX	100000

/* What a merge cost, for tests that bound its work rather than time. */
struct pl_merge_stats {
	size_t	parts;		/* sections, keys, steps, items read */
	size_t	compares;	/* comparisons of their keys or values */
};

/*
 * pl_merge_file(), also adding to *stats (when not NULL) what it cost.
 */
int	 pl_merge_file_stats(struct pl_buf *out, struct pl_strlist *conflicts,
	    struct pl_merge_stats *stats, const char *path, const char *base,
	    const char *ours, const char *theirs) PL_WUR;

#endif
