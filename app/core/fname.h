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
 * (U+00AD, U+061C, U+180E, U+200B-U+200F, U+202A-U+202E,
 * U+2060-U+2069, U+FEFF, U+FFF9-U+FFFB) and invalid UTF-8 (overlong
 * forms and surrogates too); turn each '"' and ';' into '_', and each
 * run of white space (space, tab, CR, LF, VT, FF, NEL, U+00A0, U+1680,
 * U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) into one
 * space; trim spaces and dots at both ends; replace the extension (1-16
 * ASCII letters or digits after the last dot, a dot that starts the
 * name being none: ".bashrc") with ext (the type found in the content,
 * without dot; NULL or "": no extension); cut the stem on a UTF-8
 * boundary so the whole fits in FNAME_MAX bytes. An empty stem becomes
 * "bestand". Cleaning a clean name with the same ext keeps it. Writes a
 * NUL-terminated string; outsz should be FNAME_MAX + 1 (a smaller
 * buffer gets a shorter name, without ext when "bestand.<ext>" would
 * not fit).
 */
void	fname_clean(const char *in, size_t len, const char *ext, char *out,
	    size_t outsz);

/*
 * Append a Content-Disposition value for a cleaned name to out:
 * `attachment` (or `inline`) `; filename="<ASCII fallback>";
 * filename*=UTF-8''<percent-encoded UTF-8>` (RFC 6266, RFC 8187). The
 * fallback replaces every non-ASCII byte, control byte, '"' and '\\'
 * by '_'; filename* keeps RFC 8187's attr-char and encodes every other
 * byte as %XX. A NULL or empty name is "bestand". The value is always
 * printable ASCII, whatever name holds.
 */
void	fname_disposition(struct sbuf *out, const char *name, int inline_);

#endif
