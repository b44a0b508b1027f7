/*
 * The family's report, as text, Markdown and HTML from one outline, so
 * the three say the same things in the same order: what was achieved,
 * the goals with their next step, what changed, the work (its attached
 * files on the page), the reflections, what is being learned, who took
 * part.  A parent reads words, not the method: no scores, no method
 * names, no "aligned"; a standard is a short phrase (its first clause),
 * its whole statement a click away on the page; levels are "secure",
 * "getting there" with the portfolio's own level names.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "pl/base/md.h"
#include "pl/report/report.h"
#include "base/render.h"
#include "report/html-markdown.h"
#include "report/report-family.h"

/* A standard's short phrase is cut to this many characters at most. */
#define PHRASE_MAX	64

enum fmt { F_TEXT, F_MD, F_HTML };

struct fam {
	struct pl_buf		*b;
	const struct pl_report	*r;
	enum fmt		 fmt;
	int			 colour;
	int			 blocks;	/* in the section so far */
};

/* Text from the portfolio, escaped for the format. */
static void
put(struct fam *f, const char *s)
{
	if (s == NULL)
		return;
	if (f->fmt == F_TEXT)
		pl_text_put(f->b, s);
	else if (f->fmt == F_MD)
		pl_md_escape(f->b, s, strlen(s));
	else
		pl_html_esc(f->b, s);
}

/* pl's own words, the same in every format. */
static void
lit(struct fam *f, const char *s)
{
	pl_buf_puts(f->b, s);
}

static void PL_PRINTF(2, 3)
litf(struct fam *f, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	pl_buf_vprintf(f->b, fmt, ap);
	va_end(ap);
}

static const char *
plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* Only the HTML page: s. */
static void
html(struct fam *f, const char *s)
{
	if (f->fmt == F_HTML)
		pl_buf_puts(f->b, s);
}

static void
section(struct fam *f, const char *id, const char *title)
{
	f->blocks = 0;
	if (f->fmt == F_TEXT)
		pl_text_heading(f->b, f->colour, title);
	else if (f->fmt == F_MD)
		litf(f, "\n## %s\n\n", title);
	else
		litf(f, "<section id=\"%s\">\n<h2>%s</h2>\n", id, title);
}

/* A section whose title names someone or a date: "About " NAME. */
static void
section_named(struct fam *f, const char *id, const char *lead,
    const char *name)
{
	struct pl_buf	t = PL_BUF_INIT;

	f->blocks = 0;
	if (f->fmt == F_TEXT) {
		pl_buf_puts(&t, lead);
		pl_text_put(&t, name);
		pl_text_heading(f->b, f->colour, pl_buf_cstr(&t));
	} else {
		litf(f, f->fmt == F_MD ? "\n## %s" : "<section id=\"%s\">\n"
		    "<h2>%s", f->fmt == F_MD ? lead : id, lead);
		put(f, name);
		lit(f, f->fmt == F_MD ? "\n\n" : "</h2>\n");
	}
	pl_buf_release(&t);
}

static void
section_end(struct fam *f)
{
	html(f, "</section>\n");
}

/* A blank line between blocks in Markdown. */
static void
block(struct fam *f)
{
	if (f->fmt == F_MD && f->blocks > 0)
		lit(f, "\n");
	f->blocks++;
}

static void
para(struct fam *f)
{
	block(f);
	lit(f, f->fmt == F_TEXT ? "  " : f->fmt == F_HTML ? "<p>" : "");
}

static void
para_end(struct fam *f)
{
	lit(f, f->fmt == F_HTML ? "</p>\n" : "\n");
}

static void
list(struct fam *f, const char *cls)
{
	block(f);
	if (f->fmt == F_HTML)
		litf(f, "<ul class=\"%s\">\n", cls);
}

static void
list_end(struct fam *f)
{
	html(f, "</ul>\n");
}

static void
item(struct fam *f)
{
	lit(f, f->fmt == F_TEXT ? "  - " : f->fmt == F_MD ? "- " : "<li>");
}

