/*
 * An attached file, stored as git would store it.  The file is copied to
 * its working-tree place (under a temporary name the transaction owns)
 * and written to the object database in the same pass, in chunks, so its
 * size is bounded by the disk and not by memory.  When .gitattributes
 * asks for a conversion, the blob is what "git add" would make: the
 * filter driver's clean command is run as git runs it (so git-lfs works),
 * and git's own line-ending and ident conversions are libgit2's.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>

#include "store/blob.h"
#include "store/lock.h"
#include "store/git.h"

#define CHUNK		(1 << 16)

/* Reads a chunk; 0 at the end, <0 on error (or a signal). */
static ssize_t
read_some(int fd, char *buf, const char *name)
{
	ssize_t	n;

	while ((n = read(fd, buf, CHUNK)) < 0) {
		if (errno != EINTR)
			return pl_error_set(PL_ERROR, "cannot read '%s': %s",
			    name, strerror(errno));
		if (pl_lock_check() != 0)
			return PL_ERROR;
	}
	return n;
}

/*
 * Copies src to dst (named dst_name in messages) and, when ws is not
 * NULL, into it as well; the size read must be the size src had, or the
 * file changed meanwhile.
 */
static int
copy(int src, const char *src_name, off_t size, int dst,
    const char *dst_name, git_odb_stream *ws)
{
	char	*buf = pl_xmalloc(CHUNK);
	off_t	 total = 0;
	ssize_t	 n;
	int	 err = 0, rc;

	while ((n = read_some(src, buf, src_name)) > 0) {
		total += n;
		if ((err = pl_write_all(dst, buf, (size_t)n, dst_name,
		    pl_lock_check)) != 0 ||
		    (err = pl_lock_check()) != 0)
			break;
		if (ws != NULL && total <= size &&
		    (rc = git_odb_stream_write(ws, buf, (size_t)n)) < 0) {
			err = pl_error_git(rc, "cannot store the file");
			break;
		}
	}
	if (n < 0)
		err = (int)n;
	if (err == 0 && total != size)
		err = pl_error_set(PL_ERROR, "'%s' changed while pl was "
		    "reading it", src_name);
	if (err == 0 && fsync(dst) == -1)
		err = pl_error_set(PL_ERROR, "cannot write '%s': %s",
		    dst_name, strerror(errno));
	free(buf);
	return err;
}

/* The filter driver .gitattributes names for path, if one is set. */
static int
driver_find(char **name, git_repository *repo, const char *path)
{
	const char	*v = NULL;
	int		 rc;

	*name = NULL;
	if ((rc = git_attr_get(&v, repo, 0, path, "filter")) < 0)
		return pl_error_git(rc, ".gitattributes");
	if (git_attr_value(v) == GIT_ATTR_VALUE_STRING)
		*name = pl_xstrdup(v);
	return 0;
}

static char *
config_str(git_config *cfg, const char *driver, const char *key)
{
	char		*name = pl_xasprintf("filter.%s.%s", driver, key);
	const char	*v = NULL;
	char		*s = NULL;

	if (git_config_get_string(&v, cfg, name) == 0 && *v != '\0')
		s = pl_xstrdup(v);
	free(name);
	return s;
}

/* The command with %f as the path, quoted for the shell as git does. */
static char *
driver_command(const char *clean, const char *path)
{
	struct pl_buf	 b = PL_BUF_INIT;
	const char	*s, *q;

	for (s = clean; *s != '\0'; s++) {
		if (s[0] != '%' || (s[1] != 'f' && s[1] != '%')) {
			pl_buf_putc(&b, *s);
			continue;
		}
		if (*++s == '%') {
			pl_buf_putc(&b, '%');
			continue;
		}
		pl_buf_putc(&b, '\'');
		for (q = path; *q != '\0'; q++)
			pl_buf_puts(&b, *q == '\'' ? "'\\''" : (char[]){ *q,
			    '\0' });
		pl_buf_putc(&b, '\'');
	}
	return pl_buf_detach(&b);
}

/*
 * Waits for the clean command; err when it was stopped for that error,
 * which stays the one said (the command's failure follows from it).
 */
static int
driver_wait(pid_t pid, const char *driver, int err)
{
	int	status;

	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return err != 0 ? err : pl_error_set(PL_ERROR,
			    "filter '%s': %s", driver, strerror(errno));
	if (err != 0)
		return err;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return pl_error_set(PL_ERROR, "the clean command of filter "
		    "'%s' failed; nothing was committed", driver);
	return 0;
}

