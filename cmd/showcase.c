/*
 * pl showcase: what the learner chooses to show an audience (a
 * student-led conference, next year's teacher, a family), in the
 * learner's order, with a note per item and an introduction.  pl publish
 * makes a site of one; this is the choosing.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "pl/entries/reflection.h"
#include "pl/entries/showcase.h"

#define INTRO_TEMPLATE \
	"\n<!-- Introduce this showcase to its audience.  This line is " \
	"removed. -->\n"

/* --before and --after: one at most (one exactly when needed). */
static int
check_place(const struct pl_args *a, int needed)
{
	if (pl_arg(a, "before") != NULL && pl_arg(a, "after") != NULL)
		return pl_error_set(PL_EUSAGE, "--before and --after cannot "
		    "be used together");
	if (needed && pl_arg(a, "before") == NULL && pl_arg(a, "after") ==
	    NULL)
		return pl_error_set(PL_EUSAGE, "say where: --before ID or "
		    "--after ID");
	return PL_OK;
}

static int
showcase_new(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_showcase_spec	 s = { 0 };
	char			*text = NULL, *scratch = NULL;
	int			 err;

	s.name = a->argv[0];
	s.title = pl_arg(a, "title");
	s.show = pl_arg(a, "show");
	if (pl_arg(a, "intro") != NULL && (pl_arg_has(a, "edit") ||
	    pl_arg(a, "file-message") != NULL))
		return pl_error_set(PL_EUSAGE, "--intro cannot be used with "
		    "--edit or -F");
	if ((err = pl_showcase_check_spec(ctx->pf, &s)) != PL_OK)
		goto done;
	/* -F, or the editor; else --intro or none */
	if ((pl_arg_has(a, "edit") || pl_arg(a, "file-message") != NULL) &&
	    (err = pl_body_text(&text, &scratch, ctx, a, "SHOWCASE",
	    INTRO_TEMPLATE)) != PL_OK)
		goto done;
	if (text != NULL)
		pl_body_strip_hint(text, INTRO_TEMPLATE);
	s.intro = text != NULL ? text : pl_arg(a, "intro");
	err = pl_showcase_new(ctx->pf, &s);
done:
	err = pl_body_done(err, ctx, "introduction", scratch);
	free(text);
	free(scratch);
	return err;
}

static void
ids_of(struct pl_strlist *ids, const struct pl_args *a)
{
	int	i;

	for (i = 1; i < a->argc; i++)
		pl_strlist_push(ids, a->argv[i]);
}

static int
showcase_add(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_strlist	ids = PL_STRLIST_INIT;
	int			err;

	if ((err = check_place(a, 0)) != PL_OK)
		return err;
	if (pl_arg(a, "note") != NULL && a->argc > 2)
		return pl_error_set(PL_EUSAGE, "--note goes with one ID");
	ids_of(&ids, a);
	err = pl_showcase_add(ctx->pf, a->argv[0], &ids, pl_arg(a, "note"),
	    pl_arg(a, "before"), pl_arg(a, "after"));
	pl_strlist_release(&ids);
	return err;
}

static int
showcase_rm(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_strlist	ids = PL_STRLIST_INIT;
	int			err;

	ids_of(&ids, a);
	err = pl_showcase_remove(ctx->pf, a->argv[0], &ids);
	pl_strlist_release(&ids);
	return err;
}

static int
showcase_move(struct pl_ctx *ctx, struct pl_args *a)
{
	int	err;

	if ((err = check_place(a, 1)) != PL_OK)
		return err;
	return pl_showcase_move(ctx->pf, a->argv[0], a->argv[1],
	    pl_arg(a, "before"), pl_arg(a, "after"));
}

static int
showcase_delete(struct pl_ctx *ctx, struct pl_args *a)
{
	return pl_showcase_delete(ctx->pf, a->argv[0]);
}

static int
showcase_edit(struct pl_ctx *ctx, struct pl_args *a)
{
	char	*tmp = NULL, *msg;
	int	 resumed, err;

	if ((err = pl_showcase_edit_begin(&tmp, &resumed, ctx->pf,
	    a->argv[0])) != PL_OK)
		return err;
	if (resumed) {
		msg = pl_xasprintf("resuming your edit of %s/%s.md kept in "
		    "'%s'", PL_SHOWCASE_DIR, a->argv[0], tmp);
		pl_out_error("pl: ", msg);
		free(msg);
	}
	if ((err = pl_edit_file(tmp)) == PL_OK)
		err = pl_showcase_edit_finish(ctx->pf, a->argv[0], tmp);
	if (err != PL_OK && err != PL_ENOCHANGE && access(tmp, F_OK) == 0)
		err = pl_edit_kept(err, ctx, tmp);
	free(tmp);
	return err;
}

