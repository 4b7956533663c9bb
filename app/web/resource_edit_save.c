/*
 * The resource editor's writes (see resource_edit.c): the chosen file
 * (a task writes it, q_upload_add records it as the writer's pending
 * upload), then resource_save() with the workflow step in one
 * statement and 303 to the resource, or the form again with why
 * nothing was written (a refused value, a conflict, a failure).
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/form.h"
#include "core/jw.h"
#include "db/q_resource_edit.h"
#include "db/q_upload.h"
#include "web/resource_edit.h"
#include "web/resp.h"

static int	red_written(struct http_request *, struct db_ctx *);
static void	red_add_row(struct db_ctx *, struct kore_pgsql *, int);
static int	red_added(struct http_request *, struct db_ctx *);
static int	red_add_fail(struct http_request *, struct db_ctx *, int);
static void	red_build(struct red_ctx *);
static void	red_save_row(struct db_ctx *, struct kore_pgsql *, int);
static int	red_saved(struct http_request *, struct db_ctx *);
static int	red_save_fail(struct http_request *, struct db_ctx *, int);
static int	red_reloaded(struct http_request *, struct db_ctx *);
static void	red_save_error(struct red_ctx *);

/* The file checked on first entry: write it, off the event loop. */
int
red_upload(struct http_request *req, struct red_ctx *ctx)
{
	if (upload_start(&ctx->ut) == -1) {
		red_error(ctx, "bestand", MSG_re_file_busy, NULL);
		ctx->file = UPLOAD_NONE;
		return (red_render(req, ctx, 503));
	}
	return (db_task(req, &ctx->db, &ctx->ut.task, red_written));
}

static int
red_written(struct http_request *req, struct db_ctx *db)
{
	struct red_ctx	*ctx = (struct red_ctx *)db;

	if (!ctx->ut.ok) {
		red_error(ctx, "bestand", MSG_re_file_failed, NULL);
		ctx->file = UPLOAD_NONE;
		return (red_render(req, ctx, 503));
	}
	ctx->error[0] = '\0';
	upload_params(&ctx->ut, db, db->user.id, "");
	db->fail = red_add_fail;
	return (db_chain(req, db, &q_upload_add, red_add_row, red_added));
}

static void
red_add_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct red_ctx	*ctx = (struct red_ctx *)db;

	(void)kore_strlcpy(ctx->error, db_text(sql, r, QUA_ERROR),
	    sizeof(ctx->error));
}

/* Recorded: from now on the form carries its token. */
static int
red_added(struct http_request *req, struct db_ctx *db)
{
	struct red_ctx	*ctx = (struct red_ctx *)db;

	db->fail = NULL;
	ctx->file = UPLOAD_NONE;
	if (db->nrows != 1 || ctx->error[0] != '\0') {
		upload_discard(&ctx->ut);
		red_error(ctx, "bestand", strcmp(ctx->error, "pending") == 0 ?
		    MSG_re_file_pending : MSG_re_file_failed, NULL);
		ctx->error[0] = '\0';
		return (red_post_checked(req, ctx));
	}
	(void)kore_strlcpy(ctx->token, ctx->ut.token, sizeof(ctx->token));
	(void)kore_strlcpy(ctx->pending_name, ctx->ut.name,
	    sizeof(ctx->pending_name));
	(void)kore_strlcpy(ctx->pending_size, ctx->ut.size,
	    sizeof(ctx->pending_size));
	ctx->pending = 1;
	return (red_post_checked(req, ctx));
}

static int
red_add_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct red_ctx	*ctx = (struct red_ctx *)db;

	upload_discard(&ctx->ut);
	ctx->file = UPLOAD_NONE;
	db->fail = NULL;
	switch (status) {
	case 400:
		/* upload_add() found 20 pending files under its lock. */
		red_error(ctx, "bestand", MSG_re_file_pending, NULL);
		break;
	case 403:
		red_form_error(ctx, MSG_re_forbidden);
		return (red_render(req, ctx, 403));
	default:
		red_error(ctx, "bestand", MSG_re_file_failed, NULL);
		return (red_render(req, ctx, 503));
	}
	return (red_post_checked(req, ctx));
}

