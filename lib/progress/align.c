/*
 * Alignment, ratings and coverage.  Codes are resolved against the
 * frameworks when a person names them and written in full, so the files
 * say exactly which standard they mean whatever frameworks come later.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/identity.h"
#include "pl/progress/align.h"
#include "pl/entries/evidence.h"
#include "pl/entries/kinds.h"
#include "pl/base/text.h"

int
pl_align_resolve(struct pl_strlist *out, struct pl_portfolio *pf,
    const struct pl_strlist *codes)
{
	struct pl_standards		 stds = { 0 };
	struct pl_strlist		 warn = PL_STRLIST_INIT;
	const struct pl_standard	*s;
	size_t				 i;
	int				 err;

	if (codes->n == 0)
		return PL_OK;
	if ((err = pl_standards_load_codes(&stds, pf, codes, &warn)) != PL_OK)
		goto done;
	if (pl_standards_total(&stds) == 0) {
		err = pl_error_set(PL_ENOTFOUND, "no standards in the "
		    "portfolio; import a framework with 'pl align import'");
		goto done;
	}
	for (i = 0; i < codes->n; i++) {
		if ((err = pl_standards_find(&s, &stds, codes->v[i])) != PL_OK)
			goto done;
		if (pl_strlist_find(out, s->code) < 0)
			pl_strlist_push(out, s->code);
	}
done:
	pl_standards_release(&stds);
	pl_strlist_release(&warn);
	return err;
}

/* 1 when code names have: in full in any case, or as a '.' suffix. */
static int
code_names(const char *have, const char *code)
{
	size_t	h = strlen(have), c = strlen(code);

	if (strcasecmp(have, code) == 0)
		return 1;
	return c < h && have[h - c - 1] == '.' &&
	    strcasecmp(have + h - c, code) == 0;
}

/* The index in list of the one code that code names, as find does. */
static int
match_code(const struct pl_strlist *list, const char *code, const char *id)
{
	size_t	i;
	int	found = -1;

	for (i = 0; i < list->n; i++)
		if (strcmp(list->v[i], code) == 0)
			return (int)i;
	for (i = 0; i < list->n; i++) {
		if (!code_names(list->v[i], code))
			continue;
		if (found >= 0)
			return pl_error_set(PL_EINVAL, "standard '%s' is "
			    "ambiguous: '%s', '%s'", code, list->v[found],
			    list->v[i]);
		found = (int)i;
	}
	if (found < 0)
		return pl_error_set(PL_ENOTFOUND, "'%s' is not aligned to "
		    "'%s'", id, code);
	return found;
}

/* Applies codes to list; the codes that changed it go to done. */
static int
edit_codes(struct pl_strlist *list, struct pl_strlist *done,
    const struct pl_strlist *codes, int remove, const char *id)
{
	size_t	i, k;
	int	at;

	for (i = 0; i < codes->n; i++) {
		if (!remove) {
			for (k = 0; k < list->n; k++)
				if (strcasecmp(list->v[k], codes->v[i]) == 0)
					break;
			if (k < list->n)
				continue;
			pl_strlist_push(list, codes->v[i]);
			pl_strlist_push(done, codes->v[i]);
			continue;
		}
		if ((at = match_code(list, codes->v[i], id)) < 0)
			return at;
		pl_strlist_push_owned(done, list->v[at]);
		memmove(&list->v[at], &list->v[at + 1],
		    (list->n - (size_t)at - 1) * sizeof *list->v);
		list->n--;
	}
	return PL_OK;
}

static void
join(struct pl_buf *b, const struct pl_strlist *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		pl_buf_printf(b, "%s%s", i > 0 ? ", " : "", l->v[i]);
}