/* The "show" list of s, "a, b", or "none". */
static char *
show_words(const struct pl_showcase *s)
{
	struct pl_strlist	l = PL_STRLIST_INIT;
	struct pl_buf		b = PL_BUF_INIT;

	if (pl_doc_get_list(s->doc, s->path, "show", &l) != PL_OK)
		pl_error_clear();
	pl_strlist_join(&b, &l, ", ");
	pl_strlist_release(&l);
	if (b.len == 0)
		pl_buf_puts(&b, "none");
	return pl_buf_detach(&b);
}

static int
showcase_list(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_strlist	 names = PL_STRLIST_INIT;
	struct pl_strlist	 warn = PL_STRLIST_INIT;
	struct pl_showcase	*s;
	struct pl_jw		 w;
	struct pl_buf		 b;
	size_t			 i, n;
	int			 err;

	(void)a;
	if ((err = pl_showcase_names(&names, ctx->pf)) != PL_OK)
		goto done;
	if (ctx->json) {
		pl_json_stream_begin(&w, &b);
		pl_jw_open(&w, NULL, '[');
	}
	for (i = 0; i < names.n; i++) {
		if (pl_showcase_load(&s, ctx->pf, names.v[i]) != PL_OK) {
			pl_strlist_push(&warn, pl_error_last());
			pl_error_clear();
			continue;
		}
		n = pl_showcase_count(s);
		if (ctx->json) {
			pl_jw_open(&w, NULL, '{');
			pl_jw_str(&w, "name", s->name);
			pl_jw_str(&w, "title", pl_doc_get(s->doc, "title"));
			pl_jw_str(&w, "created", pl_doc_get(s->doc,
			    "created"));
			pl_jw_int(&w, "items", (long long)n);
			pl_jw_close(&w, '}');
		} else
			pl_out_printf("%-16s  %3zu %s  %s\n", s->name, n,
			    n == 1 ? "item " : "items",
			    pl_doc_get(s->doc, "title"));
		pl_showcase_free(s);
	}
	if (ctx->json) {
		pl_jw_close(&w, ']');
		pl_json_stream_end(&w);
	}
	pl_out_warnings(&warn);
done:
	pl_strlist_release(&names);
	pl_strlist_release(&warn);
	return err;
}

/* What an item shown is called: evidence's title, a reflection's words. */
static char *
item_title(const struct pl_entry *e)
{
	const char	*t;

	if (e->kind == PL_KIND_REFLECTION)
		return pl_reflection_summary_of(e);
	t = pl_doc_get(e->doc, "title");
	return t != NULL ? pl_xstrdup(t) : NULL;
}

static void
item_jw(struct pl_jw *w, const struct pl_showcase_item *it)
{
	char	*title = it->e != NULL ? item_title(it->e) : NULL;

	pl_jw_open(w, NULL, '{');
	pl_jw_str(w, "id", it->id);
	pl_jw_str(w, "kind", it->e != NULL ? pl_kind_name(it->e->kind) :
	    NULL);
	pl_jw_str(w, "title", title);
	pl_jw_str(w, "date", it->e != NULL ? pl_doc_get(it->e->doc, "date") :
	    NULL);
	/* what is left out is left out whole, its note too */
	pl_jw_str(w, "note", it->e != NULL ? it->note : NULL);
	pl_jw_str(w, "left_out", pl_showcase_left_name(it->left));
	pl_jw_close(w, '}');
	free(title);
}

/* "  1. Title  (evidence ID)", the note under it, or why left out. */
static void
item_text(size_t i, const struct pl_showcase_item *it)
{
	char		*title;
	const char	*p, *e;

	if (it->e == NULL) {
		pl_out_printf("  %zu. left out: %s (%s)\n", i + 1, it->id,
		    pl_showcase_left_name(it->left));
		return;
	}
	title = item_title(it->e);
	pl_out_printf("  %zu. %s  (%s %s)\n", i + 1, title != NULL ? title :
	    it->id, pl_kind_name(it->e->kind), it->id);
	free(title);
	for (p = it->note; p != NULL && *p != '\0'; p = e + (*e == '\n')) {
		e = p + strcspn(p, "\n");
		pl_out_printf("     %.*s\n", (int)(e - p), p);
	}
}

