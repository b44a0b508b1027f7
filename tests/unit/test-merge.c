/*
 * Merging a portfolio file by structure: what each side changed is
 * kept, lists of ids and ratings as sets, steps by their text; what
 * both changed differently is a conflict, named.
 */
#include <stdlib.h>
#include <string.h>

#include "pl/merge.h"
#include "tap.h"

/* The merged text, or "CONFLICT: " and the conflicts joined. */
static char *
merge(const char *base, const char *ours, const char *theirs)
{
	struct pl_buf		 out = PL_BUF_INIT;
	struct pl_strlist	 c = PL_STRLIST_INIT;

	if (pl_merge_file(&out, &c, "goals/x.md", base, ours, theirs) !=
	    PL_OK) {
		pl_buf_clear(&out);
		pl_buf_puts(&out, "CONFLICT: ");
		pl_strlist_join(&out, &c, ", ");
	}
	pl_strlist_release(&c);
	pl_error_clear();
	return pl_buf_detach(&out);
}

static void
check(const char *base, const char *ours, const char *theirs,
    const char *want, const char *what)
{
	char	*got = merge(base, ours, theirs);

	is_str(got, want, "%s", what);
	free(got);
	/* the other way round, the same but for order */
}

#define GOAL(status, due, standards, steps) \
	"---\ntitle: Fractions\nstatus: " status "\ndue: " due \
	"\nstandards: [" standards "]\n---\n\n## Why\n\nTo cook.\n\n" \
	"## Steps\n\n" steps

static void
test_trivial(void)
{
	const char	*b = GOAL("active", "2026-12-01", "", "- [ ] One\n");
	const char	*o = GOAL("met", "2026-12-01", "", "- [ ] One\n");

	check(b, b, b, b, "nothing changed");
	check(b, o, b, o, "ours alone changed");
	check(b, b, o, o, "theirs alone changed");
	check(b, o, o, o, "both the same");
	check("", o, o, o, "new on both sides, the same");
}

static void
test_keys(void)
{
	const char	*b = GOAL("active", "2026-12-01", "A", "- [ ] One\n");

	check(b, GOAL("met", "2026-12-01", "A", "- [ ] One\n"),
	    GOAL("active", "2026-12-20", "A", "- [ ] One\n"),
	    GOAL("met", "2026-12-20", "A", "- [ ] One\n"),
	    "different keys changed on each side: both kept");
	check(b, GOAL("met", "2026-12-01", "A", "- [ ] One\n"),
	    GOAL("paused", "2026-12-01", "A", "- [ ] One\n"),
	    "CONFLICT: 'status'", "one key changed differently: a conflict");
	check(b, GOAL("met", "2026-12-05", "A", "- [ ] One\n"),
	    GOAL("paused", "2026-12-09", "A", "- [ ] One\n"),
	    "CONFLICT: 'status', 'due'", "each conflict named");
	check("---\ntitle: X\n---\n", "---\ntitle: X\nparent: a\n---\n",
	    "---\ntitle: X\nterm: long\n---\n",
	    "---\ntitle: X\nparent: a\nterm: long\n---\n",
	    "a key added on each side: both, theirs after ours");
	check("---\ntitle: X\n---\n", "---\ntitle: X\nparent: a\n---\n",
	    "---\ntitle: X\nparent: b\n---\n", "CONFLICT: 'parent'",
	    "one key added with two values: a conflict");
	check("---\ntitle: X\nparent: a\nterm: long\n---\n",
	    "---\ntitle: X\nterm: long\n---\n",
	    "---\ntitle: Y\nparent: a\nterm: long\n---\n",
	    "---\ntitle: Y\nterm: long\n---\n",
	    "a key taken out on one side, another changed on the other");
	check("---\ntitle: X\nparent: a\n---\n", "---\ntitle: X\n---\n",
	    "---\ntitle: X\nparent: b\n---\n", "CONFLICT: 'parent'",
	    "taken out here, changed there: a conflict");
}

