/*
 * The HTML report from a report filled by hand: what each view puts
 * first, the words for flags and empty sections, and what becomes of
 * hostile titles and Markdown.  "test-report-html --write FILE VIEW"
 * writes a sample page instead (VIEW: learner, teacher, family,
 * family-codes, empty or hostile), for a browser to look at.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pl/base/date.h"
#include "pl/report/report.h"
#include "tap.h"
#include "golden.h"

static char *
S(const char *s)
{
	return pl_xstrdup(s);
}

static void
list(struct pl_strlist *l, const char *a, const char *b)
{
	if (a != NULL)
		pl_strlist_push(l, a);
	if (b != NULL)
		pl_strlist_push(l, b);
}


/* A report with nothing in it: a portfolio just made. */
static void
empty(struct pl_report *r, enum pl_report_view view)
{
	memset(r, 0, sizeof *r);
	strcpy(r->commit, "0123456789abcdef0123456789abcdef01234567");
	strcpy(r->commit_date, "2026-09-01");
	strcpy(r->as_of, "2026-09-01");
	strcpy(r->week_from, "2026-06-15");
	r->view = view;
	r->codes = view != PL_VIEW_FAMILY;
	r->stalled_days = PL_REPORT_STALLED_DAYS;
	r->name = S("Maya Okafor");
	r->learner_id = S("maya-okafor");
	pl_scale_default(&r->scale);
	r->method = r->scale.method;
}

static struct pl_report_goal *
goal(struct pl_report *r, const char *id, const char *title,
    const char *status, size_t done, size_t total)
{
	struct pl_report_goal *g;

	r->goals = pl_xrealloc(r->goals, (r->ngoals + 1) * sizeof *g);
	g = &r->goals[r->ngoals++];
	memset(g, 0, sizeof *g);
	g->id = S(id);
	g->title = S(title);
	g->term = S("short");
	g->status = S(status);
	g->created = S("2026-10-01");
	g->done = done;
	g->total = total;
	g->days_since = -1;
	return g;
}

static struct pl_report_standard *
standard(struct pl_report *r, const char *code, const char *description,
    size_t npoints, const double *levels, const double *scores)
{
	static const char *const dates[] = { "2026-10-05", "2026-10-19",
	    "2026-11-02", "2026-11-20", "2026-12-04" };
	struct pl_report_standard *s;
	size_t	i;

	r->standards = pl_xrealloc(r->standards,
	    (r->nstandards + 1) * sizeof *s);
	s = &r->standards[r->nstandards++];
	memset(s, 0, sizeof *s);
	s->code = S(code);
	s->framework = S("ccss-math");
	s->grade = S("5");
	s->subject = S("Math");
	s->description = S(description);
	s->goals = 1;
	s->evidence = npoints > 0 ? 1 + npoints / 2 : 0;
	s->ratings = npoints;
	if (npoints > 0) {
		s->score = s->score_unrounded = scores[npoints - 1];
		s->scored = 1;
		s->mastered = s->score >= 3;
		s->level = S(r->scale.names.v[(int)s->score - 1]);
		s->points = pl_xcalloc(npoints, sizeof *s->points);
	}
	s->npoints = npoints;
	for (i = 0; i < npoints; i++) {
		strcpy(s->points[i].date, dates[i]);
		s->points[i].level = levels[i];
		s->points[i].score = scores[i];
		s->points[i].scored = 1;
	}
	r->covered += npoints > 0;
	r->mastered += s->mastered;
	return s;
}

static void
evidence(struct pl_report *r, const char *id, const char *title,
    const char *date, const char *kind, const char *description,
    const char *goal_id, const char *code)
{
	struct pl_report_evidence *e;

	r->evidence = pl_xrealloc(r->evidence,
	    (r->nevidence + 1) * sizeof *e);
	e = &r->evidence[r->nevidence++];
	memset(e, 0, sizeof *e);
	e->id = S(id);
	e->title = S(title);
	e->date = S(date);
	e->kind = S(kind);
	e->description = description != NULL ? S(description) : NULL;
	list(&e->goals, goal_id, NULL);
	list(&e->standards, code, NULL);
}

static void
reflection(struct pl_report *r, const char *id, const char *date,
    const char *body, const char *goal_id, const char *evidence_id)
{
	struct pl_report_reflection *f;

	r->reflections = pl_xrealloc(r->reflections,
	    (r->nreflections + 1) * sizeof *f);
	f = &r->reflections[r->nreflections++];
	memset(f, 0, sizeof *f);
	f->id = S(id);
	f->date = S(date);
	f->summary = S("First words");
	f->body = S(body);
	list(&f->goals, goal_id, NULL);
	list(&f->evidence, evidence_id, NULL);
}

