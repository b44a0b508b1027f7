/*
 * Markdown bodies: tasks found where cmark finds list items, and edits
 * that change only the line they are about.
 */
#include <stdlib.h>
#include <string.h>

#include "pl/base/md.h"
#include "pl/base/util.h"
#include "tap.h"

static const char goal[] =
    "Why I want this: *really* want `C` and\n"
    "[links](https://example.org) too.\n"
    "\n"
    "## Tasks\n"
    "\n"
    "- [ ] Read chapter 1\n"
    "- [x] Install a compiler\n"
    "  - [X] gcc\n"
    "  - [ ] clang\n"
    "- not a task\n"
    "- [ ]no space is not a box\n"
    "* [x]\n"
    "\n"
    "\n"
    "## Notes\n"
    "\n"
    "- [ ] a task outside the section\n"
    "\n"
    "### Sub note\n"
    "\n"
    "Still in notes.\n"
    "\n"
    "Resources\n"
    "---------\n"
    "\n"
    "1. The book\n"
    "2. [ ] The videos\n";

static void
test_tasks(void)
{
	struct pl_tasks	t;

	pl_md_tasks(&t, goal, "tasks");
	is_int(t.n, 5, "five tasks in Tasks, nested ones too");
	if (t.n == 5) {
		is_int(t.v[0].line, 6, "first task line");
		is_int(t.v[0].done, 0, "first task open");
		is_str(t.v[0].text, "Read chapter 1", "first task text");
		is_int(t.v[1].done, 1, "[x] is done");
		is_str(t.v[2].text, "gcc", "nested task");
		is_int(t.v[2].done, 1, "[X] is done");
		is_int(t.v[2].line, 8, "nested task line");
		is_int(t.v[3].done, 0, "nested open task");
		is_str(t.v[4].text, "", "a box alone");
		is_int(t.v[4].line, 12, "a box alone: line");
	}
	pl_tasks_release(&t);
	pl_md_tasks(&t, goal, NULL);
	is_int(t.n, 7, "seven tasks in the whole body");
	pl_tasks_release(&t);
	pl_md_tasks(&t, goal, "no such section");
	is_int(t.n, 7, "a missing section means the whole body");
	pl_tasks_release(&t);
	pl_md_tasks(&t, goal, "Notes");
	is_int(t.n, 1, "Notes runs through its subsection");
	pl_tasks_release(&t);
	pl_md_tasks(&t, goal, "resources");
	is_int(t.n, 1, "setext section, numbered task");
	if (t.n == 1) {
		is_int(t.v[0].line, 27, "numbered task line");
		is_str(t.v[0].text, "The videos", "numbered task text");
	}
	pl_tasks_release(&t);
	pl_md_tasks(&t, "", NULL);
	is_int(t.n, 0, "empty body");
	pl_tasks_release(&t);
	pl_md_tasks(&t, "[x]: https://example.org\n\n- [x] a link\n"
	    "> - [ ] quoted\n", NULL);
	is_int(t.n, 2, "box read as written, even when cmark sees a link");
	pl_tasks_release(&t);
}

static void
test_tick(void)
{
	char	*s, *want = pl_xstrdup(goal);

	want[strstr(goal, "[ ] Read") - goal + 1] = 'x';
	s = pl_md_tick(goal, 6, 1);
	is_str(s, want, "tick line 6, one byte changes");
	free(want);
	free(s);
	s = pl_md_tick(goal, 8, 0);
	ok(strstr(s, "  - [ ] gcc\n") != NULL, "untick nested [X]");
	free(s);
	s = pl_md_tick(goal, 8, 1);
	is_str(s, goal, "[X] already done stays [X]");
	free(s);
	s = pl_md_tick(goal, 10, 1);
	is_str(s, goal, "a line without a box is unchanged");
	free(s);
	s = pl_md_tick("- [ ] a\r\n- [ ] b\r\n", 2, 1);
	is_str(s, "- [ ] a\r\n- [x] b\r\n", "tick with CRLF");
	free(s);
	s = pl_md_tick("- [ ] last", 1, 1);
	is_str(s, "- [x] last", "tick without a final newline");
	free(s);
}

static void
appends(const char *body, const char *section, const char *line,
    const char *want, const char *what)
{
	char	*s = pl_md_append_item(body, section, line);

	is_str(s, want, "%s", what);
	free(s);
}

