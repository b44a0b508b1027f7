/*
 * The report's Markdown, CSV and JSON renderers on a report filled by
 * hand (a learner with four goals, a long-term parent among them, every
 * flag, five evidence, two reflections, six standards, twelve weeks,
 * three people, a window with events and mastery moves) and on an empty
 * one, each compared byte for byte with tests/data/report/ (the text
 * report too, the teacher's also in colour).  A mismatch
 * leaves what was made beside the test as NAME.got.  Then the escaping
 * each format relies on, with hostile strings.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pl/base/csv.h"
#include "pl/base/md.h"
#include "pl/report/report.h"
#include "tap.h"
#include "golden.h"

/* s with its line breaks and tabs as C escapes: one TAP line. */
static const char *
shown(const char *s)
{
	static char	buf[256];
	size_t		n = 0;

	for (; *s != '\0' && n + 3 < sizeof buf; s++) {
		if (*s == '\n' || *s == '\t' || *s == '\r') {
			buf[n++] = '\\';
			buf[n++] = *s == '\n' ? 'n' : *s == '\t' ? 't' : 'r';
		} else
			buf[n++] = *s;
	}
	buf[n] = '\0';
	return buf;
}

static char *
S(const char *s)
{
	return s != NULL ? pl_xstrdup(s) : NULL;
}

/* Pushes the strings, up to a NULL. */
static void
L(struct pl_strlist *l, ...)
{
	va_list		 ap;
	const char	*s;

	va_start(ap, l);
	while ((s = va_arg(ap, const char *)) != NULL)
		pl_strlist_push(l, s);
	va_end(ap);
}

static struct pl_report_goal *
goal(struct pl_report *r, const char *id, const char *title,
    const char *term, const char *status, const char *created,
    const char *due, const char *parent)
{
	struct pl_report_goal	*g = &r->goals[r->ngoals++];

	g->id = S(id);
	g->title = S(title);
	g->term = S(term);
	g->status = S(status);
	g->created = S(created);
	g->due = S(due);
	g->parent = S(parent);
	return g;
}

static struct pl_report_evidence *
evidence(struct pl_report *r, const char *id, const char *title,
    const char *date, const char *kind)
{
	struct pl_report_evidence	*e = &r->evidence[r->nevidence++];

	e->id = S(id);
	e->title = S(title);
	e->date = S(date);
	e->kind = S(kind);
	return e;
}

static struct pl_report_standard *
standard(struct pl_report *r, const char *code, const char *fw,
    const char *subject, const char *desc, size_t goals, size_t evidence)
{
	struct pl_report_standard	*s = &r->standards[r->nstandards++];

	s->code = S(code);
	s->framework = S(fw);
	s->grade = S("6");
	s->subject = S(subject);
	s->description = S(desc);
	s->goals = goals;
	s->evidence = evidence;
	s->points = pl_xcalloc(4, sizeof *s->points);
	return s;
}

static void
point(struct pl_report_standard *s, const char *date, double level,
    double score, const char *name)
{
	struct pl_report_point	*p = &s->points[s->npoints++];

	snprintf(p->date, sizeof p->date, "%s", date);
	p->level = level;
	p->score = score;
	p->scored = 1;
	p->at_mastery = (size_t)(s->npoints > 1 ? s->points[s->npoints - 2]
	    .at_mastery : 0) + (level >= 3);
	s->ratings = s->npoints;
	s->score = s->score_unrounded = score;
	s->scored = 1;
	s->at_mastery = p->at_mastery;
	free(s->level);
	s->level = S(name);
}

static void
person(struct pl_report *r, const char *name, const char *email,
    const char *first, const char *last, unsigned changes, unsigned goals,
    unsigned steps, unsigned evidence, unsigned reflections,
    unsigned ratings)
{
	struct pl_report_person	*p = &r->people[r->npeople++];

	*p = (struct pl_report_person){ S(name), S(email), S(first), S(last),
	    changes, goals, steps, evidence, reflections, ratings };
}

static void
event(struct pl_report *r, enum pl_event_type type, const char *date,
    const char *author, const char *id, const char *detail,
    const char *standard, const char *level)
{
	struct pl_report_event	*e = &r->events[r->nevents++];

	e->type = type;
	snprintf(e->date, sizeof e->date, "%s", date);
	e->author = S(author);
	e->id = S(id);
	e->detail = S(detail);
	e->standard = S(standard);
	e->level = S(level);
}

/* An empty report: a portfolio with a profile and nothing else. */
static struct pl_report *
empty_report(void)
{
	struct pl_report	*r = pl_xcalloc(1, sizeof *r);

	memset(r->commit, 'a', 40);
	strcpy(r->commit_date, "2024-03-20");
	strcpy(r->as_of, "2024-03-20");
	strcpy(r->week_from, "2023-12-25");
	r->view = PL_VIEW_LEARNER;
	r->codes = 1;
	r->stalled_days = PL_REPORT_STALLED_DAYS;
	r->name = S("Sam");
	r->learner_id = S("sam");
	pl_scale_default(&r->scale);
	r->method = r->scale.method;
	return r;
}