int
red_render_md(struct red_ctx *ctx)
{
	size_t	len;

	if (ctx->rendered)
		return (0);
	len = strlen(ctx->v[RF_BODY]);
	if (len > MD_MAX_INPUT || md_doc_render(&ctx->doc, ctx->v[RF_BODY],
	    len, resp_base_url()) == -1) {
		red_error_n(ctx, "body", MSG_re_body_long,
		    form_chars(ctx->v[RF_BODY]));
		return (-1);
	}
	ctx->rendered = 1;
	return (0);
}

/* resource_save()'s p_fields. */
static void
red_build(struct red_ctx *ctx)
{
	struct sbuf	*j = &ctx->fields;

	sbuf_reset(j);
	jw_obj_open(j);
	jw_kv_str(j, 1, "type", ctx->v[RF_TYPE]);
	jw_kv_str(j, 0, "publisher", ctx->v[RF_PUBLISHER]);
	jw_kv_str(j, 0, "year", ctx->v[RF_YEAR]);
	jw_kv_str(j, 0, "language", ctx->v[RF_LANGUAGE]);
	jw_kv_str(j, 0, "url", ctx->v[RF_URL]);
	if (ctx->token[0] != '\0') {
		jw_kv_str(j, 0, "file", ctx->token);
		jw_kv_str(j, 0, "slot", ctx->v[RF_SLOT]);
		jw_kv_str(j, 0, "file_note", ctx->v[RF_FILE_NOTE]);
	}
	jw_obj_close(j);
}

int
red_save(struct http_request *req, struct red_ctx *ctx)
{
	struct db_ctx	*db = &ctx->db;
	const char	*step;

	red_build(ctx);
	if (slug_make(ctx->v[RF_TITLE], ctx->slugbase,
	    sizeof(ctx->slugbase)) == 0)
		(void)kore_strlcpy(ctx->slugbase, "bron",
		    sizeof(ctx->slugbase));
	(void)snprintf(ctx->words, sizeof(ctx->words), "%zu",
	    ctx->doc.words);
	switch (ctx->action) {
	case RA_SUBMIT:
		step = "indienen";
		break;
	case RA_PUBLISH:
		step = "goedkeuren";
		break;
	default:
		step = "";
		break;
	}
	db->params[0] = ctx->is_new ? NULL : ctx->id;
	db->params[1] = ctx->is_new ? NULL : ctx->base;
	db->params[2] = db->user.id;
	db->params[3] = ctx->v[RF_TITLE];
	db->params[4] = ctx->v[RF_SUMMARY];
	db->params[5] = ctx->v[RF_BODY];
	db->params[6] = sbuf_cstr(&ctx->doc.html);
	db->params[7] = sbuf_cstr(&ctx->doc.toc);
	db->params[8] = ctx->words;
	db->params[9] = ctx->v[RF_NOTE];
	db->params[10] = ctx->slugbase;
	db->params[11] = sbuf_cstr(&ctx->themes);
	db->params[12] = sbuf_cstr(&ctx->keep_tags);
	db->params[13] = ctx->v[RF_COMMUNITY];
	db->params[14] = sbuf_cstr(&ctx->doc.links);
	db->params[15] = sbuf_cstr(&ctx->keep_related);
	db->params[16] = ctx->is_new ? ctx->nonce : NULL;
	db->params[17] = sbuf_cstr(&ctx->fields);
	db->params[18] = step;
	ctx->error[0] = '\0';
	db->fail = red_save_fail;
	return (db_chain(req, db, &q_resource_edit_save, red_save_row,
	    red_saved));
}

static void
red_save_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct red_ctx	*ctx = (struct red_ctx *)db;

	(void)kore_strlcpy(ctx->saved_slug, db_text(sql, r, QR_S_SLUG),
	    sizeof(ctx->saved_slug));
	(void)kore_strlcpy(ctx->saved_status, db_text(sql, r, QR_S_STATUS),
	    sizeof(ctx->saved_status));
	(void)kore_strlcpy(ctx->error, db_text(sql, r, QR_S_ERROR),
	    sizeof(ctx->error));
	ctx->conflict = strcmp(db_text(sql, r, QR_S_CONFLICT), "t") == 0;
}

