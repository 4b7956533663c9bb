/* Messages of the series pages: /masterminds, series page, series form, calendar feed, series actions list (web/mm_series*.c, mm_index.c, mm_ics.c, mm_actions_list.c); strings in msg_mmseries_<locale>.inc. */
#ifndef BRON_MSG_MMSERIES_H
#define BRON_MSG_MMSERIES_H

#define MSG_LIST_MMSERIES(X)

#endif
