/*
 * A community's home and the reader's own membership:
 *
 *   GET  /gemeenschappen/<slug>               purpose, themes, moderators,
 *                                             member count, membership,
 *                                             follow button, then "Recent":
 *                                             items and discussions
 *   POST /gemeenschappen/<slug>/lidmaatschap  _csrf, action = aanmelden |
 *                                             accepteren | weigeren |
 *                                             verlaten, note (why join)
 *
 * The page is one statement (q_community_home). A community the reader
 * may not see (a closed one, to outsiders) is 404. Who may see but not
 * read (members-only or closed, not a member) gets everything except
 * the content: "alleen voor leden" with the join or request button.
 * member_act() in SQL decides every membership step; this file maps its
 * answer to a notice (303 back with ?gedaan=) or a page that says why.
 * A request whose note is too long comes back with the typed note.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "db/q_community.h"
#include "web/auth.h"
#include "web/community.h"
#include "web/follow.h"
#include "web/kind.h"
#include "web/req.h"
#include "web/resp.h"
#include "web/rows.h"
#include "web/view.h"

static const char *const	cs_actions[] = {
	"aanmelden", "accepteren", "weigeren", "verlaten", NULL
};
enum { CS_JOIN, CS_ACCEPT, CS_DECLINE, CS_LEAVE };

struct cs_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	char		 slug[PATH_SLUG_MAX + 1];
	char		*done;		/* ?gedaan= */
	/* POST .../lidmaatschap */
	int		 post;
	int		 act;		/* index in cs_actions, or -1 */
	char		*note;
	char		 result[16];
	struct fv	 fv;
	/* The page. */
	struct comm_head head;
	struct sbuf	 themes;
	struct sbuf	 mods;
	struct sbuf	 items;
	struct sbuf	 topics;
	int		 nthemes;
	int		 nmods;
	int		 nitems;
	int		 ntopics;
};

static int	cs_enter(struct http_request *, int);
static int	cs_session(struct http_request *, struct db_ctx *);
static int	cs_load(struct http_request *, struct cs_ctx *);
static void	cs_row(struct db_ctx *, struct kore_pgsql *, int);
static void	cs_row_item(struct cs_ctx *, struct kore_pgsql *, int);
static void	cs_row_topic(struct cs_ctx *, struct kore_pgsql *, int);
static int	cs_loaded(struct http_request *, struct db_ctx *);
static int	cs_render(struct http_request *, struct cs_ctx *, int);
static int	cs_recent(struct sbuf *, struct cs_ctx *);
static int	cs_moderate(struct sbuf *, struct cs_ctx *);
static void	cs_head_row(struct db_ctx *, struct kore_pgsql *, int);
static int	cs_headed(struct http_request *, struct db_ctx *);
static void	cs_act_row(struct db_ctx *, struct kore_pgsql *, int);
static int	cs_act_fail(struct http_request *, struct db_ctx *, int);
static int	cs_acted(struct http_request *, struct db_ctx *);
static void	cs_free(struct http_request *);

int
community_show(struct http_request *req)
{
	return (cs_enter(req, 0));
}

int
community_membership(struct http_request *req)
{
	return (cs_enter(req, 1));
}

static int
cs_enter(struct http_request *req, int post)
{
	struct cs_ctx	*ctx;
	char		 slug[PATH_SLUG_MAX + 1];
	char		*v;

	if (!http_state_exists(req)) {
		if (comm_path_slug(req->path, slug, sizeof(slug)) == -1) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		ctx = http_state_create(req, sizeof(*ctx), cs_free);
		ctx->loc = resp_locale(req);
		memcpy(ctx->slug, slug, sizeof(slug));
		ctx->post = post;
		ctx->act = -1;
		ctx->note = "";
		comm_head_init(&ctx->head);
		sbuf_init(&ctx->themes);
		sbuf_init(&ctx->mods);
		sbuf_init(&ctx->items);
		sbuf_init(&ctx->topics);
		fv_init(&ctx->fv, ctx->loc);
		if (post) {
			(void)req_populate_form(req);
			if (http_argument_get_string(req, "action", &v))
				ctx->act = form_choice(v, cs_actions);
			if (http_argument_get_string(req, "note", &v)) {
				form_lf(v);
				ctx->note = form_trim(v);
			}
		} else {
			http_populate_get(req);
			(void)http_argument_get_string(req, "gedaan",
			    &ctx->done);
		}
		db_start(req, &ctx->db, NULL, NULL, cs_session);
	}
	return (db_run(req));
}

