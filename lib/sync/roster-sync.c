/*
 * pl roster sync: each learner's portfolio named by URL cloned into the
 * clones folder, or synced when it is there, on a pool of threads (see
 * pl/sync/roster-sync.h).
 */
#include <sys/stat.h>

#include <stdlib.h>

#include "pl/sync/clone.h"
#include "pl/sync/roster-sync.h"
#include "base/pool.h"
#include "store/git.h"

struct fetch {
	const struct pl_roster_fetch_options	*o;
	struct pl_roster_fetched		*v;
};

static void
failed(struct pl_roster_fetched *f)
{
	f->state = PL_FETCH_FAILED;
	f->problem = pl_xstrdup(pl_error_last());
	pl_error_clear();
}

/* A row whose URL is to be fetched (state PL_FETCH_CLONED, so far). */
static void
clone_or_sync(struct pl_roster_fetched *f,
    const struct pl_roster_fetch_options *o)
{
	struct pl_sync_options	 so = { NULL, o->push, 0 };
	struct pl_portfolio	*pf = NULL;
	struct stat		 st;
	char			*dir = NULL;

	if (f->state != PL_FETCH_CLONED)
		return;
	if (stat(f->path, &st) != 0) {
		if (pl_clone(&dir, f->row->portfolio, f->path) != PL_OK)
			failed(f);
		free(dir);
		return;
	}
	if (pl_portfolio_open_dir(&pf, f->path) != PL_OK ||
	    pl_sync(&f->sync, pf, &so) != PL_OK)
		failed(f);
	else
		f->state = PL_FETCH_SYNCED;
	pl_portfolio_free(pf);
}

static void
fetch_job(size_t i, void *arg)
{
	struct fetch	*f = arg;

	clone_or_sync(&f->v[i], f->o);
}

/*
 * The rows checked as the class report checks them (pl_roster_check()),
 * so that a repeated row is said as the report says it, and two threads
 * never fetch into one folder: a bad row has failed already, a folder
 * is left alone, a URL is to be cloned (or synced, when its folder is
 * there).
 */
static struct pl_roster_fetched *
rows_check(const struct pl_roster *l, const char *clones)
{
	struct pl_roster_fetched	*v = pl_xcalloc(l->n + 1, sizeof *v);
	struct pl_roster_learner	*c = pl_xcalloc(l->n + 1, sizeof *c);
	size_t				 i;

	for (i = 0; i < l->n; i++)
		c[i].row = &l->rows[i];
	pl_roster_check(c, l->n, l, clones);
	for (i = 0; i < l->n; i++) {
		v[i].row = c[i].row;
		v[i].problem = c[i].problem;
		if (c[i].state == PL_ROSTER_BAD_ROW)
			v[i].state = PL_FETCH_FAILED;
		else if (!pl_roster_is_url(c[i].row->portfolio))
			v[i].state = PL_FETCH_LOCAL;
		else {
			v[i].state = PL_FETCH_CLONED;
			v[i].path = c[i].path;
			c[i].path = NULL;
		}
		free(c[i].path);
	}
	free(c);
	return v;
}

int
pl_roster_fetch(struct pl_roster_fetched **out, size_t *nfailed,
    const struct pl_roster *l, const struct pl_roster_fetch_options *o)
{
	struct fetch	f = { o, NULL };
	size_t		i;
	int		err;

	*out = NULL;
	*nfailed = 0;
	if ((err = pl_lib_hold()) != PL_OK)
		return err;
	f.v = rows_check(l, o->clones);
	pl_pool_run(l->n, o->jobs, fetch_job, &f, o->progress, o->arg);
	pl_lib_release();
	for (i = 0; i < l->n; i++)
		*nfailed += f.v[i].state == PL_FETCH_FAILED;
	*out = f.v;
	return PL_OK;
}

void
pl_roster_fetched_free(struct pl_roster_fetched *v, size_t n)
{
	size_t	i;

	for (i = 0; v != NULL && i < n; i++) {
		free(v[i].path);
		free(v[i].problem);
		pl_sync_result_release(&v[i].sync);
	}
	free(v);
}
