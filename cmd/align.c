/*
 * pl align: the curriculum standards a learner's own path meets.  A
 * school's framework comes into the portfolio once (standards/), and
 * goals and evidence then name its codes, so a teacher can see what is
 * covered, what is mastered and what is missing.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd.h"
#include "pl/progress/align.h"
#include "pl/entries/framework.h"
#include "pl/entries/migrate.h"
#include "pl/base/csv.h"
#include "pl/base/percent.h"
#include "pl/entries/standards.h"

/* --- frameworks: import, list, show --- */

#define PLURAL(n)	((n) == 1 ? "" : "s")

static const struct pl_opt import_opts[] = {
	{ "framework", 'f', "NAME",
	    "the framework's name (default: from FILE's name)", "@framework" },
	{ "force", 0, NULL,
	    "drop codes that goals or evidence still name", NULL },
	PL_OPT_AUTHOR,
	{ NULL, 0, NULL, NULL, NULL }
};

static void
print_codes(const char *what, const struct pl_strlist *codes)
{
	size_t	i;

	for (i = 0; i < codes->n; i++) {
		pl_out_printf("%-9s ", what);
		pl_out_write(codes->v[i], PL_OUT_LINE);
		pl_out_write("\n", PL_OUT_LINE);
	}
}

static int
align_import(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_framework_diff	d;
	struct pl_strlist		w = PL_STRLIST_INIT;
	int				err;

	err = pl_framework_import(&d, ctx->pf, a->argv[0],
	    pl_arg(a, "framework"), pl_arg_has(a, "force"), &w);
	pl_out_warnings(&w);
	if (err != PL_OK)
		goto done;
	print_codes("added", &d.added);
	print_codes("removed", &d.removed);
	print_codes("reworded", &d.reworded);
	if (!d.updated)
		pl_out_printf("imported %s: %zu standard%s\n", d.name, d.n,
		    PLURAL(d.n));
	else if (d.added.n + d.removed.n + d.reworded.n == 0)
		pl_out_printf("%s is up to date: %zu standard%s\n", d.name,
		    d.n, PLURAL(d.n));
	else
		pl_out_printf("updated %s: %zu added, %zu removed, %zu "
		    "reworded; %zu standard%s\n", d.name, d.added.n,
		    d.removed.n, d.reworded.n, d.n, PLURAL(d.n));
done:
	pl_framework_diff_release(&d);
	pl_strlist_release(&w);
	return err;
}

static const struct pl_cmd align_import_cmd = {
	.name = "import",
	.summary = "bring a standards framework into the portfolio",
	.usage = "align import [--framework NAME] [--force] FILE",
	.description = "Reads FILE (pl's CSV: code,parent,grade,subject,"
	    "description; a Moodle\ncompetency framework CSV; or an IMS CASE "
	    "JSON package) and commits it\nas standards/<NAME>.csv.  Over a "
	    "framework already there it is an update: pl\nprints the codes "
	    "added, removed and reworded, and refuses to drop a code\nthat "
	    "goals or evidence name unless --force.",
	.opts = import_opts,
	.arg_words = "@file",
	.min_args = 1, .max_args = 1,
	.flags = PL_CMD_PORTFOLIO,
	.run = align_import,
};

/* 1 when s holds text, case aside (ASCII). */
static int
has_text(const char *s, const char *text)
{
	size_t	n = strlen(text);

	for (; *s != '\0'; s++)
		if (strncasecmp(s, text, n) == 0)
			return 1;
	return n == 0;
}

static int
listed(const struct pl_standard *s, const struct pl_args *a)
{
	const char	*v;

	if ((v = pl_arg(a, "framework")) != NULL &&
	    strcmp(s->framework, v) != 0)
		return 0;
	if ((v = pl_arg(a, "grade")) != NULL && !pl_grade_has(s->grade, v))
		return 0;
	if ((v = pl_arg(a, "subject")) != NULL &&
	    strcasecmp(s->subject, v) != 0)
		return 0;
	if (a->argc > 0 && !has_text(s->code, a->argv[0]) &&
	    !has_text(s->description, a->argv[0]))
		return 0;
	return 1;
}

static json_t *
standard_json(const struct pl_standard *s)
{
	json_t	*j = json_object();

	json_object_set_new(j, "code", json_string(s->code));
	json_object_set_new(j, "framework", json_string(s->framework));
	json_object_set_new(j, "parent", json_string(s->parent));
	json_object_set_new(j, "grade", json_string(s->grade));
	json_object_set_new(j, "subject", json_string(s->subject));
	json_object_set_new(j, "description", json_string(s->description));
	return j;
}

/* The standards, or PL_ENOTFOUND when --framework names none of them. */
static int
load(struct pl_standards *l, struct pl_ctx *ctx, const char *framework)
{
	struct pl_strlist	w = PL_STRLIST_INIT;
	size_t			i;
	int			err;

	err = pl_standards_load(l, ctx->pf, &w);
	pl_out_warnings(&w);
	pl_strlist_release(&w);
	if (err != PL_OK || framework == NULL)
		return err;
	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].framework, framework) == 0)
			return PL_OK;
	return pl_error_set(PL_ENOTFOUND, "unknown framework '%s'",
	    framework);
}

