/*
 * Front matter: parsing, rewriting with as little change as libyaml
 * allows, quoting of new strings, error lines, the body kept byte for
 * byte.
 */
#include <stdlib.h>
#include <string.h>

#include "pl/base/doc.h"
#include "tap.h"

static struct pl_doc *
parse(const char *text)
{
	struct pl_doc	*doc = NULL;

	if (pl_doc_parse(&doc, "t.md", text, strlen(text)) != 0) {
		printf("# unexpected error: %s\n", pl_error_last());
		return NULL;
	}
	return doc;
}

static char *
serialize(const struct pl_doc *doc)
{
	struct pl_buf	b = PL_BUF_INIT;

	pl_doc_serialize(doc, &b);
	return pl_buf_detach(&b);
}

/* Parses, serializes and returns the text (the caller frees). */
static char *
round_trip(const char *text)
{
	struct pl_doc	*doc = parse(text);
	char		*out;

	if (doc == NULL)
		return pl_xstrdup("(parse error)");
	out = serialize(doc);
	pl_doc_free(doc);
	return out;
}

/* The message of the error text (len bytes) gives, or "" if it parses. */
static void
parse_error_len(const char *text, size_t len, const char *want,
    const char *what)
{
	struct pl_doc	*doc = NULL;
	int		 code = pl_doc_parse(&doc, "t.md", text, len);

	is_int(code, PL_EPARSE, "%s: PL_EPARSE", what);
	ok(doc == NULL, "%s: no doc", what);
	is_str(code != 0 ? pl_error_last() : "", want, "%s: message", what);
	pl_doc_free(doc);
}

static void
parse_error(const char *text, const char *want, const char *what)
{
	parse_error_len(text, strlen(text), want, what);
}

/* s on one line, for a test's description (TAP lines cannot break). */
static char *
one_line(const char *s)
{
	struct pl_buf	b = PL_BUF_INIT;

	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '\n')
			pl_buf_puts(&b, "\\n");
		else
			pl_buf_putc(&b, *s);
	}
	return pl_buf_detach(&b);
}

/* The line emitted for a new key "k" set to value. */
static void
emits(const char *value, enum pl_scalar how, const char *want)
{
	struct pl_doc	*doc = pl_doc_new(), *again;
	char		*out, *expect, *v, *w;

	v = one_line(value);
	w = one_line(want);
	pl_doc_set(doc, "k", value, how);
	out = serialize(doc);
	expect = pl_xasprintf("---\nk:%s%s\n---\n", *want ? " " : "",
	    want);
	is_str(out, expect, "'%s' is written %s", value ? v : "(null)", w);
	again = parse(out);
	if (value == NULL)
		ok(again != NULL && pl_doc_get(again, "k") == NULL,
		    "null reads back as null");
	else
		is_str(again ? pl_doc_get(again, "k") : NULL, value,
		    "'%s' reads back", v);
	free(v);
	free(w);
	free(expect);
	free(out);
	pl_doc_free(again);
	pl_doc_free(doc);
}

static const char hand_written[] =
    "---\n"
    "# what I am learning\n"
    "title: \"Learn C: the hard way\"\n"
    "id: 0042\n"
    "status: active\n"
    "due: 2026-11-26\n"
    "started:\n"
    "mentor: ~\n"
    "answer: 'yes'\n"
    "my_own_key: some value   # a comment\n"
    "tags: [c, \"two words\", 'x,y']\n"
    "skills:\n"
    "  - reading\n"
    "  - writing\n"
    "nested:\n"
    "  level: 2\n"
    "  deep:\n"
    "    list: [1, 2.5, true]\n"
    "    map: {a: 1, b: \"two\"}\n"
    "notes: |\n"
    "  Line one.\n"
    "  Line two, caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87.\n"
    "mood: \xf0\x9f\x8e\x89 great\n"
    "typed: !!str 123\n"
    "---\n"
    "\n"
    "# Body\n"
    "\n"
    "Trailing spaces stay.   \n";

