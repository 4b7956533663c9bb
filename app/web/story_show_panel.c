/*
 * The part of the story page that depends on who reads (nothing for
 * visitors, whose page is cached): the notice of what was just done;
 * for the storyteller the panel "Jouw verhaal" with the state, the
 * scope, the editors' notes, the steps that fit the state and the
 * replies waiting; for editors the link to review, for admins the link
 * to see who wrote it; follow and report for other readers of a
 * published story. The handlers behind every button decide again.
 */
#include <stdio.h>
#include <string.h>

#include "core/story.h"
#include "web/flag.h"
#include "web/follow.h"
#include "web/rows.h"
#include "web/story_show.h"
#include "web/view.h"

/* ?gedaan= words of the story's own pages and of the follow form. */
static const struct {
	const char	*word;
	enum msg_id	 msg;
} done_words[] = {
	{ "bewaard", MSG_sr_done_bewaard },
	{ "ingestuurd", MSG_sr_done_ingestuurd },
	{ "gepubliceerd", MSG_sr_done_gepubliceerd },
	{ "ingetrokken", MSG_sr_done_ingetrokken },
	{ "beperkt", MSG_sr_done_beperkt },
	{ "gevraagd", MSG_sr_done_gevraagd },
	{ "reactie", MSG_sr_done_reactie },
	{ "geplaatst", MSG_sr_done_geplaatst },
	{ "afgewezen", MSG_sr_done_afgewezen },
	{ "instellingen", MSG_sr_done_instellingen },
	{ "gemeld", MSG_flag_done },
};

static int	notice(struct sbuf *, const struct story_view *);
static int	panel(struct sbuf *, const struct story_view *,
		    const struct story_rows *, const struct story_row *,
		    const struct story_row *);
static int	panel_actions(struct sbuf *, const struct story_view *,
		    const struct story_row *);
static int	waiting(struct sbuf *, const struct story_view *,
		    const struct story_rows *, const struct story_row *);
static int	editor(struct sbuf *, const struct story_view *,
		    const struct story_row *, const struct story_row *);
static int	act_link(struct sbuf *, enum locale, const char *,
		    const char *);
static int	act_post(struct sbuf *, const struct story_view *,
		    const char *, const char *, const char *, const char *,
		    const char *, const char *, const char *);

int
story_personal(struct sbuf *out, const struct story_view *v,
    const struct story_rows *rows)
{
	const struct story_row	*s, *m;
	struct sbuf		 back;
	int			 rc;

	if (!v->signed_in)
		return (0);
	s = story_rows_first(rows, QSS_STORY);
	m = story_rows_first(rows, QSS_META);
	if (s == NULL || m == NULL)
		return (-1);
	rc = notice(out, v);
	if (story_true(m, 9)) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(v->loc, MSG_sr_hidden), TPL_TEXT },
		};
		rc |= view_append(out, VIEW_notice, v->loc, b, NBINDS(b));
	}
	if (story_true(m, 2))
		rc |= panel(out, v, rows, s, m);
	else
		rc |= editor(out, v, s, m);
	/* Other readers of a published story may follow and report it. */
	if (!story_true(m, 2) &&
	    strcmp(story_col(s, 5), "gepubliceerd") == 0) {
		sbuf_init(&back);
		sbuf_printf(&back, STORY_PATH "/%s", story_col(s, 4));
		follow_button(out, v->loc, v->csrf, "item", story_col(s, 9),
		    story_true(m, 6), sbuf_cstr(&back));
		sbuf_free(&back);
		rc |= flag_link(out, v->loc, "item", story_col(s, 9));
	}
	return (rc == 0 ? 0 : -1);
}

static int
notice(struct sbuf *out, const struct story_view *v)
{
	size_t	i;
	int	rc = 0;

	for (i = 0; i < NBINDS(done_words); i++) {
		if (strcmp(v->gedaan, done_words[i].word) != 0)
			continue;
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(v->loc, done_words[i].msg),
			    TPL_TEXT },
		};
		rc |= view_append(out, VIEW_notice, v->loc, b, NBINDS(b));
	}
	if (follow_notice(out, v->loc, v->gedaan) == -1)
		rc = -1;
	return (rc);
}

