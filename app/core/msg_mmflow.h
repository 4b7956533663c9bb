/* Messages of the minutes workflow, amendments, addenda and action forms, My actions (web/mm_minutes.c, mm_amend*.c, mm_addendum.c, mm_action*.c, mm_my_actions.c); strings in msg_mmflow_<locale>.inc. */
#ifndef BRON_MSG_MMFLOW_H
#define BRON_MSG_MMFLOW_H

#define MSG_LIST_MMFLOW(X) \
	X(mmw_step_bad) X(mmw_days_bad) X(mmw_fix_window) X(mmw_step_state) \
	X(mmw_amend_link) X(mmw_fix_amendments) X(mmw_step_refused) \
	X(mmw_step_invalid) X(mmw_back_session) X(mmw_amend_title) \
	X(mmw_amend_lead) X(mmw_amend_copy_heading) X(mmw_amend_copy_hint) \
	X(mmw_amend_section_legend) X(mmw_amend_comment_label) \
	X(mmw_amend_comment_hint) X(mmw_amend_proposal_label) \
	X(mmw_amend_proposal_hint) X(mmw_amend_submit) \
	X(mmw_amend_section_missing) X(mmw_amend_empty) \
	X(mmw_amend_general_proposal) X(mmw_amend_closed) \
	X(mmw_amend_closed_title) X(mmw_amend_closed_text) \
	X(mmw_amend_forbidden) X(mmw_nonce_missing) X(mmw_save_failed) \
	X(mmw_save_forbidden) X(mmw_save_gone) X(mmw_decide_title) \
	X(mmw_decide_lead) X(mmw_decide_section) X(mmw_decide_author) \
	X(mmw_decide_at) X(mmw_decide_proposal) X(mmw_decide_diff) \
	X(mmw_decide_diff_hint) X(mmw_decide_fold) \
	X(mmw_decide_reply_heading) X(mmw_decide_form_heading) \
	X(mmw_decide_legend) X(mmw_decide_accept) X(mmw_decide_accept_hint) \
	X(mmw_decide_reject) X(mmw_decide_reject_hint) \
	X(mmw_decide_reply_label) X(mmw_decide_reply_hint) \
	X(mmw_decide_submit) X(mmw_decide_missing) X(mmw_decide_done_title) \
	X(mmw_decide_done_text) X(mmw_former_member) \
	X(mmw_amend_state_open) X(mmw_amend_state_overgenomen) \
	X(mmw_amend_state_afgewezen) X(mmw_add_title) X(mmw_add_lead) \
	X(mmw_add_body_label) X(mmw_add_body_hint) X(mmw_add_submit) \
	X(mmw_add_not_final_title) X(mmw_add_not_final) \
	X(mmw_act_new_title) X(mmw_act_new_lead) X(mmw_act_what_hint) \
	X(mmw_act_owner_hint) X(mmw_act_due_hint) X(mmw_act_save) \
	X(mmw_act_save_again) X(mmw_act_added) X(mmw_act_what_empty) \
	X(mmw_act_owner_ambiguous) X(mmw_act_due_bad) X(mmw_act_status_bad) \
	X(mmw_act_evidence_bad) X(mmw_act_frozen) X(mmw_act_frozen_title) \
	X(mmw_act_frozen_new) X(mmw_act_title) X(mmw_act_from) \
	X(mmw_act_closed) X(mmw_act_closed_in) X(mmw_act_none) \
	X(mmw_act_no_due) X(mmw_act_conflict) X(mmw_act_remove_link) \
	X(mmw_act_update_heading) X(mmw_act_note_hint) \
	X(mmw_act_evidence_hint) X(mmw_act_update) X(mmw_act_updated) \
	X(mmw_rm_title) X(mmw_rm_lead) X(mmw_rm_note) X(mmw_rm_button) \
	X(mmw_rm_cancel) X(mmw_rm_final) X(mmw_my_title) X(mmw_my_lead) \
	X(mmw_my_back) X(mmw_my_closed_heading) X(mmw_my_open_caption) \
	X(mmw_my_closed_caption) X(mmw_my_update_col) X(mmw_my_update) \
	X(mmw_my_none_open) X(mmw_my_none_closed) X(mmw_my_link)

#endif
