/*
 * Internal: what entries keep of a file in its folder's summary cache
 * (lib/store/cache.h), so that listing a file seen before parses no YAML
 * and no Markdown: its front matter as parsed, where its body starts,
 * the lists that link it to other entries, and what its kind derives
 * from the body (doc.h's memo: a goal's steps, a reflection's first
 * words).  A summary is of one blob, and is used only with that blob's
 * text; one this build cannot read is made again, never an error.
 */
#ifndef PL_SUMMARY_H
#define PL_SUMMARY_H

#include <stddef.h>

#include "pl/base/doc.h"
#include "pl/base/util.h"

/*
 * The stamp of the summaries this build makes (their format, pl's,
 * libyaml's and cmark's versions): another build's are not read.  The
 * caller frees.
 */
char	*pl_summary_stamp(void);

/*
 * Fills doc->memo with what a kind derives from the body, when not
 * known: the ticked and all task items of section tasks (NULL: none),
 * the first words when words is 1.
 */
void	 pl_summary_derive(struct pl_doc *doc, const char *tasks, int words);

/* Appends to out the summary of doc, with its memo as it stands. */
void	 pl_summary_make(struct pl_buf *out, const struct pl_doc *doc);

/*
 * The doc that summary sum (len bytes) stands for, with the body taken
 * from text (text_len bytes, the file the summary was made of): 0, or
 * -1 when sum is not one this build makes or does not fit text.  The
 * caller frees *out.
 */
int	 pl_summary_doc(struct pl_doc **out, const char *sum, size_t len,
	    const char *text, size_t text_len);

/*
 * Whether the list under key in the summary's front matter names id, as
 * pl_doc_get_list() reads it (a list that is not one names nothing): 1
 * or 0, or -1 when sum is not right or key is not one kept ("goals",
 * "evidence").
 */
int	 pl_summary_names(const char *sum, size_t len, const char *key,
	    const char *id);

/*
 * 0 when no value of the summary's front matter can be id (its bytes
 * nowhere hold id as pl_node_pack() writes a string), else 1: a sieve
 * that lets through every entry whose front matter holds id, and maybe
 * others, for the caller to look at.
 */
int	 pl_summary_mentions(const char *sum, size_t len, const char *id);

#endif
