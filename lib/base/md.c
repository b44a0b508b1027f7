/*
 * Markdown bodies: cmark says where headings, lists, items and paragraphs
 * are (CMARK_OPT_SOURCEPOS), and edits are made on the raw lines, so what
 * cmark would normalize (bullets, spacing, line ends) stays as written.
 * cmark counts lines ending in "\n", "\r\n" or a lone "\r"; so does the
 * line table here, so their line numbers agree.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CMARK_NO_SHORT_NAMES
#include <cmark.h>

#include "pl/base/md.h"
#include "pl/base/text.h"

struct line {
	size_t	off;		/* offset in the body */
	size_t	len;		/* without the line break */
	size_t	eol;		/* length of the line break: 0, 1 or 2 */
};

struct text {
	const char	*s;
	size_t		 len;
	struct line	*lines;		/* lines[0] is line 1 */
	int		 n;
	cmark_node	*doc;
};

/* The nodes of a section: first up to (not including) end. */
struct section {
	cmark_node	*first;
	cmark_node	*end;
	int		 head;		/* last line of the heading; 0: none */
	int		 last;		/* last line of the section */
};

/* A task box found on a line. */
struct box {
	int		 line;
	size_t		 off;		/* of the "[" in the body */
	int		 done;
	const char	*text;		/* the rest of the line, trimmed */
	size_t		 len;
};

static void
text_init(struct text *t, const char *body)
{
	struct line	*l;
	size_t		 i = 0, cap = 16;

	memset(t, 0, sizeof *t);
	t->s = body;
	t->len = strlen(body);
	t->lines = pl_xmalloc(cap * sizeof *t->lines);
	while (i < t->len) {
		if (t->n == (int)cap) {
			cap *= 2;
			t->lines = pl_xrealloc(t->lines,
			    cap * sizeof *t->lines);
		}
		l = &t->lines[t->n++];
		l->off = i;
		while (i < t->len && body[i] != '\n' && body[i] != '\r')
			i++;
		l->len = i - l->off;
		l->eol = 0;
		if (i < t->len)
			l->eol = body[i] == '\r' && body[i + 1] == '\n' ? 2 : 1;
		i += l->eol;
	}
	t->doc = cmark_parse_document(body, t->len, CMARK_OPT_SOURCEPOS);
}

static void
text_release(struct text *t)
{
	cmark_node_free(t->doc);
	free(t->lines);
}

/* Line ln (1-based) or NULL when there is no such line. */
static const struct line *
line_at(const struct text *t, int ln)
{
	if (ln < 1 || ln > t->n)
		return NULL;
	return &t->lines[ln - 1];
}

static int
is_blank(const struct text *t, int ln)
{
	const struct line	*l = line_at(t, ln);
	size_t			 i;

	if (l == NULL)
		return 1;
	for (i = 0; i < l->len; i++) {
		if (t->s[l->off + i] != ' ' && t->s[l->off + i] != '\t')
			return 0;
	}
	return 1;
}

/* The line break to write: the body's own, "\n" when it has none. */
static const char *
text_eol(const struct text *t)
{
	if (t->n == 0 || t->lines[0].eol == 0)
		return "\n";
	if (t->lines[0].eol == 2)
		return "\r\n";
	return t->s[t->lines[0].off + t->lines[0].len] == '\r' ? "\r" : "\n";
}

