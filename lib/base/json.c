/*
 * The JSON helpers every command and renderer shares, so all of pl's
 * JSON looks alike.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	struct pl_buf	b = PL_BUF_INIT;
	struct pl_jw	w;

	pl_jw_init(&w, &b);
	pl_jw_window(&w, NULL, since, until);
	return pl_jw_load(&b);
}

json_t *
pl_json_left_out(size_t files, size_t ratings, size_t links)
{
	struct pl_buf	b = PL_BUF_INIT;
	struct pl_jw	w;

	pl_jw_init(&w, &b);
	pl_jw_left_out(&w, NULL, files, ratings, links);
	return pl_jw_load(&b);
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

/*
 * The streaming writer.  Its bytes are jansson's (dump.c, with
 * JSON_INDENT(2) | JSON_REAL_PRECISION(12) | JSON_PRESERVE_ORDER): a
 * container's members each on a line of their own indented two spaces a
 * level, "key": value, "{}" and "[]" when empty; the same escapes and
 * numbers; what json_string() or json_real() refuse is left out.
 */

/* The length of s's UTF-8 character, 0 when it is none (utf.c's rules). */
static size_t
utf8_char(const unsigned char *s, long *cp)
{
	size_t	n, i;
	long	v;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, v = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, v = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, v = s[0] & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if (s[i] < 0x80 || s[i] > 0xbf)
			return 0;
		v = (v << 6) | (s[i] & 0x3f);
	}
	if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff) ||
	    (n == 2 && v < 0x80) || (n == 3 && v < 0x800) ||
	    (n == 4 && v < 0x10000))
		return 0;
	*cp = v;
	return n;
}

/* 1 when json_string() takes s. */
static int
utf8_valid(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n;
	long			 cp;

	for (; *p != '\0'; p += n)
		if (*p < 0x80)
			n = 1;		/* ASCII, most of what pl writes */
		else if ((n = utf8_char(p, &cp)) == 0)
			return 0;
	return 1;
}

/* s quoted and escaped; a byte that is no UTF-8 is kept as it is. */
static void
put_string(struct pl_buf *out, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	const char		*from = s, *esc;
	char			 seq[13];
	size_t			 n;
	long			 cp;

	pl_buf_putc(out, '"');
	for (; *p != '\0'; p += n) {
		n = 1;
		if (*p >= 0x20 && *p < 0x80 && *p != '\\' && *p != '"')
			continue;	/* ASCII kept as it is */
		if ((n = utf8_char(p, &cp)) == 0) {
			n = 1;
			continue;
		}
		if (cp != '\\' && cp != '"' && cp >= 0x20)
			continue;
		pl_buf_put(out, from, (size_t)((const char *)p - from));
		from = (const char *)p + n;
		switch (cp) {
		case '\\': esc = "\\\\"; break;
		case '"': esc = "\\\""; break;
		case '\b': esc = "\\b"; break;
		case '\f': esc = "\\f"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		default:
			snprintf(seq, sizeof seq, "\\u%04X", (unsigned int)cp);
			esc = seq;
		}
		pl_buf_puts(out, esc);
	}
	pl_buf_put(out, from, (size_t)((const char *)p - from));
	pl_buf_putc(out, '"');
}

/* A new line indented to depth. */
static void
indent(struct pl_jw *w, int depth)
{
	static const char	spaces[] = "                                ";
	size_t			n = 2 * (size_t)depth, k;

	pl_buf_putc(w->out, '\n');
	for (; n > 0; n -= k) {
		k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
		pl_buf_put(w->out, spaces, k);
	}
}

/* What goes before a member: its place and its key. */
static void
member(struct pl_jw *w, const char *key)
{
	if (w->depth == 0)
		return;
	if (!w->empty)
		pl_buf_putc(w->out, ',');
	indent(w, w->depth);
	w->empty = 0;
	if (key != NULL) {
		put_string(w->out, key);
		pl_buf_puts(w->out, ": ");
	}
}