static int
showcase_show(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_showcase	*s = NULL;
	struct pl_showcase_item	*it = NULL;
	struct pl_strlist	 l = PL_STRLIST_INIT;
	struct pl_jw		 w;
	struct pl_buf		 b;
	char			*show = NULL;
	size_t			 i, n = 0;
	int			 err;

	if ((err = pl_showcase_load(&s, ctx->pf, a->argv[0])) != PL_OK ||
	    (err = pl_showcase_resolve(&it, &n, ctx->pf, s)) != PL_OK ||
	    (err = pl_doc_get_list(s->doc, s->path, "show", &l)) != PL_OK)
		goto done;
	if (ctx->json) {
		pl_json_stream_begin(&w, &b);
		pl_jw_open(&w, NULL, '{');
		pl_jw_str(&w, "name", s->name);
		pl_jw_str(&w, "title", pl_doc_get(s->doc, "title"));
		pl_jw_str(&w, "created", pl_doc_get(s->doc, "created"));
		pl_jw_strlist(&w, "show", &l);
		pl_jw_str(&w, "intro", s->doc->body);
		pl_jw_open(&w, "items", '[');
		for (i = 0; i < n; i++)
			item_jw(&w, &it[i]);
		pl_jw_close(&w, ']');
		pl_jw_close(&w, '}');
		pl_json_stream_end(&w);
		goto done;
	}
	show = show_words(s);
	pl_out_printf("%s\n\n", pl_doc_get(s->doc, "title"));
	pl_show_field("name:", s->name);
	pl_show_field("created:", pl_doc_get(s->doc, "created"));
	pl_show_field("show:", show);
	if (s->doc->body[strspn(s->doc->body, " \t\r\n")] != '\0')
		pl_show_body(s->doc->body);
	pl_out_printf("\nItems:\n");
	if (n == 0)
		pl_out_printf("  none yet: pl showcase add %s ID\n", s->name);
	for (i = 0; i < n; i++)
		item_text(i, &it[i]);
done:
	free(show);
	pl_strlist_release(&l);
	pl_showcase_items_free(it, n);
	pl_showcase_free(s);
	return err;
}