/* Comments go, block sequences lose their indentation; values stay. */
static const char hand_written_out[] =
    "---\n"
    "title: \"Learn C: the hard way\"\n"
    "id: 0042\n"
    "status: active\n"
    "due: 2026-11-26\n"
    "started:\n"
    "mentor: ~\n"
    "answer: 'yes'\n"
    "my_own_key: some value\n"
    "tags: [c, \"two words\", 'x,y']\n"
    "skills:\n"
    "- reading\n"
    "- writing\n"
    "nested:\n"
    "  level: 2\n"
    "  deep:\n"
    "    list: [1, 2.5, true]\n"
    "    map: {a: 1, b: \"two\"}\n"
    "notes: |\n"
    "  Line one.\n"
    "  Line two, caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87.\n"
    "mood: \xf0\x9f\x8e\x89 great\n"
    "typed: !!str 123\n"
    "---\n"
    "\n"
    "# Body\n"
    "\n"
    "Trailing spaces stay.   \n";

static void
test_round_trip(void)
{
	struct pl_doc		*doc = parse(hand_written);
	const struct pl_node	*n;
	char			*out;

	if (!ok(doc != NULL, "hand-written file parses"))
		return;
	ok(doc->has_fm, "has front matter");
	is_int(doc->body_line, 26, "body starts on line 26");
	is_str(doc->body, "\n# Body\n\nTrailing spaces stay.   \n",
	    "body as written");
	is_str(pl_doc_get(doc, "title"), "Learn C: the hard way", "title");
	is_str(pl_doc_get(doc, "id"), "0042", "id keeps its text");
	is_str(pl_doc_get(doc, "my_own_key"), "some value", "unknown key");
	ok(pl_doc_get(doc, "started") == NULL, "empty value is null");
	ok(pl_doc_get(doc, "mentor") == NULL, "~ is null");
	ok(pl_doc_get(doc, "skills") == NULL, "a list is not a scalar");
	ok(pl_doc_get(doc, "missing") == NULL, "missing key");
	is_str(pl_doc_get(doc, "answer"), "yes", "quoted yes");
	is_str(pl_doc_get(doc, "notes"),
	    "Line one.\nLine two, caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87.\n",
	    "literal block");
	n = pl_doc_node(doc, "nested");
	ok(n != NULL && n->kind == PL_NODE_MAP && n->n == 2 &&
	    strcmp(n->keys[1], "deep") == 0, "nested map keeps its keys");
	is_int(n != NULL ? n->line : 0, 16, "nested map line");
	n = pl_doc_node(doc, "typed");
	is_str(n != NULL ? n->tag : NULL, "tag:yaml.org,2002:str",
	    "explicit tag kept");
	is_int(pl_doc_node(doc, "title")->line, 3, "title is on line 3");
	out = serialize(doc);
	is_str(out, hand_written_out, "rewritten with values and order kept");
	free(out);
	pl_doc_free(doc);

	out = round_trip(hand_written_out);
	is_str(out, hand_written_out, "a rewritten file is a fixed point");
	free(out);
}

static void
test_set(void)
{
	struct pl_doc	*doc = parse("---\nid: a\nstatus: active\n"
			    "title: 'Old'\n---\nbody\n");
	char		*out;

	if (!ok(doc != NULL, "parse for set"))
		return;
	pl_doc_set(doc, "status", "done", PL_SCALAR_PLAIN);
	pl_doc_set(doc, "title", "New", PL_SCALAR_STR);
	pl_doc_set(doc, "due", "2026-11-26", PL_SCALAR_PLAIN);
	pl_doc_set(doc, "note", "yes", PL_SCALAR_STR);
	out = serialize(doc);
	is_str(out, "---\nid: a\nstatus: done\ntitle: 'New'\n"
	    "due: 2026-11-26\nnote: \"yes\"\n---\nbody\n",
	    "existing keys keep their place and quotes, new ones append");
	free(out);
	pl_doc_set(doc, "due", NULL, PL_SCALAR_STR);
	out = serialize(doc);
	is_str(out, "---\nid: a\nstatus: done\ntitle: 'New'\n"
	    "due:\nnote: \"yes\"\n---\nbody\n", "NULL writes an empty value");
	free(out);
	ok(pl_doc_get(doc, "due") == NULL, "and reads as null");
	pl_doc_set_body(doc, "new body");
	out = serialize(doc);
	ok(strstr(out, "---\nnew body") != NULL, "set_body");
	free(out);
	pl_doc_free(doc);
}

