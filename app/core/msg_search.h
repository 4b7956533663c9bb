/* Messages of the search page (web/search*.c); strings in msg_search_<locale>.inc (prefix srch_: sr_ is the story pages'). */
#ifndef BRON_MSG_SEARCH_H
#define BRON_MSG_SEARCH_H

#define MSG_LIST_SEARCH(X) \
	X(srch_site_label) X(srch_site_button) X(srch_form_label) X(srch_syntax) \
	X(srch_kind_artikel) X(srch_kind_pilot) X(srch_kind_les) \
	X(srch_kind_mastermind) X(srch_kind_verhaal) X(srch_kind_bron) \
	X(srch_kind_gesprek) X(srch_kind_gemeenschap) X(srch_kind_thema) \
	X(srch_kind_opgave) X(srch_kind_pagina) \
	X(srch_empty) X(srch_no_terms) X(srch_only_not) X(srch_void) \
	X(srch_note_unbalanced) X(srch_note_truncated) \
	X(srch_count) X(srch_count_one) X(srch_count_none) X(srch_none_filtered) \
	X(srch_none_page) X(srch_first_page) \
	X(srch_didyoumean) X(srch_titles) X(srch_community) \
	X(srch_filters) X(srch_to_results) \
	X(srch_f_kind) X(srch_f_theme) X(srch_f_comm) X(srch_f_region) X(srch_f_year) \
	X(srch_all_kinds) X(srch_all_themes) X(srch_all_comms) X(srch_all_regions) \
	X(srch_all_years) \
	X(srch_bad_kind) X(srch_bad_theme) X(srch_bad_comm) X(srch_bad_region) \
	X(srch_bad_year) X(srch_bad_page)

#endif
