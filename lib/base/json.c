/*
 * The JSON helpers every command and renderer shares, so all of pl's
 * JSON looks alike.
 */
#include <stdlib.h>

#include "pl/base/json.h"
#include "pl/base/percent.h"

void
pl_json_set(json_t *o, const char *key, json_t *v)
{
	json_object_set_new(o, key, v);
}

json_t *
pl_json_size(size_t n)
{
	return json_integer((json_int_t)n);
}

json_t *
pl_json_percent(size_t part, size_t whole)
{
	double	p;

	return pl_percent(&p, part, whole) ? json_real(p) : json_null();
}

json_t *
pl_json_str(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

json_t *
pl_json_window(const char *since, const char *until)
{
	json_t	*o;

	if (since == NULL)
		return json_null();
	o = json_object();
	pl_json_set(o, "since", json_string(since));
	pl_json_set(o, "until", pl_json_str(until));
	return o;
}

json_t *
pl_json_left_out(size_t files, size_t ratings, size_t links)
{
	json_t	*o = json_object();

	pl_json_set(o, "files", pl_json_size(files));
	pl_json_set(o, "ratings", pl_json_size(ratings));
	pl_json_set(o, "links", pl_json_size(links));
	return o;
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
