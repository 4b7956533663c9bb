/*
 * Line and word diff. One engine, Myers' linear-space O(ND) algorithm
 * ("An O(ND) Difference Algorithm and Its Variations", 1986, section
 * 4b: find the middle snake, recurse on both sides), runs over an
 * array of byte ranges: the lines of a text, or the tokens of a line.
 * Each call first strips the common head and tail, which is cheap, and
 * also rules out the boxes with a single edit where splitting at the
 * middle snake would not make the problem smaller.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "html.h"
#include "sbuf.h"

/* A line pair is word-diffed only within these bounds, else shown whole. */
#define WORD_MAX_TOKENS	4000
#define WORD_MAX_EDITS	400
/* Unchanged lines kept next to a change; longer runs are folded. */
#define CONTEXT		3
#define FOLD_FALLBACK	"\xe2\x80\xa6 %zu ongewijzigde regels"

struct span {
	const char	*p;
	size_t		 len;
	uint32_t	 hash;
};

struct spans {
	struct span	*v;
	size_t		 n;
	size_t		 cap;
};

/* One comparison: a[] against b[], marks in adel[] and bins[]. */
struct ses {
	const struct span	*a;
	const struct span	*b;
	unsigned char		*adel;	/* 1: a[i] is not in b */
	unsigned char		*bins;	/* 1: b[j] is not in a */
	long			*vf;
	long			*vb;
	long			 max_edits;
};

enum op { OP_SAME, OP_DEL, OP_INS };

static uint32_t	diff_hash(const char *, size_t);
static void	spans_add(struct spans *, const char *, size_t);
static void	split_lines(struct spans *, const char *, size_t);
static void	split_words(struct spans *, const char *, size_t);
static int	span_eq(const struct span *, const struct span *);
static long	ses_mod(long, long);
static int	ses_run(struct ses *, long, long, long, long, int);
static int	ses_diff(const struct spans *, const struct spans *,
		    unsigned char **, unsigned char **, long);
static void	put_row(struct sbuf *, enum op, size_t, size_t);
static void	put_text(struct sbuf *, enum op, const struct span *,
		    size_t);
static void	put_line(struct sbuf *, enum op, size_t, size_t,
		    const struct span *);
static void	join_blanks(const struct spans *, unsigned char *,
		    const struct spans *, unsigned char *);
static void	put_pair(struct sbuf *, size_t, const struct span *,
		    size_t, const struct span *);
static void	put_fold(struct sbuf *, const char *, size_t);
static int	fold_ok(const char *);

/* FNV-1a: only a fast pre-check, equality is decided by memcmp. */
static uint32_t
diff_hash(const char *p, size_t n)
{
	uint32_t	h = 2166136261u;
	size_t		i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 16777619u;
	}
	return (h);
}

static void
spans_add(struct spans *s, const char *p, size_t n)
{
	struct span	*v;
	size_t		 ncap;

	if (s->n == s->cap) {
		ncap = s->cap ? s->cap * 2 : 64;
		if (ncap > SIZE_MAX / sizeof(*v) ||
		    (v = realloc(s->v, ncap * sizeof(*v))) == NULL)
			abort();
		s->v = v;
		s->cap = ncap;
	}
	s->v[s->n].p = p;
	s->v[s->n].len = n;
	s->v[s->n].hash = diff_hash(p, n);
	s->n++;
}

/* Lines without their "\n" or "\r\n"; no empty line after a final "\n". */
static void
split_lines(struct spans *s, const char *t, size_t n)
{
	size_t	i, start, end;

	start = 0;
	for (i = 0; i <= n; i++) {
		if (i < n && t[i] != '\n')
			continue;
		if (i == n && start == n)
			break;
		end = i;
		if (end > start && t[end - 1] == '\r')
			end--;
		spans_add(s, t + start, end - start);
		start = i + 1;
	}
}

/*
 * Words: runs of letters and digits (any byte >= 0x80 counts as a
 * letter, so UTF-8 stays whole), runs of blanks, single other bytes.
 */
static void
split_words(struct spans *s, const char *t, size_t n)
{
	size_t		i, j;
	unsigned char	c;
	int		cls, k;

	for (i = 0; i < n; i = j) {
		c = (unsigned char)t[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c >= 0x80)
			cls = 1;
		else if (c == ' ' || c == '\t')
			cls = 2;
		else
			cls = 0;
		for (j = i + 1; cls != 0 && j < n; j++) {
			c = (unsigned char)t[j];
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			    (c >= '0' && c <= '9') || c >= 0x80)
				k = 1;
			else if (c == ' ' || c == '\t')
				k = 2;
			else
				k = 0;
			if (k != cls)
				break;
		}
		spans_add(s, t + i, j - i);
	}
}

