/*
 * The locks a write holds, and what it leaves behind if it dies.
 *
 * pl.lock keeps pl processes apart.  It is made under a private name and
 * linked into place, so it never exists without saying who holds it
 * ("pid N", "host H"); while held, the transaction appends a line for
 * every temporary file or folder before making it ("tmp PATH", "dir
 * PATH"), and, just before its branch moves, one for each rename and
 * removal that will finish it ("move FROM\tTO\tOLD", "remove PATH\tOLD").
 * A pl that finds the lock of a process that is no longer running on
 * this host undoes or finishes what that journal names and takes the
 * lock over, so a SIGKILL never leaves work for a person to do by hand.
 *
 * index.lock is git's own lock on the index: holding it for the whole
 * transaction makes a concurrent "git add" wait or fail rather than be
 * overwritten.  It too is linked from a private name the journal records
 * first ("ilock PATH"), so a dead pl's index.lock is told from a live git
 * command's by its inode, never by guessing.
 *
 * Signals (INT, TERM, HUP, QUIT) only set a flag while a lock is held;
 * the transaction checks it between steps and unwinds through its normal
 * failure path, and the signal is raised again once everything is
 * removed (git's sigchain and tempfile, without unlinking from inside a
 * handler what libgit2 still has open).
 */
#include <sys/file.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <git2.h>

#include "store/lock.h"

struct pl_lock {
	git_repository		*repo;
	char			*gitdir;	/* ends in '/' */
	char			*path;		/* pl.lock */
	int			 fd;		/* its journal */
	char			*ipriv;		/* index.lock, privately */
	int			 index_held;
	off_t			 header;	/* the journal's "pid", "host" */
	struct pl_strlist	 temps;		/* to remove */
	struct pl_strlist	 dirs;		/* folders made */
};

static const int	 signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
#define NSIGNALS	 (sizeof signals / sizeof signals[0])
static struct sigaction	 saved[NSIGNALS];
static volatile sig_atomic_t caught;
/* The locks held in this process (threads may each hold one): the
   handlers are pl's while any is. */
static int		 installed;
static pthread_mutex_t	 handlers = PTHREAD_MUTEX_INITIALIZER;

static void
on_signal(int sig)
{
	caught = sig;
}

static void
signals_catch(void)
{
	struct sigaction	sa;
	size_t			i;

	pthread_mutex_lock(&handlers);
	if (installed++ > 0) {
		pthread_mutex_unlock(&handlers);
		return;
	}
	caught = 0;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < NSIGNALS; i++) {
		sigaction(signals[i], NULL, &saved[i]);
		/* nohup's SIGHUP stays ignored, as it was asked to be. */
		if (saved[i].sa_handler != SIG_IGN)
			sigaction(signals[i], &sa, NULL);
	}
	pthread_mutex_unlock(&handlers);
}

/* Puts the old handlers back; a signal caught meanwhile is raised. */
static void
signals_restore(int raise_caught)
{
	size_t	i;
	int	sig;

	pthread_mutex_lock(&handlers);
	if (installed == 0 || --installed > 0) {
		pthread_mutex_unlock(&handlers);
		return;
	}
	sig = caught;
	for (i = 0; i < NSIGNALS; i++)
		sigaction(signals[i], &saved[i], NULL);
	caught = 0;
	pthread_mutex_unlock(&handlers);
	if (raise_caught && sig != 0)
		raise(sig);
}

int
pl_lock_check(void)
{
	if (caught != 0)
		return pl_error_set(PL_ERROR, "interrupted by signal %d; "
		    "nothing was committed", (int)caught);
	return 0;
}

/* A line the next pl needs if this one dies: failing it is failing. */
static int PL_PRINTF(2, 3)
journal(struct pl_lock *l, const char *fmt, ...)
{
	struct pl_buf	 line = PL_BUF_INIT;
	va_list		 ap;
	int		 err;

	va_start(ap, fmt);
	pl_buf_vprintf(&line, fmt, ap);
	va_end(ap);
	pl_buf_putc(&line, '\n');
	err = pl_write_all(l->fd, line.ptr, line.len, l->path,
	    pl_lock_check);
	pl_buf_release(&line);
	return err;
}

int
pl_lock_temp(struct pl_lock *l, const char *path)
{
	pl_strlist_push(&l->temps, path);
	return journal(l, "tmp %s", path);
}

