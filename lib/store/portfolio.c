/*
 * Opening and reading a portfolio: its repository, found as git finds
 * it; the tree of a revision and its settings file; what was read, so
 * that a write can tell whether it changed meanwhile; the lock a command
 * holds.  Reads come from a committed tree, never the working tree, so
 * they work in bare repositories and never see half-made edits.  The
 * identity a commit gets is identity.c's, moving to a commit just made
 * advance.c's, and making a new portfolio create.c's.
 */
#define _GNU_SOURCE	/* memfd_create() */
#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <git2.h>

#include "pl/base/date.h"
#include "store/git.h"
#include "store/lock.h"
#include "store/portfolio.h"

/* How long a writer waits for another by default, in seconds. */
#define LOCK_TIMEOUT	5

/* A path read from the tree, and the object it had (none: absent). */
struct pl_read {
	char		*path;
	git_oid		 id;
	int		 present;
};

/* Each portfolio holds one libgit2 reference, dropped by _free(). */
struct pl_portfolio *
pl_portfolio_new(void)
{
	return pl_xcalloc(1, sizeof(struct pl_portfolio));
}

/*
 * Remembers what path had when read, so that a transaction can tell
 * whether a commit made meanwhile changed it.  Reads at another revision
 * than HEAD never lead to a write, so they are not remembered.
 */
static void
read_note(struct pl_portfolio *p, const char *path, const git_oid *id)
{
	struct pl_read	*r;

	if (!p->at_head)
		return;
	if (p->nreads == p->capreads) {
		p->capreads = p->capreads ? p->capreads * 2 : 16;
		p->reads = pl_xrealloc(p->reads, p->capreads * sizeof *r);
	}
	r = &p->reads[p->nreads++];
	r->path = pl_xstrdup(path);
	r->present = id != NULL;
	if (id != NULL)
		git_oid_cpy(&r->id, id);
}

static void
reads_clear(struct pl_portfolio *p)
{
	size_t	i;

	for (i = 0; i < p->nreads; i++)
		free(p->reads[i].path);
	p->nreads = 0;
}

int
pl_portfolio_check_reads(struct pl_portfolio *p, git_tree *now)
{
	git_tree_entry	*e;
	size_t		 i;
	int		 same;

	for (i = 0; i < p->nreads; i++) {
		e = NULL;
		if (git_tree_entry_bypath(&e, now, p->reads[i].path) != 0)
			same = !p->reads[i].present;
		else
			same = p->reads[i].present &&
			    git_oid_equal(git_tree_entry_id(e),
			    &p->reads[i].id);
		git_tree_entry_free(e);
		if (!same)
			return pl_error_set(PL_ECONFLICT, "'%s' changed "
			    "meanwhile (another commit was made); nothing "
			    "was committed; try again", p->reads[i].path);
	}
	return 0;
}

int
pl_portfolio_lock_timeout(unsigned *ms, struct pl_portfolio *p)
{
	char	*v = NULL, *end;
	double	 s;
	int	 err;

	*ms = LOCK_TIMEOUT * 1000;
	if ((err = pl_portfolio_setting(&v, p, "portfolio.lockTimeout")) != 0)
		return err;
	if (v == NULL)
		return 0;
	errno = 0;
	s = strtod(v, &end);
	if (errno != 0 || end == v || *end != '\0' || !(s >= 0) ||
	    s > 3600)
		err = pl_error_set(PL_EPARSE, "%s: portfolio.lockTimeout must "
		    "be a number of seconds from 0 to 3600, not '%s'",
		    PL_SETTINGS_FILE, v);
	else
		*ms = (unsigned)(s * 1000);
	free(v);
	return err;
}

void
pl_portfolio_forget_reads(struct pl_portfolio *p)
{
	reads_clear(p);
}

struct pl_strlist *
pl_portfolio_notes_list(struct pl_portfolio *p)
{
	return &p->notes;
}

const struct pl_strlist *
pl_portfolio_notes(const struct pl_portfolio *p)
{
	return &p->notes;
}

void
pl_portfolio_free(struct pl_portfolio *p)
{
	if (p == NULL)
		return;
	reads_clear(p);
	free(p->reads);
	pl_strlist_release(&p->notes);
	pl_lock_release(p->held, p->held_committed);
	git_config_free(p->settings);
	git_tree_free(p->tree);
	git_tree_free(p->folder);
	free(p->folder_name);
	git_repository_free(p->repo);
	free(p->author_name);
	free(p->author_email);
	free(p->made);
	free(p);
	git_libgit2_shutdown();
}

