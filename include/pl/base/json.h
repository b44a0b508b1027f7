/*
 * JSON as pl writes it (jansson): null for what is absent, keys in the
 * order they were set, two-space indentation, reals to 12 digits.
 */
#ifndef PL_JSON_H
#define PL_JSON_H

#include <jansson.h>

#include "pl/base/util.h"

/* Sets o's key to v, taking v's reference. */
void	 pl_json_set(json_t *o, const char *key, json_t *v);

/* A count as a JSON integer.  The caller owns the reference. */
json_t	*pl_json_size(size_t n);

/*
 * A report's window: {"since": since, "until": until}, or null without
 * since.  The caller owns the reference.
 */
json_t	*pl_json_window(const char *since, const char *until);

/*
 * pl_percent() of part and whole as a JSON real, or null when whole is 0.
 * The caller owns the reference.
 */
json_t	*pl_json_percent(size_t part, size_t whole);

/*
 * What a report's warnings left out (pl_report_left_out): {"files":
 * files, "ratings": ratings, "links": links}.  The caller owns the
 * reference.
 */
json_t	*pl_json_left_out(size_t files, size_t ratings, size_t links);

/* A JSON string, or null for NULL.  The caller owns the reference. */
json_t	*pl_json_str(const char *);

/* A JSON array of the strings.  The caller owns the reference. */
json_t	*pl_json_strlist(const struct pl_strlist *);

/*
 * Appends j to out indented, keys in order, reals to 12 digits, with a
 * final newline.  The reference stays the caller's.
 */
void	 pl_json_dump(struct pl_buf *out, const json_t *j);

#endif
