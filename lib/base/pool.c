/*
 * A pool of threads taking jobs by number from a shared counter (see
 * pool.h).
 */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "pl/base/util.h"
#include "base/pool.h"

struct pool {
	size_t		  n, next, done;
	void		(*job)(size_t, void *);
	void		 *arg;
	void		(*progress)(size_t, size_t, void *);
	void		 *parg;
	pthread_mutex_t	  lock;
};

static void *
work(void *arg)
{
	struct pool	*p = arg;
	size_t		 i;

	for (;;) {
		pthread_mutex_lock(&p->lock);
		i = p->next++;
		pthread_mutex_unlock(&p->lock);
		if (i >= p->n)
			break;
		p->job(i, p->arg);
		pthread_mutex_lock(&p->lock);
		p->done++;
		if (p->progress != NULL)
			p->progress(p->done, p->n, p->parg);
		pthread_mutex_unlock(&p->lock);
	}
	return NULL;
}

static unsigned
thread_count(unsigned jobs, size_t n)
{
	long		cpus = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned	k = jobs > 0 ? jobs : cpus > 0 ? (unsigned)cpus : 1;

	if (k > n)
		k = n > 0 ? (unsigned)n : 1;
	return k > 256 ? 256 : k;
}

void
pl_pool_run(size_t n, unsigned jobs, void (*job)(size_t, void *), void *arg,
    void (*progress)(size_t, size_t, void *), void *parg)
{
	struct pool	 p = { n, 0, 0, job, arg, progress, parg,
			    PTHREAD_MUTEX_INITIALIZER };
	pthread_t	*t;
	unsigned	 i, k = thread_count(jobs, n), started = 0;

	t = pl_xcalloc(k, sizeof *t);
	for (i = 1; i < k; i++)
		if (pthread_create(&t[started], NULL, work, &p) == 0)
			started++;
	work(&p);
	for (i = 0; i < started; i++)
		pthread_join(t[i], NULL);
	free(t);
	pthread_mutex_destroy(&p.lock);
}
