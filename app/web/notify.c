/*
 * The reader's notifications (issue 6):
 *
 *   GET  /meldingen   ?pagina=N &gedaan=WORD   newest first, 20 a page,
 *                     each a sentence in the reader's language
 *                     (core/notify_text.h) with the subject's title as
 *                     a link; unread ones are marked "Nieuw"
 *   POST /meldingen   _csrf, action=gelezen + id | alles_gelezen,
 *                     pagina: 303 back to that page with ?gedaan=
 *
 * Reading is explicit: opening a notification's link does not mark it
 * read (a GET that changes state would be followed by prefetchers and
 * link checkers too). Each unread row has a "Gelezen" button and the
 * page one for all. Only rows that pass notification_visible() are
 * listed or counted (db/q_notify.c), so news of a community the reader
 * left, or of a hidden post, disappears here as well.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "core/notify_text.h"
#include "core/path.h"
#include "db/q_notify.h"
#include "web/auth.h"
#include "web/resp.h"
#include "web/pager.h"
#include "web/view.h"

#define NOTIFY_PATH	"/meldingen"
#define NOTIFY_PAGE_MAX	100000000L	/* v_num: at most 9 digits */
#define NOTIFY_ID_MAX	18

static const char *const	nl_actions[] = {
	"gelezen", "alles_gelezen", NULL
};

struct nl_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	int		 post;
	int		 badpage;
	long		 page;
	char		 pagebuf[16];
	int		 act;		/* index in nl_actions, or -1 */
	char		 id[NOTIFY_ID_MAX + 1];
	const char	*gedaan;
	long		 total;
	long		 unread;
	int		 nrows;		/* notifications on this page */
	struct sbuf	 rows;
};

static int	nl_start(struct http_request *, struct db_ctx *);
static int	nl_read_done(struct http_request *, struct db_ctx *);
static void	nl_row(struct db_ctx *, struct kore_pgsql *, int);
static int	nl_done(struct http_request *, struct db_ctx *);
static int	nl_notice(struct sbuf *, struct nl_ctx *);
static int	nl_summary(struct sbuf *, struct nl_ctx *);
static int	nl_pager(struct sbuf *, struct nl_ctx *);
static int	nl_page_arg(struct http_request *, long *);
static int	nl_id_ok(const char *);
static int	nl_message(struct http_request *, struct nl_ctx *, int,
		    enum msg_id, enum msg_id);
static void	nl_free(struct http_request *);

int
notify_list(struct http_request *req)
{
	struct nl_ctx	*ctx;
	char		*v;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), nl_free);
		ctx->loc = resp_locale(req);
		sbuf_init(&ctx->rows);
		ctx->act = -1;
		ctx->gedaan = "";
		if (req->method == HTTP_METHOD_POST) {
			ctx->post = 1;
			http_populate_post(req);
			if (http_argument_get_string(req, "action", &v))
				ctx->act = form_choice(v, nl_actions);
			if (http_argument_get_string(req, "id", &v) &&
			    nl_id_ok(v))
				(void)kore_strlcpy(ctx->id, v,
				    sizeof(ctx->id));
		} else {
			http_populate_get(req);
			if (http_argument_get_string(req, "gedaan", &v))
				ctx->gedaan = v;
		}
		ctx->badpage = !nl_page_arg(req, &ctx->page);
		(void)snprintf(ctx->pagebuf, sizeof(ctx->pagebuf), "%ld",
		    ctx->page);
		db_start(req, &ctx->db, NULL, NULL, nl_start);
	}
	return (db_run(req));
}

/* ?pagina=N (1..), 1 when absent; 0 if it is not a page number. */
static int
nl_page_arg(struct http_request *req, long *page)
{
	char	*v, *end;
	long	 n;

	*page = 1;
	if (!http_argument_get_string(req, "pagina", &v))
		return (req->method == HTTP_METHOD_POST ||
		    !path_query_has(req->query_string, "pagina"));
	if (*v < '1' || *v > '9')
		return (0);
	n = strtol(v, &end, 10);
	if (*end != '\0' || n < 1 || n > NOTIFY_PAGE_MAX)
		return (0);
	*page = n;
	return (1);
}

/* 1..18 digits, not starting with 0. */
static int
nl_id_ok(const char *s)
{
	size_t	n;

	if (*s < '1' || *s > '9')
		return (0);
	for (n = 0; s[n] != '\0'; n++) {
		if (s[n] < '0' || s[n] > '9' || n >= NOTIFY_ID_MAX)
			return (0);
	}
	return (1);
}

