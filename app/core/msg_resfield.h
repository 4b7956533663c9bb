/* The shared words of resources and uploads: types, languages, field labels, file facts (core/resource.c, every web/resource*.c and upload*.c); strings in msg_resfield_<locale>.inc. */
#ifndef BRON_MSG_RESFIELD_H
#define BRON_MSG_RESFIELD_H

#define MSG_LIST_RESFIELD(X) \
	X(rt_publicatie) X(rt_publicatie_help) X(rt_sjabloon) \
	X(rt_sjabloon_help) X(rt_toolkit) X(rt_toolkit_help) X(rt_video) \
	X(rt_video_help) X(rt_website) X(rt_website_help) X(rt_onderzoek) \
	X(rt_onderzoek_help) \
	X(rl_nl) X(rl_nl_own) X(rl_en) X(rl_en_own) X(rl_fy) X(rl_fy_own) \
	X(rl_de) X(rl_de_own) X(rl_fr) X(rl_fr_own) X(rl_ar) X(rl_ar_own) \
	X(rl_tr) X(rl_tr_own) X(rl_pl) X(rl_pl_own) X(rl_uk) X(rl_uk_own) \
	X(rf_title) X(rf_summary) X(rf_summary_hint) X(rf_body) \
	X(rf_body_hint) X(rf_type) X(rf_publisher) X(rf_publisher_hint) \
	X(rf_year) X(rf_year_hint) X(rf_language) X(rf_url) X(rf_url_hint) \
	X(rf_file) X(rf_file_hint) X(rf_file_note) X(rf_file_note_hint) \
	X(rf_slot) X(rf_slot_new) X(rf_files) X(rf_version) \
	X(rf_version_of) X(rf_versions) X(rf_added_on) X(rf_downloads) \
	X(rf_download) X(rf_size_b) X(rf_size_kb) X(rf_size_mb) \
	X(rf_mime_pdf) X(rf_mime_png) X(rf_mime_jpeg) X(rf_mime_webp) \
	X(rf_mime_text) X(rf_mime_odt) X(rf_mime_docx) X(rf_link) \
	X(rf_link_external) X(rf_kind_label) X(rf_suggest) \
	X(rf_suggestion) X(rf_new) X(rf_edit)

#endif
