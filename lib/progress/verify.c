/*
 * Checking commit signatures with the programs git uses (ssh-keygen,
 * gpg), one process per signature not yet cached.  An ssh signature is
 * checked first as the committer's (ssh-keygen -Y verify -I <email>
 * against the trusted keys); when that fails, ssh-keygen -Y
 * check-novalidate says whether it is a good signature from some other
 * key (a learner's own) or no good signature at all (a commit changed
 * after it was signed); for a good one, ssh-keygen -Y find-principals
 * says whom the trusted keys list its key for, since a key listed for
 * another email than the committer's is the usual mistake in setting up.
 * Which keys judge a commit is the chain's business (trust.c) or the
 * verifier's own file's.
 *
 *	pl verify cache 3
 *	<commit hex>:<keys' blob hex, or -> <N|G|U|B> <format or ->
 *	    <signer or -> <key or -> <listed for or -> <committer or ->
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>

#include "store/cache.h"
#include "store/portfolio.h"
#include "pl/progress/verify.h"
#include "base/run.h"
#include "progress/trust.h"
#include "store/git.h"

#define HEADER		"pl verify cache 3\n"
#define KEY_LEN		(2 * GIT_OID_HEXSZ + 1)
#define MAX_SIZE	(16 * 1024 * 1024)

struct pl_verifier {
	git_repository		*repo;
	struct pl_trust_info	 info;
	struct pl_buf		 file;		/* PL_KEYS_FILE: its text */
	char			 file_id[GIT_OID_HEXSZ + 1];
	struct pl_trust		*trust;		/* PL_KEYS_LIST */
	struct pl_buf		 keys;		/* the list last read */
	git_oid			 keys_id;
	struct pl_untrusted	*untrusted;
	size_t			 nuntrusted;
	struct pl_strlist	 strings;	/* what info and untrusted
						   point to */
	char			*tmpdir;	/* made at the first use */
	char			*cache_path;
	int			 cache_read;
	struct pl_strlist	 cached;	/* "<key> <rest>", sorted */
	struct pl_buf		 added;		/* lines to write */
	struct pl_sig		 sig;
	struct pl_strlist	 pool;		/* the strings sig points to */
};

static const char *
own(struct pl_verifier *v, char *s)
{
	pl_strlist_push_owned(&v->strings, s);
	return s;
}

/* The value of key in git's configuration (every level), or NULL. */
static char *
config_get(git_config *cfg, const char *key, int path)
{
	git_buf	b = { 0 };
	char	*s = NULL;

	if ((path ? git_config_get_path(&b, cfg, key) :
	    git_config_get_string_buf(&b, cfg, key)) == 0 && *b.ptr != '\0')
		s = pl_xstrdup(b.ptr);
	git_buf_dispose(&b);
	return s;
}

/* The commit rev names into *out. */
static int
commit_of(git_oid *out, git_repository *repo, const char *rev)
{
	git_object	*obj = NULL, *commit = NULL;
	int		 err = 0;

	if (strstr(rev, ":/") != NULL || git_revparse_single(&obj, repo,
	    rev) < 0 || git_object_peel(&commit, obj, GIT_OBJECT_COMMIT) < 0)
		err = pl_error_set(PL_ENOTFOUND, "unknown revision '%s'", rev);
	else
		git_oid_cpy(out, git_object_id(commit));
	git_object_free(commit);
	git_object_free(obj);
	return err;
}

/* The verifier's own file: the keys, and the list is not read. */
static int
file_read(struct pl_verifier *v, const char *path)
{
	git_oid	id;
	int	err;

	if ((err = pl_read_bytes(&v->file, path)) != 0)
		return err;
	if (git_odb_hash(&id, v->file.ptr, v->file.len, GIT_OBJECT_BLOB) < 0)
		return pl_error_git(-1, path);
	git_oid_tostr(v->file_id, sizeof v->file_id, &id);
	v->info.source = PL_KEYS_FILE;
	v->info.file = own(v, pl_xstrdup(path));
	return 0;
}

