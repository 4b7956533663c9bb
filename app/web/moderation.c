/*
 * The moderation queue (issue 6):
 *
 *   GET  /redactie/meldingen   ?gedaan=verborgen|hersteld|afgewezen
 *        the open reports, one block per reported post or item (oldest
 *        report first) with every reason and note, a form to decide;
 *        then the last decisions in a table, with "put back" for what
 *        is still hidden
 *   POST /redactie/meldingen   _csrf, action (verbergen, herstellen,
 *        afwijzen), post | item, note (required to hide; the author
 *        reads it) -> moderate() -> 303 back with ?gedaan=<word>
 *
 * Editors see every report; a community's moderators those in their
 * communities; other members get 403, visitors are sent to sign in.
 * moderate() (sql/005_community.sql) decides the right again, resolves
 * the thing's open reports, writes the audit row and notifies the
 * author. Reporters stay anonymous here too: the queue shows reasons,
 * notes and times, never who reported.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "db/q_moderation.h"
#include "web/auth.h"
#include "web/flag.h"
#include "web/fv.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/view.h"

#define MOD_PATH	"/redactie/meldingen"
#define MOD_NOTE_MAX	500	/* flag.decision_note, hidden_note CHECK */
#define MOD_ID_MAX	16	/* v_num: at most 9 digits */
#define MOD_KEY_MAX	(MOD_ID_MAX + 2)	/* "p123", "i45" */
#define MOD_FIELD_MAX	(MOD_KEY_MAX + 8)	/* "note-p123" */
#define MOD_GCOLS	(QMQ_AUTHORS + 1)

static const char *const	mod_actions[] = {
	"verbergen", "herstellen", "afwijzen", NULL
};
/* The ?gedaan= word of each action, and its notice. */
static const char *const	mod_done_words[] = {
	"verborgen", "hersteld", "afgewezen", NULL
};
static const enum msg_id	mod_done_msgs[] = {
	MSG_mod_done_verborgen, MSG_mod_done_hersteld, MSG_mod_done_afgewezen
};
#define MOD_HIDE	0

struct mod_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	int		 form;		/* a POST */
	int		 status;
	int		 act;		/* index in mod_actions, or -1 */
	int		 done;		/* index in mod_done_words, or -1 */
	char		 post_id[MOD_ID_MAX];
	char		 item_id[MOD_ID_MAX];
	char		*note;
	char		 errkey[MOD_KEY_MAX];	/* the form that came back */
	char		 errfield[MOD_FIELD_MAX];
	char		 to[sizeof(MOD_PATH) + 32];
	/* From the queue. */
	int		 editor;
	long		 nmods;
	int		 ngroups;
	long		 total;
	long		 gpos;		/* the group being read, 0: none */
	struct sbuf	 g[MOD_GCOLS];	/* its thing's columns */
	char		 gn[24];	/* its open reports */
	struct sbuf	 gflags;	/* its reports */
	struct sbuf	 open;
	struct sbuf	 done_rows;
	int		 ndone;
	struct fv	 fv;
};

static void	mod_read(struct http_request *, struct mod_ctx *);
static int	mod_checked(struct http_request *, struct db_ctx *);
static int	mod_fields_ok(struct mod_ctx *);
static int	mod_fail(struct http_request *, struct db_ctx *, int);
static int	mod_acted(struct http_request *, struct db_ctx *);
static int	mod_load(struct http_request *, struct mod_ctx *, int);
static void	mod_row(struct db_ctx *, struct kore_pgsql *, int);
static int	mod_flag_row(struct mod_ctx *, struct kore_pgsql *, int);
static int	mod_done_row(struct mod_ctx *, struct kore_pgsql *, int);
static int	mod_flush(struct mod_ctx *);
static int	mod_form(struct sbuf *, struct mod_ctx *, const char *,
		    const char *, const char *, const char *, int);
static int	mod_line(struct sbuf *, enum locale, const char *,
		    const char *);
