/*
 * Where the scalars under a key of the front matter stand (lib/base/fmspan.h,
 * internal: pl align migrate rewrites a code's own bytes with it).  Each
 * case says what a rewrite would see: the bytes of each span, or -1 when
 * it must fall back to rewriting by value.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmspan.h"
#include "pl/base/doc.h"
#include "pl/base/util.h"
#include "tap.h"

/* The offset of the body: after the line "---" that closes the front matter. */
static size_t
body_of(const char *text)
{
	const char	*p = strchr(text, '\n');

	while (p != NULL && strncmp(p + 1, "---", 3) != 0)
		p = strchr(p + 1, '\n');
	if (p == NULL)
		return strlen(text);
	p = strchr(p + 1, '\n');
	return p != NULL ? (size_t)(p + 1 - text) : strlen(text);
}

/*
 * "-1", or the list's style (libyaml's: 0 a scalar, 1 block, 2 flow) and
 * for each span its item, its scalar style (1 plain, 2 single-quoted, 3
 * double-quoted, 4 literal) and its bytes.  Caller frees.
 */
static char *
spans_text(const char *text, size_t len, size_t body, const char *key,
    const char *sub)
{
	struct pl_spans	 sp;
	struct pl_buf	 b = PL_BUF_INIT;
	size_t		 i;

	memset(&sp, 0xff, sizeof sp);
	if (pl_spans_find(&sp, text, len, body, key, sub) < 0) {
		pl_buf_printf(&b, "-1%s", sp.v == NULL && sp.n == 0 &&
		    sp.seq == 0 ? "" : " (out not left empty)");
		return pl_buf_detach(&b);
	}
	pl_buf_printf(&b, "seq %d", sp.seq);
	for (i = 0; i < sp.n; i++) {
		pl_buf_printf(&b, " %zu:%d:", sp.v[i].item, sp.v[i].style);
		if (sp.v[i].start <= sp.v[i].end && sp.v[i].end <= len)
			pl_buf_put(&b, text + sp.v[i].start,
			    sp.v[i].end - sp.v[i].start);
		else
			pl_buf_printf(&b, "[%zu,%zu)", sp.v[i].start,
			    sp.v[i].end);
	}
	pl_spans_release(&sp);
	if (sp.v != NULL || sp.n != 0)
		pl_buf_puts(&b, " (not released)");
	return pl_buf_detach(&b);
}

#define spans(text, key, sub, want, ...) do { \
	char	*spans_got = spans_text((text), strlen(text), \
		    body_of(text), (key), (sub)); \
	is_str(spans_got, (want), __VA_ARGS__); \
	free(spans_got); \
} while (0)

static void
lists(void)
{
	spans("---\ntitle: T\nstandards:\n  - A.1\n  - 'B.2'\n"
	    "goals: [g]\n---\nbody\n", "standards", NULL,
	    "seq 1 0:1:A.1 1:2:'B.2'", "a block list, the key not last");
	spans("---\nstandards: [ \"X.1\" , y ]\n---\n", "standards", NULL,
	    "seq 2 0:3:\"X.1\" 1:1:y", "a flow list");
	spans("---\nstandards: X.1 # one\n---\n", "standards", NULL,
	    "seq 0 0:1:X.1", "a scalar value");
	spans("---\nstandards: []\n---\n", "standards", NULL, "seq 2",
	    "an empty list");
	spans("---\ntitle: T\n---\n", "standards", NULL, "seq 0",
	    "no such key: nothing, not a failure");
	spans("---\nstandards: {a: b}\n---\n", "standards", NULL, "seq 0",
	    "a mapping: nothing to rewrite");
	spans("---\n? [a, b]\n: c\nstandards: [x]\n---\n", "standards", NULL,
	    "seq 2 0:1:x", "a key that is a list is passed over");
	spans("---\nstandards: |\n  A.1\n---\n", "standards", NULL,
	    "seq 0 0:4:|\n  A.1\n", "a literal block up to the closing line");
}

/* libyaml counts characters; the spans are in bytes. */
static void
bytes(void)
{
	spans(PL_DOC_BOM "---\ntitle: Caf\xc3\xa9 \xe2\x98\x95 "
	    "\xf0\x9d\x84\x9e\nstandards: [\"\xc3\x89.1\", b]\n---\n",
	    "standards", NULL, "seq 2 0:3:\"\xc3\x89.1\" 1:1:b",
	    "a BOM and two-, three- and four-byte characters before");
	spans("---\r\ntitle: a\r\nstandards:\r\n  - x\r\n  - y\r\n---\r\n",
	    "standards", NULL, "seq 1 0:1:x 1:1:y", "CR LF line ends");
	spans("---\nnote: \"a\xe2\x80\x94\"\nstandards: b\n---",
	    "standards", NULL, "seq 0 0:1:b",
	    "no newline after the closing line");
}

