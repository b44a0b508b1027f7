/*
 * Image sizes from their headers, and thumbnails (thumb.h): libpng's
 * simplified API for PNG, libjpeg(-turbo) for JPEG, whose decoder scales
 * by 1/2, 1/4 or 1/8 as it reads (the DCT does it), so a large photo
 * costs an eighth of its pixels.  Both are loaded with dlopen() the
 * first time a thumbnail is asked for, under the soname pl was built
 * against, as icu.c loads ICU.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>
#include <jpeglib.h>

#include "base/thumb.h"
#include "pl/base/util.h"

#define STR_(x)	#x
#define STR(x)	STR_(x)
#define PNG_SONAME	"libpng" STR(PNG_LIBPNG_VER_SONUM) ".so." \
			STR(PNG_LIBPNG_VER_SONUM)
#define JPEG_SONAME	"libjpeg.so." STR(JPEG_LIB_VERSION)

const char *
pl_image_type(const unsigned char *d, size_t n)
{
	if (n >= 8 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "image/png";
	if (n >= 3 && memcmp(d, "\xff\xd8\xff", 3) == 0)
		return "image/jpeg";
	if (n >= 6 && (memcmp(d, "GIF87a", 6) == 0 ||
	    memcmp(d, "GIF89a", 6) == 0))
		return "image/gif";
	if (n >= 12 && memcmp(d, "RIFF", 4) == 0 &&
	    memcmp(d + 8, "WEBP", 4) == 0)
		return "image/webp";
	return NULL;
}

static unsigned
be32(const unsigned char *d)
{
	return (unsigned)d[0] << 24 | (unsigned)d[1] << 16 |
	    (unsigned)d[2] << 8 | d[3];
}

static unsigned
be16(const unsigned char *d)
{
	return (unsigned)d[0] << 8 | d[1];
}

/* A JPEG's frame header (SOF0..SOF15 but DHT, JPG and DAC) says. */
static int
jpeg_size(unsigned *w, unsigned *h, const unsigned char *d, size_t n)
{
	size_t		i = 2, len;
	unsigned char	m;

	while (i + 4 <= n) {
		if (d[i] != 0xff)
			return 0;
		m = d[i + 1];
		if (m == 0xff) {
			i++;
			continue;
		}
		if (m == 0xd8 || (m >= 0xd0 && m <= 0xd7) || m == 0x01) {
			i += 2;
			continue;
		}
		len = be16(d + i + 2);
		if (m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 &&
		    m != 0xcc) {
			if (i + 9 > n)
				return 0;
			*h = be16(d + i + 5);
			*w = be16(d + i + 7);
			return *w > 0 && *h > 0;
		}
		if (m == 0xd9 || m == 0xda || len < 2)
			return 0;
		i += 2 + len;
	}
	return 0;
}

int
pl_image_size(unsigned *w, unsigned *h, const unsigned char *d, size_t n)
{
	const char	*t = pl_image_type(d, n);
	int		 ok = 0;

	*w = *h = 0;
	if (t != NULL && strcmp(t, "image/png") == 0 && n >= 24 &&
	    memcmp(d + 12, "IHDR", 4) == 0) {
		*w = be32(d + 16);
		*h = be32(d + 20);
		ok = 1;
	} else if (t != NULL && strcmp(t, "image/jpeg") == 0)
		ok = jpeg_size(w, h, d, n);
	if (!ok)
		*w = *h = 0;
	return ok;
}


/* The functions of both libraries pl calls, as their headers declare. */
struct png_fns {
	int	(*begin)(png_imagep, png_const_voidp, size_t);
	int	(*finish)(png_imagep, png_const_colorp, void *, png_int_32,
		    void *);
	void	(*free_)(png_imagep);
	int	(*write)(png_imagep, void *, png_alloc_size_t *, int,
		    const void *, png_int_32, const void *);
};

