/*
 * A roster file: its rows read (CSV, the columns pl knows in any case
 * and order, the rest kept), where each learner's portfolio is (a folder
 * beside the file, or a URL's clone in the clones folder), and the rows
 * checked before any portfolio is read, for the class report (class.c)
 * and pl roster sync alike.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/csvrows.h"
#include "pl/report/roster.h"

/* The columns pl knows, in any case and order; the rest are extra. */
enum { COL_LEARNER, COL_PORTFOLIO, COL_GROUP, COL_TEACHER, COL_FAMILY,
	NCOLS };
static const char *const colnames[NCOLS] = { "learner", "portfolio",
	"group", "teacher", "family" };

/* The most learners a roster may hold: a district's, and then some. */
#define ROSTER_MAX	1000000

static void
row_release(struct pl_roster_row *r)
{
	free(r->learner);
	free(r->portfolio);
	free(r->group);
	free(r->teacher);
	free(r->family);
	pl_strlist_release(&r->extra);
}

void
pl_roster_release(struct pl_roster *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		row_release(&l->rows[i]);
	free(l->rows);
	free(l->path);
	pl_strlist_release(&l->extra);
	memset(l, 0, sizeof *l);
}

/* A cell without the white space around it. */
static char *
trimmed(const char *s)
{
	size_t	n;

	while (isspace((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	return pl_xstrndup(s, n);
}

static int
roster_columns(long c[NCOLS], struct pl_roster *out,
    const struct pl_csv_rows *r)
{
	const struct pl_strlist	*head = &r->v[0];
	size_t			 i, k;

	for (k = 0; k < NCOLS; k++)
		c[k] = pl_csv_column(head, colnames[k]);
	for (k = 0; k < 2; k++)
		if (c[k] < 0)
			return pl_error_set(PL_EPARSE, "%s:%d: no '%s' column "
			    "(a roster's first line names its columns: "
			    "learner,portfolio and any of group,teacher,"
			    "family)", out->path, r->line[0], colnames[k]);
	for (i = 0; i < head->n; i++) {
		for (k = 0; k < NCOLS; k++)
			if (c[k] == (long)i)
				break;
		if (k == NCOLS)
			pl_strlist_push(&out->extra, head->v[i]);
	}
	return PL_OK;
}

static void
roster_row(struct pl_roster_row *row, const struct pl_roster *out,
    const struct pl_csv_rows *r, size_t i, const long c[NCOLS])
{
	const struct pl_strlist	*head = &r->v[0];
	size_t			 k;

	row->line = (size_t)r->line[i];
	row->learner = trimmed(pl_csv_cell_of(r, i, c[COL_LEARNER]));
	row->portfolio = trimmed(pl_csv_cell_of(r, i, c[COL_PORTFOLIO]));
	row->group = trimmed(pl_csv_cell_of(r, i, c[COL_GROUP]));
	row->teacher = trimmed(pl_csv_cell_of(r, i, c[COL_TEACHER]));
	row->family = trimmed(pl_csv_cell_of(r, i, c[COL_FAMILY]));
	for (k = 0; k < out->extra.n; k++)
		pl_strlist_push_owned(&row->extra, trimmed(pl_csv_cell_of(r, i,
		    pl_csv_column(head, out->extra.v[k]))));
}

int
pl_roster_read(struct pl_roster *out, const char *path)
{
	struct pl_csv_rows	 r;
	struct pl_buf		 text = PL_BUF_INIT;
	const char		*p;
	long			 c[NCOLS];
	size_t			 i, skip = 0;
	int			 err;

	memset(out, 0, sizeof *out);
	memset(&r, 0, sizeof r);
	out->path = pl_xstrdup(path);
	if ((err = pl_read_text(&text, path)) != PL_OK)
		goto done;
	p = pl_buf_cstr(&text);
	/* a spreadsheet saving "CSV UTF-8" begins with a byte-order mark */
	if (strncmp(p, "\xef\xbb\xbf", 3) == 0)
		skip = 3;
	if ((err = pl_csv_rows_read(&r, path, p + skip, text.len - skip,
	    1)) != PL_OK)
		goto done;
	if (r.n == 0) {
		err = pl_error_set(PL_EPARSE, "%s: empty (a roster's first "
		    "line names its columns: learner,portfolio)", path);
		goto done;
	}
	if (r.n - 1 > ROSTER_MAX) {
		err = pl_error_set(PL_EPARSE, "%s: more than %d learners",
		    path, ROSTER_MAX);
		goto done;
	}
	if ((err = roster_columns(c, out, &r)) != PL_OK)
		goto done;
	out->rows = pl_xcalloc(r.n, sizeof *out->rows);
	for (i = 1; i < r.n; i++)
		roster_row(&out->rows[out->n++], out, &r, i, c);
done:
	if (err != PL_OK)
		pl_roster_release(out);
	pl_csv_rows_release(&r);
	pl_buf_release(&text);
	return err;
}

int
pl_roster_is_url(const char *s)
{
	const char	*colon = strchr(s, ':'), *slash = strchr(s, '/');
	size_t		 i;

	if (strstr(s, "://") != NULL) {
		for (i = 0; s[i] != ':'; i++)
			if (!isalnum((unsigned char)s[i]) && s[i] != '+' &&
			    s[i] != '-' && s[i] != '.')
				return 0;
		return i > 0;
	}
	/* as git: host:path is scp-like when the colon comes before any
	   slash (write ./a:b for a folder named a:b) */
	return colon != NULL && colon > s && (slash == NULL || colon < slash);
}

/* 1 when a component of a folder made from a URL is safe to use. */
static int
safe_part(const char *s, size_t n)
{
	size_t	i;

	if (n == 0 || (n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' &&
	    s[1] == '.'))
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == '\\' ||
		    s[i] == 0x7f)
			return 0;
	return 1;
}

/* Appends to out "/" and each component of path, checked. */
static int
put_parts(struct pl_buf *out, const char *path, size_t len)
{
	const char	*p = path, *end = path + len, *slash;
	size_t		 n;

	while (p < end) {
		slash = memchr(p, '/', (size_t)(end - p));
		n = slash != NULL ? (size_t)(slash - p) : (size_t)(end - p);
		if (n > 0) {
			if (!safe_part(p, n))
				return -1;
			pl_buf_putc(out, '/');
			pl_buf_put(out, p, n);
		}
		p += n + 1;
	}
	return 0;
}

/* <clones>/<host>/<path> for a URL (see roster.h). */
static int
clone_dir(char **out, const char *url, const char *clones)
{
	struct pl_buf	 b = PL_BUF_INIT;
	const char	*host, *hend, *path, *at, *sep;
	size_t		 plen;

	if ((sep = strstr(url, "://")) != NULL) {
		host = sep + 3;
		path = host + strcspn(host, "/");
		hend = path;
		if (strncmp(url, "file://", 7) == 0 && host == hend)
			host = "file", hend = host + 4;
	} else {
		host = url;
		hend = strchr(url, ':');
		path = hend + 1;
	}
	/* user@host: the user is not part of where it lives */
	if ((at = memchr(host, '@', (size_t)(hend - host))) != NULL)
		host = at + 1;
	plen = strlen(path);
	while (plen > 0 && path[plen - 1] == '/')
		plen--;
	if (plen >= 4 && strncmp(path + plen - 4, ".git", 4) == 0)
		plen -= 4;
	while (plen > 0 && (*path == '/' || *path == '~')) {
		path++;
		plen--;
	}
	pl_buf_puts(&b, clones);
	if (hend == host || put_parts(&b, host, (size_t)(hend - host)) != 0 ||
	    plen == 0 || put_parts(&b, path, plen) != 0) {
		pl_buf_release(&b);
		return pl_error_set(PL_EINVAL, "'%s': no folder can be made "
		    "of this URL", url);
	}
	*out = pl_buf_detach(&b);
	return PL_OK;
}

int
pl_roster_locate(char **out, const struct pl_roster *l,
    const struct pl_roster_row *row, const char *clones)
{
	const char	*slash;

	*out = NULL;
	if (pl_roster_is_url(row->portfolio)) {
		if (clones == NULL)
			return pl_error_set(PL_EINVAL, "'%s': no folder for "
			    "clones", row->portfolio);
		return clone_dir(out, row->portfolio, clones);
	}
	/* a roster without a folder ("-", standard input, too): as written */
	slash = strrchr(l->path, '/');
	if (row->portfolio[0] == '/' || slash == NULL)
		*out = pl_xstrdup(row->portfolio);
	else
		*out = pl_xasprintf("%.*s/%s", (int)(slash - l->path),
		    l->path, row->portfolio);
	return PL_OK;
}

/* Sorting rows by a key to find repeats: the key, then the line. */
struct keyed {
	const char	*key;
	size_t		 i;
};

static int
by_key(const void *a, const void *b)
{
	const struct keyed	*x = a, *y = b;
	int			 c = strcasecmp(x->key, y->key);

	if (c == 0)
		c = strcmp(x->key, y->key);
	if (c == 0)
		c = x->i < y->i ? -1 : x->i > y->i;
	return c;
}

/*
 * Marks a bad row each later row whose key (at offset key in the learner)
 * an earlier one has: "line N: what 'K' (line M)".
 */
static void
mark_repeats(struct pl_roster_learner *v, size_t nv, int paths)
{
	struct pl_roster_learner	*l, *first;
	struct keyed			*k = pl_xcalloc(nv + 1, sizeof *k);
	size_t				 i, n = 0, run;

	for (i = 0; i < nv; i++) {
		l = &v[i];
		if (l->state == PL_ROSTER_READ)
			k[n++] = (struct keyed){ paths ? l->path :
			    l->row->learner, i };
	}
	qsort(k, n, sizeof *k, by_key);
	for (i = 1, run = 0; i < n; i++) {
		if ((paths ? strcmp(k[i].key, k[run].key) :
		    strcasecmp(k[i].key, k[run].key)) != 0) {
			run = i;
			continue;
		}
		l = &v[k[i].i];
		first = &v[k[run].i];
		l->state = PL_ROSTER_BAD_ROW;
		l->problem = paths ? pl_xasprintf("line %zu: the same "
		    "portfolio as '%s' (line %zu)", l->row->line,
		    first->row->learner, first->row->line) :
		    pl_xasprintf("line %zu: '%s' is listed already (line %zu)",
		    l->row->line, l->row->learner, first->row->line);
	}
	free(k);
}

/* Checks what can be checked of a row before its portfolio is read. */
static void
check_row(struct pl_roster_learner *l, const struct pl_roster *list,
    const char *clones)
{
	const struct pl_roster_row	*row = l->row;

	if (*row->learner == '\0')
		l->problem = pl_xasprintf("line %zu: no learner name",
		    row->line);
	else if (*row->portfolio == '\0')
		l->problem = pl_xasprintf("line %zu: no portfolio for '%s'",
		    row->line, row->learner);
	else if (pl_roster_locate(&l->path, list, row, clones) != PL_OK) {
		l->problem = pl_xasprintf("line %zu: %s", row->line,
		    pl_error_last());
		pl_error_clear();
	}
	if (l->problem != NULL)
		l->state = PL_ROSTER_BAD_ROW;
}

void
pl_roster_check(struct pl_roster_learner *v, size_t n,
    const struct pl_roster *list, const char *clones)
{
	size_t	i;

	for (i = 0; i < n; i++)
		check_row(&v[i], list, clones);
	mark_repeats(v, n, 0);
	mark_repeats(v, n, 1);
}
