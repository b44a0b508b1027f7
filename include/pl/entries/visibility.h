/*
 * What a family may see: the one rule of the family view, for every
 * view and format of a report.  An entry (the profile, a goal, evidence,
 * a reflection) is private when its front matter says "private: true"
 * in a version the report reads; it is left out under every id it has
 * had, and so is everything that links only to left-out entries (a goal
 * through its parent, evidence through its goals, a reflection through
 * its goals and evidence), as its last version read links.
 *
 * An entry is followed through its history as a lineage: the ids it has
 * had, linked by renames.  The report reads the newest versions first
 * (its commit's tree) and goes back in time, so a rename met on the way
 * says that the older id was the entry now named the newer one.
 */
#ifndef PL_VISIBILITY_H
#define PL_VISIBILITY_H

#include <stddef.h>

#include "pl/base/doc.h"
#include "pl/base/util.h"

/* Not an entry: a change to standards, settings, the portfolio. */
#define PL_NO_LINEAGE ((size_t)-1)

/* 1 when doc's front matter says "private: true" (True, TRUE), as YAML
   1.2 reads a boolean; else 0. */
int	 pl_doc_private(const struct pl_doc *doc);

struct pl_visibility;

struct pl_visibility *pl_visibility_new(void);

void	 pl_visibility_free(struct pl_visibility *);

/*
 * The lineage of kind's id at the point reached going back (kind is
 * "profile", "goal", "evidence" or "reflection"; the profile has one
 * lineage whatever its id), made when it is new; PL_NO_LINEAGE for any
 * other kind.
 */
size_t	 pl_visibility_lineage(struct pl_visibility *, const char *kind,
	    const char *id);

/*
 * Going back past a rename of kind's old_id to new_id: from here on,
 * old_id is the lineage new_id has.
 */
void	 pl_visibility_renamed(struct pl_visibility *, const char *kind,
	    const char *old_id, const char *new_id);

/*
 * A version of lineage l read from a file whose front matter is doc: it
 * makes l private when it says so, and gives l its links when no newer
 * version did (links are resolved to lineages at this point of the walk).
 */
void	 pl_visibility_version(struct pl_visibility *, size_t l,
	    const struct pl_doc *doc);

/*
 * Appends to out, as bytes, what doc (NULL: a version not there or that
 * does not parse) says to pl_visibility_version(), for a cache to keep.
 */
void	 pl_visibility_pack(struct pl_buf *out, const struct pl_doc *doc);

/*
 * pl_visibility_version() of the doc that pl_visibility_pack() gave p's
 * len bytes: 0, or -1 (and nothing done) when they are not such bytes.
 */
int	 pl_visibility_version_packed(struct pl_visibility *, size_t l,
	    const char *p, size_t len);

/* Marks l private: a version read elsewhere said so. */
void	 pl_visibility_private(struct pl_visibility *, size_t l);

/*
 * Works out what is left out once every version has been given: the
 * private lineages, then, until nothing changes, every lineage whose
 * links all lead to left-out ones.  Later versions are ignored.
 */
void	 pl_visibility_settle(struct pl_visibility *);

/* 1 when lineage l is left out (after pl_visibility_settle()). */
int	 pl_visibility_hidden(const struct pl_visibility *, size_t l);

/* The number of lineages left out. */
size_t	 pl_visibility_count(const struct pl_visibility *);

#endif
