/*
 * An article's revisions (issue 5):
 *
 *   GET  /artikelen/<slug>/geschiedenis   every revision, newest first,
 *                                         a compare form (van, naar) and
 *                                         a restore button per old one
 *   GET  /artikelen/<slug>/verschil       ?van=N&naar=M: title, summary
 *                                         and body compared (diff_html)
 *   GET  /artikelen/<slug>/versies/<N>    one revision's source
 *
 * (Restoring, POST /herstellen, is a write: web/article_flow.c.)
 * Only those who may edit the article (authors, owner, editors:
 * item_may_edit() in SQL) see revisions; others get 403 on a published
 * article and 404 on any other, so drafts stay unknown. Visitors are
 * sent to sign in for a published one (they may be its author).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/diff.h"
#include "core/html.h"
#include "core/path.h"
#include "db/q_flow.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/flow.h"
#include "web/resp.h"
#include "web/view.h"

#define HIST_PREFIX	"/artikelen/"
#define HIST_HREF_MAX	(PATH_SLUG_MAX + 96)

/* What the three pages share: the article and the reader's rights. */
struct hist_head {
	int		 found;
	char		*title;
	char		 status[16];
	long		 revision;
	int		 may;
	int		 editor;
	char		 href[HIST_HREF_MAX];		/* the article */
	char		 hist[HIST_HREF_MAX];		/* its history */
};

struct hi_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	char		 slug[PATH_SLUG_MAX + 1];
	int		 badslug;
	struct hist_head h;
	struct sbuf	 rows;
	struct sbuf	 forms;
	int		 nrev;
};

/* One side of a comparison. */
struct df_side {
	int		 found;
	char		*title;
	char		*summary;
	char		*body;
	char		*at;
	char		*author;
};

struct df_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	char		 slug[PATH_SLUG_MAX + 1];
	int		 badslug;
	char		 van_s[12];		/* as asked, "" if not */
	char		 naar_s[12];
	int		 van_bad;		/* given, but not a number */
	int		 naar_bad;
	struct hist_head h;
	long		 van;			/* compared (SQL defaults) */
	long		 naar;
	struct df_side	 a;
	struct df_side	 b;
	struct sbuf	 van_opts;
	struct sbuf	 naar_opts;
	int		 nrev;
	struct fv	 fv;
};

struct rv_src {
	struct db_ctx	 db;
	enum locale	 loc;
	char		 slug[PATH_SLUG_MAX + 1];
	int		 badslug;
	long		 rev;
	char		 revs[24];
	struct hist_head h;
	int		 rev_found;
	char		*title;
	char		*summary;
	char		*body;
	char		*at;
	char		*at_shown;
	char		*note;
	struct sbuf	 author;
	long		 restored;
};

static void	hist_head_row(struct hist_head *, const char *,
		    struct kore_pgsql *, int);
static void	hist_head_free(struct hist_head *);
static int	hist_refuse(struct http_request *, struct db_ctx *,
		    enum locale, struct hist_head *);
static const char *hist_author_name(enum locale, struct kore_pgsql *, int);
static int	hist_author(struct sbuf *, enum locale, struct kore_pgsql *,
		    int);
static void	hist_fmt(struct sbuf *, enum locale, enum msg_id,
		    const char *, const char *);

static int	hi_start(struct http_request *, struct db_ctx *);
static void	hi_row(struct db_ctx *, struct kore_pgsql *, int);
static int	hi_done(struct http_request *, struct db_ctx *);
static void	hi_free(struct http_request *);

static int	df_start(struct http_request *, struct db_ctx *);
static void	df_row(struct db_ctx *, struct kore_pgsql *, int);
static void	df_take(struct df_side *, enum locale, struct kore_pgsql *,
		    int);
static int	df_done(struct http_request *, struct db_ctx *);
static int	df_part(struct sbuf *, enum locale, const char *,
		    const char *, const char *, enum msg_id,
		    struct diff_stats *);
static int	df_render(struct http_request *, struct df_ctx *, int);
static void	df_side_free(struct df_side *);
static void	df_free(struct http_request *);

static int	rv_start(struct http_request *, struct db_ctx *);
static void	rv_row(struct db_ctx *, struct kore_pgsql *, int);
static int	rv_done(struct http_request *, struct db_ctx *);
static void	rv_free(struct http_request *);

/* ---- shared ------------------------------------------------------------ */

