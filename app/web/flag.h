/*
 * Shared by the report form (web/flag.c) and the moderation queue
 * (web/moderation.c).
 */
#ifndef BRON_FLAG_H
#define BRON_FLAG_H

#include "core/i18n.h"

struct sbuf;

/* "Bericht in een gesprek", "Artikel", ... for 'bericht' or item.kind. */
const char	*flag_kind_label(enum locale, const char *);
/*
 * The "Meld dit bij een moderator" link for a page's per-reader part:
 * what is "bericht" or "item", id its decimal id. -1 on a template
 * error.
 */
int		 flag_link(struct sbuf *, enum locale, const char *,
		    const char *);

#endif