static int
nl_start(struct http_request *req, struct db_ctx *db)
{
	struct nl_ctx	*ctx = (struct nl_ctx *)db;

	if (!auth_require(req, db, ROLE_LID))
		return (HTTP_STATE_COMPLETE);
	if (ctx->post) {
		if (!auth_post_ok(req, db))
			return (nl_message(req, ctx, 403, MSG_err_403_title,
			    MSG_csrf_failed));
		if (ctx->act == -1 || ctx->badpage ||
		    (ctx->act == 0 && ctx->id[0] == '\0'))
			return (nl_message(req, ctx, 400, MSG_err_400_title,
			    MSG_notify_bad));
		db->params[0] = db->user.id;
		db->params[1] = ctx->act == 0 ? ctx->id : "";
		return (db_chain(req, db, &q_notify_read, NULL,
		    nl_read_done));
	}
	if (ctx->badpage) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	db->params[0] = db->user.id;
	db->params[1] = ctx->pagebuf;
	db->params[2] = i18n_get(ctx->loc, MSG_former_member);
	return (db_chain(req, db, &q_notify_list, nl_row, nl_done));
}

static int
nl_read_done(struct http_request *req, struct db_ctx *db)
{
	struct nl_ctx	*ctx = (struct nl_ctx *)db;
	char		 to[96];

	(void)snprintf(to, sizeof(to), NOTIFY_PATH "?%s%s%sgedaan=%s",
	    ctx->page > 1 ? "pagina=" : "", ctx->page > 1 ? ctx->pagebuf : "",
	    ctx->page > 1 ? "&" : "", nl_actions[ctx->act]);
	resp_redirect(req, to);
	return (HTTP_STATE_COMPLETE);
}

static void
nl_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct nl_ctx		*ctx = (struct nl_ctx *)db;
	struct notify_subject	 s;
	struct sbuf		 text, note, button, mark;
	const char		*args[1];
	int			 unread, rc;

	ctx->total = strtol(db_text(sql, r, QNL_TOTAL), NULL, 10);
	ctx->unread = strtol(db_text(sql, r, QNL_UNREAD), NULL, 10);
	if (db_isnull(sql, r, QNL_ID))
		return;
	ctx->nrows++;
	s.kind = db_text(sql, r, QNL_KIND);
	s.sub = db_text(sql, r, QNL_SUB);
	s.actor = db_text(sql, r, QNL_ACTOR);
	s.title = db_text(sql, r, QNL_TEXT);
	s.community = db_text(sql, r, QNL_COMMUNITY);
	s.href = db_text(sql, r, QNL_HREF);
	unread = strcmp(db_text(sql, r, QNL_NEW), "true") == 0;
	sbuf_init(&text);
	sbuf_init(&note);
	sbuf_init(&button);
	sbuf_init(&mark);
	/* Escaped by notify_text(): the title's link is the only markup. */
	notify_text(&text, ctx->loc, &s, 1);
	rc = 0;
	if (*db_text(sql, r, QNL_NOTE) != '\0') {
		struct sbuf	line;

		sbuf_init(&line);
		args[0] = db_text(sql, r, QNL_NOTE);
		i18n_fmt(&line, i18n_get(ctx->loc, MSG_notify_reason), args, 1);
		const struct tpl_bind	b[] = {
			{ "text", sbuf_cstr(&line), TPL_TEXT },
		};
		rc |= view_append(&note, VIEW_notify_note, ctx->loc, b,
		    NBINDS(b));
		sbuf_free(&line);
	}
	if (unread) {
		const struct tpl_bind	b[] = {
			{ "csrf", db->user.csrf, TPL_TEXT },
			{ "id", db_text(sql, r, QNL_ID), TPL_TEXT },
			{ "page", ctx->pagebuf, TPL_TEXT },
			{ "title", s.title, TPL_TEXT },
		};
		rc |= view_append(&button, VIEW_notify_read_form, ctx->loc, b,
		    NBINDS(b));
		rc |= view_append(&mark, VIEW_notify_new, ctx->loc, NULL, 0);
	}
	{
		const struct tpl_bind	b[] = {
			{ "cls", unread ? " notify-unread" : "", TPL_TEXT },
			{ "new", sbuf_cstr(&mark), TPL_TRUSTED_HTML },
			{ "text", sbuf_cstr(&text), TPL_TRUSTED_HTML },
			{ "note", sbuf_cstr(&note), TPL_TRUSTED_HTML },
			{ "at", db_text(sql, r, QNL_AT), TPL_TEXT },
			{ "at_shown", db_text(sql, r, QNL_AT_SHOWN), TPL_TEXT },
			{ "button", sbuf_cstr(&button), TPL_TRUSTED_HTML },
		};
		if (rc != 0 || view_append(&ctx->rows, VIEW_notify_row,
		    ctx->loc, b, NBINDS(b)) != 0)
			db->failed = 1;
	}
	sbuf_free(&text);
	sbuf_free(&note);
	sbuf_free(&button);
	sbuf_free(&mark);
}

