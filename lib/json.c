/*
 * The JSON helpers every command and renderer shares, so all of pl's
 * JSON looks alike.
 */
#include <stdlib.h>

#include "pl/json.h"

json_t *
pl_json_str(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

json_t *
pl_json_strlist(const struct pl_strlist *l)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < l->n; i++)
		json_array_append_new(a, json_string(l->v[i]));
	return a;
}

void
pl_json_dump(struct pl_buf *out, const json_t *j)
{
	char	*s = json_dumps(j, JSON_INDENT(2) | JSON_REAL_PRECISION(12) |
		    JSON_PRESERVE_ORDER);

	if (s == NULL)
		abort();	/* out of memory, as pl_xmalloc() */
	pl_buf_puts(out, s);
	pl_buf_putc(out, '\n');
	free(s);
}
