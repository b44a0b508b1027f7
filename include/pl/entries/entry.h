/*
 * Entries: the files of a portfolio, one per goal, piece of evidence or
 * reflection, plus the profile.  What they share (where they live, how
 * their ids are made, how they are read, listed and committed) is here;
 * what each kind means is in goal.h, evidence.h, reflection.h, profile.h.
 *
 * Dependencies point down: the kinds use entry, and entry includes no
 * kind's header and calls no kind's function.  A kind is named by enum
 * pl_kind, and what every layer needs to say and find it (its name in
 * messages and commits, its folder, the command that works on it) is
 * data kept here, in one table by enum.  What only the kind knows how to
 * do (check a file a person edited, add the trailers every commit of its
 * file carries: a goal's Pl-Status and Pl-Progress) it hands down in a
 * struct pl_kind_ops, as tmux's cmd_entry carries its exec: each kind
 * defines one (pl_goal_ops in goal.h, pl_evidence_ops, pl_reflection_ops,
 * pl_profile_ops) and passes it to the calls that need it,
 * pl_entry_commit() and pl_entry_edit_finish().  Code above the kinds that
 * holds only an enum pl_kind (a command's edit, align) finds the table
 * with pl_kinds_get() of kinds.h, a registry above entry and the kinds.
 * The sentence of a commit belongs to whoever makes it: each kind writes
 * its own; entry writes only the one of an edit by hand, which is the same
 * for every kind.
 */
#ifndef PL_ENTRY_H
#define PL_ENTRY_H

#include <stddef.h>

#include "pl/base/date.h"
#include "pl/base/doc.h"
#include "pl/base/error.h"
#include "pl/store/portfolio.h"
#include "pl/store/tx.h"
#include "pl/base/util.h"

enum pl_kind {
	PL_KIND_PROFILE,
	PL_KIND_GOAL,
	PL_KIND_EVIDENCE,
	PL_KIND_REFLECTION
};

/*
 * The section of a goal's body whose task list is its progress: a
 * goal's steps, counted once for its summary (see pl_entry_list()).
 */
#define PL_GOAL_STEPS "Steps"

struct pl_entry {
	enum pl_kind	 kind;
	char		*id;
	char		*path;	/* "goals/<id>.md", "profile.md" */
	struct pl_doc	*doc;
	struct pl_buf	 text;	/* the file as read, so a rewrite keeps
				   what pl did not change; empty if new */
};

/*
 * What entry calls of a kind, handed down by the kind (see the top of
 * this file) with each entry of that kind.
 */
struct pl_kind_ops {
	/*
	 * Checks a file a person edited: its required keys are there and
	 * valid.  PL_EINVAL or PL_EPARSE with the message set.
	 */
	int		(*check)(const struct pl_entry *);
	/* Appends the trailers of every commit of the file, or NULL. */
	void		(*trailers)(const struct pl_entry *,
			    struct pl_strlist *out);
	/*
	 * The other files that change in the same commit as the entry's,
	 * so that what names it stays true (a private entry leaves every
	 * showcase): appends each path and its new text, and trailers for
	 * the message.  NULL: none.
	 */
	int		(*also)(struct pl_portfolio *, const struct pl_entry *,
			    struct pl_strlist *paths, struct pl_strlist *texts,
			    struct pl_strlist *trailers);
};

/* The kind's name in messages and commit subjects: "goal", "evidence". */
const char *pl_kind_name(enum pl_kind);

/* The kind's folder ("goals"), or NULL for the profile. */
const char *pl_kind_dir(enum pl_kind);

/* The command that works on the kind: "goal", "reflect", "profile". */
const char *pl_kind_command(enum pl_kind);

/*
 * The entry whose file is path ("goals/<id>.md", "profile.md"): 1 with
 * *kind and *id set (NULL for the profile; the caller frees), 0 when
 * path is no entry's file.
 */
int	 pl_entry_of_path(const char *path, enum pl_kind *kind, char **id);

/* The kind named name ("goal"), as pl_kind_name() names it; 0 for none. */
int	 pl_kind_parse(enum pl_kind *out, const char *name);

/* An entry's file: "goals/<id>.md", "profile.md".  The caller frees. */
char	*pl_entry_path(enum pl_kind, const char *id);

/*
 * Reads the committed entry id of kind (id is ignored for the profile).
 * PL_EINVAL for a malformed id, PL_ENOTFOUND "unknown goal 'x'",
 * PL_EPARSE for broken front matter, PL_EUNSAFE for a symbolic link.
 * The caller frees with pl_entry_free().
 */
int	 pl_entry_load(struct pl_entry **out, struct pl_portfolio *,
	    enum pl_kind, const char *id) PL_WUR;

