/*
 * The class report as one HTML page that a school can put on any web
 * server, or mail: the learners in a table, those who need attention
 * first with why as badges, the standards of the class, and a mastery
 * map (learners by standards) in inline SVG.  The head, style sheet and
 * escaping are the learner page's (render-html.c): no script, a CSP
 * that forbids every request, every value from a roster or a portfolio
 * through pl_html_esc().  Tables and the map scroll inside their box on
 * a phone; on paper they shrink to the paper's width.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "pl/progress/mastery.h"
#include "pl/report/roster.h"
#include "base/render.h"

/* The mastery map's geometry, in SVG units (pixels on a screen). */
#define CELL		22	/* a cell and its gap */
#define NAME_MAX	24	/* characters of a learner's name */
#define CODE_MAX	16	/* characters of a standard's code */
#define CHAR_W		7	/* a 12px character, about */

static const char more_css[] =
"body{max-width:90rem}\n"
"td.why{min-width:12rem}\n"
".need{color:#a40e26;background:#ffebe9}\n"
".fail{color:#fff;background:#57606a;border-color:#57606a}\n"
"td.why{width:14rem}\n"
"td.name{min-width:10rem}\n"
"table.std{min-width:0}\n"
"table.std details{max-width:40rem}\n"
"section>h3{margin-top:1.5rem}\n"
/* a phone's card: the name, why, then the key numbers, then the rest */
"@media screen and (max-width:40rem){table.std td:first-child"
"{flex-basis:auto}td.name{min-width:0}table.cards td{order:2}table.cards td.k{order:1}"
"table.cards td:first-child,table.cards td.why{order:0}}\n"
"summary{cursor:pointer}\n"
"table.sort th::after{content:\" \\2195\";color:#8c959f}\n"
"table.sort th[aria-sort]::after{content:\" \\25BE\";color:#1a1a1a}\n"
"tr.attn td:first-child{border-left:3px solid #cf222e}\n"
"tr.gone td{color:#57606a}\n"
".heat svg{width:auto;max-width:none}\n"
".heat svg text{font-size:12px}\n"
"@media print{td.why{min-width:0}"
"table.sort th::after{content:none}"
".heat svg{width:100%;max-width:100%}}\n";

/* What became of a portfolio, in words (enum pl_roster_state order). */
static const char *const state_words[] = { "Read", "Bad roster row",
	"Missing", "Not a portfolio", "Could not be read" };

/* The mastery map's colours and their words (enum pl_roster_mastery). */
static const struct {
	const char	*colour;
	const char	*word;
} marks[] = {
	{ "#eaeef2", "no evidence" },
	{ "#b6e3ff", "evidence, not rated" },
	{ "#54aeff", "developing" },
	{ "#0550ae", "mastered" },
};
#define NOT_READ	"#8c959f"

static const char *
state_word(enum pl_roster_state s)
{
	return (size_t)s < sizeof state_words / sizeof state_words[0] ?
	    state_words[s] : state_words[PL_ROSTER_BROKEN];
}

static void
header(struct pl_buf *out, const struct pl_roster_report *r)
{
	struct pl_buf	t = PL_BUF_INIT;

	pl_buf_puts(out, "<header>\n<h1>Class report</h1>\n<p><code>");
	pl_html_esc(out, r->roster);
	pl_buf_puts(out, "</code>");
	if (r->group != NULL) {
		pl_buf_puts(out, " &middot; group ");
		pl_html_esc(out, r->group);
	}
	pl_buf_puts(out, " &middot; as of <time>");
	pl_html_esc(out, r->as_of);
	pl_buf_puts(out, "</time>");
	if (r->since != NULL) {
		pl_buf_puts(out, " &middot; changes since ");
		pl_html_esc(out, r->since);
		pl_buf_puts(out, " until ");
		pl_html_esc(out, r->until != NULL ? r->until : r->as_of);
	}
	pl_buf_puts(out, "</p>\n<p>");
	pl_html_count(out, r->n, "learner", "learners");
	pl_buf_printf(out, ", %zu %s attention, %zu could not be read.</p>\n",
	    r->attention, r->attention == 1 ? "needs" : "need", r->failed);
	pl_roster_scope_words(&t, r);
	pl_buf_puts(out, "<p>");
	pl_html_esc(out, pl_buf_cstr(&t));
	pl_buf_puts(out, ".</p>\n</header>\n");
	pl_buf_release(&t);
}

