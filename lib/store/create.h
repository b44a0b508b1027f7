/*
 * Making a new portfolio (lib/store/create.c): what pl init and a clone
 * need of the store before and around the first commit.
 */
#ifndef PL_STORE_CREATE_H
#define PL_STORE_CREATE_H

#include "pl/store/portfolio.h"
#include "pl/store/tx.h"

/*
 * Looks at dir before something is made there: 0 when it does not exist,
 * 1 when it is a folder, with *git set when it holds .git and *other when
 * it holds anything else; PL_EEXISTS when it is not a folder, PL_ERROR
 * when it cannot be read.
 */
int	 pl_dir_probe(const char *dir, int *git, int *other) PL_WUR;

/*
 * Makes ready a new portfolio in dir (NULL: "."; created if missing): a
 * new repository, or an existing one with no commits yet and nothing in
 * its working tree but .git, with pl's merge driver registered in its
 * config (pl_portfolio_register_driver()).  The identity of author
 * (NULL: git's) is asked for first, so that nothing is made without one
 * (PL_EIDENTITY).  PL_EEXISTS when dir is a repository with commits or
 * holds files, or a .git git cannot open (one with no HEAD, object or
 * ref, as an interrupted init leaves it, is completed instead).  A
 * failure removes the repository, and the folders, it made.  *out has no
 * commit; end it with pl_portfolio_create_end().
 */
int	 pl_portfolio_create(struct pl_portfolio **out, const char *dir,
	    const char *author) PL_WUR;

/*
 * The transaction of the first commit (pl_tx_begin_init()), holding the
 * store's own files already: .gitattributes (pl's merge driver, so that
 * every clone merges as pl does) and the settings file.  The caller puts
 * the rest, commits, and frees with pl_tx_free().
 */
int	 pl_portfolio_create_tx(struct pl_tx **out, struct pl_portfolio *)
	    PL_WUR;

/*
 * Frees what pl_portfolio_create() gave; when err is not 0 (the first
 * commit failed), removes the repository and folders it made too.
 */
void	 pl_portfolio_create_end(struct pl_portfolio *, int err);

#endif
