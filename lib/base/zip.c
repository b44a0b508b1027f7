/*
 * A zip archive in memory (zip.h), as libzip's own in-memory example
 * makes one: an archive opened on an empty buffer source that is kept
 * past zip_close(), which writes the archive into it, then read back.
 * libzip is loaded with dlopen() the first time, under its soname (4
 * since libzip 1.0): linked, it and OpenSSL would load with every
 * command.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "base/zip.h"

#define ZIP_SONAME	"libzip.so.4"

/* The functions of libzip pl calls, as zip.h declares them. */
struct zip_fns {
	zip_source_t	*(*buffer_create)(const void *, zip_uint64_t, int,
			    zip_error_t *);
	zip_source_t	*(*buffer)(zip_t *, const void *, zip_uint64_t, int);
	void		 (*keep)(zip_source_t *);
	void		 (*source_free)(zip_source_t *);
	int		 (*source_open)(zip_source_t *);
	zip_int64_t	 (*source_read)(zip_source_t *, void *, zip_uint64_t);
	int		 (*source_close)(zip_source_t *);
	zip_error_t	*(*source_error)(zip_source_t *);
	zip_t		*(*open_from)(zip_source_t *, int, zip_error_t *);
	zip_int64_t	 (*file_add)(zip_t *, const char *, zip_source_t *,
			    zip_flags_t);
	int		 (*set_dostime)(zip_t *, zip_uint64_t, zip_uint16_t,
			    zip_uint16_t, zip_flags_t);
	int		 (*set_attributes)(zip_t *, zip_uint64_t, zip_flags_t,
			    zip_uint8_t, zip_uint32_t);
	int		 (*close)(zip_t *);
	void		 (*discard)(zip_t *);
	const char	*(*strerror)(zip_t *);
	void		 (*error_init)(zip_error_t *);
	void		 (*error_fini)(zip_error_t *);
	const char	*(*error_strerror)(zip_error_t *);
};

static struct zip_fns	 zf;
static int		 have_zip;
static char		*load_error;
static pthread_once_t	 once = PTHREAD_ONCE_INIT;

static void
load(void)
{
	void		*z = dlopen(ZIP_SONAME, RTLD_NOW | RTLD_LOCAL);
	const char	*e = z == NULL ? dlerror() : NULL;

	have_zip = pl_dlsym(z, "zip_source_buffer_create", &zf.buffer_create)
	    && pl_dlsym(z, "zip_source_buffer", &zf.buffer) &&
	    pl_dlsym(z, "zip_source_keep", &zf.keep) &&
	    pl_dlsym(z, "zip_source_free", &zf.source_free) &&
	    pl_dlsym(z, "zip_source_open", &zf.source_open) &&
	    pl_dlsym(z, "zip_source_read", &zf.source_read) &&
	    pl_dlsym(z, "zip_source_close", &zf.source_close) &&
	    pl_dlsym(z, "zip_source_error", &zf.source_error) &&
	    pl_dlsym(z, "zip_open_from_source", &zf.open_from) &&
	    pl_dlsym(z, "zip_file_add", &zf.file_add) &&
	    pl_dlsym(z, "zip_file_set_dostime", &zf.set_dostime) &&
	    pl_dlsym(z, "zip_file_set_external_attributes",
	    &zf.set_attributes) &&
	    pl_dlsym(z, "zip_close", &zf.close) &&
	    pl_dlsym(z, "zip_discard", &zf.discard) &&
	    pl_dlsym(z, "zip_strerror", &zf.strerror) &&
	    pl_dlsym(z, "zip_error_init", &zf.error_init) &&
	    pl_dlsym(z, "zip_error_fini", &zf.error_fini) &&
	    pl_dlsym(z, "zip_error_strerror", &zf.error_strerror);
	if (!have_zip)
		load_error = pl_xstrdup(e != NULL ? e : "a function is missing");
}

/* A day's MS-DOS date: years from 1980, month, day; 1980-01-01 before. */
static zip_uint16_t
dos_date(const char *day)
{
	int	y, m, d;

	if (day == NULL || sscanf(day, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
	    y < 1980 || y > 2107 || m < 1 || m > 12 || d < 1 || d > 31)
		return 1 << 5 | 1;
	return (zip_uint16_t)((y - 1980) << 9 | m << 5 | d);
}

/* The files into za, each dated date. */
static int
add_files(zip_t *za, const struct pl_zip_file *v, size_t n,
    zip_uint16_t date)
{
	zip_source_t	*s;
	zip_int64_t	 i;
	size_t		 k;

	for (k = 0; k < n; k++) {
		if ((s = zf.buffer(za, v[k].data, v[k].len, 0)) == NULL)
			return -1;
		if ((i = zf.file_add(za, v[k].path, s, ZIP_FL_ENC_UTF_8)) <
		    0) {
			zf.source_free(s);
			return -1;
		}
		if (zf.set_dostime(za, (zip_uint64_t)i, 0, date, 0) < 0 ||
		    zf.set_attributes(za, (zip_uint64_t)i, 0, ZIP_OPSYS_UNIX,
		    (zip_uint32_t)0100644 << 16) < 0)
			return -1;
	}
	return 0;
}

/* What zip_close() wrote into src, appended to out. */
static int
read_back(struct pl_buf *out, zip_source_t *src)
{
	char		buf[65536];
	zip_int64_t	got;

	if (zf.source_open(src) < 0)
		return -1;
	while ((got = zf.source_read(src, buf, sizeof buf)) > 0)
		pl_buf_put(out, buf, (size_t)got);
	zf.source_close(src);
	return got < 0 ? -1 : 0;
}

int
pl_zip_make(struct pl_buf *out, const struct pl_zip_file *v, size_t n,
    const char *day)
{
	zip_error_t	 ze;
	zip_source_t	*src;
	zip_t		*za;
	int		 err = PL_OK;

	pthread_once(&once, load);
	if (!have_zip)
		return pl_error_set(PL_ERROR, "%s cannot be loaded (Debian's "
		    "libzip4 has it): %s", ZIP_SONAME, load_error);
	zf.error_init(&ze);
	if ((src = zf.buffer_create(NULL, 0, 0, &ze)) == NULL ||
	    (za = zf.open_from(src, ZIP_TRUNCATE, &ze)) == NULL) {
		err = pl_error_set(PL_ERROR, "the zip archive cannot be made: "
		    "%s", zf.error_strerror(&ze));
		goto done;
	}
	/* the archive frees its source: src must outlive zip_close() */
	zf.keep(src);
	if (add_files(za, v, n, dos_date(day)) < 0 || zf.close(za) < 0) {
		err = pl_error_set(PL_ERROR, "the zip archive cannot be made: "
		    "%s", zf.strerror(za));
		zf.discard(za);
		goto done;
	}
	if (read_back(out, src) < 0)
		err = pl_error_set(PL_ERROR, "the zip archive cannot be read "
		    "back: %s", zf.error_strerror(zf.source_error(src)));
done:
	zf.source_free(src);	/* NULL: nothing */
	zf.error_fini(&ze);
	return err;
}