/* The reasons a learner needs attention, one badge each, or "None". */
static void
badges(struct pl_buf *out, const struct pl_roster_learner *l)
{
	const char	*s = l->reasons, *sep;

	if (l->state != PL_ROSTER_READ) {
		pl_buf_puts(out, "<span class=\"flag fail\">");
		pl_html_esc(out, state_word(l->state));
		pl_buf_puts(out, "</span> ");
		pl_html_esc(out, l->problem);
		return;
	}
	if (*s == '\0') {
		pl_buf_puts(out, "<span class=\"flag ok\">None</span>");
		return;
	}
	/* the builder joins them with "; " */
	while (*s != '\0') {
		sep = strstr(s, "; ");
		pl_buf_puts(out, "<span class=\"flag need\">");
		pl_html_esc_len(out, s, sep != NULL ? (size_t)(sep - s) :
		    strlen(s));
		pl_buf_puts(out, "</span>");
		if (sep == NULL)
			break;
		s = sep + 2;
	}
}

/* A number cell, labelled for a phone's cards; "–" for a learner not read. */
static void
num(struct pl_buf *out, const char *label, int read, size_t n)
{
	if (read)
		pl_html_num(out, label, n);
	else
		pl_html_cell(out, "n", label, "\xe2\x80\x93");
}

/* A share in per cent: a key number (k), first in a phone's card. */
static void
pct(struct pl_buf *out, const char *label, int read, size_t part,
    size_t whole)
{
	char	s[24];

	if (!read || !pl_text_pct_sign(s, sizeof s, part, whole))
		strcpy(s, "\xe2\x80\x93");
	pl_html_cell(out, "n k", label, s);
}

/* A learner's row opened with their name, a link to their page. */
static void
row_open(struct pl_buf *out, const struct pl_roster_learner *l, int links)
{
	int	read = l->state == PL_ROSTER_READ;

	pl_buf_printf(out, "<tr%s><td class=\"wrap name\">", !read ?
	    " class=\"attn gone\"" :
	    *l->reasons != '\0' ? " class=\"attn\"" : "");
	if (links && read && l->page != NULL) {
		pl_buf_puts(out, "<a href=\"");
		pl_html_esc(out, l->page);
		pl_buf_puts(out, "\">");
		pl_html_esc(out, l->row->learner);
		pl_buf_puts(out, "</a>");
	} else
		pl_html_esc(out, l->row->learner);
	pl_buf_puts(out, "</td>");
}

static void
learner_row(struct pl_buf *out, const struct pl_roster_learner *l,
    int links)
{
	int	read = l->state == PL_ROSTER_READ;
	char	label[32];

	row_open(out, l, links);
	pl_buf_puts(out, "<td class=\"why line\">");
	badges(out, l);
	pl_buf_puts(out, "</td>");
	pl_html_cell(out, "wrap", "Group", l->row->group);
	num(out, "Active", read, l->active);
	num(out, "Met", read, l->met);
	num(out, "Overdue", read, l->overdue);
	num(out, "Stalled", read, l->stalled);
	num(out, "Behind", read, l->behind);
	snprintf(label, sizeof label, "Evidence, %d days",
	    PL_ROSTER_RECENT_SHORT);
	num(out, label, read, l->evidence_short);
	snprintf(label, sizeof label, "Evidence, %d days",
	    PL_ROSTER_RECENT_LONG);
	num(out, label, read, l->evidence_long);
	pl_html_cell(out, "d k", "Last activity", !read ? "\xe2\x80\x93" :
	    *l->last_activity != '\0' ? l->last_activity : "none");
	pct(out, "Mastered", read, l->scope.mastered, l->scope.standards);
	pct(out, "Covered", read, l->scope.covered, l->scope.standards);
	pl_buf_puts(out, "</tr>\n");
}

/*
 * What changed from --since to --until, learner by learner: a table of
 * its own, as eighteen columns did not fit a desktop's width; the
 * names link once, in the table above.
 */
