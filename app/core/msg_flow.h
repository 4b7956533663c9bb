/* Messages of the workflow pages (names only; strings in msg_flow_<locale>.inc). */
#ifndef BRON_MSG_FLOW_H
#define BRON_MSG_FLOW_H

#define MSG_LIST_FLOW(X) \
	X(flow_review_changed) \
	X(flow_back_article) X(flow_back_history) X(flow_back_articles) \
	X(flow_denied_title) X(flow_conflict_title) X(flow_bad_title) \
	X(flow_csrf_text) X(flow_bad_action) X(flow_403_indienen) \
	X(flow_403_editor) X(flow_403_owner) X(flow_409_indienen) \
	X(flow_409_goedkeuren) X(flow_409_terugsturen) \
	X(flow_409_published) X(flow_409_terugzetten) X(flow_no_authors) \
	X(flow_status_concept) X(flow_status_ter_review) \
	X(flow_status_gepubliceerd) X(flow_status_gearchiveerd) \
	X(flow_status_sent_back) X(flow_review_kicker) X(flow_review_title) \
	X(flow_review_intro) X(flow_review_meta) X(flow_review_skip) \
	X(flow_history_link) X(flow_review_preview) X(flow_toc_title) \
	X(flow_review_concept) X(flow_review_not_waiting) \
	X(flow_decision_title) X(flow_decision_legend) \
	X(flow_decision_approve) X(flow_decision_send_back) \
	X(flow_note_label) X(flow_note_hint) X(flow_decision_button) \
	X(flow_decision_missing) X(flow_feedback_missing) \
	X(flow_history_kicker) X(flow_history_title) X(flow_history_intro) \
	X(flow_history_caption) X(flow_col_version) X(flow_col_date) \
	X(flow_col_author) X(flow_col_note) X(flow_col_from) X(flow_col_to) \
	X(flow_col_restore) X(flow_version_n) X(flow_current) \
	X(flow_restored_from) X(flow_compare_from) X(flow_compare_to) \
	X(flow_compare_hint) X(flow_compare_button) X(flow_restore_button) \
	X(flow_one_version) X(flow_diff_kicker) X(flow_diff_title) \
	X(flow_diff_pick) X(flow_diff_from_label) X(flow_diff_to_label) \
	X(flow_diff_option) X(flow_diff_heading) X(flow_diff_meta) \
	X(flow_diff_stats) X(flow_diff_how) X(flow_diff_del_word) \
	X(flow_diff_ins_word) X(flow_diff_how_del) X(flow_diff_how_ins) \
	X(flow_diff_how_same) X(flow_diff_fold) X(flow_diff_title_h) \
	X(flow_diff_body_h) X(flow_diff_same_title) \
	X(flow_diff_same_summary) X(flow_diff_same_body) X(flow_diff_equal) \
	X(flow_diff_swapped) X(flow_diff_unknown) X(flow_diff_bad) \
	X(flow_diff_need_two) X(flow_saved_on) X(flow_by) X(flow_rev_title) \
	X(flow_rev_note) X(flow_rev_source) X(flow_rev_compare_current) \
	X(flow_rev_compare_prev) X(flow_rev_restore_intro) \
	X(flow_restore_stale) X(flow_restore_current) \
	X(flow_restore_unknown) X(flow_restore_denied) X(flow_restore_bad) \
	X(flow_restore_too_big) X(flow_history_denied) X(flow_queue_title) \
	X(flow_queue_intro) X(flow_queue_themes) X(flow_queue_review_h) \
	X(flow_queue_review_intro) X(flow_queue_check_h) \
	X(flow_queue_check_intro) X(flow_queue_back_h) \
	X(flow_queue_back_intro) X(flow_queue_review_none) \
	X(flow_queue_check_none) X(flow_queue_back_none) \
	X(flow_queue_count) X(flow_queue_more) X(flow_col_title) \
	X(flow_col_authors) X(flow_col_submitted) X(flow_col_checked) \
	X(flow_col_sent_back) X(flow_col_feedback) X(flow_col_action) \
	X(flow_queue_review_link) X(flow_mark_checked) X(flow_never) \
	X(flow_mine_title) X(flow_mine_intro) X(flow_mine_new) \
	X(flow_mine_none) X(flow_mine_caption) X(flow_col_status) \
	X(flow_col_changed) X(flow_col_remarks) X(flow_feedback_label) \
	X(flow_mine_edit) X(flow_due) X(flow_due_hint) \
	X(flow_p_back_item) X(flow_p_back_list) X(flow_p_bad_action) \
	X(flow_p_403_indienen) X(flow_p_403_editor) X(flow_p_403_owner) \
	X(flow_p_409_indienen) X(flow_p_409_goedkeuren) \
	X(flow_p_409_terugsturen) X(flow_p_409_published) \
	X(flow_p_409_terugzetten) X(flow_p_review_intro) \
	X(flow_p_review_preview) X(flow_p_review_concept) \
	X(flow_p_review_not_waiting) X(flow_p_decision_legend) \
	X(flow_p_decision_missing) X(flow_p_feedback_missing) \
	X(flow_p_note_hint) X(flow_p_review_changed) X(flow_p_history_intro) \
	X(flow_p_one_version) X(flow_p_history_denied) \
	X(flow_p_restore_stale) X(flow_p_restore_denied) X(flow_p_mine_edit) \
	X(flow_kind_artikel) X(flow_kind_pilot) X(flow_col_kind) \
	X(flow_mine_new_pilot) X(flow_incomplete_title) \
	X(flow_incomplete_text) X(flow_incomplete_unknown) \
	X(flow_incomplete_edit) X(flow_review_missing) X(flow_fields_h) \
	X(flow_contact_pending) X(flow_diff_same_fields) \
	X(flow_diff_same_part) X(flow_rev_field_source) \
	X(flow_restore_field) X(flow_related_lesson) \
	X(flow_restore_incomplete)

#endif