static void
test_quoting(void)
{
	emits("yes", PL_SCALAR_STR, "\"yes\"");
	emits("No", PL_SCALAR_STR, "\"No\"");
	emits("on", PL_SCALAR_STR, "\"on\"");
	emits("y", PL_SCALAR_STR, "\"y\"");
	emits("TRUE", PL_SCALAR_STR, "\"TRUE\"");
	emits("123", PL_SCALAR_STR, "\"123\"");
	emits("-1_000", PL_SCALAR_STR, "\"-1_000\"");
	emits("1.5", PL_SCALAR_STR, "\"1.5\"");
	emits("1e3", PL_SCALAR_STR, "\"1e3\"");
	emits("0x1f", PL_SCALAR_STR, "\"0x1f\"");
	emits("0o17", PL_SCALAR_STR, "\"0o17\"");
	emits("1:20", PL_SCALAR_STR, "\"1:20\"");
	emits(".inf", PL_SCALAR_STR, "\".inf\"");
	emits(".NaN", PL_SCALAR_STR, "\".NaN\"");
	emits("2024-01-01", PL_SCALAR_STR, "\"2024-01-01\"");
	emits("2024-01-01 10:00:00", PL_SCALAR_STR,
	    "\"2024-01-01 10:00:00\"");
	emits("null", PL_SCALAR_STR, "\"null\"");
	emits("~", PL_SCALAR_STR, "\"~\"");
	emits("", PL_SCALAR_STR, "\"\"");
	emits(" x", PL_SCALAR_STR, "\" x\"");
	emits("x ", PL_SCALAR_STR, "\"x \"");
	emits("a: b", PL_SCALAR_STR, "'a: b'");
	emits("#x", PL_SCALAR_STR, "'#x'");
	emits("- x", PL_SCALAR_STR, "'- x'");
	emits("x #y", PL_SCALAR_STR, "'x #y'");
	emits("[a]", PL_SCALAR_STR, "'[a]'");
	emits("it's fine", PL_SCALAR_STR, "it's fine");
	emits("Learn C", PL_SCALAR_STR, "Learn C");
	emits("a, b", PL_SCALAR_STR, "a, b");
	emits("yesterday", PL_SCALAR_STR, "yesterday");
	emits("12 monkeys", PL_SCALAR_STR, "12 monkeys");
	emits("caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87", PL_SCALAR_STR,
	    "caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87");
	emits("\xf0\x9f\x8e\x89 party", PL_SCALAR_STR,
	    "\xf0\x9f\x8e\x89 party");
	emits("yes \xf0\x9f\x98\x80", PL_SCALAR_STR,
	    "yes \xf0\x9f\x98\x80");
	emits("two\nlines", PL_SCALAR_STR, "|-\n  two\n  lines");
	emits("2026-11-26", PL_SCALAR_PLAIN, "2026-11-26");
	emits("active", PL_SCALAR_PLAIN, "active");
	emits("0x", PL_SCALAR_STR, "0x");
	emits("1e", PL_SCALAR_STR, "1e");
	emits("1e+x", PL_SCALAR_STR, "1e+x");
	emits("2024-x", PL_SCALAR_STR, "2024-x");
	emits("2024_01", PL_SCALAR_STR, "\"2024_01\"");
	emits("\tx", PL_SCALAR_STR, "\"\\tx\"");
	emits("x\t", PL_SCALAR_STR, "\"x\\t\"");
	emits("x...", PL_SCALAR_STR, "x...");
	emits(NULL, PL_SCALAR_STR, "");
}

