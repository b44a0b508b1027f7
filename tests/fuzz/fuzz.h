/*
 * What the fuzz targets share: a temporary folder made once per process
 * (and removed at exit), inputs as C strings, inputs cut in parts, and
 * a portfolio made once for the targets that read through a repository.
 * A target aborts (libFuzzer saves the input) when an oracle fails.
 */
#ifndef PL_FUZZ_H
#define PL_FUZZ_H

#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pl/base/error.h"
#include "pl/entries/profile.h"
#include "pl/store/portfolio.h"
#include "pl/base/util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char	*fuzz_tmp;

static inline int
fuzz_rm(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)st;
	(void)flag;
	(void)f;
	return remove(path);
}

static inline void
fuzz_cleanup(void)
{
	if (fuzz_tmp != NULL)
		nftw(fuzz_tmp, fuzz_rm, 16, FTW_DEPTH | FTW_PHYS);
}

/* The process's own temporary folder, made at the first call. */
static inline const char *
fuzz_dir(void)
{
	const char	*t = getenv("TMPDIR");

	if (fuzz_tmp != NULL)
		return fuzz_tmp;
	fuzz_tmp = pl_xasprintf("%s/pl-fuzz-XXXXXX", t != NULL ? t : "/tmp");
	if (mkdtemp(fuzz_tmp) == NULL) {
		perror("mkdtemp");
		abort();
	}
	atexit(fuzz_cleanup);
	return fuzz_tmp;
}

/* Replaces the file path by n bytes of d. */
static inline void
fuzz_write(const char *path, const uint8_t *d, size_t n)
{
	FILE	*f = fopen(path, "wb");

	if (f == NULL || (n > 0 && fwrite(d, 1, n, f) != n) ||
	    fclose(f) != 0) {
		perror(path);
		abort();
	}
}

/* A NUL-terminated copy of the input; the caller frees. */
static inline char *
fuzz_cstr(const uint8_t *d, size_t n)
{
	return pl_xstrndup((const char *)d, n);
}

/*
 * Cuts the input at each sep byte into at most max parts (the last keeps
 * the rest), each a NUL-terminated copy the caller frees; the number of
 * parts made.
 */
static inline size_t
fuzz_split(char **parts, size_t max, const uint8_t *d, size_t n, char sep)
{
	const uint8_t	*end = d + n, *p;
	size_t		 k = 0;

	while (k + 1 < max && (p = memchr(d, sep, end - d)) != NULL) {
		parts[k++] = pl_xstrndup((const char *)d, p - d);
		d = p + 1;
	}
	parts[k++] = pl_xstrndup((const char *)d, end - d);
	return k;
}

/* Stops the process, so libFuzzer keeps the input, saying why. */
#define FUZZ_CHECK(cond, ...) do {					\
	if (!(cond)) {							\
		fprintf(stderr, "oracle failed: %s: ", #cond);		\
		fprintf(stderr, __VA_ARGS__);				\
		fputc('\n', stderr);					\
		abort();						\
	}								\
} while (0)

/*
 * A portfolio made once per process in the temporary folder (its path),
 * as pl init makes one: for the targets that read through git.
 */
static inline const char *
fuzz_portfolio(void)
{
	static char	*path;

	if (path != NULL)
		return path;
	path = pl_xasprintf("%s/p", fuzz_dir());
	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	setenv("HOME", fuzz_dir(), 1);
	setenv("TZ", "UTC", 1);
	if (pl_profile_init(NULL, path, "Fuzz Learner", NULL, NULL,
	    "Fuzz <fuzz@pl.example>") != PL_OK) {
		fprintf(stderr, "pl init: %s\n", pl_error_last());
		abort();
	}
	return path;
}

#endif