static int
cs_session(struct http_request *req, struct db_ctx *db)
{
	struct cs_ctx	*ctx = (struct cs_ctx *)db;

	if (!ctx->post)
		return (cs_load(req, ctx));
	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	db->params[0] = ctx->slug;
	db->params[1] = db->user.id;
	return (db_chain(req, db, &q_community_head, cs_head_row, cs_headed));
}

/* The whole page (q_community_home), then cs_loaded. */
static int
cs_load(struct http_request *req, struct cs_ctx *ctx)
{
	struct db_ctx	*db = &ctx->db;

	db->fail = NULL;
	db->params[0] = ctx->slug;
	db->params[1] = db->user.loaded ? db->user.id : "";
	return (db_chain(req, db, &q_community_home, cs_row, cs_loaded));
}

static void
cs_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct cs_ctx	*ctx = (struct cs_ctx *)db;
	struct sbuf	 href, *out;
	const char	*label;
	int		 type;

	type = atoi(db_text(sql, r, QCH_TYPE));
	switch (type) {
	case QCH_HEAD:
		comm_head_read(&ctx->head, sql, r);
		return;
	case QCH_ITEM:
		cs_row_item(ctx, sql, r);
		return;
	case QCH_TOPIC:
		cs_row_topic(ctx, sql, r);
		return;
	case QCH_THEME:
	case QCH_MODERATOR:
		break;
	default:
		return;
	}
	sbuf_init(&href);
	label = db_text(sql, r, QCH_C2);
	if (type == QCH_THEME) {
		sbuf_printf(&href, "/themas/%s", db_text(sql, r, QCH_C1));
		out = &ctx->themes;
		ctx->nthemes++;
	} else {
		sbuf_printf(&href, "/mensen/%s", db_text(sql, r, QCH_C1));
		if (*label == '\0')
			label = i18n_get(ctx->loc, MSG_former_member);
		out = &ctx->mods;
		ctx->nmods++;
	}
	{
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "label", label, TPL_TEXT },
		};
		if (view_append(out, VIEW_community_li, ctx->loc, b,
		    NBINDS(b)) == -1)
			db->failed = 1;
	}
	sbuf_free(&href);
}

static void
cs_row_item(struct cs_ctx *ctx, struct kore_pgsql *sql, int r)
{
	const struct kind	*k;
	struct sbuf		 href;
	char			 shown[32];
	const char		*date;
	size_t			 at = ctx->items.len;

	if ((k = kind_by_name(db_text(sql, r, QCH_C1))) == NULL)
		return;
	sbuf_init(&href);
	sbuf_printf(&href, "%s/%s", k->path, db_text(sql, r, QCH_C2));
	date = db_text(sql, r, QCH_C5);
	row_date_shown(date, shown, sizeof(shown));
	{
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "title", db_text(sql, r, QCH_C3), TPL_TEXT },
			{ "summary", db_text(sql, r, QCH_C4), TPL_TEXT },
			{ "kind", i18n_get(ctx->loc, k->title), TPL_TEXT },
			{ "date", date, TPL_TEXT },
			{ "date_shown", shown, TPL_TEXT },
		};
		if (view_append(&ctx->items, VIEW_community_item_row,
		    ctx->loc, b, NBINDS(b)) == -1 ||
		    row_warned(&ctx->items, at, ctx->loc,
		    db_text(sql, r, QCH_C6)) == -1)
			ctx->db.failed = 1;
	}
	ctx->nitems++;
	sbuf_free(&href);
}

