/*
 * The walk behind pl log: one commit at a time, its trailers when pl made
 * it, else its tree against its first parent's, comparing tree ids level
 * by level and descending only where they differ (store/treecmp.c;
 * git_diff_tree_to_tree is many times slower on a long history, see
 * PERFORMANCE.md).
 */
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "store/commitcache.h"
#include "store/logcache.h"
#include "pl/progress/history.h"
#include "store/git.h"
#include "store/oidmap.h"
#include "store/treecmp.h"

/*
 * A commit as the walk reads it: from the commit cache, or from git (and
 * then put in the cache).
 */
struct commit {
	git_oid			 id;
	struct pl_commitrec	 r;		/* borrowed from the cache's
						   file or from git */
	git_commit		*git;		/* when read from git */
	unsigned char		*parents;	/* likewise: r.parents */
	struct pl_buf		 trailers;	/* and r.trailers */
	char			*sentence;	/* and r.sentence */
};

/* The trailers the walk reads, the only ones the commit cache keeps. */
static const char *const trailer_keys[] = {
	"Pl-Kind", "Pl-Action", "Pl-Id", "Pl-Old-Id", "Pl-Level",
	"Pl-Status", "Pl-Rater", "Pl-Goal", "Pl-Standard",
};

/*
 * The walk's frontier: commits read but not yet described, newest
 * committer time first, and in the order they were queued among equal
 * times, so a child always comes before its parents on a line of
 * history (as "git log" orders them).  libgit2's revwalk would read
 * every commit twice (once for the walk, once for its message) and,
 * sorted topologically, all of history before the first change.
 */
struct heap {
	struct heap_item {
		struct commit	*c;
		git_time_t	 time;
		size_t		 seq;
	}		*v;
	size_t		 n;
	size_t		 cap;
	size_t		 seq;
};

struct pl_history {
	git_repository		*repo;
	struct heap		 queue;		/* commits to describe */
	struct pl_oidmap	 seen;		/* ever queued, so a merge's
						   shared history is walked
						   once */
	struct commit		*commit;	/* the one being described */
	struct pl_strlist	 pool;		/* its strings */
	struct pl_strlist	 files;		/* "A path": its hand changes */
	size_t			 next;		/* in files */
	struct pl_change	 ch;
	struct pl_logcache	*cache;		/* opened at the first hand
						   commit */
	struct pl_treecmp	*trees;		/* likewise */
	struct pl_commitcache	*commits;	/* NULL in a shallow clone */
	int			 from_head;	/* the walk started at HEAD */
};

/* The folders a hand-made commit is described from, and their kinds. */
static const struct {
	const char	*name;
	const char	*kind;
} folders[] = {
	{ "goals", "goal" },
	{ "evidence", "evidence" },
	{ "reflections", "reflection" },
	{ "standards", "align" },
	{ "profile.md", "profile" },
};

static int
heap_before(const struct heap_item *a, const struct heap_item *b)
{
	return a->time > b->time || (a->time == b->time && a->seq < b->seq);
}

static void
heap_swap(struct heap *q, size_t i, size_t j)
{
	struct heap_item	t = q->v[i];

	q->v[i] = q->v[j];
	q->v[j] = t;
}

static void
heap_push(struct heap *q, struct commit *c)
{
	size_t	i;

	if (q->n == q->cap) {
		q->cap = q->cap ? q->cap * 2 : 16;
		q->v = pl_xrealloc(q->v, q->cap * sizeof *q->v);
	}
	i = q->n++;
	q->v[i].c = c;
	q->v[i].time = c->r.commit_time;
	q->v[i].seq = q->seq++;
	for (; i > 0 && heap_before(&q->v[i], &q->v[(i - 1) / 2]);
	    i = (i - 1) / 2)
		heap_swap(q, i, (i - 1) / 2);
}

