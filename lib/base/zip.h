/*
 * Internal: a zip archive made in memory with libzip, loaded on demand
 * (as libpng is, thumb.c): only pl publish --format zip pays for it and
 * the libraries it brings (OpenSSL's among them), never a command's
 * start.
 */
#ifndef PL_ZIP_H
#define PL_ZIP_H

#include <stddef.h>

#include "pl/base/util.h"

struct pl_zip_file {
	const char	*path;		/* in the archive, '/' between names */
	const char	*data;
	size_t		 len;
};

/*
 * The zip archive of the n files v, in that order, into out: each a
 * regular file of mode 0644, deflated where that makes it smaller, dated
 * day ("YYYY-MM-DD", at midnight), so the same files and day give the
 * same bytes.  PL_ERROR "libzip.so.4 cannot be loaded ..." without the
 * library, or when libzip fails.
 */
int	 pl_zip_make(struct pl_buf *out, const struct pl_zip_file *v,
	    size_t n, const char *day) PL_WUR;

#endif