static void
item_end(struct fam *f)
{
	lit(f, f->fmt == F_HTML ? "</li>\n" : "\n");
}

/* A second line of an item: the next step, a note. */
static void
item_line(struct fam *f, const char *cls)
{
	if (f->fmt == F_HTML)
		litf(f, "<br><span class=\"%s\">", cls);
	else
		lit(f, f->fmt == F_TEXT ? "\n    " : "  \n  ");
}

static void
item_line_end(struct fam *f)
{
	html(f, "</span>");
}

/* Words a sentence begins with: the learner's name, escaped. */
static void
name(struct fam *f)
{
	put(f, pl_report_learner_name(f->r));
}

static int
is(const struct pl_report_goal *g, const char *status)
{
	return g->status != NULL ? strcmp(g->status, status) == 0 :
	    strcmp(status, "active") == 0;
}

static size_t
count_goals(const struct pl_report *r, const char *status)
{
	size_t	i, n = 0;

	for (i = 0; i < r->ngoals; i++)
		n += is(&r->goals[i], status);
	return n;
}

/* Bytes of s that make its first n characters. */
static size_t
chars_len(const char *s, size_t n)
{
	size_t	i, k = 0;

	for (i = 0; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && k++ == n)
			return i;
	return i;
}

/*
 * A statement's first clause: up to the end of its first sentence, a
 * colon, a semicolon, a bracket or ", such as", ", including", without
 * the full stop; cut at a word with "…" past PHRASE_MAX characters.
 * The caller frees.
 */
char *
pl_report_phrase(const char *s)
{
	static const char *const ends[] = { ". ", ".\n", ":", ";", " (",
	    ", such as", ", including", ", e.g.", ", for example" };
	const char	*p;
	size_t		 i, n, cut;
	char		*out;

	s += strspn(s, " \t\n");
	n = strlen(s);
	for (i = 0; i < sizeof ends / sizeof ends[0]; i++)
		if ((p = strstr(s, ends[i])) != NULL && p > s &&
		    (size_t)(p - s) < n)
			n = (size_t)(p - s);
	while (n > 0 && strchr(" \t\n.,", s[n - 1]) != NULL)
		n--;
	cut = chars_len(s, PHRASE_MAX);
	if (n <= cut)
		return pl_xstrndup(s, n);
	/* the last space before the limit, so no word is cut in two */
	for (i = cut; i > cut / 2 && s[i] != ' '; i--)
		;
	if (s[i] != ' ')
		i = cut;
	while (i > 0 && strchr(" ,;", s[i - 1]) != NULL)
		i--;
	out = pl_xasprintf("%.*s\xe2\x80\xa6", (int)i, s);
	return out;
}

/* The phrase of s's statement, its code too when asked; the code alone
   without a statement.  On the page, a phrase cut short ("…") carries
   the whole statement as its title. */
static void
phrase(struct fam *f, const struct pl_report_standard *s, const char *code)
{
	const char	*d = s != NULL ? s->description : NULL;
	char		*p;

	if (d == NULL || *d == '\0') {
		put(f, f->r->codes ? code : "a standard");
		return;
	}
	p = pl_report_phrase(d);
	/* a phrase cut short: the whole statement on the page's hover */
	if (f->fmt == F_HTML && strncmp(p, d + strspn(d, " \t\n"),
	    strlen(p)) != 0) {
		lit(f, "<span title=\"");
		put(f, d);
		lit(f, "\">");
		put(f, p);
		lit(f, "</span>");
	} else
		put(f, p);
	free(p);
	if (f->r->codes) {
		lit(f, " (");
		put(f, code);
		lit(f, ")");
	}
}

enum standing { SECURE, GETTING_THERE, NOT_YET };

static enum standing
standing(const struct pl_report_standard *s)
{
	return s->mastered ? SECURE : s->ratings > 0 ? GETTING_THERE : NOT_YET;
}

