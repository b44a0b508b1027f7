/*
 * pl merge-file: the merge driver git runs for portfolio files (see
 * gitattributes(5), "Defining a custom merge driver"), registered by
 * pl init and pl clone.  Plumbing: left out of pl help and of the
 * completion of command names, since people do not type it.
 */
#include <stdlib.h>

#include "cmd.h"
#include "pl/store/driver.h"

static int
merge_file_run(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_strlist	 conflicts = PL_STRLIST_INIT;
	const char		*size = pl_arg(a, "marker-size");
	char			*end, *why;
	long			 n = 0;
	int			 err;

	(void)ctx;
	if (size != NULL) {
		n = strtol(size, &end, 10);
		if (*size < '0' || *size > '9' || *end != '\0' || n < 1 ||
		    n > 100)
			return pl_error_set(PL_EUSAGE, "merge-file: "
			    "--marker-size must be a number from 1 to 100, "
			    "not '%s'", size);
	}
	err = pl_merge_driver(&conflicts, a->argv[0], a->argv[1], a->argv[2],
	    a->argv[3], (int)n);
	pl_strlist_release(&conflicts);
	/*
	 * git wants 1 for a conflict, and the dispatcher would run a
	 * command again on PL_ECONFLICT, over ours already rewritten.
	 */
	if (err == PL_ECONFLICT) {
		why = pl_xstrdup(pl_error_last());
		err = pl_error_set(PL_ERROR, "%s", why);
		free(why);
	}
	return err;
}

static const struct pl_opt merge_file_opts[] = {
	{ "marker-size", 0, "N", "conflict markers of N characters "
	    "(default 7; git's %L)", NULL },
	{ NULL, 0, NULL, NULL, NULL }
};

const struct pl_cmd pl_cmd_merge_file = {
	.name = "merge-file",
	.summary = "merge a portfolio file for git (plumbing)",
	.usage = "merge-file [--marker-size N] BASE OURS THEIRS PATH",
	.description = "The merge driver git runs for portfolio files: "
	    "merges OURS and THEIRS from BASE\nby their structure and "
	    "writes the result to OURS (exit 0).  When both sides\nchanged "
	    "something differently, OURS gets git's conflict markers and pl "
	    "exits 1.\nPATH is the file's path in the portfolio, for "
	    "messages.",
	.opts = merge_file_opts,
	.arg_words = "@file",
	.min_args = 4, .max_args = 4,
	.flags = PL_CMD_HIDDEN,
	.run = merge_file_run,
};