static struct pl_report *
full_report(void)
{
	struct pl_report		*r = empty_report();
	struct pl_report_goal		*g;
	struct pl_report_evidence	*e;
	struct pl_report_reflection	*f;
	struct pl_report_standard	*s;
	struct pl_report_move		*m;
	static const unsigned		 wk[12][5] = {
		{ 0, 0, 0, 0, 1 }, { 1, 0, 1, 1, 0 }, { 0, 0, 0, 0, 0 },
		{ 1, 0, 2, 1, 0 }, { 0, 0, 0, 0, 0 }, { 0, 0, 1, 0, 2 },
		{ 0, 0, 0, 0, 0 }, { 1, 1, 1, 1, 0 }, { 0, 0, 0, 0, 0 },
		{ 0, 0, 0, 0, 1 }, { 1, 0, 1, 1, 0 }, { 1, 1, 1, 2, 0 } };
	static const char *const	 mondays[12] = { "2024-01-01",
		"2024-01-08", "2024-01-15", "2024-01-22", "2024-01-29",
		"2024-02-05", "2024-02-12", "2024-02-19", "2024-02-26",
		"2024-03-04", "2024-03-11", "2024-03-18" };
	size_t				 i;

	memcpy(r->commit, "abc1234def5678901234567890abcdef12345678", 40);
	strcpy(r->commit_date, "2024-03-18");
	strcpy(r->week_from, "2024-01-01");
	free(r->name);
	free(r->learner_id);
	r->name = S("Ada Lovelace");
	r->learner_id = S("ada");
	r->grade = S("6");
	r->started = S("2023-09-04");
	r->since = S("2024-03-01");
	L(&r->strengths, "Asks good questions", "Drawing", NULL);
	L(&r->needs, "Finishing long pieces of writing", NULL);
	L(&r->interests, "Baking", "Machines *and* engines", NULL);
	L(&r->learns_best, "By making things", NULL);

	r->goals = pl_xcalloc(4, sizeof *r->goals);
	g = goal(r, "essay", "Write a persuasive essay", "short", "active",
	    "2024-02-01", "2024-03-01", NULL);
	g->done = 1;
	g->total = 4;
	L(&g->next, "-2 paragraphs, then +1 more", "Peer review",
	    "Final copy", NULL);
	L(&g->evidence, "e-outline", NULL);
	L(&g->standards, "CCSS.ELA-LITERACY.W.6.1", NULL);
	g->last_evidence = S("2024-02-19");
	g->days_since = 30;
	g->due_in = -19;
	g->overdue = g->stalled = 1;
	g->pace = PL_PACE_BEHIND;
	g->time_share = 1;
	g = goal(r, "fractions", "Fractions | decimals", "short", "active",
	    "2024-01-08", "2024-04-15", "numeracy");
	g->why = S("I want to *bake* <b>cakes</b>.\n\n# Really\n"
	    "- [link](javascript:alert(1))\n");
	g->done = 2;
	g->total = 3;
	L(&g->next, "Compare fractions with unlike denominators", NULL);
	L(&g->evidence, "e-cake", "e-quiz", NULL);
	L(&g->reflections, "r-baking", NULL);
	L(&g->standards, "6.NS.A.1", "6.RP.A.1", NULL);
	g->last_evidence = S("2024-03-15");
	g->days_since = 5;
	g->due_in = 26;
	g->pace = PL_PACE_AHEAD;
	g->time_share = 0.73;
	g = goal(r, "numeracy", "Be confident with numbers", "long",
	    "active", "2023-09-04", NULL, NULL);
	g->days_since = 5;
	g->last_evidence = S("2024-03-15");
	g = goal(r, "reading", "Read three novels", "short", "met",
	    "2023-10-01", "2024-01-31", NULL);
	g->done = g->total = 3;
	L(&g->evidence, "e-book3", "e-book1", NULL);
	L(&g->standards, "RL.6.1", NULL);
	g->last_evidence = S("2024-01-20");
	g->days_since = 60;
	g->due_in = -49;
	g->time_share = 1;

	r->evidence = pl_xcalloc(5, sizeof *r->evidence);
	e = evidence(r, "e-cake", "<b>Bake</b> a cake", "2024-03-15",
	    "project");
	e->description = S("We halved it.");
	L(&e->goals, "fractions", NULL);
	L(&e->standards, "6.RP.A.1", NULL);
	L(&e->files, "cake.jpg", NULL);
	e = evidence(r, "e-quiz", "Fractions quiz", "2024-03-08", "quiz");
	L(&e->goals, "fractions", NULL);
	L(&e->standards, "6.NS.A.1", NULL);
	e = evidence(r, "e-outline", "Essay outline", "2024-02-19", "draft");
	L(&e->goals, "essay", NULL);
	L(&e->standards, "CCSS.ELA-LITERACY.W.6.1", NULL);
	e = evidence(r, "e-book3", "Book review: Holes", "2024-01-20",
	    "writing");
	L(&e->goals, "reading", NULL);
	L(&e->standards, "RL.6.1", NULL);
	e = evidence(r, "e-book1", "=HYPERLINK(\"http://x\")", "2023-11-02",
	    "writing");
	L(&e->goals, "reading", NULL);

	r->reflections = pl_xcalloc(2, sizeof *r->reflections);
	r->nreflections = 2;
	f = &r->reflections[0];
	f->id = S("r-baking");
	f->date = S("2024-03-16");
	f->summary = S("Baking made fractions click");
	f->body = S("Halving the recipe: 3/4 cup became 3/8.\n\n"
	    "<script>alert(1)</script>\n1. first\n");
	L(&f->goals, "fractions", NULL);
	L(&f->evidence, "e-cake", NULL);
	f = &r->reflections[1];
	f->id = S("r-essay");
	f->date = S("2024-02-20");
	f->summary = S("Outlines help");
	f->body = S("I | planned.");
	L(&f->goals, "essay", NULL);

	r->standards = pl_xcalloc(6, sizeof *r->standards);
	s = standard(r, "6.NS.A.1", "ccss-math", "Math",
	    "Divide fractions by fractions", 1, 1);
	point(s, "2024-03-08", 2, 2, "developing");
	point(s, "2024-03-15", 3, 2.65, "developing");
	s = standard(r, "6.RP.A.1", "ccss-math", "Math",
	    "Understand ratio concepts", 1, 1);
	point(s, "2024-01-10", 1, 1, "beginning");
	point(s, "2024-02-10", 3, 2.3, "developing");
	point(s, "2024-03-15", 4, 3.41, "proficient");
	s->score_unrounded = 3.405;
	s->mastered = 1;
	s = standard(r, "6.EE.A.1", "ccss-math", "Math",
	    "Write and evaluate numerical expressions", 0, 0);
	s = standard(r, "CCSS.ELA-LITERACY.W.6.1", "ccss-ela", "ELA",
	    "Write arguments [to support claims]", 1, 1);
	point(s, "2024-02-19", 2, 2, "developing");
	s = standard(r, "RL.6.1", "ccss-ela", "ELA",
	    "Cite textual evidence", 1, 1);
	point(s, "2024-01-20", 4, 4, "advanced");
	s->mastered = 1;
	s = standard(r, "SL.6.1", "ccss-ela", "ELA",
	    "Engage in collaborative discussions", 0, 0);
	r->covered = 4;
	r->mastered = 2;
	/* grade 6 of both frameworks: 16 standards, the 6 aligned among them */
	r->scope.asked = r->scope.used = PL_SCOPE_GRADE;
	r->scope.grade = S("6");
	r->scope.standards = 16;
	r->scope.covered = 4;
	r->scope.mastered = 2;

	r->weeks = pl_xcalloc(12, sizeof *r->weeks);
	r->nweeks = 12;
	for (i = 0; i < 12; i++) {
		r->weeks[i] = (struct pl_report_week){ .evidence = wk[i][0],
		    .reflections = wk[i][1], .steps = wk[i][2],
		    .ratings = wk[i][3], .other = wk[i][4] };
		snprintf(r->weeks[i].monday, sizeof r->weeks[i].monday,
		    "%s", mondays[i]);
	}

	r->people = pl_xcalloc(3, sizeof *r->people);
	person(r, "Ada Lovelace", "ada@example.org", "2023-09-04",
	    "2024-03-16", 24, 4, 7, 5, 2, 0);
	person(r, "Ms Byron", "byron@school.example", "2024-01-10",
	    "2024-03-15", 7, 0, 0, 0, 0, 7);
	person(r, "Dad", "dad@example.net", "2024-02-20", "2024-02-20", 1,
	    0, 0, 0, 0, 0);

	r->events = pl_xcalloc(5, sizeof *r->events);
	event(r, PL_EVENT_REFLECTION, "2024-03-16", "Ada Lovelace",
	    "r-baking", "Reflect: Baking made fractions click", NULL, NULL);
	event(r, PL_EVENT_RATING, "2024-03-15", "Ms Byron", "e-cake",
	    "Ms Byron <byron@school.example> rated e-cake against 6.RP.A.1: 4.",
	    "6.RP.A.1", "4");
	event(r, PL_EVENT_EVIDENCE, "2024-03-15", "Ada Lovelace", "e-cake",
	    "Add evidence: <b>Bake</b> a cake", NULL, NULL);
	event(r, PL_EVENT_STEP_DONE, "2024-03-10", "Ada Lovelace",
	    "fractions", "Tick step 2 of fractions", NULL, NULL);
	event(r, PL_EVENT_RATING, "2024-03-08", "Ms Byron", "e-quiz",
	    "Ms Byron <byron@school.example> rated e-quiz against 6.NS.A.1: 2.5.",
	    "6.NS.A.1", "2.5");

	r->moves = pl_xcalloc(2, sizeof *r->moves);
	r->nmoves = 2;
	m = &r->moves[0];
	*m = (struct pl_report_move){ S("6.NS.A.1"),
	    S("Divide fractions by fractions"), 0, 0, 1, 2.65, 0, 0, 0, 1 };
	m = &r->moves[1];
	*m = (struct pl_report_move){ S("6.RP.A.1"),
	    S("Understand ratio concepts"), 1, 2.3, 1, 3.41, 0, 1, 1, 1 };

	L(&r->warnings, "goals/broken.md:3: invalid date 'soon'", NULL);
	return r;
}


