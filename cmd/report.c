/*
 * pl report: where a learner stands and how they got there, for the
 * learner, a teacher or the family, as text, Markdown, HTML, CSV or JSON
 * (see pl/report.h).  The report names the commit it was made from, so
 * "--as-of" that commit makes it again, byte for byte.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "pl/report.h"

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

static int
report_run(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_report_options	 o;
	struct pl_report		*r = NULL;
	struct pl_buf			 b = PL_BUF_INIT;
	const char			*out = pl_arg(a, "output");
	const char			*fmt = pl_arg(a, "format");
	int				 err, text, colour;

	text = fmt == NULL || strcmp(fmt, "text") == 0;
	if ((colour = pl_colour(ctx)) < 0)
		return colour;
	if ((err = parse_options(&o, a)) != PL_OK ||
	    (err = pl_report_build(&r, ctx->pf, &o)) != PL_OK)
		goto done;
	/* a file never gets colour unless asked for */
	if (out != NULL && pl_arg(a, "color") == NULL)
		colour = 0;
	render(&b, r, fmt, pl_arg_has(a, "standards"), text && colour);
	if (out == NULL && (err = pl_pager_start(ctx)) != PL_OK)
		goto done;
	pl_out_warnings(&r->warnings);
	if (out != NULL)
		err = pl_write_file(out, pl_buf_cstr(&b), b.len, 0666);
	else if (text)
		fwrite(pl_buf_cstr(&b), 1, b.len, stdout);
	else
		pl_out_write(pl_buf_cstr(&b), PL_OUT_BODY);
done:
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
	{ "codes", 0, NULL, "show standard codes in the family view", NULL },
	{ "format", 0, "FMT", "output format: text (default), md, html, csv "
	    "or json", "text md html csv json" },
	{ "standards", 0, NULL, "with --format csv: one row per standard "
	    "instead of per goal", NULL },
	{ "output", 'o', "FILE", "write to FILE instead of standard output",
	    "@file" },
	PL_OPT_COLOR,
	{ NULL, 0, NULL, NULL, NULL }
};

const struct pl_cmd pl_cmd_report = {
	.name = "report",
	.summary = "show where a learner stands and how they got there",
	.usage = "report [--for VIEW] [--as-of DATE|REV] [--since DATE] "
	    "[--until DATE] [--method METHOD] [--codes] [--format FMT] "
	    "[--standards] [-o FILE] [--color[=WHEN]]",
	.description = "Reports the profile in brief, each goal with its "
	    "progress and flags\n(overdue, stalled, behind pace), "
	    "standards and mastery, activity per\nweek and who "
	    "contributed, read from the committed portfolio and its\n"
	    "history.  With --since, also what changed in the window and "
	    "how mastery\nmoved.  The report names the commit it was made "
	    "from.",
	.opts = report_opts,
	.min_args = 0, .max_args = 0,
	.flags = PL_CMD_PORTFOLIO,
	.run = report_run,
};
