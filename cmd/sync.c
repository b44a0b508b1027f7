/*
 * pl sync: share the portfolio through a git remote (see pl/sync/sync.h):
 * fetch, fast-forward or merge by structure, push.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "pl/sync/sync.h"

static void
say_merged(const struct pl_sync_result *r)
{
	struct pl_buf	b = PL_BUF_INIT;

	if (r->merged.n == 0)
		return;
	pl_strlist_join(&b, &r->merged, ", ");
	pl_out_printf("Merged by structure: %s\n", pl_buf_cstr(&b));
	pl_buf_release(&b);
}

/*
 * Where a push goes: "origin", or "origin/master" when the branch
 * follows one of another name.  The caller frees.
 */
static char *
push_target(const struct pl_sync_result *r)
{
	if (strcmp(r->branch, r->remote_branch) == 0)
		return pl_xstrdup(r->remote);
	return pl_xasprintf("%s/%s", r->remote, r->remote_branch);
}

/* One line for what happened, one for each thing done besides. */
static void
say(const struct pl_sync_result *r, int dry_run)
{
	const char	*would = dry_run ? "Would " : "";
	const char	*theirs = r->remote_branch;
	char		*to;

	switch (r->action) {
	case PL_SYNC_UP_TO_DATE:
		if (r->out == 0)
			pl_out_printf("%s is up to date with %s/%s.\n",
			    r->branch, r->remote, theirs);
		else
			pl_out_printf("Nothing new on %s/%s.\n", r->remote,
			    theirs);
		break;
	case PL_SYNC_NEW_REMOTE:
		pl_out_printf("%s has no branch %s yet.\n", r->remote, theirs);
		break;
	case PL_SYNC_FAST_FORWARD:
		pl_out_printf("%s%s %s to %s/%s: %zu commit%s in "
		    "(%.7s..%.7s).\n", would, dry_run ? "fast-forward" :
		    "Fast-forwarded", r->branch, r->remote, theirs, r->in,
		    r->in == 1 ? "" : "s", r->before, r->after);
		break;
	case PL_SYNC_MERGE:
		pl_out_printf("%s%s %s/%s into %s: %zu commit%s in, %zu "
		    "out.\n", would, dry_run ? "merge" : "Merged", r->remote,
		    theirs, r->branch, r->in, r->in == 1 ? "" : "s", r->out);
		say_merged(r);
		break;
	}
	to = push_target(r);
	if (r->pushed)
		pl_out_printf("Pushed %s to %s.\n", r->branch, to);
	else if (dry_run && (r->out > 0 || r->action == PL_SYNC_MERGE ||
	    r->action == PL_SYNC_NEW_REMOTE))
		pl_out_printf("Would push %s to %s.\n", r->branch, to);
	free(to);
}

static int
sync_run(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_sync_options	o = { a->argc > 0 ? a->argv[0] : NULL,
				    !pl_arg_has(a, "no-push"),
				    pl_arg_has(a, "dry-run") };
	struct pl_sync_result	r;
	int			err;

	err = pl_sync(&r, ctx->pf, &o);
	if (err == PL_OK)
		say(&r, o.dry_run);
	pl_sync_result_release(&r);
	return err;
}

static const struct pl_opt sync_opts[] = {
	{ "no-push", 0, NULL, "bring the remote's changes in, push nothing",
	    NULL },
	{ "dry-run", 'n', NULL, "fetch, then say what would happen and do "
	    "nothing", NULL },
	{ NULL, 0, NULL, NULL, NULL }
};

const struct pl_cmd pl_cmd_sync = {
	.name = "sync",
	.summary = "share the portfolio through a git remote",
	.usage = "sync [--no-push] [--dry-run] [REMOTE]",
	.description = "Fetches the current branch from REMOTE (a remote's "
	    "name or a URL; default:\nthe branch's remote, else origin), "
	    "brings its changes in (a fast-forward,\nor a merge commit in "
	    "which portfolio files both sides changed are merged\nby "
	    "structure), and pushes what the remote lacks, never forced.  "
	    "A sync\nthat cannot finish changes nothing.",
	.opts = sync_opts,
	.arg_words = "@remote",
	.min_args = 0, .max_args = 1,
	.flags = PL_CMD_PORTFOLIO,
	.run = sync_run,
};
