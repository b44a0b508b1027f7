/*
 * Removing and renaming entries.  An entry is named by others (goals by
 * child goals, evidence and reflections; evidence by reflections), so
 * neither may leave a name pointing at nothing: a removal is refused
 * while it is named, or takes the names with it when forced, and a
 * rename rewrites them, all in the one commit.
 */
#include <stdlib.h>
#include <string.h>

#include "pl/entries/life.h"
#include "pl/entries/showcase.h"
#include "store/portfolio.h"

/* Which key of which kind names an entry of another kind. */
static const struct ref {
	enum pl_kind	 to;
	enum pl_kind	 from;
	const char	*key;
	int		 list;
} refs[] = {
	{ PL_KIND_GOAL, PL_KIND_GOAL, "parent", 0 },
	{ PL_KIND_GOAL, PL_KIND_EVIDENCE, "goals", 1 },
	{ PL_KIND_GOAL, PL_KIND_REFLECTION, "goals", 1 },
	{ PL_KIND_EVIDENCE, PL_KIND_REFLECTION, "evidence", 1 },
};

/*
 * Has the list under key name to where it named id (to NULL: drops id),
 * each item once.  1 when it named id.  A key that is not a list names
 * nothing (the kind's checks report it where it matters).
 */
static int
relink_list(struct pl_entry *e, const char *key, const char *id,
    const char *to)
{
	struct pl_strlist	 l = PL_STRLIST_INIT, now = PL_STRLIST_INIT;
	const char		*item;
	size_t			 i;
	int			 found = 0;

	if (pl_doc_get_list(e->doc, e->path, key, &l) != PL_OK)
		pl_error_clear();
	for (i = 0; i < l.n; i++) {
		item = l.v[i];
		if (strcmp(item, id) == 0) {
			found = 1;
			item = to;
		}
		if (item != NULL && pl_strlist_find(&now, item) < 0)
			pl_strlist_push(&now, item);
	}
	if (found)
		pl_doc_set_list(e->doc, key, &now);
	pl_strlist_release(&l);
	pl_strlist_release(&now);
	return found;
}

/* Has e name to where r's key named id; 1 when it named id. */
static int
relink(struct pl_entry *e, const struct ref *r, const char *id,
    const char *to)
{
	const char	*v;

	if (r->list)
		return relink_list(e, r->key, id, to);
	v = pl_doc_get(e->doc, r->key);
	if (v == NULL || strcmp(v, id) != 0)
		return 0;
	pl_doc_set(e->doc, r->key, to, PL_SCALAR_STR);
	return 1;
}

/*
 * Into out, every committed entry that names entry id of kind k, changed
 * to name to instead (or nothing); into where, "path (key)" for each.
 * Files that cannot be read are left alone, with a warning.
 */
static int
referrers(struct pl_entries *out, struct pl_strlist *where,
    struct pl_portfolio *pf, enum pl_kind k, const char *id, const char *to)
{
	struct pl_strlist	*notes = pl_portfolio_notes_list(pf);
	struct pl_entries	 l = { NULL, 0 };
	struct pl_strlist	 warn = PL_STRLIST_INIT;
	const struct ref	*r;
	size_t			 i;
	int			 err = PL_OK;

	for (r = refs; err == PL_OK && r < refs + sizeof refs / sizeof *r;
	    r++) {
		if (r->to != k ||
		    (err = pl_entry_list(&l, pf, r->from, &warn)) != PL_OK)
			continue;
		for (i = 0; i < l.n; i++) {
			if ((r->from == k && strcmp(l.v[i]->id, id) == 0) ||
			    !relink(l.v[i], r, id, to))
				continue;
			pl_strlist_push_owned(where, pl_xasprintf("%s (%s)",
			    l.v[i]->path, r->key));
			out->v = pl_xrealloc(out->v, (out->n + 1) *
			    sizeof *out->v);
			out->v[out->n++] = l.v[i];
			l.v[i] = NULL;
		}
		pl_entries_release(&l);
	}
	for (i = 0; i < warn.n; i++)
		pl_strlist_push_owned(notes, pl_xasprintf("%s; references in "
		    "it are left as they are", warn.v[i]));
	pl_strlist_release(&warn);
	return err;
}

