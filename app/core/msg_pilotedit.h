/* Messages of the pilot editor (web/pilot_edit*.c); strings in msg_pilotedit_<locale>.inc. */
#ifndef BRON_MSG_PILOTEDIT_H
#define BRON_MSG_PILOTEDIT_H

#define MSG_LIST_PILOTEDIT(X)

#endif
