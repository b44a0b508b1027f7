/*
 * Gathering a report: the committed tree of one commit for where things
 * stand, the commit log up to it for how they got there, and, with a
 * window, the tree of the commit before the window for what moved.  The
 * day flags are measured against is the report's as-of day, never the
 * clock, so one commit and one set of options give one report.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "pl/align.h"
#include "pl/evidence.h"
#include "pl/goal.h"
#include "pl/history.h"
#include "pl/md.h"
#include "pl/reflection.h"
#include "pl/report.h"
#include "pl/verify.h"

const char *const pl_report_view_names[] = { "learner", "teacher", "family",
	NULL };
const char *const pl_pace_names[] = { "", "behind", "on", "ahead" };
const char *const pl_event_names[] = { "goal-set", "step-done", "goal-met",
	"evidence", "reflection", "rating" };

struct build {
	struct pl_report		*r;
	struct pl_portfolio		*p;		/* read: head or own */
	struct pl_portfolio		*own;		/* opened here */
	const struct pl_report_options	*o;
	struct pl_date			 day;		/* as of */
	struct pl_date			 since, until;
	int				 window;
	long				 first_week;	/* its Monday's days */
	struct pl_strlist		 hidden;	/* "kind/id" private */
	/* The entries, read once for everything. */
	struct pl_goals			 gs;
	struct pl_entries		 ev, refl;
	struct pl_align_status		 st;
	int				 have_st;
	struct pl_verifier		*verifier;	/* NULL: no keys */
};

/* "true" as YAML 1.2 reads it. */
static int
is_private(const struct pl_entry *e)
{
	const char	*v = pl_doc_get(e->doc, "private");

	return v != NULL && (strcmp(v, "true") == 0 ||
	    strcmp(v, "True") == 0 || strcmp(v, "TRUE") == 0);
}

static int
str_cmp(const void *key, const void *s)
{
	return strcmp(key, *(char *const *)s);
}

/* 1 when kind's id is private in the family view (b->hidden is sorted). */
static int
hidden(const struct build *b, const char *kind, const char *id)
{
	char	*k;
	int	 found;

	if (b->hidden.n == 0 || id == NULL)
		return 0;
	k = pl_xasprintf("%s/%s", kind, id);
	found = bsearch(k, b->hidden.v, b->hidden.n, sizeof *b->hidden.v,
	    str_cmp) != NULL;
	free(k);
	return found;
}

/* Marks the private entries of l hidden when the view is the family's. */
static void
hide(struct build *b, const struct pl_entries *l, const char *kind)
{
	size_t	i;

	if (b->o->view != PL_VIEW_FAMILY)
		return;
	for (i = 0; i < l->n; i++)
		if (is_private(l->v[i]))
			pl_strlist_push_owned(&b->hidden, pl_xasprintf("%s/%s",
			    kind, l->v[i]->id));
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? pl_xstrdup(s) : NULL;
}

/* The list under key, without the ids hidden as kind. */
static void
get_list(struct build *b, const struct pl_entry *e, const char *key,
    const char *kind, struct pl_strlist *out)
{
	struct pl_strlist	l = PL_STRLIST_INIT;
	size_t			i;

	/* a malformed list was a warning when the entry was read */
	if (pl_doc_get_list(e->doc, e->path, key, &l) == PL_OK)
		for (i = 0; i < l.n; i++)
			if (kind == NULL || !hidden(b, kind, l.v[i]))
				pl_strlist_push(out, l.v[i]);
	pl_strlist_release(&l);
}

static int
add_profile(struct build *b)
{
	struct pl_report	*r = b->r;
	struct pl_entry		*e = NULL;
	const char		*body;
	int			 err;

	if ((err = pl_entry_load(&e, b->p, PL_KIND_PROFILE, NULL)) != PL_OK) {
		if (err != PL_EPARSE && err != PL_ENOTFOUND)
			return err;
		pl_strlist_push(&r->warnings, pl_error_last());
		r->name = pl_xstrdup("");
		r->learner_id = pl_xstrdup("");
		return PL_OK;
	}
	r->name = pl_xstrdup(pl_doc_get(e->doc, "name") != NULL ?
	    pl_doc_get(e->doc, "name") : "");
	r->learner_id = pl_xstrdup(pl_doc_get(e->doc, "id") != NULL ?
	    pl_doc_get(e->doc, "id") : "");
	r->grade = dup_or_null(pl_doc_get(e->doc, "grade"));
	r->started = dup_or_null(pl_doc_get(e->doc, "started"));
	body = e->doc->body;
	if (b->o->view != PL_VIEW_FAMILY || !is_private(e)) {
		pl_md_items(&r->strengths, body, "Strengths");
		pl_md_items(&r->needs, body, "Needs");
		pl_md_items(&r->interests, body, "Interests");
		pl_md_items(&r->learns_best, body, "How I learn best");
	}
	pl_entry_free(e);
	return PL_OK;
}

