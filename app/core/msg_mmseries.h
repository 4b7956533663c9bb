/* Messages of the series pages: /masterminds, series page, series form, calendar feed, series actions list (web/mm_series*.c, mm_index.c, mm_ics.c, mm_actions_list.c); strings in msg_mmseries_<locale>.inc. */
#ifndef BRON_MSG_MMSERIES_H
#define BRON_MSG_MMSERIES_H

#define MSG_LIST_MMSERIES(X) \
	X(mmser_index_title) X(mmser_index_lead) X(mmser_new_series) \
	X(mmser_series_heading) X(mmser_index_empty) X(mmser_public) \
	X(mmser_sessions_count) X(mmser_next) X(mmser_no_next) X(mmser_open_count) \
	X(mmser_final_heading) X(mmser_final_empty) X(mmser_feed_link) \
	X(mmser_in_series) X(mmser_purpose_none) X(mmser_agenda) X(mmser_agenda_hint) \
	X(mmser_sessions_empty) X(mmser_session_n) X(mmser_at) \
	X(mmser_actions_caption) X(mmser_actions_empty) X(mmser_all_actions) \
	X(mmser_new_session) X(mmser_edit_series) X(mmser_runner_heading) \
	X(mmser_done_opgeslagen) X(mmser_no_owner) X(mmser_no_due) X(mmser_new_title) \
	X(mmser_edit_title) X(mmser_form_lead) X(mmser_back_index) \
	X(mmser_back_series) X(mmser_name_hint) X(mmser_purpose_hint) \
	X(mmser_community_hint) X(mmser_community_none) X(mmser_facilitators_hint) \
	X(mmser_amend_days_hint) X(mmser_save) X(mmser_err_name_empty) \
	X(mmser_err_name_long) X(mmser_err_name_slug) X(mmser_err_purpose_long) \
	X(mmser_err_days) X(mmser_err_facilitator) \
	X(mmser_err_facilitator_ambiguous) X(mmser_err_facilitators) \
	X(mmser_err_community) X(mmser_err_community_forbidden) X(mmser_err_nonce) \
	X(mmser_err_forbidden) X(mmser_err_gone) X(mmser_err_failed) \
	X(mmser_conflict_heading) X(mmser_conflict_text) X(mmser_actions_title) \
	X(mmser_actions_lead) X(mmser_filter_label) X(mmser_f_open) X(mmser_f_te_laat) \
	X(mmser_f_gedaan) X(mmser_f_vervallen) X(mmser_f_alle) \
	X(mmser_actions_list_caption) X(mmser_actions_none) X(mmser_actions_count) \
	X(mmser_ics_desc) X(mmser_feed_title) X(mmser_feed_subtitle) X(mmser_current) \
	X(mmser_diff_fold) X(mmser_diff_heading)

#endif
