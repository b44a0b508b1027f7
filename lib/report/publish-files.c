/*
 * A site's files in memory and the helpers all of publishing shares
 * (pl/report/publish-files.h).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <git2.h>

#include "pl/report/publish-files.h"

struct pl_publish_file *
pl_publish_add(struct pl_publish *p, const char *path, const char *role,
    const char *item, struct pl_buf *data)
{
	struct pl_publish_file	*f;
	git_oid			 oid;

	p->files = pl_xrealloc(p->files, (p->nfiles + 1) * sizeof *p->files);
	f = &p->files[p->nfiles++];
	memset(f, 0, sizeof *f);
	f->path = pl_xstrdup(path);
	f->role = role;
	f->item = item != NULL ? pl_xstrdup(item) : NULL;
	f->data = *data;
	pl_buf_init(data);
	if (f->data.ptr == NULL)
		pl_buf_puts(&f->data, "");
	git_odb_hash(&oid, f->data.ptr, f->data.len, GIT_OBJECT_BLOB);
	git_oid_tostr(f->sha1, sizeof f->sha1, &oid);
	return f;
}

int
pl_publish_names_file(const char *url, const char *src, const char *id)
{
	const char	*base = strrchr(src, '/') + 1;

	if (strncmp(url, "./", 2) == 0)
		url += 2;
	return strcmp(url, src) == 0 || strcmp(url, base) == 0 ||
	    (strncmp(url, id, strlen(id)) == 0 && url[strlen(id)] == '/' &&
	    strcmp(url + strlen(id) + 1, base) == 0);
}

int
pl_publish_url_outside(const char *url)
{
	static const char *const ok[] = { "http:", "https:", "mailto:", "#",
	    NULL };
	size_t	i;

	for (i = 0; ok[i] != NULL; i++)
		if (strncasecmp(url, ok[i], strlen(ok[i])) == 0)
			return 1;
	return 0;
}

void
pl_publish_free(struct pl_publish *p)
{
	size_t	i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nfiles; i++) {
		free(p->files[i].path);
		free(p->files[i].item);
		pl_buf_release(&p->files[i].data);
	}
	for (i = 0; i < p->nleft; i++)
		free(p->left[i].id);
	free(p->files);
	free(p->left);
	free(p->name);
	free(p->title);
	pl_strlist_release(&p->warnings);
	free(p);
}

static int
local_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '%' ||
	    c == '+' || c == '-';
}

static int
label_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-';
}

/*
 * The length of the domain at s (n bytes): two or more labels joined by
 * dots, the last with a letter; 0 when there is none.
 */
static size_t
domain_len(const char *s, size_t n)
{
	size_t	i = 0, labels = 0, end = 0, start;
	int	letter;

	for (;;) {
		start = i;
		letter = 0;
		while (i < n && label_char(s[i])) {
			letter |= (s[i] >= 'a' && s[i] <= 'z') ||
			    (s[i] >= 'A' && s[i] <= 'Z');
			i++;
		}
		if (i == start)
			break;
		if (++labels >= 2 && letter)
			end = i;
		if (i + 1 >= n || s[i] != '.' || !label_char(s[i + 1]))
			break;
		i++;
	}
	return end;
}

/*
 * The first email address in s's n bytes at or after from: 1 with it in
 * [*start, *end), else 0.
 */
static int
next_email(const char *s, size_t n, size_t from, size_t *start, size_t *end)
{
	size_t	i, local, at, dom;

	for (i = from; i < n; i++) {
		if (s[i] == '@')
			at = 1;
		else if (i + 3 <= n && s[i] == '%' && s[i + 1] == '4' &&
		    s[i + 2] == '0')
			at = 3;
		else
			continue;
		for (local = i; local > from && local_char(s[local - 1]);
		    local--)
			;
		if (local == i || (dom = domain_len(s + i + at,
		    n - i - at)) == 0)
			continue;
		*start = local;
		*end = i + at + dom;
		return 1;
	}
	return 0;
}

void
pl_publish_mask_emails(struct pl_buf *out, const char *s, size_t n)
{
	size_t	from = 0, start, end;

	while (next_email(s, n, from, &start, &end)) {
		pl_buf_put(out, s + from, start - from);
		pl_buf_puts(out, "[email hidden]");
		from = end;
	}
	pl_buf_put(out, s + from, n - from);
}

int
pl_publish_has_email(const char *s, size_t n)
{
	size_t	start, end;

	return next_email(s, n, 0, &start, &end);
}
