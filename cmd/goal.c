/*
 * pl goal: a learner's short- and long-term goals, their steps and their
 * status.  Each change is one commit; list and show read the committed
 * tree.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "pl/progress/align.h"
#include "pl/entries/goal.h"
#include "pl/base/md.h"
#include "pl/entries/reflection.h"

static int
goal_add(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_goal_spec	 s = { 0 };
	char			*id = NULL;
	int			 err;

	s.id = pl_arg(a, "id");
	s.title = a->argv[0];
	s.term = pl_arg(a, "term");
	s.due = pl_arg(a, "due");
	s.parent = pl_arg(a, "parent");
	s.why = pl_arg(a, "why");
	s.steps = *pl_arg_all(a, "step");
	if ((err = pl_align_resolve(&s.standards, ctx->pf,
	    pl_arg_all(a, "standard"))) == PL_OK &&
	    (err = pl_goal_add(&id, ctx->pf, &s)) == PL_OK)
		pl_out_printf("%s\n", id);
	pl_strlist_release(&s.standards);
	free(id);
	return err;
}

/* The ids of the goals under goal i. */
static void
children_jw(struct pl_jw *w, const struct pl_goals *gs, size_t i)
{
	long	k;

	pl_jw_open(w, "children", '[');
	for (k = gs->g[i].down; k >= 0; k = gs->g[k].next)
		pl_jw_str(w, NULL, gs->l.v[k]->id);
	pl_jw_close(w, ']');
}

/*
 * Goal i of gs, with full its steps and body too, as an object left open
 * for the caller's members.
 */
static void
goal_jw(struct pl_jw *w, const struct pl_goals *gs, size_t i, int full)
{
	const struct pl_entry	*e = gs->l.v[i];
	const struct pl_goal	*g = &gs->g[i];
	struct pl_strlist	 std = PL_STRLIST_INIT;
	struct pl_tasks		 t;
	size_t			 k;

	if (pl_doc_get_list(e->doc, e->path, "standards", &std) != PL_OK)
		pl_strlist_release(&std);	/* shown empty; load checks it */
	pl_jw_open(w, NULL, '{');
	pl_jw_str(w, "id", e->id);
	pl_jw_str(w, "title", g->title);
	pl_jw_str(w, "term", g->term);
	pl_jw_str(w, "status", g->status);
	pl_jw_str(w, "created", g->created);
	pl_jw_str(w, "due", g->due);
	pl_jw_bool(w, "overdue", g->overdue);
	pl_jw_str(w, "parent", g->parent);
	children_jw(w, gs, i);
	pl_jw_strlist(w, "standards", &std);
	pl_jw_open(w, "progress", '{');
	pl_jw_int(w, "done", (long long)g->done);
	pl_jw_int(w, "total", (long long)g->total);
	pl_jw_close(w, '}');
	if (full) {
		pl_md_tasks(&t, e->doc->body, PL_GOAL_STEPS);
		pl_jw_open(w, "steps", '[');
		for (k = 0; k < t.n; k++) {
			pl_jw_open(w, NULL, '{');
			pl_jw_int(w, "n", (long long)k + 1);
			pl_jw_str(w, "text", t.v[k].text);
			pl_jw_bool(w, "done", t.v[k].done);
			pl_jw_close(w, '}');
		}
		pl_jw_close(w, ']');
		pl_tasks_release(&t);
		pl_jw_str(w, "body", e->doc->body);
	}
	pl_strlist_release(&std);
}

static int
wanted(const struct pl_goal *g, const struct pl_args *a)
{
	const char	*status = pl_arg(a, "status"), *term = pl_arg(a, "term");

	if (status != NULL && strcmp(status, "all") != 0 &&
	    (g->status == NULL || strcmp(status, g->status) != 0))
		return 0;
	if (term != NULL && (g->term == NULL || strcmp(term, g->term) != 0))
		return 0;
	if (pl_arg_has(a, "overdue") && !g->overdue)
		return 0;
	return 1;
}

/* How list rows are laid out: the id column, and the overdue one. */
struct layout {
	int	idw;
	int	overdue;	/* some row is overdue: the column is there */
};

