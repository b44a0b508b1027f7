/*
 * Alignment of goals and evidence to curriculum standards, ratings of
 * evidence against them, and the coverage they add up to.  Entries name
 * standards by full code in their "standards" list; evidence keeps its
 * ratings under "ratings", one mapping each (standard, level, by, date,
 * note).  Evidence that serves a goal counts toward the goal's
 * standards as well as its own.
 */
#ifndef PL_ALIGN_H
#define PL_ALIGN_H

#include <stddef.h>

#include "pl/entries/entry.h"
#include "pl/progress/mastery.h"
#include "pl/entries/standards.h"

/*
 * Appends to out the full code of each of codes, as pl_standards_find()
 * resolves them against the portfolio's frameworks (each once, in the
 * order given).  Its errors; PL_ENOTFOUND "no standards in the
 * portfolio; import a framework with 'pl align import'" when there are
 * none.
 */
int	 pl_align_resolve(struct pl_strlist *out, struct pl_portfolio *,
	    const struct pl_strlist *codes) PL_WUR;

/*
 * Adds codes (full codes, from pl_align_resolve()) to the standards of
 * the goal or evidence id, or with remove takes them out, and commits
 * "<kind>: align <id> ..." with a "Pl-Standard:" trailer per code.  A
 * code to remove may be named as pl_standards_find() would find it
 * among the entry's own codes.  PL_ENOTFOUND for an unknown id or a
 * code to remove that the entry does not have; PL_ENOCHANGE when every
 * code to add is there already.
 */
int	 pl_align_entry(struct pl_portfolio *, enum pl_kind, const char *id,
	    const struct pl_strlist *codes, int remove) PL_WUR;

struct pl_rate_spec {
	const char	*evidence;	/* id */
	const char	*code;		/* as given: resolved here */
	const char	*level;		/* "3", "2.5", "proficient" */
	const char	*by;		/* "Name <email>", NULL: the author */
	const char	*date;		/* NULL: today */
	const char	*note;		/* or NULL */
};

/*
 * Appends a rating to the evidence's "ratings" (adding the code to its
 * standards when it is not there) and commits "evidence: rate <id> ..."
 * with the rater as author and trailers Pl-Standard, Pl-Level and
 * Pl-Rater.  Everything is checked before anything is written.
 * PL_ENOTFOUND for unknown evidence or code, PL_EINVAL for a
 * bad level, date or rater, PL_EPARSE for ratings that are not a list
 * of mappings.
 */
int	 pl_rate(struct pl_portfolio *, const struct pl_rate_spec *) PL_WUR;

/*
 * Appends to out (one struct pl_rating per rating, strings borrowed
 * from e, which must outlive them) the ratings of evidence e.
 * PL_EPARSE "evidence/x.md:LINE: rating N: ..." for a rating without a
 * standard or with a level not on scale.
 */
int	 pl_ratings_read(struct pl_rating **v, size_t *n,
	    const struct pl_entry *e, const struct pl_scale *) PL_WUR;

/*
 * The standards a learner's shares (covered, mastered) are of: every
 * standard of the frameworks; those of the learner's grade (the
 * profile's) and those aligned; or those aligned to a goal or evidence
 * alone.  A grade scope without a grade in the profile, or with a grade
 * no standard has, falls back to the aligned.
 */
enum pl_scope {
	PL_SCOPE_ALL,
	PL_SCOPE_GRADE,
	PL_SCOPE_ALIGNED
};

/* "all", "grade", "aligned", NULL terminated. */
extern const char *const pl_scope_names[];

/* The scope name names; PL_EINVAL "unknown scope 'x' (use ...)". */
int	 pl_scope_parse(enum pl_scope *out, const char *name) PL_WUR;

/*
 * The scope used when asked is asked for and the profile's grade is
 * grade (NULL: none), of which the frameworks have of_grade standards:
 * asked, but grade falls back to aligned without a grade (an empty one
 * is none) or without a standard of it.
 */
