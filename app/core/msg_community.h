/* Messages of communities of practice (web/community*.c); strings in msg_community_<locale>.inc. */
#ifndef BRON_MSG_COMMUNITY_H
#define BRON_MSG_COMMUNITY_H

#define MSG_LIST_COMMUNITY(X)

#endif
