/*
 * Memory, buffers, string lists and whole-file I/O.  Out of memory aborts:
 * a command-line tool has nothing better to do, and every write goes
 * through a temporary file, so aborting never leaves half a file.
 */
#define _XOPEN_SOURCE 700	/* realpath(3) */

#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "pl/base/util.h"

static void
oom(void)
{
	fputs("pl: out of memory\n", stderr);
	abort();
}

void *
pl_xmalloc(size_t n)
{
	void	*p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
pl_xcalloc(size_t n, size_t size)
{
	void	*p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
pl_xrealloc(void *old, size_t n)
{
	void	*p = realloc(old, n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

char *
pl_xstrdup(const char *s)
{
	return pl_xstrndup(s, strlen(s));
}

char *
pl_xstrndup(const char *s, size_t n)
{
	char	*p = pl_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
pl_xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = pl_xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

char *
pl_xvasprintf(const char *fmt, va_list ap)
{
	struct pl_buf	b = PL_BUF_INIT;

	pl_buf_vprintf(&b, fmt, ap);
	return pl_buf_detach(&b);
}

void
pl_buf_init(struct pl_buf *b)
{
	b->ptr = NULL;
	b->len = b->cap = 0;
	b->drain = NULL;
	b->drain_arg = NULL;
}

void
pl_buf_release(struct pl_buf *b)
{
	free(b->ptr);
	pl_buf_init(b);
}

void
pl_buf_clear(struct pl_buf *b)
{
	b->len = 0;
	if (b->ptr != NULL)
		b->ptr[0] = '\0';
}

static void
grow(struct pl_buf *b, size_t extra)
{
	size_t	need = b->len + extra + 1;

	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < need)
		b->cap *= 2;
	b->ptr = pl_xrealloc(b->ptr, b->cap);
}

void
pl_buf_put(struct pl_buf *b, const char *s, size_t n)
{
	grow(b, n);
	if (n > 0)
		memcpy(b->ptr + b->len, s, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

void
pl_buf_drain(struct pl_buf *b)
{
	size_t	n;
	char	c;

	if (b->drain == NULL || b->len < PL_BUF_DRAIN_AT)
		return;
	for (n = b->len; n > 0 && b->ptr[n - 1] != '\n'; n--)
		;
	if (n == 0)
		return;
	c = b->ptr[n];
	b->ptr[n] = '\0';
	b->drain(b->ptr, n, b->drain_arg);
	b->ptr[n] = c;
	memmove(b->ptr, b->ptr + n, b->len - n + 1);
	b->len -= n;
}

void
pl_buf_puts(struct pl_buf *b, const char *s)
{
	pl_buf_put(b, s, strlen(s));
}

void
pl_buf_putc(struct pl_buf *b, char c)
{
	pl_buf_put(b, &c, 1);
}

/*
 * Formats into the room the buffer has (made 128 bytes at least) and
 * again only when the text did not fit: measuring every text first was
 * half of the HTML report's printf time, its charts' numbers.
 */
void
pl_buf_vprintf(struct pl_buf *b, const char *fmt, va_list ap)
{
	va_list	aq;
	size_t	room;
	int	n;

	grow(b, 128);
	room = b->cap - b->len;
	va_copy(aq, ap);
	n = vsnprintf(b->ptr + b->len, room, fmt, aq);
	va_end(aq);
	if (n < 0) {
		b->ptr[b->len] = '\0';
		return;
	}
	if ((size_t)n >= room) {
		grow(b, (size_t)n);
		vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	}
	b->len += (size_t)n;
}

void
pl_buf_printf(struct pl_buf *b, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	pl_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

const char *
pl_buf_cstr(const struct pl_buf *b)
{
	return b->ptr != NULL ? b->ptr : "";
}

char *
pl_buf_detach(struct pl_buf *b)
{
	char	*p = b->ptr != NULL ? b->ptr : pl_xstrdup("");

	pl_buf_init(b);
	return p;
}

void
pl_strlist_init(struct pl_strlist *l)
{
	l->v = NULL;
	l->n = l->cap = 0;
}

void
pl_strlist_release(struct pl_strlist *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	pl_strlist_init(l);
}

void
pl_strlist_push_owned(struct pl_strlist *l, char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = pl_xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = s;
}

void
pl_strlist_push(struct pl_strlist *l, const char *s)
{
	pl_strlist_push_owned(l, pl_xstrdup(s));
}

int
pl_strlist_find(const struct pl_strlist *l, const char *s)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return (int)i;
	return -1;
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
pl_strlist_sort(struct pl_strlist *l)
{
	if (l->n > 1)
		qsort(l->v, l->n, sizeof *l->v, cmpstr);
}

void
pl_strlist_copy(struct pl_strlist *dst, const struct pl_strlist *src)
{
	size_t	i;

	for (i = 0; i < src->n; i++)
		pl_strlist_push(dst, src->v[i]);
}

void
pl_strlist_join(struct pl_buf *out, const struct pl_strlist *l,
    const char *sep)
{
	size_t	i;

	pl_buf_puts(out, "");
	for (i = 0; i < l->n; i++)
		pl_buf_printf(out, "%s%s", i > 0 ? sep : "", l->v[i]);
}

int
pl_error_too_large(int code, const char *what)
{
	return pl_error_set(code, "'%s' is larger than %d MiB", what,
	    PL_READ_MAX >> 20);
}

static FILE *
open_input(const char *path, size_t max, int *err)
{
	struct stat	 st;
	FILE		*f;

	*err = 0;
	if (strcmp(path, "-") == 0)
		return stdin;
	if (stat(path, &st) == -1)
		*err = errno == ENOENT ?
		    pl_error_set(PL_ENOTFOUND, "'%s' does not exist", path) :
		    pl_error_set(PL_ERROR, "cannot read '%s': %s", path,
		    strerror(errno));
	else if (S_ISDIR(st.st_mode))
		*err = pl_error_set(PL_EINVAL, "'%s' is a directory", path);
	else if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max)
		*err = pl_error_too_large(PL_EINVAL, path);
	else if ((f = fopen(path, "rb")) == NULL)
		*err = pl_error_set(PL_ERROR, "cannot read '%s': %s", path,
		    strerror(errno));
	else
		return f;
	return NULL;
}

/* Appends what path holds, refusing more than max bytes of it. */
static int
read_upto(struct pl_buf *out, const char *path, size_t max)
{
	char	 chunk[65536];
	FILE	*f;
	size_t	 n, got = 0;
	int	 err;

	if ((f = open_input(path, max, &err)) == NULL)
		return err;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		/* A device or a pipe has no size to check beforehand. */
		if ((got += n) > max) {
			err = pl_error_too_large(PL_EINVAL, path);
			break;
		}
		pl_buf_put(out, chunk, n);
	}
	if (err == 0 && ferror(f))
		err = pl_error_set(PL_ERROR, "cannot read '%s': %s", path,
		    strerror(errno));
	if (f != stdin)
		fclose(f);
	if (out->ptr == NULL)
		pl_buf_put(out, "", 0);
	return err;
}

int
pl_read_file(struct pl_buf *out, const char *path)
{
	return read_upto(out, path, SIZE_MAX);
}

int
pl_read_bytes(struct pl_buf *out, const char *path)
{
	return read_upto(out, path, PL_READ_MAX);
}

int
pl_read_text(struct pl_buf *out, const char *path)
{
	size_t	start = out->len;
	int	err;

	if ((err = read_upto(out, path, PL_READ_MAX)) != 0)
		return err;
	/* Used as a C string, the text would end at the NUL, silently. */
	if (memchr(out->ptr + start, '\0', out->len - start) != NULL)
		return pl_error_set(PL_EINVAL, "'%s' contains a NUL byte "
		    "(binary or UTF-16?)", path);
	return 0;
}

char *
pl_trimmed(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	return pl_xstrndup(s, n);
}

int
pl_write_all(int fd, const char *p, size_t n, const char *name,
    int (*stop)(void))
{
	ssize_t	w;

	while (n > 0) {
		if ((w = write(fd, p, n)) < 0) {
			if (errno == EINTR && (stop == NULL || stop() == 0))
				continue;
			return errno == EINTR ? stop() :
			    pl_error_set(PL_ERROR, "cannot write '%s': %s",
			    name, strerror(errno));
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* "a/b" for "a/b/c", "." for "c": where a temporary file beside path goes. */
static char *
folder_of(const char *path)
{
	const char	*slash = strrchr(path, '/');

	if (slash == NULL)
		return pl_xstrdup(".");
	if (slash == path)
		return pl_xstrdup("/");
	return pl_xstrndup(path, (size_t)(slash - path));
}

/*
 * The file replaced, kept: its owner and group where pl may set them (as
 * root, or a group pl's user is in), else pl's user's; then its mode,
 * after the owner, since chown(2) may clear the set-id bits.
 */
static int
keep_file(int fd, const struct stat *old, const char *path)
{
	if (fchown(fd, old->st_uid, old->st_gid) == -1)
		(void)!fchown(fd, (uid_t)-1, old->st_gid);
	if (fchmod(fd, old->st_mode & 07777) == -1)
		return pl_error_set(PL_ERROR, "cannot write '%s': %s", path,
		    strerror(errno));
	return 0;
}

static unsigned long	nonce;
static unsigned long	tags;
static pthread_mutex_t	tag_mutex = PTHREAD_MUTEX_INITIALIZER;

/*
 * Drawn once: without /dev/urandom or getrandom(2), the clock and the
 * pid still tell two processes of one pid apart.
 */
static void
nonce_draw(void)
{
	struct timespec	ts;
	uint32_t	r;

	if (getrandom(&r, sizeof r, GRND_NONBLOCK) == (ssize_t)sizeof r) {
		nonce = r;
		return;
	}
	clock_gettime(CLOCK_REALTIME, &ts);
	nonce = ((unsigned long)ts.tv_nsec ^ (unsigned long)ts.tv_sec ^
	    ((unsigned long)getpid() << 16)) & 0xffffffffUL;
}

unsigned long
pl_process_nonce(void)
{
	static pthread_once_t	once = PTHREAD_ONCE_INIT;

	pthread_once(&once, nonce_draw);
	return nonce;
}

char *
pl_tmp_tag(void)
{
	unsigned long	n;

	pthread_mutex_lock(&tag_mutex);
	n = tags++;
	pthread_mutex_unlock(&tag_mutex);
	return pl_xasprintf("%ld-%08lx-%lu", (long)getpid(),
	    pl_process_nonce(), n);
}

/* What follows a tag's pid: "", "-N" or "-NONCE-N" (pl_tmp_tag()). */
static int
tag_form(const char *s)
{
	size_t	n;

	if (*s == '\0')
		return 1;
	if (*s++ != '-')
		return 0;
	if ((n = strspn(s, "0123456789abcdef")) == 8 && s[8] == '-')
		s += 9;
	return (n = strspn(s, "0123456789")) > 0 && s[n] == '\0';
}

int
pl_tmp_gone(const char *path, const char *tag)
{
	char		*end;
	long		 pid = strtol(tag, &end, 10);
	unsigned long	 theirs;
	int		 fd, gone;

	/* no digits at all read as pid 0 */
	if (pid <= 0 || !tag_form(end))
		return 0;
	/* "PID-NONCE-N", or an older pl's "PID" or "PID-N" */
	if (*end == '-' && strlen(end) > 10 && end[9] == '-') {
		theirs = strtoul(end + 1, NULL, 16);
		if (pid == (long)getpid() && theirs == pl_process_nonce())
			return 0;	/* this process's */
	}
	if (pid != (long)getpid() && (kill((pid_t)pid, 0) == 0 ||
	    errno != ESRCH))
		return 0;
	/* A live writer in another PID namespace holds its lock. */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW |
	    O_NONBLOCK)) == -1)
		return 0;
	gone = flock(fd, LOCK_SH | LOCK_NB) == 0;
	close(fd);
	return gone;
}

void
pl_tmp_sweep(const char *dir)
{
	struct dirent	*d;
	DIR		*dp;
	const char	*tag;
	char		*path;

	if ((dp = opendir(dir)) == NULL)
		return;
	while ((d = readdir(dp)) != NULL) {
		if ((tag = strstr(d->d_name, ".pl-tmp-")) == NULL)
			continue;
		path = pl_xasprintf("%s/%s", dir, d->d_name);
		if (pl_tmp_gone(path, tag + 8))
			(void)unlink(path);
		free(path);
	}
	closedir(dp);
}

/*
 * An output being written: to a temporary file beside dest, renamed to
 * it at close, or (dest NULL) straight to a file that is not a regular
 * one.  The first write's error is kept, its message with it, for close.
 */
struct pl_outfile {
	int	 fd;
	int	 err;
	char	*msg;
	char	*name;	/* for messages */
	char	*dest;
	char	*tmp;
};

static struct pl_outfile *
outfile_new(int fd, const char *name)
{
	struct pl_outfile	*o = pl_xcalloc(1, sizeof *o);

	o->fd = fd;
	o->name = pl_xstrdup(name);
	return o;
}

/*
 * A temporary file beside dest.  A new file gets mode less the umask
 * (as open(2) makes it); with old, the stat of the file replaced, it
 * keeps that file's mode and owner.
 */
static int
outfile_temp(struct pl_outfile **out, const char *dest, unsigned mode,
    const struct stat *old)
{
	char	*tag = pl_tmp_tag();
	char	*tmp = pl_xasprintf("%s.pl-tmp-%s", dest, tag);
	char	*folder;
	int	 fd, err = 0;

	free(tag);
	/* a file kept at 0600 is never readable by others, even briefly */
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    old != NULL ? 0600 : mode);
	if (fd == -1) {
		folder = folder_of(dest);
		err = pl_error_set(PL_ERROR, "cannot write '%s': cannot make "
		    "a new file in '%s': %s", dest, folder, strerror(errno));
		free(folder);
		free(tmp);
		return err;
	}
	/* held until renamed: pl_tmp_gone() leaves the file alone */
	(void)flock(fd, LOCK_EX | LOCK_NB);
	*out = outfile_new(fd, dest);
	(*out)->dest = pl_xstrdup(dest);
	(*out)->tmp = tmp;
	if (old != NULL && (err = keep_file(fd, old, dest)) != 0) {
		(void)pl_outfile_close(*out, 0);
		*out = NULL;
	}
	return err;
}

void
pl_outfile_write(struct pl_outfile *o, const char *data, size_t len)
{
	if (o->err == 0 && (o->err = pl_write_all(o->fd, data, len, o->name,
	    NULL)) != 0)
		o->msg = pl_xstrdup(pl_error_last());
}

int
pl_outfile_close(struct pl_outfile *o, int keep)
{
	int	err = o->err;

	if (err != 0)
		(void)pl_error_set(err, "%s", o->msg);
	if (keep && err == 0 && o->tmp != NULL && (fsync(o->fd) == -1 ||
	    rename(o->tmp, o->dest) == -1))
		err = pl_error_set(PL_ERROR, "cannot write '%s': %s", o->name,
		    strerror(errno));
	if (o->tmp != NULL && (err != 0 || !keep))
		unlink(o->tmp);
	if (close(o->fd) == -1 && err == 0 && keep)
		err = pl_error_set(PL_ERROR, "cannot write '%s': %s", o->name,
		    strerror(errno));
	free(o->msg);
	free(o->name);
	free(o->dest);
	free(o->tmp);
	free(o);
	return err;
}

/* Writes data, as one, to o: opened, unless err says it was not. */
static int
write_whole(int err, struct pl_outfile *o, const char *data, size_t len)
{
	if (err != 0)
		return err;
	pl_outfile_write(o, data, len);
	return pl_outfile_close(o, 1);
}

int
pl_write_file(const char *path, const char *data, size_t len, unsigned mode)
{
	struct pl_outfile	*o = NULL;
	char			*folder = folder_of(path);
	int			 err;

	/* nothing else would remove what a killed writer left */
	pl_tmp_sweep(folder);
	free(folder);
	err = outfile_temp(&o, path, mode, NULL);
	return write_whole(err, o, data, len);
}

/* What the link at path holds ("" when it cannot be read). */
static char *
read_link(const char *path)
{
	size_t	 size = 64;
	char	*buf = pl_xmalloc(size);
	ssize_t	 n;

	while ((n = readlink(path, buf, size)) >= 0 && (size_t)n == size)
		buf = pl_xrealloc(buf, size *= 2);
	buf[n > 0 ? (size_t)n : 0] = '\0';
	return buf;
}

/* A path that does not exist: a new file, unless a link points there. */
static int
open_new(struct pl_outfile **out, const char *path)
{
	struct stat	 st;
	char		*to;
	int		 err;

	if (lstat(path, &st) == -1 || !S_ISLNK(st.st_mode))
		return outfile_temp(out, path, 0666, NULL);
	/* the shell's > would make the target: cp(1) does not, nor pl */
	to = read_link(path);
	err = pl_error_set(PL_ENOTFOUND, "cannot write '%s': it is a "
	    "symbolic link to '%s', which does not exist", path, to);
	free(to);
	return err;
}

int
pl_outfile_open(struct pl_outfile **out, const char *path)
{
	struct stat	 st, lst;
	char		*target;
	int		 fd, err;

	*out = NULL;
	/* open(2) follows links and checks rights as the shell's > does */
	if ((fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)) == -1)
		return errno == ENOENT ? open_new(out, path) :
		    pl_error_set(PL_ERROR, "cannot write '%s': %s", path,
		    strerror(errno));
	if (fstat(fd, &st) == -1) {
		err = pl_error_set(PL_ERROR, "cannot write '%s': %s", path,
		    strerror(errno));
		close(fd);
		return err;
	}
	if (!S_ISREG(st.st_mode)) {
		*out = outfile_new(fd, path);
		return PL_OK;
	}
	close(fd);
	/* renamed over a link, the file would replace the link */
	if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
		if ((target = realpath(path, NULL)) == NULL)
			return pl_error_set(PL_ERROR, "cannot write '%s': %s",
			    path, strerror(errno));
	} else
		target = pl_xstrdup(path);
	err = outfile_temp(out, target, 0666, &st);
	free(target);
	return err;
}

int
pl_write_output(const char *path, const char *data, size_t len)
{
	struct pl_outfile	*o = NULL;
	int			 err = pl_outfile_open(&o, path);

	return write_whole(err, o, data, len);
}

int
pl_replace_file(const char *path, const char *data, size_t len)
{
	struct stat	st;

	if (stat(path, &st) == -1)
		return errno == ENOENT ?
		    pl_error_set(PL_ENOTFOUND, "'%s' does not exist", path) :
		    pl_error_set(PL_ERROR, "cannot read '%s': %s", path,
		    strerror(errno));
	if (!S_ISREG(st.st_mode))
		return pl_error_set(PL_EINVAL, "'%s' is not a file", path);
	return pl_write_output(path, data, len);
}

static int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)st;
	(void)f;
	return (flag == FTW_DP ? rmdir(path) : unlink(path)) == -1 ?
	    -1 : 0;
}

