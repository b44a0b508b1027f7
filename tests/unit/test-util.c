/*
 * Files: what reading refuses and says, the forms of a temporary file's
 * tag a sweep trusts, a dangling link's long target, replacing a file
 * that is not one, and removing what a folder holds; formatting into a
 * new string (pl_xasprintf() through pl_xvasprintf(), which cmd/'s
 * printers call with their va_list).
 */
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>

#include <fcntl.h>
#include <signal.h>

#include "tap.h"
#include "testrepo.h"

static char	*dir;

/* pl_read_file() of path fails with code and message. */
static void
read_fails(const char *path, int code, const char *want, const char *what)
{
	struct pl_buf	b = PL_BUF_INIT;

	is_int(pl_read_file(&b, path), code, "%s: refused", what);
	is_str(pl_error_last(), want, "%s: said", what);
	pl_buf_release(&b);
}

/* A Unix socket at path: stat(2) sees it, fopen(3) cannot open it. */
static int
make_socket(const char *path)
{
	struct sockaddr_un	a;
	int			fd = socket(AF_UNIX, SOCK_STREAM, 0);

	memset(&a, 0, sizeof a);
	a.sun_family = AF_UNIX;
	snprintf(a.sun_path, sizeof a.sun_path, "%s", path);
	if (fd == -1 || bind(fd, (struct sockaddr *)&a, sizeof a) == -1) {
		printf("Bail out! cannot make a socket at %s\n", path);
		exit(2);
	}
	return fd;
}

static void
test_read(void)
{
	char	*file = pl_xasprintf("%s/file", dir);
	char	*under = pl_xasprintf("%s/file/x", dir);
	char	*sock = pl_xasprintf("%s/sock", dir);
	char	*want;
	int	 fd;

	write_text(file, "text\n");
	want = pl_xasprintf("cannot read '%s': Not a directory", under);
	read_fails(under, PL_ERROR, want, "a path through a file");
	free(want);
	want = pl_xasprintf("'%s' is a directory", dir);
	read_fails(dir, PL_EINVAL, want, "a folder");
	free(want);
	fd = make_socket(sock);
	want = pl_xasprintf("cannot read '%s': No such device or address",
	    sock);
	read_fails(sock, PL_ERROR, want, "a socket");
	free(want);
	close(fd);
	unlink(sock);
	/* Its size is 0, so only reading finds the error */
	read_fails("/proc/self/mem", PL_ERROR,
	    "cannot read '/proc/self/mem': Input/output error",
	    "a file that fails to read");
	free(file);
	free(under);
	free(sock);
}

/* A pid that no process has: a child's, once it has exited. */
static long
dead_pid(void)
{
	pid_t	pid = fork();

	if (pid == 0)
		_exit(0);
	waitpid(pid, NULL, 0);
	return (long)pid;
}

static void
test_tags(void)
{
	char	*f = pl_xasprintf("%s/x.pl-tmp-t", dir);
	char	*tag;
	long	 dead = dead_pid();

	write_text(f, "left\n");
	ok(!pl_tmp_gone(f, "0"), "pid 0 is no writer's");
	ok(!pl_tmp_gone(f, "12x"), "nor a pid with letters after it");
	ok(!pl_tmp_gone(f, "12-5x"), "nor a count with letters after it");
	ok(!pl_tmp_gone(f, "12-abcdef01"), "nor a nonce without its count");
	ok(!pl_tmp_gone(f, "1"), "pid 1 is alive");
	tag = pl_xasprintf("%ld", dead);
	ok(pl_tmp_gone(f, tag), "an older pl's bare pid, dead: gone");
	free(tag);
	tag = pl_xasprintf("%ld-12345678", dead);
	ok(pl_tmp_gone(f, tag), "its PID-N, N of 8 digits: gone");
	free(tag);
	tag = pl_xasprintf("%ld-12345678901", dead);
	ok(pl_tmp_gone(f, tag), "its PID-N, N of 11 digits: gone");
	free(tag);
	tag = pl_xasprintf("%ld-abcdef01-3", dead);
	ok(pl_tmp_gone(f, tag), "a dead PID-NONCE-N: gone");
	ok(!pl_tmp_gone("/nonexistent/x.pl-tmp-1", tag),
	    "a file already gone is not removed again");
	free(tag);
	tag = pl_tmp_tag();
	ok(!pl_tmp_gone(f, tag), "this process's own tag is not gone");
	free(tag);
	unlink(f);
	free(f);
}