/* "Name <email>" and the date of commit's author. */
static int
author_of(const char **who, struct pl_date *date, struct pl_verifier *v,
    const git_oid *id)
{
	git_commit		*c = NULL;
	const git_signature	*a;
	int			 rc;

	if ((rc = git_commit_lookup(&c, v->repo, id)) < 0)
		return pl_error_git(rc, "cannot read a commit");
	a = git_commit_author(c);
	*who = own(v, pl_xasprintf("%s <%s>", a->name, a->email));
	if (date != NULL)
		*date = pl_date_from_time((time_t)a->when.time,
		    a->when.offset);
	git_commit_free(c);
	return 0;
}

/* git's short id of a commit, unique in the repository; caller frees. */
static char *
short_id(struct pl_verifier *v, const git_oid *id)
{
	git_object	*o = NULL;
	git_buf		 b = { 0 };
	char		 hex[GIT_OID_HEXSZ + 1];
	char		*s;

	git_oid_tostr(hex, 8, id);
	if (git_object_lookup(&o, v->repo, id, GIT_OBJECT_COMMIT) == 0 &&
	    git_object_short_id(&b, o) == 0)
		s = pl_xstrdup(b.ptr);
	else
		s = pl_xstrdup(hex);
	git_buf_dispose(&b);
	git_object_free(o);
	return s;
}

static const char *
why_words(const struct pl_trust_break *b)
{
	if (b->why == PL_TRUST_NOT_PINNED)
		return "not the pinned first list";
	if (b->why == PL_TRUST_AMBIGUOUS)
		return "one of several first lists";
	if (b->state == PL_SIG_NONE)
		return "not signed";
	return b->state == PL_SIG_BAD ? "bad signature" :
	    "signed, unknown key";
}

/*
 * Whether b is reported: a change before the pinned commit is not, the
 * verifier having taken the list as it stood there.
 */
static int
reported(struct pl_verifier *v, const git_oid *pin,
    const struct pl_trust_break *b)
{
	return pin == NULL || git_graph_descendant_of(v->repo, pin,
	    &b->commit) != 1;
}

/* What the chain found, in words, the newest change first. */
static int
chain_report(struct pl_verifier *v, const git_oid *pin)
{
	const struct pl_trust_break	*b;
	struct pl_untrusted		*u;
	const git_oid			*first = pl_trust_first(v->trust);
	size_t				 i, n = pl_trust_breaks(v->trust);
	char				 hex[GIT_OID_HEXSZ + 1];
	int				 err;

	v->info.source = PL_KEYS_LIST;
	if (first != NULL) {
		v->info.first = own(v, short_id(v, first));
		if ((err = author_of(&v->info.first_by, NULL, v, first)) != 0)
			return err;
	}
	v->untrusted = pl_xcalloc(n + 1, sizeof *v->untrusted);
	for (i = 0; i < n; i++) {
		b = pl_trust_break(v->trust, n - 1 - i);
		if (!reported(v, pin, b))
			continue;
		u = &v->untrusted[v->nuntrusted++];
		git_oid_tostr(hex, sizeof hex, &b->commit);
		u->commit = own(v, pl_xstrdup(hex));
		u->short_id = own(v, short_id(v, &b->commit));
		u->why = why_words(b);
		if ((err = author_of(&u->author, &u->date, v, &b->commit)) != 0)
			return err;
	}
	return 0;
}

static int	trust_check(enum pl_sig_state *, void *, const git_oid *,
		    const git_oid *);

/* The chain of .pl/allowed_signers through rev's history. */
static int
chain_read(struct pl_verifier *v, const char *rev, const char *pin_rev)
{
	git_oid	tip, pin;
	int	err;

	if (rev == NULL && git_repository_head_unborn(v->repo) == 1)
		return 0;
	if ((err = commit_of(&tip, v->repo, rev != NULL ? rev : "HEAD")) !=
	    0 || (pin_rev != NULL && (err = commit_of(&pin, v->repo,
	    pin_rev)) != 0) || (err = pl_trust_new(&v->trust, v->repo, &tip,
	    pin_rev != NULL ? &pin : NULL, trust_check, v)) != 0)
		return err;
	v->info.pinned = pin_rev != NULL;
	v->info.shallow = git_repository_is_shallow(v->repo) == 1;
	return pl_trust_any(v->trust) ? chain_report(v, pin_rev != NULL ?
	    &pin : NULL) : 0;
}

