/*
 * Curriculum frameworks: reading them in the shapes schools get them
 * (pl's CSV, Moodle's competency CSV, IMS CASE JSON), keeping them as
 * standards/<name>.csv, and finding a standard by the code a person
 * types, which is often shorter or differently cased than the
 * framework's.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "base/csvrows.h"
#include "store/portfolio.h"
#include "pl/base/csv.h"
#include "pl/base/doc.h"
#include "pl/entries/standards.h"
#include "base/near.h"
#include "entries/stdindex.h"

/* The columns of pl's own file, in the order it writes them. */
enum { COL_CODE, COL_PARENT, COL_GRADE, COL_SUBJECT, COL_DESC, NCOLS };
static const char *const colnames[NCOLS] = { "code", "parent", "grade",
	"subject", "description" };

static size_t
push(struct pl_standards *l, const char *framework, int line)
{
	struct pl_standard	*s;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = pl_xrealloc(l->v, l->cap * sizeof *l->v);
		l->line = pl_xrealloc(l->line, l->cap * sizeof *l->line);
	}
	s = &l->v[l->n];
	memset(s, 0, sizeof *s);
	s->framework = pl_xstrdup(framework);
	l->line[l->n] = line;
	return l->n++;
}

static void
set(char **field, const char *value)
{
	free(*field);
	*field = pl_xstrdup(value != NULL ? value : "");
}

/* pl's own CSV: the five columns in any order, and any others kept. */
static int
parse_pl(struct pl_standards *l, const char *fw, const char *name,
    const struct pl_csv_rows *r)
{
	const struct pl_strlist	*head = &r->v[0];
	long			 c[NCOLS];
	size_t			 i, j, k;

	for (i = 0; i < NCOLS; i++)
		c[i] = pl_csv_column(head, colnames[i]);
	if (c[COL_CODE] < 0 || c[COL_DESC] < 0)
		return pl_error_set(PL_EPARSE, "%s:%d: not a framework: the "
		    "header needs 'code' and 'description' columns (pl's is "
		    "code,parent,grade,subject,description)", name,
		    r->line[0]);
	for (j = 0; j < head->n; j++) {
		for (i = 0; i < NCOLS && c[i] != (long)j; i++)
			;
		if (i == NCOLS && head->v[j][0] != '\0')
			pl_strlist_push(&l->cols, head->v[j]);
	}
	for (i = 1; i < r->n; i++) {
		k = push(l, fw, r->line[i]);
		set(&l->v[k].code, pl_csv_cell_of(r, i, c[COL_CODE]));
		set(&l->v[k].parent, pl_csv_cell_of(r, i, c[COL_PARENT]));
		set(&l->v[k].grade, pl_csv_cell_of(r, i, c[COL_GRADE]));
		set(&l->v[k].subject, pl_csv_cell_of(r, i, c[COL_SUBJECT]));
		set(&l->v[k].description, pl_csv_cell_of(r, i, c[COL_DESC]));
		for (j = 0; j < l->cols.n; j++)
			pl_strlist_push(&l->extra, pl_csv_cell_of(r, i,
			    pl_csv_column(head, l->cols.v[j])));
	}
	return PL_OK;
}

