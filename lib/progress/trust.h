/*
 * Internal: which .pl/allowed_signers judges each commit, when the keys
 * come from the portfolio itself.  A learner can commit to the list, so
 * a list is trusted only as a chain: the first list (or the commit the
 * verifier pinned) is trusted as it is, and every later change to it
 * must be signed by a key the list trusted at the change's parent.  An
 * unsigned or wrongly signed change breaks the chain for every commit
 * after it, until a change signed by a key of the last trusted list.
 * A commit is judged by the list trusted at its (first) parent, never by
 * its own, so no commit brings the key that vouches for itself.
 */
#ifndef PL_TRUST_H
#define PL_TRUST_H

#include <git2.h>

#include "pl/base/error.h"
#include "pl/progress/signature.h"

struct pl_trust;

/*
 * Checks commit's signature against the list blob list (NULL: no key)
 * into *state; lib/progress/verify.c's, with its cache.
 */
typedef int (*pl_trust_check_fn)(enum pl_sig_state *state, void *arg,
    const git_oid *commit, const git_oid *list);

/* Why a change broke the chain. */
enum pl_trust_why {
	PL_TRUST_SIGNATURE,	/* not signed by a key the list trusted */
	PL_TRUST_NOT_PINNED,	/* a first list that is not the pinned one */
	PL_TRUST_AMBIGUOUS	/* one of several first lists, none pinned */
};

struct pl_trust_break {
	git_oid			 commit;
	enum pl_trust_why	 why;
	enum pl_sig_state	 state;	/* for PL_TRUST_SIGNATURE */
};

/*
 * Follows the list through the history of tip, every parent, oldest
 * first.  pin (NULL: none) is the commit whose list is trusted as it is;
 * without one, the only first list is.  PL_EBADSIG when pin is not in
 * tip's history, PL_EINVAL when it has no list, PL_ERROR when git or
 * check fails.  The caller frees with pl_trust_free().
 */
int	 pl_trust_new(struct pl_trust **out, git_repository *repo,
	    const git_oid *tip, const git_oid *pin, pl_trust_check_fn check,
	    void *arg) PL_WUR;

/*
 * The list that judges commit into *list (NULL: no key) and the change
 * that broke the chain before it into *broken (NULL: none), both
 * borrowed.  A commit outside the history followed so far extends it.
 */
int	 pl_trust_judge(const git_oid **list,
	    const struct pl_trust_break **broken, struct pl_trust *,
	    const git_oid *commit) PL_WUR;

/* 1 when some commit followed has a list. */
int	 pl_trust_any(const struct pl_trust *);

/* The commit whose list is trusted first (the pin), or NULL. */
const git_oid *pl_trust_first(const struct pl_trust *);

/* The changes that broke the chain, oldest first; borrowed. */
size_t	 pl_trust_breaks(const struct pl_trust *);
const struct pl_trust_break *pl_trust_break(const struct pl_trust *,
	    size_t i);

void	 pl_trust_free(struct pl_trust *);

#endif
