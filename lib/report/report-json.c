/*
 * The report as JSON, every field of struct pl_report under the keys
 * docs/report-schema.md documents.  Numbers are numbers, booleans
 * booleans, what is absent null; lists are arrays, empty when there is
 * nothing.  The same for every view, but for what the builder leaves
 * out of the family view.  Written as it is made (pl_jw), so memory
 * does not grow with the report; the bytes are jansson's.
 */
#include <stdlib.h>

#include "pl/base/json.h"
#include "pl/report/report.h"
#include "base/render.h"

static void
learner(struct pl_jw *w, const struct pl_report *r)
{
	pl_jw_open(w, "learner", '{');
	pl_jw_str(w, "name", r->name);
	pl_jw_str(w, "id", r->learner_id);
	pl_jw_str(w, "grade", r->grade);
	pl_jw_str(w, "started", r->started);
	pl_jw_strlist(w, "strengths", &r->strengths);
	pl_jw_strlist(w, "needs", &r->needs);
	pl_jw_strlist(w, "interests", &r->interests);
	pl_jw_strlist(w, "learns_best", &r->learns_best);
	pl_jw_close(w, '}');
}

static void
scale(struct pl_jw *w, const struct pl_scale *s)
{
	pl_jw_open(w, "scale", '{');
	pl_jw_strlist(w, "levels", &s->names);
	pl_jw_real(w, "mastery", s->mastery);
	pl_jw_bool(w, "halves", s->halves);
	pl_jw_real(w, "weight", s->weight);
	pl_jw_int(w, "ntimes", s->ntimes);
	pl_jw_close(w, '}');
}

static void
goal(struct pl_jw *w, const struct pl_report_goal *g)
{
	pl_jw_open(w, NULL, '{');
	pl_jw_str(w, "id", g->id);
	pl_jw_str(w, "title", g->title);
	pl_jw_str(w, "term", g->term);
	pl_jw_str(w, "status", g->status);
	pl_jw_str(w, "created", g->created);
	pl_jw_str(w, "due", g->due);
	pl_jw_str(w, "parent", g->parent);
	pl_jw_str(w, "why", g->why);
	pl_jw_int(w, "steps_done", (long long)g->done);
	pl_jw_int(w, "steps_total", (long long)g->total);
	pl_jw_strlist(w, "next", &g->next);
	pl_jw_strlist(w, "evidence", &g->evidence);
	pl_jw_strlist(w, "reflections", &g->reflections);
	pl_jw_strlist(w, "standards", &g->standards);
	pl_jw_str(w, "last_evidence", g->last_evidence);
	if (g->days_since >= 0)
		pl_jw_int(w, "days_since_evidence", g->days_since);
	else
		pl_jw_null(w, "days_since_evidence");
	if (g->due != NULL)
		pl_jw_int(w, "due_in", g->due_in);
	else
		pl_jw_null(w, "due_in");
	if (g->due != NULL && g->created != NULL)
		pl_jw_real(w, "time_share", g->time_share);
	else
		pl_jw_null(w, "time_share");
	pl_jw_bool(w, "overdue", g->overdue);
	pl_jw_bool(w, "stalled", g->stalled);
	pl_jw_str(w, "pace", g->pace != PL_PACE_NONE ?
	    pl_pace_names[g->pace] : NULL);
	pl_jw_close(w, '}');
}

static void
evidence(struct pl_jw *w, const struct pl_report_evidence *e)
{
	pl_jw_open(w, NULL, '{');
	pl_jw_str(w, "id", e->id);
	pl_jw_str(w, "title", e->title);
	pl_jw_str(w, "date", e->date);
	pl_jw_str(w, "kind", e->kind);
	pl_jw_str(w, "description", e->description);
	pl_jw_strlist(w, "goals", &e->goals);
	pl_jw_strlist(w, "standards", &e->standards);
	pl_jw_strlist(w, "files", &e->files);
	pl_jw_close(w, '}');
}

static void
reflection(struct pl_jw *w, const struct pl_report_reflection *f)
{
	pl_jw_open(w, NULL, '{');
	pl_jw_str(w, "id", f->id);
	pl_jw_str(w, "date", f->date);
	pl_jw_str(w, "summary", f->summary);
	pl_jw_str(w, "body", f->body);
	pl_jw_strlist(w, "goals", &f->goals);
	pl_jw_strlist(w, "evidence", &f->evidence);
	pl_jw_close(w, '}');
}

