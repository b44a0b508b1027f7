/*
 * The text pieces every report renderer shares (lib/base/render.h): the
 * columns a text takes on a terminal, padding, percentages, Markdown
 * table rows; the JSON written as it is made (pl_jw), against jansson's.
 */
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/render.h"
#include "pl/base/json.h"
#include "tap.h"

static const struct {
	const char	*s;
	size_t		 want;
	const char	*what;
} widths[] = {
	{ NULL, 0, "nothing" },
	{ "", 0, "an empty text" },
	{ "Maya", 4, "ASCII" },
	{ "\xc3\xa9l\xc3\xa8ve", 5, "two-byte letters" },
	{ "\xe6\x9c\xb4", 2, "a wide character (U+6734)" },
	{ "\xef\xbc\xa1", 2, "a full-width letter (U+FF21)" },
	{ "\xf0\x9f\x8e\xaf", 2, "a four-byte wide character (U+1F3AF)" },
	{ "\xf0\x90\x8c\xb0", 1, "a four-byte narrow one (U+10330)" },
	{ "e\xcc\x81", 1, "a combining accent takes none" },
	{ "\xe2\x83\x9d", 0, "an enclosing mark takes none" },
	{ "a\xe2\x80\x8b" "b", 2, "a zero-width space (a format character) "
	    "takes none" },
	{ "\xff", 1, "a byte that is no UTF-8" },
	{ "a\xe6\x9c", 2, "a sequence cut short" },
	{ "\xc0\xaf", 2, "an overlong form, byte by byte" },
	{ "\xed\xa0\x80", 3, "a surrogate, byte by byte" },
	{ "\xf4\x90\x80\x80", 4, "past U+10FFFF, byte by byte" },
	{ "\x80\x80", 2, "continuation bytes alone" },
};

static void
test_width(void)
{
	size_t	i;

	for (i = 0; i < sizeof widths / sizeof *widths; i++)
		is_int(pl_text_width(widths[i].s), widths[i].want,
		    "%s: %zu columns", widths[i].what, widths[i].want);
}

static void
test_pad(void)
{
	struct pl_buf	b = PL_BUF_INIT;
	char		pct[16];

	pl_text_pad(&b, "\xe6\x9c\xb4", 4);
	pl_buf_putc(&b, '|');
	pl_text_rpad(&b, "\xc3\xa9", 3);
	pl_buf_putc(&b, '|');
	pl_text_pad(&b, "long", 2);
	pl_buf_putc(&b, '|');
	pl_text_pad(&b, NULL, 1);
	is_str(pl_buf_cstr(&b), "\xe6\x9c\xb4  |  \xc3\xa9|long| ",
	    "padded by columns, not bytes; never cut");
	pl_buf_release(&b);
	ok(!pl_text_pct(pct, sizeof pct, 0, 0) && strcmp(pct, "") == 0,
	    "no percentage of nothing");
	ok(pl_text_pct(pct, sizeof pct, 1, 3) && strcmp(pct, "33.3") == 0,
	    "one of three: 33.3");
}

static void
test_md(void)
{
	struct pl_buf		b = PL_BUF_INIT;
	struct pl_strlist	cells = PL_STRLIST_INIT;

	pl_md_head(&b, "A | B | C");
	pl_md_cell(&cells, NULL);
	pl_md_cellf(&cells, "%d%%", 50);
	pl_md_cell(&cells, "a | b");
	pl_md_row(&b, &cells);
	is_str(pl_buf_cstr(&b), "| A | B | C |\n|---|---|---|\n"
	    "| \xe2\x80\x94 | 50% | a \\| b |\n",
	    "a table: a dash for no value, a bar escaped");
	is_int(cells.n, 0, "the row's cells are taken");
	pl_buf_release(&b);
}

/* Strings json_string() takes, escapes and all, and some it refuses. */
static const char *const jw_strings[] = {
	"", "plain", "quote \" and \\ back", "tab\tnew\nline\rcr",
	"\b\f\x01\x1f\x7f", "slash / stays", "\xc3\xa9l\xc3\xa8ve",
	"\xf0\x9f\x8e\xaf four bytes", "\xe2\x80\xa8 line separator",
	"\xff not UTF-8", "cut \xe6\x9c", "\xc0\xaf overlong",
	"\xed\xa0\x80 surrogate", "\xf4\x90\x80\x80 past U+10FFFF",
};

static const double jw_reals[] = {
	0, -0.0, 1, 2.5, 0.1, 1.0 / 3, 100, 1e12, 1e15, 123456789012345.0,
	1e21, 1.5e-7, -3.25e-10, 1e300, 66.66666666666667, NAN, INFINITY,
};

