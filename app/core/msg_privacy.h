/* Messages of the privacy pages (names only; strings in msg_privacy_<locale>.inc). */
#ifndef BRON_MSG_PRIVACY_H
#define BRON_MSG_PRIVACY_H

#define MSG_LIST_PRIVACY(X)

#endif