static void
person(struct pl_report *r, const char *name, const char *email,
    unsigned changes, unsigned evidence_n, unsigned ratings)
{
	struct pl_report_person *h;

	r->people = pl_xrealloc(r->people, (r->npeople + 1) * sizeof *h);
	h = &r->people[r->npeople++];
	memset(h, 0, sizeof *h);
	h->name = S(name);
	h->email = S(email);
	h->first = S("2026-10-01");
	h->last = S("2026-12-09");
	h->changes = changes;
	h->goals = changes > 5 ? 2 : 0;
	h->steps = changes / 4;
	h->evidence = evidence_n;
	h->reflections = evidence_n / 2;
	h->ratings = ratings;
}

static void
event(struct pl_report *r, enum pl_event_type type, const char *date,
    const char *who, const char *id, const char *detail, const char *code,
    const char *level)
{
	struct pl_report_event *e;

	r->events = pl_xrealloc(r->events, (r->nevents + 1) * sizeof *e);
	e = &r->events[r->nevents++];
	memset(e, 0, sizeof *e);
	e->type = type;
	strcpy(e->date, date);
	e->author = S(who);
	e->id = S(id);
	e->detail = S(detail);
	e->standard = code != NULL ? S(code) : NULL;
	e->level = level != NULL ? S(level) : NULL;
}

static void
move(struct pl_report *r, const char *code, const char *description,
    int had, double from, double to)
{
	struct pl_report_move *m;

	r->moves = pl_xrealloc(r->moves, (r->nmoves + 1) * sizeof *m);
	m = &r->moves[r->nmoves++];
	memset(m, 0, sizeof *m);
	m->code = S(code);
	m->description = S(description);
	m->had = m->from_scored = had;
	m->from = from;
	m->to = to;
	m->has = m->to_scored = 1;
	m->was_mastered = from >= 3;
	m->mastered = to >= 3;
}

/*
 * Maya's report on 2026-12-10: a long-term goal and a part of it on
 * schedule, a goal overdue, stalled and behind, a goal met; five pieces
 * of evidence, two reflections, six standards, twelve weeks, three
 * people, and the changes since 2026-11-26.
 */
