/*
 * Frameworks: reading the shapes schools get them in, the messy files
 * real exports are, writing pl's own file back, and finding a standard by
 * the code a person types.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pl/entries/standards.h"
#include "tap.h"
#include "testrepo.h"

static int
parse(struct pl_standards *l, const char *text, struct pl_strlist *w)
{
	return pl_standards_parse(l, "fw", "fw.csv", text, strlen(text), w);
}

static void
test_pl_csv(void)
{
	struct pl_standards	 l;
	struct pl_strlist	 w = PL_STRLIST_INIT;
	struct pl_buf		 b = PL_BUF_INIT;
	int			 err;

	err = parse(&l, "\xef\xbb\xbf" "description ,code,extra,grade\r\n"
	    "\r\n"
	    "\"Add, subtract\r\n and  multiply \",A.1 ,x,3\r\n"
	    "   \r\n"
	    "Le théorème de Pythagore,A.2,\"say \"\"hi\"\"\",4\r\n", &w);
	is_int(err, 0, "BOM, CRLF, columns in any order (%s)",
	    pl_error_last());
	is_int(l.n, 2, "blank lines are no rows");
	is_str(l.n ? l.v[0].code : NULL, "A.1", "trailing spaces go");
	is_str(l.n ? l.v[0].description : NULL, "Add, subtract and multiply",
	    "a quoted comma and line break: one line of text");
	is_str(l.n > 1 ? l.v[1].description : NULL,
	    "Le théorème de Pythagore", "statements in any language");
	is_str(l.n ? l.v[0].framework : NULL, "fw", "the framework is named");
	is_int(w.n, 0, "no warning");
	pl_standards_write(&l, &b);
	is_str(b.ptr, "code,parent,grade,subject,description,extra\n"
	    "A.1,,3,,\"Add, subtract and multiply\",x\n"
	    "A.2,,4,,Le théorème de Pythagore,\"say \"\"hi\"\"\"\n",
	    "written back as pl's own file, extra columns kept");
	pl_standards_release(&l);
	pl_buf_release(&b);
	pl_strlist_release(&w);
}

static void
test_pl_csv_errors(void)
{
	struct pl_standards	 l;
	struct pl_strlist	 w = PL_STRLIST_INIT;

	is_int(parse(&l, "code,description\nA,x\n\nB,y\na,z\n", &w),
	    PL_EPARSE, "a duplicate code (case aside) is an error");
	is_str(pl_error_last(), "fw.csv:5: duplicate code 'a' (also on line "
	    "2)", "naming both lines");
	is_int(parse(&l, "code,description\nA,x\n,y\n", &w), PL_EPARSE,
	    "a row without a code");
	is_str(pl_error_last(), "fw.csv:3: a row without a code",
	    "is named by its line");
	is_int(parse(&l, "id,text\nA,x\n", &w), PL_EPARSE,
	    "a header without code and description");
	is_int(parse(&l, "code,description\nA,\"x\n", &w), PL_EPARSE,
	    "a quote never closed");
	is_str(pl_error_last(), "fw.csv:2: a quoted field has no closing "
	    "quote", "is named by the line it opens on");
	is_int(parse(&l, "", &w), PL_EPARSE, "an empty file");
	is_int(parse(&l, "code,parent,description\nA,,x\nB,Z,y\nC,Y,z\n",
	    &w), 0, "a parent not in the file is no error");
	is_int(w.n, 1, "but one warning");
	is_str(w.n ? w.v[0] : NULL, "fw.csv:3: parent 'Z' of 'B' is not in "
	    "the framework (nor are the parents of 1 more)", "saying so");
	pl_standards_release(&l);
	pl_strlist_release(&w);
}

static void
test_moodle(void)
{
	struct pl_standards	l;
	int			err;

	err = parse(&l, "\"Parent id number\",\"Id number\",Shortname,"
	    "Description,\"Description format\",\"Is framework\"\r\n"
	    ",FW,OECD,\"<p>The framework</p>\",1,1\r\n"
	    ",levels,Levels,\"<p>Each level\r\nhas &amp; shows</p><br>\","
	    "1,\r\n"
	    "levels,level-1,\"Level 1\",,1,\r\n"
	    "levels,level-2,\"level 2\",\"<p>Level 2 is <b>more</b></p>\",1,\r\n"
	    "levels,level-3,\"Level 3\",\"Level 3\",1,\r\n", NULL);
	is_int(err, 0, "a Moodle framework (%s)", pl_error_last());
	is_int(l.n, 4, "its own row is not a standard");
	is_str(l.n ? l.v[0].description : NULL,
	    "Levels: Each level has & shows",
	    "HTML made text, after the shortname");
	is_str(l.n ? l.v[0].subject : NULL, "OECD", "subject: its shortname");
	is_str(l.n > 1 ? l.v[1].parent : NULL, "levels", "parents kept");
	is_str(l.n > 1 ? l.v[1].description : NULL, "Level 1",
	    "the shortname when there is no description");
	is_str(l.n > 2 ? l.v[2].description : NULL, "Level 2 is more",
	    "the description alone when it begins with the shortname");
	is_str(l.n > 3 ? l.v[3].description : NULL, "Level 3",
	    "the two the same: said once");
	pl_standards_release(&l);
}

static void
test_case(void)
{
	struct pl_standards	l;
	const char		*j = "{\"CFDocument\": {\"identifier\": \"d\","
	    "\"subject\": [\"Math\"]}, \"CFItems\": ["
	    "{\"identifier\": \"i1\", \"humanCodingScheme\": \"M.1\","
	    "\"fullStatement\": \"Count\", \"educationLevel\": [\"KG\","
	    "\"01\", \"02\"]},"
	    "{\"identifier\": \"i2\", \"fullStatement\": \"To 100\","
	    "\"educationalLevel\": \"01\"}], \"CFAssociations\": ["
	    "{\"associationType\": \"isChildOf\", \"originNodeURI\": "
	    "{\"identifier\": \"i2\"}, \"destinationNodeURI\": "
	    "{\"identifier\": \"i1\"}},"
	    "{\"associationType\": \"isChildOf\", \"originNodeIdentifier\": "
	    "\"i1\", \"destinationNodeIdentifier\": \"d\"}]}";
	int			err;

	err = pl_standards_parse(&l, "c", "c.json", j, strlen(j), NULL);
	is_int(err, 0, "a CASE package (%s)", pl_error_last());
	is_int(l.n, 2, "one standard per CFItem");
	is_str(l.n ? l.v[0].grade : NULL, "K-2", "a span of grades");
	is_str(l.n ? l.v[0].subject : NULL, "Math", "the document's subject");
	is_str(l.n > 1 ? l.v[1].code : NULL, "i2",
	    "the identifier without a humanCodingScheme");
	is_str(l.n > 1 ? l.v[1].parent : NULL, "M.1", "isChildOf: parent");
	is_str(l.n > 1 ? l.v[1].grade : NULL, "1", "the draft's grade");
	is_str(l.n ? l.v[0].parent : NULL, "", "under the document: none");
	pl_standards_release(&l);
	is_int(pl_standards_parse(&l, "c", "c.json", "{\"a\":", 5, NULL),
	    PL_EPARSE, "broken JSON");
	is_int(pl_standards_parse(&l, "c", "c.json", "{}", 2, NULL),
	    PL_EPARSE, "JSON without CFItems");
}

static void
test_find(void)
{
	struct pl_standards		 l;
	const struct pl_standard	*s = NULL;

	if (parse(&l, "code,description\n"
	    "CCSS.Math.Content.6.RP.A.1,ratios\n"
	    "CCSS.Math.Content.6.RP.A.2,unit rates\n"
	    "CCSS.Math.Content.7.RP.A.1,more\n"
	    "CCSS.ELA-Literacy.RL.6.1,cite\n", NULL) != 0) {
		ok(0, "parse: %s", pl_error_last());
		return;
	}
	is_int(pl_standards_find(&s, &l, "CCSS.Math.Content.6.RP.A.2"), 0,
	    "an exact code");
	is_str(s ? s->description : NULL, "unit rates", "is found");
	is_int(pl_standards_find(&s, &l, "ccss.math.content.6.rp.a.1"), 0,
	    "case aside");
	is_str(s ? s->code : NULL, "CCSS.Math.Content.6.RP.A.1",
	    "the full code");
	is_int(pl_standards_find(&s, &l, "6.rp.a.1"), 0, "a short form");
	is_str(s ? s->code : NULL, "CCSS.Math.Content.6.RP.A.1",
	    "names the full code");
	is_int(pl_standards_find(&s, &l, "RP.A.1"), PL_EINVAL,
	    "an ambiguous short form");
	is_str(pl_error_last(), "standard 'RP.A.1' is ambiguous: "
	    "'CCSS.Math.Content.6.RP.A.1', 'CCSS.Math.Content.7.RP.A.1'",
	    "names each");
	is_int(pl_standards_find(&s, &l, "6.RP.A.3"), PL_ENOTFOUND,
	    "an unknown code");
	is_str(pl_error_last(), "unknown standard '6.RP.A.3' (did you mean "
	    "'CCSS.Math.Content.6.RP.A.1', 'CCSS.Math.Content.6.RP.A.2', "
	    "'CCSS.Math.Content.7.RP.A.1'?)", "suggests the nearest");
	is_int(pl_standards_find(&s, &l, "zzzzzzzzzzzz"), PL_ENOTFOUND,
	    "a code near none");
	is_str(pl_error_last(), "unknown standard 'zzzzzzzzzzzz'",
	    "suggests nothing");
	is_int(pl_standards_find(&s, &l, "A.1"), PL_EINVAL,
	    "a suffix is whole parts only");
	is_int(pl_standards_find(&s, &l, "1"), PL_EINVAL, "'1' is ambiguous");
	is_int(pl_standards_find(&s, &l, "Content.6.RP.A.1"), 0,
	    "any tail after a dot");
	pl_standards_release(&l);
}

/* The framework text parses to out as pl writes it back, or the error. */
static char *
written(const char *text, size_t len)
{
	struct pl_standards	 l;
	struct pl_buf		 b = PL_BUF_INIT;

	if (pl_standards_parse(&l, "fw", "fw.csv", text, len, NULL) != 0)
		pl_buf_printf(&b, "error %s", pl_error_last());
	else
		pl_standards_write(&l, &b);
	pl_standards_release(&l);
	pl_buf_puts(&b, "");
	return pl_buf_detach(&b);
}