/* The newest commit, the caller's to free; NULL when empty. */
static struct commit *
heap_pop(struct heap *q)
{
	struct commit	*c;
	size_t		 i = 0, k;

	if (q->n == 0)
		return NULL;
	c = q->v[0].c;
	q->v[0] = q->v[--q->n];
	for (;;) {
		k = i;
		if (2 * i + 1 < q->n && heap_before(&q->v[2 * i + 1], &q->v[k]))
			k = 2 * i + 1;
		if (2 * i + 2 < q->n && heap_before(&q->v[2 * i + 2], &q->v[k]))
			k = 2 * i + 2;
		if (k == i)
			return c;
		heap_swap(q, i, k);
		i = k;
	}
}

/* 1 when rc says a commit is missing because the clone is shallow. */
static int
past_shallow_end(struct pl_history *h, int rc)
{
	return rc == GIT_ENOTFOUND && git_repository_is_shallow(h->repo) == 1;
}

static void
commit_free(struct commit *c)
{
	if (c == NULL)
		return;
	git_commit_free(c->git);
	free(c->parents);
	pl_buf_release(&c->trailers);
	free(c->sentence);
	free(c);
}

/*
 * The message's sentence: the first line of its second paragraph, unless
 * that paragraph is the trailers.  A copy, or NULL when there is none.
 */
static char *
sentence(const char *msg)
{
	const char	*p = strstr(msg, "\n\n");

	if (p == NULL)
		return NULL;
	p += strspn(p, "\n");
	if (*p == '\0' || strncmp(p, "Pl-", 3) == 0)
		return NULL;
	return pl_xstrndup(p, strcspn(p, "\n"));
}

/* Appends to out the message's trailers the walk reads, as pairs. */
static void
trailers(struct pl_buf *out, const char *msg)
{
	git_message_trailer_array	 t = { 0 };
	size_t				 i, k;

	if (git_message_trailers(&t, msg) < 0)
		return;
	for (i = 0; i < t.count; i++)
		for (k = 0; k < sizeof trailer_keys / sizeof trailer_keys[0];
		    k++)
			if (strcmp(t.trailers[i].key, trailer_keys[k]) == 0) {
				pl_buf_put(out, t.trailers[i].key,
				    strlen(t.trailers[i].key) + 1);
				pl_buf_put(out, t.trailers[i].value,
				    strlen(t.trailers[i].value) + 1);
				break;
			}
	git_message_trailer_array_free(&t);
}

/* Fills c->r from git's commit c->git, and puts it in the cache. */
static void
from_git(struct pl_history *h, struct commit *c)
{
	const git_signature	*a = git_commit_author(c->git);
	const char		*msg = git_commit_message(c->git);
	const char		*sum = git_commit_summary(c->git);
	size_t			 i;

	git_oid_cpy(&c->r.tree, git_commit_tree_id(c->git));
	c->r.nparents = git_commit_parentcount(c->git);
	c->parents = pl_xcalloc(c->r.nparents + 1, GIT_OID_RAWSZ);
	for (i = 0; i < c->r.nparents; i++)
		memcpy(c->parents + i * GIT_OID_RAWSZ,
		    git_commit_parent_id(c->git, (unsigned int)i)->id,
		    GIT_OID_RAWSZ);
	c->r.parents = c->parents;
	c->r.author_time = a->when.time;
	c->r.author_offset = a->when.offset;
	c->r.commit_time = git_commit_time(c->git);
	c->r.commit_offset = git_commit_time_offset(c->git);
	c->r.author = a->name;
	c->r.email = a->email;
	c->r.summary = sum != NULL ? sum : "";
	c->sentence = sentence(msg != NULL ? msg : "");
	c->r.sentence = c->sentence != NULL ? c->sentence : "";
	trailers(&c->trailers, msg != NULL ? msg : "");
	c->r.trailers = c->trailers.ptr != NULL ? c->trailers.ptr : "";
	c->r.trailers_len = c->trailers.len;
	pl_commitcache_put(h->commits, &c->id, &c->r);
}

