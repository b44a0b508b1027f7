/*
 * Importing a framework: a school's file read in any of the shapes
 * pl_standards_parse() knows, kept as pl's own CSV so that every later
 * read is the same, simple one.  Importing again is how a revised
 * framework comes in, so the import says what changed and will not drop
 * a code the learner's work still names.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pl/base/doc.h"
#include "pl/entries/entry.h"
#include "pl/entries/framework.h"
#include "pl/base/slug.h"
#include "pl/store/tx.h"

void
pl_framework_diff_release(struct pl_framework_diff *d)
{
	free(d->name);
	pl_strlist_release(&d->added);
	pl_strlist_release(&d->removed);
	pl_strlist_release(&d->reworded);
	memset(d, 0, sizeof *d);
}

/* The name from the file's: "ccss_math.v2.csv" is "ccss-math-v2". */
static int
name_from(char **out, const char *file, const char *given)
{
	const char	*base = strrchr(file, '/'), *dot;
	char		*stem;

	if (given != NULL) {
		*out = pl_xstrdup(given);
		return pl_id_check("framework", given);
	}
	base = base != NULL ? base + 1 : file;
	dot = strrchr(base, '.');
	stem = pl_xstrndup(base, dot != NULL && dot != base ?
	    (size_t)(dot - base) : strlen(base));
	*out = pl_slug_make(stem);
	free(stem);
	if (!pl_id_valid(*out))
		return pl_error_set(PL_EINVAL, "cannot make a framework name "
		    "from '%s'; give one with --framework", file);
	return PL_OK;
}

/* The codes a rating list names: each item's "standard". */
static void
rated(const struct pl_entry *e, struct pl_strlist *out)
{
	const struct pl_node	*r = pl_doc_node(e->doc, "ratings"), *m;
	size_t			 i, k;

	for (i = 0; r != NULL && r->kind == PL_NODE_SEQ && i < r->n; i++) {
		m = r->items[i];
		for (k = 0; m->kind == PL_NODE_MAP && k < m->n; k++)
			if (strcmp(m->keys[k], "standard") == 0 &&
			    m->items[k]->kind == PL_NODE_SCALAR)
				pl_strlist_push(out, m->items[k]->value);
	}
}

static int
names_any(const struct pl_strlist *l, const struct pl_strlist *codes)
{
	size_t	i, j;

	for (i = 0; i < l->n; i++)
		for (j = 0; j < codes->n; j++)
			if (strcasecmp(l->v[i], codes->v[j]) == 0)
				return 1;
	return 0;
}

int
pl_framework_users(struct pl_strlist *out, struct pl_portfolio *pf,
    enum pl_kind k, const struct pl_strlist *codes,
    struct pl_strlist *warnings)
{
	struct pl_entries	 all = { 0 };
	struct pl_strlist	 l = PL_STRLIST_INIT;
	size_t			 i;
	int			 err;

	if ((err = pl_entry_list(&all, pf, k, warnings)) != PL_OK)
		return err;
	for (i = 0; i < all.n; i++) {
		if (pl_doc_get_list(all.v[i]->doc, all.v[i]->path,
		    "standards", &l) != PL_OK)
			pl_strlist_release(&l);
		rated(all.v[i], &l);
		if (names_any(&l, codes))
			pl_strlist_push(out, all.v[i]->id);
		pl_strlist_release(&l);
	}
	pl_entries_release(&all);
	return PL_OK;
}

/* "goal a, goal b, evidence c": who names codes, or "" for no one. */
static int
users_text(struct pl_buf *out, struct pl_portfolio *pf,
    const struct pl_strlist *codes, struct pl_strlist *warnings)
{
	static const enum pl_kind	 kinds[] = { PL_KIND_GOAL,
					    PL_KIND_EVIDENCE };
	struct pl_strlist		 ids = PL_STRLIST_INIT;
	size_t				 i, k;
	int				 err = PL_OK;

	for (k = 0; err == PL_OK && k < 2; k++) {
		err = pl_framework_users(&ids, pf, kinds[k], codes,
		    warnings);
		for (i = 0; err == PL_OK && i < ids.n; i++)
			pl_buf_printf(out, "%s%s %s", out->len ? ", " : "",
			    pl_kind_name(kinds[k]), ids.v[i]);
		pl_strlist_release(&ids);
	}
	return err;
}

/* Fills d's added, removed and reworded from old to new. */
static void
diff(struct pl_framework_diff *d, const struct pl_standards *old,
    const struct pl_standards *new)
{
	size_t	i;
	long	k;

	for (i = 0; i < new->n; i++) {
		if ((k = pl_standards_index(old, new->v[i].code)) < 0)
			pl_strlist_push(&d->added, new->v[i].code);
		else if (strcmp(old->v[k].description,
		    new->v[i].description) != 0)
			pl_strlist_push(&d->reworded, new->v[i].code);
	}
	for (i = 0; i < old->n; i++)
		if (pl_standards_index(new, old->v[i].code) < 0)
			pl_strlist_push(&d->removed, old->v[i].code);
}

