/*
 * Mastery from ratings.  The ratings are read in the order the work was
 * done, not the order they were entered: a teacher who rates last
 * month's quiz today must not make it count as the newest work (Canvas
 * orders by the submission's time, else by when it was assessed, so work
 * assessed without a submission counts as new on the day it is rated).
 * Scores are rounded to two places before they are compared with
 * mastery, as Canvas does; pl-align(1) says where pl differs on purpose.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pl/progress/mastery.h"

/* Scores are compared with this slack: 0.65 is not exact in binary. */
#define EPSILON	1e-9

const char *const pl_method_names[] = { "latest", "highest", "average",
	"decaying", "weighted", "n-times", NULL };

static const char *const default_names[] = { "beginning", "developing",
	"proficient", "advanced", NULL };

void
pl_scale_default(struct pl_scale *s)
{
	size_t	i;

	memset(s, 0, sizeof *s);
	for (i = 0; default_names[i] != NULL; i++)
		pl_strlist_push(&s->names, default_names[i]);
	s->mastery = 3;
	s->method = PL_METHOD_DECAYING;
	s->weight = 0.65;
	s->ntimes = 3;
}

void
pl_scale_release(struct pl_scale *s)
{
	pl_strlist_release(&s->names);
}

/* A decimal number, all of s: "3", "0.65".  Nothing else. */
static int
parse_number(double *out, const char *s)
{
	char	*end;

	if (s == NULL || !(*s >= '0' && *s <= '9'))
		return -1;
	*out = strtod(s, &end);
	return *end == '\0' && isfinite(*out) ? 0 : -1;
}

/* 1 when x is a level of s: a whole number, or a half if allowed. */
static int
is_level(const struct pl_scale *s, double x)
{
	double	twice = x * 2;

	if (x < 1 - EPSILON || x > (double)s->names.n + EPSILON)
		return 0;
	if (fabs(x - round(x)) < EPSILON)
		return 1;
	return s->halves && fabs(twice - round(twice)) < EPSILON;
}

int
pl_scale_check(const struct pl_scale *s)
{
	size_t	i, j;

	if (s->names.n < 2)
		return pl_error_set(PL_EINVAL, "'align.scale' needs at least "
		    "two levels");
	for (i = 0; i < s->names.n; i++) {
		if (s->names.v[i][0] == '\0' ||
		    strcspn(s->names.v[i], ",\n") != strlen(s->names.v[i]))
			return pl_error_set(PL_EINVAL, "'align.scale': level "
			    "%zu has no name", i + 1);
		for (j = 0; j < i; j++)
			if (strcasecmp(s->names.v[i], s->names.v[j]) == 0)
				return pl_error_set(PL_EINVAL, "'align.scale': "
				    "'%s' names two levels", s->names.v[i]);
	}
	if (!is_level(s, s->mastery))
		return pl_error_set(PL_EINVAL, "'align.mastery' must be a "
		    "level of the scale (1-%zu)", s->names.n);
	if (s->weight > 1 && s->weight <= 100)
		return pl_error_set(PL_EINVAL, "'align.weight' must be more "
		    "than 0 and at most 1: a fraction, so %g %% is %g", s->weight,
		    s->weight / 100);
	if (!(s->weight > 0 && s->weight <= 1))
		return pl_error_set(PL_EINVAL, "'align.weight' must be more "
		    "than 0 and at most 1");
	if (s->ntimes < 1)
		return pl_error_set(PL_EINVAL, "'align.ntimes' must be at "
		    "least 1");
	return PL_OK;
}

void
pl_scale_set_names(struct pl_scale *s, const char *text)
{
	struct pl_strlist	*out = &s->names;
	const char	*p = text, *e;
	size_t		 n;

	pl_strlist_release(out);
	for (;;) {
		p += strspn(p, " \t");
		n = strcspn(p, ",");
		e = p + n;
		while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		pl_strlist_push_owned(out, pl_xstrndup(p, (size_t)(e - p)));
		if (p[n] == '\0')
			break;
		p += n + 1;
	}
}

static int
bad_setting(const char *key, const char *value)
{
	return pl_error_set(PL_EPARSE, "%s: invalid '%s' value '%s'",
	    PL_SETTINGS_FILE, key, value);
}

/*
 * A boolean as git reads one (git config --bool): pl align scale shows
 * "yes", so a person may well write it.
 */
