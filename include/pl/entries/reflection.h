/*
 * Reflections: reflections/<id>.md.  Front matter date, goals, evidence;
 * the body is the reflection.
 */
#ifndef PL_REFLECTION_H
#define PL_REFLECTION_H

#include "pl/entries/entry.h"

/* The prompts the editor opens on for a new reflection. */
extern const char pl_reflection_template[];

struct pl_reflection_spec {
	const char		*date;		/* NULL: today */
	const char		*text;		/* the body */
	struct pl_strlist	 goals;
	struct pl_strlist	 evidence;
};

/*
 * Adds a reflection and commits it; its id is the date and the first
 * words of its text.  PL_EINVAL for an empty text (or the template left
 * unfilled) or a bad date; PL_ENOTFOUND for an unknown goal or evidence.
 */
int	 pl_reflection_add(char **out_id, struct pl_portfolio *,
	    const struct pl_reflection_spec *) PL_WUR;

/*
 * Checks s as pl_reflection_add() does, all but the text, so a command
 * can refuse before the person types it.  The same errors.
 */
int	 pl_reflection_check_spec(struct pl_portfolio *,
	    const struct pl_reflection_spec *) PL_WUR;

/*
 * A reflection's summary, also the words its id is made from: the first
 * paragraph of its body, in a list under a prompt too, as plain text; or
 * NULL.  The caller frees.
 */
char	*pl_reflection_summary(const char *body);

/*
 * The summary of reflection e, from what its listing remembered of the
 * body when it can (doc.h's memo), else as pl_reflection_summary().
 */
char	*pl_reflection_summary_of(const struct pl_entry *e);

/* 1 when text is the template with nothing written into it (or blank). */
int	 pl_reflection_is_empty(const char *text);

int	 pl_reflection_check(const struct pl_entry *) PL_WUR;

/* What entry calls of a reflection: pl_reflection_check(). */
extern const struct pl_kind_ops pl_reflection_ops;

#endif
