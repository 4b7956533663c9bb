/* Messages of communities of practice (web/community*.c); strings in msg_community_<locale>.inc. */
#ifndef BRON_MSG_COMMUNITY_H
#define BRON_MSG_COMMUNITY_H

/* comm_: communities, membership, invitations (web/community*.c). */
#define MSG_LIST_COMMUNITY(X) \
	X(comm_new_link) X(comm_list_count) X(comm_vis_openbaar) \
	X(comm_vis_leden) X(comm_vis_besloten) X(comm_members_count) \
	X(comm_you_member) X(comm_you_moderator) X(comm_you_request) \
	X(comm_you_invited) X(comm_l_visibility) X(comm_l_membership) \
	X(comm_l_members) X(comm_new_title) X(comm_new_lead) \
	X(comm_edit_title) X(comm_edit_lead) X(comm_f_name) \
	X(comm_f_name_hint) X(comm_f_summary) X(comm_f_summary_hint) \
	X(comm_f_purpose) X(comm_f_purpose_hint) X(comm_f_themes) \
	X(comm_f_themes_hint) X(comm_f_vis) X(comm_f_vis_openbaar_hint) \
	X(comm_f_vis_leden_hint) X(comm_f_vis_besloten_hint) \
	X(comm_f_mem) X(comm_f_mem_open_hint) X(comm_f_mem_aanvraag_hint) \
	X(comm_f_mem_uitnodiging_hint) X(comm_create_button) \
	X(comm_save_button) X(comm_cancel) X(comm_name_empty) \
	X(comm_name_long) X(comm_name_noslug) X(comm_summary_empty) \
	X(comm_summary_long) X(comm_purpose_empty) X(comm_purpose_long) \
	X(comm_bad_chars) X(comm_themes_unknown) X(comm_vis_choose) \
	X(comm_mem_choose) X(comm_nonce_missing) X(comm_save_failed) \
	X(comm_save_forbidden) X(comm_save_gone) X(comm_conflict_title) \
	X(comm_conflict_text) X(comm_conflict_stored) \
	X(comm_conflict_diff) X(comm_conflict_same) X(comm_diff_legend) \
	X(comm_diff_fold) X(comm_h_purpose) X(comm_h_about) \
	X(comm_h_themes) X(comm_h_moderators) X(comm_no_moderators) \
	X(comm_members_link) X(comm_h_recent) X(comm_h_items) \
	X(comm_items_empty) X(comm_h_topics) X(comm_topics_empty) \
	X(comm_topics_all) X(comm_topic_new) X(comm_topic_by) \
	X(comm_topic_posts) X(comm_topic_last) X(comm_pinned) \
	X(comm_closed) X(comm_members_only_title) \
	X(comm_members_only_text) X(comm_h_membership) X(comm_join_login) \
	X(comm_join_button) X(comm_request_label) X(comm_request_hint) \
	X(comm_request_button) X(comm_invite_only) X(comm_state_request) \
	X(comm_withdraw_button) X(comm_state_invited) \
	X(comm_accept_button) X(comm_decline_button) X(comm_state_member) \
	X(comm_state_moderator) X(comm_leave_button) X(comm_h_moderate) \
	X(comm_edit_link) X(comm_manage_link) X(comm_requests_waiting) \
	X(comm_feed_link) X(comm_done_created) X(comm_done_saved) \
	X(comm_done_joined) X(comm_done_requested) X(comm_done_declined) \
	X(comm_done_left) X(comm_done_withdrawn) X(comm_note_long) \
	X(comm_err_title) X(comm_err_invite_only) X(comm_err_last_mod) \
	X(comm_err_no_invite) X(comm_err_not_member) \
	X(comm_err_bad_action) X(comm_err_csrf) X(comm_back) \
	X(comm_members_title) X(comm_members_intro) \
	X(comm_members_caption) X(comm_members_empty) X(comm_col_name) \
	X(comm_col_role) X(comm_col_since) X(comm_col_actions) \
	X(comm_col_note) X(comm_col_asked) X(comm_col_invited_by) \
	X(comm_col_invited) X(comm_role_member) X(comm_role_moderator) \
	X(comm_h_requests) X(comm_requests_caption) \
	X(comm_requests_empty) X(comm_h_invited) X(comm_invited_caption) \
	X(comm_invited_empty) X(comm_mailed_open) X(comm_no_note) \
	X(comm_b_approve) X(comm_b_reject) X(comm_b_remove) \
	X(comm_b_make_mod) X(comm_b_unmake_mod) X(comm_b_revoke) \
	X(comm_h_invite) X(comm_invite_intro) X(comm_f_who) \
	X(comm_f_who_hint) X(comm_f_note) X(comm_f_note_hint) \
	X(comm_invite_button) X(comm_who_empty) X(comm_who_none) \
	X(comm_who_many) X(comm_who_bad_email) X(comm_who_long) \
	X(comm_done_approved) X(comm_done_rejected) X(comm_done_removed) \
	X(comm_done_mod) X(comm_done_unmod) X(comm_done_revoked) \
	X(comm_done_invited) X(comm_done_already) X(comm_err_state) \
	X(comm_err_self) X(comm_err_no_account) X(comm_err_not_mod) \
	X(comm_back_members) X(comm_inv_title) X(comm_inv_text) \
	X(comm_inv_text_anon) X(comm_inv_accept) X(comm_inv_later) \
	X(comm_inv_gone_title) X(comm_inv_gone_text) X(comm_inv_back) \
	X(comm_done_welcome) X(comm_mail_subject) X(comm_mail_body) \
	X(comm_mail_note) X(comm_mail_someone) X(comm_feed_title)

#endif
