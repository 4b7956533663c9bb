/* Messages of the synonym editor in /redactie (web/synonym*.c); strings in msg_synonym_<locale>.inc (prefix sy_). */
#ifndef BRON_MSG_SYNONYM_H
#define BRON_MSG_SYNONYM_H

#define MSG_LIST_SYNONYM(X)

#endif
