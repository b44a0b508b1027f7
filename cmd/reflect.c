/*
 * pl reflect: the learner's reflections, in their own words, on what
 * they learned, what was hard and what they will try next.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "pl/entries/reflection.h"

static int
reflect_add(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_reflection_spec	 s = { 0 };
	char				*id = NULL, *text = NULL;
	char				*scratch = NULL;
	int				 err;

	s.date = pl_arg(a, "date");
	s.goals = *pl_arg_all(a, "goal");
	s.evidence = *pl_arg_all(a, "evidence");
	if ((err = pl_reflection_check_spec(ctx->pf, &s)) != PL_OK ||
	    (err = pl_body_text(&text, &scratch, ctx, a, "REFLECTION",
	    pl_reflection_template)) != PL_OK)
		goto done;
	s.text = text;
	if ((err = pl_reflection_add(&id, ctx->pf, &s)) != PL_OK)
		goto done;
	pl_out_printf("%s\n", id);
done:
	/* Nothing but the prompts is nothing to keep */
	if (err != PL_OK && scratch != NULL && text != NULL &&
	    pl_reflection_is_empty(text))
		unlink(scratch);
	err = pl_body_done(err, ctx, "reflection", scratch);
	free(id);
	free(text);
	free(scratch);
	return err;
}

static json_t *
reflection_json(const struct pl_entry *e, int full)
{
	json_t			*j = json_object();
	struct pl_strlist	 l = PL_STRLIST_INIT;
	char			*summary;

	json_object_set_new(j, "id", json_string(e->id));
	json_object_set_new(j, "date", pl_json_str(pl_doc_get(e->doc,
	    "date")));
	if (pl_doc_get_list(e->doc, e->path, "goals", &l) != PL_OK)
		pl_strlist_release(&l);
	json_object_set_new(j, "goals", pl_json_strlist(&l));
	pl_strlist_release(&l);
	if (pl_doc_get_list(e->doc, e->path, "evidence", &l) != PL_OK)
		pl_strlist_release(&l);
	json_object_set_new(j, "evidence", pl_json_strlist(&l));
	pl_strlist_release(&l);
	summary = pl_reflection_summary_of(e);
	json_object_set_new(j, "summary", pl_json_str(summary));
	free(summary);
	if (full)
		json_object_set_new(j, "body", json_string(e->doc->body));
	return j;
}

static int
has(const struct pl_entry *e, const char *key, const char *id)
{
	struct pl_strlist	l = PL_STRLIST_INIT;
	int			found;

	found = pl_doc_get_list(e->doc, e->path, key, &l) == PL_OK &&
	    pl_strlist_find(&l, id) >= 0;
	pl_strlist_release(&l);
	return found;
}

static int
reflect_list(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_entries	 l = { 0 };
	struct pl_strlist	 warn = PL_STRLIST_INIT;
	json_t			*arr = json_array();
	const char		*g = pl_arg(a, "goal");
	const char		*ev = pl_arg(a, "evidence");
	const char		*date;
	char			*summary;
	size_t			 i;
	int			 err;

	/* A filter names entries as add's options do: they must exist */
	if ((err = pl_entry_check_ids(ctx->pf, PL_KIND_GOAL,
	    pl_arg_all(a, "goal"))) != PL_OK ||
	    (err = pl_entry_check_ids(ctx->pf, PL_KIND_EVIDENCE,
	    pl_arg_all(a, "evidence"))) != PL_OK ||
	    (err = pl_entry_list(&l, ctx->pf, PL_KIND_REFLECTION, &warn)) !=
	    PL_OK)
		goto done;
	pl_entries_sort_by_date(&l, "date");
	for (i = 0; i < l.n; i++) {
		if ((g != NULL && !has(l.v[i], "goals", g)) ||
		    (ev != NULL && !has(l.v[i], "evidence", ev)))
			continue;
		if (ctx->json) {
			json_array_append_new(arr, reflection_json(l.v[i], 0));
			continue;
		}
		date = pl_doc_get(l.v[i]->doc, "date");
		summary = pl_reflection_summary_of(l.v[i]);
		pl_out_printf("%-10s  %s  (%s)\n", date ? date : "-",
		    summary ? summary : "", l.v[i]->id);
		free(summary);
	}
	if (ctx->json)
		pl_json_print(json_incref(arr));
	pl_out_warnings(&warn);
done:
	json_decref(arr);
	pl_entries_release(&l);
	pl_strlist_release(&warn);
	return err;
}

static int
reflect_show(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_entry		*e = NULL;
	int			 err;

	if ((err = pl_entry_load(&e, ctx->pf, PL_KIND_REFLECTION,
	    a->argv[0])) != PL_OK)
		return err;
	if (ctx->json)
		pl_json_print(reflection_json(e, 1));
	else {
		pl_show_field("id:", e->id);
		pl_show_field("date:", pl_doc_get(e->doc, "date"));
		pl_show_list(e, "goals", "goals:");
		pl_show_list(e, "evidence", "evidence:");
		pl_show_body(e->doc->body);
	}
	pl_entry_free(e);
	return PL_OK;
}

