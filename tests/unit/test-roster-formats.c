/*
 * The class report's renderers on a report filled by hand: five
 * learners (two who need attention, one whose portfolio is missing, one
 * with a hostile name and group, one doing fine), the roster's extra
 * columns email2 and notes, four standards of the class and a window;
 * and an empty one.  Text (with and without colour), Markdown, CSV and
 * JSON are compared byte for byte with tests/data/roster/; the JSON's
 * keys are looked for in docs/report-schema.md; the HTML is checked
 * for what a teacher sees and for escaping.  "test-roster-formats
 * --write FILE VIEW" writes a sample class page instead (VIEW: sample,
 * nolinks or empty), for a browser to look at (t0235).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pl/report/roster.h"
#include "tap.h"
#include "golden.h"

static char *
S(const char *s)
{
	return s != NULL ? pl_xstrdup(s) : NULL;
}

static void
expect(const char *name, struct pl_buf *got)
{
	expect_file("roster", name, got);
}

static struct pl_roster_report *
empty_report(void)
{
	struct pl_roster_report	*r = pl_xcalloc(1, sizeof *r);

	r->roster = S("rosters/7b.csv");
	strcpy(r->as_of, "2024-03-20");
	r->view = PL_VIEW_TEACHER;
	r->scope = PL_SCOPE_GRADE;
	r->group = S("7b");
	return r;
}

static void
row(struct pl_roster_row *w, size_t line, const char *learner,
    const char *portfolio, const char *group, const char *teacher,
    const char *family, const char *email2, const char *notes)
{
	w->line = line;
	w->learner = S(learner);
	w->portfolio = S(portfolio);
	w->group = S(group);
	w->teacher = S(teacher);
	w->family = S(family);
	pl_strlist_push(&w->extra, email2);
	pl_strlist_push(&w->extra, notes);
}

/* A learner whose portfolio was read: the counts, in the header's order. */
struct counts {
	size_t	goals, active, met, overdue, stalled, behind, ev14, ev30;
	size_t	in_scope, covered, mastered;
	size_t	w_evidence, w_steps, w_met, w_ratings, w_moved, warnings;
};

static struct pl_roster_learner *
learner(struct pl_roster_report *r, const char *page, const char *name,
    const char *commit, const char *last_activity, const char *last_ev,
    long days, const struct counts *c, const char *reasons,
    unsigned nreasons)
{
	struct pl_roster_learner *l = &r->learners[r->n];

	l->row = &r->list.rows[r->n++];
	l->path = pl_xasprintf("/srv/%s", l->row->portfolio);
	l->page = S(page);
	l->state = PL_ROSTER_READ;
	l->name = S(name);
	memset(l->commit, commit[0], 40);
	strcpy(l->commit_date, last_activity);
	strcpy(l->last_activity, last_activity);
	strcpy(l->last_evidence, last_ev);
	l->days_since = days;
	l->stalled_days = 21;
	l->goals = c->goals;
	l->active = c->active;
	l->met = c->met;
	l->overdue = c->overdue;
	l->stalled = c->stalled;
	l->behind = c->behind;
	l->evidence_short = c->ev14;
	l->evidence_long = c->ev30;
	l->in_scope = c->in_scope;
	l->covered = c->covered;
	l->mastered = c->mastered;
	l->scope.asked = l->scope.used = PL_SCOPE_GRADE;
	l->scope.grade = S("7");
	l->scope.standards = c->in_scope;
	l->scope.covered = c->covered;
	l->scope.mastered = c->mastered;
	l->window_evidence = c->w_evidence;
	l->window_steps = c->w_steps;
	l->window_met = c->w_met;
	l->window_ratings = c->w_ratings;
	l->window_moved = c->w_moved;
	l->warnings = c->warnings;
	l->reasons = S(reasons);
	l->nreasons = nreasons;
	r->read++;
	r->attention += *reasons != '\0';
	return l;
}

static void
mark(struct pl_roster_learner *l, size_t standard,
    enum pl_roster_mastery state, double score)
{
	struct pl_roster_mark	*m;

	l->marks = pl_xrealloc(l->marks, (l->nmarks + 1) * sizeof *m);
	m = &l->marks[l->nmarks++];
	m->standard = standard;
	m->state = state;
	m->score = score;
	m->scored = state >= PL_ROSTER_DEVELOPING;
}