static void
test_lists(void)
{
	struct pl_doc		*doc;
	struct pl_strlist	 l = PL_STRLIST_INIT, set = PL_STRLIST_INIT;
	char			*out;

	doc = parse("---\nflow: [a, 'b c']\nblock:\n  - x\n  - ~\n"
	    "one: solo\nnone:\nmap:\n  a: 1\nnest:\n  - ok\n  - [no]\n"
	    "blank: ''\nsparse: [a, '', ~]\n---\n");
	if (!ok(doc != NULL, "parse lists"))
		return;
	ok(pl_doc_get_list(doc, "t.md", "flow", &l) == 0 && l.n == 2 &&
	    strcmp(l.v[1], "b c") == 0, "flow list");
	pl_strlist_release(&l);
	ok(pl_doc_get_list(doc, "t.md", "block", &l) == 0 && l.n == 1 &&
	    strcmp(l.v[0], "x") == 0, "block list, null item skipped");
	pl_strlist_release(&l);
	ok(pl_doc_get_list(doc, "t.md", "one", &l) == 0 && l.n == 1 &&
	    strcmp(l.v[0], "solo") == 0, "a scalar is one item");
	pl_strlist_release(&l);
	ok(pl_doc_get_list(doc, "t.md", "none", &l) == 0 && l.n == 0,
	    "null is no items");
	ok(pl_doc_get_list(doc, "t.md", "missing", &l) == 0 && l.n == 0,
	    "missing is no items");
	ok(pl_doc_get_list(doc, "t.md", "blank", &l) == 0 && l.n == 0,
	    "'' is no items");
	ok(pl_doc_get_list(doc, "t.md", "sparse", &l) == 0 && l.n == 1,
	    "empty and null items left out");
	pl_strlist_release(&l);
	is_int(pl_doc_get_list(doc, "t.md", "map", &l), PL_EPARSE,
	    "a map is not a list");
	is_str(pl_error_last(), "t.md:9: 'map' must be a list of strings",
	    "map error names the line");
	is_int(pl_doc_get_list(doc, "t.md", "nest", &l), PL_EPARSE,
	    "a nested list is not a list of strings");
	is_str(pl_error_last(), "t.md:12: 'nest' must be a list of strings",
	    "nested list error names the item's line");
	is_int(l.n, 0, "nothing added on error");

	pl_strlist_push(&set, "c");
	pl_strlist_push(&set, "yes");
	pl_strlist_push(&set, "two words");
	pl_doc_set_list(doc, "flow", &set);
	pl_doc_set_list(doc, "block", &set);
	pl_doc_set_list(doc, "new", &set);
	pl_strlist_release(&set);
	pl_doc_set_list(doc, "empty", &set);
	pl_doc_set_list(doc, "one", &set);
	out = serialize(doc);
	is_str(out, "---\nflow: [c, \"yes\", two words]\n"
	    "block:\n- c\n- \"yes\"\n- two words\n"
	    "one: []\nnone:\nmap:\n  a: 1\nnest:\n- ok\n- [no]\n"
	    "blank: ''\nsparse: [a, '', ~]\n"
	    "new: [c, \"yes\", two words]\nempty: []\n---\n",
	    "set_list: flow, block kept, [] when empty");
	free(out);
	ok(pl_doc_get_list(doc, "t.md", "flow", &l) == 0 && l.n == 3 &&
	    strcmp(l.v[1], "yes") == 0, "list reads back");
	pl_strlist_release(&l);
	pl_doc_free(doc);
}

static void
test_maps(void)
{
	struct pl_doc		*doc;
	struct pl_node *const	*v;
	struct pl_node		*m;
	size_t			 n;
	char			*out;

	doc = parse("---\ntitle: Quiz  # kept\nratings:\n"
	    "  - standard: A.1\n    level: 3\n    by: T <t@x>\n"
	    "    extra: {deep: [1, 2]}\n"
	    "  - {standard: A.2, level: 2.5, note: \"yes\"}\n"
	    "other: [x]\nbad: [1, {a: b}]\nscalar: 1\nnull: ~\n---\n"
	    "Body\n");
	if (!ok(doc != NULL, "parse a list of mappings"))
		return;
	ok(pl_doc_get_maps(doc, "t.md", "ratings", &v, &n) == 0 && n == 2,
	    "two mappings");
	is_str(pl_node_get(v[0], "standard"), "A.1", "a value of the first");
	is_str(pl_node_get(v[1], "level"), "2.5", "a value of a flow one");
	ok(pl_node_get(v[0], "extra") == NULL, "a nested value is no scalar");
	ok(pl_node_get(v[0], "note") == NULL, "a missing key");
	ok(pl_doc_get_maps(doc, "t.md", "missing", &v, &n) == 0 && n == 0 &&
	    v == NULL, "missing: none");
	ok(pl_doc_get_maps(doc, "t.md", "null", &v, &n) == 0 && n == 0,
	    "null: none");
	is_int(pl_doc_get_maps(doc, "t.md", "bad", &v, &n), PL_EPARSE,
	    "a scalar item");
	is_str(pl_error_last(), "t.md:10: 'bad' must be a list of mappings",
	    "the message names the key and line");
	is_int(pl_doc_get_maps(doc, "t.md", "scalar", &v, &n), PL_EPARSE,
	    "a scalar is not a list of mappings");
	m = pl_node_map();
	pl_node_set(m, "standard", "B.1", PL_SCALAR_STR);
	pl_node_set(m, "level", "4", PL_SCALAR_PLAIN);
	pl_node_set(m, "date", "2024-05-01", PL_SCALAR_PLAIN);
	pl_node_set(m, "note", "no", PL_SCALAR_STR);
	pl_node_set(m, "note", "well done: yes", PL_SCALAR_STR);
	pl_doc_append(doc, "ratings", m);
	m = pl_node_map();
	pl_node_set(m, "standard", "C", PL_SCALAR_STR);
	pl_doc_append(doc, "null", m);
	out = serialize(doc);
	is_str(out, "---\ntitle: Quiz\nratings:\n"
	    "- standard: A.1\n  level: 3\n  by: T <t@x>\n"
	    "  extra: {deep: [1, 2]}\n"
	    "- {standard: A.2, level: 2.5, note: \"yes\"}\n"
	    "- standard: B.1\n  level: 4\n  date: 2024-05-01\n"
	    "  note: 'well done: yes'\n"
	    "other: [x]\nbad: [1, {a: b}]\nscalar: 1\nnull:\n"
	    "- standard: C\n---\nBody\n",
	    "append: the others kept, nested values and styles too");
	free(out);
	ok(pl_doc_get_maps(doc, "t.md", "ratings", &v, &n) == 0 && n == 3 &&
	    strcmp(pl_node_get(v[2], "level"), "4") == 0, "reads back");
	pl_doc_free(doc);
}

