/*
 * Checking commit signatures with the programs git uses (ssh-keygen,
 * gpg), one process per signature not yet cached.  An ssh signature is
 * checked first as the committer's (ssh-keygen -Y verify -I <email>
 * against the trusted keys); when that fails, ssh-keygen -Y
 * check-novalidate says whether it is a good signature from some other
 * key (a learner's own) or no good signature at all (a commit changed
 * after it was signed).
 *
 *	pl verify cache 1 <allowed_signers blob hex, or "-">
 *	<commit hex> <N|G|U|B> <format or -> <signer or -> <key or ->
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>

#include "cache.h"
#include "internal.h"
#include "pl/verify.h"
#include "run.h"

#define HEADER		"pl verify cache 1 "
#define MAX_SIZE	(16 * 1024 * 1024)

struct pl_verifier {
	git_repository		*repo;
	struct pl_buf		 signers;	/* allowed_signers' text */
	int			 trusts;
	char			 signers_id[GIT_OID_HEXSZ + 1]; /* or "-" */
	char			*tmpdir;	/* made at the first use */
	char			*cache_path;
	int			 cache_read;
	struct pl_strlist	 cached;	/* "<hex> <rest>", sorted */
	struct pl_buf		 added;		/* lines to write */
	struct pl_sig		 sig;
	struct pl_strlist	 pool;		/* the strings sig points to */
};

/* Reads allowed_signers from HEAD's tree; none when HEAD is unborn. */
static int
signers_read(struct pl_verifier *v)
{
	git_object	*tree = NULL;
	git_tree_entry	*e = NULL;
	git_blob	*blob = NULL;
	int		 rc, err = 0;

	strcpy(v->signers_id, "-");
	if (git_revparse_single(&tree, v->repo, "HEAD^{tree}") < 0)
		return 0;
	rc = git_tree_entry_bypath(&e, (git_tree *)tree, PL_ALLOWED_SIGNERS);
	if (rc == GIT_ENOTFOUND)
		goto done;
	if (rc < 0) {
		err = pl_error_git(rc, PL_ALLOWED_SIGNERS);
		goto done;
	}
	if (git_tree_entry_filemode(e) != GIT_FILEMODE_BLOB &&
	    git_tree_entry_filemode(e) != GIT_FILEMODE_BLOB_EXECUTABLE) {
		err = pl_error_set(PL_EUNSAFE, "unsafe path '%s': it is not "
		    "a file", PL_ALLOWED_SIGNERS);
		goto done;
	}
	if ((rc = git_blob_lookup(&blob, v->repo, git_tree_entry_id(e))) < 0) {
		err = pl_error_git(rc, PL_ALLOWED_SIGNERS);
		goto done;
	}
	pl_buf_put(&v->signers, git_blob_rawcontent(blob),
	    (size_t)git_blob_rawsize(blob));
	git_oid_tostr(v->signers_id, sizeof v->signers_id,
	    git_tree_entry_id(e));
	v->trusts = 1;
done:
	git_blob_free(blob);
	git_tree_entry_free(e);
	git_object_free(tree);
	return err;
}

int
pl_verifier_new(struct pl_verifier **out, struct pl_portfolio *pf)
{
	struct pl_verifier	*v = pl_xcalloc(1, sizeof *v);
	int			 err;

	*out = NULL;
	v->repo = pl_portfolio_repo(pf);
	if ((err = signers_read(v)) != 0) {
		pl_verifier_free(v);
		return err;
	}
	v->cache_path = pl_xasprintf("%spl/verify-cache",
	    git_repository_path(v->repo));
	*out = v;
	return 0;
}

int
pl_verifier_trusts(const struct pl_verifier *v)
{
	return v->trusts;
}