static void
changes(struct pl_buf *out, const struct pl_roster_report *r)
{
	const struct pl_roster_learner	*l;
	size_t				 i;
	int				 read;

	pl_buf_puts(out, "<h3>Changes from ");
	pl_html_esc(out, r->since);
	pl_buf_puts(out, " to ");
	pl_html_esc(out, r->until != NULL ? r->until : r->as_of);
	pl_buf_puts(out, "</h3>\n<div class=\"scroll\" role=\"region\" "
	    "aria-label=\"Changes\" tabindex=\"0\">\n<table class=\"cards\">"
	    "\n<thead><tr><th>Learner</th><th class=\"n\">New evidence</th>"
	    "<th class=\"n\">Steps done</th><th class=\"n\">Goals met</th>"
	    "<th class=\"n\">Ratings</th><th class=\"n\">Standards moved"
	    "</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < r->n; i++) {
		l = &r->learners[i];
		read = l->state == PL_ROSTER_READ;
		row_open(out, l, 0);
		num(out, "New evidence", read, l->window_evidence);
		num(out, "Steps done", read, l->window_steps);
		num(out, "Goals met", read, l->window_met);
		num(out, "Ratings", read, l->window_ratings);
		num(out, "Standards moved", read, l->window_moved);
		pl_buf_puts(out, "</tr>\n");
	}
	pl_buf_puts(out, "</tbody>\n</table>\n</div>\n");
}

static void
learners(struct pl_buf *out, const struct pl_roster_report *r, int links)
{
	size_t	i;

	pl_buf_puts(out, "<section>\n<h2>Learners</h2>\n");
	if (r->n == 0) {
		pl_buf_puts(out, "<p>No learners.</p>\n</section>\n");
		return;
	}
	pl_buf_printf(out, "<p>Who needs attention first, then by name."
	    "</p>\n<div class=\"scroll\" role=\"region\" "
	    "aria-label=\"Learners\" tabindex=\"0\">\n<table class=\"sort cards\">\n"
	    "<thead><tr><th>Learner</th>"
	    "<th aria-sort=\"descending\">Needs attention</th><th>Group</th>"
	    "<th class=\"n\">Active</th><th class=\"n\">Met</th>"
	    "<th class=\"n\">Overdue</th><th class=\"n\">Stalled</th>"
	    "<th class=\"n\">Behind</th><th class=\"n\">Evidence, %d days</th>"
	    "<th class=\"n\">Evidence, %d days</th><th>Last activity</th>"
	    "<th class=\"n\">Mastered</th><th class=\"n\">Covered</th>",
	    PL_ROSTER_RECENT_SHORT, PL_ROSTER_RECENT_LONG);
	pl_buf_puts(out, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < r->n; i++) {
		learner_row(out, &r->learners[i], links);
		pl_buf_drain(out);
	}
	pl_buf_puts(out, "</tbody>\n</table>\n</div>\n");
	if (r->since != NULL)
		changes(out, r);
	pl_buf_puts(out, "</section>\n");
}

/* How many bytes of each code the tables leave out (render.h). */
static size_t
code_prefix(const struct pl_roster_report *r)
{
	return pl_html_code_cut(r->standards, r->nstandards,
	    sizeof *r->standards, offsetof(struct pl_roster_standard, code));
}

/*
 * The class's standards, most learners stuck first: each code short,
 * its statement folded under it, so that a row is one line (30
 * standards ran 6,300 px on a phone) and the numbers stay in sight.
 */
static void
standards(struct pl_buf *out, const struct pl_roster_report *r)
{
	const struct pl_roster_standard	*s;
	size_t				 i, cut = code_prefix(r);

	pl_buf_puts(out, "<section>\n<h2>Standards of the class</h2>\n");
	if (r->nstandards == 0) {
		pl_buf_puts(out, "<p>No standard is aligned in a portfolio "
		    "read.</p>\n</section>\n");
		return;
	}
	pl_buf_puts(out, "<p>Where most learners are stuck first: how many "
	    "of the learners read stand where on each standard.");
	if (cut > 0) {
		pl_buf_puts(out, " Codes without <code>");
		pl_html_esc_len(out, r->standards[0].code, cut);
		pl_buf_puts(out, "</code>.");
	}
	pl_buf_puts(out, " Open a code for its statement.</p>\n"
	    "<div class=\"scroll\" role=\"region\" aria-label=\"Standards\" "
	    "tabindex=\"0\">\n<table class=\"sort cards std\">\n<thead><tr>"
	    "<th>Standard</th><th class=\"n\">Mastered</th>"
	    "<th class=\"n\" aria-sort=\"descending\">Developing</th>"
	    "<th class=\"n\">Evidence, not rated</th>"
	    "<th class=\"n\">No evidence</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < r->nstandards; i++) {
		s = &r->standards[i];
		pl_buf_puts(out, "<tr><td class=\"c\"><details><summary "
		    "title=\"");
		pl_html_esc(out, s->code);
		pl_buf_puts(out, "\">");
		pl_html_esc(out, s->code + cut);
		pl_buf_puts(out, "</summary>");
		pl_html_esc(out, s->description);
		pl_buf_puts(out, "</details></td>");
		pl_html_num(out, "Mastered", s->mastered);
		pl_html_num(out, "Developing", s->developing);
		pl_html_num(out, "Evidence, not rated", s->evidence);
		pl_html_num(out, "No evidence", s->none);
		pl_buf_puts(out, "</tr>\n");
	}
	pl_buf_puts(out, "</tbody>\n</table>\n</div>\n</section>\n");
}