int
pl_lock_dir(struct pl_lock *l, const char *path)
{
	pl_strlist_push(&l->dirs, path);
	return journal(l, "dir %s", path);
}

static char *
host_name(void)
{
	char	h[256];

	if (gethostname(h, sizeof h) == -1)
		return pl_xstrdup("?");
	h[sizeof h - 1] = '\0';
	return pl_xstrdup(h);
}

/* Only names pl itself gives its temporary files are removed. */
static int
ours(const char *path)
{
	const char	*base = strrchr(path, '/');

	base = base != NULL ? base + 1 : path;
	return strncmp(base, ".pl-", 4) == 0 || strncmp(base, "pl-", 3) == 0;
}

static int
same_file(const char *a, const char *b)
{
	struct stat	sa, sb;

	return lstat(a, &sa) == 0 && lstat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/*
 * Puts a file of a dead pl's commit in place, as its finish would have,
 * unless the place changed since (the person's edit wins; git status
 * then shows it).  line is "FROM\tTO\tOLD", OLD the blob the place had
 * before, or "-" for none.  Returns TO when it was kept so (FROM, not
 * put in place by the dead pl, is still there), else NULL.
 */
static const char *
roll_forward(git_repository *repo, char *line)
{
	char		*to = strchr(line, '\t'), *old;
	git_oid		 want, have;
	struct stat	 st;
	int		 same;

	if (to == NULL || (old = strchr(++to, '\t')) == NULL)
		return NULL;
	to[-1] = *old++ = '\0';
	if (strcmp(old, "-") == 0)
		same = lstat(to, &st) == -1 && errno == ENOENT;
	else if (strcmp(old, "index") == 0)
		same = 1;	/* index.lock kept everyone else off it */
	else
		same = git_oid_fromstr(&want, old) == 0 &&
		    git_odb_hashfile(&have, to, GIT_OBJECT_BLOB) == 0 &&
		    git_oid_equal(&want, &have);
	if (!ours(line))
		return NULL;
	if (same)
		rename(line, to);
	return !same && access(line, F_OK) == 0 ? to : NULL;
}

int
pl_lock_unlink(git_repository *repo, const char *full)
{
	const char	*wd = git_repository_workdir(repo);
	char		*dir, *slash;
	int		 keep;

	if (unlink(full) == -1 && errno != ENOENT)
		return -1;
	keep = errno;
	/* As git rm does: folders left empty go, up to the top */
	dir = pl_xstrdup(full);
	while (wd != NULL && (slash = strrchr(dir, '/')) != NULL &&
	    (size_t)(slash - dir) >= strlen(wd)) {
		*slash = '\0';
		if (rmdir(dir) == -1)
			break;
	}
	free(dir);
	errno = keep;
	return 0;
}

/*
 * Removes a working file of a dead pl's commit, as its finish would
 * have, unless it changed since (the person's edit wins).  line is
 * "PATH\tOLD", OLD the blob the file had.  Returns PATH when it was
 * kept so, else NULL.
 */
static const char *
roll_remove(git_repository *repo, char *line)
{
	char	*old = strchr(line, '\t');
	git_oid	 want, have;

	if (old == NULL)
		return NULL;
	*old++ = '\0';
	if (git_oid_fromstr(&want, old) != 0 ||
	    git_odb_hashfile(&have, line, GIT_OBJECT_BLOB) != 0)
		return NULL;	/* gone already */
	if (!git_oid_equal(&want, &have))
		return line;
	(void)pl_lock_unlink(repo, line);
	return NULL;
}

/*
 * A working file of the dead pl's commit that the person changed since
 * it was killed: kept, and said, so that the commit's change to it is
 * not undone unawares by committing the file as it is.
 */
static void
kept_note(struct pl_strlist *notes, git_repository *repo, const char *full,
    int removed)
{
	const char	*wd = git_repository_workdir(repo);
	size_t		 n = wd != NULL ? strlen(wd) : 0;

	if (full == NULL)
		return;
	if (n > 0 && strncmp(full, wd, n) == 0)
		full += n;
	if (removed)
		pl_strlist_push_owned(notes, pl_xasprintf("kept '%s', "
		    "changed after that pl stopped, which the commit removes: "
		    "it is now untracked", full));
	else
		pl_strlist_push_owned(notes, pl_xasprintf("kept '%s' as it "
		    "is, changed after that pl stopped: 'git diff -- %s' "
		    "shows how it differs from the commit", full, full));
}

/*
 * The branch's lock file, when a dead pl was moving it: libgit2 writes
 * the new value into it only at the end, so it is empty or holds the
 * dead pl's own commit, which no one else can know of.
 */
static void
ref_lock_undo(git_repository *repo, const char *branch, const git_oid *id)
{
	char		*path = pl_xasprintf("%s%s.lock",
			    git_repository_commondir(repo), branch);
	char		 text[GIT_OID_HEXSZ + 2];
	git_oid		 have;
	ssize_t		 n = 0;
	int		 fd;

	if ((fd = open(path, O_RDONLY)) != -1) {
		n = read(fd, text, sizeof text - 1);
		close(fd);
		text[n > 0 ? n : 0] = '\0';
		if (n == 0 || (n > 0 && git_oid_fromstrn(&have, text,
		    GIT_OID_HEXSZ) == 0 && git_oid_equal(&have, id)))
			unlink(path);
	}
	free(path);
}

/*
 * 1 when the dead pl's commit is on its branch: finish, not undo.  When
 * it is not, the dead pl may have died moving it.
 */
static int
committed(git_repository *repo, const char *line)
{
	const char	*sp = strchr(line, ' ');
	char		*branch;
	git_oid		 want, have;
	int		 done;

	if (sp == NULL || git_oid_fromstr(&want, sp + 1) != 0)
		return 0;
	branch = pl_xstrndup(line, (size_t)(sp - line));
	done = git_reference_name_to_id(&have, repo, branch) == 0 &&
	    git_oid_equal(&want, &have);
	if (!done)
		ref_lock_undo(repo, branch, &want);
	free(branch);
	return done;
}

/*
 * Undoes what a dead pl's journal says it made, last first; or, when
 * it died after its branch moved, finishes its renames first, a note in
 * kept for each file changed since.  Returns 1 when it finished a commit.
 */
static int
journal_undo(git_repository *repo, const char *gitdir, char *text,
    struct pl_strlist *kept)
{
	struct pl_strlist	 lines = PL_STRLIST_INIT;
	char			*s, *nl, *ilock;
	size_t			 i;
	int			 forward = 0;

	/* A line cut short by the kill has no newline and does not count. */
	for (s = text; (nl = strchr(s, '\n')) != NULL; s = nl + 1) {
		*nl = '\0';
		pl_strlist_push(&lines, s);
		if (strncmp(s, "commit ", 7) == 0)
			forward = committed(repo, s + 7);
	}
	for (i = 0; forward && i < lines.n; i++)
		if (strncmp(lines.v[i], "move /", 6) == 0)
			kept_note(kept, repo, roll_forward(repo,
			    lines.v[i] + 5), 0);
	/* Removals after, as finish() does them */
	for (i = 0; forward && i < lines.n; i++)
		if (strncmp(lines.v[i], "remove /", 8) == 0)
			kept_note(kept, repo, roll_remove(repo,
			    lines.v[i] + 7), 1);
	ilock = pl_xasprintf("%sindex.lock", gitdir);
	for (i = lines.n; i-- > 0;) {
		s = lines.v[i];
		if (strncmp(s, "tmp /", 5) == 0 && ours(s + 4))
			unlink(s + 4);
		else if (strncmp(s, "dir /", 5) == 0)
			rmdir(s + 4);	/* only when empty */
		else if (strncmp(s, "ilock /", 7) == 0 && ours(s + 6)) {
			if (same_file(ilock, s + 6))
				unlink(ilock);
			unlink(s + 6);
		}
	}
	free(ilock);
	pl_strlist_release(&lines);
	return forward;
}

struct holder {
	long		 pid;
	char		*host;
	unsigned long	 nonce;		/* its process's, pl_process_nonce() */
	int		 has_nonce;
	int		 flock;		/* it holds flock(2) on the file */
};

/*
 * The lock's first lines: "pid N", "host H", and from this pl on "nonce
 * X" and "flock" (an older pl's file stops at "host", pl 0.1's is the
 * bare pid).
 */
static void
holder_parse(struct holder *h, const char *text)
{
	const char	*s;
	size_t		 n;

	memset(h, 0, sizeof *h);
	if (*text >= '0' && *text <= '9')
		h->pid = strtol(text, NULL, 10);	/* pl 0.1's */
	for (s = text; *s != '\0'; s += n + (s[n] == '\n')) {
		n = strcspn(s, "\n");
		if (strncmp(s, "pid ", 4) == 0)
			h->pid = strtol(s + 4, NULL, 10);
		else if (strncmp(s, "host ", 5) == 0) {
			free(h->host);
			h->host = pl_xstrndup(s + 5, n - 5);
		} else if (strncmp(s, "nonce ", 6) == 0) {
			h->nonce = strtoul(s + 6, NULL, 16);
			h->has_nonce = 1;
		} else if (n == 5 && strncmp(s, "flock", 5) == 0)
			h->flock = 1;
		else if (s != text)
			break;		/* the journal */
	}
}

/*
 * 1 when the holder may be gone and flock(2) on the file decides: a pl
 * of this host that is not this process.  Its pid alone cannot say: the
 * first process of every PID namespace is 1, so a dead pl's pid may be
 * this process's own or another live one's.  A pl that holds flock says
 * so, and then only the lock tells (seen alike from every namespace);
 * an older pl's lock is gone with its pid, or names this process, which
 * is not it.  Another host's is never taken over: its processes cannot
 * be seen from here.
 */
static int
holder_may_be_gone(const struct holder *h, const char *host)
{
	long	self = (long)getpid();

	if (h->pid <= 0 || h->host == NULL || strcmp(h->host, host) != 0)
		return 0;
	if (h->pid == self && h->has_nonce &&
	    h->nonce == pl_process_nonce())
		return 0;	/* another thread of this process */
	if (h->flock || h->pid == self)
		return 1;
	return kill((pid_t)h->pid, 0) == -1 && errno == ESRCH;
}

/* Takers in one process: flock(2) on NFS does not tell them apart. */
static pthread_mutex_t	 takeover = PTHREAD_MUTEX_INITIALIZER;

/*
 * The lock file exists.  Returns 1 when it was a dead process's and was
 * removed (try again at once), 0 when it is held (wait), and fills h.
 * Two pl finding the same dead lock agree through flock(2) on it, and
 * the one that wins checks that the name still means that file.
 */
static int
stale_take(struct pl_lock *l, struct holder *h, const char *host,
    struct pl_strlist *notes)
{
	struct pl_buf	 text = PL_BUF_INIT;
	struct pl_strlist kept = PL_STRLIST_INIT;
	struct stat	 st, now;
	char		 chunk[4096];
	size_t		 i;
	ssize_t		 n;
	int		 fd, taken = 0, done;

	if ((fd = open(l->path, O_RDONLY)) == -1)
		return errno == ENOENT;
	while ((n = read(fd, chunk, sizeof chunk)) > 0 &&
	    text.len < (1 << 20))
		pl_buf_put(&text, chunk, (size_t)n);
	pl_buf_put(&text, "", 0);
	holder_parse(h, text.ptr);
	pthread_mutex_lock(&takeover);
	if (holder_may_be_gone(h, host) && fstat(fd, &st) == 0 &&
	    flock(fd, LOCK_EX | LOCK_NB) == 0 && lstat(l->path, &now) == 0 &&
	    now.st_dev == st.st_dev && now.st_ino == st.st_ino) {
		done = journal_undo(l->repo, l->gitdir, text.ptr, &kept);
		pl_strlist_push_owned(notes, pl_xasprintf("took over "
		    "'%s' from pl (pid %ld), which is no longer running, "
		    "and %s", l->path, h->pid, done ? "finished the commit "
		    "it had made" : "removed what it left"));
		for (i = 0; i < kept.n; i++)
			pl_strlist_push(notes, kept.v[i]);
		unlink(l->path);
		taken = 1;
	}
	pthread_mutex_unlock(&takeover);
	close(fd);
	pl_buf_release(&text);
	pl_strlist_release(&kept);
	return taken;
}

/*
 * A pl killed between making its private name for pl.lock and linking
 * it leaves that name, and nothing else names it: once the lock is ours,
 * those of gone processes on this host go.
 */
static void
orphans_remove(const char *gitdir, const char *host)
{
	char		*prefix = pl_xasprintf("pl-lock.%s.", host), *path;
	struct dirent	*de;
	size_t		 n = strlen(prefix);
	DIR		*d;

	if ((d = opendir(gitdir)) == NULL) {
		free(prefix);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, prefix, n) != 0)
			continue;
		path = pl_xasprintf("%s%s", gitdir, de->d_name);
		if (pl_tmp_gone(path, de->d_name + n))
			unlink(path);
		free(path);
	}
	closedir(d);
	free(prefix);
}