/*
 * Reads commit id: from the commit cache, else from git.  *out NULL, and
 * libgit2's code returned, when git cannot read it.
 */
static int
commit_read(struct commit **out, struct pl_history *h, const git_oid *id)
{
	struct commit	*c = pl_xcalloc(1, sizeof *c);
	int		 rc;

	*out = NULL;
	git_oid_cpy(&c->id, id);
	if (!pl_commitcache_get(h->commits, id, &c->r)) {
		if ((rc = git_commit_lookup(&c->git, h->repo, id)) < 0) {
			free(c);
			return rc;
		}
		from_git(h, c);
	}
	*out = c;
	return 0;
}

/*
 * Reads commit id and queues it, unless it was queued before.  A shallow
 * clone (git clone --depth) lacks its oldest commits' parents: history
 * ends there, as git log's does.
 */
static int
enqueue(struct pl_history *h, const git_oid *id)
{
	struct commit	*c;
	int		 rc;

	if (!pl_oidmap_put(&h->seen, id, 0))
		return PL_OK;
	if ((rc = commit_read(&c, h, id)) < 0)
		return past_shallow_end(h, rc) ? PL_OK :
		    pl_error_git(-1, "cannot read a commit");
	heap_push(&h->queue, c);
	return PL_OK;
}

/* Parent i of commit c. */
static const git_oid *
parent_id(const struct commit *c, size_t i)
{
	return (const git_oid *)(const void *)(c->r.parents +
	    i * GIT_OID_RAWSZ);
}

/*
 * The commit's first parent, or NULL for none (or none in the clone).
 * Its tree alone is read: a root's parent is the empty tree.
 */
static int
first_parent(struct commit **out, struct pl_history *h)
{
	int	rc;

	*out = NULL;
	if (h->commit->r.nparents == 0)
		return 0;
	if ((rc = commit_read(out, h, parent_id(h->commit, 0))) < 0 &&
	    past_shallow_end(h, rc))
		return 0;
	return rc;
}

/* A walk from rev, leaving libgit2's caches as they are. */
static int
start(struct pl_history **out, struct pl_portfolio *pf, const char *rev)
{
	struct pl_history	*h = pl_xcalloc(1, sizeof *h);
	git_object		*obj = NULL, *commit = NULL;
	git_oid			 head;
	int			 err = PL_OK;

	*out = NULL;
	h->repo = pl_portfolio_repo(pf);
	/* a shallow clone's end is git's to say: read it all from git */
	if (git_repository_is_shallow(h->repo) != 1)
		h->commits = pl_commitcache_open(h->repo);
	if (git_revparse_single(&obj, h->repo, rev != NULL ? rev : "HEAD") < 0
	    || git_object_peel(&commit, obj, GIT_OBJECT_COMMIT) < 0) {
		err = pl_error_set(PL_ENOTFOUND, "unknown revision '%s'",
		    rev != NULL ? rev : "HEAD");
		goto done;
	}
	if ((err = enqueue(h, git_object_id(commit))) != PL_OK)
		goto done;
	h->from_head = git_reference_name_to_id(&head, h->repo, "HEAD") == 0
	    && git_oid_equal(&head, git_object_id(commit));
	*out = h;
	h = NULL;
done:
	git_object_free(commit);
	git_object_free(obj);
	pl_history_free(h);
	return err;
}

int
pl_history_new(struct pl_history **out, struct pl_portfolio *pf,
    const char *rev)
{
	pl_lib_walk_options();
	return start(out, pf, rev);
}

