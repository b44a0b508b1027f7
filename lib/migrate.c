/*
 * Migration: when a state revises its standards, the codes a learner's
 * goals, evidence and ratings name move to the new ones in one commit,
 * so the history of the work is kept and nothing is aligned twice.
 * Files are rewritten in place where the codes stand, so comments and
 * layout survive; pl_entry_commit_all() writes what could not be.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pl/align.h"
#include "pl/entry.h"
#include "pl/migrate.h"
#include "pl/standards.h"

struct job {
	struct pl_code_map	 map;
	struct pl_strlist	 fw;	/* per pair: the new code's framework */
	char			*used;	/* per pair: some entry names it */
	struct pl_migration	*out;
	struct pl_strlist	*warnings;
};

/* A code to rewrite where the person's file has it. */
struct edit {
	int		 line;
	const char	*old;
	const char	*new;
};

struct edits {
	struct edit	*v;
	size_t		 n;
};

void
pl_migration_release(struct pl_migration *m)
{
	pl_strlist_release(&m->entries);
	pl_strlist_release(&m->changes);
	pl_strlist_release(&m->used);
}

/* The pair whose old code is code, case aside, or -1. */
static long
pair_of(const struct pl_code_map *m, const char *code)
{
	size_t	i;

	for (i = 0; code != NULL && i < m->old.n; i++)
		if (strcasecmp(m->old.v[i], code) == 0)
			return (long)i;
	return -1;
}

/*
 * If scalar n names an old code: notes the edit and the pair, and
 * returns the new code.
 */
static const char *
note(struct job *j, struct edits *ed, char *seen, const struct pl_node *n)
{
	long	k;

	if (n->kind != PL_NODE_SCALAR || (k = pair_of(&j->map,
	    n->value)) < 0)
		return NULL;
	ed->v = pl_xrealloc(ed->v, (ed->n + 1) * sizeof *ed->v);
	ed->v[ed->n].line = n->line;
	ed->v[ed->n].old = n->value;
	ed->v[ed->n++].new = j->map.new.v[k];
	seen[k] = 1;
	return j->map.new.v[k];
}

/* The codes of the standards list, new for old (each once). */
static size_t
new_list(struct job *j, struct edits *ed, char *seen,
    const struct pl_node *std, struct pl_strlist *out)
{
	const struct pl_node	*item;
	const char		*code;
	size_t			 i, n = std->kind == PL_NODE_SEQ ? std->n : 1;
	size_t			 before = ed->n;

	for (i = 0; i < n; i++) {
		item = std->kind == PL_NODE_SEQ ? std->items[i] : std;
		if (item->value == NULL || item->value[0] == '\0')
			continue;
		if ((code = note(j, ed, seen, item)) == NULL)
			code = item->value;
		if (pl_strlist_find(out, code) < 0)
			pl_strlist_push(out, code);
	}
	return ed->n - before;
}

/* Notes the ratings' codes to rewrite; rewrites them after. */
static void
note_ratings(struct job *j, struct edits *ed, char *seen,
    struct pl_node *const *maps, size_t n, int apply)
{
	size_t	i, k;
	long	p;

	for (i = 0; i < n; i++)
		for (k = 0; k < maps[i]->n; k++) {
			if (strcmp(maps[i]->keys[k], "standard") != 0)
				continue;
			if (!apply) {
				note(j, ed, seen, maps[i]->items[k]);
				continue;
			}
			p = pair_of(&j->map, maps[i]->items[k]->value);
			if (p >= 0)
				pl_node_set(maps[i], "standard",
				    j->map.new.v[p], PL_SCALAR_STR);
		}
}

/* 1 when c cannot be part of a code as YAML writes one on a line. */
static int
edge(char c)
{
	return c == '\0' || strchr(" \t\r\n[]{},'\"#:", c) != NULL;
}

/* Replaces the first old standing alone on line (1-based) of t. */
static int
replace_on_line(struct pl_buf *t, int line, const char *old,
    const char *new)
{
	struct pl_buf	 b = PL_BUF_INIT;
	const char	*p = t->ptr, *eol, *at;
	size_t		 len = strlen(old);

	while (--line > 0 && p != NULL)
		if ((p = strchr(p, '\n')) != NULL)
			p++;
	if (p == NULL)
		return 0;
	eol = p + strcspn(p, "\n");
	for (at = p; (at = strstr(at, old)) != NULL && at < eol; at++)
		if ((at == p || edge(at[-1])) && edge(at[len]))
			break;
	if (at == NULL || at >= eol)
		return 0;
	pl_buf_put(&b, t->ptr, (size_t)(at - t->ptr));
	pl_buf_puts(&b, new);
	pl_buf_puts(&b, at + len);
	pl_buf_release(t);
	*t = b;
	return 1;
}