static int
span_eq(const struct span *x, const struct span *y)
{
	return (x->hash == y->hash && x->len == y->len &&
	    memcmp(x->p, y->p, x->len) == 0);
}

static long
ses_mod(long k, long z)
{
	return (((k % z) + z) % z);
}

/*
 * Marks the edits turning a[a0 .. a0+n) into b[b0 .. b0+m). At the top
 * (top = 1) the search for the middle snake also finds the whole edit
 * distance: past max_edits it gives up and returns -1.
 */
static int
ses_run(struct ses *s, long a0, long n, long b0, long m, int top)
{
	long	*c, *d, L, w, z, zz, h, k, kmin, kmax, x, y, sx, sy;
	long	 D, X, Y, U, V, i;
	int	 r, o;

	while (n > 0 && m > 0 && span_eq(&s->a[a0], &s->b[b0])) {
		a0++;
		b0++;
		n--;
		m--;
	}
	while (n > 0 && m > 0 &&
	    span_eq(&s->a[a0 + n - 1], &s->b[b0 + m - 1])) {
		n--;
		m--;
	}
	if (n == 0 || m == 0) {
		if (top && n + m > s->max_edits)
			return (-1);
		for (i = 0; i < n; i++)
			s->adel[a0 + i] = 1;
		for (i = 0; i < m; i++)
			s->bins[b0 + i] = 1;
		return (0);
	}

	L = n + m;
	w = n - m;
	z = 2 * (n < m ? n : m) + 2;
	memset(s->vf, 0, (size_t)z * sizeof(long));
	memset(s->vb, 0, (size_t)z * sizeof(long));
	for (h = 0; h <= L / 2 + (L % 2 != 0); h++) {
		if (top && 2 * h - 1 > s->max_edits)
			return (-1);
		for (r = 0; r < 2; r++) {
			/* r = 0 forward from (0,0), r = 1 back from (n,m). */
			c = r == 0 ? s->vf : s->vb;
			d = r == 0 ? s->vb : s->vf;
			o = r == 0;
			kmin = -(h - 2 * (h > m ? h - m : 0));
			kmax = h - 2 * (h > n ? h - n : 0);
			for (k = kmin; k <= kmax; k += 2) {
				if (k == -h || (k != h &&
				    c[ses_mod(k - 1, z)] < c[ses_mod(k + 1, z)]))
					x = c[ses_mod(k + 1, z)];
				else
					x = c[ses_mod(k - 1, z)] + 1;
				y = x - k;
				sx = x;
				sy = y;
				while (x < n && y < m && (o ?
				    span_eq(&s->a[a0 + x], &s->b[b0 + y]) :
				    span_eq(&s->a[a0 + n - 1 - x],
				    &s->b[b0 + m - 1 - y]))) {
					x++;
					y++;
				}
				c[ses_mod(k, z)] = x;
				zz = -(k - w);
				if (L % 2 != o || zz < -(h - o) || zz > h - o ||
				    x + d[ses_mod(zz, z)] < n)
					continue;
				if (o) {
					D = 2 * h - 1;
					X = sx;
					Y = sy;
					U = x;
					V = y;
				} else {
					D = 2 * h;
					X = n - x;
					Y = m - y;
					U = n - sx;
					V = m - sy;
				}
				if (top && D > s->max_edits)
					return (-1);
				if (D > 1 || (X != U && Y != V)) {
					ses_run(s, a0, X, b0, Y, 0);
					ses_run(s, a0 + U, n - U, b0 + V,
					    m - V, 0);
				} else if (m > n) {
					for (i = n; i < m; i++)
						s->bins[b0 + i] = 1;
				} else if (m < n) {
					for (i = m; i < n; i++)
						s->adel[a0 + i] = 1;
				}
				return (0);
			}
		}
	}
	abort();	/* The paths always meet by h = ceil(L / 2). */
}

/*
 * The edit marks of a -> b, malloc'd in *adel and *bins (each at least
 * one byte). -1 (marks undefined) if more than max_edits edits.
 */
static int
ses_diff(const struct spans *a, const struct spans *b, unsigned char **adel,
    unsigned char **bins, long max_edits)
{
	struct ses	s;
	size_t		z;
	int		rc;

	z = 2 * (a->n < b->n ? a->n : b->n) + 2;
	s.a = a->v;
	s.b = b->v;
	s.adel = calloc(a->n + 1, 1);
	s.bins = calloc(b->n + 1, 1);
	s.vf = calloc(z, sizeof(long));
	s.vb = calloc(z, sizeof(long));
	if (s.adel == NULL || s.bins == NULL || s.vf == NULL || s.vb == NULL)
		abort();
	s.max_edits = max_edits;
	rc = ses_run(&s, 0, (long)a->n, 0, (long)b->n, 1);
	free(s.vf);
	free(s.vb);
	*adel = s.adel;
	*bins = s.bins;
	return (rc);
}

