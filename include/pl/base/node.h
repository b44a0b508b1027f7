/*
 * The tree front matter is kept in (doc.h): a node is a scalar, a
 * sequence or a mapping, with the style and line it was read with.  The
 * reader (lib/base/doc-read.c) builds it, the document API (doc.c)
 * changes it, the writer (doc-write.c) walks it.
 */
#ifndef PL_NODE_H
#define PL_NODE_H

#include <stddef.h>

#include "pl/base/util.h"

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

/*
 * Appends to out the tree under n in a compact binary form that
 * pl_node_unpack() reads back node for node (kinds, values, tags,
 * styles, lines), for caches that keep a parsed front matter.
 */
void	 pl_node_pack(struct pl_buf *out, const struct pl_node *n);

/*
 * Reads one tree written by pl_node_pack() from *p (up to end), moving *p
 * past it.  0 with *out the new tree (the caller frees), or -1 with *out
 * NULL when the bytes are not one: a cache that is not right is not
 * trusted, never read past its end.
 */
int	 pl_node_unpack(struct pl_node **out, const char **p,
	    const char *end);

/*
 * A number written as pl_node_pack() writes its counts (seven bits a
 * byte), and read back: -1 when the bytes end first or it overflows.
 */
void	 pl_pack_num(struct pl_buf *out, size_t v);
int	 pl_unpack_num(size_t *out, const char **p, const char *end);

/* A string, NULL included, written and read back likewise; the caller frees. */
void	 pl_pack_str(struct pl_buf *out, const char *s);
int	 pl_unpack_str(char **out, const char **p, const char *end);

#endif