/* One check: fn's text of the literal text (NUL bytes in it too) is want. */
#define is_text_of(fn, text, want, ...) do { \
	char	*is_text_of_got = fn((text), sizeof(text) - 1); \
	is_str(is_text_of_got, (want), __VA_ARGS__); \
	free(is_text_of_got); \
} while (0)
#define is_written(text, want, ...) is_text_of(written, text, want, __VA_ARGS__)

/* A field one byte over the most, in column col of a row of four. */
static void
field_too_long(int col)
{
	struct pl_buf	 b = PL_BUF_INIT;
	struct pl_standards l;
	size_t		 n;
	int		 i;

	pl_buf_puts(&b, "code,parent,grade,subject,description\nA,B,C,D,E\n");
	for (i = 0; i < 5; i++) {
		if (i > 0)
			pl_buf_putc(&b, ',');
		if (i == col)
			for (n = 0; n <= PL_STANDARD_FIELD_MAX; n++)
				pl_buf_putc(&b, 'x');
		else
			pl_buf_putc(&b, "FGHIJ"[i]);
	}
	pl_buf_putc(&b, '\n');
	is_int(pl_standards_parse(&l, "fw", "fw.csv", b.ptr, b.len, NULL),
	    PL_EPARSE, "a field of column %d too long", col);
	is_str(pl_error_last(), "fw.csv:3: a field longer than 65536 bytes",
	    "names the row");
	pl_buf_release(&b);
}

