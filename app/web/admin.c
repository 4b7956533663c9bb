/*
 * Administration (issue 4), for admins only:
 *
 *   GET  /beheer                     303 to the user list
 *   GET  /beheer/gebruikers          find users (?q= ?rol= ?pagina=)
 *   POST /beheer/gebruikers/<id>     actie=rol (with rol=), blokkeren,
 *                                    deblokkeren; then 303 back
 *   GET  /beheer/audit               the audit log (?actie= ?pagina=)
 *
 * Each list page is one query (the total comes along as a window
 * count); each change is one statement that also writes the audit row
 * (db/q_admin.c). An admin can neither block themself nor drop their
 * own admin role, and the statement re-checks under a row lock that
 * the actor is still an admin: there is always one left.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/form.h"
#include "core/html.h"
#include "core/path.h"
#include "db/q_admin.h"
#include "web/auth.h"
#include "web/fv.h"
#include "web/resp.h"
#include "web/view.h"

#define ADMIN_USERS_PER_PAGE	25
#define ADMIN_AUDIT_PER_PAGE	50
#define ADMIN_Q_MAX		200		/* characters */
#define ADMIN_PAGE_MAX		100000
/* Our forms send at most three; Kore silently drops past 20. */
#define ADMIN_MAX_ARGS		10
#define ADMIN_USERS_PATH	"/beheer/gebruikers"
#define ADMIN_AUDIT_PATH	"/beheer/audit"

struct adm_qarg {
	const char	*key;
	const char	*val;
};

/* State of both list pages. */
struct adm_list {
	struct db_ctx	 db;
	enum locale	 loc;
	char		*q;		/* users: search text */
	const char	*rol;		/* users: role filter */
	const char	*actie;		/* audit: action filter */
	enum msg_id	 err;		/* message next to the field */
	int		 bad;		/* an unusable argument: 400 */
	long		 page;
	long		 total;
	char		 offset[24];
	char		 limit[8];
	struct sbuf	 back;		/* users: this page, for terug */
	struct sbuf	 rows;
};

/* What differs between the two list pages. */
struct list_kind {
	const char	*path;
	int		 per;
	enum msg_id	 none, one, count;
	enum view_id	 table;
};

static const struct list_kind	users_list = {
	ADMIN_USERS_PATH, ADMIN_USERS_PER_PAGE, MSG_admin_users_none,
	MSG_admin_users_one, MSG_admin_users_count, VIEW_admin_users_table
};
static const struct list_kind	audit_list = {
	ADMIN_AUDIT_PATH, ADMIN_AUDIT_PER_PAGE, MSG_admin_audit_none,
	MSG_admin_audit_one, MSG_admin_audit_count, VIEW_admin_audit_table
};

/* State of a change. */
struct adm_upd {
	struct db_ctx	 db;
	enum locale	 loc;
	char		 id[24];
	const char	*actie;
	const char	*rol;
	const char	*back;
	int		 gone;
	int		 actor_ok;
};

