/*
 * The roster's pool of threads (lib/base/pool.h, internal): every job done
 * once, progress counted to the end, whatever the number of threads
 * asked for, none and more than there are jobs included.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/pool.h"
#include "tap.h"

#define N	40

static int		 runs[N];
static size_t		 last, calls;
static pthread_mutex_t	 lock = PTHREAD_MUTEX_INITIALIZER;

static void
job(size_t i, void *arg)
{
	pthread_mutex_lock(&lock);
	runs[i] += *(int *)arg;
	pthread_mutex_unlock(&lock);
}

static void
progress(size_t done, size_t n, void *arg)
{
	(void)arg;
	if (done == last + 1 && n == N)
		last = done;
	calls++;
}

static void
check(unsigned jobs)
{
	int	one = 1, i, all = 1;

	memset(runs, 0, sizeof runs);
	last = calls = 0;
	pl_pool_run(N, jobs, job, &one, progress, NULL);
	for (i = 0; i < N; i++)
		all &= runs[i] == 1;
	ok(all, "%u threads: each job once", jobs);
	ok(last == N && calls == N, "%u threads: progress 1 to %d in order",
	    jobs, N);
}

int
main(void)
{
	int	one = 1;

	check(0);
	check(1);
	check(1000);
	calls = 0;
	pl_pool_run(0, 4, job, &one, progress, NULL);
	ok(calls == 0, "no jobs: nothing run, no progress");
	return done_testing();
}