struct jpeg_fns {
	struct jpeg_error_mgr *(*std_error)(struct jpeg_error_mgr *);
	void	(*create_d)(j_decompress_ptr, int, size_t);
	void	(*mem_src)(j_decompress_ptr, const unsigned char *,
		    unsigned long);
	int	(*read_header)(j_decompress_ptr, boolean);
	boolean	(*start_d)(j_decompress_ptr);
	JDIMENSION (*read_lines)(j_decompress_ptr, JSAMPARRAY, JDIMENSION);
	boolean	(*finish_d)(j_decompress_ptr);
	void	(*destroy_d)(j_decompress_ptr);
	void	(*create_c)(j_compress_ptr, int, size_t);
	void	(*mem_dest)(j_compress_ptr, unsigned char **,
		    unsigned long *);
	void	(*set_defaults)(j_compress_ptr);
	void	(*set_quality)(j_compress_ptr, int, boolean);
	void	(*start_c)(j_compress_ptr, boolean);
	JDIMENSION (*write_lines)(j_compress_ptr, JSAMPARRAY, JDIMENSION);
	void	(*finish_c)(j_compress_ptr);
	void	(*destroy_c)(j_compress_ptr);
};

static struct png_fns	 png_f;
static struct jpeg_fns	 jpeg_f;
static int		 have_png, have_jpeg;
static pthread_once_t	 once = PTHREAD_ONCE_INIT;

static void
load(void)
{
	void	*png = dlopen(PNG_SONAME, RTLD_NOW | RTLD_LOCAL);
	void	*jpg = dlopen(JPEG_SONAME, RTLD_NOW | RTLD_LOCAL);

	have_png = pl_dlsym(png, "png_image_begin_read_from_memory",
	    &png_f.begin) && pl_dlsym(png, "png_image_finish_read", &png_f.finish)
	    && pl_dlsym(png, "png_image_free", &png_f.free_) &&
	    pl_dlsym(png, "png_image_write_to_memory", &png_f.write);
	have_jpeg = pl_dlsym(jpg, "jpeg_std_error", &jpeg_f.std_error) &&
	    pl_dlsym(jpg, "jpeg_CreateDecompress", &jpeg_f.create_d) &&
	    pl_dlsym(jpg, "jpeg_mem_src", &jpeg_f.mem_src) &&
	    pl_dlsym(jpg, "jpeg_read_header", &jpeg_f.read_header) &&
	    pl_dlsym(jpg, "jpeg_start_decompress", &jpeg_f.start_d) &&
	    pl_dlsym(jpg, "jpeg_read_scanlines", &jpeg_f.read_lines) &&
	    pl_dlsym(jpg, "jpeg_finish_decompress", &jpeg_f.finish_d) &&
	    pl_dlsym(jpg, "jpeg_destroy_decompress", &jpeg_f.destroy_d) &&
	    pl_dlsym(jpg, "jpeg_CreateCompress", &jpeg_f.create_c) &&
	    pl_dlsym(jpg, "jpeg_mem_dest", &jpeg_f.mem_dest) &&
	    pl_dlsym(jpg, "jpeg_set_defaults", &jpeg_f.set_defaults) &&
	    pl_dlsym(jpg, "jpeg_set_quality", &jpeg_f.set_quality) &&
	    pl_dlsym(jpg, "jpeg_start_compress", &jpeg_f.start_c) &&
	    pl_dlsym(jpg, "jpeg_write_scanlines", &jpeg_f.write_lines) &&
	    pl_dlsym(jpg, "jpeg_finish_compress", &jpeg_f.finish_c) &&
	    pl_dlsym(jpg, "jpeg_destroy_compress", &jpeg_f.destroy_c);
}

/* The thumbnail's size: the longer side max, the other in proportion. */
static void
fit(unsigned *tw, unsigned *th, unsigned w, unsigned h, unsigned max)
{
	if (w >= h) {
		*tw = max;
		*th = (unsigned)(((unsigned long long)h * max + w / 2) / w);
	} else {
		*th = max;
		*tw = (unsigned)(((unsigned long long)w * max + h / 2) / h);
	}
	if (*tw == 0)
		*tw = 1;
	if (*th == 0)
		*th = 1;
}

/*
 * Shrinks src (w x h, c bytes a pixel) to tw x th, each pixel the mean
 * of the box of source pixels it covers.  The caller frees.
 */
