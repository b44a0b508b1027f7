/*
 * Internal: the state of one pl_report_build() (report.c), which its
 * parts share: the walk of history (report-history.c), what moved in
 * the window (report-moves.c), which commit and days the report speaks
 * of (report-window.c), and freeing (report-free.c).
 */
#ifndef PL_REPORT_BUILD_H
#define PL_REPORT_BUILD_H

#include "pl/base/date.h"
#include "pl/base/util.h"
#include "pl/entries/entry.h"
#include "pl/entries/goal.h"
#include "pl/progress/align.h"

/* Used by pointer alone, so that this header needs no other of report/. */
struct pl_portfolio;
struct pl_report;
struct pl_report_event;
struct pl_report_options;
struct pl_report_person;
struct pl_verifier;
struct pl_verscache;
struct pl_visibility;
struct seen;

struct build {
	struct pl_report		*r;
	struct pl_portfolio		*p;		/* read: head or own */
	struct pl_portfolio		*own;		/* opened here */
	const struct pl_report_options	*o;
	struct pl_date			 day;		/* as of */
	struct pl_date			 since, until;
	int				 window;
	long				 first_week;	/* its Monday's days */
	struct pl_strlist		 hidden;	/* "kind/id" left out */
	/* The entries, read once for everything. */
	struct pl_entry			*profile;	/* or NULL */
	struct pl_goals			 gs;
	struct pl_entries		 ev, refl;
	struct pl_align_status		 st;
	int				 have_st;
	struct pl_verifier		*verifier;	/* NULL: no keys */
	/* The family view: what is left out (NULL in the others). */
	struct pl_visibility		*vis;
	struct pl_verscache		*versions;	/* what versions
							   said, cached */
	/* The walk's changes, counted once what is left out is known. */
	struct seen			*seen;
	size_t				 nseen, capseen;
	size_t				 nevents;	/* of them, events */
	struct pl_report_person		*persons;	/* every author */
	size_t				 npersons;
	/* The commit before the window, for what moved. */
	struct pl_portfolio		*then;		/* or NULL: none */
	struct pl_entries		 then_goals, then_ev, then_refl;
	struct pl_entries		 then_own[3];	/* read, not
							   borrowed */
	struct pl_align_status		 then_st;	/* its standards */
	int				 have_then_st;
	struct pl_strlist		 then_hidden;	/* "kind/id" */
};

/* A copy of s, or NULL for NULL. */
static inline char *
dup_or_null(const char *s)
{
	return s != NULL ? pl_xstrdup(s) : NULL;
}

/*
 * The walk back from the report's commit, and for a window the commit
 * before it; in the family view, what is left out (b->hidden).
 */
int	 pl_report_read_history(struct build *b) PL_WUR;

/* The weeks of activity the report shows, from b's window or as-of day. */
void	 pl_report_add_weeks(struct build *b);

/* The walk's changes counted, once what is left out is known. */
void	 pl_report_count_changes(struct build *b);

/* Frees what the walk kept in b. */
void	 pl_report_release_walk(struct build *b);

/* Mastery that moved in the window, into b's report. */
void	 pl_report_add_moves(struct build *b);

/*
 * The commit (b->p, or b->own opened here) and the days (b->day, the
 * window) of o: PL_EINVAL for a bad date or window, PL_ENOTFOUND for an
 * unknown revision or a date before the first commit.
 */
int	 pl_report_pick_commit(struct build *b, struct pl_portfolio *head)
	    PL_WUR;

/* Frees what a person or an event of a report holds, not it. */
void	 pl_report_person_release(struct pl_report_person *p);
void	 pl_report_event_release(struct pl_report_event *e);

#endif
