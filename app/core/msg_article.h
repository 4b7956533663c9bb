/* Messages of the article pages (names only; strings in msg_article_<locale>.inc). */
#ifndef BRON_MSG_ARTICLE_H
#define BRON_MSG_ARTICLE_H

#define MSG_LIST_ARTICLE(X) \
	X(article_authors) X(article_editorial) \
	X(article_reading) X(article_minute) X(article_minutes) \
	X(article_published) X(article_checked) X(article_not_checked) \
	X(article_due) X(article_approved) X(article_approved_on) \
	X(article_approve_note) X(article_community) X(article_themes) \
	X(article_tags) X(article_toc) X(article_related) \
	X(article_backlinks) X(article_kind_artikel) X(article_kind_pilot) \
	X(article_kind_mastermind) X(article_kind_verhaal) \
	X(article_kind_bron) X(article_st_concept) X(article_st_ter_review) \
	X(article_st_gearchiveerd) X(article_status_concept) \
	X(article_status_ter_review) X(article_status_gearchiveerd) \
	X(article_st_hidden) X(article_status_hidden) \
	X(article_feedback_title) X(article_actions_label) \
	X(article_act_edit) X(article_act_history) X(article_act_submit) \
	X(article_act_review) X(article_act_checked) \
	X(article_act_archive) X(article_act_restore) \
	X(article_done_opgeslagen) X(article_done_ingediend) \
	X(article_done_goedgekeurd) X(article_done_teruggestuurd) \
	X(article_done_gearchiveerd) X(article_done_teruggezet) \
	X(article_done_gecontroleerd) X(article_done_hersteld) \
	X(article_new_link) X(article_feed_link) X(article_theme_feed) \
	X(article_filter_legend) X(article_f_theme) X(article_f_all_themes) \
	X(article_f_community) X(article_f_all_communities) \
	X(article_f_tag) X(article_f_tag_hint) X(article_f_sort) \
	X(article_sort_nieuw) X(article_sort_titel) \
	X(article_sort_gecontroleerd) X(article_f_button) \
	X(article_bad_theme) X(article_bad_community) X(article_bad_tag) \
	X(article_tag_too_long) X(article_bad_sort) X(article_bad_page) \
	X(article_too_many_args) X(article_none) X(article_none_filtered) \
	X(article_none_page) X(article_count_one) X(article_count) \
	X(article_pages_label) X(article_prev) X(article_next) \
	X(article_page_of) X(article_results_label) X(feed_articles_title) \
	X(feed_articles_subtitle) X(feed_theme_title)

#endif
