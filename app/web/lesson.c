/*
 * The lesson page (issue 7):
 *
 *   GET /lessen/{id}
 *
 * A lesson learned on its own, citable page: its kind, statement and
 * explanation, the pilot it comes from (title, region, setting, phase),
 * the items whose body links it ("genoemd in"), and for those who may
 * edit the pilot the links to change or remove it. One query
 * (q_lesson_page); 404 unless lesson_may_read(), i.e. unless the
 * reader may read its pilot. Also the helpers lesson.h names.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "core/html.h"
#include "core/path.h"
#include "core/pilot.h"
#include "db/q_lesson.h"
#include "web/lesson.h"
#include "web/pilot_show.h"
#include "web/resp.h"
#include "web/rows.h"
#include "web/view.h"

struct lshow_ctx {
	struct db_ctx		 db;
	enum locale		 loc;
	int			 bad;
	char			 id[LESSON_ID_MAX + 1];
	struct article_rows	 rows;
};

/* The kinds' explanations, in core/pilot.h order. */
static const enum msg_id	kind_hints[PILOT_LESSON_KINDS] = {
	MSG_pilot_les_hint_werkte, MSG_pilot_les_hint_werkte_niet,
	MSG_pilot_les_hint_randvoorwaarde, MSG_pilot_les_hint_advies
};

static int	ls_start(struct http_request *, struct db_ctx *);
static void	ls_row(struct db_ctx *, struct kore_pgsql *, int);
static int	ls_done(struct http_request *, struct db_ctx *);
static int	ls_render(struct sbuf *, struct lshow_ctx *,
		    const struct article_row *);
static void	ls_free(struct http_request *);

int
lesson_show(struct http_request *req)
{
	struct lshow_ctx	*ctx;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), ls_free);
		ctx->loc = resp_locale(req);
		ctx->bad = lesson_path_id(req->path, "", ctx->id,
		    sizeof(ctx->id)) == -1;
		article_rows_init(&ctx->rows);
		db_start(req, &ctx->db, NULL, NULL, ls_start);
	}
	return (db_run(req));
}

static int
ls_start(struct http_request *req, struct db_ctx *db)
{
	struct lshow_ctx	*ctx = (struct lshow_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	db->params[0] = ctx->id;
	db->params[1] = db->user.loaded ? db->user.id : "";
	db->params[2] = i18n_code(ctx->loc);
	return (db_chain(req, db, &q_lesson_page, ls_row, ls_done));
}

static void
ls_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct lshow_ctx	*ctx = (struct lshow_ctx *)db;

	article_rows_add(&ctx->rows, sql, r);
}

static int
ls_done(struct http_request *req, struct db_ctx *db)
{
	struct lshow_ctx		*ctx = (struct lshow_ctx *)db;
	const struct article_row	*l;
	struct sbuf			 main;

	if ((l = article_rows_first(&ctx->rows, QLS_LESSON)) == NULL) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	sbuf_init(&main);
	if (ls_render(&main, ctx, l) == -1)
		resp_error(req, 500);
	else
		view_page_main(req, 200, ctx->loc, pilot_col(l, 2),
		    PILOT_PATH, &main);
	sbuf_free(&main);
	return (HTTP_STATE_COMPLETE);
}

