/*
 * The command table.  Each cmd/<name>.c exports one struct pl_cmd whose
 * option table drives getopt_long, the --help text and the completion
 * helper alike, so the three never disagree.
 */
#ifndef PL_CMD_H
#define PL_CMD_H

#include <stdio.h>

#include "pl/base/date.h"
#include "pl/base/error.h"
#include "pl/store/portfolio.h"
#include "pl/base/util.h"

struct pl_opt {
	const char	*name;		/* long name: "term" */
	int		 short_name;	/* 't', or 0 */
	const char	*arg;		/* "TERM", or NULL for a flag */
	const char	*help;
	const char	*values;	/* completion words, space-separated */
};

/* Options every read command takes, and every write command. */
#define PL_OPT_FORMAT { "format", 0, "FMT", \
	"output format: text (default) or json", "text json" }
#define PL_OPT_REV { "rev", 0, "REV", \
	"read the portfolio as committed at REV (default HEAD)", "@rev" }
/* "--color" alone is "always"; read with pl_colour(). */
#define PL_OPT_COLOR { "color", 0, "[=WHEN]", \
	"colour: always, never or auto (the default)", NULL }
/* Where pl verify and pl log take the keys they trust from. */
#define PL_OPT_ALLOWED_SIGNERS { "allowed-signers", 0, "FILE", \
	"trust FILE's keys, not .pl/allowed_signers", "@file" }
#define PL_OPT_TRUST_FROM { "trust-from", 0, "COMMIT", \
	"trust the list at COMMIT and its signed changes", "@rev" }
#define PL_OPT_AUTHOR { "author", 0, "'NAME <EMAIL>'", \
	"override the commit author", NULL }

/* The options of every show command, and of every plain write command. */
extern const struct pl_opt pl_opts_show[];
extern const struct pl_opt pl_opts_write[];
/* The options of every rm command: --force, --author. */
extern const struct pl_opt pl_opts_rm[];

/* Parsed options of one invocation: every value given, in order. */
struct pl_args {
	const struct pl_opt	*opts;
	struct pl_strlist	*vals;		/* one list per option */
	int			 argc;		/* positional arguments */
	char			**argv;
};

/* The last value of option name, or NULL when not given. */
const char *pl_arg(const struct pl_args *, const char *name);
/* All values of option name (empty when not given). */
const struct pl_strlist *pl_arg_all(const struct pl_args *, const char *name);
/* 1 when flag or option name was given. */
int	 pl_arg_has(const struct pl_args *, const char *name);

enum {
	PL_CMD_PORTFOLIO = 1 << 0,	/* the dispatcher opens it first */
	PL_CMD_AUTHOR_FILTER = 1 << 1,	/* its --author selects commits;
					   it does not set theirs */
	PL_CMD_HIDDEN = 1 << 2		/* plumbing: not listed by pl help
					   nor completed as a command */
};

struct pl_ctx {
	struct pl_portfolio	*pf;	/* when PL_CMD_PORTFOLIO */
	const char		*dir;	/* where pl runs ("." or -C's) */
	int			 json;	/* --format json */
	const struct pl_strlist	*chdirs; /* each -C given, in order */
	const char		*path;	/* the command: "goal edit" */
	const struct pl_args	*args;	/* its options and arguments */
	int			 pager;	/* -p: 1, -P: 0, else -1: the
					   command's choice */
};

struct pl_cmd {
	const char		*name;
	const char		*summary;	/* one line, for pl help */
	const char		*usage;		/* after "usage: pl " */
	const char		*description;	/* a paragraph for --help */
	const struct pl_opt	*opts;		/* { NULL } terminated */
	const struct pl_cmd	*const *subs;	/* NULL terminated */
	const char		*default_sub;	/* used when none is named */
	const char		*arg_words;	/* completion of positional
						   arguments: words per
						   position, '|' between
						   positions, the last
						   repeated when max_args
						   is -1; "@goal" ids,
						   "@long-goal", "@step"
						   (of the first argument's
						   goal), "@rev" */
	int			 min_args;
	int			 max_args;	/* -1: any */
	int			 flags;
	const char		*portfolio_unless; /* an option that makes
						   PL_CMD_PORTFOLIO's
						   portfolio needless */
	int			(*check)(const struct pl_args *); /* options
						   that go together, before
						   anything is opened */
	int			(*run)(struct pl_ctx *, struct pl_args *);
};

extern const struct pl_cmd pl_cmd_align;
extern const struct pl_cmd pl_cmd_clone;
extern const struct pl_cmd pl_cmd_evidence;
extern const struct pl_cmd pl_cmd_goal;
extern const struct pl_cmd pl_cmd_help;
extern const struct pl_cmd pl_cmd_init;
extern const struct pl_cmd pl_cmd_log;
extern const struct pl_cmd pl_cmd_merge_file;
extern const struct pl_cmd pl_cmd_profile;
extern const struct pl_cmd pl_cmd_publish;
extern const struct pl_cmd pl_cmd_reflect;
extern const struct pl_cmd pl_cmd_report;
extern const struct pl_cmd pl_cmd_roster;
extern const struct pl_cmd pl_cmd_showcase;
extern const struct pl_cmd pl_cmd_sync;
extern const struct pl_cmd pl_cmd_verify;

