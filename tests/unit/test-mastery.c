/*
 * Mastery: every method on hand-computed ratings, the worked
 * example (1, 3, 2, 4), Canvas's own worked examples for each row of
 * pl-align(1)'s table of differences, scores rounded to two places
 * before they are compared, the order ratings are read in, and the
 * scale's levels.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "pl/progress/mastery.h"
#include "tap.h"

/* Ratings of levels, in work order (dates 2024-01-01, -02...). */
static size_t
ratings(struct pl_rating *v, const double *levels, size_t n)
{
	static char	dates[16][32];
	size_t		i;

	for (i = 0; i < n; i++) {
		snprintf(dates[i], sizeof dates[i], "2024-01-%02zu", i + 1);
		v[i] = (struct pl_rating){ .evidence = "e", .work_date =
		    dates[i], .standard = "S", .level = levels[i], .date =
		    "2024-06-01" };
	}
	return n;
}

static void
compute(struct pl_mastery *r, const struct pl_scale *s, enum pl_method m,
    const double *levels, size_t n)
{
	struct pl_rating	v[16];

	pl_mastery_compute(r, s, m, v, ratings(v, levels, n));
}

static double
score(const struct pl_scale *s, enum pl_method m, const double *levels,
    size_t n, int *mastered)
{
	struct pl_mastery	r;

	compute(&r, s, m, levels, n);
	if (mastered != NULL)
		*mastered = r.mastered;
	return r.score;
}

#define near(a, b)	(fabs((a) - (b)) < 1e-9)

static void
test_methods(void)
{
	struct pl_scale	s;
	const double	ex[] = { 1, 3, 2, 4 }, down[] = { 4, 4, 2 };
	const double	four[] = { 3, 1, 4, 3 };
	struct pl_mastery r;
	int		m;

	pl_scale_default(&s);
	ok(near(score(&s, PL_METHOD_DECAYING, ex, 4, &m), 3.34) && m,
	    "decaying 1, 3, 2, 4: 3.33675, shown and compared as 3.34, "
	    "mastered");
	ok(near(score(&s, PL_METHOD_WEIGHTED, ex, 4, &m), 3.3) && m,
	    "weighted 1, 3, 2, 4: 3.3, mastered");
	ok(near(score(&s, PL_METHOD_LATEST, ex, 4, &m), 4) && m,
	    "latest 1, 3, 2, 4: 4");
	ok(near(score(&s, PL_METHOD_HIGHEST, down, 3, &m), 4) && m,
	    "highest 4, 4, 2: 4");
	ok(near(score(&s, PL_METHOD_AVERAGE, ex, 4, &m), 2.5) && !m,
	    "average 1, 3, 2, 4: 2.5, not mastered");
	ok(near(score(&s, PL_METHOD_LATEST, down, 3, &m), 2) && !m,
	    "latest 4, 4, 2: 2, not mastered");
	/* 4, 4, 2: s = 4, 4, 0.65*2 + 0.35*4 = 2.7 */
	ok(near(score(&s, PL_METHOD_DECAYING, down, 3, &m), 2.7) && !m,
	    "decaying 4, 4, 2: 2.7, not mastered");
	/* 0.65*2 + 0.35*4 = 2.7 as well */
	ok(near(score(&s, PL_METHOD_WEIGHTED, down, 3, &m), 2.7) && !m,
	    "weighted 4, 4, 2: 2.7");
	ok(near(score(&s, PL_METHOD_WEIGHTED, ex, 1, &m), 1) && !m,
	    "weighted, one rating: that rating");
	ok(near(score(&s, PL_METHOD_DECAYING, ex, 1, NULL), 1),
	    "decaying, one rating: that rating");
	/* n-times, N 3: 3, 1, 4 has two at mastery: no score yet */
	compute(&r, &s, PL_METHOD_NTIMES, four, 3);
	ok(!r.scored && r.score == 0 && !r.mastered && r.at_mastery == 2,
	    "n-times 3, 1, 4: two of three, no score, not mastered");
	ok(near(score(&s, PL_METHOD_NTIMES, four, 4, &m), 3.33) && m,
	    "n-times 3, 1, 4, 3: mastered, mean of 3, 4, 3 to two places");
	s.weight = 0.5;
	ok(near(score(&s, PL_METHOD_DECAYING, ex, 4, NULL), 3),
	    "decaying with W 0.5: s = 1, 2, 2, 3");
	s.ntimes = 1;
	ok(near(score(&s, PL_METHOD_NTIMES, four, 1, &m), 3) && m,
	    "n-times with N 1: one rating at mastery is enough");
	ok(near(score(&s, PL_METHOD_LATEST, ex, 0, &m), 0) && !m,
	    "no ratings: 0, not mastered");
	compute(&r, &s, PL_METHOD_AVERAGE, ex, 0);
	ok(!r.scored && r.n == 0, "no ratings: no score");
	pl_scale_release(&s);
}

