/*
 * The one write path, in git's order: take the locks (pl.lock, then git's
 * index.lock, for the whole transaction); do everything that can fail
 * (blobs, tree, commit; the working files under temporary names; the new
 * index beside the old one; all fsynced); move the branch with a
 * compare-and-swap on its old value; then only renames remain.  A commit
 * is made from HEAD's tree and the staged files alone, so whatever else
 * the person has staged or edited stays exactly as it was.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>
#include <git2/sys/repository.h>

#include "pl/base/text.h"
#include "pl/store/tx.h"
#include "store/advance.h"
#include "store/blob.h"
#include "store/identity.h"
#include "store/lock.h"
#include "store/portfolio.h"
#include "store/tx.h"
#include "store/sign.h"
#include "store/git.h"

/*
 * A staged file: data pl made (blob and working file written at commit
 * time), an attached file already stored and copied to tmp, or a file to
 * remove.
 */
struct staged {
	char		*path;
	char		*data;
	size_t		 len;
	git_filemode_t	 mode;
	git_oid		 id;
	char		*tmp;		/* the working file, for now */
	struct stat	 st;		/* of tmp, for its index entry */
	int		 remove;	/* removed, not written */
};

struct pl_tx {
	struct pl_portfolio	*p;
	git_repository		*repo;
	struct pl_lock		*lock;
	char			*branch;	/* the ref HEAD names */
	git_index		*index;		/* at newindex */
	char			*newindex;
	char			*tmpdir;	/* for temporary files */
	int			 committed;
	int			 borrowed;	/* the portfolio's lock */
	git_oid			 other;		/* a merge's second parent,
						   or where to fast-forward */
	int			 merge, ff;
	struct staged		*v;
	size_t			 n;
	size_t			 cap;
};

static void
staged_clear(struct pl_tx *tx)
{
	size_t	i;

	for (i = 0; i < tx->n; i++) {
		free(tx->v[i].path);
		free(tx->v[i].data);
		free(tx->v[i].tmp);
	}
	tx->n = 0;
}

void
pl_tx_free(struct pl_tx *tx)
{
	if (tx == NULL)
		return;
	if (tx->index != NULL) {
		/* The repository reads its own index again when asked. */
		git_repository_set_index(tx->repo, NULL);
		git_index_free(tx->index);
	}
	staged_clear(tx);
	free(tx->v);
	free(tx->newindex);
	free(tx->tmpdir);
	free(tx->branch);
	/* Last: it removes what is left and may raise a caught signal. */
	if (tx->borrowed)
		pl_lock_clean(tx->lock);
	else
		pl_lock_release(tx->lock, tx->committed);
	free(tx);
}

/* git's own operations in progress, which a commit would cut into. */
static int
state_check(struct pl_tx *tx)
{
	static const struct {
		int		 state;
		const char	*what;
	} states[] = {
		{ GIT_REPOSITORY_STATE_MERGE, "a merge ('git merge --abort' "
		    "or 'git commit')" },
		{ GIT_REPOSITORY_STATE_REVERT, "a revert" },
		{ GIT_REPOSITORY_STATE_REVERT_SEQUENCE, "a revert" },
		{ GIT_REPOSITORY_STATE_CHERRYPICK, "a cherry-pick" },
		{ GIT_REPOSITORY_STATE_CHERRYPICK_SEQUENCE, "a cherry-pick" },
		{ GIT_REPOSITORY_STATE_REBASE, "a rebase" },
		{ GIT_REPOSITORY_STATE_REBASE_INTERACTIVE, "a rebase" },
		{ GIT_REPOSITORY_STATE_REBASE_MERGE, "a rebase" },
		{ GIT_REPOSITORY_STATE_APPLY_MAILBOX, "'git am'" },
		{ GIT_REPOSITORY_STATE_APPLY_MAILBOX_OR_REBASE, "'git am' or a "
		    "rebase" },
	};
	int	state = git_repository_state(tx->repo);
	size_t	i;

	for (i = 0; i < sizeof states / sizeof states[0]; i++)
		if (states[i].state == state)
			return pl_error_set(PL_EHEAD, "%s is in progress; "
			    "finish or abort it first", states[i].what);
	return 0;
}

/*
 * HEAD moved between reading the portfolio and taking the lock (another
 * writer went first): the change still applies when nothing it read has
 * changed since, and then it is made on top of the new HEAD.
 */
static int
catch_up(struct pl_tx *tx, const git_oid *now)
{
	struct pl_advance	 a;
	int			 err;

	if ((err = pl_portfolio_advance_prepare(&a, tx->p, now)) != 0)
		return err;
	if ((err = pl_portfolio_check_reads(tx->p, a.tree)) != 0) {
		pl_advance_release(&a);
		return err;
	}
	pl_portfolio_advance(tx->p, &a);
	return 0;
}

