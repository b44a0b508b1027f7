/*
 * pl: the process.  Global options, the command table, dispatch to a
 * command or one of its sub-commands, and the one table that maps error
 * codes to exit statuses.  Only this file prints "pl: <error>".
 */
#define _DEFAULT_SOURCE	/* sbrk(), madvise()'s MADV_HUGEPAGE */
#include <sys/mman.h>

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cmd.h"
#include "pl/base/text.h"

/* Alphabetical; exact names only, as scripts depend on them. */
const struct pl_cmd *const pl_commands[] = {
	&pl_cmd_align,
	&pl_cmd_clone,
	&pl_cmd_evidence,
	&pl_cmd_goal,
	&pl_cmd_help,
	&pl_cmd_init,
	&pl_cmd_log,
	&pl_cmd_merge_file,
	&pl_cmd_profile,
	&pl_cmd_publish,
	&pl_cmd_reflect,
	&pl_cmd_report,
	&pl_cmd_roster,
	&pl_cmd_showcase,
	&pl_cmd_sync,
	&pl_cmd_verify,
	NULL
};

/* Exit statuses, documented in docs/pl.1 (EXIT STATUS). */
static const struct {
	int	code;
	int	status;
} exits[] = {
	{ PL_OK, 0 },
	{ PL_ENOCHANGE, 0 },
	{ PL_ERROR, 1 },
	{ PL_EUSAGE, 2 },
	{ PL_ENOTPORTFOLIO, 3 },
	{ PL_ENOTFOUND, 4 },
	{ PL_EINVAL, 5 },
	{ PL_EPARSE, 6 },
	{ PL_EUNSAFE, 7 },
	{ PL_ELOCKED, 8 },
	{ PL_ECONFLICT, 8 },
	{ PL_EDIRTY, 9 },
	{ PL_EHEAD, 10 },
	{ PL_EIDENTITY, 11 },
	{ PL_EEXISTS, 12 },
	{ PL_EINCOMPLETE, 13 },
	{ PL_EBADSIG, 14 },
};

static int
exit_status(int code)
{
	size_t	i;

	for (i = 0; i < sizeof exits / sizeof exits[0]; i++)
		if (exits[i].code == code)
			return exits[i].status;
	return 1;
}

static int
fail(int code)
{
	const char	*msg = pl_error_last();

	pl_out_error("pl: ", *msg != '\0' ? msg : "unknown error");
	return exit_status(code);
}

void
pl_usage(FILE *f)
{
	size_t	i;

	fputs("usage: pl [-C DIR] [-p | -P] [--version] [--help] COMMAND "
	    "[ARGS]\n\n"
	    "pl keeps a learner portfolio: Markdown files in a git "
	    "repository.\n\ncommands:\n", f);
	for (i = 0; pl_commands[i] != NULL; i++)
		if (!(pl_commands[i]->flags & PL_CMD_HIDDEN))
			fprintf(f, "    %-10s %s\n", pl_commands[i]->name,
			    pl_commands[i]->summary);
	fputs("\nSee 'pl help COMMAND' or 'pl COMMAND --help' for one of "
	    "them, and pl(1).\n", f);
}

/*
 * Follows sub-command names down the table: "goal add" -> goal's add.
 * path gets the names as typed: a default sub-command ("pl goal --bogus"
 * runs goal list) is not named in messages about what the person typed.
 */
static const struct pl_cmd *
descend(const struct pl_cmd *cmd, int *argc, char ***argv,
    struct pl_buf *path)
{
	const struct pl_cmd	*sub;

	while (cmd->subs != NULL) {
		if (*argc > 1 && (sub = pl_cmd_find(cmd->subs,
		    (*argv)[1])) != NULL) {
			(*argc)--;
			(*argv)++;
			pl_buf_printf(path, " %s", sub->name);
		} else if (*argc > 1 && (strcmp((*argv)[1], "--help") == 0 ||
		    strcmp((*argv)[1], "-h") == 0))
			return cmd;
		else if (cmd->default_sub != NULL) {
			sub = pl_cmd_find(cmd->subs, cmd->default_sub);
			/* "pl goal lsit" is a typo, not list's argument */
			if (*argc > 1 && (*argv)[1][0] != '-' &&
			    sub->max_args == 0)
				return cmd;
		} else
			return cmd;
		cmd = sub;
	}
	return cmd;
}

