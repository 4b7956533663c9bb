/*
 * The fixed lists of a pilot that live in code as well as in SQL
 * (sql/006_pilot.sql): its phases in order and the kinds of lessons,
 * with their message ids. Regions and settings are rows in SQL.
 */
#ifndef BRON_PILOT_H
#define BRON_PILOT_H

#include "i18n.h"

struct pilot_word {
	const char	*word;		/* the SQL value: "lopend" */
	enum msg_id	 msg;		/* its name: MSG_phase_lopend */
};

#define PILOT_PHASES	6
#define PILOT_LESSON_KINDS 4

extern const struct pilot_word	pilot_phases[PILOT_PHASES];
extern const struct pilot_word	pilot_lesson_kinds[PILOT_LESSON_KINDS];

/* The entry for an SQL value, or NULL when it is not one. */
const struct pilot_word	*pilot_phase(const char *);
const struct pilot_word	*pilot_lesson_kind(const char *);

/* The required fields pilot_missing() names, in form order. */
#define PILOT_REQUIRED	6
extern const struct pilot_word	pilot_required[PILOT_REQUIRED];
const struct pilot_word	*pilot_required_field(const char *);

#endif
