/*
 * Entries' summaries (lib/entries/summary.h) and the packed front matter
 * under them (pl_node_pack()): a doc built from its summary is the doc
 * parsing gives, node for node, with the body's memo; the links are
 * what pl_doc_get_list() reads; and bytes that are not a whole summary
 * are refused at every length, never read past.
 */
#include <stdlib.h>
#include <string.h>

#include "entries/summary.h"
#include "pl/base/doc.h"
#include "pl/base/md.h"
#include "pl/base/node.h"
#include "tap.h"

/* Files whose front matter uses what YAML allows and pl keeps. */
static const char *const files[] = {
	"---\ntitle: Read 20 books\nterm: long\nstatus: active\n"
	"created: 2026-01-02\ndue: 2026-06-01\nstandards: [ELA.1, ELA.2]\n"
	"---\n\n## Why\n\nTo read more.\n\n## Steps\n\n- [x] one\n"
	"- [ ] two\n  - [X] nested\n",
	"\xef\xbb\xbf---\ntitle: 'quoted: yes'\nnote: \"double\\n\"\n"
	"block: |\n  line one\n  line two\nfolded: >\n  a\n  b\n"
	"tagged: !!str 12\nnull1: ~\nnull2:\nempty: ''\n---\nbody\n",
	"---\nbase: &b {x: 1, y: [a, b]}\ncopy: *b\n'key with: colon': v\n"
	"goals:\n  - g1\n  - g2\nevidence: e1\nnested: {a: {b: {c: d}}}\n"
	"...\nafter dots\n",
	"no front matter at all\n\n- [ ] a task\n",
	"---\n---\n",
	"---\r\ntitle: crlf\r\n---\r\nbody\r\n",
	"---\ngoals: {not: a list}\nevidence: [x, [y]]\n---\n",
	"---\ntitle: Ünïcødé ✓\n---\nPremier paragraphe *en* gras.\n",
};

static char *
serialize(const struct pl_doc *doc)
{
	struct pl_buf	b = PL_BUF_INIT;

	pl_doc_serialize(doc, &b);
	pl_buf_put(&b, "", 0);
	return pl_buf_detach(&b);
}

/* 1 when trees a and b are the same in every field. */
static int
same_tree(const struct pl_node *a, const struct pl_node *b)
{
	size_t	i;

	if (a->kind != b->kind || a->style != b->style ||
	    a->plain_ok != b->plain_ok || a->line != b->line ||
	    a->n != b->n || (a->value == NULL) != (b->value == NULL) ||
	    (a->value != NULL && strcmp(a->value, b->value) != 0) ||
	    (a->tag == NULL) != (b->tag == NULL) ||
	    (a->tag != NULL && strcmp(a->tag, b->tag) != 0))
		return 0;
	for (i = 0; i < a->n; i++)
		if ((a->kind == PL_NODE_MAP && strcmp(a->keys[i],
		    b->keys[i]) != 0) || !same_tree(a->items[i], b->items[i]))
			return 0;
	return 1;
}

static struct pl_doc *
parse(const char *text)
{
	struct pl_doc	*doc = NULL;

	if (pl_doc_parse(&doc, "t.md", text, strlen(text)) != 0)
		printf("# unexpected error: %s\n", pl_error_last());
	return doc;
}

static void
test_round_trip(void)
{
	struct pl_doc	*doc, *back;
	struct pl_buf	 sum = PL_BUF_INIT;
	char		*a, *b;
	size_t		 i;

	for (i = 0; i < sizeof files / sizeof *files; i++) {
		doc = parse(files[i]);
		pl_summary_derive(doc, "Steps", 1);
		pl_buf_clear(&sum);
		pl_summary_make(&sum, doc);
		back = NULL;
		is_int(pl_summary_doc(&back, sum.ptr, sum.len, files[i],
		    strlen(files[i])), 0, "file %zu: its summary read", i);
		if (back == NULL) {
			pl_doc_free(doc);
			continue;
		}
		ok(same_tree(doc->fm, back->fm), "file %zu: the same tree", i);
		is_str(back->body, doc->body, "file %zu: the same body", i);
		is_int(back->body_line, doc->body_line, "file %zu: body line",
		    i);
		ok(back->bom == doc->bom && back->has_fm == doc->has_fm,
		    "file %zu: the same mark and front matter flags", i);
		ok(back->memo.tasks && back->memo.words, "file %zu: memo "
		    "kept", i);
		is_int(back->memo.tasks_done, doc->memo.tasks_done,
		    "file %zu: tasks done", i);
		is_int(back->memo.tasks_total, doc->memo.tasks_total,
		    "file %zu: tasks", i);
		is_str(back->memo.first_words ? back->memo.first_words :
		    "(none)", doc->memo.first_words ? doc->memo.first_words :
		    "(none)", "file %zu: first words", i);
		a = serialize(doc);
		b = serialize(back);
		is_str(b, a, "file %zu: written back the same", i);
		free(a);
		free(b);
		pl_doc_free(back);
		pl_doc_free(doc);
	}
	pl_buf_release(&sum);
}