static const struct pl_opt add_opts[] = {
	{ "goal", 'g', "ID", "a goal this reflection is about (repeatable)",
	    "@goal" },
	{ "evidence", 'e', "ID", "evidence it is about (repeatable)",
	    "@evidence" },
	{ "date", 'd', "DATE", "when: YYYY-MM-DD, today (default) or "
	    "yesterday", NULL },
	{ "message", 'm', "TEXT", "a paragraph (repeatable; else the editor "
	    "opens)", NULL },
	{ "file-message", 'F', "FILE", "read the reflection from FILE "
	    "(- for standard input)", "@file" },
	PL_OPT_AUTHOR,
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct pl_cmd reflect_add_cmd = {
	.name = "add",
	.summary = "write a reflection (the default)",
	.usage = "reflect [add] [--goal ID]... [--evidence ID]... [--date DATE] "
	    "[-m TEXT | -F FILE]",
	.description = "Adds reflections/<id>.md and commits it.  Without -m "
	    "or -F the editor opens\non prompts: what I learned, what was "
	    "hard, what I will try next.\nPrints the new id.",
	.opts = add_opts,
	.min_args = 0, .max_args = 0,
	.flags = PL_CMD_PORTFOLIO,
	.run = reflect_add,
};

static const struct pl_opt list_opts[] = {
	{ "goal", 'g', "ID", "only reflections about this goal", "@goal" },
	{ "evidence", 'e', "ID", "only reflections about this evidence",
	    "@evidence" },
	PL_OPT_FORMAT,
	PL_OPT_REV,
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct pl_cmd reflect_list_cmd = {
	.name = "list",
	.summary = "list reflections",
	.usage = "reflect list [--goal ID] [--evidence ID] "
	    "[--format text|json] [--rev REV]",
	.description = "Lists reflections by date: date, first words and id.",
	.opts = list_opts,
	.min_args = 0, .max_args = 0,
	.flags = PL_CMD_PORTFOLIO,
	.run = reflect_list,
};

static const struct pl_cmd reflect_show_cmd = {
	.name = "show",
	.summary = "show one reflection",
	.usage = "reflect show [--format text|json] [--rev REV] ID",
	.opts = pl_opts_show,
	.arg_words = "@reflection",
	.min_args = 1, .max_args = 1,
	.flags = PL_CMD_PORTFOLIO,
	.run = reflect_show,
};

static int
reflect_edit(struct pl_ctx *ctx, struct pl_args *a)
{
	return pl_edit_entry(ctx, PL_KIND_REFLECTION, a->argv[0]);
}

static const struct pl_cmd reflect_edit_cmd = {
	.name = "edit",
	.summary = "edit a reflection in $EDITOR",
	.usage = "reflect edit ID",
	.description = "Opens the file in $VISUAL or $EDITOR and commits what "
	    "you changed.",
	.opts = pl_opts_write,
	.arg_words = "@reflection",
	.min_args = 1, .max_args = 1,
	.flags = PL_CMD_PORTFOLIO,
	.run = reflect_edit,
};

static int
reflect_rm(struct pl_ctx *ctx, struct pl_args *a)
{
	return pl_rm_entry(ctx, PL_KIND_REFLECTION, a);
}

static const struct pl_cmd reflect_rm_cmd = {
	.name = "rm",
	.summary = "remove a reflection",
	.usage = "reflect rm ID",
	.description = "Removes reflections/<id>.md and commits.",
	.opts = pl_opts_write,
	.arg_words = "@reflection",
	.min_args = 1, .max_args = 1,
	.flags = PL_CMD_PORTFOLIO,
	.run = reflect_rm,
};

static int
reflect_mv(struct pl_ctx *ctx, struct pl_args *a)
{
	return pl_mv_entry(ctx, PL_KIND_REFLECTION, a);
}

static const struct pl_cmd reflect_mv_cmd = {
	.name = "mv",
	.summary = "give a reflection a new id",
	.usage = "reflect mv OLD NEW",
	.description = "Renames reflections/OLD.md to reflections/NEW.md and "
	    "commits.",
	.opts = pl_opts_write,
	.arg_words = "@reflection",
	.min_args = 2, .max_args = 2,
	.flags = PL_CMD_PORTFOLIO,
	.run = reflect_mv,
};

static const struct pl_cmd *const reflect_subs[] = {
	&reflect_add_cmd,
	&reflect_list_cmd,
	&reflect_show_cmd,
	&reflect_edit_cmd,
	&reflect_rm_cmd,
	&reflect_mv_cmd,
	NULL
};

const struct pl_cmd pl_cmd_reflect = {
	.name = "reflect",
	.summary = "write and read reflections",
	.usage = "reflect [add|list|show|edit|rm|mv]",
	.description = "Reflections live in reflections/<id>.md.  Without a "
	    "command, 'pl reflect'\nwrites a new one.",
	.subs = reflect_subs,
	.default_sub = "add",
};