static void	mod_fmt(struct sbuf *, enum locale, enum msg_id,
		    const char *);
static const char *mod_reason_label(enum locale, const char *);
static const char *mod_decision_label(enum locale, const char *);
static int	mod_render(struct http_request *, struct db_ctx *);
static int	mod_denied(struct http_request *, struct mod_ctx *);
static void	mod_free(struct http_request *);

int
moderation_queue(struct http_request *req)
{
	struct mod_ctx	*ctx;
	int		 i;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), mod_free);
		ctx->loc = resp_locale(req);
		ctx->status = 200;
		ctx->act = -1;
		ctx->done = -1;
		ctx->note = "";
		for (i = 0; i < MOD_GCOLS; i++)
			sbuf_init(&ctx->g[i]);
		sbuf_init(&ctx->gflags);
		sbuf_init(&ctx->open);
		sbuf_init(&ctx->done_rows);
		fv_init(&ctx->fv, ctx->loc);
		mod_read(req, ctx);
		db_start(req, &ctx->db, NULL, NULL, mod_checked);
	}
	return (db_run(req));
}

static void
mod_read(struct http_request *req, struct mod_ctx *ctx)
{
	char		*v;

	if (req->method != HTTP_METHOD_POST) {
		http_populate_get(req);
		if (http_argument_get_string(req, "gedaan", &v))
			ctx->done = form_choice(v, mod_done_words);
		return;
	}
	ctx->form = 1;
	(void)req_populate_form(req);
	if (http_argument_get_string(req, "action", &v))
		ctx->act = form_choice(v, mod_actions);
	if (http_argument_get_string(req, "post", &v))
		(void)form_id(ctx->post_id, sizeof(ctx->post_id), v);
	if (http_argument_get_string(req, "item", &v))
		(void)form_id(ctx->item_id, sizeof(ctx->item_id), v);
	if (http_argument_get_string(req, "note", &v)) {
		form_lf(v);
		ctx->note = form_trim(v);
	}
	/* The form of this thing shows the error and the typed note. */
	if ((ctx->post_id[0] == '\0') != (ctx->item_id[0] == '\0')) {
		(void)snprintf(ctx->errkey, sizeof(ctx->errkey), "%c%s",
		    ctx->post_id[0] != '\0' ? 'p' : 'i',
		    ctx->post_id[0] != '\0' ? ctx->post_id : ctx->item_id);
		(void)snprintf(ctx->errfield, sizeof(ctx->errfield), "note-%s",
		    ctx->errkey);
	}
}

static int
mod_checked(struct http_request *req, struct db_ctx *db)
{
	struct mod_ctx	*ctx = (struct mod_ctx *)db;

	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	if (!ctx->form)
		return (mod_load(req, ctx, 200));
	if (!auth_post_ok(req, db)) {
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		return (mod_load(req, ctx, 403));
	}
	if (!mod_fields_ok(ctx))
		return (mod_load(req, ctx, 400));
	(void)snprintf(ctx->to, sizeof(ctx->to), MOD_PATH "?gedaan=%s",
	    mod_done_words[ctx->act]);
	db->params[0] = db->user.id;
	db->params[1] = ctx->post_id;
	db->params[2] = ctx->item_id;
	db->params[3] = mod_actions[ctx->act];
	db->params[4] = ctx->note;
	db->fail = mod_fail;
	return (db_chain(req, db, &q_mod_act, NULL, mod_acted));
}

