/*
 * What an uploaded file is, decided from its bytes, never from its name
 * or the browser's Content-Type. The allowed types are the ones
 * sql/009_resource.sql's upload_mime lists; a few refused ones are
 * named too, so the message can say what the file looked like.
 *
 * Rules (core/filetype.c is the spec, tests/unit/test_filetype.c the
 * proof):
 *   PDF   starts with "%PDF-" (a leading BOM or junk is refused);
 *   PNG   the 8-byte signature, then an IHDR chunk;
 *   JPEG  FF D8 FF;
 *   WebP  "RIFF" <size> "WEBP" with a VP8/VP8L/VP8X chunk;
 *   ODT   a ZIP whose first entry is "mimetype", stored, holding exactly
 *         "application/vnd.oasis.opendocument.text";
 *   DOCX  a ZIP whose central directory holds "[Content_Types].xml" and
 *         "word/document.xml" and no "vbaProject.bin" in any folder
 *         (macros: FILETYPE_MACRO, refused); names compared without
 *         case, as OOXML does;
 *         a ZIP must parse (end record, central directory and every
 *         entry inside the file), else it is UNKNOWN; ZIP64 and split
 *         archives are FILETYPE_ZIP;
 *   text  valid UTF-8 (an optional BOM), no NUL, no control bytes but
 *         tab, CR, LF and FF; and not HTML, SVG or XML: WHATWG's
 *         sniffing patterns after leading white space ("<!DOCTYPE HTML",
 *         "<html", "<script", "<p", "<!--", ...), "<?xml" there, or
 *         "<script" / "<svg" / "<html" / "<iframe" / "<object" /
 *         "<embed" anywhere, make it FILETYPE_SVG when "<svg" is in it,
 *         else FILETYPE_HTML (refused: a browser that ignored nosniff
 *         would run it); "%PDF-" in its first 1024 bytes makes it
 *         UNKNOWN (PDF readers look that far).
 * GIF ("GIF87a", "GIF89a": its header can be all text, a known
 * JavaScript polyglot) and anything else is FILETYPE_UNKNOWN (refused).
 */
#ifndef BRON_FILETYPE_H
#define BRON_FILETYPE_H

#include <stddef.h>

enum filetype {
	FILETYPE_UNKNOWN = 0,
	FILETYPE_PDF,
	FILETYPE_PNG,
	FILETYPE_JPEG,
	FILETYPE_WEBP,
	FILETYPE_TEXT,
	FILETYPE_ODT,
	FILETYPE_DOCX,
	/* Refused, named for the message. */
	FILETYPE_HTML,
	FILETYPE_SVG,
	FILETYPE_ZIP,		/* another ZIP (not ODT/DOCX) */
	FILETYPE_MACRO,		/* a DOCX with macros */
	FILETYPE_EXE,		/* ELF, PE ("MZ"), Mach-O, shell "#!" */
	FILETYPE__MAX
};

enum filetype	 filetype_sniff(const unsigned char *, size_t);
/* The media type (upload_mime in SQL), or NULL for refused types. */
const char	*filetype_mime(enum filetype);
/* The usual extension without dot ("pdf", "docx"), or NULL. */
const char	*filetype_ext(enum filetype);
/* By media type (as stored), FILETYPE_UNKNOWN if not an allowed one. */
enum filetype	 filetype_by_mime(const char *);
/* PNG, JPEG or WebP: may be shown inline. */
int		 filetype_is_image(enum filetype);
/*
 * A PDF that names /JavaScript, /JS, /Launch, /OpenAction with an
 * action (anything but a destination array), /AA or /EmbeddedFile(s)
 * (also inside hex-escaped names such as "/J#61vaScript"). Names inside
 * compressed object streams are not seen: a hint, not a guarantee.
 * Such a PDF is accepted, and like every PDF is only ever served as an
 * attachment; the answer is for the log and tests.
 */
int		 filetype_pdf_active(const unsigned char *, size_t);

#endif
