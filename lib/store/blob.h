/*
 * A file stored as git would store it (lib/store/blob.c), for the write
 * path's attachments.
 */
#ifndef PL_STORE_BLOB_H
#define PL_STORE_BLOB_H

#include <git2.h>

#include "pl/base/error.h"

/* The most pl converts in memory for .gitattributes (lib/store/blob.c). */
#define PL_FILTER_MAX	(256 << 20)

/*
 * Copies the open file src to the open file dst, the working file of
 * path (relative to the working tree) under a temporary name, fsyncs it,
 * and stores the blob git would store for path in *out: as it is, or
 * through the clean command of its filter driver, or through git's
 * line-ending and ident conversions, as .gitattributes says.  Streams
 * unless a conversion that works in memory applies (at most
 * PL_FILTER_MAX).  Checks pl_lock_check() between chunks.
 */
int	 pl_blob_copy(git_oid *out, git_repository *repo, const char *path,
	    int src, const char *src_name, int dst, const char *dst_name)
	    PL_WUR;

#endif