static int
head_check(struct pl_tx *tx, int init)
{
	git_reference	*head = NULL;
	const git_oid	*want = pl_portfolio_head(tx->p);
	git_oid		 id;
	int		 rc, err = 0;

	if ((rc = git_reference_lookup(&head, tx->repo, "HEAD")) < 0) {
		err = pl_error_git(rc, "cannot read HEAD");
		goto done;
	}
	if (git_reference_type(head) != GIT_REFERENCE_SYMBOLIC ||
	    strncmp(git_reference_symbolic_target(head), "refs/heads/",
	    11) != 0) {
		err = pl_error_set(PL_EHEAD, "HEAD is detached; check out a "
		    "branch first");
		goto done;
	}
	tx->branch = pl_xstrdup(git_reference_symbolic_target(head));
	rc = git_reference_name_to_id(&id, tx->repo, "HEAD");
	if (rc < 0 && rc != GIT_ENOTFOUND) {
		err = pl_error_git(rc, "cannot read HEAD");
		goto done;
	}
	if (rc < 0 && !init)
		err = pl_error_set(PL_EHEAD, "HEAD is an unborn branch ('%s' "
		    "has no commits)", tx->branch + 11);
	else if (rc == 0 && want == NULL)
		err = pl_error_set(PL_ELOCKED, "'%s' was made meanwhile "
		    "(another commit); nothing was committed", tx->branch + 11);
	else if (rc == 0 && !git_oid_equal(&id, want))
		err = catch_up(tx, &id);
done:
	git_reference_free(head);
	return err;
}

static int
begin(struct pl_tx **out, struct pl_portfolio *p, int init)
{
	git_repository	*repo = pl_portfolio_repo(p);
	struct pl_tx	*tx;
	unsigned	 ms;
	int		 err;

	*out = NULL;
	if (git_repository_is_bare(repo))
		return pl_error_set(PL_ENOTPORTFOLIO, "'%.*s' is a bare "
		    "repository; this command needs a working tree",
		    (int)strlen(git_repository_path(repo)) - 1,
		    git_repository_path(repo));
	if (!pl_portfolio_at_head(p))
		return pl_error_set(PL_EINVAL, "the portfolio was read at "
		    "another revision than HEAD; changes go on HEAD only");
	if ((err = pl_portfolio_lock_timeout(&ms, p)) != 0)
		return err;
	tx = pl_xcalloc(1, sizeof *tx);
	tx->p = p;
	tx->repo = repo;
	/* The locks first, so HEAD cannot move between check and commit. */
	if ((tx->lock = pl_portfolio_held(p)) != NULL) {
		tx->borrowed = 1;
		err = pl_lock_index(tx->lock, ms);
	} else
		err = pl_lock_take(&tx->lock, repo, ms,
		    pl_portfolio_notes_list(p));
	if (err != 0 ||
	    (err = state_check(tx)) != 0 ||
	    (err = head_check(tx, init)) != 0) {
		pl_tx_free(tx);
		return err;
	}
	*out = tx;
	return 0;
}

int
pl_tx_begin(struct pl_tx **out, struct pl_portfolio *p)
{
	return begin(out, p, 0);
}

int
pl_tx_begin_init(struct pl_tx **out, struct pl_portfolio *p)
{
	return begin(out, p, 1);
}

/*
 * Writing through a symbolic link could leave the portfolio, so no folder
 * on the way may be one, nor the file itself.
 */
static int
worktree_check(struct pl_tx *tx, const char *path)
{
	const char	*wd = git_repository_workdir(tx->repo);
	const char	*slash = path;
	char		*full;
	struct stat	 st;
	int		 err = 0, last;

	do {
		slash = strchr(slash, '/');
		last = slash == NULL;
		full = pl_xasprintf("%s%.*s", wd, last ? (int)strlen(path) :
		    (int)(slash - path), path);
		if (lstat(full, &st) == -1) {
			if (errno != ENOENT)
				err = pl_error_set(PL_ERROR, "cannot read "
				    "'%s': %s", full, strerror(errno));
			free(full);
			return err;
		}
		if (S_ISLNK(st.st_mode))
			err = last ? pl_error_set(PL_EUNSAFE, "unsafe path "
			    "'%s': it is a symbolic link", path) :
			    pl_error_set(PL_EUNSAFE, "unsafe path '%s': '%.*s' "
			    "is a symbolic link", path, (int)(slash - path),
			    path);
		else if (!last && !S_ISDIR(st.st_mode))
			err = pl_error_set(PL_EEXISTS, "'%.*s' exists and is "
			    "not a folder", (int)(slash - path), path);
		else if (last && S_ISDIR(st.st_mode))
			err = pl_error_set(PL_EEXISTS, "'%s' is a folder",
			    path);
		else if (last && !S_ISREG(st.st_mode))
			err = pl_error_set(PL_EUNSAFE, "unsafe path '%s': not "
			    "a regular file", path);
		free(full);
	} while (err == 0 && !last && *++slash != '\0');
	return err;
}

