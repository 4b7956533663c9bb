/*
 * squery_parse on arbitrary bytes never crashes and answers by the
 * rules of squery.h: SQ_TOO_LONG past SQ_MAX_BYTES, SQ_BAD_UTF8 exactly
 * when a byte is invalid UTF-8 or a control, SQ_EMPTY for spaces only.
 * The terms: at most SQ_MAX_TERMS, each non-empty, at most SQ_TERM_MAX
 * bytes of valid UTF-8 without controls or quotes; words without spaces,
 * never OR/OF when positive and never starting with "-"; phrases with
 * single inner spaces; positive groups counted 0, 1, ... in order and
 * excluded terms in group -1. squery_json and squery_words are read
 * back by a strict JSON reader and give those very terms; the query
 * squery_format writes parses back to the same terms, and with
 * substitutes (bytes of the input) to as many terms, the rest unchanged.
 */
#include <stdint.h>
#include <string.h>

#include "core/sbuf.h"
#include "core/squery.h"
#include "fuzz.h"

/* Length of a valid UTF-8 sequence at p and its code point, or 0. */
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
is_space(uint32_t c)
{
	return (c == ' ' || c == '\t' || c == '\r' || c == '\n');
}

/* The input's class by the header's rules, worked out on its own. */
static enum sq_err
classify(const unsigned char *p, size_t n)
{
	size_t		i, l;
	uint32_t	cp;
	int		seen = 0;

	if (n > SQ_MAX_BYTES)
		return (SQ_TOO_LONG);
	for (i = 0; i < n; i += l) {
		if ((l = dec(p + i, n - i, &cp)) == 0)
			return (SQ_BAD_UTF8);
		if ((cp < 0x20 && !is_space(cp)) || (cp >= 0x7f && cp <= 0x9f))
			return (SQ_BAD_UTF8);
		if (!is_space(cp))
			seen = 1;
	}
	return (seen ? SQ_OK : SQ_EMPTY);
}

static void
check_term(const struct sq_term *t)
{
	const unsigned char	*p = (const unsigned char *)t->text;
	size_t			 i, l, n;
	uint32_t		 cp;

	n = strnlen(t->text, sizeof(t->text));
	CHECK(n >= 1 && n <= SQ_TERM_MAX);
	for (i = 0; i < n; i += l) {
		CHECK((l = dec(p + i, n - i, &cp)) > 0);
		CHECK(cp >= 0x20 && !(cp >= 0x7f && cp <= 0x9f));
		CHECK(cp != '"' && cp != '\t' && cp != '\r' && cp != '\n');
		if (cp == ' ') {
			CHECK(t->phrase);
			CHECK(i > 0 && i + 1 < n && p[i + 1] != ' ');
		}
	}
	if (!t->phrase && !t->negated)
		CHECK(strcmp(t->text, "OR") != 0 && strcmp(t->text, "OF") != 0);
	if (!t->phrase)
		CHECK(t->text[0] != '-');
	CHECK(t->phrase == 0 || t->phrase == 1);
	CHECK(t->negated == 0 || t->negated == 1);
}

/* A strict reader of what squery.c writes. */
struct rd {
	const char	*p;
	size_t		 n, i;
};

static void
lit(struct rd *r, const char *s)
{
	size_t	l = strlen(s);

	CHECK(r->n - r->i >= l && memcmp(r->p + r->i, s, l) == 0);
	r->i += l;
}

static int
hex4(struct rd *r)
{
	int	v = 0, k, c;

	CHECK(r->n - r->i >= 4);
	for (k = 0; k < 4; k++) {
		c = r->p[r->i++];
		v *= 16;
		if (c >= '0' && c <= '9')
			v += c - '0';
		else if (c >= 'a' && c <= 'f')
			v += c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v += c - 'A' + 10;
		else
			CHECK(0);
	}
	return (v);
}

/* A JSON string (RFC 8259: no raw control, valid UTF-8), decoded. */
static size_t
str(struct rd *r, char *out, size_t max)
{
	size_t		o = 0, l;
	uint32_t	cp;
	int		v;

	lit(r, "\"");
	for (;;) {
		CHECK(r->i < r->n);
		if (r->p[r->i] == '"') {
			r->i++;
			break;
		}
		CHECK(o + 4 < max);
		if (r->p[r->i] == '\\') {
			r->i++;
			CHECK(r->i < r->n);
			switch (r->p[r->i++]) {
			case '"':
				out[o++] = '"';
				break;
			case '\\':
				out[o++] = '\\';
				break;
			case '/':
				out[o++] = '/';
				break;
			case 'n':
				out[o++] = '\n';
				break;
			case 'u':
				/* squery.c writes \u only below 0x80. */
				v = hex4(r);
				CHECK(v < 0x80);
				out[o++] = (char)v;
				break;
			default:
				CHECK(0);
			}
			continue;
		}
		l = dec((const unsigned char *)r->p + r->i, r->n - r->i, &cp);
		CHECK(l > 0 && cp >= 0x20);
		memcpy(out + o, r->p + r->i, l);
		o += l;
		r->i += l;
	}
	out[o] = '\0';
	return (o);
}

/* {"t":"..","p":true|false} matching t. */
static void
term(struct rd *r, const struct sq_term *t)
{
	char	text[4 * SQ_TERM_MAX + 8];

	lit(r, "{\"t\":");
	str(r, text, sizeof(text));
	CHECK(strcmp(text, t->text) == 0);
	lit(r, t->phrase ? ",\"p\":true}" : ",\"p\":false}");
}