void
pl_history_free(struct pl_history *h)
{
	if (h == NULL)
		return;
	commit_free(h->commit);
	while (h->queue.n > 0)
		commit_free(heap_pop(&h->queue));
	free(h->queue.v);
	pl_oidmap_release(&h->seen);
	pl_strlist_release(&h->pool);
	pl_strlist_release(&h->files);
	pl_strlist_release(&h->ch.goals);
	pl_strlist_release(&h->ch.standards);
	pl_logcache_close(h->cache);
	pl_treecmp_free(h->trees);
	pl_commitcache_close(h->commits);
	free(h);
}

/* A copy of s that lives until the next commit. */
static const char *
keep(struct pl_history *h, const char *s, size_t len)
{
	pl_strlist_push_owned(&h->pool, pl_xstrndup(s, len));
	return h->pool.v[h->pool.n - 1];
}

/* The commit's subject, or "". */
static const char *
summary(struct pl_history *h)
{
	return h->commit->r.summary;
}

/*
 * Fills h->ch from the commit's trailers; 0 when it has no Pl-Kind.  The
 * values are borrowed from the commit's record: they live until the next
 * commit, as h->pool's do.
 */
static int
from_trailers(struct pl_history *h)
{
	const struct pl_commitrec	*r = &h->commit->r;
	struct pl_change		*c = &h->ch;
	const char			*k, *v;
	size_t				 at = 0;
	int				 found = 0;

	c->kind = c->action = c->id = "";
	while (pl_commitrec_trailer(r, &at, &k, &v)) {
		if (strcmp(k, "Pl-Kind") == 0) {
			c->kind = v;
			found = 1;
		} else if (strcmp(k, "Pl-Action") == 0)
			c->action = v;
		else if (strcmp(k, "Pl-Id") == 0)
			c->id = v;
		else if (strcmp(k, "Pl-Old-Id") == 0)
			c->old_id = v;
		else if (strcmp(k, "Pl-Level") == 0)
			c->level = v;
		else if (strcmp(k, "Pl-Status") == 0)
			c->status = v;
		else if (strcmp(k, "Pl-Rater") == 0)
			c->rater = v;
		else if (strcmp(k, "Pl-Goal") == 0)
			pl_strlist_push(&c->goals, v);
		else if (strcmp(k, "Pl-Standard") == 0)
			pl_strlist_push(&c->standards, v);
	}
	if (!found)
		c->kind = NULL;
	else
		c->detail = *r->sentence != '\0' ? r->sentence : summary(h);
	return found;
}

/* Makes h->trees, the comparer of trees, at its first use. */
static int
trees(struct pl_history *h)
{
	return h->trees != NULL ? PL_OK : pl_treecmp_new(&h->trees, h->repo);
}

/* Queues the changes to pl's folders between the commit and its parent. */
static int
from_tree(struct pl_history *h)
{
	struct commit	*parent = NULL;
	size_t		 i;
	int		 err;

	if ((err = trees(h)) != PL_OK)
		return err;
	if (first_parent(&parent, h) < 0)
		return pl_error_git(-1, "cannot read a commit's tree");
	err = pl_treecmp_start(h->trees, parent != NULL ?
	    &parent->r.tree : NULL, &h->commit->r.tree);
	for (i = 0; err == PL_OK && i < sizeof folders / sizeof folders[0];
	    i++)
		err = pl_treecmp_entry(h->trees, folders[i].name, &h->files);
	commit_free(parent);
	return err;
}

/* Describes the hand change "A path" in h->ch. */
static void
hand_change(struct pl_history *h, const char *f)
{
	static const char	*actions[] = { "add", "edit", "rm" };
	const char		*path = f + 1, *slash, *end;
	size_t			 i, len;

	h->ch.path = path;
	h->ch.action = actions[*f == 'A' ? 0 : *f == 'M' ? 1 : 2];
	for (i = 0; i < sizeof folders / sizeof folders[0]; i++) {
		len = strlen(folders[i].name);
		if (strncmp(path, folders[i].name, len) == 0 &&
		    (path[len] == '/' || path[len] == '\0'))
			h->ch.kind = folders[i].kind;
	}
	slash = strchr(path, '/');
	if (slash == NULL) {
		h->ch.id = "";
		return;
	}
	slash++;
	end = slash + strcspn(slash, "/");
	if (*end == '\0' && end - slash > 3 && strcmp(end - 3, ".md") == 0)
		end -= 3;
	else if (*end == '\0' && end - slash > 4 &&
	    strcmp(end - 4, ".csv") == 0)
		end -= 4;
	h->ch.id = keep(h, slash, end - slash);
}