/* One row; depth 1 indents a goal under its parent. */
static void
goal_line(const struct pl_entry *e, const struct pl_goal *g, int depth,
    const struct layout *lay)
{
	char	steps[32];

	snprintf(steps, sizeof steps, "%zu/%zu", g->done, g->total);
	pl_out_printf("%*s%-*s  %-7s  %-5s  %5s  %-10s  ", 2 * depth, "",
	    lay->idw - 2 * depth, e->id, g->status ? g->status : "-",
	    g->term ? g->term : "-", steps, g->due ? g->due : "-");
	if (lay->overdue)
		pl_out_printf("%-7s  ", g->overdue ? "overdue" : "");
	pl_out_printf("%s\n", g->title ? g->title : "");
}

static int
check_filters(const struct pl_args *a)
{
	const char	*s = pl_arg(a, "status"), *t = pl_arg(a, "term");

	if (s != NULL && strcmp(s, "all") != 0 && !pl_goal_status_valid(s))
		return pl_error_set(PL_EINVAL, "invalid status '%s' (use "
		    "active, met, paused, dropped or all)", s);
	if (t != NULL && !pl_goal_term_valid(t))
		return pl_error_set(PL_EINVAL, "invalid term '%s' (use short "
		    "or long)", t);
	return PL_OK;
}

/*
 * The rows in order, each with its depth: a goal under its parent when
 * the parent is listed too (and not --flat), else at the top.
 */
struct row {
	size_t	i;
	int	depth;
};

static size_t
list_rows(struct row *rows, const struct pl_goals *gs, const int *want,
    int flat)
{
	size_t	i, n = 0;
	long	k;

	for (i = 0; i < gs->l.n; i++) {
		if (!flat && gs->g[i].up >= 0 && want[gs->g[i].up])
			continue;	/* listed under its parent */
		if (want[i])
			rows[n++] = (struct row){ i, 0 };
		for (k = gs->g[i].down; !flat && want[i] && k >= 0;
		    k = gs->g[k].next)
			if (want[k])
				rows[n++] = (struct row){ (size_t)k, 1 };
	}
	return n;
}

static void
print_rows(const struct pl_goals *gs, const struct row *rows, size_t n)
{
	struct layout	lay = { 2, 0 };
	size_t		i;
	int		w;

	for (i = 0; i < n; i++) {
		w = (int)strlen(gs->l.v[rows[i].i]->id) + 2 * rows[i].depth;
		if (w > lay.idw)
			lay.idw = w;
		lay.overdue |= gs->g[rows[i].i].overdue;
	}
	for (i = 0; i < n; i++)
		goal_line(gs->l.v[rows[i].i], &gs->g[rows[i].i],
		    rows[i].depth, &lay);
}

static int
goal_list(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_goals		 gs = { { NULL, 0 }, NULL };
	struct pl_strlist	 warn = PL_STRLIST_INIT;
	struct row		*rows = NULL;
	struct pl_jw		 w;
	struct pl_buf		 b;
	size_t			 i, n;
	int			*want = NULL, err;

	if ((err = check_filters(a)) != PL_OK ||
	    (err = pl_goals_read(&gs, ctx->pf, &warn)) != PL_OK)
		goto done;
	want = pl_xcalloc(gs.l.n, sizeof *want);
	for (i = 0; i < gs.l.n; i++)
		want[i] = wanted(&gs.g[i], a);
	if (ctx->json) {
		pl_json_stream_begin(&w, &b);
		pl_jw_open(&w, NULL, '[');
		for (i = 0; i < gs.l.n; i++)
			if (want[i]) {
				goal_jw(&w, &gs, i, 0);
				pl_jw_close(&w, '}');
				pl_buf_drain(&b);
			}
		pl_jw_close(&w, ']');
		pl_json_stream_end(&w);
	} else {
		rows = pl_xcalloc(gs.l.n, sizeof *rows);
		n = list_rows(rows, &gs, want, pl_arg_has(a, "flat"));
		print_rows(&gs, rows, n);
	}
	pl_out_warnings(&warn);
done:
	free(rows);
	free(want);
	pl_goals_release(&gs);
	pl_strlist_release(&warn);
	return err;
}

/* The goals under goal i, as list rows under a heading. */
static void
show_children(const struct pl_goals *gs, size_t i)
{
	struct row	*rows = pl_xcalloc(gs->l.n, sizeof *rows);
	size_t		 n = 0;
	long		 k;

	for (k = gs->g[i].down; k >= 0; k = gs->g[k].next)
		rows[n++] = (struct row){ (size_t)k, 1 };
	if (n > 0) {
		pl_out_printf("\nGoals under it:\n");
		print_rows(gs, rows, n);
	}
	free(rows);
}

