/*
 * Front matter read with libyaml's event parser into a tree of pl_node
 * (node.h), after the "---" lines are found.  The tree keeps what
 * libyaml reports (order, scalar and collection styles, tags, lines) so a
 * rewrite touches little beyond the keys pl set; comments are lost.
 *
 * Anchors and aliases are resolved by copying the anchored node, so the
 * tree has no shared nodes and a rewrite writes the values out in full
 * (PyYAML reads the same values; a "<<" merge key stays an ordinary key
 * whose value is the copied map).  Keys and copies count against a node
 * limit so a "billion laughs" file fails instead of eating memory, and a
 * front matter larger than PL_DOC_FM_MAX is refused before libyaml reads
 * it.  Keys and anchors are found through a hash index, so even a map at
 * the node limit is read in linear time.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "pl/base/doc.h"
#include "pl/base/node.h"

#define MAX_DEPTH	64		/* nesting of collections */
#define MAX_NODES	100000		/* nodes per file, aliases copied */

/*
 * Where each of an array of strings is, so that finding one is not a walk
 * of them all: duplicate keys were looked for so, and a map of 64,000 keys
 * took seconds.  slot[i] is 0 (empty) or 1 + the string's index.
 */
struct strindex {
	size_t	*slot;
	size_t	 cap;			/* a power of two, or 0 */
	size_t	 n;
};

struct reader {
	yaml_parser_t	 parser;
	const char	*name;
	const char	*yaml;		/* the front matter text */
	size_t		 len;
	int		 line0;		/* file line of the YAML's line 0 */
	char		**anchors;	/* names, in the order defined */
	struct pl_node	**anchored;	/* their nodes, owned by the tree */
	size_t		  nanchors;
	struct strindex	  anchor_ix;	/* the latest anchor of each name */
	struct pl_node	**keys;		/* anchored keys' nodes, owned here */
	size_t		  nkeys;
	size_t		  nnodes;
};

/* FNV-1a: short, and good enough for keys a person wrote. */
static size_t
str_hash(const char *s)
{
	uint32_t	h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The slot of s (one of v) in ix, or the empty slot where it would go. */
static size_t *
strindex_slot(const struct strindex *ix, char *const *v, const char *s)
{
	size_t	i = str_hash(s) & (ix->cap - 1);

	while (ix->slot[i] != 0 && strcmp(v[ix->slot[i] - 1], s) != 0)
		i = (i + 1) & (ix->cap - 1);
	return &ix->slot[i];
}

/* The index in v of s, or -1. */
static long
strindex_find(const struct strindex *ix, char *const *v, const char *s)
{
	size_t	*slot;

	if (ix->cap == 0)
		return -1;
	slot = strindex_slot(ix, v, s);
	return *slot == 0 ? -1 : (long)(*slot - 1);
}

/* Makes v[i] the one its string finds, in place of an equal one. */
static void
strindex_put(struct strindex *ix, char *const *v, size_t i)
{
	struct strindex	 old = *ix;
	size_t		*slot, k;

	if (2 * (ix->n + 1) > ix->cap) {
		ix->cap = old.cap != 0 ? 2 * old.cap : 16;
		ix->slot = pl_xcalloc(ix->cap, sizeof *ix->slot);
		for (k = 0; k < old.cap; k++)
			if (old.slot[k] != 0)
				*strindex_slot(ix, v, v[old.slot[k] - 1]) =
				    old.slot[k];
		free(old.slot);
	}
	slot = strindex_slot(ix, v, v[i]);
	if (*slot == 0)
		ix->n++;
	*slot = i + 1;
}

static void
strindex_release(struct strindex *ix)
{
	free(ix->slot);
	memset(ix, 0, sizeof *ix);
}

/* Nodes as count_nodes() counts them: a map's keys too. */
static size_t
node_count(const struct pl_node *n)
{
	size_t	i, count = 1;

	if (n->kind == PL_NODE_MAP)
		count += n->n;
	for (i = 0; i < n->n; i++)
		count += node_count(n->items[i]);
	return count;
}

static struct pl_node *
node_copy(const struct pl_node *src)
{
	struct pl_node	*n = pl_node_new(src->kind, src->style, src->line);
	size_t		 i;

	n->value = src->value != NULL ? pl_xstrdup(src->value) : NULL;
	n->tag = src->tag != NULL ? pl_xstrdup(src->tag) : NULL;
	n->plain_ok = src->plain_ok;
	for (i = 0; i < src->n; i++)
		pl_node_push(n, src->keys != NULL ? pl_xstrdup(src->keys[i]) :
		    NULL, node_copy(src->items[i]));
	return n;
}

/* Counts the lines of s (len bytes) before offset, for messages. */
static int
offset_line(const char *s, size_t len, size_t offset)
{
	size_t	i;
	int	line = 0;

	for (i = 0; i < offset && i < len; i++) {
		if (s[i] == '\n' || (s[i] == '\r' &&
		    (i + 1 == len || s[i + 1] != '\n')))
			line++;
	}
	return line;
}

/*
 * libyaml's own message.  A problem found at the very end of the text
 * (an unclosed quote or bracket) is reported where the construct began,
 * the line a person has to fix.
 */
static int
yaml_fail(struct reader *r)
{
	yaml_parser_t	*p = &r->parser;
	const char	*problem = p->problem ? p->problem : "invalid YAML";
	size_t		 line = p->problem_mark.line;

	if (p->error == YAML_READER_ERROR)
		line = (size_t)offset_line(r->yaml, r->len, p->problem_offset);
	else if (p->context != NULL && p->problem_mark.index >= r->len)
		line = p->context_mark.line;
	if (p->context != NULL)
		return pl_error_set(PL_EPARSE, "%s:%zu: %s %s", r->name,
		    line + (size_t)r->line0, problem, p->context);
	return pl_error_set(PL_EPARSE, "%s:%zu: %s", r->name,
	    line + (size_t)r->line0, problem);
}

static int
next_event(struct reader *r, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&r->parser, ev))
		return yaml_fail(r);
	return 0;
}

