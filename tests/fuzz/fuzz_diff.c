/*
 * diff_html on two texts (the input split at its first NUL byte). The
 * output is read back row by row and must be a complete, ordered edit
 * script: every old line exactly once (unchanged, removed or folded),
 * every new line exactly once, each row's text the escaped line, the
 * word marks of a pair leaving the same common text on both sides,
 * and the stats matching the rows. For small inputs the number of
 * unchanged lines must be the longest common subsequence (Myers finds
 * a shortest edit script), computed here by dynamic programming.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diff.h"
#include "core/html.h"
#include "core/sbuf.h"
#include "fuzz.h"

#define FOLD	"[%zu]"
#define HEAD	"x<table class=\"diff\" role=\"presentation\">\n"
#define SAME	"<tr class=\"diff-same\"><td class=\"diff-n\">"
#define SAME_T	"<td class=\"diff-m\"></td><td class=\"diff-t\">"
#define DEL	"<tr class=\"diff-del\"><td class=\"diff-n\">"
#define DEL_T	"</td><td class=\"diff-n\"></td><td class=\"diff-m\">" \
		"\xe2\x88\x92</td><td class=\"diff-t\">"
#define INS	"<tr class=\"diff-ins\"><td class=\"diff-n\"></td>" \
		"<td class=\"diff-n\">"
#define INS_T	"<td class=\"diff-m\">+</td><td class=\"diff-t\">"
#define END	"</td></tr>\n"
#define LEN(s)	(sizeof(s) - 1)

struct lines {
	const char	**p;
	size_t		 *len;
	size_t		  n;
};

static void	split(struct lines *, const char *, size_t);
static int	line_eq(const struct lines *, size_t, const struct lines *,
		    size_t);
static size_t	lcs(const struct lines *, const struct lines *);
static void	strip_marks(struct sbuf *, const char *, size_t,
		    const char *, struct sbuf *);
static void	check_cell(const struct lines *, size_t, const char *,
		    size_t, const char *, struct sbuf *);

/* The same split as diff.c: "\n" or "\r\n" ends a line. */
static void
split(struct lines *l, const char *t, size_t n)
{
	size_t	i, start = 0, end;

	l->p = calloc(n + 1, sizeof(*l->p));
	l->len = calloc(n + 1, sizeof(*l->len));
	CHECK(l->p != NULL && l->len != NULL);
	l->n = 0;
	for (i = 0; i <= n; i++) {
		if (i < n && t[i] != '\n')
			continue;
		if (i == n && start == n)
			break;
		end = i;
		if (end > start && t[end - 1] == '\r')
			end--;
		l->p[l->n] = t + start;
		l->len[l->n++] = end - start;
		start = i + 1;
	}
}

static int
line_eq(const struct lines *a, size_t i, const struct lines *b, size_t j)
{
	return (a->len[i] == b->len[j] &&
	    memcmp(a->p[i], b->p[j], a->len[i]) == 0);
}

static size_t
lcs(const struct lines *a, const struct lines *b)
{
	size_t	*prev, *cur, *t, i, j, r;

	prev = calloc(b->n + 1, sizeof(*prev));
	cur = calloc(b->n + 1, sizeof(*cur));
	CHECK(prev != NULL && cur != NULL);
	for (i = 1; i <= a->n; i++) {
		for (j = 1; j <= b->n; j++) {
			if (line_eq(a, i - 1, b, j - 1))
				cur[j] = prev[j - 1] + 1;
			else
				cur[j] = prev[j] > cur[j - 1] ? prev[j] :
				    cur[j - 1];
		}
		t = prev;
		prev = cur;
		cur = t;
	}
	r = prev[b->n];
	free(prev);
	free(cur);
	return (r);
}

/*
 * The cell text without the mark tags (into all) and the text outside
 * the marks (into kept); tag is "del" or "ins". Marks never nest.
 */
static void
strip_marks(struct sbuf *all, const char *s, size_t n, const char *tag,
    struct sbuf *kept)
{
	char	open[8], close[8];
	size_t	i = 0;
	int	in = 0;

	snprintf(open, sizeof(open), "<%s>", tag);
	snprintf(close, sizeof(close), "</%s>", tag);
	while (i < n) {
		if (n - i >= 5 && memcmp(s + i, open, 5) == 0) {
			CHECK(!in);
			in = 1;
			i += 5;
			/* No empty marks. */
			CHECK(i < n && s[i] != '<');
			continue;
		}
		if (n - i >= 6 && memcmp(s + i, close, 6) == 0) {
			CHECK(in);
			in = 0;
			i += 6;
			continue;
		}
		/* No other tag can be in a cell: text is escaped. */
		CHECK(s[i] != '<' && s[i] != '>');
		sbuf_putc(all, s[i]);
		if (!in)
			sbuf_putc(kept, s[i]);
		i++;
	}
	CHECK(!in);
}