enum pl_scope pl_scope_used(enum pl_scope asked, const char *grade,
	    size_t of_grade);

/*
 * Appends to out, for a reader, the standards of scope used (asked
 * for, with grade, the profile's or NULL): "the standards of grade 7
 * and those aligned", "the standards aligned (the profile has no grade)",
 * "every standard of the frameworks".
 */
void	 pl_scope_words(struct pl_buf *out, enum pl_scope asked,
	    enum pl_scope used, const char *grade);

/* Which standards pl_align_status() looks at; NULL fields: all. */
struct pl_align_scope {
	const char	*framework;
	const char	*grade;		/* one grade, a span taking it in */
	const char	*subject;
	const char	*goal;		/* the standards of this goal */
	enum pl_scope	 learner;	/* also only these (0: all) */
	const char	*learner_grade;	/* the profile's grade, or NULL */
};

struct pl_align_row {
	const struct pl_standard *std;
	struct pl_strlist	 goals;		/* aligned goal ids */
	struct pl_strlist	 evidence;	/* aligned evidence ids */
	struct pl_rating	*ratings;	/* in work order */
	size_t			 nratings;
	struct pl_mastery	 mastery;
};

struct pl_align_status {
	struct pl_align_row	*rows;		/* in framework order */
	size_t			 n;
	/*
	 * The standards of the learner's scope, used: n, or for
	 * pl_align_status_of(), whose rows are the standards its entries
	 * name, all of those the scope takes in; the rows among them
	 * with evidence, and mastered.
	 */
	enum pl_scope		 scope;		/* as used (see pl_scope) */
	char			*grade;		/* the learner's, or NULL */
	size_t			 in_scope;
	size_t			 covered;
	size_t			 mastered;
	size_t			 total;		/* every standard of the
						   frameworks */
	/*
	 * What its warnings left out, one count per warning: framework
	 * files not read; ratings (one without a standard, with a level
	 * off the scale, which leaves out its evidence's other ratings
	 * too, or naming a standard no framework has); links of a goal or
	 * evidence to standards (a code no framework has, or a standards
	 * list that is not a list).
	 */
	size_t			 left_files;
	size_t			 left_ratings;
	size_t			 left_links;
	/* private: what the rows borrow from */
	struct pl_standards	 stds;
	struct pl_entries	 goals, evidence;
	int			 borrowed;	/* goals, evidence not ours */
};

/*
 * The coverage of the standards in scope: for each, the goals and
 * evidence aligned (evidence counts toward its goals' standards), its
 * ratings and its mastery by method on scale.  Files that cannot be
 * read are left out with a warning.  PL_ENOTFOUND for an unknown goal.
 * Release with pl_align_status_release().
 */
int	 pl_align_status(struct pl_align_status *out, struct pl_portfolio *,
	    const struct pl_scale *, enum pl_method,
	    const struct pl_align_scope *, struct pl_strlist *warnings) PL_WUR;

/*
 * As pl_align_status() with the goals and evidence already read (sorted
 * by id, as pl_entry_list() leaves them), for the standards they name
 * alone (of scope, only learner and learner_grade count: the totals'
 * scope): the status borrows them, so they must outlive it.
 */
int	 pl_align_status_of(struct pl_align_status *out,
	    struct pl_portfolio *, const struct pl_scale *, enum pl_method,
	    const struct pl_align_scope *, const struct pl_entries *goals,
	    const struct pl_entries *evidence,
	    struct pl_strlist *warnings) PL_WUR;

void	 pl_align_status_release(struct pl_align_status *);

/*
 * Writes scale as the [align] section of .plconfig (replacing the one
 * there; the rest of the file kept) and commits "align: scale ...".
 * pl_scale_check()'s errors; PL_ENOCHANGE when it is so already.
 */
int	 pl_scale_save(struct pl_portfolio *, const struct pl_scale *) PL_WUR;

#endif