static void
cs_row_topic(struct cs_ctx *ctx, struct kore_pgsql *sql, int r)
{
	struct sbuf	 href, by, posts, last, marks;
	const char	*args[1], *author, *date;
	char		 shown[32];
	int		 rc;

	sbuf_init(&href);
	sbuf_init(&by);
	sbuf_init(&posts);
	sbuf_init(&last);
	sbuf_init(&marks);
	rc = 0;
	sbuf_printf(&href, COMM_PREFIX "%s/gesprekken/%s", ctx->slug,
	    db_text(sql, r, QCH_C1));
	author = db_text(sql, r, QCH_C3);
	args[0] = *author != '\0' ? author :
	    i18n_get(ctx->loc, MSG_former_member);
	i18n_fmt(&by, i18n_get(ctx->loc, MSG_comm_topic_by), args, 1);
	args[0] = db_text(sql, r, QCH_C4);
	i18n_fmt(&posts, i18n_get(ctx->loc, MSG_comm_topic_posts), args, 1);
	date = db_text(sql, r, QCH_C5);
	row_date_shown(date, shown, sizeof(shown));
	args[0] = shown;
	i18n_fmt(&last, i18n_get(ctx->loc, MSG_comm_topic_last), args, 1);
	if (comm_bool(db_text(sql, r, QCH_C6))) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_comm_pinned),
			    TPL_TEXT },
		};
		rc |= view_append(&marks, VIEW_community_badge, ctx->loc, b,
		    NBINDS(b));
	}
	if (comm_bool(db_text(sql, r, QCH_C7))) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_comm_closed),
			    TPL_TEXT },
		};
		rc |= view_append(&marks, VIEW_community_badge, ctx->loc, b,
		    NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "title", db_text(sql, r, QCH_C2), TPL_TEXT },
			{ "marks", sbuf_cstr(&marks), TPL_TRUSTED_HTML },
			{ "by", sbuf_cstr(&by), TPL_TEXT },
			{ "posts", sbuf_cstr(&posts), TPL_TEXT },
			{ "last", sbuf_cstr(&last), TPL_TEXT },
		};
		rc |= view_append(&ctx->topics, VIEW_community_topic_row,
		    ctx->loc, b, NBINDS(b));
	}
	if (rc != 0)
		ctx->db.failed = 1;
	ctx->ntopics++;
	sbuf_free(&href);
	sbuf_free(&by);
	sbuf_free(&posts);
	sbuf_free(&last);
	sbuf_free(&marks);
}

static int
cs_loaded(struct http_request *req, struct db_ctx *db)
{
	struct cs_ctx	*ctx = (struct cs_ctx *)db;

	if (!ctx->head.found) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	return (cs_render(req, ctx, ctx->fv.nerr > 0 ? 400 : 200));
}

static int
cs_render(struct http_request *req, struct cs_ctx *ctx, int status)
{
	struct comm_head	*h = &ctx->head;
	struct sbuf		 notice, join, follow, themes, mods, recent;
	struct sbuf		 moderate, feed, members, home;
	const char		*args[1], *csrf;
	int			 rc;

	sbuf_init(&notice);
	sbuf_init(&join);
	sbuf_init(&follow);
	sbuf_init(&themes);
	sbuf_init(&mods);
	sbuf_init(&recent);
	sbuf_init(&moderate);
	sbuf_init(&feed);
	sbuf_init(&members);
	sbuf_init(&home);
	csrf = auth_csrf(req);
	sbuf_printf(&home, COMM_PREFIX "%s", h->slug);
	rc = comm_notice(&notice, ctx->loc, ctx->done);
	rc |= comm_join_box(&join, ctx->loc, csrf, h, ctx->db.user.loaded,
	    ctx->note, &ctx->fv);
	if (ctx->db.user.loaded && h->may_read)
		follow_button(&follow, ctx->loc, csrf, "gemeenschap", h->id,
		    h->following, sbuf_cstr(&home));
	if (ctx->nthemes > 0) {
		const struct tpl_bind	b[] = {
			{ "items", sbuf_cstr(&ctx->themes), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&themes, VIEW_community_themes, ctx->loc, b,
		    NBINDS(b));
	}
	if (ctx->nmods > 0) {
		const struct tpl_bind	b[] = {
			{ "items", sbuf_cstr(&ctx->mods), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&mods, VIEW_community_ul, ctx->loc, b,
		    NBINDS(b));
	} else {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_comm_no_moderators),
			    TPL_TEXT },
		};
		rc |= view_append(&mods, VIEW_community_text, ctx->loc, b,
		    NBINDS(b));
	}
	rc |= cs_recent(&recent, ctx);
	if (h->may_mod)
		rc |= cs_moderate(&moderate, ctx);
	if (strcmp(h->visibility, "openbaar") == 0) {
		struct sbuf	href;

		sbuf_init(&href);
		sbuf_printf(&href, "/feeds/gemeenschappen/%s.atom", h->slug);
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
		};
		rc |= view_append(&feed, VIEW_community_feed_link, ctx->loc,
		    b, NBINDS(b));
		sbuf_free(&href);
	}
	args[0] = h->members;
	i18n_fmt(&members, i18n_get(ctx->loc, MSG_comm_members_count), args,
	    1);
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "name", sbuf_cstr(&h->name), TPL_TEXT },
			{ "notice", sbuf_cstr(&notice), TPL_TRUSTED_HTML },
			{ "summary", sbuf_cstr(&h->summary), TPL_TEXT },
			{ "visibility", comm_vis_label(ctx->loc,
			    h->visibility), TPL_TEXT },
			{ "membership", comm_mem_label(ctx->loc,
			    h->membership), TPL_TEXT },
			{ "members", h->members, TPL_TEXT },
			{ "slug", h->slug, TPL_TEXT },
			{ "follow", sbuf_cstr(&follow), TPL_TRUSTED_HTML },
			{ "join", sbuf_cstr(&join), TPL_TRUSTED_HTML },
			{ "moderate", sbuf_cstr(&moderate), TPL_TRUSTED_HTML },
			/* md_render output, stored by community_save. */
			{ "purpose", sbuf_cstr(&h->purpose),
			    TPL_TRUSTED_HTML },
			{ "themes", sbuf_cstr(&themes), TPL_TRUSTED_HTML },
			{ "moderators", sbuf_cstr(&mods), TPL_TRUSTED_HTML },
			{ "recent", sbuf_cstr(&recent), TPL_TRUSTED_HTML },
			{ "feed", sbuf_cstr(&feed), TPL_TRUSTED_HTML },
		};
		view_page(req, status, ctx->loc, sbuf_cstr(&h->name),
		    "/gemeenschappen", VIEW_community_home, b, NBINDS(b));
	}
	sbuf_free(&notice);
	sbuf_free(&join);
	sbuf_free(&follow);
	sbuf_free(&themes);
	sbuf_free(&mods);
	sbuf_free(&recent);
	sbuf_free(&moderate);
	sbuf_free(&feed);
	sbuf_free(&members);
	sbuf_free(&home);
	return (HTTP_STATE_COMPLETE);
}

