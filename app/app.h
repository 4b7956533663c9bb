/*
 * Prototypes of everything the Kore configuration names: the onload
 * init and the route handlers (keeps -Wmissing-prototypes quiet and is
 * the one list of entry points).
 */
#ifndef BRON_APP_H
#define BRON_APP_H

struct http_request;

int	app_init(int);

int	home_show(struct http_request *);
int	health_show(struct http_request *);
int	lang_set(struct http_request *);
int	item_list(struct http_request *);
int	item_show(struct http_request *);
int	community_list(struct http_request *);
int	theme_list(struct http_request *);
int	theme_show(struct http_request *);
int	goal_list(struct http_request *);
int	goal_show(struct http_request *);
int	search_show(struct http_request *);
int	page_show(struct http_request *);
int	error_show(struct http_request *);
int	not_found(struct http_request *);

/* Issue 4: accounts */
int	login_page(struct http_request *);
int	logout_post(struct http_request *);
int	register_page(struct http_request *);
/* web/account.c: /account and its settings forms */
int	account_show(struct http_request *);
int	account_profile(struct http_request *);
int	account_password(struct http_request *);
int	account_email(struct http_request *);
/* web/privacy.c, web/profile.c: export, deletion, public profiles */
int	export_page(struct http_request *);
int	delete_page(struct http_request *);
int	profile_show(struct http_request *);
/* web/reset.c: password reset by e-mail */
int	reset_request(struct http_request *);
int	reset_form(struct http_request *);
/* web/admin.c: users, roles, blocks, audit log */
int	admin_home(struct http_request *);
int	admin_users(struct http_request *);
int	admin_user_update(struct http_request *);
int	admin_audit(struct http_request *);

#endif