void
pl_remove_tree(const char *dir, int keep_dir)
{
	struct dirent	*de;
	DIR		*d;
	char		*p;

	if (!keep_dir) {
		(void)nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
		return;
	}
	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		p = pl_xasprintf("%s/%s", dir, de->d_name);
		(void)nftw(p, rm_one, 16, FTW_DEPTH | FTW_PHYS);
		free(p);
	}
	closedir(d);
}

int
pl_make_dir(const char *dir)
{
	struct stat	st;

	if (mkdir(dir, 0777) == 0 || (errno == EEXIST && stat(dir, &st) == 0 &&
	    S_ISDIR(st.st_mode)))
		return PL_OK;
	return pl_error_set(errno == EEXIST ? PL_EEXISTS : PL_ERROR, "cannot "
	    "make the folder '%s': %s", dir, errno == EEXIST ?
	    "a file is in the way" : strerror(errno));
}

int
pl_make_parents(const char *top, const char *path)
{
	char	*p = pl_xstrdup(path), *s;
	int	 err = PL_OK;

	for (s = p + strlen(top) + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST)
			err = pl_error_set(PL_ERROR, "cannot make the folder "
			    "'%s': %s", p, strerror(errno));
		*s = '/';
		if (err != PL_OK)
			break;
	}
	free(p);
	return err;
}

int
pl_dlsym(void *lib, const char *name, void *fn)
{
	void	*p = lib == NULL ? NULL : dlsym(lib, name);

	/* dlsym's void * to a function pointer, as POSIX allows */
	*(void **)fn = p;
	return p != NULL;
}