/* "secure", "getting there (developing)", "not assessed yet". */
static void
standing_words(struct fam *f, const struct pl_report_standard *s)
{
	switch (standing(s)) {
	case SECURE:
		lit(f, "secure");
		break;
	case GETTING_THERE:
		lit(f, "getting there");
		if (s->level != NULL) {
			lit(f, " (");
			put(f, s->level);
			lit(f, ")");
		}
		break;
	default:
		lit(f, "not assessed yet");
		break;
	}
}

static void
header(struct fam *f)
{
	const struct pl_report	*r = f->r;

	if (f->fmt == F_TEXT) {
		pl_sgr_on(f->b, f->colour, PL_SGR_BOLD);
		lit(f, "Report for ");
		name(f);
		pl_sgr_off(f->b, f->colour);
		if (pl_report_grade(r) != NULL) {
			lit(f, ", grade ");
			put(f, r->grade);
		}
		litf(f, "\nAs of %s, from commit %.12s of %s\n", r->as_of,
		    r->commit, r->commit_date);
		return;
	}
	if (f->fmt == F_MD) {
		lit(f, "# Learning report: ");
		name(f);
		litf(f, "\n\nAs of %s · made from commit %.7s (%s)\n",
		    r->as_of, r->commit, r->commit_date);
		return;
	}
	lit(f, "<header>\n<h1>");
	name(f);
	lit(f, "</h1>\n<p>");
	if (pl_report_grade(r) != NULL) {
		lit(f, "Grade ");
		put(f, r->grade);
		lit(f, " &middot; ");
	}
	litf(f, "Family report as of <time>%s</time></p>\n<p class=\"src\" "
	    "data-commit=\"%s\">Made from commit <code>%.7s</code> of %s."
	    "</p>\n</header>\n<main>\n", r->as_of, r->commit, r->commit,
	    r->commit_date);
}

/* What a parent asks first, in sentences. */
static void
summary(struct fam *f)
{
	const struct pl_report	*r = f->r;
	size_t			 i, active = count_goals(r, "active");
	size_t			 met = count_goals(r, "met"), help = 0;

	for (i = 0; i < r->ngoals; i++)
		help += is(&r->goals[i], "active") && (r->goals[i].overdue ||
		    r->goals[i].stalled || r->goals[i].pace == PL_PACE_BEHIND);
	section(f, "short", "In short");
	para(f);
	name(f);
	if (active > 0)
		litf(f, " is working on %zu %s and has met %zu.", active,
		    plural(active, "goal", "goals"), met);
	else if (met > 0)
		litf(f, " has met %zu %s and has none under way.", met,
		    plural(met, "goal", "goals"));
	else
		lit(f, " has no goals yet.");
	if (help > 0)
		litf(f, " %zu %s could use some help.", help, plural(help,
		    "goal", "goals"));
	litf(f, " %zu %s of work %s been added", r->nevidence,
	    plural(r->nevidence, "piece", "pieces"), plural(r->nevidence,
	    "has", "have"));
	if (r->nstandards > 0 && r->mastered == 0)
		litf(f, "; none of the %zu %s in the goals is secure yet",
		    r->nstandards, plural(r->nstandards, "skill", "skills"));
	else if (r->nstandards == 1 && r->mastered == 1)
		lit(f, "; the skill in the goals is secure");
	else if (r->nstandards > 0 && r->mastered == r->nstandards)
		litf(f, "; all %zu skills in the goals are secure",
		    r->nstandards);
	else if (r->nstandards > 0)
		litf(f, "; %zu of the %zu %s in the goals %s secure",
		    r->mastered, r->nstandards, plural(r->nstandards, "skill",
		    "skills"), plural(r->mastered, "is", "are"));
	lit(f, ".");
	para_end(f);
	section_end(f);
}