static void
test_layout(void)
{
	check("---\n# the learner's own words\ntitle: X  # short\n"
	    "status: active\n---\nBody.\n",
	    "---\n# the learner's own words\ntitle: X  # short\n"
	    "status: met\n---\nBody.\n",
	    "---\n# the learner's own words\ntitle: X  # short\n"
	    "status: active\n---\nBody, longer.\n",
	    "---\n# the learner's own words\ntitle: X  # short\n"
	    "status: met\n---\nBody, longer.\n",
	    "comments and layout kept, front matter and body from each side");
	check("\xef\xbb\xbf---\r\ntitle: X\r\nstatus: active\r\n---\r\nA\r\n",
	    "\xef\xbb\xbf---\r\ntitle: X\r\nstatus: met\r\n---\r\nA\r\n",
	    "\xef\xbb\xbf---\r\ntitle: X\r\nstatus: active\r\n---\r\nB\r\n",
	    "\xef\xbb\xbf---\r\ntitle: X\r\nstatus: met\r\n---\r\nB\r\n",
	    "a byte-order mark and CRLF lines kept");
	check("---\ntitle: X\n---\nA\n", "---\ntitle: X\n---\nB\n",
	    "---\ntitle: X\n---\nC\n",
	    "CONFLICT: the text before the first heading",
	    "the body changed on both sides: a conflict");
	check("---\ntitle: X\n", "---\ntitle: Y\n", "---\ntitle: Z\n",
	    "CONFLICT: the front matter", "front matter never closed");
	check("---\ntitle: X\n---\n", "---\ntitle: [\n---\n",
	    "---\ntitle: X\nterm: long\n---\n", "CONFLICT: the front matter",
	    "a result that would not parse is a conflict");
}

static void
test_lists(void)
{
	check(GOAL("active", "2026-12-01", "A, B", ""),
	    GOAL("active", "2026-12-01", "A, B, C", ""),
	    GOAL("active", "2026-12-01", "A, B, D", ""),
	    GOAL("active", "2026-12-01", "A, B, C, D", ""),
	    "standards added on each side: the union");
	check(GOAL("active", "2026-12-01", "A, B", ""),
	    GOAL("active", "2026-12-01", "B, C", ""),
	    GOAL("active", "2026-12-01", "A, B, D", ""),
	    GOAL("active", "2026-12-01", "B, C, D", ""),
	    "one taken out here: out of the union");
	check("---\ntitle: E\ngoals:\n  - a\n---\n",
	    "---\ntitle: E\ngoals:\n  - a\n  - b\n---\n",
	    "---\ntitle: E\ngoals:\n  - a\n  - c\n---\n",
	    "---\ntitle: E\ngoals:\n  - a\n  - b\n  - c\n---\n",
	    "a block list stays a block list");
	check("---\ntitle: E\nfiles: []\n---\n",
	    "---\ntitle: E\nfiles: [x.png]\n---\n",
	    "---\ntitle: E\nfiles: [y.png]\n---\n",
	    "---\ntitle: E\nfiles: [x.png, y.png]\n---\n",
	    "files added on each side");
}

#define RATED(more) \
	"---\ntitle: Quiz\nratings:\n- standard: A\n  level: 2\n" \
	"  by: Ms Rivera <r@s.example>\n  date: 2026-11-01\n" more "---\nIt.\n"
#define R2 "- standard: B\n  level: 3\n  by: Mr Chen <c@s.example>\n" \
	"  date: 2026-11-02\n"
#define R3 "- standard: A\n  level: 4\n  by: Mr Chen <c@s.example>\n" \
	"  date: 2026-11-03\n"

static void
test_ratings(void)
{
	check(RATED(""), RATED(R2), RATED(R3), RATED(R2 R3),
	    "a rating given on each side: both kept");
	check(RATED(R2), RATED(""), RATED(R2 R3), RATED(R3),
	    "a rating taken out here, another given there");
	check("---\ntitle: Quiz\nratings: []\n---\n",
	    "---\ntitle: Quiz\nratings: [{standard: A, level: 1}]\n---\n",
	    "---\ntitle: Quiz\nratings: [{standard: B, level: 1}]\n---\n",
	    "CONFLICT: 'ratings'", "ratings in flow style: a conflict");
}

