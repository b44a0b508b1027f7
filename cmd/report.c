/*
 * pl report: where a learner stands and how they got there, for the
 * learner, a teacher or the family, as text, Markdown, HTML, CSV or JSON
 * (see pl/report/report.h).  The report names the commit it was made from, so
 * "--as-of" that commit makes it again, byte for byte.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "pl/report/report.h"
#include "pl/report/roster.h"

static int
word(const char *const *names, const char *s)
{
	int	i;

	for (i = 0; names[i] != NULL; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

static int
parse_options(struct pl_report_options *o, const struct pl_args *a)
{
	const char	*v;
	int		 i, err;

	memset(o, 0, sizeof *o);
	o->as_of = pl_arg(a, "as-of");
	o->since = pl_arg(a, "since");
	o->until = pl_arg(a, "until");
	o->codes = pl_arg_has(a, "codes");
	if ((v = pl_arg(a, "for")) != NULL) {
		if ((i = word(pl_report_view_names, v)) < 0)
			return pl_error_set(PL_EUSAGE, "unknown view '%s' (use "
			    "learner, teacher or family)", v);
		o->view = (enum pl_report_view)i;
	}
	if ((v = pl_arg(a, "method")) != NULL) {
		if ((err = pl_method_parse(&o->method, v)) != PL_OK)
			return err;
		o->method_set = 1;
	}
	o->scope = PL_SCOPE_GRADE;
	if ((v = pl_arg(a, "scope")) != NULL &&
	    (err = pl_scope_parse(&o->scope, v)) != PL_OK)
		return err;
	if (pl_arg_has(a, "standards") && (pl_arg(a, "format") == NULL ||
	    strcmp(pl_arg(a, "format"), "csv") != 0))
		return pl_error_set(PL_EUSAGE, "--standards goes with --format "
		    "csv");
	return PL_OK;
}

static void
render(struct pl_buf *b, const struct pl_report *r, const char *fmt,
    int standards, int colour)
{
	if (fmt == NULL || strcmp(fmt, "text") == 0)
		pl_report_text(b, r, colour);
	else if (strcmp(fmt, "md") == 0)
		pl_report_md(b, r);
	else if (strcmp(fmt, "html") == 0)
		pl_report_html(b, r);
	else if (strcmp(fmt, "csv") == 0)
		pl_report_csv(b, r, standards);
	else if (strcmp(fmt, "json") == 0)
		pl_report_json(b, r);
}

/* Lines s of the output to standard output, text as it is. */
static void
put_out(const char *s, size_t n, int text)
{
	if (text)
		fwrite(s, 1, n, stdout);
	else
		pl_out_write(s, PL_OUT_BODY);
}

/* pl_buf_drain()'s end: arg is the int that says text. */
static void
drain_out(const char *s, size_t n, void *arg)
{
	put_out(s, n, *(const int *)arg);
}

/* pl_buf_drain()'s end for -o FILE: arg is the pl_outfile. */
static void
drain_file(const char *s, size_t n, void *arg)
{
	pl_outfile_write(arg, s, n);
}

/*
 * Where the output goes as it is made: -o FILE (a new file takes its
 * place only once whole), or standard output through the pager.
 */
static int
emit_start(struct pl_ctx *ctx, struct pl_buf *b, const char *out, int *text)
{
	struct pl_outfile	*o;
	int			 err;

	if (out != NULL) {
		if ((err = pl_outfile_open(&o, out)) != PL_OK)
			return err;
		b->drain = drain_file;
		b->drain_arg = o;
		return PL_OK;
	}
	if ((err = pl_pager_start(ctx)) != PL_OK)
		return err;
	b->drain = drain_out;
	b->drain_arg = text;
	return PL_OK;
}

/* The rest of the output, after emit_start() and the renderer. */
static int
emit_end(struct pl_buf *b)
{
	b->drain(pl_buf_cstr(b), b->len, b->drain_arg);
	return b->drain == drain_file ? pl_outfile_close(b->drain_arg, 1) :
	    PL_OK;
}

