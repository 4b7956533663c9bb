/*
 * The article editor (article_edit.c: requests, checks, saving;
 * article_edit_view.c: the page). Shared by those two files only.
 */
#ifndef BRON_ARTICLE_EDIT_H
#define BRON_ARTICLE_EDIT_H

#include "core/md.h"
#include "core/path.h"
#include "core/sbuf.h"
#include "core/slug.h"
#include "core/token.h"
#include "db/db.h"
#include "web/fv.h"

#define AED_TITLE_MAX	200
#define AED_SUMMARY_MAX	300
#define AED_NOTE_MAX	300
#define AED_TAGS_MAX	10
#define AED_TAG_MAX	40
#define AED_RELATED_MAX	20

struct aed_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	int		 is_new;
	int		 post;
	int		 save;		/* action=save; else a preview */
	int		 reload;	/* the page query runs again (409) */

	/* What was typed (POST), or what is stored (GET). */
	const char	*title;
	const char	*summary;
	const char	*body;
	const char	*tags;
	const char	*community;
	const char	*owner;
	const char	*related;
	const char	*note;
	char		 nonce[TOK_LEN + 1];
	char		 base[12];
	char		 started[12];	/* the base a 409 was about */
	struct sbuf	 themes;	/* "\n" then each typed slug + "\n" */
	size_t		 nthemes;
	size_t		 themes_found;	/* typed slugs that exist */
	struct sbuf	 rel_ok;	/* "kind/slug\n" from links_list() */
	struct sbuf	 rel_bad;
	size_t		 nrel_bad;
	size_t		 nrel;

	/* The page query (q_edit_page). */
	int		 editor;
	int		 found;
	int		 may_edit;
	char		 id[24];
	char		 slug[PATH_SLUG_MAX + 1];
	char		 rev[12];
	char		 status[16];
	char		 s_community[PATH_SLUG_MAX + 1];
	char		 s_owner[24];
	struct sbuf	 s_title;
	struct sbuf	 s_summary;
	struct sbuf	 s_body;
	struct sbuf	 s_feedback;
	struct sbuf	 s_tags;	/* "a, b" */
	struct sbuf	 s_related;	/* "/artikelen/x\n" */
	struct sbuf	 missing;	/* typed related items that do not exist */
	size_t		 nthemes_all;
	size_t		 ncommunities;
	int		 community_found;
	int		 owner_found;
	struct sbuf	 o_themes;	/* rendered options */
	struct sbuf	 o_communities;
	struct sbuf	 o_owners;

	/* Preview and save. */
	struct md_doc	 doc;
	int		 rendered;	/* doc holds the typed body */
	char		 slugbase[SLUG_MAX + 1];
	char		 words[24];
	struct sbuf	 taglines;	/* "tag\n" each */
	char		 saved_slug[PATH_SLUG_MAX + 1];
	int		 conflict;

	struct sbuf	 preview;	/* rendered sections */
	struct sbuf	 conflict_html;
	struct fv	 fv;
};

/* article_edit_view.c */
/* One option of the form (group from q_edit.h), selected when on. */
void	aed_row_option(struct aed_ctx *, int, const char *, const char *,
	    int);
void	aed_preview(struct aed_ctx *);
void	aed_conflict(struct aed_ctx *);
int	aed_render(struct http_request *, struct aed_ctx *, int);

#endif
