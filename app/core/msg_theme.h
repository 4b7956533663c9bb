/* Messages of the theme pages (names only; strings in msg_theme_<locale>.inc). */
#ifndef BRON_MSG_THEME_H
#define BRON_MSG_THEME_H

#define MSG_LIST_THEME(X)

#endif