static void
sample(struct pl_report *r, enum pl_report_view view)
{
	static const double l1[] = { 2, 3, 3 }, s1[] = { 2, 2.65, 2.88 };
	static const double l2[] = { 3, 4 }, s2[] = { 3, 3.65 };
	static const double l3[] = { 1, 2, 2, 3, 3 };
	static const double s3[] = { 1, 1.65, 1.88, 2.61, 2.86 };
	static const double l4[] = { 2 }, s4[] = { 2 };
	static const double l5[] = { 2, 3, 4, 4 };
	static const double s5[] = { 2, 2.65, 3.53, 3.84 };
	struct pl_report_goal *g;
	size_t	i;

	empty(r, view);
	strcpy(r->commit, "abc1234def5678901234567890abcdef12345678");
	strcpy(r->commit_date, "2026-12-09");
	strcpy(r->as_of, "2026-12-10");
	strcpy(r->week_from, "2026-09-21");
	r->since = S("2026-11-26");
	r->grade = S("6");
	r->started = S("2026-09-01");
	list(&r->strengths, "Mental arithmetic",
	    "Explains her thinking out loud");
	list(&r->needs, "Longer written answers", NULL);
	list(&r->interests, "Astronomy", NULL);
	list(&r->learns_best, "Drawing a picture of the problem first", NULL);

	g = goal(r, "fractions", "Become confident with fractions", "active",
	    0, 0);
	free(g->term);
	g->term = S("long");
	g->why = S("Fractions are *everywhere* in science:\n\n"
	    "- recipes\n- [star charts](https://example.org/stars)\n");
	g->days_since = 5;
	g = goal(r, "fractions-fluency", "Fractions fluency", "active", 2, 3);
	g->parent = S("fractions");
	g->due = S("2026-12-18");
	g->due_in = 8;
	g->pace = PL_PACE_ON;
	g->time_share = 0.78;
	g->last_evidence = S("2026-12-05");
	g->days_since = 5;
	list(&g->next, "Explain equivalent fractions to a friend", NULL);
	list(&g->standards, "CCSS.Math.Content.5.NF.A.1",
	    "CCSS.Math.Content.5.NF.A.2");
	list(&g->evidence, "fraction-quiz", "fraction-poster");
	g = goal(r, "solar-system", "Read about the solar system", "active",
	    1, 3);
	g->due = S("2026-12-01");
	g->due_in = -9;
	g->overdue = 1;
	g->stalled = 1;
	g->pace = PL_PACE_BEHIND;
	g->time_share = 1;
	g->last_evidence = S("2026-11-10");
	g->days_since = 30;
	list(&g->next, "Write a one-page summary",
	    "Present the summary to the class");
	g = goal(r, "times-tables", "Times tables to 12", "met", 4, 4);
	g->days_since = 40;

	evidence(r, "fraction-quiz", "Fractions quiz", "2026-12-05",
	    "assessment", "I compared fractions by finding common "
	    "denominators and got **9 of 10**.", "fractions-fluency",
	    "CCSS.Math.Content.5.NF.A.1");
	pl_strlist_push(&r->evidence[0].files, "quiz-notes.txt");
	evidence(r, "fraction-poster", "Equivalent fractions poster",
	    "2026-11-28", "artifact", "A poster of pizzas cut in halves, "
	    "quarters and eighths.", "fractions-fluency",
	    "CCSS.Math.Content.5.NF.A.2");
	evidence(r, "planets-notes", "Notes on the planets", "2026-11-10",
	    "writing", "## Inner planets\n\nMercury, Venus, Earth, Mars.",
	    "solar-system", NULL);
	evidence(r, "times-test", "Times tables test", "2026-10-30",
	    "assessment", NULL, "times-tables", "CCSS.Math.Content.5.NBT.B.5");
	evidence(r, "ratio-game", "Ratio card game", "2026-10-12",
	    "project", "We made a card game about ratios.", NULL,
	    "CCSS.Math.Content.6.RP.A.1");

	reflection(r, "2026-12-06-fractions", "2026-12-06",
	    "## What I learned\n\nFinding a common denominator makes "
	    "comparing fractions easy.\n\n## Next\n\nExplain it to Sam.",
	    "fractions-fluency", "fraction-quiz");
	reflection(r, "2026-11-11-planets", "2026-11-11",
	    "Reading is slow; I want to *draw* the planets instead.",
	    "solar-system", NULL);

	standard(r, "CCSS.Math.Content.5.NF.A.1", "Add and subtract "
	    "fractions with unlike denominators", 3, l1, s1);
	standard(r, "CCSS.Math.Content.5.NF.A.2", "Solve word problems "
	    "involving addition and subtraction of fractions", 2, l2, s2);
	standard(r, "CCSS.Math.Content.5.NBT.B.5", "Fluently multiply "
	    "multi-digit whole numbers", 5, l3, s3);
	standard(r, "CCSS.Math.Content.6.RP.A.1", "Understand the concept "
	    "of a ratio", 1, l4, s4);
	standard(r, "CCSS.Math.Content.6.RP.A.2", "Understand the concept "
	    "of a unit rate", 4, l5, s5);
	standard(r, "CCSS.Math.Content.6.NS.A.1", "Interpret and compute "
	    "quotients of fractions", 0, NULL, NULL);

	r->nweeks = PL_REPORT_WEEKS;
	r->weeks = pl_xcalloc(r->nweeks, sizeof *r->weeks);
	for (i = 0; i < r->nweeks; i++) {
		struct pl_date monday = { 2026, 9, 21 };

		monday = pl_date_from_time((pl_date_days(monday) +
		    7 * (long)i) * 86400, 0);
		pl_date_format(r->weeks[i].monday, monday);
		r->weeks[i].evidence = (unsigned)(i % 3 == 1);
		r->weeks[i].reflections = (unsigned)(i % 5 == 2);
		r->weeks[i].steps = (unsigned)(i % 4);
		r->weeks[i].ratings = (unsigned)(i > 5 ? 2 : 0);
		r->weeks[i].other = (unsigned)(i == 0 ? 3 : i % 2);
	}

	person(r, "Maya Okafor", "maya@home.example", 31, 5, 2);
	person(r, "Ms. Rivera", "rivera@school.example", 12, 0, 9);
	person(r, "Sam Okafor", "sam@home.example", 2, 0, 0);

	event(r, PL_EVENT_REFLECTION, "2026-12-06", "Maya Okafor",
	    "2026-12-06-fractions", "Reflected on \"Fractions fluency\".",
	    NULL, NULL);
	event(r, PL_EVENT_RATING, "2026-12-05", "Ms. Rivera "
	    "<rivera@school.example>", "fraction-quiz", "Ms. Rivera "
	    "<rivera@school.example> rated fraction-quiz against "
	    "CCSS.Math.Content.5.NF.A.1: 3.", "CCSS.Math.Content.5.NF.A.1",
	    "3");
	event(r, PL_EVENT_EVIDENCE, "2026-12-05", "Maya Okafor",
	    "fraction-quiz", "Added \"Fractions quiz\".", NULL, NULL);
	event(r, PL_EVENT_STEP_DONE, "2026-12-01", "Maya Okafor",
	    "fractions-fluency", "Did step 2 of \"Fractions fluency\": Add "
	    "and subtract fractions.", NULL, NULL);
	event(r, PL_EVENT_EVIDENCE, "2026-11-28", "Maya Okafor",
	    "fraction-poster", "Added \"Equivalent fractions poster\".",
	    NULL, NULL);
	move(r, "CCSS.Math.Content.5.NF.A.1", "Add and subtract fractions "
	    "with unlike denominators", 1, 2.4, 3.1);
	move(r, "CCSS.Math.Content.5.NF.A.2", "Solve word problems "
	    "involving addition and subtraction of fractions", 0, 0, 3.65);
}