static void
test_errors(void)
{
	parse_error("---\ntitle: x\ntags:\n\t- a\n---\n",
	    "t.md:4: found character that cannot start any token "
	    "while scanning for the next token", "tab indentation");
	parse_error("---\nid: a\ntitle: \"abc\nstatus: x\n---\nbody\n",
	    "t.md:3: found unexpected end of stream "
	    "while scanning a quoted scalar", "unclosed quote");
	parse_error("---\ntitle: x\n\nbody\n",
	    "t.md:1: front matter is not closed", "unclosed front matter");
	parse_error("---", "t.md:1: front matter is not closed",
	    "a lone ---");
	parse_error("---\n# list\n- a\n- b\n---\n",
	    "t.md:3: front matter is not a mapping", "list at top level");
	parse_error("---\njust text\n---\n",
	    "t.md:2: front matter is not a mapping", "scalar at top level");
	parse_error("---\nid: a\ntitle: x\nid: b\n---\n",
	    "t.md:4: duplicate key 'id'", "duplicate key");
	parse_error("---\na:\n  b: 1\n  b: 2\n---\n",
	    "t.md:4: duplicate key 'b'", "duplicate nested key");
	parse_error("---\na: *nope\n---\n", "t.md:2: undefined alias 'nope'",
	    "undefined alias");
	parse_error("---\na: 1\n b: 2\n---\n",
	    "t.md:3: mapping values are not allowed in this context",
	    "bad indentation");
	parse_error("---\na: 1\n--- b\n---\n",
	    "t.md:3: more than one YAML document in front matter",
	    "two documents");
	parse_error("---\na: \xff\n---\n",
	    "t.md:2: invalid leading UTF-8 octet", "not UTF-8");
	parse_error("---\na: &a [x, x, x, x, x, x, x, x]\n"
	    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
	    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\n"
	    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c]\n"
	    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d]\n"
	    "f: &f [*e, *e, *e, *e, *e, *e, *e, *e]\n---\n",
	    "t.md:7: front matter is too large", "alias bomb");
}

