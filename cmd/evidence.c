/*
 * pl evidence: what a learner did that shows what they know, with the
 * files that show it, tied to the goals it serves.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "pl/progress/align.h"
#include "pl/entries/evidence.h"

#define DESCRIPTION_TEMPLATE \
	"\n<!-- Describe what you did and what it shows.  This line is " \
	"removed. -->\n"

static int
evidence_add(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_evidence_spec	 s = { 0 };
	char			*id = NULL, *text = NULL, *scratch = NULL;
	int			 err;

	s.id = pl_arg(a, "id");
	s.title = a->argv[0];
	s.date = pl_arg(a, "date");
	s.kind = pl_arg(a, "kind");
	s.goals = *pl_arg_all(a, "goal");
	s.files = *pl_arg_all(a, "file");
	if ((err = pl_align_resolve(&s.standards, ctx->pf,
	    pl_arg_all(a, "standard"))) != PL_OK ||
	    (err = pl_evidence_check_spec(ctx->pf, &s)) != PL_OK ||
	    (err = pl_body_text(&text, &scratch, ctx, a, "EVIDENCE",
	    DESCRIPTION_TEMPLATE)) != PL_OK)
		goto done;
	pl_body_strip_hint(text, DESCRIPTION_TEMPLATE);
	s.description = text;
	if ((err = pl_evidence_add(&id, ctx->pf, &s)) != PL_OK)
		goto done;
	pl_out_printf("%s\n", id);
done:
	err = pl_body_done(err, ctx, "description", scratch);
	pl_strlist_release(&s.standards);
	free(id);
	free(text);
	free(scratch);
	return err;
}

/* Evidence e as an object left open for the caller's members. */
static void
evidence_jw(struct pl_jw *w, const struct pl_entry *e)
{
	struct pl_evidence	 ev;
	static const char *const lists[] = { "goals", "standards", "files" };
	struct pl_strlist	 l = PL_STRLIST_INIT;
	size_t			 i;

	pl_evidence_get(&ev, e);
	pl_jw_open(w, NULL, '{');
	pl_jw_str(w, "id", e->id);
	pl_jw_str(w, "title", ev.title);
	pl_jw_str(w, "date", ev.date);
	pl_jw_str(w, "kind", ev.kind);
	for (i = 0; i < 3; i++) {
		if (pl_doc_get_list(e->doc, e->path, lists[i], &l) != PL_OK)
			pl_strlist_release(&l);
		pl_jw_strlist(w, lists[i], &l);
		pl_strlist_release(&l);
	}
}

static int
evidence_wanted(const struct pl_entry *e, const struct pl_args *a,
    const struct pl_range *r)
{
	struct pl_evidence	 ev;
	struct pl_strlist	 goals = PL_STRLIST_INIT;
	const char		*g = pl_arg(a, "goal"), *k = pl_arg(a, "kind");
	int			 ok = 1;

	pl_evidence_get(&ev, e);
	if (k != NULL && (ev.kind == NULL || strcmp(k, ev.kind) != 0))
		return 0;
	if (!pl_range_has(r, ev.date))
		return 0;
	if (g != NULL) {
		if (pl_doc_get_list(e->doc, e->path, "goals", &goals) !=
		    PL_OK || pl_strlist_find(&goals, g) < 0)
			ok = 0;
		pl_strlist_release(&goals);
	}
	return ok;
}