/* Moodle's descriptions are HTML: the text, tags and entities undone. */
static char *
html_text(const char *s)
{
	static const char *const ent[][2] = { { "&amp;", "&" },
		{ "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
		{ "&#39;", "'" }, { "&apos;", "'" }, { "&nbsp;", " " } };
	struct pl_buf	 b = PL_BUF_INIT;
	const char	*e;
	size_t		 i;
	char		*out;

	while (*s != '\0') {
		if (*s == '<' && (e = strchr(s, '>')) != NULL) {
			pl_buf_putc(&b, ' ');
			s = e + 1;
			continue;
		}
		for (i = 0; *s == '&' && i < sizeof ent / sizeof ent[0]; i++)
			if (strncmp(s, ent[i][0], strlen(ent[i][0])) == 0)
				break;
		if (*s == '&' && i < sizeof ent / sizeof ent[0]) {
			pl_buf_puts(&b, ent[i][1]);
			s += strlen(ent[i][0]);
		} else
			pl_buf_putc(&b, *s++);
	}
	pl_buf_puts(&b, "");
	out = pl_csv_clean(b.ptr, b.len);
	pl_buf_release(&b);
	return out;
}

/*
 * A competency's statement, so that a teacher reads both its name and
 * what it says: "Shortname: Description".  The description alone when
 * it begins with the shortname, case aside (Moodle's shortname is often
 * the description's first words, cut at 100 characters); the shortname
 * alone without a description.
 */
static char *
moodle_statement(const char *name, const char *html)
{
	char	*d = html_text(html), *out;
	size_t	 n = strlen(name);

	if (n == 0 || strncasecmp(d, name, n) == 0)
		return d;
	out = *d == '\0' ? pl_xstrdup(name) : pl_xasprintf("%s: %s", name, d);
	free(d);
	return out;
}

/*
 * Moodle's competency framework CSV (tool_lpimportcsv): the framework's
 * own row gives the subject, every other row a competency.
 */
static int
parse_moodle(struct pl_standards *l, const char *fw, const struct pl_csv_rows *r)
{
	const struct pl_strlist	*head = &r->v[0];
	long			 code, parent, desc, sname, isfw;
	const char		*subject = "";
	size_t			 i, k;
	char			*d;

	code = pl_csv_column(head, "id number");
	parent = pl_csv_column(head, "parent id number");
	desc = pl_csv_column(head, "description");
	sname = pl_csv_column(head, "shortname");
	isfw = pl_csv_column(head, "is framework");
	for (i = 1; i < r->n; i++)
		if (strcmp(pl_csv_cell_of(r, i, isfw), "1") == 0)
			subject = pl_csv_cell_of(r, i, sname);
	for (i = 1; i < r->n; i++) {
		if (strcmp(pl_csv_cell_of(r, i, isfw), "1") == 0)
			continue;
		k = push(l, fw, r->line[i]);
		set(&l->v[k].code, pl_csv_cell_of(r, i, code));
		set(&l->v[k].parent, pl_csv_cell_of(r, i, parent));
		set(&l->v[k].grade, "");
		set(&l->v[k].subject, subject);
		d = moodle_statement(pl_csv_cell_of(r, i, sname),
		    pl_csv_cell_of(r, i, desc));
		set(&l->v[k].description, d);
		free(d);
	}
	return PL_OK;
}

static int
parse_csv(struct pl_standards *l, const char *fw, const char *name,
    const char *text, size_t len)
{
	struct pl_csv_rows	r;
	int		err;

	if ((err = pl_csv_rows_read(&r, name, text, len, 0)) != PL_OK)
		goto done;
	if (r.n == 0)
		err = pl_error_set(PL_EPARSE, "%s: not a framework: the file "
		    "is empty", name);
	else if (pl_csv_column(&r.v[0], "id number") >= 0 &&
	    pl_csv_column(&r.v[0], "parent id number") >= 0)
		err = parse_moodle(l, fw, &r);
	else
		err = parse_pl(l, fw, name, &r);
done:
	pl_csv_rows_release(&r);
	return err;
}

/* A string member, or "". */
static const char *
jstr(const json_t *o, const char *key)
{
	const char	*s = json_string_value(json_object_get(o, key));

	return s != NULL ? s : "";
}

/* A node's identifier in an association: CASE 1.0's LinkURI or a draft's. */
static const char *
jnode(const json_t *a, const char *which)
{
	char		 key[64];
	const char	*s;

	snprintf(key, sizeof key, "%sNodeIdentifier", which);
	if (*(s = jstr(a, key)) != '\0')
		return s;
	snprintf(key, sizeof key, "%sNodeURI", which);
	return jstr(json_object_get(a, key), "identifier");
}

/* "KG" is K, "05" is 5: as the grades of pl's own files. */
static void
put_grade(struct pl_buf *b, const char *g)
{
	if (strcmp(g, "KG") == 0)
		g = "K";
	while (g[0] == '0' && g[1] != '\0')
		g++;
	pl_buf_puts(b, g);
}

/* CASE 1.0's educationLevel list, or the draft's educationalLevel. */
static char *
case_grade(const json_t *item)
{
	struct pl_buf	 b = PL_BUF_INIT;
	const json_t	*g = json_object_get(item, "educationLevel");
	size_t		 n;

	if (g == NULL)
		g = json_object_get(item, "educationalLevel");
	if (json_is_string(g))
		put_grade(&b, json_string_value(g));
	else if ((n = json_array_size(g)) > 0) {
		put_grade(&b, json_string_value(json_array_get(g, 0)) ?
		    json_string_value(json_array_get(g, 0)) : "");
		if (n > 1 && json_is_string(json_array_get(g, n - 1))) {
			pl_buf_putc(&b, '-');
			put_grade(&b, json_string_value(json_array_get(g,
			    n - 1)));
		}
	}
	pl_buf_puts(&b, "");
	return pl_buf_detach(&b);
}

static const char *
case_subject(const json_t *doc)
{
	const json_t	*s = json_object_get(doc, "subject");

	if (json_is_array(s))
		s = json_array_get(s, 0);
	return json_is_string(s) ? json_string_value(s) : "";
}

/* The position in items of the CFItem with identifier id, or -1. */
static long
case_item(const json_t *items, const char *id)
{
	size_t	i;

	for (i = 0; *id != '\0' && i < json_array_size(items); i++)
		if (strcmp(jstr(json_array_get(items, i), "identifier"),
		    id) == 0)
			return (long)i;
	return -1;
}

/*
 * Each item's parent: the first isChildOf association naming it whose
 * destination is an item (not the document).
 */
static void
case_parents(struct pl_standards *l, size_t from, const json_t *items,
    const json_t *assocs)
{
	const json_t	*a;
	long		 child, parent;
	size_t		 i;

	for (i = 0; i < json_array_size(assocs); i++) {
		a = json_array_get(assocs, i);
		if (strcmp(jstr(a, "associationType"), "isChildOf") != 0)
			continue;
		child = case_item(items, jnode(a, "origin"));
		parent = case_item(items, jnode(a, "destination"));
		if (child < 0 || parent < 0 ||
		    l->v[from + child].parent[0] != '\0')
			continue;
		set(&l->v[from + child].parent, l->v[from + parent].code);
	}
}

/* An association's end: the code of its item, else its NodeURI's title. */
static const char *
case_end(const struct pl_standards *l, size_t from, const json_t *items,
    const json_t *a, const char *which)
{
	char	key[64];
	long	k = case_item(items, jnode(a, which));

	if (k >= 0)
		return l->v[from + k].code;
	snprintf(key, sizeof key, "%sNodeURI", which);
	return jstr(json_object_get(a, key), "title");
}

/*
 * The replacements a revised framework names, for 'pl align migrate':
 * the origin of isReplacedBy (CASE 1.0) or replacedBy (1.1) is replaced
 * by the destination.
 */
static void
case_replaced(struct pl_standards *l, size_t from, const json_t *items,
    const json_t *assocs, const char *name)
{
	const json_t	*a;
	const char	*type, *old, *new;
	size_t		 i;

	for (i = 0; i < json_array_size(assocs); i++) {
		a = json_array_get(assocs, i);
		type = jstr(a, "associationType");
		if (strcmp(type, "isReplacedBy") != 0 &&
		    strcmp(type, "replacedBy") != 0)
			continue;
		old = case_end(l, from, items, a, "origin");
		new = case_end(l, from, items, a, "destination");
		pl_strlist_push_owned(&l->replaced.old, pl_csv_clean(old,
		    strlen(old)));
		pl_strlist_push_owned(&l->replaced.new, pl_csv_clean(new,
		    strlen(new)));
		pl_strlist_push_owned(&l->replaced.where, pl_xasprintf(
		    "%s: CFAssociations[%zu]", name, i));
	}
}

/*
 * An IMS CASE package: CFItems with humanCodingScheme (else their
 * identifier) as the code, fullStatement as the statement.
 */
static int
parse_case(struct pl_standards *l, const char *fw, const char *name,
    const char *text, size_t len)
{
	json_error_t	 je;
	json_t		*root, *items, *it;
	const char	*subject, *code;
	size_t		 i, k, from = l->n;
	char		*g;

	if ((root = json_loadb(text, len, 0, &je)) == NULL)
		return pl_error_set(PL_EPARSE, "%s:%d: %s", name, je.line,
		    je.text);
	items = json_object_get(root, "CFItems");
	if (!json_is_array(items)) {
		json_decref(root);
		return pl_error_set(PL_EPARSE, "%s: not a framework: no "
		    "CFItems (an IMS CASE package has them)", name);
	}
	subject = case_subject(json_object_get(root, "CFDocument"));
	for (i = 0; i < json_array_size(items); i++) {
		it = json_array_get(items, i);
		k = push(l, fw, (int)i + 1);
		code = jstr(it, "humanCodingScheme");
		l->v[k].code = pl_csv_clean(*code ? code : jstr(it, "identifier"),
		    strlen(*code ? code : jstr(it, "identifier")));
		set(&l->v[k].parent, "");
		g = case_grade(it);
		l->v[k].grade = g;
		set(&l->v[k].subject, subject);
		l->v[k].description = pl_csv_clean(jstr(it, "fullStatement"),
		    strlen(jstr(it, "fullStatement")));
	}
	case_parents(l, from, items, json_object_get(root, "CFAssociations"));
	case_replaced(l, from, items, json_object_get(root, "CFAssociations"),
	    name);
	json_decref(root);
	return PL_OK;
}

/* qsort() has no argument for it; each thread sorts its own list */
static _Thread_local const struct pl_standards *cmp_list;

static int
cmp_fold(const void *a, const void *b)
{
	size_t	i = *(const size_t *)a, j = *(const size_t *)b;
	int	c;

	c = strcasecmp(cmp_list->v[i].code, cmp_list->v[j].code);
	return c != 0 ? c : (i > j) - (i < j);
}

static void
index_build(struct pl_standards *l)
{
	size_t	i;

	free(l->byfold);
	l->byfold = pl_xcalloc(l->n + 1, sizeof *l->byfold);
	for (i = 0; i < l->n; i++)
		l->byfold[i] = i;
	cmp_list = l;
	qsort(l->byfold, l->n, sizeof *l->byfold, cmp_fold);
	cmp_list = NULL;
}

/* The first position in byfold whose code is code, case aside, or n. */
static size_t
index_lower(const struct pl_standards *l, const char *code)
{
	size_t	lo = 0, hi = l->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcasecmp(l->v[l->byfold[mid]].code, code) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

long
pl_standards_index(const struct pl_standards *l, const char *code)
{
	size_t	i = index_lower(l, code), first = i;

	for (; i < l->n && strcasecmp(l->v[l->byfold[i]].code, code) == 0;
	    i++)
		if (strcmp(l->v[l->byfold[i]].code, code) == 0)
			return (long)l->byfold[i];
	if (first < l->n && strcasecmp(l->v[l->byfold[first]].code,
	    code) == 0)
		return (long)l->byfold[first];
	return -1;
}

static int
too_long(const struct pl_standard *s)
{
	return strlen(s->code) > PL_STANDARD_FIELD_MAX ||
	    strlen(s->parent) > PL_STANDARD_FIELD_MAX ||
	    strlen(s->grade) > PL_STANDARD_FIELD_MAX ||
	    strlen(s->subject) > PL_STANDARD_FIELD_MAX ||
	    strlen(s->description) > PL_STANDARD_FIELD_MAX;
}

/*
 * What the rows of one file must be: at most PL_STANDARDS_MAX, fields
 * of at most PL_STANDARD_FIELD_MAX bytes, each with a code, each code
 * once.
 */
static int
check_rows(const struct pl_standards *l, const char *name, int json)
{
	const char	*where = json ? "%s: CFItems[%d]: " : "%s:%d: ";
	size_t		 i, a, b;
	struct pl_buf	 fmt = PL_BUF_INIT;
	int		 err = PL_OK;

	if (l->n > PL_STANDARDS_MAX) {
		pl_buf_printf(&fmt, where, name, l->line[PL_STANDARDS_MAX] -
		    json);
		err = pl_error_set(PL_EPARSE, "%smore than %d standards (the "
		    "most a framework may have)", fmt.ptr, PL_STANDARDS_MAX);
	}
	for (i = 0; i < l->n && err == PL_OK; i++)
		if (too_long(&l->v[i])) {
			pl_buf_printf(&fmt, where, name, l->line[i] - json);
			err = pl_error_set(PL_EPARSE, "%sa field longer than "
			    "%d bytes", fmt.ptr, PL_STANDARD_FIELD_MAX);
		}
	for (i = 0; i < l->n && err == PL_OK; i++)
		if (l->v[i].code[0] == '\0') {
			pl_buf_printf(&fmt, where, name, l->line[i] -
			    json);
			err = pl_error_set(PL_EPARSE, "%sa row without a "
			    "code", fmt.ptr);
		}
	for (i = 1; i < l->n && err == PL_OK; i++) {
		a = l->byfold[i - 1];
		b = l->byfold[i];
		if (strcasecmp(l->v[a].code, l->v[b].code) != 0)
			continue;
		pl_buf_printf(&fmt, where, name, l->line[b] - json);
		err = pl_error_set(PL_EPARSE, "%sduplicate code '%s' "
		    "(also %s %d)", fmt.ptr, l->v[b].code,
		    json ? "CFItems" : "on line", l->line[a] - json);
	}
	pl_buf_release(&fmt);
	return err;
}

/*
 * One warning for the parents the file does not have: the first, and
 * how many more, for a framework cut from a bigger one may miss many.
 */
static void
check_parents(const struct pl_standards *l, const char *name,
    struct pl_strlist *warnings)
{
	struct pl_buf	b = PL_BUF_INIT;
	size_t		i, first = 0, n = 0;

	for (i = 0; i < l->n; i++)
		if (l->v[i].parent[0] != '\0' &&
		    pl_standards_index(l, l->v[i].parent) < 0 && n++ == 0)
			first = i;
	if (n == 0 || warnings == NULL)
		return;
	pl_buf_printf(&b, "%s:%d: parent '%s' of '%s' is not in the "
	    "framework", name, l->line[first], l->v[first].parent,
	    l->v[first].code);
	if (n > 1)
		pl_buf_printf(&b, " (nor are the parents of %zu more)", n - 1);
	pl_strlist_push_owned(warnings, pl_buf_detach(&b));
}

/*
 * Skips a byte-order mark; 1 when the text is JSON (CASE), 0 when CSV,
 * PL_EPARSE for NUL bytes.
 */
static int
text_kind(const char **text, size_t *len, const char *name)
{
	size_t	i, bom = strlen(PL_DOC_BOM);

	if (*len >= bom && memcmp(*text, PL_DOC_BOM, bom) == 0) {
		*text += bom;
		*len -= bom;
	}
	if (memchr(*text, '\0', *len) != NULL)
		return pl_error_set(PL_EPARSE, "%s: not a framework: the file "
		    "holds NUL bytes (UTF-16, or not text)", name);
	for (i = 0; i < *len && isspace((unsigned char)(*text)[i]); i++)
		;
	return i < *len && (*text)[i] == '{';
}

int
pl_standards_parse(struct pl_standards *out, const char *framework,
    const char *name, const char *text, size_t len,
    struct pl_strlist *warnings)
{
	int	err, json;

	memset(out, 0, sizeof *out);
	if ((json = text_kind(&text, &len, name)) < 0)
		err = json;
	else if (json)
		err = parse_case(out, framework, name, text, len);
	else
		err = parse_csv(out, framework, name, text, len);
	if (err != PL_OK)
		goto done;
	index_build(out);
	if ((err = check_rows(out, name, json)) != PL_OK)
		goto done;
	check_parents(out, name, warnings);
done:
	if (err != PL_OK)
		pl_standards_release(out);
	return err;
}

void
pl_standards_release(struct pl_standards *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].framework);
		free(l->v[i].code);
		free(l->v[i].parent);
		free(l->v[i].grade);
		free(l->v[i].subject);
		free(l->v[i].description);
	}
	free(l->v);
	free(l->byfold);
	free(l->line);
	for (i = 0; i < l->nix; i++)
		pl_stdix_close(l->ix[i]);
	free(l->ix);
	pl_strlist_release(&l->cols);
	pl_strlist_release(&l->extra);
	pl_code_map_release(&l->replaced);
	memset(l, 0, sizeof *l);
}

