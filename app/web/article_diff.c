/*
 * The differences between two revisions of an article or a pilot:
 *
 *   GET  /{artikelen,pilots}/<slug>/verschil   ?van=N&naar=M: title,
 *                                              summary and body compared
 *                                              (diff_html); for a pilot
 *                                              also its fields as
 *                                              labelled lines and each of
 *                                              its four texts
 *
 * Who may see revisions: web/article_history.c (hist_refuse).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/diff.h"
#include "core/html.h"
#include "db/q_flow.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/history.h"
#include "web/resp.h"
#include "web/view.h"

/* One side of a comparison. */
struct df_side {
	int		 found;
	char		*title;
	char		*summary;
	char		*body;
	char		*at;
	char		*author;
	struct flow_pf	 pf;
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

static int	df_start(struct http_request *, struct db_ctx *);
static void	df_row(struct db_ctx *, struct kore_pgsql *, int);
static void	df_take(struct df_side *, enum locale, struct kore_pgsql *,
		    int);
static int	df_done(struct http_request *, struct db_ctx *);
static int	df_part(struct sbuf *, enum locale, const char *,
		    const char *, const char *, enum msg_id,
		    struct diff_stats *);
static int	df_pilot(struct sbuf *, struct df_ctx *, const char *);
static int	df_render(struct http_request *, struct df_ctx *, int);
static void	df_side_free(struct df_side *);
static void	df_free(struct http_request *);

/* ---- GET /<kind>/<slug>/verschil?van=N&naar=M ------------------------- */

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
		ctx->badslug = flow_target(req->path, &ctx->h.fk, ctx->slug,
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
	db->params[4] = ctx->h.fk->kind;
	db->params[5] = i18n_code(ctx->loc);
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
	flow_pf_take(&s->pf, sql, r, QFD_PF);
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

/*
 * A pilot's fields: the simple ones as labelled lines, then each text,
 * each compared like the body. 0, or -1 on a template error.
 */
static int
df_pilot(struct sbuf *out, struct df_ctx *ctx, const char *fold)
{
	struct sbuf	 la, lb, part;
	int		 i, rc;

	sbuf_init(&la);
	sbuf_init(&lb);
	sbuf_init(&part);
	flow_pf_lines(&la, ctx->loc, &ctx->a.pf);
	flow_pf_lines(&lb, ctx->loc, &ctx->b.pf);
	rc = df_part(&part, ctx->loc, sbuf_cstr(&la), sbuf_cstr(&lb), fold,
	    MSG_flow_diff_same_fields, NULL);
	{
		const struct tpl_bind	b[] = {
			{ "label", i18n_get(ctx->loc, MSG_flow_fields_h),
			    TPL_TEXT },
			{ "diff", sbuf_cstr(&part), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_history_diff_part, ctx->loc, b,
		    NBINDS(b));
	}
	for (i = 0; i < FLOW_PF_TEXTS; i++) {
		sbuf_reset(&part);
		rc |= df_part(&part, ctx->loc, ctx->a.pf.v[FLOW_PF_PROBLEM + i],
		    ctx->b.pf.v[FLOW_PF_PROBLEM + i], fold,
		    MSG_flow_diff_same_part, NULL);
		const struct tpl_bind	b[] = {
			{ "label", i18n_get(ctx->loc, flow_pf_text_label(i)),
			    TPL_TEXT },
			{ "diff", sbuf_cstr(&part), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_history_diff_part, ctx->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&la);
	sbuf_free(&lb);
	sbuf_free(&part);
	return (rc != 0 ? -1 : 0);
}

static int
df_render(struct http_request *req, struct df_ctx *ctx, int status)
{
	static const char *const	 fields[] = { "van", "naar", NULL };
	struct sbuf			 title, result, fold, head, from, to;
	struct sbuf			 stats, tparts, sparts, bparts;
	struct sbuf			 pparts;
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
	sbuf_init(&pparts);
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
		if (flow_kind_pilot(ctx->h.fk))
			rc |= df_pilot(&pparts, ctx, sbuf_cstr(&fold));
		const struct tpl_bind	b[] = {
			{ "heading", sbuf_cstr(&head), TPL_TEXT },
			{ "from_meta", sbuf_cstr(&from), TPL_TEXT },
			{ "to_meta", sbuf_cstr(&to), TPL_TEXT },
			{ "title_diff", sbuf_cstr(&tparts), TPL_TRUSTED_HTML },
			{ "summary_diff", sbuf_cstr(&sparts),
			    TPL_TRUSTED_HTML },
			{ "stats", sbuf_cstr(&stats), TPL_TEXT },
			{ "body_diff", sbuf_cstr(&bparts), TPL_TRUSTED_HTML },
			{ "pilot_diff", sbuf_cstr(&pparts), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&result, VIEW_history_diff_result, ctx->loc,
		    b, NBINDS(b));
	}
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	fixed[] = {
			{ "title", ctx->h.title, TPL_TEXT },
			{ "kpath", ctx->h.fk->path, TPL_TEXT },
			{ "back_label", i18n_get(ctx->loc,
			    ctx->h.fk->back_item), TPL_TEXT },
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
		    ctx->h.fk->path, VIEW_history_diff, b, nb);
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
	sbuf_free(&pparts);
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
	flow_pf_free(&s->pf);
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