static void
add_evidence(struct build *b, const struct pl_entries *l)
{
	struct pl_report		*r = b->r;
	struct pl_report_evidence	*v;
	struct pl_evidence		 ev;
	const struct pl_entry		*e;
	size_t				 i;

	r->evidence = pl_xcalloc(l->n + 1, sizeof *r->evidence);
	for (i = l->n; i-- > 0;) {
		e = l->v[i];
		if (hidden(b, "evidence", e->id))
			continue;
		pl_evidence_get(&ev, e);
		v = &r->evidence[r->nevidence++];
		v->id = pl_xstrdup(e->id);
		v->title = pl_xstrdup(ev.title != NULL ? ev.title : "");
		v->date = dup_or_null(ev.date);
		v->kind = dup_or_null(ev.kind);
		if (e->doc->body != NULL && *e->doc->body != '\0')
			v->description = pl_xstrdup(e->doc->body);
		get_list(b, e, "goals", "goal", &v->goals);
		get_list(b, e, "standards", NULL, &v->standards);
		get_list(b, e, "files", NULL, &v->files);
	}
}

static void
add_reflections(struct build *b, const struct pl_entries *l)
{
	struct pl_report		*r = b->r;
	struct pl_report_reflection	*v;
	const struct pl_entry		*e;
	const char			*date;
	size_t				 i;

	r->reflections = pl_xcalloc(l->n + 1, sizeof *r->reflections);
	for (i = l->n; i-- > 0;) {
		e = l->v[i];
		if (hidden(b, "reflection", e->id))
			continue;
		v = &r->reflections[r->nreflections++];
		v->id = pl_xstrdup(e->id);
		date = pl_doc_get(e->doc, "date");
		v->date = dup_or_null(date);
		v->body = pl_xstrdup(e->doc->body != NULL ? e->doc->body : "");
		v->summary = pl_reflection_summary(v->body);
		if (v->summary == NULL)
			v->summary = pl_xstrdup("");
		get_list(b, e, "goals", "goal", &v->goals);
		get_list(b, e, "evidence", "evidence", &v->evidence);
	}
}

static long
days_between(const char *from, struct pl_date to)
{
	struct pl_date	d;

	if (from == NULL || !pl_date_valid(from) ||
	    pl_date_parse(&d, from, to) != PL_OK)
		return 0;
	return pl_date_days(to) - pl_date_days(d);
}

/* Overdue, stalled and pace, against the as-of day. */
static void
flag_goal(struct build *b, struct pl_report_goal *g)
{
	long	span, passed;
	double	expected;
	int	active = strcmp(g->status, "active") == 0;

	g->days_since = g->last_evidence != NULL ?
	    days_between(g->last_evidence, b->day) :
	    g->created != NULL ? days_between(g->created, b->day) : -1;
	if (g->due != NULL && pl_date_valid(g->due))
		g->due_in = -days_between(g->due, b->day);
	g->overdue = active && g->due != NULL && g->due_in < 0;
	g->stalled = active && g->days_since >= b->r->stalled_days;
	if (!active || g->due == NULL || g->created == NULL || g->total == 0)
		return;
	span = days_between(g->created, b->day) + g->due_in;
	passed = days_between(g->created, b->day);
	g->time_share = span <= 0 ? 1.0 : (double)passed / (double)span;
	if (g->time_share < 0)
		g->time_share = 0;
	if (g->time_share > 1)
		g->time_share = 1;
	/* within half a step of where the time says is on pace */
	expected = g->time_share * (double)g->total;
	g->pace = (double)g->done + 0.5 < expected ? PL_PACE_BEHIND :
	    (double)g->done > expected + 0.5 ? PL_PACE_AHEAD : PL_PACE_ON;
}

static void
add_goal(struct build *b, const struct pl_goals *gs, size_t i)
{
	struct pl_report	*r = b->r;
	struct pl_report_goal	*g = &r->goals[r->ngoals++];
	const struct pl_goal	*s = &gs->g[i];
	const struct pl_entry	*e = gs->l.v[i];
	struct pl_tasks		 t;
	size_t			 k;

	g->id = pl_xstrdup(e->id);
	g->title = pl_xstrdup(s->title != NULL ? s->title : "");
	g->term = pl_xstrdup(s->term != NULL ? s->term : "short");
	g->status = pl_xstrdup(s->status != NULL ? s->status : "active");
	g->created = dup_or_null(s->created);
	g->due = dup_or_null(s->due);
	if (s->parent != NULL && !hidden(b, "goal", s->parent))
		g->parent = pl_xstrdup(s->parent);
	g->why = pl_md_section(e->doc->body, PL_GOAL_WHY);
	if (g->why != NULL && *g->why == '\0') {
		free(g->why);
		g->why = NULL;
	}
	g->done = s->done;
	g->total = s->total;
	pl_md_tasks(&t, e->doc->body, PL_GOAL_STEPS);
	for (k = 0; k < t.n; k++)
		if (!t.v[k].done)
			pl_strlist_push(&g->next, t.v[k].text);
	pl_tasks_release(&t);
	get_list(b, e, "standards", NULL, &g->standards);
}