/* The article columns (QFH_*), the same in every row. */
static void
hist_head_row(struct hist_head *h, const char *slug, struct kore_pgsql *sql,
    int r)
{
	if (h->found)
		return;
	h->found = 1;
	h->title = kore_strdup(db_text(sql, r, QFH_TITLE));
	(void)kore_strlcpy(h->status, db_text(sql, r, QFH_STATUS),
	    sizeof(h->status));
	h->revision = strtol(db_text(sql, r, QFH_REVISION), NULL, 10);
	h->may = strcmp(db_text(sql, r, QFH_MAY), "t") == 0;
	h->editor = strcmp(db_text(sql, r, QFH_EDITOR), "t") == 0;
	(void)snprintf(h->href, sizeof(h->href), "/artikelen/%s", slug);
	(void)snprintf(h->hist, sizeof(h->hist), "/artikelen/%s/geschiedenis",
	    slug);
}

static void
hist_head_free(struct hist_head *h)
{
	kore_free(h->title);
	h->title = NULL;
}

/*
 * 1 and a response sent if the reader may not see the revisions: a
 * visitor is asked to sign in (published only), a member gets 403 on a
 * published article; drafts, reviews and archived ones are 404.
 */
static int
hist_refuse(struct http_request *req, struct db_ctx *db, enum locale loc,
    struct hist_head *h)
{
	int	published;

	if (h->found && h->may)
		return (0);
	published = h->found && strcmp(h->status, "gepubliceerd") == 0;
	if (!published)
		resp_error(req, 404);
	else if (!db->user.loaded)
		(void)auth_require(req, db, ROLE_LID);
	else
		(void)flow_page(req, loc, 403, MSG_flow_denied_title,
		    MSG_flow_history_denied, h->href, MSG_flow_back_article);
	return (1);
}

/* Who saved a revision, as text. */
static const char *
hist_author_name(enum locale loc, struct kore_pgsql *sql, int r)
{
	if (db_isnull(sql, r, QFH_AUTHOR_ID))
		return (i18n_get(loc, MSG_flow_no_authors));	/* imported */
	if (db_isnull(sql, r, QFH_AUTHOR_NAME))
		return (i18n_get(loc, MSG_former_member));
	return (db_text(sql, r, QFH_AUTHOR_NAME));
}

/* Who saved a revision, as HTML: a link to the profile if there is one. */
static int
hist_author(struct sbuf *out, enum locale loc, struct kore_pgsql *sql, int r)
{
	struct sbuf	 href;
	const char	*name;
	int		 rc;

	name = hist_author_name(loc, sql, r);
	if (db_isnull(sql, r, QFH_AUTHOR_ID) ||
	    db_isnull(sql, r, QFH_AUTHOR_NAME)) {
		html_text(out, name, strlen(name));
		return (0);
	}
	sbuf_init(&href);
	sbuf_printf(&href, "/mensen/%s", db_text(sql, r, QFH_AUTHOR_ID));
	{
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "label", name, TPL_TEXT },
		};
		rc = view_append(out, VIEW_admin_link, loc, b, NBINDS(b));
	}
	sbuf_free(&href);
	return (rc);
}

/* A message with one or two %s filled in. */
static void
hist_fmt(struct sbuf *out, enum locale loc, enum msg_id m, const char *a,
    const char *b)
{
	const char	*args[2];

	args[0] = a;
	args[1] = b != NULL ? b : "";
	i18n_fmt(out, i18n_get(loc, m), args, 2);
}

/* ---- GET /artikelen/<slug>/geschiedenis --------------------------------- */

int
article_history(struct http_request *req)
{
	struct hi_ctx	*ctx;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), hi_free);
		ctx->loc = resp_locale(req);
		sbuf_init(&ctx->rows);
		sbuf_init(&ctx->forms);
		ctx->badslug = path_slug_seg(req->path, HIST_PREFIX, ctx->slug,
		    sizeof(ctx->slug)) == -1;
		db_start(req, &ctx->db, NULL, NULL, hi_start);
	}
	return (db_run(req));
}

static int
hi_start(struct http_request *req, struct db_ctx *db)
{
	struct hi_ctx	*ctx = (struct hi_ctx *)db;

	if (ctx->badslug) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	db->params[0] = ctx->slug;
	db->params[1] = db->user.loaded ? db->user.id : "";
	return (db_chain(req, db, &q_flow_history, hi_row, hi_done));
}

