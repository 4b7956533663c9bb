/*
 * Views and the layout. Values reach HTML only through tpl.c, which
 * escapes by default; the raw insertions are the TRUSTED bindings below,
 * each holding HTML that tpl.c itself (or cmark) produced.
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/html.h"
#include "core/pcache.h"
#include "web/auth.h"
#include "web/resp.h"
#include "web/view.h"

struct nav_entry {
	const char	*href;
	enum msg_id	 label;
};

static const struct nav_entry	nav[] = {
	{ "/artikelen", MSG_nav_articles },
	{ "/pilots", MSG_nav_pilots },
	{ "/masterminds", MSG_nav_masterminds },
	{ "/verhalen", MSG_nav_stories },
	{ "/bronnen", MSG_nav_resources },
	{ "/gemeenschappen", MSG_nav_communities },
	{ "/themas", MSG_nav_themes },
	{ "/monitor", MSG_nav_monitor },
	{ "/zoeken", MSG_nav_search },
};

/* The page a template-less failure falls back to: no loops, no data. */
static const char	fallback_500[] =
    "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\">"
    "<title>Er ging iets mis</title></head><body><main><h1>Er ging iets "
    "mis</h1><p>Probeer het later opnieuw.</p></main></body></html>";

static const char	*msg_cb(void *, const char *, size_t);
static int		 usermenu(struct sbuf *, struct http_request *,
			    enum locale, const char *, const char *);
static int		 nav_current(const char *, const char *);

static const char *
msg_cb(void *arg, const char *key, size_t len)
{
	const enum locale	*loc = arg;

	return (i18n_byname(*loc, key, len));
}

int
view_append(struct sbuf *out, enum view_id v, enum locale loc,
    const struct tpl_bind *binds, size_t n)
{
	struct tpl_env	env;
	char		err[TPL_ERR_MAX];
	size_t		mark;

	env.binds = binds;
	env.nbinds = n;
	env.msg = msg_cb;
	env.msgarg = &loc;
	mark = out->len;
	if (tpl_render(out, views[v].text, views[v].len, &env, err,
	    sizeof(err)) == -1) {
		kore_log(LOG_ERR, "view %s: %s", views[v].name, err);
		out->len = mark;
		if (out->data != NULL)
			out->data[mark] = '\0';
		return (-1);
	}
	return (0);
}

int
view_rows_or_empty(struct sbuf *out, struct sbuf *rows, int nrows,
    enum locale loc, enum msg_id empty)
{
	if (nrows == 0) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(loc, empty), TPL_TEXT },
		};
		return (view_append(out, VIEW_empty, loc, b, NBINDS(b)));
	} else {
		const struct tpl_bind	b[] = {
			{ "rows", sbuf_cstr(rows), TPL_TRUSTED_HTML },
		};
		return (view_append(out, VIEW_rows, loc, b, NBINDS(b)));
	}
}

#define CUR(p)	(navcur != NULL && strcmp(navcur, (p)) == 0 ? \
	" aria-current=\"page\"" : "")

/* Sign-in links for visitors; account, admin and sign-out otherwise. */
static int
usermenu(struct sbuf *out, struct http_request *req, enum locale loc,
    const char *navcur, const char *csrf)
{
	struct sess_user	*u = auth_user(req);
	struct sbuf		 admin, unread;
	char			 count[8];
	int			 rc;

	if (u == NULL || !u->loaded) {
		const struct tpl_bind	b[] = {
			{ "login_cur", CUR("/inloggen"), TPL_TRUSTED_HTML },
			{ "register_cur", CUR("/registreren"),
			    TPL_TRUSTED_HTML },
		};
		return (view_append(out, VIEW_usermenu_anon, loc, b,
		    NBINDS(b)));
	}
	sbuf_init(&admin);
	sbuf_init(&unread);
	rc = 0;
	/* "Meldingen (3 ongelezen)"; the count is read with the session. */
	if (u->unread > 0) {
		if (u->unread >= SESS_UNREAD_MAX)
			(void)snprintf(count, sizeof(count), "%d+",
			    SESS_UNREAD_MAX - 1);
		else
			(void)snprintf(count, sizeof(count), "%d", u->unread);
		const struct tpl_bind	b[] = {
			{ "count", count, TPL_TEXT },
		};
		rc = view_append(&unread, VIEW_usermenu_unread, loc, b,
		    NBINDS(b));
	}
	if (rc == 0 && (u->role == ROLE_REDACTEUR ||
	    u->role == ROLE_BEHEERDER)) {
		const struct tpl_bind	b[] = {
			{ "redactie_cur", CUR("/redactie"), TPL_TRUSTED_HTML },
		};
		rc = view_append(&admin, VIEW_usermenu_editor, loc, b,
		    NBINDS(b));
	}
	if (rc == 0 && u->moderator && u->role != ROLE_REDACTEUR &&
	    u->role != ROLE_BEHEERDER) {
		const struct tpl_bind	b[] = {
			{ "mod_cur", CUR("/redactie/meldingen"),
			    TPL_TRUSTED_HTML },
		};
		rc = view_append(&admin, VIEW_usermenu_moderator, loc, b,
		    NBINDS(b));
	}
	if (rc == 0 && u->role == ROLE_BEHEERDER) {
		const struct tpl_bind	b[] = {
			{ "admin_cur", navcur != NULL &&
			    strncmp(navcur, "/beheer", 7) == 0 ?
			    " aria-current=\"page\"" : "", TPL_TRUSTED_HTML },
		};
		rc = view_append(&admin, VIEW_usermenu_admin, loc, b,
		    NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "account_cur", CUR("/account"), TPL_TRUSTED_HTML },
			{ "mine_cur", CUR("/account/artikelen"),
			    TPL_TRUSTED_HTML },
			{ "notify_cur", CUR("/meldingen"), TPL_TRUSTED_HTML },
			{ "actions_cur", CUR("/account/acties"),
			    TPL_TRUSTED_HTML },
			{ "unread", sbuf_cstr(&unread), TPL_TRUSTED_HTML },
			{ "name", u->name, TPL_TEXT },
			{ "csrf", csrf, TPL_TEXT },
			{ "admin", sbuf_cstr(&admin), TPL_TRUSTED_HTML },
		};
		if (rc == 0)
			rc = view_append(out, VIEW_usermenu_user, loc, b,
			    NBINDS(b));
	}
	sbuf_free(&admin);
	sbuf_free(&unread);
	return (rc);
}