static int
red_saved(struct http_request *req, struct db_ctx *db)
{
	struct red_ctx	*ctx = (struct red_ctx *)db;

	if (ctx->error[0] != '\0') {
		/* A value resource_save() refused: nothing was written. */
		red_save_error(ctx);
		return (red_render(req, ctx, 422));
	}
	if (ctx->conflict) {
		/* Someone saved between our page query and the save. */
		db->fail = NULL;
		ctx->reload = 1;
		ctx->found = ctx->may_edit = 0;
		ctx->nfiles = 0;
		red_page_start(ctx);
		return (db_chain(req, db, &q_resource_edit_page, red_row,
		    red_reloaded));
	}
	if (!path_slug_ok(ctx->saved_slug, strlen(ctx->saved_slug))) {
		resp_error(req, 500);
		return (HTTP_STATE_COMPLETE);
	}
	red_redirect(req, ctx, ctx->saved_slug, ctx->saved_status);
	return (HTTP_STATE_COMPLETE);
}

/* 303 to the resource, with the notice for what happened. */
void
red_redirect(struct http_request *req, struct red_ctx *ctx, const char *slug,
    const char *status)
{
	struct sbuf	 to;
	const char	*done;

	if (strcmp(status, "ter_review") == 0)
		done = "voorgesteld";
	else if (strcmp(status, "gepubliceerd") == 0 &&
	    ctx->action == RA_PUBLISH)
		done = "gepubliceerd";
	else
		done = "bewaard";
	sbuf_init(&to);
	sbuf_printf(&to, RED_PREFIX "/%s?gedaan=%s", slug, done);
	resp_redirect(req, sbuf_cstr(&to));
	sbuf_free(&to);
}

/*
 * The save (or the reload after a conflict) failed: nothing was
 * written. The form comes back with the typed text and why.
 */
static int
red_save_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct red_ctx	*ctx = (struct red_ctx *)db;

	db->fail = NULL;
	switch (status) {
	case 400:
		/*
		 * 23514 'inhoud': item_transition() or resource_save()
		 * found neither file nor link (the form's own checks
		 * catch every other value first).
		 */
		red_error(ctx, "bestand", MSG_re_need_content, NULL);
		status = 422;
		break;
	case 403:
		red_form_error(ctx, MSG_re_forbidden);
		break;
	case 404:
		red_form_error(ctx, MSG_re_gone);
		break;
	case 409:
		red_form_error(ctx, MSG_re_state_changed);
		break;
	default:
		/* resp_html() adds Retry-After to a 503. */
		red_form_error(ctx, MSG_edit_save_failed);
		break;
	}
	return (red_render(req, ctx, status));
}

static int
red_reloaded(struct http_request *req, struct db_ctx *db)
{
	struct red_ctx	*ctx = (struct red_ctx *)db;

	if (!ctx->found)
		return (red_save_fail(req, db, 404));
	if (!ctx->may_edit)
		return (red_save_fail(req, db, 403));
	return (red_show_conflict(req, ctx));
}

/* 409: the stored version and the diff; the form keeps the typed text. */
int
red_show_conflict(struct http_request *req, struct red_ctx *ctx)
{
	(void)kore_strlcpy(ctx->started, ctx->base, sizeof(ctx->started));
	(void)kore_strlcpy(ctx->base, ctx->rev, sizeof(ctx->base));
	red_conflict(ctx);
	return (red_render(req, ctx, 409));
}

/* resource_save()'s error column as a message next to its field. */
static void
red_save_error(struct red_ctx *ctx)
{
	static const struct {
		const char	*error;
		const char	*field;
		enum msg_id	 msg;
	} errs[] = {
		{ "type", "type", MSG_re_type_missing },
		{ "year", "year", MSG_re_year_bad },
		{ "language", "language", MSG_re_language_bad },
		{ "url", "url", MSG_re_url_bad },
		{ "file", "bestand", MSG_re_file_gone },
		{ "slot", "slot", MSG_re_slot_bad },
	};
	size_t	i;

	if (strcmp(ctx->error, "file") == 0)
		ctx->token[0] = '\0';
	for (i = 0; i < sizeof(errs) / sizeof(errs[0]); i++) {
		if (strcmp(ctx->error, errs[i].error) == 0) {
			red_error(ctx, errs[i].field, errs[i].msg, NULL);
			return;
		}
	}
	red_form_error(ctx, MSG_edit_save_failed);
}