static void
test_csv_edges(void)
{
	int	i;

	is_written("code,description,\nA,x,\n",
	    "code,parent,grade,subject,description\nA,,,,x\n",
	    "a header column without a name is not kept");
	is_written("code,grade,description\nA,3\nB",
	    "code,parent,grade,subject,description\nA,,3,,\nB,,,,\n",
	    "a short row, a last line without a line break");
	is_written("code,description\n,,\nA,one\xc2\xa0\xc2\xa0two\xc2\xa9 "
	    "\xc2\n", "code,parent,grade,subject,description\n"
	    "A,,,,one two\xc2\xa9 \xc2\n",
	    "a row of empty fields is none; no-break spaces are spaces");
	is_written("name,description\nA,x\n", "error fw.csv:1: not a "
	    "framework: the header needs 'code' and 'description' columns "
	    "(pl's is code,parent,grade,subject,description)",
	    "a header without code");
	is_written("code,text\nA,x\n", "error fw.csv:1: not a framework: the "
	    "header needs 'code' and 'description' columns (pl's is "
	    "code,parent,grade,subject,description)",
	    "a header without description");
	is_written("code,description\nA,\0x\n", "error fw.csv: not a "
	    "framework: the file holds NUL bytes (UTF-16, or not text)",
	    "NUL bytes");
	is_written(" \r\n\t\n", "error fw.csv: not a framework: the file is "
	    "empty", "white space only");
	is_written("Id number,Description\nA,x\n",
	    "error fw.csv:1: not a framework: the header needs 'code' and "
	    "'description' columns (pl's is code,parent,grade,subject,"
	    "description)", "Moodle's id number without its parent's: not "
	    "Moodle");
	for (i = 0; i < 5; i++)
		field_too_long(i);
}

