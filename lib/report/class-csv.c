/*
 * The class report as CSV, for a spreadsheet or a data warehouse: one
 * row per learner in the report's order (the roster's extra columns
 * last), or one per standard of the class.  Counts are numbers,
 * percentages have one decimal, and what is absent or unknown is an
 * empty cell: every number of a learner whose portfolio was not read,
 * the window's without a window.  Cells go through pl_csv_row(), which
 * neutralises formulas and ends rows with CR LF.
 */
#include <stdio.h>
#include <stdlib.h>

#include "pl/report/roster.h"
#include "pl/base/csv.h"
#include "base/render.h"

/* The learner columns, in order. */
enum {
	C_LEARNER, C_GROUP, C_TEACHER, C_STATE, C_PROBLEM, C_REASONS, C_NAME,
	C_GOALS, C_ACTIVE, C_MET, C_OVERDUE, C_STALLED, C_BEHIND, C_EV_SHORT,
	C_EV_LONG, C_LAST_ACTIVITY, C_LAST_EVIDENCE, C_DAYS, C_IN_SCOPE,
	C_COVERED, C_COVERED_PCT, C_MASTERED, C_MASTERED_PCT, C_W_EVIDENCE,
	C_W_STEPS, C_W_MET, C_W_RATINGS, C_W_MOVED, C_WARNINGS, C_COMMIT,
	C_COMMIT_DATE, C_PORTFOLIO, C_LEFT_FILES, C_LEFT_RATINGS,
	C_LEFT_LINKS, C_SCOPE, C_SCOPE_GRADE, C_SCOPE_STANDARDS,
	C_SCOPE_COVERED, C_SCOPE_COVERED_PCT, C_SCOPE_MASTERED,
	C_SCOPE_MASTERED_PCT, LEARNER_COLS
};

static const char *const learner_head[LEARNER_COLS] = { "learner",
	"group", "teacher", "state", "problem", "reasons", "name", "goals",
	"active", "met", "overdue", "stalled", "behind", "evidence_14d",
	"evidence_30d", "last_activity", "last_evidence",
	"days_since_evidence", "standards_in_scope", "covered", "covered_pct",
	"mastered", "mastered_pct", "window_evidence", "window_steps",
	"window_met", "window_ratings", "window_moved", "warnings", "commit",
	"commit_date", "portfolio", "left_out_files", "left_out_ratings",
	"left_out_links", "scope", "scope_grade", "scope_standards",
	"scope_covered", "scope_covered_pct", "scope_mastered",
	"scope_mastered_pct" };

static const char *const std_head[] = { "code", "framework",
	"description", "mastered", "developing", "evidence", "none",
	"learners" };
#define STD_COLS	(sizeof std_head / sizeof std_head[0])

/* The numbers of a learner read, by column; the rest stay empty. */
static void
numbers(char cell[][24], const struct pl_roster_report *r,
    const struct pl_roster_learner *l)
{
	const size_t	v[] = { l->goals, l->active, l->met, l->overdue,
	    l->stalled, l->behind, l->evidence_short, l->evidence_long };
	const size_t	w[] = { l->window_evidence, l->window_steps,
	    l->window_met, l->window_ratings, l->window_moved };
	size_t		i;

	for (i = 0; i < sizeof v / sizeof v[0]; i++)
		snprintf(cell[C_GOALS + i], 24, "%zu", v[i]);
	if (l->days_since >= 0)
		snprintf(cell[C_DAYS], 24, "%ld", l->days_since);
	snprintf(cell[C_IN_SCOPE], 24, "%zu", l->in_scope);
	snprintf(cell[C_COVERED], 24, "%zu", l->covered);
	pl_text_pct(cell[C_COVERED_PCT], 24, l->covered, l->in_scope);
	snprintf(cell[C_MASTERED], 24, "%zu", l->mastered);
	pl_text_pct(cell[C_MASTERED_PCT], 24, l->mastered, l->in_scope);
	for (i = 0; r->since != NULL && i < sizeof w / sizeof w[0]; i++)
		snprintf(cell[C_W_EVIDENCE + i], 24, "%zu", w[i]);
	snprintf(cell[C_WARNINGS], 24, "%zu", l->warnings);
	snprintf(cell[C_LEFT_FILES], 24, "%zu", l->left_out.files);
	snprintf(cell[C_LEFT_RATINGS], 24, "%zu", l->left_out.ratings);
	snprintf(cell[C_LEFT_LINKS], 24, "%zu", l->left_out.links);
	snprintf(cell[C_SCOPE_STANDARDS], 24, "%zu", l->scope.standards);
	snprintf(cell[C_SCOPE_COVERED], 24, "%zu", l->scope.covered);
	pl_text_pct(cell[C_SCOPE_COVERED_PCT], 24, l->scope.covered,
	    l->scope.standards);
	snprintf(cell[C_SCOPE_MASTERED], 24, "%zu", l->scope.mastered);
	pl_text_pct(cell[C_SCOPE_MASTERED_PCT], 24, l->scope.mastered,
	    l->scope.standards);
}