/* A new entry of kind with id and an empty doc.  The caller frees. */
struct pl_entry *pl_entry_new(enum pl_kind, const char *id);

void	 pl_entry_free(struct pl_entry *);

/* A list of entries, as pl_entry_list() fills it. */
struct pl_entries {
	struct pl_entry	**v;
	size_t		  n;
};

/*
 * Reads every committed entry of kind, sorted by id.  A file that cannot
 * be read (broken front matter, a symbolic link) is left out and its
 * message appended to warnings; only failure to read the tree itself is
 * an error.  A file listed before (the same blob) is built from its
 * summary in <gitdir>/pl/<folder>-summary, its front matter and the
 * body's memo (doc.h: a goal's steps, a reflection's first words) as
 * parsing would give them.  Free with pl_entries_release().
 */
int	 pl_entry_list(struct pl_entries *out, struct pl_portfolio *,
	    enum pl_kind, struct pl_strlist *warnings) PL_WUR;

/*
 * pl_entry_list() of the entries whose list under key ("goals" or
 * "evidence") names id, warnings alike.  Told by the summaries, so a
 * file listed before is not read unless it is linked.
 */
int	 pl_entry_list_linked(struct pl_entries *out, struct pl_portfolio *,
	    enum pl_kind, const char *key, const char *id,
	    struct pl_strlist *warnings) PL_WUR;

/*
 * pl_entry_list() of entry id and of the entries whose front matter may
 * hold id as a value (a goal's parent): every one that does, and maybe a
 * few that do not, for the caller to sift.  Told by the summaries, so a
 * file listed before is not read unless it may.
 */
int	 pl_entry_list_naming(struct pl_entries *out, struct pl_portfolio *,
	    enum pl_kind, const char *id, struct pl_strlist *warnings) PL_WUR;

void	 pl_entries_release(struct pl_entries *);

/*
 * pl_entry_list() of portfolio pf (another commit's) beside now, the
 * same kind's entries already read from the portfolio other: an entry
 * whose file is the same object in both is now's, borrowed, and is not
 * read again.  out holds every entry and owns none: free out->v alone;
 * owned holds the entries read here, released with pl_entries_release().
 */
int	 pl_entry_list_beside(struct pl_entries *out,
	    struct pl_entries *owned, struct pl_portfolio *pf, enum pl_kind,
	    const struct pl_entries *now, struct pl_portfolio *other,
	    struct pl_strlist *warnings) PL_WUR;

/*
 * The index of entry id in l, sorted by id as pl_entry_list() leaves it
 * (a binary search), or -1.
 */
long	 pl_entries_find(const struct pl_entries *l, const char *id);

/*
 * Sorts entries by the date under key (those without one first), then by
 * id, so evidence and reflections list in the order they happened.
 */
void	 pl_entries_sort_by_date(struct pl_entries *, const char *key);

/*
 * Makes a free id for a new entry of kind from text: its slug (or the
 * kind's name when the slug is empty), after "YYYY-MM-DD-" when date is
 * not NULL, then "-2", "-3"... until no committed or working-tree file
 * has it.  Without a date, a text that gives no slug is PL_EINVAL, "give
 * one with --id": an id "goal" would say nothing.  The caller frees
 * *out.
 */
int	 pl_entry_new_id(char **out, struct pl_portfolio *, enum pl_kind,
	    const char *text, const struct pl_date *date) PL_WUR;

/* Checks that every id names a committed entry of kind (PL_ENOTFOUND). */
int	 pl_entry_check_ids(struct pl_portfolio *, enum pl_kind,
	    const struct pl_strlist *ids) PL_WUR;

/*
 * A new entry's date: given (YYYY-MM-DD, "today", "yesterday"), or today
 * when it is NULL.  PL_EINVAL for a bad date.
 */
int	 pl_entry_date(struct pl_date *out, struct pl_portfolio *,
	    const char *given) PL_WUR;

/*
 * Checks that id is free for a new entry of kind: PL_EINVAL for a
 * malformed id, PL_EEXISTS when taken.
 */
int	 pl_entry_check_new_id(struct pl_portfolio *, enum pl_kind,
	    const char *id) PL_WUR;

/*
 * Commits entry as one change: its file, and each file in attach staged
 * at the path given by the same index of attach_to.  Fills in msg's kind
 * and id from the entry and appends the trailers of ops, the entry's
 * kind's; the caller sets action and sentence.  A loaded entry's front
 * matter is written back as the person wrote it (comments, layout) when
 * pl set no key, and with only the changed lines replaced when it set
 * one-line values of keys already there.
 */
int	 pl_entry_commit(struct pl_portfolio *, const struct pl_kind_ops *ops,
	    struct pl_entry *, struct pl_msg *,
	    const struct pl_strlist *attach,
	    const struct pl_strlist *attach_to) PL_WUR;

