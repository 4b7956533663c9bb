/*
 * Starting and changing a mastermind series (issue 8):
 *
 *   GET, POST /masterminds/nieuw               mm_series_new
 *   GET, POST /masterminds/{serie}/bewerken    mm_series_edit
 *
 * POST is multipart (the purpose is Markdown, STYLE.md c6): _csrf, name,
 * purpose, community (a slug, or empty for a public series),
 * facilitators (display names, one per line), amend_days (1-30), and
 * a nonce (new) or the revision the form started from (base).
 * mm_series_save() writes it, then 303 to the series page. Each
 * refusal shows the form again with what was typed and a message next
 * to its field; a stale base writes nothing (409 with what is stored).
 *
 * Who: signed-in members start a series; whoever runs it (its
 * facilitators, editors) changes it; others 403, and a series the
 * reader may not read is 404.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/diff.h"
#include "core/form.h"
#include "core/md.h"
#include "core/path.h"
#include "core/slug.h"
#include "core/token.h"
#include "db/q_mm_series.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/mm_series.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/view.h"

#define MSF_NAME_MAX	200
#define MSF_PURPOSE_MAX	20000
#define MSF_FACS_MAX	4000

struct msf_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	int		 is_new;
	int		 post;
	int		 bad;
	char		 slug[PATH_SLUG_MAX + 1];

	/* What was typed (POST), or what is stored (GET). */
	const char	*name;
	const char	*purpose;
	const char	*community;
	const char	*facs;
	const char	*days;
	char		 nonce[TOK_LEN + 1];
	char		 base[16];
	char		 started[16];
	char		 newslug[SLUG_MAX + 1];

	/* The query. */
	int		 found;
	int		 may_run;
	char		 id[24];
	char		 rev[16];
	char		*s_name;
	char		*s_purpose;
	char		*s_community;
	char		*s_facs;
	char		*s_days;
	struct sbuf	 options;	/* rendered <option>s */
	struct sbuf	 comms;		/* "\n" slug "\t" name ... */

	struct sbuf	 html;
	char		 saved_slug[PATH_SLUG_MAX + 1];
	int		 conflict;
	char		*error;
	struct sbuf	 conflict_html;
	struct fv	 fv;
};

static const char *const	msf_fields[] = {
	"name", "purpose", "community", "facilitators", "amend_days", NULL
};

static int	msf_enter(struct http_request *, int);
static void	msf_read(struct http_request *, struct msf_ctx *);
static int	msf_session(struct http_request *, struct db_ctx *);
static int	msf_query(struct http_request *, struct msf_ctx *,
		    db_done_fn);
static void	msf_row(struct db_ctx *, struct kore_pgsql *, int);
static int	msf_loaded(struct http_request *, struct db_ctx *);
static void	msf_check(struct msf_ctx *);
static int	msf_save(struct http_request *, struct msf_ctx *);
static void	msf_save_row(struct db_ctx *, struct kore_pgsql *, int);
static int	msf_saved(struct http_request *, struct db_ctx *);
static int	msf_fail(struct http_request *, struct db_ctx *, int);
static int	msf_reloaded(struct http_request *, struct db_ctx *);
static int	msf_conflict(struct http_request *, struct msf_ctx *);
static int	msf_options(struct msf_ctx *);
static const char *msf_comm_name(struct msf_ctx *, const char *);
static int	msf_render(struct http_request *, struct msf_ctx *, int);
static void	msf_free(struct http_request *);

int
mm_series_new(struct http_request *req)
{
	return (msf_enter(req, 1));
}

int
mm_series_edit(struct http_request *req)
{
	return (msf_enter(req, 0));
}

