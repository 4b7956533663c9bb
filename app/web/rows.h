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
/*
 * A story's warning line (issue 9) for item_warnings() codes
 * (space-separated): "Let op, dit verhaal gaat over: A, B" as text, or
 * as a paragraph; nothing for "". Lists show it instead of anything
 * from a story's body.
 */
void	row_warning_text(struct sbuf *, enum locale, const char *codes);
int	row_warning(struct sbuf *, enum locale, const char *codes);
/*
 * The warning paragraph put into a row just appended to out from offset
 * at, after its title link (</a>); nothing for "". -1 on a template
 * error.
 */
int	row_warned(struct sbuf *, size_t at, enum locale, const char *codes);
/* "2026-11-23" -> "23-11-2026" (Dutch order); anything else unchanged. */
void	row_date_shown(const char *, char *, size_t);
/* A link: <a href> around text, both escaped. */
int	row_link(struct sbuf *, enum locale, const char *href, const char *text);
/* A <time> for "YYYY-MM-DD", shown in Dutch order. */
int	row_time(struct sbuf *, enum locale, const char *iso);

#endif
