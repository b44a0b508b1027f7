/*
 * A learner's report: where things stand (read from one committed tree)
 * and how they got there (read from the commit log, trailers first), for
 * the learner, a teacher or the family.  pl_report_build() gathers it
 * into the plain data below; one renderer per format (text, Markdown,
 * HTML, CSV, JSON) turns that into bytes.  Nothing here depends on the
 * clock, the locale or the terminal: the same commit and the same
 * options give the same bytes.
 */
#ifndef PL_REPORT_H
#define PL_REPORT_H

#include <stddef.h>

#include "pl/progress/align.h"
#include "pl/base/error.h"
#include "pl/progress/mastery.h"
#include "pl/store/portfolio.h"
#include "pl/base/util.h"

/* The JSON schema's version (docs/report-schema.md). */
#define PL_REPORT_VERSION 2

/* Days without evidence after which an active goal is stalled. */
#define PL_REPORT_STALLED_DAYS 21
/* Weeks of activity shown when no --since is given. */
#define PL_REPORT_WEEKS 12

enum pl_report_view {
	PL_VIEW_LEARNER,	/* goals and next steps first */
	PL_VIEW_TEACHER,	/* dense, flags first */
	PL_VIEW_FAMILY		/* plain words, no codes, nothing private */
};

/* The view names in enum order, NULL terminated: "learner"... */
extern const char *const pl_report_view_names[];

struct pl_report_options {
	const char		*as_of;		/* DATE or REV; NULL: HEAD,
						   today */
	const char		*since;		/* DATE or NULL */
	const char		*until;		/* DATE or NULL */
	enum pl_report_view	 view;
	int			 method_set;	/* --method given */
	enum pl_method		 method;
	int			 codes;		/* family: show codes too */
	enum pl_scope		 scope;		/* the shares' standards;
						   0: every one (--scope
						   all) */
};

enum pl_pace {
	PL_PACE_NONE,		/* no due date or no steps, or not active */
	PL_PACE_BEHIND,
	PL_PACE_ON,
	PL_PACE_AHEAD
};

/* "", "behind", "on", "ahead". */
extern const char *const pl_pace_names[];

struct pl_report_goal {
	char			*id;
	char			*title;
	char			*term;		/* short, long */
	char			*status;	/* active, met, paused, dropped */
	char			*created;	/* YYYY-MM-DD or NULL */
	char			*due;		/* or NULL */
	char			*parent;	/* or NULL */
	char			*why;		/* Markdown, or NULL */
	size_t			 done;		/* steps ticked */
	size_t			 total;
	struct pl_strlist	 next;		/* steps not ticked, in order */
	struct pl_strlist	 evidence;	/* linked ids, newest first */
	struct pl_strlist	 reflections;	/* linked ids, newest first */
	struct pl_strlist	 standards;	/* full codes */
	char			*last_evidence;	/* date, or NULL */
	long			 days_since;	/* since last evidence (or
						   since created); -1:
						   unknown */
	long			 due_in;	/* days to due; <0 past; 0
						   without due */
	int			 overdue;
	int			 stalled;
	enum pl_pace		 pace;
	double			 time_share;	/* of created..due passed,
						   0..1, whatever the status
						   or steps; 0 without due
						   or created */
};

/* An attached file as the family's page shows it. */
struct pl_report_file {
	int			 may_show;	/* the view may show it:
						   pl_report_build() says */
	int			 image;		/* PNG, JPEG, GIF or WebP, by
						   its bytes */
	char			*href;		/* "files/quiz/a.jpg" or a
						   data: URI; NULL: named only
						   (pl_report_attach()) */
};

struct pl_report_evidence {
	char			*id;
	char			*title;
	char			*date;
	char			*kind;
	char			*description;	/* Markdown, or NULL */
	struct pl_strlist	 goals;
	struct pl_strlist	 standards;
	struct pl_strlist	 files;		/* attached: names */
	struct pl_report_file	*shown;		/* the family view: one per
						   file; else NULL */
};

struct pl_report_reflection {
	char			*id;
	char			*date;
	char			*summary;	/* first words */
	char			*body;		/* Markdown */
	struct pl_strlist	 goals;
	struct pl_strlist	 evidence;
};

/* A standard's mastery after each rating, in the order the work was done. */
struct pl_report_point {
	char			 date[11];	/* the work's date */
	double			 level;		/* that rating */
	double			 score;		/* mastery after it */
	int			 scored;	/* it has a score (n-times:
						   N ratings at mastery) */
	size_t			 at_mastery;	/* ratings at mastery so far */
};

