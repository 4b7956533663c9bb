/* Messages of replies under stories, quotes on the monitor and the warnings in other lists (web/story_reply*.c, story_quote*.c); strings in msg_storyextra_<locale>.inc. */
#ifndef BRON_MSG_STORYEXTRA_H
#define BRON_MSG_STORYEXTRA_H

#define MSG_LIST_STORYEXTRA(X)

#endif
