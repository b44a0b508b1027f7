/* Calendar dates as the portfolio stores them: YYYY-MM-DD. */
#ifndef PL_DATE_H
#define PL_DATE_H

#include <time.h>

#include "pl/base/error.h"

struct pl_date {
	int	y;
	int	m;
	int	d;
};

#define PL_DATE_LEN 11		/* "YYYY-MM-DD" and NUL */

/*
 * Parses "YYYY-MM-DD" (a real calendar date, years 1000-9999), or the
 * words "today" and "yesterday" relative to today.  PL_EINVAL otherwise,
 * with a message quoting s.
 */
int	pl_date_parse(struct pl_date *out, const char *s,
	    struct pl_date today) PL_WUR;

/* Writes "YYYY-MM-DD" into buf. */
void	pl_date_format(char buf[PL_DATE_LEN], struct pl_date);

/* <0, 0, >0 as a is before, the same as or after b. */
int	pl_date_cmp(struct pl_date a, struct pl_date b);

/* The calendar date of t at a UTC offset of off minutes. */
struct pl_date pl_date_from_time(time_t t, int off);

/* Days since 1970-01-01 (negative before). */
long	pl_date_days(struct pl_date);

/*
 * The one count of days behind a date of last activity (the last
 * evidence, a goal's creation, the portfolio's start): days from the
 * date from ("YYYY-MM-DD", no words such as "today") to day in *out,
 * negative when from comes after day, and 1.  0, *out 0, when from is
 * NULL or no such date: the caller says what an unknown date is.
 */
int	pl_date_since(long *out, const char *from, struct pl_date day);

/* The days in month m (1-12) of year y. */
int	pl_date_days_in_month(int y, int m);

/* 1 when s is a valid "YYYY-MM-DD", else 0. */
int	pl_date_valid(const char *s);

#endif
