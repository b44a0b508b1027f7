/*
 * What the report format tests share: comparing a renderer's bytes with
 * a file under tests/data/, finding each key of its JSON in
 * docs/report-schema.md, and looking for strings in a page.  Include
 * after tap.h.
 */
#ifndef PL_TEST_GOLDEN_H
#define PL_TEST_GOLDEN_H

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pl/base/util.h"

static const char *
source_root(void)
{
	const char	*root = getenv("PL_SOURCE_ROOT");

	return root != NULL ? root : "..";
}

/*
 * Compares got with tests/data/<dir>/<name>, then empties got; when
 * they differ, writes what was made beside the test as <name>.got.
 */
static void __attribute__((unused))
expect_file(const char *dir, const char *name, struct pl_buf *got)
{
	struct pl_buf	 want = PL_BUF_INIT;
	char		*path;
	FILE		*fp;

	path = pl_xasprintf("%s/tests/data/%s/%s", source_root(), dir, name);
	if (pl_read_file(&want, path) != PL_OK)
		pl_buf_puts(&want, "(missing)");
	if (!ok(strcmp(pl_buf_cstr(got), pl_buf_cstr(&want)) == 0,
	    "%s as expected", name)) {
		free(path);
		path = pl_xasprintf("%s.got", name);
		if ((fp = fopen(path, "w")) != NULL) {
			fputs(pl_buf_cstr(got), fp);
			fclose(fp);
		}
		printf("#   see %s\n", path);
	}
	free(path);
	pl_buf_release(&want);
	pl_buf_clear(got);
}

/*
 * The text of docs/report-schema.md from the heading "## <from>" to
 * the next "## " heading, or all of it when from is NULL.  The caller
 * frees.
 */
static char * __attribute__((unused))
schema_doc(const char *from)
{
	struct pl_buf	 doc = PL_BUF_INIT;
	char		*path, *head, *start, *end;

	path = pl_xasprintf("%s/docs/report-schema.md", source_root());
	if (pl_read_file(&doc, path) != PL_OK)
		pl_buf_puts(&doc, "");
	free(path);
	if (from == NULL)
		return pl_buf_detach(&doc);
	head = pl_xasprintf("\n## %s\n", from);
	start = strstr(pl_buf_cstr(&doc), head);
	free(head);
	if (start == NULL) {
		pl_buf_release(&doc);
		return pl_xstrdup("");
	}
	start++;
	end = strstr(start + 3, "\n## ");
	head = end != NULL ? pl_xasprintf("%.*s", (int)(end - start), start) :
	    pl_xstrdup(start);
	pl_buf_release(&doc);
	return head;
}

/*
 * The keys of j, at any depth, that doc does not name as `key`, each
 * said in a diagnostic line with its path; the values of an object
 * under the key data (names that come from the data, as a roster's
 * extra columns) are not walked.  Returns how many.
 */
static size_t __attribute__((unused))
undocumented(const json_t *j, const char *doc, const char *path,
    const char *data)
{
	const char	*key;
	json_t		*v;
	size_t		 i, n = 0;
	char		*quoted, *sub;

	if (json_is_array(j)) {
		for (i = 0; i < json_array_size(j); i++)
			n += undocumented(json_array_get(j, i), doc, path, data);
		return n;
	}
	if (!json_is_object(j))
		return 0;
	json_object_foreach((json_t *)j, key, v) {
		quoted = pl_xasprintf("`%s`", key);
		sub = pl_xasprintf("%s%s.", path, key);
		if (strstr(doc, quoted) == NULL) {
			printf("#   undocumented key %s%s\n", path, key);
			n++;
		}
		if (data == NULL || strcmp(key, data) != 0)
			n += undocumented(v, doc, sub, data);
		free(quoted);
		free(sub);
	}
	return n;
}

/*
 * Checks that json reads back and that each of its keys is named in the
 * schema's section from (NULL: anywhere), as undocumented() looks.
 */
static void __attribute__((unused))
check_schema(const char *json, const char *from, const char *data)
{
	json_t	*j = json_loads(json, 0, NULL);
	char	*doc = schema_doc(from);

	ok(j != NULL, "the JSON reads back");
	is_int(undocumented(j, doc, "", data), 0, "every key documented%s%s",
	    from != NULL ? " in " : "", from != NULL ? from : "");
	json_decref(j);
	free(doc);
}

static size_t __attribute__((unused))
occurrences(const char *s, const char *what)
{
	size_t	n = 0;

	while ((s = strstr(s, what)) != NULL) {
		n++;
		s += strlen(what);
	}
	return n;
}

/* 1 when a, b and c occur in s in that order. */
static int __attribute__((unused))
in_order(const char *s, const char *a, const char *b, const char *c)
{
	const char *pa = strstr(s, a), *pb = strstr(s, b), *pc = strstr(s, c);

	return pa != NULL && pb != NULL && pc != NULL && pa < pb && pb < pc;
}

#endif