static void
test_body(void)
{
	char		*out;
	struct pl_doc	*doc;

	out = round_trip("---\na: 1\n---\nno newline at end");
	is_str(out, "---\na: 1\n---\nno newline at end",
	    "no trailing newline kept");
	free(out);
	out = round_trip("---\r\na: 1\r\nb: [x]\r\n---\r\n\r\nline\r\n");
	is_str(out, "---\r\na: 1\r\nb: [x]\r\n---\r\n\r\nline\r\n",
	    "CRLF kept");
	free(out);
	out = round_trip("---\na: 1\n---");
	is_str(out, "---\na: 1\n---\n", "closing line at end of file");
	free(out);
	out = round_trip("---  \na: 1\n...\t\nbody\n\n\n");
	is_str(out, "---\na: 1\n---\nbody\n\n\n",
	    "trailing blanks on markers, ... closes, blank lines kept");
	free(out);

	doc = parse("---\n---\nbody\n");
	ok(doc != NULL && doc->has_fm && doc->fm->kind == PL_NODE_MAP &&
	    doc->fm->n == 0, "empty front matter is an empty map");
	is_int(doc != NULL ? doc->body_line : 0, 3, "body_line after ---");
	out = doc != NULL ? serialize(doc) : NULL;
	is_str(out, "---\n---\nbody\n", "empty front matter written back");
	free(out);
	pl_doc_free(doc);

	doc = parse("---\n# only a comment\n---\n");
	ok(doc != NULL && doc->fm->n == 0, "comment only is an empty map");
	pl_doc_free(doc);

	doc = parse("# Title\n\n---\n");
	ok(doc != NULL && !doc->has_fm && doc->fm->n == 0,
	    "no front matter");
	is_str(doc != NULL ? doc->body : NULL, "# Title\n\n---\n",
	    "all of it is body");
	is_int(doc != NULL ? doc->body_line : 0, 1, "body starts on line 1");
	pl_doc_free(doc);

	doc = parse("----\na: 1\n");
	ok(doc != NULL && !doc->has_fm, "---- does not open front matter");
	pl_doc_free(doc);

	doc = parse("");
	ok(doc != NULL && !doc->has_fm && strcmp(doc->body, "") == 0,
	    "empty file");
	pl_doc_free(doc);
}

static void
test_new_and_aliases(void)
{
	struct pl_doc	*doc = pl_doc_new();
	char		*out;

	out = serialize(doc);
	is_str(out, "---\n---\n", "a new doc");
	free(out);
	pl_doc_set(doc, "title", "\xf0\x9f\x8e\x89", PL_SCALAR_STR);
	pl_doc_set(doc, "private", "\xee\x80\x80 \xf0\x9f\x8e\x89",
	    PL_SCALAR_STR);
	out = serialize(doc);
	is_str(out, "---\ntitle: \"\\U0001F389\"\n"
	    "private: \"\xee\x80\x80 \\U0001F389\"\n---\n",
	    "private-use text falls back to libyaml's escapes");
	free(out);
	pl_doc_free(doc);

	out = round_trip("---\nbase: &b {x: 1}\ncopy: *b\n"
	    "merged:\n  <<: *b\n  y: 2\n---\n");
	is_str(out, "---\nbase: {x: 1}\ncopy: {x: 1}\n"
	    "merged:\n  <<: {x: 1}\n  y: 2\n---\n", "aliases are copied");
	free(out);

	out = round_trip("---\nkeep: |+\n  text\n\n---\nbody");
	is_str(out, "---\nkeep: |+\n  text\n\n---\nbody",
	    "no ... after a kept block scalar");
	free(out);
}

/* The scalar under key in text's front matter is want. */
static void
value_is(const char *text, const char *key, const char *want,
    const char *what)
{
	struct pl_doc	*doc = parse(text);

	is_str(doc != NULL ? pl_doc_get(doc, key) : NULL, want, "%s", what);
	pl_doc_free(doc);
}

/* Front matter of n keys "k0: v", ..., then extra lines. */
static char *
many_keys(size_t n, const char *extra)
{
	struct pl_buf	b = PL_BUF_INIT;
	size_t		i;

	pl_buf_puts(&b, "---\n");
	for (i = 0; i < n; i++)
		pl_buf_printf(&b, "k%zu: v\n", i);
	pl_buf_printf(&b, "%s---\nbody\n", extra);
	return pl_buf_detach(&b);
}

static void
test_keys(void)
{
	struct pl_doc	*doc;
	char		*text;

	text = many_keys(40000, "");
	doc = parse(text);
	is_int(doc != NULL ? doc->fm->n : 0, 40000, "40,000 keys read");
	is_str(doc != NULL ? pl_doc_get(doc, "k39999") : NULL, "v",
	    "the last of them found");
	pl_doc_free(doc);
	free(text);

	text = many_keys(40000, "k7: again\n");
	parse_error(text, "t.md:40002: duplicate key 'k7'",
	    "a duplicate among 40,000 keys");
	free(text);

	/* Keys count: 50,000 keys and their values, and the map, are over */
	text = many_keys(50000, "");
	parse_error(text, "t.md:50001: front matter is too large",
	    "50,000 keys");
	free(text);

	text = many_keys(3, "m:\n  k0: v\n  k1: v\n  m: v\n");
	doc = parse(text);
	ok(doc != NULL, "a nested map's keys are its own");
	pl_doc_free(doc);
	free(text);

	value_is("---\na: &x 1\nb: &x 2\nc: *x\n---\n", "c", "2",
	    "an alias names the latest anchor of its name");
}