/* A later date of evidence for goal g. */
static void
seen_on(struct pl_report_goal *g, const char *date)
{
	if (date == NULL || (g->last_evidence != NULL &&
	    strcmp(date, g->last_evidence) <= 0))
		return;
	free(g->last_evidence);
	g->last_evidence = pl_xstrdup(date);
}

/*
 * Links each goal to its evidence and reflections in one pass over them
 * (newest first, so the lists are too): at[] is each goal's place in the
 * report, -1 for one left out.  Evidence for a goal counts as evidence
 * of its long-term goal too, for its last date.
 */
static void
link_goals(struct build *b, const struct pl_goals *gs, const long *at)
{
	struct pl_report		*r = b->r;
	const struct pl_report_evidence	*v;
	const struct pl_report_reflection *f;
	size_t				 i, k;
	long				 j, up;

	for (i = 0; i < r->nevidence; i++) {
		v = &r->evidence[i];
		for (k = 0; k < v->goals.n; k++) {
			if ((j = pl_goals_find(gs, v->goals.v[k])) < 0 ||
			    at[j] < 0)
				continue;
			pl_strlist_push(&r->goals[at[j]].evidence, v->id);
			seen_on(&r->goals[at[j]], v->date);
			if ((up = gs->g[j].up) >= 0 && at[up] >= 0)
				seen_on(&r->goals[at[up]], v->date);
		}
	}
	for (i = 0; i < r->nreflections; i++) {
		f = &r->reflections[i];
		for (k = 0; k < f->goals.n; k++)
			if ((j = pl_goals_find(gs, f->goals.v[k])) >= 0 &&
			    at[j] >= 0)
				pl_strlist_push(&r->goals[at[j]].reflections,
				    f->id);
	}
	for (i = 0; i < r->ngoals; i++)
		flag_goal(b, &r->goals[i]);
}

/* Reads the entries once, and hides what the view leaves out. */
static int
read_entries(struct build *b)
{
	int	err;

	if ((err = pl_goals_read(&b->gs, b->p, &b->r->warnings)) != PL_OK ||
	    (err = pl_entry_list(&b->ev, b->p, PL_KIND_EVIDENCE,
	    &b->r->warnings)) != PL_OK ||
	    (err = pl_entry_list(&b->refl, b->p, PL_KIND_REFLECTION,
	    &b->r->warnings)) != PL_OK)
		return err;
	hide(b, &b->gs.l, "goal");
	hide(b, &b->ev, "evidence");
	hide(b, &b->refl, "reflection");
	pl_strlist_sort(&b->hidden);
	return PL_OK;
}

/*
 * The report's evidence, reflections and goals.  Evidence is put in date
 * order in a list of its own: the standards, built meanwhile, look it up
 * by id in b->ev.
 */
static void
add_entries(struct build *b)
{
	struct pl_report	*r = b->r;
	struct pl_entries	 ev;
	long			*at;
	size_t			 i;

	ev.n = b->ev.n;
	ev.v = pl_xcalloc(ev.n + 1, sizeof *ev.v);
	memcpy(ev.v, b->ev.v, ev.n * sizeof *ev.v);
	pl_entries_sort_by_date(&ev, "date");
	pl_entries_sort_by_date(&b->refl, "date");
	add_evidence(b, &ev);
	free(ev.v);
	add_reflections(b, &b->refl);
	r->goals = pl_xcalloc(b->gs.l.n + 1, sizeof *r->goals);
	at = pl_xcalloc(b->gs.l.n + 1, sizeof *at);
	for (i = 0; i < b->gs.l.n; i++) {
		at[i] = -1;
		if (!hidden(b, "goal", b->gs.l.v[i]->id)) {
			at[i] = (long)r->ngoals;
			add_goal(b, &b->gs, i);
		}
	}
	link_goals(b, &b->gs, at);
	free(at);
}

/* The name of the level a score reaches (a copy), or NULL for none. */
static char *
level_name(const struct pl_scale *s, double score, int scored)
{
	const char	*name = scored ? pl_scale_name(s, score) : NULL;

	return name != NULL ? pl_xstrdup(name) : NULL;
}

/* Takes out of l the ids hidden as kind. */
static void
unhide_list(struct build *b, struct pl_strlist *l, const char *kind)
{
	struct pl_strlist	keep = PL_STRLIST_INIT;
	size_t			i;

	for (i = 0; i < l->n; i++)
		if (!hidden(b, kind, l->v[i]))
			pl_strlist_push(&keep, l->v[i]);
	pl_strlist_release(l);
	*l = keep;
}

