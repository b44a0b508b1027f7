/*
 * The pager and colour, as git has them: long output on a terminal goes
 * through less (or the pager the person chose), and text is coloured
 * only for a terminal that can show it and a person who did not say no.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmd.h"

static int	 stdout_tty = -1;	/* before the pager took stdout */
static pid_t	 pager_pid = -1;
static int	 pager_has_stderr;	/* stderr went to the pager too */

static const int pager_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT,
	SIGPIPE };
#define NPAGER_SIGNALS (sizeof pager_signals / sizeof pager_signals[0])

int
pl_out_is_terminal(void)
{
	if (stdout_tty == -1)
		stdout_tty = isatty(STDOUT_FILENO);
	return stdout_tty;
}

/* End of input for the pager, then wait until the person quits it. */
static void
close_and_wait(void)
{
	int	status;

	close(STDOUT_FILENO);
	if (pager_has_stderr)
		close(STDERR_FILENO);
	while (waitpid(pager_pid, &status, 0) == -1 && errno == EINTR)
		continue;
	pager_pid = -1;
}

static void
wait_atexit(void)
{
	if (pager_pid == -1)
		return;
	fflush(stdout);
	fflush(stderr);
	close_and_wait();
}

/*
 * A signal, SIGPIPE when the person quit the pager early or SIGINT
 * typed at it, kills pl as it would have, but only once the pager is
 * gone: the shell must not take the terminal back from a pager still
 * running, nor find it a zombie.  Nothing is printed.
 */
static void
wait_signal(int sig)
{
	if (pager_pid != -1)
		close_and_wait();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Which pager, as git chooses it; NULL for none. */
static char *
pager_command(struct pl_ctx *ctx)
{
	const char	*env = getenv("PL_PAGER");
	char		*cmd = NULL;

	if (env != NULL)
		cmd = pl_xstrdup(env);
	else if (pl_portfolio_git_config_string(&cmd, ctx->pf,
	    "core.pager") != PL_OK)
		cmd = NULL;	/* as if unset: no reason to fail */
	if (cmd == NULL && (env = getenv("PAGER")) != NULL)
		cmd = pl_xstrdup(env);
	if (cmd == NULL)
		cmd = pl_xstrdup("less");
	if (*cmd == '\0' || strcmp(cmd, "cat") == 0) {
		free(cmd);
		return NULL;
	}
	return cmd;
}

int
pl_pager_start(struct pl_ctx *ctx)
{
	struct sigaction	 sa, old;
	char			*cmd;
	int			 fd[2];
	size_t			 i;

	if (ctx->pager == 0 || pager_pid != -1 || !pl_out_is_terminal() ||
	    (cmd = pager_command(ctx)) == NULL)
		return PL_OK;
	fflush(stdout);
	fflush(stderr);
	if (pipe(fd) == -1) {
		free(cmd);
		return pl_error_set(PL_ERROR, "cannot start the pager: %s",
		    strerror(errno));
	}
	if ((pager_pid = fork()) == -1) {
		free(cmd);
		close(fd[0]);
		close(fd[1]);
		return pl_error_set(PL_ERROR, "cannot start the pager: %s",
		    strerror(errno));
	}
	if (pager_pid == 0) {
		dup2(fd[0], STDIN_FILENO);
		close(fd[0]);
		close(fd[1]);
		/* As git: less quits on a short text and keeps colour */
		setenv("LESS", "FRX", 0);
		setenv("LV", "-c", 0);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	free(cmd);
	close(fd[0]);
	dup2(fd[1], STDOUT_FILENO);
	/* An error in the middle of the text is read where it happened */
	if (isatty(STDERR_FILENO)) {
		dup2(fd[1], STDERR_FILENO);
		pager_has_stderr = 1;
	}
	close(fd[1]);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = wait_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < NPAGER_SIGNALS; i++) {
		sigaction(pager_signals[i], NULL, &old);
		/* nohup's SIGHUP stays ignored; SIGPIPE must end pl */
		if (old.sa_handler != SIG_IGN || pager_signals[i] == SIGPIPE)
			sigaction(pager_signals[i], &sa, NULL);
	}
	atexit(wait_atexit);
	return PL_OK;
}

int
pl_colour(const struct pl_ctx *ctx)
{
	const char	*when = NULL;
	const char	*no = getenv("NO_COLOR"), *term = getenv("TERM");

	if (ctx->args != NULL)
		when = pl_arg(ctx->args, "color");
	if (when != NULL && (*when == '\0' || strcmp(when, "always") == 0))
		return 1;
	if (when != NULL && strcmp(when, "never") == 0)
		return 0;
	if (when != NULL && strcmp(when, "auto") != 0)
		return pl_error_set(PL_EUSAGE, "unknown colour setting '%s' "
		    "(use always, never or auto)", when);
	/* no-color.org: any value but the empty one says no */
	return pl_out_is_terminal() && (no == NULL || *no == '\0') &&
	    term != NULL && strcmp(term, "dumb") != 0;
}

void
pl_out_paint(const char *s, const char *sgr, int colour, size_t width)
{
	size_t	n = strlen(s);

	if (colour && sgr != NULL)
		printf("\033[%sm", sgr);
	pl_out_write(s, PL_OUT_LINE);
	if (colour && sgr != NULL)
		fputs("\033[m", stdout);
	for (; n < width; n++)
		putchar(' ');
}
