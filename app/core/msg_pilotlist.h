/* Messages of the pilot overview, facets, compare, /lessen and the pilot feed (web/pilot_list.c, pilot_compare.c, lesson_list.c); strings in msg_pilotlist_<locale>.inc. */
#ifndef BRON_MSG_PILOTLIST_H
#define BRON_MSG_PILOTLIST_H

#define MSG_LIST_PILOTLIST(X)

#endif