static int
evidence_list(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_entries	 l = { 0 };
	struct pl_strlist	 warn = PL_STRLIST_INIT;
	struct pl_evidence	 ev;
	struct pl_range		 r;
	struct pl_jw		 w;
	struct pl_buf		 b;
	size_t			 i;
	int			 err;

	if (pl_arg(a, "kind") != NULL &&
	    !pl_evidence_kind_valid(pl_arg(a, "kind"))) {
		err = pl_error_set(PL_EINVAL, "invalid kind '%s' (use artifact, "
		    "observation, assessment, project or other)",
		    pl_arg(a, "kind"));
		goto done;
	}
	/* A filter names a goal as --goal of add does: it must exist */
	if ((err = pl_range_parse(&r, ctx, a)) != PL_OK ||
	    (err = pl_entry_check_ids(ctx->pf, PL_KIND_GOAL,
	    pl_arg_all(a, "goal"))) != PL_OK ||
	    (err = pl_entry_list(&l, ctx->pf, PL_KIND_EVIDENCE, &warn)) !=
	    PL_OK)
		goto done;
	pl_entries_sort_by_date(&l, "date");
	if (ctx->json) {
		pl_json_stream_begin(&w, &b);
		pl_jw_open(&w, NULL, '[');
	}
	for (i = 0; i < l.n; i++) {
		if (!evidence_wanted(l.v[i], a, &r))
			continue;
		if (ctx->json) {
			evidence_jw(&w, l.v[i]);
			pl_jw_close(&w, '}');
			pl_buf_drain(&b);
			continue;
		}
		pl_evidence_get(&ev, l.v[i]);
		pl_out_printf("%-10s  %-11s  %s  (%s)\n",
		    ev.date ? ev.date : "-", ev.kind ? ev.kind : "-",
		    ev.title ? ev.title : "", l.v[i]->id);
	}
	if (ctx->json) {
		pl_jw_close(&w, ']');
		pl_json_stream_end(&w);
	}
	pl_out_warnings(&warn);
done:
	pl_entries_release(&l);
	pl_strlist_release(&warn);
	return err;
}

/*
 * The ratings, in the order they were given, for JSON.  A rating jansson
 * would not make (a text not UTF-8, no standard) is left out whole, as
 * it always was: json_pack() says which.
 */
static void
ratings_jw(struct pl_jw *w, const struct pl_rating *v, size_t n)
{
	json_t	*o;
	size_t	 i;

	pl_jw_open(w, "ratings", '[');
	for (i = 0; i < n; i++) {
		if ((o = json_pack("{s:s,s:f,s:o,s:o,s:o}", "standard",
		    v[i].standard, "level", v[i].level, "by",
		    pl_json_str(v[i].by), "date", pl_json_str(v[i].date),
		    "note", pl_json_str(v[i].note))) == NULL)
			continue;
		json_decref(o);
		pl_jw_open(w, NULL, '{');
		pl_jw_str(w, "standard", v[i].standard);
		pl_jw_real(w, "level", v[i].level);
		pl_jw_str(w, "by", v[i].by);
		pl_jw_str(w, "date", v[i].date);
		pl_jw_str(w, "note", v[i].note);
		pl_jw_close(w, '}');
	}
	pl_jw_close(w, ']');
}

/* "ratings:" lines: date, standard, level (its name), rater, "note". */
static void
ratings_text(const struct pl_rating *v, size_t n, const struct pl_scale *sc)
{
	struct pl_buf	 b = PL_BUF_INIT;
	const char	*name;
	size_t		 i;

	for (i = 0; i < n; i++) {
		pl_buf_clear(&b);
		pl_buf_printf(&b, "%s  %s  ", v[i].date != NULL ? v[i].date :
		    "-", v[i].standard);
		pl_level_format(&b, v[i].level);
		if ((name = pl_scale_name(sc, v[i].level)) != NULL)
			pl_buf_printf(&b, " (%s)", name);
		pl_buf_printf(&b, "  %s", v[i].by != NULL ? v[i].by : "-");
		if (v[i].note != NULL)
			pl_buf_printf(&b, "  \"%s\"", v[i].note);
		pl_show_field(i == 0 ? "ratings:" : "", pl_buf_cstr(&b));
	}
	pl_buf_release(&b);
}

