/*
 * The Markdown bodies, read with cmark.  pl edits a body only line by
 * line at places cmark found, so every other byte a person wrote stays.
 * Sections are ATX or setext headings; a section runs to the next heading
 * of the same or a higher level.  Section names compare without case.
 */
#ifndef PL_MD_H
#define PL_MD_H

#include <stddef.h>

#include "pl/base/error.h"
#include "pl/base/util.h"

/*
 * Which cmark reads bodies (its version), so that a cache of what it read
 * is not trusted across an upgrade.  Static.
 */
const char *pl_md_version(void);

/* A task-list item: "- [ ] text" or "- [x] text" (any bullet or number). */
struct pl_task {
	int	 line;		/* 1-based line of the body */
	int	 done;		/* [x] or [X] */
	char	*text;		/* the item's first line after the box */
};

struct pl_tasks {
	struct pl_task	*v;
	size_t		 n;
};

/*
 * Finds the task-list items, in document order, of the section named
 * section (all of the body when section is NULL or the body has no such
 * section).  Nested items count.  Fills out; free with pl_tasks_release().
 */
void	 pl_md_tasks(struct pl_tasks *out, const char *body,
	    const char *section);
void	 pl_tasks_release(struct pl_tasks *);

/*
 * Returns a copy of body with the task box on line (1-based) set to
 * "[x]" (done) or "[ ]".  Nothing else changes.  The caller frees.
 */
char	*pl_md_tick(const char *body, int line, int done);

/*
 * Returns a copy of body in which each task of the section (as
 * pl_md_tasks() finds them) has its list marker replaced by its number,
 * "3.", right-aligned to the widest, so a reader sees the number that
 * "pl goal done" takes, nested tasks included.  The caller frees.
 */
char	*pl_md_number_tasks(const char *body, const char *section);

/*
 * Returns a copy of body with line (a whole Markdown line such as
 * "- [ ] Read chapter 3", no newline) added as the last item of the
 * section's last list, or, when the section has no list, after the
 * section's text.  A missing section is added at the end of the body as
 * "## <section>" with a blank line before and after its heading.  The
 * caller frees.
 */
char	*pl_md_append_item(const char *body, const char *section,
	    const char *line);

/*
 * Appends to out the text of each top-level item of the section's lists,
 * first line of each as written (bullet and task box removed).
 */
void	 pl_md_items(struct pl_strlist *out, const char *body,
	    const char *section);

/*
 * The section's content (between its heading and the next section), with
 * leading and trailing blank lines removed; NULL when there is no such
 * section.  The caller frees.
 */
char	*pl_md_section(const char *body, const char *section);

/*
 * One parse of body for several of the questions above: pl_md_tasks(),
 * pl_md_items() and pl_md_section() each parse the body again.  body is
 * borrowed and must outlive the parse.  Free with pl_md_free().
 */
struct pl_md;
struct pl_md *pl_md_parse(const char *body);
void	 pl_md_free(struct pl_md *);
void	 pl_md_tasks_of(struct pl_tasks *out, const struct pl_md *,
	    const char *section);
void	 pl_md_items_of(struct pl_strlist *out, const struct pl_md *,
	    const char *section);
char	*pl_md_section_of(const struct pl_md *, const char *section);

/*
 * The text of the first paragraph of body as plain text (inline markup
 * dropped, soft breaks as spaces), or NULL.  Headings are skipped.  The
 * caller frees.
 */
char	*pl_md_first_paragraph(const char *body);

/*
 * The text of the first paragraph of body at any depth (in a list item
 * or a quote too), as pl_md_first_paragraph() gives it, or NULL: the
 * first words a person wrote under headings.  The caller frees.
 */
char	*pl_md_first_words(const char *body);

/*
 * Appends s (len bytes) to out as Markdown that a CommonMark or GitHub
 * renderer shows as s and nothing else: no link (GFM's autolinks of
 * bare URLs, "www." names and e-mail addresses included), image,
 * emphasis, code span, raw HTML, heading, list, quote or table cell
 * boundary.  Backslashes go before \ ` * _ [ ] | ~ ! and @, the : of
 * "://", the . of "www.", and before what would open a block at the
 * start: # and >, "- " and "+ ", a line of - + or =, the . or ) of
 * "1. "; < and & are written &lt; and &amp;.  Control
 * characters, line breaks included, become spaces, so a value stays on
 * its one line.
 */
void	 pl_md_escape(struct pl_buf *out, const char *s, size_t len);

#endif
