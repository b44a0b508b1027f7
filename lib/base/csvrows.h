/*
 * Internal: CSV files read with libcsv into rows of strings (csvrows.c).
 */
#ifndef PL_CSVROWS_H
#define PL_CSVROWS_H

#include <stddef.h>

#include "pl/base/error.h"
#include "pl/base/util.h"

/* The rows of a CSV file, each with the line it starts on. */
struct pl_csv_rows {
	struct pl_strlist	*v;
	int			*line;
	size_t			 n;
	size_t			 cap;
	struct pl_strlist	 cur;
	int			 cur_line;
	int			 raw;		/* fields as written */
};

/*
 * Reads len bytes of CSV text (name for messages) into r: blank lines
 * skipped, CR, LF and CR LF alike, a quoted field never closed
 * PL_EPARSE "name:LINE: ...".  Each field has its white space runs made
 * one space (pl_csv_clean()), or with raw is kept as written.  Free
 * with pl_csv_rows_release(), also after a failure.
 */
int	 pl_csv_rows_read(struct pl_csv_rows *r, const char *name,
	    const char *text, size_t len, int raw) PL_WUR;

void	 pl_csv_rows_release(struct pl_csv_rows *);

/* A copy of s with its white space runs (no-break spaces too) one space. */
char	*pl_csv_clean(const char *s, size_t len);

/* The field of row row in column c (-1: none), or "".  Borrowed. */
const char *pl_csv_cell_of(const struct pl_csv_rows *r, size_t row, long c);

/* The index of the column named name (in any case) in head, or -1. */
long	 pl_csv_column(const struct pl_strlist *head, const char *name);

#endif