static int
align_list(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_standards	 l;
	json_t			*j = json_array();
	size_t			 i, w = 0;
	int			 err;

	if ((err = load(&l, ctx, pl_arg(a, "framework"))) != PL_OK)
		goto done;
	for (i = 0; i < l.n; i++)
		if (listed(&l.v[i], a) && strlen(l.v[i].code) > w)
			w = strlen(l.v[i].code);
	for (i = 0; i < l.n; i++) {
		if (!listed(&l.v[i], a))
			continue;
		if (ctx->json) {
			json_array_append_new(j, standard_json(&l.v[i]));
			continue;
		}
		pl_out_printf("%-*s  %-5s  ", (int)w, l.v[i].code,
		    *l.v[i].grade ? l.v[i].grade : "-");
		pl_out_write(l.v[i].description, PL_OUT_LINE);
		pl_out_write("\n", PL_OUT_LINE);
	}
	if (ctx->json) {
		pl_json_print(j);
		j = NULL;
	}
done:
	json_decref(j);
	pl_standards_release(&l);
	return err;
}

static const struct pl_opt list_opts[] = {
	{ "framework", 'f', "NAME", "only the standards of this framework",
	    "@framework" },
	{ "grade", 'g', "GRADE", "only standards for this grade (K, 1-12)",
	    NULL },
	{ "subject", 's', "SUBJECT", "only standards of this subject", NULL },
	PL_OPT_FORMAT,
	PL_OPT_REV,
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct pl_cmd align_list_cmd = {
	.name = "list",
	.summary = "list the standards of the portfolio's frameworks",
	.usage = "align list [--framework NAME] [--grade GRADE] "
	    "[--subject SUBJECT] [--format text|json] [--rev REV] [TEXT]",
	.description = "Lists the standards one a line: code, grade and "
	    "statement, by framework\nin file order.  TEXT keeps those whose "
	    "code or statement holds it, case\naside; a grade keeps the "
	    "spans (K-2) that take it in.",
	.opts = list_opts,
	.min_args = 0, .max_args = 1,
	.flags = PL_CMD_PORTFOLIO,
	.run = align_list,
};

/* The codes of the standards whose parent is s. */
static void
children(struct pl_strlist *out, const struct pl_standards *l,
    const struct pl_standard *s)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].framework, s->framework) == 0 &&
		    strcasecmp(l->v[i].parent, s->code) == 0)
			pl_strlist_push(out, l->v[i].code);
}

/* Its parent, its parent's parent...: the codes, nearest first. */
static void
parents(struct pl_strlist *out, const struct pl_standards *l,
    const struct pl_standard *s)
{
	long	k;

	/* a hand-edited file may loop: a chain no longer than the file */
	while (*s->parent != '\0' && out->n < l->n) {
		pl_strlist_push(out, s->parent);
		if ((k = pl_standards_index(l, s->parent)) < 0)
			break;
		s = &l->v[k];
	}
}

static void
show_codes(const char *label, const struct pl_strlist *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		pl_show_field(i == 0 ? label : "", l->v[i]);
}

static json_t	*ratings_json(const struct pl_align_row *);
static const char *row_state(const struct pl_align_row *);

/* The row of code in the status of its framework, with its ratings. */
static int
show_row(struct pl_align_status *st, const struct pl_align_row **row,
    struct pl_scale *scale, struct pl_ctx *ctx, const struct pl_standard *s,
    struct pl_strlist *w)
{
	struct pl_align_scope	scope = { .framework = s->framework };
	size_t			i;
	int			err;

	*row = NULL;
	if ((err = pl_scale_load(scale, ctx->pf)) != PL_OK ||
	    (err = pl_align_status(st, ctx->pf, scale, scale->method, &scope,
	    w)) != PL_OK)
		return err;
	for (i = 0; i < st->n && *row == NULL; i++)
		if (strcmp(st->rows[i].std->code, s->code) == 0)
			*row = &st->rows[i];
	return PL_OK;
}

/*
 * The state as text shows it: rated without a score (n-times before N
 * ratings at mastery) says how many are.
 */
static void
row_words(struct pl_buf *b, const struct pl_align_row *r,
    const struct pl_scale *s)
{
	if (r->nratings > 0 && !r->mastery.scored)
		pl_mastery_pending(b, s, r->mastery.at_mastery);
	else
		pl_buf_puts(b, row_state(r));
}

/* The score to two places, or "-" without one. */
static void
row_score(struct pl_buf *b, const struct pl_align_row *r)
{
	if (r->mastery.scored)
		pl_buf_printf(b, "%.2f", r->mastery.score);
	else
		pl_buf_puts(b, "-");
}

/* A score, or null without one (no ratings; n-times before N). */
static json_t *
score_json(const struct pl_mastery *m)
{
	return m->scored ? json_real(m->score) : json_null();
}

