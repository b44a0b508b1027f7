/*
 * Signed commits checked against the keys the verifier trusts.  They come
 * from where the learner cannot write: a file the verifier names (the
 * --allowed-signers option, else git's gpg.ssh.allowedSignersFile), and
 * then .pl/allowed_signers is not read at all; otherwise from the
 * portfolio's own .pl/allowed_signers as a chain (see lib/progress/trust.h): the
 * first list, or the one at the commit the verifier pinned, and every
 * change to it signed by a key the list trusted at the change's parent.
 * A commit is judged by the list trusted at its parent.  ssh signatures
 * are checked with ssh-keygen -Y verify as the committer's email,
 * openpgp ones with gpg --verify against gpg's own keyring.  Results for
 * ssh signatures and unsigned commits are kept in <gitdir>/pl/verify-cache,
 * by commit and by the blob of the keys that judged it.
 */
#ifndef PL_VERIFY_H
#define PL_VERIFY_H

#include "pl/base/date.h"
#include "pl/base/error.h"
#include "pl/progress/signature.h"
#include "pl/store/portfolio.h"

struct pl_sig {
	enum pl_sig_state	 state;
	const char		*format;	/* "ssh", "openpgp", "x509",
						   or NULL when not signed */
	const char		*signer;	/* for PL_SIG_GOOD: the
						   principal (ssh) or the
						   key's fingerprint */
	const char		*key;		/* the key's fingerprint when
						   known, else NULL */
	const char		*untrusted;	/* the untrusted change to the
						   list in force (short id),
						   so no key judged it; NULL
						   when none */
	const char		*listed_for;	/* PL_SIG_UNKNOWN (ssh): the
						   principals the trusted keys
						   list the signing key for,
						   ","-separated, when not the
						   committer's email; NULL
						   when the key is not listed */
	const char		*committer;	/* with listed_for: the
						   committer's email */
};

struct pl_verifier;

/* Where the keys come from; NULL fields read git's configuration. */
struct pl_verify_opts {
	const char	*rev;		/* the history judged; NULL: HEAD */
	const char	*signers_file;	/* NULL: gpg.ssh.allowedSignersFile */
	const char	*trust_from;	/* the pinned commit; NULL:
					   pl.trustFrom, else none */
};

enum pl_keys_source {
	PL_KEYS_NONE,		/* no file, and no list in the history */
	PL_KEYS_FILE,		/* the verifier's file */
	PL_KEYS_LIST		/* the chain of .pl/allowed_signers */
};

struct pl_trust_info {
	enum pl_keys_source	 source;
	const char		*file;		/* PL_KEYS_FILE: its path */
	const char		*first;		/* PL_KEYS_LIST: the commit
						   (short id) whose list is
						   trusted as it is, NULL
						   when several are first */
	const char		*first_by;	/* its author, "Name <email>" */
	int			 pinned;	/* first is the pinned commit */
	int			 shallow;	/* a shallow clone's history:
						   its first list may not be
						   the portfolio's */
};

/* A change to .pl/allowed_signers not signed by a key it trusted. */
struct pl_untrusted {
	const char	*commit;
	const char	*short_id;
	const char	*author;	/* "Name <email>" */
	struct pl_date	 date;		/* author date, its own zone */
	const char	*why;		/* "not signed", "signed, unknown key",
					   "bad signature", "not the pinned
					   first list", "one of several first
					   lists" */
};

/*
 * Works out the keys that judge each commit of opts->rev's history (opts
 * NULL: every field NULL).  PL_ENOTFOUND for a revision or a file that
 * cannot be read, PL_EBADSIG when the pinned commit is not in the
 * history, PL_EINVAL when it has no list, PL_ERROR when git fails.  The
 * caller frees with pl_verifier_free(), which writes the cache.
 */
int	 pl_verifier_new(struct pl_verifier **out, struct pl_portfolio *pf,
	    const struct pl_verify_opts *opts) PL_WUR;

/* 1 when some key is trusted: a file, or a list in the history. */
int	 pl_verifier_trusts(const struct pl_verifier *);

/* Where the keys come from; borrowed. */
const struct pl_trust_info *pl_verifier_info(const struct pl_verifier *);

/* The untrusted changes to the list in the history, newest first. */
size_t	 pl_verifier_untrusted(const struct pl_verifier *);
const struct pl_untrusted *pl_verifier_untrusted_at(
	    const struct pl_verifier *, size_t i);

/*
 * Checks the signature of commit (hex) into *out, borrowed until the next
 * call.  A program that is missing makes the signature PL_SIG_UNKNOWN,
 * never an error; PL_ERROR when the commit cannot be read or a temporary
 * file cannot be written.
 */
int	 pl_verify_commit(const struct pl_sig **out, struct pl_verifier *,
	    const char *commit) PL_WUR;

/*
 * What sig says, in words: "verified (<signer>)", "signed, unknown key"
 * (or "signed by a key listed for <principals>, committed as <email>"),
 * "bad signature" or "not signed", then "; keys untrusted since <id>"
 * after an untrusted change to the list.  The caller frees.
 */
char	*pl_sig_describe(const struct pl_sig *);

void	 pl_verifier_free(struct pl_verifier *);

#endif
