/*
 * A showcase's site put in its folder (publish.h).  The folder is the
 * user's: pl writes and removes only the files its manifest names, and
 * the manifest names a file before pl first writes it, so a run stopped
 * anywhere (a full disk, a kill) leaves whole files that the next run
 * knows as its own.  Every file goes through pl_write_output(), a
 * temporary file renamed into place; new pages come before the index
 * that links them, and files leave only once the new index is in place.
 * Or the same files in one zip archive, for a mail or an upload.
 */
#define _XOPEN_SOURCE 700	/* realpath(3) */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>

#include "pl/report/publish.h"
#include "base/zip.h"

#define HEADER	"# pl publish: the files of this site that pl wrote " \
		"(git blob id, bytes, path)\n"

/* What a file's entry in the manifest says; sha1 "-" when unknown. */
struct owned {
	char	*path;
	char	 sha1[41];
	size_t	 bytes;
};

struct manifest {
	struct owned	*v;
	size_t		 n;
	struct pl_buf	 text;	/* as read */
};

static void
manifest_release(struct manifest *m)
{
	size_t	i;

	for (i = 0; i < m->n; i++)
		free(m->v[i].path);
	free(m->v);
	pl_buf_release(&m->text);
}

/*
 * A path pl could have written: plain segments of [A-Za-z0-9._-], none
 * "." or "..", not the manifest.  A line naming anything else is
 * ignored, so an edited manifest cannot make pl touch a file outside
 * the folder or one it did not write.
 */
static int
safe_path(const char *p)
{
	size_t	k;

	if (strcmp(p, PL_PUBLISH_MANIFEST) == 0)
		return 0;
	for (;; p += k + 1) {
		k = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRST"
		    "UVWXYZ0123456789._-");
		if (k == 0 || (k == 1 && p[0] == '.') || (k == 2 &&
		    strncmp(p, "..", 2) == 0))
			return 0;
		if (p[k] == '\0')
			return 1;
		if (p[k] != '/')
			return 0;
	}
}

static void
owned_add(struct manifest *m, const char *path, const char *sha1,
    size_t bytes)
{
	struct owned	*o;

	m->v = pl_xrealloc(m->v, (m->n + 1) * sizeof *m->v);
	o = &m->v[m->n++];
	o->path = pl_xstrdup(path);
	snprintf(o->sha1, sizeof o->sha1, "%s", sha1);
	o->bytes = bytes;
}

static void
parse_line(struct manifest *m, char *line)
{
	char		*bytes, *path, *end;
	unsigned long	 n;

	if ((bytes = strchr(line, ' ')) == NULL)
		return;
	*bytes++ = '\0';
	if ((path = strchr(bytes, ' ')) == NULL)
		return;
	*path++ = '\0';
	n = strtoul(bytes, &end, 10);
	if (*end != '\0' || strlen(line) > 40 || !safe_path(path))
		return;
	owned_add(m, path, line, n);
}

static int
manifest_read(struct manifest *m, const char *file)
{
	char		*copy, *line, *next;
	struct stat	 st;
	int		 err;

	memset(m, 0, sizeof *m);
	if (lstat(file, &st) != 0 && errno == ENOENT)
		return PL_OK;
	if (!S_ISREG(st.st_mode) || (err = pl_read_bytes(&m->text, file)) !=
	    PL_OK || strncmp(pl_buf_cstr(&m->text), HEADER,
	    strlen(HEADER)) != 0) {
		pl_error_clear();
		return pl_error_set(PL_EEXISTS, "'%s' is in the way: it is "
		    "not the list of files pl publish wrote (move it away)",
		    file);
	}
	copy = pl_xstrdup(pl_buf_cstr(&m->text) + strlen(HEADER));
	for (line = copy; *line != '\0'; line = next) {
		next = line + strcspn(line, "\n");
		if (*next != '\0')
			*next++ = '\0';
		parse_line(m, line);
	}
	free(copy);
	return PL_OK;
}

static const struct owned *
owned_find(const struct manifest *m, const char *path)
{
	size_t	i;

	for (i = 0; i < m->n; i++)
		if (strcmp(m->v[i].path, path) == 0)
			return &m->v[i];
	return NULL;
}

