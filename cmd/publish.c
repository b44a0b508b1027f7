/*
 * pl publish: a showcase (pl showcase) as a static site anyone can host,
 * made from the committed portfolio, or a list of what it would hold for
 * a hosting job (see pl/report/publish.h).
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "pl/report/publish.h"

/*
 * Where the site goes: --out-dir DIR for html (the default), -o FILE for
 * zip, neither for json, which prints what would be published.
 */
static int
check(const struct pl_args *a)
{
	const char	*fmt = pl_arg(a, "format");
	int		 err, zip = fmt != NULL && strcmp(fmt, "zip") == 0;

	if ((err = pl_format_check(a)) != PL_OK)
		return err;
	if (fmt != NULL && strcmp(fmt, "json") == 0) {
		if (pl_arg(a, "out-dir") != NULL || pl_arg(a, "output") != NULL)
			return pl_error_set(PL_EUSAGE, "--format json prints "
			    "what would be published: it goes without "
			    "--out-dir and -o");
		return PL_OK;
	}
	if (zip && (pl_arg(a, "out-dir") != NULL || pl_arg(a, "output") ==
	    NULL))
		return pl_error_set(PL_EUSAGE, "--format zip writes one "
		    "archive: give -o FILE, without --out-dir");
	if (!zip && pl_arg(a, "output") != NULL)
		return pl_error_set(PL_EUSAGE, "-o FILE is for --format zip "
		    "(the site goes to --out-dir DIR)");
	if (!zip && pl_arg(a, "out-dir") == NULL)
		return pl_error_set(PL_EUSAGE, "say where: --out-dir DIR (or "
		    "--format zip -o FILE, or --format json)");
	return PL_OK;
}

/* One warning line when what is published differs from the work tree. */
static int
warn_dirty(struct pl_ctx *ctx, const struct pl_publish *p)
{
	struct pl_strlist	 d = PL_STRLIST_INIT;
	struct pl_buf		 b = PL_BUF_INIT;
	int			 err;

	if ((err = pl_publish_dirty(&d, ctx->pf, p)) == PL_OK && d.n > 0) {
		pl_buf_puts(&b, "warning: uncommitted changes are not "
		    "published: ");
		pl_strlist_join(&b, &d, ", ");
		pl_out_error("pl: ", pl_buf_cstr(&b));
	}
	pl_strlist_release(&d);
	pl_buf_release(&b);
	return err;
}

/* The site as one zip archive in file. */
static int
write_zip(const struct pl_publish *p, const char *file)
{
	struct pl_buf	b = PL_BUF_INIT;
	int		err;

	if ((err = pl_publish_zip(&b, p)) == PL_OK &&
	    (err = pl_write_output(file, pl_buf_cstr(&b), b.len)) == PL_OK)
		pl_out_printf("%s: %zu file%s\n", file, p->nfiles,
		    p->nfiles == 1 ? "" : "s");
	pl_buf_release(&b);
	return err;
}

static int
publish_run(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_publish_options	 o = { pl_arg(a, "as-of"), PL_VERSION };
	struct pl_publish		*p = NULL;
	struct pl_publish_stats		 st;
	struct pl_buf			 b = PL_BUF_INIT;
	const char			*dir = pl_arg(a, "out-dir");
	const char			*file = pl_arg(a, "output");
	int				 err;

	if ((err = pl_out_format(ctx, a)) != PL_OK)
		return err;
	if ((dir != NULL && (err = pl_publish_check_dir(ctx->pf, dir)) !=
	    PL_OK) || (file != NULL && (err = pl_publish_check_dir(ctx->pf,
	    file)) != PL_OK) || (err = pl_publish_build(&p, ctx->pf,
	    a->argv[0], &o)) != PL_OK)
		goto done;
	pl_out_warnings(&p->warnings);
	if (o.as_of == NULL && (err = warn_dirty(ctx, p)) != PL_OK)
		goto done;
	if (ctx->json) {
		pl_publish_json(&b, p);
		pl_out_write(pl_buf_cstr(&b), PL_OUT_BODY);
	} else if (file != NULL)
		err = write_zip(p, file);
	else if ((err = pl_publish_write(&st, p, dir)) == PL_OK)
		pl_out_printf("%s/index.html: %zu written, %zu unchanged, "
		    "%zu removed\n", dir, st.written, st.unchanged,
		    st.removed);
done:
	pl_buf_release(&b);
	pl_publish_free(p);
	return err;
}

static const struct pl_opt publish_opts[] = {
	{ "out-dir", 0, "DIR", "write the site to DIR", "@file" },
	{ "as-of", 0, "DATE|REV", "the portfolio as it stood on DATE or at "
	    "REV", "@rev" },
	{ "output", 'o', "FILE", "with --format zip: write the archive to "
	    "FILE", "@file" },
	{ "format", 0, "FMT", "html (the site), zip (it in one archive) or "
	    "json (a list)", "html json zip" },
	{ NULL, 0, NULL, NULL, NULL }
};

const struct pl_cmd pl_cmd_publish = {
	.name = "publish",
	.summary = "make a showcase a static site anyone can host",
	.usage = "publish [--as-of DATE|REV] --out-dir DIR NAME\n"
	    "   or: pl publish [--as-of DATE|REV] --format zip -o FILE NAME\n"
	    "   or: pl publish [--as-of DATE|REV] --format json NAME",
	.description = "Writes showcase NAME, as committed, to DIR as a "
	    "static site: an index\n(the introduction, what the showcase "
	    "allows of the profile, the goals\nand standards of the work, "
	    "the items in order) and a page per item with\nits files.  No "
	    "script, nothing fetched from elsewhere, every link\nrelative: "
	    "it works from a USB stick, a git host's pages or any server.\n"
	    "Nothing private, nothing not chosen, no email address is "
	    "published.\nPublishing again writes only what changed and "
	    "removes what left.  With\n--format zip the same files go in "
	    "one archive, for a mail or an upload.",
	.opts = publish_opts,
	.arg_words = "@showcase",
	.min_args = 1, .max_args = 1,
	.flags = PL_CMD_PORTFOLIO,
	.check = check,
	.run = publish_run,
};
