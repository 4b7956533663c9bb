/*
 * fname_clean and fname_disposition on arbitrary bytes. The first byte
 * picks the extension (one of the types', none, or a bad one); the rest
 * is the name. The clean name is non-empty, at most FNAME_MAX bytes,
 * valid UTF-8 without controls, bidi or invisible characters, '/',
 * '\\', '"' or ';', with no space or dot at either end, ends in the
 * extension, and cleans to itself. The header value is printable ASCII
 * and its filename* decodes back to the name.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/filetype.h"
#include "core/fname.h"
#include "core/sbuf.h"
#include "fuzz.h"

static size_t
dec(const unsigned char *p, size_t n, uint32_t *cp)
{
	if (p[0] < 0x80) {
		*cp = p[0];
		return (1);
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf && n >= 2 && (p[1] & 0xc0) == 0x80) {
		*cp = ((uint32_t)(p[0] & 0x1f) << 6) | (p[1] & 0x3f);
		return (2);
	}
	if (p[0] >= 0xe0 && p[0] <= 0xef && n >= 3 &&
	    (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80) {
		*cp = ((uint32_t)(p[0] & 0x0f) << 12) |
		    ((uint32_t)(p[1] & 0x3f) << 6) | (p[2] & 0x3f);
		return (*cp >= 0x800 && (*cp < 0xd800 || *cp > 0xdfff) ? 3 : 0);
	}
	if (p[0] >= 0xf0 && p[0] <= 0xf4 && n >= 4 &&
	    (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80 &&
	    (p[3] & 0xc0) == 0x80) {
		*cp = ((uint32_t)(p[0] & 0x07) << 18) |
		    ((uint32_t)(p[1] & 0x3f) << 12) |
		    ((uint32_t)(p[2] & 0x3f) << 6) | (p[3] & 0x3f);
		return (*cp >= 0x10000 && *cp <= 0x10ffff ? 4 : 0);
	}
	return (0);
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (-1);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const exts[] = { "pdf", "png", "jpg", "webp",
	    "txt", "odt", "docx", NULL, "", "p/df", "x y" };
	char		 out[FNAME_MAX + 1], again[FNAME_MAX + 1], small[9];
	char		 dname[4 * FNAME_MAX];
	const char	*ext, *v, *star;
	struct sbuf	 sb;
	size_t		 i, l, len, dl, el;
	uint32_t	 cp;
	int		 good;

	if (size < 1)
		return (0);
	ext = exts[data[0] % (sizeof(exts) / sizeof(exts[0]))];
	good = data[0] % (sizeof(exts) / sizeof(exts[0])) < 7;
	fname_clean((const char *)data + 1, size - 1, ext, out, sizeof(out));
	len = strlen(out);
	CHECK(len >= 1 && len <= FNAME_MAX);
	CHECK(out[0] != ' ' && out[0] != '.');
	CHECK(out[len - 1] != ' ' && out[len - 1] != '.');
	for (i = 0; i < len; i += l) {
		l = dec((unsigned char *)out + i, len - i, &cp);
		CHECK(l > 0);
		CHECK(cp >= 0x20 && !(cp >= 0x7f && cp <= 0x9f));
		CHECK(cp != '/' && cp != '\\' && cp != '"' && cp != ';');
		CHECK(cp != 0x61c && !(cp >= 0x200b && cp <= 0x200f) &&
		    !(cp >= 0x202a && cp <= 0x202e) &&
		    !(cp >= 0x2060 && cp <= 0x2069) && cp != 0xfeff);
		CHECK(cp != '\t' && cp != 0xa0 && cp != 0x2028);
		if (cp == ' ')
			CHECK(i + 1 < len && out[i + 1] != ' ');
	}
	if (good) {
		el = strlen(ext);
		CHECK(len > el + 1 && out[len - el - 1] == '.' &&
		    strcmp(out + len - el, ext) == 0);
		fname_clean(out, len, ext, again, sizeof(again));
		CHECK(strcmp(again, out) == 0);
	}
	fname_clean((const char *)data + 1, size - 1, ext, small,
	    sizeof(small));
	CHECK(strlen(small) < sizeof(small));

	/* The header value: ASCII, and filename* gives the name back. */
	sbuf_init(&sb);
	fname_disposition(&sb, out, data[0] & 1);
	v = sbuf_cstr(&sb);
	for (i = 0; i < sb.len; i++)
		CHECK(v[i] >= 0x20 && v[i] < 0x7f);
	star = strstr(v, "; filename*=UTF-8''");
	CHECK(star != NULL);
	star += strlen("; filename*=UTF-8''");
	for (dl = 0; *star != '\0'; star++) {
		CHECK(*star != '"' && *star != ';' && *star != ' ' &&
		    *star != '\\');
		if (*star == '%') {
			CHECK(hexval(star[1]) >= 0 && hexval(star[2]) >= 0);
			dname[dl++] = (char)(hexval(star[1]) * 16 +
			    hexval(star[2]));
			star += 2;
		} else
			dname[dl++] = *star;
		CHECK(dl < sizeof(dname));
	}
	CHECK(dl == len && memcmp(dname, out, len) == 0);
	sbuf_free(&sb);

	/* Raw input into the header: still nothing that breaks it. */
	if (size < 512) {
		char	*raw;

		if ((raw = malloc(size)) == NULL)
			abort();
		memcpy(raw, data + 1, size - 1);
		raw[size - 1] = '\0';
		sbuf_init(&sb);
		fname_disposition(&sb, raw, 0);
		for (i = 0; i < sb.len; i++)
			CHECK(sb.data[i] >= 0x20 && sb.data[i] < 0x7f);
		sbuf_free(&sb);
		free(raw);
	}
	return (0);
}
