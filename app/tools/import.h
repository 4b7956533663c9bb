/*
 * The importer's shared pieces (import.c), its pilot part
 * (import_pilot.c) and its mastermind part (import_mastermind.c).
 */
#ifndef BRON_IMPORT_H
#define BRON_IMPORT_H

#include <libpq-fe.h>

#include "core/front.h"

struct sbuf;

/* Run one statement; 0, or -1 with the error on stderr. */
int		 import_exec(PGconn *, const char *, int, const char *const *);
/* The value of key, or NULL with "missing key" on stderr. */
const char	*import_need(const struct front *, const char *, const char *);

/* Read a whole content file (at most 512 KiB); 0, or -1
 * with the reason on stderr. */
int		 import_read(const char *, struct sbuf *);
/* "a, b" to "a\nb\n" (item_save()'s theme list); always 0. */
int		 import_lines(const char *, struct sbuf *);

/* content/pilots/<slug>.md (see import_pilot.c). */
int		 import_pilot(PGconn *, const char *, const struct front *,
		    const char *);
/* content/masterminds/<slug>.md (see import_mastermind.c). */
int		 import_mastermind(PGconn *, const char *,
		    const struct front *, const char *);
/* content/verhalen/<slug>.md (see import_story.c). */
int		 import_story(PGconn *, const char *, const struct front *,
		    const char *);
/* content/bronnen/<slug>.md (see import_resource.c). */
int		 import_resource(PGconn *, const char *, const struct front *,
		    const char *);
/* content/zoekwoorden.txt, the synonym groups (see import_synonym.c). */
int		 import_synonym(PGconn *, const char *);

#endif