/* The cache, when it was made for the same allowed_signers. */
static void
cache_load(struct pl_verifier *v)
{
	struct pl_buf	 text = PL_BUF_INIT;
	char		*head;
	const char	*p, *nl;

	v->cache_read = 1;
	if (pl_cache_read(&text, v->cache_path, MAX_SIZE) != 0)
		return;
	head = pl_xasprintf("%s%s\n", HEADER, v->signers_id);
	if (strncmp(pl_buf_cstr(&text), head, strlen(head)) == 0)
		for (p = text.ptr + strlen(head); (nl = strchr(p, '\n')) !=
		    NULL; p = nl + 1)
			if (nl - p > GIT_OID_HEXSZ + 2 && p[GIT_OID_HEXSZ] ==
			    ' ')
				pl_strlist_push_owned(&v->cached,
				    pl_xstrndup(p, (size_t)(nl - p)));
	pl_strlist_sort(&v->cached);
	free(head);
	pl_buf_release(&text);
}

static int
by_commit(const void *key, const void *elt)
{
	return strncmp(key, *(char *const *)elt, GIT_OID_HEXSZ);
}

static const char *
keep(struct pl_verifier *v, const char *s, size_t n)
{
	pl_strlist_push_owned(&v->pool, pl_xstrndup(s, n));
	return v->pool.v[v->pool.n - 1];
}

/* A field of a cached line, "-" read as NULL. */
static const char *
field(struct pl_verifier *v, const char **p)
{
	size_t	n = strcspn(*p, " ");
	const char *s = *p;

	*p += n + (s[n] == ' ');
	if (n == 1 && *s == '-')
		return NULL;
	return keep(v, s, n);
}

/* 1 with v->sig filled when commit is in the cache. */
static int
cache_get(struct pl_verifier *v, const char *commit)
{
	static const char	 states[] = "NGUB";
	char			**line;
	const char		*p, *st;

	if (!v->cache_read)
		cache_load(v);
	if (v->cached.n == 0 || (line = bsearch(commit, v->cached.v,
	    v->cached.n, sizeof *v->cached.v, by_commit)) == NULL)
		return 0;
	p = *line + GIT_OID_HEXSZ + 1;
	if ((st = strchr(states, *p)) == NULL || *st == '\0' || p[1] != ' ')
		return 0;
	v->sig.state = (enum pl_sig_state)(st - states);
	p += 2;
	v->sig.format = field(v, &p);
	v->sig.signer = field(v, &p);
	v->sig.key = field(v, &p);
	return 1;
}

static int
plain(const char *s)
{
	return s == NULL || (*s != '\0' && strpbrk(s, " \n\r") == NULL);
}

static void
cache_put(struct pl_verifier *v, const char *commit)
{
	const struct pl_sig	*s = &v->sig;

	if (!plain(s->format) || !plain(s->signer) || !plain(s->key))
		return;
	pl_buf_printf(&v->added, "%s %c %s %s %s\n", commit,
	    "NGUB"[s->state], s->format != NULL ? s->format : "-",
	    s->signer != NULL ? s->signer : "-", s->key != NULL ? s->key :
	    "-");
}

/* A file in the temporary folder, written with data; the caller frees. */
static int
tmp_write(char **out, struct pl_verifier *v, const char *name,
    const char *data, size_t len)
{
	const char	*t = getenv("TMPDIR");
	int		 err;

	*out = NULL;
	if (v->tmpdir == NULL) {
		v->tmpdir = pl_xasprintf("%s/pl-verify-XXXXXX", t != NULL &&
		    *t != '\0' ? t : "/tmp");
		if (mkdtemp(v->tmpdir) == NULL) {
			err = pl_error_set(PL_ERROR, "cannot make a temporary "
			    "folder '%s': %s", v->tmpdir, strerror(errno));
			free(v->tmpdir);
			v->tmpdir = NULL;
			return err;
		}
	}
	*out = pl_xasprintf("%s/%s", v->tmpdir, name);
	if ((err = pl_write_file(*out, data, len, 0600)) != 0) {
		free(*out);
		*out = NULL;
	}
	return err;
}

/* The fingerprint after " key " in ssh-keygen's "Good ..." line. */
static const char *
ssh_key(struct pl_verifier *v, const struct pl_run *r)
{
	const char	*p = strstr(pl_buf_cstr(&r->out), " key ");

	if (p == NULL)
		return NULL;
	p += 5;
	return keep(v, p, strcspn(p, " \r\n"));
}

