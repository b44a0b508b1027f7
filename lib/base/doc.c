/*
 * Front matter read with libyaml's event parser into a tree of pl_node, and
 * written back with libyaml's emitter.  The tree keeps what libyaml reports
 * (order, scalar and collection styles, tags, lines) so a rewrite touches
 * little beyond the keys pl set; comments are lost.
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
#include <strings.h>

#include <yaml.h>

#include "pl/base/doc.h"

#define MAX_DEPTH	64		/* nesting of collections */
#define MAX_NODES	100000		/* nodes per file, aliases copied */

/* The private use area stands in for characters above U+FFFF. */
#define PUA_HI		0xe000
#define PUA_LO		0xe400
#define PUA_END		0xe800

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

struct writer {
	yaml_emitter_t	 emitter;
	int		 hide;		/* astral characters hidden in PUA */
};

static struct pl_node *
node_new(enum pl_node_kind kind, int style, int line)
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
static void
node_push(struct pl_node *n, char *key, struct pl_node *item)
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

static int
map_find(const struct pl_node *map, const char *key)
{
	size_t	i;

	for (i = 0; i < map->n; i++) {
		if (strcmp(map->keys[i], key) == 0)
			return (int)i;
	}
	return -1;
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
	struct pl_node	*n = node_new(src->kind, src->style, src->line);
	size_t		 i;

	n->value = src->value != NULL ? pl_xstrdup(src->value) : NULL;
	n->tag = src->tag != NULL ? pl_xstrdup(src->tag) : NULL;
	n->plain_ok = src->plain_ok;
	for (i = 0; i < src->n; i++)
		node_push(n, src->keys != NULL ? pl_xstrdup(src->keys[i]) :
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
	n = node_new(PL_NODE_SCALAR, ev->data.scalar.style, event_line(r, ev));
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
		node_push(seq, NULL, item);
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
	node_push(map, key, value);
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
		n = node_new(PL_NODE_SEQ, ev->data.sequence_start.style,
		    event_line(r, ev));
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
		error = parse_seq(r, n, depth);
		break;
	case YAML_MAPPING_START_EVENT:
		n = node_new(PL_NODE_MAP, ev->data.mapping_start.style,
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
		*out = node_new(PL_NODE_MAP, YAML_BLOCK_MAPPING_STYLE, 1);
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
		doc->fm = node_new(PL_NODE_MAP, YAML_BLOCK_MAPPING_STYLE, 1);
		error = 0;
	}
	if (error != 0) {
		pl_doc_free(doc);
		return error;
	}
	*out = doc;
	return 0;
}

struct pl_doc *
pl_doc_new(void)
{
	struct pl_doc	*doc = pl_xcalloc(1, sizeof *doc);

	doc->fm = node_new(PL_NODE_MAP, YAML_BLOCK_MAPPING_STYLE, 1);
	doc->body = pl_xstrdup("");
	doc->body_line = 1;
	return doc;
}

void
pl_doc_free(struct pl_doc *doc)
{
	if (doc == NULL)
		return;
	pl_node_free(doc->fm);
	free(doc->body);
	free(doc);
}

/*
 * Decodes one UTF-8 character of s (n bytes left) into *cp and returns its
 * length, or 0 when the bytes are not valid UTF-8.
 */
static size_t
utf8_decode(const unsigned char *s, size_t n, unsigned *cp)
{
	size_t		len, i;
	unsigned	min;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0) {
		len = 2;
		min = 0x80;
		*cp = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		len = 3;
		min = 0x800;
		*cp = s[0] & 0x0f;
	} else if ((s[0] & 0xf8) == 0xf0) {
		len = 4;
		min = 0x10000;
		*cp = s[0] & 0x07;
	} else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3f);
	}
	if (*cp < min || *cp > 0x10ffff || (*cp >= 0xd800 && *cp <= 0xdfff))
		return 0;
	return len;
}