/* 0 taken, 1 held by another, <0 error. */
static int
own_try(struct pl_lock *l, const char *host, struct holder *h,
    struct pl_strlist *notes)
{
	char	*tag = pl_tmp_tag();
	char	*priv = pl_xasprintf("%spl-lock.%s.%s", l->gitdir, host, tag);
	char	*text = NULL;
	int	 fd, rc, locked, err = 0;

	/* A name of this call's own: threads of one process each take. */
	fd = open(priv, O_RDWR | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC,
	    0666);
	/* Held until released: how the next pl knows this one is alive. */
	locked = fd != -1 && flock(fd, LOCK_EX | LOCK_NB) == 0;
	text = pl_xasprintf("pid %ld\nhost %s\nnonce %08lx\n%s",
	    (long)getpid(), host, pl_process_nonce(), locked ? "flock\n" : "");
	if (fd == -1 || write(fd, text, strlen(text)) !=
	    (ssize_t)strlen(text)) {
		err = pl_error_set(PL_ERROR, "cannot make '%s': %s", priv,
		    strerror(errno));
		goto done;
	}
	/* link(2), unlike O_EXCL, makes it whole or not at all. */
	while ((rc = link(priv, l->path)) == -1 && errno == EEXIST) {
		if (!stale_take(l, h, host, notes)) {
			err = 1;
			goto done;
		}
		free(h->host);
		h->host = NULL;
	}
	/* priv taken for a dead pl's (flock does not span NFS threads) */
	if (rc == -1 && errno == ENOENT) {
		err = 1;
		goto done;
	}
	if (rc == -1) {
		err = pl_error_set(PL_ERROR, "cannot make '%s': %s", l->path,
		    strerror(errno));
		goto done;
	}
	l->fd = fd;
	l->header = (off_t)strlen(text);
	fd = -1;
	orphans_remove(l->gitdir, host);
done:
	if (fd != -1)
		close(fd);
	unlink(priv);
	free(priv);
	free(text);
	free(tag);
	return err;
}

