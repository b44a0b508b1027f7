/*
 * What the repository unit tests share: a private HOME and identity, a
 * fresh portfolio in a temporary folder, and the git command line to
 * check what the library wrote.  Included by one test file each.
 */
#ifndef PL_TESTREPO_H
#define PL_TESTREPO_H

#include <sys/stat.h>
#include <sys/wait.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pl/entries/profile.h"
#include "pl/store/portfolio.h"
#include "pl/store/tx.h"
#include "pl/base/util.h"

static char	*home;

static __attribute__((unused)) char *
vfmt(const char *fmt, va_list ap)
{
	struct pl_buf	b = PL_BUF_INIT;

	pl_buf_vprintf(&b, fmt, ap);
	return pl_buf_detach(&b);
}

/* Runs a shell command; its exit status. */
static int __attribute__((unused)) PL_PRINTF(1, 2)
run(const char *fmt, ...)
{
	va_list	 ap;
	char	*cmd;
	int	 rc;

	va_start(ap, fmt);
	cmd = vfmt(fmt, ap);
	va_end(ap);
	rc = system(cmd);
	free(cmd);
	return rc == -1 ? -1 : WEXITSTATUS(rc);
}

/*
 * A shell command's output, trailing newlines removed.  When the command
 * fails, a last line says so, so that a check of its output cannot pass
 * on the empty output of a command that did not run.  Caller frees.
 */
static __attribute__((unused)) char *PL_PRINTF(1, 2)
out(const char *fmt, ...)
{
	struct pl_buf	 b = PL_BUF_INIT;
	va_list		 ap;
	char		*cmd, chunk[4096];
	size_t		 n;
	FILE		*f;
	int		 rc = -1;

	va_start(ap, fmt);
	cmd = vfmt(fmt, ap);
	va_end(ap);
	if ((f = popen(cmd, "r")) != NULL) {
		while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
			pl_buf_put(&b, chunk, n);
		rc = pclose(f);
	}
	while (b.len > 0 && b.ptr[b.len - 1] == '\n')
		b.ptr[--b.len] = '\0';
	if (rc != 0)
		pl_buf_printf(&b, "\n[exit status %d of: %s]",
		    rc == -1 || !WIFEXITED(rc) ? -1 : WEXITSTATUS(rc), cmd);
	free(cmd);
	return pl_buf_detach(&b);
}

/* One check: the shell command's output (as out() gives it) is want. */
#define is_out(want, what, ...) do { \
	char	*is_out_got = out(__VA_ARGS__); \
	is_str(is_out_got, (want), "%s", (what)); \
	free(is_out_got); \
} while (0)

/* Writes len bytes of data to path, or the test program stops. */
static __attribute__((unused)) void
write_bytes(const char *path, const char *data, size_t len)
{
	FILE	*f = fopen(path, "wb");

	if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		perror(path);
		exit(2);
	}
}

static __attribute__((unused)) void
write_text(const char *path, const char *text)
{
	write_bytes(path, text, strlen(text));
}

/* A new folder in $TMPDIR (else /tmp), as the cli tests make theirs. */
static __attribute__((unused)) char *
tmpdir(void)
{
	const char	*t = getenv("TMPDIR");
	struct pl_buf	 b = PL_BUF_INIT;
	char		*d;

	pl_buf_printf(&b, "%s/pl-test-XXXXXX", t != NULL && *t == '/' ? t :
	    "/tmp");
	d = pl_buf_detach(&b);
	if (mkdtemp(d) == NULL) {
		perror("mkdtemp");
		exit(2);
	}
	return d;
}

static __attribute__((unused)) void
identity_env(void)
{
	setenv("GIT_AUTHOR_NAME", "A U Thor", 1);
	setenv("GIT_AUTHOR_EMAIL", "author@example.com", 1);
	setenv("GIT_AUTHOR_DATE", "1112911993 +0200", 1);
	setenv("GIT_COMMITTER_NAME", "C O Mitter", 1);
	setenv("GIT_COMMITTER_EMAIL", "committer@example.com", 1);
	setenv("GIT_COMMITTER_DATE", "1112912053 +0200", 1);
}

static __attribute__((unused)) void
identity_unset(void)
{
	unsetenv("GIT_AUTHOR_NAME");
	unsetenv("GIT_AUTHOR_EMAIL");
	unsetenv("GIT_COMMITTER_NAME");
	unsetenv("GIT_COMMITTER_EMAIL");
	unsetenv("EMAIL");
}

/* Nothing of the real user's git setup may leak in. */
static __attribute__((unused)) void
env_setup(void)
{
	char	*xdg;

	home = tmpdir();
	xdg = pl_xasprintf("%s/.config", home);
	setenv("HOME", home, 1);
	setenv("XDG_CONFIG_HOME", xdg, 1);
	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	setenv("TZ", "UTC", 1);
	setenv("LC_ALL", "C", 1);
	tzset();
	unsetenv("GIT_DIR");
	unsetenv("GIT_WORK_TREE");
	unsetenv("GIT_INDEX_FILE");
	unsetenv("GIT_CEILING_DIRECTORIES");
	unsetenv("GIT_CONFIG_GLOBAL");
	identity_env();
	free(xdg);
}

/* A new portfolio in a new temporary folder; the caller frees both. */
static __attribute__((unused)) char *
new_portfolio(void)
{
	char	*d = tmpdir();
	char	*id = NULL;
	int	 err;

	err = pl_profile_init(&id, d, "Ada Lovelace", NULL, "5", NULL);
	if (err != 0) {
		printf("# init failed: %s\n", pl_error_last());
		exit(2);
	}
	free(id);
	return d;
}

/*
 * The portfolio at d, or the test program stops: the checks that need it
 * must fail, not vanish from the count.
 */
static __attribute__((unused)) struct pl_portfolio *
open_at(const char *d)
{
	struct pl_portfolio	*p = NULL;

	if (pl_portfolio_open(&p, d, NULL) != 0) {
		printf("Bail out! cannot open %s: %s\n", d, pl_error_last());
		exit(2);
	}
	return p;
}

/*
 * The private environment and a new portfolio, opened, for a test program
 * whose checks share one: its folder in *dir.  end_shared() removes both.
 */
static __attribute__((unused)) struct pl_portfolio *
begin_shared(char **dir)
{
	env_setup();
	umask(022);
	*dir = new_portfolio();
	return open_at(*dir);
}

static __attribute__((unused)) void
end_shared(struct pl_portfolio *p, char *dir)
{
	pl_portfolio_free(p);
	run("rm -rf %s %s", dir, home);
	free(dir);
	free(home);
}

static __attribute__((unused)) int
commit_file(struct pl_portfolio *p, const char *path, const char *text)
{
	struct pl_msg	 msg = { "goal", "add", "x", NULL, "Added x.",
			    PL_STRLIST_INIT };
	struct pl_tx	*tx = NULL;
	int		 err;

	if ((err = pl_tx_begin(&tx, p)) == 0 &&
	    (err = pl_tx_put(tx, path, text, strlen(text))) == 0)
		err = pl_tx_commit(tx, &msg);
	pl_tx_free(tx);
	return err;
}

#endif
