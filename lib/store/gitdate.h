/*
 * Dates as git reads them from GIT_AUTHOR_DATE and GIT_COMMITTER_DATE
 * (lib/store/gitdate.c), for the identity a commit gets.
 */
#ifndef PL_STORE_GITDATE_H
#define PL_STORE_GITDATE_H

#include <time.h>

#include <git2.h>

/*
 * Parses a date as git takes it in GIT_AUTHOR_DATE: "[@]<unix> [+hhmm]",
 * RFC 2822, ISO 8601 (lib/store/gitdate.c).  A date without a zone is in the
 * local zone.  0, or -1 for text git would refuse and for a time the
 * commit header cannot hold: before 1970 or after 2106-02-07T06:28:15Z
 * (libgit2 writes 32 bits), so never a year outside 1000 to 9999.
 */
int	 pl_git_date_parse(git_time_t *t, int *off, const char *s);

/* The local zone's UTC offset at t, in minutes (tm_gmtoff is not POSIX). */
int	 pl_local_offset(time_t t);

#endif
