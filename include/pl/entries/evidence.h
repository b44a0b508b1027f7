/*
 * Evidence: evidence/<id>.md and attached files under evidence/<id>/.
 * Front matter title, date, kind, goals, standards, files; the body is the
 * learner's description.
 */
#ifndef PL_EVIDENCE_H
#define PL_EVIDENCE_H

#include "pl/entries/entry.h"

struct pl_evidence {
	const char	*title;
	const char	*date;
	const char	*kind;
};

void	 pl_evidence_get(struct pl_evidence *, const struct pl_entry *);

/* 1 when s is an evidence kind: artifact, observation, ... */
int	 pl_evidence_kind_valid(const char *s);

struct pl_evidence_spec {
	const char		*id;		/* NULL: date and title */
	const char		*title;
	const char		*date;		/* NULL: today */
	const char		*kind;		/* NULL: artifact */
	const char		*description;
	struct pl_strlist	 goals;		/* goal ids */
	struct pl_strlist	 files;		/* paths to attach */
	struct pl_strlist	 standards;	/* full codes */
};

/*
 * Adds evidence, copies each file into evidence/<id>/ and commits them
 * together.  PL_EINVAL for an empty title, a bad date or kind;
 * PL_ENOTFOUND for an unknown goal or a missing file; PL_EINVAL for a
 * folder.  *out_id gets the id (the caller frees).
 */
/*
 * Checks s as pl_evidence_add() does, all but the description, so a
 * command can refuse before the person types it.  The same errors.
 */
int	 pl_evidence_check_spec(struct pl_portfolio *,
	    const struct pl_evidence_spec *) PL_WUR;

int	 pl_evidence_add(char **out_id, struct pl_portfolio *,
	    const struct pl_evidence_spec *) PL_WUR;

int	 pl_evidence_check(const struct pl_entry *) PL_WUR;

/* What entry calls of evidence: pl_evidence_check(). */
extern const struct pl_kind_ops pl_evidence_ops;

/*
 * Copies each of files into evidence/<id>/ (named as pl_evidence_add()
 * names them, beside the files there already), adds them to its files
 * and commits "evidence: attach <id>".  PL_ENOTFOUND for an unknown id
 * or a missing file, PL_EINVAL for a folder.
 */
int	 pl_evidence_attach(struct pl_portfolio *, const char *id,
	    const struct pl_strlist *files) PL_WUR;

/*
 * Removes the attached file name (its name in evidence/<id>/, or its
 * path from the top) and its item in the evidence's files, and commits
 * "evidence: detach <id>".  PL_ENOTFOUND when the evidence has no such
 * file.
 */
int	 pl_evidence_detach(struct pl_portfolio *, const char *id,
	    const char *name) PL_WUR;

#endif
