/*
 * The class report: every learner's portfolio of a roster read into a
 * learner's report (report.c) on a pool of threads and summed up in one
 * row, the rows ordered so those who need attention come first, and a
 * view of the class per standard.  The roster file is roster.c's.
 */
#include <sys/stat.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/git.h"
#include "base/pool.h"
#include "pl/base/date.h"
#include "pl/report/roster.h"
#include "pl/base/slug.h"

const char *const pl_roster_state_names[] = { "read", "bad-row", "missing",
	"not-portfolio", "broken", NULL };

const char *const pl_roster_mastery_names[] = { "none", "evidence",
	"developing", "mastered", NULL };

/*
 * A standard of the class: its text kept once for all learners (a class
 * of thousands would otherwise hold each description thousands of
 * times), numbered in the order it was first seen.  Learners' portfolios
 * may word a code differently; the text is the one of the first learner
 * in the roster's order that has it, whichever thread read it first.
 */
struct class_std {
	char			*code;
	char			*framework;
	char			*description;
	size_t			 from;		/* the learner it is from */
};

/* A standard a learner's report holds, by its number in the class. */
struct seen {
	size_t			 std;
	enum pl_roster_mastery	 state;
	double			 score;
	int			 scored;
};

/* What a learner's report leaves for the class view. */
struct held {
	struct seen		*v;
	size_t			 n;
};

struct build {
	struct pl_roster_report		*r;
	const struct pl_roster_options	*o;
	struct pl_date			 day;
	struct pl_date			 since, until;	/* the window */
	struct held			*held;		/* per learner */
	struct class_std		*stds;		/* as first seen */
	size_t				*by_code;	/* stds' numbers, by
							   code */
	size_t				 nstds, capstds;
	pthread_mutex_t			 lock;
	int				 err;		/* writing a page */
	char				*error;
};

static void
put_reason(struct pl_buf *b, unsigned *n, const char *fmt, size_t k)
{
	if (b->len > 0)
		pl_buf_puts(b, "; ");
	pl_buf_printf(b, fmt, k, k == 1 ? "" : "s");
	(*n)++;
}

/* Why l needs attention, in words (roster.h says when). */
static void
reasons(struct pl_roster_learner *l)
{
	struct pl_buf	b = PL_BUF_INIT;

	pl_buf_puts(&b, "");
	if (l->state == PL_ROSTER_READ) {
		if (l->days_since >= l->stalled_days && l->last_evidence[0])
			put_reason(&b, &l->nreasons, "no evidence for %zu "
			    "day%s", (size_t)l->days_since);
		else if (l->days_since >= l->stalled_days)
			put_reason(&b, &l->nreasons, "no evidence in the %zu "
			    "day%s since the portfolio began",
			    (size_t)l->days_since);
		if (l->overdue > 0)
			put_reason(&b, &l->nreasons, "%zu goal%s overdue",
			    l->overdue);
		if (l->stalled > 0)
			put_reason(&b, &l->nreasons, "%zu goal%s stalled",
			    l->stalled);
		if (l->behind > 0)
			put_reason(&b, &l->nreasons, "%zu goal%s behind pace",
			    l->behind);
		if (l->active == 0) {
			if (b.len > 0)
				pl_buf_puts(&b, "; ");
			pl_buf_puts(&b, "no active goals");
			l->nreasons++;
		}
		if (l->left_out.files > 0)
			put_reason(&b, &l->nreasons, "%zu file%s could not be "
			    "read", l->left_out.files);
		if (l->left_out.ratings > 0)
			put_reason(&b, &l->nreasons, "%zu rating%s left out",
			    l->left_out.ratings);
		if (l->left_out.links > 0)
			put_reason(&b, &l->nreasons, "%zu link%s to standards "
			    "left out", l->left_out.links);
	}
	l->reasons = pl_buf_detach(&b);
}

/*
 * Days from the date text s to day; -1 when s is not a date (a goal's
 * days_between() in report.c says 0).
 */
