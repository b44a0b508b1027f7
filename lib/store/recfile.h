/*
 * Internal: a cache file of records by 20-byte key in <gitdir>/pl/ (see
 * lib/store/recfile.c), what the commit cache and the version cache
 * share: mapped with one mmap, searched where it lies, each record
 * checked when used; a record that is not right is missing, never an
 * error.
 */
#ifndef PL_RECFILE_H
#define PL_RECFILE_H

#include <stddef.h>

#include <git2.h>

struct pl_recfile;

/*
 * Maps the file path (at most max bytes) when it begins with header;
 * a missing, short or other file is empty.  Never fails.
 */
struct pl_recfile *pl_recfile_open(const char *path, const char *header,
	    size_t max);

/*
 * The bytes of key's record (borrowed until close) when its checksum is
 * right, else NULL.  Counts the record as used.
 */
const char *pl_recfile_get(struct pl_recfile *, const unsigned char *key,
	    size_t *len);

/* Records key's len bytes (copied), to be written at close. */
void	 pl_recfile_put(struct pl_recfile *, const unsigned char *key,
	    const char *data, size_t len);

/*
 * Says every record still wanted was asked for: the file is then
 * rewritten at close with the records used and put alone when any
 * other was in it.
 */
void	 pl_recfile_whole(struct pl_recfile *);

/*
 * Writes the file when records were put, or (after _whole) when one was
 * not used; a failure is ignored.  Frees (NULL: nothing).
 */
void	 pl_recfile_close(struct pl_recfile *);

#endif