/* "ratings:" lines, oldest work first, and what they come to. */
static void
show_ratings(const struct pl_align_row *r, const struct pl_scale *scale)
{
	struct pl_buf	b = PL_BUF_INIT;
	size_t		i;

	for (i = 0; r != NULL && i < r->nratings; i++) {
		pl_buf_clear(&b);
		pl_buf_printf(&b, "%s  ", r->ratings[i].work_date != NULL ?
		    r->ratings[i].work_date : "-");
		pl_level_format(&b, r->ratings[i].level);
		pl_buf_printf(&b, "  %s  %s", r->ratings[i].evidence,
		    r->ratings[i].by != NULL ? r->ratings[i].by : "-");
		if (r->ratings[i].note != NULL)
			pl_buf_printf(&b, "  \"%s\"", r->ratings[i].note);
		pl_show_field(i == 0 ? "ratings:" : "", pl_buf_cstr(&b));
	}
	if (r != NULL && r->nratings > 0) {
		pl_buf_clear(&b);
		row_score(&b, r);
		pl_buf_printf(&b, " by %s: ", pl_method_names[scale->method]);
		row_words(&b, r, scale);
		pl_show_field("mastery:", pl_buf_cstr(&b));
	}
	pl_buf_release(&b);
}

static int
align_show(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_standards		 l;
	const struct pl_standard	*s;
	struct pl_strlist		 up = PL_STRLIST_INIT;
	struct pl_strlist		 down = PL_STRLIST_INIT;
	struct pl_strlist		 goals = PL_STRLIST_INIT;
	struct pl_strlist		 ev = PL_STRLIST_INIT;
	struct pl_strlist		 code = PL_STRLIST_INIT;
	struct pl_strlist		 w = PL_STRLIST_INIT;
	struct pl_align_status		 st;
	const struct pl_align_row	*row = NULL;
	struct pl_scale			 scale;
	json_t				*j, *m;
	int				 err;

	memset(&st, 0, sizeof st);
	pl_scale_default(&scale);
	if ((err = load(&l, ctx, NULL)) != PL_OK ||
	    (err = pl_standards_find(&s, &l, a->argv[0])) != PL_OK)
		goto done;
	parents(&up, &l, s);
	children(&down, &l, s);
	pl_strlist_push(&code, s->code);
	if ((err = pl_framework_users(&goals, ctx->pf, PL_KIND_GOAL, &code,
	    &w)) != PL_OK || (err = pl_framework_users(&ev, ctx->pf,
	    PL_KIND_EVIDENCE, &code, &w)) != PL_OK)
		goto done;
	pl_scale_release(&scale);
	if ((err = show_row(&st, &row, &scale, ctx, s, &w)) != PL_OK)
		goto done;
	pl_out_warnings(&w);
	if (ctx->json) {
		j = standard_json(s);
		json_object_set_new(j, "parents", pl_json_strlist(&up));
		json_object_set_new(j, "children", pl_json_strlist(&down));
		json_object_set_new(j, "goals", pl_json_strlist(&goals));
		json_object_set_new(j, "evidence", pl_json_strlist(&ev));
		if (row != NULL) {
			json_object_set_new(j, "ratings", ratings_json(row));
			m = json_object();
			json_object_set_new(m, "method", json_string(
			    pl_method_names[scale.method]));
			json_object_set_new(m, "score",
			    score_json(&row->mastery));
			json_object_set_new(m, "at_mastery", json_integer(
			    (json_int_t)row->mastery.at_mastery));
			json_object_set_new(m, "mastered",
			    json_boolean(row->mastery.mastered));
			json_object_set_new(j, "mastery", m);
		}
		pl_json_print(j);
		goto done;
	}
	pl_out_printf("%s\n\n", s->code);
	pl_show_field("framework:", s->framework);
	pl_show_field("grade:", *s->grade ? s->grade : NULL);
	pl_show_field("subject:", *s->subject ? s->subject : NULL);
	show_codes("parents:", &up);
	show_codes("children:", &down);
	show_codes("goals:", &goals);
	show_codes("evidence:", &ev);
	show_ratings(row, &scale);
	pl_show_body(s->description);
done:
	pl_align_status_release(&st);
	pl_scale_release(&scale);
	pl_strlist_release(&up);
	pl_strlist_release(&down);
	pl_strlist_release(&goals);
	pl_strlist_release(&ev);
	pl_strlist_release(&code);
	pl_strlist_release(&w);
	pl_standards_release(&l);
	return err;
}

static const struct pl_cmd align_show_cmd = {
	.name = "show",
	.summary = "show a standard and the work aligned to it",
	.usage = "align show [--format text|json] [--rev REV] CODE",
	.description = "Shows the standard CODE (the full code, any case, or "
	    "a short form such as\n6.RP.A.1): its framework, grade, subject, "
	    "its parents (nearest first), its\nchildren, the goals and "
	    "evidence that name it, its ratings (oldest work\nfirst) and "
	    "the mastery they come to, then its statement.",
	.opts = pl_opts_show,
	.arg_words = "@standard",
	.min_args = 1, .max_args = 1,
	.flags = PL_CMD_PORTFOLIO,
	.run = align_show,
};

/* --- end of frameworks --- */

/* --- alignment, ratings, scale, status --- */