/*
 * Where a roster's git URLs are cloned: --clones, else $PL_CLONES, else
 * $XDG_CACHE_HOME/pl/clones (~/.cache/pl/clones).  The caller frees.
 */
char	*pl_clones_dir(const struct pl_args *);

/*
 * The command that clones a roster's URLs ("pl roster sync class.csv"),
 * with the -C folders, --clones and the roster as given to this one
 * (a's "roster" and "clones"), quoted for the shell.  The caller frees.
 */
char	*pl_roster_sync_command(const struct pl_ctx *, const struct pl_args *);

/* --jobs N (1 to 256) in *out, 0 when not given; PL_EUSAGE else. */
int	 pl_jobs(unsigned *out, const struct pl_args *) PL_WUR;

/* The table of top-level commands, NULL terminated (cmd/main.c). */
extern const struct pl_cmd *const pl_commands[];

/*
 * The completion helper behind completions/: argv are the words after
 * "pl", the last one being completed.  Prints one candidate per line;
 * "@file" asks the shell for file names.
 */
int	 pl_complete(int argc, char **argv);

/* Prints pl's usage and the list of commands to f. */
void	 pl_usage(FILE *f);

/* The command named name among cmds, or NULL. */
const struct pl_cmd *pl_cmd_find(const struct pl_cmd *const *cmds,
	    const char *name);

/* Prints cmd's help (usage, description, options, sub-commands) to f. */
void	 pl_cmd_usage(FILE *f, const struct pl_cmd *cmd, const char *path);

/*
 * Parses argv (argv[0] is the command's name) with cmd's options into
 * args; path ("goal add") names the command in messages.  PL_EUSAGE for
 * an unknown option, a missing argument or the wrong number of
 * positional arguments; 1 when --help was asked for.  Release with
 * pl_args_release().
 */
int	 pl_args_parse(struct pl_args *, const struct pl_cmd *,
	    const char *path, int argc, char **argv);
void	 pl_args_release(struct pl_args *);

/*
 * Output helpers shared by the commands (cmd/common.c).
 */

/* Sets ctx->json from --format; PL_EUSAGE for an unknown format. */
int	 pl_out_format(struct pl_ctx *, const struct pl_args *);

/* PL_EUSAGE for a --format its option's completion words do not name. */
int	 pl_format_check(const struct pl_args *);

/*
 * Text from portfolio files is printed through these, never printf(3):
 * on a terminal, control characters are escaped as less(1) shows them
 * ("^[", "^?", "<U+009B>"), except newlines, and tabs in a body.  Piped
 * output is written as it is; JSON has its own escapes.
 */
enum pl_out {
	PL_OUT_LINE,		/* rows and fields: newlines kept */
	PL_OUT_BODY,		/* Markdown: newlines, tabs, CRLF kept */
	PL_OUT_MESSAGE		/* a stderr message: one line, always */
};

/* Writes s to standard output. */
void	 pl_out_write(const char *s, enum pl_out);
/* printf(3) to standard output, as PL_OUT_LINE. */
void	 pl_out_printf(const char *fmt, ...) PL_PRINTF(1, 2);
/* prefix, then msg escaped even off a terminal, on one stderr line. */
void	 pl_out_error(const char *prefix, const char *msg);

/*
 * The pager and colour (cmd/common.c), as git has them.
 */

/*
 * A command whose output may be long calls this before it prints: when
 * standard output is a terminal (and not -P), its standard output, and
 * its standard error when that is a terminal too, go to the pager until
 * pl exits, which waits for the person to quit it; pl's exit status is
 * kept.  The pager is $PL_PAGER, git's core.pager, $PAGER or less ("" or
 * "cat": none), run with sh -c, with LESS=FRX and LV=-c unless they are
 * set.  Quitting it early ends pl quietly, by SIGPIPE.  Calling it again
 * does nothing.  PL_ERROR when it cannot be started.
 */
int	 pl_pager_start(struct pl_ctx *);

/* 1 when standard output was a terminal before any pager took it. */
int	 pl_out_is_terminal(void);

/*
 * 1 to colour the output, 0 not to: --color (PL_OPT_COLOR) when given,
 * else 1 when standard output was a terminal, NO_COLOR is unset or
 * empty and TERM is set and not "dumb".  PL_EUSAGE for an unknown
 * --color value.  Never for csv or json: the caller does not ask.
 */
int	 pl_colour(const struct pl_ctx *);