/* "Recent" for those who may read; "alleen voor leden" for the rest. */
static int
cs_recent(struct sbuf *out, struct cs_ctx *ctx)
{
	struct comm_head	*h = &ctx->head;
	struct sbuf		 items, topics, all, newlink;
	const char		*args[1];
	int			 rc;

	if (!h->may_read)
		return (view_append(out, VIEW_community_members_only,
		    ctx->loc, NULL, 0));
	sbuf_init(&items);
	sbuf_init(&topics);
	sbuf_init(&all);
	sbuf_init(&newlink);
	rc = view_rows_or_empty(&items, &ctx->items, ctx->nitems, ctx->loc,
	    MSG_comm_items_empty);
	if (ctx->ntopics > 0) {
		const struct tpl_bind	b[] = {
			{ "rows", sbuf_cstr(&ctx->topics), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&topics, VIEW_rows, ctx->loc, b, NBINDS(b));
	} else {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_comm_topics_empty),
			    TPL_TEXT },
		};
		rc |= view_append(&topics, VIEW_empty, ctx->loc, b,
		    NBINDS(b));
	}
	args[0] = h->topics;
	i18n_fmt(&all, i18n_get(ctx->loc, MSG_comm_topics_all), args, 1);
	if (h->may_post) {
		const struct tpl_bind	b[] = {
			{ "slug", h->slug, TPL_TEXT },
		};
		rc |= view_append(&newlink, VIEW_community_topic_new,
		    ctx->loc, b, NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "slug", h->slug, TPL_TEXT },
			{ "items", sbuf_cstr(&items), TPL_TRUSTED_HTML },
			{ "topics", sbuf_cstr(&topics), TPL_TRUSTED_HTML },
			{ "all", sbuf_cstr(&all), TPL_TEXT },
			{ "new_topic", sbuf_cstr(&newlink), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_community_recent, ctx->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&items);
	sbuf_free(&topics);
	sbuf_free(&all);
	sbuf_free(&newlink);
	return (rc);
}

/* Links for moderators and editors: edit, manage members. */
static int
cs_moderate(struct sbuf *out, struct cs_ctx *ctx)
{
	struct sbuf	 waiting;
	const char	*args[1];
	int		 rc;

	sbuf_init(&waiting);
	args[0] = ctx->head.requests;
	i18n_fmt(&waiting, i18n_get(ctx->loc, MSG_comm_requests_waiting),
	    args, 1);
	{
		const struct tpl_bind	b[] = {
			{ "slug", ctx->head.slug, TPL_TEXT },
			{ "waiting", sbuf_cstr(&waiting), TPL_TEXT },
		};
		rc = view_append(out, VIEW_community_moderate, ctx->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&waiting);
	return (rc);
}

/* ---- POST .../lidmaatschap ----------------------------------------- */

static void
cs_head_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct cs_ctx	*ctx = (struct cs_ctx *)db;

	comm_head_read(&ctx->head, sql, r);
}