int
pl_path_check(const char *path)
{
	const char	*s, *e;
	size_t		 n;

	if (path == NULL || *path == '\0' || *path == '/')
		goto bad;
	for (s = path; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f || *s == '\\')
			goto bad;
	for (s = path;; s = e + 1) {
		e = strchr(s, '/');
		n = e != NULL ? (size_t)(e - s) : strlen(s);
		/* ".git" in any case: git itself would refuse such a path. */
		if (n == 0 || (n == 1 && s[0] == '.') ||
		    (n == 2 && strncmp(s, "..", 2) == 0) ||
		    (n == 4 && strncasecmp(s, ".git", 4) == 0))
			goto bad;
		if (e == NULL)
			break;
	}
	return 0;
bad:
	return pl_error_set(PL_EUNSAFE, "unsafe path '%s'",
	    path != NULL ? path : "");
}

/* The working tree's top (or the git folder when bare), for messages. */
static char *
top_dir(const struct pl_portfolio *p)
{
	const char	*d = git_repository_workdir(p->repo);
	size_t		 n;

	if (d == NULL)
		d = git_repository_path(p->repo);
	n = strlen(d);
	if (n > 1 && d[n - 1] == '/')
		n--;
	return pl_xstrndup(d, n);
}

/*
 * Found as git finds it: GIT_DIR overrides the search, which otherwise
 * goes up from path and stops at GIT_CEILING_DIRECTORIES.
 */
static int
repo_open(git_repository **out, const char *path, int exact)
{
	const char	*gitdir = exact ? NULL : getenv("GIT_DIR");
	const char	*wt = exact ? NULL : getenv("GIT_WORK_TREE");
	unsigned	 flags = exact ? GIT_REPOSITORY_OPEN_NO_SEARCH : 0;
	int		 rc;

	if (path == NULL)
		path = ".";
	if (gitdir != NULL && *gitdir != '\0') {
		path = gitdir;
		flags = GIT_REPOSITORY_OPEN_NO_SEARCH |
		    GIT_REPOSITORY_OPEN_NO_DOTGIT;
	}
	rc = git_repository_open_ext(out, path, flags,
	    getenv("GIT_CEILING_DIRECTORIES"));
	if (rc == GIT_ENOTFOUND && exact)
		return pl_error_set(PL_ENOTPORTFOLIO, "'%s' is not a "
		    "portfolio (no git repository)", path);
	if (rc == GIT_ENOTFOUND)
		return pl_error_set(PL_ENOTPORTFOLIO, "not a portfolio (or "
		    "any of the parent directories): %s", path);
	if (rc < 0)
		return pl_error_git(rc, "cannot open the repository");
	if (wt != NULL && *wt != '\0' &&
	    (rc = git_repository_set_workdir(*out, wt, 0)) < 0)
		return pl_error_git(rc, "GIT_WORK_TREE");
	return 0;
}

/*
 * As git: objects, refs and the index are flushed to disk before they
 * are named when core.fsync asks for it ("objects", "committed", "all")
 * or core.fsyncObjectFiles does; not by default, as git does not (about
 * 2 ms a change).  pl flushes its working files and index in any case.
 */
static pthread_mutex_t	fsync_lock = PTHREAD_MUTEX_INITIALIZER;

static void
fsync_config(git_repository *repo)
{
	git_config	*cfg = NULL;
	const char	*v;
	int		 on = 0;

	if (git_repository_config_snapshot(&cfg, repo) < 0)
		return;
	if (git_config_get_string(&v, cfg, "core.fsync") == 0)
		on = strstr(v, "all") != NULL || strstr(v, "committed") !=
		    NULL || (strstr(v, "object") != NULL &&
		    strstr(v, "-loose-object") == NULL);
	if (!on && git_config_get_bool(&on, cfg, "core.fsyncObjectFiles") < 0)
		on = 0;
	/* a process-wide option: threads opening portfolios take turns */
	pthread_mutex_lock(&fsync_lock);
	git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, on);
	pthread_mutex_unlock(&fsync_lock);
	git_config_free(cfg);
}

static int
read_head(struct pl_portfolio *p)
{
	int	rc;

	rc = git_reference_name_to_id(&p->head, p->repo, "HEAD");
	if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH) {
		p->born = 0;
		return 0;
	}
	if (rc < 0)
		return pl_error_git(rc, "cannot read HEAD");
	p->born = 1;
	return 0;
}

