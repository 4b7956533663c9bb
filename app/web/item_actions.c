/*
 * Workflow buttons of an item page (item_actions.h): links for pages,
 * small POST forms for the steps (/status).
 */
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "web/item_actions.h"
#include "web/view.h"

static int	action_link(struct sbuf *, enum locale, const char *,
		    enum msg_id);
static int	action_form(struct sbuf *, enum locale, const char *,
		    const char *, const char *, enum msg_id);

int
item_actions(struct sbuf *out, enum locale loc, const struct item_actions *a)
{
	struct sbuf	 items, href;
	const char	*st = a->status;
	int		 rc;

	if (!a->may_edit && !a->owner && !a->editor)
		return (0);
	sbuf_init(&items);
	sbuf_init(&href);
	rc = 0;
	if (a->may_edit && (strcmp(st, "gearchiveerd") != 0 || a->editor)) {
		sbuf_printf(&href, "%s/bewerken", a->base);
		rc |= action_link(&items, loc, sbuf_cstr(&href),
		    MSG_article_act_edit);
		if (a->extra != NULL)
			rc |= action_link(&items, loc, a->extra,
			    a->extra_label);
	}
	if (a->may_edit) {
		sbuf_reset(&href);
		sbuf_printf(&href, "%s/geschiedenis", a->base);
		rc |= action_link(&items, loc, sbuf_cstr(&href),
		    MSG_article_act_history);
	}
	if (a->editor && strcmp(st, "ter_review") == 0) {
		sbuf_reset(&href);
		sbuf_printf(&href, "%s/beoordelen", a->base);
		rc |= action_link(&items, loc, sbuf_cstr(&href),
		    MSG_article_act_review);
	}
	sbuf_reset(&href);
	sbuf_printf(&href, "%s/status", a->base);
	if (a->may_edit && strcmp(st, "concept") == 0)
		rc |= action_form(&items, loc, sbuf_cstr(&href), a->csrf,
		    "indienen", MSG_article_act_submit);
	if ((a->owner || a->editor) && strcmp(st, "gepubliceerd") == 0) {
		if (a->with_check)
			rc |= action_form(&items, loc, sbuf_cstr(&href),
			    a->csrf, "gecontroleerd", MSG_article_act_checked);
		rc |= action_form(&items, loc, sbuf_cstr(&href), a->csrf,
		    "archiveren", MSG_article_act_archive);
	}
	if (a->editor && strcmp(st, "gearchiveerd") == 0)
		rc |= action_form(&items, loc, sbuf_cstr(&href), a->csrf,
		    "terugzetten", MSG_article_act_restore);

	if (items.len > 0) {
		const struct tpl_bind	b[] = {
			{ "label", i18n_get(loc, a->label), TPL_TEXT },
			{ "items", sbuf_cstr(&items), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_article_actions, loc, b,
		    NBINDS(b));
	}
	sbuf_free(&items);
	sbuf_free(&href);
	return (rc);
}

static int
action_link(struct sbuf *out, enum locale loc, const char *href,
    enum msg_id label)
{
	const struct tpl_bind	b[] = {
		{ "href", href, TPL_TEXT },
		{ "label", i18n_get(loc, label), TPL_TEXT },
	};

	return (view_append(out, VIEW_article_action_link, loc, b,
	    NBINDS(b)));
}

static int
action_form(struct sbuf *out, enum locale loc, const char *action,
    const char *csrf, const char *value, enum msg_id label)
{
	const struct tpl_bind	b[] = {
		{ "action", action, TPL_TEXT },
		{ "csrf", csrf, TPL_TEXT },
		{ "value", value, TPL_TEXT },
		{ "label", i18n_get(loc, label), TPL_TEXT },
	};

	return (view_append(out, VIEW_article_action_form, loc, b,
	    NBINDS(b)));
}