/* A score, or null for none (no ratings; n-times before N). */
static void
score(struct pl_jw *w, const char *key, int scored, double x)
{
	if (scored)
		pl_jw_real(w, key, x);
	else
		pl_jw_null(w, key);
}

static void
scope(struct pl_jw *w, const char *key, const struct pl_report_scope *sc)
{
	pl_jw_open(w, key, '{');
	pl_jw_str(w, "asked", pl_scope_names[sc->asked]);
	pl_jw_str(w, "used", pl_scope_names[sc->used]);
	pl_jw_str(w, "grade", sc->grade);
	pl_jw_int(w, "standards", (long long)sc->standards);
	pl_jw_int(w, "covered", (long long)sc->covered);
	pl_jw_percent(w, "covered_pct", sc->covered, sc->standards);
	pl_jw_int(w, "mastered", (long long)sc->mastered);
	pl_jw_percent(w, "mastered_pct", sc->mastered, sc->standards);
	pl_jw_close(w, '}');
}

/* The class report's learner rows hold the same object as a value. */
json_t *
pl_report_scope_json(const struct pl_report_scope *sc)
{
	struct pl_buf	b = PL_BUF_INIT;
	struct pl_jw	w;

	pl_jw_init(&w, &b);
	scope(&w, NULL, sc);
	return pl_jw_load(&b);
}

static void
standard(struct pl_jw *w, const struct pl_report_standard *s)
{
	size_t	i;

	pl_jw_open(w, NULL, '{');
	pl_jw_str(w, "code", s->code);
	pl_jw_str(w, "framework", s->framework);
	pl_jw_str(w, "grade", s->grade);
	pl_jw_str(w, "subject", s->subject);
	pl_jw_str(w, "description", s->description);
	pl_jw_int(w, "goals", (long long)s->goals);
	pl_jw_int(w, "evidence", (long long)s->evidence);
	pl_jw_int(w, "ratings", (long long)s->ratings);
	score(w, "score", s->scored, s->score);
	score(w, "score_unrounded", s->scored, s->score_unrounded);
	pl_jw_int(w, "at_mastery", (long long)s->at_mastery);
	pl_jw_str(w, "level", s->level);
	pl_jw_bool(w, "mastered", s->mastered);
	pl_jw_open(w, "points", '[');
	for (i = 0; i < s->npoints; i++) {
		pl_jw_open(w, NULL, '{');
		pl_jw_str(w, "date", s->points[i].date);
		pl_jw_real(w, "level", s->points[i].level);
		score(w, "score", s->points[i].scored, s->points[i].score);
		pl_jw_close(w, '}');
	}
	pl_jw_close(w, ']');
	pl_jw_close(w, '}');
}

static void
week(struct pl_jw *w, const struct pl_report_week *k)
{
	pl_jw_open(w, NULL, '{');
	pl_jw_str(w, "monday", k->monday);
	pl_jw_int(w, "evidence", k->evidence);
	pl_jw_int(w, "reflections", k->reflections);
	pl_jw_int(w, "steps", k->steps);
	pl_jw_int(w, "ratings", k->ratings);
	pl_jw_int(w, "other", k->other);
	pl_jw_close(w, '}');
}

static void
person(struct pl_jw *w, const struct pl_report_person *p)
{
	pl_jw_open(w, NULL, '{');
	pl_jw_str(w, "name", p->name);
	pl_jw_str(w, "email", p->email);
	pl_jw_str(w, "first", p->first);
	pl_jw_str(w, "last", p->last);
	pl_jw_int(w, "changes", p->changes);
	pl_jw_int(w, "goals", p->goals);
	pl_jw_int(w, "steps", p->steps);
	pl_jw_int(w, "evidence", p->evidence);
	pl_jw_int(w, "reflections", p->reflections);
	pl_jw_int(w, "ratings", p->ratings);
	pl_jw_close(w, '}');
}

/* A rating's signature: "verified", "bad", "unverified"; else null. */
static const char *
signature(const struct pl_report *r, const struct pl_report_event *e)
{
	if (!r->signatures || e->type != PL_EVENT_RATING)
		return NULL;
	return e->verified > 0 ? "verified" : e->verified < 0 ? "bad" :
	    "unverified";
}

static void
event(struct pl_jw *w, const struct pl_report *r,
    const struct pl_report_event *e)
{
	pl_jw_open(w, NULL, '{');
	pl_jw_str(w, "type", pl_event_names[e->type]);
	pl_jw_str(w, "date", e->date);
	pl_jw_str(w, "author", e->author);
	pl_jw_str(w, "id", e->id);
	pl_jw_str(w, "detail", e->detail);
	pl_jw_str(w, "standard", e->standard);
	/* A level is a number of the scale ("2.5"), written as one. */
	if (e->level != NULL)
		pl_jw_real(w, "level", strtod(e->level, NULL));
	else
		pl_jw_null(w, "level");
	pl_jw_str(w, "signature", signature(r, e));
	pl_jw_close(w, '}');
}

