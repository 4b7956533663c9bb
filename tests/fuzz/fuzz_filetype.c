/*
 * filetype_sniff and filetype_pdf_active on arbitrary bytes: no crash
 * and no read outside the input (ASan), an answer inside the enum, the
 * names consistent (an allowed type has a media type and extension
 * that lead back to it), text holds no NUL, and an image the sniffer
 * accepts either strips to the same type or is refused.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/filetype.h"
#include "core/imgstrip.h"
#include "core/sbuf.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sbuf	 out;
	enum filetype	 t;
	const char	*mime;

	t = filetype_sniff(data, size);
	CHECK((int)t >= 0 && t < FILETYPE__MAX);
	(void)filetype_pdf_active(data, size);

	mime = filetype_mime(t);
	if (mime != NULL) {
		CHECK(filetype_by_mime(mime) == t);
		CHECK(filetype_ext(t) != NULL);
	} else
		CHECK(filetype_ext(t) == NULL);
	if (t == FILETYPE_TEXT)
		CHECK(memchr(data, '\0', size) == NULL);
	if (t == FILETYPE_PDF)
		CHECK(size >= 5 && memcmp(data, "%PDF-", 5) == 0);

	if (filetype_is_image(t)) {
		sbuf_init(&out);
		if (imgstrip(t, data, size, &out) == 0)
			CHECK(filetype_sniff((unsigned char *)out.data,
			    out.len) == t);
		else
			CHECK(out.len == 0);
		sbuf_free(&out);
	}
	return (0);
}