/* The entry's file, and an evidence's attached files. */
static int
entry_files(struct pl_strlist *out, struct pl_portfolio *pf,
    const struct pl_entry *e)
{
	char	*dir;
	int	 err;

	pl_strlist_push(out, e->path);
	if (e->kind != PL_KIND_EVIDENCE)
		return PL_OK;
	dir = pl_xasprintf("%s/%s", pl_kind_dir(e->kind), e->id);
	err = pl_portfolio_list_files(out, pf, dir);
	free(dir);
	return err;
}

/* "a, b and c" */
static char *
join(const struct pl_strlist *l)
{
	struct pl_buf	b = PL_BUF_INIT;
	size_t		i;

	for (i = 0; i < l->n; i++)
		pl_buf_printf(&b, "%s%s", i == 0 ? "" : i + 1 == l->n ?
		    " and " : ", ", l->v[i]);
	pl_buf_puts(&b, "");
	return pl_buf_detach(&b);
}

/*
 * The sentence of a commit: "<verb> the <kind> "<title>"<more>, and its
 * references in <where>."  Reflections have no title: their id then.
 */
static char *
sentence(const char *verb, const struct pl_entry *e, const char *more,
    const struct pl_strlist *where)
{
	struct pl_buf	 b = PL_BUF_INIT;
	const char	*t = pl_doc_get(e->doc, "title");
	char		*w;

	pl_buf_printf(&b, "%s the %s ", verb, pl_kind_name(e->kind));
	if (t != NULL && *t != '\0')
		pl_buf_printf(&b, "\"%s\"", t);
	else
		pl_buf_puts(&b, e->id);
	pl_buf_puts(&b, more);
	if (where->n > 0) {
		w = join(where);
		pl_buf_printf(&b, ", and its references in %s", w);
		free(w);
	}
	pl_buf_putc(&b, '.');
	return pl_buf_detach(&b);
}

/* What a removal or a rename reads, changes and commits. */
struct change {
	struct pl_entry		*e;
	struct pl_entries	 put;		/* what names it, rewritten */
	struct pl_strlist	 where;		/* "path (key)" of each */
	struct pl_strlist	 files;		/* its file, attached files */
	struct pl_strlist	 src;		/* attached files to copy */
	struct pl_strlist	 dst;		/* and where to */
	struct pl_strlist	 more;		/* showcases that name it */
	struct pl_strlist	 texts;		/* and their new texts */
	struct pl_msg		 msg;
	char			*sentence;
};

/*
 * Reads entry id of kind k, what names it (renamed to, or dropped when
 * to is NULL) and its files.  to must be free.
 */
static int
change_read(struct change *c, struct pl_portfolio *pf, enum pl_kind k,
    const char *id, const char *to)
{
	int	err;

	memset(c, 0, sizeof *c);
	if ((err = pl_entry_load(&c->e, pf, k, id)) != PL_OK ||
	    (to != NULL && (err = pl_entry_check_new_id(pf, k, to)) !=
	    PL_OK) ||
	    (err = referrers(&c->put, &c->where, pf, k, id, to)) != PL_OK)
		return err;
	/* a showcase follows it without --force: it only chose it */
	if ((k == PL_KIND_EVIDENCE || k == PL_KIND_REFLECTION) &&
	    (err = pl_showcase_follow(pf, id, to, &c->more, &c->texts,
	    &c->where, NULL)) != PL_OK)
		return err;
	return entry_files(&c->files, pf, c->e);
}

/* Commits the change as "<kind>: <action> <id>", the sentence made. */
static int
change_commit(struct change *c, struct pl_portfolio *pf, const char *action,
    const char *verb, const char *more)
{
	c->msg.kind = pl_kind_name(c->e->kind);
	c->msg.action = action;
	c->msg.id = c->e->id;
	c->msg.sentence = c->sentence = sentence(verb, c->e, more, &c->where);
	return pl_entry_commit_all(pf, &c->msg, &c->put, &c->files, &c->src,
	    &c->dst, &c->more, &c->texts);
}

