/*
 * Reporting a post or an item to the moderators (issue 6):
 *
 *   GET  /melden?bericht=ID | ?item=ID   what is reported, the reasons
 *                                        (radio buttons, each explained)
 *                                        and an optional note
 *   POST /melden   _csrf, post | item, reason, note (multipart)
 *                  -> flag_create() -> 303 back to the post or item
 *                  with ?gedaan=gemeld
 *
 * Signed-in people only: visitors are sent to sign in and come back
 * here. Someone who may not read the thing gets 404, as on its own page
 * (a closed community's post does not exist to outsiders). A thing a
 * moderator already hid, or one the reader has an open report on,
 * gets a sentence instead of the form; a second report that races past
 * that check meets the unique index (23505, 409) and gets the same
 * sentence. Who reported what is never shown to the author; the queue
 * (web/moderation.c) shows moderators the reasons and notes only.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "db/q_flag.h"
#include "web/auth.h"
#include "web/flag.h"
#include "web/fv.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/view.h"

#define FLAG_PATH	"/melden"
#define FLAG_NOTE_MAX	500	/* flag.note CHECK */
#define FLAG_ID_MAX	16	/* v_num: at most 9 digits */
#define FLAG_HREF_MAX	512

/* The reasons of flag.reason, in the order the form offers them. */
static const char *const	flag_reasons[] = {
	"ongepast", "onveilig", "privacy", "spam", "anders", NULL
};
static const enum msg_id	flag_reason_msgs[][2] = {
	{ MSG_flag_reason_ongepast, MSG_flag_reason_ongepast_hint },
	{ MSG_flag_reason_onveilig, MSG_flag_reason_onveilig_hint },
	{ MSG_flag_reason_privacy, MSG_flag_reason_privacy_hint },
	{ MSG_flag_reason_spam, MSG_flag_reason_spam_hint },
	{ MSG_flag_reason_anders, MSG_flag_reason_anders_hint },
};
#define FLAG_ANDERS	4

/* What the page says instead of the form. */
enum flag_state {
	FLAG_FORM,
	FLAG_ALREADY,		/* the reader's report is open */
	FLAG_HIDDEN		/* a moderator hid it already */
};

struct flag_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	int		 post;		/* a POST */
	int		 status;
	char		 post_id[FLAG_ID_MAX];
	char		 item_id[FLAG_ID_MAX];
	int		 reason;	/* index in flag_reasons, or -1 */
	char		*note;
	/* The thing, from the database. */
	int		 found;
	int		 may;
	int		 hidden;
	int		 mine;
	char		 kind[24];
	char		 page[16];
	char		 n[16];
	struct sbuf	 title;
	struct sbuf	 excerpt;
	struct sbuf	 community;
	struct sbuf	 href;		/* topic or item path */
	struct sbuf	 back;		/* the post or item itself */
	struct sbuf	 to;		/* where a report returns to */
	struct fv	 fv;
};

static void	flag_read(struct http_request *, struct flag_ctx *);
static int	flag_checked(struct http_request *, struct db_ctx *);
static void	flag_row(struct db_ctx *, struct kore_pgsql *, int);
static int	flag_loaded(struct http_request *, struct db_ctx *);
static int	flag_fields_ok(struct flag_ctx *);
static int	flag_fail(struct http_request *, struct db_ctx *, int);
static int	flag_created(struct http_request *, struct db_ctx *);
static int	flag_render(struct http_request *, struct flag_ctx *,
		    enum flag_state);
static int	flag_target(struct sbuf *, struct flag_ctx *);
static int	flag_form(struct sbuf *, struct http_request *,
		    struct flag_ctx *);
static void	flag_free(struct http_request *);

int
flag_page(struct http_request *req)
{
	struct flag_ctx	*ctx;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), flag_free);
		ctx->loc = resp_locale(req);
		ctx->status = 200;
		ctx->reason = -1;
		ctx->note = "";
		sbuf_init(&ctx->title);
		sbuf_init(&ctx->excerpt);
		sbuf_init(&ctx->community);
		sbuf_init(&ctx->href);
		sbuf_init(&ctx->back);
		sbuf_init(&ctx->to);
		fv_init(&ctx->fv, ctx->loc);
		flag_read(req, ctx);
		/*
		 * Exactly one thing is reported: a link without one finds
		 * nothing (404), a form without one is malformed (400).
		 */
		if ((ctx->post_id[0] == '\0') == (ctx->item_id[0] == '\0')) {
			resp_error(req, req->method == HTTP_METHOD_POST ?
			    400 : 404);
			return (KORE_RESULT_OK);
		}
		db_start(req, &ctx->db, NULL, NULL, flag_checked);
	}
	return (db_run(req));
}