static const struct pl_publish_file *
file_find(const struct pl_publish *p, const char *path)
{
	size_t	i;

	for (i = 0; i < p->nfiles; i++)
		if (strcmp(p->files[i].path, path) == 0)
			return &p->files[i];
	return NULL;
}

static void
manifest_text(struct pl_buf *out, const struct manifest *m)
{
	size_t	i;

	pl_buf_puts(out, HEADER);
	for (i = 0; i < m->n; i++)
		pl_buf_printf(out, "%s %zu %s\n", m->v[i].sha1, m->v[i].bytes,
		    m->v[i].path);
}

/* Writes m as dir's manifest, unless it says that already. */
static int
manifest_write(const struct manifest *m, const char *dir,
    const struct pl_buf *now)
{
	struct pl_buf	 b = PL_BUF_INIT;
	char		*file;
	int		 err = PL_OK;

	manifest_text(&b, m);
	if (b.len != now->len || memcmp(b.ptr, pl_buf_cstr(now), b.len) != 0) {
		file = pl_xasprintf("%s/%s", dir, PL_PUBLISH_MANIFEST);
		err = pl_write_output(file, b.ptr, b.len);
		free(file);
	}
	pl_buf_release(&b);
	return err;
}

static int
in_the_way(const char *path)
{
	return pl_error_set(PL_EEXISTS, "'%s' is in the way: pl publish did "
	    "not write it (move it away, or publish to another folder)", path);
}

/*
 * Checks that path (from dir) can be written: each folder on the way a
 * folder or missing, the file missing or a regular file the manifest
 * names.  A link is never written through.
 */
static int
check_place(const char *dir, const char *path, const struct manifest *old)
{
	char		*full = pl_xasprintf("%s/%s", dir, path), *s;
	struct stat	 st;
	int		 err = PL_OK;

	for (s = full + strlen(dir) + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (lstat(full, &st) != 0) {
			free(full);
			return PL_OK;
		}
		if (!S_ISDIR(st.st_mode))
			err = in_the_way(full);
		*s = '/';
		if (err != PL_OK)
			break;
	}
	if (err == PL_OK && lstat(full, &st) == 0 && (!S_ISREG(st.st_mode) ||
	    owned_find(old, path) == NULL))
		err = in_the_way(full);
	free(full);
	return err;
}

/* 1 when dir/f holds f's bytes, as the manifest and its size say. */
static int
unchanged(const char *dir, const struct pl_publish_file *f,
    const struct manifest *old)
{
	const struct owned	*o = owned_find(old, f->path);
	char			*full;
	struct stat		 st;
	int			 same;

	if (o == NULL || strcmp(o->sha1, f->sha1) != 0 || o->bytes !=
	    f->data.len)
		return 0;
	full = pl_xasprintf("%s/%s", dir, f->path);
	same = lstat(full, &st) == 0 && S_ISREG(st.st_mode) &&
	    (size_t)st.st_size == f->data.len;
	free(full);
	return same;
}

/*
 * Removes what writers killed before their rename left in the folder of
 * full (pl_tmp_sweep()), once per folder: the next run mends a site.
 */
static void
sweep(struct pl_strlist *swept, const char *full)
{
	char	*folder = pl_xstrndup(full, strrchr(full, '/') - full);

	if (pl_strlist_find(swept, folder) < 0) {
		pl_tmp_sweep(folder);
		pl_strlist_push(swept, folder);
	}
	free(folder);
}

static int
put(struct pl_publish_stats *st, const char *dir,
    const struct pl_publish_file *f, const struct manifest *old,
    struct pl_strlist *swept)
{
	char	*full;
	int	 err;

	if (unchanged(dir, f, old)) {
		st->unchanged++;
		return PL_OK;
	}
	full = pl_xasprintf("%s/%s", dir, f->path);
	if ((err = pl_make_parents(dir, full)) == PL_OK) {
		sweep(swept, full);
		err = pl_write_output(full, f->data.ptr, f->data.len);
	}
	free(full);
	st->written += err == PL_OK;
	return err;
}