/* Evidence or reflections linked to the goal, newest first. */
static void
show_linked(const struct pl_entries *l, const char *heading)
{
	const char	*date;
	char		*text;
	size_t		 i;

	if (l->n > 0)
		pl_out_printf("\n%s:\n", heading);
	for (i = 0; i < l->n; i++) {
		date = pl_doc_get(l->v[i]->doc, "date");
		if (l->v[i]->kind == PL_KIND_EVIDENCE)
			text = pl_xstrdup(pl_doc_get(l->v[i]->doc, "title") ?
			    pl_doc_get(l->v[i]->doc, "title") : "");
		else if ((text = pl_reflection_summary_of(l->v[i])) ==
		    NULL)
			text = pl_xstrdup("");
		pl_out_printf("  %-10s  %s  (%s)\n", date ? date : "-", text,
		    l->v[i]->id);
		free(text);
	}
}

/* The entries of l linked to a goal, as the array key. */
static void
linked_jw(struct pl_jw *w, const char *key, const struct pl_entries *l)
{
	char	*text;
	size_t	 i;

	pl_jw_open(w, key, '[');
	for (i = 0; i < l->n; i++) {
		pl_jw_open(w, NULL, '{');
		pl_jw_str(w, "id", l->v[i]->id);
		pl_jw_str(w, "date", pl_doc_get(l->v[i]->doc, "date"));
		if (l->v[i]->kind == PL_KIND_EVIDENCE)
			pl_jw_str(w, "title", pl_doc_get(l->v[i]->doc,
			    "title"));
		else {
			text = pl_reflection_summary_of(l->v[i]);
			pl_jw_str(w, "summary", text);
			free(text);
		}
		pl_jw_close(w, '}');
	}
	pl_jw_close(w, ']');
}

static void
show_text(const struct pl_goals *gs, size_t i, const struct pl_entries *ev,
    const struct pl_entries *re)
{
	const struct pl_entry	*e = gs->l.v[i];
	const struct pl_goal	*g = &gs->g[i];
	char			 steps[64], *body, *due;

	pl_out_printf("%s\n\n", g->title ? g->title : e->id);
	pl_show_field("id:", e->id);
	pl_show_field("status:", g->status);
	pl_show_field("term:", g->term);
	pl_show_field("created:", g->created);
	due = g->overdue ? pl_xasprintf("%s (overdue)", g->due) : NULL;
	pl_show_field("due:", due != NULL ? due : g->due);
	free(due);
	pl_show_field("parent:", g->parent);
	snprintf(steps, sizeof steps, "%zu/%zu", g->done, g->total);
	pl_show_field("steps:", steps);
	pl_show_list(e, "standards", "standards:");
	body = pl_md_number_tasks(e->doc->body, PL_GOAL_STEPS);
	pl_show_body(body);
	free(body);
	show_children(gs, i);
	show_linked(ev, "Evidence");
	show_linked(re, "Reflections");
}

static int
goal_show(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_entry		*e = NULL;
	struct pl_goals		 gs = { { NULL, 0 }, NULL };
	struct pl_entries	 ev = { NULL, 0 }, re = { NULL, 0 };
	struct pl_strlist	 warn = PL_STRLIST_INIT;
	struct pl_jw		 w;
	struct pl_buf		 b;
	long			 i;
	int			 err;

	/* Loaded alone first: its own errors, not a list's warnings */
	if ((err = pl_entry_load(&e, ctx->pf, PL_KIND_GOAL, a->argv[0])) !=
	    PL_OK ||
	    (err = pl_goals_read_under(&gs, ctx->pf, e->id, &warn)) !=
	    PL_OK ||
	    (err = pl_goal_linked(&ev, ctx->pf, PL_KIND_EVIDENCE, e->id,
	    &warn)) != PL_OK ||
	    (err = pl_goal_linked(&re, ctx->pf, PL_KIND_REFLECTION, e->id,
	    &warn)) != PL_OK)
		goto done;
	if ((i = pl_goals_find(&gs, e->id)) < 0) {
		err = pl_error_set(PL_ERROR, "goal '%s' vanished", e->id);
		goto done;
	}
	if (ctx->json) {
		pl_json_stream_begin(&w, &b);
		goal_jw(&w, &gs, (size_t)i, 1);
		linked_jw(&w, "evidence", &ev);
		linked_jw(&w, "reflections", &re);
		pl_jw_close(&w, '}');
		pl_json_stream_end(&w);
	} else
		show_text(&gs, (size_t)i, &ev, &re);
done:
	pl_entries_release(&ev);
	pl_entries_release(&re);
	pl_goals_release(&gs);
	pl_strlist_release(&warn);
	pl_entry_free(e);
	return err;
}

