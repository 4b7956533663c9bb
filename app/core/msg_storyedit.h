/*
 * Messages of the story editor, sending in with consent and my stories
 * (web/story_edit*.c, story_mine.c); strings in
 * msg_storyedit_<locale>.inc.
 */
#ifndef BRON_MSG_STORYEDIT_H
#define BRON_MSG_STORYEDIT_H

#define MSG_LIST_STORYEDIT(X) \
	X(se_new_title) X(se_new_lead) X(se_edit_title) X(se_edit_lead) \
	X(se_part_story) X(se_title_hint) X(se_summary_hint) X(se_body_hint) \
	X(se_themes_hint) X(se_community_hint) X(se_community_none) \
	X(se_part_pseudonym) X(se_pseudonym_hint) X(se_part_warnings) \
	X(se_warnings_hint) X(se_part_checklist) X(se_checklist_hint) \
	X(se_part_keep) X(se_keep_label) X(se_keep_hint) X(se_part_consent) \
	X(se_scope_hint) X(se_consent_label) X(se_consent_hint) \
	X(se_under16_legend) X(se_under16_hint) X(se_yes) X(se_no) \
	X(se_guardian_legend) X(se_guardian_hint) X(se_guardian_label) \
	X(se_guardian_ok) X(se_consent_given) X(se_scope_link) X(se_save_concept) \
	X(se_save_changes) X(se_save_resubmit) X(se_submit) X(se_buttons_hint) \
	X(se_buttons_hint_review) X(se_state_now) X(se_notes_title) \
	X(se_back_warning) X(se_preview_note) X(se_conflict_title) \
	X(se_title_empty) X(se_title_long) X(se_summary_long) X(se_summary_need) \
	X(se_body_long) X(se_body_need) X(se_bad_chars) X(se_pseudonym_need) \
	X(se_pseudonym_length) X(se_pseudonym_is_name) X(se_warning_unknown) \
	X(se_checklist_need) X(se_checklist_unknown) X(se_scope_need) \
	X(se_consent_need) X(se_consent_old) X(se_under16_need) \
	X(se_guardian_need) X(se_not_sent) X(se_not_saved) X(se_action_bad) \
	X(se_save_forbidden) X(se_save_gone) X(se_state_changed) X(sm_title) \
	X(sm_lead) X(sm_new) X(sm_empty) X(sm_pseudonym) X(sm_pseudonym_none) \
	X(sm_scope_none) X(sm_scope_wanted) X(sm_changed) X(sm_edit) X(sm_publish) \
	X(sm_publish_hint) X(sm_scope) X(sm_withdraw) X(sm_withdraw_hint) \
	X(sm_actions) X(sm_done_ingetrokken) X(sm_done_gepubliceerd) \
	X(acct_stories_link) X(se_conflict_source) X(se_conflict_same)

#endif
