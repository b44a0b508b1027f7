/*
 * The text and Markdown pieces every report renderer shares (render.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <unicode/utf8.h>

#include "base/icu.h"
#include "pl/base/md.h"
#include "pl/base/text.h"
#include "base/render.h"

static const char *const sgr[] = { "1", "2", "31", "32", "33" };

void
pl_sgr_on(struct pl_buf *b, int colour, enum pl_sgr c)
{
	if (colour)
		pl_buf_printf(b, "\033[%sm", sgr[c]);
}

void
pl_sgr_off(struct pl_buf *b, int colour)
{
	if (colour)
		pl_buf_puts(b, "\033[m");
}

/*
 * ICU's tables, not wcwidth(): the locale must not change the output.
 * ASCII needs no table, and so no ICU (icu.h).
 */
static size_t
char_width(UChar32 c)
{
	const struct pl_icu	*u;
	int			 ea;

	if (c < 0x80 || (u = pl_icu()) == NULL)
		return 1;
	switch (u->char_type(c)) {
	case U_NON_SPACING_MARK:
	case U_ENCLOSING_MARK:
	case U_FORMAT_CHAR:
		return 0;
	default:
		break;
	}
	ea = u->int_property(c, UCHAR_EAST_ASIAN_WIDTH);
	return ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
}

size_t
pl_text_width(const char *s)
{
	int32_t	i = 0, len;
	UChar32	c;
	size_t	n = 0;

	if (s == NULL)
		return 0;
	len = (int32_t)strlen(s);
	while (i < len) {
		U8_NEXT(s, i, len, c);
		n += char_width(c);
	}
	return n;
}

void
pl_text_put(struct pl_buf *b, const char *s)
{
	if (s != NULL)
		pl_text_put_line(b, s, strlen(s));
}

void
pl_text_pad(struct pl_buf *b, const char *s, size_t w)
{
	size_t	n = pl_text_width(s);

	pl_text_put(b, s);
	for (; n < w; n++)
		pl_buf_putc(b, ' ');
}

void
pl_text_rpad(struct pl_buf *b, const char *s, size_t w)
{
	size_t	n;

	for (n = pl_text_width(s); n < w; n++)
		pl_buf_putc(b, ' ');
	pl_text_put(b, s);
}

void
pl_text_heading(struct pl_buf *b, int colour, const char *title)
{
	pl_buf_putc(b, '\n');
	pl_sgr_on(b, colour, PL_SGR_BOLD);
	pl_buf_puts(b, title);
	pl_sgr_off(b, colour);
	pl_buf_putc(b, '\n');
}

void
pl_md_head(struct pl_buf *b, const char *names)
{
	const char	*p;

	pl_buf_printf(b, "| %s |\n|", names);
	for (p = names; *p != '\0'; p++)
		if (*p == '|')
			pl_buf_puts(b, "---|");
	pl_buf_puts(b, "---|\n");
}

void
pl_md_cell(struct pl_strlist *c, const char *s)
{
	pl_strlist_push(c, s != NULL ? s : "");
}

void
pl_md_cellf(struct pl_strlist *c, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	pl_strlist_push_owned(c, pl_xvasprintf(fmt, ap));
	va_end(ap);
}

void
pl_md_row(struct pl_buf *b, struct pl_strlist *cells)
{
	size_t	i;

	for (i = 0; i < cells->n; i++) {
		pl_buf_puts(b, "| ");
		if (cells->v[i][0] == '\0')
			pl_buf_puts(b, "—");
		pl_md_escape(b, cells->v[i], strlen(cells->v[i]));
		pl_buf_putc(b, ' ');
	}
	pl_buf_puts(b, "|\n");
	pl_strlist_release(cells);
}
