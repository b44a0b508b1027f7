/*
 * pl as git's merge driver: the .gitattributes lines that name it, the
 * config that defines it, and the driver itself (see pl/store/driver.h).
 */
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "pl/store/driver.h"
#include "pl/base/merge.h"
#include "store/git.h"

/* The files pl merges: its entries and the profile, nothing else. */
static const char *const patterns[] = {
	"goals/*.md",
	"evidence/*.md",
	"reflections/*.md",
	"/profile.md",		/* "/": not an attachment of that name */
	NULL
};

#define DRIVER_ATTR "merge=pl"

/* 1 when the line s (n bytes) gives pattern the attribute merge=pl. */
static int
line_names(const char *s, size_t n, const char *pattern)
{
	const char	*end = s + n, *w;
	size_t		 plen = strlen(pattern), wlen;
	int		 first = 1;

	while (s < end) {
		while (s < end && (*s == ' ' || *s == '\t' || *s == '\r'))
			s++;
		for (w = s; s < end && *s != ' ' && *s != '\t' && *s != '\r';)
			s++;
		if ((wlen = (size_t)(s - w)) == 0)
			break;
		if (first) {
			if (wlen != plen || memcmp(w, pattern, plen) != 0)
				return 0;
			first = 0;
		} else if (wlen == strlen(DRIVER_ATTR) &&
		    memcmp(w, DRIVER_ATTR, wlen) == 0)
			return 1;
	}
	return 0;
}

static int
has_line(const char *text, const char *pattern)
{
	const char	*s, *nl;

	for (s = text; *s != '\0'; s = nl + 1) {
		if ((nl = strchr(s, '\n')) == NULL)
			return line_names(s, strlen(s), pattern);
		if (line_names(s, (size_t)(nl - s), pattern))
			return 1;
	}
	return 0;
}

size_t
pl_driver_attributes(struct pl_buf *out, const char *text)
{
	size_t	i, added = 0;

	pl_buf_puts(out, text);
	for (i = 0; patterns[i] != NULL; i++) {
		if (has_line(text, patterns[i]))
			continue;
		if (out->len > 0 && out->ptr[out->len - 1] != '\n')
			pl_buf_putc(out, '\n');
		pl_buf_printf(out, "%s " DRIVER_ATTR "\n", patterns[i]);
		added++;
	}
	return added;
}

/* What git's merge of the texts leaves, conflict markers and all. */
static int
text_merge(struct pl_buf *out, const struct pl_buf *b, const struct pl_buf *o,
    const struct pl_buf *t, const char *path, int marker_size)
{
	git_merge_file_input	 ib, io, it;
	git_merge_file_options	 opts;
	git_merge_file_result	 res;
	int			 rc;

	memset(&res, 0, sizeof res);
	/* these fail only for a version other than the headers' own */
	(void)git_merge_file_input_init(&ib, GIT_MERGE_FILE_INPUT_VERSION);
	(void)git_merge_file_input_init(&io, GIT_MERGE_FILE_INPUT_VERSION);
	(void)git_merge_file_input_init(&it, GIT_MERGE_FILE_INPUT_VERSION);
	(void)git_merge_file_options_init(&opts,
	    GIT_MERGE_FILE_OPTIONS_VERSION);
	ib.ptr = b->ptr;
	ib.size = b->len;
	io.ptr = o->ptr;
	io.size = o->len;
	it.ptr = t->ptr;
	it.size = t->len;
	ib.path = io.path = it.path = path;
	opts.our_label = "ours";
	opts.their_label = "theirs";
	opts.ancestor_label = "base";
	opts.marker_size = (unsigned short)(marker_size > 0 ? marker_size :
	    GIT_MERGE_CONFLICT_MARKER_SIZE);
	if ((rc = git_merge_file(&res, &ib, &io, &it, &opts)) < 0)
		return pl_error_git(rc, path);
	/* NULL for a binary file: git keeps ours as it is */
	if (res.ptr != NULL)
		pl_buf_put(out, res.ptr, res.len);
	rc = res.ptr != NULL;
	git_merge_file_result_free(&res);
	return rc;
}

int
pl_merge_driver(struct pl_strlist *conflicts, const char *base,
    const char *ours, const char *theirs, const char *path, int marker_size)
{
	struct pl_buf	 b = PL_BUF_INIT, o = PL_BUF_INIT, t = PL_BUF_INIT;
	struct pl_buf	 out = PL_BUF_INIT;
	char		*why = NULL;
	int		 err;

	if ((err = pl_lib_hold()) != 0)
		goto done;
	if ((err = pl_read_bytes(&b, base)) != 0 ||
	    (err = pl_read_bytes(&o, ours)) != 0 ||
	    (err = pl_read_bytes(&t, theirs)) != 0)
		goto shutdown;
	if (memchr(b.ptr, '\0', b.len) != NULL ||
	    memchr(o.ptr, '\0', o.len) != NULL ||
	    memchr(t.ptr, '\0', t.len) != NULL) {
		/* a NUL: binary or UTF-16, which git's merge keeps as ours */
		err = pl_error_set(PL_ECONFLICT, "%s: cannot merge a file "
		    "holding a NUL byte (binary or UTF-16?); ours is kept",
		    path);
		goto shutdown;
	}
	err = pl_merge_file(&out, conflicts, path, b.ptr, o.ptr, t.ptr);
	if (err == PL_OK) {
		err = pl_replace_file(ours, out.ptr, out.len);
		goto shutdown;
	}
	if (err != PL_ECONFLICT)
		goto shutdown;
	why = pl_xstrdup(pl_error_last());
	pl_buf_clear(&out);
	if ((err = text_merge(&out, &b, &o, &t, path, marker_size)) < 0 ||
	    (err == 1 && (err = pl_replace_file(ours, out.ptr,
	    out.len)) != 0))
		goto shutdown;
	err = pl_error_set(PL_ECONFLICT, "%s", why);
shutdown:
	pl_lib_release();
done:
	pl_buf_release(&b);
	pl_buf_release(&o);
	pl_buf_release(&t);
	pl_buf_release(&out);
	free(why);
	return err;
}
