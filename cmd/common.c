/*
 * What the commands share: output format, warnings, JSON, the editor,
 * the three ways a body is given (-m, -F, the editor), and the pager and
 * colour as git has them: long output on a terminal goes through less
 * (or the pager the person chose), and text is coloured only for a
 * terminal that can show it and a person who did not say no.
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmd.h"
#include "pl/entries/entry.h"
#include "pl/entries/kinds.h"
#include "pl/entries/life.h"
#include "pl/base/text.h"

int	pl_cmd_interactive;

const struct pl_opt pl_opts_show[] = {
	PL_OPT_FORMAT,
	PL_OPT_REV,
	{ NULL, 0, NULL, NULL, NULL }
};

const struct pl_opt pl_opts_write[] = {
	PL_OPT_AUTHOR,
	{ NULL, 0, NULL, NULL, NULL }
};

/*
 * path as the person would type it where pl runs: relative when it is
 * below the current folder, as ".git/pl/REFLECTION.md".  The caller
 * frees.
 */
static char *
display_path(const char *path)
{
	char	*cwd = getcwd(NULL, 0);
	char	*out;
	size_t	 n = cwd != NULL ? strlen(cwd) : 0;

	if (cwd != NULL && strncmp(path, cwd, n) == 0 && path[n] == '/' &&
	    path[n + 1] != '\0')
		out = pl_xstrdup(path + n + 1);
	else
		out = pl_xstrdup(path);
	free(cwd);
	return out;
}

/* " word", quoted for the shell when it needs to be. */
static void
put_word(struct pl_buf *b, const char *w)
{
	const char	*safe = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			    "0123456789_-./=:@%+,";

	pl_buf_putc(b, ' ');
	if (*w != '\0' && w[strspn(w, safe)] == '\0') {
		pl_buf_puts(b, w);
		return;
	}
	pl_buf_putc(b, '\'');
	for (; *w != '\0'; w++)
		if (*w == '\'')
			pl_buf_puts(b, "'\\''");
		else
			pl_buf_putc(b, *w);
	pl_buf_putc(b, '\'');
}

/* "pl" and the -C folders this one was given. */
static void
put_pl(struct pl_buf *b, const struct pl_ctx *ctx)
{
	size_t	i;

	pl_buf_puts(b, "pl");
	for (i = 0; ctx->chdirs != NULL && i < ctx->chdirs->n; i++) {
		pl_buf_puts(b, " -C");
		put_word(b, ctx->chdirs->v[i]);
	}
}

/*
 * The command that runs this one again, from where pl was started, with
 * the text read from file (NULL: none): the same -C folders, options and
 * arguments, but -m and -F replaced.  The caller frees.
 */
static char *
resume_command(const struct pl_ctx *ctx, const char *file)
{
	const struct pl_args	*a = ctx->args;
	struct pl_buf		 b = PL_BUF_INIT;
	char			*shown;
	size_t			 i, k;
	int			 dash = 0;

	put_pl(&b, ctx);
	pl_buf_printf(&b, " %s", ctx->path);
	for (i = 0; a->opts[i].name != NULL; i++) {
		if (strcmp(a->opts[i].name, "message") == 0 ||
		    strcmp(a->opts[i].name, "file-message") == 0)
			continue;
		for (k = 0; k < a->vals[i].n; k++) {
			pl_buf_printf(&b, " --%s", a->opts[i].name);
			if (a->opts[i].arg != NULL)
				put_word(&b, a->vals[i].v[k]);
		}
	}
	if (file != NULL) {
		shown = display_path(file);
		pl_buf_puts(&b, " -F");
		put_word(&b, shown);
		free(shown);
	}
	for (i = 0; i < (size_t)a->argc; i++)
		dash |= a->argv[i][0] == '-';
	if (dash)
		pl_buf_puts(&b, " --");
	for (i = 0; i < (size_t)a->argc; i++)
		put_word(&b, a->argv[i]);
	return pl_buf_detach(&b);
}