static int
align_entry(struct pl_ctx *ctx, struct pl_args *a, enum pl_kind kind)
{
	struct pl_strlist	codes = PL_STRLIST_INIT, full = PL_STRLIST_INIT;
	struct pl_strlist	id = PL_STRLIST_INIT;
	int			i, err, remove = pl_arg_has(a, "remove");

	for (i = 1; i < a->argc; i++)
		pl_strlist_push(&codes, a->argv[i]);
	pl_strlist_push(&id, a->argv[0]);
	/* Removing names the entry's own codes, which may be gone since */
	if (remove)
		err = pl_align_entry(ctx->pf, kind, a->argv[0], &codes, 1);
	else if ((err = pl_entry_check_ids(ctx->pf, kind, &id)) == PL_OK &&
	    (err = pl_align_resolve(&full, ctx->pf, &codes)) == PL_OK)
		err = pl_align_entry(ctx->pf, kind, a->argv[0], &full, 0);
	pl_strlist_release(&codes);
	pl_strlist_release(&full);
	pl_strlist_release(&id);
	return err;
}

static int
align_goal(struct pl_ctx *ctx, struct pl_args *a)
{
	return align_entry(ctx, a, PL_KIND_GOAL);
}

static int
align_evidence(struct pl_ctx *ctx, struct pl_args *a)
{
	return align_entry(ctx, a, PL_KIND_EVIDENCE);
}

