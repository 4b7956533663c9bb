/*
 * Reading articles (issue 5):
 *
 *   GET /artikelen/{slug}   ?gedaan=WORD   the article page
 *   GET /artikelen          ?thema= &gemeenschap= &tag= &sorteer= &pagina=
 *
 * The page is one query (q_article_page: typed rows) rendered in two
 * parts: article_main() is what every reader sees and depends on the
 * rows alone; the status banner, the editors' feedback, the action bar
 * and the "done" notice depend on who reads and come before it. Drafts,
 * items in review and archived items exist only for those who may edit
 * them (item_may_edit() in SQL); everyone else gets 404.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "core/html.h"
#include "core/md.h"
#include "core/path.h"
#include "core/pcache.h"
#include "db/q.h"
#include "db/q_notify.h"
#include "web/article.h"
#include "web/flag.h"
#include "web/follow.h"
#include "web/help.h"
#include "web/item_actions.h"
#include "web/fv.h"
#include "web/kind.h"
#include "web/resp.h"
#include "web/rows.h"
#include "web/view.h"

#define ARTICLE_PATH		"/artikelen"
#define ARTICLE_PER_PAGE	20
#define ARTICLE_PAGE_MAX	100000
#define ARTICLE_TAG_MAX		40	/* characters, as item_tag */
/* The filter form sends five; Kore silently drops past 20. */
#define ARTICLE_MAX_ARGS	10
#define ARTICLE_SEP		" \xc2\xb7 "	/* " · " */

/* The article page. */
struct art_ctx {
	struct db_ctx		 db;
	enum locale		 loc;
	char			 slug[PATH_SLUG_MAX + 1];
	const char		*gedaan;
	struct article_rows	 rows;
	/* Signed in: the follow button's item and state (q_follow_item). */
	char			 item_id[24];
	int			 following;
	/* Visitors: the content generation and the page's cache key. */
	long long		 gen;
	int			 gen_ok;
	char			 key[PCACHE_KEY_MAX + 1];
};

/* The list page. */
struct alist_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	const char	*thema;
	const char	*gemeenschap;
	const char	*sorteer;
	const char	*tag_typed;	/* shown again as typed */
	char		 tag[ARTICLE_TAG_MAX * 4 + 1];
	long		 page;
	long		 total;
	int		 bad;		/* some value was refused */
	int		 theme_found;
	int		 comm_found;
	char		 offset[24];
	char		 limit[8];
	struct fv	 fv;
	struct sbuf	 theme_opts;
	struct sbuf	 comm_opts;
	struct sbuf	 rows;
	/* Visitors: the content generation and the page's cache key. */
	long long	 gen;
	int		 gen_ok;
	char		 key[PCACHE_KEY_MAX + 1];
};

struct qarg {
	const char	*key;
	const char	*val;
};

/* ?gedaan= words (B1's and B2's redirects) and their notices. */
static const struct {
	const char	*word;
	enum msg_id	 msg;
} done_words[] = {
	{ "opgeslagen", MSG_article_done_opgeslagen },
	{ "ingediend", MSG_article_done_ingediend },
	{ "goedgekeurd", MSG_article_done_goedgekeurd },
	{ "teruggestuurd", MSG_article_done_teruggestuurd },
	{ "gearchiveerd", MSG_article_done_gearchiveerd },
	{ "teruggezet", MSG_article_done_teruggezet },
	{ "gecontroleerd", MSG_article_done_gecontroleerd },
	{ "gemeld", MSG_flag_done },	/* web/flag.c */
	{ "hersteld", MSG_article_done_hersteld },
};

static const char *const	sorts[] = {
	"nieuw", "titel", "gecontroleerd", NULL
};
static const enum msg_id	sort_msgs[] = {
	MSG_article_sort_nieuw, MSG_article_sort_titel,
	MSG_article_sort_gecontroleerd
};

static int	show_start(struct http_request *, struct db_ctx *);
static int	show_query(struct http_request *, struct db_ctx *);
static void	follow_row(struct db_ctx *, struct kore_pgsql *, int);
static void	gen_row(struct db_ctx *, struct kore_pgsql *, int);
static int	gen_done(struct http_request *, struct db_ctx *);
static void	show_row(struct db_ctx *, struct kore_pgsql *, int);
static int	show_done(struct http_request *, struct db_ctx *);
static int	personal(struct sbuf *, struct art_ctx *);
static int	actions(struct sbuf *, struct art_ctx *,
		    const struct article_row *, const struct article_row *);
static void	show_free(struct http_request *);

static int	meta_entry(struct sbuf *, enum locale, enum msg_id,
		    const char *);
static int	person_html(struct sbuf *, enum locale, const char *,
		    const char *);
static void	reading_text(struct sbuf *, enum locale, const char *);
static int	main_meta(struct sbuf *, enum locale,
		    const struct article_rows *, const struct article_row *,
		    const struct article_row *);
static const char *col(const struct article_row *, int);
static enum msg_id kind_label(const char *);

static int	list_page_arg(struct http_request *, long *);
static void	list_args(struct http_request *, struct alist_ctx *);
static int	list_start(struct http_request *, struct db_ctx *);
static void	list_gen_row(struct db_ctx *, struct kore_pgsql *, int);
static int	list_gen_done(struct http_request *, struct db_ctx *);
static int	list_query(struct http_request *, struct db_ctx *);
static void	list_send(struct http_request *, struct alist_ctx *,
		    const struct tpl_bind *, size_t);
static void	list_row(struct db_ctx *, struct kore_pgsql *, int);
static int	list_done(struct http_request *, struct db_ctx *);
static int	list_option(struct sbuf *, enum locale, const char *,
		    const char *, int);
static void	list_href(struct sbuf *, const struct qarg *, size_t, long);
static int	list_pager(struct sbuf *, struct alist_ctx *,
		    const struct qarg *, size_t);