static void
test_moodle_edges(void)
{
	is_written("Parent id number,Id number,Shortname,Description\n"
	    ",m.1,,a <b and &unknown; &lt;&amp\n"
	    ",m.2,Name,\n",
	    "code,parent,grade,subject,description\n"
	    "m.1,,,,a <b and &unknown; <&amp\nm.2,,,,Name\n",
	    "a '<' never closed and an unknown entity are text; no shortname: "
	    "the description alone");
}

static void
test_case_edges(void)
{
	const char	dup[] = "{\"CFItems\": [{\"identifier\": \"a\"},"
	    "{\"identifier\": \"b\", \"humanCodingScheme\": \"X\"},"
	    "{\"identifier\": \"c\", \"humanCodingScheme\": \"x\"}]}";
	const char	grades[] = "{\"CFDocument\": {\"subject\": 3},"
	    "\"CFItems\": ["
	    "{\"identifier\": \"a\", \"educationLevel\": [\"0\", 5]},"
	    "{\"identifier\": \"b\", \"educationLevel\": [7]},"
	    "{\"identifier\": \"c\", \"educationLevel\": [\"05\"]}],"
	    "\"CFAssociations\": [{\"associationType\": \"isChildOf\","
	    "\"originNodeIdentifier\": \"\", \"destinationNodeIdentifier\":"
	    "\"a\"}]}";

	is_written(dup, "error fw.csv: CFItems[2]: duplicate code 'x' (also "
	    "CFItems 1)", "a duplicate code of a CASE package names its items");
	is_written(grades, "code,parent,grade,subject,description\n"
	    "a,,0,,\nb,,,,\nc,,5,,\n", "grades that are not strings are none; a "
	    "subject that is not one is none");
	is_written("{\"CFItems\": {}}", "error fw.csv: not a framework: no "
	    "CFItems (an IMS CASE package has them)", "CFItems not a list");
}

/* The code map read from text, old>new a line, or the error. */
static char *
mapped(const char *text, size_t len)
{
	struct pl_code_map	 m;
	struct pl_buf		 b = PL_BUF_INIT;
	size_t			 i;

	if (pl_code_map_read(&m, "map.csv", text, len) != 0) {
		pl_buf_printf(&b, "error %s", pl_error_last());
		pl_buf_puts(&b, "");
		return pl_buf_detach(&b);
	}
	for (i = 0; i < m.old.n; i++)
		pl_buf_printf(&b, "%s>%s@%s\n", m.old.v[i], m.new.v[i],
		    m.where.v[i]);
	pl_code_map_release(&m);
	pl_buf_puts(&b, "");
	return pl_buf_detach(&b);
}

#define is_mapped(text, want, ...) is_text_of(mapped, text, want, __VA_ARGS__)

static void
test_code_map(void)
{
	is_mapped("old,later\nA,B,,\n", "old>later@map.csv:1\nA>B@map.csv:2\n",
	    "'old' then not 'new' is a row; empty fields after two are "
	    "nothing");
	is_mapped("A\n", "error map.csv:1: not a mapping: a row is an old "
	    "code, a comma and the new code", "one field");
	is_mapped("A,B\n,C\n", "error map.csv:2: not a mapping: a row is an "
	    "old code, a comma and the new code", "no old code");
	is_mapped("A,\n", "error map.csv:1: not a mapping: a row is an old "
	    "code, a comma and the new code", "no new code");
	is_mapped("A,B,C\n", "error map.csv:1: not a mapping: a row is an "
	    "old code, a comma and the new code", "a third code");
	is_mapped("A,\"B\n", "error map.csv:1: a quoted field has no closing "
	    "quote", "a quote never closed");
	is_mapped("A,B\0\n", "error map.csv: not a framework: the file holds "
	    "NUL bytes (UTF-16, or not text)", "NUL bytes");
	is_mapped("{\"CFItems\": 1}", "error map.csv: not a framework: no "
	    "CFItems (an IMS CASE package has them)", "JSON not CASE");
}