static unsigned char *
shrink(const unsigned char *src, unsigned w, unsigned h, unsigned c,
    unsigned tw, unsigned th)
{
	unsigned char		*dst = pl_xmalloc((size_t)tw * th * c);
	unsigned long long	 sum[4];
	size_t			 x, y, sx, sy, x0, x1, y0, y1, k, n;

	for (y = 0; y < th; y++) {
		y0 = y * h / th;
		y1 = (y + 1) * h / th;
		if (y1 == y0)
			y1 = y0 + 1;
		for (x = 0; x < tw; x++) {
			x0 = x * w / tw;
			x1 = (x + 1) * w / tw;
			if (x1 == x0)
				x1 = x0 + 1;
			memset(sum, 0, sizeof sum);
			for (sy = y0; sy < y1; sy++)
				for (sx = x0; sx < x1; sx++)
					for (k = 0; k < c; k++)
						sum[k] += src[(sy * w + sx) *
						    c + k];
			n = (x1 - x0) * (y1 - y0);
			for (k = 0; k < c; k++)
				dst[(y * tw + x) * c + k] =
				    (unsigned char)((sum[k] + n / 2) / n);
		}
	}
	return dst;
}

static int
png_thumb(struct pl_buf *out, unsigned *tw, unsigned *th,
    const unsigned char *d, size_t n, unsigned max)
{
	png_image		 img;
	unsigned char		*px = NULL, *small = NULL;
	png_alloc_size_t	 len = 0;
	unsigned		 w, h;
	int			 err = PL_OK;

	memset(&img, 0, sizeof img);
	img.version = PNG_IMAGE_VERSION;
	if (!png_f.begin(&img, d, n))
		return pl_error_set(PL_EINVAL, "a PNG that libpng cannot read");
	img.format = PNG_FORMAT_RGBA;
	w = img.width;
	h = img.height;
	px = pl_xmalloc(PNG_IMAGE_SIZE(img));
	if (!png_f.finish(&img, NULL, px, 0, NULL)) {
		err = pl_error_set(PL_EINVAL, "a PNG that libpng cannot read");
		goto done;
	}
	fit(tw, th, w, h, max);
	small = shrink(px, w, h, 4, *tw, *th);
	memset(&img, 0, sizeof img);
	img.version = PNG_IMAGE_VERSION;
	img.width = *tw;
	img.height = *th;
	img.format = PNG_FORMAT_RGBA;
	if (!png_f.write(&img, NULL, &len, 0, small, 0, NULL)) {
		err = pl_error_set(PL_EINVAL, "libpng cannot write a PNG");
		goto done;
	}
	free(px);
	px = pl_xmalloc(len);
	if (!png_f.write(&img, px, &len, 0, small, 0, NULL))
		err = pl_error_set(PL_EINVAL, "libpng cannot write a PNG");
	else
		pl_buf_put(out, (const char *)px, len);
done:
	png_f.free_(&img);
	free(px);
	free(small);
	return err;
}

/* libjpeg's errors end in a jump back, its warnings are not printed. */
struct jerr {
	struct jpeg_error_mgr	mgr;
	jmp_buf			back;
};

static void
jpeg_fail(j_common_ptr c)
{
	longjmp(((struct jerr *)c->err)->back, 1);
}

static void
jpeg_quiet(j_common_ptr c)
{
	(void)c;
}

