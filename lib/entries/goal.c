/*
 * Goals.  A goal's progress is the ticks of its Steps task list, so a
 * person who ticks a box in their editor and commits has made progress
 * exactly as "pl goal done" would.
 */
#include <stdlib.h>
#include <string.h>

#include "pl/entries/goal.h"
#include "pl/base/md.h"
#include "pl/base/slug.h"
#include "pl/base/text.h"

static const char *const terms[] = { "short", "long", NULL };
static const char *const statuses[] = { "active", "met", "paused", "dropped",
	NULL };

static int
one_of(const char *s, const char *const *words)
{
	size_t	i;

	for (i = 0; s != NULL && words[i] != NULL; i++)
		if (strcmp(s, words[i]) == 0)
			return 1;
	return 0;
}

int
pl_goal_term_valid(const char *s)
{
	return one_of(s, terms);
}

int
pl_goal_status_valid(const char *s)
{
	return one_of(s, statuses);
}

void
pl_goal_get(struct pl_goal *g, const struct pl_entry *e)
{
	struct pl_tasks	t;
	size_t		i;

	g->title = pl_doc_get(e->doc, "title");
	g->term = pl_doc_get(e->doc, "term");
	g->status = pl_doc_get(e->doc, "status");
	g->created = pl_doc_get(e->doc, "created");
	g->due = pl_doc_get(e->doc, "due");
	g->parent = pl_doc_get(e->doc, "parent");
	g->overdue = 0;
	g->up = -1;
	if (e->doc->memo.tasks) {
		g->total = e->doc->memo.tasks_total;
		g->done = e->doc->memo.tasks_done;
		return;
	}
	pl_md_tasks(&t, e->doc->body, PL_GOAL_STEPS);
	g->total = t.n;
	g->done = 0;
	for (i = 0; i < t.n; i++)
		g->done += t.v[i].done != 0;
	pl_tasks_release(&t);
}

long
pl_goals_find(const struct pl_goals *gs, const char *id)
{
	return pl_entries_find(&gs->l, id);
}

/* 1 when g is active and its due date is before today. */
static int
overdue(const struct pl_goal *g, const char *today)
{
	return g->status != NULL && strcmp(g->status, "active") == 0 &&
	    g->due != NULL && pl_date_valid(g->due) &&
	    strcmp(g->due, today) < 0;
}

/*
 * A long-term goal without steps (own[i] is 0) counts those of its
 * goals; a dropped goal's steps are no longer to be done.
 */
static void
sum_children(struct pl_goals *gs, const unsigned char *own)
{
	struct pl_goal	*g = gs->g, *p;
	size_t		 i;

	for (i = 0; i < gs->l.n; i++) {
		if (g[i].up < 0 || (g[i].status != NULL &&
		    strcmp(g[i].status, "dropped") == 0))
			continue;
		p = &g[g[i].up];
		if (own[g[i].up] || p->term == NULL ||
		    strcmp(p->term, "long") != 0)
			continue;
		p->done += g[i].done;
		p->total += g[i].total;
	}
}

/* What pl_goals_read() adds to the goals of out->l. */
static int
goals_fill(struct pl_goals *out, struct pl_portfolio *pf)
{
	struct pl_date	 today;
	char		 day[PL_DATE_LEN];
	unsigned char	*own;
	size_t		 i;
	long		 up;
	int		 err;

	if ((err = pl_portfolio_today(&today, pf)) != PL_OK)
		return err;
	pl_date_format(day, today);
	out->g = pl_xcalloc(out->l.n, sizeof *out->g);
	for (i = 0; i < out->l.n; i++) {
		pl_goal_get(&out->g[i], out->l.v[i]);
		out->g[i].overdue = overdue(&out->g[i], day);
	}
	own = pl_xcalloc(out->l.n, 1);
	for (i = 0; i < out->l.n; i++) {
		up = pl_goals_find(out, out->g[i].parent);
		out->g[i].up = up >= 0 && out->g[up].parent == NULL ? up : -1;
		out->g[i].down = out->g[i].next = -1;
		own[i] = out->g[i].total > 0;
	}
	/* each parent's goals in the listing's order, from the last */
	for (i = out->l.n; i-- > 0;)
		if ((up = out->g[i].up) >= 0) {
			out->g[i].next = out->g[up].down;
			out->g[up].down = (long)i;
		}
	sum_children(out, own);
	free(own);
	return PL_OK;
}

int
pl_goals_read(struct pl_goals *out, struct pl_portfolio *pf,
    struct pl_strlist *warnings)
{
	int	err;