static void
expect(const char *name, struct pl_buf *got)
{
	expect_file("report", name, got);
}

/* Every key of the sample's JSON is in docs/report-schema.md. */
static void
test_schema(void)
{
	struct pl_report	*r = full_report();
	struct pl_buf		 b = PL_BUF_INIT;

	pl_report_json(&b, r);
	check_schema(pl_buf_cstr(&b), NULL, NULL);
	pl_buf_release(&b);
	pl_report_free(r);
}

static void
test_formats(void)
{
	struct pl_report	*r = full_report(), *e = empty_report();
	struct pl_buf		 b = PL_BUF_INIT;
	static const char *const md[] = { "learner.md", "teacher.md",
		"family.md" };
	static const char *const empty_md[] = { "empty-learner.md",
		"empty-teacher.md", "empty-family.md" };
	int			 v;

	for (v = PL_VIEW_LEARNER; v <= PL_VIEW_FAMILY; v++) {
		r->view = v;
		r->codes = v != PL_VIEW_FAMILY;
		pl_report_md(&b, r);
		expect(md[v], &b);
	}
	r->view = PL_VIEW_FAMILY;
	r->codes = 1;
	pl_report_md(&b, r);
	expect("family-codes.md", &b);
	r->view = PL_VIEW_LEARNER;
	r->codes = 1;
	pl_report_csv(&b, r, 0);
	expect("goals.csv", &b);
	pl_report_csv(&b, r, 1);
	expect("standards.csv", &b);
	pl_report_json(&b, r);
	expect("report.json", &b);
	r->until = S("2024-03-20");	/* a report's window has both ends */
	pl_report_text(&b, r, 0);
	expect("learner.txt", &b);
	r->view = PL_VIEW_TEACHER;
	pl_report_text(&b, r, 0);
	expect("teacher.txt", &b);
	pl_report_text(&b, r, 1);
	expect("teacher-colour.txt", &b);

	for (v = PL_VIEW_LEARNER; v <= PL_VIEW_FAMILY; v++) {
		e->view = v;
		e->codes = v != PL_VIEW_FAMILY;
		pl_report_md(&b, e);
		expect(empty_md[v], &b);
	}
	pl_report_csv(&b, e, 0);
	expect("empty-goals.csv", &b);
	pl_report_csv(&b, e, 1);
	expect("empty-standards.csv", &b);
	pl_report_json(&b, e);
	expect("empty.json", &b);
	e->view = PL_VIEW_LEARNER;
	pl_report_text(&b, e, 0);
	expect("empty-learner.txt", &b);
	e->view = PL_VIEW_TEACHER;
	pl_report_text(&b, e, 0);
	expect("empty-teacher.txt", &b);

	pl_buf_release(&b);
	pl_report_free(r);
	pl_report_free(e);
}

