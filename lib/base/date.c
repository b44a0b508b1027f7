/*
 * Calendar dates.  Portfolio dates are plain days with no time zone: a
 * goal is due on a day, evidence is from a day.
 */
#include <stdio.h>
#include <string.h>

#include "pl/base/date.h"

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
pl_date_days_in_month(int y, int m)
{
	static const int	days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
				    31, 30, 31 };

	return m == 2 && leap(y) ? 29 : days[m - 1];
}

/* Howard Hinnant's days_from_civil. */
long
pl_date_days(struct pl_date d)
{
	long		y = d.y - (d.m <= 2);
	long		era = (y >= 0 ? y : y - 399) / 400;
	unsigned	yoe = (unsigned)(y - era * 400);
	unsigned	doy = (153 * (unsigned)(d.m + (d.m > 2 ? -3 : 9)) + 2) /
			    5 + (unsigned)d.d - 1;
	unsigned	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + (long)doe - 719468;
}

static struct pl_date
from_days(long z)
{
	struct pl_date	d;
	long		era, y;
	unsigned	doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = (long)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.y = (int)(y + (d.m <= 2));
	return d;
}

static int
parse_ymd(struct pl_date *out, const char *s)
{
	int	i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	out->y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 +
	    (s[2] - '0') * 10 + (s[3] - '0');
	out->m = (s[5] - '0') * 10 + (s[6] - '0');
	out->d = (s[8] - '0') * 10 + (s[9] - '0');
	return out->y >= 1000 && out->m >= 1 && out->m <= 12 &&
	    out->d >= 1 && out->d <= pl_date_days_in_month(out->y, out->m);
}

int
pl_date_valid(const char *s)
{
	struct pl_date	d;

	return parse_ymd(&d, s);
}

int
pl_date_since(long *out, const char *from, struct pl_date day)
{
	struct pl_date	d;

	*out = 0;
	if (from == NULL || !parse_ymd(&d, from))
		return 0;
	*out = pl_date_days(day) - pl_date_days(d);
	return 1;
}

int
pl_date_parse(struct pl_date *out, const char *s, struct pl_date today)
{
	if (strcmp(s, "today") == 0) {
		*out = today;
		return PL_OK;
	}
	if (strcmp(s, "yesterday") == 0) {
		*out = from_days(pl_date_days(today) - 1);
		return PL_OK;
	}
	if (!parse_ymd(out, s))
		return pl_error_set(PL_EINVAL,
		    "invalid date '%s' (expected YYYY-MM-DD)", s);
	return PL_OK;
}

void
pl_date_format(char buf[PL_DATE_LEN], struct pl_date d)
{
	unsigned	y = (unsigned)d.y % 10000, m = (unsigned)d.m % 100;
	unsigned	day = (unsigned)d.d % 100;

	/* by hand: pl log formats one per change, and snprintf showed */
	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + day / 10);
	buf[9] = (char)('0' + day % 10);
	buf[10] = '\0';
}

int
pl_date_cmp(struct pl_date a, struct pl_date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

struct pl_date
pl_date_from_time(time_t t, int off)
{
	long long	secs = (long long)t + (long long)off * 60;
	long long	days = secs / 86400;

	if (secs % 86400 < 0)
		days--;
	return from_days((long)days);
}
