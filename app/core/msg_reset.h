/* Messages of the reset pages (names only; strings in msg_reset_<locale>.inc). */
#ifndef BRON_MSG_RESET_H
#define BRON_MSG_RESET_H

#define MSG_LIST_RESET(X) \
	X(reset_title) X(reset_intro) X(reset_email_label) \
	X(reset_email_hint) X(reset_button) X(reset_back_login) \
	X(reset_sent_title) X(reset_sent) X(reset_sent_hint) \
	X(reset_new_title) X(reset_new_intro) X(reset_new_pw_label) \
	X(reset_new_button) X(reset_gone_title) X(reset_gone) \
	X(reset_gone_why) X(reset_gone_link) \
	X(reset_mail_subject) X(reset_mail_body)

#endif
