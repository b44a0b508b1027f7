/*
 * The one write path.  A commit is made from HEAD's tree and the staged
 * files alone (blob, tree, commit, no index), so whatever else the person
 * has staged or edited stays exactly as it was; only afterwards are the
 * working files and their index entries brought level with it.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>

#include "pl/text.h"
#include "pl/tx.h"
#include "internal.h"

struct staged {
	char		*path;
	char		*data;
	size_t		 len;
	git_filemode_t	 mode;
};

struct pl_tx {
	struct pl_portfolio	*p;
	git_repository		*repo;
	char			*lock;	/* pl.lock, while held */
	char			*branch;	/* the ref HEAD names */
	git_index		*index;	/* read once, kept for the update */
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
	}
	tx->n = 0;
}

void
pl_tx_free(struct pl_tx *tx)
{
	if (tx == NULL)
		return;
	if (tx->lock != NULL)
		unlink(tx->lock);
	staged_clear(tx);
	git_index_free(tx->index);
	free(tx->v);
	free(tx->lock);
	free(tx->branch);
	free(tx);
}

/*
 * pl's own lock keeps two pl processes apart; git's index.lock means a
 * git command is at work, and pl would race it for the index.
 */
static int
lock_take(struct pl_tx *tx)
{
	const char	*gitdir = git_repository_path(tx->repo);
	char		*path = pl_xasprintf("%spl.lock", gitdir);
	char		*ilock = NULL, pid[32];
	struct stat	 st;
	int		 fd, err = 0;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666)) == -1) {
		err = errno == EEXIST ? pl_error_set(PL_ELOCKED, "repository "
		    "is locked: '%s' exists (another pl is running?)", path) :
		    pl_error_set(PL_ERROR, "cannot make '%s': %s", path,
		    strerror(errno));
		free(path);
		return err;
	}
	tx->lock = path;
	snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
	if (write(fd, pid, strlen(pid)) < 0)
		err = pl_error_set(PL_ERROR, "cannot write '%s': %s", path,
		    strerror(errno));
	close(fd);
	ilock = pl_xasprintf("%sindex.lock", gitdir);
	if (err == 0 && lstat(ilock, &st) == 0)
		err = pl_error_set(PL_ELOCKED, "repository is locked: '%s' "
		    "exists; is another git process running?", ilock);
	free(ilock);
	return err;
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
	else if (rc == 0 && (want == NULL || !git_oid_equal(&id, want)))
		err = pl_error_set(PL_ELOCKED, "'%s' moved since the "
		    "portfolio was read (another commit was made meanwhile); "
		    "try again", tx->branch + 11);
done:
	git_reference_free(head);
	return err;
}