/* Adds to err's message that what is kept in file, and how to resume. */
static int
kept(int err, const struct pl_ctx *ctx, const char *what, const char *file,
    int edit)
{
	char	*why = pl_xstrdup(pl_error_last());
	char	*cmd = resume_command(ctx, edit ? NULL : file);

	/* The command names a new entry's file, relative to its -C */
	if (edit)
		pl_error_set(err, "%s; your %s is kept in '%s'; resume it with: "
		    "%s", why, what, file, cmd);
	else
		pl_error_set(err, "%s; your %s is kept; resume it with: %s",
		    why, what, cmd);
	free(cmd);
	free(why);
	return err;
}

void
pl_body_strip_hint(char *text, const char *template)
{
	const char	*hint = template + strspn(template, "\n");
	char		*p = strstr(text, hint);

	if (p != NULL)
		memmove(p, p + strlen(hint), strlen(p + strlen(hint)) + 1);
}

int
pl_edit_kept(int err, const struct pl_ctx *ctx, const char *file)
{
	return kept(err, ctx, "edit", file, 1);
}

int
pl_body_done(int err, const struct pl_ctx *ctx, const char *what,
    const char *scratch)
{
	const char	*f = pl_arg(ctx->args, "file-message");

	if (err == PL_OK && scratch != NULL)
		unlink(scratch);
	else if (err == PL_OK && f != NULL && strcmp(f, "-") != 0 &&
	    pl_entry_is_kept(ctx->pf, f))
		unlink(f);	/* the text resumed is committed now */
	else if (err != PL_OK && scratch != NULL && access(scratch, F_OK) == 0)
		return kept(err, ctx, what, scratch, 0);
	return err;
}

/*
 * 1 to resume the edit kept in file, 0 to discard it: asked on a
 * terminal, else resumed (nothing typed is thrown away unasked).
 */
static int
resume_edit(const struct pl_entry *e, const char *file)
{
	char	*msg, line[64];
	int	 yes = 1;

	if (!isatty(STDIN_FILENO) || !isatty(STDERR_FILENO)) {
		msg = pl_xasprintf("resuming your edit of %s kept in '%s'",
		    e->path, file);
		pl_out_error("pl: ", msg);
		free(msg);
	} else {
		fprintf(stderr, "pl: your edit of %s is kept in '%s'; resume "
		    "it (n: discard it)? [Y/n] ", e->path, file);
		if (fgets(line, sizeof line, stdin) != NULL)
			yes = line[strspn(line, " \t")] != 'n' &&
			    line[strspn(line, " \t")] != 'N';
	}
	return yes;
}

const struct pl_opt pl_opts_rm[] = {
	{ "force", 'f', NULL, "remove the references other entries hold to "
	    "it too", NULL },
	PL_OPT_AUTHOR,
	{ NULL, 0, NULL, NULL, NULL }
};

int
pl_rm_entry(struct pl_ctx *ctx, enum pl_kind kind, struct pl_args *a)
{
	return pl_life_remove(ctx->pf, kind, a->argv[0],
	    pl_arg_has(a, "force"));
}

int
pl_mv_entry(struct pl_ctx *ctx, enum pl_kind kind, struct pl_args *a)
{
	return pl_life_rename(ctx->pf, kind, a->argv[0], a->argv[1]);
}