/* Half away from zero at two places, though binary lands below half. */
static void
test_rounding(void)
{
	struct pl_scale		s;
	struct pl_mastery	r;
	struct pl_buf		b = PL_BUF_INIT;
	const double		w121[] = { 1, 2, 1 }, d241[] = { 2, 4, 1 };
	const double		thr[] = { 1, 4, 3, 3, 3 };
	const double		v[] = { 3.405, 2.5, 3, 4.125, 2.99785625,
		1.1749999999999998, 0.1 };
	size_t			i;

	pl_scale_default(&s);
	/* 0.65 * 1 + 0.35 * 1.5 = 1.175, computed as 1.17499999999999982 */
	compute(&r, &s, PL_METHOD_WEIGHTED, w121, 3);
	ok(r.unrounded < 1.175 && near(r.unrounded, 1.175) &&
	    r.score == 1.18, "weighted 1, 2, 1: 1.175 a hair below in "
	    "binary, rounded up to 1.18");
	/* s = 2, 3.3, 0.65 + 0.35 * 3.3 = 1.805 */
	compute(&r, &s, PL_METHOD_DECAYING, d241, 3);
	ok(r.unrounded < 1.805 && r.score == 1.81,
	    "decaying 2, 4, 1: 1.805 rounded up to 1.81");
	/* s = 1, 2.95, 2.9825, 2.993875, 2.99785625 */
	compute(&r, &s, PL_METHOD_DECAYING, thr, 5);
	ok(near(r.unrounded, 2.99785625) && r.score == 3 && r.mastered &&
	    r.scored, "decaying 1, 4, 3, 3, 3: 2.99785625 is 3.00, "
	    "mastered at 3");
	ok(pl_score_round(-2.675) == -2.68 && pl_score_round(2.675) == 2.68,
	    "half away from zero, either side of it");
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		pl_buf_putc(&b, ' ');
		pl_score_format(&b, v[i]);
	}
	is_str(pl_buf_cstr(&b), " 3.41 2.5 3 4.13 3 1.18 0.1",
	    "scores written to two places at most, as compared");
	pl_buf_release(&b);
	pl_scale_release(&s);
}

/*
 * Canvas's worked examples, one test per row of pl-align(1)'s table of
 * where pl differs from Canvas on purpose (and where it does not).
 */
static void
test_canvas(void)
{
	struct pl_scale		s;
	struct pl_mastery	r;
	struct pl_rating	v[8];
	struct pl_buf		b = PL_BUF_INIT;
	const double		five[] = { 1, 2, 3, 4, 5 };
	const double		nt[] = { 1, 4, 2, 3, 5, 3, 6 };
	static const char *const done[] = { "2024-01-01", "2024-01-02",
		"2024-01-03", "2024-01-04", "2024-01-05" };
	static const char *const rated[] = { "2024-02-05", "2024-02-04",
		"2024-02-03", "2024-02-02", "2024-02-01" };
	size_t			i;

	pl_scale_default(&s);
	pl_scale_set_names(&s, "one, two, three, four, five, six");
	compute(&r, &s, PL_METHOD_DECAYING, five, 5);
	ok(near(r.unrounded, 4.46961875) && r.score == 4.47 && r.mastered,
	    "decaying 1..5 at 65 %%: 4.47");
	compute(&r, &s, PL_METHOD_WEIGHTED, five, 5);
	ok(r.score == 4.13 && r.mastered, "weighted 1..5 at 65 %%: 4.125 "
	    "is 4.13");

	/* the weight: a fraction, any W in (0, 1], 1 the latest alone */
	s.weight = 1;
	ok(pl_scale_check(&s) == PL_OK &&
	    near(score(&s, PL_METHOD_DECAYING, five, 5, NULL), 5) &&
	    near(score(&s, PL_METHOD_WEIGHTED, five, 5, NULL), 5),
	    "W 1 (Canvas stops at 99 %%): the latest rating");
	s.weight = 0.3;
	ok(pl_scale_check(&s) == PL_OK, "W 0.3 (Canvas's decaying average "
	    "starts at 50 %%)");
	s.weight = 65;
	is_int(pl_scale_check(&s), PL_EINVAL, "W 65, Canvas's way, refused");
	is_str(pl_error_last(), "'align.weight' must be more than 0 and at "
	    "most 1: a fraction, so 65 % is 0.65", "the message says 0.65");
	s.weight = 0.65;

	/* n-times: Canvas's nil before N ratings at mastery */
	s.ntimes = 3;
	compute(&r, &s, PL_METHOD_NTIMES, nt, 3);
	ok(!r.scored && !r.mastered && r.n == 3 && r.at_mastery == 1,
	    "n-times 1, 4, 2, mastery 3, N 3: no score, one at mastery");
	pl_mastery_pending(&b, &s, r.at_mastery);
	is_str(pl_buf_cstr(&b), "not yet (1 of 3 at mastery)",
	    "how near it is, in words");
	compute(&r, &s, PL_METHOD_NTIMES, nt, 5);
	ok(r.scored && r.mastered && r.score == 4,
	    "n-times 1, 4, 2, 3, 5: the third at mastery, mean of 4, 3, 5");
	compute(&r, &s, PL_METHOD_NTIMES, nt, 7);
	ok(r.scored && r.mastered && r.score == 4.2 && r.at_mastery == 5,
	    "n-times 1, 4, 2, 3, 5, 3, 6: mean of 4, 3, 5, 3, 6 is 4.2");

	/* the order: the work's date, not when it was rated */
	for (i = 0; i < 5; i++)
		v[i] = (struct pl_rating){ .evidence = "e", .work_date =
		    done[i], .standard = "S", .level = five[i], .date =
		    rated[i] };
	pl_ratings_sort(v, 5);
	pl_mastery_compute(&r, &s, PL_METHOD_DECAYING, v, 5);
	ok(r.score == 4.47, "1..5 rated newest first: still 4.47 by the "
	    "work's date (by when rated, Canvas's fallback, 1.53)");
	pl_buf_release(&b);
	pl_scale_release(&s);
}

