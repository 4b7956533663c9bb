/*
 * Compare pilots side by side (issue 7):
 *
 *   GET /pilots/vergelijk   ?ids=1,2,3 or ?ids=1&ids=2 (the overview's
 *                           checkboxes)
 *
 * Two or three published pilots the reader may read, in one table: a
 * column per pilot (its title a column header), a row per field. Too
 * few, too many or malformed ids: 400 with a Dutch page that says what
 * to do. An id that names no pilot the reader may read: 404 with the
 * same page for "does not exist" and "not yours to see", so nobody
 * learns that a members-only pilot exists. One query (q_pilot_compare).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/facet.h"
#include "core/pilot.h"
#include "db/q_pilot_list.h"
#include "web/pilot_list.h"
#include "web/pilot_show.h"
#include "web/resp.h"
#include "web/view.h"

#define CMP_MIN		2
#define CMP_MAX		3
#define CMP_COLS	(QPC_NCOLS - QPC_C1)

/* Column numbers of a QPC_PILOT row, from QPC_C1. */
enum { PC_ID, PC_SLUG, PC_TITLE, PC_REGION, PC_PROVINCE, PC_SETTING,
    PC_PROJECT_SLUG, PC_PROJECT, PC_TARGET, PC_AGE_MIN, PC_AGE_MAX,
    PC_PHASE, PC_START, PC_END, PC_PARTNERS, PC_PROBLEM, PC_APPROACH,
    PC_RESULTS, PC_CONDITIONS, PC_LESSONS };

struct cmp_pilot {
	char		*c[CMP_COLS];
	struct sbuf	 figures;	/* <li> items */
};

struct cmp_ctx {
	struct db_ctx		 db;
	enum locale		 loc;
	struct facet		 f;
	struct sbuf		 ids;
	struct cmp_pilot	 p[CMP_MAX];
	size_t			 n;
	int			 failed;
	/* Refused before the query: its status and message. */
	int			 status;
	enum msg_id		 why;
};

/* How a field is shown. */
enum cmp_how { HOW_TEXT, HOW_HTML, HOW_LIST, HOW_FIGURES };

struct cmp_field {
	enum msg_id	 label;
	enum cmp_how	 how;
	int		 col;		/* PC_*, or -1: worked out */
};

static const struct facet_conf	conf = { FACET_BIT(FACET_IDS), NULL };

static int	cmp_start(struct http_request *, struct db_ctx *);
static void	cmp_row(struct db_ctx *, struct kore_pgsql *, int);
static int	cmp_done(struct http_request *, struct db_ctx *);
static void	refuse(struct http_request *, enum locale, int, enum msg_id);
static void	text_of(struct sbuf *, struct cmp_ctx *,
		    const struct cmp_pilot *, enum msg_id);
static void	figure_text(struct sbuf *, enum locale, const char *,
		    const char *, const char *);
static int	cell(struct sbuf *, struct cmp_ctx *,
		    const struct cmp_pilot *, const struct cmp_field *);
static int	render(struct sbuf *, struct cmp_ctx *);
static void	cmp_free(struct http_request *);

/* The rows of the table, in the pilot page's order. */
static const struct cmp_field	fields[] = {
	{ MSG_pf_region, HOW_TEXT, -1 },
	{ MSG_pf_setting, HOW_TEXT, PC_SETTING },
	{ MSG_pf_project, HOW_TEXT, PC_PROJECT },
	{ MSG_pf_target_group, HOW_TEXT, PC_TARGET },
	{ MSG_pf_age, HOW_TEXT, -1 },
	{ MSG_pf_phase, HOW_TEXT, -1 },
	{ MSG_pf_period, HOW_TEXT, -1 },
	{ MSG_pf_partners, HOW_LIST, PC_PARTNERS },
	{ MSG_pf_problem, HOW_HTML, PC_PROBLEM },
	{ MSG_pf_approach, HOW_HTML, PC_APPROACH },
	{ MSG_pf_results, HOW_HTML, PC_RESULTS },
	{ MSG_pf_figures, HOW_FIGURES, -1 },
	{ MSG_pf_conditions, HOW_HTML, PC_CONDITIONS },
	{ MSG_pf_lessons, HOW_TEXT, -1 },
};

int
pilot_compare(struct http_request *req)
{
	struct cmp_ctx	*ctx;
	size_t		 n;

	if (!http_state_exists(req)) {
		ctx = http_state_create(req, sizeof(*ctx), cmp_free);
		ctx->loc = resp_locale(req);
		sbuf_init(&ctx->ids);
		facet_parse(&ctx->f, &conf, req->query_string);
		n = facet_count(&ctx->f, FACET_IDS);
		if (ctx->f.bad != 0) {
			ctx->status = 400;
			ctx->why = MSG_plist_cmp_bad_id;
		} else if (ctx->f.over != 0 || n > CMP_MAX) {
			ctx->status = 400;
			ctx->why = MSG_plist_cmp_too_many;
		} else if (n < CMP_MIN) {
			ctx->status = 400;
			ctx->why = MSG_plist_cmp_too_few;
		}
		facet_csv(&ctx->ids, &ctx->f, FACET_IDS);
		/* The session first, so a refusal has the user's menu. */
		db_start(req, &ctx->db, NULL, NULL, cmp_start);
	}
	return (db_run(req));
}

