/*
 * The fixed words of stories that live in code as well as in SQL
 * (sql/008_story.sql): content warnings, consent scopes, workflow states
 * and the de-identification checklist, each with its message id; and the
 * versions of the consent texts a storyteller agrees to.
 */
#ifndef BRON_STORY_H
#define BRON_STORY_H

#include "i18n.h"

/*
 * The version recorded with every consent (story_consent.text_version).
 * Change it whenever the text of MSG_sc_consent_* changes in any
 * language: tests/unit/test_story.c pins the text to this version.
 */
#define STORY_CONSENT_VERSION	"2026-11-a"
/* The same for the guardian's statement (MSG_sc_guardian_statement). */
#define STORY_GUARDIAN_VERSION	"2026-11-a"

struct story_word {
	const char	*word;		/* the SQL value: "separatie" */
	enum msg_id	 msg;		/* its name: "Separatie of afzondering" */
	enum msg_id	 help;		/* one plain sentence more */
};

#define STORY_WARNINGS	7
#define STORY_SCOPES	3
#define STORY_STATES	6
#define STORY_CHECKS	3
#define STORY_CONSENT_PARAS 7

extern const struct story_word	story_warnings[STORY_WARNINGS];
extern const struct story_word	story_scopes[STORY_SCOPES];
extern const struct story_word	story_states[STORY_STATES];
extern const struct story_word	story_checks[STORY_CHECKS];
/* The consent text, paragraph by paragraph, in order. */
extern const enum msg_id	story_consent_paras[STORY_CONSENT_PARAS];

/* The entry for an SQL value, or NULL when it is not one. */
const struct story_word	*story_warning(const char *);
const struct story_word	*story_scope(const char *);
const struct story_word	*story_state(const char *);
const struct story_word	*story_check(const char *);

#endif