static int
begin(struct pl_tx **out, struct pl_portfolio *p, int init)
{
	git_repository	*repo = pl_portfolio_repo(p);
	struct pl_tx	*tx;
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
	tx = pl_xcalloc(1, sizeof *tx);
	tx->p = p;
	tx->repo = repo;
	/* The lock first, so HEAD cannot move between check and commit. */
	if ((err = lock_take(tx)) != 0 || (err = head_check(tx, init)) != 0) {
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
 * The index, read once per transaction.  git_status_file() would do it
 * again for every path, and walk the index besides: on a large
 * portfolio that was most of a commit's time.
 */
static int
index_load(struct pl_tx *tx)
{
	int	rc;

	if (tx->index != NULL)
		return git_index_read(tx->index, 0) < 0 ?
		    pl_error_git(-1, "cannot read the index") : 0;
	if ((rc = git_repository_index(&tx->index, tx->repo)) < 0 ||
	    (rc = git_index_read(tx->index, 0)) < 0)
		return pl_error_git(rc, "cannot read the index");
	return 0;
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

/* Stages data (taking it); a path staged again replaces what it had. */
static void
stage(struct pl_tx *tx, const char *path, char *data, size_t len,
    git_filemode_t mode)
{
	struct staged	*s = NULL;
	size_t		 i;

	for (i = 0; i < tx->n; i++)
		if (strcmp(tx->v[i].path, path) == 0)
			s = &tx->v[i];
	if (s == NULL) {
		if (tx->n == tx->cap) {
			tx->cap = tx->cap ? tx->cap * 2 : 4;
			tx->v = pl_xrealloc(tx->v, tx->cap * sizeof *tx->v);
		}
		s = &tx->v[tx->n++];
		s->path = pl_xstrdup(path);
	} else
		free(s->data);
	s->data = data;
	s->len = len;
	s->mode = mode;
}

static int
put(struct pl_tx *tx, const char *path, char *data, size_t len,
    git_filemode_t mode)
{
	int	err;

	if ((err = pl_path_check(path)) != 0 ||
	    (err = worktree_check(tx, path)) != 0 ||
	    (err = status_check(tx, path)) != 0) {
		free(data);
		return err;
	}
	stage(tx, path, data, len, mode);
	return 0;
}

int
pl_tx_put(struct pl_tx *tx, const char *path, const char *data, size_t len)
{
	char	*copy = pl_xmalloc(len + 1);

	if (len > 0)
		memcpy(copy, data, len);
	copy[len] = '\0';
	return put(tx, path, copy, len, GIT_FILEMODE_BLOB);
}

int
pl_tx_put_file(struct pl_tx *tx, const char *path, const char *src)
{
	struct pl_buf	 b = PL_BUF_INIT;
	struct stat	 st;
	int		 err;

	if (stat(src, &st) == -1)
		return errno == ENOENT ? pl_error_set(PL_ENOTFOUND, "'%s' does "
		    "not exist", src) : pl_error_set(PL_ERROR, "cannot read "
		    "'%s': %s", src, strerror(errno));
	if (S_ISDIR(st.st_mode))
		return pl_error_set(PL_EINVAL, "'%s' is a directory", src);
	if (!S_ISREG(st.st_mode))
		return pl_error_set(PL_EINVAL, "'%s' is not a regular file",
		    src);
	if ((err = pl_read_file(&b, src)) != 0) {
		pl_buf_release(&b);
		return err;
	}
	/* As git records it: executable or not, nothing else. */
	return put(tx, path, b.ptr, b.len, st.st_mode & S_IXUSR ?
	    GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB);
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
	pl_text_put_line(out, m->action, strlen(m->action));
	pl_buf_putc(out, ' ');
	pl_text_put_line(out, m->id, strlen(m->id));
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

/* 1 when every staged file is already in base as it is staged. */
static int
unchanged(struct pl_tx *tx, git_tree *base)
{
	git_tree_entry	*e;
	git_oid		 id;
	size_t		 i;
	int		 same = 1;

	if (base == NULL)
		return 0;
	for (i = 0; same && i < tx->n; i++) {
		if (git_tree_entry_bypath(&e, base, tx->v[i].path) != 0)
			return 0;
		same = git_odb_hash(&id, tx->v[i].data, tx->v[i].len,
		    GIT_OBJECT_BLOB) == 0 &&
		    git_oid_equal(&id, git_tree_entry_id(e)) &&
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
	int		 rc = 0;

	for (i = 0; i < tx->n && rc == 0; i++) {
		u[i].action = GIT_TREE_UPDATE_UPSERT;
		u[i].filemode = tx->v[i].mode;
		u[i].path = tx->v[i].path;
		rc = git_blob_create_from_buffer(&u[i].id, tx->repo,
		    tx->v[i].data, tx->v[i].len);
	}
	if (rc == 0)
		rc = git_tree_create_updated(&id, tx->repo, base, tx->n, u);
	if (rc == 0)
		rc = git_tree_lookup(out, tx->repo, &id);
	free(u);
	return rc < 0 ? pl_error_git(rc, "cannot write the tree") : 0;
}

/*
 * The branch moves only if it is still where it was, and its reflog reads
 * as git's does.
 */
static int
branch_move(struct pl_tx *tx, const git_oid *id, const char *msg,
    const git_signature *committer)
{
	const git_oid	*old = pl_portfolio_head(tx->p);
	git_reference	*ref = NULL;
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
	if (rc == GIT_EMODIFIED || rc == GIT_EEXISTS)
		return pl_error_set(PL_ELOCKED, "'%s' moved meanwhile (another "
		    "commit was made); try again", tx->branch + 11);
	return rc < 0 ? pl_error_git(rc, "cannot move the branch") : 0;
}

/* Makes the folders of path below the working tree, refusing links. */
static int
folders_make(const char *wd, const char *path)
{
	const char	*slash;
	char		*dir;
	struct stat	 st;
	int		 err = 0;

	for (slash = strchr(path, '/'); err == 0 && slash != NULL;
	    slash = strchr(slash + 1, '/')) {
		dir = pl_xasprintf("%s%.*s", wd, (int)(slash - path), path);
		if (mkdir(dir, 0777) == -1 && errno != EEXIST)
			err = pl_error_set(PL_ERROR, "cannot make '%s': %s",
			    dir, strerror(errno));
		else if (lstat(dir, &st) == -1 || !S_ISDIR(st.st_mode))
			err = pl_error_set(PL_EUNSAFE, "unsafe path '%s': "
			    "'%.*s' is not a folder", path,
			    (int)(slash - path), path);
		free(dir);
	}
	return err;
}

static int
files_write(struct pl_tx *tx)
{
	const char	*wd = git_repository_workdir(tx->repo);
	struct staged	*s;
	char		*full;
	size_t		 i;
	int		 err = 0;

	for (i = 0; i < tx->n && err == 0; i++) {
		s = &tx->v[i];
		if ((err = folders_make(wd, s->path)) != 0)
			break;
		full = pl_xasprintf("%s%s", wd, s->path);
		err = pl_write_file(full, s->data, s->len,
		    s->mode == GIT_FILEMODE_BLOB_EXECUTABLE ? 0777 : 0666);
		free(full);
	}
	return err;
}

/* Only these paths' entries change; the rest of the index is the user's. */
static int
index_update(struct pl_tx *tx)
{
	size_t	i;
	int	rc = 0, err;

	if ((err = index_load(tx)) != 0)
		return err;
	for (i = 0; i < tx->n && rc == 0; i++)
		rc = git_index_add_bypath(tx->index, tx->v[i].path);
	if (rc == 0)
		rc = git_index_write(tx->index);
	return rc < 0 ? pl_error_git(rc, "cannot update the index") : 0;
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

int
pl_tx_commit(struct pl_tx *tx, const struct pl_msg *msg)
{
	struct pl_buf	 text = PL_BUF_INIT;
	git_signature	*author = NULL, *committer = NULL;
	git_commit	*parent = NULL;
	git_tree	*base = NULL, *tree = NULL;
	git_oid		 id;
	int		 rc, err;

	if (tx->n == 0)
		return pl_error_set(PL_ENOCHANGE, "nothing to commit");
	/* Everything that can refuse does so before anything is written. */
	if ((err = pl_portfolio_signatures(&author, &committer, tx->p)) != 0 ||
	    (err = base_read(&parent, &base, tx)) != 0)
		goto done;
	if (unchanged(tx, base)) {
		err = pl_error_set(PL_ENOCHANGE, "nothing changed");
		goto done;
	}
	if ((err = tree_make(&tree, tx, base)) != 0)
		goto done;
	pl_msg_format(&text, msg);
	rc = git_commit_create(&id, tx->repo, NULL, author, committer, NULL,
	    text.ptr, tree, parent != NULL ? 1 : 0,
	    (const git_commit **)&parent);
	if (rc < 0) {
		err = pl_error_git(rc, "cannot write the commit");
		goto done;
	}
	if ((err = branch_move(tx, &id, text.ptr, committer)) != 0 ||
	    (err = files_write(tx)) != 0 ||
	    (err = index_update(tx)) != 0 ||
	    (err = pl_portfolio_advance(tx->p, &id)) != 0)
		goto done;
	staged_clear(tx);
done:
	pl_buf_release(&text);
	git_tree_free(tree);
	git_tree_free(base);
	git_commit_free(parent);
	git_signature_free(author);
	git_signature_free(committer);
	return err;
}