static int
read_rev(struct pl_portfolio *p, const char *rev)
{
	git_object	*obj = NULL, *tree = NULL, *commit = NULL;
	int		 err = 0;

	/* HEAD as read_head() found it: a commit made since is a race. */
	if (rev == NULL) {
		if (git_object_lookup(&obj, p->repo, &p->head,
		    GIT_OBJECT_COMMIT) < 0) {
			err = pl_error_git(-1, "cannot read HEAD");
			goto done;
		}
		rev = "HEAD";
	} else if (strstr(rev, ":/") != NULL || strstr(rev, "{/") != NULL) {
		/* libgit2 leaks when such a search finds nothing. */
		err = pl_error_set(PL_ENOTFOUND, "unknown revision '%s' (pl "
		    "does not search commit messages; name a commit, branch "
		    "or tag)", rev);
		goto done;
	} else if (git_revparse_single(&obj, p->repo, rev) < 0) {
		err = pl_error_set(PL_ENOTFOUND, "unknown revision '%s'", rev);
		goto done;
	}
	/* A tree ("HEAD:goals") peels to a tree too, but is no portfolio. */
	if (git_object_peel(&commit, obj, GIT_OBJECT_COMMIT) < 0 ||
	    git_object_peel(&tree, commit, GIT_OBJECT_TREE) < 0) {
		err = pl_error_set(PL_ENOTFOUND, "'%s' is not a commit", rev);
		goto done;
	}
	p->tree = (git_tree *)tree;
	git_oid_cpy(&p->commit, git_object_id(commit));
	p->commit_time = git_commit_time((git_commit *)commit);
	p->commit_off = git_commit_time_offset((git_commit *)commit);
	p->at_head = git_oid_equal(git_object_id(commit), &p->head);
done:
	git_object_free(commit);
	git_object_free(obj);
	return err;
}

static int
temp_open(int *fd, char **out, git_repository *repo)
{
	const char	*dirs[3];
	size_t		 i;
	int		 saved = 0;

	/* The git folder first: private, and the same for every user. */
	dirs[0] = repo != NULL ? git_repository_path(repo) : NULL;
	dirs[1] = getenv("TMPDIR");
	dirs[2] = "/tmp";
	for (i = 0; i < 3; i++) {
		if (dirs[i] == NULL || *dirs[i] == '\0')
			continue;
		*out = pl_xasprintf("%s%spl-config-XXXXXX", dirs[i],
		    dirs[i][strlen(dirs[i]) - 1] == '/' ? "" : "/");
		if ((*fd = mkstemp(*out)) != -1)
			return 0;
		if (saved == 0)
			saved = errno;
		free(*out);
		*out = NULL;
	}
	return pl_error_set(PL_ERROR, "cannot make a temporary file: %s",
	    strerror(saved));
}

/*
 * libgit2 reports "failed to parse config file: WHAT (in PATH:LINE, ...)";
 * say ".plconfig:LINE: WHAT", the way pl reports every parse error.
 */
static int
settings_error(const char *tmp)
{
	const git_error	*e = git_error_last();
	const char	*msg = e != NULL ? e->message : "cannot parse";
	const char	*what, *in;
	char		*pat = pl_xasprintf(" (in %s:", tmp);
	static const char prefix[] = "failed to parse config file: ";
	int		 err;

	what = strncmp(msg, prefix, sizeof prefix - 1) == 0 ?
	    msg + sizeof prefix - 1 : msg;
	if ((in = strstr(what, pat)) != NULL)
		err = pl_error_set(PL_EPARSE, "%s:%ld: %.*s", PL_SETTINGS_FILE,
		    strtol(in + strlen(pat), NULL, 10), (int)(in - what), what);
	else
		err = pl_error_set(PL_EPARSE, "%s: %s", PL_SETTINGS_FILE, what);
	free(pat);
	return err;
}

/*
 * libgit2 reads git-config syntax only from files, so the committed text
 * goes through a private temporary file, removed at once; the snapshot
 * keeps what was read.
 */