/* The first line of out that begins with start, without its newline. */
static const char *
line_of(const struct pl_buf *out, const char *start)
{
	static char	 buf[256];
	const char	*s = strstr(pl_buf_cstr(out), start);

	if (s == NULL)
		return "(none)";
	snprintf(buf, sizeof buf, "%.*s", (int)strcspn(s, "\n"), s);
	return buf;
}

/*
 * One rule for the learner's name in every view: the profile's, else
 * (empty, as a hand-edited profile's "name: ''", or missing) the id.
 */
static void
test_learner_name(void)
{
	struct pl_report	*r = empty_report();
	struct pl_buf		 b = PL_BUF_INIT;
	static const char *const titles[] = { "<title>sam &ndash; Learner "
		"report, 2024-03-20</title>", "<title>sam &ndash; Teacher "
		"report, 2024-03-20</title>", "<title>sam &ndash; Family "
		"report, 2024-03-20</title>" };
	int			 v;

	is_str(pl_report_learner_name(r), "Sam", "the name when there is one");
	free(r->name);
	r->name = NULL;
	is_str(pl_report_learner_name(r), "sam", "no name: the id");
	r->name = S("");
	is_str(pl_report_learner_name(r), "sam", "an empty name: the id");
	free(r->learner_id);
	r->learner_id = S("");
	is_str(pl_report_learner_name(r), "", "no profile: nothing");
	free(r->learner_id);
	r->learner_id = S("sam");

	pl_report_text(&b, r, 0);
	is_str(line_of(&b, "Report for"), "Report for sam", "text: the id");
	pl_buf_clear(&b);
	pl_report_md(&b, r);
	is_str(line_of(&b, "# "), "# Learning report: sam", "md: the id");
	for (v = PL_VIEW_LEARNER; v <= PL_VIEW_FAMILY; v++) {
		r->view = v;
		pl_buf_clear(&b);
		pl_report_html(&b, r);
		is_str(line_of(&b, "<title>sam"), titles[v], "html %s: the id "
		    "in the title", pl_report_view_names[v]);
		ok(strstr(pl_buf_cstr(&b), "<h1>sam</h1>") != NULL, "html %s: "
		    "the id as the heading", pl_report_view_names[v]);
	}
	pl_buf_clear(&b);
	pl_report_md(&b, r);
	is_str(line_of(&b, "sam has"), "sam has no goals yet. 0 pieces of "
	    "work have been added.", "family md: the id");
	pl_buf_release(&b);
	pl_report_free(r);
}

/* An empty grade (a profile's "grade: ''") is no grade in every view. */
static void
test_grade(void)
{
	struct pl_report	*r = empty_report();
	struct pl_buf		 b = PL_BUF_INIT;
	int			 v;

	free(r->grade);
	r->grade = S("7");
	is_str(pl_report_grade(r), "7", "a grade");
	pl_report_text(&b, r, 0);
	is_str(line_of(&b, "Report for"), "Report for Sam, grade 7",
	    "text: the grade");
	free(r->grade);
	r->grade = S("");
	ok(pl_report_grade(r) == NULL, "an empty grade is none");
	for (v = PL_VIEW_LEARNER; v <= PL_VIEW_FAMILY; v++) {
		r->view = v;
		pl_buf_clear(&b);
		pl_report_text(&b, r, 0);
		pl_report_md(&b, r);
		pl_report_html(&b, r);
		ok(strstr(pl_buf_cstr(&b), "Grade") == NULL &&
		    strstr(pl_buf_cstr(&b), ", grade") == NULL, "%s: no grade "
		    "said in text, Markdown or HTML", pl_report_view_names[v]);
	}
	pl_buf_release(&b);
	pl_report_free(r);
}