static int	list_results(struct sbuf *, struct alist_ctx *,
		    const struct qarg *, size_t);
static void	list_free(struct http_request *);

/* ---- rows ----------------------------------------------------------- */

void
article_rows_init(struct article_rows *rows)
{
	memset(rows, 0, sizeof(*rows));
}

void
article_rows_add(struct article_rows *rows, struct kore_pgsql *sql, int r)
{
	struct article_row	*row;
	int			 i;

	if (rows->n == rows->cap) {
		rows->cap = rows->cap == 0 ? 32 : rows->cap * 2;
		rows->v = kore_realloc(rows->v, rows->cap * sizeof(*rows->v));
	}
	row = &rows->v[rows->n++];
	row->type = (int)strtol(db_text(sql, r, QA_TYPE), NULL, 10);
	for (i = 0; i < ARTICLE_COLS; i++)
		row->c[i] = db_isnull(sql, r, QA_C1 + i) ? NULL :
		    kore_strdup(db_text(sql, r, QA_C1 + i));
}

void
article_rows_free(struct article_rows *rows)
{
	size_t	i;
	int	k;

	for (i = 0; i < rows->n; i++) {
		for (k = 0; k < ARTICLE_COLS; k++)
			kore_free(rows->v[i].c[k]);
	}
	kore_free(rows->v);
	memset(rows, 0, sizeof(*rows));
}

const struct article_row *
article_rows_first(const struct article_rows *rows, int type)
{
	size_t	i;

	for (i = 0; i < rows->n; i++) {
		if (rows->v[i].type == type)
			return (&rows->v[i]);
	}
	return (NULL);
}

/* Column QA_C1 + i of a row as text; "" for NULL. */
static const char *
col(const struct article_row *row, int i)
{
	return (row->c[i] != NULL ? row->c[i] : "");
}

/* ---- small parts ---------------------------------------------------- */

static enum msg_id
kind_label(const char *kind)
{
	if (strcmp(kind, "pilot") == 0)
		return (MSG_article_kind_pilot);
	if (strcmp(kind, "mastermind") == 0)
		return (MSG_article_kind_mastermind);
	if (strcmp(kind, "verhaal") == 0)
		return (MSG_article_kind_verhaal);
	if (strcmp(kind, "bron") == 0)
		return (MSG_article_kind_bron);
	return (MSG_article_kind_artikel);
}

static int
meta_entry(struct sbuf *out, enum locale loc, enum msg_id label,
    const char *value)
{
	const struct tpl_bind	b[] = {
		{ "label", i18n_get(loc, label), TPL_TEXT },
		{ "value", value, TPL_TRUSTED_HTML },
	};

	return (view_append(out, VIEW_article_meta, loc, b, NBINDS(b)));
}

/* A person by display name, linked to their profile; or "voormalig lid". */
static int
person_html(struct sbuf *out, enum locale loc, const char *id,
    const char *name)
{
	struct sbuf	href;
	const char	*former;
	int		rc;

	if (name == NULL) {
		former = i18n_get(loc, MSG_former_member);
		html_text(out, former, strlen(former));
		return (0);
	}
	sbuf_init(&href);
	sbuf_printf(&href, "/mensen/%s", id);
	rc = row_link(out, loc, sbuf_cstr(&href), name);
	sbuf_free(&href);
	return (rc);
}

/* "5 minuten" from a word count, as text. */
static void
reading_text(struct sbuf *out, enum locale loc, const char *words)
{
	unsigned int	 m;
	char		 n[16];
	const char	*args[1];

	m = md_reading_minutes((size_t)strtoul(words, NULL, 10));
	if (m == 1) {
		sbuf_puts(out, i18n_get(loc, MSG_article_minute));
		return;
	}
	(void)snprintf(n, sizeof(n), "%u", m);
	args[0] = n;
	i18n_fmt(out, i18n_get(loc, MSG_article_minutes), args, 1);
}

int
article_item_row(struct sbuf *out, enum locale loc, const char *kind,
    const char *slug, const char *title, const char *summary,
    const char *date, const char *words, int with_kind)
{
	const struct kind	*k;
	struct sbuf		 href, meta, txt;
	const char		*s;
	int			 rc;

	if ((k = kind_by_name(kind)) == NULL)
		return (-1);
	sbuf_init(&href);
	sbuf_init(&meta);
	sbuf_init(&txt);
	rc = 0;
	sbuf_printf(&href, "%s/%s", k->path, slug);
	if (with_kind) {
		s = i18n_get(loc, kind_label(kind));
		html_text(&meta, s, strlen(s));
	}
	if (date != NULL && *date != '\0') {
		if (meta.len > 0)
			sbuf_puts(&meta, ARTICLE_SEP);
		s = i18n_get(loc, MSG_article_published);
		html_text(&meta, s, strlen(s));
		sbuf_putc(&meta, ' ');
		rc |= row_time(&meta, loc, date);
	}
	if (words != NULL && strtoul(words, NULL, 10) > 0) {
		if (meta.len > 0)
			sbuf_puts(&meta, ARTICLE_SEP);
		sbuf_printf(&txt, "%s: ", i18n_get(loc, MSG_article_reading));
		reading_text(&txt, loc, words);
		html_text(&meta, txt.data, txt.len);
	}
	{
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "title", title, TPL_TEXT },
			{ "summary", summary, TPL_TEXT },
			{ "meta", sbuf_cstr(&meta), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_article_item_row, loc, b,
		    NBINDS(b));
	}
	sbuf_free(&href);
	sbuf_free(&meta);
	sbuf_free(&txt);
	return (rc);
}