static int
settings_parse(git_config **out, git_repository *repo, const char *text,
    size_t len)
{
	git_config	*cfg = NULL;
	char		*tmp = NULL;
	int		 fd, rc, err = 0, named = 0;

	/*
	 * A file in memory, named through /proc, leaves nothing behind
	 * whatever happens to the process; a private temporary file where
	 * there is no such thing.
	 */
	if ((fd = memfd_create("plconfig", MFD_CLOEXEC)) != -1)
		tmp = pl_xasprintf("/proc/self/fd/%d", fd);
	if (tmp == NULL || access(tmp, R_OK) == -1) {
		if (fd != -1)
			close(fd);
		free(tmp);
		tmp = NULL;
		if ((err = temp_open(&fd, &tmp, repo)) != 0)
			goto done;
		named = 1;
	}
	if ((err = pl_write_all(fd, text, len, PL_SETTINGS_FILE,
	    pl_lock_check)) != 0)
		goto done;
	if ((rc = git_config_open_ondisk(&cfg, tmp)) < 0 ||
	    (rc = git_config_snapshot(out, cfg)) < 0)
		err = settings_error(tmp);
done:
	if (fd != -1)
		close(fd);
	if (named)
		unlink(tmp);
	git_config_free(cfg);
	free(tmp);
	return err;
}

static int
settings_check(git_config *cfg)
{
	const char	*v;
	int		 rc;

	rc = git_config_get_string(&v, cfg, "portfolio.version");
	if (rc == GIT_ENOTFOUND)
		return pl_error_set(PL_EPARSE, "%s: portfolio.version is "
		    "missing", PL_SETTINGS_FILE);
	if (rc < 0)
		return pl_error_git(rc, PL_SETTINGS_FILE);
	/* Only versions pl knows: a newer pl may have changed the layout. */
	if (*v == '\0' || strlen(v) > 9 || strspn(v, "0123456789") !=
	    strlen(v) || atoi(v) < 1 || atoi(v) > PL_FORMAT_VERSION)
		return pl_error_set(PL_EPARSE, "%s: unsupported "
		    "portfolio.version '%s'", PL_SETTINGS_FILE, v);
	return 0;
}

/*
 * The settings of tree: *out NULL when they are the blob p has already.
 * PL_ENOTPORTFOLIO without a settings file, PL_EPARSE for a bad one.
 */
int
pl_portfolio_settings_read(git_config **out, git_oid *id,
    struct pl_portfolio *p, git_tree *tree)
{
	git_tree_entry	*e = NULL;
	git_blob	*blob = NULL;
	char		*top = NULL;
	int		 rc, err = 0;

	*out = NULL;
	rc = git_tree_entry_bypath(&e, tree, PL_SETTINGS_FILE);
	if (rc == GIT_ENOTFOUND) {
		top = top_dir(p);
		err = pl_error_set(PL_ENOTPORTFOLIO, "not a portfolio: '%s' "
		    "has no %s", top, PL_SETTINGS_FILE);
		goto done;
	}
	if (rc < 0) {
		err = pl_error_git(rc, PL_SETTINGS_FILE);
		goto done;
	}
	if (git_tree_entry_filemode(e) != GIT_FILEMODE_BLOB &&
	    git_tree_entry_filemode(e) != GIT_FILEMODE_BLOB_EXECUTABLE) {
		err = pl_error_set(PL_EPARSE, "%s: not a regular file",
		    PL_SETTINGS_FILE);
		goto done;
	}
	git_oid_cpy(id, git_tree_entry_id(e));
	if (p->settings != NULL && git_oid_equal(&p->settings_id, id))
		goto done;
	if ((rc = git_blob_lookup(&blob, p->repo, id)) < 0) {
		err = pl_error_git(rc, PL_SETTINGS_FILE);
		goto done;
	}
	if ((err = settings_parse(out, p->repo, git_blob_rawcontent(blob),
	    (size_t)git_blob_rawsize(blob))) != 0 ||
	    (err = settings_check(*out)) != 0) {
		git_config_free(*out);
		*out = NULL;
	}
done:
	git_blob_free(blob);
	git_tree_entry_free(e);
	free(top);
	return err;
}

static int
settings_load(struct pl_portfolio *p)
{
	git_config	*cfg;
	git_oid		 id;
	int		 err;

	if ((err = pl_portfolio_settings_read(&cfg, &id, p, p->tree)) != 0)
		return err;
	read_note(p, PL_SETTINGS_FILE, &id);
	if (cfg != NULL) {
		git_config_free(p->settings);
		p->settings = cfg;
		git_oid_cpy(&p->settings_id, &id);
	}
	return 0;
}