/*
 * What the full report leaves out: a window where nothing changed but
 * mastery (one lost, one rated without a score yet), a goal due today,
 * one stalled alone, more evidence and reflections than a text report
 * lists, a busy week, someone with one of each.
 */
static struct pl_report *
edge_report(void)
{
	struct pl_report	*r = empty_report();
	struct pl_report_goal	*g;
	struct pl_report_move	*m;
	char			 id[16];
	size_t			 i;

	r->since = S("2024-03-01");
	r->until = S("2024-03-20");
	r->goals = pl_xcalloc(2, sizeof *r->goals);
	g = goal(r, "quiet", "Quiet", "short", "active", "2024-01-02", NULL,
	    NULL);
	g->stalled = 1;
	g->days_since = 40;
	g->last_evidence = S("2024-02-09");
	g = goal(r, "today", "Due today", "short", "active", "2024-03-01",
	    "2024-03-20", NULL);
	g->total = 2;
	g->days_since = -1;
	r->evidence = pl_xcalloc(12, sizeof *r->evidence);
	r->reflections = pl_xcalloc(7, sizeof *r->reflections);
	for (i = 0; i < 12; i++) {
		snprintf(id, sizeof id, "e-%02zu", i);
		evidence(r, id, "Work", "2024-02-09", NULL);
	}
	for (i = 0; i < 7; i++) {
		r->reflections[i].id = pl_xasprintf("r-%zu", i);
		r->reflections[i].date = S("2024-02-10");
		r->reflections[i].summary = S("Thought");
		r->reflections[i].body = S("line\r\n\nnext");
	}
	r->nreflections = 7;
	r->weeks = pl_xcalloc(1, sizeof *r->weeks);
	r->nweeks = 1;
	r->weeks[0] = (struct pl_report_week){ .evidence = 40 };
	strcpy(r->weeks[0].monday, "2024-02-05");
	r->people = pl_xcalloc(1, sizeof *r->people);
	person(r, "Sam", "sam@example.org", "2024-01-02", "2024-02-09", 3, 1,
	    1, 0, 1, 0);
	r->moves = pl_xcalloc(2, sizeof *r->moves);
	r->nmoves = 2;
	m = &r->moves[0];
	*m = (struct pl_report_move){ S("6.RP.A.1"), S("Ratios"), 1, 3.2, 0,
	    0, 1, 0, 1, 0 };
	m = &r->moves[1];
	*m = (struct pl_report_move){ S("6.NS.A.1"), S("Division"), 1, 0, 1,
	    0, 0, 0, 0, 0 };
	return r;
}

