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

#endif