static void
move(struct pl_jw *w, const struct pl_report_move *m)
{
	pl_jw_open(w, NULL, '{');
	pl_jw_str(w, "code", m->code);
	pl_jw_str(w, "description", m->description);
	score(w, "from", m->from_scored, m->from);
	score(w, "to", m->to_scored, m->to);
	pl_jw_bool(w, "was_mastered", m->was_mastered);
	pl_jw_bool(w, "mastered", m->mastered);
	pl_jw_close(w, '}');
}

static void
header(struct pl_jw *w, const struct pl_report *r)
{
	pl_jw_int(w, "version", PL_REPORT_VERSION);
	pl_jw_open(w, "commit", '{');
	pl_jw_str(w, "id", r->commit);
	pl_jw_str(w, "date", r->commit_date);
	pl_jw_close(w, '}');
	pl_jw_str(w, "as_of", r->as_of);
	pl_jw_window(w, "window", r->since, r->until);
	pl_jw_str(w, "week_from", r->week_from);
	pl_jw_str(w, "view", pl_report_view_names[r->view]);
	pl_jw_bool(w, "codes", r->codes);
	pl_jw_str(w, "method", pl_method_names[r->method]);
	pl_jw_int(w, "stalled_days", r->stalled_days);
	scale(w, &r->scale);
	learner(w, r);
}

/* The entries, each written and drained in turn. */
static void
entries(struct pl_jw *w, const struct pl_report *r)
{
	size_t	i;

	pl_jw_open(w, "goals", '[');
	for (i = 0; i < r->ngoals; i++) {
		goal(w, &r->goals[i]);
		pl_buf_drain(w->out);
	}
	pl_jw_close(w, ']');
	pl_jw_open(w, "evidence", '[');
	for (i = 0; i < r->nevidence; i++) {
		evidence(w, &r->evidence[i]);
		pl_buf_drain(w->out);
	}
	pl_jw_close(w, ']');
	pl_jw_open(w, "reflections", '[');
	for (i = 0; i < r->nreflections; i++) {
		reflection(w, &r->reflections[i]);
		pl_buf_drain(w->out);
	}
	pl_jw_close(w, ']');
	pl_jw_open(w, "standards", '[');
	for (i = 0; i < r->nstandards; i++) {
		standard(w, &r->standards[i]);
		pl_buf_drain(w->out);
	}
	pl_jw_close(w, ']');
}

/* Activity, people, the window's events and moves. */
static void
history(struct pl_jw *w, const struct pl_report *r)
{
	size_t	i;

	pl_jw_open(w, "weeks", '[');
	for (i = 0; i < r->nweeks; i++)
		week(w, &r->weeks[i]);
	pl_jw_close(w, ']');
	pl_jw_open(w, "people", '[');
	for (i = 0; i < r->npeople; i++)
		person(w, &r->people[i]);
	pl_jw_close(w, ']');
	pl_jw_open(w, "events", '[');
	for (i = 0; i < r->nevents; i++) {
		event(w, r, &r->events[i]);
		pl_buf_drain(w->out);
	}
	pl_jw_close(w, ']');
	pl_jw_open(w, "moves", '[');
	for (i = 0; i < r->nmoves; i++)
		move(w, &r->moves[i]);
	pl_jw_close(w, ']');
}

void
pl_report_json(struct pl_buf *out, const struct pl_report *r)
{
	struct pl_jw	w;

	pl_jw_init(&w, out);
	pl_jw_open(&w, NULL, '{');
	header(&w, r);
	entries(&w, r);
	pl_jw_open(&w, "coverage", '{');
	pl_jw_int(&w, "standards", (long long)r->nstandards);
	pl_jw_int(&w, "covered", (long long)r->covered);
	pl_jw_int(&w, "mastered", (long long)r->mastered);
	pl_jw_close(&w, '}');
	scope(&w, "scope", &r->scope);
	history(&w, r);
	pl_jw_strlist(&w, "warnings", &r->warnings);
	pl_jw_left_out(&w, "left_out", r->left_out.files,
	    r->left_out.ratings, r->left_out.links);
	pl_jw_close(&w, '}');
	pl_jw_end(&w);
}