/* 0 taken, 1 held by a git command, <0 error. */
static int
index_try(struct pl_lock *l)
{
	char	*ilock = pl_xasprintf("%sindex.lock", l->gitdir), *tag;
	int	 fd, err = 0;

	if (l->ipriv == NULL) {
		tag = pl_tmp_tag();
		l->ipriv = pl_xasprintf("%spl-index-lock.%s", l->gitdir, tag);
		free(tag);
		if ((err = journal(l, "ilock %s", l->ipriv)) != 0)
			goto done;
	}
	if ((fd = open(l->ipriv, O_WRONLY | O_CREAT | O_TRUNC, 0666)) == -1) {
		err = pl_error_set(PL_ERROR, "cannot make '%s': %s",
		    l->ipriv, strerror(errno));
		goto done;
	}
	close(fd);
	if (link(l->ipriv, ilock) == 0)
		l->index_held = 1;
	else if (errno == EEXIST)
		err = 1;
	else
		err = pl_error_set(PL_ERROR, "cannot make '%s': %s", ilock,
		    strerror(errno));
done:
	free(ilock);
	return err;
}

static long
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Sleeps a little longer each time, up to 20 ms, with some jitter. */
static void
backoff(unsigned *step, unsigned *seed)
{
	struct timespec	ts;
	long		ms;

	if (*step < 20)
		(*step)++;
	ms = 1 + (long)(rand_r(seed) % *step);
	ts.tv_sec = 0;
	ts.tv_nsec = ms * 1000000;
	nanosleep(&ts, NULL);
}