static void
trim(const char **s, size_t *len)
{
	while (*len > 0 && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
		(*len)--;
}

/*
 * Inline content as plain text: markup dropped, line breaks as spaces.
 * cmark's iterator, not recursion: emphasis nested a million deep (7 MB
 * of "*a ") overflowed the stack.
 */
static void
plain_text(struct pl_buf *b, cmark_node *n)
{
	cmark_iter	*it = cmark_iter_new(n);
	cmark_node	*c;

	while (cmark_iter_next(it) != CMARK_EVENT_DONE) {
		if ((c = cmark_iter_get_node(it)) == n ||
		    cmark_iter_get_event_type(it) != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			pl_buf_puts(b, cmark_node_get_literal(c));
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			pl_buf_putc(b, ' ');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

static char *
plain_trimmed(cmark_node *n)
{
	struct pl_buf	 b = PL_BUF_INIT;
	const char	*s;
	size_t		 len;
	char		*out;

	plain_text(&b, n);
	s = pl_buf_cstr(&b);
	len = b.len;
	trim(&s, &len);
	out = pl_xstrndup(s, len);
	pl_buf_release(&b);
	return out;
}

static int
heading_is(cmark_node *n, const char *name)
{
	char	*text = plain_trimmed(n);
	int	 same = strcasecmp(text, name) == 0;

	free(text);
	return same;
}

/*
 * Finds the first top-level heading called name and the nodes up to the
 * next heading of its level or higher.  name NULL is all of the body.
 * Returns 0 when there is no such section.
 */
static int
find_section(const struct text *t, const char *name, struct section *sec)
{
	cmark_node	*n;
	int		 level;

	memset(sec, 0, sizeof *sec);
	sec->last = t->n;
	if (name == NULL) {
		sec->first = cmark_node_first_child(t->doc);
		return 1;
	}
	for (n = cmark_node_first_child(t->doc); n != NULL;
	    n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING &&
		    heading_is(n, name))
			break;
	}
	if (n == NULL)
		return 0;
	level = cmark_node_get_heading_level(n);
	sec->head = cmark_node_get_end_line(n);
	sec->first = cmark_node_next(n);
	for (n = sec->first; n != NULL; n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING &&
		    cmark_node_get_heading_level(n) <= level)
			break;
	}
	sec->end = n;
	if (n != NULL)
		sec->last = cmark_node_get_start_line(n) - 1;
	return 1;
}

/* The text of a line from column col (1-based, bytes) to its end. */
static const char *
line_from(const struct text *t, int ln, int col, size_t *len)
{
	const struct line	*l = line_at(t, ln);
	size_t			 skip = col > 1 ? (size_t)col - 1 : 0;

	if (l == NULL || skip > l->len) {
		*len = 0;
		return "";
	}
	*len = l->len - skip;
	return t->s + l->off + skip;
}

/*
 * Reads the task box of a list item: its first paragraph must begin, as
 * written (cmark may have made "[x]" a link), with "[ ]", "[x]" or "[X]"
 * and a blank or the end of the line.  Returns 0 when it has none.
 */
static int
task_box(const struct text *t, cmark_node *item, struct box *box)
{
	cmark_node	*p = cmark_node_first_child(item);
	const char	*s;
	size_t		 len;

	if (p == NULL || cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH)
		return 0;
	box->line = cmark_node_get_start_line(p);
	s = line_from(t, box->line, cmark_node_get_start_column(p), &len);
	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	if (len < 3 || s[0] != '[' || s[2] != ']' ||
	    strchr(" xX", s[1]) == NULL || s[1] == '\0')
		return 0;
	if (len > 3 && s[3] != ' ' && s[3] != '\t')
		return 0;
	box->off = (size_t)(s - t->s);
	box->done = s[1] != ' ';
	box->text = s + 3;
	box->len = len - 3;
	trim(&box->text, &box->len);
	return 1;
}

/* Calls fn for each task box under the nodes first up to end. */
static void
each_box(const struct text *t, cmark_node *first, cmark_node *end,
    void (*fn)(const struct box *, void *), void *arg)
{
	cmark_iter		*it;
	cmark_event_type	 ev;
	cmark_node		*n;
	struct box		 box;

	for (; first != NULL && first != end; first = cmark_node_next(first)) {
		it = cmark_iter_new(first);
		while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
			n = cmark_iter_get_node(it);
			if (ev == CMARK_EVENT_ENTER &&
			    cmark_node_get_type(n) == CMARK_NODE_ITEM &&
			    task_box(t, n, &box))
				fn(&box, arg);
		}
		cmark_iter_free(it);
	}
}

static void
add_task(const struct box *box, void *arg)
{
	struct pl_tasks	*out = arg;
	struct pl_task	*task;

	out->v = pl_xrealloc(out->v, (out->n + 1) * sizeof *out->v);
	task = &out->v[out->n++];
	task->line = box->line;
	task->done = box->done;
	task->text = pl_xstrndup(box->text, box->len);
}

static void
tasks_of(struct pl_tasks *out, const struct text *t, const char *section)
{
	struct section	sec;

	out->v = NULL;
	out->n = 0;
	if (!find_section(t, section, &sec))
		find_section(t, NULL, &sec);
	each_box(t, sec.first, sec.end, add_task, out);
}

void
pl_md_tasks(struct pl_tasks *out, const char *body, const char *section)
{
	struct text	t;

	text_init(&t, body);
	tasks_of(out, &t, section);
	text_release(&t);
}

void
pl_tasks_release(struct pl_tasks *tasks)
{
	size_t	i;

	for (i = 0; i < tasks->n; i++)
		free(tasks->v[i].text);
	free(tasks->v);
	tasks->v = NULL;
	tasks->n = 0;
}

struct tick {
	char	*copy;
	int	 line;
	int	 done;
};

/* An "[X]" already done stays as written. */
static void
tick_box(const struct box *box, void *arg)
{
	struct tick	*tick = arg;

	if (box->line != tick->line || box->done == tick->done)
		return;
	tick->copy[box->off + 1] = tick->done ? 'x' : ' ';
}

/* A line without a task box comes back unchanged. */
char *
pl_md_tick(const char *body, int line, int done)
{
	struct text	t;
	struct tick	tick;

	tick.copy = pl_xstrdup(body);
	tick.line = line;
	tick.done = done != 0;
	text_init(&t, body);
	each_box(&t, cmark_node_first_child(t.doc), NULL, tick_box, &tick);
	text_release(&t);
	return tick.copy;
}

struct offsets {
	size_t	*v;
	size_t	 n;
};

static void
add_offset(const struct box *box, void *arg)
{
	struct offsets	*o = arg;

	o->v = pl_xrealloc(o->v, (o->n + 1) * sizeof *o->v);
	o->v[o->n++] = box->off;
}

/*
 * Puts the number before the box at off (in s, from *from on): in place
 * of the list marker when it is on the box's line, else before the box.
 */
static void
put_number(struct pl_buf *b, const char *s, size_t *from, size_t off,
    size_t n, int width)
{
	size_t	start = off, end;

	while (start > *from && s[start - 1] != '\n')
		start--;
	end = off;
	while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		end--;
	start = end;
	while (start > *from && s[start - 1] != ' ' && s[start - 1] != '\t' &&
	    s[start - 1] != '\n')
		start--;
	if (start == end)
		start = end = off;
	pl_buf_put(b, s + *from, start - *from);
	pl_buf_printf(b, "%*zu.%s", width, n, start == off ? " " : "");
	*from = end;
}

char *
pl_md_number_tasks(const char *body, const char *section)
{
	struct text	 t;
	struct section	 sec;
	struct offsets	 o = { NULL, 0 };
	struct pl_buf	 b = PL_BUF_INIT;
	size_t		 i, from = 0;
	int		 width;

	text_init(&t, body);
	if (!find_section(&t, section, &sec))
		find_section(&t, NULL, &sec);
	each_box(&t, sec.first, sec.end, add_offset, &o);
	width = snprintf(NULL, 0, "%zu", o.n);
	for (i = 0; i < o.n; i++)
		put_number(&b, t.s, &from, o.v[i], i + 1, width);
	pl_buf_puts(&b, t.s + from);
	free(o.v);
	text_release(&t);
	return pl_buf_detach(&b);
}

/* Length of the list marker ("-", "*", "+", "12." or "3)") at s, or 0. */
static size_t
marker_len(const char *s, size_t len)
{
	size_t	n = 0;

	if (len > 0 && strchr("-*+", s[0]) != NULL)
		n = 1;
	else {
		while (n < len && n < 9 && s[n] >= '0' && s[n] <= '9')
			n++;
		if (n == 0 || n == len || (s[n] != '.' && s[n] != ')'))
			return 0;
		n++;
	}
	if (n < len && s[n] != ' ' && s[n] != '\t')
		return 0;
	return n;
}

/*
 * Writes line as an item of list: indented as the list's last item and
 * with its marker ("-" becomes "*", or the next number, to match), so it
 * continues that list instead of starting a new one.
 */
static void
put_item(struct pl_buf *out, const struct text *t, cmark_node *list,
    const char *line)
{
	cmark_node	*item = cmark_node_last_child(list);
	const char	*s;
	size_t		 len, indent, mlen, n;

	s = line_from(t, cmark_node_get_start_line(item), 1, &len);
	indent = (size_t)cmark_node_get_start_column(item) - 1;
	if (indent > len)
		indent = len;
	pl_buf_put(out, s, indent);
	line += strspn(line, " \t");
	if ((n = marker_len(line, strlen(line))) == 0) {
		pl_buf_puts(out, line);
		return;
	}
	mlen = marker_len(s + indent, len - indent);
	if (cmark_node_get_list_type(list) == CMARK_BULLET_LIST || mlen < 2)
		pl_buf_put(out, s + indent, mlen > 0 ? 1 : 0);
	else
		pl_buf_printf(out, "%ld%c", strtol(s + indent, NULL, 10) + 1,
		    s[indent + mlen - 1]);
	if (mlen == 0)
		pl_buf_put(out, line, n);
	pl_buf_puts(out, line + n);
}

/*
 * The spaces (1 to 3) before an ATX heading at s, else 0.  Right after an
 * item pl adds, they would make the heading part of it (and the section
 * that heading opens part of the one above); without them the heading
 * means what it meant.
 */
static size_t
heading_indent(const char *s)
{
	size_t	sp = strspn(s, " "), n;

	if (sp == 0 || sp > 3)
		return 0;
	n = strspn(s + sp, "#");
	if (n < 1 || n > 6 || (s[sp + n] != ' ' && s[sp + n] != '\t' &&
	    s[sp + n] != '\n' && s[sp + n] != '\r' && s[sp + n] != '\0'))
		return 0;
	return sp;
}

/* 1 when s is the end, a blank line or an ATX heading (at most 3 spaces). */
static int
starts_apart(const char *s)
{
	size_t	sp = strspn(s, " \t"), n;

	if (s[sp] == '\0' || s[sp] == '\n' || s[sp] == '\r')
		return 1;
	sp = strspn(s, " ");
	n = strspn(s + sp, "#");
	return sp <= 3 && n >= 1 && n <= 6 && strchr(" \t\r\n",
	    s[sp + n]) != NULL;
}

/*
 * Copies the body into out with text inserted after line ln (0: before
 * the first line), a blank line first when blank.  After a last line
 * that has no line break, the text gets none either.
 */
static char *
insert_after(const struct text *t, int ln, int blank, const char *text)
{
	struct pl_buf		 out = PL_BUF_INIT;
	const struct line	*l = line_at(t, ln);
	const char		*eol = text_eol(t);
	size_t			 at = l != NULL ? l->off + l->len + l->eol : 0;

	pl_buf_put(&out, t->s, at);
	if (l != NULL && l->eol == 0)
		pl_buf_puts(&out, eol);
	if (blank && l != NULL)
		pl_buf_puts(&out, eol);
	pl_buf_puts(&out, text);
	if (l == NULL || l->eol != 0)
		pl_buf_puts(&out, eol);
	/*
	 * Text right after the item would join it as a lazy line (the
	 * lines of a setext heading, which ends a section there): a blank
	 * line keeps it apart.  An ATX heading needs none.
	 */
	if (!starts_apart(t->s + at))
		pl_buf_puts(&out, eol);
	pl_buf_puts(&out, t->s + at + heading_indent(t->s + at));
	return pl_buf_detach(&out);
}

static cmark_node *
last_list(const struct section *sec)
{
	cmark_node	*n, *list = NULL;

	for (n = sec->first; n != NULL && n != sec->end;
	    n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) == CMARK_NODE_LIST)
			list = n;
	}
	return list;
}