static void
test_append(void)
{
	appends("## Tasks\n\n- [ ] a\n- [x] b\n  - [ ] nested\n\n\n"
	    "## Next\n", "tasks", "- [ ] c",
	    "## Tasks\n\n- [ ] a\n- [x] b\n  - [ ] nested\n- [ ] c\n\n\n"
	    "## Next\n", "after the last item, blank lines kept");
	appends("## Tasks\n\n  * one\n  * two\n\nAfter the list.\n",
	    "Tasks", "- three",
	    "## Tasks\n\n  * one\n  * two\n  * three\n\nAfter the list.\n",
	    "list's indentation and bullet");
	appends("## Tasks\n\n1. one\n2. two\n", "Tasks", "- [ ] three",
	    "## Tasks\n\n1. one\n2. two\n3. [ ] three\n",
	    "ordered list gets the next number");
	appends("## Tasks\n\n- a\n\n  more of a\n\n## End\n", "Tasks", "- b",
	    "## Tasks\n\n- a\n\n  more of a\n- b\n\n## End\n",
	    "after a loose item's last line");
	appends("## Tasks\n\n- a\n\nText.\n\n- b\n", "Tasks", "- c",
	    "## Tasks\n\n- a\n\nText.\n\n- b\n- c\n", "the last list");
	appends("## Tasks\n\nSome text.\nMore.\n\n## Next\n", "Tasks", "- x",
	    "## Tasks\n\nSome text.\nMore.\n\n- x\n\n## Next\n",
	    "section without a list: after its text");
	appends("## Tasks\n\n## Next\n", "Tasks", "- x",
	    "## Tasks\n\n- x\n\n## Next\n",
	    "empty section: after the heading");
	appends("## Tasks\n## Next\n", "Tasks", "- x",
	    "## Tasks\n\n- x\n## Next\n", "empty section, no blank line");
	appends("# Goal\n\nText.\n", "Tasks", "- [ ] x",
	    "# Goal\n\nText.\n\n## Tasks\n\n- [ ] x\n", "missing section");
	appends("# Goal\n\nText.", "Tasks", "- [ ] x",
	    "# Goal\n\nText.\n\n## Tasks\n\n- [ ] x\n",
	    "missing section, no final newline");
	appends("Text.\n\n", "Tasks", "- [ ] x",
	    "Text.\n\n## Tasks\n\n- [ ] x\n",
	    "missing section after a blank line");
	appends("", "Tasks", "- [ ] x", "## Tasks\n\n- [ ] x\n",
	    "empty body");
	appends("Intro\r\n\r\n## Tasks\r\n\r\n- [ ] a\r\n", "Tasks", "- [ ] b",
	    "Intro\r\n\r\n## Tasks\r\n\r\n- [ ] a\r\n- [ ] b\r\n",
	    "CRLF list");
	appends("Intro\r\n", "Tasks", "- [ ] b",
	    "Intro\r\n\r\n## Tasks\r\n\r\n- [ ] b\r\n", "CRLF new section");
	appends("## Tasks\r\n\r\nText.\r\n", "Tasks", "- b",
	    "## Tasks\r\n\r\nText.\r\n\r\n- b\r\n", "CRLF after text");
	appends("## Tasks\n\n- a", "Tasks", "- b", "## Tasks\n\n- a\n- b",
	    "no final newline stays so");
	appends("## Tasks", "Tasks", "- b", "## Tasks\n\n- b",
	    "heading on the last line");
	appends("- a\n", NULL, "- b", "- a\n- b\n", "NULL: the whole body");
	appends("Tasks\n=====\n\n- a\n\nOther\n-----\n", "tasks", "- b",
	    "Tasks\n=====\n\n- a\n- b\n\nOther\n-----\n", "setext headings");
}

static void
test_items(void)
{
	struct pl_strlist	l = PL_STRLIST_INIT;

	pl_md_items(&l, goal, "Tasks");
	is_int(l.n, 5, "top-level items of Tasks");
	if (l.n == 5) {
		is_str(l.v[0], "Read chapter 1", "box removed");
		is_str(l.v[2], "not a task", "plain item");
		is_str(l.v[3], "[ ]no space is not a box", "not a box");
		is_str(l.v[4], "", "a box alone");
	}
	pl_strlist_release(&l);
	pl_md_items(&l, goal, "Resources");
	is_int(l.n, 2, "numbered items");
	if (l.n == 2) {
		is_str(l.v[0], "The book", "number removed");
		is_str(l.v[1], "The videos", "number and box removed");
	}
	pl_strlist_release(&l);
	pl_md_items(&l, "## Links\n\n-   spaced  \n+ `code` *em*\n-\n  "
	    "later\n", "links");
	is_int(l.n, 3, "items as written");
	if (l.n == 3) {
		is_str(l.v[0], "spaced", "trimmed");
		is_str(l.v[1], "`code` *em*", "markup kept as written");
		is_str(l.v[2], "later", "first line of the paragraph");
	}
	pl_strlist_release(&l);
	pl_md_items(&l, goal, "Missing");
	is_int(l.n, 0, "a missing section has no items");
	pl_strlist_release(&l);
}

