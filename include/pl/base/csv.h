/*
 * CSV as pl writes it: standards/<name>.csv, and every CSV a person opens
 * in a spreadsheet (the report, the class report, align status, log).
 */
#ifndef PL_CSV_H
#define PL_CSV_H

#include <stddef.h>

#include "pl/base/util.h"

/*
 * Appends s to b as one CSV field, after a comma unless first, quoted
 * (by libcsv) only when it has to be.
 */
void	 pl_csv_field(struct pl_buf *b, const char *s, int first);

/*
 * Appends s (NULL: empty) as pl_csv_field() does, but a cell a
 * spreadsheet would run as a formula, one starting with =, +, -, @, a
 * tab or a CR, gets a leading apostrophe, as OWASP advises for CSV
 * injection.  A plain decimal number (-3, -0.5) is left as it is: a
 * spreadsheet reads it as that number, never as a formula.
 */
void	 pl_csv_cell(struct pl_buf *b, const char *s, int first);

/*
 * Appends one record of n cells, each with pl_csv_cell(), ended by CR LF
 * as RFC 4180 has it.
 */
void	 pl_csv_row(struct pl_buf *b, const char *const *cells, size_t n);

/* A boolean as every CSV of pl writes it: "true" or "false". */
const char *pl_csv_bool(int b);

#endif