static void
hi_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	static const char	 checked[] = " checked";
	struct hi_ctx		*ctx = (struct hi_ctx *)db;
	struct sbuf		 ver, cur, restored, author, from, to;
	struct sbuf		 rest, lbl;
	const char		*rev;
	long			 n;
	int			 rc, pick;

	hist_head_row(&ctx->h, ctx->slug, sql, r);
	if (!ctx->h.may || db_isnull(sql, r, QFH_REV))
		return;
	ctx->nrev++;
	rev = db_text(sql, r, QFH_REV);
	n = strtol(rev, NULL, 10);
	pick = kore_pgsql_ntuples(sql) > 1;
	sbuf_init(&ver);
	sbuf_init(&cur);
	sbuf_init(&restored);
	sbuf_init(&author);
	sbuf_init(&from);
	sbuf_init(&to);
	sbuf_init(&rest);
	sbuf_init(&lbl);
	hist_fmt(&ver, ctx->loc, MSG_flow_version_n, rev, NULL);
	if (n == ctx->h.revision)
		sbuf_puts(&cur, i18n_get(ctx->loc, MSG_flow_current));
	if (!db_isnull(sql, r, QFH_RESTORED))
		hist_fmt(&restored, ctx->loc, MSG_flow_restored_from,
		    db_text(sql, r, QFH_RESTORED), NULL);
	rc = hist_author(&author, ctx->loc, sql, r);
	if (pick) {
		/* Newest first: "to" the newest, "from" the one before. */
		hist_fmt(&lbl, ctx->loc, MSG_flow_compare_from, rev, NULL);
		const struct tpl_bind	bf[] = {
			{ "name", "van", TPL_TEXT },
			{ "rev", rev, TPL_TEXT },
			{ "checked", r == 1 ? checked : "", TPL_TRUSTED_HTML },
			{ "label", sbuf_cstr(&lbl), TPL_TEXT },
		};
		rc |= view_append(&from, VIEW_history_radio, ctx->loc, bf,
		    NBINDS(bf));
		sbuf_reset(&lbl);
		hist_fmt(&lbl, ctx->loc, MSG_flow_compare_to, rev, NULL);
		const struct tpl_bind	bt[] = {
			{ "name", "naar", TPL_TEXT },
			{ "rev", rev, TPL_TEXT },
			{ "checked", r == 0 ? checked : "", TPL_TRUSTED_HTML },
			{ "label", sbuf_cstr(&lbl), TPL_TEXT },
		};
		rc |= view_append(&to, VIEW_history_radio, ctx->loc, bt,
		    NBINDS(bt));
	}
	/* Archived articles: only editors may save (item_save). */
	if (n != ctx->h.revision && (ctx->h.editor ||
	    strcmp(ctx->h.status, "gearchiveerd") != 0)) {
		char	base[24];

		(void)snprintf(base, sizeof(base), "%ld", ctx->h.revision);
		sbuf_reset(&lbl);
		hist_fmt(&lbl, ctx->loc, MSG_flow_restore_button, rev, NULL);
		const struct tpl_bind	bb[] = {
			{ "rev", rev, TPL_TEXT },
			{ "label", sbuf_cstr(&lbl), TPL_TEXT },
		};
		rc |= view_append(&rest, VIEW_history_restore_button,
		    ctx->loc, bb, NBINDS(bb));
		const struct tpl_bind	fb[] = {
			{ "rev", rev, TPL_TEXT },
			{ "slug", ctx->slug, TPL_TEXT },
			{ "csrf", db->user.csrf, TPL_TEXT },
			{ "base", base, TPL_TEXT },
		};
		rc |= view_append(&ctx->forms, VIEW_history_restore_form,
		    ctx->loc, fb, NBINDS(fb));
	}
	{
		const struct tpl_bind	b[] = {
			{ "slug", ctx->slug, TPL_TEXT },
			{ "rev", rev, TPL_TEXT },
			{ "version", sbuf_cstr(&ver), TPL_TEXT },
			{ "current", sbuf_cstr(&cur), TPL_TEXT },
			{ "at", db_text(sql, r, QFH_AT), TPL_TEXT },
			{ "at_shown", db_text(sql, r, QFH_AT_SHOWN), TPL_TEXT },
			{ "author", sbuf_cstr(&author), TPL_TRUSTED_HTML },
			{ "note", db_text(sql, r, QFH_NOTE), TPL_TEXT },
			{ "restored", sbuf_cstr(&restored), TPL_TEXT },
			{ "from", sbuf_cstr(&from), TPL_TRUSTED_HTML },
			{ "to", sbuf_cstr(&to), TPL_TRUSTED_HTML },
			{ "restore", sbuf_cstr(&rest), TPL_TRUSTED_HTML },
		};
		if (rc != 0 || view_append(&ctx->rows, VIEW_history_row,
		    ctx->loc, b, NBINDS(b)) != 0)
			db->failed = 1;
	}
	sbuf_free(&ver);
	sbuf_free(&cur);
	sbuf_free(&restored);
	sbuf_free(&author);
	sbuf_free(&from);
	sbuf_free(&to);
	sbuf_free(&rest);
	sbuf_free(&lbl);
}