/* Runs the clean command, the working file on its input, into a blob. */
static int
driver_run(git_oid *out, git_repository *repo, const char *driver,
    const char *cmd, const char *file)
{
	git_writestream	*ws = NULL;
	char		*buf = NULL;
	ssize_t		 n;
	pid_t		 pid;
	int		 pfd[2], in, rc, err = 0;

	if ((in = open(file, O_RDONLY)) == -1)
		return pl_error_set(PL_ERROR, "cannot read '%s': %s", file,
		    strerror(errno));
	if (pipe(pfd) == -1) {
		close(in);
		return pl_error_set(PL_ERROR, "cannot run filter '%s': %s",
		    driver, strerror(errno));
	}
	if ((pid = fork()) == 0) {
		/* As git runs it: from the top of the working tree. */
		if (dup2(in, 0) == -1 || dup2(pfd[1], 1) == -1 ||
		    chdir(git_repository_workdir(repo)) == -1)
			_exit(127);
		close(pfd[0]);
		signal(SIGPIPE, SIG_DFL);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(in);
	close(pfd[1]);
	if (pid == -1) {
		close(pfd[0]);
		return pl_error_set(PL_ERROR, "cannot run filter '%s': %s",
		    driver, strerror(errno));
	}
	if ((rc = git_blob_create_from_stream(&ws, repo, NULL)) < 0)
		err = pl_error_git(rc, "cannot store the file");
	buf = pl_xmalloc(CHUNK);
	while (err == 0 && (n = read_some(pfd[0], buf, "filter")) != 0) {
		if (n < 0)
			err = (int)n;
		else if ((rc = ws->write(ws, buf, (size_t)n)) < 0)
			err = pl_error_git(rc, "cannot store the file");
	}
	close(pfd[0]);
	if (err != 0)
		kill(pid, SIGTERM);
	err = driver_wait(pid, driver, err);
	if (err == 0 && (rc = git_blob_create_from_stream_commit(out, ws)) < 0)
		err = pl_error_git(rc, "cannot store the file");
	else if (err != 0 && ws != NULL)
		ws->free(ws);
	free(buf);
	return err;
}

/*
 * The clean command of the filter driver .gitattributes names for path,
 * with %f filled in; *out NULL when there is none to run.  A required
 * driver pl cannot run is refused, never skipped.
 */
static int
driver_clean(char **out, char **driver, git_repository *repo,
    const char *path)
{
	git_config	*cfg = NULL;
	char		*clean = NULL, *key;
	int		 required = 0, rc, err;

	*out = NULL;
	if ((err = driver_find(driver, repo, path)) != 0 || *driver == NULL)
		return err;
	if ((rc = git_repository_config_snapshot(&cfg, repo)) < 0)
		return pl_error_git(rc, "cannot read git config");
	clean = config_str(cfg, *driver, "clean");
	key = pl_xasprintf("filter.%s.required", *driver);
	if (git_config_get_bool(&required, cfg, key) < 0)
		required = 0;
	free(key);
	if (clean != NULL)
		*out = driver_command(clean, path);
	else if (required)
		err = pl_error_set(PL_ERROR, "'%s' needs filter '%s', and pl "
		    "runs only a clean command (filter.%s.clean), which is "
		    "not set; nothing was committed", path, *driver, *driver);
	git_config_free(cfg);
	free(clean);
	return err;
}

/* Through libgit2's conversions, which work on the whole file. */
static int
filtered_store(git_oid *out, git_repository *repo, git_filter_list *fl,
    const char *file, off_t size)
{
	git_buf	 b = { NULL, 0, 0 };
	int	 rc;

	if (size > PL_FILTER_MAX)
		return pl_error_set(PL_EINVAL, "'%s' is larger than %d MiB, "
		    "and .gitattributes asks for a line-ending conversion, "
		    "which pl makes in memory", file, PL_FILTER_MAX >> 20);
	if ((rc = git_filter_list_apply_to_file(&b, fl, repo, file)) < 0 ||
	    (rc = git_blob_create_from_buffer(out, repo, b.ptr, b.size)) < 0)
		rc = pl_error_git(rc, "cannot store the file");
	git_buf_dispose(&b);
	return rc < 0 ? rc : 0;
}

/* Copies src to dst and stores it in the same pass, as it is. */
static int
plain_store(git_oid *out, git_repository *repo, const char *path, int src,
    const char *src_name, off_t size, int dst)
{
	git_odb_stream	*ws = NULL;
	git_odb		*odb = NULL;
	int		 rc, err;

	if ((rc = git_repository_odb(&odb, repo)) < 0 ||
	    (rc = git_odb_open_wstream(&ws, odb, (git_object_size_t)size,
	    GIT_OBJECT_BLOB)) < 0)
		err = pl_error_git(rc, "cannot store the file");
	else if ((err = copy(src, src_name, size, dst, path, ws)) == 0 &&
	    (rc = git_odb_stream_finalize_write(out, ws)) < 0)
		err = pl_error_git(rc, "cannot store the file");
	git_odb_stream_free(ws);
	git_odb_free(odb);
	return err;
}

int
pl_blob_copy(git_oid *out, git_repository *repo, const char *path,
    int src, const char *src_name, int dst, const char *dst_name)
{
	git_filter_list	*fl = NULL;
	struct stat	 st;
	char		*driver = NULL, *cmd = NULL;
	int		 rc, err;

	if (fstat(src, &st) == -1)
		return pl_error_set(PL_ERROR, "cannot read '%s': %s",
		    src_name, strerror(errno));
	if ((rc = git_filter_list_load(&fl, repo, NULL, path,
	    GIT_FILTER_TO_ODB, GIT_FILTER_DEFAULT)) < 0)
		return pl_error_git(rc, ".gitattributes");
	if ((err = driver_clean(&cmd, &driver, repo, path)) != 0)
		goto done;
	if (cmd == NULL && fl == NULL) {
		err = plain_store(out, repo, path, src, src_name, st.st_size,
		    dst);
		goto done;
	}
	/* Conversions read the working file, once it is whole. */
	if ((err = copy(src, src_name, st.st_size, dst, path, NULL)) != 0)
		goto done;
	if (cmd != NULL)
		err = driver_run(out, repo, driver, cmd, dst_name);
	else
		err = filtered_store(out, repo, fl, dst_name, st.st_size);
done:
	git_filter_list_free(fl);
	free(driver);
	free(cmd);
	return err;
}
