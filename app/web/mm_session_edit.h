/*
 * The session form (issue 8): state shared by mm_session_edit.c (the
 * flow), mm_session_edit_check.c (the checks), mm_session_edit_save.c
 * (mm_session_save() and its answers) and mm_session_edit_view.c (the
 * page, the preview, the conflict and the "final" page).
 */
#ifndef BRON_WEB_MM_SESSION_EDIT_H
#define BRON_WEB_MM_SESSION_EDIT_H

#include "core/md.h"
#include "core/participants.h"
#include "core/path.h"
#include "core/sbuf.h"
#include "core/token.h"
#include "db/q_mm_session.h"
#include "web/fv.h"

#define MSE_TITLE_MAX	200
#define MSE_SUMMARY_MAX	500
#define MSE_LOCATION_MAX 200
#define MSE_NAME_MAX	120	/* a facilitator's display name */
#define MSE_MD_MAX	65536	/* characters of each Markdown field */
#define MSE_TAG_MAX	40	/* item_save() keeps tags up to 40 */
#define MSE_TAGS_MAX	10
#define MSE_RELATED_MAX	20
#define MSE_LIST_MAX	4000
#define MSE_NOTE_MAX	300

#define MSE_FV	2

enum mse_field {
	MF_TITLE, MF_SUMMARY, MF_DATE, MF_TIME, MF_DURATION, MF_LOCATION,
	MF_FACILITATOR, MF_PARTICIPANTS, MF_CASE, MF_BODY, MF_AGREEMENTS,
	MF_TAGS, MF_RELATED, MF_NOTE, MF__MAX
};

/* How a field is read from the POST. */
enum mse_read { MR_LINE, MR_LIST, MR_MD };

struct mse_fdef {
	const char	*name;
	enum mse_read	 read;
};

extern const struct mse_fdef	mse_fields[MF__MAX];
/* The fields of fv[0] and fv[1], NULL-terminated. */
extern const char *const	mse_fv_fields[MSE_FV][9];

struct mse_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	int		 is_new;
	int		 post;
	int		 bad;		/* the path is not ours */
	int		 save;		/* action save (else preview) */
	char		 serie[PATH_SLUG_MAX + 1];
	char		 sessie[PATH_SLUG_MAX + 1];

	/* What was typed (POST), or what is stored (GET). */
	const char	*v[MF__MAX];
	struct sbuf	 themes;	/* "\n" slug "\n" ...: ticked */
	int		 nthemes;
	char		 nonce[TOK_LEN + 1];
	char		 base[16];
	char		 started[16];
	struct participants parts;	/* the typed lines, parsed */

	/* The page query (q_mm_session_form). */
	int		 series_found;
	int		 may_read;
	int		 may_run_series;
	char		 series_id[24];
	struct sbuf	 series_name;
	int		 found;		/* the session */
	int		 may_run;
	char		 id[24];
	char		 rev[16];
	char		 state[16];
	struct sbuf	 s[MF__MAX];	/* stored values */
	struct participants sparts;	/* stored participants */
	struct sbuf	 o_themes;	/* rendered theme boxes */
	int		 themes_found;
	int		 nthemes_all;
	struct sbuf	 carried;	/* rendered table rows */
	int		 ncarried;
	char		 replay[PATH_SLUG_MAX + 1];

	/* Checks and the save. */
	struct sbuf	 taglines;
	struct sbuf	 rel_ok;
	struct sbuf	 rel_bad;
	size_t		 nrel_bad;
	struct md_doc	 doc;		/* insights (the item's body) */
	struct sbuf	 case_html;
	struct sbuf	 agr_html;
	int		 rendered;
	struct sbuf	 links;
	struct sbuf	 fields;	/* p_fields (jsonb) */
	char		 slugbase[PATH_SLUG_MAX + 1];
	char		 words[24];
	char		 saved_slug[PATH_SLUG_MAX + 1];
	int		 conflict;
	char		*error;

	struct sbuf	 preview;
	struct sbuf	 conflict_html;
	struct fv	 fv[MSE_FV];	/* FV_FIELDS each: two groups */
};

/* mm_session_edit.c */
int	mse_query(struct http_request *, struct mse_ctx *, db_done_fn);
void	mse_nonce(struct mse_ctx *);

/* mm_session_edit_check.c */
void	mse_check(struct mse_ctx *);
void	mse_err(struct mse_ctx *, const char *, enum msg_id, const char *);
void	mse_form_err(struct mse_ctx *, enum msg_id);
int	mse_nerr(struct mse_ctx *);
int	mse_render_md(struct mse_ctx *);

/* mm_session_edit_save.c */
int	mse_save(struct http_request *, struct mse_ctx *);
int	mse_show_conflict(struct http_request *, struct mse_ctx *);

/* mm_session_edit_view.c */
void	mse_row_theme(struct mse_ctx *, const char *, const char *, int);
void	mse_row_carried(struct mse_ctx *, struct kore_pgsql *, int);
void	mse_preview(struct mse_ctx *);
void	mse_conflict(struct mse_ctx *);
int	mse_render(struct http_request *, struct mse_ctx *, int);
int	mse_final(struct http_request *, struct mse_ctx *);

#endif