/* Opens a row: class, both line numbers (0: none) and the marker. */
static void
put_row(struct sbuf *out, enum op op, size_t an, size_t bn)
{
	static const char *const cls[] = { "same", "del", "ins" };
	static const char *const mark[] = { "", "\xe2\x88\x92", "+" };

	sbuf_printf(out, "<tr class=\"diff-%s\"><td class=\"diff-n\">", cls[op]);
	if (an > 0)
		sbuf_printf(out, "%zu", an);
	sbuf_puts(out, "</td><td class=\"diff-n\">");
	if (bn > 0)
		sbuf_printf(out, "%zu", bn);
	sbuf_printf(out, "</td><td class=\"diff-m\">%s</td><td class=\"diff-t\">",
	    mark[op]);
}

/*
 * Text, inside <del> or <ins> unless it is unchanged. Text that
 * escapes to nothing (control bytes only) gets no empty mark.
 */
static void
put_text(struct sbuf *out, enum op op, const struct span *t, size_t n)
{
	size_t	mark = out->len, start;

	if (op == OP_DEL)
		sbuf_puts(out, "<del>");
	else if (op == OP_INS)
		sbuf_puts(out, "<ins>");
	start = out->len;
	html_text(out, t->p, n);
	if (out->len == start) {
		out->len = mark;
		if (out->data != NULL)
			out->data[mark] = '\0';
		return;
	}
	if (op == OP_DEL)
		sbuf_puts(out, "</del>");
	else if (op == OP_INS)
		sbuf_puts(out, "</ins>");
}

static void
put_line(struct sbuf *out, enum op op, size_t an, size_t bn,
    const struct span *l)
{
	put_row(out, op, an, bn);
	put_text(out, op, l, l->len);
	sbuf_puts(out, "</td></tr>\n");
}

/*
 * "twee drie" -> "zes zeven" keeps the blank between the words as
 * common text, which reads as two changes. A kept blank with changes
 * on both sides (on either line) becomes part of the change, on both
 * lines, so what the two lines keep stays the same text.
 */
static void
join_blanks(const struct spans *wa, unsigned char *adel,
    const struct spans *wb, unsigned char *bins)
{
	size_t	i = 0, j = 0;
	int	before, after;

	while (i < wa->n && j < wb->n) {
		if (adel[i]) {
			i++;
			continue;
		}
		if (bins[j]) {
			j++;
			continue;
		}
		/* a[i] and b[j] are a kept pair. */
		before = (i > 0 && adel[i - 1]) || (j > 0 && bins[j - 1]);
		after = (i + 1 < wa->n && adel[i + 1]) ||
		    (j + 1 < wb->n && bins[j + 1]);
		if (before && after && (wa->v[i].p[0] == ' ' ||
		    wa->v[i].p[0] == '\t')) {
			adel[i] = 1;
			bins[j] = 1;
		}
		i++;
		j++;
	}
}

/*
 * A removed line and the added line that took its place: two rows, the
 * changed words marked inside each. Too many words or edits: whole lines.
 */
static void
put_pair(struct sbuf *out, size_t an, const struct span *al, size_t bn,
    const struct span *bl)
{
	struct spans	 wa = { NULL, 0, 0 }, wb = { NULL, 0, 0 };
	unsigned char	*adel = NULL, *bins = NULL;
	size_t		 i, j;
	int		 rc = -1;

	split_words(&wa, al->p, al->len);
	split_words(&wb, bl->p, bl->len);
	if (wa.n <= WORD_MAX_TOKENS && wb.n <= WORD_MAX_TOKENS)
		rc = ses_diff(&wa, &wb, &adel, &bins, WORD_MAX_EDITS);
	if (rc == -1) {
		put_line(out, OP_DEL, an, 0, al);
		put_line(out, OP_INS, 0, bn, bl);
	} else {
		join_blanks(&wa, adel, &wb, bins);
		put_row(out, OP_DEL, an, 0);
		for (i = 0; i < wa.n; i = j) {
			for (j = i; j < wa.n && adel[j] == adel[i]; j++)
				;
			put_text(out, adel[i] ? OP_DEL : OP_SAME, &wa.v[i],
			    (size_t)(wa.v[j - 1].p + wa.v[j - 1].len -
			    wa.v[i].p));
		}
		sbuf_puts(out, "</td></tr>\n");
		put_row(out, OP_INS, 0, bn);
		for (i = 0; i < wb.n; i = j) {
			for (j = i; j < wb.n && bins[j] == bins[i]; j++)
				;
			put_text(out, bins[i] ? OP_INS : OP_SAME, &wb.v[i],
			    (size_t)(wb.v[j - 1].p + wb.v[j - 1].len -
			    wb.v[i].p));
		}
		sbuf_puts(out, "</td></tr>\n");
	}
	free(adel);
	free(bins);
	free(wa.v);
	free(wb.v);
}