/* The cell (marks removed) must be the escaped line i of l. */
static void
check_cell(const struct lines *l, size_t i, const char *cell, size_t n,
    const char *tag, struct sbuf *kept)
{
	struct sbuf	want, got;

	sbuf_init(&want);
	sbuf_init(&got);
	html_text(&want, l->p[i], l->len[i]);
	strip_marks(&got, cell, n, tag, kept);
	CHECK(got.len == want.len);
	CHECK(got.len == 0 || memcmp(got.data, want.data, got.len) == 0);
	sbuf_free(&want);
	sbuf_free(&got);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lines		 la, lb;
	struct diff_stats	 st;
	struct sbuf		 out, kdel, kins;
	const char		*a = (const char *)data, *b, *nul, *p, *e, *t;
	size_t			 alen, blen, ai = 0, bi = 0, an, bn, fold;
	size_t			 same = 0, add = 0, rem = 0, common;
	int			 pending = 0;

	if ((nul = memchr(data, '\0', size)) != NULL) {
		alen = (size_t)(nul - a);
		b = nul + 1;
		blen = size - alen - 1;
	} else {
		alen = size;
		b = "";
		blen = 0;
	}
	split(&la, a, alen);
	split(&lb, b, blen);

	sbuf_init(&out);
	sbuf_puts(&out, "x");
	CHECK(diff_html(&out, a, alen, b, blen, FOLD, &st) == 0);
	CHECK(strlen(out.data) == out.len);
	CHECK(html_utf8_valid(out.data, out.len));
	p = out.data;
	CHECK(strncmp(p, HEAD, LEN(HEAD)) == 0);
	p += LEN(HEAD);
	sbuf_init(&kdel);
	sbuf_init(&kins);
	while (strncmp(p, "</table>\n", 9) != 0) {
		CHECK((e = strstr(p, END)) != NULL);
		if (sscanf(p, "<tr class=\"diff-fold\"><td colspan=\"4\">"
		    "[%zu]", &fold) == 1) {
			CHECK(fold >= 2);
			ai += fold;
			bi += fold;
			same += fold;
			pending = 0;
		} else if (strncmp(p, SAME, LEN(SAME)) == 0) {
			CHECK(sscanf(p + LEN(SAME), "%zu</td><td class=\"diff-n\">%zu",
			    &an, &bn) == 2);
			CHECK(an == ai + 1 && bn == bi + 1);
			CHECK(line_eq(&la, ai, &lb, bi));
			t = strstr(p, SAME_T);
			CHECK(t != NULL && t < e);
			t += LEN(SAME_T);
			check_cell(&la, ai, t, (size_t)(e - t), "del", &kdel);
			sbuf_reset(&kdel);
			ai++;
			bi++;
			same++;
			pending = 0;
		} else if (strncmp(p, DEL, LEN(DEL)) == 0) {
			CHECK(sscanf(p + LEN(DEL), "%zu</td>", &an) == 1);
			CHECK(an == ai + 1);
			t = strstr(p, DEL_T);
			CHECK(t != NULL && t < e);
			t += LEN(DEL_T);
			sbuf_reset(&kdel);
			check_cell(&la, ai, t, (size_t)(e - t), "del", &kdel);
			ai++;
			rem++;
			pending = 1;
		} else {
			CHECK(strncmp(p, INS, LEN(INS)) == 0);
			CHECK(sscanf(p + LEN(INS), "%zu</td>", &bn) == 1);
			CHECK(bn == bi + 1);
			t = strstr(p, INS_T);
			CHECK(t != NULL && t < e);
			t += LEN(INS_T);
			sbuf_reset(&kins);
			check_cell(&lb, bi, t, (size_t)(e - t), "ins", &kins);
			/*
			 * Right after its removed partner (a word diff):
			 * the words outside the marks agree. A whole line
			 * has nothing outside its mark.
			 */
			if (pending && kins.len > 0)
				CHECK(kins.len == kdel.len &&
				    memcmp(kins.data, kdel.data, kins.len) == 0);
			bi++;
			add++;
			pending = 0;
		}
		p = e + LEN(END);
	}
	CHECK(strcmp(p, "</table>\n") == 0);
	CHECK(ai == la.n && bi == lb.n);
	CHECK(st.same == same && st.added == add && st.removed == rem);

	if (la.n <= DIFF_MAX_LINES && lb.n <= DIFF_MAX_LINES &&
	    la.n * lb.n <= 4000000) {
		common = lcs(&la, &lb);
		if (la.n + lb.n - 2 * common <= DIFF_MAX_EDITS)
			CHECK(same == common);
		else
			CHECK(same == 0);
	}

	sbuf_free(&kdel);
	sbuf_free(&kins);
	sbuf_free(&out);
	free(la.p);
	free(la.len);
	free(lb.p);
	free(lb.len);
	return (0);
}