/*
 * The rows of st without what is hidden: private evidence and its
 * ratings, private goals, and the mastery computed again without them.
 */
static void
unhide_rows(struct build *b, struct pl_align_status *st)
{
	struct pl_align_row	*row;
	size_t			 i, k, n;

	if (b->hidden.n == 0)
		return;
	for (i = 0; i < st->n; i++) {
		row = &st->rows[i];
		for (k = n = 0; k < row->nratings; k++)
			if (!hidden(b, "evidence", row->ratings[k].evidence))
				row->ratings[n++] = row->ratings[k];
		row->nratings = n;
		unhide_list(b, &row->evidence, "evidence");
		unhide_list(b, &row->goals, "goal");
		pl_mastery_compute(&row->mastery, &b->r->scale, b->r->method,
		    row->ratings, row->nratings);
	}
}

static void
add_standard(struct build *b, const struct pl_align_row *row)
{
	struct pl_report		*r = b->r;
	struct pl_report_standard	*s = &r->standards[r->nstandards++];
	struct pl_mastery		 m;
	size_t				 k;

	s->code = pl_xstrdup(row->std->code);
	s->framework = pl_xstrdup(row->std->framework);
	s->grade = pl_xstrdup(row->std->grade);
	s->subject = pl_xstrdup(row->std->subject);
	s->description = pl_xstrdup(row->std->description);
	s->goals = row->goals.n;
	s->evidence = row->evidence.n;
	s->ratings = row->nratings;
	s->score = row->mastery.score;
	s->scored = row->mastery.scored;
	s->score_unrounded = row->mastery.unrounded;
	s->at_mastery = row->mastery.at_mastery;
	s->mastered = row->mastery.mastered;
	s->level = level_name(&r->scale, s->score, s->scored);
	s->points = pl_xcalloc(row->nratings + 1, sizeof *s->points);
	for (k = 0; k < row->nratings; k++) {
		pl_mastery_compute(&m, &r->scale, r->method, row->ratings,
		    k + 1);
		snprintf(s->points[k].date, sizeof s->points[k].date, "%s",
		    row->ratings[k].work_date != NULL ?
		    row->ratings[k].work_date : "");
		s->points[k].level = row->ratings[k].level;
		s->points[k].score = m.score;
		s->points[k].scored = m.scored;
		s->points[k].at_mastery = m.at_mastery;
	}
	s->npoints = row->nratings;
	r->covered += s->evidence > 0;
	r->mastered += s->mastered;
}

/*
 * The standards aligned to anything, from the entries read already
 * (in id order: the status looks goals up by id); warnings to warnings.
 */
static int
add_standards(struct build *b, struct pl_strlist *warnings)
{
	struct pl_report	*r = b->r;
	struct pl_align_status	*st = &b->st;
	size_t			 i;
	int			 err;

	if ((err = pl_scale_load(&r->scale, b->p)) != PL_OK)
		return err;
	r->method = b->o->method_set ? b->o->method : r->scale.method;
	b->have_st = 1;
	if ((err = pl_align_status_of(st, b->p, &r->scale, r->method,
	    &b->gs.l, &b->ev, warnings)) != PL_OK)
		return err;
	unhide_rows(b, st);
	r->in_scope = st->n;
	r->standards = pl_xcalloc(st->n + 1, sizeof *r->standards);
	for (i = 0; i < st->n; i++)
		if (st->rows[i].goals.n > 0 || st->rows[i].evidence.n > 0)
			add_standard(b, &st->rows[i]);
	return PL_OK;
}

/* add_standards() on a thread of its own, beside add_entries(). */
struct standards_job {
	struct build		*b;
	struct pl_strlist	 warnings;
	int			 err;
	char			*error;		/* its message, when err */
	pthread_t		 thread;
};

static void *
standards_run(void *arg)
{
	struct standards_job	*j = arg;

	if ((j->err = add_standards(j->b, &j->warnings)) != PL_OK)
		j->error = pl_xstrdup(pl_error_last());
	return NULL;
}

/*
 * The standards (which read the repository) and the report's entries
 * (which read the parsed entries alone) need nothing of each other, so
 * they are built on two cores; the warnings come out in the order one
 * thread would give them.
 */
static int
add_standards_and_entries(struct build *b)
{
	struct standards_job	 j = { b, PL_STRLIST_INIT, PL_OK, NULL, 0 };
	int			 started;

	started = pthread_create(&j.thread, NULL, standards_run, &j) == 0;
	if (!started)
		standards_run(&j);
	add_entries(b);
	if (started)
		pthread_join(j.thread, NULL);
	pl_strlist_copy(&b->r->warnings, &j.warnings);
	pl_strlist_release(&j.warnings);
	if (j.err != PL_OK)
		pl_error_set(j.err, "%s", j.error);
	free(j.error);
	return j.err;
}

