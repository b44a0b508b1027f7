/*
 * Ids made from titles.  Ids become file names and appear in commit
 * subjects and URLs, so they are kept to lower-case ASCII; accented
 * Latin letters are folded so "Élan vital" still reads as "elan-vital",
 * and other scripts are transliterated with ICU ("Пример" is "primer"),
 * so a learner who writes in Greek or Japanese gets ids that say
 * something.
 */
#include <stdlib.h>
#include <string.h>

#include "base/icu.h"
#include "pl/base/slug.h"
#include "pl/base/util.h"

/* Below this, the table folds; from it on, ICU transliterates. */
#define LATIN_END 0x180

/* ASCII for U+00C0..U+017F, one or two letters each; "" drops it. */
static const char *const latin[] = {
	/* C0 */ "a", "a", "a", "a", "a", "a", "ae", "c",
	/* C8 */ "e", "e", "e", "e", "i", "i", "i", "i",
	/* D0 */ "d", "n", "o", "o", "o", "o", "o", "",
	/* D8 */ "o", "u", "u", "u", "u", "y", "th", "ss",
	/* E0 */ "a", "a", "a", "a", "a", "a", "ae", "c",
	/* E8 */ "e", "e", "e", "e", "i", "i", "i", "i",
	/* F0 */ "d", "n", "o", "o", "o", "o", "o", "",
	/* F8 */ "o", "u", "u", "u", "u", "y", "th", "y",
	/* 100 */ "a", "a", "a", "a", "a", "a", "c", "c",
	/* 108 */ "c", "c", "c", "c", "c", "c", "d", "d",
	/* 110 */ "d", "d", "e", "e", "e", "e", "e", "e",
	/* 118 */ "e", "e", "e", "e", "g", "g", "g", "g",
	/* 120 */ "g", "g", "g", "g", "h", "h", "h", "h",
	/* 128 */ "i", "i", "i", "i", "i", "i", "i", "i",
	/* 130 */ "i", "i", "ij", "ij", "j", "j", "k", "k",
	/* 138 */ "k", "l", "l", "l", "l", "l", "l", "l",
	/* 140 */ "l", "l", "l", "n", "n", "n", "n", "n",
	/* 148 */ "n", "n", "n", "n", "o", "o", "o", "o",
	/* 150 */ "o", "o", "oe", "oe", "r", "r", "r", "r",
	/* 158 */ "r", "r", "s", "s", "s", "s", "s", "s",
	/* 160 */ "s", "s", "t", "t", "t", "t", "t", "t",
	/* 168 */ "u", "u", "u", "u", "u", "u", "u", "u",
	/* 170 */ "u", "u", "u", "u", "w", "w", "y", "y",
	/* 178 */ "y", "z", "z", "z", "z", "z", "z", "s",
};

/* Decodes one UTF-8 sequence at s; returns its length (1 for bad bytes). */
static size_t
utf8_next(const unsigned char *s, unsigned long *cp)
{
	size_t	n, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0)
		n = 2, *cp = s[0] & 0x1f;
	else if ((s[0] & 0xf0) == 0xe0)
		n = 3, *cp = s[0] & 0x0f;
	else if ((s[0] & 0xf8) == 0xf0)
		n = 4, *cp = s[0] & 0x07;
	else {
		*cp = 0xfffd;
		return 1;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*cp = 0xfffd;
			return i;
		}
		*cp = (*cp << 6) | (s[i] & 0x3f);
	}
	return n;
}

/* Appends the ASCII letters for cp, or a '-' for anything else. */
static void
fold(struct pl_buf *b, unsigned long cp)
{
	if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
		pl_buf_putc(b, (char)cp);
	else if (cp >= 'A' && cp <= 'Z')
		pl_buf_putc(b, (char)(cp - 'A' + 'a'));
	else if (cp == '\'' || cp == 0x2019)
		;	/* "Ada's" makes "adas", not "ada-s" */
	else if (cp >= 0xc0 && cp < LATIN_END)
		pl_buf_puts(b, latin[cp - 0xc0]);
	else if (b->len > 0 && b->ptr[b->len - 1] != '-')
		pl_buf_putc(b, '-');
}