/*
 * What checking a signature starts with: r empty, the signature unknown
 * until a program says otherwise, and in a file for it to read.
 */
static int
check_begin(char **sigfile, struct pl_run *r, struct pl_verifier *v,
    const char *sig)
{
	pl_buf_init(&r->out);
	pl_buf_init(&r->err);
	v->sig.state = PL_SIG_UNKNOWN;
	return tmp_write(sigfile, v, "sig", sig, strlen(sig));
}

static int
verify_ssh(struct pl_verifier *v, const char *email, const char *sig,
    const char *data, size_t len)
{
	const char	*verify[] = { "ssh-keygen", "-Y", "verify", "-f", NULL,
			    "-I", email, "-n", "git", "-s", NULL, NULL };
	const char	*check[] = { "ssh-keygen", "-Y", "check-novalidate",
			    "-n", "git", "-s", NULL, NULL };
	struct pl_run	 r;
	char		*signers = NULL, *sigfile = NULL;
	int		 err;

	if ((err = check_begin(&sigfile, &r, v, sig)) != 0)
		goto done;
	verify[10] = check[6] = sigfile;
	if (v->trusts) {
		if ((err = tmp_write(&signers, v, "allowed_signers",
		    v->signers.ptr, v->signers.len)) != 0)
			goto done;
		verify[4] = signers;
		if (pl_run(&r, verify, data, len) != 0)
			goto done;	/* no ssh-keygen: cannot tell */
		if (r.status == 0) {
			v->sig.state = PL_SIG_GOOD;
			v->sig.signer = keep(v, email, strlen(email));
			v->sig.key = ssh_key(v, &r);
			goto done;
		}
		pl_run_release(&r);
	}
	if (pl_run(&r, check, data, len) != 0)
		goto done;
	if (r.status == 0)
		v->sig.key = ssh_key(v, &r);
	else
		v->sig.state = PL_SIG_BAD;
done:
	pl_error_clear();
	if (signers != NULL)
		unlink(signers);
	if (sigfile != NULL)
		unlink(sigfile);
	free(signers);
	free(sigfile);
	pl_run_release(&r);
	return err;
}

/* The word after "[GNUPG:] <status> " in gpg's status output, or NULL. */
static const char *
gpg_status(struct pl_verifier *v, const struct pl_run *r, const char *what)
{
	const char	*out = pl_buf_cstr(&r->out), *p;
	char		*needle = pl_xasprintf("[GNUPG:] %s ", what);

	for (p = out; (p = strstr(p, needle)) != NULL; p++)
		if (p == out || p[-1] == '\n')
			break;
	if (p != NULL)
		p += strlen(needle);
	free(needle);
	return p == NULL ? NULL : keep(v, p, strcspn(p, " \r\n"));
}

static int
verify_gpg(struct pl_verifier *v, const char *program, const char *sig,
    const char *data, size_t len)
{
	const char	*argv[] = { program, "--status-fd=1", "--verify", NULL,
			    "-", NULL };
	struct pl_run	 r;
	char		*sigfile = NULL;
	int		 err;

	if ((err = check_begin(&sigfile, &r, v, sig)) != 0)
		goto done;
	argv[3] = sigfile;
	if (pl_run(&r, argv, data, len) != 0)
		goto done;	/* no gpg: cannot tell */
	if (gpg_status(v, &r, "BADSIG") != NULL)
		v->sig.state = PL_SIG_BAD;
	else if (gpg_status(v, &r, "GOODSIG") != NULL && r.status == 0) {
		v->sig.state = PL_SIG_GOOD;
		v->sig.signer = v->sig.key = gpg_status(v, &r, "VALIDSIG");
	}
done:
	pl_error_clear();
	if (sigfile != NULL)
		unlink(sigfile);
	free(sigfile);
	pl_run_release(&r);
	return err;
}

