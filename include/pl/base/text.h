/*
 * Values that go on one line: titles, names, steps, kinds, profile items.
 * They enter commit messages (where a line break would forge a trailer)
 * and one-line list rows, so every path that writes one checks it here.
 */
#ifndef PL_TEXT_H
#define PL_TEXT_H

#include <stddef.h>

#include "pl/base/error.h"
#include "pl/base/util.h"

/*
 * The length of the control character at s, or 0: C0 (below 0x20), DEL
 * (0x7f) and the C1 controls U+0080 to U+009F in UTF-8 (two bytes).
 */
size_t	 pl_text_control(const char *s);

/*
 * PL_OK when s is one line without control characters (tabs included);
 * else PL_EINVAL "<what> must be one line" or "<what> must not contain
 * control characters".  what names the value: "a title",
 * "goals/x.md: 'title'".
 */
int	 pl_text_check_line(const char *what, const char *s) PL_WUR;

/*
 * Appends s to out with every control character, line breaks included,
 * made a space, so a message's subject or sentence stays one line.
 */
void	 pl_text_put_line(struct pl_buf *out, const char *s, size_t len);

#endif
