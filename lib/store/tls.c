/*
 * libgit2's TLS certificates, loaded by the commands that may need them.
 *
 * libgit2 built with mbedTLS, as Debian builds 1.5.1, parses the system's
 * CA certificates (about 140 of them, /etc/ssl/certs/ca-certificates.crt)
 * in git_libgit2_init(): some 8 ms of CPU, half of a `pl goal list`, for
 * every command, although only a clone, fetch or push of a URL opens a
 * TLS connection.  libgit2 has no option to leave them out, so pl defines
 * the two mbedTLS functions its start-up calls to parse them: called from
 * pl's own git_libgit2_init() (pl_tls_libgit2_init()), they write down
 * what they were asked to read and parse nothing (libgit2 then holds an
 * empty list of authorities); any other call goes to mbedTLS's own,
 * found with dlsym(RTLD_NEXT).  pl_tls_ready() has libgit2 read them then,
 * through its own GIT_OPT_SET_SSL_CERT_LOCATIONS, before the first
 * connection: lib/sync/ calls it for every URL not on this machine, and
 * mbedtls_ssl_setup(), which libgit2 calls as it makes each TLS stream,
 * calls it too, so that no connection can start without them.
 *
 * Another build keeps working as before: with OpenSSL, or mbedTLS linked
 * into libgit2, nothing here is called and libgit2 loads its certificates
 * its own way; with another mbedTLS user in the process, calls outside
 * pl's start-up go straight to mbedTLS.  The functions are exported
 * because libgit2.so refers to them (the link puts the executable's
 * definitions first); a program of lib/ that calls git_libgit2_init()
 * itself loads them at once, as before.
 */
#define _GNU_SOURCE	/* RTLD_NEXT */
#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "pl/base/util.h"
#include "store/tls.h"

/* mbedTLS's, declared here: pl needs neither its headers nor its types. */
int	mbedtls_x509_crt_parse_file(void *chain, const char *path);
int	mbedtls_x509_crt_parse_path(void *chain, const char *path);
int	mbedtls_ssl_setup(void *ssl, const void *conf);

/* MBEDTLS_ERR_X509_FILE_IO_ERROR, MBEDTLS_ERR_SSL_BAD_INPUT_DATA */
#define TLS_EFILE	(-0x2900)
#define TLS_EINPUT	(-0x7100)

/* Set while this thread runs pl's git_libgit2_init(). */
static _Thread_local int	 starting;
/* Once a command wants TLS, libgit2's start-ups load at once. */
static atomic_int		 wanted;
/*
 * What the last start-up left unread: written there, under libgit2's
 * own lock on its start-up, and read by pl_tls_ready() after it.
 */
static struct {
	int	 pending;
	char	*file, *dir;
} left;
static pthread_mutex_t		 ready_lock = PTHREAD_MUTEX_INITIALIZER;

/* dlsym's void * as a function pointer, as POSIX allows. */
static void *
next(const char *name)
{
	return dlsym(RTLD_NEXT, name);
}

/* Writes down a start-up's file or folder of certificates, unread. */
static int
defer(char **slot, const char *path)
{
	free(left.file);
	free(left.dir);
	left.file = left.dir = NULL;
	*slot = pl_xstrdup(path);
	left.pending = 1;
	return 0;
}

/*
 * mbedTLS's parse of a file or folder of certificates: written down in
 * slot, unread, during pl's start-up (name is mbedTLS's function).
 */
static int
parse(const char *name, char **slot, void *chain, const char *path)
{
	int	(*real)(void *, const char *);

	if (starting && !atomic_load(&wanted) && path != NULL)
		return defer(slot, path);
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

	pl_tls_ready();
	*(void **)&real = next("mbedtls_ssl_setup");
	return real != NULL ? real(ssl, conf) : TLS_EINPUT;
}

int
pl_tls_libgit2_init(void)
{
	int	rc;

	starting = 1;
	rc = git_libgit2_init();
	starting = 0;
	return rc;
}

void
pl_tls_ready(void)
{
	int	n;

	pthread_mutex_lock(&ready_lock);
	atomic_store(&wanted, 1);
	/*
	 * A reference of its own: libgit2 is up while the certificates
	 * load, and a start-up under way on another thread has finished.
	 * When it was down (1), this start-up has loaded them itself.
	 */
	if ((n = git_libgit2_init()) > 1 && left.pending &&
	    git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, left.file,
	    left.dir) < 0)
		git_error_clear();	/* as at start-up: no error */
	left.pending = 0;
	if (n > 0)
		git_libgit2_shutdown();
	pthread_mutex_unlock(&ready_lock);
}