static void
check_json(const struct squery *sq, const struct sbuf *sb)
{
	struct rd	r = { sb->data, sb->len, 0 };
	size_t		i;
	int		group = -1, first = 1;

	lit(&r, "{\"all\":[");
	for (i = 0; i < sq->nterms; i++) {
		if (sq->terms[i].negated)
			continue;
		if (sq->terms[i].group != group) {
			if (group != -1)
				lit(&r, "],");
			lit(&r, "[");
			group = sq->terms[i].group;
		} else
			lit(&r, ",");
		term(&r, &sq->terms[i]);
	}
	if (group != -1)
		lit(&r, "]");
	lit(&r, "],\"not\":[");
	for (i = 0; i < sq->nterms; i++) {
		if (!sq->terms[i].negated)
			continue;
		if (!first)
			lit(&r, ",");
		first = 0;
		term(&r, &sq->terms[i]);
	}
	lit(&r, "]}");
	CHECK(r.i == r.n);
}

static void
check_words(const struct squery *sq, const struct sbuf *sb, int n)
{
	struct rd	r = { sb->data, sb->len, 0 };
	char		text[4 * SQ_TERM_MAX + 8];
	size_t		i;
	int		k = 0;

	lit(&r, "[");
	for (i = 0; i < sq->nterms; i++) {
		if (sq->terms[i].negated || sq->terms[i].phrase)
			continue;
		if (k++ > 0)
			lit(&r, ",");
		str(&r, text, sizeof(text));
		CHECK(strcmp(text, sq->terms[i].text) == 0);
	}
	lit(&r, "]");
	CHECK(r.i == r.n);
	CHECK(k == n);
}

static void
same_terms(const struct squery *a, const struct squery *b)
{
	size_t	i;

	CHECK(a->nterms == b->nterms);
	for (i = 0; i < a->nterms; i++) {
		CHECK(strcmp(a->terms[i].text, b->terms[i].text) == 0);
		CHECK(a->terms[i].phrase == b->terms[i].phrase);
		CHECK(a->terms[i].negated == b->terms[i].negated);
		CHECK(a->terms[i].group == b->terms[i].group);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct squery	 sq, again;
	char			 subbuf[SQ_MAX_TERMS][24];
	const char		*subst[SQ_MAX_TERMS];
	struct sbuf		 sb;
	enum sq_err		 e, want;
	size_t			 i, j, w, l;
	int			 group, n, positive;

	e = squery_parse(&sq, (const char *)data, size);
	want = classify(data, size);
	if (want != SQ_OK) {
		CHECK(e == want);
		CHECK(sq.nterms == 0 && !sq.unbalanced && !sq.truncated);
		return (0);
	}
	CHECK(e == SQ_OK || e == SQ_NO_TERMS || e == SQ_ONLY_NOT);
	CHECK(sq.nterms <= SQ_MAX_TERMS);
	CHECK(!sq.truncated || sq.nterms == SQ_MAX_TERMS);
	CHECK(!sq.unbalanced || memchr(data, '"', size) != NULL);
	group = -1;
	positive = 0;
	for (i = 0; i < sq.nterms; i++) {
		check_term(&sq.terms[i]);
		if (sq.terms[i].negated) {
			CHECK(sq.terms[i].group == -1);
			continue;
		}
		CHECK(sq.terms[i].group == group ||
		    sq.terms[i].group == group + 1);
		/* A group is a run: nothing excluded in between. */
		if (sq.terms[i].group == group)
			CHECK(i > 0 && !sq.terms[i - 1].negated);
		group = sq.terms[i].group;
		positive++;
	}
	if (e == SQ_NO_TERMS)
		CHECK(sq.nterms == 0);
	else if (e == SQ_ONLY_NOT)
		CHECK(sq.nterms > 0 && positive == 0);
	else
		CHECK(positive > 0);
	if (e != SQ_OK)
		return (0);

	sbuf_init(&sb);
	CHECK(squery_json(&sq, &sb) == 0);
	check_json(&sq, &sb);
	sbuf_reset(&sb);
	n = squery_words(&sq, &sb);
	CHECK(n >= 0 && n <= SQ_MAX_TERMS);
	check_words(&sq, &sb, n);

	/* Written back, parsed again: the same terms. */
	sbuf_reset(&sb);
	CHECK(squery_format(&sq, NULL, 0, &sb) == 0);
	CHECK(squery_parse(&again, sb.data, sb.len) == SQ_OK);
	CHECK(!again.truncated && !again.unbalanced);
	same_terms(&sq, &again);

	/* Substitutes cut from the input (any bytes up to a NUL). */
	for (w = 0; w < (size_t)n; w++) {
		j = (w * 7 + size / 3) % size;
		l = (size - j) < sizeof(subbuf[w]) - 1 ?
		    size - j : sizeof(subbuf[w]) - 1;
		l = (l + w) % (sizeof(subbuf[w]) - 1);
		if (l > size - j)
			l = size - j;
		memcpy(subbuf[w], data + j, l);
		subbuf[w][l] = '\0';
		subst[w] = (w % 3 == 2) ? NULL : subbuf[w];
	}
	sbuf_reset(&sb);
	CHECK(squery_format(&sq, subst, (size_t)n, &sb) == 0);
	CHECK(squery_parse(&again, sb.data, sb.len) == SQ_OK);
	CHECK(again.nterms == sq.nterms);
	for (i = w = 0; i < sq.nterms; i++) {
		check_term(&again.terms[i]);
		CHECK(again.terms[i].group == sq.terms[i].group);
		CHECK(again.terms[i].negated == sq.terms[i].negated);
		if (sq.terms[i].negated || sq.terms[i].phrase ||
		    subst[w++] == NULL) {
			CHECK(strcmp(again.terms[i].text,
			    sq.terms[i].text) == 0);
			CHECK(again.terms[i].phrase == sq.terms[i].phrase);
		}
	}
	sbuf_free(&sb);
	return (0);
}
