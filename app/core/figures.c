/*
 * Results in figures (figures.h): the editor's text to figures and
 * back. Pure C over NUL-terminated strings; unit-tested in
 * tests/unit/test_figures.c and fuzzed (round trip) in
 * tests/fuzz/fuzz_figures.c.
 */
#include <stddef.h>
#include <string.h>

#include "figures.h"
#include "form.h"
#include "html.h"
#include "sbuf.h"

static int		fig_blank(char);
static void		fig_trim(const char **, const char **);
static enum fig_err	fig_text(char *, size_t, const char *, const char *,
			    size_t, enum fig_err);
static enum fig_err	fig_number(struct figure *, const char **,
			    const char *);
static enum fig_err	fig_line(struct figure *, const char *,
			    const char *);

static int
fig_blank(char c)
{
	return (c == ' ' || c == '\t');
}

/* Moves *b and *e inward past blanks. */
static void
fig_trim(const char **b, const char **e)
{
	while (*b < *e && fig_blank(**b))
		(*b)++;
	while (*e > *b && fig_blank((*e)[-1]))
		(*e)--;
}

/*
 * [b, e) into out (size outsz) when it is valid UTF-8 without control
 * characters and at most max characters; empty only when allowed.
 */
static enum fig_err
fig_text(char *out, size_t outsz, const char *b, const char *e, size_t max,
    enum fig_err toolong)
{
	size_t	n = (size_t)(e - b);

	if (!html_utf8_valid(b, n) || memchr(b, '\0', n) != NULL)
		return (FIG_BAD_CHARS);
	if (n >= outsz) {
		/* Valid UTF-8 over 4 bytes a character: too long anyway. */
		return (toolong);
	}
	memcpy(out, b, n);
	out[n] = '\0';
	if (form_text(out, max, 0, 0) == FORM_BAD_CHARS)
		return (FIG_BAD_CHARS);
	if (form_chars(out) > max)
		return (toolong);
	return (FIG_OK);
}

/*
 * The number at *pp (blanks skipped already): [+-] digits [(,|.)
 * digits], not followed by another digit, comma or point. Written to
 * f->value as numeric text; *pp moves past it.
 */
static enum fig_err
fig_number(struct figure *f, const char **pp, const char *e)
{
	const char	*p = *pp, *ib, *ie, *fb = NULL, *fe = NULL, *q;
	char		*w;
	int		 neg = 0, zero = 1;
	size_t		 digits;

	if (p < e && (*p == '+' || *p == '-'))
		neg = *p++ == '-';
	for (ib = p; p < e && *p >= '0' && *p <= '9'; p++)
		;
	if ((ie = p) == ib)
		return (FIG_NO_NUMBER);
	if (p + 1 < e && (*p == ',' || *p == '.') &&
	    p[1] >= '0' && p[1] <= '9') {
		for (fb = ++p; p < e && *p >= '0' && *p <= '9'; p++)
			;
		fe = p;
	}
	if (p < e && ((*p >= '0' && *p <= '9') || *p == ',' || *p == '.'))
		return (FIG_NO_NUMBER);
	/* Leading zeros go; one digit stays before the mark. */
	while (ie - ib > 1 && *ib == '0')
		ib++;
	digits = (size_t)(ie - ib) + (fb != NULL ? (size_t)(fe - fb) : 0);
	if (digits > FIG_DIGITS_MAX)
		return (FIG_NUMBER_LONG);
	for (q = ib; q < ie; q++)
		zero &= *q == '0';
	for (q = fb; fb != NULL && q < fe; q++)
		zero &= *q == '0';
	w = f->value;
	if (neg && !zero)
		*w++ = '-';
	memcpy(w, ib, (size_t)(ie - ib));
	w += ie - ib;
	if (fb != NULL) {
		*w++ = '.';
		memcpy(w, fb, (size_t)(fe - fb));
		w += fe - fb;
	}
	*w = '\0';
	*pp = p;
	return (FIG_OK);
}

static enum fig_err
fig_line(struct figure *f, const char *b, const char *e)
{
	const char	*eq, *lb, *le, *p;
	enum fig_err	 err;

	for (eq = NULL, p = b; p < e; p++) {
		if (*p == '=')
			eq = p;
	}
	if (eq == NULL)
		return (FIG_NO_EQUALS);
	lb = b;
	le = eq;
	fig_trim(&lb, &le);
	if (lb == le)
		return (FIG_NO_LABEL);
	if ((err = fig_text(f->label, sizeof(f->label), lb, le,
	    FIG_LABEL_MAX, FIG_LABEL_LONG)) != FIG_OK)
		return (err);
	p = eq + 1;
	while (p < e && fig_blank(*p))
		p++;
	if ((err = fig_number(f, &p, e)) != FIG_OK)
		return (err);
	fig_trim(&p, &e);
	return (fig_text(f->unit, sizeof(f->unit), p, e, FIG_UNIT_MAX,
	    FIG_UNIT_LONG));
}

enum fig_err
figures_parse(struct figures *figs, const char *text)
{
	const char	*p, *e, *nl, *b;
	enum fig_err	 err;
	size_t		 line;

	figs->n = figs->count = figs->line = 0;
	figs->err = FIG_OK;
	for (p = text, line = 1;; line++) {
		nl = strchr(p, '\n');
		e = nl != NULL ? nl : p + strlen(p);
		if (e > p && e[-1] == '\r')
			e--;
		b = p;
		fig_trim(&b, &e);
		if (b < e)
			figs->count++;
		if (b < e && figs->err == FIG_OK) {
			if (figs->n == FIG_MAX)
				err = FIG_TOO_MANY;
			else if ((err = fig_line(&figs->f[figs->n], b, e)) ==
			    FIG_OK)
				figs->n++;
			if (err != FIG_OK) {
				figs->err = err;
				figs->line = line;
			}
		}
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	return (figs->err);
}

int
figures_add(struct figures *figs, const char *label, const char *value,
    const char *unit)
{
	struct figure	*f;

	if (figs->n == FIG_MAX || strlen(label) >= sizeof(f->label) ||
	    strlen(value) >= sizeof(f->value) ||
	    strlen(unit) >= sizeof(f->unit))
		return (-1);
	f = &figs->f[figs->n++];
	memcpy(f->label, label, strlen(label) + 1);
	memcpy(f->value, value, strlen(value) + 1);
	memcpy(f->unit, unit, strlen(unit) + 1);
	return (0);
}

void
figures_write(struct sbuf *out, const struct figures *figs, char dec)
{
	const char	*v;
	size_t		 i;

	for (i = 0; i < figs->n; i++) {
		sbuf_puts(out, figs->f[i].label);
		sbuf_puts(out, " = ");
		for (v = figs->f[i].value; *v != '\0'; v++)
			sbuf_putc(out, *v == '.' ? dec : *v);
		if (figs->f[i].unit[0] != '\0') {
			sbuf_putc(out, ' ');
			sbuf_puts(out, figs->f[i].unit);
		}
		sbuf_putc(out, '\n');
	}
}
