/* Messages of the flow pages (names only; strings in msg_flow_<locale>.inc). */
#ifndef BRON_MSG_FLOW_H
#define BRON_MSG_FLOW_H

#define MSG_LIST_FLOW(X)

#endif
