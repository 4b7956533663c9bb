/* Messages of the pilot overview, facets, compare, /lessen and the pilot feed (web/pilot_list.c, pilot_compare.c, lesson_list.c); strings in msg_pilotlist_<locale>.inc. */
#ifndef BRON_MSG_PILOTLIST_H
#define BRON_MSG_PILOTLIST_H

#define MSG_LIST_PILOTLIST(X) \
	X(plist_filters) X(plist_to_results) X(plist_clear) X(plist_chosen) \
	X(plist_f_thema) X(plist_f_jaar) X(plist_f_soort) \
	X(plist_sort_label) X(plist_sort_nieuw) X(plist_sort_titel) \
	X(plist_sort_start) X(plist_sort_fase) X(plist_count) \
	X(plist_count_one) X(plist_none_filtered) X(plist_none_page) \
	X(plist_first_page) \
	X(plist_new) X(plist_lessons_link) X(plist_feed_link) \
	X(plist_compare_one) X(plist_compare_hint) X(plist_compare_button) \
	X(plist_bad_value) X(plist_over) \
	X(plist_cmp_title) X(plist_cmp_caption) X(plist_cmp_field) \
	X(plist_cmp_too_few) X(plist_cmp_too_many) X(plist_cmp_bad_id) \
	X(plist_cmp_not_found) X(plist_cmp_back) X(plist_cmp_lessons) \
	X(plist_cmp_lesson_one) X(plist_cmp_age_from) X(plist_cmp_age_to) \
	X(plist_cmp_hint) \
	X(plist_les_title) X(plist_les_intro) X(plist_les_count) \
	X(plist_les_count_one) X(plist_les_none) X(plist_les_none_filtered) \
	X(plist_les_none_page) X(plist_les_pilot) X(plist_les_pilots_link) \
	X(plist_feed_title) X(plist_feed_subtitle)

#endif
