/*
 * The report as JSON, every field of struct pl_report under the keys
 * docs/report-schema.md documents.  Numbers are numbers, booleans
 * booleans, what is absent null; lists are arrays, empty when there is
 * nothing.  The same for every view, but for what the builder leaves
 * out of the family view.
 */
#include <stdlib.h>

#include "pl/base/json.h"
#include "pl/report/report.h"
#include "base/render.h"

static json_t *
learner(const struct pl_report *r)
{
	json_t	*o = json_object();

	pl_json_set(o, "name", pl_json_str(r->name));
	pl_json_set(o, "id", pl_json_str(r->learner_id));
	pl_json_set(o, "grade", pl_json_str(r->grade));
	pl_json_set(o, "started", pl_json_str(r->started));
	pl_json_set(o, "strengths", pl_json_strlist(&r->strengths));
	pl_json_set(o, "needs", pl_json_strlist(&r->needs));
	pl_json_set(o, "interests", pl_json_strlist(&r->interests));
	pl_json_set(o, "learns_best", pl_json_strlist(&r->learns_best));
	return o;
}

static json_t *
scale(const struct pl_scale *s)
{
	json_t	*o = json_object();

	pl_json_set(o, "levels", pl_json_strlist(&s->names));
	pl_json_set(o, "mastery", json_real(s->mastery));
	pl_json_set(o, "halves", json_boolean(s->halves));
	pl_json_set(o, "weight", json_real(s->weight));
	pl_json_set(o, "ntimes", json_integer(s->ntimes));
	return o;
}

static json_t *
goal(const struct pl_report_goal *g)
{
	json_t	*o = json_object();

	pl_json_set(o, "id", pl_json_str(g->id));
	pl_json_set(o, "title", pl_json_str(g->title));
	pl_json_set(o, "term", pl_json_str(g->term));
	pl_json_set(o, "status", pl_json_str(g->status));
	pl_json_set(o, "created", pl_json_str(g->created));
	pl_json_set(o, "due", pl_json_str(g->due));
	pl_json_set(o, "parent", pl_json_str(g->parent));
	pl_json_set(o, "why", pl_json_str(g->why));
	pl_json_set(o, "steps_done", pl_json_size(g->done));
	pl_json_set(o, "steps_total", pl_json_size(g->total));
	pl_json_set(o, "next", pl_json_strlist(&g->next));
	pl_json_set(o, "evidence", pl_json_strlist(&g->evidence));
	pl_json_set(o, "reflections", pl_json_strlist(&g->reflections));
	pl_json_set(o, "standards", pl_json_strlist(&g->standards));
	pl_json_set(o, "last_evidence", pl_json_str(g->last_evidence));
	pl_json_set(o, "days_since_evidence", g->days_since >= 0 ?
	    json_integer(g->days_since) : json_null());
	pl_json_set(o, "due_in", g->due != NULL ? json_integer(g->due_in) :
	    json_null());
	pl_json_set(o, "time_share", g->due != NULL && g->created != NULL ?
	    json_real(g->time_share) : json_null());
	pl_json_set(o, "overdue", json_boolean(g->overdue));
	pl_json_set(o, "stalled", json_boolean(g->stalled));
	pl_json_set(o, "pace", g->pace != PL_PACE_NONE ?
	    json_string(pl_pace_names[g->pace]) : json_null());
	return o;
}

static json_t *
evidence(const struct pl_report_evidence *e)
{
	json_t	*o = json_object();

	pl_json_set(o, "id", pl_json_str(e->id));
	pl_json_set(o, "title", pl_json_str(e->title));
	pl_json_set(o, "date", pl_json_str(e->date));
	pl_json_set(o, "kind", pl_json_str(e->kind));
	pl_json_set(o, "description", pl_json_str(e->description));
	pl_json_set(o, "goals", pl_json_strlist(&e->goals));
	pl_json_set(o, "standards", pl_json_strlist(&e->standards));
	pl_json_set(o, "files", pl_json_strlist(&e->files));
	return o;
}

static json_t *
reflection(const struct pl_report_reflection *f)
{
	json_t	*o = json_object();

	pl_json_set(o, "id", pl_json_str(f->id));
	pl_json_set(o, "date", pl_json_str(f->date));
	pl_json_set(o, "summary", pl_json_str(f->summary));
	pl_json_set(o, "body", pl_json_str(f->body));
	pl_json_set(o, "goals", pl_json_strlist(&f->goals));
	pl_json_set(o, "evidence", pl_json_strlist(&f->evidence));
	return o;
}

