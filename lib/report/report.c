/*
 * Gathering a report: the committed tree of one commit for where things
 * stand (read here: the profile, goals, evidence, reflections and the
 * standards), the commit log up to it for how they got there
 * (report-history.c), and, with a window, the tree of the commit before
 * the window for what moved (report-moves.c).  The day flags are
 * measured against is the report's as-of day (report-window.c), never
 * the clock, so one commit and one set of options give one report.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pl/progress/align.h"
#include "pl/entries/evidence.h"
#include "pl/entries/goal.h"
#include "pl/base/md.h"
#include "pl/entries/reflection.h"
#include "pl/report/report.h"
#include "pl/entries/visibility.h"
#include "report/report-build.h"

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
	struct pl_md		*md;

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
	if (hidden(b, "profile", "")) {
		r->profile_hidden = 1;
		return;
	}
	/* one parse for the four sections */
	md = pl_md_parse(e->doc->body);
	pl_md_items_of(&r->strengths, md, "Strengths");
	pl_md_items_of(&r->needs, md, "Needs");
	pl_md_items_of(&r->interests, md, "Interests");
	pl_md_items_of(&r->learns_best, md, "How I learn best");
	pl_md_free(md);
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

/*
 * The files of the evidence the family view may show, and no other: a
 * file in the folder of a private entry names that entry, and one outside
 * evidence/ is not the work, so neither is in any format of the view
 * (the page, its JSON, its counts).
 */
static void
add_shown(struct build *b)
{
	struct pl_report_evidence	*v;
	struct pl_strlist		 kept;
	size_t				 i, k;

	if (b->vis == NULL)
		return;
	for (i = 0; i < b->r->nevidence; i++) {
		v = &b->r->evidence[i];
		pl_strlist_init(&kept);
		for (k = 0; k < v->files.n; k++)
			if (file_shown(b, v->files.v[k]))
				pl_strlist_push(&kept, v->files.v[k]);
		pl_strlist_release(&v->files);
		v->files = kept;
		v->shown = pl_xcalloc(v->files.n + 1, sizeof *v->shown);
		for (k = 0; k < v->files.n; k++)
			v->shown[k].may_show = 1;
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
		v->summary = pl_reflection_summary_of(e);
		if (v->summary == NULL)
			v->summary = pl_xstrdup("");
		get_list(b, e, "goals", "goal", &v->goals);
		get_list(b, e, "evidence", "evidence", &v->evidence);
	}
}

/* Days from a date its caller checked to the day. */
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

	/* a date that is none is unknown, as the class report's days_to() */
	if (!pl_date_since(&g->days_since, g->last_evidence != NULL ?
	    g->last_evidence : g->created, b->day))
		g->days_since = -1;
	if (g->due != NULL && pl_date_valid(g->due))
		g->due_in = -days_between(g->due, b->day);
	g->overdue = active && g->due != NULL && g->due_in < 0;
	g->stalled = active && g->days_since >= b->r->stalled_days;
	if (g->due == NULL || g->created == NULL ||
	    !pl_date_valid(g->created))
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
	struct pl_md		*md;
	size_t			 k;

	g->id = pl_xstrdup(e->id);
	g->title = pl_xstrdup(s->title != NULL ? s->title : "");
	g->term = pl_xstrdup(s->term != NULL ? s->term : "short");
	g->status = pl_xstrdup(s->status != NULL ? s->status : "active");
	g->created = dup_or_null(s->created);
	g->due = dup_or_null(s->due);
	if (s->parent != NULL && !hidden(b, "goal", s->parent))
		g->parent = pl_xstrdup(s->parent);
	/* one parse for why and the steps */
	md = pl_md_parse(e->doc->body);
	g->why = pl_md_section_of(md, PL_GOAL_WHY);
	if (g->why != NULL && *g->why == '\0') {
		free(g->why);
		g->why = NULL;
	}
	g->done = s->done;
	g->total = s->total;
	pl_md_tasks_of(&t, md, PL_GOAL_STEPS);
	pl_md_free(md);
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
	if ((err = pl_report_pick_commit(&b, head)) != PL_OK)
		goto done;
	set_header(&b);
	if ((err = stalled_days(&b.r->stalled_days, b.p)) != PL_OK ||
	    (err = pl_scale_load(&b.r->scale, b.p)) != PL_OK ||
	    (err = read_entries(&b)) != PL_OK ||
	    (err = pl_report_read_history(&b)) != PL_OK)
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
	pl_report_add_weeks(&b);
	pl_report_count_changes(&b);
	if (b.window)
		pl_report_add_moves(&b);
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
	pl_report_release_walk(&b);
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