/* 1 if fmt holds exactly one "%zu" and no other '%'. */
static int
fold_ok(const char *fmt)
{
	const char	*p;

	if (fmt == NULL || (p = strstr(fmt, "%zu")) == NULL)
		return (0);
	return (memchr(fmt, '%', (size_t)(p - fmt)) == NULL &&
	    strchr(p + 3, '%') == NULL);
}

/*
 * The row standing for n hidden unchanged lines. The label is filled
 * in by hand, not by printf, and escaped like any text.
 */
static void
put_fold(struct sbuf *out, const char *fmt, size_t n)
{
	const char	*p;

	if (!fold_ok(fmt))
		fmt = FOLD_FALLBACK;
	p = strstr(fmt, "%zu");
	sbuf_puts(out, "<tr class=\"diff-fold\"><td colspan=\"4\">");
	html_text(out, fmt, (size_t)(p - fmt));
	sbuf_printf(out, "%zu", n);
	html_text(out, p + 3, strlen(p + 3));
	sbuf_puts(out, "</td></tr>\n");
}

int
diff_html(struct sbuf *out, const char *a, size_t alen, const char *b,
    size_t blen, const char *fold_fmt, struct diff_stats *st)
{
	struct spans	 la = { NULL, 0, 0 }, lb = { NULL, 0, 0 };
	struct diff_stats dummy;
	unsigned char	*adel = NULL, *bins = NULL;
	size_t		 i, j, k, nd, ni, run, head, tail, pairs;
	int		 rc = -1;

	if (st == NULL)
		st = &dummy;
	memset(st, 0, sizeof(*st));
	split_lines(&la, a, alen);
	split_lines(&lb, b, blen);
	if (la.n <= DIFF_MAX_LINES && lb.n <= DIFF_MAX_LINES)
		rc = ses_diff(&la, &lb, &adel, &bins, DIFF_MAX_EDITS);
	if (rc == -1) {
		/* Too big to compare: everything old out, everything new in. */
		free(adel);
		free(bins);
		if ((adel = malloc(la.n + 1)) == NULL ||
		    (bins = malloc(lb.n + 1)) == NULL)
			abort();
		memset(adel, 1, la.n + 1);
		memset(bins, 1, lb.n + 1);
	}

	sbuf_puts(out, "<table class=\"diff\" role=\"presentation\">\n");
	i = j = 0;
	while (i < la.n || j < lb.n) {
		/* A run of unchanged lines. */
		for (run = 0; i + run < la.n && j + run < lb.n &&
		    !adel[i + run] && !bins[j + run]; run++)
			;
		if (run > 0) {
			head = i == 0 && j == 0 ? 0 : CONTEXT;
			tail = i + run == la.n && j + run == lb.n ? 0 : CONTEXT;
			if (head + tail + 2 > run) {
				/* Hiding fewer than two lines saves nothing. */
				head = run;
				tail = 0;
			}
			for (k = 0; k < head; k++)
				put_line(out, OP_SAME, i + k + 1, j + k + 1,
				    &la.v[i + k]);
			if (head < run)
				put_fold(out, fold_fmt, run - head - tail);
			for (k = run - tail; k < run; k++)
				put_line(out, OP_SAME, i + k + 1, j + k + 1,
				    &la.v[i + k]);
			st->same += run;
			i += run;
			j += run;
			continue;
		}
		/*
		 * A change: removed lines, then added ones. Each removed
		 * line and the added line in its place are shown as a pair,
		 * with their changed words marked; the rest follow whole.
		 */
		for (nd = 0; i + nd < la.n && adel[i + nd]; nd++)
			;
		for (ni = 0; j + ni < lb.n && bins[j + ni]; ni++)
			;
		pairs = rc == -1 ? 0 : nd < ni ? nd : ni;
		for (k = 0; k < pairs; k++)
			put_pair(out, i + k + 1, &la.v[i + k], j + k + 1,
			    &lb.v[j + k]);
		for (k = pairs; k < nd; k++)
			put_line(out, OP_DEL, i + k + 1, 0, &la.v[i + k]);
		for (k = pairs; k < ni; k++)
			put_line(out, OP_INS, 0, j + k + 1, &lb.v[j + k]);
		st->removed += nd;
		st->added += ni;
		i += nd;
		j += ni;
	}
	sbuf_puts(out, "</table>\n");
	free(adel);
	free(bins);
	free(la.v);
	free(lb.v);
	return (0);
}
