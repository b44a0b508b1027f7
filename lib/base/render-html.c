/*
 * The HTML every page of pl shares (render.h): the head with a
 * Content-Security-Policy that forbids every request, the style sheet,
 * and the one escaping function, so a learner's page and a class page
 * are as safe as each other.
 */
#include <stdint.h>
#include <string.h>

#include "base/render.h"

void
pl_html_esc_len(struct pl_buf *out, const char *s, size_t len)
{
	size_t	i, from = 0;
	const char *rep;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		switch (c) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default:
			if ((c < 0x20 && c != '\t' && c != '\n' &&
			    c != '\r') || c == 0x7f)
				rep = "\xef\xbf\xbd";
			else
				continue;
		}
		pl_buf_put(out, s + from, i - from);
		pl_buf_puts(out, rep);
		from = i + 1;
	}
	pl_buf_put(out, s + from, len - from);
}

void
pl_html_esc(struct pl_buf *out, const char *s)
{
	if (s != NULL)
		pl_html_esc_len(out, s, strlen(s));
}

void
pl_html_esc_cut(struct pl_buf *out, const char *s, size_t max)
{
	size_t	i, n = 0, cut = 0;

	if (s == NULL)
		return;
	for (i = 0; s[i] != '\0'; i++) {
		if (((unsigned char)s[i] & 0xc0) == 0x80)
			continue;
		if (n++ == max - 1)
			cut = i;
	}
	if (n <= max) {
		pl_html_esc(out, s);
		return;
	}
	pl_html_esc_len(out, s, cut);
	pl_buf_puts(out, "\xe2\x80\xa6");
}

void
pl_html_el(struct pl_buf *out, const char *tag, const char *s)
{
	pl_buf_printf(out, "<%s>", tag);
	pl_html_esc(out, s);
	pl_buf_printf(out, "</%s>", tag);
}

void
pl_html_td(struct pl_buf *out, const char *cls, const char *s)
{
	pl_buf_printf(out, "<td class=\"%s\">", cls);
	pl_html_esc(out, s);
	pl_buf_puts(out, "</td>");
}

void
pl_html_cell(struct pl_buf *out, const char *cls, const char *label,
    const char *s)
{
	pl_buf_printf(out, "<td class=\"%s\" data-label=\"%s\">", cls, label);
	pl_html_esc(out, s);
	pl_buf_puts(out, "</td>");
}

void
pl_html_num(struct pl_buf *out, const char *label, size_t n)
{
	pl_buf_printf(out, "<td class=\"n\" data-label=\"%s\">%zu</td>", label,
	    n);
}

