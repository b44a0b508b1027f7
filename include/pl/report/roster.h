/*
 * A class at a glance: a roster file names each learner's portfolio;
 * pl_roster_build() reads every portfolio (on all cores) into one row per
 * learner, ordered so that those who need attention come first, and a
 * view of the class per standard, stuck standards first.  A portfolio
 * that is missing or cannot be read is a row that says so; the rest of
 * the class still comes out.  One renderer per format, as for a
 * learner's report (report.h).
 */
#ifndef PL_ROSTER_H
#define PL_ROSTER_H

#include <stddef.h>

#include "pl/base/error.h"
#include "pl/report/report.h"
#include "pl/base/util.h"

/* The JSON schema's version (docs/report-schema.md, "Roster"). */
#define PL_ROSTER_VERSION 2

/* Evidence is counted over these windows, ending on the as-of day. */
#define PL_ROSTER_RECENT_SHORT	14
#define PL_ROSTER_RECENT_LONG	30

/* One line of a roster file, as written. */
struct pl_roster_row {
	size_t			 line;		/* in the file, 1-based */
	char			*learner;
	char			*portfolio;	/* a path or a git URL */
	char			*group;		/* "" when no column */
	char			*teacher;	/* "" when no column */
	char			*family;	/* email(s), "" when none */
	struct pl_strlist	 extra;		/* the other columns' values,
						   in pl_roster.extra order */
};

/* A roster file: its rows, in file order. */
struct pl_roster {
	char			*path;
	struct pl_strlist	 extra;		/* the other columns' names */
	struct pl_roster_row	*rows;
	size_t			 n;
};

/*
 * Reads the CSV roster at path ("-": standard input): a header line with
 * the columns learner and portfolio, and optionally group, teacher and
 * family (names in any case and order); other columns are kept as
 * extra.  A header without learner or portfolio, a file that is not
 * CSV, or no header at all: PL_EPARSE "ROSTER:LINE: what".  Rows whose
 * cells are missing or empty are kept (pl_roster_build() makes each a
 * row that says what is wrong); blank lines are skipped.  Free with
 * pl_roster_release().
 */
int	 pl_roster_read(struct pl_roster *out, const char *path) PL_WUR;

void	 pl_roster_release(struct pl_roster *);

/*
 * Where the portfolio of row is: a local path as written (relative to
 * the roster file's folder), or for a git URL (scheme://..., user@host:
 * path, file://...) its clone in clones: <clones>/<host>/<path>, the
 * path without a trailing ".git" (https://git.school.example/7b/ana.git
 * -> <clones>/git.school.example/7b/ana).  The caller frees *out.
 * PL_EINVAL for a URL whose host or path would leave clones ("..").
 */
int	 pl_roster_locate(char **out, const struct pl_roster *,
	    const struct pl_roster_row *, const char *clones) PL_WUR;

/* 1 when s is a git URL rather than a local path. */
int	 pl_roster_is_url(const char *s);

/* What became of a learner's portfolio. */
enum pl_roster_state {
	PL_ROSTER_READ,		/* read: the numbers below hold */
	PL_ROSTER_BAD_ROW,	/* the roster's row is incomplete or a
				   repeat */
	PL_ROSTER_MISSING,	/* no such folder (or not cloned yet) */
	PL_ROSTER_NOT_PORTFOLIO,
	PL_ROSTER_BROKEN	/* a portfolio that could not be read */
};

/* "read", "bad-row", "missing", "not-portfolio", "broken". */
extern const char *const pl_roster_state_names[];

/* Where a learner stands on one standard. */
enum pl_roster_mastery {
	PL_ROSTER_NONE,		/* no evidence aligned */
	PL_ROSTER_EVIDENCE,	/* evidence, no rating */
	PL_ROSTER_DEVELOPING,	/* rated, not mastered */
	PL_ROSTER_MASTERED
};

/* "none", "evidence", "developing", "mastered". */
extern const char *const pl_roster_mastery_names[];

/* A learner's standing on a standard of the class view. */
struct pl_roster_mark {
	size_t			 standard;	/* index in report's
						   standards */
	enum pl_roster_mastery	 state;
	double			 score;		/* 0 without a score */
	int			 scored;	/* has one: rated, and for
						   n-times N at mastery */
};

/* One learner, as the class report shows them. */
struct pl_roster_learner {
	const struct pl_roster_row *row;	/* in the report's roster */
	char			*path;		/* the portfolio's folder, or
						   NULL when it has none */
	char			*page;		/* their own page's file name
						   ("ana-lopez.html"), unique
						   in the report; NULL when
						   not read */
	enum pl_roster_state	 state;
	char			*problem;	/* why not read, or NULL */

	/* From the portfolio (state PL_ROSTER_READ alone). */
	char			 commit[41];
	char			 commit_date[11];
	char			*name;		/* the profile's, or NULL */
	size_t			 goals;		/* every goal */
	size_t			 active, met;
	size_t			 overdue, stalled, behind;
	size_t			 evidence_short; /* last 14 days */
	size_t			 evidence_long;	/* last 30 days */
	char			 last_activity[11]; /* last change, "" none */
	char			 last_evidence[11]; /* "" when none */
	long			 days_since;	/* since last evidence (or
						   since the portfolio began),
						   -1: unknown */
	long			 stalled_days;	/* the portfolio's setting */
	size_t			 in_scope;	/* standards of its
						   frameworks */
	size_t			 covered;	/* with evidence */
	size_t			 mastered;
	struct pl_report_scope	 scope;		/* the shares shown */
	/* In the window (with since alone). */
	size_t			 window_evidence;
	size_t			 window_steps;
	size_t			 window_met;
	size_t			 window_ratings;
	size_t			 window_moved;	/* standards whose mastery
						   moved */
	size_t			 warnings;	/* the report's warnings */
	struct pl_report_left_out left_out;	/* what they left out */

