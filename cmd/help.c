/*
 * pl help: the list of commands, or one command's help, the same text
 * as 'pl COMMAND --help'.
 */
#include <string.h>

#include "cmd.h"

static int
help_run(struct pl_ctx *ctx, struct pl_args *a)
{
	const struct pl_cmd	*cmd = NULL, *const *table = pl_commands;
	struct pl_buf		 path = PL_BUF_INIT;
	int			 i;

	for (i = 0; i < a->argc; i++) {
		if ((cmd = pl_cmd_find(table, a->argv[i])) == NULL) {
			pl_buf_release(&path);
			return pl_error_set(PL_EUSAGE, "no such command '%s'; "
			    "see 'pl help'", a->argv[i]);
		}
		pl_buf_printf(&path, "%s%s", i ? " " : "", cmd->name);
		table = cmd->subs;
	}
	if (cmd == NULL)
		pl_usage(stdout);
	else
		pl_cmd_usage(stdout, cmd, path.ptr);
	pl_buf_release(&path);
	return PL_OK;
}

static const struct pl_opt help_opts[] = {
	{ NULL, 0, NULL, NULL, NULL }
};

const struct pl_cmd pl_cmd_help = {
	.name = "help",
	.summary = "show help for pl or one of its commands",
	.usage = "help [COMMAND [SUBCOMMAND]]",
	.opts = help_opts,
	.arg_words = "align clone evidence goal help init log profile reflect "
	    "report",
	.min_args = 0, .max_args = 2,
	.run = help_run,
};
