/* Messages of the minutes workflow, amendments, addenda and action forms, My actions (web/mm_minutes.c, mm_amend*.c, mm_addendum.c, mm_action*.c, mm_my_actions.c); strings in msg_mmflow_<locale>.inc. */
#ifndef BRON_MSG_MMFLOW_H
#define BRON_MSG_MMFLOW_H

#define MSG_LIST_MMFLOW(X)

#endif
