/* Messages of the session pages: session form, session page, Markdown export (web/mm_session*.c, mm_export.c); strings in msg_mmsession_<locale>.inc. */
#ifndef BRON_MSG_MMSESSION_H
#define BRON_MSG_MMSESSION_H

#define MSG_LIST_MMSESSION(X) \
	X(mms_number) X(mms_not_final) X(mms_amend_until) X(mms_window_over) \
	X(mms_final_on) X(mms_minutes_n) X(mms_when) X(mms_no_actions) \
	X(mms_no_carried) X(mms_closed_here) X(mms_update) \
	X(mms_evidence_hint) X(mms_edit) X(mms_add_action) X(mms_open) \
	X(mms_close_now) X(mms_finalise) X(mms_add_addendum) X(mms_propose) \
	X(mms_download) X(mms_decide) X(mms_reply) X(mms_proposal) \
	X(mms_from_session) X(mms_runner_nav) X(mms_addendum_of) \
	X(mms_no_participants) X(mms_comment) X(mms_actions_caption) \
	X(mms_carried_caption) X(mms_done_opgeslagen) X(mms_done_geopend) \
	X(mms_done_gesloten) X(mms_done_vastgesteld) X(mms_done_aanvulling) \
	X(mms_done_overgenomen) X(mms_done_afgewezen) X(mms_done_addendum) \
	X(mms_done_actie) X(mms_done_bijgewerkt) X(mms_done_verwijderd) \
	X(mms_new_title) X(mms_edit_title) X(mms_form_lead) X(mms_back) \
	X(mms_title_hint) X(mms_date_hint) X(mms_facilitator_hint) \
	X(mms_participants_hint) X(mms_case_hint) X(mms_insights_hint) \
	X(mms_agreements_hint) X(mms_related_hint) X(mms_preview) \
	X(mms_save) X(mms_preview_heading) X(mms_title_empty) \
	X(mms_title_long) X(mms_summary_long) X(mms_date_bad) \
	X(mms_time_bad) X(mms_duration_bad) X(mms_location_long) \
	X(mms_facilitator_unknown) X(mms_facilitator_ambiguous) \
	X(mms_participant_ambiguous) X(mms_part_no_name) X(mms_part_parens) \
	X(mms_part_name_long) X(mms_part_role_long) X(mms_part_bad_chars) \
	X(mms_part_too_many) X(mms_md_long) X(mms_bad_chars) \
	X(mms_related_bad) X(mms_tags_bad) X(mms_nonce_missing) \
	X(mms_final_409) X(mms_final_409_link) X(mms_conflict) \
	X(mms_save_forbidden) X(mms_save_gone) X(mms_save_failed) \
	X(mms_carried_none_form) X(mms_carried_form_caption) \
	X(mms_export_date) X(mms_export_facilitator) X(mms_export_series) \
	X(mms_export_location) X(mms_conflict_stored) X(mms_note_hint) \
	X(mms_tags_hint) X(mms_when_legend) X(mms_who_legend) \
	X(mms_summary_hint) X(mms_time_hint) X(mms_duration_hint) \
	X(mms_location_hint) X(mms_themes_hint) X(mms_md_hint) \
	X(mms_preview_note) X(mms_final_heading) X(mms_minutes_legend)

#endif
