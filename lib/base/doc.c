/*
 * The document API: a doc made or freed, and what pl reads and sets in
 * its front matter (keys, lists, lists of mappings) and its body.  A
 * value pl sets is quoted when a YAML reader would take it, written
 * plain, for something else (a null, a boolean, a number, a date), which
 * the writer (doc-write.c) then keeps.  Reading a file is doc-read.c's.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <yaml.h>

#include "pl/base/doc.h"
#include "pl/base/node.h"

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

struct pl_doc *
pl_doc_new(void)
{
	struct pl_doc	*doc = pl_xcalloc(1, sizeof *doc);

	doc->fm = pl_node_new(PL_NODE_MAP, YAML_BLOCK_MAPPING_STYLE, 1);
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
	free(doc->memo.first_words);
	free(doc);
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
	struct pl_node	*n = pl_node_new(PL_NODE_SCALAR,
			    YAML_ANY_SCALAR_STYLE, 0);

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
		pl_node_push(doc->fm, pl_xstrdup(key), value);
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

	n = pl_node_new(PL_NODE_SEQ, YAML_FLOW_SEQUENCE_STYLE, 0);
	if (old != NULL && old->kind == PL_NODE_SEQ &&
	    old->style == YAML_BLOCK_SEQUENCE_STYLE)
		n->style = YAML_BLOCK_SEQUENCE_STYLE;
	for (i = 0; i < list->n; i++)
		pl_node_push(n, NULL, scalar_new(list->v[i], PL_SCALAR_STR));
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
	return pl_node_new(PL_NODE_MAP, YAML_BLOCK_MAPPING_STYLE, 0);
}

void
pl_node_set(struct pl_node *map, const char *key, const char *value,
    enum pl_scalar how)
{
	struct pl_node	*n = scalar_new(value, how);
	int		 i = map_find(map, key);

	if (i < 0) {
		pl_node_push(map, pl_xstrdup(key), n);
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
		set_node(doc, key, pl_node_new(PL_NODE_SEQ,
		    YAML_BLOCK_SEQUENCE_STYLE, 0));
		i = map_find(doc->fm, key);
	}
	pl_node_push(doc->fm->items[i], NULL, item);
}

void
pl_doc_set_body(struct pl_doc *doc, const char *body)
{
	char	*copy = pl_xstrdup(body);

	free(doc->body);
	doc->body = copy;
	free(doc->memo.first_words);
	memset(&doc->memo, 0, sizeof doc->memo);
}
