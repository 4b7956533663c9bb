/*
 * Lessons learned (issue 7): the pieces lesson.c (the lesson page),
 * lesson_edit.c (add, change) and lesson_remove.c share.
 */
#ifndef BRON_LESSON_H
#define BRON_LESSON_H

#include <stddef.h>

#include "core/i18n.h"
#include "core/sbuf.h"

#define LESSON_ID_MAX		18	/* digits, as the routes */
/* Characters, as lesson.statement. */
#define LESSON_STATEMENT_MAX	300

/*
 * "/pilots/{slug}" + suffix -> slug; "/lessen/{id}" + suffix -> id
 * (digits, not 0). 0 and out filled, or -1.
 */
int	lesson_path_slug(const char *, const char *, char *, size_t);
int	lesson_path_id(const char *, const char *, char *, size_t);


/* The four kinds as radio buttons, kind (an SQL value or "") checked. */
int	lesson_kind_choices(struct sbuf *, enum locale, const char *);
/* <input type="hidden" name=... value=...>, both escaped. */
int	lesson_hidden(struct sbuf *, enum locale, const char *,
	    const char *);

#endif