int
pl_edit_entry(struct pl_ctx *ctx, enum pl_kind kind, const char *id)
{
	struct pl_entry	*e = NULL;
	char		*tmp = NULL, *old = NULL;
	int		 err;

	/* a file that does not parse is what an edit repairs */
	if ((err = pl_entry_load(&e, ctx->pf, kind, id)) == PL_EPARSE) {
		pl_error_clear();
		e = pl_entry_new(kind, id);
		err = PL_OK;
	}
	if (err != PL_OK ||
	    (err = pl_entry_kept_edit(&old, ctx->pf, e)) != PL_OK ||
	    (err = pl_entry_edit_begin(&tmp, ctx->pf, e)) != PL_OK)
		goto done;
	/* Offered once the edit can be made at all */
	if (old != NULL && !resume_edit(e, tmp)) {
		unlink(tmp);
		free(tmp);
		if ((err = pl_entry_edit_begin(&tmp, ctx->pf, e)) != PL_OK)
			goto done;
	}
	if ((err = pl_edit_file(tmp)) == PL_OK)
		err = pl_entry_edit_finish(ctx->pf, pl_kinds_get(kind), e,
		    tmp);
	if (err != PL_OK && err != PL_ENOCHANGE && tmp != NULL &&
	    access(tmp, F_OK) == 0)
		err = pl_edit_kept(err, ctx, tmp);
done:
	free(old);
	free(tmp);
	pl_entry_free(e);
	return err;
}

/* 1 when word is one of the space-separated words. */
static int
word_of(const char *words, const char *word)
{
	size_t	n = strlen(word);
	const char *p;

	for (p = words; (p = strstr(p, word)) != NULL; p += n)
		if ((p == words || p[-1] == ' ') &&
		    (p[n] == ' ' || p[n] == '\0'))
			return 1;
	return 0;
}

/* "text or json", "text, json, csv or md": the words of a list. */
static void
words_or(struct pl_buf *b, const char *words)
{
	const char	*p = words, *end;

	while (*p != '\0') {
		end = p + strcspn(p, " ");
		pl_buf_put(b, p, (size_t)(end - p));
		p = end + (*end == ' ');
		if (*p != '\0')
			pl_buf_puts(b, strchr(p, ' ') != NULL ? ", " : " or ");
	}
}

/* The formats a command's --format offers: its completion words. */
int
pl_format_check(const struct pl_args *a)
{
	const char	*f = pl_arg(a, "format"), *formats = "text json";
	struct pl_buf	 b = PL_BUF_INIT;
	size_t		 i;
	int		 err;

	for (i = 0; a->opts != NULL && a->opts[i].name != NULL; i++)
		if (strcmp(a->opts[i].name, "format") == 0 &&
		    a->opts[i].values != NULL)
			formats = a->opts[i].values;
	if (f == NULL || word_of(formats, f))
		return PL_OK;
	words_or(&b, formats);
	err = pl_error_set(PL_EUSAGE, "unknown format '%s' (use %s)", f,
	    b.ptr);
	pl_buf_release(&b);
	return err;
}

int
pl_out_format(struct pl_ctx *ctx, const struct pl_args *a)
{
	const char	*f = pl_arg(a, "format");

	ctx->json = f != NULL && strcmp(f, "json") == 0;
	return pl_format_check(a);
}

/*
 * The one place text reaches the terminal.  A control character other
 * than what the mode keeps is written as less(1) shows it: "^[" for ESC,
 * "^?" for DEL, "<U+009B>" for a C1 control; so a portfolio file cannot
 * move the cursor, retitle the window or ring the bell.
 */
static void
put_escaped(FILE *f, const char *s, size_t len, enum pl_out mode)
{
	unsigned char	c;
	size_t		i, n;

	for (i = 0; i < len; i += n) {
		c = (unsigned char)s[i];
		n = pl_text_control(s + i);
		if (n == 0 || i + n > len || (mode != PL_OUT_MESSAGE &&
		    c == '\n') || (mode == PL_OUT_BODY && (c == '\t' ||
		    (c == '\r' && i + 1 < len && s[i + 1] == '\n')))) {
			n = 1;
			putc(c, f);
		} else if (n == 2)
			fprintf(f, "<U+%04X>", (unsigned char)s[i + 1]);
		else if (c == 0x7f)
			fputs("^?", f);
		else
			fprintf(f, "^%c", c + '@');
	}
}

void
pl_out_write(const char *s, enum pl_out mode)
{
	/* What the person sees: the terminal, through a pager or not */
	if (pl_out_is_terminal())
		put_escaped(stdout, s, strlen(s), mode);
	else
		fputs(s, stdout);
}

