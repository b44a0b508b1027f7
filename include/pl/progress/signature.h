/*
 * What a signature check says of a commit, and where a portfolio keeps
 * the keys it trusts: the words verify.h reports in and the chain of
 * lists (lib/progress/trust.h) is judged by, apart from verify.h so that
 * trust, which verify uses, needs nothing of it.
 */
#ifndef PL_SIGNATURE_H
#define PL_SIGNATURE_H

#define PL_ALLOWED_SIGNERS ".pl/allowed_signers"

enum pl_sig_state {
	PL_SIG_NONE,		/* not signed */
	PL_SIG_GOOD,		/* good, from a trusted key */
	PL_SIG_UNKNOWN,		/* from a key not trusted, or one that
				   cannot be checked */
	PL_SIG_BAD		/* does not match the commit */
};

#endif
