/*
 * participants_parse on arbitrary bytes. Whatever it accepts has the
 * promised shape (names 1-120 characters and roles at most 120, valid
 * UTF-8 without control characters, trimmed, at most 60 people) and
 * comes back the same after participants_write (the session form shows
 * stored participants as text and gets them again). A refusal names a
 * line that exists; the same text gives the same answer.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"
#include "core/participants.h"
#include "core/sbuf.h"
#include "fuzz.h"

static void	check_one(const struct participant *);
static void	check_again(const struct participants *);

static void
check_one(const struct participant *p)
{
	size_t	n = strlen(p->name), r = strlen(p->role);

	CHECK(form_text(p->name, PART_NAME_MAX, 1, 0) == FORM_OK);
	CHECK(form_text(p->role, PART_ROLE_MAX, 0, 0) == FORM_OK);
	CHECK(p->name[0] != ' ' && p->name[n - 1] != ' ');
	CHECK(p->name[0] != '\t' && p->name[n - 1] != '\t');
	CHECK(r == 0 || (p->role[0] != ' ' && p->role[r - 1] != ' '));
}

static void
check_again(const struct participants *ps)
{
	struct participants	*again;
	struct sbuf		 out;
	size_t			 i;

	if ((again = malloc(sizeof(*again))) == NULL)
		abort();
	sbuf_init(&out);
	participants_write(&out, ps);
	CHECK(participants_parse(again, sbuf_cstr(&out)) == PART_OK);
	CHECK(again->n == ps->n && again->count == ps->n);
	for (i = 0; i < ps->n; i++) {
		CHECK(strcmp(again->p[i].name, ps->p[i].name) == 0);
		CHECK(strcmp(again->p[i].role, ps->p[i].role) == 0);
	}
	sbuf_free(&out);
	free(again);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct participants	*ps, *two;
	char			*text;
	size_t			 i, lines;
	enum part_err		 err;

	if ((text = malloc(size + 1)) == NULL ||
	    (ps = malloc(sizeof(*ps))) == NULL ||
	    (two = malloc(sizeof(*two))) == NULL)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';
	for (i = 0, lines = 1; text[i] != '\0'; i++)
		lines += text[i] == '\n';

	err = participants_parse(ps, text);
	CHECK(err == ps->err);
	CHECK(ps->n <= PART_MAX && ps->n <= ps->count);
	CHECK(ps->count <= lines);
	for (i = 0; i < ps->n; i++)
		check_one(&ps->p[i]);
	if (err == PART_OK) {
		CHECK(ps->line == 0 && ps->n == ps->count);
		check_again(ps);
	} else {
		CHECK(ps->line >= 1 && ps->line <= lines);
		CHECK(err != PART_TOO_MANY ||
		    (ps->n == PART_MAX && ps->count > PART_MAX));
	}
	CHECK(participants_parse(two, text) == err);
	CHECK(two->n == ps->n && two->line == ps->line &&
	    two->count == ps->count);
	free(two);
	free(ps);
	free(text);
	return (0);
}