/* A score, or null for none (no ratings; n-times before N). */
static json_t *
score(int scored, double x)
{
	return scored ? json_real(x) : json_null();
}

json_t *
pl_report_scope_json(const struct pl_report_scope *sc)
{
	json_t	*o = json_object();

	pl_json_set(o, "asked", json_string(pl_scope_names[sc->asked]));
	pl_json_set(o, "used", json_string(pl_scope_names[sc->used]));
	pl_json_set(o, "grade", pl_json_str(sc->grade));
	pl_json_set(o, "standards", pl_json_size(sc->standards));
	pl_json_set(o, "covered", pl_json_size(sc->covered));
	pl_json_set(o, "covered_pct", pl_json_percent(sc->covered,
	    sc->standards));
	pl_json_set(o, "mastered", pl_json_size(sc->mastered));
	pl_json_set(o, "mastered_pct", pl_json_percent(sc->mastered,
	    sc->standards));
	return o;
}

static json_t *
standard(const struct pl_report_standard *s)
{
	json_t	*o = json_object(), *pts = json_array(), *p;
	size_t	 i;

	pl_json_set(o, "code", pl_json_str(s->code));
	pl_json_set(o, "framework", pl_json_str(s->framework));
	pl_json_set(o, "grade", pl_json_str(s->grade));
	pl_json_set(o, "subject", pl_json_str(s->subject));
	pl_json_set(o, "description", pl_json_str(s->description));
	pl_json_set(o, "goals", pl_json_size(s->goals));
	pl_json_set(o, "evidence", pl_json_size(s->evidence));
	pl_json_set(o, "ratings", pl_json_size(s->ratings));
	pl_json_set(o, "score", score(s->scored, s->score));
	pl_json_set(o, "score_unrounded", score(s->scored,
	    s->score_unrounded));
	pl_json_set(o, "at_mastery", pl_json_size(s->at_mastery));
	pl_json_set(o, "level", pl_json_str(s->level));
	pl_json_set(o, "mastered", json_boolean(s->mastered));
	for (i = 0; i < s->npoints; i++) {
		p = json_object();
		pl_json_set(p, "date", json_string(s->points[i].date));
		pl_json_set(p, "level", json_real(s->points[i].level));
		pl_json_set(p, "score", score(s->points[i].scored,
		    s->points[i].score));
		json_array_append_new(pts, p);
	}
	pl_json_set(o, "points", pts);
	return o;
}

static json_t *
week(const struct pl_report_week *w)
{
	json_t	*o = json_object();

	pl_json_set(o, "monday", json_string(w->monday));
	pl_json_set(o, "evidence", json_integer(w->evidence));
	pl_json_set(o, "reflections", json_integer(w->reflections));
	pl_json_set(o, "steps", json_integer(w->steps));
	pl_json_set(o, "ratings", json_integer(w->ratings));
	pl_json_set(o, "other", json_integer(w->other));
	return o;
}

static json_t *
person(const struct pl_report_person *p)
{
	json_t	*o = json_object();

	pl_json_set(o, "name", pl_json_str(p->name));
	pl_json_set(o, "email", pl_json_str(p->email));
	pl_json_set(o, "first", pl_json_str(p->first));
	pl_json_set(o, "last", pl_json_str(p->last));
	pl_json_set(o, "changes", json_integer(p->changes));
	pl_json_set(o, "goals", json_integer(p->goals));
	pl_json_set(o, "steps", json_integer(p->steps));
	pl_json_set(o, "evidence", json_integer(p->evidence));
	pl_json_set(o, "reflections", json_integer(p->reflections));
	pl_json_set(o, "ratings", json_integer(p->ratings));
	return o;
}

/* A rating's signature: "verified", "bad", "unverified"; else null. */
static json_t *
signature(const struct pl_report *r, const struct pl_report_event *e)
{
	if (!r->signatures || e->type != PL_EVENT_RATING)
		return json_null();
	return json_string(e->verified > 0 ? "verified" : e->verified < 0 ?
	    "bad" : "unverified");
}