static int
portfolio_open(struct pl_portfolio **out, const char *path, const char *rev,
    int exact)
{
	struct pl_portfolio	*p;
	char			*top = NULL;
	int			 err;

	*out = NULL;
	if ((err = pl_lib_init()) != 0)
		return err;
	p = pl_portfolio_new();
	if ((err = repo_open(&p->repo, path, exact)) != 0 ||
	    (err = read_head(p)) != 0)
		goto done;
	fsync_config(p->repo);
	if (!p->born) {
		top = top_dir(p);
		err = pl_error_set(PL_ENOTPORTFOLIO, "'%s' is not a portfolio "
		    "(no commits yet)", top);
		goto done;
	}
	if ((err = read_rev(p, rev)) != 0 || (err = settings_load(p)) != 0)
		goto done;
	*out = p;
	p = NULL;
done:
	pl_portfolio_free(p);
	free(top);
	return err;
}

int
pl_portfolio_open(struct pl_portfolio **out, const char *path,
    const char *rev)
{
	return portfolio_open(out, path, rev, 0);
}

int
pl_portfolio_open_dir(struct pl_portfolio **out, const char *dir)
{
	return portfolio_open(out, dir, NULL, 1);
}

int
pl_portfolio_hold(struct pl_portfolio *p)
{
	git_oid		 now;
	unsigned	 ms;
	int		 rc, err;

	if (p->held != NULL)
		return 0;
	if ((err = pl_portfolio_lock_timeout(&ms, p)) != 0 ||
	    (err = pl_lock_take(&p->held, p->repo, ms, &p->notes)) != 0)
		return err;
	/* What is read from here on cannot change before the commit. */
	rc = git_reference_name_to_id(&now, p->repo, "HEAD");
	if (rc == 0 && p->born && !git_oid_equal(&now, &p->head) &&
	    p->at_head) {
		git_tree_free(p->tree);
		p->tree = NULL;
		git_oid_cpy(&p->head, &now);
		if ((err = read_rev(p, NULL)) != 0 ||
		    (err = settings_load(p)) != 0)
			return err;
	}
	reads_clear(p);
	return 0;
}

struct pl_lock *
pl_portfolio_held(struct pl_portfolio *p)
{
	return p->held;
}

void
pl_portfolio_held_committed(struct pl_portfolio *p)
{
	p->held_committed = 1;
}

const char *
pl_portfolio_workdir(const struct pl_portfolio *p)
{
	return git_repository_workdir(p->repo);
}

struct git_repository *
pl_portfolio_repo(struct pl_portfolio *p)
{
	return p->repo;
}

struct git_tree *
pl_portfolio_tree(struct pl_portfolio *p)
{
	return p->tree;
}

void
pl_portfolio_commit(char id[41], struct pl_date *date,
    const struct pl_portfolio *p)
{
	git_oid_tostr(id, 41, &p->commit);
	*date = pl_date_from_time(p->commit_time, p->commit_off);
}

const git_oid *
pl_portfolio_head(const struct pl_portfolio *p)
{
	return p->born ? &p->head : NULL;
}

int
pl_portfolio_at_head(const struct pl_portfolio *p)
{
	return p->at_head || !p->born;
}

int
pl_portfolio_mode_check(const char *path, git_filemode_t mode)
{
	switch (mode) {
	case GIT_FILEMODE_LINK:
		return pl_error_set(PL_EUNSAFE, "unsafe path '%s': it is a "
		    "symbolic link", path);
	case GIT_FILEMODE_COMMIT:
		return pl_error_set(PL_EUNSAFE, "unsafe path '%s': it is a "
		    "submodule", path);
	case GIT_FILEMODE_TREE:
		return pl_error_set(PL_ENOTFOUND, "'%s' not found (it is a "
		    "folder)", path);
	default:
		return 0;
	}
}

/*
 * The tree of path's first folder, held from one file read to the next,
 * and in *rest the path in it.  A report walks history with libgit2's
 * tree cache off (pl_lib_walk_options()), so each lookup of
 * "evidence/<id>/<file>" would parse evidence/, thousands of entries,
 * again.  NULL when path has no folder or it is not one: looked up from
 * the top, as before.
 */
static git_tree *
held_folder(struct pl_portfolio *p, const char *path, const char **rest)
{
	const char		*slash = strchr(path, '/');
	const git_tree_entry	*e;
	size_t			 n;

	if (slash == NULL || slash[1] == '\0' || p->tree == NULL)
		return NULL;
	n = (size_t)(slash - path);
	*rest = slash + 1;
	if (p->folder != NULL && git_oid_equal(&p->folder_root,
	    git_tree_id(p->tree)) && strncmp(p->folder_name, path, n) == 0 &&
	    p->folder_name[n] == '\0')
		return p->folder;
	git_tree_free(p->folder);
	p->folder = NULL;
	free(p->folder_name);
	p->folder_name = pl_xstrndup(path, n);
	if ((e = git_tree_entry_byname(p->tree, p->folder_name)) == NULL ||
	    git_tree_entry_type(e) != GIT_OBJECT_TREE ||
	    git_tree_lookup(&p->folder, p->repo, git_tree_entry_id(e)) < 0) {
		p->folder = NULL;
		return NULL;
	}
	git_oid_cpy(&p->folder_root, git_tree_id(p->tree));
	return p->folder;
}