static void
test_edges(void)
{
	struct pl_report	*r = edge_report();
	struct pl_buf		 b = PL_BUF_INIT;
	const char		*s;

	pl_report_text(&b, r, 0);
	s = pl_buf_cstr(&b);
	ok(strstr(s, "In the window\n  Nothing changed.\n") != NULL,
	    "text: a quiet window says so");
	ok(strstr(s, "  6.RP.A.1  3.20 -> not rated  Ratios\n") != NULL,
	    "text: a rating gone");
	ok(strstr(s, "  ... and 2 more\n\nReflections") != NULL,
	    "text: ten evidence, then how many more");
	ok(strstr(s, "  2024-02-10  Thought\n  ... and 2 more\n") != NULL,
	    "text: five reflections, then how many more");
	ok(strstr(s, "  6.NS.A.1  - -> -  Division\n") != NULL,
	    "text: rated without a score yet");
	ok(strstr(s, "  2024-02-05        40            0      0        0  "
	    "####################\n") != NULL, "text: a busy week's bar fits");
	ok(strstr(s, "  Sam   3 changes: 1 goal, 1 step, 0 evidence, "
	    "1 reflection, 0 ratings") != NULL, "text: one of each, singular");
	pl_buf_clear(&b);
	r->view = PL_VIEW_TEACHER;
	pl_report_text(&b, r, 0);
	s = pl_buf_cstr(&b);
	ok(strstr(s, "  quiet  stalled: no evidence for 40 days\n") != NULL,
	    "text: a goal stalled alone needs attention");
	ok(strstr(s, "  today  short  active   0/2    2024-03-20  -              "
	    "-") != NULL, "text: no evidence yet, dashes");

	pl_buf_clear(&b);
	r->view = PL_VIEW_LEARNER;
	pl_report_md(&b, r);
	s = pl_buf_cstr(&b);
	ok(strstr(s, "## Since 2024-03-01 (until 2024-03-20)\n\nNothing "
	    "changed.\n") != NULL, "md: a quiet window says so");
	ok(strstr(s, "| 6.RP.A.1 | Ratios | proficient (3.20) | \xe2\x80\x94 "
	    "| no |\n") != NULL, "md: a rating gone, no longer mastered");
	ok(strstr(s, "| 6.NS.A.1 | Division | no score yet | no score yet | "
	    "no |") != NULL, "md: rated without a score yet");
	ok(strstr(s, "| Due today | \xe2\x80\x94 | active | 0/2 steps | "
	    "2024-03-20 (today) |") != NULL, "md: due today");
	ok(strstr(s, "> line\n>\n> next\n") != NULL,
	    "md: a body quoted, its CR and empty line kept as Markdown");
	pl_buf_clear(&b);
	r->view = PL_VIEW_TEACHER;
	pl_report_md(&b, r);
	s = pl_buf_cstr(&b);
	ok(strstr(s, "| quiet | Quiet | no | 40 days | \xe2\x80\x94 | "
	    "\xe2\x80\x94 | 2024-02-09 |") != NULL,
	    "md: stalled alone in the teacher's table");

	pl_buf_clear(&b);
	pl_report_html(&b, r);
	s = pl_buf_cstr(&b);
	ok(strstr(s, "<tr><td class=\"c\">quiet</td><td class=\"line\">Quiet"
	    "</td><td class=\"n\" data-label=\"Steps\">0/0</td><td class=\"d"
	    "\" data-label=\"Due\">none</td><td data-label=\"Last evidence\">"
	    "2024-02-09 (40 days ago)</td><td class=\"line\"><span class=\""
	    "flag stalled\">Stalled: no new evidence for 40 days</span></td>"
	    "</tr>") != NULL, "html: stalled alone in the teacher's flags");
	r->view = PL_VIEW_LEARNER;
	pl_buf_clear(&b);
	pl_report_html(&b, r);
	s = pl_buf_cstr(&b);
	ok(strstr(s, "<h2>Since 2024-03-01</h2>\n<p>No changes in this time."
	    "</p>") != NULL, "html: a quiet window says so");
	ok(strstr(s, "<li><code>6.RP.A.1</code> Ratios: from proficient (3.20) "
	    "to not rated, no longer mastered</li>\n<li><code>6.NS.A.1</code> "
	    "Division: from no score yet to no score yet</li>") != NULL,
	    "html: a rating gone, no score yet");
	ok(strstr(s, "<p>Due <time>2024-03-20</time>, today. </p>") != NULL,
	    "html: due today");
	ok(strstr(s, "<h2>Left out</h2>") == NULL, "html: nothing left out");
	pl_buf_release(&b);
	pl_report_free(r);
}

static char *
md(const char *s)
{
	struct pl_buf	b = PL_BUF_INIT;

	pl_md_escape(&b, s, strlen(s));
	return pl_buf_detach(&b);
}

static void
test_md_escape(void)
{
	static const char *const cases[][2] = {
		{ "<script>alert(1)</script>",
		    "&lt;script>alert(1)&lt;/script>" },
		{ "[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))" },
		{ "![img](http://x/y.png)", "\\!\\[img\\](http\\://x/y.png)" },
		{ "see https://ex.org/a?b", "see https\\://ex.org/a?b" },
		{ "WWW.ex.org and www.ex.org", "WWW\\.ex.org and www\\.ex.org" },
		{ "ana@ex.org", "ana\\@ex.org" },
		{ "mailto:ana@ex.org, ftp://f", "mailto:ana\\@ex.org, ftp\\://f" },
		{ "a: b, 10:30, x:/y, c://", "a: b, 10:30, x:/y, c\\://" },
		{ "www", "www" },
		{ "| a | b |", "\\| a \\| b \\|" },
		{ "# heading", "\\# heading" },
		{ "  ## indented", "  \\## indented" },
		{ "- item", "\\- item" },
		{ "+ item", "\\+ item" },
		{ "> quote", "\\> quote" },
		{ "=== ", "\\=== " },
		{ "12. point", "12\\. point" },
		{ "3) point", "3\\) point" },
		{ "2024-03-01 date", "2024-03-01 date" },
		{ "a - b > c # d", "a - b > c # d" },
		{ "`code` *em* _em_ ~~del~~", "\\`code\\` \\*em\\* \\_em\\_ "
		    "\\~\\~del\\~\\~" },
		{ "back\\slash", "back\\\\slash" },
		{ "&lt; &amp;", "&amp;lt; &amp;amp;" },
		{ "a\nb", "a b" },
		{ "a\r\n\tb", "a   b" },
		{ "\n# after a break", " \\# after a break" },
		{ "café ☕", "café ☕" },
		{ "6.RP.A.1", "6.RP.A.1" },
		{ "2.65", "2.65" },
		{ "-2 paragraphs", "-2 paragraphs" },
		{ "---", "\\---" },
		{ "- - -", "\\- - -" },
		{ "#hashtag", "\\#hashtag" },
		{ "1.", "1\\." },
	};
	size_t	 i;
	char	*s;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = md(cases[i][0]);
		is_str(s, cases[i][1], "md escape of '%s'", shown(cases[i][0]));
		free(s);
	}
}

