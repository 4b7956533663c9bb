/*
 * The search box's syntax (squery.h): one pass that checks the bytes,
 * one that cuts them into terms and OR groups, and three writers.
 */
#include <string.h>

#include "html.h"
#include "jw.h"
#include "sbuf.h"
#include "squery.h"

struct sq_state {
	struct squery	*sq;
	int		 ngroups;	/* groups handed out so far */
	int		 prev_pos;	/* the last term kept is positive */
	int		 join;		/* an OR follows that term */
};

static int	is_space(unsigned char);
static int	is_or(const char *, size_t);
static enum sq_err check_bytes(const unsigned char *, size_t);
static size_t	copy_term(char *, const unsigned char *, size_t);
static void	add_term(struct sq_state *, const char *, size_t, int, int);
static void	write_term(struct sbuf *, const struct sq_term *);
static void	write_subst(struct sbuf *, const char *,
		    const struct sq_term *);

/* Tab, CR and LF are spaces; every other control byte is refused. */
static int
is_space(unsigned char c)
{
	return (c == ' ' || c == '\t' || c == '\r' || c == '\n');
}

static int
is_or(const char *p, size_t n)
{
	return (n == 2 && (memcmp(p, "OR", 2) == 0 ||
	    memcmp(p, "OF", 2) == 0));
}

/*
 * Valid UTF-8 without NUL, other C0 controls than tab/CR/LF, DEL or C1
 * controls (U+0080..U+009F); SQ_EMPTY when nothing but spaces.
 */
static enum sq_err
check_bytes(const unsigned char *p, size_t n)
{
	size_t	i, l;
	int	seen = 0;

	for (i = 0; i < n; i += l) {
		if (p[i] < 0x20 && !is_space(p[i]))
			return (SQ_BAD_UTF8);
		if (p[i] == 0x7f)
			return (SQ_BAD_UTF8);
		if ((l = html_utf8_len(p + i, n - i)) == 0)
			return (SQ_BAD_UTF8);
		if (l == 2 && p[i] == 0xc2 && p[i + 1] < 0xa0)
			return (SQ_BAD_UTF8);
		if (!is_space(p[i]))
			seen = 1;
	}
	return (seen ? SQ_OK : SQ_EMPTY);
}

/*
 * Copy n bytes of checked input into out (SQ_TERM_MAX + 1 bytes): runs
 * of spaces become one space, none at either end; the copy stops before
 * the first character that would pass SQ_TERM_MAX bytes. Returns the
 * length.
 */
static size_t
copy_term(char *out, const unsigned char *p, size_t n)
{
	size_t	i, l, o = 0;
	int	gap = 0;

	for (i = 0; i < n; i += l) {
		l = html_utf8_len(p + i, n - i);
		if (l == 0)
			break;		/* cannot happen: checked first */
		if (is_space(p[i])) {
			gap = (o > 0);
			continue;
		}
		if (o + (size_t)gap + l > SQ_TERM_MAX)
			break;
		if (gap)
			out[o++] = ' ';
		gap = 0;
		memcpy(out + o, p + i, l);
		o += l;
	}
	out[o] = '\0';
	return (o);
}

static void
add_term(struct sq_state *st, const char *p, size_t n, int phrase,
    int negated)
{
	struct squery	*sq = st->sq;
	struct sq_term	*t;
	char		 buf[SQ_TERM_MAX + 1];

	/* Empty quotes are nothing: the state stays as it was. */
	if (copy_term(buf, (const unsigned char *)p, n) == 0)
		return;
	if (sq->nterms == SQ_MAX_TERMS) {
		sq->truncated = 1;
		return;
	}
	t = &sq->terms[sq->nterms++];
	memcpy(t->text, buf, sizeof(t->text));
	t->phrase = phrase;
	t->negated = negated;
	if (negated)
		t->group = -1;
	else if (st->join && st->prev_pos)
		t->group = st->ngroups - 1;
	else
		t->group = st->ngroups++;
	st->prev_pos = !negated;
	st->join = 0;
}

enum sq_err
squery_parse(struct squery *sq, const char *q, size_t len)
{
	const unsigned char	*p = (const unsigned char *)q;
	struct sq_state		 st;
	enum sq_err		 e;
	size_t			 i, j, start;
	int			 neg;

	memset(sq, 0, sizeof(*sq));
	memset(&st, 0, sizeof(st));
	st.sq = sq;
	if (len > SQ_MAX_BYTES)
		return (SQ_TOO_LONG);
	if ((e = check_bytes(p, len)) != SQ_OK)
		return (e);

	for (i = 0; i < len; ) {
		if (is_space(p[i])) {
			i++;
			continue;
		}
		neg = 0;
		if (p[i] == '-') {
			for (j = i; j < len && p[j] == '-'; j++)
				;
			i = j;
			/* A lone "-" (or "--") is ignored. */
			if (j == len || is_space(p[j]))
				continue;
			neg = 1;
		}
		if (p[i] == '"') {
			start = ++i;
			while (i < len && p[i] != '"')
				i++;
			if (i == len)
				sq->unbalanced = 1;
			add_term(&st, q + start, i - start, 1, neg);
			if (i < len)
				i++;
			continue;
		}
		start = i;
		while (i < len && !is_space(p[i]) && p[i] != '"')
			i++;
		if (!neg && is_or(q + start, i - start)) {
			/* Joins only a positive term to the next one. */
			if (st.prev_pos)
				st.join = 1;
			continue;
		}
		add_term(&st, q + start, i - start, 0, neg);
	}

	if (sq->nterms == 0)
		return (SQ_NO_TERMS);
	if (st.ngroups == 0)
		return (SQ_ONLY_NOT);
	return (SQ_OK);
}

