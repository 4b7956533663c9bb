/* Messages of the edit pages (names only; strings in msg_edit_<locale>.inc). */
#ifndef BRON_MSG_EDIT_H
#define BRON_MSG_EDIT_H

#define MSG_LIST_EDIT(X)

#endif