static void
utf8_put(struct pl_buf *b, unsigned cp)
{
	char	c[4];

	if (cp < 0x80) {
		pl_buf_putc(b, (char)cp);
		return;
	}
	if (cp < 0x800) {
		c[0] = (char)(0xc0 | (cp >> 6));
		c[1] = (char)(0x80 | (cp & 0x3f));
		pl_buf_put(b, c, 2);
		return;
	}
	if (cp < 0x10000) {
		c[0] = (char)(0xe0 | (cp >> 12));
		c[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		c[2] = (char)(0x80 | (cp & 0x3f));
		pl_buf_put(b, c, 3);
		return;
	}
	c[0] = (char)(0xf0 | (cp >> 18));
	c[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	c[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	c[3] = (char)(0x80 | (cp & 0x3f));
	pl_buf_put(b, c, 4);
}

/*
 * libyaml 0.2.5 counts characters above U+FFFF (emoji) as unprintable and
 * escapes them ("\U0001F389").  To have them written as UTF-8 each goes
 * to the emitter as two private-use characters, which libyaml prints as
 * they are, and show_astral() turns the pairs back.  Bytes that are not
 * UTF-8 become U+FFFD, as libyaml would refuse the whole scalar.
 */
static char *
hide_astral(const char *s, int hide)
{
	struct pl_buf	 b = PL_BUF_INIT;
	const char	*end = s + strlen(s);
	size_t		 len;
	unsigned	 cp;

	while (s < end) {
		len = utf8_decode((const unsigned char *)s, (size_t)(end - s),
		    &cp);
		if (len == 0) {
			cp = 0xfffd;
			len = 1;
		}
		if (hide && cp >= 0x10000) {
			utf8_put(&b, PUA_HI + ((cp - 0x10000) >> 10));
			utf8_put(&b, PUA_LO + ((cp - 0x10000) & 0x3ff));
		} else
			utf8_put(&b, cp);
		s += len;
	}
	return pl_buf_detach(&b);
}

static void
show_astral(struct pl_buf *out, const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, len, len2;
	unsigned		 hi, lo;

	while (i < n) {
		len = utf8_decode(p + i, n - i, &hi);
		if (len == 3 && hi >= PUA_HI && hi < PUA_LO) {
			len2 = utf8_decode(p + i + 3, n - i - 3, &lo);
			if (len2 == 3 && lo >= PUA_LO && lo < PUA_END) {
				utf8_put(out, 0x10000 + ((hi - PUA_HI) << 10) +
				    (lo - PUA_LO));
				i += 6;
				continue;
			}
		}
		if (len == 0)
			len = 1;
		pl_buf_put(out, s + i, len);
		i += len;
	}
}

/* Does s hold characters of the range hide_astral() borrows? */
static int
has_pua(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n = strlen(s), len;
	unsigned		 cp;

	while (n > 0) {
		len = utf8_decode(p, n, &cp);
		if (len == 0)
			len = 1;
		else if (cp >= PUA_HI && cp < PUA_END)
			return 1;
		p += len;
		n -= len;
	}
	return 0;
}

static int
tree_has_pua(const struct pl_node *n)
{
	size_t	i;

	if (n->value != NULL && has_pua(n->value))
		return 1;
	for (i = 0; i < n->n; i++) {
		if ((n->keys != NULL && has_pua(n->keys[i])) ||
		    tree_has_pua(n->items[i]))
			return 1;
	}
	return 0;
}

static int
word_in(const char *s, const char *const *words)
{
	for (; *words != NULL; words++) {
		if (strcasecmp(s, *words) == 0)
			return 1;
	}
	return 0;
}

/*
 * Numbers as YAML 1.1 or 1.2 would read them: 12, -1_000, 0x1f, 0o17,
 * 0b101, 1.5, .5, 1e3, 6.02E+23, 1:20 (base 60), .inf, .NaN.  Generous on
 * purpose: quoting a string such as "1.2.3" costs nothing.
 */
static int
is_number(const char *s)
{
	const char	*p = s;
	int		 digits = 0;

	if (*p == '+' || *p == '-')
		p++;
	if (strcasecmp(p, ".inf") == 0 || strcasecmp(p, ".nan") == 0)
		return 1;
	if (p[0] == '0' && p[1] != '\0' && strchr("xXoObB", p[1]) != NULL) {
		p += 2;
		if (*p == '\0')
			return 0;
		p += strspn(p, "0123456789abcdefABCDEF_");
		return *p == '\0';
	}
	for (; *p != '\0' && strchr("0123456789_.:", *p) != NULL; p++)
		digits += *p >= '0' && *p <= '9';
	if (digits == 0)
		return 0;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (*p < '0' || *p > '9')
			return 0;
		p += strspn(p, "0123456789");
	}
	return *p == '\0';
}

/* 2024-01-01 and the timestamps that begin like it. */
static int
is_date(const char *s)
{
	return strspn(s, "0123456789") == 4 && s[4] == '-' &&
	    s[5] >= '0' && s[5] <= '9';
}

/*
 * Would a YAML 1.1 or 1.2 reader (PyYAML, libyaml's users, js-yaml) take
 * s, written plain, for something other than this string?  Whatever else
 * cannot be plain (": ", "#", leading "-") the emitter finds itself.
 */
static int
needs_quote(const char *s)
{
	static const char *const words[] = {
		"", "~", "null", "y", "n", "yes", "no", "true", "false",
		"on", "off", "=", "<<", NULL
	};
	size_t	len = strlen(s);

	if (word_in(s, words) || is_number(s) || is_date(s))
		return 1;
	return s[0] == ' ' || s[0] == '\t' || s[len - 1] == ' ' ||
	    s[len - 1] == '\t';
}

static struct pl_node *
scalar_new(const char *value, enum pl_scalar how)
{
	struct pl_node	*n = node_new(PL_NODE_SCALAR, YAML_ANY_SCALAR_STYLE, 0);

	n->value = pl_xstrdup(value != NULL ? value : "");
	n->plain_ok = 1;
	if (value == NULL || how == PL_SCALAR_PLAIN)
		n->style = YAML_PLAIN_SCALAR_STYLE;
	else if (needs_quote(value)) {
		n->style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
		n->plain_ok = 0;
	} else if (strchr(value, '\n') != NULL)
		n->style = YAML_LITERAL_SCALAR_STYLE;
	return n;
}

/* A failure here is a bug in this file: the tree is always valid YAML. */
static void
emit(struct writer *w, yaml_event_t *ev)
{
	if (!yaml_emitter_emit(&w->emitter, ev))
		abort();
}

static void
emit_scalar(struct writer *w, const char *value, const char *tag, int style,
    int plain_ok)
{
	yaml_event_t	 ev;
	char		*s = hide_astral(value, w->hide);
	int		 plain_implicit = plain_ok, quoted_implicit = 1;

	if (tag != NULL)
		plain_implicit = quoted_implicit = 0;
	if (!yaml_scalar_event_initialize(&ev, NULL, (yaml_char_t *)tag,
	    (yaml_char_t *)s, (int)strlen(s), plain_implicit,
	    quoted_implicit, (yaml_scalar_style_t)style))
		abort();
	free(s);
	emit(w, &ev);
}

static void
emit_node(struct writer *w, const struct pl_node *n)
{
	yaml_event_t	ev;
	yaml_char_t	*tag = (yaml_char_t *)n->tag;
	size_t		 i;
	int		 ok;

	if (n->kind == PL_NODE_SCALAR) {
		emit_scalar(w, n->value != NULL ? n->value : "", n->tag,
		    n->style, n->plain_ok);
		return;
	}
	if (n->kind == PL_NODE_SEQ)
		ok = yaml_sequence_start_event_initialize(&ev, NULL, tag,
		    tag == NULL, (yaml_sequence_style_t)n->style);
	else
		ok = yaml_mapping_start_event_initialize(&ev, NULL, tag,
		    tag == NULL, (yaml_mapping_style_t)n->style);
	if (!ok)
		abort();
	emit(w, &ev);
	for (i = 0; i < n->n; i++) {
		/* Keys lost their style when read; the emitter picks. */
		if (n->kind == PL_NODE_MAP)
			emit_scalar(w, n->keys[i], NULL,
			    YAML_ANY_SCALAR_STYLE, 1);
		emit_node(w, n->items[i]);
	}
	if (n->kind == PL_NODE_SEQ)
		yaml_sequence_end_event_initialize(&ev);
	else
		yaml_mapping_end_event_initialize(&ev);
	emit(w, &ev);
}

static int
write_out(void *data, unsigned char *s, size_t n)
{
	pl_buf_put(data, (const char *)s, n);
	return 1;
}

/*
 * The emitter ends a document whose last scalar keeps trailing newlines
 * ("|+") with "..."; the closing "---" does that job.
 */
static void
strip_document_end(struct pl_buf *b, const char *eol)
{
	size_t	n = 3 + strlen(eol);

	if (b->len >= n && memcmp(b->ptr + b->len - n, "...", 3) == 0 &&
	    strcmp(b->ptr + b->len - strlen(eol), eol) == 0 &&
	    (b->len == n || b->ptr[b->len - n - 1] == '\n')) {
		b->len -= n;
		b->ptr[b->len] = '\0';
	}
}

static void
emit_yaml(const struct pl_node *root, int hide, int crlf,
    struct pl_buf *yaml)
{
	struct writer	w;
	yaml_event_t	ev;

	memset(&w, 0, sizeof w);
	w.hide = hide;
	if (!yaml_emitter_initialize(&w.emitter))
		abort();
	yaml_emitter_set_output(&w.emitter, write_out, yaml);
	yaml_emitter_set_unicode(&w.emitter, 1);
	yaml_emitter_set_width(&w.emitter, -1);
	yaml_emitter_set_indent(&w.emitter, 2);
	yaml_emitter_set_break(&w.emitter, crlf ? YAML_CRLN_BREAK :
	    YAML_LN_BREAK);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit(&w, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	emit(&w, &ev);
	emit_node(&w, root);
	yaml_document_end_event_initialize(&ev, 1);
	emit(&w, &ev);
	yaml_stream_end_event_initialize(&ev);
	emit(&w, &ev);
	yaml_emitter_delete(&w.emitter);
}

/*
 * The front matter's lines end as the body's first line does, so a file
 * kept with CRLF stays CRLF throughout.
 */
void
pl_doc_serialize(const struct pl_doc *doc, struct pl_buf *out)
{
	struct pl_buf	 yaml = PL_BUF_INIT;
	const char	*nl = strchr(doc->body, '\n');
	const char	*eol = "\n";
	int		 crlf = nl != NULL && nl > doc->body && nl[-1] == '\r';
	int		 hide;

	if (crlf)
		eol = "\r\n";
	if (doc->bom)
		pl_buf_puts(out, PL_DOC_BOM);
	pl_buf_printf(out, "---%s", eol);
	if (doc->fm->n > 0) {
		hide = !tree_has_pua(doc->fm);
		emit_yaml(doc->fm, hide, crlf, &yaml);
		strip_document_end(&yaml, eol);
		/*
		 * Only the pairs pl made are turned back: with private-use
		 * characters of the person's own, it made none.
		 */
		if (hide)
			show_astral(out, yaml.ptr, yaml.len);
		else
			pl_buf_put(out, yaml.ptr, yaml.len);
	}
	pl_buf_printf(out, "---%s", eol);
	pl_buf_puts(out, doc->body);
	pl_buf_release(&yaml);
}

const struct pl_node *
pl_doc_node(const struct pl_doc *doc, const char *key)
{
	int	i = map_find(doc->fm, key);

	return i < 0 ? NULL : doc->fm->items[i];
}

static int
is_null(const struct pl_node *n)
{
	static const char *const words[] = { "", "~", "null", NULL };

	if (n->tag != NULL)
		return strcmp(n->tag, "tag:yaml.org,2002:null") == 0;
	return n->style == YAML_PLAIN_SCALAR_STYLE && word_in(n->value, words);
}

const char *
pl_doc_get(const struct pl_doc *doc, const char *key)
{
	const struct pl_node	*n = pl_doc_node(doc, key);

	if (n == NULL || n->kind != PL_NODE_SCALAR || is_null(n))
		return NULL;
	return n->value;
}

/* Replaces (in place) or appends the value of key; value is owned. */
static void
set_node(struct pl_doc *doc, const char *key, struct pl_node *value)
{
	int	i = map_find(doc->fm, key);

	if (i < 0) {
		node_push(doc->fm, pl_xstrdup(key), value);
		return;
	}
	value->line = doc->fm->items[i]->line;
	pl_node_free(doc->fm->items[i]);
	doc->fm->items[i] = value;
}

/*
 * A string replacing a quoted one keeps its quotes, and a multi-line one
 * replacing a block scalar keeps "|" or ">", so the diff shows the value
 * alone.
 */
void
pl_doc_set(struct pl_doc *doc, const char *key, const char *value,
    enum pl_scalar how)
{
	const struct pl_node	*old = pl_doc_node(doc, key);
	struct pl_node		*n = scalar_new(value, how);

	if (old != NULL && old->kind == PL_NODE_SCALAR && value != NULL &&
	    how == PL_SCALAR_STR) {
		if (old->style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
		    old->style == YAML_DOUBLE_QUOTED_SCALAR_STYLE) {
			n->style = old->style;
			n->plain_ok = 0;
		} else if ((old->style == YAML_LITERAL_SCALAR_STYLE ||
		    old->style == YAML_FOLDED_SCALAR_STYLE) &&
		    strchr(value, '\n') != NULL)
			n->style = old->style;
	}
	set_node(doc, key, n);
}

static int
not_a_list(const char *name, const char *key, int line)
{
	return pl_error_set(PL_EPARSE, "%s:%d: '%s' must be a list of "
	    "strings", name, line, key);
}

/* Null and empty items name nothing, so the list leaves them out. */
static void
push_item(struct pl_strlist *out, const struct pl_node *n)
{
	if (!is_null(n) && n->value[0] != '\0')
		pl_strlist_push(out, n->value);
}

int
pl_doc_get_list(const struct pl_doc *doc, const char *name, const char *key,
    struct pl_strlist *out)
{
	const struct pl_node	*n = pl_doc_node(doc, key);
	size_t			 i;

	if (n == NULL)
		return 0;
	if (n->kind == PL_NODE_SCALAR) {
		push_item(out, n);
		return 0;
	}
	if (n->kind == PL_NODE_MAP)
		return not_a_list(name, key, n->line);
	for (i = 0; i < n->n; i++) {
		if (n->items[i]->kind != PL_NODE_SCALAR)
			return not_a_list(name, key, n->items[i]->line);
	}
	for (i = 0; i < n->n; i++)
		push_item(out, n->items[i]);
	return 0;
}

void
pl_doc_set_list(struct pl_doc *doc, const char *key,
    const struct pl_strlist *list)
{
	const struct pl_node	*old = pl_doc_node(doc, key);
	struct pl_node		*n;
	size_t			 i;

	n = node_new(PL_NODE_SEQ, YAML_FLOW_SEQUENCE_STYLE, 0);
	if (old != NULL && old->kind == PL_NODE_SEQ &&
	    old->style == YAML_BLOCK_SEQUENCE_STYLE)
		n->style = YAML_BLOCK_SEQUENCE_STYLE;
	for (i = 0; i < list->n; i++)
		node_push(n, NULL, scalar_new(list->v[i], PL_SCALAR_STR));
	set_node(doc, key, n);
}

int
pl_doc_get_maps(const struct pl_doc *doc, const char *name, const char *key,
    struct pl_node *const **out, size_t *n)
{
	const struct pl_node	*list = pl_doc_node(doc, key);
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (list == NULL || (list->kind == PL_NODE_SCALAR && is_null(list)))
		return 0;
	if (list->kind != PL_NODE_SEQ)
		return pl_error_set(PL_EPARSE, "%s:%d: '%s' must be a list "
		    "of mappings", name, list->line, key);
	for (i = 0; i < list->n; i++)
		if (list->items[i]->kind != PL_NODE_MAP)
			return pl_error_set(PL_EPARSE, "%s:%d: '%s' must be "
			    "a list of mappings", name, list->items[i]->line,
			    key);
	*out = list->items;
	*n = list->n;
	return 0;
}

const char *
pl_node_get(const struct pl_node *map, const char *key)
{
	int			 i = map_find(map, key);
	const struct pl_node	*n;

	if (i < 0)
		return NULL;
	n = map->items[i];
	return n->kind != PL_NODE_SCALAR || is_null(n) ? NULL : n->value;
}

struct pl_node *
pl_node_map(void)
{
	return node_new(PL_NODE_MAP, YAML_BLOCK_MAPPING_STYLE, 0);
}

void
pl_node_set(struct pl_node *map, const char *key, const char *value,
    enum pl_scalar how)
{
	struct pl_node	*n = scalar_new(value, how);
	int		 i = map_find(map, key);

	if (i < 0) {
		node_push(map, pl_xstrdup(key), n);
		return;
	}
	n->line = map->items[i]->line;
	pl_node_free(map->items[i]);
	map->items[i] = n;
}

void
pl_doc_append(struct pl_doc *doc, const char *key, struct pl_node *item)
{
	int	i = map_find(doc->fm, key);

	if (i < 0 || doc->fm->items[i]->kind != PL_NODE_SEQ) {
		set_node(doc, key, node_new(PL_NODE_SEQ,
		    YAML_BLOCK_SEQUENCE_STYLE, 0));
		i = map_find(doc->fm, key);
	}
	node_push(doc->fm->items[i], NULL, item);
}

void
pl_doc_set_body(struct pl_doc *doc, const char *body)
{
	char	*copy = pl_xstrdup(body);

	free(doc->body);
	doc->body = copy;
}
