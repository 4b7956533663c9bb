/*
 * The session page and its export (web/mm_session_show.c,
 * mm_session_view.c, mm_export.c): the rows of one q_mm_session_page
 * result, copied out of the PGresult.
 */
#ifndef BRON_WEB_MM_SESSION_H
#define BRON_WEB_MM_SESSION_H

#include "core/i18n.h"
#include "core/sbuf.h"
#include "db/q_mm_session.h"

#define MMS_PREFIX	"/masterminds/"

struct mms_row {
	int	 type;
	char	*c[QMS_COLS];		/* NULL for SQL NULL */
};

struct mms_rows {
	struct mms_row	*v;
	size_t		 n;
	size_t		 cap;
};

/* What the page shows, besides the rows. */
struct mms_view {
	enum locale	 loc;
	int		 signed_in;
	const char	*csrf;
	const char	*path;		/* /masterminds/{serie}/{sessie} */
	const char	*session_id;	/* the item id */
};

void		 mms_rows_add(struct mms_rows *, struct kore_pgsql *, int);
void		 mms_rows_free(struct mms_rows *);
const struct mms_row *mms_first(const struct mms_rows *, int);
/* Column i (0-based) of r, "" for NULL or no row. */
const char	*mms_col(const struct mms_row *, int);
int		 mms_true(const struct mms_row *, int);
/*
 * "/masterminds/{serie}/{sessie}" plus suffix: both slugs into serie
 * and sessie (PATH_SLUG_MAX + 1 each); -1 when the path is not that.
 */
int		 mms_path(const char *, const char *, char *, char *);

/* The article of the session page (mm_session_view.c). -1 on error. */
int		 mms_render(struct sbuf *, struct sbuf *title,
		    const struct mms_view *, const struct mms_rows *);

#endif
