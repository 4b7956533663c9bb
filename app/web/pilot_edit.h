/*
 * The pilot editor (pilot_edit.c: requests, the page query, saving;
 * pilot_edit_check.c: the checks and what a save sends; pilot_edit_view.c:
 * the page). Shared by those three files only.
 */
#ifndef BRON_PILOT_EDIT_H
#define BRON_PILOT_EDIT_H

#include "core/figures.h"
#include "core/md.h"
#include "core/path.h"
#include "core/sbuf.h"
#include "core/slug.h"
#include "core/token.h"
#include "db/db.h"
#include "web/fv.h"

#define PED_PREFIX	"/pilots"

#define PED_TITLE_MAX	200
#define PED_SUMMARY_MAX	300
#define PED_NOTE_MAX	300
#define PED_TAGS_MAX	10
#define PED_TAG_MAX	40
#define PED_RELATED_MAX	20
#define PED_TARGET_MAX	300
#define PED_PHNOTE_MAX	500
#define PED_PARTNERS_MAX 30
#define PED_PARTNER_MAX	200
#define PED_FIELD_MAX	65536	/* characters of problem, approach, ... */
#define PED_AGE_MAX	27
#define PED_CONTACT_MAX	60	/* a display name */
#define PED_LIST_MAX	8000	/* characters of the partners or figures list */

/* The text fields of the form, in form order. */
enum ped_field {
	PF_TITLE, PF_SUMMARY,
	PF_REGION, PF_SETTING, PF_PROJECT, PF_TARGET, PF_AGE_MIN, PF_AGE_MAX,
	PF_PHASE, PF_SINCE, PF_PHASE_NOTE, PF_START, PF_END,
	PF_PARTNERS, PF_PROBLEM, PF_APPROACH, PF_BODY, PF_RESULTS,
	PF_FIGURES, PF_CONDITIONS, PF_CONTACT,
	PF_TAGS, PF_COMMUNITY, PF_OWNER, PF_RELATED, PF_NOTE,
	PF__MAX
};

/* How a typed value is cleaned up when it is read. */
enum ped_read {
	PR_LINE,	/* one line: line breaks become spaces, trimmed */
	PR_LIST,	/* lines: LF line breaks, trimmed */
	PR_MD,		/* Markdown: LF line breaks, trailing blanks cut */
	PR_RAW		/* a choice from a list, as sent */
};

struct ped_fdef {
	const char	*name;		/* form field and template key */
	enum ped_read	 read;
	int		 group;		/* which of the form's fv (PED_FV) */
	enum msg_id	 label;		/* its label, quoted in some messages */
};
extern const struct ped_fdef	ped_fields[PF__MAX];

/* The four Markdown fields of a pilot besides its body. */
#define PED_MD		4
extern const enum ped_field	ped_md_fields[PED_MD];

enum ped_action {
	PA_PREVIEW,
	PA_SAVE,	/* "Opslaan (als concept)" */
	PA_SUBMIT,	/* "Opslaan en indienen": item_transition 'indienen' */
	PA_PUBLISH	/* editors: item_transition 'goedkeuren' */
};

/*
 * The form's error messages live in four fv (web/fv.h holds at most
 * FV_FIELDS fields each), one per part of the form, so the summary at
 * the top lists them in form order.
 */
#define PED_FV		4

