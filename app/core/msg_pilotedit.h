/* Messages of the pilot editor (web/pilot_edit*.c); strings in msg_pilotedit_<locale>.inc. */
#ifndef BRON_MSG_PILOTEDIT_H
#define BRON_MSG_PILOTEDIT_H

#define MSG_LIST_PILOTEDIT(X) \
	X(pe_new_title) X(pe_new_lead) X(pe_edit_title) X(pe_edit_lead) \
	X(pe_published_note) X(pe_review_note) X(pe_archived_note) \
	X(pe_missing_note) X(pe_needed) X(pe_title_hint) X(pe_summary_hint) \
	X(pe_where_legend) X(pe_region_hint) X(pe_region_choose) \
	X(pe_region_whole) X(pe_setting_hint) X(pe_setting_choose) \
	X(pe_project_hint) X(pe_project_none) X(pe_target_hint) X(pe_age_hint) \
	X(pe_phase_legend) X(pe_phase_hint) X(pe_phase_choose) \
	X(pe_since_hint) X(pe_since_current) X(pe_since_current_date) \
	X(pe_phase_note_hint) X(pe_start_hint) X(pe_end_hint) \
	X(pe_partners_legend) X(pe_partners_hint) X(pe_text_legend) \
	X(pe_md_hint) X(pe_problem_hint) X(pe_approach_hint) X(pe_body_label) \
	X(pe_body_hint) X(pe_results_hint) X(pe_figures_hint) \
	X(pe_conditions_hint) X(pe_contact_legend) X(pe_contact_label) \
	X(pe_contact_hint) X(pe_contact_asked) X(pe_contact_agreed) \
	X(pe_themes_hint) X(pe_community_hint) X(pe_owner_hint) \
	X(pe_related_hint) X(pe_change_hint) X(pe_save_concept) X(pe_submit) \
	X(pe_publish) X(pe_buttons_hint_concept) X(pe_buttons_hint) \
	X(pe_title_empty) X(pe_need_region) X(pe_need_setting) \
	X(pe_need_phase) X(pe_need_start) X(pe_need_problem) \
	X(pe_need_approach) X(pe_incomplete) X(pe_incomplete_saved) \
	X(pe_unknown_region) X(pe_unknown_setting) X(pe_unknown_project) \
	X(pe_unknown_phase) X(pe_contact_unknown) X(pe_contact_ambiguous) \
	X(pe_contact_long) X(pe_target_long) X(pe_age_bad) X(pe_age_order) \
	X(pe_date_bad) X(pe_date_range) X(pe_end_before) X(pe_since_future) \
	X(pe_phase_note_long) X(pe_partners_many) X(pe_partner_long) \
	X(pe_md_long) X(pe_body_long) X(pe_bad_chars) X(pe_fig_no_equals) \
	X(pe_fig_no_label) X(pe_fig_label_long) X(pe_fig_no_number) \
	X(pe_fig_number_long) X(pe_fig_unit_long) X(pe_fig_bad_chars) \
	X(pe_fig_too_many) X(pe_action_bad) X(pe_state_changed) \
	X(pe_save_invalid) X(pe_save_forbidden) X(pe_save_gone) \
	X(pe_preview_note) X(pe_fig_col_label) X(pe_fig_col_value) \
	X(pe_feedback_title) X(pe_feedback_intro) X(pe_conflict_title) \
	X(pe_conflict_source) X(pe_conflict_same)

#endif
