/*
 * The tree front matter is kept in (doc.h): a node is a scalar, a
 * sequence or a mapping, with the style and line it was read with.  The
 * reader (lib/base/doc-read.c) builds it, the document API (doc.c)
 * changes it, the writer (doc-write.c) walks it.
 */
#ifndef PL_NODE_H
#define PL_NODE_H

#include <stddef.h>

enum pl_node_kind {
	PL_NODE_SCALAR,
	PL_NODE_SEQ,
	PL_NODE_MAP
};

struct pl_node {
	enum pl_node_kind	  kind;
	char			 *value;	/* scalar text (UTF-8) */
	char			 *tag;		/* explicit tag or NULL */
	int			  style;	/* libyaml scalar/sequence/
						   mapping style as read */
	int			  plain_ok;	/* scalar: may be written plain */
	size_t			  n;		/* items (and keys for a map) */
	char			**keys;		/* map: n keys */
	struct pl_node		**items;	/* seq: n items; map: n values */
	int			  line;		/* 1-based line in the file */
};

/* A new node of kind with libyaml's style, read at line (0: made). */
struct pl_node *pl_node_new(enum pl_node_kind kind, int style, int line);

/*
 * Adds item (and key, owned, for a map; NULL for a sequence) at the end
 * of collection n, which then owns item.
 */
void	 pl_node_push(struct pl_node *n, char *key, struct pl_node *item);

/* Frees n and every node under it; NULL is nothing. */
void	 pl_node_free(struct pl_node *);

#endif
