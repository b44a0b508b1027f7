/*
 * For the targets that read a commit: objects written into the fuzz
 * portfolio's repository (fuzz_portfolio()) and removed after the run,
 * so the repository stays the size it was made.
 */
#ifndef PL_FUZZ_GITOBJ_H
#define PL_FUZZ_GITOBJ_H

#include <sys/stat.h>

#include <git2.h>

#include "fuzz.h"

/* The objects written since the last fuzz_objects_clear(). */
static git_oid	fuzz_made[8];
static size_t	fuzz_nmade;

static git_repository		*fuzz_git;
/* A portfolio a target keeps open from one input to the next. */
static struct pl_portfolio	*fuzz_pf;

/*
 * Frees what is kept and shuts libgit2 down, whose per-thread error
 * state would otherwise be reported as leaked at exit.
 */
static inline void
fuzz_git_cleanup(void)
{
	pl_portfolio_free(fuzz_pf);
	git_repository_free(fuzz_git);
	while (git_libgit2_shutdown() > 0)
		;
}

static inline git_repository *
fuzz_repo(void)
{
	char	*path;

	if (fuzz_git == NULL) {
		git_libgit2_init();
		if (git_repository_open(&fuzz_git, fuzz_portfolio()) < 0)
			abort();
		/* where pl keeps its caches, made by the first one saved */
		path = pl_xasprintf("%spl", git_repository_path(fuzz_git));
		(void)mkdir(path, 0777);
		free(path);
		atexit(fuzz_git_cleanup);
	}
	return fuzz_git;
}

/* Writes an object, to be removed by fuzz_objects_clear() if it is new. */
static inline void
fuzz_object(git_oid *id, const char *data, size_t len, git_object_t type)
{
	git_odb	*odb;

	if (git_repository_odb(&odb, fuzz_repo()) < 0 ||
	    git_odb_hash(id, data, len, type) < 0)
		abort();
	if (!git_odb_exists(odb, id)) {
		if (git_odb_write(id, odb, data, len, type) < 0)
			abort();
		if (fuzz_nmade < sizeof fuzz_made / sizeof fuzz_made[0])
			fuzz_made[fuzz_nmade++] = *id;
	}
	git_odb_free(odb);
}

static inline void
fuzz_objects_clear(void)
{
	char	hex[GIT_OID_HEXSZ + 1], *path;
	size_t	i;

	for (i = 0; i < fuzz_nmade; i++) {
		git_oid_tostr(hex, sizeof hex, &fuzz_made[i]);
		path = pl_xasprintf("%s/objects/%.2s/%s",
		    git_repository_path(fuzz_repo()), hex, hex + 2);
		unlink(path);
		free(path);
	}
	fuzz_nmade = 0;
}

/* The id of HEAD's commit and of its tree. */
static inline void
fuzz_head(git_oid *commit, git_oid *tree)
{
	git_commit	*c;

	if (git_reference_name_to_id(commit, fuzz_repo(), "HEAD") < 0 ||
	    git_commit_lookup(&c, fuzz_repo(), commit) < 0)
		abort();
	*tree = *git_commit_tree_id(c);
	git_commit_free(c);
}

#endif
