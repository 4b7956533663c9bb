/*
 * Copy an image without its metadata (EXIF with GPS positions, XMP,
 * IPTC, comments, text chunks), so a photo uploaded to Bron tells
 * nobody where or when it was taken, or with which phone. The pixels
 * are not decoded or re-encoded: the container is walked and only the
 * parts needed to show the image are copied.
 *
 *   PNG   keeps IHDR, PLTE, IDAT, IEND, tRNS, gAMA, cHRM, sRGB, iCCP,
 *         sBIT, pHYs, bKGD (and acTL/fcTL/fdAT of an APNG); drops tEXt,
 *         zTXt, iTXt, eXIf, tIME and every unknown chunk; stops at IEND
 *         (anything appended after it is dropped); checks every chunk's
 *         length and CRC.
 *   JPEG  keeps SOI, APP0 (JFIF), APP2 (ICC profile), APP14 (Adobe),
 *         DQT, DHT, DRI, SOFn, SOS with its entropy-coded data, RSTn,
 *         EOI; drops APP1 (EXIF, XMP), APP13 (IPTC), COM and the other
 *         APPn; stops at EOI.
 *   WebP  keeps VP8, VP8L, VP8X (its EXIF and XMP flags cleared), ALPH,
 *         ANIM, ANMF, ICCP; drops EXIF and XMP chunks; the RIFF size is
 *         rewritten.
 */
#ifndef BRON_IMGSTRIP_H
#define BRON_IMGSTRIP_H

#include <stddef.h>

#include "filetype.h"

struct sbuf;

/*
 * Append the cleaned copy of an image of type t to out. Returns 0, or
 * -1 when the image is malformed (truncated, bad lengths or CRC, no
 * image data): refuse the upload. Other types are copied as they are.
 */
int	imgstrip(enum filetype t, const unsigned char *, size_t,
	    struct sbuf *out);

#endif
