/* Messages of the reset pages (names only; strings in msg_reset_<locale>.inc). */
#ifndef BRON_MSG_RESET_H
#define BRON_MSG_RESET_H

#define MSG_LIST_RESET(X)

#endif
