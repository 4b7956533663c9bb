/*
 * The search page's filters (web/search.h): per filter the values the
 * query found, each a link with its count (the other filters kept), the
 * chosen one marked aria-current, and "Alle ..." to drop the filter.
 * Also the page's links themselves, for the filters and the pager.
 */
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "web/search.h"
#include "web/view.h"

static const struct {
	const char	*name;		/* the GET parameter */
	enum msg_id	 label;		/* the group's heading */
	enum msg_id	 all;		/* the link without this filter */
} keys[SR__MAX] = {
	{ "soort", MSG_srch_f_kind, MSG_srch_all_kinds },
	{ "thema", MSG_srch_f_theme, MSG_srch_all_themes },
	{ "gemeenschap", MSG_srch_f_comm, MSG_srch_all_comms },
	{ "regio", MSG_srch_f_region, MSG_srch_all_regions },
	{ "jaar", MSG_srch_f_year, MSG_srch_all_years },
};

/* search_doc.kind (sql/010_search.sql) and how it is called. */
static const struct {
	const char	*kind;
	enum msg_id	 label;
} kinds_shown[] = {
	{ "artikel", MSG_srch_kind_artikel },
	{ "pilot", MSG_srch_kind_pilot },
	{ "les", MSG_srch_kind_les },
	{ "mastermind", MSG_srch_kind_mastermind },
	{ "verhaal", MSG_srch_kind_verhaal },
	{ "bron", MSG_srch_kind_bron },
	{ "gesprek", MSG_srch_kind_gesprek },
	{ "gemeenschap", MSG_srch_kind_gemeenschap },
	{ "thema", MSG_srch_kind_thema },
	{ "opgave", MSG_srch_kind_opgave },
	{ "pagina", MSG_srch_kind_pagina },
};

static int	search_value(struct sbuf *, struct search_ctx *,
		    enum sr_key, const char *, const char *, const char *,
		    int);

const char *
search_kind_label(enum locale loc, const char *kind)
{
	size_t	i;

	for (i = 0; i < sizeof(kinds_shown) / sizeof(kinds_shown[0]); i++) {
		if (strcmp(kinds_shown[i].kind, kind) == 0)
			return (i18n_get(loc, kinds_shown[i].label));
	}
	return (NULL);
}

const char *
search_key_name(enum sr_key k)
{
	return (k < SR__MAX ? keys[k].name : "");
}

void
search_href(struct sbuf *sb, const struct search_ctx *ctx, int k,
    const char *v, long p)
{
	const char	*val;
	int		 i;

	sbuf_puts(sb, SEARCH_PATH "?q=");
	sbuf_urlenc(sb, ctx->q.data != NULL ? ctx->q.data : "");
	for (i = 0; i < SR__MAX; i++) {
		val = i == k ? (v != NULL ? v : "") : ctx->val[i];
		if (*val == '\0')
			continue;
		sbuf_printf(sb, "&%s=", keys[i].name);
		sbuf_urlenc(sb, val);
	}
	if (p > 1)
		sbuf_printf(sb, "&pagina=%ld", p);
}

static int
search_value(struct sbuf *out, struct search_ctx *ctx, enum sr_key k,
    const char *value, const char *label, const char *count, int cur)
{
	struct sbuf	href;
	int		rc;

	sbuf_init(&href);
	search_href(&href, ctx, k, value, 1);
	{
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "label", label, TPL_TEXT },
			{ "count", count, TPL_TEXT },
		};
		rc = view_append(out, cur ? VIEW_search_value_current :
		    VIEW_search_value, ctx->loc, b, NBINDS(b));
	}
	sbuf_free(&href);
	return (rc);
}

int
search_facet_row(struct search_ctx *ctx, enum sr_key k, const char *value,
    const char *label, const char *count)
{
	int	cur;

	if (k == SR_SOORT) {
		if ((label = search_kind_label(ctx->loc, value)) == NULL)
			label = value;
	} else if (label == NULL || *label == '\0')
		label = value;
	cur = strcmp(ctx->val[k], value) == 0;
	if (cur)
		ctx->seen[k] = 1;
	return (search_value(&ctx->groups[k], ctx, k, value, label, count,
	    cur));
}

/*
 * Per filter: "Alle ..." and its values. A chosen value the query gave
 * no row for (nothing found with it) still shows, with 0, so it can be
 * dropped. A filter with no values at all is left out.
 */
int
search_filters(struct sbuf *out, struct search_ctx *ctx)
{
	struct sbuf	 groups, vals, href;
	const char	*label;
	int		 k, rc = 0;

	sbuf_init(&groups);
	sbuf_init(&vals);
	sbuf_init(&href);
	for (k = 0; k < SR__MAX; k++) {
		if (ctx->val[k][0] != '\0' && !ctx->seen[k]) {
			if (k == SR_SOORT)
				label = search_kind_label(ctx->loc, ctx->val[k]);
			else
				label = ctx->known[k];
			if (label == NULL || *label == '\0')
				label = ctx->val[k];
			rc |= search_value(&ctx->groups[k], ctx, k,
			    ctx->val[k], label, "0", 1);
			ctx->seen[k] = 1;
		}
		if (ctx->groups[k].len == 0)
			continue;
		sbuf_reset(&vals);
		sbuf_reset(&href);
		search_href(&href, ctx, k, NULL, 1);
		{
			const struct tpl_bind	b[] = {
				{ "href", sbuf_cstr(&href), TPL_TEXT },
				{ "label", i18n_get(ctx->loc, keys[k].all),
				    TPL_TEXT },
			};
			rc |= view_append(&vals, ctx->val[k][0] == '\0' ?
			    VIEW_search_all_current : VIEW_search_all,
			    ctx->loc, b, NBINDS(b));
		}
		sbuf_add(&vals, ctx->groups[k].data, ctx->groups[k].len);
		{
			const struct tpl_bind	b[] = {
				{ "key", keys[k].name, TPL_TEXT },
				{ "label", i18n_get(ctx->loc, keys[k].label),
				    TPL_TEXT },
				{ "values", sbuf_cstr(&vals),
				    TPL_TRUSTED_HTML },
			};
			rc |= view_append(&groups, VIEW_search_group,
			    ctx->loc, b, NBINDS(b));
		}
	}
	if (groups.len > 0) {
		const struct tpl_bind	b[] = {
			{ "groups", sbuf_cstr(&groups), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_search_filters, ctx->loc, b,
		    NBINDS(b));
	}
	sbuf_free(&groups);
	sbuf_free(&vals);
	sbuf_free(&href);
	return (rc);
}
