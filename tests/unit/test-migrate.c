/*
 * Migrating codes (pl_align_migrate()) in files a person laid out in the
 * ways t0181 does not: two old codes that become one, quotes a new code
 * must escape, comments between a flow list's items and its commas, CR
 * LF lines, a tagged item, codes pl cannot rewrite in place (a block
 * scalar, an empty item), evidence rated without a standards list, and
 * the map files pl refuses.  Each file is compared as the commit has it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pl/entries/migrate.h"
#include "pl/store/portfolio.h"
#include "tap.h"
#include "testrepo.h"

static char	*dir;

/* Writes path of the portfolio (folders made) and stages it. */
static void
put(const char *path, const char *text)
{
	char	*full = pl_xasprintf("%s/%s", dir, path);

	run("mkdir -p $(dirname %s)", full);
	write_text(full, text);
	run("git -C %s add %s", dir, path);
	free(full);
}

/* The file as HEAD has it, compared with want. */
static void
is_file(const char *path, const char *want, const char *what)
{
	char	*got = out("git -C %s show HEAD:%s", dir, path);
	size_t	 n = strlen(want);
	char	*w = pl_xstrndup(want, n > 0 && want[n - 1] == '\n' ? n - 1 :
		    n);

	is_str(got, w, "%s", what);
	free(w);
	free(got);
}

/* Migrates with the map text; the error, *m filled. */
static int
migrate(struct pl_migration *m, struct pl_strlist *warnings,
    const char *map, int dry)
{
	struct pl_portfolio	*p = open_at(dir);
	char			*file = pl_xasprintf("%s/map.csv", home);
	int			 err;

	write_text(file, map);
	err = pl_align_migrate(m, p, file, dry, warnings);
	pl_portfolio_free(p);
	free(file);
	return err;
}

static void
setup(void)
{
	dir = new_portfolio();
	put("standards/m.csv", "code,description\nA.1,a\nA.2,b\nB.1,c\n"
	    "C.1,d\nQ'1,e\n\"Q\"\"1\",f\nQ\\1,g\n");
	put("goals/two.md", "---\ntitle: Two\n"
	    "standards: [A.1, A.2, C.1]\n---\n");
	put("goals/quotes.md", "---\ntitle: Quotes\n"
	    "standards: ['S.1', \"D.1\", \"D.2\"]\n---\n");
	put("goals/comment-comma.md", "---\ntitle: Comment, comma\n"
	    "standards: [B.1, A.1  # old\n  , C.1]\n---\n");
	put("goals/comma-comment.md", "---\ntitle: Comma, comment\n"
	    "standards: [B.1, A.1, # old\n  C.1]\n---\n");
	put("goals/last-line.md", "---\ntitle: Last on its line\n"
	    "standards: [B.1,\n  A.1]\n---\n");
	put("goals/last-space.md", "---\ntitle: Last after a space\n"
	    "standards: [B.1 , A.1]\n---\n");
	put("goals/crlf.md", "---\r\ntitle: CR LF\r\nstandards:\r\n"
	    "  - B.1\r\n  - A.1\r\n---\r\n");
	put("goals/tagged.md", "---\ntitle: Tagged\nstandards:\n"
	    "  - B.1\n  - !!str A.1  # tagged\n---\n");
	put("goals/folded.md", "---\ntitle: Folded\nstandards: >-\n"
	    "  A.1\n# kept?\n---\n");
	put("goals/empty-item.md", "---\ntitle: Empty item\n"
	    "standards: [A.1, \"\", C.1]  # comment\n---\n");
	put("goals/not-list.md", "---\ntitle: Not a list\n"
	    "standards: {a: A.1}\n---\n");
	put("evidence/rated.md", "---\ntitle: Rated\ndate: 2026-01-02\n"
	    "kind: artifact\nratings:\n  - standard: A.1  # only rated\n"
	    "    level: 2\n    by: Self <me@x>\n    date: 2026-01-03\n---\n");
	run("git -C %s commit -q -m 'by hand'", dir);
}

static void
test_refused(void)
{
	struct pl_migration	m;
	struct pl_strlist	w = PL_STRLIST_INIT;
	char			*s;

	is_int(migrate(&m, &w, "", 0), PL_EPARSE, "an empty map");
	s = pl_xasprintf("%s/map.csv: no codes to migrate (a row is an old "
	    "code, a comma and the new code)", home);
	is_str(pl_error_last(), s, "says what a row is");
	free(s);
	pl_migration_release(&m);

	is_int(migrate(&m, &w, "A.1,Z.9\n", 0), PL_ENOTFOUND, "an unknown "
	    "new code");
	ok(strstr(pl_error_last(), "Z.9") != NULL, "names it (%s)",
	    pl_error_last());
	pl_migration_release(&m);

	is_int(migrate(&m, &w, "X.1,B.1\n", 0), PL_ENOCHANGE, "an old code "
	    "nobody names");
	pl_migration_release(&m);
	pl_strlist_release(&w);
	is_out("1", "nothing committed", "git -C %s rev-list --count "
	    "HEAD^..HEAD", dir);
}