struct ped_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	int		 is_new;
	int		 post;
	enum ped_action	 action;
	int		 reload;	/* the page query runs again (409) */

	/* What was typed (POST), or what is stored (GET). */
	const char	*v[PF__MAX];
	char		 nonce[TOK_LEN + 1];
	char		 base[12];
	char		 started[12];	/* the base a 409 was about */
	struct sbuf	 themes;	/* "\n" then each typed slug + "\n" */
	size_t		 nthemes;
	size_t		 themes_found;
	struct sbuf	 rel_ok;	/* "kind/slug\n" from links_list() */
	struct sbuf	 rel_bad;
	size_t		 nrel_bad;

	/* The page query (q_pilot_edit_page). */
	int		 editor;
	int		 found;
	int		 may_edit;
	int		 replay;	/* the nonce made a pilot already */
	char		 today[12];
	char		 id[24];
	char		 slug[PATH_SLUG_MAX + 1];
	char		 rev[12];
	char		 status[16];
	char		 missing[96];	/* pilot_missing(), comma-separated */
	char		 since[12];	/* the current phase's date */
	char		 agreed[2];	/* "t", "f" or "" (no contact) */
	char		 replay_slug[PATH_SLUG_MAX + 1];
	char		 replay_status[16];
	struct sbuf	 s[PF__MAX];	/* stored values */
	struct figures	 sfigs;		/* stored figures */
	struct sbuf	 s_feedback;
	struct sbuf	 missing_rel;	/* typed related items that do not exist */
	struct sbuf	 lesson_rel;	/* lessons typed as related: not items */
	size_t		 nthemes_all;
	size_t		 ncommunities;
	int		 community_found;
	int		 owner_found;
	struct sbuf	 o_themes;	/* rendered options */
	struct sbuf	 o_communities;
	struct sbuf	 o_owners;
	struct sbuf	 o_regions;
	struct sbuf	 o_group;	/* the province being filled */
	char		 group_label[128];
	struct sbuf	 o_settings;
	struct sbuf	 o_projects;

	/* Checks, preview and save. */
	int		 needed;	/* a required field is empty: 422 */
	struct figures	 figs;		/* typed figures */
	struct sbuf	 taglines;	/* "tag\n" each */
	struct sbuf	 partners;	/* JSON array */
	struct md_doc	 doc;		/* the body */
	struct sbuf	 md_html[PED_MD];
	int		 rendered;
	struct sbuf	 links;
	struct sbuf	 fields;	/* pilot_save()'s p_fields */
	char		 slugbase[SLUG_MAX + 1];
	char		 words[24];
	char		 saved_slug[PATH_SLUG_MAX + 1];
	char		 saved_status[16];
	char		 error[24];	/* pilot_save()'s error column */
	int		 conflict;

	struct sbuf	 preview;	/* rendered sections */
	struct sbuf	 conflict_html;
	struct fv	 fv[PED_FV];
};

/* pilot_edit.c */

/* pilot_edit_rows.c: the page query's parameters and rows. */
void	ped_page_start(struct ped_ctx *);
void	ped_row(struct db_ctx *, struct kore_pgsql *, int);

/* pilot_edit_save.c */
/* Body and the four fields through md; -1 (with a message) if too long. */
int	ped_render_md(struct ped_ctx *);
int	ped_save(struct http_request *, struct ped_ctx *);
/* 303 to the pilot with the notice for its status. */
void	ped_redirect(struct http_request *, struct ped_ctx *, const char *,
	    const char *);
/* 409: the stored version and a diff; the form keeps the typed text. */
int	ped_show_conflict(struct http_request *, struct ped_ctx *);

/* pilot_edit_check.c */
/* Records msg (arg fills its %s) for the field named. */
void	ped_error(struct ped_ctx *, const char *, enum msg_id, const char *);
void	ped_error_n(struct ped_ctx *, const char *, enum msg_id, size_t);
/* msg with the field's label for its %s. */
void	ped_error_label(struct ped_ctx *, enum ped_field, enum msg_id);
/* A message for the whole form (in the summary). */
void	ped_form_error(struct ped_ctx *, enum msg_id);
int	ped_nerr(const struct ped_ctx *);
/* The fields of fv g, NULL-terminated (for fv_binds). */
const char *const *ped_fv_names(size_t);
/* Format checks of every field; with save, the nonce too. */
void	ped_check(struct ped_ctx *, int);
/* The typed phase differs from the stored one: a new timeline row. */
int	ped_phase_changed(struct ped_ctx *);
/* The fields pilot_missing() would name, each with its message. */
void	ped_check_required(struct ped_ctx *);

/* pilot_edit_preview.c */
void	ped_preview(struct ped_ctx *);
void	ped_conflict(struct ped_ctx *);

/* pilot_edit_view.c */
/* A notice paragraph (edit_note.html). */
void	ped_note(struct sbuf *, struct ped_ctx *, const char *);
void	ped_row_option(struct ped_ctx *, int, const char *, const char *,
	    const char *, int);
void	ped_regions_end(struct ped_ctx *);
int	ped_render(struct http_request *, struct ped_ctx *, int);

#endif
