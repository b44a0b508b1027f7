/*
 * Freeing a report and its parts: pl_report_free() for one built,
 * pl_report_release() for one filled by hand.
 */
#include <stdlib.h>
#include <string.h>

#include "pl/report/report.h"
#include "report/report-build.h"

void
pl_report_person_release(struct pl_report_person *p)
{
	free(p->name);
	free(p->email);
	free(p->first);
	free(p->last);
}

void
pl_report_event_release(struct pl_report_event *e)
{
	free(e->author);
	free(e->id);
	free(e->detail);
	free(e->standard);
	free(e->level);
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
		pl_report_person_release(&r->people[i]);
	free(r->people);
	for (i = 0; i < r->nevents; i++)
		pl_report_event_release(&r->events[i]);
	free(r->events);
	for (i = 0; i < r->nmoves; i++) {
		free(r->moves[i].code);
		free(r->moves[i].description);
	}
	free(r->moves);
	pl_strlist_release(&r->warnings);
	memset(r, 0, sizeof *r);
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
