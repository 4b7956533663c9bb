/*
 * The topic page (see topic_show.c): each post with its author, date,
 * text (or the hidden notice), "bewerkt" link, helpful count and
 * button, and the links Citeer / Bewerken / Melden; the moderators'
 * buttons, the follow button, the pager and the reply form. The raw
 * insertions are HTML that md_render (stored as body_html) or our own
 * templates produced.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "db/q_topic.h"
#include "web/follow.h"
#include "web/resp.h"
#include "web/topic_show.h"
#include "web/pager.h"
#include "web/view.h"

/* ?gedaan= words of this page and their notices. */
static const struct {
	const char	*word;
	enum msg_id	 msg;
} ts_done[] = {
	{ "gestart", MSG_topic_done_gestart },
	{ "geplaatst", MSG_topic_done_geplaatst },
	{ "bewerkt", MSG_topic_done_bewerkt },
	{ "ongewijzigd", MSG_topic_done_ongewijzigd },
	{ "vastgezet", MSG_topic_done_vastgezet },
	{ "losgemaakt", MSG_topic_done_losgemaakt },
	{ "gesloten", MSG_topic_done_gesloten },
	{ "heropend", MSG_topic_done_heropend },
	{ "nuttig", MSG_topic_done_nuttig },
	{ "niet_nuttig", MSG_topic_done_niet_nuttig },
	{ "gemeld", MSG_flag_done },	/* /melden, web/flag.c */
};

static const char *const	ts_fields[] = { "body", NULL };

static void	ts_head(struct ts_ctx *, struct kore_pgsql *, int);
static void	ts_quote(struct ts_ctx *, const char *, const char *);
static int	ts_may_reply(struct ts_ctx *);
static int	ts_post(struct ts_ctx *, struct kore_pgsql *, int);
static int	ts_post_body(struct sbuf *, struct ts_ctx *,
		    struct kore_pgsql *, int, int);
static int	ts_post_actions(struct sbuf *, struct ts_ctx *,
		    struct kore_pgsql *, int, int);
static int	ts_link(struct sbuf *, enum locale, const char *,
		    enum msg_id, const char *);
static int	ts_notice(struct sbuf *, struct ts_ctx *);
static int	ts_actions(struct sbuf *, struct ts_ctx *);
static int	ts_reply_form(struct sbuf *, struct http_request *,
		    struct ts_ctx *);
static int	ts_text(struct sbuf *, enum locale, enum msg_id);
static int	ts_state(struct sbuf *, enum locale, enum msg_id);

void
ts_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct ts_ctx	*ctx = (struct ts_ctx *)db;

	topic_comm_read(&ctx->comm, sql, r);
	if (db_isnull(sql, r, QT_T_ID))
		return;
	if (!ctx->found)
		ts_head(ctx, sql, r);
	if (db_isnull(sql, r, QT_P_ID))
		return;
	if (ts_post(ctx, sql, r) == -1)
		db->failed = 1;
}

static void
ts_head(struct ts_ctx *ctx, struct kore_pgsql *sql, int r)
{
	ctx->found = 1;
	ctx->title = kore_strdup(db_text(sql, r, QT_T_TITLE));
	ctx->closed = strcmp(db_text(sql, r, QT_T_CLOSED), "t") == 0;
	ctx->pinned = strcmp(db_text(sql, r, QT_T_PINNED), "t") == 0;
	ctx->hidden = strcmp(db_text(sql, r, QT_T_HIDDEN), "t") == 0;
	(void)kore_strlcpy(ctx->author_id, db_text(sql, r, QT_T_AUTHOR_ID),
	    sizeof(ctx->author_id));
	ctx->pages = atol(db_text(sql, r, QT_T_PAGES));
	ctx->cur = atol(db_text(sql, r, QT_T_PAGE));
	ctx->following = strcmp(db_text(sql, r, QT_T_FOLLOWING), "t") == 0;
	if (strcmp(db_text(sql, r, QT_Q_FOUND), "t") == 0 &&
	    ts_may_reply(ctx)) {
		ts_quote(ctx, db_text(sql, r, QT_Q_BODY),
		    *db_text(sql, r, QT_Q_AUTHOR) != '\0' ?
		    db_text(sql, r, QT_Q_AUTHOR) :
		    i18n_get(ctx->loc, MSG_former_member));
		(void)kore_strlcpy(ctx->quote, ctx->citeer,
		    sizeof(ctx->quote));
	}
}

