/*
 * Pieces the mastermind series pages share (web/mm_series.h).
 */
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/mm.h"
#include "core/path.h"
#include "db/db.h"
#include "web/mm_series.h"
#include "web/rows.h"
#include "web/view.h"

int
mmser_path(const char *path, const char *rest, char *out, size_t len)
{
	size_t	pre = sizeof(MMS_PATH "/") - 1, n, r;

	if (strncmp(path, MMS_PATH "/", pre) != 0)
		return (-1);
	path += pre;
	n = strlen(path);
	r = strlen(rest);
	if (n <= r || strcmp(path + n - r, rest) != 0)
		return (-1);
	n -= r;
	if (n >= len || n > PATH_SLUG_MAX || !path_slug_ok(path, n))
		return (-1);
	memcpy(out, path, n);
	out[n] = '\0';
	return (0);
}

int
mmser_owner(struct sbuf *out, enum locale loc, int signed_in,
    struct kore_pgsql *sql, int r, int c)
{
	struct sbuf	href;
	int		rc;

	if (!db_isnull(sql, r, c) && !db_isnull(sql, r, c + 1)) {
		sbuf_init(&href);
		sbuf_printf(&href, "/mensen/%s", db_text(sql, r, c));
		rc = row_link(out, loc, sbuf_cstr(&href),
		    db_text(sql, r, c + 1));
		sbuf_free(&href);
		return (rc);
	}
	if (!db_isnull(sql, r, c + 2)) {
		if (!signed_in) {
			return (view_append(out, VIEW_mm_series_owner_someone, loc,
			    NULL, 0));
		}
		const struct tpl_bind	b[] = {
			{ "name", db_text(sql, r, c + 2), TPL_TEXT },
		};
		return (view_append(out, VIEW_mm_series_owner_external, loc, b,
		    NBINDS(b)));
	}
	/* No owner, or a member who left (owner_id is then NULL). */
	return (view_append(out, VIEW_mm_series_owner_none, loc, NULL, 0));
}

int
mmser_due(struct sbuf *out, enum locale loc, const char *due, int overdue)
{
	int	rc;

	if (due == NULL || *due == '\0')
		return (view_append(out, VIEW_mm_series_due_none, loc, NULL, 0));
	rc = row_time(out, loc, due);
	if (overdue)
		rc |= view_append(out, VIEW_mm_series_overdue, loc, NULL, 0);
	return (rc);
}

const char *
mmser_state(enum locale loc, const char *state)
{
	const struct mm_word	*w;

	if ((w = mm_state(state)) == NULL)
		return (state);
	return (i18n_get(loc, w->msg));
}