/* An action, one thing, and a note that fits (required to hide). */
static int
mod_fields_ok(struct mod_ctx *ctx)
{
	char	n[24];

	if (ctx->act < 0)
		fv_form_error(&ctx->fv, MSG_mod_bad_action, NULL);
	if (ctx->errkey[0] == '\0') {
		fv_form_error(&ctx->fv, MSG_mod_gone, NULL);
		return (0);
	}
	switch (form_text(ctx->note, MOD_NOTE_MAX, ctx->act == MOD_HIDE, 1)) {
	case FORM_OK:
		break;
	case FORM_EMPTY:
		fv_error(&ctx->fv, ctx->errfield, MSG_mod_note_empty, NULL);
		break;
	case FORM_TOO_LONG:
		(void)snprintf(n, sizeof(n), "%d", MOD_NOTE_MAX);
		fv_error(&ctx->fv, ctx->errfield, MSG_mod_note_long, n);
		break;
	default:
		fv_error(&ctx->fv, ctx->errfield, MSG_mod_note_chars, NULL);
		break;
	}
	return (ctx->act >= 0 && ctx->fv.nerr == 0);
}

/*
 * 403: not a moderator of this thing (or no longer); 404: it is gone;
 * 400: a hide without a note reached SQL. The queue comes back with the
 * message, except for 403.
 */
static int
mod_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct mod_ctx	*ctx = (struct mod_ctx *)db;

	db->fail = NULL;
	switch (status) {
	case 403:
		return (mod_denied(req, ctx));
	case 404:
		fv_form_error(&ctx->fv, MSG_mod_gone, NULL);
		return (mod_load(req, ctx, 404));
	case 400:
		fv_error(&ctx->fv, ctx->errfield, MSG_mod_note_empty, NULL);
		return (mod_load(req, ctx, 400));
	default:
		resp_error(req, status);
		return (HTTP_STATE_COMPLETE);
	}
}

static int
mod_acted(struct http_request *req, struct db_ctx *db)
{
	struct mod_ctx	*ctx = (struct mod_ctx *)db;

	resp_redirect(req, ctx->to);
	return (HTTP_STATE_COMPLETE);
}

/* ---- the queue -------------------------------------------------------- */

static int
mod_load(struct http_request *req, struct mod_ctx *ctx, int status)
{
	struct db_ctx	*db = &ctx->db;

	ctx->status = status;
	db->params[0] = db->user.id;
	db->params[1] = i18n_get(ctx->loc, MSG_former_member);
	db->fail = NULL;
	return (db_chain(req, db, &q_mod_queue, mod_row, mod_render));
}

static void
mod_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct mod_ctx	*ctx = (struct mod_ctx *)db;
	const char	*type;
	int		 rc;

	type = db_text(sql, r, QMQ_TYPE);
	rc = 0;
	if (strcmp(type, "0") == 0) {
		ctx->editor = strcmp(db_text(sql, r, QMQ_EDITOR), "true") == 0;
		ctx->nmods = strtol(db_text(sql, r, QMQ_NMODS), NULL, 10);
	} else if (strcmp(type, "1") == 0)
		rc = mod_flag_row(ctx, sql, r);
	else if (strcmp(type, "2") == 0)
		rc = mod_done_row(ctx, sql, r);
	if (rc != 0)
		db->failed = 1;
}

/* One open report; the first of a thing starts its block. */
static int
mod_flag_row(struct mod_ctx *ctx, struct kore_pgsql *sql, int r)
{
	const char	*note;
	long		 pos;
	int		 i, rc;

	rc = 0;
	pos = strtol(db_text(sql, r, QMQ_POS), NULL, 10);
	if (pos != ctx->gpos) {
		rc |= mod_flush(ctx);
		ctx->gpos = pos;
		ctx->ngroups++;
		ctx->total = strtol(db_text(sql, r, QMQ_TOTAL), NULL, 10);
		for (i = QMQ_POST; i < MOD_GCOLS; i++) {
			sbuf_reset(&ctx->g[i]);
			sbuf_puts(&ctx->g[i], db_text(sql, r, i));
		}
		(void)kore_strlcpy(ctx->gn, db_text(sql, r, QMQ_N),
		    sizeof(ctx->gn));
	}
	note = db_text(sql, r, QMQ_NOTE);
	{
		const struct tpl_bind	b[] = {
			{ "reason", mod_reason_label(ctx->loc,
			    db_text(sql, r, QMQ_WHY)), TPL_TEXT },
			{ "at", db_text(sql, r, QMQ_AT), TPL_TEXT },
			{ "at_shown", db_text(sql, r, QMQ_AT_SHOWN), TPL_TEXT },
			{ "note", *note != '\0' ? note :
			    i18n_get(ctx->loc, MSG_mod_no_note), TPL_TEXT },
		};
		rc |= view_append(&ctx->gflags, VIEW_moderation_flag,
		    ctx->loc, b, NBINDS(b));
	}
	return (rc);
}