static const char *const	roles[] = {
	"lid", "ervaringsdeskundige", "redacteur", "beheerder", NULL
};
static const enum msg_id	role_msgs[] = {
	MSG_role_lid, MSG_role_ervaringsdeskundige, MSG_role_redacteur,
	MSG_role_beheerder
};
static const char *const	kinds[] = {
	"professional", "ervaringsdeskundige", "anders", NULL
};
static const enum msg_id	kind_msgs[] = {
	MSG_admin_kind_professional, MSG_admin_kind_ervaringsdeskundige,
	MSG_admin_kind_anders
};
static const char *const	statuses[] = {
	"actief", "geblokkeerd", "verwijderd", NULL
};
static const enum msg_id	status_msgs[] = {
	MSG_admin_status_actief, MSG_admin_status_geblokkeerd,
	MSG_admin_status_verwijderd
};
/* The actions the audit filter offers (written here and elsewhere). */
static const char *const	actions[] = {
	"rol_gewijzigd", "geblokkeerd", "gedeblokkeerd", "inloggen_limiet",
	"account_verwijderd", "export", "beheerder_aangemaakt",
	/* Content (issue 5): item_save(), item_transition(), themes. */
	"aanmaken",
	"indienen",
	"goedkeuren",
	"publiceren",
	"terugsturen",
	"archiveren",
	"terugzetten",
	"gecontroleerd",
	"versie_herstellen",
	"eigenaar_gewijzigd",
	"thema_aangemaakt",
	"thema_gewijzigd",
	"thema_samenvoegen",
	/* Communities (issue 6): member_act(), topic_act(), moderate(). */
	"gemeenschap_aangemaakt",
	"gemeenschap_gewijzigd",
	"lid_geworden",
	"lid_vertrokken",
	"lid_toegelaten",
	"lid_afgewezen",
	"lid_uitgenodigd",
	"uitnodiging_ingetrokken",
	"lid_verwijderd",
	"moderator_benoemd",
	"moderator_ontslagen",
	"gesprek_vastzetten",
	"gesprek_losmaken",
	"gesprek_sluiten",
	"gesprek_heropenen",
	"bericht_bewerkt",
	"bericht_verborgen",
	"bericht_hersteld",
	"bericht_afgewezen",
	"item_verborgen",
	"item_hersteld",
	"item_afgewezen",
	NULL
};
static const enum msg_id	action_msgs[] = {
	MSG_admin_act_rol_gewijzigd, MSG_admin_act_geblokkeerd,
	MSG_admin_act_gedeblokkeerd, MSG_admin_act_inloggen_limiet,
	MSG_admin_act_account_verwijderd, MSG_admin_act_export,
	MSG_admin_act_beheerder_aangemaakt,
	MSG_admin_act_aanmaken,
	MSG_admin_act_indienen,
	MSG_admin_act_goedkeuren,
	MSG_admin_act_publiceren,
	MSG_admin_act_terugsturen,
	MSG_admin_act_archiveren,
	MSG_admin_act_terugzetten,
	MSG_admin_act_gecontroleerd,
	MSG_admin_act_versie_herstellen,
	MSG_admin_act_eigenaar_gewijzigd,
	MSG_admin_act_thema_aangemaakt,
	MSG_admin_act_thema_gewijzigd,
	MSG_admin_act_thema_samenvoegen,
	MSG_admin_act_gemeenschap_aangemaakt,
	MSG_admin_act_gemeenschap_gewijzigd,
	MSG_admin_act_lid_geworden,
	MSG_admin_act_lid_vertrokken,
	MSG_admin_act_lid_toegelaten,
	MSG_admin_act_lid_afgewezen,
	MSG_admin_act_lid_uitgenodigd,
	MSG_admin_act_uitnodiging_ingetrokken,
	MSG_admin_act_lid_verwijderd,
	MSG_admin_act_moderator_benoemd,
	MSG_admin_act_moderator_ontslagen,
	MSG_admin_act_gesprek_vastzetten,
	MSG_admin_act_gesprek_losmaken,
	MSG_admin_act_gesprek_sluiten,
	MSG_admin_act_gesprek_heropenen,
	MSG_admin_act_bericht_bewerkt,
	MSG_admin_act_bericht_verborgen,
	MSG_admin_act_bericht_hersteld,
	MSG_admin_act_bericht_afgewezen,
	MSG_admin_act_item_verborgen,
	MSG_admin_act_item_hersteld,
	MSG_admin_act_item_afgewezen
};

static int	home_checked(struct http_request *, struct db_ctx *);

static struct adm_list *list_begin(struct http_request *);
static int	page_arg(struct http_request *, long *);
static void	list_limits(struct adm_list *, int);
static const char *label(enum locale, const char *const *,
		    const enum msg_id *, const char *);
static int	options(struct sbuf *, enum locale, const char *const *,
		    const enum msg_id *, const char *, enum msg_id);
static void	list_href(struct sbuf *, const char *,
		    const struct adm_qarg *, size_t, long);
static int	pager(struct sbuf *, enum locale, const char *,
		    const struct adm_qarg *, size_t, long, long, int, int);
static int	count_text(struct sbuf *, enum locale, enum msg_id, long);
static int	list_results(struct sbuf *, struct adm_list *,
		    const struct list_kind *, const struct adm_qarg *, size_t);
static void	list_free(struct http_request *);

static int	users_start(struct http_request *, struct db_ctx *);
static void	users_row(struct db_ctx *, struct kore_pgsql *, int);
static int	users_done(struct http_request *, struct db_ctx *);
static int	users_render(struct http_request *, struct adm_list *, int);