static void
test_size(void)
{
	struct pl_buf	b = PL_BUF_INIT;
	struct pl_doc	*doc;
	size_t		i;

	/* 16,384 comment lines of 64 bytes: 1 MiB exactly */
	pl_buf_puts(&b, "---\n");
	for (i = 0; i < PL_DOC_FM_MAX / 64; i++)
		pl_buf_printf(&b, "#%062zu\n", i);
	pl_buf_puts(&b, "---\n");
	doc = parse(b.ptr);
	ok(doc != NULL, "front matter of 1 MiB read");
	pl_doc_free(doc);
	pl_buf_clear(&b);
	pl_buf_puts(&b, "---\n");
	for (i = 0; i < PL_DOC_FM_MAX / 64; i++)
		pl_buf_printf(&b, "#%062zu\n", i);
	pl_buf_puts(&b, "a: 1\n---\n");
	parse_error(b.ptr, "t.md:1: front matter is larger than 1 MiB",
	    "front matter over 1 MiB");
	pl_buf_release(&b);
}

static void
test_bytes(void)
{
	static const char	nul_body[] = "---\na: 1\n---\nx\0y\nz\n";
	static const char	nul_fm[] = "---\na: \0\n---\n";
	static const char	utf16[] = "\xff\xfe-\0-\0-\0\n\0";
	struct pl_doc		*doc;
	char			*out;

	parse_error_len(nul_body, sizeof nul_body - 1,
	    "t.md:4: contains a NUL byte (binary or UTF-16?)",
	    "a NUL in the body");
	parse_error_len(nul_fm, sizeof nul_fm - 1,
	    "t.md:2: contains a NUL byte (binary or UTF-16?)",
	    "a NUL in the front matter");
	parse_error_len(utf16, sizeof utf16 - 1,
	    "t.md:1: contains a NUL byte (binary or UTF-16?)", "UTF-16");
	parse_error("---\na: 1\nb: \"x\\0y\"\n---\n",
	    "t.md:3: a value holds a NUL character (\\0)", "a quoted \\0");
	parse_error("---\nb: [\"\\x00\"]\n---\n",
	    "t.md:2: a value holds a NUL character (\\0)", "a quoted \\x00");
	parse_error("---\n\"k\\u0000\": 1\n---\n",
	    "t.md:2: a value holds a NUL character (\\0)",
	    "a key with \\u0000");

	out = round_trip("\xef\xbb\xbf---\na: 1\n---\nbody\n");
	is_str(out, "\xef\xbb\xbf---\na: 1\n---\nbody\n", "a BOM kept");
	free(out);
	doc = parse("\xef\xbb\xbf---\r\na: 1\r\n---\r\nbody\r\n");
	ok(doc != NULL && doc->bom && doc->has_fm, "front matter after a BOM");
	is_str(doc != NULL ? pl_doc_get(doc, "a") : NULL, "1",
	    "its value read");
	is_int(doc != NULL ? doc->body_line : 0, 4, "body line after a BOM");
	pl_doc_set(doc, "b", "2", PL_SCALAR_STR);
	out = serialize(doc);
	is_str(out, "\xef\xbb\xbf---\r\na: 1\r\nb: \"2\"\r\n---\r\nbody\r\n",
	    "a BOM kept when the front matter is written out");
	free(out);
	pl_doc_free(doc);
	doc = parse("x\xef\xbb\xbf---\n");
	ok(doc != NULL && !doc->bom && !doc->has_fm,
	    "a BOM only counts at the start");
	pl_doc_free(doc);
}

/*
 * Sets key of text's front matter (of a new doc when text is NULL) to
 * value; the file written is want.
 */
static void
set_is(const char *text, const char *key, const char *value,
    const char *want, const char *what)
{
	struct pl_doc	*doc = text != NULL ? parse(text) : pl_doc_new();
	char		*out;

	if (doc == NULL) {
		ok(0, "%s: parse", what);
		return;
	}
	pl_doc_set(doc, key, value, PL_SCALAR_STR);
	out = serialize(doc);
	is_str(out, want, "%s", what);
	free(out);
	pl_doc_free(doc);
}

