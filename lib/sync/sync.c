/*
 * pl sync (see sync.h): fetch the branch from the remote, bring it in
 * through the write path (a fast-forward, or a merge whose portfolio
 * files both sides changed are merged by structure), push.  What the
 * remote's branch changes is worked out as a plan of whole files first;
 * only a plan with no conflict is staged and committed.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>

#include "store/cache.h"

#include "store/portfolio.h"
#include "sync/clone.h"
#include "sync/push-local.h"
#include "pl/base/doc.h"
#include "pl/entries/entry.h"
#include "pl/base/merge.h"
#include "pl/sync/sync.h"
#include "pl/store/tx.h"
#include "store/git.h"

/* One file the sync writes or removes. */
struct change {
	char		*path;
	git_oid		 blob;		/* theirs, when text is NULL */
	char		*text;		/* merged by structure */
	int		 exec;
	int		 remove;
};

struct plan {
	struct change		*v;
	size_t			 n, cap;
	struct pl_strlist	 conflicts;	/* "path ('status')" */
	struct pl_strlist	 values;	/* "path status: 'met' here,
						   'paused' on origin/main" */
	struct pl_strlist	 settle;	/* a command for each file */
};

struct sync {
	struct pl_cred			 cred;		/* first: the payload of
							   the remote's callbacks */
	struct pl_portfolio		*pf;
	git_repository			*repo;
	const struct pl_sync_options	*o;
	struct pl_sync_result		*r;
	git_remote			*remote;
	char				*name;		/* the remote's, or NULL
							   for a URL */
	char				*remote_branch;
	git_oid				 theirs;
	int				 have_theirs;
	char				*refused;	/* a push refused */
	int				 again;		/* after a push
							   refused */
};

void
pl_sync_result_release(struct pl_sync_result *r)
{
	free(r->remote);
	free(r->branch);
	free(r->remote_branch);
	pl_strlist_release(&r->merged);
	memset(r, 0, sizeof *r);
}

static void
plan_release(struct plan *p)
{
	size_t	i;

	for (i = 0; i < p->n; i++) {
		free(p->v[i].path);
		free(p->v[i].text);
	}
	free(p->v);
	pl_strlist_release(&p->conflicts);
	pl_strlist_release(&p->values);
	pl_strlist_release(&p->settle);
}

static struct change *
plan_add(struct plan *p, const char *path)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 16;
		p->v = pl_xrealloc(p->v, p->cap * sizeof *p->v);
	}
	memset(&p->v[p->n], 0, sizeof p->v[p->n]);
	p->v[p->n].path = pl_xstrdup(path);
	return &p->v[p->n++];
}

static int
push_status(const char *ref, const char *status, void *payload)
{
	struct sync	*s = payload;

	(void)ref;
	if (status != NULL && s->refused == NULL)
		s->refused = pl_xstrdup(status);
	return 0;
}

/* ssh-agent and the URL's user and password (clone.c), and the push. */
static void
callbacks(git_remote_callbacks *cb, struct sync *s)
{
	memset(&s->cred, 0, sizeof s->cred);
	s->cred.url = git_remote_url(s->remote);
	pl_remote_callbacks(cb, &s->cred);
	cb->push_update_reference = push_status;
}

/* A failure to reach the remote, said as plainly as can be. */
static int
unreachable(struct sync *s, int rc, const char *what)
{
	const git_error	*e = git_error_last();
	char		*url = pl_url_shown(git_remote_url(s->remote));
	int		 err;

	if (s->cred.failed || rc == GIT_EAUTH || (e != NULL &&
	    e->klass == GIT_ERROR_SSH && strstr(e->message, "authenticat")))
		err = pl_error_set(PL_ERROR, "authentication failed for %s",
		    url);
	else if (e != NULL && e->klass == GIT_ERROR_SSH &&
	    strstr(e->message, "hostkey") != NULL)
		err = pl_error_set(PL_ERROR, "cannot %s %s: the server's ssh "
		    "host key is not in ~/.ssh/known_hosts (check it, then "
		    "connect once with ssh to add it)", what, url);
	else
		err = pl_error_set(PL_ERROR, "cannot %s %s: %s", what, url,
		    e != NULL && e->message != NULL ? e->message :
		    "unknown error");
	free(url);
	return err;
}

