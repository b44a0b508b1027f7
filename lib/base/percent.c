/*
 * Shares in per cent (percent.h).  In integers, so that a half is a
 * half: 1 of 16 is 6.25, which a double and printf's %.1f would make 6.2
 * (round half to even on the binary value).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "pl/base/percent.h"

int
pl_percent(double *out, size_t part, size_t whole)
{
	uintmax_t	tenths;

	*out = 0;
	if (whole == 0)
		return 0;
	tenths = (2000 * (uintmax_t)part + whole) / (2 * (uintmax_t)whole);
	*out = (double)tenths / 10;
	return 1;
}

int
pl_text_pct(char *out, size_t n, size_t part, size_t whole)
{
	double	p;

	*out = '\0';
	if (!pl_percent(&p, part, whole))
		return 0;
	snprintf(out, n, "%.1f", p);
	return 1;
}

int
pl_text_pct_sign(char *out, size_t n, size_t part, size_t whole)
{
	if (!pl_text_pct(out, n - 1, part, whole))
		return 0;
	strcat(out, "%");
	return 1;
}

void
pl_text_share(char *out, size_t n, double share)
{
	/* half up, never printf's to even: 12.5 is 13 in every view */
	snprintf(out, n, "%ld", (long)floor(share * 100 + 0.5));
}