int
pl_align_entry(struct pl_portfolio *pf, enum pl_kind kind, const char *id,
    const struct pl_strlist *codes, int remove)
{
	struct pl_entry		*e = NULL;
	struct pl_strlist	 list = PL_STRLIST_INIT, done = PL_STRLIST_INIT;
	struct pl_msg		 msg = { 0 };
	struct pl_buf		 subject = PL_BUF_INIT, sentence = PL_BUF_INIT;
	size_t			 i;
	int			 err;

	if ((err = pl_entry_load(&e, pf, kind, id)) != PL_OK ||
	    (err = pl_doc_get_list(e->doc, e->path, "standards", &list)) !=
	    PL_OK ||
	    (err = edit_codes(&list, &done, codes, remove, id)) != PL_OK)
		goto done;
	if (done.n == 0) {
		err = pl_error_set(PL_ENOCHANGE, "%s '%s' is aligned to "
		    "%s already", pl_kind_name(kind), id,
		    codes->n == 1 ? "it" : "them");
		goto done;
	}
	pl_doc_set_list(e->doc, "standards", &list);
	pl_buf_printf(&subject, "%s %s %s ", remove ? "unalign" : "align",
	    id, remove ? "from" : "with");
	join(&subject, &done);
	pl_buf_printf(&sentence, "%s %s %s %s ", remove ? "Unaligned" :
	    "Aligned", pl_kind_name(kind), id, remove ? "from" : "with");
	join(&sentence, &done);
	pl_buf_putc(&sentence, '.');
	for (i = 0; i < done.n; i++)
		pl_strlist_push_owned(&msg.trailers, pl_xasprintf(
		    "Pl-Standard: %s", done.v[i]));
	msg.action = remove ? "unalign" : "align";
	msg.subject = subject.ptr;
	msg.sentence = sentence.ptr;
	err = pl_entry_commit(pf, pl_kinds_get(kind), e, &msg, NULL, NULL);
done:
	pl_entry_free(e);
	pl_strlist_release(&list);
	pl_strlist_release(&done);
	pl_strlist_release(&msg.trailers);
	pl_buf_release(&subject);
	pl_buf_release(&sentence);
	return err;
}

static int
bad_rating(const struct pl_entry *e, const struct pl_node *m, size_t i,
    const char *what)
{
	return pl_error_set(PL_EPARSE, "%s:%d: rating %zu: %s", e->path,
	    m->line, i + 1, what);
}

int
pl_ratings_read(struct pl_rating **v, size_t *n, const struct pl_entry *e,
    const struct pl_scale *scale)
{
	struct pl_node *const	*maps;
	struct pl_rating	*r;
	const char		*level;
	size_t			 i, count;
	int			 err;

	*v = NULL;
	*n = 0;
	if ((err = pl_doc_get_maps(e->doc, e->path, "ratings", &maps,
	    &count)) != PL_OK || count == 0)
		return err;
	*v = pl_xcalloc(count, sizeof **v);
	for (i = 0; i < count; i++) {
		r = &(*v)[i];
		r->evidence = e->id;
		r->order = i;
		r->work_date = pl_doc_get(e->doc, "date");
		r->standard = pl_node_get(maps[i], "standard");
		r->by = pl_node_get(maps[i], "by");
		r->date = pl_node_get(maps[i], "date");
		r->note = pl_node_get(maps[i], "note");
		level = pl_node_get(maps[i], "level");
		if (r->standard == NULL)
			err = bad_rating(e, maps[i], i, "'standard' is missing");
		else if (level == NULL)
			err = bad_rating(e, maps[i], i, "'level' is missing");
		else if (pl_scale_level(&r->level, scale, level) != PL_OK)
			err = bad_rating(e, maps[i], i, pl_error_last());
		if (err != PL_OK) {
			free(*v);
			*v = NULL;
			return err;
		}
	}
	*n = count;
	return PL_OK;
}

/* "Name <email>" of the author a commit made now would have. */
static int
rater(char **out, struct pl_portfolio *pf, const char *by)
{
	git_signature	*a = NULL, *c = NULL;
	int		 err;

	if (by != NULL && (err = pl_portfolio_set_author(pf, by)) != PL_OK)
		return err;
	if ((err = pl_portfolio_signatures(&a, &c, pf)) != PL_OK)
		return err;
	*out = pl_xasprintf("%s <%s>", a->name, a->email);
	git_signature_free(a);
	git_signature_free(c);
	return PL_OK;
}

