/* The error buffer: a message built on the one already set. */
#include <stdarg.h>
#include <string.h>

#include "pl/base/error.h"
#include "tap.h"
#include "store/git.h"

/* As lib/progress/align.c's bad_rating(): the place before the message. */
static void
test_prefix(void)
{
	int	code;

	pl_error_set(PL_EINVAL, "invalid level '%s' (use 1-4)", "5");
	code = pl_error_set(PL_EPARSE, "%s:%d: rating %zu: %s",
	    "evidence/quiz.md", 9, (size_t)1, pl_error_last());
	is_str(pl_error_last(), "evidence/quiz.md:9: rating 1: invalid level "
	    "'5' (use 1-4)", "a prefix before the last message");
	is_int(code, PL_EPARSE, "the new code is returned");
	is_int(pl_error_code(), PL_EPARSE, "and kept");
}

static void
test_twice_and_tail(void)
{
	pl_error_set(PL_ERROR, "abc");
	pl_error_set(PL_ERROR, "%s-%s", pl_error_last(), pl_error_last());
	is_str(pl_error_last(), "abc-abc", "the last message given twice");
	pl_error_set(PL_ERROR, "file.md: bad");
	pl_error_set(PL_ERROR, "[%s]", pl_error_last() + 9);
	is_str(pl_error_last(), "[bad]", "a pointer into the message");
}

/* A prefix before a message that fills the buffer: cut at its end. */
static void
test_full(void)
{
	char	long_msg[2000];
	size_t	n;

	memset(long_msg, 'x', sizeof long_msg - 1);
	long_msg[sizeof long_msg - 1] = '\0';
	pl_error_set(PL_ERROR, "%s", long_msg);
	n = strlen(pl_error_last());
	ok(n > 0 && n < sizeof long_msg - 1, "a long message is cut (%zu)",
	    n);
	pl_error_set(PL_ERROR, "p: %s", pl_error_last());
	is_int(strlen(pl_error_last()), n, "prefixed, cut at the same length");
	ok(strncmp(pl_error_last(), "p: xxx", 6) == 0 &&
	    strspn(pl_error_last() + 3, "x") == n - 3, "prefix, then the x's");
}

static void
test_clear(void)
{
	pl_error_set(PL_ENOTFOUND, "gone");
	pl_error_clear();
	is_str(pl_error_last(), "", "cleared: no message");
	is_int(pl_error_code(), PL_OK, "cleared: no code");
}

/* libgit2's own, declared here: tests see pl's headers only. */
int	git_libgit2_init(void);
int	git_libgit2_shutdown(void);

/*
 * libgit2's codes as pl's (GIT_ELOCKED -14, GIT_ENOTFOUND -3, any other);
 * with no libgit2 message, "unknown error" (libgit2 1.8 and later say
 * "no error" themselves).
 */
static void
test_git(void)
{
	const char	*m;

	git_libgit2_init();
	is_int(pl_error_git(-14, "cannot lock"), PL_ELOCKED, "locked");
	m = pl_error_last();
	ok(strcmp(m, "cannot lock: unknown error") == 0 ||
	    strcmp(m, "cannot lock: no error") == 0,
	    "what, then that libgit2 said nothing (%s)", m);
	git_libgit2_shutdown();
	is_int(pl_error_git(-3, "no such"), PL_ENOTFOUND, "not found");
	is_int(pl_error_git(-1, "failed"), PL_ERROR, "anything else");
}

int
main(void)
{
	test_prefix();
	test_twice_and_tail();
	test_full();
	test_clear();
	test_git();
	return done_testing();
}
