/*
 * The portfolio as the store's own files see it (lib/store/portfolio.c
 * opens and reads it; identity.c, advance.c and create.c fill in the
 * rest) and what the write path and the readers of entries use of it:
 * the path rule, where HEAD was, what was read, the lock held.
 */
#ifndef PL_STORE_PORTFOLIO_PRIVATE_H
#define PL_STORE_PORTFOLIO_PRIVATE_H

#include <git2.h>

#include "pl/store/portfolio.h"

/*
 * repo is NULL only early in pl_portfolio_create(), tree while HEAD is
 * unborn.  at_head: tree is HEAD's, so writes may follow.  when and off
 * (minutes) are the author time of a commit made now, fixed once
 * have_when is set.
 */
struct pl_portfolio {
	git_repository	*repo;
	git_tree	*tree;
	git_oid		 head;		/* HEAD when read */
	git_oid		 commit;	/* the commit whose tree is read */
	git_time_t	 commit_time;	/* its committer time */
	int		 commit_off;
	int		 born;		/* head is set */
	int		 at_head;
	git_config	*settings;	/* snapshot of .plconfig */
	git_oid		 settings_id;	/* its blob */
	char		*author_name;	/* from --author, else NULL */
	char		*author_email;
	int		 have_when;
	git_time_t	 when;
	int		 off;
	struct pl_read	*reads;		/* what was read */
	size_t		 nreads;
	size_t		 capreads;
	struct pl_strlist notes;
	struct pl_lock	*held;		/* pl_portfolio_hold()'s */
	int		 held_committed;
	char		*made;		/* pl_portfolio_create()'s */
	git_tree	*folder;	/* held_folder()'s, of tree folder_root */
	char		*folder_name;
	git_oid		 folder_root;
};

/*
 * A portfolio with nothing read yet, holding a libgit2 reference
 * (pl_lib_init() taken by the caller) that pl_portfolio_free() drops.
 */
struct pl_portfolio *pl_portfolio_new(void);

/*
 * The settings of tree: *out NULL when they are the blob p has already.
 * PL_ENOTPORTFOLIO without a settings file, PL_EPARSE for a bad one.
 */
int	 pl_portfolio_settings_read(git_config **out, git_oid *id,
	    struct pl_portfolio *p, git_tree *tree) PL_WUR;

/*
 * 0 when path is a plain relative path ("goals/x.md"); else PL_EUNSAFE
 * with "unsafe path '<path>'": empty, absolute, "." or ".." or ".git" or
 * empty components, backslashes or control characters.
 */
int	 pl_path_check(const char *path) PL_WUR;

/* HEAD's commit when the portfolio was read, or NULL when unborn. */
const git_oid *pl_portfolio_head(const struct pl_portfolio *);

/* 1 when the portfolio was read at HEAD rather than another revision. */
int	 pl_portfolio_at_head(const struct pl_portfolio *);

/*
 * Optimistic concurrency: every path read from the tree is remembered
 * with the object it had.  When HEAD has moved by the time a transaction
 * holds the lock, this checks that none of them differs in HEAD's tree
 * now; PL_ELOCKED ("changed meanwhile; try again") when one does.
 */
int	 pl_portfolio_check_reads(struct pl_portfolio *, git_tree *now)
	    PL_WUR;

/* Forgets what was read: a commit just made supersedes it. */
void	 pl_portfolio_forget_reads(struct pl_portfolio *);

/*
 * The lock pl_portfolio_hold() took, or NULL; pl_portfolio_free()
 * releases it.  A transaction uses it rather than taking its own.
 */
struct pl_lock *pl_portfolio_held(struct pl_portfolio *);

/* Says that a change was committed under the held lock. */
void	 pl_portfolio_held_committed(struct pl_portfolio *);

/*
 * pl_portfolio_read() in two halves, so that entries can be read on
 * several threads: _locate() looks path up in the tree, remembers the
 * read and refuses links, submodules and folders as _read() does, and
 * must run on the portfolio's thread; _read_blob() reads the object id
 * from repo, which only one thread may use, naming path in its errors.
 */
int	 pl_portfolio_locate(git_oid *out, struct pl_portfolio *,
	    const char *path) PL_WUR;
int	 pl_portfolio_read_blob(struct pl_buf *out, git_repository *repo,
	    const git_oid *id, const char *path) PL_WUR;

/*
 * The refusal pl_portfolio_locate() gives for a file of mode at path:
 * PL_EUNSAFE for a link or a submodule, PL_ENOTFOUND for a folder, else
 * 0.
 */
int	 pl_portfolio_mode_check(const char *path, git_filemode_t mode)
	    PL_WUR;

/* A file of a folder: its name without the suffix, object and mode. */
struct pl_folder_file {
	const char	*name;
	git_oid		 id;
	git_filemode_t	 mode;
};

/* The files of a folder, sorted by name; names holds the names. */
struct pl_folder {
	struct pl_folder_file	*v;
	size_t			 n;
	char			*names;
};

/*
 * pl_portfolio_list() with each file's object and mode, from one reading
 * of the folder's tree, so that no file needs a lookup of its own.  The
 * read noted is the folder's: its tree id stands for every file in it.
 * *out is empty on failure; the caller releases it with
 * pl_folder_release().
 */
int	 pl_portfolio_folder(struct pl_folder *out, struct pl_portfolio *,
	    const char *dir, const char *suffix) PL_WUR;

/*
 * pl_portfolio_folder() in two halves, so that a listing kept by tree id
 * can stand for the second: the id of folder dir's tree (*found 0 when
 * there is no such folder), noting the read when note is 1; then the
 * listing of that tree (dir names it in errors).
 */
int	 pl_portfolio_folder_id(git_oid *out, int *found,
	    struct pl_portfolio *, const char *dir, int note) PL_WUR;

/*
 * Remembers that path had object id (NULL: none) when read, as
 * pl_portfolio_locate() does, for a file found by other means.
 */
void	 pl_portfolio_note_read(struct pl_portfolio *, const char *path,
	    const git_oid *id);
int	 pl_portfolio_folder_read(struct pl_folder *out,
	    struct pl_portfolio *, const char *dir, const git_oid *tree,
	    const char *suffix) PL_WUR;

void	 pl_folder_release(struct pl_folder *);

/* portfolio.lockTimeout in .plconfig, in ms (default 5 s). */
int	 pl_portfolio_lock_timeout(unsigned *ms, struct pl_portfolio *) PL_WUR;

/* Notes for the person ("took over a stale lock"), printed by cmd/. */
struct pl_strlist *pl_portfolio_notes_list(struct pl_portfolio *);

#endif