/* "Jouw verhaal": the storyteller's own view of their story. */
static int
panel(struct sbuf *out, const struct story_view *v,
    const struct story_rows *rows, const struct story_row *s,
    const struct story_row *m)
{
	const struct story_word	*st, *sc, *want;
	struct sbuf		 wanted, notes, actions, wait, tmp;
	const char		*state, *args[1];
	int			 rc = 0;

	sbuf_init(&wanted);
	sbuf_init(&notes);
	sbuf_init(&actions);
	sbuf_init(&wait);
	sbuf_init(&tmp);
	state = story_col(s, 5);
	st = story_state(state);
	sc = story_scope(story_col(s, 6));
	if ((want = story_scope(story_col(m, 8))) != NULL) {
		args[0] = i18n_get(v->loc, want->msg);
		i18n_fmt(&tmp, i18n_get(v->loc, MSG_sr_panel_scope_wanted),
		    args, 1);
		const struct tpl_bind	b[] = {
			{ "text", sbuf_cstr(&tmp), TPL_TEXT },
		};
		rc |= view_append(&wanted, VIEW_story_show_wanted, v->loc, b,
		    NBINDS(b));
	}
	if ((strcmp(state, "voorstel") == 0 || strcmp(state, "akkoord") == 0)
	    && *story_col(m, 7) != '\0') {
		const struct tpl_bind	b[] = {
			{ "notes", story_col(m, 7), TPL_TEXT },
		};
		rc |= view_append(&notes, VIEW_story_show_notes, v->loc, b,
		    NBINDS(b));
	}
	rc |= panel_actions(&actions, v, s);
	rc |= waiting(&wait, v, rows, s);
	{
		const struct tpl_bind	b[] = {
			{ "state", st != NULL ? i18n_get(v->loc, st->msg) :
			    state, TPL_TEXT },
			{ "state_help", st != NULL ? i18n_get(v->loc,
			    st->help) : "", TPL_TEXT },
			{ "scope", sc != NULL ? i18n_get(v->loc, sc->msg) :
			    i18n_get(v->loc, MSG_sr_panel_scope_none),
			    TPL_TEXT },
			{ "wanted", sbuf_cstr(&wanted), TPL_TRUSTED_HTML },
			{ "replies", i18n_get(v->loc,
			    strcmp(story_col(s, 11), "aan") == 0 ?
			    MSG_sr_replies_on : MSG_sr_replies_off),
			    TPL_TEXT },
			{ "notes", sbuf_cstr(&notes), TPL_TRUSTED_HTML },
			{ "actions", sbuf_cstr(&actions), TPL_TRUSTED_HTML },
			{ "waiting", sbuf_cstr(&wait), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_story_show_panel, v->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&wanted);
	sbuf_free(&notes);
	sbuf_free(&actions);
	sbuf_free(&wait);
	sbuf_free(&tmp);
	return (rc);
}

/*
 * Bewerken; Online zetten (akkoord); Wie mag het lezen (sent in or
 * published); Reacties aan/uit; Intrekken (not concept or withdrawn).
 */
static int
panel_actions(struct sbuf *out, const struct story_view *v,
    const struct story_row *s)
{
	struct sbuf	 href;
	const char	*state, *slug;
	int		 rc = 0, on;

	sbuf_init(&href);
	state = story_col(s, 5);
	slug = story_col(s, 4);
	sbuf_printf(&href, STORY_PATH "/%s/bewerken", slug);
	rc |= act_link(out, v->loc, sbuf_cstr(&href),
	    i18n_get(v->loc, MSG_sr_act_edit));
	if (strcmp(state, "akkoord") == 0) {
		sbuf_reset(&href);
		sbuf_printf(&href, STORY_PATH "/%s/publiceren", slug);
		rc |= act_post(out, v, sbuf_cstr(&href), "rev",
		    story_col(s, 10), i18n_get(v->loc, MSG_sr_act_publish),
		    "story-publish-hint",
		    i18n_get(v->loc, MSG_sr_act_publish_hint), NULL);
	}
	if ((strcmp(state, "ter_review") == 0 ||
	    strcmp(state, "akkoord") == 0 ||
	    strcmp(state, "gepubliceerd") == 0) && *story_col(s, 6) != '\0') {
		sbuf_reset(&href);
		sbuf_printf(&href, STORY_PATH "/%s/reikwijdte", slug);
		rc |= act_link(out, v->loc, sbuf_cstr(&href),
		    i18n_get(v->loc, MSG_sr_act_scope));
	}
	on = strcmp(story_col(s, 11), "aan") == 0;
	sbuf_reset(&href);
	sbuf_printf(&href, STORY_PATH "/%s/instellingen", slug);
	rc |= act_post(out, v, sbuf_cstr(&href), "reacties", on ? "uit" : "aan",
	    i18n_get(v->loc, on ? MSG_sr_act_replies_off :
	    MSG_sr_act_replies_on), NULL, NULL, NULL);
	if (strcmp(state, "concept") != 0 &&
	    strcmp(state, "ingetrokken") != 0) {
		sbuf_reset(&href);
		sbuf_printf(&href, STORY_PATH "/%s/intrekken", slug);
		rc |= act_post(out, v, sbuf_cstr(&href), NULL, NULL,
		    i18n_get(v->loc, MSG_sr_act_withdraw),
		    "story-withdraw-hint",
		    i18n_get(v->loc, MSG_sr_act_withdraw_hint),
		    "button-danger");
	}
	sbuf_free(&href);
	return (rc);
}

/* The replies waiting for the storyteller, with Plaatsen / Afwijzen. */
static int
waiting(struct sbuf *out, const struct story_view *v,
    const struct story_rows *rows, const struct story_row *s)
{
	const struct story_row	*r;
	struct sbuf		 list, acts, href, back, author;
	char			 shown[32];
	size_t			 i;
	int			 rc = 0;

	sbuf_init(&list);
	sbuf_init(&acts);
	sbuf_init(&href);
	sbuf_init(&back);
	sbuf_init(&author);
	sbuf_printf(&back, STORY_PATH "/%s", story_col(s, 4));
	for (i = 0; i < rows->n; i++) {
		r = &rows->v[i];
		if (r->type != QSS_WAIT)
			continue;
		sbuf_reset(&acts);
		sbuf_reset(&href);
		sbuf_printf(&href, "/reacties/%s", story_col(r, 0));
		rc |= act_post(&acts, v, sbuf_cstr(&href), "besluit",
		    "geplaatst", i18n_get(v->loc, MSG_sr_reply_place), NULL,
		    sbuf_cstr(&back), NULL);
		rc |= act_post(&acts, v, sbuf_cstr(&href), "besluit",
		    "afgewezen", i18n_get(v->loc, MSG_sr_reply_reject), NULL,
		    sbuf_cstr(&back), NULL);
		sbuf_reset(&author);
		rc |= story_reply_author(&author, v->loc, r,
		    story_col(s, 12));
		row_date_shown(story_col(r, 5), shown, sizeof(shown));
		const struct tpl_bind	b[] = {
			{ "id", story_col(r, 0), TPL_TEXT },
			{ "author", sbuf_cstr(&author), TPL_TRUSTED_HTML },
			{ "at", story_col(r, 6), TPL_TEXT },
			{ "at_shown", shown, TPL_TEXT },
			{ "body", story_col(r, 4), TPL_TRUSTED_HTML },
			{ "actions", sbuf_cstr(&acts), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&list, VIEW_story_show_wait_reply, v->loc,
		    b, NBINDS(b));
	}
	if (list.len > 0) {
		const struct tpl_bind	b[] = {
			{ "list", sbuf_cstr(&list), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_story_show_waiting, v->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&list);
	sbuf_free(&acts);
	sbuf_free(&href);
	sbuf_free(&back);
	sbuf_free(&author);
	return (rc);
}

/* Editors: review while it waits; admins: who wrote it (audited). */
static int
editor(struct sbuf *out, const struct story_view *v,
    const struct story_row *s, const struct story_row *m)
{
	struct sbuf	links, href;
	int		rc = 0;

	sbuf_init(&links);
	sbuf_init(&href);
	if (story_true(m, 3) && strcmp(story_col(s, 5), "ter_review") == 0) {
		sbuf_printf(&href, STORY_PATH "/%s/beoordelen",
		    story_col(s, 4));
		rc |= act_link(&links, v->loc, sbuf_cstr(&href),
		    i18n_get(v->loc, MSG_sr_review_link));
	}
	if (story_true(m, 4)) {
		sbuf_reset(&href);
		sbuf_printf(&href, STORY_PATH "/%s/auteur", story_col(s, 4));
		rc |= act_link(&links, v->loc, sbuf_cstr(&href),
		    i18n_get(v->loc, MSG_sr_author_link));
	}
	if (links.len > 0) {
		const struct tpl_bind	b[] = {
			{ "links", sbuf_cstr(&links), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_story_show_editor, v->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&links);
	sbuf_free(&href);
	return (rc);
}

static int
act_link(struct sbuf *out, enum locale loc, const char *href, const char *label)
{
	const struct tpl_bind	b[] = {
		{ "href", href, TPL_TEXT },
		{ "label", label, TPL_TEXT },
	};

	return (view_append(out, VIEW_story_show_link, loc, b, NBINDS(b)));
}

/*
 * A one-button POST form: _csrf, an optional hidden name=value, an
 * optional hint (id, text) the button points to, an optional "terug"
 * and an optional class for the button.
 */
static int
act_post(struct sbuf *out, const struct story_view *v, const char *action,
    const char *name, const char *value, const char *label,
    const char *hint_id, const char *hint_or_back, const char *cls)
{
	struct sbuf	hidden, hint, desc;
	int		rc = 0;

	sbuf_init(&hidden);
	sbuf_init(&hint);
	sbuf_init(&desc);
	if (name != NULL) {
		const struct tpl_bind	b[] = {
			{ "name", name, TPL_TEXT },
			{ "value", value, TPL_TEXT },
		};
		rc |= view_append(&hidden, VIEW_story_show_hidden, v->loc, b,
		    NBINDS(b));
	}
	if (hint_id != NULL) {
		const struct tpl_bind	b[] = {
			{ "id", hint_id, TPL_TEXT },
			{ "text", hint_or_back, TPL_TEXT },
		};
		rc |= view_append(&hint, VIEW_story_show_hint, v->loc, b,
		    NBINDS(b));
		/* hint_id is one of ours: [a-z-] only. */
		sbuf_printf(&desc, " aria-describedby=\"%s\"", hint_id);
	} else if (hint_or_back != NULL) {
		const struct tpl_bind	b[] = {
			{ "name", "terug", TPL_TEXT },
			{ "value", hint_or_back, TPL_TEXT },
		};
		rc |= view_append(&hidden, VIEW_story_show_hidden, v->loc, b,
		    NBINDS(b));
	}
	if (cls != NULL)
		sbuf_printf(&desc, " class=\"%s\"", cls);
	{
		const struct tpl_bind	b[] = {
			{ "action", action, TPL_TEXT },
			{ "csrf", v->csrf, TPL_TEXT },
			{ "hidden", sbuf_cstr(&hidden), TPL_TRUSTED_HTML },
			{ "label", label, TPL_TEXT },
			{ "describedby", sbuf_cstr(&desc), TPL_TRUSTED_HTML },
			{ "hint", sbuf_cstr(&hint), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_story_show_post, v->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&hidden);
	sbuf_free(&hint);
	sbuf_free(&desc);
	return (rc);
}