static const struct pl_opt new_opts[] = {
	{ "title", 't', "TITLE", "the showcase's title (default: NAME)",
	    NULL },
	{ "intro", 0, "TEXT", "the introduction (else none, unless --edit "
	    "or -F)", NULL },
	{ "edit", 'e', NULL, "write the introduction in the editor", NULL },
	{ "file-message", 'F', "FILE", "read the introduction from FILE "
	    "(- for standard input)", "@file" },
	{ "show", 0, "WHAT", "what else the audience may see: strengths, "
	    "interests, ratings (comma-separated; default none)",
	    "strengths interests ratings" },
	PL_OPT_AUTHOR,
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct pl_cmd showcase_new_cmd = {
	.name = "new",
	.summary = "start a showcase",
	.usage = "showcase new [--title TITLE] [--intro TEXT | --edit | "
	    "-F FILE] [--show WHAT] NAME",
	.description = "Makes showcase/NAME.md, with no items yet, and "
	    "commits it.  NAME is a\nshort id: lower-case letters, digits "
	    "and '-'.",
	.opts = new_opts,
	.min_args = 1, .max_args = 1,
	.flags = PL_CMD_PORTFOLIO,
	.run = showcase_new,
};

static const struct pl_opt add_opts[] = {
	{ "note", 'n', "TEXT", "a note shown with the item", NULL },
	{ "before", 0, "ID", "put it before this item", "@chosen" },
	{ "after", 0, "ID", "put it after this item", "@chosen" },
	PL_OPT_AUTHOR,
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct pl_cmd showcase_add_cmd = {
	.name = "add",
	.summary = "choose evidence or reflections for a showcase",
	.usage = "showcase add [--note TEXT] [--before ID | --after ID] "
	    "NAME ID...",
	.description = "Adds each ID, a piece of evidence or a reflection, "
	    "to the showcase, at the\nend or where --before or --after says, "
	    "and commits.  A private entry, a\ngoal or an ID chosen already "
	    "is refused.",
	.opts = add_opts,
	.arg_words = "@showcase|@evidence @reflection",
	.min_args = 2, .max_args = -1,
	.flags = PL_CMD_PORTFOLIO,
	.run = showcase_add,
};

static const struct pl_cmd showcase_rm_cmd = {
	.name = "rm",
	.summary = "take items out of a showcase",
	.usage = "showcase rm NAME ID...",
	.description = "Takes each ID out of the showcase and commits; the "
	    "entries stay in the\nportfolio.",
	.opts = pl_opts_write,
	.arg_words = "@showcase|@chosen",
	.min_args = 2, .max_args = -1,
	.flags = PL_CMD_PORTFOLIO,
	.run = showcase_rm,
};

static const struct pl_opt move_opts[] = {
	{ "before", 0, "ID", "put it before this item", "@chosen" },
	{ "after", 0, "ID", "put it after this item", "@chosen" },
	PL_OPT_AUTHOR,
	{ NULL, 0, NULL, NULL, NULL }
};

static const struct pl_cmd showcase_move_cmd = {
	.name = "move",
	.summary = "put an item somewhere else in a showcase",
	.usage = "showcase move NAME ID --before ID | --after ID",
	.description = "Moves the item ID before or after another item and "
	    "commits.",
	.opts = move_opts,
	.arg_words = "@showcase|@chosen",
	.min_args = 2, .max_args = 2,
	.flags = PL_CMD_PORTFOLIO,
	.run = showcase_move,
};

static const struct pl_cmd showcase_list_cmd = {
	.name = "list",
	.summary = "list the showcases",
	.usage = "showcase list [--format text|json] [--rev REV]",
	.description = "Lists the showcases: name, number of items and "
	    "title.",
	.opts = pl_opts_show,
	.min_args = 0, .max_args = 0,
	.flags = PL_CMD_PORTFOLIO,
	.run = showcase_list,
};

static const struct pl_cmd showcase_show_cmd = {
	.name = "show",
	.summary = "show a showcase and its items in order",
	.usage = "showcase show [--format text|json] [--rev REV] NAME",
	.description = "Prints the title, the introduction and the items in "
	    "order with their notes.\nAn item whose entry is private or gone "
	    "is left out, and says why.",
	.opts = pl_opts_show,
	.arg_words = "@showcase",
	.min_args = 1, .max_args = 1,
	.flags = PL_CMD_PORTFOLIO,
	.run = showcase_show,
};

static const struct pl_cmd showcase_edit_cmd = {
	.name = "edit",
	.summary = "edit a showcase in $EDITOR",
	.usage = "showcase edit NAME",
	.description = "Opens showcase/NAME.md in $VISUAL or $EDITOR and "
	    "commits what you changed,\nchecked as add checks each item.",
	.opts = pl_opts_write,
	.arg_words = "@showcase",
	.min_args = 1, .max_args = 1,
	.flags = PL_CMD_PORTFOLIO,
	.run = showcase_edit,
};

static const struct pl_cmd showcase_delete_cmd = {
	.name = "delete",
	.summary = "delete a showcase",
	.usage = "showcase delete NAME",
	.description = "Removes showcase/NAME.md and commits; the entries "
	    "it chose stay.",
	.opts = pl_opts_write,
	.arg_words = "@showcase",
	.min_args = 1, .max_args = 1,
	.flags = PL_CMD_PORTFOLIO,
	.run = showcase_delete,
};

static const struct pl_cmd *const showcase_subs[] = {
	&showcase_new_cmd,
	&showcase_add_cmd,
	&showcase_rm_cmd,
	&showcase_move_cmd,
	&showcase_list_cmd,
	&showcase_show_cmd,
	&showcase_edit_cmd,
	&showcase_delete_cmd,
	NULL
};

const struct pl_cmd pl_cmd_showcase = {
	.name = "showcase",
	.summary = "choose what to show an audience, in order",
	.usage = "showcase [list]",
	.description = "A showcase lives in showcase/<name>.md: evidence and "
	    "reflections the\nlearner chose, in order, with notes and an "
	    "introduction.  Without a\ncommand, 'pl showcase' lists them.",
	.subs = showcase_subs,
	.default_sub = "list",
};
