/*
 * Scalar spans of front matter, read with libyaml's events over the same
 * bytes pl_doc_parse() read.  libyaml's marks count characters, not
 * bytes (a CR LF is two), so an index is turned into a byte offset by
 * counting UTF-8 lead bytes; marks come in file order, so one pass does.
 */
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "base/fmspan.h"
#include "pl/base/doc.h"
#include "pl/base/util.h"

struct walk {
	yaml_parser_t	 parser;
	const char	*yaml;		/* the front matter's first byte */
	size_t		 len;
	size_t		 off;		/* its offset in the file */
	size_t		 chars;		/* the character index reached */
	size_t		 bytes;		/* and its byte in yaml */
	struct pl_spans	*out;
	int		 bad;
};

static size_t
byte_of(struct walk *w, size_t index)
{
	while (w->chars < index && w->bytes < w->len) {
		w->bytes++;
		while (w->bytes < w->len &&
		    ((unsigned char)w->yaml[w->bytes] & 0xc0) == 0x80)
			w->bytes++;
		w->chars++;
	}
	return w->off + w->bytes;
}

/* The next event, or 0 (and bad) when there is none to read. */
static int
next(struct walk *w, yaml_event_t *ev)
{
	if (w->bad || !yaml_parser_parse(&w->parser, ev)) {
		w->bad = 1;
		return 0;
	}
	if (ev->type == YAML_STREAM_END_EVENT) {
		yaml_event_delete(ev);
		w->bad = 1;
		return 0;
	}
	return 1;
}

/* Reads past the rest of the node ev starts, and deletes ev. */
static void
skip(struct walk *w, yaml_event_t *ev)
{
	int	depth = 0;

	for (;;) {
		if (ev->type == YAML_SEQUENCE_START_EVENT ||
		    ev->type == YAML_MAPPING_START_EVENT)
			depth++;
		else if (ev->type == YAML_SEQUENCE_END_EVENT ||
		    ev->type == YAML_MAPPING_END_EVENT)
			depth--;
		yaml_event_delete(ev);
		if (depth <= 0 || !next(w, ev))
			return;
	}
}

/* Notes scalar ev as item of the list, and deletes ev. */
static void
record(struct walk *w, yaml_event_t *ev, size_t item)
{
	struct pl_spans	*o = w->out;

	if (ev->type != YAML_SCALAR_EVENT || ev->data.scalar.anchor != NULL ||
	    ev->data.scalar.tag != NULL)
		w->bad = 1;
	else {
		o->v = pl_xrealloc(o->v, (o->n + 1) * sizeof *o->v);
		o->v[o->n].start = byte_of(w, ev->start_mark.index);
		o->v[o->n].end = byte_of(w, ev->end_mark.index);
		o->v[o->n].style = ev->data.scalar.style;
		o->v[o->n++].item = item;
	}
	skip(w, ev);
}

/* 1 when ev is the scalar key name. */
static int
is_key(const yaml_event_t *ev, const char *name)
{
	return ev->type == YAML_SCALAR_EVENT &&
	    strcmp((const char *)ev->data.scalar.value, name) == 0;
}

/* In the mapping item of a list, the value of key sub. */
static void
find_sub(struct walk *w, const char *sub, size_t item)
{
	yaml_event_t	key, value;
	int		 match;

	while (next(w, &key) && key.type != YAML_MAPPING_END_EVENT) {
		match = is_key(&key, sub);
		skip(w, &key);
		if (!next(w, &value))
			return;
		if (match)
			record(w, &value, item);
		else
			skip(w, &value);
	}
	if (!w->bad)
		yaml_event_delete(&key);
}

/* The list's items, from the event after its start. */
static void
find_items(struct walk *w, const char *sub)
{
	yaml_event_t	ev;
	size_t		i;

	for (i = 0; next(w, &ev) && ev.type != YAML_SEQUENCE_END_EVENT; i++)
		if (sub == NULL)
			record(w, &ev, i);
		else if (ev.type == YAML_MAPPING_START_EVENT) {
			yaml_event_delete(&ev);
			find_sub(w, sub, i);
		} else
			skip(w, &ev);
	if (!w->bad)
		yaml_event_delete(&ev);
}

static void
find_value(struct walk *w, const char *sub)
{
	yaml_event_t	ev;

	if (!next(w, &ev))
		return;
	if (ev.type == YAML_SEQUENCE_START_EVENT &&
	    ev.data.sequence_start.anchor == NULL &&
	    ev.data.sequence_start.tag == NULL) {
		w->out->seq = ev.data.sequence_start.style;
		yaml_event_delete(&ev);
		find_items(w, sub);
	} else if (ev.type == YAML_SCALAR_EVENT && sub == NULL)
		record(w, &ev, 0);
	else if (ev.type == YAML_ALIAS_EVENT ||
	    ev.type == YAML_SEQUENCE_START_EVENT) {
		yaml_event_delete(&ev);	/* its anchor or tag */
		w->bad = 1;
	} else
		skip(w, &ev);
}

/* Reads the top-level mapping up to key's value. */
static void
find_key(struct walk *w, const char *key, const char *sub)
{
	yaml_event_t	ev;
	int		i, match;

	for (i = 0; i < 3; i++) {	/* stream, document, mapping */
		if (!next(w, &ev))
			return;
		yaml_event_delete(&ev);
	}
	while (next(w, &ev) && ev.type != YAML_MAPPING_END_EVENT) {
		match = is_key(&ev, key);
		skip(w, &ev);
		if (match) {
			find_value(w, sub);
			return;
		}
		if (!next(w, &ev))
			return;
		skip(w, &ev);
	}
	if (!w->bad)
		yaml_event_delete(&ev);
}

/* The front matter's bytes: after the "---" line, up to the closing one. */
static int
front_matter(struct walk *w, const char *text, size_t len, size_t body)
{
	size_t	start = 0, end = body;

	if (body > len)		/* checked before text[end - 1] is read */
		return -1;
	if (len >= 3 && memcmp(text, PL_DOC_BOM, 3) == 0)
		start = 3;
	if (len - start < 3 || memcmp(text + start, "---", 3) != 0)
		return -1;
	while (start < len && text[start] != '\n')
		start++;
	start++;
	if (end > start && text[end - 1] == '\n')
		end--;
	while (end > start && text[end - 1] != '\n')
		end--;
	if (end <= start)
		return -1;
	w->yaml = text + start;
	w->len = end - start;
	w->off = start;
	return 0;
}

int
pl_spans_find(struct pl_spans *out, const char *text, size_t len,
    size_t body, const char *key, const char *sub)
{
	struct walk	w;

	memset(out, 0, sizeof *out);
	memset(&w, 0, sizeof w);
	w.out = out;
	if (front_matter(&w, text, len, body) < 0)
		return -1;
	if (!yaml_parser_initialize(&w.parser))
		abort();
	yaml_parser_set_input_string(&w.parser,
	    (const unsigned char *)w.yaml, w.len);
	find_key(&w, key, sub);
	yaml_parser_delete(&w.parser);
	if (w.bad) {
		pl_spans_release(out);
		return -1;
	}
	return 0;
}

void
pl_spans_release(struct pl_spans *s)
{
	free(s->v);
	memset(s, 0, sizeof *s);
}