/* Decodes d at the smallest of 1/1, 1/2, 1/4, 1/8 still max or more. */
static unsigned char *
jpeg_decode(unsigned *w, unsigned *h, const unsigned char *d, size_t n,
    unsigned max)
{
	struct jpeg_decompress_struct	 cd;
	struct jerr			 je;
	unsigned char *volatile		 px = NULL;
	JSAMPROW			 row;
	unsigned			 denom, side;

	memset(&cd, 0, sizeof cd);
	cd.err = jpeg_f.std_error(&je.mgr);
	je.mgr.error_exit = jpeg_fail;
	je.mgr.output_message = jpeg_quiet;
	if (setjmp(je.back)) {
		jpeg_f.destroy_d(&cd);
		free(px);
		return NULL;
	}
	jpeg_f.create_d(&cd, JPEG_LIB_VERSION, sizeof cd);
	jpeg_f.mem_src(&cd, d, (unsigned long)n);
	jpeg_f.read_header(&cd, TRUE);
	side = cd.image_width > cd.image_height ? cd.image_width :
	    cd.image_height;
	for (denom = 8; denom > 1 && side / denom < max; denom /= 2)
		;
	cd.scale_num = 1;
	cd.scale_denom = denom;
	cd.out_color_space = JCS_RGB;
	jpeg_f.start_d(&cd);
	*w = cd.output_width;
	*h = cd.output_height;
	px = pl_xmalloc((size_t)*w * *h * 3);
	while (cd.output_scanline < cd.output_height) {
		row = px + (size_t)cd.output_scanline * *w * 3;
		jpeg_f.read_lines(&cd, &row, 1);
	}
	jpeg_f.finish_d(&cd);
	jpeg_f.destroy_d(&cd);
	return px;
}

static int
jpeg_encode(struct pl_buf *out, const unsigned char *px, unsigned w,
    unsigned h)
{
	struct jpeg_compress_struct	 cc;
	struct jerr			 je;
	unsigned char			*mem = NULL;
	unsigned long			 len = 0;
	JSAMPROW			 row;

	memset(&cc, 0, sizeof cc);
	cc.err = jpeg_f.std_error(&je.mgr);
	je.mgr.error_exit = jpeg_fail;
	je.mgr.output_message = jpeg_quiet;
	if (setjmp(je.back)) {
		jpeg_f.destroy_c(&cc);
		free(mem);
		return pl_error_set(PL_EINVAL, "libjpeg cannot write a JPEG");
	}
	jpeg_f.create_c(&cc, JPEG_LIB_VERSION, sizeof cc);
	jpeg_f.mem_dest(&cc, &mem, &len);
	cc.image_width = w;
	cc.image_height = h;
	cc.input_components = 3;
	cc.in_color_space = JCS_RGB;
	jpeg_f.set_defaults(&cc);
	jpeg_f.set_quality(&cc, 85, TRUE);
	jpeg_f.start_c(&cc, TRUE);
	while (cc.next_scanline < cc.image_height) {
		row = (JSAMPROW)(px + (size_t)cc.next_scanline * w * 3);
		jpeg_f.write_lines(&cc, &row, 1);
	}
	jpeg_f.finish_c(&cc);
	pl_buf_put(out, (const char *)mem, len);
	jpeg_f.destroy_c(&cc);
	free(mem);
	return PL_OK;
}

static int
jpeg_thumb(struct pl_buf *out, unsigned *tw, unsigned *th,
    const unsigned char *d, size_t n, unsigned max)
{
	unsigned char	*px, *small;
	unsigned	 w, h;
	int		 err;

	if ((px = jpeg_decode(&w, &h, d, n, max)) == NULL)
		return pl_error_set(PL_EINVAL, "a JPEG that libjpeg cannot "
		    "read");
	fit(tw, th, w, h, max);
	small = shrink(px, w, h, 3, *tw, *th);
	err = jpeg_encode(out, small, *tw, *th);
	free(px);
	free(small);
	return err;
}

int
pl_thumb_make(struct pl_buf *out, unsigned *w, unsigned *h,
    const unsigned char *d, size_t n, unsigned max)
{
	const char	*t = pl_image_type(d, n);

	pthread_once(&once, load);
	*w = *h = 0;
	if (t != NULL && strcmp(t, "image/png") == 0)
		return have_png ? png_thumb(out, w, h, d, n, max) :
		    pl_error_set(PL_ENOTFOUND, "no thumbnails: %s cannot be "
		    "loaded; large images are published whole", PNG_SONAME);
	if (t != NULL && strcmp(t, "image/jpeg") == 0)
		return have_jpeg ? jpeg_thumb(out, w, h, d, n, max) :
		    pl_error_set(PL_ENOTFOUND, "no thumbnails: %s cannot be "
		    "loaded; large images are published whole", JPEG_SONAME);
	return pl_error_set(PL_EINVAL, "not a PNG or JPEG");
}