/* SGR parameters for pl_out_paint(). */
#define PL_SGR_BOLD	"1"
#define PL_SGR_RED	"31"
#define PL_SGR_GREEN	"32"
#define PL_SGR_YELLOW	"33"
#define PL_SGR_BLUE	"34"
#define PL_SGR_MAGENTA	"35"
#define PL_SGR_CYAN	"36"

/*
 * Writes s as pl_out_write() does (PL_OUT_LINE), in the SGR colour sgr
 * when colour is 1 and sgr is not NULL, then spaces up to width bytes
 * of s (0: none), as printf's "%-*s" would: colour never moves a column.
 */
void	 pl_out_paint(const char *s, const char *sgr, int colour,
	    size_t width);

/* Prints "pl: warning: <w>" on stderr for each warning. */
void	 pl_out_warnings(const struct pl_strlist *);

/*
 * Set once the command has asked the person for something (the editor,
 * standard input): it is then not run again on a conflict.
 */
extern int	 pl_cmd_interactive;

/*
 * Opens the editor ($VISUAL, $EDITOR, else vi) on path and waits.
 * PL_ERROR when it cannot be started or fails (path is left as it is).
 */
int	 pl_edit_file(const char *path);

/*
 * "pl goal edit ID" and its kin: opens the committed entry in the editor
 * and commits what the person changed.  An edit kept from an attempt
 * that failed is offered first: on a terminal pl asks whether to resume
 * it or discard it; elsewhere it is resumed, and pl says so.  When this
 * attempt fails, the message names the kept edit and the command that
 * resumes it.
 */
#include "pl/entries/entry.h"
int	 pl_edit_entry(struct pl_ctx *, enum pl_kind, const char *id);

/*
 * err, its message saying that the person's edit is kept in file and
 * the command that resumes it (pl [-C DIR]... the same command).
 */
int	 pl_edit_kept(int err, const struct pl_ctx *, const char *file);

/*
 * "pl goal rm [--force] ID" and "pl goal mv OLD NEW", and their kin for
 * evidence and reflections: one commit each (see pl/entries/life.h).
 */
int	 pl_rm_entry(struct pl_ctx *, enum pl_kind, struct pl_args *);
int	 pl_mv_entry(struct pl_ctx *, enum pl_kind, struct pl_args *);

/*
 * The text for a new entry's body: -m's TEXT (each -m a paragraph, as
 * git commit joins them), -F's file ("-" for standard input), or what
 * the person writes in the editor on a scratch file that starts as
 * template.  The editor is the last step: the caller checks its own
 * arguments first, and this checks that a commit could be made.  *out
 * is the caller's to free.  *scratch, when set, is the scratch file's
 * path, for pl_body_done().
 */
int	 pl_body_text(char **out, char **scratch, struct pl_ctx *,
	    const struct pl_args *, const char *what, const char *template);

/* Drops template's hint line (after its newlines) if text still has it. */
void	 pl_body_strip_hint(char *text, const char *template);

/*
 * After a command that took a body: on success, removes the text typed
 * in the editor (scratch) or a kept text that -F named, once committed;
 * on failure, when scratch is still there, adds to err's message that
 * the person's what ("reflection") is kept and the command that resumes
 * it: "pl [-C DIR]... path [options] -F FILE [arguments]".  Returns err.
 */
int	 pl_body_done(int err, const struct pl_ctx *, const char *what,
	    const char *scratch);



struct pl_entry;

/* Prints "LABEL      item" lines for the list under key (show commands). */
void	 pl_show_list(const struct pl_entry *, const char *key,
	    const char *label);
/* Prints "LABEL      value" when value is not NULL. */
void	 pl_show_field(const char *label, const char *value);
/* Prints a blank line and the body, ending in a newline. */
void	 pl_show_body(const char *body);

/*
 * The --since and --until dates, as YYYY-MM-DD ("" when not given), so
 * "today" and "yesterday" compare as the dates they stand for.
 */
struct pl_range {
	char	since[PL_DATE_LEN];
	char	until[PL_DATE_LEN];
};

/* Reads --since and --until; PL_EINVAL for a bad date. */
int	 pl_range_parse(struct pl_range *, struct pl_ctx *,
	    const struct pl_args *);
/* 1 when date (YYYY-MM-DD, or NULL: none) is within r. */
int	 pl_range_has(const struct pl_range *, const char *date);

/* JSON output (pl_json_str() and the like), shared by list and show. */
#include "pl/base/json.h"

/* Prints j indented, with a final newline, and drops the reference. */
void	 pl_json_print(json_t *j);

/*
 * JSON written to standard output as it is made (pl_jw in b), the bytes
 * pl_json_print() would print: a long list's memory stays flat.  Call
 * pl_buf_drain(b) between items; pl_json_stream_end() writes the rest
 * and releases b.
 */
void	 pl_json_stream_begin(struct pl_jw *w, struct pl_buf *b);
void	 pl_json_stream_end(struct pl_jw *w);
#endif
