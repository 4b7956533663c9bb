/*
 * File names people see and Content-Disposition headers. A name comes
 * from the browser and may hold anything: a path ("../../etc/passwd",
 * "C:\\x\\y.pdf"), NUL and control bytes, bidi overrides that make
 * "gpj.exe" look like "exe.jpg" (U+202E), invalid UTF-8, 300 bytes.
 */
#ifndef BRON_FNAME_H
#define BRON_FNAME_H

#include <stddef.h>

#define FNAME_MAX	120	/* bytes, as upload.name in SQL */

struct sbuf;

/*
 * Clean a name: keep what follows the last '/' or '\\'; drop NUL, C0
 * and C1 controls, DEL, the bidi and invisible formatting characters
 * (U+061C, U+200B-U+200F, U+202A-U+202E, U+2060-U+2069, U+FEFF) and
 * invalid UTF-8; turn '"', ';' and runs of white space into one space
 * (or '_' for the quote and semicolon); trim spaces and dots at both
 * ends; replace the extension with ext (the type found in the content,
 * without dot); cut the stem on a UTF-8 boundary so the whole fits in
 * FNAME_MAX bytes. An empty stem becomes "bestand". Writes a NUL-
 * terminated string; outsz must be at least FNAME_MAX + 1.
 */
void	fname_clean(const char *in, size_t len, const char *ext, char *out,
	    size_t outsz);

/*
 * Append a Content-Disposition value for a cleaned name to out:
 * `attachment` (or `inline`) `; filename="<ASCII fallback>";
 * filename*=UTF-8''<percent-encoded UTF-8>` (RFC 6266, RFC 8187). The
 * fallback replaces every non-ASCII byte, '"' and '\\' by '_'.
 */
void	fname_disposition(struct sbuf *out, const char *name, int inline_);

#endif