static void
test_migrate(void)
{
	struct pl_migration	m;
	struct pl_strlist	w = PL_STRLIST_INIT;
	struct pl_buf		b = PL_BUF_INIT;
	size_t			i;

	is_int(migrate(&m, &w, "A.1,B.1\nA.2,B.1\nS.1,Q'1\nD.1,\"Q\"\"1\"\n"
	    "D.2,Q\\1\n", 0), 0, "migrates (%s)", pl_error_last());
	for (i = 0; i < m.entries.n; i++)
		pl_buf_printf(&b, "%s: %s\n", m.entries.v[i], m.changes.v[i]);
	for (i = 0; i < w.n; i++)
		pl_buf_printf(&b, "warning: %s\n", w.v[i]);
	is_str(pl_buf_cstr(&b), "goal comma-comment: A.1 -> B.1\n"
	    "goal comment-comma: A.1 -> B.1\n"
	    "goal crlf: A.1 -> B.1\n"
	    "goal empty-item: A.1 -> B.1\n"
	    "goal folded: A.1 -> B.1\n"
	    "goal last-line: A.1 -> B.1\n"
	    "goal last-space: A.1 -> B.1\n"
	    "goal quotes: S.1 -> Q'1, D.1 -> Q\"1, D.2 -> Q\\1\n"
	    "goal tagged: A.1 -> B.1\n"
	    "goal two: A.1 -> B.1, A.2 -> B.1\n"
	    "evidence rated: A.1 -> B.1\n"
	    "warning: goals/not-list.md:3: 'standards' must be a list of "
	    "strings\n", "what changed; the entry pl cannot read is left");
	pl_buf_release(&b);
	pl_migration_release(&m);
	pl_strlist_release(&w);
	is_out("align: migrate 5 codes\nMigrated 5 codes in 11 files.\n\n"
	    "Pl-Kind: align\nPl-Action: migrate\nPl-Id: m\n"
	    "Pl-Migrate: A.1 -> B.1\nPl-Migrate: A.2 -> B.1\n"
	    "Pl-Migrate: S.1 -> Q'1\nPl-Migrate: D.1 -> Q\"1\n"
	    "Pl-Migrate: D.2 -> Q\\1", "one commit",
	    "git -C %s log --format=%%s%%n%%b -1", dir);

	is_file("goals/two.md", "---\ntitle: Two\n"
	    "standards: [B.1, C.1]\n---\n", "two old codes become one");
	is_file("goals/quotes.md", "---\ntitle: Quotes\n"
	    "standards: ['Q''1', \"Q\\\"1\", \"Q\\\\1\"]\n---\n",
	    "a quote or backslash in a new code is escaped as its scalar "
	    "escapes it");
	is_file("goals/comment-comma.md", "---\ntitle: Comment, comma\n"
	    "standards: [B.1,   # old\n  C.1]\n---\n", "a comment before "
	    "the comma stays");
	is_file("goals/comma-comment.md", "---\ntitle: Comma, comment\n"
	    "standards: [B.1,  # old\n  C.1]\n---\n", "a comment after the "
	    "comma stays");
	is_file("goals/last-line.md", "---\ntitle: Last on its line\n"
	    "standards: [B.1\n]\n---\n", "the last item on its own line: "
	    "the comma before it goes, the line break stays");
	is_file("goals/last-space.md", "---\ntitle: Last after a space\n"
	    "standards: [B.1]\n---\n", "the last item: the blanks before "
	    "its comma go too");
	is_file("goals/crlf.md", "---\r\ntitle: CR LF\r\nstandards:\r\n"
	    "  - B.1\r\n---\r\n", "a CR LF line goes whole");
	is_file("goals/tagged.md", "---\ntitle: Tagged\nstandards:\n"
	    "- B.1\n---\n", "a tagged item: pl writes the values");
	is_file("goals/folded.md", "---\ntitle: Folded\n"
	    "standards: B.1\n---\n", "a block scalar: pl writes the value");
	is_file("goals/empty-item.md", "---\ntitle: Empty item\n"
	    "standards: [B.1, \"\", C.1]  # comment\n---\n", "an empty item "
	    "is passed over");
	is_file("goals/not-list.md", "---\ntitle: Not a list\n"
	    "standards: {a: A.1}\n---\n", "not a list: left as it was");
	is_file("evidence/rated.md", "---\ntitle: Rated\ndate: 2026-01-02\n"
	    "kind: artifact\nratings:\n  - standard: B.1  # only rated\n"
	    "    level: 2\n    by: Self <me@x>\n    date: 2026-01-03\n---\n",
	    "ratings without a standards list");
}

int
main(void)
{
	env_setup();
	setup();
	test_refused();
	test_migrate();
	run("rm -rf %s %s", dir, home);
	free(dir);
	free(home);
	return done_testing();
}
