/*
 * The facet panel of the pilot overview and /lessen (web/pilot_list.h):
 * every facet a list of plain links, each switching its value on or
 * off through the canonical href of core/facet.c, with the count of
 * what choosing it gives and, for a chosen value, ", gekozen" in text.
 * Works without JavaScript; a screen reader hears "Groningen (3),
 * gekozen".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/pgsql.h>

#include "core/html.h"
#include "core/pilot.h"
#include "db/db.h"
#include "db/q_pilot_list.h"
#include "web/fv.h"
#include "web/pager.h"
#include "web/pilot_list.h"
#include "web/rows.h"
#include "web/view.h"

static enum msg_id	 key_label(enum facet_key);
static const char	*value_label(enum locale, const struct plist_value *);
static int		 group(struct sbuf *, enum locale, const char *,
			    const struct facet *, const struct plist_panel *,
			    enum facet_key);

void
plist_panel_init(struct plist_panel *p)
{
	memset(p, 0, sizeof(*p));
}

void
plist_panel_free(struct plist_panel *p)
{
	size_t	i;

	for (i = 0; i < p->n; i++) {
		kore_free(p->v[i].value);
		kore_free(p->v[i].label);
		kore_free(p->v[i].count);
	}
	kore_free(p->v);
	memset(p, 0, sizeof(*p));
}

int
plist_panel_add(struct plist_panel *p, struct kore_pgsql *sql, int r)
{
	struct plist_value	*v;
	long			 k;

	k = strtol(db_text(sql, r, QPL_C1), NULL, 10);
	if (k < 0 || k >= FACET_SETS)
		return (-1);
	if (p->n == p->cap) {
		p->cap = p->cap == 0 ? 64 : p->cap * 2;
		p->v = kore_realloc(p->v, p->cap * sizeof(*p->v));
	}
	v = &p->v[p->n++];
	v->key = (enum facet_key)k;
	v->value = kore_strdup(db_text(sql, r, QPL_C2));
	v->label = kore_strdup(db_text(sql, r, QPL_C3));
	v->count = kore_strdup(db_text(sql, r, QPL_C4));
	v->selected = strcmp(db_text(sql, r, QPL_C5), "true") == 0;
	return (0);
}

void
plist_panel_confirm(const struct plist_panel *p, struct facet *f,
    unsigned keys)
{
	size_t	i, j;
	int	found;

	for (i = 0; i < f->n; ) {
		found = 0;
		if (keys & FACET_BIT(f->vals[i].key)) {
			for (j = 0; j < p->n && !found; j++)
				found = p->v[j].selected &&
				    p->v[j].key == f->vals[i].key &&
				    strcmp(p->v[j].value, f->vals[i].v) == 0;
		} else
			found = 1;
		if (found) {
			i++;
			continue;
		}
		f->bad |= FACET_BIT(f->vals[i].key);
		(void)facet_remove(f, f->vals[i].key, f->vals[i].v);
	}
}

static enum msg_id
key_label(enum facet_key k)
{
	switch (k) {
	case FACET_REGIO:
		return (MSG_pf_region);
	case FACET_SETTING:
		return (MSG_pf_setting);
	case FACET_FASE:
		return (MSG_pf_phase);
	case FACET_PROJECT:
		return (MSG_pf_project);
	case FACET_JAAR:
		return (MSG_plist_f_jaar);
	case FACET_SOORT:
		return (MSG_plist_f_soort);
	default:
		return (MSG_plist_f_thema);
	}
}

/* Phases and lesson kinds are named in code (core/pilot.h). */
static const char *
value_label(enum locale loc, const struct plist_value *v)
{
	const struct pilot_word	*w = NULL;

	if (v->key == FACET_FASE)
		w = pilot_phase(v->value);
	else if (v->key == FACET_SOORT)
		w = pilot_lesson_kind(v->value);
	return (w != NULL ? i18n_get(loc, w->msg) : v->label);
}