/* The person's text with each edit made where its code stands, or 0. */
static int
patched_text(struct pl_buf *t, const struct pl_entry *e,
    const struct edits *ed)
{
	size_t	i;

	pl_buf_put(t, e->text.ptr, e->text.len);
	pl_buf_puts(t, "");
	for (i = 0; i < ed->n; i++)
		if (!replace_on_line(t, ed->v[i].line, ed->v[i].old,
		    ed->v[i].new))
			return 0;
	return 1;
}

/*
 * Keeps text as e's file when it reads back as e's doc now is: then
 * the commit writes it as it is, comments and all.
 */
static void
keep_text(struct pl_entry *e, struct pl_buf *text)
{
	struct pl_buf	 a = PL_BUF_INIT, b = PL_BUF_INIT;
	struct pl_doc	*doc = NULL;

	if (pl_doc_parse(&doc, e->path, text->ptr, text->len) != PL_OK)
		goto done;
	pl_doc_serialize(doc, &a);
	pl_doc_serialize(e->doc, &b);
	if (a.len == b.len && memcmp(a.ptr, b.ptr, a.len) == 0) {
		pl_buf_release(&e->text);
		e->text = *text;
		memset(text, 0, sizeof *text);
		pl_doc_free(e->doc);
		e->doc = doc;
		doc = NULL;
	}
done:
	pl_error_clear();
	pl_doc_free(doc);
	pl_buf_release(&a);
	pl_buf_release(&b);
}

/* "A -> B, C -> D": the pairs seen, in the file's order. */
static char *
changes_text(struct job *j, const char *seen)
{
	struct pl_buf	b = PL_BUF_INIT;
	size_t		i;

	for (i = 0; i < j->map.old.n; i++)
		if (seen[i]) {
			j->used[i] = 1;
			pl_buf_printf(&b, "%s%s -> %s", b.len ? ", " : "",
			    j->map.old.v[i], j->map.new.v[i]);
		}
	return pl_buf_detach(&b);
}

/*
 * Rewrites e's old codes; 1 when it named any.  An entry whose lists
 * cannot be read is left as it is, with a warning.
 */
static int
migrate_entry(struct job *j, struct pl_entry *e)
{
	const struct pl_node	*std = pl_doc_node(e->doc, "standards");
	struct pl_node *const	*maps = NULL;
	struct pl_strlist	 list = PL_STRLIST_INIT;
	struct pl_buf		 text = PL_BUF_INIT;
	struct edits		 ed = { NULL, 0 };
	size_t			 nmaps = 0, nstd = 0;
	char			*seen = pl_xcalloc(j->map.old.n + 1, 1);
	int			 patched;

	if (pl_doc_get_list(e->doc, e->path, "standards", &list) != PL_OK ||
	    (e->kind == PL_KIND_EVIDENCE && pl_doc_get_maps(e->doc, e->path,
	    "ratings", &maps, &nmaps) != PL_OK)) {
		pl_strlist_push(j->warnings, pl_error_last());
		pl_error_clear();
		goto done;
	}
	pl_strlist_release(&list);
	if (std != NULL)
		nstd = new_list(j, &ed, seen, std, &list);
	note_ratings(j, &ed, seen, maps, nmaps, 0);
	if (ed.n == 0)
		goto done;
	/* The edits point into the nodes that are replaced next */
	patched = patched_text(&text, e, &ed);
	if (nstd > 0)
		pl_doc_set_list(e->doc, "standards", &list);
	note_ratings(j, &ed, seen, maps, nmaps, 1);
	if (patched)
		keep_text(e, &text);
	pl_strlist_push_owned(&j->out->entries, pl_xasprintf("%s %s",
	    pl_kind_name(e->kind), e->id));
	pl_strlist_push_owned(&j->out->changes, changes_text(j, seen));
done:
	pl_strlist_release(&list);
	pl_buf_release(&text);
	free(ed.v);
	free(seen);
	return ed.n > 0;
}