static int
evidence_show(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_entry		*e = NULL;
	struct pl_evidence	 ev;
	struct pl_scale		 scale;
	struct pl_rating	*r = NULL;
	size_t			 n = 0;
	struct pl_jw		 w;
	struct pl_buf		 b;
	int			 err;

	memset(&scale, 0, sizeof scale);
	if ((err = pl_entry_load(&e, ctx->pf, PL_KIND_EVIDENCE,
	    a->argv[0])) != PL_OK || (err = pl_scale_load(&scale,
	    ctx->pf)) != PL_OK || (err = pl_ratings_read(&r, &n, e,
	    &scale)) != PL_OK)
		goto done;
	if (ctx->json) {
		pl_json_stream_begin(&w, &b);
		evidence_jw(&w, e);
		ratings_jw(&w, r, n);
		pl_jw_str(&w, "body", e->doc->body);
		pl_jw_close(&w, '}');
		pl_json_stream_end(&w);
	} else {
		pl_evidence_get(&ev, e);
		pl_out_printf("%s\n\n", ev.title ? ev.title : e->id);
		pl_show_field("id:", e->id);
		pl_show_field("date:", ev.date);
		pl_show_field("kind:", ev.kind);
		pl_show_list(e, "goals", "goals:");
		pl_show_list(e, "standards", "standards:");
		pl_show_list(e, "files", "files:");
		ratings_text(r, n, &scale);
		pl_show_body(e->doc->body);
	}
done:
	free(r);
	pl_scale_release(&scale);
	pl_entry_free(e);
	return err;
}

