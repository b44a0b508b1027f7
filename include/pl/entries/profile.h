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

/*
 * Makes a new portfolio in dir (created if missing): a new repository, or
 * an existing one with no commits yet and nothing in its working tree but
 * .git.  Writes the settings file and profile.md (the learner's name, id,
 * grade and started date; the empty sections) and .gitattributes (pl's
 * merge driver, pl/store/driver.h) and commits them as "portfolio: init
 * <id>", with the driver registered in the repository's config.  id
 * NULL: made from name.  grade may be NULL.  PL_EEXISTS when dir is a
 * repository with commits or holds files, or a .git git cannot open (one
 * with no HEAD, object or ref, as an interrupted init leaves it, is
 * completed instead); PL_EINVAL for an empty name or a bad id;
 * PL_EIDENTITY without an identity.  A failure removes the repository,
 * and the folders, it made.  *out_id gets the learner id (the caller
 * frees) when out_id is not NULL.
 */
int	 pl_profile_init(char **out_id, const char *dir, const char *name,
	    const char *id, const char *grade, const char *author) PL_WUR;

#endif