/* The keys from the options, else from git's configuration. */
static int
keys_read(struct pl_verifier *v, const struct pl_verify_opts *o)
{
	git_config	*cfg = NULL;
	char		*file = NULL, *pin = NULL;
	int		 rc, err;

	if ((rc = git_repository_config_snapshot(&cfg, v->repo)) < 0)
		return pl_error_git(rc, "cannot read git config");
	file = o->signers_file != NULL ? pl_xstrdup(o->signers_file) :
	    config_get(cfg, "gpg.ssh.allowedSignersFile", 1);
	pin = o->trust_from != NULL ? pl_xstrdup(o->trust_from) :
	    config_get(cfg, "pl.trustFrom", 0);
	if (file != NULL)
		err = file_read(v, file);
	else
		err = chain_read(v, o->rev, pin);
	free(file);
	free(pin);
	git_config_free(cfg);
	return err;
}

int
pl_verifier_new(struct pl_verifier **out, struct pl_portfolio *pf,
    const struct pl_verify_opts *opts)
{
	static const struct pl_verify_opts	 none = { NULL, NULL, NULL };
	struct pl_verifier			*v = pl_xcalloc(1, sizeof *v);
	int					 err;

	*out = NULL;
	v->repo = pl_portfolio_repo(pf);
	v->cache_path = pl_xasprintf("%spl/verify-cache",
	    git_repository_path(v->repo));
	if ((err = keys_read(v, opts != NULL ? opts : &none)) != 0) {
		pl_verifier_free(v);
		return err;
	}
	*out = v;
	return 0;
}

int
pl_verifier_trusts(const struct pl_verifier *v)
{
	return v->info.source != PL_KEYS_NONE;
}

const struct pl_trust_info *
pl_verifier_info(const struct pl_verifier *v)
{
	return &v->info;
}

size_t
pl_verifier_untrusted(const struct pl_verifier *v)
{
	return v->nuntrusted;
}

const struct pl_untrusted *
pl_verifier_untrusted_at(const struct pl_verifier *v, size_t i)
{
	return &v->untrusted[i];
}

/* The cache, when it is of this version. */
static void
cache_load(struct pl_verifier *v)
{
	struct pl_buf	 text = PL_BUF_INIT;
	const char	*p, *nl;

	v->cache_read = 1;
	if (pl_cache_read(&text, v->cache_path, MAX_SIZE) != 0)
		return;
	if (strncmp(pl_buf_cstr(&text), HEADER, strlen(HEADER)) == 0)
		for (p = text.ptr + strlen(HEADER); (nl = strchr(p, '\n')) !=
		    NULL; p = nl + 1)
			if (nl - p > GIT_OID_HEXSZ + 3 && p[GIT_OID_HEXSZ] ==
			    ':')
				pl_strlist_push_owned(&v->cached,
				    pl_xstrndup(p, (size_t)(nl - p)));
	pl_strlist_sort(&v->cached);
	pl_buf_release(&text);
}

