/*
 * The tree front matter is kept in (node.h): making a node, growing a
 * collection, freeing a tree.
 */
#include <stdlib.h>

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