/*
 * The index, read once per transaction, as a copy beside it (a hard
 * link, which libgit2's write then replaces): changed and written there,
 * it takes the index's place only after the branch has moved.  It is
 * the repository's index meanwhile, so libgit2 smudges racily clean
 * entries as git does when it writes it.
 */
/* Where hard links are not to be had, a copy. */
static int
index_copy(const char *to, const char *from)
{
	struct pl_buf	 b = PL_BUF_INIT;
	int		 fd, err;

	if ((err = pl_read_file(&b, from)) != 0)
		goto done;
	if ((fd = open(to, O_WRONLY | O_CREAT | O_EXCL, 0666)) == -1) {
		err = pl_error_set(PL_ERROR, "cannot write '%s': %s", to,
		    strerror(errno));
		goto done;
	}
	err = pl_write_all(fd, b.ptr, b.len, to, pl_lock_check);
	if (close(fd) == -1 && err == 0)
		err = pl_error_set(PL_ERROR, "cannot write '%s': %s", to,
		    strerror(errno));
done:
	pl_buf_release(&b);
	return err;
}

static int
index_load(struct pl_tx *tx)
{
	const char	*gitdir = git_repository_path(tx->repo);
	char		*cur, *lock, *tag;
	int		 rc, err = 0;

	if (tx->index != NULL)
		return 0;
	cur = pl_xasprintf("%sindex", gitdir);
	/* threads of one process may each write: one name per call */
	tag = pl_tmp_tag();
	tx->newindex = pl_xasprintf("%spl-index.%s", gitdir, tag);
	lock = pl_xasprintf("%s.lock", tx->newindex);
	if ((err = pl_lock_temp(tx->lock, tx->newindex)) != 0 ||
	    (err = pl_lock_temp(tx->lock, lock)) != 0)
		goto done;
	/* no index yet (a new repository): libgit2 makes one */
	if (link(cur, tx->newindex) == -1 && errno != ENOENT &&
	    access(cur, F_OK) == 0 &&
	    (err = index_copy(tx->newindex, cur)) != 0)
		goto done;
	if ((rc = git_index_open(&tx->index, tx->newindex)) < 0 ||
	    (rc = git_repository_set_index(tx->repo, tx->index)) < 0)
		err = pl_error_git(rc, "cannot read the index");
done:
	free(cur);
	free(lock);
	free(tag);
	return err;
}

/* 1 when the working file is what HEAD has (hashed through filters). */
static int
worktree_same(struct pl_tx *tx, const char *path, const git_oid *want)
{
	char	*full = pl_xasprintf("%s%s", git_repository_workdir(tx->repo),
		    path);
	git_oid	 id;
	int	 same;

	same = git_repository_hashfile(&id, tx->repo, full, GIT_OBJECT_BLOB,
	    path) == 0 && git_oid_equal(&id, want);
	free(full);
	return same;
}

/*
 * pl rewrites whole files, so it must not overwrite what is not
 * committed: the index entry and the working file must both be HEAD's.
 */
static int
status_check(struct pl_tx *tx, const char *path)
{
	git_tree		*tree = pl_portfolio_tree(tx->p);
	git_tree_entry		*head = NULL;
	const git_index_entry	*ie;
	struct stat		 st;
	char			*full;
	int			 err = 0, exists, stage, dirty = 0;

	if ((err = index_load(tx)) != 0)
		return err;
	if (tree != NULL && git_tree_entry_bypath(&head, tree, path) != 0)
		head = NULL;
	ie = git_index_get_bypath(tx->index, path, 0);
	for (stage = 1; stage <= 3; stage++)
		dirty |= git_index_get_bypath(tx->index, path, stage) != NULL;
	if (head != NULL && ie != NULL)
		dirty |= !git_oid_equal(&ie->id, git_tree_entry_id(head)) ||
		    ie->mode != (uint32_t)git_tree_entry_filemode(head);
	else
		dirty |= (head == NULL) != (ie == NULL);
	full = pl_xasprintf("%s%s", git_repository_workdir(tx->repo), path);
	exists = lstat(full, &st) == 0;
	free(full);
	if (head == NULL && ie == NULL && exists)
		err = pl_error_set(PL_EDIRTY, "'%s' exists but is not "
		    "committed; move it away first", path);
	else if (dirty || (head != NULL && (!exists ||
	    !worktree_same(tx, path, git_tree_entry_id(head)))))
		err = pl_error_set(PL_EDIRTY, "'%s' has uncommitted changes; "
		    "commit or stash them first", path);
	git_tree_entry_free(head);
	return err;
}

