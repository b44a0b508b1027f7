/*
 * A roster, as a spreadsheet exports it (lib/report/roster.c), written to a
 * file once per process and read as pl report --roster reads it.
 * Oracle: the folder a URL's clone goes to stays inside the clones'
 * folder (no "..", no control character in a component).
 */
#include "fuzz.h"
#include "pl/report/roster.h"

static void
inside(const char *dir, const char *clones, const char *url)
{
	const char	*p = dir + strlen(clones), *e;
	size_t		 n;

	FUZZ_CHECK(strncmp(dir, clones, strlen(clones)) == 0 && *p == '/',
	    "'%s' puts its clone at '%s'", url, dir);
	for (; *p == '/'; p = e) {
		p++;
		e = p + strcspn(p, "/");
		n = e - p;
		FUZZ_CHECK(n > 0 && !(n == 1 && p[0] == '.') &&
		    !(n == 2 && p[0] == '.' && p[1] == '.'),
		    "'%s' puts its clone at '%s'", url, dir);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	static char		*path, *clones;
	struct pl_roster	 l;
	char			*dir;
	size_t			 i;

	if (path == NULL) {
		path = pl_xasprintf("%s/roster.csv", fuzz_dir());
		clones = pl_xasprintf("%s/clones", fuzz_dir());
	}
	fuzz_write(path, d, n);
	if (pl_roster_read(&l, path) != PL_OK)
		return 0;
	for (i = 0; i < l.n; i++) {
		if (pl_roster_locate(&dir, &l, &l.rows[i], clones) == PL_OK &&
		    pl_roster_is_url(l.rows[i].portfolio))
			inside(dir, clones, l.rows[i].portfolio);
		free(dir);
	}
	pl_roster_release(&l);
	return 0;
}
