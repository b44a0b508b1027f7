/*
 * A fault injector for the write-path tests, loaded with LD_PRELOAD.  It
 * counts the calls that make or write files (open and openat with
 * O_CREAT or for writing, write, pwrite, ftruncate, fsync, fdatasync,
 * mkdir, link), pl's and libgit2's alike, leaving standard output and
 * error alone; renames and unlinks do not count, as a full disk does
 * not fail them.  At call number PL_FAULT_AT:
 *
 *	PL_FAULT_SIGNAL unset	the call fails with ENOSPC (a full disk)
 *	PL_FAULT_SIGNAL=N	signal N is raised first (9 for SIGKILL)
 *	PL_FAULT_PAUSE=DIR	the process writes a line to the FIFO
 *				DIR/ready, then reads DIR/go until it is
 *				closed, and goes on: a test does something
 *				else in between, with no sleeping
 *
 * PL_FAULT_COUNT=FILE appends the number of counted calls to FILE at
 * exit, so a test knows how many points there are to try.
 *
 * PL_FAULT_LOG=FILE appends a line to FILE for each fsync, fdatasync,
 * rename and link, in the order they happen ("fsync PATH", "fdatasync
 * PATH", "rename FROM TO", "link FROM TO", the last two once done), so a
 * test sees what was flushed before a name was given.  PATH is the
 * file's name at the time, from /proc/self/fd.
 *
 * PL_FAULT_AFTER=SUFFIX raises PL_FAULT_SIGNAL (SIGKILL when unset) just
 * after a rename or link to a path ending in SUFFIX is done: a kill
 * exactly when, say, the branch has moved ("refs/heads/main").
 */
#define _GNU_SOURCE
#include <sys/stat.h>
#include <sys/types.h>

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static long	calls;

/* A line in PL_FAULT_LOG's file, by the real calls: none is counted. */
static void
log_line(const char *what, const char *a, const char *b)
{
	static int	(*real_open)(const char *, int, ...);
	static ssize_t	(*real_write)(int, const void *, size_t);
	const char	*f = getenv("PL_FAULT_LOG");
	char		 line[8192];
	int		 fd, n;

	if (f == NULL || *f == '\0')
		return;
	if (real_open == NULL) {
		real_open = dlsym(RTLD_NEXT, "open");
		real_write = dlsym(RTLD_NEXT, "write");
	}
	n = snprintf(line, sizeof line, "%s %s%s%s\n", what, a,
	    b != NULL ? " " : "", b != NULL ? b : "");
	if (n < 0 || (size_t)n >= sizeof line)
		return;
	if ((fd = real_open(f, O_WRONLY | O_CREAT | O_APPEND, 0666)) != -1) {
		real_write(fd, line, (size_t)n);
		close(fd);
	}
}

/* An fsync or fdatasync of fd, logged by the file's name. */
static void
log_sync(const char *what, int fd)
{
	char	link[64], path[4096];
	ssize_t	n;

	if (getenv("PL_FAULT_LOG") == NULL)
		return;
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	if ((n = readlink(link, path, sizeof path - 1)) < 0)
		n = 0;
	path[n] = '\0';
	log_line(what, path, NULL);
}

/* A name given: logged, and the process killed if it is the one. */
static void
named(const char *what, const char *from, const char *to)
{
	const char	*after = getenv("PL_FAULT_AFTER");
	const char	*sig = getenv("PL_FAULT_SIGNAL");
	size_t		 n, m;

	log_line(what, from, to);
	if (after == NULL || *after == '\0')
		return;
	n = strlen(to);
	m = strlen(after);
	if (n >= m && strcmp(to + n - m, after) == 0)
		raise(sig != NULL && *sig != '\0' ? atoi(sig) : SIGKILL);
}

static void
pause_here(const char *dir)
{
	static ssize_t	(*real_write)(int, const void *, size_t);
	char		path[4096], c;
	int		fd;

	if (real_write == NULL)
		real_write = dlsym(RTLD_NEXT, "write");
	snprintf(path, sizeof path, "%s/ready", dir);
	if ((fd = open(path, O_WRONLY)) != -1) {
		real_write(fd, "ready\n", 6);
		close(fd);
	}
	snprintf(path, sizeof path, "%s/go", dir);
	if ((fd = open(path, O_RDONLY)) != -1) {
		while (read(fd, &c, 1) > 0)
			;
		close(fd);
	}
}

/* 1 when this call is to fail. */
static int
fault(void)
{
	const char	*at = getenv("PL_FAULT_AT");
	const char	*sig = getenv("PL_FAULT_SIGNAL");
	const char	*dir = getenv("PL_FAULT_PAUSE");

	if (++calls != (at != NULL ? atol(at) : 0))
		return 0;
	if (dir != NULL && *dir != '\0') {
		pause_here(dir);
		return 0;
	}
	if (sig != NULL && *sig != '\0') {
		raise(atoi(sig));
		return 0;
	}
	errno = ENOSPC;
	return 1;
}

static void __attribute__((destructor))
report(void)
{
	const char	*f = getenv("PL_FAULT_COUNT");
	FILE		*out;

	if (f != NULL && *f != '\0' && (out = fopen(f, "a")) != NULL) {
		fprintf(out, "%ld\n", calls);
		fclose(out);
	}
}

#define REAL(name) \
	static __typeof__(name) *real; \
	if (real == NULL) \
		real = (__typeof__(name) *)dlsym(RTLD_NEXT, #name)

static int
counts(int flags)
{
	return (flags & (O_CREAT | O_WRONLY | O_RDWR)) != 0;
}

int
open(const char *path, int flags, ...)
{
	va_list	ap;
	mode_t	mode = 0;

	REAL(open);
	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	if (counts(flags) && fault())
		return -1;
	return real(path, flags, mode);
}

int
open64(const char *path, int flags, ...)
{
	va_list	ap;
	mode_t	mode = 0;

	REAL(open64);
	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	if (counts(flags) && fault())
		return -1;
	return real(path, flags, mode);
}

int
openat(int dirfd, const char *path, int flags, ...)
{
	va_list	ap;
	mode_t	mode = 0;

	REAL(openat);
	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	if (counts(flags) && fault())
		return -1;
	return real(dirfd, path, flags, mode);
}

ssize_t
write(int fd, const void *buf, size_t n)
{
	REAL(write);
	if (fd > 2 && fault())
		return -1;
	return real(fd, buf, n);
}

ssize_t
pwrite(int fd, const void *buf, size_t n, off_t off)
{
	REAL(pwrite);
	if (fd > 2 && fault())
		return -1;
	return real(fd, buf, n, off);
}

int
ftruncate(int fd, off_t len)
{
	REAL(ftruncate);
	if (fault())
		return -1;
	return real(fd, len);
}

int
fsync(int fd)
{
	REAL(fsync);
	if (fault())
		return -1;
	log_sync("fsync", fd);
	return real(fd);
}

int
fdatasync(int fd)
{
	REAL(fdatasync);
	if (fault())
		return -1;
	log_sync("fdatasync", fd);
	return real(fd);
}

int
mkdir(const char *path, mode_t mode)
{
	REAL(mkdir);
	if (fault())
		return -1;
	return real(path, mode);
}

int
link(const char *from, const char *to)
{
	int	rc;

	REAL(link);
	if (fault())
		return -1;
	if ((rc = real(from, to)) == 0)
		named("link", from, to);
	return rc;
}

/* Not counted: a full disk does not fail a rename. */
int
rename(const char *from, const char *to)
{
	int	rc;

	REAL(rename);
	if ((rc = real(from, to)) == 0)
		named("rename", from, to);
	return rc;
}
