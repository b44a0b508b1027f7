/*
 * Showcases: what a learner chooses to show an audience, each in
 * showcase/<name>.md.  Front matter title, created (a date), show (what
 * the audience may see beyond the items: strengths, interests, ratings)
 * and items, an ordered list of {id, note}, each id a piece of evidence
 * or a reflection; the body is the learner's introduction.  The file
 * alone says which entries are chosen, in which order and with which
 * notes, so nothing can drift between two places.
 *
 * A private entry is never chosen: adding one is refused, an entry made
 * private through pl leaves every showcase in the same commit (the
 * .also of evidence and reflections, pl_showcase_leave()), and one made
 * private by hand is left out when a showcase is read
 * (pl_showcase_resolve()).
 */
#ifndef PL_SHOWCASE_H
#define PL_SHOWCASE_H

#include "pl/entries/entry.h"

#define PL_SHOWCASE_DIR	"showcase"

struct pl_showcase {
	char		*name;
	char		*path;	/* "showcase/<name>.md" */
	struct pl_doc	*doc;
	struct pl_buf	 text;	/* the file as read */
};

/* PL_EINVAL "invalid showcase name 'x'" unless name is a valid id. */
int	 pl_showcase_check_name(const char *name) PL_WUR;

/*
 * Reads the committed showcase name and checks it (pl_showcase_check()).
 * PL_EINVAL for a bad name or file, PL_ENOTFOUND "unknown showcase 'x'",
 * PL_EPARSE for broken front matter ("showcase/x.md:3: ..."), PL_EUNSAFE
 * for a symbolic link.  The caller frees with pl_showcase_free().
 */
int	 pl_showcase_load(struct pl_showcase **out, struct pl_portfolio *,
	    const char *name) PL_WUR;

void	 pl_showcase_free(struct pl_showcase *);

/*
 * Checks what every path that writes a showcase checks: a one-line
 * title, created a date, show a list of strengths, interests and
 * ratings, items a list of mappings, each with a valid id, no id twice.
 * PL_EINVAL or PL_EPARSE with "showcase/x.md: ..." set.
 */
int	 pl_showcase_check(const struct pl_showcase *) PL_WUR;

/* The names of the committed showcases, sorted. */
int	 pl_showcase_names(struct pl_strlist *out, struct pl_portfolio *)
	    PL_WUR;

/* Why an item is left out of what the showcase shows. */
enum pl_showcase_left {
	PL_SHOWCASE_IN,		/* shown */
	PL_SHOWCASE_PRIVATE,	/* its entry is private */
	PL_SHOWCASE_GONE,	/* no evidence or reflection has its id */
	PL_SHOWCASE_UNREADABLE	/* its file does not parse */
};

/* "private", "removed", "unreadable"; NULL for PL_SHOWCASE_IN. */
const char *pl_showcase_left_name(enum pl_showcase_left);

struct pl_showcase_item {
	const char		*id;	/* borrowed from the showcase */
	const char		*note;	/* or NULL; borrowed likewise */
	struct pl_entry		*e;	/* its entry when shown, else NULL */
	enum pl_showcase_left	 left;
};

/*
 * The items of showcase s in order, each with its entry read (evidence
 * first, then a reflection of that id) and left out when it is private,
 * gone or unreadable.  Free with pl_showcase_items_free().
 */
int	 pl_showcase_resolve(struct pl_showcase_item **out, size_t *n,
	    struct pl_portfolio *, const struct pl_showcase *) PL_WUR;

void	 pl_showcase_items_free(struct pl_showcase_item *, size_t n);

/* The number of items of s (0 when none or not a list). */
size_t	 pl_showcase_count(const struct pl_showcase *);

struct pl_showcase_spec {
	const char		*name;
	const char		*title;		/* NULL: the name */
	const char		*intro;		/* the body, or NULL */
	const char		*show;		/* "strengths,ratings", or NULL */
};