static int	upd_checked(struct http_request *, struct db_ctx *);
static void	upd_row(struct db_ctx *, struct kore_pgsql *, int);
static int	upd_done(struct http_request *, struct db_ctx *);
static int	upd_message(struct http_request *, struct adm_upd *, int,
		    enum msg_id);

static int	audit_start(struct http_request *, struct db_ctx *);
static void	audit_row(struct db_ctx *, struct kore_pgsql *, int);
static int	audit_done(struct http_request *, struct db_ctx *);
static int	audit_render(struct http_request *, struct adm_list *, int);
static int	audit_who(struct sbuf *, enum locale, const char *,
		    const char *, const char *);

/* GET /beheer */
int
admin_home(struct http_request *req)
{
	struct db_ctx	*db;

	if (!http_state_exists(req)) {
		db = http_state_create(req, sizeof(*db), NULL);
		db_start(req, db, NULL, NULL, home_checked);
	}
	return (db_run(req));
}

static int
home_checked(struct http_request *req, struct db_ctx *db)
{
	if (auth_require(req, db, ROLE_BEHEERDER))
		resp_redirect(req, ADMIN_USERS_PATH);
	return (HTTP_STATE_COMPLETE);
}

/* ---- shared by the list pages ----------------------------------------- */

static struct adm_list *
list_begin(struct http_request *req)
{
	struct adm_list	*ctx;

	http_populate_get(req);
	ctx = http_state_create(req, sizeof(*ctx), list_free);
	ctx->loc = resp_locale(req);
	ctx->q = "";
	ctx->rol = "";
	ctx->actie = "";
	ctx->err = MSG__MAX;
	sbuf_init(&ctx->back);
	sbuf_init(&ctx->rows);
	if (path_query_args(req->query_string) > ADMIN_MAX_ARGS ||
	    !page_arg(req, &ctx->page))
		ctx->bad = 1;
	return (ctx);
}


/* ?pagina=N, 1 when absent; 0 if it is not a page number. */
static int
page_arg(struct http_request *req, long *page)
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
	if (*end != '\0' || errno != 0 || n > ADMIN_PAGE_MAX)
		return (0);
	*page = n;
	return (1);
}

static void
list_limits(struct adm_list *ctx, int per)
{
	(void)snprintf(ctx->offset, sizeof(ctx->offset), "%ld",
	    (ctx->page - 1) * per);
	(void)snprintf(ctx->limit, sizeof(ctx->limit), "%d", per);
}

/* The words for a code; an unknown code is shown as it is. */
static const char *
label(enum locale loc, const char *const *names, const enum msg_id *msgs,
    const char *v)
{
	int	i;

	if ((i = form_choice(v, names)) == -1)
		return (v);
	return (i18n_get(loc, msgs[i]));
}

/* <option>s for names, cur selected; first an "all" one unless MSG__MAX. */
static int
options(struct sbuf *out, enum locale loc, const char *const *names,
    const enum msg_id *msgs, const char *cur, enum msg_id all)
{
	static const char	sel[] = " selected";
	size_t			i;

	if (all != MSG__MAX) {
		const struct tpl_bind	b[] = {
			{ "value", "", TPL_TEXT },
			{ "selected", *cur == '\0' ? sel : "",
			    TPL_TRUSTED_HTML },
			{ "label", i18n_get(loc, all), TPL_TEXT },
		};
		if (view_append(out, VIEW_admin_option, loc, b, NBINDS(b)))
			return (-1);
	}
	for (i = 0; names[i] != NULL; i++) {
		const struct tpl_bind	b[] = {
			{ "value", names[i], TPL_TEXT },
			{ "selected", strcmp(cur, names[i]) == 0 ? sel : "",
			    TPL_TRUSTED_HTML },
			{ "label", i18n_get(loc, msgs[i]), TPL_TEXT },
		};
		if (view_append(out, VIEW_admin_option, loc, b, NBINDS(b)))
			return (-1);
	}
	return (0);
}