/* The learner's mark on standard j, or NULL for none. */
static const struct pl_roster_mark *
mark_of(const struct pl_roster_learner *l, size_t j)
{
	size_t	i;

	if (j < l->nmarks && l->marks[j].standard == j)
		return &l->marks[j];
	for (i = 0; i < l->nmarks; i++)
		if (l->marks[i].standard == j)
			return &l->marks[i];
	return NULL;
}

/* The widest of the strings, in characters, up to max. */
static size_t
longest(const struct pl_roster_report *r, int codes, size_t max)
{
	size_t	i, w, n, most = 0, cut = codes ? code_prefix(r) : 0;

	n = codes ? r->nstandards : r->n;
	for (i = 0; i < n; i++) {
		w = pl_text_width(codes ? r->standards[i].code + cut :
		    r->learners[i].row->learner);
		if (w > most)
			most = w;
	}
	return most < max ? most : max;
}

/*
 * A code for a label: its short form's last max characters, "…" before
 * them when cut, as codes differ at their end; the whole code and its
 * statement in its title.
 */
static void
code_label(struct pl_buf *out, const struct pl_roster_standard *s,
    size_t cut, size_t max)
{
	const char *code = s->code + cut;
	size_t	n = 0, i = strlen(code);

	pl_buf_puts(out, "<title>");
	pl_html_esc(out, s->code);
	if (s->description != NULL && *s->description != '\0') {
		pl_buf_puts(out, ": ");
		pl_html_esc(out, s->description);
	}
	pl_buf_puts(out, "</title>");

	while (i > 0 && n < max - 1) {
		i--;
		n += ((unsigned char)code[i] & 0xc0) != 0x80;
	}
	if (i > 0 && pl_text_width(code) > max)
		pl_buf_puts(out, "\xe2\x80\xa6");
	else
		i = 0;
	pl_html_esc(out, code + i);
}

/* One cell: its colour, and in its title who, what and where. */
static void
heat_cell(struct pl_buf *out, const struct pl_roster_report *r,
    const struct pl_roster_learner *l, size_t j, unsigned x, unsigned y)
{
	const struct pl_roster_mark	*m = mark_of(l, j);
	enum pl_roster_mastery		 st = m != NULL ? m->state :
					    PL_ROSTER_NONE;

	if ((size_t)st >= sizeof marks / sizeof marks[0])
		st = PL_ROSTER_NONE;
	pl_buf_printf(out, "<rect x=\"%u\" y=\"%u\" width=\"%d\" "
	    "height=\"%d\" fill=\"%s\"><title>", x, y, CELL - 2, CELL - 2,
	    marks[st].colour);
	pl_html_esc(out, l->row->learner);
	pl_buf_puts(out, ": ");
	pl_html_esc(out, r->standards[j].code);
	pl_buf_putc(out, ' ');
	pl_html_esc(out, marks[st].word);
	if (m != NULL && m->scored) {
		struct pl_buf	score = PL_BUF_INIT;

		pl_score_format(&score, m->score);
		pl_buf_printf(out, " %s", score.ptr);
		pl_buf_release(&score);
	}
	pl_buf_puts(out, "</title></rect>");
}

/*
 * Learners (rows, in the table's order) by standards (columns, in the
 * class table's order), each cell coloured by where the learner stands;
 * a learner not read is a grey row.  Codes lean at 45 degrees above
 * their columns, so the map is as narrow as its cells.
 */
