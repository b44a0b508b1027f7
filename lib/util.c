/*
 * Memory, buffers, string lists and whole-file I/O.  Out of memory aborts:
 * a command-line tool has nothing better to do, and every write goes
 * through a temporary file, so aborting never leaves half a file.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pl/util.h"

static void
oom(void)
{
	fputs("pl: out of memory\n", stderr);
	abort();
}

void *
pl_xmalloc(size_t n)
{
	void	*p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
pl_xcalloc(size_t n, size_t size)
{
	void	*p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
pl_xrealloc(void *old, size_t n)
{
	void	*p = realloc(old, n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

char *
pl_xstrdup(const char *s)
{
	return pl_xstrndup(s, strlen(s));
}

char *
pl_xstrndup(const char *s, size_t n)
{
	char	*p = pl_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
pl_xasprintf(const char *fmt, ...)
{
	struct pl_buf	b = PL_BUF_INIT;
	va_list		ap;

	va_start(ap, fmt);
	pl_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return pl_buf_detach(&b);
}

void
pl_buf_init(struct pl_buf *b)
{
	b->ptr = NULL;
	b->len = b->cap = 0;
}

void
pl_buf_release(struct pl_buf *b)
{
	free(b->ptr);
	pl_buf_init(b);
}

void
pl_buf_clear(struct pl_buf *b)
{
	b->len = 0;
	if (b->ptr != NULL)
		b->ptr[0] = '\0';
}

static void
grow(struct pl_buf *b, size_t extra)
{
	size_t	need = b->len + extra + 1;

	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < need)
		b->cap *= 2;
	b->ptr = pl_xrealloc(b->ptr, b->cap);
}

void
pl_buf_put(struct pl_buf *b, const char *s, size_t n)
{
	grow(b, n);
	if (n > 0)
		memcpy(b->ptr + b->len, s, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

void
pl_buf_puts(struct pl_buf *b, const char *s)
{
	pl_buf_put(b, s, strlen(s));
}

void
pl_buf_putc(struct pl_buf *b, char c)
{
	pl_buf_put(b, &c, 1);
}

void
pl_buf_vprintf(struct pl_buf *b, const char *fmt, va_list ap)
{
	va_list	aq;
	int	n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		return;
	grow(b, (size_t)n);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
pl_buf_printf(struct pl_buf *b, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	pl_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

const char *
pl_buf_cstr(const struct pl_buf *b)
{
	return b->ptr != NULL ? b->ptr : "";
}

char *
pl_buf_detach(struct pl_buf *b)
{
	char	*p = b->ptr != NULL ? b->ptr : pl_xstrdup("");

	pl_buf_init(b);
	return p;
}

void
pl_strlist_init(struct pl_strlist *l)
{
	l->v = NULL;
	l->n = l->cap = 0;
}

void
pl_strlist_release(struct pl_strlist *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	pl_strlist_init(l);
}

void
pl_strlist_push_owned(struct pl_strlist *l, char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = pl_xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = s;
}

void
pl_strlist_push(struct pl_strlist *l, const char *s)
{
	pl_strlist_push_owned(l, pl_xstrdup(s));
}

int
pl_strlist_find(const struct pl_strlist *l, const char *s)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return (int)i;
	return -1;
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
pl_strlist_sort(struct pl_strlist *l)
{
	if (l->n > 1)
		qsort(l->v, l->n, sizeof *l->v, cmpstr);
}

void
pl_strlist_copy(struct pl_strlist *dst, const struct pl_strlist *src)
{
	size_t	i;

	for (i = 0; i < src->n; i++)
		pl_strlist_push(dst, src->v[i]);
}

void
pl_strlist_join(struct pl_buf *out, const struct pl_strlist *l,
    const char *sep)
{
	size_t	i;

	pl_buf_puts(out, "");
	for (i = 0; i < l->n; i++)
		pl_buf_printf(out, "%s%s", i > 0 ? sep : "", l->v[i]);
}

int
pl_error_too_large(int code, const char *what)
{
	return pl_error_set(code, "'%s' is larger than %d MiB", what,
	    PL_READ_MAX >> 20);
}

static FILE *
open_input(const char *path, size_t max, int *err)
{
	struct stat	 st;
	FILE		*f;

	*err = 0;
	if (strcmp(path, "-") == 0)
		return stdin;
	if (stat(path, &st) == -1)
		*err = errno == ENOENT ?
		    pl_error_set(PL_ENOTFOUND, "'%s' does not exist", path) :
		    pl_error_set(PL_ERROR, "cannot read '%s': %s", path,
		    strerror(errno));
	else if (S_ISDIR(st.st_mode))
		*err = pl_error_set(PL_EINVAL, "'%s' is a directory", path);
	else if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max)
		*err = pl_error_too_large(PL_EINVAL, path);
	else if ((f = fopen(path, "rb")) == NULL)
		*err = pl_error_set(PL_ERROR, "cannot read '%s': %s", path,
		    strerror(errno));
	else
		return f;
	return NULL;
}

/* Appends what path holds, refusing more than max bytes of it. */
static int
read_upto(struct pl_buf *out, const char *path, size_t max)
{
	char	 chunk[65536];
	FILE	*f;
	size_t	 n, got = 0;
	int	 err;

	if ((f = open_input(path, max, &err)) == NULL)
		return err;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		/* A device or a pipe has no size to check beforehand. */
		if ((got += n) > max) {
			err = pl_error_too_large(PL_EINVAL, path);
			break;
		}
		pl_buf_put(out, chunk, n);
	}
	if (err == 0 && ferror(f))
		err = pl_error_set(PL_ERROR, "cannot read '%s': %s", path,
		    strerror(errno));
	if (f != stdin)
		fclose(f);
	if (out->ptr == NULL)
		pl_buf_put(out, "", 0);
	return err;
}

