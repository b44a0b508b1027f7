/*
 * The .gitattributes lines that name pl's merge driver: added when
 * missing, a person's own lines kept; and the folder a clone goes to.
 */
#include <stdlib.h>

#include "pl/clone.h"
#include "pl/driver.h"
#include "tap.h"

#define ALL "goals/*.md merge=pl\nevidence/*.md merge=pl\n" \
	"reflections/*.md merge=pl\n/profile.md merge=pl\n"

static void
attrs(const char *text, const char *want, size_t added, const char *what)
{
	struct pl_buf	out = PL_BUF_INIT;
	size_t		n;

	n = pl_driver_attributes(&out, text);
	is_str(pl_buf_cstr(&out), want, "%s", what);
	ok(n == added, "%s: %zu lines added", what, added);
	pl_buf_release(&out);
}

static void
dir(const char *url, const char *want)
{
	char	*got = pl_clone_dir(url);

	if (want == NULL)
		ok(got == NULL, "no folder from '%s'", url);
	else
		is_str(got != NULL ? got : "(null)", want, "'%s' -> '%s'",
		    url, want);
	free(got);
}

int
main(void)
{
	attrs("", ALL, 4, "none: all four");
	attrs(ALL, ALL, 0, "all there: none");
	attrs("*.jpg binary", "*.jpg binary\n" ALL, 4,
	    "a person's line kept, a newline added");
	attrs("goals/*.md  text  merge=pl\n", "goals/*.md  text  merge=pl\n"
	    "evidence/*.md merge=pl\nreflections/*.md merge=pl\n"
	    "/profile.md merge=pl\n", 3, "the same pattern with more");
	attrs("goals/*.md merge=text\n", "goals/*.md merge=text\n" ALL, 4,
	    "another driver does not count");
	attrs("# goals/*.md merge=pl\n", "# goals/*.md merge=pl\n" ALL, 4,
	    "a comment does not count");
	dir("https://git.example/class/ana.git", "ana");
	dir("https://git.example/class/ana/", "ana");
	dir("git@git.example:ana.git", "ana");
	dir("/srv/ana/.git", "ana");
	dir("ana.git", "ana");
	dir("file:///srv/ana", "ana");
	dir("/", NULL);
	dir("..", NULL);
	return done_testing();
}
