/* Messages of the resource page, the list of resources and its feed (web/resource_show*.c, resource_list*.c, feed_resource.c); strings in msg_resshow_<locale>.inc. */
#ifndef BRON_MSG_RESSHOW_H
#define BRON_MSG_RESSHOW_H

#define MSG_LIST_RESSHOW(X)

#endif
