/*
 * imgstrip on arbitrary bytes as each image type. The first byte picks
 * the type (and whether PNG chunk CRCs are made right first, so the
 * fuzzer gets past them); the rest is the image. A refusal leaves the
 * output as it was; a success gives bytes that sniff as the same type,
 * are no longer than the input, and strip again to themselves.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/filetype.h"
#include "core/imgstrip.h"
#include "core/sbuf.h"
#include "fuzz.h"

static uint32_t
crc32(const unsigned char *p, size_t n)
{
	uint32_t	c = 0xffffffffU;
	size_t		i;
	int		k;

	for (i = 0; i < n; i++) {
		c ^= p[i];
		for (k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xedb88320U & (0U - (c & 1)));
	}
	return (c ^ 0xffffffffU);
}

/* Write the right CRC into every PNG chunk that fits. */
static void
fix_png(unsigned char *p, size_t n)
{
	size_t		off = 8;
	uint32_t	len, c;

	while (n >= 12 && off <= n - 12) {
		len = ((uint32_t)p[off] << 24) | ((uint32_t)p[off + 1] << 16) |
		    ((uint32_t)p[off + 2] << 8) | p[off + 3];
		if (len > n - off - 12)
			return;
		c = crc32(p + off + 4, (size_t)len + 4);
		p[off + 8 + len] = (unsigned char)(c >> 24);
		p[off + 9 + len] = (unsigned char)(c >> 16);
		p[off + 10 + len] = (unsigned char)(c >> 8);
		p[off + 11 + len] = (unsigned char)c;
		off += (size_t)len + 12;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum filetype	types[] = { FILETYPE_PNG,
	    FILETYPE_JPEG, FILETYPE_WEBP, FILETYPE_PDF };
	struct sbuf	 out, again;
	unsigned char	*img;
	enum filetype	 t;
	size_t		 n;

	if (size < 1)
		return (0);
	t = types[data[0] % 4];
	n = size - 1;
	/* An exact copy, so ASan sees the end of the image. */
	if ((img = malloc(n + 1)) == NULL)
		abort();
	memcpy(img, data + 1, n);
	if (t == FILETYPE_PNG && (data[0] & 0x80))
		fix_png(img, n);

	sbuf_init(&out);
	sbuf_init(&again);
	sbuf_puts(&out, "x");
	if (imgstrip(t, img, n, &out) != 0) {
		CHECK(filetype_is_image(t));
		CHECK(out.len == 1);
	} else if (filetype_is_image(t)) {
		CHECK(out.len - 1 <= n);
		CHECK(filetype_sniff((unsigned char *)out.data + 1,
		    out.len - 1) == t);
		CHECK(imgstrip(t, (unsigned char *)out.data + 1, out.len - 1,
		    &again) == 0);
		CHECK(again.len == out.len - 1 &&
		    memcmp(again.data, out.data + 1, again.len) == 0);
	} else
		CHECK(out.len == n + 1 && memcmp(out.data + 1, img, n) == 0);
	sbuf_free(&out);
	sbuf_free(&again);
	free(img);
	return (0);
}