static int
hi_done(struct http_request *req, struct db_ctx *db)
{
	struct hi_ctx	*ctx = (struct hi_ctx *)db;
	struct sbuf	 title, hint, button;
	int		 rc;

	if (hist_refuse(req, db, ctx->loc, &ctx->h))
		return (HTTP_STATE_COMPLETE);
	sbuf_init(&title);
	sbuf_init(&hint);
	sbuf_init(&button);
	hist_fmt(&title, ctx->loc, MSG_flow_history_title, ctx->h.title, NULL);
	if (ctx->nrev > 1) {
		rc = view_append(&hint, VIEW_history_compare_hint, ctx->loc,
		    NULL, 0);
		rc |= view_append(&button, VIEW_history_compare_button,
		    ctx->loc, NULL, 0);
	} else {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_flow_one_version),
			    TPL_TEXT },
		};
		rc = view_append(&hint, VIEW_empty, ctx->loc, b, NBINDS(b));
	}
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "title", ctx->h.title, TPL_TEXT },
			{ "slug", ctx->slug, TPL_TEXT },
			{ "compare_hint", sbuf_cstr(&hint), TPL_TRUSTED_HTML },
			{ "rows", sbuf_cstr(&ctx->rows), TPL_TRUSTED_HTML },
			{ "compare_button", sbuf_cstr(&button),
			    TPL_TRUSTED_HTML },
			{ "restore_forms", sbuf_cstr(&ctx->forms),
			    TPL_TRUSTED_HTML },
		};
		view_page(req, 200, ctx->loc, sbuf_cstr(&title), "/artikelen",
		    VIEW_history, b, NBINDS(b));
	}
	sbuf_free(&title);
	sbuf_free(&hint);
	sbuf_free(&button);
	return (HTTP_STATE_COMPLETE);
}

static void
hi_free(struct http_request *req)
{
	struct hi_ctx	*ctx = http_state_get(req);

	hist_head_free(&ctx->h);
	sbuf_free(&ctx->rows);
	sbuf_free(&ctx->forms);
}

/* ---- GET /artikelen/<slug>/verschil?van=N&naar=M ------------------------- */

int
article_diff(struct http_request *req)
{
	struct df_ctx	*ctx;
	char		*v;

	if (!http_state_exists(req)) {
		http_populate_get(req);
		ctx = http_state_create(req, sizeof(*ctx), df_free);
		ctx->loc = resp_locale(req);
		fv_init(&ctx->fv, ctx->loc);
		sbuf_init(&ctx->van_opts);
		sbuf_init(&ctx->naar_opts);
		ctx->badslug = path_slug_seg(req->path, HIST_PREFIX, ctx->slug,
		    sizeof(ctx->slug)) == -1;
		/* Kore drops a value that is not 1-9 digits (STYLE.md c5). */
		if (http_argument_get_string(req, "van", &v))
			(void)kore_strlcpy(ctx->van_s, v, sizeof(ctx->van_s));
		else
			ctx->van_bad = path_query_has(req->query_string, "van");
		if (http_argument_get_string(req, "naar", &v))
			(void)kore_strlcpy(ctx->naar_s, v,
			    sizeof(ctx->naar_s));
		else
			ctx->naar_bad = path_query_has(req->query_string,
			    "naar");
		db_start(req, &ctx->db, NULL, NULL, df_start);
	}
	return (db_run(req));
}

static int
df_start(struct http_request *req, struct db_ctx *db)
{
	struct df_ctx	*ctx = (struct df_ctx *)db;

	if (ctx->badslug) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	db->params[0] = ctx->slug;
	db->params[1] = db->user.loaded ? db->user.id : "";
	db->params[2] = ctx->van_s;
	db->params[3] = ctx->naar_s;
	return (db_chain(req, db, &q_flow_diff, df_row, df_done));
}