static void
test_write(void)
{
	struct pl_buf	 b = PL_BUF_INIT;
	char		*link = pl_xasprintf("%s/link", dir);
	char		*to = pl_xasprintf("%s/%0100d", dir, 0);
	char		*want, name[251];

	/*
	 * Made first: after symlink(), UBSan's check that its arguments are
	 * not null leaves gcc a path where they are, and a warning.
	 */
	want = pl_xasprintf("cannot write '%s': it is a symbolic link to "
	    "'%s', which does not exist", link, to);
	if (symlink(to, link) != 0)
		ok(0, "symlink");
	is_int(pl_write_output(link, "x", 1), PL_ENOTFOUND,
	    "a link to nothing is not written through");
	is_str(pl_error_last(), want, "its long target named in full");
	free(want);
	unlink(link);

	/* 250 bytes: a name, but not with ".pl-tmp-PID-NONCE-N" after it */
	memset(name, 'n', sizeof name - 1);
	name[0] = '/';
	name[sizeof name - 1] = '\0';
	is_int(pl_write_output(name, "x", 1), PL_ERROR,
	    "a name too long for its temporary file");
	want = pl_xasprintf("cannot write '%s': cannot make a new file in "
	    "'/': File name too long", name);
	is_str(pl_error_last(), want, "so said, with its folder");
	free(want);

	want = pl_xasprintf("%s/none", dir);
	is_int(pl_replace_file(want, "x", 1), PL_ENOTFOUND,
	    "no file to replace");
	free(want);
	want = pl_xasprintf("%s/file/x", dir);
	is_int(pl_replace_file(want, "x", 1), PL_ERROR,
	    "a path through a file");
	free(want);
	is_int(pl_replace_file(dir, "x", 1), PL_EINVAL, "a folder");
	want = pl_xasprintf("'%s' is not a file", dir);
	is_str(pl_error_last(), want, "so said");
	free(want);
	want = pl_xasprintf("%s/file", dir);
	is_int(pl_replace_file(want, "new\n", 4), 0, "a file replaced");
	is_int(pl_read_file(&b, want), 0, "and read");
	is_str(b.ptr, "new\n", "with the new text");
	free(want);
	pl_buf_release(&b);
	free(link);
	free(to);
}

static void
test_remove(void)
{
	char	*tree = pl_xasprintf("%s/tree", dir);

	pl_remove_tree("/nonexistent/pl-test", 1);
	ok(1, "a folder that is not there: nothing to do");
	is_int(run("mkdir -p %s/sub/deep && echo a >%s/sub/deep/a && "
	    "echo b >%s/.hidden && echo c >%s/c && ln -s %s/file %s/link",
	    tree, tree, tree, dir, dir, tree), 0, "a tree made");
	pl_remove_tree(tree, 1);
	is_out("", "what the folder held removed", "ls -A %s", tree);
	ok(access(tree, F_OK) == 0, "the folder kept");
	is_out("c\nfile\ntree", "a link's target left alone", "ls %s", dir);
	pl_remove_tree(tree, 0);
	ok(access(tree, F_OK) != 0, "the folder itself removed");
	free(tree);
	/* Even root may not unlink what /proc lists: each refusal is passed */
	pl_remove_tree("/proc/self/fdinfo", 1);
	ok(access("/proc/self/fdinfo/0", F_OK) == 0,
	    "what cannot be removed stays");
}

static void
on_alarm(int sig)
{
	(void)sig;
}

/* Reads all of the pipe at path after a pause; how many bytes. */
static size_t
slow_reader(const char *path)
{
	struct timespec	 pause = { 0, 100000000 };
	char		 chunk[4096];
	size_t		 got = 0;
	ssize_t		 n;
	int		 fd = open(path, O_RDONLY);

	nanosleep(&pause, NULL);
	while (fd != -1 && (n = read(fd, chunk, sizeof chunk)) > 0)
		got += (size_t)n;
	return got;
}