/* Achieved: the goals met, then the skills secure. */
static void
achieved(struct fam *f)
{
	const struct pl_report	*r = f->r;
	size_t			 i, n = count_goals(r, "met") + r->mastered;

	section(f, "achieved", "Achieved");
	if (n == 0) {
		para(f);
		lit(f, "Nothing marked as achieved yet.");
		para_end(f);
		section_end(f);
		return;
	}
	list(f, "fam-done");
	for (i = 0; i < r->ngoals; i++) {
		if (!is(&r->goals[i], "met"))
			continue;
		item(f);
		lit(f, "Goal met: ");
		put(f, r->goals[i].title);
		item_end(f);
	}
	for (i = 0; i < r->nstandards; i++) {
		if (!r->standards[i].mastered)
			continue;
		item(f);
		lit(f, "Secure: ");
		phrase(f, &r->standards[i], r->standards[i].code);
		item_end(f);
	}
	list_end(f);
	section_end(f);
}

/* "due 2026-12-18 (in 11 days), on schedule". */
static void
due_words(struct fam *f, const struct pl_report_goal *g)
{
	long	n = g->due_in < 0 ? -g->due_in : g->due_in;

	if (g->due != NULL) {
		lit(f, ", due ");
		put(f, g->due);
		if (g->due_in == 0)
			lit(f, " (today)");
		else
			litf(f, g->due_in > 0 ? " (in %ld %s)" : " (%ld %s "
			    "ago)", n, plural((size_t)n, "day", "days"));
	}
	if (g->pace == PL_PACE_AHEAD)
		lit(f, ", ahead of schedule");
	else if (g->pace == PL_PACE_ON)
		lit(f, ", on schedule");
}

/* What might need a hand, in words: behind, late, quiet. */
static void
concern_words(struct fam *f, const struct pl_report_goal *g)
{
	const char	*sep = "";

	if (!g->overdue && !g->stalled && g->pace != PL_PACE_BEHIND)
		return;
	item_line(f, "fam-help");
	lit(f, "Could use some help: ");
	if (g->pace == PL_PACE_BEHIND) {
		lit(f, "behind schedule");
		sep = "; ";
	}
	if (g->overdue) {
		litf(f, "%spast its due date", sep);
		sep = "; ";
	}
	if (g->stalled)
		litf(f, "%snothing new for %ld days", sep, g->days_since);
	lit(f, ".");
	item_line_end(f);
}

static void
goal_item(struct fam *f, const struct pl_report_goal *g)
{
	const struct pl_report_goal	*up = pl_report_goal_find(f->r, g->parent);

	item(f);
	html(f, "<strong>");
	put(f, g->title);
	html(f, "</strong>");
	if (up != NULL) {
		lit(f, " (part of ");
		put(f, up->title);
		lit(f, ")");
	}
	if (g->total > 0)
		litf(f, ": %zu of %zu %s done", g->done, g->total,
		    plural(g->total, "step", "steps"));
	else
		lit(f, ": no steps written yet");
	due_words(f, g);
	lit(f, ".");
	if (g->next.n > 0) {
		item_line(f, "fam-next");
		lit(f, "Next step: ");
		put(f, g->next.v[0]);
		item_line_end(f);
	}
	concern_words(f, g);
	item_end(f);
}

/* The goals under way with their next step; then those paused or set
   aside, one line each. */
static void
goals(struct fam *f)
{
	const struct pl_report	*r = f->r;
	size_t			 i, n = count_goals(r, "active");

	section(f, "goals", "Goals and next steps");
	if (n == 0) {
		para(f);
		lit(f, "No goal is under way.");
		para_end(f);
	} else {
		list(f, "fam-goals");
		for (i = 0; i < r->ngoals; i++)
			if (is(&r->goals[i], "active"))
				goal_item(f, &r->goals[i]);
		list_end(f);
	}
	if (n + count_goals(r, "met") < r->ngoals) {
		list(f, "fam-other");
		for (i = 0; i < r->ngoals; i++) {
			if (is(&r->goals[i], "active") ||
			    is(&r->goals[i], "met"))
				continue;
			item(f);
			put(f, r->goals[i].title);
			lit(f, is(&r->goals[i], "paused") ?
			    ": paused for now." : ": set aside.");
			item_end(f);
		}
		list_end(f);
	}
	section_end(f);
}