/* base?k=v&...&pagina=N, leaving out empty values and page 1. */
static void
list_href(struct sbuf *sb, const char *base, const struct adm_qarg *a,
    size_t n, long page)
{
	size_t	i;
	char	sep;

	sbuf_puts(sb, base);
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
pager(struct sbuf *out, enum locale loc, const char *base,
    const struct adm_qarg *a, size_t n, long page, long total, int per,
    int nrows)
{
	struct sbuf	 links, href, of;
	char		 p[24], np[24];
	const char	*args[2];
	long		 pages;
	int		 rc;

	if (page == 1 && total <= per)
		return (0);
	pages = (total + per - 1) / per;
	sbuf_init(&links);
	sbuf_init(&href);
	sbuf_init(&of);
	rc = 0;
	if (page > 1) {
		/* Past the end there is no total: back to the start. */
		list_href(&href, base, a, n, nrows > 0 ? page - 1 : 1);
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "rel", "prev", TPL_TEXT },
			{ "label", i18n_get(loc, MSG_admin_prev), TPL_TEXT },
		};
		rc |= view_append(&links, VIEW_admin_pager_link, loc, b,
		    NBINDS(b));
	}
	if (nrows > 0 && page < pages) {
		sbuf_reset(&href);
		list_href(&href, base, a, n, page + 1);
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "rel", "next", TPL_TEXT },
			{ "label", i18n_get(loc, MSG_admin_next), TPL_TEXT },
		};
		rc |= view_append(&links, VIEW_admin_pager_link, loc, b,
		    NBINDS(b));
	}
	if (nrows > 0) {
		(void)snprintf(p, sizeof(p), "%ld", page);
		(void)snprintf(np, sizeof(np), "%ld", pages);
		args[0] = p;
		args[1] = np;
		i18n_fmt(&of, i18n_get(loc, MSG_admin_page_of), args, 2);
	}
	{
		const struct tpl_bind	b[] = {
			{ "page_of", sbuf_cstr(&of), TPL_TEXT },
			{ "links", sbuf_cstr(&links), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_admin_pager, loc, b, NBINDS(b));
	}
	sbuf_free(&links);
	sbuf_free(&href);
	sbuf_free(&of);
	return (rc);
}

static int
count_text(struct sbuf *out, enum locale loc, enum msg_id msg, long n)
{
	char		 num[24];
	const char	*args[1];

	(void)snprintf(num, sizeof(num), "%ld", n);
	args[0] = num;
	i18n_fmt(out, i18n_get(loc, msg), args, 1);
	return (0);
}

/*
 * The result part of a list page: the empty-state message, or the count,
 * the table of rows and the pager.
 */
static int
list_results(struct sbuf *out, struct adm_list *ctx,
    const struct list_kind *k, const struct adm_qarg *a, size_t na)
{
	struct sbuf	count, pg;
	int		rc;

	if (ctx->db.nrows == 0) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(ctx->loc, k->none), TPL_TEXT },
		};
		rc = view_append(out, VIEW_empty, ctx->loc, b, NBINDS(b));
		rc |= pager(out, ctx->loc, k->path, a, na, ctx->page, 0,
		    k->per, 0);
		return (rc);
	}
	sbuf_init(&count);
	sbuf_init(&pg);
	rc = count_text(&count, ctx->loc, ctx->total == 1 ? k->one :
	    k->count, ctx->total);
	rc |= pager(&pg, ctx->loc, k->path, a, na, ctx->page, ctx->total,
	    k->per, ctx->db.nrows);
	{
		const struct tpl_bind	b[] = {
			{ "count", sbuf_cstr(&count), TPL_TEXT },
			{ "rows", sbuf_cstr(&ctx->rows), TPL_TRUSTED_HTML },
			{ "pager", sbuf_cstr(&pg), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, k->table, ctx->loc, b, NBINDS(b));
	}
	sbuf_free(&count);
	sbuf_free(&pg);
	return (rc);
}

static void
list_free(struct http_request *req)
{
	struct adm_list	*ctx = http_state_get(req);

	sbuf_free(&ctx->back);
	sbuf_free(&ctx->rows);
}

/* ---- GET /beheer/gebruikers ------------------------------------------- */

int
admin_users(struct http_request *req)
{
	struct adm_list	*ctx;
	char		*v;

	if (!http_state_exists(req)) {
		ctx = list_begin(req);
		if (http_argument_get_string(req, "q", &v)) {
			v = form_trim(v);
			if (!html_utf8_valid(v, strlen(v)))
				ctx->err = MSG_admin_q_bad_chars;
			else if (form_chars(v) > ADMIN_Q_MAX) {
				ctx->err = MSG_admin_q_too_long;
				ctx->q = v;	/* shown again as typed */
			} else
				ctx->q = v;
		} else if (path_query_has(req->query_string, "q")) {
			/* Dropped by Kore: over 1000 bytes or control bytes. */
			ctx->err = strlen(req->query_string) > 1000 ?
			    MSG_admin_q_too_long : MSG_admin_q_bad_chars;
		}
		if (http_argument_get_string(req, "rol", &v)) {
			if (form_choice(v, roles) == -1)
				ctx->bad = 1;
			else
				ctx->rol = v;
		} else if (path_query_has(req->query_string, "rol"))
			ctx->bad = 1;
		db_start(req, &ctx->db, NULL, NULL, users_start);
	}
	return (db_run(req));
}