static int
msf_enter(struct http_request *req, int is_new)
{
	struct msf_ctx	*ctx;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), msf_free);
		ctx->loc = resp_locale(req);
		ctx->is_new = is_new;
		ctx->name = ctx->purpose = ctx->community = ctx->facs = "";
		ctx->days = "7";
		sbuf_init(&ctx->html);
		sbuf_init(&ctx->conflict_html);
		sbuf_init(&ctx->options);
		sbuf_init(&ctx->comms);
		fv_init(&ctx->fv, ctx->loc);
		if (!is_new)
			ctx->bad = mmser_path(req->path, "/bewerken", ctx->slug,
			    sizeof(ctx->slug)) == -1;
		if (req->method == HTTP_METHOD_POST) {
			ctx->post = 1;
			msf_read(req, ctx);
		}
		db_start(req, &ctx->db, NULL, NULL, msf_session);
	}
	return (db_run(req));
}

static void
msf_read(struct http_request *req, struct msf_ctx *ctx)
{
	char	*v;

	(void)req_populate_form(req);
	if (http_argument_get_string(req, "name", &v)) {
		form_oneline(v);
		ctx->name = form_trim(v);
	}
	if (http_argument_get_string(req, "purpose", &v)) {
		form_lf(v);
		ctx->purpose = form_rtrim(v);
	}
	if (http_argument_get_string(req, "community", &v))
		ctx->community = v;
	if (http_argument_get_string(req, "facilitators", &v)) {
		form_lf(v);
		ctx->facs = form_trim(v);
	}
	if (http_argument_get_string(req, "amend_days", &v))
		ctx->days = form_trim(v);
	else
		ctx->days = "";
	if (http_argument_get_string(req, "nonce", &v) && tok_valid(v))
		(void)kore_strlcpy(ctx->nonce, v, sizeof(ctx->nonce));
	if (http_argument_get_string(req, "base", &v))
		(void)kore_strlcpy(ctx->base, v, sizeof(ctx->base));
}

static int
msf_session(struct http_request *req, struct db_ctx *db)
{
	struct msf_ctx	*ctx = (struct msf_ctx *)db;

	if (ctx->bad) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	return (msf_query(req, ctx, msf_loaded));
}

static int
msf_query(struct http_request *req, struct msf_ctx *ctx, db_done_fn done)
{
	struct db_ctx	*db = &ctx->db;

	ctx->found = ctx->may_run = 0;
	sbuf_reset(&ctx->comms);
	db->params[0] = ctx->is_new ? "" : ctx->slug;
	db->params[1] = db->user.id;
	return (db_chain(req, db, &q_mms_form, msf_row, done));
}

static void
msf_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct msf_ctx	*ctx = (struct msf_ctx *)db;

	if (atoi(db_text(sql, r, QMS_TYPE)) == QMS_FORM_COMMUNITY) {
		sbuf_printf(&ctx->comms, "\n%s\t%s",
		    db_text(sql, r, QMS_COL(1)), db_text(sql, r, QMS_COL(2)));
		return;
	}
	ctx->found = 1;
	(void)kore_strlcpy(ctx->id, db_text(sql, r, QMS_COL(1)),
	    sizeof(ctx->id));
	kore_free(ctx->s_name);
	kore_free(ctx->s_purpose);
	kore_free(ctx->s_community);
	kore_free(ctx->s_facs);
	kore_free(ctx->s_days);
	ctx->s_name = kore_strdup(db_text(sql, r, QMS_COL(3)));
	ctx->s_purpose = kore_strdup(db_text(sql, r, QMS_COL(4)));
	ctx->s_community = kore_strdup(db_text(sql, r, QMS_COL(5)));
	ctx->s_facs = kore_strdup(db_text(sql, r, QMS_COL(6)));
	ctx->s_days = kore_strdup(db_text(sql, r, QMS_COL(7)));
	(void)kore_strlcpy(ctx->rev, db_text(sql, r, QMS_COL(8)),
	    sizeof(ctx->rev));
	ctx->may_run = strcmp(db_text(sql, r, QMS_COL(9)), "true") == 0;
}