static int
parse_bool(int *out, const char *v)
{
	static const char *const yes[] = { "true", "yes", "on", "1", NULL };
	static const char *const no[] = { "false", "no", "off", "0", NULL };
	size_t	i;

	for (i = 0; yes[i] != NULL; i++)
		if (strcasecmp(v, yes[i]) == 0) {
			*out = 1;
			return 0;
		} else if (strcasecmp(v, no[i]) == 0) {
			*out = 0;
			return 0;
		}
	return -1;
}

/* Reads the setting key into *v; 1 when set. */
static int
setting(char **v, struct pl_portfolio *pf, const char *key, int *err)
{
	free(*v);
	*v = NULL;
	if (*err == PL_OK)
		*err = pl_portfolio_setting(v, pf, key);
	return *err == PL_OK && *v != NULL;
}

static int
read_settings(struct pl_scale *s, struct pl_portfolio *pf)
{
	char	*v = NULL;
	double	 x;
	int	 err = PL_OK;

	if (setting(&v, pf, "align.scale", &err))
		pl_scale_set_names(s, v);
	if (setting(&v, pf, "align.mastery", &err) &&
	    parse_number(&s->mastery, v) != 0)
		err = bad_setting("align.mastery", v);
	if (setting(&v, pf, "align.halves", &err) &&
	    parse_bool(&s->halves, v) != 0)
		err = bad_setting("align.halves", v);
	if (setting(&v, pf, "align.method", &err) &&
	    pl_method_parse(&s->method, v) != PL_OK)
		err = bad_setting("align.method", v);
	if (setting(&v, pf, "align.weight", &err) &&
	    parse_number(&s->weight, v) != 0)
		err = bad_setting("align.weight", v);
	if (setting(&v, pf, "align.ntimes", &err)) {
		if (parse_number(&x, v) != 0 || x != floor(x) || x > 1000)
			err = bad_setting("align.ntimes", v);
		else
			s->ntimes = (unsigned)x;
	}
	free(v);
	return err;
}

int
pl_scale_load(struct pl_scale *s, struct pl_portfolio *pf)
{
	int	err;

	pl_scale_default(s);
	if ((err = read_settings(s, pf)) != PL_OK)
		return err;
	if ((err = pl_scale_check(s)) != PL_OK)
		return pl_error_set(PL_EPARSE, "%s: %s", PL_SETTINGS_FILE,
		    pl_error_last());
	return PL_OK;
}

int
pl_scale_level(double *out, const struct pl_scale *s, const char *text)
{
	struct pl_buf	 b = PL_BUF_INIT;
	size_t		 i;
	int		 err;

	if (parse_number(out, text) == 0 && is_level(s, *out))
		return PL_OK;
	for (i = 0; i < s->names.n; i++)
		if (strcasecmp(text, s->names.v[i]) == 0) {
			*out = (double)(i + 1);
			return PL_OK;
		}
	for (i = 0; i < s->names.n; i++)
		pl_buf_printf(&b, "%s%s", i > 0 ? ", " : "", s->names.v[i]);
	err = pl_error_set(PL_EINVAL, "invalid level '%s' (use 1-%zu%s or "
	    "%s)", text, s->names.n, s->halves ? " in halves" : "",
	    pl_buf_cstr(&b));
	pl_buf_release(&b);
	return err;
}

int
pl_method_parse(enum pl_method *out, const char *s)
{
	size_t	i;

	for (i = 0; pl_method_names[i] != NULL; i++)
		if (strcmp(s, pl_method_names[i]) == 0) {
			*out = (enum pl_method)i;
			return PL_OK;
		}
	return pl_error_set(PL_EINVAL, "unknown method '%s' (use latest, "
	    "highest, average, decaying, weighted or n-times)", s);
}

void
pl_level_format(struct pl_buf *out, double level)
{
	pl_buf_printf(out, "%g", round(level * 2) / 2);
}

/*
 * Half away from zero at the second place.  The slack (a billionth of a
 * level) makes a score that is x.xx5 on paper round up when binary
 * arithmetic lands a hair below it: 0.65 * 1 + 0.35 * 1.5 is 1.175, and
 * 1.17499999999999982 in doubles.  A score meant to be that close below
 * a half would take a weight of ten places.
 */
double
pl_score_round(double x)
{
	return copysign(floor(fabs(x) * 100 + 0.5 + EPSILON * 100) / 100, x);
}

