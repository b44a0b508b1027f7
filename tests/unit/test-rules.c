/*
 * The rules every view and format of a report shares, each stated on its
 * own through the one function that holds it (docs/architecture.md):
 * what a family may see, the scope of standards, a CSV cell, a share in
 * per cent, and the days behind a date of last activity.  Each case is
 * an edge a second copy once got wrong or could: nothing in scope, an
 * empty grade, a cell starting with each character a spreadsheet runs,
 * a private entry and the files of evidence, a learner with no evidence.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pl/base/csv.h"
#include "pl/base/date.h"
#include "pl/base/percent.h"
#include "pl/entries/visibility.h"
#include "pl/progress/align.h"
#include "pl/report/report.h"
#include "tap.h"

/*
 * Visibility for a family: a private entry is left out, and so is what
 * links only to left-out entries; a file is shown only where the
 * builder said so, never for evidence without its shown list.
 */
static void
test_visibility(void)
{
	/* goal, evidence, reflection: one version each */
	static const char *const v[][3] = {
		{ "goal", "g", "---\ntitle: G\n---\n" },
		{ "evidence", "diary", "---\nprivate: true\ngoals: [g]\n"
		    "files: [evidence/diary/a.txt]\n---\n" },
		{ "evidence", "poster", "---\ngoals: [g]\nfiles: "
		    "[evidence/poster/p.png, evidence/diary/a.txt]\n---\n" },
		{ "reflection", "r1", "---\nevidence: [diary]\n---\n" },
		{ "reflection", "r2", "---\nevidence: [diary]\ngoals: [g]\n"
		    "---\n" },
	};
	enum { GOAL, DIARY, POSTER, ONLY, BOTH, N };
	struct pl_visibility		*vis = pl_visibility_new();
	struct pl_report_evidence	 e = { 0 };
	struct pl_report_file		 shown[2] = { { .may_show = 1 },
					    { .may_show = 0 } };
	struct pl_doc			*doc;
	size_t				 l[N], i;

	for (i = 0; i < N; i++) {
		doc = NULL;
		if (pl_doc_parse(&doc, v[i][1], v[i][2], strlen(v[i][2])) !=
		    PL_OK)
			printf("# unexpected error: %s\n", pl_error_last());
		l[i] = pl_visibility_lineage(vis, v[i][0], v[i][1]);
		pl_visibility_version(vis, l[i], doc);
		pl_doc_free(doc);
	}
	pl_visibility_settle(vis);
	ok(pl_visibility_hidden(vis, l[DIARY]), "private: true: left out");
	ok(!pl_visibility_hidden(vis, l[GOAL]), "the goal it serves: shown");
	ok(!pl_visibility_hidden(vis, l[POSTER]), "evidence listing the "
	    "private one's file: shown (its files are the builder's to sort)");
	ok(pl_visibility_hidden(vis, l[ONLY]), "a reflection on the private "
	    "evidence alone: left out");
	ok(!pl_visibility_hidden(vis, l[BOTH]), "one on a shown goal too: "
	    "shown");
	is_int(pl_visibility_count(vis), 2, "two left out");
	pl_visibility_free(vis);

	pl_strlist_push(&e.files, "evidence/poster/p.png");
	pl_strlist_push(&e.files, "evidence/diary/a.txt");
	is_int(pl_report_file_shown(&e, 0), 0, "no shown list (not the "
	    "family view, or a report made by hand): nothing shown");
	is_int(pl_report_file_shown(&e, 1), 0, "not the other file either");
	e.shown = shown;
	is_int(pl_report_file_shown(&e, 0), 1, "a file of shown evidence: "
	    "shown");
	is_int(pl_report_file_shown(&e, 1), 0, "a file in the folder of "
	    "private evidence, listed by shown evidence: not shown");
	is_int(pl_report_file_shown(&e, 2), 0, "no such file: not shown");
	e.shown = NULL;
	pl_strlist_release(&e.files);
}