/* The fields: ?bericht= / ?item= for GET, the form's for POST. */
static void
flag_read(struct http_request *req, struct flag_ctx *ctx)
{
	char		*v;

	if (req->method != HTTP_METHOD_POST) {
		http_populate_get(req);
		if (http_argument_get_string(req, "bericht", &v))
			(void)form_id(ctx->post_id, sizeof(ctx->post_id), v);
		if (http_argument_get_string(req, "item", &v))
			(void)form_id(ctx->item_id, sizeof(ctx->item_id), v);
		return;
	}
	ctx->post = 1;
	(void)req_populate_form(req);
	if (http_argument_get_string(req, "post", &v))
		(void)form_id(ctx->post_id, sizeof(ctx->post_id), v);
	if (http_argument_get_string(req, "item", &v))
		(void)form_id(ctx->item_id, sizeof(ctx->item_id), v);
	if (http_argument_get_string(req, "reason", &v))
		ctx->reason = form_choice(v, flag_reasons);
	if (http_argument_get_string(req, "note", &v)) {
		form_lf(v);
		ctx->note = form_trim(v);
	}
}

/* The session is loaded: visitors sign in first, then the thing. */
static int
flag_checked(struct http_request *req, struct db_ctx *db)
{
	struct flag_ctx	*ctx = (struct flag_ctx *)db;
	struct sbuf	 back;

	if (!db->user.loaded) {
		sbuf_init(&back);
		if (ctx->post) {
			resp_redirect(req, "/inloggen");
		} else {
			if (ctx->post_id[0] != '\0')
				sbuf_printf(&back, FLAG_PATH "?bericht=%s",
				    ctx->post_id);
			else
				sbuf_printf(&back, FLAG_PATH "?item=%s",
				    ctx->item_id);
			sbuf_puts(&ctx->to, "/inloggen?terug=");
			sbuf_urlenc(&ctx->to, sbuf_cstr(&back));
			resp_redirect(req, sbuf_cstr(&ctx->to));
		}
		sbuf_free(&back);
		return (HTTP_STATE_COMPLETE);
	}
	db->params[0] = ctx->post_id;
	db->params[1] = ctx->item_id;
	db->params[2] = db->user.id;
	return (db_chain(req, db, &q_flag_target, flag_row, flag_loaded));
}

static void
flag_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct flag_ctx	*ctx = (struct flag_ctx *)db;

	ctx->found = 1;
	ctx->may = strcmp(db_text(sql, r, QFT_MAY), "true") == 0;
	ctx->hidden = strcmp(db_text(sql, r, QFT_HIDDEN), "true") == 0;
	ctx->mine = strcmp(db_text(sql, r, QFT_MINE), "true") == 0;
	(void)kore_strlcpy(ctx->kind, db_text(sql, r, QFT_KIND),
	    sizeof(ctx->kind));
	(void)kore_strlcpy(ctx->page, db_text(sql, r, QFT_PAGE),
	    sizeof(ctx->page));
	(void)kore_strlcpy(ctx->n, db_text(sql, r, QFT_N), sizeof(ctx->n));
	sbuf_puts(&ctx->title, db_text(sql, r, QFT_TITLE));
	sbuf_puts(&ctx->excerpt, db_text(sql, r, QFT_EXCERPT));
	sbuf_puts(&ctx->community, db_text(sql, r, QFT_COMM));
	sbuf_puts(&ctx->href, db_text(sql, r, QFT_HREF));
}