/*
 * After the last item's last line that is not blank: cmark's end line
 * for a list or item can take in the blank lines after it.
 */
static char *
append_to_list(const struct text *t, cmark_node *list, const char *line)
{
	struct pl_buf	 item = PL_BUF_INIT;
	cmark_node	*last = cmark_node_last_child(list);
	int		 start = cmark_node_get_start_line(last);
	int		 ln = cmark_node_get_end_line(list);
	char		*out;

	if (cmark_node_get_end_line(last) > ln)
		ln = cmark_node_get_end_line(last);
	if (ln > t->n)
		ln = t->n;
	while (ln > start && is_blank(t, ln))
		ln--;
	put_item(&item, t, list, line);
	out = insert_after(t, ln, 0, pl_buf_cstr(&item));
	pl_buf_release(&item);
	return out;
}

static char *
append_section(const struct text *t, const char *section, const char *line)
{
	struct pl_buf	 out = PL_BUF_INIT;
	const char	*eol = text_eol(t);

	pl_buf_put(&out, t->s, t->len);
	if (t->n > 0 && t->lines[t->n - 1].eol == 0)
		pl_buf_puts(&out, eol);
	if (t->n > 0 && !is_blank(t, t->n))
		pl_buf_puts(&out, eol);
	pl_buf_printf(&out, "## %s%s%s%s%s", section, eol, eol, line, eol);
	return pl_buf_detach(&out);
}