static struct pl_date
from_days(long days)
{
	return pl_date_from_time((time_t)days * 86400, 0);
}

/* The days number of the Monday of d's week (1970-01-01 was a Thursday). */
static long
monday(struct pl_date d)
{
	long	n = pl_date_days(d);

	return n - (((n + 3) % 7) + 7) % 7;
}

static void
add_weeks(struct build *b)
{
	struct pl_report	*r = b->r;
	struct pl_date		 d;
	long			 first, last, i;

	last = monday(b->until);
	first = b->window ? monday(b->since) :
	    last - 7 * (PL_REPORT_WEEKS - 1);
	/* no weeks before the portfolio began, unless asked for */
	if (!b->window && r->started != NULL && pl_date_valid(r->started) &&
	    pl_date_parse(&d, r->started, b->day) == PL_OK &&
	    monday(d) > first)
		first = monday(d) > last ? last : monday(d);
	r->nweeks = (size_t)((last - first) / 7 + 1);
	r->weeks = pl_xcalloc(r->nweeks, sizeof *r->weeks);
	b->first_week = first;
	for (i = 0; i < (long)r->nweeks; i++)
		pl_date_format(r->weeks[i].monday, from_days(first + 7 * i));
	memcpy(r->week_from, r->weeks[0].monday, sizeof r->week_from);
}

static int
is(const char *a, const char *b)
{
	return a != NULL && strcmp(a, b) == 0;
}

/*
 * What kind of event a change is, or -1: pl's own commits by their
 * trailers; a hand-made commit only when it added an entry's file.
 */
static int
event_type(const struct pl_change *c)
{
	if (c->path != NULL && (!is(c->action, "add") ||
	    strcmp(c->path + strlen(c->path) - 3, ".md") != 0))
		return -1;
	if (is(c->kind, "goal") && is(c->action, "add"))
		return PL_EVENT_GOAL_SET;
	if (is(c->kind, "goal") && is(c->action, "done"))
		return PL_EVENT_STEP_DONE;
	if (is(c->kind, "goal") && is(c->action, "status") &&
	    is(c->status, "met"))
		return PL_EVENT_GOAL_MET;
	if (is(c->kind, "evidence") && is(c->action, "add"))
		return PL_EVENT_EVIDENCE;
	if (is(c->kind, "reflection") && is(c->action, "add"))
		return PL_EVENT_REFLECTION;
	if (is(c->kind, "evidence") && is(c->action, "rate"))
		return PL_EVENT_RATING;
	return -1;
}

static void
count_week(struct build *b, const struct pl_change *c, int type)
{
	struct pl_report_week	*w;
	long			 i = (monday(c->date) - b->first_week) / 7;

	if (i < 0 || i >= (long)b->r->nweeks)
		return;
	w = &b->r->weeks[i];
	switch (type) {
	case PL_EVENT_EVIDENCE:
		w->evidence++;
		break;
	case PL_EVENT_REFLECTION:
		w->reflections++;
		break;
	case PL_EVENT_STEP_DONE:
		w->steps++;
		break;
	case PL_EVENT_RATING:
		w->ratings++;
		break;
	default:
		w->other++;
	}
}

static void
count_person(struct build *b, const struct pl_change *c, int type,
    const char *date)
{
	struct pl_report		*r = b->r;
	struct pl_report_person		*who = NULL;
	size_t				 i;

	for (i = 0; i < r->npeople && who == NULL; i++)
		if (strcmp(r->people[i].name, c->author) == 0 &&
		    strcmp(r->people[i].email, c->email) == 0)
			who = &r->people[i];
	if (who == NULL) {
		r->people = pl_xrealloc(r->people, (r->npeople + 1) *
		    sizeof *r->people);
		who = &r->people[r->npeople++];
		memset(who, 0, sizeof *who);
		who->name = pl_xstrdup(c->author);
		who->email = pl_xstrdup(c->email);
		who->last = pl_xstrdup(date);
	}
	/* the walk goes back in time: each change is the first so far */
	free(who->first);
	who->first = pl_xstrdup(date);
	who->changes++;
	who->goals += type == PL_EVENT_GOAL_SET;
	who->steps += type == PL_EVENT_STEP_DONE;
	who->evidence += type == PL_EVENT_EVIDENCE;
	who->reflections += type == PL_EVENT_REFLECTION;
	who->ratings += type == PL_EVENT_RATING;
}

/*
 * A rating's signature: 1 from a key the portfolio trusts, -1 bad, 0
 * anything else (not signed, an unknown key, a check that could not run).
 */
static int
rating_signed(struct build *b, const struct pl_change *c)
{
	const struct pl_sig	*sig;

	if (pl_verify_commit(&sig, b->verifier, c->commit) != PL_OK) {
		pl_error_clear();
		return 0;
	}
	return sig->state == PL_SIG_GOOD ? 1 : sig->state == PL_SIG_BAD ?
	    -1 : 0;
}

