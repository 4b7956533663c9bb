/* Messages of the pilot page, lessons and the contact person (web/pilot_show*.c, lesson*.c, pilot_contact.c); strings in msg_pilot_<locale>.inc. */
#ifndef BRON_MSG_PILOT_H
#define BRON_MSG_PILOT_H

#define MSG_LIST_PILOT(X)

#endif