/* Folds the UTF-8 text s[0..n) with the table alone. */
static void
fold_all(struct pl_buf *b, const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	const unsigned char	*end = p + n;
	unsigned long		 cp;

	while (p < end && *p != '\0') {
		p += utf8_next(p, &cp);
		fold(b, cp);
	}
}

/* ICU's "Any-Latin; Latin-ASCII", opened once: opening reads its rules. */
static UTransliterator *
translit(const struct pl_icu *u)
{
	static const char	 rules[] = "Any-Latin; Latin-ASCII";
	static UTransliterator	*t;
	static int		 tried;
	UErrorCode		 ec = U_ZERO_ERROR;
	UChar			 id[sizeof rules];
	size_t			 i;

	if (!tried) {
		tried = 1;
		for (i = 0; i < sizeof rules; i++)
			id[i] = (UChar)rules[i];
		t = u->trans_open(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &ec);
		if (U_FAILURE(ec))
			t = NULL;
	}
	return t;
}

/*
 * Transliterates the UTF-8 text s[0..n) and folds what ICU gives; on any
 * failure (no ICU, no ICU data) the text folds as it is, to a '-'.
 */
static void
fold_other(struct pl_buf *b, const char *s, size_t n)
{
	const struct pl_icu	*icu = pl_icu();
	UTransliterator		*t = icu == NULL ? NULL : translit(icu);
	UErrorCode		 ec = U_ZERO_ERROR;
	UChar			*u;
	char			*out;
	int32_t			 len, cap = (int32_t)n * 8 + 16, limit, olen;

	if (t == NULL) {
		fold_all(b, s, n);
		return;
	}
	u = pl_xcalloc((size_t)cap, sizeof *u);
	icu->from_utf8(u, cap, &len, s, (int32_t)n, 0xfffd, NULL, &ec);
	if (U_SUCCESS(ec)) {
		limit = len;
		icu->trans_uchars(t, u, &len, cap, 0, &limit, &ec);
	}
	if (U_FAILURE(ec)) {
		free(u);
		fold_all(b, s, n);
		return;
	}
	out = pl_xcalloc((size_t)len * 3 + 1, 1);
	icu->to_utf8(out, len * 3 + 1, &olen, u, len, 0xfffd, NULL, &ec);
	fold_all(b, out, U_SUCCESS(ec) ? (size_t)olen : 0);
	free(out);
	free(u);
}

char *
pl_slug_make(const char *text)
{
	const unsigned char	*s = (const unsigned char *)text, *run;
	struct pl_buf		 b = PL_BUF_INIT;
	unsigned long		 cp;
	size_t			 cut, n;

	/* Latin as the table says, so ids stay as they always were */
	while (*s != '\0') {
		n = utf8_next(s, &cp);
		if (cp < LATIN_END || cp == 0xfffd) {
			fold(&b, cp);
			s += n;
			continue;
		}
		for (run = s; *s != '\0' && cp >= LATIN_END && cp != 0xfffd;
		    n = utf8_next(s, &cp))
			s += n;
		fold_other(&b, (const char *)run, (size_t)(s - run));
	}
	while (b.len > 0 && b.ptr[b.len - 1] == '-')
		b.ptr[--b.len] = '\0';
	if (b.len > PL_SLUG_MAX) {
		/* Cut at the last word boundary that fits, if any. */
		cut = PL_SLUG_MAX;
		while (cut > 0 && b.ptr[cut] != '-')
			cut--;
		if (cut == 0)
			cut = PL_SLUG_MAX;
		b.len = cut;
		while (b.len > 0 && b.ptr[b.len - 1] == '-')
			b.len--;
		b.ptr[b.len] = '\0';
	}
	return pl_buf_detach(&b);
}

int
pl_id_valid(const char *id)
{
	/* Asked of every file of a listing: one look-up a character */
	static const unsigned char ok[256] = {
		['-'] = 1, ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1,
		['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1,
		['9'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1,
		['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1,
		['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
		['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1,
		['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
		['y'] = 1, ['z'] = 1,
	};
	size_t	n;

	for (n = 0; ok[(unsigned char)id[n]]; n++)
		;
	return n > 0 && n <= PL_ID_MAX && id[n] == '\0' && id[0] != '-';
}

int
pl_id_check(const char *what, const char *id)
{
	if (!pl_id_valid(id))
		return pl_error_set(PL_EINVAL, "invalid %s id '%s'", what, id);
	return PL_OK;
}