/* A place for path's staged file; a path staged again is replaced. */
static struct staged *
stage(struct pl_tx *tx, const char *path)
{
	struct staged	*s;
	size_t		 i;

	for (i = 0; i < tx->n; i++)
		if (strcmp(tx->v[i].path, path) == 0) {
			s = &tx->v[i];
			free(s->data);
			if (s->tmp != NULL)
				unlink(s->tmp);
			free(s->tmp);
			s->data = s->tmp = NULL;
			s->remove = 0;
			return s;
		}
	if (tx->n == tx->cap) {
		tx->cap = tx->cap ? tx->cap * 2 : 4;
		tx->v = pl_xrealloc(tx->v, tx->cap * sizeof *tx->v);
	}
	s = &tx->v[tx->n++];
	memset(s, 0, sizeof *s);
	s->path = pl_xstrdup(path);
	return s;
}

static int
put_check(struct pl_tx *tx, const char *path)
{
	int	err;

	if ((err = pl_path_check(path)) != 0 ||
	    (err = worktree_check(tx, path)) != 0 ||
	    (err = status_check(tx, path)) != 0)
		return err;
	return 0;
}

int
pl_tx_put_mode(struct pl_tx *tx, const char *path, const char *data,
    size_t len, int executable)
{
	struct staged	*s;
	int		 err;

	if ((err = put_check(tx, path)) != 0)
		return err;
	s = stage(tx, path);
	s->data = pl_xmalloc(len + 1);
	if (len > 0)
		memcpy(s->data, data, len);
	s->data[len] = '\0';
	s->len = len;
	s->mode = executable ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB;
	return 0;
}

int
pl_tx_put(struct pl_tx *tx, const char *path, const char *data, size_t len)
{
	return pl_tx_put_mode(tx, path, data, len, 0);
}

int
pl_tx_merge(struct pl_tx *tx, const char *other, int fast_forward)
{
	if (git_oid_fromstr(&tx->other, other) < 0)
		return pl_error_set(PL_EINVAL, "'%s' is not a commit id",
		    other);
	tx->merge = !fast_forward;
	tx->ff = fast_forward;
	return 0;
}

/*
 * The commit a fast-forward moves to, checked to have the tree made
 * from HEAD's and the staged files, so the working tree and index
 * written for those are the commit's.
 */
static int
ff_check(struct pl_tx *tx, git_tree *tree)
{
	git_commit	*c = NULL;
	int		 rc, same;

	if ((rc = git_commit_lookup(&c, tx->repo, &tx->other)) < 0)
		return pl_error_git(rc, "cannot read the commit to move to");
	same = git_oid_equal(git_commit_tree_id(c), git_tree_id(tree));
	git_commit_free(c);
	return same ? 0 : pl_error_set(PL_ERROR, "the files staged do not "
	    "make the tree of the commit to move to");
}

int
pl_tx_remove(struct pl_tx *tx, const char *path)
{
	git_tree	*tree = pl_portfolio_tree(tx->p);
	git_tree_entry	*e = NULL;
	int		 blob, err;

	if ((err = pl_path_check(path)) != 0)
		return err;
	blob = tree != NULL && git_tree_entry_bypath(&e, tree, path) == 0 &&
	    git_tree_entry_type(e) == GIT_OBJECT_BLOB;
	git_tree_entry_free(e);
	if (!blob)
		return pl_error_set(PL_ENOTFOUND, "'%s' is not a committed "
		    "file", path);
	if ((err = put_check(tx, path)) != 0)
		return err;
	stage(tx, path)->remove = 1;
	return 0;
}

/* Makes the folders of path below the working tree, refusing links. */
static int
folders_make(struct pl_tx *tx, const char *path)
{
	const char	*wd = git_repository_workdir(tx->repo);
	const char	*slash;
	char		*dir;
	struct stat	 st;
	int		 err = 0;

	for (slash = strchr(path, '/'); err == 0 && slash != NULL;
	    slash = strchr(slash + 1, '/')) {
		dir = pl_xasprintf("%s%.*s", wd, (int)(slash - path), path);
		if (lstat(dir, &st) == -1 && errno == ENOENT) {
			if ((err = pl_lock_dir(tx->lock, dir)) == 0 &&
			    mkdir(dir, 0777) == -1)
				err = pl_error_set(PL_ERROR, "cannot make "
				    "'%s': %s", dir, strerror(errno));
		} else if (lstat(dir, &st) == -1 || !S_ISDIR(st.st_mode))
			err = pl_error_set(PL_EUNSAFE, "unsafe path '%s': "
			    "'%.*s' is not a folder", path,
			    (int)(slash - path), path);
		free(dir);
	}
	return err;
}

/*
 * Temporary files go in the git folder, where git status does not see
 * them even when a SIGKILL leaves one, when it is on the same file
 * system as the working tree (a rename can then put them in place);
 * else beside their places, as hidden files.
 */
