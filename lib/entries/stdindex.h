/*
 * Internal: an index of one committed framework, so a command pays for
 * the codes it names rather than for every row.  It is kept in
 * <gitdir>/pl/standards-<blob id> (a cache, as cache.h says: rebuilt
 * from the blob when missing or broken), made the first time a command
 * reads the framework, and read with mmap: a lookup is a binary search
 * over the codes, case folded and reversed, so that a code and its short
 * forms (the suffixes after a '.') are found in one range.
 */
#ifndef PL_STDINDEX_H
#define PL_STDINDEX_H

#include <stddef.h>

#include <git2.h>

#include "pl/base/error.h"
#include "pl/entries/stdlist.h"

struct pl_stdix;

/*
 * Opens the index kept for the framework whose blob is id: 1 with *out
 * set, 0 when there is none or it is broken, and pl_stdix_make() must
 * make it.  Close with pl_stdix_close().
 */
int	 pl_stdix_open(struct pl_stdix **out, git_repository *repo,
	    const git_oid *id);

/*
 * Makes the index of l, the framework whose blob is id (path its file,
 * for the message), keeps it in the git folder when it can, and opens
 * it.  PL_ERROR "path: cannot index".  Close with pl_stdix_close().
 */
int	 pl_stdix_make(struct pl_stdix **out, git_repository *repo,
	    const git_oid *id, const struct pl_standards *l,
	    const char *path) PL_WUR;

void	 pl_stdix_close(struct pl_stdix *);

/* The number of standards. */
size_t	 pl_stdix_count(const struct pl_stdix *);

/*
 * Appends to out the rows (in file order, their numbers in pos) whose
 * code typed could name: the same case aside, or ending in "." and typed.
 */
void	 pl_stdix_match(const struct pl_stdix *, const char *typed,
	    size_t **pos, size_t *n);

/*
 * Row number k (0-based, file order): *out's strings borrowed from the
 * index (framework NULL), *line its line.  0, or -1 when k is out of
 * range or the index is broken there.
 */
int	 pl_stdix_row(const struct pl_stdix *, size_t k,
	    struct pl_standard *out, int *line);

/* 1 when the index has code exactly. */
int	 pl_stdix_has(const struct pl_stdix *, const char *code);

/* Calls fn on each code, in file order. */
void	 pl_stdix_each(const struct pl_stdix *,
	    void (*fn)(void *, const char *), void *arg);

#endif