int
pl_portfolio_locate(git_oid *out, struct pl_portfolio *p, const char *path)
{
	git_tree_entry	*e = NULL;
	git_tree	*in;
	const char	*rest = path;
	int		 rc, err = 0;

	if ((err = pl_path_check(path)) != 0)
		return err;
	if ((in = held_folder(p, path, &rest)) == NULL) {
		in = p->tree;
		rest = path;
	}
	if (p->tree == NULL ||
	    (rc = git_tree_entry_bypath(&e, in, rest)) == GIT_ENOTFOUND) {
		read_note(p, path, NULL);
		err = pl_error_set(PL_ENOTFOUND, "'%s' not found", path);
		goto done;
	}
	if (rc < 0) {
		err = pl_error_git(rc, path);
		goto done;
	}
	read_note(p, path, git_tree_entry_id(e));
	if ((err = pl_portfolio_mode_check(path,
	    git_tree_entry_filemode(e))) == 0)
		git_oid_cpy(out, git_tree_entry_id(e));
done:
	git_tree_entry_free(e);
	return err;
}

int
pl_portfolio_read_blob(struct pl_buf *out, git_repository *repo, const git_oid *id,
    const char *path)
{
	git_odb		*odb = NULL;
	git_blob	*blob = NULL;
	git_object_t	 type;
	size_t		 size;
	int		 rc, err = 0;

	/* The header alone, so a huge blob is refused before it is inflated */
	if ((rc = git_repository_odb(&odb, repo)) < 0 ||
	    (rc = git_odb_read_header(&size, &type, odb, id)) < 0) {
		err = pl_error_git(rc, path);
		goto done;
	}
	if (size > PL_READ_MAX) {
		err = pl_error_too_large(PL_EPARSE, path);
		goto done;
	}
	if ((rc = git_blob_lookup(&blob, repo, id)) < 0) {
		err = pl_error_git(rc, path);
		goto done;
	}
	pl_buf_put(out, git_blob_rawcontent(blob),
	    (size_t)git_blob_rawsize(blob));
done:
	git_blob_free(blob);
	git_odb_free(odb);
	return err;
}

int
pl_portfolio_read(struct pl_buf *out, struct pl_portfolio *p,
    const char *path)
{
	git_oid	id;
	int	err;

	if ((err = pl_portfolio_locate(&id, p, path)) != 0)
		return err;
	return pl_portfolio_read_blob(out, p->repo, &id, path);
}

int
pl_portfolio_refs(struct pl_strlist *out, struct pl_portfolio *p)
{
	static const char *const kinds[] = { "refs/heads/", "refs/tags/",
		"refs/remotes/" };
	git_strarray	 refs = { NULL, 0 };
	const char	*name;
	size_t		 i, k, n;
	int		 rc;

	if ((rc = git_reference_list(&refs, p->repo)) < 0)
		return pl_error_git(rc, "cannot list branches and tags");
	for (i = 0; i < refs.count; i++)
		for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
			n = strlen(kinds[k]);
			name = refs.strings[i] + n;
			/* "origin/HEAD" only points at a branch listed too */
			if (strncmp(refs.strings[i], kinds[k], n) == 0 &&
			    (k < 2 || strcmp(name + strcspn(name, "/"),
			    "/HEAD") != 0))
				pl_strlist_push(out, name);
		}
	git_strarray_dispose(&refs);
	pl_strlist_sort(out);
	return PL_OK;
}

void
pl_portfolio_note_read(struct pl_portfolio *p, const char *path,
    const git_oid *id)
{
	read_note(p, path, id);
}

