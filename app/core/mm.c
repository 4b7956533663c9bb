/*
 * Mastermind states, action statuses and sections: SQL value to
 * message (mm.h).
 */
#include <stddef.h>
#include <string.h>

#include "mm.h"

const struct mm_word mm_states[MM_STATES] = {
	{ "concept", MSG_mm_state_concept },
	{ "amendering", MSG_mm_state_amendering },
	{ "definitief", MSG_mm_state_definitief },
};

const struct mm_word mm_statuses[MM_STATUSES] = {
	{ "open", MSG_mm_status_open },
	{ "gedaan", MSG_mm_status_gedaan },
	{ "vervallen", MSG_mm_status_vervallen },
};

const struct mm_word mm_sections[MM_SECTIONS] = {
	{ "algemeen", MSG_mm_section_algemeen },
	{ "vraag", MSG_mm_section_vraag },
	{ "inzichten", MSG_mm_section_inzichten },
	{ "afspraken", MSG_mm_section_afspraken },
};

static const struct mm_word	*find(const struct mm_word *, size_t,
				    const char *);

const struct mm_word *
mm_state(const char *word)
{
	return (find(mm_states, MM_STATES, word));
}

const struct mm_word *
mm_status(const char *word)
{
	return (find(mm_statuses, MM_STATUSES, word));
}

const struct mm_word *
mm_section(const char *word)
{
	return (find(mm_sections, MM_SECTIONS, word));
}

static const struct mm_word *
find(const struct mm_word *w, size_t n, const char *word)
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
