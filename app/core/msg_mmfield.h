/*
 * Messages shared by every mastermind page (series, session, minutes,
 * actions): the states of the minutes, the statuses of actions, the
 * sections amendments refer to and the names of the fields. Strings in
 * msg_mmfield_<locale>.inc.
 */
#ifndef BRON_MSG_MMFIELD_H
#define BRON_MSG_MMFIELD_H

#define MSG_LIST_MMFIELD(X) \
	X(mm_state_concept) X(mm_state_amendering) X(mm_state_definitief) \
	X(mm_status_open) X(mm_status_gedaan) X(mm_status_vervallen) \
	X(mm_overdue) X(mm_section_algemeen) X(mm_section_vraag) \
	X(mm_section_inzichten) X(mm_section_afspraken) X(mm_external) \
	X(mm_former) X(mm_someone_external) \
	X(mmf_series) X(mmf_name) X(mmf_purpose) X(mmf_community) \
	X(mmf_facilitators) X(mmf_amend_days) X(mmf_session) X(mmf_date) \
	X(mmf_time) X(mmf_duration) X(mmf_location) X(mmf_facilitator) \
	X(mmf_participants) X(mmf_case) X(mmf_insights) X(mmf_agreements) \
	X(mmf_actions) X(mmf_what) X(mmf_owner) X(mmf_due) X(mmf_status) \
	X(mmf_note) X(mmf_evidence) X(mmf_minutes) X(mmf_amendments) \
	X(mmf_addenda) X(mmf_open_actions) X(mmf_carried) X(mmf_sessions)

#endif