/* The rating's mapping and what the commit says of it. */
static void
rate_write(struct pl_entry *e, struct pl_msg *msg, const char *code,
    const char *level, const char *by, const char *day, const char *note)
{
	struct pl_node		*m = pl_node_map();
	struct pl_strlist	 std = PL_STRLIST_INIT;

	pl_node_set(m, "standard", code, PL_SCALAR_STR);
	pl_node_set(m, "level", level, PL_SCALAR_PLAIN);
	pl_node_set(m, "by", by, PL_SCALAR_STR);
	pl_node_set(m, "date", day, PL_SCALAR_PLAIN);
	if (note != NULL)
		pl_node_set(m, "note", note, PL_SCALAR_STR);
	pl_doc_append(e->doc, "ratings", m);
	/* Checked by the caller: a list of strings */
	if (pl_doc_get_list(e->doc, e->path, "standards", &std) == PL_OK &&
	    pl_strlist_find(&std, code) < 0) {
		pl_strlist_push(&std, code);
		pl_doc_set_list(e->doc, "standards", &std);
	}
	pl_strlist_release(&std);
	msg->action = "rate";
	pl_strlist_push_owned(&msg->trailers, pl_xasprintf("Pl-Standard: %s",
	    code));
	pl_strlist_push_owned(&msg->trailers, pl_xasprintf("Pl-Level: %s",
	    level));
	pl_strlist_push_owned(&msg->trailers, pl_xasprintf("Pl-Rater: %s",
	    by));
}

/* Checks what pl_rate() needs of e: its ratings and standards lists. */
static int
rate_check_entry(const struct pl_entry *e, const struct pl_scale *scale)
{
	struct pl_rating	*v = NULL;
	struct pl_strlist	 std = PL_STRLIST_INIT;
	size_t			 n;
	int			 err;

	if ((err = pl_evidence_check(e)) == PL_OK &&
	    (err = pl_ratings_read(&v, &n, e, scale)) == PL_OK)
		err = pl_doc_get_list(e->doc, e->path, "standards", &std);
	free(v);
	pl_strlist_release(&std);
	return err;
}

int
pl_rate(struct pl_portfolio *pf, const struct pl_rate_spec *s)
{
	struct pl_scale		 scale;
	struct pl_entry		*e = NULL;
	struct pl_strlist	 one = PL_STRLIST_INIT, code = PL_STRLIST_INIT;
	struct pl_buf		 level = PL_BUF_INIT;
	struct pl_msg		 msg = { 0 };
	struct pl_date		 date;
	char			 day[PL_DATE_LEN], *by = NULL;
	char			*subject = NULL, *sentence = NULL;
	double			 x;
	int			 err;

	pl_strlist_push(&one, s->code);
	if ((err = pl_scale_load(&scale, pf)) != PL_OK ||
	    (err = pl_entry_load(&e, pf, PL_KIND_EVIDENCE, s->evidence)) !=
	    PL_OK ||
	    (err = pl_align_resolve(&code, pf, &one)) != PL_OK ||
	    (err = pl_scale_level(&x, &scale, s->level)) != PL_OK ||
	    (err = pl_entry_date(&date, pf, s->date)) != PL_OK ||
	    (s->note != NULL &&
	    (err = pl_text_check_line("a note", s->note)) != PL_OK) ||
	    (err = rate_check_entry(e, &scale)) != PL_OK ||
	    (err = rater(&by, pf, s->by)) != PL_OK)
		goto done;
	pl_date_format(day, date);
	pl_level_format(&level, x);
	rate_write(e, &msg, code.v[0], level.ptr, by, day, s->note);
	subject = pl_xasprintf("rate %s %s %s", e->id, code.v[0], level.ptr);
	sentence = pl_xasprintf("%s rated %s against %s: %s.", by, e->id,
	    code.v[0], level.ptr);
	msg.subject = subject;
	msg.sentence = sentence;
	err = pl_entry_commit(pf, &pl_evidence_ops, e, &msg, NULL, NULL);
done:
	pl_scale_release(&scale);
	pl_entry_free(e);
	pl_strlist_release(&one);
	pl_strlist_release(&code);
	pl_strlist_release(&msg.trailers);
	pl_buf_release(&level);
	free(by);
	free(subject);
	free(sentence);
	return err;
}

