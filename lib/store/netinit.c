/*
 * libgit2's network start-up, done by the commands that may connect.
 *
 * git_libgit2_init() readies every transport, as Debian builds libgit2
 * 1.5.1: its mbedTLS back end parses the system's CA certificates (about
 * 140, /etc/ssl/certs/ca-certificates.crt: 54 M instructions, some 8 ms,
 * half of a `pl goal list`), and libssh2_init() starts OpenSSL (1 M).
 * Only a clone, fetch or push of a URL needs them.  libgit2 has no option
 * to leave them out, so pl defines the functions of mbedTLS and libssh2
 * that this start-up calls: called from pl's own git_libgit2_init()
 * (pl_netinit_libgit2_init()), they write down what they were asked and
 * do nothing (libgit2 then holds an empty list of authorities); any other
 * call goes to the library's own, found with dlsym(RTLD_NEXT).
 * pl_netinit_ready() does the work, once, before the first connection:
 * the certificates through libgit2's own GIT_OPT_SET_SSL_CERT_LOCATIONS,
 * libssh2 with libssh2_init().  lib/sync/ calls it for every URL not on
 * this machine; mbedtls_ssl_setup(), which libgit2 calls as it makes each
 * TLS stream, calls it too, so that no TLS connection starts without the
 * certificates; libssh2 starts itself with its first session anyway.
 *
 * Another build works as before: with OpenSSL, or mbedTLS and libssh2
 * linked into libgit2, nothing here is called and libgit2 starts them its
 * own way; calls from anywhere but pl's start-up go straight through.
 * The functions are exported because libgit2.so refers to them, and the
 * executable's definitions come first.  A program that calls
 * git_libgit2_init() itself (the unit tests) starts everything at once.
 */
#define _GNU_SOURCE	/* RTLD_NEXT */
#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "pl/base/util.h"
#include "store/netinit.h"

/* The libraries' own, declared here: pl needs neither headers nor types. */
int	mbedtls_x509_crt_parse_file(void *chain, const char *path);
int	mbedtls_x509_crt_parse_path(void *chain, const char *path);
int	mbedtls_ssl_setup(void *ssl, const void *conf);
int	libssh2_init(int flags);

/* MBEDTLS_ERR_X509_FILE_IO_ERROR, MBEDTLS_ERR_SSL_BAD_INPUT_DATA */
#define TLS_EFILE	(-0x2900)
#define TLS_EINPUT	(-0x7100)

/* Set while this thread runs pl's git_libgit2_init(). */
static _Thread_local int	 starting;
/* Once a command wants the network, libgit2's start-ups do it all. */
static atomic_int		 wanted;
/*
 * What the last start-up left undone: written there, under libgit2's
 * own lock on its start-up, and read by pl_netinit_ready() after it.
 */
static struct {
	int	 certs, ssh;	/* certificates unread, libssh2 unstarted */
	char	*file, *dir;
	int	 ssh_flags;
} left;
static pthread_mutex_t		 ready_lock = PTHREAD_MUTEX_INITIALIZER;

/* Whether this call comes from pl's start-up, to be left for later. */
static int
deferred(void)
{
	return starting && !atomic_load(&wanted);
}

/* dlsym's void * as a function pointer, as POSIX allows. */
static void *
next(const char *name)
{
	return dlsym(RTLD_NEXT, name);
}

/*
 * mbedTLS's parse of a file or folder of certificates: written down in
 * slot, unread, during pl's start-up (name is mbedTLS's function).
 */
static int
parse(const char *name, char **slot, void *chain, const char *path)
{
	int	(*real)(void *, const char *);

	if (deferred() && path != NULL) {
		free(left.file);
		free(left.dir);
		left.file = left.dir = NULL;
		*slot = pl_xstrdup(path);
		left.certs = 1;
		return 0;
	}
	*(void **)&real = next(name);
	return real != NULL ? real(chain, path) : TLS_EFILE;
}

int
mbedtls_x509_crt_parse_file(void *chain, const char *path)
{
	return parse("mbedtls_x509_crt_parse_file", &left.file, chain, path);
}

int
mbedtls_x509_crt_parse_path(void *chain, const char *path)
{
	return parse("mbedtls_x509_crt_parse_path", &left.dir, chain, path);
}

int
mbedtls_ssl_setup(void *ssl, const void *conf)
{
	int	(*real)(void *, const void *);

	pl_netinit_ready();
	*(void **)&real = next("mbedtls_ssl_setup");
	return real != NULL ? real(ssl, conf) : TLS_EINPUT;
}

/*
 * libgit2 calls libssh2_exit() as it shuts down whether or not libssh2
 * started; libssh2 counts its starts and ignores an exit of none.
 */
int
libssh2_init(int flags)
{
	int	(*real)(int);

	if (deferred()) {
		left.ssh = 1;
		left.ssh_flags = flags;
		return 0;
	}
	*(void **)&real = next("libssh2_init");
	return real != NULL ? real(flags) : -1;
}

int
pl_netinit_libgit2_init(void)
{
	int	rc;

	starting = 1;
	rc = git_libgit2_init();
	starting = 0;
	return rc;
}

void
pl_netinit_ready(void)
{
	int	n;

	pthread_mutex_lock(&ready_lock);
	atomic_store(&wanted, 1);
	/*
	 * A reference of its own: libgit2 is up while this runs, and a
	 * start-up under way on another thread has finished.  When it was
	 * down (n is 1), this start-up has done everything itself.
	 */
	if ((n = git_libgit2_init()) > 1) {
		/* as at start-up, unreadable certificates are no error */
		if (left.certs && git_libgit2_opts(
		    GIT_OPT_SET_SSL_CERT_LOCATIONS, left.file, left.dir) < 0)
			git_error_clear();
		if (left.ssh)
			(void)libssh2_init(left.ssh_flags);
	}
	left.certs = left.ssh = 0;
	if (n > 0)
		git_libgit2_shutdown();
	pthread_mutex_unlock(&ready_lock);
}