/* The block of the thing read so far: what, where, by whom, reports, form. */
static int
mod_flush(struct mod_ctx *ctx)
{
	struct sbuf	 key, comm, by, count, extra, form;
	const char	*pid, *iid, *authors, *title, *hnote, *excerpt;
	int		 hidden, rc;

	if (ctx->gpos == 0)
		return (0);
	sbuf_init(&key);
	sbuf_init(&comm);
	sbuf_init(&by);
	sbuf_init(&count);
	sbuf_init(&extra);
	sbuf_init(&form);
	pid = sbuf_cstr(&ctx->g[QMQ_POST]);
	iid = sbuf_cstr(&ctx->g[QMQ_ITEM]);
	title = sbuf_cstr(&ctx->g[QMQ_TITLE]);
	hidden = strcmp(sbuf_cstr(&ctx->g[QMQ_HIDDEN]), "true") == 0;
	sbuf_printf(&key, "%c%s", *pid != '\0' ? 'p' : 'i',
	    *pid != '\0' ? pid : iid);
	if (ctx->g[QMQ_COMM].len > 0)
		mod_fmt(&comm, ctx->loc, MSG_mod_community,
		    sbuf_cstr(&ctx->g[QMQ_COMM]));
	else
		sbuf_puts(&comm, i18n_get(ctx->loc, MSG_mod_no_community));
	authors = sbuf_cstr(&ctx->g[QMQ_AUTHORS]);
	mod_fmt(&by, ctx->loc, MSG_mod_by, *authors != '\0' ? authors :
	    i18n_get(ctx->loc, MSG_mod_no_authors));
	if (strcmp(ctx->gn, "1") == 0)
		sbuf_puts(&count, i18n_get(ctx->loc, MSG_mod_flags_one));
	else
		mod_fmt(&count, ctx->loc, MSG_mod_flags_count, ctx->gn);
	rc = 0;
	hnote = sbuf_cstr(&ctx->g[QMQ_HNOTE]);
	if (hidden && *hnote != '\0') {
		struct sbuf	t;

		sbuf_init(&t);
		mod_fmt(&t, ctx->loc, MSG_mod_hidden_note, hnote);
		rc |= mod_line(&extra, ctx->loc, "pre-line", sbuf_cstr(&t));
		sbuf_free(&t);
	}
	excerpt = sbuf_cstr(&ctx->g[QMQ_EXCERPT]);
	if (*excerpt != '\0') {
		const struct tpl_bind	b[] = {
			{ "text", excerpt, TPL_TEXT },
		};
		rc |= view_append(&extra, VIEW_moderation_excerpt, ctx->loc,
		    b, NBINDS(b));
	}
	rc |= mod_form(&form, ctx, sbuf_cstr(&key), *pid != '\0' ? "post" :
	    "item", *pid != '\0' ? pid : iid, title, hidden);
	{
		const struct tpl_bind	b[] = {
			{ "key", sbuf_cstr(&key), TPL_TEXT },
			{ "kind", flag_kind_label(ctx->loc,
			    sbuf_cstr(&ctx->g[QMQ_KIND])), TPL_TEXT },
			{ "href", sbuf_cstr(&ctx->g[QMQ_HREF]), TPL_TEXT },
			{ "title", title, TPL_TEXT },
			{ "community", sbuf_cstr(&comm), TPL_TEXT },
			{ "by", sbuf_cstr(&by), TPL_TEXT },
			{ "state", i18n_get(ctx->loc, hidden ?
			    MSG_mod_state_hidden : MSG_mod_state_visible),
			    TPL_TEXT },
			{ "extra", sbuf_cstr(&extra), TPL_TRUSTED_HTML },
			{ "count", sbuf_cstr(&count), TPL_TEXT },
			{ "flags", sbuf_cstr(&ctx->gflags), TPL_TRUSTED_HTML },
			{ "form", sbuf_cstr(&form), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&ctx->open, VIEW_moderation_group, ctx->loc,
		    b, NBINDS(b));
	}
	sbuf_reset(&ctx->gflags);
	ctx->gpos = 0;
	sbuf_free(&key);
	sbuf_free(&comm);
	sbuf_free(&by);
	sbuf_free(&count);
	sbuf_free(&extra);
	sbuf_free(&form);
	return (rc);
}

/*
 * A thing's decision form. Its note field is named after the thing
 * ("note-p12"), so the error that comes back sits next to the right
 * form and the summary links to it.
 */
static int
mod_form(struct sbuf *out, struct mod_ctx *ctx, const char *key,
    const char *target, const char *id, const char *title, int hidden)
{
	struct sbuf	 field;
	const char	*f, *note;
	int		 rc;

	sbuf_init(&field);
	sbuf_printf(&field, "note-%s", key);
	f = sbuf_cstr(&field);
	note = strcmp(key, ctx->errkey) == 0 ? ctx->note : "";
	{
		const struct tpl_bind	b[] = {
			{ "csrf", ctx->db.user.csrf, TPL_TEXT },
			{ "target", target, TPL_TEXT },
			{ "id", id, TPL_TEXT },
			{ "key", key, TPL_TEXT },
			{ "field_id", f, TPL_TEXT },
			{ "note", note, TPL_TEXT },
			{ "note_class", fv_class(&ctx->fv, f), TPL_TEXT },
			{ "note_ref", fv_ref(&ctx->fv, f), TPL_TEXT },
			{ "note_invalid", fv_invalid(&ctx->fv, f),
			    TPL_TRUSTED_HTML },
			{ "note_error", fv_error_html(&ctx->fv, f),
			    TPL_TRUSTED_HTML },
			{ "action", hidden ? "herstellen" : "verbergen",
			    TPL_TEXT },
			{ "action_class", hidden ? "" : "button-danger",
			    TPL_TEXT },
			{ "action_label", i18n_get(ctx->loc, hidden ?
			    MSG_mod_restore : MSG_mod_hide), TPL_TEXT },
			{ "title", title, TPL_TEXT },
		};
		rc = view_append(out, VIEW_moderation_form, ctx->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&field);
	return (rc);
}

/* One decision of the last MOD_DONE_MAX, with "put back" if it applies. */
static int
mod_done_row(struct mod_ctx *ctx, struct kore_pgsql *sql, int r)
{
	struct sbuf	 restore;
	const char	*pid, *iid, *comm;
	int		 hidden, rc;

	sbuf_init(&restore);
	rc = 0;
	pid = db_text(sql, r, QMQ_POST);
	iid = db_text(sql, r, QMQ_ITEM);
	hidden = strcmp(db_text(sql, r, QMQ_HIDDEN), "true") == 0;
	comm = db_text(sql, r, QMQ_COMM);
	if (strcmp(db_text(sql, r, QMQ_OFFER), "true") == 0) {
		const struct tpl_bind	b[] = {
			{ "csrf", ctx->db.user.csrf, TPL_TEXT },
			{ "target", *pid != '\0' ? "post" : "item", TPL_TEXT },
			{ "id", *pid != '\0' ? pid : iid, TPL_TEXT },
			{ "title", db_text(sql, r, QMQ_TITLE), TPL_TEXT },
		};
		rc |= view_append(&restore, VIEW_moderation_restore, ctx->loc,
		    b, NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "kind", flag_kind_label(ctx->loc,
			    db_text(sql, r, QMQ_KIND)), TPL_TEXT },
			{ "href", db_text(sql, r, QMQ_HREF), TPL_TEXT },
			{ "title", db_text(sql, r, QMQ_TITLE), TPL_TEXT },
			{ "community", *comm != '\0' ? comm :
			    i18n_get(ctx->loc, MSG_mod_no_community), TPL_TEXT },
			{ "decision", mod_decision_label(ctx->loc,
			    db_text(sql, r, QMQ_WHY)), TPL_TEXT },
			{ "note", db_text(sql, r, QMQ_NOTE), TPL_TEXT },
			{ "who", db_text(sql, r, QMQ_WHO), TPL_TEXT },
			{ "at", db_text(sql, r, QMQ_AT), TPL_TEXT },
			{ "at_shown", db_text(sql, r, QMQ_AT_SHOWN), TPL_TEXT },
			{ "n", db_text(sql, r, QMQ_N), TPL_TEXT },
			{ "state", i18n_get(ctx->loc, hidden ?
			    MSG_mod_state_hidden : MSG_mod_state_visible),
			    TPL_TEXT },
			{ "restore", sbuf_cstr(&restore), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&ctx->done_rows, VIEW_moderation_done_row,
		    ctx->loc, b, NBINDS(b));
	}
	ctx->ndone++;
	sbuf_free(&restore);
	return (rc);
}

static int
mod_line(struct sbuf *out, enum locale loc, const char *class,
    const char *text)
{
	const struct tpl_bind	b[] = {
		{ "class", class, TPL_TEXT },
		{ "text", text, TPL_TEXT },
	};

	return (view_append(out, VIEW_flag_line, loc, b, NBINDS(b)));
}

/* A message with one %s. */
static void
mod_fmt(struct sbuf *out, enum locale loc, enum msg_id msg, const char *arg)
{
	const char	*args[1];

	args[0] = arg;
	i18n_fmt(out, i18n_get(loc, msg), args, 1);
}

static const char *
mod_reason_label(enum locale loc, const char *reason)
{
	if (strcmp(reason, "ongepast") == 0)
		return (i18n_get(loc, MSG_flag_reason_ongepast));
	if (strcmp(reason, "onveilig") == 0)
		return (i18n_get(loc, MSG_flag_reason_onveilig));
	if (strcmp(reason, "privacy") == 0)
		return (i18n_get(loc, MSG_flag_reason_privacy));
	if (strcmp(reason, "spam") == 0)
		return (i18n_get(loc, MSG_flag_reason_spam));
	return (i18n_get(loc, MSG_flag_reason_anders));
}

static const char *
mod_decision_label(enum locale loc, const char *decision)
{
	if (strcmp(decision, "verborgen") == 0)
		return (i18n_get(loc, MSG_mod_dec_verborgen));
	if (strcmp(decision, "hersteld") == 0)
		return (i18n_get(loc, MSG_mod_dec_hersteld));
	return (i18n_get(loc, MSG_mod_dec_afgewezen));
}

/* ---- the page --------------------------------------------------------- */

static int
mod_render(struct http_request *req, struct db_ctx *db)
{
	struct mod_ctx	*ctx = (struct mod_ctx *)db;
	struct sbuf	 notice, links, open, done, line;
	char		 n[24], t[24];
	const char	*args[2];
	int		 rc;

	if (!ctx->editor && ctx->nmods == 0)
		return (mod_denied(req, ctx));
	sbuf_init(&notice);
	sbuf_init(&links);
	sbuf_init(&open);
	sbuf_init(&done);
	sbuf_init(&line);
	rc = mod_flush(ctx);
	if (ctx->done >= 0) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc,
			    mod_done_msgs[ctx->done]), TPL_TEXT },
		};
		rc |= view_append(&notice, VIEW_notice, ctx->loc, b,
		    NBINDS(b));
	}
	if (ctx->editor)
		rc |= view_append(&links, VIEW_moderation_links, ctx->loc,
		    NULL, 0);
	if (ctx->ngroups == 0) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_mod_open_none),
			    TPL_TEXT },
		};
		rc |= view_append(&open, VIEW_empty, ctx->loc, b, NBINDS(b));
	} else {
		(void)snprintf(n, sizeof(n), "%d", ctx->ngroups);
		(void)snprintf(t, sizeof(t), "%ld", ctx->total);
		args[0] = n;
		args[1] = t;
		if (ctx->total > ctx->ngroups)
			i18n_fmt(&line, i18n_get(ctx->loc, MSG_mod_open_more),
			    args, 2);
		else if (ctx->ngroups == 1)
			sbuf_puts(&line, i18n_get(ctx->loc, MSG_mod_open_one));
		else
			i18n_fmt(&line, i18n_get(ctx->loc, MSG_mod_open_count),
			    args, 1);
		rc |= mod_line(&open, ctx->loc, "mod-count", sbuf_cstr(&line));
		sbuf_puts(&open, sbuf_cstr(&ctx->open));
	}
	if (ctx->ndone == 0) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_mod_resolved_none),
			    TPL_TEXT },
		};
		rc |= view_append(&done, VIEW_empty, ctx->loc, b, NBINDS(b));
	} else {
		const struct tpl_bind	b[] = {
			{ "rows", sbuf_cstr(&ctx->done_rows),
			    TPL_TRUSTED_HTML },
		};
		rc |= view_append(&done, VIEW_moderation_done_table, ctx->loc,
		    b, NBINDS(b));
	}
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "notice", sbuf_cstr(&notice), TPL_TRUSTED_HTML },
			{ "scope", i18n_get(ctx->loc, ctx->editor ?
			    MSG_mod_scope_editor : MSG_mod_scope_mod),
			    TPL_TEXT },
			{ "links", sbuf_cstr(&links), TPL_TRUSTED_HTML },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "open", sbuf_cstr(&open), TPL_TRUSTED_HTML },
			{ "done", sbuf_cstr(&done), TPL_TRUSTED_HTML },
		};
		view_page(req, ctx->status, ctx->loc,
		    i18n_get(ctx->loc, MSG_mod_title), "/redactie",
		    VIEW_moderation, b, NBINDS(b));
	}
	sbuf_free(&notice);
	sbuf_free(&links);
	sbuf_free(&open);
	sbuf_free(&done);
	sbuf_free(&line);
	return (HTTP_STATE_COMPLETE);
}

/* Signed in, but no editor and no moderator (or not of this thing). */
static int
mod_denied(struct http_request *req, struct mod_ctx *ctx)
{
	const struct tpl_bind	b[] = {
		{ "title", i18n_get(ctx->loc, MSG_mod_denied_title), TPL_TEXT },
		{ "text", i18n_get(ctx->loc, MSG_mod_denied_text), TPL_TEXT },
		{ "back", "/", TPL_TEXT },
		{ "back_label", i18n_get(ctx->loc, MSG_err_home_link),
		    TPL_TEXT },
	};

	view_page(req, 403, ctx->loc, i18n_get(ctx->loc, MSG_mod_denied_title),
	    NULL, VIEW_flow_message, b, NBINDS(b));
	return (HTTP_STATE_COMPLETE);
}

static void
mod_free(struct http_request *req)
{
	struct mod_ctx	*ctx = http_state_get(req);
	int		 i;

	for (i = 0; i < MOD_GCOLS; i++)
		sbuf_free(&ctx->g[i]);
	sbuf_free(&ctx->gflags);
	sbuf_free(&ctx->open);
	sbuf_free(&ctx->done_rows);
	fv_free(&ctx->fv);
}
