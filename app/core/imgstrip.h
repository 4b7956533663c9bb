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
 *         length, type (four letters) and CRC; needs IHDR first and
 *         only once, at least one IDAT, and IEND.
 *   JPEG  keeps SOI, APP0 only as JFIF (a JFXX thumbnail can show what
 *         was cropped away), APP2 only as ICC_PROFILE (not MPF's extra
 *         pictures), APP14 only as Adobe, DQT, DHT, DAC, DNL, DRI,
 *         SOFn, SOS with its entropy-coded data, RSTn, EOI; drops APP1
 *         (EXIF, XMP), APP13 (IPTC), COM, the other APPn and JPGn, and
 *         fill bytes between segments; needs a SOF before the first
 *         SOS, a scan, and EOI; stops at EOI; a reserved marker is -1.
 *   WebP  keeps VP8, VP8L, VP8X (its EXIF and XMP flags cleared), ALPH,
 *         ANIM, ANMF, ICCP; drops EXIF, XMP and unknown chunks and
 *         anything after the RIFF data; needs VP8, VP8L or VP8X (at
 *         least 10 bytes) first and a VP8, VP8L or ANMF chunk; the RIFF
 *         size is rewritten, pad bytes are written as 0.
 * The copy is exactly the same type to filetype_sniff(), and stripping
 * it again gives the same bytes.
 */
#ifndef BRON_IMGSTRIP_H
#define BRON_IMGSTRIP_H

#include <stddef.h>

#include "filetype.h"

struct sbuf;

/*
 * Append the cleaned copy of an image of type t to out. Returns 0, or
 * -1 when the image is malformed (truncated, bad lengths or CRC, no
 * image data): refuse the upload; out is then as it was. Other types
 * are copied as they are.
 */
int	imgstrip(enum filetype t, const unsigned char *, size_t,
	    struct sbuf *out);

#endif