struct pl_report_standard {
	char			*code;
	char			*framework;
	char			*grade;
	char			*subject;
	char			*description;
	size_t			 goals;		/* aligned goals */
	size_t			 evidence;	/* aligned evidence */
	size_t			 ratings;
	double			 score;		/* mastery, to two places; 0
						   without a score */
	int			 mastered;
	char			*level;		/* the score's level name, or
						   NULL without a score */
	struct pl_report_point	*points;	/* ratings in work order */
	size_t			 npoints;
	int			 scored;	/* rated, and for n-times N
						   ratings at mastery */
	double			 score_unrounded; /* before rounding */
	size_t			 at_mastery;	/* ratings at mastery or
						   above */
};

/*
 * The standards the shares are of (pl_scope), and the shares: covered
 * (with evidence) and mastered, of the standards in scope.
 */
struct pl_report_scope {
	enum pl_scope		 asked;
	enum pl_scope		 used;		/* grade falls back to
						   aligned */
	char			*grade;		/* the profile's, or NULL */
	size_t			 standards;	/* in scope */
	size_t			 covered;
	size_t			 mastered;
};

/* What happened in one week (Monday to Sunday) of the window. */
struct pl_report_week {
	char			 monday[11];
	unsigned		 evidence;	/* evidence added */
	unsigned		 reflections;
	unsigned		 steps;		/* steps ticked */
	unsigned		 ratings;
	unsigned		 other;		/* other changes */
};

/* A commit author and what they did (in the window, else all history). */
struct pl_report_person {
	char			*name;
	char			*email;
	char			*first;		/* date of first change */
	char			*last;
	unsigned		 changes;	/* every change */
	unsigned		 goals;		/* goals set */
	unsigned		 steps;		/* steps ticked */
	unsigned		 evidence;	/* evidence added */
	unsigned		 reflections;
	unsigned		 ratings;
};

/* One change in the window (--since), newest first. */
enum pl_event_type {
	PL_EVENT_GOAL_SET,
	PL_EVENT_STEP_DONE,
	PL_EVENT_GOAL_MET,
	PL_EVENT_EVIDENCE,
	PL_EVENT_REFLECTION,
	PL_EVENT_RATING
};

/* "goal-set", "step-done", "goal-met", "evidence", "reflection", "rating". */
extern const char *const pl_event_names[];

struct pl_report_event {
	enum pl_event_type	 type;
	char			 date[11];
	char			*author;
	char			*id;		/* the entry's id */
	char			*detail;	/* the commit's sentence (a
						   rating's names the rater's
						   email: the human views say
						   pl_report_event_words()) */
	char			*standard;	/* ratings: the code, or NULL */
	char			*level;		/* ratings: "3", or NULL */
	int			 verified;	/* ratings, when keys are
						   trusted (pl/progress/verify.h): 1
						   signed by a key it trusts,
						   -1 a bad signature, 0 not
						   (see pl/progress/verify.h) */
};

/* Mastery that moved in the window, per standard. */
struct pl_report_move {
	char			*code;
	char			*description;
	int			 had;		/* rated before the window */
	double			 from;		/* score before; 0 without */
	int			 has;		/* rated at its end */
	double			 to;		/* score at the end; 0 without */
	int			 was_mastered;
	int			 mastered;
	int			 from_scored;	/* had a score before (n-times
						   may not, though rated) */
	int			 to_scored;	/* has one at the end */
};

/*
 * What a report's warnings left out, one count per warning, so they add
 * up to the warnings: files not read (a goal, evidence, reflection, the
 * profile or a framework that does not parse), ratings (one without a
 * standard or with a level off the scale, which leaves out its
 * evidence's other ratings too, or naming a standard no framework has),
 * links of a goal or evidence to standards (a code no framework has, a
 * standards list that is not a list).
 */
struct pl_report_left_out {
	size_t			 files;
	size_t			 ratings;
	size_t			 links;
};

struct pl_report {
	/* Where it was made from. */
	char			 commit[41];	/* hex id */
	char			 commit_date[11];
	char			 as_of[11];	/* the day flags are for */
	char			*since;		/* the window, or NULL */
	char			*until;
	char			 week_from[11];	/* first week's Monday */
	enum pl_report_view	 view;
	int			 codes;		/* show codes (not family, or
						   asked) */
	long			 stalled_days;	/* the setting used */

	/* The profile in brief; sections are lists of items. */
	char			*name;
	char			*learner_id;
	char			*grade;		/* or NULL */
	char			*started;	/* or NULL */
	struct pl_strlist	 strengths;
	struct pl_strlist	 needs;
	struct pl_strlist	 interests;
	struct pl_strlist	 learns_best;
	int			 profile_hidden; /* the family view left
						   out its sections */

	struct pl_report_goal		*goals;		/* by id */
	size_t				 ngoals;
	struct pl_report_evidence	*evidence;	/* newest first */
	size_t				 nevidence;
	struct pl_report_reflection	*reflections;	/* newest first */
	size_t				 nreflections;