void
pl_code_map_release(struct pl_code_map *m)
{
	pl_strlist_release(&m->old);
	pl_strlist_release(&m->new);
	pl_strlist_release(&m->where);
}

/* A mapping CSV: each row an old code and its new one. */
static int
map_csv(struct pl_code_map *m, const char *name, const char *text,
    size_t len)
{
	struct pl_csv_rows	r;
	size_t		i, k;
	int		err;

	if ((err = pl_csv_rows_read(&r, name, text, len, 0)) != PL_OK)
		goto done;
	for (i = 0; i < r.n; i++) {
		if (i == 0 && r.v[0].n == 2 &&
		    strcasecmp(r.v[0].v[0], "old") == 0 &&
		    strcasecmp(r.v[0].v[1], "new") == 0)
			continue;
		for (k = 2; k < r.v[i].n && r.v[i].v[k][0] == '\0'; k++)
			;
		if (r.v[i].n < 2 || *r.v[i].v[0] == '\0' ||
		    *r.v[i].v[1] == '\0' || k < r.v[i].n) {
			err = pl_error_set(PL_EPARSE, "%s:%d: not a mapping: "
			    "a row is an old code, a comma and the new code",
			    name, r.line[i]);
			goto done;
		}
		pl_strlist_push(&m->old, r.v[i].v[0]);
		pl_strlist_push(&m->new, r.v[i].v[1]);
		pl_strlist_push_owned(&m->where, pl_xasprintf("%s:%d", name,
		    r.line[i]));
	}
done:
	pl_csv_rows_release(&r);
	return err;
}

