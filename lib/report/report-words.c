/*
 * What every view reads from a report alike: the names of its kinds, an
 * entry found by id, the learner's name and grade, the words for an
 * event, a level, a signature and the shares, and the one rule for the
 * age of the last evidence, which the class report shares.
 */
#include <stdlib.h>
#include <string.h>

#include "pl/report/report.h"
#include "base/render.h"

const char *const pl_report_view_names[] = { "learner", "teacher", "family",
	NULL };
const char *const pl_pace_names[] = { "", "behind", "on", "ahead" };
const char *const pl_event_names[] = { "goal-set", "step-done", "goal-met",
	"evidence", "reflection", "rating" };

static int
goal_cmp(const void *key, const void *g)
{
	return strcmp(key, ((const struct pl_report_goal *)g)->id);
}

/* By a search: the goals are by id, and the family page asks per item. */
const struct pl_report_goal *
pl_report_goal_find(const struct pl_report *r, const char *id)
{
	if (id == NULL || r->ngoals == 0)
		return NULL;
	return bsearch(id, r->goals, r->ngoals, sizeof *r->goals, goal_cmp);
}

const struct pl_report_evidence *
pl_report_evidence_find(const struct pl_report *r, const char *id)
{
	size_t	i;

	for (i = 0; id != NULL && i < r->nevidence; i++)
		if (strcmp(r->evidence[i].id, id) == 0)
			return &r->evidence[i];
	return NULL;
}

const struct pl_report_reflection *
pl_report_reflection_find(const struct pl_report *r, const char *id)
{
	size_t	i;

	for (i = 0; id != NULL && i < r->nreflections; i++)
		if (strcmp(r->reflections[i].id, id) == 0)
			return &r->reflections[i];
	return NULL;
}

const struct pl_report_standard *
pl_report_standard_find(const struct pl_report *r, const char *code)
{
	size_t	i;

	for (i = 0; code != NULL && i < r->nstandards; i++)
		if (strcmp(r->standards[i].code, code) == 0)
			return &r->standards[i];
	return NULL;
}

long
pl_report_evidence_age(const struct pl_report *r, const char *date)
{
	struct pl_date	day = { 0, 0, 0 };
	long		ago;

	/* a valid date, which the parse below cannot refuse */
	if (!pl_date_valid(r->as_of) || pl_date_parse(&day, r->as_of, day) !=
	    PL_OK || !pl_date_since(&ago, date, day))
		return -1;
	return ago >= 0 ? ago : -1;
}

const char *
pl_report_last_evidence(const struct pl_report *r, const char *last,
    const char *date)
{
	if (pl_report_evidence_age(r, date) < 0 ||
	    (last != NULL && strcmp(date, last) <= 0))
		return last;
	return date;
}

int
pl_report_file_shown(const struct pl_report_evidence *e, size_t k)
{
	return e->shown != NULL && k < e->files.n && e->shown[k].may_show;
}

void
pl_report_event_words(struct pl_buf *out, const struct pl_report *r,
    const struct pl_report_event *e)
{
	const char	*name, *what = e->id != NULL ? e->id : "";
	size_t		 i;

	if (e->type != PL_EVENT_RATING) {
		pl_buf_puts(out, e->detail != NULL ? e->detail : "");
		return;
	}
	/* the family's words name work by its title, not its id */
	for (i = 0; !r->codes && e->id != NULL && i < r->nevidence; i++)
		if (strcmp(r->evidence[i].id, e->id) == 0)
			what = r->evidence[i].title;
	name = e->level != NULL ? pl_scale_name(&r->scale, strtod(e->level,
	    NULL)) : NULL;
	pl_buf_printf(out, "Rated %s: %s", what,
	    e->level != NULL ? e->level : "?");
	if (name != NULL)
		pl_buf_printf(out, " (%s)", name);
}

const char *
pl_report_learner_name(const struct pl_report *r)
{
	if (r->name != NULL && *r->name != '\0')
		return r->name;
	return r->learner_id != NULL ? r->learner_id : "";
}

const char *
pl_report_grade(const struct pl_report *r)
{
	return r->grade != NULL && *r->grade != '\0' ? r->grade : NULL;
}

const char *
pl_report_signature_words(const struct pl_report *r,
    const struct pl_report_event *e)
{
	if (!r->signatures || e->type != PL_EVENT_RATING)
		return "";
	return e->verified > 0 ? " (verified)" : e->verified < 0 ?
	    " (bad signature)" : " (not verified)";
}

void
pl_report_level_words(struct pl_buf *out, const struct pl_report *r,
    const struct pl_report_standard *s, const char *unrated)
{
	if (s->level != NULL)
		pl_buf_puts(out, s->level);
	else if (s->ratings > 0)
		pl_mastery_pending(out, &r->scale, s->at_mastery);
	else
		pl_buf_puts(out, unrated);
}

/* " (3.8%)" of part and whole, or nothing without a whole. */
static void
put_pct(struct pl_buf *out, size_t part, size_t whole)
{
	char	p[16];

	if (pl_text_pct_sign(p, sizeof p, part, whole))
		pl_buf_printf(out, " (%s)", p);
}

void
pl_report_scope_words(struct pl_buf *out, const struct pl_report_scope *sc)
{
	pl_buf_puts(out, "Of ");
	pl_scope_words(out, sc->asked, sc->used, sc->grade);
	pl_buf_printf(out, ": %zu of %zu covered", sc->covered,
	    sc->standards);
	put_pct(out, sc->covered, sc->standards);
	pl_buf_printf(out, ", %zu mastered", sc->mastered);
	put_pct(out, sc->mastered, sc->standards);
}
