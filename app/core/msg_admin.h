/* Messages of the admin pages (names only; strings in msg_admin_<locale>.inc). */
#ifndef BRON_MSG_ADMIN_H
#define BRON_MSG_ADMIN_H

#define MSG_LIST_ADMIN(X) \
	X(admin_nav) X(admin_users_title) X(admin_users_intro) \
	X(admin_search_legend) X(admin_q_label) X(admin_q_hint) \
	X(admin_q_too_long) X(admin_q_bad_chars) X(admin_role_filter) \
	X(admin_all_roles) X(admin_search_button) X(admin_users_caption) \
	X(admin_users_count) X(admin_users_one) X(admin_users_none) X(admin_col_name) \
	X(admin_col_email) X(admin_col_kind) X(admin_col_role) \
	X(admin_col_status) X(admin_col_created) X(admin_col_actions) \
	X(admin_kind_professional) X(admin_kind_ervaringsdeskundige) \
	X(admin_kind_anders) X(admin_status_actief) \
	X(admin_status_geblokkeerd) X(admin_status_verwijderd) \
	X(admin_role_of) X(admin_save) X(admin_block) X(admin_unblock) \
	X(admin_you) X(admin_no_email) X(admin_pages_label) \
	X(admin_prev) X(admin_next) X(admin_page_of) X(admin_bad_page) \
	X(admin_audit_title) X(admin_audit_intro) X(admin_audit_link) \
	X(admin_users_link) X(admin_actie_label) X(admin_all_actions) \
	X(admin_filter_button) X(admin_actie_bad) X(admin_audit_caption) \
	X(admin_audit_count) X(admin_audit_one) X(admin_audit_none) X(admin_col_time) \
	X(admin_col_action) X(admin_col_actor) X(admin_col_target) \
	X(admin_col_detail) X(admin_system) X(admin_act_rol_gewijzigd) \
	X(admin_act_geblokkeerd) X(admin_act_gedeblokkeerd) \
	X(admin_act_inloggen_limiet) X(admin_act_account_verwijderd) \
	X(admin_act_aanmaken) X(admin_act_indienen) X(admin_act_goedkeuren) \
	X(admin_act_publiceren) X(admin_act_terugsturen) \
	X(admin_act_archiveren) X(admin_act_terugzetten) \
	X(admin_act_gecontroleerd) X(admin_act_versie_herstellen) \
	X(admin_act_eigenaar_gewijzigd) \
	X(admin_act_thema_aangemaakt) X(admin_act_thema_gewijzigd) \
	X(admin_act_thema_samenvoegen) \
	X(admin_act_gemeenschap_aangemaakt) \
	X(admin_act_gemeenschap_gewijzigd) \
	X(admin_act_lid_geworden) \
	X(admin_act_lid_vertrokken) \
	X(admin_act_lid_toegelaten) \
	X(admin_act_lid_afgewezen) \
	X(admin_act_lid_uitgenodigd) \
	X(admin_act_uitnodiging_ingetrokken) \
	X(admin_act_lid_verwijderd) \
	X(admin_act_moderator_benoemd) \
	X(admin_act_moderator_ontslagen) \
	X(admin_act_gesprek_vastzetten) \
	X(admin_act_gesprek_losmaken) \
	X(admin_act_gesprek_sluiten) \
	X(admin_act_gesprek_heropenen) \
	X(admin_act_bericht_bewerkt) \
	X(admin_act_bericht_verborgen) \
	X(admin_act_bericht_hersteld) \
	X(admin_act_bericht_afgewezen) \
	X(admin_act_item_verborgen) \
	X(admin_act_item_hersteld) \
	X(admin_act_item_afgewezen) \
	X(admin_act_export) X(admin_act_beheerder_aangemaakt) \
	X(admin_update_title) X(admin_self_block) X(admin_self_demote) \
	X(admin_bad_role) X(admin_bad_action) X(admin_user_deleted) \
	X(admin_back_to_list)

#endif
