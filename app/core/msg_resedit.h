/* Messages of the resource editor and suggestions (web/resource_edit*.c); strings in msg_resedit_<locale>.inc. */
#ifndef BRON_MSG_RESEDIT_H
#define BRON_MSG_RESEDIT_H

/*
 * re_fk_*: the workflow pages' words for a resource (a row of
 * web/flow_kind.c's table, see struct flow_kind).
 */
#define MSG_LIST_RESEDIT(X) \
	X(re_new_lead_editor) X(re_new_lead_member) X(re_edit_lead) \
	X(re_published_note) X(re_review_note) X(re_archived_note) \
	X(re_title_hint) X(re_summary_hint) X(re_body_hint) \
	X(re_type_hint) X(re_language_hint) X(re_content_legend) \
	X(re_content_hint) X(re_file_limit) X(re_file_received) \
	X(re_slot_version) X(re_themes_hint) X(re_community_hint) \
	X(re_note_hint) X(re_save_concept) X(re_save) X(re_publish) \
	X(re_suggest) X(re_buttons_editor) X(re_buttons_member) \
	X(re_buttons_saved) \
	X(re_title_empty) X(re_summary_long) X(re_body_long) \
	X(re_bad_chars) X(re_type_missing) X(re_publisher_long) \
	X(re_year_bad) X(re_year_range) X(re_language_bad) X(re_url_bad) \
	X(re_url_scheme) X(re_url_long) X(re_need_content) X(re_slot_bad) \
	X(re_file_note_long) X(re_file_gone) X(re_file_failed) \
	X(re_file_pending) X(re_file_busy) X(re_action_bad) \
	X(re_forbidden) X(re_gone) X(re_state_changed) \
	X(re_conflict_title) X(re_conflict_same) X(re_conflict_source) \
	X(re_preview_note) X(re_feedback_title) X(re_feedback_intro) \
	X(re_fk_kind) X(re_fk_back_item) X(re_fk_back_list) \
	X(re_fk_bad_action) X(re_fk_403_indienen) X(re_fk_403_editor) \
	X(re_fk_403_owner) X(re_fk_409_indienen) X(re_fk_409_goedkeuren) \
	X(re_fk_409_terugsturen) X(re_fk_409_published) \
	X(re_fk_409_terugzetten) X(re_fk_review_intro) \
	X(re_fk_review_preview) X(re_fk_review_concept) \
	X(re_fk_review_not_waiting) X(re_fk_review_changed) \
	X(re_fk_decision_legend) X(re_fk_decision_missing) \
	X(re_fk_feedback_missing) X(re_fk_note_hint) \
	X(re_fk_history_intro) X(re_fk_one_version) \
	X(re_fk_history_denied) X(re_fk_restore_stale) \
	X(re_fk_restore_denied) X(re_fk_mine_edit) X(re_fk_need_content) \
	X(re_fk_suggestion)

#endif
