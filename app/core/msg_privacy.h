/* Messages of the privacy pages (names only; strings in msg_privacy_<locale>.inc). */
#ifndef BRON_MSG_PRIVACY_H
#define BRON_MSG_PRIVACY_H

#define MSG_LIST_PRIVACY(X) \
	X(priv_export_title) X(priv_export_lead) X(priv_export_holds_title) \
	X(priv_export_holds_account) X(priv_export_holds_sessions) \
	X(priv_export_holds_contrib) X(priv_export_holds_consent) \
	X(priv_export_holds_notif) X(priv_export_holds_mail) \
	X(priv_export_holds_reset) X(priv_export_holds_audit) \
	X(priv_export_not_holds) X(priv_export_format) \
	X(priv_export_button) X(priv_delete_title) X(priv_delete_lead) \
	X(priv_delete_what_title) X(priv_delete_what_data) \
	X(priv_delete_what_sessions) X(priv_delete_what_contrib) \
	X(priv_delete_what_stories) X(priv_delete_export_hint) \
	X(priv_delete_export_link) X(priv_delete_final) \
	X(priv_delete_pw_label) X(priv_delete_pw_hint) \
	X(priv_delete_pw_wrong) X(priv_delete_button) \
	X(priv_delete_cancel) X(priv_back_account) \
	X(priv_profile_kind_professional) \
	X(priv_profile_kind_ervaringsdeskundige) \
	X(priv_profile_kind_anders) X(priv_profile_no_name) \
	X(priv_profile_gone) X(priv_profile_bio_title) \
	X(priv_profile_contrib_title) X(priv_profile_contrib_empty) \
	X(priv_deleted_notice)

#endif
