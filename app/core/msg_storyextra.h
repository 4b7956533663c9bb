/* Messages of replies under stories, quotes on the monitor and the warnings in other lists (web/story_reply*.c, story_quote*.c); strings in msg_storyextra_<locale>.inc. */
#ifndef BRON_MSG_STORYEXTRA_H
#define BRON_MSG_STORYEXTRA_H

#define MSG_LIST_STORYEXTRA(X) \
	X(sx_back) X(sx_back_story) X(sx_save_failed) X(sx_nonce_missing) \
	X(sx_choice_title) X(sx_choice_text) \
	X(sx_reply_title) X(sx_reply_lead) X(sx_reply_label) \
	X(sx_reply_hint) X(sx_reply_submit) X(sx_reply_empty) \
	X(sx_reply_too_long) X(sx_replies_off_title) X(sx_replies_off_text) \
	X(sx_decided_title) X(sx_decided_text) \
	X(sx_quote_title) X(sx_quote_lead) X(sx_quote_text_label) \
	X(sx_quote_text_hint) X(sx_quote_goal_label) \
	X(sx_quote_goal_choose) X(sx_quote_goal_missing) \
	X(sx_quote_submit) X(sx_quote_length) X(sx_quote_not_in_story) \
	X(sx_quote_closed_title) X(sx_quote_closed_text) \
	X(sx_quotes_heading) X(sx_quotes_intro) X(sx_quote_from) \
	X(sx_quote_remove)

#endif
