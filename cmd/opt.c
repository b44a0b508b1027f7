/*
 * Option parsing and --help, both driven by each command's option table
 * (git's parse-options idea): what a command accepts and what its help
 * says come from the same lines.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "cmd.h"
#include "pl/entries/goal.h"
#include "pl/base/md.h"
#include "pl/entries/showcase.h"
#include "pl/entries/standards.h"

static size_t
count_opts(const struct pl_opt *opts)
{
	size_t	n = 0;

	while (opts != NULL && opts[n].name != NULL)
		n++;
	return n;
}

/* An option whose value is optional, "--color[=WHEN]", has arg "[=WHEN]". */
static int
optional_value(const struct pl_opt *o)
{
	return o->arg != NULL && o->arg[0] == '[';
}

static int
opt_index(const struct pl_args *a, const char *name)
{
	size_t	i, n = count_opts(a->opts);

	for (i = 0; i < n; i++)
		if (strcmp(a->opts[i].name, name) == 0)
			return (int)i;
	return -1;
}

const char *
pl_arg(const struct pl_args *a, const char *name)
{
	int	i = opt_index(a, name);

	if (i < 0 || a->vals[i].n == 0)
		return NULL;
	return a->vals[i].v[a->vals[i].n - 1];
}

const struct pl_strlist *
pl_arg_all(const struct pl_args *a, const char *name)
{
	static const struct pl_strlist	none = PL_STRLIST_INIT;
	int				i = opt_index(a, name);

	return i < 0 ? &none : &a->vals[i];
}

int
pl_arg_has(const struct pl_args *a, const char *name)
{
	int	i = opt_index(a, name);

	return i >= 0 && a->vals[i].n > 0;
}

const struct pl_cmd *
pl_cmd_find(const struct pl_cmd *const *cmds, const char *name)
{
	size_t	i;

	for (i = 0; cmds != NULL && cmds[i] != NULL; i++)
		if (strcmp(cmds[i]->name, name) == 0)
			return cmds[i];
	return NULL;
}

/*
 * Builds getopt_long's tables; --help is every command's.  Options may
 * follow arguments, as in git ("pl goal show x --format json"); "--"
 * ends them, for a title that starts with '-'.
 */
static void
build_getopt(const struct pl_cmd *cmd, struct pl_buf *shorts,
    struct option *longs)
{
	size_t	i, n = count_opts(cmd->opts);

	pl_buf_puts(shorts, ":h");
	for (i = 0; i < n; i++) {
		const struct pl_opt *o = &cmd->opts[i];

		longs[i].name = o->name;
		longs[i].has_arg = optional_value(o) ? optional_argument :
		    o->arg != NULL ? required_argument : no_argument;
		longs[i].flag = NULL;
		longs[i].val = 256 + (int)i;
		if (o->short_name != 0) {
			pl_buf_putc(shorts, (char)o->short_name);
			if (o->arg != NULL)
				pl_buf_puts(shorts, optional_value(o) ? "::" :
				    ":");
		}
	}
	longs[n].name = "help";
	longs[n].has_arg = no_argument;
	longs[n].flag = NULL;
	longs[n].val = 'h';
	memset(&longs[n + 1], 0, sizeof longs[n + 1]);
}

static int
short_index(const struct pl_cmd *cmd, int c)
{
	size_t	i, n = count_opts(cmd->opts);

	for (i = 0; i < n; i++)
		if (cmd->opts[i].short_name == c)
			return (int)i;
	return -1;
}

static int
check_count(const struct pl_cmd *cmd, const char *path, int argc)
{
	if (argc < cmd->min_args)
		return pl_error_set(PL_EUSAGE, "%s: missing argument; "
		    "usage: pl %s", path, cmd->usage);
	if (cmd->max_args >= 0 && argc > cmd->max_args)
		return pl_error_set(PL_EUSAGE, "%s: too many arguments; "
		    "usage: pl %s", path, cmd->usage);
	return PL_OK;
}

