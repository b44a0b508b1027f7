/*
 * Mastery that moved in a report's window: the standards as the last
 * commit before the window left them against those of the report's
 * commit, in framework order.
 */
#include <stdlib.h>
#include <string.h>

#include "pl/entries/standards.h"
#include "pl/report/report.h"
#include "report/report-build.h"

/* A row of a status, found by its standard's framework and code. */
struct coded {
	const char			*framework;
	const char			*code;
	const struct pl_align_row	*row;
};

static int
by_code(const void *a, const void *b)
{
	const struct coded	*x = a, *y = b;
	int			 c;

	if ((c = strcmp(x->framework, y->framework)) != 0)
		return c;
	return strcmp(x->code, y->code);
}

/* The rows of st, sorted by framework and code.  The caller frees. */
static struct coded *
coded_rows(const struct pl_align_status *st)
{
	struct coded	*v = pl_xcalloc(st->n + 1, sizeof *v);
	size_t		 i;

	for (i = 0; i < st->n; i++)
		v[i] = (struct coded){ st->rows[i].std->framework,
		    st->rows[i].std->code, &st->rows[i] };
	qsort(v, st->n, sizeof *v, by_code);
	return v;
}

/* The row of standard s among v[0..n), or NULL. */
static const struct pl_align_row *
row_of(const struct coded *v, size_t n, const struct pl_standard *s)
{
	struct coded	 key = { s->framework, s->code, NULL };
	const struct coded *found;

	found = bsearch(&key, v, n, sizeof *v, by_code);
	return found != NULL ? found->row : NULL;
}

/* 1 when a standard's mastery differs between then and now (either NULL). */
static int
moved(const struct pl_align_row *then, const struct pl_align_row *now)
{
	int	had = then != NULL && then->nratings > 0;
	int	has = now != NULL && now->nratings > 0;

	if (had != has)
		return 1;
	if (!had)
		return 0;
	/* scores are rounded as they are shown, so equal is equal */
	return then->mastery.scored != now->mastery.scored ||
	    then->mastery.score != now->mastery.score ||
	    then->mastery.mastered != now->mastery.mastered;
}

static void
add_move(struct build *b, const struct pl_align_row *then,
    const struct pl_align_row *now)
{
	struct pl_report_move		*m = &b->r->moves[b->r->nmoves++];
	const struct pl_standard	*s = now != NULL ? now->std : then->std;

	m->code = pl_xstrdup(s->code);
	m->description = pl_xstrdup(s->description);
	m->had = then != NULL && then->nratings > 0;
	m->from_scored = m->had && then->mastery.scored;
	m->from = m->from_scored ? then->mastery.score : 0;
	m->was_mastered = m->had && then->mastery.mastered;
	m->has = now != NULL && now->nratings > 0;
	m->to_scored = m->has && now->mastery.scored;
	m->to = m->to_scored ? now->mastery.score : 0;
	m->mastered = m->has && now->mastery.mastered;
}

/*
 * Mastery that moved in the window: each standard whose mastery, by the
 * same method on the same scale, differs between the last commit before
 * the window and the report's, each read as the view reads it (see
 * add_then()), in framework order, a standard gone by the end among
 * them.
 */
void
pl_report_add_moves(struct build *b)
{
	struct pl_report	*r = b->r;
	const struct pl_align_status *then = &b->then_st;
	const struct pl_align_row *was;
	struct coded		*was_rows, *now_rows;
	size_t			 i, j;

	was_rows = coded_rows(then);
	now_rows = coded_rows(&b->st);
	r->moves = pl_xcalloc(b->st.n + then->n + 1, sizeof *r->moves);
	/* two lists in framework order, merged */
	for (i = 0, j = 0; i < b->st.n || j < then->n;) {
		if (j < then->n && row_of(now_rows, b->st.n,
		    then->rows[j].std) != NULL) {
			j++;	/* in both: taken from the end's list */
			continue;
		}
		if (i == b->st.n || (j < then->n && pl_standards_order(
		    &then->stds, then->rows[j].std, &b->st.stds,
		    b->st.rows[i].std) < 0)) {
			if (moved(&then->rows[j], NULL))
				add_move(b, &then->rows[j], NULL);
			j++;
			continue;
		}
		was = row_of(was_rows, then->n, b->st.rows[i].std);
		if (moved(was, &b->st.rows[i]))
			add_move(b, was, &b->st.rows[i]);
		i++;
	}
	free(was_rows);
	free(now_rows);
}