/* The same document built in jansson and written by pl_jw. */
static void
jw_both(json_t *o, struct pl_jw *w)
{
	json_t	*a = json_array(), *empty = json_object(), *inner;
	size_t	 i;

	static const long long	ints[] = { 0, 7, 10, -1, -42, 1000000007,
	    LLONG_MAX, LLONG_MIN };
	json_t			*n = json_array();

	pl_jw_open(w, "n", '[');
	for (i = 0; i < sizeof ints / sizeof *ints; i++) {
		json_array_append_new(n, json_integer(ints[i]));
		pl_jw_int(w, NULL, ints[i]);
	}
	pl_jw_close(w, ']');
	json_object_set_new(o, "n", n);
	json_object_set_new(o, "yes", json_true());
	pl_jw_bool(w, "yes", 1);
	json_object_set_new(o, "none", json_null());
	pl_jw_null(w, "none");
	json_object_set_new(o, "empty", empty);
	pl_jw_open(w, "empty", '{');
	pl_jw_close(w, '}');
	pl_jw_open(w, "strings", '[');
	for (i = 0; i < sizeof jw_strings / sizeof *jw_strings; i++) {
		json_array_append_new(a, json_string(jw_strings[i]));
		pl_jw_str(w, NULL, jw_strings[i]);
	}
	pl_jw_close(w, ']');
	json_object_set_new(o, "strings", a);
	inner = json_object();
	pl_jw_open(w, "by key", '{');
	for (i = 0; i < sizeof jw_reals / sizeof *jw_reals; i++) {
		char	key[16];

		snprintf(key, sizeof key, "r%zu", i);
		json_object_set_new(inner, key, json_real(jw_reals[i]));
		pl_jw_real(w, key, jw_reals[i]);
		/* keys are UTF-8 and set once, as pl's: the first 9 */
		if (i >= 9)
			continue;
		json_object_set_new(inner, jw_strings[i % 9], json_string(
		    jw_strings[(i + 3) % 14]));
		pl_jw_str(w, jw_strings[i % 9], jw_strings[(i + 3) % 14]);
	}
	pl_jw_close(w, '}');
	json_object_set_new(o, "by key", inner);
	json_object_set_new(o, "last", json_array());
	pl_jw_open(w, "last", '[');
	pl_jw_close(w, ']');
}

static void
test_jw(void)
{
	struct pl_buf	 want = PL_BUF_INIT, got = PL_BUF_INIT;
	struct pl_jw	 w;
	json_t		*o = json_object();

	pl_jw_init(&w, &got);
	pl_jw_open(&w, NULL, '{');
	jw_both(o, &w);
	pl_jw_close(&w, '}');
	pl_jw_end(&w);
	pl_json_dump(&want, o);
	is_str(pl_buf_cstr(&got), pl_buf_cstr(&want), "pl_jw writes what "
	    "jansson's json_dumps() does: escapes, reals, nesting, what "
	    "it refuses left out");
	json_decref(o);
	pl_buf_release(&want);
	pl_buf_release(&got);
}

/* The drain gets whole lines once the buffer is long, then the rest. */
static void
collect(const char *s, size_t n, void *arg)
{
	struct pl_buf	*b = arg;

	ok(n > 0 && s[n - 1] == '\n' && s[n] == '\0', "a chunk of %zu "
	    "bytes ends a line", n);
	pl_buf_put(b, s, n);
}

static void
test_drain(void)
{
	struct pl_buf	 b = PL_BUF_INIT, seen = PL_BUF_INIT,
			 whole = PL_BUF_INIT;
	size_t		 i;

	pl_buf_drain(&b);
	b.drain = collect;
	b.drain_arg = &seen;
	for (i = 0; i < 20000; i++) {
		pl_buf_printf(&b, "line %zu", i);
		pl_buf_printf(&whole, "line %zu", i);
		if (i % 7 != 0) {
			pl_buf_putc(&b, '\n');
			pl_buf_putc(&whole, '\n');
		}
		pl_buf_drain(&b);
	}
	ok(seen.len > 0 && b.len < PL_BUF_DRAIN_AT + 16, "drained as it "
	    "went: %zu bytes out, %zu kept", seen.len, b.len);
	pl_buf_put(&seen, b.ptr, b.len);
	ok(seen.len == whole.len && strcmp(seen.ptr, whole.ptr) == 0,
	    "the chunks and the rest are the whole output");
	pl_buf_release(&b);
	pl_buf_release(&seen);
	pl_buf_release(&whole);
}

int
main(void)
{
	test_width();
	test_pad();
	test_md();
	test_jw();
	test_drain();
	return done_testing();
}