static void
standard(struct pl_roster_report *r, const char *code, const char *fw,
    const char *desc, size_t mastered, size_t developing, size_t evidence,
    size_t none)
{
	struct pl_roster_standard *s = &r->standards[r->nstandards++];

	s->code = S(code);
	s->framework = S(fw);
	s->description = S(desc);
	s->mastered = mastered;
	s->developing = developing;
	s->evidence = evidence;
	s->none = none;
}

/*
 * Class 7b on 2024-03-20, changes since 2024-03-01: Zoe's portfolio is
 * not cloned yet; Ben has three reasons, Chloe one; the learner with the
 * hostile name and Ana are fine (in name order, '<' before 'A').
 */
static struct pl_roster_report *
sample_report(void)
{
	struct pl_roster_report		*r = empty_report();
	struct pl_roster_learner	*l;
	struct pl_roster_row		*w;
	static const struct counts	 ben = { 4, 3, 1, 2, 1, 1, 0, 1, 8, 3,
		0, 0, 1, 0, 0, 0, 1 };
	static const struct counts	 chloe = { 2, 0, 2, 0, 0, 0, 2, 5, 6,
		4, 1, 3, 0, 1, 2, 1, 0 };
	static const struct counts	 hostile = { 1, 1, 0, 0, 0, 0, 1, 1, 0,
		0, 0, 1, 0, 0, 0, 0, 0 };
	static const struct counts	 ana = { 3, 2, 1, 0, 0, 0, 3, 6, 8, 5,
		3, 2, 3, 0, 2, 1, 0 };

	free(r->roster);
	free(r->group);
	r->roster = S("class/7b.csv");
	r->group = NULL;
	r->since = S("2024-03-01");
	r->until = S("2024-03-20");
	r->list.path = S("class/7b.csv");
	pl_strlist_push(&r->extra, "email2");
	pl_strlist_push(&r->extra, "notes");
	pl_strlist_push(&r->list.extra, "email2");
	pl_strlist_push(&r->list.extra, "notes");
	r->list.rows = pl_xcalloc(5, sizeof *r->list.rows);
	r->list.n = 5;
	w = r->list.rows;
	row(&w[0], 6, "Zoe Quinn", "class/zoe", "7b", "Ms Byron",
	    "quinn@example.net", "", "moved in March");
	row(&w[1], 3, "Ben Ortiz", "class/ben", "7b", "Ms Byron",
	    "ortiz@example.net", "ben.parent2@example.org", "");
	row(&w[2], 4, "Chloe Park 朴", "class/chloe", "7a", "Mr Lee",
	    "", "", "reads a lot, \"fast\"");
	row(&w[3], 5, "<script>alert(1)</script> | =cmd", "class/x",
	    "=HYPERLINK(\"http://evil.example\",\"x\")", "@teacher",
	    "\"><script>@evil.example", "+33 6 12 34 56 78", "=1+2");
	row(&w[4], 2, "Ana Lopez", "https://git.school.example/7b/ana.git",
	    "7a", "Mr Lee", "lopez@example.net", "", "");

	r->learners = pl_xcalloc(5, sizeof *r->learners);
	l = &r->learners[r->n];
	l->row = &r->list.rows[r->n++];
	l->page = S("zoe-quinn.html");
	l->state = PL_ROSTER_MISSING;
	l->problem = S("no portfolio at 'class/zoe' (clone it with pl roster "
	    "sync)");
	l->days_since = -1;
	l->reasons = S("portfolio missing");
	l->nreasons = 1;
	r->failed++;
	r->attention++;

	l = learner(r, "ben-ortiz.html", "Benjamín Ortiz", "b",
	    "2024-03-02", "2024-02-26", 23, &ben, "no evidence for 23 days; "
	    "2 goals overdue; 1 goal behind pace", 3);
	mark(l, 0, PL_ROSTER_EVIDENCE, 0);
	mark(l, 1, PL_ROSTER_DEVELOPING, 2.5);
	mark(l, 2, PL_ROSTER_NONE, 0);
	mark(l, 3, PL_ROSTER_NONE, 0);
	/* only the standards with something, to try both lookups */
	l = learner(r, "chloe-park.html", NULL, "c", "2024-03-18",
	    "2024-03-15", 5, &chloe, "no active goal", 1);
	/* no grade in her profile: the standards aligned alone */
	l->scope.used = PL_SCOPE_ALIGNED;
	free(l->scope.grade);
	l->scope.grade = NULL;
	mark(l, 1, PL_ROSTER_DEVELOPING, 2);
	mark(l, 2, PL_ROSTER_EVIDENCE, 0);
	mark(l, 3, PL_ROSTER_MASTERED, 3);
	l = learner(r, "x\" onmouseover=\"alert(1).html", "<b>Eve</b>", "d",
	    "2024-03-10", "2024-03-10", 10, &hostile, "", 0);
	mark(l, 0, PL_ROSTER_DEVELOPING, 1.5);
	mark(l, 1, PL_ROSTER_EVIDENCE, 0);
	mark(l, 2, PL_ROSTER_NONE, 0);
	mark(l, 3, PL_ROSTER_MASTERED, 3.5);
	l = learner(r, "ana-lopez.html", "Ana López", "a", "2024-03-19",
	    "2024-03-19", 1, &ana, "", 0);
	mark(l, 0, PL_ROSTER_DEVELOPING, 2.65);
	mark(l, 1, PL_ROSTER_MASTERED, 3.4);
	mark(l, 2, PL_ROSTER_MASTERED, 4);
	mark(l, 3, PL_ROSTER_MASTERED, 3.65);

	r->standards = pl_xcalloc(4, sizeof *r->standards);
	standard(r, "6.NS.A.1", "ccss-math", "Divide fractions by fractions",
	    0, 2, 1, 1);
	standard(r, "6.RP.A.1", "ccss-math", "Understand ratio concepts", 1,
	    2, 1, 0);
	standard(r, "CCSS.ELA-LITERACY.W.6.1", "ccss-ela", "Write arguments "
	    "[to support claims] | with <evidence>", 1, 0, 1, 2);
	standard(r, "6.EE.A.1", "ccss-math", "Write and evaluate numerical "
	    "expressions", 3, 0, 0, 1);
	return r;
}