char *
pl_md_append_item(const char *body, const char *section, const char *line)
{
	struct text	 t;
	struct section	 sec;
	cmark_node	*list;
	char		*out;
	int		 ln;

	text_init(&t, body);
	if (!find_section(&t, section, &sec))
		out = append_section(&t, section, line);
	else if ((list = last_list(&sec)) != NULL)
		out = append_to_list(&t, list, line);
	else {
		for (ln = sec.last; ln > sec.head && is_blank(&t, ln); ln--)
			;
		out = insert_after(&t, ln, 1, line);
	}
	text_release(&t);
	return out;
}

/* The first line of an item as written, marker and task box removed. */
static char *
item_text(const struct text *t, cmark_node *item)
{
	cmark_node	*p = cmark_node_first_child(item);
	struct box	 box;
	const char	*s;
	size_t		 len, n;

	if (task_box(t, item, &box))
		return pl_xstrndup(box.text, box.len);
	if (p != NULL && cmark_node_get_type(p) == CMARK_NODE_PARAGRAPH)
		s = line_from(t, cmark_node_get_start_line(p),
		    cmark_node_get_start_column(p), &len);
	else {
		s = line_from(t, cmark_node_get_start_line(item),
		    cmark_node_get_start_column(item), &len);
		n = marker_len(s, len);
		s += n;
		len -= n;
	}
	trim(&s, &len);
	return pl_xstrndup(s, len);
}

