/*
 * What goals, evidence, reflections and the profile share: where their
 * files are, how ids are made, reading, listing, committing and editing
 * by hand.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <git2.h>

#include "store/cache.h"
#include "store/identity.h"
#include "store/portfolio.h"
#include "base/near.h"
#include "entries/summary.h"
#include "pl/entries/entry.h"
#include "pl/base/slug.h"
#include "pl/base/text.h"

static const struct {
	const char	*name;
	const char	*dir;
	const char	*command;
	const char	*tasks;		/* the section whose tasks lists count */
	int		 words;		/* lists show the body's first words */
} kinds[] = {
	[PL_KIND_PROFILE] = { "profile", NULL, "profile", NULL, 0 },
	[PL_KIND_GOAL] = { "goal", "goals", "goal", PL_GOAL_STEPS, 0 },
	[PL_KIND_EVIDENCE] = { "evidence", "evidence", "evidence", NULL, 0 },
	[PL_KIND_REFLECTION] = { "reflection", "reflections", "reflect", NULL,
	    1 },
};

const char *
pl_kind_name(enum pl_kind k)
{
	return kinds[k].name;
}

const char *
pl_kind_dir(enum pl_kind k)
{
	return kinds[k].dir;
}

const char *
pl_kind_command(enum pl_kind k)
{
	return kinds[k].command;
}

int
pl_entry_of_path(const char *path, enum pl_kind *kind, char **id)
{
	size_t	k, n, len = strlen(path);

	*id = NULL;
	if (strcmp(path, "profile.md") == 0) {
		*kind = PL_KIND_PROFILE;
		return 1;
	}
	for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		if (kinds[k].dir == NULL)
			continue;
		n = strlen(kinds[k].dir);
		if (strncmp(path, kinds[k].dir, n) == 0 && path[n] == '/' &&
		    len > n + 4 && strchr(path + n + 1, '/') == NULL &&
		    strcmp(path + len - 3, ".md") == 0) {
			*kind = (enum pl_kind)k;
			*id = pl_xstrndup(path + n + 1, len - n - 4);
			return 1;
		}
	}
	return 0;
}

int
pl_kind_parse(enum pl_kind *out, const char *name)
{
	size_t	k;

	for (k = 0; name != NULL && k < sizeof kinds / sizeof kinds[0]; k++)
		if (strcmp(name, kinds[k].name) == 0) {
			*out = (enum pl_kind)k;
			return 1;
		}
	return 0;
}

char *
pl_entry_path(enum pl_kind k, const char *id)
{
	size_t	 d, n;
	char	*path;

	if (k == PL_KIND_PROFILE)
		return pl_xstrdup("profile.md");
	/* Made for every file of a listing: no printf. */
	d = strlen(kinds[k].dir);
	n = strlen(id);
	path = pl_xmalloc(d + n + 5);
	memcpy(path, kinds[k].dir, d);
	path[d] = '/';
	memcpy(path + d + 1, id, n);
	memcpy(path + d + 1 + n, ".md", 4);
	return path;
}

struct pl_entry *
pl_entry_new(enum pl_kind k, const char *id)
{
	struct pl_entry	*e = pl_xcalloc(1, sizeof *e);

	e->kind = k;
	e->id = pl_xstrdup(id != NULL ? id : "");
	e->path = pl_entry_path(k, id);
	e->doc = pl_doc_new();
	return e;
}

void
pl_entry_free(struct pl_entry *e)
{
	if (e == NULL)
		return;
	free(e->id);
	free(e->path);
	pl_doc_free(e->doc);
	pl_buf_release(&e->text);
	free(e);
}

/* The profile's id is the learner's, from its front matter. */
static void
profile_id(struct pl_entry *e)
{
	const char	*id = pl_doc_get(e->doc, "id");

	free(e->id);
	e->id = pl_xstrdup(id != NULL ? id : "");
}

/* "unknown goal 'x'", with the ids of that kind nearest to it. */
static void
unknown_id(struct pl_portfolio *pf, enum pl_kind k, const char *id)
{
	struct pl_strlist	 ids = PL_STRLIST_INIT;
	struct pl_near		 nr;
	struct pl_buf		 b = PL_BUF_INIT;
	size_t			 i;

	pl_near_init(&nr, id);
	if (pl_portfolio_list(&ids, pf, kinds[k].dir, ".md") == PL_OK)
		for (i = 0; i < ids.n; i++)
			pl_near_consider(&nr, ids.v[i]);
	pl_near_words(&b, &nr);
	pl_error_set(PL_ENOTFOUND, "unknown %s '%s'%s", kinds[k].name, id,
	    pl_buf_cstr(&b));
	pl_buf_release(&b);
	pl_strlist_release(&ids);
}

/*
 * Finds e's plain file in the listing of its folder kept with the
 * summaries, when that listing is of the folder's tree now: the tree,
 * rebuilt from a chain of deltas, is then not read.  The read of the
 * file is remembered as pl_portfolio_locate() would; 0 when not found
 * there, for pl_portfolio_locate() to look and say why.
 */
static int
listed(git_oid *blob, struct pl_portfolio *pf, const struct pl_entry *e)
{
	git_repository		*repo = pl_portfolio_repo(pf);
	const char		*dir = kinds[e->kind].dir;
	struct pl_sumcache	*sums;
	git_filemode_t		 mode;
	git_oid			 tree;
	char			*stamp;
	int			 found, hit;

	if (pl_portfolio_folder_id(&tree, &found, pf, dir, 0) != PL_OK) {
		pl_error_clear();
		return 0;
	}
	if (!found)
		return 0;
	stamp = pl_summary_stamp();
	sums = pl_sumcache_open(repo, dir, stamp,
	    pl_textcache_seal_of(repo, dir));
	hit = pl_sumcache_folder_find(blob, &mode, sums, &tree, ".md",
	    e->id) && (mode == GIT_FILEMODE_BLOB ||
	    mode == GIT_FILEMODE_BLOB_EXECUTABLE);
	pl_sumcache_readonly(sums);
	pl_sumcache_close(sums, 0);
	free(stamp);
	if (hit)
		pl_portfolio_note_read(pf, e->path, blob);
	return hit;
}

/*
 * The first half of reading an entry, on the portfolio's thread: checks
 * the id and finds the file's object, remembering the read.
 */
static int
entry_find(struct pl_entry **out, git_oid *blob, struct pl_portfolio *pf,
    enum pl_kind k, const char *id)
{
	struct pl_entry	*e;
	int		 err;

