/*
 * What the commands share: output format, warnings, JSON, the editor and
 * the three ways a body is given (-m, -F, the editor).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmd.h"
#include "pl/entry.h"
#include "pl/life.h"
#include "pl/text.h"

const struct pl_opt pl_opts_show[] = {
	PL_OPT_FORMAT,
	PL_OPT_REV,
	{ NULL, 0, NULL, NULL, NULL }
};

const struct pl_opt pl_opts_write[] = {
	PL_OPT_AUTHOR,
	{ NULL, 0, NULL, NULL, NULL }
};

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
	char		*tmp = NULL;
	int		 err;

	if ((err = pl_entry_load(&e, ctx->pf, kind, id)) == PL_OK &&
	    (err = pl_entry_edit_begin(&tmp, ctx->pf, e)) == PL_OK &&
	    (err = pl_edit_file(tmp)) == PL_OK)
		err = pl_entry_edit_finish(ctx->pf, e, tmp);
	free(tmp);
	pl_entry_free(e);
	return err;
}

int
pl_out_format(struct pl_ctx *ctx, const struct pl_args *a)
{
	const char	*f = pl_arg(a, "format");

	if (f == NULL || strcmp(f, "text") == 0)
		ctx->json = 0;
	else if (strcmp(f, "json") == 0)
		ctx->json = 1;
	else
		return pl_error_set(PL_EUSAGE, "unknown format '%s' (use text "
		    "or json)", f);
	return PL_OK;
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
	static int	tty = -1;

	if (tty == -1)
		tty = isatty(STDOUT_FILENO);
	if (tty)
		put_escaped(stdout, s, strlen(s), mode);
	else
		fputs(s, stdout);
}

void
pl_out_printf(const char *fmt, ...)
{
	struct pl_buf	b = PL_BUF_INIT;
	va_list		ap;

	va_start(ap, fmt);
	pl_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	pl_out_write(pl_buf_cstr(&b), PL_OUT_LINE);
	pl_buf_release(&b);
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

json_t *
pl_json_str(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

json_t *
pl_json_strlist(const struct pl_strlist *l)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < l->n; i++)
		json_array_append_new(a, json_string(l->v[i]));
	return a;
}

void
pl_json_print(json_t *j)
{
	char	*s = json_dumps(j, JSON_INDENT(2) |
		    JSON_PRESERVE_ORDER);

	if (s != NULL) {
		fputs(s, stdout);
		fputc('\n', stdout);
		free(s);
	}
	json_decref(j);
}

int
pl_edit_file(const char *path)
{
	const char	*ed = getenv("VISUAL");
	pid_t		 pid;
	int		 status;

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
		return pl_error_set(PL_ERROR, "editor '%s' failed; your text "
		    "is kept in '%s'", ed, path);
	return PL_OK;
}

int
pl_body_text(char **out, char **scratch, struct pl_ctx *ctx,
    const struct pl_args *a, const char *what, const char *template)
{
	struct pl_buf	 b = PL_BUF_INIT;
	const char	*m = pl_arg(a, "message"), *f = pl_arg(a, "file-message");
	int		 err;

	*out = NULL;
	*scratch = NULL;
	if (m != NULL && f != NULL)
		return pl_error_set(PL_EUSAGE, "-m and -F cannot be used "
		    "together");
	if (m != NULL) {
		*out = pl_xstrdup(m);
		return PL_OK;
	}
	if (f != NULL) {
		if ((err = pl_read_text(&b, f)) != PL_OK) {
			pl_buf_release(&b);
			return err;
		}
		*out = pl_buf_detach(&b);
		return PL_OK;
	}
	if ((err = pl_entry_scratch(scratch, ctx->pf, what, template)) !=
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