static int
busy_error(struct pl_lock *l, int own, const struct holder *h,
    unsigned timeout_ms)
{
	double	s = timeout_ms / 1000.0;

	if (!own)
		return pl_error_set(PL_ELOCKED, "portfolio is busy: "
		    "'%sindex.lock' still exists after %g s (a git command is "
		    "running?); if none is, remove the file", l->gitdir, s);
	if (h->pid > 0 && h->host != NULL)
		return pl_error_set(PL_ELOCKED, "portfolio is busy: pl (pid "
		    "%ld on %s) still holds '%s' after %g s; try again",
		    h->pid, h->host, l->path, s);
	if (h->pid > 0)
		return pl_error_set(PL_ELOCKED, "portfolio is busy: pl (pid "
		    "%ld) still holds '%s' after %g s; try again", h->pid,
		    l->path, s);
	return pl_error_set(PL_ELOCKED, "portfolio is busy: '%s' exists "
	    "and names no process; if no pl is running, remove it",
	    l->path);
}

int
pl_lock_move(struct pl_lock *l, const char *from, const char *to,
    const char *old)
{
	return journal(l, "move %s\t%s\t%s", from, to, old);
}

int
pl_lock_remove(struct pl_lock *l, const char *path, const char *old)
{
	return journal(l, "remove %s\t%s", path, old);
}

