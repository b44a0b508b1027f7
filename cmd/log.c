/*
 * pl log: the progress timeline, one line per change, newest first, read
 * from the commit log (see pl/progress/history.h): what a learner, a teacher or a
 * script asks when it wants to know how things got where they are.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd.h"
#include "pl/progress/history.h"
#include "pl/base/slug.h"
#include "pl/base/csv.h"
#include "pl/progress/verify.h"

enum log_format { LOG_TEXT, LOG_CSV, LOG_JSON };

struct log_filter {
	struct pl_strlist	 goals;	/* --goal and the ids it had before */
	const char		*standard;
	const char		*kind;
	const char		*author;
	struct pl_range		 range;
	long			 max;	/* -n, or -1 */
};

/* 1 when needle is in hay, ignoring ASCII case. */
static int
has_word(const char *hay, const char *needle)
{
	size_t	n = strlen(needle);

	for (; *hay != '\0'; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return n == 0;
}

/*
 * A change to the goal (under any id it had: walking back through a
 * rename, the old id is followed too), or one that links to it.
 */
static int
goal_wanted(struct log_filter *f, const struct pl_change *c)
{
	size_t	i;
	int	own = strcmp(c->kind, "goal") == 0 &&
		    pl_strlist_find(&f->goals, c->id) >= 0;

	if (own && c->old_id != NULL && pl_strlist_find(&f->goals,
	    c->old_id) < 0)
		pl_strlist_push(&f->goals, c->old_id);
	for (i = 0; !own && i < c->goals.n; i++)
		own = pl_strlist_find(&f->goals, c->goals.v[i]) >= 0;
	return own;
}

static int
wanted(struct log_filter *f, const struct pl_change *c)
{
	char	 date[PL_DATE_LEN];
	char	*who;
	int	 ok;

	pl_date_format(date, c->date);
	if (!pl_range_has(&f->range, date))
		return 0;
	if (f->kind != NULL && strcmp(f->kind, c->kind) != 0)
		return 0;
	if (f->standard != NULL && pl_strlist_find(&c->standards,
	    f->standard) < 0)
		return 0;
	if (f->author != NULL) {
		who = pl_xasprintf("%s <%s>", c->author, c->email);
		ok = has_word(who, f->author);
		free(who);
		if (!ok)
			return 0;
	}
	return f->goals.n == 0 || goal_wanted(f, c);
}

/* Each kind in a colour of its own; one pl does not know, in none. */
static const char *
kind_colour(const char *kind)
{
	static const struct {
		const char	*kind;
		const char	*sgr;
	} colours[] = {
		{ "portfolio", PL_SGR_BOLD },
		{ "profile", PL_SGR_RED },
		{ "goal", PL_SGR_GREEN },
		{ "evidence", PL_SGR_BLUE },
		{ "reflection", PL_SGR_MAGENTA },
		{ "align", PL_SGR_CYAN },
	};
	size_t	i;

	for (i = 0; i < sizeof colours / sizeof colours[0]; i++)
		if (strcmp(kind, colours[i].kind) == 0)
			return colours[i].sgr;
	return NULL;
}

/*
 * A rating whose commit carries a good signature from a trusted key is
 * marked at the end of its line, where the mark moves no column; one
 * whose signature does not match its commit is marked too, and one made
 * after an untrusted change to the list, which no key could verify.
 */
static void
sig_mark(struct pl_buf *b, const struct pl_sig *s)
{
	if (s == NULL)
		return;
	if (s->state == PL_SIG_GOOD)
		pl_buf_puts(b, " (verified)");
	else if (s->state == PL_SIG_BAD)
		pl_buf_puts(b, " (bad signature)");
	else if (s->untrusted != NULL)
		pl_buf_printf(b, " (not verified: keys untrusted since %s)",
		    s->untrusted);
}

/* Each change to the list no trusted key signed, on standard error. */
static void
untrusted_warn(const struct pl_verifier *v)
{
	const struct pl_untrusted	*u;
	struct pl_strlist		 w = PL_STRLIST_INIT;
	size_t				 i;

	for (i = 0; i < pl_verifier_untrusted(v); i++) {
		u = pl_verifier_untrusted_at(v, i);
		pl_strlist_push_owned(&w, pl_xasprintf("untrusted change to "
		    "%s in %s by %s: %s; no rating after it is verified",
		    PL_ALLOWED_SIGNERS, u->short_id, u->author, u->why));
	}
	pl_out_warnings(&w);
	pl_strlist_release(&w);
}

/* true, false, or null for a change that is not a rating. */
static json_t *
sig_json(const struct pl_sig *s)
{
	return s == NULL ? json_null() : json_boolean(s->state ==
	    PL_SIG_GOOD);
}

/* The date in yellow as git's commit ids, the kind in its colour. */
static void
print_text(struct pl_buf *line, const struct pl_change *c, int colour,
    const struct pl_sig *sig)
{
	struct pl_buf	*b = line;		/* reused from line to line */
	char		 date[PL_DATE_LEN];
	size_t		 n;
	struct pl_buf	 mark = PL_BUF_INIT;

	pl_date_format(date, c->date);
	if (!colour) {
		/* the common case for scripts, without printf per field */
		pl_buf_clear(b);
		pl_buf_puts(b, date);
		pl_buf_puts(b, "  ");
		pl_buf_puts(b, c->author);
		pl_buf_puts(b, "  ");
		pl_buf_puts(b, c->kind);
		for (n = strlen(c->kind); n < 10; n++)
			pl_buf_putc(b, ' ');
		pl_buf_puts(b, "  ");
		pl_buf_puts(b, c->action);
		for (n = strlen(c->action); n < 7; n++)
			pl_buf_putc(b, ' ');
		pl_buf_puts(b, "  ");
		pl_buf_puts(b, *c->id != '\0' ? c->id : "-");
		pl_buf_puts(b, "  ");
		pl_buf_puts(b, c->detail);
		sig_mark(b, sig);
		pl_buf_putc(b, '\n');
		pl_out_write(b->ptr, PL_OUT_LINE);
		return;
	}
	pl_out_paint(date, PL_SGR_YELLOW, colour, 0);
	pl_out_printf("  %s  ", c->author);
	pl_out_paint(c->kind, kind_colour(c->kind), colour, 10);
	pl_out_printf("  %-7s  ", c->action);
	pl_out_paint(*c->id != '\0' ? c->id : "-", PL_SGR_BOLD, colour, 0);
	sig_mark(&mark, sig);
	pl_out_printf("  %s%s\n", c->detail, pl_buf_cstr(&mark));
	pl_buf_release(&mark);
}

static char *
joined(const struct pl_strlist *l)
{
	struct pl_buf	b = PL_BUF_INIT;

	pl_strlist_join(&b, l, " ");
	return pl_buf_detach(&b);
}

static const char *const csv_head[] = { "commit", "date", "author",
	"email", "kind", "action", "id", "old_id", "goals", "standards",
	"level", "detail", "path", "verified" };
#define CSV_COLS	(sizeof csv_head / sizeof csv_head[0])

/* The header, through the one row function every CSV of pl uses. */
static void
print_csv_head(int trusts)
{
	struct pl_buf	b = PL_BUF_INIT;

	pl_csv_row(&b, csv_head, CSV_COLS - !trusts);
	pl_out_write(b.ptr, PL_OUT_LINE);
	pl_buf_release(&b);
}

/* With a trusted key, a last column: "true", "false" or "" (no rating). */
static void
print_csv(const struct pl_change *c, int trusts, const struct pl_sig *sig)
{
	struct pl_buf	 b = PL_BUF_INIT;
	char		 date[PL_DATE_LEN];
	char		*goals = joined(&c->goals), *stds = joined(&c->standards);
	const char	*cells[] = { c->commit, date, c->author, c->email,
			    c->kind, c->action, c->id, c->old_id, goals, stds,
			    c->level, c->detail, c->path, sig == NULL ? "" :
			    pl_csv_bool(sig->state == PL_SIG_GOOD) };

	pl_date_format(date, c->date);
	pl_csv_row(&b, cells, CSV_COLS - !trusts);
	pl_out_write(b.ptr, PL_OUT_LINE);
	pl_buf_release(&b);
	free(goals);
	free(stds);
}

static void
print_json(const struct pl_change *c, int first, int trusts,
    const struct pl_sig *sig)
{
	char	 date[PL_DATE_LEN];
	char	*s;
	json_t	*j = json_object();

	pl_date_format(date, c->date);
	json_object_set_new(j, "commit", json_string(c->commit));
	json_object_set_new(j, "date", json_string(date));
	json_object_set_new(j, "author", pl_json_str(c->author));
	json_object_set_new(j, "email", pl_json_str(c->email));
	json_object_set_new(j, "kind", pl_json_str(c->kind));
	json_object_set_new(j, "action", pl_json_str(c->action));
	json_object_set_new(j, "id", pl_json_str(c->id));
	json_object_set_new(j, "old_id", pl_json_str(c->old_id));
	json_object_set_new(j, "goals", pl_json_strlist(&c->goals));
	json_object_set_new(j, "standards", pl_json_strlist(&c->standards));
	json_object_set_new(j, "level", pl_json_str(c->level));
	json_object_set_new(j, "detail", pl_json_str(c->detail));
	json_object_set_new(j, "path", pl_json_str(c->path));
	if (trusts)
		json_object_set_new(j, "verified", sig_json(sig));
	s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	pl_out_printf("%s  %s", first ? "[\n" : ",\n", s != NULL ? s : "{}");
	free(s);
	json_decref(j);
}

static int
parse_filter(struct log_filter *f, struct pl_ctx *ctx,
    const struct pl_args *a)
{
	const char	*n = pl_arg(a, "max-count");
	char		*end;
	int		 err;

	f->standard = pl_arg(a, "standard");
	f->kind = pl_arg(a, "kind");
	f->author = pl_arg(a, "author");
	f->max = -1;
	if (pl_arg(a, "goal") != NULL) {
		if ((err = pl_id_check("goal", pl_arg(a, "goal"))) != PL_OK)
			return err;
		pl_strlist_push(&f->goals, pl_arg(a, "goal"));
	}
	if (n != NULL && ((f->max = strtol(n, &end, 10)) < 0 ||
	    *n == '\0' || *end != '\0'))
		return pl_error_set(PL_EINVAL, "invalid count '%s'", n);
	return pl_range_parse(&f->range, ctx, a);
}

static int
log_run(struct pl_ctx *ctx, struct pl_args *a)
{
	struct log_filter	 f = { PL_STRLIST_INIT, NULL, NULL, NULL,
				    { "", "" }, -1 };
	struct pl_history	*h = NULL;
	struct pl_verifier	*v = NULL;
	const struct pl_change	*c;
	const struct pl_sig	*sig;
	struct pl_buf		 line = PL_BUF_INIT;
	struct pl_verify_opts	 o = { pl_arg(a, "rev"),
				    pl_arg(a, "allowed-signers"),
				    pl_arg(a, "trust-from") };
	const char		*fmt = pl_arg(a, "format");
	enum log_format		 out = LOG_TEXT;
	long			 n = 0;
	int			 err, colour, trusts;

	if (fmt != NULL && strcmp(fmt, "csv") == 0)
		out = LOG_CSV;
	else if (ctx->json)
		out = LOG_JSON;
	if ((colour = pl_colour(ctx)) < 0)
		return colour;
	colour &= out == LOG_TEXT;
	if ((err = pl_pager_start(ctx)) != PL_OK ||
	    (err = parse_filter(&f, ctx, a)) != PL_OK ||
	    (err = pl_history_new(&h, ctx->pf, o.rev)) != PL_OK ||
	    (err = pl_verifier_new(&v, ctx->pf, &o)) != PL_OK)
		goto done;
	untrusted_warn(v);
	/* Without trusted keys the log is exactly what it always was. */
	trusts = pl_verifier_trusts(v);
	if (out == LOG_CSV)
		print_csv_head(trusts);
	while ((f.max < 0 || n < f.max) &&
	    (err = pl_history_next(&c, h)) == PL_OK && c != NULL) {
		if (!wanted(&f, c))
			continue;
		sig = NULL;
		if (trusts && pl_change_is_rating(c) &&
		    (err = pl_verify_commit(&sig, v, c->commit)) != PL_OK)
			break;
		if (out == LOG_TEXT)
			print_text(&line, c, colour, sig);
		else if (out == LOG_CSV)
			print_csv(c, trusts, sig);
		else
			print_json(c, n == 0, trusts, sig);
		n++;
	}
	if (err == PL_OK && out == LOG_JSON)
		pl_out_printf("%s", n == 0 ? "[]\n" : "\n]\n");
done:
	pl_buf_release(&line);
	pl_verifier_free(v);
	pl_history_free(h);
	pl_strlist_release(&f.goals);
	return err;
}

static const struct pl_opt log_opts[] = {
	{ "goal", 'g', "ID", "only the goal (under its earlier ids too) and "
	    "the evidence and reflections linked to it", "@goal" },
	{ "standard", 's', "CODE", "only changes naming the standard CODE",
	    NULL },
	{ "kind", 'k', "KIND", "only changes of this kind",
	    "portfolio profile goal evidence reflection align" },
	{ "author", 'a', "TEXT", "only changes whose author (\"Name "
	    "<email>\") contains TEXT", NULL },
	{ "since", 0, "DATE", "only changes from DATE on", NULL },
	{ "until", 0, "DATE", "only changes up to DATE", NULL },
	{ "max-count", 'n', "N", "at most N changes", NULL },
	{ "format", 0, "FMT", "output format: text (default), csv or json",
	    "text csv json" },
	PL_OPT_REV,
	PL_OPT_COLOR,
	PL_OPT_ALLOWED_SIGNERS,
	PL_OPT_TRUST_FROM,
	{ NULL, 0, NULL, NULL, NULL }
};

const struct pl_cmd pl_cmd_log = {
	.name = "log",
	.summary = "show the progress timeline",
	.usage = "log [--goal ID] [--standard CODE] [--kind KIND] "
	    "[--author TEXT] [--since DATE] [--until DATE] [-n N] "
	    "[--format FMT] [--rev REV] [--color[=WHEN]] "
	    "[--allowed-signers FILE] [--trust-from COMMIT]",
	.description = "Prints one line per change, newest first: date, "
	    "author, kind, action, id and\nwhat changed.  Changes made "
	    "with pl are read from their commit trailers;\na commit made "
	    "with plain git is described file by file from its tree.\n"
	    "Merge commits are not changes of their own.",
	.opts = log_opts,
	.min_args = 0, .max_args = 0,
	.flags = PL_CMD_PORTFOLIO | PL_CMD_AUTHOR_FILTER,
	.run = log_run,
};