/* 1 when a commit queued at c's time descends from c. */
static int
child_queued(struct pl_history *h, struct commit *c)
{
	git_time_t	t = c->r.commit_time;
	size_t		i;

	for (i = 0; i < h->queue.n; i++)
		if (h->queue.v[i].time == t && git_graph_descendant_of(h->repo,
		    &h->queue.v[i].c->id, &c->id) == 1)
			return 1;
	return 0;
}

/*
 * The newest commit queued, but never one that a commit queued with the
 * same time descends from: it goes back, after them.  Equal times (a
 * script's commits, a merge made in the second of its branch's) would
 * else list a branch's base between its commits, as git log does and
 * its --date-order does not.  Each commit of a tie is tried once.
 */
static struct commit *
pop_child_first(struct pl_history *h)
{
	struct commit	*c;
	size_t		 tries = h->queue.n;

	while ((c = heap_pop(&h->queue)) != NULL && tries-- > 1 &&
	    child_queued(h, c))
		heap_push(&h->queue, c);
	return c;
}

/* Moves to the next commit that is not a merge; *done at the end. */
static int
next_commit(struct pl_history *h, int *done)
{
	const struct pl_commitrec	*r;
	size_t				 i;
	int				 err;

	*done = 0;
	do {
		commit_free(h->commit);
		if ((h->commit = pop_child_first(h)) == NULL) {
			*done = 1;
			if (h->from_head)
				pl_commitcache_whole(h->commits);
			return PL_OK;
		}
		for (i = 0; i < h->commit->r.nparents; i++)
			if ((err = enqueue(h, parent_id(h->commit, i))) !=
			    PL_OK)
				return err;
	} while (h->commit->r.nparents > 1);
	pl_strlist_release(&h->pool);
	pl_strlist_release(&h->files);
	pl_strlist_release(&h->ch.goals);
	pl_strlist_release(&h->ch.standards);
	h->next = 0;
	memset(&h->ch, 0, sizeof h->ch);
	git_oid_tostr(h->ch.commit, sizeof h->ch.commit, &h->commit->id);
	r = &h->commit->r;
	h->ch.date = pl_date_from_time(r->author_time, r->author_offset);
	h->ch.author = r->author;
	h->ch.email = r->email;
	if (from_trailers(h))
		return PL_OK;
	pl_strlist_release(&h->ch.goals);
	pl_strlist_release(&h->ch.standards);
	h->ch.old_id = h->ch.level = h->ch.status = h->ch.rater = NULL;
	h->ch.detail = summary(h);
	if (h->cache == NULL)
		h->cache = pl_logcache_open(h->repo);
	if (pl_logcache_get(h->cache, &h->commit->id, &h->files))
		return PL_OK;
	if ((err = from_tree(h)) == PL_OK)
		pl_logcache_put(h->cache, &h->commit->id, &h->files);
	return err;
}

int
pl_history_next(const struct pl_change **out, struct pl_history *h)
{
	int	done, err;

	*out = NULL;
	for (;;) {
		if (h->next < h->files.n) {
			hand_change(h, h->files.v[h->next++]);
			*out = &h->ch;
			return PL_OK;
		}
		if ((err = next_commit(h, &done)) != PL_OK || done)
			return err;
		/* a pl commit is one change; a hand one queued its files */
		if (h->ch.kind != NULL) {
			*out = &h->ch;
			return PL_OK;
		}
	}
}