static int
event_line(const struct reader *r, const yaml_event_t *ev)
{
	return (int)ev->start_mark.line + r->line0;
}

static int
count_nodes(struct reader *r, const yaml_event_t *ev, size_t n)
{
	r->nnodes += n;
	if (r->nnodes > MAX_NODES)
		return pl_error_set(PL_EPARSE, "%s:%d: front matter is too "
		    "large", r->name, event_line(r, ev));
	return 0;
}

static void
anchor_add(struct reader *r, const yaml_char_t *name, struct pl_node *n)
{
	if (name == NULL)
		return;
	r->anchors = pl_xrealloc(r->anchors, (r->nanchors + 1) *
	    sizeof *r->anchors);
	r->anchored = pl_xrealloc(r->anchored, (r->nanchors + 1) *
	    sizeof *r->anchored);
	r->anchors[r->nanchors] = pl_xstrdup((const char *)name);
	r->anchored[r->nanchors] = n;
	strindex_put(&r->anchor_ix, r->anchors, r->nanchors++);
}

/* An alias is a copy of the latest node with that anchor. */
static int
parse_alias(struct reader *r, const yaml_event_t *ev, struct pl_node **out)
{
	const char	*name = (const char *)ev->data.alias.anchor;
	long		 i;
	int		 error;

	if ((i = strindex_find(&r->anchor_ix, r->anchors, name)) < 0)
		return pl_error_set(PL_EPARSE, "%s:%d: undefined alias '%s'",
		    r->name, event_line(r, ev), name);
	if ((error = count_nodes(r, ev, node_count(r->anchored[i]))) != 0)
		return error;
	*out = node_copy(r->anchored[i]);
	(*out)->line = event_line(r, ev);
	return 0;
}

/*
 * The text of a scalar event.  A quoted "\0" puts a NUL in it, where the
 * C string would end and a rewrite would drop the rest: refused.
 */
static int
scalar_text(struct reader *r, const yaml_event_t *ev, char **out)
{
	const char	*s = (const char *)ev->data.scalar.value;

	*out = NULL;
	if (memchr(s, '\0', ev->data.scalar.length) != NULL)
		return pl_error_set(PL_EPARSE, "%s:%d: a value holds a NUL "
		    "character (\\0)", r->name, event_line(r, ev));
	*out = pl_xstrndup(s, ev->data.scalar.length);
	return 0;
}

