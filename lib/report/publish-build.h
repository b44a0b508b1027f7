/*
 * Internal: what a site is made from once publish.c has decided what may
 * be shown (the items, their attachments, goals and standards), for the
 * pages publish-html.c writes.  Everything here may be shown.
 */
#ifndef PL_PUBLISH_BUILD_H
#define PL_PUBLISH_BUILD_H

#include "pl/entries/entry.h"
#include "pl/report/publish-files.h"
#include "pl/report/report.h"

enum att_kind { ATT_IMAGE, ATT_PDF, ATT_AUDIO, ATT_VIDEO, ATT_OTHER };

struct att {
	const char	*src;		/* "evidence/x/My Photo.PNG" */
	char		*name;		/* "my-photo.png" */
	char		*href;		/* from its item's page: "x/my-photo.png" */
	char		*thumb;		/* the thumbnail's href, or NULL */
	enum att_kind	 kind;
	const char	*type;		/* the media type, or NULL */
	unsigned	 w, h;		/* an image's, or 0 */
	unsigned	 tw, th;	/* its thumbnail's */
	char		*alt;		/* the learner's, or NULL */
};

struct rating {
	const char	*standard;
	const char	*level;
	char		*by;		/* a name alone, or NULL */
	const char	*date;
	const char	*note;
};

struct item {
	const char			*id;
	const char			*note;
	struct pl_entry			*e;		/* at the commit */
	const struct pl_report_evidence	*ev;		/* or */
	const struct pl_report_reflection *refl;
	char				*page;		/* "items/<id>.html" */
	struct pl_strlist		 files;		/* as listed */
	struct att			*atts;
	size_t				 natts;
	struct rating			*ratings;
	size_t				 nratings;
};

struct site {
	struct pl_publish		*p;
	const struct pl_report		*r;
	const struct pl_report		*now;		/* HEAD's family view
							   (r without
							   --as-of) */
	const struct pl_doc		*doc;		/* the showcase's */
	const struct pl_doc		*now_doc;	/* at HEAD, or NULL */
	const char			*version;
	struct item			*items;		/* shown, in order */
	size_t				 nitems;
	const struct pl_report_goal	**goals;	/* linked, in order */
	size_t				 ngoals;
	const struct pl_report_standard	**standards;
	size_t				 nstandards;
	int				 strengths, interests, ratings;
	int				 profile_shown;
};

/* The index and every item's page, into s->p. */
void	 pl_publish_pages(struct site *s);

#endif