static void
add_event(struct build *b, const struct pl_change *c, int type,
    const char *date, size_t *cap)
{
	struct pl_report	*r = b->r;
	struct pl_report_event	*e;
	char			*name;

	if (r->nevents == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		r->events = pl_xrealloc(r->events, *cap * sizeof *r->events);
	}
	e = &r->events[r->nevents++];
	memset(e, 0, sizeof *e);
	e->type = (enum pl_event_type)type;
	memcpy(e->date, date, sizeof e->date);
	e->author = pl_xstrdup(c->author);
	e->id = pl_xstrdup(c->id);
	if (type == PL_EVENT_RATING && b->verifier != NULL)
		e->verified = rating_signed(b, c);
	if (type == PL_EVENT_RATING) {
		e->standard = dup_or_null(c->standards.n > 0 ?
		    c->standards.v[0] : NULL);
		e->level = dup_or_null(c->level);
		/* the commit's sentence names the rater's email */
		name = c->level != NULL ? level_name(&r->scale,
		    strtod(c->level, NULL), 1) : NULL;
		e->detail = pl_xasprintf("Rated %s: %s%s%s%s", c->id,
		    c->level != NULL ? c->level : "?", name != NULL ? " (" :
		    "", name != NULL ? name : "", name != NULL ? ")" : "");
		free(name);
	} else
		e->detail = pl_xstrdup(c->detail != NULL ? c->detail : "");
}

/* A change to a hidden entry, or naming one as its goal. */
static int
change_hidden(struct build *b, const struct pl_change *c)
{
	if (b->hidden.n == 0)
		return 0;
	if (c->kind != NULL && hidden(b, c->kind, c->id))
		return 1;
	return c->goals.n == 1 && hidden(b, "goal", c->goals.v[0]);
}

static int
by_changes(const void *a, const void *b)
{
	const struct pl_report_person	*x = a, *y = b;
	int				 c;

	if (x->changes != y->changes)
		return x->changes > y->changes ? -1 : 1;
	if ((c = strcmp(x->name, y->name)) != 0)
		return c;
	return strcmp(x->email, y->email);
}

/*
 * The walk back from the report's commit: activity per week, who did
 * what (in the window, else in all history), and the window's events.
 * With a window the walk stops once changes are older than it (a few
 * in a row, as git's --since does, for merged work dated earlier).
 */
static int
walk(struct build *b)
{
	struct pl_history	*h = NULL;
	const struct pl_change	*c;
	char			 date[PL_DATE_LEN];
	size_t			 cap = 0;
	int			 err, type, older = 0;

	if ((err = pl_history_new(&h, b->p, b->r->commit)) != PL_OK)
		return err;
	/* ratings are checked against the teachers' keys, when it has them */
	if (b->window && pl_verifier_new(&b->verifier, b->p) == PL_OK &&
	    pl_verifier_trusts(b->verifier))
		b->r->signatures = 1;
	else {
		pl_error_clear();
		pl_verifier_free(b->verifier);
		b->verifier = NULL;
	}
	while ((err = pl_history_next(&c, h)) == PL_OK && c != NULL) {
		if (pl_date_cmp(c->date, b->until) > 0 || change_hidden(b, c))
			continue;
		if (b->window && pl_date_cmp(c->date, b->since) < 0) {
			if (++older >= 8)
				break;
			continue;
		}
		older = 0;
		pl_date_format(date, c->date);
		type = event_type(c);
		count_week(b, c, type);
		count_person(b, c, type, date);
		if (b->window && type >= 0)
			add_event(b, c, type, date, &cap);
	}
	pl_history_free(h);
	pl_verifier_free(b->verifier);
	b->verifier = NULL;
	if (b->r->npeople > 1)
		qsort(b->r->people, b->r->npeople, sizeof *b->r->people,
		    by_changes);
	return err;
}

/*
 * Mastery that moved in the window, per standard: from the ratings given
 * before it (by the date each was given) to all of them, each time read
 * in the order the work was done, by the same method.  A rating given
 * in the window therefore moves its standard even when it lands on the
 * same score; a standard rated before the window only stays out.
 */
