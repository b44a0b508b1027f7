/*
 * Markdown from a portfolio as the HTML report renders it
 * (lib/report/html-markdown.c: headings moved, images made links, raw HTML
 * dropped).  Oracle: no tag that runs a script or fetches anything gets
 * through, and the only images are inline data.
 */
#include <strings.h>

#include "fuzz.h"
#include "report/html-markdown.h"

static const char *const bad[] = { "<script", "<iframe",
    "<object", "<embed", "<style", "<link", "<svg", "<form",
    "href=\"javascript:", "href=\"vbscript:", "href=\"file:" };

int
LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	char		*s = fuzz_cstr(d, n);
	struct pl_buf	 b = PL_BUF_INIT;
	const char	*p;
	size_t		 i;

	pl_html_markdown(&b, s, 3);
	for (p = pl_buf_cstr(&b); *p != '\0'; p++) {
		/* an image the page shows is inline data, never fetched */
		if (strncmp(p, "<img", 4) == 0)
			FUZZ_CHECK(strncasecmp(p, "<img src=\"data:image/", 21) ==
			    0,
			    "'%.40s' in the page", p);
		for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
			FUZZ_CHECK(strncasecmp(p, bad[i], strlen(bad[i])) != 0,
			    "'%s' in the page", bad[i]);
	}
	pl_buf_release(&b);
	free(s);
	return 0;
}
