/* Messages of the admin pages (names only; strings in msg_admin_<locale>.inc). */
#ifndef BRON_MSG_ADMIN_H
#define BRON_MSG_ADMIN_H

#define MSG_LIST_ADMIN(X) \
	X(admin_nav)

#endif