static void
test_section(void)
{
	char	*s;

	s = pl_md_section(goal, "notes");
	is_str(s, "- [ ] a task outside the section\n\n### Sub note\n\n"
	    "Still in notes.", "section text, blank lines trimmed");
	free(s);
	s = pl_md_section(goal, "Sub note");
	is_str(s, "Still in notes.", "subsection ends at a higher heading");
	free(s);
	s = pl_md_section("## A\r\n\r\nx\r\ny\r\n\r\n", "a");
	is_str(s, "x\r\ny", "CRLF kept inside");
	free(s);
	s = pl_md_section("## Empty\n\n\n## B\n", "empty");
	is_str(s, "", "empty section");
	free(s);
	ok(pl_md_section(goal, "nope") == NULL, "missing section is NULL");
}

static void
test_first_paragraph(void)
{
	char	*s;

	s = pl_md_first_paragraph(goal);
	is_str(s, "Why I want this: really want C and links too.",
	    "markup dropped, soft break as a space");
	free(s);
	s = pl_md_first_paragraph("# Title\n\n- a list\n\nThe "
	    "**point**  \nhere.\n\nSecond.\n");
	is_str(s, "The point here.", "headings and lists skipped");
	free(s);
	ok(pl_md_first_paragraph("## Only\n\n- items\n") == NULL,
	    "no paragraph");
	ok(pl_md_first_paragraph("") == NULL, "empty body");
	s = pl_md_first_words("## What I learned\n\n- *Halves* are\n  "
	    "quarters\n\n## What was hard\n\nThirds.\n");
	is_str(s, "Halves are quarters", "first words: in a list too");
	free(s);
	s = pl_md_first_words("> quoted\n\nTop.\n");
	is_str(s, "quoted", "first words: in a quote");
	free(s);
	ok(pl_md_first_words("## Only\n") == NULL, "no words");
}

static void
test_number(void)
{
	char	*s;

	s = pl_md_number_tasks("## Why\n\n- [ ] not a step\n\n## Steps\n\n"
	    "- [x] One\n  * [ ] Nested\n3. [ ] Three\n- plain\n"
	    "- [ ] 4\n- [ ] 5\n- [ ] 6\n- [ ] 7\n- [ ] 8\n- [ ] 9\n"
	    "- [ ] 10\r\n", "steps");
	is_str(s, "## Why\n\n- [ ] not a step\n\n## Steps\n\n"
	    " 1. [x] One\n   2. [ ] Nested\n 3. [ ] Three\n- plain\n"
	    " 4. [ ] 4\n 5. [ ] 5\n 6. [ ] 6\n 7. [ ] 7\n 8. [ ] 8\n"
	    " 9. [ ] 9\n10. [ ] 10\r\n",
	    "steps numbered in place of their markers, nested too");
	free(s);
	s = pl_md_number_tasks("No tasks.\n", "steps");
	is_str(s, "No tasks.\n", "a body without tasks is unchanged");
	free(s);
}

