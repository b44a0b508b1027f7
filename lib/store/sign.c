/*
 * Signed commits, made the way git makes them, with the program git would
 * run and the same arguments, so that a key set up for git commit signs
 * pl's commits too and git verify-commit accepts them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/lock.h"
#include "pl/base/util.h"
#include "store/sign.h"
#include "base/run.h"
#include "store/git.h"

/* The value of key, or NULL; the caller frees. */
static char *
config_str(git_config *cfg, const char *key)
{
	git_buf	b = { 0 };
	char	*s = NULL;

	if (git_config_get_string_buf(&b, cfg, key) == 0)
		s = pl_xstrdup(b.ptr);
	git_buf_dispose(&b);
	return s;
}

/* A signing failure, in why (freed here). */
static int
sign_failed(char *why)
{
	int	err;

	err = pl_error_set(PL_ERROR, "cannot sign the commit: %s", why);
	free(why);
	return err;
}

/* The program's own message, or why it could not be started. */
static int
refused(const struct pl_run *r, const char *program)
{
	return sign_failed(pl_run_message(r, program));
}

static int
not_run(void)
{
	return sign_failed(pl_xstrdup(pl_error_last()));
}

/* gpg (or gpgsm): "-bsau KEY", a detached armoured signature on stdout. */
static int
sign_gpg(char **out, const char *program, const char *key, const char *buf)
{
	const char	*argv[] = { program, "--status-fd=2", "-bsau", key,
			    NULL };
	struct pl_run	 r;
	int		 err;

	if ((err = pl_run(&r, argv, buf, strlen(buf))) != 0)
		err = not_run();
	else if (r.status != 0 || r.out.len == 0 ||
	    (strncmp(pl_buf_cstr(&r.err), "[GNUPG:] SIG_CREATED ", 21) != 0
	    && strstr(pl_buf_cstr(&r.err), "\n[GNUPG:] SIG_CREATED ") ==
	    NULL))
		err = refused(&r, program);
	else
		*out = pl_buf_detach(&r.out);
	pl_run_release(&r);
	return err;
}

/*
 * ssh-keygen -Y sign with the key file, or with a key held by ssh-agent:
 * git's "key::<public key>", written to a file that -U names.
 */
static int
sign_ssh(char **out, const char *program, const char *key, const char *buf)
{
	const char	*argv[] = { program, "-Y", "sign", "-n", "git", "-f",
			    NULL, NULL, NULL };
	struct pl_run	 r;
	git_buf		 path = { 0 };
	char		*tmp = NULL;
	int		 fd, err;

	pl_buf_init(&r.out);
	pl_buf_init(&r.err);
	if (strncmp(key, "key::", 5) == 0) {
		tmp = pl_xasprintf("%s/pl-key-XXXXXX", getenv("TMPDIR") !=
		    NULL && *getenv("TMPDIR") != '\0' ? getenv("TMPDIR") :
		    "/tmp");
		if ((fd = mkstemp(tmp)) == -1 || pl_write_all(fd, key + 5,
		    strlen(key + 5), tmp, pl_lock_check) != 0 || close(fd) == -1) {
			err = pl_error_set(PL_ERROR, "cannot sign the commit: "
			    "cannot write the key to '%s'", tmp);
			goto done;
		}
		argv[6] = tmp;
		argv[7] = "-U";
	} else if (git_config_parse_path(&path, key) == 0)
		argv[6] = path.ptr;	/* "~/.ssh/id" as git reads it */
	else
		argv[6] = key;
	if ((err = pl_run(&r, argv, buf, strlen(buf))) != 0)
		err = not_run();
	else if (r.status != 0 || strstr(pl_buf_cstr(&r.out),
	    "-----BEGIN SSH SIGNATURE-----") == NULL)
		err = refused(&r, program);
	else
		*out = pl_buf_detach(&r.out);
done:
	if (tmp != NULL)
		unlink(tmp);
	free(tmp);
	git_buf_dispose(&path);
	pl_run_release(&r);
	return err;
}

int
pl_sign_commit(char **out, git_repository *repo,
    const git_signature *committer, const char *buf)
{
	git_config	*cfg = NULL;
	char		*format = NULL, *program = NULL, *key = NULL;
	size_t		 n;
	int		 on = 0, x509, rc, err = 0;

	*out = NULL;
	if ((rc = git_repository_config_snapshot(&cfg, repo)) < 0)
		return pl_error_git(rc, "cannot read git config");
	if (git_config_get_bool(&on, cfg, "commit.gpgsign") < 0 || !on)
		goto done;
	format = config_str(cfg, "gpg.format");
	key = config_str(cfg, "user.signingkey");
	x509 = format != NULL && strcmp(format, "x509") == 0;
	if (format == NULL || strcmp(format, "openpgp") == 0 || x509) {
		/* git's order: gpg.<format>.program, then gpg.program */
		if ((program = config_str(cfg, x509 ? "gpg.x509.program" :
		    "gpg.openpgp.program")) == NULL && (x509 ||
		    (program = config_str(cfg, "gpg.program")) == NULL))
			program = pl_xstrdup(x509 ? "gpgsm" : "gpg");
		if (key == NULL)
			key = pl_xasprintf("%s <%s>", committer->name,
			    committer->email);
		err = sign_gpg(out, program, key, buf);
	} else if (strcmp(format, "ssh") == 0) {
		if ((program = config_str(cfg, "gpg.ssh.program")) == NULL)
			program = pl_xstrdup("ssh-keygen");
		if (key == NULL || *key == '\0')
			err = pl_error_set(PL_ERROR, "cannot sign the commit: "
			    "user.signingkey needs to be set for ssh signing");
		else
			err = sign_ssh(out, program, key, buf);
	} else
		err = pl_error_set(PL_EINVAL, "cannot sign the commit: "
		    "unknown gpg.format '%s'", format);
	/* libgit2 writes the header's lines; the last break is its own */
	if (err == 0 && *out != NULL) {
		n = strlen(*out);
		while (n > 0 && ((*out)[n - 1] == '\n' || (*out)[n - 1] == '\r'))
			(*out)[--n] = '\0';
	}
done:
	git_config_free(cfg);
	free(format);
	free(program);
	free(key);
	return err;
}