void
pl_jw_init(struct pl_jw *w, struct pl_buf *out)
{
	w->out = out;
	w->depth = 0;
	w->empty = 1;
}

void
pl_jw_open(struct pl_jw *w, const char *key, char brace)
{
	member(w, key);
	pl_buf_putc(w->out, brace);
	w->depth++;
	w->empty = 1;
}

void
pl_jw_close(struct pl_jw *w, char brace)
{
	w->depth--;
	if (!w->empty)
		indent(w, w->depth);
	pl_buf_putc(w->out, brace);
	w->empty = 0;
}

void
pl_jw_str(struct pl_jw *w, const char *key, const char *s)
{
	if (s == NULL) {
		pl_jw_null(w, key);
		return;
	}
	if (!utf8_valid(s))
		return;
	member(w, key);
	put_string(w->out, s);
}

void
pl_jw_int(struct pl_jw *w, const char *key, long long n)
{
	char			 s[24], *p = s + sizeof s;
	unsigned long long	 u = n < 0 ? 0ULL - (unsigned long long)n :
				    (unsigned long long)n;

	/* printf's "%lld" took a thousand instructions a number */
	member(w, key);
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (n < 0)
		*--p = '-';
	pl_buf_put(w->out, p, (size_t)(s + sizeof s - p));
}

/* jansson's jsonp_dtostr() at 12 digits, in the C locale pl runs in. */
void
pl_jw_real(struct pl_jw *w, const char *key, double x)
{
	char	s[64], *e, *d;

	if (!isfinite(x))
		return;
	member(w, key);
	snprintf(s, sizeof s, "%.12g", x);
	if (strchr(s, '.') == NULL && strchr(s, 'e') == NULL)
		strcat(s, ".0");
	if ((e = strchr(s, 'e')) != NULL) {
		e++;
		d = e + 1;
		if (*e == '-')
			e++;
		while (*d == '0')
			d++;
		memmove(e, d, strlen(d) + 1);
	}
	pl_buf_puts(w->out, s);
}

void
pl_jw_bool(struct pl_jw *w, const char *key, int b)
{
	member(w, key);
	pl_buf_puts(w->out, b ? "true" : "false");
}

void
pl_jw_null(struct pl_jw *w, const char *key)
{
	member(w, key);
	pl_buf_puts(w->out, "null");
}

void
pl_jw_strlist(struct pl_jw *w, const char *key, const struct pl_strlist *l)
{
	size_t	i;

	pl_jw_open(w, key, '[');
	for (i = 0; i < l->n; i++)
		pl_jw_str(w, NULL, l->v[i]);
	pl_jw_close(w, ']');
}

void
pl_jw_percent(struct pl_jw *w, const char *key, size_t part, size_t whole)
{
	double	p;

	if (pl_percent(&p, part, whole))
		pl_jw_real(w, key, p);
	else
		pl_jw_null(w, key);
}

void
pl_jw_window(struct pl_jw *w, const char *key, const char *since,
    const char *until)
{
	if (since == NULL) {
		pl_jw_null(w, key);
		return;
	}
	pl_jw_open(w, key, '{');
	pl_jw_str(w, "since", since);
	pl_jw_str(w, "until", until);
	pl_jw_close(w, '}');
}

void
pl_jw_left_out(struct pl_jw *w, const char *key, size_t files,
    size_t ratings, size_t links)
{
	pl_jw_open(w, key, '{');
	pl_jw_int(w, "files", (long long)files);
	pl_jw_int(w, "ratings", (long long)ratings);
	pl_jw_int(w, "links", (long long)links);
	pl_jw_close(w, '}');
}

void
pl_jw_end(struct pl_jw *w)
{
	pl_buf_putc(w->out, '\n');
}

json_t *
pl_jw_load(struct pl_buf *b)
{
	json_t	*j = json_loads(pl_buf_cstr(b), JSON_DECODE_ANY, NULL);

	pl_buf_release(b);
	if (j == NULL)
		abort();	/* pl_jw wrote it: only memory can fail */
	return j;
}
