/*
 * The class report as JSON, every field of struct pl_roster_report under
 * the keys docs/report-schema.md ("Roster") documents, written as
 * pl_report_json() writes a learner's: numbers as numbers, null for
 * what is absent (every number of a learner whose portfolio was not
 * read), keys in a fixed order, two-space indentation.
 */
#include <string.h>

#include "pl/base/json.h"
#include "pl/report/roster.h"
#include "base/render.h"

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
	return read ? pl_json_size(n) : json_null();
}

static json_t *
pct(int read, size_t part, size_t whole)
{
	return read ? pl_json_percent(part, whole) : json_null();
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
		pl_json_set(o, r->extra.v[i], pl_json_str(i < row->extra.n ?
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
		pl_json_set(m, "code", pl_json_str(k->standard < r->nstandards ?
		    r->standards[k->standard].code : NULL));
		pl_json_set(m, "state",
		    json_string(pl_roster_mastery_names[k->state]));
		pl_json_set(m, "score", k->scored ? json_real(k->score) :
		    json_null());
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
	pl_json_set(o, "evidence", pl_json_size(l->window_evidence));
	pl_json_set(o, "steps", pl_json_size(l->window_steps));
	pl_json_set(o, "met", pl_json_size(l->window_met));
	pl_json_set(o, "ratings", pl_json_size(l->window_ratings));
	pl_json_set(o, "moved", pl_json_size(l->window_moved));
	return o;
}

/* What was read from the portfolio: null for one not read. */
static void
portfolio(json_t *o, const struct pl_roster_report *r,
    const struct pl_roster_learner *l)
{
	int	read = l->state == PL_ROSTER_READ;

	pl_json_set(o, "name", pl_json_str(read ? l->name : NULL));
	pl_json_set(o, "commit", read ? json_string(l->commit) : json_null());
	pl_json_set(o, "commit_date", read ? day(l->commit_date) : json_null());
	pl_json_set(o, "goals", count(read, l->goals));
	pl_json_set(o, "active", count(read, l->active));
	pl_json_set(o, "met", count(read, l->met));
	pl_json_set(o, "overdue", count(read, l->overdue));
	pl_json_set(o, "stalled", count(read, l->stalled));
	pl_json_set(o, "behind", count(read, l->behind));
	pl_json_set(o, "evidence_14d", count(read, l->evidence_short));
	pl_json_set(o, "evidence_30d", count(read, l->evidence_long));
	pl_json_set(o, "last_activity", read ? day(l->last_activity) :
	    json_null());
	pl_json_set(o, "last_evidence", read ? day(l->last_evidence) :
	    json_null());
	pl_json_set(o, "days_since_evidence", read && l->days_since >= 0 ?
	    json_integer(l->days_since) : json_null());
	pl_json_set(o, "stalled_days", read ? json_integer(l->stalled_days) :
	    json_null());
	pl_json_set(o, "standards_in_scope", count(read, l->in_scope));
	pl_json_set(o, "covered", count(read, l->covered));
	pl_json_set(o, "covered_pct", pct(read, l->covered, l->in_scope));
	pl_json_set(o, "mastered", count(read, l->mastered));
	pl_json_set(o, "mastered_pct", pct(read, l->mastered, l->in_scope));
	pl_json_set(o, "window", read ? window(r, l) : json_null());
	pl_json_set(o, "warnings", count(read, l->warnings));
	pl_json_set(o, "left_out", read ? pl_json_left_out(l->left_out.files,
	    l->left_out.ratings, l->left_out.links) : json_null());
	pl_json_set(o, "scope", read ? pl_report_scope_json(&l->scope) :
	    json_null());
}

static json_t *
learner(const struct pl_roster_report *r, const struct pl_roster_learner *l)
{
	const struct pl_roster_row	*row = l->row;
	json_t				*o = json_object();

	pl_json_set(o, "learner", json_string(row->learner));
	pl_json_set(o, "line", pl_json_size(row->line));
	pl_json_set(o, "group", json_string(row->group));
	pl_json_set(o, "teacher", json_string(row->teacher));
	pl_json_set(o, "family", json_string(row->family));
	pl_json_set(o, "portfolio", json_string(row->portfolio));
	pl_json_set(o, "path", pl_json_str(l->path));
	pl_json_set(o, "page", pl_json_str(l->page));
	pl_json_set(o, "state", json_string(pl_roster_state_names[l->state]));
	pl_json_set(o, "problem", pl_json_str(l->problem));
	pl_json_set(o, "attention", json_boolean(*l->reasons != '\0'));
	pl_json_set(o, "reasons", reasons(l->reasons));
	pl_json_set(o, "reasons_text", json_string(l->reasons));
	portfolio(o, r, l);
	pl_json_set(o, "extra", extra(r, row));
	pl_json_set(o, "marks", marks(r, l));
	return o;
}

static json_t *
standard(const struct pl_roster_standard *s)
{
	json_t	*o = json_object();

	pl_json_set(o, "code", pl_json_str(s->code));
	pl_json_set(o, "framework", pl_json_str(s->framework));
	pl_json_set(o, "description", pl_json_str(s->description));
	pl_json_set(o, "mastered", pl_json_size(s->mastered));
	pl_json_set(o, "developing", pl_json_size(s->developing));
	pl_json_set(o, "evidence", pl_json_size(s->evidence));
	pl_json_set(o, "none", pl_json_size(s->none));
	return o;
}

void
pl_roster_json(struct pl_buf *out, const struct pl_roster_report *r)
{
	json_t	*o = json_object(), *c, *a;
	size_t	 i;

	pl_json_set(o, "version", json_integer(PL_ROSTER_VERSION));
	pl_json_set(o, "roster", pl_json_str(r->roster));
	pl_json_set(o, "as_of", json_string(r->as_of));
	pl_json_set(o, "window", pl_json_window(r->since, r->until));
	pl_json_set(o, "view", json_string(pl_report_view_names[r->view]));
	pl_json_set(o, "scope", json_string(pl_scope_names[r->scope]));
	pl_json_set(o, "group", pl_json_str(r->group));
	pl_json_set(o, "extra", pl_json_strlist(&r->extra));
	c = json_object();
	pl_json_set(c, "learners", pl_json_size(r->n));
	pl_json_set(c, "read", pl_json_size(r->read));
	pl_json_set(c, "attention", pl_json_size(r->attention));
	pl_json_set(c, "failed", pl_json_size(r->failed));
	pl_json_set(o, "counts", c);
	pl_json_set(o, "learners", a = json_array());
	for (i = 0; i < r->n; i++)
		json_array_append_new(a, learner(r, &r->learners[i]));
	pl_json_set(o, "standards", a = json_array());
	for (i = 0; i < r->nstandards; i++)
		json_array_append_new(a, standard(&r->standards[i]));
	pl_json_dump(out, o);
	json_decref(o);
}
