/*
 * What lib/store/portfolio.c and lib/store/tx.c share and nothing outside lib/ may
 * use: the path rule both apply, the identity a commit gets, and the
 * transaction pl_portfolio_init() makes on a repository with no commits.
 */
#ifndef PL_INTERNAL_H
#define PL_INTERNAL_H

#include <git2.h>

#include "pl/store/portfolio.h"
#include "pl/store/tx.h"

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
 * The author and committer a commit made now gets (see
 * pl_portfolio_set_author()); with no committer configured at all, the
 * committer is the author.  PL_EIDENTITY without a name or email,
 * PL_EINVAL for a bad GIT_*_DATE or a name git refuses.  The caller frees
 * both with git_signature_free().
 */
int	 pl_portfolio_signatures(git_signature **author,
	    git_signature **committer, struct pl_portfolio *) PL_WUR;

/*
 * What moving the portfolio to a commit just made needs, read before the
 * branch moves so that the move itself cannot fail.
 */
struct pl_advance {
	git_oid		 id;
	git_tree	*tree;
	git_config	*settings;	/* NULL: unchanged */
	git_oid		 settings_id;
};

/* Reads the commit id and its settings into a; PL_EPARSE for bad ones. */
int	 pl_portfolio_advance_prepare(struct pl_advance *a,
	    struct pl_portfolio *, const git_oid *id) PL_WUR;

/* Moves the portfolio to a's commit, taking what a holds.  Cannot fail. */
void	 pl_portfolio_advance(struct pl_portfolio *, struct pl_advance *a);

/* Frees what a holds, when the move did not happen. */
void	 pl_advance_release(struct pl_advance *a);

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

/* portfolio.lockTimeout in .plconfig, in ms (default 5 s). */
int	 pl_portfolio_lock_timeout(unsigned *ms, struct pl_portfolio *) PL_WUR;

/* Notes for the person ("took over a stale lock"), printed by cmd/. */
struct pl_strlist *pl_portfolio_notes_list(struct pl_portfolio *);

/*
 * The lock a transaction holds (lib/store/lock.c): pl.lock, with its journal of
 * temporary files, and git's index.lock, both taken waiting at most
 * timeout_ms; PL_ELOCKED ("busy") after that.  A lock left by a pl that
 * died on this host is taken over, a line for notes saying so.  While it
 * is held, INT, TERM, HUP and QUIT are caught (see pl_lock_check()).
 */
struct pl_lock;
int	 pl_lock_take(struct pl_lock **out, git_repository *repo,
	    unsigned timeout_ms, struct pl_strlist *notes) PL_WUR;

/*
 * Records path, about to be made, for removal on release or takeover;
 * PL_ERROR when the record cannot be written (then nothing may be made).
 */
int	 pl_lock_temp(struct pl_lock *, const char *path) PL_WUR;

/* Records a folder about to be made, removed on release when empty. */
int	 pl_lock_dir(struct pl_lock *, const char *path) PL_WUR;

/*
 * Journals, just before the branch moves, what finishing the commit will
 * rename: from (a temporary file) to its place, whose blob was old (hex,
 * "-" for no file, "index" for the index).  Then pl_lock_commit() says
 * which commit on which branch: a pl that finds this journal of a dead
 * process and the branch at that commit does the renames itself.
 */
int	 pl_lock_move(struct pl_lock *, const char *from, const char *to,
	    const char *old) PL_WUR;
int	 pl_lock_commit(struct pl_lock *, const char *branch,
	    const git_oid *id) PL_WUR;

/*
 * Journals, as pl_lock_move() does, that finishing the commit will remove
 * the working file path, whose blob is old (hex): a pl that finishes a
 * dead one's commit removes it only if it still has that blob.
 */
int	 pl_lock_remove(struct pl_lock *, const char *path, const char *old)
	    PL_WUR;

/*
 * Removes the working file full and the folders that leaves empty, up to
 * the working tree's top.  0, or -1 with errno when the file stays; a
 * file already gone is removed.
 */
int	 pl_lock_unlink(git_repository *repo, const char *full);

/* PL_ERROR ("interrupted") once a signal was caught, else 0. */
int	 pl_lock_check(void) PL_WUR;

/* Takes index.lock again (a held lock's next transaction), waiting. */
int	 pl_lock_index(struct pl_lock *, unsigned timeout_ms) PL_WUR;

/*
 * Ends a transaction under a lock that stays held: removes what it
 * recorded, releases index.lock, and starts the journal anew.
 */
void	 pl_lock_clean(struct pl_lock *);