static int
users_start(struct http_request *req, struct db_ctx *db)
{
	struct adm_list		*ctx = (struct adm_list *)db;
	const struct adm_qarg	 a[] = {
		{ "q", ctx->q }, { "rol", ctx->rol },
	};

	if (!auth_require(req, db, ROLE_BEHEERDER))
		return (HTTP_STATE_COMPLETE);
	if (ctx->bad) {
		resp_error(req, 400);
		return (HTTP_STATE_COMPLETE);
	}
	if (ctx->err != MSG__MAX)
		return (users_render(req, ctx, 400));
	list_href(&ctx->back, ADMIN_USERS_PATH, a, NBINDS(a), ctx->page);
	list_limits(ctx, ADMIN_USERS_PER_PAGE);
	db->params[0] = ctx->q;
	db->params[1] = ctx->rol;
	db->params[2] = ctx->offset;
	db->params[3] = ctx->limit;
	return (db_chain(req, db, &q_admin_users, users_row, users_done));
}

static void
users_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct adm_list	*ctx = (struct adm_list *)db;
	struct sbuf	 acts, opts, rl;
	const char	*id, *name, *email, *status, *role, *args[1];
	int		 rc;

	id = db_text(sql, r, QAU_ID);
	name = db_text(sql, r, QAU_NAME);
	if (*name == '\0')
		name = i18n_get(ctx->loc, MSG_former_member);
	email = db_text(sql, r, QAU_EMAIL);
	if (*email == '\0')
		email = i18n_get(ctx->loc, MSG_admin_no_email);
	status = db_text(sql, r, QAU_STATUS);
	role = db_text(sql, r, QAU_ROLE);
	if (r == 0)
		ctx->total = strtol(db_text(sql, r, QAU_TOTAL), NULL, 10);

	sbuf_init(&acts);
	sbuf_init(&opts);
	sbuf_init(&rl);
	rc = 0;
	if (strcmp(status, "verwijderd") == 0)
		;	/* nothing left to change */
	else if (strcmp(id, db->user.id) == 0)
		rc = view_append(&acts, VIEW_admin_user_self, ctx->loc,
		    NULL, 0);
	else {
		args[0] = name;
		i18n_fmt(&rl, i18n_get(ctx->loc, MSG_admin_role_of), args, 1);
		rc = options(&opts, ctx->loc, roles, role_msgs, role,
		    MSG__MAX);
		const int		 blocked =
		    strcmp(status, "geblokkeerd") == 0;
		const struct tpl_bind	 b[] = {
			{ "id", id, TPL_TEXT },
			{ "csrf", db->user.csrf, TPL_TEXT },
			{ "back", sbuf_cstr(&ctx->back), TPL_TEXT },
			{ "role_label", sbuf_cstr(&rl), TPL_TEXT },
			{ "role_options", sbuf_cstr(&opts),
			    TPL_TRUSTED_HTML },
			{ "block_action", blocked ? "deblokkeren" :
			    "blokkeren", TPL_TEXT },
			{ "block_label", i18n_get(ctx->loc, blocked ?
			    MSG_admin_unblock : MSG_admin_block), TPL_TEXT },
		};
		rc |= view_append(&acts, VIEW_admin_user_actions, ctx->loc,
		    b, NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "id", id, TPL_TEXT },
			{ "name", name, TPL_TEXT },
			{ "email", email, TPL_TEXT },
			{ "kind", label(ctx->loc, kinds, kind_msgs,
			    db_text(sql, r, QAU_KIND)), TPL_TEXT },
			{ "role", label(ctx->loc, roles, role_msgs, role),
			    TPL_TEXT },
			{ "status", label(ctx->loc, statuses, status_msgs,
			    status), TPL_TEXT },
			{ "created", db_text(sql, r, QAU_CREATED), TPL_TEXT },
			{ "actions", sbuf_cstr(&acts), TPL_TRUSTED_HTML },
		};
		if (rc != 0 || view_append(&ctx->rows, VIEW_admin_user_row,
		    ctx->loc, b, NBINDS(b)) != 0)
			db->failed = 1;
	}
	sbuf_free(&acts);
	sbuf_free(&opts);
	sbuf_free(&rl);
}