static int
flag_loaded(struct http_request *req, struct db_ctx *db)
{
	struct flag_ctx	*ctx = (struct flag_ctx *)db;
	const char	*href;

	if (!ctx->found || !ctx->may) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	/* The post on its page, or the item; and the same with the notice. */
	href = sbuf_cstr(&ctx->href);
	if (ctx->post_id[0] != '\0' && strcmp(ctx->page, "1") != 0) {
		sbuf_printf(&ctx->back, "%s?pagina=%s#bericht-%s", href,
		    ctx->page, ctx->n);
		sbuf_printf(&ctx->to, "%s?pagina=%s&gedaan=gemeld#bericht-%s",
		    href, ctx->page, ctx->n);
	} else if (ctx->post_id[0] != '\0') {
		sbuf_printf(&ctx->back, "%s#bericht-%s", href, ctx->n);
		sbuf_printf(&ctx->to, "%s?gedaan=gemeld#bericht-%s", href,
		    ctx->n);
	} else {
		sbuf_puts(&ctx->back, href);
		sbuf_printf(&ctx->to, "%s?gedaan=gemeld", href);
	}
	if (ctx->hidden) {
		ctx->status = ctx->post ? 409 : 200;
		return (flag_render(req, ctx, FLAG_HIDDEN));
	}
	if (!ctx->post) {
		return (flag_render(req, ctx, ctx->mine ? FLAG_ALREADY :
		    FLAG_FORM));
	}
	if (!auth_post_ok(req, db)) {
		/* Nothing is saved; the form comes back as it was filled. */
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		ctx->status = 403;
		return (flag_render(req, ctx, FLAG_FORM));
	}
	if (ctx->mine) {
		ctx->status = 409;
		return (flag_render(req, ctx, FLAG_ALREADY));
	}
	if (!flag_fields_ok(ctx)) {
		ctx->status = 400;
		return (flag_render(req, ctx, FLAG_FORM));
	}
	db->params[0] = db->user.id;
	db->params[1] = ctx->post_id;
	db->params[2] = ctx->item_id;
	db->params[3] = flag_reasons[ctx->reason];
	db->params[4] = ctx->note;
	db->fail = flag_fail;
	return (db_chain(req, db, &q_flag_create, NULL, flag_created));
}

/* A reason, and a note that fits (required for "iets anders"). */
static int
flag_fields_ok(struct flag_ctx *ctx)
{
	char	n[24];

	if (ctx->reason < 0)
		fv_error(&ctx->fv, "reason", MSG_flag_reason_empty, NULL);
	switch (form_text(ctx->note, FLAG_NOTE_MAX,
	    ctx->reason == FLAG_ANDERS, 1)) {
	case FORM_OK:
		break;
	case FORM_EMPTY:
		fv_error(&ctx->fv, "note", MSG_flag_note_needed, NULL);
		break;
	case FORM_TOO_LONG:
		(void)snprintf(n, sizeof(n), "%d", FLAG_NOTE_MAX);
		fv_error(&ctx->fv, "note", MSG_flag_note_long, n);
		break;
	default:
		fv_error(&ctx->fv, "note", MSG_flag_note_chars, NULL);
		break;
	}
	return (ctx->fv.nerr == 0);
}

/*
 * 409: a report of the same person on the same thing is open (a second
 * tab or a double click). 404: it went, or the reader lost the right to
 * read it, since the page was loaded.
 */
static int
flag_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct flag_ctx	*ctx = (struct flag_ctx *)db;

	db->fail = NULL;
	if (status != 409) {
		resp_error(req, status);
		return (HTTP_STATE_COMPLETE);
	}
	ctx->status = 409;
	return (flag_render(req, ctx, FLAG_ALREADY));
}

static int
flag_created(struct http_request *req, struct db_ctx *db)
{
	struct flag_ctx	*ctx = (struct flag_ctx *)db;

	resp_redirect(req, sbuf_cstr(&ctx->to));
	return (HTTP_STATE_COMPLETE);
}

/* ---- the page ------------------------------------------------------- */

int
flag_link(struct sbuf *out, enum locale loc, const char *what, const char *id)
{
	struct sbuf	href;
	int		rc;

	sbuf_init(&href);
	sbuf_printf(&href, FLAG_PATH "?%s=%s", what, id);
	{
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
		};
		rc = view_append(out, VIEW_flag_link, loc, b, NBINDS(b));
	}
	sbuf_free(&href);
	return (rc);
}

const char *
flag_kind_label(enum locale loc, const char *kind)
{
	static const struct {
		const char	*kind;
		enum msg_id	 msg;
	} k[] = {
		{ "bericht", MSG_mod_kind_bericht },
		{ "artikel", MSG_mod_kind_artikel },
		{ "pilot", MSG_mod_kind_pilot },
		{ "verhaal", MSG_mod_kind_verhaal },
		{ "mastermind", MSG_mod_kind_mastermind },
		{ "bron", MSG_mod_kind_bron },
	};
	size_t	i;

	for (i = 0; i < sizeof(k) / sizeof(k[0]); i++) {
		if (strcmp(k[i].kind, kind) == 0)
			return (i18n_get(loc, k[i].msg));
	}
	return (kind);
}

