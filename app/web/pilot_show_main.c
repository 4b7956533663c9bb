/*
 * The pilot page as every reader sees it (pilot_show.h), from the rows
 * of one q_pilot_page result: title, meta line, "In het kort", the
 * "Kenmerken" list, the sections (pilot_show_sections.c), then related
 * items and backlinks; and the small parts the lesson and contact
 * pages share.
 * Nothing here asks who reads: what a reader may see is decided by the
 * query (the contact person comes only for signed-in readers), and the
 * lessons' edit links only by the caller's may_edit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/html.h"
#include "core/pilot.h"
#include "db/q_pilot.h"
#include "web/help.h"
#include "web/pilot_list.h"
#include "web/pilot_show.h"
#include "web/rows.h"
#include "web/view.h"

#define PILOT_SEP	", "

static int	main_meta(struct sbuf *, enum locale,
		    const struct article_rows *, const struct article_row *,
		    const struct article_row *);
static int	main_facts(struct sbuf *, enum locale,
		    const struct article_row *, const struct article_row *);
static void	fact_text(struct sbuf *, enum locale, const char *);
static int	fact_age(struct sbuf *, enum locale, const char *,
		    const char *);
static int	fact_partners(struct sbuf *, enum locale, const char *);

/* ---- small shared parts ------------------------------------------- */

const char *
pilot_col(const struct article_row *row, int i)
{
	if (row == NULL || i < 0 || i >= ARTICLE_COLS || row->c[i] == NULL)
		return ("");
	return (row->c[i]);
}

int
pilot_meta(struct sbuf *out, enum locale loc, const char *label,
    const char *value)
{
	const struct tpl_bind	b[] = {
		{ "label", label, TPL_TEXT },
		{ "value", value, TPL_TRUSTED_HTML },
	};

	return (view_append(out, VIEW_article_meta, loc, b, NBINDS(b)));
}

void
pilot_region_text(struct sbuf *out, const char *region, const char *prov)
{
	sbuf_puts(out, region);
	if (prov != NULL && *prov != '\0')
		sbuf_printf(out, " (%s)", prov);
}

const char *
pilot_phase_name(enum locale loc, const char *phase)
{
	const struct pilot_word	*w;

	if ((w = pilot_phase(phase)) == NULL)
		return (phase);
	return (i18n_get(loc, w->msg));
}

const char *
pilot_lesson_kind_name(enum locale loc, const char *kind)
{
	const struct pilot_word	*w;

	if ((w = pilot_lesson_kind(kind)) == NULL)
		return (kind);
	return (i18n_get(loc, w->msg));
}

/* ---- the article --------------------------------------------------- */

int
pilot_main(struct sbuf *out, struct sbuf *title, enum locale loc,
    const struct article_rows *rows, int may_edit)
{
	const struct article_row	*a, *m;
	struct sbuf			 meta, facts, secs, rel, back;
	int				 rc;

	if ((a = article_rows_first(rows, QA_ARTICLE)) == NULL ||
	    (m = article_rows_first(rows, QA_META)) == NULL)
		return (-1);
	sbuf_init(&meta);
	sbuf_init(&facts);
	sbuf_init(&secs);
	sbuf_init(&rel);
	sbuf_init(&back);
	rc = main_meta(&meta, loc, rows, a, m);
	rc |= help_banner_tags(out, loc, rows);	/* a tag asks for help */
	rc |= main_facts(&facts, loc, article_rows_first(rows, QP_WHERE),
	    article_rows_first(rows, QP_WHEN));
	rc |= pilot_sections(&secs, loc, rows, a, may_edit);
	/* Ids with "_": a heading's id in the body is a slug, never so. */
	rc |= article_refs(&rel, loc, rows, QA_RELATED, "pilot_related",
	    MSG_article_related);
	rc |= article_refs(&back, loc, rows, QA_BACKLINK, "pilot_backlinks",
	    MSG_article_backlinks);
	if (rc == 0) {
		const struct tpl_bind	b[] = {
			{ "title", pilot_col(a, 0), TPL_TEXT },
			{ "summary", pilot_col(a, 1), TPL_TEXT },
			{ "meta", sbuf_cstr(&meta), TPL_TRUSTED_HTML },
			{ "facts", sbuf_cstr(&facts), TPL_TRUSTED_HTML },
			{ "sections", sbuf_cstr(&secs), TPL_TRUSTED_HTML },
			{ "related", sbuf_cstr(&rel), TPL_TRUSTED_HTML },
			{ "backlinks", sbuf_cstr(&back), TPL_TRUSTED_HTML },
		};
		rc = view_append(out, VIEW_pilot_show, loc, b, NBINDS(b));
	}
	if (rc == 0)
		sbuf_puts(title, pilot_col(a, 0));
	sbuf_free(&meta);
	sbuf_free(&facts);
	sbuf_free(&secs);
	sbuf_free(&rel);
	sbuf_free(&back);
	return (rc == 0 ? 0 : -1);
}