/* "/artikelen" is current on "/artikelen" and "/artikelen/x". */
static int
nav_current(const char *href, const char *cur)
{
	size_t	n;

	if (cur == NULL)
		return (0);
	n = strlen(href);
	return (strncmp(cur, href, n) == 0 &&
	    (cur[n] == '\0' || cur[n] == '/'));
}

void
view_page_main(struct http_request *req, int status, enum locale loc,
    const char *title, const char *navcur, struct sbuf *main)
{
	struct sbuf	 navsb, out, back, menu, tsb;
	const char	*csrf;
	size_t		 i;
	int		 bad;

	sbuf_init(&navsb);
	sbuf_init(&out);
	sbuf_init(&back);
	sbuf_init(&menu);
	sbuf_init(&tsb);
	/*
	 * A form that comes back with errors says so first in its title: a
	 * screen reader announces the title, not an alert that was already
	 * on the page when it loaded.
	 */
	if (status == 400 || status == 403 || status == 409 || status == 422 ||
	    status == 429) {
		const char	*args[1] = { title };

		i18n_fmt(&tsb, i18n_get(loc, MSG_title_error), args, 1);
		title = sbuf_cstr(&tsb);
	}
	csrf = auth_csrf(req);
	bad = usermenu(&menu, req, loc, navcur, csrf) == -1;
	for (i = 0; i < NBINDS(nav); i++) {
		const struct tpl_bind	b[] = {
			{ "href", nav[i].href, TPL_TEXT },
			{ "label", i18n_get(loc, nav[i].label), TPL_TEXT },
			{ "current", nav_current(nav[i].href, navcur) ?
			    " aria-current=\"page\"" : "", TPL_TRUSTED_HTML },
		};
		if (view_append(&navsb, VIEW_nav_item, loc, b, NBINDS(b)))
			bad = 1;
	}

	/* Where the language switch returns to: this page, with query. */
	sbuf_puts(&back, req->path);
	if (req->query_string != NULL && *req->query_string != '\0') {
		sbuf_putc(&back, '?');
		sbuf_puts(&back, req->query_string);
	}
	{
		const struct tpl_bind	b[] = {
			{ "title", title, TPL_TEXT },
			{ "back", sbuf_cstr(&back), TPL_TEXT },
			{ "nav", sbuf_cstr(&navsb), TPL_TRUSTED_HTML },
			{ "usermenu", sbuf_cstr(&menu), TPL_TRUSTED_HTML },
			{ "csrf", csrf, TPL_TEXT },
			{ "main", sbuf_cstr(main), TPL_TRUSTED_HTML },
		};
		if (!bad && view_append(&out, VIEW_layout, loc, b,
		    NBINDS(b)) == 0) {
			resp_html(req, status, &out);
		} else {
			sbuf_reset(&out);
			sbuf_puts(&out, fallback_500);
			resp_html(req, 500, &out);
		}
	}
	sbuf_free(&navsb);
	sbuf_free(&out);
	sbuf_free(&back);
	sbuf_free(&menu);
	sbuf_free(&tsb);
}

void
view_page(struct http_request *req, int status, enum locale loc,
    const char *title, const char *navcur, enum view_id v,
    const struct tpl_bind *binds, size_t n)
{
	struct sbuf	main;

	sbuf_init(&main);
	if (view_append(&main, v, loc, binds, n) == -1) {
		sbuf_reset(&main);
		status = 500;
		title = i18n_get(loc, MSG_err_500_title);
		{
			const struct tpl_bind	b[] = {
				{ "title", title, TPL_TEXT },
				{ "text", i18n_get(loc, MSG_err_500_text),
				    TPL_TEXT },
			};
			(void)view_append(&main, VIEW_error, loc, b,
			    NBINDS(b));
		}
	}
	view_page_main(req, status, loc, title, navcur, &main);
	sbuf_free(&main);
}

void
view_list_page(struct http_request *req, enum locale loc, enum msg_id title,
    enum msg_id intro, const char *navcur, struct sbuf *rows, int nrows,
    enum msg_id empty)
{
	struct sbuf	items;

	sbuf_init(&items);
	if (view_rows_or_empty(&items, rows, nrows, loc, empty) == -1)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "title", i18n_get(loc, title), TPL_TEXT },
			{ "intro", i18n_get(loc, intro), TPL_TEXT },
			{ "items", sbuf_cstr(&items), TPL_TRUSTED_HTML },
		};
		view_page(req, 200, loc, i18n_get(loc, title), navcur,
		    VIEW_list, b, NBINDS(b));
	}
	sbuf_free(&items);
}

int
view_cached(struct http_request *req, enum locale loc, const char *key,
    long long gen, const char *navcur)
{
	struct pcache_hit	 hit;
	struct sbuf		 main;

	if (!pcache_get(key, gen, &hit))
		return (0);
	sbuf_init(&main);
	sbuf_add(&main, hit.body, hit.body_len);
	view_page_main(req, 200, loc, hit.title, navcur, &main);
	sbuf_free(&main);
	return (1);
}
