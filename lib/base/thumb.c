/*
 * Image sizes from their headers, and thumbnails (thumb.h).
 */
#include <string.h>

#include "base/thumb.h"

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

int
pl_thumb_make(struct pl_buf *out, unsigned *w, unsigned *h,
    const unsigned char *d, size_t n, unsigned max)
{
	(void)out; (void)w; (void)h; (void)d; (void)n; (void)max;
	return pl_error_set(PL_ENOTFOUND, "no thumbnails yet");
}