	*out = NULL;
	if (k != PL_KIND_PROFILE && (err = pl_id_check(kinds[k].name, id)) !=
	    PL_OK)
		return err;
	e = pl_entry_new(k, id);
	if (k != PL_KIND_PROFILE && listed(blob, pf, e)) {
		*out = e;
		return PL_OK;
	}
	if ((err = pl_portfolio_locate(blob, pf, e->path)) != PL_OK) {
		if (err == PL_ENOTFOUND && k != PL_KIND_PROFILE)
			unknown_id(pf, k, id);
		else if (err == PL_ENOTFOUND)
			pl_error_set(err, "the portfolio has no profile.md");
		pl_entry_free(e);
		return err;
	}
	*out = e;
	return PL_OK;
}

/* The line of the first conflict marker git leaves in text, or 0. */
static int
marker_line(const char *text, size_t len)
{
	static const char *const marks[] = { "<<<<<<< ", ">>>>>>> ",
		"=======\n", NULL };
	const char		*p = text, *end = text + len, *nl;
	size_t			 i;
	int			 line = 1;

	for (; p < end; p = nl + 1, line++) {
		for (i = 0; marks[i] != NULL; i++)
			if ((size_t)(end - p) >= strlen(marks[i]) &&
			    strncmp(p, marks[i], strlen(marks[i])) == 0)
				return line;
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			break;
	}
	return 0;
}

/*
 * A file that does not parse because a merge made without pl's driver
 * left git's conflict markers in it, said so, with the way to repair it.
 */
static int
markers_said(const struct pl_entry *e, const char *text, size_t len,
    int err)
{
	int	line = marker_line(text, len);

	if (line == 0)
		return err;
	if (e->kind == PL_KIND_PROFILE)
		return pl_error_set(PL_EPARSE, "%s:%d: conflict markers left "
		    "by a merge; keep what should stay and take the markers "
		    "out with: pl profile edit", e->path, line);
	return pl_error_set(PL_EPARSE, "%s:%d: conflict markers left by a "
	    "merge; keep what should stay and take the markers out with: "
	    "pl %s edit %s", e->path, line, pl_kind_command(e->kind), e->id);
}

/* Parses len bytes of text as e's file (not keeping them). */
static int
entry_parse(struct pl_entry *e, const char *text, size_t len)
{
	int	err;

	pl_doc_free(e->doc);
	e->doc = NULL;
	if ((err = pl_doc_parse(&e->doc, e->path, text, len)) != PL_OK)
		return markers_said(e, text, len, err);
	if (e->kind == PL_KIND_PROFILE)
		profile_id(e);
	return PL_OK;
}

/* The second half, on any thread that alone uses repo: read and parse. */
static int
entry_read(struct pl_entry *e, git_repository *repo, const git_oid *blob)
{
	struct pl_buf	 text = PL_BUF_INIT;
	int		 err;

	if ((err = pl_portfolio_read_blob(&text, repo, blob, e->path)) ==
	    PL_OK && (err = entry_parse(e, text.ptr, text.len)) == PL_OK) {
		e->text = text;
		pl_buf_init(&text);
	}
	pl_buf_release(&text);
	return err;
}

int
pl_entry_load(struct pl_entry **out, struct pl_portfolio *pf,
    enum pl_kind k, const char *id)
{
	struct pl_entry	*e;
	git_oid		 blob;
	int		 err;

	*out = NULL;
	if ((err = entry_find(&e, &blob, pf, k, id)) != PL_OK)
		return err;
	if ((err = entry_read(e, pl_portfolio_repo(pf), &blob)) != PL_OK) {
		pl_entry_free(e);
		e = NULL;
	}
	*out = e;
	return err;
}

static int
id_cmp(const void *key, const void *e)
{
	return strcmp(key, (*(struct pl_entry *const *)e)->id);
}

long
pl_entries_find(const struct pl_entries *l, const char *id)
{
	struct pl_entry	**e;

	if (id == NULL || l->n == 0 ||
	    (e = bsearch(id, l->v, l->n, sizeof *l->v, id_cmp)) == NULL)
		return -1;
	return (long)(e - l->v);
}

