/*
 * Shared row renderers.
 */
#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/html.h"
#include "core/story.h"
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

/*
 * A story's warnings in a list, feed or search result (issue 9): the
 * label and the warnings' names, never anything from the story itself.
 * codes: item_warnings(), space-separated.
 */
void
row_warning_text(struct sbuf *out, enum locale loc, const char *codes)
{
	const struct story_word	*w;
	char			 code[32];
	const char		*p, *e;
	size_t			 n;
	int			 first = 1;

	for (p = codes; p != NULL && *p != '\0'; p = e) {
		while (*p == ' ')
			p++;
		if ((e = strchr(p, ' ')) == NULL)
			e = p + strlen(p);
		if ((n = e - p) == 0 || n >= sizeof(code))
			continue;
		memcpy(code, p, n);
		code[n] = '\0';
		if ((w = story_warning(code)) == NULL)
			continue;
		sbuf_puts(out, first ? i18n_get(loc, MSG_sw_label) : ",");
		sbuf_putc(out, ' ');
		sbuf_puts(out, i18n_get(loc, w->msg));
		first = 0;
	}
}

int
row_warning(struct sbuf *out, enum locale loc, const char *codes)
{
	struct sbuf	text;
	int		rc = 0;

	sbuf_init(&text);
	row_warning_text(&text, loc, codes);
	if (text.len > 0) {
		const struct tpl_bind	b[] = {
			{ "text", sbuf_cstr(&text), TPL_TEXT },
		};
		rc = view_append(out, VIEW_item_warning, loc, b, NBINDS(b));
	}
	sbuf_free(&text);
	return (rc);
}

int
row_warned(struct sbuf *out, size_t at, enum locale loc, const char *codes)
{
	struct sbuf	 line, tail;
	const char	*p;
	size_t		 cut;
	int		 rc;

	if (codes == NULL || *codes == '\0' || at > out->len)
		return (0);
	sbuf_init(&line);
	if ((rc = row_warning(&line, loc, codes)) == 0 && line.len > 0) {
		/* After the row's title link: escaped text holds no "</a>". */
		p = out->len > at ? memmem(out->data + at, out->len - at,
		    "</a>", 4) : NULL;
		cut = p != NULL ? (size_t)(p - out->data) + 4 : out->len;
		sbuf_init(&tail);
		sbuf_add(&tail, out->data + cut, out->len - cut);
		out->len = cut;
		sbuf_putc(out, '\n');
		sbuf_add(out, line.data, line.len);
		if (line.data[line.len - 1] == '\n' && tail.len > 0 &&
		    tail.data[0] == '\n')
			sbuf_add(out, tail.data + 1, tail.len - 1);
		else
			sbuf_add(out, tail.data, tail.len);
		sbuf_free(&tail);
	}
	sbuf_free(&line);
	return (rc);
}

int
row_item(struct sbuf *out, enum locale loc, struct kore_pgsql *sql, int r)
{
	const struct kind	*k;
	struct sbuf		 href, warning;
	char			 shown[32];
	int			 rc, wc;

	if ((k = kind_by_name(db_text(sql, r, QI_KIND))) == NULL)
		return (-1);
	/* Lists with stories select item_warnings() AS warnings. */
	sbuf_init(&warning);
	wc = PQfnumber(sql->result, "warnings");
	rc = wc >= 0 ? row_warning(&warning, loc, db_text(sql, r, wc)) : 0;
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
			{ "warning", sbuf_cstr(&warning), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_item_row, loc, b, NBINDS(b));
	}
	sbuf_free(&href);
	sbuf_free(&warning);
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