/* A section that is missing has no items. */
static void
items_of(struct pl_strlist *out, const struct text *t, const char *section)
{
	struct section	 sec;
	cmark_node	*n, *item;

	if (!find_section(t, section, &sec))
		return;
	for (n = sec.first; n != NULL && n != sec.end;
	    n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) != CMARK_NODE_LIST)
			continue;
		for (item = cmark_node_first_child(n); item != NULL;
		    item = cmark_node_next(item))
			pl_strlist_push_owned(out, item_text(t, item));
	}
}

void
pl_md_items(struct pl_strlist *out, const char *body, const char *section)
{
	struct text	t;

	text_init(&t, body);
	items_of(out, &t, section);
	text_release(&t);
}

/* The text ends with its last line's text, without a line break. */
static char *
section_of(const struct text *t, const char *section)
{
	struct section		 sec;
	const struct line	*a, *b;
	int			 first, last;

	if (!find_section(t, section, &sec))
		return NULL;
	first = sec.head + 1;
	last = sec.last;
	while (first <= last && is_blank(t, first))
		first++;
	while (last >= first && is_blank(t, last))
		last--;
	if (first > last)
		return pl_xstrdup("");
	a = line_at(t, first);
	b = line_at(t, last);
	return pl_xstrndup(t->s + a->off, b->off + b->len - a->off);
}

char *
pl_md_section(const char *body, const char *section)
{
	struct text	 t;
	char		*out;

	text_init(&t, body);
	out = section_of(&t, section);
	text_release(&t);
	return out;
}

/* A struct text of its own, for pl_md_parse()'s callers. */
struct pl_md {
	struct text	t;
};

struct pl_md *
pl_md_parse(const char *body)
{
	struct pl_md	*md = pl_xmalloc(sizeof *md);

	text_init(&md->t, body);
	return md;
}

void
pl_md_free(struct pl_md *md)
{
	if (md == NULL)
		return;
	text_release(&md->t);
	free(md);
}