static int
parse_scalar(struct reader *r, const yaml_event_t *ev, struct pl_node **out)
{
	struct pl_node	*n;
	int		 error;

	*out = NULL;
	n = pl_node_new(PL_NODE_SCALAR, ev->data.scalar.style,
	    event_line(r, ev));
	if ((error = scalar_text(r, ev, &n->value)) != 0) {
		pl_node_free(n);
		return error;
	}
	if (ev->data.scalar.tag != NULL)
		n->tag = pl_xstrdup((const char *)ev->data.scalar.tag);
	n->plain_ok = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	*out = n;
	return 0;
}

static int parse_node(struct reader *, yaml_event_t *, int,
    struct pl_node **);

static int
parse_seq(struct reader *r, struct pl_node *seq, int depth)
{
	yaml_event_t	 ev;
	struct pl_node	*item;
	int		 error;

	for (;;) {
		if ((error = next_event(r, &ev)) != 0)
			return error;
		if (ev.type == YAML_SEQUENCE_END_EVENT) {
			yaml_event_delete(&ev);
			return 0;
		}
		error = parse_node(r, &ev, depth + 1, &item);
		yaml_event_delete(&ev);
		if (error != 0)
			return error;
		pl_node_push(seq, NULL, item);
	}
}

/*
 * A key with an anchor, which a later alias copies as YAML has it
 * ("&k a: 1", "b: *k"): the tree keeps keys as text, so the reader keeps
 * the node.
 */
static int
anchored_key(struct reader *r, const yaml_event_t *ev, char **out)
{
	struct pl_node	*n;
	int		 error;

	if ((error = parse_scalar(r, ev, &n)) != 0)
		return error;
	*out = pl_xstrdup(n->value);
	r->keys = pl_xrealloc(r->keys, (r->nkeys + 1) * sizeof *r->keys);
	r->keys[r->nkeys++] = n;
	anchor_add(r, ev->data.scalar.anchor, n);
	return 0;
}

/* A key must be a scalar (or an alias of one); pl keeps keys as text. */
static int
parse_key(struct reader *r, yaml_event_t *ev, char **out)
{
	struct pl_node	*n;
	int		 error;

	if (ev->type == YAML_SCALAR_EVENT && ev->data.scalar.anchor != NULL)
		return anchored_key(r, ev, out);
	if (ev->type == YAML_SCALAR_EVENT)
		return scalar_text(r, ev, out);
	if (ev->type != YAML_ALIAS_EVENT)
		return pl_error_set(PL_EPARSE, "%s:%d: a key must be a "
		    "scalar", r->name, event_line(r, ev));
	if ((error = parse_alias(r, ev, &n)) != 0)
		return error;
	if (n->kind != PL_NODE_SCALAR) {
		pl_node_free(n);
		return pl_error_set(PL_EPARSE, "%s:%d: a key must be a "
		    "scalar", r->name, event_line(r, ev));
	}
	*out = n->value;
	n->value = NULL;
	pl_node_free(n);
	return 0;
}

/* keys indexes the map's keys, for finding a duplicate. */
static int
parse_map_entry(struct reader *r, struct pl_node *map, struct strindex *keys,
    yaml_event_t *kev, int depth)
{
	yaml_event_t	 ev;
	struct pl_node	*value = NULL;
	char		*key = NULL;
	int		 error;

	if ((error = count_nodes(r, kev, 1)) != 0 ||
	    (error = parse_key(r, kev, &key)) != 0)
		goto done;
	if (strindex_find(keys, map->keys, key) >= 0) {
		error = pl_error_set(PL_EPARSE, "%s:%d: duplicate key '%s'",
		    r->name, event_line(r, kev), key);
		goto done;
	}
	if ((error = next_event(r, &ev)) != 0)
		goto done;
	error = parse_node(r, &ev, depth + 1, &value);
	yaml_event_delete(&ev);
	if (error != 0)
		goto done;
	pl_node_push(map, key, value);
	strindex_put(keys, map->keys, map->n - 1);
	key = NULL;
done:
	free(key);
	return error;
}

