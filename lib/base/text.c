/*
 * One-line values.  One check serves the command line, the editor and
 * files committed by hand, so a value refused on one path cannot come in
 * by another.
 */
#include <string.h>

#include "pl/base/text.h"

size_t
pl_text_control(const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;

	if ((*u < 0x20 && *u != '\0') || *u == 0x7f)
		return 1;
	/* C1 controls: a terminal may take U+009B for CSI */
	if (u[0] == 0xc2 && u[1] >= 0x80 && u[1] <= 0x9f)
		return 2;
	return 0;
}

int
pl_text_check_line(const char *what, const char *s)
{
	const char	*p;

	if (strpbrk(s, "\r\n") != NULL)
		return pl_error_set(PL_EINVAL, "%s must be one line", what);
	for (p = s; *p != '\0'; p++)
		if (pl_text_control(p) != 0)
			return pl_error_set(PL_EINVAL, "%s must not contain "
			    "control characters", what);
	return PL_OK;
}

void
pl_text_put_line(struct pl_buf *out, const char *s, size_t len)
{
	size_t	i, n;

	for (i = 0; i < len; i += n) {
		if ((n = pl_text_control(s + i)) != 0 && i + n <= len)
			pl_buf_putc(out, ' ');
		else {
			n = 1;
			pl_buf_putc(out, s[i]);
		}
	}
}