/* The odd corners: old Mac line breaks, boxes that are not, markers. */
static void
test_edges(void)
{
	struct pl_tasks		 t;
	struct pl_strlist	 l = PL_STRLIST_INIT;
	char			*s;

	appends("## Tasks\r\r- a\r", "Tasks", "- b",
	    "## Tasks\r\r- a\r- b\r", "CR alone: the body's line break");
	appends("## T\n\n- a\n", "T", "3) x", "## T\n\n- a\n- x\n",
	    "an ordered marker into a bullet list: the list's bullet");
	appends("## T\n\n1) a\n", "T", "- x", "## T\n\n1) a\n2) x\n",
	    "a bullet into a list numbered with ')': the next number, ')'");
	appends("## T\n\n- a\n", "T", "1234567890. x",
	    "## T\n\n- a\n1234567890. x\n",
	    "ten digits are no marker (nine at most): the line as given");
	appends("## T\n\n- a\n", "T", "1.x", "## T\n\n- a\n1.x\n",
	    "nor is a number without a blank after it");
	appends("## T\n\n- a\n", "T", "12", "## T\n\n- a\n12\n",
	    "nor a number alone");
	appends("## T\n\n- a\n ## Next\n", "T", "- b",
	    "## T\n\n- a\n- b\n## Next\n",
	    "a heading indented after the list: moved to the margin, so the "
	    "new item does not take it in");
	appends("## T\n\nText\n  ##\n", "T", "- b",
	    "## T\n\nText\n\n- b\n##\n", "an empty heading indented");
	appends("## T\n\nText\n   #\tB\r\n", "T", "- b",
	    "## T\n\nText\n\n- b\n#\tB\r\n", "a heading after a tab");
	appends("## T\n\nText\n ##", "T", "- b",
	    "## T\n\nText\n\n- b\n##", "an empty heading ending the body");
	appends("## T\r\n\r\n- a\r\n\r\n## N\r\n", "T", "- b",
	    "## T\r\n\r\n- a\r\n- b\r\n\r\n## N\r\n",
	    "CR LF: a blank line after the list kept");
	appends("## T\n\n- a\nNext\n----\n", "T", "- b",
	    "## T\n\n- a\nNext\n- b\n\n----\n",
	    "a rule right after the item: a blank line keeps the new item "
	    "from becoming a heading");
	s = pl_md_tick("- [ ] a\n", 0, 1);
	is_str(s, "- [ ] a\n", "tick line 0: nothing changes");
	free(s);
	s = pl_md_tick("- [ ] a\n", 99, 1);
	is_str(s, "- [ ] a\n", "tick past the end: nothing changes");
	free(s);
	pl_md_tasks(&t, "- [ ]\tx\n-\n- # h\n- [y] no\n- \t[x] tab\n-  [ ]\n"
	    "- [\n", NULL);
	is_int(t.n, 3, "three boxes: after a tab, before one, and empty");
	is_int(t.n > 1 ? t.v[1].line : 0, 5, "the box after a tab");
	is_int(t.n > 1 ? t.v[1].done : 0, 1, "is done");
	is_str(t.n > 2 ? t.v[2].text : NULL, "", "an empty box's text");
	pl_tasks_release(&t);
	pl_md_items(&l, "## S\n\n-\n- ```\n  code\n  ```\n1) one\n", "S");
	is_int(l.n, 3, "items: empty, a code block, one");
	is_str(l.n ? l.v[0] : NULL, "", "an empty item");
	is_str(l.n > 1 ? l.v[1] : NULL, "```",
	    "an item without a paragraph: its first line");
	is_str(l.n > 2 ? l.v[2] : NULL, "one", "a ')' item");
	pl_strlist_release(&l);
	s = pl_md_number_tasks("- \n  [ ] x\n-\t[ ] y\n", NULL);
	is_str(s, "- \n  1. [ ] x\n2.\t[ ] y\n", "a box on the line after "
	    "its marker is numbered where it is; a tab after a marker kept");
	free(s);
	s = pl_md_section("## A\n\n  \n## B\n", "A");
	is_str(s, "", "a section of blank lines is empty");
	free(s);
}

/* s escaped with pl_md_escape() is want. */
static void
escapes(const char *s, const char *want, const char *what)
{
	struct pl_buf	b = PL_BUF_INIT;

	pl_md_escape(&b, s, strlen(s));
	is_str(pl_buf_cstr(&b), want, "%s", what);
	pl_buf_release(&b);
}

static void
test_escape(void)
{
	escapes("1)", "1\\)", "a number and ')' alone opens a list");
	escapes("12.x", "12.x", "without a blank after it, no list");
	escapes("1234567890. x", "1234567890. x", "nor with ten digits");
	escapes("-", "\\-", "a '-' alone opens one");
	escapes("-x", "-x", "a '-' before text does not");
	escapes("--- -", "\\--- -", "a thematic break with a space");
	escapes("==x", "==x", "'=' and text is no underline");
	escapes("+ x", "\\+ x", "'+ ' opens a list");
	escapes("a:/", "a:/", "':/' at the end");
	escapes("a:b a:/b a://b", "a:b a:/b a\\://b", "only '://' links");
	escapes("ww.x www.x", "ww.x www\\.x", "only 'www.' links");
	escapes("\t- x", " \\- x", "a tab is a space, and the list still "
	    "escaped");
}

int
main(void)
{
	test_tasks();
	test_tick();
	test_append();
	test_items();
	test_section();
	test_first_paragraph();
	test_number();
	test_edges();
	test_escape();
	return done_testing();
}