static void
df_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	static const char	 sel[] = " selected";
	struct df_ctx		*ctx = (struct df_ctx *)db;
	struct sbuf		 label;
	const char		*rev;
	long			 n;
	int			 rc;

	if (!ctx->h.found) {
		ctx->van = strtol(db_text(sql, r, QFD_VAN), NULL, 10);
		ctx->naar = strtol(db_text(sql, r, QFD_NAAR), NULL, 10);
	}
	hist_head_row(&ctx->h, ctx->slug, sql, r);
	if (!ctx->h.may || db_isnull(sql, r, QFH_REV))
		return;
	ctx->nrev++;
	rev = db_text(sql, r, QFH_REV);
	n = strtol(rev, NULL, 10);
	sbuf_init(&label);
	hist_fmt(&label, ctx->loc, MSG_flow_diff_option, rev,
	    db_text(sql, r, QFH_AT_SHOWN));
	{
		const struct tpl_bind	b[] = {
			{ "value", rev, TPL_TEXT },
			{ "selected", n == ctx->van ? sel : "",
			    TPL_TRUSTED_HTML },
			{ "label", sbuf_cstr(&label), TPL_TEXT },
		};
		rc = view_append(&ctx->van_opts, VIEW_admin_option, ctx->loc,
		    b, NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "value", rev, TPL_TEXT },
			{ "selected", n == ctx->naar ? sel : "",
			    TPL_TRUSTED_HTML },
			{ "label", sbuf_cstr(&label), TPL_TEXT },
		};
		rc |= view_append(&ctx->naar_opts, VIEW_admin_option,
		    ctx->loc, b, NBINDS(b));
	}
	sbuf_free(&label);
	if (rc != 0)
		db->failed = 1;
	/* van may equal naar: then both sides are this row (refused later). */
	if (n == ctx->van)
		df_take(&ctx->a, ctx->loc, sql, r);
	if (n == ctx->naar)
		df_take(&ctx->b, ctx->loc, sql, r);
}

static void
df_take(struct df_side *s, enum locale loc, struct kore_pgsql *sql, int r)
{
	s->found = 1;
	s->title = kore_strdup(db_text(sql, r, QFD_TITLE));
	s->summary = kore_strdup(db_text(sql, r, QFD_SUMMARY));
	s->body = kore_strdup(db_text(sql, r, QFD_BODY));
	s->at = kore_strdup(db_text(sql, r, QFH_AT_SHOWN));
	s->author = kore_strdup(hist_author_name(loc, sql, r));
}

static int
df_done(struct http_request *req, struct db_ctx *db)
{
	struct df_ctx	*ctx = (struct df_ctx *)db;
	char		 num[24];

	if (hist_refuse(req, db, ctx->loc, &ctx->h))
		return (HTTP_STATE_COMPLETE);
	if (ctx->nrev < 2)
		return (df_render(req, ctx, 200));
	if (ctx->van_bad)
		fv_error(&ctx->fv, "van", MSG_flow_diff_bad, NULL);
	else if (!ctx->a.found) {
		/* Asked for by number, or the default before version 1. */
		(void)snprintf(num, sizeof(num), "%ld", ctx->van);
		fv_error(&ctx->fv, "van", *ctx->van_s != '\0' ?
		    MSG_flow_diff_unknown : MSG_flow_diff_bad, num);
	}
	if (ctx->naar_bad)
		fv_error(&ctx->fv, "naar", MSG_flow_diff_bad, NULL);
	else if (!ctx->b.found) {
		(void)snprintf(num, sizeof(num), "%ld", ctx->naar);
		fv_error(&ctx->fv, "naar", MSG_flow_diff_unknown, num);
	}
	if (ctx->fv.nerr > 0)
		return (df_render(req, ctx, ctx->van_bad || ctx->naar_bad ?
		    400 : 404));
	if (ctx->van == ctx->naar)
		fv_error(&ctx->fv, "naar", MSG_flow_diff_equal, NULL);
	else if (ctx->van > ctx->naar)
		fv_error(&ctx->fv, "van", MSG_flow_diff_swapped, NULL);
	return (df_render(req, ctx, ctx->fv.nerr > 0 ? 400 : 200));
}

/*
 * One compared part: its diff table, or the sentence that it did not
 * change. fold is the i18n message with its %s made the %zu diff_html
 * fills in.
 */
static int
df_part(struct sbuf *out, enum locale loc, const char *a, const char *b,
    const char *fold, enum msg_id same, struct diff_stats *st)
{
	struct sbuf	tbl;
	int		rc;

	if (strcmp(a, b) == 0) {
		const struct tpl_bind	bs[] = {
			{ "text", i18n_get(loc, same), TPL_TEXT },
		};
		return (view_append(out, VIEW_empty, loc, bs, NBINDS(bs)));
	}
	sbuf_init(&tbl);
	(void)diff_html(&tbl, a, strlen(a), b, strlen(b), fold, st);
	{
		/* diff_html escapes every byte of both texts (diff.h). */
		const struct tpl_bind	bt[] = {
			{ "diff", sbuf_cstr(&tbl), TPL_TRUSTED_HTML },
		};
		rc = view_append(out, VIEW_history_diff_table, loc, bt,
		    NBINDS(bt));
	}
	sbuf_free(&tbl);
	return (rc);
}

