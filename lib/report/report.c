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

#include "pl/progress/align.h"
#include "pl/entries/evidence.h"
#include "pl/entries/goal.h"
#include "pl/progress/history.h"
#include "pl/base/md.h"
#include "pl/entries/reflection.h"
#include "pl/report/report.h"
#include "pl/progress/verify.h"
#include "pl/entries/visibility.h"
#include "base/render.h"

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
	struct pl_strlist		 hidden;	/* "kind/id" left out */
	/* The entries, read once for everything. */
	struct pl_entry			*profile;	/* or NULL */
	struct pl_goals			 gs;
	struct pl_entries		 ev, refl;
	struct pl_align_status		 st;
	int				 have_st;
	struct pl_verifier		*verifier;	/* NULL: no keys */
	/* The family view: what is left out (NULL in the others). */
	struct pl_visibility		*vis;
	/* The walk's changes, counted once what is left out is known. */
	struct seen			*seen;
	size_t				 nseen, capseen;
	size_t				 nevents;	/* of them, events */
	struct pl_report_person		*persons;	/* every author */
	size_t				 npersons;
	/* The commit before the window, for what moved. */
	struct pl_portfolio		*then;		/* or NULL: none */
	struct pl_entries		 then_goals, then_ev, then_refl;
	struct pl_entries		 then_own[3];	/* read, not
							   borrowed */
	struct pl_align_status		 then_st;	/* its standards */
	int				 have_then_st;
	struct pl_strlist		 then_hidden;	/* "kind/id" */
};

/* A change of the walk, with what it will count for. */
struct seen {
	int			 type;		/* enum pl_event_type, or -1 */
	struct pl_date		 date;
	size_t			 person;	/* in persons */
	size_t			 lineage;	/* or PL_NO_LINEAGE */
	char			 commit[41];
	struct pl_report_event	*event;		/* in the window, or NULL */
};

static int
str_cmp(const void *key, const void *s)
{
	return strcmp(key, *(char *const *)s);
}

/* 1 when kind's id is in l, a sorted list of "kind/id". */
static int
listed(const struct pl_strlist *l, const char *kind, const char *id)
{
	char	*k;
	int	 found;

	if (l->n == 0 || id == NULL)
		return 0;
	k = pl_xasprintf("%s/%s", kind, id);
	found = bsearch(k, l->v, l->n, sizeof *l->v, str_cmp) != NULL;
	free(k);
	return found;
}

