/* Messages of discussions (web/topic*.c, post*.c); strings in msg_topic_<locale>.inc. */
#ifndef BRON_MSG_TOPIC_H
#define BRON_MSG_TOPIC_H

#define MSG_LIST_TOPIC(X) \
	X(topic_list_title) X(topic_list_heading) X(topic_list_intro) \
	X(topic_list_empty) X(topic_list_empty_member) X(topic_new_button) \
	X(topic_table_caption) X(topic_col_topic) X(topic_col_author) \
	X(topic_col_replies) X(topic_col_last) X(topic_mark_pinned) \
	X(topic_mark_closed) X(topic_mark_hidden) \
	X(topic_back_communities) X(topic_back_topic) X(topic_to_community) \
	X(topic_members_lead) X(topic_typed_title) X(topic_typed_text) \
	X(topic_new_members_only) X(topic_join_login) X(topic_join_open) \
	X(topic_join_request) X(topic_join_accept) X(topic_join_pending) \
	X(topic_join_invite_only) X(topic_join_note_label) \
	X(topic_join_note_hint) X(topic_new_title) X(topic_new_lead) \
	X(topic_title_label) X(topic_title_hint) X(topic_body_label) \
	X(topic_body_hint) X(topic_preview_hint) X(topic_preview_button) \
	X(topic_start_button) X(topic_preview_title) X(topic_preview_note) \
	X(topic_preview_back) X(topic_title_empty) X(topic_title_long) \
	X(topic_body_empty) X(topic_body_long) X(topic_bad_chars) \
	X(topic_new_forbidden) X(topic_new_gone) X(topic_save_failed) \
	X(topic_is_pinned) X(topic_is_closed) X(topic_is_hidden) X(topic_pin) \
	X(topic_unpin) X(topic_close) X(topic_reopen) X(topic_post_label) \
	X(topic_post_word) X(topic_which_post) X(topic_post_reply_to) \
	X(topic_edited) X(topic_hidden_text) X(topic_hidden_own) \
	X(topic_hidden_reason) X(topic_helpful_on) X(topic_helpful_off) \
	X(topic_helpful_one) X(topic_helpful_n) X(topic_helpful_own) \
	X(topic_quote) X(topic_edit) X(topic_flag) X(topic_reply_title) \
	X(topic_reply_label) X(topic_reply_button) X(topic_reply_closed) \
	X(topic_reply_closed_mod) X(topic_reply_hidden) \
	X(topic_reply_hidden_mod) X(topic_reply_not_member) \
	X(topic_reply_gone) X(topic_done_gestart) X(topic_done_geplaatst) \
	X(topic_done_bewerkt) X(topic_done_ongewijzigd) \
	X(topic_done_vastgezet) X(topic_done_losgemaakt) \
	X(topic_done_gesloten) X(topic_done_heropend) X(topic_done_nuttig) \
	X(topic_done_niet_nuttig) X(topic_csrf_text) X(topic_bad_action) \
	X(topic_moderators_only) X(topic_diff_fold) X(topic_diff_legend) \
	X(post_edit_title) X(post_edit_lead) X(post_back) X(post_body_label) \
	X(post_body_hint) X(post_save_button) X(post_edit_forbidden) \
	X(post_save_forbidden) X(post_save_gone) X(post_conflict_title) \
	X(post_conflict_text) X(post_conflict_stored) X(post_conflict_diff) \
	X(post_conflict_same) X(post_history_title) X(post_history_lead) \
	X(post_history_version) X(post_history_by) X(post_history_first) \
	X(post_history_diff_label) X(post_history_source)

#endif
