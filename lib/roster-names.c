/*
 * The names of a class report's states, as its JSON and CSV write them
 * (roster.h).  Apart from lib/roster.c so the renderers and their tests
 * need nothing of the builder.
 */
#include <stddef.h>

#include "pl/roster.h"

const char *const pl_roster_state_names[] = { "read", "bad-row", "missing",
	"not-portfolio", "broken", NULL };

const char *const pl_roster_mastery_names[] = { "none", "evidence",
	"developing", "mastered", NULL };
