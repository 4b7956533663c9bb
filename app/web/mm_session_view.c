/*
 * The session page's article (mms_render): facts, the runner's and the
 * participant's buttons, and, for readers of the minutes, participants,
 * the three sections, the actions of this session and the ones carried
 * over from earlier sessions (each with its update form for whoever
 * may update it), amendments and addenda; then themes and links.
 * Values reach HTML through templates or html_text().
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/html.h"
#include "core/mm.h"
#include "web/article.h"
#include "web/flag.h"
#include "web/follow.h"
#include "web/mm_session.h"
#include "web/rows.h"
#include "web/view.h"

/* QMS_SESSION columns. */
enum { S_ID, S_TITLE, S_SUMMARY, S_SSLUG, S_SNAME, S_NUMBER, S_DATE,
    S_TIME, S_ISO, S_DURATION, S_LOCATION, S_FAC_ID, S_FAC, S_STATE,
    S_END };
/* QMS_META columns. */
enum { M_UNTIL, M_OPEN, M_READ, M_RUN, M_PART, M_REV, M_DAYS, M_FOLLOW,
    M_CSLUG, M_CNAME, M_SLUG, M_FINAL };
/* QMS_ACTION and QMS_CARRIED columns. */
enum { A_ID, A_WHAT, A_OWNER_ID, A_OWNER, A_EXT_NAME, A_EXT, A_DUE,
    A_STATUS, A_NOTE, A_EV_HREF, A_EV_TITLE, A_OVERDUE, A_MAY, A_REV,
    A_HERE, A_ORIGIN, A_ORIGIN_TITLE };

static int	fact(struct sbuf *, enum locale, enum msg_id, const char *);
static void	fmt1(struct sbuf *, enum locale, enum msg_id, const char *);
static void	text(struct sbuf *, const char *);
static int	facts(struct sbuf *, const struct mms_view *,
		    const struct mms_row *, const struct mms_row *,
		    const struct mms_rows *);
static int	runner(struct sbuf *, const struct mms_view *,
		    const struct mms_row *, const struct mms_row *);
static int	mms_li(struct sbuf *, enum locale, const char *, enum msg_id);
static int	section(struct sbuf *, enum locale, const char *,
		    const char *, const char *);
static int	minutes(struct sbuf *, const struct mms_view *,
		    const struct mms_row *, const struct mms_rows *);
static int	participants(struct sbuf *, const struct mms_view *,
		    const struct mms_rows *);
static int	actions(struct sbuf *, const struct mms_view *,
		    const struct mms_row *, const struct mms_rows *, int);
static int	action_row(struct sbuf *, const struct mms_view *,
		    const struct mms_row *, const struct mms_row *, int);
static int	update_form(struct sbuf *, const struct mms_view *,
		    const struct mms_row *, const struct mms_row *);
static int	amendments(struct sbuf *, const struct mms_view *,
		    const struct mms_row *, const struct mms_rows *);
static int	addenda(struct sbuf *, const struct mms_view *,
		    const struct mms_rows *);
static int	refs(struct sbuf *, const struct mms_view *,
		    const struct mms_row *, const struct mms_row *,
		    const struct mms_rows *);

static void
text(struct sbuf *out, const char *s)
{
	html_text(out, s, strlen(s));
}

static void
fmt1(struct sbuf *out, enum locale loc, enum msg_id id, const char *arg)
{
	const char	*args[1];

	args[0] = arg;
	i18n_fmt(out, i18n_get(loc, id), args, 1);
}

static int
fact(struct sbuf *out, enum locale loc, enum msg_id label, const char *html)
{
	const struct tpl_bind	b[] = {
		{ "label", i18n_get(loc, label), TPL_TEXT },
		{ "value", html, TPL_TRUSTED_HTML },
	};

	return (view_append(out, VIEW_mm_session_fact, loc, b, NBINDS(b)));
}