/* Coverage: what each standard in scope has aligned to it and rated. */

struct status_ctx {
	struct pl_align_status	*st;
	long			*row_of;	/* per standard: row or -1 */
	struct pl_strlist	*warnings;
};

/*
 * The row of the standard code names, or NULL when out of scope; a code
 * no framework has is a warning, counted in *left.
 */
static struct pl_align_row *
row_for(struct status_ctx *c, const struct pl_entry *e, const char *code,
    size_t *left)
{
	const struct pl_standard	*s;
	long				 r;

	if (pl_standards_find(&s, &c->st->stds, code) != PL_OK) {
		pl_strlist_push_owned(c->warnings, pl_xasprintf("%s: %s",
		    e->path, pl_error_last()));
		pl_error_clear();
		(*left)++;
		return NULL;
	}
	r = c->row_of[s - c->st->stds.v];
	return r < 0 ? NULL : &c->st->rows[r];
}

/* Entries are added one at a time, so a repeat can only be the last. */
static void
push_once(struct pl_strlist *l, const char *id)
{
	if (l->n == 0 || strcmp(l->v[l->n - 1], id) != 0)
		pl_strlist_push(l, id);
}

static int
in_scope(const struct pl_standard *s, const struct pl_align_scope *sc,
    const struct pl_strlist *goal_codes)
{
	size_t	i;

	if ((sc->framework != NULL && strcmp(s->framework, sc->framework)) ||
	    (sc->grade != NULL && !pl_grade_has(s->grade, sc->grade)) ||
	    (sc->subject != NULL && strcasecmp(s->subject, sc->subject)))
		return 0;
	if (sc->goal == NULL)
		return 1;
	for (i = 0; i < goal_codes->n; i++)
		if (code_names(s->code, goal_codes->v[i]))
			return 1;
	return 0;
}

/*
 * The standards list of e, or none (with a warning, counted in *left)
 * when broken.
 */
static void
entry_codes(struct pl_strlist *out, const struct pl_entry *e,
    struct pl_strlist *warnings, size_t *left)
{
	if (pl_doc_get_list(e->doc, e->path, "standards", out) != PL_OK) {
		pl_strlist_push(warnings, pl_error_last());
		pl_strlist_release(out);
		(*left)++;
	}
}

static const struct pl_entry *
find_entry(const struct pl_entries *l, const char *id)
{
	long	i = pl_entries_find(l, id);

	return i >= 0 ? l->v[i] : NULL;
}

static void
add_goals(struct status_ctx *c)
{
	struct pl_strlist	 codes = PL_STRLIST_INIT;
	struct pl_align_row	*row;
	size_t			 i, k;

	for (i = 0; i < c->st->goals.n; i++) {
		entry_codes(&codes, c->st->goals.v[i], c->warnings,
		    &c->st->left_links);
		for (k = 0; k < codes.n; k++)
			if ((row = row_for(c, c->st->goals.v[i],
			    codes.v[k], &c->st->left_links)) != NULL)
				push_once(&row->goals, c->st->goals.v[i]->id);
		pl_strlist_release(&codes);
	}
}