void
pl_md_tasks_of(struct pl_tasks *out, const struct pl_md *md,
    const char *section)
{
	tasks_of(out, &md->t, section);
}

void
pl_md_items_of(struct pl_strlist *out, const struct pl_md *md,
    const char *section)
{
	items_of(out, &md->t, section);
}

char *
pl_md_section_of(const struct pl_md *md, const char *section)
{
	return section_of(&md->t, section);
}

/*
 * Only paragraphs at the top level count: a list's first item is not
 * what the body is about.
 */
char *
pl_md_first_paragraph(const char *body)
{
	struct text	 t;
	cmark_node	*n;
	char		*out = NULL;

	text_init(&t, body);
	for (n = cmark_node_first_child(t.doc); n != NULL;
	    n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH) {
			out = plain_trimmed(n);
			break;
		}
	}
	text_release(&t);
	return out;
}

const char *
pl_md_version(void)
{
	return cmark_version_string();
}

/* Any paragraph counts: a learner may answer a prompt with a list. */
char *
pl_md_first_words(const char *body)
{
	struct text		 t;
	cmark_iter		*it;
	cmark_node		*n;
	cmark_event_type	 ev;
	char			*out = NULL;

	text_init(&t, body);
	it = cmark_iter_new(t.doc);
	while (out == NULL && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH)
			out = plain_trimmed(n);
	}
	cmark_iter_free(it);
	text_release(&t);
	return out;
}

/*
 * Where, in the line s[i..len), a backslash keeps the line from opening
 * a block (a heading, a quote, a list item, a thematic break or a setext
 * underline), or -1.
 */
static long
block_mark(const char *s, size_t i, size_t len)
{
	size_t	d, k;

	for (d = i; d < len && d - i < 9 && s[d] >= '0' && s[d] <= '9'; d++)
		;
	if (d > i && d < len && (s[d] == '.' || s[d] == ')'))
		return d + 1 == len || s[d + 1] == ' ' || s[d + 1] == '\t' ?
		    (long)d : -1;
	if (s[i] == '#' || s[i] == '>')
		return (long)i;
	if (s[i] != '-' && s[i] != '+' && s[i] != '=')
		return -1;
	if (s[i] != '=' && (i + 1 == len || s[i + 1] == ' ' ||
	    s[i + 1] == '\t'))
		return (long)i;
	for (k = i; k < len && (s[k] == s[i] || s[k] == ' '); k++)
		;
	return k == len ? (long)i : -1;
}

/*
 * 1 when a backslash before s[i] keeps a GitHub-style renderer (GFM's
 * autolink extension: cmark-gfm, pandoc -f gfm) from making a link of
 * bare text: the : of "scheme://", the . of "www." and the @ of an
 * e-mail address.  Any ASCII punctuation may be escaped in CommonMark,
 * so the text reads the same; the escape splits the run the extension
 * matches.
 */
static int
autolink_mark(const char *s, size_t i, size_t len)
{
	if (s[i] == '@')
		return 1;
	if (s[i] == ':')
		return i + 2 < len && s[i + 1] == '/' && s[i + 2] == '/';
	return s[i] == '.' && i >= 3 && strncasecmp(s + i - 3, "www", 3) == 0;
}

void
pl_md_escape(struct pl_buf *out, const char *s, size_t len)
{
	size_t	i = 0, n;
	long	mark = -1;
	int	start = 1;

	while (i < len) {
		if ((n = pl_text_control(s + i)) > 0) {
			pl_buf_putc(out, ' ');
			i += n;
			continue;
		}
		if (start && s[i] != ' ') {
			start = 0;
			mark = block_mark(s, i, len);
		}
		if ((long)i == mark)
			pl_buf_putc(out, '\\');
		if (s[i] == '<')
			pl_buf_puts(out, "&lt;");
		else if (s[i] == '&')
			pl_buf_puts(out, "&amp;");
		else {
			if (strchr("\\`*_[]|~!", s[i]) != NULL ||
			    autolink_mark(s, i, len))
				pl_buf_putc(out, '\\');
			pl_buf_putc(out, s[i]);
		}
		i++;
	}
}
