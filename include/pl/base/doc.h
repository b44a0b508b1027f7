/*
 * A portfolio file: YAML front matter between "---" lines, then a Markdown
 * body.  The front matter is kept as a tree of every node the person
 * wrote, in their order and (where libyaml lets us) their scalar and
 * collection styles, so that rewriting a file changes only the keys pl
 * set.  Comments are the one thing libyaml cannot keep.
 */
#ifndef PL_DOC_H
#define PL_DOC_H

#include <stddef.h>

#include "pl/base/error.h"
#include "pl/base/node.h"
#include "pl/base/util.h"

/*
 * The most front matter pl reads, "---" lines aside: 1 MiB, and
 * 100,000 nodes (keys, values and copies made for aliases).
 */
#define PL_DOC_FM_MAX	(1024 * 1024)

/* The UTF-8 byte-order mark, which a file may begin with. */
#define PL_DOC_BOM	"\xef\xbb\xbf"

/*
 * What was once derived from a doc's body, kept so it is not derived
 * again: entries fill it from their summaries (lib/entries/entry.c), so a
 * list parses no Markdown for a file it has seen.  pl_doc_set_body()
 * forgets it with the body it came from.
 */
struct pl_doc_memo {
	int	 tasks;		/* tasks_done and tasks_total are known */
	size_t	 tasks_done;	/* ticked task items of one section */
	size_t	 tasks_total;	/* (the kind knows which: a goal's Steps) */
	int	 words;		/* first_words is known (NULL: none) */
	char	*first_words;	/* pl_md_first_words() of the body, owned */
};

struct pl_doc {
	struct pl_node	*fm;		/* a map; empty when the file had none */
	int		 bom;		/* the file began with PL_DOC_BOM */
	int		 has_fm;	/* the file began with front matter */
	char		*body;		/* the Markdown after the front matter;
					   changed by pl_doc_set_body() alone */
	int		 body_line;	/* file line on which body starts (1-based) */
	struct pl_doc_memo memo;	/* of body; empty when unknown */
};

/* How pl_doc_set() writes a new scalar. */
enum pl_scalar {
	PL_SCALAR_STR,		/* a string: quoted when YAML would read it
				   as anything else (yes, 12, 2024-01-01, ~) */
	PL_SCALAR_PLAIN		/* plain, so YAML reads it typed: dates */
};

/*
 * Parses text (len bytes, UTF-8, after a byte-order mark if it has one)
 * into a new doc.  name is the file's path for messages.  Broken YAML,
 * front matter that is not a mapping, an unterminated "---" block, front
 * matter over PL_DOC_FM_MAX bytes or nodes, a NUL byte anywhere (a file in
 * UTF-16, or binary) or in a value ("\0"): PL_EPARSE with
 * "name:LINE: what" where LINE is the line of the file.  A file without
 * front matter parses to an empty map and the whole text as body.  The
 * caller frees with pl_doc_free().
 */
int	 pl_doc_parse(struct pl_doc **out, const char *name, const char *text,
	    size_t len) PL_WUR;

/*
 * Which libyaml reads front matter (its version), so that a cache of
 * what it read is not trusted across an upgrade.  Static.
 */
const char *pl_doc_reader_version(void);

/* A new doc with an empty front matter map and an empty body. */
struct pl_doc *pl_doc_new(void);

void	 pl_doc_free(struct pl_doc *);

/*
 * Appends the file text to out: the byte-order mark if the file had one,
 * "---\n", the front matter as YAML, "---\n", then the body unchanged.
 * Parsing the result gives the same tree.
 */
void	 pl_doc_serialize(const struct pl_doc *, struct pl_buf *out);

/* The node under key, or NULL.  Borrowed. */
const struct pl_node *pl_doc_node(const struct pl_doc *, const char *key);

/*
 * The scalar under key, or NULL when missing, null ("~", empty) or not a
 * scalar.  Borrowed.
 */
const char *pl_doc_get(const struct pl_doc *, const char *key);

/*
 * Sets key to a scalar, replacing its value in place (so it keeps its
 * position) or appending it at the end of the map.  A NULL value writes
 * an empty (null) value.
 */
void	 pl_doc_set(struct pl_doc *, const char *key, const char *value,
	    enum pl_scalar);

/*
 * Appends to out the strings of a list under key: a sequence of scalars,
 * a single scalar (one item) or missing/null (none).  A map or nested
 * list: PL_EPARSE naming name, line and key.
 */
int	 pl_doc_get_list(const struct pl_doc *, const char *name,
	    const char *key, struct pl_strlist *out) PL_WUR;

/*
 * Sets key to a sequence of strings (flow style, "[a, b]", unless the
 * key held a block sequence already, whose style is kept).
 */
void	 pl_doc_set_list(struct pl_doc *, const char *key,
	    const struct pl_strlist *);

/*
 * The items of a list of mappings under key ("ratings": a mapping per
 * rating): *out the borrowed items, *n their number, none when key is
 * missing or null.  Anything but a sequence of mappings: PL_EPARSE
 * "name:LINE: 'key' must be a list of mappings".
 */
int	 pl_doc_get_maps(const struct pl_doc *, const char *name,
	    const char *key, struct pl_node *const **out, size_t *n) PL_WUR;

/* The scalar under key in map, as pl_doc_get() reads one.  Borrowed. */
const char *pl_node_get(const struct pl_node *map, const char *key);

/* A new, empty mapping in block style, for pl_doc_append(). */
struct pl_node *pl_node_map(void);

/*
 * Sets key of map to a scalar written as pl_doc_set() writes one,
 * replacing its value in place or appending it.
 */
void	 pl_node_set(struct pl_node *map, const char *key, const char *value,
	    enum pl_scalar);

/*
 * Appends item (which the doc then owns) to the list under key, making
 * a block list when key is missing or null; every other key and item
 * stays as it was.  The caller has checked with pl_doc_get_maps() or
 * pl_doc_get_list() that key holds a list.
 */
void	 pl_doc_append(struct pl_doc *, const char *key, struct pl_node *item);

/* Replaces the body with a copy of body (and empties the memo). */
void	 pl_doc_set_body(struct pl_doc *, const char *body);


#endif