void
pl_out_printf(const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = pl_xvasprintf(fmt, ap);
	va_end(ap);
	pl_out_write(s, PL_OUT_LINE);
	free(s);
}

void
pl_out_error(const char *prefix, const char *msg)
{
	fputs(prefix, stderr);
	put_escaped(stderr, msg, strlen(msg), PL_OUT_MESSAGE);
	putc('\n', stderr);
}

void
pl_out_warnings(const struct pl_strlist *w)
{
	size_t	i;

	for (i = 0; i < w->n; i++)
		pl_out_error("pl: warning: ", w->v[i]);
}

void
pl_json_print(json_t *j)
{
	struct pl_buf	b = PL_BUF_INIT;

	pl_json_dump(&b, j);
	fputs(pl_buf_cstr(&b), stdout);
	pl_buf_release(&b);
	json_decref(j);
}

/* pl_buf_drain()'s end: JSON, escaped already, goes out as it is. */
static void
drain_stdout(const char *s, size_t n, void *arg)
{
	(void)arg;
	fwrite(s, 1, n, stdout);
}

void
pl_json_stream_begin(struct pl_jw *w, struct pl_buf *b)
{
	pl_buf_init(b);
	b->drain = drain_stdout;
	pl_jw_init(w, b);
}

void
pl_json_stream_end(struct pl_jw *w)
{
	pl_jw_end(w);
	fwrite(pl_buf_cstr(w->out), 1, w->out->len, stdout);
	pl_buf_release(w->out);
}

int
pl_edit_file(const char *path)
{
	const char	*ed = getenv("VISUAL");
	pid_t		 pid;
	int		 status;

	pl_cmd_interactive = 1;
	if (ed == NULL || *ed == '\0')
		ed = getenv("EDITOR");
	if (ed == NULL || *ed == '\0')
		ed = "vi";
	if (strcmp(ed, ":") == 0)
		return PL_OK;
	fflush(stdout);
	/* Through the shell, as git does, so EDITOR may carry arguments. */
	if ((pid = fork()) == -1)
		return pl_error_set(PL_ERROR, "cannot start editor: %s",
		    strerror(errno));
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", pl_xasprintf("%s \"$@\"", ed),
		    ed, path, (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return pl_error_set(PL_ERROR, "editor: %s",
			    strerror(errno));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return pl_error_set(PL_ERROR, "editor '%s' failed", ed);
	return PL_OK;
}

int
pl_body_text(char **out, char **scratch, struct pl_ctx *ctx,
    const struct pl_args *a, const char *what, const char *template)
{
	struct pl_buf		 b = PL_BUF_INIT;
	const struct pl_strlist	*m = pl_arg_all(a, "message");
	const char		*f = pl_arg(a, "file-message");
	size_t			 i;
	int			 err;

	*out = NULL;
	*scratch = NULL;
	if (m->n > 0 && f != NULL)
		return pl_error_set(PL_EUSAGE, "-m and -F cannot be used "
		    "together");
	if (m->n > 0) {
		for (i = 0; i < m->n; i++)
			pl_buf_printf(&b, "%s%s", i > 0 ? "\n\n" : "",
			    m->v[i]);
		*out = pl_buf_detach(&b);
		return PL_OK;
	}
	if (f != NULL) {
		pl_cmd_interactive |= strcmp(f, "-") == 0;
		if ((err = pl_read_text(&b, f)) != PL_OK) {
			pl_buf_release(&b);
			return err;
		}
		*out = pl_buf_detach(&b);
		return PL_OK;
	}
	if ((err = pl_entry_check_commit(ctx->pf)) != PL_OK ||
	    (err = pl_entry_scratch(scratch, ctx->pf, what, template)) !=
	    PL_OK)
		return err;
	if ((err = pl_edit_file(*scratch)) != PL_OK ||
	    (err = pl_read_text(&b, *scratch)) != PL_OK) {
		pl_buf_release(&b);
		return err;
	}
	*out = pl_buf_detach(&b);
	return PL_OK;
}

