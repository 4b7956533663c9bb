/* Messages of the resource page, the list of resources and its feed (web/resource_show*.c, resource_list*.c, feed_resource.c); strings in msg_resshow_<locale>.inc. */
#ifndef BRON_MSG_RESSHOW_H
#define BRON_MSG_RESSHOW_H

#define MSG_LIST_RESSHOW(X) \
	X(rs_done_bewaard) X(rs_done_gepubliceerd) X(rs_done_voorgesteld) \
	X(rs_done_teruggestuurd) X(rs_done_gearchiveerd) \
	X(rs_done_teruggezet) \
	X(rs_status_concept) X(rs_status_ter_review) \
	X(rs_status_gearchiveerd) X(rs_status_hidden) \
	X(rs_feedback_title) X(rs_missing_title) X(rs_missing_inhoud) \
	X(rs_actions_label) X(rs_version) X(rs_downloads_one) \
	X(rs_downloads) \
	X(rs_filters) X(rs_to_results) X(rs_f_theme) X(rs_all_types) \
	X(rs_all_themes) X(rs_all_years) X(rs_count_one) X(rs_count) \
	X(rs_none_filtered) X(rs_none_page) X(rs_first_page) \
	X(rs_bad_args) X(rs_bad_type) X(rs_bad_theme) X(rs_bad_year) \
	X(rs_bad_page) \
	X(rs_feed_link) X(rs_feed_title) X(rs_feed_subtitle)

#endif
