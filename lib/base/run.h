/*
 * Internal: runs a program that is not a shell, as git runs gpg and
 * ssh-keygen to sign and verify: argv[0] found on PATH, data on its
 * standard input, its standard output and error collected.
 */
#ifndef PL_RUN_H
#define PL_RUN_H

#include <stddef.h>

#include "pl/base/error.h"
#include "pl/base/util.h"

struct pl_run {
	struct pl_buf	 out;		/* its standard output */
	struct pl_buf	 err;		/* its standard error */
	int		 status;	/* its exit status; -1 when killed */
};

/*
 * Runs argv (NULL-terminated) with the len bytes of in on its standard
 * input and fills r, which the caller releases with pl_run_release()
 * whatever is returned.  PL_ERROR "cannot run '<program>': <why>" when
 * it cannot be started (not found); a program that fails is not an
 * error here: see r->status.
 */
int	 pl_run(struct pl_run *r, const char *const argv[], const char *in,
	    size_t len) PL_WUR;

void	 pl_run_release(struct pl_run *);

/*
 * The program's message for a person: its standard error without gpg's
 * "[GNUPG:]" status lines, on one line ("; " between lines), or
 * "<program> failed" when it said nothing.  The caller frees.
 */
char	*pl_run_message(const struct pl_run *, const char *program);

#endif