static char *
tmp_dir(struct pl_tx *tx, const char *path)
{
	const char	*gitdir = git_repository_path(tx->repo);
	const char	*wd = git_repository_workdir(tx->repo);
	const char	*slash = strrchr(path, '/');
	struct stat	 g, w;

	if (tx->tmpdir == NULL)
		tx->tmpdir = pl_xstrdup(stat(gitdir, &g) == 0 &&
		    stat(wd, &w) == 0 && g.st_dev == w.st_dev ? gitdir : "");
	if (*tx->tmpdir != '\0')
		return pl_xasprintf("%spl-tmp-", tx->tmpdir);
	return pl_xasprintf("%s%.*s.pl-tmp-", wd,
	    slash != NULL ? (int)(slash - path) + 1 : 0, path);
}

/*
 * Opens a new temporary file for path's working file, recorded so that
 * it goes away on failure or after a crash.
 */
static int
tmp_open(int *fd, struct staged *s, struct pl_tx *tx, unsigned mode)
{
	char	*prefix, *tag;
	int	 err;

	if ((err = folders_make(tx, s->path)) != 0)
		return err;
	prefix = tmp_dir(tx, s->path);
	tag = pl_tmp_tag();
	s->tmp = pl_xasprintf("%s%s", prefix, tag);
	free(prefix);
	free(tag);
	if ((err = pl_lock_temp(tx->lock, s->tmp)) != 0)
		return err;
	if ((*fd = open(s->tmp, O_WRONLY | O_CREAT | O_EXCL, mode)) == -1)
		return pl_error_set(PL_ERROR, "cannot write '%s': %s",
		    s->path, strerror(errno));
	return 0;
}

/* A failure while writing: the message says nothing was committed. */
static int
not_committed(int err)
{
	char	*msg;

	if (err == 0 || strstr(pl_error_last(), "nothing was committed"))
		return err;
	msg = pl_xstrdup(pl_error_last());
	err = pl_error_set(err, "%s; nothing was committed", msg);
	free(msg);
	return err;
}

/* Closes the temporary file, keeping what its index entry needs. */
static int
tmp_close(int fd, struct staged *s, int err)
{
	if (err == 0 && fstat(fd, &s->st) == -1)
		err = pl_error_set(PL_ERROR, "cannot write '%s': %s",
		    s->path, strerror(errno));
	if (close(fd) == -1 && err == 0)
		err = pl_error_set(PL_ERROR, "cannot write '%s': %s",
		    s->path, strerror(errno));
	return err;
}

int
pl_tx_put_file(struct pl_tx *tx, const char *path, const char *src)
{
	struct staged	*s;
	struct stat	 st;
	int		 in, fd, err;

	if ((in = open(src, O_RDONLY)) == -1)
		return errno == ENOENT ? pl_error_set(PL_ENOTFOUND, "'%s' does "
		    "not exist", src) : pl_error_set(PL_ERROR, "cannot read "
		    "'%s': %s", src, strerror(errno));
	if (fstat(in, &st) == -1)
		err = pl_error_set(PL_ERROR, "cannot read '%s': %s", src,
		    strerror(errno));
	else if (S_ISDIR(st.st_mode))
		err = pl_error_set(PL_EINVAL, "'%s' is a directory", src);
	else if (!S_ISREG(st.st_mode))
		err = pl_error_set(PL_EINVAL, "'%s' is not a regular file",
		    src);
	else
		err = put_check(tx, path);
	if (err != 0) {
		close(in);
		return err;
	}
	s = stage(tx, path);
	/* As git records it: executable or not, nothing else. */
	s->mode = st.st_mode & S_IXUSR ? GIT_FILEMODE_BLOB_EXECUTABLE :
	    GIT_FILEMODE_BLOB;
	if ((err = tmp_open(&fd, s, tx, s->mode ==
	    GIT_FILEMODE_BLOB_EXECUTABLE ? 0777 : 0666)) == 0)
		err = tmp_close(fd, s, pl_blob_copy(&s->id, tx->repo, path,
		    in, src, fd, s->tmp));
	close(in);
	return err == PL_ERROR ? not_committed(err) : err;
}

void
pl_msg_format(struct pl_buf *out, const struct pl_msg *m)
{
	size_t	i, n;

	/*
	 * Values are checked where they come in; still, a line break in the
	 * subject or sentence would let a value forge a trailer, so none
	 * gets through (pl_text_put_line()).
	 */
	pl_text_put_line(out, m->kind, strlen(m->kind));
	pl_buf_puts(out, ": ");
	if (m->subject != NULL)
		pl_text_put_line(out, m->subject, strlen(m->subject));
	else {
		pl_text_put_line(out, m->action, strlen(m->action));
		pl_buf_putc(out, ' ');
		pl_text_put_line(out, m->id, strlen(m->id));
	}
	pl_buf_puts(out, "\n\n");
	if (m->sentence != NULL && *m->sentence != '\0') {
		/* "...: Read 3 books!." would end twice: a title's own stop */
		n = strlen(m->sentence);
		if (n >= 2 && m->sentence[n - 1] == '.' &&
		    strchr(".!?", m->sentence[n - 2]) != NULL)
			n--;
		pl_text_put_line(out, m->sentence, n);
		pl_buf_puts(out, "\n\n");
	}
	pl_buf_printf(out, "Pl-Kind: %s\nPl-Action: %s\nPl-Id: %s\n",
	    m->kind, m->action, m->id);
	for (i = 0; i < m->trailers.n; i++)
		pl_buf_printf(out, "%s\n", m->trailers.v[i]);
}

