/*
 * The sections of the pilot page (pilot_show.h): Knelpunten,
 * Oplossingsrichtingen, the body with its table of contents,
 * Resultaten with the figures as a table, Randvoorwaarden, the lessons
 * grouped by kind (each with its permalink and the items citing it),
 * the timeline of phases and the contact person. Every value is taken
 * from the rows of one q_pilot_page result; the Markdown fields arrive
 * as the HTML md.c made when they were saved.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "db/q_pilot.h"
#include "web/flag.h"
#include "web/kind.h"
#include "web/pilot_show.h"
#include "web/rows.h"
#include "web/view.h"

static int	section(struct sbuf *, enum locale, const char *,
		    enum msg_id, const char *);
static int	prose(struct sbuf *, enum locale, const char *);
static int	figures(struct sbuf *, enum locale,
		    const struct article_rows *);
static int	lessons(struct sbuf *, enum locale,
		    const struct article_rows *, int);
static int	lesson_one(struct sbuf *, enum locale,
		    const struct article_rows *, const struct article_row *,
		    int);
static int	cited(struct sbuf *, enum locale,
		    const struct article_rows *, const char *);
static int	timeline(struct sbuf *, enum locale,
		    const struct article_rows *);
static int	contact(struct sbuf *, enum locale,
		    const struct article_rows *);

static int
section(struct sbuf *out, enum locale loc, const char *id, enum msg_id heading,
    const char *content)
{
	const struct tpl_bind	b[] = {
		{ "id", id, TPL_TEXT },
		{ "heading", i18n_get(loc, heading), TPL_TEXT },
		{ "content", content, TPL_TRUSTED_HTML },
	};

	return (view_append(out, VIEW_pilot_show_section, loc, b, NBINDS(b)));
}

/* Stored HTML (md.c's output, rendered when saved), or "Niet ingevuld". */
static int
prose(struct sbuf *out, enum locale loc, const char *html)
{
	const struct tpl_bind	b[] = {
		{ "html", html, TPL_TRUSTED_HTML },
	};

	if (*html == '\0')
		return (view_append(out, VIEW_pilot_show_none, loc, NULL, 0));
	return (view_append(out, VIEW_pilot_show_prose, loc, b, NBINDS(b)));
}

int
pilot_sections(struct sbuf *out, enum locale loc,
    const struct article_rows *rows, const struct article_row *a,
    int may_edit)
{
	const struct article_row	*t;
	struct sbuf			 c;
	int				 rc;

	t = article_rows_first(rows, QP_TEXT);
	sbuf_init(&c);
	rc = prose(&c, loc, pilot_col(t, 0));
	rc |= section(out, loc, "pilot_problem", MSG_pf_problem,
	    sbuf_cstr(&c));
	sbuf_reset(&c);
	rc |= prose(&c, loc, pilot_col(t, 1));
	rc |= section(out, loc, "pilot_approach", MSG_pf_approach,
	    sbuf_cstr(&c));

	if (*pilot_col(a, 2) != '\0') {
		sbuf_reset(&c);
		if (*pilot_col(a, 3) != '\0') {
			/* toc_html: md_doc_render's output, stored on save. */
			const struct tpl_bind	b[] = {
				{ "toc", pilot_col(a, 3), TPL_TRUSTED_HTML },
			};
			rc |= view_append(&c, VIEW_pilot_show_toc, loc, b,
			    NBINDS(b));
		}
		rc |= prose(&c, loc, pilot_col(a, 2));
		rc |= section(out, loc, "pilot_body", MSG_pilot_body,
		    sbuf_cstr(&c));
	}

	sbuf_reset(&c);
	if (*pilot_col(t, 2) != '\0')
		rc |= prose(&c, loc, pilot_col(t, 2));
	rc |= figures(&c, loc, rows);
	if (c.len > 0)
		rc |= section(out, loc, "pilot_results", MSG_pf_results,
		    sbuf_cstr(&c));

	if (*pilot_col(t, 3) != '\0') {
		sbuf_reset(&c);
		rc |= prose(&c, loc, pilot_col(t, 3));
		rc |= section(out, loc, "pilot_conditions", MSG_pf_conditions,
		    sbuf_cstr(&c));
	}

	sbuf_reset(&c);
	rc |= lessons(&c, loc, rows, may_edit);
	if (c.len > 0)
		rc |= section(out, loc, "pilot_lessons", MSG_pf_lessons,
		    sbuf_cstr(&c));

	sbuf_reset(&c);
	rc |= timeline(&c, loc, rows);
	if (c.len > 0)
		rc |= section(out, loc, "pilot_timeline", MSG_pf_timeline,
		    sbuf_cstr(&c));

	sbuf_reset(&c);
	rc |= contact(&c, loc, rows);
	if (c.len > 0)
		rc |= section(out, loc, "pilot_contact", MSG_pf_contact,
		    sbuf_cstr(&c));
	sbuf_free(&c);
	return (rc);
}

