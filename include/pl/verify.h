/*
 * Signed commits checked against the keys a portfolio trusts: the
 * teachers' keys in .pl/allowed_signers (ssh's allowed_signers format,
 * "email key-type key" lines), read from HEAD's tree whatever revision
 * is walked, so that a commit cannot bring the key that vouches for
 * itself.  ssh signatures are checked with ssh-keygen -Y verify as the
 * committer's email, openpgp ones with gpg --verify against gpg's own
 * keyring.  Results for ssh signatures and unsigned commits are kept in
 * <gitdir>/pl/verify-cache, by commit and allowed_signers' blob: a
 * commit's signature never changes, but the list of keys can.
 */
#ifndef PL_VERIFY_H
#define PL_VERIFY_H

#include "pl/error.h"
#include "pl/portfolio.h"

#define PL_ALLOWED_SIGNERS ".pl/allowed_signers"

enum pl_sig_state {
	PL_SIG_NONE,		/* not signed */
	PL_SIG_GOOD,		/* good, from a trusted key */
	PL_SIG_UNKNOWN,		/* from a key not trusted, or one that
				   cannot be checked */
	PL_SIG_BAD		/* does not match the commit */
};

struct pl_sig {
	enum pl_sig_state	 state;
	const char		*format;	/* "ssh", "openpgp", "x509",
						   or NULL when not signed */
	const char		*signer;	/* for PL_SIG_GOOD: the
						   principal (ssh) or the
						   key's fingerprint */
	const char		*key;		/* the key's fingerprint when
						   known, else NULL */
};

struct pl_verifier;

/*
 * Reads PL_ALLOWED_SIGNERS from HEAD's tree of pf's repository (missing:
 * no key is trusted).  PL_EUNSAFE when it is a link, PL_ERROR when git
 * fails.  The caller frees with pl_verifier_free(), which writes the
 * cache.
 */
int	 pl_verifier_new(struct pl_verifier **out, struct pl_portfolio *pf)
	    PL_WUR;

/* 1 when HEAD has PL_ALLOWED_SIGNERS, else 0. */
int	 pl_verifier_trusts(const struct pl_verifier *);

/*
 * Checks the signature of commit (hex) into *out, borrowed until the next
 * call.  A program that is missing makes the signature PL_SIG_UNKNOWN,
 * never an error; PL_ERROR when the commit cannot be read or a temporary
 * file cannot be written.
 */
int	 pl_verify_commit(const struct pl_sig **out, struct pl_verifier *,
	    const char *commit) PL_WUR;

/*
 * What sig says, in words: "verified (<signer>)", "signed, unknown key",
 * "bad signature" or "not signed".  The caller frees.
 */
char	*pl_sig_describe(const struct pl_sig *);

void	 pl_verifier_free(struct pl_verifier *);

#endif
