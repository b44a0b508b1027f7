/*
 * A portfolio: a git repository whose committed tree holds a settings
 * file, PL_SETTINGS_FILE, in git-config syntax.  Reading is always from a
 * committed tree (HEAD or a chosen revision), so readers work in bare
 * repositories and never see half-made edits; writing goes through
 * pl_tx (pl/store/tx.h).
 */
#ifndef PL_PORTFOLIO_H
#define PL_PORTFOLIO_H

#include <time.h>

#include "pl/base/date.h"
#include "pl/base/error.h"
#include "pl/base/util.h"

#define PL_SETTINGS_FILE ".plconfig"
#define PL_FORMAT_VERSION 1

struct pl_portfolio;

/*
 * Opens the portfolio whose repository contains path, found as git finds
 * it (from a subdirectory, a linked worktree, GIT_DIR), and reads the
 * tree of rev (NULL: HEAD).  Fails with PL_ENOTPORTFOLIO when there is no
 * repository, HEAD is unborn, or the tree has no settings file;
 * PL_ENOTFOUND for an unknown rev; PL_EPARSE for a settings file that is
 * not valid git-config or whose portfolio.version pl does not know.
 * The caller frees with pl_portfolio_free().
 */
int	 pl_portfolio_open(struct pl_portfolio **out, const char *path,
	    const char *rev) PL_WUR;

/*
 * Opens the portfolio at dir itself (its top folder, or a bare
 * repository), at HEAD: no search in the folders above, and GIT_DIR and
 * GIT_WORK_TREE are not looked at, as when a roster names many
 * portfolios.  Errors as pl_portfolio_open()'s.
 */
int	 pl_portfolio_open_dir(struct pl_portfolio **out, const char *dir)
	    PL_WUR;

void	 pl_portfolio_free(struct pl_portfolio *);

/* The working tree's top folder with a trailing '/', or NULL when bare. */
const char *pl_portfolio_workdir(const struct pl_portfolio *);

/*
 * Appends the committed contents of path ("goals/x.md") to out.
 * PL_ENOTFOUND when the tree has no such file; PL_EUNSAFE when path is
 * absolute, has ".." or "." components, or is a symbolic link or
 * submodule in the tree.
 */
int	 pl_portfolio_read(struct pl_buf *out, struct pl_portfolio *,
	    const char *path) PL_WUR;

/*
 * Appends to out the names of the repository's branches, tags and
 * remote-tracking branches as git shortens them ("main", "v1",
 * "origin/main"), and sorts out: the revisions a person names with
 * --rev.
 */
int	 pl_portfolio_refs(struct pl_strlist *out, struct pl_portfolio *)
	    PL_WUR;

/*
 * Appends to out, sorted, the names in folder dir of the tree that end in
 * suffix (".md"), with the suffix removed.  Folders do not count; links
 * and submodules do (pl_portfolio_read() refuses them).  A missing folder
 * is an empty list.
 */
int	 pl_portfolio_list(struct pl_strlist *out, struct pl_portfolio *,
	    const char *dir, const char *suffix) PL_WUR;

/*
 * Appends to out, sorted, the path from the top of every file in folder
 * dir of the tree and its sub-folders ("evidence/x/quiz.jpg"); links and
 * submodules count as files.  A missing folder is an empty list.
 */
int	 pl_portfolio_list_files(struct pl_strlist *out,
	    struct pl_portfolio *, const char *dir) PL_WUR;

/*
 * The commit whose tree the portfolio reads (hex, in id) and its
 * committer date in its own zone.
 */
void	 pl_portfolio_commit(char id[41], struct pl_date *date,
	    const struct pl_portfolio *);

/* 1 when path exists in the tree or in the working tree, else 0. */
int	 pl_portfolio_exists(struct pl_portfolio *, const char *path);

/*
 * Reads a setting ("portfolio.version") from the committed settings file.
 * *out is NULL when unset.  The caller frees *out.
 */
int	 pl_portfolio_setting(char **out, struct pl_portfolio *,
	    const char *key) PL_WUR;

/*
 * Reads a string from git's configuration ("core.pager"), as git reads
 * it: the repository's own config over the user's and the system's; with
 * pf NULL (no portfolio), the user's and the system's alone.  *out is
 * NULL when unset.  PL_ERROR when a config file cannot be read.  The
 * caller frees *out.
 */
int	 pl_portfolio_git_config_string(char **out, struct pl_portfolio *pf,
	    const char *key) PL_WUR;

/*
 * The identity and time new commits get, by git's rules: --author (set
 * here as "Name <email>"), GIT_AUTHOR_NAME, _EMAIL, _DATE, then
 * user.name, user.email (and EMAIL) from git config; the committer from
 * GIT_COMMITTER_* and the same config, else, when none of them says
 * anything, the author.  PL_EINVAL for a malformed author.
 */
int	 pl_portfolio_set_author(struct pl_portfolio *, const char *author)
	    PL_WUR;

/*
 * Today's date for new entries: the calendar date of the author time a
 * commit made now would carry (so GIT_AUTHOR_DATE fixes it too), in that
 * time's own UTC offset.
 */
int	 pl_portfolio_today(struct pl_date *out, struct pl_portfolio *) PL_WUR;

/*
 * Today without a portfolio, as pl_portfolio_today() reads it:
 * GIT_AUTHOR_DATE's day when set (PL_EINVAL when it is not a date),
 * else the clock's in the local time zone.
 */
int	 pl_today(struct pl_date *out) PL_WUR;

/*
 * The top folder of the portfolio whose working tree holds dir (a folder
 * that exists), outside dir's own repository: a repository found from
 * dir's parent up whose HEAD has .plconfig.  NULL when there is none or
 * it cannot be told.  The caller frees.
 */
char	*pl_portfolio_outer(const char *dir);

/*
 * Registers pl as git's merge driver for portfolio files (pl/store/driver.h):
 * writes merge.pl.name and merge.pl.driver to the repository's own
 * config (never the user's), each only when the repository's config does
 * not set it already: a driver a person set by hand stays.  Also
 * pull.rebase = false there, unless some level of git's config sets
 * pull.rebase, so that a plain "git pull" merges.  PL_ERROR when the
 * config cannot be read or written.
 */
int	 pl_portfolio_register_driver(struct pl_portfolio *) PL_WUR;

/*
 * Takes the write lock now, before the command reads anything, and
 * holds it until pl_portfolio_free(): the portfolio moves to HEAD as it
 * is under the lock, and the transactions of this command use it.  A
 * command that lost a race (PL_ECONFLICT) runs again this way, and then
 * cannot lose it.  PL_ELOCKED ("busy") as pl_tx_begin().
 */
int	 pl_portfolio_hold(struct pl_portfolio *) PL_WUR;

/*
 * What the person should be told that is not an error, such as a stale
 * lock taken over ("took over '.git/pl.lock' from pl (pid 7)...").
 * Borrowed.
 */
const struct pl_strlist *pl_portfolio_notes(const struct pl_portfolio *);

/* Internal to lib/: the libgit2 objects behind a portfolio. */
struct git_repository;
struct git_tree;
struct git_repository *pl_portfolio_repo(struct pl_portfolio *);
struct git_tree *pl_portfolio_tree(struct pl_portfolio *);

#endif