static int
group(struct sbuf *out, enum locale loc, const char *base,
    const struct facet *f, const struct plist_panel *p, enum facet_key k)
{
	struct sbuf	 items, href;
	size_t		 i;
	int		 rc = 0;

	sbuf_init(&items);
	sbuf_init(&href);
	for (i = 0; i < p->n; i++) {
		if (p->v[i].key != k)
			continue;
		sbuf_reset(&href);
		facet_href_toggle(&href, base, f, k, p->v[i].value);
		{
			const struct tpl_bind	b[] = {
				{ "href", sbuf_cstr(&href), TPL_TEXT },
				{ "label", value_label(loc, &p->v[i]),
				    TPL_TEXT },
				{ "count", p->v[i].count, TPL_TEXT },
				{ "on", p->v[i].selected ? " facet-on" : "",
				    TPL_TEXT },
				{ "chosen", p->v[i].selected ?
				    i18n_get(loc, MSG_plist_chosen) : "",
				    TPL_TEXT },
			};
			rc |= view_append(&items, VIEW_pilot_list_value, loc,
			    b, NBINDS(b));
		}
	}
	if (items.len > 0) {
		const struct tpl_bind	b[] = {
			{ "key", facet_key_name(k), TPL_TEXT },
			{ "label", i18n_get(loc, key_label(k)), TPL_TEXT },
			{ "values", sbuf_cstr(&items), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_pilot_list_group, loc, b,
		    NBINDS(b));
	}
	sbuf_free(&items);
	sbuf_free(&href);
	return (rc);
}

int
plist_panel_render(struct sbuf *out, enum locale loc, const char *base,
    const struct facet *f, const struct plist_panel *p,
    const enum facet_key *order, size_t n)
{
	struct sbuf	 groups, clear, href;
	size_t		 i;
	int		 rc = 0;

	sbuf_init(&groups);
	sbuf_init(&clear);
	sbuf_init(&href);
	for (i = 0; i < n; i++)
		rc |= group(&groups, loc, base, f, p, order[i]);
	if (f->n > 0) {
		facet_href_clear(&href, base, f);
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
		};
		rc |= view_append(&clear, VIEW_pilot_list_clear, loc, b,
		    NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "groups", sbuf_cstr(&groups), TPL_TRUSTED_HTML },
			{ "clear", sbuf_cstr(&clear), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_pilot_list_facets, loc, b,
		    NBINDS(b));
	}
	sbuf_free(&groups);
	sbuf_free(&clear);
	sbuf_free(&href);
	return (rc);
}

void
plist_errors(struct fv *fv, const struct facet *f)
{
	int	k;

	for (k = 0; k < FACET__MAX; k++) {
		if (f->bad & FACET_BIT(k))
			fv_form_error(fv, MSG_plist_bad_value,
			    facet_key_name((enum facet_key)k));
	}
	if (f->over != 0)
		fv_form_error(fv, MSG_plist_over, NULL);
}

void
plist_period(struct sbuf *out, enum locale loc, const char *start,
    const char *end)
{
	char		 a[32], b[32];
	const char	*args[2];

	row_date_shown(start, a, sizeof(a));
	row_date_shown(end, b, sizeof(b));
	if (*start != '\0' && *end != '\0') {
		args[0] = a;
		args[1] = b;
		i18n_fmt(out, i18n_get(loc, MSG_pilot_period), args, 2);
	} else if (*start != '\0') {
		args[0] = a;
		i18n_fmt(out, i18n_get(loc, MSG_pf_period_open), args, 1);
	} else if (*end != '\0') {
		args[0] = b;
		i18n_fmt(out, i18n_get(loc, MSG_pilot_period_until), args, 1);
	} else
		sbuf_puts(out, i18n_get(loc, MSG_pf_none));
}

void
plist_count(struct sbuf *out, enum locale loc, long n, enum msg_id one,
    enum msg_id many)
{
	char		 num[24];
	const char	*args[1];

	if (n == 1) {
		sbuf_puts(out, i18n_get(loc, one));
		return;
	}
	(void)snprintf(num, sizeof(num), "%ld", n);
	args[0] = num;
	i18n_fmt(out, i18n_get(loc, many), args, 1);
}

int
plist_pager(struct sbuf *out, enum locale loc, const char *base,
    const struct facet *f, long total)
{
	struct sbuf	href;
	long		pages;
	int		rc;

	pages = (total + PLIST_PER_PAGE - 1) / PLIST_PER_PAGE;
	if (f->page > pages)
		return (0);	/* the empty state links to page 1 */
	sbuf_init(&href);
	facet_href_page(&href, base, f, 1);
	rc = pager_render(out, loc, sbuf_cstr(&href), f->page, pages);
	sbuf_free(&href);
	return (rc);
}

int
plist_empty(struct sbuf *out, enum locale loc, enum msg_id text,
    const char *base, const struct facet *f)
{
	struct sbuf	href, first;
	int		rc = 0;

	sbuf_init(&href);
	sbuf_init(&first);
	if (f->page > 1) {
		facet_href_page(&href, base, f, 1);
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
		};
		rc |= view_append(&first, VIEW_pilot_list_first, loc, b,
		    NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(loc, text), TPL_TEXT },
			{ "first", sbuf_cstr(&first), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_pilot_list_empty, loc, b,
		    NBINDS(b));
	}
	sbuf_free(&href);
	sbuf_free(&first);
	return (rc);
}