static void
write_term(struct sbuf *sb, const struct sq_term *t)
{
	sbuf_puts(sb, "{\"t\":");
	jw_string(sb, t->text, strlen(t->text));
	sbuf_puts(sb, t->phrase ? ",\"p\":true}" : ",\"p\":false}");
}

int
squery_json(const struct squery *sq, struct sbuf *sb)
{
	const struct sq_term	*t;
	size_t			 i;
	int			 group = -1, first;

	sbuf_puts(sb, "{\"all\":[");
	for (i = 0; i < sq->nterms; i++) {
		t = &sq->terms[i];
		if (t->negated)
			continue;
		if (t->group != group) {
			if (group != -1)
				sbuf_puts(sb, "],");
			sbuf_putc(sb, '[');
			group = t->group;
		} else
			sbuf_putc(sb, ',');
		write_term(sb, t);
	}
	if (group != -1)
		sbuf_putc(sb, ']');
	sbuf_puts(sb, "],\"not\":[");
	first = 1;
	for (i = 0; i < sq->nterms; i++) {
		t = &sq->terms[i];
		if (!t->negated)
			continue;
		if (!first)
			sbuf_putc(sb, ',');
		first = 0;
		write_term(sb, t);
	}
	sbuf_puts(sb, "]}");
	return (0);
}

int
squery_words(const struct squery *sq, struct sbuf *sb)
{
	const struct sq_term	*t;
	size_t			 i;
	int			 n = 0;

	sbuf_putc(sb, '[');
	for (i = 0; i < sq->nterms; i++) {
		t = &sq->terms[i];
		if (t->negated || t->phrase)
			continue;
		if (n++ > 0)
			sbuf_putc(sb, ',');
		jw_string(sb, t->text, strlen(t->text));
	}
	sbuf_putc(sb, ']');
	return (n);
}

/*
 * A suggested word in place of t: quotes, control bytes and invalid
 * UTF-8 dropped, spaces collapsed, cut to SQ_TERM_MAX bytes; written in
 * quotes when it holds a space, starts with "-" or is OR/OF, so it
 * parses back as one term. Nothing left: the typed word.
 */
static void
write_subst(struct sbuf *sb, const char *s, const struct sq_term *t)
{
	const unsigned char	*p = (const unsigned char *)s;
	char			 buf[SQ_TERM_MAX + 1];
	size_t			 i, l, n, o = 0;
	int			 gap = 0, quote;

	n = strlen(s);
	for (i = 0; i < n; i += l) {
		if ((l = html_utf8_len(p + i, n - i)) == 0) {
			l = 1;
			continue;
		}
		if (p[i] == '"' || p[i] == 0x7f ||
		    (l == 2 && p[i] == 0xc2 && p[i + 1] < 0xa0))
			continue;
		if (p[i] <= 0x20) {
			gap = (o > 0);
			continue;
		}
		if (o + (size_t)gap + l > SQ_TERM_MAX)
			break;
		if (gap)
			buf[o++] = ' ';
		gap = 0;
		memcpy(buf + o, p + i, l);
		o += l;
	}
	buf[o] = '\0';
	if (o == 0) {
		sbuf_puts(sb, t->text);
		return;
	}
	quote = strchr(buf, ' ') != NULL || buf[0] == '-' || is_or(buf, o);
	if (quote)
		sbuf_putc(sb, '"');
	sbuf_add(sb, buf, o);
	if (quote)
		sbuf_putc(sb, '"');
}

int
squery_format(const struct squery *sq, const char *const *subst,
    size_t nsubst, struct sbuf *sb)
{
	const struct sq_term	*t, *prev = NULL;
	size_t			 i, w = 0;

	for (i = 0; i < sq->nterms; prev = t, i++) {
		t = &sq->terms[i];
		if (prev != NULL)
			sbuf_puts(sb, !t->negated && !prev->negated &&
			    t->group == prev->group ? " OR " : " ");
		if (t->negated)
			sbuf_putc(sb, '-');
		if (t->phrase) {
			sbuf_putc(sb, '"');
			sbuf_puts(sb, t->text);
			sbuf_putc(sb, '"');
		} else if (!t->negated) {
			if (subst != NULL && w < nsubst && subst[w] != NULL)
				write_subst(sb, subst[w], t);
			else
				sbuf_puts(sb, t->text);
			w++;
		} else
			sbuf_puts(sb, t->text);
	}
	return (0);
}