void
article_moved(struct http_request *req, const char *location)
{
	http_response_header(req, "x-content-type-options", "nosniff");
	http_response_header(req, "referrer-policy", "same-origin");
	http_response_header(req, "location", location);
	/* An old slug could be given to a new theme one day. */
	http_response_header(req, "cache-control", "max-age=86400");
	http_response_header(req, "content-type", "text/plain; charset=utf-8");
	http_response(req, 301, NULL, 0);
}

/* ---- what every reader sees ----------------------------------------- */

/* The <dl> entries: who, how long, when, checked, approved, where. */
static int
main_meta(struct sbuf *out, enum locale loc, const struct article_rows *rows,
    const struct article_row *a, const struct article_row *m)
{
	struct sbuf	 v;
	const char	*s;
	size_t		 i;
	int		 rc, n;

	sbuf_init(&v);
	rc = 0;

	/* Authors by display name (a pseudonym, never an address). */
	for (i = 0, n = 0; i < rows->n; i++) {
		if (rows->v[i].type != QA_AUTHOR)
			continue;
		if (n++ > 0)
			sbuf_puts(&v, ", ");
		rc |= person_html(&v, loc, col(&rows->v[i], 0),
		    rows->v[i].c[1]);
	}
	if (n == 0) {
		s = i18n_get(loc, MSG_article_editorial);
		html_text(&v, s, strlen(s));
	}
	rc |= meta_entry(out, loc, MSG_article_authors, sbuf_cstr(&v));

	sbuf_reset(&v);
	{
		struct sbuf	t;

		sbuf_init(&t);
		reading_text(&t, loc, col(a, 4));
		html_text(&v, t.data, t.len);
		sbuf_free(&t);
	}
	rc |= meta_entry(out, loc, MSG_article_reading, sbuf_cstr(&v));

	if (*col(a, 6) != '\0') {
		sbuf_reset(&v);
		rc |= row_time(&v, loc, col(a, 6));
		rc |= meta_entry(out, loc, MSG_article_published,
		    sbuf_cstr(&v));
	}

	/* Checked: a date, or none yet; due after 12 months (SQL). */
	if (*col(m, 0) != '\0' || strcmp(col(m, 1), "true") == 0) {
		sbuf_reset(&v);
		if (*col(m, 0) != '\0')
			rc |= row_time(&v, loc, col(m, 0));
		else {
			s = i18n_get(loc, MSG_article_not_checked);
			html_text(&v, s, strlen(s));
		}
		if (strcmp(col(m, 1), "true") == 0)
			rc |= view_append(&v, VIEW_article_due, loc, NULL, 0);
		rc |= meta_entry(out, loc, MSG_article_checked, sbuf_cstr(&v));
	}

	if (*col(m, 2) != '\0') {
		sbuf_reset(&v);
		rc |= person_html(&v, loc, col(m, 2), m->c[3]);
		if (*col(m, 4) != '\0') {
			s = i18n_get(loc, MSG_article_approved_on);
			sbuf_putc(&v, ' ');
			html_text(&v, s, strlen(s));
			sbuf_putc(&v, ' ');
			rc |= row_time(&v, loc, col(m, 4));
		}
		rc |= meta_entry(out, loc, MSG_article_approved,
		    sbuf_cstr(&v));
		if (*col(m, 5) != '\0') {
			sbuf_reset(&v);
			html_text(&v, col(m, 5), strlen(col(m, 5)));
			rc |= meta_entry(out, loc, MSG_article_approve_note,
			    sbuf_cstr(&v));
		}
	}

	if (*col(m, 6) != '\0') {
		struct sbuf	href;

		sbuf_init(&href);
		sbuf_puts(&href, ARTICLE_PATH "?gemeenschap=");
		sbuf_urlenc(&href, col(m, 6));
		sbuf_reset(&v);
		rc |= row_link(&v, loc, sbuf_cstr(&href), col(m, 7));
		rc |= meta_entry(out, loc, MSG_article_community,
		    sbuf_cstr(&v));
		sbuf_free(&href);
	}

	/* Themes and tags: links to their pages and lists. */
	sbuf_reset(&v);
	for (i = 0, n = 0; i < rows->n; i++) {
		struct sbuf	href;

		if (rows->v[i].type != QA_THEME)
			continue;
		if (n++ > 0)
			sbuf_puts(&v, ", ");
		sbuf_init(&href);
		sbuf_printf(&href, "/themas/%s", col(&rows->v[i], 0));
		rc |= row_link(&v, loc, sbuf_cstr(&href),
		    col(&rows->v[i], 1));
		sbuf_free(&href);
	}
	if (n > 0)
		rc |= meta_entry(out, loc, MSG_article_themes, sbuf_cstr(&v));

	sbuf_reset(&v);
	for (i = 0, n = 0; i < rows->n; i++) {
		struct sbuf	href;

		if (rows->v[i].type != QA_TAG)
			continue;
		if (n++ > 0)
			sbuf_puts(&v, ", ");
		sbuf_init(&href);
		sbuf_puts(&href, ARTICLE_PATH "?tag=");
		sbuf_urlenc(&href, col(&rows->v[i], 0));
		rc |= row_link(&v, loc, sbuf_cstr(&href),
		    col(&rows->v[i], 0));
		sbuf_free(&href);
	}
	if (n > 0)
		rc |= meta_entry(out, loc, MSG_article_tags, sbuf_cstr(&v));

	sbuf_free(&v);
	return (rc);
}