/* Each old code once: a second would leave its new code a guess. */
static int
map_check(const struct pl_code_map *m)
{
	size_t	i, j;

	for (i = 1; i < m->old.n; i++)
		for (j = 0; j < i; j++)
			if (strcasecmp(m->old.v[i], m->old.v[j]) == 0)
				return pl_error_set(PL_EPARSE, "%s: code '%s' "
				    "is replaced twice (also at %s)",
				    m->where.v[i], m->old.v[i],
				    m->where.v[j]);
	return PL_OK;
}

int
pl_code_map_read(struct pl_code_map *out, const char *name,
    const char *text, size_t len)
{
	struct pl_standards	l = { 0 };
	int			err, json;

	memset(out, 0, sizeof *out);
	if ((json = text_kind(&text, &len, name)) < 0)
		return json;
	if (!json)
		err = map_csv(out, name, text, len);
	else if ((err = parse_case(&l, "", name, text, len)) == PL_OK) {
		*out = l.replaced;
		memset(&l.replaced, 0, sizeof l.replaced);
	}
	pl_standards_release(&l);
	if (err == PL_OK)
		err = map_check(out);
	if (err != PL_OK)
		pl_code_map_release(out);
	return err;
}

void
pl_standards_write(const struct pl_standards *l, struct pl_buf *out)
{
	const struct pl_standard	*s;
	size_t				 i, j;

	for (i = 0; i < NCOLS; i++)
		pl_csv_field(out, colnames[i], i == 0);
	for (j = 0; j < l->cols.n; j++)
		pl_csv_field(out, l->cols.v[j], 0);
	pl_buf_putc(out, '\n');
	for (i = 0; i < l->n; i++) {
		s = &l->v[i];
		pl_csv_field(out, s->code, 1);
		pl_csv_field(out, s->parent, 0);
		pl_csv_field(out, s->grade, 0);
		pl_csv_field(out, s->subject, 0);
		pl_csv_field(out, s->description, 0);
		for (j = 0; j < l->cols.n; j++)
			pl_csv_field(out, l->extra.v[i * l->cols.n + j], 0);
		pl_buf_putc(out, '\n');
	}
}