/* Removes dir/path, a file pl wrote, and the folders that leaves empty. */
static void
take_away(struct pl_publish_stats *st, const char *dir, const char *path)
{
	char		*full = pl_xasprintf("%s/%s", dir, path), *s;
	struct stat	 st_;

	if (lstat(full, &st_) == 0 && S_ISREG(st_.st_mode) &&
	    unlink(full) == 0)
		st->removed++;
	while ((s = strrchr(full, '/')) != NULL && s > full + strlen(dir)) {
		*s = '\0';
		if (rmdir(full) != 0)
			break;
	}
	free(full);
}

/*
 * The manifest while files are written: every file it named, as it
 * named them, and every new one with its id unknown ("-"), so a file
 * stopped halfway is never taken for the new bytes.
 */
static void
journal(struct manifest *j, const struct manifest *old,
    const struct pl_publish *p)
{
	size_t	i;

	memset(j, 0, sizeof *j);
	for (i = 0; i < old->n; i++)
		owned_add(j, old->v[i].path, old->v[i].sha1, old->v[i].bytes);
	for (i = 0; i < p->nfiles; i++)
		if (owned_find(old, p->files[i].path) == NULL)
			owned_add(j, p->files[i].path, "-", 0);
}

static int
write_all(struct pl_publish_stats *st, const struct pl_publish *p,
    const char *dir, const struct manifest *old)
{
	struct manifest	 now, j;
	struct pl_strlist swept = PL_STRLIST_INIT;
	char		*top = pl_xasprintf("%s/%s", dir, PL_PUBLISH_MANIFEST);
	size_t		 i;
	int		 err = PL_OK;

	sweep(&swept, top);
	free(top);
	journal(&j, old, p);
	if ((err = manifest_write(&j, dir, &old->text)) != PL_OK)
		goto done;
	/* the index last: it links to the rest */
	for (i = 0; i < p->nfiles && err == PL_OK; i++)
		if (strcmp(p->files[i].path, "index.html") != 0)
			err = put(st, dir, &p->files[i], old, &swept);
	if (err == PL_OK && file_find(p, "index.html") != NULL)
		err = put(st, dir, file_find(p, "index.html"), old, &swept);
	if (err != PL_OK)
		goto done;
	for (i = 0; i < old->n; i++)
		if (file_find(p, old->v[i].path) == NULL)
			take_away(st, dir, old->v[i].path);
	memset(&now, 0, sizeof now);
	for (i = 0; i < p->nfiles; i++)
		owned_add(&now, p->files[i].path, p->files[i].sha1,
		    p->files[i].data.len);
	manifest_text(&j.text, &j);
	err = manifest_write(&now, dir, &j.text);
	manifest_release(&now);
done:
	pl_strlist_release(&swept);
	manifest_release(&j);
	return err;
}

int
pl_publish_write(struct pl_publish_stats *st, const struct pl_publish *p,
    const char *dir)
{
	struct manifest	 old;
	char		*file;
	size_t		 i;
	int		 err;

	memset(st, 0, sizeof *st);
	memset(&old, 0, sizeof old);
	if ((err = pl_make_dir(dir)) != PL_OK)
		return err;
	file = pl_xasprintf("%s/%s", dir, PL_PUBLISH_MANIFEST);
	err = manifest_read(&old, file);
	free(file);
	for (i = 0; i < p->nfiles && err == PL_OK; i++)
		err = check_place(dir, p->files[i].path, &old);
	if (err == PL_OK)
		err = write_all(st, p, dir, &old);
	manifest_release(&old);
	return err;
}

/*
 * path made absolute with its links resolved: realpath(3) of the
 * longest part that exists, the rest as given (it has no links yet).
 */
static char *
real_of(const char *path)
{
	char	*p = pl_xstrdup(path), *cut, *r;
	char	*rest = NULL, *out;

	while ((r = realpath(p, NULL)) == NULL) {
		if ((cut = strrchr(p, '/')) == NULL) {
			out = rest;
			rest = out != NULL ? pl_xasprintf("%s/%s", p, out) :
			    pl_xstrdup(p);
			free(out);
			free(p);
			p = pl_xstrdup(".");
			continue;
		}
		out = rest;
		rest = out != NULL ? pl_xasprintf("%s/%s", cut + 1, out) :
		    pl_xstrdup(cut + 1);
		free(out);
		*cut = '\0';
		if (*p == '\0') {
			free(p);
			p = pl_xstrdup("/");
		}
	}
	out = rest != NULL ? pl_xasprintf("%s/%s", r, rest) : pl_xstrdup(r);
	free(r);
	free(rest);
	free(p);
	return out;
}