static void
test_csv_cell(void)
{
	static const char *const cases[][2] = {
		{ "=SUM(A1:A2)", "'=SUM(A1:A2)" },
		{ "+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0" },
		{ "-2+3", "'-2+3" },
		{ "@SUM(1)", "'@SUM(1)" },
		{ "\tx", "'\tx" },
		{ "\rx", "\"'\rx\"" },
		{ "=1,2", "\"'=1,2\"" },
		{ "-3", "-3" },
		{ "-0.5", "-0.5" },
		{ "-", "'-" },
		{ "-3.", "'-3." },
		{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
		{ "a\nb", "\"a\nb\"" },
		{ "", "" },
		{ "plain", "plain" },
	};
	struct pl_buf		 b = PL_BUF_INIT;
	const char *const	 row[] = { "=x", NULL, "-1", "a,b" };
	size_t			 i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		pl_buf_clear(&b);
		pl_csv_cell(&b, cases[i][0], 1);
		is_str(pl_buf_cstr(&b), cases[i][1], "csv cell of '%s'",
		    shown(cases[i][0]));
	}
	pl_buf_clear(&b);
	pl_csv_row(&b, row, 4);
	is_str(pl_buf_cstr(&b), "'=x,,-1,\"a,b\"\r\n",
	    "a row: cells, an empty one for NULL, CR LF");
	pl_buf_release(&b);
}

/*
 * The lookups every view shares: by id and code (none for NULL), the
 * age of a date (none for a bad or later date, or a bad as-of day), an
 * event's words (a rating names the work by title when codes are not
 * shown, "?" without a level) and a rating's signature words.
 */
static void
test_lookups(void)
{
	struct pl_report	*r = full_report();
	struct pl_buf		 b = PL_BUF_INIT;
	struct pl_report_event	 e = { .type = PL_EVENT_RATING };
	char			 id[] = "e-quiz", level[] = "3";

	is_str(pl_report_evidence_find(r, "e-quiz")->title, "Fractions quiz",
	    "evidence found by id");
	ok(pl_report_evidence_find(r, "e-none") == NULL, "no such evidence");
	ok(pl_report_evidence_find(r, NULL) == NULL, "no id: none");
	is_str(pl_report_standard_find(r, "RL.6.1")->description,
	    "Cite textual evidence", "a standard found by code");
	ok(pl_report_standard_find(r, "RL.6.2") == NULL, "no such standard");
	ok(pl_report_standard_find(r, NULL) == NULL, "no code: none");

	is_int(pl_report_evidence_age(r, "2024-03-15"), 5, "five days ago");
	is_int(pl_report_evidence_age(r, "2024-03-20"), 0, "today");
	is_int(pl_report_evidence_age(r, "2024-03-21"), -1, "after the day");
	is_int(pl_report_evidence_age(r, "2024-02-30"), -1, "no such date");
	is_int(pl_report_evidence_age(r, NULL), -1, "no date");
	strcpy(r->as_of, "soon");
	is_int(pl_report_evidence_age(r, "2024-03-15"), -1, "no as-of day");
	strcpy(r->as_of, "2024-03-20");

	e.id = id;
	e.level = level;
	pl_report_event_words(&b, r, &e);
	is_str(pl_buf_cstr(&b), "Rated e-quiz: 3 (proficient)", "a rating "
	    "names the work by id with codes");
	r->codes = 0;
	pl_buf_clear(&b);
	pl_report_event_words(&b, r, &e);
	is_str(pl_buf_cstr(&b), "Rated Fractions quiz: 3 (proficient)",
	    "by title without");
	e.id = NULL;
	e.level = NULL;
	pl_buf_clear(&b);
	pl_report_event_words(&b, r, &e);
	is_str(pl_buf_cstr(&b), "Rated : ?", "no id, no level");
	e.type = PL_EVENT_EVIDENCE;
	pl_buf_clear(&b);
	pl_report_event_words(&b, r, &e);
	is_str(pl_buf_cstr(&b), "", "another event without a sentence");

	is_str(pl_report_signature_words(r, &e), "", "signatures not checked");
	r->signatures = 1;
	is_str(pl_report_signature_words(r, &e), "", "not a rating");
	e.type = PL_EVENT_RATING;
	is_str(pl_report_signature_words(r, &e), " (not verified)",
	    "a rating not signed");
	e.verified = 1;
	is_str(pl_report_signature_words(r, &e), " (verified)", "signed");
	e.verified = -1;
	is_str(pl_report_signature_words(r, &e), " (bad signature)",
	    "signed wrong");
	pl_buf_release(&b);
	pl_report_free(r);
}

/*
 * The family's words at their edges: goals met with none under way, one
 * paused and one set aside, a goal without a status (active), skills
 * all secure or one alone, a standard without a statement, events of
 * entries the report does not hold, ratings without a level or a
 * standard, moves both ways and from nothing, work for several goals,
 * a file at no folder, a grade left empty.
 */