/* Moves the standards of from to the end of to. */
static void
append(struct pl_standards *to, struct pl_standards *from)
{
	size_t	i;

	for (i = 0; i < from->n; i++) {
		push(to, "", from->line[i]);
		free(to->v[to->n - 1].framework);
		to->v[to->n - 1] = from->v[i];
	}
	from->n = 0;
	pl_standards_release(from);
}

/* Reads one framework file whole into out. */
static int
load_one(struct pl_standards *out, struct pl_portfolio *pf,
    const char *name, const char *path, const void *arg)
{
	struct pl_standards	 one;
	struct pl_buf		 b = PL_BUF_INIT;
	int			 err;

	(void)arg;
	if ((err = pl_portfolio_read(&b, pf, path)) == PL_OK &&
	    (err = pl_standards_parse(&one, name, path, b.ptr ? b.ptr : "",
	    b.len, NULL)) == PL_OK)
		append(out, &one);
	pl_buf_release(&b);
	return err;
}

/*
 * Calls fn for each framework file of pf's standards/ (name, path); a
 * file fn fails on is left out with its message in warnings.
 */
static int
each_framework(struct pl_standards *out, struct pl_portfolio *pf,
    struct pl_strlist *warnings, int (*fn)(struct pl_standards *,
    struct pl_portfolio *, const char *, const char *, const void *),
    const void *arg)
{
	struct pl_strlist	 names = PL_STRLIST_INIT;
	size_t			 i;
	char			*path;
	int			 err;

	if ((err = pl_portfolio_list(&names, pf, PL_STANDARDS_DIR,
	    ".csv")) != PL_OK)
		goto done;
	out->ix = pl_xcalloc(names.n + 1, sizeof *out->ix);
	for (i = 0; i < names.n; i++) {
		path = pl_xasprintf("%s/%s.csv", PL_STANDARDS_DIR,
		    names.v[i]);
		if (fn(out, pf, names.v[i], path, arg) != PL_OK) {
			if (warnings != NULL)
				pl_strlist_push(warnings, pl_error_last());
			pl_error_clear();
		}
		free(path);
	}
	index_build(out);
done:
	pl_strlist_release(&names);
	return err;
}

