/* Messages of the session pages: session form, session page, Markdown export (web/mm_session*.c, mm_export.c); strings in msg_mmsession_<locale>.inc. */
#ifndef BRON_MSG_MMSESSION_H
#define BRON_MSG_MMSESSION_H

#define MSG_LIST_MMSESSION(X)

#endif
