/*
 * Publishing a showcase (pl/entries/showcase.h) as a static site: an
 * index and one page per chosen item with its attachments beside it;
 * the style inline, no script, nothing fetched from elsewhere, every
 * link relative, so the folder works from a USB stick, a git host's
 * pages or any web server.  pl_publish_build() makes every file in
 * memory from one commit; pl_publish_write() puts them in a folder,
 * touching only what changed and only what it wrote before (its
 * manifest), or pl_publish_zip() in one zip archive.
 *
 * What is shown is decided once, here: the chosen items that the family
 * view's rule (pl/entries/visibility.h, through pl_report_build()) does
 * not leave out, at the commit published or at HEAD, the goals and
 * standards they link that are not left out either, the profile's
 * strengths, interests and the teacher's ratings only where the
 * showcase's "show" allows them, raters by name.
 * Every page and text attachment goes through pl_publish_mask_emails()
 * last.
 */
#ifndef PL_PUBLISH_H
#define PL_PUBLISH_H

#include <stddef.h>

#include "pl/base/error.h"
#include "pl/base/util.h"
#include "pl/report/publish-files.h"
#include "pl/store/portfolio.h"

/* The manifest pl keeps in a site's folder: the files it wrote. */
#define PL_PUBLISH_MANIFEST	".pl-publish"

struct pl_publish_options {
	const char	*as_of;		/* DATE or REV as pl report --as-of
					   reads it; NULL: HEAD */
	const char	*version;	/* pl's, named in the footer */
};

/*
 * Makes the site of showcase name, read at o->as_of (pl_report_build()'s
 * rule), deciding privacy against that commit and HEAD (head).
 * PL_EINVAL for a bad name, PL_ENOTFOUND for an unknown showcase or
 * revision, PL_EPARSE for a showcase that does not parse, PL_EUNSAFE for
 * an attachment that is a symbolic link or submodule or lies outside
 * its evidence's folder, PL_EINVAL for one larger than PL_READ_MAX.
 * Free with pl_publish_free().
 */
int	 pl_publish_build(struct pl_publish **out, struct pl_portfolio *head,
	    const char *name, const struct pl_publish_options *o) PL_WUR;

/*
 * The paths of the showcase and of its shown items (their files and
 * attachment folders) with uncommitted changes in head's working tree,
 * appended to out; none for a bare repository.
 */
int	 pl_publish_dirty(struct pl_strlist *out, struct pl_portfolio *head,
	    const struct pl_publish *p) PL_WUR;

/*
 * Refuses (PL_EUNSAFE) a site folder inside head's working tree or its
 * git folder: a site there would be committed, or lost.
 */
int	 pl_publish_check_dir(struct pl_portfolio *head, const char *dir)
	    PL_WUR;

struct pl_publish_stats {
	size_t	written;
	size_t	unchanged;
	size_t	removed;
};

/*
 * Writes p's files to dir (made when missing), each through
 * pl_write_output(), a file whose manifest entry and size say it holds
 * these bytes already left as it is; then removes the files the
 * manifest names that p no longer has, and writes the manifest.  The
 * manifest names every file written before any is written, so a run
 * stopped midway leaves every file whole and the next run owns them.
 * PL_EEXISTS when a file p would write is in the way and pl did not
 * write it (nothing written); PL_ERROR when a file cannot be written.
 */
int	 pl_publish_write(struct pl_publish_stats *st,
	    const struct pl_publish *p, const char *dir) PL_WUR;

/*
 * p's files as one zip archive, into out: at its top, as in the folder
 * (without the manifest), dated the commit's day, so publishing the same
 * commit again gives the same bytes.  PL_ERROR when libzip cannot be
 * loaded or fails.
 */
int	 pl_publish_zip(struct pl_buf *out, const struct pl_publish *p)
	    PL_WUR;

/* What would be published, as JSON (docs/report-schema.md). */
void	 pl_publish_json(struct pl_buf *out, const struct pl_publish *p);

#endif
