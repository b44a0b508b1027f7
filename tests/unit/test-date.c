/* Dates: parsing, validation, formatting, and days from a time. */
#include <stdarg.h>

#include "pl/base/date.h"
#include "tap.h"

static const char *
fmt(struct pl_date d)
{
	static char	buf[PL_DATE_LEN];

	pl_date_format(buf, d);
	return buf;
}

int
main(void)
{
	struct pl_date	today = { 2026, 3, 1 }, d;

	ok(pl_date_parse(&d, "2026-11-26", today) == PL_OK, "plain date");
	is_str(fmt(d), "2026-11-26", "formats back the same");
	ok(pl_date_parse(&d, "2024-02-29", today) == PL_OK, "leap day 2024");
	is_int(pl_date_parse(&d, "2023-02-29", today), PL_EINVAL,
	    "no leap day in 2023");
	is_int(pl_date_parse(&d, "1900-02-29", today), PL_EINVAL,
	    "no leap day in 1900");
	ok(pl_date_parse(&d, "2000-02-29", today) == PL_OK, "leap day 2000");
	is_int(pl_date_parse(&d, "2026-04-31", today), PL_EINVAL,
	    "April has 30 days");
	is_int(pl_date_parse(&d, "2026-13-01", today), PL_EINVAL, "month 13");
	is_int(pl_date_parse(&d, "2026-00-10", today), PL_EINVAL, "month 0");
	is_int(pl_date_parse(&d, "2026-1-5", today), PL_EINVAL,
	    "needs two-digit month and day");
	is_int(pl_date_parse(&d, "26-11-2026", today), PL_EINVAL,
	    "day-first is refused");
	is_int(pl_date_parse(&d, "soon", today), PL_EINVAL, "a word");
	is_int(pl_date_parse(&d, "", today), PL_EINVAL, "empty");
	is_int(pl_date_parse(&d, "2026-11-26x", today), PL_EINVAL,
	    "trailing text");
	is_str(pl_error_last(), "invalid date '2026-11-26x' (expected "
	    "YYYY-MM-DD)", "the message quotes the input");
	ok(pl_date_parse(&d, "today", today) == PL_OK &&
	    pl_date_cmp(d, today) == 0, "today");
	ok(pl_date_parse(&d, "yesterday", today) == PL_OK, "yesterday");
	is_str(fmt(d), "2026-02-28", "yesterday crosses a month end");
	d = (struct pl_date){ 2024, 1, 1 };
	ok(pl_date_parse(&d, "yesterday", d) == PL_OK, "yesterday of New Year");
	is_str(fmt(d), "2023-12-31", "crosses the year");
	ok(pl_date_cmp((struct pl_date){ 2026, 1, 2 },
	    (struct pl_date){ 2026, 1, 10 }) < 0, "cmp by day");
	ok(pl_date_cmp((struct pl_date){ 2025, 12, 31 },
	    (struct pl_date){ 2026, 1, 1 }) < 0, "cmp by year");
	ok(pl_date_cmp((struct pl_date){ 2026, 1, 31 },
	    (struct pl_date){ 2026, 2, 1 }) < 0, "cmp by month before day");
	ok(pl_date_cmp((struct pl_date){ 2026, 10, 1 },
	    (struct pl_date){ 2026, 9, 30 }) > 0, "cmp by month, the other way");
	ok(pl_date_cmp((struct pl_date){ 2026, 3, 3 },
	    (struct pl_date){ 2026, 3, 3 }) == 0, "cmp of a date and itself");
	ok(pl_date_cmp((struct pl_date){ 2027, 1, 1 },
	    (struct pl_date){ 2026, 12, 31 }) > 0, "cmp by year, the other way");
	is_str(fmt(pl_date_from_time(0, 0)), "1970-01-01", "the epoch");
	is_str(fmt(pl_date_from_time(1764151200, 0)), "2025-11-26",
	    "a time in UTC");
	is_str(fmt(pl_date_from_time(1764201599, 0)), "2025-11-26",
	    "the last second of a day");
	is_str(fmt(pl_date_from_time(1764201599, 60)), "2025-11-27",
	    "the next day an hour east");
	is_str(fmt(pl_date_from_time(1764115200, -300)), "2025-11-25",
	    "the day before five hours west");
	is_str(fmt(pl_date_from_time(-1, 0)), "1969-12-31", "before the epoch");
	ok(pl_date_valid("2026-11-26") && !pl_date_valid("2026-11-31"),
	    "pl_date_valid");
	return done_testing();
}
