/*
 * Members' images: reading a row, sizes, the Markdown to paste, the
 * list of items that show an image, and the description's check.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/pgsql.h>

#include "core/form.h"
#include "db/db.h"
#include "db/q_image.h"
#include "web/image.h"
#include "web/view.h"

#define IMAGE_KB	1024LL
#define IMAGE_MB	(1024LL * 1024LL)

void
image_row_read(struct image_row *row, struct kore_pgsql *sql, int r)
{
	char		*end;

	(void)kore_strlcpy(row->token, db_text(sql, r, QIM_TOKEN),
	    sizeof(row->token));
	row->name = kore_strdup(db_text(sql, r, QIM_NAME));
	row->alt = kore_strdup(db_text(sql, r, QIM_ALT));
	row->used = kore_strdup(db_text(sql, r, QIM_USED));
	(void)kore_strlcpy(row->date, db_text(sql, r, QIM_DATE),
	    sizeof(row->date));
	(void)kore_strlcpy(row->others, db_text(sql, r, QIM_OTHERS),
	    sizeof(row->others));
	row->size = strtoll(db_text(sql, r, QIM_SIZE), &end, 10);
	if (row->size < 0)
		row->size = 0;
}

void
image_row_free(struct image_row *row)
{
	kore_free(row->name);
	kore_free(row->alt);
	kore_free(row->used);
	row->name = row->alt = row->used = NULL;
}

void
image_size(struct sbuf *sb, enum locale loc, long long n)
{
	long long	tenths;

	if (n <= 0) {
		sbuf_printf(sb, "0 %s", i18n_get(loc, MSG_rf_size_mb));
		return;
	}
	if (n < IMAGE_KB) {
		sbuf_printf(sb, "%lld %s", n, i18n_get(loc, MSG_rf_size_b));
		return;
	}
	if (n < IMAGE_MB) {
		sbuf_printf(sb, "%lld %s", (n + IMAGE_KB / 2) / IMAGE_KB,
		    i18n_get(loc, MSG_rf_size_kb));
		return;
	}
	tenths = (n * 10 + IMAGE_MB / 2) / IMAGE_MB;
	if (tenths % 10 == 0)
		sbuf_printf(sb, "%lld %s", tenths / 10,
		    i18n_get(loc, MSG_rf_size_mb));
	else
		sbuf_printf(sb, "%lld%c%lld %s", tenths / 10,
		    loc == LOC_NL ? ',' : '.', tenths % 10,
		    i18n_get(loc, MSG_rf_size_mb));
}

void
image_markdown(struct sbuf *sb, const char *alt, const char *token)
{
	const char	*p;

	sbuf_puts(sb, "![");
	for (p = alt; *p != '\0'; p++) {
		/* CommonMark: any ASCII punctuation may be escaped. */
		if (strchr("\\[]*_`<>!&", *p) != NULL)
			sbuf_putc(sb, '\\');
		sbuf_putc(sb, *p);
	}
	sbuf_puts(sb, "](/bestanden/");
	sbuf_puts(sb, token);
	sbuf_putc(sb, ')');
}

int
image_is_used(const struct image_row *row)
{
	return ((row->used != NULL && row->used[0] != '\0') ||
	    strcmp(row->others, "0") != 0);
}

int
image_used_list(struct sbuf *out, enum locale loc,
    const struct image_row *row)
{
	struct sbuf	 items, others;
	char		*copy, *rec, *next, *sep;
	const char	*args[1];
	int		 rc = 0;

	if (!image_is_used(row))
		return (0);
	sbuf_init(&items);
	sbuf_init(&others);
	copy = kore_strdup(row->used);
	for (rec = copy; rec != NULL && *rec != '\0'; rec = next) {
		if ((next = strchr(rec, QIM_SEP_ROW)) != NULL)
			*next++ = '\0';
		if ((sep = strchr(rec, QIM_SEP_FIELD)) == NULL)
			continue;
		*sep = '\0';
		{
			const struct tpl_bind	b[] = {
				{ "href", rec, TPL_TEXT },
				{ "title", sep + 1, TPL_TEXT },
			};

			rc |= view_append(&items, VIEW_image_used_item, loc, b,
			    NBINDS(b));
		}
	}
	kore_free(copy);
	if (strcmp(row->others, "0") != 0) {
		args[0] = row->others;
		i18n_fmt(&others, i18n_get(loc, MSG_im_used_others), args, 1);
	}
	if (items.len > 0) {
		const struct tpl_bind	b[] = {
			{ "items", sbuf_cstr(&items), TPL_TRUSTED_HTML },
		};

		rc |= view_append(out, VIEW_image_used, loc, b, NBINDS(b));
	}
	if (others.len > 0) {
		const struct tpl_bind	b[] = {
			{ "others", sbuf_cstr(&others), TPL_TEXT },
		};

		rc |= view_append(out, VIEW_image_used_others, loc, b,
		    NBINDS(b));
	}
	sbuf_free(&items);
	sbuf_free(&others);
	return (rc);
}

void
image_facts(struct sbuf *sb, enum locale loc, const struct image_row *row)
{
	const char	*args[1];

	image_size(sb, loc, row->size);
	sbuf_puts(sb, " \xc2\xb7 ");
	args[0] = row->date;
	i18n_fmt(sb, i18n_get(loc, MSG_im_added_on), args, 1);
}

int
image_alt_check(char **altp, enum msg_id *msg, char *num, size_t numsz)
{
	char	*alt;

	form_oneline(*altp);
	alt = *altp = form_trim(*altp);
	switch (form_text(alt, IMAGE_ALT_MAX, 1, 0)) {
	case FORM_OK:
		return (0);
	case FORM_EMPTY:
		*msg = MSG_im_alt_empty;
		break;
	case FORM_TOO_LONG:
		(void)snprintf(num, numsz, "%zu", form_chars(alt));
		*msg = MSG_im_alt_long;
		break;
	default:
		*msg = MSG_im_alt_bad;
		break;
	}
	return (-1);
}
