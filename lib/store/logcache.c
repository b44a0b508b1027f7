/*
 * What the commits made with plain git changed in pl's folders, kept in
 * <gitdir>/pl/log-cache so that a walk describes each of them from its
 * trees once, not on every pl log: on a long history with large folders
 * the trees are nearly all of the walk's cost (see PERFORMANCE.md).
 * A commit and its parent never change, so neither does what it
 * changed; the file only grows.  It is a cache: a file pl cannot read or
 * trust is ignored whole, and one it cannot write is not written
 * (cache.h).
 *
 *	pl log cache 1
 *	<commit hex> <n>
 *	<n lines: "A", "M" or "D", then the path>
 *	...
 */
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "store/cache.h"
#include "store/logcache.h"
#include "pl/base/util.h"

#define HEADER		"pl log cache 1\n"
#define MAX_SIZE	(64 * 1024 * 1024)

struct record {
	git_oid		 id;
	size_t		 first;		/* in lines */
	size_t		 n;
};

struct pl_logcache {
	char			*path;
	struct pl_buf		 text;		/* the file, when valid */
	struct record		*v;		/* sorted by id */
	size_t			 n;
	struct pl_strlist	 lines;
	struct pl_buf		 added;		/* records to write */
};

static int
by_id(const void *a, const void *b)
{
	return git_oid_cmp(&((const struct record *)a)->id,
	    &((const struct record *)b)->id);
}

static int
by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * 1 when no two records are of one commit and no record names a change
 * twice: pl writes neither, and a walk would take one of two records at
 * random, or count a change twice.
 */
static int
each_once(const struct pl_logcache *c)
{
	char	**v;
	size_t	  i, k;
	int	  once = 1;

	for (i = 1; i < c->n; i++)
		if (git_oid_cmp(&c->v[i - 1].id, &c->v[i].id) == 0)
			return 0;
	for (i = 0; i < c->n && once; i++) {
		if (c->v[i].n < 2)
			continue;
		v = pl_xcalloc(c->v[i].n, sizeof *v);
		memcpy(v, c->lines.v + c->v[i].first, c->v[i].n * sizeof *v);
		qsort(v, c->v[i].n, sizeof *v, by_text);
		for (k = 1; k < c->v[i].n && once; k++)
			once = strcmp(v[k - 1], v[k]) != 0;
		free(v);
	}
	return once;
}

/* Reads the records of c->text; 0 when anything in it is not right. */
static int
parse(struct pl_logcache *c)
{
	const char	*p = c->text.ptr, *end = p + c->text.len, *nl;
	char		*line, *rest;
	struct record	 r;
	size_t		 cap = 0, k;

	if (c->text.len < strlen(HEADER) || strncmp(p, HEADER,
	    strlen(HEADER)) != 0)
		return 0;
	for (p += strlen(HEADER); p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL ||
		    nl - p < GIT_OID_HEXSZ + 2 || p[GIT_OID_HEXSZ] != ' ' ||
		    git_oid_fromstrn(&r.id, p, GIT_OID_HEXSZ) < 0)
			return 0;
		line = pl_xstrndup(p + GIT_OID_HEXSZ + 1,
		    (size_t)(nl - p) - GIT_OID_HEXSZ - 1);
		r.n = strtoul(line, &rest, 10);
		k = *line != '\0' && *rest == '\0' && r.n < 1000000;
		free(line);
		if (!k)
			return 0;
		r.first = c->lines.n;
		for (k = 0; k < r.n; k++) {
			p = nl + 1;
			/* strchr() finds the NUL too, which ends a path */
			if (p >= end || (nl = memchr(p, '\n',
			    (size_t)(end - p))) == NULL || nl - p < 2 ||
			    *p == '\0' || strchr("AMD", *p) == NULL)
				return 0;
			pl_strlist_push_owned(&c->lines, pl_xstrndup(p,
			    (size_t)(nl - p)));
		}
		if (c->n == cap) {
			cap = cap ? cap * 2 : 64;
			c->v = pl_xrealloc(c->v, cap * sizeof *c->v);
		}
		c->v[c->n++] = r;
	}
	/* qsort() of no records would be given NULL: undefined */
	if (c->n > 1)
		qsort(c->v, c->n, sizeof *c->v, by_id);
	return each_once(c);
}

struct pl_logcache *
pl_logcache_open(git_repository *repo)
{
	struct pl_logcache	*c = pl_xcalloc(1, sizeof *c);

	c->path = pl_xasprintf("%spl/log-cache", git_repository_path(repo));
	if (pl_cache_read(&c->text, c->path, MAX_SIZE) != 0 || !parse(c)) {
		pl_buf_release(&c->text);
		pl_strlist_release(&c->lines);
		free(c->v);
		c->v = NULL;
		c->n = 0;
	}
	return c;
}

int
pl_logcache_get(struct pl_logcache *c, const git_oid *id,
    struct pl_strlist *out)
{
	struct record	 key, *r;
	size_t		 i;

	git_oid_cpy(&key.id, id);
	if (c->n == 0 || (r = bsearch(&key, c->v, c->n, sizeof *c->v,
	    by_id)) == NULL)
		return 0;
	for (i = 0; i < r->n; i++)
		pl_strlist_push(out, c->lines.v[r->first + i]);
	return 1;
}

void
pl_logcache_put(struct pl_logcache *c, const git_oid *id,
    const struct pl_strlist *files)
{
	char	hex[GIT_OID_HEXSZ + 1];
	size_t	i;

	/* a path with a line break cannot be written as a line */
	for (i = 0; i < files->n; i++)
		if (strchr(files->v[i], '\n') != NULL)
			return;
	git_oid_tostr(hex, sizeof hex, id);
	pl_buf_printf(&c->added, "%s %zu\n", hex, files->n);
	for (i = 0; i < files->n; i++)
		pl_buf_printf(&c->added, "%s\n", files->v[i]);
}

/* Writes what was added after what was read, in place of the file. */
static void
save(struct pl_logcache *c)
{
	struct pl_buf	 all = PL_BUF_INIT;

	if (c->text.len > 0)
		pl_buf_put(&all, c->text.ptr, c->text.len);
	else
		pl_buf_puts(&all, HEADER);
	pl_buf_put(&all, c->added.ptr, c->added.len);
	if (all.len <= MAX_SIZE)
		pl_cache_save(c->path, all.ptr, all.len);
	pl_buf_release(&all);
}

void
pl_logcache_close(struct pl_logcache *c)
{
	if (c == NULL)
		return;
	if (c->added.len > 0)
		save(c);
	free(c->path);
	pl_buf_release(&c->text);
	pl_buf_release(&c->added);
	pl_strlist_release(&c->lines);
	free(c->v);
	free(c);
}
