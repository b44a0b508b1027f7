/*
 * libgit2 for the whole process (lib/store/git.c): what every file of
 * lib/ that calls libgit2 uses to start it and to report its errors.
 */
#ifndef PL_STORE_GIT_H
#define PL_STORE_GIT_H

#include "pl/base/error.h"

/*
 * Turns a libgit2 failure into a pl one: the message is "what: git's
 * message".  GIT_ELOCKED becomes PL_ELOCKED, GIT_ENOTFOUND PL_ENOTFOUND,
 * anything else PL_ERROR.  Returns the pl code.
 */
int	 pl_error_git(int git_code, const char *what);

/*
 * Takes a reference on libgit2 (git_libgit2_init()) and sets, once for
 * the process, the options every portfolio wants.  PL_ERROR when libgit2
 * cannot start.  Drop it with pl_lib_release().
 */
int	 pl_lib_init(void) PL_WUR;

/*
 * Takes a reference on libgit2 and sets its process-wide options (those
 * pl_portfolio_open() and a history walk would set), so that threads
 * started afterwards never write them while others read them.  Release
 * with pl_lib_release().
 */
int	 pl_lib_hold(void) PL_WUR;
void	 pl_lib_release(void);

/* Sets libgit2's object caches as a history walk wants them (once). */
void	 pl_lib_walk_options(void);

#endif
