/* Messages of the resource editor and suggestions (web/resource_edit*.c); strings in msg_resedit_<locale>.inc. */
#ifndef BRON_MSG_RESEDIT_H
#define BRON_MSG_RESEDIT_H

#define MSG_LIST_RESEDIT(X)

#endif
