/*
 * Running the signing and verifying programs.  Both pipes are read with
 * poll while the input is written, so a program that writes before it
 * has read everything cannot block pl, nor pl it.  No shell: the key
 * and program names come from git config and are passed as they are.
 */
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/run.h"

extern char **environ;

void
pl_run_release(struct pl_run *r)
{
	pl_buf_release(&r->out);
	pl_buf_release(&r->err);
}

static void
close_pair(int fd[2])
{
	if (fd[0] != -1)
		close(fd[0]);
	if (fd[1] != -1)
		close(fd[1]);
	fd[0] = fd[1] = -1;
}

/* Reads what fd has into b; 0 at its end. */
static int
drain(int fd, struct pl_buf *b)
{
	char	chunk[4096];
	ssize_t	n;

	while ((n = read(fd, chunk, sizeof chunk)) == -1 && errno == EINTR)
		;
	if (n > 0)
		pl_buf_put(b, chunk, (size_t)n);
	/* an error reads as the end: the exit status says the rest */
	return n > 0;
}

/* Feeds in and collects out and err until both are closed. */
static void
exchange(struct pl_run *r, int to, int from, int errfd, const char *in,
    size_t len)
{
	struct pollfd	 p[3];
	size_t		 done = 0;
	ssize_t		 n;
	int		 nfds;

	if (len == 0) {
		close(to);
		to = -1;
	}
	while (from != -1 || errfd != -1) {
		nfds = 0;
		p[0].fd = from;
		p[1].fd = errfd;
		p[2].fd = to;
		p[0].events = p[1].events = POLLIN;
		p[2].events = POLLOUT;
		nfds = to != -1 ? 3 : 2;
		if (poll(p, nfds, -1) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (to != -1 && p[2].revents != 0) {
			n = write(to, in + done, len - done);
			if (n > 0)
				done += (size_t)n;
			/* a program that stops reading gets no more */
			if ((n == -1 && errno != EINTR && errno != EAGAIN) ||
			    done == len) {
				close(to);
				to = -1;
			}
		}
		if (from != -1 && p[0].revents != 0 && !drain(from, &r->out)) {
			close(from);
			from = -1;
		}
		if (errfd != -1 && p[1].revents != 0 &&
		    !drain(errfd, &r->err)) {
			close(errfd);
			errfd = -1;
		}
	}
	if (to != -1)
		close(to);
	if (from != -1)
		close(from);
	if (errfd != -1)
		close(errfd);
}

/*
 * SIGPIPE blocked while writing to a program that may have quit, and a
 * SIGPIPE it raised taken back, unless one was pending before.
 */
static void
pipe_signal(int block, sigset_t *old, int *pending)
{
	static const struct timespec	 zero = { 0, 0 };
	sigset_t			 set, now;

	sigemptyset(&set);
	sigaddset(&set, SIGPIPE);
	if (block) {
		sigpending(&now);
		*pending = sigismember(&now, SIGPIPE);
		pthread_sigmask(SIG_BLOCK, &set, old);
		return;
	}
	sigpending(&now);
	if (!*pending && sigismember(&now, SIGPIPE))
		(void)sigtimedwait(&set, NULL, &zero);
	pthread_sigmask(SIG_SETMASK, old, NULL);
}

int
pl_run(struct pl_run *r, const char *const argv[], const char *in,
    size_t len)
{
	posix_spawn_file_actions_t	 fa;
	posix_spawnattr_t		 attr;
	sigset_t			 none, dfl, old;
	pid_t				 pid;
	int				 pin[2] = { -1, -1 }, pout[2] = { -1, -1 };
	int				 perr[2] = { -1, -1 }, rc, status;
	int				 pending = 0;

	pl_buf_init(&r->out);
	pl_buf_init(&r->err);
	r->status = -1;
	if (pipe(pin) == -1 || pipe(pout) == -1 || pipe(perr) == -1) {
		rc = errno;
		close_pair(pin);
		close_pair(pout);
		close_pair(perr);
		return pl_error_set(PL_ERROR, "cannot run '%s': %s", argv[0],
		    strerror(rc));
	}
	/*
	 * No end reaches the program but as its 0, 1 and 2 (a dup2 clears
	 * close-on-exec, even onto the same number): pl's ends stay out of
	 * it, and a copy of its own ends kept by a process it leaves behind
	 * would hold pl until that process ends.
	 */
	fcntl(pin[0], F_SETFD, FD_CLOEXEC);
	fcntl(pin[1], F_SETFD, FD_CLOEXEC);
	fcntl(pout[0], F_SETFD, FD_CLOEXEC);
	fcntl(pout[1], F_SETFD, FD_CLOEXEC);
	fcntl(perr[0], F_SETFD, FD_CLOEXEC);
	fcntl(perr[1], F_SETFD, FD_CLOEXEC);
	fcntl(pin[1], F_SETFL, O_NONBLOCK);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, pin[0], 0);
	posix_spawn_file_actions_adddup2(&fa, pout[1], 1);
	posix_spawn_file_actions_adddup2(&fa, perr[1], 2);
	posix_spawnattr_init(&attr);
	sigemptyset(&none);
	sigemptyset(&dfl);
	sigaddset(&dfl, SIGPIPE);
	posix_spawnattr_setsigmask(&attr, &none);
	posix_spawnattr_setsigdefault(&attr, &dfl);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK |
	    POSIX_SPAWN_SETSIGDEF);
	pipe_signal(1, &old, &pending);
	rc = posix_spawnp(&pid, argv[0], &fa, &attr, (char *const *)argv,
	    environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&attr);
	close(pin[0]);
	close(pout[1]);
	close(perr[1]);
	if (rc != 0) {
		pipe_signal(0, &old, &pending);
		close(pin[1]);
		close(pout[0]);
		close(perr[0]);
		return pl_error_set(PL_ERROR, "cannot run '%s': %s", argv[0],
		    strerror(rc));
	}
	exchange(r, pin[1], pout[0], perr[0], in, len);
	pipe_signal(0, &old, &pending);
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return pl_error_set(PL_ERROR, "cannot run '%s': %s",
			    argv[0], strerror(errno));
	r->status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	return 0;
}

char *
pl_run_message(const struct pl_run *r, const char *program)
{
	struct pl_buf	 b = PL_BUF_INIT;
	const char	*p = r->err.ptr != NULL ? r->err.ptr : "", *e;
	size_t		 n;

	for (; *p != '\0'; p = *e != '\0' ? e + 1 : e) {
		e = p + strcspn(p, "\n");
		n = (size_t)(e - p);
		while (n > 0 && (p[n - 1] == '\r' || p[n - 1] == ' '))
			n--;
		if (n == 0 || strncmp(p, "[GNUPG:] ", 9) == 0)
			continue;
		if (b.len > 0)
			pl_buf_puts(&b, "; ");
		pl_buf_put(&b, p, n);
	}
	if (b.len == 0)
		pl_buf_printf(&b, "%s failed", program);
	return pl_buf_detach(&b);
}
