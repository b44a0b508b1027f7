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
 * PL_FAULT_KINDS=FILE appends one line per counted call, "N PID CALL
 * PATH" (PATH as the process named it, or the file its descriptor is
 * open on; a child, an editor, counts its own), so a test can try one
 * point of each kind (test_fault_points in tests/cli/test-lib.sh).
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
 *
 * PL_FAULT_NO_LIB=SONAME makes dlopen() of SONAME fail as on a machine
 * without that library (pl loads libzip, libpng... only when needed).
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

/* Appends line to the file named by $env, by the real calls: none is
 * counted.  O_APPEND: threads and children add whole lines. */
static void
append(const char *env, const char *line, int n)
{
	static int	(*real_open)(const char *, int, ...);
	static ssize_t	(*real_write)(int, const void *, size_t);
	const char	*f = getenv(env);
	int		 fd;

	if (f == NULL || *f == '\0' || n < 0)
		return;
	if (real_open == NULL) {
		real_open = dlsym(RTLD_NEXT, "open");
		real_write = dlsym(RTLD_NEXT, "write");
	}
	if ((fd = real_open(f, O_WRONLY | O_CREAT | O_APPEND, 0666)) != -1) {
		real_write(fd, line, (size_t)n);
		close(fd);
	}
}

/* The name of the file fd is open on, from /proc/self/fd. */
static const char *
fd_path(int fd, char *path, size_t size)
{
	char	link[64];
	ssize_t	n;

	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	if ((n = readlink(link, path, size - 1)) < 0)
		n = 0;
	path[n] = '\0';
	return path;
}

/* A line in PL_FAULT_LOG's file. */
static void
log_line(const char *what, const char *a, const char *b)
{
	char	line[8192];
	int	n;

	if (getenv("PL_FAULT_LOG") == NULL)
		return;
	n = snprintf(line, sizeof line, "%s %s%s%s\n", what, a,
	    b != NULL ? " " : "", b != NULL ? b : "");
	if ((size_t)n < sizeof line)
		append("PL_FAULT_LOG", line, n);
}

/* An fsync or fdatasync of fd, logged by the file's name. */
static void
log_sync(const char *what, int fd)
{
	char	path[4096];

	if (getenv("PL_FAULT_LOG") == NULL)
		return;
	log_line(what, fd_path(fd, path, sizeof path), NULL);
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

/* Appends "N PID CALL PATH" to $PL_FAULT_KINDS; fd -1: PATH as given. */
static void
note(const char *call, const char *path, int fd)
{
	char	target[4096], line[4300];
	int	n;

	if (getenv("PL_FAULT_KINDS") == NULL)
		return;
	if (fd >= 0)
		path = fd_path(fd, target, sizeof target);
	n = snprintf(line, sizeof line, "%ld %ld %s %s\n", calls,
	    (long)getpid(), call, path != NULL ? path : "?");
	if ((size_t)n < sizeof line)
		append("PL_FAULT_KINDS", line, n);
}

/*
 * gcov's data, written at exit by a coverage build (-Db_coverage=true):
 * not pl's write, and counting it would move every point after it.
 */
static int
gcov_data(const char *path)
{
	size_t	n = path != NULL ? strlen(path) : 0;

	return n >= 5 && strcmp(path + n - 5, ".gcda") == 0;
}

/* 1 when this call is to fail. */
static int
fault(const char *call, const char *path, int fd)
{
	const char	*at = getenv("PL_FAULT_AT");
	const char	*sig = getenv("PL_FAULT_SIGNAL");
	const char	*dir = getenv("PL_FAULT_PAUSE");

	if (gcov_data(path))
		return 0;
	++calls;
	note(call, path, fd);
	if (calls != (at != NULL ? atol(at) : 0))
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

/* 1 when an open for writing is to fail: one that only reads never does. */
static int
open_fails(const char *path, int flags)
{
	return (flags & (O_CREAT | O_WRONLY | O_RDWR)) != 0 &&
	    fault("open", path, -1);
}

/* The mode an open with O_CREAT is given after its flags, else 0. */
static mode_t
open_mode(int flags, va_list ap)
{
	return (flags & O_CREAT) ? va_arg(ap, mode_t) : 0;
}

/* open and open64, which the C library may call either of. */
static int
open_with(__typeof__(open) *real, const char *path, int flags, va_list ap)
{
	mode_t	mode = open_mode(flags, ap);

	if (open_fails(path, flags))
		return -1;
	return real(path, flags, mode);
}

int
open(const char *path, int flags, ...)
{
	va_list	ap;
	int	fd;

	REAL(open);
	va_start(ap, flags);
	fd = open_with(real, path, flags, ap);
	va_end(ap);
	return fd;
}

int
open64(const char *path, int flags, ...)
{
	va_list	ap;
	int	fd;

	REAL(open64);
	va_start(ap, flags);
	fd = open_with(real, path, flags, ap);
	va_end(ap);
	return fd;
}

int
openat(int dirfd, const char *path, int flags, ...)
{
	va_list	ap;
	mode_t	mode;

	REAL(openat);
	va_start(ap, flags);
	mode = open_mode(flags, ap);
	va_end(ap);
	if (open_fails(path, flags))
		return -1;
	return real(dirfd, path, flags, mode);
}

ssize_t
write(int fd, const void *buf, size_t n)
{
	REAL(write);
	if (fd > 2 && fault("write", NULL, fd))
		return -1;
	return real(fd, buf, n);
}

ssize_t
pwrite(int fd, const void *buf, size_t n, off_t off)
{
	REAL(pwrite);
	if (fd > 2 && fault("pwrite", NULL, fd))
		return -1;
	return real(fd, buf, n, off);
}

int
ftruncate(int fd, off_t len)
{
	REAL(ftruncate);
	if (fault("ftruncate", NULL, fd))
		return -1;
	return real(fd, len);
}

int
fsync(int fd)
{
	REAL(fsync);
	if (fault("fsync", NULL, fd))
		return -1;
	log_sync("fsync", fd);
	return real(fd);
}

int
fdatasync(int fd)
{
	REAL(fdatasync);
	if (fault("fdatasync", NULL, fd))
		return -1;
	log_sync("fdatasync", fd);
	return real(fd);
}

int
mkdir(const char *path, mode_t mode)
{
	REAL(mkdir);
	if (fault("mkdir", path, -1))
		return -1;
	return real(path, mode);
}

int
link(const char *from, const char *to)
{
	int	rc;

	REAL(link);
	if (fault("link", to, -1))
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

/* Not counted: PL_FAULT_NO_LIB's library is not found. */
void *
dlopen(const char *file, int flags)
{
	const char	*no = getenv("PL_FAULT_NO_LIB");

	REAL(dlopen);
	if (no != NULL && file != NULL && strcmp(file, no) == 0)
		return real("/nonexistent/pl-fault-no-lib.so", flags);
	return real(file, flags);
}
