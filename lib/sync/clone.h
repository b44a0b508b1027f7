/*
 * What clone.c shares with the rest of sync/: remote URLs as shown and
 * decoded, the credentials callback, and the hold on what a clone or a
 * sync leaves while it works.
 */
#ifndef PL_SYNC_CLONE_PRIVATE_H
#define PL_SYNC_CLONE_PRIVATE_H

#include <git2.h>

#include "pl/base/util.h"

/*
 * What the credentials callback of a clone or a fetch has tried, so that
 * it never offers the same thing twice: ssh-agent, then the URL's
 * user:password.  url is the remote's URL as the person gave it.
 */
struct pl_cred {
	const char	*url;
	int		 agent;		/* ssh-agent asked */
	int		 userpass;	/* the URL's user:password given */
	int		 failed;	/* nothing more to try: GIT_EAUTH */
};

/*
 * The URL for messages, its password left out: "https://ana:secret@h/"
 * as "https://ana@h/".  The caller frees.
 */
char	*pl_url_shown(const char *url);

/* The n bytes of a URL's part at s, %XX decoded.  The caller frees. */
char	*pl_url_decode(const char *s, size_t n);

/*
 * The folder a remote's URL names when libgit2 takes it as a repository
 * on this machine (a file:// URL, or a path to a folder with no ':'), or
 * NULL.  The caller frees.
 */
char	*pl_url_local_path(const char *url);

/*
 * Sets cb's credentials callback (lib/sync/clone.c), c its state; unless
 * c->url is a folder here, libgit2's network start-up is done first.
 */
void	 pl_remote_callbacks(git_remote_callbacks *cb, struct pl_cred *c);

/*
 * What a clone or a sync leaves while it works (lib/sync/clone.c): a folder
 * or file named with a tag (pl_tmp_tag(), or an older pl's pid), locked
 * with flock(2) (pl_leftover_hold()) for as long as it works; the next
 * pl removes it when pl_tmp_gone() says its maker is gone, the rule for
 * every temporary file of pl's.
 */

/* Opens path and holds flock(2) on it; -1 when it cannot (no hold). */
int	 pl_leftover_hold(const char *path);

#endif