	out->g = NULL;
	if ((err = pl_entry_list(&out->l, pf, PL_KIND_GOAL, warnings)) !=
	    PL_OK)
		return err;
	return goals_fill(out, pf);
}

int
pl_goals_read_under(struct pl_goals *out, struct pl_portfolio *pf,
    const char *id, struct pl_strlist *warnings)
{
	struct pl_entry	*e;
	const char	*parent;
	size_t		 i, n = 0;
	int		 err;

	out->g = NULL;
	if ((err = pl_entry_list_naming(&out->l, pf, PL_KIND_GOAL, id,
	    warnings)) != PL_OK)
		return err;
	for (i = 0; i < out->l.n; i++) {
		e = out->l.v[i];
		parent = pl_doc_get(e->doc, "parent");
		if (strcmp(e->id, id) == 0 || (parent != NULL &&
		    strcmp(parent, id) == 0))
			out->l.v[n++] = e;
		else
			pl_entry_free(e);
	}
	out->l.n = n;
	return goals_fill(out, pf);
}

void
pl_goals_release(struct pl_goals *gs)
{
	pl_entries_release(&gs->l);
	free(gs->g);
	gs->g = NULL;
}

int
pl_goal_linked(struct pl_entries *out, struct pl_portfolio *pf,
    enum pl_kind kind, const char *id, struct pl_strlist *warnings)
{
	struct pl_entries	all;
	size_t			i;
	int			err;

	out->v = NULL;
	out->n = 0;
	if ((err = pl_entry_list_linked(&all, pf, kind, "goals", id,
	    warnings)) != PL_OK)
		return err;
	pl_entries_sort_by_date(&all, "date");
	out->v = pl_xcalloc(all.n + 1, sizeof *out->v);
	for (i = all.n; i-- > 0; )
		out->v[out->n++] = all.v[i];
	free(all.v);
	return PL_OK;
}

void
pl_goal_trailers(const struct pl_entry *e, struct pl_strlist *out)
{
	struct pl_goal	g;

	pl_goal_get(&g, e);
	if (g.status != NULL)
		pl_strlist_push_owned(out, pl_xasprintf("Pl-Status: %s",
		    g.status));
	pl_strlist_push_owned(out, pl_xasprintf("Pl-Progress: %zu/%zu",
	    g.done, g.total));
}

/* What pl puts in messages and list rows: each one line, printable. */
static int
check_lines(const struct pl_entry *e)
{
	static const char *const keys[] = { "title", "term", "status",
		"created", "due", "parent", "standards", NULL };
	struct pl_tasks	 t;
	char		*name;
	size_t		 i;
	int		 err;

	if ((err = pl_entry_check_lines(e, keys)) != PL_OK)
		return err;
	pl_md_tasks(&t, e->doc->body, PL_GOAL_STEPS);
	for (i = 0; i < t.n && err == PL_OK; i++) {
		name = pl_xasprintf("step %zu", i + 1);
		err = pl_entry_check_line(e, name, t.v[i].text);
		free(name);
	}
	pl_tasks_release(&t);
	return err;
}

/* A step given on the command line. */
static int
check_step(const char *text)
{
	if (text[strspn(text, " \t")] == '\0' || strpbrk(text, "\r\n") != NULL)
		return pl_error_set(PL_EINVAL, "a step must be one non-empty "
		    "line");
	return pl_text_check_line("a step", text);
}

int
pl_goal_check(const struct pl_entry *e)
{
	struct pl_goal		g;
	struct pl_strlist	std = PL_STRLIST_INIT;
	int			err;

	pl_goal_get(&g, e);
	if (g.title == NULL || *g.title == '\0')
		return pl_error_set(PL_EINVAL, "%s: 'title' is missing",
		    e->path);
	if ((err = check_lines(e)) != PL_OK)
		return err;
	if (!pl_goal_term_valid(g.term))
		return pl_error_set(PL_EINVAL, "%s: 'term' must be short or "
		    "long", e->path);
	if (!pl_goal_status_valid(g.status))
		return pl_error_set(PL_EINVAL, "%s: 'status' must be active, "
		    "met, paused or dropped", e->path);
	if ((err = pl_entry_check_date(e, "created", 0)) != PL_OK ||
	    (err = pl_entry_check_date(e, "due", 0)) != PL_OK)
		return err;
	if (g.parent != NULL && (err = pl_id_check("goal", g.parent)) != PL_OK)
		return err;
	err = pl_doc_get_list(e->doc, e->path, "standards", &std);
	pl_strlist_release(&std);
	return err;
}

const struct pl_kind_ops pl_goal_ops = {
	.check = pl_goal_check,
	.trailers = pl_goal_trailers,
};