static json_t *
event(const struct pl_report *r, const struct pl_report_event *e)
{
	json_t	*o = json_object();

	pl_json_set(o, "type", json_string(pl_event_names[e->type]));
	pl_json_set(o, "date", json_string(e->date));
	pl_json_set(o, "author", pl_json_str(e->author));
	pl_json_set(o, "id", pl_json_str(e->id));
	pl_json_set(o, "detail", pl_json_str(e->detail));
	pl_json_set(o, "standard", pl_json_str(e->standard));
	/* A level is a number of the scale ("2.5"), written as one. */
	pl_json_set(o, "level", e->level != NULL ? json_real(strtod(e->level,
	    NULL)) : json_null());
	pl_json_set(o, "signature", signature(r, e));
	return o;
}

static json_t *
move(const struct pl_report_move *m)
{
	json_t	*o = json_object();

	pl_json_set(o, "code", pl_json_str(m->code));
	pl_json_set(o, "description", pl_json_str(m->description));
	pl_json_set(o, "from", score(m->from_scored, m->from));
	pl_json_set(o, "to", score(m->to_scored, m->to));
	pl_json_set(o, "was_mastered", json_boolean(m->was_mastered));
	pl_json_set(o, "mastered", json_boolean(m->mastered));
	return o;
}

void
pl_report_json(struct pl_buf *out, const struct pl_report *r)
{
	json_t	*o = json_object(), *c, *a;
	size_t	 i;

	pl_json_set(o, "version", json_integer(PL_REPORT_VERSION));
	c = json_object();
	pl_json_set(c, "id", json_string(r->commit));
	pl_json_set(c, "date", json_string(r->commit_date));
	pl_json_set(o, "commit", c);
	pl_json_set(o, "as_of", json_string(r->as_of));
	pl_json_set(o, "window", pl_json_window(r->since, r->until));
	pl_json_set(o, "week_from", json_string(r->week_from));
	pl_json_set(o, "view", json_string(pl_report_view_names[r->view]));
	pl_json_set(o, "codes", json_boolean(r->codes));
	pl_json_set(o, "method", json_string(pl_method_names[r->method]));
	pl_json_set(o, "stalled_days", json_integer(r->stalled_days));
	pl_json_set(o, "scale", scale(&r->scale));
	pl_json_set(o, "learner", learner(r));
	pl_json_set(o, "goals", a = json_array());
	for (i = 0; i < r->ngoals; i++)
		json_array_append_new(a, goal(&r->goals[i]));
	pl_json_set(o, "evidence", a = json_array());
	for (i = 0; i < r->nevidence; i++)
		json_array_append_new(a, evidence(&r->evidence[i]));
	pl_json_set(o, "reflections", a = json_array());
	for (i = 0; i < r->nreflections; i++)
		json_array_append_new(a, reflection(&r->reflections[i]));
	pl_json_set(o, "standards", a = json_array());
	for (i = 0; i < r->nstandards; i++)
		json_array_append_new(a, standard(&r->standards[i]));
	c = json_object();
	pl_json_set(c, "standards", pl_json_size(r->nstandards));
	pl_json_set(c, "covered", pl_json_size(r->covered));
	pl_json_set(c, "mastered", pl_json_size(r->mastered));
	pl_json_set(o, "coverage", c);
	pl_json_set(o, "scope", pl_report_scope_json(&r->scope));
	pl_json_set(o, "weeks", a = json_array());
	for (i = 0; i < r->nweeks; i++)
		json_array_append_new(a, week(&r->weeks[i]));
	pl_json_set(o, "people", a = json_array());
	for (i = 0; i < r->npeople; i++)
		json_array_append_new(a, person(&r->people[i]));
	pl_json_set(o, "events", a = json_array());
	for (i = 0; i < r->nevents; i++)
		json_array_append_new(a, event(r, &r->events[i]));
	pl_json_set(o, "moves", a = json_array());
	for (i = 0; i < r->nmoves; i++)
		json_array_append_new(a, move(&r->moves[i]));
	pl_json_set(o, "warnings", pl_json_strlist(&r->warnings));
	pl_json_set(o, "left_out", pl_json_left_out(r->left_out.files,
	    r->left_out.ratings, r->left_out.links));
	pl_json_dump(out, o);
	json_decref(o);
}