int
pl_portfolio_folder_id(git_oid *out, int *found, struct pl_portfolio *p,
    const char *dir, int note)
{
	git_tree_entry	*e = NULL;
	int		 rc, err = 0;

	*found = 0;
	if (p->tree == NULL)
		return 0;
	if (dir == NULL || *dir == '\0' || strcmp(dir, ".") == 0) {
		git_oid_cpy(out, git_tree_id(p->tree));
		*found = 1;
		return 0;
	}
	if ((err = pl_path_check(dir)) != 0)
		return err;
	rc = git_tree_entry_bypath(&e, p->tree, dir);
	if (note && (rc == 0 || rc == GIT_ENOTFOUND))
		read_note(p, dir, rc == 0 ? git_tree_entry_id(e) : NULL);
	if (rc < 0 && rc != GIT_ENOTFOUND)
		err = pl_error_git(rc, dir);
	else if (rc == 0 && git_tree_entry_type(e) == GIT_OBJECT_TREE) {
		git_oid_cpy(out, git_tree_entry_id(e));
		*found = 1;
	}
	git_tree_entry_free(e);
	return err;
}

static int
file_cmp(const void *a, const void *b)
{
	return strcmp(((const struct pl_folder_file *)a)->name,
	    ((const struct pl_folder_file *)b)->name);
}

/*
 * Sorts f by name.  A tree is sorted already by the whole names, which
 * is the order of the names without the suffix but for a name and a
 * longer one it starts followed by a character before the suffix's
 * first ("a-b.md" before "a.md"): each such file moves back past the
 * few it follows, so an insertion sort is one pass.  A tree out of
 * order (git never writes one) falls back to qsort().
 */
static void
files_sort(struct pl_folder *f)
{
	struct pl_folder_file	 t;
	size_t			 i, k, moves = 0;

	for (i = 1; i < f->n; i++) {
		t = f->v[i];
		for (k = i; k > 0 && strcmp(f->v[k - 1].name, t.name) > 0;
		    k--)
			f->v[k] = f->v[k - 1];
		f->v[k] = t;
		if ((moves += i - k) > 64 * f->n) {
			qsort(f->v, f->n, sizeof *f->v, file_cmp);
			return;
		}
	}
}

/*
 * Links and submodules are listed too: reading them is refused, and the
 * refusal is a warning a person sees rather than a file that silently
 * is not there.
 */
static void
files_of_tree(struct pl_folder *out, const git_tree *t, const char *suffix)
{
	const git_tree_entry	*e;
	const char		*name;
	size_t			 i, n, count, used = 0;
	size_t			 slen = strlen(suffix), size = 0;

	count = git_tree_entrycount(t);
	for (i = 0; i < count; i++)
		size += strlen(git_tree_entry_name(
		    git_tree_entry_byindex(t, i))) + 1;
	out->v = pl_xcalloc(count + 1, sizeof *out->v);
	out->names = pl_xcalloc(size + 1, 1);
	for (i = 0; i < count; i++) {
		e = git_tree_entry_byindex(t, i);
		name = git_tree_entry_name(e);
		n = strlen(name);
		if (git_tree_entry_type(e) == GIT_OBJECT_TREE || n <= slen ||
		    memcmp(name + n - slen, suffix, slen) != 0)
			continue;
		memcpy(out->names + used, name, n - slen);
		out->v[out->n].name = out->names + used;
		git_oid_cpy(&out->v[out->n].id, git_tree_entry_id(e));
		out->v[out->n++].mode = git_tree_entry_filemode(e);
		used += n - slen + 1;
	}
	files_sort(out);
}

int
pl_portfolio_folder_read(struct pl_folder *out, struct pl_portfolio *p,
    const char *dir, const git_oid *tree, const char *suffix)
{
	git_tree	*t = NULL;
	int		 rc;

	memset(out, 0, sizeof *out);
	if ((rc = git_tree_lookup(&t, p->repo, tree)) < 0)
		return pl_error_git(rc, dir);
	files_of_tree(out, t, suffix != NULL ? suffix : "");
	git_tree_free(t);
	return 0;
}

int
pl_portfolio_folder(struct pl_folder *out, struct pl_portfolio *p,
    const char *dir, const char *suffix)
{
	git_oid	 tree;
	int	 found, err;

	memset(out, 0, sizeof *out);
	if ((err = pl_portfolio_folder_id(&tree, &found, p, dir, 1)) != 0 ||
	    !found)
		return err;
	return pl_portfolio_folder_read(out, p, dir, &tree, suffix);
}

void
pl_folder_release(struct pl_folder *f)
{
	free(f->v);
	free(f->names);
	memset(f, 0, sizeof *f);
}

int
pl_portfolio_list(struct pl_strlist *out, struct pl_portfolio *p,
    const char *dir, const char *suffix)
{
	struct pl_folder	 f;
	size_t			 i;
	int			 err;

	err = pl_portfolio_folder(&f, p, dir, suffix);
	for (i = 0; i < f.n; i++)
		pl_strlist_push(out, f.v[i].name);
	pl_folder_release(&f);
	return err;
}