int
pl_standards_load(struct pl_standards *out, struct pl_portfolio *pf,
    struct pl_strlist *warnings)
{
	memset(out, 0, sizeof *out);
	return each_framework(out, pf, warnings, load_one, NULL);
}

static int
size_cmp(const void *a, const void *b)
{
	size_t	x = *(const size_t *)a, y = *(const size_t *)b;

	return (x > y) - (x < y);
}

/* Sorts and makes unique the row numbers pos. */
static size_t
unique(size_t *pos, size_t n)
{
	size_t	i, k = 0;

	if (n == 0)
		return 0;
	qsort(pos, n, sizeof *pos, size_cmp);
	for (i = 0; i < n; i++)
		if (k == 0 || pos[k - 1] != pos[i])
			pos[k++] = pos[i];
	return k;
}

/* The rows of ix that any of codes may name, in file order. */
static void
add_matches(struct pl_standards *out, const struct pl_stdix *ix,
    const char *framework, const struct pl_strlist *codes)
{
	struct pl_standard	 s;
	size_t			*pos = NULL, n = 0, i, k;
	int			 line;

	for (i = 0; i < codes->n; i++)
		pl_stdix_match(ix, codes->v[i], &pos, &n);
	n = unique(pos, n);
	for (i = 0; i < n; i++) {
		if (pl_stdix_row(ix, pos[i], &s, &line) < 0)
			continue;
		k = push(out, framework, line);
		set(&out->v[k].code, s.code);
		set(&out->v[k].parent, s.parent);
		set(&out->v[k].grade, s.grade);
		set(&out->v[k].subject, s.subject);
		set(&out->v[k].description, s.description);
	}
	free(pos);
}

