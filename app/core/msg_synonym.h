/* Messages of the synonym editor in /redactie (web/synonym*.c); strings in msg_synonym_<locale>.inc (prefix sy_). */
#ifndef BRON_MSG_SYNONYM_H
#define BRON_MSG_SYNONYM_H

#define MSG_LIST_SYNONYM(X) \
	X(sy_title) X(sy_intro) X(sy_to_redactie) X(sy_to_search) \
	X(sy_list_title) X(sy_caption) X(sy_col_terms) X(sy_col_source) \
	X(sy_col_changed) X(sy_col_note) X(sy_source_repo) \
	X(sy_source_redactie) X(sy_by) X(sy_empty) X(sy_new_title) \
	X(sy_new_intro) X(sy_terms_label) X(sy_terms_hint) \
	X(sy_note_label) X(sy_note_hint) X(sy_create_button) \
	X(sy_done_created) X(sy_done_saved) X(sy_done_deleted) \
	X(sy_edit_heading) X(sy_edit_intro) X(sy_edit_back) \
	X(sy_edit_repo) X(sy_edit_form_title) X(sy_save_button) \
	X(sy_delete_link) X(sy_fact_source) X(sy_fact_changed) \
	X(sy_fact_note) X(sy_delete_title) X(sy_delete_lead) \
	X(sy_delete_repo) X(sy_delete_button) X(sy_delete_cancel) \
	X(sy_plain) X(sy_terms_few) X(sy_terms_many) X(sy_terms_empty) \
	X(sy_term_long) X(sy_term_chars) X(sy_term_nowords) \
	X(sy_term_same) X(sy_term_taken) X(sy_terms_chars) \
	X(sy_terms_long) X(sy_note_long) X(sy_note_chars) \
	X(sy_save_failed) X(sy_redactie_link) X(sy_stale)

#endif