int
pl_args_parse(struct pl_args *a, const struct pl_cmd *cmd, const char *path,
    int argc, char **argv)
{
	struct pl_buf	 shorts = PL_BUF_INIT;
	size_t		 n = count_opts(cmd->opts);
	struct option	*longs = pl_xcalloc(n + 2, sizeof *longs);
	int		 c, i, err = PL_OK;

	a->opts = cmd->opts;
	a->vals = pl_xcalloc(n + 1, sizeof *a->vals);
	build_getopt(cmd, &shorts, longs);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, shorts.ptr, longs, NULL)) != -1) {
		if (c == 'h') {
			err = 1;	/* help asked for: the caller prints it */
			goto done;
		}
		if (c == '?' || c == ':') {
			const char *what = c == '?' ? "unknown option" :
			    "missing value for option";

			/* A long option's optopt is its val, 256 + index. */
			if (optopt >= 256 && optopt < 256 + (int)n)
				err = pl_error_set(PL_EUSAGE, "%s: %s '--%s'",
				    path, what, cmd->opts[optopt - 256].name);
			else if (optopt != 0)
				err = pl_error_set(PL_EUSAGE, "%s: %s '-%c'",
				    path, what, optopt);
			else
				err = pl_error_set(PL_EUSAGE, "%s: %s '%s'",
				    path, what, argv[optind - 1]);
			goto done;
		}
		i = c >= 256 ? c - 256 : short_index(cmd, c);
		pl_strlist_push(&a->vals[i], optarg != NULL ? optarg : "");
	}
	a->argc = argc - optind;
	a->argv = argv + optind;
	err = check_count(cmd, path, a->argc);
done:
	pl_buf_release(&shorts);
	free(longs);
	return err;
}

void
pl_args_release(struct pl_args *a)
{
	size_t	i, n = count_opts(a->opts);

	for (i = 0; a->vals != NULL && i < n; i++)
		pl_strlist_release(&a->vals[i]);
	free(a->vals);
	a->vals = NULL;
}

static void
help_opts(FILE *f, const struct pl_opt *opts)
{
	size_t		i, n = count_opts(opts);
	struct pl_buf	b = PL_BUF_INIT;

	if (n == 0)
		return;
	fputs("\noptions:\n", f);
	for (i = 0; i < n; i++) {
		pl_buf_clear(&b);
		if (opts[i].short_name != 0)
			pl_buf_printf(&b, "-%c, ", opts[i].short_name);
		pl_buf_printf(&b, "--%s", opts[i].name);
		if (opts[i].arg != NULL)
			pl_buf_printf(&b, optional_value(&opts[i]) ? "%s" :
			    " %s", opts[i].arg);
		fprintf(f, "    %-26s %s\n", b.ptr, opts[i].help);
	}
	pl_buf_release(&b);
}

void
pl_cmd_usage(FILE *f, const struct pl_cmd *cmd, const char *path)
{
	size_t	i;

	fprintf(f, "usage: pl %s\n", cmd->usage);
	for (i = 0; cmd->subs != NULL && cmd->subs[i] != NULL; i++)
		fprintf(f, "   or: pl %s\n", cmd->subs[i]->usage);
	if (cmd->description != NULL)
		fprintf(f, "\n%s\n", cmd->description);
	if (cmd->subs != NULL) {
		fputs("\ncommands:\n", f);
		for (i = 0; cmd->subs[i] != NULL; i++)
			fprintf(f, "    %-10s %s\n", cmd->subs[i]->name,
			    cmd->subs[i]->summary);
		fprintf(f, "\nSee 'pl %s COMMAND --help' for one of them.\n",
		    path);
	}
	help_opts(f, cmd->opts);
}

/* What a completion may depend on besides the word being completed. */
struct complete_ctx {
	const char	*dir;		/* the portfolio */
	const char	*first;		/* the first argument, or NULL */
	int		 undo;		/* --undo given */
};

static void
print_matching(const struct pl_strlist *l, const char *prefix)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		if (strncmp(l->v[i], prefix, strlen(prefix)) == 0)
			printf("%s\n", l->v[i]);
}

/* The long-term goals: the only ones a goal can serve. */
static void
long_goals(struct pl_strlist *out, struct pl_portfolio *pf)
{
	struct pl_goals		gs = { { NULL, 0 }, NULL };
	struct pl_strlist	warn = PL_STRLIST_INIT;
	size_t			i;

	if (pl_goals_read(&gs, pf, &warn) == PL_OK)
		for (i = 0; i < gs.l.n; i++)
			if (gs.g[i].term != NULL &&
			    strcmp(gs.g[i].term, "long") == 0)
				pl_strlist_push(out, gs.l.v[i]->id);
	pl_goals_release(&gs);
	pl_strlist_release(&warn);
}

/*
 * The steps of goal id that "goal done" can tick (or --undo untick), as
 * "N<TAB>text": the shells show the text beside the number.
 */