static void
test_grades(void)
{
	struct pl_standards	l;

	ok(pl_grade_has("KG", "k"), "KG is K");
	ok(pl_grade_has("PK-K", "PK"), "PK is before K");
	ok(!pl_grade_has("7", "7x"), "a grade asked that is not one");
	ok(!pl_grade_has("6-8", "14"), "nor a number past 13");
	ok(!pl_grade_has("6-8", "-1"), "nor a negative one");
	ok(!pl_grade_has("x-8", "7"), "a span whose start is not a grade");
	ok(!pl_grade_has("6-y", "7"), "a span whose end is not a grade");
	ok(pl_grade_has("6-y", "6-Y"), "but the same text, case aside");
	if (parse(&l, "code,grade,description\nA,6-8,a\nB,7,b\nC,K,c\n",
	    NULL) != 0) {
		ok(0, "parse: %s", pl_error_last());
		return;
	}
	is_int(pl_standards_of_grade(&l, "7"), 2, "of grade 7, read whole");
	is_int(pl_standards_distinct(&l), 3, "distinct of one list");
	pl_standards_release(&l);
}

static void
test_find_many(void)
{
	struct pl_standards		 l;
	const struct pl_standard	*s;
	struct pl_standards		 a, b;

	if (parse(&l, "code,description\nA.1,a\nB.1,b\nC.1,c\nD.1,d\nE.1,e\n"
	    "F.1,f\nG.1,g\n", NULL) != 0) {
		ok(0, "parse: %s", pl_error_last());
		return;
	}
	is_int(pl_standards_find(&s, &l, "1"), PL_EINVAL, "seven codes");
	is_str(pl_error_last(), "standard '1' is ambiguous: 'A.1', 'B.1', "
	    "'C.1', 'D.1', 'E.1' and 2 more", "five named, and how many more");
	is_int(pl_standards_find(&s, &l, ""), PL_ENOTFOUND, "an empty code is none");
	pl_standards_release(&l);
	if (pl_standards_parse(&a, "a", "a.csv", "code,description\nX,x\nY,y\n",
	    24, NULL) != 0 || pl_standards_parse(&b, "b", "b.csv",
	    "code,description\nX,x\n", 18, NULL) != 0) {
		ok(0, "parse: %s", pl_error_last());
		return;
	}
	ok(pl_standards_order(&a, &a.v[1], &b, &b.v[0]) < 0,
	    "framework a before b, whatever the lines");
	ok(pl_standards_order(&a, &a.v[0], &a, &a.v[1]) < 0,
	    "in one framework, by line");
	ok(pl_standards_order(&a, &a.v[0], &b, &a.v[1]) > 0,
	    "a row the list does not hold (line 0) comes first");
	pl_standards_release(&a);
	pl_standards_release(&b);
}

