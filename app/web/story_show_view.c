/*
 * What every reader of a story sees (web/story_show.h): title, "Verteld
 * door <pseudonym>", date, themes and community, the help banner when
 * the story is about suicide or self-harm (or a tag asks for it), the
 * summary, the warnings and the body behind its gate, and the placed
 * replies. Never the storyteller's account: a reply of theirs carries
 * the pseudonym.
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/helpterms.h"
#include "core/story.h"
#include "web/help.h"
#include "web/rows.h"
#include "web/story_show.h"
#include "web/view.h"

static int	meta(struct sbuf *, enum locale, const struct story_rows *,
		    const struct story_row *, const struct story_row *);
static int	meta_item(struct sbuf *, enum locale, const char *,
		    const char *);
static int	needs_help(const struct story_rows *,
		    const struct story_row *);
static int	body(struct sbuf *, const struct story_view *,
		    const struct story_row *, const struct story_row *);
static int	replies(struct sbuf *, const struct story_view *,
		    const struct story_rows *, const struct story_row *);

void
story_warning_names(struct sbuf *out, enum locale loc, const char *codes)
{
	char	padded[256], word[32];
	size_t	i;
	int	first = 1;

	/* In the table's order; " code " finds whole codes only. */
	(void)snprintf(padded, sizeof(padded), " %s ", codes);
	for (i = 0; i < STORY_WARNINGS; i++) {
		(void)snprintf(word, sizeof(word), " %s ",
		    story_warnings[i].word);
		if (strstr(padded, word) == NULL)
			continue;
		if (!first)
			sbuf_puts(out, ", ");
		sbuf_puts(out, i18n_get(loc, story_warnings[i].msg));
		first = 0;
	}
}

int
story_main(struct sbuf *out, struct sbuf *title, const struct story_view *v,
    const struct story_rows *rows, const char *personal)
{
	const struct story_row	*s, *m;
	struct sbuf		 by, metasb, help, bodysb, rep;
	const char		*args[1];
	int			 rc;

	s = story_rows_first(rows, QSS_STORY);
	m = story_rows_first(rows, QSS_META);
	if (s == NULL || m == NULL)
		return (-1);
	sbuf_init(&by);
	sbuf_init(&metasb);
	sbuf_init(&help);
	sbuf_init(&bodysb);
	sbuf_init(&rep);
	args[0] = story_col(s, 12);
	if (*args[0] != '\0')
		i18n_fmt(&by, i18n_get(v->loc, MSG_sf_by), args, 1);
	rc = meta(&metasb, v->loc, rows, s, m);
	if (needs_help(rows, s))
		rc |= help_banner(&help, v->loc);
	rc |= body(&bodysb, v, s, m);
	rc |= replies(&rep, v, rows, s);
	{
		const struct tpl_bind	b[] = {
			{ "title", story_col(s, 0), TPL_TEXT },
			{ "by", sbuf_cstr(&by), TPL_TEXT },
			{ "meta", sbuf_cstr(&metasb), TPL_TRUSTED_HTML },
			{ "personal", personal, TPL_TRUSTED_HTML },
			{ "help", sbuf_cstr(&help), TPL_TRUSTED_HTML },
			{ "summary", story_col(s, 1), TPL_TEXT },
			{ "body", sbuf_cstr(&bodysb), TPL_TRUSTED_HTML },
			{ "replies", sbuf_cstr(&rep), TPL_TRUSTED_HTML },
		};
		if (rc == 0)
			rc = view_append(out, VIEW_story_show, v->loc, b,
			    NBINDS(b));
	}
	sbuf_puts(title, story_col(s, 0));
	sbuf_free(&by);
	sbuf_free(&metasb);
	sbuf_free(&help);
	sbuf_free(&bodysb);
	sbuf_free(&rep);
	return (rc == 0 ? 0 : -1);
}

