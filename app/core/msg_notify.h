/* Messages of notifications and following (web/notify*.c, follow.c); strings in msg_notify_<locale>.inc. */
#ifndef BRON_MSG_NOTIFY_H
#define BRON_MSG_NOTIFY_H

#define MSG_LIST_NOTIFY(X) \
	X(follow_on) X(follow_off) X(follow_done_on) X(follow_done_off) \
	X(follow_bad) X(follow_back)

#endif
