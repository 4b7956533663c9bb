/* Messages of the story editor, submit with consent and my stories (web/story_edit*.c, story_mine.c); strings in msg_storyedit_<locale>.inc. */
#ifndef BRON_MSG_STORYEDIT_H
#define BRON_MSG_STORYEDIT_H

#define MSG_LIST_STORYEDIT(X)

#endif
