/*
 * A portfolio's history, one change at a time, newest first: what pl log
 * prints and what reports are built from.
 *
 * The walk starts at a commit and follows every parent, newest committer
 * time first, a child before its parents (as "git log --no-merges"): a
 * commit brought in by a merge is listed where it falls in time, and the
 * merge itself, which records no change of its own, is not.  Each commit
 * is read once, and the first change comes without reading the rest.  A commit that pl made says what it
 * changed in its Pl- trailers, read from the message alone; a commit
 * without a Pl-Kind trailer (made with plain git) is described from its
 * tree against its first parent's (the empty tree for a root), one change
 * per file added, modified or deleted under goals/, evidence/,
 * reflections/, standards/ or profile.md.  Only one commit is held at a
 * time, so memory does not grow with history beyond the ids of the
 * commits seen.
 */
#ifndef PL_HISTORY_H
#define PL_HISTORY_H

#include "pl/base/date.h"
#include "pl/base/error.h"
#include "pl/store/portfolio.h"
#include "pl/base/util.h"

/*
 * One change.  For a pl commit: kind, action, id from Pl-Kind, Pl-Action,
 * Pl-Id ("" when absent); detail the message's sentence (else its
 * subject); path NULL.  For a commit made with plain git: kind "goal",
 * "evidence", "reflection", "align" (standards/) or "profile" from the
 * folder; action "add", "edit" or "rm"; id the file's name without ".md"
 * (for evidence/<id>/<file>, the evidence's id); detail the subject; path
 * the file.
 */
struct pl_change {
	char			 commit[41];	/* hex id */
	struct pl_date		 date;		/* author date, its own zone */
	const char		*author;	/* name */
	const char		*email;
	const char		*kind;
	const char		*action;
	const char		*id;
	const char		*old_id;	/* Pl-Old-Id, or NULL */
	const char		*level;		/* Pl-Level, or NULL */
	const char		*status;	/* Pl-Status, or NULL */
	const char		*rater;		/* Pl-Rater, or NULL */
	const char		*detail;
	const char		*path;		/* NULL for a pl commit */
	struct pl_strlist	 goals;		/* Pl-Goal values */
	struct pl_strlist	 standards;	/* Pl-Standard values */
};

struct pl_history;

/*
 * Starts a walk from rev (NULL: HEAD).  PL_ENOTFOUND for an unknown rev.
 * The caller frees with pl_history_free().
 */
int	 pl_history_new(struct pl_history **out, struct pl_portfolio *,
	    const char *rev) PL_WUR;

/*
 * The next change, older than the last: *out is borrowed until the next
 * call, and NULL at the end of history.  PL_ERROR when git fails.
 */
int	 pl_history_next(const struct pl_change **out, struct pl_history *)
	    PL_WUR;

void	 pl_history_free(struct pl_history *);

/*
 * Into out, the raw id (20 bytes) of the tree of the commit of the last
 * change, or with before, of that commit's first parent: the tree that
 * pl_history_read() reads a file from.  PL_ENOTFOUND when there is none
 * (no change yet, no parent), PL_ERROR when git fails.
 */
int	 pl_history_tree(unsigned char out[20], struct pl_history *,
	    int before) PL_WUR;

/*
 * Appends to out the file path as the commit of the last change has it,
 * or with before, as that commit's first parent has it.  PL_ENOTFOUND
 * when it is not there (or is not a file), PL_ERROR when git fails.
 */
int	 pl_history_read(struct pl_buf *out, struct pl_history *,
	    const char *path, int before) PL_WUR;

/* 1 when c is a rating made with pl (align rate), else 0. */
int	 pl_change_is_rating(const struct pl_change *c);

/*
 * The commit a report "as of" day reads: the first commit that "git log
 * rev" lists (newest first; rev NULL is HEAD) whose committer date in
 * its own time zone, the date "git log --format=%cd --date=short" shows,
 * is on or before day, as hex in id.  The walk stops there.
 * PL_ENOTFOUND "no commit on or before DATE", or for an unknown rev.
 */
int	 pl_history_until(char id[41], struct pl_portfolio *, const char *rev,
	    struct pl_date day) PL_WUR;

/*
 * The same rule for the last commit before day (its committer date in
 * its own zone earlier than day): what a window starting on day starts
 * from.  PL_ENOTFOUND "no commit before DATE".
 */
int	 pl_history_before(char id[41], struct pl_portfolio *,
	    const char *rev, struct pl_date day) PL_WUR;

#endif