static void
test_order(void)
{
	struct pl_rating	v[3];
	struct pl_scale		s;
	struct pl_mastery	r;

	pl_scale_default(&s);
	/* Rated in the order 4, 1, 2; the work was done 1, 2, 4. */
	v[0] = (struct pl_rating){ .evidence = "c", .work_date = "2024-03-01",
	    .level = 4, .date = "2024-03-02" };
	v[1] = (struct pl_rating){ .evidence = "a", .work_date = "2024-01-01",
	    .level = 1, .date = "2024-05-01" };
	v[2] = (struct pl_rating){ .evidence = "b", .work_date = "2024-01-01",
	    .level = 2, .date = "2024-05-02" };
	pl_ratings_sort(v, 3);
	is_str(v[0].evidence, "a", "oldest work first");
	is_str(v[1].evidence, "b", "same work date: by rating date");
	is_str(v[2].evidence, "c", "newest work last, though rated first");
	pl_mastery_compute(&r, &s, PL_METHOD_LATEST, v, 3);
	ok(r.score == 4 && r.mastered && r.n == 3 && r.at_mastery == 1,
	    "latest is the newest work, not the newest rating");
	/* The same evidence rated twice on one day: the later line last */
	v[0] = v[2];
	v[0].order = 1;
	v[0].level = 3;
	pl_ratings_sort(v, 3);
	ok(v[1].level == 4 && v[2].level == 3, "all else equal: file order");
	pl_scale_release(&s);
}

static void
test_levels(void)
{
	struct pl_scale	s;
	struct pl_buf	b = PL_BUF_INIT;
	double		x = 0;

	pl_scale_default(&s);
	ok(pl_scale_level(&x, &s, "3") == PL_OK && x == 3, "3 is a level");
	ok(pl_scale_level(&x, &s, "Proficient") == PL_OK && x == 3,
	    "a name in any case");
	is_int(pl_scale_level(&x, &s, "2.5"), PL_EINVAL,
	    "no halves by default");
	is_str(pl_error_last(), "invalid level '2.5' (use 1-4 or beginning, "
	    "developing, proficient, advanced)", "the message lists them");
	is_int(pl_scale_level(&x, &s, "5"), PL_EINVAL, "5 is off the scale");
	is_int(pl_scale_level(&x, &s, "0"), PL_EINVAL, "0 is off the scale");
	is_int(pl_scale_level(&x, &s, "-1"), PL_EINVAL, "negative");
	is_int(pl_scale_level(&x, &s, "3x"), PL_EINVAL, "trailing junk");
	s.halves = 1;
	ok(pl_scale_level(&x, &s, "2.5") == PL_OK && x == 2.5,
	    "2.5 with halves");
	is_int(pl_scale_level(&x, &s, "2.25"), PL_EINVAL, "quarters never");
	pl_level_format(&b, 2.5);
	pl_buf_putc(&b, ' ');
	pl_level_format(&b, 3);
	is_str(pl_buf_cstr(&b), "2.5 3", "levels written as 2.5 and 3");
	ok(pl_scale_check(&s) == PL_OK, "the default scale is valid");
	s.mastery = 5;
	is_int(pl_scale_check(&s), PL_EINVAL, "mastery off the scale");
	s.mastery = 3;
	s.weight = 0;
	is_int(pl_scale_check(&s), PL_EINVAL, "W 0");
	s.weight = 0.65;
	pl_strlist_push(&s.names, "Beginning");
	is_int(pl_scale_check(&s), PL_EINVAL, "a name twice");
	is_str(pl_error_last(), "'align.scale': 'Beginning' names two "
	    "levels", "which name");
	pl_buf_release(&b);
	pl_scale_release(&s);
}

