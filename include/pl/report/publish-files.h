/*
 * A showcase's site in memory (pl/report/publish.h): its files, what was
 * left out, and the helpers every part of publishing shares, below them
 * all: adding a file, masking email addresses, reading a link of the
 * learner's text.
 */
#ifndef PL_PUBLISH_FILES_H
#define PL_PUBLISH_FILES_H

#include <stddef.h>

#include "pl/base/util.h"

/* An attachment larger than this on a side, or in bytes, gets a thumbnail. */
#define PL_PUBLISH_THUMB_SIDE	1600
#define PL_PUBLISH_THUMB_BYTES	(1024 * 1024)
/* A thumbnail's longer side. */
#define PL_PUBLISH_THUMB_MAX	800

struct pl_publish_file {
	char		*path;		/* from the site's top: "index.html",
					   "items/quiz.html",
					   "items/quiz/a.png" */
	const char	*role;		/* "page", "attachment", "thumbnail" */
	char		*item;		/* the item's id, or NULL */
	struct pl_buf	 data;
	char		 sha1[41];	/* git's blob id of data */
};

struct pl_publish_left {
	char		*id;
	const char	*reason;	/* "private", "missing", "unreadable" */
};

struct pl_publish {
	char			 commit[41];
	char			 commit_date[11];
	char			*name;		/* the showcase's */
	char			*title;
	struct pl_publish_file	*files;		/* sorted by path */
	size_t			 nfiles;
	struct pl_publish_left	*left;		/* in the showcase's order */
	size_t			 nleft;
	struct pl_strlist	 warnings;	/* no thumbnails, and why */
};

/* Adds a file of the site; data's bytes are taken over (data emptied). */
struct pl_publish_file *pl_publish_add(struct pl_publish *p,
	    const char *path, const char *role, const char *item,
	    struct pl_buf *data);

void	 pl_publish_free(struct pl_publish *);

/*
 * Appends n bytes of s to out with every email address masked as
 * "[email hidden]": a run of [A-Za-z0-9._%+-] (at least one), then "@"
 * or "%40", then two or more labels of [A-Za-z0-9-] joined by dots, the
 * last with a letter.  The one rule for all a site shows.
 */
void	 pl_publish_mask_emails(struct pl_buf *out, const char *s, size_t n);

/* 1 when s's n bytes hold an address pl_publish_mask_emails() masks. */
int	 pl_publish_has_email(const char *s, size_t n);

/*
 * 1 when a Markdown link or image URL names the attachment src of
 * evidence id: its path from the top, its name, "./" and its name, or
 * "<id>/" and its name.
 */
int	 pl_publish_names_file(const char *url, const char *src,
	    const char *id);

/*
 * 1 when a link of learner text may stay as written: http:, https:,
 * mailto: (its address masked like any other) or "#...".  Any other
 * link would lead into the portfolio, which is not published.
 */
int	 pl_publish_url_outside(const char *url);

#endif