/* A parent must be a committed long-term goal. */
static int
check_parent(struct pl_portfolio *pf, const char *parent, const char *term)
{
	struct pl_entry	*p = NULL;
	const char	*pt;
	int		 err;

	if (strcmp(term, "short") != 0)
		return pl_error_set(PL_EINVAL, "only a short-term goal can "
		    "have a parent");
	if ((err = pl_entry_load(&p, pf, PL_KIND_GOAL, parent)) != PL_OK)
		return err;
	pt = pl_doc_get(p->doc, "term");
	if (pt == NULL || strcmp(pt, "long") != 0)
		err = pl_error_set(PL_EINVAL, "goal '%s' is not a long-term "
		    "goal", parent);
	pl_entry_free(p);
	return err;
}

static void
goal_body(struct pl_buf *b, const struct pl_goal_spec *s)
{
	size_t	i;

	pl_buf_printf(b, "\n## %s\n\n", PL_GOAL_WHY);
	if (s->why != NULL && *s->why != '\0')
		pl_buf_printf(b, "%s\n\n", s->why);
	pl_buf_printf(b, "## %s\n", PL_GOAL_STEPS);
	if (s->steps.n > 0)
		pl_buf_putc(b, '\n');
	for (i = 0; i < s->steps.n; i++)
		pl_buf_printf(b, "- [ ] %s\n", s->steps.v[i]);
}

/* Validates the spec; *due gets the due date as written. */
static int
check_spec(char due[PL_DATE_LEN], struct pl_portfolio *pf,
    const struct pl_goal_spec *s, const char *term, struct pl_date today)
{
	struct pl_date	d;
	size_t		i;
	int		err;

	if (s->title == NULL || s->title[strspn(s->title, " \t\n")] == '\0')
		return pl_error_set(PL_EINVAL, "empty goal title");
	if ((err = pl_text_check_line("a title", s->title)) != PL_OK)
		return err;
	if (!pl_goal_term_valid(term))
		return pl_error_set(PL_EINVAL, "invalid term '%s' (use short "
		    "or long)", term);
	for (i = 0; i < s->steps.n; i++)
		if ((err = check_step(s->steps.v[i])) != PL_OK)
			return err;
	due[0] = '\0';
	if (s->due != NULL) {
		if ((err = pl_date_parse(&d, s->due, today)) != PL_OK)
			return err;
		pl_date_format(due, d);
	}
	if (s->parent != NULL && (err = check_parent(pf, s->parent, term)) !=
	    PL_OK)
		return err;
	if (s->id != NULL)
		return pl_entry_check_new_id(pf, PL_KIND_GOAL, s->id);
	return PL_OK;
}

int
pl_goal_add(char **out_id, struct pl_portfolio *pf,
    const struct pl_goal_spec *s)
{
	struct pl_entry		*e = NULL;
	struct pl_msg		 msg = { 0 };
	struct pl_buf		 body = PL_BUF_INIT;
	struct pl_date		 today;
	const char		*term = s->term != NULL ? s->term : "short";
	char			 due[PL_DATE_LEN], created[PL_DATE_LEN];
	char			*id = NULL, *sentence = NULL;
	int			 err;

	*out_id = NULL;
	if ((err = pl_portfolio_today(&today, pf)) != PL_OK ||
	    (err = check_spec(due, pf, s, term, today)) != PL_OK)
		goto done;
	if (s->id != NULL)
		id = pl_xstrdup(s->id);
	else if ((err = pl_entry_new_id(&id, pf, PL_KIND_GOAL, s->title,
	    NULL)) != PL_OK)
		goto done;
	pl_date_format(created, today);
	e = pl_entry_new(PL_KIND_GOAL, id);
	pl_doc_set(e->doc, "title", s->title, PL_SCALAR_STR);
	pl_doc_set(e->doc, "term", term, PL_SCALAR_PLAIN);
	pl_doc_set(e->doc, "status", "active", PL_SCALAR_PLAIN);
	pl_doc_set(e->doc, "created", created, PL_SCALAR_PLAIN);
	if (*due != '\0')
		pl_doc_set(e->doc, "due", due, PL_SCALAR_PLAIN);
	if (s->parent != NULL)
		pl_doc_set(e->doc, "parent", s->parent, PL_SCALAR_STR);
	pl_entry_link(e, &msg, "standards", "Pl-Standard", &s->standards);
	goal_body(&body, s);
	pl_doc_set_body(e->doc, body.ptr);
	msg.action = "add";
	sentence = pl_xasprintf("Set a %s-term goal: %s.", term, s->title);
	msg.sentence = sentence;
	if ((err = pl_entry_commit(pf, &pl_goal_ops, e, &msg, NULL, NULL)) !=
	    PL_OK)
		goto done;
	*out_id = id;
	id = NULL;
done:
	pl_strlist_release(&msg.trailers);
	pl_buf_release(&body);
	pl_entry_free(e);
	free(sentence);
	free(id);
	return err;
}

