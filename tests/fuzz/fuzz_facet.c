/*
 * facet_parse on arbitrary query strings, for each page's key set:
 * the state is well-formed (sorted, unique, within the limits, every
 * value accepted by facet_value_ok), and the canonical writer round
 * trips: write(parse(x)) parses to the same state, with nothing refused,
 * and writes itself again. Toggling any value of the state off and on
 * again comes back to the same state at page 1.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/facet.h"
#include "core/sbuf.h"
#include "fuzz.h"

static const char *const	sorts[] = { "nieuw", "titel", "start", "fase",
	NULL };
static const struct facet_conf	confs[] = {
	{ FACET_BIT(FACET_REGIO) | FACET_BIT(FACET_SETTING) |
	    FACET_BIT(FACET_FASE) | FACET_BIT(FACET_THEMA) |
	    FACET_BIT(FACET_PROJECT) | FACET_BIT(FACET_JAAR) |
	    FACET_BIT(FACET_SORTEER) | FACET_BIT(FACET_PAGINA), sorts },
	{ FACET_BIT(FACET_THEMA) | FACET_BIT(FACET_SOORT) |
	    FACET_BIT(FACET_REGIO) | FACET_BIT(FACET_SETTING) |
	    FACET_BIT(FACET_PAGINA), NULL },
	{ FACET_BIT(FACET_IDS), NULL },
	{ 0xffffffffu, sorts },
};

static void	check_state(const struct facet *);
static void	check_conf(const struct facet_conf *, const char *);

static void
check_state(const struct facet *f)
{
	size_t	i, per[FACET__MAX];
	int	c;

	memset(per, 0, sizeof(per));
	CHECK(f->n <= FACET_VALUES);
	CHECK(f->page >= 1 && f->page <= FACET_PAGE_MAX);
	if (f->conf->sorts == NULL)
		CHECK(f->sort == 0);
	for (i = 0; i < f->n; i++) {
		CHECK((unsigned)f->vals[i].key < FACET_SETS);
		CHECK(f->conf->keys & FACET_BIT(f->vals[i].key));
		CHECK(facet_value_ok(f->conf, f->vals[i].key, f->vals[i].v,
		    strlen(f->vals[i].v)));
		CHECK(++per[f->vals[i].key] <= FACET_KEY_VALUES);
		if (i == 0)
			continue;
		CHECK(f->vals[i - 1].key <= f->vals[i].key);
		if (f->vals[i - 1].key == f->vals[i].key) {
			c = strcmp(f->vals[i - 1].v, f->vals[i].v);
			CHECK(c != 0);
			if (f->vals[i].key != FACET_IDS)
				CHECK(c < 0);
		}
	}
}

static void
check_conf(const struct facet_conf *conf, const char *qs)
{
	struct facet	 a, b, c;
	struct sbuf	 h1, h2, t;
	const char	*q;
	size_t		 i;

	sbuf_init(&h1);
	sbuf_init(&h2);
	sbuf_init(&t);
	facet_parse(&a, conf, qs);
	check_state(&a);
	facet_write(&h1, "/p", &a);
	CHECK(strncmp(h1.data, "/p", 2) == 0);
	q = h1.data[2] == '?' ? h1.data + 3 : "";
	CHECK(h1.data[2] == '\0' || h1.data[2] == '?');
	facet_parse(&b, conf, q);
	CHECK(facet_same(&a, &b));
	CHECK(b.bad == 0 && b.over == 0);
	facet_write(&h2, "/p", &b);
	CHECK(strcmp(h1.data, h2.data) == 0);

	/* Each value off and on again: the same state at page 1. */
	for (i = 0; i < a.n; i++) {
		sbuf_reset(&t);
		facet_href_toggle(&t, "/p", &a, a.vals[i].key, a.vals[i].v);
		q = strchr(sbuf_cstr(&t), '?');
		facet_parse(&c, conf, q != NULL ? q + 1 : "");
		CHECK(c.n == a.n - 1 && c.bad == 0 && c.page == 1);
		CHECK(!facet_has(&c, a.vals[i].key, a.vals[i].v));
		sbuf_reset(&h2);
		facet_href_toggle(&h2, "/p", &c, a.vals[i].key, a.vals[i].v);
		q = strchr(sbuf_cstr(&h2), '?');
		facet_parse(&c, conf, q != NULL ? q + 1 : "");
		b = a;
		b.page = 1;
		CHECK(facet_same(&b, &c));
	}
	/* Clearing keeps the sort only. */
	sbuf_reset(&t);
	facet_href_clear(&t, "/p", &a);
	q = strchr(sbuf_cstr(&t), '?');
	facet_parse(&c, conf, q != NULL ? q + 1 : "");
	CHECK(c.n == 0 && c.sort == a.sort && c.page == 1);
	sbuf_free(&h1);
	sbuf_free(&h2);
	sbuf_free(&t);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*s;
	size_t	 i;

	if ((s = malloc(size + 1)) == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	for (i = 0; i < sizeof(confs) / sizeof(confs[0]); i++)
		check_conf(&confs[i], s);
	free(s);
	return (0);
}