/* A rating of the window: "Fractions quiz assessed for Compare
   fractions: developing". */
static void
rating_words(struct fam *f, const struct pl_report_event *e)
{
	const struct pl_report_evidence	*ev = pl_report_evidence_find(f->r, e->id);
	const struct pl_report_standard	*s = pl_report_standard_find(f->r, e->standard);
	const char			*level = NULL;

	if (e->level != NULL)
		level = pl_scale_name(&f->r->scale, strtod(e->level, NULL));
	if (ev != NULL)
		put(f, ev->title);
	else
		lit(f, "A piece of work");
	lit(f, " assessed");
	if (s != NULL || e->standard != NULL) {
		lit(f, " for ");
		phrase(f, s, e->standard);
	}
	if (level != NULL) {
		lit(f, ": ");
		put(f, level);
	}
	lit(f, pl_report_signature_words(f->r, e));
}

/* An event of the window in words, titles for ids. */
static void
event_words(struct fam *f, const struct pl_report_event *e)
{
	const struct pl_report_goal	*g = pl_report_goal_find(f->r, e->id);
	const struct pl_report_evidence	*ev = pl_report_evidence_find(f->r, e->id);
	size_t				 i;

	switch (e->type) {
	case PL_EVENT_GOAL_SET:
	case PL_EVENT_STEP_DONE:
	case PL_EVENT_GOAL_MET:
		if (g == NULL)
			break;
		lit(f, e->type == PL_EVENT_GOAL_SET ? "New goal: " :
		    e->type == PL_EVENT_STEP_DONE ? "A step done on " :
		    "Goal met: ");
		put(f, g->title);
		return;
	case PL_EVENT_EVIDENCE:
		if (ev == NULL)
			break;
		lit(f, "New work: ");
		put(f, ev->title);
		return;
	case PL_EVENT_REFLECTION:
		for (i = 0; i < f->r->nreflections; i++)
			if (strcmp(f->r->reflections[i].id, e->id) == 0) {
				lit(f, "A reflection: ");
				put(f, f->r->reflections[i].summary);
				return;
			}
		break;
	case PL_EVENT_RATING:
		rating_words(f, e);
		return;
	}
	put(f, e->detail);
}

/* A score as the family reads it: its level's name. */
static void
move_end(struct fam *f, int had, int scored, double score)
{
	const char	*level = scored ? pl_scale_name(&f->r->scale, score) :
			    NULL;

	if (!had)
		lit(f, "not assessed");
	else if (level == NULL)
		lit(f, "started");
	else
		put(f, level);
}

static void
moves(struct fam *f)
{
	const struct pl_report	*r = f->r;
	const struct pl_report_move *m;
	size_t			 i;

	if (r->nmoves == 0)
		return;
	para(f);
	lit(f, "Learning that moved:");
	para_end(f);
	list(f, "fam-moves");
	for (i = 0; i < r->nmoves; i++) {
		m = &r->moves[i];
		item(f);
		phrase(f, pl_report_standard_find(r, m->code), m->code);
		lit(f, ": ");
		if (m->mastered && !m->was_mastered)
			lit(f, "now secure");
		else if (!m->mastered && m->was_mastered)
			lit(f, "no longer secure");
		else {
			lit(f, "from ");
			move_end(f, m->had, m->from_scored, m->from);
			lit(f, " to ");
			move_end(f, m->has, m->to_scored, m->to);
		}
		lit(f, ".");
		item_end(f);
	}
	list_end(f);
}

static void
since(struct fam *f)
{
	const struct pl_report	*r = f->r;
	size_t			 i;

	if (r->since == NULL)
		return;
	section_named(f, "since", "Since ", r->since);
	if (r->nevents == 0) {
		para(f);
		lit(f, "Nothing changed.");
		para_end(f);
	} else
		list(f, "fam-since");
	for (i = 0; i < r->nevents; i++) {
		item(f);
		litf(f, "%s · ", r->events[i].date);
		event_words(f, &r->events[i]);
		item_end(f);
	}
	if (r->nevents > 0)
		list_end(f);
	moves(f);
	section_end(f);
}