static const struct pl_opt align_opts[] = {
	{ "remove", 'r', NULL, "take the standards out instead", NULL },
	PL_OPT_AUTHOR,
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct pl_cmd align_goal_cmd = {
	.name = "goal",
	.summary = "align a goal to standards",
	.usage = "align goal [--remove] ID CODE...",
	.description = "Adds each CODE to the goal's standards (or with "
	    "--remove takes it out) and\ncommits.  A code may be given in "
	    "any case or in the short form a framework\nprints; pl writes "
	    "the full code.",
	.opts = align_opts,
	.arg_words = "@goal|@standard",
	.min_args = 2, .max_args = -1,
	.flags = PL_CMD_PORTFOLIO,
	.run = align_goal,
};

static const struct pl_cmd align_evidence_cmd = {
	.name = "evidence",
	.summary = "align a piece of evidence to standards",
	.usage = "align evidence [--remove] ID CODE...",
	.description = "Adds each CODE to the evidence's standards (or with "
	    "--remove takes it out)\nand commits.  Evidence also counts "
	    "toward the standards of the goals it\nserves.",
	.opts = align_opts,
	.arg_words = "@evidence|@standard",
	.min_args = 2, .max_args = -1,
	.flags = PL_CMD_PORTFOLIO,
	.run = align_evidence,
};

static int
align_rate(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_rate_spec	s = { 0 };

	s.evidence = a->argv[0];
	s.code = a->argv[1];
	s.level = a->argv[2];
	s.by = pl_arg(a, "by");
	s.note = pl_arg(a, "note");
	s.date = pl_arg(a, "date");
	return pl_rate(ctx->pf, &s);
}

static const struct pl_opt rate_opts[] = {
	{ "by", 'b', "'NAME <EMAIL>'", "who rates (default: your git "
	    "identity); the commit's author", NULL },
	{ "note", 'n', "TEXT", "a one-line note with the rating", NULL },
	{ "date", 'd', "DATE", "when rated: YYYY-MM-DD, today (default) or "
	    "yesterday", NULL },
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct pl_cmd align_rate_cmd = {
	.name = "rate",
	.summary = "rate a piece of evidence against a standard",
	.usage = "align rate [--by 'NAME <EMAIL>'] [--note TEXT] "
	    "[--date DATE] EVIDENCE CODE LEVEL",
	.description = "Adds a rating to the evidence's ratings and commits "
	    "it with the rater as\nauthor.  LEVEL is a number of the scale "
	    "or its name (see 'pl align scale').",
	.opts = rate_opts,
	.arg_words = "@evidence|@standard|1 2 3 4",
	.min_args = 3, .max_args = 3,
	.flags = PL_CMD_PORTFOLIO,
	.run = align_rate,
};

static void
scale_show(const struct pl_scale *s)
{
	size_t	i;

	for (i = 0; i < s->names.n; i++) {
		pl_out_printf("%zu  ", i + 1);
		pl_out_write(s->names.v[i], PL_OUT_LINE);
		pl_out_printf("%s\n", (double)(i + 1) == s->mastery ?
		    "  (mastery)" : "");
	}
	pl_out_printf("mastery  %g\nhalves   %s\nmethod   %s\n"
	    "weight   %g\nntimes   %u\n", s->mastery, s->halves ? "yes" : "no",
	    pl_method_names[s->method], s->weight, s->ntimes);
}

/* A number option: all of it a decimal number. */
static int
number_arg(double *out, const char *name, const char *v)
{
	char	*end;

	*out = strtod(v, &end);
	if (*v < '0' || *v > '9' || *end != '\0')
		return pl_error_set(PL_EINVAL, "invalid --%s '%s': not a "
		    "number", name, v);
	return PL_OK;
}

static int
scale_change(struct pl_scale *s, const struct pl_args *a)
{
	const char	*v;
	double		 x;
	int		 err = PL_OK;

	if ((v = pl_arg(a, "levels")) != NULL)
		pl_scale_set_names(s, v);
	if ((v = pl_arg(a, "halves")) != NULL) {
		if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0)
			return pl_error_set(PL_EINVAL, "invalid --halves '%s' "
			    "(use yes or no)", v);
		s->halves = strcmp(v, "yes") == 0;
	}
	if ((v = pl_arg(a, "mastery")) != NULL &&
	    (err = number_arg(&s->mastery, "mastery", v)) != PL_OK)
		return err;
	if ((v = pl_arg(a, "method")) != NULL &&
	    (err = pl_method_parse(&s->method, v)) != PL_OK)
		return err;
	if ((v = pl_arg(a, "weight")) != NULL &&
	    (err = number_arg(&s->weight, "weight", v)) != PL_OK)
		return err;
	if ((v = pl_arg(a, "ntimes")) != NULL) {
		if ((err = number_arg(&x, "ntimes", v)) != PL_OK)
			return err;
		if (x < 1 || x > 1000 || x != (double)(unsigned)x)
			return pl_error_set(PL_EINVAL, "invalid --ntimes '%s' "
			    "(use a whole number from 1)", v);
		s->ntimes = (unsigned)x;
	}
	return pl_scale_check(s);
}

static int
align_scale(struct pl_ctx *ctx, struct pl_args *a)
{
	static const char *const set[] = { "levels", "mastery", "halves",
		"method", "weight", "ntimes", NULL };
	struct pl_scale	s;
	size_t		i;
	int		err, change = 0;

	for (i = 0; set[i] != NULL; i++)
		change |= pl_arg_has(a, set[i]);
	if ((err = pl_scale_load(&s, ctx->pf)) != PL_OK)
		goto done;
	if (!change)
		scale_show(&s);
	else if ((err = scale_change(&s, a)) == PL_OK)
		err = pl_scale_save(ctx->pf, &s);
done:
	pl_scale_release(&s);
	return err;
}

static const struct pl_opt scale_opts[] = {
	{ "levels", 'l', "NAMES", "the level names, lowest first, between "
	    "commas", NULL },
	{ "mastery", 'm', "LEVEL", "the level that is mastery", NULL },
	{ "halves", 0, "yes|no", "whether 2.5 is a level", "yes no" },
	{ "method", 0, "METHOD", "latest, highest, average, decaying, "
	    "weighted or n-times",
	    "latest highest average decaying weighted n-times" },
	{ "weight", 0, "W", "the weight of decaying and weighted, a fraction "
	    "(0.65)",
	    NULL },
	{ "ntimes", 0, "N", "the ratings at mastery n-times needs (3)",
	    NULL },
	PL_OPT_AUTHOR,
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct pl_cmd align_scale_cmd = {
	.name = "scale",
	.summary = "show or set the rating scale and mastery method",
	.usage = "align scale [--levels NAMES] [--mastery LEVEL] "
	    "[--halves yes|no] [--method METHOD] [--weight W] [--ntimes N]",
	.description = "Without options, shows the scale: its levels, the "
	    "mastery level and how\nmastery is computed.  With options, "
	    "changes them in .plconfig and commits.",
	.opts = scale_opts,
	.min_args = 0, .max_args = 0,
	.flags = PL_CMD_PORTFOLIO,
	.run = align_scale,
};

/* What a row comes to: mastered, not yet (rated), unrated or a gap. */
static const char *
row_state(const struct pl_align_row *r)
{
	if (r->mastery.mastered)
		return "mastered";
	if (r->nratings > 0)
		return "not yet";
	return r->evidence.n > 0 ? "unrated" : "gap";
}

static void
join_ids(struct pl_buf *b, const struct pl_strlist *l, const char *sep)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		pl_buf_printf(b, "%s%s", i > 0 ? sep : "", l->v[i]);
}

static void
join_levels(struct pl_buf *b, const struct pl_align_row *r)
{
	size_t	i;

	for (i = 0; i < r->nratings; i++) {
		if (i > 0)
			pl_buf_putc(b, ' ');
		pl_level_format(b, r->ratings[i].level);
	}
}

/* The cells of a row as text shows them: state, score, ratings... */
static void
row_cells(struct pl_strlist *out, const struct pl_align_row *r,
    const struct pl_scale *s)
{
	struct pl_buf	b = PL_BUF_INIT;

	pl_strlist_push(out, r->std->code);
	row_words(&b, r, s);
	pl_strlist_push(out, pl_buf_cstr(&b));
	pl_buf_clear(&b);
	row_score(&b, r);
	pl_strlist_push(out, pl_buf_cstr(&b));
	pl_buf_clear(&b);
	join_levels(&b, r);
	pl_strlist_push(out, b.len > 0 ? b.ptr : "-");
	pl_buf_clear(&b);
	join_ids(&b, &r->goals, ", ");
	pl_strlist_push(out, b.len > 0 ? b.ptr : "-");
	pl_buf_clear(&b);
	join_ids(&b, &r->evidence, ", ");
	pl_strlist_push(out, b.len > 0 ? b.ptr : "-");
	pl_buf_release(&b);
}

static const char *const cell_names[] = { "standard", "state", "score",
	"ratings", "goals", "evidence", NULL };
#define NCELLS	6

/* A line of cells: padded to w (text) or between bars (md). */
static void
print_cells(const char *const *v, const size_t *w, int md)
{
	size_t	k;

	for (k = 0; k < NCELLS; k++) {
		if (md)
			pl_out_printf("| %s ", v[k]);
		else if (k + 1 < NCELLS)
			pl_out_printf("%-*s  ", (int)w[k], v[k]);
		else
			pl_out_printf("%s", v[k]);
	}
	pl_out_printf("%s\n", md ? "|" : "");
}

/* "covered 3 of 4 (75.0%)"; without standards, no per cent at all. */
static void
print_share(const char *what, size_t part, size_t whole)
{
	char	p[16];

	pl_out_printf("%s %zu of %zu", what, part, whole);
	if (pl_text_pct_sign(p, sizeof p, part, whole))
		pl_out_printf(" (%s)", p);
}

static void
status_totals(const struct pl_align_status *st, int md)
{
	size_t	i, gaps = 0;

	pl_out_printf("\n%s", md ? "**Totals:** " : "");
	print_share("covered", st->covered, st->n);
	print_share(", mastered", st->mastered, st->n);
	pl_out_printf("%s\n", st->n == 0 ? " (no standards in scope)" : "");
	for (i = 0; i < st->n; i++) {
		if (st->rows[i].evidence.n > 0)
			continue;
		pl_out_printf("%s%s", gaps++ == 0 ? md ? "**Gaps:** " :
		    "gaps: " : ", ", st->rows[i].std->code);
	}
	if (gaps > 0)
		pl_out_printf("\n");
}

/* Which standards the rows are, when the learner's scope chose them. */
static void
status_scope(const struct pl_align_status *st, enum pl_scope asked, int md)
{
	struct pl_buf	b = PL_BUF_INIT;

	if (asked == PL_SCOPE_ALL)
		return;
	pl_scope_words(&b, asked, st->scope, st->grade);
	pl_out_printf("%sIn scope:%s %s; --all for every standard\n\n",
	    md ? "**" : "", md ? "**" : "", pl_buf_cstr(&b));
	pl_buf_release(&b);
}

static void
status_text(const struct pl_align_status *st, const struct pl_scale *s,
    enum pl_scope asked, int md)
{
	static const char *const rule[] = { "---", "---", "---", "---",
		"---", "---" };
	struct pl_strlist	 c = PL_STRLIST_INIT;
	size_t			 i, k, w[NCELLS];

	status_scope(st, asked, md);

	for (k = 0; k < NCELLS; k++)
		w[k] = strlen(cell_names[k]);
	for (i = 0; i < st->n; i++) {
		row_cells(&c, &st->rows[i], s);
		for (k = 0; k < NCELLS; k++)
			if (strlen(c.v[k]) > w[k])
				w[k] = strlen(c.v[k]);
		pl_strlist_release(&c);
	}
	print_cells(cell_names, w, md);
	if (md)
		print_cells(rule, w, md);
	for (i = 0; i < st->n; i++) {
		row_cells(&c, &st->rows[i], s);
		print_cells((const char *const *)c.v, w, md);
		pl_strlist_release(&c);
	}
	status_totals(st, md);
}

static const char *const csv_head[] = { "framework", "code", "grade",
	"subject", "state", "score", "mastered", "ratings", "goals",
	"evidence" };
#define CSV_COLS	(sizeof csv_head / sizeof csv_head[0])

/* A row as the report's CSV writes one: formulas neutralised, CR LF. */
static void
status_csv_row(struct pl_buf *b, const struct pl_align_row *r)
{
	struct pl_buf	 score = PL_BUF_INIT, levels = PL_BUF_INIT;
	struct pl_buf	 goals = PL_BUF_INIT, evidence = PL_BUF_INIT;
	const char	*cells[CSV_COLS];

	if (r->mastery.scored)
		pl_score_format(&score, r->mastery.score);
	join_levels(&levels, r);
	join_ids(&goals, &r->goals, " ");
	join_ids(&evidence, &r->evidence, " ");
	cells[0] = r->std->framework;
	cells[1] = r->std->code;
	cells[2] = r->std->grade;
	cells[3] = r->std->subject;
	cells[4] = row_state(r);
	cells[5] = pl_buf_cstr(&score);
	cells[6] = pl_csv_bool(r->mastery.mastered);
	cells[7] = pl_buf_cstr(&levels);
	cells[8] = pl_buf_cstr(&goals);
	cells[9] = pl_buf_cstr(&evidence);
	pl_csv_row(b, cells, CSV_COLS);
	pl_buf_release(&score);
	pl_buf_release(&levels);
	pl_buf_release(&goals);
	pl_buf_release(&evidence);
}

static void
status_csv(const struct pl_align_status *st)
{
	struct pl_buf	b = PL_BUF_INIT;
	size_t		i;

	pl_csv_row(&b, csv_head, CSV_COLS);
	for (i = 0; i < st->n; i++)
		status_csv_row(&b, &st->rows[i]);
	pl_out_write(pl_buf_cstr(&b), PL_OUT_BODY);
	pl_buf_release(&b);
}

static json_t *
ratings_json(const struct pl_align_row *r)
{
	json_t	*a = json_array(), *o;
	size_t	 i;

	for (i = 0; i < r->nratings; i++) {
		o = json_object();
		json_object_set_new(o, "evidence",
		    json_string(r->ratings[i].evidence));
		json_object_set_new(o, "work_date",
		    pl_json_str(r->ratings[i].work_date));
		json_object_set_new(o, "level", json_real(r->ratings[i].level));
		json_object_set_new(o, "by", pl_json_str(r->ratings[i].by));
		json_object_set_new(o, "date", pl_json_str(r->ratings[i].date));
		json_object_set_new(o, "note", pl_json_str(r->ratings[i].note));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *
row_json(const struct pl_align_row *r)
{
	json_t	*o = json_object();

	json_object_set_new(o, "framework", json_string(r->std->framework));
	json_object_set_new(o, "code", json_string(r->std->code));
	json_object_set_new(o, "grade", json_string(r->std->grade));
	json_object_set_new(o, "subject", json_string(r->std->subject));
	json_object_set_new(o, "description",
	    json_string(r->std->description));
	json_object_set_new(o, "goals", pl_json_strlist(&r->goals));
	json_object_set_new(o, "evidence", pl_json_strlist(&r->evidence));
	json_object_set_new(o, "ratings", ratings_json(r));
	json_object_set_new(o, "state", json_string(row_state(r)));
	json_object_set_new(o, "score", score_json(&r->mastery));
	json_object_set_new(o, "score_unrounded", r->mastery.scored ?
	    json_real(r->mastery.unrounded) : json_null());
	json_object_set_new(o, "at_mastery",
	    json_integer((json_int_t)r->mastery.at_mastery));
	json_object_set_new(o, "mastered", json_boolean(r->mastery.mastered));
	return o;
}

static void
status_json(const struct pl_align_status *st, enum pl_method m)
{
	json_t	*o = json_object(), *rows = json_array(), *gaps = json_array();
	size_t	 i;

	for (i = 0; i < st->n; i++) {
		json_array_append_new(rows, row_json(&st->rows[i]));
		if (st->rows[i].evidence.n == 0)
			json_array_append_new(gaps,
			    json_string(st->rows[i].std->code));
	}
	json_object_set_new(o, "method", json_string(pl_method_names[m]));
	json_object_set_new(o, "scope",
	    json_string(pl_scope_names[st->scope]));
	json_object_set_new(o, "scope_grade", pl_json_str(st->scope ==
	    PL_SCOPE_GRADE ? st->grade : NULL));
	json_object_set_new(o, "standards", rows);
	json_object_set_new(o, "total", json_integer((json_int_t)st->n));
	json_object_set_new(o, "covered",
	    json_integer((json_int_t)st->covered));
	json_object_set_new(o, "mastered",
	    json_integer((json_int_t)st->mastered));
	json_object_set_new(o, "covered_percent",
	    pl_json_percent(st->covered, st->n));
	json_object_set_new(o, "mastered_percent",
	    pl_json_percent(st->mastered, st->n));
	json_object_set_new(o, "gaps", gaps);
	pl_json_print(o);
}

/*
 * The profile's grade (a copy), or NULL: a profile that cannot be read
 * has none, and the status says the scope it fell back to.
 */
static char *
profile_grade(struct pl_portfolio *pf)
{
	struct pl_entry	*e = NULL;
	const char	*g = NULL;
	char		*out;

	if (pl_entry_load(&e, pf, PL_KIND_PROFILE, NULL) == PL_OK)
		g = pl_doc_get(e->doc, "grade");
	pl_error_clear();
	out = g != NULL ? pl_xstrdup(g) : NULL;
	pl_entry_free(e);
	return out;
}

/*
 * The learner's scope: asked for with --scope or --all, else the grade's
 * unless --grade or --goal chose the standards.
 */
static int
status_scope_of(struct pl_align_scope *sc, const struct pl_args *a)
{
	const char	*v = pl_arg(a, "scope");

	if (pl_arg_has(a, "all") && v != NULL)
		return pl_error_set(PL_EUSAGE, "--all is --scope all: give "
		    "one of them");
	sc->learner = PL_SCOPE_GRADE;
	if (pl_arg_has(a, "all") || (v == NULL && (sc->grade != NULL ||
	    sc->goal != NULL)))
		sc->learner = PL_SCOPE_ALL;
	return v != NULL ? pl_scope_parse(&sc->learner, v) : PL_OK;
}

static int
align_status(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_align_scope	 sc = { 0 };
	struct pl_align_status	 st = { 0 };
	struct pl_scale		 s = { 0 };
	struct pl_strlist	 warn = PL_STRLIST_INIT;
	const char		*f = pl_arg(a, "format");
	char			*grade = profile_grade(ctx->pf);
	enum pl_method		 m;
	int			 err;

	sc.framework = pl_arg(a, "framework");
	sc.grade = pl_arg(a, "grade");
	sc.subject = pl_arg(a, "subject");
	sc.goal = pl_arg(a, "goal");
	sc.learner_grade = grade;
	if ((err = status_scope_of(&sc, a)) != PL_OK ||
	    (err = pl_scale_load(&s, ctx->pf)) != PL_OK)
		goto done;
	m = s.method;
	/* --method is a what-if: this call only, nothing written */
	if ((pl_arg(a, "method") != NULL &&
	    (err = pl_method_parse(&m, pl_arg(a, "method"))) != PL_OK) ||
	    (err = pl_align_status(&st, ctx->pf, &s, m, &sc, &warn)) != PL_OK)
		goto done;
	if (f == NULL || strcmp(f, "text") == 0 || strcmp(f, "md") == 0)
		status_text(&st, &s, sc.learner, f != NULL &&
		    strcmp(f, "md") == 0);
	else if (strcmp(f, "csv") == 0)
		status_csv(&st);
	else
		status_json(&st, m);
	pl_out_warnings(&warn);
done:
	pl_align_status_release(&st);
	pl_scale_release(&s);
	pl_strlist_release(&warn);
	free(grade);
	return err;
}

static const struct pl_opt status_opts[] = {
	{ "scope", 0, "SCOPE", "grade (default: the profile's grade and "
	    "the standards aligned), aligned or all", "grade aligned all" },
	{ "all", 0, NULL, "every standard of the frameworks (--scope all)",
	    NULL },
	{ "framework", 0, "NAME", "only standards of this framework",
	    "@framework" },
	{ "grade", 0, "GRADE", "only standards of this grade", NULL },
	{ "subject", 0, "SUBJECT", "only standards of this subject", NULL },
	{ "goal", 'g', "ID", "only the standards of this goal", "@goal" },
	{ "method", 0, "METHOD", "compute mastery so, this once",
	    "latest highest average decaying weighted n-times" },
	{ "format", 0, "FMT", "output format: text (default), json, csv or "
	    "md", "text json csv md" },
	PL_OPT_REV,
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct pl_cmd align_status_cmd = {
	.name = "status",
	.summary = "coverage and mastery of the standards",
	.usage = "align status [--scope SCOPE | --all] [--framework NAME] "
	    "[--grade GRADE] [--subject SUBJECT] [--goal ID] "
	    "[--method METHOD] [--format text|json|csv|md] [--rev REV]",
	.description = "For each standard in scope: its state (mastered, not "
	    "yet, unrated or gap),\nits mastery score, its ratings in the "
	    "order the work was done, and the goals\nand evidence aligned to "
	    "it.  Then the totals and the gaps: standards with no\nevidence.  "
	    "In scope by default: the standards of the profile's grade and\n"
	    "those aligned to goals or evidence (those aligned alone without "
	    "a grade);\n--all for every standard, --grade or --goal for "
	    "theirs.",
	.opts = status_opts,
	.min_args = 0, .max_args = 0,
	.flags = PL_CMD_PORTFOLIO,
	.run = align_status,
};

/* --- end of alignment --- */

/* --- migration --- */

static int
align_migrate(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_migration	m;
	struct pl_strlist	w = PL_STRLIST_INIT;
	int			err, dry = pl_arg_has(a, "dry-run");
	size_t			i;

	err = pl_align_migrate(&m, ctx->pf, a->argv[0], dry, &w);
	pl_out_warnings(&w);
	if (err != PL_OK)
		goto done;
	for (i = 0; i < m.entries.n; i++) {
		pl_out_write(m.entries.v[i], PL_OUT_LINE);
		pl_out_write(": ", PL_OUT_LINE);
		pl_out_write(m.changes.v[i], PL_OUT_LINE);
		pl_out_write("\n", PL_OUT_LINE);
	}
	pl_out_printf("%s %zu code%s in %zu file%s%s\n", dry ?
	    "would migrate" : "migrated", m.used.n, PLURAL(m.used.n),
	    m.entries.n, PLURAL(m.entries.n), dry ? "; nothing committed" :
	    "");
done:
	pl_migration_release(&m);
	pl_strlist_release(&w);
	return err;
}

static const struct pl_opt migrate_opts[] = {
	{ "dry-run", 'n', NULL, "print what would change; commit nothing",
	    NULL },
	PL_OPT_AUTHOR,
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct pl_cmd align_migrate_cmd = {
	.name = "migrate",
	.summary = "move goals, evidence and ratings to new codes",
	.usage = "align migrate [--dry-run] FILE",
	.description = "Reads the replacements in FILE (a CSV of two columns, "
	    "old code and new,\nor an IMS CASE package with isReplacedBy "
	    "associations) and rewrites every\ngoal's and evidence's "
	    "standards and every rating that names an old code\nto the new "
	    "one, in one commit.  Each new code must be in a framework\n"
	    "already imported.",
	.opts = migrate_opts,
	.arg_words = "@file",
	.min_args = 1, .max_args = 1,
	.flags = PL_CMD_PORTFOLIO,
	.run = align_migrate,
};

/* --- end of migration --- */

static const struct pl_cmd *const align_subs[] = {
	&align_import_cmd,
	&align_list_cmd,
	&align_show_cmd,
	&align_goal_cmd,
	&align_evidence_cmd,
	&align_rate_cmd,
	&align_scale_cmd,
	&align_status_cmd,
	&align_migrate_cmd,
	NULL
};

const struct pl_cmd pl_cmd_align = {
	.name = "align",
	.summary = "tie goals and evidence to curriculum standards",
	.usage = "align COMMAND",
	.description = "Frameworks of standards live in standards/<name>.csv; "
	    "goals and evidence\nname their codes in their standards list, "
	    "and evidence keeps its ratings.",
	.subs = align_subs,
};
