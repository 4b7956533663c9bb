/*
 * The synonym editor's shared pieces (web/synonym.c, synonym_delete.c).
 */
#ifndef BRON_WEB_SYNONYM_H
#define BRON_WEB_SYNONYM_H

#include <stddef.h>

#include "core/i18n.h"

struct sbuf;

#define SY_PATH		"/redactie/zoekwoorden"
#define SY_ID_MAX	18		/* the routes' [0-9]{1,18} */

/*
 * The group id of SY_PATH "/<id>" followed by tail ("" or "/wijzigen"
 * ...): 0 and the digits in out, or -1.
 */
int	synonym_path_id(const char *, const char *, char *, size_t);
/* "Standaardlijst" or "Redactie" for a group's source. */
const char *synonym_source(enum locale, const char *);
/* When a group changed (<time>) and by whom, for the list and the
 * edit page: 0, or -1 on a template error. */
int	synonym_changed(struct sbuf *, struct sbuf *, enum locale,
	    const char *, const char *, const char *);

#endif
