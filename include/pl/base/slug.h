/* Ids: short ASCII slugs made from titles. */
#ifndef PL_SLUG_H
#define PL_SLUG_H

#include <stddef.h>

#include "pl/base/error.h"

#define PL_ID_MAX 64		/* longest id accepted */
#define PL_SLUG_MAX 40		/* longest slug made from a title */

/*
 * Makes a slug from UTF-8 text: lower-case ASCII letters and digits,
 * common accented Latin letters folded to ASCII, any other run of
 * characters one '-', no '-' at either end, cut at a word boundary to at
 * most PL_SLUG_MAX characters.  May be "" (a title with no Latin letters
 * or digits).  The caller frees.
 */
char	*pl_slug_make(const char *text);

/*
 * 1 when id is a valid id: 1 to PL_ID_MAX characters of [a-z0-9-], not
 * starting with '-'.  Anything else ("../x", "/etc", "A b") is 0.
 */
int	 pl_id_valid(const char *id);

/*
 * PL_OK for a valid id, else PL_EINVAL naming what ("goal", "evidence")
 * and quoting id.
 */
int	 pl_id_check(const char *what, const char *id) PL_WUR;

#endif
