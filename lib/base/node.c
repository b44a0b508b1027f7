/*
 * The tree front matter is kept in (node.h): making a node, growing a
 * collection, freeing a tree, packing it for a cache and back.
 */
#include <stdlib.h>
#include <string.h>

#include "pl/base/node.h"
#include "pl/base/util.h"

struct pl_node *
pl_node_new(enum pl_node_kind kind, int style, int line)
{
	struct pl_node	*n = pl_xcalloc(1, sizeof *n);

	n->kind = kind;
	n->style = style;
	n->line = line;
	return n;
}

void
pl_node_free(struct pl_node *n)
{
	size_t	i;

	if (n == NULL)
		return;
	for (i = 0; i < n->n; i++) {
		if (n->keys != NULL)
			free(n->keys[i]);
		pl_node_free(n->items[i]);
	}
	free(n->keys);
	free(n->items);
	free(n->value);
	free(n->tag);
	free(n);
}

/*
 * Adds item (and key, owned, for a map) at the end of a collection.  The
 * arrays double when the count reaches a power of two, so a long list is
 * not copied once per item.
 */
void
pl_node_push(struct pl_node *n, char *key, struct pl_node *item)
{
	size_t	cap = n->n == 0 ? 1 : 2 * n->n;

	if ((n->n & (n->n - 1)) == 0) {
		n->items = pl_xrealloc(n->items, cap * sizeof *n->items);
		if (n->kind == PL_NODE_MAP)
			n->keys = pl_xrealloc(n->keys, cap * sizeof *n->keys);
	}
	if (n->kind == PL_NODE_MAP)
		n->keys[n->n] = key;
	n->items[n->n++] = item;
}

/*
 * The packed form: a node is its kind, style, flags (1: plain_ok) and
 * line, its tag and value (strings), its number of items, then each
 * item, after its key in a map.  A string is 0 for NULL, else its
 * length plus one and its bytes; numbers are seven bits a byte, low
 * first.
 */
#define PACK_DEPTH	128	/* the reader refuses deeper YAML anyway */

void
pl_pack_num(struct pl_buf *out, size_t v)
{
	char	b[10];
	size_t	n = 0;

	do {
		b[n++] = (char)((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
		v >>= 7;
	} while (v != 0);
	pl_buf_put(out, b, n);
}

int
pl_unpack_num(size_t *out, const char **p, const char *end)
{
	const unsigned char	*s = (const unsigned char *)*p;
	size_t			 v = 0;
	unsigned		 shift = 0;

	for (; (const char *)s < end && shift < 63; shift += 7) {
		v |= (size_t)(*s & 0x7f) << shift;
		if ((*s++ & 0x80) == 0) {
			*p = (const char *)s;
			*out = v;
			return 0;
		}
	}
	return -1;
}

void
pl_pack_str(struct pl_buf *out, const char *s)
{
	size_t	len;

	if (s == NULL) {
		pl_pack_num(out, 0);
		return;
	}
	len = strlen(s);
	pl_pack_num(out, len + 1);
	pl_buf_put(out, s, len);
}

int
pl_unpack_str(char **out, const char **p, const char *end)
{
	size_t	len;

	*out = NULL;
	if (pl_unpack_num(&len, p, end) != 0)
		return -1;
	if (len == 0)
		return 0;
	if (len - 1 > (size_t)(end - *p))
		return -1;
	*out = pl_xstrndup(*p, len - 1);
	*p += len - 1;
	return 0;
}

void
pl_node_pack(struct pl_buf *out, const struct pl_node *n)
{
	size_t	i;

	pl_pack_num(out, (size_t)n->kind);
	pl_pack_num(out, (size_t)n->style);
	pl_pack_num(out, n->plain_ok != 0);
	pl_pack_num(out, (size_t)n->line);
	pl_pack_str(out, n->tag);
	pl_pack_str(out, n->value);
	pl_pack_num(out, n->n);
	for (i = 0; i < n->n; i++) {
		if (n->kind == PL_NODE_MAP)
			pl_pack_str(out, n->keys[i]);
		pl_node_pack(out, n->items[i]);
	}
}

/* The fixed part of a node: its kind, style, flags and line. */
static struct pl_node *
unpack_head(const char **p, const char *end)
{
	struct pl_node	*n;
	size_t		 kind, style, flags, line;

	if (pl_unpack_num(&kind, p, end) != 0 || kind > PL_NODE_MAP ||
	    pl_unpack_num(&style, p, end) != 0 || style > 0xffff ||
	    pl_unpack_num(&flags, p, end) != 0 || flags > 1 ||
	    pl_unpack_num(&line, p, end) != 0 || line > 0x7fffffff)
		return NULL;
	n = pl_node_new((enum pl_node_kind)kind, (int)style, (int)line);
	n->plain_ok = (int)flags;
	return n;
}

static int
unpack(struct pl_node **out, const char **p, const char *end, int depth)
{
	struct pl_node	*n, *item;
	char		*key = NULL;
	size_t		 count, i;

	*out = NULL;
	if (depth > PACK_DEPTH || (n = unpack_head(p, end)) == NULL)
		return -1;
	if (pl_unpack_str(&n->tag, p, end) != 0 ||
	    pl_unpack_str(&n->value, p, end) != 0 ||
	    pl_unpack_num(&count, p, end) != 0 ||
	    count > (size_t)(end - *p) ||
	    (count > 0 && n->kind == PL_NODE_SCALAR))
		goto fail;
	for (i = 0; i < count; i++) {
		if (n->kind == PL_NODE_MAP && (pl_unpack_str(&key, p, end) !=
		    0 || key == NULL))
			goto fail;
		if (unpack(&item, p, end, depth + 1) != 0)
			goto fail;
		pl_node_push(n, key, item);
		key = NULL;
	}
	*out = n;
	return 0;
fail:
	free(key);
	pl_node_free(n);
	return -1;
}

int
pl_node_unpack(struct pl_node **out, const char **p, const char *end)
{
	return unpack(out, p, end, 0);
}
