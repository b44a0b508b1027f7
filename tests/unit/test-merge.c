/*
 * Merging a portfolio file by structure: what each side changed is
 * kept, lists of ids and ratings as sets, steps by their text; what
 * both changed differently is a conflict, named.
 */
#include <stdlib.h>
#include <string.h>

#include "pl/base/doc.h"
#include "pl/base/merge.h"
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

static int
cmp_line(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The lines of s sorted, each flow list's items and each conflict's
 * name on a line of its own: what is left of a merge when the order of
 * lines and of items does not count.
 */
static char *
sorted_lines(const char *s)
{
	struct pl_buf	 b = PL_BUF_INIT, split = PL_BUF_INIT;
	char		*p, **v;
	size_t		 n = 0, i;

	for (p = (char *)s; *p != '\0'; p++)
		if (*p == '[' || *p == ']')
			pl_buf_printf(&split, "\n%c\n", *p);
		else if (p[0] == ',' && p[1] == ' ') {
			pl_buf_putc(&split, '\n');
			p++;
		} else
			pl_buf_putc(&split, *p);
	v = calloc(split.len + 2, sizeof *v);
	for (p = split.ptr; p != NULL && *p != '\0'; n++) {
		v[n] = p;
		p += strcspn(p, "\n");
		if (*p == '\n')
			*p++ = '\0';
	}
	qsort(v, n, sizeof *v, cmp_line);
	for (i = 0; i < n; i++)
		pl_buf_printf(&b, "%s\n", v[i]);
	free(v);
	pl_buf_release(&split);
	return pl_buf_detach(&b);
}

static void
check(const char *base, const char *ours, const char *theirs,
    const char *want, const char *what)
{
	char	*got = merge(base, ours, theirs);
	char	*swapped = merge(base, theirs, ours);
	char	*a = sorted_lines(swapped), *b = sorted_lines(want);

	is_str(got, want, "%s", what);
	/* the other way round, the same but for order */
	is_str(a, b, "%s (sides swapped)", what);
	free(a);
	free(b);
	free(swapped);
	free(got);
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
	check("---\ntitle: X\nstatus: active\n...\nA\n",
	    "---\ntitle: X\nstatus: met\n...\nA\n",
	    "---\ntitle: Y\nstatus: active\n...\nA\n",
	    "---\ntitle: Y\nstatus: met\n...\nA\n",
	    "front matter ended by '...' (YAML's document end): merged, kept");
	check("---\ntitle: X\nstatus: active\n---\nA\n",
	    "---\ntitle: X\nstatus: met\n---\nA\n",
	    "---\ntitle: Y\nstatus: active\n...\nA\n",
	    "---\ntitle: Y\nstatus: met\n...\nA\n",
	    "'---' made '...' on one side: that side's");
	check("---\ntitle: X\n...\nA\n", "---\ntitle: X\n...\nB\n",
	    "---\ntitle: X\nterm: long\n...\nA\n",
	    "---\ntitle: X\nterm: long\n...\nB\n",
	    "'...' and a body changed on one side, a key on the other");
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
	check(b, GOAL("active", "2026-12-01", "", "- [ ] One\n"),
	    GOAL("active", "2026-12-01", "", "- [x] One\n- [ ] Two\n"),
	    GOAL("active", "2026-12-01", "", "- [x] One\n"),
	    "taken out here, another ticked there: out, ticked");
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
test_front_lines(void)
{
	check("---\ntitle: T\nstandards: [A]\n# picked with Ms Rivera\n---\n",
	    "---\ntitle: T\nstandards: [A, B]\n# picked with Ms Rivera\n---\n",
	    "---\ntitle: T\nstandards: [A, C]\n# picked with Ms Rivera\n"
	    "-x: 1\n---\n",
	    "---\ntitle: T\nstandards: [A, B, C]\n# picked with Ms Rivera\n"
	    "-x: 1\n---\n",
	    "a flow list changed on both sides: the comment under it and "
	    "a key '-x' added there kept");
	check("---\ntitle: T\nstandards: [A]\n# mine\n---\n",
	    "---\ntitle: T\nstandards: [A, B]\n# mine\n---\n",
	    "---\ntitle: T\nstandards: [A, C]\n# theirs\n---\n",
	    "---\ntitle: T\nstandards: [A, B, C]\n# theirs\n---\n",
	    "the comment under a flow list changed on one side: that side's");
	check("---\ntitle: T\nstandards: [A]\n---\n",
	    "---\ntitle: T\nstandards: [A, B]  # B is new\n---\n",
	    "---\ntitle: T\nstandards: [A, C]\n---\n", "CONFLICT: 'standards'",
	    "a comment on the flow list's line: a conflict, not lost");
	check("---\ntitle: T\nstandards:\n  - A\n# picked with Ms Rivera\n---\n",
	    "---\ntitle: T\nstandards:\n  - A\n  - B\n# picked with Ms Rivera\n"
	    "---\n",
	    "---\ntitle: T\nstandards:\n  - A\n  - C\n# picked with Ms Rivera\n"
	    "---\n",
	    "---\ntitle: T\nstandards:\n  - A\n  - B\n  - C\n"
	    "# picked with Ms Rivera\n---\n",
	    "a block list changed on both sides: the comment after it once");
	check("---\ntitle: T\nstandards:\n  - A\n  - B\n---\n",
	    "---\ntitle: T\nstandards:\n  - A\n  # why B\n  - B\n  - C\n---\n",
	    "---\ntitle: T\nstandards:\n  - A\n  - B\n  - D\n---\n",
	    "CONFLICT: 'standards'",
	    "a comment between items added: a conflict, not lost");
}

#define BODY_B "\n## Why\n\nTo cook.\n\n## Steps\n\n- [ ] One\n"
#define BODY_T "\n## Why\n\nTo cook.\n\n## Feedback\n\nGood start.\n\n" \
	"## Steps\n\n- [ ] One\n"

static void
test_one_side(void)
{
	check("---\ntitle: F\nstatus: active\n---\n" BODY_B,
	    "---\ntitle: F\nstatus: met\n---\n" BODY_B,
	    "---\ntitle: F\nstatus: active\n---\n" BODY_T,
	    "---\ntitle: F\nstatus: met\n---\n" BODY_T,
	    "theirs alone changed the body: theirs' body, section order kept");
	check("---\ntitle: F\nstatus: active\n---\n" BODY_B,
	    "---\ntitle: F\nstatus: active\n---\n" BODY_T,
	    "---\ntitle: F\nstatus: met\n---\n" BODY_B,
	    "---\ntitle: F\nstatus: met\n---\n" BODY_T,
	    "ours alone changed the body: ours' body");
	check("---\ntitle: F\nstatus: active\n---\n" BODY_B,
	    "---\ntitle: F\nstatus: active\n---\n" BODY_T,
	    "---\r\n# the teacher's\r\ntitle: F\r\nstatus: active\r\n---\n"
	    BODY_B,
	    "---\r\n# the teacher's\r\ntitle: F\r\nstatus: active\r\n---\n"
	    BODY_T,
	    "theirs alone changed the front matter: theirs' bytes");
}

#define TWO "---\ntitle: Quiz\nratings:\n" \
	"- standard: A\n  level: 2\n  date: 2026-11-01\n" \
	"- standard: B\n  level: 3\n  date: 2026-11-02\n" \
	"---\nIt.\n"
#define ONE "---\ntitle: Quiz\nratings:\n" \
	"- standard: A\n  level: 2\n  date: 2026-11-01\n" \
	"---\nIt.\n"

static void
test_meaning(void)
{
	check(TWO, ONE,
	    "---\r\ntitle: Quiz\r\nratings:\r\n"
	    "- standard: A\r\n  level: 2\r\n  date: 2026-11-01\r\n"
	    "- standard: B\r\n  level: 3\r\n  date: 2026-11-02\r\n"
	    "---\r\nIt.\r\n",
	    "---\r\ntitle: Quiz\r\nratings:\r\n"
	    "- standard: A\r\n  level: 2\r\n  date: 2026-11-01\r\n"
	    "---\r\nIt.\r\n",
	    "a rating taken out here, CRLF there: it stays out");
	check(TWO, ONE,
	    "---\ntitle: Quiz\nratings:\n"
	    "  - standard: A\n    level: 2\n    date: 2026-11-01\n"
	    "  - level: 3  # checked twice\n    standard: 'B'\n"
	    "    date: 2026-11-02\n"
	    "---\nIt.\n",
	    "---\ntitle: Quiz\nratings:\n"
	    "  - standard: A\n    level: 2\n    date: 2026-11-01\n"
	    "---\nIt.\n",
	    "re-indented, reordered, quoted and commented there: still out");
	check(TWO,
	    "---\ntitle: Quiz\nratings:\n"
	    "  - standard: A\n    level: 2\n    date: 2026-11-01\n"
	    "  - standard: B\n    level: 3\n    date: 2026-11-02\n"
	    "---\nIt.\n",
	    "---\ntitle: Quiz\nratings:\n"
	    "- standard: A\n  level: 2\n  date: 2026-11-01\n"
	    "- standard: B\n  level: 3\n  date: 2026-11-02\n"
	    "- standard: C\n  level: 1\n  date: 2026-11-03\n"
	    "---\nIt.\n",
	    "---\ntitle: Quiz\nratings:\n"
	    "  - standard: A\n    level: 2\n    date: 2026-11-01\n"
	    "  - standard: B\n    level: 3\n    date: 2026-11-02\n"
	    "  - standard: C\n    level: 1\n    date: 2026-11-03\n"
	    "---\nIt.\n",
	    "re-indented here, a rating given there: given, re-indented");
	check("---\ntitle: E\nstandards:\n- A.1\n- A.2\n---\n",
	    "---\ntitle: E\nstandards:\n- A.1\n---\n",
	    "---\ntitle: E\nstandards:\n- \"A.1\"\n- \"A.2\"\n---\n",
	    "---\ntitle: E\nstandards:\n- \"A.1\"\n---\n",
	    "a standard taken out here, quoted there: out, quoted");
	check("---\ntitle: E\nstandards: [A.1, A.2]\n---\n",
	    "---\ntitle: E\nstandards: [A.1]\n---\n",
	    "---\ntitle: E\nstandards: [\"A.1\", 'A.2']\n---\n",
	    "---\ntitle: E\nstandards: [A.1]\n---\n",
	    "the same in flow style");
}

/*
 * A file of n "## Part N" sections: sections c1 and c2 changed, and one
 * added before section added (at the end when added == n, none past n).
 */
static void
sections(struct pl_buf *b, size_t n, size_t c1, size_t c2, size_t added)
{
	size_t	i;

	pl_buf_puts(b, "---\ntitle: Long\nstatus: active\n---\n");
	for (i = 0; i < n; i++) {
		if (i == added)
			pl_buf_puts(b, "## Added\n\nBy them.\n\n");
		pl_buf_printf(b, "## Part %zu\n\nText %zu%s.\n\n", i, i,
		    i == c1 || i == c2 ? " changed" : "");
	}
	if (added == n)
		pl_buf_puts(b, "## Added\n\nBy them.\n\n");
}

static size_t
log2_of(size_t n)
{
	size_t	l = 0;

	while (n >>= 1)
		l++;
	return l;
}

/* Merges, and checks the work stayed n log n in the n parts. */
static void
cost(const struct pl_buf *b, const struct pl_buf *o, const struct pl_buf *t,
    const struct pl_buf *want, size_t n, const char *what)
{
	struct pl_buf		 out = PL_BUF_INIT;
	struct pl_strlist	 c = PL_STRLIST_INIT;
	struct pl_merge_stats	 st = { 0, 0 };
	int			 err;

	err = pl_merge_file_stats(&out, &c, &st, "goals/x.md", b->ptr,
	    o->ptr, t->ptr);
	is_int(err, PL_OK, "%s: merged", what);
	ok(err == PL_OK && strcmp(pl_buf_cstr(&out), want->ptr) == 0,
	    "%s: as expected", what);
	ok(st.parts >= 3 * n, "%s: %zu parts read", what, st.parts);
	/* a quadratic merge makes n * n / 2: 30,000 a part at 60,000 */
	ok(st.compares < 8 * n * (log2_of(n) + 1),
	    "%s: %zu comparisons, %.1f a part (< 8 log2 n)", what,
	    st.compares, (double)st.compares / (double)n);
	pl_error_clear();
	pl_strlist_release(&c);
	pl_buf_release(&out);
}

static void
test_cost(void)
{
	struct pl_buf	b = PL_BUF_INIT, o = PL_BUF_INIT, t = PL_BUF_INIT;
	struct pl_buf	w = PL_BUF_INIT;
	struct pl_buf	*all[] = { &b, &o, &t, &w };
	size_t		n = 60000, i, k;

	/* theirs' new section goes after ours' last */
	sections(&b, n, n, n, n + 1);
	sections(&o, n, 100, n, n + 1);
	sections(&t, n, 50000, n, 30000);
	sections(&w, n, 100, 50000, n);
	cost(&b, &o, &t, &w, n, "60,000 sections");

	for (k = 0; k < 4; k++) {
		pl_buf_clear(all[k]);
		pl_buf_puts(all[k], "---\ntitle: S\n---\n## Steps\n\n");
	}
	for (i = 0; i < n; i++) {
		pl_buf_printf(&b, "- [ ] Step %zu\n", i);
		pl_buf_printf(&o, "- [%c] Step %zu\n", i == 7 ? 'x' : ' ', i);
		pl_buf_printf(&t, "- [%c] Step %zu\n", i == 9 ? 'x' : ' ', i);
		pl_buf_printf(&w, "- [%c] Step %zu\n", i == 7 || i == 9 ?
		    'x' : ' ', i);
	}
	pl_buf_puts(&t, "- [ ] Their step\n");
	pl_buf_puts(&w, "- [ ] Their step\n");
	cost(&b, &o, &t, &w, n, "60,000 steps");

	n = 40000;
	for (k = 0; k < 4; k++) {
		pl_buf_clear(all[k]);
		pl_buf_puts(all[k], "---\ntitle: L\nstandards:\n");
		for (i = 0; i < n; i++)
			pl_buf_printf(all[k], "  - S%zu\n", i);
	}
	pl_buf_puts(&o, "  - Mine\n---\n");
	pl_buf_puts(&t, "  - Theirs\n---\n");
	pl_buf_puts(&w, "  - Mine\n  - Theirs\n---\n");
	pl_buf_puts(&b, "---\n");
	cost(&b, &o, &t, &w, n, "40,000 standards");
	for (k = 0; k < 4; k++)
		pl_buf_release(all[k]);
}

static void
test_limit(void)
{
	struct pl_buf		 b = PL_BUF_INIT, o = PL_BUF_INIT;
	struct pl_buf		 t = PL_BUF_INIT, out = PL_BUF_INIT;
	struct pl_strlist	 c = PL_STRLIST_INIT;
	size_t			 n = PL_MERGE_PARTS_MAX + 1;

	sections(&b, n, n, n, n + 1);
	sections(&o, n, 1, n, n + 1);
	sections(&t, n, 2, n, n + 1);
	is_int(pl_merge_file(&out, &c, "goals/x.md", b.ptr, o.ptr, t.ptr),
	    PL_ECONFLICT, "more sections than the limit: a conflict");
	is_str(pl_error_last(), "goals/x.md: cannot merge more than 100,000 "
	    "sections by structure", "the message names the limit");
	ok(c.n == 1 && strcmp(c.v[0], "more than 100,000 sections") == 0,
	    "the conflict names it");
	is_int(out.len, 0, "nothing written");
	pl_error_clear();
	pl_strlist_release(&c);
	pl_buf_clear(&b);
	pl_buf_clear(&o);
	pl_buf_clear(&t);
	/* at the limit, one section before the first heading */
	sections(&b, n - 1, n, n, n);
	sections(&o, n - 1, 1, n, n);
	sections(&t, n - 1, 2, n, n);
	is_int(pl_merge_file(&out, &c, "goals/x.md", b.ptr, o.ptr, t.ptr),
	    PL_OK, "100,000 sections are merged");
	pl_strlist_release(&c);
	pl_buf_release(&b);
	pl_buf_release(&o);
	pl_buf_release(&t);
	pl_buf_release(&out);
}

/*
 * The oracle, over generated files: a model of a goal (status, a list of
 * standards in flow or block style with a comment under it, ratings,
 * sections of prose, steps), each side some random edits of the base.
 */
struct model {
	int	status;
	int	flow;
	int	std[8], nstd;
	int	rating[6], nrating;
	int	sec[8], nsec;		/* section id * 10 + its version */
	int	step[8], nstep;		/* step id * 2 + ticked */
};

static unsigned long	seed = 1;

static int
rnd(int n)
{
	seed = seed * 6364136223846793005UL + 1442695040888963407UL;
	return (int)((seed >> 33) % (unsigned long)n);
}

static void
drop(int *v, int *n, int i)
{
	memmove(v + i, v + i + 1, (size_t)(*n - i - 1) * sizeof *v);
	(*n)--;
}

static void
insert(int *v, int *n, int i, int x)
{
	memmove(v + i + 1, v + i, (size_t)(*n - i) * sizeof *v);
	v[i] = x;
	(*n)++;
}

/* A new id, for what a side adds: unique to the side (tag). */
static int	next_id = 100;

static void
edit(struct model *m)
{
	int	i;

	switch (rnd(9)) {
	case 0:
		m->status = rnd(3);
		break;
	case 1:
		if (m->nstd < 8)
			insert(m->std, &m->nstd, rnd(m->nstd + 1), next_id++);
		break;
	case 2:
		if (m->nstd > 0)
			drop(m->std, &m->nstd, rnd(m->nstd));
		break;
	case 3:
		if (m->nrating < 6)
			m->rating[m->nrating++] = next_id++;
		break;
	case 4:
		if (m->nrating > 0)
			drop(m->rating, &m->nrating, rnd(m->nrating));
		break;
	case 5:
		if (m->nsec > 0) {
			i = rnd(m->nsec);
			m->sec[i] = m->sec[i] / 10 * 10 + next_id++ % 9 + 1;
		}
		break;
	case 6:
		if (m->nsec < 8)
			insert(m->sec, &m->nsec, rnd(m->nsec + 1),
			    next_id++ * 10);
		break;
	case 7:
		if (m->nstep > 0) {
			i = rnd(m->nstep);
			m->step[i] ^= 1;
		}
		break;
	default:
		if (m->nstep < 8)
			m->step[m->nstep++] = next_id++ * 2;
		break;
	}
}

static char *
text_of(const struct model *m)
{
	static const char *const status[] = { "active", "met", "paused" };
	struct pl_buf	 b = PL_BUF_INIT;
	int		 i;

	pl_buf_printf(&b, "---\ntitle: Goal\nstatus: %s\n",
	    status[m->status]);
	if (m->flow) {
		pl_buf_puts(&b, "standards: [");
		for (i = 0; i < m->nstd; i++)
			pl_buf_printf(&b, "%sS%d", i ? ", " : "", m->std[i]);
		pl_buf_puts(&b, "]\n");
	} else {
		pl_buf_puts(&b, "standards:\n");
		for (i = 0; i < m->nstd; i++)
			pl_buf_printf(&b, "  - S%d\n", m->std[i]);
	}
	pl_buf_puts(&b, "# chosen with the teacher\nratings:\n");
	for (i = 0; i < m->nrating; i++)
		pl_buf_printf(&b, "- standard: R%d\n  level: %d\n",
		    m->rating[i], m->rating[i] % 4 + 1);
	pl_buf_puts(&b, "---\n\n");
	for (i = 0; i < m->nsec; i++)
		pl_buf_printf(&b, "## Part %d\n\nText %d.\n\n", m->sec[i] / 10,
		    m->sec[i]);
	pl_buf_puts(&b, "## Steps\n\n");
	for (i = 0; i < m->nstep; i++)
		pl_buf_printf(&b, "- [%c] Step %d\n", m->step[i] & 1 ? 'x' :
		    ' ', m->step[i] / 2);
	return pl_buf_detach(&b);
}

/* How often the line (with its end) is in text. */
static int
count_line(const char *text, const char *line, size_t n)
{
	const char	*s;
	int		 c = 0;

	for (s = text; *s != '\0'; s = strchr(s, '\n') + 1) {
		if (strncmp(s, line, n) == 0)
			c++;
		if (strchr(s, '\n') == NULL)
			break;
	}
	return c;
}

/* 1 when every line once in base and kept on both sides is in merged. */
static int
kept(const char *base, const char *o, const char *t, const char *merged)
{
	const char	*s, *nl;
	size_t		 n;

	for (s = base; *s != '\0'; s = nl + 1) {
		nl = strchr(s, '\n');
		n = (size_t)(nl - s) + 1;
		if (n > 1 && count_line(base, s, n) == 1 &&
		    count_line(o, s, n) > 0 && count_line(t, s, n) > 0 &&
		    count_line(merged, s, n) == 0) {
			printf("# lost: %.*s\n", (int)n - 1, s);
			return 0;
		}
	}
	return 1;
}

static int
parses(const char *text)
{
	struct pl_doc	*doc = NULL;
	int		 err = pl_doc_parse(&doc, "goals/x.md", text,
	    strlen(text));

	pl_doc_free(doc);
	pl_error_clear();
	return err == PL_OK;
}

static void
test_oracle(void)
{
	struct model	 a, o, t;
	char		*ta, *to, *tt, *got;
	int		 i, k, fails[4] = { 0, 0, 0, 0 }, merged = 0;

	for (i = 0; i < 2000; i++) {
		memset(&a, 0, sizeof a);
		a.flow = rnd(2);
		for (k = rnd(6); k > 0; k--)
			edit(&a);
		o = a;
		t = a;
		for (k = rnd(3) + 1; k > 0; k--)
			edit(&o);
		for (k = rnd(3) + 1; k > 0; k--)
			edit(&t);
		ta = text_of(&a);
		to = text_of(&o);
		tt = text_of(&t);
		got = merge(ta, ta, tt);
		fails[0] += strcmp(got, tt) != 0;
		free(got);
		got = merge(ta, tt, ta);
		fails[0] += strcmp(got, tt) != 0;
		free(got);
		got = merge(ta, to, tt);
		if (strncmp(got, "CONFLICT: ", 10) != 0) {
			merged++;
			fails[1] += !kept(ta, to, tt, got);
			fails[2] += !parses(got);
		}
		free(got);
		free(ta);
		free(to);
		free(tt);
	}
	is_int(fails[0], 0, "merge(A, A, B) and merge(A, B, A) are B");
	is_int(fails[1], 0, "no line both sides kept is lost (%d merged "
	    "of 2000)", merged);
	is_int(fails[2], 0, "every merge parses");
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

#define BOM	"\xef\xbb\xbf"

/* Files as hands and other tools leave them: line ends, quoting, odd lines. */
static void
test_edges(void)
{
	check("---\ntitle: A\n---\n", "---\ntitle: B\n---",
	    "---\ntitle: A\n---\nBody\n", "---\ntitle: B\n---\nBody\n",
	    "a closing line without its line end, a body from theirs: "
	    "the line ended");
	check("Body\n", BOM "Body\n", "Body two\n", BOM "Body two\n",
	    "a byte order mark alone, no front matter: no line end after it");
	check("---\r\ntitle: A\r\nterm: x\r\n---\r\n\r\n## Why \t\r\n\r\nx\r\n"
	    "\r\n## Notes\r\n\r\nn\r\n",
	    "---\r\ntitle: B\r\nterm: x\r\n---\r\n\r\n## Why \t\r\n\r\ny\r\n"
	    "\r\n## Notes\r\n\r\nn\r\n",
	    "---\r\ntitle: A\r\nterm: z\r\n---\r\n\r\n## Why \t\r\n\r\nx\r\n"
	    "\r\n## Notes\r\n\r\nm\r\n",
	    "---\r\ntitle: B\r\nterm: z\r\n---\r\n\r\n## Why \t\r\n\r\ny\r\n"
	    "\r\n## Notes\r\n\r\nm\r\n",
	    "CRLF, a heading with blanks after it: merged key by key and "
	    "section by section");
	check("---\ntitle: A\n\"q\": 1\n'r' : 2\n-x: 3\ntags:\n- a\n---\n",
	    "---\ntitle: B\n\"q\": 1\n'r' : 2\n-x: 3\ntags:\n- a\n---\n",
	    "---\ntitle: A\n\"q\": 5\n'r' : 6\n-x: 7\ntags:\n- a\n---\n",
	    "---\ntitle: B\n\"q\": 5\n'r' : 6\n-x: 7\ntags:\n- a\n---\n",
	    "quoted keys, a blank before the colon, a key starting with '-'");
	check("---\ntitle: A\nterm: x\n...\nBody\n",
	    "---\ntitle: B\nterm: x\n...\nBody\n",
	    "---\ntitle: A\nterm: y\n...\nBody\n",
	    "---\ntitle: B\nterm: y\n...\nBody\n",
	    "a front matter closed by '...': merged, the line kept");
	check("---\n# a\ntitle: A\n---\n", "---\n# b\ntitle: A\n---\n",
	    "---\n# a\ntitle: C\n---\n", "---\n# b\ntitle: C\n---\n",
	    "a comment before the first key, changed on one side");
	check("---\n# a\ntitle: A\n---\n", "---\n# b\ntitle: A\n---\n",
	    "---\n# c\ntitle: A\n---\n",
	    "CONFLICT: the front matter before its first key",
	    "a comment before the first key, changed on both sides");
	check("---\ntitle: A\nwords\n---\n", "---\ntitle: B\nwords\n---\n",
	    "---\ntitle: C\nwords\n---\n", "CONFLICT: the front matter",
	    "a line that is no key: the front matter cannot be split");
	check("---\ntitle: A\ntitle: A\n---\n", "---\ntitle: B\ntitle: A\n---\n",
	    "---\ntitle: A\ntitle: C\n---\n", "CONFLICT: the front matter",
	    "a key twice: its parts cannot be told apart");
	check("---\ntitle: A\n---\n", "---\ntitle: B\n---\n", "Plain\n",
	    "CONFLICT: the front matter",
	    "the front matter taken out on one side, changed on the other");
	check("---\ntitle: A\n---\n", "---\ntitle: B\n", "---\ntitle: C\n---\n",
	    "CONFLICT: the front matter", "a front matter never closed");
	check("---\ntitle: A\n---\n## Why\n\na\n",
	    "---\ntitle: A\n---\n## Why\n\nb\n## Why\n",
	    "---\ntitle: A\n---\n## Why\n\nc\n",
	    "CONFLICT: the body (two sections with one heading)",
	    "two sections with one heading");
}

#define FM(keys)	"---\ntitle: A\n" keys "---\n"
#define STEPS(lines)	FM("") "\n## Steps\n\n" lines

/* Lists of ids and ratings as hands write them, and what cannot merge. */
static void
test_list_edges(void)
{
	check(FM(""), FM("standards:\n- A\n"), FM("standards:\n- B\n"),
	    FM("standards:\n- A\n- B\n"), "a block list added on both sides");
	check(FM(""), FM("standards: [A]\n"), FM("standards: [B]\n"),
	    FM("standards: [A, B]\n"), "a flow list added on both sides");
	check(FM("standards: # ids\n- A\n"),
	    FM("standards: # ids\n- A\n- B\n"),
	    FM("standards: # ids\n- A\n- C\n"),
	    FM("standards: # ids\n- A\n- B\n- C\n"),
	    "a comment after the key: kept");
	check(FM("standards:\n- A\n"), FM("standards:\n  - A\n  - B\n"),
	    FM("standards:\n- A\n- C\n"),
	    FM("standards:\n  - A\n  - B\n  - C\n"),
	    "items indented on one side: all as that side has them");
	check(FM("ratings:\n- {standard: A, level: 3, tags: [x]}\n"),
	    FM("ratings:\n- {standard: A, level: 3, tags: [x]}\n"
	    "- {standard: B, level: 2, tags: [y, z]}\n"),
	    FM("ratings:\n- {standard: A, level: 3, tags: [x]}\n"
	    "- {standard: C, level: 1, tags: []}\n"),
	    FM("ratings:\n- {standard: A, level: 3, tags: [x]}\n"
	    "- {standard: B, level: 2, tags: [y, z]}\n"
	    "- {standard: C, level: 1, tags: []}\n"),
	    "ratings holding lists");
	check("---\r\ntitle: A\r\nstandards: [A]  \r\n---\r\n",
	    "---\r\ntitle: A\r\nstandards: [A, B]  \r\n---\r\n",
	    "---\r\ntitle: A\r\nstandards: [A, C]\r\n---\r\n",
	    "---\r\ntitle: A\r\nstandards: [A, B, C]\r\n---\r\n",
	    "a flow list with blanks after it, CRLF: ours' line end");
	check(FM("standards:\n- A\n"), FM("standards:\n- A\n# why\n- B\n"),
	    FM("standards:\n- A\n- C\n"), "CONFLICT: 'standards'",
	    "a comment between items: a conflict (it has no place)");
	check(FM("standards: [A]\n"), FM("standards: [A, B] # c\n"),
	    FM("standards: [A, C]\n"), "CONFLICT: 'standards'",
	    "a comment after a flow list: a conflict");
	check(FM("standards: [A]\n"), FM("standards: A]\n"),
	    FM("standards: [A, C]\n"), "CONFLICT: 'standards'",
	    "a flow list without its '['");
	check(FM("standards: [A]\n"), FM("standards: [A, B]\n  more\n"),
	    FM("standards: [A, C]\n"), "CONFLICT: 'standards'",
	    "a flow list with a line after it");
	check(FM("standards:\n- A\n# t\n"), FM("standards:\n- A\n- B\n# u\n"),
	    FM("standards:\n- A\n- C\n# v\n"), "CONFLICT: 'standards'",
	    "the comment after the items changed on both sides");
	check(FM("standards:\n- A\n"), FM("standards:\n- A\n- [B\n"),
	    FM("standards:\n- A\n- C\n"), "CONFLICT: 'standards'",
	    "an item that does not parse");
	check(FM("standards:\n  - A\n"), FM("standards:\n- A\n- B\n"),
	    FM("standards:\n  - A\n  - C\n\n  - D\n"),
	    FM("standards:\n- A\n- B\n- C\n\n- D\n"),
	    "items unindented on one side: all so, a blank line kept");
	check(FM("files:\n- a\n"), FM("files:\n- a\n- b\n  - c\n"),
	    FM("files:\n- a\n- d\n"), FM("files:\n- a\n- b\n  - c\n- d\n"),
	    "an item going on over a line that starts with '-' (YAML's "
	    "\"b - c\")");
	check(FM("standards: [A]\n"), FM("standards: [A, [B]]\n"),
	    FM("standards: [A, C]\n"), "CONFLICT: 'standards'",
	    "a list inside a flow list of ids: a conflict");
	check(FM("ratings:\n- {standard: A, meta: {x: 1}}\n"),
	    FM("ratings:\n- {standard: A, meta: {x: 1}}\n"
	    "- {standard: B, meta: {x: 2}}\n"),
	    FM("ratings:\n- {meta: {x: 1}, standard: A}\n"),
	    FM("ratings:\n- {meta: {x: 1}, standard: A}\n"
	    "- {standard: B, meta: {x: 2}}\n"),
	    "ratings holding maps: one rating in another order is the same");
	check(FM("ratings:\n- A\n"), FM("ratings:\n- A\n- B\n"),
	    FM("ratings:\n- A\n- C\n"), "CONFLICT: 'ratings'",
	    "ratings that are not maps: a conflict");
}

static void
test_step_edges(void)
{
	check(FM(""), STEPS("- [ ] a\n"), STEPS("- [ ] b\n"),
	    STEPS("- [ ] a\n- [ ] b\n"), "a Steps section added on both sides");
	check(STEPS("* [ ] a\r\n+ [X] b\r\n- [y] c\r\n-x[ ] d\r\n- (x) e\r\n"),
	    STEPS("* [x] a\r\n+ [X] b\r\n- [y] c\r\n-x[ ] d\r\n- (x) e\r\n"),
	    STEPS("* [ ] a\r\n+ [ ] b\r\n- [y] c\r\n-x[ ] d\r\n- (x) e\r\n"),
	    STEPS("* [x] a\r\n+ [ ] b\r\n- [y] c\r\n-x[ ] d\r\n- (x) e\r\n"),
	    "steps with '*' and '+', CRLF; lines that are not steps kept");
	check(STEPS("- [ ] a\n\nDone.\n"), STEPS("- [x] a\n\nDone.\n"),
	    STEPS("- [ ] a\n- [ ] b\n\nDone.\n"),
	    STEPS("- [x] a\n- [ ] b\n\nDone.\n"),
	    "text after the steps: theirs added before it");
	check(STEPS("- [ ] a\n"), STEPS(""), STEPS("- [ ] a\n- [ ] b\n"),
	    STEPS("- [ ] b\n"), "every step taken out here, one added there");
	check(STEPS("- [ ] a\n"), STEPS("Ours.\n- [x] a\n"),
	    STEPS("Theirs.\n- [ ] a\n- [ ] b\n"), "CONFLICT: '## Steps'",
	    "other lines changed differently: a conflict");
	check(STEPS("- [ ] a\n"), STEPS("- [ ] a\n- [ ] a\n"),
	    STEPS("- [x] a\n"), "CONFLICT: '## Steps'",
	    "one step twice: a conflict");
	check(STEPS("- [ ] a\n- [ ] a\n"), STEPS("- [x] a\n"),
	    STEPS("- [ ] a\n- [ ] b\n"), "CONFLICT: '## Steps'",
	    "one step twice in the base: a conflict");
	check(STEPS("- [ ] a\n"), STEPS("Intro.\n- [x] a\n"),
	    STEPS("Intro.\n- [ ] a\n- [ ] b\n"), "CONFLICT: '## Steps'",
	    "other lines changed alike on both sides: a conflict still");
	check(STEPS("- [ ]\n- [ ] a\n"), STEPS("- [ ]\n- [x] a\n"),
	    STEPS("- [ ]\n- [ ] a\n- [ ] b\n"),
	    STEPS("- [ ]\n- [x] a\n- [ ] b\n"), "a step with no text");
}

/* The front matter's edges: a byte order mark, keys that are not. */
static void
test_front_edges(void)
{
	check(BOM "---\ntitle: A\nterm: x\n---\n",
	    BOM "---\ntitle: B\nterm: x\n---\n",
	    BOM "---\ntitle: A\nterm: y\n---\n",
	    BOM "---\ntitle: B\nterm: y\n---\n",
	    "a byte order mark, keys merged: the mark, then the front matter");
	check("Body\n", "---\ntitle: A\n---\nBody\n",
	    "---\nterm: x\n---\nBody\n", "---\ntitle: A\nterm: x\n---\nBody\n",
	    "a front matter added on both sides: both keys");
	check(FM("\"q: 1\n\n"), FM("\"q: 2\n\n"), FM("\"q: 1\n\nterm: x\n"),
	    "CONFLICT: the front matter",
	    "an unbalanced quote and a blank line: the key cannot be read");
	check(FM(": x\n"), FM(": y\n"), FM(": x\nterm: x\n"),
	    "CONFLICT: the front matter", "an empty key");
	check(FM("words\n"), FM("term: x\n"), FM("term: y\n"),
	    "CONFLICT: the front matter", "a line that is no key in the base");
	check(FM(""), FM("words\n"), FM("term: y\n"),
	    "CONFLICT: the front matter", "a line that is no key on one side");
	check("## A\n\na\n\n## B\n\nb", "## A\n\nx\n\n## B\n\nb",
	    "## C\n\nc\n\n## A\n\na\n\n## B\n\nb",
	    "## A\n\nx\n\n## B\n\nb\n## C\n\nc\n\n",
	    "a last section without its line end, a section added after it");
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
	test_front_lines();
	test_one_side();
	test_meaning();
	test_cost();
	test_limit();
	test_oracle();
	test_edges();
	test_list_edges();
	test_step_edges();
	test_front_edges();
	return done_testing();
}
