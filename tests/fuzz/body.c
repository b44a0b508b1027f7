/*
 * A Markdown body (lib/base/md.c): the sections, steps and lists pl reads
 * and edits in what a person wrote.  Oracle: ticking a step that was
 * found keeps the number of steps, and adding one adds one.
 */
#include "fuzz.h"
#include "pl/base/md.h"

/* 1 when s is valid UTF-8 (no overlong forms, surrogates or > U+10FFFF). */
static int
utf8_valid(const unsigned char *s)
{
	unsigned	c, n, i;

	while ((c = *s) != 0) {
		n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 &&
		    c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : 9;
		if (n == 9)
			return 0;
		for (i = 1; i <= n; i++)
			if ((s[i] & 0xc0) != 0x80)
				return 0;
		if ((c == 0xe0 && s[1] < 0xa0) || (c == 0xed && s[1] >= 0xa0) ||
		    (c == 0xf0 && s[1] < 0x90) || (c == 0xf4 && s[1] >= 0x90))
			return 0;
		s += n + 1;
	}
	return 1;
}

static void
words(const char *body)
{
	struct pl_strlist	 l = PL_STRLIST_INIT;
	struct pl_buf		 b = PL_BUF_INIT;

	pl_md_items(&l, body, "Evidence");
	pl_strlist_release(&l);
	free(pl_md_section(body, "Why"));
	free(pl_md_first_paragraph(body));
	free(pl_md_first_words(body));
	pl_md_escape(&b, body, strlen(body));
	pl_buf_release(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	struct pl_tasks	 t, u;
	char		*body, *s, *sec;
	int		 cr = 0;

	if (memchr(d, '\0', n) != NULL)
		return 0;	/* pl_doc_parse() refuses a NUL */
	body = fuzz_cstr(d, n);
	/*
	 * A CR alone ends a line for cmark, not for lib/base/md.c's lines: a step
	 * added there can land in what cmark reads as a code block (README,
	 * "Known").  The oracles hold for LF and CR LF.
	 */
	for (s = body; (s = strchr(s, '\r')) != NULL; s++)
		if (s[1] != '\n')
			cr = 1;
	/*
	 * nor in a body that is not UTF-8: cmark reads each bad byte as
	 * U+FFFD, and its lines no longer match lib/base/md.c's (README, "Known")
	 */
	if (!utf8_valid((const unsigned char *)body))
		cr = 1;
	/* nor after a code fence left open (README, "Known") */
	if (strstr(body, "```") != NULL || strstr(body, "~~~") != NULL)
		cr = 1;
	words(body);
	pl_md_tasks(&t, body, "Steps");
	if (t.n > 0 && (s = pl_md_tick(body, t.v[0].line, !t.v[0].done))) {
		pl_md_tasks(&u, s, "Steps");
		FUZZ_CHECK(cr || u.n == t.n, "ticking a step made %zu steps "
		    "of %zu", u.n, t.n);
		pl_tasks_release(&u);
		free(s);
	}
	free(pl_md_number_tasks(body, "Steps"));
	/* without the section, pl_md_tasks() counts the whole body's */
	if ((sec = pl_md_section(body, "Steps")) != NULL &&
	    (s = pl_md_append_item(body, "Steps", "- [ ] fuzz")) != NULL) {
		pl_md_tasks(&u, s, "Steps");
		FUZZ_CHECK(cr || u.n == t.n + 1, "adding a step made %zu "
		    "steps of %zu", u.n, t.n);
		pl_tasks_release(&u);
		free(s);
	}
	pl_tasks_release(&t);
	free(sec);
	free(body);
	return 0;
}
