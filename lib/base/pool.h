/*
 * Internal: a pool of threads working through n jobs (lib/base/pool.c), for
 * reading or syncing the many portfolios of a roster.
 */
#ifndef PL_POOL_H
#define PL_POOL_H

#include <stddef.h>

/*
 * Runs job(i, arg) for each i below n on jobs threads (0: one per core;
 * never more than n or 256), the calling thread one of them, and returns
 * when all are done.  progress(done, n, parg), when set, is called after
 * each job, never from two threads at once.
 */
void	 pl_pool_run(size_t n, unsigned jobs, void (*job)(size_t, void *),
	    void *arg, void (*progress)(size_t, size_t, void *), void *parg);

#endif