static void
test_formats(void)
{
	struct pl_roster_report	*r = sample_report(), *e = empty_report();
	struct pl_buf		 b = PL_BUF_INIT;

	pl_roster_text(&b, r, 0);
	expect("class.txt", &b);
	pl_roster_text(&b, r, 1);
	expect("class-colour.txt", &b);
	pl_roster_md(&b, r);
	expect("class.md", &b);
	pl_roster_csv(&b, r, 0);
	expect("learners.csv", &b);
	pl_roster_csv(&b, r, 1);
	expect("standards.csv", &b);
	pl_roster_json(&b, r);
	expect("class.json", &b);

	pl_roster_text(&b, e, 0);
	expect("empty.txt", &b);
	pl_roster_md(&b, e);
	expect("empty.md", &b);
	pl_roster_csv(&b, e, 0);
	expect("empty-learners.csv", &b);
	pl_roster_csv(&b, e, 1);
	expect("empty-standards.csv", &b);
	pl_roster_json(&b, e);
	expect("empty.json", &b);

	pl_buf_release(&b);
	pl_roster_report_free(r);
	pl_roster_report_free(e);
}

/* Every key of the sample's JSON is in the schema's "Roster" section. */
static void
test_schema(void)
{
	struct pl_roster_report	*r = sample_report();
	struct pl_buf		 b = PL_BUF_INIT;
	char			*doc = schema_doc("Roster");

	ok(strstr(doc, "## Roster") == doc, "the schema has a Roster section");
	free(doc);
	pl_roster_json(&b, r);
	check_schema(pl_buf_cstr(&b), "Roster", "extra");
	pl_buf_release(&b);
	pl_roster_report_free(r);
}

static char *
render(const struct pl_roster_report *r, int links)
{
	struct pl_buf	b = PL_BUF_INIT;

	pl_roster_html(&b, r, links);
	return pl_buf_detach(&b);
}

/* Each open tag of the list as often as its close tag. */
static void
balanced(const char *html, const char *what)
{
	static const char *const tags[][2] = { { "<svg", "</svg>" },
	    { "<g>", "</g>" }, { "<rect", "</rect>" }, { "<text", "</text>" },
	    { "<title", "</title>" }, { "<tr", "</tr>" }, { "<td", "</td>" },
	    { "<table", "</table>" }, { "<a ", "</a>" },
	    { "<section", "</section>" }, { "<span", "</span>" } };
	size_t	i;
	int	pass = 1;

	for (i = 0; i < sizeof tags / sizeof tags[0]; i++)
		if (occurrences(html, tags[i][0]) !=
		    occurrences(html, tags[i][1])) {
			printf("#   %s: %zu %s, %zu %s\n", what,
			    occurrences(html, tags[i][0]), tags[i][0],
			    occurrences(html, tags[i][1]), tags[i][1]);
			pass = 0;
		}
	ok(pass, "%s: every tag closed", what);
}