/* 1 when a is b or inside it (both real paths). */
static int
inside(const char *a, const char *b)
{
	char	*rb = b != NULL ? realpath(b, NULL) : NULL;
	size_t	 n;
	int	 in;

	if (rb == NULL)
		return 0;
	n = strlen(rb);
	while (n > 1 && rb[n - 1] == '/')
		n--;
	in = strncmp(a, rb, n) == 0 && (a[n] == '\0' || a[n] == '/' ||
	    (n == 1 && rb[0] == '/'));
	free(rb);
	return in;
}

int
pl_publish_check_dir(struct pl_portfolio *head, const char *dir)
{
	git_repository	*repo = pl_portfolio_repo(head);
	char		*real = real_of(dir);
	int		 err = PL_OK;

	if (inside(real, pl_portfolio_workdir(head)))
		err = pl_error_set(PL_EUNSAFE, "'%s' is inside the portfolio: "
		    "the site would be committed with it (publish to a folder "
		    "outside it)", dir);
	else if (inside(real, git_repository_path(repo)) ||
	    inside(real, git_repository_commondir(repo)))
		err = pl_error_set(PL_EUNSAFE, "'%s' is inside the portfolio's "
		    "git folder (publish to a folder outside it)", dir);
	free(real);
	return err;
}

/* git_status_foreach_ext()'s callback: the paths, as git names them. */
static int
dirty_path(const char *path, unsigned int flags, void *arg)
{
	if (flags != GIT_STATUS_CURRENT && !(flags & GIT_STATUS_IGNORED))
		pl_strlist_push(arg, path);
	return 0;
}

int
pl_publish_dirty(struct pl_strlist *out, struct pl_portfolio *head,
    const struct pl_publish *p)
{
	git_status_options	 o;
	struct pl_strlist	 spec = PL_STRLIST_INIT;
	size_t			 i;
	int			 rc;

	if (pl_portfolio_workdir(head) == NULL)
		return PL_OK;
	git_status_options_init(&o, GIT_STATUS_OPTIONS_VERSION);
	pl_strlist_push_owned(&spec, pl_xasprintf("showcase/%s.md", p->name));
	for (i = 0; i < p->nfiles; i++)
		if (strcmp(p->files[i].role, "page") == 0 &&
		    p->files[i].item != NULL) {
			pl_strlist_push_owned(&spec, pl_xasprintf(
			    "evidence/%s.md", p->files[i].item));
			pl_strlist_push_owned(&spec, pl_xasprintf(
			    "evidence/%s", p->files[i].item));
			pl_strlist_push_owned(&spec, pl_xasprintf(
			    "reflections/%s.md", p->files[i].item));
		}
	o.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED |
	    GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS;
	o.pathspec.strings = spec.v;
	o.pathspec.count = spec.n;
	rc = git_status_foreach_ext(pl_portfolio_repo(head), &o, dirty_path,
	    out);
	pl_strlist_release(&spec);
	if (rc < 0)
		return pl_error_set(PL_ERROR, "cannot read the working tree's "
		    "status: %s", git_error_last() != NULL ?
		    git_error_last()->message : "unknown error");
	return PL_OK;
}

int
pl_publish_zip(struct pl_buf *out, const struct pl_publish *p)
{
	struct pl_zip_file	*v = pl_xcalloc(p->nfiles + 1, sizeof *v);
	size_t			 i;
	int			 err;

	for (i = 0; i < p->nfiles; i++) {
		v[i].path = p->files[i].path;
		v[i].data = p->files[i].data.ptr;
		v[i].len = p->files[i].data.len;
	}
	err = pl_zip_make(out, v, p->nfiles, p->commit_date);
	free(v);
	return err;
}