int
pl_history_tree(unsigned char out[20], struct pl_history *h, int before)
{
	struct commit	*parent = NULL;

	if (h->commit == NULL)
		return pl_error_set(PL_ENOTFOUND, "no commit read yet");
	if (!before) {
		memcpy(out, h->commit->r.tree.id, GIT_OID_RAWSZ);
		return PL_OK;
	}
	if (first_parent(&parent, h) < 0)
		return pl_error_git(-1, "cannot read a commit's tree");
	if (parent == NULL)
		return pl_error_set(PL_ENOTFOUND, "no parent");
	memcpy(out, parent->r.tree.id, GIT_OID_RAWSZ);
	commit_free(parent);
	return PL_OK;
}

int
pl_history_read(struct pl_buf *out, struct pl_history *h, const char *path,
    int before)
{
	git_blob	*blob = NULL;
	git_oid		 root, id;
	int		 err;

	if ((err = pl_history_tree(root.id, h, before)) == PL_ENOTFOUND &&
	    h->commit != NULL)
		return pl_error_set(PL_ENOTFOUND, "'%s' is not there", path);
	if (err != PL_OK)
		return err;
	/* the trees of a hand commit just described are at hand */
	if ((err = trees(h)) != PL_OK || (err = pl_treecmp_find(&id, h->trees,
	    &root, path)) == PL_ENOTFOUND) {
		if (err == PL_ENOTFOUND)
			err = pl_error_set(PL_ENOTFOUND, "'%s' is not there",
			    path);
		return err;
	}
	if (err != PL_OK)
		return err;
	if (git_blob_lookup(&blob, h->repo, &id) < 0)
		return pl_error_git(-1, "cannot read a file");
	pl_buf_put(out, git_blob_rawcontent(blob),
	    (size_t)git_blob_rawsize(blob));
	git_blob_free(blob);
	return PL_OK;
}

int
pl_change_is_rating(const struct pl_change *c)
{
	return c->path == NULL && strcmp(c->kind, "evidence") == 0 &&
	    strcmp(c->action, "rate") == 0;
}

/*
 * The first commit git log lists from rev (NULL: HEAD) whose committer
 * date in its own zone is on or before day (before it, when before is
 * set).  The walk is git log's (see struct heap), so it stops there:
 * a report as of a recent day reads a few commits, not all of history.
 */
static int
last_commit(char id[41], struct pl_portfolio *p, const char *rev,
    struct pl_date day, int before)
{
	struct pl_history	*h = NULL;
	struct commit		*c;
	struct pl_date		 d;
	char			 s[PL_DATE_LEN];
	size_t			 i;
	int			 err, cmp, found = 0;

	/* commits alone: the trees a report reads next stay cached */
	if ((err = start(&h, p, rev)) != PL_OK)
		return err;
	while (err == PL_OK && !found && (c = heap_pop(&h->queue)) != NULL) {
		for (i = 0; err == PL_OK && i < c->r.nparents; i++)
			err = enqueue(h, parent_id(c, i));
		d = pl_date_from_time(c->r.commit_time, c->r.commit_offset);
		cmp = pl_date_cmp(d, day);
		if (before ? cmp < 0 : cmp <= 0) {
			git_oid_tostr(id, 41, &c->id);
			found = 1;
		}
		commit_free(c);
	}
	if (err == PL_OK && !found) {
		pl_date_format(s, day);
		err = pl_error_set(PL_ENOTFOUND, "no commit %s %s", before ?
		    "before" : "on or before", s);
	}
	pl_history_free(h);
	return err;
}

int
pl_history_until(char id[41], struct pl_portfolio *p, const char *rev,
    struct pl_date day)
{
	return last_commit(id, p, rev, day, 0);
}

int
pl_history_before(char id[41], struct pl_portfolio *p, const char *rev,
    struct pl_date day)
{
	return last_commit(id, p, rev, day, 1);
}