static int
parse_map(struct reader *r, struct pl_node *map, int depth)
{
	struct strindex	keys = { NULL, 0, 0 };
	yaml_event_t	ev;
	int		error;

	for (;;) {
		if ((error = next_event(r, &ev)) != 0)
			break;
		if (ev.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		error = parse_map_entry(r, map, &keys, &ev, depth);
		yaml_event_delete(&ev);
		if (error != 0)
			break;
	}
	strindex_release(&keys);
	return error;
}

/* Builds the node that ev starts; ev stays the caller's to delete. */
static int
parse_node(struct reader *r, yaml_event_t *ev, int depth,
    struct pl_node **out)
{
	struct pl_node		*n;
	const yaml_char_t	*anchor = NULL, *tag = NULL;
	int			 error;

	*out = NULL;
	if (depth > MAX_DEPTH)
		return pl_error_set(PL_EPARSE, "%s:%d: front matter is nested "
		    "too deeply", r->name, event_line(r, ev));
	if ((error = count_nodes(r, ev, 1)) != 0)
		return error;
	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		return parse_alias(r, ev, out);
	case YAML_SCALAR_EVENT:
		error = parse_scalar(r, ev, &n);
		anchor = ev->data.scalar.anchor;
		break;
	case YAML_SEQUENCE_START_EVENT:
		n = pl_node_new(PL_NODE_SEQ, ev->data.sequence_start.style,
		    event_line(r, ev));
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
		error = parse_seq(r, n, depth);
		break;
	case YAML_MAPPING_START_EVENT:
		n = pl_node_new(PL_NODE_MAP, ev->data.mapping_start.style,
		    event_line(r, ev));
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
		error = parse_map(r, n, depth);
		break;
	default:
		return pl_error_set(PL_EPARSE, "%s:%d: unexpected YAML event",
		    r->name, event_line(r, ev));
	}
	if (error != 0) {
		pl_node_free(n);
		return error;
	}
	if (tag != NULL)
		n->tag = pl_xstrdup((const char *)tag);
	anchor_add(r, anchor, n);
	*out = n;
	return 0;
}

/* The one document of the front matter; none at all is an empty map. */
static int
parse_document(struct reader *r, struct pl_node **out)
{
	yaml_event_t	 ev;
	struct pl_node	*root = NULL;
	int		 error, line;

	*out = NULL;
	if ((error = next_event(r, &ev)) != 0)		/* stream start */
		return error;
	yaml_event_delete(&ev);
	if ((error = next_event(r, &ev)) != 0)
		return error;
	if (ev.type == YAML_STREAM_END_EVENT) {
		yaml_event_delete(&ev);
		*out = pl_node_new(PL_NODE_MAP, YAML_BLOCK_MAPPING_STYLE, 1);
		return 0;
	}
	yaml_event_delete(&ev);				/* document start */
	if ((error = next_event(r, &ev)) != 0)
		return error;
	line = event_line(r, &ev);
	error = parse_node(r, &ev, 0, &root);
	yaml_event_delete(&ev);
	if (error != 0)
		return error;
	if (root->kind != PL_NODE_MAP) {
		pl_node_free(root);
		return pl_error_set(PL_EPARSE, "%s:%d: front matter is not a "
		    "mapping", r->name, line);
	}
	if ((error = next_event(r, &ev)) != 0)		/* document end */
		goto done;
	yaml_event_delete(&ev);
	if ((error = next_event(r, &ev)) != 0)
		goto done;
	if (ev.type != YAML_STREAM_END_EVENT)
		error = pl_error_set(PL_EPARSE, "%s:%d: more than one YAML "
		    "document in front matter", r->name, event_line(r, &ev));
	yaml_event_delete(&ev);
done:
	if (error != 0)
		pl_node_free(root);
	else
		*out = root;
	return error;
}

static int
parse_yaml(struct pl_node **out, const char *name, const char *yaml,
    size_t len, int line0)
{
	struct reader	r;
	size_t		i;
	int		error;

	memset(&r, 0, sizeof r);
	r.name = name;
	r.yaml = yaml;
	r.len = len;
	r.line0 = line0;
	if (!yaml_parser_initialize(&r.parser))
		return pl_error_set(PL_ERROR, "%s: cannot start the YAML "
		    "parser", name);
	yaml_parser_set_input_string(&r.parser, (const unsigned char *)yaml,
	    len);
	error = parse_document(&r, out);
	yaml_parser_delete(&r.parser);
	for (i = 0; i < r.nanchors; i++)
		free(r.anchors[i]);
	free(r.anchors);
	free(r.anchored);
	for (i = 0; i < r.nkeys; i++)
		pl_node_free(r.keys[i]);
	free(r.keys);
	strindex_release(&r.anchor_ix);
	return error;
}

