/*
 * The text pieces every report renderer shares (lib/base/render.h): the
 * columns a text takes on a terminal, padding, percentages, Markdown
 * table rows.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/render.h"
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

int
main(void)
{
	test_width();
	test_pad();
	test_md();
	return done_testing();
}
