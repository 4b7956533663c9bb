/*
 * The resource page as every reader sees it (resource_show.h), from the
 * rows of one q_resource_page result: title, the facts (type,
 * publisher, year, language, published, community, themes), "In het
 * kort", the files with their earlier versions and the external link,
 * the description, then related items and backlinks. Nothing here asks
 * who reads: what a reader may see is decided by the query.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/html.h"
#include "core/resource.h"
#include "db/q_resource_show.h"
#include "web/resource_show.h"
#include "web/rows.h"
#include "web/view.h"

#define RES_SEP		", "
#define RES_DOT		" \xc2\xb7 "	/* " · " */
#define RES_KB		1024ULL
#define RES_MB		(1024ULL * 1024ULL)

static int	main_meta(struct sbuf *, enum locale,
		    const struct article_rows *, const struct article_row *,
		    const struct article_row *, const struct article_row *);
static int	meta(struct sbuf *, enum locale, enum msg_id, const char *);
static int	meta_text(struct sbuf *, enum locale, enum msg_id,
		    const char *);
static int	files(struct sbuf *, enum locale,
		    const struct article_rows *);
static int	file_one(struct sbuf *, enum locale,
		    const struct article_rows *, size_t, size_t);
static int	res_link(struct sbuf *, enum locale, const char *);
static const char	*downloads_of(const struct article_rows *,
			    const char *);

/* ---- small shared parts ------------------------------------------- */

const char *
resource_col(const struct article_row *row, int i)
{
	if (row == NULL || i < 0 || i >= ARTICLE_COLS || row->c[i] == NULL)
		return ("");
	return (row->c[i]);
}

const char *
resource_type_name(enum locale loc, const char *type)
{
	const struct resource_word	*w;

	if ((w = resource_type(type)) == NULL)
		return (type);
	return (i18n_get(loc, w->msg));
}

const char *
resource_mime_name(enum locale loc, const char *mime)
{
	static const struct {
		const char	*mime;
		enum msg_id	 msg;
	} m[] = {
		{ "application/pdf", MSG_rf_mime_pdf },
		{ "image/png", MSG_rf_mime_png },
		{ "image/jpeg", MSG_rf_mime_jpeg },
		{ "image/webp", MSG_rf_mime_webp },
		{ "text/plain", MSG_rf_mime_text },
		{ "application/vnd.oasis.opendocument.text", MSG_rf_mime_odt },
		{ "application/vnd.openxmlformats-officedocument."
		    "wordprocessingml.document", MSG_rf_mime_docx },
	};
	size_t	i;

	for (i = 0; i < NBINDS(m); i++)
		if (strcmp(m[i].mime, mime) == 0)
			return (i18n_get(loc, m[i].msg));
	return (mime);
}

/* Bytes up to 1 kB, whole kB up to 1 MB, then MB with one decimal. */
void
resource_size_text(struct sbuf *out, enum locale loc, const char *bytes)
{
	unsigned long long	n, tenths;

	n = strtoull(bytes, NULL, 10);
	if (n < RES_KB) {
		sbuf_printf(out, "%llu %s", n, i18n_get(loc, MSG_rf_size_b));
		return;
	}
	if (n < RES_MB) {
		sbuf_printf(out, "%llu %s", (n + RES_KB / 2) / RES_KB,
		    i18n_get(loc, MSG_rf_size_kb));
		return;
	}
	tenths = (n * 10 + RES_MB / 2) / RES_MB;
	sbuf_printf(out, "%llu%s%llu %s", tenths / 10,
	    loc == LOC_NL ? "," : ".", tenths % 10,
	    i18n_get(loc, MSG_rf_size_mb));
}

void
resource_downloads_text(struct sbuf *out, enum locale loc, const char *n)
{
	const char	*args[1];

	if (strcmp(n, "1") == 0) {
		sbuf_puts(out, i18n_get(loc, MSG_rs_downloads_one));
		return;
	}
	args[0] = *n != '\0' ? n : "0";
	i18n_fmt(out, i18n_get(loc, MSG_rs_downloads), args, 1);
}

/* ---- the article --------------------------------------------------- */