static void
add_moves(struct build *b)
{
	struct pl_report		*r = b->r;
	const struct pl_align_row	*row;
	struct pl_report_move		*m;
	struct pl_rating		*before;
	struct pl_mastery		 then;
	char				 since[PL_DATE_LEN];
	const char			*d;
	size_t				 i, k, n;

	pl_date_format(since, b->since);
	r->moves = pl_xcalloc(b->st.n + 1, sizeof *r->moves);
	for (i = 0; i < b->st.n; i++) {
		row = &b->st.rows[i];
		before = pl_xcalloc(row->nratings + 1, sizeof *before);
		for (k = n = 0; k < row->nratings; k++) {
			d = row->ratings[k].date != NULL ?
			    row->ratings[k].date : row->ratings[k].work_date;
			if (d != NULL && strcmp(d, since) < 0)
				before[n++] = row->ratings[k];
		}
		pl_mastery_compute(&then, &r->scale, r->method, before, n);
		free(before);
		if (n == row->nratings)
			continue;
		m = &r->moves[r->nmoves++];
		m->code = pl_xstrdup(row->std->code);
		m->description = pl_xstrdup(row->std->description);
		m->had = n > 0;
		m->from = n > 0 ? then.score : 0;
		m->from_scored = then.scored;
		m->was_mastered = n > 0 && then.mastered;
		m->to = row->mastery.score;
		m->to_scored = row->mastery.scored;
		m->mastered = row->mastery.mastered;
	}
}

static int
looks_like_date(const char *s)
{
	size_t	i;

	if (strcmp(s, "today") == 0 || strcmp(s, "yesterday") == 0)
		return 1;
	for (i = 0; s[i] != '\0'; i++)
		if (!(s[i] >= '0' && s[i] <= '9') && s[i] != '-')
			return 0;
	return i > 0 && strchr(s, '-') != NULL;
}

static int
parse_date(struct pl_date *out, const char *s, struct pl_date today,
    const char *what)
{
	if (pl_date_parse(out, s, today) != PL_OK)
		return pl_error_set(PL_EINVAL, "invalid %s date '%s' (use "
		    "YYYY-MM-DD, today or yesterday)", what, s);
	return PL_OK;
}

static int
stalled_days(long *out, struct pl_portfolio *p)
{
	char	*s = NULL, *end;
	long	 n;
	int	 err;

	*out = PL_REPORT_STALLED_DAYS;
	if ((err = pl_portfolio_setting(&s, p, "report.stalledDays")) !=
	    PL_OK || s == NULL)
		return err;
	n = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || n < 1 || n > 36500)
		err = pl_error_set(PL_EPARSE, "%s: 'report.stalledDays' must "
		    "be a number of days from 1 to 36500, not '%s'",
		    PL_SETTINGS_FILE, s);
	else
		*out = n;
	free(s);
	return err;
}

/*
 * Opens in b->own the portfolio at commit id, unless it is the one head
 * reads; b->p is whichever it reads.  Found again by its git folder.
 */
static int
read_at(struct build *b, struct pl_portfolio *head, const char *id)
{
	struct pl_date	d;
	char		now[41];
	int		err;

	pl_portfolio_commit(now, &d, head);
	b->p = head;
	if (strcmp(now, id) == 0)
		return PL_OK;
	if ((err = pl_portfolio_open(&b->own, git_repository_path(
	    pl_portfolio_repo(head)), id)) != PL_OK)
		return err;
	b->p = b->own;
	return PL_OK;
}

/*
 * Which commit the report is made from and which day it speaks of:
 * --as-of's date or revision, else --until's date, else HEAD today.
 */
static int
pick_commit(struct build *b, struct pl_portfolio *head)
{
	const struct pl_report_options	*o = b->o;
	struct pl_date			 today, d;
	const char			*as_of = o->as_of;
	char				 id[41];
	int				 err;

	if ((err = pl_portfolio_today(&today, head)) != PL_OK)
		return err;
	if (o->since != NULL && (err = parse_date(&b->since, o->since, today,
	    "--since")) != PL_OK)
		return err;
	if (o->until != NULL && (err = parse_date(&b->until, o->until, today,
	    "--until")) != PL_OK)
		return err;
	if (as_of == NULL && o->until != NULL)
		as_of = o->until;
	if (as_of == NULL) {
		/* a clock behind the last commit cannot date the report */
		pl_portfolio_commit(id, &d, head);
		b->day = pl_date_cmp(today, d) < 0 ? d : today;
		b->p = head;
	} else if (looks_like_date(as_of)) {
		if ((err = parse_date(&b->day, as_of, today, "--as-of")) !=
		    PL_OK || (err = pl_history_until(id, head, b->day)) !=
		    PL_OK || (err = read_at(b, head, id)) != PL_OK)
			return err;
	} else {
		if ((err = pl_portfolio_open(&b->own, git_repository_path(
		    pl_portfolio_repo(head)), as_of)) != PL_OK)
			return err;
		b->p = b->own;
		pl_portfolio_commit(id, &b->day, b->p);
	}
	if (o->until == NULL)
		b->until = b->day;
	else if (pl_date_cmp(b->until, b->day) > 0)
		return pl_error_set(PL_EINVAL, "--until %s is after --as-of "
		    "%s", o->until, as_of);
	b->window = o->since != NULL;
	if (b->window && pl_date_cmp(b->since, b->until) > 0)
		return pl_error_set(PL_EINVAL, "the window ends (%s) before "
		    "it starts (%s)", o->until != NULL ? o->until : "as of",
		    o->since);
	return PL_OK;
}