/* The branch's remote: named, the branch's own, else "origin". */
static int
remote_find(struct sync *s, const char *branch)
{
	git_config	*cfg = NULL;
	git_buf		 b = GIT_BUF_INIT;
	char		*key, *name;
	int		 rc;

	if (git_repository_config_snapshot(&cfg, s->repo) < 0)
		cfg = NULL;
	key = pl_xasprintf("branch.%s.remote", branch);
	if (s->o->remote != NULL)
		name = pl_xstrdup(s->o->remote);
	else if (cfg != NULL && git_config_get_string_buf(&b, cfg, key) == 0)
		name = pl_xstrdup(b.ptr);
	else
		name = pl_xstrdup("origin");
	rc = git_remote_lookup(&s->remote, s->repo, name);
	if (rc == 0)
		s->name = pl_xstrdup(name);
	else if (s->o->remote != NULL && (strchr(name, '/') != NULL ||
	    strchr(name, ':') != NULL))
		rc = git_remote_create_anonymous(&s->remote, s->repo, name);
	free(key);
	/* the branch the remote's is named in branch.<b>.merge */
	key = pl_xasprintf("branch.%s.merge", branch);
	git_buf_dispose(&b);
	if (s->name != NULL && cfg != NULL && git_config_get_string_buf(&b,
	    cfg, key) == 0 && strncmp(b.ptr, "refs/heads/", 11) == 0)
		s->remote_branch = pl_xstrdup(b.ptr + 11);
	else
		s->remote_branch = pl_xstrdup(branch);
	free(key);
	git_buf_dispose(&b);
	git_config_free(cfg);
	/* a URL is said without the password it may hold */
	s->r->remote = s->name != NULL ? pl_xstrdup(s->name) :
	    pl_url_shown(name);
	if (rc < 0)
		rc = pl_error_set(PL_ENOTFOUND, "no remote '%s' (add one "
		    "with: git remote add %s URL)", s->r->remote,
		    s->r->remote);
	free(name);
	return rc < 0 ? rc : PL_OK;
}

/* Fetches the remote's branch; theirs is where it is, if it is. */
static int
fetch(struct sync *s)
{
	git_fetch_options		 fo;
	const git_remote_head		**heads;
	git_strarray			 specs;
	char				*spec, *ref, *want;
	size_t				 n, i;
	int				 rc;

	git_fetch_options_init(&fo, GIT_FETCH_OPTIONS_VERSION);
	callbacks(&fo.callbacks, s);
	want = pl_xasprintf("refs/heads/%s", s->remote_branch);
	spec = s->name != NULL ? pl_xasprintf("+%s:refs/remotes/%s/%s", want,
	    s->name, s->remote_branch) : pl_xstrdup(want);
	specs.strings = &spec;
	specs.count = 1;
	rc = git_remote_fetch(s->remote, &specs, &fo, "pl sync");
	free(spec);
	if (rc < 0) {
		free(want);
		return unreachable(s, rc, "fetch from");
	}
	if (s->name != NULL) {
		ref = pl_xasprintf("refs/remotes/%s/%s", s->name,
		    s->remote_branch);
		s->have_theirs = git_reference_name_to_id(&s->theirs, s->repo,
		    ref) == 0;
		free(ref);
	} else if (git_remote_ls(&heads, &n, s->remote) == 0)
		for (i = 0; i < n; i++)
			if (strcmp(heads[i]->name, want) == 0) {
				git_oid_cpy(&s->theirs, &heads[i]->oid);
				s->have_theirs = 1;
			}
	free(want);
	return PL_OK;
}

static int
tree_of(git_tree **out, git_repository *repo, const git_oid *commit)
{
	git_commit	*c = NULL;
	int		 rc;

	if ((rc = git_commit_lookup(&c, repo, commit)) == 0)
		rc = git_commit_tree(out, c);
	git_commit_free(c);
	return rc < 0 ? pl_error_git(rc, "cannot read a commit") : PL_OK;
}