/* The memo is what pl_md_tasks() and pl_md_first_words() say. */
static void
test_memo(void)
{
	struct pl_doc	*doc = parse(files[0]);
	struct pl_buf	 sum = PL_BUF_INIT;

	pl_summary_derive(doc, "Steps", 0);
	is_int(doc->memo.tasks_done, 2, "ticked steps, nested ones too");
	is_int(doc->memo.tasks_total, 3, "all steps");
	ok(!doc->memo.words, "first words not asked for: not known");
	pl_summary_make(&sum, doc);
	pl_doc_set_body(doc, "## Steps\n\n- [ ] only\n");
	ok(!doc->memo.tasks, "a new body forgets the memo");
	pl_doc_free(doc);
	doc = NULL;
	is_int(pl_summary_doc(&doc, sum.ptr, sum.len, files[0],
	    strlen(files[0])), 0, "read back");
	ok(doc->memo.tasks && !doc->memo.words, "what was known, alone");
	pl_doc_free(doc);
	doc = parse(files[3]);
	pl_summary_derive(doc, NULL, 1);
	is_str(doc->memo.first_words, "no front matter at all",
	    "first words");
	ok(!doc->memo.tasks, "no section of tasks: none counted");
	pl_doc_free(doc);
	pl_buf_release(&sum);
}

/* Whether file i's summary names id under key. */
static int
names(size_t i, const char *key, const char *id)
{
	struct pl_doc	*doc = parse(files[i]);
	struct pl_buf	 sum = PL_BUF_INIT;
	int		 r;

	pl_summary_make(&sum, doc);
	r = pl_summary_names(sum.ptr, sum.len, key, id);
	pl_buf_release(&sum);
	pl_doc_free(doc);
	return r;
}

static void
test_names(void)
{
	is_int(names(2, "goals", "g2"), 1, "a block list names its items");
	is_int(names(2, "goals", "g"), 0, "not a prefix of one");
	is_int(names(2, "evidence", "e1"), 1, "a scalar is a list of one");
	is_int(names(0, "goals", "g1"), 0, "no list: names nothing");
	is_int(names(6, "goals", "not"), 0, "a map is no list");
	is_int(names(6, "evidence", "x"), 0, "nor a list of lists");
	is_int(names(2, "standards", "x"), -1, "a key not kept: -1");
}

/* Every cut of a summary, and bytes that are none, are refused. */
static void
test_broken(void)
{
	struct pl_doc	*doc = parse(files[2]), *back;
	struct pl_buf	 sum = PL_BUF_INIT, bad = PL_BUF_INIT;
	const char	*p;
	struct pl_node	*n;
	size_t		 len, refused = 0, i;

	pl_summary_derive(doc, "Steps", 1);
	pl_summary_make(&sum, doc);
	for (len = 0; len < sum.len; len++) {
		back = NULL;
		if (pl_summary_doc(&back, sum.ptr, len, files[2],
		    strlen(files[2])) != 0 && back == NULL)
			refused++;
		pl_doc_free(back);
	}
	is_int(refused, sum.len, "each of %zu cuts refused", sum.len);
	back = NULL;
	is_int(pl_summary_doc(&back, sum.ptr, sum.len, "short", 5), -1,
	    "a body longer than the text: refused");
	pl_buf_put(&bad, sum.ptr, sum.len);
	pl_buf_putc(&bad, 0);
	is_int(pl_summary_doc(&back, bad.ptr, bad.len, files[2],
	    strlen(files[2])), -1, "a byte after it: refused");
	for (i = 0; i < 64; i++)
		pl_buf_putc(&bad, (char)0xff);
	p = bad.ptr + sum.len;
	is_int(pl_node_unpack(&n, &p, bad.ptr + bad.len), -1, "a number "
	    "that never ends: refused");
	ok(n == NULL, "and no tree");
	pl_buf_clear(&bad);
	pl_buf_put(&bad, "\x02\x00\x00\x00\x00\x00\x7f", 7);
	p = bad.ptr;
	is_int(pl_node_unpack(&n, &p, bad.ptr + bad.len), -1, "a map of "
	    "more items than bytes: refused");
	pl_buf_release(&bad);
	pl_buf_release(&sum);
	pl_doc_free(doc);
}

int
main(void)
{
	char	*stamp = pl_summary_stamp();

	ok(strstr(stamp, pl_doc_reader_version()) != NULL &&
	    strstr(stamp, pl_md_version()) != NULL, "the stamp names the "
	    "parsers' versions: %s", stamp);
	free(stamp);
	test_round_trip();
	test_memo();
	test_names();
	test_broken();
	return done_testing();
}