/* "pl: reading portfolios: 12/30", over and over on one terminal line. */
static void
progress(size_t done, size_t total, void *arg)
{
	fprintf(stderr, "\rpl: reading portfolios: %zu/%zu", done, total);
	if (done == total)
		fputs("\r\033[K", stderr);
	fflush(stderr);
}

static int
roster_options(struct pl_roster_options *ro, const struct pl_args *a)
{
	const char	*fmt = pl_arg(a, "format");
	int		 err;

	if ((err = pl_jobs(&ro->jobs, a)) != PL_OK)
		return err;
	ro->group = pl_arg(a, "group");
	if (ro->report.view == PL_VIEW_LEARNER && pl_arg(a, "for") == NULL)
		ro->report.view = PL_VIEW_TEACHER;
	if (pl_arg(a, "out-dir") == NULL) {
		if (ro->report.view == PL_VIEW_FAMILY)
			return pl_error_set(PL_EUSAGE, "--roster --for family "
			    "writes one page per learner: give --out-dir DIR");
		return PL_OK;
	}
	if (pl_arg(a, "output") != NULL || (fmt != NULL &&
	    strcmp(fmt, "html") != 0))
		return pl_error_set(PL_EUSAGE, "--out-dir writes HTML pages; "
		    "it goes without -o and --format");
	ro->pages_dir = pl_arg(a, "out-dir");
	ro->page = pl_report_html;
	return PL_OK;
}

static void
render_roster(struct pl_buf *b, const struct pl_roster_report *r,
    const char *fmt, int standards, int colour)
{
	if (fmt == NULL || strcmp(fmt, "text") == 0)
		pl_roster_text(b, r, colour);
	else if (strcmp(fmt, "md") == 0)
		pl_roster_md(b, r);
	else if (strcmp(fmt, "html") == 0)
		pl_roster_html(b, r, 0);
	else if (strcmp(fmt, "csv") == 0)
		pl_roster_csv(b, r, standards);
	else if (strcmp(fmt, "json") == 0)
		pl_roster_json(b, r);
}

/* The class page, index.html, beside the learners' pages. */
static int
write_class_page(const struct pl_roster_report *r, const char *dir)
{
	struct pl_buf	 b = PL_BUF_INIT;
	char		*path = pl_xasprintf("%s/index.html", dir);
	int		 err;

	pl_roster_html(&b, r, 1);
	err = pl_write_output(path, pl_buf_cstr(&b), b.len);
	free(path);
	pl_buf_release(&b);
	return err;
}

/* pl report --roster: the class, then its failures in the exit status. */
static int
roster_run(struct pl_ctx *ctx, struct pl_args *a, struct pl_roster_options *ro,
    int colour)
{
	struct pl_roster_report	*r = NULL;
	struct pl_buf		 b = PL_BUF_INIT;
	const char		*fmt = pl_arg(a, "format");
	char			*clones = pl_clones_dir(a);
	char			*command = pl_roster_sync_command(ctx, a);
	int			 err, text = fmt == NULL || strcmp(fmt, "text") == 0;

	ro->clones = clones;
	ro->clone_command = command;
	if (isatty(STDERR_FILENO))
		ro->progress = progress;
	if ((err = roster_options(ro, a)) != PL_OK ||
	    (ro->pages_dir != NULL && (err = pl_make_dir(ro->pages_dir)) !=
	    PL_OK)
	    || (ro->pages_dir != NULL && ro->report.view == PL_VIEW_FAMILY &&
	    (err = pl_report_files_reset(ro->pages_dir)) != PL_OK)
	    || (err = pl_roster_build(&r, pl_arg(a, "roster"), ro)) != PL_OK)
		goto done;
	if (ro->pages_dir != NULL) {
		if (ro->report.view != PL_VIEW_FAMILY)
			err = write_class_page(r, ro->pages_dir);
	} else if ((err = emit_start(ctx, &b, pl_arg(a, "output"), &text)) ==
	    PL_OK) {
		render_roster(&b, r, fmt, pl_arg_has(a, "standards"),
		    text && colour);
		err = emit_end(&b);
	}
	if (err == PL_OK && r->failed > 0)
		err = pl_error_set(PL_EINCOMPLETE, "%zu of %zu portfolios "
		    "could not be read (their rows say why)", r->failed, r->n);
done:
	free(clones);
	free(command);
	pl_buf_release(&b);
	pl_roster_report_free(r);
	return err;
}