/* Its own codes and those of the goals it serves. */
static void
evidence_codes(struct pl_strlist *out, struct status_ctx *c,
    const struct pl_entry *e)
{
	struct pl_strlist	 goals = PL_STRLIST_INIT;
	const struct pl_entry	*g;
	size_t			 i;

	entry_codes(out, e, c->warnings, &c->st->left_links);
	if (pl_doc_get_list(e->doc, e->path, "goals", &goals) != PL_OK)
		pl_error_clear();
	for (i = 0; i < goals.n; i++)
		if ((g = find_entry(&c->st->goals, goals.v[i])) != NULL)
			entry_codes(out, g, c->warnings, &c->st->left_links);
	pl_strlist_release(&goals);
}

static void
add_rating(struct pl_align_row *row, const struct pl_rating *r)
{
	if ((row->nratings & (row->nratings - 1)) == 0)
		row->ratings = pl_xrealloc(row->ratings, (row->nratings == 0 ?
		    1 : 2 * row->nratings) * sizeof *row->ratings);
	row->ratings[row->nratings++] = *r;
}

static void
add_evidence(struct status_ctx *c, const struct pl_scale *scale)
{
	const struct pl_entry	*e;
	struct pl_strlist	 codes = PL_STRLIST_INIT;
	struct pl_align_row	*row;
	struct pl_rating	*v;
	size_t			 i, k, n;

	for (i = 0; i < c->st->evidence.n; i++) {
		e = c->st->evidence.v[i];
		evidence_codes(&codes, c, e);
		for (k = 0; k < codes.n; k++)
			if ((row = row_for(c, e, codes.v[k],
			    &c->st->left_links)) != NULL)
				push_once(&row->evidence, e->id);
		pl_strlist_release(&codes);
		if (pl_ratings_read(&v, &n, e, scale) != PL_OK) {
			pl_strlist_push(c->warnings, pl_error_last());
			c->st->left_ratings++;
			continue;
		}
		for (k = 0; k < n; k++)
			if ((row = row_for(c, e, v[k].standard,
			    &c->st->left_ratings)) != NULL) {
				add_rating(row, &v[k]);
				push_once(&row->evidence, e->id);
			}
		free(v);
	}
}

/* The rows of the standards in scope, and row_of for each standard. */
static int
make_rows(struct status_ctx *c, struct pl_portfolio *pf,
    const struct pl_align_scope *sc)
{
	struct pl_align_status	*st = c->st;
	struct pl_strlist	 goal_codes = PL_STRLIST_INIT;
	const struct pl_entry	*g = NULL;
	const struct pl_standard *f;
	size_t			 i;

	if (sc->goal != NULL) {
		if ((g = find_entry(&st->goals, sc->goal)) == NULL) {
			/* Says why: unknown, or a file that cannot be read */
			struct pl_entry	*e = NULL;
			int		 err = pl_entry_load(&e, pf,
			    PL_KIND_GOAL, sc->goal);

			pl_entry_free(e);
			return err != PL_OK ? err : pl_error_set(PL_ENOTFOUND,
			    "unknown goal '%s'", sc->goal);
		}
		entry_codes(&goal_codes, g, c->warnings, &st->left_links);
	}
	c->row_of = pl_xcalloc(st->stds.n + 1, sizeof *c->row_of);
	st->rows = pl_xcalloc(st->stds.n + 1, sizeof *st->rows);
	for (i = 0; i < st->stds.n; i++)
		c->row_of[i] = -1;
	for (i = 0; i < st->stds.n; i++) {
		if (!in_scope(&st->stds.v[i], sc, &goal_codes))
			continue;
		/*
		 * Entries name a code, not a framework, and a code is found
		 * as f: a code two frameworks share is one row, and f leads
		 * to it.
		 */
		if (pl_standards_find(&f, &st->stds, st->stds.v[i].code) !=
		    PL_OK)
			f = &st->stds.v[i];
		if (c->row_of[f - st->stds.v] >= 0) {
			c->row_of[i] = c->row_of[f - st->stds.v];
			continue;
		}
		c->row_of[i] = c->row_of[f - st->stds.v] = (long)st->n;
		st->rows[st->n++].std = &st->stds.v[i];
	}
	pl_strlist_release(&goal_codes);
	return PL_OK;
}