/* The figures as a table: "label | 12,5 %" (a decimal comma in Dutch). */
static int
figures(struct sbuf *out, enum locale loc, const struct article_rows *rows)
{
	struct sbuf	 trs, v;
	const char	*p;
	size_t		 i;
	int		 rc;

	sbuf_init(&trs);
	sbuf_init(&v);
	rc = 0;
	for (i = 0; i < rows->n; i++) {
		const struct article_row	*r = &rows->v[i];

		if (r->type != QP_FIGURE)
			continue;
		sbuf_reset(&v);
		for (p = pilot_col(r, 1); *p != '\0'; p++)
			sbuf_putc(&v, *p == '.' && loc == LOC_NL ? ',' : *p);
		if (*pilot_col(r, 2) != '\0')
			sbuf_printf(&v, " %s", pilot_col(r, 2));
		const struct tpl_bind	b[] = {
			{ "label", pilot_col(r, 0), TPL_TEXT },
			{ "value", sbuf_cstr(&v), TPL_TEXT },
		};
		rc |= view_append(&trs, VIEW_pilot_show_figure, loc, b,
		    NBINDS(b));
	}
	if (trs.len > 0) {
		const struct tpl_bind	b[] = {
			{ "rows", sbuf_cstr(&trs), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_pilot_show_figures, loc, b,
		    NBINDS(b));
	}
	sbuf_free(&trs);
	sbuf_free(&v);
	return (rc);
}

/* Grouped by kind (the rows come in kind order), a heading per kind. */
static int
lessons(struct sbuf *out, enum locale loc, const struct article_rows *rows,
    int may_edit)
{
	struct sbuf	 group, id;
	const char	*kind;
	size_t		 i, j;
	int		 rc;

	sbuf_init(&group);
	sbuf_init(&id);
	rc = 0;
	for (i = 0; i < rows->n; i = j) {
		if (rows->v[i].type != QP_LESSON) {
			j = i + 1;
			continue;
		}
		kind = pilot_col(&rows->v[i], 1);
		sbuf_reset(&group);
		for (j = i; j < rows->n && rows->v[j].type == QP_LESSON &&
		    strcmp(pilot_col(&rows->v[j], 1), kind) == 0; j++)
			rc |= lesson_one(&group, loc, rows, &rows->v[j],
			    may_edit);
		sbuf_reset(&id);
		sbuf_printf(&id, "pilot_les_%s", kind);
		const struct tpl_bind	b[] = {
			{ "id", sbuf_cstr(&id), TPL_TEXT },
			{ "heading", pilot_lesson_kind_name(loc, kind),
			    TPL_TEXT },
			{ "lessons", sbuf_cstr(&group), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_pilot_show_lessons, loc, b,
		    NBINDS(b));
	}
	sbuf_free(&group);
	sbuf_free(&id);
	return (rc);
}

static int
lesson_one(struct sbuf *out, enum locale loc, const struct article_rows *rows,
    const struct article_row *l, int may_edit)
{
	struct sbuf	 edit, cite, expl;
	int		 rc;

	sbuf_init(&edit);
	sbuf_init(&cite);
	sbuf_init(&expl);
	rc = 0;
	if (may_edit) {
		const struct tpl_bind	b[] = {
			{ "id", pilot_col(l, 0), TPL_TEXT },
			{ "statement", pilot_col(l, 2), TPL_TEXT },
		};
		rc |= view_append(&edit, VIEW_pilot_show_lesson_edit, loc, b,
		    NBINDS(b));
	}
	/* explanation_html: md_render's output, stored on save. */
	if (*pilot_col(l, 3) != '\0')
		rc |= prose(&expl, loc, pilot_col(l, 3));
	rc |= cited(&cite, loc, rows, pilot_col(l, 0));
	{
		const struct tpl_bind	b[] = {
			{ "id", pilot_col(l, 0), TPL_TEXT },
			{ "statement", pilot_col(l, 2), TPL_TEXT },
			{ "explanation", sbuf_cstr(&expl), TPL_TRUSTED_HTML },
			{ "edit", sbuf_cstr(&edit), TPL_TRUSTED_HTML },
			{ "cited", sbuf_cstr(&cite), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_pilot_show_lesson, loc, b,
		    NBINDS(b));
	}
	sbuf_free(&edit);
	sbuf_free(&cite);
	sbuf_free(&expl);
	return (rc);
}

/* "Genoemd in:" the items whose body links this lesson. */
static int
cited(struct sbuf *out, enum locale loc, const struct article_rows *rows,
    const char *lesson)
{
	const struct kind	*k;
	struct sbuf		 items, href;
	size_t			 i;
	int			 rc;

	sbuf_init(&items);
	sbuf_init(&href);
	rc = 0;
	for (i = 0; i < rows->n; i++) {
		const struct article_row	*r = &rows->v[i];

		if (r->type != QP_CITED ||
		    strcmp(pilot_col(r, 0), lesson) != 0 ||
		    (k = kind_by_name(pilot_col(r, 1))) == NULL)
			continue;
		sbuf_reset(&href);
		sbuf_printf(&href, "%s/%s", k->path, pilot_col(r, 2));
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "title", pilot_col(r, 3), TPL_TEXT },
			{ "kind", flag_kind_label(loc, pilot_col(r, 1)),
			    TPL_TEXT },
		};
		rc |= view_append(&items, VIEW_pilot_show_cited_item, loc, b,
		    NBINDS(b));
	}
	if (items.len > 0) {
		const struct tpl_bind	b[] = {
			{ "items", sbuf_cstr(&items), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_pilot_show_cited, loc, b,
		    NBINDS(b));
	}
	sbuf_free(&items);
	sbuf_free(&href);
	return (rc);
}

/* Every phase the pilot entered, oldest first. */
static int
timeline(struct sbuf *out, enum locale loc, const struct article_rows *rows)
{
	struct sbuf	 items, note;
	char		 shown[32];
	size_t		 i;
	int		 rc;

	sbuf_init(&items);
	sbuf_init(&note);
	rc = 0;
	for (i = 0; i < rows->n; i++) {
		const struct article_row	*r = &rows->v[i];

		if (r->type != QP_PHASE)
			continue;
		sbuf_reset(&note);
		if (*pilot_col(r, 2) != '\0') {
			const struct tpl_bind	b[] = {
				{ "note", pilot_col(r, 2), TPL_TEXT },
			};
			rc |= view_append(&note, VIEW_pilot_show_phase_note,
			    loc, b, NBINDS(b));
		}
		row_date_shown(pilot_col(r, 1), shown, sizeof(shown));
		const struct tpl_bind	b[] = {
			{ "phase", pilot_phase_name(loc, pilot_col(r, 0)),
			    TPL_TEXT },
			{ "date", pilot_col(r, 1), TPL_TEXT },
			{ "shown", shown, TPL_TEXT },
			{ "note", sbuf_cstr(&note), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&items, VIEW_pilot_show_phase, loc, b,
		    NBINDS(b));
	}
	if (items.len > 0) {
		const struct tpl_bind	b[] = {
			{ "items", sbuf_cstr(&items), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_pilot_show_timeline, loc, b,
		    NBINDS(b));
	}
	sbuf_free(&items);
	sbuf_free(&note);
	return (rc);
}

/* The query sends this row only to signed-in readers, once agreed. */
static int
contact(struct sbuf *out, enum locale loc, const struct article_rows *rows)
{
	const struct article_row	*c;

	if ((c = article_rows_first(rows, QP_CONTACT)) == NULL)
		return (0);
	const struct tpl_bind	b[] = {
		{ "id", pilot_col(c, 0), TPL_TEXT },
		{ "name", pilot_col(c, 1), TPL_TEXT },
	};
	return (view_append(out, VIEW_pilot_show_contact, loc, b, NBINDS(b)));
}
