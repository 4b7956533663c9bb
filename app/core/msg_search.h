/* Messages of the search page (web/search*.c); strings in msg_search_<locale>.inc (prefix sr_). */
#ifndef BRON_MSG_SEARCH_H
#define BRON_MSG_SEARCH_H

#define MSG_LIST_SEARCH(X)

#endif
