/*
 * pl align: the curriculum standards a learner's own path meets.  A
 * school's framework comes into the portfolio once (standards/), and
 * goals and evidence then name its codes, so a teacher can see what is
 * covered, what is mastered and what is missing.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "pl/framework.h"
#include "pl/standards.h"

/* --- frameworks: import, list, show --- */

#define PLURAL(n)	((n) == 1 ? "" : "s")

static const struct pl_opt import_opts[] = {
	{ "framework", 'f', "NAME",
	    "the framework's name (default: from FILE's name)", "@framework" },
	{ "force", 0, NULL,
	    "drop codes that goals or evidence still name", NULL },
	PL_OPT_AUTHOR,
	{ NULL, 0, NULL, NULL, NULL }
};

static void
print_codes(const char *what, const struct pl_strlist *codes)
{
	size_t	i;

	for (i = 0; i < codes->n; i++) {
		pl_out_printf("%-9s ", what);
		pl_out_write(codes->v[i], PL_OUT_LINE);
		pl_out_write("\n", PL_OUT_LINE);
	}
}

static int
align_import(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_framework_diff	d;
	struct pl_strlist		w = PL_STRLIST_INIT;
	int				err;

	err = pl_framework_import(&d, ctx->pf, a->argv[0],
	    pl_arg(a, "framework"), pl_arg_has(a, "force"), &w);
	pl_out_warnings(&w);
	if (err != PL_OK)
		goto done;
	print_codes("added", &d.added);
	print_codes("removed", &d.removed);
	print_codes("reworded", &d.reworded);
	if (!d.updated)
		pl_out_printf("imported %s: %zu standard%s\n", d.name, d.n,
		    PLURAL(d.n));
	else if (d.added.n + d.removed.n + d.reworded.n == 0)
		pl_out_printf("%s is up to date: %zu standard%s\n", d.name,
		    d.n, PLURAL(d.n));
	else
		pl_out_printf("updated %s: %zu added, %zu removed, %zu "
		    "reworded; %zu standard%s\n", d.name, d.added.n,
		    d.removed.n, d.reworded.n, d.n, PLURAL(d.n));
done:
	pl_framework_diff_release(&d);
	pl_strlist_release(&w);
	return err;
}

static const struct pl_cmd align_import_cmd = {
	.name = "import",
	.summary = "bring a standards framework into the portfolio",
	.usage = "align import [--framework NAME] [--force] FILE",
	.description = "Reads FILE (pl's CSV: code,parent,grade,subject,"
	    "description; a Moodle\ncompetency framework CSV; or an IMS CASE "
	    "JSON package) and commits it\nas standards/<NAME>.csv.  Over a "
	    "framework already there it is an update: pl\nprints the codes "
	    "added, removed and reworded, and refuses to drop a code\nthat "
	    "goals or evidence name unless --force.",
	.opts = import_opts,
	.arg_words = "@file",
	.min_args = 1, .max_args = 1,
	.flags = PL_CMD_PORTFOLIO,
	.run = align_import,
};

/* --- end of frameworks --- */

static const struct pl_cmd *const align_subs[] = {
	&align_import_cmd,
	NULL
};

const struct pl_cmd pl_cmd_align = {
	.name = "align",
	.summary = "tie goals and evidence to curriculum standards",
	.usage = "align COMMAND",
	.description = "Frameworks of standards live in standards/<name>.csv; "
	    "goals and evidence\nname their codes in their standards list.",
	.subs = align_subs,
};
