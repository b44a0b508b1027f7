/*
 * The class report as JSON, every field of struct pl_roster_report under
 * the keys docs/report-schema.md ("Roster") documents, written as
 * pl_report_json() writes a learner's: numbers as numbers, null for
 * what is absent (every number of a learner whose portfolio was not
 * read), keys in a fixed order, two-space indentation.
 */
#include <stdlib.h>
#include <string.h>

#include "pl/json.h"
#include "pl/roster.h"
#include "render.h"

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

/* A date kept as "" when there is none. */
static json_t *
day(const char *s)
{
	return *s != '\0' ? json_string(s) : json_null();
}

/* n, or null for a learner not read. */
static json_t *
count(int read, size_t n)
{
	return read ? size(n) : json_null();
}

/* The CSV's figure ("62.5") as a number, so both say the same. */
static json_t *
pct(int read, size_t part, size_t whole)
{
	char	s[24];

	return read && pl_text_pct(s, sizeof s, part, whole) ?
	    json_real(strtod(s, NULL)) : json_null();
}

/* The reasons, one string each: the builder joins them with "; ". */
static json_t *
reasons(const char *s)
{
	json_t		*a = json_array();
	const char	*sep;

	while (*s != '\0') {
		sep = strstr(s, "; ");
		if (sep == NULL) {
			json_array_append_new(a, json_string(s));
			break;
		}
		json_array_append_new(a, json_stringn(s, (size_t)(sep - s)));
		s = sep + 2;
	}
	return a;
}

static json_t *
extra(const struct pl_roster_report *r, const struct pl_roster_row *row)
{
	json_t	*o = json_object();
	size_t	 i;

	for (i = 0; i < r->extra.n; i++)
		set(o, r->extra.v[i], pl_json_str(i < row->extra.n ?
		    row->extra.v[i] : NULL));
	return o;
}

static json_t *
marks(const struct pl_roster_report *r, const struct pl_roster_learner *l)
{
	json_t			*a = json_array(), *m;
	const struct pl_roster_mark *k;
	size_t			 i;

	for (i = 0; i < l->nmarks; i++) {
		k = &l->marks[i];
		m = json_object();
		set(m, "code", pl_json_str(k->standard < r->nstandards ?
		    r->standards[k->standard].code : NULL));
		set(m, "state", json_string(pl_roster_mastery_names[k->state]));
		set(m, "score", k->state >= PL_ROSTER_DEVELOPING ?
		    json_real(k->score) : json_null());
		json_array_append_new(a, m);
	}
	return a;
}

static json_t *
window(const struct pl_roster_report *r, const struct pl_roster_learner *l)
{
	json_t	*o;

	if (r->since == NULL)
		return json_null();
	o = json_object();
	set(o, "evidence", size(l->window_evidence));
	set(o, "steps", size(l->window_steps));
	set(o, "met", size(l->window_met));
	set(o, "ratings", size(l->window_ratings));
	set(o, "moved", size(l->window_moved));
	return o;
}

/* What was read from the portfolio: null for one not read. */
static void
portfolio(json_t *o, const struct pl_roster_report *r,
    const struct pl_roster_learner *l)
{
	int	read = l->state == PL_ROSTER_READ;

	set(o, "name", pl_json_str(read ? l->name : NULL));
	set(o, "commit", read ? json_string(l->commit) : json_null());
	set(o, "commit_date", read ? day(l->commit_date) : json_null());
	set(o, "goals", count(read, l->goals));
	set(o, "active", count(read, l->active));
	set(o, "met", count(read, l->met));
	set(o, "overdue", count(read, l->overdue));
	set(o, "stalled", count(read, l->stalled));
	set(o, "behind", count(read, l->behind));
	set(o, "evidence_14d", count(read, l->evidence_short));
	set(o, "evidence_30d", count(read, l->evidence_long));
	set(o, "last_activity", read ? day(l->last_activity) : json_null());
	set(o, "last_evidence", read ? day(l->last_evidence) : json_null());
	set(o, "days_since_evidence", read && l->days_since >= 0 ?
	    json_integer(l->days_since) : json_null());
	set(o, "stalled_days", read ? json_integer(l->stalled_days) :
	    json_null());
	set(o, "standards_in_scope", count(read, l->in_scope));
	set(o, "covered", count(read, l->covered));
	set(o, "covered_pct", pct(read, l->covered, l->in_scope));
	set(o, "mastered", count(read, l->mastered));
	set(o, "mastered_pct", pct(read, l->mastered, l->in_scope));
	set(o, "window", read ? window(r, l) : json_null());
	set(o, "warnings", count(read, l->warnings));
}

static json_t *
learner(const struct pl_roster_report *r, const struct pl_roster_learner *l)
{
	const struct pl_roster_row	*row = l->row;
	json_t				*o = json_object();

	set(o, "learner", json_string(row->learner));
	set(o, "line", size(row->line));
	set(o, "group", json_string(row->group));
	set(o, "teacher", json_string(row->teacher));
	set(o, "family", json_string(row->family));
	set(o, "portfolio", json_string(row->portfolio));
	set(o, "path", pl_json_str(l->path));
	set(o, "page", pl_json_str(l->page));
	set(o, "state", json_string(pl_roster_state_names[l->state]));
	set(o, "problem", pl_json_str(l->problem));
	set(o, "attention", json_boolean(*l->reasons != '\0'));
	set(o, "reasons", reasons(l->reasons));
	set(o, "reasons_text", json_string(l->reasons));
	portfolio(o, r, l);
	set(o, "extra", extra(r, row));
	set(o, "marks", marks(r, l));
	return o;
}

static json_t *
standard(const struct pl_roster_standard *s)
{
	json_t	*o = json_object();

	set(o, "code", pl_json_str(s->code));
	set(o, "framework", pl_json_str(s->framework));
	set(o, "description", pl_json_str(s->description));
	set(o, "mastered", size(s->mastered));
	set(o, "developing", size(s->developing));
	set(o, "evidence", size(s->evidence));
	set(o, "none", size(s->none));
	return o;
}

void
pl_roster_json(struct pl_buf *out, const struct pl_roster_report *r)
{
	json_t	*o = json_object(), *c, *a;
	size_t	 i;

	set(o, "version", json_integer(PL_ROSTER_VERSION));
	set(o, "roster", pl_json_str(r->roster));
	set(o, "as_of", json_string(r->as_of));
	c = json_null();
	if (r->since != NULL) {
		c = json_object();
		set(c, "since", json_string(r->since));
		set(c, "until", pl_json_str(r->until));
	}
	set(o, "window", c);
	set(o, "view", json_string(pl_report_view_names[r->view]));
	set(o, "group", pl_json_str(r->group));
	set(o, "extra", pl_json_strlist(&r->extra));
	c = json_object();
	set(c, "learners", size(r->n));
	set(c, "read", size(r->read));
	set(c, "attention", size(r->attention));
	set(c, "failed", size(r->failed));
	set(o, "counts", c);
	set(o, "learners", a = json_array());
	for (i = 0; i < r->n; i++)
		json_array_append_new(a, learner(r, &r->learners[i]));
	set(o, "standards", a = json_array());
	for (i = 0; i < r->nstandards; i++)
		json_array_append_new(a, standard(&r->standards[i]));
	pl_json_dump(out, o);
	json_decref(o);
}
