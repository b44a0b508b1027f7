/*
 * How a learner's portfolio got where the report finds it: the walk of
 * the commit log back from the report's commit (trailers first), counted
 * into activity per week, who did what and the window's events; for the
 * family view, the versions of each entry the walk meets, which tell
 * pl/entries/visibility.h what is left out; and, with a window, the
 * portfolio as the last commit before it left it (report-moves.c
 * compares the two).
 */
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "pl/entries/entry.h"
#include "pl/progress/history.h"
#include "pl/progress/verify.h"
#include "pl/entries/visibility.h"
#include "pl/report/report.h"
#include "report/report-build.h"
#include "store/verscache.h"

/* What the version cache's records are: visibility.c's bytes, as this
   build's parser reads a file. */
#define VERSIONS_FORMAT	1

/* A change of the walk, with what it will count for. */
struct seen {
	int			 type;		/* enum pl_event_type, or -1 */
	struct pl_date		 date;
	size_t			 person;	/* in persons */
	size_t			 lineage;	/* or PL_NO_LINEAGE */
	char			 commit[41];
	struct pl_report_event	*event;		/* in the window, or NULL */
};

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

void
pl_report_add_weeks(struct build *b)
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

/*
 * Gives the visibility the version of path at the change (or before it):
 * from the version cache, by the tree it is in, when it has it; else
 * read, and put there.  A version that is not there says nothing and is
 * not kept: a folder git could not read looks the same.
 */
static int
read_version(struct build *b, struct pl_history *h, size_t l,
    const char *path, int before)
{
	struct pl_buf	 text = PL_BUF_INIT, packed = PL_BUF_INIT;
	struct pl_doc	*doc = NULL;
	const char	*v;
	git_oid		 tree;
	size_t		 len;
	int		 err;

	if ((err = pl_history_tree(tree.id, h, before)) == PL_OK &&
	    (v = pl_verscache_get(b->versions, &tree, path, &len)) != NULL &&
	    pl_visibility_version_packed(b->vis, l, v, len) == 0)
		return PL_OK;
	if (err == PL_OK)
		err = pl_history_read(&text, h, path, before);
	if (err == PL_OK) {
		/* a version that does not parse says nothing */
		if (pl_doc_parse(&doc, path, text.ptr, text.len) != PL_OK)
			doc = NULL;
		pl_visibility_pack(&packed, doc);
		pl_verscache_put(b->versions, &tree, path, packed.ptr,
		    packed.len);
		pl_visibility_version(b->vis, l, doc);
	}
	if (err == PL_ENOTFOUND || err == PL_OK) {
		pl_error_clear();
		err = PL_OK;
	}
	pl_doc_free(doc);
	pl_buf_release(&packed);
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
	/* every version history has was asked for: drop the others */
	if (err == PL_OK && c == NULL && !b->window)
		pl_verscache_whole(b->versions);
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
void
pl_report_count_changes(struct build *b)
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

void
pl_report_release_walk(struct build *b)
{
	size_t	i;

	for (i = 0; i < b->nseen; i++)
		if (b->seen[i].event != NULL) {
			pl_report_event_release(b->seen[i].event);
			free(b->seen[i].event);
		}
	free(b->seen);
	for (i = 0; i < b->npersons; i++)
		pl_report_person_release(&b->persons[i]);
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
	char			*stamp;
	int			 err;

	for (k = 0; k < 3; k++) {
		at[k] = pl_xcalloc(now[k]->n + 1, sizeof *at[k]);
		seed(b, now[k], kinds[k], at[k]);
	}
	if (b->profile != NULL) {
		profile = pl_visibility_lineage(b->vis, "profile", "");
		pl_visibility_version(b->vis, profile, b->profile->doc);
	}
	stamp = pl_xasprintf("family %d; pl %s; libyaml %s", VERSIONS_FORMAT,
	    PL_VERSION, pl_doc_reader_version());
	b->versions = pl_verscache_open(pl_portfolio_repo(b->p), stamp);
	free(stamp);
	err = walk(b);
	pl_verscache_close(b->versions);
	b->versions = NULL;
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
int
pl_report_read_history(struct build *b)
{
	int	err;

	if (b->o->view == PL_VIEW_FAMILY)
		b->vis = pl_visibility_new();
	if (b->window && (err = read_then(b)) != PL_OK)
		return err;
	return b->vis != NULL ? see_history(b) : walk(b);
}