/* The options that make sense with --roster alone. */
static int
roster_only(const struct pl_args *a)
{
	static const char *const names[] = { "group", "jobs", "clones",
		NULL };
	size_t			 i;

	if (pl_arg(a, "roster") != NULL)
		return PL_OK;
	for (i = 0; names[i] != NULL; i++)
		if (pl_arg_has(a, names[i]))
			return pl_error_set(PL_EUSAGE, "--%s goes with "
			    "--roster", names[i]);
	return PL_OK;
}

/*
 * --out-dir without --roster: the family's page as DIR/index.html, the
 * attached work it shows copied beside it.
 */
static int
out_dir_options(const struct pl_report_options *o, const struct pl_args *a)
{
	const char	*fmt = pl_arg(a, "format");

	if (pl_arg(a, "out-dir") == NULL)
		return PL_OK;
	if (o->view != PL_VIEW_FAMILY)
		return pl_error_set(PL_EUSAGE, "--out-dir goes with --roster "
		    "or --for family");
	if (pl_arg(a, "output") != NULL || (fmt != NULL &&
	    strcmp(fmt, "html") != 0))
		return pl_error_set(PL_EUSAGE, "--out-dir writes HTML pages; "
		    "it goes without -o and --format");
	return pl_make_dir(pl_arg(a, "out-dir"));
}

/*
 * The family's HTML page shows the attached work: copied to the page's
 * folder with --out-dir, else small images embedded.
 */
static int
attach(struct pl_report *r, struct pl_ctx *ctx, const struct pl_args *a,
    const char *fmt)
{
	const char	*dir = pl_arg(a, "out-dir");
	int		 err;

	if (dir == NULL)
		return fmt != NULL && strcmp(fmt, "html") == 0 ?
		    pl_report_attach(r, ctx->pf, NULL, NULL) : PL_OK;
	if ((err = pl_report_files_reset(dir)) != PL_OK)
		return err;
	return pl_report_attach(r, ctx->pf, dir, PL_REPORT_FILES "/");
}

static int
report_run(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_report_options	 o;
	struct pl_report		*r = NULL;
	struct pl_buf			 b = PL_BUF_INIT;
	const char			*out = pl_arg(a, "output");
	const char			*fmt = pl_arg(a, "format");
	char				*page = NULL;
	int				 err, text, colour;

	text = fmt == NULL || strcmp(fmt, "text") == 0;
	if ((colour = pl_colour(ctx)) < 0)
		return colour;
	/* a file never gets colour unless asked for */
	if (out != NULL && pl_arg(a, "color") == NULL)
		colour = 0;
	if ((err = parse_options(&o, a)) != PL_OK)
		goto done;
	if (pl_arg(a, "roster") != NULL) {
		struct pl_roster_options	ro = { .report = o };

		err = roster_run(ctx, a, &ro, colour);
		goto done;
	}
	if ((err = out_dir_options(&o, a)) != PL_OK ||
	    (err = pl_report_build(&r, ctx->pf, &o)) != PL_OK ||
	    (err = attach(r, ctx, a, pl_arg(a, "out-dir") != NULL ? "html" :
	    fmt)) != PL_OK)
		goto done;
	if (pl_arg(a, "out-dir") != NULL) {
		out = page = pl_xasprintf("%s/index.html", pl_arg(a, "out-dir"));
		fmt = "html";
		text = 0;
	}
	/* written as it is made: memory stays flat */
	if ((err = emit_start(ctx, &b, out, &text)) != PL_OK)
		goto done;
	pl_out_warnings(&r->warnings);
	render(&b, r, fmt, pl_arg_has(a, "standards"), text && colour);
	err = emit_end(&b);
done:
	free(page);
	pl_buf_release(&b);
	pl_report_free(r);
	return err;
}

