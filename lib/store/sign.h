/*
 * Internal: signing a commit as git commit does when git's configuration
 * says commit.gpgsign (lib/store/tx.c calls it before the branch moves).
 */
#ifndef PL_SIGN_H
#define PL_SIGN_H

#include <git2.h>

#include "pl/base/error.h"

/*
 * Signs the commit buffer buf as git would for repo's configuration:
 * gpg.format openpgp (gpg.program, default "gpg", with user.signingkey
 * or the committer's "Name <email>"), x509 (gpg.x509.program, default
 * "gpgsm") or ssh (gpg.ssh.program, default "ssh-keygen", with the key
 * file user.signingkey or a "key::" literal key held by ssh-agent).
 * *out is the signature without its last line break, for
 * git_commit_create_with_signature(), or NULL when commit.gpgsign is not
 * true.  PL_ERROR "cannot sign the commit: <the program's message>" when
 * the program is missing, fails or writes no signature; PL_EINVAL for a
 * gpg.format pl does not know.  The caller frees *out.
 */
int	 pl_sign_commit(char **out, git_repository *repo,
	    const git_signature *committer, const char *buf) PL_WUR;

#endif
