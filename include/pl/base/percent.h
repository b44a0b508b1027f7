/*
 * The one rule for a share of standards (covered, mastered), which
 * pl align status and the class report both show, in every format.
 */
#ifndef PL_PERCENT_H
#define PL_PERCENT_H

#include <stddef.h>

#include "pl/base/error.h"

/*
 * part of whole in per cent, to one decimal, a half rounded up (1 of 16
 * is 6.3), in *out.  Returns 0, *out 0, when whole is 0: there is no
 * such number, and a view says so (JSON null, an empty CSV cell, words
 * or a dash in text), never 0.0, which would read as none covered.
 */
int	 pl_percent(double *out, size_t part, size_t whole) PL_WUR;

/*
 * pl_percent() of part and whole as text ("62.5") in out (at least 8
 * bytes); 0 when whole is 0 and there is no such number (out "").
 */
int	 pl_text_pct(char *out, size_t n, size_t part, size_t whole);

/*
 * The same with its sign ("62.5%"), as every view but CSV shows it; 0
 * when whole is 0 (out "").
 */
int	 pl_text_pct_sign(char *out, size_t n, size_t part, size_t whole);

/*
 * A share of time (0 to 1) in whole per cent as text ("13") in out (at
 * least 5 bytes), as a goal behind pace says it: half up, as
 * pl_percent() rounds (0.125 is "13", 0.375 "38").
 */
void	 pl_text_share(char *out, size_t n, double share);

#endif