static int
diff_trees(git_diff **out, git_repository *repo, git_tree *a, git_tree *b)
{
	int	rc = git_diff_tree_to_tree(out, repo, a, b, NULL);

	return rc < 0 ? pl_error_git(rc, "cannot compare two trees") : PL_OK;
}

/* Theirs' side of a delta, as a change of the plan. */
static int
take(struct plan *p, const git_diff_delta *d)
{
	struct change	*c;
	git_filemode_t	 m = d->new_file.mode;

	if (d->status != GIT_DELTA_DELETED && m != GIT_FILEMODE_BLOB &&
	    m != GIT_FILEMODE_BLOB_EXECUTABLE)
		return pl_error_set(PL_EUNSAFE, "unsafe path '%s': the remote "
		    "has a %s there", d->new_file.path, m == GIT_FILEMODE_LINK ?
		    "symbolic link" : "submodule");
	c = plan_add(p, d->new_file.path);
	c->remove = d->status == GIT_DELTA_DELETED;
	c->exec = m == GIT_FILEMODE_BLOB_EXECUTABLE;
	git_oid_cpy(&c->blob, &d->new_file.id);
	return PL_OK;
}

/* 1 when path is a file pl merges by structure. */
static int
portfolio_file(const char *path)
{
	static const char *const dirs[] = { "goals/", "evidence/",
		"reflections/", NULL };
	size_t			 i, n = strlen(path);

	if (strcmp(path, "profile.md") == 0)
		return 1;
	if (n < 4 || strcmp(path + n - 3, ".md") != 0)
		return 0;
	for (i = 0; dirs[i] != NULL; i++)
		if (strncmp(path, dirs[i], strlen(dirs[i])) == 0 &&
		    strchr(path + strlen(dirs[i]), '/') == NULL)
			return 1;
	return 0;
}

/* A blob's text; NULL for none or a NUL byte in it (not text). */
static char *
blob_text(git_repository *repo, const git_oid *id)
{
	git_blob	*b = NULL;
	char		*s = NULL;
	size_t		 n;

	if (git_oid_is_zero(id))
		return pl_xstrdup("");
	if (git_blob_lookup(&b, repo, id) < 0)
		return NULL;
	n = (size_t)git_blob_rawsize(b);
	if (memchr(git_blob_rawcontent(b), '\0', n) == NULL)
		s = pl_xstrndup(git_blob_rawcontent(b), n);
	git_blob_free(b);
	return s;
}

/* A value shown in a message: its first line, at most 40 bytes. */
static char *
value_shown(const char *v)
{
	size_t	n = strcspn(v, "\r\n");

	if (n > 40)
		return pl_xasprintf("'%.37s...'", v);
	return pl_xasprintf("'%.*s'%s", (int)n, v, v[n] != '\0' ? "..." :
	    "");
}

/*
 * The two values of each key in why ("'status'") both sides set, one
 * line each file and key; a section ("'## Why'") or a list is not shown.
 */
static void
values_say(struct sync *s, struct plan *p, const char *path,
    const struct pl_strlist *why, const char *o, const char *t)
{
	struct pl_doc	*od = NULL, *td = NULL;
	const char	*ov, *tv;
	char		*key, *a, *b;
	size_t		 i, n;

	if (pl_doc_parse(&od, path, o, strlen(o)) != PL_OK ||
	    pl_doc_parse(&td, path, t, strlen(t)) != PL_OK)
		goto done;
	for (i = 0; i < why->n; i++) {
		n = strlen(why->v[i]);
		if (n < 3 || why->v[i][0] != '\'' || why->v[i][1] == '#')
			continue;
		key = pl_xstrndup(why->v[i] + 1, n - 2);
		ov = pl_doc_get(od, key);
		tv = pl_doc_get(td, key);
		a = value_shown(ov != NULL ? ov : "");
		b = value_shown(tv != NULL ? tv : "");
		if (ov != NULL || tv != NULL)
			pl_strlist_push_owned(&p->values, pl_xasprintf("%s "
			    "%s: %s here, %s on %s/%s", path, key, a, b,
			    s->r->remote, s->remote_branch));
		free(a);
		free(b);
		free(key);
	}
done:
	pl_error_clear();
	pl_doc_free(od);
	pl_doc_free(td);
}