/*
 * The index of the framework file path (name), whose blob is id: the one
 * kept, else one made from the file.
 */
static int
index_open(struct pl_stdix **out, git_repository *repo, const git_oid *id,
    const char *path, const char *name)
{
	struct pl_standards	 l;
	struct pl_buf		 blob = PL_BUF_INIT;
	int			 err;

	if (pl_stdix_open(out, repo, id))
		return PL_OK;
	if ((err = pl_portfolio_read_blob(&blob, repo, id, path)) == PL_OK &&
	    (err = pl_standards_parse(&l, name, path, blob.ptr ? blob.ptr :
	    "", blob.len, NULL)) == PL_OK) {
		err = pl_stdix_make(out, repo, id, &l, path);
		pl_standards_release(&l);
	}
	pl_buf_release(&blob);
	return err;
}

/* Opens one framework file's index and adds the rows codes may name. */
static int
index_one(struct pl_standards *out, struct pl_portfolio *pf,
    const char *name, const char *path, const void *codes)
{
	struct pl_stdix	*ix;
	git_oid		 id;
	int		 err;

	if ((err = pl_portfolio_locate(&id, pf, path)) != PL_OK ||
	    (err = index_open(&ix, pl_portfolio_repo(pf), &id, path, name)) !=
	    PL_OK)
		return err;
	out->ix[out->nix++] = ix;
	out->total += pl_stdix_count(ix);
	add_matches(out, ix, name, codes);
	return PL_OK;
}

int
pl_standards_load_codes(struct pl_standards *out, struct pl_portfolio *pf,
    const struct pl_strlist *codes, struct pl_strlist *warnings)
{
	memset(out, 0, sizeof *out);
	return each_framework(out, pf, warnings, index_one, codes);
}

/* Where x, a row of l, was read: its line, or 0 when l does not hold it. */
static int
line_of(const struct pl_standards *l, const struct pl_standard *x)
{
	return x >= l->v && x < l->v + l->n ? l->line[x - l->v] : 0;
}

int
pl_standards_order(const struct pl_standards *a, const struct pl_standard *x,
    const struct pl_standards *b, const struct pl_standard *y)
{
	char	*fx, *fy;
	int	 c, lx, ly;

	/* the files in git's order: "a-b.csv" before "a.csv" */
	fx = pl_xasprintf("%s.csv", x->framework);
	fy = pl_xasprintf("%s.csv", y->framework);
	c = strcmp(fx, fy);
	free(fx);
	free(fy);
	if (c != 0)
		return c;
	lx = line_of(a, x);
	ly = line_of(b, y);
	return (lx > ly) - (lx < ly);
}

size_t
pl_standards_total(const struct pl_standards *l)
{
	return l->nix > 0 ? l->total : l->n;
}

/* "K" is 0, "PK" -1, "7" 7; -2 for anything else. */
static int
grade_num(const char *g, size_t n)
{
	char	*end, *s = pl_xstrndup(g, n);
	long	 v;
	int	 r = -2;

	if (strcasecmp(s, "K") == 0 || strcasecmp(s, "KG") == 0)
		r = 0;
	else if (strcasecmp(s, "PK") == 0)
		r = -1;
	else if (*s != '\0' && (v = strtol(s, &end, 10)) >= 0 && v <= 13 &&
	    *end == '\0')
		r = (int)v;
	free(s);
	return r;
}

int
pl_grade_has(const char *grade, const char *asked)
{
	const char	*dash = strchr(grade, '-');
	int		 a = grade_num(asked, strlen(asked)), lo, hi;

	if (strcasecmp(grade, asked) == 0)
		return 1;
	if (a == -2)
		return 0;
	if (dash == NULL)
		return grade_num(grade, strlen(grade)) == a;
	lo = grade_num(grade, (size_t)(dash - grade));
	hi = grade_num(dash + 1, strlen(dash + 1));
	return lo != -2 && hi != -2 && lo <= a && a <= hi;
}