void
pl_show_field(const char *label, const char *value)
{
	if (value != NULL)
		pl_out_printf("%-10s %s\n", label, value);
}

void
pl_show_list(const struct pl_entry *e, const char *key, const char *label)
{
	struct pl_strlist	l = PL_STRLIST_INIT;
	size_t			i;

	if (pl_doc_get_list(e->doc, e->path, key, &l) == PL_OK)
		for (i = 0; i < l.n; i++)
			pl_show_field(i == 0 ? label : "", l.v[i]);
	pl_strlist_release(&l);
}

void
pl_show_body(const char *body)
{
	size_t	n;

	body += strspn(body, "\n");	/* one blank line, whatever the file */
	n = strlen(body);
	pl_out_write("\n", PL_OUT_BODY);
	pl_out_write(body, PL_OUT_BODY);
	if (n > 0 && body[n - 1] != '\n')
		pl_out_write("\n", PL_OUT_BODY);
}

int
pl_range_parse(struct pl_range *r, struct pl_ctx *ctx,
    const struct pl_args *a)
{
	struct pl_date	 d, today;
	int		 err;

	r->since[0] = r->until[0] = '\0';
	if ((err = pl_portfolio_today(&today, ctx->pf)) != PL_OK)
		return err;
	if (pl_arg(a, "since") != NULL) {
		if ((err = pl_date_parse(&d, pl_arg(a, "since"), today)) !=
		    PL_OK)
			return err;
		pl_date_format(r->since, d);
	}
	if (pl_arg(a, "until") != NULL) {
		if ((err = pl_date_parse(&d, pl_arg(a, "until"), today)) !=
		    PL_OK)
			return err;
		pl_date_format(r->until, d);
	}
	return PL_OK;
}

int
pl_range_has(const struct pl_range *r, const char *date)
{
	if (*r->since != '\0' && (date == NULL || strcmp(date, r->since) < 0))
		return 0;
	if (*r->until != '\0' && (date == NULL || strcmp(date, r->until) > 0))
		return 0;
	return 1;
}

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

char *
pl_clones_dir(const struct pl_args *a)
{
	const char	*v;

	if ((v = pl_arg(a, "clones")) != NULL)
		return pl_xstrdup(v);
	if ((v = getenv("PL_CLONES")) != NULL && *v != '\0')
		return pl_xstrdup(v);
	if ((v = getenv("XDG_CACHE_HOME")) != NULL && *v == '/')
		return pl_xasprintf("%s/pl/clones", v);
	if ((v = getenv("HOME")) != NULL && *v != '\0')
		return pl_xasprintf("%s/.cache/pl/clones", v);
	return NULL;
}

char *
pl_roster_sync_command(const struct pl_ctx *ctx, const struct pl_args *a)
{
	struct pl_buf	 b = PL_BUF_INIT;
	const char	*roster = pl_arg(a, "roster");

	put_pl(&b, ctx);
	pl_buf_puts(&b, " roster sync");
	if (pl_arg(a, "clones") != NULL) {
		pl_buf_puts(&b, " --clones");
		put_word(&b, pl_arg(a, "clones"));
	}
	if (roster[0] == '-')
		pl_buf_puts(&b, " --");
	put_word(&b, roster);
	return pl_buf_detach(&b);
}

int
pl_jobs(unsigned *out, const struct pl_args *a)
{
	const char	*v = pl_arg(a, "jobs");
	char		*end;
	long		 n;

	*out = 0;
	if (v == NULL)
		return PL_OK;
	errno = 0;
	n = strtol(v, &end, 10);
	if (*v == '\0' || *end != '\0' || errno != 0 || n < 1 || n > 256)
		return pl_error_set(PL_EUSAGE, "--jobs takes a number from 1 "
		    "to 256, not '%s'", v);
	*out = (unsigned)n;
	return PL_OK;
}