/* Date, themes (links), community (link): a <dl>. */
static int
meta(struct sbuf *out, enum locale loc, const struct story_rows *rows,
    const struct story_row *s, const struct story_row *m)
{
	struct sbuf	 items, val, href;
	size_t		 i;
	int		 rc = 0, n = 0;

	sbuf_init(&items);
	sbuf_init(&val);
	sbuf_init(&href);
	if (*story_col(s, 3) != '\0') {
		rc |= row_time(&val, loc, story_col(s, 3));
		rc |= meta_item(&items, loc, i18n_get(loc, MSG_published_on),
		    sbuf_cstr(&val));
	}
	sbuf_reset(&val);
	for (i = 0; i < rows->n; i++) {
		if (rows->v[i].type != QSS_THEME)
			continue;
		if (n++ > 0)
			sbuf_puts(&val, ", ");
		sbuf_reset(&href);
		sbuf_printf(&href, "/themas/%s", story_col(&rows->v[i], 0));
		rc |= row_link(&val, loc, sbuf_cstr(&href),
		    story_col(&rows->v[i], 1));
	}
	if (n > 0)
		rc |= meta_item(&items, loc, i18n_get(loc, MSG_sf_themes),
		    sbuf_cstr(&val));
	if (*story_col(m, 0) != '\0') {
		sbuf_reset(&val);
		sbuf_reset(&href);
		sbuf_printf(&href, "/gemeenschappen/%s", story_col(m, 0));
		rc |= row_link(&val, loc, sbuf_cstr(&href), story_col(m, 1));
		rc |= meta_item(&items, loc, i18n_get(loc, MSG_sf_community),
		    sbuf_cstr(&val));
	}
	if (items.len > 0) {
		const struct tpl_bind	b[] = {
			{ "items", sbuf_cstr(&items), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_story_show_meta, loc, b,
		    NBINDS(b));
	}
	sbuf_free(&items);
	sbuf_free(&val);
	sbuf_free(&href);
	return (rc);
}

static int
meta_item(struct sbuf *out, enum locale loc, const char *label,
    const char *value_html)
{
	const struct tpl_bind	b[] = {
		{ "label", label, TPL_TEXT },
		{ "value", value_html, TPL_TRUSTED_HTML },
	};

	return (view_append(out, VIEW_story_show_meta_item, loc, b,
	    NBINDS(b)));
}

/* story_needs_help(), or a tag the help terms know. */
static int
needs_help(const struct story_rows *rows, const struct story_row *s)
{
	size_t	i;

	if (story_true(s, 8))
		return (1);
	for (i = 0; i < rows->n; i++)
		if (rows->v[i].type == QSS_TAG &&
		    help_match(story_col(&rows->v[i], 0)))
			return (1);
	return (0);
}

/*
 * Without warnings, the body. With warnings, the box naming them with
 * their help, and the body: open for ?tonen=1, for a signed-in reader
 * whose cw_show covers them all and for the storyteller; else inside a
 * closed <details>, with a plain link to ?tonen=1 after it.
 */
static int
body(struct sbuf *out, const struct story_view *v, const struct story_row *s,
    const struct story_row *m)
{
	const struct story_word	*w;
	struct sbuf		 names, items, after, account, href;
	char			 codes[256], word[32];
	size_t			 i;
	int			 rc = 0, open;

	if (*story_col(s, 7) == '\0') {
		const struct tpl_bind	b[] = {
			{ "body", story_col(s, 2), TPL_TRUSTED_HTML },
		};
		return (view_append(out, VIEW_story_show_body, v->loc, b,
		    NBINDS(b)));
	}
	sbuf_init(&names);
	sbuf_init(&items);
	sbuf_init(&after);
	sbuf_init(&account);
	sbuf_init(&href);
	story_warning_names(&names, v->loc, story_col(s, 7));
	/* In the table's order; " code " finds whole codes only. */
	(void)snprintf(codes, sizeof(codes), " %s ", story_col(s, 7));
	for (i = 0; i < STORY_WARNINGS; i++) {
		w = &story_warnings[i];
		(void)snprintf(word, sizeof(word), " %s ", w->word);
		if (strstr(codes, word) == NULL)
			continue;
		const struct tpl_bind	b[] = {
			{ "name", i18n_get(v->loc, w->msg), TPL_TEXT },
			{ "help", i18n_get(v->loc, w->help), TPL_TEXT },
		};
		rc |= view_append(&items, VIEW_story_show_warn_item, v->loc, b,
		    NBINDS(b));
	}
	open = v->tonen || (v->signed_in && (story_true(m, 5) ||
	    story_true(m, 2)));
	if (open) {
		const struct tpl_bind	b[] = {
			{ "body", story_col(s, 2), TPL_TRUSTED_HTML },
		};
		rc |= view_append(&after, VIEW_story_show_body, v->loc, b,
		    NBINDS(b));
	} else {
		if (v->signed_in)
			rc |= view_append(&account,
			    VIEW_story_show_gate_account, v->loc, NULL, 0);
		sbuf_reset(&href);
		sbuf_printf(&href, STORY_PATH "/%s?tonen=1", story_col(s, 4));
		const struct tpl_bind	b[] = {
			{ "account", sbuf_cstr(&account), TPL_TRUSTED_HTML },
			{ "body", story_col(s, 2), TPL_TRUSTED_HTML },
			{ "href", sbuf_cstr(&href), TPL_TEXT },
		};
		rc |= view_append(&after, VIEW_story_show_gate, v->loc, b,
		    NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "names", sbuf_cstr(&names), TPL_TEXT },
			{ "items", sbuf_cstr(&items), TPL_TRUSTED_HTML },
			{ "after", sbuf_cstr(&after), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_story_show_warn, v->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&names);
	sbuf_free(&items);
	sbuf_free(&after);
	sbuf_free(&account);
	sbuf_free(&href);
	return (rc);
}

/*
 * Replies, when the storyteller turned them on and the story is
 * published: the placed ones, and the form (signed in) or a link to
 * sign in.
 */
static int
replies(struct sbuf *out, const struct story_view *v,
    const struct story_rows *rows, const struct story_row *s)
{
	const struct story_row	*r;
	struct sbuf		 list, form, author, href;
	char			 shown[32];
	size_t			 i;
	int			 rc = 0;

	if (strcmp(story_col(s, 11), "aan") != 0 ||
	    strcmp(story_col(s, 5), "gepubliceerd") != 0)
		return (0);
	sbuf_init(&list);
	sbuf_init(&form);
	sbuf_init(&author);
	sbuf_init(&href);
	for (i = 0; i < rows->n; i++) {
		r = &rows->v[i];
		if (r->type != QSS_REPLY)
			continue;
		sbuf_reset(&author);
		rc |= story_reply_author(&author, v->loc, r, story_col(s, 12));
		row_date_shown(story_col(r, 5), shown, sizeof(shown));
		const struct tpl_bind	b[] = {
			{ "id", story_col(r, 0), TPL_TEXT },
			{ "author", sbuf_cstr(&author), TPL_TRUSTED_HTML },
			{ "at", story_col(r, 6), TPL_TEXT },
			{ "at_shown", shown, TPL_TEXT },
			{ "body", story_col(r, 4), TPL_TRUSTED_HTML },
			{ "actions", "", TPL_TRUSTED_HTML },
		};
		rc |= view_append(&list, VIEW_story_show_reply, v->loc, b,
		    NBINDS(b));
	}
	if (list.len == 0) {
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(v->loc, MSG_sr_replies_none),
			    TPL_TEXT },
		};
		rc |= view_append(&list, VIEW_story_show_text, v->loc, b,
		    NBINDS(b));
	}
	if (v->signed_in) {
		sbuf_printf(&href, STORY_PATH "/%s/reacties", story_col(s, 4));
		const struct tpl_bind	b[] = {
			{ "action", sbuf_cstr(&href), TPL_TEXT },
			{ "csrf", v->csrf, TPL_TEXT },
			{ "nonce", v->nonce, TPL_TEXT },
		};
		rc |= view_append(&form, VIEW_story_show_reply_form, v->loc,
		    b, NBINDS(b));
	} else {
		sbuf_printf(&href, "/inloggen?terug=" STORY_PATH "/%s",
		    story_col(s, 4));
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
		};
		rc |= view_append(&form, VIEW_story_show_reply_login, v->loc,
		    b, NBINDS(b));
	}
	{
		const struct tpl_bind	b[] = {
			{ "list", sbuf_cstr(&list), TPL_TRUSTED_HTML },
			{ "form", sbuf_cstr(&form), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_story_show_replies, v->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&list);
	sbuf_free(&form);
	sbuf_free(&author);
	sbuf_free(&href);
	return (rc);
}

/*
 * A reply's author: a link to their profile as with discussion posts;
 * "voormalig lid"; or, for the storyteller, the pseudonym.
 */
int
story_reply_author(struct sbuf *out, enum locale loc,
    const struct story_row *r, const char *pseudonym)
{
	struct sbuf	name;
	const char	*args[1];
	int		rc;

	if (story_true(r, 3)) {
		sbuf_init(&name);
		args[0] = pseudonym;
		i18n_fmt(&name, i18n_get(loc, MSG_sr_reply_teller), args, 1);
		const struct tpl_bind	b[] = {
			{ "name", sbuf_cstr(&name), TPL_TEXT },
		};
		rc = view_append(out, VIEW_topic_author_former, loc, b,
		    NBINDS(b));
		sbuf_free(&name);
		return (rc);
	}
	if (*story_col(r, 1) == '\0' || r->c[2] == NULL) {
		const struct tpl_bind	b[] = {
			{ "name", i18n_get(loc, MSG_former_member), TPL_TEXT },
		};
		return (view_append(out, VIEW_topic_author_former, loc, b,
		    NBINDS(b)));
	}
	{
		const struct tpl_bind	b[] = {
			{ "id", story_col(r, 1), TPL_TEXT },
			{ "name", story_col(r, 2), TPL_TEXT },
		};
		return (view_append(out, VIEW_topic_author, loc, b,
		    NBINDS(b)));
	}
}