/* Under the title: authors, published, community, themes, tags. */
static int
main_meta(struct sbuf *out, enum locale loc, const struct article_rows *rows,
    const struct article_row *a, const struct article_row *m)
{
	struct sbuf	 v, href;
	const char	*s;
	size_t		 i;
	int		 rc, n;

	sbuf_init(&v);
	sbuf_init(&href);
	rc = 0;
	for (i = 0, n = 0; i < rows->n; i++) {
		const struct article_row	*r = &rows->v[i];

		if (r->type != QA_AUTHOR)
			continue;
		if (n++ > 0)
			sbuf_puts(&v, PILOT_SEP);
		if (r->c[1] == NULL) {
			s = i18n_get(loc, MSG_former_member);
			html_text(&v, s, strlen(s));
			continue;
		}
		sbuf_reset(&href);
		sbuf_printf(&href, "/mensen/%s", pilot_col(r, 0));
		rc |= row_link(&v, loc, sbuf_cstr(&href), r->c[1]);
	}
	if (n > 0)
		rc |= pilot_meta(out, loc, i18n_get(loc, MSG_pilot_authors),
		    sbuf_cstr(&v));

	if (*pilot_col(a, 6) != '\0') {
		sbuf_reset(&v);
		rc |= row_time(&v, loc, pilot_col(a, 6));
		rc |= pilot_meta(out, loc, i18n_get(loc,
		    MSG_article_published), sbuf_cstr(&v));
	}
	if (*pilot_col(m, 6) != '\0') {
		sbuf_reset(&v);
		sbuf_reset(&href);
		sbuf_puts(&href, "/gemeenschappen/");
		sbuf_puts(&href, pilot_col(m, 6));
		rc |= row_link(&v, loc, sbuf_cstr(&href), pilot_col(m, 7));
		rc |= pilot_meta(out, loc, i18n_get(loc,
		    MSG_article_community), sbuf_cstr(&v));
	}
	sbuf_reset(&v);
	for (i = 0, n = 0; i < rows->n; i++) {
		if (rows->v[i].type != QA_THEME)
			continue;
		if (n++ > 0)
			sbuf_puts(&v, PILOT_SEP);
		sbuf_reset(&href);
		sbuf_printf(&href, "/themas/%s", pilot_col(&rows->v[i], 0));
		rc |= row_link(&v, loc, sbuf_cstr(&href),
		    pilot_col(&rows->v[i], 1));
	}
	if (n > 0)
		rc |= pilot_meta(out, loc, i18n_get(loc, MSG_article_themes),
		    sbuf_cstr(&v));
	sbuf_reset(&v);
	for (i = 0, n = 0; i < rows->n; i++) {
		if (rows->v[i].type != QA_TAG)
			continue;
		if (n++ > 0)
			sbuf_puts(&v, PILOT_SEP);
		s = pilot_col(&rows->v[i], 0);
		html_text(&v, s, strlen(s));
	}
	if (n > 0)
		rc |= pilot_meta(out, loc, i18n_get(loc, MSG_article_tags),
		    sbuf_cstr(&v));
	sbuf_free(&v);
	sbuf_free(&href);
	return (rc);
}

/*
 * "Kenmerken": the required facts always (a concept may lack them:
 * "Niet ingevuld"), the optional ones when filled in.
 */