static void
test_odd_text(void)
{
	/* Bytes that are not UTF-8 are written as U+FFFD, each one */
	set_is(NULL, "k", "a\xff" "b", "---\nk: a\xef\xbf\xbd" "b\n---\n",
	    "a byte that starts no character");
	set_is(NULL, "k", "a\xf0\x9f",
	    "---\nk: a\xef\xbf\xbd\xef\xbf\xbd\n---\n",
	    "a character cut short at the end");
	set_is(NULL, "k", "\xc3x", "---\nk: \xef\xbf\xbdx\n---\n",
	    "a character cut short by another");
	set_is(NULL, "k", "\xc0\xaf", "---\nk: \xef\xbf\xbd\xef\xbf\xbd\n---\n",
	    "an overlong character");
	set_is(NULL, "k", "\xed\xa0\x80", "---\nk: \xef\xbf\xbd\xef\xbf\xbd"
	    "\xef\xbf\xbd\n---\n", "a surrogate");
	set_is(NULL, "k", "\xf4\x90\x80\x80", "---\nk: \xef\xbf\xbd\xef\xbf\xbd"
	    "\xef\xbf\xbd\xef\xbf\xbd\n---\n", "a character above U+10FFFF");
	set_is(NULL, "\xee\x80\x80", "\xf0\x9f\x8e\x89",
	    "---\n\xee\x80\x80: \"\\U0001F389\"\n---\n",
	    "a private-use key: libyaml's escapes");
	set_is(NULL, "k", "\xee\x80\x80\xee\x90\x80 \xee\x80\x80x",
	    "---\nk: \xee\x80\x80\xee\x90\x80 \xee\x80\x80x\n---\n",
	    "private-use characters kept as they are");
}

static void
test_odd_yaml(void)
{
	char	*out;

	out = round_trip("---\na: &x !!str 1\nb: *x\nc: !!seq [x]\n"
	    "d: !!map {e: 1}\n---\n");
	is_str(out, "---\na: !!str 1\nb: !!str 1\nc: !!seq [x]\n"
	    "d: !!map {e: 1}\n---\n", "tags kept, and copied with an alias");
	free(out);
	value_is("---\na: !!null ''\n---\n", "a", NULL, "a value tagged null");
	value_is("---\na: !!str ~\n---\n", "a", "~",
	    "a ~ tagged as a string");
	value_is("---\na: &k x\n*k : 2\n---\n", "x", "2",
	    "an alias of a scalar as a key");
	value_is("---\n&k a: 1\nb: *k\n---\n", "b", "a",
	    "an alias of a key");
	parse_error("---\n&k a: 1\n*k : 2\n---\n",
	    "t.md:3: duplicate key 'a'", "a key given again by its alias");

	parse_error("---\na: &m {x: 1}\n*m : 2\n---\n",
	    "t.md:3: a key must be a scalar", "an alias of a map as a key");
	parse_error("---\n? [a]\n: 1\n---\n",
	    "t.md:2: a key must be a scalar", "a list as a key");
	parse_error("---\n*nope : 1\n---\n",
	    "t.md:2: undefined alias 'nope'", "an undefined alias as a key");
	parse_error("---\r\na: 1\r\nb: \xff\r\n---\r\n",
	    "t.md:3: invalid leading UTF-8 octet", "not UTF-8, after CR LF");
	parse_error("---\na: 1\rb: 2\rc: \xff\n---\n",
	    "t.md:4: invalid leading UTF-8 octet", "not UTF-8, after CRs");
	parse_error("---\na: 1\n... `\n---\n",
	    "t.md:3: found character that cannot start any token "
	    "while scanning for the next token", "text after ...");

	set_is("---\nnotes: |\n  a\n  b\n---\n", "notes", "x\ny",
	    "---\nnotes: |-\n  x\n  y\n---\n",
	    "a literal block stays one for new lines");
	set_is("---\nnotes: >\n  a\n  b\n---\n", "notes", "x",
	    "---\nnotes: x\n---\n", "a folded block set to one line is plain");
}

int
main(void)
{
	test_round_trip();
	test_set();
	test_quoting();
	test_lists();
	test_maps();
	test_errors();
	test_body();
	test_new_and_aliases();
	test_keys();
	test_size();
	test_bytes();
	test_odd_text();
	test_odd_yaml();
	return done_testing();
}
