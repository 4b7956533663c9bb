/*
 * Messages shared by every pilot page (editor, pilot page, overview,
 * compare, lessons): the names of the pilot's fields, its phases and
 * the kinds of lessons. Strings in msg_pilotfield_<locale>.inc.
 * Region and setting names come from SQL (region, pilot_setting).
 */
#ifndef BRON_MSG_PILOTFIELD_H
#define BRON_MSG_PILOTFIELD_H

#define MSG_LIST_PILOTFIELD(X) \
	X(pf_region) X(pf_setting) X(pf_project) X(pf_target_group) \
	X(pf_age) X(pf_age_range) X(pf_age_from) X(pf_age_to) X(pf_phase) \
	X(pf_phase_since) X(pf_phase_note) X(pf_start) X(pf_end) \
	X(pf_period) X(pf_period_open) X(pf_partners) X(pf_problem) \
	X(pf_approach) X(pf_results) X(pf_figures) X(pf_conditions) \
	X(pf_contact) X(pf_lessons) X(pf_timeline) X(pf_none) \
	X(phase_idee) X(phase_voorbereiding) X(phase_lopend) \
	X(phase_geevalueerd) X(phase_opgeschaald) X(phase_gestopt) \
	X(lesson_werkte) X(lesson_werkte_niet) X(lesson_randvoorwaarde) \
	X(lesson_advies) X(lesson_cited_in) X(lesson_of_pilot)

#endif