static void
heat_map(struct pl_buf *out, const struct pl_roster_report *r)
{
	const struct pl_roster_learner	*l;
	unsigned			 left, top, w, h, x, y;
	size_t				 i, j, cut = code_prefix(r);

	if (r->n == 0 || r->nstandards == 0)
		return;
	left = 12 + CHAR_W * (unsigned)longest(r, 0, NAME_MAX);
	top = 16 + 5 * (unsigned)longest(r, 1, CODE_MAX);
	w = left + CELL * (unsigned)r->nstandards + top;
	h = top + CELL * (unsigned)r->n + 4;
	pl_buf_puts(out, "<section>\n<h2>Mastery map</h2>\n<p>One row per "
	    "learner, in the order of the table above; one column per "
	    "standard, in the order of the class table.  Hover over a cell "
	    "for its learner, standard and score.</p>\n<figure class=\"heat\">"
	    "\n<div class=\"scroll\" role=\"region\" aria-label=\"Mastery "
	    "map\" tabindex=\"0\">\n");
	pl_buf_printf(out, "<svg role=\"img\" aria-labelledby=\"heat\" "
	    "viewBox=\"0 0 %u %u\" width=\"%u\" height=\"%u\"><title "
	    "id=\"heat\">Mastery of the class standards, learner by learner"
	    "</title>\n", w, h, w, h);
	for (j = 0; j < r->nstandards; j++) {
		x = left + CELL * (unsigned)j + CELL / 2;
		pl_buf_printf(out, "<text transform=\"translate(%u %u) "
		    "rotate(-45)\">", x, top - 6);
		code_label(out, &r->standards[j], cut, CODE_MAX);
		pl_buf_puts(out, "</text>\n");
	}
	for (i = 0; i < r->n; i++) {
		l = &r->learners[i];
		y = top + CELL * (unsigned)i;
		pl_buf_printf(out, "<g><text x=\"%u\" y=\"%u\" "
		    "text-anchor=\"end\">", left - 6, y + CELL / 2 + 3);
		if (pl_text_width(l->row->learner) > NAME_MAX)
			pl_html_el(out, "title", l->row->learner);
		pl_html_esc_cut(out, l->row->learner, NAME_MAX);
		pl_buf_puts(out, "</text>");
		if (l->state != PL_ROSTER_READ) {
			pl_buf_printf(out, "<rect x=\"%u\" y=\"%u\" "
			    "width=\"%u\" height=\"%d\" fill=\"%s\"><title>",
			    left, y, CELL * (unsigned)r->nstandards - 2,
			    CELL - 2, NOT_READ);
			pl_html_esc(out, l->row->learner);
			pl_buf_puts(out, ": not read (");
			pl_html_esc(out, pl_roster_state_names[l->state]);
			pl_buf_puts(out, ")</title></rect>");
		}
		for (j = 0; l->state == PL_ROSTER_READ &&
		    j < r->nstandards; j++)
			heat_cell(out, r, l, j, left + CELL * (unsigned)j, y);
		pl_buf_puts(out, "</g>\n");
		pl_buf_drain(out);
	}
	pl_buf_puts(out, "</svg>\n</div>\n<figcaption>");
	for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
		pl_html_key(out, marks[i].colour, marks[i].word);
	pl_html_key(out, NOT_READ, "portfolio not read");
	pl_buf_puts(out, "</figcaption>\n</figure>\n</section>\n");
}

void
pl_roster_html(struct pl_buf *out, const struct pl_roster_report *r,
    int links)
{
	pl_html_begin(out);
	pl_buf_puts(out, "Class report &ndash; ");
	pl_html_esc(out, r->roster);
	pl_buf_puts(out, ", ");
	pl_html_esc(out, r->as_of);
	pl_html_style(out, more_css);
	header(out, r);
	pl_buf_puts(out, "<main>\n");
	learners(out, r, links);
	standards(out, r);
	heat_map(out, r);
	pl_buf_puts(out, "</main>\n<footer>\n<p>Made by pl from <code>");
	pl_html_esc(out, r->roster);
	pl_buf_puts(out, "</code> as of <time>");
	pl_html_esc(out, r->as_of);
	pl_buf_puts(out, links ? "</time>. Each name links the learner's own "
	    "report.</p>\n" : "</time>.</p>\n");
	pl_buf_puts(out, "</footer>\n</body>\n</html>\n");
}
