/*
 * The pilot page (issue 7):
 *
 *   GET /pilots/{slug}   ?gedaan=WORD
 *
 * One query (q_pilot_page: typed rows, the article page's types 1-8 and
 * the pilot's own) rendered in two parts, as the article page:
 * pilot_main() (pilot_show_main.c) is what every reader sees; the
 * notice of what was just done, the status banner, the editors'
 * feedback, what a concept still lacks, the action bar, the follow
 * button and the "Melden" link depend on who reads and come before it.
 * A pilot the reader may not read answers 404, as if it did not exist.
 * Visitors' pages come from the page cache (core/pcache.h) while the
 * content generation stands still.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/path.h"
#include "core/pcache.h"
#include "core/pilot.h"
#include "db/q.h"
#include "db/q_pilot.h"
#include "web/flag.h"
#include "web/item_actions.h"
#include "web/follow.h"
#include "web/pilot_show.h"
#include "web/resp.h"
#include "web/view.h"

struct pshow_ctx {
	struct db_ctx		 db;
	enum locale		 loc;
	char			 slug[PATH_SLUG_MAX + 1];
	const char		*gedaan;
	struct article_rows	 rows;
	/* Visitors: the content generation and the page's cache key. */
	long long		 gen;
	int			 gen_ok;
	char			 key[PCACHE_KEY_MAX + 1];
};

/* ?gedaan= words of the editor, the workflow, lessons, the contact. */
static const struct {
	const char	*word;
	enum msg_id	 msg;
} done_words[] = {
	{ "opgeslagen", MSG_pilot_done_opgeslagen },
	{ "ingediend", MSG_pilot_done_ingediend },
	{ "goedgekeurd", MSG_pilot_done_goedgekeurd },
	{ "gepubliceerd", MSG_pilot_done_goedgekeurd },
	{ "teruggestuurd", MSG_pilot_done_teruggestuurd },
	{ "gearchiveerd", MSG_pilot_done_gearchiveerd },
	{ "teruggezet", MSG_pilot_done_teruggezet },
	{ "hersteld", MSG_article_done_hersteld },
	{ "gemeld", MSG_flag_done },	/* web/flag.c */
	{ "les_toegevoegd", MSG_pilot_done_les_toegevoegd },
	{ "les_gewijzigd", MSG_pilot_done_les_gewijzigd },
	{ "les_verwijderd", MSG_pilot_done_les_verwijderd },
	{ "contact_ja", MSG_pilot_done_contact_ja },
	{ "contact_nee", MSG_pilot_done_contact_nee },
};

static int	show_start(struct http_request *, struct db_ctx *);
static int	show_query(struct http_request *, struct db_ctx *);
static void	gen_row(struct db_ctx *, struct kore_pgsql *, int);
static int	gen_done(struct http_request *, struct db_ctx *);
static void	show_row(struct db_ctx *, struct kore_pgsql *, int);
static int	show_done(struct http_request *, struct db_ctx *);
static int	personal(struct sbuf *, struct pshow_ctx *);
static int	banner(struct sbuf *, enum locale, const char *,
		    const char *);
static int	missing(struct sbuf *, enum locale, const char *);
static int	actions(struct sbuf *, struct pshow_ctx *,
		    const struct article_row *, const struct article_row *);
static int	may_edit(const struct article_rows *);
static int	lessons_editable(const struct article_rows *);
static void	show_free(struct http_request *);

int
pilot_show(struct http_request *req)
{
	struct pshow_ctx	*ctx;
	char			 slug[PATH_SLUG_MAX + 1];
	char			*v;

	if (!http_state_exists(req)) {
		if (path_slug(req->path, PILOT_PATH, slug,
		    sizeof(slug)) == -1) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		http_populate_get(req);
		ctx = http_state_create(req, sizeof(*ctx), show_free);
		ctx->loc = resp_locale(req);
		memcpy(ctx->slug, slug, sizeof(slug));
		ctx->gedaan = "";
		if (http_argument_get_string(req, "gedaan", &v))
			ctx->gedaan = v;
		article_rows_init(&ctx->rows);
		db_start(req, &ctx->db, NULL, NULL, show_start);
	}
	return (db_run(req));
}

/* Visitors: first the content generation, for the page cache. */
static int
show_start(struct http_request *req, struct db_ctx *db)
{
	if (!db->user.loaded)
		return (db_chain(req, db, &q_content_gen, gen_row, gen_done));
	return (show_query(req, db));
}

static int
show_query(struct http_request *req, struct db_ctx *db)
{
	struct pshow_ctx	*ctx = (struct pshow_ctx *)db;

	db->params[0] = ctx->slug;
	db->params[1] = db->user.loaded ? db->user.id : "";
	db->params[2] = i18n_code(ctx->loc);
	return (db_chain(req, db, &q_pilot_page, show_row, show_done));
}