static void
test_methods_by_name(void)
{
	enum pl_method	m;
	int		i, all = 1;

	for (i = 0; pl_method_names[i] != NULL; i++)
		all &= pl_method_parse(&m, pl_method_names[i]) == PL_OK &&
		    (int)m == i;
	ok(all, "every method name parses to its method");
	is_int(pl_method_parse(&m, "median"), PL_EINVAL, "unknown method");
	is_str(pl_error_last(), "unknown method 'median' (use latest, "
	    "highest, average, decaying, weighted or n-times)", "message");
}

/* Each way a scale from align.* can be wrong, and the names of scores. */
static void
test_scale_errors(void)
{
	struct pl_scale	s;
	struct pl_buf	b = PL_BUF_INIT;
	double		x = 0;

	pl_scale_default(&s);
	is_int(pl_scale_level(&x, &s, "1e999"), PL_EINVAL,
	    "a number too big to hold");
	is_int(pl_scale_level(&x, &s, ".5"), PL_EINVAL,
	    "a number not starting with a digit");
	pl_scale_set_names(&s, "only");
	is_int(pl_scale_check(&s), PL_EINVAL, "one level");
	is_str(pl_error_last(), "'align.scale' needs at least two levels",
	    "says two are needed");
	pl_scale_set_names(&s, " a ,\t, c");
	is_int(pl_scale_check(&s), PL_EINVAL, "an empty name");
	is_str(pl_error_last(), "'align.scale': level 2 has no name",
	    "names its level");
	pl_scale_set_names(&s, "a\nb, c");
	is_int(pl_scale_check(&s), PL_EINVAL, "a name with a line break");
	pl_scale_set_names(&s, "Low, low");
	is_int(pl_scale_check(&s), PL_EINVAL, "a name twice, case aside");
	is_str(pl_error_last(), "'align.scale': 'low' names two levels",
	    "names it");
	pl_scale_set_names(&s, "a, b, c, d");
	s.mastery = 5;
	is_int(pl_scale_check(&s), PL_EINVAL, "mastery past the scale");
	is_str(pl_error_last(), "'align.mastery' must be a level of the "
	    "scale (1-4)", "gives the range");
	s.mastery = 3;
	s.weight = 0;
	is_int(pl_scale_check(&s), PL_EINVAL, "weight 0");
	is_str(pl_error_last(), "'align.weight' must be more than 0 and at "
	    "most 1", "gives the range");
	s.weight = 1;
	s.ntimes = 0;
	is_int(pl_scale_check(&s), PL_EINVAL, "n times 0");
	is_str(pl_error_last(), "'align.ntimes' must be at least 1",
	    "says so");
	s.ntimes = 1;
	ok(pl_scale_check(&s) == PL_OK, "weight exactly 1 is valid");
	ok(pl_scale_name(&s, 0.5) == NULL, "no name below level 1");
	is_str(pl_scale_name(&s, 2.99), "b", "a score is named by its level");
	is_str(pl_scale_name(&s, 9), "d", "past the top: the top's name");
	pl_scale_set_names(&s, "");
	pl_strlist_release(&s.names);
	ok(pl_scale_name(&s, 2) == NULL, "a scale without names names none");
	pl_score_format(&b, 0);
	pl_buf_putc(&b, ' ');
	pl_score_format(&b, 2.5);
	pl_buf_putc(&b, ' ');
	pl_score_format(&b, 3.456);
	is_str(pl_buf_cstr(&b), "0 2.5 3.46", "scores without trailing zeros");
	pl_buf_release(&b);
	pl_scale_release(&s);
}

int
main(void)
{
	test_methods();
	test_rounding();
	test_canvas();
	test_order();
	test_levels();
	test_scale_errors();
	test_methods_by_name();
	return done_testing();
}