enum settle { SETTLE_EDIT, SETTLE_REMOVE, SETTLE_RESTORE };

/*
 * The command that makes path here what theirs has: pl's edit of the
 * entry, else git's checkout of the file from the fetched branch (also
 * of one taken out here), or its removal when they took it out.
 */
static void
settle_say(struct sync *s, struct plan *p, const char *path,
    enum settle how)
{
	int		 gone = how == SETTLE_REMOVE, entry;
	enum pl_kind	 kind = PL_KIND_PROFILE;
	char		*id = NULL, *ref;

	entry = how != SETTLE_RESTORE && portfolio_file(path) &&
	    pl_entry_of_path(path, &kind, &id);
	ref = s->name != NULL ? pl_xasprintf("%s/%s", s->name,
	    s->remote_branch) : pl_xstrdup("FETCH_HEAD");
	if (entry && kind == PL_KIND_PROFILE && how == SETTLE_EDIT)
		pl_strlist_push(&p->settle, "pl profile edit");
	else if (entry && kind != PL_KIND_PROFILE)
		pl_strlist_push_owned(&p->settle, pl_xasprintf("pl %s %s %s",
		    pl_kind_command(kind), gone ? "rm" : "edit", id));
	else if (gone)
		pl_strlist_push_owned(&p->settle, pl_xasprintf("git rm %s && "
		    "git commit", path));
	else
		pl_strlist_push_owned(&p->settle, pl_xasprintf("git checkout "
		    "%s -- %s && git commit", ref, path));
	free(ref);
	free(id);
}

/* A file both sides changed: merged by structure, or a conflict. */
static void
both(struct sync *s, struct plan *p, const git_diff_delta *mine,
    const git_diff_delta *d)
{
	struct pl_strlist	 why = PL_STRLIST_INIT;
	struct pl_buf		 out = PL_BUF_INIT, list = PL_BUF_INIT;
	const char		*path = d->new_file.path;
	char			*b, *o, *t;

	if ((mine->status == GIT_DELTA_DELETED) !=
	    (d->status == GIT_DELTA_DELETED)) {
		pl_strlist_push_owned(&p->conflicts, pl_xasprintf("%s (taken "
		    "out on one side, changed on the other)", path));
		settle_say(s, p, path, mine->status == GIT_DELTA_DELETED ?
		    SETTLE_RESTORE : SETTLE_REMOVE);
		return;
	}
	if (d->status == GIT_DELTA_DELETED || (git_oid_equal(
	    &mine->new_file.id, &d->new_file.id) && mine->new_file.mode ==
	    d->new_file.mode))
		return;		/* the same on both sides */
	b = blob_text(s->repo, &d->old_file.id);
	o = blob_text(s->repo, &mine->new_file.id);
	t = blob_text(s->repo, &d->new_file.id);
	if (!portfolio_file(path) || b == NULL || o == NULL || t == NULL) {
		/* a goal with a NUL byte is pl's, but it is not text */
		pl_strlist_push_owned(&p->conflicts, pl_xasprintf("%s (changed "
		    "on both sides%s)", path, !portfolio_file(path) ?
		    "; pl merges goals, evidence, reflections and the profile" :
		    ", and not text: pl merges text only"));
		settle_say(s, p, path, SETTLE_EDIT);
	} else if (pl_merge_file(&out, &why, path, b, o, t) != PL_OK) {
		pl_strlist_join(&list, &why, ", ");
		pl_strlist_push_owned(&p->conflicts, pl_xasprintf("%s (%s)",
		    path, pl_buf_cstr(&list)));
		pl_error_clear();
		values_say(s, p, path, &why, o, t);
		settle_say(s, p, path, SETTLE_EDIT);
	} else {
		plan_add(p, path)->text = pl_buf_detach(&out);
		if (pl_strlist_find(&s->r->merged, path) < 0)
			pl_strlist_push(&s->r->merged, path);
	}
	pl_strlist_release(&why);
	pl_buf_release(&out);
	pl_buf_release(&list);
	free(b);
	free(o);
	free(t);
}

