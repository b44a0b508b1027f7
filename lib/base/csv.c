/*
 * CSV written for a spreadsheet (csv.h): the one rule for a cell, which
 * every CSV of pl goes through, and a field quoted by libcsv.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "pl/base/csv.h"

void
pl_csv_field(struct pl_buf *b, const char *s, int first)
{
	size_t	len = strlen(s), need;
	char	*q;

	if (!first)
		pl_buf_putc(b, ',');
	if (strpbrk(s, ",\"\r\n") == NULL) {
		pl_buf_puts(b, s);
		return;
	}
	need = csv_write(NULL, 0, s, len);
	q = pl_xmalloc(need);
	csv_write(q, need, s, len);
	pl_buf_put(b, q, need);
	free(q);
}

/* A plain decimal number: -3, 0.25.  A spreadsheet reads it as itself. */
static int
csv_number(const char *s)
{
	if (*s == '-')
		s++;
	if (!isdigit((unsigned char)*s))
		return 0;
	while (isdigit((unsigned char)*s))
		s++;
	if (*s == '.') {
		if (!isdigit((unsigned char)*++s))
			return 0;
		while (isdigit((unsigned char)*s))
			s++;
	}
	return *s == '\0';
}

void
pl_csv_cell(struct pl_buf *b, const char *s, int first)
{
	char	*q;

	if (s == NULL)
		s = "";
	if (*s == '\0' || strchr("=+-@\t\r", *s) == NULL || csv_number(s)) {
		pl_csv_field(b, s, first);
		return;
	}
	q = pl_xasprintf("'%s", s);
	pl_csv_field(b, q, first);
	free(q);
}

void
pl_csv_row(struct pl_buf *b, const char *const *cells, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		pl_csv_cell(b, cells[i], i == 0);
	pl_buf_puts(b, "\r\n");
}

const char *
pl_csv_bool(int b)
{
	return b ? "true" : "false";
}
