/*
 * Goals: goals/<id>.md.  Front matter title, term (short|long), status
 * (active|met|paused|dropped), created, due, parent, standards; a body
 * with sections such as Why and Steps, where Steps is a task list whose
 * ticks give the goal's progress.
 */
#ifndef PL_GOAL_H
#define PL_GOAL_H

#include "pl/entries/entry.h"

#define PL_GOAL_WHY "Why"

/* What a goal's front matter says, borrowed from its entry. */
struct pl_goal {
	const char	*title;
	const char	*term;
	const char	*status;
	const char	*created;
	const char	*due;		/* NULL when none */
	const char	*parent;	/* NULL when none */
	size_t		 done;		/* ticked steps */
	size_t		 total;		/* steps */
	/* Set by pl_goals_read() alone: */
	int		 overdue;	/* active, and its due date passed */
	long		 up;		/* index of its parent, or -1 */
	long		 down;		/* the first goal under it, or -1 */
	long		 next;		/* the next under its parent, or -1 */
};

/* Fills g from entry e (a goal); pointers live as long as e. */
void	 pl_goal_get(struct pl_goal *g, const struct pl_entry *e);

/* Every committed goal, read together so goals can see each other. */
struct pl_goals {
	struct pl_entries	 l;	/* sorted by id */
	struct pl_goal		*g;	/* g[i] is l.v[i]'s */
};

/*
 * Reads every goal as pl_entry_list() does (warnings likewise) and fills
 * each one's overdue and up: a goal sits under its parent when the
 * parent is there and has no parent itself, so goals nest one level and
 * a loop in hand-edited files cannot hide one.  A long-term goal with no
 * steps of its own has as progress the steps of the goals under it that
 * are not dropped.  Release with pl_goals_release().
 */
int	 pl_goals_read(struct pl_goals *out, struct pl_portfolio *,
	    struct pl_strlist *warnings) PL_WUR;

/*
 * pl_goals_read() of goal id and the goals whose parent it is alone, as
 * the whole read would give them (their up, overdue and progress): all
 * that showing goal id needs, without reading every goal.  Warnings are
 * those of the goals read.
 */
int	 pl_goals_read_under(struct pl_goals *out, struct pl_portfolio *,
	    const char *id, struct pl_strlist *warnings) PL_WUR;
void	 pl_goals_release(struct pl_goals *);

/* The index of goal id in gs, or -1. */
long	 pl_goals_find(const struct pl_goals *gs, const char *id);

/*
 * The evidence or reflections (kind) whose 'goals' list names id, newest
 * first (by date, then id).  Files that cannot be read add warnings.
 * Release with pl_entries_release().
 */
int	 pl_goal_linked(struct pl_entries *out, struct pl_portfolio *,
	    enum pl_kind kind, const char *id, struct pl_strlist *warnings)
	    PL_WUR;

/* 1 when s is a term word (short, long), a status word, else 0. */
int	 pl_goal_term_valid(const char *s);
int	 pl_goal_status_valid(const char *s);

/* What pl_goal_add() makes. */
struct pl_goal_spec {
	const char		*id;		/* NULL: from the title */
	const char		*title;
	const char		*term;		/* NULL: short */
	const char		*due;		/* YYYY-MM-DD, today... or NULL */
	const char		*parent;	/* id of a long-term goal */
	const char		*why;
	struct pl_strlist	 steps;
	struct pl_strlist	 standards;	/* full codes */
};

/*
 * Adds a goal and commits it.  PL_EINVAL for an empty title, a bad term,
 * date or id, a parent that is not a long-term goal or given for a
 * long-term one; PL_ENOTFOUND for an unknown parent; PL_EEXISTS when the
 * given id is taken.  *out_id gets the new id (the caller frees).
 */
int	 pl_goal_add(char **out_id, struct pl_portfolio *,
	    const struct pl_goal_spec *) PL_WUR;

/* Adds step text to the goal's Steps and commits.  *out_n: its number. */
int	 pl_goal_step(size_t *out_n, struct pl_portfolio *, const char *id,
	    const char *text) PL_WUR;

/*
 * Ticks (done 1) or unticks step n (1-based) and commits.  PL_EINVAL for
 * a step number the goal does not have, PL_ENOCHANGE when it already
 * was so.
 */
int	 pl_goal_tick(struct pl_portfolio *, const char *id, long n,
	    int done) PL_WUR;

/* Sets the goal's status and commits; PL_ENOCHANGE when it already was. */
int	 pl_goal_set_status(struct pl_portfolio *, const char *id,
	    const char *status) PL_WUR;

/* Appends the goal's "Pl-Status:" and "Pl-Progress:" trailers. */
void	 pl_goal_trailers(const struct pl_entry *, struct pl_strlist *out);

/* Checks an edited goal: title, term, status, dates. */
int	 pl_goal_check(const struct pl_entry *) PL_WUR;

/* What entry calls of a goal: pl_goal_check(), pl_goal_trailers(). */
extern const struct pl_kind_ops pl_goal_ops;

#endif