static int
ls_render(struct sbuf *out, struct lshow_ctx *ctx, const struct article_row *l)
{
	const struct article_row	*p;
	struct sbuf			 facts, v, href, expl, cited, edit;
	size_t				 i;
	int				 rc;

	p = article_rows_first(&ctx->rows, QLS_PILOT);
	sbuf_init(&facts);
	sbuf_init(&v);
	sbuf_init(&href);
	sbuf_init(&expl);
	sbuf_init(&cited);
	sbuf_init(&edit);
	rc = 0;

	/* The pilot it comes from: its title, region, setting, phase. */
	sbuf_printf(&href, PILOT_PATH "/%s", pilot_col(l, 4));
	rc |= row_link(&v, ctx->loc, sbuf_cstr(&href), pilot_col(l, 5));
	rc |= pilot_meta(&facts, ctx->loc, i18n_get(ctx->loc,
	    MSG_lesson_of_pilot), sbuf_cstr(&v));
	if (*pilot_col(p, 0) != '\0') {
		struct sbuf	t;

		sbuf_init(&t);
		pilot_region_text(&t, pilot_col(p, 0), pilot_col(p, 1));
		sbuf_reset(&v);
		html_text(&v, t.data, t.len);
		rc |= pilot_meta(&facts, ctx->loc, i18n_get(ctx->loc,
		    MSG_pf_region), sbuf_cstr(&v));
		sbuf_free(&t);
	}
	if (*pilot_col(p, 2) != '\0') {
		sbuf_reset(&v);
		html_text(&v, pilot_col(p, 2), strlen(pilot_col(p, 2)));
		rc |= pilot_meta(&facts, ctx->loc, i18n_get(ctx->loc,
		    MSG_pf_setting), sbuf_cstr(&v));
	}
	if (*pilot_col(p, 3) != '\0') {
		const char	*ph;

		ph = pilot_phase_name(ctx->loc, pilot_col(p, 3));
		sbuf_reset(&v);
		html_text(&v, ph, strlen(ph));
		rc |= pilot_meta(&facts, ctx->loc, i18n_get(ctx->loc,
		    MSG_pf_phase), sbuf_cstr(&v));
	}

	/* explanation_html: md_render's output, stored on save. */
	if (*pilot_col(l, 3) != '\0') {
		const struct tpl_bind	b[] = {
			{ "html", pilot_col(l, 3), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&expl, VIEW_pilot_show_prose, ctx->loc, b,
		    NBINDS(b));
	}

	sbuf_reset(&v);
	for (i = 0; i < ctx->rows.n; i++) {
		const struct article_row	*r = &ctx->rows.v[i];

		if (r->type != QLS_CITED)
			continue;
		rc |= article_item_row(&v, ctx->loc, pilot_col(r, 0),
		    pilot_col(r, 1), pilot_col(r, 2), pilot_col(r, 3), NULL,
		    NULL, 1);
	}
	if (v.len > 0) {
		const struct tpl_bind	b[] = {
			{ "id", "lesson_cited", TPL_TEXT },
			{ "heading", i18n_get(ctx->loc, MSG_lesson_cited_in),
			    TPL_TEXT },
			{ "rows", sbuf_cstr(&v), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&cited, VIEW_article_refs, ctx->loc, b,
		    NBINDS(b));
	}

	if (strcmp(pilot_col(l, 6), "true") == 0) {
		const struct tpl_bind	b[] = {
			{ "id", pilot_col(l, 0), TPL_TEXT },
		};
		rc |= view_append(&edit, VIEW_lesson_show_actions, ctx->loc,
		    b, NBINDS(b));
	}
	{
		sbuf_reset(&href);
		sbuf_printf(&href, PILOT_PATH "/%s#les-%s", pilot_col(l, 4),
		    pilot_col(l, 0));
		const struct tpl_bind	b[] = {
			{ "kind", pilot_lesson_kind_name(ctx->loc,
			    pilot_col(l, 1)), TPL_TEXT },
			{ "statement", pilot_col(l, 2), TPL_TEXT },
			{ "facts", sbuf_cstr(&facts), TPL_TRUSTED_HTML },
			{ "explanation", sbuf_cstr(&expl), TPL_TRUSTED_HTML },
			{ "actions", sbuf_cstr(&edit), TPL_TRUSTED_HTML },
			{ "cited", sbuf_cstr(&cited), TPL_TRUSTED_HTML },
			{ "back", sbuf_cstr(&href), TPL_TEXT },
		};
		rc |= view_append(out, VIEW_lesson_show, ctx->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&facts);
	sbuf_free(&v);
	sbuf_free(&href);
	sbuf_free(&expl);
	sbuf_free(&cited);
	sbuf_free(&edit);
	return (rc == 0 ? 0 : -1);
}

static void
ls_free(struct http_request *req)
{
	struct lshow_ctx	*ctx = http_state_get(req);

	article_rows_free(&ctx->rows);
}

/* ---- lesson.h ------------------------------------------------------- */

int
lesson_path_slug(const char *path, const char *suffix, char *out,
    size_t outsz)
{
	const char	*p = PILOT_PATH "/";

	if (path_slug_seg(path, p, out, outsz) == -1)
		return (-1);
	return (strcmp(path + strlen(p) + strlen(out), suffix) == 0 ? 0 : -1);
}

int
lesson_path_id(const char *path, const char *suffix, char *out,
    size_t outsz)
{
	const char	*p = LESSON_PATH "/";
	char		 digits[LESSON_ID_MAX + 1];
	size_t		 n;

	if (strncmp(path, p, strlen(p)) != 0)
		return (-1);
	path += strlen(p);
	n = strspn(path, "0123456789");
	if (n == 0 || n > LESSON_ID_MAX || strcmp(path + n, suffix) != 0)
		return (-1);
	memcpy(digits, path, n);
	digits[n] = '\0';
	return (form_id(out, outsz, digits));
}



int
lesson_kind_choices(struct sbuf *out, enum locale loc, const char *kind)
{
	char	id[48];
	size_t	i;
	int	rc;

	rc = 0;
	for (i = 0; i < PILOT_LESSON_KINDS; i++) {
		(void)snprintf(id, sizeof(id), "kind-%s",
		    pilot_lesson_kinds[i].word);
		const struct tpl_bind	b[] = {
			{ "id", id, TPL_TEXT },
			{ "value", pilot_lesson_kinds[i].word, TPL_TEXT },
			{ "label", i18n_get(loc, pilot_lesson_kinds[i].msg),
			    TPL_TEXT },
			{ "hint", i18n_get(loc, kind_hints[i]), TPL_TEXT },
			{ "checked", strcmp(kind, pilot_lesson_kinds[i].word)
			    == 0 ? " checked" : "", TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_lesson_kind, loc, b, NBINDS(b));
	}
	return (rc);
}

int
lesson_hidden(struct sbuf *out, enum locale loc, const char *name,
    const char *value)
{
	const struct tpl_bind	b[] = {
		{ "name", name, TPL_TEXT },
		{ "value", value, TPL_TEXT },
	};

	return (view_append(out, VIEW_lesson_hidden, loc, b, NBINDS(b)));
}