static struct pl_roster_report *big_report(void);

static void
test_html(void)
{
	struct pl_roster_report	*r = sample_report(), *e = empty_report();
	struct pl_roster_report	*big;
	char			*html, *again, *plain;

	html = render(r, 1);
	again = render(r, 1);
	is_str(again, html, "the same report gives the same bytes");
	ok(strncmp(html, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-"
	    "Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
	    "img-src data:\">\n", 138) == 0, "doctype, lang, charset, CSP");
	ok(strstr(html, "<title>Class report &ndash; class/7b.csv, 2024-03-20"
	    "</title>") != NULL, "title");
	ok(strstr(html, "<p><code>class/7b.csv</code> &middot; as of <time>"
	    "2024-03-20</time> &middot; changes since 2024-03-01 until "
	    "2024-03-20</p>\n<p>5 learners, 3 need attention, 1 could not be "
	    "read.</p>") != NULL, "the header's facts");
	ok(in_order(html, "<h2>Learners</h2>", "<h2>Standards of the class"
	    "</h2>", "<h2>Mastery map</h2>"), "learners, standards, map");
	ok(in_order(html, ">Zoe Quinn<", ">Ben Ortiz</a>", "Ana Lopez</a>"),
	    "learners in the report's order");
	ok(strstr(html, "<tr class=\"attn\"><td class=\"wrap name\"><a href=\""
	    "ben-ortiz.html\">Ben Ortiz</a></td><td class=\"why line\"><span "
	    "class=\"flag need\">no evidence for 23 days</span><span class="
	    "\"flag need\">2 goals overdue</span><span class=\"flag need\">1 "
	    "goal behind pace</span></td><td class=\"wrap\" data-label=\"Group"
	    "\">7b</td><td class=\"n\" data-label=\"Active\">3</td><td class="
	    "\"n\" data-label=\"Met\">1</td>") != NULL, "a learner who needs "
	    "attention: a badge per reason, beside the name, each number "
	    "labelled for a phone's cards");
	ok(strstr(html, "<td class=\"d k\" data-label=\"Last activity\">"
	    "2024-03-19</td><td class=\"n k\" data-label=\"Mastered\">37.5%"
	    "</td><td class=\"n k\" data-label=\"Covered\">62.5%</td></tr>") !=
	    NULL, "mastered and covered in per cent, last; key numbers (k)");
	ok(in_order(html, "</table>", "<h3>Changes from 2024-03-01 to "
	    "2024-03-20</h3>", "<tr class=\"attn\"><td class=\"wrap name\">Ben "
	    "Ortiz</td><td class=\"n\" data-label=\"New evidence\">0</td><td "
	    "class=\"n\" data-label=\"Steps done\">1</td>"),
	    "the window in a table of its own, the names not links again");
	ok(strstr(html, "<tr class=\"attn gone\"><td class=\"wrap name\">Zoe Quinn"
	    "</td><td class=\"why line\"><span class=\"flag fail\">Missing"
	    "</span> no portfolio at &#39;class/zoe&#39; (clone it with pl "
	    "roster sync)</td><td class=\"wrap\" data-label=\"Group\">7b</td>"
	    "<td class=\"n\" data-label=\"Active\">\xe2\x80\x93</td>") !=
	    NULL, "a missing portfolio: the problem, no numbers, no link");
	ok(strstr(html, "<span class=\"flag ok\">None</span>") != NULL,
	    "a learner doing fine says so");
	ok(strstr(html, "<tr><td class=\"c\"><details><summary title=\""
	    "6.NS.A.1\">6.NS.A.1</summary>Divide fractions by fractions"
	    "</details></td><td class=\"n\" data-label=\"Mastered\">0</td>"
	    "<td class=\"n\" data-label=\"Developing\">2</td><td class=\"n\" "
	    "data-label=\"Evidence, not rated\">1</td><td class=\"n\" "
	    "data-label=\"No evidence\">1</td></tr>") != NULL,
	    "a standard of the class, its statement folded under its code");
	ok(strstr(html, "rotate(-45)\"><title>CCSS.ELA-LITERACY.W.6.1: Write "
	    "arguments [to support claims] | with &lt;evidence&gt;</title>"
	    "\xe2\x80\xa6-LITERACY.W.6.1</text>") != NULL,
	    "a long code's label: its end, the whole code in its title");
	ok(strstr(html, "<text x=\"174\" y=\"176\" text-anchor=\"end\">"
	    "<title>&lt;script&gt;alert(1)&lt;/script&gt; | =cmd</title>") !=
	    NULL, "a name cut in the map: the whole name in its title");
	ok(strstr(html, "<title>Ben Ortiz: 6.RP.A.1 developing 2.5</title>") !=
	    NULL, "a cell of the map says who, what and the score");
	ok(strstr(html, "<rect x=\"180\" y=\"118\" width=\"20\" height=\"20\" "
	    "fill=\"#b6e3ff\"><title>Ben Ortiz: 6.NS.A.1 evidence, not rated"
	    "</title></rect>") != NULL, "a cell's place and colour");
	ok(strstr(html, "fill=\"#eaeef2\"><title>Chloe Park 朴: 6.NS.A.1 no "
	    "evidence</title>") != NULL, "a standard without a mark: none");
	ok(strstr(html, "fill=\"#8c959f\"><title>Zoe Quinn: not read "
	    "(missing)</title>") != NULL, "a learner not read: a grey row");
	is_int(occurrences(html, "<rect "), 4 * 4 + 1,
	    "a cell per learner read and standard, a row for the one not read");
	ok(strstr(html, "<figcaption><span class=\"keyed\"><span class=\"key\" "
	    "style=\"background:#eaeef2\"></span>no evidence</span>") != NULL,
	    "a legend, each square on a line with its word");
	balanced(html, "the class page");

	is_int(occurrences(html, "<script"), 0, "no script element");
	ok(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt; | =cmd") !=
	    NULL, "a hostile name escaped");
	ok(strstr(html, "data-label=\"Group\">=HYPERLINK(&quot;http://evil."
	    "example&quot;,&quot;x&quot;)</td>") != NULL,
	    "a hostile group escaped");
	ok(strstr(html, "<a href=\"x&quot; onmouseover=&quot;alert(1).html\">")
	    != NULL, "a page name escaped in its attribute");
	is_int(occurrences(html, "\" onmouseover"), 0, "no attribute breaks");
	ok(strstr(html, "</summary>Write arguments [to support claims] | with "
	    "&lt;evidence&gt;</details>") != NULL, "a description escaped");
	is_int(occurrences(html, "<a href="), 4, "links to the pages read");

	plain = render(r, 0);
	is_int(occurrences(plain, "<a "), 0, "no link unless asked");
	ok(strstr(plain, "<td class=\"wrap name\">Ben Ortiz</td><td class=\"why "
	    "line\">") != NULL, "names without links");
	free(plain);
	free(again);
	free(html);

	big = big_report();
	html = render(big, 1);
	ok(strstr(html, "Codes without <code>CCSS.Math.Content.</code>.") !=
	    NULL && strstr(html, "<summary title=\"CCSS.Math.Content.6.RP.A.9"
	    "\">6.RP.A.9</summary>") != NULL && strstr(html, "rotate(-45)\">"
	    "<title>CCSS.Math.Content.6.RP.A.9: A standard with a rather long "
	    "description that wraps</title>6.RP.A.9</text>") != NULL,
	    "codes that all begin with the same words: shown without them");
	free(html);
	pl_roster_report_free(big);

	html = render(e, 0);
	ok(strstr(html, "<p><code>rosters/7b.csv</code> &middot; group 7b "
	    "&middot; as of <time>2024-03-20</time></p>\n<p>0 learners, 0 need "
	    "attention, 0 could not be read.</p>") != NULL, "empty: the header");
	ok(strstr(html, "<p>No learners.</p>") != NULL &&
	    strstr(html, "<p>No standard is aligned in a portfolio read.</p>")
	    != NULL, "empty: each section says so");
	ok(strstr(html, "<svg") == NULL, "empty: no map");
	balanced(html, "the empty page");
	free(html);
	pl_roster_report_free(r);
	pl_roster_report_free(e);
}

