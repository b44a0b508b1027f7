/*
 * pl clone: a copy of a portfolio from a git server or another folder,
 * checked to be a portfolio, whose portfolio files git merges as pl
 * does.
 */
#include <stdlib.h>

#include "cmd.h"
#include "pl/sync/clone.h"

static int
clone_run(struct pl_ctx *ctx, struct pl_args *a)
{
	char	*dir = NULL;
	int	 err;

	(void)ctx;
	err = pl_clone(&dir, a->argv[0], a->argc > 1 ? a->argv[1] : NULL);
	if (err == PL_OK)
		pl_out_printf("%s\n", dir);
	free(dir);
	return err;
}

static const struct pl_opt clone_opts[] = {
	{ NULL, 0, NULL, NULL, NULL }
};

const struct pl_cmd pl_cmd_clone = {
	.name = "clone",
	.summary = "copy a portfolio from a server or a folder",
	.usage = "clone URL [DIR]",
	.description = "Clones the portfolio at URL (a folder, file://, "
	    "git://, http(s)://, ssh:// or\nhost:path) into DIR (default: "
	    "URL's last part without .git), checks that it\nis a portfolio "
	    "and sets git up to merge its files as pl does.  Prints the\n"
	    "folder.  Credentials come from ssh-agent or the URL "
	    "(https://user:password@...).",
	.opts = clone_opts,
	.arg_words = "|@file",
	.min_args = 1, .max_args = 2,
	.run = clone_run,
};