static void
steps(struct pl_strlist *out, struct pl_portfolio *pf, const char *id,
    int undo)
{
	struct pl_entry	*e = NULL;
	struct pl_tasks	 t = { NULL, 0 };
	size_t		 i;

	if (id == NULL || pl_entry_load(&e, pf, PL_KIND_GOAL, id) != PL_OK)
		return;
	pl_md_tasks(&t, e->doc->body, PL_GOAL_STEPS);
	for (i = 0; i < t.n; i++)
		if (t.v[i].done == undo)
			pl_strlist_push_owned(out, pl_xasprintf("%zu\t%s",
			    i + 1, t.v[i].text));
	pl_tasks_release(&t);
	pl_entry_free(e);
}

/* The ids chosen in showcase name, in the showcase's order. */
static void
chosen(struct pl_strlist *out, struct pl_portfolio *pf, const char *name)
{
	struct pl_showcase	*s = NULL;
	struct pl_node *const	*v;
	size_t			 i, n;

	if (name == NULL || pl_showcase_load(&s, pf, name) != PL_OK ||
	    pl_doc_get_maps(s->doc, s->path, "items", &v, &n) != PL_OK)
		n = 0;
	for (i = 0; i < n; i++)
		pl_strlist_push(out, pl_node_get(v[i], "id"));
	pl_showcase_free(s);
}

/* The codes of the portfolio's standards. */
static void
codes(struct pl_strlist *out, struct pl_portfolio *pf)
{
	struct pl_standards	l;
	size_t			i;

	if (pl_standards_load(&l, pf, NULL) == PL_OK)
		for (i = 0; i < l.n; i++)
			pl_strlist_push(out, l.v[i].code);
	pl_standards_release(&l);
}

/* The names of the repository's remotes, for pl sync. */
static void
remotes(struct pl_strlist *out, struct pl_portfolio *pf)
{
	git_strarray	names = { NULL, 0 };
	size_t		i;

	if (git_remote_list(&names, pl_portfolio_repo(pf)) < 0)
		return;
	for (i = 0; i < names.count; i++)
		pl_strlist_push(out, names.strings[i]);
	git_strarray_dispose(&names);
}

/* The words "@kind" stands for, read from the portfolio. */
static void
complete_ids(const char *word, size_t n, const char *prefix,
    const struct complete_ctx *c)
{
	struct pl_portfolio	*pf = NULL;
	struct pl_strlist	 l = PL_STRLIST_INIT;
	char			*kind = pl_xstrndup(word + 1, n - 1), *folder;

	if (pl_portfolio_open(&pf, c->dir, NULL) != PL_OK)
		goto done;
	if (strcmp(kind, "long-goal") == 0)
		long_goals(&l, pf);
	else if (strcmp(kind, "step") == 0)
		steps(&l, pf, c->first, c->undo);
	else if (strcmp(kind, "standard") == 0)
		codes(&l, pf);
	else if (strcmp(kind, "chosen") == 0)
		chosen(&l, pf, c->first);
	else if (strcmp(kind, "framework") == 0) {
		if (pl_portfolio_list(&l, pf, PL_STANDARDS_DIR, ".csv") !=
		    PL_OK)
			pl_strlist_release(&l);
	} else if (strcmp(kind, "remote") == 0) {
		remotes(&l, pf);
	} else if (strcmp(kind, "rev") == 0) {
		if (pl_portfolio_refs(&l, pf) != PL_OK)
			pl_strlist_release(&l);
	} else {
		/* Ids from the committed tree: "@goal" -> goals/ */
		folder = strcmp(kind, "evidence") == 0 ||
		    strcmp(kind, "showcase") == 0 ? pl_xstrdup(kind) :
		    pl_xasprintf("%ss", kind);
		if (pl_portfolio_list(&l, pf, folder, ".md") != PL_OK)
			pl_strlist_release(&l);
		free(folder);
	}
	print_matching(&l, prefix);
done:
	pl_strlist_release(&l);
	pl_portfolio_free(pf);
	free(kind);
}

/* Prints the words of a space-separated list that start with prefix. */
static void
complete_words(const char *words, const char *prefix,
    const struct complete_ctx *c)
{
	const char	*p = words, *end;
	size_t		 n;

	while (*p != '\0' && *p != '|') {
		end = p + strcspn(p, " |");
		n = (size_t)(end - p);
		if (n > 1 && p[0] == '@' && strncmp(p, "@file", n) != 0)
			complete_ids(p, n, prefix, c);
		else if (strncmp(p, prefix, strlen(prefix)) == 0 ||
		    (n == 5 && strncmp(p, "@file", 5) == 0))
			printf("%.*s\n", (int)n, p);
		p = end + (*end == ' ');
	}
}