/* The community and the reader's state before the step are known. */
static int
cs_headed(struct http_request *req, struct db_ctx *db)
{
	struct cs_ctx	*ctx = (struct cs_ctx *)db;
	char		 back[COMM_HREF_MAX];

	(void)snprintf(back, sizeof(back), COMM_PREFIX "%s", ctx->slug);
	if (!auth_post_ok(req, db))
		return (comm_message(req, ctx->loc, 403, MSG_err_403_title,
		    MSG_comm_err_csrf, ctx->head.found ? back :
		    "/gemeenschappen", ctx->head.found ? MSG_comm_back :
		    MSG_comm_inv_back));
	if (!ctx->head.found) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	if (ctx->act == -1)
		return (comm_message(req, ctx->loc, 400, MSG_comm_err_title,
		    MSG_comm_err_bad_action, back, MSG_comm_back));
	if (ctx->act == CS_JOIN) {
		switch (form_text(ctx->note, COMM_NOTE_MAX, 0, 1)) {
		case FORM_OK:
			break;
		case FORM_TOO_LONG:
			comm_error_max(&ctx->fv, "note", MSG_comm_note_long,
			    COMM_NOTE_MAX);
			break;
		default:
			fv_error(&ctx->fv, "note", MSG_comm_bad_chars, NULL);
			break;
		}
		if (ctx->fv.nerr > 0)
			return (cs_load(req, ctx));
	}
	db->params[0] = ctx->slug;
	db->params[1] = db->user.id;
	db->params[2] = cs_actions[ctx->act];
	db->params[3] = "";
	db->params[4] = ctx->act == CS_JOIN ? ctx->note : "";
	db->fail = cs_act_fail;
	return (db_chain(req, db, &q_community_act, cs_act_row, cs_acted));
}

static void
cs_act_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct cs_ctx	*ctx = (struct cs_ctx *)db;

	(void)kore_strlcpy(ctx->result, db_text(sql, r, 0),
	    sizeof(ctx->result));
}

/* member_act() refused: say why, in the reader's words. */
static int
cs_act_fail(struct http_request *req, struct db_ctx *db, int status)
{
	struct cs_ctx	*ctx = (struct cs_ctx *)db;
	char		 back[COMM_HREF_MAX];
	enum msg_id	 text;

	(void)snprintf(back, sizeof(back), COMM_PREFIX "%s", ctx->slug);
	if (status == 403 && ctx->act == CS_JOIN)
		text = MSG_comm_err_invite_only;
	else if (status == 409 && ctx->act == CS_LEAVE)
		text = *ctx->head.state == '\0' ||
		    strcmp(ctx->head.state, "uitgenodigd") == 0 ?
		    MSG_comm_err_not_member : MSG_comm_err_last_mod;
	else if (status == 409)
		text = MSG_comm_err_no_invite;
	else {
		resp_error(req, status);
		return (HTTP_STATE_COMPLETE);
	}
	return (comm_message(req, ctx->loc, status, MSG_comm_err_title, text,
	    back, MSG_comm_back));
}

static int
cs_acted(struct http_request *req, struct db_ctx *db)
{
	struct cs_ctx	*ctx = (struct cs_ctx *)db;
	char		 to[COMM_HREF_MAX + 40];
	const char	*word;
	int		 gone;

	if (db->nrows == 0) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	switch (ctx->act) {
	case CS_JOIN:
	case CS_ACCEPT:
		word = strcmp(ctx->result, "lid") == 0 ? "lid" :
		    "aangevraagd";
		break;
	case CS_DECLINE:
		word = "geweigerd";
		break;
	default:
		word = strcmp(ctx->head.state, "aanvraag") == 0 ?
		    "aanvraag_ingetrokken" : "verlaten";
		break;
	}
	/* A closed community no longer exists for who left or declined. */
	gone = strcmp(ctx->head.visibility, "besloten") == 0 &&
	    strcmp(ctx->result, "geen") == 0 &&
	    db->user.role != ROLE_REDACTEUR && db->user.role != ROLE_BEHEERDER;
	if (gone)
		(void)snprintf(to, sizeof(to), "/gemeenschappen?gedaan=%s",
		    word);
	else
		(void)snprintf(to, sizeof(to), COMM_PREFIX "%s?gedaan=%s",
		    ctx->slug, word);
	resp_redirect(req, to);
	return (HTTP_STATE_COMPLETE);
}

static void
cs_free(struct http_request *req)
{
	struct cs_ctx	*ctx = http_state_get(req);

	comm_head_free(&ctx->head);
	sbuf_free(&ctx->themes);
	sbuf_free(&ctx->mods);
	sbuf_free(&ctx->items);
	sbuf_free(&ctx->topics);
	fv_free(&ctx->fv);
}