/* 1 when kind's id, as the report's commit has it, is left out. */
static int
hidden(const struct build *b, const char *kind, const char *id)
{
	return listed(&b->hidden, kind, id);
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

/* Reads the profile into b->profile; one that cannot be read is a warning. */
static int
read_profile(struct build *b)
{
	int	err;

	if ((err = pl_entry_load(&b->profile, b->p, PL_KIND_PROFILE, NULL)) ==
	    PL_OK)
		return PL_OK;
	if (err != PL_EPARSE && err != PL_ENOTFOUND)
		return err;
	pl_strlist_push(&b->r->warnings, pl_error_last());
	pl_error_clear();
	return PL_OK;
}

static void
add_profile(struct build *b)
{
	struct pl_report	*r = b->r;
	const struct pl_entry	*e = b->profile;
	const char		*body;

	if (e == NULL) {
		r->name = pl_xstrdup("");
		r->learner_id = pl_xstrdup("");
		return;
	}
	r->name = pl_xstrdup(pl_doc_get(e->doc, "name") != NULL ?
	    pl_doc_get(e->doc, "name") : "");
	r->learner_id = pl_xstrdup(pl_doc_get(e->doc, "id") != NULL ?
	    pl_doc_get(e->doc, "id") : "");
	r->grade = dup_or_null(pl_doc_get(e->doc, "grade"));
	r->started = dup_or_null(pl_doc_get(e->doc, "started"));
	body = e->doc->body;
	if (!hidden(b, "profile", "")) {
		pl_md_items(&r->strengths, body, "Strengths");
		pl_md_items(&r->needs, body, "Needs");
		pl_md_items(&r->interests, body, "Interests");
		pl_md_items(&r->learns_best, body, "How I learn best");
	}
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

/*
 * 1 when path is plain and lies in the folder of evidence the view
 * shows ("evidence/ID/NAME", as pl evidence attach puts it): the
 * entries' rule decides for their files too, so a file in the folder of
 * evidence left out, a goal's or a reflection's file, or anything
 * outside evidence/ is never shown, whichever entry lists it.
 */
static int
file_shown(const struct build *b, const char *path)
{
	const char	*p, *seg, *slash;
	char		*id;
	size_t		 i, n;
	int		 ok = 0;

	if (strncmp(path, "evidence/", 9) != 0)
		return 0;
	for (p = path + 9, n = 0; ; p = slash + 1, n++) {
		seg = p;
		slash = strchr(p, '/');
		i = slash != NULL ? (size_t)(slash - seg) : strlen(seg);
		if (i == 0 || (i == 1 && seg[0] == '.') ||
		    (i == 2 && strncmp(seg, "..", 2) == 0) ||
		    memchr(seg, '\\', i) != NULL)
			return 0;
		if (slash == NULL)
			break;
	}
	if (n == 0)
		return 0;
	/* in r->evidence: the evidence the view left out is not there */
	id = pl_xstrndup(path + 9, strcspn(path + 9, "/"));
	for (i = 0; i < b->r->nevidence && !ok; i++)
		ok = strcmp(b->r->evidence[i].id, id) == 0;
	free(id);
	return ok;
}

/* Which files of the evidence the family view may show. */
static void
add_shown(struct build *b)
{
	struct pl_report_evidence	*v;
	size_t				 i, k;

	if (b->vis == NULL)
		return;
	for (i = 0; i < b->r->nevidence; i++) {
		v = &b->r->evidence[i];
		v->shown = pl_xcalloc(v->files.n + 1, sizeof *v->shown);
		for (k = 0; k < v->files.n; k++)
			v->shown[k].may_show = file_shown(b, v->files.v[k]);
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

/* No date is 0 days here (the class report's days_to() says -1). */
static long
days_between(const char *from, struct pl_date to)
{
	long	n;

	return pl_date_since(&n, from, to) ? n : 0;
}

/*
 * The share of created..due gone by the as-of day, 0 to 1, for every
 * goal with both dates, whatever its status or steps.
 */
static double
time_share(const struct build *b, const struct pl_report_goal *g)
{
	long	span, passed;
	double	share;

	passed = days_between(g->created, b->day);
	span = passed + g->due_in;
	share = span <= 0 ? 1.0 : (double)passed / (double)span;
	return share < 0 ? 0 : share > 1 ? 1 : share;
}

/* Overdue, stalled and pace, against the as-of day. */
static void
flag_goal(struct build *b, struct pl_report_goal *g)
{
	double	expected;
	int	active = strcmp(g->status, "active") == 0;

	g->days_since = g->last_evidence != NULL ?
	    days_between(g->last_evidence, b->day) :
	    g->created != NULL ? days_between(g->created, b->day) : -1;
	if (g->due != NULL && pl_date_valid(g->due))
		g->due_in = -days_between(g->due, b->day);
	g->overdue = active && g->due != NULL && g->due_in < 0;
	g->stalled = active && g->days_since >= b->r->stalled_days;
	if (g->due == NULL || g->created == NULL)
		return;
	g->time_share = time_share(b, g);
	if (!active || g->total == 0)
		return;
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

/* A later date of evidence for goal g, when it counts as of the day. */
static void
seen_on(const struct pl_report *r, struct pl_report_goal *g,
    const char *date)
{
	if (pl_report_last_evidence(r, g->last_evidence, date) ==
	    g->last_evidence)
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
			seen_on(r, &r->goals[at[j]], v->date);
			if ((up = gs->g[j].up) >= 0 && at[up] >= 0)
				seen_on(r, &r->goals[at[up]], v->date);
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

/* Reads the entries once, for everything the report says. */
static int
read_entries(struct build *b)
{
	int	err;

	if ((err = read_profile(b)) != PL_OK ||
	    (err = pl_goals_read(&b->gs, b->p, &b->r->warnings)) != PL_OK ||
	    (err = pl_entry_list(&b->ev, b->p, PL_KIND_EVIDENCE,
	    &b->r->warnings)) != PL_OK ||
	    (err = pl_entry_list(&b->refl, b->p, PL_KIND_REFLECTION,
	    &b->r->warnings)) != PL_OK)
		return err;
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
	add_shown(b);
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

/*
 * The entries of l that hidden does not list as kind's, borrowed (free
 * out->v alone): the standards are worked out from these, so what is
 * left out never counts and is never warned about.
 */
static void
visible(struct pl_entries *out, const struct pl_entries *l, const char *kind,
    const struct pl_strlist *hidden)
{
	size_t	i;

	out->v = pl_xcalloc(l->n + 1, sizeof *out->v);
	out->n = 0;
	for (i = 0; i < l->n; i++)
		if (!listed(hidden, kind, l->v[i]->id))
			out->v[out->n++] = l->v[i];
}

/* pl_align_status_of() of the goals and evidence hidden leaves. */
static int
status_of(struct build *b, struct pl_align_status *st, struct pl_portfolio *p,
    const struct pl_align_scope *sc, const struct pl_entries *goals,
    const struct pl_entries *ev, const struct pl_strlist *hidden,
    struct pl_strlist *warnings)
{
	struct pl_entries	g, e;
	int			err;

	visible(&g, goals, "goal", hidden);
	visible(&e, ev, "evidence", hidden);
	err = pl_align_status_of(st, p, &b->r->scale, b->r->method, sc, &g,
	    &e, warnings);
	free(g.v);
	free(e.v);
	return err;
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
/*
 * The standards at the commit before the window, for what moved, as the
 * view reads them.  What it cannot read there is left out without a
 * warning: the report's warnings are about its own commit.
 */
static int
add_then(struct build *b)
{
	struct pl_align_scope	every = { 0 };
	struct pl_strlist	junk = PL_STRLIST_INIT;
	int			err;

	if (b->then == NULL)
		return PL_OK;
	b->have_then_st = 1;
	err = status_of(b, &b->then_st, b->then, &every, &b->then_goals,
	    &b->then_ev, &b->then_hidden, &junk);
	pl_strlist_release(&junk);
	return err;
}

static int
add_standards(struct build *b, struct pl_strlist *warnings)
{
	struct pl_report	*r = b->r;
	struct pl_align_status	*st = &b->st;
	struct pl_align_scope	 sc = { 0 };
	size_t			 i;
	int			 err;

	b->have_st = 1;
	sc.learner = b->o->scope;
	sc.learner_grade = r->grade;
	if ((err = status_of(b, st, b->p, &sc, &b->gs.l, &b->ev, &b->hidden,
	    warnings)) != PL_OK)
		return err;
	r->in_scope = st->total;
	r->scope.asked = b->o->scope;
	r->scope.used = st->scope;
	r->scope.grade = r->grade != NULL ? pl_xstrdup(r->grade) : NULL;
	r->scope.standards = st->in_scope;
	r->scope.covered = st->covered;
	r->scope.mastered = st->mastered;
	r->standards = pl_xcalloc(st->n + 1, sizeof *r->standards);
	for (i = 0; i < st->n; i++)
		if (st->rows[i].goals.n > 0 || st->rows[i].evidence.n > 0)
			add_standard(b, &st->rows[i]);
	return add_then(b);
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

/*
 * The family view's warnings of files that could not be read, without
 * their names: a file that does not parse cannot say it is private.
 */
static void
withhold_names(struct pl_strlist *warnings)
{
	size_t	i, n;
	char	*w;

	for (i = 0; i < warnings->n; i++) {
		w = warnings->v[i];
		n = strcspn(w, "/:");
		warnings->v[i] = w[n] == '/' ? pl_xasprintf("a file in %.*s/ "
		    "could not be read", (int)n, w) : pl_xasprintf("%.*s could "
		    "not be read", (int)n, w);
		free(w);
	}
}

/* What the standards' warnings left out, beside the files read before. */
static void
count_left_out(struct build *b)
{
	struct pl_report_left_out	*l = &b->r->left_out;

	l->files += b->st.left_files;
	l->ratings = b->st.left_ratings;
	l->links = b->st.left_links;
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
count_week(struct build *b, const struct seen *c)
{
	struct pl_report_week	*w;
	long			 i = (monday(c->date) - b->first_week) / 7;

	if (i < 0 || i >= (long)b->r->nweeks)
		return;
	w = &b->r->weeks[i];
	switch (c->type) {
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

/* The place of c's author among every author of the walk. */
static size_t
person_of(struct build *b, const struct pl_change *c)
{
	struct pl_report_person	*who;
	size_t			 i;

	for (i = 0; i < b->npersons; i++)
		if (strcmp(b->persons[i].name, c->author) == 0 &&
		    strcmp(b->persons[i].email, c->email) == 0)
			return i;
	b->persons = pl_xrealloc(b->persons, (b->npersons + 1) *
	    sizeof *b->persons);
	who = &b->persons[b->npersons];
	memset(who, 0, sizeof *who);
	who->name = pl_xstrdup(c->author);
	who->email = pl_xstrdup(c->email);
	return b->npersons++;
}

static void
count_person(struct build *b, const struct seen *c)
{
	struct pl_report_person	*who = &b->persons[c->person];
	char			 date[PL_DATE_LEN];

	pl_date_format(date, c->date);
	/* the walk goes back in time: each change is the first so far */
	if (who->last == NULL)
		who->last = pl_xstrdup(date);
	free(who->first);
	who->first = pl_xstrdup(date);
	who->changes++;
	who->goals += c->type == PL_EVENT_GOAL_SET;
	who->steps += c->type == PL_EVENT_STEP_DONE;
	who->evidence += c->type == PL_EVENT_EVIDENCE;
	who->reflections += c->type == PL_EVENT_REFLECTION;
	who->ratings += c->type == PL_EVENT_RATING;
}

/*
 * A rating's signature: 1 from a key the portfolio trusts, -1 bad, 0
 * anything else (not signed, an unknown key, a check that could not run).
 */
static int
rating_signed(struct build *b, const char *commit)
{
	const struct pl_sig	*sig;

	if (pl_verify_commit(&sig, b->verifier, commit) != PL_OK) {
		pl_error_clear();
		return 0;
	}
	return sig->state == PL_SIG_GOOD ? 1 : sig->state == PL_SIG_BAD ?
	    -1 : 0;
}

static void
free_person(struct pl_report_person *p)
{
	free(p->name);
	free(p->email);
	free(p->first);
	free(p->last);
}

static void
free_event(struct pl_report_event *e)
{
	free(e->author);
	free(e->id);
	free(e->detail);
	free(e->standard);
	free(e->level);
}

/* The event change c makes in the window; kept once it is known visible. */
static struct pl_report_event *
make_event(const struct pl_change *c, int type)
{
	struct pl_report_event	*e = pl_xcalloc(1, sizeof *e);

	e->type = (enum pl_event_type)type;
	pl_date_format(e->date, c->date);
	e->author = pl_xstrdup(c->author);
	e->id = pl_xstrdup(c->id);
	if (type == PL_EVENT_RATING) {
		e->standard = dup_or_null(c->standards.n > 0 ?
		    c->standards.v[0] : NULL);
		e->level = dup_or_null(c->level);
	}
	/* a rating's names the rater's email: pl_report_event_words() */
	e->detail = pl_xstrdup(c->detail != NULL ? c->detail : "");
	return e;
}

/* The file of the entry a change is about, or NULL. */
static char *
entry_file(const struct pl_change *c)
{
	enum pl_kind	k;

	return pl_kind_parse(&k, c->kind) ? pl_entry_path(k, c->id) : NULL;
}

/* 1 when a change by hand is to an entry's own file, not one beside it. */
static int
own_file(const struct pl_change *c)
{
	char	*f = entry_file(c);
	int	 own = f != NULL && strcmp(f, c->path) == 0;

	free(f);
	return own;
}

/* Gives the visibility the version of path at the change (or before it). */
static int
read_version(struct build *b, struct pl_history *h, size_t l,
    const char *path, int before)
{
	struct pl_buf	 text = PL_BUF_INIT;
	struct pl_doc	*doc = NULL;
	int		 err;

	err = pl_history_read(&text, h, path, before);
	if (err == PL_OK && pl_doc_parse(&doc, path, text.ptr, text.len) ==
	    PL_OK)
		pl_visibility_version(b->vis, l, doc);
	/* a version that is not there or does not parse says nothing */
	if (err == PL_ENOTFOUND || err == PL_OK) {
		pl_error_clear();
		err = PL_OK;
	}
	pl_doc_free(doc);
	pl_buf_release(&text);
	return err;
}

/*
 * What a change tells of what the family may see, into *l its lineage.
 * Only an edit (in the editor or by hand) can make an entry private, so
 * those versions are read, and the last version of an entry removed;
 * a rename joins the older id to the lineage.
 */
static int
follow(struct build *b, struct pl_history *h, const struct pl_change *c,
    size_t *l)
{
	char	*file;
	int	 err = PL_OK;

	if ((*l = pl_visibility_lineage(b->vis, c->kind, c->id)) ==
	    PL_NO_LINEAGE)
		return PL_OK;
	if (c->path != NULL)
		return own_file(c) ? read_version(b, h, *l, c->path,
		    is(c->action, "rm")) : PL_OK;
	if (is(c->action, "mv") && c->old_id != NULL)
		pl_visibility_renamed(b->vis, c->kind, c->old_id, c->id);
	else if (is(c->action, "edit") || is(c->action, "rm")) {
		file = entry_file(c);
		err = read_version(b, h, *l, file, is(c->action, "rm"));
		free(file);
	}
	return err;
}

/* Keeps change c of the walk, to count once visibility is settled. */
static void
keep_change(struct build *b, const struct pl_change *c, size_t l)
{
	struct seen	*s;

	if (b->nseen == b->capseen) {
		b->capseen = b->capseen ? b->capseen * 2 : 64;
		b->seen = pl_xrealloc(b->seen, b->capseen * sizeof *b->seen);
	}
	s = &b->seen[b->nseen++];
	s->type = event_type(c);
	s->date = c->date;
	s->person = person_of(b, c);
	s->lineage = l;
	memcpy(s->commit, c->commit, sizeof s->commit);
	s->event = b->window && s->type >= 0 ? make_event(c, s->type) :
	    NULL;
	b->nevents += s->event != NULL;
}

/*
 * The walk back from the report's commit: every change up to it (to
 * follow entries through renames, and see which were private), kept
 * when it is in the window (or, without one, up to its end).  With a
 * window the walk stops once changes are older than it (a few in a row,
 * as git's --since does, for merged work dated earlier).
 */
static int
walk(struct build *b)
{
	struct pl_history	*h = NULL;
	const struct pl_change	*c;
	size_t			 l;
	int			 err, older = 0;

	if ((err = pl_history_new(&h, b->p, b->r->commit)) != PL_OK)
		return err;
	while ((err = pl_history_next(&c, h)) == PL_OK && c != NULL) {
		if (b->window && pl_date_cmp(c->date, b->since) < 0) {
			if (++older >= 8)
				break;
			continue;
		}
		older = 0;
		l = PL_NO_LINEAGE;
		if (b->vis != NULL && (err = follow(b, h, c, &l)) != PL_OK)
			break;
		if (pl_date_cmp(c->date, b->until) <= 0)
			keep_change(b, c, l);
	}
	pl_history_free(h);
	return err;
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

/* Ratings are checked against the teachers' keys, when it has them. */
static void
open_verifier(struct build *b)
{
	if (b->window && pl_verifier_new(&b->verifier, b->p, NULL) == PL_OK &&
	    pl_verifier_trusts(b->verifier)) {
		b->r->signatures = 1;
		return;
	}
	pl_error_clear();
	pl_verifier_free(b->verifier);
	b->verifier = NULL;
}

/*
 * Counts the walk's changes that are not left out: activity per week,
 * who did what (in the window, else in all history), the window's
 * events, newest first.
 */
static void
count_changes(struct build *b)
{
	struct pl_report	*r = b->r;
	struct seen		*s;
	size_t			 i;

	open_verifier(b);
	r->events = pl_xcalloc(b->nevents + 1, sizeof *r->events);
	for (i = 0; i < b->nseen; i++) {
		s = &b->seen[i];
		if (pl_visibility_hidden(b->vis, s->lineage))
			continue;
		count_week(b, s);
		count_person(b, s);
		if (s->event == NULL)
			continue;
		if (s->type == PL_EVENT_RATING && b->verifier != NULL)
			s->event->verified = rating_signed(b, s->commit);
		r->events[r->nevents++] = *s->event;
		free(s->event);
		s->event = NULL;
	}
	pl_verifier_free(b->verifier);
	b->verifier = NULL;
	r->people = pl_xcalloc(b->npersons + 1, sizeof *r->people);
	for (i = 0; i < b->npersons; i++)
		if (b->persons[i].changes > 0) {
			r->people[r->npeople++] = b->persons[i];
			memset(&b->persons[i], 0, sizeof b->persons[i]);
		}
	if (r->npeople > 1)
		qsort(r->people, r->npeople, sizeof *r->people, by_changes);
}

static void
release_walk(struct build *b)
{
	size_t	i;

	for (i = 0; i < b->nseen; i++)
		if (b->seen[i].event != NULL) {
			free_event(b->seen[i].event);
			free(b->seen[i].event);
		}
	free(b->seen);
	for (i = 0; i < b->npersons; i++)
		free_person(&b->persons[i]);
	free(b->persons);
}

/*
 * The portfolio as the last commit before the window left it (by the
 * rule --as-of follows), for what moved: its evidence, and for the
 * family view its goals and reflections too, each entry whose file did
 * not change since borrowed from the report's commit rather than read
 * again.  None when the portfolio began in the window.  What it cannot read is left out without a warning:
 * the report's warnings are about its own commit.
 */
static int
read_then(struct build *b)
{
	struct pl_strlist	 junk = PL_STRLIST_INIT;
	char			 id[41];
	int			 err;

	err = pl_history_before(id, b->p, b->r->commit, b->since);
	if (err == PL_ENOTFOUND) {
		pl_error_clear();
		return PL_OK;
	}
	if (err != PL_OK || (err = pl_portfolio_open(&b->then,
	    git_repository_path(pl_portfolio_repo(b->p)), id)) != PL_OK)
		return err;
	/* mastery needs the evidence alone; what is left out, the rest */
	if ((err = pl_entry_list_beside(&b->then_ev, &b->then_own[0], b->then,
	    PL_KIND_EVIDENCE, &b->ev, b->p, &junk)) == PL_OK &&
	    b->vis != NULL &&
	    (err = pl_entry_list_beside(&b->then_goals, &b->then_own[1],
	    b->then, PL_KIND_GOAL, &b->gs.l, b->p, &junk)) == PL_OK)
		err = pl_entry_list_beside(&b->then_refl, &b->then_own[2],
		    b->then, PL_KIND_REFLECTION, &b->refl, b->p, &junk);
	pl_strlist_release(&junk);
	return err;
}

/* Entries l of kind, as read at one commit, to the visibility. */
static void
seed(struct build *b, const struct pl_entries *l, const char *kind,
    size_t *lineages)
{
	size_t	i;

	for (i = 0; i < l->n; i++) {
		lineages[i] = pl_visibility_lineage(b->vis, kind, l->v[i]->id);
		pl_visibility_version(b->vis, lineages[i], l->v[i]->doc);
	}
}

/* Into out ("kind/id", sorted), the entries of l that are left out. */
static void
list_hidden(struct build *b, const struct pl_entries *l, const char *kind,
    const size_t *lineages, struct pl_strlist *out)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		if (pl_visibility_hidden(b->vis, lineages[i]))
			pl_strlist_push_owned(out, pl_xasprintf("%s/%s", kind,
			    l->v[i]->id));
}

/*
 * The family view's walk: the versions of the report's commit first
 * (the newest), then the walk's, then those before the window (read
 * already); then what is left out, as lists of "kind/id" for the
 * report's commit and the one before the window.
 */
static int
see_history(struct build *b)
{
	const struct pl_entries	*now[] = { &b->gs.l, &b->ev, &b->refl };
	const struct pl_entries	*then[] = { &b->then_goals, &b->then_ev,
		&b->then_refl };
	static const char *const kinds[] = { "goal", "evidence",
		"reflection" };
	size_t			*at[3], *was[3], profile = PL_NO_LINEAGE;
	size_t			 k;
	int			 err;

	for (k = 0; k < 3; k++) {
		at[k] = pl_xcalloc(now[k]->n + 1, sizeof *at[k]);
		seed(b, now[k], kinds[k], at[k]);
	}
	if (b->profile != NULL) {
		profile = pl_visibility_lineage(b->vis, "profile", "");
		pl_visibility_version(b->vis, profile, b->profile->doc);
	}
	err = walk(b);
	for (k = 0; k < 3; k++) {
		was[k] = pl_xcalloc(then[k]->n + 1, sizeof *was[k]);
		seed(b, then[k], kinds[k], was[k]);
	}
	pl_visibility_settle(b->vis);
	for (k = 0; k < 3; k++) {
		list_hidden(b, now[k], kinds[k], at[k], &b->hidden);
		list_hidden(b, then[k], kinds[k], was[k], &b->then_hidden);
		free(at[k]);
		free(was[k]);
	}
	if (pl_visibility_hidden(b->vis, profile))
		pl_strlist_push(&b->hidden, "profile/");
	pl_strlist_sort(&b->hidden);
	pl_strlist_sort(&b->then_hidden);
	return err;
}

/*
 * The walk, and for a window the commit before it, read first: the walk
 * turns libgit2's tree cache off (pl_lib_walk_options()).  see_history()
 * in the family view.
 */
static int
read_history(struct build *b)
{
	int	err;

	if (b->o->view == PL_VIEW_FAMILY)
		b->vis = pl_visibility_new();
	if (b->window && (err = read_then(b)) != PL_OK)
		return err;
	return b->vis != NULL ? see_history(b) : walk(b);
}

/* A row of a status, found by its standard's framework and code. */
struct coded {
	const char			*framework;
	const char			*code;
	const struct pl_align_row	*row;
};

static int
by_code(const void *a, const void *b)
{
	const struct coded	*x = a, *y = b;
	int			 c;

	if ((c = strcmp(x->framework, y->framework)) != 0)
		return c;
	return strcmp(x->code, y->code);
}

/* The rows of st, sorted by framework and code.  The caller frees. */
static struct coded *
coded_rows(const struct pl_align_status *st)
{
	struct coded	*v = pl_xcalloc(st->n + 1, sizeof *v);
	size_t		 i;

	for (i = 0; i < st->n; i++)
		v[i] = (struct coded){ st->rows[i].std->framework,
		    st->rows[i].std->code, &st->rows[i] };
	qsort(v, st->n, sizeof *v, by_code);
	return v;
}

/* The row of standard s among v[0..n), or NULL. */
static const struct pl_align_row *
row_of(const struct coded *v, size_t n, const struct pl_standard *s)
{
	struct coded	 key = { s->framework, s->code, NULL };
	const struct coded *found;

	found = bsearch(&key, v, n, sizeof *v, by_code);
	return found != NULL ? found->row : NULL;
}

/* 1 when a standard's mastery differs between then and now (either NULL). */
static int
moved(const struct pl_align_row *then, const struct pl_align_row *now)
{
	int	had = then != NULL && then->nratings > 0;
	int	has = now != NULL && now->nratings > 0;

	if (had != has)
		return 1;
	if (!had)
		return 0;
	/* scores are rounded as they are shown, so equal is equal */
	return then->mastery.scored != now->mastery.scored ||
	    then->mastery.score != now->mastery.score ||
	    then->mastery.mastered != now->mastery.mastered;
}

static void
add_move(struct build *b, const struct pl_align_row *then,
    const struct pl_align_row *now)
{
	struct pl_report_move		*m = &b->r->moves[b->r->nmoves++];
	const struct pl_standard	*s = now != NULL ? now->std : then->std;

	m->code = pl_xstrdup(s->code);
	m->description = pl_xstrdup(s->description);
	m->had = then != NULL && then->nratings > 0;
	m->from_scored = m->had && then->mastery.scored;
	m->from = m->from_scored ? then->mastery.score : 0;
	m->was_mastered = m->had && then->mastery.mastered;
	m->has = now != NULL && now->nratings > 0;
	m->to_scored = m->has && now->mastery.scored;
	m->to = m->to_scored ? now->mastery.score : 0;
	m->mastered = m->has && now->mastery.mastered;
}

/*
 * Mastery that moved in the window: each standard whose mastery, by the
 * same method on the same scale, differs between the last commit before
 * the window and the report's, each read as the view reads it (see
 * add_then()), in framework order, a standard gone by the end among
 * them.
 */
static void
add_moves(struct build *b)
{
	struct pl_report	*r = b->r;
	const struct pl_align_status *then = &b->then_st;
	const struct pl_align_row *was;
	struct coded		*was_rows, *now_rows;
	size_t			 i, j;

	was_rows = coded_rows(then);
	now_rows = coded_rows(&b->st);
	r->moves = pl_xcalloc(b->st.n + then->n + 1, sizeof *r->moves);
	/* two lists in framework order, merged */
	for (i = 0, j = 0; i < b->st.n || j < then->n;) {
		if (j < then->n && row_of(now_rows, b->st.n,
		    then->rows[j].std) != NULL) {
			j++;	/* in both: taken from the end's list */
			continue;
		}
		if (i == b->st.n || (j < then->n && pl_standards_order(
		    &then->stds, then->rows[j].std, &b->st.stds,
		    b->st.rows[i].std) < 0)) {
			if (moved(&then->rows[j], NULL))
				add_move(b, &then->rows[j], NULL);
			j++;
			continue;
		}
		was = row_of(was_rows, then->n, b->st.rows[i].std);
		if (moved(was, &b->st.rows[i]))
			add_move(b, was, &b->st.rows[i]);
		i++;
	}
	free(was_rows);
	free(now_rows);
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

int
pl_report_date(struct pl_date *out, const char *s, struct pl_date today,
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
	if (o->since != NULL && (err = pl_report_date(&b->since, o->since,
	    today, "--since")) != PL_OK)
		return err;
	if (o->until != NULL && (err = pl_report_date(&b->until, o->until,
	    today, "--until")) != PL_OK)
		return err;
	if (as_of == NULL && o->until != NULL)
		as_of = o->until;
	if (as_of == NULL) {
		/* a clock behind the last commit cannot date the report */
		pl_portfolio_commit(id, &d, head);
		b->day = pl_date_cmp(today, d) < 0 ? d : today;
		b->p = head;
	} else if (looks_like_date(as_of)) {
		if ((err = pl_report_date(&b->day, as_of, today, "--as-of")) !=
		    PL_OK || (err = pl_history_until(id, head, NULL, b->day)) !=
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
	b->window = o->since != NULL;
	return pl_report_window(o, b->since, b->until, b->day, as_of);
}

int
pl_report_window(const struct pl_report_options *o, struct pl_date since,
    struct pl_date until, struct pl_date day, const char *as_of)
{
	if (o->until != NULL && pl_date_cmp(until, day) > 0)
		return pl_error_set(PL_EINVAL, "--until %s is after --as-of "
		    "%s", o->until, as_of);
	if (o->since != NULL && pl_date_cmp(since, o->until != NULL ? until :
	    day) > 0)
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
	size_t			 i;
	int			 err;

	*out = NULL;
	memset(&b, 0, sizeof b);
	b.o = o;
	b.r = pl_xcalloc(1, sizeof *b.r);
	if ((err = pick_commit(&b, head)) != PL_OK)
		goto done;
	set_header(&b);
	if ((err = stalled_days(&b.r->stalled_days, b.p)) != PL_OK ||
	    (err = pl_scale_load(&b.r->scale, b.p)) != PL_OK ||
	    (err = read_entries(&b)) != PL_OK ||
	    (err = read_history(&b)) != PL_OK)
		goto done;
	b.r->method = o->method_set ? o->method : b.r->scale.method;
	add_profile(&b);
	/* so far each warning is a file that could not be read */
	b.r->left_out.files = b.r->warnings.n;
	if (b.vis != NULL)
		withhold_names(&b.r->warnings);
	if ((err = add_standards_and_entries(&b)) != PL_OK)
		goto done;
	count_left_out(&b);
	add_weeks(&b);
	count_changes(&b);
	if (b.window)
		add_moves(&b);
	*out = b.r;
	b.r = NULL;
done:
	if (b.have_st)
		pl_align_status_release(&b.st);
	if (b.have_then_st)
		pl_align_status_release(&b.then_st);
	pl_entry_free(b.profile);
	pl_goals_release(&b.gs);
	pl_entries_release(&b.ev);
	pl_entries_release(&b.refl);
	pl_strlist_release(&b.hidden);
	release_walk(&b);
	pl_visibility_free(b.vis);
	free(b.then_goals.v);
	free(b.then_ev.v);
	free(b.then_refl.v);
	for (i = 0; i < 3; i++)
		pl_entries_release(&b.then_own[i]);
	pl_strlist_release(&b.then_hidden);
	pl_portfolio_free(b.then);
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
	size_t	i;

	free(v->id);
	free(v->title);
	free(v->date);
	free(v->kind);
	free(v->description);
	pl_strlist_release(&v->goals);
	pl_strlist_release(&v->standards);
	for (i = 0; v->shown != NULL && i < v->files.n; i++)
		free(v->shown[i].href);
	free(v->shown);
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

const struct pl_report_goal *
pl_report_goal_find(const struct pl_report *r, const char *id)
{
	size_t	i;

	for (i = 0; id != NULL && i < r->ngoals; i++)
		if (strcmp(r->goals[i].id, id) == 0)
			return &r->goals[i];
	return NULL;
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

const struct pl_report_standard *
pl_report_standard_find(const struct pl_report *r, const char *code)
{
	size_t	i;

	for (i = 0; code != NULL && i < r->nstandards; i++)
		if (strcmp(r->standards[i].code, code) == 0)
			return &r->standards[i];
	return NULL;
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
	pl_report_scope_release(&r->scope);
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
	for (i = 0; i < r->npeople; i++)
		free_person(&r->people[i]);
	free(r->people);
	for (i = 0; i < r->nevents; i++)
		free_event(&r->events[i]);
	free(r->events);
	for (i = 0; i < r->nmoves; i++) {
		free(r->moves[i].code);
		free(r->moves[i].description);
	}
	free(r->moves);
	pl_strlist_release(&r->warnings);
	memset(r, 0, sizeof *r);
}

int
pl_report_file_shown(const struct pl_report_evidence *e, size_t k)
{
	return e->shown != NULL && k < e->files.n && e->shown[k].may_show;
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

	if (pl_text_pct(p, sizeof p, part, whole))
		pl_buf_printf(out, " (%s%%)", p);
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

void
pl_report_scope_copy(struct pl_report_scope *out,
    const struct pl_report_scope *sc)
{
	*out = *sc;
	out->grade = sc->grade != NULL ? pl_xstrdup(sc->grade) : NULL;
}

void
pl_report_scope_release(struct pl_report_scope *sc)
{
	free(sc->grade);
	sc->grade = NULL;
}