static const struct pl_opt report_opts[] = {
	{ "for", 0, "VIEW", "who reads it: learner (default), teacher or "
	    "family", "learner teacher family" },
	{ "as-of", 0, "DATE|REV", "the report as the portfolio stood on DATE "
	    "or at commit REV", "@rev" },
	{ "since", 0, "DATE", "also what changed from DATE on", NULL },
	{ "until", 0, "DATE", "the end of the window (default: the as-of "
	    "day)", NULL },
	{ "method", 0, "METHOD", "compute mastery by METHOD instead of the "
	    "portfolio's", "latest highest average decaying weighted "
	    "n-times" },
	{ "scope", 0, "SCOPE", "the standards shares are of: grade (default: "
	    "the profile's grade and those aligned), aligned or all",
	    "grade aligned all" },
	{ "codes", 0, NULL, "show standard codes in the family view", NULL },
	{ "format", 0, "FMT", "output format: text (default), md, html, csv "
	    "or json", "text md html csv json" },
	{ "standards", 0, NULL, "with --format csv: one row per standard "
	    "instead of per goal", NULL },
	{ "output", 'o', "FILE", "write to FILE instead of standard output",
	    "@file" },
	{ "roster", 0, "ROSTER", "a class: one row per learner of the "
	    "roster file (CSV)", "@file" },
	{ "group", 0, "GROUP", "with --roster: the learners of GROUP alone",
	    NULL },
	{ "jobs", 'j', "N", "with --roster: read N portfolios at once "
	    "(default: one per core)", NULL },
	{ "clones", 0, "DIR", "with --roster: where portfolios named by URL "
	    "are cloned", "@file" },
	{ "out-dir", 0, "DIR", "write the page to DIR with the attached work "
	    "it shows (--for family); with --roster, the class page and each "
	    "learner's page", "@file" },
	PL_OPT_COLOR,
	{ NULL, 0, NULL, NULL, NULL }
};

const struct pl_cmd pl_cmd_report = {
	.name = "report",
	.summary = "show where a learner stands and how they got there",
	.usage = "report [--for VIEW] [--as-of DATE|REV] [--since DATE] "
	    "[--until DATE] [--method METHOD] [--scope SCOPE] [--codes] "
	    "[--format FMT] [--standards] [-o FILE | --out-dir DIR] "
	    "[--color[=WHEN]]\n"
	    "   or: pl report --roster ROSTER [--group GROUP] [-j N] "
	    "[--clones DIR] [--for VIEW] [--as-of DATE] [--since DATE] "
	    "[--until DATE] [--method METHOD] [--scope SCOPE] [--format FMT] "
	    "[--standards] "
	    "[-o FILE | --out-dir DIR] [--color[=WHEN]]",
	.description = "Reports the profile in brief, each goal with its "
	    "progress and flags\n(overdue, stalled, behind pace), "
	    "standards and mastery, activity per\nweek and who "
	    "contributed, read from the committed portfolio and its\n"
	    "history.  With --since, also what changed in the window and "
	    "how mastery\nmoved.  The report names the commit it was made "
	    "from.\n\nWith --roster, a class: one row per learner of the "
	    "roster, those who need\nattention first with the reasons, "
	    "and the class per standard, stuck\nstandards first.",
	.opts = report_opts,
	.min_args = 0, .max_args = 0,
	.flags = PL_CMD_PORTFOLIO,
	.portfolio_unless = "roster",
	.check = roster_only,
	.run = report_run,
};