/* What walk_file() collects: every file under dir. */
struct walk {
	const char		*dir;
	struct pl_strlist	 files;
};

static int
walk_file(const char *root, const git_tree_entry *e, void *payload)
{
	struct walk	*w = payload;

	if (git_tree_entry_type(e) != GIT_OBJECT_TREE)
		pl_strlist_push_owned(&w->files, pl_xasprintf("%s/%s%s",
		    w->dir, root, git_tree_entry_name(e)));
	return 0;
}

int
pl_portfolio_list_files(struct pl_strlist *out, struct pl_portfolio *p,
    const char *dir)
{
	struct walk	 w = { dir, PL_STRLIST_INIT };
	git_tree_entry	*e = NULL;
	git_tree	*sub = NULL;
	size_t		 i;
	int		 rc, err = 0;

	if ((err = pl_path_check(dir)) != 0 || p->tree == NULL)
		return err;
	rc = git_tree_entry_bypath(&e, p->tree, dir);
	read_note(p, dir, rc == 0 ? git_tree_entry_id(e) : NULL);
	if (rc == GIT_ENOTFOUND ||
	    (rc == 0 && git_tree_entry_type(e) != GIT_OBJECT_TREE))
		goto done;
	if (rc < 0 ||
	    (rc = git_tree_lookup(&sub, p->repo, git_tree_entry_id(e))) < 0 ||
	    (rc = git_tree_walk(sub, GIT_TREEWALK_PRE, walk_file, &w)) < 0) {
		err = pl_error_git(rc, dir);
		goto done;
	}
	pl_strlist_sort(&w.files);
	for (i = 0; i < w.files.n; i++)
		pl_strlist_push(out, w.files.v[i]);
done:
	pl_strlist_release(&w.files);
	git_tree_free(sub);
	git_tree_entry_free(e);
	return err;
}

int
pl_portfolio_exists(struct pl_portfolio *p, const char *path)
{
	git_tree_entry	*e = NULL;
	struct stat	 st;
	const char	*wd = git_repository_workdir(p->repo);
	char		*full;
	int		 found;

	if (pl_path_check(path) != 0)
		return 0;
	if (p->tree != NULL && git_tree_entry_bypath(&e, p->tree, path) == 0) {
		read_note(p, path, git_tree_entry_id(e));
		git_tree_entry_free(e);
		return 1;
	}
	if (p->tree != NULL)
		read_note(p, path, NULL);
	if (wd == NULL)
		return 0;
	full = pl_xasprintf("%s%s", wd, path);
	found = lstat(full, &st) == 0;
	free(full);
	return found;
}

int
pl_portfolio_setting(char **out, struct pl_portfolio *p, const char *key)
{
	const char	*v;
	int		 rc;

	*out = NULL;
	if (p->settings == NULL)
		return 0;
	rc = git_config_get_string(&v, p->settings, key);
	if (rc == GIT_ENOTFOUND)
		return 0;
	if (rc == GIT_EINVALIDSPEC)
		return pl_error_set(PL_EINVAL, "invalid setting name '%s'",
		    key);
	if (rc < 0)
		return pl_error_git(rc, PL_SETTINGS_FILE);
	*out = pl_xstrdup(v);
	return 0;
}

int
pl_portfolio_git_config_string(char **out, struct pl_portfolio *pf,
    const char *key)
{
	git_config	*cfg = NULL, *snap = NULL;
	const char	*v;
	int		 rc;

	*out = NULL;
	/* Without a portfolio, libgit2 finds no user's files until held. */
	if (pf == NULL && (rc = pl_lib_init()) != 0)
		return rc;
	if (pf != NULL)
		rc = git_repository_config_snapshot(&snap, pf->repo);
	else if ((rc = git_config_open_default(&cfg)) == 0)
		rc = git_config_snapshot(&snap, cfg);
	if (rc < 0) {
		rc = pl_error_git(rc, "git config");
		goto done;
	}
	rc = git_config_get_string(&v, snap, key);
	if (rc == 0)
		*out = pl_xstrdup(v);
	else if (rc == GIT_ENOTFOUND)
		rc = 0;
	else
		rc = pl_error_git(rc, "git config");
done:
	git_config_free(snap);
	git_config_free(cfg);
	if (pf == NULL)
		git_libgit2_shutdown();
	return rc;
}

