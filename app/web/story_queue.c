/*
 * The editors' story queue (issue 9):
 *
 *   GET /redactie/verhalen   ?gedaan=voorstel|akkoord|verruimd|
 *       verruiming_af|geplaatst|afgewezen
 *
 * Stories sent in (oldest first; "gewijzigd na akkoord" when one comes
 * back after an editor checked it), stories waiting for their
 * storyteller (voorstel, akkoord), wider scopes asked for, replies
 * waiting (id="reacties", each with Plaatsen/Afwijzen buttons to
 * POST /reacties/<id>), and how many stories were withdrawn in the last
 * 30 days (a number, no titles). Each story shows its pseudonym, never
 * its account. An editor's own stories are not in it (they may not
 * review them). One query (db/q_story_flow.c, typed rows). Editors
 * only: everyone else 403.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/story.h"
#include "db/q_story_flow.h"
#include "web/auth.h"
#include "web/resp.h"
#include "web/story_flow.h"
#include "web/view.h"

#define SQ_PATH		"/redactie/verhalen"
#define SQ_SECTIONS	4

struct sq_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	char		 gedaan[24];
	struct sbuf	 rows[SQ_SECTIONS];
	int		 count[SQ_SECTIONS];
	char		 withdrawn[24];
};

static const struct {
	const char	*word;
	enum msg_id	 msg;
} sq_words[] = {
	{ "voorstel", MSG_sfl_done_voorstel },
	{ "akkoord", MSG_sfl_done_akkoord },
	{ "verruimd", MSG_sfl_done_verruimd },
	{ "verruiming_af", MSG_sfl_done_verruiming_af },
	{ "geplaatst", MSG_sfl_done_geplaatst },
	{ "afgewezen", MSG_sfl_done_afgewezen },
};

static const struct {
	enum view_id	 table;
	enum msg_id	 none;
} sq_sections[SQ_SECTIONS] = {
	{ VIEW_story_queue_review_table, MSG_sfl_queue_review_none },
	{ VIEW_story_queue_wait_table, MSG_sfl_queue_wait_none },
	{ VIEW_story_queue_scope_table, MSG_sfl_queue_scope_none },
	{ VIEW_story_queue_replies, MSG_sfl_queue_replies_none },
};

static int	sq_start(struct http_request *, struct db_ctx *);
static void	sq_row(struct db_ctx *, struct kore_pgsql *, int);
static int	sq_row_html(struct sq_ctx *, int, struct kore_pgsql *, int);
static int	sq_done(struct http_request *, struct db_ctx *);
static void	sq_free(struct http_request *);

int
story_queue(struct http_request *req)
{
	struct sq_ctx	*ctx;
	char		*v;
	int		 i;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), sq_free);
		ctx->loc = resp_locale(req);
		for (i = 0; i < SQ_SECTIONS; i++)
			sbuf_init(&ctx->rows[i]);
		(void)kore_strlcpy(ctx->withdrawn, "0",
		    sizeof(ctx->withdrawn));
		http_populate_get(req);
		if (http_argument_get_string(req, "gedaan", &v))
			(void)kore_strlcpy(ctx->gedaan, v,
			    sizeof(ctx->gedaan));
		db_start(req, &ctx->db, NULL, NULL, sq_start);
	}
	return (db_run(req));
}

static int
sq_start(struct http_request *req, struct db_ctx *db)
{
	if (!auth_require(req, db, ROLE_REDACTEUR))
		return (HTTP_STATE_COMPLETE);
	db->params[0] = db->user.id;
	return (db_chain(req, db, &q_sfl_queue, sq_row, sq_done));
}

static void
sq_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct sq_ctx	*ctx = (struct sq_ctx *)db;
	int		 t = atoi(db_text(sql, r, QSQ_T));

	if (t == 5) {
		(void)kore_strlcpy(ctx->withdrawn, db_text(sql, r, QSQ_A),
		    sizeof(ctx->withdrawn));
		return;
	}
	if (t < 1 || t > SQ_SECTIONS) {
		db->failed = 1;
		return;
	}
	ctx->count[t - 1]++;
	if (sq_row_html(ctx, t, sql, r) != 0)
		db->failed = 1;
}

static int
sq_row_html(struct sq_ctx *ctx, int t, struct kore_pgsql *sql, int r)
{
	struct sbuf		 warn, mark;
	const struct story_word	*st;
	const char		*warnings;
	int			 rc = 0;

	sbuf_init(&warn);
	sbuf_init(&mark);
	switch (t) {
	case 1:
		warnings = db_text(sql, r, QSQ_D);
		if (*warnings == '\0')
			sbuf_puts(&warn, i18n_get(ctx->loc, MSG_sw_none));
		else
			sfl_warning_names(&warn, ctx->loc, warnings);
		if (strcmp(db_text(sql, r, QSQ_G), "true") == 0)
			rc |= view_append(&mark, VIEW_story_queue_came_back,
			    ctx->loc, NULL, 0);
		{
			const struct tpl_bind	b[] = {
				{ "slug", db_text(sql, r, QSQ_A), TPL_TEXT },
				{ "title", db_text(sql, r, QSQ_B), TPL_TEXT },
				{ "pseudonym", db_text(sql, r, QSQ_C),
				    TPL_TEXT },
				{ "warnings", sbuf_cstr(&warn), TPL_TEXT },
				{ "at", db_text(sql, r, QSQ_E), TPL_TEXT },
				{ "at_shown", db_text(sql, r, QSQ_F),
				    TPL_TEXT },
				{ "mark", sbuf_cstr(&mark), TPL_TRUSTED_HTML },
			};
			rc |= view_append(&ctx->rows[0],
			    VIEW_story_queue_review_row, ctx->loc, b,
			    NBINDS(b));
		}
		break;
	case 2:
		st = story_state(db_text(sql, r, QSQ_D));
		{
			const struct tpl_bind	b[] = {
				{ "slug", db_text(sql, r, QSQ_A), TPL_TEXT },
				{ "title", db_text(sql, r, QSQ_B), TPL_TEXT },
				{ "pseudonym", db_text(sql, r, QSQ_C),
				    TPL_TEXT },
				{ "state", st != NULL ? i18n_get(ctx->loc,
				    st->msg) : "", TPL_TEXT },
				{ "at", db_text(sql, r, QSQ_E), TPL_TEXT },
				{ "at_shown", db_text(sql, r, QSQ_F),
				    TPL_TEXT },
			};
			rc |= view_append(&ctx->rows[1],
			    VIEW_story_queue_wait_row, ctx->loc, b,
			    NBINDS(b));
		}
		break;
	case 3:
		{
			const struct tpl_bind	b[] = {
				{ "slug", db_text(sql, r, QSQ_A), TPL_TEXT },
				{ "title", db_text(sql, r, QSQ_B), TPL_TEXT },
				{ "pseudonym", db_text(sql, r, QSQ_C),
				    TPL_TEXT },
				{ "scope", sfl_scope_name(ctx->loc,
				    db_text(sql, r, QSQ_D)), TPL_TEXT },
				{ "wanted", sfl_scope_name(ctx->loc,
				    db_text(sql, r, QSQ_E)), TPL_TEXT },
				{ "at_shown", db_text(sql, r, QSQ_F),
				    TPL_TEXT },
			};
			rc |= view_append(&ctx->rows[2],
			    VIEW_story_queue_scope_row, ctx->loc, b,
			    NBINDS(b));
		}
		break;
	default:
		{
			const struct tpl_bind	b[] = {
				{ "id", db_text(sql, r, QSQ_A), TPL_TEXT },
				{ "slug", db_text(sql, r, QSQ_B), TPL_TEXT },
				{ "title", db_text(sql, r, QSQ_C), TPL_TEXT },
				{ "body", db_text(sql, r, QSQ_D),
				    TPL_TRUSTED_HTML },
				{ "at", db_text(sql, r, QSQ_E), TPL_TEXT },
				{ "at_shown", db_text(sql, r, QSQ_F),
				    TPL_TEXT },
				{ "csrf", ctx->db.user.csrf, TPL_TEXT },
			};
			rc |= view_append(&ctx->rows[3],
			    VIEW_story_queue_reply, ctx->loc, b, NBINDS(b));
		}
		break;
	}
	sbuf_free(&warn);
	sbuf_free(&mark);
	return (rc);
}

static int
sq_done(struct http_request *req, struct db_ctx *db)
{
	struct sq_ctx	*ctx = (struct sq_ctx *)db;
	struct sbuf	 part[SQ_SECTIONS], notice, withdrawn;
	const char	*args[1];
	size_t		 i;
	int		 rc = 0;

	sbuf_init(&notice);
	sbuf_init(&withdrawn);
	for (i = 0; i < SQ_SECTIONS; i++) {
		sbuf_init(&part[i]);
		if (ctx->count[i] == 0) {
			const struct tpl_bind	b[] = {
				{ "text", i18n_get(ctx->loc,
				    sq_sections[i].none), TPL_TEXT },
			};
			rc |= view_append(&part[i], VIEW_empty, ctx->loc, b,
			    NBINDS(b));
		} else {
			const struct tpl_bind	b[] = {
				{ "rows", sbuf_cstr(&ctx->rows[i]),
				    TPL_TRUSTED_HTML },
			};
			rc |= view_append(&part[i], sq_sections[i].table,
			    ctx->loc, b, NBINDS(b));
		}
	}
	for (i = 0; i < NBINDS(sq_words); i++) {
		if (strcmp(ctx->gedaan, sq_words[i].word) != 0)
			continue;
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, sq_words[i].msg),
			    TPL_TEXT },
		};
		rc |= view_append(&notice, VIEW_notice, ctx->loc, b,
		    NBINDS(b));
	}
	args[0] = ctx->withdrawn;
	i18n_fmt(&withdrawn, i18n_get(ctx->loc, strcmp(ctx->withdrawn, "1") ==
	    0 ? MSG_sfl_queue_withdrawn_one : MSG_sfl_queue_withdrawn),
	    args, 1);
	if (rc != 0 || db->failed)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "notice", sbuf_cstr(&notice), TPL_TRUSTED_HTML },
			{ "review", sbuf_cstr(&part[0]), TPL_TRUSTED_HTML },
			{ "wait", sbuf_cstr(&part[1]), TPL_TRUSTED_HTML },
			{ "scope", sbuf_cstr(&part[2]), TPL_TRUSTED_HTML },
			{ "replies", sbuf_cstr(&part[3]), TPL_TRUSTED_HTML },
			{ "withdrawn", sbuf_cstr(&withdrawn), TPL_TEXT },
		};
		view_page(req, 200, ctx->loc,
		    i18n_get(ctx->loc, MSG_sfl_queue_title), "/redactie",
		    VIEW_story_queue, b, NBINDS(b));
	}
	for (i = 0; i < SQ_SECTIONS; i++)
		sbuf_free(&part[i]);
	sbuf_free(&notice);
	sbuf_free(&withdrawn);
	return (HTTP_STATE_COMPLETE);
}

static void
sq_free(struct http_request *req)
{
	struct sq_ctx	*ctx = http_state_get(req);
	int		 i;

	for (i = 0; i < SQ_SECTIONS; i++)
		sbuf_free(&ctx->rows[i]);
}
