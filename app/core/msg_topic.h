/* Messages of discussions (web/topic*.c, post*.c); strings in msg_topic_<locale>.inc. */
#ifndef BRON_MSG_TOPIC_H
#define BRON_MSG_TOPIC_H

#define MSG_LIST_TOPIC(X)

#endif