/* Markdown and titles meant to break out of the page. */
static void
hostile(struct pl_report *r)
{
	struct pl_report_goal *g;

	empty(r, PL_VIEW_LEARNER);
	free(r->name);
	r->name = S("<script>alert(1)</script>");
	r->grade = S("\" onmouseover=\"alert(1)");
	g = goal(r, "x\" onmouseover=\"alert(1)", "<script>alert(2)</script>"
	    "\" onmouseover=\"alert(3)", "active", 1, 2);
	g->why = S("<script>alert(4)</script>\n\n"
	    "<img src=x onerror=alert(5)>\n\n"
	    "<iframe src=\"http://evil.example/\"></iframe>\n\n"
	    "[x](javascript:alert(6)) [y](JaVaScRiPt:alert(7)) "
	    "[z](data:text/html;base64,PHNjcmlwdD4=)\n\n"
	    "![x](http://evil.example/t.png) ![](//evil.example/u.png)\n\n"
	    "[![badge](http://evil.example/b.png)](https://example.org)\n\n"
	    "![dot](data:image/png;base64,iVBORw0KGgo=)\n\n"
	    "# Big heading\n\nText <span onclick=\"alert(8)\">inline</span>.");
	list(&g->next, "<b onmouseover=alert(9)>step</b>", NULL);
	list(&g->standards, "<svg onload=alert(10)>", NULL);
	evidence(r, "e1", "A title with \"quotes\" & 'apostrophes'",
	    "2026-09-01", "<kind>", "![x](http://evil.example/t.png)",
	    "x\" onmouseover=\"alert(1)", "<svg onload=alert(10)>");
	person(r, "<b>Eve</b>", "\"><script>@evil.example", 1, 1, 0);
}

static char *
render(const struct pl_report *r)
{
	struct pl_buf	b = PL_BUF_INIT;

	pl_report_html(&b, r);
	return pl_buf_detach(&b);
}