void
pl_entries_release(struct pl_entries *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		pl_entry_free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* One file of pl_entry_list(): found, then read on some thread. */
struct load {
	struct pl_entry	*e;		/* NULL once left out */
	git_oid		 blob;
	const char	*cached;	/* its text in the cache, or NULL */
	size_t		 len;
	const char	*sum;		/* its summary in the cache, or NULL */
	size_t		 sumlen;
	struct pl_buf	 made;		/* its summary, made when read whole */
	int		 unlinked;	/* left out by the filter, not read */
	char		*warning;	/* why it was left out */
};

/* A run of loads one thread reads. */
struct share {
	struct load	*l;
	size_t		 from, to;
	const char	*gitdir;
	pthread_t	 thread;
	int		 started, done;
};

/* Fewer files than this are read faster than a thread starts. */
#define THREADS_MIN_FILES	256
#define THREADS_MAX		4

/*
 * Reads l's entry: from its summary and cached text when it has both,
 * else parsed from the text cache or the repository, and summarised.
 */
static int
load_one(struct load *l, git_repository *repo)
{
	struct pl_entry	*e = l->e;
	struct pl_doc	*doc;
	struct pl_buf	 text = PL_BUF_INIT;
	const char	*t = l->cached;
	size_t		 n = l->len;
	int		 err;

	/* A linked entry's text comes from git, its summary still serves */
	if (t == NULL && l->sum != NULL) {
		if ((err = pl_portfolio_read_blob(&text, repo, &l->blob,
		    e->path)) != PL_OK)
			return err;
		t = text.ptr;
		n = text.len;
	}
	if (l->sum != NULL && t != NULL && pl_summary_doc(&doc, l->sum,
	    l->sumlen, t, n) == 0) {
		pl_doc_free(e->doc);
		e->doc = doc;
		pl_buf_put(&e->text, t, n);
		pl_buf_release(&text);
		return PL_OK;
	}
	l->sum = NULL;
	if (t == NULL)
		err = entry_read(e, repo, &l->blob);
	else if ((err = entry_parse(e, t, n)) == PL_OK)
		pl_buf_put(&e->text, t, n);
	pl_buf_release(&text);
	if (err != PL_OK)
		return err;
	pl_summary_derive(e->doc, kinds[e->kind].tasks, kinds[e->kind].words);
	pl_summary_make(&l->made, e->doc);
	return PL_OK;
}

static void
read_loads(struct load *l, size_t from, size_t to, git_repository *repo)
{
	size_t	i;

	for (i = from; i < to; i++)
		if (l[i].e != NULL && load_one(&l[i], repo) != PL_OK) {
			l[i].warning = pl_xstrdup(pl_error_last());
			pl_entry_free(l[i].e);
			l[i].e = NULL;
		}
}

/*
 * libgit2 lets threads share nothing of a repository, so each opens its
 * own; one that cannot leaves its share to the calling thread.
 */
static void *
read_share(void *arg)
{
	struct share	*s = arg;
	git_repository	*repo;

	if (git_repository_open_bare(&repo, s->gitdir) < 0)
		return NULL;
	read_loads(s->l, s->from, s->to, repo);
	git_repository_free(repo);
	s->done = 1;
	return NULL;
}

/* Threads for n files to parse: one when a thread costs more. */
static size_t
thread_count(size_t n)
{
	long	cpus = sysconf(_SC_NPROCESSORS_ONLN);

	if (n < THREADS_MIN_FILES ||
	    !(git_libgit2_features() & GIT_FEATURE_THREADS) || cpus < 1)
		return 1;
	return cpus < THREADS_MAX ? (size_t)cpus : THREADS_MAX;
}

/*
 * Reads the n loads, of which parse are to be parsed, each thread into
 * its own slots, so the result is the same whatever the number of
 * threads.
 */
static void
read_all(struct load *l, size_t n, size_t parse, struct pl_portfolio *pf)
{
	struct share	 s[THREADS_MAX];
	git_repository	*repo = pl_portfolio_repo(pf);
	size_t		 i, k = thread_count(parse);

	for (i = 1; i < k; i++) {
		s[i] = (struct share){ l, n * i / k, n * (i + 1) / k,
		    git_repository_commondir(repo), 0, 0, 0 };
		s[i].started = pthread_create(&s[i].thread, NULL, read_share,
		    &s[i]) == 0;
	}
	read_loads(l, 0, n / k, repo);
	for (i = 1; i < k; i++) {
		if (s[i].started)
			pthread_join(s[i].thread, NULL);
		if (!s[i].done)
			read_loads(l, s[i].from, s[i].to, repo);
	}
}

/*
 * The entry of now (read from the portfolio other) that stands for the
 * entry id of kind k, whose file is the object blob: the one of the same
 * id whose file is the same object, or NULL.
 */
static struct pl_entry *
same_as(const struct pl_entries *now, struct pl_portfolio *other,
    enum pl_kind k, const char *id, const git_oid *blob)
{
	git_oid	 theirs;
	char	*path;
	long	 i;
	int	 found;

	if (now == NULL || (i = pl_entries_find(now, id)) < 0)
		return NULL;
	path = pl_entry_path(k, id);
	found = pl_portfolio_locate(&theirs, other, path) == PL_OK;
	free(path);
	if (!found) {
		pl_error_clear();
		return NULL;
	}
	return git_oid_equal(&theirs, blob) ? now->v[i] : NULL;
}

/*
 * What a listing is after: every entry, those linked to one, or that one
 * and those whose front matter may name it (id without key).
 */
struct listing {
	const struct pl_entries	*now;	/* entries to borrow, or NULL */
	struct pl_portfolio	*other;	/* now's portfolio */
	const char		*key;	/* with id: the entries whose list */
	const char		*id;	/* under key names id, or NULL */
};

/*
 * Whether the listing keeps the file name whose summary is sum: 1 or 0,
 * -1 when the summary cannot tell.
 */
static int
keeps(const struct listing *ls, const char *name, const char *sum,
    size_t len)
{
	if (ls->id == NULL)
		return 1;
	if (ls->key != NULL)
		return pl_summary_names(sum, len, ls->key, ls->id);
	return strcmp(name, ls->id) == 0 ||
	    pl_summary_mentions(sum, len, ls->id);
}

/* The caches of one listing: texts and summaries of the folder. */
struct caches {
	struct pl_textcache	*texts;	/* NULL until needed */
	struct pl_sumcache	*sums;
	char			*stamp;
	uint64_t		 seal;
	int			 readonly;
};

static void
caches_open(struct caches *c, struct pl_portfolio *pf, enum pl_kind k,
    int texts)
{
	git_repository	*repo = pl_portfolio_repo(pf);

	c->texts = NULL;
	c->readonly = !pl_portfolio_at_head(pf);
	if (texts) {
		c->texts = pl_textcache_open(repo, kinds[k].dir);
		c->seal = pl_textcache_seal(c->texts);
	} else
		c->seal = pl_textcache_seal_of(repo, kinds[k].dir);
	c->stamp = pl_summary_stamp();
	c->sums = pl_sumcache_open(repo, kinds[k].dir, c->stamp, c->seal);
	if (c->readonly) {
		pl_textcache_readonly(c->texts);
		pl_sumcache_readonly(c->sums);
	}
}

static void
caches_close(struct caches *c)
{
	if (c->texts != NULL)
		c->seal = pl_textcache_close(c->texts);
	pl_sumcache_close(c->sums, c->seal);
	free(c->stamp);
}

/*
 * Why file f of a listing of kind k, not a plain file, is not read, as
 * reading it says; NULL when it is read all the same.
 */
static char *
refusal(enum pl_kind k, const struct pl_folder_file *f)
{
	char	*path = pl_entry_path(k, f->name), *why = NULL;

	if (pl_portfolio_mode_check(path, f->mode) != PL_OK)
		why = pl_xstrdup(pl_error_last());
	free(path);
	return why;
}

/* Closes c unwritten, after a failure. */
static void
caches_drop(struct caches *c)
{
	pl_textcache_readonly(c->texts);
	pl_sumcache_readonly(c->sums);
	caches_close(c);
}

/*
 * The listing of the folder of kind k, whose tree is tree: the one kept
 * with the summaries when it is that tree's (the tree, a large object
 * rebuilt from a chain of deltas, is then not read), else read from the
 * tree and kept.
 */
static int
folder_of(struct pl_folder *out, struct caches *c, struct pl_portfolio *pf,
    enum pl_kind k, const git_oid *tree)
{
	int	err;

	if (pl_sumcache_folder(out, c->sums, tree, ".md"))
		return PL_OK;
	if ((err = pl_portfolio_folder_read(out, pf, kinds[k].dir, tree,
	    ".md")) == PL_OK)
		pl_sumcache_put_folder(c->sums, tree, ".md", out);
	return err;
}

/*
 * Takes each file's object and summary.  A listing of linked entries
 * leaves out, unread and with no entry made, those whose summary names
 * no link to its id.  Returns how many are still to be read whole.
 */
static size_t
find_all(struct load *l, struct pl_entry **same, const struct pl_folder *f,
    enum pl_kind k, const struct listing *ls, struct caches *c)
{
	const struct pl_folder_file	*ff;
	size_t				 i, parse = 0;
	int				 linked;

	for (i = 0; i < f->n; i++) {
		ff = &f->v[i];
		if (!pl_id_valid(ff->name)) {
			l[i].warning = pl_xasprintf("%s/%s.md: not a valid "
			    "id; skipped", kinds[k].dir, ff->name);
			continue;
		}
		if (ff->mode != GIT_FILEMODE_BLOB &&
		    ff->mode != GIT_FILEMODE_BLOB_EXECUTABLE &&
		    (l[i].warning = refusal(k, ff)) != NULL)
			continue;
		git_oid_cpy(&l[i].blob, &ff->id);
		if ((same[i] = same_as(ls->now, ls->other, k, ff->name,
		    &ff->id)) != NULL)
			continue;
		l[i].sum = pl_sumcache_take(c->sums, &l[i].blob,
		    &l[i].sumlen);
		linked = l[i].sum == NULL ? 1 : keeps(ls, ff->name, l[i].sum,
		    l[i].sumlen);
		if (linked == 0) {
			l[i].unlinked = 1;
			continue;
		}
		if (linked < 0 || l[i].sum == NULL) {
			l[i].sum = NULL;
			parse++;
		}
		l[i].e = pl_entry_new(k, ff->name);
	}
	return parse;
}

/*
 * pl_entry_list(), borrowing from now what it can (see
 * pl_entry_list_beside()) or keeping only the entries linked to an id;
 * owned, when not NULL, gets the entries made here, which out then does
 * not own.
 */
static int
list(struct pl_entries *out, struct pl_entries *owned,
    struct pl_portfolio *pf, enum pl_kind k, const struct listing *ls,
    struct pl_strlist *warnings)
{
	struct pl_folder	 f;
	struct caches		 c;
	git_oid			 tree;
	int			 found;
	struct pl_entry		**same = NULL;
	struct load		*l = NULL;
	size_t			 i, parse;
	int			 err;

	out->v = NULL;
	out->n = 0;
	memset(&f, 0, sizeof f);
	if ((err = pl_portfolio_folder_id(&tree, &found, pf, kinds[k].dir,
	    1)) != PL_OK)
		goto done;
	caches_open(&c, pf, k, ls->id == NULL);
	if (found && (err = folder_of(&f, &c, pf, k, &tree)) != PL_OK) {
		caches_drop(&c);
		goto done;
	}
	out->v = pl_xcalloc(f.n + 1, sizeof *out->v);
	if (owned != NULL)
		owned->v = pl_xcalloc(f.n + 1, sizeof *owned->v);
	l = pl_xcalloc(f.n + 1, sizeof *l);
	same = pl_xcalloc(f.n + 1, sizeof *same);
	parse = find_all(l, same, &f, k, ls, &c);
	/*
	 * Linked entries with summaries are few, read from the repository;
	 * texts to parse, or records gone from the folder (whose texts must
	 * leave the text cache too), need the text cache.
	 */
	if (c.texts == NULL && (parse > 0 || !pl_sumcache_whole(c.sums))) {
		c.texts = pl_textcache_open(pl_portfolio_repo(pf),
		    kinds[k].dir);
		if (c.readonly)
			pl_textcache_readonly(c.texts);
	}
	for (i = 0; c.texts != NULL && i < f.n; i++)
		if (l[i].e != NULL || l[i].unlinked)
			l[i].cached = pl_textcache_get(c.texts, &l[i].blob,
			    &l[i].len);
	read_all(l, f.n, parse, pf);
	for (i = 0; i < f.n; i++) {
		if (c.texts != NULL && l[i].e != NULL)
			pl_textcache_put(c.texts, &l[i].blob, l[i].e->text.ptr,
			    l[i].e->text.len);
		else if (c.texts != NULL && l[i].cached != NULL)
			pl_textcache_put(c.texts, &l[i].blob, l[i].cached,
			    l[i].len);
		if (l[i].made.len > 0)
			pl_sumcache_put(c.sums, &l[i].blob, l[i].made.ptr,
			    l[i].made.len);
		/* freed once the caches, which borrow its text, are closed */
		if (l[i].e != NULL && l[i].sum == NULL && keeps(ls,
		    l[i].e->id, l[i].made.ptr, l[i].made.len) != 1)
			l[i].unlinked = 1;
		if (l[i].warning != NULL)
			pl_strlist_push_owned(warnings, l[i].warning);
		else if (same[i] != NULL)
			out->v[out->n++] = same[i];
		else if (l[i].e != NULL && !l[i].unlinked) {
			out->v[out->n++] = l[i].e;
			if (owned != NULL)
				owned->v[owned->n++] = l[i].e;
		}
	}
	caches_close(&c);
	pl_error_clear();
done:
	for (i = 0; l != NULL && i < f.n; i++) {
		if (l[i].unlinked)
			pl_entry_free(l[i].e);
		pl_buf_release(&l[i].made);
	}
	free(same);
	free(l);
	pl_folder_release(&f);
	return err;
}

int
pl_entry_list(struct pl_entries *out, struct pl_portfolio *pf,
    enum pl_kind k, struct pl_strlist *warnings)
{
	struct listing	ls = { NULL, NULL, NULL, NULL };

	return list(out, NULL, pf, k, &ls, warnings);
}

int
pl_entry_list_linked(struct pl_entries *out, struct pl_portfolio *pf,
    enum pl_kind k, const char *key, const char *id,
    struct pl_strlist *warnings)
{
	struct listing	ls = { NULL, NULL, key, id };

	return list(out, NULL, pf, k, &ls, warnings);
}

int
pl_entry_list_naming(struct pl_entries *out, struct pl_portfolio *pf,
    enum pl_kind k, const char *id, struct pl_strlist *warnings)
{
	struct listing	ls = { NULL, NULL, NULL, id };

	return list(out, NULL, pf, k, &ls, warnings);
}

int
pl_entry_list_beside(struct pl_entries *out, struct pl_entries *owned,
    struct pl_portfolio *pf, enum pl_kind k, const struct pl_entries *now,
    struct pl_portfolio *other, struct pl_strlist *warnings)
{
	struct listing	ls = { now, other, NULL, NULL };

	owned->v = NULL;
	owned->n = 0;
	return list(out, owned, pf, k, &ls, warnings);
}

/* An entry and its date, looked up once before sorting. */
struct dated {
	const char	*date;
	struct pl_entry	*e;
};

static int
by_date(const void *a, const void *b)
{
	const struct dated	*x = a, *y = b;
	int			 c;

	c = strcmp(x->date, y->date);
	return c != 0 ? c : strcmp(x->e->id, y->e->id);
}

void
pl_entries_sort_by_date(struct pl_entries *l, const char *key)
{
	struct dated	*v;
	const char	*d;
	size_t		 i;

	if (l->n < 2)
		return;
	v = pl_xcalloc(l->n, sizeof *v);
	for (i = 0; i < l->n; i++) {
		d = pl_doc_get(l->v[i]->doc, key);
		v[i].date = d != NULL ? d : "";
		v[i].e = l->v[i];
	}
	qsort(v, l->n, sizeof *v, by_date);
	for (i = 0; i < l->n; i++)
		l->v[i] = v[i].e;
	free(v);
}

static int
taken(struct pl_portfolio *pf, enum pl_kind k, const char *id)
{
	char	*path = pl_entry_path(k, id), *dir = pl_xstrdup(path);
	int	 t;

	/* evidence/<id>/ holds its files: a stray folder also takes the id */
	dir[strlen(dir) - 3] = '\0';
	t = pl_portfolio_exists(pf, path) || pl_portfolio_exists(pf, dir);
	free(path);
	free(dir);
	return t;
}

int
pl_entry_new_id(char **out, struct pl_portfolio *pf, enum pl_kind k,
    const char *text, const struct pl_date *date)
{
	struct pl_buf	 base = PL_BUF_INIT;
	char		 day[PL_DATE_LEN];
	char		*slug = pl_slug_make(text != NULL ? text : "");
	char		*id;
	int		 n;

	*out = NULL;
	if (*slug == '\0' && date == NULL) {
		free(slug);
		return pl_error_set(PL_EINVAL, "cannot make a %s id from '%s'; "
		    "give one with --id", kinds[k].name, text != NULL ? text :
		    "");
	}
	if (date != NULL) {
		pl_date_format(day, *date);
		pl_buf_printf(&base, "%s-", day);
	}
	pl_buf_puts(&base, *slug != '\0' ? slug : kinds[k].name);
	free(slug);
	id = pl_xstrdup(base.ptr);
	for (n = 2; taken(pf, k, id); n++) {
		free(id);
		id = pl_xasprintf("%s-%d", base.ptr, n);
	}
	pl_buf_release(&base);
	*out = id;
	return PL_OK;
}

int
pl_entry_check_ids(struct pl_portfolio *pf, enum pl_kind k,
    const struct pl_strlist *ids)
{
	struct pl_entry	*e;
	size_t		 i;
	int		 err;

	for (i = 0; i < ids->n; i++) {
		if ((err = pl_entry_load(&e, pf, k, ids->v[i])) != PL_OK)
			return err;
		pl_entry_free(e);
	}
	return PL_OK;
}

int
pl_entry_date(struct pl_date *out, struct pl_portfolio *pf, const char *given)
{
	struct pl_date	today;
	int		err;

	if ((err = pl_portfolio_today(&today, pf)) != PL_OK)
		return err;
	*out = today;
	if (given != NULL)
		return pl_date_parse(out, given, today);
	return PL_OK;
}

int
pl_entry_check_new_id(struct pl_portfolio *pf, enum pl_kind k,
    const char *id)
{
	int	err;

	if ((err = pl_id_check(kinds[k].name, id)) != PL_OK)
		return err;
	if (taken(pf, k, id))
		return pl_error_set(PL_EEXISTS, "%s '%s' exists already",
		    kinds[k].name, id);
	return PL_OK;
}

/*
 * Commits one change: the files of remove taken out, each text put at
 * the path of the same index, each file of attach staged at the path of
 * the same index of attach_to, each file of more written with the text
 * of the same index of more_texts.  Any list may be NULL.
 */
static int
commit_files(struct pl_portfolio *pf, const struct pl_msg *msg,
    const struct pl_strlist *remove, const struct pl_strlist *paths,
    const struct pl_buf *texts, const struct pl_strlist *attach,
    const struct pl_strlist *attach_to, const struct pl_strlist *more,
    const struct pl_strlist *more_texts)
{
	struct pl_tx	*tx = NULL;
	size_t		 i;
	int		 err;

	if ((err = pl_tx_begin(&tx, pf)) != PL_OK)
		goto done;
	for (i = 0; remove != NULL && i < remove->n; i++)
		if ((err = pl_tx_remove(tx, remove->v[i])) != PL_OK)
			goto done;
	for (i = 0; paths != NULL && i < paths->n; i++)
		if ((err = pl_tx_put(tx, paths->v[i], texts[i].ptr,
		    texts[i].len)) != PL_OK)
			goto done;
	for (i = 0; attach != NULL && i < attach->n; i++)
		if ((err = pl_tx_put_file(tx, attach_to->v[i],
		    attach->v[i])) != PL_OK)
			goto done;
	for (i = 0; more != NULL && i < more->n; i++)
		if ((err = pl_tx_put(tx, more->v[i], more_texts->v[i],
		    strlen(more_texts->v[i]))) != PL_OK)
			goto done;
	err = pl_tx_commit(tx, msg);
done:
	pl_tx_free(tx);
	return err;
}

/*
 * Commits text as the entry's file, with attached files and the trailers
 * its kind adds.
 */
static int
commit_text(struct pl_portfolio *pf, const struct pl_kind_ops *ops,
    struct pl_entry *e, struct pl_msg *msg, const struct pl_buf *text,
    const struct pl_strlist *attach, const struct pl_strlist *attach_to)
{
	struct pl_strlist	path = PL_STRLIST_INIT;
	struct pl_strlist	more = PL_STRLIST_INIT, texts = PL_STRLIST_INIT;
	int			err;

	msg->kind = kinds[e->kind].name;
	msg->id = e->id;
	if (ops->trailers != NULL)
		ops->trailers(e, &msg->trailers);
	pl_strlist_push(&path, e->path);
	if (ops->also == NULL || (err = ops->also(pf, e, &more, &texts,
	    &msg->trailers)) == PL_OK)
		err = commit_files(pf, msg, NULL, &path, text, attach,
		    attach_to, &more, &texts);
	pl_strlist_release(&path);
	pl_strlist_release(&more);
	pl_strlist_release(&texts);
	return err;
}

/* The start of line n (1-based) of s, or NULL. */
static const char *
line_start(const char *s, int n)
{
	while (--n > 0 && s != NULL)
		if ((s = strchr(s, '\n')) != NULL)
			s++;
	return s;
}

/* 1 when line begins with "key:". */
static int
key_line(const char *line, const char *key)
{
	size_t	n = strlen(key);

	return strncmp(line, key, n) == 0 && line[n] == ':';
}

/* The start of the last line of s[0..len), which ends in a newline. */
static const char *
last_line(const char *s, size_t len)
{
	const char	*p = s + len;

	if (p > s && p[-1] == '\n')
		p--;
	while (p > s && p[-1] != '\n')
		p--;
	return p;
}

/* Lines the emitter adds, to go in before line at of the person's file. */
struct insert {
	const char	*at;
	const char	*text;
	size_t		 len;
	size_t		 indent;	/* spaces before each line */
};

/* The line of top-level key in fm, or NULL. */
static const char *
key_at(const char *fm, const char *end, const char *key)
{
	const char	*at;

	for (at = fm; at != NULL && at < end; at = strchr(at, '\n'),
	    at = at != NULL ? at + 1 : NULL)
		if (key_line(at, key))
			return at;
	return NULL;
}

/*
 * Where items the emitter appended to the block list of key (the key of
 * the last top-level line before o in old) go in the person's file:
 * before the next top-level key line, indented as the person's items
 * are.  0 when that is not the case.
 */
static int
list_end(struct insert *ins, const char *fm, const char *close,
    const struct pl_doc *old_doc, const char *old, const char *o)
{
	const char	*p = o, *at, *item;
	char		*key;
	int		 k;

	while (p > old && (p == o || *p == ' ' || *p == '-' || *p == '#'))
		p = last_line(old, (size_t)(p - old));
	key = pl_xstrndup(p, strcspn(p, ":\n"));
	for (k = 0; k < (int)old_doc->fm->n; k++)
		if (strcmp(old_doc->fm->keys[k], key) == 0)
			break;
	free(key);
	if (k == (int)old_doc->fm->n ||
	    old_doc->fm->items[k]->kind != PL_NODE_SEQ ||
	    (at = key_at(fm, close, old_doc->fm->keys[k])) == NULL)
		return 0;
	ins->indent = (size_t)-1;
	for (at = strchr(at, '\n') + 1; at < close && (*at == ' ' ||
	    *at == '-' || *at == '#' || *at == '\n' || *at == '\r');
	    at = strchr(at, '\n') + 1) {
		item = at + strspn(at, " ");
		if (*item == '-' && ins->indent == (size_t)-1)
			ins->indent = (size_t)(item - at);
	}
	if (ins->indent == (size_t)-1)
		return 0;
	ins->at = at;
	return 1;
}

/* Puts s[0..len), lines of the emitter, each after indent spaces. */
static void
put_indented(struct pl_buf *out, const char *s, size_t len, size_t indent)
{
	const char	*e, *end = s + len;
	size_t		 i;

	for (; s < end; s = e) {
		e = memchr(s, '\n', (size_t)(end - s));
		e = e != NULL ? e + 1 : end;
		for (i = 0; i < indent; i++)
			pl_buf_putc(out, ' ');
		pl_buf_put(out, s, (size_t)(e - s));
	}
}

/*
 * Into out, the person's front matter (fm, fm_len bytes, "---" lines
 * included) with the line of each top-level key whose one-line value
 * changed replaced by its new line, keys pl added put before the closing
 * "---", and items pl appended to a block list put after that list's
 * last item, indented as its items are.  old and new are the emitter's
 * text for the old and the new front matter; old_doc tells where each
 * key sits in the file.  0 when the change is not of that kind.
 */
static int
patch_lines(struct pl_buf *out, const char *fm, size_t fm_len,
    const struct pl_doc *old_doc, const char *old, const char *new)
{
	const char	*o = old, *n = new, *oe, *ne, *at, *eol, *close;
	const char	*lines[64], *repl[64], *keys;
	struct insert	 ins[16];
	size_t		 rlen[64], i, nl = 0, ni = 0, len;
	int		 k;

	if (fm_len == 0)
		return 0;
	close = last_line(fm, fm_len);
	while (*o != '\0' && *n != '\0') {
		oe = o + strcspn(o, "\n");
		ne = n + strcspn(n, "\n");
		if (oe - o == ne - n && memcmp(o, n, (size_t)(oe - o)) == 0) {
			o = oe + (*oe == '\n');
			n = ne + (*ne == '\n');
			continue;
		}
		/*
		 * Lines inserted before o: keys added at the end go before
		 * the same "---"; list items, after their list.
		 */
		if (ni < 15 && strlen(n) > strlen(o) &&
		    strcmp(n + strlen(n) - strlen(o), o) == 0) {
			len = strlen(n) - strlen(o);
			/* List items first, then any keys after them */
			for (keys = n; keys < n + len && (*keys == ' ' ||
			    *keys == '-'); keys = strchr(keys, '\n') + 1)
				;
			if (keys > n) {
				ins[ni].text = n;
				ins[ni].len = (size_t)(keys - n);
				if (!list_end(&ins[ni++], fm, close, old_doc,
				    old, o))
					return 0;
			}
			if (keys < n + len) {
				if (o != last_line(old, strlen(old)))
					return 0;
				ins[ni].text = keys;
				ins[ni].len = (size_t)(n + len - keys);
				ins[ni].at = close;
				ins[ni++].indent = 0;
			}
			n += len;
			continue;
		}
		/* Else only "key: value" lines of keys already there */
		if (nl == 64 || *o == ' ' || *o == '-' || *n != *o)
			return 0;
		for (k = 0; k < (int)old_doc->fm->n; k++)
			if (key_line(o, old_doc->fm->keys[k]) &&
			    key_line(n, old_doc->fm->keys[k]))
				break;
		if (k == (int)old_doc->fm->n ||
		    old_doc->fm->items[k]->kind != PL_NODE_SCALAR)
			return 0;
		at = line_start(fm, old_doc->fm->items[k]->line);
		if (at == NULL || at >= close || !key_line(at,
		    old_doc->fm->keys[k]))
			return 0;
		lines[nl] = at;
		repl[nl] = n;
		rlen[nl++] = (size_t)(ne - n) - (ne > n && ne[-1] == '\r');
		o = oe + (*oe == '\n');
		n = ne + (*ne == '\n');
	}
	if (*o != '\0' || *n != '\0')
		return 0;
	for (at = fm; at < fm + fm_len; at = eol) {
		for (i = 0; i < ni; i++)
			if (ins[i].at == at)
				put_indented(out, ins[i].text, ins[i].len,
				    ins[i].indent);
		eol = at + strcspn(at, "\r\n");
		for (i = 0; i < nl && lines[i] != at; i++)
			;
		if (i < nl)
			pl_buf_put(out, repl[i], rlen[i]);
		else
			pl_buf_put(out, at, (size_t)(eol - at));
		/* the line's own ending, "\n" or "\r\n" */
		at = eol;
		eol = at + (*at == '\r') + (at[*at == '\r'] == '\n');
		pl_buf_put(out, at, (size_t)(eol - at));
		if (eol == at)
			break;
	}
	return 1;
}

/*
 * The file text for e.  Re-emitting the front matter would drop the
 * person's comments and layout, so a loaded entry keeps its own front
 * matter where pl set no key, or has only the changed lines replaced;
 * the result must read back as the re-emitted text does, or that text
 * is used.
 */
static void
entry_text(struct pl_buf *out, const struct pl_entry *e)
{
	struct pl_buf	 emitted = PL_BUF_INIT, old = PL_BUF_INIT;
	struct pl_buf	 kept = PL_BUF_INIT, check = PL_BUF_INIT;
	struct pl_doc	*old_doc = NULL, *back = NULL;
	size_t		 fm_len, old_fm, new_fm;
	int		 ok = 0;

	pl_doc_serialize(e->doc, &emitted);
	if (e->text.len == 0 || strlen(e->text.ptr) != e->text.len ||
	    pl_doc_parse(&old_doc, e->path, e->text.ptr, e->text.len) !=
	    PL_OK)
		goto done;
	pl_doc_serialize(old_doc, &old);
	fm_len = e->text.len - strlen(old_doc->body);
	old_fm = old.len - strlen(old_doc->body);
	new_fm = emitted.len - strlen(e->doc->body);
	if (old_fm == new_fm && memcmp(old.ptr, emitted.ptr, old_fm) == 0)
		pl_buf_put(&kept, e->text.ptr, fm_len);
	else {
		old.ptr[old_fm] = '\0';
		emitted.ptr[new_fm] = '\0';
		ok = patch_lines(&kept, e->text.ptr, fm_len, old_doc, old.ptr,
		    emitted.ptr);
		emitted.ptr[new_fm] = e->doc->body[0];
		if (!ok)
			goto done;
	}
	pl_buf_puts(&kept, e->doc->body);
	/* A kept line can leave the line after it unreadable: "a: 'x\n y'" */
	ok = 0;
	if (pl_doc_parse(&back, e->path, kept.ptr, kept.len) != PL_OK)
		goto done;
	pl_doc_serialize(back, &check);
	ok = check.len == emitted.len &&
	    memcmp(check.ptr, emitted.ptr, emitted.len) == 0;
done:
	pl_error_clear();
	if (ok)
		pl_buf_put(out, kept.ptr, kept.len);
	else
		pl_buf_put(out, emitted.ptr, emitted.len);
	pl_doc_free(old_doc);
	pl_doc_free(back);
	pl_buf_release(&emitted);
	pl_buf_release(&old);
	pl_buf_release(&kept);
	pl_buf_release(&check);
}

int
pl_entry_commit(struct pl_portfolio *pf, const struct pl_kind_ops *ops,
    struct pl_entry *e, struct pl_msg *msg, const struct pl_strlist *attach,
    const struct pl_strlist *attach_to)
{
	struct pl_buf	text = PL_BUF_INIT;
	int		err;

	entry_text(&text, e);
	err = commit_text(pf, ops, e, msg, &text, attach, attach_to);
	pl_buf_release(&text);
	return err;
}

int
pl_entry_commit_all(struct pl_portfolio *pf, const struct pl_msg *msg,
    const struct pl_entries *put, const struct pl_strlist *remove,
    const struct pl_strlist *attach, const struct pl_strlist *attach_to,
    const struct pl_strlist *more, const struct pl_strlist *more_texts)
{
	struct pl_strlist	 paths = PL_STRLIST_INIT;
	struct pl_buf		*texts = pl_xcalloc(put->n + 1, sizeof *texts);
	size_t			 i;
	int			 err;

	for (i = 0; i < put->n; i++) {
		pl_strlist_push(&paths, put->v[i]->path);
		entry_text(&texts[i], put->v[i]);
	}
	err = commit_files(pf, msg, remove, &paths, texts, attach, attach_to,
	    more, more_texts);
	for (i = 0; i < put->n; i++)
		pl_buf_release(&texts[i]);
	free(texts);
	pl_strlist_release(&paths);
	return err;
}

void
pl_entry_link(struct pl_entry *e, struct pl_msg *msg, const char *key,
    const char *trailer, const struct pl_strlist *ids)
{
	struct pl_strlist	once = PL_STRLIST_INIT;
	size_t			i;

	for (i = 0; i < ids->n; i++) {
		if (pl_strlist_find(&once, ids->v[i]) >= 0)
			continue;
		pl_strlist_push(&once, ids->v[i]);
		pl_strlist_push_owned(&msg->trailers, pl_xasprintf("%s: %s",
		    trailer, ids->v[i]));
	}
	pl_doc_set_list(e->doc, key, &once);
	pl_strlist_release(&once);
}

char *
pl_entry_body(const char *text)
{
	const char	*start, *end;

	if (text == NULL)
		return pl_xstrdup("");
	start = text;
	while (*start == '\n' || *start == ' ' || *start == '\t') {
		/* Keep the indentation of the first line, not blank lines */
		const char *nl = start + strspn(start, " \t");

		if (*nl != '\n')
			break;
		start = nl + 1;
	}
	end = start + strlen(start);
	while (end > start && (end[-1] == '\n' || end[-1] == ' ' ||
	    end[-1] == '\t' || end[-1] == '\r'))
		end--;
	if (end == start)
		return pl_xstrdup("");
	return pl_xasprintf("\n%.*s\n", (int)(end - start), start);
}

int
pl_entry_check_date(const struct pl_entry *e, const char *key, int required)
{
	const char	*v = pl_doc_get(e->doc, key);

	if (v == NULL && required)
		return pl_error_set(PL_EINVAL, "%s: '%s' is missing", e->path,
		    key);
	if (v != NULL && !pl_date_valid(v))
		return pl_error_set(PL_EINVAL, "%s: '%s' is not a date "
		    "(YYYY-MM-DD): '%s'", e->path, key, v);
	return PL_OK;
}

int
pl_entry_check_line(const struct pl_entry *e, const char *name,
    const char *value)
{
	char	*what = pl_xasprintf("%s: %s", e->path, name);
	int	 err;

	err = pl_text_check_line(what, value);
	free(what);
	return err;
}

int
pl_entry_check_lines(const struct pl_entry *e, const char *const *keys)
{
	struct pl_strlist	 l = PL_STRLIST_INIT;
	const char		*v;
	char			*name;
	size_t			 i, k;
	int			 err = PL_OK;

	for (k = 0; keys[k] != NULL && err == PL_OK; k++) {
		name = pl_xasprintf("'%s'", keys[k]);
		if ((v = pl_doc_get(e->doc, keys[k])) != NULL)
			err = pl_entry_check_line(e, name, v);
		/* Not a list: the kind's own check says what is wrong */
		else if (pl_doc_get_list(e->doc, e->path, keys[k], &l) ==
		    PL_OK)
			for (i = 0; i < l.n && err == PL_OK; i++)
				err = pl_entry_check_line(e, name, l.v[i]);
		pl_strlist_release(&l);
		free(name);
	}
	if (err == PL_OK)
		pl_error_clear();
	return err;
}

/* <gitdir>/pl: where text typed in the editor waits. */
static int
scratch_dir(char **out, struct pl_portfolio *pf)
{
	const char	*gitdir = git_repository_path(pl_portfolio_repo(pf));

	*out = pl_xasprintf("%spl", gitdir);
	if (mkdir(*out, 0777) == -1 && errno != EEXIST) {
		free(*out);
		*out = NULL;
		return pl_error_set(PL_ERROR, "cannot make '%spl': %s", gitdir,
		    strerror(errno));
	}
	return PL_OK;
}

/* <gitdir>/pl/<name>, or the first free "<name>-N.md" when taken. */
static int
scratch_path(char **out, struct pl_portfolio *pf, const char *name)
{
	char	*dir;
	int	 n, err;

	if ((err = scratch_dir(&dir, pf)) != PL_OK)
		return err;
	/* A text kept from a failed attempt is never overwritten. */
	*out = pl_xasprintf("%s/%s", dir, name);
	for (n = 2; access(*out, F_OK) == 0; n++) {
		free(*out);
		*out = pl_xasprintf("%s/%.*s-%d.md", dir,
		    (int)(strlen(name) - 3), name, n);
	}
	free(dir);
	return PL_OK;
}

int
pl_entry_scratch(char **out, struct pl_portfolio *pf, const char *what,
    const char *template)
{
	char	*name = pl_xasprintf("%s.md", what);
	int	 err;

	*out = NULL;
	err = scratch_path(out, pf, name);
	free(name);
	if (err == PL_OK && (err = pl_write_file(*out, template,
	    strlen(template), 0600)) != PL_OK) {
		free(*out);
		*out = NULL;
	}
	return err;
}

int
pl_entry_is_kept(struct pl_portfolio *pf, const char *path)
{
	const char	*gitdir = git_repository_path(pl_portfolio_repo(pf));
	const char	*slash = strrchr(path, '/');
	char		*dir = pl_xasprintf("%spl", gitdir);
	char		*parent = slash != NULL ? pl_xstrndup(path,
			    (size_t)(slash - path + 1)) : pl_xstrdup(".");
	struct stat	 a, b, f;
	int		 kept;

	/* The same folder, however path names it */
	kept = stat(dir, &a) == 0 && stat(parent, &b) == 0 &&
	    stat(path, &f) == 0 && S_ISREG(f.st_mode) &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino;
	free(parent);
	free(dir);
	return kept;
}

/*
 * The one file an edit of e is typed in: EDIT-<kind>-<id>.md, so a goal
 * and evidence of the same id keep theirs apart, and the next edit of the
 * entry finds it.
 */
static int
edit_path(char **out, struct pl_portfolio *pf, const struct pl_entry *e)
{
	char	*dir;
	int	 err;

	*out = NULL;
	if ((err = scratch_dir(&dir, pf)) != PL_OK)
		return err;
	if (e->kind == PL_KIND_PROFILE)
		*out = pl_xasprintf("%s/EDIT-profile.md", dir);
	else
		*out = pl_xasprintf("%s/EDIT-%s-%s.md", dir,
		    kinds[e->kind].name, e->id);
	free(dir);
	return PL_OK;
}

int
pl_entry_kept_edit(char **out, struct pl_portfolio *pf,
    const struct pl_entry *e)
{
	int	err;

	if ((err = edit_path(out, pf, e)) != PL_OK)
		return err;
	if (access(*out, F_OK) == -1) {
		free(*out);
		*out = NULL;
	}
	return PL_OK;
}

/*
 * Refuses now what the commit would refuse, not after the person has
 * typed: the transaction is begun (a bare repository, HEAD detached or
 * mid-merge, the locks), e's file staged when e is not NULL (uncommitted
 * edits, an unsafe path), and the identity asked for.
 */
static int
dry_run(struct pl_portfolio *pf, const struct pl_entry *e)
{
	struct pl_buf	 text = PL_BUF_INIT;
	struct pl_tx	*tx = NULL;
	git_signature	*author = NULL, *committer = NULL;
	int		 err;

	if ((err = pl_tx_begin(&tx, pf)) != PL_OK)
		goto done;
	if (e != NULL) {
		pl_doc_serialize(e->doc, &text);
		if ((err = pl_tx_put(tx, e->path, text.ptr, text.len)) !=
		    PL_OK)
			goto done;
	}
	err = pl_portfolio_signatures(&author, &committer, pf);
done:
	git_signature_free(author);
	git_signature_free(committer);
	pl_tx_free(tx);
	pl_buf_release(&text);
	return err;
}

int
pl_entry_check_commit(struct pl_portfolio *pf)
{
	return dry_run(pf, NULL);
}

int
pl_entry_edit_begin(char **out, struct pl_portfolio *pf,
    const struct pl_entry *e)
{
	struct pl_buf	 text = PL_BUF_INIT;
	int		 err;

	*out = NULL;
	if ((err = dry_run(pf, e)) != PL_OK ||
	    (err = edit_path(out, pf, e)) != PL_OK)
		goto done;
	/* A kept edit is resumed, never overwritten */
	if (access(*out, F_OK) == 0)
		goto done;
	if ((err = pl_portfolio_read(&text, pf, e->path)) != PL_OK ||
	    (err = pl_write_file(*out, text.ptr, text.len, 0600)) != PL_OK) {
		free(*out);
		*out = NULL;
	}
done:
	pl_buf_release(&text);
	return err;
}

int
pl_entry_edit_finish(struct pl_portfolio *pf, const struct pl_kind_ops *ops,
    struct pl_entry *e, const char *edited)
{
	struct pl_buf	 text = PL_BUF_INIT, old = PL_BUF_INIT;
	struct pl_doc	*doc = NULL;
	struct pl_msg	 msg = { 0 };
	char		*sentence = NULL;
	int		 err;

	if ((err = pl_read_text(&text, edited)) != PL_OK ||
	    (err = pl_portfolio_read(&old, pf, e->path)) != PL_OK)
		goto done;
	if (text.len == old.len && memcmp(text.ptr, old.ptr, old.len) == 0) {
		unlink(edited);
		err = pl_error_set(PL_ENOCHANGE, "%s unchanged; nothing "
		    "committed", e->path);
		goto done;
	}
	if ((err = pl_doc_parse(&doc, e->path, text.ptr, text.len)) != PL_OK)
		goto done;
	pl_doc_free(e->doc);
	e->doc = doc;
	if ((err = ops->check(e)) != PL_OK)
		goto done;
	if (e->kind == PL_KIND_PROFILE)
		profile_id(e);
	/* Commit the text as typed, not as re-emitted: it is theirs. */
	msg.action = "edit";
	sentence = pl_xasprintf("Edited %s by hand.", e->path);
	msg.sentence = sentence;
	/* A commit that fails (locked, moved meanwhile) keeps the edit too */
	if ((err = commit_text(pf, ops, e, &msg, &text, NULL, NULL)) == PL_OK)
		unlink(edited);
done:
	pl_strlist_release(&msg.trailers);
	free(sentence);
	pl_buf_release(&text);
	pl_buf_release(&old);
	return err;
}
