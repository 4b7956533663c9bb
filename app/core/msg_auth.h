/*
 * Messages of sign-in, registration, sign-out and the form checks shared
 * by every form (names only; strings in msg_auth_<locale>.inc).
 */
#ifndef BRON_MSG_AUTH_H
#define BRON_MSG_AUTH_H

#define MSG_LIST_AUTH(X) \
	X(auth_login) X(auth_register) X(auth_logout) X(auth_account) \
	X(auth_menu_label) X(reg_title) X(reg_intro) X(reg_email_label) \
	X(reg_email_hint) X(reg_name_label) X(reg_name_hint) \
	X(reg_pw_label) X(reg_pw_hint) X(reg_kind_legend) \
	X(reg_kind_professional) X(reg_kind_ervaringsdeskundige) \
	X(reg_kind_anders) X(reg_button) X(reg_have_account) \
	X(reg_privacy_note) X(login_title) X(login_intro) \
	X(login_email_label) X(login_pw_label) X(login_button) \
	X(login_no_account) X(login_forgot) X(login_failed) \
	X(login_blocked) X(login_needed) X(throttled) X(form_empty) \
	X(form_too_long) X(form_bad_chars) X(form_bad_email) \
	X(form_pw_short) X(form_pw_long) X(form_pw_common) \
	X(form_bad_choice) X(form_email_taken) X(form_errors_title) \
	X(csrf_failed) X(form_busy) X(role_lid) \
	X(role_ervaringsdeskundige) X(role_redacteur) X(role_beheerder) \
	X(former_member) X(login_reset_done) X(field_email) X(field_name) \
	X(field_password) X(field_kind) X(field_bio) X(field_lang) \
	X(field_cw) X(field_current_password) X(field_new_password) \
	X(field_email_password) X(field_q) X(field_actie) X(field_rol) \
	X(title_error)

#endif
