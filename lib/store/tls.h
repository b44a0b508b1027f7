/*
 * libgit2's TLS certificates, read only by the commands that may open a
 * connection (lib/store/tls.c says why and how).
 */
#ifndef PL_STORE_TLS_H
#define PL_STORE_TLS_H

/*
 * git_libgit2_init() for pl_lib_init(): when libgit2 uses mbedTLS, its
 * start-up leaves the system's CA certificates unread until
 * pl_tls_ready().  Returns what git_libgit2_init() returns.
 */
int	 pl_tls_libgit2_init(void);

/*
 * Has libgit2 read the certificates its start-up left, once for the
 * process (and every start-up after this reads them at once).  Call it
 * before a clone, fetch or push that may reach another machine; it is
 * safe from any thread and does nothing when nothing was left.
 */
void	 pl_tls_ready(void);

#endif