/* A class of 40 learners and 30 standards, with long names and codes. */
static struct pl_roster_report *
big_report(void)
{
	struct pl_roster_report	*r = sample_report(), *big;
	struct pl_roster_learner *l;
	static const struct counts c = { 2, 2, 0, 0, 0, 0, 1, 2, 30, 10, 5,
		0, 0, 0, 0, 0, 0 };
	size_t			 i, j;
	char			 name[64], code[64];

	big = empty_report();
	big->since = S(r->since);
	big->until = S(r->until);
	pl_roster_report_free(r);
	big->list.rows = pl_xcalloc(40, sizeof *big->list.rows);
	big->list.n = 40;
	big->learners = pl_xcalloc(40, sizeof *big->learners);
	big->standards = pl_xcalloc(30, sizeof *big->standards);
	for (j = 0; j < 30; j++) {
		snprintf(code, sizeof code, "CCSS.Math.Content.6.RP.A.%zu", j);
		standard(big, code, "ccss-math", "A standard with a rather long "
		    "description that wraps", j % 5, 10, 10, 20 - j % 5);
	}
	for (i = 0; i < 40; i++) {
		snprintf(name, sizeof name, "Learner %02zu Wolfeschlegelstein"
		    "hausenbergerdorff", i);
		row(&big->list.rows[i], i + 2, name, "class/x", "7b",
		    "Ms Byron", "", "", "");
		l = learner(big, "x.html", NULL, "e", "2024-03-19",
		    "2024-03-19", 1, &c, i % 3 == 0 ? "no evidence for 30 "
		    "days; 3 goals overdue; 2 goals behind pace" : "", 0);
		for (j = 0; j < 30; j++)
			mark(l, j, (enum pl_roster_mastery)((i + j) % 4),
			    (i + j) % 4 >= 2 ? 1.5 + (double)((i + j) % 3) :
			    0);
	}
	return big;
}