static void
change_release(struct change *c)
{
	pl_entry_free(c->e);
	pl_entries_release(&c->put);
	pl_strlist_release(&c->where);
	pl_strlist_release(&c->files);
	pl_strlist_release(&c->src);
	pl_strlist_release(&c->dst);
	pl_strlist_release(&c->more);
	pl_strlist_release(&c->texts);
	pl_strlist_release(&c->msg.trailers);
	free(c->sentence);
}

int
pl_life_remove(struct pl_portfolio *pf, enum pl_kind k, const char *id,
    int force)
{
	struct change		 c;
	struct pl_strlist	 named;
	char			*names;
	int			 err;

	if ((err = change_read(&c, pf, k, id, NULL)) != PL_OK)
		goto done;
	if (c.put.n > 0 && !force) {
		/* the entries that name it; the showcases come after them */
		named = c.where;
		named.n = c.put.n;
		names = join(&named);
		err = pl_error_set(PL_EEXISTS, "%s '%s' is named by %s; "
		    "nothing removed (--force removes those references too)",
		    pl_kind_name(k), id, names);
		free(names);
		goto done;
	}
	err = change_commit(&c, pf, "rm", "Removed", "");
done:
	change_release(&c);
	return err;
}

/*
 * Names the entry new, and has an evidence's list of files name its new
 * folder (from and to: "evidence/<old>/", "evidence/<new>/").
 */
static void
entry_rename(struct pl_entry *e, const char *new, const char *from,
    const char *to)
{
	struct pl_strlist	l = PL_STRLIST_INIT, now = PL_STRLIST_INIT;
	size_t			i, n = strlen(from);
	int			changed = 0;

	free(e->id);
	free(e->path);
	e->id = pl_xstrdup(new);
	e->path = pl_xasprintf("%s/%s.md", pl_kind_dir(e->kind), new);
	if (e->kind != PL_KIND_EVIDENCE)
		return;
	if (pl_doc_get_list(e->doc, e->path, "files", &l) != PL_OK)
		pl_error_clear();
	for (i = 0; i < l.n; i++) {
		if (strncmp(l.v[i], from, n) != 0) {
			pl_strlist_push(&now, l.v[i]);
			continue;
		}
		pl_strlist_push_owned(&now, pl_xasprintf("%s%s", to,
		    l.v[i] + n));
		changed = 1;
	}
	if (changed)
		pl_doc_set_list(e->doc, "files", &now);
	pl_strlist_release(&l);
	pl_strlist_release(&now);
}

int
pl_life_rename(struct pl_portfolio *pf, enum pl_kind k, const char *old,
    const char *new)
{
	const char	*wd = pl_portfolio_workdir(pf);
	struct change	 c;
	char		*from, *to, *more = NULL;
	size_t		 i;
	int		 err;

	if ((err = change_read(&c, pf, k, old, new)) != PL_OK)
		goto done;
	from = pl_xasprintf("%s/%s/", pl_kind_dir(k), old);
	to = pl_xasprintf("%s/%s/", pl_kind_dir(k), new);
	/* Attached files are copied from their working files, as add does */
	for (i = 1; i < c.files.n; i++) {
		pl_strlist_push_owned(&c.src, pl_xasprintf("%s%s",
		    wd != NULL ? wd : "", c.files.v[i]));
		pl_strlist_push_owned(&c.dst, pl_xasprintf("%s%s", to,
		    c.files.v[i] + strlen(from)));
	}
	entry_rename(c.e, new, from, to);
	free(from);
	free(to);
	/* The renamed file is written with the others */
	c.put.v = pl_xrealloc(c.put.v, (c.put.n + 1) * sizeof *c.put.v);
	c.put.v[c.put.n++] = c.e;
	pl_strlist_push_owned(&c.msg.trailers, pl_xasprintf("Pl-Old-Id: %s",
	    old));
	more = pl_xasprintf(" from %s to %s", old, new);
	err = change_commit(&c, pf, "mv", "Renamed", more);
	c.e = NULL;
done:
	free(more);
	change_release(&c);
	return err;
}
