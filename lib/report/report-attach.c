/*
 * The attached work a family's page shows: read from the commit the
 * report was made from (never the working tree, so a link or a file
 * changed since cannot slip in), then embedded in the page or copied
 * beside it.  Which files may be shown at all, the report decided with
 * the family view's rule (pl_report_build()); this file only carries
 * them out.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <git2.h>

#include "pl/report/report.h"
#include "base/thumb.h"

static void
base64(struct pl_buf *out, const unsigned char *d, size_t n)
{
	static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned long	v;
	size_t		i;

	for (i = 0; i + 2 < n; i += 3) {
		v = (unsigned long)d[i] << 16 | (unsigned long)d[i + 1] << 8 |
		    d[i + 2];
		pl_buf_putc(out, abc[v >> 18 & 63]);
		pl_buf_putc(out, abc[v >> 12 & 63]);
		pl_buf_putc(out, abc[v >> 6 & 63]);
		pl_buf_putc(out, abc[v & 63]);
	}
	if (i < n) {
		v = (unsigned long)d[i] << 16 | (i + 1 < n ?
		    (unsigned long)d[i + 1] << 8 : 0);
		pl_buf_putc(out, abc[v >> 18 & 63]);
		pl_buf_putc(out, abc[v >> 12 & 63]);
		pl_buf_putc(out, i + 1 < n ? abc[v >> 6 & 63] : '=');
		pl_buf_putc(out, '=');
	}
}

/* A path as a URL path: every byte but unreserved ones and '/' escaped. */
static void
url_path(struct pl_buf *out, const char *s)
{
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-._~/", c) != NULL)
			pl_buf_putc(out, (char)c);
		else
			pl_buf_printf(out, "%%%02X", c);
	}
}

/*
 * Makes dir/PL_REPORT_FILES with its note, when a first file is copied:
 * a page without files leaves no folder.
 */
static int
files_folder(const char *dir)
{
	static const char words[] = "pl report keeps here the files its "
	    "pages show, and empties\nthis folder each time it writes "
	    "them.\n";
	char		*files = pl_xasprintf("%s/%s", dir, PL_REPORT_FILES);
	char		*note = pl_xasprintf("%s/%s", files,
			    PL_REPORT_FILES_NOTE);
	struct stat	 st;
	int		 err = PL_OK;

	if (mkdir(files, 0777) != 0 && errno != EEXIST)
		err = pl_error_set(PL_ERROR, "cannot make the folder '%s': %s",
		    files, strerror(errno));
	else if (lstat(note, &st) != 0)
		err = pl_write_output(note, words, sizeof words - 1);
	free(files);
	free(note);
	return err;
}

/* Copies data to dir/prefix/REST for evidence/REST; f links to it. */
static int
copy(struct pl_report_file *f, const char *dir, const char *prefix,
    const char *path, const struct pl_buf *data)
{
	struct pl_buf	 href = PL_BUF_INIT;
	const char	*rest = path + strlen("evidence/");
	char		*dest = pl_xasprintf("%s/%s%s", dir, prefix, rest);
	int		 err;

	if ((err = files_folder(dir)) == PL_OK &&
	    (err = pl_make_parents(dir, dest)) == PL_OK &&
	    (err = pl_write_output(dest, data->ptr != NULL ? data->ptr : "",
	    data->len)) == PL_OK) {
		url_path(&href, prefix);
		url_path(&href, rest);
		f->href = pl_buf_detach(&href);
	}
	free(dest);
	return err;
}

/* Embeds data as a data: URI when it is a small image and room is left. */
static void
embed(struct pl_report_file *f, const struct pl_buf *data, size_t *total)
{
	struct pl_buf	 uri = PL_BUF_INIT;
	const char	*type = pl_image_type((const unsigned char *)data->ptr,
			    data->len);

	if (type == NULL || data->len > PL_REPORT_EMBED_MAX ||
	    *total + data->len > PL_REPORT_EMBED_TOTAL)
		return;
	*total += data->len;
	pl_buf_printf(&uri, "data:%s;base64,", type);
	base64(&uri, (const unsigned char *)data->ptr, data->len);
	f->href = pl_buf_detach(&uri);
}

int
pl_report_attach(struct pl_report *r, struct pl_portfolio *head,
    const char *dir, const char *prefix)
{
	struct pl_portfolio		*pf = NULL;
	struct pl_report_evidence	*e;
	struct pl_buf			 data = PL_BUF_INIT;
	size_t				 i, k, total = 0;
	int				 err = PL_OK;

	if (r->view != PL_VIEW_FAMILY)
		return PL_OK;
	for (i = 0; i < r->nevidence && err == PL_OK; i++) {
		e = &r->evidence[i];
		for (k = 0; k < e->files.n; k++) {
			if (!pl_report_file_shown(e, k))
				continue;
			if (pf == NULL && (err = pl_portfolio_open(&pf,
			    git_repository_path(pl_portfolio_repo(head)),
			    r->commit)) != PL_OK)
				break;
			pl_buf_clear(&data);
			/* a link, a submodule, too large: named only */
			if (pl_portfolio_read(&data, pf, e->files.v[k]) !=
			    PL_OK) {
				pl_error_clear();
				continue;
			}
			e->shown[k].image = pl_image_type((const unsigned char *)
			    data.ptr, data.len) != NULL;
			if (dir == NULL)
				embed(&e->shown[k], &data, &total);
			else if ((err = copy(&e->shown[k], dir, prefix,
			    e->files.v[k], &data)) != PL_OK)
				break;
		}
	}
	pl_buf_release(&data);
	pl_portfolio_free(pf);
	return err;
}

int
pl_report_files_reset(const char *dir)
{
	char		*files = pl_xasprintf("%s/%s", dir, PL_REPORT_FILES);
	char		*note = pl_xasprintf("%s/%s", files,
			    PL_REPORT_FILES_NOTE);
	struct stat	 st;
	int		 err = PL_OK;

	if (lstat(files, &st) == 0) {
		if (!S_ISDIR(st.st_mode) || lstat(note, &st) != 0)
			err = pl_error_set(PL_EEXISTS, "'%s' is in the way: "
			    "pl keeps a page's files there (move it away)",
			    files);
		else
			pl_remove_tree(files, 0);
	}
	free(files);
	free(note);
	return err;
}
