/*
 * Row renderers shared by several pages.
 */
#ifndef BRON_ROWS_H
#define BRON_ROWS_H

#include "core/i18n.h"
#include "core/sbuf.h"

struct kore_pgsql;

/* One item row (columns as in db/q.h QI_*); -1 on a template error. */
int	row_item(struct sbuf *, enum locale, struct kore_pgsql *, int);
/* "2026-11-23" -> "23-11-2026" (Dutch order); anything else unchanged. */
void	row_date_shown(const char *, char *, size_t);
/* A link: <a href> around text, both escaped. */
int	row_link(struct sbuf *, enum locale, const char *href, const char *text);
/* A <time> for "YYYY-MM-DD", shown in Dutch order. */
int	row_time(struct sbuf *, enum locale, const char *iso);

#endif
