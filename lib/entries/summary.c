/*
 * Entries' summaries (summary.h).  A summary, in pl_node_pack()'s
 * numbers and strings:
 *
 *	flags: 1 the file began with a byte-order mark, 2 with front
 *	matter, 4 the memo's tasks are known, 8 its first words are
 *	the line the body starts on, and the body's length (the body
 *	is the end of the text)
 *	tasks done and total, when flag 4
 *	first words, when flag 8
 *	for each key of link_keys: 0 when its value is not a list, else
 *	1 + its number of items, and the items
 *	the front matter tree (pl_node_pack())
 */
#define _GNU_SOURCE	/* memmem() */
#include <stdlib.h>
#include <string.h>

#include "entries/summary.h"
#include "pl/base/md.h"
#include "pl/base/node.h"

#define SUMMARY_FORMAT	1

enum {
	SUM_BOM = 1,
	SUM_FM = 2,
	SUM_TASKS = 4,
	SUM_WORDS = 8
};

/* The keys whose lists link an entry to others (goals, evidence). */
static const char *const link_keys[] = { "goals", "evidence", NULL };

char *
pl_summary_stamp(void)
{
	return pl_xasprintf("entries %d; pl %s; libyaml %s; cmark %s",
	    SUMMARY_FORMAT, PL_VERSION, pl_doc_reader_version(),
	    pl_md_version());
}

void
pl_summary_derive(struct pl_doc *doc, const char *tasks, int words)
{
	struct pl_tasks	t;
	size_t		i;

	if (tasks != NULL && !doc->memo.tasks) {
		pl_md_tasks(&t, doc->body, tasks);
		doc->memo.tasks_total = t.n;
		doc->memo.tasks_done = 0;
		for (i = 0; i < t.n; i++)
			doc->memo.tasks_done += t.v[i].done != 0;
		pl_tasks_release(&t);
		doc->memo.tasks = 1;
	}
	if (words && !doc->memo.words) {
		doc->memo.first_words = pl_md_first_words(doc->body);
		doc->memo.words = 1;
	}
}

/* The list under key as pl_doc_get_list() reads it. */
static void
pack_list(struct pl_buf *out, const struct pl_doc *doc, const char *key)
{
	struct pl_strlist	l = PL_STRLIST_INIT;
	size_t			i;

	if (pl_doc_get_list(doc, "", key, &l) != PL_OK) {
		pl_error_clear();
		pl_pack_num(out, 0);
	} else {
		pl_pack_num(out, l.n + 1);
		for (i = 0; i < l.n; i++)
			pl_pack_str(out, l.v[i]);
	}
	pl_strlist_release(&l);
}

void
pl_summary_make(struct pl_buf *out, const struct pl_doc *doc)
{
	size_t	i, flags = 0;

	flags |= doc->bom ? SUM_BOM : 0;
	flags |= doc->has_fm ? SUM_FM : 0;
	flags |= doc->memo.tasks ? SUM_TASKS : 0;
	flags |= doc->memo.words ? SUM_WORDS : 0;
	pl_pack_num(out, flags);
	pl_pack_num(out, (size_t)doc->body_line);
	pl_pack_num(out, strlen(doc->body));
	if (doc->memo.tasks) {
		pl_pack_num(out, doc->memo.tasks_done);
		pl_pack_num(out, doc->memo.tasks_total);
	}
	if (doc->memo.words)
		pl_pack_str(out, doc->memo.first_words);
	for (i = 0; link_keys[i] != NULL; i++)
		pack_list(out, doc, link_keys[i]);
	pl_node_pack(out, doc->fm);
}

/* A summary's fields before its links. */
struct head {
	size_t	flags, body_line, body_len, done, total;
	char	*words;
};

static int
read_head(struct head *h, const char **p, const char *end, int keep)
{
	memset(h, 0, sizeof *h);
	if (pl_unpack_num(&h->flags, p, end) != 0 || h->flags > 15 ||
	    pl_unpack_num(&h->body_line, p, end) != 0 ||
	    h->body_line > 0x7fffffff ||
	    pl_unpack_num(&h->body_len, p, end) != 0)
		return -1;
	if ((h->flags & SUM_TASKS) && (pl_unpack_num(&h->done, p, end) != 0 ||
	    pl_unpack_num(&h->total, p, end) != 0 || h->done > h->total))
		return -1;
	if ((h->flags & SUM_WORDS) && pl_unpack_str(&h->words, p, end) != 0)
		return -1;
	if (!keep) {
		free(h->words);
		h->words = NULL;
	}
	return 0;
}

/*
 * Moves *p past one link list; with id, 1 when the list names it.  -1
 * when the bytes are not a list.
 */
static int
read_list(const char **p, const char *end, const char *id)
{
	size_t	n, len, i;
	int	found = 0;

	if (pl_unpack_num(&n, p, end) != 0)
		return -1;
	for (i = 1; i < n; i++) {
		if (pl_unpack_num(&len, p, end) != 0 || len == 0 ||
		    len - 1 > (size_t)(end - *p))
			return -1;
		found |= id != NULL && strlen(id) == len - 1 &&
		    memcmp(*p, id, len - 1) == 0;
		*p += len - 1;
	}
	return found;
}

int
pl_summary_doc(struct pl_doc **out, const char *sum, size_t len,
    const char *text, size_t text_len)
{
	const char	*p = sum, *end = sum + len;
	struct pl_doc	*doc;
	struct head	 h;
	size_t		 i;

	*out = NULL;
	if (read_head(&h, &p, end, 1) != 0)
		goto fail;
	for (i = 0; link_keys[i] != NULL; i++)
		if (read_list(&p, end, NULL) < 0)
			goto fail;
	if (h.body_len > text_len)
		goto fail;
	doc = pl_xcalloc(1, sizeof *doc);
	if (pl_node_unpack(&doc->fm, &p, end) != 0 || p != end ||
	    doc->fm->kind != PL_NODE_MAP) {
		pl_doc_free(doc);
		goto fail;
	}
	doc->bom = (h.flags & SUM_BOM) != 0;
	doc->has_fm = (h.flags & SUM_FM) != 0;
	doc->body_line = (int)h.body_line;
	doc->body = pl_xstrndup(text + text_len - h.body_len, h.body_len);
	doc->memo.tasks = (h.flags & SUM_TASKS) != 0;
	doc->memo.tasks_done = h.done;
	doc->memo.tasks_total = h.total;
	doc->memo.words = (h.flags & SUM_WORDS) != 0;
	doc->memo.first_words = h.words;
	*out = doc;
	return 0;
fail:
	free(h.words);
	return -1;
}

int
pl_summary_names(const char *sum, size_t len, const char *key,
    const char *id)
{
	const char	*p = sum, *end = sum + len;
	struct head	 h;
	size_t		 i;
	int		 found;

	if (read_head(&h, &p, end, 0) != 0)
		return -1;
	for (i = 0; link_keys[i] != NULL; i++) {
		if ((found = read_list(&p, end, id)) < 0)
			return -1;
		if (strcmp(link_keys[i], key) == 0)
			return found;
	}
	return -1;
}

int
pl_summary_mentions(const char *sum, size_t len, const char *id)
{
	struct pl_buf	 b = PL_BUF_INIT;
	int		 found;

	pl_pack_str(&b, id);
	found = memmem(sum, len, b.ptr, b.len) != NULL;
	pl_buf_release(&b);
	return found;
}
