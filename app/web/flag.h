/*
 * Shared by the report form (web/flag.c) and the moderation queue
 * (web/moderation.c).
 */
#ifndef BRON_FLAG_H
#define BRON_FLAG_H

#include "core/i18n.h"

/* "Bericht in een gesprek", "Artikel", ... for 'bericht' or item.kind. */
const char	*flag_kind_label(enum locale, const char *);

#endif
