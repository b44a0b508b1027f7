/*
 * URLs as clone and sync read them (lib/sync/clone.h, push-local.h): %XX decoded, a
 * password kept out of messages, and which URLs are folders on this
 * machine (pushed to directly) rather than ones for libgit2.
 */
#include <stdlib.h>
#include <string.h>

#include "sync/clone.h"
#include "sync/push-local.h"
#include "tap.h"

static void
decode(const char *s, const char *want)
{
	char	*got = pl_url_decode(s, strlen(s));

	is_str(got, want, "decoded '%s'", s);
	free(got);
}

static void
local(const char *url, const char *want)
{
	char	*got = pl_url_local_path(url);

	is_str(got, want, "'%s' is %s", url, want != NULL ? want :
	    "not a local folder");
	free(got);
}

int
main(void)
{
	char	*s;

	decode("a%20b%2fc%2F%41%7e", "a b/c/A~");
	decode("100%", "100%");
	decode("%4", "%4");
	decode("%zz%4g%g4", "%zz%4g%g4");
	decode("%:0%0:", "%:0%0:");

	s = pl_url_shown("https://ana:se%20cret@h.example/x.git");
	is_str(s, "https://ana@h.example/x.git", "the password left out");
	free(s);

	local("file:///srv/ana.git", "/srv/ana.git");
	local("FILE://localhost/srv/a%20b.git", "/srv/a b.git");
	local("file://server/srv/ana.git", NULL);
	local("file:///", NULL);
	local("file:////srv/ana.git", NULL);
	local("/", "/");
	local("/no/such/folder", NULL);
	local("/dev/null", NULL);
	local("host:/srv/ana.git", NULL);
	local("ssh://host/srv", NULL);
	return done_testing();
}