static int
df_render(struct http_request *req, struct df_ctx *ctx, int status)
{
	static const char *const	 fields[] = { "van", "naar", NULL };
	struct sbuf			 title, result, fold, head, from, to;
	struct sbuf			 stats, tparts, sparts, bparts;
	struct diff_stats		 st;
	const char			*m, *args[3];
	char				 v[24], n[24], s1[24], s2[24], s3[24];
	int				 rc;

	sbuf_init(&title);
	sbuf_init(&result);
	sbuf_init(&fold);
	sbuf_init(&head);
	sbuf_init(&from);
	sbuf_init(&to);
	sbuf_init(&stats);
	sbuf_init(&tparts);
	sbuf_init(&sparts);
	sbuf_init(&bparts);
	hist_fmt(&title, ctx->loc, MSG_flow_diff_title, ctx->h.title, NULL);
	rc = 0;
	if (ctx->nrev < 2) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, MSG_flow_diff_need_two),
			    TPL_TEXT },
		};
		rc = view_append(&result, VIEW_empty, ctx->loc, b, NBINDS(b));
	} else if (status == 200) {
		/* "… %s regels" -> "… %zu regels" for diff_html. */
		for (m = i18n_get(ctx->loc, MSG_flow_diff_fold); *m != '\0';
		    m++) {
			if (m[0] == '%' && m[1] == 's') {
				sbuf_puts(&fold, "%zu");
				m++;
			} else
				sbuf_putc(&fold, *m);
		}
		memset(&st, 0, sizeof(st));
		rc |= df_part(&tparts, ctx->loc, ctx->a.title, ctx->b.title,
		    sbuf_cstr(&fold), MSG_flow_diff_same_title, NULL);
		rc |= df_part(&sparts, ctx->loc, ctx->a.summary,
		    ctx->b.summary, sbuf_cstr(&fold),
		    MSG_flow_diff_same_summary, NULL);
		rc |= df_part(&bparts, ctx->loc, ctx->a.body, ctx->b.body,
		    sbuf_cstr(&fold), MSG_flow_diff_same_body, &st);
		if (strcmp(ctx->a.body, ctx->b.body) != 0) {
			(void)snprintf(s1, sizeof(s1), "%zu", st.removed);
			(void)snprintf(s2, sizeof(s2), "%zu", st.added);
			(void)snprintf(s3, sizeof(s3), "%zu", st.same);
			args[0] = s1;
			args[1] = s2;
			args[2] = s3;
			i18n_fmt(&stats, i18n_get(ctx->loc,
			    MSG_flow_diff_stats), args, 3);
		}
		(void)snprintf(v, sizeof(v), "%ld", ctx->van);
		(void)snprintf(n, sizeof(n), "%ld", ctx->naar);
		hist_fmt(&head, ctx->loc, MSG_flow_diff_heading, v, n);
		args[0] = v;
		args[1] = ctx->a.at;
		args[2] = ctx->a.author;
		i18n_fmt(&from, i18n_get(ctx->loc, MSG_flow_diff_meta), args,
		    3);
		args[0] = n;
		args[1] = ctx->b.at;
		args[2] = ctx->b.author;
		i18n_fmt(&to, i18n_get(ctx->loc, MSG_flow_diff_meta), args, 3);
		const struct tpl_bind	b[] = {
			{ "heading", sbuf_cstr(&head), TPL_TEXT },
			{ "from_meta", sbuf_cstr(&from), TPL_TEXT },
			{ "to_meta", sbuf_cstr(&to), TPL_TEXT },
			{ "title_diff", sbuf_cstr(&tparts), TPL_TRUSTED_HTML },
			{ "summary_diff", sbuf_cstr(&sparts),
			    TPL_TRUSTED_HTML },
			{ "stats", sbuf_cstr(&stats), TPL_TEXT },
			{ "body_diff", sbuf_cstr(&bparts), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&result, VIEW_history_diff_result, ctx->loc,
		    b, NBINDS(b));
	}
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	fixed[] = {
			{ "title", ctx->h.title, TPL_TEXT },
			{ "slug", ctx->slug, TPL_TEXT },
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "van_options", sbuf_cstr(&ctx->van_opts),
			    TPL_TRUSTED_HTML },
			{ "naar_options", sbuf_cstr(&ctx->naar_opts),
			    TPL_TRUSTED_HTML },
			{ "result", sbuf_cstr(&result), TPL_TRUSTED_HTML },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(fields) * FV_BINDS_PER_FIELD];
		size_t			nb;

		nb = fv_binds(&ctx->fv, fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		view_page(req, status, ctx->loc, sbuf_cstr(&title),
		    "/artikelen", VIEW_history_diff, b, nb);
	}
	sbuf_free(&title);
	sbuf_free(&result);
	sbuf_free(&fold);
	sbuf_free(&head);
	sbuf_free(&from);
	sbuf_free(&to);
	sbuf_free(&stats);
	sbuf_free(&tparts);
	sbuf_free(&sparts);
	sbuf_free(&bparts);
	return (HTTP_STATE_COMPLETE);
}

