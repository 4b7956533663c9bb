/* Messages of the story page, the warning gate, the stories list, the stories feed, the help banner and the warning settings (web/story_show*.c, story_list.c, feed_story.c, help.c); strings in msg_storyread_<locale>.inc. */
#ifndef BRON_MSG_STORYREAD_H
#define BRON_MSG_STORYREAD_H

#define MSG_LIST_STORYREAD(X) \
	X(sr_list_intro) X(sr_filter_legend) X(sr_filter_theme) \
	X(sr_filter_all) X(sr_filter_zonder) X(sr_filter_button) X(sr_empty) \
	X(sr_count) X(sr_count_one) X(sr_write) X(sr_mine) X(sr_feed_link) \
	X(sr_feed_title) X(sr_feed_subtitle) X(sr_list_label) X(sr_gate_show) \
	X(sr_gate_hint) X(sr_gate_account) X(sr_hidden) X(sr_replies_title) \
	X(sr_replies_none) X(sr_reply_label) X(sr_reply_hint) \
	X(sr_reply_button) X(sr_reply_login) X(sr_reply_by) X(sr_reply_teller) \
	X(sr_panel_title) X(sr_panel_intro) X(sr_panel_scope) \
	X(sr_panel_scope_none) X(sr_panel_scope_wanted) X(sr_panel_notes) \
	X(sr_act_edit) X(sr_act_publish) X(sr_act_publish_hint) \
	X(sr_act_scope) X(sr_replies_on) X(sr_replies_off) \
	X(sr_act_replies_on) X(sr_act_replies_off) X(sr_act_withdraw) \
	X(sr_act_withdraw_hint) X(sr_waiting_title) X(sr_waiting_none) \
	X(sr_reply_place) X(sr_reply_reject) X(sr_editor_title) \
	X(sr_review_link) X(sr_author_link) X(sr_done_bewaard) \
	X(sr_done_ingestuurd) X(sr_done_gepubliceerd) X(sr_done_ingetrokken) \
	X(sr_done_beperkt) X(sr_done_gevraagd) X(sr_done_reactie) \
	X(sr_done_geplaatst) X(sr_done_afgewezen) X(sr_done_instellingen) \
	X(sr_cw_legend) X(sr_cw_hint)

#endif
