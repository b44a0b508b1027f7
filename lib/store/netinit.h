/*
 * libgit2's network start-up (the TLS certificates, libssh2), done only
 * by the commands that may connect (lib/store/netinit.c says why and how).
 */
#ifndef PL_STORE_NETINIT_H
#define PL_STORE_NETINIT_H

/*
 * git_libgit2_init() for pl_lib_init(): when libgit2 calls mbedTLS and
 * libssh2 as shared libraries, its start-up leaves the system's CA
 * certificates unread and libssh2 unstarted until pl_netinit_ready().
 * Returns what git_libgit2_init() returns.
 */
int	 pl_netinit_libgit2_init(void);

/*
 * Does what libgit2's start-up left, once for the process (and every
 * start-up after this does it all).  Call it before a clone, fetch or
 * push that may reach another machine; it is safe from any thread and
 * does nothing when nothing was left.
 */
void	 pl_netinit_ready(void);

#endif
