/*
 * ics_text on arbitrary bytes: the output is valid UTF-8, every line
 * ends in CRLF and has at most 75 octets, no continuation line starts
 * inside a UTF-8 sequence, no control byte but CR and LF is left, and
 * unfolding then unescaping gives back the input with newlines as LF,
 * tabs as spaces, other controls dropped and bad UTF-8 as U+FFFD.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/html.h"
#include "core/ics.h"
#include "core/sbuf.h"
#include "fuzz.h"

static void	expect(struct sbuf *, const unsigned char *, size_t);

/* What the value should read as after unescaping. */
static void
expect(struct sbuf *sb, const unsigned char *p, size_t len)
{
	size_t	i, n;

	for (i = 0; i < len; i += n) {
		n = 1;
		if (p[i] == '\r') {
			if (i + 1 < len && p[i + 1] == '\n')
				n = 2;
			sbuf_putc(sb, '\n');
		} else if (p[i] == '\n')
			sbuf_putc(sb, '\n');
		else if (p[i] == '\t')
			sbuf_putc(sb, ' ');
		else if (p[i] < 0x20 || p[i] == 0x7f)
			continue;
		else if (p[i] < 0x80)
			sbuf_putc(sb, (char)p[i]);
		else if ((n = html_utf8_len(p + i, len - i)) == 0) {
			sbuf_add(sb, "\xef\xbf\xbd", 3);
			n = 1;
		} else
			sbuf_add(sb, p + i, n);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sbuf	 out, plain, want;
	char		*s;
	size_t		 i, start, len;
	const char	*v;

	if ((s = malloc(size + 1)) == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	len = strlen(s);
	sbuf_init(&out);
	sbuf_init(&plain);
	sbuf_init(&want);

	ics_text(&out, "SUMMARY", s);
	CHECK(out.len >= 2 && memcmp(out.data + out.len - 2, "\r\n", 2) == 0);
	CHECK(html_utf8_valid(out.data, out.len));
	for (start = 0, i = 0; i < out.len; i++) {
		unsigned char	c = (unsigned char)out.data[i];

		if (c == '\n') {
			CHECK(i > 0 && out.data[i - 1] == '\r');
			CHECK(i - 1 - start <= ICS_LINE_MAX);
			if (i + 1 < out.len) {
				CHECK(out.data[i + 1] == ' ');
				CHECK(i + 2 < out.len && ((unsigned char)
				    out.data[i + 2] & 0xc0) != 0x80);
			}
			start = i + 1;
		} else if (c == '\r')
			CHECK(i + 1 < out.len && out.data[i + 1] == '\n');
		else
			CHECK(c >= 0x20 && c != 0x7f);
	}

	/* Unfold, then unescape the value. */
	for (i = 0; i < out.len - 2; i++) {
		if (out.data[i] == '\r') {
			i += 2;		/* CRLF SP */
			continue;
		}
		sbuf_putc(&plain, out.data[i]);
	}
	v = sbuf_cstr(&plain);
	CHECK(strncmp(v, "SUMMARY:", 8) == 0);
	sbuf_reset(&out);
	for (i = 8; i < plain.len; i++) {
		if (plain.data[i] != '\\') {
			CHECK(plain.data[i] != ';' && plain.data[i] != ',');
			sbuf_putc(&out, plain.data[i]);
			continue;
		}
		i++;
		CHECK(i < plain.len);
		if (plain.data[i] == 'n')
			sbuf_putc(&out, '\n');
		else {
			CHECK(plain.data[i] == '\\' || plain.data[i] == ';' ||
			    plain.data[i] == ',');
			sbuf_putc(&out, plain.data[i]);
		}
	}
	expect(&want, (const unsigned char *)s, len);
	CHECK(out.len == want.len && (out.len == 0 ||
	    memcmp(out.data, want.data, out.len) == 0));

	sbuf_free(&out);
	sbuf_free(&plain);
	sbuf_free(&want);
	free(s);
	return (0);
}