/* Writes the blobs of the files pl made; attached ones are stored. */
static int
blobs_make(struct pl_tx *tx)
{
	size_t	i;
	int	rc;

	for (i = 0; i < tx->n; i++)
		if (tx->v[i].data != NULL && (rc = git_blob_create_from_buffer(
		    &tx->v[i].id, tx->repo, tx->v[i].data, tx->v[i].len)) < 0)
			return pl_error_git(rc, "cannot write a file");
	return pl_lock_check();
}

/* 1 when every staged file is already in base as it is staged. */
static int
unchanged(struct pl_tx *tx, git_tree *base)
{
	git_tree_entry	*e;
	size_t		 i;
	int		 same = 1;

	if (base == NULL)
		return 0;
	for (i = 0; same && i < tx->n; i++) {
		if (git_tree_entry_bypath(&e, base, tx->v[i].path) != 0) {
			if (!tx->v[i].remove)
				return 0;
			continue;
		}
		same = !tx->v[i].remove &&
		    git_oid_equal(&tx->v[i].id, git_tree_entry_id(e)) &&
		    git_tree_entry_filemode(e) == tx->v[i].mode;
		git_tree_entry_free(e);
	}
	return same;
}

/* HEAD's tree with the staged files put in; base NULL: from nothing. */
static int
tree_make(git_tree **out, struct pl_tx *tx, git_tree *base)
{
	git_tree_update	*u = pl_xcalloc(tx->n, sizeof *u);
	git_oid		 id;
	size_t		 i;
	int		 rc;

	for (i = 0; i < tx->n; i++) {
		u[i].action = tx->v[i].remove ? GIT_TREE_UPDATE_REMOVE :
		    GIT_TREE_UPDATE_UPSERT;
		u[i].filemode = tx->v[i].mode;
		u[i].path = tx->v[i].path;
		git_oid_cpy(&u[i].id, &tx->v[i].id);
	}
	rc = git_tree_create_updated(&id, tx->repo, base, tx->n, u);
	if (rc == 0)
		rc = git_tree_lookup(out, tx->repo, &id);
	free(u);
	return rc < 0 ? pl_error_git(rc, "cannot write the tree") : 0;
}

/* The working files of what pl made, under temporary names. */
static int
files_write(struct pl_tx *tx)
{
	struct staged	*s;
	size_t		 i;
	int		 fd, err = 0;

	for (i = 0; i < tx->n && err == 0; i++) {
		s = &tx->v[i];
		if (s->data == NULL)
			continue;
		if ((err = tmp_open(&fd, s, tx, s->mode ==
		    GIT_FILEMODE_BLOB_EXECUTABLE ? 0777 : 0666)) != 0)
			break;
		if ((err = pl_write_all(fd, s->data, s->len, s->path,
		    pl_lock_check)) == 0 && fsync(fd) == -1)
			err = pl_error_set(PL_ERROR, "cannot write '%s': %s",
			    s->path, strerror(errno));
		err = tmp_close(fd, s, err);
	}
	return err != 0 ? err : pl_lock_check();
}

/* The index entry of a file whose working file is now tmp. */
static void
entry_fill(git_index_entry *e, const struct staged *s)
{
	memset(e, 0, sizeof *e);
	e->ctime.seconds = (int32_t)s->st.st_ctim.tv_sec;
	e->ctime.nanoseconds = (uint32_t)s->st.st_ctim.tv_nsec;
	e->mtime.seconds = (int32_t)s->st.st_mtim.tv_sec;
	e->mtime.nanoseconds = (uint32_t)s->st.st_mtim.tv_nsec;
	e->dev = (uint32_t)s->st.st_dev;
	e->ino = (uint32_t)s->st.st_ino;
	e->mode = s->mode;
	e->uid = (uint32_t)s->st.st_uid;
	e->gid = (uint32_t)s->st.st_gid;
	e->file_size = (uint32_t)s->st.st_size;
	e->id = s->id;
	e->path = s->path;
}

/* Only these paths' entries change; the rest of the index is the user's. */
static int
index_write(struct pl_tx *tx)
{
	git_index_entry	 e;
	size_t		 i;
	int		 rc = 0, fd, err;

	if ((err = index_load(tx)) != 0)
		return err;
	for (i = 0; i < tx->n && rc == 0; i++) {
		if (tx->v[i].remove) {
			rc = git_index_remove(tx->index, tx->v[i].path, 0);
			continue;
		}
		entry_fill(&e, &tx->v[i]);
		rc = git_index_add(tx->index, &e);
	}
	if (rc == 0)
		rc = git_index_write(tx->index);
	if (rc < 0)
		return pl_error_git(rc, "cannot write the index");
	if ((fd = open(tx->newindex, O_RDONLY)) == -1 || fsync(fd) == -1)
		err = pl_error_set(PL_ERROR, "cannot write the index: %s",
		    strerror(errno));
	if (fd != -1)
		close(fd);
	return err != 0 ? err : pl_lock_check();
}