/* The scope of standards: what is used for what is asked, and its words. */
static void
test_scope(void)
{
	static const struct {
		enum pl_scope	 asked;
		const char	*grade;
		size_t		 of_grade;
		enum pl_scope	 used;
		const char	*why;
	} cases[] = {
		{ PL_SCOPE_GRADE, "7", 43, PL_SCOPE_GRADE, "a grade the "
		    "frameworks have" },
		{ PL_SCOPE_GRADE, NULL, 0, PL_SCOPE_ALIGNED, "no grade" },
		{ PL_SCOPE_GRADE, "", 5, PL_SCOPE_ALIGNED, "an empty grade is "
		    "none, whatever is counted" },
		{ PL_SCOPE_GRADE, "12", 0, PL_SCOPE_ALIGNED, "a grade no "
		    "standard has" },
		{ PL_SCOPE_ALIGNED, "7", 43, PL_SCOPE_ALIGNED, "aligned asked" },
		{ PL_SCOPE_ALL, NULL, 0, PL_SCOPE_ALL, "all asked, no grade" },
		{ PL_SCOPE_ALL, "12", 0, PL_SCOPE_ALL, "all asked, a grade no "
		    "standard has" },
	};
	static const struct {
		enum pl_scope	 asked, used;
		const char	*grade, *words;
	} words[] = {
		{ PL_SCOPE_GRADE, PL_SCOPE_GRADE, "7", "the standards of grade "
		    "7 and those aligned" },
		{ PL_SCOPE_GRADE, PL_SCOPE_ALIGNED, NULL, "the standards "
		    "aligned (the profile has no grade)" },
		{ PL_SCOPE_GRADE, PL_SCOPE_ALIGNED, "", "the standards aligned "
		    "(the profile has no grade)" },
		{ PL_SCOPE_GRADE, PL_SCOPE_ALIGNED, "12", "the standards "
		    "aligned (no standard is of grade 12)" },
		{ PL_SCOPE_ALIGNED, PL_SCOPE_ALIGNED, "7", "the standards "
		    "aligned" },
		{ PL_SCOPE_ALL, PL_SCOPE_ALL, "7", "every standard of the "
		    "frameworks" },
	};
	struct pl_buf	b = PL_BUF_INIT;
	size_t		i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		is_str(pl_scope_names[pl_scope_used(cases[i].asked,
		    cases[i].grade, cases[i].of_grade)],
		    pl_scope_names[cases[i].used], "scope %s, %s: %s",
		    pl_scope_names[cases[i].asked], cases[i].why,
		    pl_scope_names[cases[i].used]);
	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		pl_buf_clear(&b);
		pl_scope_words(&b, words[i].asked, words[i].used,
		    words[i].grade);
		is_str(pl_buf_cstr(&b), words[i].words, "in words: %s",
		    words[i].words);
	}
	pl_buf_release(&b);
}

/* A CSV cell: quoted when it must be, never run as a formula. */
static void
test_csv(void)
{
	static const char *const cases[][2] = {
		{ "=1+1", "'=1+1" },
		{ "+1", "'+1" },
		{ "-1+1", "'-1+1" },
		{ "@SUM(A1)", "'@SUM(A1)" },
		{ "\tx", "'\tx" },
		{ "\rx", "\"'\rx\"" },
		{ "=a,b", "\"'=a,b\"" },
		{ "-", "'-" },
		{ "-3", "-3" },
		{ "-0.25", "-0.25" },
		{ "-.5", "'-.5" },
		{ "a=b", "a=b" },
		{ " =1", " =1" },
		{ "\nx", "\"\nx\"" },
		{ "a,b", "\"a,b\"" },
		{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
		{ "", "" },
	};
	const char *const	 row[] = { "@x", NULL, "62.5", "" };
	struct pl_buf		 b = PL_BUF_INIT;
	size_t			 i;
	char			*shown;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		pl_buf_clear(&b);
		pl_csv_cell(&b, cases[i][0], 1);
		shown = pl_xstrdup(cases[i][0]);
		shown[strcspn(shown, "\t\r\n")] = '\0';
		is_str(pl_buf_cstr(&b), cases[i][1], "cell %zu ('%s...')", i,
		    shown);
		free(shown);
	}
	pl_buf_clear(&b);
	pl_csv_cell(&b, NULL, 0);
	is_str(pl_buf_cstr(&b), ",", "no value: an empty cell after a comma");
	pl_buf_clear(&b);
	pl_csv_row(&b, row, 4);
	is_str(pl_buf_cstr(&b), "'@x,,62.5,\r\n", "a row: every cell by the "
	    "rule, CR LF");
	is_str(pl_csv_bool(1), "true", "true");
	is_str(pl_csv_bool(0), "false", "false");
	pl_buf_release(&b);
}

