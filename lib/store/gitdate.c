/*
 * The dates git takes in GIT_AUTHOR_DATE and GIT_COMMITTER_DATE, so pl
 * dates its commits exactly as git would with the same environment.
 */
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <git2.h>

#include "pl/base/date.h"
#include "store/gitdate.h"

static long long
days_from_civil(long long y, int m, int d)
{
	struct pl_date	date = { (int)y, m, d };

	return pl_date_days(date);
}

int
pl_local_offset(time_t t)
{
	struct tm	tm;
	long long	local;

	if (localtime_r(&t, &tm) == NULL)
		return 0;
	local = days_from_civil(tm.tm_year + 1900LL, tm.tm_mon + 1,
	    tm.tm_mday) * 86400 + tm.tm_hour * 3600 + tm.tm_min * 60 +
	    tm.tm_sec;
	return (int)((local - (long long)t) / 60);
}

/* A date as read: the fields, and the zone when one was given. */
struct when {
	int	y, mo, d, h, mi, s;
	int	zoned;
	int	off;
};

/* Reads min to max digits. */
static int
digits(const char **sp, int min, int max, long long *out)
{
	const char	*s = *sp;
	int		 n = 0;

	*out = 0;
	while (n < max && *s >= '0' && *s <= '9') {
		*out = *out * 10 + (*s++ - '0');
		n++;
	}
	if (n < min)
		return -1;
	*sp = s;
	return 0;
}

static int
field(const char **sp, int n, int lo, int hi, int *out)
{
	long long	v;

	if (digits(sp, n == 4 ? 4 : 1, n, &v) != 0 || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

static void
spaces(const char **sp)
{
	while (**sp == ' ' || **sp == '\t')
		(*sp)++;
}

/* "Z", "UTC", "GMT", "+hhmm", "+hh:mm", "+hh", or nothing. */
static int
parse_zone(const char **sp, struct when *w)
{
	const char	*s = *sp;
	int		 sign, h, m = 0;

	spaces(&s);
	w->zoned = 1;
	w->off = 0;
	if (*s == 'Z' || *s == 'z')
		s++;
	else if (strncasecmp(s, "UTC", 3) == 0 || strncasecmp(s, "GMT", 3) == 0)
		s += 3;
	else if (*s == '+' || *s == '-') {
		sign = *s++ == '-' ? -1 : 1;
		if (field(&s, 2, 0, 23, &h) != 0)
			return -1;
		if (*s == ':')
			s++;
		if (*s >= '0' && *s <= '9' && field(&s, 2, 0, 59, &m) != 0)
			return -1;
		w->off = sign * (h * 60 + m);
	} else
		w->zoned = 0;
	*sp = s;
	return 0;
}

/* "hh:mm[:ss[.frac]]" */
static int
parse_clock(const char **sp, struct when *w)
{
	size_t	n;

	w->s = 0;
	if (field(sp, 2, 0, 23, &w->h) != 0 || *(*sp)++ != ':' ||
	    field(sp, 2, 0, 59, &w->mi) != 0)
		return -1;
	if (**sp != ':')
		return 0;
	(*sp)++;
	if (field(sp, 2, 0, 60, &w->s) != 0)
		return -1;
	if (**sp == '.' || **sp == ',') {
		(*sp)++;
		/* dropped, so never read as a number (64 digits overflow) */
		if ((n = strspn(*sp, "0123456789")) == 0)
			return -1;
		*sp += n > 64 ? 64 : n;
	}
	return 0;
}

static int
month_of(const char **sp)
{
	static const char	*const names[] = { "jan", "feb", "mar", "apr",
				    "may", "jun", "jul", "aug", "sep", "oct",
				    "nov", "dec" };
	int			 i;

	for (i = 0; i < 12; i++)
		if (strncasecmp(*sp, names[i], 3) == 0) {
			*sp += 3;
			while ((**sp >= 'a' && **sp <= 'z') ||
			    (**sp >= 'A' && **sp <= 'Z'))
				(*sp)++;
			return i + 1;
		}
	return -1;
}

/* How both forms end after the date: the clock, a zone or none, no more. */
static int
parse_end(const char *s, struct when *w)
{
	spaces(&s);
	if (parse_clock(&s, w) != 0 || parse_zone(&s, w) != 0)
		return -1;
	spaces(&s);
	return *s == '\0' ? 0 : -1;
}

/* RFC 2822: "[Thu, ]07 Apr 2005 22:13:13 [+0200]" */
static int
parse_rfc2822(const char *s, struct when *w)
{
	if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')) {
		while ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))
			s++;
		if (*s == ',')
			s++;
		spaces(&s);
	}
	if (field(&s, 2, 1, 31, &w->d) != 0)
		return -1;
	spaces(&s);
	if ((w->mo = month_of(&s)) < 0)
		return -1;
	spaces(&s);
	if (field(&s, 4, 1970, 9999, &w->y) != 0)
		return -1;
	return parse_end(s, w);
}