/* Every code the entries name: in standards lists and ratings. */
static void
named_codes(struct pl_strlist *out, const struct pl_entries *l)
{
	struct pl_node *const	*maps;
	const char		*code;
	size_t			 i, k, n;

	for (i = 0; i < l->n; i++) {
		if (pl_doc_get_list(l->v[i]->doc, l->v[i]->path, "standards",
		    out) != PL_OK)
			pl_error_clear();
		n = 0;
		if (pl_doc_get_maps(l->v[i]->doc, l->v[i]->path, "ratings",
		    &maps, &n) != PL_OK)
			pl_error_clear();
		for (k = 0; k < n; k++)
			if ((code = pl_node_get(maps[k], "standard")) != NULL)
				pl_strlist_push(out, code);
	}
}

/*
 * The standards for st: every one, or (named) only those its entries
 * name, so a report over a framework of a million rows pays for the
 * codes in use.
 */
static int
status_standards(struct pl_align_status *st, struct pl_portfolio *pf,
    int named, struct pl_strlist *warnings)
{
	struct pl_strlist	codes = PL_STRLIST_INIT;
	int			err;

	if (!named)
		return pl_standards_load(&st->stds, pf, warnings);
	named_codes(&codes, &st->goals);
	named_codes(&codes, &st->evidence);
	err = pl_standards_load_codes(&st->stds, pf, &codes, warnings);
	pl_strlist_release(&codes);
	return err;
}

const char *const pl_scope_names[] = { "all", "grade", "aligned", NULL };

int
pl_scope_parse(enum pl_scope *out, const char *name)
{
	size_t	i;

	for (i = 0; pl_scope_names[i] != NULL; i++)
		if (strcmp(name, pl_scope_names[i]) == 0) {
			*out = (enum pl_scope)i;
			return PL_OK;
		}
	return pl_error_set(PL_EINVAL, "unknown scope '%s' (use grade, "
	    "aligned or all)", name);
}

/* 1 when the profile names a grade: an empty one is none. */
static int
has_grade(const char *grade)
{
	return grade != NULL && *grade != '\0';
}

enum pl_scope
pl_scope_used(enum pl_scope asked, const char *grade, size_t of_grade)
{
	if (asked == PL_SCOPE_GRADE && (!has_grade(grade) || of_grade == 0))
		return PL_SCOPE_ALIGNED;
	return asked;
}

void
pl_scope_words(struct pl_buf *out, enum pl_scope asked, enum pl_scope used,
    const char *grade)
{
	if (used == PL_SCOPE_ALL)
		pl_buf_puts(out, "every standard of the frameworks");
	else if (used == PL_SCOPE_GRADE)
		pl_buf_printf(out, "the standards of grade %s and those "
		    "aligned", grade);
	else if (asked != PL_SCOPE_GRADE)
		pl_buf_puts(out, "the standards aligned");
	else if (!has_grade(grade))
		pl_buf_puts(out, "the standards aligned (the profile has no "
		    "grade)");
	else
		pl_buf_printf(out, "the standards aligned (no standard is of "
		    "grade %s)", grade);
}

/* 1 when the learner's scope of st, as used, takes in row. */
static int
in_learner_scope(const struct pl_align_status *st,
    const struct pl_align_row *row)
{
	if (st->scope == PL_SCOPE_ALL)
		return 1;
	if (row->goals.n > 0 || row->evidence.n > 0)
		return 1;
	return st->scope == PL_SCOPE_GRADE &&
	    pl_grade_has(row->std->grade, st->grade);
}

/*
 * The standards of st's grade: of the frameworks (named: the rows are
 * only those its entries name), or of its rows.
 */
static size_t
grade_count(const struct pl_align_status *st, int named)
{
	size_t	i, n = 0;

	if (!has_grade(st->grade))
		return 0;
	if (named)
		return pl_standards_of_grade(&st->stds, st->grade);
	for (i = 0; i < st->n; i++)
		n += pl_grade_has(st->rows[i].std->grade, st->grade);
	return n;
}

