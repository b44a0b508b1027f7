/*
 * Internal: an image's size from its header, and a smaller copy of a
 * PNG or JPEG for pl publish, made with libpng and libjpeg(-turbo)
 * loaded on demand (as ICU is, icu.c): only publishing pays for them,
 * and a machine without them publishes full images.
 */
#ifndef PL_THUMB_H
#define PL_THUMB_H

#include <stddef.h>

#include "pl/base/util.h"

/*
 * "image/png", "image/jpeg", "image/gif", "image/webp" by the first
 * bytes of d, or NULL.
 */
const char *pl_image_type(const unsigned char *d, size_t n);

/*
 * The width and height a PNG's or JPEG's header gives: 1, or 0 (both
 * 0) when d is neither or its header is cut short.
 */
int	 pl_image_size(unsigned *w, unsigned *h, const unsigned char *d,
	    size_t n);

/*
 * A copy of the PNG or JPEG d, scaled so its longer side is at most max
 * pixels, in the same format, into out, its size in *w and *h.
 * PL_ENOTFOUND "libpng16.so.16 cannot be loaded" when the library it
 * needs is missing; PL_EINVAL when d cannot be decoded.
 */
int	 pl_thumb_make(struct pl_buf *out, unsigned *w, unsigned *h,
	    const unsigned char *d, size_t n, unsigned max) PL_WUR;

#endif