static int
msf_loaded(struct http_request *req, struct db_ctx *db)
{
	struct msf_ctx	*ctx = (struct msf_ctx *)db;

	/* A forged POST is refused first, whatever it names. */
	if (ctx->post && !auth_post_ok(req, db)) {
		if (!ctx->is_new && (!ctx->found || !ctx->may_run)) {
			resp_error(req, 403);
			return (HTTP_STATE_COMPLETE);
		}
		fv_form_error(&ctx->fv, MSG_csrf_failed, NULL);
		if (ctx->is_new && ctx->nonce[0] == '\0')
			tok_new(ctx->nonce);
		return (msf_render(req, ctx, 403));
	}
	if (!ctx->is_new && !ctx->found) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (!ctx->is_new && !ctx->may_run) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	if (!ctx->post) {
		if (ctx->is_new)
			tok_new(ctx->nonce);
		else {
			ctx->name = ctx->s_name;
			ctx->purpose = ctx->s_purpose;
			ctx->community = ctx->s_community;
			ctx->facs = ctx->s_facs;
			ctx->days = ctx->s_days;
			(void)kore_strlcpy(ctx->base, ctx->rev,
			    sizeof(ctx->base));
		}
		return (msf_render(req, ctx, 200));
	}
	msf_check(ctx);
	if (ctx->fv.nerr > 0)
		return (msf_render(req, ctx, 422));
	if (!ctx->is_new && strcmp(ctx->base, ctx->rev) != 0)
		return (msf_conflict(req, ctx));
	return (msf_save(req, ctx));
}

/* Each refusal gets its message next to its field. */
static void
msf_check(struct msf_ctx *ctx)
{
	char		 n[24], *end;
	long		 days;
	enum form_err	 e;

	e = form_text(ctx->name, MSF_NAME_MAX, 1, 0);
	if (e == FORM_EMPTY)
		fv_error(&ctx->fv, "name", MSG_mmser_err_name_empty, NULL);
	else if (e == FORM_TOO_LONG) {
		(void)snprintf(n, sizeof(n), "%zu", form_chars(ctx->name));
		fv_error(&ctx->fv, "name", MSG_mmser_err_name_long, n);
	} else if (e != FORM_OK)
		fv_error(&ctx->fv, "name", MSG_form_bad_chars, NULL);
	else if (slug_make(ctx->name, ctx->newslug,
	    sizeof(ctx->newslug)) == 0)
		fv_error(&ctx->fv, "name", MSG_mmser_err_name_slug, NULL);

	if (strlen(ctx->purpose) > MD_MAX_INPUT) {
		(void)snprintf(n, sizeof(n), "%zu", strlen(ctx->purpose));
		fv_error(&ctx->fv, "purpose", MSG_mmser_err_purpose_long, n);
	} else if ((e = form_text(ctx->purpose, MSF_PURPOSE_MAX, 0, 1)) ==
	    FORM_TOO_LONG) {
		(void)snprintf(n, sizeof(n), "%zu", form_chars(ctx->purpose));
		fv_error(&ctx->fv, "purpose", MSG_mmser_err_purpose_long, n);
	} else if (e != FORM_OK)
		fv_error(&ctx->fv, "purpose", MSG_form_bad_chars, NULL);

	if (ctx->community[0] != '\0' &&
	    msf_comm_name(ctx, ctx->community) == NULL)
		fv_error(&ctx->fv, "community", MSG_mmser_err_community, NULL);

	if (form_text(ctx->facs, MSF_FACS_MAX, 0, 1) != FORM_OK)
		fv_error(&ctx->fv, "facilitators", MSG_form_bad_chars, NULL);

	days = strtol(ctx->days, &end, 10);
	if (ctx->days[0] == '\0' || *end != '\0' || days < 1 || days > 30)
		fv_error(&ctx->fv, "amend_days", MSG_mmser_err_days, NULL);

	if (ctx->is_new && ctx->nonce[0] == '\0') {
		/* Crafted or truncated: a fresh nonce for the next try. */
		fv_form_error(&ctx->fv, MSG_mmser_err_nonce, NULL);
		tok_new(ctx->nonce);
	}
}