static const struct pl_opt *
find_opt(const struct pl_cmd *cmd, const char *word)
{
	size_t	i, n = count_opts(cmd->opts);

	for (i = 0; i < n; i++)
		if ((word[0] == '-' && word[1] == '-' &&
		    strcmp(word + 2, cmd->opts[i].name) == 0) ||
		    (word[0] == '-' && word[1] == cmd->opts[i].short_name &&
		    word[1] != '\0' && word[2] == '\0'))
			return &cmd->opts[i];
	return NULL;
}

/*
 * "pl reflect --goal": an option before any sub-command is the default
 * sub-command's, as the dispatcher reads it.
 */
static const struct pl_cmd *
default_sub(const struct pl_cmd *cmd, const struct pl_cmd *const **table)
{
	if (cmd == NULL || cmd->default_sub == NULL || *table != cmd->subs)
		return cmd;
	*table = NULL;
	return pl_cmd_find(cmd->subs, cmd->default_sub);
}

int
pl_complete(int argc, char **argv)
{
	const struct pl_cmd *const	*table = pl_commands;
	const struct pl_cmd		*cmd = NULL, *sub;
	const struct pl_opt		*o;
	const char			*cur = argc > 0 ? argv[argc - 1] : "";
	const char			*w;
	struct complete_ctx		 c = { ".", NULL, 0 };
	int				 i, pos = 0;
	size_t				 k, n;

	for (i = 0; i < argc - 1; i++) {
		if (argv[i][0] == '-')
			cmd = default_sub(cmd, &table);
		if (cmd != NULL && (o = find_opt(cmd, argv[i])) != NULL) {
			c.undo |= strcmp(o->name, "undo") == 0;
			/* skip its value; an optional one is "--o=V" */
			i += o->arg != NULL && !optional_value(o);
			continue;
		}
		if (argv[i][0] == '-')
			continue;
		if (table != NULL && (sub = pl_cmd_find(table, argv[i])) !=
		    NULL && pos == 0) {
			cmd = sub;
			table = sub->subs;
			continue;
		}
		if (pos++ == 0)
			c.first = argv[i];
	}
	if (cur[0] == '-')
		cmd = default_sub(cmd, &table);
	/* "pl reflect -m ..." is reflect's default add */
	if (cmd != NULL && cmd->default_sub != NULL && pos == 0 &&
	    (cur[0] == '-' || (argc >= 2 && argv[argc - 2][0] == '-'))) {
		cmd = pl_cmd_find(cmd->subs, cmd->default_sub);
		table = NULL;
	}
	if (argc >= 2 && cmd != NULL &&
	    (o = find_opt(cmd, argv[argc - 2])) != NULL && o->arg != NULL &&
	    !optional_value(o)) {
		if (o->values != NULL)
			complete_words(o->values, cur, &c);
		return 0;
	}
	if (cur[0] == '-' && cmd != NULL) {
		n = count_opts(cmd->opts);
		for (k = 0; k < n; k++)
			if (strncmp(cmd->opts[k].name, cur + (cur[1] == '-' ?
			    2 : 1), strlen(cur) - (cur[1] == '-' ? 2 : 1)) ==
			    0)
				printf("--%s\n", cmd->opts[k].name);
		if (strncmp("--help", cur, strlen(cur)) == 0)
			printf("--help\n");
		return 0;
	}
	if (table != NULL && pos == 0) {
		for (k = 0; table[k] != NULL; k++)
			if (!(table[k]->flags & PL_CMD_HIDDEN) &&
			    strncmp(table[k]->name, cur, strlen(cur)) == 0)
				printf("%s\n", table[k]->name);
		if (cmd == NULL || cmd->default_sub == NULL)
			return 0;
		cmd = pl_cmd_find(cmd->subs, cmd->default_sub);
	}
	if (cmd == NULL || (w = cmd->arg_words) == NULL)
		return 0;
	/* "ID FILE...": with no limit, the last position goes on */
	for (i = 0; i < pos && w != NULL; i++)
		if (strchr(w, '|') != NULL)
			w = strchr(w, '|') + 1;
		else if (cmd->max_args != -1)
			w = NULL;
	if (w != NULL)
		complete_words(w, cur, &c);
	return 0;
}
