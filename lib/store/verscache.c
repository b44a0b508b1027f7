/*
 * What versions of files said, by tree and path, in
 * <gitdir>/pl/version-cache: the family report reads every edited
 * version of every entry, and finding one path's blob in a commit's tree
 * inflates the tree of its folder (thousands of entries): 186 M of the
 * report's 452 M instructions at 5,000 commits.
 *
 * A file of records by key (recfile.c) under the header "pl version
 * cache 1; " and the readers' stamp, then a newline.  The key is the
 * SHA-1 of the tree id and the path; a record, after its checksum: the
 * tree id (20 bytes), the path ended by a NUL, then the reader's bytes.
 * A record is used only when its tree and path are the ones asked for,
 * so two keys that met would cost a read from git, never a wrong answer.
 * A tree id names its contents, so a record is never stale: a rebase, a
 * commit by hand, a version made private give other trees, read afresh.
 */
#include <stdlib.h>
#include <string.h>

#include "store/recfile.h"
#include "store/verscache.h"
#include "pl/base/util.h"

#define MAX_SIZE	((size_t)256 * 1024 * 1024)

struct pl_verscache {
	struct pl_recfile	*f;
	struct pl_buf		 rec;		/* the record being put */
};

struct pl_verscache *
pl_verscache_open(git_repository *repo, const char *stamp)
{
	struct pl_verscache	*c = pl_xcalloc(1, sizeof *c);
	char			*path, *header;

	path = pl_xasprintf("%spl/version-cache", git_repository_path(repo));
	header = pl_xasprintf("pl version cache 1; %s\n", stamp);
	c->f = pl_recfile_open(path, header, MAX_SIZE);
	free(header);
	free(path);
	return c;
}

/* The record of path in tree, its key made with it (c->rec). */
static void
record(struct pl_verscache *c, git_oid *key, const git_oid *tree,
    const char *path)
{
	pl_buf_clear(&c->rec);
	pl_buf_put(&c->rec, (const char *)tree->id, GIT_OID_RAWSZ);
	pl_buf_put(&c->rec, path, strlen(path) + 1);
	if (git_odb_hash(key, c->rec.ptr, c->rec.len, GIT_OBJECT_BLOB) < 0)
		memset(key->id, 0, GIT_OID_RAWSZ);
}

const char *
pl_verscache_get(struct pl_verscache *c, const git_oid *tree,
    const char *path, size_t *len)
{
	const char	*r;
	git_oid		 key;
	size_t		 n;

	*len = 0;
	if (c == NULL)
		return NULL;
	record(c, &key, tree, path);
	n = c->rec.len;
	if ((r = pl_recfile_get(c->f, key.id, len)) == NULL || *len < n ||
	    memcmp(r, c->rec.ptr, n) != 0) {
		*len = 0;
		return NULL;
	}
	*len -= n;
	return r + n;
}

void
pl_verscache_put(struct pl_verscache *c, const git_oid *tree,
    const char *path, const char *data, size_t len)
{
	git_oid	key;

	if (c == NULL)
		return;
	record(c, &key, tree, path);
	pl_buf_put(&c->rec, data, len);
	pl_recfile_put(c->f, key.id, c->rec.ptr, c->rec.len);
}

void
pl_verscache_whole(struct pl_verscache *c)
{
	if (c != NULL)
		pl_recfile_whole(c->f);
}

void
pl_verscache_close(struct pl_verscache *c)
{
	if (c == NULL)
		return;
	pl_recfile_close(c->f);
	pl_buf_release(&c->rec);
	free(c);
}