/*
 * An attached file on the page: a thumbnail or a link, else its name.  A
 * thumbnail's alt is the work's title (alt): the link already says the
 * file's name, and a screen reader would say it twice.
 */
static void
file_html(struct fam *f, const char *path, const struct pl_report_file *s,
    const char *alt)
{
	const char	*base = strrchr(path, '/');

	base = base != NULL ? base + 1 : path;
	if (s->href == NULL) {
		lit(f, "<li class=\"fam-nofile\">");
		put(f, base);
		lit(f, " (not included)</li>\n");
		return;
	}
	lit(f, "<li><a href=\"");
	put(f, s->href);
	lit(f, "\">");
	if (s->image) {
		lit(f, "<img src=\"");
		put(f, s->href);
		lit(f, "\" alt=\"");
		put(f, alt);
		lit(f, "\" loading=\"lazy\">");
	}
	put(f, base);
	lit(f, "</a></li>\n");
}

static void
files_html(struct fam *f, const struct pl_report_evidence *e)
{
	size_t	i, n = 0;

	for (i = 0; i < e->files.n; i++)
		n += pl_report_file_shown(e, i);
	if (n == 0)
		return;
	lit(f, "<ul class=\"fam-files\">\n");
	for (i = 0; i < e->files.n; i++)
		if (pl_report_file_shown(e, i))
			file_html(f, e->files.v[i], &e->shown[i], e->title);
	lit(f, "</ul>\n");
}

/* A goal list in words: "For Fractions fluency and Reading". */
static void
goal_names(struct fam *f, const struct pl_strlist *ids)
{
	const struct pl_report_goal	*g;
	size_t				 i;

	for (i = 0; i < ids->n; i++) {
		g = pl_report_goal_find(f->r, ids->v[i]);
		lit(f, i == 0 ? "" : i + 1 == ids->n ? " and " : ", ");
		put(f, g != NULL ? g->title : ids->v[i]);
	}
}

static void
work(struct fam *f)
{
	const struct pl_report		*r = f->r;
	const struct pl_report_evidence	*e;
	size_t				 i;

	section(f, "work", "Work");
	if (r->nevidence == 0) {
		para(f);
		lit(f, "No work added yet.");
		para_end(f);
		section_end(f);
		return;
	}
	list(f, "fam-work");
	for (i = 0; i < r->nevidence; i++) {
		pl_buf_drain(f->b);
		e = &r->evidence[i];
		item(f);
		if (e->date != NULL)
			litf(f, "%s · ", e->date);
		html(f, "<strong>");
		put(f, e->title);
		html(f, "</strong>");
		if (e->goals.n > 0 && f->fmt == F_HTML) {
			lit(f, "<br><span class=\"meta\">For ");
			goal_names(f, &e->goals);
			lit(f, "</span>");
		}
		/*
		 * A work is an item under the section's h2, with no heading
		 * of its own: its body's headings start at h3, or the
		 * outline would skip a level.
		 */
		if (f->fmt == F_HTML) {
			if (e->description != NULL)
				pl_html_markdown(f->b, e->description, 3);
			files_html(f, e);
		}
		item_end(f);
	}
	list_end(f);
	section_end(f);
}

static void
reflections(struct fam *f)
{
	const struct pl_report	*r = f->r;
	size_t			 i;

	section(f, "reflections", "Reflections");
	if (r->nreflections == 0) {
		para(f);
		lit(f, "No reflections yet.");
		para_end(f);
		section_end(f);
		return;
	}
	list(f, "fam-refl");
	for (i = 0; i < r->nreflections; i++) {
		pl_buf_drain(f->b);
		item(f);
		html(f, "<details><summary>");
		if (r->reflections[i].date != NULL)
			litf(f, "%s · ", r->reflections[i].date);
		put(f, r->reflections[i].summary);
		if (f->fmt == F_HTML) {
			lit(f, "</summary>\n");
			pl_html_markdown(f->b, r->reflections[i].body, 3);
			lit(f, "</details>");
		}
		item_end(f);
	}
	list_end(f);
	section_end(f);
}

