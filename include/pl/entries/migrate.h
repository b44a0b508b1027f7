/*
 * Migrating the work from old standards to new ones, when a framework
 * is revised: every goal's and evidence's "standards" and every
 * evidence rating's "standard" that names an old code is rewritten to
 * its new code, in one commit.
 */
#ifndef PL_MIGRATE_H
#define PL_MIGRATE_H

#include "pl/base/error.h"
#include "pl/store/portfolio.h"
#include "pl/base/util.h"

/* What a migration changed (or, dry, would change). */
struct pl_migration {
	struct pl_strlist	entries;	/* "goal sums", each changed */
	struct pl_strlist	changes;	/* each: "A -> B, C -> D" */
	struct pl_strlist	used;		/* "A -> B", each pair used */
};

void	 pl_migration_release(struct pl_migration *);

/*
 * Reads the replacements of file (see pl_code_map_read()), checks that
 * each new code names a standard of a committed framework (written in
 * full), and rewrites the entries that name an old code (case aside) as
 * one commit "align: migrate <n> codes" with a "Pl-Migrate: OLD -> NEW"
 * trailer per pair used; dry, commits nothing.  *out says what changed.
 * An old code nobody names is passed over.  PL_ENOTFOUND for a missing
 * file or an unknown new code (with the nearest codes), PL_EPARSE for a
 * file that is not a mapping, PL_ENOCHANGE when no entry names an old
 * code; the write path's errors (PL_EDIRTY for an entry with
 * uncommitted edits).  Entries that cannot be read are left out with a
 * warning.  Release *out with pl_migration_release(), whatever is
 * returned.
 */
int	 pl_align_migrate(struct pl_migration *out, struct pl_portfolio *,
	    const char *file, int dry, struct pl_strlist *warnings) PL_WUR;

#endif