/* Checks the commit's signature, whose header is gpgsig, into v->sig. */
static int
check(struct pl_verifier *v, const char *commit)
{
	git_commit	*c = NULL;
	git_buf		 sig = { 0 }, data = { 0 };
	git_oid		 id;
	int		 rc, err = 0;

	if (git_oid_fromstr(&id, commit) < 0 ||
	    (rc = git_commit_lookup(&c, v->repo, &id)) < 0) {
		err = pl_error_set(PL_ERROR, "cannot read commit %s", commit);
		goto done;
	}
	rc = git_commit_extract_signature(&sig, &data, v->repo, &id, NULL);
	if (rc == GIT_ENOTFOUND)
		goto done;
	if (rc < 0) {
		err = pl_error_git(rc, "cannot read a commit's signature");
		goto done;
	}
	if (strncmp(sig.ptr, "-----BEGIN SSH SIGNATURE-----", 29) == 0) {
		v->sig.format = "ssh";
		err = verify_ssh(v, git_commit_committer(c)->email, sig.ptr,
		    data.ptr, data.size);
	} else if (strncmp(sig.ptr, "-----BEGIN PGP SIGNATURE-----", 29) ==
	    0) {
		v->sig.format = "openpgp";
		err = verify_gpg(v, "gpg", sig.ptr, data.ptr, data.size);
	} else {
		v->sig.format = "x509";
		err = verify_gpg(v, "gpgsm", sig.ptr, data.ptr, data.size);
	}
done:
	git_buf_dispose(&sig);
	git_buf_dispose(&data);
	git_commit_free(c);
	return err;
}

int
pl_verify_commit(const struct pl_sig **out, struct pl_verifier *v,
    const char *commit)
{
	int	err;

	*out = NULL;
	pl_strlist_release(&v->pool);
	memset(&v->sig, 0, sizeof v->sig);
	if (cache_get(v, commit)) {
		*out = &v->sig;
		return 0;
	}
	memset(&v->sig, 0, sizeof v->sig);
	if ((err = check(v, commit)) != 0)
		return err;
	/* gpg's keyring can change under pl: only the rest is kept */
	if (v->sig.format == NULL || strcmp(v->sig.format, "ssh") == 0)
		cache_put(v, commit);
	*out = &v->sig;
	return 0;
}

char *
pl_sig_describe(const struct pl_sig *s)
{
	switch (s->state) {
	case PL_SIG_GOOD:
		return pl_xasprintf("verified (%s%s%s)", strcmp(s->format,
		    "ssh") != 0 ? s->format : "", strcmp(s->format, "ssh") !=
		    0 ? " " : "", s->signer != NULL ? s->signer : "?");
	case PL_SIG_UNKNOWN:
		return pl_xstrdup("signed, unknown key");
	case PL_SIG_BAD:
		return pl_xstrdup("bad signature");
	default:
		return pl_xstrdup("not signed");
	}
}

/* Writes what was added after what was read, in place of the file. */
static void
cache_save(struct pl_verifier *v)
{
	struct pl_buf	 all = PL_BUF_INIT;
	size_t		 i;

	pl_buf_printf(&all, "%s%s\n", HEADER, v->signers_id);
	for (i = 0; i < v->cached.n; i++)
		pl_buf_printf(&all, "%s\n", v->cached.v[i]);
	pl_buf_put(&all, v->added.ptr, v->added.len);
	if (all.len <= MAX_SIZE)
		pl_cache_save(v->cache_path, all.ptr, all.len);
	pl_buf_release(&all);
}

void
pl_verifier_free(struct pl_verifier *v)
{
	if (v == NULL)
		return;
	if (v->added.len > 0)
		cache_save(v);
	if (v->tmpdir != NULL)
		rmdir(v->tmpdir);
	free(v->tmpdir);
	free(v->cache_path);
	pl_buf_release(&v->signers);
	pl_buf_release(&v->added);
	pl_strlist_release(&v->cached);
	pl_strlist_release(&v->pool);
	free(v);
}
