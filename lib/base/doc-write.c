/*
 * A document written back as text: the tree of its front matter through
 * libyaml's emitter, in the styles it was read or set with, between "---"
 * lines, then the body unchanged.  Characters above U+FFFF take a detour
 * through the private use area, which libyaml would otherwise escape.
 */
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "pl/base/doc.h"

/* The private use area stands in for characters above U+FFFF. */
#define PUA_HI		0xe000
#define PUA_LO		0xe400
#define PUA_END		0xe800

struct writer {
	yaml_emitter_t	 emitter;
	int		 hide;		/* astral characters hidden in PUA */
};

/*
 * Decodes one UTF-8 character of s (n bytes left) into *cp and returns its
 * length, or 0 when the bytes are not valid UTF-8.
 */
static size_t
utf8_decode(const unsigned char *s, size_t n, unsigned *cp)
{
	size_t		len, i;
	unsigned	min;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0) {
		len = 2;
		min = 0x80;
		*cp = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		len = 3;
		min = 0x800;
		*cp = s[0] & 0x0f;
	} else if ((s[0] & 0xf8) == 0xf0) {
		len = 4;
		min = 0x10000;
		*cp = s[0] & 0x07;
	} else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3f);
	}
	if (*cp < min || *cp > 0x10ffff || (*cp >= 0xd800 && *cp <= 0xdfff))
		return 0;
	return len;
}