/* A standard: its phrase and standing; the whole statement on demand. */
static void
standard_item(struct fam *f, const struct pl_report_standard *s)
{
	char	*p = s->description != NULL ? pl_report_phrase(s->description) :
		    NULL;

	item(f);
	if (f->fmt == F_HTML && p != NULL && strcmp(p, s->description) != 0) {
		lit(f, "<details><summary>");
		phrase(f, s, s->code);
		lit(f, ": ");
		standing_words(f, s);
		lit(f, "</summary><p>");
		put(f, s->description);
		lit(f, "</p></details>");
	} else {
		phrase(f, s, s->code);
		lit(f, ": ");
		standing_words(f, s);
	}
	item_end(f);
	free(p);
}

/* The skills in the goals, secure first, then getting there, then the
   rest, each in framework order. */
static void
learning(struct fam *f)
{
	const struct pl_report	*r = f->r;
	size_t			 i;
	int			 k;

	section(f, "learning", "What is being learned");
	if (r->nstandards == 0) {
		para(f);
		lit(f, "No skills linked to the goals yet.");
		para_end(f);
		section_end(f);
		return;
	}
	para(f);
	litf(f, "%zu %s in the goals: %zu secure, work to show in %zu.",
	    r->nstandards, plural(r->nstandards, "skill", "skills"),
	    r->mastered, r->covered);
	para_end(f);
	list(f, "fam-skills");
	for (k = SECURE; k <= NOT_YET; k++)
		for (i = 0; i < r->nstandards; i++) {
			pl_buf_drain(f->b);
			if ((int)standing(&r->standards[i]) == k)
				standard_item(f, &r->standards[i]);
		}
	list_end(f);
	section_end(f);
}

/* Who took part and how often, in one sentence each. */
static void
people(struct fam *f)
{
	const struct pl_report	*r = f->r;
	size_t			 i, weeks = 0;

	for (i = 0; i < r->nweeks; i++)
		weeks += r->weeks[i].evidence + r->weeks[i].reflections +
		    r->weeks[i].steps + r->weeks[i].ratings +
		    r->weeks[i].other > 0;
	section(f, "people", "Who took part");
	para(f);
	if (r->npeople == 0)
		lit(f, "No one has made a change yet.");
	for (i = 0; i < r->npeople; i++) {
		lit(f, i == 0 ? "" : i + 1 == r->npeople ? " and " : ", ");
		put(f, r->people[i].name);
		litf(f, " (%u %s)", r->people[i].changes,
		    plural(r->people[i].changes, "change", "changes"));
	}
	if (r->npeople > 0)
		lit(f, r->since != NULL ? " in this time." : ".");
	if (r->nweeks > 0)
		litf(f, " Something was done in %zu of the %zu %s shown.",
		    weeks, r->nweeks, plural(r->nweeks, "week", "weeks"));
	para_end(f);
	section_end(f);
}

static void
profile_line(struct fam *f, const char *what, const struct pl_strlist *l)
{
	size_t	i;

	if (l->n == 0)
		return;
	item(f);
	lit(f, what);
	for (i = 0; i < l->n; i++) {
		lit(f, i > 0 ? "; " : "");
		put(f, l->v[i]);
	}
	item_end(f);
}

static void
about(struct fam *f)
{
	const struct pl_report	*r = f->r;

	if (r->strengths.n + r->needs.n + r->interests.n +
	    r->learns_best.n == 0 && pl_report_grade(r) == NULL &&
	    r->started == NULL)
		return;
	section_named(f, "about", "About ", pl_report_learner_name(r));
	list(f, "fam-about");
	if (pl_report_grade(r) != NULL) {
		item(f);
		lit(f, "Grade: ");
		put(f, r->grade);
		item_end(f);
	}
	if (r->started != NULL) {
		item(f);
		lit(f, "Started: ");
		put(f, r->started);
		item_end(f);
	}
	profile_line(f, "Good at: ", &r->strengths);
	profile_line(f, "Working on: ", &r->needs);
	profile_line(f, "Interested in: ", &r->interests);
	profile_line(f, "Learns best: ", &r->learns_best);
	list_end(f);
	section_end(f);
}

