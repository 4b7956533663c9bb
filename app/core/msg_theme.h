/* Messages of the theme pages (names only; strings in msg_theme_<locale>.inc). */
#ifndef BRON_MSG_THEME_H
#define BRON_MSG_THEME_H

/* tha_: theme administration (/redactie/themas, web/theme_admin.c). */
#define MSG_LIST_THEME(X) \
	X(tha_title) X(tha_intro) X(tha_to_redactie) X(tha_to_public) \
	X(tha_list_title) X(tha_caption) X(tha_col_title) X(tha_col_slug) \
	X(tha_col_items) X(tha_col_summary) X(tha_empty) X(tha_new_title) \
	X(tha_new_intro) X(tha_title_label) X(tha_title_hint) \
	X(tha_summary_label) X(tha_summary_hint) X(tha_body_label) \
	X(tha_body_hint) X(tha_create_button) X(tha_title_empty) \
	X(tha_title_long) X(tha_title_chars) X(tha_title_noslug) \
	X(tha_slug_taken) X(tha_summary_empty) X(tha_summary_long) \
	X(tha_summary_chars) X(tha_body_long) X(tha_body_chars) \
	X(tha_edit_heading) X(tha_edit_intro) X(tha_edit_view) \
	X(tha_edit_back) X(tha_edit_slug) X(tha_edit_items) \
	X(tha_edit_form_title) X(tha_save_button) X(tha_merge_title) \
	X(tha_merge_intro) X(tha_merge_warn) X(tha_merge_label) \
	X(tha_merge_hint) X(tha_merge_choose) X(tha_merge_button) \
	X(tha_merge_none) X(tha_into_empty) X(tha_into_unknown) \
	X(tha_done_created) X(tha_done_saved) X(tha_done_merged)

#endif