static struct pl_report *
family_edge_report(void)
{
	struct pl_report		*r = empty_report();
	struct pl_report_evidence	*e;
	struct pl_report_standard	*s;

	r->view = PL_VIEW_FAMILY;
	r->codes = 0;
	r->signatures = 1;
	r->grade = S("");
	r->since = S("2024-03-01");
	r->goals = pl_xcalloc(3, sizeof *r->goals);	/* by id, as built */
	goal(r, "draw", "Draw daily", "short", "paused", "2024-01-02", NULL,
	    NULL);
	goal(r, "read", "Read more", "short", "met", "2024-01-02", NULL, NULL);
	goal(r, "swim", "Swim", "short", "dropped", "2024-01-02", NULL, NULL);
	r->evidence = pl_xcalloc(1, sizeof *r->evidence);
	e = evidence(r, "e-map", "A map", "2024-03-02", "project");
	L(&e->goals, "read", "draw", "gone", NULL);
	L(&e->files, "map.png", NULL);
	e->shown = pl_xcalloc(1, sizeof *e->shown);
	e->shown[0].may_show = 1;
	r->standards = pl_xcalloc(2, sizeof *r->standards);
	s = standard(r, "RL.6.1", "ccss-ela", "ELA", "", 1, 1);
	point(s, "2024-03-02", 4, 4, "advanced");
	s->mastered = 1;
	r->mastered = 1;
	r->events = pl_xcalloc(6, sizeof *r->events);
	event(r, PL_EVENT_GOAL_SET, "2024-03-02", "Sam", "old-goal",
	    "Set goal old-goal", NULL, NULL);
	event(r, PL_EVENT_EVIDENCE, "2024-03-03", "Sam", "e-old",
	    "Added evidence e-old", NULL, NULL);
	event(r, PL_EVENT_REFLECTION, "2024-03-04", "Sam", "r-old",
	    "Added reflection r-old", NULL, NULL);
	event(r, PL_EVENT_RATING, "2024-03-05", "Kim", "e-old",
	    "Rated e-old for RL.6.1", NULL, NULL);
	event(r, PL_EVENT_RATING, "2024-03-06", "Kim", "e-map",
	    "Rated e-map for RL.6.1", "RL.6.1", "4");
	r->events[4].verified = 1;
	r->moves = pl_xcalloc(3, sizeof *r->moves);
	r->nmoves = 3;
	r->moves[0] = (struct pl_report_move){ S("RL.6.1"), S(""), 1, 2, 1,
	    4, 0, 1, 1, 1 };
	r->moves[1] = (struct pl_report_move){ S("RL.6.2"), S("Infer"), 1, 4,
	    1, 2, 1, 0, 1, 1 };
	r->moves[2] = (struct pl_report_move){ S("RL.6.3"), S("Plot"), 0, 0,
	    1, 0, 0, 0, 0, 0 };
	return r;
}

static void
test_family_edges(void)
{
	struct pl_report	*r = family_edge_report();
	struct pl_buf		 b = PL_BUF_INIT;
	const char		*s;

	pl_report_md(&b, r);
	s = pl_buf_cstr(&b);
	ok(strstr(s, "Sam has met 1 goal and has none under way. 1 piece of "
	    "work has been added; the skill in the goals is secure.\n") !=
	    NULL, "md: goals met, none under way, the one skill secure");
	ok(strstr(s, "- Secure: a standard\n") != NULL, "md: a standard "
	    "without a statement");
	ok(strstr(s, "No goal is under way.\n\n- Draw daily: paused for now."
	    "\n- Swim: set aside.\n") != NULL, "md: paused, set aside");
	ok(strstr(s, "- 2024-03-02 \xc2\xb7 Set goal old-goal\n"
	    "- 2024-03-03 \xc2\xb7 Added evidence e-old\n"
	    "- 2024-03-04 \xc2\xb7 Added reflection r-old\n"
	    "- 2024-03-05 \xc2\xb7 A piece of work assessed (not verified)\n"
	    "- 2024-03-06 \xc2\xb7 A map assessed for a standard: advanced "
	    "(verified)\n") != NULL, "md: entries the report does not hold "
	    "by their commit's sentence, a rating of unknown work");
	ok(strstr(s, "- a standard: now secure.\n- a standard: no longer "
	    "secure.\n- a standard: from not assessed to started.\n") != NULL,
	    "md: moves both ways, from nothing to a rating without a score");

	pl_buf_clear(&b);
	pl_report_html(&b, r);
	s = pl_buf_cstr(&b);
	ok(strstr(s, "<h1>Sam</h1>\n<p>Family report as of") != NULL,
	    "html: an empty grade is not shown in the header");
	ok(strstr(s, "<span class=\"meta\">For Read more, Draw daily and "
	    "gone</span><ul class=\"fam-files\">\n<li class=\"fam-nofile\">"
	    "map.png (not included)</li>\n") != NULL, "html: three goals, one "
	    "gone; a file at no folder, not copied");

	/* a goal without a status is under way; more skills */
	free(r->goals[0].status);		/* draw */
	r->goals[0].status = NULL;
	r->goals[0].due = S("2024-03-25");
	r->goals[0].due_in = 5;
	standard(r, "RL.6.2", "ccss-ela", "ELA", "Infer", 1, 1);
	pl_buf_clear(&b);
	pl_report_md(&b, r);
	s = pl_buf_cstr(&b);
	ok(strstr(s, "Sam is working on 1 goal and has met 1. 1 piece of "
	    "work has been added; 1 of the 2 skills in the goals is secure.\n")
	    != NULL, "md: no status is active; one skill of two");
	ok(strstr(s, "- Draw daily: no steps written yet, due 2024-03-25 (in 5 "
	    "days).\n") != NULL, "md: due in days");
	r->standards[1].mastered = 1;
	r->mastered = 2;
	pl_buf_clear(&b);
	pl_report_md(&b, r);
	ok(strstr(pl_buf_cstr(&b), "; all 2 skills in the goals are secure.")
	    != NULL, "md: all skills secure");
	pl_buf_release(&b);
	pl_report_free(r);
}

int
main(void)
{
	test_md_escape();
	test_csv_cell();
	test_formats();
	test_schema();
	test_learner_name();
	test_grade();
	test_edges();
	test_lookups();
	test_family_edges();
	return done_testing();
}