int
resource_main(struct sbuf *out, struct sbuf *title, enum locale loc,
    const struct article_rows *rows)
{
	const struct article_row	*a, *m, *x;
	struct sbuf			 mt, fl, rel, back;
	int				 rc;

	if ((a = article_rows_first(rows, QA_ARTICLE)) == NULL ||
	    (m = article_rows_first(rows, QA_META)) == NULL)
		return (-1);
	x = article_rows_first(rows, QR_RES);
	sbuf_init(&mt);
	sbuf_init(&fl);
	sbuf_init(&rel);
	sbuf_init(&back);
	rc = main_meta(&mt, loc, rows, a, m, x);
	rc |= files(&fl, loc, rows);
	if (*resource_col(x, 4) != '\0')
		rc |= res_link(&fl, loc, resource_col(x, 4));
	/* Ids with "_": a heading's id in the body is a slug, never so. */
	rc |= article_refs(&rel, loc, rows, QA_RELATED, "res_related",
	    MSG_article_related);
	rc |= article_refs(&back, loc, rows, QA_BACKLINK, "res_backlinks",
	    MSG_article_backlinks);
	if (rc == 0) {
		const struct tpl_bind	b[] = {
			{ "title", resource_col(a, 0), TPL_TEXT },
			{ "summary", resource_col(a, 1), TPL_TEXT },
			{ "meta", sbuf_cstr(&mt), TPL_TRUSTED_HTML },
			{ "files", sbuf_cstr(&fl), TPL_TRUSTED_HTML },
			/* md.c's HTML, rendered when it was saved */
			{ "body", resource_col(a, 2), TPL_TRUSTED_HTML },
			{ "related", sbuf_cstr(&rel), TPL_TRUSTED_HTML },
			{ "backlinks", sbuf_cstr(&back), TPL_TRUSTED_HTML },
		};
		rc = view_append(out, VIEW_resource_show, loc, b, NBINDS(b));
	}
	if (rc == 0)
		sbuf_puts(title, resource_col(a, 0));
	sbuf_free(&mt);
	sbuf_free(&fl);
	sbuf_free(&rel);
	sbuf_free(&back);
	return (rc == 0 ? 0 : -1);
}

/* A <dt>/<dd> pair; value is HTML we made. */
static int
meta(struct sbuf *out, enum locale loc, enum msg_id label, const char *value)
{
	const struct tpl_bind	b[] = {
		{ "label", i18n_get(loc, label), TPL_TEXT },
		{ "value", value, TPL_TRUSTED_HTML },
	};

	return (view_append(out, VIEW_article_meta, loc, b, NBINDS(b)));
}

static int
meta_text(struct sbuf *out, enum locale loc, enum msg_id label,
    const char *text)
{
	struct sbuf	v;
	int		rc;

	sbuf_init(&v);
	html_text(&v, text, strlen(text));
	rc = meta(out, loc, label, sbuf_cstr(&v));
	sbuf_free(&v);
	return (rc);
}

/* Under the title: type, publisher, year, language, date, community, themes. */
static int
main_meta(struct sbuf *out, enum locale loc, const struct article_rows *rows,
    const struct article_row *a, const struct article_row *m,
    const struct article_row *x)
{
	const struct resource_word	*lang;
	struct sbuf			 v, href;
	size_t				 i;
	int				 rc, n;

	sbuf_init(&v);
	sbuf_init(&href);
	rc = 0;
	if (*resource_col(x, 0) != '\0')
		rc |= meta_text(out, loc, MSG_rf_type,
		    resource_type_name(loc, resource_col(x, 0)));
	if (*resource_col(x, 1) != '\0')
		rc |= meta_text(out, loc, MSG_rf_publisher,
		    resource_col(x, 1));
	if (*resource_col(x, 2) != '\0')
		rc |= meta_text(out, loc, MSG_rf_year, resource_col(x, 2));
	if (*resource_col(x, 3) != '\0') {
		lang = resource_language(resource_col(x, 3));
		rc |= meta_text(out, loc, MSG_rf_language, lang != NULL ?
		    i18n_get(loc, lang->msg) : resource_col(x, 3));
	}
	if (*resource_col(a, 6) != '\0') {
		rc |= row_time(&v, loc, resource_col(a, 6));
		rc |= meta(out, loc, MSG_article_published, sbuf_cstr(&v));
	}
	if (*resource_col(m, 6) != '\0') {
		sbuf_reset(&v);
		sbuf_printf(&href, "/gemeenschappen/%s", resource_col(m, 6));
		rc |= row_link(&v, loc, sbuf_cstr(&href), resource_col(m, 7));
		rc |= meta(out, loc, MSG_article_community, sbuf_cstr(&v));
	}
	sbuf_reset(&v);
	for (i = 0, n = 0; i < rows->n; i++) {
		if (rows->v[i].type != QA_THEME)
			continue;
		if (n++ > 0)
			sbuf_puts(&v, RES_SEP);
		sbuf_reset(&href);
		sbuf_printf(&href, "/themas/%s", resource_col(&rows->v[i], 0));
		rc |= row_link(&v, loc, sbuf_cstr(&href),
		    resource_col(&rows->v[i], 1));
	}
	if (n > 0)
		rc |= meta(out, loc, MSG_article_themes, sbuf_cstr(&v));
	sbuf_free(&v);
	sbuf_free(&href);
	return (rc);
}