static int
msf_save(struct http_request *req, struct msf_ctx *ctx)
{
	struct db_ctx	*db = &ctx->db;

	sbuf_reset(&ctx->html);
	if (md_render(&ctx->html, ctx->purpose, strlen(ctx->purpose)) == -1) {
		fv_error(&ctx->fv, "purpose", MSG_mmser_err_purpose_long, "?");
		return (msf_render(req, ctx, 422));
	}
	db->params[0] = ctx->is_new ? "" : ctx->id;
	db->params[1] = ctx->is_new ? "" : ctx->base;
	db->params[2] = db->user.id;
	db->params[3] = ctx->name;
	db->params[4] = ctx->newslug;
	db->params[5] = ctx->purpose;
	db->params[6] = sbuf_cstr(&ctx->html);
	db->params[7] = ctx->community;
	db->params[8] = ctx->facs;
	db->params[9] = ctx->days;
	db->params[10] = ctx->is_new ? ctx->nonce : "";
	db->fail = msf_fail;
	return (db_chain(req, db, &q_mms_save, msf_save_row, msf_saved));
}

static void
msf_save_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct msf_ctx	*ctx = (struct msf_ctx *)db;

	(void)kore_strlcpy(ctx->saved_slug, db_text(sql, r, QMSV_SLUG),
	    sizeof(ctx->saved_slug));
	ctx->conflict = strcmp(db_text(sql, r, QMSV_CONFLICT), "true") == 0;
	kore_free(ctx->error);
	ctx->error = db_isnull(sql, r, QMSV_ERROR) ? NULL :
	    kore_strdup(db_text(sql, r, QMSV_ERROR));
}

static int
msf_saved(struct http_request *req, struct db_ctx *db)
{
	struct msf_ctx	*ctx = (struct msf_ctx *)db;
	struct sbuf	 to;
	const char	*e = ctx->error;

	if (db->nrows != 1)
		return (msf_fail(req, db, 503));
	if (e != NULL) {
		if (strncmp(e, "facilitator:", 12) == 0)
			fv_error(&ctx->fv, "facilitators",
			    MSG_mmser_err_facilitator, e + 12);
		else if (strncmp(e, "facilitator_ambiguous:", 22) == 0)
			fv_error(&ctx->fv, "facilitators",
			    MSG_mmser_err_facilitator_ambiguous, e + 22);
		else if (strcmp(e, "facilitators") == 0)
			fv_error(&ctx->fv, "facilitators",
			    MSG_mmser_err_facilitators, NULL);
		else
			fv_error(&ctx->fv, "community",
			    MSG_mmser_err_community, NULL);
		return (msf_render(req, ctx, 422));
	}
	if (ctx->conflict) {
		/* Someone saved between our query and the save. */
		return (msf_query(req, ctx, msf_reloaded));
	}
	if (ctx->saved_slug[0] == '\0')
		return (msf_fail(req, db, 503));
	sbuf_init(&to);
	sbuf_printf(&to, MMS_PATH "/%s?gedaan=opgeslagen", ctx->saved_slug);
	resp_redirect(req, sbuf_cstr(&to));
	sbuf_free(&to);
	return (HTTP_STATE_COMPLETE);
}

/* Nothing was written: the form comes back with the typed text and why. */
static int
msf_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct msf_ctx	*ctx = (struct msf_ctx *)db;

	switch (status) {
	case 403:
		/* Not allowed in (or out of) that community, or not a runner. */
		fv_form_error(&ctx->fv, ctx->community[0] != '\0' ||
		    !ctx->is_new ? MSG_mmser_err_community_forbidden :
		    MSG_mmser_err_forbidden, NULL);
		break;
	case 404:
		fv_form_error(&ctx->fv, MSG_mmser_err_gone, NULL);
		break;
	default:
		fv_form_error(&ctx->fv, MSG_mmser_err_failed, NULL);
		break;
	}
	if (ctx->is_new && ctx->nonce[0] == '\0')
		tok_new(ctx->nonce);
	return (msf_render(req, ctx, status));
}