static long
days_to(const char *s, struct pl_date day)
{
	long	n;

	return pl_date_since(&n, s, day) ? n : -1;
}

static void
count_goals(struct pl_roster_learner *l, const struct pl_report *rep)
{
	const struct pl_report_goal	*g;
	size_t				 i;

	l->goals = rep->ngoals;
	for (i = 0; i < rep->ngoals; i++) {
		g = &rep->goals[i];
		l->active += strcmp(g->status, "active") == 0;
		l->met += strcmp(g->status, "met") == 0;
		l->overdue += g->overdue != 0;
		l->stalled += g->stalled != 0;
		l->behind += g->pace == PL_PACE_BEHIND;
	}
}

static void
count_evidence(struct pl_roster_learner *l, const struct pl_report *rep,
    struct pl_date day)
{
	const char	*last = NULL;
	size_t		 i;
	long		 ago;

	for (i = 0; i < rep->nevidence; i++) {
		/* the rule goals follow too */
		if ((ago = pl_report_evidence_age(rep, rep->evidence[i].date)) <
		    0)
			continue;
		l->evidence_short += ago < PL_ROSTER_RECENT_SHORT;
		l->evidence_long += ago < PL_ROSTER_RECENT_LONG;
		last = pl_report_last_evidence(rep, last,
		    rep->evidence[i].date);
	}
	if (last != NULL) {
		snprintf(l->last_evidence, sizeof l->last_evidence, "%s", last);
		l->days_since = days_to(last, day);
	} else
		l->days_since = days_to(rep->started, day);
}

static void
count_window(struct pl_roster_learner *l, const struct pl_report *rep)
{
	size_t	i;

	if (rep->since == NULL)
		return;
	for (i = 0; i < rep->nevents; i++)
		switch (rep->events[i].type) {
		case PL_EVENT_EVIDENCE:
			l->window_evidence++;
			break;
		case PL_EVENT_STEP_DONE:
			l->window_steps++;
			break;
		case PL_EVENT_GOAL_MET:
			l->window_met++;
			break;
		case PL_EVENT_RATING:
			l->window_ratings++;
			break;
		default:
			break;
		}
	l->window_moved = rep->nmoves;
}