static const struct pl_opt add_opts[] = {
	{ "goal", 'g', "ID", "a goal this evidence serves (repeatable)",
	    "@goal" },
	{ "kind", 'k', "KIND",
	    "artifact (default), observation, assessment, project or other",
	    "artifact observation assessment project other" },
	{ "date", 'd', "DATE", "when: YYYY-MM-DD, today (default) or "
	    "yesterday", NULL },
	{ "file", 'f', "PATH", "attach a copy of this file (repeatable)",
	    "@file" },
	{ "message", 'm', "TEXT", "a paragraph (repeatable; else the editor "
	    "opens)", NULL },
	{ "file-message", 'F', "FILE", "read the description from FILE "
	    "(- for standard input)", "@file" },
	{ "id", 0, "ID", "use this id instead of one made from date and "
	    "title", NULL },
	{ "standard", 0, "CODE", "a standard this evidence shows "
	    "(repeatable)", "@standard" },
	PL_OPT_AUTHOR,
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct pl_cmd evidence_add_cmd = {
	.name = "add",
	.summary = "add evidence",
	.usage = "evidence add [--goal ID]... [--kind KIND] [--date DATE] "
	    "[--file PATH]... [--standard CODE]... [-m TEXT | -F FILE] TITLE",
	.description = "Adds evidence/<id>.md, copies each --file into "
	    "evidence/<id>/ and commits them\ntogether.  The description "
	    "comes from -m, -F or the editor.  Prints the new id.",
	.opts = add_opts,
	.min_args = 1, .max_args = 1,
	.flags = PL_CMD_PORTFOLIO,
	.run = evidence_add,
};

static const struct pl_opt list_opts[] = {
	{ "goal", 'g', "ID", "only evidence for this goal", "@goal" },
	{ "kind", 'k', "KIND", "only evidence of this kind",
	    "artifact observation assessment project other" },
	{ "since", 0, "DATE", "only evidence from DATE on", NULL },
	{ "until", 0, "DATE", "only evidence up to DATE", NULL },
	PL_OPT_FORMAT,
	PL_OPT_REV,
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct pl_cmd evidence_list_cmd = {
	.name = "list",
	.summary = "list evidence",
	.usage = "evidence list [--goal ID] [--kind KIND] [--since DATE] "
	    "[--until DATE] [--format text|json] [--rev REV]",
	.description = "Lists evidence by date: date, kind, title and id.",
	.opts = list_opts,
	.min_args = 0, .max_args = 0,
	.flags = PL_CMD_PORTFOLIO,
	.run = evidence_list,
};

static const struct pl_cmd evidence_show_cmd = {
	.name = "show",
	.summary = "show one piece of evidence",
	.usage = "evidence show [--format text|json] [--rev REV] ID",
	.opts = pl_opts_show,
	.arg_words = "@evidence",
	.min_args = 1, .max_args = 1,
	.flags = PL_CMD_PORTFOLIO,
	.run = evidence_show,
};

static int
evidence_edit(struct pl_ctx *ctx, struct pl_args *a)
{
	return pl_edit_entry(ctx, PL_KIND_EVIDENCE, a->argv[0]);
}

static const struct pl_cmd evidence_edit_cmd = {
	.name = "edit",
	.summary = "edit a piece of evidence in $EDITOR",
	.usage = "evidence edit ID",
	.description = "Opens the file in $VISUAL or $EDITOR and commits what "
	    "you changed.",
	.opts = pl_opts_write,
	.arg_words = "@evidence",
	.min_args = 1, .max_args = 1,
	.flags = PL_CMD_PORTFOLIO,
	.run = evidence_edit,
};

static int
evidence_rm(struct pl_ctx *ctx, struct pl_args *a)
{
	return pl_rm_entry(ctx, PL_KIND_EVIDENCE, a);
}

static const struct pl_cmd evidence_rm_cmd = {
	.name = "rm",
	.summary = "remove a piece of evidence and its files",
	.usage = "evidence rm [--force] ID",
	.description = "Removes evidence/<id>.md and the files in "
	    "evidence/<id>/ and commits.  Evidence\nthat reflections name "
	    "is kept unless --force, which removes those\nreferences in the "
	    "same commit.",
	.opts = pl_opts_rm,
	.arg_words = "@evidence",
	.min_args = 1, .max_args = 1,
	.flags = PL_CMD_PORTFOLIO,
	.run = evidence_rm,
};

static int
evidence_mv(struct pl_ctx *ctx, struct pl_args *a)
{
	return pl_mv_entry(ctx, PL_KIND_EVIDENCE, a);
}

static const struct pl_cmd evidence_mv_cmd = {
	.name = "mv",
	.summary = "give a piece of evidence a new id",
	.usage = "evidence mv OLD NEW",
	.description = "Renames evidence/OLD.md to evidence/NEW.md and the "
	    "folder evidence/OLD/ to\nevidence/NEW/, and rewrites every "
	    "reference to it, in one commit.",
	.opts = pl_opts_write,
	.arg_words = "@evidence",
	.min_args = 2, .max_args = 2,
	.flags = PL_CMD_PORTFOLIO,
	.run = evidence_mv,
};

static int
evidence_attach(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_strlist	files = PL_STRLIST_INIT;
	int			i, err;

	for (i = 1; i < a->argc; i++)
		pl_strlist_push(&files, a->argv[i]);
	err = pl_evidence_attach(ctx->pf, a->argv[0], &files);
	pl_strlist_release(&files);
	return err;
}

static const struct pl_cmd evidence_attach_cmd = {
	.name = "attach",
	.summary = "attach more files to a piece of evidence",
	.usage = "evidence attach ID FILE...",
	.description = "Copies each FILE into evidence/<id>/, adds it to the "
	    "evidence's files and\ncommits them together.",
	.opts = pl_opts_write,
	.arg_words = "@evidence|@file",
	.min_args = 2, .max_args = -1,
	.flags = PL_CMD_PORTFOLIO,
	.run = evidence_attach,
};

static int
evidence_detach(struct pl_ctx *ctx, struct pl_args *a)
{
	return pl_evidence_detach(ctx->pf, a->argv[0], a->argv[1]);
}

static const struct pl_cmd evidence_detach_cmd = {
	.name = "detach",
	.summary = "remove an attached file from a piece of evidence",
	.usage = "evidence detach ID NAME",
	.description = "Removes evidence/<id>/NAME and its line in the "
	    "evidence's files, and commits.",
	.opts = pl_opts_write,
	.arg_words = "@evidence",
	.min_args = 2, .max_args = 2,
	.flags = PL_CMD_PORTFOLIO,
	.run = evidence_detach,
};

static const struct pl_cmd *const evidence_subs[] = {
	&evidence_add_cmd,
	&evidence_list_cmd,
	&evidence_show_cmd,
	&evidence_edit_cmd,
	&evidence_rm_cmd,
	&evidence_mv_cmd,
	&evidence_attach_cmd,
	&evidence_detach_cmd,
	NULL
};

const struct pl_cmd pl_cmd_evidence = {
	.name = "evidence",
	.summary = "record what the learner did, with files",
	.usage = "evidence [list]",
	.description = "Evidence lives in evidence/<id>.md and attached files "
	    "in evidence/<id>/.\nWithout a command, 'pl evidence' lists it.",
	.subs = evidence_subs,
	.default_sub = "list",
};