static int
users_done(struct http_request *req, struct db_ctx *db)
{
	return (users_render(req, (struct adm_list *)db, 200));
}

/* The page; with status 200 the results, else the field error. */
static int
users_render(struct http_request *req, struct adm_list *ctx, int status)
{
	static const char *const	 fields[] = { "q", NULL };
	const struct adm_qarg		 a[] = {
		{ "q", ctx->q }, { "rol", ctx->rol },
	};
	struct sbuf			 results, opts;
	struct fv			 fv;
	int				 rc;

	sbuf_init(&results);
	sbuf_init(&opts);
	fv_init(&fv, ctx->loc);
	if (ctx->err != MSG__MAX)
		fv_error(&fv, "q", ctx->err, NULL);
	rc = options(&opts, ctx->loc, roles, role_msgs, ctx->rol,
	    MSG_admin_all_roles);
	if (status == 200)
		rc |= list_results(&results, ctx, &users_list, a, NBINDS(a));
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	fixed[] = {
			{ "q", ctx->q, TPL_TEXT },
			{ "role_options", sbuf_cstr(&opts),
			    TPL_TRUSTED_HTML },
			{ "results", sbuf_cstr(&results), TPL_TRUSTED_HTML },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(fields) * FV_BINDS_PER_FIELD];
		size_t			n;

		n = fv_binds(&fv, fields, fixed, NBINDS(fixed), b, NBINDS(b));
		view_page(req, status, ctx->loc,
		    i18n_get(ctx->loc, MSG_admin_users_title),
		    ADMIN_USERS_PATH, VIEW_admin_users, b, n);
	}
	fv_free(&fv);
	sbuf_free(&results);
	sbuf_free(&opts);
	return (HTTP_STATE_COMPLETE);
}

/* ---- POST /beheer/gebruikers/<id> ------------------------------------- */

int
admin_user_update(struct http_request *req)
{
	struct adm_upd	*ctx;
	const char	*p;
	char		*v;
	long long	 id;

	if (!http_state_exists(req)) {
		http_populate_post(req);
		ctx = http_state_create(req, sizeof(*ctx), NULL);
		ctx->loc = resp_locale(req);
		ctx->actie = "";
		ctx->rol = "";
		ctx->back = ADMIN_USERS_PATH;
		/* The route allows only 1 to 18 digits: always a bigint. */
		p = req->path + strlen(ADMIN_USERS_PATH "/");
		id = strtoll(p, NULL, 10);
		(void)snprintf(ctx->id, sizeof(ctx->id), "%lld", id);
		if (http_argument_get_string(req, "actie", &v))
			ctx->actie = v;
		if (http_argument_get_string(req, "rol", &v))
			ctx->rol = v;
		/* Back to the list only, with its search and page. */
		if (http_argument_get_string(req, "terug", &v) &&
		    path_local_ok(v) && strncmp(v, ADMIN_USERS_PATH,
		    strlen(ADMIN_USERS_PATH)) == 0 &&
		    (v[strlen(ADMIN_USERS_PATH)] == '\0' ||
		    v[strlen(ADMIN_USERS_PATH)] == '?'))
			ctx->back = v;
		db_start(req, &ctx->db, NULL, NULL, upd_checked);
	}
	return (db_run(req));
}