/*
 * Commits a changed goal with action, a subject saying what changed and
 * a sentence about it (both freed here).
 */
static int
save(struct pl_portfolio *pf, struct pl_entry *e, const char *action,
    char *subject, char *sentence)
{
	struct pl_msg	msg = { 0 };
	int		err;

	/* The file may have been committed by hand: check what pl repeats */
	msg.action = action;
	msg.subject = subject;
	msg.sentence = sentence;
	if ((err = check_lines(e)) == PL_OK)
		err = pl_entry_commit(pf, &pl_goal_ops, e, &msg, NULL, NULL);
	pl_strlist_release(&msg.trailers);
	free(subject);
	free(sentence);
	return err;
}

static const char *
title_of(const struct pl_entry *e)
{
	const char	*t = pl_doc_get(e->doc, "title");

	return t != NULL ? t : e->id;
}

int
pl_goal_step(size_t *out_n, struct pl_portfolio *pf, const char *id,
    const char *text)
{
	struct pl_entry	*e = NULL;
	struct pl_tasks	 t;
	char		*line, *body;
	int		 err;

	if ((err = check_step(text)) != PL_OK ||
	    (err = pl_entry_load(&e, pf, PL_KIND_GOAL, id)) != PL_OK)
		return err;
	line = pl_xasprintf("- [ ] %s", text);
	body = pl_md_append_item(e->doc->body, PL_GOAL_STEPS, line);
	pl_doc_set_body(e->doc, body);
	pl_md_tasks(&t, e->doc->body, PL_GOAL_STEPS);
	*out_n = t.n;
	pl_tasks_release(&t);
	err = save(pf, e, "step", pl_xasprintf("add step %zu to %s", *out_n,
	    id), pl_xasprintf("Added step %zu to \"%s\": %s.", *out_n,
	    title_of(e), text));
	free(body);
	free(line);
	pl_entry_free(e);
	return err;
}

int
pl_goal_tick(struct pl_portfolio *pf, const char *id, long n, int done)
{
	struct pl_entry	*e = NULL;
	struct pl_tasks	 t = { NULL, 0 };
	char		*body;
	int		 err;

	if ((err = pl_entry_load(&e, pf, PL_KIND_GOAL, id)) != PL_OK)
		return err;
	pl_md_tasks(&t, e->doc->body, PL_GOAL_STEPS);
	if (n < 1 || (size_t)n > t.n) {
		err = pl_error_set(PL_EINVAL, "goal '%s' has no step %ld (it "
		    "has %zu)", id, n, t.n);
		goto done;
	}
	if (t.v[n - 1].done == done) {
		err = pl_error_set(PL_ENOCHANGE, "step %ld of goal '%s' is "
		    "already %s", n, id, done ? "done" : "not done");
		goto done;
	}
	body = pl_md_tick(e->doc->body, t.v[n - 1].line, done);
	pl_doc_set_body(e->doc, body);
	free(body);
	err = save(pf, e, done ? "done" : "undo", pl_xasprintf("%s step %ld "
	    "of %s", done ? "done" : "undo", n, id), pl_xasprintf("%s step %ld "
	    "of \"%s\": %s.", done ? "Did" : "Reopened", n, title_of(e),
	    t.v[n - 1].text));
done:
	pl_tasks_release(&t);
	pl_entry_free(e);
	return err;
}

int
pl_goal_set_status(struct pl_portfolio *pf, const char *id,
    const char *status)
{
	struct pl_entry	*e = NULL;
	const char	*old;
	int		 err;

	if (!pl_goal_status_valid(status))
		return pl_error_set(PL_EINVAL, "invalid status '%s' (use "
		    "active, met, paused or dropped)", status);
	if ((err = pl_entry_load(&e, pf, PL_KIND_GOAL, id)) != PL_OK)
		return err;
	old = pl_doc_get(e->doc, "status");
	if (old != NULL && strcmp(old, status) == 0) {
		err = pl_error_set(PL_ENOCHANGE, "goal '%s' is already %s", id,
		    status);
		goto done;
	}
	pl_doc_set(e->doc, "status", status, PL_SCALAR_PLAIN);
	err = save(pf, e, "status", pl_xasprintf("status %s %s", id, status),
	    pl_xasprintf("Marked \"%s\" as %s.", title_of(e), status));
done:
	pl_entry_free(e);
	return err;
}