static int
write_sample(const char *path, const char *view)
{
	struct pl_roster_report	*r;
	char			*html;
	int			 err;

	r = strcmp(view, "empty") == 0 ? empty_report() :
	    strcmp(view, "big") == 0 ? big_report() : sample_report();
	html = render(r, strcmp(view, "nolinks") != 0);
	err = pl_write_file(path, html, strlen(html), 0644);
	free(html);
	pl_roster_report_free(r);
	if (err != PL_OK)
		fprintf(stderr, "test-roster-formats: %s\n", pl_error_last());
	return err != PL_OK;
}

/* s on one TAP line: control bytes as \xNN. */
static const char *
shown_row(const char *s)
{
	static char	buf[256];
	size_t		n = 0;

	for (; *s != '\0' && n + 5 < sizeof buf; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f)
			n += (size_t)snprintf(buf + n, sizeof buf - n, "\\x%02x",
			    (unsigned char)*s);
		else
			buf[n++] = *s;
	buf[n] = '\0';
	return buf;
}

/* pl_roster_locate() of portfolio for a roster at path: *out or error. */
static const char *
located(const char *path, const char *portfolio, const char *clones)
{
	static char		 buf[256];
	struct pl_roster	 l = { .path = (char *)path };
	struct pl_roster_row	 row = { .portfolio = (char *)portfolio };
	char			*out = NULL;

	if (pl_roster_locate(&out, &l, &row, clones) != PL_OK)
		snprintf(buf, sizeof buf, "error: %s", pl_error_last());
	else
		snprintf(buf, sizeof buf, "%s", out);
	free(out);
	return buf;
}

/*
 * Which portfolios are URLs, and where each is found: beside the roster,
 * or its clone in a folder named after its host and path, never outside
 * that folder.
 */