static int
nl_done(struct http_request *req, struct db_ctx *db)
{
	struct nl_ctx	*ctx = (struct nl_ctx *)db;
	struct sbuf	 notice, summary, list, pager;
	int		 rc;

	/* A page past the end (the first page may be empty). */
	if (ctx->nrows == 0 && ctx->page > 1) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	sbuf_init(&notice);
	sbuf_init(&summary);
	sbuf_init(&list);
	sbuf_init(&pager);
	rc = nl_notice(&notice, ctx);
	rc |= nl_summary(&summary, ctx);
	if (ctx->nrows == 0) {
		rc |= view_rows_or_empty(&list, &ctx->rows, 0, ctx->loc,
		    MSG_notify_empty);
	} else {
		const struct tpl_bind	b[] = {
			{ "rows", sbuf_cstr(&ctx->rows), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&list, VIEW_notify_list, ctx->loc, b,
		    NBINDS(b));
	}
	rc |= nl_pager(&pager, ctx);
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "notice", sbuf_cstr(&notice), TPL_TRUSTED_HTML },
			{ "summary", sbuf_cstr(&summary), TPL_TRUSTED_HTML },
			{ "list", sbuf_cstr(&list), TPL_TRUSTED_HTML },
			{ "pager", sbuf_cstr(&pager), TPL_TRUSTED_HTML },
		};
		view_page(req, 200, ctx->loc,
		    i18n_get(ctx->loc, MSG_notify_title), NOTIFY_PATH,
		    VIEW_notify, b, NBINDS(b));
	}
	sbuf_free(&notice);
	sbuf_free(&summary);
	sbuf_free(&list);
	sbuf_free(&pager);
	return (HTTP_STATE_COMPLETE);
}

/* What the last POST did (?gedaan=). */
static int
nl_notice(struct sbuf *out, struct nl_ctx *ctx)
{
	enum msg_id	m;

	if (strcmp(ctx->gedaan, "gelezen") == 0)
		m = MSG_notify_done_read;
	else if (strcmp(ctx->gedaan, "alles_gelezen") == 0)
		m = MSG_notify_done_all;
	else
		return (0);
	{
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, m), TPL_TEXT },
		};
		return (view_append(out, VIEW_notice, ctx->loc, b, NBINDS(b)));
	}
}

/* "Ongelezen: N" and, when there are any, the "Alles gelezen" button. */
static int
nl_summary(struct sbuf *out, struct nl_ctx *ctx)
{
	struct sbuf	 count;
	char		 n[24];
	const char	*args[1];
	int		 rc;

	if (ctx->total == 0)
		return (0);
	(void)snprintf(n, sizeof(n), "%ld", ctx->unread);
	args[0] = n;
	sbuf_init(&count);
	i18n_fmt(&count, i18n_get(ctx->loc, MSG_notify_count), args, 1);
	{
		const struct tpl_bind	b[] = {
			{ "count", sbuf_cstr(&count), TPL_TEXT },
			{ "csrf", ctx->db.user.csrf, TPL_TEXT },
			{ "page", ctx->pagebuf, TPL_TEXT },
		};
		rc = view_append(out, ctx->unread > 0 ?
		    VIEW_notify_summary_all : VIEW_notify_summary, ctx->loc,
		    b, NBINDS(b));
	}
	sbuf_free(&count);
	return (rc);
}

/* "Pagina 2 van 5" and the page links; nothing for one page. */
static int
nl_pager(struct sbuf *out, struct nl_ctx *ctx)
{
	return (pager_render(out, ctx->loc, NOTIFY_PATH, ctx->page,
	    (ctx->total + Q_NOTIFY_PER_PAGE - 1) / Q_NOTIFY_PER_PAGE));
}

/* Why a button did nothing, with a link back to the list. */
static int
nl_message(struct http_request *req, struct nl_ctx *ctx, int status,
    enum msg_id title, enum msg_id text)
{
	const struct tpl_bind	b[] = {
		{ "title", i18n_get(ctx->loc, title), TPL_TEXT },
		{ "text", i18n_get(ctx->loc, text), TPL_TEXT },
		{ "back", NOTIFY_PATH, TPL_TEXT },
		{ "back_label", i18n_get(ctx->loc, MSG_notify_back), TPL_TEXT },
	};

	view_page(req, status, ctx->loc, i18n_get(ctx->loc, title),
	    NOTIFY_PATH, VIEW_notify_message, b, NBINDS(b));
	return (HTTP_STATE_COMPLETE);
}

static void
nl_free(struct http_request *req)
{
	struct nl_ctx	*ctx = http_state_get(req);

	sbuf_free(&ctx->rows);
}
