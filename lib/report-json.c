/*
 * The report as JSON, every field of struct pl_report under the keys
 * docs/report-schema.md documents.  Numbers are numbers, booleans
 * booleans, what is absent null; lists are arrays, empty when there is
 * nothing.  The same for every view, but for what the builder leaves
 * out of the family view.
 */
#include <stdlib.h>

#include "pl/json.h"
#include "pl/report.h"

static void
set(json_t *o, const char *key, json_t *v)
{
	json_object_set_new(o, key, v);
}

static json_t *
size(size_t n)
{
	return json_integer((json_int_t)n);
}

static json_t *
learner(const struct pl_report *r)
{
	json_t	*o = json_object();

	set(o, "name", pl_json_str(r->name));
	set(o, "id", pl_json_str(r->learner_id));
	set(o, "grade", pl_json_str(r->grade));
	set(o, "started", pl_json_str(r->started));
	set(o, "strengths", pl_json_strlist(&r->strengths));
	set(o, "needs", pl_json_strlist(&r->needs));
	set(o, "interests", pl_json_strlist(&r->interests));
	set(o, "learns_best", pl_json_strlist(&r->learns_best));
	return o;
}

static json_t *
scale(const struct pl_scale *s)
{
	json_t	*o = json_object();

	set(o, "levels", pl_json_strlist(&s->names));
	set(o, "mastery", json_real(s->mastery));
	set(o, "halves", json_boolean(s->halves));
	set(o, "weight", json_real(s->weight));
	set(o, "ntimes", json_integer(s->ntimes));
	return o;
}

static json_t *
goal(const struct pl_report_goal *g)
{
	json_t	*o = json_object();

	set(o, "id", pl_json_str(g->id));
	set(o, "title", pl_json_str(g->title));
	set(o, "term", pl_json_str(g->term));
	set(o, "status", pl_json_str(g->status));
	set(o, "created", pl_json_str(g->created));
	set(o, "due", pl_json_str(g->due));
	set(o, "parent", pl_json_str(g->parent));
	set(o, "why", pl_json_str(g->why));
	set(o, "steps_done", size(g->done));
	set(o, "steps_total", size(g->total));
	set(o, "next", pl_json_strlist(&g->next));
	set(o, "evidence", pl_json_strlist(&g->evidence));
	set(o, "reflections", pl_json_strlist(&g->reflections));
	set(o, "standards", pl_json_strlist(&g->standards));
	set(o, "last_evidence", pl_json_str(g->last_evidence));
	set(o, "days_since_evidence", g->days_since >= 0 ?
	    json_integer(g->days_since) : json_null());
	set(o, "due_in", g->due != NULL ? json_integer(g->due_in) :
	    json_null());
	set(o, "time_share", g->due != NULL ? json_real(g->time_share) :
	    json_null());
	set(o, "overdue", json_boolean(g->overdue));
	set(o, "stalled", json_boolean(g->stalled));
	set(o, "pace", g->pace != PL_PACE_NONE ?
	    json_string(pl_pace_names[g->pace]) : json_null());
	return o;
}

static json_t *
evidence(const struct pl_report_evidence *e)
{
	json_t	*o = json_object();

	set(o, "id", pl_json_str(e->id));
	set(o, "title", pl_json_str(e->title));
	set(o, "date", pl_json_str(e->date));
	set(o, "kind", pl_json_str(e->kind));
	set(o, "description", pl_json_str(e->description));
	set(o, "goals", pl_json_strlist(&e->goals));
	set(o, "standards", pl_json_strlist(&e->standards));
	set(o, "files", pl_json_strlist(&e->files));
	return o;
}

static json_t *
reflection(const struct pl_report_reflection *f)
{
	json_t	*o = json_object();

	set(o, "id", pl_json_str(f->id));
	set(o, "date", pl_json_str(f->date));
	set(o, "summary", pl_json_str(f->summary));
	set(o, "body", pl_json_str(f->body));
	set(o, "goals", pl_json_strlist(&f->goals));
	set(o, "evidence", pl_json_strlist(&f->evidence));
	return o;
}

static json_t *
standard(const struct pl_report_standard *s)
{
	json_t	*o = json_object(), *pts = json_array(), *p;
	size_t	 i;

	set(o, "code", pl_json_str(s->code));
	set(o, "framework", pl_json_str(s->framework));
	set(o, "grade", pl_json_str(s->grade));
	set(o, "subject", pl_json_str(s->subject));
	set(o, "description", pl_json_str(s->description));
	set(o, "goals", size(s->goals));
	set(o, "evidence", size(s->evidence));
	set(o, "ratings", size(s->ratings));
	set(o, "score", s->ratings > 0 ? json_real(s->score) : json_null());
	set(o, "level", pl_json_str(s->level));
	set(o, "mastered", json_boolean(s->mastered));
	for (i = 0; i < s->npoints; i++) {
		p = json_object();
		set(p, "date", json_string(s->points[i].date));
		set(p, "level", json_real(s->points[i].level));
		set(p, "score", json_real(s->points[i].score));
		json_array_append_new(pts, p);
	}
	set(o, "points", pts);
	return o;
}

