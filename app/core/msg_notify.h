/* Messages of notifications and following (web/notify*.c, follow.c); strings in msg_notify_<locale>.inc. */
#ifndef BRON_MSG_NOTIFY_H
#define BRON_MSG_NOTIFY_H

#define MSG_LIST_NOTIFY(X) \
	X(follow_on) X(follow_off) X(follow_done_on) X(follow_done_off) \
	X(follow_bad) X(follow_back) X(notify_nav) X(notify_unread) \
	X(notify_title) X(notify_intro) X(notify_read_hint) X(notify_empty) \
	X(notify_count) X(notify_new) X(notify_mark_read) X(notify_mark_all) \
	X(notify_settings_link) X(notify_done_read) X(notify_done_all) \
	X(notify_reason) X(notify_bad) X(notify_back) X(notify_list_label) \
	X(notify_someone) X(notify_s_nieuw_item) X(notify_s_nieuw_item_c) \
	X(notify_s_wijziging) X(notify_s_gesprek) X(notify_s_reactie) \
	X(notify_s_vermelding) X(notify_s_lid_aanvraag) X(notify_s_lid_nieuw) \
	X(notify_s_lid_leden) X(notify_s_lid_uitnodiging) \
	X(notify_s_lid_besluit) X(notify_s_review_ok) X(notify_s_review_back) \
	X(notify_s_review) X(notify_s_mod_post_hidden) \
	X(notify_s_mod_post_back) X(notify_s_mod_item_hidden) \
	X(notify_s_mod_item_back) X(notify_set_title) X(notify_set_intro) \
	X(notify_set_app) X(notify_k_nieuw_item) X(notify_h_nieuw_item) \
	X(notify_k_wijziging) X(notify_h_wijziging) X(notify_k_gesprek) \
	X(notify_h_gesprek) X(notify_k_reactie) X(notify_h_reactie) \
	X(notify_k_vermelding) X(notify_h_vermelding) X(notify_k_lidmaatschap) \
	X(notify_h_lidmaatschap) X(notify_k_beoordeling) \
	X(notify_h_beoordeling) X(notify_k_moderatie) X(notify_h_moderatie) \
	X(notify_set_mail) X(notify_set_digest) X(notify_set_digest_hint) \
	X(notify_set_save) X(notify_set_saved) X(notify_mail_subject) \
	X(notify_mail_hello) X(notify_mail_intro) X(notify_mail_more) \
	X(notify_mail_footer) X(notify_s_contact) X(notify_k_contact) \
	X(notify_h_contact) X(notify_s_mm_geopend) X(notify_s_mm_aanvulling) \
	X(notify_s_mm_besluit) X(notify_s_mm) X(notify_s_actie) \
	X(notify_s_actie_herinnering) X(notify_k_mastermind) \
	X(notify_h_mastermind) X(notify_k_actie) X(notify_h_actie) \
	X(notify_s_verhaal) X(notify_s_verhaal_ingestuurd) \
	X(notify_s_verhaal_ingetrokken) X(notify_s_verhaal_verruiming) \
	X(notify_s_verhaal_verruimd) X(notify_s_verhaal_verruiming_af) \
	X(notify_s_verhaal_reactie) X(notify_s_verhaal_reactie_geplaatst) \
	X(notify_s_verhaal_link) X(notify_s_story_review_ok) \
	X(notify_s_story_review_back) X(notify_k_verhaal) X(notify_h_verhaal)

#endif