/* "Bestanden": per slot its current file, then its earlier versions. */
static int
files(struct sbuf *out, enum locale loc, const struct article_rows *rows)
{
	struct sbuf	items;
	size_t		i, j;
	int		rc = 0;

	sbuf_init(&items);
	for (i = 0; i < rows->n; i = j) {
		if (rows->v[i].type != QR_FILE) {
			j = i + 1;
			continue;
		}
		/* The rows of one slot, newest version first. */
		for (j = i + 1; j < rows->n && rows->v[j].type == QR_FILE &&
		    strcmp(resource_col(&rows->v[j], 0),
		    resource_col(&rows->v[i], 0)) == 0; j++)
			;
		rc |= file_one(&items, loc, rows, i, j);
	}
	if (items.len > 0) {
		const struct tpl_bind	b[] = {
			{ "items", sbuf_cstr(&items), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_resource_show_files, loc, b,
		    NBINDS(b));
	}
	sbuf_free(&items);
	return (rc);
}

/* Rows [first, end) of one slot: the current file and older versions. */
static int
file_one(struct sbuf *out, enum locale loc, const struct article_rows *rows,
    size_t first, size_t end)
{
	const struct article_row	*f, *o;
	struct sbuf			 size, dl, when, older, ver;
	const char			*args[1];
	size_t				 i;
	int				 rc = 0;

	f = &rows->v[first];
	sbuf_init(&size);
	sbuf_init(&dl);
	sbuf_init(&when);
	sbuf_init(&older);
	sbuf_init(&ver);
	resource_size_text(&size, loc, resource_col(f, 5));
	resource_downloads_text(&dl, loc,
	    downloads_of(rows, resource_col(f, 0)));
	args[0] = resource_col(f, 1);
	i18n_fmt(&ver, i18n_get(loc, MSG_rs_version), args, 1);
	rc |= row_time(&when, loc, resource_col(f, 6));
	for (i = first + 1; i < end; i++) {
		struct sbuf	ot, ov;

		o = &rows->v[i];
		sbuf_init(&ot);
		sbuf_init(&ov);
		args[0] = resource_col(o, 1);
		i18n_fmt(&ov, i18n_get(loc, MSG_rs_version), args, 1);
		rc |= row_time(&ot, loc, resource_col(o, 6));
		{
			const struct tpl_bind	b[] = {
				{ "token", resource_col(o, 2), TPL_TEXT },
				{ "version", sbuf_cstr(&ov), TPL_TEXT },
				{ "name", resource_col(o, 3), TPL_TEXT },
				{ "date", sbuf_cstr(&ot), TPL_TRUSTED_HTML },
				{ "note", resource_col(o, 7), TPL_TEXT },
			};
			rc |= view_append(&older, *resource_col(o, 7) != '\0' ?
			    VIEW_resource_show_version_note :
			    VIEW_resource_show_version, loc, b, NBINDS(b));
		}
		sbuf_free(&ot);
		sbuf_free(&ov);
	}
	if (older.len > 0) {
		struct sbuf	wrap;

		sbuf_init(&wrap);
		{
			const struct tpl_bind	b[] = {
				{ "slot", resource_col(f, 0), TPL_TEXT },
				{ "items", sbuf_cstr(&older),
				    TPL_TRUSTED_HTML },
			};
			rc |= view_append(&wrap, VIEW_resource_show_versions,
			    loc, b, NBINDS(b));
		}
		sbuf_reset(&older);
		sbuf_add(&older, wrap.data, wrap.len);
		sbuf_free(&wrap);
	}
	{
		const struct tpl_bind	b[] = {
			{ "token", resource_col(f, 2), TPL_TEXT },
			{ "name", resource_col(f, 3), TPL_TEXT },
			{ "kind", resource_mime_name(loc, resource_col(f, 4)),
			    TPL_TEXT },
			{ "size", sbuf_cstr(&size), TPL_TEXT },
			{ "version", sbuf_cstr(&ver), TPL_TEXT },
			{ "date", sbuf_cstr(&when), TPL_TRUSTED_HTML },
			{ "downloads", sbuf_cstr(&dl), TPL_TEXT },
			{ "note", resource_col(f, 7), TPL_TEXT },
			{ "older", sbuf_cstr(&older), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, *resource_col(f, 7) != '\0' ?
		    VIEW_resource_show_file_note : VIEW_resource_show_file,
		    loc, b, NBINDS(b));
	}
	sbuf_free(&size);
	sbuf_free(&dl);
	sbuf_free(&when);
	sbuf_free(&older);
	sbuf_free(&ver);
	return (rc);
}

/* The QR_DL count of a slot's current file ("0" when none came). */
static const char *
downloads_of(const struct article_rows *rows, const char *slot)
{
	size_t	i;

	for (i = 0; i < rows->n; i++)
		if (rows->v[i].type == QR_DL &&
		    strcmp(resource_col(&rows->v[i], 0), slot) == 0)
			return (resource_col(&rows->v[i], 1));
	return ("0");
}

/* The external link (http or https: the SQL and html_url() both check). */
static int
res_link(struct sbuf *out, enum locale loc, const char *url)
{
	const struct tpl_bind	b[] = {
		{ "url", url, TPL_TEXT },
	};

	return (view_append(out, VIEW_resource_show_link, loc, b,
	    NBINDS(b)));
}