static int
upd_checked(struct http_request *req, struct db_ctx *db)
{
	struct adm_upd		*ctx = (struct adm_upd *)db;
	const struct db_query	*q;
	int			 self;

	if (!auth_require(req, db, ROLE_BEHEERDER))
		return (HTTP_STATE_COMPLETE);
	if (!auth_post_ok(req, db))
		return (upd_message(req, ctx, 403, MSG_csrf_failed));
	self = strcmp(ctx->id, db->user.id) == 0;
	if (strcmp(ctx->actie, "rol") == 0) {
		if (form_choice(ctx->rol, roles) == -1)
			return (upd_message(req, ctx, 400, MSG_admin_bad_role));
		if (self && strcmp(ctx->rol, "beheerder") != 0)
			return (upd_message(req, ctx, 400,
			    MSG_admin_self_demote));
		db->params[0] = ctx->id;
		db->params[1] = ctx->rol;
		db->params[2] = db->user.id;
		q = &q_admin_set_role;
	} else if (strcmp(ctx->actie, "blokkeren") == 0) {
		if (self)
			return (upd_message(req, ctx, 400,
			    MSG_admin_self_block));
		db->params[0] = ctx->id;
		db->params[1] = db->user.id;
		q = &q_admin_block;
	} else if (strcmp(ctx->actie, "deblokkeren") == 0) {
		db->params[0] = ctx->id;
		db->params[1] = db->user.id;
		q = &q_admin_unblock;
	} else
		return (upd_message(req, ctx, 400, MSG_admin_bad_action));
	return (db_chain(req, db, q, upd_row, upd_done));
}

static void
upd_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct adm_upd	*ctx = (struct adm_upd *)db;

	ctx->gone = strcmp(db_text(sql, r, QAX_GONE), "t") == 0;
	ctx->actor_ok = strcmp(db_text(sql, r, QAX_ACTOR), "t") == 0;
}

static int
upd_done(struct http_request *req, struct db_ctx *db)
{
	struct adm_upd	*ctx = (struct adm_upd *)db;

	if (db->nrows == 0) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	/* The actor lost the admin role since the session was loaded. */
	if (!ctx->actor_ok) {
		resp_error(req, 403);
		return (HTTP_STATE_COMPLETE);
	}
	if (ctx->gone)
		return (upd_message(req, ctx, 400, MSG_admin_user_deleted));
	resp_redirect(req, ctx->back);
	return (HTTP_STATE_COMPLETE);
}

static int
upd_message(struct http_request *req, struct adm_upd *ctx, int status,
    enum msg_id msg)
{
	const struct tpl_bind	b[] = {
		{ "title", i18n_get(ctx->loc, MSG_admin_update_title),
		    TPL_TEXT },
		{ "text", i18n_get(ctx->loc, msg), TPL_TEXT },
		{ "back", ctx->back, TPL_TEXT },
	};

	view_page(req, status, ctx->loc,
	    i18n_get(ctx->loc, MSG_admin_update_title), ADMIN_USERS_PATH,
	    VIEW_admin_message, b, NBINDS(b));
	return (HTTP_STATE_COMPLETE);
}

/* ---- GET /beheer/audit ------------------------------------------------ */

int
admin_audit(struct http_request *req)
{
	struct adm_list	*ctx;
	char		*v;

	if (!http_state_exists(req)) {
		ctx = list_begin(req);
		if (http_argument_get_string(req, "actie", &v)) {
			if (form_choice(v, actions) == -1)
				ctx->err = MSG_admin_actie_bad;
			else
				ctx->actie = v;
		} else if (path_query_has(req->query_string, "actie"))
			ctx->err = MSG_admin_actie_bad;
		db_start(req, &ctx->db, NULL, NULL, audit_start);
	}
	return (db_run(req));
}

static int
audit_start(struct http_request *req, struct db_ctx *db)
{
	struct adm_list	*ctx = (struct adm_list *)db;

	if (!auth_require(req, db, ROLE_BEHEERDER))
		return (HTTP_STATE_COMPLETE);
	if (ctx->bad) {
		resp_error(req, 400);
		return (HTTP_STATE_COMPLETE);
	}
	if (ctx->err != MSG__MAX)
		return (audit_render(req, ctx, 400));
	list_limits(ctx, ADMIN_AUDIT_PER_PAGE);
	db->params[0] = ctx->actie;
	db->params[1] = ctx->offset;
	db->params[2] = ctx->limit;
	return (db_chain(req, db, &q_admin_audit, audit_row, audit_done));
}

/*
 * Who or what a log row names: a link (an account's profile, an item,
 * a theme), "systeem" for no account, "voormalig lid" for a deleted
 * account, and "#id" for an item or theme that no longer exists.
 */
