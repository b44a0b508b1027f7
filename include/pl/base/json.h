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

/*
 * JSON written as it is made, byte for byte as pl_json_dump() would
 * write the same document built in jansson, without building it: for
 * long outputs, whose memory then stays flat.  Open the top object with
 * key NULL, give each member its key (NULL in an array), close what was
 * opened; pl_jw_end() ends the text with its newline.  As in jansson, a
 * string that is not UTF-8 (or a real that is not finite) is no value:
 * its member is left out.  Keys are UTF-8 (pl's are ASCII).  Call pl_buf_drain() between members as the
 * renderer likes.
 */
struct pl_jw {
	struct pl_buf	*out;
	int		 depth;
	int		 empty;	/* nothing written in the open container */
};

void	 pl_jw_init(struct pl_jw *, struct pl_buf *out);
/* Opens an object ('{') or an array ('['). */
void	 pl_jw_open(struct pl_jw *, const char *key, char brace);
/* Closes the object ('}') or array (']') opened last. */
void	 pl_jw_close(struct pl_jw *, char brace);
/* s, or null when s is NULL. */
void	 pl_jw_str(struct pl_jw *, const char *key, const char *s);
void	 pl_jw_int(struct pl_jw *, const char *key, long long n);
void	 pl_jw_real(struct pl_jw *, const char *key, double x);
void	 pl_jw_bool(struct pl_jw *, const char *key, int b);
void	 pl_jw_null(struct pl_jw *, const char *key);
/* An array of l's strings. */
void	 pl_jw_strlist(struct pl_jw *, const char *key,
	    const struct pl_strlist *l);
/* pl_json_percent() written. */
void	 pl_jw_percent(struct pl_jw *, const char *key, size_t part,
	    size_t whole);
/* pl_json_window() written. */
void	 pl_jw_window(struct pl_jw *, const char *key, const char *since,
	    const char *until);
/* pl_json_left_out() written. */
void	 pl_jw_left_out(struct pl_jw *, const char *key, size_t files,
	    size_t ratings, size_t links);
void	 pl_jw_end(struct pl_jw *);

/*
 * The value a pl_jw wrote into b, as jansson's, and b released: a value
 * both the streamed report and a jansson document hold is written by
 * its pl_jw function alone (pl_json_window() is pl_jw_window()'s).
 */
json_t	*pl_jw_load(struct pl_buf *b);

#endif
