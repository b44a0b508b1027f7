/*
 * pl init: a new portfolio, in a new repository or an empty one, with the
 * learner's profile and a first commit.
 */
#include <stdlib.h>

#include "cmd.h"
#include "pl/entries/profile.h"

/*
 * A portfolio made inside another one's working tree is a repository of
 * its own that the outer one's git does not track: a person who meant to
 * be elsewhere (the tour's folder) should hear of it.
 */
static void
nested_warn(const char *dir)
{
	struct pl_strlist	 w = PL_STRLIST_INIT;
	char			*outer = pl_portfolio_outer(dir);

	if (outer == NULL)
		return;
	pl_strlist_push_owned(&w, pl_xasprintf("'%s' is a new repository "
	    "nested inside the portfolio '%s', whose git does not track its "
	    "files",
	    dir, outer));
	pl_out_warnings(&w);
	pl_strlist_release(&w);
	free(outer);
}

static int
init_run(struct pl_ctx *ctx, struct pl_args *a)
{
	const char	*dir = a->argc > 0 ? a->argv[0] : ".";
	char		*id = NULL;
	int		 err;

	if (pl_arg(a, "name") == NULL)
		return pl_error_set(PL_EUSAGE, "init: --name is required; "
		    "usage: pl %s", pl_cmd_init.usage);
	err = pl_profile_init(&id, dir, pl_arg(a, "name"), pl_arg(a, "id"),
	    pl_arg(a, "grade"), pl_arg(a, "author"));
	if (err == PL_OK) {
		pl_out_printf("%s\n", id);
		nested_warn(dir);
	}
	free(id);
	return err;
}

static const struct pl_opt init_opts[] = {
	{ "name", 'n', "NAME", "the learner's name (required)", NULL },
	{ "id", 'i', "ID", "the learner's id (default: made from the name)",
	    NULL },
	{ "grade", 'g', "GRADE", "grade or level", NULL },
	PL_OPT_AUTHOR,
	{ NULL, 0, NULL, NULL, NULL }
};

const struct pl_cmd pl_cmd_init = {
	.name = "init",
	.summary = "start a new portfolio",
	.usage = "init --name NAME [--id ID] [--grade GRADE] [DIR]",
	.description = "Makes DIR (default: the current folder) a new "
	    "portfolio: a git repository with\n.plconfig, profile.md and "
	    ".gitattributes (git merges the files with pl), and a\nfirst "
	    "commit.  DIR must be new, empty, or an empty repository.  "
	    "Prints the\nlearner's id, and warns when DIR is inside another "
	    "portfolio.",
	.opts = init_opts,
	.arg_words = "@file",
	.min_args = 0, .max_args = 1,
	.run = init_run,
};
