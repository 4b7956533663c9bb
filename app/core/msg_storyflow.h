/* Messages of review by editors, publish, withdraw, scope, the author look and the editors' story queue (web/story_review.c, story_publish.c, story_withdraw.c, story_scope.c, story_author.c, story_queue.c); strings in msg_storyflow_<locale>.inc. */
#ifndef BRON_MSG_STORYFLOW_H
#define BRON_MSG_STORYFLOW_H

#define MSG_LIST_STORYFLOW(X) \
	X(sfl_author_button) X(sfl_author_find) X(sfl_author_former) \
	X(sfl_author_intro) X(sfl_author_nobody) X(sfl_author_pseudonym) \
	X(sfl_author_recorded) X(sfl_author_result_h) X(sfl_author_title) \
	X(sfl_back_story) X(sfl_came_back) X(sfl_check_id) X(sfl_check_safe) \
	X(sfl_checks_legend) X(sfl_checks_missing) X(sfl_col_asked) \
	X(sfl_col_changed) X(sfl_col_note) X(sfl_col_scope_now) \
	X(sfl_col_scope_wanted) X(sfl_col_sent_in) X(sfl_consent_at) \
	X(sfl_consent_box) X(sfl_consent_h) X(sfl_consent_missing) \
	X(sfl_consent_none) X(sfl_consent_now) X(sfl_consent_scope) \
	X(sfl_consent_under16) X(sfl_consent_version) X(sfl_decision_akkoord) \
	X(sfl_decision_legend) X(sfl_decision_missing) \
	X(sfl_decision_voorstel) X(sfl_done_afgewezen) X(sfl_done_akkoord) \
	X(sfl_done_geplaatst) X(sfl_done_verruimd) X(sfl_done_verruiming_af) \
	X(sfl_done_voorstel) X(sfl_form_h) X(sfl_guardian_given) \
	X(sfl_guardian_hint) X(sfl_guardian_legend) X(sfl_guardian_missing) \
	X(sfl_guardian_name) X(sfl_guardian_statement_missing) X(sfl_guide_1) \
	X(sfl_guide_2) X(sfl_guide_3) X(sfl_guide_4) X(sfl_guide_intro) \
	X(sfl_hist_akkoord) X(sfl_hist_voorstel) X(sfl_history_h) \
	X(sfl_history_none) X(sfl_mine_link) X(sfl_no) X(sfl_not_ticked) \
	X(sfl_notes_hint) X(sfl_notes_label) X(sfl_notes_required) \
	X(sfl_publish_stale) X(sfl_queue_back) X(sfl_queue_intro) \
	X(sfl_queue_replies_h) X(sfl_queue_replies_intro) \
	X(sfl_queue_replies_none) X(sfl_queue_review_h) \
	X(sfl_queue_review_none) X(sfl_queue_scope_h) X(sfl_queue_scope_none) \
	X(sfl_queue_title) X(sfl_queue_wait_h) X(sfl_queue_wait_intro) \
	X(sfl_queue_wait_none) X(sfl_queue_withdrawn) X(sfl_queue_withdrawn_h) \
	X(sfl_queue_withdrawn_one) X(sfl_redactie_link) X(sfl_refused_title) \
	X(sfl_reply_place) X(sfl_reply_reject) X(sfl_reply_under) \
	X(sfl_review_checks_intro) X(sfl_review_intro) X(sfl_review_not_now) \
	X(sfl_review_stale) X(sfl_review_state) X(sfl_review_story_h) \
	X(sfl_review_submit) X(sfl_review_title) X(sfl_scope_allow) \
	X(sfl_scope_asked) X(sfl_scope_consent_hint) X(sfl_scope_current) \
	X(sfl_scope_decide_legend) X(sfl_scope_decide_submit) \
	X(sfl_scope_deny) X(sfl_scope_intro) X(sfl_scope_legend) \
	X(sfl_scope_missing) X(sfl_scope_nothing) X(sfl_scope_now) \
	X(sfl_scope_pending) X(sfl_scope_state) X(sfl_scope_submit) \
	X(sfl_ticked) X(sfl_under16_legend) X(sfl_under16_missing) \
	X(sfl_version) X(sfl_withdraw_state) X(sfl_yes) X(sfl_audit_teller)

#endif