/* ISO 8601: "2005-04-07[T ]22:13[:13[.5]][Z|+0200|+02:00]" */
static int
parse_iso(const char *s, struct when *w)
{
	if (field(&s, 4, 1970, 9999, &w->y) != 0 || *s++ != '-' ||
	    field(&s, 2, 1, 12, &w->mo) != 0 || *s++ != '-' ||
	    field(&s, 2, 1, 31, &w->d) != 0)
		return -1;
	if (*s != 'T' && *s != 't' && *s != ' ')
		return -1;
	return parse_end(s + 1, w);
}

/* The fields as a time; without a zone, in the local zone as git does. */
static int
when_resolve(git_time_t *t, int *off, const struct when *w)
{
	struct tm	tm;
	time_t		lt;

	if (w->d > pl_date_days_in_month(w->y, w->mo))
		return -1;
	if (w->zoned) {
		*t = days_from_civil(w->y, w->mo, w->d) * 86400 +
		    w->h * 3600 + w->mi * 60 + w->s - w->off * 60;
		*off = w->off;
		return 0;
	}
	memset(&tm, 0, sizeof tm);
	tm.tm_year = w->y - 1900;
	tm.tm_mon = w->mo - 1;
	tm.tm_mday = w->d;
	tm.tm_hour = w->h;
	tm.tm_min = w->mi;
	tm.tm_sec = w->s;
	tm.tm_isdst = -1;
	if ((lt = mktime(&tm)) == (time_t)-1)
		return -1;
	*t = lt;
	*off = pl_local_offset(lt);
	return 0;
}

/* git's own "[@]<unix> [+hhmm]"; without '@', 9 digits at least, as git. */
static int
parse_raw(const char *s, git_time_t *t, int *off)
{
	struct when	w;
	long long	v;
	int		at = *s == '@';
	const char	*start = s += at;

	if (digits(&s, 1, 18, &v) != 0 || (!at && s - start < 9))
		return -1;
	if (*s != '\0' && *s != ' ')
		return -1;
	if (parse_zone(&s, &w) != 0)
		return -1;
	spaces(&s);
	if (*s != '\0')
		return -1;
	*t = v;
	*off = w.zoned ? w.off : pl_local_offset((time_t)v);
	return 0;
}

/*
 * A time pl can commit: libgit2 writes it into the commit header as a
 * 32-bit unsigned number ("%u"), so a later time would be read back as
 * another ("2106-02-07" for a time of 0).  Portfolio dates are years
 * 1000 to 9999 (date.h) too, should that limit ever go.
 */
static int
in_range(git_time_t t, int off)
{
	static const struct pl_date	first = { 1000, 1, 1 };
	static const struct pl_date	last = { 9999, 12, 31 };
	struct pl_date			d;

	if (t < 0 || t > (git_time_t)UINT32_MAX)
		return -1;
	d = pl_date_from_time((time_t)t, off);
	return pl_date_cmp(d, first) >= 0 && pl_date_cmp(d, last) <= 0 ?
	    0 : -1;
}

int
pl_git_date_parse(git_time_t *t, int *off, const char *s)
{
	struct when	w;

	memset(&w, 0, sizeof w);
	spaces(&s);
	if (parse_raw(s, t, off) == 0)
		return in_range(*t, *off);
	if (parse_iso(s, &w) != 0) {
		memset(&w, 0, sizeof w);
		if (parse_rfc2822(s, &w) != 0)
			return -1;
	}
	if (when_resolve(t, off, &w) != 0)
		return -1;
	return in_range(*t, *off);
}