/*
 * Opens the portfolio (when cmd needs one) and runs cmd once; with hold,
 * under the write lock taken before anything is read.
 */
static int
run_once(struct pl_ctx *ctx, const struct pl_cmd *cmd, struct pl_args *args,
    int hold)
{
	int	err;

	if (cmd->check != NULL && (err = cmd->check(args)) != PL_OK)
		return err;
	if ((cmd->flags & PL_CMD_PORTFOLIO) && (cmd->portfolio_unless == NULL ||
	    !pl_arg_has(args, cmd->portfolio_unless))) {
		err = pl_portfolio_open(&ctx->pf, ctx->dir,
		    pl_arg(args, "rev"));
		if (err == PL_OK && hold)
			err = pl_portfolio_hold(ctx->pf);
		if (err != PL_OK)
			return err;
		if (pl_arg(args, "author") != NULL &&
		    !(cmd->flags & PL_CMD_AUTHOR_FILTER) &&
		    (err = pl_portfolio_set_author(ctx->pf,
		    pl_arg(args, "author"))) != PL_OK)
			return err;
	}
	if ((err = pl_out_format(ctx, args)) != PL_OK)
		return err;
	if (ctx->pager == 1 && (err = pl_pager_start(ctx)) != PL_OK)
		return err;
	err = cmd->run(ctx, args);
	if (ctx->pf != NULL)
		pl_out_warnings(pl_portfolio_notes(ctx->pf));
	return err;
}

static int
run(const struct pl_cmd *top, int argc, char **argv, const char *dir,
    const struct pl_strlist *chdirs, int pager)
{
	struct pl_buf		 path = PL_BUF_INIT;
	struct pl_args		 args = { 0 };
	struct pl_ctx		 ctx = { NULL, dir, 0, chdirs, NULL, &args,
				    pager };
	const struct pl_cmd	*cmd;
	int			 err;

	pl_buf_puts(&path, top->name);
	cmd = descend(top, &argc, &argv, &path);
	if (cmd->run == NULL) {
		if (argc > 1 && argv[1][0] != '-') {
			err = pl_error_set(PL_EUSAGE, "'%s' is not a "
			    "'pl %s' command; see 'pl %s --help'", argv[1],
			    path.ptr, path.ptr);
			goto done;
		}
		pl_cmd_usage(stdout, cmd, path.ptr);
		err = PL_OK;
		goto done;
	}
	ctx.path = path.ptr;
	err = pl_args_parse(&args, cmd, path.ptr, argc, argv);
	if (err == 1) {
		pl_cmd_usage(stdout, cmd, path.ptr);
		err = PL_OK;
		goto done;
	}
	if (err != PL_OK)
		goto done;
	/* A line break in the name would be a line of the commit header */
	if (pl_arg(&args, "author") != NULL && (err = pl_text_check_line(
	    "an author", pl_arg(&args, "author"))) != PL_OK)
		goto done;
	/*
	 * A commit made meanwhile changed what this one read: nothing was
	 * committed, so it runs again, as a person would, this time under
	 * the lock from the start, which no other pl can take from it.  Not
	 * when it asked for typing: that is not asked twice.
	 */
	err = run_once(&ctx, cmd, &args, 0);
	if (err == PL_ECONFLICT && !pl_cmd_interactive) {
		pl_portfolio_free(ctx.pf);
		ctx.pf = NULL;
		err = run_once(&ctx, cmd, &args, 1);
	}
done:
	pl_args_release(&args);
	pl_portfolio_free(ctx.pf);
	pl_buf_release(&path);
	return err;
}

