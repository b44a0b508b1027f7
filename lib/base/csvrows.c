/*
 * Reading CSV files with libcsv into rows of strings, each with the line
 * it starts on: frameworks (standards.c) and rosters (roster.c).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <csv.h>

#include "base/csvrows.h"

void
pl_csv_rows_release(struct pl_csv_rows *r)
{
	size_t	i;

	for (i = 0; i < r->n; i++)
		pl_strlist_release(&r->v[i]);
	free(r->v);
	free(r->line);
	pl_strlist_release(&r->cur);
}

/* Appends s, its white space runs (no-break spaces too) one space. */
static void
put_clean(struct pl_buf *b, const char *s, size_t len)
{
	size_t	i, start = b->len;
	int	space = 0;

	for (i = 0; i < len; i++) {
		if (isspace((unsigned char)s[i]) || (i + 1 < len &&
		    (unsigned char)s[i] == 0xc2 &&
		    (unsigned char)s[i + 1] == 0xa0)) {
			if ((unsigned char)s[i] == 0xc2)
				i++;
			space = 1;
			continue;
		}
		if (space && b->len > start)
			pl_buf_putc(b, ' ');
		space = 0;
		pl_buf_putc(b, s[i]);
	}
	pl_buf_puts(b, "");
}

char *
pl_csv_clean(const char *s, size_t len)
{
	struct pl_buf	b = PL_BUF_INIT;

	put_clean(&b, s, len);
	return pl_buf_detach(&b);
}

static void
field_cb(void *s, size_t len, void *data)
{
	struct pl_csv_rows	*r = data;

	if (r->raw)
		pl_strlist_push_owned(&r->cur, pl_xstrndup(s != NULL ? s : "",
		    len));
	else
		pl_strlist_push_owned(&r->cur, pl_csv_clean(s != NULL ? s :
		    "", len));
}

static void
record_cb(int c, void *data)
{
	struct pl_csv_rows	*r = data;
	size_t		 i;

	for (i = 0; i < r->cur.n; i++)
		if (r->cur.v[i][0] != '\0')
			break;
	if (i < r->cur.n) {
		if (r->n == r->cap) {
			r->cap = r->cap ? r->cap * 2 : 64;
			r->v = pl_xrealloc(r->v, r->cap * sizeof *r->v);
			r->line = pl_xrealloc(r->line,
			    r->cap * sizeof *r->line);
		}
		r->v[r->n] = r->cur;
		r->line[r->n++] = r->cur_line;
		pl_strlist_init(&r->cur);
	} else
		pl_strlist_release(&r->cur);
	r->cur_line = 0;
}

static int
blank(const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++)
		if (!isspace((unsigned char)s[i]))
			return 0;
	return 1;
}

/*
 * Reads CSV with libcsv, a line at a time so that each record knows the
 * line it starts on (libcsv skips blank lines and takes CR, LF and CR LF
 * alike, in quoted fields too).
 */
int
pl_csv_rows_read(struct pl_csv_rows *r, const char *name, const char *text,
    size_t len, int raw)
{
	struct csv_parser	 p;
	const char		*nl;
	size_t			 off = 0, n;
	int			 line = 0, err = PL_OK;

	memset(r, 0, sizeof *r);
	r->raw = raw;
	if (csv_init(&p, CSV_APPEND_NULL) != 0)
		return pl_error_set(PL_ERROR, "%s: cannot read CSV", name);
	while (off < len) {
		nl = memchr(text + off, '\n', len - off);
		n = nl != NULL ? (size_t)(nl - text - off) + 1 : len - off;
		line++;
		if (r->cur_line == 0 && !blank(text + off, n))
			r->cur_line = line;
		if (csv_parse(&p, text + off, n, field_cb, record_cb, r) != n) {
			err = pl_error_set(PL_EPARSE, "%s:%d: %s", name, line,
			    csv_strerror(csv_error(&p)));
			goto done;
		}
		off += n;
	}
	/* Lenient with stray quotes, but not with one never closed */
	csv_set_opts(&p, CSV_APPEND_NULL | CSV_STRICT | CSV_STRICT_FINI);
	if (csv_fini(&p, field_cb, record_cb, r) != 0)
		err = pl_error_set(PL_EPARSE, "%s:%d: a quoted field has no "
		    "closing quote", name, r->cur_line);
done:
	csv_free(&p);
	return err;
}

/* The field of row r in column c (-1: none), or "". */
const char *
pl_csv_cell_of(const struct pl_csv_rows *r, size_t row, long c)
{
	if (c < 0 || (size_t)c >= r->v[row].n)
		return "";
	return r->v[row].v[c];
}

long
pl_csv_column(const struct pl_strlist *head, const char *name)
{
	size_t	i;

	for (i = 0; i < head->n; i++)
		if (strcasecmp(head->v[i], name) == 0)
			return (long)i;
	return -1;
}