static void
learner_row(struct pl_buf *out, const struct pl_roster_report *r,
    const struct pl_roster_learner *l)
{
	const struct pl_roster_row	*row = l->row;
	char				 num[LEARNER_COLS][24] = { { 0 } };
	const char			**cells;
	size_t				 i, n = LEARNER_COLS + r->extra.n;
	int				 read = l->state == PL_ROSTER_READ;

	cells = pl_xcalloc(n, sizeof *cells);
	for (i = 0; i < LEARNER_COLS; i++)
		cells[i] = num[i];
	if (read)
		numbers(num, r, l);
	cells[C_LEARNER] = row->learner;
	cells[C_GROUP] = row->group;
	cells[C_TEACHER] = row->teacher;
	cells[C_STATE] = pl_roster_state_names[l->state];
	cells[C_PROBLEM] = l->problem;
	cells[C_REASONS] = l->reasons;
	cells[C_NAME] = read ? l->name : NULL;
	cells[C_LAST_ACTIVITY] = read ? l->last_activity : NULL;
	cells[C_LAST_EVIDENCE] = read ? l->last_evidence : NULL;
	cells[C_COMMIT] = read ? l->commit : NULL;
	cells[C_COMMIT_DATE] = read ? l->commit_date : NULL;
	cells[C_PORTFOLIO] = row->portfolio;
	cells[C_SCOPE] = read ? pl_scope_names[l->scope.used] : NULL;
	cells[C_SCOPE_GRADE] = read ? l->scope.grade : NULL;
	for (i = 0; i < r->extra.n; i++)
		cells[LEARNER_COLS + i] = i < row->extra.n ? row->extra.v[i] :
		    NULL;
	pl_csv_row(out, cells, n);
	free(cells);
}

static void
standard_row(struct pl_buf *out, const struct pl_roster_report *r,
    const struct pl_roster_standard *s)
{
	char		 num[5][24];
	const char	*cells[STD_COLS];

	snprintf(num[0], sizeof num[0], "%zu", s->mastered);
	snprintf(num[1], sizeof num[1], "%zu", s->developing);
	snprintf(num[2], sizeof num[2], "%zu", s->evidence);
	snprintf(num[3], sizeof num[3], "%zu", s->none);
	snprintf(num[4], sizeof num[4], "%zu", r->read);
	cells[0] = s->code;
	cells[1] = s->framework;
	cells[2] = s->description;
	cells[3] = num[0];
	cells[4] = num[1];
	cells[5] = num[2];
	cells[6] = num[3];
	cells[7] = num[4];
	pl_csv_row(out, cells, STD_COLS);
}

void
pl_roster_csv(struct pl_buf *out, const struct pl_roster_report *r,
    int standards)
{
	const char	**head;
	size_t		  i;

	if (standards) {
		pl_csv_row(out, std_head, STD_COLS);
		for (i = 0; i < r->nstandards; i++)
			standard_row(out, r, &r->standards[i]);
		return;
	}
	head = pl_xcalloc(LEARNER_COLS + r->extra.n, sizeof *head);
	for (i = 0; i < LEARNER_COLS; i++)
		head[i] = learner_head[i];
	for (i = 0; i < r->extra.n; i++)
		head[LEARNER_COLS + i] = r->extra.v[i];
	pl_csv_row(out, head, LEARNER_COLS + r->extra.n);
	free(head);
	for (i = 0; i < r->n; i++) {
		learner_row(out, r, &r->learners[i]);
		pl_buf_drain(out);
	}
}