/* A share in per cent: one decimal, a half up, none of nothing. */
static void
test_percent(void)
{
	static const struct {
		size_t		 part, whole;
		int		 has;
		const char	*text;
	} cases[] = {
		{ 0, 0, 0, "" },	/* nothing in scope: no share at all */
		{ 2, 0, 0, "" },
		{ 0, 4, 1, "0.0" },	/* none of something: 0.0 */
		{ 4, 4, 1, "100.0" },
		{ 1, 16, 1, "6.3" },	/* 6.25: a half up, not to even */
		{ 3, 16, 1, "18.8" },
		{ 1, 3, 1, "33.3" },
		{ 2, 3, 1, "66.7" },
		{ 1, 2001, 1, "0.0" },
	};
	static const struct {
		double		 share;
		const char	*text;
	} shares[] = {
		{ 0, "0" }, { 1, "100" }, { 0.5, "50" }, { 0.25, "25" },
		{ 0.125, "13" },	/* 12.5: half up, as a share above */
		{ 0.375, "38" }, { 0.005, "1" }, { 0.004, "0" },
		{ 1.0 / 3, "33" }, { 2.0 / 3, "67" },
	};
	char	s[16];
	double	p;
	size_t	i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		strcpy(s, "x");
		is_int(pl_text_pct(s, sizeof s, cases[i].part, cases[i].whole),
		    cases[i].has, "%zu of %zu: %s", cases[i].part,
		    cases[i].whole, cases[i].has ? "a share" : "none");
		is_str(s, cases[i].text, "%zu of %zu is '%s'", cases[i].part,
		    cases[i].whole, cases[i].text);
		is_int(pl_percent(&p, cases[i].part, cases[i].whole),
		    cases[i].has, "pl_percent() agrees");
	}
	for (i = 0; i < sizeof shares / sizeof shares[0]; i++) {
		pl_text_share(s, sizeof s, shares[i].share);
		is_str(s, shares[i].text, "time gone %g: %s%%", shares[i].share,
		    shares[i].text);
	}
}

/*
 * The dates of last activity: days from a date to the as-of day, and the
 * last evidence as of that day (on or before it, the newest).
 */
static void
test_dates(void)
{
	struct pl_date		 day = { 2024, 3, 20 };
	struct pl_report	 r;
	static const char *const dates[] = { "2024-03-01", "2024-03-25",
		"2024-03-15", "2024-02-30", "2024-03-10" };
	char			 same[] = "2024-03-15";
	const char		*last;
	long			 n;
	size_t			 i;

	is_int(pl_date_since(&n, "2024-03-15", day), 1, "a date");
	is_int(n, 5, "five days before");
	is_int(pl_date_since(&n, "2024-03-20", day), 1, "the day itself");
	is_int(n, 0, "0 days");
	is_int(pl_date_since(&n, "2024-03-22", day), 1, "a later date");
	is_int(n, -2, "negative: the caller says what that is");
	is_int(pl_date_since(&n, "2023-03-20", day), 1, "a year before");
	is_int(n, 366, "2024 is a leap year");
	is_int(pl_date_since(&n, NULL, day), 0, "no date");
	is_int(n, 0, "no days");
	is_int(pl_date_since(&n, "2024-02-30", day), 0, "no such date");
	is_int(pl_date_since(&n, "today", day), 0, "words are no date here");

	memset(&r, 0, sizeof r);
	strcpy(r.as_of, "2024-03-20");
	is_int(pl_report_evidence_age(&r, "2024-03-15"), 5, "evidence 5 "
	    "days old");
	is_int(pl_report_evidence_age(&r, "2024-03-21"), -1, "evidence "
	    "dated after the day does not count");
	last = NULL;
	ok(pl_report_last_evidence(&r, last, NULL) == NULL, "a learner with "
	    "no evidence has no last evidence");
	for (i = 0; i < sizeof dates / sizeof dates[0]; i++)
		last = pl_report_last_evidence(&r, last, dates[i]);
	is_str(last, "2024-03-15", "the newest on or before the day, whatever "
	    "the order (a later one and no date skipped)");
	ok(pl_report_last_evidence(&r, dates[2], same) == dates[2],
	    "the same date again: the last kept, not the new copy");
	ok(pl_report_last_evidence(&r, NULL, "2024-03-21") == NULL, "only "
	    "evidence after the day: none");
	strcpy(r.as_of, "soon");
	ok(pl_report_last_evidence(&r, NULL, "2024-03-15") == NULL, "no "
	    "as-of day: none counts");
}

int
main(void)
{
	test_visibility();
	test_scope();
	test_csv();
	test_percent();
	test_dates();
	return done_testing();
}
