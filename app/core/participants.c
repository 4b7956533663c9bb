/*
 * Participants of a session (participants.h): the form's text to a
 * list of names and roles, and back. Pure C over NUL-terminated
 * strings; unit-tested in tests/unit/test_participants.c and fuzzed
 * (round trip) in tests/fuzz/fuzz_participants.c.
 */
#include <stddef.h>
#include <string.h>

#include "form.h"
#include "html.h"
#include "participants.h"
#include "sbuf.h"

static int		part_blank(char);
static void		part_trim(const char **, const char **);
static enum part_err	part_text(char *, size_t, const char *, const char *,
			    size_t, enum part_err);
static enum part_err	part_line(struct participant *, const char *,
			    const char *);

static int
part_blank(char c)
{
	return (c == ' ' || c == '\t');
}

static void
part_trim(const char **b, const char **e)
{
	while (*b < *e && part_blank(**b))
		(*b)++;
	while (*e > *b && part_blank((*e)[-1]))
		(*e)--;
}

/* [b, e) into out when valid UTF-8, no control bytes, at most max. */
static enum part_err
part_text(char *out, size_t outsz, const char *b, const char *e, size_t max,
    enum part_err toolong)
{
	size_t	n = (size_t)(e - b);

	if (!html_utf8_valid(b, n) || memchr(b, '\0', n) != NULL)
		return (PART_BAD_CHARS);
	if (n >= outsz)
		return (toolong);
	memcpy(out, b, n);
	out[n] = '\0';
	if (form_text(out, max, 0, 0) == FORM_BAD_CHARS)
		return (PART_BAD_CHARS);
	if (form_chars(out) > max)
		return (toolong);
	return (PART_OK);
}

/* One non-blank, trimmed line [b, e). */
static enum part_err
part_line(struct participant *p, const char *b, const char *e)
{
	const char	*q, *open = NULL, *ne;
	long		 depth = 0;
	enum part_err	 err;

	for (q = b; q < e; q++) {
		if (*q == '(')
			depth++;
		else if (*q == ')' && --depth < 0)
			return (PART_PARENS);
	}
	if (depth != 0)
		return (PART_PARENS);
	ne = e;
	if (e[-1] == ')') {
		/* The "(" that matches the last ")". */
		depth = 0;
		for (q = e - 1; q >= b; q--) {
			if (*q == ')')
				depth++;
			else if (*q == '(' && --depth == 0) {
				open = q;
				break;
			}
		}
		if (open == NULL)
			return (PART_PARENS);
		ne = open;
	}
	q = b;
	part_trim(&q, &ne);
	if (q == ne)
		return (PART_NO_NAME);
	if ((err = part_text(p->name, sizeof(p->name), q, ne, PART_NAME_MAX,
	    PART_NAME_LONG)) != PART_OK)
		return (err);
	p->role[0] = '\0';
	if (open != NULL) {
		q = open + 1;
		ne = e - 1;
		part_trim(&q, &ne);
		if ((err = part_text(p->role, sizeof(p->role), q, ne,
		    PART_ROLE_MAX, PART_ROLE_LONG)) != PART_OK)
			return (err);
	}
	return (PART_OK);
}

enum part_err
participants_parse(struct participants *ps, const char *text)
{
	const char	*p, *b, *e, *nl;
	size_t		 line = 0;
	enum part_err	 err;

	ps->n = ps->count = ps->line = 0;
	ps->err = PART_OK;
	for (p = text; *p != '\0'; p = *nl == '\n' ? nl + 1 : nl) {
		line++;
		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p);
		b = p;
		e = nl;
		if (e > b && e[-1] == '\r')
			e--;
		part_trim(&b, &e);
		if (b == e)
			continue;
		ps->count++;
		if (ps->err != PART_OK)
			continue;
		if (ps->n == PART_MAX) {
			ps->err = PART_TOO_MANY;
			ps->line = line;
			continue;
		}
		if ((err = part_line(&ps->p[ps->n], b, e)) != PART_OK) {
			ps->err = err;
			ps->line = line;
			continue;
		}
		ps->n++;
	}
	return (ps->err);
}

int
participants_add(struct participants *ps, const char *name,
    const char *role)
{
	size_t	nl, rl;

	nl = strlen(name);
	rl = strlen(role);
	if (ps->n == PART_MAX || nl >= sizeof(ps->p[0].name) ||
	    rl >= sizeof(ps->p[0].role))
		return (-1);
	memcpy(ps->p[ps->n].name, name, nl + 1);
	memcpy(ps->p[ps->n].role, role, rl + 1);
	ps->n++;
	ps->count = ps->n;
	return (0);
}

void
participants_write(struct sbuf *out, const struct participants *ps)
{
	const struct participant	*p;
	size_t				 i, nl;

	for (i = 0; i < ps->n; i++) {
		p = &ps->p[i];
		sbuf_puts(out, p->name);
		nl = strlen(p->name);
		if (p->role[0] != '\0')
			sbuf_printf(out, " (%s)", p->role);
		else if (nl > 0 && p->name[nl - 1] == ')')
			sbuf_puts(out, " ()");
		sbuf_putc(out, '\n');
	}
}