/* The number of code in the class, b->by_code's place for it in *at. */
static int
find_std(const struct build *b, const char *code, size_t *at)
{
	size_t	lo = 0, hi = b->nstds, mid;
	int	c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if ((c = strcmp(code, b->stds[b->by_code[mid]].code)) == 0) {
			*at = mid;
			return 1;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	*at = lo;
	return 0;
}

/* The text of c: standard s as learner i's portfolio words it. */
static void
std_text(struct class_std *c, const struct pl_report_standard *s, size_t i)
{
	free(c->framework);
	free(c->description);
	c->framework = pl_xstrdup(s->framework != NULL ? s->framework : "");
	c->description = pl_xstrdup(s->description != NULL ? s->description :
	    "");
	c->from = i;
}

/*
 * The number of standard s of learner i in the class, adding it when new;
 * locked.
 */
static size_t
class_std(struct build *b, const struct pl_report_standard *s, size_t i)
{
	size_t	at, k;

	if (find_std(b, s->code, &at)) {
		k = b->by_code[at];
		if (i < b->stds[k].from)
			std_text(&b->stds[k], s, i);
		return k;
	}
	if (b->nstds == b->capstds) {
		b->capstds = b->capstds ? b->capstds * 2 : 64;
		b->stds = pl_xrealloc(b->stds, b->capstds * sizeof *b->stds);
		b->by_code = pl_xrealloc(b->by_code, b->capstds *
		    sizeof *b->by_code);
	}
	k = b->nstds++;
	b->stds[k] = (struct class_std){ pl_xstrdup(s->code), NULL, NULL, 0 };
	std_text(&b->stds[k], s, i);
	memmove(&b->by_code[at + 1], &b->by_code[at], (k - at) *
	    sizeof *b->by_code);
	b->by_code[at] = k;
	return k;
}

static void
hold_standards(struct build *b, size_t learner, const struct pl_report *rep)
{
	struct held			*h = &b->held[learner];
	const struct pl_report_standard	*s;
	size_t				 i;

	h->v = pl_xcalloc(rep->nstandards + 1, sizeof *h->v);
	pthread_mutex_lock(&b->lock);
	for (i = 0; i < rep->nstandards; i++)
		h->v[i].std = class_std(b, &rep->standards[i], learner);
	pthread_mutex_unlock(&b->lock);
	for (i = 0; i < rep->nstandards; i++) {
		s = &rep->standards[i];
		h->v[i].state = s->ratings > 0 ? (s->mastered ?
		    PL_ROSTER_MASTERED : PL_ROSTER_DEVELOPING) :
		    s->evidence > 0 ? PL_ROSTER_EVIDENCE : PL_ROSTER_NONE;
		h->v[i].score = s->score;
		h->v[i].scored = s->scored;
	}
	h->n = rep->nstandards;
}

static void
summarize(struct build *b, size_t i, const struct pl_report *rep)
{
	struct pl_roster_learner	*l = &b->r->learners[i];
	struct pl_date			 day;

	if (pl_date_parse(&day, rep->as_of, b->day) != PL_OK)
		day = b->day;
	memcpy(l->commit, rep->commit, sizeof l->commit);
	memcpy(l->commit_date, rep->commit_date, sizeof l->commit_date);
	if (rep->name != NULL && *rep->name != '\0')
		l->name = pl_xstrdup(rep->name);
	count_goals(l, rep);
	count_evidence(l, rep, day);
	snprintf(l->last_activity, sizeof l->last_activity, "%s",
	    rep->commit_date);
	l->stalled_days = rep->stalled_days;
	l->in_scope = rep->in_scope;
	l->covered = rep->covered;
	l->mastered = rep->mastered;
	pl_report_scope_copy(&l->scope, &rep->scope);
	count_window(l, rep);
	l->warnings = rep->warnings.n;
	l->left_out = rep->left_out;
	hold_standards(b, i, rep);
}

static void
fail(struct pl_roster_learner *l, enum pl_roster_state state)
{
	l->state = state;
	l->problem = pl_xstrdup(pl_error_last());
	pl_error_clear();
}

/*
 * The learner's own page, written from the report just built; the
 * family's with the attached work it shows in files/<page's name>/.
 */
static void
write_page(struct build *b, const struct pl_roster_learner *l,
    struct pl_report *rep, struct pl_portfolio *pf)
{
	struct pl_buf	 out = PL_BUF_INIT;
	char		*path, *prefix;
	int		 err;

	prefix = pl_xasprintf("%s/%.*s/", PL_REPORT_FILES,
	    (int)(strlen(l->page) - strlen(".html")), l->page);
	err = pl_report_attach(rep, pf, b->o->pages_dir, prefix);
	free(prefix);
	b->o->page(&out, rep);
	path = pl_xasprintf("%s/%s", b->o->pages_dir, l->page);
	if (err == PL_OK)
		err = pl_write_output(path, out.ptr != NULL ? out.ptr : "",
		    out.len);
	pthread_mutex_lock(&b->lock);
	if (err != PL_OK && b->err == PL_OK) {
		b->err = err;
		b->error = pl_xstrdup(pl_error_last());
	}
	pthread_mutex_unlock(&b->lock);
	free(path);
	pl_buf_release(&out);
}

static void
read_learner(struct build *b, size_t i)
{
	struct pl_roster_learner	*l = &b->r->learners[i];
	struct pl_portfolio		*pf = NULL;
	struct pl_report		*rep = NULL;
	struct stat			 st;
	int				 err;

	if (l->state != PL_ROSTER_READ)
		return;
	if (stat(l->path, &st) != 0) {
		if (!pl_roster_is_url(l->row->portfolio))
			pl_error_set(PL_ENOTFOUND, "no folder '%s'", l->path);
		else if (b->o->clone_command != NULL)
			pl_error_set(PL_ENOTFOUND, "not cloned yet: no folder "
			    "'%s' (clone it with: %s)", l->path,
			    b->o->clone_command);
		else
			pl_error_set(PL_ENOTFOUND, "not cloned yet: no folder "
			    "'%s'", l->path);
		fail(l, PL_ROSTER_MISSING);
		return;
	}
	if ((err = pl_portfolio_open_dir(&pf, l->path)) != PL_OK) {
		fail(l, err == PL_ENOTPORTFOLIO ? PL_ROSTER_NOT_PORTFOLIO :
		    PL_ROSTER_BROKEN);
		return;
	}
	/* a portfolio begun after the day asked for was not there yet */
	if ((err = pl_report_build(&rep, pf, &b->o->report)) != PL_OK)
		fail(l, err == PL_ENOTFOUND ? PL_ROSTER_MISSING :
		    PL_ROSTER_BROKEN);
	else {
		summarize(b, i, rep);
		if (b->o->pages_dir != NULL && b->o->page != NULL)
			write_page(b, l, rep, pf);
	}
	pl_report_free(rep);
	pl_portfolio_free(pf);
}

static void
read_job(size_t i, void *arg)
{
	read_learner(arg, i);
}

/*
 * The page names taken, and for each slug the number to try next: a
 * hash table, so that a roster of thousands of rows with one name (or
 * none: a spreadsheet's empty rows) is named in linear time.  A slug is
 * a key of its own, as it has no ".html".
 */
struct taken {
	char		**key;		/* NULL: an empty slot */
	size_t		 *next;
	size_t		  n, cap;	/* cap: a power of two */
};

static size_t
taken_hash(const char *s)
{
	size_t	h = 2166136261u;

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* The slot of key, or of the empty one where it would go. */
static size_t
taken_slot(const struct taken *t, const char *key)
{
	size_t	i = taken_hash(key) & (t->cap - 1);

	while (t->key[i] != NULL && strcmp(t->key[i], key) != 0)
		i = (i + 1) & (t->cap - 1);
	return i;
}

static void
taken_grow(struct taken *t)
{
	struct taken	old = *t;
	size_t		i, k;

	t->cap = t->cap ? t->cap * 2 : 64;
	t->key = pl_xcalloc(t->cap, sizeof *t->key);
	t->next = pl_xcalloc(t->cap, sizeof *t->next);
	for (i = 0; i < old.cap; i++)
		if (old.key[i] != NULL) {
			k = taken_slot(t, old.key[i]);
			t->key[k] = old.key[i];
			t->next[k] = old.next[i];
		}
	free(old.key);
	free(old.next);
}

/* key's number to try next, key added (at 2) when add; else NULL. */
static size_t *
taken_get(struct taken *t, const char *key, int add)
{
	size_t	i;

	if (add && (t->n + 1) * 2 > t->cap)
		taken_grow(t);
	if (t->cap == 0)
		return NULL;
	i = taken_slot(t, key);
	if (t->key[i] == NULL) {
		if (!add)
			return NULL;
		t->key[i] = pl_xstrdup(key);
		t->next[i] = 2;
		t->n++;
	}
	return &t->next[i];
}

/*
 * Page names: the learner's slug and ".html", "-2"... when taken.  A
 * slug's numbers are tried from the one after the last it took, as
 * those before stay taken.
 */
static void
name_pages(struct pl_roster_report *r)
{
	struct taken	 t = { NULL, NULL, 0, 0 };
	char		*slug, *name;
	size_t		 i, *k;

	for (i = 0; i < r->n; i++) {
		slug = pl_slug_make(r->learners[i].row->learner);
		if (*slug == '\0') {
			free(slug);
			slug = pl_xstrdup("learner");
		}
		k = taken_get(&t, slug, 1);
		name = pl_xasprintf("%s.html", slug);
		/* "index" is the class page's */
		while (strcmp(name, "index.html") == 0 ||
		    taken_get(&t, name, 0) != NULL) {
			free(name);
			name = pl_xasprintf("%s-%zu.html", slug, (*k)++);
		}
		(void)taken_get(&t, name, 1);
		r->learners[i].page = name;
		free(slug);
	}
	for (i = 0; i < t.cap; i++)
		free(t.key[i]);
	free(t.key);
	free(t.next);
}

/* The learners of the roster in the group asked for, checked. */
static int
select_learners(struct pl_roster_report *r, const struct pl_roster_options *o)
{
	struct pl_roster_learner	*l;
	size_t				 i;

	r->learners = pl_xcalloc(r->list.n + 1, sizeof *r->learners);
	for (i = 0; i < r->list.n; i++) {
		if (o->group != NULL && strcasecmp(r->list.rows[i].group,
		    o->group) != 0)
			continue;
		l = &r->learners[r->n++];
		l->row = &r->list.rows[i];
		l->days_since = -1;
	}
	if (o->group != NULL && r->n == 0)
		return pl_error_set(PL_ENOTFOUND, "no learner in group '%s' "
		    "in %s", o->group, r->list.path);
	pl_roster_check(r->learners, r->n, &r->list, o->clones);
	name_pages(r);
	return PL_OK;
}

/* A standard of the class view and its number in the class. */
struct ranked {
	struct pl_roster_standard	 s;
	size_t				 from;
};

static int
stuck_first(const void *a, const void *b)
{
	const struct pl_roster_standard	*x = &((const struct ranked *)a)->s;
	const struct pl_roster_standard	*y = &((const struct ranked *)b)->s;
	size_t				 sx = x->developing + x->evidence;
	size_t				 sy = y->developing + y->evidence;

	if (sx != sy)
		return sx > sy ? -1 : 1;
	if (x->mastered != y->mastered)
		return x->mastered < y->mastered ? -1 : 1;
	return strcmp(x->code, y->code);
}

static void
add_mark(struct pl_roster_learner *l, size_t standard, const struct seen *s)
{
	if ((l->nmarks & (l->nmarks - 1)) == 0)
		l->marks = pl_xrealloc(l->marks, (l->nmarks == 0 ? 1 :
		    2 * l->nmarks) * sizeof *l->marks);
	l->marks[l->nmarks++] = (struct pl_roster_mark){ standard, s->state,
	    s->score, s->scored };
}

static int
by_standard(const void *a, const void *b)
{
	const struct pl_roster_mark	*x = a, *y = b;

	return x->standard < y->standard ? -1 : x->standard > y->standard;
}

/* Each standard of the class with how many learners stand where. */
static struct ranked *
count_standards(struct build *b)
{
	struct ranked	*rank = pl_xcalloc(b->nstds + 1, sizeof *rank);
	struct seen	*s;
	size_t		 i, k;

	for (i = 0; i < b->nstds; i++) {
		rank[i].from = i;
		/* the class takes over the text */
		rank[i].s.code = b->stds[i].code;
		rank[i].s.framework = b->stds[i].framework;
		rank[i].s.description = b->stds[i].description;
	}
	for (i = 0; i < b->r->n; i++)
		for (k = 0; k < b->held[i].n; k++) {
			s = &b->held[i].v[k];
			rank[s->std].s.mastered += s->state ==
			    PL_ROSTER_MASTERED;
			rank[s->std].s.developing += s->state ==
			    PL_ROSTER_DEVELOPING;
			rank[s->std].s.evidence += s->state ==
			    PL_ROSTER_EVIDENCE;
		}
	for (i = 0; i < b->nstds; i++)
		rank[i].s.none = b->r->read - rank[i].s.mastered -
		    rank[i].s.developing - rank[i].s.evidence;
	free(b->stds);
	b->stds = NULL;
	return rank;
}

/*
 * The class view: the standards counted and ordered stuck first; then
 * each learner's marks point into it, in its order.
 */
static void
class_view(struct build *b)
{
	struct pl_roster_report	*r = b->r;
	struct ranked		*rank = count_standards(b);
	struct pl_roster_learner *l;
	size_t			 i, k, *pos;

	qsort(rank, b->nstds, sizeof *rank, stuck_first);
	r->standards = pl_xcalloc(b->nstds + 1, sizeof *r->standards);
	pos = pl_xcalloc(b->nstds + 1, sizeof *pos);
	for (i = 0; i < b->nstds; i++) {
		r->standards[i] = rank[i].s;
		pos[rank[i].from] = i;
	}
	r->nstandards = b->nstds;
	for (i = 0; i < r->n; i++) {
		l = &r->learners[i];
		for (k = 0; k < b->held[i].n; k++)
			add_mark(l, pos[b->held[i].v[k].std],
			    &b->held[i].v[k]);
		if (l->nmarks > 1)
			qsort(l->marks, l->nmarks, sizeof *l->marks,
			    by_standard);
	}
	free(pos);
	free(rank);
}

/*
 * Not read first (in roster order), then attention (roster.h), the rest
 * by name: those read have names that differ in more than case
 * (mark_repeats()), so the order is total.
 */
static int
attention_first(const void *a, const void *b)
{
	const struct pl_roster_learner	*x = a, *y = b;
	int				 xr = x->state == PL_ROSTER_READ;
	int				 yr = y->state == PL_ROSTER_READ;

	if (xr != yr)
		return xr - yr;
	if (!xr)
		return x->row->line < y->row->line ? -1 : 1;
	if ((x->nreasons > 0) != (y->nreasons > 0))
		return x->nreasons > 0 ? -1 : 1;
	if (x->nreasons != y->nreasons)
		return x->nreasons > y->nreasons ? -1 : 1;
	if (x->nreasons > 0 && x->days_since != y->days_since)
		return x->days_since > y->days_since ? -1 : 1;
	return strcasecmp(x->row->learner, y->row->learner);
}

static void
held_release(struct held *h)
{
	free(h->v);
}

/* Counts, reasons, the class view and the order, once all are read. */
static void
finish(struct build *b)
{
	struct pl_roster_report		*r = b->r;
	struct pl_roster_learner	*l;
	size_t				 i;

	for (i = 0; i < r->n; i++) {
		l = &r->learners[i];
		if (l->state == PL_ROSTER_READ)
			r->read++;
		else {
			r->failed++;
			free(l->page);
			l->page = NULL;
		}
		reasons(l);
		r->attention += l->nreasons > 0;
	}
	class_view(b);
	qsort(r->learners, r->n, sizeof *r->learners, attention_first);
}

/*
 * The day the class report is for: as_of (a date), else until, else
 * today, as each learner's report takes it; and the window's days, read
 * here so that a bad one is one error, not every row broken.
 */
static int
class_day(struct build *b, const struct pl_roster_options *o)
{
	const struct pl_report_options	*ro = &o->report;
	struct pl_date			 today;
	int				 err;

	if ((err = pl_today(&today)) != PL_OK ||
	    (ro->since != NULL && (err = pl_report_date(&b->since, ro->since,
	    today, "--since")) != PL_OK) ||
	    (ro->until != NULL && (err = pl_report_date(&b->until, ro->until,
	    today, "--until")) != PL_OK))
		return err;
	b->day = ro->until != NULL ? b->until : today;
	if (ro->as_of != NULL && pl_date_parse(&b->day, ro->as_of, today) !=
	    PL_OK)
		return pl_error_set(PL_EINVAL, "with --roster, --as-of takes "
		    "a date (YYYY-MM-DD, today, yesterday), not '%s'",
		    ro->as_of);
	return pl_report_window(ro, b->since, b->until, b->day,
	    ro->as_of != NULL ? ro->as_of : ro->until);
}

static void
set_header(struct pl_roster_report *r, const struct build *b,
    const struct pl_roster_options *o)
{
	char	s[PL_DATE_LEN];

	r->roster = pl_xstrdup(r->list.path);
	pl_date_format(r->as_of, b->day);
	if (o->report.since != NULL) {
		pl_date_format(s, b->since);
		r->since = pl_xstrdup(s);
		pl_date_format(s, o->report.until != NULL ? b->until : b->day);
		r->until = pl_xstrdup(s);
	}
	r->view = o->report.view;
	r->scope = o->report.scope;
	if (o->group != NULL)
		r->group = pl_xstrdup(o->group);
	pl_strlist_copy(&r->extra, &r->list.extra);
}

int
pl_roster_build(struct pl_roster_report **out, const char *path,
    const struct pl_roster_options *o)
{
	struct pl_roster_report	*r = pl_xcalloc(1, sizeof *r);
	struct build		 b;
	size_t			 i, nheld = 0;
	int			 err, held = 0;

	*out = NULL;
	memset(&b, 0, sizeof b);
	b.r = r;
	b.o = o;
	pthread_mutex_init(&b.lock, NULL);
	if ((err = class_day(&b, o)) != PL_OK ||
	    (err = pl_roster_read(&r->list, path)) != PL_OK ||
	    (err = select_learners(r, o)) != PL_OK ||
	    (err = pl_lib_hold()) != PL_OK)
		goto done;
	held = 1;
	set_header(r, &b, o);
	nheld = r->n;
	b.held = pl_xcalloc(nheld + 1, sizeof *b.held);
	pl_pool_run(r->n, o->jobs, read_job, &b, o->progress, o->arg);
	if (b.err != PL_OK) {
		err = pl_error_set(b.err, "%s", b.error);
		goto done;
	}
	finish(&b);
	*out = r;
	r = NULL;
done:
	if (held)
		pl_lib_release();
	for (i = 0; i < nheld; i++)
		held_release(&b.held[i]);
	free(b.held);
	/* left when the class view did not take them */
	for (i = 0; b.stds != NULL && i < b.nstds; i++) {
		free(b.stds[i].code);
		free(b.stds[i].framework);
		free(b.stds[i].description);
	}
	free(b.stds);
	free(b.by_code);
	free(b.error);
	pthread_mutex_destroy(&b.lock);
	pl_roster_report_free(r);
	return err;
}

void
pl_roster_report_free(struct pl_roster_report *r)
{
	struct pl_roster_learner	*l;
	size_t				 i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++) {
		l = &r->learners[i];
		free(l->path);
		free(l->page);
		free(l->problem);
		free(l->name);
		free(l->reasons);
		free(l->marks);
		pl_report_scope_release(&l->scope);
	}
	free(r->learners);
	for (i = 0; i < r->nstandards; i++) {
		free(r->standards[i].code);
		free(r->standards[i].framework);
		free(r->standards[i].description);
	}
	free(r->standards);
	free(r->roster);
	free(r->since);
	free(r->until);
	free(r->group);
	pl_strlist_release(&r->extra);
	pl_roster_release(&r->list);
	free(r);
}

void
pl_roster_scope_words(struct pl_buf *out, const struct pl_roster_report *r)
{
	size_t	i, fell = 0;

	for (i = 0; i < r->n; i++)
		fell += r->learners[i].state == PL_ROSTER_READ &&
		    r->learners[i].scope.used != r->scope;
	pl_buf_puts(out, "Mastered and covered: of ");
	if (r->scope == PL_SCOPE_ALL)
		pl_buf_puts(out, "every standard of each learner's "
		    "frameworks");
	else if (r->scope == PL_SCOPE_ALIGNED)
		pl_buf_puts(out, "the standards aligned to each learner's "
		    "goals and evidence");
	else
		pl_buf_puts(out, "the standards of each learner's grade and "
		    "those aligned");
	if (fell > 0)
		pl_buf_printf(out, "; %zu learner%s no grade the frameworks "
		    "have: of those aligned alone", fell, fell == 1 ?
		    " has" : "s have");
}
