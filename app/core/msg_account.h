/* Messages of the account pages (names only; strings in msg_account_<locale>.inc). */
#ifndef BRON_MSG_ACCOUNT_H
#define BRON_MSG_ACCOUNT_H

#define MSG_LIST_ACCOUNT(X) \
	X(acct_title) X(acct_welcome) X(acct_about_title) \
	X(acct_kind_label) X(acct_role_label) X(acct_email_label) \
	X(acct_kind_professional) X(acct_kind_ervaringsdeskundige) \
	X(acct_kind_anders) X(acct_saved_profile) X(acct_saved_password) \
	X(acct_saved_email) X(acct_links_title) X(acct_profile_link) \
	X(acct_export_link) X(acct_delete_link) X(acct_profile_title) \
	X(acct_profile_intro) X(acct_bio_label) X(acct_bio_hint) \
	X(acct_lang_legend) X(acct_lang_nl) X(acct_lang_en) \
	X(acct_profile_button) X(acct_pw_title) \
	X(acct_pw_intro) X(acct_pw_current_label) X(acct_pw_new_label) \
	X(acct_pw_button) X(acct_pw_wrong) X(acct_pw_same) \
	X(acct_email_title) X(acct_email_intro) X(acct_email_new_label) \
	X(acct_email_pw_label) X(acct_email_pw_hint) X(acct_email_button) \
	X(acct_email_taken) X(acct_sessions_title) X(acct_sessions_intro) \
	X(acct_sess_caption) X(acct_sess_device) X(acct_sess_created) \
	X(acct_sess_seen) X(acct_sess_this) X(acct_sess_unknown) \
	X(acct_logout_all) X(acct_logout_all_hint)

#endif
