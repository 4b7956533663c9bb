/*
 * Shared row renderers.
 */
#include <stdio.h>
#include <string.h>

#include "db/q.h"
#include "web/kind.h"
#include "web/rows.h"
#include "web/view.h"

void
row_date_shown(const char *iso, char *out, size_t len)
{
	if (strlen(iso) == 10 && iso[4] == '-' && iso[7] == '-')
		snprintf(out, len, "%.2s-%.2s-%.4s", iso + 8, iso + 5, iso);
	else
		snprintf(out, len, "%s", iso);
}

int
row_item(struct sbuf *out, enum locale loc, struct kore_pgsql *sql, int r)
{
	const struct kind	*k;
	struct sbuf		 href;
	char			 shown[32];
	int			 rc;

	if ((k = kind_by_name(db_text(sql, r, QI_KIND))) == NULL)
		return (-1);
	sbuf_init(&href);
	sbuf_printf(&href, "%s/%s", k->path, db_text(sql, r, QI_SLUG));
	row_date_shown(db_text(sql, r, QI_DATE), shown, sizeof(shown));
	{
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "title", db_text(sql, r, QI_TITLE), TPL_TEXT },
			{ "summary", db_text(sql, r, QI_SUMMARY), TPL_TEXT },
			{ "published_label", i18n_get(loc, MSG_published_on),
			    TPL_TEXT },
			{ "date", db_text(sql, r, QI_DATE), TPL_TEXT },
			{ "date_shown", shown, TPL_TEXT },
		};
		rc = view_append(out, VIEW_item_row, loc, b, NBINDS(b));
	}
	sbuf_free(&href);
	return (rc);
}

int
row_link(struct sbuf *out, enum locale loc, const char *href,
    const char *text)
{
	const struct tpl_bind	b[] = {
		{ "href", href, TPL_TEXT },
		{ "text", text, TPL_TEXT },
	};

	return (view_append(out, VIEW_article_link, loc, b, NBINDS(b)));
}

int
row_time(struct sbuf *out, enum locale loc, const char *iso)
{
	char			shown[32];

	row_date_shown(iso, shown, sizeof(shown));
	{
		const struct tpl_bind	b[] = {
			{ "date", iso, TPL_TEXT },
			{ "shown", shown, TPL_TEXT },
		};
		return (view_append(out, VIEW_article_time, loc, b,
		    NBINDS(b)));
	}
}