int
article_refs(struct sbuf *out, enum locale loc, const struct article_rows *rows,
    int type, const char *id, enum msg_id heading)
{
	struct sbuf	list;
	size_t		i, at;
	int		rc;

	sbuf_init(&list);
	rc = 0;
	for (i = 0; i < rows->n; i++) {
		const struct article_row	*r = &rows->v[i];

		if (r->type != type)
			continue;
		at = list.len;
		rc |= article_item_row(&list, loc, col(r, 0), col(r, 1),
		    col(r, 2), col(r, 3), NULL, NULL, 1);
		/* A story's warnings (issue 9); "" for every other kind. */
		rc |= row_warned(&list, at, loc, col(r, 4));
	}
	if (list.len > 0) {
		const struct tpl_bind	b[] = {
			{ "id", id, TPL_TEXT },
			{ "heading", i18n_get(loc, heading), TPL_TEXT },
			{ "rows", sbuf_cstr(&list), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_article_refs, loc, b, NBINDS(b));
	}
	sbuf_free(&list);
	return (rc);
}

int
article_main(struct sbuf *out, struct sbuf *title, enum locale loc,
    const struct article_rows *rows)
{
	const struct article_row	*a, *m;
	struct sbuf			 meta, toc, rel, back;
	int				 rc;

	if ((a = article_rows_first(rows, QA_ARTICLE)) == NULL ||
	    (m = article_rows_first(rows, QA_META)) == NULL)
		return (-1);
	sbuf_init(&meta);
	sbuf_init(&toc);
	sbuf_init(&rel);
	sbuf_init(&back);
	rc = main_meta(&meta, loc, rows, a, m);
	rc |= help_banner_tags(out, loc, rows);	/* a tag asks for help */
	if (*col(a, 3) != '\0') {
		/* toc_html: md_doc_render's output, stored on save. */
		const struct tpl_bind	b[] = {
			{ "toc", col(a, 3), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&toc, VIEW_article_toc, loc, b, NBINDS(b));
	}
	/* Ids with "_": a heading's id in the body is a slug, never so. */
	rc |= article_refs(&rel, loc, rows, QA_RELATED, "art_related",
	    MSG_article_related);
	rc |= article_refs(&back, loc, rows, QA_BACKLINK, "art_backlinks",
	    MSG_article_backlinks);
	if (rc == 0) {
		/* body_html: cmark output (md.c), rendered when saved. */
		const struct tpl_bind	b[] = {
			{ "title", col(a, 0), TPL_TEXT },
			{ "summary", col(a, 1), TPL_TEXT },
			{ "meta", sbuf_cstr(&meta), TPL_TRUSTED_HTML },
			{ "toc", sbuf_cstr(&toc), TPL_TRUSTED_HTML },
			{ "body", col(a, 2), TPL_TRUSTED_HTML },
			{ "related", sbuf_cstr(&rel), TPL_TRUSTED_HTML },
			{ "backlinks", sbuf_cstr(&back), TPL_TRUSTED_HTML },
		};
		rc = view_append(out, VIEW_article, loc, b, NBINDS(b));
	}
	if (rc == 0)
		sbuf_puts(title, col(a, 0));
	sbuf_free(&meta);
	sbuf_free(&toc);
	sbuf_free(&rel);
	sbuf_free(&back);
	return (rc == 0 ? 0 : -1);
}

/* ---- GET /artikelen/{slug} ------------------------------------------ */

int
article_show(struct http_request *req)
{
	struct art_ctx	*ctx;
	char		 slug[PATH_SLUG_MAX + 1];
	char		*v;

	if (!http_state_exists(req)) {
		if (path_slug(req->path, ARTICLE_PATH, slug,
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

/*
 * The session is known: who reads decides what may be seen. Visitors
 * all see the same published page, so theirs comes from the worker's
 * page cache (core/pcache.h) when the content generation has not moved
 * since it was rendered: one trivial query instead of the page's own.
 */
static int
show_start(struct http_request *req, struct db_ctx *db)
{
	struct art_ctx	*ctx = (struct art_ctx *)db;

	if (!db->user.loaded)
		return (db_chain(req, db, &q_content_gen, gen_row, gen_done));
	/* The follow button's state first, then the page. */
	db->params[0] = db->user.id;
	db->params[1] = "artikel";
	db->params[2] = ctx->slug;
	return (db_chain(req, db, &q_follow_item, follow_row, show_query));
}

static void
follow_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct art_ctx	*ctx = (struct art_ctx *)db;

	(void)kore_strlcpy(ctx->item_id, db_text(sql, r, QFS_ID),
	    sizeof(ctx->item_id));
	ctx->following = strcmp(db_text(sql, r, QFS_FOLLOWING), "true") == 0;
}

static int
show_query(struct http_request *req, struct db_ctx *db)
{
	struct art_ctx	*ctx = (struct art_ctx *)db;

	db->params[0] = ctx->slug;
	db->params[1] = db->user.loaded ? db->user.id : "";
	return (db_chain(req, db, &q_article_page, show_row, show_done));
}

static void
gen_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct art_ctx	*ctx = (struct art_ctx *)db;
	char		*end;

	errno = 0;
	ctx->gen = strtoll(db_text(sql, r, 0), &end, 10);
	ctx->gen_ok = errno == 0 && *end == '\0';
}

static int
gen_done(struct http_request *req, struct db_ctx *db)
{
	struct art_ctx		*ctx = (struct art_ctx *)db;
	time_t			 now;
	int			 n;

	/*
	 * The day is in the key: "toe aan controle" is worked out from
	 * now() when rendered, so no page outlives its day.
	 */
	now = time(NULL);
	n = snprintf(ctx->key, sizeof(ctx->key), "artikel/%s %s %lld",
	    ctx->slug, i18n_code(ctx->loc), (long long)(now / 86400));
	if (!ctx->gen_ok || n < 0 || (size_t)n >= sizeof(ctx->key)) {
		ctx->gen_ok = 0;
		return (show_query(req, db));
	}
	if (!view_cached(req, ctx->loc, ctx->key, ctx->gen, ARTICLE_PATH))
		return (show_query(req, db));
	return (HTTP_STATE_COMPLETE);
}

static void
show_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct art_ctx	*ctx = (struct art_ctx *)db;

	article_rows_add(&ctx->rows, sql, r);
}

static int
show_done(struct http_request *req, struct db_ctx *db)
{
	struct art_ctx	*ctx = (struct art_ctx *)db;
	struct sbuf	 main, title;

	if (article_rows_first(&ctx->rows, QA_ARTICLE) == NULL) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	sbuf_init(&main);
	sbuf_init(&title);
	if (personal(&main, ctx) == -1 ||
	    article_main(&main, &title, ctx->loc, &ctx->rows) == -1) {
		resp_error(req, 500);
	} else {
		/* A visitor's page has nothing personal in it. */
		if (!db->user.loaded && ctx->gen_ok)
			pcache_put(ctx->key, ctx->gen, main.data, main.len,
			    sbuf_cstr(&title));
		view_page_main(req, 200, ctx->loc, sbuf_cstr(&title),
		    ARTICLE_PATH, &main);
	}
	sbuf_free(&main);
	sbuf_free(&title);
	return (HTTP_STATE_COMPLETE);
}

/*
 * What depends on who reads: nothing for visitors; for people signed in
 * the notice of what they just did, and for those who may act on the
 * article its status, the editors' feedback and the action bar.
 */
static int
personal(struct sbuf *out, struct art_ctx *ctx)
{
	const struct article_row	*a, *p;
	const char			*status;
	size_t				 i;
	int				 rc;

	if (!ctx->db.user.loaded)
		return (0);
	a = article_rows_first(&ctx->rows, QA_ARTICLE);
	p = article_rows_first(&ctx->rows, QA_PERSONAL);
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

	/* Hidden by a moderator: only authors and moderators get here.
	 * The query sends the boolean as text: 'true'. */
	if (strcmp(col(p, 6), "true") == 0) {
		struct sbuf	 why;
		const char	*args[1];

		sbuf_init(&why);
		args[0] = col(p, 7);
		i18n_fmt(&why, i18n_get(ctx->loc, MSG_article_status_hidden),
		    args, 1);
		const struct tpl_bind	b[] = {
			{ "label", i18n_get(ctx->loc, MSG_article_st_hidden),
			    TPL_TEXT },
			{ "text", sbuf_cstr(&why), TPL_TEXT },
		};
		rc |= view_append(out, VIEW_article_banner, ctx->loc, b,
		    NBINDS(b));
		sbuf_free(&why);
	}
	status = col(a, 5);
	if (strcmp(status, "gepubliceerd") != 0) {
		enum msg_id	label, text;

		if (strcmp(status, "ter_review") == 0) {
			label = MSG_article_st_ter_review;
			text = MSG_article_status_ter_review;
		} else if (strcmp(status, "gearchiveerd") == 0) {
			label = MSG_article_st_gearchiveerd;
			text = MSG_article_status_gearchiveerd;
		} else {
			label = MSG_article_st_concept;
			text = MSG_article_status_concept;
		}
		const struct tpl_bind	b[] = {
			{ "label", i18n_get(ctx->loc, label), TPL_TEXT },
			{ "text", i18n_get(ctx->loc, text), TPL_TEXT },
		};
		rc |= view_append(out, VIEW_article_banner, ctx->loc, b,
		    NBINDS(b));
	}

	/* Sent back: the item is a concept again and carries feedback. */
	if (strcmp(col(p, 1), "true") == 0 && *col(p, 0) != '\0' &&
	    strcmp(status, "concept") == 0) {
		const struct tpl_bind	b[] = {
			{ "feedback", col(p, 0), TPL_TEXT },
		};
		rc |= view_append(out, VIEW_article_feedback, ctx->loc, b,
		    NBINDS(b));
	}
	rc |= actions(out, ctx, a, p);
	/* Any reader of a published article may follow it. */
	if (strcmp(status, "gepubliceerd") == 0 && ctx->item_id[0] != '\0') {
		struct sbuf	back;

		sbuf_init(&back);
		sbuf_printf(&back, ARTICLE_PATH "/%s", col(a, 7));
		follow_button(out, ctx->loc, ctx->db.user.csrf, "item",
		    ctx->item_id, ctx->following, sbuf_cstr(&back));
		sbuf_free(&back);
		rc |= flag_link(out, ctx->loc, "item", ctx->item_id);
	}
	return (rc == 0 ? 0 : -1);
}

/*
 * The action bar. It offers what item_transition() would allow this
 * reader; the handlers behind it (article_edit.c, article_flow.c) and
 * the SQL decide again.
 */
static int
actions(struct sbuf *out, struct art_ctx *ctx, const struct article_row *a,
    const struct article_row *p)
{
	struct item_actions	ia;
	struct sbuf		base;
	int			rc;

	sbuf_init(&base);
	sbuf_printf(&base, ARTICLE_PATH "/%s", col(a, 7));
	memset(&ia, 0, sizeof(ia));
	ia.base = sbuf_cstr(&base);
	ia.status = col(a, 5);
	ia.csrf = ctx->db.user.csrf;
	ia.may_edit = strcmp(col(p, 1), "true") == 0;
	ia.owner = strcmp(col(p, 2), "true") == 0;
	ia.editor = strcmp(col(p, 3), "true") == 0;
	ia.with_check = 1;
	ia.label = MSG_article_actions_label;
	rc = item_actions(out, ctx->loc, &ia);
	sbuf_free(&base);
	return (rc);
}

static void
show_free(struct http_request *req)
{
	struct art_ctx	*ctx = http_state_get(req);

	article_rows_free(&ctx->rows);
}

/* ---- GET /artikelen ------------------------------------------------- */

/* ?pagina=N, 1 when absent; 0 if it is not a page number. */
static int
list_page_arg(struct http_request *req, long *page)
{
	char	*v, *end;
	long	 n;

	*page = 1;
	if (!http_argument_get_string(req, "pagina", &v))
		return (!path_query_has(req->query_string, "pagina"));
	if (*v < '1' || *v > '9')
		return (0);
	errno = 0;
	n = strtol(v, &end, 10);
	if (*end != '\0' || errno != 0 || n > ARTICLE_PAGE_MAX)
		return (0);
	*page = n;
	return (1);
}

/* Read and check the filters; a refused one gets its message. */
static void
list_args(struct http_request *req, struct alist_ctx *ctx)
{
	const char	*qs = req->query_string;
	char		*v;

	if (path_query_args(qs) > ARTICLE_MAX_ARGS) {
		fv_form_error(&ctx->fv, MSG_article_too_many_args, NULL);
		ctx->bad = 1;
		return;
	}
	if (!list_page_arg(req, &ctx->page)) {
		fv_form_error(&ctx->fv, MSG_article_bad_page, NULL);
		ctx->page = 1;
		ctx->bad = 1;
	}
	if (http_argument_get_string(req, "thema", &v) &&
	    path_slug_ok(v, strlen(v)))
		ctx->thema = v;
	else if (path_query_has(qs, "thema")) {
		fv_error(&ctx->fv, "thema", MSG_article_bad_theme, NULL);
		ctx->bad = 1;
	}
	if (http_argument_get_string(req, "gemeenschap", &v) &&
	    path_slug_ok(v, strlen(v)))
		ctx->gemeenschap = v;
	else if (path_query_has(qs, "gemeenschap")) {
		fv_error(&ctx->fv, "gemeenschap", MSG_article_bad_community,
		    NULL);
		ctx->bad = 1;
	}
	if (http_argument_get_string(req, "sorteer", &v)) {
		if (form_choice(v, sorts) == -1) {
			fv_error(&ctx->fv, "sorteer", MSG_article_bad_sort,
			    NULL);
			ctx->bad = 1;
		} else
			ctx->sorteer = v;
	} else if (path_query_has(qs, "sorteer")) {
		fv_error(&ctx->fv, "sorteer", MSG_article_bad_sort, NULL);
		ctx->bad = 1;
	}
	if (http_argument_get_string(req, "tag", &v)) {
		v = form_trim(v);
		ctx->tag_typed = v;
		if (!html_utf8_valid(v, strlen(v)) || strchr(v, ',') != NULL) {
			fv_error(&ctx->fv, "tag", MSG_article_bad_tag, NULL);
			ctx->bad = 1;
		} else if (form_chars(v) > ARTICLE_TAG_MAX) {
			fv_error(&ctx->fv, "tag", MSG_article_tag_too_long,
			    NULL);
			ctx->bad = 1;
		} else	/* compared in lower case, as stored (SQL) */
			(void)kore_strlcpy(ctx->tag, v, sizeof(ctx->tag));
	} else if (path_query_has(qs, "tag")) {
		/* Dropped by Kore: control bytes or over 4000 bytes. */
		fv_error(&ctx->fv, "tag", MSG_article_bad_tag, NULL);
		ctx->bad = 1;
	}
}

int
article_list(struct http_request *req)
{
	struct alist_ctx	*ctx;

	if (!http_state_exists(req)) {
		http_populate_get(req);
		ctx = http_state_create(req, sizeof(*ctx), list_free);
		ctx->loc = resp_locale(req);
		ctx->thema = "";
		ctx->gemeenschap = "";
		ctx->sorteer = "nieuw";
		ctx->tag_typed = "";
		ctx->page = 1;
		fv_init(&ctx->fv, ctx->loc);
		sbuf_init(&ctx->theme_opts);
		sbuf_init(&ctx->comm_opts);
		sbuf_init(&ctx->rows);
		list_args(req, ctx);
		db_start(req, &ctx->db, NULL, NULL, list_start);
	}
	return (db_run(req));
}

/*
 * Visitors see the same list for the same filters: like the article
 * page, it comes from the page cache while content_gen stands still.
 */
static int
list_start(struct http_request *req, struct db_ctx *db)
{
	struct alist_ctx	*ctx = (struct alist_ctx *)db;

	if (!db->user.loaded && !ctx->bad)
		return (db_chain(req, db, &q_content_gen, list_gen_row,
		    list_gen_done));
	return (list_query(req, db));
}

static void
list_gen_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct alist_ctx	*ctx = (struct alist_ctx *)db;
	char			*end;

	errno = 0;
	ctx->gen = strtoll(db_text(sql, r, 0), &end, 10);
	ctx->gen_ok = errno == 0 && *end == '\0';
}

static int
list_gen_done(struct http_request *req, struct db_ctx *db)
{
	struct alist_ctx	*ctx = (struct alist_ctx *)db;
	int			 n;

	/*
	 * The values as typed (the page shows them), apart: Kore refuses
	 * control bytes in query values (STYLE.md c6), so \x1f cannot be
	 * in one.
	 */
	n = snprintf(ctx->key, sizeof(ctx->key),
	    "artikelen\x1f%s\x1f%lld\x1f%s\x1f%s\x1f%s\x1f%ld\x1f%s",
	    i18n_code(ctx->loc), (long long)(time(NULL) / 86400),
	    ctx->thema, ctx->gemeenschap, ctx->sorteer, ctx->page,
	    ctx->tag_typed);
	if (!ctx->gen_ok || n < 0 || (size_t)n >= sizeof(ctx->key)) {
		ctx->gen_ok = 0;
		return (list_query(req, db));
	}
	if (!view_cached(req, ctx->loc, ctx->key, ctx->gen, ARTICLE_PATH))
		return (list_query(req, db));
	return (HTTP_STATE_COMPLETE);
}

static int
list_query(struct http_request *req, struct db_ctx *db)
{
	struct alist_ctx	*ctx = (struct alist_ctx *)db;

	(void)snprintf(ctx->offset, sizeof(ctx->offset), "%ld",
	    (ctx->page - 1) * ARTICLE_PER_PAGE);
	/* With a refused value only the form comes back: no items. */
	(void)snprintf(ctx->limit, sizeof(ctx->limit), "%d",
	    ctx->bad ? 0 : ARTICLE_PER_PAGE);
	db->params[0] = ctx->thema;
	db->params[1] = ctx->gemeenschap;
	db->params[2] = ctx->tag;
	db->params[3] = ctx->sorteer;
	db->params[4] = ctx->offset;
	db->params[5] = ctx->limit;
	return (db_chain(req, db, &q_article_list, list_row, list_done));
}

static void
list_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct alist_ctx	*ctx = (struct alist_ctx *)db;
	int			 type, sel, rc;

	type = (int)strtol(db_text(sql, r, QLA_TYPE), NULL, 10);
	sel = strcmp(db_text(sql, r, QLA_C3), "true") == 0;
	rc = 0;
	switch (type) {
	case QL_T_THEME:
		ctx->theme_found |= sel;
		rc = list_option(&ctx->theme_opts, ctx->loc,
		    db_text(sql, r, QLA_C1), db_text(sql, r, QLA_C2), sel);
		break;
	case QL_T_COMMUNITY:
		ctx->comm_found |= sel;
		rc = list_option(&ctx->comm_opts, ctx->loc,
		    db_text(sql, r, QLA_C1), db_text(sql, r, QLA_C2), sel);
		break;
	case QL_T_ITEM:
		if (ctx->total == 0)
			ctx->total = strtol(db_text(sql, r, QLA_C7), NULL, 10);
		rc = article_item_row(&ctx->rows, ctx->loc, "artikel",
		    db_text(sql, r, QLA_C1), db_text(sql, r, QLA_C2),
		    db_text(sql, r, QLA_C3), db_text(sql, r, QLA_C5),
		    db_text(sql, r, QLA_C4), 0);
		break;
	}
	if (rc != 0)
		db->failed = 1;
}

static int
list_option(struct sbuf *out, enum locale loc, const char *value,
    const char *label, int selected)
{
	const struct tpl_bind	b[] = {
		{ "value", value, TPL_TEXT },
		{ "selected", selected ? " selected" : "", TPL_TRUSTED_HTML },
		{ "label", label, TPL_TEXT },
	};

	return (view_append(out, VIEW_article_option, loc, b, NBINDS(b)));
}

/* /artikelen?k=v&...&pagina=N, leaving out empty values and page 1. */
static void
list_href(struct sbuf *sb, const struct qarg *a, size_t n, long page)
{
	size_t	i;
	char	sep;

	sbuf_puts(sb, ARTICLE_PATH);
	sep = '?';
	for (i = 0; i < n; i++) {
		if (*a[i].val == '\0')
			continue;
		sbuf_putc(sb, sep);
		sbuf_puts(sb, a[i].key);
		sbuf_putc(sb, '=');
		sbuf_urlenc(sb, a[i].val);
		sep = '&';
	}
	if (page > 1) {
		sbuf_putc(sb, sep);
		sbuf_printf(sb, "pagina=%ld", page);
	}
}

/* "Vorige" / "Volgende" with "Pagina x van y", when there is more. */
static int
list_pager(struct sbuf *out, struct alist_ctx *ctx, const struct qarg *a,
    size_t n)
{
	struct sbuf	 links, href, of;
	char		 p[24], np[24];
	const char	*args[2];
	long		 pages;
	int		 rc, nrows;

	nrows = ctx->rows.len > 0;
	if (ctx->page == 1 && ctx->total <= ARTICLE_PER_PAGE)
		return (0);
	pages = (ctx->total + ARTICLE_PER_PAGE - 1) / ARTICLE_PER_PAGE;
	sbuf_init(&links);
	sbuf_init(&href);
	sbuf_init(&of);
	rc = 0;
	if (ctx->page > 1) {
		/* Past the end there is no total: back to the start. */
		list_href(&href, a, n, nrows ? ctx->page - 1 : 1);
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "rel", "prev", TPL_TEXT },
			{ "label", i18n_get(ctx->loc, MSG_article_prev),
			    TPL_TEXT },
		};
		rc |= view_append(&links, VIEW_article_pager_link, ctx->loc,
		    b, NBINDS(b));
	}
	if (nrows && ctx->page < pages) {
		sbuf_reset(&href);
		list_href(&href, a, n, ctx->page + 1);
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "rel", "next", TPL_TEXT },
			{ "label", i18n_get(ctx->loc, MSG_article_next),
			    TPL_TEXT },
		};
		rc |= view_append(&links, VIEW_article_pager_link, ctx->loc,
		    b, NBINDS(b));
	}
	if (nrows) {
		(void)snprintf(p, sizeof(p), "%ld", ctx->page);
		(void)snprintf(np, sizeof(np), "%ld", pages);
		args[0] = p;
		args[1] = np;
		i18n_fmt(&of, i18n_get(ctx->loc, MSG_article_page_of), args,
		    2);
	}
	{
		const struct tpl_bind	b[] = {
			{ "page_of", sbuf_cstr(&of), TPL_TEXT },
			{ "links", sbuf_cstr(&links), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_article_pager, ctx->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&links);
	sbuf_free(&href);
	sbuf_free(&of);
	return (rc);
}

/* The count, the entries and the pager; or why there are none. */
static int
list_results(struct sbuf *out, struct alist_ctx *ctx, const struct qarg *a,
    size_t n)
{
	struct sbuf	 count, pg;
	char		 num[24];
	const char	*args[1];
	enum msg_id	 none;
	int		 rc;

	sbuf_init(&count);
	sbuf_init(&pg);
	rc = list_pager(&pg, ctx, a, n);
	if (ctx->rows.len == 0) {
		if (ctx->page > 1)
			none = MSG_article_none_page;
		else if (*ctx->thema != '\0' || *ctx->gemeenschap != '\0' ||
		    *ctx->tag != '\0')
			none = MSG_article_none_filtered;
		else
			none = MSG_article_none;
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, none), TPL_TEXT },
			{ "pager", sbuf_cstr(&pg), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_article_empty, ctx->loc, b,
		    NBINDS(b));
	} else {
		if (ctx->total == 1)
			sbuf_puts(&count, i18n_get(ctx->loc,
			    MSG_article_count_one));
		else {
			(void)snprintf(num, sizeof(num), "%ld", ctx->total);
			args[0] = num;
			i18n_fmt(&count, i18n_get(ctx->loc, MSG_article_count),
			    args, 1);
		}
		const struct tpl_bind	b[] = {
			{ "count", sbuf_cstr(&count), TPL_TEXT },
			{ "rows", sbuf_cstr(&ctx->rows), TPL_TRUSTED_HTML },
			{ "pager", sbuf_cstr(&pg), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_article_results, ctx->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&count);
	sbuf_free(&pg);
	return (rc);
}

/* The list page; a visitor's copy of a good one goes into the cache. */
static void
list_send(struct http_request *req, struct alist_ctx *ctx,
    const struct tpl_bind *b, size_t n)
{
	struct sbuf	 main;
	const char	*title;

	title = i18n_get(ctx->loc, MSG_kind_artikel);
	if (ctx->bad || ctx->db.user.loaded || !ctx->gen_ok) {
		view_page(req, ctx->bad ? 400 : 200, ctx->loc, title,
		    ARTICLE_PATH, VIEW_article_list, b, n);
		return;
	}
	sbuf_init(&main);
	if (view_append(&main, VIEW_article_list, ctx->loc, b, n) == -1) {
		resp_error(req, 500);
	} else {
		pcache_put(ctx->key, ctx->gen, main.data, main.len, title);
		view_page_main(req, 200, ctx->loc, title, ARTICLE_PATH, &main);
	}
	sbuf_free(&main);
}

static int
list_done(struct http_request *req, struct db_ctx *db)
{
	static const char *const	 fields[] = {
		"thema", "gemeenschap", "tag", "sorteer", NULL
	};
	struct alist_ctx		*ctx = (struct alist_ctx *)db;
	struct sbuf			 results, themes, comms, sorts_o, newl;
	size_t				 i, n;
	int				 rc;

	/* A slug that is no theme (or a community not public): refused. */
	if (*ctx->thema != '\0' && !ctx->theme_found) {
		fv_error(&ctx->fv, "thema", MSG_article_bad_theme, NULL);
		ctx->thema = "";
		ctx->bad = 1;
	}
	if (*ctx->gemeenschap != '\0' && !ctx->comm_found) {
		fv_error(&ctx->fv, "gemeenschap", MSG_article_bad_community,
		    NULL);
		ctx->gemeenschap = "";
		ctx->bad = 1;
	}
	sbuf_init(&results);
	sbuf_init(&themes);
	sbuf_init(&comms);
	sbuf_init(&sorts_o);
	sbuf_init(&newl);
	rc = list_option(&themes, ctx->loc, "", i18n_get(ctx->loc,
	    MSG_article_f_all_themes), !ctx->theme_found);
	sbuf_add(&themes, ctx->theme_opts.data, ctx->theme_opts.len);
	rc |= list_option(&comms, ctx->loc, "", i18n_get(ctx->loc,
	    MSG_article_f_all_communities), !ctx->comm_found);
	sbuf_add(&comms, ctx->comm_opts.data, ctx->comm_opts.len);
	for (i = 0; sorts[i] != NULL; i++)
		rc |= list_option(&sorts_o, ctx->loc, sorts[i],
		    i18n_get(ctx->loc, sort_msgs[i]),
		    strcmp(ctx->sorteer, sorts[i]) == 0);
	if (db->user.loaded)
		rc |= view_append(&newl, VIEW_article_new_link, ctx->loc,
		    NULL, 0);
	if (!ctx->bad) {
		const struct qarg	a[] = {
			{ "thema", ctx->thema },
			{ "gemeenschap", ctx->gemeenschap },
			{ "tag", ctx->tag },
			{ "sorteer", strcmp(ctx->sorteer, "nieuw") == 0 ?
			    "" : ctx->sorteer },
		};
		rc |= list_results(&results, ctx, a, NBINDS(a));
	}
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	fixed[] = {
			{ "errors", fv_summary(&ctx->fv), TPL_TRUSTED_HTML },
			{ "new_link", sbuf_cstr(&newl), TPL_TRUSTED_HTML },
			{ "theme_options", sbuf_cstr(&themes),
			    TPL_TRUSTED_HTML },
			{ "community_options", sbuf_cstr(&comms),
			    TPL_TRUSTED_HTML },
			{ "tag", ctx->tag_typed, TPL_TEXT },
			{ "sort_options", sbuf_cstr(&sorts_o),
			    TPL_TRUSTED_HTML },
			{ "results", sbuf_cstr(&results), TPL_TRUSTED_HTML },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(fields) * FV_BINDS_PER_FIELD];

		n = fv_binds(&ctx->fv, fields, fixed, NBINDS(fixed), b,
		    NBINDS(b));
		list_send(req, ctx, b, n);
	}
	sbuf_free(&results);
	sbuf_free(&themes);
	sbuf_free(&comms);
	sbuf_free(&sorts_o);
	sbuf_free(&newl);
	return (HTTP_STATE_COMPLETE);
}

static void
list_free(struct http_request *req)
{
	struct alist_ctx	*ctx = http_state_get(req);

	fv_free(&ctx->fv);
	sbuf_free(&ctx->theme_opts);
	sbuf_free(&ctx->comm_opts);
	sbuf_free(&ctx->rows);
}