static int
goal_step(struct pl_ctx *ctx, struct pl_args *a)
{
	size_t	n;

	return pl_goal_step(&n, ctx->pf, a->argv[0], a->argv[1]);
}

static int
parse_step_number(long *out, const char *s)
{
	char	*end;

	*out = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || *out < 1)
		return pl_error_set(PL_EINVAL, "invalid step number '%s'", s);
	return PL_OK;
}

static int
goal_done(struct pl_ctx *ctx, struct pl_args *a)
{
	long	n;
	int	err;

	if ((err = parse_step_number(&n, a->argv[1])) != PL_OK)
		return err;
	return pl_goal_tick(ctx->pf, a->argv[0], n, !pl_arg_has(a, "undo"));
}

static int
goal_status(struct pl_ctx *ctx, struct pl_args *a)
{
	return pl_goal_set_status(ctx->pf, a->argv[0], a->argv[1]);
}

static int
goal_edit(struct pl_ctx *ctx, struct pl_args *a)
{
	return pl_edit_entry(ctx, PL_KIND_GOAL, a->argv[0]);
}

static const struct pl_opt add_opts[] = {
	{ "term", 't', "TERM", "short (default) or long", "short long" },
	{ "due", 'd', "DATE", "due date: YYYY-MM-DD, today or yesterday",
	    NULL },
	{ "parent", 'p', "ID", "the long-term goal this one serves",
	    "@long-goal" },
	{ "why", 'w', "TEXT", "why this goal matters (the Why section)", NULL },
	{ "step", 's', "TEXT", "a step towards the goal (repeatable)", NULL },
	{ "id", 0, "ID", "use this id instead of one made from the title",
	    NULL },
	{ "standard", 0, "CODE", "a standard this goal works toward "
	    "(repeatable)", "@standard" },
	PL_OPT_AUTHOR,
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct pl_cmd goal_add_cmd = {
	.name = "add",
	.summary = "add a goal",
	.usage = "goal add [--term short|long] [--due DATE] [--parent ID] "
	    "[--why TEXT] [--step TEXT]... [--standard CODE]... TITLE",
	.description = "Adds goals/<id>.md, with the id made from TITLE, and "
	    "commits it.\nPrints the new goal's id.",
	.opts = add_opts,
	.min_args = 1, .max_args = 1,
	.flags = PL_CMD_PORTFOLIO,
	.run = goal_add,
};

static const struct pl_opt list_opts[] = {
	{ "status", 's', "STATUS",
	    "only goals with this status (default: all)",
	    "active met paused dropped all" },
	{ "term", 't', "TERM", "only short or long goals", "short long" },
	{ "overdue", 0, NULL, "only active goals whose due date has passed",
	    NULL },
	{ "flat", 0, NULL, "do not indent goals under their parent", NULL },
	PL_OPT_FORMAT,
	PL_OPT_REV,
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct pl_cmd goal_list_cmd = {
	.name = "list",
	.summary = "list goals",
	.usage = "goal list [--status STATUS|all] [--term TERM] [--overdue] "
	    "[--flat] [--format text|json] [--rev REV]",
	.description = "Lists goals: id, status, term, steps done, due date "
	    "and title;\n'overdue' marks an active goal whose due date has "
	    "passed.  Goals are\nindented under their long-term goal.  "
	    "Without --status, all goals are listed.",
	.opts = list_opts,
	.min_args = 0, .max_args = 0,
	.flags = PL_CMD_PORTFOLIO,
	.run = goal_list,
};

static const struct pl_cmd goal_show_cmd = {
	.name = "show",
	.summary = "show one goal",
	.usage = "goal show [--format text|json] [--rev REV] ID",
	.description = "Shows the goal with its steps numbered as 'goal done' "
	    "takes them, the goals\nunder it, and the evidence and "
	    "reflections linked to it, newest first.",
	.opts = pl_opts_show,
	.arg_words = "@goal",
	.min_args = 1, .max_args = 1,
	.flags = PL_CMD_PORTFOLIO,
	.run = goal_show,
};

static const struct pl_cmd goal_step_cmd = {
	.name = "step",
	.summary = "add a step to a goal",
	.usage = "goal step ID TEXT",
	.description = "Adds '- [ ] TEXT' to the goal's Steps and commits.",
	.opts = pl_opts_write,
	.arg_words = "@goal",
	.min_args = 2, .max_args = 2,
	.flags = PL_CMD_PORTFOLIO,
	.run = goal_step,
};

static const struct pl_opt done_opts[] = {
	{ "undo", 'u', NULL, "untick the step instead", NULL },
	PL_OPT_AUTHOR,
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct pl_cmd goal_done_cmd = {
	.name = "done",
	.summary = "tick a goal's step",
	.usage = "goal done [--undo] ID N",
	.description = "Ticks step N (1 is the first of the goal's Steps) and "
	    "commits.",
	.opts = done_opts,
	.arg_words = "@goal|@step",
	.min_args = 2, .max_args = 2,
	.flags = PL_CMD_PORTFOLIO,
	.run = goal_done,
};

static const struct pl_cmd goal_status_cmd = {
	.name = "status",
	.summary = "set a goal's status",
	.usage = "goal status ID active|met|paused|dropped",
	.opts = pl_opts_write,
	.arg_words = "@goal|active met paused dropped",
	.min_args = 2, .max_args = 2,
	.flags = PL_CMD_PORTFOLIO,
	.run = goal_status,
};

static const struct pl_cmd goal_edit_cmd = {
	.name = "edit",
	.summary = "edit a goal in $EDITOR",
	.usage = "goal edit ID",
	.description = "Opens the goal's file in $VISUAL or $EDITOR and "
	    "commits what you changed.",
	.opts = pl_opts_write,
	.arg_words = "@goal",
	.min_args = 1, .max_args = 1,
	.flags = PL_CMD_PORTFOLIO,
	.run = goal_edit,
};

static int
goal_rm(struct pl_ctx *ctx, struct pl_args *a)
{
	return pl_rm_entry(ctx, PL_KIND_GOAL, a);
}

static const struct pl_cmd goal_rm_cmd = {
	.name = "rm",
	.summary = "remove a goal",
	.usage = "goal rm [--force] ID",
	.description = "Removes goals/<id>.md and commits.  A goal that other "
	    "entries name (a child's\nparent, the goals of evidence and "
	    "reflections) is kept unless --force,\nwhich removes those "
	    "references in the same commit.",
	.opts = pl_opts_rm,
	.arg_words = "@goal",
	.min_args = 1, .max_args = 1,
	.flags = PL_CMD_PORTFOLIO,
	.run = goal_rm,
};

static int
goal_mv(struct pl_ctx *ctx, struct pl_args *a)
{
	return pl_mv_entry(ctx, PL_KIND_GOAL, a);
}

static const struct pl_cmd goal_mv_cmd = {
	.name = "mv",
	.summary = "give a goal a new id",
	.usage = "goal mv OLD NEW",
	.description = "Renames goals/OLD.md to goals/NEW.md and rewrites "
	    "every reference to it,\nin one commit.",
	.opts = pl_opts_write,
	.arg_words = "@goal",
	.min_args = 2, .max_args = 2,
	.flags = PL_CMD_PORTFOLIO,
	.run = goal_mv,
};

static const struct pl_cmd *const goal_subs[] = {
	&goal_add_cmd,
	&goal_list_cmd,
	&goal_show_cmd,
	&goal_step_cmd,
	&goal_done_cmd,
	&goal_status_cmd,
	&goal_edit_cmd,
	&goal_rm_cmd,
	&goal_mv_cmd,
	NULL
};

const struct pl_cmd pl_cmd_goal = {
	.name = "goal",
	.summary = "set goals, add and tick steps, mark them met",
	.usage = "goal [list]",
	.description = "Goals live in goals/<id>.md.  Without a command, "
	    "'pl goal' lists them.",
	.subs = goal_subs,
	.default_sub = "list",
};