static json_t *
week(const struct pl_report_week *w)
{
	json_t	*o = json_object();

	set(o, "monday", json_string(w->monday));
	set(o, "evidence", json_integer(w->evidence));
	set(o, "reflections", json_integer(w->reflections));
	set(o, "steps", json_integer(w->steps));
	set(o, "ratings", json_integer(w->ratings));
	set(o, "other", json_integer(w->other));
	return o;
}

static json_t *
person(const struct pl_report_person *p)
{
	json_t	*o = json_object();

	set(o, "name", pl_json_str(p->name));
	set(o, "email", pl_json_str(p->email));
	set(o, "first", pl_json_str(p->first));
	set(o, "last", pl_json_str(p->last));
	set(o, "changes", json_integer(p->changes));
	set(o, "goals", json_integer(p->goals));
	set(o, "steps", json_integer(p->steps));
	set(o, "evidence", json_integer(p->evidence));
	set(o, "reflections", json_integer(p->reflections));
	set(o, "ratings", json_integer(p->ratings));
	return o;
}

static json_t *
event(const struct pl_report_event *e)
{
	json_t	*o = json_object();

	set(o, "type", json_string(pl_event_names[e->type]));
	set(o, "date", json_string(e->date));
	set(o, "author", pl_json_str(e->author));
	set(o, "id", pl_json_str(e->id));
	set(o, "detail", pl_json_str(e->detail));
	set(o, "standard", pl_json_str(e->standard));
	/* A level is a number of the scale ("2.5"), written as one. */
	set(o, "level", e->level != NULL ? json_real(strtod(e->level,
	    NULL)) : json_null());
	return o;
}

static json_t *
move(const struct pl_report_move *m)
{
	json_t	*o = json_object();

	set(o, "code", pl_json_str(m->code));
	set(o, "description", pl_json_str(m->description));
	set(o, "from", m->had ? json_real(m->from) : json_null());
	set(o, "to", json_real(m->to));
	set(o, "was_mastered", json_boolean(m->was_mastered));
	set(o, "mastered", json_boolean(m->mastered));
	return o;
}

void
pl_report_json(struct pl_buf *out, const struct pl_report *r)
{
	json_t	*o = json_object(), *c, *a;
	size_t	 i;

	set(o, "version", json_integer(PL_REPORT_VERSION));
	c = json_object();
	set(c, "id", json_string(r->commit));
	set(c, "date", json_string(r->commit_date));
	set(o, "commit", c);
	set(o, "as_of", json_string(r->as_of));
	c = json_null();
	if (r->since != NULL) {
		c = json_object();
		set(c, "since", json_string(r->since));
		set(c, "until", pl_json_str(r->until));
	}
	set(o, "window", c);
	set(o, "week_from", json_string(r->week_from));
	set(o, "view", json_string(pl_report_view_names[r->view]));
	set(o, "codes", json_boolean(r->codes));
	set(o, "method", json_string(pl_method_names[r->method]));
	set(o, "stalled_days", json_integer(r->stalled_days));
	set(o, "scale", scale(&r->scale));
	set(o, "learner", learner(r));
	set(o, "goals", a = json_array());
	for (i = 0; i < r->ngoals; i++)
		json_array_append_new(a, goal(&r->goals[i]));
	set(o, "evidence", a = json_array());
	for (i = 0; i < r->nevidence; i++)
		json_array_append_new(a, evidence(&r->evidence[i]));
	set(o, "reflections", a = json_array());
	for (i = 0; i < r->nreflections; i++)
		json_array_append_new(a, reflection(&r->reflections[i]));
	set(o, "standards", a = json_array());
	for (i = 0; i < r->nstandards; i++)
		json_array_append_new(a, standard(&r->standards[i]));
	c = json_object();
	set(c, "standards", size(r->nstandards));
	set(c, "covered", size(r->covered));
	set(c, "mastered", size(r->mastered));
	set(o, "coverage", c);
	set(o, "weeks", a = json_array());
	for (i = 0; i < r->nweeks; i++)
		json_array_append_new(a, week(&r->weeks[i]));
	set(o, "people", a = json_array());
	for (i = 0; i < r->npeople; i++)
		json_array_append_new(a, person(&r->people[i]));
	set(o, "events", a = json_array());
	for (i = 0; i < r->nevents; i++)
		json_array_append_new(a, event(&r->events[i]));
	set(o, "moves", a = json_array());
	for (i = 0; i < r->nmoves; i++)
		json_array_append_new(a, move(&r->moves[i]));
	set(o, "warnings", pl_json_strlist(&r->warnings));
	pl_json_dump(out, o);
	json_decref(o);
}