/*
 * The branch moves only if it is still where it was, and its reflog reads
 * as git's does.  A move reported as failed that happened all the same
 * (libgit2 fsyncs the folder after the rename) counts as made: a change
 * that is committed is never reported as one to try again.
 */
static int
branch_move(struct pl_tx *tx, const git_oid *id, const char *msg,
    const git_signature *committer)
{
	const git_oid	*old = pl_portfolio_head(tx->p);
	git_reference	*ref = NULL;
	git_oid		 now;
	char		*log;
	int		 rc;

	log = pl_xasprintf("commit%s: %.*s", old == NULL ? " (initial)" : "",
	    (int)strcspn(msg, "\n"), msg);
	git_repository_set_ident(tx->repo, committer->name, committer->email);
	if (old != NULL)
		rc = git_reference_create_matching(&ref, tx->repo, tx->branch,
		    id, 1, old, log);
	else
		rc = git_reference_create(&ref, tx->repo, tx->branch, id, 0,
		    log);
	git_repository_set_ident(tx->repo, NULL, NULL);
	git_reference_free(ref);
	free(log);
	if (rc < 0 && git_reference_name_to_id(&now, tx->repo,
	    tx->branch) == 0 && git_oid_equal(&now, id))
		rc = 0;
	if (rc == GIT_EMODIFIED || rc == GIT_EEXISTS)
		return pl_error_set(PL_ECONFLICT, "'%s' moved meanwhile (another "
		    "commit was made); nothing was committed; try again",
		    tx->branch + 11);
	return rc < 0 ? pl_error_git(rc, "cannot move the branch") : 0;
}

/*
 * After the branch has moved only renames are left.  Should one fail all
 * the same, the change is committed and says so; a note tells how to
 * mend the file.
 */
static void
finish(struct pl_tx *tx, struct pl_advance *next)
{
	struct pl_strlist	*notes = pl_portfolio_notes_list(tx->p);
	const char		*wd = git_repository_workdir(tx->repo);
	char			*full, *index;
	size_t			 i;

	/*
	 * The index first: should this process die before the working
	 * files are in place, git shows them as changed in the working
	 * tree, not a change staged that would undo the commit.
	 */
	index = pl_xasprintf("%sindex", git_repository_path(tx->repo));
	if (rename(tx->newindex, index) == -1)
		pl_strlist_push_owned(notes, pl_xasprintf("committed, but the "
		    "index could not be put in place (%s); 'git reset' "
		    "mends it", strerror(errno)));
	free(index);
	for (i = 0; i < tx->n; i++) {
		if (tx->v[i].remove)
			continue;
		full = pl_xasprintf("%s%s", wd, tx->v[i].path);
		if (rename(tx->v[i].tmp, full) == -1)
			pl_strlist_push_owned(notes, pl_xasprintf("committed, "
			    "but '%s' could not be put in place (%s); 'git "
			    "checkout -- %s' restores it", tx->v[i].path,
			    strerror(errno), tx->v[i].path));
		free(full);
	}
	/* Removals last: a folder they leave empty may be one just filled */
	for (i = 0; i < tx->n; i++) {
		if (!tx->v[i].remove)
			continue;
		full = pl_xasprintf("%s%s", wd, tx->v[i].path);
		if (pl_lock_unlink(tx->repo, full) == -1)
			pl_strlist_push_owned(notes, pl_xasprintf("committed, "
			    "but '%s' could not be removed (%s); remove it by "
			    "hand", tx->v[i].path, strerror(errno)));
		free(full);
	}
	pl_lock_index_done(tx->lock);
	pl_portfolio_advance(tx->p, next);
	pl_portfolio_forget_reads(tx->p);
	tx->committed = 1;
	if (tx->borrowed)
		pl_portfolio_held_committed(tx->p);
	staged_clear(tx);
}

/* What finish() will do, for a pl that finds this one dead. */
static int
moves_journal(struct pl_tx *tx, git_tree *base, const git_oid *id)
{
	const char	*wd = git_repository_workdir(tx->repo);
	git_tree_entry	*e;
	char		 hex[GIT_OID_HEXSZ + 1], *to;
	size_t		 i;
	int		 err = 0;

	to = pl_xasprintf("%sindex", git_repository_path(tx->repo));
	err = pl_lock_move(tx->lock, tx->newindex, to, "index");
	free(to);
	for (i = 0; i < tx->n && err == 0; i++) {
		strcpy(hex, "-");
		if (base != NULL &&
		    git_tree_entry_bypath(&e, base, tx->v[i].path) == 0) {
			git_oid_tostr(hex, sizeof hex, git_tree_entry_id(e));
			git_tree_entry_free(e);
		}
		to = pl_xasprintf("%s%s", wd, tx->v[i].path);
		if (tx->v[i].remove)
			err = pl_lock_remove(tx->lock, to, hex);
		else
			err = pl_lock_move(tx->lock, tx->v[i].tmp, to, hex);
		free(to);
	}
	return err != 0 ? err : pl_lock_commit(tx->lock, tx->branch, id);
}