	/* Standards: those aligned to anything, in framework order. */
	struct pl_scale			 scale;
	enum pl_method			 method;	/* the one used */
	struct pl_report_standard	*standards;
	size_t				 nstandards;
	size_t				 in_scope;	/* standards of the
							   portfolio's
							   frameworks */
	size_t				 covered;	/* with evidence */
	size_t				 mastered;
	struct pl_report_scope		 scope;		/* the shares */

	struct pl_report_week		*weeks;		/* oldest first */
	size_t				 nweeks;
	struct pl_report_person		*people;	/* most changes first */
	size_t				 npeople;

	/* The window (only with since). */
	struct pl_report_event		*events;	/* newest first */
	size_t				 nevents;
	struct pl_report_move		*moves;		/* in framework order */
	size_t				 nmoves;
	int				 signatures;	/* ratings' signatures
							   checked: keys are
							   trusted (pl/progress/verify.h) */

	/* What was left out, and why ("goals/x.md:3: ..."). */
	struct pl_strlist		 warnings;
	struct pl_report_left_out	 left_out;	/* warnings.n, by
							   what each left
							   out */
};

/*
 * Builds the report of portfolio pf, read at HEAD (the caller's; a
 * revision the report needs is read from the same repository).  as_of:
 * a date (YYYY-MM-DD, "today", "yesterday") reads the portfolio at the
 * first commit "git log" lists from HEAD whose committer date in its own
 * time zone is on or before that day (pl_history_until()), and flags are
 * measured against that day;
 * anything else is a revision, whose commit's date is the day; NULL is
 * HEAD and today.  since and until: the window, whose changes are dated
 * by their author date in its own zone, as pl log dates them (until
 * defaults to the as-of day, and without as_of sets it).
 * Fails with pl_portfolio_open()'s errors, PL_EINVAL for a bad date or a
 * window that ends before it starts, PL_ENOTFOUND for an unknown
 * revision or a date before the first commit; a file that cannot be
 * read is a warning.  The family view leaves out what pl/entries/visibility.h
 * says, from every part of the report.  Free with pl_report_free().
 */
int	 pl_report_build(struct pl_report **out, struct pl_portfolio *pf,
	    const struct pl_report_options *) PL_WUR;

void	 pl_report_free(struct pl_report *);

/*
 * Checks o's window once its days are read (since and until as the
 * options give them, day the as-of day, as_of what named it): --until
 * not after the as-of day, the window not ending before it starts.
 * PL_EINVAL, saying which, else PL_OK.
 */
int	 pl_report_window(const struct pl_report_options *o,
	    struct pl_date since, struct pl_date until, struct pl_date day,
	    const char *as_of);

/*
 * Reads s, the date given to the option what ("--since"), as
 * pl_report_build() reads it: YYYY-MM-DD, today or yesterday, relative
 * to today.  PL_EINVAL naming what and s when it is no date.
 */
int	 pl_report_date(struct pl_date *out, const char *s,
	    struct pl_date today, const char *what) PL_WUR;

/* r's goal, evidence, reflection or standard of that id or code; NULL
   for none. */
const struct pl_report_goal *pl_report_goal_find(const struct pl_report *r,
	    const char *id);
const struct pl_report_evidence *pl_report_evidence_find(
	    const struct pl_report *r, const char *id);
const struct pl_report_reflection *pl_report_reflection_find(
	    const struct pl_report *r, const char *id);
const struct pl_report_standard *pl_report_standard_find(
	    const struct pl_report *r, const char *code);

/* Frees what r holds (a report filled by hand), not r itself. */
void	 pl_report_release(struct pl_report *r);

/* The largest image a page embeds, and all it embeds (pl-report(1)). */
#define PL_REPORT_EMBED_MAX	(256 * 1024)
#define PL_REPORT_EMBED_TOTAL	(4 * 1024 * 1024)

/* The folder of a page's files, beside it, and the note that marks it. */
#define PL_REPORT_FILES		"files"
#define PL_REPORT_FILES_NOTE	".made-by-pl"

/*
 * Makes the attached files of r's family view that it may show ready for
 * its HTML page, from the commit r was made from (read through head's
 * repository).  With dir NULL, images of at most PL_REPORT_EMBED_MAX
 * bytes are embedded as data: URIs while the page's total stays within
 * PL_REPORT_EMBED_TOTAL; the rest are named only.  With dir, each file
 * is copied to dir/prefix/ID/NAME for evidence/ID/NAME and linked as
 * prefix/ID/NAME; prefix ("files/", "files/ana/") lies under
 * dir/PL_REPORT_FILES, made with its note at the first copy.  A file that
 * cannot be read from the commit (a link, a submodule, a path that
 * leaves the folder, larger than PL_READ_MAX) is named only.  Fails with
 * pl_portfolio_open()'s errors and PL_ERROR when a copy cannot be
 * written.  Does nothing in the other views.
 */