static int
msf_reloaded(struct http_request *req, struct db_ctx *db)
{
	struct msf_ctx	*ctx = (struct msf_ctx *)db;

	if (!ctx->found)
		return (msf_fail(req, db, 404));
	if (!ctx->may_run)
		return (msf_fail(req, db, 403));
	return (msf_conflict(req, ctx));
}

/* 409: what is stored and how the typed purpose differs from it. */
static int
msf_conflict(struct http_request *req, struct msf_ctx *ctx)
{
	struct sbuf		 text, fold, diff;
	struct diff_stats	 st;
	const char		*args[2], *cn;
	const char		*zu[1] = { "%zu" };

	(void)kore_strlcpy(ctx->started, ctx->base, sizeof(ctx->started));
	(void)kore_strlcpy(ctx->base, ctx->rev, sizeof(ctx->base));
	sbuf_init(&text);
	sbuf_init(&fold);
	sbuf_init(&diff);
	args[0] = ctx->started[0] != '\0' ? ctx->started : "?";
	args[1] = ctx->rev;
	i18n_fmt(&text, i18n_get(ctx->loc, MSG_mmser_conflict_text), args, 2);
	i18n_fmt(&fold, i18n_get(ctx->loc, MSG_mmser_diff_fold), zu, 1);
	memset(&st, 0, sizeof(st));
	(void)diff_html(&diff, ctx->s_purpose, strlen(ctx->s_purpose),
	    ctx->purpose, strlen(ctx->purpose), sbuf_cstr(&fold), &st);
	cn = ctx->s_community[0] != '\0' ?
	    msf_comm_name(ctx, ctx->s_community) : NULL;
	{
		const struct tpl_bind	b[] = {
			{ "text", sbuf_cstr(&text), TPL_TEXT },
			{ "name", ctx->s_name, TPL_TEXT },
			{ "community", cn != NULL ? cn :
			    i18n_get(ctx->loc, MSG_mmser_public), TPL_TEXT },
			{ "facilitators", ctx->s_facs, TPL_TEXT },
			{ "amend_days", ctx->s_days, TPL_TEXT },
			{ "diff", sbuf_cstr(&diff), TPL_TRUSTED_HTML },
		};
		(void)view_append(&ctx->conflict_html, VIEW_mm_series_conflict,
		    ctx->loc, b, NBINDS(b));
	}
	sbuf_free(&text);
	sbuf_free(&fold);
	sbuf_free(&diff);
	return (msf_render(req, ctx, 409));
}

/* The name of a community in the list, or NULL (returns a static copy). */
static const char *
msf_comm_name(struct msf_ctx *ctx, const char *slug)
{
	static char	 name[256];
	const char	*p, *tab, *nl;
	size_t		 n = strlen(slug), len;

	for (p = sbuf_cstr(&ctx->comms); (p = strchr(p, '\n')) != NULL; ) {
		p++;
		if ((tab = strchr(p, '\t')) == NULL)
			break;
		if ((size_t)(tab - p) == n && strncmp(p, slug, n) == 0) {
			tab++;
			nl = strchr(tab, '\n');
			len = nl != NULL ? (size_t)(nl - tab) : strlen(tab);
			if (len >= sizeof(name))
				len = sizeof(name) - 1;
			memcpy(name, tab, len);
			name[len] = '\0';
			return (name);
		}
	}
	return (NULL);
}