/* Releases index.lock, once the new index is in place. */
void	 pl_lock_index_done(struct pl_lock *);

/*
 * Removes every temporary file and folder recorded, then the locks, and
 * puts the signal handlers back; a signal caught meanwhile is raised
 * again unless committed (a change made is finished, not undone).
 */
void	 pl_lock_release(struct pl_lock *, int committed);

/* The most pl converts in memory for .gitattributes (lib/store/blob.c). */
#define PL_FILTER_MAX	(256 << 20)

/*
 * Copies the open file src to the open file dst, the working file of
 * path (relative to the working tree) under a temporary name, fsyncs it,
 * and stores the blob git would store for path in *out: as it is, or
 * through the clean command of its filter driver, or through git's
 * line-ending and ident conversions, as .gitattributes says.  Streams
 * unless a conversion that works in memory applies (at most
 * PL_FILTER_MAX).  Checks pl_lock_check() between chunks.
 */
int	 pl_blob_copy(git_oid *out, git_repository *repo, const char *path,
	    int src, const char *src_name, int dst, const char *dst_name)
	    PL_WUR;

/*
 * pl_tx_begin() for pl_portfolio_init(): HEAD must be an unborn branch,
 * which the commit creates.
 */
int	 pl_tx_begin_init(struct pl_tx **out, struct pl_portfolio *) PL_WUR;

/*
 * Parses a date as git takes it in GIT_AUTHOR_DATE: "[@]<unix> [+hhmm]",
 * RFC 2822, ISO 8601 (lib/store/gitdate.c).  A date without a zone is in the
 * local zone.  0, or -1 for text git would refuse and for a time the
 * commit header cannot hold: before 1970 or after 2106-02-07T06:28:15Z
 * (libgit2 writes 32 bits), so never a year outside 1000 to 9999.
 */
int	 pl_git_date_parse(git_time_t *t, int *off, const char *s);

/* The local zone's UTC offset at t, in minutes (tm_gmtoff is not POSIX). */
int	 pl_local_offset(time_t t);

/*
 * Looks at dir before something is made there: 0 when it does not exist,
 * 1 when it is a folder, with *git set when it holds .git and *other when
 * it holds anything else; PL_EEXISTS when it is not a folder, PL_ERROR
 * when it cannot be read.
 */
int	 pl_dir_probe(const char *dir, int *git, int *other) PL_WUR;

/*
 * What the credentials callback of a clone or a fetch has tried, so that
 * it never offers the same thing twice: ssh-agent, then the URL's
 * user:password.  url is the remote's URL as the person gave it.
 */
struct pl_cred {
	const char	*url;
	int		 agent;		/* ssh-agent asked */
	int		 userpass;	/* the URL's user:password given */
	int		 failed;	/* nothing more to try: GIT_EAUTH */
};

/*
 * The URL for messages, its password left out: "https://ana:secret@h/"
 * as "https://ana@h/".  The caller frees.
 */
char	*pl_url_shown(const char *url);

/* The n bytes of a URL's part at s, %XX decoded.  The caller frees. */
char	*pl_url_decode(const char *s, size_t n);

/* Sets cb's credentials callback (lib/sync/clone.c), c its state. */
void	 pl_remote_callbacks(git_remote_callbacks *cb, struct pl_cred *c);

/*
 * What a clone or a sync leaves while it works (lib/sync/clone.c): a folder
 * or file named with a tag (pl_tmp_tag(), or an older pl's pid), locked
 * with flock(2) (pl_leftover_hold()) for as long as it works; the next
 * pl removes it when pl_tmp_gone() says its maker is gone, the rule for
 * every temporary file of pl's.
 */

/* Opens path and holds flock(2) on it; -1 when it cannot (no hold). */
int	 pl_leftover_hold(const char *path);

/*
 * The folder a remote's URL names when libgit2 takes it as a repository
 * on this machine (a file:// URL, or a path to a folder with no ':'), or
 * NULL.  The caller frees.
 */
char	*pl_url_local_path(const char *url);

/*
 * Pushes tip to ref ("refs/heads/main") of the bare repository at path
 * (lib/sync/push-local.c) as a compare-and-swap: the ref moves from old (NULL:
 * it must not exist) to tip, or not at all.  0 when pushed, 1 when the
 * ref was not at old (another push moved it), else libgit2's error
 * (git_error_last() says why).  The objects sent may stay unreachable
 * in the remote's packs when the ref does not move.
 */
int	 pl_push_local(git_repository *repo, const char *path,
	    const char *ref, const git_oid *tip, const git_oid *old) PL_WUR;

#endif