static void
set_header(struct build *b)
{
	struct pl_report	*r = b->r;
	struct pl_date		 d;
	char			 s[PL_DATE_LEN];

	pl_portfolio_commit(r->commit, &d, b->p);
	pl_date_format(r->commit_date, d);
	pl_date_format(r->as_of, b->day);
	if (b->window) {
		pl_date_format(s, b->since);
		r->since = pl_xstrdup(s);
		pl_date_format(s, b->until);
		r->until = pl_xstrdup(s);
	}
	r->view = b->o->view;
	r->codes = b->o->view != PL_VIEW_FAMILY || b->o->codes;
}

int
pl_report_build(struct pl_report **out, struct pl_portfolio *head,
    const struct pl_report_options *o)
{
	struct build		 b;
	int			 err;

	*out = NULL;
	memset(&b, 0, sizeof b);
	b.o = o;
	b.r = pl_xcalloc(1, sizeof *b.r);
	if ((err = pick_commit(&b, head)) != PL_OK)
		goto done;
	set_header(&b);
	if ((err = stalled_days(&b.r->stalled_days, b.p)) != PL_OK ||
	    (err = add_profile(&b)) != PL_OK ||
	    (err = read_entries(&b)) != PL_OK ||
	    (err = add_standards_and_entries(&b)) != PL_OK)
		goto done;
	add_weeks(&b);
	if ((err = walk(&b)) != PL_OK)
		goto done;
	if (b.window)
		add_moves(&b);
	*out = b.r;
	b.r = NULL;
done:
	if (b.have_st)
		pl_align_status_release(&b.st);
	pl_goals_release(&b.gs);
	pl_entries_release(&b.ev);
	pl_entries_release(&b.refl);
	pl_strlist_release(&b.hidden);
	pl_portfolio_free(b.own);
	pl_report_free(b.r);
	return err;
}

static void
free_goal(struct pl_report_goal *g)
{
	free(g->id);
	free(g->title);
	free(g->term);
	free(g->status);
	free(g->created);
	free(g->due);
	free(g->parent);
	free(g->why);
	free(g->last_evidence);
	pl_strlist_release(&g->next);
	pl_strlist_release(&g->evidence);
	pl_strlist_release(&g->reflections);
	pl_strlist_release(&g->standards);
}

static void
free_evidence(struct pl_report_evidence *v)
{
	free(v->id);
	free(v->title);
	free(v->date);
	free(v->kind);
	free(v->description);
	pl_strlist_release(&v->goals);
	pl_strlist_release(&v->standards);
	pl_strlist_release(&v->files);
}

static void
free_reflection(struct pl_report_reflection *v)
{
	free(v->id);
	free(v->date);
	free(v->summary);
	free(v->body);
	pl_strlist_release(&v->goals);
	pl_strlist_release(&v->evidence);
}

static void
free_standard(struct pl_report_standard *s)
{
	free(s->code);
	free(s->framework);
	free(s->grade);
	free(s->subject);
	free(s->description);
	free(s->level);
	free(s->points);
}

void
pl_report_free(struct pl_report *r)
{
	if (r == NULL)
		return;
	pl_report_release(r);
	free(r);
}

void
pl_report_release(struct pl_report *r)
{
	size_t	i;

	free(r->since);
	free(r->until);
	free(r->name);
	free(r->learner_id);
	free(r->grade);
	free(r->started);
	pl_strlist_release(&r->strengths);
	pl_strlist_release(&r->needs);
	pl_strlist_release(&r->interests);
	pl_strlist_release(&r->learns_best);
	for (i = 0; i < r->ngoals; i++)
		free_goal(&r->goals[i]);
	free(r->goals);
	for (i = 0; i < r->nevidence; i++)
		free_evidence(&r->evidence[i]);
	free(r->evidence);
	for (i = 0; i < r->nreflections; i++)
		free_reflection(&r->reflections[i]);
	free(r->reflections);
	pl_scale_release(&r->scale);
	for (i = 0; i < r->nstandards; i++)
		free_standard(&r->standards[i]);
	free(r->standards);
	free(r->weeks);
	for (i = 0; i < r->npeople; i++) {
		free(r->people[i].name);
		free(r->people[i].email);
		free(r->people[i].first);
		free(r->people[i].last);
	}
	free(r->people);
	for (i = 0; i < r->nevents; i++) {
		free(r->events[i].author);
		free(r->events[i].id);
		free(r->events[i].detail);
		free(r->events[i].standard);
		free(r->events[i].level);
	}
	free(r->events);
	for (i = 0; i < r->nmoves; i++) {
		free(r->moves[i].code);
		free(r->moves[i].description);
	}
	free(r->moves);
	pl_strlist_release(&r->warnings);
	memset(r, 0, sizeof *r);
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