int
pl_read_file(struct pl_buf *out, const char *path)
{
	return read_upto(out, path, SIZE_MAX);
}

int
pl_read_bytes(struct pl_buf *out, const char *path)
{
	return read_upto(out, path, PL_READ_MAX);
}

int
pl_read_text(struct pl_buf *out, const char *path)
{
	size_t	start = out->len;
	int	err;

	if ((err = read_upto(out, path, PL_READ_MAX)) != 0)
		return err;
	/* Used as a C string, the text would end at the NUL, silently. */
	if (memchr(out->ptr + start, '\0', out->len - start) != NULL)
		return pl_error_set(PL_EINVAL, "'%s' contains a NUL byte "
		    "(binary or UTF-16?)", path);
	return 0;
}

/* Writes data to a temporary file beside path, then renames it to path. */
static int
write_replace(const char *path, const char *data, size_t len, unsigned mode,
    int exact)
{
	char	*tmp = pl_xasprintf("%s.pl-tmp-%ld", path, (long)getpid());
	int	 fd, err = 0;
	size_t	 off = 0;
	ssize_t	 n;

	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, mode);
	if (fd == -1) {
		err = pl_error_set(PL_ERROR, "cannot write '%s': %s", path,
		    strerror(errno));
		goto done;
	}
	/* open(2) took the umask off, which the file replaced did not have */
	if (exact && fchmod(fd, mode) == -1)
		err = pl_error_set(PL_ERROR, "cannot write '%s': %s", path,
		    strerror(errno));
	while (err == 0 && off < len) {
		n = write(fd, data + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			err = pl_error_set(PL_ERROR, "cannot write '%s': %s",
			    path, strerror(errno));
			break;
		}
		off += (size_t)n;
	}
	if (err == 0 && fsync(fd) == -1)
		err = pl_error_set(PL_ERROR, "cannot write '%s': %s", path,
		    strerror(errno));
	if (close(fd) == -1 && err == 0)
		err = pl_error_set(PL_ERROR, "cannot write '%s': %s", path,
		    strerror(errno));
	if (err == 0 && rename(tmp, path) == -1)
		err = pl_error_set(PL_ERROR, "cannot write '%s': %s", path,
		    strerror(errno));
	if (err != 0)
		unlink(tmp);
done:
	free(tmp);
	return err;
}

int
pl_write_file(const char *path, const char *data, size_t len, unsigned mode)
{
	return write_replace(path, data, len, mode, 0);
}

int
pl_replace_file(const char *path, const char *data, size_t len)
{
	struct stat	st;

	if (stat(path, &st) == -1)
		return errno == ENOENT ?
		    pl_error_set(PL_ENOTFOUND, "'%s' does not exist", path) :
		    pl_error_set(PL_ERROR, "cannot read '%s': %s", path,
		    strerror(errno));
	if (!S_ISREG(st.st_mode))
		return pl_error_set(PL_EINVAL, "'%s' is not a file", path);
	return write_replace(path, data, len, st.st_mode & 07777, 1);
}