/*
 * Checks, before an editor opens, what committing would refuse whatever
 * is typed: a bare repository (PL_ENOTPORTFOLIO), HEAD detached or in
 * the middle of a merge (PL_EHEAD), the locks held (PL_ELOCKED), no
 * identity (PL_EIDENTITY).  Nothing is written.
 */
int	 pl_entry_check_commit(struct pl_portfolio *) PL_WUR;

/*
 * Commits several files as one change (removing or renaming an entry):
 * the files of remove taken out, then each entry of put written back as
 * pl_entry_commit() writes it, then each file of attach staged at the
 * path of the same index of attach_to, then each file of more written
 * whole with the text of the same index of more_texts; remove, attach,
 * attach_to, more and more_texts may be NULL.  msg is the caller's, kind
 * and id included.
 */
int	 pl_entry_commit_all(struct pl_portfolio *, const struct pl_msg *,
	    const struct pl_entries *put, const struct pl_strlist *remove,
	    const struct pl_strlist *attach,
	    const struct pl_strlist *attach_to,
	    const struct pl_strlist *more,
	    const struct pl_strlist *more_texts) PL_WUR;

/*
 * Editing by hand in $EDITOR, in two halves around the editor (which
 * cmd/ runs).  _begin checks what _check_commit() checks and that the
 * entry's file has no uncommitted edits, and returns in *out (the
 * caller frees) the path of the file to edit in the repository's git
 * folder, <gitdir>/pl/EDIT-<kind>-<id>.md (EDIT-profile.md): the edit
 * kept from an earlier attempt when there is one, so it is resumed, else
 * a new file holding the committed text.  _finish reads that file back,
 * checks it (front matter must parse; the check of ops, the entry's
 * kind's, must pass) and commits it with action "edit" and the kind's
 * trailers.  PL_ENOCHANGE when
 * the text is the committed one.  On any failure (PL_EPARSE, PL_EINVAL, a
 * commit refused) the file is kept for the next _begin; on success or no
 * change it is removed.
 */
int	 pl_entry_edit_begin(char **out, struct pl_portfolio *,
	    const struct pl_entry *) PL_WUR;
int	 pl_entry_edit_finish(struct pl_portfolio *,
	    const struct pl_kind_ops *ops, struct pl_entry *,
	    const char *edited) PL_WUR;

/*
 * The edit of e kept from an attempt that failed, which
 * pl_entry_edit_begin() would resume: its path in *out (the caller
 * frees), or NULL when there is none.
 */
int	 pl_entry_kept_edit(char **out, struct pl_portfolio *,
	    const struct pl_entry *) PL_WUR;

/*
 * A file in the git folder for text typed in the editor for a new entry
 * (a reflection, a description), named after what ("REFLECTION"), filled
 * with template; "-2", "-3"... before ".md" when an earlier text is kept
 * there.  The caller frees *out and removes the file when done.
 */
int	 pl_entry_scratch(char **out, struct pl_portfolio *, const char *what,
	    const char *template) PL_WUR;

/*
 * 1 when path is a text kept in the git folder (<gitdir>/pl/), as -F may
 * name one to resume it: the command removes it once committed.
 */
int	 pl_entry_is_kept(struct pl_portfolio *, const char *path);

/*
 * Sets key to the ids (each once, in the order given) and adds a
 * "trailer: id" line to msg for each, so history can follow the links.
 */
void	 pl_entry_link(struct pl_entry *, struct pl_msg *, const char *key,
	    const char *trailer, const struct pl_strlist *ids);

/*
 * The body for text a person typed (-m, -F, the editor): a blank line,
 * the text without blank lines around it, and one newline; "" for blank
 * or NULL text.  The caller frees.
 */
char	*pl_entry_body(const char *text);

/*
 * Checks a front matter value of entry: that key is missing or a valid
 * date (PL_EINVAL "goals/x.md: 'due' is not a date: 'soon'").
 */
int	 pl_entry_check_date(const struct pl_entry *, const char *key,
	    int required) PL_WUR;

/*
 * Checks value, read from entry under name ("'title'", "step 2"), with
 * pl_text_check_line(): PL_EINVAL "goals/x.md: 'title' must be one line".
 */
int	 pl_entry_check_line(const struct pl_entry *, const char *name,
	    const char *value) PL_WUR;

/*
 * pl_entry_check_line() for each of keys (NULL-terminated) in entry's
 * front matter, and each item of a list under one.  The kinds call it on
 * every path that commits a file: an edit, and a rewrite of a file a
 * person may have committed by hand.
 */
int	 pl_entry_check_lines(const struct pl_entry *,
	    const char *const *keys) PL_WUR;

#endif
