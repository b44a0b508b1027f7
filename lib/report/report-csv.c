/*
 * The report as CSV, for a spreadsheet: one row per goal, or one per
 * standard.  The same for every view (the builder has already left out
 * what the family view must not show); lists are joined by spaces,
 * booleans are true and false, what is absent is an empty cell.
 */
#include <stdio.h>
#include <stdlib.h>

#include "pl/report/report.h"
#include "pl/base/csv.h"

static const char *const goal_head[] = { "id", "title", "term", "status",
	"parent", "created", "due", "steps_done", "steps_total", "evidence",
	"reflections", "last_evidence", "days_since_evidence", "overdue",
	"stalled", "pace", "standards", "due_in", "next_step" };
#define GOAL_COLS	(sizeof goal_head / sizeof goal_head[0])

static const char *const std_head[] = { "code", "framework", "grade",
	"subject", "description", "goals", "evidence", "ratings", "score",
	"level", "mastered", "levels" };
#define STD_COLS	(sizeof std_head / sizeof std_head[0])

static void
goal_row(struct pl_buf *out, const struct pl_report_goal *g)
{
	struct pl_buf	 ev = PL_BUF_INIT, re = PL_BUF_INIT, st = PL_BUF_INIT;
	char		 done[24], total[24], days[24], due_in[24];
	const char	*cells[GOAL_COLS];

	pl_strlist_join(&ev, &g->evidence, " ");
	pl_strlist_join(&re, &g->reflections, " ");
	pl_strlist_join(&st, &g->standards, " ");
	snprintf(done, sizeof done, "%zu", g->done);
	snprintf(total, sizeof total, "%zu", g->total);
	*days = *due_in = '\0';
	if (g->days_since >= 0)
		snprintf(days, sizeof days, "%ld", g->days_since);
	if (g->due != NULL)
		snprintf(due_in, sizeof due_in, "%ld", g->due_in);
	cells[0] = g->id;
	cells[1] = g->title;
	cells[2] = g->term;
	cells[3] = g->status;
	cells[4] = g->parent;
	cells[5] = g->created;
	cells[6] = g->due;
	cells[7] = done;
	cells[8] = total;
	cells[9] = ev.ptr;
	cells[10] = re.ptr;
	cells[11] = g->last_evidence;
	cells[12] = days;
	cells[13] = pl_csv_bool(g->overdue);
	cells[14] = pl_csv_bool(g->stalled);
	cells[15] = pl_pace_names[g->pace];
	cells[16] = st.ptr;
	cells[17] = due_in;
	cells[18] = g->next.n > 0 ? g->next.v[0] : NULL;
	pl_csv_row(out, cells, GOAL_COLS);
	pl_buf_release(&ev);
	pl_buf_release(&re);
	pl_buf_release(&st);
}

static void
standard_row(struct pl_buf *out, const struct pl_report_standard *s)
{
	struct pl_buf	 score = PL_BUF_INIT, levels = PL_BUF_INIT;
	char		 goals[24], evidence[24], ratings[24];
	const char	*cells[STD_COLS];
	size_t		 i;

	snprintf(goals, sizeof goals, "%zu", s->goals);
	snprintf(evidence, sizeof evidence, "%zu", s->evidence);
	snprintf(ratings, sizeof ratings, "%zu", s->ratings);
	pl_buf_puts(&score, "");
	if (s->scored)
		pl_score_format(&score, s->score);
	pl_buf_puts(&levels, "");
	for (i = 0; i < s->npoints; i++) {
		if (i > 0)
			pl_buf_putc(&levels, ' ');
		pl_level_format(&levels, s->points[i].level);
	}
	cells[0] = s->code;
	cells[1] = s->framework;
	cells[2] = s->grade;
	cells[3] = s->subject;
	cells[4] = s->description;
	cells[5] = goals;
	cells[6] = evidence;
	cells[7] = ratings;
	cells[8] = score.ptr;
	cells[9] = s->level;
	cells[10] = pl_csv_bool(s->mastered);
	cells[11] = levels.ptr;
	pl_csv_row(out, cells, STD_COLS);
	pl_buf_release(&score);
	pl_buf_release(&levels);
}

void
pl_report_csv(struct pl_buf *out, const struct pl_report *r, int standards)
{
	size_t	i;

	if (standards) {
		pl_csv_row(out, std_head, STD_COLS);
		for (i = 0; i < r->nstandards; i++) {
			pl_buf_drain(out);
			standard_row(out, &r->standards[i]);
		}
		return;
	}
	pl_csv_row(out, goal_head, GOAL_COLS);
	for (i = 0; i < r->ngoals; i++) {
		pl_buf_drain(out);
		goal_row(out, &r->goals[i]);
	}
}
