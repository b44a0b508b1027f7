/*
 * A copy of a portfolio that lives elsewhere (a git server, a folder, a
 * USB stick), as git clone makes it, checked to be a portfolio and set
 * up to merge portfolio files as pl does (pl/store/driver.h).
 */
#ifndef PL_CLONE_H
#define PL_CLONE_H

#include "pl/base/error.h"

/*
 * Clones url (a path, file://, git://, http(s)://, ssh:// or
 * user@host:path, as libgit2 reaches them) into dir, or, when dir is
 * NULL, into the folder git would choose: url's last component without
 * ".git" (PL_EUSAGE when there is none).  Credentials: from ssh-agent,
 * and user:password given in the URL; PL_ERROR "authentication failed
 * for 'URL'" when the server refuses them.  PL_EEXISTS when dir exists
 * and is not an empty folder.  The clone is made in "<dir>.pl-tmp-<pid>"
 * beside dir, checked, its merge driver registered in its config, and
 * only then renamed to dir (onto the empty folder that was there, if one
 * was), so that a pl killed while cloning never leaves dir half made;
 * the next clone into dir removes the "<dir>.pl-tmp-<pid>" of a pl that
 * is gone.  A clone whose HEAD has no .plconfig is removed again
 * (PL_ENOTPORTFOLIO), as is everything made when the clone fails.
 * *out_dir gets the folder cloned into (the caller frees).
 */
int	 pl_clone(char **out_dir, const char *url, const char *dir) PL_WUR;

/*
 * The folder git would clone url into: its last path component, without
 * a trailing "/" or ".git" ("https://h/x/ana.git" -> "ana",
 * "host:ana" -> "ana").  NULL when there is none.  The caller frees.
 */
char	*pl_clone_dir(const char *url);

#endif