static void
refuse(struct http_request *req, enum locale loc, int status, enum msg_id m)
{
	const struct tpl_bind	b[] = {
		{ "text", i18n_get(loc, m), TPL_TEXT },
	};

	view_page(req, status, loc, i18n_get(loc, MSG_plist_cmp_title),
	    "/pilots", VIEW_pilot_compare_refused, b, NBINDS(b));
}

static int
cmp_start(struct http_request *req, struct db_ctx *db)
{
	struct cmp_ctx	*ctx = (struct cmp_ctx *)db;

	if (ctx->status != 0) {
		refuse(req, ctx->loc, ctx->status, ctx->why);
		return (HTTP_STATE_COMPLETE);
	}
	db->params[0] = sbuf_cstr(&ctx->ids);
	db->params[1] = db->user.loaded ? db->user.id : "";
	db->params[2] = i18n_code(ctx->loc);
	return (db_chain(req, db, &q_pilot_compare, cmp_row, cmp_done));
}

static void
cmp_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct cmp_ctx		*ctx = (struct cmp_ctx *)db;
	struct cmp_pilot	*p;
	size_t			 i;
	int			 k;

	if (strcmp(db_text(sql, r, QPC_TYPE), "1") == 0) {
		if (ctx->n == CMP_MAX) {
			ctx->failed = 1;
			return;
		}
		p = &ctx->p[ctx->n++];
		for (k = 0; k < CMP_COLS; k++)
			p->c[k] = kore_strdup(db_text(sql, r, QPC_C1 + k));
		sbuf_init(&p->figures);
		return;
	}
	/* A figure: pilot id, label, value, unit. */
	for (i = 0; i < ctx->n; i++) {
		if (strcmp(ctx->p[i].c[PC_ID], db_text(sql, r, QPC_C1)) != 0)
			continue;
		{
			struct sbuf	t;

			sbuf_init(&t);
			figure_text(&t, ctx->loc, db_text(sql, r, QPC_C1 + 1),
			    db_text(sql, r, QPC_C1 + 2),
			    db_text(sql, r, QPC_C1 + 3));
			const struct tpl_bind	b[] = {
				{ "text", sbuf_cstr(&t), TPL_TEXT },
			};
			if (view_append(&ctx->p[i].figures,
			    VIEW_pilot_compare_li, ctx->loc, b,
			    NBINDS(b)) == -1)
				ctx->failed = 1;
			sbuf_free(&t);
		}
	}
}

/* "Jongeren thuis gebleven: 12,5 %" (a decimal comma in Dutch). */
static void
figure_text(struct sbuf *out, enum locale loc, const char *label,
    const char *value, const char *unit)
{
	const char	*v;

	sbuf_printf(out, "%s: ", label);
	for (v = value; *v != '\0'; v++)
		sbuf_putc(out, *v == '.' && loc == LOC_NL ? ',' : *v);
	if (*unit != '\0')
		sbuf_printf(out, " %s", unit);
	(void)sbuf_cstr(out);
}

static int
cmp_done(struct http_request *req, struct db_ctx *db)
{
	struct cmp_ctx	*ctx = (struct cmp_ctx *)db;
	struct sbuf	 main;

	if (ctx->failed) {
		resp_error(req, 500);
		return (HTTP_STATE_COMPLETE);
	}
	/* One of them is not there for this reader: say no more. */
	if (ctx->n != facet_count(&ctx->f, FACET_IDS)) {
		refuse(req, ctx->loc, 404, MSG_plist_cmp_not_found);
		return (HTTP_STATE_COMPLETE);
	}
	sbuf_init(&main);
	if (render(&main, ctx) == -1)
		resp_error(req, 500);
	else
		view_page_main(req, 200, ctx->loc,
		    i18n_get(ctx->loc, MSG_plist_cmp_title), "/pilots", &main);
	sbuf_free(&main);
	return (HTTP_STATE_COMPLETE);
}

/* The text of a worked-out field (or of a plain column). */
static void
text_of(struct sbuf *out, struct cmp_ctx *ctx, const struct cmp_pilot *p,
    enum msg_id field)
{
	const struct pilot_word	*w;
	const char		*args[2];
	long			 n;

