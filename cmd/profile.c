/*
 * pl profile: who the learner is: name, grade, strengths, needs,
 * interests and how they learn best.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "pl/base/md.h"
#include "pl/entries/profile.h"

static const struct {
	const char	*json;
	const char	*section;
} sections[] = {
	{ "strengths", "Strengths" },
	{ "needs", "Needs" },
	{ "interests", "Interests" },
	{ "preferences", "How I learn best" },
};

#define NSECTIONS (sizeof sections / sizeof sections[0])

static void
profile_json(const struct pl_entry *e)
{
	static const char *const keys[] = { "name", "id", "grade", "started" };
	struct pl_strlist	 l = PL_STRLIST_INIT;
	json_t			*j = json_object();
	size_t			 i;

	for (i = 0; i < 4; i++)
		json_object_set_new(j, keys[i], pl_json_str(pl_doc_get(e->doc,
		    keys[i])));
	for (i = 0; i < NSECTIONS; i++) {
		pl_md_items(&l, e->doc->body, sections[i].section);
		json_object_set_new(j, sections[i].json, pl_json_strlist(&l));
		pl_strlist_release(&l);
	}
	json_object_set_new(j, "body", json_string(e->doc->body));
	pl_json_print(j);
}

static void
profile_text(const struct pl_entry *e)
{
	struct pl_strlist	 l = PL_STRLIST_INIT;
	const char		*name = pl_doc_get(e->doc, "name");
	size_t			 i, k;

	pl_out_printf("%s\n\n", name != NULL ? name : "(no name)");
	pl_show_field("id:", pl_doc_get(e->doc, "id"));
	pl_show_field("grade:", pl_doc_get(e->doc, "grade"));
	pl_show_field("started:", pl_doc_get(e->doc, "started"));
	for (i = 0; i < NSECTIONS; i++) {
		pl_md_items(&l, e->doc->body, sections[i].section);
		pl_out_printf("\n%s:\n", sections[i].section);
		for (k = 0; k < l.n; k++)
			pl_out_printf("  - %s\n", l.v[k]);
		if (l.n == 0)
			pl_out_printf("  (none yet)\n");
		pl_strlist_release(&l);
	}
}

static int
profile_show(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_entry	*e = NULL;
	int		 err;

	if ((err = pl_entry_load(&e, ctx->pf, PL_KIND_PROFILE, NULL)) !=
	    PL_OK)
		return err;
	if (ctx->json)
		profile_json(e);
	else
		profile_text(e);
	pl_entry_free(e);
	return PL_OK;
}

static int
profile_set(struct pl_ctx *ctx, struct pl_args *a)
{
	return pl_profile_set(ctx->pf, a->argv[0], a->argv[1]);
}

static int
profile_add(struct pl_ctx *ctx, struct pl_args *a)
{
	return pl_profile_add(ctx->pf, a->argv[0], a->argv[1]);
}

static int
profile_edit(struct pl_ctx *ctx, struct pl_args *a)
{
	return pl_edit_entry(ctx, PL_KIND_PROFILE, NULL);
}

static const struct pl_cmd profile_show_cmd = {
	.name = "show",
	.summary = "show the profile (the default)",
	.usage = "profile [show] [--format text|json] [--rev REV]",
	.opts = pl_opts_show,
	.min_args = 0, .max_args = 0,
	.flags = PL_CMD_PORTFOLIO,
	.run = profile_show,
};

static const struct pl_cmd profile_set_cmd = {
	.name = "set",
	.summary = "set a profile field",
	.usage = "profile set KEY VALUE",
	.description = "Sets KEY in profile.md's front matter: name, id, grade, "
	    "started (a date)\nor a key of your own.",
	.opts = pl_opts_write,
	.arg_words = "name id grade started",
	.min_args = 2, .max_args = 2,
	.flags = PL_CMD_PORTFOLIO,
	.run = profile_set,
};

static const struct pl_cmd profile_add_cmd = {
	.name = "add",
	.summary = "add a strength, need, interest or preference",
	.usage = "profile add strength|need|interest|preference TEXT",
	.description = "Adds '- TEXT' to the profile's Strengths, Needs, "
	    "Interests or How I learn best.",
	.opts = pl_opts_write,
	.arg_words = "strength need interest preference",
	.min_args = 2, .max_args = 2,
	.flags = PL_CMD_PORTFOLIO,
	.run = profile_add,
};

static const struct pl_cmd profile_edit_cmd = {
	.name = "edit",
	.summary = "edit the profile in $EDITOR",
	.usage = "profile edit",
	.description = "Opens profile.md in $VISUAL or $EDITOR and commits "
	    "what you changed.",
	.opts = pl_opts_write,
	.min_args = 0, .max_args = 0,
	.flags = PL_CMD_PORTFOLIO,
	.run = profile_edit,
};

static const struct pl_cmd *const profile_subs[] = {
	&profile_show_cmd,
	&profile_set_cmd,
	&profile_add_cmd,
	&profile_edit_cmd,
	NULL
};

const struct pl_cmd pl_cmd_profile = {
	.name = "profile",
	.summary = "show and change the learner profile",
	.usage = "profile [show|set|add|edit]",
	.description = "The profile lives in profile.md.  Without a command, "
	    "'pl profile' shows it.",
	.subs = profile_subs,
	.default_sub = "show",
};
