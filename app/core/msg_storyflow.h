/* Messages of review by editors, publish, withdraw, scope, the author look and the editors' story queue (web/story_review.c, story_publish.c, story_withdraw.c, story_scope.c, story_author.c, story_queue.c); strings in msg_storyflow_<locale>.inc. */
#ifndef BRON_MSG_STORYFLOW_H
#define BRON_MSG_STORYFLOW_H

#define MSG_LIST_STORYFLOW(X)

#endif