static void
ratings(void)
{
	spans("---\nratings:\n  - standard: A\n    level: 3\n"
	    "  - level: 2\n    standard: \"B\"\n  - plain\n"
	    "  - ? [k]\n    : v\n    standard: C\n  - level: 1\n---\n",
	    "ratings", "standard",
	    "seq 1 0:1:A 1:3:\"B\" 3:1:C", "each mapping's standard, by item");
	spans("---\nratings: [{standard: A}]\n---\n", "ratings", "standard",
	    "seq 2 0:1:A", "in a flow list");
	spans("---\nratings: none\n---\n", "ratings", "standard", "seq 0",
	    "ratings that are not a list: nothing");
}

/* What a rewrite by bytes cannot keep: -1, and the caller goes by value. */
static void
refused(void)
{
	spans("---\nstandards: [&a x]\n---\n", "standards", NULL, "-1",
	    "an anchor on an item");
	spans("---\nstandards: [!!str x]\n---\n", "standards", NULL, "-1",
	    "a tag on an item");
	spans("---\nstandards: &l [x]\n---\n", "standards", NULL, "-1",
	    "an anchor on the list");
	spans("---\nstandards: !!seq [x]\n---\n", "standards", NULL, "-1",
	    "a tag on the list");
	spans("---\ntitle: &t T\nstandards: *t\n---\n", "standards", NULL,
	    "-1", "an alias for the value");
	spans("---\ntitle: &t T\nstandards: [x, *t]\n---\n", "standards",
	    NULL, "-1", "an alias for an item");
	spans("---\nstandards: [[a], b]\n---\n", "standards", NULL, "-1",
	    "an item that is a list");
	spans("---\nratings:\n  - standard: !x A\n---\n", "ratings",
	    "standard", "-1", "a tag on a rating's standard");
	spans("---\njust a scalar\n---\n", "standards", NULL, "-1",
	    "front matter that is not a mapping");
}

static void
broken(void)
{
	spans("---\n\"x\n---\n", "standards", NULL, "-1",
	    "an open quote at the start");
	spans("---\na: b\n c: d\nstandards: [x]\n---\n", "standards", NULL,
	    "-1", "broken before the key, in a value");
	spans("---\na: [x\nstandards: y\n---\n", "standards", NULL, "-1",
	    "broken inside a list passed over");
	spans("---\nstandards: ]\n---\n", "standards", NULL, "-1",
	    "broken right after the key");
	spans("---\nstandards: [b\n---\n", "standards", NULL, "-1",
	    "a list not closed");
	spans("---\nratings:\n  - level: 3\n    standard: \"x\n---\n",
	    "ratings", "standard", "-1", "broken at a rating's standard");
	spans("---\nratings:\n  - standard: A\n    \"x\n---\n", "ratings",
	    "standard", "-1", "broken at a rating's key");
	spans("---\nratings:\n  - standard: A\n  x: y\n---\n", "ratings",
	    "standard", "-1", "broken between ratings");
}

static void
no_front_matter(void)
{
	const char	*t = "---\nstandards: [x]\n---\n";
	char		*heap, *got;

	spans("", "standards", NULL, "-1", "an empty file");
	spans("--", "standards", NULL, "-1", "two bytes");
	spans(PL_DOC_BOM, "standards", NULL, "-1", "a BOM alone");
	spans(PL_DOC_BOM "--", "standards", NULL, "-1", "a BOM and two bytes");
	spans("standards: [x]\n", "standards", NULL, "-1",
	    "no opening line");
	spans("---", "standards", NULL, "-1", "an opening line alone");
	spans("---\n---\nbody\n", "standards", NULL, "-1",
	    "empty front matter");
	/*
	 * A body past the end is refused before a byte of it is read: the
	 * text is copied to the heap, so that a read past it would be far
	 * out of anything mapped.
	 */
	heap = pl_xstrndup(t, strlen(t));
	got = spans_text(heap, strlen(heap), SIZE_MAX / 2, "standards",
	    NULL);
	is_str(got, "-1", "a body offset past the end of the text");
	free(got);
	free(heap);
}

int
main(void)
{
	lists();
	bytes();
	ratings();
	refused();
	broken();
	no_front_matter();
	return done_testing();
}
