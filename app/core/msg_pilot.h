/*
 * Messages of the pilot page, lessons and the contact person
 * (web/pilot_show*.c, lesson*.c, pilot_contact.c); strings in
 * msg_pilot_<locale>.inc. Field, phase and lesson-kind names are in
 * msg_pilotfield.h.
 */
#ifndef BRON_MSG_PILOT_H
#define BRON_MSG_PILOT_H

#define MSG_LIST_PILOT(X) \
	X(pilot_facts) X(pilot_authors) X(pilot_body) X(pilot_age_from) \
	X(pilot_age_to) X(pilot_period) X(pilot_period_until) \
	X(pilot_figure_what) X(pilot_figure_value) X(pilot_lesson_link) \
	X(pilot_lesson_edit) X(pilot_lesson_remove) X(pilot_since) \
	X(pilot_contact_hint) X(pilot_actions_label) X(pilot_act_lesson) \
	X(pilot_feedback_title) X(pilot_missing_title) \
	X(pilot_status_concept) X(pilot_status_ter_review) \
	X(pilot_status_gearchiveerd) X(pilot_status_hidden) \
	X(pilot_done_opgeslagen) X(pilot_done_ingediend) \
	X(pilot_done_goedgekeurd) X(pilot_done_teruggestuurd) \
	X(pilot_done_gearchiveerd) X(pilot_done_teruggezet) \
	X(pilot_done_les_toegevoegd) X(pilot_done_les_gewijzigd) \
	X(pilot_done_les_verwijderd) X(pilot_done_contact_ja) \
	X(pilot_done_contact_nee) X(pilot_les_new_title) \
	X(pilot_les_edit_title) X(pilot_les_form_lead) X(pilot_les_back) \
	X(pilot_les_kind_legend) X(pilot_les_hint_werkte) \
	X(pilot_les_hint_werkte_niet) X(pilot_les_hint_randvoorwaarde) \
	X(pilot_les_hint_advies) X(pilot_les_statement_label) \
	X(pilot_les_statement_hint) X(pilot_les_expl_label) \
	X(pilot_les_expl_hint) X(pilot_les_save) X(pilot_les_kind_missing) \
	X(pilot_les_statement_empty) X(pilot_les_statement_long) \
	X(pilot_les_expl_long) X(pilot_les_nonce_missing) \
	X(pilot_les_save_forbidden) X(pilot_les_save_gone) \
	X(pilot_les_save_failed) X(pilot_les_conflict_title) \
	X(pilot_les_conflict_text) X(pilot_les_conflict_stored) \
	X(pilot_les_conflict_diff) X(pilot_les_diff_fold) \
	X(pilot_les_actions_label) X(pilot_les_remove_title) \
	X(pilot_les_remove_lead) X(pilot_les_remove_note) \
	X(pilot_les_remove_button) X(pilot_les_remove_cancel) \
	X(pilot_contact_title) X(pilot_contact_question) \
	X(pilot_contact_question_anon) X(pilot_contact_is) \
	X(pilot_contact_isnt) X(pilot_contact_means_title) \
	X(pilot_contact_means_name) X(pilot_contact_means_who) \
	X(pilot_contact_means_later) X(pilot_contact_yes) \
	X(pilot_contact_no) X(pilot_contact_agreed) \
	X(pilot_contact_withdraw) X(pilot_contact_declined) \
	X(pilot_contact_bad_answer) X(pilot_contact_not_asked)

#endif
