/*
 * Ids and slugs (lib/base/slug.c) and one-line values (lib/base/text.c): what a
 * title or a file name becomes.  Oracles: a slug is empty or a valid id
 * of at most PL_SLUG_MAX characters, and making it again changes
 * nothing; a valid id never holds "/" or begins with "." or "-".
 */
#include "fuzz.h"
#include "pl/base/slug.h"
#include "pl/base/text.h"

int
LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	char		*s = fuzz_cstr(d, n), *slug, *again;
	struct pl_buf	 b = PL_BUF_INIT;

	slug = pl_slug_make(s);
	FUZZ_CHECK(*slug == '\0' || (pl_id_valid(slug) &&
	    strlen(slug) <= PL_SLUG_MAX), "'%s' made '%s'", s, slug);
	again = pl_slug_make(slug);
	FUZZ_CHECK(strcmp(again, slug) == 0, "'%s' made again is '%s'", slug,
	    again);
	if (pl_id_valid(s))
		FUZZ_CHECK(strchr(s, '/') == NULL && s[0] != '.' && s[0] != '-'
		    && strlen(s) <= PL_ID_MAX, "'%s' is a valid id", s);
	(void)pl_id_check("goal", s);
	if (pl_text_check_line("a title", s) == PL_OK)
		FUZZ_CHECK(strchr(s, '\n') == NULL && strchr(s, '\r') == NULL,
		    "'%s' is one line", s);
	pl_text_put_line(&b, s, strlen(s));
	FUZZ_CHECK(strchr(pl_buf_cstr(&b), '\n') == NULL, "a line break "
	    "stays in '%s'", pl_buf_cstr(&b));
	pl_buf_release(&b);
	free(again);
	free(slug);
	free(s);
	return 0;
}
