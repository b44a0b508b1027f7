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
#include "pl/framework.h"
#include "pl/standards.h"

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

/* "K" is 0, "PK" -1, "7" 7; -2 for anything else. */
static int
grade_num(const char *g, size_t n)
{
	char	*end, *s = pl_xstrndup(g, n);
	long	 v;
	int	 r = -2;

	if (strcasecmp(s, "K") == 0 || strcasecmp(s, "KG") == 0)
		r = 0;
	else if (strcasecmp(s, "PK") == 0)
		r = -1;
	else if (*s != '\0' && (v = strtol(s, &end, 10)) >= 0 && v <= 13 &&
	    *end == '\0')
		r = (int)v;
	free(s);
	return r;
}

/* 1 when grade (one, or a span "K-2") takes in the grade asked for. */
static int
grade_has(const char *grade, const char *asked)
{
	const char	*dash = strchr(grade, '-');
	int		 a = grade_num(asked, strlen(asked)), lo, hi;

	if (strcasecmp(grade, asked) == 0)
		return 1;
	if (dash == NULL || a == -2)
		return 0;
	lo = grade_num(grade, (size_t)(dash - grade));
	hi = grade_num(dash + 1, strlen(dash + 1));
	return lo != -2 && hi != -2 && lo <= a && a <= hi;
}

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
	if ((v = pl_arg(a, "grade")) != NULL && !grade_has(s->grade, v))
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
	json_t				*j;
	int				 err;

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
	pl_out_warnings(&w);
	/* Ratings and mastery of the standard are shown by their own code */
	if (ctx->json) {
		j = standard_json(s);
		json_object_set_new(j, "parents", pl_json_strlist(&up));
		json_object_set_new(j, "children", pl_json_strlist(&down));
		json_object_set_new(j, "goals", pl_json_strlist(&goals));
		json_object_set_new(j, "evidence", pl_json_strlist(&ev));
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
	pl_show_body(s->description);
done:
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
	    "evidence that name it, then its statement.",
	.opts = pl_opts_show,
	.arg_words = "@standard",
	.min_args = 1, .max_args = 1,
	.flags = PL_CMD_PORTFOLIO,
	.run = align_show,
};

/* --- end of frameworks --- */

static const struct pl_cmd *const align_subs[] = {
	&align_import_cmd,
	&align_list_cmd,
	&align_show_cmd,
	NULL
};

const struct pl_cmd pl_cmd_align = {
	.name = "align",
	.summary = "tie goals and evidence to curriculum standards",
	.usage = "align COMMAND",
	.description = "Frameworks of standards live in standards/<name>.csv; "
	    "goals and evidence\nname their codes in their standards list.",
	.subs = align_subs,
};