	switch (field) {
	case MSG_pf_region:
		if (*p->c[PC_REGION] != '\0')
			pilot_region_text(out, p->c[PC_REGION], p->c[PC_PROVINCE]);
		break;
	case MSG_pf_age:
		args[0] = p->c[PC_AGE_MIN];
		args[1] = p->c[PC_AGE_MAX];
		if (*args[0] != '\0' && *args[1] != '\0')
			i18n_fmt(out, i18n_get(ctx->loc, MSG_pf_age_range),
			    args, 2);
		else if (*args[0] != '\0')
			i18n_fmt(out, i18n_get(ctx->loc,
			    MSG_plist_cmp_age_from), args, 1);
		else if (*args[1] != '\0')
			i18n_fmt(out, i18n_get(ctx->loc,
			    MSG_plist_cmp_age_to), args + 1, 1);
		break;
	case MSG_pf_phase:
		if ((w = pilot_phase(p->c[PC_PHASE])) != NULL)
			sbuf_puts(out, i18n_get(ctx->loc, w->msg));
		break;
	case MSG_pf_period:
		plist_period(out, ctx->loc, p->c[PC_START], p->c[PC_END]);
		break;
	case MSG_pf_lessons:
		n = strtol(p->c[PC_LESSONS], NULL, 10);
		plist_count(out, ctx->loc, n, MSG_plist_cmp_lesson_one,
		    MSG_plist_cmp_lessons);
		break;
	default:
		break;
	}
	if (out->len == 0)
		sbuf_puts(out, i18n_get(ctx->loc, MSG_pf_none));
	(void)sbuf_cstr(out);
}

static int
cell(struct sbuf *out, struct cmp_ctx *ctx, const struct cmp_pilot *p,
    const struct cmp_field *fd)
{
	struct sbuf	 t, items;
	const char	*v, *nl;
	int		 rc = 0;

	sbuf_init(&t);
	sbuf_init(&items);
	v = fd->col >= 0 ? p->c[fd->col] : "";
	if (fd->how == HOW_HTML && *v != '\0') {
		const struct tpl_bind	b[] = {
			/* Rendered by md.c when saved. */
			{ "html", v, TPL_TRUSTED_HTML },
		};
		rc = view_append(out, VIEW_pilot_compare_prose, ctx->loc, b,
		    NBINDS(b));
	} else if ((fd->how == HOW_LIST && *v != '\0') ||
	    (fd->how == HOW_FIGURES && p->figures.len > 0)) {
		for (; fd->how == HOW_LIST && *v != '\0'; v = nl) {
			nl = v + strcspn(v, "\n");
			sbuf_reset(&t);
			sbuf_add(&t, v, (size_t)(nl - v));
			const struct tpl_bind	b[] = {
				{ "text", sbuf_cstr(&t), TPL_TEXT },
			};
			rc |= view_append(&items, VIEW_pilot_compare_li,
			    ctx->loc, b, NBINDS(b));
			if (*nl == '\n')
				nl++;
		}
		const struct tpl_bind	b[] = {
			{ "items", fd->how == HOW_LIST ? sbuf_cstr(&items) :
			    p->figures.data, TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_pilot_compare_list, ctx->loc, b,
		    NBINDS(b));
	} else {
		if (fd->col >= 0 && fd->how == HOW_TEXT)
			sbuf_puts(&t, v);
		if (t.len == 0)
			text_of(&t, ctx, p, fd->label);
		const struct tpl_bind	b[] = {
			{ "text", sbuf_cstr(&t), TPL_TEXT },
		};
		rc = view_append(out, VIEW_pilot_compare_cell, ctx->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&t);
	sbuf_free(&items);
	return (rc);
}

static int
render(struct sbuf *out, struct cmp_ctx *ctx)
{
	struct sbuf	 heads, rows, cells, href;
	size_t		 i, k;
	int		 rc = 0;

	sbuf_init(&heads);
	sbuf_init(&rows);
	sbuf_init(&cells);
	sbuf_init(&href);
	for (i = 0; i < ctx->n; i++) {
		sbuf_reset(&href);
		sbuf_printf(&href, "/pilots/%s", ctx->p[i].c[PC_SLUG]);
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "title", ctx->p[i].c[PC_TITLE], TPL_TEXT },
		};
		rc |= view_append(&heads, VIEW_pilot_compare_head, ctx->loc,
		    b, NBINDS(b));
	}
	for (k = 0; k < NBINDS(fields); k++) {
		sbuf_reset(&cells);
		for (i = 0; i < ctx->n; i++)
			rc |= cell(&cells, ctx, &ctx->p[i], &fields[k]);
		const struct tpl_bind	b[] = {
			{ "label", i18n_get(ctx->loc, fields[k].label),
			    TPL_TEXT },
			{ "cells", sbuf_cstr(&cells), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&rows, VIEW_pilot_compare_row, ctx->loc, b,
		    NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "heads", sbuf_cstr(&heads), TPL_TRUSTED_HTML },
			{ "rows", sbuf_cstr(&rows), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_pilot_compare, ctx->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&heads);
	sbuf_free(&rows);
	sbuf_free(&cells);
	sbuf_free(&href);
	return (rc == 0 ? 0 : -1);
}

static void
cmp_free(struct http_request *req)
{
	struct cmp_ctx	*ctx = http_state_get(req);
	size_t		 i;
	int		 k;

	for (i = 0; i < ctx->n; i++) {
		for (k = 0; k < CMP_COLS; k++)
			kore_free(ctx->p[i].c[k]);
		sbuf_free(&ctx->p[i].figures);
	}
	sbuf_free(&ctx->ids);
}