/* Each new code as a committed framework has it, in full. */
static int
resolve(struct job *j, struct pl_portfolio *pf)
{
	struct pl_standards		 stds = { 0 };
	const struct pl_standard	*s;
	char				*why;
	size_t				 i;
	int				 err;

	if ((err = pl_standards_load(&stds, pf, j->warnings)) != PL_OK)
		goto done;
	for (i = 0; i < j->map.new.n; i++) {
		if ((err = pl_standards_find(&s, &stds,
		    j->map.new.v[i])) != PL_OK) {
			why = pl_xstrdup(pl_error_last());
			err = pl_error_set(err, "%s: %s", j->map.where.v[i],
			    why);
			free(why);
			goto done;
		}
		free(j->map.new.v[i]);
		j->map.new.v[i] = pl_xstrdup(s->code);
		pl_strlist_push(&j->fw, s->framework);
	}
done:
	pl_standards_release(&stds);
	return err;
}

/* Goals, then evidence: the entries that named an old code go to put. */
static int
migrate_all(struct job *j, struct pl_portfolio *pf, struct pl_entries *all,
    struct pl_entries *put)
{
	static const enum pl_kind	kinds[] = { PL_KIND_GOAL,
					    PL_KIND_EVIDENCE };
	size_t				k, i;
	int				err;

	for (k = 0; k < 2; k++) {
		if ((err = pl_entry_list(&all[k], pf, kinds[k],
		    j->warnings)) != PL_OK)
			return err;
		put->v = pl_xrealloc(put->v, (put->n + all[k].n + 1) *
		    sizeof *put->v);
		for (i = 0; i < all[k].n; i++)
			if (migrate_entry(j, all[k].v[i]))
				put->v[put->n++] = all[k].v[i];
	}
	return PL_OK;
}

static int
commit(struct job *j, struct pl_portfolio *pf, const struct pl_entries *put)
{
	struct pl_msg	 msg = { "align", "migrate", NULL, NULL, NULL,
			    PL_STRLIST_INIT };
	size_t		 i, n = j->out->used.n;
	char		*subject, *sentence;
	int		 err;

	for (i = 0; i < j->map.old.n && !j->used[i]; i++)
		;
	/* The framework the work moves to names the change */
	msg.id = j->fw.v[i];
	subject = pl_xasprintf("migrate %zu code%s", n, n == 1 ? "" : "s");
	sentence = pl_xasprintf("Migrated %zu code%s in %zu file%s.", n,
	    n == 1 ? "" : "s", put->n, put->n == 1 ? "" : "s");
	msg.subject = subject;
	msg.sentence = sentence;
	for (i = 0; i < n; i++)
		pl_strlist_push_owned(&msg.trailers, pl_xasprintf(
		    "Pl-Migrate: %s", j->out->used.v[i]));
	err = pl_entry_commit_all(pf, &msg, put, NULL, NULL, NULL);
	pl_strlist_release(&msg.trailers);
	free(subject);
	free(sentence);
	return err;
}

int
pl_align_migrate(struct pl_migration *out, struct pl_portfolio *pf,
    const char *file, int dry, struct pl_strlist *warnings)
{
	struct job		 j = { .out = out, .warnings = warnings };
	struct pl_entries	 all[2] = { { 0 }, { 0 } }, put = { 0 };
	struct pl_buf		 in = PL_BUF_INIT;
	size_t			 i;
	int			 err;

	memset(out, 0, sizeof *out);
	if ((err = pl_read_text(&in, file)) != PL_OK ||
	    (err = pl_code_map_read(&j.map, file, in.ptr ? in.ptr : "",
	    in.len)) != PL_OK)
		goto done;
	if (j.map.old.n == 0) {
		err = pl_error_set(PL_EPARSE, "%s: no codes to migrate (a "
		    "row is an old code, a comma and the new code)", file);
		goto done;
	}
	j.used = pl_xcalloc(j.map.old.n, 1);
	if ((err = resolve(&j, pf)) != PL_OK ||
	    (err = migrate_all(&j, pf, all, &put)) != PL_OK)
		goto done;
	for (i = 0; i < j.map.old.n; i++)
		if (j.used[i])
			pl_strlist_push_owned(&out->used, pl_xasprintf(
			    "%s -> %s", j.map.old.v[i], j.map.new.v[i]));
	if (put.n == 0)
		err = pl_error_set(PL_ENOCHANGE, "nothing to migrate: no goal "
		    "or evidence names a code that %s replaces", file);
	else if (!dry)
		err = commit(&j, pf, &put);
done:
	pl_code_map_release(&j.map);
	pl_strlist_release(&j.fw);
	free(j.used);
	free(put.v);
	pl_entries_release(&all[0]);
	pl_entries_release(&all[1]);
	pl_buf_release(&in);
	return err;
}
