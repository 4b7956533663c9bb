/* Messages of the edit pages (names only; strings in msg_edit_<locale>.inc). */
#ifndef BRON_MSG_EDIT_H
#define BRON_MSG_EDIT_H

#define MSG_LIST_EDIT(X) \
	X(edit_new_title) X(edit_new_lead) X(edit_edit_title) \
	X(edit_edit_lead) X(edit_published_note) X(edit_archived_note) \
	X(edit_title_label) X(edit_title_hint) X(edit_summary_hint) \
	X(edit_body_label) X(edit_body_hint) X(edit_themes_legend) \
	X(edit_themes_hint) X(edit_tags_label) X(edit_tags_hint) \
	X(edit_community_label) X(edit_community_hint) \
	X(edit_community_none) X(edit_owner_label) X(edit_owner_hint) \
	X(edit_owner_former) X(edit_owner_none) X(edit_related_label) \
	X(edit_related_hint) \
	X(edit_note_label) X(edit_note_hint) X(edit_preview_button) \
	X(edit_save_button) X(edit_save_hint_new) X(edit_save_hint) \
	X(edit_title_empty) X(edit_title_long) X(edit_summary_empty) \
	X(edit_summary_long) X(edit_body_empty) X(edit_body_long) \
	X(edit_bad_chars) X(edit_tags_many) X(edit_tag_long) \
	X(edit_themes_unknown) X(edit_community_unknown) \
	X(edit_owner_unknown) X(edit_related_bad) X(edit_related_missing) \
	X(edit_related_many) X(edit_note_long) X(edit_nonce_missing) \
	X(edit_save_failed) X(edit_save_forbidden) X(edit_save_gone) \
	X(edit_preview_title) X(edit_preview_note) X(edit_preview_toc) \
	X(edit_preview_back) X(edit_feedback_title) X(edit_feedback_intro) \
	X(edit_conflict_title) X(edit_conflict_text) \
	X(edit_conflict_stored) X(edit_conflict_source) \
	X(edit_conflict_diff) X(edit_conflict_same) X(edit_diff_legend) \
	X(edit_diff_fold)

#endif