static void
df_side_free(struct df_side *s)
{
	kore_free(s->title);
	kore_free(s->summary);
	kore_free(s->body);
	kore_free(s->at);
	kore_free(s->author);
}

static void
df_free(struct http_request *req)
{
	struct df_ctx	*ctx = http_state_get(req);

	hist_head_free(&ctx->h);
	df_side_free(&ctx->a);
	df_side_free(&ctx->b);
	sbuf_free(&ctx->van_opts);
	sbuf_free(&ctx->naar_opts);
	fv_free(&ctx->fv);
}

/* ---- GET /artikelen/<slug>/versies/<N> ---------------------------------- */

int
article_revision(struct http_request *req)
{
	struct rv_src	*ctx;
	const char	*p;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), rv_free);
		ctx->loc = resp_locale(req);
		sbuf_init(&ctx->author);
		ctx->restored = -1;
		ctx->badslug = path_slug_seg(req->path, HIST_PREFIX, ctx->slug,
		    sizeof(ctx->slug)) == -1;
		/* The route ends in /versies/[0-9]{1,9}. */
		ctx->rev = (p = strrchr(req->path, '/')) != NULL ?
		    flow_num(p + 1) : -1;
		db_start(req, &ctx->db, NULL, NULL, rv_start);
	}
	return (db_run(req));
}

static int
rv_start(struct http_request *req, struct db_ctx *db)
{
	struct rv_src	*ctx = (struct rv_src *)db;

	if (ctx->badslug || ctx->rev < 1) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	(void)snprintf(ctx->revs, sizeof(ctx->revs), "%ld", ctx->rev);
	db->params[0] = ctx->slug;
	db->params[1] = db->user.loaded ? db->user.id : "";
	db->params[2] = ctx->revs;
	return (db_chain(req, db, &q_flow_revision, rv_row, rv_done));
}

static void
rv_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct rv_src	*ctx = (struct rv_src *)db;

	hist_head_row(&ctx->h, ctx->slug, sql, r);
	if (!ctx->h.may || db_isnull(sql, r, QFH_REV))
		return;
	ctx->rev_found = 1;
	ctx->title = kore_strdup(db_text(sql, r, QFV_TITLE));
	ctx->summary = kore_strdup(db_text(sql, r, QFV_SUMMARY));
	ctx->body = kore_strdup(db_text(sql, r, QFV_BODY));
	ctx->at = kore_strdup(db_text(sql, r, QFH_AT));
	ctx->at_shown = kore_strdup(db_text(sql, r, QFH_AT_SHOWN));
	ctx->note = kore_strdup(db_text(sql, r, QFH_NOTE));
	if (!db_isnull(sql, r, QFH_RESTORED))
		ctx->restored = strtol(db_text(sql, r, QFH_RESTORED), NULL,
		    10);
	if (hist_author(&ctx->author, ctx->loc, sql, r) != 0)
		db->failed = 1;
}