/* The family's warnings say only how many files were left out. */
static void
left_out(struct fam *f)
{
	size_t	n = f->r->warnings.n;

	if (n == 0)
		return;
	section(f, "left-out", "Left out");
	para(f);
	litf(f, "%zu %s could not be read and %s left out.", n,
	    plural(n, "file", "files"), plural(n, "is", "are"));
	para_end(f);
	section_end(f);
}

static void
outline(struct fam *f)
{
	header(f);
	summary(f);
	achieved(f);
	goals(f);
	since(f);
	work(f);
	reflections(f);
	learning(f);
	people(f);
	about(f);
	left_out(f);
}

void
pl_report_family_text(struct pl_buf *out, const struct pl_report *r,
    int colour)
{
	struct fam	f = { out, r, F_TEXT, colour, 0 };

	outline(&f);
}

void
pl_report_family_md(struct pl_buf *out, const struct pl_report *r)
{
	struct fam	f = { out, r, F_MD, 0, 0 };

	outline(&f);
}

/* The family page's own style, on top of the shared one. */
static const char css[] =
"#short p{font-size:1.05rem}\n"
".fam-done,.fam-goals,.fam-other,.fam-work,.fam-refl,.fam-skills,"
".fam-since,.fam-moves,.fam-about{padding-left:1.2rem;margin:.4rem 0}\n"
".fam-files a{display:block}\n"
".fam-done li,.fam-goals li,.fam-work>li,.fam-skills li{margin:.35rem 0}\n"
".fam-goals>li{margin:.6rem 0}\n"
".fam-next{font-weight:600}\n"
".fam-help{color:#953800}\n"
".fam-files{list-style:none;padding:0;margin:.4rem 0;display:flex;"
"flex-wrap:wrap;gap:.5rem}\n"
".fam-files li{font-size:.85rem;max-width:10rem;overflow-wrap:anywhere}\n"
".fam-files img{display:block;max-width:10rem;max-height:8rem;"
"width:auto;height:auto;border:1px solid #d0d7de;border-radius:4px}\n"
".fam-nofile{color:#555}\n"
".fam-work .md{margin:.2rem 0;font-size:.95rem}\n"
".fam-work .md p{margin:.2rem 0}\n"
"#learning summary,#reflections summary{cursor:pointer}\n"
".fam-skills,.fam-refl{list-style:none;padding-left:0}\n"
".fam-skills li:not(:has(details)){padding-left:1.1em}\n"
"#learning details p{margin:.2rem 0 .4rem;color:#444;font-size:.9rem}\n"
"#reflections details .md{margin:.3rem 0 .6rem}\n";

/* 1 when an image of the page is a file beside it, not in it. */
static int
images_beside(const struct pl_report *r)
{
	const struct pl_report_evidence	*e;
	size_t				 i, k;

	for (i = 0; i < r->nevidence; i++) {
		e = &r->evidence[i];
		for (k = 0; e->shown != NULL && k < e->files.n; k++)
			if (e->shown[k].href != NULL && e->shown[k].image &&
			    strncmp(e->shown[k].href, "data:", 5) != 0)
				return 1;
	}
	return 0;
}

void
pl_report_family_html(struct pl_buf *out, const struct pl_report *r)
{
	struct fam	f = { out, r, F_HTML, 0, 0 };

	pl_html_begin_images(out, images_beside(r));
	name(&f);
	lit(&f, " &ndash; Family report, ");
	put(&f, r->as_of);
	pl_html_style(out, css);
	outline(&f);
	litf(&f, "</main>\n<footer>\n<p>Made by pl from commit <code>%s"
	    "</code> of %s. The same commit gives the same report.</p>\n"
	    "</footer>\n</body>\n</html>\n", r->commit, r->commit_date);
}