static int
msf_options(struct msf_ctx *ctx)
{
	char		*copy, *line, *next, *tab;
	int		 rc = 0;

	copy = kore_strdup(sbuf_cstr(&ctx->comms));
	for (line = copy; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if ((tab = strchr(line, '\t')) == NULL)
			continue;
		*tab++ = '\0';
		const struct tpl_bind	b[] = {
			{ "value", line, TPL_TEXT },
			{ "selected", strcmp(line, ctx->community) == 0 ?
			    " selected" : "", TPL_TRUSTED_HTML },
			{ "label", tab, TPL_TEXT },
		};
		rc |= view_append(&ctx->options, VIEW_edit_option, ctx->loc,
		    b, NBINDS(b));
	}
	kore_free(copy);
	return (rc);
}

static int
msf_render(struct http_request *req, struct msf_ctx *ctx, int status)
{
	struct sbuf	 back, action, hidden, heading;
	const char	*args[1];
	size_t		 nb;
	int		 rc;

	sbuf_init(&back);
	sbuf_init(&action);
	sbuf_init(&hidden);
	sbuf_init(&heading);
	sbuf_reset(&ctx->options);
	rc = msf_options(ctx);
	if (ctx->is_new) {
		sbuf_puts(&back, MMS_PATH);
		sbuf_puts(&action, MMS_PATH "/nieuw");
		sbuf_puts(&heading, i18n_get(ctx->loc, MSG_mmser_new_title));
	} else {
		sbuf_printf(&back, MMS_PATH "/%s", ctx->slug);
		sbuf_printf(&action, MMS_PATH "/%s/bewerken", ctx->slug);
		args[0] = ctx->s_name != NULL ? ctx->s_name : "";
		i18n_fmt(&heading, i18n_get(ctx->loc, MSG_mmser_edit_title),
		    args, 1);
	}
	{
		const struct tpl_bind	b[] = {
			{ "name", ctx->is_new ? "nonce" : "base", TPL_TEXT },
			{ "value", ctx->is_new ? ctx->nonce : ctx->base,
			    TPL_TEXT },
		};
		rc |= view_append(&hidden, VIEW_mm_series_hidden, ctx->loc, b,
		    NBINDS(b));
	}
	{
		const struct tpl_bind	fixed[] = {
			{ "heading", sbuf_cstr(&heading), TPL_TEXT },
			{ "back", sbuf_cstr(&back), TPL_TEXT },
			{ "back_text", i18n_get(ctx->loc, ctx->is_new ?
			    MSG_mmser_back_index : MSG_mmser_back_series),
			    TPL_TEXT },
			{ "conflict", sbuf_cstr(&ctx->conflict_html),
			    TPL_TRUSTED_HTML },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "action", sbuf_cstr(&action), TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "hidden", sbuf_cstr(&hidden), TPL_TRUSTED_HTML },
			{ "name", ctx->name, TPL_TEXT },
			{ "purpose", ctx->purpose, TPL_TEXT },
			{ "communities", sbuf_cstr(&ctx->options),
			    TPL_TRUSTED_HTML },
			{ "facilitators", ctx->facs, TPL_TEXT },
			{ "amend_days", ctx->days, TPL_TEXT },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(msf_fields) * FV_BINDS_PER_FIELD];

		nb = fv_binds(&ctx->fv, msf_fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		if (rc != 0)
			resp_error(req, 500);
		else
			view_page(req, status, ctx->loc, sbuf_cstr(&heading),
			    MMS_PATH, VIEW_mm_series_form, b, nb);
	}
	sbuf_free(&back);
	sbuf_free(&action);
	sbuf_free(&hidden);
	sbuf_free(&heading);
	return (HTTP_STATE_COMPLETE);
}

static void
msf_free(struct http_request *req)
{
	struct msf_ctx	*ctx = http_state_get(req);

	kore_free(ctx->s_name);
	kore_free(ctx->s_purpose);
	kore_free(ctx->s_community);
	kore_free(ctx->s_facs);
	kore_free(ctx->s_days);
	kore_free(ctx->error);
	sbuf_free(&ctx->options);
	sbuf_free(&ctx->comms);
	sbuf_free(&ctx->html);
	sbuf_free(&ctx->conflict_html);
	fv_free(&ctx->fv);
}
