/*
 * The resource editor (resource_edit.c: requests, the page query, the
 * order of things; resource_edit_check.c: the checks; resource_edit_save.c:
 * the file, the save and its answers; resource_edit_view.c: the page).
 * Shared by those four files only.
 */
#ifndef BRON_RESOURCE_EDIT_H
#define BRON_RESOURCE_EDIT_H

#include "core/fname.h"
#include "core/md.h"
#include "core/path.h"
#include "core/sbuf.h"
#include "core/slug.h"
#include "core/token.h"
#include "db/db.h"
#include "web/fv.h"
#include "web/upload.h"

#define RED_PREFIX		"/bronnen"
#define RED_TITLE_MAX		200
#define RED_SUMMARY_MAX		1000
#define RED_BODY_MAX		100000	/* characters */
#define RED_PUBLISHER_MAX	200
#define RED_URL_MAX		2000
#define RED_NOTE_MAX		300
#define RED_FILE_NOTE_MAX	300
#define RED_SLOTS		20	/* resource_file.slot 1..20 */

/* The fields of the form, in form order. */
enum red_field {
	RF_TITLE, RF_SUMMARY, RF_BODY, RF_TYPE, RF_PUBLISHER, RF_YEAR,
	RF_LANGUAGE, RF_URL, RF_SLOT, RF_FILE_NOTE, RF_COMMUNITY, RF_NOTE,
	RF__MAX
};

enum red_action {
	RA_PREVIEW,
	RA_SAVE,	/* "Opslaan als concept" (or "Opslaan") */
	RA_SUBMIT,	/* members: save, then item_transition 'indienen' */
	RA_PUBLISH	/* editors: save, then item_transition 'goedkeuren' */
};

/* The form's messages live in two fv (FV_FIELDS fields each). */
#define RED_FV		2

struct red_file {
	char		 slot[4];
	char		 name[FNAME_MAX + 1];
};

struct red_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	int		 is_new;
	int		 post;
	enum red_action	 action;
	int		 reload;	/* the page query runs again (409) */
	int		 status;	/* of a form shown again (422, 413) */

	/* What was typed (POST), or what is stored (GET). */
	const char	*v[RF__MAX];
	char		 nonce[TOK_LEN + 1];
	char		 base[12];
	char		 started[12];	/* the base a 409 was about */
	struct sbuf	 themes;	/* "\n" then each typed slug + "\n" */
	size_t		 nthemes;
	size_t		 themes_found;

	/* The file: chosen now (ut), or received in an earlier try. */
	struct upload_task ut;
	int		 file;		/* UPLOAD_NONE, _OK or _BAD */
	int		 file_status;	/* 413 or 422 when _BAD */
	enum msg_id	 file_msg;
	char		 token[UPLOAD_TOKEN_LEN + 1];	/* pending upload */
	int		 pending;	/* token names the writer's upload */
	char		 pending_name[FNAME_MAX + 1];
	char		 pending_size[24];

	/* The page query (q_resource_edit_page). */
	int		 editor;
	int		 found;
	int		 may_edit;
	int		 may_read;
	int		 replay;
	char		 id[24];
	char		 slug[PATH_SLUG_MAX + 1];
	char		 rev[12];
	char		 status_word[16];
	char		 replay_slug[PATH_SLUG_MAX + 1];
	char		 replay_status[16];
	struct sbuf	 s[RF__MAX];	/* stored values */
	struct sbuf	 s_feedback;
	struct sbuf	 keep_tags;	/* item_save()'s lists, kept */
	struct sbuf	 keep_related;
	struct red_file	 files[RED_SLOTS];
	size_t		 nfiles;
	size_t		 nthemes_all;
	size_t		 ncommunities;
	int		 community_found;
	struct sbuf	 o_themes;	/* rendered options */
	struct sbuf	 o_communities;

	/* Preview and save. */
	struct md_doc	 doc;
	int		 rendered;
	struct sbuf	 fields;	/* resource_save()'s p_fields */
	char		 slugbase[SLUG_MAX + 1];
	char		 words[24];
	char		 saved_slug[PATH_SLUG_MAX + 1];
	char		 saved_status[16];
	char		 error[24];	/* resource_save()'s error column */
	int		 conflict;
	struct sbuf	 preview;
	struct sbuf	 conflict_html;
	struct fv	 fv[RED_FV];
};

/* resource_edit.c */
void	red_page_start(struct red_ctx *);
void	red_row(struct db_ctx *, struct kore_pgsql *, int);
/* The checks, then preview, 422, 409 or the save. */
int	red_post_checked(struct http_request *, struct red_ctx *);

/* resource_edit_check.c */
void	red_error(struct red_ctx *, const char *, enum msg_id, const char *);
void	red_error_n(struct red_ctx *, const char *, enum msg_id, size_t);
void	red_form_error(struct red_ctx *, enum msg_id);
int	red_nerr(const struct red_ctx *);
const char *const *red_fv_names(size_t);
struct fv	*red_fv(struct red_ctx *, const char *);
/* Format checks of every field; with save, the nonce too. */
void	red_check(struct red_ctx *, int);
/* The resource would have neither file nor link. */
int	red_no_content(const struct red_ctx *);

/* resource_edit_save.c */
/* The chosen file: written, then recorded (q_upload_add). */
int	red_upload(struct http_request *, struct red_ctx *);
int	red_render_md(struct red_ctx *);
int	red_save(struct http_request *, struct red_ctx *);
int	red_show_conflict(struct http_request *, struct red_ctx *);
void	red_redirect(struct http_request *, struct red_ctx *, const char *,
	    const char *);

/* resource_edit_view.c */
void	red_theme_option(struct red_ctx *, const char *, const char *, int);
void	red_community_option(struct red_ctx *, const char *, const char *,
	    int);
/* "1,2 MB" for a size in bytes (decimal text). */
void	red_size(struct sbuf *, enum locale, const char *);
void	red_preview(struct red_ctx *);
void	red_conflict(struct red_ctx *);
int	red_render(struct http_request *, struct red_ctx *, int);

#endif
