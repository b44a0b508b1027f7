/*
 * libgit2 for the whole process: the reference each user holds, the
 * options set once for every thread (pl_lib_init(), pl_lib_hold()), and
 * its errors turned into pl's (pl_error_git()).  In one place, so that
 * the order of the options, which measured times depend on, is read at
 * once, and so that every layer above reaches libgit2's start-up here.
 */
#include <pthread.h>

#include <git2.h>

#include "store/git.h"
#include "store/netinit.h"

int
pl_error_git(int git_code, const char *what)
{
	const git_error	*e = git_error_last();
	const char	*msg = e != NULL && e->message != NULL ? e->message :
			    "unknown error";
	int		 code;

	switch (git_code) {
	case GIT_ELOCKED:
		code = PL_ELOCKED;
		break;
	case GIT_ENOTFOUND:
		code = PL_ENOTFOUND;
		break;
	default:
		code = PL_ERROR;
		break;
	}
	return pl_error_set(code, "%s: %s", what, msg);
}

/*
 * libgit2's options are the process's, not a repository's: they are set
 * once, so threads that open portfolios never write them while others
 * read them.
 */
static void
lib_options(void)
{
	/* git does not re-hash every object it reads; this costs 18-127%. */
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
	/*
	 * Reading goals/<id>.md looks goals/ up each time; libgit2 caches
	 * only trees under 4 KiB by default, so a folder of many entries
	 * would be parsed again for every file read from it.
	 */
	git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, (int)GIT_OBJECT_TREE,
	    (size_t)16 << 20);
}

int
pl_lib_init(void)
{
	static pthread_once_t	once = PTHREAD_ONCE_INIT;
	int			rc;

	/* the network's start-up waits for a connection (store/netinit.c) */
	if ((rc = pl_netinit_libgit2_init()) < 0)
		return pl_error_git(rc, "cannot start libgit2");
	pthread_once(&once, lib_options);
	return 0;
}

int
pl_lib_hold(void)
{
	int	err;

	if ((err = pl_lib_init()) != 0)
		return err;
	pl_lib_walk_options();
	return 0;
}

void
pl_lib_release(void)
{
	git_libgit2_shutdown();
}

/*
 * Each commit is read once, and a tree at most twice (a hand commit's and
 * its parent's): caching them (libgit2 does by default, up to 256 MiB)
 * would only make memory grow with history.  With a hand commit every 30
 * or so, caching trees took pl log on 50,000 commits from 177 to 629 MiB.
 * Once for the process, as libgit2's options are (see pl_lib_init()): the
 * entries a walk needs are read before it.
 */
static void
walk_options(void)
{
	git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT,
	    (int)GIT_OBJECT_COMMIT, (size_t)0);
	git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT,
	    (int)GIT_OBJECT_TREE, (size_t)0);
}

void
pl_lib_walk_options(void)
{
	static pthread_once_t	once = PTHREAD_ONCE_INIT;

	pthread_once(&once, walk_options);
}
