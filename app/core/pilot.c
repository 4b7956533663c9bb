/*
 * Pilot phases and lesson kinds: SQL value to message (pilot.h).
 */
#include <stddef.h>
#include <string.h>

#include "pilot.h"

const struct pilot_word pilot_phases[PILOT_PHASES] = {
	{ "idee", MSG_phase_idee },
	{ "voorbereiding", MSG_phase_voorbereiding },
	{ "lopend", MSG_phase_lopend },
	{ "geevalueerd", MSG_phase_geevalueerd },
	{ "opgeschaald", MSG_phase_opgeschaald },
	{ "gestopt", MSG_phase_gestopt },
};

const struct pilot_word pilot_lesson_kinds[PILOT_LESSON_KINDS] = {
	{ "werkte", MSG_lesson_werkte },
	{ "werkte_niet", MSG_lesson_werkte_niet },
	{ "randvoorwaarde", MSG_lesson_randvoorwaarde },
	{ "advies", MSG_lesson_advies },
};

/* pilot_missing()'s names (sql/006_pilot.sql) and their fields. */
const struct pilot_word pilot_required[PILOT_REQUIRED] = {
	{ "region", MSG_pf_region },
	{ "setting", MSG_pf_setting },
	{ "phase", MSG_pf_phase },
	{ "start", MSG_pf_start },
	{ "problem", MSG_pf_problem },
	{ "approach", MSG_pf_approach },
};

static const struct pilot_word	*find(const struct pilot_word *, size_t,
				    const char *);

static const struct pilot_word *
find(const struct pilot_word *w, size_t n, const char *word)
{
	size_t	i;

	if (word == NULL)
		return (NULL);
	for (i = 0; i < n; i++) {
		if (strcmp(w[i].word, word) == 0)
			return (&w[i]);
	}
	return (NULL);
}

const struct pilot_word *
pilot_phase(const char *word)
{
	return (find(pilot_phases, PILOT_PHASES, word));
}

const struct pilot_word *
pilot_lesson_kind(const char *word)
{
	return (find(pilot_lesson_kinds, PILOT_LESSON_KINDS, word));
}

const struct pilot_word *
pilot_required_field(const char *word)
{
	return (find(pilot_required, PILOT_REQUIRED, word));
}