/* Reads a few bytes of the pipe at path, and closes it. */
static int
early_reader(const char *path)
{
	char	few[16];
	int	fd = open(path, O_RDONLY);

	return fd == -1 || read(fd, few, sizeof few) <= 0;
}

/*
 * Output to a pipe whose reader is slow, with a signal arriving every
 * few milliseconds: each write the signal interrupts is made again.
 */
static void
test_interrupted(void)
{
	static char		 big[1024 * 1024];
	struct sigaction	 sa;
	struct itimerval	 it = { { 0, 5000 }, { 0, 5000 } }, off;
	char			*fifo = pl_xasprintf("%s/fifo", dir), *want;
	pid_t			 pid;
	int			 status, fd;

	memset(big, 'x', sizeof big);
	memset(&sa, 0, sizeof sa);
	memset(&off, 0, sizeof off);
	sa.sa_handler = on_alarm;	/* no SA_RESTART: write(2) fails */
	if (mkfifo(fifo, 0600) != 0 || sigaction(SIGALRM, &sa, NULL) != 0) {
		ok(0, "fifo and handler");
		return;
	}
	if ((pid = fork()) == 0)
		_exit(slow_reader(fifo) == sizeof big ? 0 : 1);
	/* A reader already there: opening for writing waits for nothing */
	fd = open(fifo, O_RDONLY | O_NONBLOCK);
	setitimer(ITIMER_REAL, &it, NULL);
	is_int(pl_write_output(fifo, big, sizeof big), 0,
	    "1 MiB written to a pipe while signals arrive");
	setitimer(ITIMER_REAL, &off, NULL);
	close(fd);
	ok(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0, "the reader got all of it");

	/* A reader that goes early: the writer is told, not killed */
	signal(SIGPIPE, SIG_IGN);
	if ((pid = fork()) == 0)
		_exit(early_reader(fifo));
	is_int(pl_write_output(fifo, big, sizeof big), PL_ERROR,
	    "a pipe closed by its reader");
	want = pl_xasprintf("cannot write '%s': Broken pipe", fifo);
	is_str(pl_error_last(), want, "so said");
	free(want);
	waitpid(pid, NULL, 0);
	unlink(fifo);
	free(fifo);
}

static void
test_format(void)
{
	char	*s;

	s = pl_xasprintf("%s has %d goals, %.2f%%", "Ana", 3, 2.5);
	is_str(s, "Ana has 3 goals, 2.50%", "formats its arguments");
	free(s);
	s = pl_xasprintf("%s", "");
	is_str(s, "", "an empty result is an empty string, not NULL");
	free(s);
}

/*
 * pl_buf_printf() formats into the room the buffer has, and again when
 * the text does not fit: after text already there, every length up to
 * past the room's end (the buffer doubles from 64 bytes: 128, 256...).
 */
static void
test_buf_printf(void)
{
	struct pl_buf	 b = PL_BUF_INIT;
	char		 xs[700];
	size_t		 len;

	memset(xs, 'x', sizeof xs);
	for (len = 0; len < sizeof xs; len++) {
		pl_buf_puts(&b, "ab");
		pl_buf_printf(&b, "%.*s|%d", (int)len, xs, 7);
		if (b.len != len + 4 || strncmp(b.ptr, "ab", 2) != 0 ||
		    strspn(b.ptr + 2, "x") != len ||
		    strcmp(b.ptr + 2 + len, "|7") != 0)
			break;
		pl_buf_release(&b);
	}
	is_int((long)len, (long)sizeof xs, "every length, within the room "
	    "and past it (the first wrong one)");
	pl_buf_release(&b);
	pl_buf_printf(&b, "%s", "");
	ok(b.len == 0 && b.ptr != NULL && *b.ptr == '\0', "an empty text: "
	    "an empty string");
	pl_buf_release(&b);
}

int
main(void)
{
	env_setup();
	dir = tmpdir();
	test_read();
	test_tags();
	test_write();
	test_remove();
	test_interrupted();
	test_format();
	test_buf_printf();
	run("rm -rf %s %s", dir, home);
	free(dir);
	free(home);
	return done_testing();
}