int	 pl_report_attach(struct pl_report *r, struct pl_portfolio *head,
	    const char *dir, const char *prefix) PL_WUR;

/*
 * Removes dir/PL_REPORT_FILES before the pages about to be written to
 * dir copy their files there (pl_report_attach() makes it again with
 * its note): what a page written before showed (an entry private since)
 * is not left behind.  The folder is pl's when it holds the note
 * PL_REPORT_FILES_NOTE; PL_EEXISTS, touching nothing, when it is not.
 */
int	 pl_report_files_reset(const char *dir) PL_WUR;

/*
 * The one rule for the last evidence, which goals and the class report
 * share: days from date (evidence's, YYYY-MM-DD) to r's as-of day, or
 * -1 when date is not a date or comes after that day.  As of a day, the
 * last evidence is the newest dated on or before it; evidence dated
 * later is listed, but is neither the last evidence nor counted in any
 * span of days up to the as-of day.
 */
long	 pl_report_evidence_age(const struct pl_report *r, const char *date);

/*
 * The last evidence as of r's day once evidence dated date is seen, last
 * being the last so far (NULL: none): date when it counts as of that day
 * (pl_report_evidence_age()) and is newer than last, else last itself.
 */
const char *pl_report_last_evidence(const struct pl_report *r,
	    const char *last, const char *date);

/*
 * The one rule for an attached file a family may see: 1 when file k of
 * e is one the builder let the family view show (in the folder of
 * evidence it has, a plain path); 0 for evidence without its shown list
 * (another view, or a report built by hand), which shows nothing.
 */
int	 pl_report_file_shown(const struct pl_report_evidence *e, size_t k);

/*
 * Appends to out what an event of the window says in the text, Markdown
 * and HTML reports (unescaped): its detail, the commit's sentence, but
 * for a rating, whose sentence names the rater's email, "Rated ID: 3
 * (proficient)", the work named by its title when r shows no codes (the
 * family's).  No email address comes out of it; the JSON carries the
 * sentence itself.
 */
void	 pl_report_event_words(struct pl_buf *out, const struct pl_report *r,
	    const struct pl_report_event *e);

/*
 * The learner as every view names them: the profile's name, else (a
 * profile without one, or none) the learner's id, else "".  Borrowed
 * from r.
 */
const char *pl_report_learner_name(const struct pl_report *r);

/*
 * The learner's grade as every view but JSON says it: NULL when the
 * profile has none or an empty one.  Borrowed from r.
 */
const char *pl_report_grade(const struct pl_report *r);

/*
 * What the renderers say after a rating of the window: " (verified)",
 * " (bad signature)", " (not verified)" when r checked signatures, else
 * "".
 */
const char *pl_report_signature_words(const struct pl_report *r,
	    const struct pl_report_event *e);

/*
 * What standard s of r has reached, in words every renderer uses: its
 * level name; rated but without a score (n-times before N ratings at
 * mastery), "not yet (1 of 3 at mastery)"; else unrated.  Appends to
 * out.
 */
void	 pl_report_level_words(struct pl_buf *out, const struct pl_report *r,
	    const struct pl_report_standard *s, const char *unrated);

/*
 * Appends to out, for a reader, what the shares of sc are of and the
 * shares: "Of the standards of grade 7 and those aligned: 2 of 52
 * covered (3.8%), 1 mastered (1.9%)" (per cents by pl_percent(), none without
 * standards in scope).
 */
void	 pl_report_scope_words(struct pl_buf *out,
	    const struct pl_report_scope *sc);

/* A copy of sc in out (release with pl_report_scope_release()). */
void	 pl_report_scope_copy(struct pl_report_scope *out,
	    const struct pl_report_scope *sc);

void	 pl_report_scope_release(struct pl_report_scope *);

/*
 * The renderers: each appends the whole report to out.  Text is for a
 * terminal or a pipe: colour escapes only when colour is set; control
 * characters from the portfolio become spaces.
 * Markdown is for a wiki or an email.  HTML is one self-contained page
 * (inline CSS and SVG, no script, no outside request), Markdown from
 * the portfolio rendered by cmark without raw HTML or unsafe links.
 * CSV has one row per goal, or with standards one row per standard;
 * cells a spreadsheet would run as a formula are neutralised.  JSON
 * follows docs/report-schema.md.
 */
void	 pl_report_text(struct pl_buf *out, const struct pl_report *,
	    int colour);
void	 pl_report_md(struct pl_buf *out, const struct pl_report *);
void	 pl_report_html(struct pl_buf *out, const struct pl_report *);
void	 pl_report_csv(struct pl_buf *out, const struct pl_report *,
	    int standards);
void	 pl_report_json(struct pl_buf *out, const struct pl_report *);

#endif
