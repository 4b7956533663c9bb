/*
 * The fixed words of mastermind records that live in code as well as in
 * SQL (sql/007_mastermind.sql): states of the minutes, statuses of
 * action items and the sections an amendment refers to, with their
 * message ids.
 */
#ifndef BRON_MM_H
#define BRON_MM_H

#include "i18n.h"

struct mm_word {
	const char	*word;		/* the SQL value: "amendering" */
	enum msg_id	 msg;		/* its name */
};

#define MM_STATES	3
#define MM_STATUSES	3
#define MM_SECTIONS	4

extern const struct mm_word	mm_states[MM_STATES];
extern const struct mm_word	mm_statuses[MM_STATUSES];
extern const struct mm_word	mm_sections[MM_SECTIONS];

/* The entry for an SQL value, or NULL when it is not one. */
const struct mm_word	*mm_state(const char *);
const struct mm_word	*mm_status(const char *);
const struct mm_word	*mm_section(const char *);

#endif