static void
test_locate(void)
{
	static const char *const urls[][2] = {
		{ "https://h.example/7b/ana.git", "1" },
		{ "git+ssh://h/ana", "1" }, { "a.b-c://h/x", "1" },
		{ "://h/x", "0" }, { "a b://h/x", "0" }, { "h:ana", "1" },
		{ "./a:b", "0" }, { ":ana", "0" }, { "ana", "0" },
		{ "a/b:c", "0" },
	};
	static const char *const cases[][4] = {
		{ "class.csv", "ana", NULL, "ana" },
		{ "7b/class.csv", "ana", NULL, "7b/ana" },
		{ "7b/class.csv", "/srv/ana", NULL, "/srv/ana" },
		{ "-", "ana", NULL, "ana" },
		{ "7b/class.csv", "https://h/ana", NULL, "error: "
		    "'https://h/ana': no folder for clones" },
		{ "-", "https://git.school.example/7b/ana.git", "c",
		    "c/git.school.example/7b/ana" },
		{ "-", "https://h//7b///ana/", "c", "c/h/7b/ana" },
		{ "-", "file:///srv/pl/ana.git/", "c", "c/file/srv/pl/ana" },
		{ "-", "file://nas/ana", "c", "c/nas/ana" },
		{ "-", "me@h.example:~/ana", "c", "c/h.example/ana" },
	};
	/* URLs no folder can be made of: a part that leaves it or no part */
	static const char *const bad[] = { "https://h/7b/../ana",
		"https://h/./ana", "https://h/a\\b", "https://h/a\x01",
		"https://h/a\x7f", "https://h/.git", "https:///ana",
		"https://../ana" };
	char	*want;
	size_t	i;

	for (i = 0; i < sizeof urls / sizeof urls[0]; i++)
		is_int(pl_roster_is_url(urls[i][0]), urls[i][1][0] - '0',
		    "'%s' is %sa URL", urls[i][0], urls[i][1][0] == '1' ? "" :
		    "not ");
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		is_str(located(cases[i][0], cases[i][1], cases[i][2]),
		    cases[i][3], "%s in %s", shown_row(cases[i][1]),
		    cases[i][0]);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		want = pl_xasprintf("error: '%s': no folder can be made of "
		    "this URL", bad[i]);
		is_str(located("-", bad[i], "c"), want, "%s", shown_row(bad[i]));
		free(want);
	}
}

/* Reads text as a roster file; its rows as "learner|portfolio|..." or
   the error. */
static char *
read_roster(const char *text)
{
	struct pl_buf		 b = PL_BUF_INIT;
	struct pl_roster	 l;
	const char		*tmp = getenv("TMPDIR");
	char			*path = pl_xasprintf("%s/roster-XXXXXX",
				    tmp != NULL ? tmp : "/tmp");
	size_t			 i, k;
	int			 fd = mkstemp(path);

	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		pl_buf_puts(&b, "cannot write");
	if (fd >= 0)
		close(fd);
	if (pl_roster_read(&l, path) != PL_OK)
		pl_buf_printf(&b, "error: %s", pl_error_last() +
		    strlen(path));
	for (i = 0; i < l.n; i++) {
		pl_buf_printf(&b, "%zu:%s|%s|%s|%s|%s", l.rows[i].line,
		    l.rows[i].learner, l.rows[i].portfolio, l.rows[i].group,
		    l.rows[i].teacher, l.rows[i].family);
		for (k = 0; k < l.rows[i].extra.n; k++)
			pl_buf_printf(&b, "|%s=%s", l.extra.v[k],
			    l.rows[i].extra.v[k]);
		pl_buf_putc(&b, '\n');
	}
	pl_roster_release(&l);
	unlink(path);
	free(path);
	return pl_buf_detach(&b);
}

static void
test_read(void)
{
	static const char *const cases[][2] = {
		{ "\xef\xbb\xbfLearner, Portfolio ,Seat\n  Ana \t, ana/ ,3\n\n"
		    "Ben,\n", "2:Ana|ana/||||Seat=3\n4:Ben|||||Seat=\n" },
		{ "group,learner,family,teacher,portfolio\n7b,Ana,m@x,Kim,a\n",
		    "2:Ana|a|7b|Kim|m@x\n" },
		{ "", "error: : empty (a roster's first line names its columns: "
		    "learner,portfolio)" },
		{ "learner,folder\nAna,a\n", "error: :1: no 'portfolio' column "
		    "(a roster's first line names its columns: learner,"
		    "portfolio and any of group,teacher,family)" },
		{ "\n\nname,portfolio\n", "error: :3: no 'learner' column (a "
		    "roster's first line names its columns: learner,portfolio "
		    "and any of group,teacher,family)" },
	};
	size_t	i;
	char	*got;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		got = read_roster(cases[i][0]);
		is_str(got, cases[i][1], "roster %s", shown_row(cases[i][0]));
		free(got);
	}
}

int
main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "--write") == 0)
		return write_sample(argv[2], argv[3]);
	test_formats();
	test_schema();
	test_html();
	test_locate();
	test_read();
	return done_testing();
}