/* What is reported: kind, title (a link to it), community, first words. */
static int
flag_target(struct sbuf *out, struct flag_ctx *ctx)
{
	struct sbuf	 comm, more;
	const char	*args[1];
	int		 rc;

	sbuf_init(&comm);
	sbuf_init(&more);
	rc = 0;
	if (ctx->community.len > 0) {
		args[0] = sbuf_cstr(&ctx->community);
		i18n_fmt(&comm, i18n_get(ctx->loc, MSG_flag_in_community),
		    args, 1);
		const struct tpl_bind	b[] = {
			{ "class", "flag-community", TPL_TEXT },
			{ "text", sbuf_cstr(&comm), TPL_TEXT },
		};
		rc |= view_append(&more, VIEW_flag_line, ctx->loc, b,
		    NBINDS(b));
	}
	/* A hidden post's words are not shown again here. */
	if (!ctx->hidden && ctx->excerpt.len > 0) {
		const struct tpl_bind	b[] = {
			{ "text", sbuf_cstr(&ctx->excerpt), TPL_TEXT },
		};
		rc |= view_append(&more, VIEW_flag_excerpt, ctx->loc, b,
		    NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "kind", flag_kind_label(ctx->loc, ctx->kind),
			    TPL_TEXT },
			{ "href", sbuf_cstr(&ctx->back), TPL_TEXT },
			{ "title", sbuf_cstr(&ctx->title), TPL_TEXT },
			{ "more", sbuf_cstr(&more), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_flag_target, ctx->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&comm);
	sbuf_free(&more);
	return (rc);
}

/* The reasons (the one chosen stays chosen), the note, the button. */
static int
flag_form(struct sbuf *out, struct http_request *req, struct flag_ctx *ctx)
{
	static const char *const	 fields[] = { "reason", "note", NULL };
	struct sbuf			 choices;
	size_t				 i, n;
	int				 rc;

	sbuf_init(&choices);
	rc = 0;
	for (i = 0; flag_reasons[i] != NULL; i++) {
		const struct tpl_bind	b[] = {
			{ "value", flag_reasons[i], TPL_TEXT },
			{ "checked", (int)i == ctx->reason ? " checked" : "",
			    TPL_TRUSTED_HTML },
			{ "label", i18n_get(ctx->loc, flag_reason_msgs[i][0]),
			    TPL_TEXT },
			{ "hint", i18n_get(ctx->loc, flag_reason_msgs[i][1]),
			    TPL_TEXT },
		};
		rc |= view_append(&choices, VIEW_flag_reason, ctx->loc, b,
		    NBINDS(b));
	}
	{
		const struct tpl_bind	fixed[] = {
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "field", ctx->post_id[0] != '\0' ? "post" : "item",
			    TPL_TEXT },
			{ "id", ctx->post_id[0] != '\0' ? ctx->post_id :
			    ctx->item_id, TPL_TEXT },
			{ "choices", sbuf_cstr(&choices), TPL_TRUSTED_HTML },
			{ "note", ctx->note, TPL_TEXT },
			{ "back", sbuf_cstr(&ctx->back), TPL_TEXT },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(fields) * FV_BINDS_PER_FIELD];

		n = fv_binds(&ctx->fv, fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		rc |= view_append(out, VIEW_flag_form, ctx->loc, b, n);
	}
	sbuf_free(&choices);
	return (rc);
}

static int
flag_render(struct http_request *req, struct flag_ctx *ctx,
    enum flag_state state)
{
	struct sbuf	target, body;
	int		rc;

	sbuf_init(&target);
	sbuf_init(&body);
	rc = flag_target(&target, ctx);
	if (state == FLAG_FORM)
		rc |= flag_form(&body, req, ctx);
	else {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, state == FLAG_HIDDEN ?
			    MSG_flag_hidden : MSG_flag_already), TPL_TEXT },
			{ "back", sbuf_cstr(&ctx->back), TPL_TEXT },
		};
		rc |= view_append(&body, VIEW_flag_state, ctx->loc, b,
		    NBINDS(b));
	}
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "target", sbuf_cstr(&target), TPL_TRUSTED_HTML },
			{ "body", sbuf_cstr(&body), TPL_TRUSTED_HTML },
		};
		view_page(req, ctx->status, ctx->loc,
		    i18n_get(ctx->loc, MSG_flag_title), NULL, VIEW_flag, b,
		    NBINDS(b));
	}
	sbuf_free(&target);
	sbuf_free(&body);
	return (HTTP_STATE_COMPLETE);
}

static void
flag_free(struct http_request *req)
{
	struct flag_ctx	*ctx = http_state_get(req);

	fv_free(&ctx->fv);
	sbuf_free(&ctx->title);
	sbuf_free(&ctx->excerpt);
	sbuf_free(&ctx->community);
	sbuf_free(&ctx->href);
	sbuf_free(&ctx->back);
	sbuf_free(&ctx->to);
}