/* A segment a short code leaves out: a word of three letters or more. */
static int
dropped_segment(const char *s, size_t len)
{
	size_t	i;

	if (len < 3)
		return 0;
	for (i = 0; i < len; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return 0;
	return 1;
}

/*
 * The length, at most len, of the prefix of a that b begins with too,
 * made of whole segments ending in '.', each dropped_segment(), b going
 * on after it.
 */
static size_t
code_prefix(const char *a, size_t len, const char *b)
{
	size_t	i = 0, end;
	const char *dot;

	while ((dot = strchr(a + i, '.')) != NULL) {
		end = (size_t)(dot - a) + 1;
		if (end > len || strncmp(a, b, end) != 0 ||
		    b[end] == '\0' || !dropped_segment(a + i, end - 1 - i))
			break;
		i = end;
	}
	return i;
}

size_t
pl_html_code_cut(const void *items, size_t n, size_t size, size_t off)
{
	const char	*base = items, *first, *code;
	size_t		 i, len = SIZE_MAX;

	if (n == 0)
		return 0;
	memcpy(&first, base + off, sizeof first);
	for (i = 0; i < n; i++) {
		memcpy(&code, base + i * size + off, sizeof code);
		len = code_prefix(first, len, code);
	}
	return len;
}

void
pl_html_key(struct pl_buf *out, const char *colour, const char *word)
{
	pl_buf_printf(out, "<span class=\"keyed\"><span class=\"key\" "
	    "style=\"background:%s\"></span>", colour);
	pl_html_esc(out, word);
	pl_buf_puts(out, "</span>");
}

void
pl_html_count(struct pl_buf *out, size_t n, const char *one,
    const char *many)
{
	pl_buf_printf(out, "%zu %s", n, n == 1 ? one : many);
}


static const char css[] =
"*,*::before,*::after{box-sizing:border-box}\n"
"body{margin:0 auto;max-width:60rem;padding:1rem;color:#1a1a1a;"
"background:#fff;font:16px/1.5 system-ui,-apple-system,\"Segoe UI\","
"Roboto,\"Helvetica Neue\",Arial,sans-serif;overflow-wrap:break-word}\n"
"h1{font-size:1.7rem;margin:0 0 .25rem}\n"
"h2{font-size:1.3rem;margin:2rem 0 .5rem;padding-bottom:.2rem;"
"border-bottom:2px solid #d0d7de}\n"
"h3{font-size:1.1rem;margin:0 0 .3rem}\n"
"h4,h5,h6{font-size:1rem;margin:.6rem 0 .2rem}\n"
".md>:first-child{margin-top:0}\n"
"header p{margin:.2rem 0}\n"
".meta,.src,footer{color:#555;font-size:.9rem}\n"
".card{border:1px solid #d0d7de;border-radius:6px;padding:.75rem 1rem;"
"margin:.75rem 0;break-inside:avoid}\n"
".next{font-weight:600}\n"
".flag{display:inline-block;border:1px solid;border-radius:4px;"
"padding:0 .35rem;margin:0 .25rem .2rem 0;font-size:.85rem;"
"font-weight:600}\n"
".overdue{color:#a40e26;background:#ffebe9}\n"
".stalled{color:#7d4e00;background:#fff8c5}\n"
".behind{color:#953800;background:#fff1e5}\n"
".ok{color:#116329;background:#dafbe1}\n"
".scroll{overflow-x:auto;margin:.5rem 0}\n"
"table{border-collapse:collapse;font-size:.9rem;min-width:100%}\n"
"th,td{border-bottom:1px solid #d0d7de;padding:.3rem .5rem;"
"text-align:left;vertical-align:top}\n"
"th{background:#f6f8fa}\n"
"td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\n"
"td.n,td.d,td.c,time{white-space:nowrap}\n"
"tr{break-inside:avoid}\n"
"figure{margin:1rem 0;break-inside:avoid}\n"
"figcaption{font-size:.9rem;color:#444}\n"
"svg{display:block;width:100%;max-width:32rem;height:auto}\n"
".grid{display:grid;grid-template-columns:repeat(auto-fill,"
"minmax(22rem,1fr));gap:0 1.5rem}\n"
".grid figure{margin:.5rem 0}\n"
"svg text{font:13px system-ui,-apple-system,\"Segoe UI\",Roboto,"
"Arial,sans-serif;fill:#1a1a1a}\n"
".key{display:inline-block;width:.8em;height:.8em;margin:0 .3em 0 .6em;"
"border:1px solid #555;vertical-align:-.05em}\n"
".keyed{white-space:nowrap}\n"
".md{overflow-x:auto}\n"
".md img{max-width:100%}\n"
".md pre{white-space:pre-wrap}\n"
"ul.plain{padding-left:1.2rem}\n"
"td.wrap{overflow-wrap:anywhere}\n"
"td.mail{min-width:12rem}\n"
/*
 * On a phone a wide table's rows become cards, each cell after the
 * first labelled with its column (data-label), so that no column is
 * out of sight: the head stays for screen readers.
 */
"@media screen and (max-width:40rem){"
"table.cards{min-width:0;width:100%}"
"table.cards thead{position:absolute;width:1px;height:1px;"
"overflow:hidden;clip:rect(0 0 0 0)}"
"table.cards tbody{display:block}"
"table.cards tr{display:flex;flex-wrap:wrap;gap:0 1rem;"
"padding:.4rem .5rem;border-bottom:1px solid #d0d7de}"
"table.cards td{display:block;border:0;padding:0;text-align:left;"
"min-width:0}"
"table.cards td:first-child{flex-basis:100%;font-weight:600}"
"table.cards td.line{flex-basis:100%}"
"table.cards td[data-label]::before{content:attr(data-label) \": \";"
"color:#555;font-weight:400}}\n"

".sr{position:absolute;width:1px;min-width:0;height:1px;"
"overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}\n"
"code{font-size:.9em}\n"
"footer{margin-top:2rem;border-top:1px solid #d0d7de;padding-top:.5rem}\n"
/*
 * No page size: the same margins fit A4 and Letter, so the printer's
 * paper decides.  Scrolling wrappers would cut tables on paper, so
 * there tables shrink and their cells wrap to the paper's width.
 */
"@page{margin:15mm 12mm}\n"
"@media print{body{max-width:none;padding:0;font-size:11pt}"
".scroll,.md{overflow:visible}"
"table{font-size:8pt;min-width:0;width:100%}"
"th,td{padding:.15rem .25rem;overflow-wrap:anywhere}"
"td.n,td.d,td.c,time{white-space:normal}"
"h2,h3{break-after:avoid}"
"a{color:inherit}"
"details::details-content{content-visibility:visible;display:block}"
"svg{max-width:16cm}}\n";

void
pl_html_begin(struct pl_buf *out)
{
	pl_html_begin_images(out, 0);
}

void
pl_html_begin_images(struct pl_buf *out, int self)
{
	pl_html_begin_policy(out, self ? "default-src 'none'; style-src "
	    "'unsafe-inline'; img-src data: 'self'" : "default-src 'none'; "
	    "style-src 'unsafe-inline'; img-src data:");
}

void
pl_html_begin_policy(struct pl_buf *out, const char *policy)
{
	pl_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\"");
	pl_buf_puts(out, policy);
	pl_buf_puts(out, "\">\n");
	pl_buf_puts(out,
	    "<meta name=\"referrer\" content=\"no-referrer\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<meta name=\"generator\" content=\"pl\">\n"
	    "<title>");
}

void
pl_html_style(struct pl_buf *out, const char *more)
{
	pl_buf_puts(out, "</title>\n<style>\n");
	pl_buf_puts(out, css);
	if (more != NULL)
		pl_buf_puts(out, more);
	pl_buf_puts(out, "</style>\n</head>\n<body>\n");
}