static int
audit_who(struct sbuf *out, enum locale loc, const char *id,
    const char *name, const char *href)
{
	int	rc;

	/* A storyteller's own step on their story (db/q_admin.c). */
	if (strcmp(id, "verteller") == 0) {
		html_text(out, i18n_get(loc, MSG_sfl_audit_teller),
		    strlen(i18n_get(loc, MSG_sfl_audit_teller)));
		return (0);
	}
	if (*id == '\0') {
		html_text(out, i18n_get(loc, MSG_admin_system),
		    strlen(i18n_get(loc, MSG_admin_system)));
		return (0);
	}
	if (*href == '\0') {
		sbuf_putc(out, '#');
		html_text(out, id, strlen(id));
		return (0);
	}
	if (*name == '\0')
		name = i18n_get(loc, MSG_former_member);
	{
		const struct tpl_bind	b[] = {
			{ "href", href, TPL_TEXT },
			{ "label", name, TPL_TEXT },
		};
		rc = view_append(out, VIEW_admin_link, loc, b, NBINDS(b));
	}
	return (rc);
}

static void
audit_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct adm_list	*ctx = (struct adm_list *)db;
	struct sbuf	 actor, target, href;
	const char	*tid;
	int		 rc;

	if (r == 0)
		ctx->total = strtol(db_text(sql, r, QAA_TOTAL), NULL, 10);
	sbuf_init(&actor);
	sbuf_init(&target);
	sbuf_init(&href);
	sbuf_printf(&href, "/mensen/%s", db_text(sql, r, QAA_ACTOR_ID));
	rc = audit_who(&actor, ctx->loc, db_text(sql, r, QAA_ACTOR_ID),
	    db_text(sql, r, QAA_ACTOR_NAME), sbuf_cstr(&href));
	tid = db_text(sql, r, QAA_TARGET_ID);
	if (*tid != '\0')
		rc |= audit_who(&target, ctx->loc, tid,
		    db_text(sql, r, QAA_TARGET_NAME),
		    db_text(sql, r, QAA_TARGET_HREF));
	{
		const struct tpl_bind	b[] = {
			{ "at", db_text(sql, r, QAA_AT), TPL_TEXT },
			{ "action", label(ctx->loc, actions, action_msgs,
			    db_text(sql, r, QAA_ACTION)), TPL_TEXT },
			{ "actor", sbuf_cstr(&actor), TPL_TRUSTED_HTML },
			{ "target", sbuf_cstr(&target), TPL_TRUSTED_HTML },
			{ "detail", db_text(sql, r, QAA_DETAIL), TPL_TEXT },
		};
		if (rc != 0 || view_append(&ctx->rows, VIEW_admin_audit_row,
		    ctx->loc, b, NBINDS(b)) != 0)
			db->failed = 1;
	}
	sbuf_free(&actor);
	sbuf_free(&target);
	sbuf_free(&href);
}

static int
audit_done(struct http_request *req, struct db_ctx *db)
{
	return (audit_render(req, (struct adm_list *)db, 200));
}

static int
audit_render(struct http_request *req, struct adm_list *ctx, int status)
{
	static const char *const	 fields[] = { "actie", NULL };
	const struct adm_qarg		 a[] = {
		{ "actie", ctx->actie },
	};
	struct sbuf			 results, opts;
	struct fv			 fv;
	int				 rc;

	sbuf_init(&results);
	sbuf_init(&opts);
	fv_init(&fv, ctx->loc);
	if (ctx->err != MSG__MAX)
		fv_error(&fv, "actie", ctx->err, NULL);
	rc = options(&opts, ctx->loc, actions, action_msgs, ctx->actie,
	    MSG_admin_all_actions);
	if (status == 200)
		rc |= list_results(&results, ctx, &audit_list, a, NBINDS(a));
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	fixed[] = {
			{ "options", sbuf_cstr(&opts), TPL_TRUSTED_HTML },
			{ "results", sbuf_cstr(&results), TPL_TRUSTED_HTML },
		};
		struct tpl_bind		b[NBINDS(fixed) +
		    NBINDS(fields) * FV_BINDS_PER_FIELD];
		size_t			n;

		n = fv_binds(&fv, fields, fixed, NBINDS(fixed), b, NBINDS(b));
		view_page(req, status, ctx->loc,
		    i18n_get(ctx->loc, MSG_admin_audit_title),
		    ADMIN_AUDIT_PATH, VIEW_admin_audit, b, n);
	}
	fv_free(&fv);
	sbuf_free(&results);
	sbuf_free(&opts);
	return (HTTP_STATE_COMPLETE);
}
