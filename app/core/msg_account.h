/* Messages of the account pages (names only; strings in msg_account_<locale>.inc). */
#ifndef BRON_MSG_ACCOUNT_H
#define BRON_MSG_ACCOUNT_H

#define MSG_LIST_ACCOUNT(X)

#endif
