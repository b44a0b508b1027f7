/*
 * pl roster: the portfolios of a class named in a roster file.  "pl
 * roster sync" clones each one named by URL into the clones folder, or
 * syncs its clone there (see pl/sync/roster-sync.h); "pl report
 * --roster" reads them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "pl/report/roster.h"
#include "pl/sync/roster-sync.h"

/* "pl: syncing portfolios: 12/30", over and over on one line. */
static void
progress(size_t done, size_t total, void *arg)
{
	(void)arg;
	fprintf(stderr, "\rpl: syncing portfolios: %zu/%zu", done, total);
	if (done == total)
		fputs("\r\033[K", stderr);
	fflush(stderr);
}

/* What a sync did, in a few words. */
static void
put_synced(struct pl_buf *b, const struct pl_sync_result *r)
{
	switch (r->action) {
	case PL_SYNC_UP_TO_DATE:
		pl_buf_puts(b, "up to date");
		break;
	case PL_SYNC_NEW_REMOTE:
		pl_buf_puts(b, "the remote has no branch yet");
		break;
	case PL_SYNC_FAST_FORWARD:
		pl_buf_printf(b, "fast-forwarded, %zu commit%s in", r->in,
		    r->in == 1 ? "" : "s");
		break;
	case PL_SYNC_MERGE:
		pl_buf_printf(b, "merged, %zu commit%s in", r->in,
		    r->in == 1 ? "" : "s");
		break;
	}
	if (r->pushed)
		pl_buf_puts(b, ", pushed");
}

static void
say(const struct pl_roster_fetched *v, size_t n)
{
	struct pl_buf	b = PL_BUF_INIT;
	size_t		i, count[4] = { 0, 0, 0, 0 };

	for (i = 0; i < n; i++) {
		pl_buf_clear(&b);
		count[v[i].state]++;
		switch (v[i].state) {
		case PL_FETCH_CLONED:
			pl_buf_printf(&b, "cloned into %s", v[i].path);
			break;
		case PL_FETCH_SYNCED:
			put_synced(&b, &v[i].sync);
			break;
		case PL_FETCH_LOCAL:
			pl_buf_puts(&b, "a folder, left as it is");
			break;
		case PL_FETCH_FAILED:
			pl_buf_printf(&b, "failed: %s", v[i].problem);
			break;
		}
		pl_out_printf("%s: %s\n", *v[i].row->learner != '\0' ?
		    v[i].row->learner : "(no name)", pl_buf_cstr(&b));
	}
	pl_out_printf("%zu portfolio%s: %zu cloned, %zu synced, %zu left as "
	    "they are, %zu failed\n", n, n == 1 ? "" : "s",
	    count[PL_FETCH_CLONED], count[PL_FETCH_SYNCED],
	    count[PL_FETCH_LOCAL], count[PL_FETCH_FAILED]);
	pl_buf_release(&b);
}

static int
roster_sync_run(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_roster_fetch_options	 o;
	struct pl_roster_fetched	*v = NULL;
	struct pl_roster		 l;
	char				*clones = pl_clones_dir(a);
	size_t				 nfailed = 0;
	int				 err;

	(void)ctx;
	memset(&o, 0, sizeof o);
	o.clones = clones;
	o.push = !pl_arg_has(a, "no-push");
	if (isatty(STDERR_FILENO))
		o.progress = progress;
	if ((err = pl_jobs(&o.jobs, a)) != PL_OK ||
	    (err = pl_roster_read(&l, a->argv[0])) != PL_OK)
		goto done;
	if ((err = pl_roster_fetch(&v, &nfailed, &l, &o)) == PL_OK) {
		say(v, l.n);
		if (nfailed > 0)
			err = pl_error_set(PL_EINCOMPLETE, "%zu of %zu "
			    "portfolios failed (their lines say why)", nfailed,
			    l.n);
	}
	pl_roster_fetched_free(v, l.n);
	pl_roster_release(&l);
done:
	free(clones);
	return err;
}

static const struct pl_opt roster_sync_opts[] = {
	{ "clones", 0, "DIR", "where portfolios named by URL are cloned",
	    "@file" },
	{ "jobs", 'j', "N", "sync N portfolios at once (default: one per "
	    "core)", NULL },
	{ "no-push", 0, NULL, "bring changes in, push nothing", NULL },
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct pl_cmd roster_sync_cmd = {
	.name = "sync",
	.summary = "clone or sync every portfolio of a class",
	.usage = "roster sync [--clones DIR] [-j N] [--no-push] ROSTER",
	.description = "Clones each learner's portfolio that ROSTER names by "
	    "URL into the clones\nfolder (--clones, else $PL_CLONES, else "
	    "~/.cache/pl/clones), or syncs its\nclone there as pl sync "
	    "does, on every core.  One that fails does not stop\nthe "
	    "others; each learner gets a line, and the exit status is 13 "
	    "when any\nfailed.",
	.opts = roster_sync_opts,
	.arg_words = "@file",
	.min_args = 1, .max_args = 1,
	.run = roster_sync_run,
};

static const struct pl_cmd *const roster_subs[] = {
	&roster_sync_cmd,
	NULL
};

const struct pl_cmd pl_cmd_roster = {
	.name = "roster",
	.summary = "clone or sync the portfolios of a class",
	.usage = "roster COMMAND",
	.description = "A roster is a CSV file naming each learner's "
	    "portfolio (see pl-report(1),\n\"A class\").",
	.subs = roster_subs,
};
