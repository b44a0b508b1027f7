/*
 * The .gitattributes lines that name pl's merge driver: added when
 * missing, a person's own lines kept; and the folder a clone goes to.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pl/sync/clone.h"
#include "pl/store/driver.h"
#include "tap.h"
#include "testrepo.h"

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

/*
 * The merge driver on base, ours and theirs (each len bytes, NULL for a
 * missing file): what it returns; ours afterwards in *left.
 */
static int
driver(const char *b, const char *o, const char *t, size_t len, char **left)
{
	struct pl_strlist	 conflicts = PL_STRLIST_INIT;
	struct pl_buf		 got = PL_BUF_INIT;
	int			 err;

	unlink("ours");
	write_bytes("base", b, len);
	if (o != NULL)
		write_bytes("ours", o, len);
	write_bytes("theirs", t, len);
	err = pl_merge_driver(&conflicts, "base", "ours", "theirs",
	    "goals/x.md", 0);
	*left = pl_read_bytes(&got, "ours") == 0 ? pl_buf_detach(&got) :
	    pl_xstrdup("(none)");
	pl_buf_release(&got);
	pl_strlist_release(&conflicts);
	return err;
}

/* What the merge driver does with a NUL byte, or a file missing. */
static void
test_driver_refusals(void)
{
	char	*tmp = tmpdir(), *left;
	int	 err;

	if (chdir(tmp) != 0) {
		perror(tmp);
		exit(2);
	}
	err = driver("a\0b\n", "a b\n", "a c\n", 4, &left);
	is_int(err, PL_ECONFLICT, "a NUL in base: a conflict");
	is_str(pl_error_last(), "goals/x.md: cannot merge a file holding a "
	    "NUL byte (binary or UTF-16?); ours is kept", "said so");
	is_str(left, "a b\n", "ours kept");
	free(left);
	err = driver("a a\n", "a\0b\n", "a c\n", 4, &left);
	is_int(err, PL_ECONFLICT, "a NUL in ours: a conflict");
	ok(memcmp(left, "a\0b\n", 4) == 0, "ours kept");
	free(left);
	err = driver("a a\n", NULL, "a c\n", 4, &left);
	is_int(err, PL_ENOTFOUND, "ours missing: not found");
	is_str(left, "(none)", "and not made");
	free(left);
	is_int(run("rm -rf %s", tmp), 0, "the test's folder removed");
	free(tmp);
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
	attrs("\tgoals/*.md\tmerge=pl\r\nevidence/*.md merge=no \r\n"
	    "reflections/*.mx merge=pl\n   \n", "\tgoals/*.md\tmerge=pl\r\n"
	    "evidence/*.md merge=no \r\nreflections/*.mx merge=pl\n   \n"
	    "evidence/*.md merge=pl\nreflections/*.md merge=pl\n"
	    "/profile.md merge=pl\n", 3, "tabs and CRLF count as spaces, "
	    "another pattern or driver does not");
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
	test_driver_refusals();
	return done_testing();
}
