/* Messages of the story page, the warning gate, the stories list, the stories feed, the help banner and the warning settings (web/story_show*.c, story_list.c, feed_story.c, help.c); strings in msg_storyread_<locale>.inc. */
#ifndef BRON_MSG_STORYREAD_H
#define BRON_MSG_STORYREAD_H

#define MSG_LIST_STORYREAD(X)

#endif