/* The delta of path in d, by a binary search: a tree diff is by path. */
static const git_diff_delta *
delta_find(git_diff *d, const char *path)
{
	const git_diff_delta	*x;
	size_t			 lo = 0, hi = git_diff_num_deltas(d), mid;
	int			 c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		x = git_diff_get_delta(d, mid);
		if ((c = strcmp(path, x->new_file.path)) == 0)
			return x;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/*
 * The plan: each file theirs changed since the merge base (or since ours,
 * for a fast-forward), merged with ours where both changed it.
 */
static int
plan_make(struct sync *s, struct plan *p, const git_oid *ours, int ff)
{
	git_tree	*bt = NULL, *ot = NULL, *tt = NULL;
	git_diff	*mine = NULL, *theirs = NULL;
	const git_diff_delta *d, *m;
	git_oid		 base;
	size_t		 i;
	int		 rc, err;

	if (ff)
		git_oid_cpy(&base, ours);
	else if ((rc = git_merge_base(&base, s->repo, ours, &s->theirs)) < 0) {
		err = pl_error_git(rc, "no history in common with the remote");
		goto done;
	}
	if ((err = tree_of(&bt, s->repo, &base)) != PL_OK ||
	    (err = tree_of(&ot, s->repo, ours)) != PL_OK ||
	    (err = tree_of(&tt, s->repo, &s->theirs)) != PL_OK ||
	    (err = diff_trees(&mine, s->repo, bt, ot)) != PL_OK ||
	    (err = diff_trees(&theirs, s->repo, bt, tt)) != PL_OK)
		goto done;
	for (i = 0; i < git_diff_num_deltas(theirs); i++) {
		d = git_diff_get_delta(theirs, i);
		if (ff || (m = delta_find(mine, d->new_file.path)) == NULL) {
			if ((err = take(p, d)) != PL_OK)
				goto done;
		} else
			both(s, p, m, d);
	}
done:
	git_diff_free(mine);
	git_diff_free(theirs);
	git_tree_free(bt);
	git_tree_free(ot);
	git_tree_free(tt);
	return err;
}

static int
conflicts(struct sync *s, const struct plan *p)
{
	struct pl_buf	b = PL_BUF_INIT;
	int		err;

	struct pl_buf	v = PL_BUF_INIT, c = PL_BUF_INIT;

	pl_strlist_join(&b, &p->conflicts, "; ");
	pl_strlist_join(&v, &p->values, "; ");
	pl_strlist_join(&c, &p->settle, "; ");
	err = pl_error_set(PL_ECONFLICT, "cannot merge %s/%s: %s; nothing "
	    "was changed; %s%sto settle it, make this clone say what %s/%s "
	    "says (%s), run pl sync, then change again what should differ",
	    s->r->remote, s->remote_branch, pl_buf_cstr(&b), pl_buf_cstr(&v),
	    v.len > 0 ? "; " : "", s->r->remote, s->remote_branch,
	    pl_buf_cstr(&c));
	pl_buf_release(&b);
	pl_buf_release(&v);
	pl_buf_release(&c);
	return err;
}

static int
stage(struct sync *s, struct pl_tx *tx, const struct change *c)
{
	git_blob	*b = NULL;
	int		 rc, err;

	if (c->remove)
		return pl_tx_remove(tx, c->path);
	if (c->text != NULL)
		return pl_tx_put(tx, c->path, c->text, strlen(c->text));
	if ((rc = git_blob_lookup(&b, s->repo, &c->blob)) < 0)
		return pl_error_git(rc, c->path);
	err = pl_tx_put_mode(tx, c->path, git_blob_rawcontent(b),
	    (size_t)git_blob_rawsize(b), c->exec);
	git_blob_free(b);
	return err;
}

/* Stages the plan and moves the branch: fast-forward or merge commit. */
static int
apply(struct sync *s, struct pl_tx *tx, const struct plan *p, int ff)
{
	struct pl_msg	msg;
	char		hex[GIT_OID_HEXSZ + 1], *id;
	size_t		i;
	int		err = PL_OK;

	for (i = 0; i < p->n && err == PL_OK; i++)
		err = stage(s, tx, &p->v[i]);
	if (err != PL_OK)
		return err;
	git_oid_tostr(hex, sizeof hex, &s->theirs);
	if ((err = pl_tx_merge(tx, hex, ff)) != PL_OK)
		return err;
	id = pl_xasprintf("%s/%s", s->r->remote, s->remote_branch);
	memset(&msg, 0, sizeof msg);
	msg.kind = "sync";
	msg.action = "merge";
	msg.id = id;
	msg.sentence = "Brought in the changes made elsewhere.";
	err = pl_tx_commit(tx, &msg);
	free(id);
	return err;
}

static int
action_rank(enum pl_sync_action a)
{
	return a == PL_SYNC_MERGE ? 2 : a == PL_SYNC_FAST_FORWARD;
}

/* What this try did; after a refused push, the most any try did. */
static void
action_set(struct sync *s, enum pl_sync_action a)
{
	if (!s->again || action_rank(a) >= action_rank(s->r->action))
		s->r->action = a;
}

/* Brings theirs in under the write lock, HEAD read once the lock held. */
static int
bring_in(struct sync *s)
{
	struct pl_tx	*tx = NULL;
	struct plan	 p;
	const git_oid	*head;
	git_oid		 ours;
	size_t		 ahead = 0, behind = 0;
	int		 rc, err, ff;

	memset(&p, 0, sizeof p);
	if (!s->o->dry_run && (err = pl_tx_begin(&tx, s->pf)) != PL_OK)
		return err;
	head = pl_portfolio_head(s->pf);
	git_oid_cpy(&ours, head);
	if (!s->again)
		git_oid_tostr(s->r->before, sizeof s->r->before, &ours);
	git_oid_tostr(s->r->after, sizeof s->r->after, &ours);
	if (!s->have_theirs) {
		action_set(s, PL_SYNC_NEW_REMOTE);
		err = PL_OK;
		goto done;
	}
	if ((rc = git_graph_ahead_behind(&ahead, &behind, s->repo, &ours,
	    &s->theirs)) < 0) {
		err = pl_error_git(rc, "cannot compare with the remote");
		goto done;
	}
	s->r->in += behind;
	s->r->out = ahead;
	if (behind == 0) {
		action_set(s, PL_SYNC_UP_TO_DATE);
		err = PL_OK;
		goto done;
	}
	ff = ahead == 0;
	action_set(s, ff ? PL_SYNC_FAST_FORWARD : PL_SYNC_MERGE);
	if ((err = plan_make(s, &p, &ours, ff)) != PL_OK)
		goto done;
	if (p.conflicts.n > 0) {
		err = conflicts(s, &p);
		goto done;
	}
	if (s->o->dry_run)
		goto done;
	if ((err = apply(s, tx, &p, ff)) != PL_OK)
		goto done;
	git_oid_tostr(s->r->after, sizeof s->r->after,
	    pl_portfolio_head(s->pf));
done:
	plan_release(&p);
	pl_tx_free(tx);
	return err;
}

/*
 * A push to a repository on this machine: the branch moves only from
 * where the fetch found it (theirs), which libgit2's local transport
 * does not check (lib/sync/push-local.c).  The remote-tracking branch follows,
 * as libgit2's push moves it.
 */
static int
push_local(struct sync *s, const char *path, const char *branch)
{
	git_oid	 tip;
	char	*ref = pl_xasprintf("refs/heads/%s", branch);
	char	*dst = pl_xasprintf("refs/heads/%s", s->remote_branch);
	char	*tracking = NULL;
	int	 rc;

	if ((rc = git_reference_name_to_id(&tip, s->repo, ref)) == 0)
		rc = pl_push_local(s->repo, path, dst, &tip, s->have_theirs ?
		    &s->theirs : NULL);
	if (rc == 0 && s->name != NULL) {
		tracking = pl_xasprintf("refs/remotes/%s/%s", s->name,
		    s->remote_branch);
		rc = git_reference_create(NULL, s->repo, tracking, &tip, 1,
		    "update by push");
	}
	free(tracking);
	free(dst);
	free(ref);
	if (rc == 1) {
		s->refused = pl_xstrdup("its branch moved");
		return 1;
	}
	return rc < 0 ? unreachable(s, rc, "push to") : PL_OK;
}

/*
 * Pushes the branch when the remote lacks some of it; never forced.
 * Returns 1 when the push is refused (s->refused says why): the remote's
 * branch moved since the fetch (it is not where the fetch found it, for
 * a remote on this machine; libgit2 finds it has commits this clone
 * lacks, or the server does), or the server said no.
 */
static int
push(struct sync *s, const char *branch)
{
	git_push_options	 po;
	git_strarray		 specs;
	const char		*url;
	char			*spec, *path;
	int			 rc;

	free(s->refused);
	s->refused = NULL;
	if (s->have_theirs && s->r->out == 0 && s->r->action !=
	    PL_SYNC_MERGE)
		return PL_OK;
	if (s->o->dry_run)
		return PL_OK;
	url = git_remote_pushurl(s->remote) != NULL ?
	    git_remote_pushurl(s->remote) : git_remote_url(s->remote);
	if ((path = pl_url_local_path(url)) != NULL) {
		rc = push_local(s, path, branch);
		free(path);
		if (rc == PL_OK)
			s->r->pushed = 1;
		return rc;
	}
	git_push_options_init(&po, GIT_PUSH_OPTIONS_VERSION);
	callbacks(&po.callbacks, s);
	spec = pl_xasprintf("refs/heads/%s:refs/heads/%s", branch,
	    s->remote_branch);
	specs.strings = &spec;
	specs.count = 1;
	rc = git_remote_push(s->remote, &specs, &po);
	free(spec);
	if (rc == GIT_ENONFASTFORWARD) {
		free(s->refused);
		s->refused = pl_xstrdup("its branch moved");
		return 1;
	}
	if (rc < 0)
		return unreachable(s, rc, "push to");
	if (s->refused != NULL)
		return 1;
	s->r->pushed = 1;
	return PL_OK;
}

/*
 * PL_ELOCKED, exit 8 as for a conflict, but not PL_ECONFLICT, which
 * would have pl run the whole sync again (cmd/main.c): the tries are
 * counted here.
 */
static int
refused(struct sync *s, int tries)
{
	return pl_error_set(PL_ELOCKED, tries == 1 ? "%s refused the push "
	    "(%s); nothing was pushed; run pl sync again" : "%s refused the "
	    "push (%s, %d times); nothing was pushed; run pl sync again",
	    s->r->remote, s->refused, tries);
}

static int
branch_name(char **out, git_repository *repo)
{
	git_reference	*head = NULL;
	int		 rc;

	*out = NULL;
	if ((rc = git_repository_head(&head, repo)) < 0 ||
	    !git_reference_is_branch(head)) {
		git_reference_free(head);
		return pl_error_set(PL_EHEAD, "HEAD is not on a branch; check "
		    "one out to sync it");
	}
	*out = pl_xstrdup(git_reference_shorthand(head));
	git_reference_free(head);
	return PL_OK;
}

/*
 * git's lock files a fetch or push takes on the remote-tracking branch
 * and FETCH_HEAD: a pl killed while holding one leaves it, and every
 * later fetch would fail on it.  FETCH_HEAD is the worktree's own, the
 * refs and packed-refs are in the common folder, which every linked
 * worktree shares (git worktree add).  Each sync lists them in
 * <common>/pl/sync.<pid> while it talks to the remote, so that a sync
 * from any worktree that finds the list of a pl that died removes what
 * it names.
 */
static char *
locks_list(struct sync *s)
{
	const char	*git = git_repository_path(s->repo);
	const char	*common = git_repository_commondir(s->repo);

	if (s->name == NULL)
		return pl_xasprintf("%sFETCH_HEAD.lock\n", git);
	return pl_xasprintf("%sFETCH_HEAD.lock\n%srefs/remotes/%s/%s.lock\n"
	    "%spacked-refs.lock\n", git, common, s->name, s->remote_branch,
	    common);
}

/* Removes the locks a dead sync listed, and its list. */
static void
locks_clear(const char *path)
{
	struct pl_buf	 text = PL_BUF_INIT;
	char		*p, *nl;

	if (pl_read_file(&text, path) == 0)
		for (p = text.ptr; p < text.ptr + text.len; p = nl + 1) {
			if ((nl = memchr(p, '\n', text.len - (size_t)(p -
			    text.ptr))) == NULL)
				break;
			*nl = '\0';
			(void)unlink(p);
		}
	pl_error_clear();
	(void)unlink(path);
	pl_buf_release(&text);
}

static void
locks_of_the_dead(const char *dir)
{
	char		*path, *end;
	struct dirent	*d;
	DIR		*dp;

	if ((dp = opendir(dir)) == NULL)
		return;
	while ((d = readdir(dp)) != NULL) {
		if (strncmp(d->d_name, "sync.", 5) != 0)
			continue;
		(void)strtol(d->d_name + 5, &end, 10);
		if (*end != '\0' && strncmp(end, ".pl-tmp-", 8) != 0)
			continue;
		path = pl_xasprintf("%s/%s", dir, d->d_name);
		/* the list, or the list being written when it died */
		if (*end == '\0' && pl_tmp_gone(path, d->d_name + 5))
			locks_clear(path);
		else if (*end != '\0' && pl_tmp_gone(path, end + 8))
			(void)unlink(path);
		free(path);
	}
	closedir(dp);
}

/* The list, held (pl_leftover_hold()) in *held until it is removed. */
static char *
locks_note(struct sync *s, int *held)
{
	char	*dir = pl_xasprintf("%spl",
		    git_repository_commondir(s->repo));
	char	*path = pl_xasprintf("%s/sync.%ld", dir, (long)getpid());
	char	*list = locks_list(s), *own;

	locks_of_the_dead(dir);
	/* where an older pl listed them in a linked worktree */
	if (strcmp(git_repository_path(s->repo),
	    git_repository_commondir(s->repo)) != 0) {
		own = pl_xasprintf("%spl", git_repository_path(s->repo));
		locks_of_the_dead(own);
		free(own);
	}
	pl_cache_save(path, list, strlen(list));
	*held = pl_leftover_hold(path);
	free(list);
	free(dir);
	return path;
}

int
pl_sync(struct pl_sync_result *out, struct pl_portfolio *pf,
    const struct pl_sync_options *o)
{
	struct sync	s;
	git_oid		was;
	char		*note = NULL;
	int		err, had, tries, held = -1;

	memset(out, 0, sizeof *out);
	memset(&s, 0, sizeof s);
	s.pf = pf;
	s.repo = pl_portfolio_repo(pf);
	s.o = o;
	s.r = out;
	if ((err = branch_name(&out->branch, s.repo)) != PL_OK ||
	    (err = remote_find(&s, out->branch)) != PL_OK)
		goto done;
	out->remote_branch = pl_xstrdup(s.remote_branch);
	note = locks_note(&s, &held);
	for (tries = 0;; s.again = 1) {
		git_oid_cpy(&was, &s.theirs);
		had = s.have_theirs;
		if ((err = fetch(&s)) != PL_OK)
			break;
		/* refused, though the branch is where it was: no race */
		if (s.again && had == s.have_theirs && (!had ||
		    git_oid_equal(&was, &s.theirs))) {
			err = refused(&s, tries);
			break;
		}
		if ((err = bring_in(&s)) != PL_OK || !o->push ||
		    (err = push(&s, out->branch)) <= 0)
			break;
		if (++tries == PL_SYNC_TRIES) {
			err = refused(&s, tries);
			break;
		}
	}
done:
	if (note != NULL)
		(void)unlink(note);
	if (held != -1)
		close(held);
	free(note);
	git_remote_free(s.remote);
	free(s.name);
	free(s.remote_branch);
	free(s.refused);
	return err;
}