int
mms_render(struct sbuf *out, struct sbuf *title, const struct mms_view *v,
    const struct mms_rows *rows)
{
	const struct mms_row	*s, *m;
	struct sbuf		 sum, fx, run, min, rf, href, num;
	int			 rc;

	s = mms_first(rows, QMS_SESSION);
	m = mms_first(rows, QMS_META);
	if (s == NULL || m == NULL)
		return (-1);
	sbuf_puts(title, mms_col(s, S_TITLE));
	sbuf_init(&sum);
	sbuf_init(&fx);
	sbuf_init(&run);
	sbuf_init(&min);
	sbuf_init(&rf);
	sbuf_init(&href);
	sbuf_init(&num);
	/* Before final a visitor or stranger sees title, date, series. */
	if (mms_true(m, M_READ) && *mms_col(s, S_SUMMARY) != '\0') {
		sbuf_puts(&sum, "<p class=\"lead\">");
		text(&sum, mms_col(s, S_SUMMARY));
		sbuf_puts(&sum, "</p>\n");
	}
	rc = facts(&fx, v, s, m, rows);
	rc |= runner(&run, v, s, m);
	if (mms_true(m, M_READ))
		rc |= minutes(&min, v, m, rows);
	else {
		sbuf_puts(&min, "<p class=\"notice mm-not-final\">");
		text(&min, i18n_get(v->loc, MSG_mms_not_final));
		sbuf_puts(&min, "</p>\n");
	}
	rc |= refs(&rf, v, s, m, rows);
	sbuf_printf(&href, MMS_PREFIX "%s", mms_col(s, S_SSLUG));
	fmt1(&num, v->loc, MSG_mms_number, mms_col(s, S_NUMBER));
	{
		const struct tpl_bind	b[] = {
			{ "series_href", sbuf_cstr(&href), TPL_TEXT },
			{ "series", mms_col(s, S_SNAME), TPL_TEXT },
			{ "number", sbuf_cstr(&num), TPL_TEXT },
			{ "title", mms_col(s, S_TITLE), TPL_TEXT },
			{ "summary", sbuf_cstr(&sum), TPL_TRUSTED_HTML },
			{ "facts", sbuf_cstr(&fx), TPL_TRUSTED_HTML },
			{ "runner", sbuf_cstr(&run), TPL_TRUSTED_HTML },
			{ "minutes", sbuf_cstr(&min), TPL_TRUSTED_HTML },
			{ "refs", sbuf_cstr(&rf), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_mm_session, v->loc, b, NBINDS(b));
	}
	sbuf_free(&sum);
	sbuf_free(&fx);
	sbuf_free(&run);
	sbuf_free(&min);
	sbuf_free(&rf);
	sbuf_free(&href);
	sbuf_free(&num);
	return (rc == 0 ? 0 : -1);
}

static int
facts(struct sbuf *out, const struct mms_view *v, const struct mms_row *s,
    const struct mms_row *m, const struct mms_rows *rows)
{
	const struct mm_word	*st;
	struct sbuf		 h, t, href;
	char			 shown[16];
	const char		*args[3];
	int			 rc = 0;

	(void)rows;
	sbuf_init(&h);
	sbuf_init(&t);
	sbuf_init(&href);
	row_date_shown(mms_col(s, S_DATE), shown, sizeof(shown));
	args[0] = shown;
	args[1] = mms_col(s, S_TIME);
	args[2] = mms_col(s, S_END);
	i18n_fmt(&t, i18n_get(v->loc, MSG_mms_when), args, 3);
	sbuf_puts(&h, "<time datetime=\"");
	text(&h, mms_col(s, S_ISO));
	sbuf_puts(&h, "\">");
	text(&h, sbuf_cstr(&t));
	sbuf_puts(&h, "</time>");
	rc |= fact(out, v->loc, MSG_mmf_date, sbuf_cstr(&h));
	sbuf_reset(&h);
	sbuf_reset(&t);
	fmt1(&t, v->loc, MSG_mms_minutes_n, mms_col(s, S_DURATION));
	text(&h, sbuf_cstr(&t));
	rc |= fact(out, v->loc, MSG_mmf_duration, sbuf_cstr(&h));
	if (*mms_col(s, S_LOCATION) != '\0') {
		sbuf_reset(&h);
		text(&h, mms_col(s, S_LOCATION));
		rc |= fact(out, v->loc, MSG_mmf_location, sbuf_cstr(&h));
	}
	if (*mms_col(s, S_FAC) != '\0') {
		sbuf_reset(&h);
		sbuf_printf(&href, "/mensen/%s", mms_col(s, S_FAC_ID));
		rc |= row_link(&h, v->loc, sbuf_cstr(&href), mms_col(s, S_FAC));
		rc |= fact(out, v->loc, MSG_mmf_facilitator, sbuf_cstr(&h));
	}
	if (*mms_col(m, M_CSLUG) != '\0') {
		sbuf_reset(&h);
		sbuf_reset(&href);
		sbuf_printf(&href, "/gemeenschappen/%s", mms_col(m, M_CSLUG));
		rc |= row_link(&h, v->loc, sbuf_cstr(&href),
		    mms_col(m, M_CNAME));
		rc |= fact(out, v->loc, MSG_mmf_community, sbuf_cstr(&h));
	}
	sbuf_reset(&h);
	st = mm_state(mms_col(s, S_STATE));
	text(&h, st != NULL ? i18n_get(v->loc, st->msg) : "");
	if (strcmp(mms_col(s, S_STATE), "amendering") == 0) {
		sbuf_reset(&t);
		if (mms_true(m, M_OPEN))
			fmt1(&t, v->loc, MSG_mms_amend_until,
			    mms_col(m, M_UNTIL));
		else
			sbuf_puts(&t, i18n_get(v->loc, MSG_mms_window_over));
		sbuf_puts(&h, ". ");
		text(&h, sbuf_cstr(&t));
	} else if (strcmp(mms_col(s, S_STATE), "definitief") == 0 &&
	    *mms_col(m, M_FINAL) != '\0') {
		sbuf_reset(&t);
		fmt1(&t, v->loc, MSG_mms_final_on, mms_col(m, M_FINAL));
		sbuf_puts(&h, ". ");
		text(&h, sbuf_cstr(&t));
	}
	rc |= fact(out, v->loc, MSG_mmf_minutes, sbuf_cstr(&h));
	sbuf_free(&h);
	sbuf_free(&t);
	sbuf_free(&href);
	return (rc);
}

static int
mms_li(struct sbuf *out, enum locale loc, const char *href, enum msg_id msg)
{
	const struct tpl_bind	b[] = {
		{ "href", href, TPL_TEXT },
		{ "text", i18n_get(loc, msg), TPL_TEXT },
	};

	return (view_append(out, VIEW_mm_session_link, loc, b, NBINDS(b)));
}

/* The runner's buttons and workflow step; a participant's amendment. */
static int
runner(struct sbuf *out, const struct mms_view *v, const struct mms_row *s,
    const struct mms_row *m)
{
	struct sbuf	 links, step, days, href, action;
	const char	*state = mms_col(s, S_STATE), *word = NULL;
	enum msg_id	 button = MSG_mms_open;
	int		 rc = 0, run = mms_true(m, M_RUN);
	int		 final = strcmp(state, "definitief") == 0;

	sbuf_init(&links);
	sbuf_init(&step);
	sbuf_init(&days);
	sbuf_init(&href);
	sbuf_init(&action);
	if (mms_true(m, M_READ)) {
		sbuf_printf(&href, "%s.md", v->path);
		rc |= mms_li(&links, v->loc, sbuf_cstr(&href), MSG_mms_download);
	}
	if (run && !final) {
		sbuf_reset(&href);
		sbuf_printf(&href, "%s/bewerken", v->path);
		rc |= mms_li(&links, v->loc, sbuf_cstr(&href), MSG_mms_edit);
		sbuf_reset(&href);
		sbuf_printf(&href, "%s/acties", v->path);
		rc |= mms_li(&links, v->loc, sbuf_cstr(&href),
		    MSG_mms_add_action);
	}
	if (run && final) {
		sbuf_reset(&href);
		sbuf_printf(&href, "%s/addendum", v->path);
		rc |= mms_li(&links, v->loc, sbuf_cstr(&href),
		    MSG_mms_add_addendum);
	}
	if (mms_true(m, M_PART) && mms_true(m, M_OPEN)) {
		sbuf_reset(&href);
		sbuf_printf(&href, "%s/aanvullingen", v->path);
		rc |= mms_li(&links, v->loc, sbuf_cstr(&href), MSG_mms_propose);
	}
	if (run && strcmp(state, "concept") == 0) {
		word = "openen";
		button = MSG_mms_open;
		const struct tpl_bind	b[] = {
			{ "days", mms_col(m, M_DAYS), TPL_TEXT },
		};
		rc |= view_append(&days, VIEW_mm_session_days, v->loc, b,
		    NBINDS(b));
	} else if (run && strcmp(state, "amendering") == 0) {
		word = mms_true(m, M_OPEN) ? "sluiten" : "vaststellen";
		button = mms_true(m, M_OPEN) ? MSG_mms_close_now :
		    MSG_mms_finalise;
	}
	if (word != NULL) {
		sbuf_printf(&action, "%s/verslag", v->path);
		const struct tpl_bind	b[] = {
			{ "action", sbuf_cstr(&action), TPL_TEXT },
			{ "csrf", v->csrf, TPL_TEXT },
			{ "step", word, TPL_TEXT },
			{ "days", sbuf_cstr(&days), TPL_TRUSTED_HTML },
			{ "button", i18n_get(v->loc, button), TPL_TEXT },
		};
		rc |= view_append(&step, VIEW_mm_session_step, v->loc, b,
		    NBINDS(b));
	}
	if (links.len > 0 || step.len > 0) {
		const struct tpl_bind	b[] = {
			{ "links", sbuf_cstr(&links), TPL_TRUSTED_HTML },
			{ "step", sbuf_cstr(&step), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_mm_session_runner, v->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&links);
	sbuf_free(&step);
	sbuf_free(&days);
	sbuf_free(&href);
	sbuf_free(&action);
	return (rc);
}

static int
section(struct sbuf *out, enum locale loc, const char *id,
    const char *heading, const char *html)
{
	const struct tpl_bind	b[] = {
		{ "id", id, TPL_TEXT },
		{ "heading", heading, TPL_TEXT },
		{ "body", html, TPL_TRUSTED_HTML },
	};

	return (view_append(out, VIEW_mm_session_section, loc, b, NBINDS(b)));
}

static int
minutes(struct sbuf *out, const struct mms_view *v, const struct mms_row *m,
    const struct mms_rows *rows)
{
	const struct mms_row	*x = mms_first(rows, QMS_MINUTES);
	struct sbuf		 b;
	enum locale		 loc = v->loc;
	int			 rc = 0;

	sbuf_init(&b);
	if (v->signed_in) {
		rc |= participants(&b, v, rows);
		rc |= section(out, loc, "mm-deelnemers",
		    i18n_get(loc, MSG_mmf_participants), sbuf_cstr(&b));
	}
	if (*mms_col(x, 0) != '\0')
		rc |= section(out, loc, "mm-vraag", i18n_get(loc,
		    MSG_mmf_case), mms_col(x, 0));
	if (*mms_col(x, 1) != '\0') {
		sbuf_reset(&b);
		sbuf_puts(&b, mms_col(x, 2));	/* toc, ours */
		sbuf_puts(&b, mms_col(x, 1));
		rc |= section(out, loc, "mm-inzichten", i18n_get(loc,
		    MSG_mmf_insights), sbuf_cstr(&b));
	}
	if (*mms_col(x, 3) != '\0')
		rc |= section(out, loc, "mm-afspraken", i18n_get(loc,
		    MSG_mmf_agreements), mms_col(x, 3));
	sbuf_reset(&b);
	rc |= actions(&b, v, m, rows, QMS_ACTION);
	rc |= section(out, loc, "mm-acties", i18n_get(loc, MSG_mmf_actions),
	    sbuf_cstr(&b));
	sbuf_reset(&b);
	rc |= actions(&b, v, m, rows, QMS_CARRIED);
	rc |= section(out, loc, "mm-eerdere", i18n_get(loc, MSG_mmf_carried),
	    sbuf_cstr(&b));
	sbuf_reset(&b);
	if (mms_first(rows, QMS_AMEND) != NULL) {
		rc |= amendments(&b, v, m, rows);
		rc |= section(out, loc, "mm-aanvullingen", i18n_get(loc,
		    MSG_mmf_amendments), sbuf_cstr(&b));
	}
	sbuf_reset(&b);
	if (mms_first(rows, QMS_ADDENDUM) != NULL) {
		rc |= addenda(&b, v, rows);
		rc |= section(out, loc, "mm-addenda", i18n_get(loc,
		    MSG_mmf_addenda), sbuf_cstr(&b));
	}
	sbuf_free(&b);
	return (rc);
}

static int
participants(struct sbuf *out, const struct mms_view *v,
    const struct mms_rows *rows)
{
	const struct mms_row	*r;
	struct sbuf		 name, role, href;
	size_t			 i;
	int			 rc = 0, n = 0;

	sbuf_init(&name);
	sbuf_init(&role);
	sbuf_init(&href);
	for (i = 0; i < rows->n; i++) {
		r = &rows->v[i];
		if (r->type != QMS_PART)
			continue;
		if (n++ == 0)
			sbuf_puts(out, "<ul class=\"mm-participants\">\n");
		sbuf_reset(&name);
		sbuf_reset(&role);
		if (r->c[0] != NULL && r->c[1] != NULL) {
			sbuf_reset(&href);
			sbuf_printf(&href, "/mensen/%s", r->c[0]);
			rc |= row_link(&name, v->loc, sbuf_cstr(&href),
			    r->c[1]);
		} else if (r->c[0] != NULL)
			text(&name, i18n_get(v->loc, MSG_mm_former));
		else
			text(&name, mms_col(r, 2));
		if (*mms_col(r, 3) != '\0' || r->c[0] == NULL) {
			sbuf_puts(&role, " (");
			text(&role, mms_col(r, 3));
			if (r->c[0] == NULL) {
				if (*mms_col(r, 3) != '\0')
					sbuf_puts(&role, ", ");
				text(&role, i18n_get(v->loc, MSG_mm_external));
			}
			sbuf_puts(&role, ")");
		}
		const struct tpl_bind	b[] = {
			{ "name", sbuf_cstr(&name), TPL_TRUSTED_HTML },
			{ "role", sbuf_cstr(&role), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_mm_session_part, v->loc, b,
		    NBINDS(b));
	}
	if (n > 0)
		sbuf_puts(out, "</ul>\n");
	else {
		sbuf_puts(out, "<p>");
		text(out, i18n_get(v->loc, MSG_mms_no_participants));
		sbuf_puts(out, "</p>\n");
	}
	sbuf_free(&name);
	sbuf_free(&role);
	sbuf_free(&href);
	return (rc);
}

static int
actions(struct sbuf *out, const struct mms_view *v, const struct mms_row *m,
    const struct mms_rows *rows, int type)
{
	struct sbuf	 body, head;
	size_t		 i;
	int		 rc = 0, n = 0;

	sbuf_init(&body);
	sbuf_init(&head);
	for (i = 0; i < rows->n; i++) {
		if (rows->v[i].type != type)
			continue;
		n++;
		rc |= action_row(&body, v, m, &rows->v[i],
		    type == QMS_CARRIED);
	}
	if (n == 0) {
		sbuf_puts(out, "<p>");
		text(out, i18n_get(v->loc, type == QMS_CARRIED ?
		    MSG_mms_no_carried : MSG_mms_no_actions));
		sbuf_puts(out, "</p>\n");
	} else {
		if (type == QMS_CARRIED) {
			sbuf_puts(&head, "<th scope=\"col\">");
			text(&head, i18n_get(v->loc, MSG_mms_from_session));
			sbuf_puts(&head, "</th>");
		}
		const struct tpl_bind	b[] = {
			{ "caption", i18n_get(v->loc, type == QMS_CARRIED ?
			    MSG_mms_carried_caption : MSG_mms_actions_caption),
			    TPL_TEXT },
			{ "origin_head", sbuf_cstr(&head), TPL_TRUSTED_HTML },
			{ "rows", sbuf_cstr(&body), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_mm_session_actions, v->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&body);
	sbuf_free(&head);
	return (rc);
}

static int
action_row(struct sbuf *out, const struct mms_view *v,
    const struct mms_row *m, const struct mms_row *a, int carried)
{
	const struct mm_word	*st;
	struct sbuf		 owner, due, status, upd, origin, href;
	int			 rc = 0, overdue = mms_true(a, A_OVERDUE);

	sbuf_init(&owner);
	sbuf_init(&due);
	sbuf_init(&status);
	sbuf_init(&upd);
	sbuf_init(&origin);
	sbuf_init(&href);
	if (a->c[A_OWNER_ID] != NULL && a->c[A_OWNER] != NULL) {
		sbuf_printf(&href, "/mensen/%s", a->c[A_OWNER_ID]);
		rc |= row_link(&owner, v->loc, sbuf_cstr(&href),
		    a->c[A_OWNER]);
	} else if (mms_true(a, A_EXT)) {
		/* External names only for signed-in readers (SQL too). */
		if (v->signed_in && a->c[A_EXT_NAME] != NULL) {
			text(&owner, a->c[A_EXT_NAME]);
			sbuf_puts(&owner, " (");
			text(&owner, i18n_get(v->loc, MSG_mm_external));
			sbuf_puts(&owner, ")");
		} else
			text(&owner, i18n_get(v->loc,
			    MSG_mm_someone_external));
	} else if (a->c[A_OWNER_ID] != NULL)
		text(&owner, i18n_get(v->loc, MSG_mm_former));
	if (*mms_col(a, A_DUE) != '\0')
		rc |= row_time(&due, v->loc, mms_col(a, A_DUE));
	st = mm_status(mms_col(a, A_STATUS));
	text(&status, st != NULL ? i18n_get(v->loc, st->msg) : "");
	if (carried && mms_true(a, A_HERE)) {
		sbuf_puts(&status, " (");
		text(&status, i18n_get(v->loc, MSG_mms_closed_here));
		sbuf_puts(&status, ")");
	}
	if (overdue) {
		sbuf_puts(&status, " <strong class=\"mm-overdue\">");
		text(&status, i18n_get(v->loc, MSG_mm_overdue));
		sbuf_puts(&status, "</strong>");
	}
	if (*mms_col(a, A_NOTE) != '\0') {
		sbuf_puts(&status, "<br>");
		text(&status, mms_col(a, A_NOTE));
	}
	if (a->c[A_EV_HREF] != NULL) {
		sbuf_puts(&status, "<br>");
		rc |= row_link(&status, v->loc, a->c[A_EV_HREF],
		    mms_col(a, A_EV_TITLE));
	}
	if (mms_true(a, A_MAY))
		rc |= update_form(&upd, v, m, a);
	if (carried) {
		sbuf_puts(&origin, "<td>");
		rc |= row_link(&origin, v->loc, mms_col(a, A_ORIGIN),
		    mms_col(a, A_ORIGIN_TITLE));
		sbuf_puts(&origin, "</td>");
	}
	{
		const struct tpl_bind	b[] = {
			{ "id", mms_col(a, A_ID), TPL_TEXT },
			{ "row_class", overdue ? " class=\"mm-overdue-row\"" :
			    "", TPL_TRUSTED_HTML },
			{ "what", mms_col(a, A_WHAT), TPL_TEXT },
			{ "origin", sbuf_cstr(&origin), TPL_TRUSTED_HTML },
			{ "owner", sbuf_cstr(&owner), TPL_TRUSTED_HTML },
			{ "due", sbuf_cstr(&due), TPL_TRUSTED_HTML },
			{ "status", sbuf_cstr(&status), TPL_TRUSTED_HTML },
			{ "update", sbuf_cstr(&upd), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_mm_session_action_row, v->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&owner);
	sbuf_free(&due);
	sbuf_free(&status);
	sbuf_free(&upd);
	sbuf_free(&origin);
	sbuf_free(&href);
	return (rc);
}

static int
update_form(struct sbuf *out, const struct mms_view *v,
    const struct mms_row *m, const struct mms_row *a)
{
	struct sbuf	 opts, action, back;
	size_t		 i;
	int		 rc = 0;
	const char	*cur = mms_col(a, A_STATUS);

	(void)m;
	sbuf_init(&opts);
	sbuf_init(&action);
	sbuf_init(&back);
	for (i = 0; i < MM_STATUSES; i++) {
		const struct tpl_bind	b[] = {
			{ "value", mm_statuses[i].word, TPL_TEXT },
			{ "label", i18n_get(v->loc, mm_statuses[i].msg),
			    TPL_TEXT },
			{ "selected", strcmp(cur, mm_statuses[i].word) == 0 ?
			    " selected" : "", TPL_TRUSTED_HTML },
		};
		rc |= view_append(&opts, VIEW_mm_session_option, v->loc, b,
		    NBINDS(b));
	}
	sbuf_printf(&action, "/acties/%s", mms_col(a, A_ID));
	sbuf_printf(&back, "%s#actie-%s", v->path, mms_col(a, A_ID));
	{
		const struct tpl_bind	b[] = {
			{ "what", mms_col(a, A_WHAT), TPL_TEXT },
			{ "action", sbuf_cstr(&action), TPL_TEXT },
			{ "csrf", v->csrf, TPL_TEXT },
			{ "base", mms_col(a, A_REV), TPL_TEXT },
			{ "session", v->session_id, TPL_TEXT },
			{ "back", sbuf_cstr(&back), TPL_TEXT },
			{ "id", mms_col(a, A_ID), TPL_TEXT },
			{ "options", sbuf_cstr(&opts), TPL_TRUSTED_HTML },
			{ "note", mms_col(a, A_NOTE), TPL_TEXT },
			{ "evidence", mms_col(a, A_EV_HREF), TPL_TEXT },
		};
		rc |= view_append(out, VIEW_mm_session_update, v->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&opts);
	sbuf_free(&action);
	sbuf_free(&back);
	return (rc);
}

static int
amendments(struct sbuf *out, const struct mms_view *v,
    const struct mms_row *m, const struct mms_rows *rows)
{
	const struct mms_row	*r;
	const struct mm_word	*sec, *st;
	struct sbuf		 com, prop, rep, dec, href;
	size_t			 i;
	int			 rc = 0;

	sbuf_init(&com);
	sbuf_init(&prop);
	sbuf_init(&rep);
	sbuf_init(&dec);
	sbuf_init(&href);
	sbuf_puts(out, "<ul class=\"mm-amendments\">\n");
	for (i = 0; i < rows->n; i++) {
		r = &rows->v[i];
		if (r->type != QMS_AMEND)
			continue;
		sbuf_reset(&com);
		sbuf_reset(&prop);
		sbuf_reset(&rep);
		sbuf_reset(&dec);
		if (*mms_col(r, 3) != '\0') {
			sbuf_puts(&com, "<p>");
			text(&com, mms_col(r, 3));
			sbuf_puts(&com, "</p>\n");
		}
		if (*mms_col(r, 4) != '\0') {
			sbuf_puts(&prop, "<div class=\"mm-proposal\"><p>"
			    "<strong>");
			text(&prop, i18n_get(v->loc, MSG_mms_proposal));
			sbuf_puts(&prop, "</strong></p>\n");
			sbuf_puts(&prop, mms_col(r, 4));	/* md.c */
			sbuf_puts(&prop, "</div>\n");
		}
		if (*mms_col(r, 6) != '\0') {
			sbuf_puts(&rep, "<p><strong>");
			text(&rep, i18n_get(v->loc, MSG_mms_reply));
			sbuf_puts(&rep, ":</strong> ");
			text(&rep, mms_col(r, 6));
			sbuf_puts(&rep, "</p>\n");
		}
		if (mms_true(m, M_RUN) && strcmp(mms_col(r, 5), "open") == 0) {
			sbuf_reset(&href);
			sbuf_printf(&href, "%s/aanvullingen/%s", v->path,
			    mms_col(r, 0));
			sbuf_puts(&dec, "<p>");
			rc |= row_link(&dec, v->loc, sbuf_cstr(&href),
			    i18n_get(v->loc, MSG_mms_decide));
			sbuf_puts(&dec, "</p>\n");
		}
		sec = mm_section(mms_col(r, 1));
		st = mm_state(mms_col(r, 5));
		const struct tpl_bind	b[] = {
			{ "id", mms_col(r, 0), TPL_TEXT },
			{ "section", sec != NULL ? i18n_get(v->loc, sec->msg) :
			    "", TPL_TEXT },
			{ "author", r->c[2] != NULL ? r->c[2] :
			    i18n_get(v->loc, MSG_mm_former), TPL_TEXT },
			{ "date", mms_col(r, 7), TPL_TEXT },
			{ "state", st != NULL ? i18n_get(v->loc, st->msg) :
			    mms_col(r, 5), TPL_TEXT },
			{ "comment", sbuf_cstr(&com), TPL_TRUSTED_HTML },
			{ "proposal", sbuf_cstr(&prop), TPL_TRUSTED_HTML },
			{ "reply", sbuf_cstr(&rep), TPL_TRUSTED_HTML },
			{ "decide", sbuf_cstr(&dec), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_mm_session_amend, v->loc, b,
		    NBINDS(b));
	}
	sbuf_puts(out, "</ul>\n");
	sbuf_free(&com);
	sbuf_free(&prop);
	sbuf_free(&rep);
	sbuf_free(&dec);
	sbuf_free(&href);
	return (rc);
}

static int
addenda(struct sbuf *out, const struct mms_view *v,
    const struct mms_rows *rows)
{
	const struct mms_row	*r;
	struct sbuf		 h;
	size_t			 i;
	int			 rc = 0;

	sbuf_init(&h);
	for (i = 0; i < rows->n; i++) {
		r = &rows->v[i];
		if (r->type != QMS_ADDENDUM)
			continue;
		sbuf_reset(&h);
		fmt1(&h, v->loc, MSG_mms_addendum_of, mms_col(r, 2));
		const struct tpl_bind	b[] = {
			{ "id", mms_col(r, 0), TPL_TEXT },
			{ "heading", sbuf_cstr(&h), TPL_TEXT },
			{ "body", mms_col(r, 1), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_mm_session_addendum, v->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&h);
	return (rc);
}

/* Themes, related and backlinks, follow and report. */
static int
refs(struct sbuf *out, const struct mms_view *v, const struct mms_row *s,
    const struct mms_row *m, const struct mms_rows *rows)
{
	struct article_rows	 ar;
	struct article_row	*a;
	struct sbuf		 th, href;
	size_t			 i;
	int			 k, rc = 0, n = 0;

	sbuf_init(&th);
	sbuf_init(&href);
	for (i = 0; i < rows->n; i++) {
		if (rows->v[i].type != QMS_THEME)
			continue;
		if (n++ > 0)
			sbuf_puts(&th, ", ");
		sbuf_reset(&href);
		sbuf_printf(&href, "/themas/%s", mms_col(&rows->v[i], 0));
		rc |= row_link(&th, v->loc, sbuf_cstr(&href),
		    mms_col(&rows->v[i], 1));
	}
	if (n > 0) {
		sbuf_puts(out, "<p class=\"mm-themes\">");
		text(out, i18n_get(v->loc, MSG_article_themes));
		sbuf_puts(out, ": ");
		sbuf_puts(out, sbuf_cstr(&th));
		sbuf_puts(out, "</p>\n");
	}
	/* article_refs() reads the article page's rows: copy ours over. */
	article_rows_init(&ar);
	for (i = 0; i < rows->n; i++) {
		if (rows->v[i].type != QMS_RELATED &&
		    rows->v[i].type != QMS_BACKLINK)
			continue;
		if (ar.n == ar.cap) {
			ar.cap = ar.cap == 0 ? 16 : ar.cap * 2;
			ar.v = kore_realloc(ar.v, ar.cap * sizeof(*ar.v));
		}
		a = &ar.v[ar.n++];
		a->type = rows->v[i].type == QMS_RELATED ? QA_RELATED :
		    QA_BACKLINK;
		for (k = 0; k < ARTICLE_COLS; k++)
			a->c[k] = rows->v[i].c[k] != NULL ?
			    kore_strdup(rows->v[i].c[k]) : NULL;
	}
	rc |= article_refs(out, v->loc, &ar, QA_RELATED, "mm_related",
	    MSG_article_related);
	rc |= article_refs(out, v->loc, &ar, QA_BACKLINK, "mm_backlinks",
	    MSG_article_backlinks);
	article_rows_free(&ar);
	/* A final record is published: readers may follow and report it. */
	if (v->signed_in && strcmp(mms_col(s, S_STATE), "definitief") == 0) {
		sbuf_reset(&href);
		sbuf_puts(&href, v->path);
		follow_button(out, v->loc, v->csrf, "item", mms_col(s, S_ID),
		    mms_true(m, M_FOLLOW), sbuf_cstr(&href));
		rc |= flag_link(out, v->loc, "item", mms_col(s, S_ID));
	}
	sbuf_free(&th);
	sbuf_free(&href);
	return (rc == 0 ? 0 : -1);
}