/*
 * Checks s as pl_showcase_new() does, all but the introduction, so a
 * command can refuse before the editor opens: PL_EINVAL for a bad name,
 * title or show, PL_EEXISTS when the showcase exists.
 */
int	 pl_showcase_check_spec(struct pl_portfolio *,
	    const struct pl_showcase_spec *) PL_WUR;

/* Makes showcase/<name>.md and commits "showcase: new <name>". */
int	 pl_showcase_new(struct pl_portfolio *,
	    const struct pl_showcase_spec *) PL_WUR;

/*
 * Adds the entries ids (evidence or reflections) to showcase name, with
 * note when not NULL, at the end, or before or after the item of id
 * before or after (NULL: neither), and commits "showcase: add <name>".
 * PL_ENOTFOUND for an unknown id or a before/after not in the showcase;
 * PL_EINVAL for a goal, a private entry, an id both evidence and a
 * reflection; PL_EEXISTS for an id chosen already (or given twice).
 */
int	 pl_showcase_add(struct pl_portfolio *, const char *name,
	    const struct pl_strlist *ids, const char *note,
	    const char *before, const char *after) PL_WUR;

/*
 * Takes the items ids out of showcase name, each item's lines and every
 * other line as the person wrote them, and commits "showcase: rm
 * <name>".  PL_ENOTFOUND for an id not in it.
 */
int	 pl_showcase_remove(struct pl_portfolio *, const char *name,
	    const struct pl_strlist *ids) PL_WUR;

/*
 * Moves the item id before or after the item of another id and commits
 * "showcase: move <name>".  PL_ENOTFOUND for an id not in it;
 * PL_ENOCHANGE when it is there already.
 */
int	 pl_showcase_move(struct pl_portfolio *, const char *name,
	    const char *id, const char *before, const char *after) PL_WUR;

/* Removes showcase/<name>.md and commits "showcase: delete <name>". */
int	 pl_showcase_delete(struct pl_portfolio *, const char *name) PL_WUR;

/*
 * Editing showcase name by hand, as pl_entry_edit_begin() and _finish()
 * edit an entry: _begin checks that a commit could be made and that the
 * file has no uncommitted edits, and gives in *out (the caller frees)
 * the file to edit, <gitdir>/pl/EDIT-showcase-<name>.md, the edit kept
 * from an attempt that failed when there is one (*resumed set), else the
 * committed text.  _finish checks the text as pl_showcase_check() and
 * every item as pl_showcase_add() checks an id, and commits it as typed
 * ("showcase: edit <name>").  PL_ENOCHANGE when unchanged.  On failure
 * the file is kept for the next _begin; else it is removed.
 */
int	 pl_showcase_edit_begin(char **out, int *resumed,
	    struct pl_portfolio *, const char *name) PL_WUR;
int	 pl_showcase_edit_finish(struct pl_portfolio *, const char *name,
	    const char *edited) PL_WUR;

/*
 * The showcases that change when entry id (evidence or a reflection)
 * goes private or is removed (to NULL), or is renamed to to: appends
 * each file's path and new text, its "path (items)" to where when not
 * NULL, and a "Pl-Showcase: <name>" trailer to trailers when not NULL.
 * A showcase that does not parse is left as it is, with a note
 * (pl_portfolio_notes()): reading it leaves out what is private anyway.
 */
int	 pl_showcase_follow(struct pl_portfolio *, const char *id,
	    const char *to, struct pl_strlist *paths, struct pl_strlist *texts,
	    struct pl_strlist *where, struct pl_strlist *trailers) PL_WUR;

/*
 * The .also of evidence and reflections (entry.h): when e is private,
 * what pl_showcase_follow() gives for taking it out of every showcase.
 */
int	 pl_showcase_leave(struct pl_portfolio *, const struct pl_entry *e,
	    struct pl_strlist *paths, struct pl_strlist *texts,
	    struct pl_strlist *trailers) PL_WUR;

#endif