static void
row_release(struct pl_align_row *row)
{
	pl_strlist_release(&row->goals);
	pl_strlist_release(&row->evidence);
	free(row->ratings);
}

/*
 * Keeps the rows the learner's scope takes in (named: all of them, and
 * counts those of the grade no entry names), and counts them.
 */
static void
apply_scope(struct pl_align_status *st, const struct pl_align_scope *sc,
    int named)
{
	size_t	i, n = 0, grade = 0;

	st->grade = sc->learner_grade != NULL ?
	    pl_xstrdup(sc->learner_grade) : NULL;
	if (sc->learner == PL_SCOPE_GRADE)
		grade = grade_count(st, named);
	st->scope = pl_scope_used(sc->learner, st->grade, grade);
	st->total = named ? pl_standards_distinct(&st->stds) : st->n;
	for (i = 0; i < st->n; i++) {
		if (!in_learner_scope(st, &st->rows[i])) {
			row_release(&st->rows[i]);
			continue;
		}
		st->rows[n++] = st->rows[i];
		st->covered += st->rows[i].evidence.n > 0;
		st->mastered += st->rows[i].mastery.mastered;
	}
	st->n = n;
	st->in_scope = named && st->scope == PL_SCOPE_ALL ? st->total : n;
	/* the grade's standards no entry names are rows only when named */
	if (named && st->scope == PL_SCOPE_GRADE)
		for (i = 0, st->in_scope = grade; i < n; i++)
			st->in_scope += !pl_grade_has(st->rows[i].std->grade,
			    st->grade);
}

/* The rows of st, its goals and evidence read. */
static int
status_fill(struct pl_align_status *st, struct pl_portfolio *pf,
    const struct pl_scale *scale, enum pl_method method,
    const struct pl_align_scope *sc, int named, struct pl_strlist *warnings)
{
	struct status_ctx	 c = { st, NULL, warnings };
	struct pl_align_row	*row;
	size_t			 i, before = warnings->n;
	int			 err;

	if ((err = status_standards(st, pf, named, warnings)) != PL_OK)
		goto done;
	st->left_files = warnings->n - before;
	if ((err = make_rows(&c, pf, sc)) != PL_OK)
		goto done;
	add_goals(&c);
	add_evidence(&c, scale);
	for (i = 0; i < st->n; i++) {
		row = &st->rows[i];
		pl_ratings_sort(row->ratings, row->nratings);
		pl_mastery_compute(&row->mastery, scale, method, row->ratings,
		    row->nratings);
	}
	apply_scope(st, sc, named);
done:
	free(c.row_of);
	return err;
}

int
pl_align_status(struct pl_align_status *st, struct pl_portfolio *pf,
    const struct pl_scale *scale, enum pl_method method,
    const struct pl_align_scope *sc, struct pl_strlist *warnings)
{
	int	err;

	memset(st, 0, sizeof *st);
	if ((err = pl_entry_list(&st->goals, pf, PL_KIND_GOAL, warnings)) !=
	    PL_OK ||
	    (err = pl_entry_list(&st->evidence, pf, PL_KIND_EVIDENCE,
	    warnings)) != PL_OK)
		return err;
	return status_fill(st, pf, scale, method, sc, 0, warnings);
}

/* A list of the same entries, which the copy does not own. */
static void
borrow(struct pl_entries *dst, const struct pl_entries *src)
{
	dst->n = src->n;
	dst->v = pl_xcalloc(src->n + 1, sizeof *dst->v);
	memcpy(dst->v, src->v, src->n * sizeof *dst->v);
}

int
pl_align_status_of(struct pl_align_status *st, struct pl_portfolio *pf,
    const struct pl_scale *scale, enum pl_method method,
    const struct pl_align_scope *scope, const struct pl_entries *goals,
    const struct pl_entries *evidence, struct pl_strlist *warnings)
{
	struct pl_align_scope	sc = { 0 };

	memset(st, 0, sizeof *st);
	st->borrowed = 1;
	borrow(&st->goals, goals);
	borrow(&st->evidence, evidence);
	sc.learner = scope->learner;
	sc.learner_grade = scope->learner_grade;
	return status_fill(st, pf, scale, method, &sc, 1, warnings);
}