static void
gen_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct pshow_ctx	*ctx = (struct pshow_ctx *)db;
	char			*end;

	errno = 0;
	ctx->gen = strtoll(db_text(sql, r, 0), &end, 10);
	ctx->gen_ok = errno == 0 && *end == '\0';
}

static int
gen_done(struct http_request *req, struct db_ctx *db)
{
	struct pshow_ctx	*ctx = (struct pshow_ctx *)db;
	int			 n;

	/* Nothing on the page depends on the day: no date in the key. */
	n = snprintf(ctx->key, sizeof(ctx->key), "pilot/%s %s", ctx->slug,
	    i18n_code(ctx->loc));
	if (!ctx->gen_ok || n < 0 || (size_t)n >= sizeof(ctx->key)) {
		ctx->gen_ok = 0;
		return (show_query(req, db));
	}
	if (!view_cached(req, ctx->loc, ctx->key, ctx->gen, PILOT_PATH))
		return (show_query(req, db));
	return (HTTP_STATE_COMPLETE);
}

static void
show_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct pshow_ctx	*ctx = (struct pshow_ctx *)db;

	article_rows_add(&ctx->rows, sql, r);
}

static int
show_done(struct http_request *req, struct db_ctx *db)
{
	struct pshow_ctx	*ctx = (struct pshow_ctx *)db;
	struct sbuf		 main, title;

	if (article_rows_first(&ctx->rows, QA_ARTICLE) == NULL) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	sbuf_init(&main);
	sbuf_init(&title);
	if (personal(&main, ctx) == -1 || pilot_main(&main, &title, ctx->loc,
	    &ctx->rows, db->user.loaded && lessons_editable(&ctx->rows)) ==
	    -1) {
		resp_error(req, 500);
	} else {
		/* A visitor's page has nothing personal in it. */
		if (!db->user.loaded && ctx->gen_ok)
			pcache_put(ctx->key, ctx->gen, main.data, main.len,
			    sbuf_cstr(&title));
		view_page_main(req, 200, ctx->loc, sbuf_cstr(&title),
		    PILOT_PATH, &main);
	}
	sbuf_free(&main);
	sbuf_free(&title);
	return (HTTP_STATE_COMPLETE);
}

static int
may_edit(const struct article_rows *rows)
{
	return (strcmp(pilot_col(article_rows_first(rows, QA_PERSONAL), 1),
	    "true") == 0);
}

/* Lessons of an archived pilot: editors only (lesson_may_edit()). */
static int
lessons_editable(const struct article_rows *rows)
{
	const struct article_row	*p, *a;

	p = article_rows_first(rows, QA_PERSONAL);
	a = article_rows_first(rows, QA_ARTICLE);
	return (may_edit(rows) &&
	    (strcmp(pilot_col(a, 5), "gearchiveerd") != 0 ||
	    strcmp(pilot_col(p, 3), "true") == 0));
}

/*
 * What depends on who reads: nothing for visitors; for people signed in
 * the notice of what they just did, and for those who may act on the
 * pilot its status, the editors' feedback, what is still missing and
 * the action bar; for every reader of a published pilot the follow
 * button and the "Melden" link.
 */
