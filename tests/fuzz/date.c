/*
 * Dates as a person types them (lib/base/date.c) and as git takes them in
 * GIT_AUTHOR_DATE and pl's --date (lib/store/gitdate.c).  Oracles: a date pl
 * accepts is valid and formats back to what was read; a git date is in
 * the range a commit header can hold.
 */
#include "fuzz.h"
#include <git2.h>
#include "store/gitdate.h"
#include "pl/base/date.h"

int
LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	struct pl_date	 today = { 2026, 2, 28 }, date;
	char		 buf[PL_DATE_LEN], *s = fuzz_cstr(d, n);
	git_time_t	 t;
	int		 off;

	if (pl_date_parse(&date, s, today) == PL_OK) {
		pl_date_format(buf, date);
		FUZZ_CHECK(pl_date_valid(buf), "'%s' read as '%s'", s, buf);
		FUZZ_CHECK(date.y >= 1000 && date.y <= 9999, "year %d",
		    date.y);
		if (pl_date_valid(s))
			FUZZ_CHECK(strcmp(buf, s) == 0, "'%s' read as '%s'",
			    s, buf);
		(void)pl_date_days(date);
	}
	if (pl_git_date_parse(&t, &off, s) == 0) {
		FUZZ_CHECK(t >= 0 && t <= 4294967295LL, "'%s' is %lld", s,
		    (long long)t);
		FUZZ_CHECK(off > -24 * 60 && off < 24 * 60, "'%s' at offset %d",
		    s, off);
		date = pl_date_from_time((time_t)t, off);
		pl_date_format(buf, date);
	}
	free(s);
	return 0;
}
