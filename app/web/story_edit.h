/*
 * The story editor (story_edit.c: requests, the page query, what a
 * POST does; story_edit_check.c: the checks; story_edit_save.c: the
 * save and send-in statement, 409; story_edit_view.c: the page).
 * Shared by those four files only.
 */
#ifndef BRON_STORY_EDIT_H
#define BRON_STORY_EDIT_H

#include "core/md.h"
#include "core/path.h"
#include "core/sbuf.h"
#include "core/slug.h"
#include "core/story.h"
#include "core/token.h"
#include "db/db.h"
#include "web/fv.h"

#define SED_TITLE_MAX	200
#define SED_SUMMARY_MAX	300
#define SED_BODY_MAX	100000		/* characters */
#define SED_PSEUD_MIN	2
#define SED_PSEUD_MAX	60
#define SED_GUARD_MIN	2
#define SED_GUARD_MAX	120

/* The typed fields of the form, in form order. */
enum sed_field {
	SF_TITLE, SF_SUMMARY, SF_BODY, SF_COMMUNITY, SF_PSEUDONYM, SF_KEEP,
	SF_SCOPE, SF_CONSENT, SF_CONSENT_VERSION, SF_UNDER16, SF_GUARDIAN,
	SF_GUARDIAN_OK, SF_GUARDIAN_VERSION,
	SF__MAX
};

/* How a typed value is cleaned up when it is read. */
enum sed_read {
	SR_LINE,	/* one line: line breaks become spaces, trimmed */
	SR_MD,		/* Markdown: LF line breaks, trailing blanks cut */
	SR_RAW		/* a choice or a box, as sent */
};

struct sed_fdef {
	const char	*name;
	enum sed_read	 read;
};
extern const struct sed_fdef	sed_fields[SF__MAX];

enum sed_action {
	SA_PREVIEW,
	SA_SAVE,	/* story_save() only */
	SA_SUBMIT	/* story_save() and story_submit() in one statement */
};

/* Two fv (FV_FIELDS each): the story's part and the consent's part. */
#define SED_FV		2

struct sed_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	int		 is_new;
	int		 post;
	enum sed_action	 action;
	int		 reload;	/* the page query runs again (409) */

	/* What was typed (POST), or what is stored (GET). */
	const char	*v[SF__MAX];
	char		 nonce[TOK_LEN + 1];
	char		 base[12];
	char		 started[12];	/* the base a 409 was about */
	struct sbuf	 themes;	/* "\n" then each typed slug + "\n" */
	size_t		 nthemes;
	size_t		 themes_found;
	struct sbuf	 warnings;	/* "\n" framed, as themes */
	size_t		 nwarnings;
	struct sbuf	 checks;	/* "\n" framed */
	size_t		 nchecks;

	/* The page query (q_story_edit_page). */
	int		 found;
	int		 may_read;
	int		 teller;
	int		 replay;	/* the nonce made a story already */
	char		 id[24];
	char		 slug[PATH_SLUG_MAX + 1];
	char		 rev[12];
	char		 state[16];
	char		 scope[16];	/* in force: "" before consent */
	char		 replay_slug[PATH_SLUG_MAX + 1];
	struct sbuf	 s[SF__MAX];	/* stored values */
	struct sbuf	 s_warnings;	/* stored, "\n" framed */
	struct sbuf	 s_checks;
	struct sbuf	 s_note;	/* the editor's review_note */
	size_t		 nthemes_all;
	size_t		 ncommunities;
	int		 community_found;
	struct sbuf	 o_themes;	/* rendered options */
	struct sbuf	 o_communities;

	/* Checks, preview and save. */
	struct md_doc	 doc;
	int		 rendered;
	char		 slugbase[SLUG_MAX + 1];
	char		 words[24];
	char		 submit[2];	/* "t" or "" */
	char		 under16[2];	/* "t" or "f" */
	char		 saved_slug[PATH_SLUG_MAX + 1];
	char		 saved_state[16];
	char		 error[24];	/* story_save()'s error column */
	int		 conflict;

	struct sbuf	 preview;
	struct sbuf	 conflict_html;
	struct fv	 fv[SED_FV];
};

/* story_edit.c */
/* The page query's parameters, and its rows. */
void	sed_page_start(struct sed_ctx *);
void	sed_row(struct db_ctx *, struct kore_pgsql *, int);
/* The stored state allows sending in (new, concept, voorstel, ...). */
int	sed_may_submit(const struct sed_ctx *);

/* story_edit_check.c */
void	sed_error(struct sed_ctx *, const char *, enum msg_id, const char *);
void	sed_error_n(struct sed_ctx *, const char *, enum msg_id, size_t);
void	sed_form_error(struct sed_ctx *, enum msg_id);
int	sed_nerr(const struct sed_ctx *);
const char *const *sed_fv_names(size_t);
/* Format checks of every field; with save, the nonce too. */
void	sed_check(struct sed_ctx *, int);
/* What sending in needs besides the format (pseudonym, consent, ...). */
void	sed_check_submit(struct sed_ctx *);

/* story_edit_save.c */
int	sed_render_md(struct sed_ctx *);
int	sed_save(struct http_request *, struct sed_ctx *);
void	sed_redirect(struct http_request *, const char *, const char *);
int	sed_show_conflict(struct http_request *, struct sed_ctx *);

/* story_edit_view.c */
void	sed_option(struct sed_ctx *, int, const char *, const char *, int);
void	sed_preview(struct sed_ctx *);
void	sed_conflict(struct sed_ctx *);
int	sed_render(struct http_request *, struct sed_ctx *, int);

#endif