void
pl_score_format(struct pl_buf *out, double score)
{
	size_t	start = out->len;

	pl_buf_printf(out, "%.2f", pl_score_round(score));
	while (out->len > start && out->ptr[out->len - 1] == '0')
		out->ptr[--out->len] = '\0';
	if (out->len > start && out->ptr[out->len - 1] == '.')
		out->ptr[--out->len] = '\0';
}

const char *
pl_scale_name(const struct pl_scale *s, double score)
{
	size_t	i;

	if (score < 1 || s->names.n == 0)
		return NULL;
	i = (size_t)floor(score + 1e-9) - 1;
	return s->names.v[i < s->names.n ? i : s->names.n - 1];
}

static int
cmp_str(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "");
}

static int
cmp_rating(const void *pa, const void *pb)
{
	const struct pl_rating	*a = pa, *b = pb;
	int			 c;

	if ((c = cmp_str(a->work_date, b->work_date)) != 0 ||
	    (c = cmp_str(a->date, b->date)) != 0 ||
	    (c = cmp_str(a->evidence, b->evidence)) != 0)
		return c;
	return (a->order > b->order) - (a->order < b->order);
}

void
pl_ratings_sort(struct pl_rating *v, size_t n)
{
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_rating);
}

static double
mean(const struct pl_rating *v, size_t n)
{
	double	sum = 0;
	size_t	i;

	for (i = 0; i < n; i++)
		sum += v[i].level;
	return sum / (double)n;
}

static double
highest(const struct pl_rating *v, size_t n)
{
	double	best = v[0].level;
	size_t	i;

	for (i = 1; i < n; i++)
		if (v[i].level > best)
			best = v[i].level;
	return best;
}

static double
decaying(const struct pl_rating *v, size_t n, double w)
{
	double	s = v[0].level;
	size_t	i;

	for (i = 1; i < n; i++)
		s = w * v[i].level + (1 - w) * s;
	return s;
}

/* The mean of the ratings at mastery or above (at of them). */
static double
ntimes(const struct pl_rating *v, size_t n, const struct pl_scale *s,
    size_t at)
{
	double	sum = 0;
	size_t	i;

	for (i = 0; i < n; i++)
		if (v[i].level >= s->mastery - EPSILON)
			sum += v[i].level;
	return sum / (double)at;
}

/* The method's score of v[0..n), n > 0, before rounding. */
static double
method_score(const struct pl_scale *s, enum pl_method m,
    const struct pl_rating *v, size_t n, size_t at)
{
	switch (m) {
	case PL_METHOD_LATEST:
		return v[n - 1].level;
	case PL_METHOD_HIGHEST:
		return highest(v, n);
	case PL_METHOD_AVERAGE:
		return mean(v, n);
	case PL_METHOD_DECAYING:
		return decaying(v, n, s->weight);
	case PL_METHOD_WEIGHTED:
		return n == 1 ? v[0].level : s->weight * v[n - 1].level +
		    (1 - s->weight) * mean(v, n - 1);
	case PL_METHOD_NTIMES:
		return ntimes(v, n, s, at);
	}
	return 0;
}

/*
 * Canvas rounds every score to two places before it compares it with
 * mastery (RollupScore's PRECISION), so 2.99785625 is 3.00 and mastered;
 * the rounded score is the one every view shows.  n-times has no score
 * until N ratings reach mastery: the highest rating beside "not yet"
 * would say 4 is not mastery.
 */
void
pl_mastery_compute(struct pl_mastery *out, const struct pl_scale *s,
    enum pl_method m, const struct pl_rating *v, size_t n)
{
	size_t	i;

	memset(out, 0, sizeof *out);
	out->n = n;
	for (i = 0; i < n; i++)
		if (v[i].level >= s->mastery - EPSILON)
			out->at_mastery++;
	if (n == 0 || (m == PL_METHOD_NTIMES && out->at_mastery < s->ntimes))
		return;
	out->scored = 1;
	out->unrounded = method_score(s, m, v, n, out->at_mastery);
	out->score = pl_score_round(out->unrounded);
	out->mastered = out->score >= s->mastery - EPSILON;
}

void
pl_mastery_pending(struct pl_buf *out, const struct pl_scale *s,
    size_t at_mastery)
{
	pl_buf_printf(out, "not yet (%zu of %u at mastery)", at_mastery,
	    s->ntimes);
}