static void
test_load(void)
{
	struct pl_portfolio	*p;
	struct pl_standards	 l;
	struct pl_strlist	 w = PL_STRLIST_INIT;
	const struct pl_standard *s = NULL;
	char			*d = new_portfolio();

	p = open_at(d);
	is_int(pl_standards_load(&l, p, &w), 0, "no frameworks: no error");
	is_int(l.n, 0, "and no standards");
	pl_standards_release(&l);
	is_int(commit_file(p, "standards/a.csv", "code,description\nX.1,"
	    "one\nX.2,two\n"), 0, "commit a framework");
	is_int(commit_file(p, "standards/b.csv", "code,description\nY,y\n"
	    "Y,z\n"), 0, "and a broken one");
	is_int(commit_file(p, "standards/c.csv", "code,description\n"
	    "x.1,other\nX.2,two again\n"), 0,
	    "and one with a code of a's in lower case, and one as a's");
	is_out("standards/a.csv\nstandards/b.csv\nstandards/c.csv",
	    "three files committed",
	    "git -C %s ls-tree --name-only HEAD standards/", d);
	is_int(pl_standards_load(&l, p, &w), 0, "load them");
	is_int(l.n, 4, "the good ones' standards");
	is_int(w.n, 1, "a warning for the broken one");
	is_str(w.n ? w.v[0] : NULL, "standards/b.csv:3: duplicate code 'Y' "
	    "(also on line 2)", "naming it");
	is_int(pl_standards_find(&s, &l, "X.2"), 0, "find across them");
	is_str(s ? s->framework : NULL, "a", "with its framework");
	is_int(pl_standards_find(&s, &l, "x.1"), 0, "an exact code wins");
	is_str(s ? s->framework : NULL, "c", "over another's case");
	is_int(pl_standards_find(&s, &l, "X.1"), 0, "both ways");
	is_str(s ? s->framework : NULL, "a", "exactly");
	is_int(pl_standards_find(&s, &l, "X.1 "), PL_ENOTFOUND,
	    "no match, then");
	is_int(pl_standards_find(&s, &l, "2"), 0,
	    "a short form of one code in two frameworks");
	is_str(s ? s->code : NULL, "X.2", "is that code");
	pl_standards_release(&l);
	pl_strlist_release(&w);
	pl_portfolio_free(p);
	run("rm -rf %s", d);
	free(d);
}

/* Loads with pl_standards_load_codes(); the codes found, one a line. */
static char *
codes_found(struct pl_portfolio *p, const char *code, struct pl_strlist *w,
    size_t *total)
{
	struct pl_standards	 l;
	struct pl_strlist	 codes = PL_STRLIST_INIT;
	struct pl_buf		 b = PL_BUF_INIT;
	size_t			 i;

	pl_strlist_push(&codes, code);
	if (pl_standards_load_codes(&l, p, &codes, w) != 0)
		pl_buf_printf(&b, "error: %s", pl_error_last());
	for (i = 0; i < l.n; i++)
		pl_buf_printf(&b, "%s%s:%s", b.len ? "\n" : "",
		    l.v[i].framework, l.v[i].code);
	if (total != NULL)
		*total = pl_standards_total(&l);
	pl_standards_release(&l);
	pl_strlist_release(&codes);
	pl_buf_puts(&b, "");
	return pl_buf_detach(&b);
}

