/*
 * The learner profile: profile.md.  Front matter name, id, grade,
 * started; sections Strengths, Needs, Interests and How I learn best,
 * each a bullet list.
 */
#ifndef PL_PROFILE_H
#define PL_PROFILE_H

#include "pl/entries/entry.h"

/* The section a "pl profile add" word goes to, or NULL for no such word. */
const char *pl_profile_section(const char *word);

/*
 * Sets front matter key to value and commits.  name must not be empty,
 * started must be a date, id a valid id; other keys are any
 * [A-Za-z][A-Za-z0-9_-]* and take any text.  PL_ENOCHANGE when unchanged.
 */
int	 pl_profile_set(struct pl_portfolio *, const char *key,
	    const char *value) PL_WUR;

/* Adds text as a bullet to the section for word and commits. */
int	 pl_profile_add(struct pl_portfolio *, const char *word,
	    const char *text) PL_WUR;

int	 pl_profile_check(const struct pl_entry *) PL_WUR;

/* What entry calls of the profile: pl_profile_check(). */
extern const struct pl_kind_ops pl_profile_ops;

#endif