/*
 * Refuses to drop codes the learner's work names, unless forced; forced,
 * warns that they can be migrated.
 */
static int
check_removed(struct pl_portfolio *pf, const struct pl_strlist *removed,
    int force, struct pl_strlist *warnings)
{
	struct pl_strlist	 one = PL_STRLIST_INIT, w = PL_STRLIST_INIT;
	struct pl_buf		 b = PL_BUF_INIT, used = PL_BUF_INIT;
	size_t			 i;
	int			 err = PL_OK;

	for (i = 0; err == PL_OK && i < removed->n; i++) {
		pl_strlist_push(&one, removed->v[i]);
		pl_strlist_release(&w);
		pl_buf_clear(&b);
		err = users_text(&b, pf, &one, &w);
		if (err == PL_OK && b.len > 0 && !force)
			err = pl_error_set(PL_EEXISTS, "standard '%s' is "
			    "named by %s; nothing imported (--force drops it "
			    "anyway; then 'pl align migrate' moves the work "
			    "to new codes)", removed->v[i], b.ptr);
		else if (err == PL_OK && b.len > 0)
			pl_buf_printf(&used, "%s%s", used.len ? ", " : "",
			    removed->v[i]);
		pl_strlist_release(&one);
	}
	/* An entry that cannot be read is named once, not per code */
	for (i = 0; i < w.n; i++)
		pl_strlist_push(warnings, w.v[i]);
	if (err == PL_OK && used.len > 0)
		pl_strlist_push_owned(warnings, pl_xasprintf("goals or "
		    "evidence still name %s; 'pl align migrate' moves them to "
		    "new codes", used.ptr));
	pl_strlist_release(&w);
	pl_buf_release(&b);
	pl_buf_release(&used);
	return err;
}

static int
commit(struct pl_portfolio *pf, const struct pl_framework_diff *d,
    const char *path, const struct pl_buf *text)
{
	struct pl_msg	 msg = { "align", "import", d->name, NULL, NULL,
			    PL_STRLIST_INIT };
	struct pl_tx	*tx = NULL;
	char		*sentence;
	int		 err;

	if (d->updated)
		sentence = pl_xasprintf("Updated framework %s: %zu added, "
		    "%zu removed, %zu reworded; %zu standard%s.", d->name,
		    d->added.n, d->removed.n, d->reworded.n, d->n,
		    d->n == 1 ? "" : "s");
	else
		sentence = pl_xasprintf("Imported framework %s: %zu "
		    "standard%s.", d->name, d->n, d->n == 1 ? "" : "s");
	msg.sentence = sentence;
	if ((err = pl_tx_begin(&tx, pf)) == PL_OK &&
	    (err = pl_tx_put(tx, path, text->ptr, text->len)) == PL_OK)
		err = pl_tx_commit(tx, &msg);
	pl_tx_free(tx);
	free(sentence);
	return err;
}

int
pl_framework_import(struct pl_framework_diff *d, struct pl_portfolio *pf,
    const char *file, const char *name, int force,
    struct pl_strlist *warnings)
{
	struct pl_standards	 new = { 0 }, old = { 0 };
	struct pl_buf		 in = PL_BUF_INIT, was = PL_BUF_INIT;
	struct pl_buf		 text = PL_BUF_INIT;
	char			*path = NULL;
	int			 err;

	memset(d, 0, sizeof *d);
	if ((err = name_from(&d->name, file, name)) != PL_OK ||
	    (err = pl_read_text(&in, file)) != PL_OK ||
	    (err = pl_standards_parse(&new, d->name, file, in.ptr ? in.ptr :
	    "", in.len, warnings)) != PL_OK)
		goto done;
	if (new.n == 0) {
		err = pl_error_set(PL_EPARSE, "%s: not a framework: no "
		    "standards in it", file);
		goto done;
	}
	d->n = new.n;
	if (new.replaced.old.n > 0)
		pl_strlist_push_owned(warnings, pl_xasprintf("%s replaces "
		    "%zu code%s; 'pl align migrate %s' moves the work to the "
		    "new ones", file, new.replaced.old.n,
		    new.replaced.old.n == 1 ? "" : "s", file));
	path = pl_xasprintf("%s/%s.csv", PL_STANDARDS_DIR, d->name);
	pl_standards_write(&new, &text);
	if ((err = pl_portfolio_read(&was, pf, path)) == PL_OK) {
		d->updated = 1;
		if (pl_standards_parse(&old, d->name, path, was.ptr, was.len,
		    NULL) == PL_OK)
			diff(d, &old, &new);
		if (was.len == text.len && memcmp(was.ptr, text.ptr,
		    text.len) == 0)
			goto done;
	} else if (err != PL_ENOTFOUND)
		goto done;
	if ((err = check_removed(pf, &d->removed, force, warnings)) != PL_OK)
		goto done;
	err = commit(pf, d, path, &text);
done:
	pl_standards_release(&new);
	pl_standards_release(&old);
	pl_buf_release(&in);
	pl_buf_release(&was);
	pl_buf_release(&text);
	free(path);
	return err;
}