/* "> " before every line of the quoted text, then "> — name". */
static void
ts_quote(struct ts_ctx *ctx, const char *body, const char *name)
{
	const char	*p, *e;

	for (p = body; *p != '\0'; p = *e == '\n' ? e + 1 : e) {
		if ((e = strchr(p, '\n')) == NULL)
			e = p + strlen(p);
		sbuf_puts(&ctx->quoted, e == p ? ">" : "> ");
		sbuf_add(&ctx->quoted, p, (size_t)(e - p));
		sbuf_putc(&ctx->quoted, '\n');
	}
	sbuf_printf(&ctx->quoted, ">\n> \xe2\x80\x94 %s\n\n", name);
}

/* The reply form is there for members, in an open, visible topic. */
static int
ts_may_reply(struct ts_ctx *ctx)
{
	if (!ctx->comm.post)
		return (0);
	if (ctx->comm.moderate)
		return (1);
	return (!ctx->closed && !ctx->hidden);
}

static int
ts_post(struct ts_ctx *ctx, struct kore_pgsql *sql, int r)
{
	struct sbuf	 author, label, edited, body, actions, quote;
	const char	*id, *n, *args[1];
	int		 rc, hidden;

	ctx->nposts++;
	id = db_text(sql, r, QT_P_ID);
	n = db_text(sql, r, QT_P_N);
	hidden = strcmp(db_text(sql, r, QT_P_HIDDEN), "t") == 0;
	sbuf_init(&author);
	sbuf_init(&label);
	sbuf_init(&edited);
	sbuf_init(&body);
	sbuf_init(&actions);
	sbuf_init(&quote);
	rc = 0;
	topic_author(&author, ctx->loc, db_text(sql, r, QT_P_AUTHOR_ID),
	    db_text(sql, r, QT_P_AUTHOR));
	args[0] = n;
	i18n_fmt(&label, i18n_get(ctx->loc, MSG_topic_post_label), args, 1);
	if (atol(db_text(sql, r, QT_P_REV)) > 1) {
		const struct tpl_bind	b[] = {
			{ "id", id, TPL_TEXT },
		};
		rc |= view_append(&edited, VIEW_topic_post_edited, ctx->loc,
		    b, NBINDS(b));
	}
	if (!db_isnull(sql, r, QT_P_QUOTE_N)) {
		struct sbuf	href, text;
		long		qn;

		sbuf_init(&href);
		sbuf_init(&text);
		qn = atol(db_text(sql, r, QT_P_QUOTE_N));
		if (qn > QT_PER_PAGE)
			sbuf_printf(&href, "%s?pagina=%ld", ctx->href,
			    (qn - 1) / QT_PER_PAGE + 1);
		else
			sbuf_puts(&href, ctx->href);
		sbuf_printf(&href, "#bericht-%ld", qn);
		args[0] = db_text(sql, r, QT_P_QUOTE_N);
		i18n_fmt(&text, i18n_get(ctx->loc, MSG_topic_post_reply_to),
		    args, 1);
		{
			const struct tpl_bind	b[] = {
				{ "href", sbuf_cstr(&href), TPL_TEXT },
				{ "text", sbuf_cstr(&text), TPL_TEXT },
			};
			rc |= view_append(&quote, VIEW_topic_post_quote,
			    ctx->loc, b, NBINDS(b));
		}
		sbuf_free(&href);
		sbuf_free(&text);
	}
	rc |= ts_post_body(&body, ctx, sql, r, hidden);
	rc |= ts_post_actions(&actions, ctx, sql, r, hidden);
	{
		const struct tpl_bind	b[] = {
			{ "n", n, TPL_TEXT },
			{ "class", hidden ? " post-hidden" : "", TPL_TEXT },
			{ "label", sbuf_cstr(&label), TPL_TEXT },
			{ "author", sbuf_cstr(&author), TPL_TRUSTED_HTML },
			{ "at", db_text(sql, r, QT_P_AT_ISO), TPL_TEXT },
			{ "at_shown", db_text(sql, r, QT_P_AT), TPL_TEXT },
			{ "edited", sbuf_cstr(&edited), TPL_TRUSTED_HTML },
			{ "quote", sbuf_cstr(&quote), TPL_TRUSTED_HTML },
			{ "body", sbuf_cstr(&body), TPL_TRUSTED_HTML },
			{ "actions", sbuf_cstr(&actions), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&ctx->posts, VIEW_topic_post, ctx->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&author);
	sbuf_free(&label);
	sbuf_free(&edited);
	sbuf_free(&body);
	sbuf_free(&actions);
	sbuf_free(&quote);
	return (rc);
}

/*
 * The text, or "hidden by a moderator". The author and the moderators
 * still get the text (the query leaves it empty for everyone else),
 * under a note that says so and why.
 */
static int
ts_post_body(struct sbuf *out, struct ts_ctx *ctx, struct kore_pgsql *sql,
    int r, int hidden)
{
	const char	*html;
	int		 rc;

	html = db_text(sql, r, QT_P_BODY);
	rc = 0;
	if (hidden) {
		const struct tpl_bind	b[] = {
			{ "note", db_text(sql, r, QT_P_HIDDEN_NOTE), TPL_TEXT },
		};
		rc |= view_append(out, *html != '\0' ?
		    VIEW_topic_post_hidden_own : VIEW_topic_post_hidden,
		    ctx->loc, b, NBINDS(b));
	}
	if (*html != '\0') {
		const struct tpl_bind	b[] = {
			{ "html", html, TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_topic_post_body, ctx->loc, b,
		    NBINDS(b));
	}
	return (rc);
}

/* Helpful count and button; Citeer, Bewerken, Melden. */
static int
ts_post_actions(struct sbuf *out, struct ts_ctx *ctx,
    struct kore_pgsql *sql, int r, int hidden)
{
	struct sbuf	 helpful, links, href, count;
	const char	*id, *n, *args[1];
	long		 nhelp;
	int		 rc, own, signed_in;

	id = db_text(sql, r, QT_P_ID);
	n = db_text(sql, r, QT_P_N);
	signed_in = ctx->db.user.loaded;
	own = signed_in && strcmp(db_text(sql, r, QT_P_AUTHOR_ID),
	    ctx->db.user.id) == 0;
	nhelp = atol(db_text(sql, r, QT_P_HELPFUL));
	sbuf_init(&helpful);
	sbuf_init(&links);
	sbuf_init(&href);
	sbuf_init(&count);
	rc = 0;
	if (nhelp > 0) {
		args[0] = db_text(sql, r, QT_P_HELPFUL);
		i18n_fmt(&count, i18n_get(ctx->loc, nhelp == 1 ?
		    MSG_topic_helpful_one : MSG_topic_helpful_n), args, 1);
	}
	if (signed_in && !own && !hidden) {
		int	mine;

		mine = strcmp(db_text(sql, r, QT_P_MINE), "t") == 0;
		const struct tpl_bind	b[] = {
			{ "id", id, TPL_TEXT },
			{ "n", n, TPL_TEXT },
			{ "csrf", ctx->csrf, TPL_TEXT },
			{ "on", mine ? "0" : "1", TPL_TEXT },
			{ "label", i18n_get(ctx->loc, mine ?
			    MSG_topic_helpful_off : MSG_topic_helpful_on),
			    TPL_TEXT },
			{ "count", sbuf_cstr(&count), TPL_TEXT },
		};
		rc |= view_append(&helpful, VIEW_topic_helpful_form, ctx->loc,
		    b, NBINDS(b));
	} else if (nhelp > 0) {
		const struct tpl_bind	b[] = {
			{ "count", sbuf_cstr(&count), TPL_TEXT },
		};
		rc |= view_append(&helpful, VIEW_topic_helpful_count,
		    ctx->loc, b, NBINDS(b));
	}
	if (!hidden && ts_may_reply(ctx)) {
		sbuf_puts(&href, ctx->href);
		if (ctx->cur > 1)
			sbuf_printf(&href, "?pagina=%ld&citeer=%s", ctx->cur,
			    id);
		else
			sbuf_printf(&href, "?citeer=%s", id);
		sbuf_puts(&href, "#antwoord");
		rc |= ts_link(&links, ctx->loc, sbuf_cstr(&href),
		    MSG_topic_quote, n);
	}
	if (strcmp(db_text(sql, r, QT_P_EDIT), "t") == 0) {
		sbuf_reset(&href);
		sbuf_printf(&href, "/berichten/%s/bewerken", id);
		rc |= ts_link(&links, ctx->loc, sbuf_cstr(&href),
		    MSG_topic_edit, n);
	}
	if (signed_in && !own && !hidden) {
		sbuf_reset(&href);
		sbuf_printf(&href, "/melden?bericht=%s", id);
		rc |= ts_link(&links, ctx->loc, sbuf_cstr(&href),
		    MSG_topic_flag, n);
	}
	if (helpful.len > 0 || links.len > 0) {
		const struct tpl_bind	b[] = {
			{ "helpful", sbuf_cstr(&helpful), TPL_TRUSTED_HTML },
			{ "links", sbuf_cstr(&links), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, links.len > 0 ?
		    VIEW_topic_post_actions : VIEW_topic_post_actions_nolinks,
		    ctx->loc, b, NBINDS(b));
	}
	sbuf_free(&helpful);
	sbuf_free(&links);
	sbuf_free(&href);
	sbuf_free(&count);
	return (rc);
}

/* A link whose text says which post it is about, for screen readers. */
static int
ts_link(struct sbuf *out, enum locale loc, const char *href, enum msg_id label,
    const char *n)
{
	struct sbuf	which;
	const char	*args[1];
	int		rc;

	sbuf_init(&which);
	args[0] = n;
	i18n_fmt(&which, i18n_get(loc, MSG_topic_which_post), args, 1);
	{
		const struct tpl_bind	b[] = {
			{ "href", href, TPL_TEXT },
			{ "label", i18n_get(loc, label), TPL_TEXT },
			{ "which", sbuf_cstr(&which), TPL_TEXT },
		};
		rc = view_append(out, VIEW_topic_post_link, loc, b, NBINDS(b));
	}
	sbuf_free(&which);
	return (rc);
}

static int
ts_notice(struct sbuf *out, struct ts_ctx *ctx)
{
	size_t	i;
	int	rc;

	if ((rc = follow_notice(out, ctx->loc, ctx->gedaan)) != 0)
		return (rc == -1 ? -1 : 0);
	for (i = 0; i < NBINDS(ts_done); i++) {
		if (strcmp(ctx->gedaan, ts_done[i].word) != 0)
			continue;
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, ts_done[i].msg),
			    TPL_TEXT },
		};
		return (view_append(out, VIEW_notice, ctx->loc, b, NBINDS(b)));
	}
	return (0);
}

/* The follow button, and the moderators' pin and close buttons. */
static int
ts_actions(struct sbuf *out, struct ts_ctx *ctx)
{
	struct sbuf	 follow, mod, back;
	int		 rc;

	sbuf_init(&follow);
	sbuf_init(&mod);
	sbuf_init(&back);
	rc = 0;
	if (ctx->db.user.loaded) {
		sbuf_puts(&back, ctx->href);
		if (ctx->cur > 1)
			sbuf_printf(&back, "?pagina=%ld", ctx->cur);
		follow_button(&follow, ctx->loc, ctx->csrf, "gesprek",
		    ctx->id, ctx->following, sbuf_cstr(&back));
	}
	if (ctx->comm.moderate) {
		const struct tpl_bind	b[] = {
			{ "href", ctx->href, TPL_TEXT },
			{ "csrf", ctx->csrf, TPL_TEXT },
			{ "pin", ctx->pinned ? "losmaken" : "vastzetten",
			    TPL_TEXT },
			{ "pin_label", i18n_get(ctx->loc, ctx->pinned ?
			    MSG_topic_unpin : MSG_topic_pin), TPL_TEXT },
			{ "close", ctx->closed ? "heropenen" : "sluiten",
			    TPL_TEXT },
			{ "close_label", i18n_get(ctx->loc, ctx->closed ?
			    MSG_topic_reopen : MSG_topic_close), TPL_TEXT },
		};
		rc |= view_append(&mod, VIEW_topic_mod, ctx->loc, b,
		    NBINDS(b));
	}
	if (follow.len > 0 || mod.len > 0) {
		const struct tpl_bind	b[] = {
			{ "follow", sbuf_cstr(&follow), TPL_TRUSTED_HTML },
			{ "mod", sbuf_cstr(&mod), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_topic_actions, ctx->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&follow);
	sbuf_free(&mod);
	sbuf_free(&back);
	return (rc);
}

/* The reply form, or why there is none. */
static int
ts_reply_form(struct sbuf *out, struct http_request *req, struct ts_ctx *ctx)
{
	struct sbuf	 note, join;
	const char	*body;
	int		 rc;

	sbuf_init(&note);
	sbuf_init(&join);
	rc = 0;
	/* A refused reply comes back in its form, whatever the reason. */
	if (!ts_may_reply(ctx) && !ctx->post) {
		if (ctx->hidden)
			rc |= ts_text(&note, ctx->loc, MSG_topic_reply_hidden);
		else if (ctx->closed)
			rc |= ts_text(&note, ctx->loc, MSG_topic_reply_closed);
		else
			rc |= topic_join_html(&note, req, ctx->loc,
			    &ctx->comm);
		const struct tpl_bind	b[] = {
			{ "note", sbuf_cstr(&note), TPL_TRUSTED_HTML },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_topic_reply_none, ctx->loc, b,
		    NBINDS(b));
		sbuf_free(&note);
		sbuf_free(&join);
		return (rc);
	}
	if (!ts_may_reply(ctx))
		;	/* the error summary says why */
	else if (ctx->closed)
		rc |= ts_text(&note, ctx->loc, MSG_topic_reply_closed_mod);
	else if (ctx->hidden)
		rc |= ts_text(&note, ctx->loc, MSG_topic_reply_hidden_mod);
	body = ctx->post ? ctx->body : sbuf_cstr(&ctx->quoted);
	{
		const struct tpl_bind	fixed[] = {
			{ "note", sbuf_cstr(&note), TPL_TRUSTED_HTML },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "action", ctx->href, TPL_TEXT },
			{ "csrf", ctx->csrf, TPL_TEXT },
			{ "nonce", ctx->nonce, TPL_TEXT },
			{ "quote", ctx->quote, TPL_TEXT },
			{ "body", body, TPL_TEXT },
		};
		struct tpl_bind		b[NBINDS(fixed) + FV_BINDS_PER_FIELD];
		size_t			n;

		n = fv_binds(&ctx->fv, ts_fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		rc |= view_append(out, VIEW_topic_reply, ctx->loc, b, n);
	}
	sbuf_free(&note);
	sbuf_free(&join);
	return (rc);
}

static int
ts_text(struct sbuf *out, enum locale loc, enum msg_id msg)
{
	const struct tpl_bind	b[] = {
		{ "text", i18n_get(loc, msg), TPL_TEXT },
	};

	return (view_append(out, VIEW_topic_join_text, loc, b, NBINDS(b)));
}

static int
ts_state(struct sbuf *out, enum locale loc, enum msg_id msg)
{
	const struct tpl_bind	b[] = {
		{ "text", i18n_get(loc, msg), TPL_TEXT },
	};

	return (view_append(out, VIEW_topic_state, loc, b, NBINDS(b)));
}

int
ts_render(struct http_request *req, struct ts_ctx *ctx, int status)
{
	struct sbuf	 notice, actions, marks, pager, reply, list, of;
	const char	*args[2];
	char		 p[24], np[24];
	int		 rc;

	sbuf_init(&notice);
	sbuf_init(&actions);
	sbuf_init(&marks);
	sbuf_init(&pager);
	sbuf_init(&reply);
	sbuf_init(&list);
	sbuf_init(&of);
	rc = ctx->db.failed ? -1 : 0;
	rc |= ts_notice(&notice, ctx);
	if (ctx->pinned)
		rc |= ts_state(&marks, ctx->loc, MSG_topic_is_pinned);
	if (ctx->closed)
		rc |= ts_state(&marks, ctx->loc, MSG_topic_is_closed);
	if (ctx->hidden)
		rc |= ts_state(&marks, ctx->loc, MSG_topic_is_hidden);
	rc |= ts_actions(&actions, ctx);
	rc |= pager_render(&pager, ctx->loc, ctx->href, ctx->cur, ctx->pages);
	rc |= ts_reply_form(&reply, req, ctx);
	{
		const struct tpl_bind	b[] = {
			{ "posts", sbuf_cstr(&ctx->posts), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&list, VIEW_topic_posts, ctx->loc, b,
		    NBINDS(b));
	}
	if (ctx->pages > 1) {
		(void)snprintf(p, sizeof(p), "%ld", ctx->cur);
		(void)snprintf(np, sizeof(np), "%ld", ctx->pages);
		args[0] = p;
		args[1] = np;
		i18n_fmt(&of, i18n_get(ctx->loc, MSG_pager_page_of), args, 2);
	}
	if (rc != 0) {
		resp_error(req, 500);
	} else {
		const struct tpl_bind	b[] = {
			{ "slug", ctx->comm.slug, TPL_TEXT },
			{ "name", ctx->comm.name, TPL_TEXT },
			{ "title", ctx->title, TPL_TEXT },
			{ "marks", sbuf_cstr(&marks), TPL_TRUSTED_HTML },
			{ "page_of", sbuf_cstr(&of), TPL_TEXT },
			{ "notice", sbuf_cstr(&notice), TPL_TRUSTED_HTML },
			{ "actions", sbuf_cstr(&actions), TPL_TRUSTED_HTML },
			{ "posts", sbuf_cstr(&list), TPL_TRUSTED_HTML },
			{ "pager", sbuf_cstr(&pager), TPL_TRUSTED_HTML },
			{ "reply", sbuf_cstr(&reply), TPL_TRUSTED_HTML },
		};
		view_page(req, status, ctx->loc, ctx->title,
		    "/gemeenschappen", VIEW_topic_show, b, NBINDS(b));
	}
	sbuf_free(&notice);
	sbuf_free(&actions);
	sbuf_free(&marks);
	sbuf_free(&pager);
	sbuf_free(&reply);
	sbuf_free(&list);
	sbuf_free(&of);
	return (HTTP_STATE_COMPLETE);
}
