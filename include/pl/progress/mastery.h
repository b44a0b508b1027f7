/*
 * Ratings of evidence against standards, and the mastery they add up to.
 * A rating is a level on the portfolio's scale, given by someone (the
 * learner, a teacher) on a date; a standard's mastery is computed from
 * its ratings in the order the work was done, by one of the methods
 * below.  The scale and the method are settings in .plconfig:
 *
 *	[align]
 *		scale = beginning, developing, proficient, advanced
 *		mastery = 3
 *		halves = false
 *		method = decaying
 *		weight = 0.65
 *		ntimes = 3
 */
#ifndef PL_MASTERY_H
#define PL_MASTERY_H

#include <stddef.h>

#include "pl/base/error.h"
#include "pl/store/portfolio.h"
#include "pl/base/util.h"

enum pl_method {
	PL_METHOD_LATEST,
	PL_METHOD_HIGHEST,
	PL_METHOD_AVERAGE,
	PL_METHOD_DECAYING,	/* s1 = r1, sk = W rk + (1 - W) s(k-1) */
	PL_METHOD_WEIGHTED,	/* W latest + (1 - W) mean(earlier) */
	PL_METHOD_NTIMES	/* mastered once N ratings reach mastery */
};

/* The method names, in enum order, NULL terminated: "latest"... */
extern const char *const pl_method_names[];

/* The scale of a portfolio and how mastery is computed on it. */
struct pl_scale {
	struct pl_strlist	 names;		/* names.v[i]: level i + 1 */
	double			 mastery;	/* the level that is mastery */
	int			 halves;	/* 2.5 is a level */
	enum pl_method		 method;
	double			 weight;	/* W of decaying and weighted */
	unsigned		 ntimes;	/* N of n-times */
};

/* The default: 1 beginning ... 4 advanced, mastery 3, decaying 0.65. */
void	 pl_scale_default(struct pl_scale *);

/*
 * Reads the scale from the portfolio's settings, the default for what
 * is not set.  PL_EPARSE ".plconfig: 'align.mastery' ..." for a value
 * out of range.  Release with pl_scale_release().
 */
int	 pl_scale_load(struct pl_scale *, struct pl_portfolio *) PL_WUR;

void	 pl_scale_release(struct pl_scale *);

/* Sets the level names from text, "a, b, c": lowest first. */
void	 pl_scale_set_names(struct pl_scale *, const char *text);

/*
 * Checks a scale as pl_scale_load() does: at least two levels, each
 * named once, mastery a level, W in (0, 1], N at least 1.  PL_EINVAL
 * naming the setting.
 */
int	 pl_scale_check(const struct pl_scale *) PL_WUR;

/*
 * The level text names: a number of the scale ("3", "2.5" when halves
 * are allowed) or a level's name, in any case ("Proficient").  PL_EINVAL
 * "invalid level 'x' (use 1-4 or beginning, developing, ...)".
 */
int	 pl_scale_level(double *out, const struct pl_scale *, const char *text)
	    PL_WUR;

/* The method named s, or PL_EINVAL "unknown method 'x' (use ...)". */
int	 pl_method_parse(enum pl_method *out, const char *s) PL_WUR;

/* A level as pl writes it: "3", "2.5". */
void	 pl_level_format(struct pl_buf *out, double level);

/*
 * The name of the level a score has reached: 3.4 on the default scale is
 * "proficient", 2.9 "developing".  NULL below the first level.
 * Borrowed from the scale.
 */
const char *pl_scale_name(const struct pl_scale *, double score);

/*
 * A score as pl shows and compares it, two places at most, without
 * trailing zeros: 3.34, 2.5, 4.  pl_mastery_compute() has rounded it
 * already; a score given unrounded is rounded as it would.
 */
void	 pl_score_format(struct pl_buf *out, double score);

/*
 * x to two decimal places, half away from zero, as Canvas rounds a
 * score before it compares it with mastery: 1.175 is 1.18 even when
 * binary arithmetic gives 1.17499999999999982.
 */
double	 pl_score_round(double x);

struct pl_rating {
	const char	*evidence;	/* the evidence id */
	const char	*work_date;	/* the evidence's date: when done */
	const char	*standard;
	double		 level;
	const char	*by;		/* "Name <email>" */
	const char	*date;		/* when rated, YYYY-MM-DD */
	const char	*note;		/* or NULL */
	size_t		 order;		/* its place in its file */
};

/*
 * Sorts ratings into the order mastery reads them: by the date the work
 * was done, then by the date of the rating, then by evidence id, then
 * by place in the file (a rating added later comes later).
 */
void	 pl_ratings_sort(struct pl_rating *, size_t n);

struct pl_mastery {
	int		 scored;	/* has a score: rated, and for
					   n-times N ratings at mastery */
	double		 score;		/* on the scale, to two places:
					   what is shown and compared;
					   0 without a score */
	double		 unrounded;	/* the method's score before
					   rounding; 0 without a score */
	int		 mastered;
	size_t		 n;		/* ratings counted */
	size_t		 at_mastery;	/* of which at the mastery level
					   or above */
};

/*
 * The mastery of a standard from its ratings v[0..n), already sorted
 * with pl_ratings_sort(), by method on scale.  The method's score is
 * rounded to two places with pl_score_round(), then compared with the
 * mastery level, as Canvas does.  For n-times the score is the mean of
 * the ratings at the mastery level or above once there are N of them;
 * before that there is no score (scored is 0), as in Canvas.
 */
void	 pl_mastery_compute(struct pl_mastery *out, const struct pl_scale *,
	    enum pl_method, const struct pl_rating *v, size_t n);

/*
 * What a standard rated but without a score yet (n-times before N
 * ratings reach mastery) shows in place of a level: "not yet (1 of 3
 * at mastery)".
 */
void	 pl_mastery_pending(struct pl_buf *out, const struct pl_scale *,
	    size_t at_mastery);

#endif