static int
main_facts(struct sbuf *out, enum locale loc, const struct article_row *w,
    const struct article_row *t)
{
	struct sbuf	 v, txt, href;
	int		 rc;

	sbuf_init(&v);
	sbuf_init(&txt);
	sbuf_init(&href);
	rc = 0;

	if (*pilot_col(w, 0) != '\0')
		pilot_region_text(&txt, pilot_col(w, 0), pilot_col(w, 1));
	fact_text(&v, loc, sbuf_cstr(&txt));
	rc |= pilot_meta(out, loc, i18n_get(loc, MSG_pf_region),
	    sbuf_cstr(&v));

	sbuf_reset(&v);
	fact_text(&v, loc, pilot_col(w, 2));
	rc |= pilot_meta(out, loc, i18n_get(loc, MSG_pf_setting),
	    sbuf_cstr(&v));

	if (*pilot_col(w, 3) != '\0') {
		sbuf_reset(&v);
		sbuf_printf(&href, "/monitor/%s", pilot_col(w, 3));
		rc |= row_link(&v, loc, sbuf_cstr(&href), pilot_col(w, 4));
		rc |= pilot_meta(out, loc, i18n_get(loc, MSG_pf_project),
		    sbuf_cstr(&v));
	}
	if (*pilot_col(w, 5) != '\0') {
		sbuf_reset(&v);
		fact_text(&v, loc, pilot_col(w, 5));
		rc |= pilot_meta(out, loc, i18n_get(loc,
		    MSG_pf_target_group), sbuf_cstr(&v));
	}
	if (*pilot_col(w, 6) != '\0' || *pilot_col(w, 7) != '\0') {
		sbuf_reset(&v);
		rc |= fact_age(&v, loc, pilot_col(w, 6), pilot_col(w, 7));
		rc |= pilot_meta(out, loc, i18n_get(loc, MSG_pf_age),
		    sbuf_cstr(&v));
	}

	sbuf_reset(&v);
	fact_text(&v, loc, *pilot_col(t, 0) != '\0' ?
	    pilot_phase_name(loc, pilot_col(t, 0)) : "");
	rc |= pilot_meta(out, loc, i18n_get(loc, MSG_pf_phase),
	    sbuf_cstr(&v));

	sbuf_reset(&v);
	sbuf_reset(&txt);
	/* Neither date: fact_text() marks it "Niet ingevuld". */
	if (*pilot_col(t, 1) != '\0' || *pilot_col(t, 2) != '\0')
		plist_period(&txt, loc, pilot_col(t, 1), pilot_col(t, 2));
	fact_text(&v, loc, sbuf_cstr(&txt));
	rc |= pilot_meta(out, loc, i18n_get(loc, MSG_pf_period),
	    sbuf_cstr(&v));

	if (*pilot_col(t, 3) != '\0') {
		sbuf_reset(&v);
		rc |= fact_partners(&v, loc, pilot_col(t, 3));
		rc |= pilot_meta(out, loc, i18n_get(loc, MSG_pf_partners),
		    sbuf_cstr(&v));
	}
	sbuf_free(&v);
	sbuf_free(&txt);
	sbuf_free(&href);
	return (rc);
}

/* Escaped text, or "Niet ingevuld" for an empty one. */
static void
fact_text(struct sbuf *out, enum locale loc, const char *s)
{
	if (*s == '\0') {
		s = i18n_get(loc, MSG_pf_none);
		sbuf_puts(out, "<span class=\"pilot-none\">");
		html_text(out, s, strlen(s));
		sbuf_puts(out, "</span>");
		return;
	}
	html_text(out, s, strlen(s));
}

static int
fact_age(struct sbuf *out, enum locale loc, const char *from, const char *to)
{
	struct sbuf	 t;
	const char	*args[2];
	enum msg_id	 m;

	sbuf_init(&t);
	args[0] = *from != '\0' ? from : to;
	args[1] = to;
	if (*from != '\0' && *to != '\0')
		m = MSG_pf_age_range;
	else if (*from != '\0')
		m = MSG_pilot_age_from;
	else
		m = MSG_pilot_age_to;
	i18n_fmt(&t, i18n_get(loc, m), args, 2);
	html_text(out, t.data, t.len);
	sbuf_free(&t);
	return (0);
}

/* One organisation a line. */
static int
fact_partners(struct sbuf *out, enum locale loc, const char *lines)
{
	struct sbuf	 items, one;
	const char	*p, *e;
	int		 rc;

	sbuf_init(&items);
	sbuf_init(&one);
	rc = 0;
	for (p = lines; *p != '\0'; p = *e == '\n' ? e + 1 : e) {
		if ((e = strchr(p, '\n')) == NULL)
			e = p + strlen(p);
		if (e == p)
			continue;
		sbuf_reset(&one);
		sbuf_add(&one, p, (size_t)(e - p));
		const struct tpl_bind	b[] = {
			{ "text", sbuf_cstr(&one), TPL_TEXT },
		};
		rc |= view_append(&items, VIEW_pilot_show_li, loc, b,
		    NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "items", sbuf_cstr(&items), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_pilot_show_partners, loc, b,
		    NBINDS(b));
	}
	sbuf_free(&items);
	sbuf_free(&one);
	return (rc);
}
