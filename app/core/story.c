/*
 * Story warnings, scopes, states and checklist items: SQL value to
 * message (story.h).
 */
#include <stddef.h>
#include <string.h>

#include "story.h"

const struct story_word story_warnings[STORY_WARNINGS] = {
	{ "suicide", MSG_sw_suicide, MSG_sw_suicide_help },
	{ "zelfbeschadiging", MSG_sw_zelfbeschadiging,
	    MSG_sw_zelfbeschadiging_help },
	{ "separatie", MSG_sw_separatie, MSG_sw_separatie_help },
	{ "fixatie", MSG_sw_fixatie, MSG_sw_fixatie_help },
	{ "geweld", MSG_sw_geweld, MSG_sw_geweld_help },
	{ "misbruik", MSG_sw_misbruik, MSG_sw_misbruik_help },
	{ "verlies", MSG_sw_verlies, MSG_sw_verlies_help },
};

const struct story_word story_scopes[STORY_SCOPES] = {
	{ "leden", MSG_ss_leden, MSG_ss_leden_help },
	{ "openbaar", MSG_ss_openbaar, MSG_ss_openbaar_help },
	{ "citeren", MSG_ss_citeren, MSG_ss_citeren_help },
};

const struct story_word story_states[STORY_STATES] = {
	{ "concept", MSG_st_concept, MSG_st_concept_help },
	{ "ter_review", MSG_st_ter_review, MSG_st_ter_review_help },
	{ "voorstel", MSG_st_voorstel, MSG_st_voorstel_help },
	{ "akkoord", MSG_st_akkoord, MSG_st_akkoord_help },
	{ "gepubliceerd", MSG_st_gepubliceerd, MSG_st_gepubliceerd_help },
	{ "ingetrokken", MSG_st_ingetrokken, MSG_st_ingetrokken_help },
};

const struct story_word story_checks[STORY_CHECKS] = {
	{ "namen", MSG_sc_namen, MSG_sc_namen_help },
	{ "plaatsen", MSG_sc_plaatsen, MSG_sc_plaatsen_help },
	{ "fotos", MSG_sc_fotos, MSG_sc_fotos_help },
};

const enum msg_id story_consent_paras[STORY_CONSENT_PARAS] = {
	MSG_sc_consent_1, MSG_sc_consent_2, MSG_sc_consent_3,
	MSG_sc_consent_4, MSG_sc_consent_5, MSG_sc_consent_6,
	MSG_sc_consent_7,
};

static const struct story_word	*find(const struct story_word *, size_t,
				    const char *);

const struct story_word *
story_warning(const char *word)
{
	return (find(story_warnings, STORY_WARNINGS, word));
}

const struct story_word *
story_scope(const char *word)
{
	return (find(story_scopes, STORY_SCOPES, word));
}

const struct story_word *
story_state(const char *word)
{
	return (find(story_states, STORY_STATES, word));
}

const struct story_word *
story_check(const char *word)
{
	return (find(story_checks, STORY_CHECKS, word));
}

static const struct story_word *
find(const struct story_word *w, size_t n, const char *word)
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