/* The bytes of file path (the test stops when it cannot be read). */
static void
slurp(struct pl_buf *b, const char *path)
{
	FILE	*f = fopen(path, "rb");
	char	 chunk[4096];
	size_t	 n;

	b->len = 0;
	if (f == NULL) {
		printf("Bail out! cannot read %s\n", path);
		exit(2);
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		pl_buf_put(b, chunk, n);
	fclose(f);
}

static void
spit(const char *path, const char *data, size_t len)
{
	FILE	*f = fopen(path, "wb");

	if (f == NULL || fwrite(data, 1, len, f) != len) {
		printf("Bail out! cannot write %s\n", path);
		exit(2);
	}
	fclose(f);
}

/* No change at an offset, no cut. */
#define WHOLE	((size_t)-1)

/* Sets the 8 bytes at off of the index file's copy b to v. */
static void
put_u64(struct pl_buf *b, size_t off, uint64_t v)
{
	memcpy(b->ptr + off, &v, sizeof v);
}

/*
 * The index of framework a (4 rows) as pl wrote it, then broken in one
 * way (v at off unless off is WHOLE, cut to cut bytes unless cut is WHOLE):
 * the lookup of "A.1.b" finds want, and the file is rebuilt (rebuilt) or
 * left as it is.
 */
static void
broken_index(struct pl_portfolio *p, const char *ixpath,
    const struct pl_buf *good, const char *what, size_t off, uint64_t v,
    size_t cut, const char *want, int rebuilt)
{
	struct pl_buf		 b = PL_BUF_INIT, after = PL_BUF_INIT;
	struct pl_standards	 l;
	struct pl_strlist	 codes = PL_STRLIST_INIT;
	const struct pl_standard *s;
	char			*t;

	pl_buf_put(&b, good->ptr, good->len);
	if (off != WHOLE)
		put_u64(&b, off, v);
	if (cut != WHOLE)
		b.len = cut;
	spit(ixpath, b.ptr, b.len);
	t = codes_found(p, "A.1.b", NULL, NULL);
	is_str(t, want, "an index with %s: %s", what,
	    *want ? "found" : "a miss, no more");
	free(t);
	if (!rebuilt) {
		pl_strlist_push(&codes, "B");
		if (pl_standards_load_codes(&l, p, &codes, NULL) != 0)
			ok(0, "load_codes: %s", pl_error_last());
		is_int(pl_standards_distinct(&l), 5, "distinct: the broken "
		    "row left out, b's A.1.b counted in its place");
		is_int(pl_standards_find(&s, &l, "A.1.x"), PL_ENOTFOUND,
		    "an unknown code");
		is_str(pl_error_last(), "unknown standard 'A.1.x' (did you "
		    "mean 'X.A.1.b', 'A.1.b', 'A.11.b'?)",
		    "suggests codes, b's A.1.b, not the broken row's");
		pl_standards_release(&l);
		pl_strlist_release(&codes);
	}
	slurp(&after, ixpath);
	if (rebuilt)
		ok(after.len == good->len &&
		    memcmp(after.ptr, good->ptr, good->len) == 0,
		    "and it is rebuilt");
	else
		ok(after.len == b.len &&
		    memcmp(after.ptr, b.ptr, after.len) == 0,
		    "and it is left as it was");
	pl_buf_release(&b);
	pl_buf_release(&after);
}

static void
test_load_codes(void)
{
	struct pl_portfolio	*p;
	struct pl_standards	 l;
	struct pl_strlist	 w = PL_STRLIST_INIT, codes = PL_STRLIST_INIT;
	struct pl_buf		 good = PL_BUF_INIT;
	const struct pl_standard *s = NULL;
	char			*d = new_portfolio(), *t, *ix;
	size_t			 total = 0, end;

	p = open_at(d);
	if (commit_file(p, "standards/a.csv", "code,grade,description\n"
	    "A.1.b,K,one\nA.11.b,1,eleven\nX.A.1.b,2-3,long\nB,PK,bee\n") != 0 ||
	    commit_file(p, "standards/b.csv", "code,grade,description\n"
	    "A.1.b,K,one again\nC,K-2,see\n") != 0 ||
	    commit_file(p, "standards/e.csv", "") != 0) {
		ok(0, "commit the frameworks: %s", pl_error_last());
		return;
	}
	pl_portfolio_free(p);
	p = open_at(d);
	t = codes_found(p, "a.1.B", &w, &total);
	is_str(t, "a:A.1.b\na:X.A.1.b\nb:A.1.b",
	    "the rows a code may name, of each framework, case aside");
	free(t);
	is_int(total, 6, "the total counts every row of the indexes");
	is_int(w.n, 1, "an empty framework file is a warning");
	is_str(w.n ? w.v[0] : NULL, "standards/e.csv: not a framework: the "
	    "file is empty", "saying so");
	pl_strlist_release(&w);
	t = codes_found(p, "1.b", NULL, NULL);
	is_str(t, "a:A.1.b\na:X.A.1.b\nb:A.1.b",
	    "a short form finds whole parts only, not A.11.b");
	free(t);
	t = codes_found(p, "Q.R.S.T.U.V.A.1.b", NULL, NULL);
	is_str(t, "", "a code longer than any: none");
	free(t);

	pl_strlist_push(&codes, "C");
	if (pl_standards_load_codes(&l, p, &codes, NULL) != 0) {
		ok(0, "load_codes: %s", pl_error_last());
		return;
	}
	is_int(pl_standards_distinct(&l), 5,
	    "distinct: a code two frameworks share counted once");
	is_int(pl_standards_of_grade(&l, "K"), 2,
	    "of grade K: A.1.b once, and C's span K-2");
	is_int(pl_standards_of_grade(&l, "3"), 1, "of grade 3: a span's end");
	is_int(pl_standards_find(&s, &l, "Z.1"), PL_ENOTFOUND,
	    "an unknown code");
	is_str(pl_error_last(), "unknown standard 'Z.1' (did you mean "
	    "'A.1.b', 'X.A.1.b'?)", "suggests the codes of the indexes, not "
	    "only those read, a code two frameworks share once");
	pl_standards_release(&l);
	pl_strlist_release(&codes);

	/* the index of a.csv, broken in each way it can be */
	t = out("git -C %s rev-parse HEAD:standards/a.csv", d);
	ix = pl_xasprintf("%s/.git/pl/standards-%s", d, t);
	free(t);
	slurp(&good, ix);
	ok(good.len > 24 && memcmp(good.ptr, "PLSTDIX1", 8) == 0,
	    "the index is kept in the git folder");
	end = good.len - 4 * 12;
	broken_index(p, ix, &good, "too few bytes", WHOLE, 0, 10,
	    "a:A.1.b\na:X.A.1.b\nb:A.1.b", 1);
	broken_index(p, ix, &good, "no bytes", WHOLE, 0, 0, "a:A.1.b\n"
	    "a:X.A.1.b\nb:A.1.b", 1);
	broken_index(p, ix, &good, "another magic", 0, 0x31584944545350ULL,
	    WHOLE, "a:A.1.b\na:X.A.1.b\nb:A.1.b", 1);
	broken_index(p, ix, &good, "a wrong size", 16, good.len + 8, WHOLE,
	    "a:A.1.b\na:X.A.1.b\nb:A.1.b", 1);
	broken_index(p, ix, &good, "a count past its size", 8, good.len,
	    WHOLE, "a:A.1.b\na:X.A.1.b\nb:A.1.b", 1);
	broken_index(p, ix, &good, "a count its records cannot hold", 8,
	    good.len / 12, WHOLE, "a:A.1.b\na:X.A.1.b\nb:A.1.b", 1);
	broken_index(p, ix, &good, "records cut mid-way", 8, 3, WHOLE,
	    "a:A.1.b\na:X.A.1.b\nb:A.1.b", 1);
	broken_index(p, ix, &good, "an offset into its header", end, 0, WHOLE,
	    "a:X.A.1.b\nb:A.1.b", 0);
	broken_index(p, ix, &good, "an offset past its records", end, end,
	    WHOLE, "a:X.A.1.b\nb:A.1.b", 0);
	broken_index(p, ix, &good, "a string past its records", end,
	    end - 4, WHOLE, "a:X.A.1.b\nb:A.1.b", 0);
	{
		struct pl_buf	b = PL_BUF_INIT;

		pl_buf_put(&b, good.ptr, good.len);
		b.ptr[end - 1] = 'x';
		spit(ix, b.ptr, b.len);
		pl_buf_release(&b);
		t = codes_found(p, "A.1.b", NULL, NULL);
		is_str(t, "a:A.1.b\na:X.A.1.b\nb:A.1.b",
		    "an index whose records do not end in NUL is rebuilt");
		free(t);
	}
	unlink(ix);
	if (mkdir(ix, 0777) != 0)
		ok(0, "mkdir %s", ix);
	t = codes_found(p, "X.A.1.b", NULL, &total);
	is_str(t, "a:X.A.1.b", "a folder where the index goes: read from the blob");
	free(t);
	is_int(total, 6, "every row still counted");
	rmdir(ix);

	/* a framework whose blob is gone */
	t = out("git -C %s rev-parse HEAD:standards/b.csv", d);
	free(ix);
	ix = pl_xasprintf("%s/.git/objects/%.2s/%s", d, t, t + 2);
	free(t);
	t = pl_xasprintf("%s/.git/pl", d);
	run("rm -rf %s %s", t, ix);
	free(t);
	t = codes_found(p, "C", &w, NULL);
	is_str(t, "", "a framework whose blob is missing is left out");
	free(t);
	is_int(w.n, 2, "with a warning (and one for the empty file)");
	ok(w.n == 2 && strstr(w.v[0], "standards/b.csv") != NULL,
	    "naming the file: %s", w.n ? w.v[0] : "");
	pl_strlist_release(&w);

	pl_buf_release(&good);
	free(ix);
	pl_portfolio_free(p);
	run("rm -rf %s", d);
	free(d);
}

int
main(void)
{
	env_setup();
	test_pl_csv();
	test_pl_csv_errors();
	test_moodle();
	test_case();
	test_find();
	test_csv_edges();
	test_moodle_edges();
	test_case_edges();
	test_code_map();
	test_grades();
	test_find_many();
	test_load();
	test_load_codes();
	run("rm -rf %s", home);
	free(home);
	return done_testing();
}
