/*
 * The names nearest to an unknown one, for the messages that suggest
 * them (see near.h).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/near.h"

/* Edit distance, case aside, of a and b (capped lengths). */
static size_t
distance(const char *a, const char *b)
{
	size_t	la = strlen(a), lb = strlen(b), i, j, *row, prev, tmp, d;

	if (la > 200 || lb > 200)
		return (size_t)-1;
	row = pl_xcalloc(lb + 1, sizeof *row);
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			d = prev + (tolower((unsigned char)a[i - 1]) !=
			    tolower((unsigned char)b[j - 1]));
			if (row[j] + 1 < d)
				d = row[j] + 1;
			if (row[j - 1] + 1 < d)
				d = row[j - 1] + 1;
			row[j] = d;
			prev = tmp;
		}
	}
	d = row[lb];
	free(row);
	return d;
}

/* How far code is from what was typed: from itself or a short form. */
static size_t
nearness(const char *typed, const char *code)
{
	size_t		 d = distance(typed, code), e;
	const char	*p;

	for (p = strchr(code, '.'); p != NULL; p = strchr(p + 1, '.'))
		if ((e = distance(typed, p + 1)) < d)
			d = e;
	return d;
}

void
pl_near_init(struct pl_near *nr, const char *typed)
{
	memset(nr, 0, sizeof *nr);
	nr->typed = typed;
	nr->limit = strlen(typed) / 3 + 1;
}

void
pl_near_consider(void *arg, const char *code)
{
	struct pl_near	*nr = arg;
	size_t		 d, j, k;

	if ((d = nearness(nr->typed, code)) > nr->limit)
		return;
	/* a code two frameworks share is one suggestion */
	for (j = 0; j < nr->n; j++)
		if (strcmp(nr->best[j], code) == 0)
			return;
	for (j = 0; j < nr->n && nr->dist[j] <= d; j++)
		;
	if (j == PL_NEAR_MAX)
		return;
	if (nr->n < PL_NEAR_MAX)
		nr->n++;
	for (k = nr->n - 1; k > j; k--) {
		nr->best[k] = nr->best[k - 1];
		nr->dist[k] = nr->dist[k - 1];
	}
	nr->best[j] = code;
	nr->dist[j] = d;
}

void
pl_near_words(struct pl_buf *out, const struct pl_near *nr)
{
	size_t	i;

	for (i = 0; i < nr->n; i++)
		pl_buf_printf(out, "%s'%s'", i ? ", " : " (did you mean ",
		    nr->best[i]);
	if (nr->n > 0)
		pl_buf_puts(out, "?)");
}