static int
base_read(git_commit **parent, git_tree **base, struct pl_tx *tx)
{
	const git_oid	*head = pl_portfolio_head(tx->p);
	int		 rc;

	*parent = NULL;
	*base = NULL;
	if (head == NULL)
		return 0;
	if ((rc = git_commit_lookup(parent, tx->repo, head)) < 0 ||
	    (rc = git_commit_tree(base, *parent)) < 0)
		return pl_error_git(rc, "cannot read HEAD");
	return 0;
}

/*
 * The commit object: HEAD's child, and with a merge the other's too;
 * signed when git's configuration asks for it (as git commit does, with
 * the committer's key).  Signing can fail, so it is done here, before
 * anything else is written.
 */
static int
commit_write(git_oid *id, struct pl_tx *tx, const git_signature *author,
    const git_signature *committer, const char *text, git_tree *tree,
    git_commit *parent)
{
	const git_commit	*parents[2] = { parent, NULL };
	git_commit		*other = NULL;
	git_buf			 buf = { 0 };
	char			*sig = NULL;
	size_t			 n = parent != NULL ? 1 : 0;
	int			 rc, err = 0;

	if (tx->merge) {
		if ((rc = git_commit_lookup(&other, tx->repo, &tx->other)) < 0)
			return pl_error_git(rc, "cannot read the commit to "
			    "merge");
		parents[n++] = other;
	}
	if ((rc = git_commit_create_buffer(&buf, tx->repo, author, committer,
	    NULL, text, tree, n, parents)) < 0)
		err = pl_error_git(rc, "cannot write the commit");
	else if ((err = pl_sign_commit(&sig, tx->repo, committer,
	    buf.ptr)) == 0 && (err = pl_lock_check()) == 0 && (rc =
	    git_commit_create_with_signature(id, tx->repo, buf.ptr, sig,
	    sig != NULL ? "gpgsig" : NULL)) < 0)
		err = pl_error_git(rc, "cannot write the commit");
	git_buf_dispose(&buf);
	git_commit_free(other);
	free(sig);
	return err;
}

int
pl_tx_commit(struct pl_tx *tx, const struct pl_msg *msg)
{
	struct pl_advance next;
	struct pl_buf	 text = PL_BUF_INIT;
	git_signature	*author = NULL, *committer = NULL;
	git_commit	*parent = NULL;
	git_tree	*base = NULL, *tree = NULL;
	git_oid		 id;
	int		 err;

	memset(&next, 0, sizeof next);
	if (tx->n == 0 && !tx->merge && !tx->ff)
		return pl_error_set(PL_ENOCHANGE, "nothing to commit");
	/* Everything that can refuse does so before anything is written. */
	if ((err = pl_portfolio_signatures(&author, &committer, tx->p)) != 0 ||
	    (err = base_read(&parent, &base, tx)) != 0)
		goto refused;
	if ((err = blobs_make(tx)) != 0)
		goto done;
	/* a merge is a commit even when it changes no file here */
	if (!tx->merge && !tx->ff && unchanged(tx, base)) {
		err = pl_error_set(PL_ENOCHANGE, "nothing changed");
		goto done;
	}
	if ((err = tree_make(&tree, tx, base)) != 0)
		goto done;
	pl_msg_format(&text, msg);
	if (tx->ff) {
		if ((err = ff_check(tx, tree)) != 0)
			goto done;
		git_oid_cpy(&id, &tx->other);
	} else if ((err = commit_write(&id, tx, author, committer, text.ptr,
	    tree, parent)) != 0)
		goto done;
	if ((err = files_write(tx)) != 0 ||
	    (err = index_write(tx)) != 0 ||
	    (err = pl_portfolio_advance_prepare(&next, tx->p, &id)) != 0 ||
	    (err = moves_journal(tx, base, &id)) != 0 ||
	    (err = pl_lock_check()) != 0 ||
	    (err = branch_move(tx, &id, text.ptr, committer)) != 0)
		goto done;
	finish(tx, &next);
done:
	if (err != PL_ENOCHANGE)
		err = not_committed(err);
refused:
	pl_advance_release(&next);
	pl_buf_release(&text);
	git_tree_free(tree);
	git_tree_free(base);
	git_commit_free(parent);
	git_signature_free(author);
	git_signature_free(committer);
	return err;
}