static void
test_page(void)
{
	struct pl_report r;
	char	*html, *again;

	sample(&r, PL_VIEW_LEARNER);
	html = render(&r);
	again = render(&r);
	is_str(again, html, "the same report gives the same bytes");
	ok(strncmp(html, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-"
	    "Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
	    "img-src data:\">\n", 138) == 0, "doctype, lang, charset, CSP");
	ok(strstr(html, "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">") != NULL, "viewport");
	ok(strstr(html, "<title>Maya Okafor &ndash; Learner report, "
	    "2026-12-10</title>") != NULL, "title");
	ok(strstr(html, "<h1>Maya Okafor</h1>\n<p>Grade 6 &middot; Learner "
	    "report as of <time>2026-12-10</time> &middot; changes since "
	    "2026-11-26</p>") != NULL, "header: name, grade, as of");
	ok(strstr(html, "<p class=\"src\" data-commit=\"abc1234def56789012345"
	    "67890abcdef12345678\">Made from commit <code>abc1234</code> of "
	    "2026-12-09.</p>") != NULL, "header: the commit");
	ok(in_order(html, "<h2>Goals and next steps</h2>", "<h2>Evidence</h2>",
	    "<h2>Reflections</h2>") && in_order(html, "<h2>Reflections</h2>",
	    "<h2>Standards</h2>", "<h2>Activity</h2>") && in_order(html,
	    "<h2>Activity</h2>", "<h2>Contributors</h2>",
	    "<h2>Other goals</h2>"), "learner: goals first, then the rest");
	ok(strstr(html, "<p class=\"next\">Next step: Explain equivalent "
	    "fractions to a friend</p>") != NULL, "the next step");
	ok(strstr(html, "<p>Due <time>2026-12-18</time>, in 8 days. On "
	    "schedule.</p>") != NULL, "due date and pace in words");
	ok(strstr(html, "<p>Due <time>2026-12-01</time>, 9 days ago. Behind "
	    "schedule: 1 of 3 steps done with 100% of the time gone.</p>") !=
	    NULL, "behind in words");
	ok(strstr(html, "<span class=\"flag overdue\">Overdue by 9 days</span>"
	    "<span class=\"flag stalled\">Stalled: no new evidence for 30 "
	    "days</span><span class=\"flag behind\">Behind schedule</span>") !=
	    NULL, "flags have words");
	ok(strstr(html, "part of Become confident with fractions") != NULL,
	    "a part names its long-term goal");
	ok(strstr(html, "<title id=\"c1\">2 of 3 steps done</title>") != NULL,
	    "a progress bar says its numbers");
	ok(strstr(html, "<h4>Why</h4>\n<div class=\"md\">\n<p>Fractions are "
	    "<em>everywhere</em> in science:</p>") != NULL,
	    "why is Markdown");
	ok(strstr(html, "<h4>What I learned</h4>") != NULL,
	    "a body's headings come under the card's");
	ok(strstr(html, "<tr><td class=\"c\" title=\"CCSS.Math.Content.5.NF.A.1"
	    "\">5.NF.A.1</td><td class=\"line\">Add and subtract fractions "
	    "with unlike denominators</td><td data-label=\"Level\">developing"
	    "</td><td class=\"n\" data-label=\"Mastery\">2.88</td><td class="
	    "\"n\" data-label=\"Ratings\">3</td>") != NULL,
	    "standards: the code short (the whole in its title), level, score");
	is_int(occurrences(html, "Mastery over time of "), 10,
	    "a mastery chart and its table for each rated standard");
	ok(strstr(html, "<h2>Since 2026-11-26</h2>") != NULL, "since");
	ok(strstr(html, "<li><code>CCSS.Math.Content.5.NF.A.1</code> Add and "
	    "subtract fractions with unlike denominators: from developing "
	    "(2.40) to proficient (3.10), <strong>now mastered</strong></li>") !=
	    NULL, "a move, with level names");
	ok(strstr(html, "from not rated to proficient (3.65)") != NULL,
	    "a move of a standard not rated before");
	ok(strstr(html, "<td data-label=\"By\">Ms. Rivera &lt;rivera@school."
	    "example&gt;</td><td class=\"line\">Rated fraction-quiz: 3 (proficient) (<code>CCSS.Math.Content."
	    "5.NF.A.1</code>: proficient)</td>") != NULL,
	    "a rating event in words, not the sentence with the email");
	ok(strstr(html, "<td class=\"wrap mail\" data-label=\"Email\">"
	    "rivera@school.example</td>") != NULL,
	    "emails for the learner");
	ok(strstr(html, "<title>Week of 2026-11-30: 1 evidence, 0 reflections,"
	    " 2 steps done, 2 ratings, 0 other changes</title>") != NULL,
	    "a week's bar says its numbers");
	ok(strstr(html, "<tr><td class=\"d\">2026-12-07</td><td class=\"n\" "
	    "data-label=\"evidence\">0</td><td class=\"n\" data-label=\""
	    "reflections\">0</td><td class=\"n\" data-label=\"steps done\">3"
	    "</td><td class=\"n\" data-label=\"ratings\">2</td><td class=\"n\""
	    " data-label=\"other changes\">1</td></tr>") != NULL,
	    "the weeks in a table");
	ok(strstr(html, "<footer>\n<p>Made by pl from commit <code>abc1234def"
	    "5678901234567890abcdef12345678</code>") != NULL, "full id in print");
	is_int(occurrences(html, "<svg role=\"img\" aria-labelledby="), 10,
	    "every chart is an image with a title");
	ok(strstr(html, "<script") == NULL && strstr(html, "http://") == NULL,
	    "no script, nothing from outside");
	free(again);
	free(html);
	pl_report_release(&r);
}

static void
test_teacher(void)
{
	struct pl_report r;
	char	*html;

	sample(&r, PL_VIEW_TEACHER);
	html = render(&r);
	ok(in_order(html, "<h2>Flags</h2>", "<h2>Standards</h2>",
	    "<h2>Since 2026-11-26</h2>") && in_order(html, "<h2>Since",
	    "<h2>Activity</h2>", "<h2>Contributors</h2>") && in_order(html,
	    "<h2>Contributors</h2>", "<h2>Goals and next steps</h2>",
	    "<h2>Evidence</h2>"), "teacher: flags, standards, window, "
	    "activity, people, details");
	ok(strstr(html, "<p>1 of 3 active goals is flagged.</p>") != NULL,
	    "flag count");
	ok(strstr(html, "on Monday):<span class=\"keyed\"><span class=\"key\""
	    " style=\"background:#0969da\"></span>evidence</span><span "
	    "class=\"keyed\">") != NULL,
	    "the activity's legend, each square on a line with its word");
	ok(strstr(html, "<tr><td class=\"c\">solar-system</td><td class=\"line"
	    "\">Read about the solar system</td><td class=\"n\" data-label=\""
	    "Steps\">1/3</td><td class=\"d\" data-label=\"Due\">2026-12-01"
	    "</td><td data-label=\"Last evidence\">2026-11-10 (30 days ago)"
	    "</td><td class=\"line\"><span class=\"flag overdue\">Overdue by 9 "
	    "days</span>") != NULL, "a flagged row");
	ok(strstr(html, "<td class=\"line\"><span class=\"flag ok\">None"
	    "</span></td>") != NULL, "no flag says so");
	is_int(occurrences(html, "<figcaption>Steps done per goal"), 1,
	    "the steps chart once, under Flags");
	free(html);
	pl_report_release(&r);
}

static void
test_family(void)
{
	struct pl_report r;
	char	*html;

	sample(&r, PL_VIEW_FAMILY);
	r.codes = 0;
	html = render(&r);
	ok(strstr(html, "<h2>In short</h2>\n<p>Maya Okafor is working on 3 "
	    "goals and has met 1. 1 goal could use some help. 5 pieces of "
	    "work have been added; 2 of the 6 skills in the goals are secure."
	    "</p>") != NULL, "family: sentences first");
	ok(strstr(html, "<h2>In short</h2>") < strstr(html,
	    "<h2>Achieved</h2>") && strstr(html, "<h2>Achieved</h2>") <
	    strstr(html, "<h2>Goals and next steps</h2>"),
	    "family: what was achieved before the goals");
	ok(strstr(html, "<li>Goal met: Times tables to 12</li>") != NULL,
	    "family: a met goal among what was achieved");
	ok(strstr(html, "<strong>Read about the solar system</strong>: 1 of 3 "
	    "steps done, due 2026-12-01 (9 days ago).<br><span class=\"fam-"
	    "next\">Next step: Write a one-page summary</span><br><span "
	    "class=\"fam-help\">Could use some help: behind schedule; past "
	    "its due date; nothing new for 30 days.</span></li>") != NULL,
	    "family: a goal with its next step and what might need a hand");
	ok(strstr(html, "CCSS") == NULL, "family: no codes");
	ok(strstr(html, "school.example") == NULL &&
	    strstr(html, "home.example") == NULL, "family: no emails at all");
	ok(strstr(html, "Ms. Rivera (12 changes)") != NULL,
	    "family: an author without email");
	ok(strstr(html, "<li>Add and subtract fractions with unlike "
	    "denominators: now secure.</li>") != NULL, "family: moves in words");
	ok(strstr(html, "<li>Add and subtract fractions with unlike "
	    "denominators: getting there (developing)</li>") != NULL,
	    "family: a standard by its phrase and standing");
	ok(strstr(html, "<li><details><summary><span title=\"Solve word "
	    "problems involving addition and subtraction of fractions\">Solve "
	    "word problems involving addition and subtraction of\xe2\x80\xa6"
	    "</span>: secure</summary><p>Solve "
	    "word problems involving addition and subtraction of fractions"
	    "</p></details></li>") != NULL,
	    "family: a long statement cut, whole on demand");
	ok(strstr(html, "decaying") == NULL && strstr(html, "aligned") ==
	    NULL && strstr(html, "Mastery") == NULL, "family: no method words");
	ok(strstr(html, "<h3>Inner planets</h3>") != NULL &&
	    strstr(html, "<h3>What I learned</h3>") != NULL &&
	    strstr(html, "<h4>") == NULL,
	    "family: the headings of a work and a reflection come under the "
	    "section's h2, as h3");
	free(html);
	r.codes = 1;
	html = render(&r);
	ok(strstr(html, "<li>Add and subtract fractions with unlike "
	    "denominators (CCSS.Math.Content.5.NF.A.1): getting there "
	    "(developing)</li>") != NULL,
	    "family with codes: the code beside the phrase");
	ok(strstr(html, "school.example") == NULL, "still no email");
	free(html);
	pl_report_release(&r);
}

static void
test_empty(void)
{
	static const char *const words[] = { "<p>No active goals yet.</p>",
	    "<p>No evidence yet.</p>", "<p>No reflections yet.</p>",
	    "<p>No standards aligned yet.</p>",
	    "<p>No activity in these weeks.</p>",
	    "<p>No one has made a change yet.</p>",
	    "<p>No goals met, paused or dropped yet.</p>" };
	struct pl_report r;
	char	*html;
	size_t	i;

	empty(&r, PL_VIEW_LEARNER);
	html = render(&r);
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		ok(strstr(html, words[i]) != NULL, "empty: %s", words[i]);
	ok(strstr(html, "<svg") == NULL, "empty: no chart");
	ok(strstr(html, "<p>Learner report as of <time>2026-09-01</time></p>")
	    != NULL, "empty: no grade, no window");
	free(html);
	r.view = PL_VIEW_TEACHER;
	html = render(&r);
	ok(strstr(html, "<h2>Flags</h2>\n<p>No active goals.</p>") != NULL,
	    "empty teacher view");
	free(html);
	r.view = PL_VIEW_FAMILY;
	html = render(&r);
	ok(strstr(html, "<p>Maya Okafor has no goals yet. 0 pieces of work "
	    "have been added.</p>") != NULL, "empty family view");
	free(html);
	r.since = S("2026-08-01");
	html = render(&r);
	ok(strstr(html, "<h2>Since 2026-08-01</h2>\n<p>Nothing changed.</p>\n"
	    "</section>") != NULL, "an empty window");
	free(html);
	pl_report_release(&r);
}

static void
test_hostile(void)
{
	struct pl_report r;
	char	*html;

	hostile(&r);
	html = render(&r);
	is_int(occurrences(html, "<script"), 0, "no script element");
	is_int(occurrences(html, "<iframe"), 0, "no iframe");
	is_int(occurrences(html, "\" onmouseover"), 0, "no attribute breaks");
	is_int(occurrences(html, "<b "), 0, "no markup from a step");
	ok(strstr(html, "onerror") == NULL && strstr(html, "onclick") == NULL,
	    "raw HTML dropped");
	ok(strstr(html, "javascript:") == NULL &&
	    strstr(html, "JaVaScRiPt:") == NULL, "no javascript: link");
	ok(strstr(html, "data:text/html") == NULL, "no data: link");
	ok(strstr(html, "<a href=\"\">x</a> <a href=\"\">y</a> "
	    "<a href=\"\">z</a>") != NULL, "unsafe links are empty");
	ok(strstr(html, "<p><!-- raw HTML omitted --></p>") != NULL ||
	    strstr(html, "<!-- raw HTML omitted -->") != NULL,
	    "cmark says what it left out");
	is_int(occurrences(html, "<img"), 1, "one image: the inline one");
	ok(strstr(html, "<img src=\"data:image/png;base64,iVBORw0KGgo=\" "
	    "alt=\"dot\" />") != NULL, "an inline data: image stays");
	ok(strstr(html, "<a href=\"http://evil.example/t.png\">image: x</a>")
	    != NULL, "an outside image becomes a link");
	ok(strstr(html, "<a href=\"//evil.example/u.png\">image</a>") != NULL,
	    "an image without alt text becomes a link too");
	ok(strstr(html, "<a href=\"https://example.org\">badge</a>") != NULL,
	    "an image in a link becomes its alt text");
	ok(strstr(html, "<h5>Big heading</h5>") != NULL,
	    "a heading in why comes under Why (h4)");
	ok(strstr(html, "<title>&lt;script&gt;alert(1)&lt;/script&gt; &ndash;")
	    != NULL, "the page's title escaped");
	ok(strstr(html, "<h3>&lt;script&gt;alert(2)&lt;/script&gt;&quot; "
	    "onmouseover=&quot;alert(3)</h3>") != NULL, "a goal title escaped");
	ok(strstr(html, "data-id=\"x&quot; onmouseover=&quot;alert(1)\"") !=
	    NULL, "an id escaped in an attribute");
	ok(strstr(html, "<text x=\"0\" y=\"13\">&lt;script&gt;alert(2)&lt;/"
	    "script&gt;&quot; onmouseover=&quot;alert(3)</text>") != NULL,
	    "a title escaped in SVG text");
	ok(strstr(html, "<g><title>&lt;script&gt;alert(2)") != NULL,
	    "a title escaped in an SVG title");
	ok(strstr(html, "Next step: &lt;b onmouseover=alert(9)&gt;step&lt;/b"
	    "&gt;") != NULL, "a step escaped");
	ok(strstr(html, "<code>&lt;svg onload=alert(10)&gt;</code>") != NULL,
	    "a code escaped");
	ok(strstr(html, "<td>&lt;b&gt;Eve&lt;/b&gt;</td><td class=\"wrap mail\" "
	    "data-label=\"Email\">&quot;&gt;&lt;script&gt;@evil.example</td>")
	    != NULL, "a person escaped");
	ok(strstr(html, "A title with &quot;quotes&quot; &amp; &#39;"
	    "apostrophes&#39;") != NULL, "quotes and ampersands");
	free(html);
	pl_report_release(&r);
}

/* Long labels are cut by characters, never inside one. */
static void
test_labels(void)
{
	struct pl_report r;
	struct pl_buf	 want = PL_BUF_INIT;
	char	*html;
	int	 i;

	empty(&r, PL_VIEW_LEARNER);
	goal(&r, "long", "", "active", 1, 2);
	free(r.goals[0].title);
	for (i = 0; i < 60; i++)
		pl_buf_puts(&want, "\xc3\xa9");
	r.goals[0].title = pl_buf_detach(&want);
	pl_buf_puts(&want, "<text x=\"0\" y=\"13\">");
	for (i = 0; i < 47; i++)
		pl_buf_puts(&want, "\xc3\xa9");
	pl_buf_puts(&want, "\xe2\x80\xa6</text>");
	html = render(&r);
	ok(strstr(html, want.ptr) != NULL, "a label cut at 47 characters");
	free(html);
	r.goals[0].title[2 * 48] = '\0';
	pl_buf_clear(&want);
	pl_buf_puts(&want, "<text x=\"0\" y=\"13\">");
	pl_buf_puts(&want, r.goals[0].title);
	pl_buf_puts(&want, "</text>");
	html = render(&r);
	ok(strstr(html, want.ptr) != NULL, "48 characters fit");
	free(html);
	r.goals[0].title[0] = '\x01';
	html = render(&r);
	ok(strstr(html, "<h3>\xef\xbf\xbd") != NULL,
	    "a control character is shown as U+FFFD");
	free(html);
	pl_buf_release(&want);
	pl_report_release(&r);
}

/* Big bodies and many goals: the page grows with them, no faster. */
static void
test_size(void)
{
	struct pl_report r;
	struct pl_buf	 body = PL_BUF_INIT;
	size_t		 i, len1, len10;
	char		*html, id[32];

	empty(&r, PL_VIEW_LEARNER);
	pl_buf_puts(&body, "| a | b |\n|---|---|\n");
	for (i = 0; i < 1000; i++)
		pl_buf_puts(&body, "| <b>x</b> | [y](javascript:z) |\n");
	evidence(&r, "e", "Table", "2026-09-01", "other", body.ptr, NULL,
	    NULL);
	html = render(&r);
	len1 = strlen(html);
	free(html);
	for (i = 0; i < 9000; i++)
		pl_buf_puts(&body, "| <b>x</b> | [y](javascript:z) |\n");
	free(r.evidence[0].description);
	r.evidence[0].description = pl_buf_detach(&body);
	html = render(&r);
	len10 = strlen(html);
	ok(len10 < len1 * 11, "10,000 rows: %zu bytes, 1,000: %zu", len10,
	    len1);
	ok(strstr(html, "javascript") == NULL, "no javascript: in a table");
	free(html);
	pl_report_release(&r);

	empty(&r, PL_VIEW_TEACHER);
	for (i = 0; i < 2000; i++) {
		snprintf(id, sizeof id, "goal-%05zu", i);
		goal(&r, id, id, "active", i % 5, 4);
		if (i > 0)
			r.goals[i].parent = S("goal-00000");
	}
	html = render(&r);
	is_int(occurrences(html, "part of goal-00000"), 1999,
	    "2,000 goals, each part of the first");
	ok(strstr(html, "<p>0 of 2000 active goals are flagged.</p>") != NULL,
	    "2,000 goals counted");
	free(html);
	pl_report_release(&r);
}

/*
 * n-times before N ratings at mastery: no score, so no level, no number
 * and no line on the chart; how many are at mastery instead.
 */
static void
test_pending(void)
{
	static const double l1[] = { 1, 4, 2 }, s1[] = { 1, 1, 1 };
	static const double l2[] = { 1, 4, 2, 3, 3 };
	static const double s2[] = { 1, 1, 1, 1, 3.33 };
	struct pl_report	 r;
	struct pl_report_standard *s;
	size_t			 i;
	char			*html;

	empty(&r, PL_VIEW_TEACHER);
	r.method = PL_METHOD_NTIMES;
	s = standard(&r, "N.1", "Pending", 3, l1, s1);
	s->scored = 0;
	s->score = s->score_unrounded = 0;
	s->at_mastery = 1;
	for (i = 0; i < 3; i++) {
		s->points[i].scored = 0;
		s->points[i].at_mastery = i > 0;
	}
	free(s->level);
	s->level = NULL;
	s = standard(&r, "N.2", "Mastered at last", 5, l2, s2);
	for (i = 0; i < 5; i++) {
		s->points[i].scored = i == 4;
		s->points[i].at_mastery = i == 0 ? 0 : i < 3 ? 1 : i - 1;
	}
	s->at_mastery = 3;
	html = render(&r);
	ok(strstr(html, "<td class=\"c\" title=\"N.1\">N.1</td><td class=\""
	    "line\">Pending</td><td data-label=\"Level\">not yet (1 of 3 at "
	    "mastery)</td><td class=\"n\" data-label=\"Mastery\">&ndash;</td>")
	    != NULL,
	    "the table: how near, and no score");
	ok(strstr(html, ": not yet (1 of 3 at mastery)</figcaption>") != NULL,
	    "the chart's caption says it too");
	is_int(occurrences(html, "<polyline"), 1,
	    "a line only where there is a score");
	ok(strstr(html, "<td>not yet (0 of 3 at mastery)</td>") != NULL &&
	    strstr(html, "<td>not yet (2 of 3 at mastery)</td>") != NULL &&
	    strstr(html, "<td>proficient 3.33</td>") != NULL,
	    "the chart's table: how near after each rating, then the score");
	is_int(occurrences(html, "<circle"), 8, "every rating a circle");
	free(html);
	pl_report_release(&r);
}

static int
write_sample(const char *path, const char *view)
{
	struct pl_report r;
	char	*html;
	int	 err;

	if (strcmp(view, "empty") == 0)
		empty(&r, PL_VIEW_LEARNER);
	else if (strcmp(view, "hostile") == 0)
		hostile(&r);
	else if (strcmp(view, "teacher") == 0)
		sample(&r, PL_VIEW_TEACHER);
	else if (strncmp(view, "family", 6) == 0) {
		sample(&r, PL_VIEW_FAMILY);
		r.codes = strcmp(view, "family-codes") == 0;
	} else
		sample(&r, PL_VIEW_LEARNER);
	html = render(&r);
	err = pl_write_file(path, html, strlen(html), 0644);
	free(html);
	pl_report_release(&r);
	if (err != PL_OK)
		fprintf(stderr, "test-report-html: %s\n", pl_error_last());
	return err != PL_OK;
}

int
main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "--write") == 0)
		return write_sample(argv[2], argv[3]);
	test_page();
	test_teacher();
	test_family();
	test_empty();
	test_hostile();
	test_labels();
	test_size();
	test_pending();
	return done_testing();
}
