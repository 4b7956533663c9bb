/* The numbered pager of paged lists (web/pager.c). */
#ifndef BRON_WEB_PAGER_H
#define BRON_WEB_PAGER_H

#include "core/i18n.h"
#include "core/sbuf.h"

int	pager_render(struct sbuf *, enum locale, const char *, long, long);

#endif