void
pl_align_status_release(struct pl_align_status *st)
{
	size_t	i;

	for (i = 0; i < st->n; i++)
		row_release(&st->rows[i]);
	free(st->rows);
	free(st->grade);
	pl_standards_release(&st->stds);
	if (st->borrowed) {
		free(st->goals.v);
		free(st->evidence.v);
	} else {
		pl_entries_release(&st->goals);
		pl_entries_release(&st->evidence);
	}
	memset(st, 0, sizeof *st);
}

/* 1 when line (up to its newline) is the header "[align]", any case. */
static int
align_header(const char *line)
{
	line += strspn(line, " \t");
	if (*line++ != '[')
		return 0;
	line += strspn(line, " \t");
	if (strncasecmp(line, "align", 5) != 0)
		return 0;
	line += 5;
	line += strspn(line, " \t");
	return *line == ']';
}

/* text without its [align] sections, then the scale's. */
static void
scale_text(struct pl_buf *out, const char *text, const struct pl_scale *s)
{
	const char	*p = text, *eol;
	int		 skip = 0;
	size_t		 i;

	for (; *p != '\0'; p = eol) {
		eol = p + strcspn(p, "\n");
		eol += *eol == '\n';
		if (p[strspn(p, " \t")] == '[')
			skip = align_header(p);
		if (!skip)
			pl_buf_put(out, p, (size_t)(eol - p));
	}
	if (out->len > 0 && out->ptr[out->len - 1] != '\n')
		pl_buf_putc(out, '\n');
	pl_buf_puts(out, "[align]\n\tscale = ");
	for (i = 0; i < s->names.n; i++)
		pl_buf_printf(out, "%s%s", i > 0 ? ", " : "", s->names.v[i]);
	pl_buf_puts(out, "\n\tmastery = ");
	pl_level_format(out, s->mastery);
	pl_buf_printf(out, "\n\thalves = %s\n\tmethod = %s\n\tweight = %g\n"
	    "\tntimes = %u\n", s->halves ? "true" : "false",
	    pl_method_names[s->method], s->weight, s->ntimes);
}

int
pl_scale_save(struct pl_portfolio *pf, const struct pl_scale *s)
{
	struct pl_buf	 text = PL_BUF_INIT, out = PL_BUF_INIT;
	struct pl_msg	 msg = { 0 };
	struct pl_tx	*tx = NULL;
	char		*subject = NULL;
	int		 err;

	if ((err = pl_scale_check(s)) != PL_OK ||
	    (err = pl_portfolio_read(&text, pf, PL_SETTINGS_FILE)) != PL_OK)
		goto done;
	scale_text(&out, pl_buf_cstr(&text), s);
	if (strcmp(out.ptr, pl_buf_cstr(&text)) == 0) {
		err = pl_error_set(PL_ENOCHANGE, "the scale is so already");
		goto done;
	}
	subject = pl_xasprintf("scale 1-%zu, mastery %g, %s", s->names.n,
	    s->mastery, pl_method_names[s->method]);
	msg.kind = "align";
	msg.action = "scale";
	msg.id = PL_SETTINGS_FILE;
	msg.subject = subject;
	msg.sentence = "Set the scale ratings use and how mastery is "
	    "computed.";
	if ((err = pl_tx_begin(&tx, pf)) == PL_OK &&
	    (err = pl_tx_put(tx, PL_SETTINGS_FILE, out.ptr, out.len)) ==
	    PL_OK)
		err = pl_tx_commit(tx, &msg);
done:
	pl_tx_free(tx);
	pl_buf_release(&text);
	pl_buf_release(&out);
	free(subject);
	return err;
}
