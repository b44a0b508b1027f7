/*
 * One error convention for the whole library, after libgit2's: a fallible
 * function returns 0 on success or a negative PL_E* code, and leaves a
 * message for pl_error_last().  cmd/main.c alone turns codes into exit
 * statuses (see docs/pl.1, EXIT STATUS).
 */
#ifndef PL_ERROR_H
#define PL_ERROR_H

#define PL_WUR __attribute__((warn_unused_result))
#define PL_PRINTF(f, a) __attribute__((format(printf, f, a)))

enum pl_error_code {
	PL_OK = 0,
	PL_ERROR = -1,		/* anything else: git, I/O, out of space */
	PL_EUSAGE = -2,		/* bad command line */
	PL_ENOTPORTFOLIO = -3,	/* not a portfolio (or not a repository) */
	PL_ENOTFOUND = -4,	/* unknown id, missing file */
	PL_EINVAL = -5,		/* bad value: date, empty title, bad id */
	PL_EPARSE = -6,		/* broken front matter in a file */
	PL_EUNSAFE = -7,	/* a path that would leave the portfolio */
	PL_ELOCKED = -8,	/* repository locked by another process */
	PL_EDIRTY = -9,		/* a file pl must rewrite has local edits */
	PL_EHEAD = -10,		/* detached or unborn HEAD */
	PL_EIDENTITY = -11,	/* no author identity */
	PL_EEXISTS = -12,	/* target exists already */
	PL_ENOCHANGE = -13,	/* an edit that changed nothing */
	PL_ECONFLICT = -14,	/* a commit made meanwhile changed what was
				   read: nothing committed, run it again */
	PL_EINCOMPLETE = -15,	/* done, but some of many portfolios could
				   not be read */
	PL_EBADSIG = -16	/* a commit's signature does not match it */
};

/*
 * Sets the message (printf-style) and returns code, so failing is one line.
 * An argument may be pl_error_last() itself, to add before the message
 * already set ("file:line: " what failed there).
 */
int pl_error_set(int code, const char *fmt, ...) PL_PRINTF(2, 3);

/* The last message set in this thread; "" when none.  Borrowed. */
const char *pl_error_last(void);

/* The code of the last error set; PL_OK after pl_error_clear(). */
int pl_error_code(void);

void pl_error_clear(void);

#endif
