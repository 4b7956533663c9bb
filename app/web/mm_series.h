/*
 * Shared by the mastermind series pages (web/mm_series*.c, mm_index.c,
 * mm_ics.c, mm_actions_list.c).
 */
#ifndef BRON_WEB_MM_SERIES_H
#define BRON_WEB_MM_SERIES_H

#include <stddef.h>

#include "core/i18n.h"
#include "core/sbuf.h"

#define MMS_PATH	"/masterminds"

struct kore_pgsql;

/*
 * "/masterminds/{slug}{rest}" -> slug, when the path is exactly that
 * with a valid slug. Returns 0 and fills out, or -1.
 */
int	mmser_path(const char *, const char *, char *, size_t);

/*
 * An action's owner: a member as a link to their profile, an external
 * name with "(geen lid van Bron)" for signed-in readers and as "iemand
 * buiten Bron" for visitors, else "niemand". Columns c (member id),
 * c + 1 (display name), c + 2 (external name) of row r.
 */
int	mmser_owner(struct sbuf *, enum locale, int, struct kore_pgsql *, int,
	    int);

/* A due date as <time>, "Te laat" after it when overdue. */
int	mmser_due(struct sbuf *, enum locale, const char *, int);

/* The name of a state of the minutes ("concept" -> "Concept"). */
const char	*mmser_state(enum locale, const char *);

#endif
