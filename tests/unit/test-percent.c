/*
 * pl_percent(): the one rule for a share of standards, which align
 * status and the class report both show; pl_text_pct_sign(), the words
 * every view but CSV shows of it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "pl/base/percent.h"
#include "tap.h"

static const struct {
	size_t	part, whole;
	int	has;
	double	want;
} cases[] = {
	{ 0, 0, 0, 0 },		/* nothing in scope: no per cent */
	{ 3, 0, 0, 0 },
	{ 0, 4, 1, 0 },
	{ 4, 4, 1, 100 },
	{ 5, 8, 1, 62.5 },
	{ 1, 3, 1, 33.3 },
	{ 2, 3, 1, 66.7 },
	{ 1, 16, 1, 6.3 },	/* a half rounded up, whatever binary */
	{ 3, 16, 1, 18.8 },	/* makes of 6.25, 18.75 and 1.25 */
	{ 1, 80, 1, 1.3 },
	{ 1, 2000, 1, 0.1 },
	{ 1, 2001, 1, 0 },
};

/* The sign follows the number or there is nothing, as a view says. */
static void
test_sign(void)
{
	char	s[16], want[16];
	size_t	i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		strcpy(s, "x");
		is_int(pl_text_pct_sign(s, sizeof s, cases[i].part,
		    cases[i].whole), cases[i].has, "%zu of %zu with a sign: %s",
		    cases[i].part, cases[i].whole, cases[i].has ? "a per cent" :
		    "none");
		if (cases[i].has)
			snprintf(want, sizeof want, "%.1f%%", cases[i].want);
		else
			*want = '\0';
		is_str(s, want, "%zu of %zu with a sign is '%s'", cases[i].part,
		    cases[i].whole, want);
	}
	is_int(pl_text_pct_sign(s, 7, 4, 4), 1, "100.0%% fits 7 bytes");
	is_str(s, "100.0%", "so it is whole");
}

int
main(void)
{
	double	p;
	size_t	i;
	int	has;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		p = -1;
		has = pl_percent(&p, cases[i].part, cases[i].whole);
		is_int(has, cases[i].has, "%zu of %zu: %s", cases[i].part,
		    cases[i].whole, cases[i].has ? "a per cent" : "none");
		ok(p == cases[i].want, "%zu of %zu is %.1f (got %.17g)",
		    cases[i].part, cases[i].whole, cases[i].want, p);
	}
	test_sign();
	return done_testing();
}