int
pl_lock_commit(struct pl_lock *l, const char *branch, const git_oid *id)
{
	char	hex[GIT_OID_HEXSZ + 1];

	git_oid_tostr(hex, sizeof hex, id);
	return journal(l, "commit %s %s", branch, hex);
}

int
pl_lock_take(struct pl_lock **out, git_repository *repo, unsigned timeout_ms,
    struct pl_strlist *notes)
{
	const char	*gitdir = git_repository_path(repo);
	struct pl_lock	*l = pl_xcalloc(1, sizeof *l);
	struct holder	 h = { 0, NULL, 0, 0, 0 };
	char		*host = host_name();
	long		 deadline = now_ms() + (long)timeout_ms;
	unsigned	 step = 0, seed = (unsigned)getpid();
	int		 rc, own = 1;

	*out = NULL;
	l->fd = -1;
	l->repo = repo;
	l->gitdir = pl_xstrdup(gitdir);
	l->path = pl_xasprintf("%spl.lock", gitdir);
	signals_catch();
	for (;;) {
		if (own)
			rc = own_try(l, host, &h, notes);
		else
			rc = index_try(l);
		if (rc == 0 && own) {
			own = 0;
			continue;
		}
		if (rc <= 0)
			break;
		if ((rc = pl_lock_check()) != 0)
			break;
		if (now_ms() >= deadline) {
			rc = busy_error(l, own, &h, timeout_ms);
			break;
		}
		free(h.host);
		h.host = NULL;
		backoff(&step, &seed);
	}
	free(h.host);
	free(host);
	if (rc != 0) {
		pl_lock_release(l, 0);
		return rc;
	}
	*out = l;
	return 0;
}

int
pl_lock_index(struct pl_lock *l, unsigned timeout_ms)
{
	struct holder	 h = { 0, NULL, 0, 0, 0 };
	long		 deadline = now_ms() + (long)timeout_ms;
	unsigned	 step = 0, seed = (unsigned)getpid();
	int		 rc;

	while (!l->index_held && (rc = index_try(l)) != 0) {
		if (rc < 0 || (rc = pl_lock_check()) != 0)
			return rc;
		if (now_ms() >= deadline)
			return busy_error(l, 0, &h, timeout_ms);
		backoff(&step, &seed);
	}
	return 0;
}

void
pl_lock_clean(struct pl_lock *l)
{
	size_t	i;

	for (i = 0; i < l->temps.n; i++)
		unlink(l->temps.v[i]);
	for (i = l->dirs.n; i-- > 0;)
		rmdir(l->dirs.v[i]);	/* only when left empty */
	pl_strlist_release(&l->temps);
	pl_strlist_release(&l->dirs);
	pl_lock_index_done(l);
	if (l->ipriv != NULL)
		unlink(l->ipriv);
	free(l->ipriv);
	l->ipriv = NULL;
	/*
	 * The next transaction under this lock starts a journal of its
	 * own: what this one did is done or undone.
	 */
	if (l->fd != -1 && ftruncate(l->fd, l->header) == -1)
		(void)0;	/* its lines only name files that are gone */
}

void
pl_lock_index_done(struct pl_lock *l)
{
	char	*ilock = pl_xasprintf("%sindex.lock", l->gitdir);

	if (l->index_held)
		unlink(ilock);
	l->index_held = 0;
	free(ilock);
}

void
pl_lock_release(struct pl_lock *l, int committed)
{
	if (l == NULL)
		return;
	pl_lock_clean(l);
	if (l->fd != -1) {
		unlink(l->path);
		close(l->fd);
	}
	free(l->path);
	free(l->gitdir);
	free(l);
	/* A change that was committed is finished, not undone. */
	signals_restore(!committed);
}
