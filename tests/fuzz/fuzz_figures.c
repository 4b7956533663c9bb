/*
 * figures_parse on arbitrary bytes. Whatever it accepts has the promised
 * shape (labels 1-120 characters, numeric text of at most 15 digits,
 * units of at most 20 characters, at most 20 figures) and comes back
 * the same after figures_write with either decimal mark (the round trip
 * of the editor: stored figures are shown as text and sent again). A
 * refusal names a line that exists.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/figures.h"
#include "core/form.h"
#include "core/html.h"
#include "core/sbuf.h"
#include "fuzz.h"

static void	check_figure(const struct figure *);
static void	check_value(const char *);
static void	check_again(const struct figures *, char);

static void
check_value(const char *v)
{
	size_t	digits = 0, points = 0;

	if (*v == '-')
		v++;
	CHECK(*v >= '0' && *v <= '9');
	/* No leading zero unless it is the only digit before the mark. */
	CHECK(v[0] != '0' || v[1] == '\0' || v[1] == '.');
	for (; *v != '\0'; v++) {
		if (*v == '.') {
			points++;
			CHECK(v[1] >= '0' && v[1] <= '9');
		} else {
			CHECK(*v >= '0' && *v <= '9');
			digits++;
		}
	}
	CHECK(points <= 1);
	CHECK(digits >= 1 && digits <= FIG_DIGITS_MAX);
}

static void
check_figure(const struct figure *f)
{
	CHECK(form_text(f->label, FIG_LABEL_MAX, 1, 0) == FORM_OK);
	CHECK(form_text(f->unit, FIG_UNIT_MAX, 0, 0) == FORM_OK);
	CHECK(f->label[0] != ' ' && f->label[strlen(f->label) - 1] != ' ');
	CHECK(strchr(f->unit, '=') == NULL);
	CHECK(f->unit[0] != ' ');
	CHECK(f->unit[0] == '\0' || f->unit[strlen(f->unit) - 1] != ' ');
	check_value(f->value);
}

static void
check_again(const struct figures *figs, char dec)
{
	struct figures	*again;
	struct sbuf	 out;
	size_t		 i;

	if ((again = malloc(sizeof(*again))) == NULL)
		abort();
	sbuf_init(&out);
	figures_write(&out, figs, dec);
	CHECK(figures_parse(again, sbuf_cstr(&out)) == FIG_OK);
	CHECK(again->n == figs->n && again->count == figs->n);
	for (i = 0; i < figs->n; i++) {
		CHECK(strcmp(again->f[i].label, figs->f[i].label) == 0);
		CHECK(strcmp(again->f[i].value, figs->f[i].value) == 0);
		CHECK(strcmp(again->f[i].unit, figs->f[i].unit) == 0);
	}
	sbuf_free(&out);
	free(again);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct figures	*figs;
	char		*text;
	size_t		 i, lines;
	enum fig_err	 err;

	if ((text = malloc(size + 1)) == NULL ||
	    (figs = malloc(sizeof(*figs))) == NULL)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';
	for (i = 0, lines = 1; text[i] != '\0'; i++)
		lines += text[i] == '\n';

	err = figures_parse(figs, text);
	CHECK(err == figs->err);
	CHECK(figs->n <= FIG_MAX && figs->n <= figs->count);
	CHECK(figs->count <= lines);
	for (i = 0; i < figs->n; i++)
		check_figure(&figs->f[i]);
	if (err == FIG_OK) {
		CHECK(figs->line == 0 && figs->n == figs->count);
		check_again(figs, ',');
		check_again(figs, '.');
	} else {
		CHECK(figs->line >= 1 && figs->line <= lines);
		CHECK(err != FIG_TOO_MANY ||
		    (figs->n == FIG_MAX && figs->count > FIG_MAX));
	}
	/* The same text, the same answer. */
	{
		struct figures	*two;

		if ((two = malloc(sizeof(*two))) == NULL)
			abort();
		CHECK(figures_parse(two, text) == err);
		CHECK(two->n == figs->n && two->line == figs->line &&
		    two->count == figs->count);
		free(two);
	}
	free(figs);
	free(text);
	return (0);
}
