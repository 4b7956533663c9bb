/* Messages of flags and moderation (web/flag.c, moderation.c); strings in msg_moderation_<locale>.inc. */
#ifndef BRON_MSG_MODERATION_H
#define BRON_MSG_MODERATION_H

/*
 * flag_: the report form (/melden). mod_: the moderation queue
 * (/redactie/meldingen). flag_done is also the notice the discussion
 * and article pages show for ?gedaan=gemeld.
 */
#define MSG_LIST_MODERATION(X) \
	X(flag_title) X(flag_intro) X(flag_what_h) X(flag_in_community) \
	X(flag_reason_legend) X(flag_reason_ongepast) \
	X(flag_reason_ongepast_hint) X(flag_reason_onveilig) \
	X(flag_reason_onveilig_hint) X(flag_reason_privacy) \
	X(flag_reason_privacy_hint) X(flag_reason_spam) \
	X(flag_reason_spam_hint) X(flag_reason_anders) \
	X(flag_reason_anders_hint) X(flag_note_label) X(flag_note_hint) \
	X(flag_button) X(flag_cancel) X(flag_safety) X(flag_reason_empty) \
	X(flag_note_long) X(flag_note_chars) X(flag_note_needed) \
	X(flag_already) X(flag_hidden) X(flag_done) X(flag_back) X(flag_link) \
	X(mod_kind_bericht) X(mod_kind_artikel) X(mod_kind_pilot) \
	X(mod_kind_verhaal) X(mod_kind_mastermind) X(mod_kind_bron) \
	X(mod_title) X(mod_intro) X(mod_scope_editor) X(mod_scope_mod) \
	X(mod_to_redactie) X(mod_open_h) X(mod_open_none) X(mod_open_one) \
	X(mod_open_count) X(mod_open_more) X(mod_by) X(mod_no_authors) \
	X(mod_community) X(mod_no_community) X(mod_state_hidden) \
	X(mod_state_visible) X(mod_hidden_note) X(mod_excerpt_label) \
	X(mod_flags_one) X(mod_flags_count) X(mod_flags_label) \
	X(mod_no_note) X(mod_note_label) X(mod_note_hint) X(mod_hide) \
	X(mod_restore) X(mod_dismiss) X(mod_note_empty) X(mod_note_long) \
	X(mod_note_chars) X(mod_bad_action) X(mod_gone) \
	X(mod_done_verborgen) X(mod_done_hersteld) X(mod_done_afgewezen) \
	X(mod_resolved_h) X(mod_resolved_intro) X(mod_resolved_none) \
	X(mod_caption) X(mod_col_what) X(mod_col_community) \
	X(mod_col_decision) X(mod_col_note) X(mod_col_by) X(mod_col_when) \
	X(mod_col_flags) X(mod_col_now) X(mod_dec_verborgen) \
	X(mod_dec_afgewezen) X(mod_dec_hersteld) X(mod_denied_title) \
	X(mod_denied_text) X(mod_redactie_link) X(mod_group_label)

#endif
