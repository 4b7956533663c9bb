/*
 * Messages shared by every story page (write, read, review, lists):
 * warnings, scopes, states, the de-identification checklist, the
 * consent text and the guardian's statement (their versions are in
 * core/story.h), the help banner and field names. Strings in
 * msg_storyfield_<locale>.inc.
 */
#ifndef BRON_MSG_STORYFIELD_H
#define BRON_MSG_STORYFIELD_H

#define MSG_LIST_STORYFIELD(X) \
	X(sw_suicide) X(sw_suicide_help) X(sw_zelfbeschadiging) \
	X(sw_zelfbeschadiging_help) X(sw_separatie) X(sw_separatie_help) \
	X(sw_fixatie) X(sw_fixatie_help) X(sw_geweld) X(sw_geweld_help) \
	X(sw_misbruik) X(sw_misbruik_help) X(sw_verlies) X(sw_verlies_help) \
	X(sw_label) X(sw_none) \
	X(ss_leden) X(ss_leden_help) X(ss_openbaar) X(ss_openbaar_help) \
	X(ss_citeren) X(ss_citeren_help) \
	X(st_concept) X(st_concept_help) X(st_ter_review) \
	X(st_ter_review_help) X(st_voorstel) X(st_voorstel_help) \
	X(st_akkoord) X(st_akkoord_help) X(st_gepubliceerd) \
	X(st_gepubliceerd_help) X(st_ingetrokken) X(st_ingetrokken_help) \
	X(sc_namen) X(sc_namen_help) X(sc_plaatsen) X(sc_plaatsen_help) \
	X(sc_fotos) X(sc_fotos_help) \
	X(sc_consent_title) X(sc_consent_1) X(sc_consent_2) X(sc_consent_3) \
	X(sc_consent_4) X(sc_consent_5) X(sc_consent_6) X(sc_consent_7) \
	X(sc_guardian_statement) \
	X(help_title) X(help_113) X(help_kindertelefoon) X(help_112) \
	X(help_more) \
	X(sf_story) X(sf_stories) X(sf_title) X(sf_summary) X(sf_body) \
	X(sf_pseudonym) X(sf_warnings) X(sf_checklist) X(sf_scope) \
	X(sf_community) X(sf_themes) X(sf_replies) X(sf_state) \
	X(sf_by) X(sf_open_story)

#endif