static void
test_steps(void)
{
	const char	*b = GOAL("active", "2026-12-01", "",
	    "- [ ] One\n- [ ] Two\n");

	check(b, GOAL("active", "2026-12-01", "", "- [x] One\n- [ ] Two\n"),
	    GOAL("active", "2026-12-01", "",
	    "- [ ] One\n- [ ] Two\n- [ ] Three\n"),
	    GOAL("active", "2026-12-01", "",
	    "- [x] One\n- [ ] Two\n- [ ] Three\n"),
	    "a step ticked here, one added there: both");
	check(b, GOAL("active", "2026-12-01", "", "- [x] One\n- [ ] Two\n"),
	    GOAL("active", "2026-12-01", "", "- [ ] One\n- [X] Two\n"),
	    GOAL("active", "2026-12-01", "", "- [x] One\n- [X] Two\n"),
	    "a different step ticked on each side");
	check(b, GOAL("active", "2026-12-01", "",
	    "- [ ] One\n- [ ] Two\n- [ ] Mine\n"),
	    GOAL("active", "2026-12-01", "",
	    "- [ ] One\n- [ ] Two\n- [ ] Theirs\n"),
	    GOAL("active", "2026-12-01", "",
	    "- [ ] One\n- [ ] Two\n- [ ] Mine\n- [ ] Theirs\n"),
	    "a step added on each side: both, theirs after ours");
	check(GOAL("active", "2026-12-01", "", "- [x] One\n"),
	    GOAL("active", "2026-12-01", "", "- [ ] One\n"),
	    GOAL("active", "2026-12-01", "", "- [x] One\n- [ ] Two\n"),
	    GOAL("active", "2026-12-01", "", "- [ ] One\n- [ ] Two\n"),
	    "unticked here, a step added there: unticked and added");
	check(GOAL("active", "2026-12-01", "", ""),
	    GOAL("active", "2026-12-01", "", "- [x] New\n"),
	    GOAL("active", "2026-12-01", "", "- [ ] New\n- [ ] Other\n"),
	    GOAL("active", "2026-12-01", "", "- [x] New\n- [ ] Other\n"),
	    "one step added on both sides, ticked on one: ticked");
	check(b, GOAL("active", "2026-12-01", "", "- [ ] Two\n"),
	    GOAL("active", "2026-12-01", "", "- [x] One\n- [ ] Two\n"),
	    "CONFLICT: '## Steps'", "taken out here, ticked there");
	check(b, GOAL("active", "2026-12-01", "",
	    "Notes of mine.\n\n- [x] One\n- [ ] Two\n"),
	    GOAL("active", "2026-12-01", "", "- [ ] One\n- [x] Two\n"),
	    "CONFLICT: '## Steps'",
	    "other lines of the section changed: a conflict");
	check(GOAL("active", "2026-12-01", "", "- [ ] One\n"),
	    GOAL("active", "2026-12-01", "", "- [ ] One\n- [ ] A\n"),
	    GOAL("active", "2026-12-01", "", "- [ ] One\n- [ ] A\n- [ ] A\n"),
	    "CONFLICT: '## Steps'", "two steps with one text");
}

static void
test_sections(void)
{
	const char	*b = "---\ntitle: X\n---\n\n## Why\n\nA.\n";

	check(b, "---\ntitle: X\n---\n\n## Why\n\nB.\n",
	    "---\ntitle: X\n---\n\n## Why\n\nC.\n", "CONFLICT: '## Why'",
	    "prose changed on both sides: a conflict");
	check(b, "---\ntitle: X\n---\n\n## Why\n\nA.\n\n## Mine\n\nM.\n",
	    "---\ntitle: X\n---\n\n## Why\n\nA.\n\n## Theirs\n\nT.\n",
	    "---\ntitle: X\n---\n\n## Why\n\nA.\n\n## Mine\n\nM.\n"
	    "## Theirs\n\nT.\n",
	    "a section added on each side: both");
}

static void
test_message(void)
{
	struct pl_buf		 out = PL_BUF_INIT;
	struct pl_strlist	 c = PL_STRLIST_INIT;
	int			 err;

	err = pl_merge_file(&out, &c, "goals/x.md",
	    GOAL("active", "2026-12-01", "", ""),
	    GOAL("met", "2026-12-01", "", ""),
	    GOAL("paused", "2026-12-01", "", ""));
	is_int(err, PL_ECONFLICT, "a conflict is PL_ECONFLICT");
	is_str(pl_error_last(), "goals/x.md: cannot merge 'status': both "
	    "sides changed it differently", "the message names file and key");
	is_int(out.len, 0, "nothing written");
	pl_strlist_release(&c);
	pl_buf_release(&out);
}

int
main(void)
{
	test_trivial();
	test_keys();
	test_layout();
	test_lists();
	test_ratings();
	test_steps();
	test_sections();
	test_message();
	return done_testing();
}