/* key is "<commit>:<keys> ", the space keeping the lines' order. */
static int
by_key(const void *key, const void *elt)
{
	return strncmp(key, *(char *const *)elt, strlen(key));
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

/* 1 with v->sig filled when key is in the cache. */
static int
cache_get(struct pl_verifier *v, const char *key)
{
	static const char	 states[] = "NGUB";
	char			**line;
	const char		*p, *st;

	if (!v->cache_read)
		cache_load(v);
	if (v->cached.n == 0 || (line = bsearch(key, v->cached.v,
	    v->cached.n, sizeof *v->cached.v, by_key)) == NULL)
		return 0;
	p = *line + strlen(key);
	if ((st = strchr(states, *p)) == NULL || *st == '\0' || p[1] != ' ')
		return 0;
	v->sig.state = (enum pl_sig_state)(st - states);
	p += 2;
	v->sig.format = field(v, &p);
	v->sig.signer = field(v, &p);
	v->sig.key = field(v, &p);
	v->sig.listed_for = field(v, &p);
	v->sig.committer = field(v, &p);
	return 1;
}

static int
plain(const char *s)
{
	return s == NULL || (*s != '\0' && strpbrk(s, " \n\r") == NULL);
}

static const char *
or_dash(const char *s)
{
	return s != NULL ? s : "-";
}

static void
cache_put(struct pl_verifier *v, const char *key)
{
	const struct pl_sig	*s = &v->sig;

	if (!plain(s->format) || !plain(s->signer) || !plain(s->key) ||
	    !plain(s->listed_for) || !plain(s->committer))
		return;
	pl_buf_printf(&v->added, "%s%c %s %s %s %s %s\n", key,
	    "NGUB"[s->state], or_dash(s->format), or_dash(s->signer),
	    or_dash(s->key), or_dash(s->listed_for), or_dash(s->committer));
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
 * For a good signature from a key that does not verify as the committer's:
 * the principals the trusted keys list it for, if any, with the
 * committer's email.  Nothing is said when ssh-keygen cannot tell.
 */
static void
ssh_listed(struct pl_verifier *v, const char *signers, const char *sigfile,
    const char *email)
{
	const char	*argv[] = { "ssh-keygen", "-Y", "find-principals",
			    "-f", signers, "-s", sigfile, NULL };
	struct pl_run	 r;
	struct pl_buf	 all = PL_BUF_INIT;
	const char	*p;
	size_t		 n;

	if (pl_run(&r, argv, "", 0) == 0 && r.status == 0)
		for (p = pl_buf_cstr(&r.out); *p != '\0'; p += n + (p[n] !=
		    '\0')) {
			if ((n = strcspn(p, "\r\n")) == 0)
				continue;
			pl_buf_printf(&all, "%s%.*s", all.len > 0 ? "," : "",
			    (int)n, p);
		}
	if (all.len > 0) {
		v->sig.listed_for = keep(v, all.ptr, all.len);
		v->sig.committer = keep(v, email, strlen(email));
	}
	pl_buf_release(&all);
	pl_run_release(&r);
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
verify_ssh(struct pl_verifier *v, const struct pl_buf *keys,
    const char *email, const char *sig, const char *data, size_t len)
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
	if (keys != NULL) {
		if ((err = tmp_write(&signers, v, "allowed_signers",
		    keys->ptr, keys->len)) != 0)
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
	if (r.status != 0)
		v->sig.state = PL_SIG_BAD;
	else {
		v->sig.key = ssh_key(v, &r);
		if (signers != NULL)
			ssh_listed(v, signers, sigfile, email);
	}
done:
	if (err == 0)	/* a program that could not run: cannot tell */
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
	if (err == 0)
		pl_error_clear();
	if (sigfile != NULL)
		unlink(sigfile);
	free(sigfile);
	pl_run_release(&r);
	return err;
}

/*
 * Checks the commit's signature, whose header is gpgsig, into v->sig,
 * against keys (NULL: none) when it is an ssh signature.
 */
static int
check(struct pl_verifier *v, const struct pl_buf *keys, const char *commit)
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
		err = verify_ssh(v, keys, git_commit_committer(c)->email, sig.ptr,
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

/* Checks commit against keys, whose blob is keys_id ("-": none). */
static int
judged(struct pl_verifier *v, const char *commit, const struct pl_buf *keys,
    const char *keys_id)
{
	char	*key = pl_xasprintf("%s:%s ", commit, keys_id);
	int	 err = 0;

	if (!cache_get(v, key)) {
		memset(&v->sig, 0, sizeof v->sig);
		/* gpg's keyring can change under pl: only the rest is kept */
		if ((err = check(v, keys, commit)) == 0 && (v->sig.format ==
		    NULL || strcmp(v->sig.format, "ssh") == 0))
			cache_put(v, key);
	}
	free(key);
	return err;
}

/* The list blob id into v->keys, unless it is there already. */
static int
keys_load(struct pl_verifier *v, const git_oid *id)
{
	int	err;

	if (v->keys.ptr != NULL && git_oid_equal(&v->keys_id, id))
		return 0;
	pl_buf_clear(&v->keys);
	if ((err = pl_portfolio_read_blob(&v->keys, v->repo, id,
	    PL_ALLOWED_SIGNERS)) != 0)
		return err;
	git_oid_cpy(&v->keys_id, id);
	return 0;
}

/* The chain's question: is commit's signature good for list? */
static int
trust_check(enum pl_sig_state *state, void *arg, const git_oid *commit,
    const git_oid *list)
{
	struct pl_verifier	*v = arg;
	char			 hex[GIT_OID_HEXSZ + 1], id[GIT_OID_HEXSZ + 1];
	int			 err;

	*state = PL_SIG_NONE;
	git_oid_tostr(hex, sizeof hex, commit);
	if (list != NULL && ((err = keys_load(v, list)) != 0))
		return err;
	if (list != NULL)
		git_oid_tostr(id, sizeof id, list);
	if ((err = judged(v, hex, list != NULL ? &v->keys : NULL,
	    list != NULL ? id : "-")) != 0)
		return err;
	*state = v->sig.state;
	return 0;
}

/* The short id of a reported untrusted change, or NULL. */
static const char *
untrusted_id(const struct pl_verifier *v, const git_oid *id)
{
	char	hex[GIT_OID_HEXSZ + 1];
	size_t	i;

	git_oid_tostr(hex, sizeof hex, id);
	for (i = 0; i < v->nuntrusted; i++)
		if (strcmp(v->untrusted[i].commit, hex) == 0)
			return v->untrusted[i].short_id;
	return NULL;
}

int
pl_verify_commit(const struct pl_sig **out, struct pl_verifier *v,
    const char *commit)
{
	const struct pl_trust_break	*brk = NULL;
	const git_oid			*list = NULL;
	const char			*since = NULL;
	git_oid				 id;
	int				 err;

	*out = NULL;
	pl_strlist_release(&v->pool);
	if (v->info.source == PL_KEYS_FILE) {
		if ((err = judged(v, commit, &v->file, v->file_id)) != 0)
			return err;
		*out = &v->sig;
		return 0;
	}
	if (v->trust != NULL && (git_oid_fromstr(&id, commit) < 0 ||
	    (err = pl_trust_judge(&list, &brk, v->trust, &id)) != 0))
		return pl_error_set(PL_ERROR, "cannot read commit %s", commit);
	if (brk != NULL && (since = untrusted_id(v, &brk->commit)) == NULL &&
	    v->info.pinned == 0) {
		/* a change found after the first walk (pl report's) */
		pl_strlist_push_owned(&v->pool, short_id(v, &brk->commit));
		since = v->pool.v[v->pool.n - 1];
	}
	err = list != NULL ? trust_check(&v->sig.state, v, &id, list) :
	    judged(v, commit, NULL, "-");
	if (err != 0)
		return err;
	v->sig.untrusted = since;
	*out = &v->sig;
	return 0;
}

/* What the state says, in words. */
static char *
state_describe(const struct pl_sig *s)
{
	switch (s->state) {
	case PL_SIG_GOOD:
		return pl_xasprintf("verified (%s%s%s)", strcmp(s->format,
		    "ssh") != 0 ? s->format : "", strcmp(s->format, "ssh") !=
		    0 ? " " : "", s->signer != NULL ? s->signer : "?");
	case PL_SIG_UNKNOWN:
		if (s->listed_for != NULL && s->committer != NULL)
			return pl_xasprintf("signed by a key listed for %s, "
			    "committed as %s", s->listed_for, s->committer);
		return pl_xstrdup("signed, unknown key");
	case PL_SIG_BAD:
		return pl_xstrdup("bad signature");
	default:
		return pl_xstrdup("not signed");
	}
}

char *
pl_sig_describe(const struct pl_sig *s)
{
	char	*what = state_describe(s), *all;

	if (s->untrusted == NULL || s->state == PL_SIG_GOOD)
		return what;
	all = pl_xasprintf("%s; keys untrusted since %s", what, s->untrusted);
	free(what);
	return all;
}

/* Writes what was added after what was read, in place of the file. */
static void
cache_save(struct pl_verifier *v)
{
	struct pl_buf	 all = PL_BUF_INIT;
	size_t		 i;

	pl_buf_puts(&all, HEADER);
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
	pl_trust_free(v->trust);
	free(v->untrusted);
	pl_strlist_release(&v->strings);
	pl_buf_release(&v->file);
	pl_buf_release(&v->keys);
	pl_buf_release(&v->added);
	pl_strlist_release(&v->cached);
	pl_strlist_release(&v->pool);
	free(v);
}
