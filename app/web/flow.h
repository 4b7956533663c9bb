/*
 * Shared by the workflow and history pages (article_flow.c,
 * article_history.c, redactie.c): the kinds of item they serve, and
 * for pilots the structured fields a revision keeps (flow_fields.c).
 */
#ifndef BRON_FLOW_H
#define BRON_FLOW_H

#include "core/i18n.h"

struct http_request;
struct kore_pgsql;
struct sbuf;

/*
 * What the workflow pages say and link to for one kind of item: the
 * same engine serves articles (/artikelen/...) and pilots (/pilots/...).
 */
struct flow_kind {
	const char	*kind;		/* item.kind: "artikel" */
	const char	*path;		/* "/artikelen" */
	enum msg_id	 name;		/* "Artikel", in lists of both */
	enum msg_id	 back_item;
	enum msg_id	 back_list;
	enum msg_id	 bad_action;
	enum msg_id	 d403_indienen;
	enum msg_id	 d403_editor;
	enum msg_id	 d403_owner;
	enum msg_id	 c409_indienen;
	enum msg_id	 c409_goedkeuren;
	enum msg_id	 c409_terugsturen;
	enum msg_id	 c409_published;
	enum msg_id	 c409_terugzetten;
	enum msg_id	 review_intro;
	enum msg_id	 review_preview;
	enum msg_id	 review_concept;
	enum msg_id	 review_not_waiting;
	enum msg_id	 review_changed;
	enum msg_id	 decision_legend;
	enum msg_id	 decision_missing;
	enum msg_id	 feedback_missing;
	enum msg_id	 note_hint;
	enum msg_id	 history_intro;
	enum msg_id	 one_version;
	enum msg_id	 history_denied;
	enum msg_id	 restore_stale;
	enum msg_id	 restore_denied;
	enum msg_id	 mine_edit;
};

/*
 * The kind a workflow path starts with ("/pilots/x/status"), by
 * web/kind.h's kind_by_path(); NULL for a kind these pages do not serve.
 */
const struct flow_kind	*flow_kind_by_path(const char *);
/*
 * Both at once for a handler's path: the kind, and the slug after its
 * path into slug (size bytes). 0, or -1 when either is missing or bad;
 * *fk is then the articles' kind, so pages still have words to use.
 */
int	flow_target(const char *, const struct flow_kind **, char *, size_t);
/* By item.kind ("pilot"); NULL if not served. */
const struct flow_kind	*flow_kind_by_name(const char *);
/* 1 if the kind has pilot fields (pilot_snapshot() in SQL). */
int	flow_kind_pilot(const struct flow_kind *);

/*
 * A page that says why something was refused, with a link back (to
 * back, or to the kind's list when back is NULL). Returns
 * HTTP_STATE_COMPLETE.
 */
int	flow_page(struct http_request *, enum locale, int, enum msg_id,
	    enum msg_id, const char *, enum msg_id);
/*
 * 422 for a pilot that lacks required fields: missing holds
 * pilot_missing()'s names, comma-separated; each is named after the
 * text, with a link to the editor and one back (to back, or the pilot
 * when NULL, labelled back_label). Returns HTTP_STATE_COMPLETE.
 */
int	flow_incomplete(struct http_request *, enum locale,
	    const struct flow_kind *, const char *, const char *,
	    enum msg_id, const char *, enum msg_id);
/* A revision number from a v_num field (1..9 digits), or -1. */
long	flow_num(const char *);

/*
 * A pilot's fields as a revision keeps them, in the column order of
 * db/q_flow.h's PF columns: names of region, setting and project in the
 * reader's language, the simple values, and the four Markdown texts
 * (or, on the review page, their HTML).
 */
enum {
	FLOW_PF_REGION, FLOW_PF_SETTING, FLOW_PF_PROJECT, FLOW_PF_TARGET,
	FLOW_PF_AGE_MIN, FLOW_PF_AGE_MAX, FLOW_PF_PHASE, FLOW_PF_START,
	FLOW_PF_END, FLOW_PF_PARTNERS, FLOW_PF_FIGURES, FLOW_PF_CONTACT,
	FLOW_PF_PROBLEM, FLOW_PF_APPROACH, FLOW_PF_RESULTS,
	FLOW_PF_CONDITIONS, FLOW_PF__MAX
};
#define FLOW_PF_TEXTS	4	/* PROBLEM .. CONDITIONS */

struct flow_pf {
	int	 found;
	char	*v[FLOW_PF__MAX];
};

/* Copies the FLOW_PF__MAX columns from col0 on (NULL: ""). */
void	flow_pf_take(struct flow_pf *, struct kore_pgsql *, int, int);
void	flow_pf_free(struct flow_pf *);
/*
 * The simple fields as "Label: value" lines (partners and figures one
 * a line under their label), the text diffed and shown as source.
 */
void	flow_pf_lines(struct sbuf *, enum locale, const struct flow_pf *);
/* The label of Markdown field i (0 .. FLOW_PF_TEXTS - 1). */
enum msg_id	flow_pf_text_label(int);
/*
 * The review page's view of the fields: a <dl> of the simple ones and
 * a section per filled-in text (v[] holding HTML we rendered on save).
 * agreed: the contact person said yes. 0, or -1 on a template error.
 */
int	flow_pf_html(struct sbuf *, enum locale, const struct flow_pf *,
	    int);

#endif
