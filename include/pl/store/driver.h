/*
 * pl as git's merge driver for portfolio files, so that a plain
 * "git merge" or "git pull" merges them by their structure as pl does
 * (pl/base/merge.h).  As git-lfs does with its filters, the committed
 * .gitattributes gives the portfolio files the attribute merge=pl,
 * and each clone's own config says what the driver runs
 * (merge.pl.driver = pl merge-file %O %A %B %P): "pl" as found on PATH,
 * so the config stays right when pl moves.
 */
#ifndef PL_DRIVER_H
#define PL_DRIVER_H

#include "pl/base/error.h"
#include "pl/base/util.h"

#define PL_ATTRIBUTES_FILE ".gitattributes"
#define PL_DRIVER_NAME "pl portfolio merge"
#define PL_DRIVER_COMMAND "pl merge-file %O %A %B %P"

/*
 * Appends to out the text of a .gitattributes that names pl's driver for
 * every portfolio file: text (the file as it is, "" when there is none)
 * unchanged, then each of pl's lines it lacks.  A line counts as there
 * when it has the same pattern and "merge=pl" among its attributes.
 * Returns the number of lines added.
 */
size_t	 pl_driver_attributes(struct pl_buf *out, const char *text);

/*
 * The merge driver: base, ours and theirs are the files git passes as
 * %O, %A and %B, path the file's path in the repository (%P, for
 * messages).  Each file is read whole (PL_EINVAL, ours untouched, for
 * one larger than PL_READ_MAX; read errors as pl_read_file()'s).  When
 * pl_merge_file() merges them, ours is replaced by the result
 * (atomically, keeping its mode): PL_OK.  Otherwise ours is replaced by
 * what git's own merge of the texts leaves, conflict markers of
 * marker_size characters (7 when 0) labelled "ours" and "theirs", and
 * PL_ECONFLICT says "path: cannot merge 'status': both sides changed it
 * differently"; conflicts names each key or section.  A file holding a
 * NUL byte is not text pl merges: ours is left as it is and PL_ECONFLICT
 * says so, as git does for a binary file.
 */
int	 pl_merge_driver(struct pl_strlist *conflicts, const char *base,
	    const char *ours, const char *theirs, const char *path,
	    int marker_size) PL_WUR;

#endif