static int
rv_done(struct http_request *req, struct db_ctx *db)
{
	struct rv_src	*ctx = (struct rv_src *)db;
	struct sbuf	 title, ver, cur, note, cmp, rest, href, lbl, rs;
	const char	*revs = ctx->revs;
	char		 base[24];
	int		 rc;

	if (hist_refuse(req, db, ctx->loc, &ctx->h))
		return (HTTP_STATE_COMPLETE);
	if (!ctx->rev_found) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	sbuf_init(&title);
	sbuf_init(&ver);
	sbuf_init(&cur);
	sbuf_init(&note);
	sbuf_init(&cmp);
	sbuf_init(&rest);
	sbuf_init(&href);
	sbuf_init(&lbl);
	sbuf_init(&rs);
	(void)snprintf(base, sizeof(base), "%ld", ctx->h.revision);
	hist_fmt(&ver, ctx->loc, MSG_flow_version_n, revs, NULL);
	hist_fmt(&title, ctx->loc, MSG_flow_rev_title, revs, ctx->title);
	rc = 0;
	if (ctx->rev == ctx->h.revision)
		sbuf_puts(&cur, i18n_get(ctx->loc, MSG_flow_current));
	if (ctx->restored > 0) {
		char	n[24];

		(void)snprintf(n, sizeof(n), "%ld", ctx->restored);
		hist_fmt(&rs, ctx->loc, MSG_flow_restored_from, n, NULL);
	}
	if (*ctx->note != '\0' || rs.len > 0) {
		sbuf_puts(&lbl, ctx->note);
		if (*ctx->note != '\0' && rs.len > 0)
			sbuf_putc(&lbl, ' ');
		sbuf_puts(&lbl, sbuf_cstr(&rs));
		const struct tpl_bind	b[] = {
			{ "label", i18n_get(ctx->loc, MSG_flow_rev_note),
			    TPL_TEXT },
			{ "text", sbuf_cstr(&lbl), TPL_TEXT },
		};
		rc |= view_append(&note, VIEW_history_revision_note, ctx->loc,
		    b, NBINDS(b));
	}
	if (ctx->rev > 1) {
		sbuf_printf(&href, "/artikelen/%s/verschil?van=%ld&naar=%ld",
		    ctx->slug, ctx->rev - 1, ctx->rev);
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "label", i18n_get(ctx->loc,
			    MSG_flow_rev_compare_prev), TPL_TEXT },
		};
		rc |= view_append(&cmp, VIEW_history_revision_compare,
		    ctx->loc, b, NBINDS(b));
	}
	if (ctx->rev < ctx->h.revision) {
		sbuf_reset(&href);
		sbuf_printf(&href, "/artikelen/%s/verschil?van=%ld&naar=%ld",
		    ctx->slug, ctx->rev, ctx->h.revision);
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "label", i18n_get(ctx->loc,
			    MSG_flow_rev_compare_current), TPL_TEXT },
		};
		rc |= view_append(&cmp, VIEW_history_revision_compare,
		    ctx->loc, b, NBINDS(b));
		if (ctx->h.editor ||
		    strcmp(ctx->h.status, "gearchiveerd") != 0) {
			sbuf_reset(&lbl);
			hist_fmt(&lbl, ctx->loc, MSG_flow_restore_button, revs,
			    NULL);
			const struct tpl_bind	br[] = {
				{ "slug", ctx->slug, TPL_TEXT },
				{ "csrf", db->user.csrf, TPL_TEXT },
				{ "rev", revs, TPL_TEXT },
				{ "base", base, TPL_TEXT },
				{ "label", sbuf_cstr(&lbl), TPL_TEXT },
			};
			rc |= view_append(&rest, VIEW_history_revision_restore,
			    ctx->loc, br, NBINDS(br));
		}
	}
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "version", sbuf_cstr(&ver), TPL_TEXT },
			{ "title", ctx->title, TPL_TEXT },
			{ "at", ctx->at, TPL_TEXT },
			{ "at_shown", ctx->at_shown, TPL_TEXT },
			{ "author", sbuf_cstr(&ctx->author), TPL_TRUSTED_HTML },
			{ "current", sbuf_cstr(&cur), TPL_TEXT },
			{ "note", sbuf_cstr(&note), TPL_TRUSTED_HTML },
			{ "slug", ctx->slug, TPL_TEXT },
			{ "compare", sbuf_cstr(&cmp), TPL_TRUSTED_HTML },
			{ "restore", sbuf_cstr(&rest), TPL_TRUSTED_HTML },
			{ "summary", ctx->summary, TPL_TEXT },
			{ "body", ctx->body, TPL_TEXT },
		};
		view_page(req, 200, ctx->loc, sbuf_cstr(&title), "/artikelen",
		    VIEW_history_revision, b, NBINDS(b));
	}
	sbuf_free(&title);
	sbuf_free(&ver);
	sbuf_free(&cur);
	sbuf_free(&note);
	sbuf_free(&cmp);
	sbuf_free(&rest);
	sbuf_free(&href);
	sbuf_free(&lbl);
	sbuf_free(&rs);
	return (HTTP_STATE_COMPLETE);
}

static void
rv_free(struct http_request *req)
{
	struct rv_src	*ctx = http_state_get(req);

	hist_head_free(&ctx->h);
	kore_free(ctx->title);
	kore_free(ctx->summary);
	kore_free(ctx->body);
	kore_free(ctx->at);
	kore_free(ctx->at_shown);
	kore_free(ctx->note);
	sbuf_free(&ctx->author);
}