static void
utf8_put(struct pl_buf *b, unsigned cp)
{
	char	c[4];

	if (cp < 0x80) {
		pl_buf_putc(b, (char)cp);
		return;
	}
	if (cp < 0x800) {
		c[0] = (char)(0xc0 | (cp >> 6));
		c[1] = (char)(0x80 | (cp & 0x3f));
		pl_buf_put(b, c, 2);
		return;
	}
	if (cp < 0x10000) {
		c[0] = (char)(0xe0 | (cp >> 12));
		c[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		c[2] = (char)(0x80 | (cp & 0x3f));
		pl_buf_put(b, c, 3);
		return;
	}
	c[0] = (char)(0xf0 | (cp >> 18));
	c[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	c[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	c[3] = (char)(0x80 | (cp & 0x3f));
	pl_buf_put(b, c, 4);
}

/*
 * libyaml 0.2.5 counts characters above U+FFFF (emoji) as unprintable and
 * escapes them ("\U0001F389").  To have them written as UTF-8 each goes
 * to the emitter as two private-use characters, which libyaml prints as
 * they are, and show_astral() turns the pairs back.  Bytes that are not
 * UTF-8 become U+FFFD, as libyaml would refuse the whole scalar.
 */
static char *
hide_astral(const char *s, int hide)
{
	struct pl_buf	 b = PL_BUF_INIT;
	const char	*end = s + strlen(s);
	size_t		 len;
	unsigned	 cp;

	while (s < end) {
		len = utf8_decode((const unsigned char *)s, (size_t)(end - s),
		    &cp);
		if (len == 0) {
			cp = 0xfffd;
			len = 1;
		}
		if (hide && cp >= 0x10000) {
			utf8_put(&b, PUA_HI + ((cp - 0x10000) >> 10));
			utf8_put(&b, PUA_LO + ((cp - 0x10000) & 0x3ff));
		} else
			utf8_put(&b, cp);
		s += len;
	}
	return pl_buf_detach(&b);
}

static void
show_astral(struct pl_buf *out, const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, len, len2;
	unsigned		 hi, lo;

	while (i < n) {
		len = utf8_decode(p + i, n - i, &hi);
		if (len == 3 && hi >= PUA_HI && hi < PUA_LO) {
			len2 = utf8_decode(p + i + 3, n - i - 3, &lo);
			if (len2 == 3 && lo >= PUA_LO && lo < PUA_END) {
				utf8_put(out, 0x10000 + ((hi - PUA_HI) << 10) +
				    (lo - PUA_LO));
				i += 6;
				continue;
			}
		}
		if (len == 0)
			len = 1;
		pl_buf_put(out, s + i, len);
		i += len;
	}
}

/* Does s hold characters of the range hide_astral() borrows? */
static int
has_pua(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n = strlen(s), len;
	unsigned		 cp;

	while (n > 0) {
		len = utf8_decode(p, n, &cp);
		if (len == 0)
			len = 1;
		else if (cp >= PUA_HI && cp < PUA_END)
			return 1;
		p += len;
		n -= len;
	}
	return 0;
}

static int
tree_has_pua(const struct pl_node *n)
{
	size_t	i;

	if (n->value != NULL && has_pua(n->value))
		return 1;
	for (i = 0; i < n->n; i++) {
		if ((n->keys != NULL && has_pua(n->keys[i])) ||
		    tree_has_pua(n->items[i]))
			return 1;
	}
	return 0;
}

/* A failure here is a bug in this file: the tree is always valid YAML. */
static void
emit(struct writer *w, yaml_event_t *ev)
{
	if (!yaml_emitter_emit(&w->emitter, ev))
		abort();
}

static void
emit_scalar(struct writer *w, const char *value, const char *tag, int style,
    int plain_ok)
{
	yaml_event_t	 ev;
	char		*s = hide_astral(value, w->hide);
	int		 plain_implicit = plain_ok, quoted_implicit = 1;

	if (tag != NULL)
		plain_implicit = quoted_implicit = 0;
	if (!yaml_scalar_event_initialize(&ev, NULL, (yaml_char_t *)tag,
	    (yaml_char_t *)s, (int)strlen(s), plain_implicit,
	    quoted_implicit, (yaml_scalar_style_t)style))
		abort();
	free(s);
	emit(w, &ev);
}

static void
emit_node(struct writer *w, const struct pl_node *n)
{
	yaml_event_t	ev;
	yaml_char_t	*tag = (yaml_char_t *)n->tag;
	size_t		 i;
	int		 ok;

	if (n->kind == PL_NODE_SCALAR) {
		emit_scalar(w, n->value != NULL ? n->value : "", n->tag,
		    n->style, n->plain_ok);
		return;
	}
	if (n->kind == PL_NODE_SEQ)
		ok = yaml_sequence_start_event_initialize(&ev, NULL, tag,
		    tag == NULL, (yaml_sequence_style_t)n->style);
	else
		ok = yaml_mapping_start_event_initialize(&ev, NULL, tag,
		    tag == NULL, (yaml_mapping_style_t)n->style);
	if (!ok)
		abort();
	emit(w, &ev);
	for (i = 0; i < n->n; i++) {
		/* Keys lost their style when read; the emitter picks. */
		if (n->kind == PL_NODE_MAP)
			emit_scalar(w, n->keys[i], NULL,
			    YAML_ANY_SCALAR_STYLE, 1);
		emit_node(w, n->items[i]);
	}
	if (n->kind == PL_NODE_SEQ)
		yaml_sequence_end_event_initialize(&ev);
	else
		yaml_mapping_end_event_initialize(&ev);
	emit(w, &ev);
}

static int
write_out(void *data, unsigned char *s, size_t n)
{
	pl_buf_put(data, (const char *)s, n);
	return 1;
}

/*
 * The emitter ends a document whose last scalar keeps trailing newlines
 * ("|+") with "..."; the closing "---" does that job.
 */
static void
strip_document_end(struct pl_buf *b, const char *eol)
{
	size_t	n = 3 + strlen(eol);

	if (b->len >= n && memcmp(b->ptr + b->len - n, "...", 3) == 0 &&
	    strcmp(b->ptr + b->len - strlen(eol), eol) == 0 &&
	    (b->len == n || b->ptr[b->len - n - 1] == '\n')) {
		b->len -= n;
		b->ptr[b->len] = '\0';
	}
}

static void
emit_yaml(const struct pl_node *root, int hide, int crlf,
    struct pl_buf *yaml)
{
	struct writer	w;
	yaml_event_t	ev;

	memset(&w, 0, sizeof w);
	w.hide = hide;
	if (!yaml_emitter_initialize(&w.emitter))
		abort();
	yaml_emitter_set_output(&w.emitter, write_out, yaml);
	yaml_emitter_set_unicode(&w.emitter, 1);
	yaml_emitter_set_width(&w.emitter, -1);
	yaml_emitter_set_indent(&w.emitter, 2);
	yaml_emitter_set_break(&w.emitter, crlf ? YAML_CRLN_BREAK :
	    YAML_LN_BREAK);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit(&w, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	emit(&w, &ev);
	emit_node(&w, root);
	yaml_document_end_event_initialize(&ev, 1);
	emit(&w, &ev);
	yaml_stream_end_event_initialize(&ev);
	emit(&w, &ev);
	yaml_emitter_delete(&w.emitter);
}

/*
 * The front matter's lines end as the body's first line does, so a file
 * kept with CRLF stays CRLF throughout.
 */
void
pl_doc_serialize(const struct pl_doc *doc, struct pl_buf *out)
{
	struct pl_buf	 yaml = PL_BUF_INIT;
	const char	*nl = strchr(doc->body, '\n');
	const char	*eol = "\n";
	int		 crlf = nl != NULL && nl > doc->body && nl[-1] == '\r';
	int		 hide;

	if (crlf)
		eol = "\r\n";
	if (doc->bom)
		pl_buf_puts(out, PL_DOC_BOM);
	pl_buf_printf(out, "---%s", eol);
	if (doc->fm->n > 0) {
		hide = !tree_has_pua(doc->fm);
		emit_yaml(doc->fm, hide, crlf, &yaml);
		strip_document_end(&yaml, eol);
		/*
		 * Only the pairs pl made are turned back: with private-use
		 * characters of the person's own, it made none.
		 */
		if (hide)
			show_astral(out, yaml.ptr, yaml.len);
		else
			pl_buf_put(out, yaml.ptr, yaml.len);
	}
	pl_buf_printf(out, "---%s", eol);
	pl_buf_puts(out, doc->body);
	pl_buf_release(&yaml);
}