	/* Why they need attention, in words; "" when they do not. */
	char			*reasons;
	unsigned		 nreasons;
	struct pl_roster_mark	*marks;		/* those it has, by
						   standard index */
	size_t			 nmarks;
};

/* A standard of the class view, with how many learners stand where. */
struct pl_roster_standard {
	char			*code;
	char			*framework;
	char			*description;
	size_t			 mastered;
	size_t			 developing;
	size_t			 evidence;	/* evidence, no rating */
	size_t			 none;		/* read, but no evidence */
};

struct pl_roster_report {
	char			*roster;	/* the file's path as given */
	char			 as_of[11];	/* the day */
	char			*since;		/* the window, or NULL */
	char			*until;
	enum pl_report_view	 view;
	enum pl_scope		 scope;		/* the shares' asked for */
	char			*group;		/* the --group, or NULL */
	struct pl_strlist	 extra;		/* extra column names */

	/* Those who need attention first (see pl_roster_build()). */
	struct pl_roster_learner *learners;
	size_t			 n;
	size_t			 read;		/* state PL_ROSTER_READ */
	size_t			 attention;	/* with reasons */
	size_t			 failed;	/* not read */

	/* Stuck first: most learners developing or with evidence not
	   rated, then fewest mastered, then by code. */
	struct pl_roster_standard *standards;
	size_t			 nstandards;

	struct pl_roster	 list;		/* the roster read */
};

struct pl_roster_options {
	struct pl_report_options report;	/* as_of must be a date;
						   the view is the teacher's
						   unless family */
	const char		*group;		/* only this group, or NULL */
	const char		*clones;	/* where URLs are cloned */
	const char		*clone_command;	/* what clones them ("pl
						   roster sync class.csv"),
						   said to a learner not
						   cloned yet, or NULL */
	unsigned		 jobs;		/* threads; 0: one per core */
	/*
	 * Called after each portfolio, from the thread that read it but
	 * never from two at once: done of total.
	 */
	void			(*progress)(size_t done, size_t total,
				    void *arg);
	void			*arg;
	/*
	 * When set, each learner's own report (the view of report) is
	 * rendered by page (which appends HTML, as pl_report_html() does)
	 * and written to pages_dir/<page>, from the thread that read it.
	 */
	const char		*pages_dir;
	void			(*page)(struct pl_buf *out,
				    const struct pl_report *);
};

/*
 * Reads the roster at path and every learner's portfolio in it (those of
 * group alone when set), on jobs threads.  Learners whose portfolio
 * could not be read come first, in roster order (failed counts them).
 * A learner read needs attention when they have had no evidence for
 * their portfolio's stalled days (report.stalledDays) or more; any goal
 * is overdue, stalled or behind pace; no goal is active; or files of
 * the portfolio could not be read, or ratings or links to standards
 * were left out (pl_report_left_out).  They come next, those with the most
 * reasons leading, then those longest without evidence, then by name;
 * the rest follow by name.  The class view holds each standard aligned
 * to anything in at least one portfolio read.  Fails (nothing built)
 * with pl_roster_read()'s errors, PL_EINVAL for an as_of that is not a
 * date, PL_ENOTFOUND for a group no row has, or a failure writing a
 * page.  Free with pl_roster_report_free().
 */
int	 pl_roster_build(struct pl_roster_report **out, const char *path,
	    const struct pl_roster_options *) PL_WUR;

/*
 * Checks the rows of the n learners of v (row set, the rest zero) as
 * pl_roster_build() does before it reads a portfolio: a row with no
 * learner name or portfolio, or a URL that would leave clones, and a
 * row that repeats an earlier one, the same learner name in any case
 * ("line 8: 'ana' is listed already (line 2)") or the same folder
 * ("line 8: the same portfolio as 'Ana' (line 2)"), gets state
 * PL_ROSTER_BAD_ROW and problem; the others get path
 * (pl_roster_locate()).  The caller frees each path and problem.
 */
void	 pl_roster_check(struct pl_roster_learner *v, size_t n,
	    const struct pl_roster *, const char *clones);

void	 pl_roster_report_free(struct pl_roster_report *);

/*
 * Appends to out, for a reader, what the learners' shares (mastered,
 * covered) are of: "Mastered and covered: of the standards of each
 * learner's grade and those aligned", and for how many learners read
 * the scope fell back to the standards aligned.
 */
void	 pl_roster_scope_words(struct pl_buf *out,
	    const struct pl_roster_report *);

/*
 * The renderers: each appends the whole class report to out.  Text:
 * aligned columns, colour escapes only when colour is set.  Markdown
 * for a wiki.  HTML: one self-contained class page (inline CSS and SVG,
 * no script), each learner's name linking their page when
 * links is set.  CSV: one row per learner (extra columns last), or with
 * standards one row per standard of the class view; cells a
 * spreadsheet would run are neutralised.  JSON: docs/report-schema.md.
 */
void	 pl_roster_text(struct pl_buf *out, const struct pl_roster_report *,
	    int colour);
void	 pl_roster_md(struct pl_buf *out, const struct pl_roster_report *);
void	 pl_roster_html(struct pl_buf *out, const struct pl_roster_report *,
	    int links);
void	 pl_roster_csv(struct pl_buf *out, const struct pl_roster_report *,
	    int standards);
void	 pl_roster_json(struct pl_buf *out, const struct pl_roster_report *);

#endif