static int
personal(struct sbuf *out, struct pshow_ctx *ctx)
{
	const struct article_row	*a, *p, *w;
	const char			*status;
	struct sbuf			 s;
	size_t				 i;
	int				 rc;

	if (!ctx->db.user.loaded)
		return (0);
	a = article_rows_first(&ctx->rows, QA_ARTICLE);
	p = article_rows_first(&ctx->rows, QA_PERSONAL);
	w = article_rows_first(&ctx->rows, QP_WHEN);
	if (a == NULL || p == NULL)
		return (-1);
	rc = 0;
	for (i = 0; i < NBINDS(done_words); i++) {
		if (strcmp(ctx->gedaan, done_words[i].word) != 0)
			continue;
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, done_words[i].msg),
			    TPL_TEXT },
		};
		rc |= view_append(out, VIEW_notice, ctx->loc, b, NBINDS(b));
	}
	if (follow_notice(out, ctx->loc, ctx->gedaan) == -1)
		rc = -1;

	/* Hidden by a moderator: only authors and moderators get here. */
	if (strcmp(pilot_col(p, 6), "true") == 0) {
		const char	*args[1];

		sbuf_init(&s);
		args[0] = pilot_col(p, 7);
		i18n_fmt(&s, i18n_get(ctx->loc, MSG_pilot_status_hidden),
		    args, 1);
		rc |= banner(out, ctx->loc, i18n_get(ctx->loc,
		    MSG_article_st_hidden), sbuf_cstr(&s));
		sbuf_free(&s);
	}
	status = pilot_col(a, 5);
	if (strcmp(status, "ter_review") == 0)
		rc |= banner(out, ctx->loc, i18n_get(ctx->loc,
		    MSG_article_st_ter_review), i18n_get(ctx->loc,
		    MSG_pilot_status_ter_review));
	else if (strcmp(status, "gearchiveerd") == 0)
		rc |= banner(out, ctx->loc, i18n_get(ctx->loc,
		    MSG_article_st_gearchiveerd), i18n_get(ctx->loc,
		    MSG_pilot_status_gearchiveerd));
	else if (strcmp(status, "gepubliceerd") != 0)
		rc |= banner(out, ctx->loc, i18n_get(ctx->loc,
		    MSG_article_st_concept), i18n_get(ctx->loc,
		    MSG_pilot_status_concept));

	/* Sent back: a concept again, with the editors' feedback. */
	if (may_edit(&ctx->rows) && *pilot_col(p, 0) != '\0' &&
	    strcmp(status, "concept") == 0) {
		const struct tpl_bind	b[] = {
			{ "feedback", pilot_col(p, 0), TPL_TEXT },
		};
		rc |= view_append(out, VIEW_pilot_show_feedback, ctx->loc, b,
		    NBINDS(b));
	}
	if (may_edit(&ctx->rows) && *pilot_col(w, 4) != '\0')
		rc |= missing(out, ctx->loc, pilot_col(w, 4));
	rc |= actions(out, ctx, a, p);

	/* Any reader of a published pilot may follow it and report it. */
	if (strcmp(status, "gepubliceerd") == 0) {
		const struct article_row	*f;

		f = article_rows_first(&ctx->rows, QP_FOLLOW);
		sbuf_init(&s);
		sbuf_printf(&s, PILOT_PATH "/%s", pilot_col(a, 7));
		follow_button(out, ctx->loc, ctx->db.user.csrf, "item",
		    pilot_col(p, 5), strcmp(pilot_col(f, 0), "true") == 0,
		    sbuf_cstr(&s));
		sbuf_free(&s);
		rc |= flag_link(out, ctx->loc, "item", pilot_col(p, 5));
	}
	return (rc == 0 ? 0 : -1);
}

static int
banner(struct sbuf *out, enum locale loc, const char *label, const char *text)
{
	const struct tpl_bind	b[] = {
		{ "label", label, TPL_TEXT },
		{ "text", text, TPL_TEXT },
	};

	return (view_append(out, VIEW_article_banner, loc, b, NBINDS(b)));
}

/* "Nog nodig voor publicatie:" and the fields pilot_missing() names. */
static int
missing(struct sbuf *out, enum locale loc, const char *list)
{
	const struct pilot_word	*w;
	struct sbuf		 items, one;
	const char		*p, *e;
	int			 rc;

	sbuf_init(&items);
	sbuf_init(&one);
	rc = 0;
	for (p = list; *p != '\0'; p = *e == ',' ? e + 1 : e) {
		if ((e = strchr(p, ',')) == NULL)
			e = p + strlen(p);
		sbuf_reset(&one);
		sbuf_add(&one, p, (size_t)(e - p));
		if ((w = pilot_required_field(sbuf_cstr(&one))) == NULL)
			continue;
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(loc, w->msg), TPL_TEXT },
		};
		rc |= view_append(&items, VIEW_pilot_show_li, loc, b,
		    NBINDS(b));
	}
	if (items.len > 0) {
		const struct tpl_bind	b[] = {
			{ "items", sbuf_cstr(&items), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_pilot_show_missing, loc, b,
		    NBINDS(b));
	}
	sbuf_free(&items);
	sbuf_free(&one);
	return (rc);
}

/*
 * The action bar: what item_transition() would allow this reader. The
 * handlers behind it (the editor, the workflow, lessons) and the SQL
 * decide again.
 */
static int
actions(struct sbuf *out, struct pshow_ctx *ctx, const struct article_row *a,
    const struct article_row *p)
{
	struct item_actions	ia;
	struct sbuf		base, lesson;
	int			rc;

	sbuf_init(&base);
	sbuf_init(&lesson);
	sbuf_printf(&base, PILOT_PATH "/%s", pilot_col(a, 7));
	sbuf_printf(&lesson, "%s/lessen", sbuf_cstr(&base));
	memset(&ia, 0, sizeof(ia));
	ia.base = sbuf_cstr(&base);
	ia.status = pilot_col(a, 5);
	ia.csrf = ctx->db.user.csrf;
	ia.may_edit = strcmp(pilot_col(p, 1), "true") == 0;
	ia.owner = strcmp(pilot_col(p, 2), "true") == 0;
	ia.editor = strcmp(pilot_col(p, 3), "true") == 0;
	ia.extra = sbuf_cstr(&lesson);
	ia.extra_label = MSG_pilot_act_lesson;
	ia.label = MSG_pilot_actions_label;
	rc = item_actions(out, ctx->loc, &ia);
	sbuf_free(&base);
	sbuf_free(&lesson);
	return (rc);
}

static void
show_free(struct http_request *req)
{
	struct pshow_ctx	*ctx = http_state_get(req);

	article_rows_free(&ctx->rows);
}