/*
 * The codes of the frameworks' indexes whose grade takes in grade (NULL:
 * every code), a code two frameworks share counted once, as the first
 * has it.
 */
static size_t
count_indexed(const struct pl_standards *l, const char *grade)
{
	struct pl_standard	s;
	size_t			i, g, k, n = 0;
	int			line, seen;

	for (i = 0; i < l->nix; i++)
		for (k = 0; k < pl_stdix_count(l->ix[i]); k++) {
			if (pl_stdix_row(l->ix[i], k, &s, &line) < 0)
				continue;
			for (seen = 0, g = 0; g < i && !seen; g++)
				seen = pl_stdix_has(l->ix[g], s.code);
			n += !seen && (grade == NULL ||
			    pl_grade_has(s.grade, grade));
		}
	return n;
}

size_t
pl_standards_distinct(const struct pl_standards *l)
{
	if (l->nix <= 1)
		return pl_standards_total(l);
	return count_indexed(l, NULL);
}

size_t
pl_standards_of_grade(const struct pl_standards *l, const char *grade)
{
	size_t	i, n = 0;

	if (l->nix > 0)
		return count_indexed(l, grade);
	for (i = 0; i < l->n; i++)
		n += pl_grade_has(l->v[i].grade, grade) &&
		    pl_standards_index(l, l->v[i].code) == (long)i;
	return n;
}

/*
 * "unknown standard 'x'", and the nearest codes when any are near: of
 * every framework, also when l holds only the codes a command named.
 */
static int
unknown(const struct pl_standards *l, const char *code)
{
	struct pl_near	 nr;
	struct pl_buf	 b = PL_BUF_INIT;
	size_t		 i;
	int		 err;

	pl_near_init(&nr, code);
	if (l->nix > 0)
		for (i = 0; i < l->nix; i++)
			pl_stdix_each(l->ix[i], pl_near_consider, &nr);
	else
		for (i = 0; i < l->n; i++)
			pl_near_consider(&nr, l->v[i].code);
	pl_near_words(&b, &nr);
	err = pl_error_set(PL_ENOTFOUND, "unknown standard '%s'%s", code,
	    pl_buf_cstr(&b));
	pl_buf_release(&b);
	return err;
}

static int
ambiguous(const struct pl_standards *l, const char *code,
    const size_t *idx, size_t n)
{
	struct pl_buf	b = PL_BUF_INIT;
	size_t		i;
	int		err;

	for (i = 0; i < n && i < 5; i++)
		pl_buf_printf(&b, "%s'%s'", i ? ", " : "", l->v[idx[i]].code);
	if (n > 5)
		pl_buf_printf(&b, " and %zu more", n - 5);
	err = pl_error_set(PL_EINVAL, "standard '%s' is ambiguous: %s", code,
	    b.ptr);
	pl_buf_release(&b);
	return err;
}

/* 1 when code ends in "." and typed, case aside. */
static int
short_form(const char *code, const char *typed, size_t tlen)
{
	size_t	clen = strlen(code);

	return clen > tlen && code[clen - tlen - 1] == '.' &&
	    strcasecmp(code + clen - tlen, typed) == 0;
}

static int
same_code(const struct pl_standards *l, const size_t *idx, size_t n,
    size_t i)
{
	size_t	k;

	for (k = 0; k < n; k++)
		if (strcmp(l->v[idx[k]].code, l->v[i].code) == 0)
			return 1;
	return 0;
}

int
pl_standards_find(const struct pl_standard **out,
    const struct pl_standards *l, const char *code)
{
	size_t	 i, n = 0, tlen = strlen(code), *idx;
	long	 k;
	int	 err = PL_OK;

	*out = NULL;
	if ((k = pl_standards_index(l, code)) >= 0) {
		/* the same code, case aside, in two frameworks */
		i = index_lower(l, code);
		if (i + 1 < l->n && strcasecmp(l->v[l->byfold[i + 1]].code,
		    code) == 0 && strcmp(l->v[k].code, code) != 0)
			return ambiguous(l, code, l->byfold + i, 2);
		*out = &l->v[k];
		return PL_OK;
	}
	idx = pl_xcalloc(l->n + 1, sizeof *idx);
	/* the same code in two frameworks is one code, as entries name it */
	for (i = 0; i < l->n; i++)
		if (tlen > 0 && short_form(l->v[i].code, code, tlen) &&
		    (n == 0 || !same_code(l, idx, n, i)))
			idx[n++] = i;
	if (n == 1)
		*out = &l->v[idx[0]];
	else if (n > 1)
		err = ambiguous(l, code, idx, n);
	else
		err = unknown(l, code);
	free(idx);
	return err;
}
