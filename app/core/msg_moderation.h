/* Messages of flags and moderation (web/flag.c, moderation.c); strings in msg_moderation_<locale>.inc. */
#ifndef BRON_MSG_MODERATION_H
#define BRON_MSG_MODERATION_H

#define MSG_LIST_MODERATION(X)

#endif
