/*
 * The community form (community_form.c: requests, checks, saving;
 * community_form_view.c: the page). Shared by those two files only.
 */
#ifndef BRON_COMMUNITY_FORM_H
#define BRON_COMMUNITY_FORM_H

#include "core/slug.h"
#include "core/token.h"
#include "web/community.h"

struct cf_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	int		 is_new;
	int		 post;
	int		 reload;	/* the form query runs again (409) */

	/* What was typed (POST), or what is stored (GET). */
	const char	*name;
	const char	*summary;
	const char	*purpose;
	const char	*visibility;
	const char	*membership;
	char		 nonce[TOK_LEN + 1];
	char		 base[16];
	char		 started[16];	/* the base a 409 was about */
	struct sbuf	 themes;	/* "\n", then each slug + "\n" */
	size_t		 nthemes;
	size_t		 themes_found;	/* typed slugs that exist */

	/* The form query (q_community_form). */
	char		 slug[PATH_SLUG_MAX + 1];
	struct comm_head head;		/* purpose: the stored Markdown */
	struct sbuf	 o_themes;	/* rendered checkboxes */
	size_t		 nthemes_all;

	/* Saving. */
	struct sbuf	 html;		/* the purpose, rendered */
	char		 slugbase[SLUG_MAX + 1];
	char		 saved_slug[PATH_SLUG_MAX + 1];
	int		 conflict;
	struct sbuf	 conflict_html;
	struct fv	 fv;
};

/* community_form_view.c */
void	cf_theme_option(struct cf_ctx *, const char *, const char *, int);
void	cf_conflict(struct cf_ctx *);
int	cf_render(struct http_request *, struct cf_ctx *, int);

#endif