/*
 * Length of the line at s (up to end) without its line break, and in
 * *next the offset of the following line.
 */
static size_t
line_len(const char *s, const char *end, size_t *next)
{
	const char	*p = s;

	while (p < end && *p != '\n')
		p++;
	*next = (size_t)(p - s) + (p < end);
	if (p > s && p[-1] == '\r')
		p--;
	return (size_t)(p - s);
}

/* Is the line (without its break) marker, give or take trailing blanks? */
static int
is_marker(const char *s, size_t len, const char *marker)
{
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	return len == 3 && memcmp(s, marker, 3) == 0;
}

/*
 * Splits text into front matter and body.  Returns 1 with the YAML's
 * offset and length when the text opens with "---", 0 when it has no
 * front matter, or PL_EPARSE when the block is never closed.
 */
static int
split(const char *name, const char *text, size_t len, size_t *yaml,
    size_t *yaml_len, size_t *body, int *body_line)
{
	const char	*end = text + len;
	size_t		 off, next, n;
	int		 line;

	n = line_len(text, end, &next);
	if (!is_marker(text, n, "---")) {
		*body = 0;
		*body_line = 1;
		return 0;
	}
	*yaml = off = next;
	for (line = 2; off < len; line++) {
		n = line_len(text + off, end, &next);
		if (is_marker(text + off, n, "---") ||
		    is_marker(text + off, n, "...")) {
			*yaml_len = off - *yaml;
			*body = off + next;
			*body_line = line + 1;
			return 1;
		}
		off += next;
	}
	return pl_error_set(PL_EPARSE, "%s:1: front matter is not closed",
	    name);
}

/*
 * A NUL byte would end the body where it is used as a C string, and a
 * rewrite would drop what follows: a file that holds one (binary, or text
 * in UTF-16) is refused whole.
 */
static int
check_nul(const char *name, const char *text, size_t len)
{
	const char	*nul = memchr(text, '\0', len);

	if (nul == NULL)
		return 0;
	return pl_error_set(PL_EPARSE, "%s:%d: contains a NUL byte (binary "
	    "or UTF-16?)", name, 1 + offset_line(text, len,
	    (size_t)(nul - text)));
}

const char *
pl_doc_reader_version(void)
{
	return yaml_get_version_string();
}

int
pl_doc_parse(struct pl_doc **out, const char *name, const char *text,
    size_t len)
{
	struct pl_doc	*doc;
	size_t		 yaml = 0, yaml_len = 0, body = 0, bom = 0;
	int		 error, body_line = 1, has_fm;

	*out = NULL;
	if ((error = check_nul(name, text, len)) != 0)
		return error;
	/* Editors on Windows may begin UTF-8 with a byte-order mark. */
	if (len >= 3 && memcmp(text, PL_DOC_BOM, 3) == 0)
		bom = 3;
	text += bom;
	len -= bom;
	has_fm = split(name, text, len, &yaml, &yaml_len, &body, &body_line);
	if (has_fm < 0)
		return has_fm;
	/* Refused by its size, before libyaml spends time on it. */
	if (yaml_len > PL_DOC_FM_MAX)
		return pl_error_set(PL_EPARSE, "%s:1: front matter is larger "
		    "than %d MiB", name, PL_DOC_FM_MAX >> 20);
	doc = pl_xcalloc(1, sizeof *doc);
	doc->bom = bom != 0;
	doc->has_fm = has_fm;
	doc->body_line = body_line;
	doc->body = pl_xstrndup(text + body, len - body);
	if (has_fm)
		error = parse_yaml(&doc->fm, name, text + yaml, yaml_len, 2);
	else {
		doc->fm = pl_node_new(PL_NODE_MAP, YAML_BLOCK_MAPPING_STYLE, 1);
		error = 0;
	}
	if (error != 0) {
		pl_doc_free(doc);
		return error;
	}
	*out = doc;
	return 0;
}
