/*
 * A pilot's results in figures, as people type them in the editor: one
 * figure a line, "omschrijving = getal eenheid", for example
 *
 *   Jongeren thuis gebleven = 14
 *   Minder dagen in de separeer = -35,5 %
 *
 * The label is everything before the last "=" (1-120 characters), then
 * a number with an optional sign and a decimal comma or point, then an
 * optional unit (at most 20 characters, no "="). Blank lines are
 * skipped; at most 20 figures. The value is kept as PostgreSQL numeric
 * text: no "+", no leading zeros, a decimal point.
 */
#ifndef BRON_FIGURES_H
#define BRON_FIGURES_H

#include <stddef.h>

struct sbuf;

#define FIG_MAX		20	/* figures */
#define FIG_LABEL_MAX	120	/* characters */
#define FIG_UNIT_MAX	20	/* characters */
#define FIG_DIGITS_MAX	15	/* digits in a value, before and after the mark */

enum fig_err {
	FIG_OK,
	FIG_NO_EQUALS,		/* no "=" on the line */
	FIG_NO_LABEL,		/* nothing before the "=" */
	FIG_LABEL_LONG,		/* more than FIG_LABEL_MAX characters */
	FIG_NO_NUMBER,		/* no number after the "=" */
	FIG_NUMBER_LONG,	/* more than FIG_DIGITS_MAX digits */
	FIG_UNIT_LONG,		/* more than FIG_UNIT_MAX characters */
	FIG_BAD_CHARS,		/* invalid UTF-8 or a control character */
	FIG_TOO_MANY		/* more than FIG_MAX figures */
};

struct figure {
	char	label[FIG_LABEL_MAX * 4 + 1];
	char	value[FIG_DIGITS_MAX + 3];	/* sign, point, NUL */
	char	unit[FIG_UNIT_MAX * 4 + 1];
};

struct figures {
	struct figure	f[FIG_MAX];
	size_t		n;		/* figures parsed */
	size_t		count;		/* non-blank lines in the text */
	enum fig_err	err;
	size_t		line;		/* 1-based line of err; 0 if none */
};

/*
 * Parses text (lines end at "\n"; a "\r" before it is ignored) into
 * figs. Stops at the first bad line: figs->err and figs->line say what
 * and where; figs->count still counts every non-blank line (for
 * FIG_TOO_MANY, reported on the first line too many). Returns err.
 */
enum fig_err	figures_parse(struct figures *, const char *);

/*
 * Adds a stored figure (label, numeric text, unit) as it comes from the
 * database. -1 when figs is full or a part does not fit.
 */
int		figures_add(struct figures *, const char *, const char *,
		    const char *);

/*
 * Writes figs back as the editor's text: "label = value unit\n" per
 * figure, the value with dec ('.' or ',') as its decimal mark. What
 * figures_parse() accepted parses again to the same figures.
 */
void		figures_write(struct sbuf *, const struct figures *, char);

#endif