/* The process, with each -C it was given kept in chdirs. */
static int
pl_main(int argc, char **argv, struct pl_strlist *chdirs)
{
	static const struct option	 longs[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "no-pager", no_argument, NULL, 'P' },
		{ "paginate", no_argument, NULL, 'p' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const struct pl_cmd		*cmd;
	const char			*dir = ".";
	int				 c, err, pager = -1;

	setlocale(LC_CTYPE, "");
	opterr = 0;
	/* "+": options end at the command; ":": ':' for a missing DIR */
	while ((c = getopt_long(argc, argv, "+:C:hpPV", longs, NULL)) != -1) {
		switch (c) {
		case 'C':
			if (chdir(optarg) == -1) {
				pl_error_set(PL_EUSAGE, "cannot change to "
				    "'%s': %s", optarg, strerror(errno));
				return fail(PL_EUSAGE);
			}
			pl_strlist_push(chdirs, optarg);
			break;
		case 'h':
			pl_usage(stdout);
			return 0;
		case 'p':
			pager = 1;
			break;
		case 'P':
			pager = 0;
			break;
		case 'V':
			printf("pl %s\n", PL_VERSION);
			return 0;
		case ':':
			pl_error_set(PL_EUSAGE, "missing folder for option "
			    "'-C'; see 'pl --help'");
			return fail(PL_EUSAGE);
		default:
			pl_error_set(PL_EUSAGE, "unknown option '%s'; see "
			    "'pl --help'", argv[optind - 1]);
			return fail(PL_EUSAGE);
		}
	}
	if (optind < argc && strcmp(argv[optind], "__complete") == 0)
		return pl_complete(argc - optind - 1, argv + optind + 1);
	if (optind >= argc) {
		pl_usage(stderr);
		return exit_status(PL_EUSAGE);
	}
	if ((cmd = pl_cmd_find(pl_commands, argv[optind])) == NULL) {
		pl_error_set(PL_EUSAGE, "'%s' is not a pl command; see "
		    "'pl --help'", argv[optind]);
		return fail(PL_EUSAGE);
	}
	err = run(cmd, argc - optind, argv + optind, dir, chdirs, pager);
	if (fflush(stdout) != 0 && err == PL_OK)
		err = pl_error_set(PL_ERROR, "cannot write output");
	if (err < 0 && err != PL_ENOCHANGE)
		return fail(err);
	if (err == PL_ENOCHANGE)
		pl_out_error("pl: ", pl_error_last());
	return exit_status(err);
}

#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
#define HEAP_RESERVE	((size_t)256 << 20)
#define HUGE_PAGE	((uintptr_t)2 << 20)

/*
 * The heap in huge pages, where the kernel gives them on request
 * (transparent_hugepage "madvise", Debian's default).  A read of many
 * entries (pl report, lists) keeps thousands of small allocations; each
 * 4 KiB page of heap they first touch was a page fault: 3,800 faults,
 * a third of pl report's CPU time at 5,000 commits, against git log's
 * 540.  So, before anything is allocated in earnest: move the break to
 * 4 KiB short of a 2 MiB boundary (the gap is never touched), have
 * malloc extend the heap by HEAP_RESERVE there (its chunk headers land in
 * that last 4 KiB page), ask for huge pages over the rest, and keep
 * malloc from giving it back (trim) or from putting blocks under 32 MiB
 * in mappings of their own (each mapped, faulted and unmapped again: a
 * cold report at 50,000 commits spent ~2 s so on libgit2's trees).
 * Only addresses touched are backed, 2 MiB at a time; nothing here can
 * fail a command: without huge pages, or without the break, the heap is
 * malloc's as before.  glibc's own glibc.malloc.hugetlb=1 tunable does
 * the like, but only from the environment.
 */
static void
heap_policy(void)
{
	uintptr_t	 cur = (uintptr_t)sbrk(0), start, end;
	void *volatile	 p;

	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, (int)(2 * HEAP_RESERVE));
	if (cur == (uintptr_t)-1)
		return;
	start = (cur + 4096 + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	if (start - cur > 4096 && sbrk((intptr_t)(start - cur - 4096)) ==
	    (void *)-1)
		return;
	mallopt(M_TOP_PAD, (int)HEAP_RESERVE);
	p = malloc(HUGE_PAGE);
	free(p);
	/* later growth as usual: a failed reserve must not fail a command */
	mallopt(M_TOP_PAD, 128 * 1024);
	end = (uintptr_t)sbrk(0) & ~(HUGE_PAGE - 1);
	if (end > start)
		(void)madvise((void *)start, end - start, MADV_HUGEPAGE);
}
#else
static void
heap_policy(void)
{
}
#endif

int
main(int argc, char **argv)
{
	struct pl_strlist	chdirs = PL_STRLIST_INIT;
	int			status;

	heap_policy();
	status = pl_main(argc, argv, &chdirs);
	pl_strlist_release(&chdirs);
	return status;
}
