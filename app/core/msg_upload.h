/* Messages of uploads, downloads and members' images (web/upload*.c, image*.c); strings in msg_upload_<locale>.inc. */
#ifndef BRON_MSG_UPLOAD_H
#define BRON_MSG_UPLOAD_H

#define MSG_LIST_UPLOAD(X)

#endif
